"""Reading articles from files and folders into `Document`s.

Formats: plain text and Markdown (front matter — YAML between `---` lines, or `Key: value` lines
such as URL:, Date:, Source: — is metadata; then the title line; an optional dateline or
"Published:" line gives the date), HTML (main text through trafilatura, offline), JSON (an object,
a list of objects, or a list wrapped in an object) and JSON Lines, whose title, text, url, date
and outlet are found under their common names (`headline`, `short_description`, `link`,
`pubDate`, `site`… see FIELD_NAMES) or the names the caller gives, and RSS/Atom feed files
(feedparser; the entry's own content or summary, never a Media RSS caption; HTML stripped).

Nothing here raises on bad input: every unreadable file (or JSONL line, or JSON record)
becomes a `ReadError` with a one-line reason, and the rest is read. Dates come from
metadata or a dateline, or are left empty; they are never guessed.
"""

from __future__ import annotations

import html as html_lib
import json
import re
from collections.abc import Iterable, Iterator, Mapping
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from loader.models import Document, ReadError
from loader.safe_files import Refused, files_to_read, read_regular

TEXT_SUFFIXES = frozenset({".txt", ".md", ".markdown"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
JSON_SUFFIXES = frozenset({".json"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
FEED_SUFFIXES = frozenset({".xml", ".rss", ".atom"})
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES | JSONL_SUFFIXES | FEED_SUFFIXES

MAX_BYTES = 20_000_000  # a single article file larger than this is not an article
# spaCy's default max_length: its parser needs about 1 GB of memory per 100,000 characters.
MAX_TEXT_CHARS = 10_000_000  # long texts are extracted in pieces (loader.chunks)
MIN_HTML_WORDS = 8  # fewer words than this is a menu or a stub, not an article

_MONTHS = {
    name: n
    for n, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for name in names
}
_MONTH_RE = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?"
# "MOSCOW, Aug. 24, 2021 (RIA Novosti) —", "KABUL, 24 August 2021 –", "LONDON (Reuters) -"
_DATELINE_RE = re.compile(
    r"^(?P<place>[A-Z][A-Za-z .'\-]{1,40}?)(?:,\s*[A-Z][A-Za-z .]{1,20})?"
    r"(?:,\s*(?P<date>"
    + _MONTH_RE
    + r"\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+"
    + _MONTH_RE
    + r",?\s+\d{4}|\d{4}-\d{2}-\d{2}))?"
    r"\s*(?:\((?P<source>[^)]{2,40})\))?\s*[\u2014\u2013\-]{1,2}\s+"
)
# The agency style "MOSCOW, June 7. /TASS/." (a date without its year, the agency between slashes).
_SLASH_DATELINE_RE = re.compile(
    r"^(?P<place>[A-Z][A-Z .'\-]{1,40}),\s*" + _MONTH_RE + r"\s+\d{1,2}\.?\s*/(?P<source>[^/\n]{2,40})/\.?\s+"
)
_META_RE = re.compile(r"^(?:published|date|posted|updated|dateline)\s*:\s*(?P<value>.+)$", re.IGNORECASE)
_SOURCE_META_RE = re.compile(r"^(?:source|publisher|outlet)\s*:\s*(?P<value>.+)$", re.IGNORECASE)
# "URL: https://…", or the address alone on its line under the title.
_URL_META_RE = re.compile(r"^(?:(?:url|link)\s*:\s*(?P<value>\S+)|(?P<bare>https?://\S+))$", re.IGNORECASE)
# Rights lines under the title are provenance, never article text.
_RIGHTS_META_RE = re.compile(r"^(?:licen[cs]e|copyright|rights)\s*:\s*\S.*$", re.IGNORECASE)


# ---------------------------------------------------------------------------------------
# small helpers
# ---------------------------------------------------------------------------------------
def parse_date(value: Any) -> date | None:
    """A date from ISO text, "Aug. 24, 2021", "24 August 2021", or a datetime; else None."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    iso = re.match(r"^(\d{4})-(\d{2})-(\d{2})", text)
    if iso:
        return _safe_date(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
    words = re.findall(r"[A-Za-z]+|\d+", text)
    month = next((_MONTHS[w.lower()] for w in words if w.lower() in _MONTHS), None)
    numbers = [int(w) for w in words if w.isdigit()]
    years = [n for n in numbers if 1800 <= n <= 2200]
    days = [n for n in numbers if 1 <= n <= 31]
    if month and years and days:
        return _safe_date(years[0], month, days[0])
    return None


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def normalise_paragraphs(text: str) -> str:
    """Paragraphs separated by one blank line; hard-wrapped lines inside a paragraph joined.

    With blank lines in the text, they are the paragraph breaks and single newlines are
    wrapping; without any, every line is its own paragraph.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    if re.search(r"\n[ \t]*\n", text):
        blocks = re.split(r"\n[ \t]*\n+", text)
        paragraphs = [" ".join(line.strip() for line in block.split("\n") if line.strip()) for block in blocks]
    else:
        paragraphs = [line.strip() for line in text.split("\n")]
    return "\n\n".join(p for p in paragraphs if p)


def strip_html(fragment: str) -> str:
    """Text of an HTML fragment (feed summaries), with block elements as paragraph breaks."""
    if "<" not in fragment:
        return html_lib.unescape(fragment)
    text = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", fragment)
    text = re.sub(r"(?i)<br\s*/?>|</(p|div|li|h[1-6]|blockquote|tr)>", "\n\n", text)
    text = re.sub(r"(?s)<[^>]+>", " ", text)
    text = html_lib.unescape(text)
    return "\n\n".join(re.sub(r"[ \t]+", " ", p).strip() for p in text.split("\n\n") if p.strip())


def _first_line(text: str, limit: int = 120) -> str:
    line = text.strip().split("\n", 1)[0].strip()
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"


def _looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if b"\x00" in head:
        return True
    control = sum(1 for b in head if b < 9 or 13 < b < 32)
    return len(head) > 0 and control / len(head) > 0.05


def _decode(path: Path, data: bytes) -> str:
    """UTF-8 (with or without BOM) or UTF-16 with a BOM; raises ValueError with a reason."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise ValueError("not valid UTF-16 text") from None
    if _looks_binary(data):
        raise ValueError("binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValueError(f"not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start})") from None


# ---------------------------------------------------------------------------------------
# formats
# ---------------------------------------------------------------------------------------
def _split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    if not text.startswith("---\n"):
        return {}, text
    end = text.find("\n---", 4)
    if end < 0:
        return {}, text
    import yaml

    try:
        meta = yaml.safe_load(text[4:end])
    except yaml.YAMLError:
        return {}, text
    if not isinstance(meta, dict):
        return {}, text
    return meta, text[end + 4 :].lstrip("-\n")


def split_dateline(body: str) -> tuple[str, date | None, str | None]:
    """Body without its leading dateline ("MOSCOW, Aug. 24, 2021 (RIA Novosti) —"), its date and agency."""
    slashed = _SLASH_DATELINE_RE.match(body)
    if slashed:
        return body[slashed.end() :], None, slashed.group("source").strip()
    dateline = _DATELINE_RE.match(body)
    if not dateline or not (dateline.group("date") or dateline.group("source")):
        return body, None, None
    if dateline.group("place").upper() != dateline.group("place"):
        return body, None, None  # a sentence that starts with a name and a dash, not a dateline
    agency = (dateline.group("source") or "").strip() or None
    return body[dateline.end() :], parse_date(dateline.group("date")), agency


# Keys of a `Key: value` header block at the top of a text file (front matter without YAML fences).
_HEADER_KEYS = {
    "title": "title", "headline": "title",
    "url": "url", "link": "url", "source url": "url",
    "date": "published", "published": "published", "pubdate": "published", "posted": "published",
    "updated": "published",
    "source": "source", "outlet": "source", "publisher": "source", "site": "source",
    "author": None, "authors": None, "by": None, "byline": None, "license": None, "licence": None,
    "copyright": None, "rights": None, "tags": None, "category": None, "language": None, "id": None,
}
_HEADER_LINE_RE = re.compile(r"^(?P<key>[A-Za-z][A-Za-z ]{0,15}?)\s*:\s*(?P<value>\S.*)$")


def _header_block(lines: list[str]) -> tuple[dict[str, str], list[str]]:
    """A block of `Key: value` lines (URL:, Date:, Source:, Title:…) opening the file, ended by a blank
    line: metadata, never article text. Returns the metadata and the lines after the block."""
    meta: dict[str, str] = {}
    for index, line in enumerate(lines):
        if not line.strip():
            return (meta, lines[index + 1:]) if meta else ({}, lines)
        match = _HEADER_LINE_RE.match(line.strip())
        key = match.group("key").strip().casefold() if match else ""
        if not match or key not in _HEADER_KEYS:
            return {}, lines
        field = _HEADER_KEYS[key]
        if field is not None:
            meta.setdefault(field, match.group("value").strip())
    return {}, lines  # metadata lines only, no article


def _meta_text(meta: Mapping[str, Any], *keys: str) -> str | None:
    for key in keys:
        value = meta.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def read_text(path: Path, text: str) -> Document:
    """A .txt/.md article: front matter (YAML between `---` lines, or `Key: value` lines), a title line,
    optional metadata lines or a dateline, then the body."""
    meta, text = _split_front_matter(text)
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    while lines and not lines[0].strip():
        lines.pop(0)
    if not meta:
        meta, lines = _header_block(lines)
        while lines and not lines[0].strip():
            lines.pop(0)
    if not lines:
        raise ValueError("empty file")
    title = _meta_text(meta, "title", "headline") or ""
    if not title:
        title = re.sub(r"^#+\s*", "", lines.pop(0)).strip()
    published = parse_date(meta.get("published") or meta.get("date") or meta.get("pubDate"))
    source = _meta_text(meta, "source", "outlet", "publisher", "site")
    url = _meta_text(meta, "url", "link")
    # Metadata lines right under the title ("Published: 2023-05-04", "Source: …", the URL, a licence line).
    while lines and (
        not lines[0].strip()
        or _META_RE.match(lines[0].strip())
        or _SOURCE_META_RE.match(lines[0].strip())
        or _URL_META_RE.match(lines[0].strip())
        or _RIGHTS_META_RE.match(lines[0].strip())
    ):
        line = lines.pop(0).strip()
        if m := _META_RE.match(line):
            published = published or parse_date(m.group("value"))
        elif m := _SOURCE_META_RE.match(line):
            source = source or m.group("value").strip()
        elif m := _URL_META_RE.match(line):
            url = url or (m.group("value") or m.group("bare")).strip()
    body, dated, agency = split_dateline(normalise_paragraphs("\n".join(lines)))
    published = published or dated
    source = source or agency
    if not body.strip():
        if not title:
            raise ValueError("empty file")
        body = title  # a one-line note: the line is both title and text
    return Document.build(path=str(path), title=title, text=body, url=url, published=published, source=source)


def read_html(path: Path, text: str) -> Document:
    """Main text of an HTML page (boilerplate removed), with its metadata title and date."""
    import trafilatura

    result = trafilatura.bare_extraction(
        text,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    data: dict[str, Any] = {}
    if result is not None:
        data = result.as_dict() if hasattr(result, "as_dict") else dict(result)
    body = (data.get("text") or "").strip()
    if len(body.split()) < MIN_HTML_WORDS:
        raise ValueError("no article text found in HTML")
    title = (data.get("title") or "").strip()
    lines = body.split("\n")
    if title and lines and lines[0].strip() == title:
        body = "\n".join(lines[1:]).strip() or body
    title = title or _first_line(body)
    text, dated, agency = split_dateline(normalise_paragraphs(body))
    return Document.build(
        path=str(path),
        title=title,
        text=text,
        url=data.get("url") or None,
        published=parse_date(data.get("date")) or dated,
        source=data.get("sitename") or agency,
    )


# Field names of the article datasets and APIs people have, in order of preference; `--field` overrides.
FIELD_NAMES: dict[str, tuple[str, ...]] = {
    "title": ("title", "headline", "heading", "name"),
    "text": ("text", "content", "body", "article", "full_text", "fulltext", "article_text", "maintext",
             "description", "short_description", "summary", "abstract", "lead"),
    "url": ("url", "link", "href", "uri", "permalink", "web_url", "source_url", "canonical_url"),
    "published": ("published", "date", "pubDate", "pub_date", "publish_date", "published_at", "publishedAt",
                  "datePublished", "date_published", "publication_date", "created_at", "time"),
    "source": ("source", "site", "outlet", "publisher", "source_name", "site_name", "sitename", "domain",
               "media", "newspaper"),
}
FIELD_ALIASES = {"date": "published", "link": "url", "headline": "title", "body": "text", "site": "source"}


def parse_field_overrides(pairs: Iterable[str]) -> dict[str, str]:
    """`text=short_description` style overrides → {field: record key}; raises ValueError (one line)."""
    fields: dict[str, str] = {}
    for pair in pairs:
        name, sep, key = pair.partition("=")
        name = FIELD_ALIASES.get(name.strip(), name.strip())
        if not sep or not key.strip() or name not in FIELD_NAMES:
            raise ValueError(f"bad field mapping {pair!r}: use FIELD=NAME with FIELD one of "
                             f"{', '.join(FIELD_NAMES)} (e.g. text=short_description)")
        fields[name] = key.strip()
    return fields


def _field(record: dict[str, Any], field: str, fields: Mapping[str, str] | None) -> Any:
    """The record's value for `field`: the overriding key if given, else the first common name present."""
    names = (fields[field],) if fields and field in fields else FIELD_NAMES[field]
    folded = {str(k).casefold(): k for k in record}
    for name in names:
        key = name if name in record else folded.get(name.casefold())
        if key is None:
            continue
        value = record[key]
        if isinstance(value, dict):  # {"source": {"id": …, "name": "Reuters"}}
            value = value.get("name") or value.get("title") or value.get("url") or value.get("href")
        if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
            value = "\n\n".join(value)  # text as a list of paragraphs
        if isinstance(value, (str, int, float)) and str(value).strip():
            return value
    return None


def _record(path: str, record: Any, fields: Mapping[str, str] | None = None) -> Document:
    """One JSON object: title, text, url, date and outlet under any of their common names."""
    if not isinstance(record, dict):
        raise ValueError(f"expected an object with the article text, got {type(record).__name__}")
    text = _field(record, "text", fields)
    if not isinstance(text, str) or not text.strip():
        wanted = fields["text"] if fields and "text" in fields else ", ".join(FIELD_NAMES["text"][:6]) + "…"
        raise ValueError(f"no article text (looked for {wanted}; name the field with --field text=NAME)")
    title = _field(record, "title", fields)
    title = strip_html(title).strip() if isinstance(title, str) and title.strip() else _first_line(strip_html(text))
    url = _field(record, "url", fields)
    url = url.strip() if isinstance(url, str) else None
    source = _field(record, "source", fields)
    source = _outlet(source) if isinstance(source, str) else None
    published = _field(record, "published", fields)
    if isinstance(published, (int, float)) and published > 10_000_000:  # a Unix timestamp
        published = datetime.fromtimestamp(published / (1000 if published > 10**11 else 1), tz=UTC)
    body, dated, agency = split_dateline(normalise_paragraphs(strip_html(text)))
    return Document.build(
        path=path, title=title, text=body, url=url, published=parse_date(published) or dated,
        source=source or agency,
    )


def _outlet(value: str) -> str | None:
    """An outlet name, or the host of an outlet given as an address ("http://aol.com" → "aol.com")."""
    text = value.strip()
    host = re.match(r"^https?://(?:www\.)?([^/\s]+)", text)
    return (host.group(1) if host else text) or None


def read_json(path: Path, text: str, fields: Mapping[str, str] | None = None) -> Iterator[Document | ReadError]:
    if not text.strip():
        yield ReadError(path=str(path), error="empty file")
        return
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        yield ReadError(path=str(path), error=f"invalid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}")
        return
    if isinstance(data, dict):  # a list of articles wrapped in an object, as APIs return them
        data = next((data[k] for k in ("articles", "items", "data", "results", "documents", "news")
                     if isinstance(data.get(k), list)), data)
    records = data if isinstance(data, list) else [data]
    if not records:
        yield ReadError(path=str(path), error="JSON list has no articles")
        return
    many = isinstance(data, list)
    for n, record in enumerate(records, start=1):
        where = f"{path}#{n}" if many else str(path)
        try:
            yield _record(where, record, fields)
        except ValueError as exc:
            yield ReadError(path=str(path), error=f"record {n}: {exc}" if many else str(exc))


def read_jsonl(path: Path, text: str, fields: Mapping[str, str] | None = None) -> Iterator[Document | ReadError]:
    found = False
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        found = True
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield ReadError(path=str(path), error=f"line {n}: invalid JSON: {exc.msg}")
            continue
        try:
            yield _record(f"{path}#{n}", record, fields)
        except ValueError as exc:
            yield ReadError(path=str(path), error=f"line {n}: {exc}")
    if not found:
        yield ReadError(path=str(path), error="empty file")


def _entry_date(entry: Any) -> date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if value:
            return _safe_date(value.tm_year, value.tm_mon, value.tm_mday)
    return None


# The prefixes a feed binds to the Media RSS namespace (usually "media").
_MEDIA_NS_RE = re.compile(rb"""xmlns:([\w.-]+)\s*=\s*["']https?://search\.yahoo\.com/mrss/?["']""")


def media_captions(data: bytes) -> set[str]:
    """Texts of the feed's Media RSS elements (photo captions, credits): never an article's text.

    feedparser files a `media:description` under the entry's `content`, where a reader would take
    it for the item's own text.
    """
    prefixes = b"|".join(re.escape(m.group(1)) for m in _MEDIA_NS_RE.finditer(data))
    if not prefixes:
        return set()
    element = rb"(?:%s):(?:description|text|title|credit)" % prefixes
    found: set[str] = set()
    for match in re.finditer(rb"<%s\b[^>]*>(.*?)</%s>" % (element, element), data, re.DOTALL):
        raw = match.group(1).decode("utf-8", errors="replace")
        raw = re.sub(r"^\s*<!\[CDATA\[(.*)\]\]>\s*$", r"\1", raw, flags=re.DOTALL)
        found.add(_caption_key(strip_html(html_lib.unescape(raw))))
    return found - {""}


def _caption_key(text: str) -> str:
    return " ".join(text.split()).casefold()


def entry_text(entry: Any, captions: set[str]) -> str:
    """An entry's own text: the longest of its content (content:encoded, Atom content) that is not a
    media caption, else its summary/description."""
    contents = [c.get("value", "") for c in entry.get("content") or []
                if c.get("value") and _caption_key(strip_html(c.get("value", ""))) not in captions]
    summary = entry.get("summary", "") or entry.get("description", "") or ""
    if summary and _caption_key(strip_html(summary)) in captions:
        summary = ""
    best = max(contents, key=len) if contents else ""
    return best if len(strip_html(best)) >= len(strip_html(summary)) else summary


def read_feed(path: str | Path, data: bytes) -> Iterator[Document | ReadError]:
    """Entries of an RSS or Atom feed (a file, or the body of a feed URL named by `path`)."""
    import feedparser

    parsed = feedparser.parse(data)
    problem = parsed.get("bozo_exception") if parsed.get("bozo") else None
    if problem is not None and type(problem).__name__ in {"CharacterEncodingOverride", "NonXMLContentType"}:
        problem = None  # a charset or content-type mismatch that feedparser recovered from
    entries = parsed.get("entries") or []
    if not entries:
        if problem is not None:
            reason = " ".join(str(problem).split())[:160]
            yield ReadError(path=str(path), error=f"broken feed: {reason}")
        elif not parsed.get("version"):
            yield ReadError(path=str(path), error="not an RSS or Atom feed")
        else:
            yield ReadError(path=str(path), error="feed has no entries")
        return
    feed_title = (parsed.get("feed") or {}).get("title") or None
    docs: list[Document] = []
    entry_errors: list[ReadError] = []
    captions = media_captions(data)
    for n, entry in enumerate(entries, start=1):
        raw = entry_text(entry, captions)
        body, dated, _agency = split_dateline(normalise_paragraphs(strip_html(raw or "")))
        title = strip_html(entry.get("title") or "").strip()
        if not body.strip():
            entry_errors.append(ReadError(path=str(path), error=f"entry {n}: no content or summary"))
            continue
        docs.append(
            Document.build(
                path=f"{path}#{n}",
                title=title or _first_line(body),
                text=body,
                url=entry.get("link") or None,
                published=_entry_date(entry) or dated,
                source=feed_title,
            )
        )
    if problem is not None:
        # A broken feed is one error; entries recovered before the break still load.
        reason = " ".join(str(problem).split())[:120]
        if not docs:
            yield ReadError(path=str(path), error=f"broken feed: {reason}")
            return
        yield from docs
        yield ReadError(path=str(path), error=f"malformed feed ({reason}); read {len(docs)} entries before the error")
        return
    yield from docs
    yield from entry_errors


# ---------------------------------------------------------------------------------------
# entry points
# ---------------------------------------------------------------------------------------
def read_file(path: Path, fields: Mapping[str, str] | None = None) -> Iterator[Document | ReadError]:
    """Documents (and errors) of one file; an article longer than the extractor takes is an error.
    `fields` names the JSON keys of title, text, url, published or source where they are unusual."""
    for item in _read_file(path, fields):
        if isinstance(item, Document) and len(item.text) > MAX_TEXT_CHARS:
            yield ReadError(path=item.path, error=f"article text has {len(item.text):,} characters, more than "
                            f"{MAX_TEXT_CHARS:,} — split it into articles")
        else:
            yield item


def _read_file(path: Path, fields: Mapping[str, str] | None = None) -> Iterator[Document | ReadError]:
    """Documents (and errors) of one file, chosen by its extension."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        yield ReadError(
            path=str(path), error=f"unsupported file type {suffix or '(none)'} (use {', '.join(sorted(SUFFIXES))})"
        )
        return
    try:
        data = read_regular(path, MAX_BYTES)
    except Refused as exc:
        yield ReadError(path=str(path), error=str(exc))
        return
    except OSError as exc:
        yield ReadError(path=str(path), error=f"cannot read: {exc.strerror or exc}")
        return
    if not data.strip():
        yield ReadError(path=str(path), error="empty file")
        return
    if suffix in FEED_SUFFIXES:
        if _looks_binary(data) and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
            yield ReadError(path=str(path), error="binary file, not a feed")
            return
        yield from read_feed(path, data)
        return
    try:
        text = _decode(path, data)
    except ValueError as exc:
        yield ReadError(path=str(path), error=str(exc))
        return
    try:
        if suffix in TEXT_SUFFIXES:
            yield read_text(path, text)
        elif suffix in HTML_SUFFIXES:
            yield read_html(path, text)
        elif suffix in JSON_SUFFIXES:
            yield from read_json(path, text, fields)
        else:
            yield from read_jsonl(path, text, fields)
    except ValueError as exc:
        yield ReadError(path=str(path), error=str(exc))
    except Exception as exc:
        yield ReadError(path=str(path), error=f"cannot parse: {type(exc).__name__}: {' '.join(str(exc).split())[:120]}")


def iter_documents(paths: Iterable[str | Path], fields: Mapping[str, str] | None = None, *,
                   follow_links: bool = False) -> Iterator[Document | ReadError]:
    """Documents and errors of files and folders (recursive), in a stable order.

    Files of unknown types inside a folder are skipped silently; a file named explicitly
    with an unknown type is an error. Only regular files inside the given paths are read
    (see loader.safe_files).
    """
    for item in files_to_read(paths, SUFFIXES, follow_links=follow_links):
        if isinstance(item, ReadError):
            yield item
        else:
            yield from read_file(item, fields)


def read_paths(paths: Iterable[str | Path], fields: Mapping[str, str] | None = None, *,
               follow_links: bool = False) -> tuple[list[Document], list[ReadError]]:
    """All documents and all errors of `paths`."""
    docs: list[Document] = []
    errors: list[ReadError] = []
    for item in iter_documents(paths, fields, follow_links=follow_links):
        if isinstance(item, ReadError):
            errors.append(item)
        else:
            docs.append(item)
    return docs, errors
