"""The publication date of an article: from the user, else the page's metadata, else inferred from the text.

Every answer carries its source and evidence. Where the text does not allow a day, the answer is an interval or
nothing: a wrong date is worse than ``date unknown``.

Inference from the text (``from_text``) combines what news prose reveals about its own date:

* explicit past dates ("November 23") are lower bounds: an article reports what already happened;
* weekday names ("said on Tuesday") point into the week before publication, and newsrooms name a day by its
  weekday when it is less than a week old and by its date otherwise, so the weekdays fall after the dated events;
* elapsed-time constraints ("the seven weeks since ... October 7") place the publication date directly;
* a reference (``around``: a year, a month or a day) gives the year of dates written without one.

It commits to a day when those bounds leave at most a few days, or when the latest date the text states reads as the
news of the day rather than background (``recency_score``: a logistic score over where and how that date is written,
fitted on Timeline17 articles outside the benchmark's sample). Otherwise it answers an interval or abstains.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date as Date
from datetime import timedelta

from .document import DateClue, Document
from .errors import UsageError
from .temporal import Mention, Timex, may_name_days, normalize, scan

MAX_COMMIT_WIDTH = 3  # commit to a day when the text bounds it to an interval of at most this many days


@dataclass(slots=True)
class PublicationDate:
    """When an article was published, how we know (``source``), and the evidence for it."""

    value: Date | None
    source: str  # "user", "metadata", "text" or "unknown"
    evidence: list[str] = field(default_factory=list)
    earliest: Date | None = None
    latest: Date | None = None

    def to_dict(self) -> dict:
        iso = lambda d: d.isoformat() if d else None  # noqa: E731
        return {"value": iso(self.value), "earliest": iso(self.earliest), "latest": iso(self.latest),
                "source": self.source, "evidence": list(self.evidence)}  # fmt: skip


# ------------------------------------------------------------------------------------------------ reference dates


def parse_around(value: str | int | Date | None) -> tuple[Date, Date] | None:
    """``--around`` as an interval: "2023" -> the year, "2023-11" -> the month, "2023-11-30" -> that day."""
    if value is None:
        return None
    if isinstance(value, Date):
        return value, value
    text = str(value).strip()
    m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", text)
    try:
        if not m:
            raise ValueError
        y = int(m[1])
        if m[3]:
            d = Date(y, int(m[2]), int(m[3]))
            return d, d
        if m[2]:
            first = Date(y, int(m[2]), 1)
            nxt = Date(y + (first.month == 12), first.month % 12 + 1, 1)
            return first, nxt - timedelta(days=1)
        return Date(y, 1, 1), Date(y, 12, 31)
    except ValueError:
        raise UsageError(f"malformed --around '{value}': expected YYYY, YYYY-MM or YYYY-MM-DD") from None


# ----------------------------------------------------------------------------------------------- text inference


@dataclass(slots=True)
class _Bounds:
    lo: Date | None = None
    hi: Date | None = None
    evidence: list[str] = field(default_factory=list)
    text_hi: bool = False  # whether the upper bound comes from the text, not from the reference

    def at_least(self, d: Date, why: str) -> None:
        if self.lo is None or d > self.lo:
            self.lo = d
            self.evidence.append(why)

    def at_most(self, d: Date, why: str) -> None:
        if self.hi is None or d < self.hi:
            self.hi = d
            self.text_hi = True
            self.evidence.append(why)


_SINCE = re.compile(r"\s+(?:since|after|from)\b", re.IGNORECASE)
_UNIT_DAYS = {"D": 1, "W": 7, "M": 30, "Y": 365}


def _wrap_months(mentions: list[Mention]) -> set[int]:
    """Months of dates written without a year that belong to the year *before* the reference year: when the
    months mentioned wrap around New Year ("Nov. 25" ... "Jan. 14"), the late ones are last year's."""
    months = sorted({m.f["month"] for m in mentions if m.kind == "date" and not m.f.get("year")})
    if len(months) < 2:
        return set()
    gaps = [((months[(i + 1) % len(months)] - months[i]) % 12, i) for i in range(len(months))]
    _, i = max(gaps)
    first = months[(i + 1) % len(months)]  # the chronological first month after the largest gap
    return {mo for mo in months if mo >= first} if first > months[i] else set()


def _day_of(m: Mention, year_hint: int | None, last_year: set[int] | frozenset = frozenset()) -> Date | None:
    year = m.f.get("year") or (year_hint - (m.f.get("month") in last_year) if year_hint else None)
    if not year or m.kind != "date":
        return None
    try:
        return Date(year, m.f["month"], m.f["day"])
    except ValueError:
        return None


def _year_hint(around: tuple[Date, Date] | None) -> int | None:
    """The year of dates written without one: the reference's. Without a reference it stays unknown: the years
    an article mentions are often not its own (history, anniversaries), so yearless dates then place nothing."""
    return around[1].year if around else None


# What follows the date of a dateline: the agency and a dash ("Aug 30, 2011 (Reuters) - ", "March 3, 2025 — ").
_DATELINE_END = re.compile(r"\s*(?:\([A-Za-z .&-]{1,30}\)\s*)?(?:[-—–]{1,2}|:)\s")
# "Updated October 7, 2022" at the top of a page: when the story last changed, so it was published on or before.
# Only as a stamp: the word opening its line or after a "|" ("GDP figures revised on March 3" is news).
_UPDATED = re.compile(
    r"(?:^|\|)[ \t]*(?:last[ \t]+)?(?:updated|modified)(?:[ \t]+(?:on|at))?[ \t]*:?[ \t]*$", re.I | re.M
)


def from_text(
    doc: Document | str,
    around: Date | tuple[Date, Date] | None = None,
    language: str | None = None,
    *,
    commit_score: float | None = None,
) -> PublicationDate:
    """The publication date as far as the text shows it (see the module docstring), with its evidence.
    ``commit_score`` is the recency score above which the latest stated date is taken as the day (default
    ``RECENT_THRESHOLD``; above 1 only the text's bounds commit)."""
    text = doc.text if isinstance(doc, Document) else doc
    lang = language or (doc.language if isinstance(doc, Document) else "en")
    if not may_name_days(text, lang):
        # Every step below starts from a dated mention: without one the answer is this one, whatever the rest of
        # the text says, and a cheap test tells it for most articles without the scan.
        return PublicationDate(None, "unknown", ["no dated event in the text"])
    ref = parse_around(around) if isinstance(around, Date) else around
    mentions = scan(text, lang)
    hint = _year_hint(ref)
    b = _Bounds()  # the reference only dates yearless mentions: it bounds nothing ("around" is approximate)
    # 0. A dateline: a full date (with its year) stated in the opening lines, as wire and WikiNews stories do.
    head = _opening(doc if isinstance(doc, Document) else None, text)
    # Where an update stamp's date starts: it bounds the publication from above and is no stated day after this.
    updated: set[int] = set()
    for m in mentions:
        if m.start >= head:
            break
        # The tense of the story's first sentence says nothing of a date in its dateline ("ALGIERS, Aug 30, 2011
        # (Reuters) - Algeria is to close ...") or in a time stamp heading the page ("ALGIERS | Tue Aug 30, 2011
        # 6:02 am EDT"): only a date inside the sentence can be a future one.
        dateline = m.start < 30 or _DATELINE_END.match(text, m.end) is not None
        d = _day_of(m, None) if m.f.get("year") and (dateline or not m.future) else None
        if d and _UPDATED.search(text, max(0, m.start - 30), m.start):
            b.at_most(d, f"updated on a date stated at the top: '{_quote(text, m)}' ({d.isoformat()})")
            updated.add(m.start)
        elif d:
            why = f"date stated at the top of the article: '{_quote(text, m)}'"
            return PublicationDate(d, "text", [why], d, d)
    if updated:
        mentions = [m for m in mentions if m.start not in updated]
    # 1. Explicit past dates are lower bounds.
    wrap = _wrap_months(mentions) if hint else set()
    stated = stated_days(text, mentions, hint, wrap)
    dated = [(d, m) for d, ms in stated.items() for m in ms if m.past]
    latest_dated = max(dated, key=lambda x: x[0]) if dated else None
    if latest_dated:
        d, m = latest_dated
        b.at_least(d, f"latest date in the text: '{m.text or text[m.start : m.end]}' ({d.isoformat()})")
    # 2. "N units since <date>" places the publication date N to N+1 units after that date.
    for i, m in enumerate(mentions):
        if m.kind != "duration" or m.f.get("rel") or m.f.get("n") is None or m.f["unit"] not in _UNIT_DAYS:
            continue
        if not _SINCE.match(text, m.end):
            continue
        for nxt in mentions[i + 1 : i + 4]:
            d = _day_of(nxt, hint, wrap)
            if d and nxt.start - m.end <= 80:
                span = _UNIT_DAYS[m.f["unit"]]
                n = int(m.f["n"])
                quote = f"'{text[m.start : m.end]} since ... {text[nxt.start : nxt.end]}'"
                b.at_least(d + timedelta(days=n * span), f"{quote}: at least {n * span} days after {d}")
                b.at_most(
                    d + timedelta(days=(n + 1) * span - 1), f"{quote}: less than {(n + 1) * span} days after"
                )
                break
    # 3. A relative expression next to a date names the same time: "yesterday, Nov. 23" puts publication on
    #    Nov. 24, "last week, on Oct. 23" in the week after Oct. 23's, "Friday, Aug. 7" within the week after it.
    for i, m in enumerate(mentions):
        d = _day_of(m, hint, wrap) if m.kind == "date" else None
        if d is None:
            continue
        if m.f.get("dow") is not None and m.f["dow"] == d.weekday() and not m.future and not m.f.get("year"):
            b.at_least(d, f"'{_quote(text, m)}' names the weekday of a day in the past week")
            b.at_most(
                d + timedelta(days=6), f"'{_quote(text, m)}' is named by its weekday: less than a week old"
            )
        for other in mentions[max(0, i - 1) : i + 2]:
            if other is m or not _adjacent(text, m, other):
                continue
            _same_time(b, text, d, m, other)
    # 4. Weekdays. "X said on Tuesday that ... on November 23": the day something was said comes after the dates
    #    it reports, so that Tuesday is the first one on or after November 23.
    weekdays = [m for m in mentions if m.kind == "weekday" and not m.future and not m.f.get("rel")]
    for w in weekdays:
        if not _SAID_ON.search(text, max(0, w.start - 25), w.start):
            continue
        lo, hi = _sentence(text, w.start)
        reported = [d for d, m in dated if lo <= m.start < hi and m is not w]
        if reported:
            d = max(reported)
            day = d + timedelta(days=(w.f["dow"] - d.weekday()) % 7)
            b.at_least(
                day, f"'{_quote(text, w)}' reports '{d.isoformat()}' in the same sentence: on or after it"
            )
    # 5. Within a bounded interval, prefer the days for which every weekday named falls after the dated events
    # (newsrooms name a day by its weekday when it is less than a week old, by its date otherwise).
    event = None
    if weekdays and latest_dated and b.lo and b.hi and b.text_hi and b.lo <= b.hi:
        fits = [b.lo + timedelta(days=k) for k in range((b.hi - b.lo).days + 1)]
        fits = [p for p in fits if all(_weekday_before(w.f["dow"], p) > latest_dated[0] for w in weekdays)]
        if fits:
            names = ", ".join(sorted({_quote(text, w) for w in weekdays}))
            b.at_least(fits[0], f"weekdays ({names}) fall after the latest dated event")
            b.at_most(fits[-1], f"weekdays ({names}) fall after the latest dated event")
        event = max(_weekday_before(w.f["dow"], b.lo) for w in weekdays)
    if b.lo is None and hint is None:
        yearless = [m for m in mentions if m.kind == "date" and m.past and not m.f.get("year")]
        if yearless:
            b.evidence.append(
                f"the text's dates do not state their year (e.g. '{_quote(text, yearless[-1])}'): "
                "a reference year (--around YYYY) would place them"
            )
    recent = lambda: _recent_day(text, mentions, stated, hint, commit_score)  # noqa: E731 (only when needed)
    return _conclude(b, event, latest_dated is not None or b.text_hi, recent)


# Words before a date that make it a deadline or a schedule ("payable Dec. 1", "until Nov. 15", "set for May 2").
_AHEAD_WORDS = frozenset(
    "by until till through before effective payable due expire expires expiring scheduled starting beginning from "
    "to deadline planned next record".split()
)
_AHEAD_PAIRS = frozenset({"set for", "slated for"})
_WORD_TAIL = re.compile(r"[A-Za-z]+|[^\sA-Za-z]")


def _ahead(text: str, m: Mention) -> bool:
    """Is a dated mention a deadline or a schedule ("payable Dec. 1", "until Nov. 15")? Those may lie ahead.
    Reads the words just before it (at most one "on"/"the" between): cheaper than a regex searched backwards."""
    window = text[max(0, m.start - 30) : m.start]
    if not window[-1:].isspace():
        return False
    words = _WORD_TAIL.findall(window.lower())
    if words and words[-1] in ("on", "the"):
        words.pop()
    if not words:
        return False
    return words[-1] in _AHEAD_WORDS or " ".join(words[-2:]) in _AHEAD_PAIRS


_SAID_ON = re.compile(
    r"\b(?:said|says|told|announced|reported|confirmed|stated|added|noted|acknowledged|disclosed)\s+(?:on\s+)?$",
    re.IGNORECASE,
)


def _sentence(text: str, at: int) -> tuple[int, int]:
    lo = max(text.rfind(". ", 0, at), text.rfind("\n", 0, at)) + 1
    m = re.compile(r"[.!?](?:\s|$)|\n").search(text, at)
    return lo, m.end() if m else len(text)


def _quote(text: str, m: Mention) -> str:
    return text[m.start : m.end]


def _opening(doc: Document | None, text: str) -> int:
    """Where the opening lines end: the first two sentences, or the first two lines, at most 300 characters."""
    if doc is not None and len(doc.sentences) > 1:
        end = doc.sentences[1].end
    else:
        first = text.find("\n", text.find("\n") + 1)
        end = first if first > 0 else len(text)
    return min(end, 300)


def _adjacent(text: str, a: Mention, b: Mention) -> bool:
    """Two mentions side by side in one clause: "yesterday (Nov. 23)", "last week, on Oct. 23"."""
    lo, hi = (a, b) if a.end <= b.start else (b, a)
    gap = text[lo.end : hi.start]
    return len(gap) <= 6 and bool(re.fullmatch(r"[\s,(–—-]*(?:on\s+|,\s*)?[\s(]*", gap))


def _same_time(b: _Bounds, text: str, d: Date, date_m: Mention, rel: Mention) -> None:
    """Bounds on the publication date from a relative expression that names the same time as the date ``d``."""
    why = f"'{_quote(text, rel)}' next to '{_quote(text, date_m)}'"
    f = rel.f
    if rel.kind == "relday" and f["offset"] in (0, -1, -2):
        day = d - timedelta(days=f["offset"])
        b.at_least(day, why)
        b.at_most(day, why)
    elif rel.kind == "relunit" and f["unit"] in ("W", "M") and f["offset"] in (0, -1):
        if f["unit"] == "W":
            monday = d - timedelta(days=d.weekday()) - timedelta(days=7 * f["offset"])
            b.at_least(max(monday, d), why)
            b.at_most(monday + timedelta(days=6), why)
        else:
            y, mo = (d.year, d.month + 1) if f["offset"] == -1 else (d.year, d.month)
            y, mo = (y + 1, 1) if mo == 13 else (y, mo)
            first = Date(y, mo, 1)
            nxt = Date(y + (mo == 12), mo % 12 + 1, 1)
            b.at_least(max(first, d), why)
            b.at_most(nxt - timedelta(days=1), why)
    elif rel.kind == "weekday" and not f.get("rel") and f["dow"] == d.weekday():
        b.at_least(d, why)
        b.at_most(d + timedelta(days=6), why)


def _weekday_before(dow: int, p: Date) -> Date:
    return p - timedelta(days=(p.weekday() - dow) % 7)


def _conclude(
    b: _Bounds, event: Date | None, informative: bool, recent_day: Callable[[], tuple[Date, str] | None]
) -> PublicationDate:
    if b.hi is not None and b.lo is not None and b.hi < b.lo:
        return PublicationDate(None, "unknown", ["the text's date clues contradict each other", *b.evidence])
    if informative and b.lo is not None and b.hi is not None and (b.hi - b.lo).days + 1 <= MAX_COMMIT_WIDTH:
        # Inside a narrow interval, news appears the day after its latest weekday-named event.
        value = min(max(event + timedelta(days=1), b.lo), b.hi) if event else b.lo
        return PublicationDate(value, "text", b.evidence, b.lo, b.hi)
    recent = recent_day()
    if recent and (b.lo is None or recent[0] >= b.lo) and (b.hi is None or recent[0] <= b.hi):
        return PublicationDate(recent[0], "text", [*b.evidence, recent[1]], b.lo, b.hi)
    if not informative or b.lo is None:
        return PublicationDate(None, "unknown", b.evidence or ["no dated event in the text"], b.lo, b.hi)
    return PublicationDate(None, "unknown", b.evidence, b.lo, b.hi)


# ------------------------------------------------------------------------------- is the latest date the news?

# News states the day of its main event by date in captions, ledes and wire copy, but most dates in an article are
# background ("the April 20 explosion", "the quarter ended Sept. 30"), and the days of the past week are named by
# their weekday. These features say which of the two the latest stated date is; the weights are a logistic
# regression fitted by `python benchmarks/pubdate.py --fit` on Timeline17 articles outside the benchmark's sample
# (label: the publication date within a day of that date), and the threshold is the lowest whose precision on that
# fit split is at least 70 % within a day and 90 % within a week.
RECENT_WEIGHTS = {
    "lede": 1.548, "position": -0.127, "times_stated": 0.891, "has_year": 1.969, "other_year": -3.609,
    "has_weekday": -0.312, "weekdays_named": -0.475, "its_weekday_named": 1.38, "its_weekday_share": 0.693,
    "its_weekday_nearby": 0.513, "gap_to_previous": -0.094, "dates_stated": 0.59, "after_since": -1.19,
    "on": -1.275, "landmark": -1.673, "today": -0.338, "yesterday": -0.071,
}  # fmt: skip
RECENT_BIAS = -3.018
RECENT_THRESHOLD = 0.7

_BACKGROUND_BEFORE = re.compile(
    r"\b(?:since|after|before|ended|ending|through|as of|from|until|till|between)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_ON_BEFORE = re.compile(r"\bon\s+$", re.IGNORECASE)
_OWNER_BEFORE = re.compile(r"\b(?:the|its|his|her|their|[A-Za-z]+ 's)\s+$", re.IGNORECASE)
# "the April 20 explosion", "the Aug. 7 bombings": a date naming an event, as one names a landmark of the story
_LANDMARK_AFTER = re.compile(
    r"\s*(?:,\s*\d{4}\s*,?\s*)?(?:[a-z]+ )?(?:attacks?|bombings?|explosion|blast|blowout|earthquake|quake|killing|"
    r"slaying|shooting|elections?|vote|referendum|uprising|revolution|invasion|crash|disaster|spill|massacre|"
    r"statement|report|meeting|hearing|deadline|speech|letter|memo|summit|accord|agreement|ceasefire|protests?|"
    r"riots?|raid|strike|coup|incident|tragedy|hurricane|storm|fire|flood|tsunami)\b"
)


def stated_days(
    text: str, mentions: list[Mention], hint: int | None, wrap: set[int] | None = None
) -> dict[Date, list[Mention]]:
    """The days the text states that are not ahead of it (no future clause, no deadline), with their mentions in
    text order. ``hint`` is the year of dates written without one; ``wrap`` the months of last year's."""
    wrap = (_wrap_months(mentions) if hint else set()) if wrap is None else wrap
    by_day: dict[Date, list[Mention]] = {}
    for m in mentions:
        if m.kind == "date" and not m.future and (d := _day_of(m, hint, wrap)) and not _ahead(text, m):
            by_day.setdefault(d, []).append(m)
    return by_day


def recency_features(
    text: str, mentions: list[Mention], by_day: dict[Date, list[Mention]], hint: int | None
) -> tuple[Date, Mention, dict[str, float]] | None:
    """The latest of the days the text states (``stated_days``), its first mention, and what says whether it
    is the news of the day. ``hint``: the reference year."""
    if not by_day:
        return None
    days = sorted(by_day)
    day, mine = days[-1], by_day[days[-1]]
    weekdays = [m for m in mentions if m.kind == "weekday" and not m.future]
    named = {w.f["dow"] for w in weekdays if not w.f.get("rel")}
    near = lambda a, b: abs(a.start - b.start) < 250  # noqa: E731
    features = {
        "lede": float(mine[0].start < 400),
        "position": mine[0].start / max(1, len(text)),
        "times_stated": math.log1p(len(mine)),
        "has_year": float(any(m.f.get("year") for m in mine)),
        "other_year": float(hint is not None and day.year != hint),
        "has_weekday": float(any(m.f.get("dow") is not None for m in mine)),
        "weekdays_named": math.log1p(len(weekdays)),
        "its_weekday_named": float(day.weekday() in named),
        "its_weekday_share": sum(w.f["dow"] == day.weekday() for w in weekdays) / len(weekdays) if weekdays else 0.0,
        "its_weekday_nearby": float(any(w.f["dow"] == day.weekday() and near(w, m) for w in weekdays for m in mine)),
        "gap_to_previous": math.log1p((day - days[-2]).days) if len(days) > 1 else 0.0,
        "dates_stated": math.log1p(len(days)),
        "after_since": float(any(_BACKGROUND_BEFORE.search(text, max(0, m.start - 15), m.start) for m in mine)),
        "on": float(any(_ON_BEFORE.search(text, max(0, m.start - 4), m.start) for m in mine)),
        "landmark": float(
            any(_OWNER_BEFORE.search(text, max(0, m.start - 16), m.start) or _LANDMARK_AFTER.match(text, m.end)
                for m in mine)
        ),
        "today": float(any(m.kind == "relday" and m.f.get("offset") == 0 for m in mentions)),
        "yesterday": float(any(m.kind == "relday" and m.f.get("offset") == -1 for m in mentions)),
    }  # fmt: skip
    return day, mine[0], features


def recency_score(features: dict) -> float:
    z = RECENT_BIAS + sum(RECENT_WEIGHTS[k] * v for k, v in features.items())
    return 1.0 / (1.0 + math.exp(-z))


def _recent_day(
    text: str, mentions: list[Mention], stated: dict[Date, list[Mention]], hint: int | None, commit_score
) -> tuple[Date, str] | None:
    """The latest stated day and the evidence for it, when its recency score clears the threshold."""
    threshold = RECENT_THRESHOLD if commit_score is None else commit_score
    if threshold > 1:
        return None
    found = recency_features(text, mentions, stated, hint)
    if found is None:
        return None
    day, mention, features = found
    score = recency_score(features)
    if score < threshold:
        return None
    why = (
        f"the latest date stated, '{_quote(text, mention)}' ({day.isoformat()}), reads as the news of the day "
        f"(recency score {score:.2f} >= {threshold:.2f}): published on it or a day after"
    )
    return day, why


# ---------------------------------------------------------------------------------------------------- resolution


def resolve(
    doc: Document, *, date: Date | None = None, around: Date | tuple | str | None = None
) -> PublicationDate:
    """user > metadata (unless the text contradicts it) > text > unknown."""
    if date is not None:
        return PublicationDate(date, "user", [f"given by the user: {date.isoformat()}"], date, date)
    ref = around if isinstance(around, tuple) else parse_around(around)
    inferred: PublicationDate | None = None
    for clue in doc.date_clues:
        if clue.latest:
            return _updated_by(doc, clue, ref)
        source = "user" if clue.source == "user" else "metadata"
        # A January 1 date often stands for "some time that year" (a copyright line): read the text in that year
        # and see whether it contradicts the day. Other dates are checked against the text's own full dates.
        new_year = (clue.value.month, clue.value.day) == (1, 1)
        inferred = inferred or from_text(
            doc, ref or (parse_around(f"{clue.value.year:04d}") if new_year else None)
        )
        floor = inferred.earliest  # the text's own lower bound, which metadata must not contradict
        if floor and clue.value < floor - timedelta(days=1):
            why = "a January 1 date (copyright-like)" if new_year else "a date"
            inferred.evidence.insert(
                0, f"metadata {clue.value.isoformat()} rejected: {why} earlier than the text's own dates"
            )
            continue
        return PublicationDate(clue.value, source, [clue.evidence], clue.value, clue.value)
    return inferred or from_text(doc, ref)


def _updated_by(doc: Document, clue: DateClue, ref: tuple[Date, Date] | None) -> PublicationDate:
    """The date when the page says only when it was last updated: the text's, read in the year before that day
    (the story is no newer); when the text names no day, unknown, and no later than the update."""
    inferred = from_text(doc, ref or (clue.value - timedelta(days=364), clue.value))
    evidence = [*inferred.evidence, clue.evidence]
    if inferred.value is not None:  # (a day after the update would be the text's own reading: it stands)
        return PublicationDate(inferred.value, inferred.source, evidence, inferred.earliest, inferred.latest)
    latest = min(inferred.latest, clue.value) if inferred.latest else clue.value
    return PublicationDate(None, "unknown", evidence, inferred.earliest, latest)


# ------------------------------------------------------------------------------------------------------- the API


@dataclass(slots=True)
class DatesResult:
    """The temporal expressions of an article and its publication date."""

    publication_date: PublicationDate
    timexes: list[Timex]
    text: str = ""

    def to_dict(self) -> dict:
        return {
            "publication_date": self.publication_date.to_dict(),
            "timexes": [t.to_dict() for t in self.timexes],
        }

    def to_text(self) -> str:
        p = self.publication_date
        if p.value:
            head = f"date {p.value.isoformat()} ({p.source})"
        elif p.earliest or p.latest:
            head = f"date unknown, between {p.earliest or '?'} and {p.latest or '?'}"
        else:
            head = "date unknown"
        lines = [head, *(f"  evidence: {e}" for e in p.evidence), ""]
        lines += [f"{t.start}-{t.end}\t{t.type}\t{t.value}\t{t.text}" for t in self.timexes]
        return "\n".join(lines) + "\n"


def dates(
    source: str | Document,
    *,
    date: Date | str | None = None,
    around: Date | str | int | None = None,
    language: str | None = None,
) -> DatesResult:
    """Every temporal expression of ``source`` (text, HTML or a Document) and its publication date."""
    from . import ingest

    doc = ingest.document(source, language=language)
    given = ingest.parse_date(date, what="--date")
    ref = parse_around(around)
    published = resolve(doc, date=given, around=ref)
    reference = published.value or (ref[0] if ref and ref[0] == ref[1] else None)
    lang = language or doc.language
    timexes = normalize(scan(doc.text, lang), doc.text, reference)
    if reference is None and ref and ref[0].year == ref[1].year:
        # No day to count from, but the year is known: "Aug 30" is that year's (not "yesterday", which needs a day).
        year = f"{ref[0].year:04d}"
        timexes = [replace(t, value=year + t.value[4:], anchor="around") if _YEARLESS.match(t.value) else t
                   for t in timexes]  # fmt: skip
    return DatesResult(published, timexes, doc.text)


_YEARLESS = re.compile(r"XXXX-\d\d(?:-\d\d)?(?:T|$)")
