"""Chinese lexicons of the extractor: trigger words and status cues.

Both are data (``models/triggers_zh.tsv``, ``models/cues_zh.tsv``); this module
loads them once per process into Aho-Corasick automata and answers two
questions: where are the trigger words of a sentence, and what do its cues say
about the status of a departure.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Optional

from ..lexicons import keyword_automaton, read_rows


@dataclass(frozen=True)
class Trigger:
    word: str
    family: str
    score: float


class TriggerLexicon:
    """The trigger words of one language, matched in one Aho-Corasick pass."""

    def __init__(self, rows: tuple[tuple[str, ...], ...]):
        self.triggers = {row[0]: Trigger(row[0], row[1], float(row[2])) for row in rows}
        self._automaton = keyword_automaton((word, word) for word in self.triggers)

    def has_hit(self, text: str) -> bool:
        """Is any trigger word in ``text`` (one automaton pass, no segmentation)?"""
        for _ in self._automaton.iter(text):
            return True
        return False

    def find(self, text: str, word_starts: Optional[set[int]] = None) -> list[tuple[int, int, Trigger]]:
        """Trigger hits, overlaps resolved: the longest leftmost hit (被解雇 beats 解雇),
        except that a hit starting inside a jieba word loses to one starting a word
        (申请辞去: 辞去, not 请辞)."""
        hits = []
        for end_index, word in self._automaton.iter(text):
            hits.append((end_index - len(word) + 1, end_index + 1, self.triggers[word]))
        if word_starts is not None:
            aligned = [h for h in hits if h[0] in word_starts]
            hits = aligned + [h for h in hits if h[0] not in word_starts and not any(a[0] < h[1] and h[0] < a[1] for a in aligned)]
        hits.sort(key=lambda h: (h[0], -(h[1] - h[0])))
        kept: list[tuple[int, int, Trigger]] = []
        for hit in hits:
            if kept and hit[0] < kept[-1][1]:
                continue
            kept.append(hit)
        return kept


class CueLexicon:
    """Status cues and exclusions (models/cues_zh.tsv)."""

    PRECEDENCE = ("attempt", "denied", "rumored", "planned", "reported")

    def __init__(self, rows: tuple[tuple[str, ...], ...]):
        self.cues = {row[0]: row[1] for row in rows}
        self._automaton = keyword_automaton(self.cues.items())

    def status(self, text: str) -> Optional[str]:
        found = {meaning for _, meaning in self._automaton.iter(text)}
        for meaning in self.PRECEDENCE:
            if meaning in found:
                return meaning
        return None


@functools.lru_cache(maxsize=None)
def trigger_lexicon() -> TriggerLexicon:
    return TriggerLexicon(read_rows("triggers_zh.tsv"))


@functools.lru_cache(maxsize=None)
def cue_lexicon() -> CueLexicon:
    return CueLexicon(read_rows("cues_zh.tsv"))
