"""The ``departures`` command.

Logs and progress go to stderr; results go to files (or stdout for reports).
"""
from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path
from typing import Optional, Sequence

log = logging.getLogger("departures")

_EXTRACT_EXAMPLE = """example:
  departures extract corpus/ -o output/events.jsonl
  departures extract dump.jsonl more/ -o output/events.jsonl --workers 2

Reads .txt / .md / .html files (folders are searched recursively) and JSONL dumps
(one article per line: {"id", "text" | "html", "title", "url", "published", "lang"}).
Writes one JSON line per departure event, errors.jsonl beside it (one line per
document that failed), and for HTML the extracted text the offsets refer to.
manifest.sqlite in the output folder remembers each document's events: a second
run processes only new or changed documents (--force: all of them again), and a
run that was killed goes on where it stopped.
Exit status 0 when every document was read, 1 when some failed (see errors.jsonl).

on a Dask cluster (pip install 'departures[cluster]'):
  departures extract dump.jsonl -o output/events.jsonl --engine dask --workers 4
  departures extract dump.jsonl -o /shared/out/events.jsonl --engine dask --scheduler tcp://host:8786
The same events file, errors.jsonl and extracted texts as the local engine, in
the same order. Without --scheduler a local cluster of --workers processes
(default 2) is started. Dumps are cut into byte ranges of --partition-size, files
grouped --chunk-size to a task; each task writes <events>.parts/part-NNNNN.jsonl
(workers need the output folder: a shared file system) and is retried when its
worker dies. Every document is processed (the manifest is not read, as with
--force); the results are recorded in manifest.sqlite for later local runs."""

_EVALUATE_EXAMPLE = """example:
  departures evaluate --gold ../shared/gold/seeds.jsonl --pred output/events.jsonl --source corpus/

Scores predicted events against gold as shared/spec/events.md describes: event
precision/recall/F1, field scores over matched events, provenance soundness."""

_MERGE_EXAMPLE = """example:
  departures merge output/events.jsonl -o output/events.merged.jsonl
  departures merge old/events.jsonl new/events.jsonl -o all/events.merged.jsonl --previous old/events.merged.jsonl

One line per (person, organization, departure) across documents and scripts: names
linked through their aliases (周明遠 = Tom Zhou = 周明远), organizations through
models/orgs.tsv, the most precise date the sources agree on (conflicts listed),
the strongest status, and every source event under "mentions". Merged ids stay
the same when articles are added: the earlier merged file (--previous, by default
the output file when it exists) pins them."""


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="departures",
        description="Extract departure events (who left which organization, in what role, when, "
        "where to, why, how certain) from Chinese and English news, with provenance.",
        epilog="Run `departures COMMAND --help` for each command's options and an example.",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="debug logging on stderr")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    ext = sub.add_parser(
        "extract",
        help="extract departure events from articles and dumps",
        description="Extract departure events from articles and dumps into JSONL.",
        epilog=_EXTRACT_EXAMPLE,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    ext.add_argument("inputs", nargs="+", help="files, folders or JSONL dumps")
    ext.add_argument("-o", "--output", default="output/events.jsonl", help="events file (default: output/events.jsonl)")
    ext.add_argument("--max-chars", type=_positive_int, default=None, help="skip (with an error line) articles longer than this (default: 1,000,000)")
    ext.add_argument("-q", "--quiet", action="store_true", help="no progress or summary on stderr")
    ext.add_argument("-w", "--workers", type=_positive_int, default=None, help="worker processes (default: 1; --engine dask: 2); output is the same for any number")
    ext.add_argument("--force", action="store_true", help="process every document again, ignoring the manifest of earlier runs")
    ext.add_argument("--progress", action="store_true", help="show progress even when stderr is not a terminal")
    ext.add_argument("--chunk-size", type=_positive_int, default=32, help="articles handed to a worker at a time (default: 32); --engine dask: files per task")
    ext.add_argument("--engine", choices=("local", "dask"), default="local", help="local: this machine's processes (default); dask: tasks on a Dask cluster")
    ext.add_argument("--scheduler", metavar="ADDRESS", help="--engine dask: the scheduler, e.g. tcp://host:8786 (default: start a local cluster)")
    ext.add_argument("--partition-size", metavar="SIZE", default="2M", help="--engine dask: bytes of a dump per task, e.g. 512K, 2M (default: 2M)")
    ext.add_argument(
        "--merge",
        action="store_true",
        help="also merge across documents into <events>.merged.jsonl beside the events (keeps the ids of the merged file already there)",
    )
    ext.set_defaults(func=_cmd_extract)

    ev = sub.add_parser(
        "evaluate",
        help="score predicted events against a gold file",
        description="Score predicted events against gold, as the spec describes.",
        epilog=_EVALUATE_EXAMPLE,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    ev.add_argument("--gold", required=True, help="gold JSONL")
    ev.add_argument("--pred", required=True, help="predicted events JSONL")
    ev.add_argument("--source", nargs="*", default=[], help="source folders or dumps, for provenance checks")
    ev.add_argument("--json", action="store_true", help="print the report as JSON")
    ev.add_argument("--list", action="store_true", help="also list misses, false positives, date errors")
    ev.set_defaults(func=_cmd_evaluate)

    mg = sub.add_parser(
        "merge",
        help="merge events of many documents: one line per (person, organization, departure)",
        description="Merge the events of many documents into one line per departure, across scripts and aliases.",
        epilog=_MERGE_EXAMPLE,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    mg.add_argument("inputs", nargs="+", help="events JSONL files written by extract")
    mg.add_argument("-o", "--output", default="output/events.merged.jsonl", help="merged file (default: output/events.merged.jsonl)")
    mg.add_argument("--previous", help="an earlier merged file whose ids to keep (default: the output file, when it exists)")
    mg.add_argument("--no-previous", action="store_true", help="ignore earlier merged files: ids from the input alone")
    mg.add_argument("-q", "--quiet", action="store_true", help="no summary on stderr")
    mg.set_defaults(func=_cmd_merge)

    from .cli_data import add_commands  # load, review, show

    add_commands(sub)
    return parser


def _positive_int(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {number}")
    return number


def _cmd_extract(args: argparse.Namespace) -> int:
    if args.engine == "dask":
        return _cmd_extract_dask(args)
    from concurrent.futures.process import BrokenProcessPool

    from .batch import BatchOptions, BatchRun

    options = BatchOptions(
        inputs=args.inputs,
        output=Path(args.output),
        workers=args.workers or 1,
        force=args.force,
        chunk_size=args.chunk_size,
    )
    if args.max_chars is not None:
        options.max_chars = args.max_chars
    progress = _progress(args)
    try:
        summary = BatchRun(options, on_progress=progress).run()
    except BrokenProcessPool:
        log.error(
            "a worker process died (out of memory, or a crash in a native library); nothing was written. "
            "Documents finished before it are in the manifest: run again to go on, with --workers 1 to see which document it was."
        )
        return 2
    except KeyboardInterrupt:
        log.error("interrupted; nothing was written. Documents finished so far are in the manifest: run the same command again to go on.")
        return 130
    finally:
        if progress is not None:
            progress.finish()
    return _finish_extract(args, summary, options.output)


def _progress(args: argparse.Namespace):
    """The progress line on stderr: on a terminal, or when asked for, never with --quiet."""
    from .batch import Progress

    return Progress(sys.stderr) if not args.quiet and (args.progress or sys.stderr.isatty()) else None


def _finish_extract(args: argparse.Namespace, summary, output: Path) -> int:
    """What both engines do at the end: the summary, the merged file if asked, the exit status."""
    from .batch import format_summary

    if not args.quiet:
        print(format_summary(summary, output), file=sys.stderr)
    if args.merge:
        from .merge import merge_files, merged_path_for

        merged = merged_path_for(output)
        merge_files([output], merged, previous=merged, quiet=args.quiet)
    return 1 if summary.failed else 0


def _cmd_extract_dask(args: argparse.Namespace) -> int:
    """``extract --engine dask``: the same outputs, computed on a Dask cluster (pipeline/cluster.py)."""
    try:
        from .cluster import ClusterError, ClusterOptions, parse_size, run_cluster
        import distributed  # noqa: F401
    except ImportError:
        log.error("--engine dask needs Dask: pip install 'departures[cluster]' (or 'dask[distributed]')")
        return 2
    try:
        partition_bytes = parse_size(args.partition_size)
    except ValueError:
        log.error("--partition-size: %r is not a size such as 512K or 2M", args.partition_size)
        return 2
    if not args.verbose:  # the scheduler and nannies of a local cluster log every step at INFO
        logging.getLogger("distributed").setLevel(logging.WARNING)
    if args.scheduler and args.workers:
        log.warning("--workers is ignored with --scheduler: the cluster has the workers it has")
    if args.force:
        log.info("--force is what the Dask engine always does: every document is processed")
    options = ClusterOptions(
        inputs=args.inputs,
        output=Path(args.output),
        scheduler=args.scheduler,
        workers=args.workers or 2,
        files_per_partition=args.chunk_size,
        partition_bytes=partition_bytes,
    )
    if args.max_chars is not None:
        options.max_chars = args.max_chars
    progress = _progress(args)
    try:
        summary = run_cluster(options, on_progress=progress)
    except ClusterError as exc:
        log.error("%s; nothing was written", exc)
        return 2
    except OSError as exc:  # the scheduler cannot be reached
        log.error("the Dask cluster failed (%s); nothing was written", exc)
        return 2
    except KeyboardInterrupt:
        log.error("interrupted; nothing was written")
        return 130
    finally:
        if progress is not None:
            progress.finish()
    return _finish_extract(args, summary, options.output)


def _cmd_evaluate(args: argparse.Namespace) -> int:
    from .evaluate import evaluate, format_report, load_jsonl, load_sources

    report = evaluate(load_jsonl(args.gold), load_jsonl(args.pred), load_sources(args.source))
    if args.json:
        print(json.dumps(report.to_json(), ensure_ascii=False))
    else:
        print(format_report(report, verbose=args.list))
    return 0


def _cmd_merge(args: argparse.Namespace) -> int:
    from .merge import merge_files

    missing = [name for name in args.inputs if not Path(name).is_file()]
    if missing:
        log.error("no such events file: %s", ", ".join(missing))
        return 2
    previous = None if args.no_previous else (args.previous or args.output)
    merge_files(args.inputs, args.output, previous=previous, quiet=args.quiet)
    return 0


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = _build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return 2
    try:
        return args.func(args)
    except BrokenPipeError:
        # `departures evaluate ... | head`: the reader left; that is not an error of ours.
        sys.stderr.close()
        return 0


if __name__ == "__main__":
    sys.exit(main())
