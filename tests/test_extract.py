"""The extractive brief's behaviour on real inputs: the seed article and WikiNews articles (CC BY 4.0)."""

import json
import subprocess
import sys

import numpy as np
import pytest

import dateline
from dateline import errors, extract, ingest, segment
from dateline.errors import UsageError


def seed_doc(seed_text):
    return segment.build(segment.normalize(seed_text), language="en")


def wikinews_doc(row):
    return segment.build(segment.normalize(row["text"]), language="en", title=row["title"])


def texts(doc, units):
    return [doc.text[u.start : u.end] for u in units]


def test_default_brief_of_the_seed_is_a_third_verbatim_in_order_and_not_only_the_lead(seed_text):
    doc = seed_doc(seed_text)
    units = extract.select(doc)
    words = sum(len(t.split()) for t in texts(doc, units))
    assert 0.25 * doc.words <= words <= 0.45 * doc.words
    for unit, text in zip(units, texts(doc, units), strict=True):
        assert text in seed_text and text.strip() == text
        assert unit.sentence.start <= unit.start < unit.end == unit.sentence.end
    indexes = [u.sentence.index for u in units]
    assert indexes == sorted(indexes) and len(set(indexes)) == len(indexes)
    # salient sentences come from the whole article, not only its first paragraphs
    assert max(indexes) >= len(doc.sentences) // 2
    assert indexes[0] == 0  # ... and the brief opens with the article's lede
    groups = extract.paragraphs(doc, units)
    assert 3 <= len(groups) <= 9
    assert [u for g in groups for u in g] == units


def test_the_lede_opens_the_brief_whatever_the_headline_says(seed_text, wikinews):
    """A headline worded unlike the first sentence (as web headlines are) must not push the lede out."""
    titled = [
        segment.build(segment.normalize(seed_text), language="en", title="Pentagon braces for Iran proxies")
    ]
    titled += [wikinews_doc({**r, "title": "A headline in other words"}) for r in wikinews]
    for doc in titled:
        first = extract.candidates(doc)[0]
        for budget in ({}, {"ratio": 0.2}, {"sentences": 5}):
            assert extract.select(doc, **budget)[0].sentence.index == first


def test_sentence_word_and_ratio_budgets(seed_text):
    doc = seed_doc(seed_text)
    assert len(extract.select(doc, sentences=5)) == 5
    short = extract.select(doc, words=120)
    assert 60 <= sum(len(t.split()) for t in texts(doc, short)) <= 180
    half = extract.select(doc, ratio=0.5)
    assert sum(len(t.split()) for t in texts(doc, half)) > sum(len(t.split()) for t in texts(doc, short))
    with pytest.raises(UsageError):
        extract.select(doc, sentences=3, words=100)
    with pytest.raises(UsageError):
        extract.select(doc, ratio=1.5)
    with pytest.raises(UsageError):
        extract.select(doc, sentences=0)


def test_a_three_sentence_brief_is_the_lede_of_the_story(seed_text):
    doc = seed_doc(seed_text)
    units = extract.select(doc, sentences=3)
    assert len(units) == 3
    assert units[0].sentence.index == 0
    assert all(u.sentence.index < 10 for u in units)


def test_page_furniture_never_enters_the_brief(seed_text):
    furniture = (
        "By Helene Cooper and Eric Schmitt\n\n"
        "PUBLISHED: 09:14 EST, 30 November 2023 | UPDATED: 11:02 EST, 30 November 2023\n\n"
        "WASHINGTON (AP) —\n\n"
    )
    credits = (
        "\n\nPhoto: a U.S. Navy destroyer in the Red Sea (Reuters)\n\nJulian Barnes contributed reporting."
    )
    doc = segment.build(furniture + segment.normalize(seed_text) + credits, language="en")
    for budget in ({}, {"sentences": 3}, {"ratio": 0.9}):
        chosen = texts(doc, extract.select(doc, **budget))
        assert chosen[0].startswith("Neither Washington nor Tehran")
        assert not any(segment.furniture(t) for t in chosen)
        joined = "\n".join(chosen)
        for bit in ("Helene Cooper", "PUBLISHED", "WASHINGTON (AP)", "Photo:", "contributed reporting"):
            assert bit not in joined


@pytest.mark.parametrize(
    ("lead_in", "kept"),
    [
        ("By the CNN Wire Staff ", ""),
        ("By the Associated Press Wire staff ", ""),
        ("By Jane Roe for BBC ", ""),
        ("By Jane Roe March 3 , 2011 : 9:05 AM ET ", ""),
        ("(Repeats to more subscribers without changes) ", ""),
        ("(Adds analyst quote) LONDON (Reuters) - ", ""),
        ("(Repeats with no changes) By the Reuters Wire Staff ", ""),
        ("LONDON, Jan 9 (Reuters) - ", ""),  # the wires' dateline with its day
        ("PARIS, March 3 (AFP) — ", ""),
        ("NEW YORK, Aug 30, 2011 (Reuters) - ", ""),
        ("LONDON, 9 Jan (Reuters) - ", ""),
        ("WASHINGTON (AutoWire) — ", ""),  # any outlet in brackets
        ("(Bloomberg) -- ", ""),
        ("Washington (CNN) ", ""),
        ("Tesla Inc (TSLA.O) - ", "Tesla Inc (TSLA.O) - "),  # a ticker is no outlet
        (
            "By Jane Roe for The Daily Planet ",
            "By Jane Roe for The Daily Planet ",
        ),  # where it ends is a guess: kept
        ("By the time the talks ended, ", "By the time the talks ended, "),
        ("By contrast, ", "By contrast, "),
    ],
)
def test_bylines_and_wire_notes_run_into_the_first_sentence_are_cut_off(seed_text, lead_in, kept):
    """Scraped pages glue the byline to the story's first sentence: the brief starts after it, at an offset that
    still slices the article; a sentence that only opens like a byline keeps its opening."""
    body = segment.normalize(seed_text)
    doc = segment.build(lead_in + body, language="en")
    assert segment.dateline_prefix(doc.sentences[0].text) == len(lead_in) - len(kept)
    if not kept:
        first = extract.select(doc, sentences=1)[0]
        assert doc.text[first.start : first.end] == doc.sentences[0].text[len(lead_in) :]
        assert first.start == len(lead_in) and doc.text[first.start :].startswith("Neither Washington")


def test_site_notices_are_furniture():
    agree = "By clicking on Sign up you agree to our Terms of Service and Privacy Policy."
    assert segment.furniture(agree) == "site notice"
    assert segment.furniture("To read all of our election coverage in Spanish, click here.") == "site notice"
    assert segment.furniture("Media playback is not supported on this device.") == "site notice"
    assert segment.furniture("Please enable JavaScript to view the comments.") == "site notice"
    assert segment.furniture("Thousands of volunteers signed up to help clear the streets on Sunday.") is None


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("(Repeats story first published on Monday; no changes to text)", "service note"),
        ("(Corrects spelling of name in paragraph 2)", "service note"),
        ("Photograph: Ellen Park/Daily Gazette", "photo credit"),
        ("(John Smith/AP)", "photo credit"),
        ("Our Standards: The Thomson Reuters Trust Principles.", "site notice"),
        ("For more information, contact press@example.org or call +44 20 7250 1122.", "contact"),
        ("Readers can email the desk at tips@example.org with questions.", "contact"),
        ("(Jane Roe/AFP via Getty Images)", "photo credit"),
        ("(AP Photo/Jane Roe)", "photo credit"),
        ("Photo credit: Jane Roe", "photo credit"),
        ("This article is reserved for subscribers.", "site notice"),
        ("Already a subscriber?", "site notice"),
        ("Cancel anytime.", "site notice"),
        ("Got a story?", "site notice"),
        ("Follow Daily Courier on Facebook, Instagram and X for the latest news.", "site notice"),
        (
            "Andrew Keller reported from New Albany, and Maria Gonzalez from Washington.",
            "contributed reporting",
        ),
        ("The BBC reported from Kyiv that the strikes continued overnight.", None),
        ("He said he would follow the rules on Facebook posts.", None),
        ("(Updates talks, adds the minister's comment) could be a sentence opening", None),
        ("She wrote to the council at info@example.org last week, the records show.", None),
        ("The hacker sent an email from ceo@example.com to all staff, prosecutors said.", None),
        ("For more information on the vaccine, the ministry opened a hotline, officials said.", None),
        ("The Trust Principles of the agency were drafted in 1941, historians say.", None),
        ("The photograph was taken in 1944, the museum said.", None),
        ("Child tax credit: up to $3,600 per child, the bill says.", None),
    ],
)
def test_wire_notes_credits_and_contact_lines_are_furniture(line, reason):
    assert segment.furniture(line) == reason


def test_a_caption_paragraph_ending_with_its_credit_never_enters_the_brief(seed_text):
    """Pages keep a photo's caption as a paragraph of its own, the credit last: the caption is no reporting."""
    paras = segment.normalize(seed_text).split("\n")
    caption = "A US Navy destroyer patrols the Red Sea on Tuesday. Photograph: Jane Roe/Reuters"
    credit = "US troops at a base in eastern Syria. (John Smith/AP)"
    doc = segment.build("\n\n".join([paras[0], caption, *paras[1:4], credit, *paras[4:]]), language="en")
    for budget in ({}, {"sentences": 1}, {"sentences": 3}, {"ratio": 1.0}):
        joined = " ".join(texts(doc, extract.select(doc, **budget)))
        assert "Red Sea on Tuesday" not in joined and "Jane Roe" not in joined and "John Smith" not in joined
    assert "Neither Washington" in joined  # the rest of the article is all there at ratio 1
    # A short text that is all one paragraph ending with a credit is still the article.
    short = segment.build(paras[0] + " Photograph: Jane Roe/Reuters", language="en")
    assert texts(short, extract.select(short, sentences=1)) == [paras[0].strip()]


def test_a_text_pasted_twice_gives_each_sentence_once(seed_text):
    body = segment.normalize(seed_text)
    doc = segment.build(body + "\n\n" + body, language="en")
    for budget in ({}, {"ratio": 0.9}, {"sentences": 12}, {"sentences": 3}):
        chosen = texts(doc, extract.select(doc, **budget))
        assert len(chosen) == len(set(chosen))
    two = segment.build("The council met on Monday. It approved the budget.\n\n" * 2, language="en")
    assert texts(two, extract.select(two, sentences=3)) == [
        "The council met on Monday.",
        "It approved the budget.",
    ]
    # A pull quote repeats the sentence it comes from, in other quote marks and without the attribution.
    pulled = segment.build(
        "The ranchers took on a mining company and won.\n\n“Without water, there is no ranch, and no town.”\n\n"
        '"Without water, there is no ranch, and no town," said Maggie Arriola, a rancher.\n\n'
        "The company withdrew its application in May.",
        language="en",
    )
    chosen = texts(pulled, extract.select(pulled, ratio=1.0))
    assert len(chosen) == 3 and not any(t.startswith("“Without") for t in chosen)
    # Sentences with the same content words but other numbers or a "not" are different sentences.
    differ = segment.build(
        "Sales rose 5 percent in 2022, the company said. Sales rose 7 percent in 2023, the company said.",
        language="en",
    )
    assert len(extract.select(differ, ratio=1.0)) == 2


def test_a_french_opening_guillemet_opens_the_next_sentence():
    text = (
        "Les clients réguliers étaient déçus, a déclaré le propriétaire. « C'est la fin d'une époque », "
        "a-t-il ajouté. La vente a été conclue en mars."
    )
    spans = [text[a:b] for a, b in segment.split_sentences(text, 0, len(text), "fr")]
    assert spans == [
        "Les clients réguliers étaient déçus, a déclaré le propriétaire.",
        "« C'est la fin d'une époque », a-t-il ajouté.",
        "La vente a été conclue en mars.",
    ]


def test_a_quotation_s_speaker_is_looked_for_in_its_own_paragraph_first():
    # Written for this test: the next paragraph "says" something too, but the quote is Fiona Gray's.
    text = (
        "Volunteers returned to the island on Monday to restore its lighthouse.\n\n"
        '"It is an extraordinary place, but it is also very unforgiving," said Fiona Gray, the project manager. '
        '"Everything we need, from cement to drinking water, has to be flown in."\n\n'
        "The volunteers include two retired keepers who say they jumped at the chance to go back."
    )
    assert _speaker_of(text, 2) == 1


def _speaker_of(text: str, i: int) -> int | None:
    """The speaker sentence found for sentence i of ``text``, a quotation without its own attribution."""
    doc = segment.build(text, language="en")
    quoted = extract._in_quote(doc)
    assert quoted[i]
    return extract._speaker_neighbour(doc, i, quoted)


def test_a_german_day_ordinal_does_not_end_the_sentence():
    """ "ab dem 2. März": Punkt's German model pairs a number with a month; the quick path must ask it too."""
    import punkt

    text = (
        "Fahrgäste können ihr Ticket ab dem 2. März bis zum 11. März flexibel nutzen, teilte die Bahn mit. "
        "Veröffentlicht am 4. März 2021. Das gilt seit der 2. EU-Richtlinie."
    )
    spans = segment.split_sentences(text, 0, len(text), "de")
    assert len(spans) == 3 and text[spans[0][0] : spans[0][1]].endswith("teilte die Bahn mit.")
    assert spans == list(punkt.PunktSentenceTokenizer.span_tokenize(segment._tokenizer("de"), text))


def test_a_quotation_comes_with_the_next_sentence_that_names_its_speaker():
    # Written for this test: the speaker is named without an attribution verb.
    text = (
        "The European Central Bank raised its main interest rate by half a point on Thursday to 3 percent, its "
        "fifth increase since July.\n\n"
        '"Inflation remains far too high, so we will stay the course." That was the message from ECB President '
        "Christine Lagarde at a news conference in Frankfurt.\n\n"
        "Markets had expected the move. Stocks in Frankfurt and Paris rose after the announcement.\n\n"
        "Economists expect another rise in March. Some warned of a recession later this year."
    )
    assert _speaker_of(text, 1) == 2
    doc = segment.build(text, language="en")
    for n in range(1, 7):
        chosen = {u.sentence.index for u in extract.select(doc, sentences=n)}
        assert 1 not in chosen or 2 in chosen
    # A quotation followed by a sentence that names no one, or by furniture, stays a quotation on its own.
    for after in (
        "That was the end of it.",
        "The bank raised rates in March and April in Frankfurt.",
        "Reporting by Jane Roe in Frankfurt; Editing by John Smith.",
    ):
        assert _speaker_of(f'"We will stay the course." {after}', 0) is None, after


def test_wikinews_briefs_skip_headline_and_dateline(wikinews):
    for row in wikinews:
        doc = wikinews_doc(row)
        title, dateline = row["text"].split("\n")[:2]
        for budget in ({}, {"sentences": 3}):
            chosen = texts(doc, extract.select(doc, **budget))
            assert chosen, row["doc_id"]
            assert title not in chosen and dateline not in chosen
            assert all(t in row["text_without_title_and_dateline"] for t in chosen)
        first = extract.select(doc, sentences=1)[0].sentence  # the first reporting sentence
        assert (
            first.index == extract.candidates(doc)[0] and first.index in (2, 3) and first.text.endswith(".")
        )


def _quote_pairs_hold(doc, units):
    quoted = extract._in_quote(doc)
    candidates = set(extract.candidates(doc))
    chosen = {u.sentence.index for u in units}
    for i in chosen:
        if quoted[i]:
            speaker = extract._speaker_neighbour(doc, i, quoted)
            if speaker is not None and speaker not in chosen:
                return False
        elif (
            extract._PRONOUN_SPEAKER.search(doc.sentences[i].text)
            and i - 1 in candidates
            and i - 1 not in chosen
        ):
            return False  # "..., he said" without the sentence that says who "he" is
    return True


def test_no_quotation_without_its_named_speaker(seed_text, wikinews):
    docs = [seed_doc(seed_text), *(wikinews_doc(r) for r in wikinews)]
    checked = 0
    for doc in docs:
        quoted = extract._in_quote(doc)
        checked += sum(extract._speaker_neighbour(doc, i, quoted) is not None for i in range(len(quoted)))
        for budget in ({}, {"sentences": 3}, {"sentences": 8}, {"ratio": 0.6}):
            assert _quote_pairs_hold(doc, extract.select(doc, **budget))
    assert checked >= 3  # the inputs do have speaker-less quotations with the speaker next door


def test_he_said_comes_with_the_sentence_that_names_him(seed_text):
    doc = seed_doc(seed_text)
    i = next(s.index for s in doc.sentences if s.text.startswith("But, he said, Iran and Hezbollah"))
    assert "Vali Nasr" in doc.sentences[i - 1].text
    for n in range(3, 30, 3):
        chosen = {u.sentence.index for u in extract.select(doc, sentences=n)}
        assert i not in chosen or i - 1 in chosen


def test_quotation_picked_alone_brings_its_speaker(wikinews):
    # "Everyone told us we were crazy" is opened by a sentence naming Ron Sugar and closed by one that does not.
    row = next(r for r in wikinews if r["doc_id"] == "100911")
    doc = wikinews_doc(row)
    quoted = extract._in_quote(doc)
    i = next(s.index for s in doc.sentences if s.text.startswith("But we took a big swing"))
    assert quoted[i]
    assert "Ron Sugar" in doc.sentences[extract._speaker_neighbour(doc, i, quoted)].text


def test_single_paragraph_text_still_gets_paragraphs(seed_text):
    one = " ".join(p.strip() for p in segment.normalize(seed_text).split("\n") if p.strip())
    doc = segment.build(one, language="en")
    assert len(doc.paragraphs) == 1
    units = extract.select(doc)
    groups = extract.paragraphs(doc, units)
    assert 3 <= len(groups) <= 9
    assert all(len(g) <= 4 for g in groups)
    assert all(t in one for t in texts(doc, units))


def test_paragraphs_stay_between_three_and_nine_for_short_and_very_long_briefs(seed_text, wikinews):
    """Five sentences or more make three paragraphs at least; a brief too long for nine paragraphs of four sentences
    gets longer paragraphs, not more of them."""
    text = "\n\n".join([segment.normalize(seed_text)] + [segment.normalize(r["text"]) for r in wikinews] * 3)
    doc = segment.build(text, language="en")
    for n in (5, 6, 20, 90):
        groups = extract.paragraphs(doc, extract.select(doc, sentences=n))
        assert sum(map(len, groups)) == n
        assert 3 <= len(groups) <= 9, n
        assert (
            max(map(len, groups)) <= 4 or n > 27
        )  # four a paragraph while nine paragraphs hold them with room


def test_bullet_lists_lose_their_markers_and_keep_their_items(seed_text):
    doc0 = seed_doc(seed_text)
    items = [s.text for s in doc0.sentences[:12]]
    text = "Key points:\n" + "\n".join(f"- {t}" for t in items)
    doc = segment.build(text, language="en")
    chosen = texts(doc, extract.select(doc, sentences=4))
    assert len(chosen) == 4
    assert all(t in items for t in chosen)


def test_one_line_and_tiny_inputs():
    line = "The central bank raised its main interest rate by a quarter point on Thursday."
    doc = segment.build(line, language="en")
    units = extract.select(doc)
    assert texts(doc, units) == [line]
    assert extract.paragraphs(doc, units) == [units]
    # a heading alone gives no brief sentence rather than a crash
    assert extract.select(segment.build("Breaking news", language="en")) == []


def test_shipped_weights_match_the_features_and_runtime_needs_no_sklearn(seed_text, tmp_path):
    model = extract.model()
    assert list(model["features"]) == list(extract.FEATURES)
    assert len(model["coef"]) == len(extract.FEATURES)
    path = tmp_path / "a.txt"
    path.write_text(seed_text, encoding="utf-8")
    code = (
        "import sys, dateline\n"
        f"b = dateline.brief(dateline.load({str(path)!r}))\n"
        "assert b.sentences\n"
        "print(json.dumps(sorted(m for m in ('sklearn', 'scipy', 'sumy') if m in sys.modules)))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", "import json\n" + code], capture_output=True, text=True, check=True
    )
    assert json.loads(out.stdout) == []


def test_html_and_text_give_the_same_brief(seed_text):
    paras = [p for p in segment.normalize(seed_text).split("\n") if p.strip()]
    page = "<html><body><article>" + "".join(f"<p>{p}</p>" for p in paras) + "</article></body></html>"
    a = seed_doc("\n\n".join(paras))
    b = ingest.from_text(page, language="en")
    assert texts(a, extract.select(a)) == texts(b, extract.select(b))


def test_ascii_shortcuts_agree_with_the_general_patterns(seed_text, wikinews):
    """ASCII text takes faster patterns and substring tests; on every sentence they must say what the general
    (Unicode) code says, and non-ASCII text must still take the general code."""
    import itertools
    import re

    texts = [seed_text, *(r["text"] for r in wikinews)]
    sentences = [s.text for t in texts for s in segment.build(segment.normalize(t)).sentences]
    sentences += [
        "Élodie Durand said “Non” to 3.5 million € in Zürich.",
        "«Hé», dit-il. ÖSTERREICH Ünd 12:30",
        "Mr Blair - who said he's 'delighted' - told the BBC's Today programme: 'We'll win -- and soon.'",
        "Rock'n'roll, a--b, x-'y, 'tis, the workers' pay, -5, '' and ' - x- -x: he said she'd go.",
    ]
    word = re.compile(r"\w+(?:[-'’]\w+)*")
    for s in sentences:
        low = s.lower()
        assert extract.content_words(s) == [w for w in word.findall(low) if w not in extract.stopwords("en")
                                            and not w.isdigit()]  # fmt: skip
        assert extract._capitalized(s) == sum(map(str.isupper, re.findall(r"\s(\S)", s)))
        assert extract._digit_tokens(s) == sum(1 for w in s.split() if re.search(r"\d", w))
        assert extract._quote_marks(s) == extract._QUOTE_MARK.findall(s)
        assert extract._pronoun_speaker(s) == bool(extract._PRONOUN_SPEAKER.search(s))
        assert extract._attributed(s) == bool(extract._ATTRIBUTION.search(s))
        if len(s.split()) > 2:  # (two words or fewer are answered before the patterns)
            assert segment.furniture(s) == next(
                (why for why, _, p in segment._FURNITURE if p.search(s)), None
            )
    for text in texts:  # the furniture patterns' key words looked for once in the whole text
        needles = segment.furniture_needles(text)
        doc = segment.build(segment.normalize(text))
        for s in doc.sentences:
            assert segment.furniture(s.text, needles) == segment.furniture(s.text)
        # ... and the words of every sentence from the whole text blanked once
        assert extract.sentence_words(doc) == [extract.content_words(s.text) for s in doc.sentences]
    # Words by blanking and splitting: every string of letters, hyphens, apostrophes and spaces up to 7 long.
    for n in range(8):
        for chars in itertools.product("a-' ", repeat=n):
            low = "".join(chars)
            assert extract._ascii_words(low) == extract._WORD_ASCII.findall(low), low
    heads = [t[:1500].lower() for t in texts + sentences]
    heads = [h for h in heads if h.isascii()]  # the only text the language test blanks and splits
    assert len(heads) > 5
    for head in heads:
        assert head.translate(ingest._BLANK_NON_LETTERS).split() == ingest._WORDS.findall(head)


def test_punkt_multi_char_pattern_matches_the_package_default(seed_text, wikinews, monkeypatch):
    """segment gives Punkt a faster spelling of its multi-character punctuation pattern: it must match the same
    spans as the package's own on every run of dots, dashes and spaces, and split real text the same way."""
    import itertools
    import re

    import punkt
    from punkt.rules.language import DEFAULT_LANGUAGE_VARS

    ours, theirs = (
        re.compile(segment.MULTI_CHAR_PUNCT),
        re.compile(DEFAULT_LANGUAGE_VARS.multi_char_punct_pattern),
    )
    for n in range(9):
        for chars in itertools.product(".- a", repeat=n):
            s = "".join(chars)
            assert [m.span() for m in ours.finditer(s)] == [m.span() for m in theirs.finditer(s)], s
    stock = punkt.PunktSentenceTokenizer(punkt.load_model("english"))
    texts = [
        seed_text,
        *(r["text"] for r in wikinews),
        "Wait . . . what?! It cost $3.5m -- or more... Really.",
        # The plain-word shortcut (segment._punkt_class) next to what it must leave to Punkt: abbreviations,
        # initials, numbers, collocations, lower-case text as QAGS prints it.
        "He met gen. smith at 5 p.m. on monday. the talks ended at no. 10 downing st. later. It was late.",
        "Shares of Macy's fell 3 pct. to $40. analysts said. Sales at I. Magnin rose in jan. and feb. as expected.",
        seed_text.lower(),
    ]
    ours = segment._tokenizer("en")
    assert type(ours) is not punkt.PunktSentenceTokenizer  # the shortcuts are in use
    texts += [
        'He said it was "bad." The vote failed. Was it fair? Nobody knew! They met in 2004. Then they left.',
        "Prices rose 3.5 percent in 2004. the rest fell . The U.S.-led talks ended ... Later, all left.",
        'It ended (badly.) Then "What?" she said. Sales fell 5%. Costs rose.',
        # Punkt between plain breaks: a question inside quotes before a stop, abbreviations, an ellipsis, "?!".
        'She asked if he had "signed the deal?". "Not that I know of," he said. Then Mr. Smith left. It rained.',
        "It was quick... Then the U.S. team won. Dr. Jones said so?! Fine. The long-term plan failed. The end.",
    ]
    windows = []
    window = ours._window
    monkeypatch.setattr(ours, "_window", lambda *args: windows.append(args) or window(*args))  # counts calls
    for text in texts:
        assert list(ours.span_tokenize(text)) == list(stock.span_tokenize(text))
        for paragraph in text.split("\n"):  # the one-pass split, with Punkt between plain breaks where needed
            if paragraph.strip():
                assert ours.spans(paragraph) == list(stock.span_tokenize(paragraph)), paragraph
    assert len(windows) >= 3


def test_a_decimal_broken_by_a_space_stays_one_sentence(wikinews):
    """Detokenized text writes "$4. 6 billion" (27 of QAGS' 235 CNN/DM articles do so); Punkt would end a
    sentence at "$4." and leave "6 billion." as the next. A year, a number with a point already, or a capital next
    is still a sentence end."""
    article = next(r["text"] for r in wikinews if "$ 4.6 billion" in r["text"])
    sentence = next(s.text for s in segment.build(article).sentences if "4.6 billion" in s.text)
    broken = article.replace("$ 4.6 billion", "$ 4. 6 billion")
    assert sentence.replace("4.6", "4. 6") in [s.text for s in segment.build(broken).sentences]
    assert len(segment.build(broken).sentences) == len(segment.build(article).sentences)
    for text, pieces in [
        ("Sales fell in 2003. 2004 was better.", 2),  # a year
        ("The rate was 2.31. 8 men left.", 2),  # a number that has its point
        ("It cost 4. 6 Billion was the bid.", 2),  # a capital next
        ("Costs rose 98. 7% in a year.", 1),
    ]:
        assert len(segment.build(text).sentences) == pieces, text


def test_a_list_without_full_stops_and_a_line_without_one_are_content():
    items = ["The council approved the budget", "Taxes rise 5 percent", "The vote was 7 to 2"]
    doc = segment.build("\n".join(f"- {t}" for t in items) + "\n1. No arrests were made", language="en")
    assert "1. No arrests were made" in [s.text for s in doc.sentences]  # the number stays with its item
    units = extract.select(doc, sentences=4)
    chosen = " ".join(texts(doc, units))
    assert all(t in chosen for t in items)
    # Items without a full stop stay paragraphs of their own: run together they would read as one sentence.
    assert [len(p) for p in extract.paragraphs(doc, units)] == [1, 1, 1, 1]
    line = "The council approved the budget on Tuesday"
    doc = segment.build(line, language="en")
    assert texts(doc, extract.select(doc)) == [line]


@pytest.mark.parametrize(
    "text",
    ["Hello", "1 2 3 4 5 6 7 8 9 10\n2023 2024 2025", "https://example.org/news/2023/11/30/story.html"],
)
def test_text_with_nothing_to_brief_is_an_error_not_an_empty_brief(text):
    with pytest.raises(errors.NoArticleText, match="nothing to brief"):
        dateline.brief(text, language="en")


def test_run_on_text_without_full_stops_is_cut_into_pieces(seed_text):
    # The seed article with its sentence ends removed: one 1,000-word "sentence".
    run_on = " ".join(seed_text.replace(".", " ").replace("?", " ").split())
    doc = segment.build(run_on, language="en")
    assert len(run_on.split()) > segment.RUN_ON
    assert all(len(s.text.split()) <= segment.RUN_ON_PIECE for s in doc.sentences)
    assert "".join(s.text for s in doc.sentences).replace(" ", "") == run_on.replace(" ", "")
    brief = dateline.brief(doc, words=100)
    assert 40 <= sum(len(s.text.split()) for p in brief.paragraphs for s in p) <= 180
    assert all(doc.text[s.start : s.end] == s.text for p in brief.paragraphs for s in p)


def test_tfidf_of_a_very_long_text_is_bounded_and_keeps_its_weights(seed_text, monkeypatch):
    doc = seed_doc(seed_text)
    full, _, vocab = extract.tfidf(doc)
    monkeypatch.setattr(extract, "MAX_CELLS", 20 * len(doc.sentences))
    space = extract.tfidf(doc)
    bounded, _, kept = space
    assert bounded.size <= extract.MAX_CELLS and len(kept) == 20
    cols = [vocab[w] for w in kept]
    assert np.allclose(bounded[:, list(kept.values())], full[:, cols], atol=1e-6)
    assert len(extract.select(doc, sentences=5, space=space)) == 5
