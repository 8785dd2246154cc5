"""dateline timeline: real articles in, the dates that matter out, in every format, through the API and the CLI."""

from __future__ import annotations

import gzip
import io
import json
import os
import re
import shutil
import subprocess
from datetime import UTC, date
from pathlib import Path

import pytest

import dateline
from dateline import errors
from dateline.cli import main
from dateline.collection import read
from dateline.document import Document

make_timeline = dateline.timeline

FIXTURES = Path(__file__).parent / "fixtures"
SEED = FIXTURES / "seed_article.txt"
SEED_BRIEF = FIXTURES / "seed_brief.txt"
WIKINEWS = FIXTURES / "wikinews_meantime_airbus.jsonl"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")

# The dated events of the seed article (published 2023-11-30): the explicit dates, "a day before" the pause
# (anchored to November 23), "on Tuesday" and "on Wednesday" of the week it was published.
SEED_DATES = ["2023-10-07", "2023-10-25", "2023-10-27", "2023-11-08", "2023-11-12", "2023-11-15", "2023-11-23",
              "2023-11-24", "2023-11-28", "2023-11-29"]  # fmt: skip


def wikinews(dated_only: bool = True) -> list[dict]:
    """The WikiNews fixture as timeline input: its ``dct`` is the article's publication date."""
    rows = [json.loads(line) for line in WIKINEWS.read_text(encoding="utf-8").splitlines()]
    return [{"id": r["doc_id"], "text": r["text"], "date": r["dct"], "title": r["title"], "url": r["url"]}
            for r in rows if r["dct"] or not dated_only]  # fmt: skip


def run_cli(capsys, *args: str) -> tuple[int, str, str]:
    code = main([*args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def airbus():
    return make_timeline(wikinews(), dates=8)


def test_wikinews_timeline_dates_events_by_their_own_date(airbus):
    articles = {a["id"]: a for a in wikinews()}
    assert len(airbus.entries) == 8
    assert [e.date for e in airbus.entries] == sorted(e.date for e in airbus.entries)
    for entry in airbus.entries:
        assert entry.sentences
        for s in entry.sentences:
            source = articles[s.id]
            assert s.text in source["text"]  # verbatim
            assert s.id in s.sources
            if s.dated_by == "publication":  # an undated opening sentence published that day or the next
                assert 0 <= (date.fromisoformat(source["date"]) - entry.date).days <= 1
    by_date = {e.date.isoformat(): e for e in airbus.entries}
    # Singapore Airlines' first A380 flight, announced on October 15 and 17, 2007, is dated October 25 (its own
    # date), not by the articles' publication days (it ties with three other dates at two mentions: ten dates).
    flight = next(e for e in make_timeline(wikinews(), dates=10).entries if e.date == date(2007, 10, 25))
    assert flight.mentions == 2 and flight.published == 0
    assert "October 25" in flight.sentences[0].text and flight.sentences[0].published < date(2007, 10, 25)
    # The busiest day of the fixture: two articles published on 2005-06-13 (Ryanair's and Qatar Airways' orders).
    assert by_date["2005-06-13"].published == 2


def test_no_title_lines_in_entries(airbus):
    for e in airbus.entries:
        for s in e.sentences:
            assert re.search(r"""[.!?'"”’)]\s*$""", s.text), s.text


def test_one_article_lists_its_dated_events(capsys):
    code, out, err = run_cli(capsys, "timeline", str(SEED), "--date", "2023-11-30")
    assert code == 0, err
    dates = re.findall(r"^(\d{4}-\d\d-\d\d)$", out, re.M)
    assert dates == SEED_DATES
    blocks = out.split("-" * 32 + "\n")
    assert "October 27" in blocks[2] and "November 8" in blocks[3]
    assert "2023-11-30" not in out  # the publication day itself is not an event of the article


def test_one_article_without_a_date_is_refused_with_its_code(capsys):
    code, out, err = run_cli(capsys, "timeline", str(SEED))
    assert code == errors.NO_DATE
    assert "publication date unknown" in err and out == ""


def test_rewrite_merged_as_duplicate():
    article = {"id": "article", "text": SEED.read_text(encoding="utf-8"), "date": "2023-11-30"}
    brief = re.sub(
        r"^\s*date \d{4}-\d\d-\d\d\s*", "", SEED_BRIEF.read_text(encoding="utf-8")
    )  # its date line
    rewrite = {"id": "brief", "text": brief, "date": "2023-11-30"}
    alone = make_timeline([article])
    both = make_timeline([article, rewrite])
    assert both.duplicates == 1
    assert both.articles["article"].copies == ["brief"]
    assert [e.date for e in both.entries] == [e.date for e in alone.entries]
    for e in both.entries:
        for s in e.sentences:
            assert s.sources == ["article", "brief"]
    assert both.volume == {date(2023, 11, 30): 2}  # the coverage still counts both


def test_near_identical_sentences_from_two_outlets_count_once():
    arts = {a["id"]: a for a in wikinews()}
    gao = arts["108294"]  # the GAO upholds Boeing's protest on June 18 (2008)
    quoted = next(line for line in gao["text"].split("\n") if "on June 18" in line)
    # A second outlet, next day: its own story (the contract award) and the same GAO sentence, lightly edited.
    other = {"id": "outlet-b", "date": "2008-07-03",
             "text": arts["100911"]["text"] + "\n" + quoted.replace("U.S.", "US").replace(" , citing", ", citing")}  # fmt: skip
    t = make_timeline([gao, other])
    assert t.duplicates == 0  # different articles...
    entry = next(e for e in t.entries if e.date == date(2008, 6, 18))
    assert len(entry.sentences) == 1  # ...one sentence, with both sources
    assert entry.sentences[0].sources == ["108294", "outlet-b"]


def test_formats_render(airbus, tmp_path):
    text = airbus.to_text()
    blocks = [b for b in text.split("-" * 32 + "\n") if b.strip()]
    assert len(blocks) == 8
    for block, entry in zip(blocks, airbus.entries, strict=True):
        lines = block.rstrip("\n").split("\n")
        assert lines[0] == entry.date.isoformat() and len(lines) == 1 + len(entry.sentences)
    data = json.loads(airbus.render("json"))
    assert [e["date"] for e in data["entries"]] == [e.date.isoformat() for e in airbus.entries]
    assert data["used"] == 28 and data["read"] == 28
    cited = {i for e in data["entries"] for s in e["sentences"] for i in s["sources"]}
    assert cited == set(data["articles"])
    md = airbus.to_markdown()
    assert md.count("\n## ") == 8 and "(http://en.wikinews.org/wiki/" in md


def test_html_page_shows_chart_and_entries_in_chromium(airbus, tmp_path):
    if not CHROMIUM:
        pytest.skip("chromium is not installed")
    page = tmp_path / "timeline.html"
    page.write_text(airbus.to_html(), encoding="utf-8")
    assert "http" not in re.sub(r'href="[^"]*"|xmlns="[^"]*"', "", page.read_text())  # no external assets
    cmd = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
           "--disable-component-update", "--disable-sync", "--no-first-run",
           f"--user-data-dir={tmp_path / 'profile'}", "--dump-dom", page.as_uri()]  # fmt: skip
    dom = subprocess.run(cmd, capture_output=True, text=True, timeout=90).stdout
    assert "<svg" in dom
    assert len(re.findall(r'<rect class="volume"', dom)) == len(airbus.volume)
    assert len(re.findall(r'<line class="chosen"', dom)) == len(airbus.entries)
    for e in airbus.entries:
        assert f'id="d{e.date.isoformat()}"' in dom
        assert e.sentences[0].text.split()[0] in dom
    assert "wikinews.org/wiki/" in dom  # links to the sources


SPANISH = [
    # Short reports written for this test about the US Air Force tanker contest (facts as reported by WikiNews).
    ("es-1", "2008-03-01", "Northrop Grumman y EADS, la empresa matriz de Airbus, ganaron el viernes 29 de febrero "
     "de 2008 el contrato de 40.000 millones de dólares para los aviones cisterna de la Fuerza Aérea de Estados "
     "Unidos. Boeing, que perdió el concurso, estudia presentar una reclamación. La Fuerza Aérea recibirá 179 "
     "aviones a un ritmo de quince por año."),
    ("es-2", "2008-03-12", "Boeing presentó el 11 de marzo una protesta formal ante la Oficina de Rendición de "
     "Cuentas del Gobierno contra la adjudicación del contrato de aviones cisterna. La empresa afirma que la "
     "Fuerza Aérea cambió las reglas del concurso a favor de Northrop Grumman y EADS. La oficina tiene cien días "
     "para decidir."),
    ("es-3", "2008-06-19", "La Oficina de Rendición de Cuentas del Gobierno dio la razón a Boeing el 18 de junio y "
     "pidió repetir el concurso de los aviones cisterna. Según la oficina, la Fuerza Aérea cometió errores "
     "importantes al evaluar las ofertas. El 11 de marzo Boeing había presentado su protesta."),
]  # fmt: skip


def test_spanish_collection():
    t = make_timeline([{"id": i, "date": d, "text": text} for i, d, text in SPANISH], dates=3)
    assert [e.date.isoformat() for e in t.entries] == ["2008-02-29", "2008-03-11", "2008-06-18"]
    assert t.entries[1].mentions == 2  # named by the second and the third report
    assert "protesta" in t.entries[1].sentences[0].text
    assert all(s.dated_by == "mention" for e in t.entries for s in e.sentences)


def test_bad_items_are_reported_and_skipped(tmp_path, capsys):
    good = wikinews()[:4]
    lines = [json.dumps(a) for a in good[:2]]
    lines.insert(1, '{"id": "broken", "text": "Half a line')
    lines.append(
        json.dumps({"id": "undated", "text": "Something happened somewhere, people said on the day."})
    )
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "story.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "c.txt").write_text(good[2]["text"], encoding="utf-8")
    (folder / "d.html").write_text(f"<html><head><title>{good[3]['title']}</title></head><body><article><p>"
                                   + "</p><p>".join(good[3]["text"].split("\n")) + "</p></article></body></html>",
                                   encoding="utf-8")  # fmt: skip
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02 not text \x00" * 50)
    feed = tmp_path / "feed.jsonl.gz"
    feed.write_bytes(gzip.compress(json.dumps(good[3]).encode())[:-9])  # truncated gzip stream
    code, out, err = run_cli(capsys, "timeline", str(folder), str(feed), "--date", good[2]["date"],
                             "--format", "json")  # fmt: skip
    assert code == 0, err
    data = json.loads(out)
    reasons = {Path(s["source"]).name.split(":")[0]: s for s in data["skipped"]}
    assert any("broken JSON" in s["reason"] for s in data["skipped"])
    assert "binary" in reasons["binary.txt"]["reason"]
    assert reasons["feed.jsonl.gz"]["code"] == errors.NOT_FOUND
    # used: 2 JSON lines, the undated one (given --date), c.txt and d.html
    assert len(data["skipped"]) == 3 and data["used"] == 5
    assert err.count("dateline: warning: skipped") == 3
    # Without --date the undated line and the plain-text file have no publication date: reported, not fatal.
    code, out, err = run_cli(capsys, "timeline", str(folder), "--format", "json", "--strict")
    assert code == errors.PARTIAL
    data = json.loads(out)
    assert any("publication date unknown" in s["reason"] for s in data["skipped"])
    assert data["entries"]


def test_folder_and_jsonl_sources_in_the_cli(tmp_path, capsys):
    arts = wikinews()
    jsonl = tmp_path / "a.jsonl"
    jsonl.write_text("\n".join(json.dumps(a) for a in arts[:15]) + "\n", encoding="utf-8")
    folder = tmp_path / "more"
    folder.mkdir()
    for a in arts[15:]:
        (folder / f"{a['id']}.json").write_text(json.dumps(a), encoding="utf-8")
    code, out, err = run_cli(capsys, "timeline", str(jsonl), str(folder), "--dates", "6", "--format", "json",
                             "--from", "2005-01-01", "--to", "2007-12-31")  # fmt: skip
    assert code == 0, err
    data = json.loads(out)
    assert data["read"] == len(arts) and not data["skipped"]
    assert len(data["entries"]) == 6
    assert all("2005-01-01" <= e["date"] <= "2007-12-31" for e in data["entries"])
    out_file = tmp_path / "t.md"
    code, _, err = run_cli(capsys, "timeline", str(jsonl), "--format", "markdown", "-o", str(out_file))
    assert code == 0 and out_file.read_text().startswith("# Timeline")


def test_collection_streams_documents_and_records(tmp_path):
    path = tmp_path / "x.jsonl"
    path.write_text(json.dumps(wikinews()[0]) + "\nnot json\n", encoding="utf-8")
    items = list(read([str(path), str(tmp_path / "missing.txt")]))
    assert isinstance(items[0], Document) and items[0].source.endswith("x.jsonl:1")
    assert [type(i).__name__ for i in items[1:]] == ["Skipped", "Skipped"]
    assert items[2].code == errors.NOT_FOUND


def test_bad_options_are_usage_errors(capsys):
    code, _, err = run_cli(capsys, "timeline", str(SEED), "--date", "2023-11-30", "--from", "2023-12-01",
                           "--to", "2023-11-01")  # fmt: skip
    assert code == errors.USAGE and "after" in err
    code, _, err = run_cli(capsys, "timeline", str(SEED), "--date", "30/11/2023")
    assert code == errors.USAGE


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their permissions")
def test_unreadable_file_is_skipped(tmp_path, capsys):
    locked = tmp_path / "locked.txt"
    locked.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    locked.chmod(0)
    code, _, err = run_cli(capsys, "timeline", str(locked), str(SEED), "--date", "2023-11-30")
    assert code == 0 and "permission denied" in err


def test_rss_feed_file_as_a_source(tmp_path, capsys):
    from datetime import datetime
    from email.utils import format_datetime
    from html import escape

    arts = [a for a in wikinews() if a["date"].startswith("2007-10")]
    items = "".join(
        f"<item><title>{escape(a['title'])}</title><link>{escape(a['url'])}</link><guid>{a['id']}</guid>"
        f"<pubDate>{format_datetime(datetime.fromisoformat(a['date']).replace(tzinfo=UTC))}</pubDate>"
        f"<description>{escape(a['text'])}</description></item>"
        for a in arts
    )
    feed = tmp_path / "wikinews.rss"
    feed.write_text(f'<?xml version="1.0"?><rss version="2.0"><channel><title>WikiNews</title>{items}'
                    "</channel></rss>", encoding="utf-8")  # fmt: skip
    code, out, err = run_cli(capsys, "timeline", str(feed), "--format", "json")
    assert code == 0, err
    data = json.loads(out)
    assert data["read"] == len(arts) == 2 and not data["skipped"]
    assert "2007-10-25" in [e["date"] for e in data["entries"]]
    assert {a["url"] for a in data["articles"].values()} <= {a["url"] for a in arts}


def test_api_is_callable_again_after_the_module_is_imported(seed_text):
    """``dateline.timeline`` stays the API function after its module is imported (and on a second call)."""
    import dateline.timelines

    articles = [{"text": seed_text, "date": "2023-11-30", "id": "seed"}]
    assert dateline.timeline(articles).entries
    assert dateline.timeline(articles).entries


def test_collect_then_select_is_the_timeline_and_settings_rank_the_dates():
    from dataclasses import replace

    from dateline.timelines import DEFAULT, collect, select

    arts = wikinews()
    collected = collect(arts)
    assert [e.date for e in select(collected, 8, None).entries] == [
        e.date for e in make_timeline(arts, dates=8).entries
    ]
    # Weights only on publication volume: the busiest publication day comes first.
    by_volume = replace(DEFAULT, mentions=0.0, later=0.0, published=1.0, next_day=0.0)
    assert [e.date for e in select(collected, 1, 1, by_volume).entries] == [date(2005, 6, 13)]
    # A date looked back at counts its later mentions twice: June 18, 2008 (the GAO ruling, named by a report of
    # July 2008) scores its articles plus its later mentions.
    entry = next(e for e in select(collected, 40, 1).entries if e.date == date(2008, 6, 18))
    assert entry.mentions >= 1 and entry.score >= DEFAULT.mentions * entry.mentions + DEFAULT.later


def test_an_unfetched_scheme_is_named_and_an_empty_timeline_prints_nothing(capsys, monkeypatch):
    code, out, err = run_cli(capsys, "timeline", "ftp://example.org/story.txt")
    assert code == errors.USAGE and "only http:// and https:// URLs" in err
    # Prose that opens with a brace is one article on stdin, not broken JSON Lines.
    prose = "{Editor's note: updated.} " + wikinews()[0]["text"]
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(prose.encode())))
    code, out, err = run_cli(capsys, "timeline", "-", "--date", wikinews()[0]["date"], "--format", "json")
    assert code == 0, err
    assert json.loads(out)["used"] == 1
    # One undated page with no dated event: a warning, and no blank line on stdout.
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"The council met and talked. It ended.")))
    code, out, err = run_cli(capsys, "timeline", "-", "--date", "2020-05-01")
    assert out == "" and "no dated event" in err
