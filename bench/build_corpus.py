"""Build reproducible benchmark dumps (JSONL, one article per line) at run time.

Why built and not stored: the Chinese sentences come from the DuEE training
split (``../shared/data/duee_train_departure_labels.jsonl``), whose licence says
"measure with it, copy none of it into a product". So the repository keeps only
this recipe; the dumps land in the git-ignored ``bench/out/``.

What an article is made of (every choice drawn from a RNG seeded by the corpus
seed and the article's index, so article *i* is the same in every corpus and the
10k dump is the first 10k lines of the 100k dump):

* 55 % simplified Chinese, 20 % traditional Chinese (the same recipe, converted
  with OpenCC ``s2t``), 25 % English;
* a Chinese *departure story* (35 %) mixes one to three DuEE sentences annotated
  as a departure with sentences of the sample corpus (``../shared/corpus``) and
  DuEE sentences of other events; *other news* has DuEE sentences of other
  events only (they still contain trigger-like words now and then, as real news does);
* an English article is composed from templates with generated people and
  companies; 30 % of them state a departure, the rest report earnings, products,
  deals and hires;
* sentences are shuffled and grouped into paragraphs; ids, dates and the
  presence of ``lang`` / ``published`` vary; no two articles are equal (checked).

Usage::

    python bench/build_corpus.py                 # bench/out/corpus_10k.jsonl, corpus_100k.jsonl, ...
    python bench/build_corpus.py --sizes 2000 --out /tmp/c
"""
from __future__ import annotations

import argparse
import datetime as dt
import functools
import hashlib
import json
import random
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Optional

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
DEFAULT_OUT = REPO / "bench" / "out"
DEFAULT_SEED = 20251116

_ZH_SENTENCE = re.compile(r"[^。！？!?\n]+[。！？!?]?")


@dataclass(frozen=True)
class SentencePools:
    """The Chinese material articles are drawn from."""

    departure: tuple[str, ...]  # DuEE sentences annotated 辞/离职 or 解雇
    other: tuple[str, ...]  # DuEE sentences of other events
    corpus: tuple[str, ...]  # sentences of the sample articles


def load_pools(shared: Path = SHARED) -> SentencePools:
    """Read the DuEE sentences and split the sample corpus into sentences."""
    duee = shared / "data" / "duee_train_departure_labels.jsonl"
    if not duee.is_file():
        sys.exit(f"build_corpus: {duee} not found; the benchmark needs ../shared beside the repository")
    departure: list[str] = []
    other: list[str] = []
    with open(duee, encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            (departure if row["departure"] else other).append(row["text"].strip())
    corpus: list[str] = []
    for path in sorted((shared / "corpus").glob("*.txt")):
        for match in _ZH_SENTENCE.finditer(path.read_text(encoding="utf-8")):
            sentence = match.group().strip()
            if len(sentence) >= 8:
                corpus.append(sentence)
    return SentencePools(tuple(departure), tuple(other), tuple(corpus))


# ---------------------------------------------------------------------------
# English templates

_FIRST = (
    "James Mary Robert Patricia John Jennifer Michael Linda David Elizabeth William Barbara Richard Susan Joseph "
    "Jessica Thomas Sarah Charles Karen Daniel Nancy Matthew Lisa Anthony Betty Mark Margaret Steven Sandra Paul "
    "Ashley Andrew Emily Joshua Donna Kenneth Michelle Kevin Carol Brian Amanda Priya Rahul Wei Mei Kenji Aiko "
    "Olga Ivan Fatima Omar Lucas Sofia Mateo Elena Noah Chloe Ethan Grace Liam Zoe"
).split()
_LAST = (
    "Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez Wilson Anderson "
    "Thomas Taylor Moore Jackson Martin Lee Thompson White Harris Clark Lewis Robinson Walker Young Allen King "
    "Wright Scott Torres Nguyen Hill Flores Green Adams Nelson Baker Hall Rivera Campbell Mitchell Carter Roberts "
    "Sharma Patel Chen Wang Tanaka Sato Kowalski Novak Petrov Haddad Okafor Mensah Lindqvist Moreau Rossi Fischer"
).split()
_ORG_HEAD = (
    "Northwind Bluefin Crestline Ironwood Lumen Vantage Helix Quarry Solstice Meridian Pinecrest Redwood Arclight "
    "Harborview Stratus Keystone Brightwater Silverline Granite Orchid Nimbus Copperfield Tidewater Falcon Summit "
    "Evergreen Cobalt Juniper Horizon Sterling Beacon Polaris Zephyr Aurora Cascade Trident Mosaic Sapphire"
).split()
_ORG_TAIL = "Labs Systems Capital Robotics Bank Motors Health Energy Networks Media Foods Airlines Semiconductor Insurance Analytics".split()
_TITLES = (
    "chief executive", "chief financial officer", "chief technology officer", "chief operating officer",
    "president", "head of research", "general counsel", "chief marketing officer", "vice president of engineering",
    "head of product", "chairman", "chief scientist",
)
_CITIES = "Boston Seattle Austin Chicago London Singapore Toronto Berlin Denver Atlanta Dublin Sydney".split()
_PRODUCTS = "chip platform app service sedan battery model robot headset database satellite drone".split()
_REASONS = (
    "a disagreement over strategy", "health reasons", "an internal investigation", "a string of weak quarters",
    "personal reasons", "a board dispute",
)
_WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday".split()
_MONTHS = "January February March April May June July August September October November December".split()

_EN_OTHER = (
    "{org} reported quarterly revenue of ${n} million, up {p} percent from a year earlier.",
    "{org} unveiled a new {product} at its annual conference in {city} on {weekday}.",
    "Shares of {org} rose {p} percent in early trading after the announcement.",
    "Analysts at {org2} said demand for the {product} remained strong through {month}.",
    "{name}, {org}'s {title}, said the company expects growth to continue into {month}.",
    "{org} agreed to buy {org2} for about ${n} million in cash and stock.",
    "The company plans to open a second office in {city} next year.",
    "{org} said it had hired {n} engineers for its {product} team in {city}.",
    "Regulators in {city} are reviewing the deal, according to people familiar with the matter.",
    "{name} told analysts on a call that margins improved for the {ordinal} straight quarter.",
    "The {product} will go on sale in {month} at a starting price of ${n}.",
    "{org} did not comment on the report.",
    "{org2} has invested heavily in the {product} market over the past two years.",
    "Competition from {org2} has pushed prices down across the industry.",
)
_EN_DEPARTURE = (
    "{name}, the {title} of {org}, resigned on {weekday}, the company said.",
    "{org} said on {weekday} that {name} would step down as {title} at the end of {month}.",
    "{name} has left {org} to join {org2} as {title}.",
    "{org} fired {name}, its {title}, after {reason}.",
    "{org} {title} {name} is leaving the company for {reason}, according to a memo seen by reporters.",
    "{name} announced on {weekday} that she was retiring as {title} of {org} after {n} years.",
    "{name} departed {org} in {month}, the company confirmed.",
)


def _en_fill(template: str, rng: random.Random, cast: dict[str, str]) -> str:
    return template.format(
        name=cast["name"],
        org=cast["org"],
        org2=cast["org2"],
        title=cast["title"],
        n=rng.randint(2, 950),
        p=rng.randint(1, 40),
        product=rng.choice(_PRODUCTS),
        city=rng.choice(_CITIES),
        weekday=rng.choice(_WEEKDAYS),
        month=rng.choice(_MONTHS),
        reason=rng.choice(_REASONS),
        ordinal=rng.choice(("second", "third", "fourth", "fifth")),
    )


def _org(rng: random.Random) -> str:
    return f"{rng.choice(_ORG_HEAD)} {rng.choice(_ORG_TAIL)}"


def english_article(rng: random.Random) -> tuple[str, str]:
    """(title, text) of a generated English article; 30 % state a departure."""
    cast = {
        "name": f"{rng.choice(_FIRST)} {rng.choice(_LAST)}",
        "org": _org(rng),
        "org2": _org(rng),
        "title": rng.choice(_TITLES),
    }
    sentences = [_en_fill(rng.choice(_EN_OTHER), rng, cast) for _ in range(rng.randint(8, 22))]
    if rng.random() < 0.30:
        for _ in range(rng.randint(1, 2)):
            sentences.insert(rng.randint(0, len(sentences)), _en_fill(rng.choice(_EN_DEPARTURE), rng, cast))
            cast = {**cast, "name": f"{rng.choice(_FIRST)} {rng.choice(_LAST)}", "title": rng.choice(_TITLES)}
    title = f"{cast['org']} {rng.choice(('reports results', 'shakes up leadership', 'bets on ' + rng.choice(_PRODUCTS) + 's', 'in focus'))}"
    return title, _paragraphs(sentences, rng, " ")


def chinese_article(rng: random.Random, pools: SentencePools) -> tuple[str, str]:
    """(title, text) of a Chinese article in simplified script; 35 % are departure stories."""
    if rng.random() < 0.35:
        sentences = rng.sample(pools.departure, rng.randint(1, 3))
        sentences += rng.sample(pools.corpus, rng.randint(2, 8))
        sentences += rng.sample(pools.other, rng.randint(5, 15))
    else:
        sentences = rng.sample(pools.other, rng.randint(8, 24))
    rng.shuffle(sentences)
    title = sentences[0][:24].rstrip("，,。")
    return title, _paragraphs(sentences, rng, "")


def _paragraphs(sentences: list[str], rng: random.Random, joiner: str) -> str:
    paragraphs: list[str] = []
    i = 0
    while i < len(sentences):
        size = rng.randint(1, 4)
        paragraphs.append(joiner.join(sentences[i : i + size]))
        i += size
    return "\n\n".join(paragraphs)


@functools.lru_cache(maxsize=None)
def _s2t():
    import opencc

    return opencc.OpenCC("s2t")


def article(index: int, seed: int, pools: SentencePools, namespace: str = "a") -> dict:
    """The dump record of article ``index``: the same for the same (seed, namespace, index)."""
    rng = random.Random(f"{seed}:{namespace}:{index}")
    roll = rng.random()
    if roll < 0.25:
        lang = "en"
        title, text = english_article(rng)
    else:
        lang = "zh"
        title, text = chinese_article(rng, pools)
        if roll >= 0.80:
            title, text = _s2t().convert(title), _s2t().convert(text)
    record: dict = {"id": f"{namespace}{index:06d}-{rng.randrange(16**6):06x}", "title": title, "text": text}
    if rng.random() < 0.7:
        day = dt.date(2019, 1, 1) + dt.timedelta(days=rng.randrange(7 * 365))
        record["published"] = day.isoformat()
    if rng.random() < 0.5:
        record["lang"] = lang
    return record


def iter_articles(count: int, seed: int, pools: SentencePools, namespace: str = "a") -> Iterator[dict]:
    """``count`` distinct articles; a repeated text (never seen in practice) is redrawn."""
    seen: set[bytes] = set()
    index = 0
    produced = 0
    while produced < count:
        record = article(index, seed, pools, namespace)
        index += 1
        digest = hashlib.sha1(record["text"].encode("utf-8")).digest()
        if digest in seen:
            continue
        seen.add(digest)
        produced += 1
        yield record


def write_dump(path: Path, records: Iterator[dict]) -> int:
    """Write records as JSONL (via a temporary file, so a half-built dump never looks complete)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    count = 0
    with open(tmp, "w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False))
            handle.write("\n")
            count += 1
    tmp.replace(path)
    return count


def size_label(count: int) -> str:
    return f"{count // 1000}k" if count % 1000 == 0 else str(count)


def build(out: Path, sizes: list[int], seed: int, new_share: float = 0.01, pools: Optional[SentencePools] = None) -> dict[str, Path]:
    """Write ``corpus_<size>.jsonl`` for each size, and ``new_<size>.jsonl`` with
    ``new_share`` × size further articles (ids of another namespace) for the
    incremental run. Returns the paths by name; existing files are rebuilt only
    when their recipe stamp differs."""
    pools = pools or load_pools()
    paths: dict[str, Path] = {}
    for size in sizes:
        for name, count, namespace in (
            (f"corpus_{size_label(size)}", size, "a"),
            (f"new_{size_label(size)}", max(1, round(size * new_share)), "n"),
        ):
            path = out / f"{name}.jsonl"
            stamp = path.with_name(path.name + ".stamp")
            recipe = json.dumps({"seed": seed, "count": count, "namespace": namespace, "builder": _builder_hash()})
            if not (path.is_file() and stamp.is_file() and stamp.read_text() == recipe):
                write_dump(path, iter_articles(count, seed, pools, namespace))
                stamp.write_text(recipe)
            paths[name] = path
    return paths


def _builder_hash() -> str:
    return hashlib.sha1(Path(__file__).read_bytes()).hexdigest()[:12]


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="folder for the dumps (default: bench/out)")
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000], help="articles per corpus")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--new-share", type=float, default=0.01, help="share of new articles for the incremental run")
    args = parser.parse_args(argv)
    for name, path in build(args.out, args.sizes, args.seed, args.new_share).items():
        print(f"{name}: {path} ({path.stat().st_size / 1e6:.1f} MB)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
