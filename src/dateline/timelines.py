"""Timeline summarization: many articles about a story -> the dates that matter, each with what happened.

The method follows DATEWISE (Gholipour Ghalandari & Ifrim, ACL 2020): events are dated by the dates the sentences
themselves mention ("on October 27, warplanes struck..." belongs to 2023-10-27 whatever the publication date), the
dates are ranked by how many articles mention them (those looking back at a date count twice) and how much was
published on them, and each chosen date is summarized by the candidate sentences closest to the centroid of
everything said about that date and to the story's vocabulary. The weights (``Settings``) are chosen by
leave-one-topic-out cross-validation on Timeline17 (``benchmarks/timeline.py``).

The input is streamed once: per article we keep only counts, the sentences that are candidates for a date (capped
per date) and a compact word set for deduplication, so memory stays bounded on thousands of articles. Near-duplicate
articles (wire copies, rewrites; MinHash LSH in ``dedup``) are linked to the first one, so a sentence of either
cites them all; near-identical sentences of one date are merged into one sentence with all their sources.
"""

from __future__ import annotations

import bisect
import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date as Date
from datetime import timedelta

import numpy as np

from . import dedup
from .collection import Skipped
from .document import Document
from .errors import DatelineError, UsageError
from .extract import sentence_words
from .ingest import parse_date
from .segment import dateline_prefix, furniture

LEAD_MAX = 10  # undated sentences kept as candidates for the publication day: at most this close to the top
MAX_CANDIDATES = 300  # per date and kind: bounds memory on huge collections
# Sentence lengths in words: shorter is a fragment; longer than MAX_WORDS only when nothing else is there.
MIN_WORDS, IDEAL_WORDS, MAX_WORDS = 6, 22, 60
TOPIC_WORDS = 100  # the story's vocabulary: its most frequent content words, with their frequencies
SMALL = 3  # up to this many articles: list every dated event they mention, nothing dated by publication
DASHES = "-" * 32  # tilse's separator line
_COMPLETE = re.compile(r"""[.!?…"'”’»)]\s*$""")  # a sentence, not a headline


@dataclass(frozen=True, slots=True)
class Settings:
    """The method's constants. ``benchmarks/timeline.py`` chooses the weights by leave-one-topic-out
    cross-validation on Timeline17 over a small grid and reports the held-out scores; the defaults are the grid's
    choice on all topics."""

    # Date score: a weighted count of the articles that mention the date (any time, and after it passed: looking
    # back at it is what makes a date matter) and of the articles published on it and the day after (coverage;
    # news reports yesterday's events).
    mentions: float = 1.0
    later: float = 1.0
    published: float = 0.5
    next_day: float = 0.5
    # Sentences for a date: those that mention it, and the undated opening sentences (the first ``lead``) of the
    # articles published on it and on the ``lead_days - 1`` days after.
    lead: int = 5
    lead_days: int = 2
    lead_weight: float = 1.0  # weight of an opening sentence in the date's centroid (a mention counts 1)
    keywords: int = 5  # the collection's most frequent content words: sentences naming one come first
    redundancy: float = 0.3  # a sentence this similar (cosine) to one chosen for the date adds nothing
    # Sentence score: cosine with the date's centroid + these weights.
    story: float = 0.6  # cosine with the whole story's vocabulary
    support: float = 0.3  # log of the number of other articles carrying the sentence
    position: float = 0.01  # penalty per sentence from the article's top (capped at 20)
    length: float = 0.1  # penalty per IDEAL_WORDS of distance from IDEAL_WORDS
    too_long: float = 0.3  # penalty for longer than MAX_WORDS


DEFAULT = Settings()


@dataclass(slots=True)
class Article:
    """What the timeline remembers of an input article: where it came from and its near-duplicates."""

    id: str
    date: Date
    title: str | None = None
    url: str | None = None
    source: str | None = None
    original: str | None = None  # the earlier article this one copies or rewrites
    copies: list[str] = field(default_factory=list)  # ids of the later articles that copy or rewrite this one

    def family(self) -> list[str]:
        return [self.id, *self.copies]

    def to_dict(self) -> dict:
        return {"id": self.id, "date": self.date.isoformat(), "title": self.title, "url": self.url,
                "source": self.source, "copy_of": self.original, "copies": list(self.copies)}  # fmt: skip


@dataclass(slots=True)
class TimelineSentence:
    """A sentence of an entry: its text, the article it was taken from and every article that carries it."""

    text: str
    id: str
    sources: list[str]
    published: Date
    dated_by: str  # "mention" (the sentence names the date) or "publication" (it was published that day)

    def to_dict(self) -> dict:
        return {"text": self.text, "id": self.id, "sources": list(self.sources),
                "published": self.published.isoformat(), "dated_by": self.dated_by}  # fmt: skip


@dataclass(slots=True)
class Entry:
    date: Date
    sentences: list[TimelineSentence]
    score: float
    mentions: int  # articles that mention the date
    published: int  # articles published that day

    def to_dict(self) -> dict:
        return {"date": self.date.isoformat(), "score": round(self.score, 4), "mentions": self.mentions,
                "published": self.published, "sentences": [s.to_dict() for s in self.sentences]}  # fmt: skip


@dataclass(slots=True)
class Timeline:
    """The result: entries in date order, the article volume per day, the articles cited and what was skipped."""

    entries: list[Entry]
    volume: dict[Date, int]  # articles published per day (duplicates included: it is the coverage)
    articles: dict[str, Article]
    skipped: list[Skipped]
    read: int  # input items seen
    duplicates: int  # articles found to copy or rewrite an earlier one
    start: Date | None = None
    end: Date | None = None

    def cited(self) -> list[Article]:
        ids = dict.fromkeys(i for e in self.entries for s in e.sentences for i in s.sources)
        return [self.articles[i] for i in ids if i in self.articles]

    def to_dict(self) -> dict:
        iso = lambda d: d.isoformat() if d else None  # noqa: E731
        return {
            "start": iso(self.start),
            "end": iso(self.end),
            "read": self.read,
            "used": sum(self.volume.values()),
            "duplicates": self.duplicates,
            "skipped": [s.to_dict() for s in self.skipped],
            "volume": {d.isoformat(): n for d, n in sorted(self.volume.items())},
            "entries": [e.to_dict() for e in self.entries],
            "articles": {a.id: a.to_dict() for a in self.cited()},
        }

    def to_text(self) -> str:
        """tilse's timeline layout: a date line, its sentences one a line, a line of dashes."""
        out = []
        for e in self.entries:
            out.append(e.date.isoformat())
            out.extend(" ".join(s.text.split()) for s in e.sentences)
            out.append(DASHES)
        return "\n".join(out) + "\n" if out else ""

    def to_markdown(self) -> str:
        from .render import md_escape

        out = ["# Timeline", ""]
        for e in self.entries:
            out += [f"## {e.date.isoformat()}", ""]
            for s in e.sentences:
                links = ", ".join(_md_link(self.articles.get(i), i) for i in s.sources)
                out.append(f"- {md_escape(s.text)} ({links})")
            out.append("")
        return "\n".join(out)

    def to_html(self) -> str:
        return _html(self)

    def render(self, fmt: str) -> str:
        if fmt == "json":
            import json

            return json.dumps(self.to_dict(), ensure_ascii=False, indent=2) + "\n"
        return {"text": self.to_text, "markdown": self.to_markdown, "html": self.to_html}[fmt]()


@dataclass(slots=True)
class _Candidate:
    text: str
    id: str
    published: Date
    mentioned: bool
    position: int  # sentence index in its article: news puts what happened first
    tokens: tuple[str, ...]


def _document(item: object, n: int, language: str | None) -> Document:
    from .ingest import document, from_record

    if isinstance(item, dict):
        return from_record(
            item, name=str(item.get("id") or item.get("url") or f"article {n}"), language=language
        )
    return document(item, name=f"article {n}", language=language)


class _Collector:
    """One pass over the articles: counts per date, capped candidate sentences, document frequencies."""

    def __init__(self, start: Date | None, end: Date | None, default_date: Date | None) -> None:
        self.start, self.end, self.default_date = start, end, default_date
        self.mention_articles: Counter[Date] = Counter()
        self.mention_later: Counter[Date] = Counter()  # articles that mention the date after it passed
        self.published: Counter[Date] = Counter()  # articles published each day (copies too)
        self.volume: Counter[Date] = Counter()  # all articles
        self.mentioned: dict[Date, list[_Candidate]] = defaultdict(list)
        self.lead: dict[Date, list[_Candidate]] = defaultdict(list)
        self.df: Counter[str] = Counter()
        self.sentences = 0
        self.articles: dict[str, Article] = {}
        self.skipped: list[Skipped] = []
        self.read = 0
        self.duplicates = 0
        self.index: dedup.DuplicateIndex | None = dedup.DuplicateIndex()

    def _in_range(self, day: Date) -> bool:
        return (self.start is None or day >= self.start) and (self.end is None or day <= self.end)

    def add(self, item: object, language: str | None) -> None:
        from .pubdate import resolve
        from .temporal import tag

        self.read += 1
        n = self.read
        if isinstance(item, Skipped):
            self.skipped.append(item)
            return
        name = f"article {n}"
        try:
            doc = _document(item, n, language)
            name = doc.source or doc.url or doc.id or name
            published = resolve(doc, date=None).value or self.default_date
        except DatelineError as exc:
            self.skipped.append(Skipped(name if not isinstance(item, dict) else str(item.get("id") or name),
                                        str(exc), exc.exit_code))  # fmt: skip
            return
        if published is None:
            self.skipped.append(Skipped(name, "publication date unknown (give it a 'date', or --date)", 9))
            return
        key = doc.id or doc.url or doc.source or f"article-{n}"
        while key in self.articles:
            key += "+"
        self.volume[published] += 1
        tokens = sentence_words(doc)
        # A copy or rewrite of an earlier article is linked to it, so that the sentences of either cite both; it is
        # still read and counted: how widely a date was reported, and which sentences several outlets ran, is the
        # signal that ranks dates and sentences (dropping copies from the counts costs ~0.01 ROUGE-1 on T17).
        original = self.index.add(key, [w for toks in tokens for w in toks])
        self.articles[key] = Article(key, published, doc.title, doc.url, doc.source, original=original)
        if original is not None:
            self.articles[original].copies.append(key)
            self.duplicates += 1
        self.published[published] += 1
        starts = [s.start for s in doc.sentences]
        days_of: dict[int, set[Date]] = defaultdict(set)
        for t in tag(doc.text, reference=published, language=doc.language):
            day = t.day
            if day is not None and self._in_range(day):
                days_of[bisect.bisect_right(starts, t.start) - 1].add(day)
        article_days: set[Date] = set()
        for s, toks in zip(doc.sentences, tokens, strict=True):
            self.sentences += 1
            self.df.update(set(toks))
            days = days_of.get(s.index, set())
            article_days |= days
            if not (days or (s.index < LEAD_MAX and self._in_range(published))):
                continue
            if len(s.text.split()) < MIN_WORDS or not _COMPLETE.search(s.text) or furniture(s.text):
                continue  # fragments, headlines and page furniture are not events
            text = s.text[dateline_prefix(s.text) :] if s.index < LEAD_MAX else s.text
            for day in days:
                if len(self.mentioned[day]) < MAX_CANDIDATES:
                    self.mentioned[day].append(_Candidate(text, key, published, True, s.index, tuple(toks)))
            lead = not days and s.index < LEAD_MAX and self._in_range(published)
            if lead and len(self.lead[published]) < MAX_CANDIDATES:
                self.lead[published].append(_Candidate(text, key, published, False, s.index, tuple(toks)))
        self.mention_articles.update(article_days)
        self.mention_later.update(d for d in article_days if d < published)

    def date_scores(self, settings: Settings = DEFAULT) -> dict[Date, float]:
        """DATEWISE's signals with a few weights in place of its learned regression: how many articles mention a
        date, how many of them after it passed, how much was published on it and the day after."""
        scores: dict[Date, float] = {}
        for day in set(self.mention_articles) | {d for d in self.published if self._in_range(d)}:
            scores[day] = (settings.mentions * self.mention_articles[day] + settings.later * self.mention_later[day]
                           + settings.published * self.published[day]
                           + settings.next_day * self.published[day + timedelta(days=1)])  # fmt: skip
        return scores


def _sizes(c: _Collector, dates: int | None, per_date: int | None) -> tuple[int, int]:
    unique = len(c.articles) - c.duplicates
    if dates is None:
        dates = max(5, min(30, round(2 * math.sqrt(unique))))
        if unique <= SMALL:  # one article: every date it mentions
            dates = max(len(c.mention_articles), 1)
    if per_date is None:
        per_date = 1 if unique < 20 else 2
    if dates < 1 or per_date < 1:
        raise UsageError("--dates and --sentences-per-date must be at least 1")
    return dates, per_date


def _summarize(
    c: _Collector, day: Date, k: int, topic: dict[str, int], lead_days: int, settings: Settings = DEFAULT
) -> list[TimelineSentence]:
    """Centroid-based, as DATEWISE: among the sentences that mention the day and the undated opening sentences
    published on it or the day after, the ones closest to the centroid of them all, without repeating one
    another; near-identical candidates merged into one sentence with all their sources. Sentences that name one of
    the collection's keywords (its most frequent content words: what the story is about) come first."""
    pool = list(c.mentioned.get(day, []))
    for offset in range(lead_days):
        pool += [x for x in c.lead.get(day + timedelta(days=offset), []) if x.position < settings.lead]
    keywords = set(list(topic)[: settings.keywords])
    on_topic = [cand for cand in pool if keywords.intersection(cand.tokens)]
    pool = on_topic or pool
    if not pool:
        return []
    vocab: dict[str, int] = {}
    for cand in pool:
        for w in cand.tokens:
            vocab.setdefault(w, len(vocab))
    m = np.zeros((len(pool), max(len(vocab), 1)), dtype=np.float32)
    for i, cand in enumerate(pool):
        for w in cand.tokens:
            m[i, vocab[w]] += 1.0
    idf = np.array([math.log((1 + c.sentences) / (1 + c.df[w])) + 1.0 for w in vocab], dtype=np.float32)
    m *= idf if len(vocab) else 1.0
    m /= np.maximum(np.linalg.norm(m, axis=1, keepdims=True), 1e-9)
    weights = np.array([1.0 if cand.mentioned else settings.lead_weight for cand in pool], dtype=np.float32)
    centroid = weights @ m
    centroid /= max(float(np.linalg.norm(centroid)), 1e-9)
    story = np.array([topic.get(w, 0.0) for w in vocab], dtype=np.float32) * idf  # the whole story's words
    story /= max(float(np.linalg.norm(story)), 1e-9)
    leader = dedup.leaders(m @ m.T)
    support = Counter(leader)  # how many articles carry each sentence
    words = np.array([len(cand.text.split()) for cand in pool])
    scores = (
        m @ centroid
        + settings.story * (m @ story)  # about the story, not a side remark
        + settings.support * np.log1p([support[leader[i]] - 1 for i in range(len(pool))])  # several outlets
        - settings.position * np.array([min(cand.position, 20) for cand in pool])  # news says it first
        - settings.length * np.abs(words - IDEAL_WORDS) / IDEAL_WORDS  # one statement, not a fragment
        - settings.too_long * (words > MAX_WORDS)
    )
    chosen: list[int] = []
    for i in np.argsort(-scores, kind="stable"):
        i = int(i)
        if leader[i] != i or any(float(m[i] @ m[j]) > settings.redundancy for j in chosen):
            continue
        chosen.append(i)
        if len(chosen) == k:
            break
    out = []
    for i in chosen:
        cand = pool[i]
        roots = dict.fromkeys(
            c.articles[pool[j].id].original or pool[j].id for j in range(len(pool)) if leader[j] == i
        )
        sources = list(dict.fromkeys(x for root in roots for x in c.articles[root].family()))
        out.append(TimelineSentence(cand.text.strip(), cand.id, sources, cand.published,
                                    "mention" if cand.mentioned else "publication"))  # fmt: skip
    return out


def timeline(
    articles: Iterable[dict | Document | str | Skipped],
    *,
    dates: int | None = None,
    sentences_per_date: int | None = None,
    start: str | Date | None = None,
    end: str | Date | None = None,
    date: str | Date | None = None,
    language: str | None = None,
    progress: Callable[[int], None] | None = None,
    settings: Settings = DEFAULT,
) -> Timeline:
    """The dates that matter in ``articles`` (dicts with ``text`` or ``html`` and ``date``, optional ``id``,
    ``title``, ``url``; Documents; or Skipped records from ``collection.read``), each with what happened.

    ``dates`` and ``sentences_per_date`` default to sizes chosen from the collection; ``start``/``end`` bound the
    timeline's dates; ``date`` is the publication date of articles that carry none (one article and ``--date``).
    An item that cannot be used is recorded in ``.skipped``, never raised.
    """
    collector = collect(articles, start=start, end=end, date=date, language=language, progress=progress)
    return select(collector, dates, sentences_per_date, settings)


def collect(
    articles: Iterable[dict | Document | str | Skipped],
    *,
    start: str | Date | None = None,
    end: str | Date | None = None,
    date: str | Date | None = None,
    language: str | None = None,
    progress: Callable[[int], None] | None = None,
) -> _Collector:
    """The one pass over the articles (``timeline`` without the selection): what ``select`` needs of them."""
    start_d, end_d = parse_date(start, what="--from"), parse_date(end, what="--to")
    if start_d and end_d and start_d > end_d:
        raise UsageError(f"--from {start_d} is after --to {end_d}")
    collector = _Collector(start_d, end_d, parse_date(date, what="--date"))
    for item in articles:
        collector.add(item, language)
        if progress is not None:
            progress(collector.read)
    collector.index = None  # the duplicate finder is only needed while reading
    return collector


def select(
    collector: _Collector,
    dates: int | None,
    sentences_per_date: int | None,
    settings: Settings = DEFAULT,
    memo: dict[Date, list[TimelineSentence]] | None = None,
) -> Timeline:
    """The timeline of a collection already read: rank its dates, summarize the best ones. ``memo`` keeps the
    summaries of the days across calls with the same sentence settings and sizes (the benchmark's grid search)."""
    n_dates, k = _sizes(collector, dates, sentences_per_date)
    scores = collector.date_scores(settings)
    small = len(collector.articles) - collector.duplicates <= SMALL
    if small:  # a few articles: their dated events, not their publication days
        scores = {d: s for d, s in scores.items() if collector.mention_articles[d]}
    # Ties broken by the word, not by set order (which changes with Python's hash seed from run to run).
    ranked = sorted(collector.df.items(), key=lambda kv: (-kv[1], kv[0]))[:TOPIC_WORDS]
    topic = {} if small else dict(ranked)
    lead_days = 0 if small else settings.lead_days
    entries: list[Entry] = []
    for day in sorted(scores, key=lambda d: (-scores[d], d)):
        if len(entries) == n_dates:
            break
        sentences = memo.get(day) if memo is not None else None
        if sentences is None:
            sentences = _summarize(collector, day, k, topic, lead_days, settings)
            if memo is not None:
                memo[day] = sentences
        if sentences:
            entries.append(Entry(day, sentences, scores[day], collector.mention_articles[day],
                                 collector.published[day]))  # fmt: skip
    entries.sort(key=lambda e: e.date)
    return Timeline(entries, dict(collector.volume), collector.articles, collector.skipped, collector.read,
                    collector.duplicates, collector.start, collector.end)  # fmt: skip


def _md_link(article: Article | None, key: str) -> str:
    from .render import md_escape, md_url

    url = article.url if article else None
    return f"[{md_escape(key)}]({md_url(url)})" if url else md_escape(key)


CSS = """
.chart{background:#fff;border:1px solid #ddd;border-radius:8px;padding:.5rem;margin:1rem 0}.chart svg{width:100%;height:auto}
.entry{background:#fff;border:1px solid #ddd;border-radius:8px;padding:.5rem 1.5rem;margin:.8rem 0}
.entry h2{font-size:1.1rem;margin:.4rem 0}.src{color:#666;font-size:.85rem}.src a{color:#345}
"""


def _chart(t: Timeline, width: int = 900, height: int = 180) -> str:
    """Inline SVG: articles published per day as bars, the chosen dates marked with a line and a dot."""
    from .render import escape

    days = [*t.volume, *(e.date for e in t.entries)]
    if not days:
        return ""
    first, last = min(days), max(days)
    span = (last - first).days + 1
    top = max(t.volume.values(), default=1) or 1
    pad, base = 30, height - 25
    step = (width - 2 * pad) / span
    x = lambda d: pad + ((d - first).days + 0.5) * step  # noqa: E731
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" role="img" '
             f'aria-label="articles per day and the chosen dates">']  # fmt: skip
    for d, n in sorted(t.volume.items()):
        h = (base - 15) * n / top
        parts.append(f'<rect class="volume" x="{x(d) - max(step * 0.4, 0.5):.1f}" y="{base - h:.1f}" '
                     f'width="{max(step * 0.8, 1):.1f}" height="{h:.1f}" fill="#7a8fb8">'
                     f"<title>{d.isoformat()}: {n} article(s)</title></rect>")  # fmt: skip
    for e in t.entries:
        parts.append(f'<line class="chosen" x1="{x(e.date):.1f}" x2="{x(e.date):.1f}" y1="8" y2="{base}" '
                     f'stroke="#d62828" stroke-width="1.5"/><circle cx="{x(e.date):.1f}" cy="8" r="4" '
                     f'fill="#d62828"><title>{e.date.isoformat()}</title></circle>')  # fmt: skip
    parts.append(f'<line x1="{pad}" x2="{width - pad}" y1="{base}" y2="{base}" stroke="#333"/>')
    parts.append(f'<text x="{pad}" y="{height - 6}" font-size="12">{escape(first.isoformat())}</text>')
    parts.append(f'<text x="{width - pad}" y="{height - 6}" font-size="12" text-anchor="end">'
                 f"{escape(last.isoformat())}</text></svg>")  # fmt: skip
    return "".join(parts)


def _html(t: Timeline) -> str:
    from .render import escape, page

    def link(key: str) -> str:
        a = t.articles.get(key)
        label = escape(a.title or key) if a else escape(key)
        return f'<a href="{escape(a.url)}">{label}</a>' if a and a.url else label

    entries = []
    for e in t.entries:
        items = "".join(
            f"<li>{escape(' '.join(s.text.split()))}<div class='src'>sources: "
            f"{', '.join(link(i) for i in s.sources)}</div></li>"
            for s in e.sentences
        )
        entries.append(f'<section class="entry" id="d{e.date.isoformat()}"><h2>{e.date.isoformat()}</h2>'
                       f"<ul>{items}</ul></section>")  # fmt: skip
    used = sum(t.volume.values())
    body = (
        f"<header><h1>Timeline</h1></header><main>"
        f'<p class="meta">{len(t.entries)} dates from {used} article(s) ({t.duplicates} near-duplicates merged, '
        f"{len(t.skipped)} skipped)</p>"
        f'<figure class="chart">{_chart(t)}<figcaption class="meta">Articles per day; red: the chosen dates.'
        f"</figcaption></figure>{''.join(entries)}</main>"
    )
    return page("dateline timeline", body, css=CSS)
