"""The reader's keys that work in every pane (the panes' own keys live on their widgets), how the
editing keys reach checking (``CheckingKeys``), and what the footer shows of them.

The help screen and the command palette list them from here, with the same actions.
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from textual.actions import parse
from textual.app import App
from textual.binding import ActiveBinding, Binding, BindingType
from textual.dom import DOMNode
from textual.keys import _character_to_key, key_to_character
from textual.screen import Screen
from textual.widgets import Input

from briefing_tui.edit.sidecar_name import sidecar_path
from briefing_tui.widgets.key_footer import KeyFooter

if TYPE_CHECKING:
    from briefing_tui.model.types import Document
    from briefing_tui.screens.checking import Checking, Reader
    from briefing_tui.screens.main import MainScreen

READER_BINDINGS: list[BindingType] = [
    Binding("right_square_bracket", "next_claim(1)", "Next claim", key_display="]"),
    Binding("left_square_bracket", "next_claim(-1)", "Prev claim", key_display="["),
    Binding("s", "go_source(1)", "Source"),
    Binding("S", "go_source(-1)", "Previous source", key_display="S", show=False),
    # the claim pane says "o: open address"; there, of the source whose link is highlighted
    Binding("o", "open_url", "Open address", show=False),
    Binding("y", "yank", "Copy (address, quote, name)", show=False),
    Binding("ctrl+o,alt+left", "back", "Back"),
    Binding("alt+right,ctrl+i", "forward", "Forward", show=False),
    # The keys that move the focus are run as the app reads them too, so that the keys read with them
    # go where they lead ("1/Niamey", typed fast, searches the text), except while an input takes
    # what is typed (``reader_can``).
    Binding("tab", "cycle_pane(1)", "Next pane", show=False, priority=True),
    Binding("shift+tab", "cycle_pane(-1)", "Previous pane", show=False, priority=True),
    Binding("1", "pane('text')", "Text pane", show=False, priority=True),
    Binding("2", "pane('claim')", "Claim pane", show=False, priority=True),
    Binding("3", "pane('entities')", "Entities pane", show=False, priority=True),
    Binding("4", "pane('timeline')", "Timeline pane", show=False, priority=True),
    Binding("5", "pane('documents')", "Documents pane", show=False, priority=True),
    Binding("6", "claims_list", "Claims list", show=False, priority=True),
    Binding("greater_than_sign", "mention(1)", "Next mention", key_display=">", show=False),
    Binding("less_than_sign", "mention(-1)", "Previous mention", key_display="<", show=False),
    Binding("escape", "search_escape", "Leave filter / clear search", show=False),
    Binding("escape", "leave_source", "Back to the claim from its source", show=False),
    Binding("escape", "clear_selection", "Clear entity", show=False),
    Binding("e", "errors", "Errors", show=False),  # the document list says so; the footer is full
    Binding("O", "open_path", "Open a file or folder", key_display="O", show=False),
    # run as the app reads the key (so that what is typed right after it, read with it, goes into the
    # query), except where the focus takes / itself (``reader_can``)
    Binding("slash", "search('open')", "Search", key_display="/", priority=True),
    Binding("n", "search('next', 1)", "Next match", show=False),
    Binding("N", "search('next', -1)", "Previous match", show=False),
    Binding(
        "ampersand", "search('toggle_filter')", "Filter matching paragraphs", key_display="&", show=False
    ),  # fmt: skip
    Binding("F", "search_all", "Search all documents", key_display="F", show=False),
    Binding("question_mark", "help", "Help", key_display="?"),
    Binding("h,f1", "help", "Help", show=False),
    Binding("q", "app.quit", "Quit"),
    Binding("ctrl+q", "app.quit", "Quit", show=False),
]

CHECKING_BINDINGS: list[BindingType] = [
    # The editing keys: ``check('name', argument)`` runs ``Checking.name(argument)`` (screens/checking.py;
    # one argument at most), when ``ReaderState.can('name')`` (or ``Checking.can`` for undo, redo and
    # save) allows it. ctrl+s, u and U work across saves.
    Binding("r", "check('rate')", "Rate claim"),
    Binding("R", "check('remove_verdict')", "Remove verdict", key_display="R", show=False),
    Binding("c", "check('note')", "Note"),
    Binding("x", "check('toggle_verified')", "Verified/unverified", show=False),
    Binding("u", "check('undo')", "Undo", show=False),
    Binding("U", "check('redo')", "Redo", key_display="U", show=False),  # ctrl+r is Regex in search
    Binding("ctrl+s", "check('save')", "Save"),
    Binding("v", "check('select')", "Select passage", show=False),
    Binding("a", "check('attach_source')", "Attach source", show=False),
    Binding("delete", "check('remove', False)", "Remove annotation", show=False),
    Binding("M", "check('remove', True)", "Remove mention", key_display="M", show=False),
    Binding("D", "check('next_draft')", "Next draft", key_display="D", show=False),
    Binding("A", "check('review_draft', True)", "Accept draft", key_display="A", show=False),
    Binding("X", "check('review_draft', False)", "Reject draft", key_display="X", show=False),
    Binding("T", "check('review_draft', None)", "All drafts of this type", key_display="T", show=False),
    Binding("B", "check('bookmark')", "Bookmark this passage", key_display="B", show=False),
    Binding("apostrophe", "check('list_bookmarks')", "Bookmarks", key_display="'", show=False),
]

SESSION_ACTIONS = frozenset(("undo", "redo", "save"))
"""Editing keys whose ``check_action`` answer is ``Checking.can``'s (the others: ``ReaderState.can``)."""


class CheckingKeys:
    """How the screen runs the editing keys. ``Checking`` (and the edit package) is made at the first
    editing key, not when the reader starts; until then nothing is edited, unsaved or in conflict."""

    def __init__(self, reader: Reader) -> None:
        self._reader = reader
        self.started: Checking | None = None
        reader.state.on_show.append(self.document_shown)

    @property
    def checking(self) -> Checking:
        if self.started is None:
            # deferred: the edit package is imported at the first editing key, not at start
            from briefing_tui.screens.checking import Checking

            self.started = Checking(self._reader)
        return self.started

    def run(self, method: str, *args: object) -> None:
        """The key ``check('rate')``: ``Checking.rate()``."""
        getattr(self.checking, method)(*args)

    def can(self, method: str, parameters: tuple[object, ...]) -> bool | None:
        """For ``check_action``: whether ``check(method, *parameters)`` can run now."""
        if method in SESSION_ACTIONS:  # save is always on (it says when there is nothing to save)
            return self.started.can(method) if self.started else (method == "save" or None)
        return self._reader.state.can(method, parameters)

    def file_changed(self, path: Path) -> bool:
        """The live reload saw ``path`` change: True when a checking session on it takes it in."""
        return self.started is not None and self.started.file_changed(path)

    def started_reading(self) -> None:
        """The panes are ready: unsaved edits of last time are offered back; with ``--notes-only``,
        or notes kept beside the document shown, that is said and the person's layer shown."""
        from briefing_tui.crash import unsaved_kept  # deferred: only once the panes are mounted

        documents = self._reader.state.collection.documents
        if unsaved_kept(Path(d.path) for d in documents if Path(d.path).name):
            self.checking.offer_restore()
        self.document_shown(self._reader.state.doc, at_once=True)

    def document_shown(self, doc: Document, *, at_once: bool = False) -> None:
        """With ``--notes-only``, or notes kept beside ``doc``'s file, that is said and the person's
        layer shown (once the panes have painted the document)."""
        if not Path(doc.path).name:  # a document of no file (made in memory)
            return
        if self._reader.notes_only or sidecar_path(doc.path).is_file():
            start = self.checking.layer.start
            start() if at_once else self._reader.app.call_later(start)

    def confirm_quit(self) -> bool:
        """Quitting: with unsaved edits, ask (True: the question is shown, the app stays for now)."""
        if self.started is None:
            return False
        from briefing_tui.screens.checking_forms import ask_before_quit  # deferred: checking has begun

        return ask_before_quit(self.started)


FOOTER_GIVES_WAY = (
    "check('save')",
    "check('note')",
    "check('rate')",
    "next_claim(-1)",
    "back",
    "go_source(1)",
)
"""In a narrow terminal these leave the footer first, in this order (then keys from its end)."""


def reader_footer() -> KeyFooter:
    """The reader's footer: every key it shows whole, ``FOOTER_GIVES_WAY`` leaving first."""
    return KeyFooter(gives_way=FOOTER_GIVES_WAY)


def binding_states(screen: Screen[None]) -> tuple[object, ...]:
    """What decides the footer: the focus, the screens stacked and whether each key can run now
    (the keys of the focused widget and its ancestors: a list's "Clear filter" while it has one)."""
    states = []
    focused = screen.focused
    for node in focused.ancestors_with_self if focused is not None else (screen,):
        for binding in node._bindings:
            if not binding[1].show:  # not in the footer: whether it can run changes nothing drawn
                continue
            _, name, params = parse(binding[1].action)
            states.append(node.check_action(name, params))
    return (focused, typing_in(screen), len(screen.app.screen_stack), tuple(states))


class KeyStates:
    """Whether what the keys can do has changed since it was last asked: the footer is drawn again
    only then (a jump in a document of 100,000 annotations must not rebuild it every time)."""

    def __init__(self) -> None:
        self._last: object = None

    def changed(self, screen: Screen[None]) -> bool:
        states = binding_states(screen) if screen.is_mounted else None
        if states is not None and states == self._last:
            return False
        self._last = states
        return True


SIDEWAYS = ("scroll_left", "scroll_right", "page_left", "page_right")
"""Textual's keys that scroll sideways: no pane does, so neither help nor the keys panel lists them."""


def untyped_keys(screen: Screen[None], active: dict[str, ActiveBinding]) -> dict[str, ActiveBinding]:
    """The keys of ``active`` that work now, as help describes them (``as_help_says``): while an
    input (or a list's filter) takes what is typed, only those that are not characters."""
    typing = typing_in(screen)
    return {key: as_help_says(screen, key, binding) for key, binding in active.items()
            if binding.binding.action not in SIDEWAYS and not (typing and typed_key(key))}  # fmt: skip


def as_help_says(screen: Screen[None], key: str, active: ActiveBinding) -> ActiveBinding:
    """A key the screen binds to several actions (escape leaves the filter, else clears the search,
    else the entity) described by all of them in turn, as the help screen does; Textual's keys
    panel (the palette's "Keys") would give the first one's words only. An action hidden now (its
    ``check_action`` False: no source to go back from) is left out, as help leaves it out."""
    if active.node is not screen:
        return active
    bindings = screen._bindings.key_to_bindings.get(key, [])
    words = [
        b.description
        for b in bindings
        if b.description and screen.check_action(*parse(b.action)[1:]) is not False
    ]
    if len(set(words)) < 2:
        return active
    return active._replace(binding=replace(active.binding, description=", else ".join(dict.fromkeys(words))))


def key_names(app: App[object], binding: Binding) -> str:
    """A binding's keys as the footer shows them: ``^o / alt+←`` for ``ctrl+o,alt+left``."""
    if binding.key_display:
        return binding.key_display
    keys = [key.strip() for key in binding.key.split(",")]
    return " / ".join(app.get_key_display(Binding(key, binding.action)) for key in keys)


_ASCII_KEYS = {_character_to_key(chr(code)) for code in range(0x21, 0x7F)}  # "slash", "q", "ampersand"...


def typed_key(key: str) -> bool:
    """Whether ``key`` types a character (``q``, ``slash``), so that an input takes it as text."""
    if key in _ASCII_KEYS:
        return True
    char = key_to_character(key)
    return char is not None and char.isprintable()


def reader_can(screen: MainScreen, action: str, parameters: tuple[object, ...]) -> bool | None:
    """Whether one of the reader's keys works where the focus is: as its state says
    (``ReaderState.can``), but a priority key gives way where the focus takes it itself."""
    key = PRIORITY_KEYS.get((action, parameters))
    if key is not None and takes_key(screen, key):
        return False  # a list's / filters it, an input types / or a digit (not tab: it types nothing)
    if action == "search" and parameters[:1] == ("next",):  # n / N: with no search, they say so
        return screen.text_pane.search.has_search or None
    return screen.state.can(action, parameters)


PRIORITY_KEYS = {
    parse(binding.action)[1:]: binding.key.split(",")[0]
    for binding in READER_BINDINGS
    if isinstance(binding, Binding) and binding.priority
}
"""The key of each of the reader's priority bindings, by its action and parameters (as
``check_action`` is asked about them)."""


def takes_key(screen: Screen[None], key: str) -> bool:
    """Whether the focus takes ``key`` itself: a character where characters type (as the footer
    leaves them out, ``untyped_keys``), or a key a widget between the focus and the screen binds (a
    list's / filters it)."""
    if typing_in(screen) and typed_key(key):
        return True
    node = screen.focused
    while node is not None and node is not screen:
        if key in bound_keys(type(node)):
            return True
        node = node.parent  # type: ignore[assignment]
    return False


@cache
def bound_keys(kind: type[DOMNode]) -> frozenset[str]:
    """The keys the widgets of ``kind`` bind (their class's bindings and their bases'), worked out
    once: Textual merges them again at each call, and the footer asks about every priority key of
    the reader for each widget between the focus and the screen after every key."""
    return frozenset(kind._merge_bindings().key_to_bindings)


def typing_in(screen: Screen[None]) -> bool:
    """Whether the focus is where characters type (an input, or a list's filter being typed)."""
    focused = screen.focused
    return isinstance(focused, Input) or bool(getattr(focused, "typing", False))
