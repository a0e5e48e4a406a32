"""A saved edit writes a bidi control as an escape, as the format's writer does: the file shows nothing
reordered in an editor or a pager, and reads back the same."""

from __future__ import annotations

import yaml

from briefing_tui.edit import render

TITLE = "T \u202eFPA\u202c A\x1b[31mB \u2066x\u2069"


def test_dump_and_flow_value_escape_bidi_controls_and_read_back() -> None:
    for written in (render.dump({"title": TITLE}), render.flow_value(TITLE)):
        assert not any(c in written for c in "\u202e\u202c\u2066\u2069\x1b"), written
        assert "\\u202E" in written
    assert yaml.safe_load(render.dump({"title": TITLE})) == {"title": TITLE}
    assert yaml.safe_load("k: " + render.flow_value(TITLE)) == {"k": TITLE}
