"""A collection of articles as one stream: the SOURCES of ``dateline timeline``.

A source is a folder (read recursively: .txt, .html, .htm, .json, .jsonl, .jsonl.gz, .xml, .rss, .atom), a JSON
Lines file (one article a line: ``text`` or ``html``, ``date``, optional ``id``, ``title``, ``url``), a single file,
an http(s) URL (an article page or an RSS/Atom feed) or "-" (stdin: JSON Lines or one article). Everything is read
lazily, one article at a time, so a collection of any size runs in bounded memory. A bad item (broken JSON line,
unreadable file, empty page, unreachable URL) becomes a ``Skipped`` record with its reason, never an exception.
"""

from __future__ import annotations

import gzip
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date as Date
from pathlib import Path

from . import ingest, segment
from .document import Document
from .errors import BAD_INPUT, NOT_FOUND, USAGE, DatelineError

ARTICLE_SUFFIXES = (".txt", ".text", ".html", ".htm", ".json", ".md")
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson")
FEED_SUFFIXES = (".xml", ".rss", ".atom")
FEED_MIN_WORDS = 50  # a feed entry shorter than this is a teaser: the linked page is the article


@dataclass(slots=True)
class Skipped:
    """An input item that could not be used: where it was, why, and the exit code it would have had alone."""

    source: str
    reason: str
    code: int

    def to_dict(self) -> dict:
        return {"source": self.source, "reason": self.reason, "code": self.code}


Item = Document | Skipped


def read(
    sources: Iterable[str], *, language: str | None = None, max_bytes: int = ingest.MAX_BYTES
) -> Iterator[Item]:
    """Every article of every source, in order, as Documents, with the bad ones as Skipped records."""
    for source in sources:
        yield from read_source(str(source), language=language, max_bytes=max_bytes)


def read_source(
    source: str, *, language: str | None = None, max_bytes: int = ingest.MAX_BYTES
) -> Iterator[Item]:
    if ingest.is_url(source):
        yield from _url(source, language, max_bytes)
        return
    if source == "-":
        yield from _stdin(language, max_bytes)
        return
    path = Path(source)
    if path.is_dir():
        files = sorted(p for p in path.rglob("*") if p.is_file() and _readable_kind(p))
        if not files:
            yield Skipped(source, "folder has no .txt, .html, .json, .jsonl or feed files", NOT_FOUND)
        for p in files:
            yield from read_source(str(p), language=language, max_bytes=max_bytes)
        return
    if not path.exists():
        if ingest.other_scheme(source):
            yield Skipped(source, f"{source}: only http:// and https:// URLs are supported", USAGE)
        else:
            yield Skipped(source, f"{source}: no such file or folder", NOT_FOUND)
        return
    name = path.name.lower()
    if name.endswith(JSONL_SUFFIXES):
        yield from _jsonl(path, language)
    elif name.endswith(FEED_SUFFIXES):
        yield from _guarded(source, lambda: list(_feed(ingest.read_bytes(source, max_bytes=max_bytes), source,
                                                        language, max_bytes)))  # fmt: skip
    else:
        yield from _guarded(source, lambda: [ingest.load(source, language=language, max_bytes=max_bytes)])


def _readable_kind(path: Path) -> bool:
    name = path.name.lower()
    return not name.startswith(".") and name.endswith(ARTICLE_SUFFIXES + JSONL_SUFFIXES + FEED_SUFFIXES)


def _guarded(source: str, make) -> Iterator[Item]:
    try:
        yield from make()
    except DatelineError as exc:
        yield Skipped(source, str(exc), exc.exit_code)


def _record(record: object, name: str, language: str | None) -> Item:
    try:
        doc = ingest.from_record(record, name=name, language=language)  # type: ignore[arg-type]
    except DatelineError as exc:
        return Skipped(name, str(exc), exc.exit_code)
    doc.source = name
    return doc


def _lines(lines: Iterable[str], name: str, language: str | None) -> Iterator[Item]:
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{name}:{n}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Skipped(where, f"{where}: broken JSON ({exc.msg} at column {exc.colno})", BAD_INPUT)
            continue
        yield _record(record, where, language)


def _jsonl(path: Path, language: str | None) -> Iterator[Item]:
    opener = gzip.open if path.name.lower().endswith(".gz") else open
    try:
        with opener(path, "rt", encoding="utf-8", errors="replace") as fh:
            yield from _lines(fh, str(path), language)
    except (OSError, EOFError) as exc:  # unreadable, or a truncated gzip stream
        yield Skipped(str(path), f"{path}: cannot read ({getattr(exc, 'strerror', None) or exc})", NOT_FOUND)


def _stdin(language: str | None, max_bytes: int) -> Iterator[Item]:
    try:
        content = ingest.decode(ingest.read_bytes("-", max_bytes=max_bytes), name="stdin")
    except DatelineError as exc:
        yield Skipped("stdin", str(exc), exc.exit_code)
        return
    if _JSON_LINE.match(content):  # '{"text": ...' opens JSON Lines; "{Editor's note} ..." opens prose
        yield from _lines(content.splitlines(), "stdin", language)
    else:
        yield from _guarded("stdin", lambda: [ingest.from_text(content, name="stdin", language=language,
                                                                source="-")])  # fmt: skip


_JSON_LINE = re.compile(r"\s*\{\s*[\"}]")


def _looks_like_feed(body: bytes, ctype: str) -> bool:
    head = body[:2048].lstrip().lower()
    return (
        any(t in ctype for t in ("rss", "atom"))
        or head.startswith((b"<rss", b"<feed"))
        or (head.startswith(b"<?xml") and (b"<rss" in head or b"<feed" in head or b"<rdf" in head))
    )


def _url(url: str, language: str | None, max_bytes: int) -> Iterator[Item]:
    try:
        body, final_url, ctype = ingest.fetch(url, max_bytes=max_bytes)
    except DatelineError as exc:
        yield Skipped(url, str(exc), exc.exit_code)
        return
    if _looks_like_feed(body, ctype):
        yield from _guarded(url, lambda: list(_feed(body, url, language, max_bytes)))
        return
    if "json" in ctype and body.lstrip().startswith(b"{") and b"\n{" in body:
        yield from _lines(ingest.decode(body, name=url).splitlines(), url, language)
        return

    def page() -> list[Document]:
        content = ingest.decode(body, name=url)
        return [ingest.from_text(content, name=url, url=final_url, language=language, source=url)]

    yield from _guarded(url, page)


def _feed(body: bytes, name: str, language: str | None, max_bytes: int) -> Iterator[Item]:
    """RSS/Atom entries (feedparser): the entry's own content when it is a full article, else the linked page;
    the entry's published (or updated) date is the article's date."""
    import feedparser

    parsed = feedparser.parse(body)
    if not parsed.entries:
        reason = f"{name}: not an RSS/Atom feed with entries"
        if parsed.get("bozo_exception"):
            reason += f" ({parsed.bozo_exception})"
        yield Skipped(name, reason, BAD_INPUT)
        return
    for n, entry in enumerate(parsed.entries, 1):
        where = f"{name}#{n}"
        content = entry.get("content", [{}])[0].get("value") or entry.get("summary") or ""
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        record = {
            "html": content,
            "date": Date(*stamp[:3]).isoformat() if stamp else None,
            "title": entry.get("title"),
            "url": entry.get("link"),
            "id": entry.get("id") or entry.get("link") or where,
        }
        link = entry.get("link") or ""
        if len(segment.normalize(content).split()) < FEED_MIN_WORDS and ingest.is_url(link):
            try:
                page_body, final_url, _ = ingest.fetch(link, max_bytes=max_bytes)
                record["html"] = ingest.decode(page_body, name=link)
                record["url"] = final_url
            except DatelineError as exc:
                if not content.strip():
                    yield Skipped(where, str(exc), exc.exit_code)
                    continue
        yield _record(record, where, language)
