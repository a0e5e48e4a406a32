"""Pure search: query parsing, folding, matching, corpus search. Never imports textual."""

from briefing_tui.search.fold import Folded, build, fold, fold_char
from briefing_tui.search.match import Matcher, find_all, folded
from briefing_tui.search.query import Query, SearchCancelled, SearchError, SearchTimeout

__all__ = [
    "Folded",
    "Matcher",
    "Query",
    "SearchCancelled",
    "SearchError",
    "SearchTimeout",
    "build",
    "find_all",
    "fold",
    "fold_char",
    "folded",
]
