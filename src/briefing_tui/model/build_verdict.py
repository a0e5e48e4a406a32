"""Reading a claim's verdict for the Builder: its rating, explanation and day of review."""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from briefing_tui.model.build_keys import VERDICT
from briefing_tui.model.fields import NULLS, Fields, suggest
from briefing_tui.model.safe_yaml import MappingNode, Node, Problems, ScalarNode
from briefing_tui.model.types import Rating, Verdict

ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
RATING_VALUES = tuple(r.value for r in Rating)
RATINGS_BY_VALUE = {r.value: r for r in Rating}
KEPT_VERDICTS = 4096
"""The most verdicts remembered by what they say (``VerdictReader.verdict``)."""


class VerdictReader:
    """The verdict part of the Builder: needs ``f`` and ``problems``.

    A generated file gives thousands of claims the same verdict: what a verdict written with three
    plain values says, once read without a problem, is remembered by those values, and the same
    values written again give a new Verdict at once.
    """

    f: Fields
    problems: Problems
    said: dict[tuple[str, str | None, str | None], tuple[Rating, str, str | None]]

    def verdict(self, node: Node) -> Verdict | None:
        line, column = self.problems.at(node)
        values = _values(node) if type(node) is MappingNode else None
        if values is not None:
            known = self.said.get(values)
            if known is not None:
                return Verdict(*known, line, column)
        found = len(self.problems.items)
        verdict = self._read(node, line, column)
        if (
            values is not None
            and verdict is not None
            and len(self.problems.items) == found
            and len(self.said) < KEPT_VERDICTS
        ):
            self.said[values] = (verdict.rating, verdict.explanation, verdict.reviewed)
        return verdict

    def _read(self, node: Node, line: int, column: int) -> Verdict | None:
        f = self.f
        fields = f.mapping(node, VERDICT, "a verdict", ("rating",))
        if fields is None or "rating" not in fields:
            return None
        value = f.text(fields["rating"], "rating")
        if value is None:
            return None
        try:
            rating = RATINGS_BY_VALUE[value]
        except KeyError:
            hint = suggest(value, RATING_VALUES) or f"one of {', '.join(RATING_VALUES)}"
            self.problems.error(fields["rating"], f"unknown rating '{value[:40]}'", hint, "bad-rating")
            return None
        reviewed = None
        if "reviewed" in fields:
            reviewed = f.text(fields["reviewed"], "reviewed")
            if reviewed is not None and not _iso_day(reviewed):
                self.problems.error(
                    fields["reviewed"],
                    f"reviewed '{reviewed[:40]}' is not a date (YYYY-MM-DD)",
                    "write the day of the review, e.g. 2026-11-27",
                    "bad-date",
                )
                reviewed = None
        return Verdict(
            rating,
            f.text(fields.get("explanation"), "explanation") or "",
            reviewed,
            line=line,
            column=column,
        )


def _values(node: MappingNode) -> tuple[str, str | None, str | None] | None:
    """The rating, explanation and day of a verdict written as keys of the format, each once, with
    values that are text and no null word; else None (the verdict is read as written)."""
    rating = explanation = reviewed = None
    for key, value in node.value:
        if type(key) is not ScalarNode or type(value) is not ScalarNode:
            return None
        said = value.value
        if said in NULLS:
            return None
        name = key.value
        if name == "rating" and rating is None:
            rating = said
        elif name == "explanation" and explanation is None:
            explanation = said
        elif name == "reviewed" and reviewed is None:
            reviewed = said
        else:
            return None
    return None if rating is None else (rating, explanation, reviewed)


@lru_cache(maxsize=4096)  # a generated file repeats its review dates
def _iso_day(value: str) -> bool:
    if not ISO_DAY.fullmatch(value):
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True
