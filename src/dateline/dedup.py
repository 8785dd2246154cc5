"""Near-duplicate articles and sentences: wire copies, rewrites and syndicated sentences count once.

MinHash signatures (datasketch) estimate the Jaccard similarity of two texts' word sets; an LSH index finds the
candidates among everything seen so far without comparing all pairs, so a stream of articles is deduplicated in
one pass with memory proportional to the number of distinct articles (a few hundred bytes each).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH

NUM_PERM = 64
# A rewrite of an article keeps about half of its content words; unrelated stories share about a tenth.
ARTICLE_THRESHOLD = 0.5
SENTENCE_THRESHOLD = 0.7  # cosine of TF-IDF vectors: the same sentence, lightly edited


def shingles(words: Sequence[str], size: int = 1) -> set[bytes]:
    """Word n-grams as bytes; size 1 (a bag of content words) survives the reordering that rewrites do."""
    if size <= 1 or len(words) < size:
        return {w.encode("utf-8") for w in words}
    return {" ".join(words[i : i + size]).encode("utf-8") for i in range(len(words) - size + 1)}


def signature(words: Sequence[str], size: int = 1, num_perm: int = NUM_PERM) -> LeanMinHash:
    m = MinHash(num_perm=num_perm)
    m.update_batch(list(shingles(words, size)))
    return LeanMinHash(m)


class DuplicateIndex:
    """A streaming near-duplicate finder: ``add(key, words)`` answers the key of an earlier near-duplicate, or
    indexes the new text and answers None."""

    def __init__(self, threshold: float = ARTICLE_THRESHOLD, *, shingle: int = 1, num_perm: int = NUM_PERM,
                 min_words: int = 8) -> None:  # fmt: skip
        self.threshold = threshold
        self.shingle = shingle
        self.num_perm = num_perm
        self.min_words = min_words  # shorter texts are too small for a meaningful Jaccard estimate
        self._lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
        self._signatures: dict[str, LeanMinHash] = {}

    def __len__(self) -> int:
        return len(self._signatures)

    def add(self, key: str, words: Sequence[str]) -> str | None:
        if len(set(words)) < self.min_words:
            return None
        sig = signature(words, self.shingle, self.num_perm)
        best, best_sim = None, self.threshold
        for other in self._lsh.query(sig):
            sim = sig.jaccard(self._signatures[other])
            if sim >= best_sim:
                best, best_sim = other, sim
        if best is not None:
            return best
        if key not in self._signatures:
            self._lsh.insert(key, sig)
            self._signatures[key] = sig
        return None


def leaders(similarity: np.ndarray, threshold: float = SENTENCE_THRESHOLD) -> list[int]:
    """For a small set of sentences (one date's candidates) and their pairwise cosine similarities, the index of
    the first sentence each one near-duplicates (itself when it is the first of its kind)."""
    leader: list[int] = []
    for i in range(similarity.shape[0]):
        earlier = np.flatnonzero(similarity[i, :i] >= threshold)
        leader.append(leader[int(earlier[0])] if len(earlier) else i)
    return leader
