"""Evaluation gives the reference scorer's numbers (shared/spec/events.md, "How a prediction is scored").

Covered:
* hand-made gold / prediction / source files in tmp_path, each scored by
  ``evaluate`` and by ``shared/tools/score.py --json`` (run as a subprocess), the two
  JSON objects compared key for key: exact match, person alias, traditional vs
  simplified names, org alias and containment, a duplicate prediction, optional gold
  events found and missed, a ``"none": true`` document, predictions for documents
  outside the gold, field scores (date exact, role / destination character overlap,
  status), provenance sound / unsound (wrong offsets, a quote without the person,
  no sources, no source text) and agreement with the gold evidence;
* a few of those numbers computed by hand, so the test does not only say "same as
  the scorer";
* the real gold ``shared/gold/seeds.jsonl`` against perturbed copies of itself
  (dropped events, changed dates and roles, false events, duplicates, sources found
  with ``str.find`` in ``shared/corpus``, some with wrong offsets);
* ``load_jsonl``, ``load_sources``, ``norm`` / ``overlap`` / matching helpers and
  ``format_report``.

Tests that run the scorer or read the real gold skip when ../shared is absent.
"""
import json
import random
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.evaluate import evaluate, format_report, load_jsonl, load_sources, norm, org_matches, overlap, person_matches

# ---------------------------------------------------------------------------
# a small corpus

DOC_A = (
    "xAI 又走一位联创\r\n"
    "2 月 10 日深夜,xAI 推理研究团队负责人吳宇懷(Tony Wu)宣布离职,筹备新 AI 项目。\r\n"
    "不到 24 小时,另一位联合创始人 Jimmy Ba 也宣布离开。\r\n"
    "前 xAI 研究员 Vahid Kazemi 在离职后直言不讳。\r\n"
    "据悉,Greg Yang 也已淡出 xAI 的日常工作。\r\n"
)
DOC_B = "智谱首席运营官张帆本月离职,将在 AI Agent 领域创业。\n零一万物联合创始人戴宗宏已于去年离开。\n"
DOC_C = "这是一篇没有离职事件的文章。马斯克称 xAI 将继续招聘。\n"
DOC_D = "Sam Altman left OpenAI.\n"

A_WU = "2 月 10 日深夜,xAI 推理研究团队负责人吳宇懷(Tony Wu)宣布离职,筹备新 AI 项目。"
A_BA = "不到 24 小时,另一位联合创始人 Jimmy Ba 也宣布离开。"
A_KAZEMI = "前 xAI 研究员 Vahid Kazemi 在离职后直言不讳。"
A_YANG = "据悉,Greg Yang 也已淡出 xAI 的日常工作。"
B_ZHANG = "智谱首席运营官张帆本月离职,将在 AI Agent 领域创业。"
B_DAI = "零一万物联合创始人戴宗宏已于去年离开。"
C_ONLY = "马斯克称 xAI 将继续招聘。"

# the text every scorer reads: text mode, so CRLF is "\n"
TEXTS = {"a.txt": DOC_A.replace("\r\n", "\n"), "b.txt": DOC_B, "c.txt": DOC_C, "d.txt": DOC_D}


def gold_row(doc, person, org, evidence, **fields):
    row = {
        "doc": doc, "person": person, "person_aliases": [], "org": org, "org_aliases": [],
        "role": None, "date": None, "date_precision": None, "destination": None, "reason": None,
        "status": "confirmed", "evidence": [evidence], "optional": False,
    }
    row.update(fields)
    return row


GOLD = [
    gold_row("a.txt", "吳宇懷", "xAI", A_WU, person_aliases=["Tony Wu"], role="推理研究团队负责人",
             date="2026-02-10", date_precision="day", destination="筹备新 AI 项目"),
    gold_row("a.txt", "Jimmy Ba", "xAI", A_BA, person_aliases=["Ba"], role="联合创始人", date="2026-02-11", date_precision="day"),
    gold_row("a.txt", "Vahid Kazemi", "xAI", A_KAZEMI, role="研究员"),
    gold_row("a.txt", "Greg Yang", "xAI", A_YANG, optional=True),
    gold_row("a.txt", "Igor Babuschkin", "xAI", "Igor Babuschkin 研究 2025 年 8 月", optional=True),
    gold_row("b.txt", "张帆", "智谱", B_ZHANG, role="首席运营官", date="2025-06", date_precision="month", destination="AI Agent 领域创业"),
    gold_row("b.txt", "戴宗宏", "零一万物", B_DAI, org_aliases=["01.AI"], role="联合创始人", date="2024", date_precision="year"),
    {"doc": "c.txt", "none": True},
]


def src(doc, sentence, shift=0):
    """A source span found with str.find in the text the scorer reads (optionally shifted)."""
    start = TEXTS[doc].find(sentence)
    assert start >= 0, sentence
    return {"start": start + shift, "end": start + shift + len(sentence), "text": sentence}


def pred_row(doc, person, org, sources=(), **fields):
    return {"doc": doc, "person": person, "org": org, "status": "confirmed", "sources": list(sources), **fields}


PERFECT = [
    pred_row("a.txt", "吳宇懷", "xAI", [src("a.txt", A_WU)], role="推理研究团队负责人", date="2026-02-10", destination="筹备新 AI 项目"),
    pred_row("a.txt", "Jimmy Ba", "xAI", [src("a.txt", A_BA)], role="联合创始人", date="2026-02-11"),
    pred_row("a.txt", "Vahid Kazemi", "xAI", [src("a.txt", A_KAZEMI)], role="研究员"),
    pred_row("b.txt", "张帆", "智谱", [src("b.txt", B_ZHANG)], role="首席运营官", date="2025-06", destination="AI Agent 领域创业"),
    pred_row("b.txt", "戴宗宏", "零一万物", [src("b.txt", B_DAI)], role="联合创始人", date="2024"),
]

MIXED = [
    # simplified name for a traditional gold name; role partly right; destination without spaces
    pred_row("a.txt", "吴宇怀", "xAI", [src("a.txt", A_WU)], role="推理研究负责人", date="2026-02-10", destination="筹备新AI项目"),
    # alias as the name, org containing the gold org; wrong date precision, wrong status, offsets off by one
    pred_row("a.txt", "Ba", "xAI 公司", [src("a.txt", A_BA, shift=1)], role="联合创始人", date="2026-02", status="reported"),
    # a duplicate of the event above: neither credit nor penalty
    pred_row("a.txt", "Jimmy Ba", "xAI", [src("a.txt", A_BA)]),
    # an optional gold event found: no false positive
    pred_row("a.txt", "Greg Yang", "xAI", [src("a.txt", A_YANG)]),
    # not in the gold: false positive
    pred_row("a.txt", "Elon Musk", "xAI", [src("a.txt", A_WU)]),
    # a document whose gold says "none": false positive
    pred_row("c.txt", "马斯克", "xAI", [src("c.txt", C_ONLY)]),
    # a document outside the gold: ignored
    pred_row("d.txt", "Sam Altman", "OpenAI", [src("d.txt", "Sam Altman left OpenAI.")]),
    # right person, wrong org: a false positive, and the gold event is missed
    pred_row("b.txt", "张帆", "百川智能", [src("b.txt", B_ZHANG)]),
    # org alias; no role; the quote does not name the person (unsound, and not the gold evidence)
    pred_row("b.txt", "戴宗宏", "01.AI", [src("b.txt", B_ZHANG)], date="2024"),
]

EDGE_SOURCES = [
    pred_row("a.txt", "Tony Wu", "xAI", []),  # no sources: unsound
    pred_row("a.txt", "Jimmy Ba", "xAI", [{"start": "0", "end": "5", "text": A_BA}]),  # offsets not ints
    pred_row("a.txt", "Vahid Kazemi", "xAI", [src("a.txt", A_KAZEMI), src("a.txt", A_BA, shift=2)]),  # one bad span spoils it
    pred_row("b.txt", "张帆", "智谱", [src("b.txt", B_DAI), src("b.txt", B_ZHANG)]),  # one span naming the person is enough
    pred_row("b.txt", "戴宗宏", "零一万物", [{"start": 0, "end": 3, "text": "戴宗宏"}]),  # verbatim? no: wrong text at 0..3
]

CASES = {"perfect": PERFECT, "mixed": MIXED, "edge_sources": EDGE_SOURCES, "empty": []}


# ---------------------------------------------------------------------------
# helpers


def write_jsonl(path: Path, rows) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


@pytest.fixture
def corpus(tmp_path) -> Path:
    folder = tmp_path / "corpus"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_bytes(DOC_A.encode("utf-8"))  # CRLF on disk
    (folder / "b.txt").write_text(DOC_B, encoding="utf-8")
    (folder / "sub" / "c.txt").write_text(DOC_C, encoding="utf-8")
    (folder / "d.txt").write_text(DOC_D, encoding="utf-8")
    return folder


def ours(gold_path, pred_path, source_paths) -> dict:
    report = evaluate(load_jsonl(gold_path), load_jsonl(pred_path), load_sources(source_paths))
    return json.loads(json.dumps(report.to_json(), ensure_ascii=False))  # tuples → lists, as the scorer prints


def scorer(shared_dir, gold_path, pred_path, source_paths) -> dict:
    cmd = [sys.executable, str(shared_dir / "tools" / "score.py"), str(gold_path), str(pred_path), "--json"]
    if source_paths:
        cmd[4:4] = ["--source", *map(str, source_paths)]
    done = subprocess.run(cmd, capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def score_case(tmp_path, rows, corpus=None, gold=GOLD):
    gold_path = write_jsonl(tmp_path / "gold.jsonl", gold)
    pred_path = write_jsonl(tmp_path / "pred.jsonl", rows)
    return gold_path, pred_path, [corpus] if corpus else []


# ---------------------------------------------------------------------------
# same numbers as the reference scorer


@pytest.mark.parametrize("case", sorted(CASES))
@pytest.mark.parametrize("with_sources", [True, False], ids=["sources", "no-sources"])
def test_same_json_as_reference_scorer(shared_dir, tmp_path, corpus, case, with_sources):
    paths = score_case(tmp_path, CASES[case], corpus if with_sources else None)
    expected = scorer(shared_dir, *paths)
    assert ours(*paths) == expected
    assert list(ours(*paths)) == list(expected)  # same keys, same order


def test_same_json_with_a_dump_as_source(shared_dir, tmp_path):
    dump = write_jsonl(tmp_path / "sources.jsonl", [{"id": doc, "text": text} for doc, text in TEXTS.items()])
    paths = score_case(tmp_path, MIXED, dump)
    assert ours(*paths) == scorer(shared_dir, *paths)


def test_list_valued_field_scored_like_reference_scorer(shared_dir, tmp_path, corpus):
    rows = [dict(PERFECT[0], role=["推理研究团队负责人"])] + PERFECT[1:]
    paths = score_case(tmp_path, rows, corpus)
    assert ours(*paths) == scorer(shared_dir, *paths)


# ---------------------------------------------------------------------------
# numbers computed by hand


def report_of(rows, sources=TEXTS, gold=GOLD):
    return evaluate(gold, rows, sources)


def test_perfect_prediction_by_hand():
    r = report_of(PERFECT)
    assert (r.gold_required, r.predicted, r.tp, r.fp, r.fn) == (5, 5, 5, 0, 0)
    assert (r.precision, r.recall, r.f1) == (1.0, 1.0, 1.0)
    assert r.to_json()["fields"] == {"date": [1.0, 4], "role": [1.0, 5], "destination": [1.0, 2], "reason": [None, 0], "status": [1.0, 5]}
    assert (r.to_json()["provenance_sound"], r.to_json()["provenance_agrees"]) == ("5/5", "5/5")


def test_mixed_prediction_by_hand():
    r = report_of(MIXED)
    # d.txt is not in the gold: 8 of the 9 predictions count
    assert (r.gold_required, r.predicted) == (5, 8)
    # tp: 吴宇怀, Ba, 戴宗宏; fp: Elon Musk, 马斯克 (none doc), 张帆@百川智能; fn: Vahid Kazemi, 张帆@智谱
    assert (r.tp, r.fp, r.fn) == (3, 3, 2)
    assert sorted(g["person"] for g in r.misses) == ["Vahid Kazemi", "张帆"]
    assert sorted(p["person"] for p in r.false_positives) == ["Elon Musk", "张帆", "马斯克"]
    j = r.to_json()
    assert (j["precision"], j["recall"], j["f1"]) == (0.5, 0.6, 0.5455)
    # date: right, wrong (month for a day), right
    assert j["fields"]["date"] == [0.6667, 3]
    # role: 推理研究负责人 vs 推理研究团队负责人 is P=7/7, R=7/9, F1=0.875; 联合创始人 = 1; missing = 0
    assert j["fields"]["role"] == [round((0.875 + 1 + 0) / 3, 4), 3]
    assert j["fields"]["destination"] == [1.0, 1]
    assert j["fields"]["status"] == [0.6667, 3]
    # sound: only 吴宇怀 (Ba's offsets are off by one, 戴宗宏's quote does not name him)
    assert j["provenance_sound"] == "1/3"
    assert sorted(p["person"] for p in r.unsound) == ["Ba", "戴宗宏"]
    # agrees: 吴宇怀 and Ba quote the gold evidence (offsets do not matter here); 戴宗宏 quotes another sentence
    assert j["provenance_agrees"] == "2/3"


def test_edge_sources_by_hand():
    j = report_of(EDGE_SOURCES).to_json()
    assert (j["tp"], j["fp"], j["fn"]) == (5, 0, 0)
    assert j["provenance_sound"] == "1/5"  # only 张帆, whose second span names him
    assert j["provenance_agrees"] == "4/5"  # 吴宇怀 cites nothing


def test_without_source_texts_nonempty_sources_count_as_sound():
    j = report_of(MIXED, sources={}).to_json()
    assert j["provenance_sound"] == "3/3"


def test_duplicate_is_neither_credit_nor_penalty():
    once = report_of(PERFECT[:1]).to_json()
    twice = report_of(PERFECT[:1] * 2).to_json()
    assert (once["tp"], once["fp"]) == (twice["tp"], twice["fp"]) == (1, 0)
    assert twice["pred"] == 2


def test_second_prediction_takes_the_next_unused_gold_event():
    gold = [
        gold_row("a.txt", "吳宇懷", "Google", A_WU, person_aliases=["Tony Wu"]),
        gold_row("a.txt", "吳宇懷", "Google DeepMind", A_WU, person_aliases=["Tony Wu"]),
    ]
    # "Google" is contained in both gold orgs: the first prediction takes event 0, the second event 1
    r = evaluate(gold, [pred_row("a.txt", "Tony Wu", "Google"), pred_row("a.txt", "Tony Wu", "Google")], TEXTS)
    assert (r.tp, r.fp, r.fn) == (2, 0, 0)


def test_optional_events_neither_counted_nor_missed():
    r = report_of([pred_row("a.txt", "Greg Yang", "xAI")], gold=[g for g in GOLD if g.get("optional")])
    assert (r.gold_required, r.tp, r.fp, r.fn) == (0, 0, 0, 0)
    assert (r.precision, r.recall, r.f1) == (0.0, 0.0, 0.0)


def test_empty_prediction_misses_everything():
    j = report_of([]).to_json()
    assert (j["pred"], j["tp"], j["fp"], j["fn"], j["f1"]) == (0, 0, 0, 5, 0.0)
    assert j["fields"]["date"] == [None, 0] and j["provenance_sound"] == "0/0"


# ---------------------------------------------------------------------------
# helpers of the scorer


@pytest.mark.parametrize(
    "a, b, same",
    [("吳宇懷", "吴宇怀", True), ("Jimmy Ba", "jimmy ba", True), ("Yuhuai (Tony) Wu", "Yuhuai Tony Wu", True),
     ("O'Neil", "ONeil", True), ("ＡＢＣ", "abc", True), ("內(nèi)", "内", True), ("张帆", "张凡", False)],
)
def test_norm(a, b, same):
    assert (norm(a) == norm(b)) is same


def test_norm_of_none_is_empty():
    assert norm(None) == ""


@pytest.mark.parametrize(
    "pred, gold, matches",
    [
        ({"person": "吴宇怀", "org": "xAI"}, {"person": "吳宇懷", "org": "xAI"}, True),
        ({"person": "Ba", "org": "xAI"}, {"person": "Jimmy Ba", "person_aliases": ["Ba"], "org": "xAI"}, True),
        ({"person": "Jimmy Ba", "org": "xAI 公司"}, {"person": "Jimmy Ba", "org": "xAI"}, True),
        ({"person": "戴宗宏", "org": "01.AI"}, {"person": "戴宗宏", "org": "零一万物", "org_aliases": ["01.AI"]}, True),
        ({"person": "Jimmy Ba", "org": "X"}, {"person": "Jimmy Ba", "org": "xAI"}, False),  # one letter contains nothing
        ({"person": "Jimmy", "org": "xAI"}, {"person": "Jimmy Ba", "org": "xAI"}, False),  # names are not contained
        ({"person": "Jimmy Ba", "org": None}, {"person": "Jimmy Ba", "org": "xAI"}, False),
    ],
)
def test_person_and_org_matching(pred, gold, matches):
    assert (person_matches(pred, gold) and org_matches(pred, gold)) is matches


@pytest.mark.parametrize(
    "a, b, value",
    [("首席运营官", "首席运营官", 1.0), ("推理研究负责人", "推理研究团队负责人", 0.875), ("CEO", "ceo", 1.0),
     (None, None, 1.0), (None, "CEO", 0.0), ("CEO", "", 0.0), ("研究", "创业", 0.0)],
)
def test_overlap(a, b, value):
    assert overlap(a, b) == pytest.approx(value)


def test_load_jsonl_skips_blank_and_bad_lines(tmp_path):
    path = tmp_path / "x.jsonl"
    path.write_text('{"a": 1}\n\n{bad\n  {"b": 2}  \n', encoding="utf-8")
    assert load_jsonl(path) == [{"a": 1}, {"b": 2}]


def test_load_sources_reads_folders_in_text_mode_and_dumps_by_id(tmp_path, corpus):
    (corpus / "gb.txt").write_bytes("张帆".encode("gb18030"))  # not UTF-8: skipped
    dump = write_jsonl(tmp_path / "d.jsonl", [{"id": 7, "text": "line\r\nkept"}, {"id": "no-text", "html": "<p>x</p>"}])
    texts = load_sources([corpus, dump])
    assert texts == {**TEXTS, "7": "line\r\nkept"}


def test_format_report_lists_misses_and_errors():
    r = report_of(MIXED)
    short = format_report(r)
    assert short.splitlines()[0] == "events: P=0.500 R=0.600 F1=0.545  (tp=3 fp=3 fn=2; gold required=5, predicted=8)"
    assert "  reason       -  over 0" in short.splitlines()
    assert "provenance sound 1/3, agrees with gold 2/3" in short
    assert "MISS" not in short
    verbose = format_report(r, verbose=True)
    assert "  MISS  a.txt Vahid Kazemi @ xAI" in verbose
    assert "  FP    c.txt 马斯克 @ xAI | " + C_ONLY in verbose
    assert "  DATE  a.txt Jimmy Ba: predicted '2026-02', gold '2026-02-11'" in verbose
    assert verbose.count("UNSOUND") == 2


# ---------------------------------------------------------------------------
# the real gold


def perturbed(gold: list[dict], corpus: Path, seed: int) -> list[dict]:
    """A prediction file made from the gold: some events dropped, dates, roles and statuses changed,
    false events and duplicates added, sources found in the corpus (some with bad offsets)."""
    rng = random.Random(seed)
    texts = {p.name: p.read_text(encoding="utf-8") for p in corpus.iterdir()}
    out = []
    for g in gold:
        if g.get("none") or rng.random() < 0.2:
            continue
        p = {k: g.get(k) for k in ("doc", "person", "person_aliases", "org", "role", "date", "date_precision", "destination", "reason", "status")}
        if rng.random() < 0.3:
            p["date"] = rng.choice(["1999", "2025-01", None, "2026-02-11"])
        if rng.random() < 0.3:
            p["role"] = rng.choice(["研究员", None, "CEO", (g.get("role") or "") + "助理"])
        if rng.random() < 0.15:
            p["status"] = rng.choice(["reported", "rumored", None])
        if rng.random() < 0.2:
            p["person"], p["person_aliases"] = rng.choice(g.get("person_aliases") or [g["person"]]), []
        sources = []
        for sentence in g.get("evidence") or []:
            start = texts[g["doc"]].find(sentence)
            if start >= 0:
                shift = rng.choice([0, 0, 0, 0, 1])
                sources.append({"start": start + shift, "end": start + shift + len(sentence), "text": sentence})
        if rng.random() < 0.15:
            sources = [{"start": 0, "end": 10, "text": texts[g["doc"]][:10]}]  # verbatim, but names nobody
        p["sources"] = sources
        out.append(p)
        if rng.random() < 0.1:
            out.append(dict(p))  # duplicate
    docs = sorted({g["doc"] for g in gold})
    for i in range(rng.randint(1, 5)):
        out.append({"doc": rng.choice(docs), "person": f"Nobody {i}", "org": "xAI", "sources": []})
    out.append({"doc": "not-in-gold.txt", "person": "Sam Altman", "org": "OpenAI"})
    rng.shuffle(out)
    return out


@pytest.mark.parametrize("seed", range(6))
def test_real_gold_with_perturbed_predictions(shared_dir, tmp_path, seed):
    gold_path = shared_dir / "gold" / "seeds.jsonl"
    corpus_dir = shared_dir / "corpus"
    pred_path = write_jsonl(tmp_path / "pred.jsonl", perturbed(load_jsonl(gold_path), corpus_dir, seed))
    assert ours(gold_path, pred_path, [corpus_dir]) == scorer(shared_dir, gold_path, pred_path, [corpus_dir])


def test_real_gold_against_itself(shared_dir, tmp_path):
    gold_path = shared_dir / "gold" / "seeds.jsonl"
    j = ours(gold_path, gold_path, [shared_dir / "corpus"])
    required = sum(1 for g in load_jsonl(gold_path) if not g.get("none") and not g.get("optional"))
    assert (j["tp"], j["fp"], j["fn"], j["f1"]) == (required, 0, 0, 1.0)
    assert j == scorer(shared_dir, gold_path, gold_path, [shared_dir / "corpus"])
