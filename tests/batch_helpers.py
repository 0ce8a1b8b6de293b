"""Generated dumps and CLI runs for the batch and robustness tests.

The articles are composed here from a few sentences written for the tests (no
corpus text), shuffled with a seeded RNG so that every article differs and
some of them state departures.
"""
from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Optional, Sequence

REPO = Path(__file__).resolve().parents[1]

ZH_DEPARTURES = (
    "极光科技首席技术官{name}已于本月离职。",
    "据知情人士透露,星河数据联合创始人{name}近日辞去公司职务。",
    "{name}此前担任蓝海汽车副总裁,上周宣布离开公司,加入云帆资本。",
    "启明医疗发布公告称,{name}因个人原因辞去董事长职务。",
)
ZH_OTHER = (
    "公司第三季度营收同比增长百分之十二。",
    "该产品将于下月在北京发布。",
    "分析人士认为,行业竞争仍在加剧。",
    "今年以来,新能源汽车销量持续增长。",
    "发布会上,公司展示了新一代芯片。",
    "多家机构上调了对该公司的评级。",
    "该市计划在明年建成三座数据中心。",
    "记者从会上获悉,项目已进入第二阶段。",
)
ZH_NAMES = ("张伟", "王芳", "李娜", "刘洋", "陈静", "杨帆", "赵磊", "黄敏", "周杰", "吴昊")
EN_DEPARTURES = (
    "{name}, the chief technology officer of Northwind Labs, resigned on Tuesday, the company said.",
    "Bluefin Capital said {name} would step down as chief executive at the end of March.",
)
EN_OTHER = (
    "Crestline Robotics reported quarterly revenue of $120 million, up 8 percent from a year earlier.",
    "The company unveiled a new battery at its annual conference in Austin.",
    "Analysts said demand remained strong through the summer.",
    "Shares rose 4 percent in early trading after the announcement.",
    "The new model will go on sale in May at a starting price of $499.",
)
EN_NAMES = ("Mary Johnson", "Robert Chen", "Priya Sharma", "Lucas Moreau", "Grace Okafor")


def make_article(index: int, seed: int = 7) -> dict:
    """Dump record ``index``: Chinese or English, a departure in about half of them."""
    rng = random.Random(f"{seed}:{index}")
    english = rng.random() < 0.3
    other, departures, names, joiner = (EN_OTHER, EN_DEPARTURES, EN_NAMES, " ") if english else (ZH_OTHER, ZH_DEPARTURES, ZH_NAMES, "")
    sentences = rng.sample(other, rng.randint(2, len(other)))
    if rng.random() < 0.5:
        sentences.insert(rng.randint(0, len(sentences)), rng.choice(departures).format(name=rng.choice(names)))
    rng.shuffle(sentences)
    record = {"id": f"doc-{seed}-{index:05d}", "text": joiner.join(sentences) + f"\n\n({index})", "published": "2025-06-16"}
    if english:
        record["lang"] = "en"
    return record


def write_dump(path: Path, count: int, seed: int = 7, start: int = 0) -> Path:
    """A JSONL dump of ``count`` generated articles."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8") as handle:
        for i in range(start, start + count):
            handle.write(json.dumps(make_article(i, seed), ensure_ascii=False) + "\n")
    return path


def frozen_checkout(folder: Path) -> Path:
    """A copy of the package and its lexicons for CLI runs to import.

    The manifest's pipeline version hashes the code and ``models/``; runs that
    are compared with each other must see the same ones even while someone
    edits the working tree. ``python -m pipeline.cli`` started in the copy
    imports the copy (the current directory comes first on ``sys.path``), and so
    do its spawned workers.
    """
    folder.mkdir(parents=True, exist_ok=True)
    ignore = shutil.ignore_patterns("__pycache__")
    shutil.copytree(REPO / "pipeline", folder / "pipeline", ignore=ignore)
    shutil.copytree(REPO / "models", folder / "models", ignore=ignore)
    return folder


def cli(args: Sequence[str], env: Optional[dict] = None, timeout: float = 300, cwd: Path = REPO) -> subprocess.CompletedProcess:
    """Run ``departures`` in a subprocess, as a user would (from ``cwd``: the repository or a frozen copy)."""
    full_env = {**os.environ, **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "pipeline.cli", *args],
        cwd=cwd,
        env=full_env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def read_jsonl(path: Path) -> list[dict]:
    if not path.exists():
        return []
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]
