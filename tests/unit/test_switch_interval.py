"""The reader's process hands Python's interpreter lock on sooner than Python does by default, so that
a key is handled soon while a thread builds a large file, a search or an index (``app.SWITCH_INTERVAL``)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from briefing_tui.app import SWITCH_INTERVAL, BriefingApp
from briefing_tui.model import Collection


@pytest.fixture
def interval() -> Iterator[None]:
    before = sys.getswitchinterval()
    sys.setswitchinterval(0.005)  # Python's own default, whatever ran before in this process
    yield
    sys.setswitchinterval(before)


@pytest.mark.usefixtures("interval")
def test_the_reader_hands_the_lock_on_within_a_millisecond() -> None:
    BriefingApp([Path("none.yaml")], collection=Collection(documents=[]))
    assert sys.getswitchinterval() == pytest.approx(SWITCH_INTERVAL)
    assert SWITCH_INTERVAL <= 0.001
