"""Events → JSONL in the spec's output contract, written atomically.

Three outputs sit side by side in the output folder:

* the events file (``events.jsonl`` or the name given), one JSON object per event;
* ``errors.jsonl``, one line per document that could not be processed;
* for HTML input, the text taken out of each page (``extracted/<doc>`` for files,
  ``extracted.jsonl`` for dump lines), because event offsets refer to that text.

Everything is written to a temporary file first and renamed into place at the
end, so a killed run never leaves half a file behind.
"""
from __future__ import annotations

import itertools
import json
import os
import re
from pathlib import Path
from typing import IO, Iterable, Optional

from .records import Article, DocumentError, Event


def event_line(event: Event) -> str:
    return json.dumps(event.to_json(), ensure_ascii=False)


_SERIAL = itertools.count()


class AtomicFile:
    """A text file that appears under its name only when closed successfully."""

    def __init__(self, path: Path):
        self.path = path
        # The pid names the writer (so a later run can remove what a killed one left);
        # the counter keeps two files of one process, or a retried task, apart.
        self.tmp = path.with_name(f".{path.name}.{next(_SERIAL)}-{os.getpid()}.tmp")
        path.parent.mkdir(parents=True, exist_ok=True)
        self.handle: IO[str] = open(self.tmp, "w", encoding="utf-8")

    def write_line(self, line: str) -> None:
        self.handle.write(line)
        self.handle.write("\n")

    def commit(self) -> None:
        self.handle.flush()
        os.fsync(self.handle.fileno())
        self.handle.close()
        os.replace(self.tmp, self.path)

    def abort(self) -> None:
        self.handle.close()
        try:
            os.unlink(self.tmp)
        except FileNotFoundError:
            pass


_TEMPORARY = re.compile(r"^\..+\.\d+-(\d+)\.tmp$")


def _process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # alive, owned by someone else
        return True
    return True


def remove_stale_temporaries(out_dir: Path) -> list[Path]:
    """Delete the temporary files a killed run left in ``out_dir`` (their writer's pid is gone).

    A run killed with SIGKILL never commits, so its ``.events.jsonl.<pid>.tmp``
    stays behind; a run still going (same folder, another process) keeps its own.
    """
    removed = []
    if not out_dir.is_dir():
        return removed
    for path in out_dir.iterdir():
        match = _TEMPORARY.match(path.name)
        if match and int(match.group(1)) != os.getpid() and not _process_alive(int(match.group(1))):
            path.unlink(missing_ok=True)
            removed.append(path)
    return removed


class OutputWriter:
    """Writes one run's events, errors and extracted texts under one folder."""

    def __init__(self, events_path: Path):
        self.events_path = Path(events_path)
        self.out_dir = self.events_path.parent
        self._events = AtomicFile(self.events_path)
        self._errors = AtomicFile(self.out_dir / "errors.jsonl")
        self._extracted_dump: Optional[AtomicFile] = None
        self.events_written = 0
        self.errors_written = 0

    def add_events(self, events: list[Event]) -> None:
        self.add_event_lines([event_line(event) for event in events])

    def add_event_lines(self, lines: Iterable[str]) -> None:
        """Events already serialized (by a worker process, or copied from the manifest)."""
        for line in lines:
            self._events.write_line(line)
            self.events_written += 1

    def add_error(self, error: DocumentError) -> None:
        self._errors.write_line(json.dumps(error.to_json(), ensure_ascii=False))
        self.errors_written += 1

    def add_extracted_text(self, article: Article) -> None:
        """Keep the text taken out of HTML: event offsets point into it."""
        if not article.extracted_text:
            return
        if article.fmt == "dump":
            if self._extracted_dump is None:
                self._extracted_dump = AtomicFile(self.out_dir / "extracted.jsonl")
            self._extracted_dump.write_line(json.dumps({"id": article.doc_id, "text": article.text}, ensure_ascii=False))
            return
        target = self.out_dir / "extracted" / article.doc_id
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(f".{target.name}.tmp")
        tmp.write_text(article.text, encoding="utf-8")
        os.replace(tmp, target)

    def close(self) -> None:
        self._events.commit()
        self._errors.commit()
        if self._extracted_dump is not None:
            self._extracted_dump.commit()

    def abort(self) -> None:
        self._events.abort()
        self._errors.abort()
        if self._extracted_dump is not None:
            self._extracted_dump.abort()
