"""Shared set-up of the reader's Pilot tests: the app on the seed or on the reader fixture collection."""

from __future__ import annotations

from pathlib import Path

from briefing_tui.app import BriefingApp
from briefing_tui.model import load_paths

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
COLLECTION = ROOT / "tests" / "fixtures" / "reader" / "collection"


def seed_app() -> BriefingApp:
    return BriefingApp([SEEDS], collection=load_paths([SEEDS]))


def collection_app() -> BriefingApp:
    return BriefingApp([COLLECTION], collection=load_paths([COLLECTION]))
