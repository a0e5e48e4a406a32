"""``delete`` and ``M``: what is removed is what the person points at.

In the claim pane, a source link highlighted: that source is detached from the claim (or event)
shown, as ``s``, ``o`` and ``y`` act on that link; in a focused list of claims, entities or events,
the row highlighted; elsewhere what the claim pane shows, with every reference to it. ``M`` removes
the mention of an entity or event that stands out in the text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefing_tui.edit import ops

if TYPE_CHECKING:
    from briefing_tui.screens.checking import Checking


def remove(checking: Checking, mention: bool) -> None:
    """Remove what the person points at (``mention``: the mention that stands out)."""
    focused = checking.reader.app.focused
    linked = getattr(focused, "highlighted_reference", None)
    if not mention and linked is not None and (reference := linked()) is not None:
        kind, ident, source_id = reference
        checking.edit(lambda doc: ops.detach_source(doc, kind, ident, source_id))  # type: ignore[arg-type]
        return
    listed = getattr(focused, "highlighted_annotation", None)
    target = checking.annotation(listed() if listed is not None and not mention else None)
    if target is None:
        return
    kind, ident, obj = target
    if not mention:
        checking.edit(lambda doc: ops.remove_annotation(doc, kind, ident))  # type: ignore[arg-type]
        return
    span, spans = checking.reader.state.span, [(m.start, m.end) for m in getattr(obj, "mentions", [])]
    if span is None or span not in spans:
        where = "is selected in the text: go to one with > or <, then M"  # a claim, a source: none
        checking.say(f"No mention of {kind} {ident} {where if hasattr(obj, 'mentions') else 'exists'}")
        return
    checking.edit(lambda doc: ops.remove_mention(doc, kind, ident, spans.index(span)))  # type: ignore[arg-type]
