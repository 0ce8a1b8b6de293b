"""The Dask engine (pipeline/cluster.py): the local engine's output, also when a worker dies.

The dump is composed from the texts of tests/data/*/dump.jsonl (and the shared
corpus is read beside it when it is there), with a few broken lines and an
HTML article, so that errors.jsonl and extracted.jsonl are compared too. Every
run imports one frozen copy of the code and lexicons (batch_helpers.frozen_checkout),
its workers too, so that someone editing the working tree cannot make them differ.
"""
from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from batch_helpers import cli, frozen_checkout
from conftest import REPO, SHARED
from pipeline.cluster import Partition, dump_ranges, parts_dir_for, plan
from pipeline.ingest import iter_dump

pytest.importorskip("distributed")


def compose_dump(path: Path, count: int = 300, seed: int = 11) -> Path:
    """``count`` articles, each a text of the test dumps followed by a paragraph of another."""
    texts = []
    for dump in sorted((REPO / "tests" / "data").glob("*/dump.jsonl")):
        for line in dump.read_text(encoding="utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                if isinstance(record.get("text"), str) and record["text"].strip():
                    texts.append(record["text"])
    rng = random.Random(seed)
    lines = []
    for i in range(count):
        first, second = rng.sample(texts, 2)
        paragraph = max(second.split("\n"), key=len)
        lines.append(json.dumps({"id": f"c-{i:04d}", "text": f"{first}\n\n{paragraph}", "published": "2025-06-16"}, ensure_ascii=False))
    lines.insert(17, "{not json")
    lines.insert(40, "")
    lines.insert(90, json.dumps({"id": "no-text"}))
    html = "<html><body><article><p>" + rng.choice(texts).replace("\n", "</p><p>") + "</p></article></body></html>"
    lines.insert(120, json.dumps({"id": "html-1", "html": html, "published": "2025-06-16"}, ensure_ascii=False))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def inputs(dump: Path) -> list[str]:
    corpus = SHARED / "corpus"
    return ([str(corpus)] if corpus.is_dir() else []) + [str(dump)]


def outputs(folder: Path) -> dict[str, list[str]]:
    return {
        name: (folder / name).read_text(encoding="utf-8").splitlines() if (folder / name).exists() else None
        for name in ("events.jsonl", "errors.jsonl", "extracted.jsonl")
    }


def ids(lines: list[str]) -> list[str]:
    return [json.loads(line)["event_id"] for line in lines]


@pytest.fixture(scope="module")
def local_run(tmp_path_factory):
    """A frozen checkout, the dump, and what the local engine writes for it."""
    folder = tmp_path_factory.mktemp("cluster")
    checkout = frozen_checkout(folder / "checkout")
    dump = compose_dump(folder / "dump.jsonl")
    result = cli(["extract", *inputs(dump), "-o", str(folder / "local" / "events.jsonl"), "-q"], cwd=checkout)
    assert result.returncode == 1, result.stderr  # the broken lines
    expected = outputs(folder / "local")
    assert len(expected["events.jsonl"]) > 100, "the dump states departures; an empty file would prove nothing"
    assert len(expected["errors.jsonl"]) == 2 and expected["extracted.jsonl"]
    return checkout, dump, expected


def test_dump_ranges_read_the_lines_the_whole_dump_gives(tmp_path):
    dump = compose_dump(tmp_path / "d.jsonl", count=40)
    dump.write_bytes(b"\xef\xbb\xbf" + dump.read_bytes().rstrip(b"\n"))  # a BOM, no final newline

    def items(**range_):
        return [(type(i).__name__, getattr(i, "doc_id", None) or i.doc, getattr(i, "line_no", None) or i.line) for i in iter_dump(dump, **range_)]

    whole = items()
    for target in (1, 700, 5000, 10**9):
        ranges = dump_ranges(dump, target)
        assert ranges[0][0] == 0 and ranges[-1][1] is None
        assert sum((items(start=s, end=e, first_line=f) for s, e, f in ranges), []) == whole


def test_plan_keeps_the_input_order(tmp_path):
    (tmp_path / "files").mkdir()
    for name in ("b.txt", "a.txt", "c.md"):
        (tmp_path / "files" / name).write_text("text", encoding="utf-8")
    dump = compose_dump(tmp_path / "d.jsonl", count=30)
    units = plan([str(tmp_path / "files"), str(dump), str(tmp_path / "missing")], files_per_partition=2, partition_bytes=1024)
    files = [doc for unit in units if getattr(unit, "files", ()) for _path, doc in unit.files]
    assert files == ["a.txt", "b.txt", "c.md"]
    indexes = [u.index for u in units if isinstance(u, Partition)]
    assert indexes == sorted(set(indexes))
    assert units[-1].stage == "ingest" and "no such file" in units[-1].message
    assert sum(1 for u in units if getattr(u, "dump", None)) > 3


def test_dask_engine_writes_what_the_local_engine_writes(tmp_path, local_run):
    checkout, dump, expected = local_run
    out = tmp_path / "dask" / "events.jsonl"
    result = cli(["extract", *inputs(dump), "-o", str(out), "--engine", "dask", "--workers", "2", "--partition-size", "64K", "-q"], cwd=checkout)
    assert result.returncode == 1, result.stderr
    got = outputs(out.parent)
    assert ids(got["events.jsonl"]) == ids(expected["events.jsonl"])
    assert got == expected
    assert not parts_dir_for(out).exists()
    # the manifest it recorded serves a local run
    again = cli(["extract", *inputs(dump), "-o", str(out)], cwd=checkout)
    assert again.returncode == 1 and outputs(out.parent) == expected
    assert "processed 0, from the manifest" in again.stderr


def test_a_killed_worker_loses_and_doubles_nothing(tmp_path, local_run):
    from distributed import Client, LocalCluster

    checkout, dump, expected = local_run
    out = tmp_path / "dask" / "events.jsonl"
    parts = parts_dir_for(out)
    sys.path.insert(0, str(checkout))  # the spawned workers get this path: they import the frozen copy
    try:
        cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0")
    finally:
        sys.path.remove(str(checkout))
    with cluster, Client(cluster) as client:
        pids = client.run(os.getpid)
        args = ["extract", *inputs(dump), "-o", str(out), "--engine", "dask", "--scheduler", cluster.scheduler_address, "--partition-size", "4K", "-q"]
        run = subprocess.Popen([sys.executable, "-m", "pipeline.cli", *args], cwd=checkout, stderr=subprocess.PIPE, text=True)
        victim = None
        deadline = time.monotonic() + 60
        while victim is None and time.monotonic() < deadline and run.poll() is None:
            done = len(list(parts.glob("part-*[0-9].jsonl"))) if parts.exists() else 0
            busy = [address for address, tasks in client.processing().items() if tasks]
            if done >= 3 and busy:
                victim = busy[0]
                os.kill(pids[victim], signal.SIGKILL)
                killed_at = done
            else:
                time.sleep(0.02)
        _, stderr = run.communicate(timeout=120)
        assert victim is not None, "the run ended before a worker could be killed"
        total = sum(isinstance(unit, Partition) for unit in plan(inputs(dump), partition_bytes=4096))
        assert killed_at < total, "killed after the last part: nothing to recompute"
    assert run.returncode == 1, stderr
    assert "pipeline version" not in stderr, "the workers imported another copy of the code"
    got = outputs(out.parent)
    assert ids(got["events.jsonl"]) == ids(expected["events.jsonl"])
    assert got == expected
