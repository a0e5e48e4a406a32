"""The help screen, generated from the bindings active on the reader (so new keys appear by themselves)."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.dom import DOMNode
from textual.screen import ModalScreen, Screen
from textual.widgets import Footer, Static

from briefing_tui.widgets.doc_header import legend
from briefing_tui.widgets.looks import Looks

GENERIC = "Lists"


def collect_bindings(screen: Screen[Any]) -> dict[str, list[tuple[str, str]]]:
    """Every binding with a description on ``screen``, its widgets and the app, grouped by owner.

    Groups are named by the owner's ``HELP_GROUP`` (the screen's is "Everywhere"); widgets without
    one are grouped as "Lists". Returns ``{group: [(keys, description), ...]}``.
    """
    app = screen.app
    nodes: list[DOMNode] = [screen, *screen.query("*"), app]
    groups: dict[str, list[tuple[str, str]]] = {}
    seen: set[tuple[str, str, str]] = set()
    for node in nodes:
        group = getattr(node, "HELP_GROUP", None) or ("Everywhere" if node is app else GENERIC)
        by_action: dict[str, tuple[list[str], str]] = {}
        for bindings in node._bindings.key_to_bindings.values():
            for binding in bindings:
                if not binding.description or binding.system:
                    continue
                key = _display(app, binding)
                entry = by_action.setdefault(binding.action, ([], binding.description))
                if key not in entry[0]:
                    entry[0].append(key)
        for keys, description in by_action.values():
            shown = " / ".join(keys)
            if (group, shown, description) in seen:
                continue
            seen.add((group, shown, description))
            groups.setdefault(group, []).append((shown, description))
    return groups


def _display(app: object, binding: Binding) -> str:
    try:
        return app.get_key_display(binding)  # type: ignore[attr-defined]
    except Exception:  # an unusual key name: show it as written
        return binding.key


def help_text(groups: dict[str, list[tuple[str, str]]], looks: Looks) -> Text:
    order = [
        "Everywhere",
        "Text pane",
        "Claim pane",
        "Entities pane",
        "Timeline pane",
        "Documents pane",
        GENERIC,
    ]
    names = [g for g in order if g in groups] + [g for g in groups if g not in order]
    out = Text(end="")
    out.append("Keys of the reader", style="bold")
    out.append("   (escape, q or ? closes this screen; ctrl+p opens the command palette)\n", style="dim")
    width = max((len(k) for rows in groups.values() for k, _ in rows), default=8) + 2
    for name in names:
        out.append(f"\n{name}\n", style="bold underline")
        for keys, description in groups[name]:
            out.append(f"  {keys:<{width}}", style=looks.mark("key"))
            out.append(f"{description}\n")
    if "Entities pane" in groups:
        out.append("\nIn the entities pane, letters typed filter the list; backspace erases.\n", style="dim")
    out.append("Mouse: click a mention or a claim in the text to select it.\n", style="dim")
    out.append("\nIn the text: ", style="bold")
    out.append_text(legend(looks))
    out.append("\n")
    out.append("Forward in the jump list: alt+right (ctrl+i is the same key as tab in most terminals).\n",
               style="dim")  # fmt: skip
    return out


class HelpScreen(ModalScreen[None]):
    """Lists every key of the reader, grouped by where it works."""

    BINDINGS = [
        Binding("escape,q,question_mark", "dismiss", "Close help"),
        Binding("j,down", "scroll(1)", show=False),
        Binding("k,up", "scroll(-1)", show=False),
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

    def action_scroll(self, step: int) -> None:
        self.query_one("#help-body", VerticalScroll).scroll_relative(y=step, animate=False)
