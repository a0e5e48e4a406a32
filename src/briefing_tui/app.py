"""The reader application: loads the collection in a worker, then shows the main screen (wiring only)."""

from __future__ import annotations

import gc
import sys
from collections.abc import Callable, Iterable
from importlib import import_module
from pathlib import Path
from threading import Thread
from typing import TYPE_CHECKING, Any

from textual.app import App, SystemCommand
from textual.driver import Driver
from textual.screen import Screen

from briefing_tui.crash import CrashReporting
from briefing_tui.model.types import Collection
from briefing_tui.resources import styles_dir
from briefing_tui.startup import (
    Ahead,
    ClaimsBeside,
    Opening,
    ReadAlready,
    ReadBeside,
    load_if_small,
    read_paths,
)
from briefing_tui.terminal_input import lenient
from briefing_tui.widgets.strip_caches import caches_when_used

if TYPE_CHECKING:
    from briefing_tui.widgets.text_pane import Prepared


READER_MODULES = (
    "briefing_tui.reader_state",
    "briefing_tui.widgets.search_bar",
    "briefing_tui.widgets.text_search",
    "briefing_tui.widgets.text_pane",
    "briefing_tui.widgets.claim_list",
    "briefing_tui.widgets.detail_pane",
    "briefing_tui.widgets.document_list",
    "briefing_tui.widgets.entity_list",
    "briefing_tui.widgets.timeline_list",
    "briefing_tui.widgets.reader_panes",
    "briefing_tui.screens.reader_keys",
    "briefing_tui.screens.main",
    "briefing_tui.live_reload",
)
"""The modules of the reader's screen, each after those it imports: imported one at a time, each
takes a few milliseconds."""

SWITCH_INTERVAL = 0.001
"""Seconds a thread holds Python's interpreter lock while another waits for it (Python's default is
5 ms), in the reader's process: a key handled while a thread builds a large file, a search or an
index is then handed the lock sooner. ``j`` pressed on the 10 MB briefing's preview while it loads
answered in a median 15 and 20 ms rather than 24 and 25 (90 % within 27 ms rather than 47 and 42;
two series of some 110 presses), and the file filled its panes as soon."""


def import_reader(until: Callable[[], bool] = lambda: False) -> None:
    """Import the reader's screen's modules (``READER_MODULES``), in turn, until ``until()`` says to
    stop: what its screen would otherwise import while it is built. ``briefing`` has it done while
    it waits for the collection read beside (a folder's outlines), stopping once they have come."""
    for name in READER_MODULES:
        if until():
            return
        import_module(name)


class BriefingApp(CrashReporting, App[int]):
    """``BriefingApp(paths)`` loads ``paths`` in a worker; ``collection=`` skips loading (tests);
    ``notes_only``: no file is ever written, the person's notes go beside them (``--notes-only``);
    ``cached``: a folder's outlines are kept on disk and read from there (not with ``--no-cache``).

    ``read``: the collection read beside (``startup.ReadBeside``), with its first look, shown at once
    (a file changed since it was read is reloaded by the live reload). ``first_look``: whether another
    collection given is first shown that way too (by default in a terminal, not headless).
    ``apart``: a single large file read already, its claims built in a child process meanwhile
    (``startup.ClaimsBeside``), for the loading worker. ``ahead``: a folder's first rows, said by the
    child that reads it (``ReadBeside.ahead``): its first look shows them while the child reads on,
    and the reader takes the child's whole answer.
    """

    CSS_PATH = [str(styles_dir() / "reader.tcss"), str(styles_dir() / "looks.tcss")]
    TITLE = "briefing"

    def __init__(
        self,
        paths: list[Path],
        collection: Collection | None = None,
        *,
        notes_only: bool = False,
        cached: bool = True,
        read: ReadAlready | None = None,
        first_look: bool | None = None,
        apart: ClaimsBeside | None = None,
        ahead: tuple[Ahead, ReadBeside] | None = None,
    ) -> None:
        super().__init__()
        caches_when_used()  # the screen's thousands of strips hold no empty caches
        sys.setswitchinterval(SWITCH_INTERVAL)  # keys first, whatever thread works meanwhile
        self.paths = paths
        self.collection = collection if read is None else read.collection
        self.notes_only = notes_only
        self.cached = cached
        self._read = read
        self._first_look = first_look
        self._apart = apart
        self._ahead = ahead
        self._looking = False  # the first look shows: the reader comes when it is on screen
        self._previewed = False  # a large file's preview shows (``_start_loading``)
        self._collector_paused = not gc.isenabled()  # ``briefing`` pauses it until the first frame

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """Textual's palette commands, "Screenshot" saving where it can (``screenshots``)."""
        from briefing_tui.screenshots import system_commands  # deferred: when the palette opens

        return system_commands(self, super().get_system_commands(screen))

    def get_driver_class(self) -> type[Driver]:
        driver = super().get_driver_class()
        lenient(driver)  # a byte from the terminal that is not UTF-8 is read as U+FFFD
        return driver

    def get_default_screen(self) -> Screen[Any]:
        # A small collection loads in a few milliseconds: the reader is the first screen painted,
        # its first look first (the text; the reader's panes a frame later). So do the outlines of a
        # folder of many files (read for their titles only): their first look lists them, as the
        # reader does, with the text of the first.
        if self._ahead is not None:  # a folder's first rows, its other files read meanwhile
            # deferred: a screen's module is imported when the screen is first shown
            from briefing_tui.screens.first_look import FirstLook

            first = self._ahead[0]
            self._looking = True
            return FirstLook(first.opening, rows=(first.rows, first.files))
        read = self._read
        opening = read.opening if read is not None else None
        if opening is None and self.collection is None:
            self.collection = load_if_small(self.paths, cached=self.cached)
        if opening is None and self.collection is not None and self.collection.documents:
            if not (self._first_look if self._first_look is not None else not self.is_headless):
                # deferred: a screen's module is imported when the screen is first shown
                from briefing_tui.screens.main import MainScreen

                return MainScreen(self.collection)
            opening = Opening.of(self.collection)
        if opening is not None:
            # deferred: a screen's module is imported when the screen is first shown
            from briefing_tui.screens.first_look import FirstLook

            self._looking = True
            return FirstLook(opening, self.collection)
        return super().get_default_screen()

    def on_mount(self) -> None:
        self.theme = "textual-dark"
        if self._looking:  # the reader follows its first look (``on_first_look_shown``)
            return
        if self._collector_paused:
            self.call_after_refresh(self._resume_collector)
        if self.collection is not None:
            if self.collection.documents:
                self._show_failures(self.collection)
            else:
                self._show(self.collection)
            return
        self._start_loading()

    def _start_loading(self) -> None:
        # deferred: a screen's module is imported when the screen is first shown
        from briefing_tui.screens.errors import LoadingScreen
        from briefing_tui.screens.preview import PreviewScreen, read_head

        # A single large file, read already (its claims built beside): its preview is the first
        # screen, rather than the loading screen it would replace a moment later.
        head = read_head(self._apart.path) if self._apart is not None else None
        if self._apart is not None and head is not None:
            self._previewed = True
            self.push_screen(PreviewScreen(self._apart.path, *head))
        else:
            label = ", ".join(p.name or str(p) for p in self.paths)
            self.push_screen(LoadingScreen(label))
        self.call_after_refresh(self._load)  # paint first, then read

    async def on_first_look_shown(self) -> None:
        """The first look is on screen: the reader takes its place, then acts on the keys pressed
        meanwhile. Its live reload starts from the files as they were read."""
        # deferred: a screen's module is imported when the screen is first shown
        from briefing_tui.screens.first_look import FirstLook
        from briefing_tui.screens.main import MainScreen

        pressed = self.screen.pressed if isinstance(self.screen, FirstLook) else []
        try:
            read, self._read = self._read, None
            if self._ahead is not None:  # the child's whole answer, once it has read every file
                read = self._ahead[1].result()
                self._ahead = None
                self.collection = read.collection if read is not None else None
            if self.collection is None:
                self.collection = load_if_small(self.paths, cached=self.cached)
            collection = self.collection
            if collection is None:  # grown large meanwhile: read behind the loading screen
                self._start_loading()
                return
            if not collection.documents:  # gone meanwhile: ``briefing`` prints why (exit 1)
                self._show(collection)
                return
            # The keys pressed meanwhile are pressed again once the reader's panes are up and filled
            # (a list's keys move in its rows); the first look stays beneath it, as the default screen.
            screen = MainScreen(collection)
            screen.state.keys_meanwhile = [(key.key, key.character) for key in pressed]
            if read is not None:  # a change since the child read the files is reloaded, once settled
                screen.live_reload.watcher.since(read.stamps)
            await self.push_screen(screen)
            self._show_failures(collection)
        finally:
            if self._collector_paused:  # once the screen that follows is on screen
                self.call_after_refresh(self._resume_collector)

    async def action_quit(self) -> None:
        # Unsaved checking edits: the reader asks first (save, quit without saving, or stay).
        reader = next((s for s in reversed(self.screen_stack) if hasattr(s, "editing")), None)
        if reader is not None and reader.editing.confirm_quit():
            return
        self.exit()

    def _resume_collector(self) -> None:
        # What start-up made lives as long as the app: out of the collector's passes for good.
        gc.freeze()
        gc.enable()

    def _load(self) -> None:
        # A thread of its own that the process does not wait for: one who quits while a large file
        # loads is back at the prompt at once (a worker's thread would be waited for to its end).
        Thread(target=self._read_files, name="briefing-load", daemon=True).start()

    def _read_files(self) -> None:
        try:
            self._read_and_show()
        except Exception as error:  # shown as any crash of the reader is
            if self.is_running:
                self.call_from_thread(self._crashed, error)

    def _crashed(self, error: Exception) -> None:
        try:  # handled as where it was raised (the crash report reads the exception being handled)
            raise error
        except Exception as raised:  # noqa: BLE001 - every failure is reported
            self._handle_exception(raised)

    def _read_and_show(self) -> None:
        # deferred: in the loading worker, after the first paint
        from briefing_tui.memory import give_back_freed
        from briefing_tui.screens.preview import preview_path, read_head

        big = None if self._previewed else preview_path(list(self.paths))
        head = read_head(big) if big is not None else None
        # call_later: the screens are built in the app's own message loop, as after a key press
        if big is not None and head is not None:
            self.call_from_thread(self.call_later, self._show_preview, big, *head)
        apart = self._apart
        if apart is not None:  # the screen's modules, here rather than before it answers a key:
            apart.meanwhile = import_reader  # while the loader waits for the claims built beside
        else:
            import_reader()
        # What is read here lives as long as the reader (a large file: millions of objects). The
        # collector stays off until it is frozen: its first pass over it all would pause the reader.
        collector = gc.isenabled()
        gc.disable()
        try:
            try:  # several files: each document read whole when it is opened
                collection = read_paths(self.paths, self.cached, apart)
            finally:
                if apart is not None:
                    apart.end()
            import_reader()  # (those not imported meanwhile)
            prepared = self._prepare(collection) if collection.documents else None
            gc.freeze()
            give_back_freed()  # what reading it took and freed, before the reader builds on top
        finally:
            if collector:
                gc.enable()
        self.call_from_thread(self.call_later, self._show, collection, prepared)

    @staticmethod
    def _prepare(collection: Collection) -> Prepared:
        """While the preview shows, in the loading thread: what the reader's screen would otherwise
        do before it answers a key (make its state, index the first document's marks)."""
        # deferred: imported by the loading thread (``import_reader``)
        from briefing_tui.widgets.text_pane import prepare

        return prepare(collection)

    def _show_preview(self, path: Path, title: str, text: str) -> None:
        # deferred: a screen's module is imported when the screen is first shown
        from briefing_tui.screens.preview import PreviewScreen

        self.switch_screen(PreviewScreen(path, title, text, self._kept_keys()))

    def _kept_keys(self) -> list[tuple[str, str | None]]:
        """The keys pressed on the loading screen (none when it is not the one shown)."""
        # deferred: a screen's module is imported when the screen is first shown
        from briefing_tui.screens.errors import LoadingScreen

        return self.screen.pressed if isinstance(self.screen, LoadingScreen) else []

    def _show_failures(self, collection: Collection) -> None:
        # deferred: a screen's module is imported when the screen is first shown
        from briefing_tui.display import sanitize
        from briefing_tui.words import plural

        reader = next((s for s in reversed(self.screen_stack) if hasattr(s, "say")), None)
        if collection.failed:
            # deferred: the error view's module only when a file failed (2–3 ms of every start)
            from briefing_tui.screens.errors import ErrorScreen

            said = f"{plural(len(collection.failed), 'file')} could not be opened: e shows why"

            def closed(_: object) -> None:  # the list of errors closed: the reader still says so a while
                if reader is not None:
                    reader.say(said, 20)

            self.push_screen(ErrorScreen(collection.failed, can_close=True), closed)
        for notice in collection.notices:  # such as other documents loaded for a file's sources
            self.notify(sanitize(notice), title="Opened", markup=False, timeout=8)
            if reader is not None:  # and on the status line
                reader.say(f"Opened: {sanitize(notice)}", 12)

    def show_collection(self, collection: Collection) -> None:
        """Show another collection in place of the reader (``O``), with its failed files as at start."""
        from briefing_tui.screens.main import MainScreen  # deferred: as in ``_show``

        self.collection = collection
        old = self.screen
        if hasattr(old, "live_reload"):  # its files are no longer shown
            old.live_reload.stop()
        # the first reader stays at the bottom of the stack (the stack is never empty while the new
        # one is built); a reader above it is replaced
        screen = MainScreen(collection)
        self.switch_screen(screen) if len(self.screen_stack) > 1 else self.push_screen(screen)
        self._show_failures(collection)

    def _show(self, collection: Collection, prepared: Prepared | None = None) -> None:
        # deferred: a screen's module is imported when the screen is first shown
        from briefing_tui.screens.main import MainScreen

        self.collection = collection  # (a collection read by the loading thread is frozen there)
        if collection.documents:
            # deferred: a screen's module is imported when the screen is first shown
            from briefing_tui.screens.preview import PreviewScreen

            preview = self.screen if isinstance(self.screen, PreviewScreen) else None
            # Over the loading screen or the preview, rather than in its place: the app would
            # otherwise wait for it to be removed, which waits for the reader's start, before it
            # reads the next key. It stays beneath, still.
            screen = MainScreen(collection, prepared)
            if preview is not None:  # the reader opens where the preview was read to, or at the end
                screen.state.opens_at = preview.reading_at()
                screen.state.opens_at_end = preview.to_end
                screen.state.keys_meanwhile = [(key.key, key.character) for key in preview.pressed]
            else:  # read behind the loading screen: the keys pressed there
                screen.state.keys_meanwhile = self._kept_keys()
            if self._apart is not None:  # a change since the file was read is reloaded, once settled
                screen.live_reload.watcher.since(self._apart.stamps)
            self.push_screen(screen)
            self._show_failures(collection)
            return
        # Nothing could be opened: ``briefing`` prints why once the terminal is restored (exit 1).
        self.exit(1)
