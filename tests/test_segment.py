"""Sentence splitting and tokenization."""
from pipeline.segment import split_sentences, tokenize


def _texts(text, lang="zh"):
    return [s.text for s in split_sentences(text, lang)]


def test_chinese_full_stops_and_ascii_punctuation():
    text = "甲公司宣布,总裁李四离职。乙公司否认传闻!丙公司呢?"
    assert _texts(text) == ["甲公司宣布,总裁李四离职。", "乙公司否认传闻!", "丙公司呢?"]


def test_quotes_are_not_cut_inside():
    text = "他在社交平台写道:「是时候离开了。谢谢大家。」随后删帖。"
    assert _texts(text) == ["他在社交平台写道:「是时候离开了。谢谢大家。」", "随后删帖。"]
    text = '她写道:"我们没有准备好。"然后离开。'
    assert _texts(text) == ['她写道:"我们没有准备好。"', "然后离开。"]


def test_every_line_is_a_boundary_and_paragraphs_are_counted():
    text = "标题一行\n\n第一段第一句。第二句\n第二段"
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == ["标题一行", "第一段第一句。", "第二句", "第二段"]
    assert [s.paragraph for s in sentences] == [0, 1, 1, 1]
    for s in sentences:
        assert text[s.start : s.end] == s.text


def test_table_rows_with_tabs_are_one_unit():
    text = "姓名\t职务\t离职时间\n王五\t总监。副总\t2024年3月"
    sentences = split_sentences(text)
    assert [s.is_table_row for s in sentences] == [True, True]
    assert sentences[1].text == "王五\t总监。副总\t2024年3月"


def test_english_sentences_and_abbreviations():
    text = "Mr. Smith resigned on Friday. The U.S. bank said J.P. Doe will stay. Shares fell 3.5% in New York."
    assert _texts(text, "en") == [
        "Mr. Smith resigned on Friday.",
        "The U.S. bank said J.P. Doe will stay.",
        "Shares fell 3.5% in New York.",
    ]


def test_tokenize_offsets_cover_the_text():
    text = "首席运营官王五也于本月离职"
    tokens = tokenize(text)
    assert "".join(t.text for t in tokens) == text
    assert all(text[t.start : t.end] == t.text for t in tokens)
    assert any(t.text == "离职" for t in tokens)
