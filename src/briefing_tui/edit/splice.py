"""Changing a YAML text in place, at the places its nodes were read from.

Every function here takes the text and nodes composed from it by the hardened parser (character
offsets in ``start_mark.index``/``end_mark.index``) and returns ``Edit``s: ranges of the text to
replace. Nothing outside those ranges changes, so comments, blank lines, quoting, key order and
flow or block style of everything else stay as the person wrote them.

A key's *region* in a block mapping runs from the key to the end of the line where its value's
last character is; comment lines and blank lines after it belong to what follows and are kept.
The same holds for an item of a block list, from the line of its dash.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from briefing_tui.edit import render
from briefing_tui.model.safe_yaml import MappingNode, Node, ScalarNode, SequenceNode


@dataclass(frozen=True, slots=True, order=True)
class Edit:
    """Replace ``text[start:end]`` by ``new``; ``order`` keeps insertions at one place in sequence."""

    start: int
    end: int
    order: int
    new: str

    def shifted(self, by: int) -> Edit:
        return Edit(self.start + by, self.end + by, self.order, self.new)


class SpliceError(Exception):
    """The text is not in a shape this module can change safely (the caller reports it)."""


def apply(text: str, edits: Iterable[Edit]) -> str:
    """``text`` with every edit made; edits must not overlap."""
    out: list[str] = []
    at = 0
    for edit in sorted(edits):
        if edit.start < at:
            raise SpliceError("two changes overlap")
        out.append(text[at : edit.start])
        out.append(edit.new)
        at = edit.end
    out.append(text[at:])
    return "".join(out)


def line_start(text: str, index: int) -> int:
    return text.rfind("\n", 0, index) + 1


def line_end(text: str, index: int) -> int:
    """The start of the line after ``index`` (``index`` itself when it already starts a line)."""
    if index > 0 and text[index - 1] == "\n":
        return index
    found = text.find("\n", index)
    return len(text) if found < 0 else found + 1


def content_end(node: Node) -> int:
    """Where the last character of ``node``'s own text is (comments after it are not its own)."""
    if isinstance(node, ScalarNode):
        return int(node.end_mark.index)
    if getattr(node, "flow_style", False) or not node.value:
        return int(node.end_mark.index)
    if isinstance(node, MappingNode):
        return content_end(node.value[-1][1])
    return content_end(node.value[-1])


def _alone_on_line(text: str, index: int) -> bool:
    return not text[line_start(text, index) : index].strip(" ")


def _newline(text: str) -> str:
    return "\r\n" if "\r\n" in text[:4096] else "\n"


def _lines(text: str, new: str) -> str:
    return new.replace("\n", "\r\n") if _newline(text) == "\r\n" else new


def _region_end(text: str, node: Node) -> int:
    """The start of the line after ``node``'s last line of text. A block scalar (``|``, ``>``) is
    read to the blank lines that follow it: they are not its own, and stay where they are."""
    end = content_end(node)
    while end > 0 and text[end - 1] in " \t\r\n":
        end -= 1
    return line_end(text, end)


def _at_eof(text: str, end: int, new: str) -> str:
    """At the end of a text without a final line break, a change adds none."""
    if end == len(text) and not text.endswith("\n") and new.endswith("\n"):
        return new[:-1]
    return new


def _key_index(mapping: MappingNode, key: str) -> int | None:
    for i, (k, _) in enumerate(mapping.value):
        if isinstance(k, ScalarNode) and k.value == key:
            return i
    return None


def key_column(mapping: MappingNode) -> int:
    return int(mapping.value[0][0].start_mark.column) if mapping.value else int(mapping.start_mark.column)


# -- mappings ------------------------------------------------------------------------------------------


def set_key(
    text: str, mapping: MappingNode, key: str, value: Any, order: int = 0, follows: tuple[str, ...] = ()
) -> list[Edit]:
    """Give ``key`` the value ``value`` (plain data).

    A missing key is added after the last of the keys ``follows`` (the keys written before it in
    the format's order) that the mapping has, or at the end.
    """
    k = _key_index(mapping, key)
    if mapping.flow_style:
        flow = render.flow_value(value)
        if k is not None:
            node = mapping.value[k][1]
            return [Edit(node.start_mark.index, node.end_mark.index, order, flow)]
        if not mapping.value:
            close = mapping.end_mark.index - 1
            return [Edit(close, close, order, f"{key}: {flow}")]
        at = mapping.value[-1][1].end_mark.index
        return [Edit(at, at, order, f", {key}: {flow}")]
    indent = key_column(mapping)
    if k is None:
        if not mapping.value:
            raise SpliceError("an empty block mapping")
        before = [i for i in (_key_index(mapping, name) for name in follows) if i is not None]
        at = _region_end(text, mapping.value[max(before) if before else -1][1])
        prefix = "\n" if at == len(text) and not text.endswith("\n") else ""
        new = prefix + " " * indent + render.block_pair(key, value, indent)
        return [Edit(at, at, order, _lines(text, new))]
    key_node, node = mapping.value[k]
    folded = _folded(text, key, value, node)
    new = render.block_pair(key, value, indent) if folded is None else folded
    one_line = new.count("\n") == 1 and new.startswith(f"{key}: ")
    if (
        folded is None
        and one_line
        and isinstance(node, ScalarNode)
        and node.style not in ("|", ">")
        and node.start_mark.line == node.end_mark.line
        and node.end_mark.index > node.start_mark.index
    ):
        # Only the value: a comment after it on the line stays.
        return [Edit(node.start_mark.index, node.end_mark.index, order, new[len(key) + 2 : -1])]
    start = key_node.start_mark.index
    end = _region_end(text, node)
    return [Edit(start, end, order, _lines(text, _at_eof(text, end, new)))]


def _folded(text: str, key: str, value: Any, node: Node) -> str | None:
    """``key: value`` as a folded block (``>-``), when the value it replaces was written as one and
    the new one folds back exactly (one line of words one space apart): the person's style is kept,
    its lines as long as the old ones were (within 60 to 120 characters). Otherwise None."""
    if not (isinstance(node, ScalarNode) and node.style == ">" and isinstance(value, str)):
        return None
    if not value or value != value.strip(" ") or "  " in value or not value.isprintable():
        return None
    first = line_end(text, int(node.start_mark.index))
    block = text[first : _region_end(text, node)].splitlines()
    column = indent_of(block[0]) if block and block[0].strip() else 0
    if column <= key_column_of(text, node):
        return None
    width = max(60, min(120, max(len(line.rstrip()) for line in block)))
    lines: list[str] = []
    for word in value.split(" "):
        if lines and column + len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return f"{key}: >-\n" + "".join(" " * column + line + "\n" for line in lines)


def key_column_of(text: str, node: Node) -> int:
    """The column of the key whose value ``node`` is (the start of its line's text)."""
    return indent_of(text[line_start(text, int(node.start_mark.index)) : int(node.start_mark.index)])


def delete_key(text: str, mapping: MappingNode, key: str, order: int = 0) -> list[Edit]:
    """Remove ``key`` and its value (nothing when it is not there)."""
    k = _key_index(mapping, key)
    if k is None:
        return []
    key_node, node = mapping.value[k]
    pairs = mapping.value
    if mapping.flow_style:
        if k > 0:
            return [Edit(pairs[k - 1][1].end_mark.index, node.end_mark.index, order, "")]
        if len(pairs) > 1:
            return [Edit(key_node.start_mark.index, pairs[1][0].start_mark.index, order, "")]
        return [Edit(key_node.start_mark.index, node.end_mark.index, order, "")]
    if len(pairs) == 1:
        raise SpliceError("a block mapping would be left empty")
    if _alone_on_line(text, key_node.start_mark.index):
        return [Edit(line_start(text, key_node.start_mark.index), _region_end(text, node), order, "")]
    if k + 1 < len(pairs):  # the first key, after a dash: the next key moves up to its place
        return [Edit(key_node.start_mark.index, pairs[k + 1][0].start_mark.index, order, "")]
    raise SpliceError("a key shares its line")


# -- lists ---------------------------------------------------------------------------------------------


def _dash(text: str, item: Node) -> int:
    """The dash of a block list item."""
    i = item.start_mark.index - 1
    while i >= 0 and text[i] in " \t\r\n":
        i -= 1
    if i < 0 or text[i] != "-":
        raise SpliceError("a list item without its dash")
    return i


def item_region(text: str, seq: SequenceNode, j: int) -> tuple[int, int]:
    """Where item ``j`` of a block list is written, from the start of its dash's line."""
    item = seq.value[j]
    dash = _dash(text, item)
    start = line_start(text, dash) if _alone_on_line(text, dash) else dash
    return start, _region_end(text, item)


def delete_item(
    text: str, seq: SequenceNode, j: int, order: int = 0, apart: bool | None = None
) -> list[Edit]:
    """Remove item ``j``; when the list's items are ``apart`` (set apart by blank lines: by default,
    as the item is from the one before it), with the blank lines after it, so that the items and
    keys around it keep one blank line between them."""
    items = seq.value
    if seq.flow_style:
        if j > 0:
            return [Edit(items[j - 1].end_mark.index, items[j].end_mark.index, order, "")]
        if len(items) > 1:
            return [Edit(items[0].start_mark.index, items[1].start_mark.index, order, "")]
        return [Edit(items[0].start_mark.index, items[0].end_mark.index, order, "")]
    start, end = item_region(text, seq, j)
    if apart if apart is not None else start > 0 and blank_line_before(text, start):
        while end < len(text):
            after = text.find("\n", end)
            after = len(text) if after < 0 else after + 1
            if text[end:after].strip(" \r\n"):
                break
            end = after
    return [Edit(start, end, order, "")]


def blank_line_before(text: str, start: int) -> bool:
    return not text[line_start(text, start - 1) : start].strip(" \r\n")


def insert_item(
    text: str, seq: SequenceNode, j: int, value: Any, order: int = 0, apart: bool | None = None
) -> list[Edit]:
    """Put ``value`` before item ``j`` (``j == len`` appends), with a blank line between it and its
    neighbours when the list's items are ``apart`` (by default, as ``seq``'s are: ``set_apart``)."""
    items = seq.value
    if seq.flow_style:
        flow = render.flow_value(value)
        if not items:
            close = seq.end_mark.index - 1
            return [Edit(close, close, order, flow)]
        if j < len(items):
            at = items[j].start_mark.index
            return [Edit(at, at, order, f"{flow}, ")]
        at = items[-1].end_mark.index
        return [Edit(at, at, order, f", {flow}")]
    if not items:
        raise SpliceError("an empty block list")
    dash = _dash(text, items[min(j, len(items) - 1)])
    column = dash - line_start(text, dash)
    if j < len(items) and not _alone_on_line(text, dash):
        raise SpliceError("a list item shares its line")
    return _place(text, seq, j, _lines(text, " " * column + block_value_item(value, column)), order, apart)


def insert_lines(
    text: str, seq: SequenceNode, j: int, lines: str, order: int = 0, apart: bool | None = None
) -> list[Edit] | None:
    """Put an item's own ``lines`` (as ``item_region`` cut them from a list like ``seq``) before item
    ``j`` (``j == len`` appends); None when they cannot go there as they are (a flow list, or items
    whose dashes stand in another column)."""
    items = seq.value
    if seq.flow_style or not items:
        return None
    dash = _dash(text, items[min(j, len(items) - 1)])
    if not _alone_on_line(text, dash) or indent_of(lines) != dash - line_start(text, dash):
        return None
    if not lines.lstrip(" ").startswith("-") or not lines.endswith("\n"):
        return None
    return _place(text, seq, j, lines, order, apart)


def _place(text: str, seq: SequenceNode, j: int, lines: str, order: int, apart: bool | None) -> list[Edit]:
    """Put an item's ``lines`` (in the text's line endings) before item ``j`` of a block list, or after
    its last; a blank line between it and its neighbours when the items are ``apart`` (by default,
    as ``seq``'s are: ``set_apart``)."""
    items = seq.value
    blank = _lines(text, "\n") if (set_apart(text, seq) if apart is None else apart) else ""
    if j < len(items):
        at = item_region(text, seq, j)[0]
        return [Edit(at, at, order, lines + blank)]
    at = _region_end(text, items[-1])
    prefix = _lines(text, "\n") if at == len(text) and not text.endswith("\n") else ""
    return [Edit(at, at, order, prefix + blank + lines)]


def indent_of(text: str) -> int:
    """The spaces that begin ``text``."""
    return len(text) - len(text.lstrip(" "))


def set_apart(text: str, seq: SequenceNode) -> bool:
    """Whether the items of a block list are set apart by blank lines (as its second one is)."""
    return len(seq.value) > 1 and blank_line_before(text, item_region(text, seq, 1)[0])


def block_value_item(value: Any, column: int) -> str:
    if isinstance(value, dict) and value and not isinstance(value, render.yw._Flow):
        return render.block_item(value, column)
    return "- " + render.block_pair("k", value, column + 2)[3:]
