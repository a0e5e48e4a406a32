"""Reading YAML without trusting it: bytes in, a tree of nodes with their positions out.

Nothing here turns YAML into Python values by YAML's own rules: the loader reads every scalar
itself, typed by the format, so that YAML 1.1 surprises (``NO`` as false, ``012`` as octal,
``1:20`` as a number in base 60) cannot happen. What is refused here: files that are not regular
files or are too big, bytes that are not UTF-8, tags, anchors and aliases, more than one
document, and nesting deeper than libyaml's bound.
"""

from __future__ import annotations

import gc
import operator
import re
from collections.abc import Iterator

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from briefing_tui.model.file_bytes import MAX_BYTES, read_file
from briefing_tui.model.types import Problem, Severity

__all__ = ["MAX_BYTES", "MAX_DEPTH", "IMPLICIT", "Problems", "compose", "read_file"]

MAX_DEPTH = 1000
"""The deepest nesting of collections (libyaml refuses more)."""
IMPLICIT = object()
"""The tag of every node written without a tag: no string a file can hold is this object."""
BOM = b"\xef\xbb\xbf"
RARE_BREAKS = ("\x85", "\u2028", "\u2029")
"""Line breaks for libyaml besides LF and CR: it counts lines by them too."""


class Problems:
    """The problems of one file, in the order found."""

    def __init__(self, label: str) -> None:
        self.label = label
        self.items: list[Problem] = []
        self.offset = 0
        """Lines before the piece of the file whose nodes are being read (see ``chunks``)."""

    def at(self, node: Node) -> tuple[int, int]:
        """Where ``node`` is in the file: 1-based line and column."""
        mark = node.start_mark
        return mark.line + 1 + self.offset, mark.column + 1

    def add(
        self,
        severity: Severity,
        at: Node | tuple[int, int] | None,
        message: str,
        hint: str = "",
        code: str = "",
    ) -> None:
        if isinstance(at, Node):
            line, column = self.at(at)
        elif at is None:
            line, column = 1, 1
        else:
            line, column = at
        self.items.append(Problem(self.label, line, column, severity, message, hint, code))

    def error(self, at: Node | tuple[int, int] | None, message: str, hint: str = "", code: str = "") -> None:
        self.add(Severity.ERROR, at, message, hint, code)

    def warning(
        self, at: Node | tuple[int, int] | None, message: str, hint: str = "", code: str = ""
    ) -> None:
        self.add(Severity.WARNING, at, message, hint, code)

    @property
    def has_errors(self) -> bool:
        return any(p.severity is Severity.ERROR for p in self.items)

    def sorted(self) -> list[Problem]:
        return sorted(self.items, key=lambda p: (p.line, p.column))


def decode(data: bytes, problems: Problems) -> str | None:
    """Strict UTF-8. A UTF-8 byte order mark is dropped (offsets count from after it)."""
    if data.startswith(BOM):
        data = data[len(BOM) :]
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        problems.error(None, "the file is UTF-16; briefings are UTF-8", "save it as UTF-8", "encoding")
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        line = before.count(b"\n") + 1
        column = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
        problems.error(
            (line, column),
            f"invalid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start})",
            "save the file as UTF-8",
            "encoding",
        )
        return None


def _has_c_loader() -> bool:
    try:
        from yaml._yaml import get_version
    except ImportError:
        return False
    return bool(get_version() >= (0, 2, 5))  # 0.2.5 bounds nesting; older libyaml would recurse without end


class _NoResolver:
    """No resolver: every node keeps the IMPLICIT tag, and scalars are read by the loader.

    The composer calls ``descend_resolver(parent, index)`` and ``ascend_resolver()`` around every
    node, for nothing here: they are functions written in C that do nothing with their arguments
    (``operator.is_`` compares two objects, ``tuple()`` is the empty tuple), because a Python method
    called twice per node costs a tenth of composing a large file (measured: 65 ms of 600).
    """

    def resolve(self, kind: type, value: object, implicit: object) -> object:
        return IMPLICIT

    descend_resolver = operator.is_
    ascend_resolver = tuple


if _has_c_loader():
    from yaml._yaml import CParser

    class _Parser(_NoResolver, CParser):  # type: ignore[misc]
        """libyaml's parser and composer."""

else:  # pragma: no cover - exercised only where PyYAML was built without libyaml
    from yaml.composer import Composer
    from yaml.parser import Parser
    from yaml.reader import Reader
    from yaml.scanner import Scanner

    class _Parser(_NoResolver, Reader, Scanner, Parser, Composer):  # type: ignore[no-redef]
        def __init__(self, stream: str) -> None:
            Reader.__init__(self, stream)
            Scanner.__init__(self)
            Parser.__init__(self)
            Composer.__init__(self)


_BREAKS = "\r\n\x85\u2028\u2029"
_LINES = re.compile(r"[^\r\n\x85\u2028\u2029]*(?:\r\n|[\r\n\x85\u2028\u2029])|[^\r\n\x85\u2028\u2029]+\Z")
"""A line as YAML counts them (its break included; a final break ends the last line, it starts none)."""


def _mark_of(exc: yaml.YAMLError, source: str) -> tuple[int, int]:
    """Where ``exc`` lies in ``source``, as (line, column) from 1.

    A construct left open (a quote, a flow list or mapping) is found out at the end of the stream,
    which PyYAML marks on the line after the file's last newline: a line that does not exist. It is
    placed where the construct starts (its ``context_mark``: "while scanning a quoted scalar" at the
    opening quote), else at the end of the last line."""
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    if mark is not None and mark.line >= (count := len(_LINES.findall(source))):  # past the end
        mark = getattr(exc, "context_mark", None)
        if mark is None or mark.line >= count:
            lines = _LINES.findall(source.rstrip(_BREAKS)) or [""]
            return len(lines), len(lines[-1].rstrip(_BREAKS)) + 1
    if mark is not None:
        return mark.line + 1, mark.column + 1
    position = getattr(exc, "position", None)  # a ReaderError: an offset in the UTF-8 bytes
    if isinstance(position, int):
        before = source.encode("utf-8", "surrogatepass")[:position].decode("utf-8", "replace")
        return before.count("\n") + 1, len(before) - before.rfind("\n")
    return 1, 1


def _describe(exc: yaml.YAMLError) -> str:
    if isinstance(exc, yaml.MarkedYAMLError):
        parts = [p for p in (exc.context, exc.problem) if p]
        text = ": ".join(parts) if parts else "invalid YAML"
    elif isinstance(exc, yaml.reader.ReaderError):
        text = f"character {exc.character!r} is not allowed in YAML"
        if exc.character is None or isinstance(exc.character, int):
            text = f"{exc.reason} in YAML"
    else:
        text = str(exc).splitlines()[0] if str(exc) else "invalid YAML"
    if "maximum nesting depth" in text:
        return f"the file nests deeper than {MAX_DEPTH} levels"
    return f"invalid YAML: {text}"


def _syntax_hint(message: str, source: str, line: int) -> str:
    if "nests deeper" in message:
        return "flatten the structure"
    lines = source.split("\n", line)
    if 1 <= line <= len(lines) and "\t" in lines[line - 1]:
        return "YAML indents with spaces, never tabs"
    return "fix the YAML syntax at this place"


def _check_anchors(source: str, problems: Problems) -> None:
    """Anchors (``&a``) and aliases (``*a``) are refused: they let a small file expand hugely."""
    if "&" not in source and "*" not in source:
        return
    for event in yaml.parse(source, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
        anchor = getattr(event, "anchor", None)
        mark = event.start_mark
        if anchor is None or mark is None:
            continue
        at = (mark.line + 1, mark.column + 1)
        if isinstance(event, yaml.AliasEvent):
            problems.error(
                at, f"aliases are not allowed (*{anchor})", "write the value out in full", "yaml-alias"
            )
        else:
            problems.error(at, f"anchors are not allowed (&{anchor})", "remove the anchor", "yaml-anchor")


def iter_nodes(root: Node) -> Iterator[Node]:
    """Every node of ``root``, itself first, depth first (keys before their values)."""
    stack = [root]
    pop, extend = stack.pop, stack.extend  # bound once: large files walk millions of nodes
    while stack:
        node = pop()
        yield node
        if isinstance(node, SequenceNode):
            extend(node.value)
        elif isinstance(node, MappingNode):
            for pair in node.value:
                extend(pair)  # the key, then its value


def _check_tags(root: Node, problems: Problems) -> None:
    for node in iter_nodes(root):
        if node.tag is not IMPLICIT:
            problems.error(node, f"tags are not allowed ({node.tag})", "remove the tag", "yaml-tag")


def compose(source: str, problems: Problems, *, check_tags: bool = True) -> Node | None:
    """Compose one YAML document into nodes, or report why not (``None``)."""
    enabled = gc.isenabled()
    gc.disable()  # composing a large file makes a million objects; the collector would rescan them all
    try:
        _check_anchors(source, problems)
        if problems.has_errors:
            return None
        parser = _Parser(source)
        try:
            root = parser.get_single_node()
        finally:
            dispose = getattr(parser, "dispose", None)
            if dispose is not None:
                dispose()
    except yaml.YAMLError as exc:
        at = _mark_of(exc, source)
        message = _describe(exc)
        problems.error(at, message, _syntax_hint(message, source, at[0]), "yaml-syntax")
        return None
    except RecursionError:
        problems.error(None, f"the file nests deeper than {MAX_DEPTH} levels", "flatten it", "yaml-depth")
        return None
    except (ValueError, TypeError, UnicodeError, MemoryError) as exc:
        problems.error(None, f"invalid YAML: {exc}", "fix the YAML syntax", "yaml-syntax")
        return None
    finally:
        if enabled:
            gc.enable()
    if root is None:
        problems.error(
            None, "the file holds no YAML document", "start from the example in docs/format.md", "empty"
        )
        return None
    if check_tags and "!" in source:
        _check_tags(root, problems)
    return root


__all__ += ["MappingNode", "Node", "ScalarNode", "SequenceNode", "decode"]
