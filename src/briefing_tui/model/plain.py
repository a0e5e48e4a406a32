"""Plain data out of YAML nodes: the document's ``extra`` mapping (data an import kept).

Scalars are typed by a small fixed rule, never by YAML 1.1's: a quoted scalar is text; a plain
``true``/``false`` is a boolean, ``null``/``~``/nothing is None, a decimal integer (no leading
zero) is an int, a decimal number with a point (``2.5``, ``1.0e+20``, or ``.inf``/``.nan``) is a
float, and every other plain scalar is text (``yes``, ``on``, ``012``, ``1:20`` and ``1e3`` stay
text). Mapping keys are
text. Nesting and size are bounded; duplicate and merge keys are errors, as everywhere else.
"""

from __future__ import annotations

import re
from typing import Any

from briefing_tui.model.fields import FALSE, NULLS, TRUE, describe
from briefing_tui.model.safe_yaml import MappingNode, Node, Problems, ScalarNode, SequenceNode

__all__ = ["MAX_EXTRA_DEPTH", "MAX_EXTRA_ITEMS", "plain_data"]

MAX_EXTRA_DEPTH = 64
"""The deepest nesting of lists and mappings inside ``extra``."""
MAX_EXTRA_ITEMS = 1_000_000
"""The most scalars, lists and mappings ``extra`` may hold in all."""
INT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)")
FLOAT = re.compile(r"[-+]?[0-9]+\.[0-9]*(?:[eE][-+][0-9]+)?|\.[0-9]+(?:[eE][-+][0-9]+)?")
"""A point is needed, and a sign in the exponent: ``1e3`` is text. Every plain scalar read as a
number here is one YAML writers (PyYAML included) also read as one, so they quote such text."""
SPECIAL = {
    ".inf": float("inf"),
    ".Inf": float("inf"),
    ".INF": float("inf"),
    "+.inf": float("inf"),
    "-.inf": float("-inf"),
    "-.Inf": float("-inf"),
    "-.INF": float("-inf"),
    ".nan": float("nan"),
    ".NaN": float("nan"),
    ".NAN": float("nan"),
}


def _scalar(node: ScalarNode) -> Any:
    value = node.value
    if node.style:
        return value
    if value in NULLS:
        return None
    if value in TRUE:
        return True
    if value in FALSE:
        return False
    if len(value) <= 40 and INT.fullmatch(value):
        return int(value)
    if len(value) <= 40 and FLOAT.fullmatch(value):
        return float(value)
    return SPECIAL.get(value, value)


def plain_data(node: Node, problems: Problems, what: str = "extra") -> Any:
    """``node`` as plain Python data (str, int, float, bool, None, list, dict), or None after an error.

    Iterative, so that no nesting the YAML reader accepts can exhaust Python's stack.
    """
    count = 0
    root: list[Any] = [None]
    # (node, container, key or index, depth); a container is filled in place.
    stack: list[tuple[Node, Any, Any, int]] = [(node, root, 0, 0)]
    failed = False
    while stack:
        item, into, slot, depth = stack.pop()
        count += 1
        if count > MAX_EXTRA_ITEMS:
            problems.error(
                node, f"{what} holds more than {MAX_EXTRA_ITEMS:,} values", "keep less data", "extra-size"
            )
            return None
        if isinstance(item, ScalarNode):
            into[slot] = _scalar(item)
            continue
        if depth >= MAX_EXTRA_DEPTH:
            problems.error(
                item, f"{what} nests deeper than {MAX_EXTRA_DEPTH} levels", "flatten it", "extra-depth"
            )
            return None
        if isinstance(item, SequenceNode):
            values: list[Any] = [None] * len(item.value)
            into[slot] = values
            for index in range(len(item.value) - 1, -1, -1):
                stack.append((item.value[index], values, index, depth + 1))
            continue
        if not isinstance(item, MappingNode):  # pragma: no cover - the reader makes only these three
            failed = True
            continue
        mapping: dict[str, Any] = {}
        into[slot] = mapping
        firsts: dict[str, Node] = {}
        pending = []
        for key, value in item.value:
            if not isinstance(key, ScalarNode):
                problems.error(
                    key, f"a key in {what} must be text, found {describe(key)}", "use a plain key", "type"
                )
                failed = True
                continue
            name = key.value
            if name == "<<" and not key.style:
                problems.error(
                    key, "merge keys (<<) are not allowed", "write the keys out in full", "yaml-merge"
                )
                failed = True
                continue
            if name in firsts:
                line, column = problems.at(firsts[name])
                problems.error(
                    key,
                    f"duplicate key '{name[:40]}' in {what} (first at {line}:{column})",
                    "keep one of them",
                    "duplicate-key",
                )
                failed = True
                continue
            firsts[name] = key
            mapping[name] = None
            pending.append((value, mapping, name, depth + 1))
        stack.extend(reversed(pending))
    return None if failed else root[0]
