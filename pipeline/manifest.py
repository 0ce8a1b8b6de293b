"""Incremental runs: the events every document already gave, kept beside the output.

A second run over a dump that grew by a few articles should cost a few articles'
work, and a run killed half-way should pick up where it stopped. So each
document's result is recorded in ``manifest.sqlite`` in the output folder,
keyed by

* the document id and the hash of its text (``Article.content_hash``), plus the
  metadata that changes what is extracted (language, script, publication date);
* the *pipeline version*: a hash of the package version, the pipeline's source
  files and every file under ``models/``, so editing a lexicon or a pattern
  invalidates every cached result without anyone having to remember ``--force``.

SQLite rather than an append-only file because a lookup must not need the whole
manifest in memory (a 1M-article dump) and because its journal makes every
commit all-or-nothing: a SIGKILL at any moment leaves the last committed chunk,
never a torn record. The database runs in WAL mode with ``synchronous=NORMAL``:
a killed *process* loses nothing committed; a power cut may lose the last
commits, never consistency (those documents are simply processed again).

Failed documents are not recorded: they are tried again on the next run and
reported in that run's ``errors.jsonl``.
"""
from __future__ import annotations

import hashlib
import logging
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Optional, Sequence

from . import __version__
from .lexicons import models_dir
from .records import Article

log = logging.getLogger(__name__)

MANIFEST_NAME = "manifest.sqlite"
_PACKAGE_DIR = Path(__file__).resolve().parent
_SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    version      TEXT NOT NULL,
    doc_id       TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    meta         TEXT NOT NULL,
    skipped      INTEGER NOT NULL,
    events       TEXT NOT NULL,
    PRIMARY KEY (version, doc_id, content_hash, meta)
) WITHOUT ROWID
"""


# Modules that do not change what a document yields. Listing one here only spares
# reprocessing after it is edited; a module missing from the list costs nothing but that.
_NOT_EXTRACTION = frozenset({
    "cli.py", "batch.py", "manifest.py", "evaluate.py", "db.py", "review.py", "merge.py", "query.py",
    "load.py", "eventfile.py", "cli_data.py", "show.py", "cluster.py",
})


def _hash_tree(digest: "hashlib._Hash", root: Path, pattern: str, exclude: frozenset[str] = frozenset()) -> None:
    for path in sorted(p for p in root.rglob(pattern) if p.is_file() and "__pycache__" not in p.parts and p.name not in exclude):
        digest.update(path.relative_to(root).as_posix().encode("utf-8"))
        digest.update(b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")


def pipeline_version() -> str:
    """What the results depend on besides the input: package version, code, lexicons.

    Hashing the extraction code as well as ``models/`` costs a few milliseconds
    and means a developer who changes a pattern never gets stale events from the
    manifest.
    """
    digest = hashlib.sha1(__version__.encode("utf-8"))
    _hash_tree(digest, _PACKAGE_DIR, "*.py", _NOT_EXTRACTION)
    _hash_tree(digest, models_dir(), "*")
    return f"{__version__}+{digest.hexdigest()[:16]}"


def content_hash(article: Article) -> str:
    """The article's text hash (computed when the article was built by hand)."""
    if article.content_hash:
        return article.content_hash
    return hashlib.sha1(article.text.encode("utf-8", "surrogatepass")).hexdigest()


def article_meta(article: Article) -> str:
    """The metadata besides the text that changes what the pipeline extracts."""
    published = article.published.isoformat() if article.published else ""
    return f"{article.lang or ''}|{article.script or ''}|{published}"


@dataclass(frozen=True)
class CachedResult:
    """A document's recorded result: its event lines, exactly as written before."""

    event_lines: tuple[str, ...]
    skipped: bool


@dataclass(frozen=True)
class Entry:
    """One processed document, to be recorded."""

    article: Article
    event_lines: tuple[str, ...]
    skipped: bool


class Manifest:
    """The per-output-folder record of processed documents (see the module docstring)."""

    def __init__(self, path: Path, version: str):
        self.path = Path(path)
        self.version = version
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._db = self._open()
        except sqlite3.DatabaseError as exc:
            # Not a database (overwritten by hand, a disk error): it is only a cache, so set it aside.
            aside = self.path.with_name(f"{self.path.name}.corrupt-{int(time.time())}")
            log.warning("%s is unreadable (%s); moved to %s, every document will be processed", self.path, exc, aside)
            self.path.replace(aside)
            for suffix in ("-wal", "-shm"):
                Path(f"{self.path}{suffix}").unlink(missing_ok=True)
            self._db = self._open()

    def _open(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, isolation_level=None, timeout=30)
        try:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            db.execute(_SCHEMA)
            db.execute("SELECT count(*) FROM documents WHERE version = ''").fetchone()
        except sqlite3.DatabaseError:
            db.close()
            raise
        return db

    def lookup(self, article: Article) -> Optional[CachedResult]:
        """The recorded result of this very document under this pipeline version, if any."""
        row = self._db.execute(
            "SELECT skipped, events FROM documents WHERE version=? AND doc_id=? AND content_hash=? AND meta=?",
            (self.version, article.doc_id, content_hash(article), article_meta(article)),
        ).fetchone()
        if row is None:
            return None
        skipped, events = row
        return CachedResult(tuple(events.split("\n")) if events else (), bool(skipped))

    def record(self, entries: Iterable[Entry]) -> None:
        """Record processed documents in one transaction (all of them or none)."""
        self.record_rows((e.article.doc_id, content_hash(e.article), article_meta(e.article), e.skipped, e.event_lines) for e in entries)

    def record_rows(self, keyed: Iterable[tuple[str, str, str, bool, Sequence[str]]]) -> None:
        """Record (doc_id, content_hash, meta, skipped, event lines) rows in one transaction:
        results keyed elsewhere (by the Dask engine's workers, see cluster.py)."""
        rows = [(self.version, doc_id, digest, meta, int(skipped), "\n".join(lines)) for doc_id, digest, meta, skipped, lines in keyed]
        if not rows:
            return
        self._db.execute("BEGIN")
        try:
            self._db.executemany("INSERT OR REPLACE INTO documents VALUES (?, ?, ?, ?, ?, ?)", rows)
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    def count(self) -> int:
        """Documents recorded under this pipeline version."""
        return self._db.execute("SELECT count(*) FROM documents WHERE version=?", (self.version,)).fetchone()[0]

    def prune_other_versions(self) -> int:
        """Drop results of other pipeline versions: after a complete run they can never be used."""
        cursor = self._db.execute("DELETE FROM documents WHERE version != ?", (self.version,))
        return cursor.rowcount

    def close(self) -> None:
        self._db.close()
