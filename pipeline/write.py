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

import json
import os
from pathlib import Path
from typing import IO, Optional

from .records import Article, DocumentError, Event


def event_line(event: Event) -> str:
    return json.dumps(event.to_json(), ensure_ascii=False)


class _AtomicFile:
    """A text file that appears under its name only when closed successfully."""

    def __init__(self, path: Path):
        self.path = path
        self.tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
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


class OutputWriter:
    """Writes one run's events, errors and extracted texts under one folder."""

    def __init__(self, events_path: Path):
        self.events_path = Path(events_path)
        self.out_dir = self.events_path.parent
        self._events = _AtomicFile(self.events_path)
        self._errors = _AtomicFile(self.out_dir / "errors.jsonl")
        self._extracted_dump: Optional[_AtomicFile] = None
        self.events_written = 0
        self.errors_written = 0

    def add_events(self, events: list[Event]) -> None:
        for event in events:
            self._events.write_line(event_line(event))
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
                self._extracted_dump = _AtomicFile(self.out_dir / "extracted.jsonl")
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
