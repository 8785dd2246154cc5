"""The temporal tagger on real text: the seed's 19 labelled expressions, WikiNews gold timexes, the traps of the
generic date parsers, and one test per language."""

from __future__ import annotations

import itertools
from datetime import date

import pytest

from dateline import temporal
from dateline.temporal import Timex, scan, tag

SEED_DCT = date(2023, 11, 30)

# The project's own labels for the seed article (publication date 2023-11-30): start, end, type, value.
SEED_GOLD = [
    (132, 147, "DURATION", "P7W"),  # the seven weeks
    (188, 197, "DATE", "2023-10-07"),  # October 7
    (637, 652, "DURATION", "P2Y"),  # two years after
    (681, 688, "DURATION", "P20Y"),  # 20-year
    (799, 808, "DATE", "2023-W47"),  # last week
    (912, 922, "DATE", "2023-11-28"),  # on Tuesday
    (986, 997, "DATE", "2023-11-23"),  # November 23
    (999, 1011, "DATE", "2023-11-24"),  # a day before (anchored to November 23)
    (1339, 1351, "DATE", "2023-11-29"),  # on Wednesday
    (3144, 3157, "DATE", "2023-10-07"),  # the October 7
    (3265, 3274, "DURATION", "PXW"),  # For weeks
    (4303, 4313, "DATE", "2023-10-27"),  # October 27
    (4327, 4337, "DATE", "2023-11-08"),  # November 8
    (4413, 4424, "DATE", "2023-11-12"),  # November 12
    (5063, 5075, "DURATION", "PXW"),  # recent weeks
    (5209, 5227, "DATE", "2023-11"),  # earlier this month
    (5230, 5239, "DATE", "PRESENT_REF"),  # Right now
    (5831, 5838, "DATE", "2023-11-15"),  # Nov. 15
    (7162, 7172, "DATE", "2023-10-25"),  # October 25
]


def _found(timexes: list[Timex], start: int, end: int, value: str) -> bool:
    """TempEval-3's value criterion: an overlapping span with the right normalized value."""
    return any(t.start < end and start < t.end and t.value == value for t in timexes)


def test_seed_expressions_all_but_at_most_one(seed_text):
    timexes = tag(seed_text, SEED_DCT)
    missed = [g for g in SEED_GOLD if not _found(timexes, g[0], g[1], g[3])]
    assert len(missed) <= 1, missed
    assert not missed  # today all 19 are right; keep it that way


def test_seed_offsets_point_into_the_text(seed_text):
    for t in tag(seed_text, SEED_DCT):
        assert seed_text[t.start : t.end] == t.text
        assert t.type in {"DATE", "TIME", "DURATION", "SET"}


def test_anchored_to_the_date_named_before_not_to_the_publication_date(seed_text):
    t = next(t for t in tag(seed_text, SEED_DCT) if t.start == 999)
    assert (t.text, t.value, t.anchor) == ("a day before", "2023-11-24", "2023-11-23")


def test_wikinews_gold_values(wikinews):
    """MEANTIME's gold timexes of the WikiNews fixtures (CC BY 4.0): most are found with the right value."""
    gold = found = 0
    for row in wikinews:
        if not row["dct"]:
            continue
        timexes = tag(row["text"], date.fromisoformat(row["dct"][:10]))
        for g in row["timexes"]:
            if "start" in g and row["text"][g["start"] : g["end"]] == g["text"]:
                gold += 1
                found += _found(timexes, g["start"], g["end"], g["value"])
    assert gold > 50
    assert found / gold >= 0.75


@pytest.mark.parametrize(
    ("text", "unwanted"),
    [
        ("We believe we can win, and we will.", "we"),  # the pronoun is not Wednesday
        ("Officials may not want a wider war, and Iran may agree.", "may"),  # the verb is not May
        ("One or two of the ten ships left; seven stayed.", "number words"),
        ("A 20-year-old soldier was wounded.", "an age"),
    ],
)
def test_generic_parser_traps_are_not_dates(text, unwanted):
    assert tag(text, SEED_DCT) == [], unwanted


def test_twenty_year_war_is_a_duration_and_november_keeps_its_day():
    timexes = tag("He ended the 20-year war. They testified on Nov. 15.", SEED_DCT)
    assert [(t.type, t.value) for t in timexes] == [("DURATION", "P20Y"), ("DATE", "2023-11-15")]
    assert timexes[1].text == "Nov. 15"


def test_past_by_default_future_when_the_sentence_says_so():
    past = tag("The minister spoke on Tuesday. The report came out in December.", SEED_DCT)
    assert [t.value for t in past] == ["2023-11-28", "2022-12"]
    future = tag("The minister will speak on Tuesday.", SEED_DCT)
    assert [t.value for t in future] == ["2023-12-05"]


def test_relative_expressions():
    text = "Yesterday prices fell; two days ago they rose. Next month and last year. In the third quarter."
    values = [t.value for t in tag(text, SEED_DCT)]
    assert values == ["2023-11-29", "2023-11-28", "2023-12", "2022", "2023-Q3"]


def test_explicit_formats():
    text = "Filed 10/27/2023, amended 2023-11-30 and on October 7, 2023; in 1998 and the 1990s."
    values = [t.value for t in tag(text, None)]
    assert values == ["2023-10-27", "2023-11-30", "2023-10-07", "1998", "199"]


def test_without_a_reference_date_values_stay_unresolved():
    values = [t.value for t in tag("On Tuesday, November 23 and last week.", None)]
    assert values[0].startswith("XXXX") and "XXXX-11-23" in values


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("es", "El ministro dijo el martes que el ataque del 7 de octubre cambió todo. Ayer se reunieron; "
               "hace dos semanas hubo otra reunión. La semana pasada, por la mañana.",
         ["2023-11-28", "2023-10-07", "2023-11-29", "2023-W46", "2023-W47"]),
        ("fr", "Le ministre a déclaré mardi que l'attaque du 7 octobre avait tout changé. Hier, ils se sont "
               "réunis; il y a deux semaines, une autre réunion. La semaine dernière, en novembre 2023.",
         ["2023-11-28", "2023-10-07", "2023-11-29", "2023-W46", "2023-W47", "2023-11"]),
        ("de", "Der Minister sagte am Dienstag, der Angriff vom 7. Oktober habe alles verändert. Gestern trafen "
               "sie sich; vor zwei Wochen gab es ein Treffen. Letzte Woche, am Morgen.",
         ["2023-11-28", "2023-10-07", "2023-11-29", "2023-W46", "2023-W47"]),
        ("it", "Il ministro ha detto martedì che l'attacco del 7 ottobre ha cambiato tutto. Ieri si sono "
               "incontrati; due settimane fa un altro incontro. La settimana scorsa, a novembre.",
         ["2023-11-28", "2023-10-07", "2023-11-29", "2023-W46", "2023-W47", "2023-11"]),
    ],
)  # fmt: skip
def test_languages(language, text, expected):
    assert [t.value for t in tag(text, SEED_DCT, language)] == expected


def test_scan_does_not_depend_on_the_reference(seed_text):
    mentions = scan(seed_text)
    assert len(mentions) == len(tag(seed_text, None)) >= 19


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("es", "El pasado 7 de octubre de 2023 y el lunes pasado; hace tres días, en el año 2022, el próximo año, "
               "durante dos semanas, el 15/11/2023, mañana por la mañana.",
         ["2023-10-07", "2023-11-27", "2023-11-27", "2022", "2024", "P2W", "2023-11-15", "2023-12-01"]),
        ("fr", "Le 1er novembre, lundi dernier, il y a trois jours, en 2022, l'année prochaine, pendant deux "
               "semaines, le 15/11/2023, demain matin. Mars est une planète.",
         ["2023-11-01", "2023-11-27", "2023-11-27", "2022", "2024", "P2W", "2023-11-15", "2023-12-01"]),
        ("de", "Am 3. März 2023, letzten Montag, vor drei Tagen, im Jahr 2022, nächstes Jahr, zwei Wochen lang, "
               "am 15.11.2023, morgen früh. Der Morgen war kalt. Mai ist schön.",
         ["2023-03-03", "2023-11-27", "2023-11-27", "2022", "2024", "P2W", "2023-11-15", "2023-12-01"]),
        ("it", "Il 1º maggio, lunedì scorso, tre giorni fa, nel 2022, l'anno prossimo, per due settimane, "
               "il 15/11/2023, domani mattina.",
         ["2023-05-01", "2023-11-27", "2023-11-27", "2022", "2024", "P2W", "2023-11-15", "2023-12-01"]),
    ],
)  # fmt: skip
def test_languages_numbers_relatives_and_false_friends(language, text, expected):
    """Ordinal days, "last Monday" after its noun, "N units ago", years after a preposition, numeric dates read
    day first; "por la mañana", "der Morgen", "Mars" the planet and "Mai" without a preposition are no dates."""
    assert [t.value for t in tag(text, SEED_DCT, language)] == expected


def test_the_fast_paths_find_what_the_plain_ones_do():
    """The scanner's shortcuts (ASCII patterns for ASCII text, alternations grouped by first letter, the trigger
    word index) must not change a mention: an ASCII text and the same text with one non-ASCII character at its end
    (which takes the Unicode patterns) give the same mentions, with the same tense."""
    text = (
        "The 20-year-old was arrested on Tuesday, Nov. 24, 2009, nearly three weeks after the attack of October "
        "7th. Four years ago the firm made $1 billion in the third quarter of fiscal 2008; in March it will report "
        "twice a year, and a few more days later it said the 1990s were over. At 10 p.m. Wednesday, 2023-11-30."
    )
    assert text.isascii()
    key = lambda ms: [(m.start, m.end, m.kind, m.f, m.future, m.past) for m in ms]  # noqa: E731
    plain, unicode = scan(text), scan(text + " é")
    assert key(plain) == key(unicode)
    assert len(plain) >= 10


def test_alternations_grouped_by_first_letter_match_in_the_same_order():
    import re

    from dateline.temporal_rules import _by_first_letter

    words = [
        "a couple of",
        "a couple",
        "couple of",
        "a",
        "an",
        "one and a half",
        "one",
        r"\d+",
        "four",
        "fourteen",
    ]
    grouped = re.compile(rf"\b{_by_first_letter(words)}\s+days\b", re.IGNORECASE)
    plain = re.compile(rf"\b(?:{'|'.join(words)})\s+days\b", re.IGNORECASE)
    text = "a couple of days, a couple days, An days, one and a half days, fourteen days, 12 days, four days"
    assert [m.span() for m in grouped.finditer(text)] == [m.span() for m in plain.finditer(text)]
    with pytest.raises(ValueError):
        _by_first_letter(["(?:x|y)"])


DAY_FORMS = [
    "on Nov. 24, 2009",
    "Friday, Nov. 24",
    "November 24th",
    "Sept 5",
    "April 24 and 25",
    "the 24th of November",
    "24 November 2023",
    "11/24/2009",
    "2023-11-30",
    "2023-11-30T10:15",
]


@pytest.mark.parametrize("text", DAY_FORMS)
def test_every_english_day_form_passes_the_cheap_day_test(text):
    from dateline.temporal import may_name_days

    assert any(m.kind == "date" for m in scan(text))
    assert may_name_days(text)


def test_the_cheap_day_test_holds_on_real_articles(seed_text, wikinews):
    """Wherever the scan finds a day, ``may_name_days`` says it may; a text that names its days by weekday only
    does not need the scan."""
    from dateline.temporal import may_name_days

    texts = [seed_text, *(row["text"] for row in wikinews)]
    texts += [p for t in texts for p in t.split("\n") if p.strip()]  # paragraphs too: many state no day
    without = 0
    for text in texts:
        if any(m.kind == "date" for m in scan(text)):
            assert may_name_days(text)
        without += not may_name_days(text)
    assert without > 10
    weekdays = "Police said on Tuesday that the man, 35, was arrested last week; he appears in court in May."
    assert not may_name_days(weekdays) and not any(m.kind == "date" for m in scan(weekdays))
    assert may_name_days(weekdays, "de")  # other languages always scan
    for dated in ("It opened on 11/30/2023.", "It opened 1/2/23, late.", "Dated 12/31/99 in the file."):
        assert may_name_days(dated) and any(m.kind == "date" for m in scan(dated))
    # The month-name search gives what the two month patterns give, on every string of these pieces up to 4 long.
    pieces = ["5", "th", " ", "\n", "of", "May", "Mar.", "x", "Sept"]
    for n in range(1, 5):
        for combo in itertools.product(pieces, repeat=n):
            s = "".join(combo)
            expected = bool(temporal._EN_MONTH_DAY.search(s) or temporal._EN_DAY_MONTH.search(s))
            assert temporal._month_next_to_a_day(s) == expected, s
    slashes = "Open 24/7 and/or online at https://example.com/news/2023/story, 3/4 of them said on Tuesday."
    assert not may_name_days(slashes) and not any(m.kind == "date" for m in scan(slashes))


def test_rule_keys_never_skip_a_text_the_rule_matches(seed_text, wikinews):
    """A rule's key (a cheap test on the text and its word index) must hold wherever the rule's pattern matches."""
    from dateline.temporal import _ascii, _word_index
    from dateline.temporal_rules import rules_for, trigger_words

    crafted = (
        "He flies twice a year and pays $40 per day; 5 percent a year. Prices rose 3% a month. For days, the past "
        "few weeks, within  hours, many years, recent\nmonths, the next several decades. Born 1999-12-31; "
        "a year ago, in 2008-09."
    )
    texts = [crafted, seed_text, *(row["text"] for row in wikinews)]
    texts += [p for t in texts for p in t.split(". ") if p.strip()]
    keyed = [r for r in rules_for("en") if r.key is not None]
    assert len(keyed) >= 3
    checked = 0
    for text in texts:
        if not text.isascii():
            continue
        index = _word_index(text, trigger_words("en"), True)
        for rule in keyed:
            if _ascii(rule.pattern).search(text):
                assert rule.key(text, index), (rule.pattern.pattern[:40], text[:80])
                checked += 1
    assert checked >= 5


def test_relative_dates_past_the_calendar_end_stay_unresolved_not_a_crash():
    text = "The council met on Monday and will meet again tomorrow and next week. Last year the budget fell."
    got = {t.text: t.value for t in tag(text, date(9999, 12, 31))}
    assert got == {"Last year": "9998"}  # the others: their arithmetic runs past 9999-12-31
