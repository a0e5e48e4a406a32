"""Finding a quote in a text: the one quote finder of the loader, the navigator and the importers.

Pure: stdlib only. A quote (W3C ``TextQuoteSelector``: ``exact`` with an optional ``prefix`` and
``suffix``) is looked for as written; among several occurrences the prefix chooses first, then the
suffix, each only when it leaves at least one.
"""

from __future__ import annotations


def occurrences(text: str, exact: str, limit: int | None = None) -> list[int]:
    """The start of every occurrence of ``exact`` in ``text`` (overlapping ones too), up to ``limit``."""
    found: list[int] = []
    if not exact:
        return found
    i = text.find(exact)
    while i >= 0 and (limit is None or len(found) < limit):
        found.append(i)
        i = text.find(exact, i + 1)
    return found


def in_context(text: str, exact: str, hits: list[int], prefix: str | None, suffix: str | None) -> list[int]:
    """The occurrences ``hits`` of ``exact`` that its ``prefix`` then its ``suffix`` choose.

    A context that no occurrence has is ignored (the quote is kept rather than lost).
    """
    chosen = hits
    if len(chosen) > 1 and prefix:
        chosen = [i for i in chosen if text.endswith(prefix, 0, i)] or chosen
    if len(chosen) > 1 and suffix:
        after = [i for i in chosen if text.startswith(suffix, i + len(exact))]
        chosen = after or chosen
    return chosen


def find_quote(text: str, exact: str, prefix: str | None = None, suffix: str | None = None) -> list[int]:
    """Where the quote stands in ``text``: its occurrences that the context chooses, in text order.

    One item when the quote is found once (or its context tells which); empty when it is not found.
    """
    hits = occurrences(text, exact, None if prefix or suffix else 2)
    return in_context(text, exact, hits, prefix, suffix)
