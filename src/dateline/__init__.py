"""dateline: dated, faithful briefs and timelines of news articles.

The public API is a few functions that return plain result objects (``to_dict()`` gives their JSON); nothing prints.
Heavy dependencies load on first use, so ``import dateline`` stays fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

__version__ = "0.1.0"
__all__ = ["Document", "DatelineError", "brief", "load"]

if TYPE_CHECKING:
    from .brief import Brief
    from .document import Document

from .errors import DatelineError


def load(source, **options) -> Document:
    """A path (.txt, .html, .json), an http(s) URL or "-" (stdin) -> Document. See ``ingest.load``."""
    from .ingest import load as _load

    return _load(source, **options)


def brief(source, **options) -> Brief:
    """A dated brief of article text (plain or HTML) or of a Document. See ``brief.brief``."""
    from .brief import brief as _brief

    return _brief(source, **options)


def __getattr__(name: str):
    if name == "Document":
        from .document import Document

        return Document
    raise AttributeError(name)
