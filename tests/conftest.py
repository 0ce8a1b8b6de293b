"""Shared helpers: build an article from a string and run the whole pipeline on it."""
import datetime as dt
import sys
from pathlib import Path

import pytest

from pipeline.records import Article
from pipeline.run import process_article

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


def run_text(text: str, published: str | None = "2025-06-16", script: str = "hans", lang: str = "zh", doc_id: str = "t.txt"):
    """Events of one in-memory article (published date as metadata)."""
    article = Article(
        doc_id=doc_id,
        text=text,
        fmt="txt",
        lang=lang,
        script=script,
        published=dt.date.fromisoformat(published) if published else None,
    )
    result = process_article(article)
    assert result.error is None, result.error
    return result.events


def by_person(events):
    return {e.person: e for e in events}


@pytest.fixture
def shared_dir():
    if not (SHARED / "corpus").is_dir():
        pytest.skip("../shared is not beside the repository")
    return SHARED
