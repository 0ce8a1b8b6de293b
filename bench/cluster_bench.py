"""Articles/s of ``extract --engine dask`` (a LocalCluster) next to the local engine's.

Figures only: nothing here asserts. Each run is ``python -m pipeline.cli extract``
in a subprocess, start-up (and the cluster's start) included, into a fresh
folder, so no run takes anything from a manifest. Uses bench/out/corpus_10k.jsonl
when it is there, else builds a 2,000-article dump in a temporary folder.

Usage::

    python bench/cluster_bench.py                  # local --workers 1 and 2, dask --workers 2
    python bench/cluster_bench.py --workers 2 --dump bench/out/corpus_100k.jsonl
"""
from __future__ import annotations

import argparse
import filecmp
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
sys.path.insert(0, str(BENCH))


def default_dump(scratch: Path) -> Path:
    dump = BENCH / "out" / "corpus_10k.jsonl"
    if dump.is_file():
        return dump
    import build_corpus  # a script beside this one

    return build_corpus.build(scratch, [2000], build_corpus.DEFAULT_SEED)["corpus_2k"]


def run(dump: Path, out: Path, extra: list[str]) -> float:
    started = time.monotonic()
    subprocess.run(
        [sys.executable, "-m", "pipeline.cli", "extract", str(dump), "-o", str(out / "events.jsonl"), "-q", *extra],
        cwd=REPO, check=False, stdout=subprocess.DEVNULL,
    )
    return time.monotonic() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dump", type=Path, help="a JSONL dump (default: bench/out/corpus_10k.jsonl, else a 2k one)")
    parser.add_argument("--workers", type=int, default=2, help="workers of both engines (default: 2)")
    parser.add_argument("--partition-size", default="2M", help="--engine dask partition size (default: 2M)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="cluster-bench-") as scratch_name:
        scratch = Path(scratch_name)
        dump = args.dump or default_dump(scratch)
        with open(dump, "rb") as handle:
            articles = sum(1 for line in handle if line.strip())
        print(f"dump: {dump} ({articles} articles, {dump.stat().st_size / 1e6:.1f} MB), {os.cpu_count()} CPUs, load {os.getloadavg()[0]:.2f}")
        rows = [
            ("local --workers 1", "local1", ["--workers", "1"]),
            (f"local --workers {args.workers}", "local", ["--workers", str(args.workers)]),
            (f"dask LocalCluster --workers {args.workers}", "dask",
             ["--engine", "dask", "--workers", str(args.workers), "--partition-size", args.partition_size]),
        ]
        for label, folder, extra in rows:
            seconds = run(dump, scratch / folder, extra)
            print(f"{label:<34} {seconds:7.1f} s  {articles / seconds:7.1f} articles/s", flush=True)
        same = filecmp.cmp(scratch / "local" / "events.jsonl", scratch / "dask" / "events.jsonl", shallow=False)
        print(f"events file of dask = local: {'yes' if same else 'NO'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
