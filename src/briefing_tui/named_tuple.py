"""``NamedTuple`` for the command line's start: the class syntax of ``typing.NamedTuple`` without
importing ``typing`` (some 6 ms of every command's start, a twentieth of a warm search).

A module on the commands' path writes::

    if TYPE_CHECKING:
        from typing import NamedTuple
    else:
        from briefing_tui.named_tuple import NamedTuple

so that the type checker sees ``typing``'s, with its exact field types, and the program runs this
one. The class made is ``collections.namedtuple``'s, as ``typing`` makes it: its fields are the
class's annotations in order, their defaults the values given, and its methods, properties and
docstring are kept. ``tests/unit/test_named_tuple.py`` holds it to ``typing``'s on the same classes.
"""

from __future__ import annotations

from collections import namedtuple

__all__ = ["NamedTuple"]

_MADE_BY_PYTHON = frozenset({"__module__"})
_ITS_OWN = frozenset(
    {
        "__new__",
        "__init__",
        "__slots__",
        "__getnewargs__",
        "_fields",
        "_field_defaults",
        "_make",
        "_replace",
        "_asdict",
    }
)


class _Maker(type):
    """Turns ``class Name(NamedTuple): ...`` into a ``collections.namedtuple`` class."""

    def __new__(mcs, name: str, bases: tuple[type, ...], namespace: dict[str, object]) -> type:
        if not bases:  # ``NamedTuple`` itself
            return super().__new__(mcs, name, bases, namespace)
        if bases != (NamedTuple,):
            raise TypeError(f"{name}: a named tuple derives from NamedTuple alone")
        fields = list(namespace.get("__annotations__", {}))  # type: ignore[call-overload]
        defaults = [namespace[field] for field in fields if field in namespace]
        if any(field in namespace for field in fields[: len(fields) - len(defaults)]):
            raise TypeError(f"{name}: a field without a default follows one with a default")
        module = str(namespace.get("__module__", __name__))
        made: type = namedtuple(name, fields, defaults=defaults, module=module)  # type: ignore[misc]
        for key, value in namespace.items():
            if key in _ITS_OWN:
                raise AttributeError(f"{name}: cannot overwrite {key} of a named tuple")
            if key not in _MADE_BY_PYTHON and key not in fields:
                setattr(made, key, value)  # methods, properties, the docstring, __qualname__
        return made


class NamedTuple(metaclass=_Maker):
    """Derive from it and annotate the fields, as from ``typing.NamedTuple``."""
