"""Every look the widgets draw with has its rule in styles/looks.tcss, and a light one where it needs it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from briefing_tui.widgets.looks import ENTITY_CLASSES, MARK_CLASSES, RATING_CLASSES

SHEET = (Path(__file__).resolve().parents[2] / "styles" / "looks.tcss").read_text(encoding="utf-8")
RULES = dict(re.findall(r"^(App\.-light-mode \.[\w-]+|\.[\w-]+)\s*\{([^}]*)\}", SHEET, re.M))


@pytest.mark.parametrize("name", sorted(ENTITY_CLASSES | RATING_CLASSES | MARK_CLASSES))
def test_each_look_has_a_rule_and_a_light_one_for_its_colour(name: str) -> None:
    rule = RULES.get(f".{name}")
    assert rule is not None, f"no rule for .{name} in styles/looks.tcss"
    ink, page = " color:" in f" {rule}", "background:" in rule
    if ink != page:  # an ink on the theme's page, or a page under the theme's ink: the theme matters
        assert f"App.-light-mode .{name}" in RULES, f"no light-theme rule for .{name}"


def test_the_sheet_has_no_rule_for_a_look_nobody_draws_with() -> None:
    named = {key.rsplit(".", 1)[1] for key in RULES}
    assert named <= ENTITY_CLASSES | RATING_CLASSES | MARK_CLASSES
