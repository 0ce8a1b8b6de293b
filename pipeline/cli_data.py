"""``departures load | review | show``: what people do with events once extracted.

Kept apart from ``cli.py`` (extraction and scoring) so that each command's
options, example and error handling sit next to each other. Every command
reports problems on stderr naming the input and what to do, and returns an
exit status: 0 done, 1 done but some lines were skipped, 2 nothing done.
"""
from __future__ import annotations

import argparse
import shutil
import sys
import time
from pathlib import Path
from typing import Any, Optional

from .db import DEFAULT_URL, DatabaseError
from .eventfile import EventFile, EventFileError

_LOAD_EXAMPLE = """example:
  departures load output/events.jsonl                       # into sqlite:///output/departures.db
  departures load output/events.jsonl --db postgresql://departures@localhost/departures

Creates the schema (or migrates it to this version) and upserts by event_id:
loading the same file again changes nothing; a newer run updates the events that
changed (their sources and aliases replaced) and keeps every other event.
events.merged.jsonl beside the events file is read too (its merged_id per event)."""

_REVIEW_EXAMPLE = """example:
  departures review output/events.jsonl -o output/review.html --source corpus/

Writes one self-contained HTML page (no network): the events with their source
sentences, person / organization / role / date highlighted, grouped by document or
organization, filters and search. Mark each event correct or wrong or fix its
fields, then Export: a JSONL in the gold format of shared/spec/events.md, ready for
`departures evaluate --gold review-gold.jsonl`. With --source, each cited span is
checked against the source text and relative dates are read against the article."""

_SHOW_EXAMPLE = """example:
  departures show output/events.jsonl --org xAI
  departures show output/events.jsonl --person 周明远 --status confirmed --status reported --evidence
  departures show --db sqlite:///output/departures.db --org 智谱

Names match as the scorer matches them (traditional/simplified, case, spaces and
dots ignored; organizations also when one contains the other)."""


def add_commands(sub: Any) -> None:
    """Register load, review and show on the ``departures`` sub-command parser."""
    raw = argparse.RawDescriptionHelpFormatter
    ld = sub.add_parser(
        "load", help="load events into SQLite or PostgreSQL (idempotent upsert)",
        description="Load events JSONL (or merged output) into a database.", epilog=_LOAD_EXAMPLE, formatter_class=raw,
    )
    ld.add_argument("inputs", nargs="+", help="events JSONL files (events.jsonl, events.merged.jsonl)")
    ld.add_argument("--db", default=DEFAULT_URL, help=f"database URL (default: {DEFAULT_URL})")
    ld.add_argument("--no-merged", action="store_true", help="do not read events.merged.jsonl beside an events file")
    ld.add_argument("-q", "--quiet", action="store_true", help="no summary on stderr")
    ld.set_defaults(func=_cmd_load)

    rv = sub.add_parser(
        "review", help="write a self-contained HTML page to review events and export gold",
        description="Write an offline HTML review page for events.", epilog=_REVIEW_EXAMPLE, formatter_class=raw,
    )
    rv.add_argument("inputs", nargs="+", help="events JSONL files")
    rv.add_argument("-o", "--output", default="output/review.html", help="page to write (default: output/review.html)")
    rv.add_argument("--source", nargs="*", default=[], help="source folders or dumps: offsets are checked, dates anchored")
    rv.add_argument("--title", help="page title (default: the first input's name)")
    rv.add_argument("-q", "--quiet", action="store_true", help="no summary on stderr")
    rv.set_defaults(func=_cmd_review)

    sh = sub.add_parser(
        "show", help="print events as an aligned table",
        description="Print events (from a file or a database) as a table.", epilog=_SHOW_EXAMPLE, formatter_class=raw,
    )
    sh.add_argument("inputs", nargs="*", help="events JSONL files (or give --db)")
    sh.add_argument("--db", help="read from this database instead of files")
    sh.add_argument("--org", help="only events leaving this organization (or an alias)")
    sh.add_argument("--person", help="only events of this person (or an alias)")
    sh.add_argument("--status", action="append", help="only this status (repeat for several)")
    sh.add_argument("--doc", help="only events of this document")
    sh.add_argument("--lang", help="only events of this language (zh, en)")
    sh.add_argument("--sort", default="file", choices=["file", "doc", "date", "org", "person", "confidence"], help="row order (default: as in the file)")
    sh.add_argument("--limit", type=int, help="at most this many rows")
    sh.add_argument("--evidence", action="store_true", help="print each event's first source sentence under it")
    sh.add_argument("--width", type=int, help="table width in columns (default: the terminal's, no limit when piped)")
    sh.set_defaults(func=_cmd_show)


def _fail(command: str, message: str) -> int:
    print(f"departures {command}: {message}", file=sys.stderr)
    return 2


def _report_problems(command: str, events: EventFile) -> None:
    if events.problems:
        print(
            f"departures {command}: {len(events.problems)} lines skipped (see the warnings above); "
            "every line must be a JSON object with at least doc and person",
            file=sys.stderr,
        )


def _cmd_load(args: argparse.Namespace) -> int:
    from .db import connect, schema_version
    from .eventfile import read_inputs
    from .load import load_records

    started = time.monotonic()
    try:
        events = read_inputs(args.inputs, with_merged=not args.no_merged)
        with connect(args.db) as db:
            stats = load_records(db, events.records)
            version = schema_version(db)
            shown = db.url.shown
    except (EventFileError, DatabaseError) as exc:
        return _fail("load", str(exc))
    _report_problems("load", events)
    if not args.quiet:
        files = " + ".join(str(p) for p in events.paths)
        print(
            f"departures: {files}: {stats.summary()}; schema v{version}; "
            f"{time.monotonic() - started:.2f}s → {shown}",
            file=sys.stderr,
        )
    return 1 if events.problems else 0


def _cmd_review(args: argparse.Namespace) -> int:
    from .evaluate import load_sources
    from .eventfile import read_inputs
    from .review import write_review

    try:
        events = read_inputs(args.inputs, with_merged=False)
    except EventFileError as exc:
        return _fail("review", str(exc))
    missing = [s for s in args.source if not Path(s).exists()]
    if missing:
        return _fail("review", f"--source {missing[0]}: no such folder or dump; give the corpus the events came from")
    texts = load_sources(args.source)
    if args.source and not texts:
        return _fail("review", f"--source {' '.join(args.source)}: no readable documents found")
    out = Path(args.output)
    try:
        meta = write_review(events.records, out, texts, args.title or Path(args.inputs[0]).name)
    except OSError as exc:
        return _fail("review", f"cannot write {out} ({exc.strerror}); choose another -o path")
    _report_problems("review", events)
    if not args.quiet:
        docs = len({r.doc for r in events.records})
        note = ""
        if args.source:
            unseen = len({r.doc for r in events.records} - set(texts))
            note = f"; {meta['sources_mismatched']} of {meta['sources_checked']} cited spans not at their offsets"
            if unseen:
                note += f"; {unseen} documents not found under --source"
        print(f"departures: {len(events.records)} events of {docs} documents{note} → {out}", file=sys.stderr)
    return 1 if events.problems else 0


def _terminal_width(given: Optional[int]) -> Optional[int]:
    if given is not None:
        return given
    return shutil.get_terminal_size().columns if sys.stdout.isatty() else None


def _cmd_show(args: argparse.Namespace) -> int:
    from .eventfile import read_inputs
    from .show import SORT_KEYS, format_table, select

    if bool(args.inputs) == bool(args.db):
        return _fail("show", "give events files or --db URL (one of the two)")
    problems: list[str] = []
    try:
        if args.db:
            from .db import connect, parse_url
            from .query import fetch_events

            url = parse_url(args.db)
            if url.dialect == "sqlite" and url.target != ":memory:" and not Path(url.target).is_file():
                return _fail("show", f"--db {url.shown}: no such database file; fill it with `departures load EVENTS --db {args.db}`")

            with connect(args.db) as db:
                records = fetch_events(db, person=args.person, org=args.org, statuses=args.status, doc=args.doc)
            records = select(records, lang=args.lang)
        else:
            events = read_inputs(args.inputs, with_merged=False)
            problems = events.problems
            records = select(events.records, org=args.org, person=args.person, statuses=args.status, doc=args.doc, lang=args.lang)
    except (EventFileError, DatabaseError) as exc:
        return _fail("show", str(exc))
    if args.sort != "file":
        records = sorted(records, key=SORT_KEYS[args.sort])
    total = len(records)
    if args.limit is not None:
        records = records[: max(args.limit, 0)]
    print(format_table(records, width=_terminal_width(args.width), evidence=args.evidence))
    more = f" (first {len(records)} shown)" if len(records) < total else ""
    print(f"{total} event{'' if total == 1 else 's'}{more}", file=sys.stderr)
    return 1 if problems else 0
