"""The extractive brief: salient, non-redundant source sentences, verbatim, in source order, in paragraphs.

Each sentence gets a salience score from cheap features (position, centrality, title overlap, length, furniture);
a greedy selection with a redundancy penalty (MMR) fills the length budget; a quotation is never lifted without
the neighbouring sentence that names its speaker; the chosen sentences are grouped into paragraphs by the source's
own paragraphs and topic shifts.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from .document import Document, Sentence
from .errors import UsageError
from .segment import dateline_prefix, furniture

METHOD = "dateline-extractive"
_WORD = re.compile(r"\w+(?:[-'’]\w+)*", re.UNICODE)
_QUOTE_OPEN = '“"«„'
_QUOTE_CLOSE = '”"»“'
_ATTRIBUTION = re.compile(
    r"\b(said|says|say|told|tells|according to|added|adds|asked|wrote|writes|stated|explained|argued|warned|"
    r"dijo|afirmó|según|a déclaré|selon|a dit|sagte|laut|erklärte|ha detto|secondo)\b",
    re.I,
)


@lru_cache(maxsize=16)
def stopwords(language: str) -> frozenset[str]:
    from stop_words import LANGUAGE_MAPPING, get_stop_words

    return frozenset(get_stop_words(language)) if language in LANGUAGE_MAPPING else frozenset()


def content_words(text: str, language: str = "en") -> list[str]:
    stop = stopwords(language)
    return [w for w in (m.lower() for m in _WORD.findall(text)) if w not in stop and not w.isdigit()]


@dataclass(frozen=True, slots=True)
class Unit:
    """A brief sentence: the source sentence it is (or its part after a dateline) and its salience score."""

    sentence: Sentence
    start: int
    end: int
    score: float


def _vectors(doc: Document) -> tuple[np.ndarray, list[list[str]]]:
    """Row-normalized TF-IDF vectors of the sentences (IDF within the article)."""
    tokens = [content_words(s.text, doc.language) for s in doc.sentences]
    vocab: dict[str, int] = {}
    for toks in tokens:
        for w in toks:
            vocab.setdefault(w, len(vocab))
    m = np.zeros((len(tokens), max(len(vocab), 1)), dtype=np.float32)
    for i, toks in enumerate(tokens):
        for w in toks:
            m[i, vocab[w]] += 1.0
    df = (m > 0).sum(axis=0)
    m *= np.log((1 + len(tokens)) / (1 + df)) + 1.0
    norms = np.linalg.norm(m, axis=1, keepdims=True)
    return m / np.maximum(norms, 1e-9), tokens


def salience(doc: Document, vectors: np.ndarray, tokens: list[list[str]]) -> np.ndarray:
    """One score a sentence; furniture gets -inf."""
    n = len(doc.sentences)
    centroid = vectors.sum(axis=0)
    centroid /= max(float(np.linalg.norm(centroid)), 1e-9)
    centrality = vectors @ centroid
    title = set(content_words(doc.title or "", doc.language))
    scores = np.empty(n, dtype=np.float64)
    for i, s in enumerate(doc.sentences):
        if furniture(s.text) or _heading(doc, s):
            scores[i] = -math.inf
            continue
        length = len(s.text.split())
        position = 1.0 / math.sqrt(1.0 + i)
        title_overlap = len(title.intersection(tokens[i])) / (len(title) or 1)
        length_fit = min(length, 30) / 30.0 - (0.5 if length < 6 else 0.0)
        quote = 0.15 if s.text.lstrip()[:1] in _QUOTE_OPEN else 0.0
        scores[i] = 1.0 * position + 0.8 * centrality[i] + 0.4 * title_overlap + 0.3 * length_fit - quote
    return scores


def _heading(doc: Document, s: Sentence) -> bool:
    """A headline or section heading: the title itself, or a one-sentence paragraph with no closing punctuation."""
    para = doc.paragraphs[s.paragraph]
    text = s.text.strip()
    if doc.title and text == doc.title.strip():
        return True
    return para.last - para.first == 1 and text[-1:] not in ".!?…\"'”’»)" and len(text.split()) < 20


def _in_quote(doc: Document) -> list[bool]:
    """Whether each sentence is (part of) a quotation that carries no attribution of its own."""
    out = []
    open_quote = False
    for s in doc.sentences:
        if s.index == doc.paragraphs[s.paragraph].first:
            open_quote = False
        text = s.text.strip()
        starts_quoted = open_quote or text[:1] in _QUOTE_OPEN
        out.append(starts_quoted and not _ATTRIBUTION.search(text))
        for ch in text:
            if ch in "“«„":
                open_quote = True
            elif ch in "”»":
                open_quote = False
            elif ch == '"':
                open_quote = not open_quote
    return out


def _speaker_neighbour(doc: Document, i: int, quoted: list[bool]) -> int | None:
    """The neighbouring sentence of the same paragraph that names the speaker of quotation i."""
    para = doc.paragraphs[doc.sentences[i].paragraph]
    for j in (i + 1, i - 1, i + 2, i - 2):
        if para.first <= j < para.last and not quoted[j] and _ATTRIBUTION.search(doc.sentences[j].text):
            return j
    return None


def budget(
    doc: Document, *, sentences: int | None, words: int | None, ratio: float | None
) -> tuple[str, float]:
    """The length budget as ("sentences"|"words", amount); the default is about a third of the article's words."""
    given = [
        (k, v) for k, v in (("sentences", sentences), ("words", words), ("ratio", ratio)) if v is not None
    ]
    if len(given) > 1:
        raise UsageError("give at most one of --sentences, --words, --ratio")
    if given:
        kind, value = given[0]
        if kind == "ratio":
            if not 0 < value <= 1:
                raise UsageError(f"--ratio must be in (0, 1], got {value}")
            return "words", max(1.0, value * doc.words)
        if value < 1:
            raise UsageError(f"--{kind} must be at least 1, got {value}")
        return kind, float(value)
    # Default: a third of the article (the seed's brief is ~half of a 1,000-word article), at most ~600 words.
    return "words", float(min(max(0.33 * doc.words, 45), 600))


def select(doc: Document, *, sentences: int | None = None, words: int | None = None, ratio: float | None = None,
           redundancy: float = 0.6) -> list[Unit]:  # fmt: skip
    """Greedy MMR selection under the budget, returned in source order."""
    kind, amount = budget(doc, sentences=sentences, words=words, ratio=ratio)
    if not doc.sentences:
        return []
    vectors, tokens = _vectors(doc)
    scores = salience(doc, vectors, tokens)
    quoted = _in_quote(doc)
    chosen: list[int] = []
    used = 0.0

    def cost(i: int) -> float:
        return 1.0 if kind == "sentences" else float(len(doc.sentences[i].text.split()))

    candidates = [i for i in np.argsort(-scores) if np.isfinite(scores[i])]
    while candidates and used < amount:
        if chosen:
            sim = (vectors[candidates] @ vectors[chosen].T).max(axis=1)
            mmr = scores[candidates] - redundancy * sim
            best = candidates[int(np.argmax(mmr))]
        else:
            best = candidates[0]
        candidates.remove(best)
        group = [best]
        if quoted[best]:
            speaker = _speaker_neighbour(doc, best, quoted)
            if speaker is not None and speaker not in chosen:
                group.append(speaker)
                if speaker in candidates:
                    candidates.remove(speaker)
        extra = sum(cost(i) for i in group)
        # Words: stop at the sentence that brings us closest to the budget; sentences: exact count.
        if chosen and kind == "words" and used + extra - amount > amount - used:
            continue
        if kind == "sentences" and used + extra > amount and chosen:
            continue
        chosen.extend(group)
        used += extra
    units = []
    for i in sorted(chosen):
        s = doc.sentences[i]
        cut = dateline_prefix(s.text) if i == 0 or s.index == doc.paragraphs[s.paragraph].first else 0
        units.append(Unit(s, s.start + cut, s.end, float(scores[i])))
    return units


def paragraphs(doc: Document, units: list[Unit], vectors: np.ndarray | None = None) -> list[list[Unit]]:
    """Group chosen sentences into 3-9 paragraphs (fewer for short briefs): merge neighbours from the same source
    paragraph first, then the most similar adjacent groups, never more than four sentences in one."""
    if not units:
        return []
    if vectors is None:
        vectors, _ = _vectors(doc)
    target = max(1, min(9, round(len(units) / 2.2))) if len(units) >= 3 else 1
    target = max(target, min(3, len(units))) if len(units) >= 6 else target
    groups = [[u] for u in units]
    while len(groups) > target:
        best, best_key = None, None
        for g in range(len(groups) - 1):
            a, b = groups[g][-1].sentence, groups[g + 1][0].sentence
            if len(groups[g]) + len(groups[g + 1]) > 4:
                continue
            same = a.paragraph == b.paragraph
            key = (same, float(vectors[a.index] @ vectors[b.index]) - 0.02 * (b.index - a.index))
            if best_key is None or key > best_key:
                best, best_key = g, key
        if best is None:
            break
        groups[best : best + 2] = [groups[best] + groups[best + 1]]
    return groups
