"""dateline: dated, faithful briefs and timelines of news articles.

The public API is a few functions that return plain result objects (``to_dict()`` gives their JSON); nothing prints.
Heavy dependencies load on first use, so ``import dateline`` stays fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

__version__ = "0.1.0"
__all__ = ["DatelineError", "Document", "brief", "check", "dates", "load", "timeline"]

if TYPE_CHECKING:
    from .briefing import Brief
    from .document import Document

from .errors import DatelineError


def load(source, **options) -> Document:
    """A path (.txt, .html, .json), an http(s) URL or "-" (stdin) -> Document. See ``ingest.load``."""
    from .ingest import load as _load

    return _load(source, **options)


def brief(source, **options) -> Brief:
    """A dated brief of article text (plain or HTML) or of a Document. See ``briefing.brief``."""
    from .briefing import brief as _brief

    return _brief(source, **options)


def dates(text, **options):
    """Temporal expressions and the publication date of article text or a Document. See ``pubdate.dates``."""
    from .pubdate import dates as _dates

    return _dates(text, **options)


def check(article, summary, **options):
    """Which sentences of ``summary`` does ``article`` support? See ``faithfulness.check``."""
    from .faithfulness import check as _check

    return _check(article, summary, **options)


def timeline(articles, **options):
    """The dates that matter in a collection of articles, each with what happened. See ``timelines.timeline``."""
    from .timelines import timeline as _timeline

    return _timeline(articles, **options)


def __getattr__(name: str):
    if name == "Document":
        from .document import Document

        return Document
    raise AttributeError(name)
