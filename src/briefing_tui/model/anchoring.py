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
import unicodedata
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


UNIT_CHECK_MAX = 5_000_000
"""Offsets up to which a stray position is checked for UTF-8 bytes or UTF-16 units (the text before
it is encoded to count them)."""


def _continues(c: str) -> bool:
    """Whether ``c`` belongs to the character before it: a combining mark, a joiner, a variation
    selector, an emoji skin tone or tag."""
    o = ord(c)
    return (
        unicodedata.category(c) in ("Mn", "Mc", "Me")
        or o == 0x200D
        or 0xFE00 <= o <= 0xFE0F
        or 0x1F3FB <= o <= 0x1F3FF
        or 0xE0020 <= o <= 0xE007F
    )


def _joined(text: str, i: int) -> bool:
    """Whether offset ``i`` is inside a character: what follows continues it, or a joiner precedes it."""
    return 0 < i < len(text) and (_continues(text[i]) or text[i - 1] == "\u200d")


def _grapheme_start(text: str, i: int) -> int:
    while _joined(text, i):
        i -= 1
    return i


def _grapheme_end(text: str, i: int) -> int:
    while _joined(text, i):
        i += 1
    return i


def _nfc_with_offsets(text: str) -> tuple[str, list[int]]:
    """``text`` in NFC, and for each of its offsets (and its end) the offset in ``text`` it comes from.

    Each run of a character and the marks that follow it is composed on its own (composition never
    crosses such a run), so an offset of the composed text maps back to the start of its run."""
    parts: list[str] = []
    back: list[int] = []
    i, n = 0, len(text)
    while i < n:
        j = i + 1
        while j < n and unicodedata.combining(text[j]):
            j += 1
        run = text[i:j] if j - i == 1 and ord(text[i]) < 0x300 else unicodedata.normalize("NFC", text[i:j])
        parts.append(run)
        back.extend([i] * len(run))
        i = j
    back.append(n)
    return "".join(parts), back


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
    _nfc: tuple[str, list[int]] | None = None  # the text in NFC, and where each of its offsets comes from
    _text_is_nfc: bool | None = None

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
                found = self._search(sel, exact, None, None)
                unit = self._unit(start, found.start) if found.anchored else ""
                hint = (
                    f"set start: {found.start}, end: {found.end}"
                    if found.anchored
                    else "update start and end"
                )
                self._note(
                    Severity.WARNING,
                    f"span {start}–{end} is outside the text (0–{len(text)}){unit}; "
                    "the quote was searched instead",
                    hint,
                    "span-out-of-range",
                )
                return self._snap(found)
            elif start == end and exact is None:
                self._note(
                    Severity.WARNING,
                    f"span {start}–{end} is empty: it marks no text",
                    "give the end of the passage, or remove the span",
                    "span-empty-range",
                )
                return Span(start, end, AnchorStatus.EXACT, sel)
            elif exact is None or text[start:end] == exact:
                return self._snap(Span(start, end, AnchorStatus.EXACT, sel))
        if exact is None:
            self._note(
                Severity.ERROR, "a span needs a quote or start/end", "add quote: or start:/end:", "span-empty"
            )
            return Span(-1, -1, AnchorStatus.ORPHAN, sel)
        return self._snap(
            self._search(sel, exact, start if positioned else None, end if positioned else None)
        )

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
            normalised = self._normalised(exact, start)
            if normalised is not None:
                i, j = normalised
                self._note(
                    Severity.WARNING,
                    f"quote {_show(exact)} matches {_show(text[i:j])} at {self.where(i)} only once both are "
                    "in the same Unicode normalisation (composed é against e + accent)",
                    "write the quote as the text writes it (same normalisation, NFC or NFD)",
                    "span-normalisation",
                )
                return Span(i, j, AnchorStatus.EXACT, sel)
            return self._fuzzy(sel, exact, start, disagree)
        chosen = in_context(text, exact, hits, sel.prefix, sel.suffix)
        if len(chosen) == 1:
            i = chosen[0]
            if disagree:
                self._note(
                    Severity.WARNING,
                    f"{disagree}{self._unit(start, i)}; the quote was found at {self.where(i)}",
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

    def _unit(self, given: int | None, found: int) -> str:
        """When a position that missed its quote was counted in UTF-8 bytes or UTF-16 units: say so."""
        if given is None or given == found or found > UNIT_CHECK_MAX:
            return ""
        before = self.text[:found]
        if given == len(before.encode("utf-8", "surrogatepass")):
            return " (the positions look like UTF-8 byte offsets; they count code points)"
        if given == len(before.encode("utf-16-le", "surrogatepass")) // 2:
            return " (the positions look like UTF-16 units, as JavaScript counts; they count code points)"
        return ""

    def _normalised(self, exact: str, near: int | None) -> tuple[int, int] | None:
        """The quote found once text and quote are both NFC, as offsets of the text itself."""
        quote = unicodedata.normalize("NFC", exact)
        if quote == exact and self._nfc_same():
            return None  # nothing to compose: the exact search already said all
        if self._nfc is None:
            self._nfc = _nfc_with_offsets(self.text)
        folded, back = self._nfc
        hits: list[int] = []
        i = folded.find(quote)
        while i >= 0 and len(hits) < MAX_OCCURRENCES:
            hits.append(i)
            i = folded.find(quote, i + 1)
        if not hits:
            return None
        i = min(hits, key=lambda k: abs(back[k] - near)) if near is not None else hits[0]
        return back[i], back[i + len(quote)]

    def _nfc_same(self) -> bool:
        """Whether the text is already NFC (then a quote in NFC that is not found is not a form problem)."""
        if self._text_is_nfc is None:
            self._text_is_nfc = unicodedata.is_normalized("NFC", self.text)
        return self._text_is_nfc

    def _snap(self, span: Span) -> Span:
        """A span that cuts a character in two (an accent from its letter, an emoji sequence) grows to
        the whole characters, with a warning."""
        if not span.anchored:
            return span
        start, end = _grapheme_start(self.text, span.start), _grapheme_end(self.text, span.end)
        if (start, end) == (span.start, span.end):
            return span
        self._note(
            Severity.WARNING,
            f"span {span.start}–{span.end} cuts a character in two (a letter and its accent, or an emoji "
            f"sequence); taken as {start}–{end}, {_show(self.text[start:end])}",
            f"set start: {start}, end: {end}",
            "span-grapheme",
        )
        return Span(start, end, span.status, span.selector)

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
