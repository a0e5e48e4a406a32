"""A file's text with the annotations that changed written back into it, and nothing else touched.

``patch_text(text, base_ids, changes, doc_text)`` finds each changed annotation in the text and
rewrites only what changed: for an annotation that is still there, only the keys whose meaning
changed (``render.facets``), and within a list (mentions, sources…) only the item added or
removed; a new annotation is written after the one it follows in the session; a removed one
loses its lines.

Finding an annotation in a large file must not cost a parse of the whole file. The file is cut
at the lines the loader cuts it at (``model.pieces``: top-level keys at column 0, list items at
one indentation), and only the items that change are composed, by the hardened parser, each
checked to hold the id expected there. When the file is in another shape (or a check fails),
the whole text is composed once instead.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import MutableSequence, Sequence
from dataclasses import dataclass
from typing import Any

from briefing_tui.edit import render, splice
from briefing_tui.edit.render import LIST_OF, Annotation, Kind
from briefing_tui.edit.splice import Edit, SpliceError, indent_of
from briefing_tui.model.pieces import BLANK, LIST_HEAD, TOP_KEY, TOP_LINE, Whole, _compose
from briefing_tui.model.safe_yaml import MappingNode, Problems, ScalarNode, SequenceNode, compose


@dataclass(frozen=True, slots=True)
class Change:
    """One annotation as it was at the last save (``old``) and as the session has it (``new``).

    ``after`` is the id of the annotation of the same kind that ``new`` follows in the session
    (None: it comes first); it places a new annotation.
    """

    kind: Kind
    id: str
    old: Annotation | None
    new: Annotation | None
    after: str | None = None


@dataclass(slots=True)
class _Local:
    """A list as composed: the whole file's, or one item's piece (``offset`` places it in the file)."""

    text: str
    seq: SequenceNode
    index: int
    offset: int


class _Lists:
    """The annotation lists of a file, found by cutting it (cheap) or by composing it whole."""

    def __init__(self, text: str, base_ids: dict[Kind, Sequence[str]]) -> None:
        self.text = text
        self.base_ids = base_ids
        self.root: MappingNode | None = None
        self.cuts: dict[str, list[int]] = {}
        try:
            if "\r" in text:
                raise Whole
            self._cut()
        except Whole:
            self._compose_whole()

    def _cut(self) -> None:
        text = self.text
        starts = [0] if text[:1] not in ("", " ", "\r", "\n", "#") else []
        starts += [m.end() for m in TOP_LINE.finditer(text)]
        bounds = [*starts, len(text)]
        found: dict[str, list[int]] = {}
        for a, b in zip(bounds, bounds[1:], strict=False):
            match = TOP_KEY.match(text, a)
            if match is None:
                raise Whole
            name = match.group(1)
            if name not in LIST_OF.values():
                continue
            if name in found:
                raise Whole
            head = LIST_HEAD.match(text, a, b)
            if head is None:
                continue  # ``claims: []`` or a flow list: the count of items below tells
            blank = BLANK.match(text, head.end(), b)
            first = blank.end() if blank else head.end()
            indent = 0
            if first >= b:
                continue  # ``claims:`` with nothing under it
            while first + indent < b and text[first + indent] == " ":
                indent += 1
            if first + indent >= b or text[first + indent] != "-":
                raise Whole
            item = re.compile(r"\n(?= {%d}-(?:[ \t\r\n]|\Z))" % indent)  # noqa: UP031 - a pattern
            found[name] = [first, *(m.end() for m in item.finditer(text, first, b)), b]
        for kind, ids in self.base_ids.items():
            cuts = found.get(LIST_OF[kind])
            if len(ids) != (len(cuts) - 1 if cuts else 0):
                raise Whole
        self.cuts = found

    def _compose_whole(self) -> None:
        self.cuts = {}
        problems = Problems("file")
        root = compose(self.text, problems)
        if root is None or not isinstance(root, MappingNode):
            raise SpliceError("the file no longer reads as one YAML mapping")
        self.root = root
        for kind, ids in self.base_ids.items():
            seq = self.whole_list(kind)
            if len(ids) != (len(seq.value) if seq is not None else 0):
                raise SpliceError(f"the file's {LIST_OF[kind]} are not the ones loaded")

    def whole_list(self, kind: Kind) -> SequenceNode | None:
        assert self.root is not None
        for key, value in self.root.value:
            if isinstance(key, ScalarNode) and key.value == LIST_OF[kind]:
                return value if isinstance(value, SequenceNode) else None
        return None

    def apart(self, kind: Kind) -> bool:
        """Whether the items of the list of ``kind`` are set apart by blank lines."""
        if self.root is not None:
            seq = self.whole_list(kind)
            return seq is not None and splice.set_apart(self.text, seq)
        cuts = self.cuts.get(LIST_OF[kind], [])
        return len(cuts) > 2 and splice.blank_line_before(self.text, cuts[1])

    def item(self, kind: Kind, j: int) -> _Local:
        expected = self.base_ids[kind][j]
        if self.root is None:
            cuts = self.cuts[LIST_OF[kind]]
            a, b = cuts[j], cuts[j + 1]
            try:
                piece = _compose("k:\n" + self.text[a:b])
            except Whole:
                piece = None
            seq = piece.value[0][1] if piece is not None and len(piece.value) == 1 else None
            if isinstance(seq, SequenceNode) and len(seq.value) == 1 and _id_of(seq.value[0]) == expected:
                return _Local("k:\n" + self.text[a:b], seq, 0, a - 3)
            self._compose_whole()  # the cut was not the loader's: read the file whole
            return self.item(kind, j)
        seq = self.whole_list(kind)
        if seq is None or _id_of(seq.value[j]) != expected:
            raise SpliceError(f"the annotation '{expected}' is not where it was loaded")
        return _Local(self.text, seq, j, 0)


def _id_of(node: object) -> str | None:
    if isinstance(node, MappingNode):
        for key, value in node.value:
            if isinstance(key, ScalarNode) and key.value == "id" and isinstance(value, ScalarNode):
                return str(value.value)
    return None


def _shift(edits: list[Edit], by: int) -> list[Edit]:
    return [e.shifted(by) for e in edits]


def item_edits(text: str, node: MappingNode, old: Annotation, new: Annotation, doc_text: str) -> list[Edit]:
    """The edits that turn annotation ``old``, written at ``node``, into ``new``: changed keys only."""
    before, after = render.facets(old), render.facets(new)
    data = render.item_data(new, doc_text)
    edits: list[Edit] = []
    order = list(data)
    for key in [*data, *(k for k in before if k not in data)]:
        if before.get(key) == after.get(key):
            continue
        if key not in after:
            edits += splice.delete_key(text, node, key)
            continue
        value = _value(node, key)
        if key == "verdict" and isinstance(value, MappingNode) and not value.flow_style:
            old_v, new_v = render.verdict_facets(old.verdict), render.verdict_facets(new.verdict)  # type: ignore[union-attr]
            for name in [*data["verdict"], *(k for k in old_v if k not in data["verdict"])]:
                if old_v.get(name) == new_v.get(name):
                    continue
                if name in new_v:
                    names = list(data["verdict"])
                    follows = tuple(names[: names.index(name)])
                    edits += splice.set_key(text, value, name, data["verdict"][name], len(follows), follows)
                else:
                    edits += splice.delete_key(text, value, name)
            continue
        if isinstance(value, SequenceNode):
            listed = _list_edits(
                text, value, render.list_items(old, key), render.list_items(new, key), data[key]
            )
            if listed is not None:
                edits += listed
                continue
        at = order.index(key)
        edits += splice.set_key(text, node, key, data[key], at, follows=tuple(order[:at]))
    return edits


def _value(node: MappingNode, key: str) -> object:
    for k, v in node.value:
        if isinstance(k, ScalarNode) and k.value == key:
            return v
    return None


def _list_edits(
    text: str,
    seq: SequenceNode,
    old: tuple[object, ...] | None,
    new: tuple[object, ...] | None,
    data: list[object],
) -> list[Edit] | None:
    """One item removed or one appended: only that item's lines change (None: rewrite the list)."""
    if old is None or new is None or len(seq.value) != len(old):
        return None
    if len(new) == len(old) + 1 and new[:-1] == old:
        return splice.insert_item(text, seq, len(old), data[-1])
    if len(new) == len(old) - 1:
        for j in range(len(old)):
            if old[:j] + old[j + 1 :] == new:
                return splice.delete_item(text, seq, j)
    return None


Lines = dict[int, tuple[Any, str]]
"""Annotations' own lines in a file, by the annotation object (its ``id()``, the object kept with
them so that the number stays its own): what a save replaced or removed, for an undo that brings
the same object back to be written as it was."""


def patch_text(
    text: str,
    base_ids: dict[Kind, list[str]],
    changes: Sequence[Change],
    doc_text: str,
    kept: Lines | None = None,
    seen: Lines | None = None,
) -> str:
    """``text`` (the file as last saved, whose lists hold ``base_ids``) with ``changes`` written in.

    An annotation that is again the very object an earlier save replaced or removed (an undo) is
    written as the lines it had then, ``kept`` (its comments and style with it), when its list is
    indented as it was; ``seen`` receives the lines of each annotation these changes replace or
    remove.

    Raises:
        SpliceError: the text cannot be changed safely (the caller keeps the edits and says why).
    """
    if not changes:
        return text
    kept = kept or {}
    now: Lines = {} if seen is None else seen  # this save's, looked up first: removed and added back
    lists = _Lists(text, dict(base_ids))
    edits: list[Edit] = []
    order = 1000  # after any key added at the end of the annotation before
    positions = {kind: {ident: j for j, ident in enumerate(ids)} for kind, ids in base_ids.items()}
    empty: dict[Kind, list[Change]] = {}
    found: list[Edit] | None
    for change in changes:
        where = positions[change.kind]
        if change.old is not None:
            local = lists.item(change.kind, where[change.id])
            node = local.seq.value[local.index]
            region = None if local.seq.flow_style else splice.item_region(local.text, local.seq, local.index)
            if region is not None:  # its lines now, for an undo that brings this object back
                now[id(change.old)] = (change.old, local.text[region[0] : region[1]])
            was = _lines_of(change.new, now, kept)
            if change.new is None:
                found = splice.delete_item(local.text, local.seq, local.index, apart=lists.apart(change.kind))
            elif (
                region is not None
                and was is not None
                and indent_of(was) == indent_of(local.text[region[0] :])
            ):
                found = [Edit(region[0], region[1], order, was)]  # back as it was written
            else:
                if not isinstance(node, MappingNode):
                    raise SpliceError(f"the annotation '{change.id}' is not a mapping")
                found = item_edits(local.text, node, change.old, change.new, doc_text)
            edits += _shift(found, local.offset)
            continue
        assert change.new is not None
        if not where:
            empty.setdefault(change.kind, []).append(change)
            continue
        lines = _lines_of(change.new, now, kept)
        apart = lists.apart(change.kind)
        if change.after is not None and change.after in where:
            local = lists.item(change.kind, where[change.after])
            at = local.index + 1
        else:
            local = lists.item(change.kind, 0)
            at = local.index
        found = None if lines is None else splice.insert_lines(local.text, local.seq, at, lines, order, apart)
        if found is None:
            found = splice.insert_item(
                local.text, local.seq, at, render.item_data(change.new, doc_text), order, apart
            )
        order += 1
        edits += _shift(found, local.offset)
    if empty:
        if lists.root is None:
            lists._compose_whole()
        assert lists.root is not None
        for kind, added in empty.items():
            items = [render.item_data(c.new, doc_text) for c in added if c.new is not None]
            edits += splice.set_key(text, lists.root, LIST_OF[kind], items, order)
            order += 1
    return splice.apply(text, edits)


def _lines_of(obj: Annotation | None, *found: Lines) -> str | None:
    """The lines ``obj`` itself was written as, when a save saw it in the file (the first of ``found``
    that has them)."""
    for lines in found if obj is not None else ():
        was = lines.get(id(obj))
        if was is not None and was[0] is obj:
            return was[1]
    return None


def changes(
    lists: dict[str, MutableSequence[Any]],
    saved_ids: dict[Kind, list[str]],
    saved: dict[tuple[str, str], Any],
    unsaved: set[tuple[str, str]],
) -> list[Change]:
    """The ``unsaved`` annotations as the file must change, in the order of ``lists``.

    ``saved_ids`` are the ids in the file, ``saved`` the file's version of each annotation touched.
    An annotation whose place among the others changed (removed, then made again with the same id)
    is written as removed and added, so that the file keeps the session's order.
    """
    unsaved = set(unsaved)
    out: list[Change] = []
    for kind in render.KINDS:
        current = lists[kind]
        in_file = set(saved_ids[kind])
        here = {obj.id for obj in current}
        moved = _moved([i for i in saved_ids[kind] if i in here], [o.id for o in current if o.id in in_file])
        last_in_file: str | None = None
        for obj in current:
            key: tuple[str, str] = (kind, obj.id)
            if obj.id in moved:
                out.append(Change(kind, obj.id, saved.get(key, obj), None))
                out.append(Change(kind, obj.id, None, obj, last_in_file))
                unsaved.discard(key)
                continue
            if key in unsaved:
                out.append(Change(kind, obj.id, saved[key], obj, last_in_file))
                unsaved.discard(key)
            if obj.id in in_file:
                last_in_file = obj.id
        for key in sorted(k for k in unsaved if k[0] == kind):  # removed
            out.append(Change(kind, key[1], saved[key], None))
            unsaved.discard(key)
    return out


def _moved(in_file: list[str], here: list[str]) -> set[str]:
    """The ids whose order among the others is not the file's."""
    if in_file == here:
        return set()
    matcher = difflib.SequenceMatcher(None, in_file, here, autojunk=False)
    kept = {i for block in matcher.get_matching_blocks() for i in here[block.b : block.b + block.size]}
    return set(here) - kept
