"""The publication date: from the user, from metadata cross-checked against the text, inferred from the text with
its evidence, and ``dateline dates`` on the command line."""

from __future__ import annotations

import json
from datetime import date

import pytest

import dateline
from dateline import ingest
from dateline.cli import main
from dateline.document import DateClue
from dateline.errors import USAGE, UsageError
from dateline.pubdate import PublicationDate, from_text, parse_around, resolve


def test_seed_date_from_its_text_alone_with_the_year(seed_text):
    p = dateline.dates(seed_text, around="2023").publication_date
    assert p.source == "text"
    assert p.earliest <= date(2023, 11, 30) <= p.latest
    assert date(2023, 11, 29) <= p.earliest and p.latest <= date(2023, 12, 1)
    assert p.value == date(2023, 11, 30)
    evidence = " ".join(p.evidence)
    assert "November 23" in evidence and "seven weeks" in evidence and "Tuesday" in evidence


def test_seed_without_a_reference_year_abstains(seed_text):
    p = dateline.dates(seed_text).publication_date
    assert p.value is None and p.source == "unknown" and p.evidence


def test_timexes_follow_the_inferred_date(seed_text):
    result = dateline.dates(seed_text, around="2023")
    assert {
        "text": "last week",
        "start": 799,
        "end": 808,
        "type": "DATE",
        "value": "2023-W47",
        "anchor": "DCT",
    } in [t.to_dict() for t in result.timexes]


def test_json_shape(seed_text):
    d = dateline.dates(seed_text, date="2023-11-30").to_dict()
    assert set(d) == {"publication_date", "timexes"}
    assert d["publication_date"] == {"value": "2023-11-30", "earliest": "2023-11-30", "latest": "2023-11-30",
                                     "source": "user", "evidence": ["given by the user: 2023-11-30"]}  # fmt: skip
    assert set(d["timexes"][0]) == {"text", "start", "end", "type", "value", "anchor"}
    json.dumps(d)


def test_copyright_like_metadata_loses_to_the_text(seed_text):
    doc = ingest.from_text(seed_text, language="en")
    doc.date_clues = [DateClue(date(2023, 1, 1), "metadata", "meta copyright 2023-01-01")]
    p = resolve(doc, around=parse_around("2023"))
    assert p.source == "text" and p.value == date(2023, 11, 30)
    assert "rejected" in p.evidence[0] and "2023-01-01" in p.evidence[0]


def test_metadata_the_text_agrees_with_is_kept(seed_text):
    doc = ingest.from_text(seed_text, language="en")
    doc.date_clues = [DateClue(date(2023, 11, 30), "metadata", "meta article:published_time")]
    p = resolve(doc, around=parse_around("2023"))
    assert (p.source, p.value) == ("metadata", date(2023, 11, 30))


def test_an_update_stamp_at_the_top_bounds_the_date_and_keeps_the_metadata(seed_text):
    """ "Updated December 2, 2023" under a headline is when the story last changed: the publication came before."""
    doc = ingest.from_text("Updated December 2, 2023\n\n" + seed_text, language="en")
    p = from_text(doc, parse_around("2023"))
    assert p.value == date(2023, 11, 30) and p.latest <= date(2023, 12, 2)
    doc.date_clues = [DateClue(date(2023, 11, 30), "metadata", "meta article:published_time")]
    p = resolve(doc)
    assert (p.source, p.value) == ("metadata", date(2023, 11, 30))
    # Without the word "Updated" the same line is the article's own date; and a revision the story reports is no
    # stamp.
    stamped = ingest.from_text("December 2, 2023\n\n" + seed_text, language="en")
    assert from_text(stamped).value == date(2023, 12, 2)
    reported = "GDP figures updated on December 2, 2023 showed growth. " + seed_text
    assert from_text(ingest.from_text(reported, language="en")).value == date(2023, 12, 2)


def test_wikinews_dateline_is_read_and_stripped_text_is_bounded(wikinews):
    """With the dateline the text states the day; without it, the answer never claims a day it cannot support."""
    row = next(r for r in wikinews if r["doc_id"] == "100911")
    truth = date.fromisoformat(row["dct"])
    p = from_text(row["text_without_title_and_dateline"], parse_around(str(truth.year)))
    assert p.value is None or abs((p.value - truth).days) <= 1
    assert isinstance(p, PublicationDate)


@pytest.mark.parametrize("bad", ["23", "2023-13", "2023-11-31", "soon", "2023/11"])
def test_malformed_around_is_a_usage_error(bad):
    with pytest.raises(UsageError):
        parse_around(bad)


def test_around_granularities():
    assert parse_around("2023") == (date(2023, 1, 1), date(2023, 12, 31))
    assert parse_around("2024-02") == (date(2024, 2, 1), date(2024, 2, 29))
    assert parse_around("2023-11-30") == (date(2023, 11, 30), date(2023, 11, 30))


def test_cli_dates_json(tmp_path, capsys, seed_text):
    path = tmp_path / "seed.txt"
    path.write_text(seed_text, encoding="utf-8")
    assert main(["dates", str(path), "--around", "2023", "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["publication_date"]["value"] == "2023-11-30"
    assert len(out["timexes"]) >= 19


@pytest.mark.parametrize(
    "option", [["--date", "2023-11-31"], ["--around", "next year"], ["--date", "30.11.2023"]]
)
def test_cli_malformed_dates_exit_2(tmp_path, capsys, option):
    path = tmp_path / "a.txt"
    path.write_text("The minister spoke on Tuesday.", encoding="utf-8")
    assert main(["dates", str(path), *option]) == USAGE
    err = capsys.readouterr().err
    assert err.startswith("dateline: error: malformed") and err.count("\n") == 1


def test_cli_empty_text_is_a_clear_error(tmp_path, capsys):
    path = tmp_path / "empty.txt"
    path.write_text("  \n", encoding="utf-8")
    code = main(["dates", str(path)])
    assert code not in (0, USAGE)
    assert capsys.readouterr().err.startswith("dateline: error:")


def test_sidebar_metadata_date_the_text_contradicts_loses(seed_text):
    doc = ingest.from_text(seed_text, language="en")
    doc.date_clues = [DateClue(date(2023, 10, 2), "metadata", "sidebar: related story 2023-10-02")]
    p = resolve(doc, around=parse_around("2023"))
    assert p.source == "text" and p.earliest <= date(2023, 11, 30) <= p.latest
    assert p.evidence[0].startswith("metadata 2023-10-02 rejected")


def test_yesterday_next_to_a_date_gives_the_day():
    p = from_text("The minister resigned yesterday, Nov. 23, after the vote.", parse_around("2023"))
    assert (p.value, p.source) == (date(2023, 11, 24), "text")


def test_a_dateline_at_the_top_is_the_date(wikinews):
    row = next(r for r in wikinews if r["doc_id"] == "100911")
    p = from_text(row["text"])
    assert p.value == date.fromisoformat(row["dct"]) and "top of the article" in p.evidence[0]


def test_copyright_like_date_loses_even_without_a_reference(seed_text):
    """The January 1 date itself says which year to read the text in; the text then contradicts the day."""
    doc = ingest.from_text(seed_text, language="en")
    doc.date_clues = [DateClue(date(2023, 1, 1), "metadata", "copyright 2023")]
    p = resolve(doc)
    assert p.source == "text" and p.value == date(2023, 11, 30)


def test_a_later_yearless_date_does_not_reject_other_metadata(seed_text):
    """Without a reference, yearless dates cannot contradict a metadata day: it is kept."""
    doc = ingest.from_text(seed_text, language="en")
    doc.date_clues = [DateClue(date(2023, 11, 2), "metadata", "meta published 2023-11-02")]
    assert resolve(doc).value == date(2023, 11, 2)


_CAPTION_STORY = (
    "June 16 : A drilling rig operates in the Gulf of Mexico at the site of the leak.\n"
    "BP said on Wednesday that engineers had captured more oil than on any day before. The company said the cap "
    "was working."
)


def test_a_date_that_reads_as_the_news_of_the_day_is_the_day():
    """A caption-style date at the top, with its weekday named in the story, is the day it reports."""
    p = from_text(_CAPTION_STORY, parse_around("2010"))
    assert (p.value, p.source) == (date(2010, 6, 16), "text")
    assert "news of the day" in p.evidence[-1] and "June 16" in p.evidence[-1]
    assert p.earliest is None or p.earliest <= p.value  # the bounds stay what the text proves


def test_the_recency_commit_can_be_turned_off():
    p = from_text(_CAPTION_STORY, parse_around("2010"), commit_score=2.0)
    assert p.value is None and p.source == "unknown"


def test_a_landmark_date_is_only_a_lower_bound():
    """'since the April 20 explosion' names the story's origin, not its day: no commitment, a lower bound."""
    text = (
        "BP has spent more than $1 billion since the April 20 explosion on the Deepwater Horizon rig.\n"
        "On Wednesday the company said the cap was working and analysts said on Thursday the shares rose."
    )
    p = from_text(text, parse_around("2010"))
    assert p.value is None and p.earliest == date(2010, 4, 20)


def test_a_text_without_a_stated_day_is_unknown_without_the_scan():
    """Weekdays and relative days alone place nothing: the answer (taken without the scan) is the one the full
    inference gives, with and without a reference year."""
    text = "Police said on Tuesday that the man was arrested last week. He appears in court in May, officials said."
    for around in (None, (date(2023, 1, 1), date(2023, 12, 31))):
        got = from_text(text, around)
        assert got.to_dict() == {"value": None, "earliest": None, "latest": None, "source": "unknown",
                                 "evidence": ["no dated event in the text"]}  # fmt: skip


@pytest.mark.parametrize(
    "opening",
    [
        "ALGIERS, Aug 30, 2011 (Reuters) - Algeria is to close the southern part of its border with Libya.",
        "ALGIERS, Aug 30, 2011 (Reuters) - Algeria will close the southern part of its border with Libya.",
        "ALGIERS | Tue Aug 30, 2011 6:02 am EDT ALGIERS (Reuters) - Algeria is to close part of its border.",
    ],
)
def test_a_dateline_date_holds_whatever_the_tense_of_the_story(opening):
    p = from_text(opening + " A newspaper reported the plan on Tuesday.")
    assert p.value == date(2011, 8, 30)
    assert "top of the article" in p.evidence[0]


def test_a_future_date_inside_the_first_sentence_is_not_the_publication_date():
    p = from_text(
        "The council said the new budget will take effect on March 3, 2025, after a final vote in May."
    )
    assert p.value != date(2025, 3, 3)


def test_around_gives_yearless_dates_their_year_in_the_listing():
    text = "Algeria said on Aug 30 that it would close the border with Libya the next day."
    values = {t.text: t.value for t in dateline.dates(text, around="2011").timexes}
    assert values["Aug 30"] == "2011-08-30"
    assert {t.text: t.value for t in dateline.dates(text).timexes}["Aug 30"] == "XXXX-08-30"


def _page(seed_text: str, head: str, top: str = "") -> str:
    """A news page of the seed article with ``head`` in its <head> and ``top`` above the story."""
    paras = "".join(f"<p>{p}</p>\n" for p in seed_text.split("\n") if p.strip())
    return (
        f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>US and Iran</title>{head}</head>"
        f"<body><nav><a href='/'>Home</a></nav><article><h1>US and Iran</h1>{top}\n{paras}</article></body></html>"
    )


def test_the_markup_s_published_date_beats_a_modified_one_htmldate_returns(seed_text):
    later = '<meta property="og:updated_time" content="2023-12-02T10:00:00+00:00">'
    ld = (
        '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2023-11-30T08:00:00Z", '
        '"dateModified": "2023-12-02T10:00:00Z"}</script>'
    )
    for head in (later + ld, '<meta property="article:modified_time" content="2023-12-02T10:00:00Z">'):
        top = '<p>Originally published <time datetime="2023-11-30T08:00:00Z" pubdate>Nov. 30, 2023</time></p>'
        p = dateline.dates(_page(seed_text, head, top if "ld+json" not in head else "")).publication_date
        assert (p.value, p.source) == (date(2023, 11, 30), "metadata"), p.evidence
        assert "published" in p.evidence[0]
    # Published and modified the same day: that day, from metadata.
    same = ld.replace("2023-12-02T10:00:00Z", "2023-11-30T18:00:00Z")
    p = dateline.dates(_page(seed_text, same)).publication_date
    assert (p.value, p.source) == (date(2023, 11, 30), "metadata")


def test_a_modified_date_alone_is_only_a_latest_date(seed_text):
    """og:updated_time or a visible "Updated" line alone: the text dates the story, no later than that day."""
    heads = ['<meta property="og:updated_time" content="2023-12-02T10:00:00+00:00">', "", ""]
    tops = [
        "",
        '<div class="meta"><span class="updated">Updated December 2, 2023</span></div>',
        "<div><span>Updated 10:32 AM EST, Sat December 2, 2023</span></div>",  # htmldate finds no date here
    ]
    for head, top in zip(heads, tops, strict=True):
        p = dateline.dates(_page(seed_text, head, top)).publication_date
        assert p.value == date(2023, 11, 30) and p.source == "text", p.evidence
        assert any("published on or before" in e for e in p.evidence)
    # With a text that dates nothing, the day stays unknown, with that day as its latest.
    body = "The council approved the budget after a long debate. Taxes will rise for most households."
    page = _page(body * 3, heads[0])
    p = dateline.dates(page).publication_date
    assert p.value is None and p.latest == date(2023, 12, 2)
