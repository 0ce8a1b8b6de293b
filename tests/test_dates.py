"""Date phrases → the spec's date values (shared/spec/events.md, "Dates are resolved ...").

Covered:
* ``find_dates`` on Chinese text against an article of Monday 2025-06-16: full and
  spaced dates, year/month, relative years and months, halves, quarters, year parts,
  year ranges, "第一个月", bare months and days (resolved to the past side of the
  anchor), 昨天 / 上周三, Chinese numerals, vague words (found, value None), and
  numbers that are not dates (12 个月, 24 小时, 2000 人, 3年);
* ``find_dates`` on English text against an article of Thursday 2024-09-26;
* ``prefer_future`` (planned departures) and relative phrases with no anchor;
* offsets: ``text[start:end] == mention.text``, left to right, no overlaps
  (a table and a hypothesis property);
* ``infer_anchor`` (labelled date, dateline, latest full date, nothing) and
  ``parse_published`` (ISO, ISO with Z, RFC 2822, Chinese, timestamps, garbage);
* ``cn_int``.

"""
import datetime as dt

import pytest
from hypothesis import given, settings, strategies as st

from pipeline.dates import cn_int, find_dates, infer_anchor, parse_published
from pipeline.records import Anchor, DateMention, DateValue

ZH_ANCHOR = Anchor(dt.date(2025, 6, 16))  # a Monday
EN_ANCHOR = Anchor(dt.date(2024, 9, 26))  # a Thursday


def dated(text, anchor=ZH_ANCHOR, lang="zh", prefer_future=False):
    """(phrase, value, precision) of every mention that resolves to a date."""
    return [
        (m.text, m.value.value, m.value.precision)
        for m in find_dates(text, anchor, lang, prefer_future)
        if m.value is not None
    ]


# ---------------------------------------------------------------------------
# Chinese, article of 2025-06-16

ZH_TABLE = [
    # sentence, phrase found, value, precision
    ("xAI 于 2026年2月11日 宣布", "2026年2月11日", "2026-02-11", "day"),
    ("他在 2025 年 2 月离开", "2025 年 2 月", "2025-02", "month"),
    ("今年1月离职", "今年1月", "2025-01", "month"),
    ("去年11月加入", "去年11月", "2024-11", "month"),
    ("张帆本月离职", "本月", "2025-06", "month"),
    ("上月宣布离开", "上月", "2025-05", "month"),
    ("下个月正式离任", "下个月", "2025-07", "month"),
    ("明年3月退休", "明年3月", "2026-03", "month"),
    ("上半年有三人离开", "上半年", "2025-H1", "half"),
    ("下半年将离开", "下半年", "2025-H2", "half"),
    ("今年上半年离职", "今年上半年", "2025-H1", "half"),
    ("2024年上半年离职", "2024年上半年", "2024-H1", "half"),
    ("2024 年中加入 OpenAI", "2024 年中", "2024", "year"),
    ("年底前离开", "年底", "2025", "year"),
    ("青禾电子今(12)日公告", "今(12)日", "2025-06-12", "day"),
    ("昨（30）日宣布", "昨（30）日", "2025-05-30", "day"),
    ("俱乐部昨晚宣布", "昨晚", "2025-06-15", "day"),
    ("今早证实", "今早", "2025-06-16", "day"),
    ("年初离开", "年初", "2025", "year"),
    ("去年底离职", "去年底", "2024", "year"),
    ("今年年底离开", "今年年底", "2025", "year"),
    ("2024年末离开", "2024年末", "2024", "year"),
    ("前年离开", "前年", "2023", "year"),
    ("2024-2025 年间先后离开", "2024-2025 年间", "2024", "year"),
    ("2026 年的第一个月离开", "2026 年的第一个月", "2026-01", "month"),
    ("8月离职", "8月", "2024-08", "month"),  # a month after June: last year's
    ("5月离职", "5月", "2025-05", "month"),
    ("6月离职", "6月", "2025-06", "month"),
    ("十二月离职", "十二月", "2024-12", "month"),
    ("9月份离职", "9月份", "2024-09", "month"),
    ("10日宣布", "10日", "2025-06-10", "day"),
    ("20日宣布", "20日", "2025-05-20", "day"),  # a day after the 16th: last month's
    ("他在2月28日离职", "2月28日", "2025-02-28", "day"),
    ("12月31日离职", "12月31日", "2024-12-31", "day"),
    ("2 月 10 日深夜发帖", "2 月 10 日", "2025-02-10", "day"),
    ("今年3月5日离开", "今年3月5日", "2025-03-05", "day"),
    ("昨天宣布", "昨天", "2025-06-15", "day"),
    ("前天宣布", "前天", "2025-06-14", "day"),
    ("上周三宣布", "上周三", "2025-06-11", "day"),
    ("下周一离开", "下周一", "2025-06-23", "day"),
    ("二〇二五年三月离开", "二〇二五年三月", "2025-03", "month"),
    ("二〇二五年三月五日离开", "二〇二五年三月五日", "2025-03-05", "day"),
    ("2025年十月", "2025年十月", "2025-10", "month"),
    ("第三季度离开", "第三季度", "2025-Q3", "quarter"),
    ("2025年Q3离开", "2025年Q3", "2025-Q3", "quarter"),
    ("2025年第三季度离开", "2025年第三季度", "2025-Q3", "quarter"),
    ("去年第四季度离开", "去年第四季度", "2024-Q4", "quarter"),
    ("2025年9月初离开", "2025年9月初", "2025-09", "month"),
    ("2025年离开", "2025年", "2025", "year"),
    ("发布于 2025-06-10", "2025-06-10", "2025-06-10", "day"),
    ("2025/6/10 离开", "2025/6/10", "2025-06-10", "day"),
    ("第3季度离开", "第3季度", "2025-Q3", "quarter"),
]


@pytest.mark.parametrize("sentence, phrase, value, precision", ZH_TABLE)
def test_chinese_date_phrases(sentence, phrase, value, precision):
    assert dated(sentence) == [(phrase, value, precision)]


@pytest.mark.parametrize(
    "anchor_day, phrase, value",
    [
        (dt.date(2025, 1, 10), "上月", "2024-12"),
        (dt.date(2025, 1, 10), "本月", "2025-01"),
        (dt.date(2025, 12, 10), "下个月", "2026-01"),
        (dt.date(2025, 1, 10), "12月", "2024-12"),
        (dt.date(2025, 1, 10), "20日", "2024-12-20"),
        (dt.date(2025, 3, 1), "昨天", "2025-02-28"),
    ],
)
def test_relative_phrases_cross_year_and_month_ends(anchor_day, phrase, value):
    assert [v for _, v, _ in dated(phrase, Anchor(anchor_day))] == [value]


@pytest.mark.parametrize("sentence, phrase", [("近日宣布离职", "近日"), ("日前离开", "日前"), ("近期离职", "近期"), ("过去一年离开", "过去一年")])
def test_vague_time_words_are_found_without_a_value(sentence, phrase):
    mentions = find_dates(sentence, ZH_ANCHOR)
    assert [(m.text, m.value) for m in mentions] == [(phrase, None)]


@pytest.mark.parametrize(
    "sentence",
    [
        "裁员 12 个月后",
        "不到 24 小时,另一位联合创始人也宣布离开",
        "公司裁员 2000 人",
        "他在公司工作了3年",
        "三年前",
        "两个月",
        "2019年度最佳员工",
        "近年中国AI人才流动加剧",
        "全年中国市场营收下降",
    ],
)
def test_numbers_that_are_not_dates(sentence):
    assert find_dates(sentence, ZH_ANCHOR) == []


def test_invalid_calendar_day_is_not_a_day():
    assert dated("2月30日") == []
    # the year and month are still stated
    assert dated("2025年2月30日") == [("2025年2月", "2025-02", "month")]


# ---------------------------------------------------------------------------
# English, article of Thursday 2024-09-26

EN_TABLE = [
    ("He left on Wednesday.", "on Wednesday", "2024-09-25", "day"),
    ("She left last month.", "last month", "2024-08", "month"),
    ("He left earlier this year.", "earlier this year", "2024", "year"),
    ("He left in May.", "in May", "2024-05", "month"),
    ("He joined in mid-2024.", "mid-2024", "2024", "year"),
    ("He left in late 2024.", "late 2024", "2024", "year"),
    ("She will leave in first half of 2025.", "first half of 2025", "2025-H1", "half"),
    ("He left in the second half of last year.", "the second half of last year", "2023-H2", "half"),
    ("It happened in Q3 2024.", "Q3 2024", "2024-Q3", "quarter"),
    ("It happened in the third quarter of 2024.", "the third quarter of 2024", "2024-Q3", "quarter"),
    ("He left in February 2025.", "February 2025", "2025-02", "month"),
    ("He left on Feb. 11, 2026.", "Feb. 11, 2026", "2026-02-11", "day"),
    ("He left on 25 September 2024.", "25 September 2024", "2024-09-25", "day"),
    ("He left on Sept 25.", "Sept 25", "2024-09-25", "day"),
    ("He left on December 31.", "December 31", "2023-12-31", "day"),  # after the anchor: last year's
    ("Hiring slowed in H1 2025.", "H1 2025", "2025-H1", "half"),
    ("He resigned yesterday.", "yesterday", "2024-09-25", "day"),
    ("He left last year.", "last year", "2023", "year"),
    ("He leaves at the end of the year.", "the end of the year", "2024", "year"),
    ("He left in 2024.", "in 2024", "2024", "year"),
    ("Published 2024-09-20.", "2024-09-20", "2024-09-20", "day"),
    ("He left on Friday.", "on Friday", "2024-09-20", "day"),
]


@pytest.mark.parametrize("sentence, phrase, value, precision", EN_TABLE)
def test_english_date_phrases(sentence, phrase, value, precision):
    assert dated(sentence, EN_ANCHOR, "en") == [(phrase, value, precision)]




@pytest.mark.parametrize(
    "phrase, value",
    [
        ("last Wednesday", "2024-09-25"),
        ("next Monday", "2024-09-30"),
        ("next Friday", "2024-09-27"),
        ("last Thursday", "2024-09-19"),
    ],
)
def test_english_weekdays_with_last_and_next(phrase, value):
    assert [v for _, v, _ in dated(f"He left {phrase}.", EN_ANCHOR, "en")] == [value]


@pytest.mark.parametrize("sentence", ["He may leave the company.", "The firm has 2000 employees.", "Sales grew 20 percent."])
def test_english_text_without_dates(sentence):
    assert find_dates(sentence, EN_ANCHOR, "en") == []


def test_english_vague_word_has_no_value():
    assert [(m.text, m.value) for m in find_dates("He left recently.", EN_ANCHOR, "en")] == [("recently", None)]


# ---------------------------------------------------------------------------
# prefer_future and missing anchors


@pytest.mark.parametrize(
    "text, lang, anchor, past, future",
    [
        ("He will leave in March.", "en", EN_ANCHOR, "2024-03", "2025-03"),
        ("He leaves on Wednesday.", "en", EN_ANCHOR, "2024-09-25", "2024-10-02"),
        ("3月离任", "zh", ZH_ANCHOR, "2025-03", "2026-03"),
        ("8月离任", "zh", ZH_ANCHOR, "2024-08", "2025-08"),
        ("5日离任", "zh", ZH_ANCHOR, "2025-06-05", "2025-07-05"),
        ("20日离任", "zh", ZH_ANCHOR, "2025-05-20", "2025-06-20"),
    ],
)
def test_prefer_future_resolves_forward(text, lang, anchor, past, future):
    assert [v for _, v, _ in dated(text, anchor, lang)] == [past]
    assert [v for _, v, _ in dated(text, anchor, lang, prefer_future=True)] == [future]


def test_a_day_just_before_the_anchor_stays_in_its_year_even_in_a_plan():
    # 董事会于11月11日收到…辞职报告,…仍将…: yesterday's letter, in a sentence about the future
    anchor = Anchor(dt.date(2026, 11, 12))
    assert [v for _, v, _ in dated("11月11日收到辞职报告", anchor, "zh", prefer_future=True)] == ["2026-11-11"]
    december = Anchor(dt.date(2026, 12, 20))
    assert [v for _, v, _ in dated("将于1月31日卸任", december, "zh", prefer_future=True)] == ["2027-01-31"]


@pytest.mark.parametrize(
    "text, lang, phrase",
    [
        ("今年1月离职", "zh", "今年1月"),
        ("去年11月离职", "zh", "去年11月"),
        ("8月离职", "zh", "8月"),
        ("上半年离职", "zh", "上半年"),
        ("年底离职", "zh", "年底"),
        ("昨天离职", "zh", "昨天"),
        ("He left last month.", "en", "last month"),
        ("He left on Wednesday.", "en", "on Wednesday"),
        ("He left in May.", "en", "in May"),
    ],
)
def test_relative_phrases_without_anchor_are_found_with_no_value(text, lang, phrase):
    assert [(m.text, m.value) for m in find_dates(text, None, lang)] == [(phrase, None)]


@pytest.mark.parametrize(
    "text, lang, value",
    [("2026年2月11日离职", "zh", "2026-02-11"), ("He left on Feb. 11, 2026.", "en", "2026-02-11"), ("2025 年 2 月", "zh", "2025-02")],
)
def test_absolute_dates_need_no_anchor(text, lang, value):
    assert [v for _, v, _ in dated(text, None, lang)] == [value]


# ---------------------------------------------------------------------------
# offsets


def test_offsets_of_several_mentions_in_one_text():
    text = "2026年2月11日,xAI 联合创始人吴宇怀宣布离职。不到 24 小时,Jimmy Ba 也宣布离开。他去年11月加入,近日又传出消息。"
    mentions = find_dates(text, ZH_ANCHOR)
    assert [m.text for m in mentions] == ["2026年2月11日", "去年11月", "近日"]
    for m in mentions:
        assert text[m.start : m.end] == m.text
    assert mentions[0] == DateMention(0, 10, "2026年2月11日", DateValue("2026-02-11", "day"))
    assert mentions[1].value == DateValue("2024-11", "month")


def test_overlapping_candidates_keep_the_longest():
    # 去年11月 also contains the bare month 11月; only the longer phrase is reported
    assert [(m.text, m.start) for m in find_dates("他去年11月离开", ZH_ANCHOR)] == [("去年11月", 1)]


_DATE_BITS = ["2025", "年", "月", "日", " ", "去", "今", "上", "半", "第", "季度", "3", "11", "二", "十", "周", "近日", "离职", "。", "-", "底"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_DATE_BITS), max_size=25).map("".join), st.sampled_from(["zh", "en"]))
def test_mentions_are_verbatim_ordered_and_disjoint(text, lang):
    mentions = find_dates(text, ZH_ANCHOR, lang)
    for m in mentions:
        assert text[m.start : m.end] == m.text and m.end > m.start
    for a, b in zip(mentions, mentions[1:]):
        assert a.end <= b.start


# ---------------------------------------------------------------------------
# infer_anchor


def test_anchor_from_labelled_publication_date():
    text = "xAI 又走一位联创\n发布时间：2025-06-16 10:00\n2026年2月11日,Jimmy Ba 宣布离开。"
    assert infer_anchor(text, "zh") == Anchor(dt.date(2025, 6, 16), "day", "dateline")


def test_anchor_from_chinese_label_and_chinese_date():
    assert infer_anchor("发布时间: 2025年6月16日\n正文", "zh") == Anchor(dt.date(2025, 6, 16), "day", "dateline")


def test_anchor_from_dateline_in_first_lines_beats_later_dates():
    text = "xAI 又走一位联创\n编译 | Tina，2026-01-23\n\n第一段。\n第二段。\n第三段。\n2026年2月11日,Jimmy Ba 宣布离开。"
    assert infer_anchor(text, "zh") == Anchor(dt.date(2026, 1, 23), "day", "dateline")


def test_anchor_is_latest_full_date_in_text():
    text = "第一行\n第二行\n第三行\n第四行\n第五行\n他在2024年3月1日离职,2024年5月2日加入新公司,2023年1月1日毕业。"
    assert infer_anchor(text, "zh") == Anchor(dt.date(2024, 5, 2), "day", "text")


def test_english_anchor_from_published_label():
    assert infer_anchor("Published: Sept. 25, 2024\nJohn left on Wednesday.", "en") == Anchor(dt.date(2024, 9, 25), "day", "dateline")


@pytest.mark.parametrize("text", ["", "没有日期的文章。", "去年11月他离职。2024年他加入。", "He left last month."])
def test_no_full_date_gives_no_anchor(text):
    assert infer_anchor(text, "zh") is None
    assert infer_anchor(text, "en") is None


# ---------------------------------------------------------------------------
# parse_published

JUNE_16 = dt.date(2025, 6, 16)


@pytest.mark.parametrize(
    "value, expected",
    [
        ("2025-06-16", JUNE_16),
        ("  2025-06-16  ", JUNE_16),
        ("2025-06-16T10:00:00Z", JUNE_16),
        ("2025-06-16T23:30:00-08:00", JUNE_16),  # the local date as written
        ("Mon, 16 Jun 2025 10:00:00 GMT", JUNE_16),
        ("2025年6月16日", JUNE_16),
        ("June 16, 2025", JUNE_16),
        (JUNE_16, JUNE_16),
        (dt.datetime(2025, 6, 16, 3, 0), JUNE_16),
        (1750000000, dt.date(2025, 6, 15)),  # epoch seconds, UTC
        (1750000000000, dt.date(2025, 6, 15)),  # epoch milliseconds
        ("garbage", None),
        ("not a date at all xyz", None),
        ("2025-13-45", None),
        ("", None),
        (None, None),
        ("2025", None),
    ],
)
def test_parse_published(value, expected):
    assert parse_published(value) == expected


# ---------------------------------------------------------------------------
# cn_int


@pytest.mark.parametrize(
    "text, value",
    [("12", 12), ("十", 10), ("十二", 12), ("二十", 20), ("二十一", 21), ("三", 3), ("二〇二五", 2025), ("二零二四", 2024), ("", None), ("abc", None), ("十x", None)],
)
def test_cn_int(text, value):
    assert cn_int(text) == value
