"""Ingest: files, folders and JSONL dumps → one :class:`Article` per document.

Every input problem is a :class:`DocumentError` for that one document (a file in
an unknown encoding, a binary file, a dump line that is not JSON), yielded in the
stream in place of the article, so that a batch reports it and goes on.

Offsets of every event refer to ``Article.text``. For ``.txt`` / ``.md`` files
that is the decoded file with universal newlines (what Python's text mode, and
so the reference scorer, reads); for a dump line it is the ``text`` field exactly
as given; for HTML it is the text taken out of the page, which the writer saves.
"""
from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import logging
import re
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator, Optional, Union

from .dates import parse_published
from .records import Article, DocumentError

log = logging.getLogger(__name__)

TEXT_SUFFIXES = {".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md"}
HTML_SUFFIXES = {".html": "html", ".htm": "html", ".xhtml": "html"}
DUMP_SUFFIXES = {".jsonl": "dump", ".ndjson": "dump"}
# A million characters is some 500 pages, far beyond any news article; processing
# one costs about 80 MB per worker, so the limit is what keeps a batch's memory bounded.
DEFAULT_MAX_CHARS = 1_000_000
_NO_TEXT = "has no text (empty or only white space); nothing to extract; check the download or remove it"
_NO_PAGE_TEXT = (
    "HTML page has no article text (only scripts, styles, navigation or markup); nothing to extract; "
    "save the page after it has rendered, or give its text"
)

Item = Union[Article, DocumentError]


# ---------------------------------------------------------------------------
# decoding


class DecodeError(ValueError):
    """The bytes are not text in any encoding we read; the message says what to do."""


_BOMS = (
    (b"\xef\xbb\xbf", "utf-8"),  # decoded with "utf-8": the BOM stays as U+FEFF, as text mode reads it
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
_CONTROL = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _looks_binary(data: bytes) -> bool:
    """NUL bytes or many control bytes in the first 8 KiB: an image, an archive, a PDF."""
    head = data[:8192]
    if not head:
        return False
    if b"\x00" in head:
        return True
    return len(_CONTROL.findall(head)) > len(head) * 0.05


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Bytes → (text, encoding name). Raises :class:`DecodeError`.

    UTF-8 first (with or without BOM), UTF-16 by BOM, then the national
    encodings Chinese news sites still serve (GB18030 ⊃ GBK ⊃ GB2312, Big5),
    chosen by charset-normalizer when more than one would decode.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            body = data if encoding == "utf-8" else data[len(bom) :]
            try:
                return body.decode(encoding), encoding
            except UnicodeDecodeError as exc:
                raise DecodeError(f"starts with a {encoding} byte-order mark but is not valid {encoding} ({exc.reason} at byte {exc.start})") from exc
    if _looks_binary(data):
        raise DecodeError("looks like a binary file (NUL or control bytes), not text; remove it from the input or convert it to UTF-8 text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=["gb18030", "big5", "utf_8", "cp1252", "latin_1"]).best()
    if best is not None:
        return str(best), best.encoding
    for encoding in ("gb18030", "big5"):
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    raise DecodeError("is neither UTF-8, GB18030 nor Big5; convert it to UTF-8 (iconv -f <encoding> -t utf-8)")


def _universal_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _scrub(text: str) -> str:
    """Lone surrogates (from ``\\ud800`` escapes in JSON) → U+FFFD: same length, writable as UTF-8."""
    return _LONE_SURROGATE.sub("\ufffd", text)


# ---------------------------------------------------------------------------
# language


_CJK_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
_LATIN_WORD = re.compile(r"[A-Za-z]+")
_SAMPLE = 6000


def detect_language(text: str) -> tuple[str, str]:
    """(lang, script): ``zh``/``hans``, ``zh``/``hant`` or ``en``/``latn``.

    A Chinese article is full of Latin names (xAI, Jamie Lo), and an English one
    may quote a Chinese name, so the test weighs CJK characters against Latin
    *words*. Traditional is told from simplified by how much OpenCC's t2s changes.
    """
    sample = text[:_SAMPLE]
    if _CJK_RUN.search(sample) is None:
        return "en", "latn"
    han = sum(map(len, _CJK_RUN.findall(sample)))  # runs, not single characters: ingest runs this on every article
    # Latin words are at most as many as the other characters, so only a sample that
    # is less than a third CJK can have twice as many words as CJK characters.
    if han * 2 < len(sample) - han and han < len(_LATIN_WORD.findall(sample)) * 0.5:
        return "en", "latn"
    changed = len(_traditional_characters().findall(sample))
    return "zh", ("hant" if changed >= max(2, han * 0.03) else "hans")


@functools.lru_cache(maxsize=None)
def _traditional_characters() -> re.Pattern:
    """The CJK characters OpenCC's t2s changes, as one character class.

    Built once by converting every CJK character (a few milliseconds); counting
    them with a regular expression replaced converting each article and comparing
    it character by character.
    """
    from .normalize import to_simplified

    blocks = ((0x3400, 0x4DC0), (0x4E00, 0xA000), (0xF900, 0xFB00))
    characters = "".join(chr(code) for low, high in blocks for code in range(low, high))
    changed = [ch for ch, simplified in zip(characters, to_simplified(characters)) if ch != simplified]
    return re.compile("[" + "".join(changed) + "]")


def with_language(article: Article) -> Article:
    """The article with its language and script settled (a given language wins).

    Ingest leaves this to the stage that processes a document, so that a run over a
    dump the manifest already knows never detects anything: the content hash stands
    for the text, and the language detected from it cannot differ within one
    pipeline version. A document that says it is Chinese is never ``latn``.
    """
    if article.script is not None:
        return article
    detected_lang, script = detect_language(article.text)
    lang = article.lang or detected_lang
    if lang == "zh" and script == "latn":
        script = "hans"
    return dataclasses.replace(article, lang=lang, script=script)


# ---------------------------------------------------------------------------
# HTML


@dataclass
class HtmlText:
    """What an HTML page gives: its article text with block structure, and metadata."""

    text: str
    title: Optional[str]
    published: Optional[str]


_DROP_TAGS = ("script", "style", "noscript", "template", "nav", "footer", "aside", "form", "iframe", "svg", "button", "select", "head")
_BLOCK_TAGS = {
    "p", "div", "section", "article", "main", "header", "blockquote", "pre", "ul", "ol", "li", "dl", "dt", "dd",
    "h1", "h2", "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tfoot", "caption", "figure", "figcaption",
    "address", "hr", "body", "html",
}
_PUBLISHED_META = (
    ("property", "article:published_time"),
    ("name", "pubdate"),
    ("name", "publishdate"),
    ("name", "publish_date"),
    ("name", "date"),
    ("itemprop", "datePublished"),
    ("name", "dc.date"),
    ("name", "DC.date.issued"),
    ("property", "og:published_time"),
)
_SPACES = re.compile(r"[ \t\r\n\f\v]+")


def html_to_text(markup: str) -> HtmlText:
    """Article text of an HTML page: paragraphs, list items and headings as lines,
    table rows as TAB-separated cells, navigation, scripts and forms dropped.

    The main content is the ``<article>`` (or ``<main>``) when the page has one;
    broken markup is repaired by lxml rather than rejected.
    """
    from bs4 import BeautifulSoup, Comment, Doctype, ProcessingInstruction
    from bs4.element import Declaration, NavigableString, Tag

    soup = BeautifulSoup(markup, "lxml")
    title = None
    if soup.title and soup.title.string:
        title = _SPACES.sub(" ", soup.title.string).strip() or None
    og_title = soup.find("meta", attrs={"property": "og:title"})
    if og_title and og_title.get("content"):
        title = og_title["content"].strip()
    published = None
    for attr, value in _PUBLISHED_META:
        meta = soup.find("meta", attrs={attr: value})
        if meta and meta.get("content"):
            published = meta["content"].strip()
            break
    if published is None:
        time_tag = soup.find("time", attrs={"datetime": True})
        if time_tag is not None:
            published = time_tag["datetime"].strip()

    for tag in soup.find_all(_DROP_TAGS):
        tag.decompose()
    root = soup.find("article") or soup.find("main") or soup.body or soup

    lines: list[str] = []
    current: list[str] = []

    def flush() -> None:
        line = _SPACES.sub(" ", "".join(current)).strip()
        if line:
            lines.append(line)
        current.clear()

    def walk(node: Tag) -> None:
        for child in node.children:
            if isinstance(child, (Comment, Doctype, Declaration, ProcessingInstruction)):
                continue
            if isinstance(child, NavigableString):
                current.append(str(child))
                continue
            if not isinstance(child, Tag):
                continue
            name = child.name
            if name == "br":
                flush()
            elif name == "tr":
                flush()
                cells = [_SPACES.sub(" ", cell.get_text(" ")).strip() for cell in child.find_all(["td", "th"], recursive=False)]
                if any(cells):
                    lines.append("\t".join(cells))
            elif name == "img":
                continue
            elif name in _BLOCK_TAGS:
                flush()
                walk(child)
                flush()
            else:
                walk(child)

    walk(root)
    flush()
    return HtmlText(text=_scrub("\n".join(lines)), title=title, published=published)


# ---------------------------------------------------------------------------
# articles


def _content_hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()


def _article(
    doc_id: str,
    text: str,
    fmt: str,
    *,
    path: Optional[str],
    title: Optional[str] = None,
    url: Optional[str] = None,
    published: object = None,
    lang: Optional[str] = None,
    line_no: Optional[int] = None,
    extracted_text: bool = False,
) -> Article:
    if lang:
        lang = lang.lower().split("-")[0]
        if lang not in ("zh", "en"):
            log.warning("%s: language %r is not supported; its language will be detected from the text", doc_id, lang)
            lang = None
    return Article(
        doc_id=doc_id,
        text=text,
        path=path,
        fmt=fmt,
        title=title,
        url=url,
        published=parse_published(published),
        lang=lang or None,
        script=None,  # settled by with_language, when the document is processed
        line_no=line_no,
        content_hash=_content_hash(text),
        extracted_text=extracted_text,
    )


def read_file(path: Path, doc_id: Optional[str] = None, max_chars: int = DEFAULT_MAX_CHARS) -> Item:
    """One ``.txt`` / ``.md`` / ``.html`` file → an Article, or the error that stops it."""
    doc_id = doc_id or path.name
    suffix = path.suffix.lower()
    fmt = TEXT_SUFFIXES.get(suffix) or HTML_SUFFIXES.get(suffix)
    if fmt is None:
        return DocumentError(doc_id, "ingest", f"unsupported file type {suffix or '(none)'}; give .txt, .md, .html or a .jsonl dump", path=str(path))
    try:
        size = path.stat().st_size
        if size > max_chars * 4:
            return DocumentError(doc_id, "ingest", f"file is {size:,} bytes, over the limit of {max_chars:,} characters; split it or raise --max-chars", path=str(path))
        raw = path.read_bytes()
        text, _encoding = decode_bytes(raw)
    except DecodeError as exc:
        return DocumentError(doc_id, "ingest", f"file {exc}", path=str(path))
    except OSError as exc:
        return DocumentError(doc_id, "ingest", f"cannot read the file: {exc.strerror or exc}", path=str(path))
    if len(text) > max_chars:
        return DocumentError(doc_id, "ingest", f"text is {len(text):,} characters, over the limit of {max_chars:,}; split it or raise --max-chars", path=str(path))
    text = _scrub(_universal_newlines(text))
    if not text.strip():
        return DocumentError(doc_id, "ingest", f"file {_NO_TEXT}", path=str(path))
    if fmt == "html":
        try:
            page = html_to_text(text)
        except Exception as exc:  # lxml/bs4 failures on pathological pages
            return DocumentError(doc_id, "ingest", f"HTML could not be parsed ({type(exc).__name__}: {exc}); save the page again or give its text", path=str(path))
        if not page.text.strip():
            return DocumentError(doc_id, "ingest", _NO_PAGE_TEXT, path=str(path))
        return _article(doc_id, page.text, "html", path=str(path), title=page.title, published=page.published, extracted_text=True)
    return _article(doc_id, text, fmt, path=str(path))


def article_from_record(record: object, line_no: int, source: str, max_chars: int = DEFAULT_MAX_CHARS) -> Item:
    """One parsed dump line → an Article, or an error naming the line and what is wrong."""
    where = f"{source}:{line_no}"
    if not isinstance(record, dict):
        return DocumentError(where, "ingest", "dump line is not a JSON object; each line must be {\"id\": ..., \"text\": ...}", path=source, line=line_no)
    raw_id = record.get("id")
    if raw_id is None or (isinstance(raw_id, str) and not raw_id.strip()) or isinstance(raw_id, (dict, list)):
        return DocumentError(where, "ingest", "dump line has no usable \"id\"; give each article an id", path=source, line=line_no)
    doc_id = str(raw_id)
    text, html = record.get("text"), record.get("html")
    if not isinstance(text, str) and not isinstance(html, str):
        return DocumentError(doc_id, "ingest", "dump line has neither a \"text\" nor an \"html\" string", path=source, line=line_no)
    body = text if isinstance(text, str) else html
    if len(body) > max_chars:
        return DocumentError(doc_id, "ingest", f"article is {len(body):,} characters, over the limit of {max_chars:,}; raise --max-chars to read it", path=source, line=line_no)
    meta = {
        "title": record.get("title") if isinstance(record.get("title"), str) else None,
        "url": record.get("url") if isinstance(record.get("url"), str) else None,
        "published": record.get("published"),
        "lang": record.get("lang") if isinstance(record.get("lang"), str) else None,
    }
    if isinstance(text, str):
        if not text.strip():
            return DocumentError(doc_id, "ingest", f"dump line's \"text\" {_NO_TEXT}", path=source, line=line_no)
        return _article(doc_id, _scrub(text), "dump", path=source, line_no=line_no, **meta)
    try:
        page = html_to_text(_scrub(html))
    except Exception as exc:
        return DocumentError(doc_id, "ingest", f"HTML could not be parsed ({type(exc).__name__}: {exc})", path=source, line=line_no)
    if not page.text.strip():
        return DocumentError(doc_id, "ingest", _NO_PAGE_TEXT, path=source, line=line_no)
    meta["title"] = meta["title"] or page.title
    meta["published"] = meta["published"] or page.published
    return _article(doc_id, page.text, "dump", path=source, line_no=line_no, extracted_text=True, **meta)


def _dump_lines(handle: BinaryIO, limit: int, first_line: int = 1, end: Optional[int] = None) -> Iterator[tuple[int, Optional[bytes]]]:
    """(line number, bytes) of each line; ``None`` for a line longer than ``limit`` bytes,
    which is skipped without ever being held in memory whole (a dump with a
    missing newline can be gigabytes on one line).

    From the handle's position, whose line is ``first_line``, up to the line that
    starts at byte ``end`` or later (``None``: to the end of the file)."""
    line_no = first_line - 1
    position = handle.tell() if end is not None else 0
    while end is None or position < end:
        raw = handle.readline(limit)
        if not raw:
            return
        position += len(raw)
        line_no += 1
        if len(raw) >= limit and not raw.endswith(b"\n"):
            while True:
                rest = handle.readline(limit)
                position += len(rest)
                if not rest or rest.endswith(b"\n"):
                    break
            yield line_no, None
            continue
        yield line_no, raw


def iter_dump(
    path: Path, max_chars: int = DEFAULT_MAX_CHARS, start: int = 0, end: Optional[int] = None, first_line: int = 1
) -> Iterator[Item]:
    """Articles of a JSONL dump, line by line: memory stays flat whatever its size.

    ``start``/``end``/``first_line`` read only the lines starting in the byte range
    [start, end), ``start`` being a line start and ``first_line`` its line number
    (the Dask engine's partitions, see cluster.py): the same items, numbered the
    same, as the whole dump gives for those lines."""
    source = str(path)
    try:
        handle = open(path, "rb")
    except OSError as exc:
        yield DocumentError(path.name, "ingest", f"cannot open the dump: {exc.strerror or exc}", path=source)
        return
    # JSON spends at most 12 bytes on a character (an escaped surrogate pair): longer lines cannot fit the limit.
    limit = max_chars * 12 + 65536
    with handle:
        if start:
            handle.seek(start)
        for line_no, raw in _dump_lines(handle, limit, first_line, end):
            if raw is None:
                yield DocumentError(f"{source}:{line_no}", "ingest", f"dump line is over {limit:,} bytes, more than an article of at most {max_chars:,} characters can take; raise --max-chars to read it", path=source, line=line_no)
                continue
            if not raw.strip():
                continue
            try:
                line = raw.decode("utf-8-sig" if line_no == 1 else "utf-8")
            except UnicodeDecodeError as exc:
                yield DocumentError(f"{source}:{line_no}", "ingest", f"dump line is not UTF-8 ({exc.reason} at byte {exc.start}); re-encode the dump as UTF-8", path=source, line=line_no)
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                yield DocumentError(f"{source}:{line_no}", "ingest", f"dump line is not valid JSON ({exc.msg} at column {exc.colno}); the line was skipped", path=source, line=line_no)
                continue
            yield article_from_record(record, line_no, source, max_chars)


def files_under(folder: Path) -> list[Path]:
    wanted = set(TEXT_SUFFIXES) | set(HTML_SUFFIXES) | set(DUMP_SUFFIXES)
    found = []
    for path in folder.rglob("*"):
        if path.is_file() and not any(part.startswith(".") for part in path.relative_to(folder).parts):
            if path.suffix.lower() in wanted:
                found.append(path)
            else:
                log.debug("skipping %s: not an article file", path)
    return sorted(found)


def file_doc_id(path: Path, root: Path, seen: set[str]) -> str:
    """A file's document id: its name, as the spec's gold uses, or its path under the
    folder when a file of the same name came first (ids must stay unique). Records it in ``seen``."""
    doc_id = path.name
    if doc_id in seen and root.is_dir():
        doc_id = path.relative_to(root).as_posix()
        log.warning("%s: file name already seen; its id is %s", path, doc_id)
    seen.add(doc_id)
    return doc_id


def iter_inputs(paths: Iterable[Union[str, Path]], max_chars: int = DEFAULT_MAX_CHARS) -> Iterator[Item]:
    """Every article of the given files, folders (searched recursively) and dumps, in a stable order.

    A document id is the file name, or the dump's ``id``, as the spec's gold uses;
    a second file with a name already seen keeps its path relative to the folder
    so that ids stay unique.
    """
    seen: set[str] = set()
    for given in paths:
        root = Path(given)
        if not root.exists():
            yield DocumentError(str(given), "ingest", "no such file or folder; check the path")
            continue
        files = files_under(root) if root.is_dir() else [root]
        for path in files:
            if path.suffix.lower() in DUMP_SUFFIXES:
                for item in iter_dump(path, max_chars):
                    if isinstance(item, Article):
                        if item.doc_id in seen:
                            log.warning("%s: id %r appears more than once; both articles are read, under the same id", path, item.doc_id)
                        seen.add(item.doc_id)
                    yield item
                continue
            yield read_file(path, file_doc_id(path, root, seen), max_chars)
