"""Batch runs: workers, the manifest, kills, progress, the summary and the exit status.

Every test runs the real pipeline on generated dumps (tests/batch_helpers.py);
the CLI ones run ``python -m pipeline.cli`` in a subprocess as a user would.
"""
from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from batch_helpers import REPO, cli, frozen_checkout, read_jsonl, write_dump
from pipeline.batch import BatchOptions, BatchRun
from pipeline.manifest import MANIFEST_NAME, pipeline_version


def run_batch(inputs, out: Path, **options) -> "BatchRun":
    run = BatchRun(BatchOptions(inputs=[str(p) for p in inputs], output=out / "events.jsonl", **options))
    run.run()
    return run


def event_lines(out: Path) -> list[str]:
    return (out / "events.jsonl").read_text(encoding="utf-8").splitlines()


@pytest.fixture
def checkout(tmp_path) -> Path:
    """Code and lexicons that stay put while runs are compared (see batch_helpers.frozen_checkout)."""
    return frozen_checkout(tmp_path / "checkout")


# ---------------------------------------------------------------------------
# workers


def test_two_workers_write_exactly_what_one_writes(tmp_path, checkout):
    dump = write_dump(tmp_path / "dump.jsonl", 150)
    one = cli(["extract", str(dump), "-o", str(tmp_path / "w1" / "events.jsonl"), "--workers", "1"], cwd=checkout)
    two = cli(["extract", str(dump), "-o", str(tmp_path / "w2" / "events.jsonl"), "--workers", "2", "--chunk-size", "8"], cwd=checkout)
    assert one.returncode == 0, one.stderr
    assert two.returncode == 0, two.stderr
    lines = event_lines(tmp_path / "w1")
    assert len(lines) > 20  # the dump states departures; an empty file would prove nothing
    assert event_lines(tmp_path / "w2") == lines
    docs = [e["doc"] for e in read_jsonl(tmp_path / "w1" / "events.jsonl")]
    assert docs == sorted(docs), "events follow the input order"


def test_workers_must_be_positive(tmp_path):
    result = cli(["extract", str(write_dump(tmp_path / "d.jsonl", 2)), "-o", str(tmp_path / "o" / "events.jsonl"), "--workers", "0"])
    assert result.returncode == 2
    assert "must be at least 1" in result.stderr


# ---------------------------------------------------------------------------
# the manifest


def test_second_run_processes_only_new_documents(tmp_path):
    first_dump = write_dump(tmp_path / "a.jsonl", 60)
    new_dump = write_dump(tmp_path / "b.jsonl", 5, start=60)
    out = tmp_path / "out"

    first = run_batch([first_dump], out).summary
    assert (first.processed, first.from_manifest) == (60, 0)

    second = run_batch([first_dump, new_dump], out).summary
    assert (second.processed, second.from_manifest, second.documents) == (5, 60, 65)

    clean = run_batch([first_dump, new_dump], tmp_path / "clean").summary
    assert clean.processed == 65
    assert event_lines(out) == event_lines(tmp_path / "clean")
    assert (second.events, second.skipped) == (clean.events, clean.skipped)  # prefilter skips remembered too


def test_force_processes_everything_again(tmp_path):
    dump = write_dump(tmp_path / "a.jsonl", 20)
    out = tmp_path / "out"
    run_batch([dump], out)
    before = event_lines(out)
    forced = run_batch([dump], out, force=True).summary
    assert (forced.processed, forced.from_manifest) == (20, 0)
    assert event_lines(out) == before


def test_changed_text_or_metadata_is_processed_again(tmp_path):
    dump = write_dump(tmp_path / "a.jsonl", 10)
    out = tmp_path / "out"
    run_batch([dump], out)
    records = read_jsonl(dump)
    records[3]["text"] += " 补充说明。"
    records[6]["published"] = "2024-01-02"
    dump.write_text("".join(__import__("json").dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    again = run_batch([dump], out).summary
    assert (again.processed, again.from_manifest) == (2, 8)


def test_a_lexicon_change_invalidates_the_manifest(tmp_path, monkeypatch):
    dump = write_dump(tmp_path / "a.jsonl", 8)
    out = tmp_path / "out"
    run_batch([dump], out)
    before = pipeline_version()
    models = tmp_path / "models"
    shutil.copytree(REPO / "models", models)
    with open(models / "triggers_zh.tsv", "a", encoding="utf-8") as handle:
        handle.write("# a comment changes the version: the manifest cannot know it is harmless\n")
    monkeypatch.setenv("DEPARTURES_MODELS", str(models))
    assert pipeline_version() != before
    again = run_batch([dump], out).summary
    assert (again.processed, again.from_manifest) == (8, 0)
    # results of the old version are dropped after a complete run
    with sqlite3.connect(out / MANIFEST_NAME) as db:
        assert {v for (v,) in db.execute("SELECT DISTINCT version FROM documents")} == {pipeline_version()}


def test_failed_documents_are_not_cached_and_fail_again(tmp_path):
    dump = tmp_path / "a.jsonl"
    write_dump(dump, 4)
    with open(dump, "a", encoding="utf-8") as handle:
        handle.write("{not json\n")
    out = tmp_path / "out"
    first = run_batch([dump], out).summary
    second = run_batch([dump], out).summary
    assert first.ingest_errors == second.ingest_errors == 1
    assert len(read_jsonl(out / "errors.jsonl")) == 1


def test_an_unreadable_manifest_is_set_aside(tmp_path):
    dump = write_dump(tmp_path / "a.jsonl", 6)
    out = tmp_path / "out"
    out.mkdir()
    (out / MANIFEST_NAME).write_bytes(b"this is not a database" * 100)
    summary = run_batch([dump], out).summary
    assert summary.processed == 6
    assert list(out.glob(f"{MANIFEST_NAME}.corrupt-*"))
    assert run_batch([dump], out).summary.from_manifest == 6


# ---------------------------------------------------------------------------
# killed half-way


def _manifest_count(path: Path) -> int:
    if not path.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=1) as db:
            return db.execute("SELECT count(*) FROM documents").fetchone()[0]
    except sqlite3.OperationalError:
        return 0


@pytest.mark.parametrize("workers", [1, 2])
def test_a_killed_run_resumes_to_exactly_the_clean_result(tmp_path, checkout, workers):
    dump = write_dump(tmp_path / "dump.jsonl", 3000)
    clean = tmp_path / "clean"
    assert cli(["extract", str(dump), "-o", str(clean / "events.jsonl")], cwd=checkout).returncode == 0
    out = tmp_path / "out"
    args = [sys.executable, "-m", "pipeline.cli", "extract", str(dump), "-o", str(out / "events.jsonl"), "--workers", str(workers), "--chunk-size", "16"]
    proc = subprocess.Popen(args, cwd=checkout, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 120
    while _manifest_count(out / MANIFEST_NAME) < 200 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    still_running = proc.poll() is None
    os.killpg(proc.pid, signal.SIGKILL)  # the run and its workers, at once
    proc.wait()
    assert still_running, "the run finished before it could be killed; make the dump bigger"
    done = _manifest_count(out / MANIFEST_NAME)
    assert 200 <= done < 3000
    assert not (out / "events.jsonl").exists(), "a killed run leaves no events file"

    with sqlite3.connect(out / MANIFEST_NAME) as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"

    resumed = cli(["extract", str(dump), "-o", str(out / "events.jsonl"), "--workers", str(workers)], cwd=checkout)
    assert resumed.returncode == 0, resumed.stderr
    assert f"from the manifest {done}" in resumed.stderr
    assert f"processed {3000 - done}" in resumed.stderr

    ids = [e["event_id"] for e in read_jsonl(out / "events.jsonl")]
    clean_ids = [e["event_id"] for e in read_jsonl(clean / "events.jsonl")]
    assert ids == clean_ids
    assert len(set(ids)) == len(ids)
    assert event_lines(out) == event_lines(clean)
    assert not list(out.glob(".*.tmp")), "the killed run's temporary files were cleaned up"


# ---------------------------------------------------------------------------
# progress, summary, exit status


def test_progress_only_when_asked_or_on_a_terminal(tmp_path):
    dump = write_dump(tmp_path / "a.jsonl", 40)
    plain = cli(["extract", str(dump), "-o", str(tmp_path / "p" / "events.jsonl")])
    assert "articles (" not in plain.stderr  # stderr is a pipe here
    assert "40 documents" in plain.stderr
    shown = cli(["extract", str(dump), "-o", str(tmp_path / "q" / "events.jsonl"), "--progress", "--force"])
    assert "articles (" in shown.stderr and "/s)" in shown.stderr
    quiet = cli(["extract", str(dump), "-o", str(tmp_path / "r" / "events.jsonl"), "--progress", "--quiet"])
    assert quiet.stderr == ""


def test_progress_is_redrawn_on_a_terminal(tmp_path):
    import pty

    dump = write_dump(tmp_path / "a.jsonl", 40)
    master, slave = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "pipeline.cli", "extract", str(dump), "-o", str(tmp_path / "t" / "events.jsonl")],
        cwd=REPO, stdout=subprocess.DEVNULL, stderr=slave,
    )
    os.close(slave)
    seen = b""
    while True:
        try:
            chunk = os.read(master, 4096)
        except OSError:  # EIO: the terminal's other end closed
            break
        if not chunk:
            break
        seen += chunk
    os.close(master)
    assert proc.wait(timeout=120) == 0
    text = seen.decode("utf-8", "replace")
    assert "\r\x1b[K" in text and "articles (" in text
    assert "40 documents" in text


def test_summary_counts_failures_by_kind_and_exit_status(tmp_path):
    dump = tmp_path / "a.jsonl"
    write_dump(dump, 12)
    with open(dump, "a", encoding="utf-8") as handle:
        handle.write('{"id": "broken", "text": \n')
    missing = tmp_path / "no-such-folder"
    out = tmp_path / "out"
    result = cli(["extract", str(dump), str(missing), "-o", str(out / "events.jsonl")])
    assert result.returncode == 1
    assert "failed 2: 2 could not be read (ingest), 0 failed in extraction" in result.stderr
    assert "skipped by the prefilter" in result.stderr
    assert "from the manifest 0" in result.stderr
    ok = cli(["extract", str(write_dump(tmp_path / "b.jsonl", 3)), "-o", str(tmp_path / "ok" / "events.jsonl")])
    assert ok.returncode == 0 and "failed 0" in ok.stderr


def test_extraction_errors_are_counted_apart(tmp_path):
    """A broken install (a lexicon missing after the prefilter's) fails each document in extraction."""
    models = tmp_path / "models"
    shutil.copytree(REPO / "models", models)
    (models / "titles_zh.tsv").unlink()
    dump = write_dump(tmp_path / "a.jsonl", 6)
    result = cli(["extract", str(dump), "-o", str(tmp_path / "out" / "events.jsonl")], env={"DEPARTURES_MODELS": str(models)})
    assert result.returncode == 1
    errors = read_jsonl(tmp_path / "out" / "errors.jsonl")
    assert errors and all(e["stage"] in ("normalize", "extract", "resolve") for e in errors)
    assert "titles_zh.tsv" in errors[0]["message"]
    assert f"0 could not be read (ingest), {len(errors)} failed in extraction" in result.stderr
