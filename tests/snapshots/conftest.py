"""The snapshots are taken with the cursor of an input shown: it blinks every half second, and a
snapshot taken after that (a slow machine) would draw it hidden."""

from __future__ import annotations

import pytest
from textual.widgets import Input


@pytest.fixture(autouse=True)
def _cursor_shown(monkeypatch: pytest.MonkeyPatch) -> None:
    def shown(self: Input) -> None:
        self._cursor_visible = True  # not exported; Textual is pinned to one release

    monkeypatch.setattr(Input, "_toggle_cursor", shown)
