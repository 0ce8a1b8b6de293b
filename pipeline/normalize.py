"""Source text → analysis text, with an exact offset map back.

Extractors read one uniform text: half-width ASCII, simplified characters, no
Markdown markup and no conversion debris. Users read the source. The
:class:`~pipeline.records.Analysis` built here connects the two so that every
offset the extractors report can be mapped back to the characters the article
really contains.

Three things happen, in this order:

1. *Deletions* (computed on the source with regular expressions): pinyin glued
   after characters by bad converters (``內(nèi)``), Markdown images, link targets,
   emphasis and heading markers, zero-width and control characters.
2. *Width*: full-width ASCII forms become ASCII, the ideographic space a space
   (length-preserving, so the map is untouched).
3. *Script*: traditional text is converted to simplified with OpenCC ``t2s``.
   Phrase conversion may change lengths; the map is then realigned line by line.
"""
from __future__ import annotations

import difflib
import functools
import re

from .records import Analysis

# Pinyin glued after a character by a broken converter: 內(nèi), 當(dāng), 學(xué).
# One syllable, lower case, with at least one tone mark, so that real glosses such as
# 形式化(autoformalization) or 周明遠(Tom Zhou) are left alone.
_TONE = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
_PINYIN_DEBRIS = re.compile(
    r"(?<=[\u3400-\u9fff])\((?=[a-zü" + _TONE + r"]{1,7}\))[a-zü]*[" + _TONE + r"][a-zü]*\)"
)

# Markdown that would reach the extractor as noise. Each unit deletes only markup;
# the words a reader sees stay.
_MD_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
_MD_LINK = re.compile(r"\[([^\]\n]+)\]\(([^)\s\n]+)(?:\s+\"[^\"\n]*\")?\)")
_MD_EMPHASIS = re.compile(r"\*\*|__|(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])")
_MD_LINE_PREFIX = re.compile(r"(?m)^[ \t]*(?:#{1,6}[ \t]+|>[ \t]?|[-*+][ \t]+(?=\S))")
_MD_RULE = re.compile(r"(?m)^[ \t]*(?:-{3,}|\*{3,}|_{3,})[ \t]*$")
_FOOTNOTE_BACKREF = re.compile("\u21a9\ufe0e?")
# Zero-width characters, BOMs inside text and C0/C1 controls other than line breaks and tabs.
_INVISIBLE = re.compile("[\u200b-\u200f\u2060\ufeff\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]")

_WIDTH_TABLE = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
_WIDTH_TABLE.update({0x3000: 0x20, 0x00A0: 0x20, 0x2002: 0x20, 0x2003: 0x20, 0x2009: 0x20})


# The full-width forms Chinese news is full of, replaced one by one with ``str.replace``
# (a fast C loop); ``str.translate`` over a dict costs a lookup per character and
# was the slowest step of normalization.
_COMMON_WIDE = ("，", "：", "；", "（", "）", "？", "！", "\u3000", "％", "＂")
_WIDE = re.compile("[\uff01-\uff5e\u3000\u00a0\u2002\u2003\u2009]")


def to_half_width(text: str) -> str:
    """Full-width ASCII forms as ASCII and wide spaces as spaces (length-preserving)."""
    for wide in _COMMON_WIDE:
        if wide in text:
            text = text.replace(wide, chr(_WIDTH_TABLE[ord(wide)]))
    if _WIDE.search(text) is None:
        return text
    return text.translate(_WIDTH_TABLE)


@functools.lru_cache(maxsize=None)
def _t2s():
    import opencc  # imported lazily: English-only runs do not need it

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """OpenCC traditional → simplified conversion (phrase-aware)."""
    return _t2s().convert(text)


def _deletion_spans(source: str, markdown: bool) -> list[tuple[int, int]]:
    """Source intervals that do not reach the analysis text, sorted and disjoint."""
    spans: list[tuple[int, int]] = []
    spans.extend(m.span() for m in _PINYIN_DEBRIS.finditer(source))
    spans.extend(m.span() for m in _INVISIBLE.finditer(source))
    spans.extend(m.span() for m in _FOOTNOTE_BACKREF.finditer(source))
    if markdown:
        spans.extend(m.span() for m in _MD_IMAGE.finditer(source))
        for m in _MD_LINK.finditer(source):
            spans.append((m.start(), m.start(1)))  # the opening bracket
            spans.append((m.end(1), m.end()))  # "](target)"
        spans.extend(m.span() for m in _MD_EMPHASIS.finditer(source))
        spans.extend(m.span() for m in _MD_LINE_PREFIX.finditer(source))
        spans.extend(m.span() for m in _MD_RULE.finditer(source))
    spans = [s for s in spans if s[1] > s[0]]
    spans.sort()
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def _keep(source: str, deletions: list[tuple[int, int]]) -> tuple[str, list[int]]:
    """The source without the deleted spans, and the source offset of each kept character."""
    if not deletions:
        return source, list(range(len(source)))
    pieces: list[str] = []
    offsets: list[int] = []
    cursor = 0
    for start, end in deletions:
        if start > cursor:
            pieces.append(source[cursor:start])
            offsets.extend(range(cursor, start))
        cursor = max(cursor, end)
    if cursor < len(source):
        pieces.append(source[cursor:])
        offsets.extend(range(cursor, len(source)))
    return "".join(pieces), offsets


def _align(before: str, after: str) -> list[int]:
    """For each character of ``after``, the index in ``before`` it came from.

    Used only where OpenCC changed a line's length (rare phrase conversions). Equal
    runs map one to one; a replaced run maps proportionally, so the map stays
    monotonic and inside the run it replaced.
    """
    out: list[int] = []
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            out.extend(range(i1, i2))
        elif tag in ("replace", "insert"):
            width = max(i2 - i1, 1)
            anchor = i1 if i1 < len(before) else max(len(before) - 1, 0)
            for k in range(j2 - j1):
                out.append(min(anchor + k * width // max(j2 - j1, 1), max(i2 - 1, anchor)))
    return out


def _convert_script(text: str, offsets: list[int]) -> tuple[str, list[int]]:
    converted = to_simplified(text)
    if len(converted) == len(text):
        return converted, offsets
    # Realign line by line: the converter never moves text across a line break.
    out_text: list[str] = []
    out_offsets: list[int] = []
    base = 0
    for line in text.splitlines(keepends=True):
        conv = to_simplified(line)
        if len(conv) == len(line):
            out_offsets.extend(offsets[base : base + len(line)])
        else:
            out_offsets.extend(offsets[base + i] for i in _align(line, conv))
        out_text.append(conv)
        base += len(line)
    return "".join(out_text), out_offsets


def looks_like_markdown(text: str) -> bool:
    """Plain-text dumps often carry Markdown too (``![]()`` image stubs, ``**bold**``)."""
    return "![" in text or "**" in text or "](" in text or bool(re.search(r"(?m)^#{1,6} ", text[:20000]))


def normalize(source: str, *, traditional: bool = False, markdown: bool | None = None) -> Analysis:
    """Build the analysis copy of ``source``.

    ``traditional`` converts to simplified; ``markdown`` strips Markdown markup
    (``None``: decide from the text itself).
    """
    if markdown is None:
        markdown = looks_like_markdown(source)
    text, offsets = _keep(source, _deletion_spans(source, markdown))
    text = to_half_width(text)
    if traditional:
        text, offsets = _convert_script(text, offsets)
    offsets.append(len(source))
    return Analysis(text=text, source=source, to_source=offsets)


def clean_value(source_slice: str) -> str:
    """A field value quoted from the source, without debris or markup.

    Output strings (person, role, reason...) keep the source's script, but the
    pinyin debris and Markdown markers inside them are noise, not text.
    """
    value = _PINYIN_DEBRIS.sub("", source_slice)
    value = _MD_EMPHASIS.sub("", value)
    value = _INVISIBLE.sub("", value)
    return " ".join(value.split()) if "\n" in value else value.strip()
