"""Publication date from the text alone: dateline's inference beside a latest-explicit-date baseline.

The gold publication date is hidden and datelines are removed; the inference gets only the year (``around``), or
nothing ("no reference"). Coverage: share of articles where a system commits to a day; accuracy exact / ±1 / ±7
days counted where it commits; "interval holds truth": share of dateline's answers (day or interval) that contain
the true date.

Timeline17 is split once (seeded shuffle): the first ``--t17-sample`` articles are reported, the rest is the fit
split on which ``--fit`` fits the recency weights and threshold of ``dateline.pubdate`` (it prints them; they are
pasted into the module). TempEval-3 and MEANTIME are never fitted on.

    python benchmarks/pubdate.py --data ../shared/data --t17-sample 500
    python benchmarks/pubdate.py --data ../shared/data --t17-sample 500 --fit
"""

from __future__ import annotations

import random
import re
import sys
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import need, parser, read_jsonl, table, write_results

from dateline import pubdate
from dateline.pubdate import from_text, parse_around
from dateline.temporal import scan

_DATELINE = re.compile(r"^\s*[A-Z][A-Z .,'-]{2,40}(?:\([A-Za-z ]+\))?\s*(?:_|--|—|-)\s*")
# What else states the publication date outright and is not the article's prose: an agency dateline later in the
# opening ("ZURICH , May 10 -LRB- Reuters -RRB- -"), a date-and-time stamp ("By Ezra Klein | May 27 , 2009 ; 10:04
# AM ET", "updated : Tue Dec 13 2011 11:22:00") with the weekday before it, and a print footer ("This article
# appeared on p22 of the Main section of the Guardian on ...").
_AGENCY = re.compile(r"[\s,–—-]*(?:-LRB-|\()\s*(?:Reuters|AP|AFP|CNN|Bloomberg|UPI|Xinhua)\s*(?:-RRB-|\))")
_TIME_AFTER = re.compile(r"\s*[;,|]?\s*(?:at\s+)?\d{1,2}[:.]\d{2}\b")
_WEEKDAY_BEFORE = re.compile(r"\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?\s*,?\s*$")
_FOOTER = re.compile(r"(?:This|A version of this) article (?:appeared|was published)[^\n]*", re.IGNORECASE)


def strip_dateline(text: str) -> str:
    """Drop the opening lines that state a date (a dateline or a date stamp), agency datelines and date-and-time
    stamps anywhere, and print footers."""
    lines = text.split("\n")
    out, head = [], 0
    for line in lines:
        if head < 4 and line.strip():
            head += 1
            ms = scan(line)
            if any(
                m.kind in ("date", "weekday", "relday") and (m.f.get("year") or len(line.split()) < 15)
                for m in ms
            ):
                continue
        out.append(line)
    text = _FOOTER.sub("", _DATELINE.sub("", "\n".join(out), count=1))
    cuts = []
    for m in scan(text):
        if m.kind == "date" and (
            _AGENCY.match(text, m.end) or (m.f.get("year") and _TIME_AFTER.match(text, m.end))
        ):
            w = _WEEKDAY_BEFORE.search(text, max(0, m.start - 14), m.start)
            cuts.append((w.start() if w else m.start, m.end))
    for s, e in reversed(cuts):
        text = text[:s] + text[e:]
    return text


def load(data: Path, t17_sample: int) -> tuple[dict[str, list[tuple[str, date]]], list[tuple[str, date]]]:
    """The reported sets, and Timeline17's fit split."""
    sets: dict[str, list[tuple[str, date]]] = {}
    te3 = []
    for file in ("tempeval3_timebank.jsonl.gz", "tempeval3_aquaint.jsonl.gz"):
        te3 += [
            (strip_dateline(r["text"]), date.fromisoformat(r["dct"][:10]))
            for r in read_jsonl(need(data / file))
        ]
    sets["TempEval-3 (TimeBank+AQUAINT)"] = te3
    sets["MEANTIME"] = [
        (strip_dateline(r["text_without_title_and_dateline"]), date.fromisoformat(r["dct"][:10]))
        for r in read_jsonl(need(data / "meantime_airbus.jsonl"))
        if r.get("dct")
    ]
    rows = [r for r in read_jsonl(need(data / "timeline17" / "articles.jsonl.gz")) if r["text"].strip()]
    random.Random(17).shuffle(rows)
    t17 = [(strip_dateline(r["text"]), date.fromisoformat(r["date"][:10])) for r in rows]
    sets[f"Timeline17 ({t17_sample} sampled, held out)"] = t17[:t17_sample]
    return sets, t17[t17_sample:]


def baseline(text: str, around) -> tuple[date | None, date | None, date | None]:
    """The latest fully placed date in the text (year from the reference, or stated)."""
    d = max(_stated_days(text, around), default=None)
    return d, d, d


def _stated_days(text: str, around) -> list[date]:
    hint = around[1].year if around else None
    days = []
    for m in scan(text):
        if m.kind == "date" and (y := m.f.get("year") or hint):
            try:
                days.append(date(y, m.f["month"], m.f["day"]))
            except ValueError:
                pass
    return days


def ours(commit_score: float | None = None):
    def run(text: str, around) -> tuple[date | None, date | None, date | None]:
        p = from_text(text, around, commit_score=commit_score)
        return p.value, p.earliest, p.latest

    return run


def evaluate(docs, system, with_year: bool) -> list[object]:
    n = len(docs)
    committed = exact = one = seven = holds = answered = 0
    for text, truth in docs:
        around = parse_around(str(truth.year)) if with_year else None
        value, lo, hi = system(text, around)
        if value is not None:
            committed += 1
            delta = abs((value - truth).days)
            exact += delta == 0
            one += delta <= 1
            seven += delta <= 7
        if value is not None or lo is not None or hi is not None:
            answered += 1
            holds += (lo is None or lo <= truth) and (hi is None or truth <= hi)
    return [n, _pct(committed, n), _pct(exact, committed), _pct(one, committed), _pct(seven, committed),
            f"{_pct(holds, answered)} of {answered}"]  # fmt: skip


def _pct(k: int, d: int) -> str:
    return f"{100 * k / d:.1f}" if d else "-"


# ------------------------------------------------------------------------------------------ fitting the recency


def _scored(docs) -> list[tuple[float, int]]:
    """(recency score, days from the latest stated date to the truth) for the documents that state a day."""
    out = []
    for text, truth in docs:
        ms = scan(text)
        found = pubdate.recency_features(text, ms, pubdate.stated_days(text, ms, truth.year), truth.year)
        if found:
            out.append((pubdate.recency_score(found[2]), abs((truth - found[0]).days), found[2]))
    return out


def fit(docs) -> None:
    """Fit the recency weights (logistic regression) and pick the threshold on ``docs``; print the constants."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    rows = _scored(docs)
    keys = list(pubdate.RECENT_WEIGHTS)
    x = np.array([[f[k] for k in keys] for _, _, f in rows])
    y = np.array([delta <= 1 for _, delta, _ in rows])
    clf = LogisticRegression(C=1.0, max_iter=5000).fit(x, y)
    weights = dict(zip(keys, (round(float(w), 3) for w in clf.coef_[0]), strict=True))
    pubdate.RECENT_WEIGHTS.update(weights)
    pubdate.RECENT_BIAS = round(float(clf.intercept_[0]), 3)
    scored = [(pubdate.recency_score(f), delta) for _, delta, f in _scored(docs)]
    threshold = None
    for t in [k / 100 for k in range(20, 100, 5)]:
        sel = [delta for s, delta in scored if s >= t]
        if sel and sum(d <= 1 for d in sel) >= 0.7 * len(sel) and sum(d <= 7 for d in sel) >= 0.9 * len(sel):
            threshold = t
            break
    print(f"fit on {len(docs)} Timeline17 articles ({len(rows)} state a day; {int(y.sum())} within a day)")
    print(f"RECENT_WEIGHTS = {weights}")
    print(f"RECENT_BIAS = {pubdate.RECENT_BIAS}")
    print(f"RECENT_THRESHOLD = {threshold}")


# --------------------------------------------------------------------------------------------------------- main


def main() -> None:
    p = parser(__doc__.splitlines()[0])
    p.add_argument("--t17-sample", type=int, default=500, help="Timeline17 articles to report (default 500)")
    p.add_argument("--fit", action="store_true", help="fit the recency weights on Timeline17's fit split")
    args = p.parse_args()
    sets, fit_split = load(args.data, args.t17_sample)
    if args.fit:
        fit(fit_split)
        return
    systems = [
        ("dateline", ours()),
        ("dateline, bounds only (no recency commit)", ours(2.0)),
        ("latest explicit date", baseline),
    ]
    rows = []
    for name, docs in sets.items():
        for with_year in (True, False):
            for sys_name, fn in systems:
                rows.append([name, "year given" if with_year else "no reference", sys_name,
                             *evaluate(docs, fn, with_year)])  # fmt: skip
    stated = []
    for name, docs in sets.items():
        n = len(docs)
        days = [(_stated_days(text, parse_around(str(truth.year))), truth) for text, truth in docs]
        close = [sum(any(abs((d - t).days) <= k for d in ds) for ds, t in days) for k in (1, 7)]
        full = sum(1 for text, _ in docs if any(m.kind == "date" and m.f.get("year") for m in scan(text)))
        some = sum(1 for ds, _ in days if ds)
        stated.append([name, n, _pct(some, n), _pct(full, n), _pct(close[0], n), _pct(close[1], n)])
    curve = []
    for name, docs in sets.items():
        scored = _scored(docs)
        for t in sorted({0.3, 0.4, 0.5, 0.6, 0.8, pubdate.RECENT_THRESHOLD}):
            sel = [delta for s, delta, _ in scored if s >= t]
            shipped = " (shipped)" if t == pubdate.RECENT_THRESHOLD else ""
            curve.append([name, f"{t:.2f}{shipped}", _pct(len(sel), len(docs)), _pct(sum(d == 0 for d in sel), len(sel)),
                          _pct(sum(d <= 1 for d in sel), len(sel)), _pct(sum(d <= 7 for d in sel), len(sel))])  # fmt: skip
    stated_head = ["data", "articles", "state a month-day %", "state a full date (with year) %",
                   "a stated day within ±1 of the truth %", "a stated day within ±7 %"]  # fmt: skip
    rows_head = ["data", "reference", "system", "articles", "coverage %", "exact %", "±1 day %", "±7 days %",
                 "interval holds truth %"]  # fmt: skip
    body = (
        "What the texts state, datelines stripped, year given. No system can commit to a day where no day is "
        "stated; the last two columns are the ceiling of any rule that picks one of the stated days:\n\n"
        + table(stated_head, stated)
        + "\n\n"
        + table(rows_head, rows)
        + '\n\nAccuracy columns count only the articles where the system commits to a day. "Bounds only" is '
        "dateline without the recency commit (the state before it). Datelines stripped: opening lines that state "
        "a date, agency datelines, date-and-time stamps, print footers.\n\n"
        "Coverage and accuracy as the recency threshold is relaxed (year given; committing to the latest stated "
        "day when its recency score clears the threshold). Weights and threshold fitted on Timeline17's fit split "
        f"({len(fit_split)} articles, `--fit`): the threshold is the lowest whose precision there is ≥ 70 % "
        "within a day and ≥ 90 % within a week. Not fitted on TempEval-3, MEANTIME or the Timeline17 sample.\n\n"
        + table(["data", "threshold", "coverage %", "exact %", "±1 day %", "±7 days %"], curve)
        + "\n"
    )
    write_results("pubdate", "Publication date from the text", body)


if __name__ == "__main__":
    main()
