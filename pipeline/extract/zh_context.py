"""What a Chinese document establishes as it is read: the extractor's memory.

Names and their aliases (周明远(Tom Zhou), Rohan Mehra → Mehra), the organization
and role each person was introduced with (appositions, copulas, titles before
names), the organizations in focus and the one that speaks at the start of a
sentence, and the people of the last sentence (for 他/她/他们). The pattern
families in :mod:`pipeline.extract.zh` read it; nothing here decides whether a
sentence states a departure.
"""
from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Optional

from ..entities import LATIN_NAME, NICKNAME, KnownOrgs, SentenceEntities, common_word, generic_org_words, honorifics, org_lexicon, org_suffix_words, surname_length, titles_rank
from ..records import Document, Mention, Sentence


CLAUSE_SEPARATORS = set(",;:!?。;")


# 将出任 / 将担任 / 改任 / 创办了: a post the person is going to or a company founded, so its
# organization is a destination.
MOVE_WORDS = re.compile(r"去了|加入|加盟|转投|投奔|前往|入职|跳槽|转会至|转会到|转任|转战|转往|将出任|将担任|改任|调任|下一站|新东家|去向|创办了|创立了|创建了")
# Posts kept after a departure (辞职后仍担任A董事): the organization after is not the one left.
_KEPT_POST = re.compile(r"仍(?:然)?(?:担任|出任|留任|保留|兼任)|继续(?:担任|留任)|保留[^,。]{0,4}$")
# What a person does on a platform (在脸书证实, 在微博上写道): the platform is no employer.
_POSTED_ON = re.compile(r"\s*(?:上|中|里)?\s*(?:证实|澄清|宣布|发文|写道|表示|贴文|回应|发布|透露|否认|直播)")
# 向A报备 / 向A提交: A receives a filing (an exchange, a regulator), it employs nobody here.
_FILED_WITH = re.compile(r"\s*(?:报备|提交|呈报|申报|递交|报告|披露)")
_CAMEL = re.compile(r"(?<=[a-zà-ÿ])(?=[A-Z])")


@dataclass
class Memory:
    """What the extractor remembers while reading one document."""

    canonical: dict[str, str] = field(default_factory=dict)  # any surface → canonical person name
    first_mention: dict[str, Mention] = field(default_factory=dict)  # canonical → a mention of it
    aliases: dict[str, set[str]] = field(default_factory=dict)  # canonical → other surfaces
    person_org: dict[str, Mention] = field(default_factory=dict)
    person_role: dict[str, Mention] = field(default_factory=dict)
    org_counts: Counter = field(default_factory=Counter)
    org_first: dict[str, Mention] = field(default_factory=dict)
    previous_orgs: list[Mention] = field(default_factory=list)
    previous_paragraph: int = -1
    previous_index: int = -2  # the index of the last sentence read
    last_persons: list[Mention] = field(default_factory=list)
    focus_person: Optional[Mention] = None
    org_surfaces: dict[str, str] = field(default_factory=dict)  # how the text wrote an organization → its full name
    _known: KnownOrgs = field(default_factory=lambda: KnownOrgs({}, {}))
    _known_size: int = -1

    def known_names(self) -> set[str]:
        return set(self.canonical)

    def known_orgs(self) -> KnownOrgs:
        """Organizations named so far that no lexicon knows, as the text writes them and
        by their short forms, each mapped to its full name."""
        if len(self.org_surfaces) != self._known_size:
            full: dict[str, str] = {}
            short: dict[str, str] = {}
            for surface, name in self.org_surfaces.items():
                if 2 <= len(surface) <= 20 and org_lexicon().canonical(surface) is None:
                    (full if surface == name else short).setdefault(surface, name)
                    for form in short_forms(name):
                        short.setdefault(form, name)
            self._known = KnownOrgs(full, {k: v for k, v in short.items() if k not in full})
            self._known_size = len(self.org_surfaces)
        return self._known

    def resolve(self, surface: str) -> str:
        return self.canonical.get(surface, surface)

    def add_person(self, mention: Mention) -> str:
        name = self.resolve(mention.text)
        self.canonical.setdefault(mention.text, name)
        self.first_mention.setdefault(name, mention)
        return name

    def add_alias(self, full: str, alias: str) -> None:
        full = self.resolve(full)
        if alias != full and alias not in self.canonical:
            self.canonical[alias] = full
        self.aliases.setdefault(full, set()).add(alias)

    def org_pointed_to(self, pointer: str, sent: "ZhSentence") -> Optional[Mention]:
        """该行 / 该校 / 该公司: the organization the sentence right before named (其中最受关注的是
        A。该公司公告…), else the most mentioned one of that kind, else the one in focus."""
        kind = {
            "该行": ("银行", "行"),
            "该校": ("大学", "学院", "学校", "中学"),
            "该院": ("医院", "研究院", "法院"),
            "该局": ("局",),
            "该署": ("署",),
            "该厅": ("厅",),
        }.get(pointer)
        own = pointer.startswith("本")  # 本公司, 本集团: the filer itself, whatever the sentence before named
        if self.previous_index == sent.sentence.index - 1 and not own:
            named = [o for o in self.previous_orgs if kind is None or org_key_of(o).endswith(kind)]
            if named:
                return named[0]
        if kind is not None:
            for key, _count in self.org_counts.most_common():
                if key.endswith(kind) and key in self.org_first:
                    return self.org_first[key]
        if self.org_counts:
            key, _count = self.org_counts.most_common(1)[0]
            if key in self.org_first:
                return self.org_first[key]
        return self.focus_org(sent)

    def focus_org(self, sent: "ZhSentence") -> Optional[Mention]:
        """The organization the text is about: the previous sentence's, else the dominant one."""
        if self.previous_orgs and self.previous_paragraph == sent.sentence.paragraph:
            return self.previous_orgs[0]
        if self.org_counts:
            key, _ = self.org_counts.most_common(1)[0]
            return self.org_first.get(key)
        return None


@functools.lru_cache(maxsize=8192)
def short_forms(name: str) -> tuple[str, ...]:
    """How Chinese news shortens an organization's name after the first mention: without
    its suffixes (正衍律师事务所 → 正衍, 申江海豹足球俱乐部 → 申江海豹), and without a
    two-character place before a four-character core (申江海豹 → 海豹). Ordinary words
    (中国, 国家) are no short forms: they would turn every later use into the organization."""
    core = name
    stripped = True
    while stripped:
        stripped = False
        for size in range(min(7, len(core) - 2), 0, -1):
            if core[-size:] in org_suffix_words():
                core = core[:-size]
                stripped = True
                break
    if core[-1:] in "市省县区州":
        return ()  # 汀州市统计局 → 汀州市: a place, not the bureau
    forms = []
    if 2 <= len(core) < len(name):
        forms.append(core)
    if len(core) == 4 and re.fullmatch(r"[\u4e00-\u9fff]{4}", core):
        forms.append(core[2:])
    return tuple(f for f in forms if f not in generic_org_words() and not common_word(f, 500) and not titles_rank(f) < 9)


def org_key_of(org: Mention) -> str:
    return org.canonical or org.text


def prime_memory(doc: Document, memory: Memory) -> None:
    """Names the whole document establishes, read before any sentence is matched.

    Full Latin names give their short forms (Rohan Mehra → Mehra, Dana
    Novak → Dana) unless two people share them; glosses give aliases
    (周明远(Tom Zhou), Mingyuan (Tom) Zhou → Tom Zhou, Mingyuan Zhou).
    """
    text = doc.text
    full_names: list[Mention] = []
    lexicon = org_lexicon()
    for match in lexicon.find(text):
        memory.org_counts[match.canonical] += 1
    for m in LATIN_NAME.finditer(text):
        surface = m.group()
        if lexicon.canonical(surface) or lexicon.canonical(surface.split()[0]):
            continue
        words = name_words(surface)
        if len(words) >= 2 and all(len(w) >= 2 for w in words):
            full_names.append(Mention("person", m.start(), m.end(), surface))
    _register_leading_words(text, full_names, memory)
    short_owner: dict[str, set[str]] = {}
    for mention in full_names:
        memory.add_person(mention)
        gloss = re.match(r"(\S+)\s?\((\S+)\)\s?(\S+)$", mention.text)
        if gloss:  # Mingyuan (Tom) Zhou
            memory.add_alias(mention.text, f"{gloss.group(2)} {gloss.group(3)}")
            memory.add_alias(mention.text, f"{gloss.group(1)} {gloss.group(3)}")
        words = name_words(mention.text)
        for short in (words[0], words[-1]):
            short_owner.setdefault(short, set()).add(memory.resolve(mention.text))
    for short, owners in short_owner.items():
        if len(owners) == 1 and len(short) >= 2 and not lexicon.canonical(short):
            owner = next(iter(owners))
            if short not in memory.canonical:
                memory.canonical[short] = owner
                # An alias only when the text uses the short form on its own (Sharma), not
                # merely as part of the full name (Jamie in every "Jamie Lo").
                alone = len(re.findall(r"(?<![A-Za-z])" + re.escape(short) + r"(?![A-Za-z])", text)) > len(re.findall(re.escape(owner), text))
                if alone:
                    memory.aliases.setdefault(owner, set()).add(short)
    # Chinese name followed by a Latin gloss: 林格(Greg Lin)
    for m in re.finditer(r"([\u4e00-\u9fff]{2,4})\(\s*([A-Z][A-Za-z]+(?:\s[A-Z][A-Za-z]+){1,2})\s*\)", text):
        zh_name, latin = m.group(1), m.group(2)
        if surname_length(zh_name, 0):
            zh_mention = Mention("person", m.start(1), m.end(1), zh_name)
            memory.add_person(zh_mention)
            latin_canonical = memory.resolve(latin)
            # Keep the Chinese name canonical and the Latin one an alias.
            memory.canonical[latin] = zh_name
            if latin_canonical != latin:
                memory.canonical[latin_canonical] = zh_name
                memory.add_alias(zh_name, latin_canonical)
            memory.add_alias(zh_name, latin)


def _register_leading_words(text: str, full_names: list[Mention], memory: Memory) -> None:
    """Ahmad Rizal bin Osman → Ahmad Rizal, Robert Lim Kah Seng → Robert Lim: a name of
    three words or more is often written again by its first two (Malaysian, Hong Kong
    and Singapore names), which then stand for the same person, when no other long
    name starts with them and the text writes them alone."""
    owners: dict[str, set[str]] = {}
    for mention in full_names:
        words = name_words(mention.text)
        if len(words) >= 3:
            owners.setdefault(" ".join(words[:2]), set()).add(mention.text)
    for lead, names in owners.items():
        if len(names) != 1:
            continue
        owner = next(iter(names))
        alone = len(re.findall(re.escape(lead) + r"(?![A-Za-z])", text)) > len(re.findall(re.escape(owner), text))
        if alone and lead not in memory.canonical:
            memory.add_person(Mention("person", 0, 0, owner))
            memory.add_alias(owner, lead)


def name_words(name: str) -> list[str]:
    plain = re.sub(r"\([^)]*\)", " ", name)
    words = [w for w in re.split(r"[\s·.]+", plain) if w]
    if len(words) == 1:
        words = [w for w in _CAMEL.split(words[0]) if w]
    return words


@dataclass
class ZhSentence:
    """A sentence with its entities, in local helpers' reach."""

    sentence: Sentence
    ents: SentenceEntities
    tokens: list = field(default_factory=list)  # jieba tokens, sentence-local offsets

    @property
    def start(self) -> int:
        return self.sentence.start

    @property
    def text(self) -> str:
        return self.sentence.text


# The organization that speaks at the start of a sentence: 维宁生物6月18日公告, 港信银行董事会
#昨日宣布, 海港白鲸足球俱乐部官方宣布. Whatever announces is an organization when it is
# not a person; this finds the ones no lexicon or suffix knows (速捷通, 晨光珈琲).
_SPEAKER = re.compile(
    r"^(?:【[^】]{1,8}】)?"  # 【快讯】: a column label before the speaker
    r"(?:(?:前天|昨天|今天|周[一二三四五六日]|上周[一二三四五六日]?)(?:晚上|上午|下午|晚间)?,)?"  # 前天晚上,…: when, before the speaker
    r"(?:[^,。;]{0,12}?(?:平台|品牌|公司|集团|球会|俱乐部|球队|球团|上市的|旗下|企业|大厂|厂商|车企|药企|券商|银行|机构|媒体|电台|高校)|[^,。;的]{2,8}的)?"  # 排名垫底的X宣布
    r"(?P<org>[\u4e00-\u9fffA-Za-z0-9&]{2,14}?)"
    r"(?:\(\s*[0-9A-Z.\-]{3,12}\s*\))?(?:董事会|官方|方面)?"
    r"(?:今日|昨日|昨天|今天|昨晚|今晚|今早|今晨|日前|近日|本周[一二三四五六日]?|上周[一二三四五六日]|周[一二三四五六日]|[今昨]\(\d+\)日|\d{1,2}月\d{1,2}日)?(?:晚间|晚|下午|上午)?"
    r"(?:还|也|亦|则|已|已经|同时|同日|随即|随后|再次|正式)?"  # 澄川汽车还确认: an adverb, not part of the name
    r"(?:对此|就此)?"  # 澄川汽车对此表示: what it answers, not part of the name
    r"(?:发布|发出)?(?:董事会)?(?:公告|宣布|确认|证实|披露|声明|发布声明|发表声明|官宣|通报|辟谣|回应|否认|表示|称|内部邮件|内部信|全员信)"
)


_WHEN_WORD = re.compile(r"(?:上|下|本|这)?(?:周|星期|礼拜)[一二三四五六日天]|[今昨明前]天|今日|昨日|日前|近日|当天|同日|今早|今晨|今晚|昨晚|昨夜|稍早|早前")


def speaker_org(sent: ZhSentence) -> Optional[Mention]:
    """An organization announcing at the start of the sentence, unless it is a person or a generic word."""
    match = _SPEAKER.match(sent.text)
    if match is None:
        return None
    start, end = match.span("org")
    phrase = sent.text[start:end]
    if re.search(r"人士|消息|传闻|网传|业界|市场|媒体|记者|网友|博主|爆料|微博", phrase):
        return None  # 市场传闻称, 另有消息人士称: a source speaks, not the employer
    if phrase[0] in "该本其此并未没仍也亦则却已都均尚一这那某每各有":
        return None  # 该台昨日证实, 公司并无证实: a pointer or an adverb, no name
    if re.search(r"(?:先生|女士|小姐|博士|教授)$", phrase):
        return None  # 祁先生已确认: a person named by the short form a filing defined
    if any(o.end - sent.start == start for o in sent.ents.orgs):
        return None  # 南安人寿保险股份有限公司|发布公告称: the prefix is the organization; 发布 is its verb
    if _WHEN_WORD.fullmatch(phrase):
        return None  # 俱乐部周五发布公告: the prefix took the organization; 周五 is when
    if _WHEN_WORD.search(phrase) or "向" in phrase or phrase.endswith("上"):
        return None  # 公司上周五向联交所发出公告, 会上同时宣布: when, to whom, at what meeting
    if re.search(r"\d|月|日|该公司", sent.text[: end]):
        return None  # 该公司6月11日公告: the company in focus speaks, and 6月11日 is no name
    if phrase in generic_org_words() or titles_rank(phrase) < 9 or phrase in ("公司", "董事会", "该公司", "官方", "俱乐部"):
        return None
    if any(local_span(p, sent)[0] < end and start < local_span(p, sent)[1] for p in sent.ents.persons + sent.ents.pronouns):
        return None
    if re.match(r"^(?:据|经|在|从|对|向|与|和|但|而|并|此外|同时|另外|与此同时|通知|消息|文件|公告|声明|报告|通报|公报)", phrase):
        return None
    if any(o.start - sent.start <= start and end <= o.end - sent.start for o in sent.ents.orgs):
        return None
    if any(start < o.start - sent.start and o.end - sent.start == end for o in sent.ents.orgs):
        return None  # 面板厂|澄岳电子亦宣布: the organization is found already; the rest says its kind
    return Mention("org", sent.start + start, sent.start + end, phrase, phrase)


def learn(sent: ZhSentence, memory: Memory) -> None:
    """Record organizations, names and appositions this sentence establishes."""
    text = sent.text
    speaker = speaker_org(sent)
    if speaker is not None:
        sent.ents.orgs = sorted(
            [o for o in sent.ents.orgs if not (o.start >= speaker.start and o.end <= speaker.end)] + [speaker],
            key=lambda o: o.start,
        )
    usable = usable_orgs(sent)
    for org in sent.ents.orgs:
        memory.org_first.setdefault(org_key_of(org), org)
        memory.org_surfaces.setdefault(org.text, org_key_of(org))
        if org_lexicon().canonical(org.text) is None and org in usable:
            memory.org_counts[org_key_of(org)] += 1  # lexicon organizations were counted over the whole text; destinations are not in focus
    for person in sent.ents.persons:
        if person.kind == "person":
            memory.add_person(person)
            _learn_quoted_short_form(sent, person, memory)
    # Appositions: "X,A的ROLE," and "A的ROLE X" and "A ROLE X".
    for person in sent.ents.persons:
        name = memory.resolve(person.text)
        role = role_before(sent, person)
        if role is not None:
            memory.person_role.setdefault(name, role)
            org = org_before_role(sent, role)
            if org is not None:
                memory.person_org.setdefault(name, org)
        local = person.end - sent.start
        if local < len(text) and (text[local] in ",(" or copula_end(sent, local) is not None):
            org, role = apposition_after(sent, person)
            if org is not None:
                memory.person_org.setdefault(name, org)
            if role is not None:
                memory.person_role.setdefault(name, role)
            if org is not None and role is not None and person.kind == "person_weak":
                memory.add_person(person)  # 李华是极光科技的产品总监: the position confirms the name


# Filings define the short form a name is referred to by afterwards:
# 端木清岚先生(「端木先生」), 罗嘉欣女士(「罗女士」).
_QUOTED_SHORT_FORM = re.compile(r"\s*(?:先生|女士|小姐|博士)?\s*\(\s*[「“\"]([\u4e00-\u9fff]{1,3}?)(先生|女士|小姐|博士)[」”\"]\s*\)")


def _learn_quoted_short_form(sent: ZhSentence, person: Mention, memory: Memory) -> None:
    """Record the quoted short form defined after a full name: its surname with the
    honorific, and the surname alone as the text later writes it (端木先生表示)."""
    match = _QUOTED_SHORT_FORM.match(sent.text, person.end - sent.start)
    if match is None or not person.text.startswith(match.group(1)) or len(person.text) <= len(match.group(1)):
        return
    memory.add_alias(person.text, match.group(1) + match.group(2))
    memory.canonical.setdefault(match.group(1), memory.resolve(person.text))


def after_sentence(sent: ZhSentence, memory: Memory) -> None:
    persons = [p for p in sent.ents.persons if p.kind == "person" or p.text in memory.canonical]
    if persons:
        memory.last_persons = persons
        memory.focus_person = persons[0]
    memory.previous_orgs = usable_orgs(sent)
    memory.previous_paragraph = sent.sentence.paragraph
    memory.previous_index = sent.sentence.index


def clause_span(sent: ZhSentence, pos: int) -> tuple[int, int]:
    """Local [start, end) of the clause around local position ``pos``: up to the
    nearest clause separator on each side that is not inside brackets or quotes."""
    return _clause_edge(sent.text, pos, -1), _clause_edge(sent.text, pos, 1)


_OPENERS = "(（「“"
_CLOSERS = ")）」”"


def _clause_edge(text: str, pos: int, step: int) -> int:
    """Walk from ``pos`` left (step -1) or right (step 1) to the clause's edge."""
    entering, leaving = (_CLOSERS, _OPENERS) if step < 0 else (_OPENERS, _CLOSERS)
    edge = pos
    depth = 0
    look = -1 if step < 0 else 0  # the character crossed by the next step
    while 0 <= edge + look < len(text):
        ch = text[edge + look]
        if ch in entering:
            depth += 1
        elif ch in leaving:
            depth = max(depth - 1, 0)
        elif ch in CLAUSE_SEPARATORS and depth == 0:
            break
        edge += step
    return edge


def local_span(m: Mention, sent: ZhSentence) -> tuple[int, int]:
    return m.start - sent.start, m.end - sent.start


# A short gloss between a title and the name: 副校长(教学)端木清岚.
_ROLE_GLOSS = re.compile(r"\([^()]{1,8}\)")


def role_before(sent: ZhSentence, person: Mention) -> Optional[Mention]:
    """The role written right before a name (首席运营官王芳, CTO Maria Vasquell); for a
    chain of roles (联合创始人、技术副总裁钱进) the whole chain, as the article writes the
    posts the person held."""
    ps, _ = local_span(person, sent)
    chain: list[Mention] = []
    cursor = ps
    for role in reversed(sent.ents.roles):
        rs, re_ = local_span(role, sent)
        gap = sent.text[re_:cursor]
        glossed = not chain and _ROLE_GLOSS.fullmatch(gap.strip()) is not None  # 副校长(教学)端木清岚
        glossed = glossed or (not chain and gap.strip() in honorifics())  # 董事经理丹斯里X: an honorific, not a post
        glossed = glossed or (not chain and NICKNAME.fullmatch(gap.strip()) is not None)  # 制作人“老猫”柏晓川: a quoted nickname
        if re_ <= cursor and (gap.strip() in ("", "、") or glossed) and (not chain or gap.strip() == "、"):
            chain.append(role)
            cursor = rs
        elif re_ <= cursor:
            break
    if len(chain) > 1:
        first, last = chain[-1], chain[0]
        return Mention("role", first.start, last.end, sent.text[local_span(first, sent)[0] : local_span(last, sent)[1]])
    return chain[-1] if chain else None


def org_before_role(sent: ZhSentence, role: Mention) -> Optional[Mention]:
    """A ORLE / A的ROLE / A(gloss)的ROLE / 前A ROLE: the organization owning the role."""
    rs, _ = local_span(role, sent)
    prefix = sent.text[:rs]
    stripped = re.sub(r"的$", "", prefix.rstrip()).rstrip()
    stripped = re.sub(r"\([^()]*\)$", "", stripped).rstrip()
    stripped = re.sub(r"的$", "", stripped).rstrip()
    stripped = re.sub(r"(其|该公司)$", "", stripped)
    stripped = re.sub(r"(?:负责|主管|分管)[^,。;的]{1,12}的$", "", stripped)  # A负责智能驾驶的副总裁: a remit between
    for org in reversed(sent.ents.orgs):
        os_, oe = local_span(org, sent)
        if oe == len(stripped) or (oe <= len(stripped) and not stripped[oe:].strip()):
            if re.search(r"(?:其|该公司|该集团)$", sent.text[:os_]):
                return None  # 其物流公司经理: a unit of the company pointed to, not the employer
            return org
        if oe < len(stripped):
            break
    return None


# X是A的ROLE / X现任A的ROLE / X此前担任A的ROLE: a copula that introduces what the person is.
_COPULA = re.compile(r"(?:此前|之前|曾经|目前|一直|现|曾)?(?:是|系|为|现任|曾任|担任|出任)(?=[^,。]{2,30}的)")
# X是A ROLE (蔺书远是澄川汽车事业部经理): without 的, the organization must follow at once.
_BARE_COPULA = re.compile(r"(?:此前|之前|曾经|目前|一直|现|曾)?(?:是|系|现任|曾任|担任|出任)")


def copula_end(sent: ZhSentence, pos: int) -> Optional[int]:
    """Where the description after a copula at local ``pos`` starts, if one is there:
    after X是/X现任 followed by …的, or by an organization right away."""
    match = _COPULA.match(sent.text, pos)
    if match is not None:
        return match.end()
    match = _BARE_COPULA.match(sent.text, pos)
    if match is not None and any(local_span(o, sent)[0] == match.end() for o in sent.ents.orgs):
        return match.end()
    return None


def apposition_after(sent: ZhSentence, person: Mention) -> tuple[Optional[Mention], Optional[Mention]]:
    """X,A的ROLE, / X(…A…的ROLE): the organization and role in apposition after a name."""
    _, pe = local_span(person, sent)
    text = sent.text
    close = ")" if text[pe] == "(" else ","
    described = copula_end(sent, pe)
    if described is not None:
        pe = described
    stop = text.find(close, pe + 1)
    if stop < 0:
        stop = len(text)
    segment_end = min(stop, pe + 40)
    if MOVE_WORDS.search(text[pe:segment_end]):
        return None, None  # Kyle Brandt(去了 OpenAI): a destination, not an apposition
    org = next((o for o in sent.ents.orgs if pe <= local_span(o, sent)[0] < segment_end), None)
    role = next((r for r in sent.ents.roles if pe <= local_span(r, sent)[0] and local_span(r, sent)[1] <= segment_end), None)
    if role is not None and org is None:
        return None, role
    return org, role


def usable_orgs(sent: ZhSentence) -> list[Mention]:
    """Organizations of a sentence that can be the one left: not a destination
    (加入OpenAI) and not inside a parenthesis."""
    out = []
    for org in sent.ents.orgs:
        os_, _ = local_span(org, sent)
        clause_start = max(sent.text.rfind(sep, 0, os_) for sep in CLAUSE_SEPARATORS) + 1
        lead = sent.text[max(clause_start, os_ - 16) : os_]
        if MOVE_WORDS.search(lead):
            continue  # 加盟新势力品牌启岚汽车, 跳槽至宁渚银行: where the person went
        if _KEPT_POST.search(lead):
            continue  # 辞职后仍担任董事会战略委员会委员: a post kept, not the one left
        if sent.text[os_ - 1 : os_] == "在" and _POSTED_ON.match(sent.text, org.end - sent.start):
            continue  # 在脸书证实, 在微博发文: where the person posted, not an employer
        if sent.text[os_ - 1 : os_] == "向" and _FILED_WITH.match(sent.text, org.end - sent.start):
            continue  # 向新加坡交易所报备: where the company filed, not an employer
        opened = sent.text[:os_].count("(") - sent.text[:os_].count(")")
        if opened > 0:
            continue
        out.append(org)
    return out
