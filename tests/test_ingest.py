"""Ingest: files, encodings, HTML, JSON, URLs served by a real HTTP server on 127.0.0.1, and every bad input."""

import http.server
import json
import os
import re
import subprocess
import sys
import threading
import time
import typing
from datetime import date

import pytest

import dateline
from dateline import errors, ingest

ARTICLE_HTML = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Airbus wins tanker deal - Example News</title>
<meta property="article:published_time" content="2008-03-01T10:00:00Z">
</head><body><nav><a href="/">Home</a> | <a href="/world">World</a> | <a href="/business">Business</a></nav>
<article><h1>Airbus wins tanker deal</h1>
<p>Northrop Grumman and Airbus parent company EADS have unexpectedly defeated Boeing for a US$40 billion contract to
supply the United States Air Force with 179 new aerial refueling tankers.</p>
<p>It is the biggest contract of its kind since the Joint Strike Fighter program. That contract was fought for
between Boeing and Lockheed Martin, Lockheed ultimately winning the contest.</p>
<p>USAF officials said that the contract had been awarded based on competence, track record and competitive pricing.
Boeing said it would wait for a debriefing before deciding whether to protest the decision.</p>
</article><footer><p>Copyright 2008 Example News. All rights reserved.</p></footer></body></html>"""

COPYRIGHT_ONLY_HTML = """<!doctype html><html><head><meta charset="utf-8"><title>Boeing unveils long-range 777</title></head>
<body><article><h1>Boeing unveils long-range 777</h1>
<p>Boeing has unveiled the longest-range commercial airliner in the world, the 777-200LR Worldliner, at a ceremony
attended by thousands of employees and airline customers.</p>
<p>The aircraft can fly more than 17,000 kilometres without stopping, enough to link almost any two cities on earth.
Analysts said the jet was a direct answer to the Airbus A340-500.</p>
<p>The company expects to deliver the first of the new jets to Pakistan International Airlines early next year.</p>
</article><footer><p>&copy; 2021 Example News Group. All rights reserved.</p></footer></body></html>"""


def test_plain_text_paragraphs_and_sentences(seed_text):
    doc = ingest.from_text(seed_text)
    assert doc.language == "en"
    assert len(doc.sentences) == 49  # the seed labels split the article into 49 sentences
    assert len(doc.paragraphs) == 33  # one paragraph a line
    for s in doc.sentences:
        assert doc.text[s.start : s.end] == s.text
    assert doc.sentences[0].text.startswith("Neither Washington nor Tehran")
    assert doc.sentences[-1].text == "Farnaz Fassihi contributed reporting from New York."


def test_hard_wrapped_text_is_one_paragraph():
    text = (
        "The Pentagon said on Tuesday that attacks had at least temporarily eased, most\n"
        "recently on November 23, a day before an operational pause in the Gaza war\n"
        "began. A Navy warship shot down a drone fired from Yemen in the southern Red\n"
        "Sea on Wednesday.\n\nA second paragraph follows here."
    )
    doc = ingest.from_text(text)
    assert len(doc.paragraphs) == 2
    assert [s.paragraph for s in doc.sentences] == [0, 0, 1]


@pytest.mark.parametrize(
    ("encoding", "bom"),
    [("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"), ("utf-16-le", b"\xff\xfe"), ("cp1252", b"")],
)
def test_encodings(tmp_path, encoding, bom):
    text = "The minister’s café visit – reported on Monday – drew crowds. “It was busy,” the owner said."
    path = tmp_path / "a.txt"
    path.write_bytes(bom + text.encode(encoding))
    doc = ingest.load(path)
    assert doc.text == text


def test_html_main_text_title_and_metadata_date(tmp_path):
    path = tmp_path / "a.html"
    path.write_text(ARTICLE_HTML, encoding="utf-8")
    doc = ingest.load(path)
    assert doc.html and doc.title == "Airbus wins tanker deal"
    assert "Home" not in doc.text and "Copyright" not in doc.text
    assert doc.date_clues[0].value.isoformat() == "2008-03-01"
    assert doc.date_clues[0].source == "metadata"


def test_an_embedded_social_post_is_not_article_text():
    tweet = (
        '<blockquote class="twitter-tweet" data-lang="en"><p lang="en">We are aware of an ongoing IT issue '
        "affecting our systems and are working urgently to resolve it for all customers.</p>&mdash; An Airline "
        '(@airline) <a href="https://twitter.com/x/status/1">July 19, 2024</a></blockquote>'
    )
    page = ARTICLE_HTML.replace("</h1>", "</h1>" + tweet, 1)
    assert tweet in page
    doc = ingest.from_text(page)
    assert "ongoing IT issue" not in doc.text and "Airbus" in doc.text
    # A quotation in a plain <blockquote> is article text.
    quoted = ARTICLE_HTML.replace(
        "</h1>",
        "</h1><blockquote><p>" + "We are proud of this aircraft and " * 3 + "its crews.</p></blockquote>",
        1,
    )
    assert "We are proud of this aircraft" in ingest.from_text(quoted).text


def test_copyright_footer_is_not_a_publication_date():
    doc = ingest.from_text(COPYRIGHT_ONLY_HTML)
    assert not any(c.value.year == 2021 for c in doc.date_clues)
    result = dateline.brief(doc)
    assert result.date is None or not result.date.startswith("2021")


def test_json_record_with_text_and_date(tmp_path, wikinews):
    row = wikinews[0]
    path = tmp_path / "a.json"
    path.write_text(
        json.dumps({"text": row["text_without_title_and_dateline"], "date": row["dct"], "id": "x1"})
    )
    doc = ingest.load(path)
    assert doc.id == "x1" and doc.date_clues[0].value.isoformat() == row["dct"]


def test_json_record_with_html(tmp_path):
    path = tmp_path / "a.json"
    path.write_text(json.dumps({"html": ARTICLE_HTML, "url": "https://example.org/2008/03/01/tanker"}))
    doc = ingest.load(path)
    assert doc.title == "Airbus wins tanker deal" and doc.url == "https://example.org/2008/03/01/tanker"


@pytest.mark.parametrize(
    ("content", "exc", "message"),
    [
        (b"", errors.BadInput, "empty"),
        (b"   \n\t \n", errors.BadInput, "empty"),
        (bytes(range(256)) * 8, errors.BadInput, "binary"),
        (
            b"<html><body><nav><a href='/'>Home</a></nav></body></html>",
            errors.NoArticleText,
            "no article text",
        ),
        (b'{"text": "abc", ', errors.BadInput, "broken JSON"),
        (b'{"title": "no text field"}', errors.NoArticleText, "no 'text' or 'html'"),
    ],
)
def test_bad_inputs(tmp_path, content, exc, message):
    path = tmp_path / ("in.json" if content.startswith(b"{") else "in.html")
    path.write_bytes(content)
    with pytest.raises(exc, match=message):
        ingest.load(path)


def test_missing_path_directory_and_size_limit(tmp_path):
    with pytest.raises(errors.InputNotFound, match="no such file"):
        ingest.load(tmp_path / "nope.txt")
    with pytest.raises(errors.InputNotFound, match="directory"):
        ingest.load(tmp_path)
    path = tmp_path / "big.txt"
    path.write_text("Word. " * 1000)
    with pytest.raises(errors.InputTooLarge, match="over the limit"):
        ingest.load(path, max_bytes=100)


def test_unsupported_language():
    text = "中国国家主席周三在北京会见了来访的法国总统。双方就贸易、气候变化和地区安全问题交换了意见。" * 3
    with pytest.raises(errors.UnsupportedLanguage, match="cannot split"):
        ingest.from_text(text)


def test_short_english_is_not_refused():
    assert ingest.from_text("Boeing wins.").language == "en"


class _Handler(http.server.BaseHTTPRequestHandler):
    routes: typing.ClassVar[dict] = {}

    def do_GET(self):
        status, headers, body = self.routes.get(self.path, (404, {}, b"not found"))
        if status in ("trickle-headers", "trickle-body", "trickle-unsized"):
            self._trickle(status, body)
            return
        if status == "slow":
            time.sleep(2)
            status = 200
        self.send_response(status)
        for key, value in headers.items():
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client hung up on purpose: the size cap stops reading a big answer early

    def _trickle(self, kind, body):
        # A byte every 0.3 s, for 3 s: every read gets something, so only a deadline on the whole fetch stops it.
        # "trickle-unsized" sends a tenth of the body every 0.3 s and no Content-Length: the body ends when the
        # connection closes, so a body cut by the deadline would read as whole.
        step = max(1, len(body) // 10) if kind == "trickle-unsized" else 1
        try:
            if kind == "trickle-headers":
                self.wfile.write(b"HTTP/1.1 200 OK\r\nX-Padding: ")
            else:
                self.send_response(200)
                self.send_header("Content-Type", "text/html" if body.startswith(b"<") else "text/plain")
                if kind == "trickle-body":
                    self.send_header("Content-Length", str(len(body)))
                self.end_headers()
            for start in range(0, len(body), step):
                self.wfile.write(body[start : start + step])
                self.wfile.flush()
                time.sleep(0.3)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up, as it should

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server():
    _Handler.routes = {
        "/story.html": (200, {"Content-Type": "text/html; charset=utf-8"}, ARTICLE_HTML.encode()),
        "/moved": (301, {"Location": "/story.html"}, b""),
        "/loop": (302, {"Location": "/loop"}, b""),
        "/gone": (410, {}, b"gone"),
        "/big.html": (200, {"Content-Type": "text/html"}, b"<p>" + b"x" * 50_000 + b"</p>"),
        "/slow.html": ("slow", {"Content-Type": "text/html"}, ARTICLE_HTML.encode()),
        "/trickle-body.txt": ("trickle-body", {}, b"Boeing wins."),
        "/trickle-headers.txt": ("trickle-headers", {}, b"a" * 10),
        "/trickle-unsized.txt": ("trickle-unsized", {}, ARTICLE_TEXT.encode() * 2),
        "/trickle-unsized.html": ("trickle-unsized", {}, ARTICLE_HTML.encode()),
    }
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def test_url_fetch_and_redirect(server):
    doc = ingest.load(server + "/moved")
    assert doc.title == "Airbus wins tanker deal"
    assert doc.url.endswith("/story.html")
    assert dateline.brief(doc).date == "2008-03-01"


@pytest.mark.parametrize(
    ("path", "exc", "message"),
    [
        ("/gone", errors.FetchError, "HTTP 410"),
        ("/loop", errors.FetchError, "redirects"),
        ("/big.html", errors.InputTooLarge, "over the limit"),
    ],
)
def test_url_errors(server, path, exc, message):
    with pytest.raises(exc, match=message):
        ingest.load(server + path, max_bytes=10_000)


def test_url_timeout_and_unreachable(server):
    with pytest.raises(errors.FetchError, match="timed out"):
        ingest.load(server + "/slow.html", timeout=0.5)
    with pytest.raises(errors.FetchError, match="cannot fetch"):
        ingest.load("http://127.0.0.1:9/story.html", timeout=2)


def test_original_publication_date_beats_modified():
    page = ARTICLE_HTML.replace(
        '<meta property="article:published_time" content="2008-03-01T10:00:00Z">',
        '<meta property="article:modified_time" content="2008-03-05T08:00:00Z">'
        '<meta property="article:published_time" content="2008-03-01T10:00:00Z">',
    )
    doc = ingest.from_text(page)
    assert doc.date_clues[0].value.isoformat() == "2008-03-01"


def test_date_in_the_url():
    page = ARTICLE_HTML.replace('<meta property="article:published_time" content="2008-03-01T10:00:00Z">', "")
    doc = ingest.from_text(page, url="https://news.example.org/2008/02/29/airbus-wins-tanker-deal.html")
    assert [c.value.isoformat() for c in doc.date_clues] == ["2008-02-29"]
    assert dateline.brief(doc).date_source == "metadata"
    assert "URL" in doc.date_clues[0].evidence


@pytest.mark.parametrize(
    ("code", "text"),
    [
        ("es", "El gobierno anunció ayer que subirá los impuestos a partir de enero, según informó el ministro de "
               "Hacienda en una rueda de prensa. La medida afectará a las grandes empresas y a los bancos, que deberán "
               "pagar más por sus beneficios. La oposición criticó la decisión y dijo que el país necesita reformas."),
        ("fr", "Le gouvernement a annoncé mardi une nouvelle réforme des retraites, qui sera présentée au Parlement au "
               "début du mois prochain. Selon le ministre du Travail, le projet prévoit de relever l'âge légal de départ. "
               "Les syndicats ont appelé à une grève nationale pour protester contre ce projet."),
        ("de", "Die Bundesregierung hat am Mittwoch ein neues Klimaschutzgesetz beschlossen, das den Ausstoß von "
               "Treibhausgasen bis zum Jahr 2030 deutlich senken soll. Nach Angaben des Ministeriums sollen vor allem "
               "der Verkehr und die Industrie mehr sparen. Die Opposition kritisierte das Gesetz als nicht ausreichend."),
        ("it", "Il governo ha approvato ieri sera il nuovo decreto sull'energia, che prevede aiuti per le famiglie e per "
               "le imprese colpite dall'aumento delle bollette. Secondo il ministro, il provvedimento costerà circa dieci "
               "miliardi di euro. I sindacati hanno accolto con favore la misura ma chiedono di più per i lavoratori."),
    ],
)  # fmt: skip
def test_language_detection_fast_path_agrees_with_the_identifier(code, text):
    assert ingest._quick_language(text) == code
    assert ingest._language_identifier().rank(text)[0][0] == code
    assert ingest.from_text(text).language == code


@pytest.mark.parametrize(
    ("code", "text"),
    [
        ("pt", "O governo anunciou ontem que vai aumentar os impostos a partir de janeiro, segundo informou o ministro "
               "da Fazenda numa conferência de imprensa. A medida vai afetar as grandes empresas e os bancos, que terão "
               "de pagar mais pelos seus lucros. A oposição criticou a decisão e disse que o país precisa de reformas."),
        ("nl", "De regering heeft woensdag een nieuwe klimaatwet aangenomen, die de uitstoot van broeikasgassen tegen "
               "2030 flink moet verminderen. Volgens het ministerie moeten vooral het verkeer en de industrie meer "
               "besparen. De oppositie bekritiseerde de wet als onvoldoende en zei dat het kabinet te weinig doet."),
    ],
)  # fmt: skip
def test_neighbouring_languages_skip_the_fast_path(code, text):
    # Portuguese shares function words with Spanish, Dutch with German: the identifier decides, not the word lists.
    assert ingest._quick_language(text) is None
    assert ingest._language_identifier().rank(text)[0][0] == code


def test_paragraphs_that_skip_punkt_split_as_punkt_would(seed_text, wikinews):
    # One-sentence paragraphs skip Punkt (segment._break finds no possible break): the spans must be Punkt's own.
    from dateline import segment

    texts = [segment.normalize(seed_text), *(segment.normalize(a["text"]) for a in wikinews)]
    texts.append(
        "He left at 5 p.m. on Friday.\n\nU.S. officials said so.\n\n“Go.” She went.\n\nNo final stop"
    )
    skipped = 0
    for text in texts:
        for start, end in segment.paragraph_spans(text):
            chunk = text[start:end]
            punkt = [(start + a + len(chunk[a:b]) - len(chunk[a:b].lstrip()),
                      start + b - len(chunk[a:b]) + len(chunk[a:b].rstrip()))
                     for a, b in segment._tokenizer("en").span_tokenize(chunk) if chunk[a:b].strip()]  # fmt: skip
            skipped += segment._break("en").search(chunk.strip()) is None
            assert segment.split_sentences(text, start, end, "en") == punkt
    assert skipped > 20  # the fast path was exercised, not only Punkt


# ------------------------------------------------------------------------------------------------ robustness


def test_size_cap_holds_for_devices_fifos_and_stdin(tmp_path):
    # A device or a FIFO has no size to check first: at most max_bytes + 1 bytes are read, then refused.
    if os.path.exists("/dev/zero"):
        with pytest.raises(errors.InputTooLarge, match="over the limit"):
            ingest.load("/dev/zero", max_bytes=10_000)
    fifo = tmp_path / "feed.txt"
    os.mkfifo(fifo)

    def endless_writer():
        try:
            with open(fifo, "wb") as fh:
                while True:
                    fh.write(b"The council met again. " * 100)
        except (BrokenPipeError, OSError):
            pass  # the reader stopped at the cap

    threading.Thread(target=endless_writer, daemon=True).start()
    with pytest.raises(errors.InputTooLarge, match="over the limit"):
        ingest.load(fifo, max_bytes=10_000)
    proc = _dateline_stdin(b"The council met again. " * 1000, "--max-bytes", "1000")
    assert proc.returncode == errors.TOO_LARGE
    assert proc.stderr.strip() == b"dateline: error: stdin: more than 1000 bytes, over the limit"


@pytest.mark.parametrize(
    "path", ["/trickle-body.txt", "/trickle-headers.txt", "/trickle-unsized.txt", "/trickle-unsized.html"]
)
def test_url_deadline_covers_the_whole_fetch(server, path):
    # The server sends a byte (or a tenth of the body) every 0.3 s: no single read waits 1 s, the whole fetch would
    # take 3 s. Without a Content-Length the cut body once came back as the article: a brief of its first lines,
    # or "no article text" for the page.
    start = time.monotonic()
    with pytest.raises(errors.FetchError, match="took longer than 1 s"):
        ingest.load(server + path, timeout=1)
    assert time.monotonic() - start < 2.5


def test_url_schemes(server, tmp_path):
    for url in ("ftp://example.org/story.txt", "file:///etc/passwd", "gopher://example.org/1"):
        with pytest.raises(errors.UsageError, match="only http:// and https:// URLs"):
            ingest.load(url)
    doc = ingest.load(server.replace("http://", "HTTP://") + "/story.html")  # schemes are case-insensitive
    assert doc.title == "Airbus wins tanker deal"
    # A local file whose name merely looks like a URL is still not found as a file.
    with pytest.raises(errors.InputNotFound, match="no such file"):
        ingest.load(tmp_path / "http:" / "story.txt")


def test_malformed_urls_are_usage_errors():
    # httpx's own message ("missing an 'http://' or 'https://' protocol") with exit 6 said the network failed.
    for url, message in (
        ("http://", "http://: malformed URL (no host)"),
        ("https://:8080/story", "https://:8080/story: malformed URL (no host)"),
        ("http://[::1", "http://[::1: malformed URL (Invalid port: ':1')"),
        (
            "http://example.org:99999/",
            "http://example.org:99999/: malformed URL (port 99999 is out of range)",
        ),
        ("http://exa\nmple.org/", "'http://exa\\nmple.org/': malformed URL (Invalid non-printable"),
    ):  # the last one's message stays one line
        with pytest.raises(errors.UsageError) as info:
            ingest.load(url)
        assert str(info.value).startswith(message)
    proc = subprocess.run(
        [sys.executable, "-m", "dateline", "brief", "http://[::1"], capture_output=True, timeout=120
    )
    assert proc.returncode == errors.USAGE
    assert proc.stderr.decode().strip() == "dateline: error: http://[::1: malformed URL (Invalid port: ':1')"


def test_unopenable_paths_are_not_found_errors(tmp_path):
    long_name = tmp_path / ("a" * 300 + ".txt")
    with pytest.raises(errors.InputNotFound, match=r"cannot read \(File name too long\)") as info:
        ingest.load(long_name)
    assert len(str(info.value)) < 200  # the name is shortened in the message
    (tmp_path / "plain.txt").write_text("Boeing wins.", encoding="utf-8")
    with pytest.raises(errors.InputNotFound, match=r"cannot read \(Not a directory\)"):
        ingest.load(tmp_path / "plain.txt" / "story.txt")


ARTICLE_TEXT = (
    "The city council voted on Tuesday to approve a new budget for the coming year. The mayor said the plan "
    "would fund schools and roads. Opponents argued that taxes would rise by 5 percent."
)


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"title": {"a": 1}}, "field 'title' must be a string, not an object"),
        ({"title": 5}, "field 'title' must be a string, not a number"),
        ({"url": ["https://example.org/a"]}, "field 'url' must be a string, not an array"),
        ({"language": 5}, "field 'language' must be a string"),
        ({"id": [1, 2]}, "field 'id' must be a string or a whole number, not an array"),
        ({"id": True}, "field 'id' must be a string or a whole number, not true/false"),
        ({"date": 20231130}, "field 'date' must be a string YYYY-MM-DD, not a number"),
        ({"date": {"day": 30}}, "field 'date' must be a string YYYY-MM-DD, not an object"),
        ({"date": "yesterday"}, "malformed 'date'"),
        ({"text": 123}, "field 'text' must be a string, not a number"),
        ({"html": None, "text": None, "article": False}, "field 'article' must be a string, not true/false"),
    ],
)
def test_json_record_fields_of_the_wrong_type(tmp_path, fields, message):
    path = tmp_path / "a.json"
    path.write_text(json.dumps({"text": ARTICLE_TEXT, **fields}), encoding="utf-8")
    with pytest.raises(errors.BadInput, match=message):
        ingest.load(path)


def test_json_record_blank_text_falls_back_to_html_and_numeric_id(tmp_path):
    path = tmp_path / "a.json"
    path.write_text(json.dumps({"text": "   \n", "html": ARTICLE_HTML, "id": 17}), encoding="utf-8")
    doc = ingest.load(path)
    assert doc.title == "Airbus wins tanker deal" and doc.id == "17"
    assert dateline.brief(doc).date == "2008-03-01"


def test_dates_outside_the_supported_years(tmp_path):
    # 0001-01-01 once came back as "malformed --around '1'": the January 1 check re-read the year as --around.
    path = tmp_path / "a.json"
    for bad in ("0001-01-01", "0999-12-31", "9999-12-31"):
        path.write_text(json.dumps({"text": ARTICLE_TEXT, "date": bad}), encoding="utf-8")
        with pytest.raises(errors.BadInput, match=f"'date' {bad} is out of range: expected a year from 1000"):
            ingest.load(path)
    path.write_text(json.dumps({"text": ARTICLE_TEXT, "date": "1000-01-01"}), encoding="utf-8")
    assert dateline.brief(ingest.load(path)).date == "1000-01-01"
    for bad in ("0001-01-01", "9999-12-31", date(9999, 12, 31)):
        with pytest.raises(errors.UsageError, match="out of range"):
            ingest.parse_date(bad, what="--date")
    assert ingest.parse_date("9998-12-31") == date(9998, 12, 31)


@pytest.mark.parametrize(
    "bad", ["20230305", "2023-W10-1", "2023-W10", "2023-3-5", "2023-03-05T10:00", "+2023-03-05"]
)
def test_dates_are_yyyy_mm_dd_only(tmp_path, bad):
    # Python 3.11's date.fromisoformat takes the basic (20230305) and week (2023-W10-1) forms: the README does not.
    with pytest.raises(errors.UsageError, match=f"malformed --date '{re.escape(bad)}': expected YYYY-MM-DD"):
        ingest.parse_date(bad, what="--date")
    record_date = bad.replace("T10:00", "1")  # after the day a record may hold a time, but not another digit
    path = tmp_path / "a.json"
    path.write_text(json.dumps({"text": ARTICLE_TEXT, "date": record_date}), encoding="utf-8")
    with pytest.raises(
        errors.BadInput, match=f"malformed 'date' '{re.escape(record_date)}': expected YYYY-MM-DD"
    ):
        ingest.load(path)


def test_yyyy_mm_dd_dates_and_record_times():
    assert ingest.parse_date(" 2023-03-05\n") == date(2023, 3, 5)
    for value in ("2023-03-05", "2023-03-05T10:00:00Z", "2023-03-05 10:00"):
        assert ingest._record_date(value, "a") == date(2023, 3, 5)
    with pytest.raises(errors.UsageError, match="malformed"):
        ingest.parse_date("2023-02-30")


RUSSIAN = (
    "Правительство области в понедельник утвердило план ремонта дорог на следующий год. По словам губернатора, "
    "на работы выделят около двух миллиардов рублей. Больше всего средств получат районы на севере области, где "
    "дороги пострадали от весеннего паводка. Подрядчиков выберут на открытом конкурсе до конца марта."
)
POLISH = (
    "Sejm przyjął w piątek ustawę o budowie nowych linii kolejowych na południu kraju. Według ministra "
    "infrastruktury pierwsze pociągi pojadą po nich za pięć lat. Posłowie opozycji głosowali przeciw, twierdząc, "
    "że koszt inwestycji jest źle policzony. Ustawa trafi teraz do Senatu, który zajmie się nią w przyszłym tygodniu."
)
GREEK = (
    "Η κυβέρνηση ανακοίνωσε την Τετάρτη νέα μέτρα στήριξης για τα νοικοκυριά που πλήττονται από την άνοδο των "
    "τιμών. Σύμφωνα με τον υπουργό Οικονομικών, το πρόγραμμα θα κοστίσει περίπου ένα δισεκατομμύριο ευρώ. Η "
    "αντιπολίτευση χαρακτήρισε τα μέτρα ανεπαρκή και ζήτησε μείωση του φόρου στα καύσιμα."
)


@pytest.mark.parametrize(
    ("text", "encoding", "language"),
    [(RUSSIAN, "cp1251", "ru"), (POLISH, "cp1250", "pl"), (GREEK, "cp1253", "el")],
)
def test_legacy_code_pages_other_than_cp1252(tmp_path, text, encoding, language):
    path = tmp_path / "a.txt"
    path.write_bytes(text.encode(encoding))
    doc = ingest.load(path)
    assert doc.text == text and doc.language == language


def test_cp1252_stays_the_fallback_for_western_text():
    french = (
        "Le gouvernement a annoncé mardi une réforme des retraites, présentée au Parlement au début du mois "
        "prochain. « C'est inacceptable », a déclaré le porte-parole des syndicats, qui appellent à la grève."
    )
    english = "The council voted on Tuesday. " * 200 + "The café owner disagreed."  # one accent in 6 KB
    for text in (french, english, "Señor Núñez, ¿qué pasa? The area is 5 km² near Malmö."):
        assert ingest.decode(text.encode("cp1252")) == text


def test_utf8_with_a_stray_byte_and_utf16_without_bom():
    good = "The café’s owner, José Müller, said “we’re closed” — a decision that surprised Zürich. " * 3
    data = good.encode() + b"It cost \x805 million, he said."
    assert ingest.decode(data) == good + "It cost \ufffd5 million, he said."
    for encoding in ("utf-16-le", "utf-16-be"):
        assert ingest.decode(ARTICLE_TEXT.encode(encoding)) == ARTICLE_TEXT
    with pytest.raises(errors.BadInput, match="binary"):  # NULs on both sides of the byte pairs: not UTF-16
        ingest.decode(bytes(range(256)) * 8 + bytes(64))


def test_utf8_with_one_dash_and_one_stray_byte_is_utf8():
    # An English article whose one non-ASCII character is a dash, with one stray byte: it was read as cp1252,
    # the dash as "â€”". As many valid multi-byte characters as stray bytes is UTF-8.
    data = ARTICLE_TEXT.replace(" The mayor", " \u2014 The mayor").encode() + b" Caf\xe9 owners agreed."
    assert (
        ingest.decode(data)
        == ARTICLE_TEXT.replace(" The mayor", " \u2014 The mayor") + " Caf\ufffd owners agreed."
    )
    two_strays = "Prices rose \u2014 a lot.".encode() + b" \xe9\xe8 " + ARTICLE_TEXT.encode()
    assert ingest.decode(two_strays) == two_strays.decode("cp1252")  # more stray bytes than valid ones


def test_cp1252_without_valid_utf8_sequences_stays_cp1252():
    # High bytes but no valid multi-byte UTF-8 sequence: cp1252, however few the high bytes.
    for text in (ARTICLE_TEXT + " Caf\u00e9 owners agreed.", "Prices rose \u2014 a lot. " + ARTICLE_TEXT):
        assert ingest.decode(text.encode("cp1252")) == text
    # A chance valid sequence ("ß“" is a valid UTF-8 pair) among many cp1252 accents does not make it UTF-8.
    german = "Der Straßenbau „am Fluß“ kostet mehr, sagte der Bürgermeister am Dienstag in Köln. " * 3
    assert ingest.decode(german.encode("cp1252")) == german
    # A capital before a closing quote ("É”") is a valid two-byte UTF-8 sequence, with one stray byte ("“").
    cafe = "The old sign above the door read “CAFÉ” when the family bought it. " + ARTICLE_TEXT
    assert ingest.decode(cafe.encode("cp1252")) == cafe


def _dateline_stdin(data: bytes, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "dateline", "brief", "-", *args], input=data, capture_output=True, timeout=120
    )


def test_stdin_is_json_only_when_it_is_json():
    record = {"text": ARTICLE_TEXT, "date": "2023-11-30"}
    proc = _dateline_stdin(json.dumps([record]).encode())
    assert proc.returncode == errors.BAD_INPUT
    assert proc.stderr.decode().strip() == (
        "dateline: error: stdin: expected a JSON object with a 'text' or 'html' field, not an array"
    )
    proc = _dateline_stdin(b"{Editor's note: this story was updated.} " + ARTICLE_TEXT.encode())
    assert proc.returncode == 0 and b"Editor's note" in proc.stdout
    proc = _dateline_stdin(json.dumps(record).encode())
    assert proc.returncode == 0 and proc.stdout.startswith(b"date 2023-11-30\n\n")
    proc = _dateline_stdin(b'{"text": "The council met.", ')
    assert proc.returncode == errors.BAD_INPUT and b"stdin: broken JSON" in proc.stderr
    assert ingest._looks_like_json('  ["a"]') and ingest._looks_like_json("null")
    assert not ingest._looks_like_json("[Updated] The council met on Tuesday. {Corrected}")
    assert not ingest._looks_like_json("[1] The council met on Tuesday.")


def test_json_lines_given_to_brief_point_to_timeline(tmp_path):
    path = tmp_path / "batch.jsonl"
    lines = [json.dumps({"text": ARTICLE_TEXT, "id": str(n)}) for n in range(2)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(
        errors.BadInput, match=r"broken JSON \(Extra data at line 2 column 1\); .*dateline timeline"
    ):
        ingest.load(path)
