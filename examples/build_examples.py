"""Rebuild the example pages from the WikiNews fixtures (CC BY 4.0): the tokenized MEANTIME text is joined back
into ordinary prose and wrapped in a small news page with its publication date in the metadata.

    python examples/build_examples.py
"""

import html
import json
import re
from pathlib import Path

HERE = Path(__file__).parent
FIXTURES = HERE.parent / "tests" / "fixtures" / "wikinews_meantime_airbus.jsonl"
EXAMPLES = {"100911": "wikinews-tanker-contract", "62929": "wikinews-a380-us-flight"}


def detokenize(text: str) -> str:
    text = re.sub(r"``\s*", "“", text)
    text = re.sub(r"\s*''", "”", text)
    text = re.sub(r" ([.,;:!?%)\]])", r"\1", text)
    text = re.sub(r"([(\[$#]) ", r"\1", text)
    text = re.sub(r" (['’](s|re|ve|ll|d|t)\b)", r"\1", text)
    text = re.sub(r" n't\b", "n't", text)
    return text.replace("GB #", "£").replace("US$ ", "US$")


def page(row: dict) -> str:
    lines = [detokenize(x) for x in row["text_without_title_and_dateline"].split("\n") if x.strip()]
    title = detokenize(row["title"])
    body = "\n".join(f"<p>{html.escape(x)}</p>" for x in lines)
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>{html.escape(title)} - Wikinews</title>
<meta property="article:published_time" content="{row["dct"]}T12:00:00Z">
<meta name="description" content="{html.escape(lines[0][:150])}">
<link rel="canonical" href="{html.escape(row["url"])}">
</head><body>
<nav><a href="/">Main page</a> | <a href="/wiki/Portal:Business">Business</a> | <a href="/wiki/Special:Random">Random article</a></nav>
<article><h1>{html.escape(title)}</h1>
<p class="dateline">{row["dct"]}</p>
{body}
</article>
<footer><p>This article was published on Wikinews, the free news source, and is licensed under CC BY 4.0.
Source: <a href="{html.escape(row["url"])}">{html.escape(row["url"])}</a>.</p></footer>
</body></html>
"""


def main() -> None:
    for line in FIXTURES.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if row["doc_id"] in EXAMPLES:
            (HERE / f"{EXAMPLES[row['doc_id']]}.html").write_text(page(row), encoding="utf-8")


if __name__ == "__main__":
    main()
