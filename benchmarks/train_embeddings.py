"""Fit how ``dateline check --embeddings`` mixes sentence-embedding similarity into the checker's score.

The checker's trees see words; a claim's highest cosine similarity (all-MiniLM-L6-v2) to an article sentence adds a
view of meaning. A logistic regression over the trees' log-odds and that similarity is fitted on synthetic summaries
of Timeline17 articles that no training draw of ``train_check.py`` used (``train_check.synthetic_summaries`` with its
own seed, 5, leaving out the articles of the seed-3 set that ``benchmarks/check.py`` reports as ``synthetic``),
sentence by sentence. Its decision point is then set on the seed brief, as the trees' own (``faithfulness.SHIFT``)
was: the probability cut with the best sentence-level balanced accuracy there (``check.pick_threshold``) is folded
into the intercept, so that 0.5 stays the checker's cut. No other evaluation set (QAGS, SummEval, Falke) is used.
Writes ``src/dateline/data/embedding_weights.json``; rerun it after ``train_check.py`` changes the trees. With
``--word-vectors`` the same fit, for the shipped word vectors (``embeddings.word_vectors``: the checker's default),
writes ``src/dateline/data/word_vector_weights.json``.

    python benchmarks/train_embeddings.py --data ../shared/data [--summaries 600] [--word-vectors]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _common
import check
import train_check

from dateline import align, embeddings, faithfulness, segment

OUT = _common.ROOT / "src" / "dateline" / "data" / "embedding_weights.json"
OUT_WORDS = _common.ROOT / "src" / "dateline" / "data" / "word_vector_weights.json"
SEED = 5


def features(items: list[dict], embedder) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per claim: the checker's probability, the similarity, and the label (1 supported). Claims that the embedder
    has no word of (a zero row: the word vectors, for a claim of names and numbers) are left out, as the checker
    leaves them to the trees (``embeddings.with_word_vectors``)."""
    probs, sims, labels = [], [], []
    for it in items:
        doc = segment.build(segment.normalize(it["article"]))
        article = align.Article(doc)
        # One encoding, as ``embeddings.similarity`` does it: the article's sentences, then the claims.
        rows = embedder.encode([s.text for s in doc.sentences] + it["sentences"])
        claims = rows[len(doc.sentences) :]
        known = claims.any(axis=1)
        sim = embeddings.highest(claims, rows[: len(doc.sentences)])
        p = faithfulness.score([align.align(article, s) for s in it["sentences"]])
        probs.extend(p[known])
        sims.extend(sim[known])
        labels.extend(np.array(it["labels"])[known])
    return np.array(probs), np.array(sims), np.array(labels)


def main() -> None:
    p = _common.parser(__doc__.split("\n\n")[0])
    p.add_argument("--summaries", type=int, default=600, help="synthetic summaries to fit on")
    p.add_argument("--word-vectors", action="store_true", help="fit the mix for the shipped word vectors")
    args = p.parse_args()
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import roc_auc_score

    # The pool of held-out articles is shared with check.py's reported synthetic set (seed 3): leave those out.
    reported = {it["article"][:80].lower() for it in train_check.synthetic_summaries(args.data, 1200)}
    pool = train_check.synthetic_summaries(args.data, 1200 + args.summaries, seed=SEED)
    items = [it for it in pool if it["article"][:80].lower() not in reported][: args.summaries]
    embedder = embeddings.word_vectors() if args.word_vectors else embeddings.load()
    probs, sims, y = features(items, embedder)
    p = np.clip(probs, 1e-6, 1 - 1e-6)
    x = np.column_stack([np.log(p / (1 - p)), sims])
    model = LogisticRegression(C=1.0).fit(x, y)
    fitted = {
        "model": embedder.name,
        "log_odds": round(float(model.coef_[0][0]), 6),
        "similarity": round(float(model.coef_[0][1]), 6),
        "intercept": round(float(model.intercept_[0]), 6),
        "fitted_on": f"{len(y)} claims of {len(items)} synthetic summaries (train_check.synthetic_summaries, "
        f"seed {SEED}) of held-out Timeline17 articles",
    }
    seed = check.load_seed()
    seed_probs, seed_sims, _ = features(seed, embedder)
    mixed = embeddings.adjust(seed_probs, seed_sims, fitted)
    cut = check.pick_threshold(
        seed, [list(mixed)], level="sentence"
    )  # midway between two of the seed's scores
    fitted["intercept"] = round(fitted["intercept"] - float(np.log(cut / (1 - cut))), 6)
    fitted["decision_point"] = (
        f"P {cut:.4f} of the fit, best sentence-level balanced accuracy on the seed brief"
    )
    (OUT_WORDS if args.word_vectors else OUT).write_text(
        json.dumps(fitted, indent=2) + "\n", encoding="utf-8"
    )
    print(json.dumps(fitted, indent=2))
    both = embeddings.adjust(probs, sims, fitted)
    print(f"fit-set ROC-AUC: trees {roc_auc_score(y, probs):.3f}, similarity {roc_auc_score(y, sims):.3f}, "
          f"both {roc_auc_score(y, both):.3f}", file=sys.stderr)  # fmt: skip


if __name__ == "__main__":
    main()
