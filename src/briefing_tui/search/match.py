"""Matching a query against a text: every match as a ``(start, end)`` span of the ORIGINAL text.

- Folded (the default): the query and the text are folded the same way (:mod:`.fold`); the folded
  copy of a text is built once and cached, then searched with ``str.find``. The copy is one
  character for one, so a match's offsets are the original's and need no mapping back. A query
  holding an expansion's letters (``oe`` of ``œ``) runs over the spelt-out copy instead (built
  once, when first needed), whose matches map back through its records.
- Exact: the original text is searched as it is (case follows smart case).
- Whole words and regular expressions run a pattern over the folded copy (or the original when
  exact). Regular expressions use the ``regex`` module with a time bound, and release the
  interpreter while they run, so a pathological pattern neither hangs a script nor freezes a screen.
"""

from __future__ import annotations

import _thread
import re
from collections import OrderedDict
from collections.abc import Callable
from functools import lru_cache

from briefing_tui.search.fold import Folded, build, fold, fold_char, reserved
from briefing_tui.search.query import Query, SearchCancelled, SearchError, SearchTimeout

TYPE_CHECKING = False  # typing's, without importing typing: see briefing_tui.named_tuple
if TYPE_CHECKING:
    from typing import Any

Span = tuple[int, int]
Check = Callable[[], None]

DEFAULT_TIMEOUT = 5.0  # seconds a regular expression may run over one text
_CHECK_EVERY = 4096  # matches between two calls of ``check``

_cache: OrderedDict[tuple[str, bool], Folded] = OrderedDict()
_cache_chars = 0
_CACHE_MAX_CHARS = 64 << 20
_cache_lock = _thread.allocate_lock()  # ``threading.Lock``, without importing threading


def folded(text: str, keep_case: bool = False, check: Check | None = None) -> Folded:
    """The folded copy of ``text``, built once and kept (least recently used copies are dropped)."""
    global _cache_chars
    key = (text, keep_case)
    with _cache_lock:
        hit = _cache.get(key)
        if hit is not None:
            _cache.move_to_end(key)
            return hit
    result = build(text, keep_case, check)
    with _cache_lock:
        _cache[key] = result
        _cache_chars += len(text)
        while _cache_chars > _CACHE_MAX_CHARS and len(_cache) > 1:
            (old, _), _value = _cache.popitem(last=False)
            _cache_chars -= len(old)
    return result


def _fold_pattern(pattern: str, keep_case: bool) -> str:
    """Fold the literal characters of a regular expression outside ASCII (``É`` -> ``e``)."""
    out = []
    for char in pattern:
        if ord(char) < 128:
            out.append(char)
            continue
        f = fold_char(char, keep_case)
        out.append(re.escape(f) if len(f) != 1 else f)
    return "".join(out)


_POSITION = re.compile(r" at position \d+$")


def _typed_error(typed: str, flags: int, exc: BaseException) -> str:
    """The error of the pattern as typed: the compiled one is folded, and wrapped for whole words, so
    the position in ``exc`` is not one in what the person typed. The typed pattern alone is compiled
    for its own error; when it compiles, the error is given without its position."""
    import regex  # deferred: as in Matcher, the regex module is loaded only for a regular expression

    try:
        regex.compile(typed, flags)
    except (regex.error, OverflowError, RecursionError, ValueError) as own:
        return str(own)
    return _POSITION.sub("", str(exc))


class Matcher:
    """A compiled query. Raises :class:`SearchError` at construction for a bad regular expression."""

    def __init__(self, query: Query, timeout: float = DEFAULT_TIMEOUT) -> None:
        self.query = query
        self.timeout = timeout
        self.keep_case = query.keep_case
        self.needle = ""
        self.pattern: Any = None
        text = query.text
        if not query.exact:
            text = _fold_pattern(text, self.keep_case) if query.regex else fold(text, self.keep_case)
        if not query.regex and not query.word and (query.exact is False or self.keep_case):
            self.needle = text
            return
        if not text:
            return
        body = text if query.regex else re.escape(text)
        if query.word:
            body = rf"(?<!\w)(?:{body})(?!\w)"
        if query.regex:
            import regex

            flags = regex.V0 | (0 if self.keep_case else regex.IGNORECASE)
            try:
                self.pattern = regex.compile(body, flags)
            except (regex.error, OverflowError, RecursionError, ValueError) as exc:
                raise SearchError(f"bad regular expression: {_typed_error(query.text, flags, exc)}") from None
        else:
            self.pattern = re.compile(body, 0 if self.keep_case else re.IGNORECASE)

    @property
    def empty(self) -> bool:
        """True when the query can match nothing (empty, or only invisible characters)."""
        return not self.needle and self.pattern is None

    def count(self, text: str, check: Check | None = None) -> int:
        """How many matches ``text`` holds: one C-level ``str.count`` for a plain word.

        Falls back to :meth:`find_all` for patterns, and where a match could cut a ligature.
        """
        if self.empty:
            return 0
        if self.query.exact:
            return text.count(self.needle) if self.needle else len(self.find_all(text, check))
        return self.count_in(folded(text, self.keep_case, check), check)

    def count_in(self, copy: Folded, check: Check | None = None) -> int:
        """:meth:`count` over the folded copy of a text, built by ``fold.build`` with :attr:`keep_case`.

        For a query that folds (not exact): a caller holding the copy needs no text.
        """
        if self.empty:
            return 0
        if self.needle:
            if one_for_one(self.needle, copy):
                return copy.text.count(self.needle)  # its records never refuse a match
            expanded = copy.expanded()
            if expanded.identity or not expanded.may_cut(self.needle):
                return expanded.text.count(self.needle)
        return len(self._scan_copy(copy, check, None))

    def find_between(self, text: str, start: int, end: int) -> list[Span]:
        """Matches lying inside ``text[start:end]`` (a preview of a region; nothing is cached).

        Regular expressions give nothing here: only a bounded worker may run them.
        """
        if self.empty or self.query.regex:
            return []
        start, end = max(0, start), min(len(text), end)
        piece = text[start:end]
        if self.query.exact:
            spans = self._scan(piece, None, None, None)
        else:
            spans = self._scan_copy(build(piece, self.keep_case), None, None)
        return [(a + start, b + start) for a, b in spans]

    def find_all(self, text: str, check: Check | None = None, limit: int | None = None) -> list[Span]:
        """Every match in ``text``, in order, as spans of ``text``.

        Args:
            text: the original text.
            check: called between chunks of work; raise :class:`SearchCancelled` from it to stop.
            limit: stop after this many matches.
        """
        if self.empty:
            return []
        if self.query.exact:
            return self._scan(text, None, check, limit)
        return self._scan_copy(folded(text, self.keep_case, check), check, limit)

    def find_in(self, copy: Folded, check: Check | None = None, limit: int | None = None) -> list[Span]:
        """:meth:`find_all` over the folded copy of a text, for a query that folds (see :meth:`count_in`)."""
        if self.empty:
            return []
        return self._scan_copy(copy, check, limit)

    def _scan_copy(self, copy: Folded, check: Check | None, limit: int | None) -> list[Span]:
        """Matches in a folded copy with stand-ins, as spans of the original."""
        if self.needle and one_for_one(self.needle, copy):
            # its records are characters folded to nothing: a shift, never a refused match
            return copy.spans(_find_literal(copy.text, self.needle, check, limit))
        # patterns, and words holding an expansion's letters, run over the spelt-out copy
        expanded = copy.expanded()
        return self._scan(expanded.text, expanded, check, limit)

    def _scan(self, hay: str, fmap: Folded | None, check: Check | None, limit: int | None) -> list[Span]:
        if fmap is None or fmap.identity:
            return self._find(hay, check, limit)
        # a folded match is dropped only when it cuts an expanded character, and matches do not
        # overlap: each record costs at most two, so this many folded matches are always enough
        wanted = None if limit is None else limit + 2 * len(fmap.records)
        found = self._find(hay, check, wanted)
        kept = fmap.spans(found)
        if len(kept) < len(found):  # one cut a character: one overlapping it may not (œee, ee)
            kept = self._whole_matches(hay, fmap, check, limit)
        return kept[:limit] if limit is not None else kept

    def _whole_matches(self, hay: str, fmap: Folded, check: Check | None, limit: int | None) -> list[Span]:
        """The matches, left to right, that cut no expanded character, as spans of the original:
        after one that does, the search goes on from the character after its start."""
        out: list[Span] = []
        pos, size, looked = 0, len(hay), 0
        while pos <= size and (limit is None or len(out) < limit):
            found = self._next(hay, pos)
            if found is None:
                break
            start, end = found
            mapped = fmap.span(start, end) if end > start else None
            if mapped is not None:
                out.append(mapped)
            pos = end if mapped is not None else start + 1
            looked += 1
            if check is not None and looked % _CHECK_EVERY == 0:
                check()
        return out

    def _next(self, hay: str, pos: int) -> Span | None:
        """The first match at ``pos`` or after."""
        if self.needle:
            at = hay.find(self.needle, pos)
            return None if at < 0 else (at, at + len(self.needle))
        try:
            if self.query.regex:
                match = self.pattern.search(hay, pos, timeout=self.timeout, concurrent=True)
            else:
                match = self.pattern.search(hay, pos)
        except TimeoutError:
            raise SearchTimeout(
                f"the regular expression took too long (over {self.timeout:g} s): simplify it"
            ) from None
        return None if match is None else match.span()

    def _find(self, hay: str, check: Check | None, limit: int | None) -> list[Span]:
        if self.needle:
            return _find_literal(hay, self.needle, check, limit)
        out: list[Span] = []
        if self.query.regex:
            try:
                iterator = self.pattern.finditer(hay, timeout=self.timeout, concurrent=True)
                for match in iterator:
                    start, end = match.span()
                    if end > start:
                        out.append((start, end))
                        if limit is not None and len(out) >= limit:
                            break
                    if check is not None and len(out) % _CHECK_EVERY == 0:
                        check()
            except TimeoutError:
                raise SearchTimeout(
                    f"the regular expression took too long (over {self.timeout:g} s): simplify it"
                ) from None
            return out
        for match in self.pattern.finditer(hay):
            out.append(match.span())
            if limit is not None and len(out) >= limit:
                break
            if check is not None and len(out) % _CHECK_EVERY == 0:
                check()
        return out


def one_for_one(needle: str, copy: Folded) -> bool:
    """Whether ``needle`` is found in ``copy`` as it is, stand-ins and all.

    True when no stand-in's letters are in the needle (``securite``): a stand-in then never
    takes part in a match. False for ``coeur`` where ``œ`` stands for ``oe``, and for a needle
    holding a reserved character (in the copy that code point is a stand-in).
    """
    if _holds_reserved(needle):
        return False
    return not any(meaning in needle for meaning in copy.standins)


@lru_cache(maxsize=64)
def _holds_reserved(needle: str) -> bool:
    """Whether ``needle`` holds a code point stand-ins are taken from (asked once per text searched)."""
    return any(reserved(c) for c in needle)


_SPAN = re.Match.span
_LITERAL_CHUNK = 1 << 20


def _find_literal(hay: str, needle: str, check: Check | None, limit: int | None) -> list[Span]:
    """Non-overlapping occurrences, left to right, a megabyte at a time (``check`` between).

    ``finditer`` over an escaped literal with ``map(span)`` keeps the loop in C: faster than a
    ``str.find`` loop once there are thousands of matches.
    """
    pattern = re.compile(re.escape(needle))
    out: list[Span] = []
    size, reach = len(hay), len(needle) - 1
    pos = 0
    while pos < size:
        if check is not None:
            check()
        end = min(size, pos + _LITERAL_CHUNK)
        out.extend(map(_SPAN, pattern.finditer(hay, pos, min(size, end + reach))))
        if limit is not None and len(out) >= limit:
            del out[limit:]
            break
        pos = max(end, out[-1][1]) if out else end
    return out


def find_all(text: str, query: Query | str, **kwargs: Any) -> list[Span]:
    """Every match of ``query`` in ``text`` (a convenience around :class:`Matcher`)."""
    if isinstance(query, str):
        query = Query(query)
    return Matcher(query).find_all(text, **kwargs)


__all__ = ["Matcher", "SearchCancelled", "SearchError", "SearchTimeout", "Span", "find_all", "folded"]
