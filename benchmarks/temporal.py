"""Temporal expressions: dateline's tagger beside dateparser's ``search_dates`` and datefinder, same run, same data.

TempEval-3 scoring: strict span F1 (exact offsets), relaxed span F1 (overlap), value F1 (relaxed match and the
normalized value right). Every document is tagged against its gold publication date (DCT). Speed: median ms to tag
a 1,000-word article on one core, and the ratio to ``search_dates`` on the same texts.

    python benchmarks/temporal.py --data ../shared/data --seed ../shared/seeds
"""

from __future__ import annotations

import statistics
import sys
import time
import warnings
from datetime import date, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import need, parser, pin_one_core, read_jsonl, table, write_results

from dateline.temporal import tag


def load_sets(data: Path, seed: Path | None) -> dict[str, list[dict]]:
    """Documents as {"text", "dct", "timexes"} per data set, gold offsets checked against the text."""
    sets: dict[str, list[dict]] = {}
    for name, file in (
        ("TimeBank", "tempeval3_timebank.jsonl.gz"),
        ("AQUAINT", "tempeval3_aquaint.jsonl.gz"),
    ):
        sets[name] = [{"text": r["text"], "dct": r["dct"][:10], "timexes": r["timexes"]}
                      for r in read_jsonl(need(data / file))]  # fmt: skip
    mt = []
    for r in read_jsonl(need(data / "meantime_airbus.jsonl")):
        gold = [t for t in r["timexes"] if "start" in t and t.get("function") != "CREATION_TIME"]
        dct = r["dct"] or next(
            (t["value"] for t in r["timexes"] if t.get("function") == "CREATION_TIME"), None
        )
        if dct and len(dct) >= 10:
            mt.append({"text": r["text"], "dct": dct[:10], "timexes": gold, "skip": _dateline_span(r)})
    sets["MEANTIME"] = mt
    if seed is not None:
        import json

        labels = json.loads((seed / "article-timexes.json").read_text(encoding="utf-8"))
        text = (seed / labels["article"]).read_text(encoding="utf-8")
        sets["seed"] = [{"text": text, "dct": labels["document_date"], "timexes": labels["timexes"]}]
    for docs in sets.values():
        for d in docs:
            d["timexes"] = [t for t in d["timexes"] if d["text"][t["start"] : t["end"]] == t["text"]]
    return sets


def _dateline_span(row: dict) -> tuple[int, int]:
    """MEANTIME texts start with the title and a dateline line; the DCT timex there is not scored."""
    lines = row["text"].split("\n")
    start = len(lines[0]) + 1
    return start, start + len(lines[1]) if len(lines) > 1 else start


def score(docs: list[dict], system) -> dict[str, float]:
    """TempEval-3 span and value scores of ``system(text, dct) -> [(start, end, value)]`` over ``docs``."""
    n_sys = n_gold = strict = relaxed_sys = relaxed_gold = value_ok = 0
    for d in docs:
        found = system(d["text"], date.fromisoformat(d["dct"]))
        if "skip" in d:
            lo, hi = d["skip"]
            found = [f for f in found if not (f[0] < hi and lo < f[1])]
        gold = d["timexes"]
        n_sys += len(found)
        n_gold += len(gold)
        spans = {(g["start"], g["end"]) for g in gold}
        strict += sum(1 for f in found if (f[0], f[1]) in spans)
        relaxed_sys += sum(1 for f in found if any(f[0] < g["end"] and g["start"] < f[1] for g in gold))
        for g in gold:
            hits = [f for f in found if f[0] < g["end"] and g["start"] < f[1]]
            if hits:
                relaxed_gold += 1
                value_ok += any(f[2] == g["value"] for f in hits)

    def f1(p_num: int, r_num: int) -> tuple[float, float, float]:
        p = p_num / n_sys if n_sys else 0.0
        r = r_num / n_gold if n_gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    sp, sr, sf = f1(strict, strict)
    rp, rr, rf = f1(relaxed_sys, relaxed_gold)
    vp, vr, vf = f1(value_ok, value_ok)
    return {"strict P": sp, "strict R": sr, "strict F1": sf, "relaxed P": rp, "relaxed R": rr, "relaxed F1": rf,
            "value P": vp, "value R": vr, "value F1": vf, "gold": n_gold, "found": n_sys}  # fmt: skip


# ---------------------------------------------------------------------------------------------------- the systems


def dateline_system(text: str, dct: date) -> list[tuple[int, int, str]]:
    return [(t.start, t.end, t.value) for t in tag(text, dct, "en")]


def _locate(text: str, pieces) -> list[tuple[int, int, str]]:
    """Offsets of the substrings a peer returns (in order), with its date as a YYYY-MM-DD value."""
    out, pos = [], 0
    for piece, value in pieces:
        at = text.find(piece, pos)
        if at < 0:
            at = text.find(piece)
        if at < 0:
            continue
        out.append((at, at + len(piece), value.date().isoformat()))
        pos = at + len(piece)
    return out


def dateparser_system(text: str, dct: date) -> list[tuple[int, int, str]]:
    from dateparser.search import search_dates

    base = datetime(dct.year, dct.month, dct.day, 12)
    found = search_dates(
        text, languages=["en"], settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"}
    )
    return _locate(text, found or [])


def datefinder_system(text: str, dct: date) -> list[tuple[int, int, str]]:
    import datefinder

    base = datetime(dct.year, dct.month, dct.day, 12)
    out = []
    for value, _source, (start, end) in datefinder.find_dates(text, source=True, index=True, base_date=base):
        out.append((start, end, value.date().isoformat()))
    return out


def _safe_system(fn):
    def run(text: str, dct: date):
        try:
            return fn(text, dct)
        except Exception:  # a peer crashing on a document scores nothing there
            return []

    return run


# -------------------------------------------------------------------------------------------------------- speed


def thousand_word_texts(sets: dict[str, list[dict]], n: int) -> list[tuple[str, date]]:
    """Texts of exactly 1,000 words: the seed cut to 1,000 words, and TempEval documents joined up to 1,000."""
    texts: list[tuple[str, date]] = []
    if "seed" in sets:
        d = sets["seed"][0]
        texts.append((" ".join(d["text"].split(" ")[:1000]), date.fromisoformat(d["dct"])))
    words: list[str] = []
    docs = sets["TimeBank"] + sets["AQUAINT"]
    for d in docs:
        words += d["text"].split(" ")
        if len(words) >= 1000:
            texts.append((" ".join(words[:1000]), date.fromisoformat(d["dct"])))
            words = []
        if len(texts) >= n:
            break
    return texts


def median_ms(fn, texts: list[tuple[str, date]], repeat: int) -> float:
    from dateline import temporal

    times = []
    fn(*texts[0])  # warm up: first calls compile the peers' (and our) patterns
    for text, dct in texts:
        for _ in range(repeat):
            temporal._scan_cached.cache_clear()
            t0 = time.perf_counter()
            fn(text, dct)
            times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


SCORES = ["strict F1", "relaxed P", "relaxed R", "relaxed F1", "value P", "value R", "value F1"]


def main() -> None:
    p = parser(__doc__.splitlines()[0])
    p.add_argument(
        "--seed", type=Path, default=Path(__file__).resolve().parent.parent.parent / "shared" / "seeds"
    )
    p.add_argument("--no-peers", action="store_true", help="score dateline only (fast, while developing)")
    p.add_argument("--speed-texts", type=int, default=20, help="1,000-word texts to time (default 20)")
    args = p.parse_args()
    pin_one_core()
    warnings.filterwarnings("ignore")
    sets = load_sets(args.data, args.seed if (args.seed / "article-timexes.json").exists() else None)
    sets["TimeBank+AQUAINT"] = sets["TimeBank"] + sets["AQUAINT"]
    order = ["TimeBank+AQUAINT", "TimeBank", "AQUAINT", "MEANTIME", "seed"]
    systems = {"dateline": dateline_system}
    if not args.no_peers:
        systems["dateparser search_dates"] = _safe_system(dateparser_system)
        systems["datefinder"] = _safe_system(datefinder_system)
    rows = []
    for name in order:
        if name not in sets:
            continue
        for sys_name, fn in systems.items():
            s = score(sets[name], fn)
            rows.append([name, sys_name, s["gold"], s["found"]] + [f"{s[k]:.3f}" for k in SCORES])
    quality = table(["data", "system", "gold", "found", *SCORES], rows)
    texts = thousand_word_texts(sets, args.speed_texts)
    ours = median_ms(dateline_system, texts, 5)
    speed_rows = [["dateline", len(texts), ours, 1.0]]
    if not args.no_peers:
        for sys_name in ("dateparser search_dates", "datefinder"):
            theirs = median_ms(systems[sys_name], texts, 1)
            speed_rows.append([sys_name, len(texts), theirs, theirs / ours])
    speed = table(
        ["system", "1,000-word texts", "median ms (one core)", "times slower than dateline"], speed_rows
    )
    body = (
        "## Quality (TempEval-3 scoring; value F1 = relaxed span match with the right value)\n\n"
        + quality
        + "\n\nGold publication dates given. MEANTIME: the title/dateline line's creation-time timex is not scored."
        + " Published anchor (TempEval-3 platinum test set, not this set): HeidelTime value F1 77.6.\n\n"
        + "## Speed\n\n"
        + speed
        + "\n"
    )
    write_results("temporal", "Temporal expressions", body, ["dateparser", "datefinder"])


if __name__ == "__main__":
    main()
