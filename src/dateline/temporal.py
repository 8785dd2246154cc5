"""Temporal expressions: find dates in text and normalize them (TIMEX3-style values).

First version: explicit calendar dates only ("November 23", "Nov. 15, 2023", "2023-11-30"). The full tagger
(weekdays, relative and anchored expressions, durations, languages) replaces this module's internals, not its API.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date as Date

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10,
    "nov": 11, "dec": 12,
}  # fmt: skip

_MONTH = r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?)"
_MONTH_DAY = re.compile(_MONTH + r"\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>(?:19|20)\d\d)\b)?")
_ISO = re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b")


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
        if self.type != "DATE" or len(self.value) != 10:
            return None
        try:
            return Date.fromisoformat(self.value)
        except ValueError:
            return None

    def to_dict(self) -> dict:
        return {"text": self.text, "start": self.start, "end": self.end, "type": self.type, "value": self.value,
                "anchor": self.anchor}  # fmt: skip


def _closest_year(month: int, day: int, reference: Date | None) -> tuple[str, str | None]:
    """The year of a month-day: the one that puts it nearest the reference date (news looks back, mostly)."""
    if reference is None:
        return "XXXX", None
    best = min(
        (reference.year - 1, reference.year, reference.year + 1),
        key=lambda y: (
            abs((_safe(y, month, day) or reference) - reference).days
            + (60 if _safe(y, month, day) and _safe(y, month, day) > reference else 0)
        ),
    )
    return f"{best:04d}", "DCT"


def _safe(year: int, month: int, day: int) -> Date | None:
    try:
        return Date(year, month, day)
    except ValueError:
        return None


def tag(text: str, reference: Date | None = None, language: str = "en") -> list[Timex]:
    """Every temporal expression of ``text``, normalized against ``reference`` (the publication date)."""
    found: list[Timex] = []
    for m in _ISO.finditer(text):
        if _safe(int(m["year"]), int(m["month"]), int(m["day"])):
            found.append(Timex(m[0], m.start(), m.end(), "DATE", m[0]))
    for m in _MONTH_DAY.finditer(text):
        month = MONTHS[m["month"].rstrip(".").lower()]
        day = int(m["day"])
        if m["year"]:
            year, anchor = m["year"], None
        else:
            year, anchor = _closest_year(month, day, reference)
        if year != "XXXX" and not _safe(int(year), month, day):
            continue
        found.append(Timex(m[0], m.start(), m.end(), "DATE", f"{year}-{month:02d}-{day:02d}", anchor))
    return sorted(found, key=lambda t: t.start)
