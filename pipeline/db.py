"""Database connections and the schema, for SQLite and PostgreSQL alike.

Why one module for two engines: the schema is the product (people query it), so
it is written once, as numbered migrations in portable SQL, with the handful of
words the engines spell differently (an auto-increment key) filled in per
dialect. SQLite is the embedded default (a file, nothing to run); PostgreSQL
(through psycopg 3) is for a shared, long-lived store. Every value goes to the
driver as a parameter: SQL text is never built from data.

Tables::

    schema_version   one row per applied migration
    documents        doc id, language
    people           one row per person (keyed by the spec's name comparison form)
    person_aliases   alias, as stated by one event (replaced with the event)
    organizations    likewise
    org_aliases      likewise
    events           one row per event_id; fields of the output contract
    event_sources    the cited sentences of an event: doc, offsets, text
"""
from __future__ import annotations

import contextlib
import datetime as dt
import logging
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator, Optional, Sequence
from urllib.parse import urlsplit, urlunsplit

log = logging.getLogger(__name__)

DEFAULT_URL = "sqlite:///output/departures.db"
URL_HELP = (
    "use sqlite:///relative/path.db, sqlite:////absolute/path.db, or "
    "postgresql://USER[:PASSWORD]@HOST[:PORT]/DBNAME"
)


class DatabaseError(RuntimeError):
    """A database problem explained for the person who ran the command."""


@dataclass(frozen=True)
class DbUrl:
    """A parsed ``--db`` value."""

    dialect: str  # sqlite | postgresql
    target: str  # a file path (or ":memory:") for SQLite, the libpq URL for PostgreSQL
    shown: str  # the URL with any password masked, for messages and logs


def mask_password(url: str) -> str:
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@", 1)
    return urlunsplit(parts._replace(netloc=netloc))


def parse_url(url: str) -> DbUrl:
    """Read a ``--db`` value; a wrong one raises :class:`DatabaseError` saying what would work."""
    url = url.strip()
    shown = mask_password(url)
    scheme = url.split(":", 1)[0].lower() if ":" in url else ""
    if scheme == "sqlite":
        if not url.lower().startswith("sqlite://"):
            raise DatabaseError(f"bad --db URL {shown!r}: {URL_HELP}")
        rest = url[len("sqlite://"):]
        if rest in ("", "/", "/:memory:"):
            return DbUrl("sqlite", ":memory:", shown)
        if not rest.startswith("/"):
            raise DatabaseError(f"bad --db URL {shown!r}: a SQLite URL has three slashes before a path; {URL_HELP}")
        return DbUrl("sqlite", rest[1:], shown)
    if scheme in ("postgresql", "postgres"):
        parts = urlsplit(url)
        if not parts.path.strip("/"):
            raise DatabaseError(f"bad --db URL {shown!r}: name the database after the host (…@localhost/departures); {URL_HELP}")
        return DbUrl("postgresql", url, shown)
    hint = ""
    if not scheme and url.endswith((".db", ".sqlite", ".sqlite3")):
        hint = f" (did you mean sqlite:///{url}?)"
    raise DatabaseError(f"unsupported --db URL {shown!r}{hint}: {URL_HELP}")


class Database:
    """A connection plus its dialect; SQL is written with ``?`` placeholders for both engines."""

    def __init__(self, conn: Any, url: DbUrl):
        self.conn = conn
        self.url = url
        self.dialect = url.dialect
        self._warned_nul = False

    def _sql(self, sql: str) -> str:
        # psycopg uses %s; none of our SQL has a literal ? or %.
        return sql.replace("?", "%s") if self.dialect == "postgresql" else sql

    def _params(self, params: Sequence[Any]) -> tuple[Any, ...]:
        """PostgreSQL text cannot hold NUL: it becomes U+FFFD there (SQLite keeps it)."""
        if self.dialect != "postgresql":
            return tuple(params)
        out = []
        for value in params:
            if isinstance(value, str) and "\x00" in value:
                if not self._warned_nul:
                    log.warning("%s: NUL characters in the data are stored as U+FFFD (PostgreSQL text cannot hold NUL)", self.url.shown)
                    self._warned_nul = True
                value = value.replace("\x00", "\ufffd")
            out.append(value)
        return tuple(out)

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        cur = self.conn.cursor()
        cur.execute(self._sql(sql), self._params(params))
        return cur

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        if rows:
            self.conn.cursor().executemany(self._sql(sql), [self._params(r) for r in rows])

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[tuple]:
        return list(self.execute(sql, params).fetchall())

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """All or nothing: a load that fails half-way leaves the database as it was."""
        if self.dialect == "sqlite":
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield
            except BaseException:
                self.conn.execute("ROLLBACK")
                raise
            self.conn.execute("COMMIT")
        else:
            with self.conn.transaction():
                yield

    def table_exists(self, name: str) -> bool:
        if self.dialect == "sqlite":
            sql = "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?"
        else:
            sql = "SELECT 1 FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = ?"
        return bool(self.query(sql, (name,)))

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> "Database":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def connect(url: str, migrate_schema: bool = True) -> Database:
    """Open ``url`` (creating a SQLite file and its folder) and bring its schema up to date."""
    parsed = parse_url(url)
    if parsed.dialect == "sqlite":
        db = Database(_connect_sqlite(parsed), parsed)
    else:
        db = Database(_connect_postgresql(parsed), parsed)
    if migrate_schema:
        try:
            migrate(db)
        except BaseException:
            db.close()
            raise
    return db


def _connect_sqlite(url: DbUrl) -> sqlite3.Connection:
    if url.target != ":memory:":
        path = Path(url.target)
        if path.is_dir():
            raise DatabaseError(f"--db {url.shown}: {path} is a folder; give a file name such as {path}/departures.db")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DatabaseError(f"--db {url.shown}: cannot create folder {path.parent} ({exc.strerror})") from None
    try:
        # isolation_level=None: we issue BEGIN/COMMIT ourselves (see Database.transaction).
        conn = sqlite3.connect(url.target, isolation_level=None)
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA journal_mode = WAL")
    except sqlite3.DatabaseError as exc:
        raise DatabaseError(f"--db {url.shown}: cannot open as SQLite ({exc}); is it a SQLite database file?") from None
    return conn


def _connect_postgresql(url: DbUrl) -> Any:
    try:
        import psycopg
    except ImportError:
        raise DatabaseError(
            f"--db {url.shown}: PostgreSQL needs psycopg 3; install it with pip install 'psycopg[binary]'"
        ) from None
    try:
        return psycopg.connect(url.target, autocommit=True, connect_timeout=10)
    except psycopg.Error as exc:
        reason = " ".join(line.strip() for line in str(exc).splitlines() if line.strip()) or type(exc).__name__
        raise DatabaseError(
            f"cannot connect to --db {url.shown} ({reason.rstrip('.?')}). Check that the server is running and reachable, "
            f"that the role and database exist (createuser / createdb), and the URL ({URL_HELP})"
        ) from None


# ---------------------------------------------------------------------------
# schema


@dataclass(frozen=True)
class Migration:
    """One numbered schema step; ``{id}`` / ``{ref}`` are filled in per dialect."""

    version: int
    description: str
    statements: tuple[str, ...]


_TYPES = {
    "sqlite": {"id": "INTEGER PRIMARY KEY AUTOINCREMENT", "ref": "INTEGER"},
    "postgresql": {"id": "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY", "ref": "BIGINT"},
}

MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        1,
        "documents, people, organizations with aliases, events and their sources",
        (
            """CREATE TABLE documents (
                doc TEXT PRIMARY KEY,
                lang TEXT
            )""",
            """CREATE TABLE people (
                person_id {id},
                name_key TEXT NOT NULL UNIQUE,
                name TEXT NOT NULL
            )""",
            """CREATE TABLE organizations (
                org_id {id},
                name_key TEXT NOT NULL UNIQUE,
                name TEXT NOT NULL
            )""",
            """CREATE TABLE events (
                event_id TEXT PRIMARY KEY,
                doc TEXT NOT NULL REFERENCES documents (doc),
                person_id {ref} NOT NULL REFERENCES people (person_id),
                org_id {ref} REFERENCES organizations (org_id),
                person TEXT NOT NULL,
                org TEXT,
                role TEXT,
                date TEXT,
                date_precision TEXT,
                destination TEXT,
                reason TEXT,
                status TEXT,
                confidence DOUBLE PRECISION,
                rule TEXT,
                lang TEXT,
                content_hash TEXT NOT NULL,
                loaded_at TEXT NOT NULL
            )""",
            """CREATE TABLE event_sources (
                event_id TEXT NOT NULL REFERENCES events (event_id) ON DELETE CASCADE,
                seq INTEGER NOT NULL,
                doc TEXT NOT NULL,
                start_offset INTEGER,
                end_offset INTEGER,
                text TEXT NOT NULL,
                alignment TEXT,
                PRIMARY KEY (event_id, seq)
            )""",
            """CREATE TABLE person_aliases (
                person_id {ref} NOT NULL REFERENCES people (person_id) ON DELETE CASCADE,
                alias TEXT NOT NULL,
                event_id TEXT NOT NULL REFERENCES events (event_id) ON DELETE CASCADE,
                PRIMARY KEY (person_id, alias, event_id)
            )""",
            """CREATE TABLE org_aliases (
                org_id {ref} NOT NULL REFERENCES organizations (org_id) ON DELETE CASCADE,
                alias TEXT NOT NULL,
                event_id TEXT NOT NULL REFERENCES events (event_id) ON DELETE CASCADE,
                PRIMARY KEY (org_id, alias, event_id)
            )""",
            "CREATE INDEX events_person_idx ON events (person_id)",
            "CREATE INDEX events_org_idx ON events (org_id)",
            "CREATE INDEX events_date_idx ON events (date)",
            "CREATE INDEX events_doc_idx ON events (doc)",
            "CREATE INDEX event_sources_doc_idx ON event_sources (doc)",
            "CREATE INDEX person_aliases_event_idx ON person_aliases (event_id)",
            "CREATE INDEX org_aliases_event_idx ON org_aliases (event_id)",
        ),
    ),
    Migration(
        2,
        "merged output: events.merged_id (cross-document identity) and extra fields kept as JSON",
        (
            "ALTER TABLE events ADD COLUMN merged_id TEXT",
            "ALTER TABLE events ADD COLUMN extra TEXT",
            "CREATE INDEX events_merged_idx ON events (merged_id)",
        ),
    ),
)

LATEST_VERSION = MIGRATIONS[-1].version


def schema_version(db: Database) -> int:
    """The highest applied migration, 0 for an empty database."""
    if not db.table_exists("schema_version"):
        return 0
    rows = db.query("SELECT MAX(version) FROM schema_version")
    return int(rows[0][0] or 0)


def migrate(db: Database, target: int = LATEST_VERSION) -> list[int]:
    """Apply the migrations above the database's version, in order, each in its own transaction.

    Returns the versions applied. A database newer than this program is refused
    rather than written to: its schema may mean things this code does not know.
    """
    types = _TYPES[db.dialect]
    with db.transaction():
        _lock_schema(db)
        if not db.table_exists("schema_version"):
            db.execute(
                "CREATE TABLE schema_version (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL)"
            )
    current = schema_version(db)
    if current > LATEST_VERSION:
        raise DatabaseError(
            f"--db {db.url.shown} has schema version {current}, newer than this program's {LATEST_VERSION}; "
            "upgrade departures (pip install -U) before loading into it"
        )
    applied = []
    for migration in MIGRATIONS:
        if migration.version <= current or migration.version > target:
            continue
        with db.transaction():
            _lock_schema(db)
            if schema_version(db) >= migration.version:  # another loader got there first
                continue
            for statement in migration.statements:
                db.execute(statement.format(**types))
            db.execute(
                "INSERT INTO schema_version (version, description, applied_at) VALUES (?, ?, ?)",
                (migration.version, migration.description, now()),
            )
        log.info("%s: applied migration %d (%s)", db.url.shown, migration.version, migration.description)
        applied.append(migration.version)
    return applied


def _lock_schema(db: Database) -> None:
    """Serialize concurrent migrations on PostgreSQL (SQLite's BEGIN IMMEDIATE already does)."""
    if db.dialect == "postgresql":
        db.execute("SELECT pg_advisory_xact_lock(?)", (0x6465_7061,))


def now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


_IDENT = re.compile(r"^[a-z_]+$")


def count_rows(db: Database, table: str) -> int:
    if not _IDENT.match(table):
        raise ValueError(f"not a table name: {table!r}")
    return int(db.query(f"SELECT COUNT(*) FROM {table}")[0][0])


def describe(db: Database) -> dict[str, Optional[int]]:
    """Row counts per table, for summaries and tests."""
    tables = ("documents", "people", "person_aliases", "organizations", "org_aliases", "events", "event_sources")
    return {t: count_rows(db, t) for t in tables}
