"""Fixtures of the reader's Pilot tests."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from tests.ui.checking_support import SEED


@pytest.fixture
def seed(tmp_path: Path) -> Path:
    """A copy of the seed briefing that a test may edit and save."""
    path = tmp_path / SEED.name
    shutil.copyfile(SEED, path)
    return path
