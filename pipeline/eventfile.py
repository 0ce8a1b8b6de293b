"""Reading events files back: the extractor's JSONL, merged output, older runs.

``load``, ``review`` and ``show`` all start from a file someone else wrote, maybe
by an older version of the extractor, maybe the cross-document merge
(``events.merged.jsonl``: one line per merged event with ``merged_id`` and a list
of per-document ``mentions``). So reading is tolerant: unknown fields are kept in
``extra`` rather than refused, missing optional fields become ``None``, a merged
line is flattened into one record per mention, and a line that cannot be an
event (bad JSON, no ``doc`` or ``person``) is reported with its file and line
number and skipped, so one bad line never costs the whole file.
"""
from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Optional, Sequence, Union

from .resolve import event_id as make_event_id
from .resolve import fold

log = logging.getLogger(__name__)

# Fields with a meaning of their own; anything else on a line goes to ``extra``.
KNOWN_FIELDS = (
    "event_id", "doc", "person", "person_aliases", "org", "org_aliases", "role", "date",
    "date_precision", "destination", "reason", "status", "confidence", "sources", "rule",
    "lang", "merged_id", "evidence",
)
_MERGE_FIELDS = ("mentions",)


@dataclass(frozen=True)
class Source:
    """One cited sentence: offsets into the document's source text and the quote."""

    doc: str
    start: Optional[int]
    end: Optional[int]
    text: str
    alignment: Optional[str] = None

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"start": self.start, "end": self.end, "text": self.text}
        if self.alignment is not None:
            out["alignment"] = self.alignment
        return out


@dataclass
class EventRecord:
    """One event of one document, as read from an events file."""

    event_id: str
    doc: str
    person: str
    person_aliases: list[str] = field(default_factory=list)
    org: Optional[str] = None
    org_aliases: list[str] = field(default_factory=list)
    role: Optional[str] = None
    date: Optional[str] = None
    date_precision: Optional[str] = None
    destination: Optional[str] = None
    reason: Optional[str] = None
    status: Optional[str] = None
    confidence: Optional[float] = None
    rule: Optional[str] = None
    lang: Optional[str] = None
    merged_id: Optional[str] = None
    sources: list[Source] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)
    origin: str = ""  # "file:line", for messages

    def to_json(self) -> dict[str, Any]:
        """The record in the extractor's output contract (plus ``merged_id`` / extras when set)."""
        out: dict[str, Any] = {
            "event_id": self.event_id,
            "doc": self.doc,
            "person": self.person,
            "person_aliases": list(self.person_aliases),
            "org": self.org,
            "org_aliases": list(self.org_aliases),
            "role": self.role,
            "date": self.date,
            "date_precision": self.date_precision,
            "destination": self.destination,
            "reason": self.reason,
            "status": self.status,
            "confidence": self.confidence,
            "sources": [s.to_json() for s in self.sources],
            "rule": self.rule,
            "lang": self.lang,
        }
        if self.merged_id is not None:
            out["merged_id"] = self.merged_id
        out.update(self.extra)
        return out


@dataclass
class EventFile:
    """What a file held: its events, its ``{"doc", "none": true}`` lines, and what was skipped."""

    records: list[EventRecord] = field(default_factory=list)
    none_docs: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    paths: list[Path] = field(default_factory=list)  # the files read, in order


class EventFileError(RuntimeError):
    """An events file that cannot be read at all; the message names it and says what to do."""


class RecordError(ValueError):
    """A line that is JSON but not an event; the message says what is missing."""


def _text(value: Any) -> Optional[str]:
    if value is None:
        return None
    text = str(value)
    return text if text.strip() else None


def _names(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, (list, tuple)):
        raise RecordError(f"aliases must be a list of strings, not {type(value).__name__}")
    out: list[str] = []
    for item in value:
        name = _text(item)
        if name is not None and name not in out:
            out.append(name)
    return out


def _int(value: Any) -> Optional[int]:
    if value is None or isinstance(value, bool):
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _sources(obj: dict[str, Any], doc: str) -> list[Source]:
    """``sources`` of the contract; failing that, gold ``evidence`` (quotes without offsets)."""
    raw = obj.get("sources")
    out: list[Source] = []
    if isinstance(raw, list):
        for item in raw:
            if isinstance(item, str):
                out.append(Source(doc, None, None, item))
            elif isinstance(item, dict) and item.get("text") is not None:
                out.append(
                    Source(
                        doc=str(item.get("doc") or doc),
                        start=_int(item.get("start")),
                        end=_int(item.get("end")),
                        text=str(item["text"]),
                        alignment=_text(item.get("alignment")),
                    )
                )
    elif raw is not None:
        raise RecordError(f"sources must be a list, not {type(raw).__name__}")
    if not out and isinstance(obj.get("evidence"), list):
        out = [Source(doc, None, None, str(e)) for e in obj["evidence"] if e is not None]
    return out


def record_from_json(obj: dict[str, Any], origin: str = "") -> EventRecord:
    """One event dict (the contract, or a merged mention already combined with its parent)."""
    doc = _text(obj.get("doc"))
    person = _text(obj.get("person"))
    if doc is None or person is None:
        missing = " and ".join(k for k, v in (("doc", doc), ("person", person)) if v is None)
        raise RecordError(f"no {missing}: every event needs a doc and a person")
    org = _text(obj.get("org"))
    event_id = _text(obj.get("event_id")) or make_event_id(doc, fold(person), fold(org or ""))
    confidence = obj.get("confidence")
    try:
        confidence = None if confidence is None else float(confidence)
    except (TypeError, ValueError):
        raise RecordError(f"confidence {confidence!r} is not a number") from None
    extra = {k: v for k, v in obj.items() if k not in KNOWN_FIELDS and k not in _MERGE_FIELDS and k != "none"}
    return EventRecord(
        event_id=event_id,
        doc=doc,
        person=person,
        person_aliases=[a for a in _names(obj.get("person_aliases")) if a != person],
        org=org,
        org_aliases=[a for a in _names(obj.get("org_aliases")) if a != org],
        role=_text(obj.get("role")),
        date=_text(obj.get("date")),
        date_precision=_text(obj.get("date_precision")),
        destination=_text(obj.get("destination")),
        reason=_text(obj.get("reason")),
        status=_text(obj.get("status")),
        confidence=confidence,
        rule=_text(obj.get("rule")),
        lang=_text(obj.get("lang")),
        merged_id=_text(obj.get("merged_id")),
        sources=_sources(obj, doc),
        extra=extra,
        origin=origin,
    )


def records_from_line(obj: Any, origin: str = "") -> list[EventRecord]:
    """The events one JSON line stands for: one, or one per mention of a merged event.

    A mention is the per-document event line; it takes the merged line's
    ``merged_id``, and the contract fields it does not state itself, so a merge
    that writes only ``{"doc", "event_id", "sources"}`` per mention still loads.
    """
    if not isinstance(obj, dict):
        raise RecordError(f"a line must be a JSON object, not {type(obj).__name__}")
    mentions = obj.get("mentions")
    if mentions is None:
        return [record_from_json(obj, origin)]
    if not isinstance(mentions, list):
        raise RecordError(f"mentions must be a list, not {type(mentions).__name__}")
    # Only contract fields are inherited: the merged line's own bookkeeping
    # (docs, conflicts, keys) describes the merged event, not one document's.
    parent = {k: v for k, v in obj.items() if k in KNOWN_FIELDS and k not in ("sources", "event_id", "doc")}
    out = []
    for i, mention in enumerate(mentions):
        if isinstance(mention, str):
            mention = {"event_id": mention}
        if not isinstance(mention, dict):
            raise RecordError(f"mention {i} is not an object")
        combined = {**parent, **mention, "merged_id": obj.get("merged_id")}
        combined.setdefault("doc", mention.get("doc") or obj.get("doc"))
        if "sources" not in mention and obj.get("sources"):
            # A merged line citing several documents: keep the sources of this mention's doc.
            combined["sources"] = [
                s for s in obj["sources"] if not isinstance(s, dict) or s.get("doc") in (None, combined["doc"])
            ]
        out.append(record_from_json(combined, f"{origin} mention {i}"))
    return out


def read_events(path: Union[str, Path]) -> EventFile:
    """All events of one JSONL file; bad lines are logged with file:line and skipped.

    Raises :class:`EventFileError` for a file that cannot be read at all.
    """
    path = Path(path)
    result = EventFile(paths=[path])
    try:
        handle = open(path, encoding="utf-8")
    except FileNotFoundError:
        raise EventFileError(
            f"{path}: no such events file; write one with `departures extract CORPUS -o {path}`"
        ) from None
    except OSError as exc:
        raise EventFileError(f"{path}: cannot read ({exc.strerror}); give an events JSONL file") from None
    with handle:
        for line_no, line in _lines(handle, path):
            line = line.strip()
            if not line:
                continue
            origin = f"{path}:{line_no}"
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                result.problems.append(f"{origin}: not JSON ({exc.msg}); line skipped")
                continue
            if _SURROGATE_ESCAPE.search(line):
                obj = _without_lone_surrogates(obj)
            if isinstance(obj, dict) and obj.get("none") is True and "person" not in obj:
                if obj.get("doc") is not None:
                    result.none_docs.append(str(obj["doc"]))
                continue
            try:
                result.records.extend(records_from_line(obj, origin))
            except RecordError as exc:
                result.problems.append(f"{origin}: {exc}; line skipped")
    for problem in result.problems:
        log.warning("%s", problem)
    return result


_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _without_lone_surrogates(value: Any) -> Any:
    """``"\\ud800"`` alone is valid JSON but no character: it could be neither
    stored nor written as UTF-8, so it becomes U+FFFD (escaped pairs are already joined)."""
    if isinstance(value, str):
        return _LONE_SURROGATE.sub("\ufffd", value)
    if isinstance(value, list):
        return [_without_lone_surrogates(v) for v in value]
    if isinstance(value, dict):
        return {_without_lone_surrogates(k): _without_lone_surrogates(v) for k, v in value.items()}
    return value


def _lines(handle: Iterable[str], path: Path) -> Iterable[tuple[int, str]]:
    try:
        yield from enumerate(handle, 1)
    except UnicodeDecodeError as exc:
        raise EventFileError(f"{path}: not UTF-8 text ({exc.reason}); give the JSONL the extractor wrote") from None


def combine(files: Iterable[EventFile]) -> EventFile:
    """Several files as one, keyed by ``event_id``: a later file's record wins.

    Used to read ``events.jsonl`` together with ``events.merged.jsonl``: the merged
    file repeats the same per-document events, adding their ``merged_id``; a
    record without one keeps the ``merged_id`` an earlier file gave it.
    """
    out = EventFile()
    by_id: dict[str, EventRecord] = {}
    for f in files:
        for record in f.records:
            previous = by_id.get(record.event_id)
            if previous is not None and record.merged_id is None:
                record.merged_id = previous.merged_id
            by_id[record.event_id] = record
        out.none_docs.extend(d for d in f.none_docs if d not in out.none_docs)
        out.problems.extend(f.problems)
        out.paths.extend(f.paths)
    out.records = list(by_id.values())
    return out


def merged_sibling(path: Union[str, Path]) -> Optional[Path]:
    """``events.merged.jsonl`` beside ``events.jsonl``, when the merge step wrote one."""
    path = Path(path)
    if path.name.endswith(".merged.jsonl"):
        return None
    sibling = path.with_name(path.stem + ".merged.jsonl")
    return sibling if sibling.is_file() else None


def read_inputs(paths: Sequence[Union[str, Path]], with_merged: bool = True) -> EventFile:
    """The events of several files as one (see :func:`combine`).

    With ``with_merged``, an ``events.merged.jsonl`` lying beside a given
    ``events.jsonl`` is read after it, so its ``merged_id``\\ s come along.
    """
    files: list[Path] = []
    for given in paths:
        path = Path(given)
        if path not in files:
            files.append(path)
        sibling = merged_sibling(path) if with_merged else None
        if sibling is not None and sibling not in files and sibling not in [Path(p) for p in paths]:
            log.info("%s: reading the merged output %s beside it too", path, sibling)
            files.append(sibling)
    return combine(read_events(f) for f in files)
