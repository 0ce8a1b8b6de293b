"""Scoring predicted events against gold, exactly as ``shared/spec/events.md`` says.

The numbers are the reference scorer's (``shared/tools/score.py``): events match
on person (name or any alias) and organization (equal or one containing the
other) after NFKC, pinyin-debris removal, traditional→simplified conversion,
case folding and dropping spaces and punctuation; ``date`` and ``status`` are
scored exactly, ``role`` / ``destination`` / ``reason`` by character-bag F1;
provenance is sound when every cited span is verbatim at its offsets and one of
them names the person. This module adds what a developer needs on top: the
lists of misses, false positives and wrong fields, and a JSON form that a
benchmark can diff.
"""
from __future__ import annotations

import functools
import json
import logging
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Optional, Union

log = logging.getLogger(__name__)

_PINYIN = re.compile(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)")
_DROP = re.compile(r"[\s.\-·・•_'’\"“”()（）]")
SCORED_FIELDS = ("date", "role", "destination", "reason", "status")
EXACT_FIELDS = ("date", "status")


@functools.lru_cache(maxsize=None)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


def norm(value: object) -> str:
    """The form names and field values are compared in (any JSON value, as the reference scorer takes it)."""
    if value is None:
        return ""
    return _norm_text(str(value))


@functools.lru_cache(maxsize=65536)
def _norm_text(value: str) -> str:
    text = unicodedata.normalize("NFKC", value)
    text = _PINYIN.sub("", text)
    text = _t2s().convert(text).casefold()
    return _DROP.sub("", text)


def _names(event: dict, key: str, alias_key: str) -> set[str]:
    out = {norm(event.get(key))}
    out.update(norm(alias) for alias in event.get(alias_key) or [])
    out.discard("")
    return out


def person_matches(pred: dict, gold: dict) -> bool:
    return bool(_names(pred, "person", "person_aliases") & _names(gold, "person", "person_aliases"))


def org_matches(pred: dict, gold: dict) -> bool:
    for a in _names(pred, "org", "org_aliases"):
        for b in _names(gold, "org", "org_aliases"):
            if a == b or (len(a) >= 2 and len(b) >= 2 and (a in b or b in a)):
                return True
    return False


def overlap(a: object, b: object) -> float:
    """Character-bag F1 of two values, as DuEE scores arguments."""
    a, b = norm(a), norm(b)
    if not a and not b:
        return 1.0
    if not a or not b:
        return 0.0
    common = sum((Counter(a) & Counter(b)).values())
    if common == 0:
        return 0.0
    precision, recall = common / len(a), common / len(b)
    return 2 * precision * recall / (precision + recall)


@dataclass
class FieldScore:
    """Mean score of one field over the matched events whose gold states it."""

    value: Optional[float]
    count: int


@dataclass
class Report:
    """Event-level and field-level scores of one prediction file against one gold file."""

    gold_required: int
    predicted: int
    tp: int
    fp: int
    fn: int
    fields: dict[str, FieldScore]
    provenance_sound: int
    provenance_agrees: int
    provenance_checked: int
    misses: list[dict] = field(default_factory=list)
    false_positives: list[dict] = field(default_factory=list)
    field_errors: list[tuple[str, dict, dict]] = field(default_factory=list)  # (field, pred, gold)
    unsound: list[dict] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_json(self) -> dict:
        """The reference scorer's ``--json`` object, key for key."""
        return {
            "gold_required": self.gold_required,
            "pred": self.predicted,
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "fields": {k: [None if v.value is None else round(v.value, 4), v.count] for k, v in self.fields.items()},
            "provenance_sound": f"{self.provenance_sound}/{self.provenance_checked}",
            "provenance_agrees": f"{self.provenance_agrees}/{self.provenance_checked}",
        }


def _is_sound(pred: dict, gold: dict, text: Optional[str]) -> bool:
    sources = pred.get("sources") or []
    if not sources:
        return False
    if text is None:
        return True  # nothing to check the offsets against
    for source in sources:
        start, end = source.get("start"), source.get("end")
        if not isinstance(start, int) or not isinstance(end, int) or text[start:end] != source.get("text"):
            return False
    names = _names(pred, "person", "person_aliases") | _names(gold, "person", "person_aliases")
    return any(any(n in norm(s.get("text")) for n in names) for s in sources)


def _agrees(pred: dict, gold: dict) -> bool:
    evidence = [norm(e) for e in gold.get("evidence") or []]
    for source in pred.get("sources") or []:
        quoted = norm(source.get("text"))
        if not quoted:
            continue
        for e in evidence:
            if quoted in e or e in quoted or overlap(source.get("text"), e) > 0.6:
                return True
    return False


def evaluate(gold: list[dict], pred: list[dict], sources: dict[str, str]) -> Report:
    """Score ``pred`` against ``gold``; ``sources`` maps doc ids to source texts.

    Greedy matching in prediction order, as the reference scorer does: a second
    prediction of an event already found is neither credit nor penalty.
    """
    docs = {g["doc"] for g in gold}
    gold_events = [g for g in gold if not g.get("none")]
    pred = [p for p in pred if str(p.get("doc")) in docs]
    used: set[int] = set()
    matched: list[tuple[dict, dict]] = []
    false_positives: list[dict] = []
    for p in pred:
        hit = None
        for j, g in enumerate(gold_events):
            if g["doc"] == str(p.get("doc")) and person_matches(p, g) and org_matches(p, g):
                hit = j
                if j not in used:
                    break
        if hit is None:
            false_positives.append(p)
            continue
        if hit in used:
            continue
        used.add(hit)
        if not gold_events[hit].get("optional"):
            matched.append((p, gold_events[hit]))
    required = [g for g in gold_events if not g.get("optional")]
    misses = [g for j, g in enumerate(gold_events) if not g.get("optional") and j not in used]

    fields: dict[str, FieldScore] = {}
    field_errors: list[tuple[str, dict, dict]] = []
    for name in SCORED_FIELDS:
        values = []
        for p, g in matched:
            if g.get(name) is None:
                continue
            if name in EXACT_FIELDS:
                score = 1.0 if str(p.get(name) or "") == str(g[name]) else 0.0
            else:
                score = overlap(p.get(name), g[name])
            values.append(score)
            if score < 1.0:
                field_errors.append((name, p, g))
        fields[name] = FieldScore(sum(values) / len(values) if values else None, len(values))

    sound = agrees = 0
    unsound = []
    for p, g in matched:
        if _is_sound(p, g, sources.get(str(p.get("doc")))):
            sound += 1
        else:
            unsound.append(p)
        agrees += _agrees(p, g)
    return Report(
        gold_required=len(required),
        predicted=len(pred),
        tp=len(matched),
        fp=len(false_positives),
        fn=len(misses),
        fields=fields,
        provenance_sound=sound,
        provenance_agrees=agrees,
        provenance_checked=len(matched),
        misses=misses,
        false_positives=false_positives,
        field_errors=field_errors,
        unsound=unsound,
    )


def format_report(report: Report, verbose: bool = False) -> str:
    """The table ``departures evaluate`` prints; ``verbose`` lists every miss and error."""
    lines = [
        f"events: P={report.precision:.3f} R={report.recall:.3f} F1={report.f1:.3f}  "
        f"(tp={report.tp} fp={report.fp} fn={report.fn}; gold required={report.gold_required}, predicted={report.predicted})",
    ]
    for name, score in report.fields.items():
        shown = "-" if score.value is None else f"{score.value:.3f}"
        lines.append(f"  {name:12s} {shown}  over {score.count}")
    lines.append(
        f"  provenance sound {report.provenance_sound}/{report.provenance_checked}, "
        f"agrees with gold {report.provenance_agrees}/{report.provenance_checked}"
    )
    if verbose:
        for g in report.misses:
            lines.append(f"  MISS  {g['doc']} {g.get('person')} @ {g.get('org')}")
        for p in report.false_positives:
            quote = ((p.get("sources") or [{}])[0].get("text") or "")[:60]
            lines.append(f"  FP    {p.get('doc')} {p.get('person')} @ {p.get('org')} | {quote}")
        for name, p, g in report.field_errors:
            lines.append(f"  {name.upper():5s} {g['doc']} {g.get('person')}: predicted {p.get(name)!r}, gold {g.get(name)!r}")
        for p in report.unsound:
            lines.append(f"  UNSOUND {p.get('doc')} {p.get('person')} {p.get('sources')}")
    return "\n".join(lines)


def load_jsonl(path: Union[str, Path]) -> list[dict]:
    """JSON objects of a JSONL file; a bad line is reported on stderr and skipped."""
    out = []
    with open(path, encoding="utf-8") as handle:
        for line_no, line in enumerate(handle, 1):
            line = line.strip()
            if not line:
                continue
            try:
                out.append(json.loads(line))
            except json.JSONDecodeError as exc:
                log.warning("%s:%d: bad JSON (%s); line skipped", path, line_no, exc)
    return out


def load_sources(paths: Iterable[Union[str, Path]]) -> dict[str, str]:
    """Source texts by doc id, read as the reference scorer reads them.

    Files of a folder by name (text mode: universal newlines), and the ``text``
    of every line of a JSONL dump by ``id``; unreadable files are skipped with a
    warning because provenance can then not be checked for them.
    """
    texts: dict[str, str] = {}
    for given in paths or []:
        path = Path(given)
        if path.is_dir():
            for f in sorted(path.rglob("*")):
                if f.is_file():
                    try:
                        texts[f.name] = f.read_text(encoding="utf-8")
                    except (UnicodeDecodeError, OSError) as exc:
                        log.warning("%s: not readable as UTF-8 text (%s); provenance of its events is not checked", f, exc)
        elif path.suffix == ".jsonl":
            for record in load_jsonl(path):
                if "text" in record:
                    texts[str(record["id"])] = record["text"]
    return texts
