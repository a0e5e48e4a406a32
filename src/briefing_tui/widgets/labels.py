"""Small helpers that turn model values into what a person reads (pure: no textual)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text

from briefing_tui.words import plural

if TYPE_CHECKING:
    from briefing_tui.model.types import Claim, EdtfDate


def date_marks(date: EdtfDate) -> str:
    """``~`` for approximate, ``?`` for uncertain (readable without colour)."""
    return ("~" if date.approximate else "") + ("?" if date.uncertain else "")


UNRATED = "•"
"""The glyph of a claim with no verdict."""


def rating_label(claim: Claim) -> tuple[str, str, str]:
    """``(glyph, label, rating value)`` of a claim's verdict; unrated claims get ``•``."""
    if claim.verdict is None:
        return UNRATED, "no verdict", ""
    info = claim.verdict.info
    return info.glyph, info.label, claim.verdict.rating.value


def no_claim_shown(count: int) -> Text:
    """What the claim pane says while no claim is shown, of a document of ``count`` claims."""
    if not count:
        return Text("This document has no claims.", style="dim")
    return Text(f"{plural(count, 'claim')}. Press ] for the first one, [ for the last.", style="dim")
