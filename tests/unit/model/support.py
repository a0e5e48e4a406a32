"""Helpers for the model tests: a minimal briefing and its problems as short strings."""

from __future__ import annotations

from pathlib import Path
from unittest import mock

from briefing_tui.model import Document, LoadError, load_bytes
from briefing_tui.model import pieces as pieces_module

TEXT = "Le Niger et les États-Unis. Le Niger répond."
HEAD = f"""format: 1
id: doc
title: Titre
language: fr
text: |-
  {TEXT}
"""
"""The text starts on line 6, column 3 of the file."""


def load(source: str | bytes) -> Document:
    data = source.encode("utf-8") if isinstance(source, str) else source
    return load_bytes(data, "f.yaml")


def problems(source: str | bytes) -> list[str]:
    """Every problem, errors and warnings, as ``LINE:COL: severity: message``."""
    try:
        found = load(source).problems
    except LoadError as exc:
        found = exc.problems
    return [f"{p.line}:{p.column}: {p.severity.value}: {p.message}" for p in found]


def errors(source: str | bytes) -> list[str]:
    return [p for p in problems(source) if ": error: " in p]


def outcome(data: bytes) -> Document | list[str]:
    """The document read from ``data``, or its problems."""
    try:
        return load_bytes(data, "f.yaml", path=Path("f.yaml"))
    except LoadError as exc:
        return [p.format() for p in exc.problems]


def whole(data: bytes) -> Document | list[str]:
    """The same file read at once (``outcome``), as for a file not in the shape of pieces."""
    with mock.patch.object(pieces_module, "MIN_BYTES", 1 << 40):
        return outcome(data)
