"""Candidates of one document → events: one per (person, organization).

An article usually states one departure several times (a headline, a table row,
the body); each statement is a candidate. Here they become one event that cites
every sentence, takes the most precise date, the most senior title, and the
strongest evidence for its status. Output strings are quoted from the *source*
text, so a traditional article yields traditional names.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from typing import Iterable, Optional

from .entities import org_lexicon, titles_rank
from .normalize import clean_value
from .records import Candidate, Document, Event, Mention, SourceSpan

_PRECISION_ORDER = {"day": 5, "month": 4, "quarter": 3, "half": 2, "year": 1}
_FOLD = re.compile(r"[\s.\-·・•_'’\"“”()（）]")


def fold(name: str) -> str:
    """A key for comparing names: NFKC, case-folded, no spaces, dots, hyphens or quotes."""
    return _FOLD.sub("", unicodedata.normalize("NFKC", name).casefold())


def org_key(org: Mention) -> str:
    """Organizations compare by their lexicon key when they have one."""
    canonical = org.canonical or org_lexicon().canonical(org.text) or org.text
    return fold(canonical)


@dataclass
class _Group:
    person_key: str
    org_key: str
    candidates: list[Candidate]


def source_text(doc: Document, mention: Mention) -> str:
    """The source-script string a mention stands for, without debris or markup."""
    if mention.end <= mention.start:
        return mention.text
    return clean_value(doc.analysis.source_span(mention.start, mention.end).text)


def _find_surface(doc: Document, surface: str) -> str:
    """A name known only as an analysis string, quoted from the source when it occurs."""
    pos = doc.text.find(surface)
    if pos < 0:
        return surface
    return clean_value(doc.analysis.source_span(pos, pos + len(surface)).text)


def resolve_document(
    doc: Document,
    candidates: Iterable[Candidate],
    canonical: Optional[dict[str, str]] = None,
    aliases: Optional[dict[str, set[str]]] = None,
) -> list[Event]:
    """Merge a document's candidates into events.

    ``canonical`` maps any surface of a person to the document's canonical name,
    ``aliases`` the canonical name to its other surfaces (both from the
    extractor's memory of the document).
    """
    canonical = canonical or {}
    aliases = aliases or {}
    groups: dict[tuple[str, str], _Group] = {}
    orgs = org_lexicon()
    for cand in candidates:
        if cand.org is None or cand.person is None:
            continue
        person_name = canonical.get(cand.person.text, cand.person.text)
        if orgs.canonical(person_name) or fold(person_name) == org_key(cand.org):
            continue  # an organization mistaken for a person
        key = (fold(person_name), org_key(cand.org))
        group = groups.setdefault(key, _Group(key[0], key[1], []))
        group.candidates.append(cand)
    events = [_merge(doc, group, canonical, aliases) for group in groups.values()]
    events.sort(key=lambda e: (e.sources[0].start if e.sources else 0, e.person))
    return events


def _merge(doc: Document, group: _Group, canonical: dict[str, str], aliases: dict[str, set[str]]) -> Event:
    cands = sorted(group.candidates, key=lambda c: c.sentence.start)
    best = max(cands, key=lambda c: c.score)
    surfaces = [c.person.text for c in cands]
    name = canonical.get(surfaces[0], surfaces[0])
    person = _find_surface(doc, name)
    alias_set: list[str] = []
    for surface in surfaces + sorted(aliases.get(name, ())):
        shown = _find_surface(doc, surface) if surface != name else person
        if fold(shown) != fold(person) and shown not in alias_set:
            alias_set.append(shown)

    org = best.org if best.org is not None else cands[0].org
    role = _pick_role(doc, cands)
    date, precision = _pick_date(cands)
    destination = next((source_text(doc, c.destination) for c in _by_score(cands) if c.destination), None)
    reason = next((source_text(doc, c.reason) for c in _by_score(cands) if c.reason), None)
    status = "confirmed" if any(c.status == "confirmed" for c in cands) else best.status
    if status == "confirmed" and any(c.status == "planned" for c in cands) and _after_anchor(doc, date, precision):
        status = "planned"  # 公司宣布,总裁X将于12月31日卸任: announced, and still to happen

    sentences = []
    seen = set()
    for c in cands:
        for s in [c.sentence] + list(c.extra_sentences):
            if s.start not in seen:
                seen.add(s.start)
                sentences.append(s)
    sentences.sort(key=lambda s: s.start)
    sources = [doc.analysis.source_span(s.start, s.end) for s in sentences]

    confidence = 1.0
    for c in cands:
        confidence *= 1.0 - min(c.score, 0.99)
    confidence = min(0.99, 1.0 - confidence)
    rules = sorted({c.rule for c in cands})
    event = Event(
        doc=doc.article.doc_id,
        person=person,
        org=source_text(doc, org),
        role=role,
        date=date,
        date_precision=precision,
        destination=destination,
        reason=reason,
        status=status,
        confidence=round(confidence, 3),
        person_aliases=alias_set,
        sources=sources,
        rule="+".join(rules),
        lang=doc.lang,
    )
    event.event_id = event_id(event.doc, group.person_key, group.org_key)
    return event


def event_id(doc: str, person_key: str, org_key_: str) -> str:
    """Stable across runs: the same document, person and organization give the same id."""
    digest = hashlib.sha1(f"{doc}\x1f{person_key}\x1f{org_key_}".encode("utf-8")).hexdigest()
    return f"ev_{digest[:16]}"


def _by_score(cands: list[Candidate]) -> list[Candidate]:
    return sorted(cands, key=lambda c: -c.score)


def _pick_role(doc: Document, cands: list[Candidate]) -> Optional[str]:
    """The most senior lexicon title; a free-text table cell only when nothing better."""
    roles = [c.role for c in cands if c.role is not None]
    if not roles:
        return None
    best = min(roles, key=lambda r: (titles_rank(r.text), r.start))
    return source_text(doc, best)


def _after_anchor(doc: Document, date: Optional[str], precision: Optional[str]) -> bool:
    """Does the event's date fall after the publication date, at the date's precision?"""
    if date is None or doc.anchor is None or precision not in ("day", "month", "year"):
        return False
    anchor = doc.anchor.date.isoformat()
    return date > anchor[: len(date)]


def _pick_date(cands: list[Candidate]) -> tuple[Optional[str], Optional[str]]:
    """The most precise date; among equally precise ones, the date a departure takes effect
    (今(9)日公告,总经理X因届龄退休,将于11月30日卸任: 11月30日, from the planned statement)
    rather than the day it was announced."""
    dated = [c for c in cands if c.date is not None]
    if not dated:
        return None, None
    top = max(_PRECISION_ORDER[c.date.precision] for c in dated)
    precise = [c for c in dated if _PRECISION_ORDER[c.date.precision] == top]
    best = next((c for c in precise if c.status == "planned"), precise[0]).date
    return best.value, best.precision


def write_sources(sources: list[SourceSpan]) -> list[dict]:
    return [s.to_json() for s in sources]
