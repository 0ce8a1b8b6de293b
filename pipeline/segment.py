"""Sentences, words and tags.

Sentences are cut on the analysis text, which is already half-width: the Chinese
full stop family (。！？；…) and, for text that uses ASCII punctuation, ``! ? ;``
and ``.`` where it really ends a sentence. A line break always ends a sentence
(news dumps put one paragraph, heading or table row per line). Quoted speech
(「…」, “…”, "…") is not cut inside, so a sentence that quotes a farewell post
stays one piece of evidence.

Words and part-of-speech tags come from ``rjieba`` (jieba-rs: the same dictionary
and algorithm as jieba, about 200 times faster than ``jieba.posseg`` here), with
the titles and organizations of ``models/`` added as user words.
"""
from __future__ import annotations

import functools
import re
from typing import NamedTuple

from .lexicons import read_rows
from .records import Sentence

_ZH_TERMINATORS = set("。！？!?；;…")
_CLOSERS = set("”’」』）)》】\"'")
_OPENING_QUOTES = {"「": "」", "『": "』", "“": "”", "《": "》"}
# Words before a '.' that do not end an English sentence.
_EN_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof sr jr st mt ft gen col lt sgt capt gov sen rep rev pres vs etc inc ltd co corp
    jan feb mar apr jun jul aug sep sept oct nov dec no u.s u.k e.g i.e a.m p.m""".split()
)
_MAX_QUOTE = 400  # a quote longer than this is treated as unbalanced rather than swallowing a paragraph


def _is_en_boundary(line: str, i: int) -> bool:
    """Does the '.' at ``line[i]`` end an English sentence?"""
    nxt = line[i + 1 : i + 3]
    if not nxt or not (nxt[0] == " " or nxt[0] in _CLOSERS):
        return False
    rest = line[i + 1 :].lstrip(" \"'”’)")
    if rest and not (rest[0].isupper() or rest[0].isdigit() or "\u3400" <= rest[0] <= "\u9fff" or rest[0] in "\"“'‘("):
        return False
    word = re.search(r"([A-Za-z.]+)$", line[:i])
    if word:
        token = word.group(1).lower()
        if token in _EN_ABBREVIATIONS or len(token) == 1:
            return False
        if "." in token:  # initialisms such as U.S. or J.P.
            return False
    return True


# The only characters the splitter acts on: terminators, quotes and full stops. The
# loop below visits these and skips the text between them.
_SPECIAL = re.compile(
    "[" + re.escape("".join(sorted(_ZH_TERMINATORS | set(_OPENING_QUOTES) | set(_OPENING_QUOTES.values()) | {'"', "."}))) + "]"
)


def _split_line(line: str, offset: int, respect_quotes: bool) -> list[tuple[int, int]]:
    """Sentence intervals (absolute) inside one line."""
    cuts: list[tuple[int, int]] = []
    start = 0
    stack: list[str] = []
    ascii_quote_open = False
    resume = 0  # characters before this were consumed by the last cut
    n = len(line)
    for special in _SPECIAL.finditer(line):
        i = special.start()
        if i < resume:
            continue
        ch = line[i]
        closed_quote = False
        if respect_quotes:
            if ch in _OPENING_QUOTES:
                stack.append(_OPENING_QUOTES[ch])
            elif stack and ch == stack[-1]:
                stack.pop()
                closed_quote = not stack and not ascii_quote_open
            elif ch == '"':
                ascii_quote_open = not ascii_quote_open
                closed_quote = not ascii_quote_open and not stack
        inside = respect_quotes and (stack or ascii_quote_open)
        boundary = False
        if closed_quote and i > 0 and line[i - 1] in _ZH_TERMINATORS:
            boundary = True  # 「……谢谢大家。」 ends the sentence after the closing quote
        elif not inside:
            if ch in _ZH_TERMINATORS:
                boundary = True
            elif ch == ".":
                boundary = _is_en_boundary(line, i)
        if boundary:
            j = i + 1
            if not closed_quote:
                while j < n and (line[j] in _ZH_TERMINATORS or line[j] in _CLOSERS):
                    j += 1
            cuts.append((start, j))
            start = resume = j
    if start < n:
        cuts.append((start, n))
    return _trimmed(cuts, line, offset)


def _trimmed(cuts: list[tuple[int, int]], line: str, offset: int) -> list[tuple[int, int]]:
    """Cuts without their surrounding white space, empty ones dropped, made absolute."""
    out = []
    for s, e in cuts:
        while s < e and line[s].isspace():
            s += 1
        while e > s and line[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((offset + s, offset + e))
    return out


def _quotes_balanced(line: str) -> bool:
    if line.count('"') % 2:
        return False
    for opener, closer in _OPENING_QUOTES.items():
        if line.count(opener) != line.count(closer):
            return False
    return True


# A wire dateline opening an English article: SAN FRANCISCO, Sept 25 (Reuters) - /
# LONDON, April 3 - / SAN JOSE, California, May 14 (Reuters) -
DATELINE = re.compile(
    r"\s*[A-Z][A-Z .'\-]{2,40}"  # the city, in capitals
    r"(?:,\s+[A-Z][A-Za-z.]+)?"  # a state or country: SAN JOSE, Calif.
    r"(?:"
    r"(?:,\s+[A-Z][a-z]{2,9}\.?\s+\d{1,2}(?:,\s*\d{4})?)(?:\s*\([^)]{2,30}\)|\s*/[A-Za-z ]{2,30}/)?"  # , May 14 (Reuters) / /PRNewswire/
    r"|\s*\((?:AP|AFP|Reuters|Bloomberg|UPI|[A-Z][A-Za-z ]{1,20})\)"  # (AP)
    r")\s*[-–—]+"
)


def split_sentences(text: str, lang: str = "zh") -> list[Sentence]:
    """Cut ``text`` into sentences; every line break ends one.

    ``lang`` is accepted for symmetry with the other stages; the rules above hold
    for both languages (English full stops are recognised by what follows them).
    """
    sentences: list[Sentence] = []
    paragraph = 0
    offset = 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        if not body.strip():
            paragraph += 1
            offset += len(line)
            continue
        respect = _quotes_balanced(body) and len(body) < 20 * _MAX_QUOTE
        is_row = "\t" in body.strip() or body.lstrip().startswith("|")
        spans = [(offset, offset + len(body))] if is_row else _split_line(body, offset, respect)
        if lang == "en" and spans and DATELINE.match(text, spans[0][0], spans[0][1]):
            # "SAN FRANCISCO, Sept 25 (Reuters) - Nimbara AI said …": the dateline is no
            # part of the sentence (the tagger reads the names after it badly otherwise).
            first_start, first_end = spans[0]
            dateline_end = DATELINE.match(text, first_start, first_end).end()
            cut = dateline_end
            while cut < first_end and text[cut] == " ":
                cut += 1
            if cut < first_end:
                spans[0:1] = [(first_start, dateline_end), (cut, first_end)]
        for s, e in spans:
            sentences.append(
                Sentence(
                    index=len(sentences),
                    start=s,
                    end=e,
                    text=text[s:e],
                    is_table_row=is_row,
                    paragraph=paragraph,
                )
            )
        offset += len(line)
    return sentences


# --- words and tags -------------------------------------------------------------------


class Token(NamedTuple):
    """A word with its jieba tag, in the coordinates of the text it was cut from.

    A named tuple rather than a dataclass: every sentence read makes dozens, and
    building a tuple costs a fraction of a frozen dataclass's ``__init__``.
    """

    text: str
    tag: str
    start: int
    end: int


@functools.lru_cache(maxsize=None)
def _tagger():
    """rjieba with the user words of ``models/userdict_zh.tsv`` added once."""
    import rjieba

    for row in read_rows("userdict_zh.tsv"):
        word = row[0]
        freq = int(row[1]) if len(row) > 1 and row[1].isdigit() else 2000
        tag = row[2] if len(row) > 2 else "n"
        rjieba.add_word(word, freq, tag)
    return rjieba


def tokenize(text: str) -> list[Token]:
    """Words and tags of a Chinese text (tags as jieba's: nr person, ns place, nt org...)."""
    tokens: list[Token] = []
    pos = 0
    for word, tag in _tagger().tag(text):
        tokens.append(Token(word, tag, pos, pos + len(word)))
        pos += len(word)
    return tokens
