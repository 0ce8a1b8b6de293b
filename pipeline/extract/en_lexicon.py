"""English lexicons: triggers, status cues, titles, organization words.

Everything a linguist would want to extend lives in ``models/en/``; this module
only loads it (once per process) and answers questions about it.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Optional

from ..entities import latin_org_words, org_lexicon
from ..lexicons import read_rows, read_words
from .en_model import load_english_model


@dataclass(frozen=True)
class Trigger:
    """One row of ``models/en/triggers.tsv``."""

    lemma: str
    pos: str
    family: str
    score: float
    particle: Optional[str] = None


@functools.lru_cache(maxsize=None)
def triggers() -> dict[tuple[str, str], tuple[Trigger, ...]]:
    """Triggers by (lemma, part of speech)."""
    out: dict[tuple[str, str], list[Trigger]] = {}
    for row in read_rows("en/triggers.tsv"):
        words = row[0].split()
        trig = Trigger(words[0], row[1], row[2], float(row[3]), words[1] if len(words) > 1 else None)
        out.setdefault((trig.lemma, trig.pos), []).append(trig)
    return {key: tuple(value) for key, value in out.items()}


# Word stems of every trigger, for the cheap sentence filter in front of the parser.
# The lookahead changes nothing that matches (every stem starts with a letter) but
# lets the regex engine skip other characters fast: a third off every search.
_STEMS = re.compile(
    r"(?=[a-z])\b(?:resign|quit|retir|step(?:s|ped|ping)?\s+(?:down|aside|away)|depart|exit|leav|left|fire[ds]?\b|firing|oust|"
    r"dismiss|sack|axe[ds]?\b|axing|terminat|remov|let\s+go|push(?:ed|es|ing)?\s+out|forc(?:ed|es|ing)\s+out|join|hire|hiring|"
    r"poach|defect|part(?:s|ed|ing)?\s+ways|re-?election|succeed|replac|waive|releas)",
    re.IGNORECASE,
)


def trigger_hits(text: str) -> bool:
    """Could this text state a departure at all (before any parsing)?"""
    return bool(_STEMS.search(text))


@functools.lru_cache(maxsize=None)
def trigger_forms() -> dict[str, frozenset[str]]:
    """Lower-case words the model can lemmatize to a trigger lemma, with those lemmas.

    The families look triggers up by lemma, and a lemma is only known once the
    tagger has chosen a part of speech. Running the rule lemmatizer's tables
    backwards (the lemma itself, every suffix rule, every exception, for every
    part of speech they cover) gives every word that could carry a trigger lemma
    whatever the tagger chooses: a sentence without one cannot fire a family, so
    it need not be parsed (see ``could_yield`` in en.py). Derived from the model
    and ``triggers.tsv``, so a new trigger row needs nothing here.
    """
    nlp = load_english_model()
    lemmas = {trig.lemma for entries in triggers().values() for trig in entries}
    lookups = nlp.get_pipe("lemmatizer").lookups
    forms: dict[str, set[str]] = {lemma: {lemma} for lemma in lemmas}
    for rules in lookups.get_table("lemma_rules").values():
        for old, new in rules:
            for lemma in lemmas:
                if lemma.endswith(new):
                    forms.setdefault(lemma[: len(lemma) - len(new)] + old, set()).add(lemma)
    for exceptions in lookups.get_table("lemma_exc").values():
        for form, targets in exceptions.items():
            for lemma in lemmas.intersection(targets):
                forms.setdefault(form, set()).add(lemma)
    for form, lemma in _ruler_lemmas(nlp, lemmas):
        forms.setdefault(form, set()).add(lemma)
    return {form: frozenset(found) for form, found in forms.items()}


def _ruler_lemmas(nlp, lemmas: set[str]) -> list[tuple[str, str]]:
    """(word, lemma) for attribute-ruler patterns that set a trigger lemma (the
    lemmatizer keeps those); none in the current model, but a new one may have some."""
    found = []
    for rule in nlp.get_pipe("attribute_ruler").patterns:
        lemma = rule["attrs"].get("LEMMA")
        if lemma not in lemmas:
            continue
        for pattern in rule["patterns"]:
            spec = pattern[rule.get("index", 0)]
            words = spec.get("LOWER", spec.get("ORTH"))
            if isinstance(words, dict) and isinstance(words.get("IN"), list):
                words = words["IN"]
            if isinstance(words, str):
                words = [words]
            if not isinstance(words, list):
                raise RuntimeError(f"cannot tell which words the attribute ruler gives the trigger lemma {lemma!r}: {pattern}")
            found.extend((word.lower(), lemma) for word in words)
    return found


@dataclass(frozen=True)
class Cue:
    pattern: re.Pattern
    meaning: str


@functools.lru_cache(maxsize=None)
def cues() -> tuple[Cue, ...]:
    return tuple(Cue(re.compile(row[0], re.IGNORECASE), row[1]) for row in read_rows("en/cues.tsv"))


_STATUS_PRECEDENCE = ("attempt", "denied", "rumored", "planned", "reported")


def states_attempt(text: str) -> bool:
    """Does an ``attempt`` cue fire? (Then :func:`status_of` is ``attempt``: it comes first.)"""
    return any(cue.pattern.search(text) for cue in cues() if cue.meaning == "attempt")


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
_OF_STOP = r"(?:at|in|on|for|and|who|which|since|from|to|with|said|says|has|had|was|is|will|would|after|before|until|the|a|an)\b"
_OF_PART = re.compile(r"\s+(?:of|for)\s+(?!" + _OF_STOP + r")[a-z][\w\-]*(?:\s+(?!" + _OF_STOP + r")[a-z][\w\-]*){0,2}(?=[\s,.;:)]|$)")


def title_starts_at(text: str, pos: int) -> bool:
    """Does a title start at ``pos``? (Every span :func:`find_titles` gives starts where this is true.)"""
    return _title_pattern().match(text, pos) is not None


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


def org_words() -> frozenset[str]:
    """Words that make a capitalized phrase an organization (Labs, Bank, FC); the
    Chinese reader uses the same list for Latin names (:func:`latin_org_words`)."""
    return latin_org_words()


@functools.lru_cache(maxsize=None)
def org_nouns() -> frozenset[str]:
    """Common nouns that stand for the organization in focus (the company, the lender)."""
    return read_words("en/org_nouns.txt")


@functools.lru_cache(maxsize=None)
def job_nouns() -> frozenset[str]:
    """Nouns for a post (her job, his seat): the organization is found elsewhere."""
    return read_words("en/job_nouns.txt")


PARTICLES_OF_NAMES = frozenset({"de", "van", "von", "der", "den", "bin", "al", "da", "di", "le", "la", "du", "del", "ibn"})


def looks_like_person_name(text: str) -> bool:
    """Two to four capitalized words, none of them an organization word, not a known organization."""
    words = text.split()
    if not 2 <= len(words) <= 4 or org_lexicon().canonical(text):
        return False
    if any(w.rstrip(".,") in org_words() or org_lexicon().canonical(w) for w in words):
        return False
    if any(ch.isdigit() for ch in text):
        return False
    return all(w[:1].isupper() or w.lower() in PARTICLES_OF_NAMES for w in words)


# A capitalized phrase that ends in an organization word: Northfield Labs, Harbour Point FC,
# Bank of Lisbon. The model's ORG label misses most names it has not seen.
_CAP = r"[A-Z][\w&\-.]*"


@functools.lru_cache(maxsize=None)
def _org_phrase() -> re.Pattern:
    words = "|".join(sorted((re.escape(w) for w in org_words()), key=len, reverse=True))
    return re.compile(
        r"(?<![\w])(?:" + _CAP + r"\s+){0,3}(?:" + words + r")(?![\w])"
        r"|(?<![\w])(?:Bank|University|Ministry|Department|Bureau|College|Institute)\s+of\s+(?:the\s+)?" + _CAP + r"(?:\s+" + _CAP + r"){0,2}"
    )


_LEADING_NOISE = re.compile(r"^(?:The|A|An|Former|Ex|Rival|Its|His|Her|Their|Our|At|In|On|From|With|For|By|And|But)\s+")


# "The Kingsbay Royals", "the Riverton Sabres": a sports team, named with "the" and a plural.
_TEAM = re.compile(r"\b[Tt]he\s+((?:[A-Z][\w.'’-]+\s+){1,2}[A-Z][a-z]+s)\b")


def org_phrases(text: str) -> list[tuple[int, int]]:
    """Organization names recognised by their last word (models/en/org_words.txt)."""
    spans = [m.span(1) for m in _TEAM.finditer(text)]
    for match in _org_phrase().finditer(text):
        start, end = match.span()
        phrase = match.group()
        lead = _LEADING_NOISE.match(phrase)
        while lead is not None:
            start += lead.end()
            phrase = text[start:end]
            lead = _LEADING_NOISE.match(phrase)
        if " " not in phrase.strip() and phrase in org_words():
            continue  # the org word alone ("Labs", "Bank") names nothing
        if any(s < end and start < e for s, e in spans):
            continue
        spans.append((start, end))
    return sorted(spans)
