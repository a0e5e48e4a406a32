"""``@record``: a small frozen type with ``__slots__``, as ``@dataclass(frozen=True, slots=True)`` makes
it (its own fields, each in ``__init__``), made without compiling code; ``@mutable_record`` as
``@dataclass(slots=True)`` makes it.

Pure: stdlib only, at the bottom layer. ``dataclass`` writes each method of a class as source
text and compiles it (``exec``): some 1 ms a class here, and the reader's first frame waited for
some forty of them. A record's methods are shared functions that read the class's fields (its
equality and hash through one ``attrgetter``), so making the class costs a few microseconds. A
frozen record's ``__init__`` is shared too (1.4 µs an object, a dataclass's 0.6): for types made a
few at a time (places, what the claim pane shows, the status line's state, a date's parts). A
mutable record, for the model's annotations (made by the hundred thousand), has its ``__init__``
compiled as ``dataclass`` compiles it, once, when its first object is made: as fast, and paid only
by a type that is made (the reader's collection, read in a child process, comes back pickled).

A record is a dataclass to the standard library (``dataclasses.fields``, ``replace``, ``asdict``):
its fields are ``dataclasses.Field`` objects, defaults and ``field(default_factory=...)`` as there.
It compares by its fields, in order, with objects of its own class only (a frozen one hashes by
them, a mutable one is unhashable); it is printed as a dataclass is; it pickles; ``match`` takes its
fields by position; setting a field of a frozen one raises ``dataclasses.FrozenInstanceError``.
``tests/unit/test_record.py`` holds it to each of these, beside the same class made by ``dataclass``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from operator import attrgetter
from typing import Any, TypeVar, dataclass_transform

__all__ = ["mutable_record", "record"]

T = TypeVar("T")

_MISSING: Any = dataclasses.MISSING


@dataclass_transform(frozen_default=True, field_specifiers=(dataclasses.field, dataclasses.Field))
def record(cls: type[T]) -> type[T]:
    """``cls`` made a frozen record with slots (see the module's docstring)."""
    return _made(cls, frozen=True)


@dataclass_transform(field_specifiers=(dataclasses.field, dataclasses.Field))
def mutable_record(cls: type[T]) -> type[T]:
    """``cls`` made a record with slots whose fields can be set, as ``@dataclass(slots=True)`` makes
    it: unhashable, compared by its fields. Its ``__init__`` is compiled as ``dataclass`` compiles it,
    once, when the first object is made: a type made by the hundred thousand (the model's
    annotations) makes each as fast, and one never made before the reader's first frame costs none
    of it there."""
    return _made(cls, frozen=False)


def _made(cls: type[T], *, frozen: bool) -> type[T]:
    fields = _fields(cls)
    names = tuple(f.name for f in fields)
    namespace = {
        key: value
        for key, value in cls.__dict__.items()
        if key not in ("__dict__", "__weakref__") and key not in names
    }
    namespace["__slots__"] = names
    namespace["__match_args__"] = names
    namespace["_record_fields"] = names  # what the shared methods read (a subclass may add slots)
    namespace["_record_values"] = _reader(names)
    namespace["__dataclass_fields__"] = {f.name: f for f in fields}
    namespace["__dataclass_params__"] = _FROZEN if frozen else _MUTABLE
    made_class: list[Any] = []
    namespace["__init__"] = _init(cls.__qualname__, fields) if frozen else _compiled_later(made_class)
    methods = _METHODS if frozen else _MUTABLE_METHODS
    for name, method in methods.items():
        if name not in cls.__dict__:  # one written in the class is kept
            namespace[name] = method
    maker: Any = type(cls)  # the class made anew, with its slots
    made: Any = maker(cls.__name__, cls.__bases__, namespace)
    made.__qualname__ = cls.__qualname__
    made_class.append(made)
    return made  # type: ignore[no-any-return]


def _compiled_later(made_class: list[Any]) -> Callable[..., None]:
    def __init__(self: object, *args: Any, **kwargs: Any) -> None:  # noqa: N807 - the method itself
        made = made_class[0]
        if made.__dict__.get("__init__") is __init__:  # the first object made: compiled once
            made.__init__ = _compiled_init(made)
        made.__init__(self, *args, **kwargs)

    return __init__


def _compiled_init(made: type) -> Callable[..., None]:
    """The ``__init__`` that ``dataclass`` compiles for the fields of ``made``, taken from a copy of
    them (it sets each field as any code does: on ``made``'s slots)."""
    shape: dict[str, Any] = {"__annotations__": {f.name: f.type for f in dataclasses.fields(made)}}
    for f in dataclasses.fields(made):
        if f.default is not _MISSING:
            shape[f.name] = f.default
        elif f.default_factory is not _MISSING:
            shape[f.name] = dataclasses.field(default_factory=f.default_factory)
    shape["__module__"], shape["__qualname__"] = made.__module__, made.__qualname__
    copied: Any = dataclasses.dataclass(eq=False, repr=False)(type(made.__name__, (), shape))
    init: Callable[..., None] = copied.__init__
    return init


def _fields(cls: type) -> list[dataclasses.Field[Any]]:
    annotations = cls.__dict__.get("__annotations__", {})
    fields = []
    for name, kind in annotations.items():
        if isinstance(kind, str) and kind.startswith(("ClassVar", "typing.ClassVar")):
            continue
        value = cls.__dict__.get(name, _MISSING)
        made: dataclasses.Field[Any] = (
            value if isinstance(value, dataclasses.Field) else dataclasses.field(default=value)
        )
        made.name, made.type = name, kind
        made._field_type = dataclasses._FIELD  # type: ignore[attr-defined]  # what fields() reads
        fields.append(made)
    return fields


def _init(qualname: str, fields: list[dataclasses.Field[Any]]) -> Callable[..., None]:
    names = [f.name for f in fields]
    defaults = {f.name: f.default for f in fields if f.default is not _MISSING}
    factories: dict[str, Any] = {
        f.name: f.default_factory for f in fields if f.default_factory is not _MISSING
    }
    count = len(names)
    setter = object.__setattr__

    def __init__(self: object, *args: Any, **kwargs: Any) -> None:  # noqa: N807 - the method itself
        if len(args) > count:
            raise TypeError(f"{qualname}() takes {count} positional arguments but {len(args)} were given")
        for name in kwargs:
            if name not in names[len(args) :]:
                said = "multiple values for" if name in names else "an unexpected keyword"
                raise TypeError(f"{qualname}() got {said} argument '{name}'")
        for name, value in zip(names, args, strict=False):
            setter(self, name, value)
        for name in names[len(args) :]:
            if name in kwargs:
                setter(self, name, kwargs[name])
            elif name in defaults:
                setter(self, name, defaults[name])
            elif name in factories:
                setter(self, name, factories[name]())
            else:
                raise TypeError(f"{qualname}() missing required argument: '{name}'")

    return __init__


def _reader(names: tuple[str, ...]) -> Callable[[object], tuple[Any, ...]]:
    """The values of the fields ``names`` of an object, as a tuple (read at C speed when several)."""
    if len(names) > 1:
        return attrgetter(*names)
    return lambda obj: tuple(getattr(obj, name) for name in names)


def _eq(self: Any, other: Any) -> Any:
    if other.__class__ is not self.__class__:
        return NotImplemented
    values = self._record_values
    return values(self) == values(other)


def _hash(self: Any) -> int:
    return hash(self._record_values(self))


def _repr(self: Any) -> str:
    values = zip(self._record_fields, self._record_values(self), strict=True)
    shown = ", ".join(f"{name}={value!r}" for name, value in values)
    return f"{self.__class__.__qualname__}({shown})"


def _setattr(self: object, name: str, value: object) -> None:
    raise dataclasses.FrozenInstanceError(f"cannot assign to field {name!r}")


def _delattr(self: object, name: str) -> None:
    raise dataclasses.FrozenInstanceError(f"cannot delete field {name!r}")


def _getstate(self: Any) -> tuple[Any, ...]:
    return self._record_values(self)  # type: ignore[no-any-return]


def _setstate(self: Any, state: tuple[Any, ...]) -> None:
    for name, value in zip(self._record_fields, state, strict=True):
        object.__setattr__(self, name, value)


_METHODS: dict[str, Callable[..., Any]] = {
    "__eq__": _eq,
    "__hash__": _hash,
    "__repr__": _repr,
    "__setattr__": _setattr,
    "__delattr__": _delattr,
    "__getstate__": _getstate,
    "__setstate__": _setstate,
}
_MUTABLE_METHODS: dict[str, Any] = {
    "__eq__": _eq,
    "__hash__": None,  # as a dataclass whose fields can be set: compared by them, so unhashable
    "__repr__": _repr,
    "__getstate__": _getstate,
    "__setstate__": _setstate,
}

# init, repr, eq, order, unsafe_hash, frozen: as ``dataclass`` says them
_FROZEN = dataclasses._DataclassParams(True, True, True, False, False, True)  # type: ignore[attr-defined]
_MUTABLE = dataclasses._DataclassParams(True, True, True, False, False, False)  # type: ignore[attr-defined]
