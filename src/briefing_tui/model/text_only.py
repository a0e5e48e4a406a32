"""Reading a briefing for its text alone: what ``briefing search`` needs, and nothing more.

``load_text(path)`` returns a Document holding the top-level fields (id, title, language, text…)
and no annotations. It reads the file as the loader does, with the same bounds and refusals
(regular file, ``MAX_BYTES``, strict UTF-8, no tags, anchors or aliases, libyaml's depth bound),
and builds the top-level fields with the same ``Builder``: the text it returns is the loader's,
character for character. What it skips is the lists (``entities``, ``events``, ``claims``,
``sources``), which a large file is mostly made of: their lines are never composed, so they are
neither checked nor anchored. A file whose annotations are wrong is therefore still searched; the
reader and ``briefing validate`` say what is wrong with it.

The file is cut at its top-level keys as ``pieces`` cuts it, and every piece but the lists is
composed on its own by the same parser. Whenever that is not possible, or anything at all is wrong
with what was read, the file is loaded whole by the loader instead, which gives the same Document
as before or the same problems, with their places.
"""

from __future__ import annotations

import re
from pathlib import Path

from yaml.error import Mark

from briefing_tui.model.build import Builder
from briefing_tui.model.loader import YAML_SUFFIXES
from briefing_tui.model.pieces import BLANK, LIST_HEAD, LISTS, LONE_CR, TOP_KEY, TOP_LINE, Whole, _compose
from briefing_tui.model.safe_yaml import (
    IMPLICIT,
    MappingNode,
    Node,
    Problems,
    ScalarNode,
    decode,
    read_file,
)
from briefing_tui.model.text_aside import TextAside, set_text_aside
from briefing_tui.model.types import Document

__all__ = ["load_text"]

_STR = "tag:yaml.org,2002:str"
# after a literal block: comments at column 0, of characters YAML takes in a comment (any other,
# a control or a line break of its own, and the parser reads the piece: it says what is wrong)
_TRAIL = re.compile(r"(?:#[^\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]*\n|\n)*")


def load_text(path: str | Path) -> Document:
    """A briefing's top-level fields and text, its annotations left unread; raises ``LoadError``.

    Files that are not YAML (brat ``.txt`` with its ``.ann``) are opened whole, as the loader does.
    """
    path = Path(path)
    if path.suffix.lower() in YAML_SUFFIXES:
        try:
            document = _quick(path)
        except (Whole, Exception, RecursionError, MemoryError):
            document = None
        if document is not None:
            return document
    # deferred: the formats and the whole loader, needed only when the quick reading gives up
    from briefing_tui.files import load_file

    return load_file(path)  # the same Document, or every problem of the file with its place


def _quick(path: Path) -> Document | None:
    problems = Problems(str(path))  # never shown: any problem and the loader reads the file again
    data = read_file(path, problems)
    if data is None:
        return None
    held = [data]
    del data  # the bytes freed before the text is decoded
    rest, aside = set_text_aside(held)  # a text in a plain literal block: read from the bytes
    source = None if rest is None else decode(rest, problems)
    del rest
    if source is None:
        return None
    pairs = _top_level(source, aside)
    root = MappingNode(IMPLICIT, pairs, pairs[0][0].start_mark, pairs[0][0].start_mark)  # type: ignore[arg-type]
    document = Builder(path, source, problems).document(root)
    return None if problems.has_errors else document


def _top_level(source: str, aside: TextAside | None = None) -> list[tuple[Node, Node]]:
    """The composed top-level pairs of ``source``, block lists left out; ``Whole`` when not in shape.

    ``aside``: the text read from the file's bytes, its placeholder in ``source`` (``text_aside``).
    """
    if "\r" in source and LONE_CR.search(source):
        raise Whole  # a lone carriage return breaks lines for libyaml but not for these cuts
    starts = [0] if source[:1] not in ("", " ", "\r", "\n", "#") else []
    starts += [m.end() for m in TOP_LINE.finditer(source)]
    if not starts or BLANK.match(source, 0, starts[0]).end() != starts[0]:  # type: ignore[union-attr]
        raise Whole
    pairs: list[tuple[Node, Node]] = []
    skipped: set[str] = set()
    read: list[Node] = []  # the keys of the pieces read here rather than by the parser
    bounds = [*starts, len(source)]
    run = 0  # where the pieces not yet composed start: they are composed together
    for key_at, end in zip(bounds, bounds[1:], strict=False):
        match = TOP_KEY.match(source, key_at)
        if match is None:
            raise Whole
        key = match.group(1)
        literal = None
        if key == "text" and aside is not None and source.startswith(aside.placeholder, key_at):
            if _TRAIL.match(source, key_at + len(aside.placeholder), end).end() != end:  # type: ignore[union-attr]
                raise Whole
            literal, aside = aside, None
        else:
            head = LIST_HEAD.match(source, key_at, end) if key in LISTS else None
            if head is None or not _block_list(source, head.end(), end):
                continue
        if key in skipped:
            raise Whole  # a duplicated key: the loader says so
        skipped.add(key)
        if key_at > run:
            pairs.extend(_compose(source[run:key_at]).value)
        if literal is not None:
            pairs.append(_text_pair(key_at, literal))
            read.append(pairs[-1][0])
        run = end
    if run < len(source) and source[run:].strip():
        pairs.extend(_compose(source[run:]).value)
    if not pairs or any(getattr(key, "value", None) in skipped and key not in read for key, _ in pairs):
        raise Whole
    return pairs


def _text_pair(key_at: int, aside: TextAside) -> tuple[Node, Node]:
    """The key and value nodes of a ``text`` set aside, marked at its key's line."""
    at = Mark("<text>", key_at, aside.line, 0, None, 0)
    after = Mark("<text>", key_at + 6, aside.line, 6, None, 0)
    key = ScalarNode(_STR, "text", at, at)
    return key, ScalarNode(_STR, aside.value, after, after, style="|")


def _block_list(source: str, start: int, end: int) -> bool:
    """Whether ``source[start:end]`` (the lines after ``key:``) is a block list: ``- `` first."""
    blank = BLANK.match(source, start, end)
    first = blank.end() if blank else start
    dash = first
    while dash < end and source[dash] == " ":
        dash += 1
    return dash < end and source[dash] == "-" and (dash + 1 == end or source[dash + 1] in " \t\r\n")
