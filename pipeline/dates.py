"""Date phrases → the spec's date values, resolved against the document's anchor.

Why a layer of our own in front of dateparser: dateparser reads ``2026年2月11日``
but none of the relative or spaced Chinese forms news writes every day
(``去年11月``, ``今年1月``, ``2024 年中``, ``2 月 10 日深夜``, ``2025 年 2 月``), and
it has no notion of the spec's precisions (quarter, half). So both languages are
read by small pattern families here, each producing a :class:`DateValue` at the
precision the phrase states; dateparser is kept for what it is good at, free-form
publication dates in metadata (``Mon, 16 Jun 2025 10:00:00 GMT``).

Vague time words (近日, 日前, recently) are reported too, with ``value=None``:
a clause that says "recently" has no date, and must not borrow one from elsewhere.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Callable, Optional

from .records import Anchor, DateMention, DateValue

# ---------------------------------------------------------------------------
# numbers

_CN_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def cn_int(text: str) -> Optional[int]:
    """``12`` / ``十二`` / ``二十一`` / ``二〇二五`` → int; None when not a number."""
    text = text.strip()
    if not text:
        return None
    if text.isdigit():
        return int(text)
    if "十" in text:
        tens, _, units = text.partition("十")
        t = _CN_DIGITS.get(tens, None) if tens else 1
        u = _CN_DIGITS.get(units, None) if units else 0
        if t is None or u is None:
            return None
        return t * 10 + u
    if all(ch in _CN_DIGITS for ch in text):
        value = 0
        for ch in text:
            value = value * 10 + _CN_DIGITS[ch]
        return value
    return None


# ---------------------------------------------------------------------------
# calendar helpers


def _day(year: int, month: int, day: int) -> Optional[DateValue]:
    try:
        return DateValue(dt.date(year, month, day).isoformat(), "day")
    except ValueError:
        return None


def _month(year: int, month: int) -> Optional[DateValue]:
    if not 1 <= month <= 12 or not 1900 <= year <= 2100:
        return None
    return DateValue(f"{year:04d}-{month:02d}", "month")


def _year(year: int) -> Optional[DateValue]:
    return DateValue(f"{year:04d}", "year") if 1900 <= year <= 2100 else None


def _half(year: int, half: int) -> DateValue:
    return DateValue(f"{year:04d}-H{half}", "half")


def _quarter(year: int, quarter: int) -> Optional[DateValue]:
    return DateValue(f"{year:04d}-Q{quarter}", "quarter") if 1 <= quarter <= 4 else None


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


# How far before the anchor a date in a statement about the future may still fall in
# the anchor's year: 董事会于11月11日收到…辞职报告,…将… in an article of 11月12日 is
# yesterday, not next November; 将于1月31日卸任 in December is next January.
_FUTURE_GRACE_DAYS = 31


def _year_for_month(anchor: dt.date, month: int, prefer_future: bool) -> int:
    """The year of a month named without one: the anchor's, unless that lands on the wrong side of it."""
    if prefer_future:
        return anchor.year + 1 if month < anchor.month - 1 else anchor.year
    return anchor.year - 1 if month > anchor.month else anchor.year


def _year_for_day(anchor: dt.date, month: int, day: int, prefer_future: bool) -> int:
    if prefer_future:
        try:
            days_before = (anchor - dt.date(anchor.year, month, day)).days
        except ValueError:  # 2月30日: no such day this year
            days_before = 0
        return anchor.year + 1 if days_before > _FUTURE_GRACE_DAYS else anchor.year
    return anchor.year - 1 if (month, day) > (anchor.month, anchor.day) else anchor.year


def _weekday(anchor: dt.date, weekday: int, prefer_future: bool, week_shift: int = 0) -> dt.date:
    """The named weekday nearest the anchor on the side the text implies.

    Past (the default): the latest such day on or before the anchor, so "on
    Wednesday" in an article of Thursday 2024-09-26 is 2024-09-25. ``week_shift``
    handles 上周三 (-1) and 下周三 (+1): the day of that calendar week.
    """
    if week_shift:
        monday = anchor - dt.timedelta(days=anchor.weekday()) + dt.timedelta(weeks=week_shift)
        return monday + dt.timedelta(days=weekday)
    delta = (anchor.weekday() - weekday) % 7
    if prefer_future:
        return anchor + dt.timedelta(days=(weekday - anchor.weekday()) % 7)
    return anchor - dt.timedelta(days=delta)


# ---------------------------------------------------------------------------
# pattern families


@dataclass(frozen=True)
class DateRule:
    """One family of date phrases: its pattern and how a match becomes a value.

    ``needs_anchor`` marks relative phrases: with no anchor they are still found
    (so they keep a clause from borrowing another date) but resolve to None.
    """

    name: str
    pattern: re.Pattern
    resolve: Callable[[re.Match, Optional[dt.date], bool], Optional[DateValue]]
    needs_anchor: bool = False


_Y = r"(?P<y>(?:19|20)\d\d|[二一][〇零一二三四五六七八九]{3})"
_M = r"(?P<m>1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])"
_D = r"(?P<d>3[01]|[12]\d|0?[1-9]|三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九])"
_S = r"\s*"  # the samples put spaces between numbers and units: 2025 年 2 月
_NOT_AFTER_DIGIT = r"(?<![\d.])"


def _g(match: re.Match, name: str) -> Optional[int]:
    raw = match.group(name)
    return cn_int(raw) if raw is not None else None


def _zh_full(m, anchor, future):
    return _day(_g(m, "y"), _g(m, "m"), _g(m, "d"))


def _zh_year_month(m, anchor, future):
    return _month(_g(m, "y"), _g(m, "m"))


def _zh_year_quarter(m, anchor, future):
    return _quarter(_g(m, "y"), _g(m, "q") or _g(m, "q2"))


def _zh_year_half(m, anchor, future):
    return _half(_g(m, "y"), 1 if m.group("h") == "上" else 2)


def _zh_year_nth_month(m, anchor, future):
    return _month(_g(m, "y"), _g(m, "n"))


def _zh_year_range(m, anchor, future):
    return _year(int(m.group("y")))


def _zh_year(m, anchor, future):
    return _year(_g(m, "y"))


_REL_YEAR = {"今年": 0, "本年": 0, "当年": 0, "去年": -1, "前年": -2, "明年": 1}


def _zh_rel_year(m, anchor, future):
    year = anchor.year + _REL_YEAR[m.group("rel")]
    if m.group("m"):
        month = _g(m, "m")
        if m.group("d"):
            return _day(year, month, _g(m, "d"))
        return _month(year, month)
    if m.group("h"):
        return _half(year, 1 if m.group("h") == "上" else 2)
    if m.group("q"):
        return _quarter(year, _g(m, "q"))
    return _year(year)


_REL_MONTH = {"本月": 0, "这个月": 0, "当月": 0, "上月": -1, "上个月": -1, "下月": 1, "下个月": 1}


def _zh_rel_month(m, anchor, future):
    year, month = _shift_month(anchor.year, anchor.month, _REL_MONTH[m.group("rel")])
    return _month(year, month)


def _zh_this_year(m, anchor, future):
    return _year(anchor.year)


def _zh_bare_half(m, anchor, future):
    return _half(anchor.year, 1 if m.group("h") == "上" else 2)


def _zh_bare_quarter(m, anchor, future):
    return _quarter(anchor.year, _g(m, "q"))


def _zh_month_day(m, anchor, future):
    month, day = _g(m, "m"), _g(m, "d")
    return _day(_year_for_day(anchor, month, day, future), month, day)


def _zh_month(m, anchor, future):
    month = _g(m, "m")
    return _month(_year_for_month(anchor, month, future), month)


def _zh_day(m, anchor, future):
    day = int(m.group("d"))
    year, month = anchor.year, anchor.month
    if (day > anchor.day) != future and day != anchor.day:
        year, month = _shift_month(year, month, 1 if future else -1)
    return _day(year, month, day)


_REL_DAY = {
    "今天": 0, "今日": 0, "昨天": -1, "昨日": -1, "前天": -2, "明天": 1, "明日": 1,
    # parts of a day: 昨晚宣布, 今早证实, 前晚发文
    "今晚": 0, "今早": 0, "今晨": 0, "昨晚": -1, "昨夜": -1, "昨晨": -1, "前晚": -2,
}


def _zh_rel_day(m, anchor, future):
    return DateValue((anchor + dt.timedelta(days=_REL_DAY[m.group("rel")])).isoformat(), "day")


_ZH_WEEKDAYS = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}


def _zh_paren_day(m, anchor, future):
    """今(5)日 / 昨(17)日: Taiwan news writes the day of the month in brackets after
    今 or 昨; the month is the anchor's (or the one before, when the day is later)."""
    day = int(m.group("d"))
    year, month = anchor.year, anchor.month
    if day > anchor.day and m.group("rel") != "明":
        year, month = _shift_month(year, month, -1)
    return _day(year, month, day)


def _zh_weekday(m, anchor, future):
    shift = {"上": -1, "下": 1, "本": 0, "这": 0, None: 0}[m.group("w")]
    day = _weekday(anchor, _ZH_WEEKDAYS[m.group("wd")], future, shift)
    return DateValue(day.isoformat(), "day")


def _vague(m, anchor, future):
    return None


_ZH_RULES: tuple[DateRule, ...] = (
    DateRule("zh.full", re.compile(_NOT_AFTER_DIGIT + _Y + _S + "年" + _S + _M + _S + "月" + _S + _D + _S + "[日号]"), _zh_full),
    DateRule("zh.iso", re.compile(r"(?<![\d.])(?P<y>(?:19|20)\d\d)[-/.](?P<m>1[0-2]|0?[1-9])[-/.](?P<d>3[01]|[12]\d|0?[1-9])(?![\d])"), _zh_full),
    DateRule("zh.year_range", re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)\s*[-–—~至到]\s*(?:19|20)\d\d\s*年(?:间|之间|期间)?"), _zh_year_range),
    DateRule("zh.year_quarter", re.compile(_NOT_AFTER_DIGIT + _Y + _S + "年" + _S + r"(?:的)?(?:第?(?P<q>[一二三四1-4])" + _S + r"季度|Q(?P<q2>[1-4]))"), _zh_year_quarter),
    DateRule("zh.year_half", re.compile(_NOT_AFTER_DIGIT + _Y + _S + "年" + _S + r"(?P<h>[上下])半年"), _zh_year_half),
    DateRule("zh.year_nth_month", re.compile(_NOT_AFTER_DIGIT + _Y + _S + r"年的?第(?P<n>[一二三四五六七八九十]{1,2}|\d{1,2})个月"), _zh_year_nth_month),
    DateRule("zh.year_month", re.compile(_NOT_AFTER_DIGIT + _Y + _S + "年" + _S + _M + _S + r"月(?:份)?(?:初|中旬|下旬|上旬|中|底|末)?"), _zh_year_month),
    DateRule("zh.year", re.compile(_NOT_AFTER_DIGIT + _Y + _S + r"年(?:初|中|底|末|内|年初|年中|年底|年末)?(?![代级度轻])"), _zh_year),
    DateRule(
        "zh.rel_year",
        re.compile(
            r"(?P<rel>今年|本年|当年|去年|前年|明年)"
            r"(?:" + _S + _M + _S + r"月(?:份)?(?:" + _S + _D + _S + r"[日号])?(?:初|中旬|下旬|上旬|中|底|末)?"
            r"|(?P<h>[上下])半年|第?(?P<q>[一二三四1-4])季度|(?:年)?(?:初|中|底|末|内))?"
        ),
        _zh_rel_year,
        needs_anchor=True,
    ),
    DateRule("zh.rel_month", re.compile(r"(?P<rel>本月|这个月|当月|上个?月|下个?月)(?:初|中旬|下旬|上旬|中|底|末)?"), _zh_rel_month, needs_anchor=True),
    DateRule("zh.year_part", re.compile(r"(?<![\d年今去明前本当一二三四五六七八九十两几多每近全往历半成少新周同该此长青老晚])年(?:初|中|底|末)(?![期考国央心])"), _zh_this_year, needs_anchor=True),
    DateRule("zh.half", re.compile(r"(?<![年今去明])(?P<h>[上下])半年"), _zh_bare_half, needs_anchor=True),
    DateRule("zh.quarter", re.compile(r"(?<![年今去明\d])第?(?P<q>[一二三四1-4])季度"), _zh_bare_quarter, needs_anchor=True),
    DateRule("zh.month_day", re.compile(r"(?<![\d年.个])" + _M + _S + "月" + _S + _D + _S + "[日号]"), _zh_month_day, needs_anchor=True),
    DateRule("zh.month", re.compile(r"(?<![\d年.个第一二三四五六七八九十])(?P<m>1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])" + _S + r"月(?:份)?(?:初|中旬|下旬|上旬|中|底|末)?(?!\s*[\d一二三四五六七八九十]+\s*[日号])"), _zh_month, needs_anchor=True),
    DateRule("zh.day", re.compile(r"(?<![\d月.])(?P<d>3[01]|[12]\d|0?[1-9])\s*日(?![本元常内])"), _zh_day, needs_anchor=True),
    DateRule("zh.paren_day", re.compile(r"(?P<rel>[今昨前明])\s*[(（]\s*(?P<d>3[01]|[12]\d|0?[1-9])\s*[)）]\s*日"), _zh_paren_day, needs_anchor=True),
    DateRule("zh.rel_day", re.compile(r"(?P<rel>今天|今日|昨天|昨日|前天|明天|明日|今晚|今早|今晨|昨晚|昨夜|昨晨|前晚)"), _zh_rel_day, needs_anchor=True),
    DateRule("zh.weekday", re.compile(r"(?P<w>上|下|本|这)?(?:周|星期|礼拜)(?P<wd>[一二三四五六日天])"), _zh_weekday, needs_anchor=True),
    DateRule("zh.vague", re.compile(r"近日|日前|近期|最近|此前|前不久|不久前|早前|近来|日内|过去(?:一|半|两|几|数)?(?:年|个月|周)"), _vague),
)

# The month alternatives of English text, longest spellings first.
_MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}
_MON = r"(?P<mon>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_EN_YEAR = r"(?P<y>(?:19|20)\d\d)"
_ORD = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "last": 4}
_EN_WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}


def _en_mon(m) -> int:
    return _MONTHS[m.group("mon").lower().rstrip(".")]


def _en_full(m, anchor, future):
    return _day(int(m.group("y")), _en_mon(m), int(m.group("d")))


def _en_month_year(m, anchor, future):
    return _month(int(m.group("y")), _en_mon(m))


def _en_month_day(m, anchor, future):
    month, day = _en_mon(m), int(m.group("d"))
    return _day(_year_for_day(anchor, month, day, future), month, day)


def _en_month(m, anchor, future):
    month = _en_mon(m)
    return _month(_year_for_month(anchor, month, future), month)


def _en_half(m, anchor, future):
    half = 1 if m.group("h").lower() in ("first", "1", "1st") else 2
    return _half(_en_rel_year(m, anchor), half)


def _en_quarter(m, anchor, future):
    return _quarter(_en_rel_year(m, anchor), _ORD.get(m.group("q").lower(), None) or int(m.group("q")))


def _en_rel_year(m, anchor) -> int:
    if m.groupdict().get("y"):
        return int(m.group("y"))
    rel = (m.groupdict().get("rel") or "this").lower()
    return anchor.year + {"this": 0, "last": -1, "next": 1}[rel]


def _en_year(m, anchor, future):
    return _year(int(m.group("y")))


def _en_rel_year_phrase(m, anchor, future):
    return _year(_en_rel_year(m, anchor))


def _en_rel_month(m, anchor, future):
    delta = {"this": 0, "last": -1, "next": 1}[m.group("rel").lower()]
    year, month = _shift_month(anchor.year, anchor.month, delta)
    return _month(year, month)


def _en_rel_day(m, anchor, future):
    delta = {"today": 0, "yesterday": -1, "tomorrow": 1}[m.group("rel").lower()]
    return DateValue((anchor + dt.timedelta(days=delta)).isoformat(), "day")


def _en_weekday(m, anchor, future):
    shift = {"last": -1, "next": 1, "this": 0, None: 0}[(m.group("w") or "").lower() or None]
    weekday = _EN_WEEKDAYS[m.group("wd").lower()]
    if shift == -1 and anchor.weekday() > weekday:
        shift = 0  # "last Monday" said on a Thursday is usually this week's Monday
    elif shift == 1 and anchor.weekday() < weekday:
        shift = 0  # "next Friday" said on a Thursday is tomorrow
    if shift == 0 and (m.group("w") or "").lower() in ("last", "next"):
        # after the adjustment: the nearest such day strictly before / after the anchor
        delta = (anchor.weekday() - weekday) % 7 or 7
        day = anchor - dt.timedelta(days=delta) if m.group("w").lower() == "last" else anchor + dt.timedelta(days=(weekday - anchor.weekday()) % 7 or 7)
        return DateValue(day.isoformat(), "day")
    return DateValue(_weekday(anchor, weekday, future, shift).isoformat(), "day")


def _en_h(m, anchor, future):
    """``H1 2025`` / ``H2 25``: the spec's half precision."""
    return _half(2000 + int(m.group("y2")), int(m.group("h")))


def _en_this_year(m, anchor, future):
    return _year(anchor.year)


def _en_iso(m, anchor, future):
    return _day(int(m.group("y")), int(m.group("m")), int(m.group("d")))


_I = re.IGNORECASE
_EN_RULES: tuple[DateRule, ...] = (
    DateRule("en.iso", re.compile(r"(?<![\d.])(?P<y>(?:19|20)\d\d)-(?P<m>1[0-2]|0[1-9])-(?P<d>3[01]|[12]\d|0[1-9])(?!\d)"), _en_iso),
    DateRule("en.full", re.compile(r"\b" + _MON + r"\s+(?P<d>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?,?\s+" + _EN_YEAR + r"\b", _I), _en_full),
    DateRule("en.full_dmy", re.compile(r"\b(?P<d>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MON + r",?\s+" + _EN_YEAR + r"\b", _I), _en_full),
    DateRule("en.month_year", re.compile(r"\b" + _MON + r",?\s+(?:of\s+)?" + _EN_YEAR + r"\b", _I), _en_month_year),
    DateRule("en.half", re.compile(r"\b(?:the\s+)?(?P<h>first|second)\s+half\s+of\s+(?:" + _EN_YEAR + r"|(?P<rel>this|last|next)\s+year)\b", _I), _en_half, needs_anchor=False),
    DateRule("en.h", re.compile(r"\bH(?P<h>[12])\s+(?:20)?(?P<y2>\d\d)\b"), _en_h),
    DateRule("en.quarter", re.compile(r"\b(?:the\s+)?(?P<q>first|second|third|fourth|last|1st|2nd|3rd|4th)\s+quarter\b(?:\s+(?:of\s+)?(?:" + _EN_YEAR + r"|(?P<rel>this|last|next)\s+year))?", _I), _en_quarter),
    DateRule("en.q", re.compile(r"\bQ(?P<q>[1-4])\s*(?:" + _EN_YEAR + r")?\b"), _en_quarter),
    DateRule("en.year_part", re.compile(r"\b(?:(?:early|mid|late|the\s+end\s+of|end\s+of|the\s+beginning\s+of|beginning\s+of|the\s+start\s+of|start\s+of)[\s-]+)" + _EN_YEAR + r"\b", _I), _en_year),
    DateRule("en.year", re.compile(r"\b(?:in|since|until|by|during|from|through|of|for|throughout)\s+" + _EN_YEAR + r"\b(?![-–]\d|\s*(?:%|percent|employees|people|staff|workers))", _I), _en_year),
    DateRule("en.rel_year", re.compile(r"\b(?:(?:earlier|later|early|late|the\s+end\s+of|end\s+of|the\s+start\s+of|the\s+beginning\s+of)\s+)?(?P<rel>this|last|next)\s+year\b", _I), _en_rel_year_phrase, needs_anchor=True),
    DateRule("en.rel_month", re.compile(r"\b(?:(?:earlier|later|early|late|the\s+end\s+of|end\s+of)\s+)?(?P<rel>this|last|next)\s+month\b", _I), _en_rel_month, needs_anchor=True),
    DateRule("en.end_of_year", re.compile(r"\b(?:the\s+)?end\s+of\s+(?:the\s+)?year\b", _I), _en_this_year, needs_anchor=True),
    DateRule("en.month_day", re.compile(r"\b" + _MON + r"\s+(?P<d>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?\b(?!\s*,?\s*(?:19|20)\d\d)(?![:\d])", _I), _en_month_day, needs_anchor=True),
    DateRule("en.month", re.compile(r"\b(?:in|since|until|by|during|from|through|early|late|mid|end\s+of|beginning\s+of)[\s-]+(?:the\s+month\s+of\s+)?" + _MON + r"\b(?!\s*,?\s*(?:19|20)\d\d)", _I), _en_month, needs_anchor=True),
    DateRule("en.rel_day", re.compile(r"\b(?P<rel>today|yesterday|tomorrow)\b", _I), _en_rel_day, needs_anchor=True),
    DateRule("en.weekday", re.compile(r"\b(?:on\s+)?(?:(?P<w>last|next|this)\s+)?(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", _I), _en_weekday, needs_anchor=True),
    DateRule("en.vague", re.compile(r"\b(?:recently|earlier|lately|last\s+week|this\s+week|in\s+recent\s+(?:days|weeks|months)|in\s+the\s+past\s+(?:few\s+)?(?:days|weeks|months|year))\b", _I), _vague),
)

def _rules(lang: str) -> tuple[DateRule, ...]:
    return _EN_RULES if lang == "en" else _ZH_RULES + _EN_RULES[:1]


def find_dates(text: str, anchor: Optional[Anchor], lang: str = "zh", prefer_future: bool = False) -> list[DateMention]:
    """Every date phrase of ``text``, left to right, overlaps resolved to the longest.

    ``prefer_future`` is for planned departures ("will step down in March"):
    phrases without a year then resolve forward from the anchor.
    """
    base = anchor.date if anchor is not None else None
    found: list[tuple[int, int, str, Optional[DateValue]]] = []
    for rule in _rules(lang):
        for match in rule.pattern.finditer(text):
            if match.end() == match.start():
                continue
            if rule.needs_anchor and base is None:
                value = None
            else:
                try:
                    value = rule.resolve(match, base, prefer_future)
                except (ValueError, KeyError, TypeError):
                    value = None
                if value is None and rule.name not in ("zh.vague", "en.vague"):
                    continue
            found.append((match.start(), match.end(), match.group(0), value))
    return _leftmost_longest(found)


def _leftmost_longest(found: list[tuple[int, int, str, Optional[DateValue]]]) -> list[DateMention]:
    """Overlapping matches resolved: the leftmost wins, and of those the longest."""
    found.sort(key=lambda item: (item[0], -(item[1] - item[0])))
    chosen: list[DateMention] = []
    taken_until = -1
    for start, end, phrase, value in found:
        if start < taken_until:
            continue
        chosen.append(DateMention(start, end, phrase, value))
        taken_until = end
    return chosen


# ---------------------------------------------------------------------------
# anchors

_PUBLISHED_LABEL = re.compile(
    r"(?:发布时间|發布時間|发布于|發佈於|发表于|發表於|发布日期|發布日期|日期|时间|時間|Published|Updated|Posted|Date)\s*[::]?\s*",
    re.IGNORECASE,
)
_HEAD_CHARS = 600


def infer_anchor(text: str, lang: str = "zh") -> Optional[Anchor]:
    """The date an article states for itself, when its metadata has none.

    In order: a labelled publication date near the top (发布时间: …, Published …),
    a full date in the first lines (datelines, ``编译 | Tina,2026-01-23``), and
    finally the latest full date the text mentions: a news story is written on or
    after the last day it reports.
    """
    head = text[:_HEAD_CHARS]
    for label in _PUBLISHED_LABEL.finditer(head):
        for mention in find_dates(head[label.end() : label.end() + 40], None, lang):
            if mention.start == 0 and mention.value is not None and mention.value.precision == "day":
                return Anchor(dt.date.fromisoformat(mention.value.value), "day", "dateline")
    for mention in _find_full_dates(head, "zh" if lang != "en" else "en"):
        if mention.value is not None:
            line_start = head.rfind("\n", 0, mention.start) + 1
            if head.count("\n", 0, line_start) <= 3 and mention.end - line_start < 80:
                return Anchor(dt.date.fromisoformat(mention.value.value), "day", "dateline")
    latest: Optional[dt.date] = None
    for rules_lang in ("zh", "en") if lang != "en" else ("en",):
        for mention in _find_full_dates(text, rules_lang):
            day = dt.date.fromisoformat(mention.value.value)
            latest = day if latest is None or day > latest else latest
    if latest is not None:
        return Anchor(latest, "day", "text")
    # Years alone are not enough: "去年" against a guessed year is a wrong date, and
    # the spec prefers no date to a wrong one.
    return None


# The rules that give a full day without an anchor: all the whole-text pass of
# :func:`infer_anchor` looks for. Running the other thirty rules over a whole
# article only to throw their matches away was its main cost.
_FULL_DAY_RULES = frozenset({"zh.full", "zh.iso", "en.iso", "en.full", "en.full_dmy"})


def _find_full_dates(text: str, lang: str) -> list[DateMention]:
    """Full dates (year, month and day) of ``text``, overlaps resolved as in :func:`find_dates`."""
    found: list[tuple[int, int, str, Optional[DateValue]]] = []
    for rule in _rules(lang):
        if rule.name not in _FULL_DAY_RULES:
            continue
        for match in rule.pattern.finditer(text):
            try:
                value = rule.resolve(match, None, False)
            except (ValueError, KeyError, TypeError):
                value = None
            if value is not None and value.precision == "day":
                found.append((match.start(), match.end(), match.group(0), value))
    return _leftmost_longest(found)


_ISO_PREFIX = re.compile(r"^\s*((?:19|20)\d\d)-(\d\d)-(\d\d)")


def parse_published(value: object) -> Optional[dt.date]:
    """A metadata publication date in whatever form a dump carries it; None if unreadable.

    ISO dates (with or without a time) and Chinese full dates are read directly;
    anything else goes to dateparser, which knows RFC 2822 and most human forms.
    """
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, (int, float)):
        try:
            return dt.datetime.fromtimestamp(float(value) / (1000 if value > 1e11 else 1), dt.timezone.utc).date()
        except (OverflowError, OSError, ValueError):
            return None
    text = str(value).strip()
    if not text:
        return None
    iso = _ISO_PREFIX.match(text)
    if iso:
        try:
            return dt.date(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
        except ValueError:
            return None
    for mention in find_dates(text, None, "zh") + find_dates(text, None, "en"):
        if mention.value is not None and mention.value.precision == "day":
            return dt.date.fromisoformat(mention.value.value)
    if re.fullmatch(r"\s*(?:19|20)\d\d(?:[-/.]\d{1,2})?\s*", text):
        return None  # a year or a month is not a publication day; dateparser would invent one
    import dateparser  # slow to import; only odd metadata gets here

    parsed = dateparser.parse(text, settings={"PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False})
    return parsed.date() if parsed is not None else None

