"""Chinese departure patterns.

A departure sentence in Chinese news hangs on a trigger word (离职, 辞去, 失去了,
挖来的…, listed in ``models/triggers_zh.tsv`` with their family and score). The
family says where to look for the people and the organization:

=======  ===========================================  ==============================
family   shape                                        people / organization
=======  ===========================================  ==============================
leave    首席运营官王芳也于本月离职 / 离开的周明远    subject before (or 的-object after)
fired    X被解雇 / 公司解雇了X                        subject before, or object after
post     X辞去A的Y职务 / X不再担任Y                   subject before, org after
lose     A失去了联合创始人X、Y                        org before, people after
poach    从A挖来的X                                   person after, org after 从
move     从A加盟B / 前A高管X加入B                     needs a left organization
=======  ===========================================  ==============================

Around that skeleton every family shares the same slot fillers: enumerations
(one event per person), roles before or in apposition to a name, the organization
named in the clause / attached to the person / in focus, dates in the clause,
destinations and reasons, and the status cues of ``models/cues_zh.tsv``.

The extractor keeps a small memory of the document as it reads
(:mod:`pipeline.extract.zh_context`): names and their aliases, the organization and
role each person was introduced with, the organizations in focus. The trigger and
cue lexicons are loaded by :mod:`pipeline.extract.zh_lexicon`.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Optional

from .. import dates as dates_mod
from ..entities import MOVE_WORDS_BEFORE_KIND, common_word, ends_with_org_kind, find_entities, generic_org_words, org_lexicon, org_suffix_words, surname_length, titles_rank
from ..records import Candidate, DateMention, DateValue, Document, Extraction, Mention, Sentence
from ..segment import tokenize
from . import tables
from .records_zh import find_records, record_candidate
from .zh_context import (
    Memory,
    ZhSentence,
    after_sentence,
    apposition_after,
    clause_span,
    learn,
    local_span,
    org_before_role,
    org_key_of,
    prime_memory,
    role_before,
    short_forms,
    usable_orgs,
)
from .zh_lexicon import Trigger, cue_lexicon, trigger_lexicon

_ENUM_HEADS = ("其中包括", "包括", "分别是", "分别为", "如", "例如", "即", "有")
_BLOCKING_BEFORE_PERSON = set("向对给跟让由据经受替")
# 截至2026年2月11日 / 到2025年底: the end of a counting period, not a departure date.
_BOUND_BEFORE_DATE = re.compile(r"(?:截至|截止|截止到|直到|到)\s*$")
# A clause that starts like a continued predicate has the previous clause's subject;
# so does one whose subject counts the people just named (…X和Y,两人均已离职), and one
# that opens with the rumour it reports (X,传出将在年底前离职).
_ZERO_SUBJECT = re.compile(
    r"^\s*(?:[两二三四]人|二者)?(?:均|都)?(?:疑似|据称|或|传出|被曝|据传|盛传|传闻)?(?:届龄|已经|已|并|随后|从|于|也|还|便|就|正式|宣布|将|才|再|又|因[^,。]{0,12}?原因|申请|提出|辞去|并于|现已|目前已|拟|即将|计划|届时|自|同时|任期届满|任满|届满|期满|合约到期|合同到期|约满)"
)

# A time phrase opening a clause before its verb or adverb (今年4月正式离开该公司,
# 上月底已离职): no subject either.
_DATE_LEAD = re.compile(
    r"^\s*(?:近日|日前|近期|日内|当天|同日|今日|昨日|今天|昨天|前天|随后|其后|[今昨]\s*\(\d{1,2}\)\s*日|(?:上|本|这)(?:周|週|星期)[一二三四五六日天]?"
    r"|(?:(?:今年|去年|前年|明年|本月|上月|下月|\d{2,4}\s*年)?\s*(?:\d{1,2}\s*月)?\s*(?:\d{1,2}\s*日)?"
    r"(?:初|中|底|末|上旬|中旬|下旬)?))(?=[\u4e00-\u9fff]|\s*$)"
)


# --- the extractor ---------------------------------------------------------------------


def extract_zh(doc: Document) -> Extraction:
    """All departure candidates of a Chinese document, in reading order, with the
    names and aliases the document established."""
    memory = Memory()
    prime_memory(doc, memory)
    lexicon = trigger_lexicon()
    candidates: list[Candidate] = []
    table_state = tables.TableReader()
    previous: Optional[ZhSentence] = None
    wanted, context = _sentences_to_read(doc)
    records = find_records(doc)
    for sentence in doc.sentences:
        if sentence.index not in wanted:
            previous = None  # 他 in the next read sentence has no antecedent here
            continue
        tokens = tokenize(sentence.text)
        known_orgs = memory.known_orgs()
        if sentence.index in context:
            # An opening line with no departure word: read for the organization it puts in
            # focus, and for names only when it writes a title (X局原局长Y严重违纪违法).
            ents = find_entities(sentence.text, sentence.start, tokens, set(), known_orgs, orgs_only=True)
            if not ents.roles:
                sent = ZhSentence(sentence, ents, tokens)
                learn(sent, memory)
                after_sentence(sent, memory)
                previous = sent
                continue
        ents = find_entities(sentence.text, sentence.start, tokens, memory.known_names(), known_orgs)
        # 银帆主力女单选手…: a weak name inside an organization the document named is part of that name
        if known_orgs:
            surfaces = known_orgs.surfaces()
            ents.persons = [p for p in ents.persons if p.kind != "person_weak" or not any(p.text in org for org in surfaces)]
            ents.persons = [p for p in ents.persons if p.text not in known_orgs]  # 凯朗 once 凯朗电器 was named
        ents.persons = [_repeated_name(p, doc.text) for p in ents.persons]
        sent = ZhSentence(sentence, ents, tokens)
        learn(sent, memory)
        found = table_state.read(sent, memory, doc)
        if found is None and sentence.index in records:
            # 姓名:X;原职务:Y;变动:离任: a record line, read as a whole
            record = record_candidate(records[sentence.index], memory.focus_org(sent))
            found = [record] if record is not None else []
        if found is None:
            found = []
            for start, end, trigger in lexicon.find(sentence.text, {t.start for t in tokens}):
                found.extend(_on_trigger(doc, sent, start, end, trigger, memory, previous))
        for cand in found:
            cand.org = _full_form(cand.org, memory)
            if cand.org is not None and cand.person.kind != "pronoun_ref":
                memory.person_org.setdefault(memory.resolve(cand.person.text), cand.org)
        candidates.extend(found)
        after_sentence(sent, memory)
        previous = sent
    return Extraction(candidates, dict(memory.canonical), {k: set(v) for k, v in memory.aliases.items()})


# How often a name jieba only guessed must recur in the document to count as a name.
_REPEATS_FOR_A_NAME = 3


def _repeated_name(person: Mention, text: str) -> Mention:
    """A weak name (jieba's guess) that the document writes again and again is a name:
    a profile repeats its subject (苏芷言 three times), while words jieba mistakes for
    names seldom recur. Three-character Chinese names only, as two characters recur by chance."""
    if person.kind != "person_weak" or len(person.text) != 3 or not surname_length(person.text, 0):
        return person
    if text.count(person.text) < _REPEATS_FOR_A_NAME or common_word(person.text):
        return person
    return Mention("person", person.start, person.end, person.text, person.canonical)


def _full_form(org: Optional[Mention], memory: Memory) -> Optional[Mention]:
    """The document's first full mention of an organization written by a short form
    (云柏 for 云柏科技, 学精 for 学而精在线), so that the event names it in full."""
    if org is None or not org.canonical or org.canonical == org.text or org_lexicon().canonical(org.text) is not None:
        return org
    return memory.org_first.get(org.canonical, org)


# How many sentences before a trigger sentence are read for names, titles and the
# organization in focus (X是A的首席科学家。他上周宣布辞职。).
_CONTEXT_BEFORE = 1


def _sentences_to_read(doc: Document) -> tuple[set[int], set[int]]:
    """Sentences worth segmenting and tagging: those with a trigger word that can give a
    departure, the one before such a sentence when it leans on it (他, 该公司, no subject),
    the opening lines (which name the organization in focus) and table rows; and, of
    those, the opening lines read only for their organizations.

    The rest of the article cannot state a departure and only costs time; this is the
    sentence-level half of the prefilter in :mod:`pipeline.run`.
    """
    lexicon = trigger_lexicon()
    wanted: set[int] = set()
    table_paragraph = None
    for sentence in doc.sentences:
        if len(sentence.text) < 80 and tables.is_header(sentence.text):
            table_paragraph = sentence.paragraph  # rows follow a header, separated by spaces, tabs or bars
        if sentence.is_table_row or "\t" in sentence.text or sentence.paragraph == table_paragraph:
            wanted.update((sentence.index - 1, sentence.index))
        elif any(_could_yield(sentence.text, start, trigger) for start, _, trigger in lexicon.find(sentence.text)):
            wanted.add(sentence.index)
            leans = _LEANS_ON_CONTEXT.search(sentence.text) or _ZERO_SUBJECT.match(sentence.text)
            if leans or _OPENING_POINTER.match(sentence.text):  # 先看A。公司昨日公告,总经理X请辞
                wanted.update(range(sentence.index - _CONTEXT_BEFORE, sentence.index))
    context = {0, 1} - wanted
    return wanted | context, context


# What makes a trigger sentence lean on the one before it: a pronoun or pointer (他, 该公司,
# 其), a surname with 总/董 (张总), or a sentence opening without a subject (已于…离职).
_LEANS_ON_CONTEXT = re.compile(r"他|她|该|其|此人|这位|[\u4e00-\u9fff][总董]")


# What a move (加盟, 加入, 转投) needs before it to be a departure: the organization left,
# after 从 / 由 / 自 / 前 (从A加盟B, 前A高管X加入B, 来自A). Sports pages are full of 加盟
# alone, and of these characters inside other words (目前, 此前, 前锋, 自由球员, 由于),
# which mark nothing.
_MOVE_SOURCE = re.compile(
    r"从(?![而来未事])"
    r"|(?<!理)由(?!于)"
    r"|(?<![各独])自(?![己由然动此])"
    r"|(?<![之目此以提眼当日跟面])前(?![段往来夕不几后锋卫场进身景途列沿面述者所])"
    r"|(?<![还复平中草高])原(?![因来本则定计先始创有材料告])"  # 原A副总裁X出任B: a former post at A
)


def _could_yield(text: str, start: int, trigger: Trigger) -> bool:
    """Can this trigger hit give a candidate at all, judged on the text alone?

    The move family returns nothing without a marked organization before the verb
    (see :func:`_on_trigger`), so a sentence whose only hits are such moves is
    not worth segmenting and tagging.
    """
    end = start + len(trigger.word)
    if trigger.word == "退出":
        return _ORG_NOUN_AFTER.match(text, end) is not None  # 退出乐团, not 退出市场 (see _is_departure_use)
    if text.startswith(_NOT_DEPARTURE_AFTER_TEXT_ONLY, end):
        return False  # 离职率, 转会费, 请退款
    if trigger.family == "move":
        return trigger.word in _TRANSFER_WORDS or _MOVE_SOURCE.search(text, 0, start) is not None
    if trigger.word in _CONTRACT_WORDS:
        return "与" in text[:start]  # a contract ends with someone: X与俱乐部解约 (see _subject_persons)
    return True


def _without_stray_weak(sent: ZhSentence, persons: list[Mention]) -> list[Mention]:
    """陈耀川将因经营权之争遭撤换: a weak name (权之争, jieba's guess) that no 、/和/与
    joins to a sure name before the same verb is a word of the clause, not a second subject."""
    if len(persons) < 2 or not any(p.kind == "person" for p in persons):
        return persons
    kept = []
    for index, person in enumerate(persons):
        if person.kind == "person_weak" and index > 0:
            _, previous_end = local_span(persons[index - 1], sent)
            start, _ = local_span(person, sent)
            if not re.fullmatch(r"\s*(?:、|和|与|及|以及|,)\s*", sent.text[previous_end:start]):
                continue
        kept.append(person)
    return kept


def _persons_in(
    sent: ZhSentence, start: int, end: int, memory: Memory, allow_weak: bool = False, trigger: Optional[int] = None
) -> list[Mention]:
    out = []
    for p in sent.ents.persons:
        ps, pe = local_span(p, sent)
        if start <= ps and pe <= end:
            weak = p.kind == "person_weak" and p.text not in memory.canonical
            if weak and not allow_weak and not (trigger is not None and _subject_gap(sent.text[pe:trigger])):
                continue
            before = sent.text[:ps].rstrip()
            if before and before[-1] in _BLOCKING_BEFORE_PERSON and not before.endswith(("接受", "遭受", "感受")):
                continue  # 向 X 汇报, 由X接替: not the one who leaves (接受X辞去 is)
            if before.endswith("("):
                continue  # a gloss of the name before it: 林格(Greg Lin)
            if _in_byline(sent.text, ps, pe):
                continue  # (通讯社记者X台北12日电): the reporter of a wire dateline
            if _possessor_of_other(sent.text, pe):
                continue  # 王五的AI公司: a possessor, unless of the departure itself (孙立的离职)
            out.append(p)
    return out


_SUBJECT_GAP = re.compile(
    r"^\s*(?:先生|女士|博士|教授|同志)?\s*(?:也|已|已经|正式|宣布|将|突然|突|主动|均|都|刚刚|日前|近日|今天|昨天|今日|昨日|确认|确定|证实|"
    r"疑似|据称|据悉|或将|或|可能|(?:上|下|本|这)?(?:周|星期|礼拜)[一二三四五六日天]|"
    r"因故|因病|引咎|选择|决定|提出|申请|请求|递交|提交|本人|严重违纪违法|涉嫌[^,。]{0,10}?|因[^,。]{0,30}?|于[^,。]{0,14}?|自[^,。]{0,14}?起?|"
    r"在[^,。]{0,10}?|从[^,。]{0,12}?|由[^,。]{0,12}?|与[^,。]{2,12}?(?=分道扬镳)|向[^,。]{0,12}?|被[^,。]{0,10}?|遭[^,。]{0,10}?|"
    r"今年|去年|本月|上月|\d{1,2}月(?:\d{1,2}日)?(?:初|中|底)?|\d{4}年(?:\d{1,2}月)?|\d{1,3}岁)*\s*$"
)


# A wire dateline: (中央社记者X台北2026年3月12日电), 【记者X/新竹报导】.
_REPORTER_BEFORE = re.compile(r"(?:记者|通讯员|特派员)\s*$")
_DATELINE_AFTER = re.compile(r"[^,。;()（）【】]{0,18}?(?:电|报导|报道|讯)\s*[)）】\]]")


def _in_byline(text: str, start: int, end: int) -> bool:
    """Is the name at [start, end) a reporter's in a bracketed dateline?"""
    return _REPORTER_BEFORE.search(text, 0, start) is not None and _DATELINE_AFTER.match(text, end) is not None


def _subject_gap(gap: str) -> bool:
    """Does only adverbial material stand between a name and its trigger (马云正式卸任)?

    A name that jieba alone calls a name is trusted in that position.
    """
    reason = _REASON_IN_GAP.search(gap)
    length = len(gap) - (reason.end() - reason.start() if reason else 0)  # 因…内部工作调动原因: a long reason is still one adverbial
    return length <= 20 and bool(_SUBJECT_GAP.match(gap))


_REASON_IN_GAP = re.compile(r"因[^,。]{0,30}?原因")


def _possessor_of_other(text: str, end: int) -> bool:
    """Is the name at ``end`` followed by 的 + something other than a departure word?"""
    rest = text[end:].lstrip()
    if not rest.startswith("的"):
        return False
    tail = rest[1:8]
    return not any(tail[i:].startswith(w) for i in range(4) for w in trigger_lexicon().triggers)


def _org_after(sent: ZhSentence, local_pos: int, window: int = 3) -> Optional[Mention]:
    """An organization starting right after ``local_pos`` (离开OpenAI, 辞去OpenAI的…, 免去其A…职务)."""
    for org in sent.ents.orgs:
        os_, _ = local_span(org, sent)
        if local_pos <= os_ <= local_pos + window and not sent.text[local_pos:os_].strip(" 了其"):
            return org
    return None


# Triggers whose object is the organization left (离开A), not the one joined (跳槽至B).
_OBJECT_IS_LEFT = frozenset({"离开", "告别", "辞别", "离巢"})
# Triggers whose object is where the person goes (调任A副厅长): never the organization left.
_OBJECT_IS_DESTINATION = frozenset({"调任", "转任", "过档", "挖走"})
# 被B挖走: the poacher between 被 and the verb.
_POACHED_BY = re.compile(r"被([^,。;被]{2,16}?)(?:以[^,。;]{1,6})?$")


def _short_form_of_named(sent: ZhSentence, local_pos: int) -> Optional[Mention]:
    """栖川资本的投资总监X…后来离开栖川: the short form, right after the verb, of an
    organization the same sentence named in full before it (the document's memory of
    short forms is only updated between sentences)."""
    rest = sent.text[local_pos:].lstrip("了")
    offset = len(sent.text) - len(rest)
    for org in sent.ents.orgs:
        if local_span(org, sent)[1] > local_pos:
            break
        for short in short_forms(org_key_of(org)):
            if rest.startswith(short) and (len(rest) == len(short) or not rest[len(short)].isalnum() or rest[len(short)] in ",。;、后时的了"):
                start = sent.start + offset
                return Mention("org", start, start + len(short), short, org_key_of(org))
    return None


def _suffix_phrase_after(sent: ZhSentence, local_pos: int, c_end: int) -> Optional[Mention]:
    """正式离开海韵之声电视,: the rest of the clause after the verb, when it is a short
    phrase ending in an organization suffix that jieba cut too finely to be found."""
    phrase = sent.text[local_pos:c_end]
    lead = len(phrase) - len(phrase.lstrip("了 "))
    phrase = phrase.strip("了 ")
    if not 3 <= len(phrase) <= 12 or re.search(r"[的了在是和与及、《》()]", phrase) or phrase[0] in "该其本这那此各某一":
        return None
    if phrase[0] in "后前时之" or MOVE_WORDS_BEFORE_KIND.search(phrase):
        return None  # 离开后将加入一家播客公司: a time clause, and the next employer, not the one left
    if not _ends_with_strong_suffix(phrase):
        return None
    if any(g in phrase for g in generic_org_words() if len(g) >= 2 and phrase.startswith(g)):
        return None  # 离开科技公司: a kind of company, no name
    start = sent.start + local_pos + lead
    return Mention("org", start, start + len(phrase), phrase, phrase)


def _org_after_kind(sent: ZhSentence, local_pos: int) -> Optional[Mention]:
    """加盟短视频平台蜂鸣: the organization named after a kind word right after the verb."""
    for org in sent.ents.orgs:
        os_, _ = local_span(org, sent)
        if local_pos <= os_ <= local_pos + 8 and not re.search(r"[,。;]", sent.text[local_pos:os_]):
            return org
    return None


# 从 + a short phrase ending in a kind word (竞品品牌, 老牌券商) right before a name.
_KIND_AFTER_MARKER = re.compile(r"([从由自前])([^,。;从由自前]{1,8})$")


# Joining words after which 从 + an unknown phrase names the organization left.
_JOIN_WORDS = frozenset({"加盟", "加入", "转投"})


# Moves that name only the post taken (出任B总裁, 入职B).
_TAKES_A_POST = frozenset({"出任", "入职"})


def _org_of_former_post(sent: ZhSentence, trigger: int) -> Optional[Mention]:
    """诺川制药前中国区总裁X本周加入B, A医院肿瘤科原主任X入职B: 前 or 原 after the
    organization (and a unit of it) marks a former post there."""
    for org in sent.ents.orgs:
        _, oe = local_span(org, sent)
        if oe >= trigger:
            break
        for role in sent.ents.roles:
            rs = local_span(role, sent)[0]
            # A前…总裁, A肿瘤科原主任: 前/原 right before a title written a unit or two after A
            if oe < rs <= oe + 8 and sent.text[rs - 1] in "前原" and _MOVE_SOURCE.match(sent.text, rs - 1):
                if not re.search(r"[,。;、的]", sent.text[oe : rs - 1]):
                    return org
    return None


def _named_after_kind(sent: ZhSentence, org: Mention) -> Mention:
    """由连锁快餐集团|金樽餐饮转投: a phrase ending in a kind of organization, right before
    another organization, says what kind the next one is; the next one is the name."""
    if not ends_with_org_kind(org.text):
        return org
    following = next((o for o in sent.ents.orgs if o.start == org.end), None)
    return following if following is not None else org


def _org_after_marker(
    sent: ZhSentence, lo: int, hi: int, markers: tuple[str, ...], marker_ok: Optional[re.Pattern] = None
) -> Optional[Mention]:
    """An organization right after one of ``markers`` (从, 由, 前) inside [lo, hi).

    ``marker_ok``, when given, must match at the marker: 前 of 目前 or 前锋 marks nothing.
    """
    for org in sent.ents.orgs:
        os_, oe = local_span(org, sent)
        if lo <= os_ and oe <= hi:
            window_start = max(0, os_ - 3)
            before = sent.text[window_start:os_].rstrip()
            if any(before.endswith(m) for m in markers):
                if marker_ok is None or marker_ok.match(sent.text, window_start + len(before) - 1):
                    return _named_after_kind(sent, org)
            kind_lead = _KIND_AFTER_MARKER.search(sent.text, max(lo, os_ - 10), os_)
            if kind_lead is not None and kind_lead.group(1) in markers and ends_with_org_kind(kind_lead.group(2).rstrip("“「『\"")):
                if marker_ok is None or marker_ok.match(sent.text, kind_lead.start(1)):
                    return org  # 从竞争对手品牌星骋汽车挖来, 从竞品“X”加盟: a kind word between 从 and the name
    return None


# Where a person has served, written before the departure: 在A任职五年后离开, 在A服务十八年的X
# 卸下…, 效力A十二年的X. The organization is the one left, whatever the sentence names later.
_SERVED_VERB = re.compile(r"(?:了)?(?:任职|工作|服务|效力|执教|供职|打拼|待了|干了)")
_SERVED_BEFORE = ("效力", "效力于", "执教", "供职于", "任职于", "服务于", "服务了")


def _org_served_at(sent: ZhSentence, trigger: int) -> Optional[Mention]:
    for org in sent.ents.orgs:
        os_, oe = local_span(org, sent)
        if oe > trigger:
            break
        before = sent.text[max(0, os_ - 3) : os_]
        if (before.endswith("在") and _SERVED_VERB.match(sent.text, oe)) or before.endswith(_SERVED_BEFORE):
            return org
    return None


# A reporter's byline or a wire dateline opening the sentence (【记者X/台中报导】, (记者X台北
# 12日电)): its 报导 says who wrote the article, not that the news is only reported.
_BYLINE = re.compile(r"^\s*(?:【[^】]{0,30}】|[(（][^)）]{0,30}(?:报导|报道|电|讯)\s*[)）])")
# An offer made to someone, written before the departure word it offers (邀请他跳槽).
_OFFER_BEFORE = re.compile(r"邀请|力邀|游说|挖角|招揽|开出")


def _on_trigger(
    doc: Document, sent: ZhSentence, start: int, end: int, trigger: Trigger, memory: Memory, previous: Optional[ZhSentence]
) -> list[Candidate]:
    """Candidates for one trigger hit at local [start, end)."""
    text = sent.text
    c_start, c_end = clause_span(sent, start)
    byline = _BYLINE.match(text)
    lead = byline.end() if byline is not None and byline.end() <= c_start else 0
    status = cue_lexicon().status(text[max(c_start, lead) : c_end]) or cue_lexicon().status(text[lead:start])
    if status != "attempt" and cue_lexicon().status(text[c_end:]) == "denied":
        status = "denied"  # 针对…离职的传闻,公司回应称消息不实: the denial comes after
    if status == "attempt":
        return []
    if _OFFER_BEFORE.search(text, c_start, start) and cue_lexicon().status(text[c_end:]) == "attempt":
        return []  # 曾以高薪邀请他跳槽,但被他婉拒: an offer turned down later in the sentence
    if not _is_departure_use(text, start, end, trigger, sent.tokens, {o.text for o in sent.ents.orgs} | set(memory.org_first)):
        return []
    if _NEGATED_PLAN.search(text[c_start:start]) and _PLAN_NOUN.match(text, end):
        # 并无具体的退休安排 / 并无请辞规划: no departure; a denial when the text rebuts a report
        if status not in ("denied", "rumored", "reported"):
            return []
        status = "denied"
    family = trigger.family
    left_before = start  # the organization left is written before this (before 被B of 被B挖走)
    persons: list[Mention] = []
    org: Optional[Mention] = None
    destination: Optional[Mention] = None
    rule = f"zh.{family}"
    score = trigger.score

    if family == "lose":
        subject_orgs = [o for o in sent.ents.orgs if c_start <= local_span(o, sent)[0] < start]
        org = subject_orgs[-1] if subject_orgs else None
        persons = _persons_in(sent, end, len(text), memory)
    elif family == "poach":
        persons = _persons_in(sent, end, c_end, memory, allow_weak=True)[:1] or _poached_subject(sent, c_start, start, memory)
        org = _org_after_marker(sent, c_start, start, ("从", "自"))
        if org is None:
            # A延揽了X, 从国际品牌挖来的X: no organization left is named, and the one in
            # focus is where the person went
            return []
        destination = memory.focus_org(sent) if org is not None else None
        if destination is not None and org is not None and org_key_of(destination) == org_key_of(org):
            destination = None
    elif family == "succeed":
        # 由宁泽远接替骆永宁的总裁职务: the predecessor, named after the verb, leaves
        persons = [p for p in sent.ents.persons if end <= local_span(p, sent)[0] <= end + 1]
        persons = [
            p
            for p in persons
            if _SUCCEEDED_POST.match(text, local_span(p, sent)[1])
            or (_POST_NAMED.search(text, c_start, start) and re.match(r"(?:担任|出任|之职|\s*[,。;]|\s*$)", text[local_span(p, sent)[1] :]))
        ]  # 总监一职改由X接替Y。: the post named before, Y ends the clause
    elif family == "move":
        # 接替她的是从A加盟的X: a name right after 的 is the one who moved
        persons = [p for p in _persons_in(sent, end, c_end, memory, allow_weak=True) if local_span(p, sent)[0] == end + 1 and text[end] == "的"]
        persons = persons or _persons_in(sent, c_start, start, memory, trigger=start) or _clause_pronoun(sent, c_start, start)
        persons = persons or _zero_subject_persons(sent, c_start, start, memory)  # 前A技术长X宣布,已加入B
        if not persons:
            # 上赛季从A转会至B的前锋X: the 的-phrase after the destination names the person
            persons = [p for p in _persons_in(sent, end, c_end, memory, allow_weak=True) if "的" in text[end : local_span(p, sent)[0]]][:1]
        # 出任 and 入职 start a post more often than they end one: the organization left
        # must be written in their own clause (原A主任X正式入职B), not anywhere before
        lo = c_start if trigger.word in _TAKES_A_POST else 0
        org = _org_after_marker(sent, lo, start, ("从", "由", "自", "前", "原"), _MOVE_SOURCE) or _org_of_former_post(sent, start)
        if org is None and persons and trigger.word in _JOIN_WORDS:
            # X从云岭铁人加盟B: a name no rule knows (not 从土耳其回归加盟: a verb ends that phrase)
            named = _named_after_from(sent, c_start, start)
            last = next((t for t in sent.tokens if t.end == start), None)
            if named is not None and last is not None and not last.tag.startswith("v"):
                org = named
        if trigger.word in _TAKES_A_POST and re.search(r"接替|接任|的$", text[c_start:start]):
            return []  # 接替已离职的Y出任CTO: the successor takes the post
        short = _SHORT_AFTER_FROM.search(text[c_start:start])
        if org is None and persons and short and persons[0].kind != "pronoun":
            # 郁林已由屿衡转投砾川算力: 屿衡 is short for the organization of the person's title
            home = _org_for(sent, persons[0], _role_for(sent, persons[0], memory), start, memory)
            if home is not None and home.text.startswith(short.group(1)):
                org = home
        destination = _org_after(sent, end) or _org_after_kind(sent, end)
        if org is not None and re.search(r"毕业|肄业|结业", text[local_span(org, sent)[1] : start]):
            return []  # 从北川大学博士毕业的X加入…: a graduate joins, nobody leaves a job
        named_after = _TRANSFER_DESTINATION.match(text, end)
        if org is None and persons and (destination is not None or named_after) and trigger.word in _TRANSFER_WORDS:
            # X转会升班马B, X已转投对手战队B: a transfer leaves the club the person plays for,
            # when the text names where to (not 自由转会加盟球队: joining the club that speaks)
            home = _org_for(sent, persons[0], _role_for(sent, persons[0], memory), start, memory)
            if home is not None and (destination is None or org_key_of(home) != org_key_of(destination)):
                if local_span(home, sent)[0] < start or not (sent.start <= home.start < sent.sentence.end):
                    org = home
        if org is None:
            return []  # 加入B alone: no organization left behind
        if destination is not None and org_key_of(destination) == org_key_of(org):
            return []  # 原A副总裁X出任A总裁: a promotion inside A, nobody leaves
    else:
        companions = _companions(sent, c_start, start, end, memory)
        persons = companions or _subject_persons(sent, c_start, start, end, c_end, family, memory, previous)
        object_left = (text[end : end + 1] != "的" or family == "post") and trigger.word not in _OBJECT_IS_DESTINATION
        org = _org_after(sent, end) if object_left else None
        if trigger.word in _OBJECT_IS_DESTINATION:
            destination = _org_after(sent, end) or _org_after_kind(sent, end)  # 调任A副厅长, 过档网媒《A》: where the person went
        poacher = _POACHED_BY.search(text, c_start, start) if trigger.word == "挖走" else None
        if poacher is not None:
            # X被深川科技挖走: the organization after 被 took X; X left the one before
            destination = next((o for o in sent.ents.orgs if local_span(o, sent)[0] == poacher.start(1)), None)
            left_before = poacher.start()
        if org is None:
            org = _org_after_marker(sent, c_start, start, ("从", "自"))
        if org is None:
            org = _short_form_after_from(sent, c_start, start)
        if org is None and text[end : end + 1] != "的":
            org = _org_served_at(sent, start)  # not for 接替已离职的Y: the one served there is another
        if org is None and trigger.word in _OBJECT_IS_LEFT:
            org = _short_form_of_named(sent, end) or _suffix_phrase_after(sent, end, c_end)
        if org is None and family == "fired":
            org = _employer_that_fires(sent, c_start, start, memory)
        if org is None and companions:
            org = _companions_org(sent, c_start, start, end, companions, memory)
    if not persons:
        return []
    if status is None and _is_negated(text, c_start, start):
        status = "denied"

    date = _date_for(doc, sent, c_start, c_end, start, status == "planned")
    if destination is None:
        destination = _destination(sent, end, c_end)
    reason = _reason(sent, c_start, start, end, c_end)
    enumerated = len(persons) > 1
    out = []
    inherited_role: Optional[Mention] = None
    for person in persons:
        quoted_first_person = person.kind == "pronoun" and person.text == "我"
        third_person = person.kind == "pronoun" and person.text in ("他", "她", "这位")
        surname_title = person.kind == "pronoun" and person.text.endswith(("总", "董")) and len(person.text) <= 3
        surname = person.text[:-1] if surname_title else None
        person = _resolve_pronoun(person, memory, previous, sent)
        if person is None and quoted_first_person:
            person = _speaker_after(doc, sent, memory)
        if person is None and third_person and memory.focus_person is None:
            person = _person_named_before(doc, sent, memory)
        if person is None and surname is not None:
            person = _person_named_before(doc, sent, memory, surname)  # 戚总已于本月初离职: the 戚 named earlier
        if person is None:
            continue
        people = person if isinstance(person, list) else [person]
        for p in people:
            role = _post_object_role(sent, end, c_end) if family == "post" else None
            role = role or _role_for(sent, p, memory) or (inherited_role if _joined_by_and(sent, p) else None)
            inherited_role = role
            going_to_after = trigger.word in _OBJECT_IS_DESTINATION
            # 以及今年四月荣休的记者Y: a name after the verb and 的, described by a relative clause
            relative = p.kind != "pronoun_ref" and sent.start + end < p.start and "的" in text[end : local_span(p, sent)[0]]
            p_org = org or _successor_employer(sent, p, memory) or _org_for(sent, p, role, left_before, memory, going_to_after, relative)
            if going_to_after and p_org is not None and destination is not None and org_key_of(p_org) == org_key_of(destination):
                continue  # X被B挖走 with nothing else named: B is where X went, not what X left
            extra = [_sentence_at(doc, p.start)] if p.kind == "pronoun_ref" else []
            out.append(
                Candidate(
                    person=p,
                    org=p_org,
                    sentence=sent.sentence,
                    rule=rule + (".enum" if enumerated else ""),
                    score=score * (0.95 if enumerated else 1.0) * (0.85 if p.kind == "pronoun_ref" else 1.0),
                    role=role,
                    date=date,
                    destination=destination if destination is None or p_org is None or org_key_of(destination) != org_key_of(p_org) else None,
                    reason=reason,
                    status=status or "confirmed",
                    extra_sentences=[s for s in extra if s is not None],
                )
            )
    return out


# 从 / 由 + a short form of an organization right before the verb (由屿衡转投, 从晴川出走).
_SHORT_AFTER_FROM = re.compile(r"[从由]([\u4e00-\u9fffA-Za-z]{2,6})$")


def _short_form_after_from(sent: ZhSentence, c_start: int, start: int) -> Optional[Mention]:
    """X或将从晴川出走: 晴川 is short for an organization the sentence names in full
    (晴川影业董事长X…); the full name is the one left. Failing that, the words after 从
    may be a name no rule knows (:func:`_named_after_from`)."""
    short = _SHORT_AFTER_FROM.search(sent.text, c_start, start)
    if short is not None:
        for org in usable_orgs(sent):
            if org.text.startswith(short.group(1)) and len(org.text) > len(short.group(1)):
                return org
    return _named_after_from(sent, c_start, start)


# 从 + a name right before the verb (去年底从拾月社区离职的…): the phrase is the organization
# left even when no rule knows it.
_NAME_AFTER_FROM = re.compile(r"从([\u4e00-\u9fffA-Za-z0-9]{2,8})$")


def _named_after_from(sent: ZhSentence, c_start: int, start: int) -> Optional[Mention]:
    """X从拾月社区离职: the words between 从 and the verb name the organization when they
    are not an ordinary word, a place or a person (从北京离职, 从基层做起 name none)."""
    found = _NAME_AFTER_FROM.search(sent.text, c_start, start)
    if found is None:
        return None
    phrase = found.group(1)
    if common_word(phrase, 50) or phrase[-1] in "市省县州国里内中" or phrase in generic_org_words() or phrase.startswith(("该", "其", "这", "那", "一", "某", "多", "几")):
        return None
    if any(local_span(p, sent)[0] < found.end(1) and found.start(1) < local_span(p, sent)[1] for p in sent.ents.persons):
        return None
    begin = sent.start + found.start(1)
    return Mention("org", begin, begin + len(phrase), phrase, phrase)


def _clause_pronoun(sent: ZhSentence, c_start: int, start: int) -> list[Mention]:
    """他/她 as the subject of the clause before the verb (她于上月从A加盟B)."""
    found = [p for p in sent.ents.pronouns if c_start <= local_span(p, sent)[0] < start and p.text in ("他", "她")]
    return found[-1:]


# X是(由)…从A挖来的: the one poached is the subject of 是, before the verb.
_POACHED_COPULA = re.compile(r"\s*(?:正是|就是|是|系)")


def _poached_subject(sent: ZhSentence, c_start: int, start: int, memory: Memory) -> list[Mention]:
    """路远是某人从A挖来的: the name followed by 是 in the clause before 挖来的."""
    for person in _persons_in(sent, c_start, start, memory, allow_weak=True):
        _, pe = local_span(person, sent)
        if _POACHED_COPULA.match(sent.text, pe):
            return [person]
    return []


def _sentence_at(doc: Document, pos: int) -> Optional[Sentence]:
    """The sentence containing analysis offset ``pos`` (for a pronoun's antecedent)."""
    import bisect

    starts = [s.start for s in doc.sentences]
    i = bisect.bisect_right(starts, pos) - 1
    if i >= 0 and doc.sentences[i].start <= pos < doc.sentences[i].end:
        return doc.sentences[i]
    return None


_NOT_DEPARTURE_AFTER = ("率", "潮", "补偿", "手续", "证明", "撤", "费", "窗", "市场", "期", "传闻", "流言", "款", "货", "过程", "仪式", "半生")
# The ones that rule a hit out whatever precedes them (办理离职手续 is a departure).
_NOT_DEPARTURE_AFTER_TEXT_ONLY = tuple(s for s in _NOT_DEPARTURE_AFTER if s != "手续")
# 办理离职手续 / 办完离职手续: completing the formalities is the departure itself.
_FORMALITIES_DONE = re.compile(r"(?:办理|办完|办妥|完成)(?:完|好|了)?$")


def _proper_noun_at(tokens: list, pos: int) -> bool:
    """Does jieba read a proper noun at ``pos`` (离开魅族), rather than a common one (离开电脑)?"""
    for tok in tokens:
        if tok.start == pos:
            return tok.tag in ("nt", "nz", "ns", "j", "eng", "nrt") or (tok.tag == "nr" and len(tok.text) <= 2)
    return False


def _is_departure_use(text: str, start: int, end: int, trigger: Trigger, tokens: list, org_names: frozenset[str] | set[str] = frozenset()) -> bool:
    """Filter uses of a trigger word that state no departure (离职率, 离开电脑)."""
    after = text[end : end + 2]
    if any(after.startswith(s) for s in _NOT_DEPARTURE_AFTER):
        if not (after.startswith("手续") and _FORMALITIES_DONE.search(text, 0, start)):
            return False
    if trigger.word == "离开":
        # 离开 needs an organization, a clause end, 了/后/时/的, or a subject-only use.
        nxt = text[end : end + 1]
        if _ORG_NOUN_AFTER.match(text, end):
            return True  # 离开公司, 离开了老东家: the organization in focus
        rest = text[end + 1 :] if text[end : end + 1] == "了" else text[end:]
        if any(len(name) >= 2 and rest.startswith(name) for name in org_names):
            return True  # 离开魅族: an organization the text names
        if any(rest.startswith(short) for name in org_names for short in short_forms(name)):
            return True  # 离开正川, after 正川律师事务所: its short form
        if _proper_noun_at(tokens, end):
            return True
        if nxt and nxt not in ",.。;:!?、)」”\"后时的了 " and not re.match(r"[A-Za-z]", nxt):
            return _starts_with_org_word(text[end:])
    if trigger.word == "退出":
        # 退出乐团, 退出董事会: leaving a body the text is about; not 退出市场, 退出群聊, nor a
        # company pulling out of a project (退出某某牵头的项目), which a named object cannot tell apart
        return bool(_ORG_NOUN_AFTER.match(text, end))
    if trigger.word == "告别":
        if _ORG_NOUN_AFTER.match(text, end) or _starts_with_org_word(text[end:]):
            return True
        return "告别信" in text[start : end + 1] or "告别帖" in text[start : end + 1] or text[end : end + 1] in ("了", "")
    return True


# Nouns that stand for the organization in focus right after 离开 / 告别.
_ORG_NOUN_AFTER = re.compile(
    r"了?(?:该公司|公司|该行|球队|俱乐部|集团|东家|老东家|母公司|所在公司|事务所|医院|学校|电视台|报社|银行|"
    r"乐团|乐队|组合|剧团|战队|董事会|管理层|"
    r"该(?:学院|大学|学校|校|院|所|馆|园|团|会|台|社|中心|机构|队)|"  # 离开该校: the one the sentence named
    r"(?:其|自己|他|她)?(?:服务|效力|工作|任职)[^,。]{0,8}的)"
)


def _starts_with_org_word(rest: str) -> bool:
    for match in org_lexicon().find(rest[:30]):
        if match.start == 0:
            return True
    if re.match(r"[\u4e00-\u9fff]{2,8}(?:公司|集团|银行|大学|俱乐部|队)", rest):
        return True
    phrase = re.match(r"[\u4e00-\u9fffA-Za-z0-9]{3,12}(?=[,。;!?]|$)", rest)
    return phrase is not None and _ends_with_strong_suffix(phrase.group())


def _ends_with_strong_suffix(phrase: str) -> bool:
    """海韵之声电视: the phrase ends in an organization suffix of two characters or more
    (a single 队 or 局 ends too many ordinary phrases: 梦之队) with a name before it."""
    return any(len(w) >= 2 and phrase.endswith(w) and len(phrase) > len(w) + 1 for w in org_suffix_words())


def _is_negated(text: str, c_start: int, start: int) -> bool:
    window = text[max(c_start, start - 4) : start]
    return any(neg in window for neg in ("没有", "并未", "未曾", "不会"))


_NEGATED_PLAN = re.compile(r"(?:并无|没有|无|并未|暂无|尚无)[^,。;]{0,8}$")
_PLAN_NOUN = re.compile(r"(?:的)?(?:安排|计划|打算|规划|意向|想法)")
_REMOVE_WORDS = frozenset({"免去", "免除", "撤销", "罢免"})
# A name right after a transfer verb, which no rule may know (转投东海鲲鹏), unlike the
# club in focus (转会加盟球队).
_TRANSFER_DESTINATION = re.compile(r"(?:至|到)?(?!球队|俱乐部|公司|本队|该队|加盟|加入|母队|老东家)[\u4e00-\u9fffA-Za-z0-9]{2,10}(?=[,。;,、]|$)")
# Moves that say the person leaves a club or employer even when the text names it only
# as the one in focus (俱乐部官宣,X转会B).
_TRANSFER_WORDS = frozenset({"转会", "转投", "转会至", "转会到", "转战"})
_CONTRACT_WORDS = frozenset({"解约", "解除合同", "解除合约"})
_LISTING = re.compile(r"包括|分别是|分别为|有")
# 离职者包括X和Y / 离职的高管有X、Y: the people listed after the trigger
_LISTED_AFTER = re.compile(r"(?:者|人员|高管)?(?:中)?(?:,)?(?:就)?(?:包括|分别是|分别为|有)")


# 跟她一起出走的,是A的X和Y / 与其一同离职的还有X: the people named after the verb
# left with the one named before it, and are the subjects.
_COMPANION_BEFORE = re.compile(r"(?:跟|同|和|与|随)\s*(?P<lead>他|她|其|[\u4e00-\u9fff]{2,3})\s*(?:一起|一同|一道)\s*$")
_COMPANION_AFTER = re.compile(r"(?:了)?的\s*[,，]?\s*(?:还有|另有|是|有|包括)")


def _companions(sent: ZhSentence, c_start: int, start: int, end: int, memory: Memory) -> list[Mention]:
    """The people who left with someone (跟她一起出走的,是…鲁川和江越), named after the verb."""
    text = sent.text
    if not _COMPANION_BEFORE.search(text, c_start, start):
        return []
    after = _COMPANION_AFTER.match(text, end)
    if after is None:
        return []
    return _persons_in(sent, after.end(), len(text), memory, allow_weak=True)


def _companions_org(
    sent: ZhSentence, c_start: int, start: int, end: int, companions: list[Mention], memory: Memory
) -> Optional[Mention]:
    """What the companions left: an organization written before them (…的,是A的两名工程师X),
    else the one the person they went with left."""
    first = local_span(companions[0], sent)[0]
    named = [o for o in sent.ents.orgs if end <= local_span(o, sent)[0] < first]
    if named:
        return named[0]
    lead = _COMPANION_BEFORE.search(sent.text, c_start, start).group("lead")
    if lead in ("他", "她", "其"):
        if memory.focus_person is None:
            return None
        lead = memory.focus_person.text
    return memory.person_org.get(memory.resolve(lead))


def _subject_persons(
    sent: ZhSentence, c_start: int, start: int, end: int, c_end: int, family: str, memory: Memory, previous: Optional[ZhSentence]
) -> list[Mention]:
    """The people a leave/fired/post trigger is about."""
    text = sent.text
    trigger_word = re.sub(r"了$", "", text[start:end])
    before = _persons_in(sent, c_start, start, memory, trigger=start)
    owner = re.search(r"的(?:书面|亲笔)?$", text[c_start:start])
    if owner is not None and re.match(r"(?:报告|申请|信|请求)", text[end : end + 2]):
        # 收到蔡锦龙的书面辞职报告: the one whose resignation letter it is
        owner_end = c_start + owner.start()
        writers = [p for p in sent.ents.persons if local_span(p, sent)[1] == owner_end]
        if writers:
            return writers
    if trigger_word in _CONTRACT_WORDS:
        # 俱乐部宣布与主教练X解除合同 / X已与俱乐部协商解约: a contract with an employer
        with_at = _with_position(sent, c_start, start)
        if with_at is not None:
            partner = [p for p in sent.ents.persons if with_at < local_span(p, sent)[0] < start]
            employer = [o for o in sent.ents.orgs if local_span(o, sent)[1] <= with_at] or memory.org_counts
            return partner[:1] if partner and employer else []
        if text[c_start:start].rstrip().endswith(("与俱乐部", "与球队", "与球会", "与公司")):
            return _persons_in(sent, c_start, start, memory, allow_weak=True)[:1]
        return []
    if trigger_word in _REMOVE_WORDS:
        # 免去邓宏达的西峤市财政局局长职务 / 凌骁汽车还免去了范立航的副总裁职务
        after = end + (1 if text[end : end + 1] == "了" else 0)
        removed = [p for p in sent.ents.persons if local_span(p, sent)[0] == after]
        if removed:
            return removed[:1]
        if text[after : after + 1] == "其":
            # X受到…处分,免去其…职务: the one the sentence is about, named before
            named = [p for p in sent.ents.persons if local_span(p, sent)[1] <= start]
            if named:
                return named[:1]
    if family == "fired" and not text[start:end].startswith(("被", "遭")):
        # Active form: A解雇了X. The one before the verb fired someone, unless 被/遭 marks
        # the passive further back (X被公司解雇).
        if not re.search(r"[被遭]", text[c_start:start]):
            sanctioned = _sanctioned_before(sent, c_start, start, memory)
            if sanctioned:
                return sanctioned  # 决定给予X开除公职处分: X is the one dismissed
            after = _persons_in(sent, end, c_end, memory, allow_weak=True)
            if after or not re.search(r"[将把]", text[c_start:start]):
                return after
            # 青岛队将…的主帅乔迪辞退: 将/把 puts the one dismissed before the verb
    described = _described_after(sent, end, c_end)
    if described is not None and before and _verb_between(text, local_span(before[-1], sent)[1], start):
        return [described]  # 由X接替已辞任的总经理Y: Y resigned; X is the subject of another verb
    if before:
        lead = [p for p in sent.ents.pronouns if c_start <= local_span(p, sent)[0] < local_span(before[0], sent)[0]]
        dated_by = text[local_span(lead[0], sent)[1] : local_span(before[0], sent)[0]].startswith("在") if lead else False
        if dated_by and local_span(before[-1], sent)[1] < start:
            return [lead[0]]  # 他在苏芷言离开前一个月便已递交辞呈: 他 is the subject; the name dates it
        return _without_stray_weak(sent, before)
    # 离开的周明远 / 离职的千川智能联合创始人、商业化负责人孙立: the 的-phrase names the person.
    listed = _LISTED_AFTER.match(text, end)
    if listed is not None and text[end : end + 1] != "的":
        names = _persons_in(sent, listed.end(), c_end, memory, allow_weak=True)
        if names:
            return names
    left = _org_after(sent, end)
    if left is None and trigger_word in _OBJECT_IS_DESTINATION:
        left = _org_after_kind(sent, end)  # 过档网媒《A》的总监X: where X went, then X
    described_from = local_span(left, sent)[1] if left is not None else end  # 离开橙柚支付|的高管包括…
    while left is not None and text[described_from : described_from + 1] in ("》", "」", "”", "』"):
        described_from += 1  # 过档网媒《A》|的总监X
    if text[described_from : described_from + 1] == "的":
        listing = _LISTING.search(text, described_from, c_end)
        if listing is not None:
            # 去年离开橙柚支付的高管包括首席产品官温子翊和风控负责人阮清禾
            listed = _persons_in(sent, listing.end(), c_end, memory, allow_weak=True)
            if listed:
                return listed
        after = _persons_in(sent, end, c_end, memory, allow_weak=True)
        if after:
            return after[:1]
    # 有3位高管离职,包括联合创始人谷雨和钱进
    following = _enumeration_after(sent, c_end, memory)
    if following:
        return following
    # Pronouns in the clause before the trigger: 他/她 → the person in focus, 他们 → the last people.
    pronouns = [p for p in sent.ents.pronouns if c_start <= local_span(p, sent)[0] < start]
    if pronouns:
        return [pronouns[-1]]
    earlier = _zero_subject_persons(sent, c_start, start, memory, both_sides=trigger_word in _CONTRACT_END_WORDS)
    if earlier:
        return earlier
    # X,另一位离开OpenAI的安全研究员,… / X,OpenAI研究员,…发表辞职文章: the sentence's topic.
    if sent.ents.persons:
        first = sent.ents.persons[0]
        fs, fe = local_span(first, sent)
        if (fs <= 1 or _topic_lead(sent, fs)) and fe < len(text) and text[fe] in ",(" and fe < c_start + 1 + 60 and fe <= start:
            return [first]
    return []


# Contracts that end unrenewed, said of both parties (X与俱乐部的合同本月底到期,双方不再续约).
_CONTRACT_END_WORDS = frozenset({"不再续约", "不获续约", "不续约", "不再续留"})


def _zero_subject_persons(sent: ZhSentence, c_start: int, start: int, memory: Memory, both_sides: bool = False) -> list[Mention]:
    """A clause without a subject continues the previous one: 黄磊曝出,已经从北京电影学院辞职了.

    It may continue a subject several clauses back, as announcements write:
    胡晓明因工作调动原因,于5月24日向董事会提交辞职报告,辞去公司董事职务. With
    ``both_sides``, a clause whose subject is 双方 (the person and the employer) counts too.
    """
    text = sent.text
    undated = _DATE_LEAD.sub("", text[c_start:start], count=1)
    if both_sides:
        undated = re.sub(r"^\s*双方", "", undated)
    if c_start == 0 or not (_ZERO_SUBJECT.match(undated) or not undated.strip()):
        return []
    pos = c_start
    for _ in range(3):
        p_start, _ = clause_span(sent, pos - 1)
        earlier = _persons_in(sent, p_start, pos, memory)
        if not earlier:
            earlier = [p for p in _persons_in(sent, p_start, pos, memory, allow_weak=True) if _opens_clause(sent, p, p_start)]
        if earlier:
            return _joined_with(sent, earlier)
        opening = _opening_pronoun(sent, p_start, pos)
        if opening is not None:
            return [opening]  # 她的个人主页…已删去,疑似已离开: the clause's topic
        if p_start == 0 or not _ADVERBIAL_CLAUSE.match(text[p_start:pos]):
            break
        pos = p_start
    return []


# 给予X开除党籍、开除公职处分 / 给予其…: the discipline notice names the one punished
# between 给予 and the sanction.
_SANCTION_GIVER = re.compile(r"给予\s*$")


def _sanctioned_before(sent: ZhSentence, c_start: int, start: int, memory: Memory) -> list[Mention]:
    """The person named right after 给予 and right before an active dismissal verb."""
    for person in _persons_in(sent, c_start, start, memory, allow_weak=True):
        ps, pe = local_span(person, sent)
        if pe == start and _SANCTION_GIVER.search(sent.text, c_start, ps):
            return [person]
    for pronoun in sent.ents.pronouns:
        ps, pe = local_span(pronoun, sent)
        if pe == start and c_start <= ps and _SANCTION_GIVER.search(sent.text, c_start, ps):
            return [pronoun]
    return []


def _opening_pronoun(sent: ZhSentence, clause_start: int, clause_end: int) -> Optional[Mention]:
    """他/她 opening the clause [clause_start, clause_end): the topic a later clause without
    a subject continues (她的个人主页近日已删去…,疑似已离开)."""
    for pronoun in sent.ents.pronouns:
        ps, _ = local_span(pronoun, sent)
        if clause_start <= ps < clause_end and pronoun.text in ("他", "她"):
            if not sent.text[clause_start:ps].strip(" ,"):
                return pronoun
    return None


def _topic_lead(sent: ZhSentence, pos: int) -> bool:
    """据悉,欧阳听澜,…的首席科学家,已于本月出走: only a short lead clause (据悉, 另外)
    stands before the name that opens the sentence's topic."""
    lead = sent.text[:pos]
    return 0 < len(lead) <= 8 and lead.rstrip().endswith(",") and "," not in lead.rstrip()[:-1] and not any(
        local_span(o, sent)[0] < pos for o in sent.ents.orgs
    )


def _with_position(sent: ZhSentence, c_start: int, start: int) -> Optional[int]:
    """Local position of the 与 that names the other party of a contract ended at ``start``.

    Either 与 shortly before the verb (与俱乐部协商解约, 与X解约), or 与 followed by a
    title, a name and its gloss (与主教练马克·贝尔纳(Marc Bernard)解除合同): a longer
    phrase, accepted only in that shape.
    """
    short = re.search(r"与(?:[^,。与]{0,8}?)$", sent.text[c_start:start])
    if short is not None:
        return c_start + short.start()
    for person in sent.ents.persons:
        ps, pe = local_span(person, sent)
        if not (c_start < ps < start) or not _AFTER_PARTNER.fullmatch(sent.text[pe:start]):
            continue
        role = role_before(sent, person)
        head = local_span(role, sent)[0] if role is not None else ps
        nationality = _NATIONALITY_BEFORE.search(sent.text, c_start, head)
        if nationality is not None:
            head = nationality.start()  # 与葡萄牙籍主教练X解除合同
        if head - 1 >= c_start and sent.text[head - 1] == "与":
            return head - 1
        foreign = _FOREIGN_PARTNER.search(sent.text, c_start, ps)
        if foreign is not None:
            return foreign.start()  # 与葡萄牙籍主教练X: the title after the nationality is not always found
    return None


# A nationality written before the partner's title: 与巴西籍外援X, 与华裔主帅X.
_NATIONALITY_BEFORE = re.compile(r"[\u4e00-\u9fff]{1,5}(?:籍|裔)$")
_FOREIGN_PARTNER = re.compile(r"与[\u4e00-\u9fff]{1,5}(?:籍|裔)[\u4e00-\u9fff]{0,6}$")
# Between the partner's name and the verb: a gloss, and 进行 / 正式 (与X进行解约).
_AFTER_PARTNER = re.compile(r"\s*(?:\([^()]{1,30}\))?\s*(?:进行|正式)?\s*")


def _described_after(sent: ZhSentence, end: int, c_end: int) -> Optional[Mention]:
    """已辞任的总经理童可馨 / 离职的前CTO李四: the person a 的-phrase headed by the trigger
    describes, when only titles (or 前/原) stand between 的 and the name."""
    text = sent.text
    if text[end : end + 1] != "的":
        return None
    pos = end + 1
    for role in sent.ents.roles:
        rs, re_ = local_span(role, sent)
        if rs == pos + (1 if text[pos : pos + 1] in ("前", "原", "、") else 0):
            pos = re_  # 已退休的党委书记、董事长马骁川: a chain of titles
    for person in sent.ents.persons:
        if local_span(person, sent)[0] == pos and local_span(person, sent)[1] <= c_end:
            return person
    return None


# A verb between a subject and an adverb-led trigger (X接替已辞任的…): the subject is that verb's.
_OTHER_VERB = re.compile(r"接替|接任|取代|顶替|替代|替换|接棒|接手")


def _verb_between(text: str, pos: int, trigger: int) -> bool:
    return _OTHER_VERB.search(text, pos, trigger) is not None


# A clause that only says when or why (于5月24日起, 因个人原因): the subject is further back.
_ADVERBIAL_CLAUSE = re.compile(r"^\s*(?:自|于|因|由于|经|在|已于|并于|同时|随后|需要|为了|以便|希望)[^,;。]{0,30}[,;]?\s*$")
# What follows a name that is the subject of its clause in announcements.
_AFTER_SUBJECT = re.compile(
    r"^\s*(?:先生|女士|同志|博士)?\s*(?:因|由于|于|已|已于|自|经|向|今日|日前|近日|本人|申请|提出|确认|宣布|表示|称|曝出|透露|坦言|证实|发文)"
)


def _joined_with(sent: ZhSentence, people: list[Mention]) -> list[Mention]:
    """The first person and those enumerated with it (X、Y和独立董事Z / X与发言人Y)."""
    group = [people[0]]
    for person in people[1:]:
        between = sent.text[local_span(group[-1], sent)[1] : local_span(person, sent)[0]]
        if not re.fullmatch(r"\s*(?:、|和|与|及|以及)\s*[^,。;、和与及]{0,12}?", between):
            break
        group.append(person)
    return group


def _opens_clause(sent: ZhSentence, person: Mention, clause_start: int) -> bool:
    """Is this (weakly recognised) name the subject its clause opens with?

    jieba's name tag alone is weak evidence; a name that opens a clause and is
    followed by 因/于/申请/先生… is the subject of an announcement."""
    ps, pe = local_span(person, sent)
    lead = sent.text[clause_start:ps]
    if lead.strip(" \t,;:、") and not re.fullmatch(r"[^,;]{0,20}(?:公告|公布|宣布|表示|称|透露|显示)[,:]?\s*|(?:昨天|今天|昨日|今日|近日|日前|前几天)\s*", lead):
        return False
    return bool(_AFTER_SUBJECT.match(sent.text[pe:]))


def _enumeration_after(sent: ZhSentence, c_end: int, memory: Memory) -> list[Mention]:
    text = sent.text
    if c_end >= len(text) or text[c_end] not in ",:":
        return []
    rest = text[c_end + 1 :].lstrip()
    offset = len(text) - len(rest)
    for head in _ENUM_HEADS[:5]:
        if rest.startswith(head):
            n_start, n_end = clause_span(sent, offset + len(head))
            return _persons_in(sent, offset, n_end, memory, allow_weak=True)
    return []


def _resolve_pronoun(person: Mention, memory: Memory, previous: Optional[ZhSentence], sent: ZhSentence):
    """他/她 → the person in focus; 他们/她们 → the people of the previous sentence."""
    if person.kind != "pronoun":
        return person
    if person.text == "我":
        # 卓言在微博上写道:“我已经离开了…”: the one who speaks, named before the quote
        earlier = [p for p in sent.ents.persons if p.end <= person.start]
        return _as_reference(earlier[-1]) if earlier else None
    if person.text == "这位":
        # A的投资总监X拍板领投,后来这位投资人干脆离开A: the person named earlier in the sentence
        earlier = [p for p in sent.ents.persons if p.end <= person.start and p.kind == "person"]
        if earlier:
            return _as_reference(earlier[-1])
        # 这位管理规模超过三百亿元的“医药一哥”在4月卸任…: the person the sentence before ends on
        if previous is None or not previous.ents.persons:
            # …她也被提拔为副总裁。然而这位90后女将…: no name just before, the person in focus
            return _as_reference(memory.focus_person) if memory.focus_person is not None else None
        return _as_reference(previous.ents.persons[-1])
    if person.text in ("他们", "她们"):
        if previous is None:
            return None
        people = [p for p in previous.ents.persons if p.kind == "person" or p.text in memory.canonical]
        return [_as_reference(p) for p in people] or None
    if person.text.endswith(("总", "董")) and len(person.text) <= 3:
        # 戚总: the named person with that surname, the one in focus first
        surname = person.text[:-1]
        candidates = [memory.focus_person] if memory.focus_person is not None else []
        candidates += [m for m in memory.first_mention.values()]
        for target in candidates:
            if target is not None and target.text.startswith(surname) and len(target.text) > len(surname) + 0:
                return _as_reference(target)
        return None
    earlier = [p for p in sent.ents.persons if p.end <= person.start]
    target = earlier[-1] if earlier else memory.focus_person
    return _as_reference(target) if target is not None else None


# The line after a quote that says who wrote or said it: 昨日,A联合创始人X在朋友圈这样写道.
_SPEAKER_VERB = re.compile(r"(?:这样|如此)?(?:写道|表示|说道|坦言|感慨|回忆|发文|留言|称)")


def _speaker_after(doc: Document, sent: ZhSentence, memory: Memory) -> Optional[Mention]:
    """“我已经离开了A…”昨日,A的X在朋友圈这样写道: the speaker, named in the next sentence.

    Features open with the quote and name its author after it; only then is the next
    sentence read here, so the cost falls on the rare quote that opens a line."""
    index = sent.sentence.index + 1
    if index >= len(doc.sentences) or doc.sentences[index].paragraph != sent.sentence.paragraph:
        return None
    following = doc.sentences[index]
    verb = _SPEAKER_VERB.search(following.text)
    if verb is None:
        return None
    ents = find_entities(following.text, following.start, tokenize(following.text), memory.known_names(), memory.known_orgs())
    speakers = [p for p in ents.persons if p.kind == "person" and p.end - following.start <= verb.start()]
    if not speakers:
        return None
    employers = [o for o in ents.orgs if o.end <= speakers[-1].start]
    if employers:
        memory.person_org.setdefault(memory.resolve(speakers[-1].text), employers[-1])  # A联合创始人X: where X was
    return _as_reference(speakers[-1])


# What may stand before a line's subject: nothing, or a time or place and a comma (2019年冬天,).
_SUBJECT_LEAD = re.compile(r"(?:[^,。;:]{0,20}[,:])?\s*")
# How far back a 他/她 with nobody in focus looks for the person it stands for.
_PRONOUN_LOOKBACK = 6


def _person_named_before(doc: Document, sent: ZhSentence, memory: Memory, surname: Optional[str] = None) -> Optional[Mention]:
    """她将不再担任…, when no sentence read so far named anyone: the person an earlier
    line introduced (a profile names its subject once, then writes 她 for lines). With
    ``surname`` (戚总), the nearest earlier person of that surname.

    Only the lines the prefilter skipped are read here, and only for these rare cases."""
    for index in range(sent.sentence.index - 1, max(-1, sent.sentence.index - 1 - _PRONOUN_LOOKBACK), -1):
        earlier = doc.sentences[index]
        ents = find_entities(earlier.text, earlier.start, tokenize(earlier.text), memory.known_names(), memory.known_orgs())
        # a weak name counts as the line's subject (宗雨晴第一次走进…), where nothing but a time may stand before it
        named = [p for p in ents.persons if p.kind == "person" or _SUBJECT_LEAD.fullmatch(earlier.text[: p.start - earlier.start])]
        if surname is not None:
            named = [p for p in ents.persons if p.text.startswith(surname) and len(p.text) > len(surname)]
        if named:
            memory.add_person(named[0])
            memory.focus_person = named[0]
            return _as_reference(named[0])
    return None


def _as_reference(person: Mention) -> Mention:
    return Mention("pronoun_ref", person.start, person.end, person.text, person.canonical)


def _joined_by_and(sent: ZhSentence, person: Mention) -> bool:
    ps, _ = local_span(person, sent)
    return sent.text[max(0, ps - 1) : ps] in ("和", "与", "及")


def _role_for(sent: ZhSentence, person: Mention, memory: Memory) -> Optional[Mention]:
    if person.kind != "pronoun_ref" and person.start >= sent.start and person.end <= sent.sentence.end:
        role = role_before(sent, person)
        if role is not None:
            return role
        ps, pe = local_span(person, sent)
        if pe < len(sent.text) and sent.text[pe] in ",(":
            _, role = apposition_after(sent, person)
            if role is not None:
                return role
        for role in sent.ents.roles:
            if local_span(role, sent)[0] == pe:
                return role  # 汇途物流的罗海屹总经理: the title after the name
        posted = _post_after_name(sent, person)[1]
        if posted is not None:
            return posted
    return memory.person_role.get(memory.resolve(person.text))


# The end of a post named as the object of 辞去 / 不再担任 (…董事长、执行董事职务).
_POST_OBJECT_END = re.compile(r"职务|一职|职位|的职务|之职")


def _post_object_role(sent: ZhSentence, end: int, c_end: int) -> Optional[Mention]:
    """不再担任公司董事长、执行董事职务: the titles between the verb and 职务, as one role
    (the post left, which the spec's role is, whatever title the name carries)."""
    close = _POST_OBJECT_END.search(sent.text, end, c_end)
    if close is None:
        return None
    inside = [r for r in sent.ents.roles if end <= local_span(r, sent)[0] and local_span(r, sent)[1] <= close.start()]
    if not inside:
        return None
    first, last = inside[0], inside[-1]
    rs, re_ = local_span(first, sent)[0], local_span(last, sent)[1]
    if re.search(r"[,。;]|不再|并|同时", sent.text[rs:re_]):
        return None
    return Mention("role", first.start, last.end, sent.text[rs:re_])


# 接替Y的总裁职务 / 接替Y的帅位: the post Y held; 董事长一职由X接替Y担任: the post named before.
_SUCCEEDED_POST = re.compile(r"的[^,。;]{0,16}(?:职务|一职|职位|帅位|位置|岗位)")
_POST_NAMED = re.compile(r"一职|职务|职位")
# 接替年初已经离职的吕骏: the one succeeded, named after the verb of the appointment.
_SUCCEEDED_BEFORE = re.compile(r"(?:接替|接任|接棒|顶替)[^,。;]{0,16}$")


def _successor_employer(sent: ZhSentence, person: Mention, memory: Memory) -> Optional[Mention]:
    """欣然优选宣布,原A总监X出任公司首席营销官,接替已离职的Y: Y left the organization
    that makes the appointment (the last one named before Y that is not marked as X's
    former employer by 原/前/从/由), not the one X came from."""
    if not (sent.start <= person.start < sent.sentence.end):
        return None
    ps, _ = local_span(person, sent)
    if _SUCCEEDED_BEFORE.search(sent.text, 0, ps) is None:
        return None
    # Not the successor's former employer (前云鲲出行首席运营官X加入快骥,接替…: 快骥)
    # (the one X joins is named as a destination: 加入出行平台快骥, so all organizations count)
    usable = [o for o in sent.ents.orgs if local_span(o, sent)[1] <= ps and sent.text[local_span(o, sent)[0] - 1 : local_span(o, sent)[0]] not in ("原", "前", "从", "由")]
    # nor where Y went (接替已于3月调任省卫生健康委员会的前任院长Y), after the succession verb
    succeeded = _SUCCEEDED_BEFORE.search(sent.text, 0, ps).start()
    usable = [o for o in usable if local_span(o, sent)[0] < succeeded or not _WENT_TO.search(sent.text, max(0, local_span(o, sent)[0] - 4), local_span(o, sent)[0])]
    return usable[-1] if usable else memory.focus_org(sent)


_WENT_TO = re.compile(r"(?:调任|调往|转任|转投|加入|加盟|前往|调至|出任)$")


def _post_after_name(sent: ZhSentence, person: Mention) -> tuple[Optional[Mention], Optional[Mention]]:
    """免去X的A局长职务 / 免去了X的副总裁职务: (organization, role) after the name and 的."""
    _, pe = local_span(person, sent)
    if sent.text[pe : pe + 1] != "的":
        return None, None
    pos = pe + 1
    org = next((o for o in sent.ents.orgs if local_span(o, sent)[0] == pos), None)
    if org is not None:
        pos = local_span(org, sent)[1]
    role = next((r for r in sent.ents.roles if local_span(r, sent)[0] == pos), None)
    if role is None and org is None:
        return _unnamed_post_org(sent, pos)
    if role is None or not re.match(r"(?:等)?(?:职务|一职|职位|岗位)", sent.text[local_span(role, sent)[1] :]):
        return None, None
    return org, role


def _unnamed_post_org(sent: ZhSentence, pos: int) -> tuple[Optional[Mention], Optional[Mention]]:
    """免去X的省自然资源厅副厅长职务: the words between 的 and the title that ends
    with 职务 name the organization, even when no lexicon or suffix rule found it."""
    for role in sent.ents.roles:
        rs, re_ = local_span(role, sent)
        if rs <= pos or not re.match(r"(?:等)?(?:职务|一职|职位)", sent.text[re_:]):
            continue
        name = sent.text[pos:rs]
        if name.lstrip("本该") in generic_org_words() or ends_with_org_kind(name) and len(name.lstrip("本该")) <= 2:
            return None, role  # 免去X的集团副总裁职务: the group in focus, not a name
        if 2 <= len(name) <= 16 and not re.search(r"[,。;、和及与的\s]", name):
            return Mention("org", sent.start + pos, sent.start + rs, name, name), role
        return None, None
    return None, None


def _org_for(
    sent: ZhSentence,
    person: Mention,
    role: Optional[Mention],
    trigger_start: int,
    memory: Memory,
    going_to_after: bool = False,
    relative: bool = False,
) -> Optional[Mention]:
    """The organization a person leaves when the trigger does not name it.

    In order: the organization owning the person's role (智谱首席运营官王芳) or
    given in apposition (X,OpenAI研究员,); the subject of 其/该公司; the one the
    document introduced the person with; one named earlier in the sentence, then
    anywhere in it; last, the organization in focus. For a ``relative`` name (written
    after the verb and 的), where another person went is not what this one left
    (过档A的总监X,以及荣休的记者Y: A is not Y's employer).
    """
    remembered = memory.person_org.get(memory.resolve(person.text))
    if going_to_after and remembered is not None and sent.start + trigger_start < remembered.start < sent.sentence.end:
        remembered = None  # 调任A的前任院长X: A, read as X's employer, is where X went
    in_sentence = person.start >= sent.start and person.end <= sent.sentence.end and person.kind != "pronoun_ref"
    posted_org = _post_after_name(sent, person)[0] if in_sentence else None
    if posted_org is not None:
        return posted_org
    if in_sentence:
        if role is not None and sent.sentence.start <= role.start < sent.sentence.end:
            org = org_before_role(sent, role)
            if org is not None and not (going_to_after and local_span(org, sent)[0] > trigger_start):
                return org  # (not 调任A的前任院长X: A is where X went)
        ps, pe = local_span(person, sent)
        if pe < len(sent.text) and sent.text[pe] in ",(":
            org, _ = apposition_after(sent, person)
            if org is not None:
                return org
        usable = usable_orgs(sent)
        if relative:
            usable = [o for o in usable if not _GONE_TO_BEFORE.search(sent.text, 0, local_span(o, sent)[0])]
        pointer = re.search(r"(其|该公司|该行|该集团|该校|该院|该所|该队|该俱乐部|该局|该署|该厅|该刊|该台|该报|该会|本公司|本集团|本行)[^,。]{0,12}$", sent.text[:ps])
        if pointer:
            subject = [o for o in usable if local_span(o, sent)[1] <= pointer.start()]
            if subject:
                return subject[-1]  # A旗下的B也迎来变动:该公司…: the nearest one
            # 该公司发文称,X被免职…: the company X was already reported leaving, when
            # the document has one; else the one the pointer points to
            return remembered or memory.org_pointed_to(pointer.group(1), sent)
        before = [o for o in usable if local_span(o, sent)[1] <= ps]
        opening = _OPENING_POINTER.match(sent.text, 0, ps)
        if opening is not None and not before:
            # 该公司10月28日公告,总经理X… / 同日,公司另一位核心人物X…: the company in focus,
            # or the one X was already reported leaving
            if remembered is not None:
                return remembered
            return memory.org_pointed_to(opening.group(1).replace("公司", "该公司") if opening.group(1) == "公司" else opening.group(1), sent)
        if remembered is not None:
            return remembered
        if before:
            return before[-1]
        if usable and not (going_to_after and local_span(usable[0], sent)[0] > trigger_start):
            return usable[0]  # but not one after 调任 (X已调任A副厅长): that is where the person went
    if remembered is not None:
        return remembered
    return memory.focus_org(sent)


# A move verb right before an organization: it is where someone went (过档网媒《A》).
_GONE_TO_BEFORE = re.compile(r"(?:过档|加盟|加入|转投|转战|跳槽至|跳槽到|投奔|入职)[^,。;]{0,4}$")
# A sentence that opens (perhaps after a short time phrase) with a pointer to the
# organization in focus, or with a bare 公司 that stands for it.
_OPENING_POINTER = re.compile(r"^\s*(?:[^,。;]{1,6},\s*)?(该公司|该行|该集团|该校|该院|该台|该报|该队|该俱乐部|公司)(?![\u4e00-\u9fff]{0,2}(?:股东|员工|高管))(?!秘书)")
# 遭公司解雇 / 被俱乐部开除: the employer that fires is the organization in focus (the one
# announcing), whatever the person's other posts (a union's chairman fired by the airline).
_FIRED_BY_EMPLOYER = re.compile(r"[被遭](?:公司|该公司|集团|该集团|报社|俱乐部|球队|球会|电视台|台方|校方|院方)$")


def _employer_that_fires(sent: ZhSentence, c_start: int, start: int, memory: Memory) -> Optional[Mention]:
    """The organization behind 遭公司解雇 when one opens the sentence (远川航空证实,X遭公司
    解雇); otherwise the person's organization is found as for any other trigger."""
    if not _FIRED_BY_EMPLOYER.search(sent.text, c_start, start):
        return None
    opening = [o for o in usable_orgs(sent) if local_span(o, sent)[0] <= 1]
    return opening[0] if opening else None


def _date_for(doc: Document, sent: ZhSentence, c_start: int, c_end: int, trigger: int, future: bool) -> Optional[DateValue]:
    """The date of the clause; else the nearest date before the trigger in the sentence."""
    found = [
        d
        for d in dates_mod.find_dates(sent.text, doc.anchor, "zh", prefer_future=future)
        if not _BOUND_BEFORE_DATE.search(sent.text[max(0, d.start - 4) : d.start])
    ]
    if not found:
        if future:
            return None
        return _same_day(doc, sent) or _announcement_date(doc, sent)
    in_clause = [d for d in found if c_start <= d.start and d.end <= c_end]
    if in_clause:
        chosen = in_clause[-1] if in_clause[-1].start < trigger else in_clause[0]
        return _future_if_announced(doc, sent.text, chosen, future)
    effective = _effective_date(sent.text, found, c_end)
    if effective is not None:
        return _nearest_reading(doc, effective)
    before = [d for d in found if d.end <= c_start]
    if before:
        return before[-1].value
    return None


# A sentence that opens by pointing at the day just named: 同一天,B也披露…
_SAME_DAY = re.compile(r"^\s*(?:同日|同一天|当天|当日|同天)")


def _same_day(doc: Document, sent: ZhSentence) -> Optional[DateValue]:
    """同一天,远岑基金也披露:…: the last day-precise date of the sentences before."""
    if not _SAME_DAY.match(sent.text):
        return None
    for earlier in reversed(doc.sentences[max(0, sent.sentence.index - 3) : sent.sentence.index]):
        days = [d for d in dates_mod.find_dates(earlier.text, doc.anchor, "zh") if d.value is not None and d.value.precision == "day"]
        if days:
            return days[-1].value
    return None


# A date right before the verb of a decision or an announcement: 3月31日,中共某市委决定:…
_ANNOUNCED_AFTER_DATE = re.compile(r"[^。;!?]{0,16}?(?:决定|公告|宣布|通知|发布|证实|披露|官宣|通报)")


def _announcement_date(doc: Document, sent: ZhSentence) -> Optional[DateValue]:
    """The date of the decision or announcement that opens the same line, for a
    departure in a later sentence of it that states none (3月31日,市委决定:任命X…;
    免去Y的…职务): the departure takes effect with the decision."""
    for earlier in reversed(doc.sentences[: sent.sentence.index]):
        if earlier.paragraph != sent.sentence.paragraph or not earlier.text.rstrip().endswith((";", ":")):
            return None  # only the parts of one line that semicolons split
        for date in dates_mod.find_dates(earlier.text, doc.anchor, "zh"):
            if date.value is not None and date.value.precision == "day" and _ANNOUNCED_AFTER_DATE.match(earlier.text, date.end):
                return date.value
    return None


# A clause after the departure that says when it takes effect: 自2026年6月30日起生效,
# 生效日为11月12日, 其最后工作日为7月31日, 任命于明年一月一日生效.
_EFFECT_CLAUSE = re.compile(r"生效|最后工作日|最后上班日|离任日期|卸任日期")
# 将于6月 / 或将在年底: a date announced for the future, even in a rumour.
_WILL_BEFORE_DATE = re.compile(r"将(?:于|在|在今年|于今年)?\s*$")


def _effective_date(text: str, found: list[DateMention], c_end: int) -> Optional[DateMention]:
    """The date of the first clause after the trigger's clause that states when the
    departure takes effect (the spec dates a departure when it takes effect)."""
    for date in found:
        if date.start < c_end or date.value is None:
            continue
        clause_start = max(text.rfind(sep, 0, date.start) for sep in ",;。") + 1
        clause_end = min([i for i in (text.find(sep, date.end) for sep in ",;。") if i >= 0] or [len(text)])
        if clause_start > c_end + 40:
            return None  # too far from the departure to be its date
        if _EFFECT_CLAUSE.search(text, clause_start, clause_end):
            return date
    return None


def _nearest_reading(doc: Document, date: DateMention) -> Optional[DateValue]:
    """An effective date without a year (最后工作日为7月31日, 生效日为11月12日) lies close to
    the announcement, before or after it: of the past and the future reading, the one
    nearer the anchor. A date with its year reads the same both ways."""
    ahead = dates_mod.find_dates(date.text, doc.anchor, "zh", prefer_future=True)
    if doc.anchor is None or date.value is None or not ahead or ahead[0].value is None:
        return date.value
    closer = _days_away(ahead[0].value, doc.anchor.date) < _days_away(date.value, doc.anchor.date)
    return ahead[0].value if closer else date.value


def _days_away(value: DateValue, anchor: dt.date) -> int:
    """Days between a day or month value (its middle) and the anchor; 0 for coarser ones."""
    parts = [int(p) for p in value.value.split("-")[:3] if p.isdigit()]
    if len(parts) < 2:
        return 0
    day = dt.date(parts[0], parts[1], parts[2] if len(parts) == 3 else 15)
    return abs((day - anchor).days)


def _future_if_announced(doc: Document, text: str, date: DateMention, future: bool) -> Optional[DateValue]:
    """The value of ``date``, read forward from the anchor when 将于 announces it
    (或将于6月股东会后交棒 in April is this June, not last June)."""
    if future or date.value is None or not _WILL_BEFORE_DATE.search(text, max(0, date.start - 6), date.start):
        return date.value
    again = dates_mod.find_dates(date.text, doc.anchor, "zh", prefer_future=True)
    return again[0].value if again and again[0].value is not None else date.value


# Where the person went, after the trigger in the same sentence: 离职并加入B, 已出走,加盟一家
#头部短视频平台, 转而投身具身智能方向创业. The destination is an organization named after the
# move verb (past words like 同城的 / 竞争对手 / 一家), or the phrase up to the next
# punctuation; 创业 with what comes before it in its clause.
_MOVE_AFTER = re.compile(r"(?:加入|加盟|转投|转往|投奔|入职|跳槽至|跳槽到|转任|转战|前往|转会至|转会到|出任)")
_DESTINATION_FILLER = re.compile(r"^(?:了|到|至)?(?:同城的|同联赛的|同行业的|竞争对手|对手台|对手|老对手|一家|一间|另一家|新东家|新势力品牌|知名|头部|廉航)*")
_VENTURE = re.compile(r"(?:转而投身|投身|选择|准备|去|并|后|自主)?([^,。;:]{0,10}?(?:创业|读书|深造|成立新基金|自立门户))")
_DESTINATION_WINDOW = 40
# What the person went on to do, when it is no organization: 将回到大学任教, 返回美国定居,
# 筹建自己的私募机构, 创办私募基金, 移居英国, 另起炉灶.
_NEXT_STEP = re.compile(
    r"((?:回到|返回|回归|重返|前往|赴)[^,。;:]{1,8}?(?:任教|定居|发展|深造|读书|执教|教学|研究)[^,。;:]{0,4}?(?=[,。;:]|$)"
    r"|移居[\u4e00-\u9fff]{2,4}"
    r"|(?:筹备|筹建|创办|创立|开设|成立)(?:了)?(?:自己的|个人)?[^,。;:]{0,10}?(?:公司|基金|机构|工作室|品牌|餐厅|茶餐厅|咖啡店)"
    r"|另起炉灶|自立门户)"
)


def _destination(sent: ZhSentence, end: int, c_end: int) -> Optional[Mention]:
    text = sent.text
    window_end = min(len(text), end + _DESTINATION_WINDOW)
    moves = [(m.start(), m.end()) for m in _MOVE_AFTER.finditer(text, end, window_end)]
    if text[end : end + 1] in ("至", "到"):
        moves.insert(0, (end, end + 1))  # 跳槽|至B: the move word is the trigger's own
    for move_start, move_end in moves:
        if re.search(r"[。;]", text[end:move_start]):
            break
        pos = move_end
        pos += _DESTINATION_FILLER.match(text[pos:]).end()
        for org in sent.ents.orgs:
            os_, _ = local_span(org, sent)
            # (转战越南的成衣代工厂B: a description may stand before the name)
            if pos <= os_ <= pos + 12 and not re.search(r"[,。;]", text[pos:os_]):
                return org
        phrase = re.match(r"[A-Za-z0-9][A-Za-z0-9 .&\-]*[A-Za-z0-9]|[\u4e00-\u9fff《》A-Za-z]{2,12}", text[pos:])
        if phrase and not re.match(r"(?:公司|该公司|团队)", phrase.group()):
            value = re.split(r"(?:出任|担任|任职|负责|,)", phrase.group())[0]
            if len(value) >= 2 and titles_rank(value) >= 9:
                return Mention("destination", sent.start + pos, sent.start + pos + len(value), value)
    venture = _VENTURE.search(text, end, window_end)
    if venture is not None and not re.search(r"[。;]", text[end : venture.start()]):
        lead = re.match(r"(?:该公司|公司|团队|东家|老东家)", venture.group(1))
        begin = venture.start(1) + (lead.end() if lead else 0)  # 离开公司|自主创业
        return Mention("destination", sent.start + begin, sent.start + venture.end(1), text[begin : venture.end(1)])
    step = _NEXT_STEP.search(text, end, window_end)
    if step is not None and not re.search(r"[。;]", text[end : step.start()]):
        return Mention("destination", sent.start + step.start(1), sent.start + step.end(1), step.group(1))
    return None


# Words that end the 因… phrase but are not the reason: 因个人原因申请辞去, 因涉嫌受贿已被免职
_REASON_TAIL = re.compile(r"(?:申请|已经|已|正式|而|主动|提出|选择|决定|宣布|于[^,。]{0,12}|自[^,。]{0,12}起?)+$")
_REASON_BEFORE = re.compile(r"因(?:为)?([^,。;]{2,30}?)(?:而|,)?(?:选择|决定|宣布)?$")
_REASON_AFTER = re.compile(r"^(?:的)?原因(?:是|为|:)\s*([^,。;]{2,40})")


def _reason(sent: ZhSentence, c_start: int, start: int, end: int, c_end: int) -> Optional[Mention]:
    text = sent.text
    m = _REASON_BEFORE.search(text[c_start:start])
    if m:
        s = c_start + m.start(1)
        value = re.sub(r"^(?:身患|患有|患上)", "", m.group(1))
        trimmed = _REASON_TAIL.sub("", value)
        value_end = c_start + m.end(1) - (len(value) - len(trimmed))
        if len(trimmed) >= 2:
            return Mention("reason", sent.start + value_end - len(trimmed), sent.start + value_end, trimmed)
    m = _REASON_AFTER.match(text[end:])
    if m:
        s = end + m.start(1)
        return Mention("reason", sent.start + s, sent.start + end + m.end(1), m.group(1))
    return None
