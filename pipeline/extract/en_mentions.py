"""People, organizations and titles in one parsed English sentence.

The small English model's entity labels are unreliable on names it has not seen
(it calls OpenAI a place, Sharma a nationality, Northfield Labs a person), so its
labels are one source among several:

* organizations: the lexicon (``models/orgs.tsv``), capitalized phrases ending in
  an organization word (``models/en/org_words.txt``), then the model's ORG spans;
* people: the model's PERSON spans that are not organizations, short forms the
  document has established (Mehra → Rohan Mehra), and — decided later, by the
  pattern that needs one — full-looking names in a position only a person takes;
* titles: ``models/en/titles.tsv``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from ..entities import org_lexicon
from ..records import Mention, Sentence
from ..segment import DATELINE
from .en_lexicon import PARTICLES_OF_NAMES, find_titles, looks_like_person_name, org_phrases

Span = tuple[int, int]


@dataclass
class ParsedSentence:
    """A sentence with its spaCy parse and its mentions (analysis offsets)."""

    sentence: Sentence
    doc: object  # spacy.tokens.Doc of the sentence text
    orgs: list[Mention] = field(default_factory=list)
    persons: list[Mention] = field(default_factory=list)
    titles: list[Span] = field(default_factory=list)  # local offsets

    @property
    def text(self) -> str:
        return self.sentence.text

    def local(self, mention: Mention) -> Span:
        return mention.start - self.sentence.start, mention.end - self.sentence.start

    def mention(self, kind: str, start: int, end: int, canonical: Optional[str] = None) -> Mention:
        """A mention from local offsets."""
        return Mention(kind, self.sentence.start + start, self.sentence.start + end, self.text[start:end], canonical)

    def org_at(self, token) -> Optional[Mention]:
        return _covering(self.orgs, self.sentence.start + token.idx)

    def person_at(self, token) -> Optional[Mention]:
        return _covering(self.persons, self.sentence.start + token.idx)

    def title_at(self, token) -> Optional[Span]:
        return next(((s, e) for s, e in self.titles if s <= token.idx < e), None)

    def add_person(self, person: Mention) -> None:
        """A person decided by position wins over an organization the model guessed there."""
        self.orgs = [o for o in self.orgs if not (o.start < person.end and person.start < o.end) or o.canonical]
        if person not in self.persons:
            self.persons.append(person)


def _covering(mentions: list[Mention], pos: int) -> Optional[Mention]:
    for mention in mentions:
        if mention.start <= pos < mention.end:
            return mention
    return None


def _overlaps(start: int, end: int, spans: list[Span]) -> bool:
    return any(s < end and start < e for s, e in spans)


def find_orgs(
    text: str,
    spacy_doc,
    known_people: frozenset[str] | set[str] = frozenset(),
    titles: Optional[list[Span]] = None,
) -> list[tuple[int, int, Optional[str]]]:
    """Organization spans (local offsets) with their lexicon key when known;
    ``known_people`` are names the document already gave to people (Vasquell);
    ``titles``: ``find_titles(text)`` when the caller has it already."""
    spans: list[tuple[int, int, Optional[str]]] = [(m.start, m.end, m.canonical) for m in org_lexicon().find(text)]
    taken = [(s, e) for s, e, _ in spans]
    for start, end in org_phrases(text):
        if not _overlaps(start, end, taken):
            spans.append((start, end, None))
            taken.append((start, end))
    if titles is None:
        titles = find_titles(text)
    for ent in spacy_doc.ents:
        if ent.label_ != "ORG":
            continue
        start, end = ent.start_char, ent.end_char
        if ent[0].lower_ == "the" and len(ent) > 1:
            start = ent[1].idx
        while end > start and text[end - 1] in "'’s" and text[end - 2 : end] in ("'s", "’s"):
            end -= 2
        if end > start and text[end - 1] in "'’":
            end -= 1
        if _overlaps(start, end, taken) or not text[start:end][:1].isupper():
            continue
        if _overlaps(start, end, titles):
            continue  # the model reads "CTO" or "Board" as an organization
        if _inside_parentheses(text, start):
            continue  # (Reuters), (Bloomberg): the wire, not the employer
        if DATELINE.match(text) and start < DATELINE.match(text).end():
            continue  # DETROIT, Nov 13 (Reuters) -: the dateline's city
        if text[start:end] in known_people:
            continue
        if text[start:end] in ("Company", "Board", "Group", "Corporation", "Firm", "Bank", "Club", "Council"):
            continue  # "the Company" of a press release stands for the one in focus
        spans.append((start, end, None))
        taken.append((start, end))
    # Engineers at Lumora, a partner with Larch & Pike: a capitalized name after
    # "at"/"with" that the model typed as nothing is an employer.
    title_ends = {e for _, e in titles}
    for m in _EMPLOYER_AFTER.finditer(text):
        start, end = m.span(1)
        after_title = m.start() - 1 in title_ends or m.start() in title_ends  # head of cabin design at Aerolenta
        blocked = ("PERSON", "LOC", "DATE", "NORP") if after_title else ("PERSON", "GPE", "LOC", "DATE", "NORP")
        if not _overlaps(start, end, taken) and not any(e.start_char <= start < e.end_char and e.label_ in blocked for e in spacy_doc.ents):
            spans.append((start, end, None))
            taken.append((start, end))
    return sorted(s for s in spans if not _inside_parentheses(text, s[0]) or s[2])


_EMPLOYER_AFTER = re.compile(
    r"\b(?:at|with|from rival|from)\s+((?:[A-Z][\w.'’-]*)(?:\s+(?:&\s+)?[A-Z][\w.'’-]*){0,3})(?=[\s,.;:)]|$)"
)


def _inside_parentheses(text: str, pos: int) -> bool:
    return text[:pos].count("(") > text[:pos].count(")")


def name_span(token, titles: list[Span], orgs: list[Span]) -> Optional[Span]:
    """The proper-noun run that ends at ``token`` (a name), stopped by titles and organizations."""
    if token.pos_ != "PROPN" or not token.text[:1].isupper():
        return None
    doc = token.doc
    first = token.i
    while first - 1 >= 0:
        prev = doc[first - 1]
        if _overlaps(prev.idx, prev.idx + len(prev.text), titles + orgs):
            break
        if prev.pos_ == "PROPN" and prev.text[:1].isupper() and prev.dep_ in ("compound", "flat", "nmod", "nsubj", "appos"):
            first -= 1
        elif prev.lower_ in PARTICLES_OF_NAMES and first - 2 >= 0 and (doc[first - 2].pos_ == "PROPN" or doc[first - 2].lower_ in PARTICLES_OF_NAMES):
            first -= 1  # Dieter van der Brink
        else:
            break
    last = token.i
    while last + 1 < len(doc):
        nxt = doc[last + 1]
        if nxt.pos_ == "PROPN" and nxt.text[:1].isupper() and nxt.head.i == token.i and nxt.dep_ in ("flat", "appos") and nxt.idx == doc[last].idx + len(doc[last].text) + 1:
            last += 1
        else:
            break
    start, end = doc[first].idx, doc[last].idx + len(doc[last].text)
    if any(s <= start and end <= e for s, e in orgs):
        return None
    return start, end


def find_persons(text: str, spacy_doc, orgs: list[Span], titles: list[Span], known: set[str]) -> list[Span]:
    """Person spans: model PERSON entities that are no organization or title, and
    proper nouns the document already knows as names."""
    out: list[Span] = []
    taken = list(orgs)

    def add(start: int, end: int) -> None:
        if end > start and not _overlaps(start, end, taken):
            out.append((start, end))
            taken.append((start, end))

    for ent in spacy_doc.ents:
        if ent.label_ != "PERSON":
            continue
        start, end = ent.start_char, ent.end_char
        if text[start:end].endswith(("'s", "’s")):
            end -= 2
        elif text[end - 1 : end] in ("'", "’"):
            end -= 1
        # The model often takes a title into the name: "Coach Marco Salva".
        for s, e in titles:
            if s <= start < e < end:
                start = e + len(text[e:end]) - len(text[e:end].lstrip())
        # ... or leaves out a first name before a particle: Dieter | van der Molen
        first = ent[0]
        if first.lower_ in PARTICLES_OF_NAMES and first.i > 0:
            prev = spacy_doc[first.i - 1]
            if prev.pos_ == "PROPN" and prev.text[:1].isupper() and not any(s <= prev.idx < e for s, e in titles + orgs):
                start = prev.idx
        if find_titles(text[start:end]) == [(0, end - start)]:
            continue
        add(start, end)
    for token in spacy_doc:
        if token.text in known and token.text[:1].isupper() and token.pos_ in ("ADJ", "NOUN", "VERB") and not _overlaps(token.idx, token.idx + len(token.text), taken):
            add(token.idx, token.idx + len(token.text))  # the tagger calls a sentence-initial "Varkey" an adjective
            continue
        if token.pos_ != "PROPN" or (token.dep_ == "compound" and token.head.pos_ == "PROPN"):
            continue
        span = name_span(token, titles, orgs)
        if span is None:
            continue
        surface = text[span[0] : span[1]]
        if token.ent_type_ == "ORG" and len(surface.split()) > 1:
            continue  # the model says organization; a full name it calls ORG is decided by position
        if surface in known or token.text in known and len(surface.split()) == 1:
            add(*span)
        elif token.ent_type_ == "PERSON" and looks_like_person_name(surface):
            add(*span)
    return sorted(out)


def person_by_position(parsed: ParsedSentence, token) -> Optional[Mention]:
    """A name the model typed as something else, taken as a person because the
    pattern puts it where only a person stands (the subject of "resigned")."""
    lexicon_spans = [(m.start, m.end) for m in org_lexicon().find(parsed.text)]
    span = name_span(token, parsed.titles, lexicon_spans)
    if span is None or not looks_like_person_name(parsed.text[span[0] : span[1]]):
        return None
    person = parsed.mention("person", *span)
    parsed.add_person(person)
    return person


_POSSESSIVE = r"(?:'s|’s|'|’)?"
# Honorifics between a title and a name: chief medical officer Dr. Alicia Morland.
_HONORIFIC = r"(?:(?:Dr|Mr|Mrs|Ms|Prof|Sir|Dame|Rev|Gen|Col|Capt|Sen|Rep|Gov)\.?\s+)?"


def role_near(parsed: ParsedSentence, person: Mention) -> Optional[Mention]:
    """A title right before the name (CTO Maria Vasquell, its president, Mark Eliot) or
    in apposition after it (Maria Vasquell, the chief executive of Acme,)."""
    text = parsed.text
    ps, pe = parsed.local(person)
    for s, e in parsed.titles:
        if e <= ps and re.fullmatch(r"\s*(?:,\s*)?" + _HONORIFIC, text[e:ps]):
            return parsed.mention("role", s, e)
    for s, e in parsed.titles:
        gap = text[pe:s]
        if s >= pe and re.fullmatch(r"\s*,\s*(?:(?:the|a|an|its|his|her|their|then|former)\s+|[A-Z][\w&.\-]*(?:\s+[A-Z][\w&.\-]*)*(?:'s|’s|'|’)?\s*)*", gap):
            return parsed.mention("role", s, e)
    return None



def org_near_person(parsed: ParsedSentence, person: Mention, role: Optional[Mention]) -> Optional[Mention]:
    """An organization in the person's own noun phrase: OpenAI CTO Maria Vasquell;
    Maria Vasquell, OpenAI's CTO; Maria Vasquell, CTO at OpenAI; Acme's Maria Vasquell."""
    text = parsed.text
    lo, hi = parsed.local(person)
    if role is not None:
        rs, re_ = parsed.local(role)
        lo, hi = min(lo, rs), max(hi, re_)
    for org in parsed.orgs:
        os_, oe = parsed.local(org)
        if oe <= lo and re.fullmatch(r"\s*" + _POSSESSIVE + r"\s*(?:former\s+|then-?\s*|longtime\s+)?", text[oe:lo]):
            return org
        if role is not None and os_ >= hi and re.fullmatch(r"\s*,?\s*(?:the\s+)?(?:at|of|with|for)\s+(?:the\s+)?", text[hi:os_]):
            return org
        if role is not None and lo <= os_ and oe <= parsed.local(role)[0] and re.fullmatch(_POSSESSIVE + r"\s*", text[oe : parsed.local(role)[0]]):
            return org  # Maria Vasquell, OpenAI's CTO
        if role is not None and parsed.local(role)[1] <= os_ and oe <= parsed.local(person)[0]:
            between_role = text[parsed.local(role)[1] : os_]
            between_person = text[oe : parsed.local(person)[0]]
            if re.fullmatch(r"\s*(?:of|at)\s+(?:the\s+)?", between_role) and re.fullmatch(r"\s*,\s*", between_person):
                return org  # The director of the Bureau of Civic Statistics, Ada Okoro-Bright
    return None


_COPULA = re.compile(
    r"\s+(?:is|was|has been|had been|serves as|served as|works as|worked as)\s+(?:a|an|the|its|their)?\s*(?:former\s+|longtime\s+)?"
)


def copula(parsed: ParsedSentence, person: Mention) -> tuple[Optional[Mention], Optional[Mention]]:
    """(role, org) of "X is a researcher at A", "X was the CFO of A", "X is A's head of sales"."""
    text = parsed.text
    _, pe = parsed.local(person)
    match = _COPULA.match(text, pe)
    if match is None:
        return None, None
    pos = match.end()
    org_first = next((o for o in parsed.orgs if parsed.local(o)[0] == pos), None)
    if org_first is not None:
        pos = parsed.local(org_first)[1]
        pos += len(re.match(_POSSESSIVE + r"\s*", text[pos:]).group())
    title = next(((s, e) for s, e in parsed.titles if s == pos), None)
    if title is None:
        return None, None
    role = parsed.mention("role", *title)
    if org_first is not None:
        return role, org_first
    after = re.match(r"\s+(?:at|of|with|for)\s+(?:the\s+)?", text[title[1] :])
    org = None
    if after is not None:
        org = next((o for o in parsed.orgs if parsed.local(o)[0] == title[1] + after.end()), None)
    return role, org


def person_after_title(parsed: ParsedSentence, token) -> Optional[Mention]:
    """its head of operations, Ken Aldous / chief marketing officer Dev Arora."""
    title = parsed.title_at(token)
    if title is None:
        return None
    for person in parsed.persons:
        ps, _ = parsed.local(person)
        if ps >= title[1] and re.fullmatch(r"\s*,?\s*", parsed.text[title[1] : ps]):
            return person
    return None
