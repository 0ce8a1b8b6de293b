"""A small, hostile events file for the load / review / show tests.

Three documents in three scripts; names and values full of quotes, semicolons,
markup and SQL; offsets computed from the texts so that provenance checks pass.
"""
from __future__ import annotations

import json
from pathlib import Path

INJECTION = "'); DROP TABLE events; --"
EVIL_PERSON = "<script>window.__pwned = 1</script>O'Brien \"Bobby\""
EVIL_ORG = "Acme; Corp'"

TEXTS = {
    "a.txt": "xAI 动荡。不到 24 小时,另一位联合创始人 Jimmy Ba 也宣布离开。2026 年 2 月 10 日,吳宇懷宣布離職。",
    "b.txt": (
        f"SAN FRANCISCO — {EVIL_PERSON}, the \"chief\" officer of {EVIL_ORG}, resigned on Feb. 3, 2026; "
        f"his note said {INJECTION} and 100% \"done\" ? $1 %s."
    ),
    "c.txt": "智谱首席运营官张帆于本月离职。据传李四也将离开智谱。",
}


def _source(doc: str, sentence: str) -> dict:
    start = TEXTS[doc].index(sentence)
    return {"start": start, "end": start + len(sentence), "text": sentence, "alignment": "exact"}


def events() -> list[dict]:
    a1 = "不到 24 小时,另一位联合创始人 Jimmy Ba 也宣布离开。"
    a2 = "2026 年 2 月 10 日,吳宇懷宣布離職。"
    b1 = TEXTS["b.txt"][len("SAN FRANCISCO — "):]
    c1 = "智谱首席运营官张帆于本月离职。"
    c2 = "据传李四也将离开智谱。"
    return [
        {"event_id": "ev_a1", "doc": "a.txt", "person": "Jimmy Ba", "person_aliases": ["Ba"], "org": "xAI",
         "role": "联合创始人", "date": "2026-02-11", "date_precision": "day", "destination": None, "reason": None,
         "status": "confirmed", "confidence": 0.99, "sources": [_source("a.txt", a1)], "rule": "zh.leave", "lang": "zh"},
        {"event_id": "ev_a2", "doc": "a.txt", "person": "吳宇懷", "person_aliases": ["Tony Wu"], "org": "xAI",
         "role": None, "date": "2026-02-10", "date_precision": "day", "destination": None, "reason": None,
         "status": "confirmed", "confidence": 0.97, "sources": [_source("a.txt", a2)], "rule": "zh.leave", "lang": "zh"},
        {"event_id": "ev_b1", "doc": "b.txt", "person": EVIL_PERSON, "person_aliases": [INJECTION], "org": EVIL_ORG,
         "role": "\"chief\" officer", "date": "2026-02-03", "date_precision": "day", "destination": None,
         "reason": INJECTION, "status": "reported", "confidence": 0.55, "sources": [_source("b.txt", b1)],
         "rule": "en.leave", "lang": "en"},
        {"event_id": "ev_c1", "doc": "c.txt", "person": "张帆", "person_aliases": [], "org": "智谱",
         "role": "首席运营官", "date": "2025-06", "date_precision": "month", "destination": None, "reason": None,
         "status": "confirmed", "confidence": 0.95, "sources": [_source("c.txt", c1)], "rule": "zh.leave", "lang": "zh"},
        {"event_id": "ev_c2", "doc": "c.txt", "person": "李四", "person_aliases": [], "org": "智谱",
         "role": None, "date": None, "date_precision": None, "destination": None, "reason": None,
         "status": "rumored", "confidence": 0.4, "sources": [_source("c.txt", c2)], "rule": "zh.leave", "lang": "zh"},
    ]


def write_jsonl(path: Path, rows: list[dict]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


def write_corpus(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in TEXTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def synthetic(n: int, docs: int = 1000) -> list[dict]:
    """``n`` plausible events over ``docs`` documents, for load-size tests and measurements."""
    rows = []
    for i in range(n):
        doc = f"doc_{i % docs:05d}.txt"
        sentence = f"Person {i} left Org {i % 97} as officer {i % 13}; it's \"final\"."
        rows.append({
            "event_id": f"ev_syn_{i:06d}", "doc": doc, "person": f"Person {i}", "person_aliases": [f"P{i}"],
            "org": f"Org {i % 97}", "role": f"officer {i % 13}", "date": f"20{10 + i % 15}-{1 + i % 12:02d}",
            "date_precision": "month", "destination": None, "reason": None,
            "status": ("confirmed", "reported", "rumored")[i % 3], "confidence": round((i % 100) / 100, 2),
            "sources": [{"start": 10 * (i % 50), "end": 10 * (i % 50) + len(sentence), "text": sentence},
                        {"start": 900, "end": 910, "text": f"again {i}"}],
            "rule": "synthetic", "lang": "en",
        })
    return rows
