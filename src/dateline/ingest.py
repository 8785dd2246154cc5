"""Sources -> Document: plain text, HTML, JSON records, files, URLs and stdin.

HTML goes through trafilatura (main text, title, language, url) and htmldate (the original publication date from
the page's markup and URL, never a guess from the running text: that is the date layer's job, with evidence).
"""

from __future__ import annotations

import bisect
import codecs
import contextlib
import json
import os
import re
import socket
import stat
import sys
import threading
import unicodedata
from collections import Counter
from datetime import date as Date
from functools import lru_cache
from itertools import repeat
from pathlib import Path

from . import segment
from .document import DateClue, Document
from .errors import (
    BadInput,
    DatelineError,
    FetchError,
    InputNotFound,
    InputTooLarge,
    NoArticleText,
    UsageError,
)

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
    """Bytes -> str: BOMs first, then UTF-8 (strict, or with a few stray bytes replaced), UTF-16 without a BOM, then
    the legacy code page that charset_normalizer's candidates and the text's own letters agree on (``_legacy``),
    cp1252 (the Western news web's) when nothing speaks against it."""
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
        encoding = _utf16_without_bom(sample)
        if encoding is None:
            raise BadInput(f"{name}: binary data, not text (NUL bytes found)")
        return data.decode(encoding, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode())  # a U+FFFD already in the input is no bad byte
    good = len(text) - len(text.encode("ascii", errors="ignore")) - text.count("\ufffd")
    # Valid multi-byte sequences rarely occur by chance in a legacy code page, where nearly every high byte is a bad
    # one: ten of them for every bad byte is UTF-8 with a few stray bytes (a bad copy and paste, a truncated
    # character). So is one three-byte character (a dash, a curly quote, "€") for every bad byte, as in an English
    # article whose one dash is its only non-ASCII character: cp1252 makes those only from a rare "à€™"-like run,
    # while its capital letter before a quote makes a two-byte one by chance ("É”" reads as "ɔ").
    wide = len(_WIDE.findall(text)) - text.count("\ufffd")
    if good >= 10 * bad or (wide and wide >= bad):
        return text
    return _legacy(data, name)


_WIDE = re.compile("[\u0800-\uffff\U00010000-\U0010ffff]")  # characters of three bytes or more in UTF-8


def _utf16_without_bom(sample: bytes) -> str | None:
    """UTF-16 without a BOM: NUL bytes (the high bytes of ASCII characters) on one side of the byte pairs only, and
    charset_normalizer agrees that it is UTF-16 text; else None (binary)."""
    sample = sample[: len(sample) // 2 * 2]
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    many, few = max(even, odd), min(even, odd)
    if few > 0.05 * many or many < 0.05 * len(sample) / 2:
        return None  # NULs on both sides of the pairs, or a handful only: binary
    from charset_normalizer import from_bytes

    best = from_bytes(sample).best()
    if best is None or not best.encoding.startswith("utf_16"):
        return None
    return "utf-16-le" if odd > even else "utf-16-be"


# The code pages (as charset_normalizer names them) of the languages that are not written in cp1252: a text in
# one of them that reads as cp1252 is misread. Old Mac and DOS pages are left out: they are rare, and they read
# like their Windows sisters but for capitals and punctuation ("—поред" for "Според").
_CENTRAL = frozenset({"cp1250", "iso8859_2", "iso8859_16"})
_CYRILLIC = frozenset({"cp1251", "koi8_r", "koi8_u", "iso8859_5"})
_CODE_PAGES = {
    **dict.fromkeys("pl cs sk hu sl hr bs sq ro".split(), _CENTRAL),
    **dict.fromkeys("ru uk bg be mk sr kk ky tg tt ba".split(), _CYRILLIC),
    "el": frozenset({"cp1253", "iso8859_7"}),
    **dict.fromkeys("tr az".split(), frozenset({"cp1254", "iso8859_9"})),
    **dict.fromkeys("lt lv ltg".split(), frozenset({"cp1257", "iso8859_4", "iso8859_13"})),
}
_WESTERN = frozenset({"cp1252", "ascii", "latin_1", "iso8859_15"})
_LEGIT_SYMBOLS = frozenset("°©®™")  # symbols that may touch a letter in Western text ("°C", "Reuters©")


def _misreadings(text: str) -> int:
    """Places where a text looks decoded with the wrong code page: a symbol, control or undefined character touching
    a letter ("zag³osowa³a", "÷òî" are Polish and Russian read as cp1252), a non-ASCII capital after a lower-case
    letter ("ψήφισε" read as cp1252 is "øÞöéóå")."""
    count = 0
    for m in _NON_ASCII.finditer(text):
        i = m.start()
        char, before, after = text[i], text[i - 1 : i], text[i + 1 : i + 2]
        if char.isalpha():
            count += char.isupper() and before.islower()
        elif unicodedata.category(char) in _ODD_CATEGORIES and char not in _LEGIT_SYMBOLS:
            count += before.isalpha() or after.isalpha()
    return count


_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_ODD_CATEGORIES = frozenset({"No", "Sm", "Sk", "So", "Cc", "Co", "Cn"})  # not Po (¿ ¡ ·) nor Cf (soft hyphen)


def _western_looking(text: str) -> bool:
    """Most letters are ASCII, as in every Western language; Cyrillic or Greek read as cp1252 is all accents."""
    letters = [c for c in text if c.isalpha()]
    return sum(not c.isascii() for c in letters) <= 0.3 * len(letters)


def _legacy(data: bytes, name: str) -> str:
    """Bytes that are not UTF-8: the best reading among charset_normalizer's candidate code pages and cp1252.

    charset_normalizer alone cannot be trusted between the single-byte pages (the bytes decode in all of them): it
    calls Western text cp1250 and Polish cp1257 or cp1252. So each distinct reading of a sample is judged, in order:
    does it fit (the language the identifier sees in it is written in that code page, as Polish in cp1250 and
    Russian in cp1251; a text of mostly ASCII letters in any other language is cp1252's, one of mostly other letters
    is not), how many characters look misread (``_misreadings``), is its language one that code page is known for,
    is it cp1252, charset_normalizer's order. Below 30 letters no language is guessed: a short text stays cp1252
    unless it is not Western-looking or shows misread characters.
    """
    from charset_normalizer import from_bytes

    matches = from_bytes(data)
    if not matches:
        raise BadInput(f"{name}: binary data, not text (no text encoding fits)")
    # 8 KiB from just before the first non-ASCII byte: the readings differ only there, and it is enough to judge.
    first = re.search(rb"[\x80-\xff]", data)
    sample = data[max(0, first.start() - 256) if first else 0 :][:8192]
    readings: dict[str, str] = {}  # sample text -> the first code page that gives it
    for encoding in ["cp1252", *(m.encoding for m in matches)][:12]:
        try:
            readings.setdefault(sample.decode(encoding, errors="replace"), encoding)
        except LookupError:
            continue

    def key(item: tuple[int, tuple[str, str]]) -> tuple:
        rank, (text, encoding) = item
        lang = None
        if sum(c.isalpha() for c in text[:2000]) >= 30:  # the identifier needs some text to be right
            lang = _language_identifier().classify(text[:2000])[0]
        known = lang in _CODE_PAGES and encoding in _CODE_PAGES[lang]
        fits = known if lang in _CODE_PAGES else (encoding in _WESTERN) == _western_looking(text)
        return (not fits, _misreadings(text), not known, encoding != "cp1252", rank)

    _, (_, encoding) = min(enumerate(readings.items()), key=key)
    return data.decode(encoding, errors="replace")


_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")  # control characters that no text file holds
# White space controls (tab to carriage return) as spaces: then text with no control character at all is printable,
# which str.isprintable says several times faster than the pattern can count none.
_SPACE_CONTROLS = str.maketrans({c: " " for c in "\t\n\v\f\r"})


def _check_text(text: str, name: str) -> None:
    if not text.strip():
        raise BadInput(f"{name}: input is empty (only whitespace)")
    head = text[:8192]
    if head.translate(_SPACE_CONTROLS).isprintable():
        return
    control = len(_CONTROL.findall(head))
    if control > 0.01 * len(head):
        raise BadInput(f"{name}: binary data, not text (control characters)")


# Years a date may have. --around takes four digits, and dates are shifted by days and years when the text is read
# ("tomorrow", "next year"): 9999-12-31 has no tomorrow, 0001 no four-digit year. No news is dated outside these.
MIN_YEAR, MAX_YEAR = 1000, 9998

# YYYY-MM-DD and nothing else: Python 3.11's date.fromisoformat also takes 20230305 and 2023-W10-1. ASCII digits
# only (\d takes any script's). Not followed by a digit: "2023-11-301" is no day followed by a time.
_YYYY_MM_DD = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})(?![0-9])")


def _iso_day(value: str, *, whole: bool) -> Date:
    """The YYYY-MM-DD that is the whole of ``value`` (or, with ``whole=False``, opens it); ValueError if none."""
    match = (_YYYY_MM_DD.fullmatch if whole else _YYYY_MM_DD.match)(value)
    if not match:
        raise ValueError(value)
    return Date(*map(int, match.groups()))  # ValueError for a day no calendar has (2023-02-30)


def parse_date(value: str | Date | None, *, what: str = "date") -> Date | None:
    """A strict YYYY-MM-DD, as users give it to --date (a date passes through, None stays None), with a year from
    ``MIN_YEAR`` (1000) to ``MAX_YEAR`` (9998): outside them date arithmetic on the text would overflow."""
    if value is None:
        return value
    if isinstance(value, Date):
        parsed = value
    else:
        try:
            parsed = _iso_day(value.strip(), whole=True)
        except (ValueError, AttributeError):
            raise UsageError(f"malformed {what} '{value}': expected YYYY-MM-DD") from None
    if not MIN_YEAR <= parsed.year <= MAX_YEAR:
        raise UsageError(f"{what} '{value}' is out of range: expected a year from {MIN_YEAR} to {MAX_YEAR}")
    return parsed


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


# Dates that a page's markup labels: htmldate, even asked for the original date, can return the modified one
# (og:updated_time before a JSON-LD datePublished) or a visible "Updated October 9, 2022" line.
_META_TAG = re.compile(r"<meta\b[^>]*>", re.I)
_TIME_TAG = re.compile(r"<time\b[^>]*>", re.I)
_ATTRIBUTE = re.compile(r"""([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""")
_JSON_LD_DATE = re.compile(r'"(datePublished|dateCreated|dateModified)"\s*:\s*"(\d{4}-\d{2}-\d{2})')
_PUBLISHED_KEYS = frozenset(
    "article:published_time og:published_time datepublished datecreated published_time pubdate publishdate "
    "publish-date parsely-pub-date sailthru.date dc.date.issued dcterms.issued dcterms.created".split()
)
_MODIFIED_KEYS = frozenset(
    "article:modified_time og:updated_time datemodified modified_time last-modified dcterms.modified".split()
)
_UPDATE_WORD = re.compile(r"\b(?:last\s+)?(?:updated|modified)\b", re.I)
_TAG = re.compile(r"<[^>]*>")


def markup_dates(html: str) -> tuple[list[tuple[Date, str]], list[tuple[Date, str]]]:
    """The publication and modification days the page's markup labels as such, each with where it is: meta tags
    (article:published_time, og:updated_time ...), JSON-LD (datePublished, dateModified), <time pubdate> and
    <time itemprop=...>."""
    published: list[tuple[Date, str]] = []
    modified: list[tuple[Date, str]] = []

    def add(bucket: list, value: str, where: str) -> None:
        with contextlib.suppress(ValueError):  # not a YYYY-MM-DD day ("2021-03-04T07:12:00" is one)
            bucket.append((_iso_day(value.strip(), whole=False), where))

    for tag in _META_TAG.findall(html):
        attrs = {k.lower(): a or b or c for k, a, b, c in _ATTRIBUTE.findall(tag)}
        key = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").lower()
        if key in _PUBLISHED_KEYS or key in _MODIFIED_KEYS:
            add(published if key in _PUBLISHED_KEYS else modified, attrs.get("content", ""), f"<meta {key}>")
    for kind, day in _JSON_LD_DATE.findall(html):
        add(modified if kind == "dateModified" else published, day, f"JSON-LD {kind}")
    for tag in _TIME_TAG.findall(html):
        attrs = {k.lower(): a or b or c for k, a, b, c in _ATTRIBUTE.findall(tag)}
        prop = attrs.get("itemprop", "").lower()
        if re.search(r"\spubdate\b", tag, re.I) or prop in ("datepublished", "datecreated"):
            where = f"<time itemprop={prop}>" if prop else "<time pubdate>"
            add(published, attrs.get("datetime", ""), where)
        elif prop == "datemodified":
            add(modified, attrs.get("datetime", ""), "<time itemprop=dateModified>")
    return published, modified


_MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
_MONTH = rf"({'|'.join(_MONTHS)})[a-z]*\.?"
_STAMP_DAY = re.compile(
    rf"\b(?:{_MONTH}\s+(\d{{1,2}}),?\s+(\d{{4}})|(\d{{1,2}})\s+{_MONTH},?\s+(\d{{4}})|(\d{{4}})-(\d{{2}})-(\d{{2}}))(?!\d)"
)


def _update_stamps(html: str) -> set[Date]:
    """The days a page shows as update stamps ("Updated October 9, 2022", "Last updated: 9 Oct 2022", "Updated 10:32
    AM EDT, Sun October 9, 2022"): a day within 80 characters of text after the word."""
    days = set()
    for m in _UPDATE_WORD.finditer(html):
        near = " ".join(_TAG.sub(" ", html[m.end() : m.end() + 200]).split())[:80]
        d = _STAMP_DAY.search(near)
        if d is None:
            continue
        mon, day, year = (d[1], d[2], d[3]) if d[1] else (d[5], d[4], d[6]) if d[5] else (None, d[9], d[7])
        month = _MONTHS.index(mon) + 1 if mon else int(d[8])
        with contextlib.suppress(ValueError):
            days.add(Date(int(year), month, int(day)))
    return days


def _date_clues(html: str, found: str | None, page_url: str | None) -> list[DateClue]:
    """The page's date clue: htmldate's answer (``found``, asked for the original date), unless the markup labels
    another day as the publication and htmldate's as the modification, or the page shows htmldate's day as an
    update stamp: then it is a latest date, no publication day."""
    published, modified = markup_dates(html)
    value = Date.fromisoformat(found) if found else None
    if published:
        first, where = min(published)
        if value is None or (value != first and (value > first or value in dict(modified))):
            note = f"; htmldate's {value} is its modified date" if value and value > first else ""
            return [DateClue(first, "metadata", f"{first} from the page's markup ({where}, published){note}")]
    stamps = _update_stamps(html) if "pdated" in html or "odified" in html or "PDATED" in html else set()
    if value is None:
        if not stamps:
            return []
        value = min(stamps)  # no day labelled as published: the page says only when it changed
    in_url = page_url and re.search(value.strftime(r"%Y[/_-]?%m[/_-]?%d"), page_url)
    updated = value not in dict(published) and (value in dict(modified) or value in stamps)
    if updated and not in_url:
        where = dict(modified).get(value) or "an 'Updated' line"
        why = f"{value} from the page's markup ({where}): updated then, so published on or before"
        return [DateClue(value, "metadata", why, latest=True)]
    where = f"the URL {page_url}" if in_url else "the page's metadata"
    # Without htmldate's answer the day is an update stamp's that the URL names too.
    how = " (htmldate, original publication date)" if found else ""
    return [DateClue(value, "metadata", f"{value} from {where}{how}")]


# Social posts embedded in a page (a tweet's text in a <blockquote class="twitter-tweet">): trafilatura keeps them as
# article text, and a brief would quote a post as reporting.
_EMBEDDED_POST = re.compile(
    r"<blockquote\b[^>]*\bclass\s*=\s*[\"'][^\"']*\b(?:twitter-tweet|twitter-video|instagram-media|tiktok-embed"
    r"|reddit-card|bluesky-embed|threads-post|fb-xfbml-parse-ignore)\b[^>]*>",
    re.I,
)
_BLOCKQUOTE_END = re.compile(r"</blockquote\s*>", re.I)


def _without_embedded_posts(html: str) -> str:
    """``html`` without its embedded posts' blockquotes, each up to the next "</blockquote>" (one pass for the
    starts, one for the ends: an unclosed start costs nothing)."""
    starts = [(m.start(), m.end()) for m in _EMBEDDED_POST.finditer(html)]
    if not starts:
        return html
    ends = [(m.start(), m.end()) for m in _BLOCKQUOTE_END.finditer(html)]
    parts, pos = [], 0
    for start, open_end in starts:
        k = bisect.bisect_left(ends, (open_end, 0))
        if start < pos or k == len(ends):
            continue
        parts.append(html[pos:start])
        pos = ends[k][1]
    return "".join(parts) + html[pos:]


def _html_document(html: str, *, url: str | None, name: str, language: str | None, **fields) -> Document:
    import trafilatura

    if "<blockquote" in html or "<BLOCKQUOTE" in html:
        html = _without_embedded_posts(html)
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
    page_url = url or getattr(result, "url", None)
    clues = _date_clues(html, getattr(result, "date", None), page_url)
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


def document(source: object, *, name: str = "article", language: str | None = None) -> Document:
    """What the API's functions take as an article -> Document: text or HTML (``str``), the bytes of a file (decoded
    as ``load`` decodes files), a path (``load``) or a Document as it is."""
    if isinstance(source, Document):
        return source
    if isinstance(source, str):
        return from_text(source, name=name, language=language)
    if isinstance(source, (bytes, bytearray, memoryview)):
        return from_text(decode(bytes(source), name=name), name=name, language=language)
    if isinstance(source, os.PathLike):
        return load(source, language=language)
    raise BadInput(
        f"{name}: expected article text (str or bytes), a path, a Document"
        f"{' or a dict' if name.startswith('article ') else ''}, not {type(source).__name__}"
    )


_JSON_TYPES = {dict: "an object", list: "an array", bool: "true/false", int: "a number", float: "a number",
               str: "a string", type(None): "null"}  # fmt: skip


def _json_type(value: object) -> str:
    """What a JSON value is, in JSON's words, for error messages."""
    return _JSON_TYPES.get(type(value), type(value).__name__)


def from_record(record: dict, *, name: str = "record", language: str | None = None) -> Document:
    """A JSON object with ``text`` or ``html`` and optional ``date``, ``title``, ``url``, ``id``, ``language``.

    Fields of the wrong type are bad input, named in the error; a blank ``text`` gives way to ``html``. ``date`` is
    YYYY-MM-DD (anything after the day, as a time, is ignored; a ``datetime.date`` from Python is taken as it is)."""
    if not isinstance(record, dict):
        raise BadInput(
            f"{name}: expected a JSON object with a 'text' or 'html' field, not {_json_type(record)}"
        )
    for key in ("text", "html", "article", "title", "url", "language"):
        value = record.get(key)
        if value is not None and not isinstance(value, str):
            raise BadInput(f"{name}: field '{key}' must be a string, not {_json_type(value)}")
    record_id = record.get("id")
    if record_id is not None and (isinstance(record_id, bool) or not isinstance(record_id, (str, int))):
        raise BadInput(f"{name}: field 'id' must be a string or a whole number, not {_json_type(record_id)}")
    # The first field with content: a record with a blank "text" and a page in "html" is the page.
    content = next(
        (record[key] for key in ("text", "html", "article") if (record.get(key) or "").strip()), None
    )
    if content is None:
        raise NoArticleText(f"{name}: no 'text' or 'html' field with content")
    clues = []
    value = _record_date(record.get("date"), name)
    if value is not None:
        clues.append(DateClue(value, "metadata", f"'date' field of the JSON record: {value}"))
    doc = from_text(
        content, name=name, url=record.get("url"), language=language or record.get("language"),
        title=record.get("title"), id=None if record_id is None else str(record_id),
    )  # fmt: skip
    doc.date_clues = clues + doc.date_clues
    return doc


def _record_date(value: object, name: str) -> Date | None:
    if value is None or value == "":
        return None
    if isinstance(value, Date):
        parsed = value
    elif not isinstance(value, str):
        raise BadInput(f"{name}: field 'date' must be a string YYYY-MM-DD, not {_json_type(value)}")
    else:
        try:
            parsed = _iso_day(value.strip(), whole=False)
        except ValueError:
            raise BadInput(f"{name}: malformed 'date' {value!r}: expected YYYY-MM-DD") from None
    if not MIN_YEAR <= parsed.year <= MAX_YEAR:
        raise BadInput(
            f"{name}: 'date' {value!s} is out of range: expected a year from {MIN_YEAR} to {MAX_YEAR}"
        )
    return Date(parsed.year, parsed.month, parsed.day)  # a datetime's time of day is no part of the date


class _Deadline:
    """A fetch's total time limit. httpx's timeout bounds each connect, read and write, not their sum: a server that
    trickles a byte at a time, in its headers or its body, would keep a fetch going for ever. When the time is up a
    timer thread shuts the fetch's sockets down, which ends whatever read is waiting on them."""

    def __init__(self, seconds: float) -> None:
        self.expired = False
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True

    def trace(self, event: str, info: dict) -> None:
        """httpcore's ``trace`` hook: remember every socket the fetch opens (redirects, TLS and proxies open more)."""
        if event.endswith(("connect_tcp.complete", "start_tls.complete")):
            sock = info["return_value"].get_extra_info("socket")
            with self._lock:
                self._sockets.append(sock)
                if self.expired:  # connected after the deadline (a slow DNS answer): no request goes out
                    self._shut(sock)

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            for sock in self._sockets:
                self._shut(sock)

    @staticmethod
    def _shut(sock: socket.socket) -> None:
        try:
            sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass  # closed already, or handed over to its TLS wrapper

    def __enter__(self) -> _Deadline:
        self._timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._timer.cancel()


def fetch(url: str, *, max_bytes: int = MAX_BYTES, timeout: float = FETCH_TIMEOUT) -> tuple[bytes, str, str]:
    """GET a URL with a size cap, limited redirects and ``timeout`` seconds for the whole fetch (connect, headers,
    body) -> (body, final url, content type)."""
    import httpx

    _check_url(url)
    deadline = _Deadline(timeout)
    took_too_long = f"{url}: timed out (the fetch took longer than {timeout:g} s)"
    try:
        with (
            deadline,
            httpx.Client(
                follow_redirects=True,
                max_redirects=MAX_REDIRECTS,
                timeout=timeout,
                headers={"User-Agent": USER_AGENT},
            ) as client,  # fmt: skip
            client.stream("GET", url, extensions={"trace": deadline.trace}) as response,
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
                    raise InputTooLarge(f"{url}: more than {max_bytes} bytes, over the limit")
            # A body without a length ends when the connection closes, and the deadline's shutdown closes it: the
            # read ends as if the body were whole. A cut body is a timeout, never a shorter article.
            if deadline.expired:
                raise FetchError(took_too_long)
            return bytes(body), str(response.url), response.headers.get("content-type", "")
    except httpx.HTTPError as exc:
        if isinstance(exc, httpx.TooManyRedirects):
            raise FetchError(f"{url}: more than {MAX_REDIRECTS} redirects") from None
        if isinstance(exc, httpx.TimeoutException):
            raise FetchError(f"{url}: timed out after {timeout:g} s") from None
        if deadline.expired:  # whatever broke, it broke because the deadline shut the connection
            raise FetchError(took_too_long) from None
        raise FetchError(f"{url}: cannot fetch ({type(exc).__name__}: {exc or 'unreachable'})") from None
    except httpx.InvalidURL as exc:  # a redirect's Location: the server's fault, not the user's
        raise FetchError(f"{url}: invalid URL ({exc})") from None


def _check_url(url: str) -> None:
    """A URL the user gave that cannot be fetched whatever the network does is a usage error, before any request:
    one httpx cannot parse ("http://[::1"), one with no host ("http://"), a port out of range."""
    import httpx

    shown = url if url.isprintable() else ascii(url)  # a newline in the URL would break the one-line message
    try:
        parsed = httpx.URL(url)
        port = parsed.port
    except httpx.InvalidURL as exc:
        raise UsageError(f"{shown}: malformed URL ({exc})") from None
    if not parsed.host:
        raise UsageError(f"{shown}: malformed URL (no host)")
    if port is not None and not 0 < port < 65536:
        raise UsageError(f"{shown}: malformed URL (port {port} is out of range)")


_SCHEME = re.compile(r"([a-z][a-z0-9+.-]+)://", re.I)  # two letters at least: "C://" is a Windows drive


def is_url(source: str) -> bool:
    """An http(s) URL; schemes are case-insensitive ("HTTP://")."""
    match = _SCHEME.match(source)
    return bool(match) and match[1].lower() in ("http", "https")


def other_scheme(source: str) -> bool:
    """A URL of a scheme dateline does not fetch (ftp://, file://...)."""
    return _SCHEME.match(source) is not None and not is_url(source)


def _shown(source: str) -> str:
    """A path as error messages show it: a name too long for the file system is cut, to keep the message short."""
    return source if len(source) <= 120 else f"{source[:60]}...{source[-20:]}"


def read_bytes(source: str, *, max_bytes: int = MAX_BYTES) -> bytes:
    """Bytes of a path or of stdin ("-"), with the size cap: at most ``max_bytes`` + 1 bytes are ever read, so a
    device (/dev/zero), a FIFO or an endless pipe is refused as over the limit instead of filling the memory."""
    name = "stdin" if source == "-" else _shown(source)
    try:
        if source == "-":
            data = sys.stdin.buffer.read(max_bytes + 1)
        else:
            if os.path.isdir(source):
                raise InputNotFound(f"{name}: is a directory, not a file")
            with open(source, "rb") as fh:
                info = os.fstat(fh.fileno())
                # A regular file's size is known: refuse it unread. Devices and FIFOs report none (or 0).
                if stat.S_ISREG(info.st_mode) and info.st_size > max_bytes:
                    raise InputTooLarge(
                        f"{name}: {info.st_size} bytes is over the limit of {max_bytes} bytes"
                    )
                data = fh.read(max_bytes + 1)
    except DatelineError:
        raise
    except FileNotFoundError:
        if other_scheme(source):  # not a file but a URL dateline does not fetch
            raise UsageError(
                f"{name}: only http:// and https:// URLs are supported (give a local file as a path)"
            ) from None
        raise InputNotFound(f"{name}: no such file") from None
    except PermissionError:
        raise InputNotFound(f"{name}: permission denied") from None
    except (OSError, ValueError, AttributeError) as exc:  # a name too long, an I/O error, a closed stdin
        raise InputNotFound(f"{name}: cannot read ({getattr(exc, 'strerror', None) or exc})") from None
    if len(data) > max_bytes:
        raise InputTooLarge(f"{name}: more than {max_bytes} bytes, over the limit")
    return data


def load(source: str | Path, *, language: str | None = None, max_bytes: int = MAX_BYTES,
         timeout: float = FETCH_TIMEOUT) -> Document:  # fmt: skip
    """A path (.txt, .html, .json), an http(s) URL or "-" (stdin) -> Document.

    stdin is JSON when it parses as JSON or opens as JSON does (``_looks_like_json``); else text or HTML."""
    source = str(source)
    if is_url(source):
        body, final_url, ctype = fetch(source, max_bytes=max_bytes, timeout=timeout)
        content = decode(body, name=source)
        if "json" in ctype:
            return _json_document(content, source, source, language)
        return from_text(content, name=source, url=final_url, language=language, source=source)
    name = "stdin" if source == "-" else _shown(source)
    content = decode(read_bytes(source, max_bytes=max_bytes), name=name)
    if source.lower().endswith((".json", ".jsonl")) or (source == "-" and _looks_like_json(content)):
        return _json_document(content, name, source, language)
    return from_text(content, name=name, language=language, source=source)


# How a JSON record or a list of them opens: '{"', '{}', '[{', '[[', '["', '[]'. Prose that opens with a brace
# ("{Editor's note: ...}") or a bracket ("[Updated] ...", "[1] ...") does not.
_JSON_OPENING = re.compile(r'\s*(\{\s*["}]|\[\s*[\[\]{"])')


def _looks_like_json(content: str) -> bool:
    """stdin has no file name to go by: it is JSON when it parses as JSON (a value that is not an object is then
    refused, as from a .json file) or opens as JSON does (broken JSON is reported as broken, not briefed as prose)."""
    if _JSON_OPENING.match(content):
        return True
    try:
        json.loads(content)
    except json.JSONDecodeError:
        return False
    return True


def _json_document(content: str, name: str, source: str, language: str | None) -> Document:
    try:
        record = json.loads(content)
    except json.JSONDecodeError as exc:
        message = f"{name}: broken JSON ({exc.msg} at line {exc.lineno} column {exc.colno})"
        if exc.msg == "Extra data" and content[exc.pos :].lstrip().startswith("{"):
            message += "; for JSON Lines (one article a line) use `dateline timeline`"
        raise BadInput(message) from None
    doc = from_record(record, name=name, language=language)
    doc.source = source
    return doc
