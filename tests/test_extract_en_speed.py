"""What makes English extraction fast must not change what it finds.

* ``could_yield`` decides, before parsing, which sentences could give a candidate:
  it must never turn down a sentence the extractor takes a candidate from.
* Batch runs parse the sentences of a chunk together: each article's events and
  errors stay its own.
* The attribute ruler runs through an index: its matches are spaCy's Matcher's.
"""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from pipeline.extract import en
from pipeline.extract.en_lexicon import trigger_forms, triggers
from pipeline.extract.en_model import IndexedRulerMatcher, load_english_model
from pipeline.records import Article
from pipeline.run import _segment, process_article, process_articles

DATA = Path(__file__).parent / "data"
ENGLISH_DUMPS = sorted(DATA.glob("en*/*dump.jsonl"))


def _article(doc_id: str, text: str) -> Article:
    return Article(doc_id, text, lang="en", script="latn", published=dt.date(2024, 9, 26))


def _english_articles(limit: int | None = None) -> list[Article]:
    articles = []
    for dump in ENGLISH_DUMPS:
        for line in dump.read_text(encoding="utf-8").splitlines():
            item = json.loads(line)
            if item.get("lang", "en") == "en" and item.get("text"):
                articles.append(_article(f"{dump.parent.name}/{item['id']}", item["text"]))
    return articles[:limit]


# ---------------------------------------------------------------------------
# which sentences are parsed


def test_every_trigger_lemma_has_its_inflections():
    forms = trigger_forms()
    for word, lemma in [("left", "leave"), ("leaving", "leave"), ("resigned", "resign"), ("ousted", "oust"),
                        ("hiring", "hire"), ("sought", "seek"), ("stepped", "step"), ("resignations", "resignation")]:
        assert lemma in forms[word], word
    lemmas = {trig.lemma for entries in triggers().values() for trig in entries}
    assert lemmas <= {lemma for found in forms.values() for lemma in found}


@pytest.mark.parametrize(
    "sentence",
    [
        "Tidewater Foods said it had hired 816 engineers for its app team in Austin.",  # hire: nothing to leave from
        "Jane Doe joined the company in 2019.",  # join: no "from", "former" or rival
        "The two sides parted on good terms.",  # part: no "ways"
        "Acme tried to hire Jane Doe from Globex.",  # an attempt
        "Shares rose 3 percent on Monday.",  # no trigger at all
    ],
)
def test_sentences_that_cannot_yield(sentence):
    assert not en.could_yield(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Quantis has poached senior engineer Raj Patel from Helix Robotics.",
        "Acme hired Globex CTO Jane Doe.",
        "Acme hired Jane Doe, the head of sales at Globex.",
        "Acme hired Globex's Jane Doe.",
        "Acme hired him last week.",
        "Jane Doe joined Acme from Globex.",
        "Former Globex executive Jane Doe joins Acme.",
        "Jane Doe left the meeting early.",  # "left" may be a departure: the parse decides
        "Acme parted ways with Jane Doe.",
        "Jane Doe will not seek re-election.",
        "Tynemouth Rovers sacked manager Gareth Penhaligon on Sunday.",
    ],
)
def test_sentences_that_may_yield(sentence):
    assert en.could_yield(sentence)


def test_could_yield_keeps_every_sentence_a_candidate_comes_from(monkeypatch):
    """Parse as before (every trigger sentence) and check the filter on each sentence that gave a candidate."""
    taken: list[str] = []
    real_could_yield = en.could_yield
    real_candidates = en._sentence_candidates

    def recording(doc, parsed, memory):
        found = real_candidates(doc, parsed, memory)
        if found:
            taken.append(parsed.text)
        return found

    monkeypatch.setattr(en, "could_yield", lambda text: True)
    monkeypatch.setattr(en, "_sentence_candidates", recording)
    for article in _english_articles():
        en.extract_en(_segment(article))
    assert len(taken) > 100
    assert [text for text in taken if not real_could_yield(text)] == []


def test_parsing_stops_at_the_last_sentence_that_could_yield():
    doc = _segment(_article("a", "Acme said on Monday that it was reorganising. Jane Doe resigned as CEO of Acme. "
                                 "Acme said it had hired 300 engineers for its app team. Shares fell 2 percent."))
    assert [doc.sentences[i].text for i in en.sentences_to_parse(doc)] == [
        "Acme said on Monday that it was reorganising.", "Jane Doe resigned as CEO of Acme."]
    filler = _segment(_article("b", "Acme said it had hired 300 engineers for its app team. Shares fell 2 percent."))
    assert en.sentences_to_parse(filler) == []
    assert en.extract_en(filler).candidates == []


# ---------------------------------------------------------------------------
# a chunk parsed together


def _events(result):
    return [(e.person, e.org, e.role, e.date, e.status, [s.start for s in e.sources]) for e in result.events]


def test_a_chunk_gives_each_article_what_it_gives_alone():
    articles = _english_articles(limit=40)
    articles.insert(3, Article("zh-1", "2025年6月16日,极光科技首席技术官张三已于本月离职。", lang="zh", script="hans"))
    together = process_articles(articles)
    alone = [process_article(article) for article in articles]
    assert [r.doc_id for r in together] == [a.doc_id for a in articles]
    assert [_events(r) for r in together] == [_events(r) for r in alone]
    assert [r.skipped for r in together] == [r.skipped for r in alone]
    assert sum(len(r.events) for r in together) > 20


def test_an_article_that_fails_in_extraction_fails_alone(monkeypatch):
    articles = [_article("d1", "Mira Castell, chief technology officer at Northwind Labs, resigned on Wednesday."),
                _article("bad", "Daniel Okafor stepped down as CEO of Brightwater Bank last month."),
                _article("d3", "Olivia Grant will step down as president of Redwood University on March 31.")]
    real = en.extract_parsed

    def breaking(doc, parses):
        if doc.article.doc_id == "bad":
            raise ValueError("broken")
        return real(doc, parses)

    monkeypatch.setattr(en, "extract_parsed", breaking)
    results = process_articles(articles)
    assert [r.error is None for r in results] == [True, False, True]
    assert results[1].error.stage == "extract" and "broken" in results[1].error.message
    assert [len(r.events) for r in results] == [1, 0, 1]


def test_an_article_that_breaks_the_parser_fails_alone(monkeypatch):
    articles = [_article("d1", "Mira Castell, chief technology officer at Northwind Labs, resigned on Wednesday."),
                _article("bad", "Daniel Okafor stepped down as CEO of Brightwater Bank last month."),
                _article("d3", "Olivia Grant will step down as president of Redwood University on March 31.")]
    real = en.parse_sentences

    def breaking(texts):
        if any("Okafor" in text for text in texts):
            raise ValueError("parser broke")
        return real(texts)

    monkeypatch.setattr(en, "parse_sentences", breaking)
    results = process_articles(articles)
    assert [r.error is None for r in results] == [True, False, True]
    assert results[1].error.stage == "extract" and "parser broke" in results[1].error.message
    assert [len(r.events) for r in results] == [1, 0, 1]


# ---------------------------------------------------------------------------
# the attribute ruler's index


def test_the_indexed_ruler_matches_what_spacys_matcher_matches():
    nlp = load_english_model()
    ruler = nlp.get_pipe("attribute_ruler")
    assert isinstance(ruler.matcher, IndexedRulerMatcher)
    texts = [sentence.text for article in _english_articles(limit=60) for sentence in _segment(article).sentences]
    texts += [
        "I'm gonna go, y'all.", "Ain't nothin' wrong with 'em.", "Let's c'mon, we gotta go.", "  two  spaces \n",
        "There's a cat and there are dogs.", "I'd have done it; he'd do it.", "He does, she did not, we had.", "",
    ]
    before = [name for name in nlp.pipe_names if name not in ("attribute_ruler", "lemmatizer", "ner")]
    with nlp.select_pipes(enable=before):
        docs = list(nlp.pipe(texts))
    for doc in docs:
        expected = sorted(ruler.matcher._original(doc, allow_missing=True, as_spans=False))
        assert sorted(ruler.matcher(doc, allow_missing=True, as_spans=False)) == expected, doc.text
