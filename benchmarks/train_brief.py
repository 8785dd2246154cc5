"""Train the extractive brief's salience weights on BBC News Summary's extractive labels.

A sentence is positive when it is in the article's extractive reference. The model is a logistic regression
(scikit-learn, fixed seed) over ``dateline.extract.FEATURES``; its standardization and coefficients are written as
JSON to ``src/dateline/data/brief_model.json``, which dateline scores with numpy at run time (no scikit-learn).
Only the training split (``brief_quality.split(id) == "train"``) is used; the held-out split's scores are printed.

    python benchmarks/train_brief.py --data ../shared/data
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _common
from brief_quality import bbc, lead, ours, score

from dateline import extract

OUT = _common.ROOT / "src" / "dateline" / "data" / "brief_model.json"
SEED = 13
C = 1.0


def dataset(items: list[dict]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Feature rows, labels and the article number of every candidate sentence."""
    xs, ys, groups = [], [], []
    for g, item in enumerate(items):
        cand, x = extract.sentence_features(item["doc"])
        positive = set(item["labels"])
        xs.append(x)
        ys.append([i in positive for i in cand])
        groups.append(np.full(len(cand), g))
    return np.vstack(xs), np.concatenate(ys).astype(int), np.concatenate(groups)


def main() -> None:
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import roc_auc_score
    from sklearn.preprocessing import StandardScaler

    p = _common.parser(__doc__.split("\n\n")[0])
    p.add_argument("--out", type=Path, default=OUT)
    args = p.parse_args()
    train, test = bbc(args.data, "train"), bbc(args.data, "test")
    x, y, _ = dataset(train)
    scaler = StandardScaler().fit(x)
    scale = np.where(scaler.scale_ > 0, scaler.scale_, 1.0)
    clf = LogisticRegression(C=C, max_iter=2000, random_state=SEED).fit((x - scaler.mean_) / scale, y)
    model = {
        "method": extract.METHOD,
        "trained_on": f"BBC News Summary extractive labels, train split ({len(train)} articles, {len(y)} sentences)",
        "model": f"logistic regression (scikit-learn, C={C}, seed {SEED}) on standardized features",
        "features": list(extract.FEATURES),
        "mean": [round(float(v), 6) for v in scaler.mean_],
        "scale": [round(float(v), 6) for v in scale],
        "coef": [round(float(v), 6) for v in clf.coef_[0]],
        "intercept": round(float(clf.intercept_[0]), 6),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
    extract.model.cache_clear()
    print(f"wrote {args.out} ({len(train)} training articles)")
    for name, coef in sorted(zip(extract.FEATURES, model["coef"], strict=True), key=lambda t: -abs(t[1])):
        print(f"  {name:16s} {coef:+.3f}")
    xt, yt, _ = dataset(test)
    auc = roc_auc_score(yt, clf.decision_function((xt - scaler.mean_) / scale))
    print(f"held-out split: {len(test)} articles, sentence ROC-AUC {auc:.3f}")
    for name, run in (("dateline", ours), ("LEAD-N", lead)):
        r = score(test, run)[0]
        print(f"  {name:9s} ROUGE-1/2/Lsum F1 {r[0]:.2f} / {r[1]:.2f} / {r[2]:.2f}")


if __name__ == "__main__":
    main()
