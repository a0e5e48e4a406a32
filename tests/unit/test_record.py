"""``@record`` makes what ``@dataclass(frozen=True, slots=True)`` makes, without compiling code:
each behaviour checked on a record and on the same class made by ``dataclass``."""

from __future__ import annotations

import copy
import dataclasses
import pickle
from dataclasses import dataclass, field
from typing import Any

import pytest

from briefing_tui.record import mutable_record, record


@record
class Place:
    """A place."""

    doc_id: str
    start: int = -1
    tags: list[str] = field(default_factory=list)

    @property
    def anchored(self) -> bool:
        return self.start >= 0


@dataclass(frozen=True, slots=True)
class Known:
    """A place."""

    doc_id: str
    start: int = -1
    tags: list[str] = field(default_factory=list)

    @property
    def anchored(self) -> bool:
        return self.start >= 0


@record
class Other:
    doc_id: str
    start: int = -1


KINDS = [Place, Known]


@pytest.mark.parametrize("kind", KINDS)
def test_made_by_position_by_name_and_by_default(kind: Any) -> None:
    assert kind("d").start == -1 and kind("d").tags == [] and kind("d").tags is not kind("d").tags
    assert (
        kind("d", 3).start == 3
        and kind(doc_id="d", start=4).start == 4
        and kind("d", tags=["x"]).tags == ["x"]
    )
    assert kind("d", 5).anchored and not kind("d").anchored
    wrong: tuple[Any, ...]
    for wrong in ((), ("d", 1, [], 9)):
        with pytest.raises(TypeError):
            kind(*wrong)
    for named in ({"start": 1, "doc_id": "d", "nope": 2}, {"doc_id": "d"}):
        with pytest.raises(TypeError):
            kind("d", **named)  # an unknown name, or one given twice


@pytest.mark.parametrize("kind", KINDS)
def test_compared_hashed_and_printed_by_its_fields(kind: Any) -> None:
    assert kind("d", 1) == kind("d", 1) and kind("d", 1) != kind("d", 2)
    assert hash(kind("d", 1, ())) == hash(kind("d", 1, ()))  # type: ignore[arg-type]
    assert kind("d", 1) != Other("d", 1) and Other("d", 1) != kind("d", 1)
    assert repr(kind("d", 1)) == f"{kind.__qualname__}(doc_id='d', start=1, tags=[])"
    assert kind.__doc__ == "A place." and kind.__name__ in ("Place", "Known")


@pytest.mark.parametrize("kind", KINDS)
def test_frozen_with_slots(kind: Any) -> None:
    made = kind("d", 1)
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.start = 2
    with pytest.raises(dataclasses.FrozenInstanceError):
        del made.start
    assert not hasattr(made, "__dict__") and kind.__slots__ == ("doc_id", "start", "tags")


@pytest.mark.parametrize("kind", KINDS)
def test_a_dataclass_to_the_standard_library(kind: Any) -> None:
    made = kind("d", 1, ["t"])
    assert dataclasses.is_dataclass(made) and not isinstance(made, type)
    assert [f.name for f in dataclasses.fields(made)] == ["doc_id", "start", "tags"]
    assert dataclasses.replace(made, start=7) == kind("d", 7, ["t"])
    assert dataclasses.asdict(made) == {"doc_id": "d", "start": 1, "tags": ["t"]}
    assert copy.deepcopy(made) == made and copy.copy(made) == made
    assert pickle.loads(pickle.dumps(made, protocol=pickle.HIGHEST_PROTOCOL)) == made


def test_a_subclass_with_slots_of_its_own_is_compared_and_printed_by_the_record_s_fields() -> None:
    class Marked(Place):
        __slots__ = ("mark",)

    one, two = Marked("d", 1), Marked("d", 2)
    object.__setattr__(one, "mark", "x")
    assert one != two and one == Marked("d", 1)
    assert repr(two).endswith(".Marked(doc_id='d', start=2, tags=[])")
    assert pickle.loads(pickle.dumps(Place("d", 3))) == Place("d", 3)


@pytest.mark.parametrize("kind", KINDS)
def test_matched_by_position(kind: Any) -> None:
    match kind("d", 3):
        case kind(doc_id, start) if start == 3:
            assert doc_id == "d"
        case _:
            pytest.fail("not matched")


def test_made_without_compiling_code(monkeypatch: pytest.MonkeyPatch) -> None:
    def refused(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("code compiled")

    kind = type("Kind", (), {"__annotations__": {"a": "str", "b": "int"}, "b": 0})
    with monkeypatch.context() as patched:
        patched.setattr("builtins.exec", refused)
        patched.setattr("builtins.compile", refused)
        made: Any = record(kind)
        with pytest.raises(AssertionError):  # as dataclass does
            dataclass(frozen=True, slots=True)(type("Again", (), {"__annotations__": {"a": "str"}}))
    assert made("x") == made("x", 0) and made("x").b == 0


@mutable_record
class Note:
    text: str
    line: int = 0
    tags: list[str] = field(default_factory=list)


@dataclass(slots=True)
class KnownNote:
    text: str
    line: int = 0
    tags: list[str] = field(default_factory=list)


@pytest.mark.parametrize("kind", [Note, KnownNote])
def test_a_mutable_record_is_what_dataclass_makes_with_slots(kind: Any) -> None:
    made = kind("a", 2)
    assert (
        made == kind("a", 2, [])
        and made != kind("a", 3)
        and made.tags == []
        and made.tags is not kind("a").tags
    )
    made.line, made.tags = 5, ["t"]
    assert made == kind("a", 5, ["t"]) and repr(made).endswith("Note(text='a', line=5, tags=['t'])")
    with pytest.raises(TypeError):
        hash(made)
    assert not hasattr(made, "__dict__") and dataclasses.replace(made, text="b") == kind("b", 5, ["t"])
    assert dataclasses.asdict(made) == {"text": "a", "line": 5, "tags": ["t"]}
    assert pickle.loads(pickle.dumps(made, protocol=pickle.HIGHEST_PROTOCOL)) == made
    assert kind(text="c", tags=["x"]) == kind("c", 0, ["x"])
    with pytest.raises(TypeError):
        kind()
    match made:
        case kind(text, line):
            assert (text, line) == ("a", 5)


def test_a_mutable_record_compiles_its_init_once_at_its_first_object(monkeypatch: pytest.MonkeyPatch) -> None:
    kinds = type("Kind", (), {"__annotations__": {"a": "str", "b": "int"}, "b": 0})
    with monkeypatch.context() as patched:
        patched.setattr("builtins.exec", lambda *_args, **_kwargs: pytest.fail("code compiled"))
        made: Any = mutable_record(kinds)  # made without compiling code
    first = made.__dict__["__init__"]
    assert made("x").b == 0 and made("y", 2).b == 2
    compiled = made.__dict__["__init__"]
    assert compiled is not first and compiled.__code__.co_filename == "<string>"  # as dataclass compiles it
    made("z")
    assert made.__dict__["__init__"] is compiled  # once
