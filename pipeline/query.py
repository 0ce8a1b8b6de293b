"""Reading events back out of the database, filtered the way ``show`` filters a file.

Why matching happens in Python: a name matches as the spec compares names
(traditional→simplified, case, spaces and dots ignored; organizations also when
one contains the other), which SQL cannot express portably. The people and
organizations tables are small beside the events, so they are matched here and
the events then fetched through the person / organization indexes.
"""
from __future__ import annotations

import json
from typing import Any, Iterable, Optional

from .db import Database
from .evaluate import org_matches, person_matches
from .eventfile import EventRecord, Source

_BATCH = 500


def _chunks(values: list[Any]) -> Iterable[list[Any]]:
    for i in range(0, len(values), _BATCH):
        yield values[i : i + _BATCH]


def _marks(n: int) -> str:
    return ", ".join("?" * n)


def _matching_ids(db: Database, table: str, id_col: str, alias_table: str, key: str, wanted: str) -> list[int]:
    names: dict[int, dict[str, Any]] = {}
    for row_id, name in db.query(f"SELECT {id_col}, name FROM {table}"):
        names[int(row_id)] = {key: name, f"{key}_aliases": []}
    for row_id, alias in db.query(f"SELECT DISTINCT {id_col}, alias FROM {alias_table}"):
        if int(row_id) in names:
            names[int(row_id)][f"{key}_aliases"].append(alias)
    match = person_matches if key == "person" else org_matches
    return [row_id for row_id, entry in names.items() if match(entry, {key: wanted})]


def fetch_events(
    db: Database,
    person: Optional[str] = None,
    org: Optional[str] = None,
    statuses: Optional[list[str]] = None,
    doc: Optional[str] = None,
) -> list[EventRecord]:
    """Events of the database (all, or those matching every filter given), by doc then event_id."""
    where: list[str] = []
    params: list[Any] = []
    for value, table, id_col, alias_table, key in (
        (person, "people", "person_id", "person_aliases", "person"),
        (org, "organizations", "org_id", "org_aliases", "org"),
    ):
        if value is None:
            continue
        ids = _matching_ids(db, table, id_col, alias_table, key, value)
        if not ids:
            return []
        where.append(f"e.{id_col} IN ({_marks(len(ids))})")
        params.extend(ids)
    if statuses:
        where.append(f"e.status IN ({_marks(len(statuses))})")
        params.extend(statuses)
    if doc is not None:
        where.append("e.doc = ?")
        params.append(doc)
    sql = (
        "SELECT e.event_id, e.doc, e.person, e.org, e.role, e.date, e.date_precision, e.destination, e.reason, "
        "e.status, e.confidence, e.rule, e.lang, e.merged_id, e.extra FROM events e"
    )
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY e.doc, e.event_id"
    records: dict[str, EventRecord] = {}
    for row in db.query(sql, params):
        (event_id, doc_, person_, org_, role, date, precision, destination, reason, status, confidence, rule, lang,
         merged_id, extra) = row
        records[event_id] = EventRecord(
            event_id=event_id, doc=doc_, person=person_, org=org_, role=role, date=date, date_precision=precision,
            destination=destination, reason=reason, status=status,
            confidence=None if confidence is None else float(confidence), rule=rule, lang=lang,
            merged_id=merged_id, extra=json.loads(extra) if extra else {}, origin=f"{db.url.shown} {event_id}",
        )
    _attach_details(db, records)
    return list(records.values())


def _attach_details(db: Database, records: dict[str, EventRecord]) -> None:
    """Sources (in their cited order) and the aliases each event stated."""
    for ids in _chunks(list(records)):
        marks = _marks(len(ids))
        for event_id, src_doc, start, end, text, alignment in db.query(
            "SELECT event_id, doc, start_offset, end_offset, text, alignment FROM event_sources "
            f"WHERE event_id IN ({marks}) ORDER BY event_id, seq",
            ids,
        ):
            records[event_id].sources.append(Source(src_doc, start, end, text, alignment))
        for event_id, alias in db.query(
            f"SELECT event_id, alias FROM person_aliases WHERE event_id IN ({marks}) ORDER BY event_id, alias", ids
        ):
            records[event_id].person_aliases.append(alias)
        for event_id, alias in db.query(
            f"SELECT event_id, alias FROM org_aliases WHERE event_id IN ({marks}) ORDER BY event_id, alias", ids
        ):
            records[event_id].org_aliases.append(alias)
