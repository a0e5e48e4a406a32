"""Helpers shared by the importers and exporters: ids, spans, problems, JSON reading."""

from __future__ import annotations

import gc
import json
import re
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Any

from briefing_tui.model.dates import parse_edtf
from briefing_tui.model.quotes import find_quote
from briefing_tui.model.types import (
    AnchorStatus,
    Document,
    EdtfDate,
    LoadError,
    Problem,
    Selector,
    Severity,
    Span,
)

UNEXPECTED = (TypeError, KeyError, AttributeError, ValueError, IndexError, RecursionError)
"""What an importer turns into a LoadError if its checks missed a shape of input."""

_ID_BAD = re.compile(r"[^A-Za-z0-9_.:-]+")


def slug(value: str, default: str = "x") -> str:
    """An id made of the letters, digits and ``- _ . :`` the format allows."""
    folded = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode("ascii")
    out = _ID_BAD.sub("-", folded.strip().lower()).strip("-")[:40].strip("-")
    return out or default


def valid_id(value: str) -> bool:
    return bool(value) and not _ID_BAD.search(value)


class Ids:
    """Hands out ids unique within one document."""

    def __init__(self, taken: set[str] | None = None) -> None:
        self.taken: set[str] = set(taken or ())

    def new(self, wanted: str, default: str = "x") -> str:
        base = wanted if valid_id(wanted) else slug(wanted, default)
        candidate, n = base, 2
        while candidate in self.taken:
            candidate, n = f"{base}-{n}", n + 1
        self.taken.add(candidate)
        return candidate


def document_ids(doc: Document) -> set[str]:
    return (
        {e.id for e in doc.entities}
        | {e.id for e in doc.events}
        | {c.id for c in doc.claims}
        | {s.id for s in doc.sources}
    )


_EXACT = AnchorStatus.EXACT


def exact_span(text: str, start: int, end: int) -> Span:
    """A span known by its position in ``text``."""
    return Span(start, end, _EXACT, Selector(text[start:end], None, None, start, end))


def quote_span(text: str, exact: str, prefix: str | None = None, suffix: str | None = None) -> Span:
    """A span known by its quote: the occurrence that prefix and suffix select, else the first."""
    sel = Selector(exact=exact, prefix=prefix, suffix=suffix)
    if not exact:
        return Span(-1, -1, AnchorStatus.ORPHAN, sel)
    chosen = find_quote(text, exact, prefix, suffix)
    if not chosen:
        return Span(-1, -1, AnchorStatus.ORPHAN, sel)
    status = AnchorStatus.EXACT if len(chosen) == 1 else AnchorStatus.AMBIGUOUS
    return Span(chosen[0], chosen[0] + len(exact), status, sel)


def problem(
    path: str | Path, message: str, line: int = 1, column: int = 1, *, warning: bool = False
) -> Problem:
    severity = Severity.WARNING if warning else Severity.ERROR
    return Problem(str(path), line, column, severity, message)


def fail(path: str | Path, message: str, line: int = 1, column: int = 1) -> LoadError:
    return LoadError([problem(path, message, line, column)])


def read_text(path: str | Path) -> str:
    """A file's text as the loader reads it: UTF-8, a BOM removed. Raises LoadError."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise fail(path, f"cannot read the file: {exc.strerror or exc}") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise fail(path, f"not UTF-8: byte 0x{data[exc.start]:02x} cannot be decoded", line, column) from None
    return text.removeprefix("\ufeff")


def read_json(path: str | Path) -> Any:
    """Parse a JSON file; a syntax error becomes a LoadError at its line and column."""
    text = read_text(path)
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise fail(path, f"invalid JSON: {exc.msg}", exc.lineno, exc.colno) from None
    except RecursionError:
        raise fail(path, "invalid JSON: nested too deeply") from None


def jpath(parts: tuple[str | int, ...]) -> str:
    """A JSON path such as ``$.items[2].target``."""
    out = "$"
    for part in parts:
        out += f"[{part}]" if isinstance(part, int) else f".{part}"
    return out


UNKNOWN_DATE = "XXXX"  # EDTF: a date whose year is not known


@lru_cache(maxsize=4096)
def edtf(value: str) -> EdtfDate | None:
    """``value`` parsed by the model's EDTF parser, or None when it is not a valid EDTF date (cached)."""
    try:
        return parse_edtf(value)
    except ValueError:
        return None


def edtf_or_unknown(value: str) -> EdtfDate:
    return edtf(value) or edtf(UNKNOWN_DATE)  # type: ignore[return-value]


_PART = re.compile(r"\.([^.\[\]:\s]+)|\[(\d+)\]")


def _path_parts(jp: str) -> list[str | int] | None:
    if not jp.startswith("$"):
        return None
    parts: list[str | int] = []
    rest = jp[1:]
    while rest:
        m = _PART.match(rest)
        if m is None:
            return None
        parts.append(m.group(1) if m.group(1) is not None else int(m.group(2)))
        rest = rest[m.end() :]
    return parts


def locate_json(text: str, jp: str) -> tuple[int, int]:
    """Where the value at JSON path ``jp`` starts in ``text``: 1-based line and column (1, 1 if unknown)."""
    parts = _path_parts(jp)
    decoder = json.JSONDecoder()
    ws = re.compile(r"[ \t\n\r]*")

    def skip(i: int) -> int:
        return ws.match(text, i).end()  # type: ignore[union-attr]

    i = skip(0)
    try:
        for part in parts or []:
            if isinstance(part, str) and text[i] == "{":
                i = skip(i + 1)
                while text[i] != "}":
                    key, i = json.decoder.scanstring(text, i + 1)  # type: ignore[attr-defined]
                    i = skip(skip(i) + 1)  # the colon
                    if key == part:
                        break
                    i = skip(decoder.raw_decode(text, i)[1])
                    i = skip(i + 1) if text[i] == "," else i
                else:
                    return 1, 1
            elif isinstance(part, int) and text[i] == "[":
                i = skip(i + 1)
                for _ in range(part):
                    i = skip(decoder.raw_decode(text, i)[1])
                    i = skip(i + 1) if text[i] == "," else i
            else:
                return 1, 1
    except (ValueError, IndexError, RecursionError):
        return 1, 1
    line = text.count("\n", 0, i) + 1
    return line, i - (text.rfind("\n", 0, i) + 1) + 1


def json_fail(path: str | Path, message: str) -> LoadError:
    """A LoadError for a JSON file whose ``message`` starts with a JSON path: placed at that value."""
    jp = message.split(":", 1)[0]
    try:
        line, column = locate_json(read_text(path), jp)
    except LoadError:
        line, column = 1, 1
    return fail(path, message, line, column)


@contextmanager
def collector_paused() -> Iterator[None]:
    """The cyclic garbage collector off while a large file is converted.

    An import makes hundreds of thousands of objects that all live on (spans, mentions, records);
    left on, the collector rescans them again and again as they are made (a 10 MB brat file: most of
    its time). The loader does the same for briefing YAML.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


class ExportRefused(Exception):
    """A briefing that a format cannot hold at all (a TimelineJS file with no event): the message says why."""


class Invalid(Exception):
    """A JSON file's shape is wrong: the message starts with the JSON path of what is wrong."""


@contextmanager
def json_errors(path: Path) -> Iterator[None]:
    """Turn ``Invalid`` into a LoadError placed at its JSON path, and any shape no check foresaw
    (``UNEXPECTED``) into a LoadError too: a message, never a traceback."""
    try:
        yield
    except Invalid as exc:
        raise json_fail(path, str(exc)) from None
    except UNEXPECTED as exc:
        raise fail(path, f"unexpected structure ({type(exc).__name__}): {exc}") from None
