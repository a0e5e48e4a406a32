"""What a load leaves to Python's cycle collector: its objects already old, nobody's frozen objects thawed."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator

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
    # As in a process that froze nothing yet: the reader's tests run before in this one freeze
    # what their apps made (the loader then leaves the generations alone, see the next tests).
    gc.unfreeze()
    doc = load(SOURCE)
    young = {id(o) for generation in (0, 1) for o in gc.get_objects(generation=generation)}
    made = [doc, doc.entities[0], doc.entities[0].mentions, doc.entities[0].aliases]
    assert not any(id(o) in young for o in made)
    assert gc.get_freeze_count() == 0  # promoted to the oldest generation, not frozen


def test_a_small_document_is_left_to_the_collector(collector_off: None) -> None:
    doc = load(SOURCE)
    young = {id(o) for o in gc.get_objects(generation=0)}
    assert id(doc.entities[0].mentions) in young


def test_objects_frozen_before_a_load_stay_frozen_and_a_large_document_joins_them(
    collector_off: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(loader, "PROMOTE_CHARS", 0)
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        doc = load(SOURCE)
        assert gc.get_freeze_count() > frozen  # none thawed, the document's own added
        tracked = {id(o) for o in gc.get_objects()}  # (every generation; frozen objects are in none)
        assert id(doc) not in tracked and id(doc.entities[0]) not in tracked
    finally:
        gc.unfreeze()


@pytest.mark.parametrize(("promote", "kept"), [(0, True), (1 << 40, False)])
def test_a_large_file_keeps_the_allocators_thresholds_where_they_start(
    monkeypatch: pytest.MonkeyPatch, promote: int, kept: bool
) -> None:
    calls: list[tuple[str, tuple[int, ...]]] = []

    def function(name: str) -> Callable[..., int]:
        def call(*args: int) -> int:
            calls.append((name, args))
            return 1

        return call

    monkeypatch.setattr(loader, "PROMOTE_CHARS", promote)
    monkeypatch.setattr(loader, "_c_function", function)
    loader._keep_allocator_thresholds.cache_clear()
    try:
        load(SOURCE)
        load(SOURCE)  # once per process
    finally:
        loader._keep_allocator_thresholds.cache_clear()
    expected = [
        ("mallopt", (loader.M_TRIM_THRESHOLD, 131072)),
        ("mallopt", (loader.M_MMAP_THRESHOLD, 131072)),
    ]
    assert calls == (expected if kept else [])


def test_a_c_library_without_the_function_is_no_error() -> None:
    assert loader._c_function("no_such_function_in_any_c_library") is None
