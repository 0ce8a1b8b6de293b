"""Sentence-level detection on the DuEE departure labels (../shared/data).

Question asked of every sentence: does it state that a named person leaves an
organization or post? The pipeline answers yes when its Chinese extractor finds a
departure candidate with a person in the sentence (the organization may be left
unstated: DuEE sentences are cut out of their articles). Gold is the file's
``named`` label.

Prints precision, recall, F1 and the confusion counts; ``--show N`` also prints
N misses and N false positives to the terminal for inspection. Nothing from the
data file is written anywhere: its terms allow measuring, not copying.

    .venv/bin/python bench/duee.py [--data PATH] [--show 20]
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.records import Article  # noqa: E402
from pipeline.run import analyze, could_state_departure, extract  # noqa: E402

# DuEE event types under which a named person does leave a team or organization: the
# spec counts these departures, DuEE's 辞/离职 and 解雇 labels do not.
SPEC_COUNTS_BUT_LABEL_DOES_NOT = {"组织关系-退出", "组织关系-裁员"}
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "duee_train_departure_labels.jsonl"


def predicts_departure(text: str) -> bool:
    """Does the pipeline find a named person leaving in this sentence?"""
    article = Article(doc_id="duee", text=text, lang="zh", script="hans")
    if not could_state_departure(text, "zh"):
        return False
    extraction = extract(analyze(article))
    return any(c.person is not None and c.person.kind != "pronoun_ref" for c in extraction.candidates)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--show", type=int, default=0, help="print this many misses and false positives")
    args = parser.parse_args(argv)
    if not args.data.is_file():
        print(f"duee: {args.data} not found; put ../shared beside the repository", file=sys.stderr)
        return 2
    rows = [json.loads(line) for line in args.data.open(encoding="utf-8") if line.strip()]
    started = time.monotonic()
    tp = fp = fn = tn = 0
    conflicts = 0  # false positives DuEE files under team exits or waivers, which the spec counts
    misses: list[str] = []
    false_positives: list[str] = []
    for row in rows:
        predicted = predicts_departure(row["text"])
        gold = bool(row["named"])
        if predicted and gold:
            tp += 1
        elif predicted:
            fp += 1
            false_positives.append(row["text"])
            if set(row.get("types") or ()) & SPEC_COUNTS_BUT_LABEL_DOES_NOT:
                conflicts += 1
        elif gold:
            fn += 1
            misses.append(row["text"])
        else:
            tn += 1
    elapsed = time.monotonic() - started
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    print(f"DuEE named-departure detection over {len(rows)} sentences ({elapsed:.1f}s)")
    print(f"  precision {precision:.3f}  recall {recall:.3f}  F1 {f1:.3f}  (tp={tp} fp={fp} fn={fn} tn={tn})")
    if fp:
        adjusted = tp / (tp + fp - conflicts)
        print(
            f"  {conflicts} of the {fp} false positives are sentences DuEE types as 组织关系-退出 or -裁员 "
            f"(a player leaving or waived by a team), which the spec counts; precision without them {adjusted:.3f}"
        )
    for label, items in (("MISS", misses), ("FP", false_positives)):
        for text in items[: args.show]:
            print(f"  {label:4s} {text[:160]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
