"""Shared fields for the Builder: ids, dates, ``unverified``, URLs, and references to sources and entities."""

from __future__ import annotations

from briefing_tui.model.dates import parse_edtf
from briefing_tui.model.fields import Fields, suggest
from briefing_tui.model.safe_yaml import Node, Problems, ScalarNode
from briefing_tui.model.types import EdtfDate, SourceRef, Stance

REF = frozenset(["source", "passage", "stance"])
EDTF_HINT = "write e.g. 2024-04-25, 2024-04, 2024~, 202X, 2024-04-29/2024-05-03 or 2024-04-24/.."
STANCE_VALUES = tuple(s.value for s in Stance)
STANCES = {s.value: s for s in Stance}
UNVERIFIED_ALL = "*"
"""``unverified: true`` (the whole annotation is unverified) is kept as ``["*"]``."""


class FieldReader:
    """The field and reference part of the Builder: needs ``f``, ``problems``, ``ids`` and ``refs``."""

    f: Fields
    problems: Problems
    ids: dict[str, tuple[str, tuple[int, int]]]
    refs: list[tuple[str, str, tuple[int, int]]]

    def declare(self, ident: str | None, node: Node | None, kind: str) -> None:
        if ident is None or node is None:
            return
        first = self.ids.get(ident)
        if first is not None:
            line, column = first[1]
            self.problems.error(
                node,
                f"duplicate id '{ident}' (first used at {line}:{column})",
                f"give this {kind} another id",
                "duplicate-id",
            )
            return
        self.ids[ident] = (kind, self.problems.at(node))

    def edtf(self, node: Node | None, what: str) -> EdtfDate | None:
        if node is None:
            return None
        value = self.f.text(node, what)
        if value is None:
            return None
        try:
            return parse_edtf(value)
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
        value = self.f.text(node, what)
        if value is not None and node is not None and not value.startswith(("https://", "http://")):
            self.problems.warning(
                node, f"{what} '{value[:60]}' is not an http(s) address", "write https://…", "bad-url"
            )
        return value

    def source_refs(self, node: Node | None, what: str) -> list[SourceRef]:
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

    def source_ref(self, node: Node, what: str) -> SourceRef | None:
        f = self.f
        line, column = self.problems.at(node)
        if isinstance(node, ScalarNode):
            ident = f.ident(node, f"a source of {what}")
            if ident is None:
                return None
            self.refs.append(("source", ident, (line, column)))
            return SourceRef(ident, line=line, column=column)
        fields = f.mapping(node, REF, f"a source of {what}", ("source",))
        if fields is None or "source" not in fields:
            return None
        ident = f.ident(fields["source"], f"a source of {what}")
        if ident is None:
            return None
        self.refs.append(("source", ident, self.problems.at(fields["source"])))
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
        out = []
        for ident, item in self.f.ids(node, f"{what} entities"):
            self.refs.append(("entity", ident, self.problems.at(item)))
            out.append(ident)
        return out

    def _check_references(self) -> None:
        known: dict[str, set[str]] = {"entity": set(), "source": set()}
        for ident, (kind, _) in self.ids.items():
            known.setdefault(kind, set()).add(ident)
        for kind, ident, at in self.refs:
            if ident in known[kind]:
                continue
            article = "an" if kind[0] in "aeiou" else "a"
            hint = (
                suggest(ident, frozenset(known[kind]))
                or f"add {article} {kind} with id {ident}, or correct the id"
            )
            self.problems.error(at, f"unknown {kind} '{ident}'", hint, "dangling-reference")
