"""Small checks shared by tests: they fail the test, and tell mypy what was checked."""

from __future__ import annotations

from typing import TypeVar

T = TypeVar("T")


def present(value: T | None) -> T:
    """``value``, which the test expects to be there (a claim, an entity... looked up by id)."""
    assert value is not None, "expected a value, got None"
    return value
