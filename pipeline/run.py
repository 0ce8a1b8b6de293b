"""One article through every stage: the unit every engine calls.

ingest → normalize → segment → (entities, extract, dates) → resolve.

The cheap work comes first: a multi-pattern prefilter over the raw source text
(trigger words in simplified and traditional characters, and English trigger
stems) decides whether anything could be said at all. Most news is not about
departures, and for it the expensive stages never run.
"""
from __future__ import annotations

import functools
import logging
from dataclasses import dataclass, field
from typing import Optional

import ahocorasick

from . import dates
from .lexicons import read_rows
from .normalize import normalize
from .records import Anchor, Article, Document, DocumentError, Event, Extraction
from .resolve import resolve_document
from .segment import split_sentences

log = logging.getLogger(__name__)


@dataclass
class DocumentResult:
    """What processing one article produced; ``error`` set when a stage failed."""

    doc_id: str
    events: list[Event] = field(default_factory=list)
    error: Optional[DocumentError] = None
    skipped: bool = False  # the prefilter found nothing that could state a departure


@functools.lru_cache(maxsize=None)
def _zh_prefilter() -> ahocorasick.Automaton:
    """Chinese trigger words in both scripts (the raw source is not converted yet)."""
    import opencc

    to_traditional = [opencc.OpenCC(cfg) for cfg in ("s2t", "s2tw", "s2hk")]
    automaton = ahocorasick.Automaton()
    for row in read_rows("triggers_zh.tsv"):
        word = row[0]
        for form in {word, *(cc.convert(word) for cc in to_traditional)}:
            automaton.add_word(form, form)
    automaton.make_automaton()
    return automaton


def could_state_departure(text: str, lang: Optional[str]) -> bool:
    """The prefilter: is there any trigger word at all?"""
    if lang != "en":
        for _ in _zh_prefilter().iter(text):
            return True
        if lang == "zh":
            return False
    from .extract.en_lexicon import trigger_hits

    return trigger_hits(text)


def analyze(article: Article) -> Document:
    """Normalize and segment an article, and fix the date relative phrases resolve against."""
    lang = article.lang or "zh"
    analysis = normalize(article.text, traditional=article.script == "hant", markdown=None)
    sentences = split_sentences(analysis.text, lang)
    anchor: Optional[Anchor] = None
    if article.published is not None:
        anchor = Anchor(article.published, "day", "metadata")
    else:
        anchor = dates.infer_anchor(analysis.text, lang)
    return Document(article=article, analysis=analysis, sentences=sentences, lang=lang, anchor=anchor)


def extract(doc: Document) -> Extraction:
    """Run the extractor of the document's language."""
    if doc.lang == "en":
        from .extract.en import extract_en

        return extract_en(doc)
    from .extract.zh import extract_zh

    return extract_zh(doc)


_WARM_UP_ARTICLES = (
    Article("warm-up-hans", "2025年6月16日,极光科技首席技术官张三已于本月离职,加入星河公司。", lang="zh", script="hans"),
    Article("warm-up-hant", "2025年6月16日,極光科技首席技術官張三已於本月離職。", lang="zh", script="hant"),
    Article("warm-up-en", "John Smith, the chief executive of Acme Labs, resigned on Monday.", lang="en", script="latn"),
)


def warm_up() -> None:
    """Load every lexicon and model now rather than on the first real article.

    Worker processes call this once in their initializer, so that loading
    (spaCy, OpenCC, jieba dictionaries, automata) is not charged to whichever
    chunk happens to come first, and a broken install fails before any work.
    Running real articles, rather than listing loaders, keeps it right when a
    stage starts loading something new.
    """
    for article in _WARM_UP_ARTICLES:
        result = process_article(article)
        if result.error is not None:
            raise RuntimeError(f"the pipeline cannot start: {result.error.message}")


def process_article(article: Article) -> DocumentResult:
    """Events of one article; a failure becomes a :class:`DocumentError`, never an exception."""
    result = DocumentResult(doc_id=article.doc_id)
    if not could_state_departure(article.text, article.lang):
        result.skipped = True
        return result
    stage = "normalize"
    try:
        doc = analyze(article)
        stage = "extract"
        extraction = extract(doc)
        stage = "resolve"
        result.events = resolve_document(doc, extraction.candidates, extraction.canonical, extraction.aliases)
    except Exception as exc:  # one bad document must not stop a batch
        log.debug("failure in %s", article.doc_id, exc_info=True)
        result.error = DocumentError(
            doc=article.doc_id,
            stage=stage,
            message=f"{type(exc).__name__}: {exc} (the document was skipped; report it with this line)",
            path=article.path,
            line=article.line_no,
        )
    return result
