"""`departures review`: the page's data and escaping, and the page itself in headless Chromium."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import sample_events as sample
import services
from pipeline.cli import main
from pipeline.evaluate import evaluate, load_jsonl, load_sources
from pipeline.eventfile import read_events
from pipeline.review import _date_marks, build_payload, render_html

REPO = Path(__file__).resolve().parents[1]
GOLD_KEYS = ["doc", "person", "person_aliases", "org", "org_aliases", "role", "date", "date_precision",
             "destination", "reason", "status", "evidence", "optional"]


@pytest.fixture
def review_inputs(tmp_path):
    events = sample.write_jsonl(tmp_path / "events.jsonl", sample.events())
    corpus = sample.write_corpus(tmp_path / "corpus")
    return events, corpus


def _payload_of(page: str) -> dict:
    match = re.search(r'<script type="application/json" id="review-data">(.*?)</script>', page, re.S)
    assert match, "data element missing"
    return json.loads(match.group(1))


def test_the_page_is_self_contained_and_its_data_cannot_break_out(review_inputs, tmp_path):
    events, corpus = review_inputs
    out = tmp_path / "review.html"
    assert main(["review", str(events), "-o", str(out), "--source", str(corpus), "-q"]) == 0
    page = out.read_text(encoding="utf-8")
    assert "Content-Security-Policy" in page and "default-src 'none'" in page
    assert not re.search(r"(?:src|href)\s*=|<link|@import|https?://", page)
    # The hostile name is in the data only as escaped JSON, never as markup.
    assert "<script>window.__pwned" not in page
    assert page.count("<script") == 2 and page.count("</script>") == 2
    payload = _payload_of(page)
    assert {e["person"] for e in payload["events"]} >= {sample.EVIL_PERSON, "吳宇懷"}
    assert payload["meta"]["sources_checked"] == 5 and payload["meta"]["sources_mismatched"] == 0


def test_dates_in_sentences_are_marked_in_javascript_string_indices():
    sentence = "𠀀 Jimmy Ba left on Feb. 11, 2026, not in March 2025."
    marks = _date_marks(sentence, "2026-02-11", None, "en")
    assert marks[0][2] == "date" and marks[1][2] == "date-other"
    start, end = marks[0][:2]
    assert sentence.encode("utf-16-le")[2 * start : 2 * end].decode("utf-16-le") == "Feb. 11, 2026"


def test_offsets_that_do_not_match_the_source_are_flagged(review_inputs):
    events, corpus = review_inputs
    records = read_events(events).records
    texts = load_sources([corpus])
    texts["a.txt"] = "X" + texts["a.txt"]  # every span of a.txt is now one character off
    payload = build_payload(records, texts, "t")
    checks = {e["id"]: e["sources"][0]["check"] for e in payload["events"]}
    assert checks == {"ev_a1": False, "ev_a2": False, "ev_b1": True, "ev_c1": True, "ev_c2": True}
    assert render_html(payload).count("__DATA__") == 0


def test_missing_source_folder_is_explained(review_inputs, tmp_path, capsys):
    events, _ = review_inputs
    assert main(["review", str(events), "-o", str(tmp_path / "r.html"), "--source", str(tmp_path / "nope")]) == 2
    assert "no such folder or dump" in capsys.readouterr().err


# --- in a real browser


def _card(page, event_id: str):
    return page.locator(f'article.event[data-id="{event_id}"]')


def test_review_in_headless_chromium(review_inputs, tmp_path):
    missing = services.chromium_missing()
    if missing:
        pytest.skip(missing)
    from playwright.sync_api import expect, sync_playwright

    events, corpus = review_inputs
    out = tmp_path / "review.html"
    assert main(["review", str(events), "-o", str(out), "--source", str(corpus), "-q"]) == 0

    requests: list[str] = []
    errors: list[str] = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=services.CHROMIUM, args=services.CHROMIUM_ARGS)
        try:
            context = browser.new_context(accept_downloads=True, viewport={"width": 1280, "height": 1000})
            page = context.new_page()
            page.on("request", lambda r: requests.append(r.url))
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.goto(out.as_uri())

            cards = page.locator("article.event")
            assert cards.count() == 5
            assert page.evaluate("typeof window.__pwned") == "undefined"
            assert _card(page, "ev_b1").locator(".person").inner_text() == sample.EVIL_PERSON
            assert _card(page, "ev_a2").locator("mark.hl-date").inner_text() == "2026 年 2 月 10 日"
            assert _card(page, "ev_a1").locator("mark.hl-person").inner_text() == "Jimmy Ba"

            # Filters, search, grouping.
            page.select_option("#filter-org", "智谱")
            assert cards.count() == 2
            page.select_option("#filter-org", "")
            page.select_option("#filter-status", "rumored")
            assert [cards.nth(i).get_attribute("data-id") for i in range(cards.count())] == ["ev_c2"]
            page.select_option("#filter-status", "")
            page.select_option("#filter-lang", "en")
            assert cards.count() == 1
            page.select_option("#filter-lang", "")
            page.eval_on_selector("#filter-confidence", "el => { el.value = '0.9'; el.dispatchEvent(new Event('input')); }")
            assert cards.count() == 3
            page.eval_on_selector("#filter-confidence", "el => { el.value = '0'; el.dispatchEvent(new Event('input')); }")
            page.fill("#search", "drop table")
            expect(cards).to_have_count(1)  # the search waits for typing to pause
            assert cards.first.get_attribute("data-id") == "ev_b1"
            page.fill("#search", "")
            expect(cards).to_have_count(5)
            page.click("#group-org")
            assert page.locator("h2.group").count() == 3
            page.click("#group-doc")
            assert page.locator("h2.group").all_inner_texts()[0].startswith("a.txt")

            # Decisions: correct, wrong, and a fix (an invalid date is refused first).
            _card(page, "ev_a1").locator("button[data-action=correct]").click()
            _card(page, "ev_b1").locator("button[data-action=wrong]").click()
            _card(page, "ev_c2").locator("button[data-action=wrong]").click()
            _card(page, "ev_c1").locator("button[data-action=correct]").click()
            _card(page, "ev_a2").locator("button[data-action=edit]").click()
            form = _card(page, "ev_a2").locator("form.fix-form")
            form.locator("input[name=date]").fill("Feb 9")
            form.locator("button[data-action=save]").click()
            assert "Date must be" in form.locator(".error").inner_text()
            form.locator("input[name=date]").fill("2026-02-09")
            form.locator("input[name=person_aliases]").fill("Tony Wu | Yuhuai Wu")
            form.locator("select[name=status]").select_option("reported")
            form.locator("button[data-action=save]").click()
            assert "state-fixed" in _card(page, "ev_a2").get_attribute("class")
            assert _card(page, "ev_b1").locator(".badge.state").inner_text() == "wrong"
            page.select_option("#filter-review", "wrong")
            assert cards.count() == 2
            page.select_option("#filter-review", "")

            screenshot = REPO / "output" / "review-screenshot.png"
            screenshot.parent.mkdir(exist_ok=True)
            page.screenshot(path=str(screenshot), full_page=True)

            with page.expect_download() as info:
                page.click("#export")
            download = info.value
            assert download.suggested_filename == "review-gold.jsonl"
            exported = tmp_path / "review-gold.jsonl"
            download.save_as(str(exported))

            # Decisions survive a reload (localStorage).
            page.reload()
            assert "reviewed 5 (2 correct, 2 wrong, 1 fixed)" in page.locator("#progress").inner_text()
        finally:
            browser.close()

    assert errors == []
    assert all(url.startswith(("file:", "blob:", "data:")) for url in requests), requests

    lines = [json.loads(line) for line in exported.read_text(encoding="utf-8").splitlines()]
    assert {"doc": "b.txt", "none": True} in lines
    gold = {(g["doc"], g["person"]): g for g in lines if not g.get("none")}
    assert set(gold) == {("a.txt", "Jimmy Ba"), ("a.txt", "吳宇懷"), ("c.txt", "张帆")}
    for g in gold.values():
        assert list(g) == GOLD_KEYS
    fixed = gold[("a.txt", "吳宇懷")]
    assert (fixed["date"], fixed["date_precision"], fixed["status"]) == ("2026-02-09", "day", "reported")
    assert fixed["person_aliases"] == ["Tony Wu", "Yuhuai Wu"]
    assert fixed["evidence"] == [sample.events()[1]["sources"][0]["text"]]
    assert gold[("c.txt", "张帆")]["date_precision"] == "month" and gold[("c.txt", "张帆")]["optional"] is False

    # The export is gold for `departures evaluate`: the two events marked wrong are false positives.
    report = evaluate(load_jsonl(exported), load_jsonl(events), load_sources([corpus]))
    assert (report.tp, report.fp, report.fn) == (3, 2, 0)
    assert report.fields["date"].value == pytest.approx(2 / 3)
    assert report.provenance_sound == report.provenance_checked
