"""Loading the data files under ``models/``.

Everything a user may want to extend (triggers, titles, surnames, organizations
and their aliases) lives in plain text files there, one entry per line, ``#``
starting a comment, columns separated by a tab. This module only reads them;
the meaning of each file is documented at its top.

Lexicons are loaded once per process and cached: they are the only global state
the pipeline keeps.
"""
from __future__ import annotations

import functools
import os
from pathlib import Path
from typing import Iterable

import ahocorasick

_DEFAULT_MODELS = Path(__file__).resolve().parent.parent / "models"


def models_dir() -> Path:
    """Where the lexicons live: ``$DEPARTURES_MODELS`` or the repository's ``models/``."""
    override = os.environ.get("DEPARTURES_MODELS")
    return Path(override) if override else _DEFAULT_MODELS


def _strip_comment(line: str) -> str:
    # A '#' starts a comment only at the start of a line or after white space, so that
    # entries such as 'C#' survive.
    if line.lstrip().startswith("#"):
        return ""
    for marker in (" #", "\t#"):
        pos = line.find(marker)
        if pos >= 0:
            line = line[:pos]
    return line.rstrip()


@functools.lru_cache(maxsize=None)
def read_rows(name: str) -> tuple[tuple[str, ...], ...]:
    """Rows of a tab-separated lexicon file, comments and blank lines dropped."""
    path = models_dir() / name
    if not path.is_file():
        raise FileNotFoundError(
            f"lexicon {name!r} not found under {models_dir()}: reinstall the package or set DEPARTURES_MODELS"
        )
    rows = []
    with open(path, encoding="utf-8") as handle:
        for raw in handle:
            line = _strip_comment(raw.rstrip("\n"))
            if not line.strip():
                continue
            rows.append(tuple(cell.strip() for cell in line.split("\t")))
    return tuple(rows)


@functools.lru_cache(maxsize=None)
def read_words(name: str) -> frozenset[str]:
    """The words of a word-list file, as a set: the first column of every row,
    split on spaces, so that short words can be listed many to a line."""
    words: set[str] = set()
    for row in read_rows(name):
        if row and row[0]:
            words.update(row[0].split())
    return frozenset(words)


def keyword_automaton(entries: Iterable[tuple[str, object]]) -> ahocorasick.Automaton:
    """An Aho-Corasick automaton over (key, value) pairs.

    Every lexicon of the pipeline is matched this way, in one pass over a text
    however many entries it has; ``iter`` yields (end index, value).
    """
    automaton = ahocorasick.Automaton()
    for key, value in entries:
        automaton.add_word(key, value)
    automaton.make_automaton()
    return automaton
