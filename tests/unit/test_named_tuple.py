"""``briefing_tui.named_tuple.NamedTuple`` makes the classes ``typing.NamedTuple`` makes."""

from __future__ import annotations

import pickle
import typing
from typing import Any

import pytest

from briefing_tui import named_tuple
from briefing_tui.console import Styled
from briefing_tui.search.query import Query


def _pair(base: Any) -> Any:
    class Pair(base):  # type: ignore[misc, valid-type]
        """Two things, the second optional."""

        first: str
        second: int = 2
        third: bool | None = None

        @property
        def doubled(self) -> int:
            return self.second * 2

        def swapped(self) -> Any:
            return self._replace(first=self.first[::-1])

        def __repr__(self) -> str:
            return f"<{self.first}>"

    return Pair


OURS, TYPING = _pair(named_tuple.NamedTuple), _pair(typing.NamedTuple)


def test_the_class_made_behaves_as_typings() -> None:
    for made in (OURS, TYPING):
        assert made._fields == ("first", "second", "third")
        assert made._field_defaults == {"second": 2, "third": None}
        assert made.__doc__ == "Two things, the second optional."
        assert made.__qualname__.endswith("_pair.<locals>.Pair")
        assert made.__module__ == __name__
        assert made.__slots__ == ()
        assert list(made.__annotations__) == ["first", "second", "third"]
        assert issubclass(made, tuple)
    ours, theirs = OURS("ab"), TYPING("ab")
    assert tuple(ours) == tuple(theirs) == ("ab", 2, None)
    assert ours == theirs and hash(ours) == hash(theirs)
    assert (ours.doubled, ours.swapped(), repr(ours)) == (theirs.doubled, theirs.swapped(), repr(theirs))
    assert OURS("x", third=True)._asdict() == TYPING("x", third=True)._asdict()
    assert OURS._make(["a", 5, False]) == ("a", 5, False)
    with pytest.raises(AttributeError):
        ours.first = "c"  # type: ignore[misc]
    with pytest.raises(TypeError):
        OURS()


def test_the_projects_named_tuples_are_the_same_as_typings() -> None:
    assert Styled._fields == ("kind", "text") and Styled.__annotations__ == {"kind": "str", "text": "str"}
    assert Query._fields == ("text", "exact", "word", "regex", "case_sensitive")
    assert Query._field_defaults == {"exact": False, "word": False, "regex": False, "case_sensitive": None}
    assert Query("ÉTATS").keep_case and not Query("etats").keep_case
    assert Query("x").toggled("word") == Query("x", word=True)
    assert pickle.loads(pickle.dumps(Query("x", regex=True))) == Query("x", regex=True)
    assert pickle.loads(pickle.dumps(Styled("path", "a"))) == Styled("path", "a")


def test_what_typing_refuses_is_refused() -> None:
    with pytest.raises(TypeError):

        class Backwards(named_tuple.NamedTuple):
            first: int = 1
            second: int

    with pytest.raises(AttributeError):

        class Overwrites(named_tuple.NamedTuple):
            first: int

            def _replace(self, **kwargs: Any) -> Any:
                return self

    with pytest.raises(TypeError):

        class Mixed(named_tuple.NamedTuple, dict):  # type: ignore[misc]
            first: int
