"""Sources -> Document: plain text, HTML, JSON records, files, URLs and stdin.

HTML goes through trafilatura (main text, title, language, url) and htmldate (the original publication date from
the page's markup and URL, never a guess from the running text: that is the date layer's job, with evidence).
"""

from __future__ import annotations

import codecs
import json
import re
import sys
from collections import Counter
from datetime import date as Date
from functools import lru_cache
from itertools import repeat
from pathlib import Path

from . import segment
from .document import DateClue, Document
from .errors import BadInput, FetchError, InputNotFound, InputTooLarge, NoArticleText, UsageError

MAX_BYTES = 20 * 1024 * 1024  # default size cap for one input; --max-bytes changes it
FETCH_TIMEOUT = 15.0
MAX_REDIRECTS = 5
USER_AGENT = "dateline/0.1 (+https://pypi.org/project/dateline/)"

_HTML_START = re.compile(
    r"^\s*(<!--.*?-->\s*)*<(!doctype html|html|head|body|article|div|p|meta|title|section|main)\b",
    re.I | re.S,
)
_HTML_TAGS = re.compile(r"<(p|div|br|article|span|a|h[1-6]|li|body|html)\b[^>]*>", re.I)


def looks_like_html(text: str) -> bool:
    head = text[:4096]
    return bool(_HTML_START.match(head)) or len(_HTML_TAGS.findall(head)) >= 3


def decode(data: bytes, *, name: str = "input") -> str:
    """Bytes -> str: BOMs first, then strict UTF-8, then charset detection, with cp1252 as the news-web fallback."""
    if not data.strip():
        raise BadInput(f"{name}: input is empty")
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    sample = data[:8192]
    if b"\x00" in sample:
        raise BadInput(f"{name}: binary data, not text (NUL bytes found)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise BadInput(f"{name}: binary data, not text (no text encoding fits)")
    encoding = best.encoding
    if encoding in {"ascii", "latin_1", "iso8859_1", "cp1250", "cp1251", "cp1253"} or best.chaos > 0.2:
        encoding = "cp1252"
    return data.decode(encoding, errors="replace")


_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")  # control characters that no text file holds


def _check_text(text: str, name: str) -> None:
    if not text.strip():
        raise BadInput(f"{name}: input is empty (only whitespace)")
    control = len(_CONTROL.findall(text, 0, 8192))
    if control > 0.01 * min(len(text), 8192):
        raise BadInput(f"{name}: binary data, not text (control characters)")


def parse_date(value: str | Date | None, *, what: str = "date") -> Date | None:
    """A strict YYYY-MM-DD, as users give it to --date (a date passes through, None stays None)."""
    if value is None or isinstance(value, Date):
        return value
    try:
        return Date.fromisoformat(value.strip())
    except (ValueError, AttributeError):
        raise UsageError(f"malformed {what} '{value}': expected YYYY-MM-DD") from None


@lru_cache(maxsize=1)
def _language_identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


# The commonest function words of the five languages news mostly comes in: a text whose words are largely one list's
# is that language without running the identifier (a third of a brief's time on short articles otherwise).
_FUNCTION_WORDS = {
    "en": frozenset(
        "the of and to in is that for was on with as by he it said from at have has are were".split()
    ),
    "es": frozenset("el la de que y en los las del se por un una con para es al lo su como más".split()),
    "fr": frozenset("le la les de des et en du un une est que pour dans sur au qui pas il ne plus".split()),
    "de": frozenset(
        "der die das und den dem des ist nicht mit ein eine zu von auf sich im für auch es".split()
    ),
    "it": frozenset("il la di che e in del della per un una sono non con le dei gli è ha nel alla".split()),
}
_WORDS = re.compile(r"[^\W\d_]+")
# On lower-cased ASCII text the same words come from blanking every other character and splitting, in C and with
# no match objects: several times faster than the pattern.
_BLANK_NON_LETTERS = str.maketrans({chr(c): " " for c in range(128) if not 97 <= c <= 122})


def _quick_language(text: str) -> str | None:
    head = text[:1500].lower()
    words = head.translate(_BLANK_NON_LETTERS).split() if head.isascii() else _WORDS.findall(head)
    if len(words) < 40:
        return None
    counts = Counter(words)
    hits = sorted(
        ((sum(map(counts.get, fw, repeat(0))), lang) for lang, fw in _FUNCTION_WORDS.items()), reverse=True
    )
    (best, lang), (second, _) = hits[0], hits[1]
    # One list's words are a quarter of the text and twice the runner-up's (the Romance lists share words), or a
    # fifth and thrice: news prose in that language. Portuguese or Catalan share words with Spanish, Dutch with
    # German, but not at that rate: they go to the identifier.
    share = best / len(words)
    return lang if (share >= 0.25 and best >= 2 * second) or (share >= 0.18 and best >= 3 * second) else None


def detect_language(text: str) -> str:
    """ISO 639-1 code of the text: a function-word test for clear en/es/fr/de/it prose, else py3langid (whose model
    ships in its package).

    A language we cannot split is reported only when the identifier is sure of it on enough text; on a short or
    ambiguous input the most likely language we can split wins, so one line of English is not refused as Latin.
    """
    quick = _quick_language(text)
    if quick:
        return quick
    ranked = _language_identifier().rank(text[:2000])
    best = ranked[0][0]
    splittable = sum(p for lang, p in ranked if lang in segment.SUPPORTED_LANGUAGES)
    if best in segment.SUPPORTED_LANGUAGES or (splittable < 0.05 and len(text.strip()) >= 60):
        return best
    return next((lang for lang, _ in ranked if lang in segment.SUPPORTED_LANGUAGES), "en")


# What trafilatura's metadata pass asks htmldate for (one date search a page; a copy each call, as trafilatura
# writes the URL into it): the original publication date, from markup and URL only (no extensive search), since a
# date guessed from free text or a copyright footer is not metadata.
_DATE_SEARCH = {"original_date": True, "extensive_search": False, "outputformat": "%Y-%m-%d"}


def _html_document(html: str, *, url: str | None, name: str, language: str | None, **fields) -> Document:
    import trafilatura

    text = ""
    # Precision first; the recall pass also picks up menus and link lists, so each must find some prose.
    for options in ({"favor_precision": True, "include_tables": False}, {"favor_recall": True}):
        result = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False,
            date_extraction_params=dict(_DATE_SEARCH), **options,
        )  # fmt: skip
        text = (getattr(result, "text", None) or "") if result is not None else ""
        if max((len(line.split()) for line in text.splitlines()), default=0) >= 6:
            break
        text = ""
    if not text.strip():
        raise NoArticleText(f"{name}: no article text found in the HTML")
    clues = []
    found = getattr(result, "date", None)
    page_url = url or getattr(result, "url", None)
    if found:
        value = Date.fromisoformat(found)
        in_url = page_url and re.search(value.strftime(r"%Y[/_-]?%m[/_-]?%d"), page_url)
        where = f"the URL {page_url}" if in_url else "the page's metadata"
        clues.append(
            DateClue(value, "metadata", f"{found} from {where} (htmldate, original publication date)")
        )
    meta_lang = getattr(result, "language", None)
    text = segment.normalize(text)
    lang = (
        language or (meta_lang if meta_lang in segment.SUPPORTED_LANGUAGES else None) or detect_language(text)
    )
    doc = segment.build(text, language=lang, title=fields.pop("title", None) or getattr(result, "title", None),
                        url=page_url, date_clues=clues, html=True, **fields)  # fmt: skip
    return doc


def from_text(
    content: str, *, name: str = "text", url: str | None = None, language: str | None = None, **fields
) -> Document:
    """Text or HTML (detected) -> Document."""
    _check_text(content, name)
    if looks_like_html(content):
        return _html_document(content, url=url, name=name, language=language, **fields)
    text = segment.normalize(content)
    lang = language or detect_language(text)
    return segment.build(text, language=lang, url=url, **fields)


def from_record(record: dict, *, name: str = "record", language: str | None = None) -> Document:
    """A JSON object with ``text`` or ``html`` and optional ``date``, ``title``, ``url``, ``id``, ``language``."""
    if not isinstance(record, dict):
        raise BadInput(f"{name}: expected a JSON object with a 'text' or 'html' field")
    content = record.get("text") or record.get("html") or record.get("article")
    if not isinstance(content, str) or not content.strip():
        raise NoArticleText(f"{name}: no 'text' or 'html' field with content")
    clues = []
    if record.get("date"):
        try:
            value = Date.fromisoformat(str(record["date"])[:10])
        except ValueError:
            raise BadInput(f"{name}: malformed 'date' {record['date']!r}: expected YYYY-MM-DD") from None
        clues.append(DateClue(value, "metadata", f"'date' field of the JSON record: {value}"))
    doc = from_text(
        content, name=name, url=record.get("url"), language=language or record.get("language"),
        title=record.get("title"), id=None if record.get("id") is None else str(record["id"]),
    )  # fmt: skip
    doc.date_clues = clues + doc.date_clues
    return doc


def fetch(url: str, *, max_bytes: int = MAX_BYTES, timeout: float = FETCH_TIMEOUT) -> tuple[bytes, str, str]:
    """GET a URL with a timeout, a size cap and limited redirects -> (body, final url, content type)."""
    import httpx

    try:
        with (
            httpx.Client(
                follow_redirects=True,
                max_redirects=MAX_REDIRECTS,
                timeout=timeout,
                headers={"User-Agent": USER_AGENT},
            ) as client,  # fmt: skip
            client.stream("GET", url) as response,
        ):
            if not 200 <= response.status_code < 300:
                raise FetchError(f"{url}: HTTP {response.status_code} {response.reason_phrase}")
            declared = response.headers.get("content-length")
            if declared and declared.isdigit() and int(declared) > max_bytes:
                raise InputTooLarge(f"{url}: {int(declared)} bytes is over the limit of {max_bytes} bytes")
            body = bytearray()
            for chunk in response.iter_bytes():
                body += chunk
                if len(body) > max_bytes:
                    raise InputTooLarge(f"{url}: more than the limit of {max_bytes} bytes")
            return bytes(body), str(response.url), response.headers.get("content-type", "")
    except httpx.TooManyRedirects:
        raise FetchError(f"{url}: more than {MAX_REDIRECTS} redirects") from None
    except httpx.TimeoutException:
        raise FetchError(f"{url}: timed out after {timeout:g} s") from None
    except httpx.InvalidURL as exc:
        raise FetchError(f"{url}: invalid URL ({exc})") from None
    except httpx.HTTPError as exc:
        raise FetchError(f"{url}: cannot fetch ({type(exc).__name__}: {exc or 'unreachable'})") from None


def is_url(source: str) -> bool:
    return source.startswith(("http://", "https://"))


def read_bytes(source: str, *, max_bytes: int = MAX_BYTES) -> bytes:
    """Bytes of a path or of stdin ("-"), with the size cap."""
    if source == "-":
        data = sys.stdin.buffer.read(max_bytes + 1)
    else:
        path = Path(source)
        if not path.exists():
            raise InputNotFound(f"{source}: no such file")
        if path.is_dir():
            raise InputNotFound(f"{source}: is a directory, not a file")
        try:
            size = path.stat().st_size
            if size > max_bytes:
                raise InputTooLarge(f"{source}: {size} bytes is over the limit of {max_bytes} bytes")
            data = path.read_bytes()
        except PermissionError:
            raise InputNotFound(f"{source}: permission denied") from None
    if len(data) > max_bytes:
        raise InputTooLarge(f"{source}: more than the limit of {max_bytes} bytes")
    return data


def load(source: str | Path, *, language: str | None = None, max_bytes: int = MAX_BYTES,
         timeout: float = FETCH_TIMEOUT) -> Document:  # fmt: skip
    """A path (.txt, .html, .json), an http(s) URL or "-" (stdin) -> Document."""
    source = str(source)
    if is_url(source):
        body, final_url, ctype = fetch(source, max_bytes=max_bytes, timeout=timeout)
        content = decode(body, name=source)
        if "json" in ctype:
            return _json_document(content, source, language)
        return from_text(content, name=source, url=final_url, language=language, source=source)
    name = "stdin" if source == "-" else source
    content = decode(read_bytes(source, max_bytes=max_bytes), name=name)
    if source.lower().endswith((".json", ".jsonl")) or (source == "-" and content.lstrip().startswith("{")):
        return _json_document(content, name, language)
    doc = from_text(content, name=name, language=language, source=source)
    return doc


def _json_document(content: str, name: str, language: str | None) -> Document:
    try:
        record = json.loads(content)
    except json.JSONDecodeError as exc:
        raise BadInput(f"{name}: broken JSON ({exc.msg} at line {exc.lineno} column {exc.colno})") from None
    doc = from_record(record, name=name, language=language)
    doc.source = name
    return doc
