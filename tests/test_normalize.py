"""Normalization: the analysis text is clean, and every offset maps back exactly."""
from hypothesis import given, settings, strategies as st

from pipeline.normalize import clean_value, looks_like_markdown, normalize
from pipeline.records import Alignment


def _roundtrip(source: str, analysis, needle: str) -> str:
    start = analysis.text.index(needle)
    return analysis.source_span(start, start + len(needle)).text


def test_full_width_ascii_becomes_half_width_with_identity_offsets():
    source = "ＡＢＣ公司ＣＥＯ：王小明，２０２５年"
    analysis = normalize(source)
    assert analysis.text == "ABC公司CEO:王小明,2025年"
    assert analysis.to_source == list(range(len(source) + 1))
    span = analysis.source_span(0, 3)
    assert span.text == "ＡＢＣ" and span.alignment is Alignment.CONVERTED


def test_traditional_converted_to_simplified_and_mapped_back():
    source = "據報道,該銀行副行長陳國華已經離職。"
    analysis = normalize(source, traditional=True)
    assert "据报道" in analysis.text and "离职" in analysis.text
    assert _roundtrip(source, analysis, "陈国华已经离职") == "陳國華已經離職"


def test_pinyin_debris_is_removed_but_glosses_stay():
    source = "他在業內(nèi)很有名,當(dāng)時負責形式化(autoformalization)研究,吳明(Ming Wu)離職。"
    analysis = normalize(source, traditional=True)
    assert "(nèi)" not in analysis.text and "(dāng)" not in analysis.text
    assert "(autoformalization)" in analysis.text
    assert "(Ming Wu)" in analysis.text
    # The span over the cleaned words covers the debris in the source, verbatim.
    assert _roundtrip(source, analysis, "业内很有名") == "業內(nèi)很有名"


def test_markdown_markup_is_removed():
    source = "# 标题\n\n> 来源:某报\n\n**张三离职**,见[公告](https://example.com/a)。\n![图](a.png)\n- 列表项"
    analysis = normalize(source, markdown=True)
    assert analysis.text.splitlines()[0] == "标题"
    assert "**" not in analysis.text and "](" not in analysis.text and "a.png" not in analysis.text
    assert "张三离职,见公告。" in analysis.text
    assert "列表项" in analysis.text and "- 列表项" not in analysis.text
    assert looks_like_markdown(source)


def test_plain_text_with_image_stubs_is_treated_as_markdown():
    source = "![]()\n第一段。\n![]()\n第二段。"
    analysis = normalize(source)
    assert analysis.text.split() == ["第一段。", "第二段。"]


def test_length_changing_conversion_keeps_map_monotonic():
    # Pretend OpenCC changed a line's length: the aligner must still give a monotonic map.
    from pipeline.normalize import _align

    mapping = _align("甲乙丙丁", "甲乙乙丙丁")
    assert mapping == sorted(mapping)
    assert all(0 <= i < 4 for i in mapping)


def test_clean_value_strips_debris_and_markup():
    assert clean_value("創(chuàng)始成員") == "創始成員"
    assert clean_value("**核心研究员**") == "核心研究员"


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200), st.booleans())
def test_offsets_always_slice_the_source(source, traditional):
    analysis = normalize(source, traditional=traditional)
    assert len(analysis.to_source) == len(analysis.text) + 1
    assert analysis.to_source == sorted(analysis.to_source)
    for start in range(0, len(analysis.text), 7):
        end = min(len(analysis.text), start + 5)
        span = analysis.source_span(start, end)
        assert source[span.start : span.end] == span.text
