"""Strips make their caches when first used (``widgets.strip_caches``), and cache as before."""

from __future__ import annotations

import subprocess
import sys
import tracemalloc

import pytest
from rich.segment import Segment
from rich.style import Style
from textual.cache import FIFOCache
from textual.strip import Strip

from briefing_tui.widgets import strip_caches
from briefing_tui.widgets.strip_caches import applied, caches_when_used

CACHES = (
    "_divide_cache",
    "_crop_cache",
    "_style_cache",
    "_filter_cache",
    "_line_length_cache",
    "_crop_extend_cache",
    "_offsets_cache",
)


@pytest.fixture(autouse=True)
def when_used() -> None:
    assert caches_when_used()  # as the reader's app does: Textual's strip is the one it expects
    assert applied()


def _bytes_per_strip(count: int = 2000) -> float:
    segments = [Segment("une ligne du texte", Style(bold=True))]
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        strips = [Strip(segments, 18) for _ in range(count)]
        after = tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()
    assert len(strips) == count
    return (after - before) / count


def test_a_new_strip_holds_no_cache() -> None:
    # A strip and its list of segments: some 200 bytes. Seven empty caches made at once took 1 KB more.
    assert _bytes_per_strip() < 400


def test_a_strip_makes_each_cache_when_first_used_and_keeps_it() -> None:
    strip = Strip([Segment("Niamey, le 19 mai 2024")])
    first = strip.crop(0, 6)
    assert first.text == "Niamey"
    assert strip.crop(0, 6) is first  # kept: cached as Textual caches it
    cache = strip._crop_cache
    assert isinstance(cache, FIFOCache) and strip._crop_cache is cache
    assert strip.divide([6, 22]) is strip.divide([6, 22])
    assert [piece.text for piece in strip.divide([6, 22])] == ["Niamey", ", le 19 mai 2024"]


def test_each_cache_has_textual_s_size() -> None:
    strip = Strip([Segment("x")])
    sizes = {name: getattr(strip, name)._maxsize for name in CACHES}
    assert sizes == {
        "_divide_cache": 4,
        "_crop_cache": 16,
        "_style_cache": 16,
        "_filter_cache": 4,
        "_line_length_cache": 4,
        "_crop_extend_cache": 4,
        "_offsets_cache": 4,
    }


def test_caches_are_each_strip_s_own() -> None:
    one, two = Strip([Segment("un")]), Strip([Segment("deux")])
    one.crop(0, 1)
    assert one._crop_cache is not two._crop_cache
    assert len(two._crop_cache) == 0
    styled = two.apply_style(Style(italic=True))
    assert two.apply_style(Style(italic=True)) is styled
    assert len(one._style_cache) == 0


def test_a_strip_as_joined_or_split_draws_the_same() -> None:
    strip = Strip([Segment("abc", Style(bold=True)), Segment("def")])
    assert Strip.join(strip.divide([2, 4, 6])).text == "abcdef"
    assert strip.crop_extend(1, 8, None).text == "bcdef  "
    assert strip.adjust_cell_length(4).text == "abcd"


def _strip_class(*extra: str) -> type:
    """A strip made as Textual makes it (one cache), holding ``extra`` attributes besides."""

    class Made:
        __slots__ = (
            "_segments",
            "_cell_length",
            "_crop_cache",
            "_render_cache",
            "_link_ids",
            "_cell_count",
            *extra,
        )

        def __init__(self, segments: list[Segment], cell_length: int | None = None) -> None:
            self._segments, self._cell_length = list(segments), cell_length
            self._crop_cache: FIFOCache[object, object] = FIFOCache(16)
            self._render_cache = self._link_ids = self._cell_count = None
            for name in extra:
                setattr(self, name, 0)

    return Made


def test_the_caches_are_read_from_the_strip_as_textual_makes_it() -> None:
    assert strip_caches._cache_sizes(_strip_class()) == {"_crop_cache": 16}


def test_an_unexpected_strip_is_left_as_textual_makes_it() -> None:
    # A version of Textual whose strip holds something more: nothing is guessed, nothing changed.
    assert strip_caches._cache_sizes(_strip_class("_hyperlinks")) is None


def test_the_reader_s_app_has_strips_make_their_caches_when_used() -> None:
    # In a process of its own: this one's strips were changed by the tests above.
    script = (
        "from pathlib import Path\n"
        "from briefing_tui.app import BriefingApp\n"
        "from briefing_tui.widgets.strip_caches import applied\n"
        "before = applied()\n"
        "BriefingApp([Path('.')])\n"
        "print(before, applied())\n"
    )
    argv = [sys.executable, "-c", script]
    done = subprocess.run(argv, capture_output=True, text=True, timeout=60, check=True)
    assert done.stdout.split() == ["False", "True"]
