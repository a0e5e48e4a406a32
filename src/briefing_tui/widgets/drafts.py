"""Drafted annotations (``draft: true``, written by ``briefing annotate``) shown apart: dimmed, and
labelled "draft". The look is the stylesheet's ``annotation--draft`` component class."""

from __future__ import annotations

from rich.style import Style
from rich.text import Text

DRAFT_LABEL = "draft"
DRAFT_NOTE = "draft: drafted by briefing annotate, not yet reviewed\n"


DRAFT_CLASS = "annotation--draft"


class DraftMarks:
    """Mixin for a widget that lists or shows annotations: the style of the drafted ones.

    The widget declares ``COMPONENT_CLASSES = {DRAFT_CLASS}`` itself: Textual collects component
    classes from the widget classes of its bases, not from a mixin.
    """

    def draft_style(self) -> Style:
        return self.get_component_rich_style(DRAFT_CLASS, partial=True)  # type: ignore[attr-defined,no-any-return]

    def mark_draft(self, text: Text, label: bool = True) -> Text:
        """``text`` dimmed in the draft style, with " draft" after it (``label``)."""
        style = self.draft_style()
        text.stylize(style)
        if label:
            text.append(f" {DRAFT_LABEL}", style=style + Style(italic=True))
        return text
