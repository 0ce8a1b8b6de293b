"""Events → one self-contained HTML page where a person reviews them and exports gold.

Why a single file: a reviewer gets it by mail or opens it from disk, offline; it
carries its CSS, its script and the events (as inert JSON), and a
Content-Security-Policy that forbids any network access. Everything the data
says is put on the page as text by the script (``textContent``, never markup),
so a name such as ``<script>`` shows as those characters.

Python prepares what the browser cannot do well: date phrases in each cited
sentence (the date module knows ``2026 年 2 月 11 日`` means ``2026-02-11``),
the organization grouping key in the spec's comparison form, and, when the
source texts are given, whether each cited span really sits at its offsets.
Offsets sent to the page are UTF-16 code units, JavaScript's string indices.
The page does the rest: highlighting, filters, decisions (kept in the browser's
localStorage) and the export to the gold format of ``shared/spec/events.md``.
"""
from __future__ import annotations

import datetime as dt
import functools
import hashlib
import html
import json
import logging
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any, Optional, Sequence

from .dates import find_dates, infer_anchor
from .evaluate import norm
from .eventfile import EventRecord
from .records import Anchor

log = logging.getLogger(__name__)

STATUSES = ("confirmed", "reported", "rumored", "denied", "planned")


def _utf16(text: str, index: int) -> int:
    """A code-point index of ``text`` as a JavaScript (UTF-16) string index."""
    return len(text[:index].encode("utf-16-le")) // 2


def _date_marks(sentence: str, date: Optional[str], anchor: Optional[Anchor], lang: Optional[str]) -> list[list[Any]]:
    """``[start, end, kind]`` of the date phrases of a sentence, in UTF-16 indices.

    ``kind`` is ``date`` for a phrase that resolves to the event's date and
    ``date-other`` for another dated phrase, so the reviewer sees which date the
    extractor took and what else the sentence offers.
    """
    marks = []
    for mention in find_dates(sentence, anchor, "en" if lang == "en" else "zh"):
        if mention.value is None:
            continue
        kind = "date" if date is not None and mention.value.value == date else "date-other"
        marks.append([_utf16(sentence, mention.start), _utf16(sentence, mention.end), kind])
    return marks


@dataclass
class _Doc:
    text: Optional[str]
    anchor: Optional[Anchor]


def _event_payload(record: EventRecord, doc: _Doc) -> dict[str, Any]:
    sources = []
    for s in record.sources:
        check: Optional[bool] = None
        if doc.text is not None and s.start is not None and s.end is not None:
            check = doc.text[s.start : s.end] == s.text
        sources.append(
            {"start": s.start, "end": s.end, "text": s.text, "check": check,
             "dates": _date_marks(s.text, record.date, doc.anchor, record.lang)}
        )
    return {
        "id": record.event_id,
        "doc": record.doc,
        "person": record.person,
        "person_aliases": record.person_aliases,
        "org": record.org,
        "org_aliases": record.org_aliases,
        "org_key": norm(record.org) if record.org else "",
        "role": record.role,
        "date": record.date,
        "date_precision": record.date_precision,
        "destination": record.destination,
        "reason": record.reason,
        "status": record.status,
        "confidence": record.confidence,
        "rule": record.rule,
        "lang": record.lang,
        "merged_id": record.merged_id,
        "sources": sources,
    }


def build_payload(records: Sequence[EventRecord], texts: dict[str, str], title: str) -> dict[str, Any]:
    """The JSON the page reads: events plus what the page needs to know about them."""

    @functools.lru_cache(maxsize=None)
    def doc_info(doc: str, lang: Optional[str]) -> _Doc:
        text = texts.get(doc)
        return _Doc(text, infer_anchor(text, lang or "zh") if text is not None else None)

    events = [_event_payload(r, doc_info(r.doc, r.lang)) for r in records]
    digest = hashlib.sha256(json.dumps(events, ensure_ascii=False, sort_keys=True).encode("utf-8")).hexdigest()
    checked = sum(1 for e in events for s in e["sources"] if s["check"] is not None)
    mismatched = sum(1 for e in events for s in e["sources"] if s["check"] is False)
    return {
        "meta": {
            "title": title,
            "generated": dt.datetime.now().isoformat(timespec="seconds"),
            "storage_key": f"departures-review:{digest[:20]}",
            "statuses": list(STATUSES),
            "sources_checked": checked,
            "sources_mismatched": mismatched,
        },
        "events": events,
    }


def _script_json(payload: dict[str, Any]) -> str:
    """JSON that cannot end its ``<script>`` element or open a comment inside it."""
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
    for char, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(char, escaped)
    return text


def _asset(name: str) -> str:
    return resources.files("pipeline").joinpath("templates", name).read_text(encoding="utf-8")


def render_html(payload: dict[str, Any]) -> str:
    """The page: template with its CSS, script and data put in (data last, so it is never re-read)."""
    page = _asset("review.html")
    page = page.replace("__TITLE__", html.escape(payload["meta"]["title"]))
    page = page.replace("/*__CSS__*/", _asset("review.css"))
    page = page.replace("/*__JS__*/", _asset("review.js"))
    head, sep, tail = page.partition("__DATA__")
    if not sep:
        raise RuntimeError("review.html template lost its __DATA__ placeholder")
    return head + _script_json(payload) + tail


def write_review(records: Sequence[EventRecord], out: Path, texts: dict[str, str], title: str) -> dict[str, Any]:
    """Write the review page to ``out`` (atomically); returns the page's meta for the summary."""
    payload = build_payload(records, texts, title)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.tmp")
    tmp.write_text(render_html(payload), encoding="utf-8")
    tmp.replace(out)
    return payload["meta"]
