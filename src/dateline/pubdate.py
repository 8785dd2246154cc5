"""The publication date of an article: from the user, else the page's metadata, else inferred from the text.

Every answer carries its source and evidence. Where the text does not allow a day, the answer is an interval or
nothing: a wrong date is worse than ``date unknown``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date as Date

from .document import Document
from .temporal import tag


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


def from_text(doc: Document, around: Date | None = None) -> PublicationDate:
    """First inference: the latest fully explicit date in the text is a lower bound; commit only to a day stated in
    the opening lines (a dateline such as "March 01, 2008")."""
    timexes = [t for t in tag(doc.text, around, doc.language) if t.day and "XXXX" not in t.value]
    if not timexes:
        return PublicationDate(None, "unknown", ["no explicit date in the text"])
    head = doc.sentences[1].end if len(doc.sentences) > 1 else len(doc.text)
    opening = [t for t in timexes if t.start < head and t.anchor is None]
    latest = max(timexes, key=lambda t: t.day)
    if opening:
        t = opening[0]
        return PublicationDate(
            t.day, "text", [f"date stated at the top of the article: '{t.text}'"], t.day, t.day
        )
    return PublicationDate(None, "unknown", [f"latest date in the text is '{latest.text}' ({latest.value}): a lower bound only"],
                           earliest=latest.day)  # fmt: skip


def resolve(doc: Document, *, date: Date | None = None, around: Date | None = None) -> PublicationDate:
    """user > metadata > text > unknown."""
    if date is not None:
        return PublicationDate(date, "user", [f"given by the user: {date.isoformat()}"], date, date)
    for clue in doc.date_clues:
        return PublicationDate(clue.value, clue.source if clue.source != "json" else "metadata", [clue.evidence],
                               clue.value, clue.value)  # fmt: skip
    return from_text(doc, around)
