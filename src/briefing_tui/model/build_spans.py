"""Reading spans for the Builder: the compact ``[start, end]`` form, selectors, and their anchoring."""

from __future__ import annotations

from collections.abc import MutableSequence

from briefing_tui.model.anchoring import Anchorer
from briefing_tui.model.fields import Fields
from briefing_tui.model.flow_pairs import FlowPairs
from briefing_tui.model.safe_yaml import Node, Problems, ScalarNode, SequenceNode
from briefing_tui.model.span_list import PositionSpans
from briefing_tui.model.types import AnchorStatus, PositionSpan, Selector, Span
from briefing_tui.words import plural

EXACT = AnchorStatus.EXACT
SPAN = frozenset(["quote", "exact", "prefix", "suffix", "start", "end"])


def text_locator(text_node: ScalarNode, source: str, text: str, line: int):  # noqa: ANN202
    """Map an offset of the text to where it is in the file (a literal block), or say the offset.

    ``line`` is the 1-based line of the text's node (its ``|``). What it needs of ``source`` is
    read at once, so that the file's text can be freed while the annotations are read.
    """
    if text_node.style != "|":
        return lambda offset: f"offset {offset}"
    first_line = line  # 0-based line of the first line of the block
    indent = _block_indent(source, first_line)

    def where(offset: int) -> str:
        line = text.count("\n", 0, offset)
        column = offset - (text.rfind("\n", 0, offset) + 1)
        return f"{first_line + line + 1}:{indent + column + 1}"

    return where


def _block_indent(source: str, first_line: int) -> int:
    """The indentation of the first line with content among the 200 from 0-based ``first_line``."""
    at = 0
    for _ in range(first_line):
        at = source.find("\n", at) + 1
        if at == 0:
            return 0
    for _ in range(200):
        end = source.find("\n", at)
        if end < 0:
            break
        raw = source[at:end]
        content = raw.lstrip(" ")
        if content.strip():
            return len(raw) - len(content)
        at = end + 1
    return 0


class SpanReader:
    """The span-reading part of the Builder: needs ``f``, ``problems``, ``anchorer``, ``text_length``
    and ``text_unread`` (the document's text missing or not text: spans are read, not anchored)."""

    f: Fields
    problems: Problems
    anchorer: Anchorer
    text_length: int
    text_unread: bool

    def _anchor(self, selector: Selector, node: Node) -> Span:
        notes = self.anchorer.notes
        before = len(notes)
        span = self.anchorer.anchor(selector)
        span.line, span.column = at = self.problems.at(node)
        for note in notes[before:]:
            self.problems.add(note.severity, at, note.message, note.hint, note.code)
        return span

    def selector(self, node: Node, what: str) -> Selector | None:
        """A span as written: ``[start, end]``, a quote, or a mapping (quote, prefix, suffix, start, end)."""
        f = self.f
        if isinstance(node, SequenceNode):
            items = node.value
            if len(items) != 2:
                message = f"{what}: a compact span is [start, end], found {plural(len(items), 'item')}"
                self.problems.error(node, message, "write [start, end]", "span-compact")
                return None
            start, end = f.integer(items[0], f"{what} start"), f.integer(items[1], f"{what} end")
            return None if start is None or end is None else Selector(start=start, end=end)
        if isinstance(node, ScalarNode):
            quote = f.text(node, what)
            return None if quote is None else Selector(exact=quote)
        fields = f.mapping(node, SPAN, what)
        if fields is None:
            return None
        if "quote" in fields and "exact" in fields:
            self.problems.error(
                node, f"{what} has both quote and exact", "quote is exact: keep one", "span-both"
            )
            return None
        exact_node = fields.get("quote") or fields.get("exact")
        exact = f.text(exact_node, f"{what} quote") if exact_node is not None else None
        start = f.integer(fields["start"], f"{what} start") if "start" in fields else None
        end = f.integer(fields["end"], f"{what} end") if "end" in fields else None
        if ("start" in fields and start is None) or ("end" in fields and end is None):
            return None
        if exact_node is not None and exact is None:
            return None
        return Selector(
            exact=exact,
            prefix=f.text(fields.get("prefix"), f"{what} prefix"),
            suffix=f.text(fields.get("suffix"), f"{what} suffix"),
            start=start,
            end=end,
        )

    def _compact(self, node: Node) -> Span | None:
        """The compact form ``[S, E]``, in plain decimal, within the text: exact, with nothing to report.

        Generated files write spans this way by the hundred thousand; this is what ``selector`` and
        ``Anchorer.anchor`` would make of it, without their cost. Anything else gives None.
        """
        at = _pair(node, self.text_length)
        if at is None:
            return None
        return PositionSpan(at[0], at[1], EXACT, None, *self.problems.at(node))

    def _positions(self, items: list[Node]) -> PositionSpans | None:
        """Mentions all in the compact form (see ``_compact``) as ``PositionSpans``, or None."""
        fields: list[int] = []  # start, end, line and column of each
        offset, length = self.problems.offset, self.text_length
        for node in items:
            at = _pair(node, length)
            if at is None:
                return None
            mark = node.start_mark
            fields += (*at, mark.line + 1 + offset, mark.column + 1)
        return PositionSpans.of(fields)

    def span(self, node: Node, what: str) -> Span | None:
        span = self._compact(node)
        if span is not None:
            return span
        sel = self.selector(node, what)
        return None if sel is None or self.text_unread else self._anchor(sel, node)

    def mentions(self, node: Node | None, what: str) -> MutableSequence[Span]:
        """The mentions, kept as positions (``PositionSpans``) while every one is written ``[S, E]``."""
        if type(node) is FlowPairs:  # a list of them on one line, read aside (``flow_pairs``)
            fields = node.fields(self.text_length, self.problems.at(node)[0])
            if fields is not None:
                return PositionSpans.of(fields)
            node = node.nodes()  # one past the text's end: read as written, which says so
        if type(node) is SequenceNode:
            compact = self._positions(node.value)
            if compact is not None:
                return compact
        positions = PositionSpans()
        out: MutableSequence[Span] = positions
        for item in self.f.sequence(node, f"{what} mentions"):
            if out is positions:
                span = self._compact(item)
                if span is not None:
                    positions.add(span.start, span.end, span.line, span.column)
                    continue
                out = list(positions)
            span = self.span(item, f"a mention of {what}")
            if span is not None:
                out.append(span)
        return out


def _pair(node: Node, length: int) -> tuple[int, int] | None:
    """``(start, end)`` of ``[start, end]`` written as two plain whole numbers of at most 15 digits
    (below the bound ``Fields.integer`` checks) with ``start <= end <= length``, else None."""
    if type(node) is not SequenceNode:
        return None
    pair = node.value
    if len(pair) != 2:
        return None
    a, b = pair
    if type(a) is not ScalarNode or type(b) is not ScalarNode or a.style or b.style:
        return None
    x, y = a.value, b.value
    if len(x) > 15 or len(y) > 15:  # (a long number would be slow to convert)
        return None
    try:
        start, end = int(x), int(y)
    except ValueError:
        return None
    # Written plainly (no sign, leading zero, underscore or other digits): the number written back
    # is what was written.
    if not 0 <= start <= end <= length or str(start) != x or str(end) != y:
        return None
    return start, end
