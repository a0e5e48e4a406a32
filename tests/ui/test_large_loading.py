"""A large file is read by a thread of its own while its preview shows: one who quits meanwhile is
not kept waiting for it, and a failure in it is reported as any crash of the reader is."""

from __future__ import annotations

import gc
import threading
from pathlib import Path

import pytest
from tests.ui.reader_support import SEEDS, reader_ready, until

from briefing_tui import files, startup
from briefing_tui.app import BriefingApp
from briefing_tui.screens.preview import PreviewScreen
from briefing_tui.startup import SMALL
from briefing_tui.widgets import text_pane
from briefing_tui.widgets.span_index import PartIndex
from briefing_tui.widgets.text_lines import marks_of
from briefing_tui.widgets.text_view import TextView
from briefing_tui.widgets.text_wrap import LOADING_SLICE, WRAP_SLICE

SIZE = (120, 40)


def _large(tmp_path: Path) -> Path:
    """The seed, made larger than what is read before the first frame (a comment at its end)."""
    path = tmp_path / "large.yaml"
    seed = next(SEEDS.glob("*.yaml")).read_text(encoding="utf-8")
    path.write_text(seed + "#" * SMALL + "\n", encoding="utf-8")
    return path


async def test_the_files_are_read_by_a_thread_the_process_does_not_wait_for(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    release, reading = threading.Event(), threading.Event()
    load_paths = files.load_paths

    def held(*args: object, **kwargs: object) -> object:
        reading.set()
        release.wait(10)
        return load_paths(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(files, "load_paths", held)
    app = BriefingApp([_large(tmp_path)])
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, reading.is_set, what="the files were not being read")
        loader = next(t for t in threading.enumerate() if t.name == "briefing-load")
        assert loader.daemon  # interpreter exit does not wait for it
        release.set()
        await until(pilot, lambda: app.collection is not None, what="the file was not loaded")
    loader.join(10)
    assert not loader.is_alive()


async def test_a_failure_while_the_files_are_read_is_reported_as_a_crash(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def failing(*_args: object, **_kwargs: object) -> object:
        raise RuntimeError("the disk went away")

    monkeypatch.setattr(files, "load_paths", failing)
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    app = BriefingApp([_large(tmp_path)])
    with pytest.raises(RuntimeError, match="the disk went away"):
        async with app.run_test(size=SIZE) as pilot:
            await until(pilot, lambda: app.crash_log is not None, what="no crash report")
    assert app.crash_log is not None and app.crash_log.exists()
    assert "the disk went away" in app.crash_log.read_text(encoding="utf-8")


async def test_what_is_read_is_frozen_before_the_collector_comes_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    collecting: list[bool] = []
    load_paths = files.load_paths

    def watched(*args: object, **kwargs: object) -> object:
        collecting.append(gc.isenabled())
        return load_paths(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(files, "load_paths", watched)
    assert gc.isenabled()
    app = BriefingApp([_large(tmp_path)])
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: app.collection is not None, what="the file was not loaded")
        assert collecting == [False]  # off while the file is read and the reader's state made
        assert gc.isenabled()  # and back once it is
        assert app.collection is not None
        doc = app.collection.documents[0]
        assert gc.is_tracked(doc)
        assert not any(o is doc for o in gc.get_objects())  # frozen: out of the collector's passes


async def test_a_large_texts_marks_are_drawn_from_its_start_then_indexed_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(text_pane, "PART_CHARS", 300)  # the seed's text is some 2,000 characters
    app = BriefingApp([_large(tmp_path)])
    async with app.run_test(size=SIZE) as pilot:
        screen = await reader_ready(pilot)
        view = screen.query_one(TextView)
        mentions, claims = view._mentions, view._claims
        assert isinstance(mentions, PartIndex) and isinstance(claims, PartIndex)
        await until(
            pilot, lambda: mentions.completed and claims.completed, what="the marks were not indexed whole"
        )
        doc = screen.state.doc
        every_mention, every_mark = marks_of(doc, screen.state.nav.claims)
        assert mentions.spans == [(s, e, (kind, ref)) for s, e, kind, ref in every_mention]
        assert claims.spans == every_mark
        assert any(start >= 300 for start, *_ in claims.spans)  # marks past the part, drawn as any


async def test_a_large_file_read_already_shows_its_preview_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A single large file, read before the app starts (its claims built beside): its preview is the
    app's first screen, with no loading screen before it; the reader follows."""
    monkeypatch.setattr(startup, "SPLIT_FROM", 1000)
    path = _large(tmp_path)
    apart = startup.ClaimsBeside.of([path])
    assert apart is not None
    shown: list[str] = []
    push = BriefingApp.push_screen

    def noted(self: BriefingApp, screen: object, *args: object, **kwargs: object) -> object:
        shown.append(type(screen).__name__)
        return push(self, screen, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(BriefingApp, "push_screen", noted)
    slices: list[float] = []
    mount = PreviewScreen.on_mount

    def mounted(self: PreviewScreen) -> None:
        slices.append(self.query_one(TextView).wrap_slice)
        mount(self)

    monkeypatch.setattr(PreviewScreen, "on_mount", mounted)
    app = BriefingApp([path], apart=apart)
    try:
        async with app.run_test(size=SIZE) as pilot:
            screen = await reader_ready(pilot)
            reader_slice = screen.query_one(TextView).wrap_slice
    finally:
        apart.end()
    assert shown[0] == "PreviewScreen" and "LoadingScreen" not in shown
    # the preview wraps in short slices, the file loading beside it; the reader, alone, in longer ones
    assert slices == [LOADING_SLICE] and reader_slice == WRAP_SLICE > LOADING_SLICE
