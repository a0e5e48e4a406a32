"""A fast emitter for the shapes the YAML writer makes, with PyYAML's own choice for every scalar.

PyYAML's pure-Python emitter walks an event for every node and analyses every scalar: 0.2 MB/s on a
large briefing. The writer's data has a few shapes only (mappings, lists, one-line flow mappings,
strings, numbers), so the layout is written here directly, as ``_Dumper`` lays it out (two spaces,
list items indented under their key, short lists of plain values on one line), and each distinct
scalar is rendered once by PyYAML itself (``yaml_writer._Dumper``) and cached: quoting, escapes and
block scalars stay PyYAML's, so the output reads back exactly as before.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import Any

FLOW_LIST_MAX = 12
"""Lists of at most this many plain values are written on one line, as ``_Dumper`` does."""


_PLAIN_ID = re.compile(r"[A-Za-z][A-Za-z0-9_-]*")
_RESERVED = frozenset(("yes", "no", "true", "false", "on", "off", "null"))
"""Words YAML 1.1 reads as booleans or null (PyYAML quotes them whatever their case)."""


def _literal(text: str) -> str:
    """A block-safe text (``yaml_writer._block_safe``) as PyYAML writes it: ``|-`` (``|`` with one final
    newline), each line indented by two spaces, blank lines left empty."""
    body = text[:-1] if text.endswith("\n") else text
    lines = body.split("\n")
    return ("|" if text.endswith("\n") else "|-") + "".join("\n  " + line if line else "\n" for line in lines)


def _indent(text: str, pad: str) -> str:
    """The continuation lines of a rendered scalar moved right by ``pad`` (blank lines left empty)."""
    first, _, rest = text.partition("\n")
    return first + "\n" + "\n".join(pad + line if line else line for line in rest.split("\n"))


class Emitter:
    """Writes ``data`` with the layout of ``dumper`` (a PyYAML ``dump`` of one value)."""

    def __init__(self, dump: Callable[[Any], str], flow_type: type, literal_type: type) -> None:
        self._dump = dump
        self._flow_type = flow_type
        self._literal_type = literal_type
        self.block_scalar = lru_cache(maxsize=1 << 16)(self._block_scalar)
        self.flow_scalar = lru_cache(maxsize=1 << 16)(self._flow_scalar)
        self.key = lru_cache(maxsize=1024)(self._key)

    # --- scalars, rendered by PyYAML once each --------------------------------------------------------

    def _block_scalar(self, value: Any, kind: str) -> str:
        """``value`` after a block mapping key at column 0 (continuation lines keep their indent)."""
        out = self._dump({"k": value})
        return out[3:-1] if out.endswith("\n") else out[3:]

    def _flow_scalar(self, value: Any, kind: str) -> str:
        """``value`` inside a flow collection (``[a, b]``, ``{k: v}``)."""
        out = self._dump([value]).rstrip("\n")
        return out[1:-1]

    def _key(self, key: Any) -> str | None:
        """A key written ``key:`` on its line; None when PyYAML needs more (``? ...`` for an odd key)."""
        out = self._dump({key: 0})
        return out[: -len(": 0\n")] if out.endswith(": 0\n") and out.count("\n") == 1 else None

    def scalar(self, value: Any, *, flow: bool) -> str:
        kind = type(value)  # True and 1 are equal: the cache keeps them apart by their type
        if kind is int:
            return str(value)  # what PyYAML writes for an int, without asking it (offsets are all distinct)
        if kind is str and _PLAIN_ID.fullmatch(value) and value.lower() not in _RESERVED:
            return value  # an id or a word that PyYAML leaves plain in every context
        if kind is self._literal_type:
            return _literal(value)
        name = kind.__name__
        return self.flow_scalar(value, name) if flow else self.block_scalar(value, name)

    # --- layout -----------------------------------------------------------------------------------

    @staticmethod
    def _plain(value: Any) -> bool:
        return value is None or isinstance(value, str | int | float | bool)

    def _flow(self, value: Any) -> str:
        if isinstance(value, dict):
            inner = ", ".join(f"{self.key(k)}: {self._flow(v)}" for k, v in value.items())
            return "{" + inner + "}"
        if isinstance(value, list):
            return "[" + ", ".join(self._flow(v) for v in value) + "]"
        return self.scalar(value, flow=True)

    def _is_flow_list(self, value: list[Any]) -> bool:
        return len(value) <= FLOW_LIST_MAX and all(self._plain(v) for v in value)

    def _value(self, value: Any, indent: int, out: list[str]) -> None:
        """Write ``value`` after ``key:`` (already in ``out``), its lines at ``indent``."""
        if isinstance(value, self._flow_type) or (isinstance(value, list) and self._is_flow_list(value)):
            out.append(" " + self._flow(value) + "\n")
        elif isinstance(value, dict):
            if not value:
                out.append(" {}\n")
                return
            out.append("\n")
            self.mapping(value, indent, out)
        elif isinstance(value, list):
            out.append("\n")
            self.sequence(value, indent, out)
        else:
            text = self.scalar(value, flow=False)
            out.append(" " + (_indent(text, " " * (indent - 2)) if "\n" in text else text) + "\n")

    def mapping(
        self, data: dict[Any, Any], indent: int, out: list[str], *, first_pad: str | None = None
    ) -> None:
        pad = " " * indent
        keys = [self.key(key) for key in data]
        if None in keys:  # a key that is not a simple scalar (from a foreign file's extra): PyYAML writes it
            lines = self._dump(data).split("\n")[:-1]
            out += [(first_pad if n == 0 and first_pad is not None else pad) + line + "\n" if line else "\n"
                    for n, line in enumerate(lines)]  # fmt: skip
            return
        for n, (key, value) in enumerate(zip(keys, data.values(), strict=True)):
            out.append((first_pad if n == 0 and first_pad is not None else pad) + str(key) + ":")
            self._value(value, indent + 2, out)

    def sequence(
        self, items: list[Any], indent: int, out: list[str], *, first_pad: str | None = None
    ) -> None:
        for n, item in enumerate(items):
            pad = first_pad if n == 0 and first_pad is not None else " " * indent
            if isinstance(item, self._flow_type) or (isinstance(item, list) and self._is_flow_list(item)):
                out.append(f"{pad}- {self._flow(item)}\n")
            elif isinstance(item, dict) and item:
                self.mapping(item, indent + 2, out, first_pad=pad + "- ")
            elif isinstance(item, list) and item:
                self.sequence(item, indent + 2, out, first_pad=pad + "- ")
            elif isinstance(item, dict | list):
                out.append(f"{pad}- {'{}' if isinstance(item, dict) else '[]'}\n")
            else:
                text = self.scalar(item, flow=False)
                out.append(f"{pad}- " + (_indent(text, " " * indent) if "\n" in text else text) + "\n")

    def document(self, data: dict[str, Any]) -> str:
        out: list[str] = []
        self.mapping(data, 0, out)
        return "".join(out)
