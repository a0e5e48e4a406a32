"""The reader's keys that work in every pane (the panes' own keys live on their widgets).

The help screen and the command palette list them from here, with the same actions.
"""

from __future__ import annotations

from textual.actions import parse
from textual.app import App
from textual.binding import Binding, BindingType
from textual.keys import _character_to_key, key_to_character
from textual.screen import Screen
from textual.widgets import Input

from briefing_tui.widgets.key_footer import KeyFooter

READER_BINDINGS: list[BindingType] = [
    Binding("right_square_bracket", "next_claim(1)", "Next claim", key_display="]"),
    Binding("left_square_bracket", "next_claim(-1)", "Prev claim", key_display="["),
    Binding("s", "go_source(1)", "Source"),
    Binding("S", "go_source(-1)", "Previous source", key_display="S", show=False),
    Binding("o", "open_url", "Open address", show=False),  # the claim pane says "o: open address"
    Binding("y", "yank", "Copy (address, quote, name)", show=False),
    Binding("ctrl+o,alt+left", "back", "Back"),
    Binding("alt+right,ctrl+i", "forward", "Forward", show=False),
    Binding("tab", "cycle_pane(1)", "Next pane", show=False),
    Binding("shift+tab", "cycle_pane(-1)", "Previous pane", show=False),
    Binding("1", "pane('text')", "Text pane", show=False),
    Binding("2", "pane('claim')", "Claim pane", show=False),
    Binding("3", "pane('entities')", "Entities pane", show=False),
    Binding("4", "pane('timeline')", "Timeline pane", show=False),
    Binding("5", "pane('documents')", "Documents pane", show=False),
    Binding("6", "claims_list", "Claims list", show=False),
    Binding("greater_than_sign", "mention(1)", "Next mention", key_display=">", show=False),
    Binding("less_than_sign", "mention(-1)", "Previous mention", key_display="<", show=False),
    Binding("escape", "search_escape", "Leave filter / clear search", show=False),
    Binding("escape", "clear_selection", "Clear entity", show=False),
    Binding("e", "errors", "Errors", show=False),  # the document list says so; the footer is full
    Binding("O", "open_path", "Open a file or folder", key_display="O", show=False),
    Binding("slash", "search_open", "Search", key_display="/"),
    Binding("n", "search_next(1)", "Next match", show=False),
    Binding("N", "search_next(-1)", "Previous match", show=False),
    Binding("ampersand", "search_filter", "Filter matching paragraphs", key_display="&", show=False),
    Binding("F", "search_all", "Search all documents", key_display="F", show=False),
    Binding("question_mark", "help", "Help", key_display="?"),
    Binding("h,f1", "help", "Help", show=False),
    Binding("q", "app.quit", "Quit"),
    Binding("ctrl+q", "app.quit", "Quit", show=False),
]

CHECKING_BINDINGS: list[BindingType] = [
    # checking: editing the annotations (screens/checking.py); ctrl+s, u and ctrl+r across saves
    Binding("r", "rate", "Rate claim"),
    Binding("R", "remove_verdict", "Remove verdict", key_display="R", show=False),
    Binding("c", "note", "Note"),
    Binding("x", "verified", "Verified/unverified", show=False),
    Binding("u", "undo", "Undo", show=False),
    Binding("ctrl+r", "redo", "Redo", show=False),
    Binding("ctrl+s", "save", "Save"),
    Binding("v", "select", "Select passage", show=False),
    Binding("a", "attach_source", "Attach source", show=False),
    Binding("delete", "remove(False)", "Remove annotation", show=False),
    Binding("M", "remove(True)", "Remove mention", key_display="M", show=False),
    Binding("D", "next_draft", "Next draft", key_display="D", show=False),
    Binding("A", "review_draft(True)", "Accept draft", key_display="A", show=False),
    Binding("X", "review_draft(False)", "Reject draft", key_display="X", show=False),
]

FOOTER_GIVES_WAY = ("save", "note", "rate", "next_claim(-1)", "back", "go_source(1)")
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


def typing_in(screen: Screen[None]) -> bool:
    """Whether the focus is where characters type (an input, or a list's filter being typed)."""
    focused = screen.focused
    return isinstance(focused, Input) or bool(getattr(focused, "typing", False))
