"""English departure patterns over a spaCy dependency parse.

Why dependencies rather than word windows: English news puts the person, the
organization and the title in many orders ("OpenAI CTO Maria Vasquell resigned",
"Maria Vasquell, OpenAI's CTO, resigned", "Vasquell stepped down as chief technology
officer of OpenAI", "Acme fired its CEO John Smith"), and the parse says which
noun phrase is the one that leaves.

Each pattern family below is one small function from a trigger token to
(person, organization left, destination) triples; which lemma belongs to which
family, and how precise each family is, is data (``models/en/triggers.tsv``).
Status cues (reported, rumored, denied, planned, attempts) are data too
(``models/en/cues.tsv``).

Only sentences that contain a trigger stem are parsed, plus the sentence before
each (for "he" and for the organization in focus): most sentences of most
articles never reach the parser. Parsing stops at the last sentence that could
yield a candidate at all (``could_yield``, a necessary condition read off the
words), and a document without one is not parsed. Parsing is most of the cost,
and spaCy's cost per sentence falls with the size of its batch, so the work is
split in three: ``sentences_to_parse`` for each document, ``parse_sentences``
for the sentences of many documents at once (``run.process_articles``), and
``extract_parsed`` for each document; ``extract_en`` does the three for one.
"""
from __future__ import annotations

import functools
import logging
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Callable, Optional

from .. import dates as dates_mod
from ..entities import LATIN_NAME, org_lexicon
from ..records import Candidate, DateValue, Document, Extraction, Mention, Sentence
from .en_lexicon import (
    Trigger,
    org_phrases,
    find_titles,
    job_nouns,
    looks_like_person_name,
    org_nouns,
    states_attempt,
    status_of,
    title_starts_at,
    trigger_forms,
    trigger_hits,
    triggers,
)
from .en_model import load_english_model
from .en_mentions import (
    ParsedSentence,
    copula,
    find_orgs,
    find_persons,
    org_near_person,
    person_after_title,
    person_by_position,
    role_near,
)

__all__ = ["could_yield", "extract_en", "extract_parsed", "load_english_model", "parse_sentences", "sentences_to_parse", "trigger_hits"]

log = logging.getLogger(__name__)

_PERSON_PRONOUNS = {"he", "she", "him", "her", "his", "hers"}
_ORG_PRONOUNS = {"it", "its"}
_RELATIVE = {"who", "whom", "that", "which"}
_SENTENCE_WORDS = {"The", "A", "An", "In", "On", "At", "But", "And", "After", "Before", "When", "While", "Former", "Last", "This", "Earlier", "Later"}
# Verbs whose subject is the one whose departure "his/her departure" is (X announced his exit).
_SELF_REPORTING = {"announce", "tender", "submit", "hand", "confirm", "explain", "defend", "discuss", "post", "publish", "make", "offer", "take"}
_JOIN_BEFORE = re.compile(r"\b(?:join|joins|joined|joining|to|for|at rival|move to|moving to)\s+(?:the\s+|rival\s+)?$", re.IGNORECASE)
_SURFACE_LEMMAS = {"sack", "fire", "oust", "dismiss", "waive", "release", "axe", "terminate", "resign", "quit", "retire", "step", "depart", "exit", "leave", "let", "part"}
_ATTEMPT_BEFORE = re.compile(r"\b(?:tried|attempted|sought|offered|hoped) to (?:hire|poach|lure|recruit)\s+$", re.IGNORECASE)
# Corporate words whose name without them is the same organization (Novexta Inc → Novexta).
_CORPORATE_WORDS = {"Inc", "Corp", "Corporation", "Ltd", "LLC", "PLC", "plc", "AG", "SA", "Co", "Group", "Holdings", "Company"}
_SAY_VERBS = {"say", "announce", "confirm", "tell", "disclose", "report", "state", "deny", "dismiss"}
_REASON = re.compile(
    r"\b(?:citing|cited|due to|because of|owing to|over|amid|for)\s+"
    r"((?:personal|health|family|medical)\s+reasons|[^,.;]{3,60}?)(?=[,.;]|\s+(?:and|but|after|before|in|on|last|this)\b|$)",
    re.IGNORECASE,
)
# Verbs of the move family whose object is the one who moves (B hired X from A).
_HIRING_LEMMAS = ("hire", "poach")
_ELECTION_WORDS = ("reelection", "re-election", "election")
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
    persons_seen: set[str] = field(default_factory=set)
    org_short: dict[str, str] = field(default_factory=dict)  # Novexta → Novexta Inc

    def resolve(self, name: str) -> str:
        return self.full_names.get(name, name)

    def known_names(self) -> set[str]:
        return set(self.full_names) | set(self.aliases) | self.persons_seen

    def count_org(self, org: Mention) -> None:
        key = org.canonical or org.text
        self.org_counts[key] += 1
        self.org_first.setdefault(key, org)

    def dominant_org(self) -> Optional[Mention]:
        for key, _count in self.org_counts.most_common():
            if key not in self.persons_seen and key not in self.full_names.values():
                return self.org_first.get(key)
        return None


def _prime(doc: Document, memory: _Memory) -> None:
    """Full names anywhere in the document give their short forms (Mehra → Rohan Mehra)."""
    owners: dict[str, set[str]] = {}
    for m in LATIN_NAME.finditer(doc.text):
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
    for match in org_lexicon().find(doc.text):
        memory.count_org(Mention("org", match.start, match.end, doc.text[match.start : match.end], match.canonical))
    # Novexta Inc … Novexta said: the name without its corporate word is the same organization.
    for start, end in org_phrases(doc.text):
        words = doc.text[start:end].split()
        if len(words) >= 2 and words[-1].rstrip(".,") in _CORPORATE_WORDS and words[0] not in _SENTENCE_WORDS:
            short = " ".join(words[:-1])
            if short not in memory.full_names and not org_lexicon().canonical(short):
                memory.org_short[short] = doc.text[start:end]


# ---------------------------------------------------------------------------
# small helpers over the parse


def _subjects(verb) -> list:
    """Subjects of a verb, through conjunctions (X and Y resigned), appositions
    (two executives, X and Y, left) and xcomp/conj chains (X said he would resign)."""
    found = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not found and verb.dep_ in ("xcomp", "conj") and verb.head is not verb:
        return _subjects(verb.head)
    out = []
    for subject in found:
        out.append(subject)
        out.extend(subject.conjuncts)
        for child in subject.children:
            if child.dep_ == "appos":
                out.append(child)
                out.extend(child.conjuncts)
    return out


def _pobj_of(head, *prepositions: str):
    """The object of the first of ``prepositions`` attached to ``head`` ("out of" as one)."""
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ in prepositions:
            for grandchild in child.children:
                if grandchild.dep_ == "pobj":
                    return grandchild
                if grandchild.dep_ == "prep":  # out of X
                    return _pobj_of(child, grandchild.lower_)
        if child.dep_ in ("prt", "advmod") and child.lower_ == "out" and "of" in prepositions:
            found = _pobj_of(child, "of")
            if found is not None:
                return found
    return None


def _dobj(token):
    return next((c for c in token.children if c.dep_ == "dobj"), None)


def _particle_ok(verb, trig: Trigger) -> bool:
    if trig.particle is None:
        return True
    if trig.particle == "go":
        return any(c.lower_ == "go" for c in verb.children)
    return any(c.dep_ in ("prt", "advmod", "prep") and c.lower_ == trig.particle for c in verb.children)


def _org_in_subtree(parsed: ParsedSentence, token) -> Optional[Mention]:
    for t in token.subtree:
        org = parsed.org_at(t)
        if org is not None:
            return org
    return None


@dataclass
class _Context:
    """Everything a family needs besides the trigger token."""

    parsed: ParsedSentence
    memory: _Memory

    def sentence_org(self) -> Optional[Mention]:
        """The organization that speaks in this sentence (Acme said ...)."""
        for token in self.parsed.doc:
            if token.dep_ == "nsubj" and token.head.lemma_ in _SAY_VERBS:
                org = self.parsed.org_at(token)
                if org is not None:
                    return org
        return None

    def focus_org(self) -> Optional[Mention]:
        """The organization "the company" means: the one speaking in this sentence, else
        the one the article names most, else the last one named."""
        return self.sentence_org() or self.memory.dominant_org() or (self.memory.previous_orgs[0] if self.memory.previous_orgs else None)

    def org(self, token) -> Optional[Mention]:
        """The organization a noun phrase names: a known one, an org noun or "it"
        standing for the one in focus, or a proper noun in an organization-only position."""
        if token is None:
            return None
        org = _org_in_subtree(self.parsed, token)
        if org is not None:
            return org
        if token.lower_ in _ORG_PRONOUNS:
            return self.focus_org()
        if token.lemma_.lower() in org_nouns() and any(c.lower_ in ("the", "its", "this", "that") for c in token.children):
            return self.focus_org()
        if token.pos_ == "PROPN" and token.text[:1].isupper():
            person = self.parsed.person_at(token)
            if person is not None and self.memory.resolve(person.text) != person.text:
                return None  # a short form of someone the document named (Vasquell)
            # An organization-only slot (left X, from X, joined X): a name the model
            # called a person here is an organization (Pixel Forge).
            start = min(t.idx for t in token.subtree if t.pos_ == "PROPN")
            return self.parsed.mention("org", start, token.idx + len(token.text))
        return None

    def person(self, token) -> Optional[Mention]:
        """The named person a noun phrase stands for: a name, a title with a name
        beside it (its CEO, John Smith), a pronoun in focus, the head of a relative clause."""
        if token is None:
            return None
        parsed = self.parsed
        person = parsed.person_at(token)
        if person is not None:
            return person
        if token.lower_ in _PERSON_PRONOUNS:
            # Rydlow said he was stepping down: the one who says it
            clause = token.head
            if token.dep_ in ("nsubj", "nsubjpass") and clause.dep_ == "ccomp" and clause.head.lemma_ in _SAY_VERBS:
                sayer = next((c for c in clause.head.children if c.dep_ == "nsubj"), None)
                if sayer is not None and sayer.lower_ not in _PERSON_PRONOUNS:
                    person = parsed.person_at(sayer)
                    if person is not None:
                        return person
            return self.memory.focus_person
        if token.lower_ in _RELATIVE and token.head.dep_ == "relcl":
            return self.person(token.head.head)
        for child in token.children:
            if child.dep_ in ("appos", "compound", "flat"):
                person = parsed.person_at(child)
                if person is not None:
                    return person
        if token.lemma_ in ("contract", "employment", "services"):
            return self.person(_pobj_of(token, "of"))
        after_title = person_after_title(parsed, token)
        if after_title is not None:
            return after_title
        return person_by_position(parsed, token)

    def people(self, tokens) -> list[Mention]:
        out = []
        for token in tokens:
            person = self.person(token)
            if person is not None and person not in out:
                out.append(person)
        return out


Triple = tuple[Mention, Optional[Mention], Optional[Mention]]  # person, org left, destination


# ---------------------------------------------------------------------------
# the families


def _leave(token, ctx: _Context, strict: bool) -> list[Triple]:
    """X resigned (from A) / X quit A / X stepped down as CEO of A / X left A.

    ``strict`` (leave, exit) needs the organization stated as the object or after
    "from" / "as ... of": "left the meeting" is no departure.
    """
    org = ctx.org(_pobj_of(token, "from", "out of"))
    obj = _dobj(token)
    if org is None and obj is not None and obj.lemma_.lower() not in job_nouns():
        org = ctx.org(obj)
    as_obj = _pobj_of(token, "as") or (_pobj_of(obj, "as") if obj is not None else None)
    if org is None and as_obj is not None:
        org = ctx.org(_pobj_of(as_obj, "of", "at", "with")) or _org_in_subtree(ctx.parsed, as_obj) or _possessor(ctx, as_obj)
    if org is None and obj is not None and obj.lemma_.lower() in job_nouns():
        org = ctx.org(_pobj_of(obj, "at", "with", "of"))
    pushed = token.dep_ == "xcomp" and token.head.lemma_ in ("ask", "force", "tell", "order", "pressure")
    people = ctx.people(_subjects(token))
    if strict and org is None and obj is None and not pushed:
        # "left early" is nothing; but an employee named with employer and title who
        # "will leave at the end of the month", or who "left for" a new employer, left.
        employed = [p for p in people if p.start >= ctx.parsed.sentence.start and org_near_person(ctx.parsed, p, role_near(ctx.parsed, p))]
        moved_on = ctx.org(_pobj_of(token, "for")) is not None or _purpose(token)
        if employed:
            org = org_near_person(ctx.parsed, employed[0], role_near(ctx.parsed, employed[0]))
        elif moved_on and people:
            org = ctx.memory.dominant_org()
            if org is None or org == ctx.org(_pobj_of(token, "for")):
                return []
        else:
            return []
    if strict and org is None and obj is not None and obj.lemma_.lower() not in job_nouns():
        return []
    return [(p, org, None) for p in people]


def _possessor(ctx: _Context, title) -> Optional[Mention]:
    """Ostrania's finance minister: the owner of a title, whatever the model calls it (a country)."""
    owner = next((c for c in title.children if c.dep_ == "poss" and c.pos_ == "PROPN"), None)
    if owner is None or ctx.parsed.person_at(owner) is not None:
        return None
    start = min(t.idx for t in owner.subtree if t.pos_ == "PROPN")
    return ctx.parsed.mention("org", start, owner.idx + len(owner.text))


def _purpose(verb) -> bool:
    """left to start her own company / to join a rival: leaving with a purpose is leaving a job."""
    return any(c.dep_ in ("xcomp", "advcl") and c.lemma_ in ("start", "join", "launch", "found", "become", "pursue", "run", "lead", "take") for c in verb.children)


def _fired(token, ctx: _Context) -> list[Triple]:
    """X was fired (by A) / A fired X / X, who was ousted from A."""
    passive = any(c.dep_ == "auxpass" for c in token.children) or (token.tag_ == "VBN" and token.dep_ in ("acl", "relcl"))
    org = ctx.org(_pobj_of(token, "from", "at", "out of", "as"))
    if passive:
        people = ctx.people(_subjects(token) + ([token.head] if token.dep_ == "acl" else []))
        agent = next((c for c in token.children if c.dep_ == "agent"), None)
        if org is None and agent is not None:
            org = ctx.org(next((c for c in agent.children if c.dep_ == "pobj"), None))
    else:
        obj = _dobj(token)
        if token.lemma_ == "let":
            go = next((c for c in token.children if c.lower_ == "go"), None)
            obj = _pobj_of(go, "of") if go is not None and _pobj_of(go, "of") is not None else obj  # let go of X
        people = ctx.people(([obj] + list(obj.conjuncts)) if obj is not None else [])
        subject = next(iter(_subjects(token)), None)  # through conjunctions: waived X and released Y
        if org is None and subject is not None and subject.lower_ not in _PERSON_PRONOUNS:
            org = ctx.org(subject)
    return [(p, org, None) for p in people]


def _noun(token, ctx: _Context) -> list[Triple]:
    """X's resignation (from A) / the departure of X / X announced his departure."""
    person = None
    for child in token.children:
        if child.dep_ != "poss":
            continue
        person = ctx.person(child) if child.lower_ not in ("his", "her") else None
        if person is None and child.lower_ in ("his", "her"):
            governing = token.head
            while governing.dep_ == "prep" and governing.head is not governing:
                governing = governing.head
            subject = next(iter(ctx.people(_subjects(governing))), None)
            # X announced his departure: X. Y accepted his resignation: someone else, in focus.
            person = subject if governing.lemma_ in _SELF_REPORTING else ctx.memory.focus_person
            if person is not None and subject is not None and person == subject and governing.lemma_ not in _SELF_REPORTING:
                person = None
    if person is None:
        person = ctx.person(_pobj_of(token, "of"))
    if person is None:
        return []
    org = ctx.org(_pobj_of(token, "from", "at"))
    as_obj = _pobj_of(token, "as")
    if org is None and as_obj is not None:
        org = ctx.org(_pobj_of(as_obj, "of", "at"))
    return [(person, org, None)]


def _move(token, ctx: _Context) -> list[Triple]:
    """X joined B from A / B hired (poached) X from A / former A executive X joins B."""
    obj = _dobj(token)
    left = ctx.org(_pobj_of(token, "from"))
    if left is None and obj is not None:
        left = ctx.org(_pobj_of(obj, "from"))
    if token.lemma_ in _HIRING_LEMMAS:
        subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
        destination = ctx.org(subject) if subject is not None else None
        people = ctx.people([obj] if obj is not None else [])
    else:
        destination = ctx.org(obj) if token.lemma_ == "join" else ctx.org(_pobj_of(token, "to"))
        people = ctx.people(_subjects(token))
    out = []
    rival = obj is not None and any(c.lower_ in ("rival", "competitor") for c in obj.subtree)
    if left is None:
        # joined B as a partner from rival A: "from" hangs anywhere under the verb
        origins = (ctx.org(t) for t in token.subtree if t.dep_ == "pobj" and t.head.lower_ == "from")
        left = next((o for o in origins if o is not None), None)
    for person in people:
        origin = left or _former_org(ctx.parsed, person)
        if origin is None and token.lemma_ in _HIRING_LEMMAS:
            origin = org_near_person(ctx.parsed, person, role_near(ctx.parsed, person))  # poached X, the head of Y at A
        if origin is None and rival:
            origin = ctx.memory.dominant_org()  # joined rival Halvern Labs: left the one in focus
        if origin is not None and (destination is None or (origin.canonical or origin.text) != (destination.canonical or destination.text)):
            out.append((person, origin, destination))
    return out


def _parted(token, ctx: _Context) -> list[Triple]:
    """A parted ways with X / X parted ways with A (the parse of "parted ways" varies)."""
    ways = next((c for c in token.children if c.lower_ == "ways"), None)
    if ways is None and token.head.lower_ == "ways":
        ways = token.head
    if ways is None:
        return []
    partner = _pobj_of(token, "with") or _pobj_of(ways, "with")
    before = [t for t in ctx.parsed.doc[: token.i] if t.dep_ in ("nsubj", "npadvmod", "compound") and t.pos_ == "PROPN"]
    subject = next(iter(_subjects(token) or _subjects(ways)), None) or (before[-1] if before else None)
    if subject is None or partner is None:
        return []
    person = ctx.person(partner)
    if person is not None:
        return [(person, ctx.org(subject), None)]
    person = ctx.person(subject)
    return [(person, ctx.org(partner), None)] if person is not None else []


def _no_reelection(token, ctx: _Context) -> list[Triple]:
    """X will not seek re-election (to the board of A)."""
    if not any(c.dep_ == "neg" for c in token.children):
        return []
    if not any(t.lower_ in _ELECTION_WORDS for t in token.subtree):
        return []
    target = _pobj_of(token, "to", "on", "as")
    org = _org_in_subtree(ctx.parsed, target) if target is not None else None
    return [(p, org, None) for p in ctx.people(_subjects(token))]


_FAMILIES: dict[str, Callable[[object, _Context], list[Triple]]] = {
    "leave": functools.partial(_leave, strict=False),
    "depart": functools.partial(_leave, strict=True),
    "fired": _fired,
    "noun": _noun,
    "move": _move,
    "parted": _parted,
    "no_reelection": _no_reelection,
}
# Families whose trigger is itself negated ("will not seek re-election").
_NEGATED_FAMILIES = {"no_reelection"}
_FORCED_STATUS = {"no_reelection": "planned"}


def _former_org(parsed: ParsedSentence, person: Mention) -> Optional[Mention]:
    """Former Google engineer Ann Lee / Ann Lee, formerly of Google: the org left."""
    text = parsed.text
    ps, pe = parsed.local(person)
    window_start = max(0, ps - 60)
    match = re.search(r"\b(?:former|ex-)\s*([^,;]*?)\s*$", text[window_start:ps], re.IGNORECASE)
    if match is not None:
        lo = window_start + match.start(1)
        for org in parsed.orgs:
            if lo <= parsed.local(org)[0] < ps:
                return org
    after = re.match(r"\s*,\s*(?:formerly|previously)\s+(?:of|at|with)\s+", text[pe:])
    if after is not None:
        for org in parsed.orgs:
            if parsed.local(org)[0] == pe + after.end():
                return org
    return None


# ---------------------------------------------------------------------------
# fields


def _role(parsed: ParsedSentence, person: Mention, trigger) -> Optional[Mention]:
    """After "as" on the trigger (stepped down as CEO), else next to the name, else
    next to the first name of an enumeration it ends (directors X and Y)."""
    as_obj = _pobj_of(trigger, "as")
    obj = _dobj(trigger)
    if as_obj is None and obj is not None:
        as_obj = _pobj_of(obj, "as")
    if as_obj is not None:
        title = parsed.title_at(as_obj)
        if title is not None:
            return parsed.mention("role", *title)
    if not parsed.sentence.start <= person.start < parsed.sentence.end:
        return None
    role = role_near(parsed, person)
    if role is None:
        ps, _ = parsed.local(person)
        for other in parsed.persons:
            os_, oe = parsed.local(other)
            if oe < ps and re.fullmatch(r"(?:\s*,\s*[^,]{2,40}?)*\s*,?\s*(?:and|&)\s+", parsed.text[oe:ps]):
                role = role_near(parsed, other)
                break
    return role


def _destination(parsed: ParsedSentence, ctx: _Context, trigger) -> Optional[Mention]:
    """Where the person went: to join B / for B / to start a company."""
    for token in trigger.subtree:
        if token.lemma_ == "join" and token is not trigger:
            org = ctx.org(_dobj(token))
            if org is not None:
                return org
    target = _pobj_of(trigger, "for")
    if target is not None:
        org = _org_in_subtree(parsed, target)
        if org is not None:
            return org
    venture = _VENTURE.search(parsed.text, trigger.idx)
    if venture is not None:
        return parsed.mention("destination", venture.start(1), venture.end())
    return None


def _reason(parsed: ParsedSentence, trigger) -> Optional[Mention]:
    match = _REASON.search(parsed.text, trigger.idx)
    if match is None:
        return None
    phrase = match.group(1)
    if dates_mod.find_dates(phrase, None, "en") or find_titles(phrase) or (phrase.split()[0].lower() in ("the", "a") and len(phrase.split()) <= 1):
        return None
    if re.match(r"(?:\d|more than|nearly|about|almost|over)\b", phrase):
        return None  # "over 30 years", "for 12 years": a duration, not a reason
    return parsed.mention("reason", match.start(1), match.end(1))


def _date(parsed: ParsedSentence, doc: Document, trigger, future: bool) -> Optional[DateValue]:
    mentions = dates_mod.find_dates(parsed.text, doc.anchor, "en", prefer_future=future)
    mentions = [m for m in mentions if not re.search(r"\b(?:since|joined|in the job since)\s*$", parsed.text[: m.start])]
    if not mentions:
        return None
    nearest = min(mentions, key=lambda d: abs(d.start - trigger.idx))
    return nearest.value


# ---------------------------------------------------------------------------
# which sentences can yield a candidate, read before parsing
#
# Parsing is most of the cost of an English article, and most sentences with a
# trigger stem ("hired 300 engineers", "left the meeting") state no departure.
# ``could_yield`` is a necessary condition taken from what the code that reads the
# parse requires, so a sentence that fails it gives no candidate whatever its parse
# and whatever the document said before it. Keep it in step with the families.

# The move family names the organization left with "from", "former"/"ex-"/"previously"
# (_former_org) or a rival/competitor object; without one, _move returns nothing.
_ORIGIN_WORDS = frozenset({"from", "rival", "competitor"})
_ORIGIN_CUE = re.compile(r"\b(?:former|ex-)|previously", re.IGNORECASE)
# hire/poach also read it off the hired person's own phrase (org_near_person): a
# possessive or then/longtime after the organization (Vantage's X), ...
_OWN_PHRASE_CUE = re.compile(r"['’]|\b(?:then|longtime)\b", re.IGNORECASE)
# ... an organization after at/of/with/for (X, head of sales at Vantage) ...
_AFTER_PREPOSITION = re.compile(r"\b(?:at|of|with|for)\s+(?:the\s+)?", re.IGNORECASE)
# ... or right before the title (Vantage CTO X).
_CAPITALIZED_WORD = re.compile(r"[A-Z][\w&.\-]*")
_SPACES = re.compile(r"\s*")


def could_yield(text: str) -> bool:
    """Could the families or the surface patterns find a departure in this sentence?"""
    if not trigger_hits(text):
        return False
    if not (_SURFACE_VERBS.search(text) or _family_could_fire(text)):
        return False
    return not states_attempt(text)  # _sentence_candidates gives nothing for an attempt


def _family_could_fire(text: str) -> bool:
    """Is there a word that can carry a trigger lemma, with what its family needs?"""
    words = {token.lower_ for token in load_english_model().tokenizer(text)}
    forms = trigger_forms()
    lexicon = triggers()
    for word in words:
        for lemma in forms.get(word, ()):
            for pos in ("VERB", "NOUN"):
                for trig in lexicon.get((lemma, pos), ()):
                    if _trigger_could_fire(trig, words, text):
                        return True
    return False


def _trigger_could_fire(trig: Trigger, words: set[str], text: str) -> bool:
    """What the trigger's family needs besides the trigger (``words``: the sentence's
    tokens, lower-cased, as the parser will see them)."""
    if trig.particle is not None and trig.particle not in words:
        return False  # _particle_ok
    if trig.family == "parted":
        return "ways" in words
    if trig.family == "no_reelection":
        return any(word in words for word in _ELECTION_WORDS)
    if trig.family == "move":
        if words & _ORIGIN_WORDS or _ORIGIN_CUE.search(text):
            return True
        return trig.lemma in _HIRING_LEMMAS and (bool(words & _PERSON_PRONOUNS) or _hired_from_own_phrase(text))
    return True


def _hired_from_own_phrase(text: str) -> bool:
    """Could org_near_person name the organization a hired person comes from?

    It needs an organization right before the person or the title, or after them
    behind at/of/with/for; a pronoun (him, her) is tested by the caller, as the
    person it stands for lies outside the sentence. Organizations here are
    capitalized words or lexicon names: "said it had hired 300 engineers for its app
    team" has none in those places. (Unlike the other tests this one assumes that
    names are capitalized; an organization the model would end on a lower-case word
    right before a hired person is not foreseen.)
    """
    if _OWN_PHRASE_CUE.search(text):
        return True
    lexicon = org_lexicon().find(text)
    starts = {m.start for m in lexicon}
    for match in _AFTER_PREPOSITION.finditer(text):
        if text[match.end() : match.end() + 1].isupper() or match.end() in starts:
            return True
    ends = [m.end for m in lexicon] + [m.end() for m in _CAPITALIZED_WORD.finditer(text)]
    for end in ends:
        title = _SPACES.match(text, end).end()
        if title_starts_at(text, title):
            return True
    return False


# ---------------------------------------------------------------------------
# the extractor


# Sentences per spaCy minibatch. The model embeds, tags and parses a minibatch as a
# few large matrix products; a chunk of articles usually fits in one.
PARSE_BATCH = 256


def sentences_to_parse(doc: Document) -> list[int]:
    """Indices of the sentences the extractor needs parsed, in order; empty when
    no sentence of the document could yield a departure.

    Each sentence with a trigger stem is parsed with the sentence before it (for
    "he" and the organization in focus), as the extractor reads them; but only up
    to the last sentence that :func:`could_yield`, since what the document says
    after it can change no candidate.
    """
    wanted: set[int] = set()
    last = -1
    for i, sentence in enumerate(doc.sentences):
        if trigger_hits(sentence.text):
            wanted.update((i - 1, i) if i else (i,))
            if could_yield(sentence.text):
                last = i
    return sorted(i for i in wanted if i <= last)


def parse_sentences(texts: list[str]) -> list:
    """spaCy parses of sentence texts, one ``nlp.pipe`` for all (across documents:
    the model's cost per sentence falls with the size of the minibatch)."""
    return list(load_english_model().pipe(texts, batch_size=PARSE_BATCH))


def _analyse(sentence: Sentence, spacy_doc, memory: _Memory) -> ParsedSentence:
    parsed = ParsedSentence(sentence, spacy_doc)
    parsed.titles = find_titles(sentence.text)
    org_spans = find_orgs(sentence.text, spacy_doc, set(memory.full_names) | memory.persons_seen, parsed.titles)
    for short, full in memory.org_short.items():
        for m in re.finditer(r"(?<![\w-])" + re.escape(short) + r"(?![\w-])", sentence.text):
            if not any(s < m.end() and m.start() < e for s, e, _ in org_spans):
                org_spans.append((m.start(), m.end(), full))
    org_spans.sort()
    parsed.orgs = [parsed.mention("org", s, e, c) for s, e, c in org_spans]
    person_spans = find_persons(sentence.text, spacy_doc, [(s, e) for s, e, _ in org_spans], parsed.titles, memory.known_names())
    parsed.persons = [parsed.mention("person", s, e) for s, e in person_spans]
    return parsed


def _learn(parsed: ParsedSentence, memory: _Memory) -> None:
    """Appositions and copulas that tie a person to an organization and a role."""
    for person in parsed.persons:
        memory.persons_seen.add(person.text)
        role = role_near(parsed, person)
        org = org_near_person(parsed, person, role)
        if role is None:
            role, org = copula(parsed, person)
        if org is not None and _JOIN_BEFORE.search(parsed.text[max(0, org.start - parsed.sentence.start - 25) : org.start - parsed.sentence.start]):
            org = None  # "will join Halvard as head of X": where the person goes, not where they are
        name = memory.resolve(person.text)
        if org is not None:
            memory.person_org.setdefault(name, org)
        if role is not None:
            memory.person_role.setdefault(name, role)
    for org in parsed.orgs:
        lead = parsed.text[max(0, org.start - parsed.sentence.start - 25) : org.start - parsed.sentence.start]
        if org.text in memory.persons_seen or _JOIN_BEFORE.search(lead) or _ATTEMPT_BEFORE.search(lead):
            continue  # destinations and organizations that only tried to hire are not in focus
        memory.count_org(org)


def extract_en(doc: Document) -> Extraction:
    """Departure candidates of an English document, with the names it established."""
    indices = sentences_to_parse(doc)
    parses = parse_sentences([doc.sentences[i].text for i in indices])
    return extract_parsed(doc, dict(zip(indices, parses)))


def extract_parsed(doc: Document, parsed_docs: dict[int, object]) -> Extraction:
    """:func:`extract_en` over parses made beforehand: ``parsed_docs`` maps the indices
    :func:`sentences_to_parse` gave to their spaCy parses (batch runs parse the
    sentences of many documents at once)."""
    if not parsed_docs:
        return Extraction([])  # nothing could yield a candidate: no names are needed either
    memory = _Memory()
    _prime(doc, memory)
    candidates: list[Candidate] = []
    for i in sorted(parsed_docs):
        parsed = _analyse(doc.sentences[i], parsed_docs[i], memory)
        _learn(parsed, memory)
        if trigger_hits(parsed.text):
            candidates.extend(_sentence_candidates(doc, parsed, memory))
        if parsed.persons:
            memory.focus_person = parsed.persons[0]
        people = memory.persons_seen | {memory.resolve(p.text) for p in parsed.persons}
        orgs = [o for o in parsed.orgs if o.text not in people and memory.resolve(o.text) == o.text]
        if orgs:
            memory.previous_orgs = orgs
    aliases = {name: set(shorts) for name, shorts in memory.aliases.items()}
    return Extraction(candidates, dict(memory.full_names), aliases)


def _sentence_candidates(doc: Document, parsed: ParsedSentence, memory: _Memory) -> list[Candidate]:
    status = status_of(parsed.text)
    if status == "attempt":
        return []
    ctx = _Context(parsed, memory)
    lexicon = triggers()
    found: dict[str, Candidate] = {}
    for token in parsed.doc:
        pos = "NOUN" if token.pos_ in ("NOUN", "PROPN") else "VERB" if token.pos_ in ("VERB", "AUX") else None
        if pos is None:
            continue
        if pos == "NOUN" and any(c.dep_ == "nsubj" for c in token.children):
            pos = "VERB"  # "Hollis Brant quit as chairman": the tagger took the verb for a noun
        for trig in lexicon.get((token.lemma_.lower(), pos), ()):
            if not _particle_ok(token, trig):
                continue
            negated = any(c.dep_ == "neg" for c in token.children)
            if negated and status != "denied" and trig.family not in _NEGATED_FAMILIES:
                continue
            for person, org, destination in _FAMILIES[trig.family](token, ctx):
                cand = _candidate(doc, ctx, trig, token, person, org, destination, _FORCED_STATUS.get(trig.family, status))
                name = memory.resolve(person.text)
                if name not in found or cand.score > found[name].score:
                    found[name] = cand
    if not found:
        surface = Trigger("surface", "VERB", "surface", 0.7)
        anchor = next((t for t in parsed.doc if t.lemma_.lower() in _SURFACE_LEMMAS), parsed.doc[0])
        for person, org, destination in _surface_candidates(doc, ctx):
            cand = _candidate(doc, ctx, surface, anchor, person, org, destination, status)
            if cand.org is not None:
                found.setdefault(memory.resolve(person.text), cand)
    return list(found.values())


# Surface patterns for sentences the small parser gets wrong ("Tynebridge Rovers sacked
# manager X" parsed with X as the root). They run only for a trigger the dependency
# families found nothing for, and score lower.
_FIRING_VERBS = r"sacked|fired|ousted|dismissed|waived|released|axed|terminated|let go of|parted ways with"
_INTRANSITIVE_VERBS = (
    r"resigned|quit|retired|retires|stepped (?:down|aside)|steps (?:down|aside)|step (?:down|aside)|departed|exited|"
    r"left|leaves|leaving|resigning|retiring|stepping (?:down|aside)"
)
_PASSIVE_VERBS = r"fired|sacked|ousted|dismissed|let go|forced out|pushed out|released|waived"
_ACTIVE_FIRING = re.compile(
    r"\b(?:" + _FIRING_VERBS + r")\s+"
    r"(?:its|their|the|his|her)?\s*(?:[a-z][\w'’-]*\s+){0,4}$",
)
_BEFORE_INTRANSITIVE = re.compile(
    r"^\s*(?:,[^,]{2,80},\s*)?(?:(?:has|have|had|will|would|is|was|were|be|been|also|abruptly|reportedly|officially|"
    r"formally|unexpectedly|suddenly|quietly|just|recently|now|to|not)\s+)*"
    r"(?:" + _INTRANSITIVE_VERBS + r"|"
    r"(?:was|were|been|being)\s+(?:\w+\s+)?(?:" + _PASSIVE_VERBS + r"))\b",
)
# Any verb the two patterns above read: a sentence without one gets nothing from them.
_SURFACE_VERBS = re.compile(r"\b(?:" + "|".join((_FIRING_VERBS, _INTRANSITIVE_VERBS, _PASSIVE_VERBS)) + r")")


def _surface_candidates(doc: Document, ctx: _Context) -> list[Triple]:
    """Person/organization pairs read off the surface when the parse is broken."""
    parsed = ctx.parsed
    text = parsed.text
    out: list[Triple] = []
    for person in parsed.persons:
        ps, pe = parsed.local(person)
        clause_start = max(text.rfind(";", 0, ps), text.rfind(". ", 0, ps)) + 1
        if _ACTIVE_FIRING.search(text[clause_start:ps]):
            out.append((person, None, None))
        elif _BEFORE_INTRANSITIVE.match(text[pe:]):
            out.append((person, None, None))
    return out


def _candidate(doc, ctx: _Context, trig: Trigger, token, person: Mention, org, destination, status: str) -> Candidate:
    parsed, memory = ctx.parsed, ctx.memory
    name = memory.resolve(person.text)
    in_sentence = parsed.sentence.start <= person.start < parsed.sentence.end
    role = _role(parsed, person, token)
    if org is None and in_sentence:
        org = org_near_person(parsed, person, role)
    if org is None:
        org = memory.person_org.get(name) or ctx.focus_org()
    if role is None:
        role = memory.person_role.get(name)
    if destination is None and trig.family != "move":
        destination = _destination(parsed, ctx, token)
    if destination is not None and org is not None and (destination.canonical or destination.text) == (org.canonical or org.text):
        destination = None
    extra = [] if in_sentence else _sentence_of(doc, person)
    ahead = _looks_ahead(token)
    date = _date(parsed, doc, token, ahead or status in ("planned", "rumored"))
    if status == "confirmed" and ahead and date is not None and doc.anchor is not None and date.value > doc.anchor.date.isoformat()[: len(date.value)]:
        status = "planned"  # "is retiring at the end of June", said in March
    return Candidate(
        person=person,
        org=org,
        sentence=parsed.sentence,
        rule=f"en.{trig.family}",
        score=trig.score * (0.85 if extra else 1.0),
        role=role,
        date=date,
        destination=destination,
        reason=_reason(parsed, token),
        status=status,
        extra_sentences=extra,
    )


def _looks_ahead(token) -> bool:
    """A progressive or modal form (is retiring, will leave, would step down) that may point forward."""
    verb = token
    while verb.dep_ in ("xcomp",) and verb.head is not verb:
        verb = verb.head
    if verb.tag_ == "VBG" and any(c.dep_ == "aux" and c.lemma_ == "be" for c in verb.children):
        return True
    return any(c.dep_ == "aux" and c.lower_ in ("will", "would", "'ll", "shall") for c in verb.children)


def _sentence_of(doc: Document, mention: Mention) -> list[Sentence]:
    for sentence in doc.sentences:
        if sentence.start <= mention.start < sentence.end:
            return [sentence]
    return []
