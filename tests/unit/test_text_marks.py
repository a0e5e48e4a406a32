"""The claims marked in the text pane's gutter (``widgets/text_lines``): the claims themselves, no
object made for each, their verdicts read as they are drawn."""

from __future__ import annotations

from rich.style import Style

from briefing_tui.files import load_paths
from briefing_tui.model.types import Rating, Verdict
from briefing_tui.resources import seeds_dir
from briefing_tui.widgets.labels import UNRATED, rating_label
from briefing_tui.widgets.text_lines import claim_marks, gutter_segments


def _look(kind: str, name: str) -> Style:
    return Style()


def test_the_marks_are_the_claims_with_a_place_in_the_text() -> None:
    doc = load_paths([seeds_dir()]).documents[0]
    marks = claim_marks(doc.claims)
    anchored = [claim for claim in doc.claims if claim.span.anchored]
    assert len(marks) == len(anchored) == 15
    assert all(mark is claim for (_s, _e, mark), claim in zip(marks, anchored, strict=True))
    assert [(s, e) for s, e, _ in marks] == [(c.span.start, c.span.end) for c in anchored]


def test_a_mark_shows_the_verdict_its_claim_has_when_drawn() -> None:
    claim = load_paths([seeds_dir()]).documents[0].claims[0]
    start, end = claim.span.start, claim.span.end
    claim.verdict = Verdict(Rating.FALSE)
    glyph, _label, rating = rating_label(claim)
    assert (rating, glyph) == ("false", "✘")
    assert gutter_segments([(start, end, claim)], None, start, end, Style(), _look)[0].text == "✘"
    claim.verdict = None
    glyph, _label, rating = rating_label(claim)
    assert (rating, glyph) == ("", UNRATED)
    assert gutter_segments([(start, end, claim)], None, start, end, Style(), _look)[0].text == UNRATED
