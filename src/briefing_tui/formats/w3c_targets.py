"""Where a W3C annotation's target is in the text: its selectors (a position that agrees with the
quote wins; ``refinedBy`` narrows a selection inside its parent), and the counting the positions
were made with, found from the quotes (UTF-16 code units, a byte order mark the text no longer has)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from briefing_tui.formats.common import exact_span, jpath
from briefing_tui.formats.w3c_shapes import (
    Invalid,
    Path_,
    Utf16,
    as_list,
    check_quote,
    find_exact,
    find_quote,
    kind_of,
)
from briefing_tui.model.types import AnchorStatus, Selector, Span
from briefing_tui.words import plural


class Targets:
    """Reads targets' selectors over ``text``; ``warn`` says what was converted or could not be read."""

    def __init__(self, text: str, warn: Callable[[str], None]) -> None:
        self.text, self.warn = text, warn
        self.utf16 = Utf16(text)
        self.use_utf16 = False
        self.shift = 0  # 1 when positions counted a byte order mark the text no longer has
        self.unread: dict[str, list[str]] = {}  # selector kinds that cannot be read: where they were
        self.unmatched: list[str] = []  # quotes whose prefix or suffix matched nowhere: the first was taken

    def read_counting(self, items: list[tuple[Path_, dict[str, Any]]], *, bom: bool) -> None:
        """Before reading any target: how the positions of ``items`` were counted."""
        self.detect_utf16(items)
        if bom:
            self.detect_bom(items)
        _, alone = self.pairs(items)
        if alone and self.utf16.astral and not self.use_utf16:
            self.warn(f"{plural(alone, 'position')} with no quote, on a text with characters outside the "
                      "Basic Multilingual Plane (emoji…): read as code points; if the tool counted "
                      "UTF-16 units (as JavaScript does), they land late after each such one")  # fmt: skip

    def say_unread(self) -> None:
        """After every target: the selectors that could not be read, the quotes found by their text alone."""
        for kind, places in self.unread.items():
            more = f" and {len(places) - 1:,} more" if len(places) > 1 else ""
            self.warn(f"{places[0]}{more}: {kind} selectors cannot be read; ignored")
        if self.unmatched:
            more = f" and {len(self.unmatched) - 1:,} more" if len(self.unmatched) > 1 else ""
            self.warn(f"{self.unmatched[0]}{more}: the prefix or suffix matches no occurrence of the quote; "
                      "the first occurrence was taken")  # fmt: skip

    def _selector(self, sel: Any, where: Path_, base: int, limit: int) -> tuple[int, int] | None:
        """Resolve one selector (and its refinements) inside ``text[base:limit]``."""
        if isinstance(sel, str):  # a selector given by its IRI: its description is elsewhere
            self.unread.setdefault("IRI", []).append(jpath(where))
            return None
        if not isinstance(sel, dict):
            raise Invalid(where, f"a selector must be an object or an IRI, not {kind_of(sel)}")
        kind = sel.get("type")
        part = self.text[base:limit]
        if kind == "TextPositionSelector":
            start, end = sel.get("start"), sel.get("end")
            for key, v in (("start", start), ("end", end)):
                if not isinstance(v, int) or isinstance(v, bool) or v < 0:
                    raise Invalid((*where, key), f"must be a non-negative integer, not {v!r}")
            if end < start:  # type: ignore[operator]
                raise Invalid(where, f"end {end} is before start {start}")
            start, end = start - self.shift * (base == 0), end - self.shift * (base == 0)  # type: ignore[operator]
            found: tuple[int, int] | None = (base + start, base + end) if start >= 0 else None
            if base + end > limit:  # type: ignore[operator]
                found = None
        elif kind == "TextQuoteSelector":
            exact = check_quote(sel, where)
            span = find_quote(part, exact, sel.get("prefix"), sel.get("suffix"))
            found = None if span is None else (base + span[0], base + span[1])
            if span is not None and not span[2]:
                self.unmatched.append(jpath(where))
        else:
            self.unread.setdefault(str(kind or "untyped"), []).append(jpath(where))
            return None
        if found is not None and "refinedBy" in sel:
            return self._selectors(sel["refinedBy"], (*where, "refinedBy"), found[0], found[1])
        return found

    def _selectors(self, value: Any, where: Path_, base: int, limit: int) -> tuple[int, int] | None:
        """Several selectors describe the same passage: a position that agrees with the quote wins."""
        sels = value if isinstance(value, list) else [value]
        spots = [(*where, i) if isinstance(value, list) else where for i in range(len(sels))]
        quotes = [
            s.get("exact") for s in sels if isinstance(s, dict) and s.get("type") == "TextQuoteSelector"
        ]
        quote = quotes[0] if quotes else None
        pairs = list(zip(sels, spots, strict=True))
        for sel, spot in pairs:  # a position is cheap: when it agrees with the quote, no search is needed
            if isinstance(sel, dict) and sel.get("type") == "TextPositionSelector" and "refinedBy" not in sel:
                pos = self._position(sel, spot, base, limit, quote)
                if pos is not None:
                    for other, other_spot in pairs:
                        check_quote(other, other_spot)
                    return pos
        for sel, spot in pairs:
            if not (
                isinstance(sel, dict) and sel.get("type") == "TextPositionSelector" and "refinedBy" not in sel
            ):
                found = self._selector(sel, spot, base, limit)
                if found is not None:
                    return found
        return None

    def _position(
        self, sel: dict[str, Any], where: Path_, base: int, limit: int, quote: Any
    ) -> tuple[int, int] | None:
        found = self._selector(sel, where, base, limit)
        if self.use_utf16 and base == 0:
            found = self._from_utf16(sel["start"], sel["end"])
        if found is not None and (quote is None or self.text[found[0] : found[1]] == quote):
            return found
        return None

    def detect_utf16(self, items: list[tuple[Path_, dict[str, Any]]]) -> None:
        """UTF-16 positions: some position disagrees with its quote and every one agrees once converted."""
        if not self.utf16.astral:
            return
        pairs, _ = self.pairs(items)
        direct = sum(self.text[s:e] == q for s, e, q in pairs)
        converted = sum(
            (c := self._from_utf16(s, e)) is not None and self.text[c[0] : c[1]] == q for s, e, q in pairs
        )
        if converted > direct:
            self.use_utf16 = True
            self.warn(
                f"positions were counted in UTF-16 code units (as JavaScript does): {converted} of "
                f"{plural(len(pairs), 'quote')} agree once converted to code points, {direct} before; "
                "converted"
            )

    def pairs(self, items: list[tuple[Path_, dict[str, Any]]]) -> tuple[list[tuple[int, int, str]], int]:
        """(start, end, quote) of the targets that give both, and the count of positions with no quote."""
        pairs, alone = [], 0
        for _, ann in items:
            for target in as_list(ann.get("target")):
                sels = as_list(target.get("selector")) if isinstance(target, dict) else []
                pos = next(
                    (x for x in sels if isinstance(x, dict) and x.get("type") == "TextPositionSelector"), None
                )
                quote = next((x.get("exact") for x in sels if isinstance(x, dict)
                              and x.get("type") == "TextQuoteSelector"), None)  # fmt: skip
                if pos and isinstance(pos.get("start"), int) and isinstance(pos.get("end"), int):
                    if isinstance(quote, str):
                        pairs.append((pos["start"], pos["end"], quote))
                    else:
                        alone += 1
        return pairs, alone

    def detect_bom(self, items: list[tuple[Path_, dict[str, Any]]]) -> None:
        """A text that began with a byte order mark: positions may have counted it (one too many)."""
        pairs, _ = self.pairs(items)
        direct = sum(self.text[s:e] == q for s, e, q in pairs)
        shifted = sum(s > 0 and self.text[s - 1 : e - 1] == q for s, e, q in pairs)
        if shifted > direct:
            self.shift = 1
            self.warn(f"the text starts with a byte order mark, which is dropped; the positions counted it "
                      f"({shifted:,} of {plural(len(pairs), 'quote')} agree once moved back by one, "
                      f"{direct:,} before): every position is moved back by one")  # fmt: skip
        else:
            self.warn(
                "the text starts with a byte order mark, which is dropped; the positions do not count it"
            )

    def _from_utf16(self, s: int, e: int) -> tuple[int, int] | None:
        a, b = self.utf16.to_cp(s), self.utf16.to_cp(e)
        return None if a is None or b is None else (a, b)

    def span(self, target: Any, where: Path_) -> Span | None:
        """The passage ``target`` selects: anchored, an orphan quote, or None (no place in the text)."""
        if isinstance(target, str):
            return None
        if not isinstance(target, dict):
            raise Invalid(where, f"a target must be an object or an IRI, not {kind_of(target)}")
        if "selector" not in target:
            return None
        found = self._selectors(target["selector"], (*where, "selector"), 0, len(self.text))
        if found is None:
            exact = find_exact(target["selector"])
            if exact is None:
                return None  # nothing to look for in the text: no place, not even an orphan quote
            return Span(-1, -1, AnchorStatus.ORPHAN, Selector(exact=exact))
        return exact_span(self.text, *found)
