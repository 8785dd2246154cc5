"""Publication date from the text alone: dateline's inference beside a latest-explicit-date baseline.

The gold publication date is hidden and datelines are removed; the inference gets only the year (``around``), or
nothing ("no reference"). Coverage: share of articles where a system commits to a day; accuracy exact / ±1 / ±7
days counted where it commits; "interval holds truth": share of dateline's answers (day or interval) that contain
the true date.

    python benchmarks/pubdate.py --data ../shared/data --t17-sample 500
"""

from __future__ import annotations

import random
import re
import sys
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import need, parser, read_jsonl, table, write_results

from dateline.pubdate import from_text, parse_around
from dateline.temporal import scan

_DATELINE = re.compile(r"^\s*[A-Z][A-Z .,'-]{2,40}(?:\([A-Za-z ]+\))?\s*(?:_|--|—|-)\s*")


def strip_dateline(text: str) -> str:
    """Drop the opening lines that state a date (a dateline or a date stamp) and an agency dateline prefix."""
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
    return _DATELINE.sub("", "\n".join(out), count=1)


def load(data: Path, t17_sample: int) -> dict[str, list[tuple[str, date]]]:
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
    sets[f"Timeline17 ({t17_sample} sampled)"] = [
        (strip_dateline(r["text"]), date.fromisoformat(r["date"][:10])) for r in rows[:t17_sample]
    ]
    return sets


def baseline(text: str, around) -> tuple[date | None, date | None, date | None]:
    """The latest fully placed date in the text (year from the reference, or stated)."""
    hint = around[1].year if around else None
    days = []
    for m in scan(text):
        if m.kind == "date":
            y = m.f.get("year") or hint
            try:
                days.append(date(y, m.f["month"], m.f["day"])) if y else None
            except ValueError:
                pass
    d = max(days) if days else None
    return d, d, d


def ours(text: str, around) -> tuple[date | None, date | None, date | None]:
    p = from_text(text, around)
    return p.value, p.earliest, p.latest


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
    pct = lambda k, d: f"{100 * k / d:.1f}" if d else "-"  # noqa: E731
    return [n, pct(committed, n), pct(exact, committed), pct(one, committed), pct(seven, committed),
            f"{pct(holds, answered)} of {answered}"]  # fmt: skip


def main() -> None:
    p = parser(__doc__.splitlines()[0])
    p.add_argument("--t17-sample", type=int, default=500, help="Timeline17 articles to sample (default 500)")
    args = p.parse_args()
    sets = load(args.data, args.t17_sample)
    rows = []
    for name, docs in sets.items():
        for with_year in (True, False):
            for sys_name, fn in (("dateline", ours), ("latest explicit date", baseline)):
                rows.append([name, "year given" if with_year else "no reference", sys_name,
                             *evaluate(docs, fn, with_year)])  # fmt: skip
    stated = []
    for name, docs in sets.items():
        days = [[m for m in scan(text) if m.kind == "date"] for text, _ in docs]
        with_day = sum(1 for ms in days if ms)
        with_year = sum(1 for ms in days if any(m.f.get("year") for m in ms))
        stated.append(
            [name, len(docs), f"{100 * with_day / len(docs):.1f}", f"{100 * with_year / len(docs):.1f}"]
        )
    body = (
        "What the texts state, datelines stripped (no system can commit to a day where no day is stated):\n\n"
        + table(["data", "articles", "state a month-day %", "state a full date (with year) %"], stated)
        + "\n\n"
        + table(
            [
                "data",
                "reference",
                "system",
                "articles",
                "coverage %",
                "exact %",
                "±1 day %",
                "±7 days %",
                "interval holds truth %",
            ],
            rows,
        )
        + "\n\nAccuracy columns count only the articles where the system commits to a day. Datelines stripped"
        " (opening lines that state a date, agency prefixes).\n"
    )
    write_results("pubdate", "Publication date from the text", body)


if __name__ == "__main__":
    main()
