"""What the tests of ``briefing search`` share as fixtures."""

from __future__ import annotations

import os

import pytest

from briefing_tui.commands import search as command


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the files read from their YAML, in order, by this process (a child's reads,
    ``commands.search_apart``, are its own)."""
    seen: list[str] = []
    real = command._load

    def counted(path: str) -> tuple[str, str]:
        seen.append(os.path.basename(path))
        return real(path)

    monkeypatch.setattr(command, "_load", counted)
    return seen
