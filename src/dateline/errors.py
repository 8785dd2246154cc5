"""Errors a user can cause, each with its own exit code.

The CLI turns a DatelineError into one line on stderr and ``exit(error.exit_code)``; the library raises them and
never prints. The codes are part of the interface (the README lists them): keep them stable.
"""

from __future__ import annotations

# Exit codes. 1 is left to unexpected failures and 2 to usage errors, as click and most Unix tools do.
OK = 0
INTERNAL = 1
USAGE = 2
NOT_FOUND = 3
BAD_INPUT = 4
NO_TEXT = 5
FETCH = 6
TOO_LARGE = 7
LANGUAGE = 8
NO_DATE = 9
UNSUPPORTED = 10
PARTIAL = 11
MODEL = 12
OUTPUT = 13


class DatelineError(Exception):
    """Base of every error caused by what the user gave; ``exit_code`` is what the CLI exits with."""

    exit_code = INTERNAL


class UsageError(DatelineError, ValueError):
    """A malformed option value: a bad ``--date``, a negative length, two length options at once."""

    exit_code = USAGE


class InputNotFound(DatelineError, FileNotFoundError):
    """A path that does not exist, is a directory where a file is needed, or cannot be read."""

    exit_code = NOT_FOUND


class BadInput(DatelineError, ValueError):
    """Input that is there but unusable: empty, whitespace only, binary, undecodable, broken JSON."""

    exit_code = BAD_INPUT


class NoArticleText(DatelineError, ValueError):
    """An HTML page (or JSON record) in which no article text could be found."""

    exit_code = NO_TEXT


class FetchError(DatelineError, OSError):
    """A URL that could not be fetched: unreachable, timed out, a non-2xx answer, too many redirects."""

    exit_code = FETCH


class InputTooLarge(DatelineError, ValueError):
    """Input over the configured size limit (``--max-bytes``)."""

    exit_code = TOO_LARGE


class UnsupportedLanguage(DatelineError, ValueError):
    """Text in a language the sentence splitter has no model for."""

    exit_code = LANGUAGE


class DateUnknown(DatelineError, ValueError):
    """No publication date could be established and the caller required one (``--require-date``)."""

    exit_code = NO_DATE


class ModelUnavailable(DatelineError, RuntimeError):
    """An optional model that cannot be loaded: its package is not installed, or the path or hub name given does
    not hold a model this machine can load (hub names need the network once, to fill the local cache)."""

    exit_code = MODEL


class OutputError(DatelineError, OSError):
    """The output file could not be written (no such folder, a directory, no permission, disk full)."""

    exit_code = OUTPUT
