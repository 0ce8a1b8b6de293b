"""Events as an aligned table in the terminal.

Why a width function of our own: a Chinese character takes two terminal
columns, a combining mark none, so ``len()`` misaligns every mixed-script
table. Widths come from ``unicodedata.east_asian_width`` (W and F are two
columns). Control characters in the data are shown escaped, so a name cannot
move the cursor or clear the screen.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Callable, Optional, Sequence

from .evaluate import org_matches, person_matches
from .eventfile import EventRecord

ELLIPSIS = "…"


def char_width(char: str) -> int:
    if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def display_width(text: str) -> int:
    return sum(char_width(c) for c in text)


def printable(text: str) -> str:
    """``text`` on one line with control characters escaped (``\\n``, ``\\x1b``)."""
    out = []
    for char in text:
        if unicodedata.category(char) == "Cc":
            out.append({"\n": "\\n", "\t": "\\t", "\r": "\\r"}.get(char, f"\\x{ord(char):02x}"))
        else:
            out.append(char)
    return "".join(out)


def fit(text: str, width: int) -> str:
    """``text`` cut (with …) or padded to exactly ``width`` columns."""
    if display_width(text) <= width:
        return text + " " * (width - display_width(text))
    out, used = [], 0
    for char in text:
        w = char_width(char)
        if used + w > width - 1:
            break
        out.append(char)
        used += w
    return "".join(out) + ELLIPSIS + " " * (width - used - 1)


@dataclass(frozen=True)
class Column:
    header: str
    get: Callable[[EventRecord], str]
    min_width: int = 4
    right: bool = False


def _confidence(r: EventRecord) -> str:
    return "" if r.confidence is None else f"{r.confidence:.2f}"


COLUMNS: tuple[Column, ...] = (
    Column("person", lambda r: r.person, 8),
    Column("organization", lambda r: r.org or "", 8),
    Column("role", lambda r: r.role or "", 6),
    Column("date", lambda r: r.date or "", 7),
    Column("status", lambda r: r.status or "", 6),
    Column("conf", _confidence, 4, right=True),
    Column("destination", lambda r: r.destination or "", 6),
    Column("doc", lambda r: r.doc, 8),
)
SORT_KEYS: dict[str, Callable[[EventRecord], tuple]] = {
    "file": lambda r: (),
    "doc": lambda r: (r.doc,),
    "date": lambda r: (r.date or "9999",),
    "org": lambda r: ((r.org or "").casefold(),),
    "person": lambda r: (r.person.casefold(),),
    "confidence": lambda r: (-(r.confidence or 0.0),),
}


def select(
    records: Sequence[EventRecord],
    org: Optional[str] = None,
    person: Optional[str] = None,
    statuses: Optional[Sequence[str]] = None,
    doc: Optional[str] = None,
    lang: Optional[str] = None,
) -> list[EventRecord]:
    """Records matching every filter; names match as the scorer matches them."""
    out = []
    for r in records:
        as_json = {"person": r.person, "person_aliases": r.person_aliases, "org": r.org, "org_aliases": r.org_aliases}
        if org is not None and not org_matches(as_json, {"org": org}):
            continue
        if person is not None and not person_matches(as_json, {"person": person}):
            continue
        if statuses and r.status not in statuses:
            continue
        if doc is not None and r.doc != doc:
            continue
        if lang is not None and r.lang != lang:
            continue
        out.append(r)
    return out


def _widths(natural: list[int], minimum: list[int], total: Optional[int]) -> list[int]:
    """Column widths: natural ones when they fit ``total``, else the widest shrunk first."""
    widths = list(natural)
    if total is None:
        return widths
    budget = total - 2 * (len(widths) - 1)
    while sum(widths) > budget:
        i = max(range(len(widths)), key=lambda k: widths[k] - minimum[k])
        if widths[i] <= minimum[i]:
            break
        widths[i] -= 1
    return widths


def format_table(records: Sequence[EventRecord], width: Optional[int] = None, evidence: bool = False) -> str:
    """The table as text; ``width`` (terminal columns) truncates cells with … to fit."""
    if not records:
        return "(no events)"
    cells = [[printable(col.get(r)) for col in COLUMNS] for r in records]
    headers = [col.header for col in COLUMNS]
    natural = [max(display_width(h), *(display_width(row[i]) for row in cells)) for i, h in enumerate(headers)]
    minimum = [min(n, max(col.min_width, display_width(col.header))) for n, col in zip(natural, COLUMNS)]
    widths = _widths(natural, minimum, width)

    def line(values: list[str]) -> str:
        parts = []
        for value, w, col in zip(values, widths, COLUMNS):
            cell = fit(value, w)
            if col.right:
                cell = cell.rstrip()
                cell = " " * (w - display_width(cell)) + cell
            parts.append(cell)
        return "  ".join(parts).rstrip()

    out = [line(headers), "  ".join("─" * w for w in widths)]
    for record, row in zip(records, cells):
        out.append(line(row))
        if evidence and record.sources:
            quote = "    “" + printable(record.sources[0].text) + "”"
            out.append(fit(quote, width).rstrip() if width else quote)
    return "\n".join(out)
