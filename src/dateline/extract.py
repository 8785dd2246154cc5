"""The extractive brief: salient, non-redundant source sentences, verbatim, in source order, in paragraphs.

Page furniture (bylines, captions, credits, datelines) and headings are never candidates. Each candidate gets
cheap features (``FEATURES``: position, TF-IDF centrality, directed centrality, title overlap, length, numbers,
names, quotation); a logistic regression trained offline on BBC News Summary's extractive labels
(``benchmarks/train_brief.py``, shipped as ``data/brief_model.json`` and scored with numpy) turns them into a
salience. Short briefs (three sentences, or under a fifth of the article) follow the inverted pyramid instead.
A greedy selection with a redundancy penalty (MMR) fills the length budget; a quotation is never lifted without
the neighbouring sentence that names its speaker; the chosen sentences are grouped into paragraphs by the source's
own paragraphs and topic shifts.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import chain, count, repeat
from pathlib import Path

import numpy as np

from .document import Document, Sentence
from .errors import UsageError
from .segment import dateline_prefix, furniture, furniture_needles

METHOD = "dateline-extractive"
_WORD = re.compile(r"\w+(?:[-'’]\w+)*", re.UNICODE)
# The same on lower-cased ASCII text (most text), twice as fast.
_WORD_ASCII = re.compile(r"[a-z0-9_]+(?:[-'][a-z0-9_]+)*")
# One match a white-space-separated token that holds a digit: from its first digit to its end. Opening on a digit
# lets the regex engine skip to the next one.
_DIGIT_TOKEN = re.compile(r"\d\S*")
_DIGIT_TOKEN_ASCII = re.compile(r"[0-9]\S*")  # the same in ASCII text: a third faster
_LATER_INITIALS = re.compile(r"\s(\S)")  # the first character of every token but the first
_LATER_CAPITALS = re.compile(r"[A-Z](?<=\s[A-Z])")  # ... the capitalized ones, in ASCII text (most text)
_QUOTE_MARK = re.compile(r"``|''|[“«„”»\"]")  # typographic, straight, and PTB-tokenized (`` '') quotes
_QUOTE_OPEN = ("“", '"', "«", "„", "``")
# A speaker named only by a pronoun ("..., he said."): the sentence is lifted with the one before it, which names them.
_SPEECH_VERBS = tuple("said says added adds told tells argued warned wrote explained noted".split())
_PRONOUN_SPEAKER = re.compile(
    rf"\b(?:he|she|they)\s+(?:{'|'.join(_SPEECH_VERBS)})\b"
    rf"|\b(?:{'|'.join(v for v in _SPEECH_VERBS if v not in ('adds', 'tells'))})\s+(?:he|she|they)\b",
    re.I,
)
# The same on lower-cased ASCII text, without re.I: twice as fast.
_PRONOUN_SPEAKER_LOWER = re.compile(_PRONOUN_SPEAKER.pattern)
_BULLET_MARK = re.compile(r"^(?:[-*•·‣▪◦–—]|\d{1,2}[.)])\s+")
_QUOTE_CLOSE = ("”", "»", "''")
_CLOSERS = ".!?…\"'”’»)"  # what a finished sentence ends with
# Words that attribute a statement; in ASCII text plain substring tests clear most sentences before the pattern.
_ATTRIBUTION_WORDS = (
    "said", "says", "say", "told", "tells", "according to", "added", "adds", "asked", "wrote", "writes", "stated",
    "explained", "argued", "warned", "dijo", "afirmó", "según", "a déclaré", "selon", "a dit", "sagte", "laut",
    "erklärte", "ha detto", "secondo",
)  # fmt: skip
_ATTRIBUTION = re.compile(rf"\b({'|'.join(_ATTRIBUTION_WORDS)})\b", re.I)
_ATTRIBUTION_LOWER = re.compile(_ATTRIBUTION.pattern)  # the same on lower-cased ASCII text: twice as fast


@lru_cache(maxsize=16)
def stopwords(language: str) -> frozenset[str]:
    from stop_words import LANGUAGE_MAPPING, get_stop_words

    return frozenset(get_stop_words(language)) if language in LANGUAGE_MAPPING else frozenset()


def content_words(text: str, language: str = "en", stop: frozenset[str] | None = None) -> list[str]:
    """Lower-cased words that are neither stop words nor plain numbers (``stop``: ``stopwords(language)``)."""
    stop = stopwords(language) if stop is None else stop
    low = text.lower()
    words = _ascii_words(low) if low.isascii() else _WORD.findall(low)
    return [w for w in words if w not in stop and not w.isdigit()]


# Every ASCII character that is in no word blanked: the runs left are the words (``_WORD_ASCII``'s matches) once
# the hyphens and apostrophes that are not between two word characters ("'quoted'", " - ", "workers' pay") are
# blanked too. Translating and splitting runs in C with no match objects: about twice as fast as the pattern.
_BLANK_NON_WORD = str.maketrans(
    {chr(c): " " for c in range(128) if not (chr(c).isalnum() or chr(c) in "_-'")}
)
_LOOSE_MARKS = (" -", " '", "- ", "' ")


def _ascii_words(low: str, blanked: str | None = None) -> list[str]:
    """``_WORD_ASCII.findall(low)`` for lower-cased ASCII text (``blanked``: ``low`` translated, if at hand)."""
    if blanked is None:
        blanked = low.translate(_BLANK_NON_WORD)
    if "-" in blanked or "'" in blanked:
        blanked = f" {blanked} "
        while any(map(blanked.__contains__, _LOOSE_MARKS)):  # " --x": blanking one mark can bare another
            for mark in _LOOSE_MARKS:
                blanked = blanked.replace(mark, "  ")
        if "--" in blanked or "''" in blanked or "-'" in blanked or "'-" in blanked:
            return _WORD_ASCII.findall(low)  # a run of marks inside a word ("a--b"): the pattern's split
    return blanked.split()


def sentence_words(doc: Document) -> list[list[str]]:
    """``content_words`` of every sentence. ASCII text is lower-cased and blanked once, whole, and cut at the
    sentences' offsets: two calls in C instead of two a sentence."""
    stop = stopwords(doc.language)
    text = doc.text
    if not text.isascii():
        return [content_words(s.text, doc.language, stop) for s in doc.sentences]
    low = text.lower()
    blanked = low.translate(_BLANK_NON_WORD)
    return [
        [
            w
            for w in _ascii_words(low[s.start : s.end], blanked[s.start : s.end])
            if w not in stop and not w.isdigit()
        ]
        for s in doc.sentences
    ]


@dataclass(frozen=True, slots=True)
class Unit:
    """A brief sentence: the source sentence it is (or its part after a dateline) and its salience score."""

    sentence: Sentence
    start: int
    end: int
    score: float


Space = tuple[np.ndarray, list[list[str]], dict[str, int]]


def tfidf(doc: Document) -> Space:
    """Row-normalized TF-IDF vectors of the sentences (IDF within the article), their content words, the vocabulary.

    ``select`` and ``paragraphs`` both need them: a caller doing both computes them once and passes them in.
    """
    tokens = sentence_words(doc)
    # Column numbers in order of first occurrence, with the loops in C (dict.fromkeys, map).
    vocab = dict(zip(dict.fromkeys(chain.from_iterable(tokens)), count()))
    cols = np.fromiter(map(vocab.__getitem__, chain.from_iterable(tokens)), dtype=np.intp)
    rows = np.repeat(np.arange(len(tokens), dtype=np.intp), list(map(len, tokens)))
    if len(tokens) * len(vocab) > MAX_CELLS:
        return _tfidf_bounded(tokens, vocab, rows, cols)
    width = max(len(vocab), 1)
    counts = np.bincount(rows * width + cols, minlength=len(tokens) * width)  # term counts, one pass in C
    m = counts.reshape(len(tokens), width).astype(np.float32)
    df = np.count_nonzero(m, axis=0)
    m *= np.log((1 + len(tokens)) / (1 + df)) + 1.0
    norms = np.sqrt(np.add.reduce(m * m, axis=1, keepdims=True))  # np.linalg.norm's sum, without its overhead
    return m / np.maximum(norms, 1e-9), tokens, vocab


# The dense sentences x vocabulary matrix grows with the square of the text: a book-length input (1 MiB: ~10,000
# sentences, ~30,000 words) would need gigabytes. Beyond this many cells (32 MiB of float32; news articles use a
# few hundred thousand) only the words shared by the most sentences keep a column (see _tfidf_bounded).
MAX_CELLS = 1 << 23


def _tfidf_bounded(tokens: list[list[str]], vocab: dict[str, int], rows: np.ndarray,
                   cols: np.ndarray) -> Space:  # fmt: skip
    """``tfidf`` for a text too long for the dense matrix: the same weights and row norms (computed over every
    word), with columns only for the ``MAX_CELLS // sentences`` words found in the most sentences. A word in one
    sentence adds nothing to any similarity between two sentences, and rare words little, so the similarities
    change little; the vectors keep their exact norms, not unit length."""
    n = len(tokens)
    width = len(vocab)
    keys, counts = np.unique(rows * width + cols, return_counts=True)  # (sentence, word) pairs, sparse
    r, c = keys // width, keys % width
    df = np.bincount(c, minlength=width)
    w = counts * (np.log((1 + n) / (1 + df)) + 1.0)[c]
    norms = np.sqrt(np.bincount(r, weights=w * w, minlength=n))
    keep = np.argsort(-df, kind="stable")[: max(1, MAX_CELLS // n)]
    column = np.full(width, -1, dtype=np.intp)
    column[keep] = np.arange(len(keep))
    m = np.zeros((n, len(keep)), dtype=np.float32)
    kept = column[c] >= 0
    m[r[kept], column[c[kept]]] = w[kept]
    m /= np.maximum(norms, 1e-9)[:, None]
    words = list(vocab)
    return m, tokens, {words[j]: int(column[j]) for j in keep}


FEATURES = (
    "lead",  # 1 / (1 + k), k = rank among candidate sentences (furniture and headings skipped)
    "first",  # the first candidate sentence
    "position",  # k / number of candidates
    "paragraph_first",  # opens a source paragraph
    "centrality",  # cosine to the article's TF-IDF centroid
    "forward",  # mean similarity to the later sentences (a lead sentence introduces what follows; PacSum's idea)
    "backward",  # mean similarity to the earlier sentences (it repeats what came before)
    "title",  # cosine to the title (or, without one, to the first candidate sentence)
    "length",  # log words
    "short",  # fewer than 8 words
    "long",  # more than 45 words
    "numbers",  # share of tokens with digits
    "names",  # share of capitalized words after the first (a proxy for named entities)
    "quote",  # starts with or is mostly a quotation
    "question",  # ends with a question mark
    "content",  # share of content words
)


def features(doc: Document, vectors: np.ndarray, tokens: list[list[str]], vocab: dict[str, int],
             candidates: list[int], quoted: list[bool] | None = None) -> np.ndarray:  # fmt: skip
    """Feature rows (``FEATURES``) of the candidate sentences, in the order given."""
    n = len(candidates)
    cand_vectors = vectors[candidates]
    # Running sums give the centroid and each sentence's mean similarity to the later (earlier) candidates: the dot
    # product with their sum, no n x n similarity matrix.
    running = np.cumsum(cand_vectors, axis=0, dtype=np.float64)
    centroid = running[-1] if n else vectors.sum(axis=0, dtype=np.float64)
    centroid = centroid / max(math.sqrt(centroid @ centroid), 1e-9)
    if doc.title:
        title_vec = np.zeros(vectors.shape[1], dtype=np.float32)
        for w in content_words(doc.title, doc.language):
            if w in vocab:
                title_vec[vocab[w]] += 1.0
        title_vec /= max(float(np.sqrt(title_vec @ title_vec)), 1e-9)  # float32, as np.linalg.norm
    else:
        title_vec = vectors[candidates[0]] if n else np.zeros(vectors.shape[1], dtype=np.float32)
    title_sim = vectors @ title_vec
    quoted = _in_quote(doc) if quoted is None else quoted
    later = running[-1] - running if n else running
    earlier = running - cand_vectors
    forward = np.einsum("ij,ij->i", cand_vectors, later) / max(n - 1, 1)
    backward = np.einsum("ij,ij->i", cand_vectors, earlier) / max(n - 1, 1)
    # The per-sentence counts and flags in one pass, one array: words, digit tokens, capitalized words, content
    # words, opens a paragraph, quotation, question.
    paras = doc.paragraphs
    per = np.array(
        [
            (
                max(len(t.split()), 1),
                _digit_tokens(t),
                _capitalized(t),
                len(tokens[s.index]),
                s.index == paras[s.paragraph].first,
                quoted[s.index] or t.lstrip().startswith(_QUOTE_OPEN),
                t.rstrip().rstrip("'\"”’»").endswith("?"),
            )
            for s in map(doc.sentences.__getitem__, candidates)
            for t in (s.text,)
        ],
        dtype=np.float64,
    ).reshape(n, 7)
    nw = per[:, 0]
    k = np.arange(n, dtype=np.float64)
    columns = {
        "lead": 1.0 / (1.0 + k),
        "first": k == 0,
        "position": k / max(n, 1),
        "paragraph_first": per[:, 4],
        "centrality": cand_vectors @ centroid,
        "forward": forward,
        "backward": backward,
        "title": title_sim[candidates],
        "length": np.log1p(nw),
        "short": nw < 8,
        "long": nw > 45,
        "numbers": per[:, 1] / nw,
        "names": per[:, 2] / nw,
        "quote": per[:, 5],
        "question": per[:, 6],
        "content": per[:, 3] / nw,
    }
    out = np.empty((n, len(FEATURES)), dtype=np.float64)
    for j, name in enumerate(FEATURES):
        out[:, j] = columns[name]
    return out


def _digit_tokens(text: str) -> int:
    """How many white-space-separated tokens hold a digit."""
    return len((_DIGIT_TOKEN_ASCII if text.isascii() else _DIGIT_TOKEN).findall(text))


def _capitalized(text: str) -> int:
    """How many tokens after the first start with a capital (str.isupper; for ASCII text one regex says it)."""
    if text.isascii():
        return len(_LATER_CAPITALS.findall(text))
    return sum(map(str.isupper, _LATER_INITIALS.findall(text)))


def _attributed(text: str) -> bool:
    """Does the sentence attribute a statement ("said", "according to"...)?"""
    if text.isascii():
        lower = text.lower()
        return (
            any(map(lower.__contains__, _ATTRIBUTION_WORDS)) and _ATTRIBUTION_LOWER.search(lower) is not None
        )
    return _ATTRIBUTION.search(text) is not None


def _pronoun_speaker(text: str) -> bool:
    """Does the sentence name its speaker only as "he said", "she told"...? In ASCII text the speech verb is looked
    for first, with plain substring tests: the pattern alone tries every position."""
    if text.isascii():
        lower = text.lower()
        return (
            any(map(lower.__contains__, _SPEECH_VERBS)) and _PRONOUN_SPEAKER_LOWER.search(lower) is not None
        )
    return _PRONOUN_SPEAKER.search(text) is not None


@cache
def model() -> dict:
    """The shipped salience weights (``data/brief_model.json``, written by ``benchmarks/train_brief.py``)."""
    data = json.loads((Path(__file__).parent / "data" / "brief_model.json").read_text(encoding="utf-8"))
    if tuple(data["features"]) != FEATURES:
        raise RuntimeError(
            "brief_model.json does not match extract.FEATURES: re-run benchmarks/train_brief.py"
        )
    for key in ("mean", "scale", "coef"):
        data[key] = np.asarray(data[key], dtype=np.float64)
    return data


def candidates(doc: Document) -> list[int]:
    """Sentences that may enter a brief: not page furniture, not a headline or heading. A text of headings alone
    (one line with no full stop) is its own content: then its lines with a word in them are."""
    needles = furniture_needles(doc.text)
    reasons = list(map(furniture, [s.text for s in doc.sentences], repeat(needles)))
    found = [i for i, s in enumerate(doc.sentences) if not reasons[i] and not _heading(doc, s)]
    if "photo credit" in reasons:  # a short paragraph that ends with a photo's credit is its caption ...
        caption = {
            i
            for p in doc.paragraphs
            if reasons[p.last - 1] == "photo credit" and p.last - p.first <= 3
            for i in range(p.first, p.last)
        }
        found = [i for i in found if i not in caption] or found  # ... unless it is all the text there is
    if found:
        return found
    stop = stopwords(doc.language)
    return [i for i, s in enumerate(doc.sentences)
            if not reasons[i] and content_words(s.text, doc.language, stop)]  # fmt: skip


def sentence_features(doc: Document) -> tuple[list[int], np.ndarray]:
    """The candidate sentences and their feature rows (what ``train_brief.py`` learns from)."""
    vectors, tokens, vocab = tfidf(doc)
    cand = candidates(doc)
    return cand, features(doc, vectors, tokens, vocab, cand)


# The lede regime (see salience). Its few weights were chosen on QAGS' 235 CNN/DM articles (their Bottom-Up
# summaries as pseudo-references), never on SummEval, which the quality benchmark reports. benchmarks/lede_grid.py
# runs a grid of them on that set and on Timeline17's journalist-written timeline entries (see its results).
SHORT = 0.2  # a brief under this share of the article (sentences or words) follows the inverted pyramid ...
LEDE = 3.5  # ... and so does a brief of three sentences or fewer: the lede of the story
LEDE_WEIGHTS = (0.5, 3.0, 1.0)  # lead (1 / (1 + k)), forward similarity, minus backward similarity
LEDE_WINDOW = 6  # a lede brief picks among the first max(6, twice its length) candidate sentences
LONG = 0.5  # penalty for a run-on of more than 45 words (often a photo caption glued to a sentence)


def salience(doc: Document, vectors: np.ndarray, tokens: list[list[str]], vocab: dict[str, int], *,
             short: bool = False, quoted: list[bool] | None = None) -> np.ndarray:  # fmt: skip
    """One score a sentence; furniture and headings get -inf.

    A brief of a fair share of the article (the default third) ranks by the learned model's probability, the lede
    (the first reporting sentence) first. A short
    brief (a few sentences of a long article) follows the inverted pyramid instead: the first reporting sentence,
    then the sentences that introduce what follows (PacSum's directed centrality); the learned BBC weights pick
    worse lead sentences than that on CNN/DailyMail (see benchmarks/results/brief_quality.md).
    """
    scores = np.full(len(doc.sentences), -math.inf)
    cand = candidates(doc)
    if not cand:
        return scores
    x = features(doc, vectors, tokens, vocab, cand, quoted)
    if short:
        col = FEATURES.index
        a, b, c = LEDE_WEIGHTS
        lead = (
            a * x[:, col("lead")]
            + b * x[:, col("forward")]
            - c * x[:, col("backward")]
            - LONG * x[:, col("long")]
        )
        lead[0] = lead.max() + 1.0
        scores[cand] = lead
        return scores
    m = model()
    z = ((x - m["mean"]) / m["scale"]) @ m["coef"] + m["intercept"]
    scores[cand] = 1.0 / (1.0 + np.exp(-z))
    # The lede always opens the brief. The model weighs overlap with the title, which BBC's headlines share with
    # their first sentence; a web headline often words it otherwise ("Fed holds rates steady" over "The Federal
    # Reserve left interest rates unchanged"), and the lede then fell out. On BBC this costs 0.3 ROUGE-2.
    scores[cand[0]] = 1.0
    return scores


def _heading(doc: Document, s: Sentence) -> bool:
    """A headline or section heading: the title itself, or a one-sentence paragraph with no closing punctuation."""
    para = doc.paragraphs[s.paragraph]
    text = s.text.strip()
    if doc.title and text == doc.title.strip():
        return True
    return para.last - para.first == 1 and text[-1:] not in _CLOSERS and len(text.split()) < 20


def _quote_marks(text: str) -> list[str]:
    """The quote marks of ``text`` in order (an ASCII text can only hold the straight and PTB ones: three substring
    looks clear most sentences)."""
    if text.isascii() and '"' not in text and "``" not in text and "''" not in text:
        return []
    return _QUOTE_MARK.findall(text)


def _in_quote(doc: Document) -> list[bool]:
    """Whether each sentence is (part of) a quotation that carries no attribution of its own: it opens with a
    quote mark, continues a quotation left open, or closes one it did not open."""
    text = doc.text
    if not _quote_marks(text):  # no quote mark anywhere (an ASCII text: three substring looks)
        return [False] * len(doc.sentences)
    # Every mark of the text at once, then each sentence's own: the marks that start inside it.
    found = [(m.start(), m[0]) for m in _QUOTE_MARK.finditer(text)]
    out = []
    open_quote = False
    k = 0
    for s in doc.sentences:
        while k < len(found) and found[k][0] < s.start:
            k += 1
        first = k
        while k < len(found) and found[k][0] < s.end:
            k += 1
        marks = [mark for _, mark in found[first:k]]
        text = s.text
        if not marks and s.index == doc.paragraphs[s.paragraph].first:
            open_quote = False
        closes_first = bool(marks) and marks[0] in _QUOTE_CLOSE
        starts_quoted = open_quote or text.startswith(_QUOTE_OPEN) or closes_first
        out.append(starts_quoted and not _attributed(text))
        for ch in marks:
            if ch in _QUOTE_CLOSE:
                open_quote = False
            elif ch == '"':
                open_quote = not open_quote
            else:
                open_quote = True
    return out


def _speaker_neighbour(doc: Document, i: int, quoted: list[bool]) -> int | None:
    """The neighbouring sentence that names the speaker of quotation i: the next or previous one, or two away
    inside the same paragraph; looking back first when i continues a quotation opened before it."""
    para = doc.paragraphs[doc.sentences[i].paragraph]
    continues = not doc.sentences[i].text.lstrip().startswith(_QUOTE_OPEN)
    order = (i - 1, i + 1, i - 2, i + 2) if continues else (i + 1, i - 1, i + 2, i - 2)
    # The quotation's own paragraph first: a quote that follows '"...," said Fiona Gray.' in its paragraph is hers,
    # whoever "says" something in the next paragraph.
    order = sorted(order, key=lambda j: not para.first <= j < para.last)
    for j in order:
        near = abs(j - i) == 1 or para.first <= j < para.last
        if near and 0 <= j < len(quoted) and not quoted[j] and _attributed(doc.sentences[j].text):
            return j
    # No attribution verb: a quotation opening a paragraph may be followed by a sentence that names who spoke it
    # ('"..." That was the message from ECB President Christine Lagarde'): a name, two capitalized words in a row
    # after the first word, in a sentence that is reporting, not furniture ("Reporting by Jane Roe").
    if continues or i != para.first or i + 1 >= para.last or quoted[i + 1]:
        return None
    text = doc.sentences[i + 1].text
    return i + 1 if _NAME.search(text) and not furniture(text) else None


# A name: two capitalized words in a row, each with a lower-case letter ("Christine Lagarde", not "US" or "I").
_NAME = re.compile(r"\s[A-Z][\w'’-]*[a-z][\w'’-]*\s+[A-Z][\w'’-]*[a-z]")


def _antecedent(i: int, scores: np.ndarray) -> int | None:
    """The sentence before i, which names the speaker that i refers to only as "he said" or "she told"."""
    return i - 1 if i > 0 and np.isfinite(scores[i - 1]) else None


def budget(
    doc: Document, *, sentences: int | None, words: int | None, ratio: float | None, total: int | None = None
) -> tuple[str, float]:
    """The length budget as ("sentences"|"words", amount); the default is about a third of the article's words
    (``total``: ``doc.words`` if the caller has it)."""
    total = doc.words if total is None else total
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
            return "words", max(1.0, value * total)
        if value < 1:
            raise UsageError(f"--{kind} must be at least 1, got {value}")
        return kind, float(value)
    # Default: a third of the article (the seed's brief is ~half of a 1,000-word article), at most ~600 words.
    return "words", float(min(max(0.33 * total, 45), 600))


def select(doc: Document, *, sentences: int | None = None, words: int | None = None, ratio: float | None = None,
           redundancy: float = 0.6, short: float = SHORT, space: Space | None = None) -> list[Unit]:  # fmt: skip
    """Greedy MMR selection under the budget, returned in source order (``space``: ``tfidf(doc)`` if computed)."""
    total = doc.words  # a property that splits the whole text: once
    kind, amount = budget(doc, sentences=sentences, words=words, ratio=ratio, total=total)
    if not doc.sentences:
        return []
    vectors, tokens, vocab = space or tfidf(doc)
    total = max(total, 1)
    share = amount / len(doc.sentences) if kind == "sentences" else amount / total
    wanted = amount if kind == "sentences" else amount * len(doc.sentences) / total
    lede = share < short or wanted <= LEDE
    quoted = _in_quote(doc)
    scores = salience(doc, vectors, tokens, vocab, short=lede, quoted=quoted)
    if lede:
        redundancy = 0.0  # the lead order already avoids repeats; MMR would trade lead sentences for odd ones
        # ... and the pick stays in the lead: the first twice-the-brief candidate sentences (at least six).
        ranked = np.flatnonzero(np.isfinite(scores))
        scores[ranked[max(LEDE_WINDOW, math.ceil(2 * wanted)) :]] = -math.inf
    chosen: list[int] = []
    words_of: dict[int, str] = {}  # a sentence's words, when a repeat is in question

    def said(i: int) -> str:
        if i not in words_of:
            words_of[i] = _said(doc.sentences[i].text)
        return words_of[i]

    used = 0.0

    def cost(i: int) -> int:
        return 1 if kind == "sentences" else len(doc.sentences[i].text.split())

    # -inf once taken (or never a candidate): one argmax both picks and says when none is left.
    open_scores = scores.copy()
    closest = np.zeros(len(scores))  # each sentence's highest similarity to a chosen one
    # The MMR gain, open_scores - redundancy * closest: recomputed when a choice moves `closest`; a sentence taken
    # or passed over is set to -inf in both (once the budget is nearly spent, most turns pass one over).
    gain = open_scores.copy()
    while used < amount:
        best = int(gain.argmax())
        if gain[best] == -math.inf:
            break
        open_scores[best] = gain[best] = -math.inf
        group = [best]
        for i in group:  # grows: a speaker sentence may itself say only "he said"
            if quoted[i] or _pronoun_speaker(doc.sentences[i].text):
                speaker = _speaker_neighbour(doc, i, quoted) if quoted[i] else _antecedent(i, scores)
                if speaker is not None and speaker not in chosen and speaker not in group and len(group) < 4:
                    group.append(speaker)
                    open_scores[speaker] = gain[speaker] = -math.inf
        # A sentence that says another again shares its words, so their TF-IDF similarity is high: only then are
        # the words compared (a pull quote, a text pasted twice; the similarity alone cannot see numbers or "not",
        # and a short phrase two sentences share, "the best song of the last 25 years", is no repeat).
        if (
            len(group) > 1
            and vectors[best] @ vectors[group[1]] > 0.2
            and _repeats(said(best), said(group[1]))
        ):
            group = group[1:]  # a pull quote whose "speaker" is the sentence it repeats, attribution and all
        extra = sum(map(cost, group))
        # Words: stop at the sentence that brings us closest to the budget (on a tie, stay under); sentences:
        # the exact count.
        if chosen and kind == "words" and used + extra - amount >= amount - used:
            continue
        if kind == "sentences" and used + extra > amount and chosen:
            continue
        if closest[group[0]] > 0.2 and any(_repeats(said(group[0]), said(j)) for j in chosen):
            continue
        chosen.extend(group)
        used += extra
        for i in group:
            np.maximum(closest, vectors @ vectors[i], out=closest)
        if redundancy:
            gain = open_scores - redundancy * closest
    units = []
    for i in sorted(chosen):
        s = doc.sentences[i]
        cut = 0
        if i == 0 or s.index == doc.paragraphs[s.paragraph].first:  # a dateline or a list marker opens it
            mark = _BULLET_MARK.match(s.text)
            cut = mark.end() if mark else dateline_prefix(s.text)
        units.append(Unit(s, s.start + cut, s.end, float(scores[i])))
    return units


_PUNCTUATION = str.maketrans(
    dict.fromkeys([*(chr(c) for c in range(128) if not chr(c).isalnum()), *"“”‘’«»„‚‹›–—…·•"], " ")
)


def _said(text: str) -> str:
    """A sentence's words, lower-cased, one space apart: what it says, whatever its quote marks and spacing."""
    return " ".join(text.lower().translate(_PUNCTUATION).split())


def _repeats(a: str, b: str) -> bool:
    """Does one sentence say the other again: the same words, or all of the shorter one's eight or more inside the
    other ('"Without water, there is no ranch and no town."' as a pull quote of '"Without water, there is no ranch
    and no town," said Maggie Arriola.'; "Best song of the last 25 years?" inside a comment is a shared phrase)?"""
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    return short == long or (short.count(" ") >= 7 and f" {short} " in f" {long} ")


def paragraphs(doc: Document, units: list[Unit], vectors: np.ndarray | None = None) -> list[list[Unit]]:
    """Group chosen sentences into 3-9 paragraphs (fewer for short briefs): merge neighbours from the same source
    paragraph first, then the most similar adjacent groups, never more than four sentences in one (more only when
    a very long brief cannot be merged into nine paragraphs of four: then one more at a time)."""
    if not units:
        return []
    if vectors is None:
        vectors = tfidf(doc)[0]
    target = max(1, min(9, round(len(units) / 2.2))) if len(units) >= 3 else 1
    target = max(target, 3) if len(units) >= 5 else target
    most = max(4, -(-len(units) // 9))  # nine paragraphs of this many hold the whole brief
    groups = [[u] for u in units]
    # A line without a closing stop (a list item, a heading-like line) is a paragraph of its own: run into the next
    # sentence it would read as one ("Taxes rise 5 percent The vote was 7 to 2"). Only past nine paragraphs is it
    # merged like the rest.
    lines_apart = True
    while len(groups) > target:
        best, best_key = None, None
        for g in range(len(groups) - 1):
            a, b = groups[g][-1].sentence, groups[g + 1][0].sentence
            if len(groups[g]) + len(groups[g + 1]) > most:
                continue
            if lines_apart and not _closed(a.text):
                continue
            same = a.paragraph == b.paragraph
            key = (same, float(vectors[a.index] @ vectors[b.index]) - 0.02 * (b.index - a.index))
            if best_key is None or key > best_key:
                best, best_key = g, key
        if best is None and lines_apart:
            if len(groups) <= 9:
                break
            lines_apart = False
            continue
        if best is None:  # every neighbour pair is full: allow one more sentence a paragraph
            most += 1
            continue
        groups[best : best + 2] = [groups[best] + groups[best + 1]]
    return groups


def _closed(text: str) -> bool:
    """Does the sentence end with a stop (or a closing quote or bracket after one)?"""
    return text.rstrip()[-1:] in _CLOSERS
