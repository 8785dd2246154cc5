"""Temporal expressions: find the dates, times, durations and sets in a text and normalize them (TIMEX3 values).

Two passes, so the publication-date inference can reuse the first one:

1. ``scan(text, language)`` finds *mentions* with explicit, rule-based patterns (one table of rules per language;
   see ``temporal_rules``). A mention records what the words say ("the Tuesday before", "3 weeks ago", "October
   7"), not a calendar value, so it does not depend on the publication date.
2. ``normalize(mentions, reference)`` turns them into ``Timex`` values against a reference date (the publication
   date), or against another date mentioned just before ("November 23, a day before ...").

Written by hand rather than with dateparser/datefinder because those read "we" as Wednesday, "may" as May, number
words as months and "the 20-year war" as the 20th, and push dates into the future; news needs the opposite default
(past, anchored on the publication date) and spans with offsets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date as Date
from datetime import timedelta
from functools import lru_cache, partial

from .temporal_rules import Mention, rules_for, trigger_words

__all__ = ["Mention", "Timex", "may_name_days", "normalize", "scan", "tag"]


@dataclass(frozen=True, slots=True)
class Timex:
    """A temporal expression: its span in the text, its TIMEX3 type and normalized value, and what anchors it."""

    text: str
    start: int
    end: int
    type: str  # DATE, TIME, DURATION or SET
    value: str  # TIMEX3 value: 2023-11-28, 2023-W47, 2023-11, P7W, PRESENT_REF, XXXX-11-23 ...
    anchor: str | None = (
        None  # what the value was computed from: "DCT" (publication date), another date, None
    )

    @property
    def day(self) -> Date | None:
        """The calendar day this expression names, when it names exactly one."""
        if self.type not in ("DATE", "TIME") or len(self.value) < 10 or self.value[10:11] not in ("", "T"):
            return None
        try:
            return Date.fromisoformat(self.value[:10])
        except ValueError:
            return None

    def to_dict(self) -> dict:
        return {"text": self.text, "start": self.start, "end": self.end, "type": self.type, "value": self.value,
                "anchor": self.anchor}  # fmt: skip


# ---------------------------------------------------------------------------------------------------- pass 1: scan


def scan(text: str, language: str = "en") -> list[Mention]:
    """All temporal mentions of ``text``, longest first where they overlap, in text order."""
    return list(_scan_cached(text, language))


@lru_cache(maxsize=64)
def _scan_cached(text: str, language: str) -> tuple[Mention, ...]:
    candidates: list[Mention] = []
    seen: set[tuple[int, int, int]] = set()
    plain = _plain(text)
    low = text.lower()
    index = _word_index(text, trigger_words(language), plain, low)
    spans: dict[frozenset[str], list[tuple[int, int]]] = {}  # rules that share their triggers share the spans
    for r, rule in enumerate(rules_for(language)):
        if rule.needs and rule.needs not in text:
            continue
        if rule.trigger is None:
            windows = [(0, len(text))]
        elif rule.trigger.isdisjoint(index) or (plain and rule.key is not None and not rule.key(text, index)):
            continue
        else:
            if rule.trigger not in spans:
                spans[rule.trigger] = sorted(span for w in rule.trigger if w in index for span in index[w])
            windows = _windows(rule, text, spans[rule.trigger])
        pattern = _ascii(rule.pattern) if plain else rule.pattern
        for lo, hi in windows:
            for m in pattern.finditer(text, lo, hi):
                if (r, m.start(), m.end()) in seen:
                    continue
                seen.add((r, m.start(), m.end()))
                mention = rule.build(m, text)
                if mention is not None and mention.end > mention.start:
                    candidates.append(mention)
    # Longest span wins an overlap; for equal spans the earlier rule (more specific) wins.
    candidates.sort(key=lambda c: (c.start, -(c.end - c.start)))
    kept: list[Mention] = []
    last_end = -1
    for c in candidates:
        if c.start >= last_end:
            kept.append(c)
            last_end = c.end
    kept = _merge_times(kept, text)
    for k in kept:  # the clause's tense is read for few kinds of mention: worked out when first asked
        k.tense = partial(_tense, text, k.start, k.end, language)
    return tuple(kept)


# What every English mention of a day contains (the English rules that build "date" mentions: ISO 2023-11-30,
# 11/30/2023, "Nov. 30", "April 24 and 25", "30 November"): a month name next to a number, "-MM-DD" or "D/DD/D".
# Substrings, searched in the whole text, so that they hold for the matches found inside the rules' windows too.
# The month names are case-sensitive. Each pattern starts with a character set (J, F, M ...; digits), which the
# engine looks for quickly.
_EN_MONTH_START = "(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
_EN_MONTH = re.compile(_EN_MONTH_START)
_EN_MONTH_DAY = re.compile(_EN_MONTH_START + r"[a-z]*\.?\s*\d")
_EN_DAY_MONTH = re.compile(r"\d(?:st|nd|rd|th)?\s+(?:of\s+)?" + _EN_MONTH_START)
_ISO_MONTH_DAY = re.compile(r"-[01]\d-[0-3]\d")
_SLASH_DATE = re.compile(r"/(?<=\d/)[0-3]?\d/\d")  # opens with "/": "and/or", "24/7" and links are no date


def may_name_days(text: str, language: str = "en") -> bool:
    """Could ``scan(text, language)`` find a mention of a day (kind "date")? False only when it certainly finds
    none: then no rule that builds one matches anywhere in the text. Much cheaper than the scan (tens of
    microseconds), and most news articles name their days by weekday, not by date."""
    if (language or "en").lower() != "en":
        return True  # other languages: rules not covered here
    return bool(
        ("/" in text and _SLASH_DATE.search(text))
        or _ISO_MONTH_DAY.search(text)
        or _month_next_to_a_day(text)
    )


def _month_next_to_a_day(text: str) -> bool:
    """``_EN_MONTH_DAY.search(text) or _EN_DAY_MONTH.search(text)``, tried only where a month name is: the
    day-first pattern opens on a digit, and trying it at every digit took most of ``may_name_days``'s time."""
    for m in _EN_MONTH.finditer(text):  # month names cannot overlap: each opens with the only capital in it
        p = m.start()
        if _EN_MONTH_DAY.match(text, p):
            return True
        # A day before it ("30 November", "24th of May"): white space, maybe "of" and white space, back from p.
        a = p
        while a and text[a - 1].isspace():
            a -= 1
        b = a
        if text[a - 2 : a] == "of":
            b = a - 2
            while b and text[b - 1].isspace():
                b -= 1
        if a < p and _EN_DAY_MONTH.search(text, max(0, b - 3), m.end()):
            return True
    return False


# A number of 4 digits starting with 1 or 2; the [12] first lets the engine search for it quickly.
_YEAR_WORD = re.compile(r"[12](?<!\d[12])\d\d\d(?!\d)")


def _word_index(
    text: str, wanted: frozenset[str], plain: bool = False, low: str | None = None
) -> dict[str, list[tuple[int, int]]]:
    """Where each trigger word occurs as a whole word (lowercased; a word is a run of letters, or of digits), and
    "<year>" where a 1600-2099 number does: where the slower full patterns need to run. ``low``: text.lower()."""
    low = text.lower() if low is None else low
    if len(low) != len(text):
        low = text
    index: dict[str, list[tuple[int, int]]] = {}
    pattern = _trigger_pattern(wanted)
    # split() leaves the text between matches, then the word (group 1), in turn, without building a match object
    # per word; a match is one non-letter, then the word. " ": a non-letter before word one.
    parts = (_ascii(pattern) if plain else pattern).split(" " + low)
    at = -1  # where the current part starts in the text (" " + low, less one)
    for k in range(1, len(parts), 2):
        at += len(parts[k - 1]) + 1
        word = parts[k]
        index.setdefault(word, []).append((at, at + len(word)))
        at += len(word)
    years = [m.span() for m in _YEAR_WORD.finditer(low) if "1600" <= m.group() <= "2099"]
    if years:
        index["<year>"] = years
    return index


@lru_cache(maxsize=8)
def _trigger_pattern(words: frozenset[str]) -> re.Pattern:
    """Any of ``words`` (group 1) with no letter right before or after it. The words share their prefixes (a trie),
    so at each position the engine tries each letter once, and it starts with the non-letter before the word (a
    character class, which the engine searches for quickly): one pass over the text in C, not a loop over words."""
    trie: dict = {}
    for w in words:
        if not _LETTERS.fullmatch(w):  # the index's words are runs of letters, and "<year>" (found apart)
            continue
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def alternation(node: dict) -> str:
        alts = [re.escape(ch) + alternation(sub) for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else f"(?:{'|'.join(alts)})"
        return f"(?:{body})?" if "" in node else body

    return re.compile(rf"[\W\d_]({alternation(trie)})(?![^\W\d_])")


_LETTERS = re.compile(r"[^\W\d_]+")


def _plain(text: str) -> bool:
    """Is ``text`` made of ASCII characters that ASCII patterns classify as Unicode ones do (\\w, \\d, \\s, \\b)?
    \\x1c-\\x1f are the ASCII characters that only Unicode patterns read as \\s (found by memchr, not a regex)."""
    return text.isascii() and not any(c in text for c in "\x1c\x1d\x1e\x1f")


# id(pattern) -> (pattern, its twin), not a functools cache: hashing a compiled pattern hashes its whole program.
# The entry holds the pattern, so that its id stays its own.
_ASCII_TWINS: dict[int, tuple[re.Pattern, re.Pattern]] = {}


def _ascii(pattern: re.Pattern) -> re.Pattern:
    """``pattern`` compiled with re.ASCII, which the regex engine runs faster: on a ``_plain`` text it finds the
    same matches, provided the pattern has no non-ASCII letter (IGNORECASE folds "K" (Kelvin), "ſ", "ı" and "İ"
    to ASCII letters). Compiled on first use."""
    twin = _ASCII_TWINS.get(id(pattern))
    if twin is None:
        if any(not c.isascii() and c.isalpha() for c in pattern.pattern):
            twin = _ASCII_TWINS[id(pattern)] = (pattern, pattern)
        else:
            ascii_ = re.compile(pattern.pattern, pattern.flags & ~re.UNICODE | re.ASCII)
            twin = _ASCII_TWINS[id(pattern)] = (pattern, ascii_)
    return twin[1]


_WORD_END = re.compile(r"[^\W_]*")  # the rest of a word: what str.isalnum accepts


def _windows(rule, text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Merged windows around a rule's trigger words (at ``spans``, in text order)."""
    out: list[tuple[int, int]] = []
    back, fwd, n = rule.back, rule.fwd, len(text)
    for s, e in spans:
        lo, hi = s - back if s > back else 0, e + fwd if e + fwd < n else n
        if hi < n and text[hi].isalnum():  # do not cut the last word
            hi = _WORD_END.match(text, hi).end()
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], hi)
        else:
            out.append((lo, hi))
    return out


_TIME_DAY_GAP = re.compile(r"\s*(?:,|on|at|this|of)?\s*$", re.IGNORECASE)


def _merge_times(mentions: list[Mention], text: str) -> list[Mention]:
    """Join a clock time and the day next to it ("10 p.m. Wednesday", "Friday at noon") into one mention."""
    out: list[Mention] = []
    for m in mentions:
        prev = out[-1] if out else None
        if (
            prev is not None
            and {prev.kind, m.kind} & {"clock"}
            and ({prev.kind, m.kind} - {"clock"}) <= {"weekday", "relday", "date"}
            and prev.kind != m.kind
            and _TIME_DAY_GAP.match(text, prev.end, m.start)
            and len(text[prev.end : m.start]) <= 6
        ):
            clock, day = (prev, m) if prev.kind == "clock" else (m, prev)
            merged = Mention(prev.start, m.end, day.kind, dict(day.f))
            merged.f["clock"] = clock.f["clock"]
            merged.text = text[prev.start : m.end]
            out[-1] = merged
            continue
        out.append(m)
    return out


_FUTURE_CUES = {
    "en": re.compile(
        r"\b(?:will|won't|shall|'ll|would|going to|scheduled|plans? to|planned (?:to|for)|planning to|is to|are to|"
        r"expected to|likely to|set to|as soon as|is due|are due|upcoming)\b",
        re.IGNORECASE,
    ),
    # Verbs only: "próximo", "prochain", "nächste", "prossimo" qualify their own noun, not the clause.
    "es": re.compile(r"\b(?:\w+rá|\w+rán|va a|van a|prevé|previsto)\b", re.IGNORECASE),
    "fr": re.compile(r"\b(?:\w+ra|\w+ront|va|vont|prévue?s?)\b", re.IGNORECASE),
    "de": re.compile(r"\b(?:wird|werden|soll|sollen)\b", re.IGNORECASE),
    "it": re.compile(r"\b(?:\w+rà|\w+ranno|previst[oa])\b", re.IGNORECASE),
}
_CLAUSE_END = re.compile(r"[.!?;\n]")


def _tense(text: str, start: int, end: int, language: str) -> tuple[bool, bool]:
    """Is the clause around a mention about the future, or told in the past tense? A bare weekday or month then
    points forward or back."""
    lo = max(text.rfind(".", 0, start), text.rfind("\n", 0, start), text.rfind(";", 0, start), start - 120)
    m = _CLAUSE_END.search(text, end)
    hi = min(m.start() if m else len(text), end + 60)
    cues = _FUTURE_CUES.get(language, _FUTURE_CUES["en"])
    if language == "en" and _PAST_VERB_BEFORE.search(text, max(lo + 1, start - 30), start):
        return False, True  # "said Friday that it will ...": the day is when it was said
    if cues.search(text, lo + 1, hi):
        return True, False
    if language == "en" and _DEADLINE_BEFORE.search(text, max(0, start - 20), start):
        return (
            False,
            False,
        )  # "until mid-November", "by Jan. 31": deadlines may lie ahead even in a past clause
    return False, language == "en" and bool(_PAST_CLAUSE.search(text, lo + 1, hi))


_PAST_VERB_BEFORE = re.compile(
    r"\b(?:said|told|was|were|had|did|announced|reported|\w{3,}ed)\s+(?:on\s+|late\s+|early\s+|last\s+)?$",
    re.IGNORECASE,
)
_DEADLINE_BEFORE = re.compile(
    r"\b(?:until|till|by|through|before|starting|from|effective)\s+(?:early\s+|late\s+|mid-)?$", re.IGNORECASE
)
# Past tense in a clause ("said" is left out: it reports, and what it reports may lie ahead).
_PAST_CLAUSE = re.compile(
    r"\b(?:was|were|had|did|ago|came|went|took|made|gave|fell|rose|won|lost|began|left|met|saw|told|held|led|"
    r"sent|spent|paid|sold|bought|found|brought|became|struck|shot|\w{3,}ed)\b",
    re.IGNORECASE,
)


# ----------------------------------------------------------------------------------------------- pass 2: normalize

_UNIT_DAYS = {"D": 1, "W": 7}
_PART = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}


def _week(d: Date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


def _shift_month(y: int, m: int, delta: int) -> tuple[int, int]:
    k = y * 12 + (m - 1) + delta
    return k // 12, k % 12 + 1


def _safe(y: int, m: int, d: int) -> Date | None:
    try:
        return Date(y, m, d)
    except ValueError:
        return None


def _fmt_n(n: float | None) -> str:
    if n is None:
        return "X"
    return str(int(n)) if float(n).is_integer() else f"{n:g}"


def _at(value: Date, unit: str) -> str:
    """A calendar value at the granularity of ``unit``."""
    if unit in ("D", "H", "TM", "S"):
        return value.isoformat()
    if unit == "W":
        return _week(value)
    if unit == "M":
        return f"{value.year:04d}-{value.month:02d}"
    if unit == "Q":
        return f"{value.year:04d}-Q{(value.month - 1) // 3 + 1}"
    if unit == "DE":
        return f"{value.year // 10:03d}"
    if unit == "CE":
        return f"{value.year // 100:02d}"
    return f"{value.year:04d}"


def _shift(ref: Date, unit: str, n: float) -> Date | None:
    """``ref`` moved by ``n`` units (negative: back), clamped to valid days."""
    try:
        if unit in ("D", "W"):
            return ref + timedelta(days=round(n * _UNIT_DAYS[unit]))
        if unit in ("H", "TM", "S"):
            return ref
        months = {"M": 1, "Q": 3, "Y": 12, "DE": 120, "CE": 1200}[unit]
        y, m = _shift_month(ref.year, ref.month, round(n * months))
        return _safe(y, m, min(ref.day, 28)) or Date(y, m, 28)
    except (OverflowError, ValueError, KeyError):
        return None


def _duration(n: float | None, unit: str) -> str:
    """A TIMEX3 duration; quarters, decades and centuries are written in months and years, as TimeML does."""
    if unit in ("H", "TM", "S"):
        return f"PT{_fmt_n(n)}{'M' if unit == 'TM' else unit}"
    scale = {"Q": (3, "M"), "DE": (10, "Y"), "CE": (100, "Y")}.get(unit)
    if scale and n is not None:
        return f"P{_fmt_n(n * scale[0])}{scale[1]}"
    return f"P{_fmt_n(n)}{unit}"


def _year_for(month: int, day: int | None, ref: Date, future: bool, past: bool = False) -> int:
    """The year of a month (and day) without one: the occurrence nearest the reference, in the past unless the
    clause is about the future (news looks back), and firmly in the past when the clause is in the past tense."""
    best, best_cost = ref.year, None
    for y in (ref.year - 1, ref.year, ref.year + 1):
        d = _safe(y, month, day or 15) or Date(y, month, 28)
        if day is None and y == ref.year and month == ref.month:
            return y
        ahead = (d - ref).days
        cost = abs(ahead)
        if ahead > 0 and not future:
            cost += (365 if past else 90) if day is None else 120
        if ahead < 0 and future:
            cost += 60
        if best_cost is None or cost < best_cost:
            best, best_cost = y, cost
    return best


def _weekday(dow: int, ref: Date, rel: str | None, future: bool, past: bool = False) -> Date:
    """The date of a weekday named in an article published on ``ref``."""
    back = (ref.weekday() - dow) % 7
    fwd = (dow - ref.weekday()) % 7
    if rel == "last":
        return ref - timedelta(days=back or 7)
    if rel == "next":
        return ref + timedelta(days=fwd or 7)
    if rel == "this":
        return ref + timedelta(days=dow - ref.weekday())
    if future or (back == 6 and not past):  # a story of Friday that names "Saturday" means tomorrow
        return ref + timedelta(days=fwd)
    return ref - timedelta(days=back)


def _season(season: str, ref: Date, offset: int | None) -> str:
    start = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[season]
    year = ref.year
    if offset == -1:  # the most recent one that is over
        year = ref.year if ref.month >= start + 3 else ref.year - 1
    elif offset == 1:
        year = ref.year if ref.month < start else ref.year + 1
    return f"{year:04d}-{season}"


@dataclass(slots=True)
class _State:
    """What normalization remembers while it walks the text: the last quarter and the last full day named."""

    quarter: tuple[int, int] | None = None
    quarter_end: int = -(10**9)  # where the last explicit quarter was named
    last_day: tuple[Date, int, str] | None = None  # date, end offset, its value
    seen: list[Timex] = field(default_factory=list)


_NEAR = 4000  # "a year earlier" compares with the quarter named within this many characters

_APPOSITION = re.compile(r"\s*[,(–—-]?\s*(?:and\s+)?$")


def normalize(mentions: list[Mention], text: str, reference: Date | None) -> list[Timex]:
    """Timex values for ``mentions`` of ``text`` against ``reference`` (the publication date, or None)."""
    st = _State()
    out: list[Timex] = []
    for m in mentions:
        try:
            got = _value(m, text, reference, st)
        except OverflowError:  # "tomorrow" from 9999-12-31: past the calendar's end, left unresolved
            got = None
        if got is None:
            continue
        type_, value, anchor = got
        t = Timex(text[m.start : m.end], m.start, m.end, type_, value, anchor)
        out.append(t)
        if t.day is not None:
            st.last_day = (t.day, t.end, t.value[:10])
        if (
            m.kind == "quarter" and m.f.get("q") and not m.f.get("back")
        ):  # an explicit quarter, not a derived one
            st.quarter = (int(value[:4]), int(value[6])) if value[:4].isdigit() else st.quarter
            st.quarter_end = t.end
    return out


def _value(m: Mention, text: str, ref: Date | None, st: _State) -> tuple[str, str, str | None] | None:
    f, kind = m.f, m.kind
    dct = "DCT" if ref is not None else None
    if kind == "iso":
        return f.get("type", "DATE"), f["value"], None
    if kind == "ref":
        return "DATE", f["value"], None
    if kind == "set":
        return "SET", f["value"], None
    if kind == "duration":
        return _duration_value(m, text, ref, st)
    if kind == "year":
        return "DATE", f"{f['year']:04d}", None
    if kind == "decade":
        return "DATE", f"{f['year'] // 10:03d}", None
    if kind == "century":
        return "DATE", f"{f['century'] - 1:02d}", None
    if kind == "half":
        y = f.get("year") or (ref.year if ref else None)
        return "DATE", f"{y:04d}-H{f['half']}" if y else f"XXXX-H{f['half']}", None if f.get("year") else dct
    if kind == "month":
        month, year = f["month"], f.get("year")
        if year:
            return "DATE", f"{year:04d}-{month:02d}", None
        if ref is None:
            return "DATE", f"XXXX-{month:02d}", None
        direction = f.get("direction")
        if f.get("year_offset") is not None:
            return "DATE", f"{ref.year + f['year_offset']:04d}-{month:02d}", dct
        if direction == -1:  # "last April": the most recent April before this month
            y = ref.year if month < ref.month else ref.year - 1
        elif direction == 1:  # "next April"
            y = ref.year if month > ref.month else ref.year + 1
        else:
            y = ref.year if direction == 0 else _year_for(month, None, ref, m.future, m.past)
        return "DATE", f"{y:04d}-{month:02d}", dct
    if kind == "date":
        month, day, year = f["month"], f["day"], f.get("year")
        anchor = None
        if not year:
            if ref is None:
                return "DATE", f"XXXX-{month:02d}-{day:02d}", None
            year, anchor = _year_for(month, day, ref, m.future, m.past), dct
        if not _safe(year, month, day):
            return None
        return (*_with_clock(f"{year:04d}-{month:02d}-{day:02d}", f), anchor)
    if kind == "weekday":
        if ref is None:
            return "DATE", f"XXXX-WXX-{f['dow'] + 1}", None
        d = _weekday(f["dow"], ref, f.get("rel"), m.future, m.past)
        return (*_with_clock(d.isoformat(), f), dct)
    if kind == "relday":
        if ref is None:
            return ("DATE", "PRESENT_REF", None) if f["offset"] == 0 and not f.get("clock") else None
        return (*_with_clock((ref + timedelta(days=f["offset"])).isoformat(), f), dct)
    if kind == "clock":
        if ref is None:
            return "TIME", f"XXXX-XX-XXT{f['clock']}", None
        return "TIME", f"{ref.isoformat()}T{f['clock']}", dct
    if kind == "relunit":
        return _relunit(f, ref, st, m.start)
    if kind == "quarter":
        return _quarter(f, ref, st, m.future)
    if kind == "season":
        if f.get("year"):
            return "DATE", f"{f['year']:04d}-{f['season']}", None
        if ref is None:
            return "DATE", f"XXXX-{f['season']}", None
        return "DATE", _season(f["season"], ref, f.get("offset")), dct
    if kind == "holiday":
        if ref is None and not f.get("year"):
            return None
        year = f.get("year") or ref.year
        d = _holiday(f["name"], year)
        if d and not f.get("year") and ref and d > ref + timedelta(days=14) and not m.future:
            d = _holiday(f["name"], year - 1)
        return ("DATE", d.isoformat(), None if f.get("year") else dct) if d else None
    return None


def _with_clock(day: str, f: dict) -> tuple[str, str]:
    if f.get("clock"):
        return "TIME", f"{day}T{f['clock']}"
    if f.get("part"):
        return "TIME", f"{day}T{_PART[f['part']]}"
    return "DATE", day


def _relunit(f: dict, ref: Date | None, st: _State, at: int) -> tuple[str, str, str | None] | None:
    unit, offset = f["unit"], f["offset"]
    if ref is None:
        return "DATE", {"W": "XXXX-WXX", "M": "XXXX-XX", "WE": "XXXX-WXX-WE"}.get(unit, "XXXX"), None
    if unit == "WE":
        base = ref + timedelta(days=7 * offset)
        if offset == 0 and ref.weekday() < 4 and not f.get("future"):
            base = ref - timedelta(days=7)
        return "DATE", _week(base) + "-WE", "DCT"
    if unit == "Y" and offset == -1 and st.quarter and f.get("quarterly") and at - st.quarter_end < _NEAR:
        y, q = st.quarter
        return "DATE", f"{y - 1:04d}-Q{q}", "DCT"
    shifted = _shift(ref, unit, offset)
    return ("DATE", _at(shifted, unit), "DCT") if shifted else None


def _quarter(f: dict, ref: Date | None, st: _State, future: bool) -> tuple[str, str, str | None] | None:
    q, year = f.get("q"), f.get("year")
    back = f.get("back", 0)
    if q is None and year:  # "the 1988 period": the quarter under discussion, in that year
        return "DATE", f"{year:04d}-Q{st.quarter[1]}" if st.quarter else f"{year:04d}", None
    if q is None:  # "the quarter", "the latest quarter", "the year-ago period"
        if st.quarter:
            y, q = st.quarter
        elif ref is not None:
            last = _shift(ref, "Q", -1)
            y, q = last.year, (last.month - 1) // 3 + 1
        else:
            return "DATE", "XXXX-QX", None
        return "DATE", f"{y - back:04d}-Q{q}", "DCT"
    if year:
        return "DATE", f"{year:04d}-Q{q}", None
    if ref is None:
        return "DATE", f"XXXX-Q{q}", None
    y = ref.year
    if (q - 1) * 3 + 1 > ref.month and not future:
        y -= 1
    return "DATE", f"{y - back:04d}-Q{q}", "DCT"


def _duration_value(
    m: Mention, text: str, ref: Date | None, st: _State
) -> tuple[str, str, str | None] | None:
    f = m.f
    n, unit, rel = f.get("n"), f["unit"], f.get("rel")
    if rel is None:
        return "DURATION", _duration(n, unit), None
    if n is None:  # "weeks ago", "years earlier"
        return "DATE", "PAST_REF" if rel in ("ago", "earlier", "before") else "FUTURE_REF", None
    sign = -1 if rel in ("ago", "earlier", "before", "prior") else 1
    # Anchored to a date named just before: "on November 23, a day before ..." -> the day after November 23.
    if rel in ("before", "after", "earlier", "later") and st.last_day:
        day, end, value = st.last_day
        if end <= m.start and _APPOSITION.match(text, end, m.start) and m.start - end <= 4:
            moved = _shift(day, unit, -sign * n if rel in ("before", "after") else sign * n)
            if moved:
                return "DATE", _at(moved, unit), value
    if rel in ("before", "after"):
        return "DURATION", _duration(n, unit), None
    if ref is None:
        return "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", None
    if (
        unit == "Y"
        and st.quarter
        and rel in ("earlier", "ago")
        and n == 1
        and m.start - st.quarter_end < _NEAR
    ):
        y, q = st.quarter
        return "DATE", f"{y - 1:04d}-Q{q}", "DCT"
    moved = _shift(ref, unit, sign * n)
    if moved is None:
        return None
    if unit in ("H", "TM"):
        return "TIME", moved.isoformat(), "DCT"
    return "DATE", _at(moved, unit), "DCT"


def _holiday(name: str, year: int) -> Date | None:
    if name == "christmas":
        return Date(year, 12, 25)
    if name == "christmas eve":
        return Date(year, 12, 24)
    if name == "new year's day":
        return Date(year, 1, 1)
    if name == "new year's eve":
        return Date(year, 12, 31)
    if name == "independence day":
        return Date(year, 7, 4)
    if name == "thanksgiving":  # fourth Thursday of November
        first = Date(year, 11, 1)
        return first + timedelta(days=(3 - first.weekday()) % 7 + 21)
    if name == "labor day":  # first Monday of September
        first = Date(year, 9, 1)
        return first + timedelta(days=(0 - first.weekday()) % 7)
    if name == "memorial day":  # last Monday of May
        last = Date(year, 5, 31)
        return last - timedelta(days=last.weekday())
    return None


# ------------------------------------------------------------------------------------------------------- the API


def tag(text: str, reference: Date | None = None, language: str = "en") -> list[Timex]:
    """Every temporal expression of ``text``, normalized against ``reference`` (the publication date)."""
    return normalize(scan(text, language), text, reference)
