"""Helpers for the model tests: a minimal briefing and its problems as short strings."""

from __future__ import annotations

from briefing_tui.model import Document, LoadError, load_bytes

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
