"""What the reader asked for: the query string and its flags, and the errors a search can raise."""

from __future__ import annotations

TYPE_CHECKING = False  # typing's, without importing typing: see briefing_tui.named_tuple
if TYPE_CHECKING:
    from typing import NamedTuple
else:
    from briefing_tui.named_tuple import NamedTuple


class SearchError(ValueError):
    """A query that cannot run (a bad regular expression); ``str()`` is a message for a person."""


class SearchTimeout(SearchError):
    """A regular expression that took longer than its time bound."""


class SearchCancelled(Exception):
    """Raised by a ``check`` callback to stop a search between chunks."""


def _has_upper(text: str, regex: bool) -> bool:
    """True when the query holds an upper-case letter (escapes such as ``\\S`` do not count)."""
    if not regex:
        return any(c.isupper() for c in text)
    i = 0
    while i < len(text):
        if text[i] == "\\":
            i += 2
            continue
        if text[i].isupper():
            return True
        i += 1
    return False


class Query(NamedTuple):
    """A search query (a named tuple: immutable, compared and hashed by its fields, and cheap to
    import, which the command line's start-up needs).

    Attributes:
        text: what was typed.
        exact: compare characters as they are: no accent, ligature or typography folding.
        word: match whole words only.
        regex: ``text`` is a regular expression.
        case_sensitive: ``None`` for smart case (an upper-case letter makes the search case-sensitive).
    """

    text: str
    exact: bool = False
    word: bool = False
    regex: bool = False
    case_sensitive: bool | None = None

    @property
    def keep_case(self) -> bool:
        """Whether case matters for this query (smart case unless set)."""
        if self.case_sensitive is not None:
            return self.case_sensitive
        return _has_upper(self.text, self.regex)

    def toggled(self, flag: str) -> Query:
        """This query with one of ``exact``, ``word`` or ``regex`` switched."""
        if flag == "exact":
            return self._replace(exact=not self.exact)
        if flag == "word":
            return self._replace(word=not self.word)
        if flag == "regex":
            return self._replace(regex=not self.regex)
        raise ValueError(f"no such flag: {flag}")

    def describe(self) -> str:
        """Short flag summary for a status line, such as ``"word regex Aa"``."""
        parts = [name for name in ("exact", "word", "regex") if getattr(self, name)]
        if self.keep_case:
            parts.append("Aa")
        return " ".join(parts)
