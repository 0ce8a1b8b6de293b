"""Events files → the database: an idempotent upsert keyed by ``event_id``.

Why keyed by ``event_id``: the extractor gives the same id to the same document,
person and organization in every run, so a newer run's line is the newer version
of the same event. Each event carries a hash of everything stored for it; a line
whose hash matches the stored one is left alone (loading a file twice changes
nothing, not even a timestamp), a changed one is rewritten with its sources and
aliases replaced, and events the file does not mention are kept (a run over some
documents does not erase the others).

Work goes in chunks with one ``executemany`` per table, all inside one
transaction per load, so a failure half-way leaves the database as it was.
"""
from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import dataclass
from typing import Any, Iterable, Optional, Sequence

from .db import Database, now
from .evaluate import norm
from .eventfile import EventRecord

log = logging.getLogger(__name__)

CHUNK = 500


@dataclass
class LoadStats:
    """What a load did, for the summary line and for tests."""

    read: int = 0
    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    duplicates: int = 0  # the same event_id twice in the input: the later line wins

    def summary(self) -> str:
        text = f"{self.read} events read: {self.inserted} new, {self.updated} updated, {self.unchanged} unchanged"
        if self.duplicates:
            text += f" ({self.duplicates} repeated event_ids, the later line kept)"
        return text


def name_key(name: str) -> str:
    """The identity of a person or organization: the spec's comparison form.

    ``周明遠`` and ``周明远``, ``Jamie Lo`` and ``jamie-lo`` are one row; a name
    that normalizes to nothing (all punctuation) keys on itself. NUL becomes
    U+FFFD, as PostgreSQL stores it, so that the key read back is the key looked up.
    """
    return (norm(name) or name).replace("\x00", "\ufffd")


def content_hash(record: EventRecord) -> str:
    """A digest of everything stored for an event: equal hashes mean nothing to write."""
    payload = record.to_json()
    payload["merged_id"] = record.merged_id
    payload["sources"] = [[s.doc, s.start, s.end, s.text, s.alignment] for s in record.sources]
    blob = json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


def load_records(db: Database, records: Iterable[EventRecord]) -> LoadStats:
    """Upsert ``records`` into ``db`` (already migrated) in one transaction."""
    stats = LoadStats()
    unique: dict[str, EventRecord] = {}
    for record in records:
        stats.read += 1
        if record.event_id in unique:
            stats.duplicates += 1
            del unique[record.event_id]  # keep file order of the winning line
        unique[record.event_id] = record
    ordered = list(unique.values())
    loader = _Loader(db)
    with db.transaction():
        for i in range(0, len(ordered), CHUNK):
            loader.load_chunk(ordered[i : i + CHUNK], stats)
        if stats.updated:
            loader.drop_orphans()
    return stats


def _placeholders(n: int) -> str:
    return ", ".join("?" * n)


class _Loader:
    """One load's state: the ids of people and organizations already looked up."""

    def __init__(self, db: Database):
        self.db = db
        self.people: dict[str, int] = {}
        self.orgs: dict[str, int] = {}
        self.stamp = now()

    def _ids(self, table: str, id_col: str, cache: dict[str, int], names: dict[str, str]) -> None:
        """Make sure every key of ``names`` (key → display name) has a row; cache its id."""
        missing = {k: v for k, v in names.items() if k not in cache}
        if not missing:
            return
        self.db.executemany(
            f"INSERT INTO {table} (name_key, name) VALUES (?, ?) ON CONFLICT (name_key) DO NOTHING",
            list(missing.items()),
        )
        keys = list(missing)
        for row in self.db.query(
            f"SELECT name_key, {id_col} FROM {table} WHERE name_key IN ({_placeholders(len(keys))})", keys
        ):
            cache[row[0]] = int(row[1])

    def load_chunk(self, chunk: Sequence[EventRecord], stats: LoadStats) -> None:
        ids = [r.event_id for r in chunk]
        stored = dict(
            self.db.query(f"SELECT event_id, content_hash FROM events WHERE event_id IN ({_placeholders(len(ids))})", ids)
        )
        todo: list[tuple[EventRecord, str]] = []
        for record in chunk:
            digest = content_hash(record)
            old = stored.get(record.event_id)
            if old == digest:
                stats.unchanged += 1
                continue
            if old is None:
                stats.inserted += 1
            else:
                stats.updated += 1
            todo.append((record, digest))
        if not todo:
            return
        changed = [r.event_id for r, _ in todo if r.event_id in stored]
        if changed:
            marks = _placeholders(len(changed))
            for table in ("event_sources", "person_aliases", "org_aliases"):
                self.db.execute(f"DELETE FROM {table} WHERE event_id IN ({marks})", changed)

        docs: dict[str, Optional[str]] = {}
        for record, _ in todo:
            if docs.get(record.doc) is None:
                docs[record.doc] = record.lang
        self.db.executemany(
            "INSERT INTO documents (doc, lang) VALUES (?, ?) ON CONFLICT (doc) DO UPDATE SET lang = excluded.lang "
            "WHERE documents.lang IS NULL AND excluded.lang IS NOT NULL",
            list(docs.items()),
        )
        self._ids("people", "person_id", self.people, {name_key(r.person): r.person for r, _ in reversed(todo)})
        self._ids(
            "organizations", "org_id", self.orgs, {name_key(r.org): r.org for r, _ in reversed(todo) if r.org}
        )

        rows = [self._event_row(record, digest) for record, digest in todo]
        self.db.executemany(
            """INSERT INTO events (event_id, doc, person_id, org_id, person, org, role, date, date_precision,
                   destination, reason, status, confidence, rule, lang, merged_id, extra, content_hash, loaded_at)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
               ON CONFLICT (event_id) DO UPDATE SET
                   doc = excluded.doc, person_id = excluded.person_id, org_id = excluded.org_id,
                   person = excluded.person, org = excluded.org, role = excluded.role, date = excluded.date,
                   date_precision = excluded.date_precision, destination = excluded.destination,
                   reason = excluded.reason, status = excluded.status, confidence = excluded.confidence,
                   rule = excluded.rule, lang = excluded.lang, merged_id = excluded.merged_id,
                   extra = excluded.extra, content_hash = excluded.content_hash, loaded_at = excluded.loaded_at""",
            rows,
        )
        sources: list[tuple[Any, ...]] = []
        person_aliases: set[tuple[int, str, str]] = set()
        org_aliases: set[tuple[int, str, str]] = set()
        for record, _ in todo:
            for seq, s in enumerate(record.sources):
                sources.append((record.event_id, seq, s.doc, s.start, s.end, s.text, s.alignment))
            pid = self.people[name_key(record.person)]
            person_aliases.update((pid, alias, record.event_id) for alias in record.person_aliases)
            if record.org:
                oid = self.orgs[name_key(record.org)]
                org_aliases.update((oid, alias, record.event_id) for alias in record.org_aliases)
        self.db.executemany(
            "INSERT INTO event_sources (event_id, seq, doc, start_offset, end_offset, text, alignment) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            sources,
        )
        self.db.executemany("INSERT INTO person_aliases (person_id, alias, event_id) VALUES (?, ?, ?)", sorted(person_aliases))
        self.db.executemany("INSERT INTO org_aliases (org_id, alias, event_id) VALUES (?, ?, ?)", sorted(org_aliases))

    def _event_row(self, record: EventRecord, digest: str) -> tuple[Any, ...]:
        person_id = self.people[name_key(record.person)]
        org_id = self.orgs[name_key(record.org)] if record.org else None
        extra = json.dumps(record.extra, ensure_ascii=False, sort_keys=True) if record.extra else None
        return (
            record.event_id, record.doc, person_id, org_id, record.person, record.org, record.role,
            record.date, record.date_precision, record.destination, record.reason, record.status,
            record.confidence, record.rule, record.lang, record.merged_id, extra, digest, self.stamp,
        )

    def drop_orphans(self) -> None:
        """People and organizations no event points at any more (a newer run renamed them)."""
        self.db.execute("DELETE FROM people WHERE person_id NOT IN (SELECT person_id FROM events)")
        self.db.execute(
            "DELETE FROM organizations WHERE org_id NOT IN (SELECT org_id FROM events WHERE org_id IS NOT NULL)"
        )
