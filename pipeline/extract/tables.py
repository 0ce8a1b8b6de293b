"""Tables whose columns say who left what, when, and where to.

A table is recognised by its header row: a person column (姓名, 人物, Name…) and a
departure column (离职时间, 去向, Left…). Each following row, up to a blank line,
is one event read through that header. Rows are tab-separated when they come from
HTML; in plain text they are often separated by single spaces, so a row is then
read by shape: the name first, the date cell found by the date layer, the role
between them and the destination after.

The organization of a table is the one in focus where the table starts.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Optional

from .. import dates as dates_mod
from ..records import Candidate, DateValue, Document, Mention, Sentence

if TYPE_CHECKING:
    from .zh_context import Memory, ZhSentence

# Header words per column kind; a header needs a person column and a departure column.
_HEADER_WORDS = {
    # 原任者 / 离任者: the outgoing holder in the change tables of Taiwan filings (the
    # 新任者 column, the successor, is no person column).
    "person": ("姓名", "人物", "名字", "人员", "高管", "原任者", "离任者", "卸任者", "name", "person", "executive"),
    "role": ("原职责", "原职务", "职务", "职位", "职责", "职称", "岗位", "头衔", "role", "title", "position"),
    "date": ("离职时间", "离开时间", "离任时间", "时间", "日期", "date", "left", "departure date", "when"),
    "destination": ("去向", "下一站", "新去处", "destination", "next", "went to", "joined"),
    "reason": ("原因", "离职原因", "reason"),
    "org": ("原公司", "原单位", "原东家", "前东家", "所属公司", "公司", "机构", "单位", "company", "organization", "employer"),
}
_DEPARTURE_HEADER = ("离职", "离开", "离任", "去向", "出走", "原任者", "卸任者", "left", "departure", "exit")
_UNDISCLOSED = re.compile(r"^(?:未公开|未知|不详|未披露|暂无|无|-+|—+|n/?a|unknown|undisclosed)$", re.I)
_JOIN_PREFIX = re.compile(r"^(?:加入|加盟|转投|去了|前往|joined|join|to)\s*", re.I)
_REASON_CELL = re.compile(r"^因(?:为)?(.+?原因|.+?病)")
_ROLE_NOTE = re.compile(r"\((?:前|原|ex-|former)[^)]*\)$")
_LEADING_NAME = re.compile(r"^(?:[A-Z][a-zà-ÿ'’\-]+(?:\s[A-Z][a-zà-ÿ'’\-]+){1,3}|[\u4e00-\u9fff]{2,4}(?=\s|\t))")


@dataclass
class _Table:
    columns: list[str]
    org: Optional[Mention]
    paragraph: int
    tabbed: bool


@dataclass
class TableReader:
    """Reads table rows sentence by sentence; remembers the current header."""

    table: Optional[_Table] = None
    rows_read: int = field(default=0)

    def read(self, sent: "ZhSentence", memory: "Memory", doc: Document) -> Optional[list[Candidate]]:
        """Candidates of a table row, ``[]`` for a header, ``None`` for a line outside tables."""
        sentence = sent.sentence
        columns = _header_columns(sentence.text)
        if columns is not None:
            self.table = _Table(columns, memory.focus_org(sent), sentence.paragraph, "\t" in sentence.text)
            self.rows_read = 0
            return []
        if self.table is None:
            return None
        if sentence.paragraph != self.table.paragraph:
            self.table = None
            return None
        row = _read_row(sentence, self.table, doc)
        if row is None:
            self.table = None
            return None
        self.rows_read += 1
        return [row] if row.org is not None else []


def is_header(text: str) -> bool:
    """Does this line head a table of departures (a person column and a departure column)?"""
    return _header_columns(text) is not None


def _split_header(text: str) -> list[str]:
    if "\t" in text:
        return [c.strip() for c in text.split("\t") if c.strip()]
    if "|" in text:
        return [c.strip() for c in text.strip("| ").split("|") if c.strip()]
    return text.split()


def _header_columns(text: str) -> Optional[list[str]]:
    cells = _split_header(text.strip())
    if not 2 <= len(cells) <= 8 or any(len(c) > 12 for c in cells):
        return None
    kinds: list[str] = []
    for cell in cells:
        low = cell.lower()
        kind = next((k for k, words in _HEADER_WORDS.items() if any(w == low or (len(w) > 1 and w in low) for w in words)), "other")
        # 离职时间 is a date column even though it also says 离职.
        kinds.append(kind)
    lowered = text.lower()
    if "person" not in kinds or not any(w in lowered for w in _DEPARTURE_HEADER):
        return None
    return kinds


def _read_row(sentence: Sentence, table: _Table, doc: Document) -> Optional[Candidate]:
    text = sentence.text
    if "\t" in text or "|" in text:
        cells = _split_cells(text)
        return _row_from_cells(sentence, table, cells, doc)
    name = _LEADING_NAME.match(text)
    if not name:
        return None
    cells: dict[str, tuple[int, int]] = {"person": (0, name.end())}
    rest_start = name.end()
    found = [d for d in dates_mod.find_dates(text, doc.anchor, "zh") if d.start >= rest_start]
    kinds_after = [k for k in table.columns if k != "person"]
    if found and "date" in kinds_after:
        date = found[0]
        cells["date"] = (date.start, date.end)
        before, after = (rest_start, date.start), (date.end, len(text))
        idx = kinds_after.index("date")
        if idx > 0:
            cells[kinds_after[idx - 1]] = before
        if idx + 1 < len(kinds_after):
            cells[kinds_after[idx + 1]] = after
    elif kinds_after:
        cells[kinds_after[0]] = (rest_start, len(text))
    spans = {k: _trim(text, s, e) for k, (s, e) in cells.items()}
    return _candidate(sentence, table, spans, doc, found[0].value if found else None)


def _split_cells(text: str) -> list[tuple[int, int]]:
    sep = "\t" if "\t" in text else "|"
    spans = []
    pos = 0
    for part in text.split(sep):
        spans.append(_trim(text, pos, pos + len(part)))
        pos += len(part) + 1
    if sep == "|":
        spans = [s for s in spans if s[1] > s[0]]
    return spans


def _row_from_cells(sentence: Sentence, table: _Table, cells: list[tuple[int, int]], doc: Document) -> Optional[Candidate]:
    spans = {}
    for kind, span in zip(table.columns, cells):
        if kind != "other":
            spans[kind] = span
    if "person" not in spans or spans["person"][1] <= spans["person"][0]:
        return None
    date = None
    if "date" in spans:
        s, e = spans["date"]
        found = dates_mod.find_dates(sentence.text[s:e], doc.anchor, "zh")
        date = found[0].value if found else None
    return _candidate(sentence, table, spans, doc, date)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " \t|":
        start += 1
    while end > start and text[end - 1] in " \t|":
        end -= 1
    return start, end


# A name cell with a gloss in brackets: Tom Lau(刘家豪), 刘家豪(Tom Lau).
_NAME_GLOSS = re.compile(r"\s*(\S.*?)\s*[(（][^()（）]+[)）]\s*$")


def _candidate(sentence: Sentence, table: _Table, spans: dict[str, tuple[int, int]], doc: Document, date) -> Candidate:
    text = sentence.text
    base = sentence.start

    def mention(kind: str, span: tuple[int, int]) -> Optional[Mention]:
        s, e = span
        if e <= s or _UNDISCLOSED.match(text[s:e].strip()):
            return None
        return Mention(kind, base + s, base + e, text[s:e])

    s, e = spans["person"]
    gloss = _NAME_GLOSS.match(text, s, e)
    person = mention("person", (s, gloss.end(1)) if gloss else (s, e))  # Tom Lau(刘家豪): the name, not its gloss
    role = None
    if "role" in spans:
        s, e = spans["role"]
        note = _ROLE_NOTE.search(text[s:e])
        role = mention("role", (s, s + note.start() if note else e))
    destination = reason = None
    if "destination" in spans:
        s, e = spans["destination"]
        cell = text[s:e]
        why = _REASON_CELL.match(cell)
        if why:
            reason = Mention("reason", base + s + why.start(1), base + s + why.end(1), why.group(1))
        else:
            join = _JOIN_PREFIX.match(cell)
            destination = mention("destination", (s + (join.end() if join else 0), e))
    if "reason" in spans:
        reason = mention("reason", spans["reason"])
    org = mention("org", spans["org"]) if "org" in spans else None  # a column says where each one was
    return Candidate(
        person=person,
        org=org or table.org,
        sentence=sentence,
        rule="table.row",
        score=0.9,
        role=role,
        date=date,
        destination=destination,
        reason=reason,
        status="planned" if _after_anchor(date, doc) else "confirmed",
    )


def _after_anchor(date: Optional[DateValue], doc: Document) -> bool:
    """Is a row's day after the article's own date? Then the change is announced for
    later (a filing of 8月14日 listing a departure effective 8月31日): planned."""
    if date is None or date.precision != "day" or doc.anchor is None:
        return False
    return date.value > doc.anchor.date.isoformat()
