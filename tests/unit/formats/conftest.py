"""Fixtures of the format tests: the hand-made files in tests/fixtures/formats and the seed briefing."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing_tui.model import load_document

ROOT = Path(__file__).resolve().parents[3]
FIXTURES = ROOT / "tests" / "fixtures" / "formats"
SEED = ROOT / "seeds" / "niger-us-withdrawal.yaml"


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES


@pytest.fixture(scope="session")
def seed_doc():
    return load_document(SEED)
