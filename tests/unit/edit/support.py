"""Helpers for the saving tests: which lines of a file an edit may change, and checking the rest."""

from __future__ import annotations

from collections.abc import Set as AbstractSet
from pathlib import Path

from briefing_tui.edit import splice
from briefing_tui.edit.render import LIST_OF, doc_facets
from briefing_tui.model import load_document
from briefing_tui.model.safe_yaml import MappingNode, Problems, ScalarNode, SequenceNode, compose

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "edit"
SEED = Path(__file__).resolve().parents[3] / "seeds" / "niger-us-withdrawal.yaml"


def annotation_lines(text: str, keys: AbstractSet[tuple[str, str]]) -> set[int]:
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


def assert_only_touched(old: str, new: str, keys: AbstractSet[tuple[str, str]]) -> None:
    """Every line of ``old`` outside the annotations ``keys`` is in ``new``, unchanged and in order."""
    touched = annotation_lines(old, keys)
    wanted = [(i, line) for i, line in enumerate(old.splitlines(keepends=True)) if i not in touched]
    lines = iter(new.splitlines(keepends=True))
    for i, line in wanted:
        assert any(candidate == line for candidate in lines), f"line {i + 1} lost or changed: {line!r}"


def assert_reads_back(path: Path, doc: object) -> None:
    assert doc_facets(load_document(path)) == doc_facets(doc)
