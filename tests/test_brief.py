"""dateline.brief on real articles: the seed, WikiNews fixtures, HTML pages; the result object and its formats."""

import json
import re

import pytest

import dateline
from dateline import errors, render


def test_seed_brief_with_date(seed_text):
    result = dateline.brief(seed_text, date="2023-11-30")
    text = result.to_text()
    assert text.splitlines()[0] == "date 2023-11-30"
    assert text.splitlines()[1] == ""
    assert result.date == "2023-11-30" and result.date_source == "user"
    # Verbatim and whole: every sentence is an article sentence (or its part after a dateline).
    for s in result.sentences:
        assert s.text in seed_text
        assert result.document.text[s.start : s.end] == s.text
    # About a third of the article, in 3 to 9 paragraphs, like the seed's own brief.
    words = sum(len(s.text.split()) for s in result.sentences)
    assert 0.2 * result.document.words <= words <= 0.5 * result.document.words
    assert 3 <= len(result.paragraphs) <= 9
    # Furniture never becomes brief content.
    assert "contributed reporting" not in text
    # Source order is kept.
    starts = [s.start for s in result.sentences]
    assert starts == sorted(starts)


def test_seed_paragraphs_render_as_blocks(seed_text):
    result = dateline.brief(seed_text, date="2023-11-30")
    blocks = result.to_text().rstrip("\n").split("\n\n")
    assert blocks[0] == "date 2023-11-30"
    assert blocks[1:] == [" ".join(s.text for s in p) for p in result.paragraphs]


def test_json_offsets_slice_back(seed_text):
    data = json.loads(dateline.brief(seed_text, date="2023-11-30").render("json"))
    assert data["date"] == "2023-11-30" and data["date_source"] == "user"
    assert data["publication_date"]["evidence"]
    assert data["method"] and "params" in data
    text = data["article"]["text"]
    for para in data["paragraphs"]:
        for s in para:
            assert text[s["start"] : s["end"]] == s["text"]


@pytest.mark.parametrize(("option", "value"), [("sentences", 4), ("words", 120), ("ratio", 0.2)])
def test_lengths(seed_text, option, value):
    result = dateline.brief(seed_text, date="2023-11-30", **{option: value})
    n_words = sum(len(s.text.split()) for s in result.sentences)
    if option == "sentences":
        assert len(result.sentences) == value
    elif option == "words":
        assert 60 <= n_words <= 180
    else:
        assert 0.1 * result.document.words <= n_words <= 0.3 * result.document.words


def test_bad_lengths_and_date(seed_text):
    with pytest.raises(errors.UsageError, match="at most one"):
        dateline.brief(seed_text, sentences=3, words=100)
    with pytest.raises(errors.UsageError, match="ratio"):
        dateline.brief(seed_text, ratio=1.5)
    with pytest.raises(errors.UsageError, match="at least 1"):
        dateline.brief(seed_text, sentences=0)
    with pytest.raises(errors.UsageError, match="malformed date"):
        dateline.brief(seed_text, date="30/11/2023")


def test_seed_without_date_is_unknown_or_inferred_and_require_date(seed_text):
    result = dateline.brief(seed_text)
    # The seed never states its year: without a reference date nothing may be committed to.
    assert result.date is None and result.date_source == "unknown"
    assert result.to_text().startswith("date unknown\n\n")
    with pytest.raises(errors.DateUnknown):
        dateline.brief(seed_text, require_date=True)


def test_seed_dated_from_its_text_with_a_reference_year(seed_text):
    result = dateline.brief(seed_text, around="2023")
    assert result.date_source == "text"
    assert result.date == "2023-11-30"
    assert (
        "2023-11-29"
        <= result.published.to_dict()["earliest"]
        <= result.published.to_dict()["latest"]
        <= "2023-12-01"
    )
    assert result.to_text().startswith("date 2023-11-30\n\n")


def test_wikinews_fixtures(wikinews):
    for row in wikinews:
        result = dateline.brief(row["text_without_title_and_dateline"], date=row["dct"] or None)
        assert result.sentences, row["doc_id"]
        for s in result.sentences:
            assert s.text in row["text_without_title_and_dateline"]
        if row["dct"]:
            assert result.to_text().startswith(f"date {row['dct']}\n\n")


def test_wikinews_dateline_in_text_gives_the_date(wikinews):
    # MEANTIME's full text carries the title and a dateline line ("March 01 , 2008") at the top.
    row = wikinews[0]
    result = dateline.brief(row["text"])
    assert result.date == row["dct"] and result.date_source == "text"
    assert all(not re.fullmatch(r"[A-Z][a-z]+ \d\d , \d{4}", s.text) for s in result.sentences)


def test_short_single_line_and_bullets():
    one = dateline.brief("Boeing unveiled its long-range 777 on Tuesday.", date="2005-02-17")
    assert [s.text for s in one.sentences] == ["Boeing unveiled its long-range 777 on Tuesday."]
    bullets = (
        "Key points of the budget:\n"
        "- The government will raise the fuel tax by two cents a litre from January.\n"
        "- Pensions rise by 3 percent, the largest increase in a decade.\n"
        "- Defence spending is cut by 1.2 billion euros over four years.\n"
        "- A new agency will oversee public broadband projects in rural areas.\n"
    )
    result = dateline.brief(bullets, date="2024-10-01")
    assert 1 <= len(result.sentences) <= 3
    for s in result.sentences:
        assert s.text in bullets and not s.text.startswith("Key points")


def test_markdown_and_html(seed_text):
    result = dateline.brief(seed_text, date="2023-11-30")
    md = result.render("markdown")
    assert "*2023-11-30*" in md and result.sentences[0].text in md
    page = result.render("html")
    assert page.startswith("<!doctype html>") and "<mark>" in page


def test_markdown_renders_the_article_text_as_it_is():
    """Article text that looks like Markdown or HTML is escaped: pasted into a newsletter it reads as written."""
    text = (
        "*Shares* of the firm rose 4 percent on Monday, the exchange said, after a profit warning. "
        "The company's statement ended with <b>Investor relations</b> and a [link](http://x.example).\n\n"
        "#Earnings trended on social media on Monday. Profits fell in every region, the report said."
    )
    md = dateline.brief(text, date="2024-01-08", ratio=1.0).render("markdown")
    assert r"\*Shares\*" in md and r"\<b\>Investor relations\</b\>" in md and r"\[link\](http" in md
    assert "\n\\#Earnings trended" in md  # not a heading
    assert "<b>" not in md and "*Shares*" not in md
    # A paragraph opening like a list item stays a paragraph; a hard-wrapped line break goes; "&lt;" stays text.
    assert render.md_escape("1. Profits fell") == r"1\. Profits fell" and render.md_escape("- so") == r"\- so"
    assert render.md_escape("a rise of\n+ 5 percent") == "a rise of + 5 percent"
    assert render.md_escape("AT&T wrote &lt;b&gt;") == r"AT&T wrote \&lt;b\&gt;"
    assert render.md_url("https://x.example/a (1)") == "https://x.example/a%20%281%29"


def test_brief_takes_a_path_bytes_or_text_and_refuses_other_types(seed_text, tmp_path):
    path = tmp_path / "article.txt"
    path.write_text(seed_text, encoding="utf-8")
    expected = dateline.brief(seed_text, date="2023-11-30").to_text()
    assert dateline.brief(path, date="2023-11-30").to_text() == expected
    assert dateline.brief(path.read_bytes(), date="2023-11-30").to_text() == expected
    for bad in (None, 123, ["a list"]):
        with pytest.raises(errors.BadInput, match="expected article text"):
            dateline.brief(bad)


def test_library_prints_nothing(seed_text, capsys):
    dateline.brief(seed_text)
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err == ""
