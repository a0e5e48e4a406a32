"""What a load leaves to Python's cycle collector: its objects already old, nobody's frozen objects thawed."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest
from tests.unit.model.support import HEAD, load

from briefing_tui.formats.common import collector_paused
from briefing_tui.model import loader

SOURCE = HEAD + "entities:\n  - {id: n, name: Niger, type: place, mentions: [[3, 8], [30, 35]]}\n"


@pytest.fixture
def collector_off() -> Iterator[None]:
    """No collection runs during the test, so generations change only by what the loader does."""
    with collector_paused():
        yield


def test_a_large_loaded_document_is_in_the_oldest_generation(
    collector_off: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(loader, "PROMOTE_CHARS", 0)  # every file counts as large
    doc = load(SOURCE)
    young = {id(o) for generation in (0, 1) for o in gc.get_objects(generation=generation)}
    made = [doc, doc.entities[0], doc.entities[0].mentions, doc.entities[0].aliases]
    assert not any(id(o) in young for o in made)
    assert gc.get_freeze_count() == 0


def test_a_small_document_is_left_to_the_collector(collector_off: None) -> None:
    doc = load(SOURCE)
    young = {id(o) for o in gc.get_objects(generation=0)}
    assert id(doc.entities[0].mentions) in young


def test_objects_frozen_before_a_load_stay_frozen(
    collector_off: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(loader, "PROMOTE_CHARS", 0)
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        load(SOURCE)
        assert gc.get_freeze_count() == frozen
    finally:
        gc.unfreeze()


@pytest.mark.parametrize(("promote", "returned"), [(0, 1), (1 << 40, 0)])
def test_the_memory_freed_while_a_large_file_is_read_is_given_back(
    monkeypatch: pytest.MonkeyPatch, promote: int, returned: int
) -> None:
    calls: list[int] = []
    monkeypatch.setattr(loader, "PROMOTE_CHARS", promote)
    monkeypatch.setattr(loader, "_malloc_trim", lambda: calls.append)
    load(SOURCE)
    assert calls == [0] * returned


def test_giving_memory_back_never_fails() -> None:
    loader._return_freed_memory()  # the GNU C library's malloc_trim, or nothing elsewhere
    assert loader._malloc_trim() is None or callable(loader._malloc_trim())
