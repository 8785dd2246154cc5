"""The dateline command as a user runs it: real processes for stdin and `python -m`, in-process for the rest."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from dateline import errors
from dateline.cli import main

ROOT = Path(__file__).parent.parent
SEED = str(Path(__file__).parent / "fixtures" / "seed_article.txt")


def run(args, capsys):
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def test_readme_quick_start_runs():
    """The README's first command (after install): a dated brief of the shipped example, offline."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    command = next(line for line in readme.splitlines() if line.startswith("pip install . && dateline brief"))
    example = command.split("dateline brief ", 1)[1].split()[0]
    proc = subprocess.run(
        [sys.executable, "-m", "dateline", "brief", example],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert lines[0] == "date 2008-03-01" and lines[1] == "" and len(lines) >= 3


def test_stdin_and_python_m(seed_text):
    proc = subprocess.run(
        [sys.executable, "-m", "dateline", "brief", "-", "--date", "2023-11-30", "--sentences", "3"],
        input=seed_text, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("date 2023-11-30\n\n")
    assert proc.stderr == ""


def test_unknown_date_warns_on_stderr(capsys):
    code, out, err = run(["brief", SEED], capsys)
    assert code == 0 and out.startswith("date unknown\n\n")
    assert err.startswith("dateline: warning:") and "--date" in err


def test_json_format_and_output_file(tmp_path, capsys):
    target = tmp_path / "brief.json"
    code, out, _ = run(["brief", SEED, "--date", "2023-11-30", "--format", "json", "-o", str(target)], capsys)
    assert code == 0 and out == ""
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["date"] == "2023-11-30"
    for para in data["paragraphs"]:
        for s in para:
            assert data["article"]["text"][s["start"] : s["end"]] == s["text"]


def test_help_has_examples(capsys):
    code, out, _ = run(["brief", "--help"], capsys)
    assert code == 0 and "Examples:" in out and "--sentences" in out


@pytest.mark.parametrize(
    ("args", "content", "code", "message"),
    [
        (["brief", "{tmp}/missing.txt"], None, errors.NOT_FOUND, "no such file"),
        (["brief", "{tmp}"], None, errors.NOT_FOUND, "directory"),
        (["brief", "{tmp}/in.txt"], b"", errors.BAD_INPUT, "empty"),
        (["brief", "{tmp}/in.txt"], b"  \n\n ", errors.BAD_INPUT, "empty"),
        (["brief", "{tmp}/in.txt"], b"\x00\x01\x02binary" * 100, errors.BAD_INPUT, "binary"),
        (["brief", "{tmp}/in.html"], b"<html><body><div><a href='/'>Home</a></div></body></html>", errors.NO_TEXT, "no article text"),
        (["brief", "{tmp}/in.txt", "--max-bytes", "10"], b"Some article text. It goes on.", errors.TOO_LARGE, "over the limit"),
        (["brief", "{tmp}/in.txt", "--date", "2023-13-45"], b"Some article text. It goes on.", errors.USAGE, "malformed"),
        (["brief", "{tmp}/in.txt", "--require-date"], b"Some article text without any date. It goes on.", errors.NO_DATE, "date unknown"),
        (["brief", "{tmp}/in.txt", "--sentences", "2", "--words", "9"], b"Some text. More.", errors.USAGE, "at most one"),
        (["brief", "http://127.0.0.1:9/x.html"], None, errors.FETCH, "cannot fetch"),
        (["brief", "{tmp}/in.txt"], "北京市政府周三宣布，将在全市范围内推广新的垃圾分类制度，以改善城市环境。".encode() * 3, errors.LANGUAGE, "cannot split"),
        (["brief", "{tmp}/in.txt", "--format", "yaml"], b"Text.", errors.USAGE, "Invalid value"),
        (["brief", "{tmp}/in.txt", "--max-bytes", "0"], b"Some article text. It goes on.", errors.USAGE, "Invalid value"),
        (["brief", "{tmp}/in.txt"], b"Hello\nhttps://example.org/story.html", errors.NO_TEXT, "nothing to brief"),
        (["brief", "{tmp}/in.txt", "-o", "{tmp}/no/such/folder/out.txt"], b"Some article text. It goes on.", errors.OUTPUT, "cannot write"),
        (["brief", "{tmp}/in.txt", "-o", "{tmp}"], b"Some article text. It goes on.", errors.OUTPUT, "cannot write"),
    ],
)  # fmt: skip
def test_errors_are_one_line_with_exit_code(tmp_path, capsys, args, content, code, message):
    if content is not None:
        name = next(a for a in args if a.startswith("{tmp}/")).split("/", 1)[1]
        (tmp_path / name).write_bytes(content)
    got, out, err = run([a.replace("{tmp}", str(tmp_path)) for a in args], capsys)
    assert got == code
    assert out == ""
    assert message in err
    assert len(err.strip().splitlines()) <= 2 and "Traceback" not in err


def test_no_traceback_in_a_real_process(tmp_path):
    proc = subprocess.run(
        [sys.executable, "-m", "dateline", "brief", str(tmp_path / "missing.txt")],
        capture_output=True, text=True, timeout=60, env={**os.environ, "DATELINE_DEBUG": ""},
    )  # fmt: skip
    assert proc.returncode == errors.NOT_FOUND
    assert proc.stderr.strip() == f"dateline: error: {tmp_path / 'missing.txt'}: no such file"


def test_language_code_is_case_insensitive(seed_text, tmp_path, capsys):
    (tmp_path / "in.txt").write_text(seed_text, encoding="utf-8")
    code, out, _ = run(["brief", str(tmp_path / "in.txt"), "--language", "EN", "--format", "json"], capsys)
    assert code == 0 and json.loads(out)["language"] == "en"
