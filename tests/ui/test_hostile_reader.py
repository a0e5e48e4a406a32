"""The reader on generated hostile documents: every key on every pane, and nothing raises.

The documents come from bench/fuzz_hostile.py's generator (a fixed seed): hostile pieces in every
shown field, random quotes and positions for the spans. ``python bench/fuzz_reader.py`` runs many more.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

from briefing_tui.app import BriefingApp
from briefing_tui.model import LoadError
from briefing_tui.model.loader import load_bytes
from briefing_tui.model.types import Collection

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))
import fuzz_hostile  # noqa: E402

KEYS = [
    "right_square_bracket", "s", "s", "left_square_bracket", "tab", "down", "enter", "tab", "down",
    "enter", "greater_than_sign", "less_than_sign", "escape", "1", "G", "g", "ctrl+o", "question_mark",
    "escape", "2", "enter", "3", "4", "slash", "x", "escape",
]  # fmt: skip


def _documents(count: int, seed: int) -> list[object]:
    rng = random.Random(seed)
    documents: list[object] = []
    while len(documents) < count:
        try:
            documents.append(load_bytes(fuzz_hostile.make_input(rng), "hostile.yaml"))
        except LoadError:
            continue
    return documents


@pytest.mark.parametrize("index", range(3))
async def test_the_reader_survives_every_key_on_a_hostile_document(index: int) -> None:
    document = _documents(3, seed=11)[index]
    app = BriefingApp([Path("hostile.yaml")], collection=Collection(documents=[document]))  # type: ignore[list-item]
    async with app.run_test(size=(100, 30)) as pilot:
        for key in KEYS:
            await pilot.press(key)
        await app.workers.wait_for_complete()  # what the keys started has run to its end
        await pilot.wait_for_scheduled_animations()
        assert app.is_running  # run_test re-raises any exception of the app
