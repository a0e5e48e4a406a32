"""Anchoring: resolve what a file says about a span (quote and/or position) against the text.

The order follows docs/format.md: a position whose text equals the quote wins; else the quote is
searched, prefix, suffix and position choosing among several occurrences; else an approximate
match (rapidfuzz), flagged fuzzy; else the annotation is an orphan. Exact search is ``str.find``;
the approximate search runs only when there is no exact hit, only for quotes of a sensible
length, near the position when there is one, and within a budget of text per document so that a
huge text with many stale quotes stays quick.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from briefing_tui.model.quotes import in_context, occurrences
from briefing_tui.model.types import AnchorStatus, Selector, Severity, Span

__all__ = ["FUZZY_CUTOFF", "Anchorer", "Note"]

FUZZY_CUTOFF = 90.0
"""The lowest rapidfuzz ``partial_ratio`` (0–100) accepted as an approximate match."""
FUZZY_MIN_LEN = 8
FUZZY_MAX_LEN = 2000
FUZZY_BUDGET = 20_000_000
"""Code points of text the approximate search may scan for one document, in total (a quote longer
than 200 code points counts its scan once per 200): about 0.2 s of search on this machine."""
MAX_OCCURRENCES = 10_000
"""The most occurrences of one quote looked for."""
FIND_BUDGET = 2_000_000
"""The most occurrences looked for in one document, all quotes together (repeated quotes are cached)."""


@dataclass(frozen=True, slots=True)
class Note:
    """Something to report about one span."""

    severity: Severity
    message: str
    hint: str
    code: str


def _show(value: str, limit: int = 60) -> str:
    short = value if len(value) <= limit else value[: limit - 1] + "…"
    return '"' + short.replace("\n", "⏎") + '"'


@dataclass(slots=True)
class Anchorer:
    """Anchors the spans of one text. ``where(offset)`` says where an offset of the text is, for messages."""

    text: str
    where: Callable[[int], str] = lambda offset: f"offset {offset}"
    budget: int = FUZZY_BUDGET
    skipped: int = 0  # approximate searches not run: over budget
    finds: int = FIND_BUDGET
    seen: dict[str, list[int]] = field(default_factory=dict)  # quote -> its occurrences
    capped: set[str] = field(default_factory=set)  # quotes with more occurrences than were looked for
    notes: list[Note] = field(default_factory=list)

    def _note(self, severity: Severity, message: str, hint: str, code: str) -> None:
        self.notes.append(Note(severity, message, hint, code))

    def anchor(self, sel: Selector) -> Span:
        """Resolve one selector. Problems found are appended to ``notes``."""
        text = self.text
        start, end, exact = sel.start, sel.end, sel.exact
        if exact == "":
            self._note(
                Severity.ERROR, "the quote is empty", "quote the words of the text", "span-empty-quote"
            )
            return Span(-1, -1, AnchorStatus.ORPHAN, sel)
        positioned = start is not None and end is not None
        if (start is None) != (end is None):
            self._note(
                Severity.ERROR,
                "a position needs both start and end",
                "add the missing one",
                "span-half-position",
            )
            if exact is None:
                return Span(-1, -1, AnchorStatus.ORPHAN, sel)
            positioned = False
        if positioned:
            assert start is not None and end is not None
            if start > end:
                self._note(
                    Severity.ERROR,
                    f"span ends before it starts (start {start} > end {end})",
                    "swap start and end",
                    "span-reversed",
                )
                return Span(-1, -1, AnchorStatus.ORPHAN, sel)
            if end > len(text):
                if exact is None:
                    self._note(
                        Severity.ERROR,
                        f"span {start}–{end} is outside the text (0–{len(text)})",
                        "fix start and end: offsets count code points of the text",
                        "span-out-of-range",
                    )
                    return Span(-1, -1, AnchorStatus.ORPHAN, sel)
                self._note(
                    Severity.WARNING,
                    f"span {start}–{end} is outside the text (0–{len(text)}); the quote was searched instead",
                    "update start and end",
                    "span-out-of-range",
                )
                positioned = False
            elif exact is None or text[start:end] == exact:
                return Span(start, end, AnchorStatus.EXACT, sel)
        if exact is None:
            self._note(
                Severity.ERROR, "a span needs a quote or start/end", "add quote: or start:/end:", "span-empty"
            )
            return Span(-1, -1, AnchorStatus.ORPHAN, sel)
        return self._search(sel, exact, start if positioned else None, end if positioned else None)

    def _occurrences(self, exact: str) -> list[int]:
        cached = self.seen.get(exact)
        if cached is not None:
            return cached
        limit = max(100, min(MAX_OCCURRENCES, self.finds))
        found = occurrences(self.text, exact, limit)
        self.finds -= len(found)
        if len(found) >= limit:
            self.capped.add(exact)
        if len(self.seen) < 100_000:
            self.seen[exact] = found
        return found

    def _search(self, sel: Selector, exact: str, start: int | None, end: int | None) -> Span:
        text = self.text
        hits = self._occurrences(exact)
        disagree = ""
        if start is not None and end is not None:
            disagree = f"position {start}–{end} holds {_show(text[start:end])}, not the quote {_show(exact)}"
        if not hits:
            return self._fuzzy(sel, exact, start, disagree)
        chosen = in_context(text, exact, hits, sel.prefix, sel.suffix)
        if len(chosen) == 1:
            i = chosen[0]
            if disagree:
                self._note(
                    Severity.WARNING,
                    f"{disagree}; the quote was found at {self.where(i)}",
                    f"set start: {i}, end: {i + len(exact)}",
                    "span-position-mismatch",
                )
            return Span(i, i + len(exact), AnchorStatus.EXACT, sel)
        if start is not None:
            i = min(chosen, key=lambda k: abs(k - start))
            self._note(
                Severity.WARNING,
                f"{disagree}; took the nearest of its {len(chosen)} occurrences, at {self.where(i)}",
                f"set start: {i}, end: {i + len(exact)}",
                "span-position-mismatch",
            )
            return Span(i, i + len(exact), AnchorStatus.EXACT, sel)
        shown = ", ".join(self.where(i) for i in chosen[:5])
        more = f" and {len(chosen) - 5} more" if len(chosen) > 5 else ""
        times = f"at least {len(chosen)}" if exact in self.capped and chosen is hits else str(len(chosen))
        self._note(
            Severity.WARNING,
            f"quote {_show(exact)} occurs {times} times (at {shown}{more}); the first was taken",
            "add prefix/suffix or start/end to say which one",
            "span-ambiguous",
        )
        return Span(chosen[0], chosen[0] + len(exact), AnchorStatus.AMBIGUOUS, sel)

    def _fuzzy(self, sel: Selector, exact: str, near: int | None, disagree: str) -> Span:
        lead = f"{disagree}, and the quote" if disagree else f"quote {_show(exact)}"
        spaced = self._spacing(exact, near)
        if spaced is not None:
            i, j = spaced
            self._note(
                Severity.WARNING,
                f"{lead} is not in the text exactly; it matches with different spacing "
                f"{_show(self.text[i:j])} at {self.where(i)}",
                "copy the passage from the text",
                "span-fuzzy",
            )
            return Span(i, j, AnchorStatus.FUZZY, sel)
        found = None
        if FUZZY_MIN_LEN <= len(exact) <= FUZZY_MAX_LEN and self.budget > 0:
            found = self._approximate(exact, near)
        if found is None:
            over = (
                " (too many stale quotes in a long text: not searched approximately)" if self.skipped else ""
            )
            self.skipped = 0
            self._note(
                Severity.WARNING,
                f"{lead} is not in the text{over}: the annotation is an orphan",
                "correct the quote, or remove the annotation",
                "span-orphan",
            )
            return Span(-1, -1, AnchorStatus.ORPHAN, sel)
        i, j, score = found
        self._note(
            Severity.WARNING,
            f"{lead} is not in the text exactly; the closest match ({score:.0f} %) "
            f"is {_show(self.text[i:j])} at {self.where(i)}",
            "correct the quote if this is the passage meant",
            "span-fuzzy",
        )
        return Span(i, j, AnchorStatus.FUZZY, sel)

    def _spacing(self, exact: str, near: int | None) -> tuple[int, int] | None:
        """The quote with any run of spaces and line breaks standing for any other."""
        words = exact.split()
        if not 1 < len(words) <= 200:
            return None
        cost = len(self.text) // 10  # a regular expression with a literal start: about 10x cheaper
        if cost > self.budget:
            self.skipped += 1
            return None
        self.budget -= cost
        pattern = re.compile(r"\s+".join(re.escape(w) for w in words))
        spans = [m.span() for _, m in zip(range(MAX_OCCURRENCES), pattern.finditer(self.text), strict=False)]
        if not spans:
            return None
        if near is not None:
            return min(spans, key=lambda s: abs(s[0] - near))
        return spans[0]

    def _approximate(self, exact: str, near: int | None) -> tuple[int, int, float] | None:
        from rapidfuzz import fuzz

        if near is not None:
            pad = 4 * len(exact) + 2000
            lo = max(0, near - pad)
            hi = min(len(self.text), near + len(exact) + pad)
        else:
            lo, hi = 0, len(self.text)
        cost = (hi - lo) * max(1, len(exact) // 200)
        if cost > self.budget:
            self.skipped += 1
            return None
        self.budget -= cost
        result = fuzz.partial_ratio_alignment(exact, self.text[lo:hi], score_cutoff=FUZZY_CUTOFF)
        if result is None or result.score < FUZZY_CUTOFF:
            return None
        return lo + result.dest_start, lo + result.dest_end, result.score
