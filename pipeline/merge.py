"""Events of many documents → one line per (person, organization, departure).

:mod:`pipeline.resolve` merges the statements of *one* article. Here the events
of many articles become one merged event per departure, because a departure is
usually reported by several outlets, in several scripts, under several names
(``周明遠`` in a Hong Kong article, ``周明远 (Tom Zhou)`` in a mainland one,
``Mingyuan (Tom) Zhou`` in an English one).

Matching follows ``shared/spec/events.md``:

* **person** — every name of an event (``person`` and ``person_aliases``) is keyed
  after NFKC, traditional→simplified (OpenCC ``t2s``), case folding and dropping
  spaces, dots and hyphens. Two events whose name sets intersect are one person:
  a union-find over names, so ``周明遠 = Tom Zhou`` in one article and
  ``Tom Zhou = Mingyuan (Tom) Zhou`` in another link all three. Aliases that are a
  single Latin word (``Tom``, ``Zhou``, ``Lo``) or a single Han character are
  in-document short forms; across a large corpus they would link every ``Wu``,
  so they are carried in the output but never link.
* **organization** — keyed through the alias lexicon ``models/orgs.tsv``
  (``智譜AI`` → ``智谱``, ``Facebook`` → ``Meta``), with the spec's containment
  fallback: an unknown name that contains one lexicon name is that organization
  (``谷歌DeepMind团队`` → ``Google DeepMind``), and among the organizations one
  person left, unknown names contained in one another are one organization, as
  long as that is unambiguous (two different lexicon organizations never merge).
* **departure** — one person can leave one organization twice. Dated events of
  different stated years are different departures (2019 vs 2024); undated events
  attach to the only dated departure, or to the latest when there are several.

A merged event takes the most precise date its sources agree on (``2026``,
``2026-02`` and ``2026-02-11`` agree, and give ``2026-02-11``); sources that
disagree (``2026-01`` vs ``2026-02``) fall back to what they share (``2026``) and
are all listed in ``date_conflicts`` with ``conflict: true``. The status is the
strongest one a source states, in :data:`STATUS_ORDER`.

Merged ids: see :func:`assign_ids`. In short, an id is derived from the first-seen
mention's person key, the organization key and the departure's year, and an
earlier merged file (``--previous``) pins ids to the mentions they were made of,
so adding an article never renames an existing merged event.
"""
from __future__ import annotations

import calendar
import datetime as dt
import functools
import hashlib
import json
import logging
import os
import re
import sys
import time
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Optional, Sequence, Union

from .entities import OrgLexicon, org_lexicon, titles_rank
from .normalize import to_simplified
from .resolve import fold

log = logging.getLogger(__name__)

#: Strongest first. ``confirmed`` (it happened or was announced) and ``reported``
#: (media say it happened) assert a departure; ``planned`` is a stated intention
#: with a date, firmer than ``rumored`` speculation; ``denied`` is the weakest,
#: since a denial only wins when nobody asserts the departure. A denial next to an
#: assertion is kept visible in ``status_conflicts``.
STATUS_ORDER: tuple[str, ...] = ("confirmed", "reported", "planned", "rumored", "denied")
UNDATED = "undated"

_PRECISION_RANK = {"day": 5, "month": 4, "quarter": 3, "half": 2, "year": 1}
_DATE_FORM = re.compile(r"(\d{4})(?:-(?:(\d{2})(?:-(\d{2}))?|Q([1-4])|H([12])))?")
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_NAME_WORD_SPLIT = re.compile(r"[\s.·・•()（）]+")
PathLike = Union[str, Path]


# --------------------------------------------------------------------------- dates


@dataclass(frozen=True)
class DateSpan:
    """A stated date as the interval of days it covers, so that precisions compare."""

    value: str
    precision: str
    first: int  # proleptic ordinal of the first day
    last: int  # ordinal of the last day

    @property
    def year(self) -> int:
        return int(self.value[:4])

    def within(self, other: "DateSpan") -> bool:
        return other.first <= self.first and self.last <= other.last

    def agrees(self, other: "DateSpan") -> bool:
        """A less precise date agrees with a more precise one inside it (2026 ~ 2026-02-11)."""
        return self.within(other) or other.within(self)

    def coarser(self) -> list["DateSpan"]:
        """The month and year a date lies in: what two disagreeing sources may still share."""
        spans = []
        if self.precision == "day":
            spans.append(parse_date(self.value[:7]))
        if self.precision != "year":
            spans.append(parse_date(self.value[:4]))
        return [s for s in spans if s is not None]


@functools.lru_cache(maxsize=65536)
def parse_date(value: Optional[str]) -> Optional[DateSpan]:
    """A spec date value (``2026-02-11``, ``2025-01``, ``2025-Q1``, ``2025-H2``, ``2024``), or None.

    Memoized: a corpus states the same few thousand dates over and over.
    """
    if not value:
        return None
    m = _DATE_FORM.fullmatch(value.strip())
    if m is None:
        return None
    year = int(m.group(1))
    try:
        if m.group(3):
            day = dt.date(year, int(m.group(2)), int(m.group(3)))
            return DateSpan(m.group(0), "day", day.toordinal(), day.toordinal())
        if m.group(2):
            return _months(m.group(0), "month", year, int(m.group(2)), int(m.group(2)))
        if m.group(4):
            q = int(m.group(4))
            return _months(m.group(0), "quarter", year, 3 * q - 2, 3 * q)
        if m.group(5):
            h = int(m.group(5))
            return _months(m.group(0), "half", year, 6 * h - 5, 6 * h)
        return _months(m.group(0), "year", year, 1, 12)
    except ValueError:  # month 13, February 30
        return None


def _months(value: str, precision: str, year: int, first_month: int, last_month: int) -> DateSpan:
    first = dt.date(year, first_month, 1)
    last = dt.date(year, last_month, calendar.monthrange(year, last_month)[1])
    return DateSpan(value, precision, first.toordinal(), last.toordinal())


def pick_date(stated: Sequence[DateSpan]) -> Optional[DateSpan]:
    """The most precise date consistent with every stated date.

    Candidates are the stated dates and the months and years they lie in; the one
    that agrees with the most statements wins, then the most precise. When all
    statements nest (2026, 2026-02, 2026-02-11) that is the finest of them; when
    two disagree (2026-01 vs 2026-02) it is what they share (2026).
    """
    if not stated:
        return None
    candidates: dict[str, DateSpan] = {}
    for span in stated:
        for c in [span] + span.coarser():
            candidates.setdefault(c.value, c)

    def score(c: DateSpan) -> tuple[int, int]:
        return sum(1 for s in stated if s.agrees(c)), _PRECISION_RANK[c.precision]

    return max(candidates.values(), key=score)


# --------------------------------------------------------------------------- keys


@dataclass(frozen=True)
class OrgKey:
    """An organization's merge key; ``known`` when it came from the lexicon."""

    key: str
    known: bool
    canonical: Optional[str] = None


def is_linking_name(surface: str) -> bool:
    """Whether an alias identifies a person across articles.

    Chinese names of two or more Han characters do; Latin names need two words.
    A lone given name or surname (``Tom``, ``Zhou``, ``Lo``) is how one article
    refers back to a person it already named; used as a key across thousands of
    articles it would join strangers.
    """
    han = len(_HAN.findall(surface))
    if han:
        return han >= 2
    return len([w for w in _NAME_WORD_SPLIT.split(surface) if w]) >= 2


class Keys:
    """Person and organization keys for one merge run, memoized (names repeat a lot)."""

    def __init__(self, lexicon: OrgLexicon):
        self._lexicon = lexicon
        self._folded_alias: dict[str, str] = {}
        for alias, canonical in lexicon.alias_to_canonical.items():
            for form in (alias, to_simplified(alias)):
                self._folded_alias.setdefault(fold(form), canonical)
        self._people: dict[str, str] = {}
        self._orgs: dict[str, OrgKey] = {}
        self._roles: dict[str, int] = {}
        self._links: dict[str, bool] = {}

    def links(self, alias: str) -> bool:
        """:func:`is_linking_name`, memoized (the same aliases recur in every article)."""
        linking = self._links.get(alias)
        if linking is None:
            linking = self._links[alias] = is_linking_name(alias)
        return linking

    def role_rank(self, role: str) -> int:
        """Seniority of a title (1 top); memoized, the lexicon scan is the costly part of merging."""
        rank = self._roles.get(role)
        if rank is None:
            rank = self._roles[role] = titles_rank(role)
        return rank

    def person(self, name: str) -> str:
        """The spec's comparison form: NFKC, t2s, case-folded, no spaces/dots/hyphens."""
        key = self._people.get(name)
        if key is None:
            key = fold(to_simplified(unicodedata.normalize("NFKC", name)))
            self._people[name] = key
        return key

    def org(self, name: str) -> OrgKey:
        """Lexicon key of an organization name, by alias or by the longest alias it contains."""
        key = self._orgs.get(name)
        if key is None:
            key = self._org_key(name)
            self._orgs[name] = key
        return key

    def _org_key(self, name: str) -> OrgKey:
        simplified = to_simplified(unicodedata.normalize("NFKC", name)).strip()
        canonical = self._folded_alias.get(fold(simplified))
        if canonical is None:
            found = self._lexicon.find(simplified)
            if found:
                canonical = max(found, key=lambda m: (m.end - m.start, -m.start)).canonical
        if canonical is None:
            return OrgKey(fold(simplified), known=False)
        return OrgKey(fold(to_simplified(canonical)), known=True, canonical=canonical)


# --------------------------------------------------------------------------- input


@dataclass
class SourceEvent:
    """One event line of one document, as read; ``line`` is written back verbatim as a mention."""

    index: int  # input order: the first-seen mention anchors a fresh merged id
    line: dict
    person_keys: list[str]  # linking keys, the primary name's first
    org: OrgKey
    date: Optional[DateSpan]

    @property
    def doc(self) -> str:
        return str(self.line.get("doc", ""))

    @property
    def person(self) -> str:
        return self.line["person"]

    @property
    def status(self) -> str:
        return self.line.get("status") or "confirmed"

    @property
    def confidence(self) -> float:
        value = self.line.get("confidence")
        return float(value) if isinstance(value, (int, float)) else 0.5

    def surfaces(self) -> list[str]:
        return [self.person] + [a for a in self.line.get("person_aliases") or [] if isinstance(a, str) and a.strip()]


def source_event(index: int, line: dict, keys: Keys) -> Optional[SourceEvent]:
    """A usable event line, or None (gold ``none`` lines, events without person or organization)."""
    person, org = line.get("person"), line.get("org")
    if not isinstance(person, str) or not person.strip() or not isinstance(org, str) or not org.strip():
        return None
    person_keys = [keys.person(person)]
    for alias in line.get("person_aliases") or []:
        if isinstance(alias, str) and keys.links(alias):
            person_keys.append(keys.person(alias))
    person_keys = [k for k in dict.fromkeys(person_keys) if k]
    if not person_keys:
        return None
    date = parse_date(line.get("date"))
    if line.get("date") and date is None:
        log.warning("%s: unreadable date %r, taken as undated", line.get("doc"), line.get("date"))
    return SourceEvent(index, line, person_keys, keys.org(org), date)


def read_jsonl(paths: Iterable[PathLike]) -> tuple[list[dict], int]:
    """Objects of JSONL files in order, and how many lines could not be parsed (logged)."""
    out: list[dict] = []
    bad = 0
    for path in paths:
        with open(path, encoding="utf-8") as handle:
            for number, raw in enumerate(handle, 1):
                if not raw.strip():
                    continue
                try:
                    obj = json.loads(raw)
                except json.JSONDecodeError as exc:
                    log.warning("%s:%d: not JSON (%s), skipped", path, number, exc.msg)
                    bad += 1
                    continue
                if isinstance(obj, dict):
                    out.append(obj)
                else:
                    log.warning("%s:%d: not a JSON object, skipped", path, number)
                    bad += 1
    return out, bad


# --------------------------------------------------------------------------- grouping


class _UnionFind:
    """Union-find over string keys (path halving); roots are first-inserted keys."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        parent = self.parent
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[rb] = ra


def person_components(events: Sequence[SourceEvent]) -> list[list[SourceEvent]]:
    """Events grouped by person: events sharing any linking name are one person."""
    uf = _UnionFind()
    for e in events:
        for k in e.person_keys[1:]:
            uf.union(e.person_keys[0], k)
    groups: dict[str, list[SourceEvent]] = defaultdict(list)
    for e in events:
        groups[uf.find(e.person_keys[0])].append(e)
    return list(groups.values())


def _contains(a: str, b: str) -> bool:
    return len(a) >= 2 and len(b) >= 2 and (a in b or b in a)


def org_representatives(orgs: Sequence[OrgKey]) -> dict[str, str]:
    """Organization key → merge key, for the organizations one person left.

    Lexicon keys stand for themselves. An unknown key related by containment to
    exactly one lexicon key joins it; related to several, it stays alone
    (``AI`` must not glue ``xAI`` to ``OpenAI``). Unknown keys related only to
    unknown keys join them when those form a chain (``深言科技`` ⊂ ``深言科技公司``).
    ``orgs`` is in first-seen order; an unknown group is named by its first key.
    """
    first: dict[str, OrgKey] = {}
    for o in orgs:
        first.setdefault(o.key, o)
    distinct = list(first.values())  # one per key, first-seen order
    known = {o.key for o in distinct if o.known}
    uf = _UnionFind()
    for o in distinct:
        uf.find(o.key)
    for o in distinct:
        if o.known:
            continue
        related = [p.key for p in distinct if p.key != o.key and _contains(o.key, p.key)]
        related_known = [k for k in related if k in known]
        if len(related_known) > 1:
            continue
        if related_known:
            uf.union(related_known[0], o.key)
        elif related and _is_chain([o.key] + related):
            for k in related:
                uf.union(o.key, k)
    name_of_root: dict[str, str] = {}
    for o in sorted(distinct, key=lambda o: not o.known):  # a lexicon key names its group, else the first seen
        name_of_root.setdefault(uf.find(o.key), o.key)
    return {o.key: name_of_root[uf.find(o.key)] for o in distinct}


def _is_chain(keys: list[str]) -> bool:
    ordered = sorted(set(keys), key=len)
    return all(a in b for a, b in zip(ordered, ordered[1:]))


def split_departures(events: Sequence[SourceEvent]) -> list[list[SourceEvent]]:
    """One person's events at one organization → departures, by stated year.

    Different stated years are different departures. Undated events attach to the
    only dated departure, or to the latest one when there are several: a later
    article that does not date the departure most likely speaks of the latest.
    """
    by_year: dict[int, list[SourceEvent]] = defaultdict(list)
    undated: list[SourceEvent] = []
    for e in events:
        (by_year[e.date.year] if e.date is not None else undated).append(e)
    if not by_year:
        return [list(events)]
    by_year[max(by_year)].extend(undated)
    return [sorted(group, key=lambda e: e.index) for _, group in sorted(by_year.items())]


# --------------------------------------------------------------------------- merging


@dataclass
class MergedEvent:
    """One departure across documents, in the spec's output contract plus provenance."""

    merged_id: str
    person: str
    person_aliases: list[str]
    org: str
    org_aliases: list[str]
    role: Optional[str]
    date: Optional[str]
    date_precision: Optional[str]
    destination: Optional[str]
    reason: Optional[str]
    status: str
    confidence: float
    conflict: bool
    date_conflicts: list[dict]
    status_conflicts: list[dict]
    person_key: str  # the anchor a fresh id is derived from
    org_key: str
    period: str  # year of the departure, or "undated"
    docs: list[str]
    mentions: list[dict]
    replaces: list[str] = field(default_factory=list)  # ids of earlier merged events folded into this one
    sources: list[SourceEvent] = field(default_factory=list, repr=False)

    def to_json(self) -> dict:
        return {
            "merged_id": self.merged_id,
            "person": self.person,
            "person_aliases": self.person_aliases,
            "org": self.org,
            "org_aliases": self.org_aliases,
            "role": self.role,
            "date": self.date,
            "date_precision": self.date_precision,
            "destination": self.destination,
            "reason": self.reason,
            "status": self.status,
            "confidence": self.confidence,
            "conflict": self.conflict,
            "date_conflicts": self.date_conflicts,
            "status_conflicts": self.status_conflicts,
            "person_key": self.person_key,
            "org_key": self.org_key,
            "period": self.period,
            "replaces": self.replaces,
            "docs": self.docs,
            "mentions": self.mentions,
        }


def _most_frequent(values: Sequence[str]) -> str:
    """The most frequent value, the first seen among equals (``values`` in input order)."""
    counts = Counter(values)
    return max(dict.fromkeys(values), key=lambda v: counts[v])


def _other_surfaces(shown: str, surfaces: Iterable[str]) -> list[str]:
    """Every other surface once, in first-seen order; case/space variants of one surface collapse."""
    seen = {fold(shown)}
    out = []
    for s in surfaces:
        k = fold(s)
        if k and k not in seen:
            seen.add(k)
            out.append(s)
    return out


def _status_rank(status: str) -> int:
    return STATUS_ORDER.index(status) if status in STATUS_ORDER else len(STATUS_ORDER)


def _refs(events: Iterable[SourceEvent]) -> dict:
    events = list(events)
    return {
        "docs": list(dict.fromkeys(e.doc for e in events)),
        "event_ids": [e.line.get("event_id") for e in events if e.line.get("event_id")],
    }


def date_conflicts(events: Sequence[SourceEvent]) -> list[dict]:
    """Every stated date that some other source contradicts, with who stated it."""
    by_value: dict[str, list[SourceEvent]] = defaultdict(list)
    for e in events:
        if e.date is not None:
            by_value[e.date.value].append(e)
    spans = {v: group[0].date for v, group in by_value.items()}
    out = []
    for value, group in by_value.items():
        if any(not spans[value].agrees(other) for other in spans.values()):
            out.append({"date": value, "date_precision": spans[value].precision, **_refs(group)})
    return out


def status_conflicts(events: Sequence[SourceEvent]) -> list[dict]:
    """When one source denies what another asserts, every status with its sources."""
    statuses = {e.status for e in events}
    if "denied" not in statuses or len(statuses) == 1:
        return []
    by_status: dict[str, list[SourceEvent]] = defaultdict(list)
    for e in events:
        by_status[e.status].append(e)
    return [{"status": s, **_refs(g)} for s, g in sorted(by_status.items(), key=lambda kv: _status_rank(kv[0]))]


def _pick_role(events: Sequence[SourceEvent], keys: Keys) -> Optional[str]:
    """The most senior title any source gives, the first seen among equals."""
    roles = [e.line["role"] for e in events if isinstance(e.line.get("role"), str) and e.line["role"].strip()]
    return min(roles, key=keys.role_rank) if roles else None


def _pick_text(events: Sequence[SourceEvent], name: str) -> Optional[str]:
    """A free-text field from the most confident source that states it."""
    for e in sorted(events, key=lambda e: (-e.confidence, e.index)):
        value = e.line.get(name)
        if isinstance(value, str) and value.strip():
            return value
    return None


def _combined_confidence(events: Sequence[SourceEvent]) -> float:
    """Independent reports make a departure more certain (noisy-or, capped below 1)."""
    doubt = 1.0
    for e in events:
        doubt *= 1.0 - min(max(e.confidence, 0.0), 0.99)
    return round(min(0.99, 1.0 - doubt), 3)


def build_event(events: Sequence[SourceEvent], org_key: str, keys: Keys) -> MergedEvent:
    """One departure's source events → a merged event (without its id yet)."""
    events = sorted(events, key=lambda e: e.index)
    person = _most_frequent([e.person for e in events])
    org_surfaces = [e.line["org"] for e in events]
    org = _most_frequent(org_surfaces)
    canonical = [e.org.canonical for e in events if e.org.canonical]
    date = pick_date([e.date for e in events if e.date is not None])
    dates = date_conflicts(events)
    statuses = status_conflicts(events)
    first = events[0]
    return MergedEvent(
        merged_id="",
        person=person,
        person_aliases=_other_surfaces(person, (s for e in events for s in e.surfaces())),
        org=org,
        org_aliases=_other_surfaces(org, org_surfaces + canonical),
        role=_pick_role(events, keys),
        date=date.value if date else None,
        date_precision=date.precision if date else None,
        destination=_pick_text(events, "destination"),
        reason=_pick_text(events, "reason"),
        status=min((e.status for e in events), key=_status_rank),
        confidence=_combined_confidence(events),
        conflict=bool(dates or statuses),
        date_conflicts=dates,
        status_conflicts=statuses,
        person_key=first.person_keys[0],
        org_key=org_key,
        period=str(date.year) if date else UNDATED,
        docs=list(dict.fromkeys(e.doc for e in events)),
        mentions=[e.line for e in events],
        sources=list(events),
    )


# --------------------------------------------------------------------------- ids


def fresh_id(person_key: str, org_key: str, period: str, salt: int = 0) -> str:
    """``mg_`` + 16 hex digits of the anchor (person key, organization key, period)."""
    text = f"{person_key}\x1f{org_key}\x1f{period}" + (f"\x1f{salt}" if salt else "")
    return "mg_" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def mention_keys(e: SourceEvent) -> list[str]:
    """What identifies one mention across runs: its event id, or (document, organization, any name)."""
    out = [f"id\x1f{e.line['event_id']}"] if e.line.get("event_id") else []
    out.extend(f"nm\x1f{e.doc}\x1f{e.org.key}\x1f{k}" for k in e.person_keys)
    return out


@dataclass
class PreviousIds:
    """Merged ids of an earlier run, looked up by the mentions they were made of."""

    by_mention: dict[str, str] = field(default_factory=dict)
    by_anchor: dict[tuple[str, str, str], str] = field(default_factory=dict)
    order: dict[str, int] = field(default_factory=dict)  # id → position in the earlier file

    @classmethod
    def from_lines(cls, lines: Iterable[dict], keys: Keys) -> "PreviousIds":
        prev = cls()
        for position, line in enumerate(lines):
            merged_id = line.get("merged_id")
            if not isinstance(merged_id, str) or merged_id in prev.order:
                continue
            prev.order[merged_id] = position
            for i, mention in enumerate(line.get("mentions") or []):
                e = source_event(i, mention, keys) if isinstance(mention, dict) else None
                if e is not None:
                    for k in mention_keys(e):
                        prev.by_mention.setdefault(k, merged_id)
            anchor = (line.get("person_key"), line.get("org_key"), line.get("period"))
            if all(isinstance(a, str) for a in anchor):
                prev.by_anchor.setdefault(anchor, merged_id)  # type: ignore[arg-type]
        return prev


def _votes(event: MergedEvent, previous: PreviousIds) -> Counter:
    """Earlier ids this event's mentions belonged to, one vote per mention."""
    votes: Counter = Counter()
    for e in event.sources:
        ids = {previous.by_mention[k] for k in mention_keys(e) if k in previous.by_mention}
        votes.update(ids)
    if not votes:
        for k in dict.fromkeys(k for e in event.sources for k in e.person_keys):
            hit = previous.by_anchor.get((k, event.org_key, event.period))
            if hit:
                votes[hit] += 1
    return votes


def assign_ids(events: Sequence[MergedEvent], previous: Optional[PreviousIds] = None) -> int:
    """Give every merged event its id; returns how many ids were kept from ``previous``.

    Why not derive the id from the alias component, say its smallest key: adding an
    article that brings a new alias (or a traditional spelling) would change the
    smallest key and rename the event. No function of the name set alone can be
    stable under adding names, so ids are anchored in history:

    1. With an earlier merged file, an event keeps the id of the earlier event most
       of its mentions belonged to (mentions are recognised by their event id, or
       by document + organization + name when the extractor changed). Two earlier
       events joined by a bridging article keep the id of the larger (then the
       earlier) one; the other id is listed in ``replaces``.
    2. Otherwise the id is a hash of the anchor: the person key of the first-seen
       mention (input order), the organization key, and the period (the year, or
       ``undated``). Articles appended after the existing input never change it.

    ``departures extract --merge`` and ``departures merge`` use the merged file
    already at the output path as the earlier file, so re-running after adding
    articles (in any order, dated or not) keeps every id.
    """
    previous = previous or PreviousIds()
    claims = []
    for i, event in enumerate(events):
        votes = _votes(event, previous)
        claims.extend((-n, previous.order.get(mid, 0), i, mid) for mid, n in votes.items())
    claims.sort()
    taken: set[str] = set()
    for _, _, i, mid in claims:
        if not events[i].merged_id and mid not in taken:
            events[i].merged_id = mid
            taken.add(mid)
    kept = len(taken)
    for _, _, i, mid in claims:  # earlier ids nobody kept: folded into the strongest claimant
        if mid not in taken:
            events[i].replaces.append(mid)
            taken.add(mid)
    used = taken | set(previous.order)
    for event in events:
        if event.merged_id:
            continue
        salt = 0
        candidate = fresh_id(event.person_key, event.org_key, event.period)
        while candidate in used:
            salt += 1
            candidate = fresh_id(event.person_key, event.org_key, event.period, salt)
        event.merged_id = candidate
        used.add(candidate)
    return kept


# --------------------------------------------------------------------------- driver


@dataclass
class MergeResult:
    """Merged events plus what a run summary reports."""

    events: list[MergedEvent]
    mentions: int
    skipped: int
    kept_ids: int

    @property
    def conflicts(self) -> int:
        return sum(1 for e in self.events if e.conflict)


def merge_events(
    lines: Iterable[dict],
    previous: Optional[Iterable[dict]] = None,
    lexicon: Optional[OrgLexicon] = None,
) -> MergeResult:
    """Event lines of many documents → merged events, in first-seen order."""
    keys = Keys(lexicon or org_lexicon())
    events: list[SourceEvent] = []
    skipped = 0
    for index, line in enumerate(lines):
        e = source_event(index, line, keys)
        if e is None:
            skipped += 1
        else:
            events.append(e)
    merged: list[MergedEvent] = []
    for person in person_components(events):
        reps = org_representatives([e.org for e in person])
        by_org: dict[str, list[SourceEvent]] = defaultdict(list)
        for e in person:
            by_org[reps[e.org.key]].append(e)
        for org_key, group in by_org.items():
            merged.extend(build_event(d, org_key, keys) for d in split_departures(group))
    merged.sort(key=lambda m: m.sources[0].index)
    prev = PreviousIds.from_lines(previous, keys) if previous is not None else None
    kept = assign_ids(merged, prev)
    return MergeResult(merged, len(events), skipped, kept)


def merged_path_for(events_path: PathLike) -> Path:
    """``out/events.jsonl`` → ``out/events.merged.jsonl``."""
    path = Path(events_path)
    return path.with_name(f"{path.stem}.merged.jsonl")


def write_merged(events: Sequence[MergedEvent], output: PathLike) -> None:
    """One JSON line per merged event; written to a temporary file and renamed into place."""
    out = Path(output)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.{os.getpid()}.tmp")
    try:
        with open(tmp, "w", encoding="utf-8") as handle:
            for event in events:
                handle.write(json.dumps(event.to_json(), ensure_ascii=False))
                handle.write("\n")
        os.replace(tmp, out)
    finally:
        if tmp.exists():
            tmp.unlink()


def merge_files(
    inputs: Sequence[PathLike],
    output: PathLike,
    previous: Optional[PathLike] = None,
    quiet: bool = False,
) -> MergeResult:
    """Read events files, merge them, write ``output``; a summary goes to stderr."""
    started = time.monotonic()
    lines, bad = read_jsonl(inputs)
    earlier = None
    if previous is not None and Path(previous).is_file():
        earlier, _ = read_jsonl([previous])
    result = merge_events(lines, earlier)
    result.skipped += bad
    write_merged(result.events, output)
    if not quiet:
        docs = len({d for e in result.events for d in e.docs})
        kept = f", {result.kept_ids} ids kept from {previous}" if earlier is not None else ""
        print(
            f"departures: merged {result.mentions} events of {docs} documents into {len(result.events)} "
            f"({result.conflicts} with conflicts, {result.skipped} lines skipped{kept}), "
            f"{time.monotonic() - started:.1f}s → {output}",
            file=sys.stderr,
        )
    return result
