"""``dateline.brief``: one article -> a dated extractive brief, as a plain result object."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date as Date

from . import extract, ingest, pubdate
from .document import Document
from .errors import DateUnknown, NoArticleText


@dataclass(frozen=True, slots=True)
class BriefSentence:
    """A brief sentence: verbatim article text and its offsets in ``Brief.document.text``."""

    text: str
    start: int
    end: int
    source_index: int  # index of the article sentence it comes from
    score: float

    def to_dict(self) -> dict:
        return {"text": self.text, "start": self.start, "end": self.end, "source_sentence": self.source_index,
                "score": round(self.score, 4)}  # fmt: skip


@dataclass(slots=True)
class Brief:
    """A dated brief of one article, with the provenance of every sentence and of the date."""

    document: Document
    published: pubdate.PublicationDate
    paragraphs: list[list[BriefSentence]]
    method: str = extract.METHOD
    params: dict = field(default_factory=dict)

    @property
    def date(self) -> str | None:
        return self.published.value.isoformat() if self.published.value else None

    @property
    def date_source(self) -> str:
        return self.published.source

    @property
    def sentences(self) -> list[BriefSentence]:
        return [s for p in self.paragraphs for s in p]

    def to_text(self) -> str:
        from .render import brief_text

        return brief_text(self)

    def to_markdown(self) -> str:
        from .render import brief_markdown

        return brief_markdown(self)

    def to_html(self) -> str:
        from .render import brief_html

        return brief_html(self)

    def to_dict(self) -> dict:
        doc = self.document
        return {
            "date": self.date,
            "date_source": self.date_source,
            "publication_date": self.published.to_dict(),
            "title": doc.title,
            "source": doc.source,
            "url": doc.url,
            "language": doc.language,
            "paragraphs": [[s.to_dict() for s in p] for p in self.paragraphs],
            "method": self.method,
            "params": self.params,
            "article": {"text": doc.text, "words": doc.words, "sentences": len(doc.sentences)},
        }

    def render(self, fmt: str) -> str:
        import json

        if fmt == "json":
            return json.dumps(self.to_dict(), ensure_ascii=False, indent=2)
        return {"text": self.to_text, "markdown": self.to_markdown, "html": self.to_html}[fmt]()


def brief(
    source: str | Document,
    *,
    date: str | Date | None = None,
    around: str | int | Date | None = None,
    sentences: int | None = None,
    words: int | None = None,
    ratio: float | None = None,
    language: str | None = None,
    require_date: bool = False,
) -> Brief:
    """A dated brief of ``source``: article text (plain or HTML, detected), its bytes, a path, or a Document from
    ``dateline.load``.

    ``around`` (a year, month or day: "2023", "2023-11") is a reference for texts that state no year.
    """
    given = ingest.parse_date(date)
    reference = pubdate.parse_around(around)
    doc = ingest.document(source, language=language)
    published = pubdate.resolve(doc, date=given, around=reference)
    if require_date and published.value is None:
        raise DateUnknown(
            "publication date unknown: " + "; ".join(published.evidence) + " (give --date YYYY-MM-DD)"
        )
    space = extract.tfidf(doc) if doc.sentences else None
    units = extract.select(doc, sentences=sentences, words=words, ratio=ratio, space=space)
    if not units:
        raise NoArticleText("nothing to brief: no sentence with words in it that is not page furniture (a byline, "
                            "caption, link, fragment)")  # fmt: skip
    groups = extract.paragraphs(doc, units, space[0] if space else None)
    paras = [
        [BriefSentence(doc.text[u.start : u.end], u.start, u.end, u.sentence.index, u.score) for u in g]
        for g in groups
    ]
    params = {
        k: v for k, v in (("sentences", sentences), ("words", words), ("ratio", ratio)) if v is not None
    }
    return Brief(doc, published, paras, params=params or {"default": "about a third of the article"})
