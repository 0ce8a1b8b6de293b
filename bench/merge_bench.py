"""Time `departures merge` on synthetic event lines (default 100k) and print the figures.

Why synthetic: merging cost depends on how many mentions, names and organizations
there are, not on article text, and no corpus of 100k extracted events exists.
The generator imitates what extraction of a multi-script news stream gives:

* people with a simplified Chinese name, its traditional form (OpenCC ``s2t``)
  and a Latin name; a Chinese mention carries the Latin name as an alias half of
  the time (always for a person's first mention, so every person is linkable),
  and Latin mentions carry a lone surname alias (which must not link);
* organizations written through their ``models/orgs.tsv`` aliases in all scripts;
* dates at day / month / year precision around the departure, one mention in
  twenty a month off (a conflict), one in five undated; one person in ten left the
  same organization twice, years apart.

Nothing is asserted (figures only); the merged count is printed next to the
number of departures generated, which it should equal.

Usage::

    .venv/bin/python bench/merge_bench.py              # 100k lines
    .venv/bin/python bench/merge_bench.py --lines 20000 --seed 3
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from pipeline.lexicons import read_rows  # noqa: E402
from pipeline.merge import merge_events, read_jsonl, write_merged  # noqa: E402

_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
_GIVEN = "伟刚勇毅俊峰强军平保东文辉力明永健世广志义兴良海山仁波宁贵福生龙元全国胜学祥才发武新利清飞彬富顺信子杰涛昌成康星光天达安岩中茂进林有坚和彪博诚先敬震振壮会思群豪心邦承乐绍功松善厚庆磊民友裕河哲江超浩亮政谦亨奇固之轮翰朗伯宏言若鸣朋斌梁栋维启克伦翔旭鹏泽晨辰士以建家致树炎德行时泰盛雄琛钧冠策腾楠榕风航弘"
_SYLLABLES = ["an", "bo", "chen", "da", "fei", "gang", "hao", "jun", "kai", "lei", "ming", "ning", "peng", "qiang",
              "rui", "shan", "tao", "wei", "xin", "yang", "zhi", "yu", "hua", "lin", "jie", "long", "feng", "qing"]
_STATUSES = ["confirmed"] * 14 + ["reported"] * 4 + ["rumored", "planned", "denied"]


@dataclass
class Person:
    hans: str
    hant: str
    latin: str


def _people(rng: random.Random, count: int) -> list[Person]:
    import opencc

    s2t, t2s = opencc.OpenCC("s2t"), opencc.OpenCC("t2s")
    seen_hans: set[str] = set()
    seen_latin: set[str] = set()
    out: list[Person] = []
    while len(out) < count:
        given = "".join(rng.choice(_GIVEN) for _ in range(rng.choice((1, 2, 2))))
        hans = rng.choice(_SURNAMES) + given
        first = "".join(rng.choice(_SYLLABLES) for _ in range(2)).capitalize()
        last = "".join(rng.choice(_SYLLABLES) for _ in range(rng.choice((1, 2)))).capitalize()
        latin = f"{first} {last}"
        if hans in seen_hans or latin in seen_latin or t2s.convert(s2t.convert(hans)) != hans:
            continue  # s2t is lossy for a few characters (于 → 於 → 於): such a name would not come back
        seen_hans.add(hans)
        seen_latin.add(latin)
        out.append(Person(hans, s2t.convert(hans), latin))
    return out


def _org_aliases() -> list[list[str]]:
    return [[row[0]] + [a for a in row[1].split("|") if a] for row in read_rows("orgs.tsv") if len(row) > 1]


def _date(rng: random.Random, day: dt.date) -> str | None:
    roll = rng.random()
    if roll < 0.2:
        return None
    if roll < 0.25:  # a source a month off: a visible conflict
        day = day.replace(month=day.month % 12 + 1) if day.month < 12 else day.replace(month=11)
    form = rng.choice(("day", "month", "month", "year"))
    return day.isoformat() if form == "day" else day.isoformat()[:7] if form == "month" else str(day.year)


def generate(lines: int, seed: int) -> tuple[list[dict], int]:
    """``lines`` event lines and the number of departures they describe."""
    rng = random.Random(seed)
    per_departure = 4
    departures_wanted = lines // per_departure
    people = _people(rng, int(departures_wanted / 1.1) + 1)
    orgs = _org_aliases()
    departures = []
    for person in people:
        org = rng.choice(orgs)
        first_year = rng.randint(2015, 2025)
        years = [first_year] if rng.random() > 0.1 else [first_year - rng.randint(3, 6), first_year]
        for year in years:
            departures.append((person, org, dt.date(year, rng.randint(1, 12), rng.randint(1, 28))))
    out: list[dict] = []
    linked: set[int] = set()
    for i in range(lines):
        d = i % len(departures)
        person, org, day = departures[d]
        script = rng.choice(("hans", "hans", "hant", "latn"))
        if script == "latn":
            name, aliases = person.latin, [person.latin.split()[-1]]
        else:
            name = person.hans if script == "hans" else person.hant
            aliases = [person.latin] if id(person) not in linked or rng.random() < 0.5 else []
            linked.add(id(person))
        doc = f"{i // 3:06d}.txt"
        out.append({
            "event_id": f"ev_{i:016x}",
            "doc": doc,
            "person": name,
            "person_aliases": aliases,
            "org": rng.choice(org),
            "role": rng.choice((None, "首席技术官", "副总裁", "research scientist")),
            "date": _date(rng, day) if i >= len(departures) else day.isoformat(),  # every departure dated once
            "date_precision": None,
            "destination": rng.choice((None, None, "创业", "OpenAI")),
            "reason": None,
            "status": rng.choice(_STATUSES),
            "confidence": round(rng.uniform(0.5, 0.99), 3),
            "sources": [{"start": 100, "end": 140, "text": f"{name}离开{org[0]}。", "alignment": "exact"}],
        })
    for line in out:
        if line["date"]:
            line["date_precision"] = {4: "year", 7: "month", 10: "day"}[len(line["date"])]
    return out, len(departures)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--lines", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()

    lines, departures = generate(args.lines, args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        events_path = Path(tmp) / "events.jsonl"
        with open(events_path, "w", encoding="utf-8") as handle:
            for line in lines:
                handle.write(json.dumps(line, ensure_ascii=False) + "\n")
        t0 = time.perf_counter()
        read, _ = read_jsonl([events_path])
        t1 = time.perf_counter()
        result = merge_events(read)
        t2 = time.perf_counter()
        out = Path(tmp) / "events.merged.jsonl"
        write_merged(result.events, out)
        t3 = time.perf_counter()
        again = merge_events(read, previous=read_jsonl([out])[0])
        t4 = time.perf_counter()
        size = out.stat().st_size
    stable = [e.merged_id for e in again.events] == [e.merged_id for e in result.events]
    print(f"merge bench: {len(read):,} event lines, {departures:,} departures generated")
    print(f"  merged events        {len(result.events):,} ({result.conflicts:,} with conflicts)")
    print(f"  read                 {t1 - t0:.2f}s")
    print(f"  merge                {t2 - t1:.2f}s")
    print(f"  write                {t3 - t2:.2f}s ({size / 1e6:.0f} MB)")
    print(f"  total read+merge+write {t3 - t0:.2f}s")
    print(f"  re-merge with --previous {t4 - t3:.2f}s, ids unchanged: {stable}")


if __name__ == "__main__":
    main()
