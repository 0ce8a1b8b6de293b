"""The Dask engine: ``departures extract ... --engine dask [--scheduler tcp://host:8786]``.

The same extraction as the local engine (batch.py), spread over a Dask cluster::

    plan (client) ──partitions──▶ run_partition (a task per partition, on any worker)
                                        │ writes OUT.parts/part-00000.jsonl (+ .manifest.jsonl, .extracted.jsonl)
                                        ▼ returns a small PartResult (counts, errors)
    client: concatenate the parts in partition order → events file; errors.jsonl; manifest.sqlite

* **Partitions.** Files (``.txt``/``.md``/``.html``) are grouped ``files_per_partition``
  at a time; a JSONL dump is cut into byte ranges of about ``partition_bytes``,
  each cut just after a newline. The planner reads each dump once, counting
  newlines, so a partition knows the number of its first line and yields exactly
  the items (articles, errors, line numbers) the whole dump gives for its lines.
* **Output.** A task writes its events as one part file, atomically (temporary
  name in the same folder, fsync, ``os.replace``): a part is complete or absent.
  The client concatenates the parts in partition order, so the events file is
  the local engine's, line for line. The workers need the folder of the output
  (a shared file system on a real cluster) and the package installed.
* **Retries.** Tasks are submitted with ``retries=2`` and the scheduler runs
  again the tasks of a worker that died; a task run twice writes the same part
  again, and the client reads each part once, so nothing is lost or doubled.
* **Manifest.** Every document is processed (the workers do not read the
  manifest, as with ``--force``); the results are recorded in the output
  folder's ``manifest.sqlite``, so a later local run takes them from there. If
  the workers run another pipeline version than the client, nothing is recorded.

Known difference: the local engine renames a *file* from a folder whose name is
already the id of an article of an earlier dump (ids stay unique); the planner
does not read dump ids, so only file names are compared with each other here.
"""
from __future__ import annotations

import functools
import json
import logging
import os
import shutil
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator, Optional, Sequence, Union

from .batch import DEFAULT_CHUNK_SIZE, BatchSummary
from .ingest import DEFAULT_MAX_CHARS, DUMP_SUFFIXES, files_under, file_doc_id, iter_dump, read_file
from .manifest import MANIFEST_NAME, Manifest, article_meta, content_hash, pipeline_version
from .records import Article, DocumentError
from .write import AtomicFile, event_line, remove_stale_temporaries

log = logging.getLogger(__name__)

DEFAULT_FILES_PER_PARTITION = 32
DEFAULT_PARTITION_BYTES = 2 << 20
DEFAULT_RETRIES = 2
_BLOCK = 1 << 20


class ClusterError(RuntimeError):
    """A partition failed on every try (or the cluster went away); nothing was written."""


# ---------------------------------------------------------------------------
# planning


@dataclass(frozen=True)
class Partition:
    """One task: some files, or the lines of a dump that start in [start, end)."""

    index: int
    files: tuple[tuple[str, str], ...] = ()  # (path, doc id)
    dump: Optional[str] = None
    start: int = 0
    end: Optional[int] = None  # None: to the end of the file
    first_line: int = 1

    @property
    def name(self) -> str:
        return f"part-{self.index:05d}"


Unit = Union[Partition, DocumentError]


def dump_ranges(path: Path, target: int) -> list[tuple[int, Optional[int], int]]:
    """(start, end, number of the first line) of byte ranges of about ``target`` bytes,
    each starting at a line start; one read of the file, counting newlines."""
    try:
        size = path.stat().st_size
    except OSError:
        return [(0, None, 1)]  # the task reports why it cannot be read, as iter_dump does
    if size <= target:
        return [(0, None, 1)]
    ranges = []
    start, first_line = 0, 1
    lines = 0  # newlines before `position`
    position = 0
    cut_after = target  # the next cut: just after the first newline at or beyond this offset
    with open(path, "rb") as handle:
        while True:
            block = handle.read(_BLOCK)
            if not block:
                break
            counted = 0
            while position + len(block) > cut_after:
                newline = block.find(b"\n", max(cut_after - position, counted))
                if newline < 0:
                    break
                lines += block.count(b"\n", counted, newline + 1)
                counted = newline + 1
                cut = position + newline + 1
                ranges.append((start, cut, first_line))
                start, first_line = cut, lines + 1
                cut_after = cut + target
            lines += block.count(b"\n", counted)
            position += len(block)
    if start < position or not ranges:
        ranges.append((start, None, first_line))
    else:  # the last cut fell on the end of the file: the last range reads to the end
        last_start, _end, last_line = ranges.pop()
        ranges.append((last_start, None, last_line))
    return ranges


def plan(
    inputs: Sequence[Union[str, Path]],
    files_per_partition: int = DEFAULT_FILES_PER_PARTITION,
    partition_bytes: int = DEFAULT_PARTITION_BYTES,
) -> list[Unit]:
    """The inputs as partitions (and errors for missing inputs), in iter_inputs' order."""
    units: list[Unit] = []
    files: list[tuple[str, str]] = []
    seen: set[str] = set()

    def flush_files() -> None:
        if files:
            units.append(Partition(len(units), files=tuple(files)))
            files.clear()

    for given in inputs:
        root = Path(given)
        if not root.exists():
            flush_files()
            units.append(DocumentError(str(given), "ingest", "no such file or folder; check the path"))
            continue
        for path in files_under(root) if root.is_dir() else [root]:
            if path.suffix.lower() in DUMP_SUFFIXES:
                flush_files()
                for start, end, first_line in dump_ranges(path, partition_bytes):
                    units.append(Partition(len(units), dump=str(path), start=start, end=end, first_line=first_line))
                continue
            files.append((str(path), file_doc_id(path, root, seen)))
            if len(files) >= files_per_partition:
                flush_files()
    flush_files()
    return units


# ---------------------------------------------------------------------------
# the task


@dataclass
class PartResult:
    """What a task returns to the client: counts and errors, never the events."""

    index: int
    version: str
    documents: int = 0
    events: int = 0
    skipped: int = 0
    ingest_errors: int = 0
    extraction_errors: int = 0
    errors: list[dict] = field(default_factory=list)  # DocumentError.to_json(), in input order
    extracted: bool = False  # part-NNNNN.extracted.jsonl was written


@functools.lru_cache(maxsize=1)
def _worker_version() -> str:
    return pipeline_version()


def _items(part: Partition, max_chars: int) -> Iterator[Union[Article, DocumentError]]:
    if part.dump is not None:
        yield from iter_dump(Path(part.dump), max_chars, start=part.start, end=part.end, first_line=part.first_line)
        return
    for path, doc_id in part.files:
        yield read_file(Path(path), doc_id, max_chars)


def _groups(items: Iterator[Union[Article, DocumentError]], articles_per_group: int) -> Iterator[list[Union[Article, DocumentError]]]:
    """Consecutive items, cut after every ``articles_per_group`` articles (errors ride along)."""
    group: list[Union[Article, DocumentError]] = []
    articles = 0
    for item in items:
        group.append(item)
        if isinstance(item, Article):
            articles += 1
            if articles == articles_per_group:
                yield group
                group, articles = [], 0
    if group:
        yield group


def _save_extracted_file(out_dir: Path, article: Article) -> None:
    """As OutputWriter.add_extracted_text does for an HTML file."""
    target = out_dir / "extracted" / article.doc_id
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.{uuid.uuid4().hex}.tmp")
    tmp.write_text(article.text, encoding="utf-8")
    os.replace(tmp, target)


def run_partition(part: Partition, parts_dir: str, out_dir: str, max_chars: int = DEFAULT_MAX_CHARS) -> PartResult:
    """One task: the pipeline over a partition's articles; events → ``parts_dir/part-NNNNN.jsonl``.

    Lexicons and models are loaded once per worker process (module-level caches).
    The manifest rows and the extracted texts of dump articles go to files beside
    the events; the events file is renamed into place last, after the others.
    """
    from .run import process_articles

    folder = Path(parts_dir)
    result = PartResult(part.index, _worker_version())
    events = AtomicFile(folder / f"{part.name}.jsonl")
    rows = AtomicFile(folder / f"{part.name}.manifest.jsonl")
    extracted: Optional[AtomicFile] = None
    try:
        for group in _groups(_items(part, max_chars), DEFAULT_CHUNK_SIZE):
            # The articles of a group go through the pipeline together (English
            # sentences are parsed in one call); results are written in input order.
            outcomes = iter(process_articles([item for item in group if isinstance(item, Article)]))
            for item in group:
                if isinstance(item, DocumentError):
                    result.errors.append(item.to_json())
                    result.ingest_errors += 1
                    continue
                outcome = next(outcomes)
                result.documents += 1
                if item.extracted_text:
                    if item.fmt == "dump":
                        if extracted is None:
                            extracted = AtomicFile(folder / f"{part.name}.extracted.jsonl")
                        extracted.handle.write(json.dumps({"id": item.doc_id, "text": item.text}, ensure_ascii=False) + "\n")
                    else:
                        _save_extracted_file(Path(out_dir), item)
                result.skipped += outcome.skipped
                if outcome.error is not None:
                    result.errors.append(outcome.error.to_json())
                    result.extraction_errors += 1
                    continue
                lines = [event_line(e) for e in outcome.events]
                for line in lines:
                    events.handle.write(line + "\n")
                result.events += len(lines)
                rows.handle.write(json.dumps([item.doc_id, content_hash(item), article_meta(item), outcome.skipped, lines], ensure_ascii=False) + "\n")
    except BaseException:
        for handle in (events, rows, extracted):
            if handle is not None:
                handle.abort()
        raise
    if extracted is not None:
        extracted.commit()
        result.extracted = True
    rows.commit()
    events.commit()
    return result


# ---------------------------------------------------------------------------
# the client


@dataclass
class ClusterOptions:
    """How to run on Dask (the ``extract --engine dask`` options)."""

    inputs: Sequence[str]
    output: Path
    scheduler: Optional[str] = None  # None: a LocalCluster of `workers` processes
    workers: int = 2
    max_chars: int = DEFAULT_MAX_CHARS
    files_per_partition: int = DEFAULT_FILES_PER_PARTITION
    partition_bytes: int = DEFAULT_PARTITION_BYTES
    retries: int = DEFAULT_RETRIES


def parts_dir_for(output: Path) -> Path:
    return output.with_name(output.name + ".parts")


def run_cluster(
    options: ClusterOptions,
    on_progress: Optional[Callable[[BatchSummary], None]] = None,
    client: "Optional[object]" = None,
) -> BatchSummary:
    """Run the extraction on a Dask cluster (``client``, the scheduler at
    ``options.scheduler``, or a LocalCluster) and write the outputs the local engine writes."""
    from distributed import Client, LocalCluster

    started = time.monotonic()
    out = Path(options.output)
    out.parent.mkdir(parents=True, exist_ok=True)
    for stale in remove_stale_temporaries(out.parent):
        log.info("removed %s, left by a run that was killed", stale)
    units = plan(options.inputs, options.files_per_partition, options.partition_bytes)
    parts = parts_dir_for(out)
    shutil.rmtree(parts, ignore_errors=True)  # parts of a killed run: every part is written again
    parts.mkdir(parents=True)

    try:
        if client is not None:
            results = _compute(client, units, parts, out.parent, options, started, on_progress)
        elif options.scheduler:
            with Client(options.scheduler) as own:
                results = _compute(own, units, parts, out.parent, options, started, on_progress)
        else:
            with LocalCluster(n_workers=options.workers, threads_per_worker=1, processes=True) as cluster, Client(cluster) as own:
                results = _compute(own, units, parts, out.parent, options, started, on_progress)
        summary = _write_outputs(units, results, parts, out)
    finally:
        shutil.rmtree(parts, ignore_errors=True)
    summary.elapsed = time.monotonic() - started
    return summary


def _compute(client, units, parts: Path, out_dir: Path, options: ClusterOptions, started: float, on_progress) -> dict[int, PartResult]:
    from distributed import as_completed

    token = uuid.uuid4().hex[:12]
    futures = [
        client.submit(
            run_partition, unit, str(parts), str(out_dir), options.max_chars,
            key=f"departures-{unit.name}-{token}", retries=options.retries,
        )
        for unit in units
        if isinstance(unit, Partition)
    ]
    results: dict[int, PartResult] = {}
    summary = BatchSummary()
    try:
        for future in as_completed(futures):
            try:
                result: PartResult = future.result()
            except Exception as exc:
                raise ClusterError(f"a partition failed on every try ({type(exc).__name__}: {exc})") from exc
            results[result.index] = result
            _add(summary, result)
            summary.elapsed = time.monotonic() - started
            if on_progress is not None:
                on_progress(summary)
    except BaseException:
        client.cancel(futures)
        raise
    return results


def _add(summary: BatchSummary, result: PartResult) -> None:
    summary.documents += result.documents
    summary.processed += result.documents
    summary.events += result.events
    summary.skipped += result.skipped
    summary.ingest_errors += result.ingest_errors
    summary.extraction_errors += result.extraction_errors


def _copy_text(source: Path, target: AtomicFile) -> None:
    with open(source, encoding="utf-8") as handle:
        shutil.copyfileobj(handle, target.handle, _BLOCK)


def _write_outputs(units: list[Unit], results: dict[int, PartResult], parts: Path, out: Path) -> BatchSummary:
    """Parts → the events file, errors.jsonl, extracted.jsonl and the manifest, in partition order."""
    summary = BatchSummary()
    events = AtomicFile(out)
    errors = AtomicFile(out.parent / "errors.jsonl")
    extracted: Optional[AtomicFile] = None
    try:
        for unit in units:
            if isinstance(unit, DocumentError):
                errors.write_line(json.dumps(unit.to_json(), ensure_ascii=False))
                summary.ingest_errors += 1
                continue
            result = results[unit.index]
            _add(summary, result)
            _copy_text(parts / f"{unit.name}.jsonl", events)
            for error in result.errors:
                errors.write_line(json.dumps(error, ensure_ascii=False))
            if result.extracted:
                if extracted is None:
                    extracted = AtomicFile(out.parent / "extracted.jsonl")
                _copy_text(parts / f"{unit.name}.extracted.jsonl", extracted)
    except BaseException:
        for handle in (events, errors, extracted):
            if handle is not None:
                handle.abort()
        raise
    events.commit()
    errors.commit()
    if extracted is not None:
        extracted.commit()
    _record_manifest(units, results, parts, out.parent)
    return summary


def _record_manifest(units: list[Unit], results: dict[int, PartResult], parts: Path, out_dir: Path) -> None:
    version = pipeline_version()
    others = sorted({r.version for r in results.values()} - {version})
    if others:
        log.warning(
            "the workers run pipeline version %s, this client %s: results not recorded in %s",
            ", ".join(others), version, out_dir / MANIFEST_NAME,
        )
        return
    manifest = Manifest(out_dir / MANIFEST_NAME, version)
    try:
        for unit in units:
            if isinstance(unit, Partition):
                with open(parts / f"{unit.name}.manifest.jsonl", encoding="utf-8") as handle:
                    manifest.record_rows(tuple(json.loads(line)) for line in handle)
        manifest.prune_other_versions()
    finally:
        manifest.close()


def parse_size(value: str) -> int:
    """``2M``, ``512K``, ``1G`` or a number of bytes."""
    text = value.strip().upper().removesuffix("B")
    factor = 1
    if text and text[-1] in "KMG":
        factor = 1 << (10 * ("KMG".index(text[-1]) + 1))
        text = text[:-1]
    number = int(float(text) * factor)
    if number < 1:
        raise ValueError(f"a partition size must be at least 1 byte, not {value}")
    return number
