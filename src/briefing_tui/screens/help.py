"""The help screen, generated from the bindings active on the reader (so new keys appear by themselves)."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.actions import parse
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Footer, Static

from briefing_tui.screens.reader_keys import SIDEWAYS
from briefing_tui.screens.scroll_keys import SCROLL_KEYS, ScrollKeys
from briefing_tui.widgets.claim_list import ClaimList
from briefing_tui.widgets.doc_header import legend
from briefing_tui.widgets.looks import Looks
from briefing_tui.widgets.search_bar import SearchInput
from briefing_tui.widgets.type_filter import TypeToFilter

GENERIC = "Every list"
ORDER = ["Everywhere", "Text pane", "Search bar", "Claim pane", "Claims list", "Entities pane",
         "Timeline pane", "Documents pane", GENERIC]  # fmt: skip
FILTER = [b for b in TypeToFilter.FILTER_BINDINGS if isinstance(b, Binding)]


def _owner(cls: type, binding: Binding) -> type:
    """The class whose ``BINDINGS`` hold ``binding`` (the nearest in ``cls``'s ancestry)."""
    for base in cls.__mro__:
        for held in base.__dict__.get("BINDINGS", []):
            if isinstance(held, Binding) and _same(held, binding):
                return base
    return cls


def _same(held: Binding, binding: Binding) -> bool:  # a binding of several keys is split per key
    return (held.action, held.description) == (binding.action, binding.description) and binding.key in [
        k.strip() for k in held.key.split(",")
    ]


def collect_bindings(screen: Screen[Any]) -> dict[str, list[tuple[str, str]]]:
    """Every binding with a description on ``screen``, its widgets (and the claims list and the search
    bar, built when first shown) and the app: one section per pane (the owner's ``HELP_GROUP``),
    each key once.

    The keys every list has (Textual's own list and scroll keys, and the filter's) are in one
    section, ``GENERIC``. Returns ``{group: [(keys, description), ...]}``.
    """
    app = screen.app
    classes: list[type] = []
    for node in [screen, *screen.query("*"), app]:
        if type(node) not in classes:
            classes.append(type(node))
    for built_later in (ClaimList, SearchInput):  # the claims list, the search bar's query line
        if built_later not in classes:
            classes.append(built_later)
    # The keys the documents opened leave out (``5`` and its pane with one document, ``e`` with no
    # failed file), as the palette does: the reader's state says so (``ReaderState.can``: False).
    state = getattr(screen, "state", None)
    hidden = {
        (b.action, b.description)
        for _, b in screen._bindings
        if state is not None and state.can(*parse(b.action)[1:]) is False
    }
    # {group: {action: ([keys], description)}}
    found: dict[str, dict[str, tuple[list[str], list[str]]]] = {}
    listed: set[tuple[str, str, str]] = set()  # (key, action, description) already in a section
    for cls in classes:
        own = getattr(cls, "HELP_GROUP", None) or "Everywhere"
        if any(description == own for _, description in hidden):  # the documents pane
            continue
        for bindings in cls._merge_bindings().key_to_bindings.values():  # type: ignore[attr-defined]
            for binding in bindings:
                action = binding.action.removeprefix("app.").removeprefix("screen.")
                if (binding.action, binding.description) in hidden:
                    continue
                if not binding.description or binding.system or action in SIDEWAYS:
                    continue
                owner = _owner(cls, binding)
                textual_own = owner.__module__.startswith("textual.")
                if textual_own and not getattr(cls, "HELP_GROUP", None):  # containers' scrolling, the app's
                    continue
                generic = textual_own or any(_same(b, binding) for b in FILTER)
                group = GENERIC if generic and own != "Everywhere" else own
                key = _display(app, binding)
                if (key, action, binding.description) in listed:
                    continue
                listed.add((key, action, binding.description))
                keys, words = found.setdefault(group, {}).setdefault(action, ([], []))
                keys.append(key)
                if binding.description not in words:
                    words.append(binding.description)
    groups: dict[str, list[tuple[str, str]]] = {}
    for group, actions in found.items():
        by_keys: dict[str, list[str]] = {}  # one row per key: what it does here, in order
        for keys, words in actions.values():
            by_keys.setdefault(" / ".join(keys), []).extend(words)
        groups[group] = [(keys, ", else ".join(words)) for keys, words in by_keys.items()]
    return groups


def _display(app: object, binding: Binding) -> str:
    try:
        return app.get_key_display(binding)  # type: ignore[attr-defined]
    except Exception:  # an unusual key name: show it as written
        return binding.key


def help_text(groups: dict[str, list[tuple[str, str]]], looks: Looks) -> Text:
    names = [g for g in ORDER if g in groups] + [g for g in groups if g not in ORDER]
    out = Text(end="")
    out.append("Keys of the reader", style="bold")
    out.append("   (escape, q or ? closes this screen; ctrl+p opens the command palette)\n", style="dim")
    width = max((len(k) for rows in groups.values() for k, _ in rows), default=8) + 2
    for name in names:
        out.append(f"\n{name}\n", style="bold underline")
        for keys, description in groups[name]:
            out.append(f"  {keys:<{width}}", style=looks.mark("key"))
            out.append(f"{description}\n")
    out.append(
        "\nIn every list, / starts a filter: type, then enter keeps it and escape clears it.\n", style="dim"
    )
    out.append("Mouse: click a mention or a claim in the text to select it.\n", style="dim")
    out.append("\nIn the text: ", style="bold")
    out.append_text(legend(looks))
    out.append("\n")
    out.append("Forward in the jump list: alt+right (ctrl+i is the same key as tab in most terminals).\n",
               style="dim")  # fmt: skip
    return out


class HelpScreen(ScrollKeys, ModalScreen[None]):
    """Lists every key of the reader, grouped by where it works."""

    BINDINGS = [
        Binding("escape,q,question_mark", "dismiss", "Close help"),
        *SCROLL_KEYS,  # as in the text: a line, a page, the top and the end
    ]

    def __init__(self, reader: Screen[Any]) -> None:
        super().__init__()
        self._groups = collect_bindings(reader)
        self._text = Text()

    @property
    def text(self) -> Text:
        return self._text

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-body"):
            yield Static(id="help-text")
        yield Footer()

    def on_mount(self) -> None:  # the looks are known once the stylesheet has reached the screen
        self._text = help_text(self._groups, Looks(self))
        self.query_one("#help-text", Static).update(self._text)

    def scrolled(self) -> VerticalScroll:
        return self.query_one("#help-body", VerticalScroll)
