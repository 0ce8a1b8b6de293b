"""The typed records every stage passes on.

Nothing in this module imports anything else from the package: records are the
vocabulary of the pipeline, and every stage (ingest → normalize → segment →
entities → extract → resolve → write) speaks it.

Offsets come in two coordinate systems:

* *source* offsets index the document's source text exactly as read (the decoded
  file, the ``text`` field of a dump line, or the text taken out of HTML);
* *analysis* offsets index the normalized copy the extractors read (half-width,
  simplified, conversion debris removed).

An :class:`~pipeline.normalize.Analysis` maps the second to the first; every
offset that leaves the pipeline is a source offset.
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from enum import Enum
from typing import Optional


class Alignment(str, Enum):
    """How a reported span relates to the analysis text it was found in.

    Modelled on LangExtract's alignment status: a reviewer should know whether the
    quoted characters are the very characters the pattern read.
    """

    EXACT = "exact"  # source characters are the analysed characters
    CONVERTED = "converted"  # same span, but width/script conversion or debris removal changed characters


@dataclass(frozen=True, order=True)
class CharInterval:
    """A half-open interval ``[start, end)`` of code points."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if self.start < 0 or self.end < self.start:
            raise ValueError(f"bad interval [{self.start}, {self.end})")

    def __len__(self) -> int:
        return self.end - self.start

    def overlaps(self, other: "CharInterval") -> bool:
        return self.start < other.end and other.start < self.end

    def contains(self, other: "CharInterval") -> bool:
        return self.start <= other.start and other.end <= self.end


@dataclass(frozen=True)
class SourceSpan:
    """Provenance: a span of the *source* text, quoted verbatim."""

    start: int
    end: int
    text: str
    alignment: Alignment = Alignment.EXACT

    def to_json(self) -> dict:
        return {"start": self.start, "end": self.end, "text": self.text, "alignment": self.alignment.value}


@dataclass
class Article:
    """One input document, as read.

    ``text`` is the source text every output offset refers to. For HTML it is the
    text taken out of the page (written out beside the events so that the offsets
    can be checked).
    """

    doc_id: str
    text: str
    path: Optional[str] = None
    fmt: str = "txt"  # txt | md | html | dump
    title: Optional[str] = None
    url: Optional[str] = None
    published: Optional[_dt.date] = None  # from metadata only; inferred dates live in the analysis
    lang: Optional[str] = None  # zh | en (detected when not given)
    script: Optional[str] = None  # hans | hant | latn
    line_no: Optional[int] = None  # line of a JSONL dump
    content_hash: Optional[str] = None
    extracted_text: bool = False  # True when ``text`` was produced by us (HTML) and must be written out


@dataclass(frozen=True)
class DocumentError:
    """A document that could not be processed; the batch goes on without it."""

    doc: str
    stage: str
    message: str
    path: Optional[str] = None
    line: Optional[int] = None

    def to_json(self) -> dict:
        out = {"doc": self.doc, "stage": self.stage, "message": self.message}
        if self.path is not None:
            out["path"] = self.path
        if self.line is not None:
            out["line"] = self.line
        return out


class DocumentFailure(Exception):
    """Raised by a stage for one document; carries a :class:`DocumentError`."""

    def __init__(self, error: DocumentError):
        super().__init__(f"{error.doc}: {error.stage}: {error.message}")
        self.error = error


@dataclass(frozen=True)
class Sentence:
    """A sentence (or a table row, or a heading line) in analysis coordinates."""

    index: int
    start: int
    end: int
    text: str  # analysis text of the sentence
    is_table_row: bool = False
    paragraph: int = 0


@dataclass(frozen=True)
class DateValue:
    """A resolved date in the spec's forms: ``2026-02-11`` / ``2025-01`` / ``2025-Q1`` / ``2025-H1`` / ``2024``."""

    value: str
    precision: str  # day | month | quarter | half | year

    def __post_init__(self) -> None:
        if self.precision not in ("day", "month", "quarter", "half", "year"):
            raise ValueError(f"bad precision {self.precision!r}")


@dataclass(frozen=True)
class Anchor:
    """The date relative phrases are resolved against, and how precisely it is known."""

    date: _dt.date
    precision: str = "day"  # day | month | year
    origin: str = "metadata"  # metadata | dateline | text


@dataclass(frozen=True)
class DateMention:
    """A date phrase found in a text, with offsets into that text."""

    start: int
    end: int
    text: str
    value: Optional[DateValue]  # None: a time phrase that resolves to no date (近日, recently)


@dataclass(frozen=True)
class Mention:
    """A person, organization or role mention in analysis coordinates."""

    kind: str  # person | org | role | pronoun
    start: int
    end: int
    text: str
    canonical: Optional[str] = None  # org lexicon key, or the full name a short name stands for


@dataclass
class Event:
    """One departure, as found in one document.

    Field meanings follow ``shared/spec/events.md``; ``sources`` are source-text
    spans; ``rule`` names the pattern family that fired so that a reviewer can see
    why the event exists.
    """

    doc: str
    person: str
    org: Optional[str]
    role: Optional[str] = None
    date: Optional[str] = None
    date_precision: Optional[str] = None
    destination: Optional[str] = None
    reason: Optional[str] = None
    status: str = "confirmed"
    confidence: float = 0.5
    person_aliases: list[str] = field(default_factory=list)
    sources: list[SourceSpan] = field(default_factory=list)
    rule: str = ""
    lang: str = "zh"
    event_id: str = ""

    STATUSES = ("confirmed", "reported", "rumored", "denied", "planned")

    def to_json(self) -> dict:
        return {
            "event_id": self.event_id,
            "doc": self.doc,
            "person": self.person,
            "person_aliases": list(self.person_aliases),
            "org": self.org,
            "role": self.role,
            "date": self.date,
            "date_precision": self.date_precision,
            "destination": self.destination,
            "reason": self.reason,
            "status": self.status,
            "confidence": round(self.confidence, 3),
            "sources": [s.to_json() for s in self.sources],
            "rule": self.rule,
            "lang": self.lang,
        }


@dataclass
class Analysis:
    """The analysis copy of a source text, with an exact map back to the source.

    ``to_source[i]`` is the source offset of analysis character ``i``; the list has
    one more entry than the text, ``to_source[len(text)] == len(source)``, so that an
    end offset maps too. Conversion may change lengths (OpenCC phrases, removed
    debris): the map stays monotonic and every analysed character points at the
    source character it came from.
    """

    text: str
    source: str
    to_source: list[int]

    @classmethod
    def identity(cls, text: str) -> "Analysis":
        """An analysis that is the source itself (tests, already clean text)."""
        return cls(text=text, source=text, to_source=list(range(len(text) + 1)))

    def source_interval(self, start: int, end: int) -> CharInterval:
        """Map an analysis interval to the smallest source interval covering it."""
        if end <= start:
            pos = self.to_source[start]
            return CharInterval(pos, pos)
        return CharInterval(self.to_source[start], self.to_source[end - 1] + 1)

    def source_span(self, start: int, end: int) -> SourceSpan:
        """A provenance span for analysis ``[start, end)``, quoting the source verbatim."""
        iv = self.source_interval(start, end)
        quoted = self.source[iv.start:iv.end]
        alignment = Alignment.EXACT if quoted == self.text[start:end] else Alignment.CONVERTED
        return SourceSpan(iv.start, iv.end, quoted, alignment)


@dataclass
class Document:
    """An article after normalization and segmentation: what extractors read."""

    article: Article
    analysis: Analysis
    sentences: list[Sentence]
    lang: str  # zh | en
    anchor: Optional[Anchor] = None  # publication date, from metadata or inferred

    @property
    def text(self) -> str:
        return self.analysis.text


@dataclass
class Candidate:
    """One departure found by one pattern in one sentence, before in-document merging.

    Spans are :class:`Mention` objects in analysis coordinates; ``org`` may point at
    a mention outside the trigger sentence (the organization in focus).
    ``score`` is the precision of the pattern family that fired, in [0, 1].
    """

    person: Mention
    org: Optional[Mention]
    sentence: Sentence
    rule: str
    score: float
    role: Optional[Mention] = None
    date: Optional[DateValue] = None
    destination: Optional[Mention] = None
    reason: Optional[Mention] = None
    status: str = "confirmed"
    extra_sentences: list[Sentence] = field(default_factory=list)
    aliases: list[Mention] = field(default_factory=list)


@dataclass
class Extraction:
    """What an extractor returns for one document: candidates plus its memory of names."""

    candidates: list[Candidate]
    canonical: dict[str, str] = field(default_factory=dict)  # any surface → canonical person name
    aliases: dict[str, set[str]] = field(default_factory=dict)  # canonical name → other surfaces
