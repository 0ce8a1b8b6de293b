"""Many articles: streaming, worker processes, the manifest, errors and progress.

The flow of one run::

    iter_inputs ──chunks──▶ manifest lookup ──misses──▶ process_chunk (here, or in a worker)
                                   │                               │
                                   └──── hits ──▶ results in input order ◀──┘
                                                        │
                                     events / errors / extracted texts (OutputWriter)
                                     + newly processed documents → manifest

Why this shape:

* **Order.** Chunks are submitted and collected first-in first-out, so the events
  file is byte-identical whatever the number of workers.
* **Memory.** At most ``workers × 2 + 1`` chunks are in flight; ingest streams
  dumps line by line, so a 100k-article dump needs the memory a 10k one does.
* **Workers.** ``spawn`` processes (safe with the threads that OpenCC, spaCy and
  SQLite may hold) that load lexicons and models once, in their initializer.
  They return events already serialized, so the parent only writes strings.
* **Nothing lost or doubled.** The events file is written under a temporary name
  and renamed at the end; each chunk's results are committed to the manifest
  after they were written. A killed run leaves a manifest of whole chunks; the
  next run takes those from it and processes the rest, and writes the full file.
"""
from __future__ import annotations

import collections
import concurrent.futures
import logging
import multiprocessing
import signal
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Callable, Iterable, Iterator, Optional, Sequence, Union

from .ingest import DEFAULT_MAX_CHARS, iter_inputs
from .manifest import MANIFEST_NAME, CachedResult, Entry, Manifest, pipeline_version
from .records import Article, DocumentError
from .write import OutputWriter, event_line, remove_stale_temporaries

log = logging.getLogger(__name__)

DEFAULT_CHUNK_SIZE = 32


# ---------------------------------------------------------------------------
# the unit a worker runs


@dataclass(frozen=True)
class Outcome:
    """What processing one article gave, in a form that pickles cheaply."""

    event_lines: tuple[str, ...] = ()
    error: Optional[DocumentError] = None
    skipped: bool = False


def process_chunk(articles: Sequence[Article]) -> list[Outcome]:
    """Run the pipeline over a chunk of articles (in a worker, or in this process).

    The chunk goes through :func:`~pipeline.run.process_articles` as a whole, not
    article by article: English sentences of the whole chunk are parsed together.
    """
    from .run import process_articles

    outcomes = []
    for result in process_articles(articles):
        outcomes.append(Outcome(tuple(event_line(e) for e in result.events), result.error, result.skipped))
    return outcomes


def _init_worker(log_level: int) -> None:
    """A worker's start: log like the parent, load every lexicon and model once.

    Ctrl-C reaches every process of the terminal's group; workers ignore it and
    the parent, which owns the output, stops them.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    logging.basicConfig(level=log_level, format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)
    from .run import warm_up

    warm_up()


# ---------------------------------------------------------------------------
# executors: the same submit/collect in-process and across processes


class _Done:
    """A result computed at submission (one worker: no process, no pickling)."""

    def __init__(self, value: list[Outcome]):
        self._value = value

    def result(self) -> list[Outcome]:
        return self._value


_Pending = Union[_Done, "concurrent.futures.Future[list[Outcome]]"]


class _Executor:
    """Runs chunks in this process (``workers == 1``) or in a pool of spawned workers."""

    def __init__(self, workers: int):
        self.workers = workers
        self._pool: Optional[concurrent.futures.ProcessPoolExecutor] = None
        if workers > 1:
            self._pool = concurrent.futures.ProcessPoolExecutor(
                max_workers=workers,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_init_worker,
                initargs=(logging.getLogger().getEffectiveLevel(),),
            )

    def submit(self, articles: list[Article]) -> _Pending:
        if not articles:
            return _Done([])
        if self._pool is None:
            return _Done(process_chunk(articles))
        return self._pool.submit(process_chunk, articles)

    def close(self, cancel: bool = False) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=not cancel, cancel_futures=cancel)


# ---------------------------------------------------------------------------
# the run


@dataclass
class BatchSummary:
    """Counts of one run; ``failed`` documents are in errors.jsonl."""

    documents: int = 0  # articles read (ingest succeeded)
    events: int = 0
    processed: int = 0  # run through the pipeline in this run
    from_manifest: int = 0  # results copied from the manifest
    skipped: int = 0  # the prefilter found no trigger word (processed or from the manifest)
    ingest_errors: int = 0
    extraction_errors: int = 0
    elapsed: float = 0.0

    @property
    def failed(self) -> int:
        return self.ingest_errors + self.extraction_errors

    def rate(self) -> float:
        """Articles per second so far."""
        return self.documents / self.elapsed if self.elapsed > 0 else 0.0


@dataclass
class _Slot:
    """One input item in a chunk, waiting for its result."""

    item: Union[Article, DocumentError]
    cached: Optional[CachedResult] = None


@dataclass
class _Chunk:
    slots: list[_Slot]
    pending: _Pending  # outcomes of the slots' articles that were not in the manifest, in order


@dataclass
class BatchOptions:
    """How to run a batch (the ``extract`` command's options)."""

    inputs: Sequence[str]
    output: Path
    workers: int = 1
    force: bool = False
    max_chars: int = DEFAULT_MAX_CHARS
    chunk_size: int = DEFAULT_CHUNK_SIZE


class BatchRun:
    """One ``extract`` run: owns the writer, the manifest and the executor."""

    def __init__(self, options: BatchOptions, on_progress: Optional[Callable[[BatchSummary], None]] = None):
        if options.workers < 1:
            raise ValueError("workers must be at least 1")
        self.options = options
        self.summary = BatchSummary()
        self._on_progress = on_progress
        self._started = time.monotonic()

    def run(self) -> BatchSummary:
        opts = self.options
        out = Path(opts.output)
        for stale in remove_stale_temporaries(out.parent):
            log.info("removed %s, left by a run that was killed", stale)
        manifest = Manifest(out.parent / MANIFEST_NAME, pipeline_version())
        writer = OutputWriter(out)
        executor = _Executor(opts.workers)
        try:
            self._loop(iter_inputs(opts.inputs, max_chars=opts.max_chars), writer, manifest, executor)
        except BaseException:
            executor.close(cancel=True)
            writer.abort()
            manifest.close()
            raise
        executor.close()
        writer.close()
        manifest.prune_other_versions()
        manifest.close()
        self.summary.events = writer.events_written
        self.summary.elapsed = time.monotonic() - self._started
        return self.summary

    def _loop(self, items: Iterator[Union[Article, DocumentError]], writer: OutputWriter, manifest: Manifest, executor: _Executor) -> None:
        in_flight: collections.deque[_Chunk] = collections.deque()
        limit = executor.workers * 2 + 1
        for slots in _chunks(items, self.options.chunk_size):
            todo = self._plan(slots, manifest)
            in_flight.append(_Chunk(slots, executor.submit(todo)))
            while len(in_flight) >= limit:
                self._emit(in_flight.popleft(), writer, manifest)
        while in_flight:
            self._emit(in_flight.popleft(), writer, manifest)

    def _plan(self, slots: list[_Slot], manifest: Manifest) -> list[Article]:
        """Fill in results the manifest has; return the articles still to process."""
        todo = []
        for slot in slots:
            if isinstance(slot.item, DocumentError):
                continue
            if not self.options.force:
                slot.cached = manifest.lookup(slot.item)
            if slot.cached is None:
                todo.append(slot.item)
        return todo

    def _emit(self, chunk: _Chunk, writer: OutputWriter, manifest: Manifest) -> None:
        """Write a chunk's results in input order, then record the new ones in the manifest."""
        outcomes = iter(chunk.pending.result())
        entries = []
        summary = self.summary
        for slot in chunk.slots:
            item = slot.item
            if isinstance(item, DocumentError):
                writer.add_error(item)
                summary.ingest_errors += 1
                continue
            summary.documents += 1
            writer.add_extracted_text(item)
            if slot.cached is not None:
                summary.from_manifest += 1
                summary.skipped += slot.cached.skipped
                writer.add_event_lines(slot.cached.event_lines)
                continue
            outcome = next(outcomes)
            summary.processed += 1
            summary.skipped += outcome.skipped
            if outcome.error is not None:
                writer.add_error(outcome.error)
                summary.extraction_errors += 1
                continue
            writer.add_event_lines(outcome.event_lines)
            entries.append(Entry(item, outcome.event_lines, outcome.skipped))
        manifest.record(entries)
        summary.events = writer.events_written
        summary.elapsed = time.monotonic() - self._started
        if self._on_progress is not None:
            self._on_progress(summary)


def _chunks(items: Iterable[Union[Article, DocumentError]], size: int) -> Iterator[list[_Slot]]:
    chunk: list[_Slot] = []
    for item in items:
        chunk.append(_Slot(item))
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


# ---------------------------------------------------------------------------
# progress and the closing summary


class Progress:
    """Articles/s, events and errors on stderr while a run goes on.

    On a terminal one line is redrawn a few times a second; otherwise (a log file,
    CI) a plain line is printed every ``interval`` seconds.
    """

    def __init__(self, stream: IO[str] = sys.stderr, interval: Optional[float] = None):
        self.stream = stream
        self.tty = stream.isatty()
        self.interval = interval if interval is not None else (0.5 if self.tty else 10.0)
        self._last = 0.0
        self._drawn = False

    def __call__(self, summary: BatchSummary) -> None:
        now = time.monotonic()
        if now - self._last < self.interval:
            return
        self._last = now
        line = (
            f"departures: {summary.documents} articles ({summary.rate():.0f}/s), {summary.events} events, "
            f"{summary.failed} failed, {summary.from_manifest} from the manifest"
        )
        if self.tty:
            self.stream.write("\r\x1b[K" + line)
            self._drawn = True
        else:
            self.stream.write(line + "\n")
        self.stream.flush()

    def finish(self) -> None:
        if self._drawn:
            self.stream.write("\r\x1b[K")
            self.stream.flush()


def format_summary(summary: BatchSummary, output: Path) -> str:
    """The closing lines: what was read, where it came from, what failed and where to look."""
    lines = [
        f"departures: {summary.documents} documents, {summary.events} events → {output} "
        f"({summary.elapsed:.1f}s, {summary.rate():.0f} articles/s)",
        f"  processed {summary.processed}, from the manifest {summary.from_manifest}, "
        f"skipped by the prefilter (no trigger word) {summary.skipped}",
    ]
    if summary.failed:
        lines.append(
            f"  failed {summary.failed}: {summary.ingest_errors} could not be read (ingest), "
            f"{summary.extraction_errors} failed in extraction; see {Path(output).parent / 'errors.jsonl'}"
        )
    else:
        lines.append("  failed 0")
    return "\n".join(lines)
