"""dateline check on real inputs: the seed brief (hand labels), verbatim summaries, single edits, dates, errors, CLI."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

import dateline
from dateline import errors
from dateline.cli import main
from dateline.errors import BadInput, UsageError
from dateline.faithfulness import check, parse_summary

FIXTURES = Path(__file__).parent / "fixtures"
SEED_BRIEF = FIXTURES / "seed_brief.txt"
SEED_ARTICLE = FIXTURES / "seed_article.txt"


@pytest.fixture(scope="module")
def seed_result():
    return check(
        SEED_ARTICLE.read_text(encoding="utf-8"), SEED_BRIEF.read_text(encoding="utf-8"), date="2023-11-30"
    )


@pytest.fixture(scope="module")
def labels() -> list[dict]:
    return json.loads((FIXTURES / "seed_brief_labels.json").read_text(encoding="utf-8"))["brief_sentences"]


def test_seed_brief_floors(seed_result, labels):
    """At least 7 of the 10 unsupported sentences flagged, at most 2 of the 11 supported ones."""
    assert [s.text for s in seed_result.sentences] == [lab["text"] for lab in labels]
    flagged = [s.verdict == "unsupported" for s in seed_result.sentences]
    bad = [lab["label"] == "unsupported" for lab in labels]
    assert sum(f and b for f, b in zip(flagged, bad, strict=True)) >= 7
    assert sum(f and not b for f, b in zip(flagged, bad, strict=True)) <= 2
    assert seed_result.verdict == "unsupported"


def test_seed_evidence_points_into_the_article(seed_result, labels):
    doc = seed_result.document
    hits = 0
    for s, lab in zip(seed_result.sentences, labels, strict=True):
        assert 1 <= len(s.evidence) <= 3
        for e in s.evidence:
            assert doc.text[e.start : e.end] == e.text
        hits += bool({e.index for e in s.evidence} & set(lab["evidence"]))
    assert hits >= 15  # the hand-labelled evidence is among ours for most sentences
    flagged = [s for s in seed_result.sentences if s.verdict != "supported"]
    assert all(s.reasons for s in flagged)


def test_verbatim_summary_is_supported(wikinews):
    article = wikinews[0]["text"]
    sentences = [s.text for s in check(article, "x.").document.sentences if len(s.text.split()) >= 6][:5]
    result = check(article, "\n\n".join(sentences))
    assert len(result.sentences) == len(sentences)
    assert all(s.verdict == "supported" for s in result.sentences), [
        (s.text, s.score) for s in result.sentences
    ]
    assert result.verdict == "supported" and result.score >= 0.5


def test_own_brief_json_is_supported(seed_text):
    """dateline's own (extractive) brief, as JSON, passes its own check; a JSON string works too."""
    made = dateline.brief(seed_text, date="2023-11-30")
    result = check(seed_text, made.to_dict(), date="2023-11-30")
    assert result.verdict == "supported", [
        (s.text, s.score) for s in result.sentences if s.verdict != "supported"
    ]
    assert result.date_check.verdict == "agrees"
    assert check(seed_text, json.dumps(made.to_dict())).verdict == "supported"


SOURCE = "American warplanes struck ammunition depots in eastern Syria on October 27 and again on November 8."
EDITS = {
    "name": SOURCE.replace("Syria", "Lebanon"),
    "number": SOURCE.replace("October 27", "October 21"),
    "date": SOURCE.replace("November", "December"),
    "negation": "American warplanes did not strike ammunition depots in eastern Syria on October 27 and again on November 8.",
}


@pytest.mark.parametrize("kind", sorted(EDITS))
def test_single_edits_become_unsupported(seed_text, kind):
    assert check(seed_text, SOURCE).sentences[0].verdict == "supported"
    edited = check(seed_text, EDITS[kind]).sentences[0]
    assert edited.verdict == "unsupported", (kind, edited.score, edited.reasons)
    assert edited.reasons


# XSum's layout: lowercased but for each sentence's first letter, so no name is capitalized where it stands.
LOWERCASED = (
    "A security van has been robbed outside a branch of royal bank of scotland in glasgow city centre. Police said "
    "three armed men took a five-figure sum from the vehicle in sauchiehall street on monday evening. A spokesman "
    "said no-one had been injured, although two security guards were threatened during the robbery."
)


def test_place_absent_from_lowercased_article_is_unsupported():
    """A name the article lacks is found without capitals: news text in general writes it as a name."""
    honest = check(
        LOWERCASED, "Two security guards have been threatened during a robbery at a bank in glasgow."
    )
    moved = check(
        LOWERCASED, "Two security guards have been threatened during a robbery at a bank in edinburgh."
    )
    assert not any("name not in the article" in r for r in honest.sentences[0].reasons)
    assert moved.verdict == "unsupported"
    assert any(r == "name not in the article: edinburgh" for r in moved.sentences[0].reasons)


def test_a_decimal_broken_by_a_space_in_the_article_still_matches(wikinews):
    """QAGS' CNN/DM articles write "31. 8 million" where their summaries write "31.8 million": the same number."""
    article = next(r["text"] for r in wikinews if "$ 4.6 billion" in r["text"]).replace(
        "4.6 billion", "4. 6 billion"
    )
    claim = "Qatar Airways will also purchase 20 of Boeing's larger 777 planes for $4.6 billion."
    assert check(article, claim).sentences[0].verdict == "supported"
    wrong = check(article, claim.replace("4.6", "4.9")).sentences[0]
    assert wrong.verdict == "unsupported"
    assert any("4.9" in r for r in wrong.reasons)


def test_swapped_speaker_becomes_unsupported(seed_text):
    honest = "“Our attacks have significantly downgraded and impaired these militia groups’ access to these weapons,” Sabrina Singh, a Pentagon spokeswoman, said at the time."
    swapped = honest.replace("Sabrina Singh, a Pentagon spokeswoman", "Senator Tom Cotton")
    assert check(seed_text, honest).sentences[0].verdict == "supported"
    result = check(seed_text, swapped).sentences[0]
    assert result.verdict == "unsupported"
    assert any("changed speaker" in r for r in result.reasons)


def test_date_line_against_article_date(seed_text):
    brief = SEED_BRIEF.read_text(encoding="utf-8")
    assert parse_summary(brief)[0] == "2023-11-30"  # the seed's one-line layout
    agrees = check(seed_text, brief, date="2023-11-30").date_check
    assert (agrees.verdict, agrees.article_date, agrees.source) == ("agrees", "2023-11-30", "user")
    differs = check(seed_text, brief, date="2023-12-04")
    assert differs.date_check.verdict == "differs" and differs.verdict == "unsupported"
    assert check(seed_text, brief).date_check.verdict == "unknown"  # the article itself states no date


def test_unrelated_summary_is_unsupported(seed_text, wikinews):
    result = check(seed_text, wikinews[3]["text"][:600])
    assert all(s.verdict == "unsupported" for s in result.sentences)
    assert any("counterpart" in r for s in result.sentences for r in s.reasons)
    assert result.unrelated and not check(seed_text, SOURCE).unrelated


@pytest.mark.parametrize(
    ("article", "summary", "error"),
    [
        ("An article sentence here.", "   \n", BadInput),
        ("   ", "A summary.", BadInput),
        ("An article sentence here.", "date 2023-11-30\n\n", BadInput),
        ("An article sentence here.", '{"paragraphs": [', BadInput),
        ("An article sentence here.", {"date": "2023-11-30"}, BadInput),
        ("An article sentence here.", 42, BadInput),
    ],
)
def test_bad_inputs_raise_clear_errors(article, summary, error):
    with pytest.raises(error):
        check(article, summary)


def test_bad_date_is_a_usage_error(seed_text):
    with pytest.raises(UsageError):
        check(seed_text, "A summary.", date="30/11/2023")


def test_to_dict_and_text(seed_result):
    d = json.loads(json.dumps(seed_result.to_dict()))
    assert d["verdict"] == "unsupported" and len(d["sentences"]) == 21
    first = d["sentences"][0]
    assert set(first) >= {"text", "verdict", "score", "evidence", "reasons"}
    assert {"index", "start", "end", "text"} <= set(first["evidence"][0])
    text = seed_result.to_text()
    assert text.startswith("unsupported") and "date 2023-11-30: agrees" in text


def test_html_page_side_by_side(seed_result):
    page = seed_result.to_html()
    assert page.startswith("<!doctype html>") and "<h2>Summary</h2>" in page and "<h2>Article</h2>" in page
    cited = {e.index for s in seed_result.sentences for e in s.evidence}
    assert page.count("<mark") == len(cited)
    assert "http://" not in page and "https://" not in page  # self-contained


def test_cli_exit_codes(tmp_path, capsys, seed_text):
    assert main(["check", str(SEED_ARTICLE), str(SEED_BRIEF), "--date", "2023-11-30"]) == errors.UNSUPPORTED
    assert "summary sentences unsupported" in capsys.readouterr().err
    verbatim = tmp_path / "verbatim.txt"
    verbatim.write_text(SOURCE + "\n", encoding="utf-8")
    assert main(["check", str(SEED_ARTICLE), str(verbatim), "--format", "json"]) == errors.OK
    assert json.loads(capsys.readouterr().out)["verdict"] == "supported"
    out = tmp_path / "check.html"
    assert main(["check", str(SEED_ARTICLE), str(verbatim), "--format", "html", "-o", str(out)]) == errors.OK
    assert "<mark" in out.read_text(encoding="utf-8")
    assert main(["check", str(SEED_ARTICLE), str(tmp_path / "missing.txt")]) == errors.NOT_FOUND
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    assert main(["check", str(SEED_ARTICLE), str(empty)]) == errors.BAD_INPUT
    assert main(["check", str(SEED_ARTICLE), str(verbatim), "--date", "yesterday"]) == errors.USAGE
    assert main(["check", "-", "-"]) == errors.USAGE
    capsys.readouterr()
    other = tmp_path / "other.txt"
    other.write_text(
        "The Airbus tanker contract went to Northrop Grumman and EADS in 2008.\n", encoding="utf-8"
    )
    assert main(["check", str(SEED_ARTICLE), str(other)]) == errors.UNSUPPORTED
    assert "right two inputs" in capsys.readouterr().err


def test_dateline_check_api_stays_callable(seed_text):
    """``dateline.check`` stays the API function after the checker module is imported."""
    import dateline.faithfulness

    assert dateline.check(seed_text, SOURCE).verdict == "supported"


def test_other_language_uses_its_own_stemmer():
    """A Spanish article (written for this test): a compression is supported, a changed amount is not."""
    article = (
        "El ayuntamiento de Valencia aprobó el martes un plan de 12 millones de euros para renovar el puerto. "
        "La alcaldesa dijo que las obras empezarán en marzo y durarán dos años. "
        "Los vecinos del barrio pidieron más zonas verdes durante la reunión."
    )
    honest = check(
        article, "El ayuntamiento aprobó el martes un plan de 12 millones de euros para renovar el puerto."
    )
    assert honest.document.language == "es" and honest.verdict == "supported"
    bent = check(article, "El ayuntamiento aprobó un plan de 40 millones de euros para renovar el puerto.")
    assert bent.verdict == "unsupported" and "40" in bent.sentences[0].reasons[0]


def test_summary_style_sets_the_bar(seed_text, seed_result, labels):
    """A paraphrase among near-verbatim sentences must clear a higher bar (the copy trees, ``faithfulness.copying``)
    than the same paraphrase in a brief that paraphrases throughout (the seed brief); a one-sentence summary is judged
    as a paraphrase."""
    verbatim = [s.text for s in check(seed_text, "x.").document.sentences if len(s.text.split()) >= 12][:3]
    k = next(k for k, lab in enumerate(labels) if lab["label"] == "supported" and k > 8)
    claim = labels[k]["text"]
    alone = check(seed_text, claim).sentences[0].score
    assert seed_result.sentences[k].score == pytest.approx(alone)
    in_extract = check(seed_text, "\n\n".join([claim, *verbatim]))
    logit = lambda p: math.log(p / (1 - p))  # noqa: E731
    assert logit(in_extract.sentences[0].score) < logit(alone) - 1.0  # a higher bar: a log-odds point or more
    assert all(s.verdict == "supported" for s in in_extract.sentences[1:])


def test_copy_fragments_tell_a_splice_from_an_extract(seed_text):
    """A sentence copied whole is one run; one continued from another sentence, or with a word swapped in, is not."""
    from dateline import align, ingest

    art = align.Article(ingest.from_text(seed_text, language="en"))
    whole = "The Pentagon said on Tuesday that attacks had at least temporarily eased."
    spliced = "The Pentagon said on Tuesday that a Navy warship shot down a drone fired from Yemen."
    swapped = "The Pentagon said on Tuesday that attacks had at least permanently eased."

    def frags(text):
        return align.copy_fragments(art, align.tokenize(text, art.names_hint).stems)

    assert frags(whole) == (0.0, 0.0, 1.0)
    assert frags(spliced)[1] >= 1 and frags(spliced)[2] < 1.0
    assert frags(swapped)[0] > 0 or frags(swapped)[1] >= 1
    features = dict(zip(align.FEATURES, align.align(art, whole).features, strict=True))
    assert features["trigram_one"] == 1.0 and features["frag_jumps"] == 0.0


# Sentences of the seed article, verbatim, for summaries whose sentences are glued without a space.
GLUED = [
    "American warplanes struck ammunition depots in eastern Syria on October 27 and again on November 8.",
    "The Pentagon concluded that there were no casualties in these attacks.",
    "“Our attacks have significantly downgraded and impaired these militia groups’ access to these weapons,” Sabrina "
    "Singh, a Pentagon spokeswoman, said at the time.",
    "Biden administration officials say the targeted attacks are intended to harm Iran and its proxies without "
    "triggering a regional war that would involve the United States.",
    "We see that the conflict within Israel and the Gaza Strip and between Israel and Hamas remains.”",
    "American intelligence agencies say this approach is working so far.",
]


def test_glued_summary_sentences_are_checked_apart(seed_text, tmp_path, capsys):
    """Sentences glued without a space ("November 8.The", "at the time.Biden", "remains.”American") are cut apart,
    their texts unchanged; each verbatim one is supported (glued, they were one unsupported sentence)."""
    summary = f"date 2023-11-30\n{GLUED[0]}{GLUED[1]} {GLUED[2]}{GLUED[3]}\n\n{GLUED[4]}{GLUED[5]}\n"
    when, paras = parse_summary(summary)
    assert when == "2023-11-30"
    assert paras == [GLUED[:4], GLUED[4:]]
    result = check(seed_text, summary, date="2023-11-30")
    assert [s.text for s in result.sentences] == GLUED
    assert [s.paragraph for s in result.sentences] == [0, 0, 0, 0, 1, 1]
    assert result.verdict == "supported", [(s.text, s.score, s.reasons) for s in result.sentences]
    doc = result.document  # the article is split as before: its offsets do not move
    assert all(doc.text[e.start : e.end] == e.text for s in result.sentences for e in s.evidence)
    assert [s.text for s in doc.sentences] == [s.text for s in check(seed_text, "x.").document.sentences]
    glued = tmp_path / "glued.txt"
    glued.write_text(summary, encoding="utf-8")
    assert main(["check", str(SEED_ARTICLE), str(glued), "--date", "2023-11-30"]) == errors.OK
    capsys.readouterr()


@pytest.mark.parametrize(
    ("sentence", "pieces"),
    [
        (
            'It called the results "very strong".Before Christmas it had warned.',
            2,
        ),  # closing quote, then a stop
        ("The firm was founded in 2004.The company grew.", 2),  # a digit
        ("Shares rose 6%.Shares fell later.", 2),
        ("Did it work?Nobody knew!Then he left.", 3),
        ("It was compared with Sky.A recent survey found more.", 2),  # one-letter first word
        ("Staff retire early.IDS said so.", 2),  # all-capitals first word
        ('He said no."Then I left," she said.', 2),  # a straight quote that opens the next sentence
        ("The U.S.Army said so.", 1),  # a capital before the stop: an abbreviation
        ("As Avril D.Haines said.", 1),  # an initial
        ("Some firms, e.g.The Times, agreed.", 1),
        ("Mr.Biden spoke.", 1),  # an abbreviation Punkt knows
        ("It was the Dot.Com boom.", 1),
        ("Write to jo.Smith@example.org today.", 1),
        ("Prices rose 3.5 percent.", 1),
    ],
)
def test_glued_sentence_cuts(sentence, pieces):
    from dateline.faithfulness import _unglued

    out = _unglued(sentence)
    assert len(out) == pieces, out
    assert "".join(out) == sentence  # cut, nothing inserted or dropped
    assert [s for p in parse_summary(sentence)[1] for s in p] == out


@pytest.mark.parametrize(
    "line",
    ["date 2023-11-30\n", "Date: 2023-11-30\n", "DATE 2023-11-30\n", "date: 2023-11-30\n\n", "date 2023-11-30 ",
     "date:2023-11-30\n", "date 2023-11-30\r\n", "Date: 2023-11-30 "],
)  # fmt: skip
def test_date_line_variants(seed_text, line):
    """Common spellings of the date line are the date line, not a claim sentence."""
    assert parse_summary(line + SOURCE) == ("2023-11-30", [[SOURCE]])
    result = check(seed_text, line + SOURCE, date="2023-11-30")
    assert len(result.sentences) == 1 and result.date_check.verdict == "agrees"


def test_date_line_unpadded_unknown_and_not_a_date_line():
    assert parse_summary("date 2023-11-3\n" + SOURCE) == ("2023-11-03", [[SOURCE]])
    assert parse_summary("date unknown\n\n" + SOURCE) == (
        None,
        [[SOURCE]],
    )  # as dateline's own briefs write it
    assert parse_summary("Date: Unknown\n" + SOURCE) == (None, [[SOURCE]])
    palms = "Date palms grow in the desert."  # "date" that starts a sentence
    assert parse_summary(palms) == (None, [[palms]])
    json_brief = {"date": None, "paragraphs": [[{"text": SOURCE}]]}
    assert parse_summary(json_brief) == (None, [[SOURCE]])
    assert parse_summary({**json_brief, "date": "unknown"}) == (None, [[SOURCE]])
    assert parse_summary({**json_brief, "date": "2023-11-30"}) == ("2023-11-30", [[SOURCE]])


MALFORMED_DATES = [
    "date 2023-02-30\n\n" + SOURCE,  # no such day
    "date 2023-13-01\n" + SOURCE,
    "Date: yesterday\n" + SOURCE,
    "date 30/11/2023\n" + SOURCE,
    "Date:\n" + SOURCE,
    json.dumps({"date": "not-a-date", "paragraphs": [[{"text": SOURCE}]]}),
    json.dumps({"date": "2023-02-30", "paragraphs": [[{"text": SOURCE}]]}),
    json.dumps({"date": 20231130, "paragraphs": [[{"text": SOURCE}]]}),
]


@pytest.mark.parametrize("summary", MALFORMED_DATES)
def test_malformed_summary_date_is_bad_input(seed_text, summary, tmp_path, capsys):
    """A summary date that is no calendar date is bad input (exit 4, as a malformed 'date' of a JSON article is),
    not a date that "differs" (exit 10)."""
    with pytest.raises(BadInput, match=r"summary: malformed .*date.*expected .*YYYY-MM-DD"):
        check(seed_text, summary, date="2023-11-30")
    path = tmp_path / "summary.txt"
    path.write_text(summary, encoding="utf-8")
    assert main(["check", str(SEED_ARTICLE), str(path), "--date", "2023-11-30"]) == errors.BAD_INPUT
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "malformed" in err and "differs" not in err
    if not summary.startswith("{"):
        assert "date line" in err


@pytest.mark.parametrize(
    ("summary", "says"),
    [
        ({"paragraphs": [[{"text": 5}]]}, "sentence 0 of paragraph 0"),
        ({"paragraphs": [[{"txt": SOURCE}]]}, "sentence 0 of paragraph 0"),
        ({"paragraphs": [[SOURCE, None]]}, "sentence 1 of paragraph 0"),
        ({"paragraphs": [[SOURCE], [7]]}, "sentence 0 of paragraph 1"),
        ({"paragraphs": "x"}, "'paragraphs' is str"),
        ({"paragraphs": {"text": SOURCE}}, "'paragraphs' is dict"),
        ({"paragraphs": [SOURCE]}, "paragraph 0 is str"),
        ({"paragraphs": [[SOURCE], {"text": SOURCE}]}, "paragraph 1 is dict"),
        ({"text": SOURCE}, "without 'paragraphs'"),
    ],
)
def test_brief_json_of_the_wrong_shape_is_bad_input(seed_text, summary, says, tmp_path, capsys):
    with pytest.raises(BadInput, match="expected dateline's brief JSON") as caught:
        check(seed_text, summary)
    assert says in str(caught.value)
    path = tmp_path / "summary.json"
    path.write_text(json.dumps(summary), encoding="utf-8")
    assert main(["check", str(SEED_ARTICLE), str(path)]) == errors.BAD_INPUT
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and says in err


def test_brief_json_sentences_as_strings_still_work(seed_text):
    result = check(seed_text, {"date": "2023-11-30", "paragraphs": [[SOURCE], [{"text": GLUED[1]}, "  "]]})
    assert [s.text for s in result.sentences] == [SOURCE, GLUED[1]] and result.verdict == "supported"


@pytest.mark.parametrize(
    "summary",
    ["", "  \n\n", "date 2023-11-30\n", "Date: 2023-11-30\n\n", "DATE unknown", {"date": "2023-11-30", "paragraphs": [[]]},
     '{"date": null, "paragraphs": [[{"text": "  "}]]}'],
)  # fmt: skip
def test_summary_without_sentences_is_bad_input(seed_text, summary, tmp_path, capsys):
    with pytest.raises(BadInput, match="no sentences"):
        check(seed_text, summary)
    if isinstance(summary, str) and summary.strip():  # an empty file is refused on reading, before parsing
        path = tmp_path / "summary.txt"
        path.write_text(summary, encoding="utf-8")
        assert main(["check", str(SEED_ARTICLE), str(path)]) == errors.BAD_INPUT
        err = capsys.readouterr().err.strip()
        assert len(err.splitlines()) == 1 and "no sentences" in err


def test_a_sentence_copied_whole_is_its_own_evidence_when_another_covers_its_words():
    """A short claim whose content words an earlier sentence also holds ("not an individual act of terrorism") is
    aligned to the sentence that words it the same way, not to the first one: no false negation flip."""
    article = ("The July 7 attacks in London were not an individual act of terrorism but one episode in a worldwide "
               "conflict, say researchers at Oxford University. The researchers studied attacks in eleven countries "
               "over twenty years. But they found that not all terrorism is the same. Some groups act alone, others "
               "answer to a wider network.")  # fmt: skip
    s = check(article, "But they found that not all terrorism is the same.", language="en").sentences[0]
    assert s.verdict == "supported" and s.reasons == []
    assert [e.index for e in s.evidence] == [2]
