"""A file's bytes and the answer of ``split_load.claims_part`` for them, given to the loader in one
process as ``startup.ClaimsBeside`` gives them from its child (tests and ``bench/bench_load.py``)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from briefing_tui.model.split_load import claims_part, frames_of, take_answer
from briefing_tui.model.text_aside import Found, TextAside, aside_from, decoded, set_text_aside

if TYPE_CHECKING:
    from collections.abc import Callable

    from briefing_tui.model.build import Builder
    from briefing_tui.model.claim_table import ClaimTable


class ReadApart:
    """``split_load.ReadApart`` with its answer given: ``data`` taken once, the claims from ``answer``;
    the text set aside here, or from what the child shared of it (``shared``: what
    ``set_text_aside`` gave its ``share``), as the reader takes it."""

    def __init__(
        self, path: Path, data: bytes, answer: bytes, shared: tuple[bytes, bytes, Found] | None = None
    ) -> None:
        self.path, self._answer, self._shared = path, answer, shared
        self._data: list[bytes] | None = [data]

    def bytes_once(self) -> list[bytes] | None:
        data, self._data = self._data, None
        return data

    def set_aside(self, held: list[bytes]) -> tuple[bytes | None, TextAside | None]:
        if self._shared is None:
            return set_text_aside(held)
        held.clear()
        rest, text, found = self._shared
        return aside_from(rest, decoded(text), found)

    def take(self, builder: Builder, first: int, passed: Callable[[], None]) -> ClaimTable | None:
        return take_answer(frames_of(self._answer), builder, first, passed)


def built_apart(data: bytes, label: str, path: Path) -> tuple[bytes, tuple[bytes, bytes, Found] | None]:
    """``claims_part``'s answer for ``data`` (run here, not in a child), its text set aside there and
    shared as the reader's child shares it: the answer, and what was shared (None: nothing)."""
    shared: list[tuple[bytes, bytes, Found]] = []

    def set_aside(held: list[bytes]) -> tuple[bytes | None, TextAside | None]:
        return set_text_aside(held, lambda rest, text, found: shared.append((rest, text, found)))

    answer = claims_part(data, label, path, set_aside)
    return answer, shared[0] if shared else None
