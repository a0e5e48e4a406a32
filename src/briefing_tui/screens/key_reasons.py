"""Why one of the reader's keys cannot act now, said on the status line when it is pressed.

Textual runs no action whose ``check_action`` says it cannot (the footer draws its key dimmed, or
leaves it out) and says nothing: a key pressed in vain seemed broken. ``refused`` finds, for a key
that reached the screen, whether every binding of it between the focus and the app is refused, and
``reason`` says why and what to do instead.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from briefing_tui.screens.main import MainScreen

TO_A_CLAIM = "No claim here: go to a claim (]), then {key}"
TO_ANYTHING = "Nothing here to {what}: go to a claim (]), an entity, an event or a source, then {key}"
REASONS = {
    "next_claim": "This document has no claims",
    "back": "Nothing to go back to (ctrl+o goes back after a jump)",
    "forward": "Nothing to go forward to (alt+right goes forward after ctrl+o)",
    "mention": "No entity selected: choose one in the entities pane (3), then > or <",
    "errors": "Every file opened without errors: e shows them when one fails",
    "pane": "One document open: the documents pane (5) lists several",
    "open_url": "No address shown: s shows the current claim's source, then o opens its address",
    "search": "No search: / searches the text",
    "rate": TO_A_CLAIM,
    "attach_source": TO_A_CLAIM,
    "note": TO_ANYTHING.replace("{what}", "note"),
    "toggle_verified": TO_ANYTHING.replace("{what}", "mark verified"),
    "remove": TO_ANYTHING.replace("{what}", "remove"),
    "review_draft": "No draft shown: D goes to the next draft",
    "undo": "Nothing to undo",
    "redo": "Nothing to redo",
}


def reason(screen: MainScreen, shown: str, action: str, parameters: tuple[object, ...]) -> str:
    """What the status line says when the key ``shown`` (running ``action``) cannot act."""
    if action == "check":  # an editing key: ``check('rate')``
        action = str(parameters[0])
    if action == "go_source":
        cited = screen.state.cited_claim()
        if cited is None:
            return TO_A_CLAIM.format(key=shown)
        return f"Claim {cited[1].id} has no source"
    if action == "open_url" and (claim := screen.state.current_claim()) is not None and not claim.sources:
        return f"Claim {claim.id} has no source: no address to open"
    if action == "remove_verdict":
        claim = screen.state.current_claim()
        return TO_A_CLAIM.format(key=shown) if claim is None else f"Claim {claim.id} has no verdict to remove"
    return REASONS.get(action, f"{shown} does nothing here").format(key=shown)


def refused(screen: MainScreen, key: str) -> str | None:
    """What to say when no binding of ``key`` from the focus up can act, one of them being the
    reader's (a key no one binds, or one that acts, says nothing)."""
    app = screen.app
    said = None
    for namespace, bindings in screen._modal_binding_chain:
        for binding in bindings.key_to_bindings.get(key, ()):
            target, name, parameters = app._parse_action(binding.action, namespace)
            if target.check_action(name, parameters):
                return None
            if said is None and target is screen and binding.description:
                shown = key if len(key) == 1 else binding.key_display or key
                said = reason(screen, shown, name, parameters)
    return said


def say_why_not(screen: MainScreen, key: str) -> None:
    """A key that reached the reader's screen and cannot act says why on the status line."""
    if (said := refused(screen, key)) is not None:
        screen.status_line.say(said, 8.0, until_moved=True)
