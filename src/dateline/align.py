"""Alignment of a claim (a summary sentence) to the article sentences that can support it, and the features that
tell a faithful claim from a bent one.

Matching works on Snowball stems of lowercased, de-tokenized text (evaluation sets come PTB-tokenized and partly
lowercased), weighted by IDF within the article, so a shared rare name counts more than a shared "said". Each claim
gets its best 1-3 evidence sentences (greedy coverage), then a fixed vector of features (``FEATURES``): how much of
it the evidence and the article cover, names/numbers/dates missing from the evidence or the article, negation flips,
changed speakers, generalized subjects ("experts" for one named expert) and how far apart the pieces of a fused
claim lie. The checker scores that vector with shipped gradient-boosted trees (``data/check_weights.json``).
Sums over sets use ``math.fsum`` so that features do not depend on hash order (training stays reproducible).
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import numpy as np

from .document import Document
from .extract import stopwords
from .segment import BROKEN_DECIMAL

_TOKEN = re.compile(r"\d+(?:[.,:]\d+)*%?|\w+(?:['’]\w+)*", re.UNICODE)
# PTB and detokenization artifacts in the evaluation sets: "it 's", "do n't", "-lrb-", `` and ''.
_PTB = [
    (re.compile(r" (n't|'s|'re|'ve|'ll|'d|'m)\b", re.I), r"\1"),
    (re.compile(r"-lrb-|-lsb-|-lcb-", re.I), "("),
    (re.compile(r"-rrb-|-rsb-|-rcb-", re.I), ")"),
    (re.compile(r"``|''"), '"'),
    (re.compile(r"(\d), (\d{3})\b"), r"\1,\2"),  # "3, 800" -> "3,800"
    (re.compile(r"(\d) \. (\d)"), r"\1.\2"),
    (BROKEN_DECIMAL, r"\1."),  # "1. 3 billion" -> "1.3 billion" (segment keeps it one sentence)
]
NEGATIONS = frozenset(
    "not n't no never none neither nor nobody nothing nowhere without cannot deny denies denied refused".split()
)
NUMBER_WORDS = {
    "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7", "eight": "8",
    "nine": "9", "ten": "10", "eleven": "11", "twelve": "12", "fifteen": "15", "twenty": "20", "thirty": "30",
    "forty": "40", "fifty": "50", "hundred": "100", "thousand": "1000", "million": "1000000", "billion": "1e9",
    "dozen": "12", "half": "0.5", "first": "1st", "second": "2nd", "third": "3rd",
}  # fmt: skip
DATE_WORDS = frozenset(
    "january february march april may june july august september october november december jan feb mar apr jun "
    "jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday yesterday today "
    "tomorrow week month year weekend".split()
)
AMBIGUOUS_DATES = frozenset("may march sun sat wed week month year weekend today".split())
DATE_ALIASES = {"jan": "january", "feb": "february", "mar": "march", "apr": "april", "jun": "june", "jul": "july",
                "aug": "august", "sep": "september", "sept": "september", "oct": "october", "nov": "november",
                "dec": "december"}  # fmt: skip
# Plural group nouns that turn one named source into many ("experts warn" when one expert spoke).
GROUPS = frozenset(
    "experts officials analysts critics observers sides leaders authorities scientists researchers sources "
    "residents witnesses lawmakers diplomats commentators".split()
)
SPEECH = frozenset(
    "said says say told tells according argued argues warned warns claimed claims added adds stated "
    "believes believe believed accused accuses insisted insists suggested suggests urged urges".split()
)
_SEP = re.compile(r"[,;:–—()\"“”]")

FEATURES = [
    "cov1",  # IDF-weighted share of the claim's content stems found in the best single article sentence
    "cove",  # ... in the union of its evidence sentences (1-3)
    "cova",  # ... anywhere in the article
    "gain",  # cove - cov1: how much the claim needs a second/third sentence
    "spread",  # log(1 + distance) between evidence sentences that each carry a part of the claim
    "halves",  # log(1 + distance) between the best sentences of the claim's two halves
    "miss_idf",  # IDF mass of content stems absent from the article, per claim (not normalized)
    "names_art",  # names (capitalized in the claim or the article) absent from the article
    "names_ev",  # names present in the article but not in the evidence
    "nums_art",  # numbers absent from the article
    "nums_ev",  # numbers in the article but not in the evidence
    "dates_ev",  # month/weekday words absent from the evidence
    "neg_flip",  # negation count parity differs between the claim and its best sentence
    "bigram_new",  # share of the claim's word bigrams absent from the evidence
    "bigram_art",  # share of the claim's word bigrams absent from the whole article
    "trigram_art",  # share of the claim's word trigrams absent from the whole article
    "head_miss",  # share of the claim's first three content stems (its subject, usually) not in the best sentence
    "order",  # 1 - LCS of content stems with the best sentence / claim content length
    "group",  # a plural group noun in the claim absent (as a plural) from the evidence
    "speaker",  # the claim attributes speech and its speaker's words are missing from the evidence
    "length",  # log(1 + content stems)
    "cov1_sq",  # cov1 squared: coverage matters most near the top
    "short_sent",  # claim of 5 content words or fewer (coverage is noisy there)
    # How a copied claim was copied (``copy_fragments``): its stems cut greedily into the longest runs found
    # contiguous in one article sentence. A faithful extract is one run or a few in reading order; a splice is not.
    "frag_uncov",  # share of the claim's stems in no run of two or more (a word swapped into a copied span)
    "frag_jumps",  # runs that do not continue forward in the previous run's sentence (text continued from another)
    "frag_longest",  # the longest run / the claim's stems
    "trigram_one",  # share of the claim's trigrams found in its single best article sentence
]
# The paraphrase trees do not see the copy features: a paraphrase breaks copied runs by design.
COPY_ONLY = ("frag_uncov", "frag_jumps", "frag_longest", "trigram_one")

# The direction each feature may push P(supported): +1 up, -1 down, 0 free (enforced in training).
SIGNS = {
    "cov1": 1, "cove": 1, "cova": 1, "gain": 0, "spread": -1, "halves": -1, "miss_idf": -1, "names_art": -1,
    "names_ev": -1, "nums_art": -1, "nums_ev": -1, "dates_ev": -1, "neg_flip": -1, "bigram_new": -1,
    "bigram_art": -1, "trigram_art": -1, "head_miss": -1, "order": -1, "group": -1, "speaker": -1, "length": 0, "cov1_sq": 1,
    "short_sent": 0, "frag_uncov": -1, "frag_jumps": -1, "frag_longest": 1, "trigram_one": 1,
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Lexicon:
    """What news text in general says about a word, so that a word the article lacks can be told apart: "edinburgh"
    (a name: news text capitalizes it) is a new fact, "threatened" or "sharply" a paraphrase. Built by
    ``benchmarks/train_check.py`` from its training articles (Timeline17, BBC) and shipped with the weights."""

    docs: int
    idf: dict[str, float]  # log(docs / document frequency), lowercased words seen in two articles or more
    names: frozenset[str]  # words news text capitalizes inside a sentence (nearly) every time

    @classmethod
    def from_dict(cls, raw: dict) -> Lexicon:
        idf = {w: float(v) for v, words in raw.get("idf", {}).items() for w in words.split()}
        return cls(int(raw.get("docs", 1)), idf, frozenset(raw.get("names", "").split()))

    def specific(self, word: str) -> bool:
        """A name, or a word seen in at most one training article (with no lexicon at all, nothing is)."""
        return word in self.names or (bool(self.idf) and word not in self.idf)


_lexicon: Lexicon | None = None


def weights_json() -> dict:
    """The shipped ``data/check_weights.json`` (trees and lexicon)."""
    return _weights_json()


@lru_cache(maxsize=1)
def _weights_json() -> dict:
    return json.loads(
        resources.files("dateline").joinpath("data/check_weights.json").read_text(encoding="utf-8")
    )


def lexicon() -> Lexicon:
    global _lexicon
    if _lexicon is None:
        _lexicon = Lexicon.from_dict(weights_json().get("lexicon", {}))
    return _lexicon


def use_lexicon(lex: Lexicon) -> None:
    """Training builds its own lexicon before any weights exist."""
    global _lexicon
    _lexicon = lex


def normalize(text: str) -> str:
    """PTB-tokenized text back to plain text for matching."""
    for pattern, repl in _PTB:
        text = pattern.sub(repl, text)
    return text


@lru_cache(maxsize=200_000)
def stem(word: str, language: str = "en") -> str:
    stemmer = _stemmer(language)
    return stemmer.stemWord(word) if stemmer else word


@lru_cache(maxsize=32)
def _stemmer(language: str):
    """Snowball's stemmer for an ISO 639-1 code (the Punkt model names are Snowball's too); None: no stemming."""
    import snowballstemmer

    from .segment import PUNKT_MODELS

    name = PUNKT_MODELS.get(language)
    return snowballstemmer.stemmer(name) if name in snowballstemmer.algorithms() else None


@dataclass(slots=True)
class Tokens:
    """One text's tokens for matching: lowercased words, their stems, and which are content/name/number/date."""

    words: list[str]
    stems: list[str]
    content: list[str]  # content stems, in order
    names: set[str]
    numbers: set[str]
    dates: set[str]
    negations: int


def tokenize(text: str, names_hint: frozenset[str] = frozenset(), language: str = "en") -> Tokens:
    """Tokens of one sentence. A name is a word capitalized inside the sentence (not its first word) or a word that
    the article capitalizes (``names_hint``), so lowercased evaluation text still finds its names."""
    stop = stopwords(language)
    raw = _TOKEN.findall(normalize(text))
    words, stems, content = [], [], []
    names, numbers, dates = set(), set(), set()
    negations = 0
    for k, tok in enumerate(raw):
        low = tok.lower().replace("’", "'")
        words.append(low)
        st = stem(low, language)
        stems.append(st)
        if low in NEGATIONS or low.endswith("n't"):
            negations += 1
        if tok[0].isdigit():
            numbers.add(low.replace(",", "").rstrip("%"))
            continue
        if low in NUMBER_WORDS:
            numbers.add(NUMBER_WORDS[low])
        if low in DATE_WORDS and (tok[0].isupper() or low not in AMBIGUOUS_DATES):
            dates.add(DATE_ALIASES.get(low, low))
        if low in stop:
            continue
        content.append(st)
        if (k > 0 and tok[0].isupper() and low not in DATE_WORDS) or low in names_hint:
            names.add(st)
    return Tokens(words, stems, content, names, numbers, dates, negations)


def article_names(doc: Document) -> frozenset[str]:
    """Words the article writes capitalized inside a sentence (names), lowercased."""
    found = set()
    for s in doc.sentences:
        for k, tok in enumerate(_TOKEN.findall(normalize(s.text))):
            if (k > 0 and tok[0].isupper() and not tok.isupper()) or (
                k > 0 and tok.isupper() and len(tok) > 1
            ):
                found.add(tok.lower())
    # Words the article also uses lowercase are common nouns that happen to start a title ("Pentagon" stays).
    lower = {w for s in doc.sentences for w in _TOKEN.findall(s.text) if w.islower()}
    return frozenset(found - lower - DATE_WORDS)


class Article:
    """An article prepared once for many claims: tokens, content-stem sets and IDF weights per sentence."""

    def __init__(self, doc: Document):
        self.doc = doc
        self.names_hint = article_names(doc)
        self.tokens = [tokenize(s.text, self.names_hint, doc.language) for s in doc.sentences]
        self.sets = [set(t.content) for t in self.tokens]
        self.bigrams = [set(zip(t.stems, t.stems[1:], strict=False)) for t in self.tokens]
        self.all_bigrams = set().union(*self.bigrams) if self.bigrams else set()
        self.trigrams = {g for t in self.tokens for g in zip(t.stems, t.stems[1:], t.stems[2:], strict=False)}
        self.sent_trigrams = [set(zip(t.stems, t.stems[1:], t.stems[2:], strict=False)) for t in self.tokens]
        # Where each stem bigram starts, (sentence, position), for cutting copied claims into runs.
        self.starts: dict[tuple[str, str], list[tuple[int, int]]] = {}
        for j, t in enumerate(self.tokens):
            for k, g in enumerate(zip(t.stems, t.stems[1:], strict=False)):
                self.starts.setdefault(g, []).append((j, k))
        n = len(self.sets)
        df: dict[str, int] = {}
        for s in self.sets:
            for w in s:
                df[w] = df.get(w, 0) + 1
        self.idf = {w: math.log((1 + n) / (1 + c)) + 1.0 for w, c in df.items()}
        self.unseen_idf = math.log(1 + n) + 1.0
        self.vocab = set(df)
        self.all_stems = {st for t in self.tokens for st in t.stems}
        self.names = set().union(*(t.names for t in self.tokens)) if self.tokens else set()
        self.numbers = set().union(*(t.numbers for t in self.tokens)) if self.tokens else set()
        self.words = {w for t in self.tokens for w in t.words}

    def weight(self, w: str) -> float:
        return self.idf.get(w, self.unseen_idf)

    def best(self, stems: list[str]) -> tuple[int, float]:
        """The article sentence covering the most IDF mass of ``stems`` and that share."""
        total = math.fsum(self.weight(w) for w in set(stems)) or 1.0
        scores = [math.fsum(self.idf[w] for w in set(stems) & s) / total for s in self.sets]
        j = int(np.argmax(scores)) if scores else 0
        return j, (scores[j] if scores else 0.0)


@dataclass(slots=True)
class Alignment:
    """A claim's evidence (article sentence indexes, best first), its features, and facts for the reasons."""

    evidence: list[int]
    features: np.ndarray
    missing_names: list[str]
    misplaced_names: list[str]
    missing_numbers: list[str]
    misplaced_numbers: list[str]
    missing_dates: list[str]
    negation_flip: bool
    groups: list[str]
    speaker_missing: bool
    near_copy: bool  # most of the claim is one article sentence: a changed detail there is a contradiction

    @property
    def contradictions(self) -> bool:
        """A concrete fact the evidence contradicts: a number or name absent from the article, a date absent from
        the evidence, a negation flip, a speaker who is not the one quoted, or a name swapped into a copied sentence."""
        return bool(self.missing_numbers or self.missing_dates or self.missing_names
                    or self.negation_flip or self.speaker_missing
                    or (self.near_copy and self.misplaced_names))  # fmt: skip


def _known(name: str, vocab: set[str]) -> bool:
    """A name stem found in ``vocab``, allowing derived forms ("iranian" for "iran", "israeli" for "israel")."""
    if name in vocab:
        return True
    return len(name) >= 4 and any(len(v) >= 4 and (name.startswith(v) or v.startswith(name)) for v in vocab
                                  if v[:4] == name[:4])  # fmt: skip


def _negated(t: Tokens) -> set[str]:
    """Content stems in the scope of a negation: the two words after "not", "never", "can't"..."""
    out = set()
    content = set(t.content)
    for k, w in enumerate(t.words):
        if w in NEGATIONS or w.endswith("n't"):
            out.update(st for st in t.stems[k + 1 : k + 3] if st in content)
    return out


def _flipped(claim: Tokens, evidence: list[Tokens]) -> bool:
    """A word negated on one side and plainly asserted on the other ("did not strike ammunition depots" against
    "struck ammunition depots"); a negation in a part the claim left out is no flip."""
    mine = _negated(claim)
    claim_content = set(claim.content)
    for t in evidence:
        theirs = _negated(t)
        content = set(t.content)
        if any(x in content and x not in theirs for x in mine):
            return True
        if any(x in claim_content and x not in mine for x in theirs):
            return True
    return False


def _lcs(a: list[str], b: list[str]) -> int:
    if not a or not b:
        return 0
    prev = [0] * (len(b) + 1)
    for x in a:
        cur = [0]
        for j, y in enumerate(b):
            cur.append(prev[j] + 1 if x == y else max(prev[j + 1], cur[j]))
        prev = cur
    return prev[-1]


def copy_fragments(article: Article, stems: list[str]) -> tuple[float, float, float]:
    """The claim's stems cut greedily, left to right, into the longest runs found contiguous in one article sentence
    (two stems or more; on a tie, the run that continues the previous one). Returns (share of stems in no run, runs
    that do not continue forward in the previous run's sentence, the longest run / the claim's stems)."""
    n = len(stems)
    if n == 0:
        return 0.0, 0.0, 0.0
    uncovered = jumps = longest = 0
    prev: tuple[int, int] | None = None  # (sentence, end position) of the previous run
    i = 0
    while i < n:
        best: tuple[int, tuple[int, int] | None, bool] = (1, None, False)
        for j, k in article.starts.get(tuple(stems[i : i + 2]), ()):
            art = article.tokens[j].stems
            m = 2
            while i + m < n and k + m < len(art) and art[k + m] == stems[i + m]:
                m += 1
            follows = prev is not None and prev[0] == j and k >= prev[1]
            if m > best[0] or (m == best[0] and follows and not best[2]):
                best = (m, (j, k), follows)
        if best[1] is None:
            uncovered += 1
            i += 1
            continue
        m, (j, k), follows = best
        if prev is not None and not follows:
            jumps += 1
        prev = (j, k + m)
        longest = max(longest, m)
        i += m
    return uncovered / n, float(jumps), longest / n


def _speaker_words(tokens: Tokens) -> list[str]:
    """Who the claim says is speaking: the names (else the content words) next to a speech verb: up to eight words
    before it ("Sabrina Singh, a Pentagon spokeswoman, said"), three after it ("said Vali Nasr") or after
    "according to"."""
    out = []
    w = tokens.words
    stop = stopwords("en")
    for k, word in enumerate(w):
        if word not in SPEECH:
            continue
        if word == "according":
            window = w[k + 2 : k + 6]
        else:
            window = w[max(0, k - 8) : k] + w[k + 1 : k + 4]
        stems = [stem(x) for x in window if x.isalpha() and x not in stop and x not in SPEECH]
        names = [x for x in stems if x in tokens.names]
        out.extend(names or stems[-3:])
    return out


def align(article: Article, text: str) -> Alignment:
    """Evidence and features of one claim."""
    tok = tokenize(text, article.names_hint, article.doc.language)
    claim = set(tok.content)
    weights = {w: article.weight(w) for w in claim}
    total = math.fsum(weights.values()) or 1.0
    n = len(article.sets)
    if n == 0:
        raise ValueError("article has no sentences")
    shares = np.array([math.fsum(weights[w] for w in claim & s) for s in article.sets]) / total
    first = int(np.argmax(shares))
    tied = np.flatnonzero(shares == shares[first])
    if len(tied) > 1:  # a short claim covered by several sentences: the one that words it the same way
        bigrams = set(zip(tok.stems, tok.stems[1:], strict=False))
        first = max(tied.tolist(), key=lambda j: len(bigrams & article.bigrams[j]))
    cov1 = float(shares[first])
    evidence, covered = [first], claim & article.sets[first]
    spread = 0.0
    for _ in range(2):
        rest = claim - covered
        if not rest:
            break
        gains = np.array([math.fsum(weights[w] for w in rest & s) for s in article.sets]) / total
        gains[evidence] = 0
        j = int(np.argmax(gains))
        # Another sentence must bring a real part of the claim (two words or more), not one swapped-in name.
        if gains[j] < 0.1 or len(rest & article.sets[j]) < 2:
            break
        evidence.append(j)
        covered |= claim & article.sets[j]
        if gains[j] >= 0.15:
            spread = max(spread, math.log1p(min(abs(j - e) for e in evidence[:-1])))
    cove = math.fsum(weights[w] for w in covered) / total
    cova = math.fsum(weights[w] for w in claim & article.vocab) / total
    miss_idf = math.fsum(weights[w] for w in claim - article.vocab)

    # Halves: a claim whose two halves come from two distant sentences was fused.
    halves = 0.0
    content = tok.content
    if len(content) >= 6:
        mid = len(content) // 2
        ja, ca = article.best(content[:mid])
        jb, cb = article.best(content[mid:])
        if ja != jb and ca >= 0.5 and cb >= 0.5:
            halves = math.log1p(abs(ja - jb))

    ev_tokens = [article.tokens[j] for j in evidence]
    ev_names = set().union(*(t.names for t in ev_tokens)) | set().union(*(set(t.content) for t in ev_tokens))
    ev_numbers = set().union(*(t.numbers for t in ev_tokens))
    ev_dates = set().union(*(t.dates for t in ev_tokens))
    ev_words = set().union(*(set(t.words) for t in ev_tokens))
    missing_names = sorted(x for x in tok.names if not _known(x, article.vocab))
    misplaced_names = sorted(x for x in tok.names if x not in missing_names and not _known(x, ev_names))
    missing_numbers = sorted(x for x in tok.numbers if x not in article.numbers)
    misplaced_numbers = sorted(x for x in tok.numbers if x in article.numbers and x not in ev_numbers)
    missing_dates = sorted(x for x in tok.dates if x not in ev_dates and x not in AMBIGUOUS_DATES)
    best_tok = article.tokens[first]
    neg_flip = cov1 > 0.4 and _flipped(tok, ev_tokens[:1]) and _flipped(tok, ev_tokens)
    bigrams = set(zip(tok.stems, tok.stems[1:], strict=False))
    ev_bigrams = set().union(*(article.bigrams[j] for j in evidence))
    bigram_new = len(bigrams - ev_bigrams) / (len(bigrams) or 1)
    bigram_art = len(bigrams - article.all_bigrams) / (len(bigrams) or 1)
    trigrams = set(zip(tok.stems, tok.stems[1:], tok.stems[2:], strict=False))
    trigram_art = len(trigrams - article.trigrams) / (len(trigrams) or 1)
    trigram_one = max((len(trigrams & t) for t in article.sent_trigrams), default=0) / (len(trigrams) or 1)
    frag_uncov, frag_jumps, frag_longest = copy_fragments(article, tok.stems)
    order = 1.0 - _lcs(content, best_tok.content) / (len(content) or 1)
    head = content[:3]
    head_miss = sum(1 for w in head if w not in article.sets[first]) / (len(head) or 1)
    groups = sorted(g for g in GROUPS if g in tok.words and g not in ev_words)
    speakers = _speaker_words(tok)
    # The speaker must be named where the claim's content is: in its best sentence or a neighbour (quotes run on).
    near = [article.tokens[j] for j in range(max(0, first - 1), min(n, first + 2))]
    near_stems = set().union(*(set(t.stems) for t in near))
    speaker_missing = cov1 >= 0.4 and bool(speakers) and not any(s in near_stems for s in speakers)
    # Names in text that does not capitalize them (XSum, lowercased input): words the article has in no form that
    # news text in general writes as names or never uses ("edinburgh" where the article says "glasgow").
    lex = lexicon()
    extrinsic = {st for w, st in zip(tok.words, tok.stems, strict=True) if st in claim and w.isalpha()
                 and lex.specific(w) and st not in article.all_stems and not _known(st, article.vocab)}  # fmt: skip
    features = np.array(
        [
            cov1, cove, cova, cove - cov1, spread, halves, miss_idf, len(missing_names), len(misplaced_names),
            len(missing_numbers), len(misplaced_numbers), len(missing_dates), float(neg_flip), bigram_new, bigram_art, trigram_art, head_miss, order,
            float(bool(groups)), float(speaker_missing), math.log1p(len(claim)), cov1 * cov1,
            float(len(claim) <= 5), frag_uncov, frag_jumps, frag_longest, trigram_one,
        ],
        dtype=np.float64,
    )  # fmt: skip
    missing_names = sorted(set(missing_names) | extrinsic)
    return Alignment(evidence, features, missing_names, misplaced_names, missing_numbers, misplaced_numbers,
                     missing_dates, bool(neg_flip), groups, speaker_missing, cov1 >= 0.75)  # fmt: skip
