"""The data model every stage reads: the article text, kept once, and spans that point into it.

Ingest builds a Document; the date layer, the extractive brief, the checker and the timeline read its sentences and
paragraphs by character offsets, so provenance and highlighting come for free (``doc.text[s.start:s.end]``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date as Date


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence: its offsets into ``Document.text``, its position, and the paragraph it belongs to."""

    index: int
    start: int
    end: int
    paragraph: int
    text: str

    def to_dict(self) -> dict:
        return {"index": self.index, "text": self.text, "start": self.start, "end": self.end}


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A source paragraph: its offsets and the half-open range of its sentence indexes."""

    index: int
    start: int
    end: int
    first: int
    last: int  # exclusive


@dataclass(frozen=True, slots=True)
class DateClue:
    """A date found outside the running text (page metadata, the URL, a JSON field) with where it came from."""

    value: Date
    source: str  # "metadata", "url", "json", "user"
    evidence: str
    latest: bool = False  # the page was updated that day: published then or before, not necessarily then


@dataclass(slots=True)
class Document:
    """An article: text once, sentences and paragraphs as offsets, and what ingest learned about it."""

    text: str
    sentences: list[Sentence]
    paragraphs: list[Paragraph]
    language: str = "en"
    title: str | None = None
    url: str | None = None
    source: str | None = None  # the path, URL or "-" it was read from
    id: str | None = None
    date_clues: list[DateClue] = field(default_factory=list)
    html: bool = False  # whether the text was extracted from HTML

    @property
    def words(self) -> int:
        return len(self.text.split())

    def paragraph_of(self, sentence: Sentence) -> Paragraph:
        return self.paragraphs[sentence.paragraph]

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "source": self.source,
            "url": self.url,
            "title": self.title,
            "language": self.language,
            "text": self.text,
            "sentences": [s.to_dict() for s in self.sentences],
            "paragraphs": [[p.start, p.end] for p in self.paragraphs],
        }
