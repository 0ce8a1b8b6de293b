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
from typing import Iterator, Optional, Sequence

import ahocorasick

from . import dates
from .ingest import with_language
from .lexicons import keyword_automaton, read_rows
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
    forms: set[str] = set()
    for row in read_rows("triggers_zh.tsv"):
        forms.update((row[0], *(cc.convert(row[0]) for cc in to_traditional)))
    return keyword_automaton((form, form) for form in sorted(forms))


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
    doc = _segment(article)
    doc.anchor = _anchor(doc)
    return doc


def _segment(article: Article) -> Document:
    """An article normalized and cut into sentences, its anchor not yet set."""
    lang = article.lang or "zh"
    analysis = normalize(article.text, traditional=article.script == "hant", markdown=None)
    sentences = split_sentences(analysis.text, lang)
    return Document(article=article, analysis=analysis, sentences=sentences, lang=lang)


def _anchor(doc: Document) -> Optional[Anchor]:
    """The publication date: the metadata's, else the one the text states for itself."""
    if doc.article.published is not None:
        return Anchor(doc.article.published, "day", "metadata")
    return dates.infer_anchor(doc.text, doc.lang)


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
    return process_articles([article])[0]


# English sentences parsed by one spaCy call at most: a chunk of articles is parsed
# in groups of about this many, so that a chunk of very long articles holds no more
# parses in memory than one of them does.
_PARSE_GROUP = 512


@dataclass
class _Work:
    """One article on its way through :func:`process_articles`."""

    article: Article
    result: DocumentResult
    stage: str = "normalize"
    doc: Optional[Document] = None
    indices: list[int] = field(default_factory=list)  # English sentences to parse

    def fail(self, exc: Exception) -> None:
        log.debug("failure in %s", self.article.doc_id, exc_info=True)
        self.result.error = DocumentError(
            doc=self.article.doc_id,
            stage=self.stage,
            message=f"{type(exc).__name__}: {exc} (the document was skipped; report it with this line)",
            path=self.article.path,
            line=self.article.line_no,
        )

    def sentence_texts(self) -> list[str]:
        """The English sentences to parse."""
        assert self.doc is not None
        return [self.doc.sentences[i].text for i in self.indices]

    def resolve(self, doc: Document, extraction: Extraction) -> None:
        self.stage = "resolve"
        self.result.events = resolve_document(doc, extraction.candidates, extraction.canonical, extraction.aliases)


def process_articles(articles: Sequence[Article]) -> list[DocumentResult]:
    """Events of each article, in order; a failure is its article's :class:`DocumentError`.

    English articles go in three steps, so that spaCy parses the sentences of all of
    them together (its cost per sentence is a third lower in batches of a chunk's
    size than article by article): each article is segmented and its sentences to
    parse chosen; those are parsed in a few large ``nlp.pipe`` calls; then each
    article is extracted from its parses. Chinese articles go straight through. A
    failure anywhere stays with its article.
    """
    work = [_Work(article, DocumentResult(doc_id=article.doc_id)) for article in articles]
    english: list[_Work] = []
    for item in work:
        try:
            item.article = with_language(item.article)
            if not could_state_departure(item.article.text, item.article.lang):
                item.result.skipped = True
                continue
            doc = _segment(item.article)
            if doc.lang == "en":
                item.doc = doc  # kept until the chunk's sentences are parsed
                _plan_english(item)
                english.append(item)
            else:
                doc.anchor = _anchor(doc)
                item.stage = "extract"
                item.resolve(doc, extract(doc))
        except Exception as exc:  # one bad document must not stop a batch
            item.fail(exc)
    for group in _parse_groups(english):
        _extract_english(group)
    return [item.result for item in work]


def _plan_english(item: _Work) -> None:
    """Choose the sentences to parse; date the article only if there are some (the
    anchor dates candidates, and without a parse there are none)."""
    from .extract.en import sentences_to_parse

    assert item.doc is not None
    item.stage = "extract"
    item.indices = sentences_to_parse(item.doc)
    if item.indices:
        item.stage = "normalize"
        item.doc.anchor = _anchor(item.doc)
        item.stage = "extract"


def _parse_groups(english: list[_Work]) -> list[list[_Work]]:
    """Consecutive articles with about :data:`_PARSE_GROUP` sentences to parse between them."""
    groups: list[list[_Work]] = [[]]
    size = 0
    for item in english:
        if size >= _PARSE_GROUP:
            groups.append([])
            size = 0
        groups[-1].append(item)
        size += len(item.indices)
    return [group for group in groups if group]


def _extract_english(group: list[_Work]) -> None:
    """Parse the group's sentences together, then extract and resolve each article."""
    from .extract.en import extract_parsed, parse_sentences

    texts = [text for item in group for text in item.sentence_texts()]
    try:
        parses: Optional[Iterator] = iter(parse_sentences(texts))
    except Exception:  # some article breaks the parser: parse each alone to find which
        log.debug("a batch parse failed; parsing its articles one by one", exc_info=True)
        parses = None
    for item in group:
        doc = item.doc
        assert doc is not None
        try:
            if parses is None:
                mine = parse_sentences(item.sentence_texts())
            else:
                mine = [next(parses) for _ in item.indices]
            item.resolve(doc, extract_parsed(doc, dict(zip(item.indices, mine))))
        except Exception as exc:  # one bad document must not stop a batch
            item.fail(exc)
        item.doc = None  # its parses and text are no longer needed
