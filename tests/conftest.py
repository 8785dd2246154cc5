"""Shared fixtures: real inputs only (the seed article, WikiNews articles under CC BY 4.0)."""

import json
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
ROOT = Path(__file__).parent.parent


@pytest.fixture(scope="session")
def seed_text() -> str:
    return (FIXTURES / "seed_article.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def wikinews() -> list[dict]:
    with open(FIXTURES / "wikinews_meantime_airbus.jsonl", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]
