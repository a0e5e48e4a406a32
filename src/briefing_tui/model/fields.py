"""Reading typed values out of YAML nodes, the format's way: every scalar is read by its expected type.

A plain ``NO`` where text is expected is the text "NO"; where a number is expected, ``012``,
``1:20``, ``1e3``, ``0x1F``, ``true`` and a quoted ``"12"`` are all errors, each with its message.
"""

from __future__ import annotations

import difflib
import re

from briefing_tui.model.safe_yaml import MappingNode, Node, Problems, ScalarNode, SequenceNode

NULLS = frozenset(("", "~", "null", "Null", "NULL"))
BOOLEANS_11 = frozenset(
    s for w in ("y", "yes", "n", "no", "true", "false", "on", "off") for s in (w, w.capitalize(), w.upper())
)
TRUE = frozenset(("true", "True", "TRUE"))
FALSE = frozenset(("false", "False", "FALSE"))
MAX_INT = 2**53
ID_RE = re.compile(r"[A-Za-z0-9_.:-]+")


def describe(node: Node) -> str:
    """What a node is, for messages: a list, a mapping, the quoted text, or nothing (null)."""
    if isinstance(node, SequenceNode):
        return "a list"
    if isinstance(node, MappingNode) or not isinstance(node, ScalarNode):
        return "a mapping"
    value = node.value
    if not node.style and value in NULLS:
        return "nothing (null)"
    short = value if len(value) <= 40 else value[:39] + "…"
    return f'"{short}"' if node.style else repr(short)


def suggest(word: str, choices: list[str] | tuple[str, ...] | frozenset[str]) -> str:
    close = difflib.get_close_matches(word, sorted(choices), n=1, cutoff=0.6)
    if not close and len(word) >= 3:
        close = [c for c in sorted(choices) if c.startswith(word)][:1]
    return f"did you mean '{close[0]}'?" if close else ""


SHARED = 24
"""Text values this short are shared between the places that write them (see ``Fields``)."""


class Fields:
    """Typed readers that report into one ``Problems``."""

    def __init__(self, problems: Problems) -> None:
        self.problems = problems
        # Short values repeat by the thousand in a large file (ids cited, "generated", days): each
        # is kept once for the whole document rather than once per place it is written.
        self._shared: dict[str, str] = {}
        self.valid_ids: dict[str, str] = {}
        """Short values found to be valid ids (never a null word), each to its shared string: an id
        cited again is read with one look-up (``ident``, ``build_refs``' quick sources)."""

    def mapping(
        self, node: Node, known: frozenset[str], what: str, required: tuple[str, ...] = ()
    ) -> dict[str, Node] | None:
        """The values of a mapping by key; duplicate, merge and unknown keys and missing ones reported."""
        if type(node) is MappingNode:  # the usual one first: known keys, each once, nothing to report
            out: dict[str, Node] = {}
            for key, value in node.value:
                if type(key) is not ScalarNode:
                    break
                name = key.value
                if name not in known or name in out:  # ("<<" is never a known key)
                    break
                out[name] = value
            else:
                for name in required:
                    if name not in out:
                        break
                else:
                    return out
        return self._mapping(node, known, what, required)

    def _mapping(
        self, node: Node, known: frozenset[str], what: str, required: tuple[str, ...]
    ) -> dict[str, Node] | None:
        """``mapping`` read key by key, every problem reported."""
        p = self.problems
        if not isinstance(node, MappingNode):
            p.error(
                node, f"{what} must be a mapping, found {describe(node)}", "write key: value pairs", "type"
            )
            return None
        out: dict[str, Node] = {}
        firsts: dict[str, Node] = {}
        for key, value in node.value:
            if not isinstance(key, ScalarNode):
                p.error(
                    key, f"a key of {what} must be text, found {describe(key)}", "use a plain key", "type"
                )
                continue
            name = key.value
            if name == "<<" and not key.style:
                p.error(key, "merge keys (<<) are not allowed", "write the keys out in full", "yaml-merge")
                continue
            if name in firsts:
                line, column = p.at(firsts[name])
                p.error(
                    key,
                    f"duplicate key '{name}' in {what} (first at {line}:{column})",
                    "keep one of them",
                    "duplicate-key",
                )
                continue
            firsts[name] = key
            if name not in known:
                hint = suggest(name, known) or f"known keys: {', '.join(sorted(known))}"
                p.warning(key, f"unknown key '{name}' in {what} (ignored)", hint, "unknown-key")
                continue
            out[name] = value
        for name in required:
            if name not in out and name not in firsts:
                p.error(node, f"{what} has no '{name}'", f"add {name}:", "missing-key")
        return out

    def text(self, node: Node | None, what: str, *, empty_ok: bool = True) -> str | None:
        if node is None:
            return None
        if not isinstance(node, ScalarNode) or (not node.style and node.value in NULLS):
            self.problems.error(
                node, f"{what} must be text, found {describe(node)}", "write a string", "type"
            )
            return None
        value: str = node.value
        if not empty_ok and not value.strip():
            self.problems.error(node, f"{what} is empty", "write a value", "empty")
            return None
        if len(value) > SHARED:
            return value
        return self._shared.setdefault(value, value)

    def shared(self, value: str) -> str:
        """``value``, text read already, kept as ``text`` keeps it (short values once)."""
        return value if len(value) > SHARED else self._shared.setdefault(value, value)

    def known_id(self, value: str) -> str:
        """``value``, found to be a valid id already (never a null word), kept as ``ident`` keeps it."""
        known = self.valid_ids.get(value)
        if known is not None:
            return known
        value = self.shared(value)
        if len(value) <= SHARED:
            self.valid_ids[value] = value
        return value

    def integer(self, node: Node, what: str) -> int | None:
        """A whole number ≥ 0, written plainly: never a boolean, octal, sexagesimal or quoted number."""
        if isinstance(node, ScalarNode) and not node.style:
            value = node.value
            if value.isascii() and value.isdigit() and (value[0] != "0" or len(value) == 1):
                if len(value) > 16 or int(value) > MAX_INT:
                    self.problems.error(
                        node, f"{what} is too big ({value[:20]}…)", "use a real offset", "number"
                    )
                    return None
                return int(value)
            if value in BOOLEANS_11:
                message = f"{what} must be a number; {value} is a boolean, not a number"
                self.problems.error(node, message, "write a whole number", "number")
                return None
            if value.isascii() and value.isdigit():
                message = f"{what} must be a number; '{value}' has a leading zero"
                self.problems.error(node, message, f"write {value.lstrip('0') or '0'}", "number")
                return None
            if value.startswith("-") and value[1:].isascii() and value[1:].isdigit():
                message = f"{what} must be a whole number ≥ 0, found {value}"
                self.problems.error(node, message, "offsets count from 0", "number")
                return None
        message = f"{what} must be a whole number, found {describe(node)}"
        hint = (
            "write the number without quotes" if isinstance(node, ScalarNode) and node.style else "e.g. 120"
        )
        self.problems.error(node, message, hint, "number")
        return None

    def boolean(self, node: Node, what: str) -> bool | None:
        if isinstance(node, ScalarNode) and not node.style:
            if node.value in TRUE:
                return True
            if node.value in FALSE:
                return False
        self.problems.error(
            node, f"{what} must be true or false, found {describe(node)}", "write true", "type"
        )
        return None

    def sequence(self, node: Node | None, what: str) -> list[Node]:
        if node is None:
            return []
        if isinstance(node, SequenceNode):
            return node.value
        if isinstance(node, ScalarNode) and not node.style and node.value in NULLS:
            return []
        self.problems.error(
            node, f"{what} must be a list, found {describe(node)}", "write [a, b] or - a", "type"
        )
        return []

    def texts(self, node: Node | None, what: str) -> list[str]:
        out = []
        for item in self.sequence(node, what):
            value = self.text(item, f"an item of {what}")
            if value is not None:
                out.append(value)
        return out

    def ident(self, node: Node | None, what: str) -> str | None:
        if type(node) is ScalarNode:
            known = self.valid_ids.get(node.value)
            if known is not None:  # cited again: already checked
                return known
        value = self.text(node, what)
        if value is None or node is None:
            return None
        if not ID_RE.fullmatch(value):
            self.problems.error(
                node,
                f"{what} '{value[:40]}' is not a valid id",
                "use letters, digits and - _ . : only",
                "bad-id",
            )
            return None
        if len(value) <= SHARED and value not in NULLS:  # a null word is an id only when quoted
            self.valid_ids[value] = value
        return value

    def ids(self, node: Node | None, what: str) -> list[tuple[str, Node]]:
        out = []
        for item in self.sequence(node, what):
            value = self.ident(item, f"an item of {what}")
            if value is not None:
                out.append((value, item))
        return out
