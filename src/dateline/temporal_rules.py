"""The tagger's rules: for each language, explicit patterns for temporal expressions and what each one says.

A rule is a compiled regular expression and a builder that turns a match into a ``Mention`` (a span, a kind and the
fields the normalizer needs). Lexicons (months, weekdays, number words, units) are plain dictionaries here, so a
rule's behaviour can be read off this file. Traps the generic parsers fall into are avoided on purpose:

* month names that are also words ("May", "March") count only next to a day or year or after a time word;
* weekday names must be capitalized words ("we" is a pronoun, not Wednesday);
* number words are never months; "20-year" is a duration (P20Y), "20-year-old" is no timex at all;
* abbreviated months keep their day ("Nov. 15" is one expression).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache


@dataclass(slots=True)
class Mention:
    """A temporal expression as written: its span, what kind it is and the fields that say which time it means."""

    start: int
    end: int
    kind: str  # date, month, year, decade, century, weekday, relday, relunit, quarter, half, season, clock,
    #            duration, ref, set, iso, holiday
    f: dict = field(default_factory=dict)
    text: str = ""
    # (future, past): the clause is about the future; it is in the past tense, without a future cue. The scanner
    # sets a function that works them out from the text, called the first time they are read.
    tense: tuple[bool, bool] | Callable[[], tuple[bool, bool]] = field(default=(False, False), repr=False,
                                                                      compare=False)  # fmt: skip

    @property
    def future(self) -> bool:
        return self._tense()[0]

    @future.setter
    def future(self, value: bool) -> None:
        self.tense = (value, self._tense()[1])

    @property
    def past(self) -> bool:
        return self._tense()[1]

    @past.setter
    def past(self, value: bool) -> None:
        self.tense = (self._tense()[0], value)

    def _tense(self) -> tuple[bool, bool]:
        if callable(self.tense):
            self.tense = self.tense()
        return self.tense


@dataclass(frozen=True, slots=True)
class Rule:
    """A pattern and its builder. ``trigger`` (a cheap pattern for the rule's key word) makes the scanner run the
    full pattern only in windows ``back`` characters before and ``fwd`` after each trigger: the optional prefixes
    of the full patterns are slow to try at every position of a long text."""

    pattern: re.Pattern
    build: Callable[[re.Match, str], Mention | None]
    trigger: frozenset[str] | None = None  # lowercase words; "<year>" stands for any 1600-2099 number
    back: int = 0
    fwd: int = 0
    needs: str = ""  # a character the text must contain for the rule to run at all ("/" for 10/27/2023)
    # A test that every ASCII text the rule matches passes, given the text and its trigger-word index (lowercase
    # word -> its (start, end) spans, as the scanner builds it): cheaper than the windows it saves.
    key: Callable[[str, dict[str, list[tuple[int, int]]]], bool] | None = None


def _t(rule: Rule, words, back: int, fwd: int) -> Rule:
    """``rule``, run only around the words in ``words``."""
    return Rule(rule.pattern, rule.build, frozenset(w.lower() for w in words), back, fwd)


def _needs(rule: Rule, char: str) -> Rule:
    """``rule``, run only on texts that contain ``char``."""
    return Rule(rule.pattern, rule.build, rule.trigger, rule.back, rule.fwd, char, rule.key)


def _key(rule: Rule, key: Callable[[str, dict], bool]) -> Rule:
    """``rule``, run only on ASCII texts that pass ``key`` (see ``Rule.key``)."""
    return Rule(rule.pattern, rule.build, rule.trigger, rule.back, rule.fwd, rule.needs, key)


def _space_before(text: str, at: int) -> int:
    """Where the run of whitespace that ends at ``at`` starts (``at`` itself when there is none)."""
    while at > 0 and text[at - 1].isspace():
        at -= 1
    return at


def _after_word(units, before: re.Pattern, width: int):
    """A ``Rule.key``: one of the words ``units`` (from the index) comes after whitespace after text that
    ``before`` (ending in ``\\Z``) matches within ``width`` characters."""

    def key(text: str, index: dict) -> bool:
        for unit in units:
            for s, _ in index.get(unit, ()):
                k = _space_before(text, s)
                if k < s and before.search(text, max(0, k - width), k):
                    return True
        return False

    return key


# ------------------------------------------------------------------------------------------------------ lexicons

MONTHS = {
    "en": {"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
           "september": 9, "october": 10, "november": 11, "december": 12, "jan": 1, "feb": 2, "mar": 3, "apr": 4,
           "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12},
    "es": {"enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7, "agosto": 8,
           "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11, "diciembre": 12},
    "fr": {"janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7,
           "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11, "décembre": 12, "decembre": 12},
    "de": {"januar": 1, "jänner": 1, "februar": 2, "märz": 3, "april": 4, "mai": 5, "juni": 6, "juli": 7,
           "august": 8, "september": 9, "oktober": 10, "november": 11, "dezember": 12},
    "it": {"gennaio": 1, "febbraio": 2, "marzo": 3, "aprile": 4, "maggio": 5, "giugno": 6, "luglio": 7,
           "agosto": 8, "settembre": 9, "ottobre": 10, "novembre": 11, "dicembre": 12},
}  # fmt: skip

WEEKDAYS = {
    "en": {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6},
    "es": {"lunes": 0, "martes": 1, "miércoles": 2, "miercoles": 2, "jueves": 3, "viernes": 4, "sábado": 5,
           "sabado": 5, "domingo": 6},
    "fr": {"lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5, "dimanche": 6},
    "de": {"montag": 0, "dienstag": 1, "mittwoch": 2, "donnerstag": 3, "freitag": 4, "samstag": 5,
           "sonnabend": 5, "sonntag": 6},
    "it": {"lunedì": 0, "lunedi": 0, "martedì": 1, "martedi": 1, "mercoledì": 2, "mercoledi": 2, "giovedì": 3,
           "giovedi": 3, "venerdì": 4, "venerdi": 4, "sabato": 5, "domenica": 6},
}  # fmt: skip

NUMBERS = {
    "en": {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
           "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
           "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
           "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "a hundred": 100,
           "a couple of": 2, "a couple": 2, "couple of": 2, "a dozen": 12, "dozen": 12, "half a": 0.5,
           "a half": 0.5, "one and a half": 1.5, "several": None, "a few": None, "few": None, "many": None,
           "some": None, "dozens of": None, "hundreds of": None, "the": None},
    "es": {"un": 1, "una": 1, "uno": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7,
           "ocho": 8, "nueve": 9, "diez": 10, "once": 11, "doce": 12, "quince": 15, "veinte": 20, "treinta": 30,
           "cuarenta": 40, "cincuenta": 50, "cien": 100, "varios": None, "varias": None, "unos": None,
           "unas": None, "algunos": None, "algunas": None, "muchos": None, "muchas": None},
    "fr": {"un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8,
           "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "quinze": 15, "vingt": 20, "trente": 30, "quarante": 40,
           "cinquante": 50, "cent": 100, "plusieurs": None, "quelques": None},
    "de": {"ein": 1, "eine": 1, "einen": 1, "einem": 1, "einer": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5,
           "sechs": 6, "sieben": 7, "acht": 8, "neun": 9, "zehn": 10, "elf": 11, "zwölf": 12, "fünfzehn": 15,
           "zwanzig": 20, "dreißig": 30, "vierzig": 40, "fünfzig": 50, "hundert": 100, "mehreren": None,
           "mehrere": None, "einigen": None, "einige": None, "wenigen": None, "wenige": None, "vielen": None},
    "it": {"un": 1, "uno": 1, "una": 1, "due": 2, "tre": 3, "quattro": 4, "cinque": 5, "sei": 6, "sette": 7,
           "otto": 8, "nove": 9, "dieci": 10, "undici": 11, "dodici": 12, "quindici": 15, "venti": 20,
           "trenta": 30, "quaranta": 40, "cinquanta": 50, "cento": 100, "alcuni": None, "alcune": None,
           "diversi": None, "diverse": None, "molti": None, "molte": None, "pochi": None},
}  # fmt: skip
_EN_UNITS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
}

UNITS = {
    "en": {"second": "S", "minute": "TM", "hour": "H", "day": "D", "week": "W", "fortnight": "2W", "month": "M",
           "quarter": "Q", "year": "Y", "decade": "DE", "century": "CE", "centurie": "CE"},
    "es": {"segundo": "S", "minuto": "TM", "hora": "H", "día": "D", "dia": "D", "semana": "W", "mes": "M",
           "trimestre": "Q", "año": "Y", "década": "DE", "siglo": "CE"},
    "fr": {"seconde": "S", "minute": "TM", "heure": "H", "jour": "D", "journée": "D", "semaine": "W", "mois": "M",
           "trimestre": "Q", "an": "Y", "année": "Y", "décennie": "DE", "siècle": "CE"},
    "de": {"sekunde": "S", "minute": "TM", "stunde": "H", "tag": "D", "woche": "W", "monat": "M", "quartal": "Q",
           "jahr": "Y", "jahrzehnt": "DE", "jahrhundert": "CE"},
    "it": {"secondo": "S", "minuto": "TM", "ora": "H", "giorno": "D", "settimana": "W", "mese": "M",
           "trimestre": "Q", "anno": "Y", "decennio": "DE", "secolo": "CE"},
}  # fmt: skip

# Inflected unit forms (plurals, German cases) -> the lexicon form.
_PLURALS = {
    "es": {"segundos": "segundo", "minutos": "minuto", "horas": "hora", "días": "día", "dias": "día",
           "semanas": "semana", "meses": "mes", "trimestres": "trimestre", "años": "año", "décadas": "década",
           "siglos": "siglo"},
    "fr": {"secondes": "seconde", "minutes": "minute", "heures": "heure", "jours": "jour", "journées": "journée",
           "semaines": "semaine", "ans": "an", "années": "année", "décennies": "décennie", "siècles": "siècle",
           "trimestres": "trimestre"},
    "de": {"sekunden": "sekunde", "minuten": "minute", "stunden": "stunde", "tage": "tag", "tagen": "tag",
           "tages": "tag", "wochen": "woche", "monate": "monat", "monaten": "monat", "monats": "monat",
           "quartale": "quartal", "quartalen": "quartal", "jahre": "jahr", "jahren": "jahr", "jahres": "jahr",
           "jahrzehnte": "jahrzehnt", "jahrzehnten": "jahrzehnt", "jahrhunderte": "jahrhundert",
           "jahrhunderten": "jahrhundert"},
    "it": {"secondi": "secondo", "minuti": "minuto", "ore": "ora", "giorni": "giorno", "settimane": "settimana",
           "mesi": "mese", "trimestri": "trimestre", "anni": "anno", "decenni": "decennio", "secoli": "secolo"},
}  # fmt: skip

# Words for today (0), yesterday (-1), tomorrow (+1) and the days around them.
RELDAYS = {
    "en": {"today": 0, "yesterday": -1, "tomorrow": 1, "the day before yesterday": -2,
           "the day after tomorrow": 2},
    "es": {"hoy": 0, "ayer": -1, "mañana": 1, "anteayer": -2, "antes de ayer": -2, "anteanoche": -2,
           "pasado mañana": 2, "anoche": -1},
    "fr": {"aujourd'hui": 0, "aujourd’hui": 0, "hier": -1, "demain": 1, "avant-hier": -2, "après-demain": 2},
    "de": {"heute": 0, "gestern": -1, "morgen": 1, "vorgestern": -2, "übermorgen": 2},
    "it": {"oggi": 0, "ieri": -1, "domani": 1, "l'altro ieri": -2, "l’altro ieri": -2, "ieri l'altro": -2,
           "dopodomani": 2, "stanotte": 0, "stamattina": 0, "stasera": 0},
}  # fmt: skip

# "now"-like words (PRESENT_REF), the past (PAST_REF) and the future (FUTURE_REF).
REFS = {
    "en": {"now": "PRESENT_REF", "right now": "PRESENT_REF", "currently": "PRESENT_REF", "current": "PRESENT_REF",
           "at present": "PRESENT_REF", "at the moment": "PRESENT_REF", "nowadays": "PRESENT_REF",
           "these days": "PRESENT_REF", "recently": "PAST_REF", "lately": "PAST_REF",
           "the past": "PAST_REF", "the future": "FUTURE_REF"},
    "es": {"ahora": "PRESENT_REF", "actualmente": "PRESENT_REF", "en la actualidad": "PRESENT_REF",
           "recientemente": "PAST_REF", "el futuro": "FUTURE_REF", "pronto": "FUTURE_REF"},
    "fr": {"maintenant": "PRESENT_REF", "actuellement": "PRESENT_REF", "à présent": "PRESENT_REF",
           "récemment": "PAST_REF", "le passé": "PAST_REF", "l'avenir": "FUTURE_REF", "l’avenir": "FUTURE_REF",
           "bientôt": "FUTURE_REF"},
    "de": {"jetzt": "PRESENT_REF", "derzeit": "PRESENT_REF", "zurzeit": "PRESENT_REF", "gegenwärtig": "PRESENT_REF",
           "kürzlich": "PAST_REF", "neulich": "PAST_REF", "früher": "PAST_REF", "bald": "FUTURE_REF",
           "künftig": "FUTURE_REF", "zukünftig": "FUTURE_REF"},
    "it": {"adesso": "PRESENT_REF", "attualmente": "PRESENT_REF", "recentemente": "PAST_REF",
           "di recente": "PAST_REF", "in passato": "PAST_REF", "il futuro": "FUTURE_REF", "presto": "FUTURE_REF"},
}  # fmt: skip

# Relative unit phrases: "last week", "la semana pasada", "letztes Jahr"... -> (offset, unit)
_REL_EN = {"last": -1, "past": -1, "previous": -1, "this": 0, "current": 0, "next": 1, "coming": 1}
_REL_WORDS = {
    "es": {"pasado": -1, "pasada": -1, "anterior": -1, "último": -1, "última": -1, "este": 0, "esta": 0,
           "próximo": 1, "próxima": 1, "que viene": 1, "entrante": 1},
    "fr": {"dernier": -1, "dernière": -1, "passé": -1, "passée": -1, "précédent": -1, "précédente": -1, "ce": 0,
           "cet": 0, "cette": 0, "prochain": 1, "prochaine": 1, "suivant": 1, "suivante": 1},
    "de": {"letzte": -1, "letzten": -1, "letztes": -1, "letzter": -1, "vergangene": -1, "vergangenen": -1,
           "vergangenes": -1, "vorige": -1, "vorigen": -1, "voriges": -1, "diese": 0, "diesen": 0, "dieses": 0,
           "diesem": 0, "dieser": 0, "nächste": 1, "nächsten": 1, "nächstes": 1, "kommende": 1, "kommenden": 1,
           "kommendes": 1},
    "it": {"scorso": -1, "scorsa": -1, "passato": -1, "passata": -1, "precedente": -1, "questo": 0, "questa": 0,
           "quest'": 0, "quest’": 0, "prossimo": 1, "prossima": 1, "venturo": 1, "ventura": 1},
}  # fmt: skip
_REL_UNITS = {
    "en": {"week": "W", "month": "M", "year": "Y", "quarter": "Q", "decade": "DE", "century": "CE", "weekend": "WE"},
    "es": {"semana": "W", "mes": "M", "año": "Y", "trimestre": "Q", "fin de semana": "WE"},
    "fr": {"semaine": "W", "mois": "M", "année": "Y", "an": "Y", "trimestre": "Q", "week-end": "WE"},
    "de": {"woche": "W", "monat": "M", "jahr": "Y", "quartal": "Q", "wochenende": "WE"},
    "it": {"settimana": "W", "mese": "M", "anno": "Y", "trimestre": "Q", "fine settimana": "WE", "weekend": "WE"},
}  # fmt: skip

SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
HOLIDAYS = {"christmas day": "christmas", "christmas eve": "christmas eve", "christmas": "christmas",
            "new year's day": "new year's day", "new year's eve": "new year's eve", "thanksgiving day": "thanksgiving",
            "thanksgiving": "thanksgiving", "independence day": "independence day", "labor day": "labor day",
            "memorial day": "memorial day"}  # fmt: skip


def _alt(words, *, escape: bool = True) -> str:
    """A regex alternation, longest words first so that "the day before yesterday" beats "yesterday"."""
    items = sorted(words, key=len, reverse=True)
    return "(?:" + "|".join(re.escape(w) if escape else w for w in items) + ")"


def number(word: str, language: str = "en") -> float | bool | None:
    """A number written in digits or words; None for vague ones ("several"); False when it is no number."""
    w = word.lower().strip().replace(",", "")
    if re.fullmatch(r"\d+(?:\.\d+)?", w):
        return float(w)
    table = NUMBERS.get(language, NUMBERS["en"])
    if w in table:
        return table[w]
    if language == "en":
        parts = re.split(r"[\s-]+", w)
        if len(parts) == 2 and parts[0] in table and parts[1] in _EN_UNITS and (table[parts[0]] or 0) >= 20:
            return table[parts[0]] + _EN_UNITS[parts[1]]
    return False


def unit_of(word: str, language: str = "en") -> str | None:
    w = word.lower()
    if language == "en":
        w = w[:-1] if w.endswith("s") else w
        if w == "centurie":
            w = "century"
    else:
        w = _PLURALS.get(language, {}).get(w, w)
    return UNITS.get(language, UNITS["en"]).get(w)


# ------------------------------------------------------------------------------------------------ English rules

_EN_MONTH_FULL = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_EN_MONTH_ABBR = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
_EN_MONTH = rf"(?P<month>{_EN_MONTH_FULL}|{_EN_MONTH_ABBR})"
_EN_DOW = r"(?P<dow>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DAYNUM = (
    r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?![\d:.,]\d|\s*(?:%|percent|per cent|cents?|points?|[ap]\.?m\.?\b))"
)
_YEAR = r"(?P<year>1[6-9]\d\d|20\d\d)(?!\d)"


def _by_first_letter(alternatives: list[str]) -> str:
    """A regex alternation of ``alternatives`` (lowercase words, or regexes without a top-level "|" that start with
    a lowercase letter or \\d) with those that start with the same letter under one branch: "p(?:ast|revious)".
    The engine then tries a handful of branches at a word instead of every alternative (it cannot rule out
    case-insensitive ones quickly). It finds the same matches: alternatives that start with different letters (or
    a letter and a digit) never match at the same place, even case-insensitively, and the order within a letter
    is kept."""
    groups: dict[str, list[str]] = {}
    for a in alternatives:
        if not ("a" <= a[0] <= "z" or a.startswith("\\d")):
            raise ValueError(f"{a!r} does not start with a lowercase letter or \\d")
        groups.setdefault(a[0] if a[0] != "\\" else a, []).append(a)
    branches = [
        items[0] if len(items) == 1 else f"{first}(?:{'|'.join(a[1:] for a in items)})"
        for first, items in groups.items()
    ]
    return f"(?:{'|'.join(branches)})"


_ONES_EN = "one|two|three|four|five|six|seven|eight|nine"
_NUM_EN = "(?P<n>" + _by_first_letter([
    r"\d+(?:\.\d+)?",
    *(rf"{tens}(?:[\s-](?:{_ONES_EN}))?" for tens in ("twenty", "thirty", "forty", "fifty", "sixty", "seventy",
                                                      "eighty", "ninety")),
    "one and a half", "a couple of", "a couple", "couple of", "a dozen", "half a", "a few", "a hundred", "dozens of",
    "hundreds of", *_ONES_EN.split("|"), "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
    "seventeen", "eighteen", "nineteen", "several", "a", "an", "few", "many", "some",
]) + ")"  # fmt: skip
# What may come before a month or a year: "since March", "in fiscal 2023", "the end of 2022"
_MONTH_PREPS_EN = (
    "in since by until till through during from to of before after on between and or the".split()
)
_PREPS_EN = "in since by until till through during from to of before after between and or".split()
_YEAR_MODS_EN = ["fiscal", "calendar", "the end of", "the beginning of", "the start of", "the middle of", "early",
                 "late", "mid-?", "the year", "the summer of", "the fall of"]  # fmt: skip
# What may come before the number of a duration: "the past three weeks", "nearly two years"
_DUR_ADJ_EN = _by_first_letter("past last next first previous coming following final remaining latest recent "
                               "further additional same entire full".split())  # fmt: skip
_DUR_MOD_EN = _by_first_letter(["nearly", "almost", "about", "around", "roughly", "some", "over", "more than",
                                "less than", "up to", "at least"])  # fmt: skip
_UNIT_EN = r"(?P<unit>seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?|quarters?|years?|decades?|centur(?:y|ies))"


def _mention(m: re.Match, kind: str, start: int | None = None, end: int | None = None, **f) -> Mention:
    s = m.start() if start is None else start
    e = m.end() if end is None else end
    return Mention(s, e, kind, f)


def _month_no(word: str, language: str) -> int:
    return MONTHS[language][word.lower().rstrip(".")]


def _year(m: re.Match) -> int | None:
    y = m.groupdict().get("year")
    return int(y) if y else None


def _en_date(m: re.Match, text: str) -> Mention | None:
    day = int(m["day"])
    if not 1 <= day <= 31:
        return None
    f = {"month": _month_no(m["month"], "en"), "day": day}
    if m["year"]:
        f["year"] = int(m["year"])
    if m.groupdict().get("dow"):  # "Friday, Nov. 24": the weekday the writer gave it
        f["dow"] = WEEKDAYS["en"][m["dow"].lower()]
    return _mention(m, "date", **f)


def _en_second_day(m: re.Match, text: str) -> Mention | None:
    mention = _en_date(m, text)
    if mention is not None:
        mention.start = m.start("day")
    return mention


def _en_month(m: re.Match, text: str) -> Mention | None:
    month = m["month"]
    prep = m.groupdict().get("prep")
    mod = m.groupdict().get("mod")
    rel = m.groupdict().get("rel")
    year = _year(m)
    # "May" and "March" alone are verbs as often as months; abbreviations alone are too terse to trust.
    if (
        not year
        and not (prep or mod or rel)
        and (
            month in ("May", "March")
            or not month[0].isupper()
            or month.rstrip(".") != month
            or len(month) <= 4
        )
    ):
        return None
    if not month[0].isupper() or (not year and len(month) <= 3 and month not in ("May",)):
        return None  # "Jan Kavan" is a name; a bare abbreviation is a month only with its day or year
    start = m.start("core") if prep and not mod and not rel else m.start()
    f = {"month": _month_no(month, "en")}
    if year:
        f["year"] = year
    if m["ry"]:  # "April next year"
        f["year_offset"] = {"last": -1, "this": 0, "next": 1}[m["ry"].lower()]
    if rel:
        f["direction"] = {"last": -1, "past": -1, "next": 1}.get(rel.lower(), 0)
    return _mention(m, "month", start=start, **f)


def _en_numeric(m: re.Match, text: str) -> Mention | None:
    a, b, y = int(m["a"]), int(m["b"]), int(m["y"])
    if y < 100:
        y += 1900 if y >= 50 else 2000
    month, day = (a, b) if a <= 12 else (b, a)
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return _mention(m, "date", month=month, day=day, year=y)


def _iso(m: re.Match, text: str) -> Mention | None:
    y, mo, d = int(m["y"]), int(m["mo"]), int(m["d"])
    if not (1 <= mo <= 12 and 1 <= d <= 31):
        return None
    if m["t"]:
        return _mention(m, "date", year=y, month=mo, day=d, clock=m["t"])
    return _mention(m, "date", year=y, month=mo, day=d)


def _weekday_builder(language: str):
    table = WEEKDAYS[language]

    def build(m: re.Match, text: str) -> Mention | None:
        word = m["dow"]
        if language in ("en", "de") and not word[0].isupper():
            return None
        rel = (m.groupdict().get("rel") or "").lower() or None
        rel = {"past": "last", "coming": "next"}.get(rel, rel) if rel else None
        f = {"dow": table[word.lower()], "rel": rel}
        part = m.groupdict().get("part")
        if part:
            f["part"] = part.lower()
        return _mention(m, "weekday", **f)

    return build


def _en_year(m: re.Match, text: str) -> Mention | None:
    year = int(m["year"])
    pre = text[max(0, m.start("core") - 2) : m.start("core")]
    if "$" in pre or re.search(r"[\d.,]\s?$", pre):
        return None
    fiscal = m["mod"]
    # A bare 4-digit number is a year only near a time word or in the 1900-2099 range without a unit after it.
    if not fiscal and not m["prep"] and not 1900 <= year <= 2099:
        return None
    start = m.start("core") if m["prep"] and not fiscal else m.start()
    return _mention(m, "year", start=start, year=year)


def _en_decade(m: re.Match, text: str) -> Mention | None:
    y = m["y"]
    year = int(y) if len(y) == 4 else 1900 + int(y.lstrip("'"))
    return _mention(m, "decade", year=year)


def _en_century(m: re.Match, text: str) -> Mention | None:
    return _mention(m, "century", century=int(m["c"]))


def _reldays_builder(language: str):
    table = RELDAYS[language]

    def build(m: re.Match, text: str) -> Mention | None:
        word = m["w"].lower()
        before = text[max(0, m.start() - 8) : m.start()]
        if (
            language == "es"
            and word == "mañana"
            and re.search(r"(?:la|esta|una|cada|media)\s+$", before, re.I)
        ):
            return None  # "por la mañana" is "in the morning"
        if language == "de" and m["w"][0].isupper() and word == "morgen":  # "der Morgen": the morning
            return None
        offset = table[word]
        f: dict = {"offset": offset}
        part = (m.groupdict().get("part") or "").lower()
        if part:
            f["part"] = part
        if language == "es" and word in ("anoche", "anteanoche"):
            f["part"] = "night"
        if language == "it" and word in ("stanotte", "stamattina", "stasera"):
            f["part"] = {"stanotte": "night", "stamattina": "morning", "stasera": "evening"}[word]
        return _mention(m, "relday", **f)

    return build


def _en_partday(m: re.Match, text: str) -> Mention | None:
    which, part = m["which"].lower(), m["part"].lower()
    offset = -1 if which == "last" else 0
    if which == "last" and part != "night":
        return None
    return _mention(m, "relday", offset=offset, part=part)


def _en_clock(m: re.Match, text: str) -> Mention | None:
    if m["word"]:
        return _mention(
            m, "clock", clock={"noon": "12:00", "midnight": "24:00", "midday": "12:00"}[m["word"].lower()]
        )
    h, mi = int(m["h"]), int(m["mi"] or 0)
    ap = m["ap"].lower().replace(".", "").replace(" ", "")
    if not (1 <= h <= 12 and mi < 60):
        return None
    if ap == "pm" and h != 12:
        h += 12
    if ap == "am" and h == 12:
        h = 0
    return _mention(m, "clock", clock=f"{h:02d}:{mi:02d}")


def _ref_builder(language: str):
    table = REFS[language]

    def build(m: re.Match, text: str) -> Mention | None:
        word = m["w"].lower()
        value = table.get(word)
        if value is None:
            return None
        if language == "en":
            after = text[m.end() : m.end() + 20].lower()
            if word == "current" and re.match(r"\s+(?:account|affairs|event|events|and|or|,|\.|-)", after):
                return None
            if word in ("future", "the future") and re.match(r"s\b|\s+(?:contracts?|prices?)", after):
                return None
            if word == "now" and re.match(r"[-\s]+(?:defunct|famous|retired|closed|former)", after):
                return None
        return _mention(m, "ref", value=value)

    return build


def _duration_builder(language: str):
    def build(m: re.Match, text: str) -> Mention | None:
        n = number(m["n"], language)
        if n is False:
            return None
        raw_unit = m["unit"]
        unit = unit_of(raw_unit, language)
        if unit is None:
            return None
        if unit == "2W":
            unit, n = "W", (n or 1) * 2 if n is not None else None
        g = m.groupdict()
        word = m["n"].lower()
        plural = raw_unit.lower() != (raw_unit.lower().rstrip("s") if language == "en" else raw_unit.lower())
        if n is not None and 1600 <= n <= 2099 and re.fullmatch(r"\d{4}", word):  # "the 1988 quarter"
            return None
        if language == "en" and unit == "S" and word in ("a", "an"):
            return None  # "a second term", "a second time"
        if language == "en" and unit == "Q" and text[m.start("unit") - 1] == "-":
            return None  # "three-quarters" is a fraction
        if language == "en":
            # "a"/"an"/"the" only with a singular unit; digits with "year" after a hyphen must not be an age
            if word in ("a", "an") and plural:
                return None
            if word == "the" and not plural:
                return None
            if re.match(r"-old\b|\s+olds?\b", text[m.end() : m.end() + 6]):
                return None
            if word in ("many", "some", "few") and not plural:
                return None
            if unit == "Q" and not g.get("rel") and word in ("a", "an", "one"):
                return None
        rel = (g.get("rel") or "").lower() or None
        rel = (
            {"from now": "later", "hence": "later", "prior": "before", "fa": "ago"}.get(rel, rel)
            if rel
            else None
        )
        if language != "en" and g.get("ago"):
            rel = "ago"
        start = m.start()
        f = {"n": n, "unit": unit, "rel": rel}
        return _mention(m, "duration", start=start, **f)

    return build


def _en_vague_duration(m: re.Match, text: str) -> Mention | None:
    unit = unit_of(m["unit"], "en")
    if unit is None:
        return None
    start = m.start("core") if m["prep"] else m.start()
    return _mention(m, "duration", start=start, n=None, unit=unit, rel=None)


def _relunit_builder(language: str):
    rels = _REL_EN if language == "en" else _REL_WORDS[language]
    units = _REL_UNITS[language]

    def build(m: re.Match, text: str) -> Mention | None:
        rel = (m["rel"] or "").lower().split()[-1:] or [""]
        rel = rel[0] if rel[0] in rels else (m["rel"] or "").lower()  # "el próximo" -> "próximo"
        unit = units.get(m["unit"].lower())
        if unit is None or rel not in rels:
            return None
        if text[max(0, m.start() - 1) : m.start()] in ('"', "“", "'"):
            return None  # a quoted title: ABC's "This Week"
        offset = rels[rel]
        f = {"unit": unit, "offset": offset}
        if (
            language == "en" and unit == "Y" and offset == -1
        ):  # "the quarter ... last year": that quarter then
            f["quarterly"] = bool(_QUARTER_BEFORE.search(text, max(0, m.start() - 60), m.start()))
        return _mention(m, "relunit", **f)

    return build


def _en_this_year(m: re.Match, text: str) -> Mention | None:
    return _mention(m, "relunit", unit="Y", offset=0)


def _en_weekend(m: re.Match, text: str) -> Mention | None:
    word = m.group().split()[0].lower()
    return _mention(m, "relunit", unit="WE", offset={"last": -1, "next": 1}.get(word, 0))


_QUARTER_BEFORE = re.compile(r"\b(?:quarter|period)\b[^.;]*$", re.IGNORECASE)


def _en_yearago(m: re.Match, text: str) -> Mention | None:
    """'year-earlier', 'year-ago' (adjectives of financial news): the same period a year before."""
    return _mention(m, "relunit", unit="Y", offset=-1, quarterly=True)


def _en_quarter(m: re.Match, text: str) -> Mention | None:
    q = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
    f: dict = {"q": q[m["q"].lower()]}
    if m["year"] or m["y2"]:
        f["year"] = int(m["year"] or m["y2"])
    mod = (m["mod"] or "").lower()
    if mod in ("year-ago", "year-earlier", "last year's", "year-before"):
        f["back"] = 1
    elif mod == "next year's":
        f["back"] = -1
    return _mention(m, "quarter", **f)


def _en_bare_quarter(m: re.Match, text: str) -> Mention | None:
    mod = (m["mod"] or "").lower()
    back = 1 if mod in ("year-ago", "year-earlier", "year-before") else 0
    if m["unit"].lower() == "period" and not (mod or m["year"]):
        return None
    if m["year"]:
        return _mention(m, "quarter", q=None, year=int(m["year"]))
    return _mention(m, "quarter", q=None, back=back)


def _en_half(m: re.Match, text: str) -> Mention | None:
    f: dict = {"half": 1 if m["h"].lower() == "first" else 2}
    if m["year"]:
        f["year"] = int(m["year"])
    return _mention(m, "half", **f)


def _en_season(m: re.Match, text: str) -> Mention | None:
    rel = (m["rel"] or "").lower()
    if not rel and not m["year"]:
        return None
    f: dict = {"season": SEASONS[m["s"].lower()]}
    if m["year"]:
        f["year"] = int(m["year"])
    else:
        f["offset"] = {"last": -1, "past": -1, "this": 0, "next": 1, "the": 0, "early": 0, "late": 0}.get(
            rel, 0
        )
    return _mention(m, "season", **f)


def _en_holiday(m: re.Match, text: str) -> Mention | None:
    f: dict = {"name": HOLIDAYS[m["h"].lower()]}
    if m["year"]:
        f["year"] = int(m["year"])
    return _mention(m, "holiday", **f)


def _en_set(m: re.Match, text: str) -> Mention | None:
    w = m["w"].lower()
    # "quarterly" and "annually" are left out: in news they mostly qualify results and rates, not times
    table = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "nightly": "P1D", "hourly": "PT1H"}
    if w in table:
        after = text[m.end() : m.end() + 12].lower()
        if w in ("daily", "weekly", "monthly") and re.match(r"\s+(?:newspaper|paper|magazine|news)", after):
            return None
        return _mention(m, "set", value=table[w])
    return None


def _en_every(m: re.Match, text: str) -> Mention | None:
    word = m["u"].lower().rstrip("s")
    if word in WEEKDAYS["en"]:
        return _mention(m, "set", value=f"XXXX-WXX-{WEEKDAYS['en'][word] + 1}")
    unit = unit_of(word, "en")
    if unit is None:
        parts = {"morning": "TMO", "night": "TNI", "evening": "TEV", "afternoon": "TAF"}
        return _mention(m, "set", value=parts[word]) if word in parts else None
    return _mention(m, "set", value=_dur_value(unit))


def _dur_value(unit: str) -> str:
    return f"PT1{'M' if unit == 'TM' else unit}" if unit in ("H", "TM", "S") else f"P1{unit}"


def _en_per(m: re.Match, text: str) -> Mention | None:
    unit = unit_of(m["unit"], "en")
    if unit is None or unit == "2W":
        return None
    return _mention(m, "set", start=m.start("core"), value=_dur_value(unit))


def _en_weekday_set(m: re.Match, text: str) -> Mention | None:
    return _mention(m, "set", value=f"XXXX-WXX-{WEEKDAYS['en'][m['dow'].lower().rstrip('s')] + 1}")


_MONTH_WORDS = [w for w in MONTHS["en"]]
_UNIT_WORDS = [
    w + s
    for w in (
        "second",
        "minute",
        "hour",
        "day",
        "week",
        "fortnight",
        "month",
        "quarter",
        "year",
        "decade",
        "century",
    )
    for s in ("", "s")
] + ["centuries"]


_REF_WORDS = {w for k, v in REFS["en"].items() if v for w in k.split()} - {"the", "at", "right", "these"}


_ONES_W = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_TEENS_W = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
            "nineteen"]  # fmt: skip
_TENS_W = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_SPELLED_YEAR = (
    rf"(?P<cent>nineteen|twenty)[\s-]+(?P<yy>{'|'.join(_TENS_W)})(?:[\s-](?P<yo>{'|'.join(_ONES_W)}))?"
    rf"|(?P<cent2>nineteen)[\s-]+(?P<teen>{'|'.join(_TEENS_W)})|(?P<k>two thousand)(?:\s+and\s+(?P<ko>"
    rf"{'|'.join(_ONES_W)}))?"
)


def _en_spelled_year(m: re.Match, text: str) -> Mention | None:
    """Years in words, as transcribed speech writes them: "nineteen ninety-six", "the year two thousand"."""
    if m["k"]:
        year = 2000 + (_ONES_W.index(m["ko"]) + 1 if m["ko"] else 0)
    elif m["teen"]:
        year = 1900 + 10 + _TEENS_W.index(m["teen"])
    else:
        year = (1900 if m["cent"] == "nineteen" else 2000) + 10 * (_TENS_W.index(m["yy"]) + 2)
        year += _ONES_W.index(m["yo"]) + 1 if m["yo"] else 0
    if m["month"]:
        return _mention(m, "month", month=_month_no(m["month"], "en"), year=year)
    if m["s"]:
        return _mention(m, "season", season=SEASONS[m["s"].lower()], year=year)
    return _mention(m, "year", year=year)


def _iso_rule() -> Rule:
    """ISO dates (2023-11-30, with an optional time): the same in every language."""
    pattern = r"\b(?P<y>(?:1[6-9]|20)\d\d)-(?P<mo>[01]\d)-(?P<d>[0-3]\d)(?:T(?P<t>[0-2]\d:[0-5]\d))?\b"
    return _key(_t(Rule(re.compile(pattern), _iso), ("<year>",), 0, 16), _iso_key)


def _iso_key(text: str, index: dict) -> bool:
    """A year (from the index) with a hyphen right after it."""
    return any(text[e : e + 1] == "-" for _, e in index.get("<year>", ()))


# "twice a year", "$5 per day": a unit after a/an/per after a rate word or a number
_PER_UNITS = ("day", "week", "month", "year", "hour", "quarter")
_A_PER_END = re.compile(r"(?:a|an|per)\Z", re.IGNORECASE)
_RATE_END = re.compile(
    r"(?:once|twice|times|percent|cents|dollars|barrels|tons|pounds|\d%?)\Z", re.IGNORECASE
)


def _per_key(text: str, index: dict) -> bool:
    """``_en_per``'s key: "<rate word or number> a|an|per <unit>", found from the units in the index."""
    for unit in _PER_UNITS:
        for s, _ in index.get(unit, ()):
            k = _space_before(text, s)
            per = _A_PER_END.search(text, max(0, k - 3), k) if k < s else None
            if per:
                j = _space_before(text, per.start())
                if j < per.start() and _RATE_END.search(text, max(0, j - 8), j):
                    return True
    return False


# "for days", "the past few weeks", "many years": a plural unit after one of these words
_VAGUE_UNITS = ("days", "weeks", "months", "years", "decades", "centuries", "hours", "minutes")
_VAGUE_END = re.compile(r"(?:for|within|recent|past|last|next|coming|few|several|many)\Z", re.IGNORECASE)


def _en_rules() -> list[Rule]:
    i = re.IGNORECASE
    rel_units = r"(?P<unit>week|month|year|quarter|decade|century|weekend)"
    return [
        _iso_rule(),
        _needs(
            Rule(
                re.compile(r"(?<![\d/])(?P<a>[01]?\d)/(?P<b>[0-3]?\d)/(?P<y>(?:19|20)?\d\d)(?![\d/])"),
                _en_numeric,
            ),
            "/",
        ),
        # Friday, Nov. 24, 2023 / Nov. 24 / November 24th, 2023 / Nov 24 , 2008 (tokenized text)
        _t(
            Rule(
                re.compile(
                    rf"\b(?=\w)(?:{_EN_DOW},?\s+)?(?:the\s+)?{_EN_MONTH}\s*{_DAYNUM}\b(?:\s*,?\s*{_YEAR})?"
                ),
                _en_date,
            ),
            _MONTH_WORDS,
            30,
            22,
        ),
        # the second day of "April 24 and 25", "Nov. 6-8"
        _t(
            Rule(
                re.compile(
                    rf"\b{_EN_MONTH}\s*[0-3]?\d\s*(?:and|or|to|through|-|–)\s*(?P<day>[0-3]?\d)\b(?!\s*(?:%|[.,]\d|percent|per cent|points?|cents?))"
                    rf"(?:\s*,?\s*{_YEAR})?"
                ),
                _en_second_day,
            ),
            _MONTH_WORDS,
            0,
            25,
        ),
        # 24 November 2023 / the 24th of November
        _t(
            Rule(re.compile(rf"\b(?:the\s+)?{_DAYNUM}\s+(?:of\s+)?{_EN_MONTH}\b(?:,?\s+{_YEAR})?"), _en_date),
            _MONTH_WORDS,
            14,
            10,
        ),
        # (early|late|mid-) November (2023); "in May", "last April"
        _t(
            Rule(
                re.compile(
                    rf"\b(?=\w)(?:(?P<prep>(?i:{_by_first_letter(_MONTH_PREPS_EN)}))\s+)?"
                    rf"(?P<core>(?:(?P<rel>last|next|this|past)\s+)?(?:(?P<mod>early|late|"
                    rf"mid-?|the end of|the beginning of|the start of|the middle of)\s*)?{_EN_MONTH}"
                    rf"(?:(?:\s+of)?,?\s+{_YEAR}|\s+(?P<ry>last|next|this)\s+year)?)\b(?!-\d|\s*\d)"
                ),
                _en_month,
            ),
            _MONTH_WORDS,
            50,
            12,
        ),
        _t(
            Rule(
                re.compile(
                    rf"\b(?:(?:the\s+)?(?P<s>spring|summer|fall|autumn|winter)\s+of\s+|{_EN_MONTH}\s+|"
                    rf"(?:the\s+)?year\s+)?(?:{_SPELLED_YEAR})\b"
                ),
                _en_spelled_year,
            ),
            ("nineteen", "two"),
            40,
            30,
        ),
        _t(
            Rule(
                re.compile(
                    r"\b(?:the\s+)?(?:(?P<mod>early|late|mid-?)\s*)?(?P<y>(?:1[6-9]|20)\d0|'\d0)'?s\b"
                ),
                _en_decade,
            ),
            ("<year>", "s"),
            12,
            3,
        ),
        _t(
            Rule(re.compile(r"\b(?:the\s+)?(?P<c>1?\d|2[01])(?:st|nd|rd|th)[\s-]+century\b", i), _en_century),
            ("century",),
            12,
            0,
        ),
        _t(
            Rule(
                re.compile(
                    rf"\b(?=\w)(?:(?P<prep>{_by_first_letter(_PREPS_EN)})\s+)?(?P<core>(?:(?P<mod>"
                    rf"{_by_first_letter(_YEAR_MODS_EN)})\s*)?{_YEAR})\b"
                    rf"(?![,.]?\d|\s*(?:%|percent|per cent|dollars|pounds|euros|yen|people|cars|tons|shares|"
                    rf"votes|feet|meters|miles|troops|jobs|units|workers|employees|members|points))",
                    i,
                ),
                _en_year,
            ),
            ("<year>",),
            50,
            40,
        ),
        # Quarters and halves of financial news
        _t(
            Rule(
                re.compile(
                    rf"\b(?:the\s+)?(?:(?P<mod>fiscal|year-ago|year-earlier|year-before|last year's|this "
                    rf"year's|next year's|latest|current|same)\s+)?(?:{_YEAR}\s+)?(?:fiscal\s+)?(?P<q>first|second|third|"
                    rf"fourth|1st|2nd|3rd|4th)[\s-]+(?:fiscal\s+)?quarter\b(?:\s+of\s+(?P<y2>1[6-9]\d\d|20\d\d)(?!\d))?",
                    i,
                ),
                _en_quarter,
            ),
            ("quarter",),
            50,
            15,
        ),
        _t(
            Rule(
                re.compile(
                    r"\bthe\s+(?:(?P<mod>latest|last|current|recent|year-ago|year-earlier|year-before|"
                    r"same|fiscal|comparable|corresponding)\s+)?(?:(?P<year>(?:19|20)\d\d)\s+)?(?P<unit>quarter|period)\b(?!-|\s+(?:of|ended|ending))",
                    i,
                ),
                _en_bare_quarter,
            ),
            ("quarter", "period"),
            30,
            20,
        ),
        _t(
            Rule(
                re.compile(rf"\b(?:the\s+)?(?P<h>first|second|last)[\s-]+half\b(?:\s+of\s+{_YEAR})?", i),
                _en_half,
            ),
            ("half",),
            20,
            12,
        ),
        _t(
            Rule(re.compile(r"\b(?P<w>year-earlier|year-ago|a year earlier|a year ago)\b", i), _en_yearago),
            ("year",),
            10,
            10,
        ),
        # Weekdays: "Friday", "last Friday", "Friday night"; plurals and "every Friday" are sets
        _t(
            Rule(
                re.compile(
                    rf"\b(?=\w)(?:(?P<rel>last|next|this|past|coming)\s+)?{_EN_DOW}(?!s)\b"
                    rf"(?:\s+(?P<part>morning|afternoon|evening|night))?",
                    i,
                ),
                _weekday_builder("en"),
            ),
            WEEKDAYS["en"],
            10,
            12,
        ),
        _t(
            Rule(
                re.compile(r"\b(?P<dow>Mondays|Tuesdays|Wednesdays|Thursdays|Fridays|Saturdays|Sundays)\b"),
                _en_weekday_set,
            ),
            (d + "s" for d in WEEKDAYS["en"]),
            0,
            0,
        ),
        _t(
            Rule(
                re.compile(
                    r"\b(?:every|each)\s+(?:other\s+)?(?P<u>day|week|month|year|quarter|morning|night|evening|"
                    r"afternoon|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b",
                    i,
                ),
                _en_every,
            ),
            ("every", "each"),
            0,
            25,
        ),
        _t(
            Rule(
                re.compile(r"\b(?P<w>daily|weekly|monthly|annually|yearly|quarterly|nightly|hourly)\b", i),
                _en_set,
            ),
            ("daily", "weekly", "monthly", "annually", "yearly", "quarterly", "nightly", "hourly"),
            0,
            0,
        ),
        _key(
            _t(
                Rule(
                    re.compile(
                        r"(?=\w)(?:\b(?:once|twice|times|percent|cents|dollars|barrels|tons|pounds)|\d%?)\s+"
                        r"(?P<core>(?:a|an|per)\s+(?P<unit>day|week|month|year|hour|quarter))\b",
                        i,
                    ),
                    _en_per,
                ),
                ("a", "an", "per"),
                20,
                10,
            ),
            _per_key,
        ),
        # today, yesterday, tomorrow (+ part of day), tonight, this morning, last night
        _t(
            Rule(
                re.compile(
                    rf"\b(?:(?:early|late)\s+)?(?P<w>{_alt(RELDAYS['en'])})\b"
                    r"(?:\s+(?P<part>morning|afternoon|evening|night))?",
                    i,
                ),
                _reldays_builder("en"),
            ),
            ("today", "yesterday", "tomorrow"),
            32,
            12,
        ),
        _t(
            Rule(
                re.compile(r"\b(?P<which>this|last)\s+(?P<part>morning|afternoon|evening|night)\b", i),
                _en_partday,
            ),
            ("morning", "afternoon", "evening", "night"),
            6,
            0,
        ),
        _t(
            Rule(
                re.compile(r"\b(?P<w>tonight)\b", i),
                lambda m, t: _mention(m, "relday", offset=0, part="night"),
            ),
            ("tonight",),
            0,
            0,
        ),
        _t(
            Rule(
                re.compile(
                    r"\b(?:(?P<h>[01]?\d)(?::(?P<mi>[0-5]\d))?\s*(?P<ap>[ap]\.\s?m\.|[ap]m\b)|(?P<word>noon|"
                    r"midnight|midday))(?:\s+(?:EDT|EST|CDT|CST|PDT|PST|GMT|UTC|local time))?",
                    i,
                ),
                _en_clock,
            ),
            ("m", "am", "pm", "noon", "midnight", "midday"),
            10,
            20,
        ),
        # last week, this month, next year, earlier this month, early next year, the past year
        _t(
            Rule(
                re.compile(
                    rf"\b(?=\w)(?:(?P<mod>earlier|later|early|late|the end of|the start of)\s+)?(?:the\s+)?"
                    rf"(?P<rel>last|past|previous|this|current|next|coming)\s+(?:fiscal\s+)?{rel_units}\b(?!['’]s\s+\w+\s+"
                    r"(?:ago|earlier))(?!\s*-\s*\w)",
                    i,
                ),
                _relunit_builder("en"),
            ),
            ("week", "month", "year", "quarter", "decade", "century", "weekend"),
            45,
            10,
        ),
        _t(Rule(re.compile(r"\bthe\s+(?:full|end\s+of\s+the)\s+year\b", i), _en_this_year), ("year",), 20, 0),
        _t(Rule(re.compile(r"\b(?:the|this|last|next)\s+weekend\b", i), _en_weekend), ("weekend",), 6, 0),
        _t(
            Rule(
                re.compile(
                    r"\b(?:(?P<rel>last|past|this|next|early|late|the)\s+)?(?P<s>spring|summer|fall|autumn|"
                    rf"winter)\b(?:\s+(?:of\s+)?{_YEAR})?",
                    i,
                ),
                _en_season,
            ),
            SEASONS,
            8,
            15,
        ),
        _t(
            Rule(re.compile(rf"\b(?P<h>{_alt(HOLIDAYS)})(?:\s+{_YEAR})?", i), _en_holiday),
            ("christmas", "new", "thanksgiving", "independence", "labor", "memorial"),
            0,
            25,
        ),
        # Durations and offsets: "seven weeks", "the 20-year war", "two days ago", "a year earlier", "a day before"
        _t(
            Rule(
                re.compile(
                    rf"\b(?=\w)(?:the\s+)?(?:{_DUR_ADJ_EN}\s+)?(?:{_DUR_MOD_EN}\s+)?{_NUM_EN}"
                    rf"(?:\s+(?:more|full|straight|consecutive|long))?[\s-]+{_UNIT_EN}\b"
                    r"(?!-old|\s+olds?\b|-(?:earlier|ago|end|before)\b)"
                    r"(?:\s+(?P<rel>ago|earlier|later|before|after|from now|hence|prior))?",
                    i,
                ),
                _duration_builder("en"),
            ),
            _UNIT_WORDS,
            90,
            25,
        ),
        _key(
            _t(
                Rule(
                    re.compile(
                        r"\b(?=\w)(?:(?P<prep>in|over|during)\s+)?(?P<core>(?:for|within|recent|(?:the\s+)?(?:past|last|"
                        r"next|coming)(?:\s+(?:few|several))?|several|many|a few)\s+(?P<unit>days|weeks|months|"
                        r"years|decades|centuries|hours|minutes))\b(?!\s+(?:ago|earlier|later))",
                        i,
                    ),
                    _en_vague_duration,
                ),
                _UNIT_WORDS,
                40,
                20,
            ),
            _after_word(_VAGUE_UNITS, _VAGUE_END, 7),
        ),
        _t(
            Rule(
                re.compile(rf"\b(?=\w)(?P<w>{_alt(k for k, v in REFS['en'].items() if v)})\b", i),
                _ref_builder("en"),
            ),
            _REF_WORDS,
            6,
            10,
        ),
    ]


# ------------------------------------------------------------------------------- Spanish, French, German, Italian


def _lang_date(language: str):
    def build(m: re.Match, text: str) -> Mention | None:
        day = 1 if m["day"].lower() in ("1er", "1º", "1°", "primero") else int(re.sub(r"\D", "", m["day"]))
        if not 1 <= day <= 31:
            return None
        f = {"month": _month_no(m["month"], language), "day": day}
        if m["year"]:
            f["year"] = int(m["year"])
        return _mention(m, "date", **f)

    return build


def _lang_month(language: str):
    def build(m: re.Match, text: str) -> Mention | None:
        month = m["month"]
        if language == "de" and not month[0].isupper():
            return None
        if language == "fr" and month.lower() == "mars" and not (m["year"] or m["prep"]):
            return None
        if language in ("fr", "de") and month.lower() == "mai" and not (m["year"] or m["prep"]):
            return None
        f: dict = {"month": _month_no(month, language)}
        if m["year"]:
            f["year"] = int(m["year"])
        elif not m["prep"]:
            return None
        return _mention(m, "month", start=m.start("core"), **f)

    return build


def _lang_numeric(m: re.Match, text: str) -> Mention | None:
    day, month, y = int(m["a"]), int(m["b"]), int(m["y"])
    if y < 100:
        y += 1900 if y >= 50 else 2000
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return _mention(m, "date", month=month, day=day, year=y)


def _lang_year(m: re.Match, text: str) -> Mention | None:
    return _mention(m, "year", start=m.start("core"), year=int(m["year"]))


_LANG = {
    # prepositions that make a bare month or year a date; the "ago" construction; words for "the"
    "es": {
        "year_word": r"(?:el\s+)?año",
        "prep": r"en|desde|hasta|de|del|durante|para|a",
        "ago_pre": r"hace",
        "ago_post": None,
        "day_of": r"(?:el\s+)?(?P<day>[0-3]?\d|1º|1°|primero)\s+de\s+",
        "year_of": r"\s+(?:de|del)\s+",
        "relunit_pre": r"(?:(?P<rel>est[ea]|el próximo|la próxima|el pasado|la pasada)\s+)",
        "relunit_post": r"(?:(?:el|la)\s+)(?P<unit>{units})\s+(?P<rel>{rels})",
    },
    "fr": {
        "year_word": r"(?:l['’]\s*)?ann[ée]e|l['’]an",
        "prep": r"en|depuis|jusqu'en|jusqu’en|dès|pendant|avant|après|de|d'|d’",
        "ago_pre": r"il y a",
        "ago_post": None,
        "day_of": r"(?:le\s+)?(?P<day>[0-3]?\d|1er)\s+",
        "year_of": r"\s+",
        "relunit_pre": r"(?:(?P<rel>cette|cet|ce)\s+)",
        "relunit_post": r"(?:(?:la|le|l'|l’)\s*)(?P<unit>{units})\s+(?P<rel>{rels})",
    },
    "de": {
        "year_word": r"(?:dem\s+)?Jahre?",
        "prep": r"im|in|seit|bis|ab|vom|von|Anfang|Ende|Mitte",
        "ago_pre": r"vor",
        "ago_post": None,
        "day_of": r"(?:am\s+)?(?P<day>[0-3]?\d)\.\s*",
        "year_of": r"\s+",
        "relunit_pre": r"(?:(?:im|in der|am)\s+)?(?P<rel>{rels})\s+",
        "relunit_post": None,
    },
    "it": {
        "year_word": r"(?:l['’]\s*)?anno",
        "prep": r"a|in|da|dal|fino a|entro|di|nel|del",
        "ago_pre": None,
        "ago_post": r"fa",
        "day_of": r"(?:il\s+|l'|l’)?(?P<day>[0-3]?\d|1º|1°)\s+",
        "year_of": r"\s+(?:del\s+)?",
        "relunit_pre": r"(?:(?P<rel>questo|questa|quest'|quest’)\s*)",
        "relunit_post": r"(?:(?:il|la|l'|l’|lo)\s*)(?P<unit>{units})\s+(?P<rel>{rels})",
    },
}


def _lang_rules(language: str) -> list[Rule]:
    i = re.IGNORECASE
    spec = _LANG[language]
    month = rf"(?P<month>{_alt(MONTHS[language])})"
    dow = rf"(?P<dow>{_alt(WEEKDAYS[language])})"
    nums = _alt(NUMBERS[language])
    units = _alt(list(UNITS[language]) + list(_PLURALS[language]))
    num = rf"(?P<n>\d+(?:[.,]\d+)?|{nums})"
    rels = _alt(_REL_WORDS[language])
    rel_units = _alt(_REL_UNITS[language])
    rules = [
        _iso_rule(),
        Rule(
            re.compile(r"(?<![\d/.])(?P<a>[0-3]?\d)[./](?P<b>[01]?\d)[./](?P<y>(?:19|20)\d\d)(?![\d/])"),
            _lang_numeric,
        ),
        Rule(
            re.compile(rf"(?:{dow},?\s+)?{spec['day_of']}{month}\b(?:{spec['year_of']}{_YEAR})?", i),
            _lang_date(language),
        ),
        Rule(
            re.compile(
                rf"(?:\b(?P<prep>{spec['prep']})\s+)?(?P<core>{month}(?:{spec['year_of']}{_YEAR})?)\b", i
            ),
            _lang_month(language),
        ),
        Rule(
            re.compile(rf"\b(?P<prep>{spec['prep']})\s+(?:{spec['year_word']}\s+)?(?P<core>{_YEAR})\b"),
            _lang_year,
        ),
        Rule(
            re.compile(rf"\b(?:(?P<rel>{rels})\s+)?{dow}\b(?:\s+(?P<rel2>{rels}))?", i),
            _weekday_builder(language),
        ),
        Rule(re.compile(rf"(?<!\w)(?P<w>{_alt(RELDAYS[language])})(?!\w)", i), _reldays_builder(language)),
        Rule(
            re.compile(rf"(?<!\w)(?P<w>{_alt(k for k, v in REFS[language].items() if v)})(?!\w)", i),
            _ref_builder(language),
        ),
    ]
    dur = _duration_builder(language)
    if spec["ago_pre"]:
        rules.append(Rule(re.compile(rf"\b(?P<ago>{spec['ago_pre']})\s+{num}\s+(?P<unit>{units})\b", i), dur))
    if spec["ago_post"]:
        rules.append(
            Rule(re.compile(rf"\b{num}\s+(?P<unit>{units})\s+(?P<ago>{spec['ago_post']})\b", i), dur)
        )
    rules.append(Rule(re.compile(rf"(?<!\w){num}\s+(?P<unit>{units})(?!\w)", i), dur))
    relunit = _relunit_builder(language)
    pre = spec["relunit_pre"].format(rels=rels)
    rules.append(Rule(re.compile(rf"(?<!\w){pre}(?P<unit>{rel_units})(?!\w)", i), relunit))
    if spec["relunit_post"]:
        post = spec["relunit_post"].format(units=rel_units, rels=rels)
        rules.append(Rule(re.compile(rf"(?<!\w){post}(?!\w)", i), relunit))
    return rules


def _weekday_rel_fix(rules: list[Rule], language: str) -> list[Rule]:
    """Romance languages put "last"/"next" after the weekday ("el lunes pasado"): fold rel2 into rel."""
    base = _weekday_builder(language)
    rels = _REL_WORDS.get(language, {})

    def build(m: re.Match, text: str) -> Mention | None:
        mention = base(m, text)
        if mention is None:
            return None
        word = (m.groupdict().get("rel") or m.groupdict().get("rel2") or "").lower()
        offset = rels.get(word)
        mention.f["rel"] = {-1: "last", 1: "next", 0: "this"}.get(offset) if offset is not None else None
        return mention

    return [Rule(r.pattern, build) if "(?P<rel2>" in r.pattern.pattern else r for r in rules]


@lru_cache(maxsize=8)
def trigger_words(language: str) -> frozenset[str]:
    """Every trigger word of a language's rules: the only words the scanner needs to index."""
    return frozenset(w for r in rules_for(language) if r.trigger for w in r.trigger)


@lru_cache(maxsize=8)
def rules_for(language: str) -> tuple[Rule, ...]:
    """The rule table of a language (English for languages without their own)."""
    lang = (language or "en").lower()[:2]
    if lang in _LANG:
        return tuple(_weekday_rel_fix(_lang_rules(lang), lang))
    return tuple(_en_rules())
