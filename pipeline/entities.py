"""People, organizations, roles and pronouns in a Chinese sentence.

No Chinese statistical NER model can be installed here, so entities come from the
lexicons in ``models/`` (organizations with aliases, titles, surnames), from jieba
tags, and from positions that only a name can take: right after a title
(首席运营官王芳), inside an enumeration (周明、吴芳、郑海涛), before a Latin gloss
(林格(Greg Lin)). Latin names inside Chinese text (Jamie Lo) are runs of
capitalized words.

Every mention is in analysis coordinates (absolute offsets in the document's
analysis text).
"""
from __future__ import annotations

import bisect
import functools
import os
import re
from dataclasses import dataclass, field
from typing import Mapping, Optional

from .lexicons import keyword_automaton, read_rows, read_words
from .records import Mention
from .segment import Token

# Characters that cannot be part of a given name in running text: function words and
# the first characters of the verbs that follow names in departure news.
_UNIT_CHARACTERS = frozenset("组部队处科局室厅所")
_NAME_STOP = set(
    "的了在是于也已和与及等被将曾从则均都称说为因对向离辞宣加出此这那以并而又还就才所让把给到去来"
    "个位名们等着过上下中内外后前年月日时每各该其者或即仍再更最很非没不有无要会能已经表示认却"
    "担任职兼任现原首席总副任告别走退卸免请跳开解曝据传拟恐"
    "组部队处科局室厅所"  # units of an organization: 金融组 is no name
    "由自"  # 由/自 after a name start a phrase (X由A转投B, X自当日起离任), not a given name
    "带"  # X带着团队出走: 带 after a name leads the people taken along
)
_HAN = re.compile(r"[\u3400-\u9fff]")
# Time words that often follow a name directly (X今年以来, X去年底离职): their first
# character is not the name's.
_TIME_WORD_AFTER_NAME = re.compile(
    r"今年|去年|明年|前年|今日|昨日|今天|昨天|近日|日前|近期|上月|本月|上周|本周"
    r"|终于|曾经|已经|仍然|依然|随后|随即|目前|此前|之前|早前|刚刚|正式"  # 端木岚终于证实: an adverb after the name
)
# An adverb or copula that news glues to a name before the predicate (X确已离职, X系因病
#请辞, X亦已离职): rare as the last character of a given name when so followed.
_GLUED_PREDICATE = re.compile(r"[确系亦仍均][已因于将在为是由被遭]")
_DEPARTURE_VERB_AFTER = re.compile(r"[确系亦均]?(?:辞|离|卸|请辞|不再(?:担任|兼任|出任|续)|宣布|申请|提出|因|已经|已|正式|被|遭|退休|向|将(?:于|在)?[^,。]{0,8}?(?:辞|离|卸|退))")
_NAME_LIKE_TAGS = ("nr", "ns", "nz", "nt", "x", "j", "eng")
_HONORIFICS = frozenset(["男", "女", "某", "小姐", "先生", "女士", "总", "老师", "姓", "氏", "某某", "家", "师傅", "同学", "阿姨", "大爷"])
LATIN_NAME = re.compile(
    r"(?<![A-Za-z0-9À-ÿ])"
    r"[A-ZÀ-Ý][a-zà-ÿ'’]+(?:-[A-ZÀ-Ý]?[a-zà-ÿ'’]+)*(?:[A-Z][a-zà-ÿ]+)?"  # a capitalized word (Velarde-Ortiz), or a glued pair (ZoëLang)
    r"(?:\s?\([A-Z][a-zà-ÿ]+\))?"  # a gloss inside the name: Mingyuan (Tom) Zhou
    r"(?:(?:\s|·|\.\s?)(?:(?:van|von|de|der|den|da|di|du|del|la|le|al|bin|ibn)\s(?:(?:der|den|la|le)\s)?)?[A-ZÀ-Ý][a-zà-ÿ'’]+(?:-[A-ZÀ-Ý]?[a-zà-ÿ'’]+)*){0,3}"
    r"(?![A-Za-z0-9À-ÿ])"
)
_FOREIGN_DOTTED = re.compile(r"[\u4e00-\u9fff]{1,6}[·•\-][\u4e00-\u9fff]{1,8}(?:[·•\-][\u4e00-\u9fff]{1,8})?")
_PRONOUN = re.compile(
    r"(他们|她们|该高管|该名高管|该人士|此人|他|她|(?:(?<![,、])|(?<=[月年日后时天],))这位(?=[^,。;]{2,30}?(?:在|于|已|将|宣布|正式|随后|干脆|选择|决定|便|也))"
    r"|(?:(?<=[:,]“)|(?<=^“))我(?=已|将|正式|决定|离开|辞))(?![人们])"  # 她写道:“我已经离开了…”: the speaker
)
# A surname with 总 or 董 (戚总, 柏董) stands for a person the text has named.
_SURNAME_TITLE = re.compile(r"([\u4e00-\u9fff]{1,2})(总|董)(?![裁经监理部统结额共体量数事会])")
_ORG_PRONOUN = re.compile(r"该(?:公司|集团|行|企业|机构|团队|实验室|校|队|俱乐部|部门|会)|(?<![尤极与])其(?![他中实余次])")
# After "X,": an organization's title in apposition (A的首席科学家, A首席科学家).
_APPOSITION_ROLE = re.compile(r"[^,。;]{0,20}?(?:首席|总裁|总经理|董事|总监|负责人|主任|经理|长|主管|合伙人|创始人|科学家|研究员|教练)")
# Weekdays and relative days that jieba sometimes tags as names (上周三).
_DATE_WORD = re.compile(r"(?:上|下|本|这|每)?(?:周|星期|礼拜)[一二三四五六日天]|[今昨明前后]天|[今昨明]日")
_AFTER_NAME = set("于被已因将在也等曾从和与及、,。;:的则均都先向")
_GLUED_FUNCTION_WORD = re.compile(r"[是在和与及为的了向受被将已因于从对]$")
_ROLE_MODIFIER_STOP = set("的在是为任前原和与及、,,;:;兼也都已曾将被从由其该位名个有等一另之")


@dataclass(frozen=True)
class OrgMatch:
    start: int
    end: int
    canonical: str


class OrgLexicon:
    """Organization aliases from ``models/orgs.tsv``, matched with one Aho-Corasick pass.

    Latin aliases match case-insensitively and only as whole words; Chinese aliases
    match anywhere. Longest match wins.
    """

    def __init__(self, rows: tuple[tuple[str, ...], ...]):
        self.alias_to_canonical: dict[str, str] = {}
        self.kind: dict[str, str] = {}
        for row in rows:
            canonical = row[0]
            aliases = [canonical] + ([a for a in row[1].split("|") if a] if len(row) > 1 else [])
            self.kind[canonical] = row[2] if len(row) > 2 else "other"
            for alias in aliases:
                self.alias_to_canonical[alias.lower()] = canonical
        self._automaton = keyword_automaton((alias, alias) for alias in self.alias_to_canonical)

    def canonical(self, name: str) -> str | None:
        return self.alias_to_canonical.get(name.strip().lower())

    def find(self, text: str) -> list[OrgMatch]:
        lowered = text.lower()
        if len(lowered) != len(text):  # a few characters change length when lowered
            lowered = "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)
        found: list[OrgMatch] = []
        for end_index, alias in self._automaton.iter(lowered):
            start = end_index - len(alias) + 1
            end = end_index + 1
            if alias[0].isascii() and alias[0].isalnum() and start > 0 and _is_word_char(text[start - 1]):
                continue
            if alias[-1].isascii() and alias[-1].isalnum() and end < len(text) and _is_word_char(text[end]):
                continue
            found.append(OrgMatch(start, end, self.alias_to_canonical[alias]))
        return _longest_first(found)


def _is_word_char(ch: str) -> bool:
    return ch.isascii() and (ch.isalnum() or ch == "_")


def _longest_first(matches: list[OrgMatch]) -> list[OrgMatch]:
    matches.sort(key=lambda m: (-(m.end - m.start), m.start))
    taken: list[OrgMatch] = []
    for m in matches:
        if all(m.end <= t.start or m.start >= t.end for t in taken):
            taken.append(m)
    taken.sort(key=lambda m: m.start)
    return taken


# Any "chief … officer" the lexicon does not list.
_CHIEF_OFFICER = re.compile(r"首席[\u4e00-\u9fff]{1,6}?官")


class TitleLexicon:
    """Titles from ``models/titles_zh.tsv``: longest match first."""

    def __init__(self, rows: tuple[tuple[str, ...], ...]):
        self.rank = {row[0]: int(row[1]) if len(row) > 1 and row[1].isdigit() else 2 for row in rows}
        self._automaton = keyword_automaton((title.lower(), title) for title in self.rank)

    def find(self, text: str) -> list[tuple[int, int]]:
        lowered = text.lower() if len(text.lower()) == len(text) else text
        spans = []
        for end_index, title in self._automaton.iter(lowered):
            start = end_index - len(title) + 1
            end = end_index + 1
            if title.isascii():  # CEO, CTO: whole words only
                if (start > 0 and _is_word_char(text[start - 1])) or (end < len(text) and _is_word_char(text[end])):
                    continue
            spans.append(OrgMatch(start, end, title))
        for m in _CHIEF_OFFICER.finditer(text):
            spans.append(OrgMatch(m.start(), m.end(), m.group()))  # 首席飞行官, 首席可持续发展官
        return [(m.start, m.end) for m in _longest_first(spans)]


@functools.lru_cache(maxsize=None)
def org_lexicon() -> OrgLexicon:
    return OrgLexicon(read_rows("orgs.tsv"))


@functools.lru_cache(maxsize=None)
def title_lexicon() -> TitleLexicon:
    return TitleLexicon(read_rows("titles_zh.tsv"))


@functools.lru_cache(maxsize=None)
def surnames() -> tuple[frozenset[str], frozenset[str]]:
    """(single-character surnames, compound surnames)."""
    single: set[str] = set()
    compound: set[str] = set()
    for row in read_rows("surnames_zh.txt"):
        for word in row[0].split():
            (single if len(word) == 1 else compound).add(word)
    return frozenset(single), frozenset(compound)


@dataclass
class SentenceEntities:
    """What one sentence mentions, sorted by position."""

    orgs: list[Mention] = field(default_factory=list)
    roles: list[Mention] = field(default_factory=list)
    persons: list[Mention] = field(default_factory=list)
    pronouns: list[Mention] = field(default_factory=list)
    org_pronouns: list[Mention] = field(default_factory=list)


@functools.lru_cache(maxsize=None)
def _surname_start() -> re.Pattern:
    """Any surname, single or compound: where a Chinese name can start."""
    single, compound = surnames()
    alternatives = sorted(compound, key=len, reverse=True) + ["[" + "".join(sorted(single)) + "]"]
    return re.compile("|".join(re.escape(a) if not a.startswith("[") else a for a in alternatives))


def surname_length(text: str, pos: int) -> int:
    """Length of the surname starting at ``pos`` (0 when there is none)."""
    single, compound = surnames()
    if text[pos : pos + 2] in compound:
        return 2
    if text[pos] in single:
        return 1
    return 0


def _name_year(text: str, pos: int) -> bool:
    """年 ending a given name (闻人松年), not starting 年底 / 年初 (李明年底离职)."""
    return text[pos] == "年" and pos > 0 and text[pos + 1 : pos + 2] not in ("底", "初", "中", "内", "末", "前", "后", "终", "度", "")


# Function characters that still open given names (以沫, 以宁, 之恒) where a title right
# before says a name follows.
_GIVEN_AFTER_TITLE = frozenset("以之")


def _name_zhi(text: str, given_start: int, given: int) -> bool:
    """之, 来 or 任 ending a given name (黄蔚之教授, 任西来因…, 周佑任因…): the second given character,
    followed by a title, an honorific or what follows names, not by a noun it links
    (权之争) or a verb it starts (来京)."""
    pos = given_start + given
    if given != 1 or text[pos] not in "之来和任":
        return False
    after = text[pos + 1 : pos + 3]
    return not after or after[0] in _AFTER_NAME or after in ("教授", "先生", "女士", "博士", "老师", "同志", "院士")


# Time words that may follow a three-character name, whose first character jieba glues
# to the name's last (庄惠|如同|日请辞): 同日, 当日, 今日, 昨日, 日前, 近日.
_TIME_AFTER_GIVEN = re.compile(r"同日|当日|当天|今日|昨日|日前|近日|本月|上月")


def chinese_name_at(text: str, pos: int, boundaries: set[int], after_title: bool = False) -> int:
    """End of a Chinese personal name starting at ``pos``, or 0.

    A surname and one or two given-name characters that are not function words.
    ``boundaries`` are jieba's word boundaries: when jieba starts a word of two or
    more characters right after a two-character name (王芳/加入), the name stops there.
    """
    slen = surname_length(text, pos)
    if not slen:
        return 0
    given_start = pos + slen
    given = 0
    while given < 2 and given_start + given < len(text):
        ch = text[given_start + given]
        title_name = after_title and given == 0 and ch in _GIVEN_AFTER_TITLE  # 首席营销官钱|以沫
        if not _HAN.match(ch) or (ch in _NAME_STOP and not title_name and not _name_year(text, given_start + given) and not _name_zhi(text, given_start, given)):
            break
        given += 1
    if given == 0:
        return 0
    if given == 2 and text[given_start + 1 : given_start + 3] in ("女士", "先生"):
        given = 1  # 端木霁女士: 女 begins 女士
    if given == 2 and _TIME_WORD_AFTER_NAME.match(text, given_start + 1):
        given = 1  # 濮阳澈今年以来: 今 begins 今年, the time word after the name
    if given == 2 and _GLUED_PREDICATE.match(text, given_start + 1):
        given = 1  # 东方澈确已离职, 司徒岚系因病请辞: 确 / 系 begin the predicate
    if given == 2:
        two = given_start + 1
        glued = two in boundaries and (two + 1) not in boundaries and two + 1 < len(text) and _HAN.match(text[two + 1])
        # 王芳|加入: jieba starts a dictionary word at the third character, so the name has
        # two; but 严望之于 / 梁嘉树被 / 贝露岚近期: what follows is what follows names, or
        # jieba's "word" there is none of the dictionary's. The same holds after a
        # compound surname: 司徒岚|带领, 尉迟澄|严重违纪 (a one-character given name).
        if glued and text[two + 1] not in _AFTER_NAME and _dictionary_word_at(text, two) and not _TIME_AFTER_GIVEN.match(text, two + 1):
            given = 1  # (but 庄雅如|同日请辞: the time word after the name is what jieba's word hid)
    if text[given_start : given_start + given] in _HONORIFICS or text[given_start : given_start + 2] in _HONORIFICS:
        return 0  # 徐小姐, 刘某, 张总: a surname with an honorific is not a name (梁嘉树 is)
    if text[given_start + given : given_start + given + 1] in ("位", "名") and text[given_start + given - 1] in "多几两数":
        return 0  # 一名副总裁和多位总监: a count (和 is a surname too)
    return given_start + given


def _latin_persons(text: str, orgs: list[OrgMatch]) -> list[tuple[int, int, bool]]:
    """Latin name candidates: (start, end, strong). Single words are weak."""
    out = []
    for m in LATIN_NAME.finditer(text):
        start, end = m.span()
        if any(o.start <= start and end <= o.end for o in orgs) or any(start <= o.start < end for o in orgs):
            continue
        if text[start - 1 : start] == "(" and any(o.end == start - 1 for o in orgs):
            continue  # 鸿川航运(Hung Chuen Shipping): the organization's own name in English
        words = re.split(r"[\s·.]+", re.sub(r"\([^)]*\)", " ", m.group()).strip())
        strong = len(words) >= 2 and all(len(w) >= 2 for w in words)
        out.append((start, end, strong))
    return out


@dataclass
class KnownOrgs:
    """Organizations a document has named so far, for finding them again: full names
    and short forms, each mapped to the full name, longest first."""

    full: dict[str, str]
    short: dict[str, str]

    def __post_init__(self) -> None:
        self.full = dict(sorted(self.full.items(), key=lambda item: -len(item[0])))
        self.short = dict(sorted(self.short.items(), key=lambda item: -len(item[0])))

    def __bool__(self) -> bool:
        return bool(self.full or self.short)

    def __contains__(self, surface: str) -> bool:
        return surface in self.full or surface in self.short

    def surfaces(self) -> list[str]:
        return list(self.full) + list(self.short)


def find_entities(
    text: str,
    offset: int,
    tokens: list[Token],
    known_names: set[str],
    known_orgs: Optional[KnownOrgs] = None,
    orgs_only: bool = False,
) -> SentenceEntities:
    """Mentions in one sentence ``text`` that starts at ``offset`` in the analysis text.

    ``known_names`` are names the document already established (full names and
    their short forms), so that a later ``Sharma`` or ``张总`` is recognised.
    ``known_orgs`` maps organizations it already named (and their short forms) to
    their full names, for those only a first mention shows (本地生活平台“饭来香”,
    学而精在线(学精)), so that a later bare 饭来香 or 学精 is one too.
    ``orgs_only`` stops after organizations and titles: a line read only for the
    organization it puts in focus (a headline with no departure word) needs no names,
    and names are most of the cost.
    """
    ents = SentenceEntities()
    orgs = org_lexicon().find(text)
    if known_orgs:
        # Full names first, so that the suffix rules do not cut them up; short forms after,
        # so that a longer name found by its suffix (江汀港口集团) is not read as 江汀.
        orgs = _add_known_orgs(text, orgs, known_orgs.full)
    orgs = _add_suffix_orgs(text, tokens, orgs, title_lexicon().find(text))
    if known_orgs:
        orgs = _add_known_orgs(text, orgs, known_orgs.short)
    orgs = _add_defined_short_forms(text, orgs)
    orgs = _add_titled_media(text, orgs)
    orgs = [o for o in orgs if not _column_label(text, o) and not _reposter(text, o)]
    for o in orgs:
        ents.orgs.append(Mention("org", offset + o.start, offset + o.end, text[o.start : o.end], o.canonical))

    roles = _find_roles(text, orgs, tokens)
    orgs, roles = _departments(text, orgs, roles)
    ents.orgs = [o for o in ents.orgs if any(m.start == o.start - offset and m.end == o.end - offset for m in orgs)]
    for finder in (_kind_named_orgs, _quoted_before_roles):
        for extra in finder(text, tokens, orgs, roles):
            orgs.append(extra)
    guessed = _orgs_before_roles(text, tokens, orgs, roles)
    guessed, roles = _units_after_employer(text, tokens, orgs, guessed, roles)
    orgs.extend(guessed)
    orgs, roles = _departments(text, orgs, roles)  # 财富|管理处|处长: found before its title
    orgs = [o for o in orgs if not _branch_of_quoted(text, o, orgs) and not _kind_before_name(text, o, orgs)]
    ents.orgs = [o for o in ents.orgs if any(m.start == o.start - offset and m.end == o.end - offset for m in orgs)]
    for extra in orgs:
        if not any(m.start == offset + extra.start and m.end == offset + extra.end for m in ents.orgs):
            ents.orgs.append(Mention("org", offset + extra.start, offset + extra.end, extra.canonical, extra.canonical))
    ents.orgs.sort(key=lambda o: o.start)
    occupied = [(o.start, o.end) for o in orgs] + list(roles)
    for start, end in roles:
        ents.roles.append(Mention("role", offset + start, offset + end, text[start:end]))
    if orgs_only:
        return ents

    persons: list[tuple[int, int, str]] = []
    for start, end, strong in _latin_persons(text, orgs):
        name = text[start:end]
        kind = "person" if strong or name in known_names else "person_weak"
        persons.append((start, end, kind))

    boundaries = {t.start for t in tokens} | {t.end for t in tokens}
    tokens_at = {t.start: t for t in tokens}
    token_starts = [t.start for t in tokens]
    role_ends = {end for _, end in roles} | {end + 1 for _, end in roles if end < len(text) and text[end] in " )"}  # 首席财务官(CFO)|尹嘉林
    role_ends |= _after_nicknames(text, role_ends)  # 制作人“老猫”|柏晓川
    role_starts = {start for start, _ in roles}
    honorific_spans = _honorifics_after(text, role_ends)
    role_ends |= {end for _, end in honorific_spans}
    taken = _Taken(len(text), [(s, e) for s, e, _ in persons] + occupied + honorific_spans)
    for start, end in _foreign_players(text, roles):
        if not taken.overlaps(start, end):
            persons.append((start, end, "person"))  # 洋投卡布雷兹(Luis Cabrez): not 马 + 丁尼
            taken.add((start, end))
    for m in _FOREIGN_DOTTED.finditer(text):
        start, end = _trim_to_name_words(m.start(), m.end(), text, tokens)
        if end - start >= 3 and not taken.overlaps(start, end):
            persons.append((start, end, "person"))
            taken.add((start, end))
    pos = 0
    rejected: tuple[int, int] = (-1, -1)
    surname_start = _surname_start()
    while pos < len(text):
        # Only a surname can start a Chinese name: jump to the next one.
        found = surname_start.search(text, pos)
        if found is None:
            break
        pos = found.start()
        if taken.overlaps(pos, pos + 1):
            pos += 1
            continue
        end = chinese_name_at(text, pos, boundaries, pos in role_ends)
        if end and not taken.overlaps(pos, end) and text[pos:end] not in not_names():
            # A name starts a word (or follows a title or a non-Han character); only
            # then is the evidence worth weighing.
            kind = None
            if pos == 0 or not _HAN.match(text[pos - 1]) or pos in boundaries or pos in role_ends:
                covering = _tokens_covering(tokens, token_starts, pos, end)
                name_like = bool(covering) and all(t.tag.startswith(_NAME_LIKE_TAGS) for t in covering)
                kind = _name_evidence(text, pos, end, tokens_at.get(pos), role_ends, known_names, name_like, role_starts)
            if kind:
                start = pos
                if rejected == (pos - 1, end) and pos - 1 in tokens_at and len(tokens_at[pos - 1].text) == 1:
                    start = pos - 1  # 郑|海涛: jieba cut the surname off; the name is 郑海涛
                persons.append((start, end, kind))
                taken.add((start, end))
                pos = end
                continue
            rejected = (pos, end)
        pos += 1
    # A name right after a title that is not a Chinese surname name: 财政大臣哈蒙德.
    for role_end in sorted(role_ends):
        tok = tokens_at.get(role_end)
        if tok is None or taken.overlaps(tok.start, tok.end):
            continue
        # jieba tags transliterations as places or brands too (主帅埃利斯辞职, 副总裁道林将离职)
        foreign = tok.tag in ("ns", "nz", "nrt") and 2 <= len(tok.text) <= 5 and _DEPARTURE_VERB_AFTER.match(text[tok.end : tok.end + 4])
        if tok.tag.startswith("nr") or foreign:
            if tok.text not in not_names():
                persons.append((tok.start, tok.end, "person"))
                taken.add((tok.start, tok.end))
    # Foreign and other names jieba tags as names without a Chinese surname (里皮, 诺伊曼).
    for tok in tokens:
        if tok.tag in ("nr", "nrt", "nrfg") and len(tok.text) >= 2 and _HAN.match(tok.text[0]) and tok.text[-1] not in "其该此这那":
            if tok.text[1:] in _HONORIFICS or tok.text in honorifics():
                continue  # 刘某, 拿督斯里
            start = tok.start
            lead = next((h for h in sorted(honorifics(), key=len, reverse=True) if tok.text.startswith(h) and len(tok.text) - len(h) >= 2), None)
            if lead is not None:
                start += len(lead)  # 拿督陈文彬: the honorific glued to the name
            if start >= 2 and text[start - 2 : start] in surnames()[1] and not taken.overlaps(start - 2, start):
                start -= 2  # jieba reads 欧阳 as a place and 慧琳 as the name
            elif len(tok.text) == 2 and start >= 1 and text[start - 1] in surnames()[0] and (start - 1) in tokens_at and tokens_at[start - 1].end == start and not taken.overlaps(start - 1, start):
                start -= 1  # 郑|海涛: jieba cut the surname off the given name
            end = tok.end
            if text[start:end] in surnames()[1]:
                end = max(end, chinese_name_at(text, start, boundaries))  # 司马 + 卓然
            while end - tok.start > 2 and text[end - 1] in _NAME_STOP:
                end -= 1  # jieba glues a verb to a name: 李华是 → 李华
            if end - start > 3 and _GLUED_PREDICATE.match(text, end - 1):
                end -= 1  # 邝立青系|因病: the copula 系, glued by jieba
            if not taken.overlaps(start, end) and text[start:end] not in not_names() and not _DATE_WORD.fullmatch(text[start:end]):
                # Right after a title the position says name (技术长上官以安): as strong as a surname name there.
                persons.append((start, end, "person" if start in role_ends else "person_weak"))
                taken.add((start, end))
    persons = _without_glued_conjunction(text, persons)
    # Short names the document established: 张总 / Sharma are handled by known_names above.
    for start, end, kind in sorted(persons):
        ents.persons.append(Mention(kind, offset + start, offset + end, text[start:end]))
    for m in _PRONOUN.finditer(text):
        if not taken.overlaps(m.start(), m.end()) or m.group().startswith("该"):  # 该高管 covers the title 高管
            ents.pronouns.append(Mention("pronoun", offset + m.start(), offset + m.end(), m.group()))
    for m in _SURNAME_TITLE.finditer(text):
        if surname_length(text, m.start()) == len(m.group(1)) and (m.start() == 0 or not _HAN.match(text[m.start() - 1]) or m.start() in boundaries):
            ents.persons = [p for p in ents.persons if not (p.start - offset < m.end() and m.start() < p.end - offset)]
            ents.pronouns.append(Mention("pronoun", offset + m.start(), offset + m.end(), m.group()))
    for m in _ORG_PRONOUN.finditer(text):
        ents.org_pronouns.append(Mention("org_pronoun", offset + m.start(), offset + m.end(), m.group()))
    return ents


def _add_known_orgs(text: str, orgs: list[OrgMatch], known: Mapping[str, str]) -> list[OrgMatch]:
    """``orgs`` plus each place ``text`` writes one of the document's organizations
    (``known``, longest first), where no other organization is written already."""
    found = list(orgs)
    for name in known:
        pos = text.find(name)
        while pos >= 0:
            end = pos + len(name)
            if not any(o.start < end and pos < o.end for o in found):
                found.append(OrgMatch(pos, end, known[name]))
            pos = text.find(name, end)
    found.sort(key=lambda o: o.start)
    return found


# A short form defined in brackets right after a name: 学而精在线(学精), 南汀市第一人民医院
# (南汀一院), 澄润医疗器械股份有限公司(简称“澄润医疗”).
_DEFINED_SHORT_FORM = re.compile(r"\(\s*(?:简称|下称|以下简称)?\s*[“\"「『]?([\u4e00-\u9fffA-Za-z0-9]{2,8})[”\"」』]?\s*\)")
_NAME_CHARS = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]")


def _add_defined_short_forms(text: str, orgs: list[OrgMatch]) -> list[OrgMatch]:
    """``orgs`` plus full names and the short forms defined right after them.

    The short form must take its characters, in order, from the name before the
    bracket, starting with the name's first character (学而精在线 → 学精): that is
    how Chinese writes abbreviations, and it is what no person's gloss looks like.
    When no organization was found before the bracket, the shortest such name is one.
    """
    found = list(orgs)
    for m in _DEFINED_SHORT_FORM.finditer(text):
        short, paren = m.group(1), m.start()
        if short.startswith(("本", "该")) or short.endswith(("先生", "女士", "小姐", "博士")) or _overlaps(m.start(1), m.end(1), [(o.start, o.end) for o in found]):
            continue
        full = next((o for o in found if o.end == paren), None)
        if full is None:
            start = paren
            while start > 0 and paren - start < 20 and _NAME_CHARS.match(text[start - 1]):
                start -= 1
            begin = _abbreviated_from(text, short, paren, paren - len(short) - 1, start - 1)
            if begin is None or paren - begin < 3 or _overlaps(begin, paren, [(o.start, o.end) for o in found]):
                continue
            full = OrgMatch(begin, paren, text[begin:paren])
            found.append(full)
        elif not text[full.start : full.end].startswith(short[0]) or not _is_subsequence(short, text[full.start : full.end]):
            # 南汀|市第一人民医院(南汀一院): the short form shows where the name really starts
            begin = _abbreviated_from(text, short, paren, full.start - 1, max(-1, full.start - 5))
            if begin is None or not all(_HAN.match(ch) for ch in text[begin : full.start]):
                continue
            found.remove(full)
            full = OrgMatch(begin, paren, text[begin:paren])
            found.append(full)
        found.append(OrgMatch(m.start(1), m.end(1), full.canonical))
    found.sort(key=lambda o: o.start)
    return found


# The label of a news column in brackets at the start of a line: 【公告速递】, 【人事动态】.
_COLUMN_LABEL_END = re.compile(r"(?:速递|快讯|动态|要闻|资讯|观察|周报|早报|晚报|人事|简讯|播报)$")


# A publication's title in book-title marks: 《城南周刊》, 《港岚日报》.
_TITLED_MEDIA = re.compile(r"《([^《》,。]{1,12}?(?:周刊|日报|晚报|早报|周报|月刊|杂志|时报|报|画报|评论))》")


# Words that end the name of a branch of a company: 台湾分公司, 香港分行.
_BRANCH_SUFFIXES = ("分公司", "分行", "分校", "子公司")
# What may stand between a quoted name and its branch: the closing quote.
_CLOSING_QUOTES = ("」", "”", "』", '"', "’")


def _branch_of_quoted(text: str, org: OrgMatch, orgs: list[OrgMatch]) -> bool:
    """Is ``org`` a branch written right after a quoted organization (「拾丰网」台湾分公司)?

    Unquoted, the branch extends the name (拾丰网台湾分公司, see :func:`_add_suffix_orgs`);
    after a closing quote it stays apart and would be taken for the employer, while the
    organization the person works for is the quoted one.
    """
    if not text.endswith(_BRANCH_SUFFIXES, org.start, org.end):
        return False
    return any(other.end < org.start and text[other.end : org.start] in _CLOSING_QUOTES for other in orgs)


def _add_titled_media(text: str, orgs: list[OrgMatch]) -> list[OrgMatch]:
    """``orgs`` plus the newspapers and magazines written in 《…》 that none covers."""
    found = list(orgs)
    for m in _TITLED_MEDIA.finditer(text):
        if not _overlaps(m.start(1), m.end(1), [(o.start, o.end) for o in found]):
            found.append(OrgMatch(m.start(1), m.end(1), m.group(1)))
    found.sort(key=lambda o: o.start)
    return found


def _column_label(text: str, org: OrgMatch) -> bool:
    """Is ``org`` the whole of a column label that opens the line (【公告速递】华甄银行…)?"""
    return (
        org.start == 1
        and text[:1] in "【[〔"
        and text[org.end : org.end + 1] in "】]〕"
        and _COLUMN_LABEL_END.search(text, 0, org.end) is not None
    )


def _without_glued_conjunction(text: str, persons: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """鲁川和|江越: a name right after another that starts with 和, 与 or 及 (all surnames
    too) is the conjunction and a shorter name, when what follows it is a name itself."""
    ends = {end for _, end, _ in persons}
    out = []
    for start, end, kind in persons:
        if text[start] in "和与及" and start in ends and end - start >= 3 and surname_length(text, start + 1):
            start += 1
        out.append((start, end, kind))
    return out


def _kind_before_name(text: str, org: OrgMatch, orgs: list[OrgMatch]) -> bool:
    """国内玉米种子龙头企业|禾丰种业: a phrase ending in 企业 right before a name describes it."""
    return text.endswith("企业", org.start, org.end) and any(other.start == org.end for other in orgs)


def _reposter(text: str, org: OrgMatch) -> bool:
    """Is ``org`` the account a post was reposted from (转发 //@手游周刊: …)?

    In a repost chain each ``//@account:`` names who passed the text on, a newspaper or a
    fan; the post it quotes names the employer itself.
    """
    return text.endswith("//@", 0, org.start) and text[org.end : org.end + 1] in ":："


def _abbreviated_from(text: str, short: str, paren: int, first: int, stop: int) -> Optional[int]:
    """The start of the name before ``paren`` that ``short`` abbreviates, looking at
    ``first``, ``first - 1``, … down to (not including) ``stop``; None if none fits."""
    for i in range(first, stop, -1):
        if text[i] == short[0] and _is_subsequence(short, text[i:paren]):
            return i
    return None


def _is_subsequence(short: str, name: str) -> bool:
    """Are the characters of ``short`` found in ``name`` in order (学精 in 学而精在线)?"""
    chars = iter(name)
    return len(short) < len(name) and all(ch in chars for ch in short)


@functools.lru_cache(maxsize=None)
def honorifics() -> frozenset[str]:
    """Honorific titles written before names (``models/honorifics_zh.txt``)."""
    return read_words("honorifics_zh.txt")


def _honorifics_after(text: str, role_ends: set[int]) -> list[tuple[int, int]]:
    """董事经理丹斯里|陈文彬: the spans of honorifics right after a title; where one
    ends, a name starts as it does after the title itself."""
    out = []
    for pos in role_ends:
        longest = max((w for w in honorifics() if text.startswith(w, pos)), key=len, default=None)
        if longest is not None:
            out.append((pos, pos + len(longest)))
    return out


# A nickname in quotes between a title and the name (主持人“小桃姐”邝语岚, 主播「Leo哥」X).
NICKNAME = re.compile(r"[“「\"‘『]([^”」\"’』,。;:]{1,6})[”」\"’』]")


def _after_nicknames(text: str, role_ends: set[int]) -> set[int]:
    """Where a name may start after a title and a quoted nickname: features introduce
    people by what colleagues call them, then by name."""
    out = set()
    for end in role_ends:
        match = NICKNAME.match(text, end)
        if match is not None and match.end() < len(text) and _HAN.match(text[match.end()]):
            out.add(match.end())
    return out


# Titles of foreign players and coaches: the name after them is a transliteration,
# whatever surname its first character looks like (外援卡布雷兹, 洋投卡布雷拉).
_FOREIGN_PLAYER_TITLES = ("洋投", "洋将", "洋炮", "外援", "外籍球员", "外籍教练", "外籍主教练")


def _foreign_players(text: str, roles: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Transliterated names (three characters or more) right after a foreign player's title."""
    letters = transliteration_characters()
    found = []
    for role_start, role_end in roles:
        if not text[role_start:role_end].endswith(_FOREIGN_PLAYER_TITLES):
            continue
        end = role_end
        while end < len(text) and end - role_end < 8 and text[end] in letters:
            end += 1
        dotted = end < len(text) and text[end] in "·•-"  # 外援德马库斯·贝尔特: the dotted-name reader takes it whole
        if end - role_end >= 3 and not dotted and (end == len(text) or not _HAN.match(text[end]) or text[end] in _AFTER_NAME):
            found.append((role_end, end))
    return found


def _name_evidence(
    text: str,
    start: int,
    end: int,
    token: Token | None,
    role_ends: set[int],
    known_names: set[str],
    name_like_tokens: bool = False,
    role_starts: set[int] | frozenset[int] = frozenset(),
) -> str | None:
    """How sure we are that ``text[start:end]`` is a name: "person", "person_weak" or None.

    jieba's ``nr`` tag alone is weak (it tags 明星 as a name); a position only a
    name can take (after a title, inside an enumeration, before a Latin gloss) is
    strong unless jieba reads the same characters as an ordinary word (相继).
    """
    name = text[start:end]
    if name in known_names:
        return "person"
    ordinary_word = (
        token is not None
        and token.end == end
        and len(token.text) >= 2
        and not token.tag.startswith(("nr", "ns", "nz", "nt", "x", "eng", "j"))
        and common_word(token.text, 5)  # jieba tags 容颖然 as an idiom; the dictionary knows better
    )
    is_nr = token is not None and token.tag.startswith("nr") and token.end in (end, start + 1)
    gloss = text[end : end + 1] == "(" and re.match(r"\(\s*[A-Z]", text[end : end + 3])
    before = text[start - 1 : start]
    after = text[end : end + 1]
    enumerated = (before == "、" and after in _ITEM_SEPARATORS_AFTER) or (after == "、" and before in _ITEM_SEPARATORS_BEFORE | {""})
    if enumerated and not (common_word(name) and not is_nr):
        return "person"  # strictly inside an enumeration: 周明、吴芳、郑海涛 (not 寿险、银行、券商)
    if (start in role_ends or _bounded_item(text, start, end) or gloss) and not ordinary_word:
        return "person"
    if (start == 0 or text[start - 1] in ",。;:") and after == "," and _APPOSITION_ROLE.match(text, end + 1) and not common_word(name):
        return "person"  # 贺知行,深澜量子计算的首席科学家,…: a name opening an apposition
    if is_nr and (text[end : end + 1] in ("、", "等", "和", "与", ",") or text[start - 1 : start] in ("、", "和", "与")):
        return "person"
    if end in role_starts and text[start - 1 : start] == "的" and end - start >= 3 and not common_word(name):
        return "person"  # 汇远物流的罗海川总经理: a formal title after the full name
    if text[end : end + 2] in _HONORIFIC_AFTER_NAME and not common_word(name):
        return "person"  # 纪建德先生, 张荟女士, 黄蔚之教授: the honorific after a full name says it is one
    if text[max(0, start - 2) : start] in ("免去", "免除", "撤销", "罢免") and after == "的" and not common_word(name):
        return "person"  # 免去俞正安的…局长职务: only a person's post is removed
    if _DEPARTED_BEFORE.search(text, 0, start) and not common_word(name):
        return "person"  # 接替已离职的莫海舟: the one a departure describes
    if _compound_surname_name(text, start, end, token):
        return "person"  # 上官若岚此前担任…, 欧阳听澜,…: a compound surname rarely starts anything else
    verb_after = bool(_DEPARTURE_VERB_AFTER.match(text[end : end + 8]))
    if start in role_ends and verb_after and text[start - 1 : start] not in ("", " ") and name[0] not in _NAME_STOP and _HAN.match(text[start - 1]):
        return "person_weak"  # 董事会秘书甘露因个人原因辞职: right after a title, before the verb, a word is a name
    if common_word(name) and not is_nr:
        return None  # 国企, 宣布: words of the dictionary that merely start with a surname character
    if start in role_ends and verb_after:
        return "person_weak"  # 副总裁金力辞职: jieba reads 金力 as a noun, the position says name
    given = name[surname_length(name, 0) :]
    opens_with_word = token is not None and token.end < end and len(token.text) >= 2 and not token.tag.startswith("nr") and common_word(token.text, 50)
    if opens_with_word:
        return None  # 这个|时间|点离开: an ordinary word and a stray character, standing where a subject stands
    if verb_after and not common_word(name) and not common_word(given, 50):
        return "person_weak"  # 栗坤宣布…辞职: no dictionary word, standing where a subject stands
    if is_nr or (verb_after and name_like_tokens):
        return "person_weak"  # trusted only right before a trigger (王芊申请辞去…)
    return None


# Honorifics that follow a full name (张荟女士); a surname alone before them (张教授) is no name.
_HONORIFIC_AFTER_NAME = ("先生", "女士", "同志", "教授", "博士", "院士")

# A departure word and 的 right before a name: 已离职的X, 即将退休的X.
_DEPARTED_BEFORE = re.compile(r"(?:离职|辞职|退休|卸任|离任|辞任|离开)的$")


def _compound_surname_name(text: str, start: int, end: int, token: Token | None) -> bool:
    """Is ``text[start:end]`` a compound surname (欧阳, 司徒, 皇甫) with a one- or
    two-character given name, standing on its own?

    Compound surnames are rare as ordinary words, so jieba's tags (it reads 欧阳 as a
    place and 司徒 as a noun) matter less than for single surnames. The name must end
    at a word boundary of what follows (not 第五|届), and neither it nor the given
    name may be a dictionary word (东方航空, 百里挑一).
    """
    if surname_length(text, start) != 2 or end - start < 3:
        return False
    if token is not None and (token.tag == "m" or token.end > end):
        return False  # 第五届: a numeral, or jieba reads a longer word across the name
    name = text[start:end]
    if common_word(name, 5) or common_word(name[2:], 50) or common_word(name[:2] + name[2], 5):
        return False
    after = text[end : end + 1]
    return not after or not _HAN.match(after) or after in _AFTER_NAME or bool(_DEPARTURE_VERB_AFTER.match(text[end : end + 8])) or _NAME_FOLLOWER.match(text, end) is not None


# What follows a name as its predicate or title: 此前担任, 曾任, 教授, 博士.
_NAME_FOLLOWER = re.compile(r"(?:此前|之前|目前|现|曾|原)?(?:担任|出任|任职|现任|曾任|是|系|为)|教授|博士|院士|研究员|工程师|表示|透露|指出|宣布")


# A line of jieba's dictionary: word, frequency, tag; words of two to four characters
# that are not tagged as names.
_DICTIONARY_LINE = re.compile(r"^(\S{2,4}) (\d+) (?!nr)\S+", re.MULTILINE)


@functools.lru_cache(maxsize=None)
def _dictionary_frequencies() -> dict[str, str]:
    """jieba's own dictionary (the one rjieba segments with): word → frequency, as text.

    Loaded once, on the first name that needs it; it tells a name jieba has never
    seen (栗坤) from an ordinary word that starts with a surname character (国企).
    One regular expression over the whole file, and frequencies left as text until
    asked: parsing 350,000 lines in Python was a fifth of every worker's start-up."""
    import jieba

    path = os.path.join(os.path.dirname(jieba.__file__), "dict.txt")
    with open(path, encoding="utf-8") as handle:
        return dict(_DICTIONARY_LINE.findall(handle.read()))


def _dictionary_word_at(text: str, pos: int) -> bool:
    """Does an ordinary dictionary word of two to four characters start at ``pos``?"""
    return any(common_word(text[pos : pos + n], 5) for n in (2, 3, 4))


def common_word(text: str, threshold: int = 20) -> bool:
    """Is ``text`` an ordinary dictionary word (not a name) of some frequency?"""
    return int(_dictionary_frequencies().get(text, "0")) >= threshold


@functools.lru_cache(maxsize=None)
def not_names() -> frozenset[str]:
    words: set[str] = set()
    for row in read_rows("not_names_zh.txt"):
        words.update(row[0].split())
    return frozenset(words)


_COMMON_TAGS = ("n", "v", "d", "a", "p", "c", "u", "r", "f", "m", "q", "t", "s", "l", "i", "b", "z")


def _trim_to_name_words(start: int, end: int, text: str, tokens: list[Token]) -> tuple[int, int]:
    """Shrink a dotted name (凯里-欧文, 布鲁娜·霍尼奥利奥) to the words jieba does not read
    as common words, so the title or verb next to it stays out."""
    dots = [i for i in range(start, end) if text[i] in "·•-"]
    if not dots:
        return start, end
    first, last = dots[0], dots[-1]
    new_start, new_end = first, last + 1
    for tok in sorted((t for t in tokens if start <= t.start and t.end <= first), key=lambda t: -t.start):
        if tok.end != new_start or not _name_word(tok):
            break
        new_start = tok.start
    for tok in sorted((t for t in tokens if last < t.start and t.end <= end), key=lambda t: t.start):
        if tok.start != new_end:
            break
        if not _name_word(tok):
            letters = transliteration_characters()
            while new_end < tok.end - 1 and text[new_end] in letters and not common_word(tok.text, 5):
                new_end += 1  # 莫拉菲尔|特因: jieba glued the next word to the name's last character
            break
        new_end = tok.end
    if new_start == first and text[first] == "-" and first >= 1 and _HAN.match(text[first - 1]):
        new_start = first - 1  # 让-克洛德·贝朗: a one-character first name before a hyphen
    if text[first] != "-":
        letters = transliteration_characters()
        while new_start > max(start, first - 4) and text[new_start - 1] in letters:
            if new_start >= 2 and common_word(text[new_start - 2 : new_start], 1000):
                break  # 宣布|迭戈·卡雷拉: 布 ends the verb before the name
            new_start -= 1  # 营运官马|可·费洛里: jieba glued the title's last character to the name
    if new_start == first or new_end == last + 1:
        return start, start  # nothing name-like on one side
    while new_end - last > 3 and text[new_end - 1] in _NAME_STOP and text[new_end - 1] not in _UNIT_CHARACTERS:
        new_end -= 1  # 贝朗因家庭原因: jieba glued 因 to the name (but 维拉斯科 ends with 科)
    return new_start, new_end


def _name_word(tok: Token) -> bool:
    """Can this word be part of a dotted foreign name? Not a common word, or made only
    of transliteration characters (万/m in 塞巴斯万)."""
    if not tok.tag.startswith(_COMMON_TAGS) or tok.tag.startswith(("nr", "ns", "nz", "nt")):
        return True
    letters = transliteration_characters()
    return all(ch in letters for ch in tok.text)


@functools.lru_cache(maxsize=None)
def transliteration_characters() -> frozenset[str]:
    """Characters of foreign names written in Chinese (``models/transliteration_zh.txt``)."""
    return read_words("transliteration_zh.txt")


def _tokens_covering(tokens: list[Token], token_starts: list[int], start: int, end: int) -> list[Token]:
    """The tokens overlapping [start, end), found by bisection (tokens tile the sentence)."""
    first = max(bisect.bisect_right(token_starts, start) - 1, 0)
    out = []
    for tok in tokens[first:]:
        if tok.start >= end:
            break
        if tok.end > start:
            out.append(tok)
    return out


class _Taken:
    """The characters of a sentence already given to a mention.

    A byte per character rather than a list of spans: the name finder asks at
    nearly every character whether it is taken, and a list scan made that the
    costliest line of the Chinese extractor.
    """

    def __init__(self, length: int, spans: list[tuple[int, int]] = ()):
        self._flags = bytearray(length)
        for start, end in spans:
            self.add((start, end))

    def add(self, span: tuple[int, int]) -> None:
        start, end = max(0, span[0]), min(span[1], len(self._flags))
        if end > start:
            self._flags[start:end] = b"\x01" * (end - start)

    def overlaps(self, start: int, end: int) -> bool:
        return end > start and self._flags.find(1, start, end) != -1


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(start < e and s < end for s, e in spans)


_ITEM_SEPARATORS_BEFORE = set("、,,:(（ 和与及")
_ITEM_SEPARATORS_AFTER = set("、,,。;)） 和与及等也")


def _bounded_item(text: str, start: int, end: int) -> bool:
    """Is ``text[start:end]`` an item of an enumeration (周明、吴芳、郑海涛等)?"""
    before = text[start - 1] if start > 0 else ""
    after = text[end] if end < len(text) else ""
    return (before in ("、",) and after in _ITEM_SEPARATORS_AFTER) or (
        after == "、" and (before in _ITEM_SEPARATORS_BEFORE or before == "")
    ) or (before in "和与及" and after in _ITEM_SEPARATORS_AFTER and start >= 2 and text[start - 2] not in "、")


def _find_roles(text: str, orgs: list[OrgMatch], tokens: list[Token]) -> list[tuple[int, int]]:
    """Title spans extended left over modifier words and composed with 兼.

    The extension walks jieba words right to left and takes only words from
    ``models/role_modifiers_zh.txt`` (and short Latin acronyms), so 视频生成模型负责人
    is one role while 盛安资源董事长 leaves 盛安资源 for the organization.
    """
    org_spans = [(o.start, o.end) for o in orgs]
    modifiers = role_modifiers()
    ends_at = {t.end: t for t in tokens}
    spans: list[tuple[int, int]] = []
    for start, end in title_lexicon().find(text):
        if _overlaps(start, end, org_spans):
            continue
        left = _glued_modifier_start(start, end, tokens, modifiers)
        while left > 0:
            if text[left - 1] == " ":
                left -= 1
                continue
            tok = ends_at.get(left)
            if tok is None or _overlaps(tok.start, tok.end, org_spans):
                break
            word = tok.text
            if len(word) >= 3 and word[0] in "原前" and word[1:] in modifiers:
                left = tok.start + 1  # 原青训|总监: jieba glued 原 (former) to the remit
                break
            previous = ends_at.get(tok.start)
            straddled = next((o_end for _, o_end in org_spans if previous is not None and previous.start < o_end < previous.end), None)
            if word in _UNIT_CHARACTERS and straddled is not None:
                left = straddled  # 港澄电视|新闻部总监 (jieba: 电视新闻|部): the unit after the employer
                break
            sector = word.endswith(sector_words()) and len(word) > 2  # 电子行业|首席分析师: the sector covered
            if word in sector_words() and previous is not None and previous.tag.startswith("n") and not _overlaps(previous.start, previous.end, org_spans):
                left = previous.start  # 芯片|行业|首席分析师: jieba cut the sector in two
                break
            if not (word in modifiers or re.fullmatch(r"[A-Z]{2,4}", word) or is_unit_word(word) or sector):
                break
            short_or_latin = len(word) == 1 or re.fullmatch(r"[A-Z]{2,4}", word) is not None
            if short_or_latin and previous is not None and _HAN.match(previous.text[-1]) and not common_word(previous.text, 50) and previous.text not in modifiers:
                break  # 启明|云|财务总监, 智衡|AI|联合创始人: a short modifier glued to an unknown word ends a name
            if word in org_suffix_words() and _ends_a_name(ends_at.get(tok.start), modifiers):
                break  # 澄远|投资|合伙人, 中泓|证券|投行部总监: the word ends the employer's name
            if start - tok.start > 14:
                break
            left = tok.start
        while left < start and text[left] == " ":
            left += 1
        spans.append((left, end))
    return _merge_composed(text, spans)


# jieba tags of words that cannot be the name part before an organization suffix.
_NOT_NAME_PART_TAGS = ("x", "p", "c", "d", "u", "v", "r", "f", "m", "t")


def _ends_a_name(previous: Optional[Token], modifiers: frozenset[str]) -> bool:
    """Is ``previous`` (the word before a suffix-like modifier such as 投资, 证券) the
    start of an organization name the modifier ends, rather than more of the title?"""
    if previous is None or previous.text in modifiers or not _HAN.match(previous.text[-1]):
        return False
    if previous.tag.startswith(_NOT_NAME_PART_TAGS) and previous.tag != "vn":
        return False  # 负责|投资…, 的|证券…: a verb or a function word, no name
    return not common_word(previous.text, 2000)


def _glued_modifier_start(start: int, end: int, tokens: list[Token], modifiers: frozenset[str]) -> int:
    """财务|主管 read by jieba as one word 财务主管: the title starts at its modifier.

    The leftward walk over modifiers goes word by word and cannot enter a word that
    ends with the title, so a modifier glued to it is taken here."""
    for tok in tokens:
        if tok.start < start and tok.end == end:
            return tok.start if tok.text[: start - tok.start] in modifiers else start
        if tok.start >= start:
            break
    return start


@functools.lru_cache(maxsize=None)
def unit_words() -> tuple[str, ...]:
    """Units inside an organization (``models/unit_words_zh.txt``), longest first."""
    return tuple(sorted(read_words("unit_words_zh.txt"), key=len, reverse=True))


def is_unit_word(word: str) -> bool:
    """欧洲区, 销售部, 亚太事业部: a modifier of a title followed by a unit word."""
    for unit in unit_words():
        if len(word) >= len(unit) + 2 and word.endswith(unit) and word[: -len(unit)] in role_modifiers():
            return True  # 欧洲|区, but not 总|部 (总部总督导)
    return False


# Last characters of the names of government bodies, whose 部 are ministries, not departments.
_GOVERNMENT_ENDS = ("局", "厅", "委", "委员会", "政府", "部", "署", "院", "办", "国务院", "中央")


def _departments(text: str, orgs: list[OrgMatch], roles: list[tuple[int, int]]) -> tuple[list[OrgMatch], list[tuple[int, int]]]:
    """安澜银行财富管理处处长: a name found by its suffix, followed by a unit word and a
    title, is a department when the employer is named before it in the sentence (or
    pointed to by 其). The department joins the role and stops being an organization."""
    if not roles or not orgs:
        return orgs, roles  # most sentences: nothing to do
    kept: list[OrgMatch] = []
    for org in orgs:
        # 杏川大学附设医院|急诊部|主任: a short 部 right after the employer is a department too
        after_employer = org.end - org.start <= 6 and any(o.end == org.start for o in orgs if o is not org)
        # 睿信基金也发布公告,固收投资部|副总监X: a 部 after a company named earlier is its department
        # (a ministry is no unit of a company; after a government body, 财政部 stays a ministry)
        after_employer = after_employer or any(o.end <= org.start and not text[o.start : o.end].endswith(_GOVERNMENT_ENDS) for o in orgs if o is not org)
        role = _unit_role_after(text, org.end, roles) or _role_after_unit_name(text, org, roles, after_employer)
        employer_before = any(o.end <= org.start and not text.startswith("记者", o.end) for o in orgs if o is not org)  # not 中央社|记者
        employer_before = employer_before or text[max(0, org.start - 1) : org.start] == "其"
        employer_before = employer_before or _POINTER_EARLIER.search(text, 0, org.start) is not None
        if role is None or not employer_before or org_lexicon().canonical(text[org.start : org.end]):
            kept.append(org)
            continue
        roles = [(org.start, r_end) if (r_start, r_end) == role else (r_start, r_end) for r_start, r_end in roles]
    return kept, roles


def _role_after_unit_name(text: str, org: OrgMatch, roles: list[tuple[int, int]], bare_bu: bool = False) -> Optional[tuple[int, int]]:
    """财富管理处|处长: a name that itself ends with a unit word (not a bare 部, which
    ends ministries: 财政部部长, unless ``bare_bu`` says the employer is written right
    before it), right before a title."""
    role = next((r for r in roles if r[0] == org.end), None)
    if role is None:
        return None
    name = text[org.start : org.end]
    if name.endswith(_public_body_suffixes()):
        return None  # 南岭省发展和改革委员会|主任: the full suffix of a public body (org_suffixes_zh.txt), an employer
    if not any(name.endswith(unit) and len(name) > len(unit) + 1 and not _company_not_unit(name, unit) for unit in unit_words() if unit != "部" or bare_bu):
        return None
    return role


@functools.lru_cache(maxsize=None)
def _public_body_suffixes() -> tuple[str, ...]:
    """Suffixes of public bodies that end in a unit word (发展和改革委员会, 自然资源和规划局)."""
    return tuple(w for w in org_suffix_words() if len(w) > 3 and w.endswith(unit_words()))


def _company_not_unit(name: str, unit: str) -> bool:
    """星河公司 ends with 司 (a ministry's department, 规划司) but is a company."""
    return unit == "司" and name.endswith("公司")


def _unit_role_after(text: str, pos: int, roles: list[tuple[int, int]]) -> Optional[tuple[int, int]]:
    """The title that starts right after a unit word at ``pos`` (处|处长, 区|总裁), if any."""
    if not any(pos < r_start <= pos + 4 for r_start, _ in roles):
        return None
    for unit in unit_words():
        if text.startswith(unit, pos):
            for role in roles:
                if role[0] in (pos + len(unit), pos + len(unit) - 1) and role[0] >= pos:
                    return role  # 处处长: the unit's character may begin the title
    return None


# What joins two titles of one person into one role.
_TITLE_JOINERS = ("兼", "兼任", " 兼 ", "暨", " 暨 ")


@functools.lru_cache(maxsize=None)
def role_modifiers() -> frozenset[str]:
    words: set[str] = set()
    for row in read_rows("role_modifiers_zh.txt"):
        words.update(row[0].split())
    return frozenset(words)


def _merge_composed(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """合伙人兼副总裁 / 发言人暨财务主管: two titles joined by 兼 or 暨 (Taiwan and Hong
    Kong filings) are one role; 暨 is also a surname, so the joined span keeps it from
    being read as a name (暨财务)."""
    spans.sort()
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and text[merged[-1][1] : start] in _TITLE_JOINERS:
            merged[-1] = (merged[-1][0], end)
        elif merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


@functools.lru_cache(maxsize=None)
def _org_suffix() -> re.Pattern:
    """The suffixes of ``models/org_suffixes_zh.txt``, longest first."""
    words = sorted(read_words("org_suffixes_zh.txt"), key=len, reverse=True)
    return re.compile("|".join(re.escape(w) for w in words))


# Single-character and government suffixes name an organization only after a place
# or two words: 南陵市交通运输局, not 布局 or 这一局.
# An ordinal inside an institution's name (第二人民医院, 第十一中学); jieba tags it a numeral.
_ORDINAL = re.compile(r"第[一二三四五六七八九十百零〇\d]{1,4}")
# A demonstrative before a phrase of ordinary words ending in a suffix makes it a pointer.
_POINTER_BEFORE = re.compile(r"(?:这家|那家|这间|那间|该|此|本)\s*$")
_WEAK_SUFFIXES = frozenset({"局", "厅", "委", "部", "署", "队", "办公室", "政府", "企业", "股份", "计算", "促进中心", "发展中心", "服务中心"})
# Words jieba cuts that end in the weak suffix 队 and say only what kind of team it is.
_GLUED_TEAM_WORDS = frozenset({"球队", "车队", "舰队", "战队", "梯队", "泳队"})


def _unit_follows(text: str, tokens: list[Token], end: int, titles: list[tuple[int, int]]) -> bool:
    """港澄电视|新闻部|总监, jieba cutting 电视新闻|部: the suffix ends inside a word whose rest,
    with a unit word after it, names a department whose title follows."""
    token = next((t for t in tokens if t.start < end < t.end), None)
    if token is None or text[token.end : token.end + 1] not in _UNIT_CHARACTERS:
        return False
    return any(t_start == token.end + 1 for t_start, _ in titles)


def _add_suffix_orgs(text: str, tokens: list[Token], orgs: list[OrgMatch], titles: list[tuple[int, int]] = ()) -> list[OrgMatch]:
    """Organizations not in the lexicon, recognised by their suffix (…银行, …集团).

    The name is the suffix plus the noun-like jieba words right before it (at most
    three), so that 他离开了招商局集团 does not swallow 他离开了.
    """
    found = list(orgs)
    taken = [(o.start, o.end) for o in orgs]
    matches = list(_org_suffix().finditer(text))
    if matches:
        # Tokens tile the sentence, so "the tokens before x" is a prefix found by bisection.
        end_list = [t.end for t in tokens]
        start_list = [t.start for t in tokens]
        token_ending_at = {t.end: t for t in tokens}
        tokens_starting = {t.start: t for t in tokens}
        token_ends = set(end_list) | {len(text)}
    for m in matches:
        end = m.end()
        title_after = any(t_start == end or (t_start == end + 1 and text[end] in "原前") for t_start, _ in titles)
        date_after = m.group() == "队" and _DATE_START.match(text, end) is not None  # 蓝鲸|队今|(22)日: jieba glued the date on
        if end not in token_ends and not title_after and not date_after and not _unit_follows(text, tokens, end, titles):
            continue  # 智能|驾驶: the suffix is the start of a longer word (but 局|局长 and 局|原|副局长 are not)
        crossing = [(ts, te) for ts, te in titles if ts < end and m.start() < te and not (m.start() <= ts and te <= end)]
        if _overlaps(m.start(), end, taken) or crossing:
            continue  # 首席信息官 is a title, not an organization ending in 信息 (律师事务所 holds 律师)
        if m.group() in role_modifiers() and any(t_start == end for t_start, _ in titles):
            previous = next((t for t in tokens if t.end == m.start()), None)
            if _suffix_ends_at(text, m.start()) or previous is None or previous.text in role_modifiers():
                continue  # 星河科技视频负责人, 首席投资总监: the word belongs to the title
        adjacent = next((o for o in found if o.end == m.start() and o.canonical == text[o.start : o.end]), None)
        if adjacent is not None and not crossing and not adjacent.canonical.endswith(_FINAL_SUFFIXES):
            # 康瑞泰制药|股份有限公司: a suffix right after a suffix-found name extends it
            found[found.index(adjacent)] = OrgMatch(adjacent.start, end, text[adjacent.start : end])
            taken = [(o.start, o.end) for o in found]
            continue
        if text[end : end + 1] in ("业", "界") and not text[m.start() : end + 1] in org_suffix_words():
            continue  # 台湾科技|业, 银行|业: the industry, not a company
        if end < len(text) and any(text[m.start() : end + k] in org_suffix_words() for k in (1, 2, 3)):
            continue  # a longer suffix starts here (科技 | 科技公司 is found as 公司 later)
        start = generic_start = m.start()
        phrase_end = m.start()  # where the words judged generic or not end
        straddle = next((t for t in tokens if t.start < m.start() < t.end), None)
        if straddle is not None and _suffix_ends_at(text, m.start()):
            start = generic_start = straddle.start  # 瀚澜|科技股份|有限公司: jieba cut across the suffixes
        words = 0
        name_before_generic = False
        inside = token_ending_at.get(end)
        if inside is not None and inside.start >= m.start():
            inside = None  # the suffix is a whole token: nothing glued before it
        if inside is not None and m.group() in _WEAK_SUFFIXES and inside.tag.startswith("n") and len(inside.text) >= 3 and inside.text not in _DEPARTMENT_WORDS and (m.group() != "部" or inside.tag == "nt"):
            start = inside.start  # the suffix ends a jieba word: 财政局, 教育厅
            phrase_end = end  # 国家|游泳队: that word is part of the name, not only 国家
            words = 1
        elif inside is not None and m.group() == "队" and len(inside.text) == 2 and inside.start == m.start() - 1 and not common_word(inside.text, 20):
            start = inside.start  # 雷霆|鹰队: the last character of the team's name glued to 队
            words = 1
        elif inside is not None and m.group() in _WEAK_SUFFIXES and inside.text in _GLUED_TEAM_WORDS:
            start = generic_start = inside.start  # 江东|省网|球队: a team word; the name is before it
        elif inside is not None and m.group() not in _WEAK_SUFFIXES and not common_word(inside.text, 5) and inside.tag not in ("l", "i") and text[inside.start : m.start()] not in generic_org_words():
            start = inside.start  # 澜|芯智算: jieba glued the name to the suffix (not an idiom: 身体健康)
            words = 1
        elif inside is not None and m.group() not in _WEAK_SUFFIXES:
            start = generic_start = inside.start  # 安澜|商业银行: a generic word ending in the suffix; the name is before it
            name_before_generic = inside.tag in ("l", "i")  # 投身|在线教育: an idiom-like trade word
        before = tokens[: bisect.bisect_right(end_list, start)]
        for index in range(len(before) - 1, -1, -1):
            tok = before[index]
            numbered_words = int(any(_ORDINAL.fullmatch(t.text) for t in before[index + 1 :]))  # 瑞|州市|第一|人民|医院
            if tok.end != start or words >= (4 if m.group() in _WEAK_SUFFIXES else 3) + numbered_words:
                break
            if name_before_generic and words == 0 and common_word(tok.text, 200):
                break  # 投身|在线教育: an ordinary word before the trade names no company
            # …but 仁和|医院, 协和|医院: a two-character word ending in 和 is a name
            glued_function = _GLUED_FUNCTION_WORD.search(tok.text) is not None and not (len(tok.text) == 2 and tok.text.endswith("和"))
            if tok.text in _ORG_WALK_STOP or tok.text in _PREPOSITION_WORDS or glued_function or tok.text in org_lead_words() or tok.text.endswith("公司") or tok.text in trigger_words():
                break  # jieba glued a verb to a name (李华是|极光科技): not part of the organization
            if _org_kind().search(tok.text) and _org_kind().search(tok.text).end() == len(tok.text):
                break  # 晶圆厂|晟曜光电, 券商|某某证券: a kind word says what the name is, it is not part of it
            if len(tok.text) >= 3 and tok.text[0] in "属是为系因在从于被由向对与和将但称" and _HAN.match(tok.text[1]) and not common_word(tok.text[1:], 5) and not common_word(tok.text, 1):
                start = tok.start + 1  # 当|属泓远|基金, 林海川|因澜图|控股: jieba glued a copula or preposition to the name
                words += 1
                break
            glued_kind = _org_kind().match(tok.text)
            glued_word = tok.tag.startswith("n") or tok.tag == "g" or (tok.tag in ("a", "z", "v", "l") and not common_word(tok.text, 5))
            if glued_kind is not None and len(tok.text) - glued_kind.end() >= 2 and glued_word:
                start = tok.start + glued_kind.end()  # 面板|厂澄岳|电子, 设计|厂朔岚/g|科技: jieba glued the kind word to the name
                words += 1
                break
            if _overlaps(tok.start, tok.end, taken) or (tok.end < m.start() and _suffix_ends_at(text, tok.end)):
                break  # 君澜律师事务所|资本市场: an organization already ends here
            # Two single characters of any tag before the suffix (曜|驰|汽车, 泓|远|证券): jieba
            # knows no word there, which a brand name of two characters is.
            if words == 0 and _single_name_char(tok) and index > 0 and _single_name_char(before[index - 1]) and before[index - 1].end == tok.start:
                start = before[index - 1].start
                words = 2
                break
            if words == 0 and _single_name_char(tok) and index > 0 and _clause_initial_and(before, index - 1):
                start = before[index - 1].start  # ,和|安|制药: no noun before it to join, so 和 is the name's
                words = 2
                break
            # Brand names of rare characters come out as single characters with odd tags (鼎|昇|地产).
            rare_char = len(tok.text) == 1 and tok.tag in ("ng", "zg", "g", "x", "ns") and _HAN.match(tok.text) and tok.text not in _NAME_STOP  # 澄/ns|州市
            # …or as an unknown morpheme of two characters (晟曜/g 光电), or a rare one jieba
            # reads as a measure word (泓/q, 中泓/q: not 家, 个, 位).
            rare_char = rare_char or (len(tok.text) == 2 and tok.tag in ("ng", "zg", "g", "q") and _HAN.match(tok.text) and not common_word(tok.text, 5))
            rare_char = rare_char or (len(tok.text) == 1 and tok.tag == "q" and _HAN.match(tok.text) and not common_word(tok.text, 2000) and tok.text not in _NAME_STOP)
            if rare_char and tok.tag == "q" and index > 0 and before[index - 1].tag == "m":
                rare_char = False  # 47|家|上市公司: a measure word after a number counts companies, names none
            nominal = tok.tag.startswith("n") or tok.tag in ("j", "eng", "nz", "ns", "nt", "b", "s", "vn") or rare_char
            nominal = nominal or tok.text in generic_org_words() or (len(tok.text) >= 3 and tok.text[0] in "前原")  # 联合医院, 前澜图|地图
            numbered = words >= 1 or len(m.group()) >= 4  # 云江市|第三|人民|医院, 瑞川市|第一|人民医院
            nominal = nominal or (numbered and _ORDINAL.fullmatch(tok.text) is not None)  # a numbered institution
            nominal = nominal or _middle_word(tok, before[index - 1] if index else None)
            nominal = nominal or _trade_verb(tok, before[index - 1] if index else None, words)
            if not nominal and not (words <= 2 and _brand_word(tok, before[index - 1] if index else None)):
                break
            start = tok.start
            words += 1
        while start < m.start() and (start in tokens_starting) and tokens_starting[start].text in league_words() and tokens_starting[start].end < m.start() - 1:
            start = tokens_starting[start].end  # 职棒|雷霆隼队: the league, not the name
        determiner = text[start] in _DETERMINER_STARTS or text.startswith(("另一", "另外", "另两", "另几"), start)
        kind_lead = [k for k in _org_kind().finditer(text, start, m.start()) if m.start() - k.end() >= 2]
        if kind_lead and start != generic_start and (determiner or _only_generic_before(text, tokens, start, kind_lead[-1].start())):
            start = kind_lead[-1].end()  # 另一家|药|企安禾|制药, 跨国|药企|诺川|制药: the kind, then the name
            determiner = False
        if start == m.start() or start == generic_start or determiner or _generic_phrase(tokens[bisect.bisect_left(start_list, start) : bisect.bisect_right(end_list, phrase_end)] or before[-words:]):
            continue
        if m.group() in _WEAK_SUFFIXES and words < 2 and not any(t.tag == "ns" for t in before[-words:]):
            continue
        if m.group() in ("公司", "集团", "企业", "有限公司") and common_word(text[start : m.start()], 500):
            continue  # 主导公司战略, 北京公司: an ordinary word before 公司 names no company
        phrase_tokens = [t for t in tokens if start <= t.start and t.end <= m.start()]
        if m.group() in ("公司", "集团") and any(t.tag == "v" for t in phrase_tokens) and all(common_word(t.text, 500) for t in phrase_tokens):
            continue  # 会继续|领导|集团: a verb phrase of ordinary words before 集团 names none
        if _POINTER_BEFORE.search(text, 0, start) and all(common_word(t.text, 1) for t in tokens if start <= t.start and t.end <= m.start()):
            continue  # 这家股份制银行, 这家体育用品公司, 这家在线教育公司: a pointer to the organization in focus, no name
        start = _after_source_word(text, start, end)
        if _REMIT_BEFORE.search(text, max(0, start - 3), start):
            continue  # 负责商业物业的X: the business the person runs, not an employer
        if text.startswith(praise_words(), start):
            continue  # 旗下王牌|音乐|制作人: praise for the person, not an employer
        while text[start] in "前原从在于向对和与跟被把将至到据" and end - start > 3:
            if text[start] in "和与" and (start == 0 or not _HAN.match(text[start - 1])):
                break  # ,和安制药: opening a clause, 和 joins nothing and starts the name
            start += 1  # 前沐岚半导体高级副总裁, 从砾川科技离职, 据|华川动力官网: the organization starts after
        glued_move = MOVE_WORDS_BEFORE_KIND.search(text, max(0, start - 3), start + 3)
        if glued_move is not None and glued_move.start() < start < glued_move.end() and end - glued_move.end() >= 3:
            start = glued_move.end()  # 转|投明岳律师事务所: the move word, not the name
        found.append(OrgMatch(start, end, text[start:end]))
        taken.append((start, end))
    # 南陵市交通 inside 南陵市交通运输局, 星河科技 inside 星河科技公司: keep the longer name.
    found = [o for o in found if not any(p is not o and p.start <= o.start and o.end <= p.end and (p.end - p.start) > (o.end - o.start) for p in found)]
    found.sort(key=lambda o: o.start)
    return found


# Words that say who reports, glued by jieba to the name after them (网传|星川卫视,
# 另据|江岚大学消息): never part of an organization's name.
_SOURCE_WORDS = re.compile(r"另据|网传|外传|盛传|传闻|爆料|据悉|据称|据报")


# Verbs of a remit (负责商业物业, 分管零售银行): what follows is a line of business.
_REMIT_BEFORE = re.compile(r"(?:负责|主管|分管|掌管|统筹|主抓)$")


def _only_generic_before(text: str, tokens: list[Token], start: int, kind_start: int) -> bool:
    """Are the words between ``start`` and a kind word all generic (跨国|药企)? Then the
    kind word describes the name after it; a name before it (星河|集团|科技) owns it."""
    words = [t for t in tokens if start <= t.start and t.end <= kind_start]
    covered = sum(len(t.text) for t in words) == kind_start - start
    return covered and all(t.text in generic_org_words() for t in words)


def _after_source_word(text: str, start: int, end: int) -> int:
    """Where a name starts once a source word glued before it (网传, 另据) is left out."""
    match = _SOURCE_WORDS.match(text, start, end)
    if match is not None and end - match.end() >= 2:
        return match.end()
    return start


# jieba tags a one-character name part never carries: numbers, prepositions, conjunctions,
# particles, adverbs, pronouns, directions and punctuation.
_NOT_NAME_CHAR_TAGS = frozenset({"m", "p", "c", "u", "uj", "ul", "d", "r", "f", "x"})
# Measure words that count organizations (三家, 两个): never part of a name.
_COUNTING_MEASURES = frozenset("家个位名")


def _clause_initial_and(tokens: list[Token], index: int) -> bool:
    """Is ``tokens[index]`` a 和 or 与 opening a clause? With nothing before it to join,
    it is the first character of a name (,和安制药首席财务官…)."""
    tok = tokens[index]
    if tok.text not in ("和", "与"):
        return False
    return index == 0 or tokens[index - 1].text in (",", "，", "。", ";", "；", ":", "：", "、", " ") or tokens[index - 1].tag == "x"


def _single_name_char(tok: Token) -> bool:
    """A one-character jieba word that may belong to a name: a Han character that is
    no function word, number, measure of a count or unit (not 在, 的, 年, 中, 家)."""
    if len(tok.text) != 1 or _HAN.match(tok.text) is None or tok.text in _NAME_STOP:
        return False
    return tok.tag not in _NOT_NAME_CHAR_TAGS and tok.text not in _COUNTING_MEASURES


def _middle_word(tok: Token, previous: Optional[Token]) -> bool:
    """A word jieba tags as time or direction inside a name (西岙|当代|画廊, 市立|北汀|博物馆):
    accepted when a place, brand or distinguishing word stands right before it, so that
    a name goes on to the left; alone (以后|公司) it ends the walk."""
    if tok.tag not in ("t", "f") or len(tok.text) != 2 or previous is None or previous.end != tok.start:
        return False
    return previous.tag in ("ns", "nz", "nt", "b", "j") and len(previous.text) >= 2


def _trade_verb(tok: Token, previous: Optional[Token], words: int) -> bool:
    """金穗|种植|集团, 宏达|制造|公司: the trade a company is in, a verb to jieba, right
    before the suffix and right after a word jieba reads as a name or place."""
    if words != 0 or tok.tag not in ("v", "vn") or len(tok.text) != 2 or previous is None or previous.end != tok.start:
        return False
    if previous.tag.startswith("nr") and len(previous.text) == 3 and surname_length(previous.text, 0):
        return False  # 接替聂川栋|主持|集团全面工作: a person and a verb, not a name and its trade
    return previous.tag in ("nr", "ns", "nz", "nt", "j") and len(previous.text) >= 2 and not common_word(previous.text, 50)


def _generic_phrase(words: list[Token]) -> bool:
    """香港物流公司, 美国AI公司: generic words, perhaps after a place, so no name.
    A place alone is a name (北京银行), and so is a word jieba guesses is a place (砾川科技)."""
    if "".join(t.text for t in words) in generic_org_words():
        return True  # 上市|柜 (公司): jieba cut a generic word in two
    place = bool(words) and (words[0].tag == "ns" or words[0].text.endswith(("市", "省", "县", "区", "州")))
    if len(words) >= 2 and place and any(_ORDINAL.fullmatch(t.text) for t in words[1:]):
        return False  # 瑞川市|第一|人民 (医院): a numbered institution of a place is a name
    if not any(t.text in generic_org_words() for t in words):
        return False
    if words[-1].text in generic_org_words() and len(words) <= 2:
        guessed_place = words[0].tag == "ns" and len(words[0].text) == 2 and words[0].text[-1] not in "市省县区州镇村"
        # 智穹|AI: a word no dictionary holds (but not a place: 江临市|地方)
        unknown = len(words[0].text) >= 2 and not common_word(words[0].text, 1) and words[0].text[-1] not in "市省县区州镇村"
        if len(words) == 2 and (words[0].tag in ("nr", "nrt", "nz", "j") or guessed_place or unknown) and not common_word(words[0].text):
            return False  # 霁川|国际|集团, 瑞港|国际: a word jieba reads as a name (or guesses is a place) before the generic one
        return True  # 大模型创业公司, 保全公司: a kind of company
    return all(t.text in generic_org_words() or t.tag == "ns" for t in words)


def _brand_word(tok: Token, previous: Optional[Token]) -> bool:
    """A verb or adjective word right before an organization suffix that is part of
    the name (远驰汽车, 理想汽车): two characters or more, and standing where an
    organization is expected, after a boundary or a word of ``org_lead_words_zh.txt``.

    A word jieba's dictionary does not hold at all is read the same way whatever tag
    its guess gave (快递平台|迅途/d|科技): an invented brand, not an adverb."""
    unknown = len(tok.text) >= 2 and all(_HAN.match(ch) for ch in tok.text) and not common_word(tok.text, 1)
    if len(tok.text) < 2 or (tok.tag not in ("v", "vn", "vg", "a", "ad", "an", "ag", "i", "l", "z") and not unknown) or common_word(tok.text, 500):
        return False
    if previous is None or previous.tag in ("x", "p", "uj", "c", "ul", "d", "r", "f", "ns") or not previous.text.strip():
        return True  # after a boundary, or after a place (城市|规划|局, 南屿|嘉禾|人寿)
    if _org_kind().fullmatch(previous.text):
        return True  # 搜索巨头|千寻|科技: a kind word says a name follows
    return previous.text in org_lead_words() or previous.text.endswith(("公司", "集团", "平台", "品牌"))


@functools.lru_cache(maxsize=None)
def _org_kind() -> re.Pattern:
    words = sorted(read_words("org_kinds_zh.txt"), key=len, reverse=True)
    return re.compile("|".join(re.escape(w) for w in words))


def ends_with_org_kind(phrase: str) -> bool:
    """Does ``phrase`` end with a kind word of ``models/org_kinds_zh.txt`` (竞品品牌, 老牌券商)?"""
    return any(m.end() == len(phrase) for m in _org_kind().finditer(phrase))


# What may follow a kind-introduced name: a title, 的, an announcing verb, a date.
_AFTER_KIND_NAME = re.compile(
    r"(?:的|今|昨|日前|近日|\d|\(|(?:也|亦|还|则|同时)?(?:公告|宣布|确认|证实|发布|表示|称)|方面|官方|董事会|上周|本周|周[一二三四五六日]|上月|本月|今年|去年"
    r"|近(?:[半一两三几]?个?(?:年|月|周)|期|来)|被(?:曝|传|指|爆)"
    r"|[于於](?:今|昨|上|本|下|近|日前|\d|[周週星禮礼]|[一二三四五六七八九十]{1,2}月))"
)  # 晶圆厂岚岫电子亦公告: an adverb may stand between the name and the announcing verb;
# 烘焙集团麦香坊于本周三宣布: 于 and a date may stand there too; 短视频平台快拍近半年来…,
# 影视公司北溟映画被曝…: a time phrase or a reporting passive follows the name
# Words that end the walk left from an organization suffix: pointers, and the
# relations a company is named in (控股股东澄宇控股集团, 竞争对手木研生活).
# Characters that open a description, not a name: 该公司, 这家银行, 一家药企, 某券商.
_DETERMINER_STARTS = frozenset("该其本这那此各某一")
# 指: Hong Kong's "said" (报道指集团主席…); 时任/现任/曾任: the tense of a post, before the name.
_ORG_WALK_STOP = frozenset("该 其 本 这家 多家 公司 股东 控股股东 大股东 母公司 子公司 旗下 对手 竞争对手 老东家 东家 指 时任 现任 曾任 历任".split())
_DATE_START = re.compile(r"(?:昨|今|前|明)[日天]|近日|日前|本周|上周|下周|本月|上月|今年|去年|近期|日内|当天|同日|今早|今晨|今晚|昨晚|昨夜")
_KIND_NAME_BAD_START = frozenset("与和及跟同对向在从被把将的了是为也都已")
# Prepositions jieba sometimes tags as nouns (经|俱乐部董事会研究决定): never part of a name.
# 有关 / 关于 (about) open the topic of a statement (否认有关经理被解雇的传言), and so do
# the words that say where a rumor comes from (针对网传总经理X将离开的消息).
_PREPOSITION_WORDS = frozenset("经 据 由 经由 依据 根据 按照 有关 有關 关于 關於 网传 網傳 网曝 網曝 盛传 盛傳 传闻 傳聞 传言 傳言 爆料".split())
MOVE_WORDS_BEFORE_KIND = re.compile(r"加入|加盟|转投|转往|跳槽至|跳槽到|投奔|入职|转任")


def _kind_named_orgs(text: str, tokens: list[Token], orgs: list[OrgMatch], roles: list[tuple[int, int]]) -> list[OrgMatch]:
    """电商平台橙禾集副总裁 → 橙禾集; 上市公司联岳精密今日公告 → 联岳精密 (``models/org_kinds_zh.txt``)."""
    found = []
    taken = [(o.start, o.end) for o in orgs]
    for m in _org_kind().finditer(text):
        start = m.end()
        stop = None
        ends_a_name = any(o.start < m.start() and o.end == m.end() for o in orgs)
        if text[start : start + 1] == "人":
            continue  # 资深媒体人卓言: a profession (媒体人), not a kind before a name
        quoted = re.match(r"[「“\"《]([^」”\"》]{2,12})[」”\"》]", text[start:])
        if quoted is not None:
            q_start, q_end = start + quoted.start(1), start + quoted.end(1)
            if not _overlaps(q_start, q_end, taken):
                found.append(OrgMatch(q_start, q_end, quoted.group(1)))  # 网购平台「虾购购」
                taken.append((q_start, q_end))
            continue
        for offset in range(2, 9):
            pos = start + offset
            if pos > len(text) or not re.fullmatch(r"[\u4e00-\u9fffA-Za-z0-9&]+", text[start:pos]):
                break
            if any(r_start == pos for r_start, _ in roles) or _AFTER_KIND_NAME.match(text, pos):
                stop = pos
                break
            if text[pos : pos + 1] in ",。;" and MOVE_WORDS_BEFORE_KIND.search(text[max(0, m.start() - 6) : m.start()]):
                stop = pos  # 加入出行平台快骥,: the destination, named after its kind
                break
            if text[pos : pos + 1] in ",。;" and _FOUNDED_BEFORE_KIND.search(text, max(0, m.start() - 8), m.start()):
                stop = pos  # 创办了对话式AI公司知远未来。: the company founded, named after its kind
                break
        if stop is None or _overlaps(start, stop, taken):
            continue
        if stop - start > 2 and text[stop - 1] in "原前" and any(r_start == stop for r_start, _ in roles):
            stop -= 1  # 人民医院|肿瘤科原|主任: 原 (former) belongs to the title, not the name
        name = text[start:stop]
        inner_kind = [k for k in _org_kind().finditer(name) if len(name) - k.end() >= 2]
        if inner_kind:
            continue  # 企业|女排劲旅|凯川云豹: a second kind inside; the name is the one after it
        if ends_a_name and name.endswith(m.group()):
            continue  # 港信银行|零售银行业务主管: a business line of the bank just named, not another bank
        if _DATE_START.match(name):
            continue  # 银行昨日晚间公告: a date, not a name
        if name[0] in _KIND_NAME_BAD_START or name.startswith(("官方", "方面", "旗下", "内部")):
            continue  # 球队与队内巴西外援, 球队官方微博发布: a preposition or a channel starts the phrase, not a name
        if common_word(name[:2], 2000) or re.search(r"[一二两三几另每]位|[一二两三几]名|二人|两人", name):
            continue  # 俱乐部感谢二人的付出: a verb or a count, not a name
        if any(word in name for word in trigger_words()):
            continue  # 公司合规政策被解雇: a clause, not a name
        if name in generic_org_words() or titles_rank(name) < 9 or _org_kind().fullmatch(name) or common_word(name):
            continue  # 媒体报道称: 报道 is a word, not a name
        if re.search(r"\d|[年月日]$", name) or _COUNT_PHRASE.match(name):
            continue  # 俱乐部29日宣布, 球队八个赛季的队长
        if _clause_words_inside(tokens, start, stop):
            continue  # 投行圈已迎来一轮…: an adverb or a particle inside says a clause, not a name
        if any(start <= t.start and t.end <= stop and t.text in _PREPOSITION_WORDS for t in tokens):
            continue  # 集团否认有关经理…: 有关 opens the topic of a statement, not a name
        found.append(OrgMatch(start, stop, name))
        taken.append((start, stop))
    return found


# Suffixes that end a name for good: what follows starts a unit or a phrase
# (律师事务所|资本市场部), not a longer name (康瑞泰制药|股份有限公司).
_FINAL_SUFFIXES = ("事务所", "有限公司", "有限责任公司")
# A count before a title (效力球队八个赛季的队长): a length of time, not a name.
_COUNT_PHRASE = re.compile(r"^[一二两三四五六七八九十几百千]+[个名位届年季场]")

# Founding verbs before a kind of organization (创办了一家AI公司X, 另起炉灶成立了工作室X).
_FOUNDED_BEFORE_KIND = re.compile(r"(?:创办|创立|成立|创建|组建|合伙创办|另立)了?[^,。;]{0,6}$")

# jieba tags that a name written after its kind never holds: adverbs (已, 将), prepositions,
# particles (的, 了). Verbs and adjectives it may hold (brand words: 远航, 理想).
_CLAUSE_TAGS = ("d", "p", "u")


def _clause_words_inside(tokens: list[Token], start: int, stop: int) -> bool:
    """Does a jieba word inside [start, stop) carry a tag only clauses have?"""
    return any(start <= t.start and t.end <= stop and t.tag.startswith(_CLAUSE_TAGS) for t in tokens)


@functools.lru_cache(maxsize=None)
def press_titles() -> frozenset[str]:
    """Titles held at a publication (``models/press_titles_zh.txt``)."""
    return read_words("press_titles_zh.txt")


_QUOTED_TITLE_END = re.compile(r"《([^《》,。;]{2,14})》\s*$")
# Works, not employers, are named in title marks after these: 节目《…》, 电视剧《…》.
_PROGRAMME_BEFORE = re.compile(r"(?:节目|栏目|专栏|电视剧|剧集|电影|综艺|纪录片|新书|著作|作品|专辑)\s*$")


def _quoted_before_roles(text: str, tokens: list[Token], orgs: list[OrgMatch], roles: list[tuple[int, int]]) -> list[OrgMatch]:
    """《南潮商业评论》主编: a publication named in title marks right before a title is
    the organization the person works for, when the sentence names no other one
    before it (海岚电台…节目《夜航》主持人: a programme of the broadcaster)."""
    found = []
    taken = [(o.start, o.end) for o in orgs]
    for role_start, role_end in roles:
        if text[role_start:role_end] not in press_titles():
            continue
        quoted = _QUOTED_TITLE_END.search(text, 0, role_start)
        if quoted is None or _overlaps(quoted.start(1), quoted.end(1), taken):
            continue
        if any(o.end <= quoted.start() for o in orgs) or _PROGRAMME_BEFORE.search(text, 0, quoted.start()):
            continue
        found.append(OrgMatch(quoted.start(1), quoted.end(1), quoted.group(1)))
        taken.append((quoted.start(1), quoted.end(1)))
    return found


# Words that end the phrase before a title on the left: punctuation, conjunctions,
# function words, and the prefixes that mark a former post (原, 前).
_ORG_PHRASE_STOP = frozenset("的 、 和 与 及 暨 兼 或 并 也 都 原 前 该 其 本 由 从 在 于 被 将 已 为 是 称 等".split())
# Verbs that take a post as their object (由董事长X暂代总经理职务): never a brand before a title.
_POST_VERBS = frozenset("暂代 代理 代行 兼任 接任 出任 担任 升任 转任 改任 调任 就任 续任 留任 暂任 兼管 仍任 仍担任".split())
_ORG_PHRASE_TAGS = ("n", "nz", "ns", "nt", "nrt", "j", "eng", "vn", "b")
_DEPARTMENT_WORDS = frozenset("事业部 部门 部 团队 中心 业务 办公室 研究院 实验室 工作室".split())


# Titles written after a person's name (X教授), and a capitalised Latin word (a surname).
_NAME_HONORIFIC_TITLES = frozenset("教授 副教授 博士 院士 医生 律师".split())
_LATIN_SURNAME = re.compile(r"[A-Z][a-z]+(?:[\-'][A-Za-z][a-z]+)?")


def _orgs_before_roles(text: str, tokens: list[Token], orgs: list[OrgMatch], roles: list[tuple[int, int]]) -> list[OrgMatch]:
    """An organization no lexicon knows, written right before a title: 极澜智能CTO,
    澄汐物联副总裁. The phrase is the noun-like words before the title (at most four,
    no function word), without a department at its end (本地生活事业部总经理)."""
    found = []
    ends_at = {t.end: t for t in tokens}
    taken = [(o.start, o.end) for o in orgs]
    for role_start, role_end in roles:
        if any(e == role_start or (e < role_start and not text[e:role_start].strip()) for _, e in taken):
            continue  # an organization is already written there
        if text.endswith("选手", role_start, role_end):
            continue  # 女单选手, 游泳选手: the sport or position before it, not an employer
        words: list[Token] = []
        pos = role_start
        former = ends_at.get(pos)
        if former is not None and former.text in ("原", "前") and former.start > 0 and _HAN.match(text[former.start - 1]):
            pos = former.start  # 启元大模型|原|商业化副总裁: the employer of a former post
        unit: list[Token] = []
        while pos in ends_at and len(unit) < 3 and (ends_at[pos].text in _DEPARTMENT_WORDS or ends_at[pos].text in role_modifiers()):
            unit.insert(0, ends_at[pos])  # 青穹云|AI|平台|部|总监: the unit, then the employer's name
            pos = ends_at[pos].start
        if unit and unit[-1].text not in _DEPARTMENT_WORDS:
            pos = role_start if former is None or former.text not in ("原", "前") else former.start
            unit = []
        while pos in ends_at and len(words) < 4:
            tok = ends_at[pos]
            if tok.text in _ORG_PHRASE_STOP or tok.text in _PREPOSITION_WORDS or tok.text in _ORG_WALK_STOP or not tok.text.strip() or _overlaps(tok.start, tok.end, taken):
                break
            if tok.text in _POST_VERBS:
                break  # 林冠宏|暂代|总经理: the verb taking the post
            if all(ch in _ORG_PHRASE_STOP for ch in tok.text) or (len(tok.text) == 2 and tok.text[1] in "其该"):
                break  # 宣布|由原|副院长, 挖|角其|生鲜: jieba glued a function word
            brand_tail = bool(words) and not _HAN.match(words[0].text[0])  # 智衡|AI: a Latin tail makes a brand
            if (tok.tag.startswith("nr") and not brand_tail) or tok.text in trigger_words() or tok.text in ("新任", "现任", "时任", "前任"):
                break  # a person's name, a departure verb or a tense marker ends the phrase
            brand = len(tok.text) >= 2 and _HAN.match(tok.text[0]) and tok.tag in ("a", "v", "vg", "ag") and not common_word(tok.text, 50)
            if not (tok.tag.startswith(_ORG_PHRASE_TAGS) or brand):
                break
            words.insert(0, tok)
            pos = tok.start
        if unit and not words:
            continue
        while words and (words[-1].text in _DEPARTMENT_WORDS or words[-1].text in role_modifiers()):
            words.pop()  # 生活事业部 / 智能座舱: part of the post, not the employer
        if not words or words[-1].text.endswith(sector_words()):
            continue  # 医药行业|高管: the sector the people work in, not their employer
        if words[0].text.startswith(praise_words()):
            continue  # 旗下王牌|音乐|制作人: praise for the person, not an employer
        start, end = words[0].start, words[-1].end
        if text[start - 1 : start] == "、" and any(r_end == start - 1 for _, r_end in roles):
            continue  # 副总裁、渠道运营主管: after a title and 、, the words say the second post's remit
        while text[start] in "原前" and end - start > 2:
            start += 1  # 原零售业务总监: 原 marks a former post
        start = _after_source_word(text, start, end)
        tense = re.match(r"曾任|现任|时任|历任|曾担任", text[start:end])
        if tense is not None and end - start - tense.end() >= 2:
            start += tense.end()  # 曾任|启岳汽车首席产品官的贺一帆: the verb of a past post, not the name
        glued_move = MOVE_WORDS_BEFORE_KIND.match(text, start, end)
        if glued_move is not None and end - glued_move.end() >= 2:
            start = glued_move.end()  # 卸任,转任|西岭省政协|副主席: the move word, not the name
        if text[end - 1] in "原前" and end - start > 2 and role_start == end:
            end -= 1  # 规划局原|副局长: jieba glued 原 (former) to the name
        name = text[start:end]
        if re.search(r"[一二两三几另每]位|[一二两三几]名", name):
            continue  # 另一位技术高管: a count of people
        if name.endswith(("籍", "裔")):
            continue  # 葡萄牙籍主教练: a nationality, not an employer
        if len(name) < 2 or len(name) > 12 or _generic_phrase(words) or all(w.text in generic_org_words() for w in words):
            continue
        if titles_rank(name) < 9 or common_word(name) or re.search(r"\d|传闻|消息|人士|报道|报导|报载|爆料|据|称", name):
            continue
        if len(words) == 1 and words[0].tag.startswith("nr") and _HAN.match(name[0]) and surname_length(name, 0):
            continue  # a name before a title is a person (张三副总裁 is rare; 副总裁张三 is common)
        if text[start - 1 : start] == "的" and len(name) == 3 and chinese_name_at(text, start, set()) == end:
            continue  # 汇远物流的罗海川总经理: the person, titled after the name
        if start >= 1 and surname_length(text, start - 1) == 1 and chinese_name_at(text, start - 1, set()) == end:
            continue  # 廖|宏志|代理总教练: jieba cut the surname off a name, which is no organization
        if re.fullmatch(r"[A-Z][a-z]+", name) and re.search(r"[A-Z][a-z]+ $", text[max(0, start - 16) : start]) and name not in latin_org_words():
            continue  # Kevin |Hale|代理总教练: the family name of a Latin name (not Mirage |Studio)
        if _compound_surname_name(text, start, end, None) and chinese_name_at(text, start, set()) == end:
            continue  # 端木清岚教授: a compound-surname name before an honorific title
        if text[role_start:role_end] in _NAME_HONORIFIC_TITLES and _LATIN_SURNAME.fullmatch(name):
            continue  # Richard Doe教授: a Latin name before an honorific title is a person
        found.append(OrgMatch(start, end, name))
        taken.append((start, end))
    return found


# What may stand between an employer and a unit of it: spaces, a gloss in brackets.
_EMPLOYER_GLUE = re.compile(r"\s*(?:[(（][^()（）]{1,30}[)）])?\s*")


def _units_after_employer(
    text: str, tokens: list[Token], orgs: list[OrgMatch], guessed: list[OrgMatch], roles: list[tuple[int, int]]
) -> tuple[list[OrgMatch], list[tuple[int, int]]]:
    """星川证券|医药行业|首席分析师, 岭北足球会|青训|总监: a phrase guessed as an
    employer only because it stands before a title is a unit, a sector or a remit of
    the organization named right before it. Such a phrase joins the role (the post is
    "医药行业首席分析师" at 星川证券) and stops being an organization. A phrase that
    opens with a Latin letter is a brand after a description (仪表企业Medora), so it
    stays the employer.

    The employer may also be named earlier in the sentence (手机厂商朗曜科技昨日确认,
    手机产品线总裁X…): then a phrase of ordinary words, or one ending in a unit word
    (到店事业群, 护理部), is a unit too. A unit word of two characters or more
    (事业群, 产品线) says so even with no employer in the sentence."""
    kept: list[OrgMatch] = []
    for org in guessed:
        # (…|原|采购总监: a former post; the unit stands before 原 just the same)
        role = next((r for r in roles if r[0] == org.end or (r[0] == org.end + 1 and text[org.end] in "原前")), None)
        # 酒旅|事业部技术总监, SaaS|事业部总裁: the name of the unit, not of the employer (but
        # 千穗连锁药房|区域经理 is an employer and a regional post)
        unit_name = role is not None and any(text.startswith(u, role[0]) for u in unit_words() if len(u) >= 2 and u not in _REGION_UNITS)
        if role is not None and not unit_name and text[role[0] : role[0] + 1] in ("处", "部", "科", "室", "组"):
            # 长宏金控证实,…数位金融|处主管X: a one-character unit after a named employer
            unit_name = any(o.end <= org.start for o in orgs) and role[1] - role[0] > 2
        if not _HAN.match(text[org.start]) and not unit_name:
            kept.append(org)
            continue
        employer = any(
            o.end <= org.start and _EMPLOYER_GLUE.fullmatch(text[o.end : org.start]) for o in orgs
        )
        if not employer and role is not None:
            earlier = any(o.end <= org.start for o in orgs) or _POINTER_EARLIER.search(text, 0, org.start) is not None
            # 训练框架|负责人, 数值策划|负责人: ordinary words before the head of something are its remit
            remit = text[role[0] : role[1]].endswith(("负责人", "主管")) and _ordinary_words(tokens, org)
            unit_start = org.start if unit_name or remit else _unit_start(text, tokens, org, earlier)
            if unit_start is not None and unit_start > org.start:
                # 速驰快运|华南大区|总经理: the employer, then its unit
                kept.append(OrgMatch(org.start, unit_start, text[org.start : unit_start]))
                if role[0] == org.end:
                    roles = [(unit_start, r[1]) if r == role else r for r in roles]
                continue
            employer = unit_start is not None
        if role is None or not employer:
            kept.append(org)
            continue
        if role[0] == org.end:  # (not across 原: the post held before stays the title)
            roles = [(org.start, r[1]) if r == role else r for r in roles]
    return kept, roles


# A pointer to the organization in focus earlier in the sentence (该行发言人证实,财富管理部
# 主管X…): the employer is named, so a phrase before a title may be its unit.
# A bare 公司 after punctuation (公告还披露,公司研发中心主任X) points the same way.
_POINTER_EARLIER = re.compile(r"该(?:公司|行|集团|校|院|所|局|部|委|厅|署|台|报|队|俱乐部)|本公司|本集团|本行|(?<![\u4e00-\u9fffA-Za-z0-9])公司")
# Unit words that end the names of employers too (发展和改革委员会), so they make a unit
# only after an employer.
_UNITS_OF_A_NAMED_EMPLOYER = frozenset(["委员会", "研究院", "学院"])
# Unit words that also open regional titles (区域经理, 大区总监).
_REGION_UNITS = frozenset(["区域", "大区", "战区"])


def _ordinary_words(tokens: list[Token], org: OrgMatch) -> bool:
    """Is the phrase ``org`` made only of ordinary dictionary words (训练|框架)?"""
    inside = [t for t in tokens if org.start <= t.start and t.end <= org.end]
    return bool(inside) and all(common_word(t.text, 50) for t in inside)


def _unit_start(text: str, tokens: list[Token], org: OrgMatch, employer_earlier: bool) -> Optional[int]:
    """Where a unit of an employer starts inside the guessed name ``org``, if it holds
    one: at ``org.start`` when the whole phrase is a unit (手机产品线), later when an
    employer's name comes first (速驰快运|华南大区). None when ``org`` is an employer."""
    name = text[org.start : org.end]
    inside = [t for t in tokens if org.start <= t.start and t.end <= org.end]
    ordinary = bool(inside) and all(common_word(t.text, 50) for t in inside)
    if name in unit_words():
        return org.start  # 事业群总裁: a unit word alone
    unit = next((u for u in unit_words() if name.endswith(u) and len(name) > len(u)), None)
    if unit is None:
        return org.start if employer_earlier and ordinary else None
    if unit in _UNITS_OF_A_NAMED_EMPLOYER and not employer_earlier:
        return None  # 国家发展和改革委员会: a commission is an employer unless one is named before
    if len(unit) < 2 and not employer_earlier and not common_word(name[: -len(unit)], 50):
        return None  # 财政部, 公安局: a bare 部 or 区 ends names of employers too (but 护理|部 is a unit)
    if employer_earlier or ordinary:
        return org.start
    start = org.end - len(unit)
    words = [t for t in inside if t.end <= start]
    while words and words[-1].tag in ("ns", "f", "s") and words[-1].end == start:
        start = words.pop().start  # 华南|大区: the region belongs to the unit
    rest = words
    if not rest or all(common_word(t.text, 50) for t in rest):
        return org.start
    return start


def _suffix_ends_at(text: str, pos: int) -> bool:
    """Does an organization suffix word end exactly at ``pos`` (星河科技|视频)?"""
    return any(text[pos - n : pos] in org_suffix_words() for n in range(1, 7) if pos - n >= 0)


@functools.lru_cache(maxsize=None)
def org_suffix_words() -> frozenset[str]:
    return read_words("org_suffixes_zh.txt")


@functools.lru_cache(maxsize=None)
def org_lead_words() -> frozenset[str]:
    return read_words("org_lead_words_zh.txt")


@functools.lru_cache(maxsize=None)
def generic_org_words() -> frozenset[str]:
    return read_words("generic_org_words_zh.txt")


@functools.lru_cache(maxsize=None)
def latin_org_words() -> frozenset[str]:
    """Words that end a Latin organization name (Studio, Labs, Capital), as English text uses them."""
    return read_words("en/org_words.txt")


@functools.lru_cache(maxsize=None)
def league_words() -> frozenset[str]:
    return read_words("league_words_zh.txt")


@functools.lru_cache(maxsize=None)
def sector_words() -> tuple[str, ...]:
    return tuple(sorted(read_words("sector_words_zh.txt")))


@functools.lru_cache(maxsize=None)
def praise_words() -> tuple[str, ...]:
    return tuple(sorted(read_words("praise_words_zh.txt")))


def titles_rank(role: str) -> int:
    """How senior a role is (1 top), for choosing between roles of one person."""
    ranks = title_lexicon().rank
    best = 9
    # Titles as the matcher reads them, longest first: 副总裁 is not 总裁.
    for start, end in title_lexicon().find(role):
        best = min(best, ranks.get(role[start:end], 2))
    lowered = f" {role.lower()} "
    for title, rank in english_title_ranks().items():
        if f" {title} " in lowered:
            best = min(best, rank)
    return best


@functools.lru_cache(maxsize=None)
def english_title_ranks() -> dict[str, int]:
    """English titles (``models/en/titles.tsv``), lower-cased, with their ranks."""
    return {row[0].lower(): int(row[1]) for row in read_rows("en/titles.tsv") if len(row) > 1 and row[1].isdigit()}


def trigger_words() -> frozenset[str]:
    return read_words("triggers_zh.tsv")
