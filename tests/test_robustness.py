"""Bad input: every document that cannot be read gives one line in errors.jsonl and
the batch goes on; text in any encoding we read gives events whose offsets slice
the text as decoded; no text whatever makes the pipeline raise.

Decisions these tests pin (documented in README "Batch runs"):

* an empty file, a dump line with an empty ``text`` and an HTML page with no
  article text (all scripts and navigation) are *errors* ("has no text"), not
  articles without events: a crawl that saved only page chrome must be visible;
* an article over ``--max-chars`` (default 1,000,000 characters) is an error
  naming the limit; a file or dump line far over it is rejected by its size
  before it is read into memory.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import opencc
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from batch_helpers import REPO, ZH_DEPARTURES, ZH_OTHER, read_jsonl
from pipeline.batch import BatchOptions, BatchRun
from pipeline.ingest import DEFAULT_MAX_CHARS, iter_inputs
from pipeline.records import Article, DocumentError
from pipeline.run import process_article

HANS = "".join(ZH_OTHER[:4]) + ZH_DEPARTURES[0].format(name="张伟") + "\n" + "".join(ZH_OTHER[4:])
HANT = opencc.OpenCC("s2tw").convert(HANS)  # Taiwan forms: all of them exist in Big5


def extract(inputs, out: Path, **options):
    """Run a batch in-process; returns (summary, events, errors)."""
    summary = BatchRun(BatchOptions(inputs=[str(p) for p in inputs], output=out / "events.jsonl", **options)).run()
    return summary, read_jsonl(out / "events.jsonl"), read_jsonl(out / "errors.jsonl")


def assert_sources_slice(events: list[dict], texts: dict[str, str]) -> None:
    for event in events:
        text = texts[event["doc"]]
        assert event["sources"]
        for source in event["sources"]:
            assert text[source["start"] : source["end"]] == source["text"]


# ---------------------------------------------------------------------------
# encodings


def test_every_encoding_we_read_gives_events_with_exact_offsets(tmp_path):
    files = {
        "utf8.txt": (HANS, "utf-8"),
        "utf8-bom.txt": (HANS, "utf-8-sig"),
        "utf16.txt": (HANS, "utf-16"),
        "utf16-be.txt": (HANS, "utf-16-be-bom"),
        "gb18030.txt": (HANS, "gb18030"),
        "big5.txt": (HANT, "big5"),
    }
    folder = tmp_path / "in"
    folder.mkdir()
    for name, (text, encoding) in files.items():
        data = b"\xfe\xff" + text.encode("utf-16-be") if encoding == "utf-16-be-bom" else text.encode(encoding)
        (folder / name).write_bytes(data)
    summary, events, errors = extract([folder], tmp_path / "out")
    assert errors == []
    assert summary.documents == len(files)
    found = {e["doc"]: e["person"] for e in events}
    assert found == {name: ("張偉" if name == "big5.txt" else "张伟") for name in files}
    # offsets refer to the file as Python's text mode decodes it (the BOM of UTF-8 stays, as U+FEFF)
    texts = {
        name: (folder / name).read_text(encoding="utf-8" if enc.startswith("utf-8") else "utf-16" if enc.startswith("utf-16") else enc)
        for name, (_, enc) in files.items()
    }
    assert texts["utf8-bom.txt"].startswith("\ufeff")
    assert_sources_slice(events, texts)


# ---------------------------------------------------------------------------
# one error line per bad document, and the batch goes on


def _write_bad_inputs(folder: Path) -> dict[str, str]:
    """Bad documents beside good ones; returns error doc → a word its message must contain."""
    folder.mkdir(parents=True)
    (folder / "good.txt").write_text(HANS, encoding="utf-8")
    (folder / "fake.txt").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nstream\n" + bytes(range(256)) * 8)
    (folder / "picture.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256)) * 4)
    (folder / "report.pdf.txt").write_bytes(b"%PDF-1.4\n" + b"\x00\x01\x02\x03" * 100)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.md").write_text("  \n\n\t\n", encoding="utf-8")
    (folder / "chrome.html").write_text(
        "<html><head><title>Home</title><script>var x = '离职';</script><style>p{}</style></head>"
        "<body><nav><a href='/'>首页</a><a href='/news'>新闻</a></nav><script>track()</script>"
        "<footer>版权所有</footer></body></html>",
        encoding="utf-8",
    )
    lines = [
        json.dumps({"id": "ok-1", "text": HANS}, ensure_ascii=False),
        '{"id": "broken", "text": "no closing quote}',
        "[1, 2, 3]",
        json.dumps({"text": "an article without an id"}),
        json.dumps({"id": "empty-text", "text": ""}),
        json.dumps({"id": "ok-2", "text": HANT}, ensure_ascii=False),
    ]
    (folder / "dump.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    dump = str(folder / "dump.jsonl")
    return {
        "fake.txt": "binary",
        "picture.txt": "binary",
        "report.pdf.txt": "binary",
        "empty.txt": "no text",
        "blank.md": "no text",
        "chrome.html": "no article text",
        f"{dump}:2": "not valid JSON",
        f"{dump}:3": "not a JSON object",
        f"{dump}:4": "no usable \"id\"",
        "empty-text": "no text",
    }


def test_each_bad_document_gives_exactly_one_error_line_and_the_batch_goes_on(tmp_path):
    expected = _write_bad_inputs(tmp_path / "in")
    summary, events, errors = extract([tmp_path / "in"], tmp_path / "out")
    by_doc = {}
    for error in errors:
        assert error["doc"] not in by_doc, f"two error lines for {error['doc']}"
        by_doc[error["doc"]] = error
    assert set(by_doc) == set(expected)
    for doc, word in expected.items():
        assert word in by_doc[doc]["message"], by_doc[doc]
        assert by_doc[doc]["stage"] == "ingest"
    assert summary.ingest_errors == len(expected) and summary.extraction_errors == 0
    assert {e["doc"] for e in events} == {"good.txt", "ok-1", "ok-2"}


def test_malformed_dump_lines_are_named_by_line_number(tmp_path):
    _write_bad_inputs(tmp_path / "in")
    errors = [e for e in iter_inputs([tmp_path / "in" / "dump.jsonl"]) if isinstance(e, DocumentError)]
    assert [(e.line, e.path.endswith("dump.jsonl")) for e in errors] == [(2, True), (3, True), (4, True), (5, True)]
    assert "column" in errors[0].message  # where on the line the JSON broke


def test_cli_exit_status_is_1_when_documents_failed(tmp_path):
    _write_bad_inputs(tmp_path / "in")
    result = subprocess.run(
        [sys.executable, "-m", "pipeline.cli", "extract", str(tmp_path / "in"), "-o", str(tmp_path / "out" / "events.jsonl")],
        cwd=REPO, capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 1
    assert "failed 10: 10 could not be read (ingest)" in result.stderr
    assert len(read_jsonl(tmp_path / "out" / "errors.jsonl")) == 10


# ---------------------------------------------------------------------------
# huge articles


def _peak_rss_of(args: list[str]) -> tuple[subprocess.CompletedProcess, float]:
    """Run a command in a fresh interpreter that reports its children's peak RSS (MB)."""
    probe = (
        "import resource, subprocess, sys, json\n"
        "r = subprocess.run(sys.argv[1:], capture_output=True, text=True)\n"
        "print(json.dumps([r.returncode, r.stderr, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss]))\n"
    )
    out = subprocess.run([sys.executable, "-c", probe, *args], cwd=REPO, capture_output=True, text=True, timeout=600)
    code, stderr, maxrss_kb = json.loads(out.stdout)
    return subprocess.CompletedProcess(args, code, "", stderr), maxrss_kb / 1024


def test_a_50_mb_article_is_a_clear_error_within_bounded_memory(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    block = (HANS + "\n").encode("utf-8")
    with open(folder / "huge.txt", "wb") as handle:
        for _ in range(50 * 1024 * 1024 // len(block) + 1):
            handle.write(block)
    with open(folder / "huge.jsonl", "w", encoding="utf-8") as handle:
        handle.write(json.dumps({"id": "huge-line", "text": HANS * (50 * 1024 * 1024 // len(block))}, ensure_ascii=False) + "\n")
        handle.write(json.dumps({"id": "after", "text": HANS}, ensure_ascii=False) + "\n")
    (folder / "small.txt").write_text(HANS, encoding="utf-8")
    result, peak_mb = _peak_rss_of([sys.executable, "-m", "pipeline.cli", "extract", str(folder), "-o", str(tmp_path / "out" / "events.jsonl")])
    assert result.returncode == 1, result.stderr
    errors = {e["doc"]: e for e in read_jsonl(tmp_path / "out" / "errors.jsonl")}
    assert set(errors) == {"huge.txt", f"{folder / 'huge.jsonl'}:1"}
    assert "over the limit" in errors["huge.txt"]["message"] and "--max-chars" in errors["huge.txt"]["message"]
    line_error = errors[f"{folder / 'huge.jsonl'}:1"]
    assert line_error["line"] == 1 and "--max-chars" in line_error["message"]
    assert {e["doc"] for e in read_jsonl(tmp_path / "out" / "events.jsonl")} == {"after", "small.txt"}
    assert peak_mb < 400, f"peak RSS {peak_mb:.0f} MB: a rejected article must not be held in memory"


def test_an_article_near_the_limit_is_processed(tmp_path):
    text = (HANS + "\n") * (300_000 // (len(HANS) + 1))
    assert len(text) < DEFAULT_MAX_CHARS
    result = process_article(Article("long.txt", text, lang="zh", script="hans"))
    assert result.error is None
    assert result.events and all(text[s.start : s.end] == s.text for e in result.events for s in e.sources)


# ---------------------------------------------------------------------------
# control characters, lone surrogates


def test_control_characters_and_lone_surrogates_are_read(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    noisy = HANS.replace("。", "。\x07", 2).replace("公司", "公\x1b司", 1)
    (folder / "control.txt").write_bytes(noisy.encode("utf-8"))
    dump_lines = [
        '{"id": "nul", "text": "' + json.dumps(HANS, ensure_ascii=False)[1:-1].replace("。", "。\\u0000", 1) + '"}',
        '{"id": "surrogate", "text": "\\ud800\\udfff\\udc00' + json.dumps(HANS, ensure_ascii=False)[1:-1] + '\\ud83d"}',
    ]
    (folder / "dump.jsonl").write_text("\n".join(dump_lines) + "\n", encoding="utf-8")
    summary, events, errors = extract([folder], tmp_path / "out")
    assert errors == []
    assert {e["doc"] for e in events} == {"control.txt", "nul", "surrogate"}
    texts = {a.doc_id: a.text for a in iter_inputs([folder]) if isinstance(a, Article)}
    assert texts["surrogate"].startswith("\U000103ff\ufffd")  # a valid pair is a character; lone halves become U+FFFD
    assert texts["surrogate"].endswith("\ufffd")
    assert len(texts["surrogate"]) == len(json.loads(dump_lines[1])["text"])  # same length: offsets still hold
    assert_sources_slice(events, texts)
    # the writer could encode everything: the events file is valid UTF-8 JSON
    (tmp_path / "out" / "events.jsonl").read_text(encoding="utf-8")


# ---------------------------------------------------------------------------
# property: any text, no exception, exact provenance

_FRAGMENTS = st.sampled_from(
    [
        "张伟", "王芳", "极光科技", "首席技术官", "副总裁", "已于本月", "离职", "辞去", "职务", "加入", "离开", "。", ",",
        "\n", "\n\n", "「", "」", "“", "”", "(", ")", "離職", "張偉", "前", "从", "挖来", "2025年6月", "去年",
        " resigned ", "John Smith", " stepped down as ", "chief executive", " of Acme Labs", ". ", " left ", " joined ",
        "\t", "|", "#", "**", "內(nèi)", "\u3000", "ＡＢＣ", "\ufeff", "\x00", "\ufffd",
    ]
)
_TEXT = st.lists(st.one_of(_FRAGMENTS, st.text(max_size=12)), max_size=40).map("".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=_TEXT, lang=st.sampled_from([None, "zh", "en"]), script=st.sampled_from([None, "hans", "hant"]))
def test_any_text_is_processed_without_error_and_sources_slice_exactly(text, lang, script):
    article = Article("prop.txt", text, lang=lang, script=script if lang != "en" else "latn")
    result = process_article(article)
    assert result.error is None, result.error
    for event in result.events:
        for source in event.sources:
            assert 0 <= source.start <= source.end <= len(text)
            assert text[source.start : source.end] == source.text
