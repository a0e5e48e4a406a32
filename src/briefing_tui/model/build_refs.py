"""Shared fields for the Builder: ids, dates, ``unverified``, URLs, references to sources and entities,
``draft`` and ``extra``."""

from __future__ import annotations

from array import array
from typing import Any

from briefing_tui.addresses import HIDDEN_CHARACTERS, hides_characters
from briefing_tui.model.dates import parse_edtf
from briefing_tui.model.fields import NULLS, Fields, describe, suggest
from briefing_tui.model.plain import plain_data
from briefing_tui.model.safe_yaml import MappingNode, Node, Problems, ScalarNode, SequenceNode
from briefing_tui.model.types import EdtfDate, SourceRef, Stance

REF = frozenset(["source", "passage", "stance"])
EDTF_HINT = "write e.g. 2024-04-25, 2024-04, 2024~, 202X, 2024-04-29/2024-05-03 or 2024-04-24/.."
STANCE_VALUES = tuple(s.value for s in Stance)
STANCES = {s.value: s for s in Stance}
KINDS = ("entity", "event", "claim", "source")
"""The kinds of annotation with an id, in the order of their codes (kept with each id, ``declare``)."""
CODES = {kind: code for code, kind in enumerate(KINDS)}
SOURCE = CODES["source"]
SUPPORTS = Stance.SUPPORTS
UNVERIFIED_ALL = "*"
"""``unverified: true`` (the whole annotation is unverified) is kept as ``["*"]``."""


class FieldReader:
    """The field and reference part of the Builder.

    Needs ``f``, ``problems``, ``ids``, ``refs``, ``ref_places`` and ``dates``.
    """

    f: Fields
    problems: Problems
    ids: dict[str, int]
    refs: list[str]
    ref_places: array[int]
    dates: dict[str, EdtfDate]

    def declare(self, ident: str | None, node: Node | None, kind: str) -> None:
        if ident is None or node is None:
            return
        self.declare_at(ident, *self.problems.at(node), kind)

    def declare_at(self, ident: str, line: int, column: int, kind: str) -> None:
        """The ``kind`` ``ident`` declared at ``line``:``column`` (an id declared twice is an error there)."""
        ids = self.ids
        first = ids.get(ident)
        if first is None:
            ids[ident] = (line << 34) | (column << 2) | CODES[kind]  # a large file declares 30,000
        else:
            first_line, first_column = _place(first)
            self.problems.error(
                (line, column),
                f"duplicate id '{ident}' (first used at {first_line}:{first_column})",
                f"give this {kind} another id",
                "duplicate-id",
            )

    def declare_all(self, declared: list[tuple[str, str, int, int]]) -> None:
        """Each of ``declared`` (id, kind, line, column), in turn, as ``declare_at`` declares it: all
        at once when none is declared already, nor twice among them (a large file's claims)."""
        packed = {ident: (line << 34) | (column << 2) | CODES[kind] for ident, kind, line, column in declared}
        if len(packed) == len(declared) and self.ids.keys().isdisjoint(packed):
            self.ids.update(packed)
            return
        for ident, kind, line, column in declared:
            self.declare_at(ident, line, column, kind)

    def refer(self, kind: str, ident: str, at: tuple[int, int]) -> None:
        """A reference to the ``kind`` ``ident``, written at ``at``: checked once every id is known.

        One to an id already declared with that kind is right whatever follows (an id is declared
        once), so only the others are kept until the end, as integers (``Builder.refs``).
        """
        declared = self.ids.get(ident)
        code = CODES[kind]
        if declared is None or declared & 3 != code:
            self.refs.append(ident)
            self.ref_places.extend((code, *at))

    def edtf(self, node: Node | None, what: str) -> EdtfDate | None:
        if node is None:
            return None
        value = self.f.text(node, what)
        if value is None:
            return None
        known = self.dates.get(value)
        if known is not None:
            return known
        try:
            date = self.dates[value] = parse_edtf(value)  # frozen: one for every annotation of that date
            return date
        except ValueError as exc:
            self.problems.error(node, f"{what}: bad EDTF date: {exc}", EDTF_HINT, "bad-date")
            return None

    def unverified(self, node: Node | None, what: str) -> list[str]:
        if node is None:
            return []
        if isinstance(node, ScalarNode) and not node.style:
            if node.value in ("true", "True", "TRUE"):
                return [UNVERIFIED_ALL]
            if node.value in ("false", "False", "FALSE"):
                return []
        return self.f.texts(node, f"{what} unverified")

    def url(self, node: Node | None, what: str) -> str | None:
        """An address; not http(s), or hiding characters (the reader's own warning), it is warned of."""
        value = self.f.text(node, what)
        if value is None or node is None:
            return value
        if not value.startswith(("https://", "http://")):
            self.problems.warning(
                node, f"{what} '{value[:60]}' is not an http(s) address", "write https://…", "bad-url"
            )
        if hides_characters(value):
            self.problems.warning(
                node, HIDDEN_CHARACTERS, "percent-encode them (ESC is %1B), or remove them", "url-hidden"
            )
        return value

    def source_refs(self, node: Node | None, what: str) -> list[SourceRef]:
        if node is None:
            return []
        if type(node) is SequenceNode:
            plain = self._plain_source_refs(node.value)
            if plain is not None:
                return plain
        out: list[SourceRef] = []
        cited: set[tuple[str, str | None, Stance]] = set()
        for item in self.f.sequence(node, f"{what} sources"):
            ref = self.source_ref(item, what)
            if ref is None:
                continue
            key = (ref.source, ref.passage, ref.stance)
            if key in cited:
                self.problems.warning(
                    item, f"source '{ref.source}' is cited twice by {what}", "remove the second citation",
                    "duplicate-citation",
                )  # fmt: skip
            cited.add(key)
            out.append(ref)
        return out

    def _plain_source_refs(self, items: list[Node]) -> list[SourceRef] | None:
        """Sources written as ids already known to be valid, each once: what ``source_refs`` makes of
        them, read at once (a generated file cites them by the ten thousand). Anything else: None."""
        valid = self.f.valid_ids
        offset = self.problems.offset
        out: list[SourceRef] = [None] * len(items)  # type: ignore[list-item]  # no room to spare
        line = 0
        for at, item in enumerate(items):
            ident = valid.get(item.value) if type(item) is ScalarNode else None
            if ident is None:
                return None
            mark = item.start_mark
            if mark.line + 1 + offset != line:  # an int kept once for the citations of one line
                line = mark.line + 1 + offset
            out[at] = SourceRef(ident, None, SUPPORTS, line, mark.column + 1)
        if len(out) > 1 and len({ref.source for ref in out}) < len(out):
            return None  # cited twice: said by ``source_refs``
        refs, places = self.refs, self.ref_places
        for ref in out:  # checked once every id is known, as ``refer`` keeps them
            refs.append(ref.source)
            places.extend((SOURCE, ref.line, ref.column))
        return out

    def source_ref(self, node: Node, what: str) -> SourceRef | None:
        f = self.f
        line, column = self.problems.at(node)
        if isinstance(node, ScalarNode):
            ident = f.ident(node, f"a source of {what}")
            if ident is None:
                return None
            self.refer("source", ident, (line, column))
            return SourceRef(ident, line=line, column=column)
        fields = f.mapping(node, REF, f"a source of {what}", ("source",))
        if fields is None or "source" not in fields:
            return None
        ident = f.ident(fields["source"], f"a source of {what}")
        if ident is None:
            return None
        self.refer("source", ident, self.problems.at(fields["source"]))
        stance = Stance.SUPPORTS
        if "stance" in fields:
            value = f.text(fields["stance"], "stance")
            if value is not None:
                try:
                    stance = STANCES[value]
                except KeyError:
                    hint = suggest(value, STANCE_VALUES) or f"one of {', '.join(STANCE_VALUES)}"
                    self.problems.error(
                        fields["stance"], f"unknown stance '{value[:40]}'", hint, "bad-stance"
                    )
        passage = f.text(fields.get("passage"), "passage")
        return SourceRef(ident, passage, stance, line=line, column=column)

    def entity_refs(self, node: Node | None, what: str) -> list[str]:
        if node is None:
            return []
        out = []
        for ident, item in self.f.ids(node, f"{what} entities"):
            self.refer("entity", ident, self.problems.at(item))
            out.append(ident)
        return out

    def _check_references(self) -> None:
        ids, places = self.ids, self.ref_places
        cited = set(zip(self.refs, places[0::3], strict=True))  # each id cited, with its kind, once
        if all((packed := ids.get(ident)) is not None and packed & 3 == code for ident, code in cited):
            return  # the usual file: every one declared
        known: dict[str, set[str]] = {"entity": set(), "source": set()}
        for ident, packed in self.ids.items():
            known.setdefault(KINDS[packed & 3], set()).add(ident)
        for at, ident in enumerate(self.refs):
            kind = KINDS[places[3 * at]]
            if ident in known[kind]:
                continue
            article = "an" if kind[0] in "aeiou" else "a"
            hint = (
                suggest(ident, frozenset(known[kind]))
                or f"add {article} {kind} with id {ident}, or correct the id"
            )
            where = (places[3 * at + 1], places[3 * at + 2])
            self.problems.error(where, f"unknown {kind} '{ident}'", hint, "dangling-reference")

    def draft(self, node: Node | None) -> bool:
        """``draft: true``: the annotation was drafted by a program and awaits review."""
        return node is not None and bool(self.f.boolean(node, "draft"))

    def extra(self, node: Node | None) -> dict[str, Any]:
        """The ``extra`` mapping: plain data kept by an import, with no equivalent in the format."""
        if node is None or (isinstance(node, ScalarNode) and not node.style and node.value in NULLS):
            return {}
        if not isinstance(node, MappingNode):
            self.problems.error(
                node, f"extra must be a mapping, found {describe(node)}", "write key: value pairs", "type"
            )
            return {}
        data = plain_data(node, self.problems)
        return data if isinstance(data, dict) else {}


def _place(packed: int) -> tuple[int, int]:
    return packed >> 34, (packed >> 2) & 0xFFFFFFFF
