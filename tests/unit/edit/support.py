"""Helpers for the saving tests: which lines of a file an edit may change, and checking the rest."""

from __future__ import annotations

import difflib
from pathlib import Path

from briefing_tui.edit import splice
from briefing_tui.edit.render import LIST_OF, doc_facets
from briefing_tui.model import load_document
from briefing_tui.model.safe_yaml import MappingNode, Problems, ScalarNode, SequenceNode, compose

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "edit"
SEED = Path(__file__).resolve().parents[3] / "seeds" / "niger-us-withdrawal.yaml"


def annotation_lines(text: str, keys: set[tuple[str, str]]) -> set[int]:
    """The 0-based lines where the annotations ``keys`` (kind, id) are written in ``text``."""
    root = compose(text, Problems("t"))
    assert isinstance(root, MappingNode)
    lines: set[int] = set()
    by_list = {v: k for k, v in LIST_OF.items()}
    for key, value in root.value:
        kind = by_list.get(key.value) if isinstance(key, ScalarNode) else None
        if kind is None or not isinstance(value, SequenceNode):
            continue
        for j, item in enumerate(value.value):
            ident = next((v.value for k, v in item.value if k.value == "id"), None)
            if (kind, ident) not in keys:
                continue
            if value.flow_style:
                start, end = item.start_mark.index, item.end_mark.index
            else:
                start, end = splice.item_region(text, value, j)
            first = text.count("\n", 0, start)
            last = text.count("\n", 0, max(start, end - 1))
            lines.update(range(first, last + 1))
    # A blank line next to an annotation goes with it or with its neighbour: a diff cannot tell.
    all_lines = text.splitlines()
    for line in list(lines):
        for near in (line - 1, line + 1):
            while 0 <= near < len(all_lines) and not all_lines[near].strip() and near not in lines:
                lines.add(near)
                near += 1 if near > line else -1
    return lines


def changed_lines(old: str, new: str) -> set[int]:
    """The 0-based lines of ``old`` that are not in ``new`` as they were (replaced or deleted)."""
    a, b = old.splitlines(keepends=True), new.splitlines(keepends=True)
    out: set[int] = set()
    for op, i1, i2, _, _ in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op in ("replace", "delete"):
            out.update(range(i1, i2))
    return out


def assert_only_touched(old: str, new: str, keys: set[tuple[str, str]]) -> None:
    """Every line of ``old`` that changed belongs to one of the annotations ``keys``."""
    stray = changed_lines(old, new) - annotation_lines(old, keys)
    lines = old.splitlines()
    assert not stray, [f"{i + 1}: {lines[i]}" for i in sorted(stray)]


def assert_reads_back(path: Path, doc: object) -> None:
    assert doc_facets(load_document(path)) == doc_facets(doc)
