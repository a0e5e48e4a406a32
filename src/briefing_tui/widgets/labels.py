"""Small helpers that turn model values into what a person reads (pure: no textual)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefing_tui.model.dates import humanize, parse_edtf

if TYPE_CHECKING:
    from briefing_tui.model.types import Claim, EdtfDate


def human_date(date: EdtfDate) -> str:
    """An EDTF date as a person writes it: "July 2023", "25 Apr 2024", "29 Apr – 3 May 2024", "c. 2024"."""
    try:
        return humanize(parse_edtf(date.text))
    except Exception:  # a date the model cannot say: show what the file says
        return date.text


def date_marks(date: EdtfDate) -> str:
    """``~`` for approximate, ``?`` for uncertain (readable without colour)."""
    return ("~" if date.approximate else "") + ("?" if date.uncertain else "")


def rating_label(claim: Claim) -> tuple[str, str, str]:
    """``(glyph, label, rating value)`` of a claim's verdict; unrated claims get ``•``."""
    if claim.verdict is None:
        return "•", "no verdict", ""
    info = claim.verdict.info
    return info.glyph, info.label, claim.verdict.rating.value
