"""Renderers: result objects -> text, Markdown and HTML. The JSON form is each object's own ``to_dict``."""

from __future__ import annotations

import html as _html
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .briefing import Brief

PAGE_CSS = """
body{font:16px/1.5 system-ui,-apple-system,Segoe UI,sans-serif;margin:0;color:#1d1d1f;background:#fafafa}
header{padding:1rem 2rem;background:#14213d;color:#fff}header h1{margin:0;font-size:1.3rem}
main{padding:1rem 2rem;max-width:80rem;margin:auto}.meta{color:#666;font-size:.9rem}
.cols{display:grid;grid-template-columns:1fr 1fr;gap:2rem}.cols>section{background:#fff;padding:1rem 1.5rem;
border:1px solid #ddd;border-radius:8px}mark{background:#fff3a8;border-radius:3px}
"""


def escape(text: str) -> str:
    return _html.escape(text, quote=True)


def page(title: str, body: str, *, css: str = "") -> str:
    """One self-contained HTML page (no external assets), shared by every HTML output."""
    return (
        f'<!doctype html>\n<html lang="en"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width,initial-scale=1">'
        f"<title>{escape(title)}</title><style>{PAGE_CSS}{css}</style></head>\n<body>{body}</body></html>\n"
    )


def date_line(value: str | None) -> str:
    return f"date {value}" if value else "date unknown"


def brief_text(b: Brief) -> str:
    """The seed's form: a date line, a blank line, paragraphs separated by blank lines."""
    paras = [" ".join(s.text for s in p) for p in b.paragraphs]
    return "\n\n".join([date_line(b.date), *paras]) + "\n"


# Markdown's inline marks (and raw HTML's "<"): backslash-escaped, article text renders as itself, never as emphasis,
# a link or a tag ("*Shares*", "<script>"). A list marker or "#" opening a paragraph would make it a list or heading.
_MD_INLINE = str.maketrans({c: "\\" + c for c in "\\`*_[]<>|~#"})
_MD_BLOCK = re.compile(r"^(\d{1,9})([.)])(?=\s|$)|^([-+=])(?=\s|$)")


_MD_ENTITY = re.compile(r"&(?=#?\w+;)")  # "&lt;" in the text would render as "<"


def md_escape(text: str) -> str:
    """``text`` as Markdown that renders as the text itself, on one line (white space unified: a hard-wrapped line
    opening with "+ 5" would start a list)."""
    text = _MD_ENTITY.sub(r"\\&", " ".join(text.split()).translate(_MD_INLINE))
    return _MD_BLOCK.sub(lambda m: f"{m[1]}\\{m[2]}" if m[1] else f"\\{m[3]}", text)


_URL_UNSAFE = str.maketrans({c: f"%{ord(c):02X}" for c in " ()<>"})


def md_url(url: str) -> str:
    """A URL safe inside a Markdown link's parentheses."""
    return url.translate(_URL_UNSAFE)


def brief_markdown(b: Brief) -> str:
    doc = b.document
    head = f"## {md_escape(doc.title or 'Brief')}\n\n*{b.date or 'date unknown'}*"
    if doc.url:
        head += f" · [source]({md_url(doc.url)})"
    paras = [md_escape(" ".join(s.text for s in p)) for p in b.paragraphs]
    return "\n\n".join([head, *paras]) + "\n"


def brief_html(b: Brief) -> str:
    """The article with the brief's sentences highlighted beside the brief."""
    doc = b.document
    marks = sorted((s.start, s.end) for s in b.sentences)
    parts, pos = [], 0
    for start, end in marks:
        parts.append(escape(doc.text[pos:start]))
        parts.append(f"<mark>{escape(doc.text[start:end])}</mark>")
        pos = end
    parts.append(escape(doc.text[pos:]))
    article = "".join(parts).replace("\n\n", "</p><p>").replace("\n", "<br>")
    brief = "".join(f"<p>{escape(' '.join(s.text for s in p))}</p>" for p in b.paragraphs)
    body = (
        f"<header><h1>{escape(doc.title or 'Brief')}</h1></header><main>"
        f'<p class="meta">{escape(date_line(b.date))} · source: {escape(b.date_source)}</p>'
        f'<div class="cols"><section><h2>Brief</h2>{brief}</section>'
        f"<section><h2>Article</h2><p>{article}</p></section></div></main>"
    )
    return page(doc.title or "dateline brief", body)
