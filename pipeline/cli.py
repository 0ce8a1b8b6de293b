"""The ``departures`` command.

Logs and progress go to stderr; results go to files (or stdout for reports).
"""
from __future__ import annotations

import argparse
import json
import logging
import sys
import time
from pathlib import Path
from typing import Optional, Sequence

log = logging.getLogger("departures")

_EXTRACT_EXAMPLE = """example:
  departures extract corpus/ -o output/events.jsonl
  departures extract dump.jsonl more/ -o output/events.jsonl

Reads .txt / .md / .html files (folders are searched recursively) and JSONL dumps
(one article per line: {"id", "text" | "html", "title", "url", "published", "lang"}).
Writes one JSON line per departure event, errors.jsonl beside it (one line per
document that failed), and for HTML the extracted text the offsets refer to.
Exit status 0 when every document was read, 1 when some failed (see errors.jsonl)."""

_EVALUATE_EXAMPLE = """example:
  departures evaluate --gold ../shared/gold/seeds.jsonl --pred output/events.jsonl --source corpus/

Scores predicted events against gold as shared/spec/events.md describes: event
precision/recall/F1, field scores over matched events, provenance soundness."""


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
    ext.add_argument("--max-chars", type=int, default=20_000_000, help="skip (with an error line) articles longer than this")
    ext.add_argument("-q", "--quiet", action="store_true", help="no progress or summary on stderr")
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
    return parser


def _cmd_extract(args: argparse.Namespace) -> int:
    from .ingest import iter_inputs
    from .records import DocumentError
    from .run import process_article
    from .write import OutputWriter

    started = time.monotonic()
    writer = OutputWriter(Path(args.output))
    docs = failed = skipped = 0
    try:
        for item in iter_inputs(args.inputs, max_chars=args.max_chars):
            if isinstance(item, DocumentError):
                writer.add_error(item)
                failed += 1
                continue
            docs += 1
            writer.add_extracted_text(item)
            result = process_article(item)
            if result.error is not None:
                writer.add_error(result.error)
                failed += 1
            skipped += result.skipped
            writer.add_events(result.events)
    except BaseException:
        writer.abort()
        raise
    writer.close()
    if not args.quiet:
        elapsed = time.monotonic() - started
        print(
            f"departures: {docs} documents read, {writer.events_written} events, {failed} failed, "
            f"{skipped} without any trigger, {elapsed:.1f}s → {args.output}",
            file=sys.stderr,
        )
        if failed:
            print(f"departures: see {writer.out_dir / 'errors.jsonl'} for the failed documents", file=sys.stderr)
    return 1 if failed else 0


def _cmd_evaluate(args: argparse.Namespace) -> int:
    from .evaluate import evaluate, format_report, load_jsonl, load_sources

    report = evaluate(load_jsonl(args.gold), load_jsonl(args.pred), load_sources(args.source))
    if args.json:
        print(json.dumps(report.to_json(), ensure_ascii=False))
    else:
        print(format_report(report, verbose=args.list))
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
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
