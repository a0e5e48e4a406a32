"""The shapes of a W3C Web Annotation file: its annotations, their bodies and selectors, UTF-16 offsets.

Everything here reads the JSON as given and raises ``Invalid`` (with the JSON path) where its shape is wrong;
``w3c`` builds the briefing from what these return.
"""

from __future__ import annotations

import re
from typing import Any

from briefing_tui.formats import common
from briefing_tui.formats.common import jpath, slug
from briefing_tui.model.types import RATINGS, Rating

URN = re.compile(r"^urn:briefing:[^:]+:(entity|claim|event|source):([A-Za-z0-9_.:-]+?)(?::\d+)?$")
Path_ = tuple[str | int, ...]


class Invalid(common.Invalid):
    def __init__(self, where: Path_, message: str) -> None:
        super().__init__(f"{jpath(where)}: {message}")


def read_annotations(data: Any) -> list[tuple[Path_, dict[str, Any]]]:
    """Every annotation of a file with its JSON path."""
    out: list[tuple[Path_, dict[str, Any]]] = []

    def page(value: Any, where: Path_) -> None:
        if not isinstance(value, dict):
            raise Invalid(where, f"an AnnotationPage must be an object, not {kind_of(value)}")
        items = value.get("items", [])
        if not isinstance(items, list):
            raise Invalid((*where, "items"), f"must be a list, not {kind_of(items)}")
        out.extend(((*where, "items", i), _annotation(a, (*where, "items", i))) for i, a in enumerate(items))
        nxt = value.get("next")
        if isinstance(nxt, dict):
            page(nxt, (*where, "next"))
        elif nxt is not None:
            raise Invalid((*where, "next"), "links to another page: only embedded pages can be read")

    if isinstance(data, list):
        out.extend(((i,), _annotation(a, (i,))) for i, a in enumerate(data))
    elif isinstance(data, dict) and has_type(data, "AnnotationCollection"):
        first = data.get("first")
        if isinstance(first, dict):
            page(first, ("first",))
        elif isinstance(data.get("items"), list):
            page(data, ())
        elif first is not None:
            raise Invalid(("first",), "links to a page: only embedded pages can be read")
    elif isinstance(data, dict) and has_type(data, "AnnotationPage"):
        page(data, ())
    elif isinstance(data, dict):
        out.append(((), _annotation(data, ())))
    else:
        raise Invalid((), f"expected an annotation, a list or an AnnotationCollection, not {kind_of(data)}")
    return out


def kind_of(value: Any) -> str:
    return {dict: "an object", list: "a list", str: "a string", bool: "a boolean", type(None): "null"}.get(
        type(value), "a number"
    )


def has_type(value: dict[str, Any], name: str) -> bool:
    t = value.get("type", value.get("@type"))
    return t == name or (isinstance(t, list) and name in t)


def _annotation(value: Any, where: Path_) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise Invalid(where, f"an annotation must be an object, not {kind_of(value)}")
    if "target" not in value:
        raise Invalid(where, "the annotation has no target")
    return value


def as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [] if value is None else [value]


class Utf16:
    """Converts UTF-16 code unit offsets of ``text`` to code point offsets."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.astral = any(ord(c) > 0xFFFF for c in text)
        self._map: list[int] | None = None

    def to_cp(self, offset: int) -> int | None:
        if not self.astral:
            return offset
        if self._map is None:
            self._map = []
            for i, c in enumerate(self.text):
                self._map.append(i)
                if ord(c) > 0xFFFF:
                    self._map.append(-1)  # the middle of a surrogate pair
            self._map.append(len(self.text))
        if not 0 <= offset < len(self._map) or self._map[offset] < 0:
            return None
        return self._map[offset]


def is_entity_link(body: dict[str, Any]) -> bool:
    urn = URN.match(str(body["value"]))
    return bool(urn and urn.group(1) == "entity")


def entity_links(bodies: list[dict[str, Any]]) -> list[str]:
    """Entities named by linking bodies ``urn:briefing:DOC:entity:ID`` (as the export writes them)."""
    out = []
    for b in bodies:
        urn = URN.match(str(b["value"])) if b["purpose"] == "linking" else None
        if urn and urn.group(1) == "entity":
            out.append(urn.group(2))
    return out


def local_id(iri: str, kind: str) -> str:
    """An id from an annotation IRI: ``https://x.org/anno/6`` -> ``event-6``."""
    tail = re.split(r"[/#]", iri.rstrip("/"))[-1]
    return tail if re.match(r"^[A-Za-z][A-Za-z0-9_.-]*$", tail) else f"{kind}-{slug(tail, 'x')}"


def created_day(ann: dict[str, Any]) -> str | None:
    value = ann.get("modified") or ann.get("created")
    return value[:10] if isinstance(value, str) and re.match(r"\d{4}-\d{2}-\d{2}", value) else None


def rating_of(value: str) -> Rating | None:
    folded = value.strip().casefold()
    for rating, info in RATINGS.items():
        if folded in (rating.value, info.alternate_name.casefold(), info.label.casefold()):
            return rating
    return None


def read_bodies(ann: dict[str, Any], where: Path_) -> list[dict[str, Any]]:
    """Every body as ``{purpose, value, iri}``; a tagging motivation makes a plain body a tag."""
    motivation = ann.get("motivation")
    known = ("tagging", "identifying", "commenting", "describing", "assessing", "linking")
    default = (
        "tagging" if motivation == "classifying" else motivation if motivation in known else "commenting"
    )
    out = []
    raw = ann.get("body", [])
    for i, body in enumerate(as_list(raw)):
        bw = (*where, "body", i) if isinstance(raw, list) else (*where, "body")
        if isinstance(body, str):
            out.append(
                {"purpose": "linking" if default == "commenting" else default, "value": body, "iri": True}
            )
            continue
        if not isinstance(body, dict):
            raise Invalid(bw, f"a body must be an object or an IRI, not {kind_of(body)}")
        purpose = body.get("purpose", default)
        purpose = purpose[0] if isinstance(purpose, list) and purpose else purpose
        if purpose == "classifying":
            purpose = "tagging"
        if "value" in body:
            if not isinstance(body["value"], str):
                raise Invalid((*bw, "value"), f"must be a string, not {kind_of(body['value'])}")
            out.append({"purpose": purpose, "value": body["value"], "iri": False})
        elif isinstance(body.get("source") or body.get("id"), str):
            iri = body.get("source") or body.get("id")
            if purpose == "commenting":
                purpose = "linking"
            sel = body.get("selector")
            passage = (
                sel.get("exact") if isinstance(sel, dict) and isinstance(sel.get("exact"), str) else None
            )
            out.append(
                {"purpose": purpose, "value": iri, "iri": True, "id": body.get("id"), "passage": passage}
            )
        else:
            raise Invalid(bw, "a body needs a value (TextualBody) or an id/source (a resource)")
    return out


def check_quote(sel: Any, where: Path_) -> str:
    """The ``exact`` of a TextQuoteSelector, its shape checked (other selectors pass: "")."""
    if not isinstance(sel, dict) or sel.get("type") != "TextQuoteSelector":
        return ""
    exact = sel.get("exact")
    if not isinstance(exact, str) or not exact:
        raise Invalid((*where, "exact"), f"must be a non-empty string, not {exact!r}")
    for key in ("prefix", "suffix"):
        if key in sel and not isinstance(sel[key], str):
            raise Invalid((*where, key), f"must be a string, not {kind_of(sel[key])}")
    return exact


def find_quote(text: str, exact: str, prefix: Any, suffix: Any) -> tuple[int, int] | None:
    """The occurrence of ``exact`` that prefix and suffix select, else the first."""
    first, at = None, text.find(exact)
    while at >= 0:
        first = at if first is None else first
        if (not prefix or text.endswith(prefix, 0, at)) and (
            not suffix or text.startswith(suffix, at + len(exact))
        ):
            return at, at + len(exact)
        at = text.find(exact, at + 1)
    return None if first is None else (first, first + len(exact))


def find_exact(sel: Any) -> str | None:
    for s in as_list(sel):
        if isinstance(s, dict) and isinstance(s.get("exact"), str):
            return str(s["exact"])
    return None
