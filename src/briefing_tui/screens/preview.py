"""What a large file shows while it loads: its title and text, marked as loading, no annotations yet.

Reading a 10 MB briefing with 100,000 annotations takes seconds; its title and text are near the
top of the file and come out of the YAML parser in a fraction of that. The preview says plainly
that the annotations are still loading, and the reader replaces it when the load ends (or the
error view does, when the file turns out to be broken).
"""

from __future__ import annotations

from pathlib import Path
from typing import TextIO

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Static

from briefing_tui.display import sanitize
from briefing_tui.screens.beneath import Beneath
from briefing_tui.screens.styled_once import StyledOnce
from briefing_tui.terminal_input import press_again
from briefing_tui.widgets.key_footer import KeyFooter
from briefing_tui.widgets.looks import Looks
from briefing_tui.widgets.text_view import TextView
from briefing_tui.widgets.text_wrap import LOADING_SLICE

PREVIEW_FROM = 1 << 20  # files larger than this get a preview while they load
PREVIEW_CHARS = 200_000  # enough text for the first screens; the rest waits for the full load


def preview_path(paths: list[Path]) -> Path | None:
    """The file to preview: a single large file, or the first large file of a folder."""
    # deferred: the reading of files is imported in the loading worker, after the first paint
    from briefing_tui.files import briefing_files

    files: list[Path] = []
    for path in paths:
        files += briefing_files(path)
    for file in files[:1]:
        try:
            if file.stat().st_size >= PREVIEW_FROM:
                return file
        except OSError:
            return None
    return None


HEAD_BYTES = 1 << 18
"""The start of the file read first for the preview: a title and text at the top come out of it."""


def read_head(path: Path) -> tuple[str, str] | None:
    """``(title, text)`` of a briefing file, reading no further than both; None when not found.

    The file's first ``HEAD_BYTES`` are read first, cut after their last line: the text of a
    large file is long, and the start of it is all the preview shows. The text found there is
    the start of the whole text, as a block scalar cut after a line reads as its first lines.
    When the head does not hold both (or does not parse, cut inside a quoted string), the file
    is read as a stream until they come.
    """
    try:
        with path.open("rb") as stream:
            head = stream.read(HEAD_BYTES + 1)
    except OSError:
        return None
    if len(head) > HEAD_BYTES:
        head = head[: head.rfind(b"\n", 0, HEAD_BYTES) + 1]
        found = _title_and_text(head, cut=True) if head else None
        if found is not None:
            return found
    try:
        with path.open(encoding="utf-8") as text:
            return _title_and_text(text)
    except (OSError, UnicodeDecodeError):
        return None


def _title_and_text(stream: bytes | TextIO, *, cut: bool = False) -> tuple[str, str] | None:
    """The top-level ``title`` and ``text`` scalars of the YAML in ``stream``, the text cut to
    ``PREVIEW_CHARS``; None when both are not there, or the YAML fails before both. ``cut``: the
    stream is the head of a longer file (a text that runs to its end goes on after it)."""
    # deferred: the parser is imported in the loading worker, after the first paint
    import yaml

    wanted: dict[str, str] = {}
    depth, key, expect_key = 0, None, True
    try:
        for event in yaml.parse(stream, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
            if isinstance(event, yaml.MappingStartEvent | yaml.SequenceStartEvent):
                depth += 1
            elif isinstance(event, yaml.MappingEndEvent | yaml.SequenceEndEvent):
                depth -= 1
                if depth == 1:
                    expect_key = True
            elif isinstance(event, yaml.ScalarEvent) and depth == 1:
                if expect_key:
                    key, expect_key = event.value, False
                else:
                    if key in ("title", "text"):
                        wanted[key] = event.value
                    end = event.end_mark
                    if key == "text" and cut and end is not None and end.index >= _length(stream) - 1:
                        wanted[key] += "\n\n…"  # it goes on after the head: marked as cut
                    expect_key = True
                if len(wanted) == 2:
                    text = wanted["text"]
                    if len(text) > PREVIEW_CHARS:  # a copy of the start only: memory is for the loader
                        line_end = text.rfind("\n", 0, PREVIEW_CHARS)
                        text = text[: line_end if line_end > 0 else PREVIEW_CHARS] + "\n\n…"
                    return wanted["title"], text
    except (UnicodeDecodeError, yaml.YAMLError):
        return None
    return None


def _length(stream: bytes | TextIO) -> int:
    """The characters of a head in bytes, as the parser counts its places."""
    return len(stream.decode("utf-8", "replace")) if isinstance(stream, bytes) else -1


class PreviewHeader(Static):
    """The title, and a line saying the annotations are still loading."""

    def __init__(self, title: str, name: str) -> None:
        super().__init__(id="doc-header")
        self._title, self._file_name = title, name

    def on_mount(self) -> None:
        self.say(to_end=False)

    def say(self, to_end: bool, kept: list[str] | None = None) -> None:
        """The title and the loading line; ``to_end``: that the reader will open at the text's end;
        ``kept``: the keys kept for the reader."""
        head = Text(end="")
        head.append(sanitize(self._title), style="bold")
        loading = f"\nloading annotations of {sanitize(self._file_name)}…"
        if to_end:
            loading += " then to the text's end"
        if kept:
            loading += f" ({sanitize(' '.join(kept))} kept until then)"
        head.append(loading, style=Looks(self).mark("warn"))
        self.update(head)


class PreviewScreen(Beneath, StyledOnce):
    """The title and text of a file that is still loading (styled once: the loader competes with it
    for the interpreter)."""

    BINDINGS = [
        Binding("q", "app.quit", "Quit"),
        # the preview holds the text's start only: its end is the reader's to show, once loaded
        Binding("G,end", "to_end", "Bottom", show=False, priority=True),
        Binding("g,home", "to_top", "Top", show=False, priority=True),
        # A search query begun here is the reader's: each key decided as it comes, before the next
        # one (the text's keys bind before a key reaches the screen), while ``typing``.
        Binding("slash", "query('slash', '/')", show=False, priority=True),
        Binding("enter", "query('enter', '\\r')", show=False, priority=True),
        Binding("escape", "query('escape', '\\x1b')", show=False, priority=True),
    ]

    def __init__(
        self, path: Path, title: str, text: str, keys: list[tuple[str, str | None]] | None = None
    ) -> None:
        super().__init__()
        self._path, self._title, self._text = path, title, text
        self._keys = keys or []  # pressed before this screen showed: pressed again here
        self.to_end = False
        """Whether the reader is to open at the text's end (``G`` pressed here)."""
        self.pressed: list[events.Key] = []
        """The keys pressed here that only the reader answers (``]``, ``/``...), for it to act on."""

    def compose(self) -> ComposeResult:
        with Vertical(id="text-pane", classes="pane -active"):
            yield PreviewHeader(self._title, self._path.name)
            view = TextView(id="text")
            view.wrap_slice = LOADING_SLICE
            yield view
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#text-pane").border_title = "loading"
        self.query_one(TextView).set_document(self._text, [], [])
        keys, self._keys = self._keys, []
        press_again(self.app, keys)

    @property
    def typing(self) -> bool:
        """Whether a ``/`` kept is still open (no ``enter`` or ``escape`` kept after it): the keys
        that follow are the reader's search query, kept whole, none of them acted on here."""
        for key in reversed(self.pressed):
            if key.key in ("enter", "escape"):
                return False
            if key.key == "slash":
                return True
        return False

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "query":  # ``/`` begins a query, enter or escape ends it: else they are kept
            return (parameters[0] == "slash") != self.typing
        return not (action in ("to_end", "to_top") and self.typing)  # within a query: its letters

    def action_query(self, key: str, character: str) -> None:
        """Keep ``key``, which begins or ends a query; the text's own keys (which bind first) wait
        meanwhile: the text gives up the focus, and takes it back after."""
        self.pressed.append(events.Key(key, character))
        self.set_focus(None if self.typing else self.query_one(TextView), scroll_visible=False)
        self._say()

    def on_key(self, event: events.Key) -> None:
        # A key the preview does not answer (its text scrolls; the claims, panes and search are the
        # reader's) is kept, as the first look keeps them, and acted on once the reader is up; so is
        # every key typed after a ``/`` until enter or escape (its query: ``q`` and ``j`` too).
        bound = self.active_bindings.get(event.key)
        if bound is not None and bound.enabled and not self.typing:
            return
        self.pressed.append(event)
        event.stop()
        event.prevent_default()
        self._say()

    def action_to_end(self) -> None:
        self.to_end = True
        self.query_one(TextView).action_bottom()  # the preview's end, marked as cut, meanwhile
        self._say()

    def action_to_top(self) -> None:
        self.to_end = False
        self.query_one(TextView).action_top()
        self._say()

    def _say(self) -> None:
        kept = [key.character if key.is_printable and key.character else key.key for key in self.pressed]
        self.query_one(PreviewHeader).say(self.to_end, kept[-8:])

    def reading_at(self) -> int:
        """The offset of the text at the top of the preview: where the reader opens."""
        return self.query_one(TextView).top_offset
