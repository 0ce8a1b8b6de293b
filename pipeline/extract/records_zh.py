"""Personnel lists written as records, one person a line, fields split by semicolons.

Appointment notices and hospital or university announcements often list the people
a change concerns as ``姓名：X；原职务：Y；变动：离任（退休）``. The sentence splitter
cuts such a line at each semicolon, so no one sentence holds both the name and the
departure word; this module reads the line as a record instead. The organization is
the one in focus where the list stands (the notice's issuer or subject).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from ..records import Candidate, Document, Mention, Sentence
from .zh_lexicon import trigger_lexicon

# The field that opens a record, and the fields read from it.
_NAME_FIELD = re.compile(r"^\s*(?:姓名|名字)\s*:\s*([^;:,。]{2,20}?)\s*;?\s*$")
_ROLE_FIELD = re.compile(r"^\s*(?:原职务|原任职务|原职位|职务|原岗位)\s*:\s*([^;。]{2,30}?)\s*;?\s*$")
_CHANGE_FIELD = re.compile(r"^\s*(?:变动|变动情况|变更|去向|任免|情况)\s*:\s*(.+?)\s*;?\s*$")
# A note in brackets after the change: (退休), (个人原因), (调往…).
_NOTE = re.compile(r"\(([^()]{2,30})\)")
_MOVE_NOTE = re.compile(r"^(?:调往|调任|转任|加入|前往)(.+)$")


@dataclass
class PersonnelRecord:
    """One record line: the sentence with the name, the one with the role (if any)
    and the one with the change, which holds a departure word."""

    name: Sentence
    change: Sentence
    role: Optional[Sentence] = None


def find_records(doc: Document) -> dict[int, PersonnelRecord]:
    """The records of ``doc`` whose change field holds a departure word, keyed by the
    index of the sentence with the change."""
    lexicon = trigger_lexicon()
    records: dict[int, PersonnelRecord] = {}
    sentences = doc.sentences
    for i, sentence in enumerate(sentences):
        if _NAME_FIELD.match(sentence.text) is None:
            continue
        role: Optional[Sentence] = None
        for follower in sentences[i + 1 : i + 5]:
            if follower.paragraph != sentence.paragraph:
                break
            if _ROLE_FIELD.match(follower.text):
                role = follower
                continue
            change = _CHANGE_FIELD.match(follower.text)
            if change is not None and any(True for _ in lexicon.find(change.group(1))):
                records[follower.index] = PersonnelRecord(sentence, follower, role)
            if change is not None:
                break
    return records


def record_candidate(record: PersonnelRecord, org: Optional[Mention]) -> Optional[Candidate]:
    """The departure a record states, with the organization in focus where it stands."""
    name = _NAME_FIELD.match(record.name.text)
    change = _CHANGE_FIELD.match(record.change.text)
    if name is None or change is None:
        return None
    person = _field_mention("person", record.name, name.start(1), name.group(1))
    role = None
    if record.role is not None:
        role_match = _ROLE_FIELD.match(record.role.text)
        if role_match is not None:
            role = _field_mention("role", record.role, role_match.start(1), role_match.group(1))
    reason = destination = None
    note = _NOTE.search(change.group(1))
    if note is not None:
        offset = change.start(1) + note.start(1)
        moved = _MOVE_NOTE.match(note.group(1))
        if moved is not None:
            destination = _field_mention("org", record.change, offset + moved.start(1), moved.group(1))
        else:
            reason = _field_mention("reason", record.change, offset, note.group(1))
    return Candidate(
        person=person,
        org=org,
        sentence=record.change,
        rule="zh.record",
        score=0.85,
        role=role,
        destination=destination,
        reason=reason,
        extra_sentences=[record.name] + ([record.role] if record.role is not None else []),
    )


def _field_mention(kind: str, sentence: Sentence, local: int, value: str) -> Mention:
    start = sentence.start + local
    return Mention(kind, start, start + len(value), value)
