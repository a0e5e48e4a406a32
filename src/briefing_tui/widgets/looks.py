"""The reader's colours and text styles, read from the stylesheets (``styles/looks.tcss``).

Each look is a CSS class styled in the stylesheet, read as Textual reads a widget's component classes
(``TextArea``, ``Log``): ``Looks(widget).entity("person")`` gives a Rich ``Style``. So a theme (or a
user's stylesheet) restyles it and no colour is written in Python. The classes are named by what
they show, the same in every widget, so one rule in the stylesheet serves them all.
"""

from __future__ import annotations

from typing import Any
from weakref import WeakKeyDictionary

from rich.style import Style
from textual.app import App
from textual.dom import DOMNode

from briefing_tui.model.types import Rating

ENTITY_TYPES = ("person", "organisation", "place", "date", "event")
ENTITY_CLASSES = frozenset(f"entity--{kind}" for kind in (*ENTITY_TYPES, "other"))
"""The style of an entity's mentions, by type (an attribute that reads without colour, and a colour)."""
RATING_CLASSES = frozenset(f"rating--{rating.value}" for rating in Rating) | {"rating--none"}
"""The colour of a verdict (its glyph in the gutter, its label in the claim pane)."""
MARK_CLASSES = frozenset(
    f"mark--{name}"
    for name in (
        "current",  # the current claim or mention in the text
        "selected",  # the mentions of the selected entity
        "lit-claim",  # the claims involving the selected entity
        "match",  # a search match
        "match-current",  # the current search match
        "muted",  # words that stay in the background (the pane bar's other panes)
        "heading",  # a group's heading in a list ("Person (3)", "In the text (5)")
        "warn",  # a doubt: unverified, approximate, orphan, a look-alike address
        "failed",  # the line saying files failed to load
        "error",  # an error's severity
        "date",  # an event's date
        "key",  # a key in the help
        "document",  # a document's name in search results
        "where",  # a line and column in search results
        "cursor",  # the highlighted row of a list drawn line by line
        "contradicts",  # a source that contradicts a claim ("[contradicts]" by its link)
        "context",  # a source that gives a claim context ("[context]")
    )
)
"""Marks laid over text."""


class Looks:
    """The looks, as the stylesheet and the app's theme give them now.

    Each look is worked out once per theme, when first asked, on a node of its class attached to the
    app (as Textual works out a widget's component classes), then kept: no widget carries the whole
    set, so none pays for it each time its own style changes (focus, hover), and the first frame
    reads only the looks it draws with.
    """

    def __init__(self, node: DOMNode) -> None:
        self._app = node.app

    def _style(self, name: str) -> Style:
        app = self._app
        cache = _CACHE.setdefault(app, {})
        key = (app.theme, name)
        style = cache.get(key)
        if style is None:
            node = DOMNode(classes=name)
            node._attach(app)  # the theme's classes (-light-mode...) are on the app: its rules apply
            app.stylesheet.apply(node, animate=False)
            style = cache[key] = node.styles.partial_rich_style
        return style

    def entity(self, kind: str) -> Style:
        return self._style(f"entity--{kind}" if kind in ENTITY_TYPES else "entity--other")

    def rating(self, rating: str) -> Style:
        """A verdict's colour; ``rating`` is a ``Rating`` value, or "" for a claim without verdict."""
        name = f"rating--{rating}"
        return self._style(name if name in RATING_CLASSES else "rating--none")

    def mark(self, name: str) -> Style:
        return self._style(f"mark--{name}")


_CACHE: WeakKeyDictionary[App[Any], dict[tuple[str, str], Style]] = WeakKeyDictionary()
