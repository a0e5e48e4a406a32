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


CONTEXT = "http://www.w3.org/ns/anno.jsonld"
_IRI = re.compile(r"^(?:[A-Za-z][A-Za-z0-9+.-]*:|#)[^\s<>\"{}|\\^`]+$")  # absolute, or a fragment of the file
_DATE_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})?$")


def is_iri(value: Any) -> bool:
    return isinstance(value, str) and bool(_IRI.match(value))


def check_musts(ann: dict[str, Any], where: Path_, *, in_page: bool) -> None:
    """What the Web Annotation model says an annotation MUST be (section 3.1 and 3.3): refused otherwise."""
    context = ann.get("@context")
    if not in_page and not (context == CONTEXT or (isinstance(context, list) and CONTEXT in context)):
        raise Invalid((*where, "@context"), f"must be (or include) {CONTEXT}, not {context!r}")
    ident = ann.get("id")
    if isinstance(ident, list) and len(ident) == 1:
        ident = ident[0]
    if not is_iri(ident):
        raise Invalid((*where, "id"), f"an annotation has exactly one IRI as its id, not {ident!r}")
    if not has_type(ann, "Annotation"):
        raise Invalid((*where, "type"), f"must be (or include) Annotation, not {ann.get('type')!r}")
    if "body" in ann and "bodyValue" in ann:
        raise Invalid(where, "an annotation cannot have both body and bodyValue")
    for key in ("created", "modified", "generated"):
        if key in ann and not (isinstance(ann[key], str) and _DATE_TIME.match(ann[key])):
            raise Invalid((*where, key), f"must be one xsd:dateTime (2015-01-28T12:00:00Z), not {ann[key]!r}")
    for key in ("rights", "via", "canonical"):
        values = ann[key] if isinstance(ann.get(key), list) else [ann.get(key)]
        if key in ann and not all(is_iri(v) for v in values):
            raise Invalid((*where, key), f"must be an IRI, not {ann[key]!r}")
    for key in ("creator", "generator"):
        for agent in as_list(ann.get(key)):
            if not (is_iri(agent) or isinstance(agent, dict)):
                raise Invalid((*where, key), f"must be an agent (an object) or its IRI, not {agent!r}")
    for i, target in enumerate(as_list(ann.get("target"))):
        for sel in as_list(target.get("selector")) if isinstance(target, dict) else []:
            if (
                isinstance(sel, dict)
                and sel.get("type") == "FragmentSelector"
                and not isinstance(sel.get("value"), str)
            ):
                raise Invalid((*where, "target", i, "selector"), "a FragmentSelector has one value")


def from_hypothesis(data: dict[str, Any]) -> list[tuple[Path_, dict[str, Any]]]:
    """The Hypothesis API's search result (``{total, rows}``) as Web Annotations: its text is a comment,
    its tags are tags, its targets keep their selectors."""
    rows = data["rows"]
    if not isinstance(rows, list):
        raise Invalid(("rows",), f"must be a list, not {kind_of(rows)}")
    out: list[tuple[Path_, dict[str, Any]]] = []
    for i, row in enumerate(rows):
        if not isinstance(row, dict):
            raise Invalid(("rows", i), f"a Hypothesis annotation is an object, not {kind_of(row)}")
        tags, text = row.get("tags") or [], row.get("text") or ""
        if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
            raise Invalid(("rows", i, "tags"), "must be a list of strings")
        if not isinstance(text, str):
            raise Invalid(("rows", i, "text"), f"must be a string, not {kind_of(text)}")
        body = [{"type": "TextualBody", "value": t, "purpose": "tagging"} for t in tags]
        if text:
            body.insert(0, {"type": "TextualBody", "value": text, "purpose": "commenting"})
        links: dict[str, Any] = row["links"] if isinstance(row.get("links"), dict) else {}
        ident = links.get("html") if is_iri(links.get("html")) else f"https://hypothes.is/a/{row.get('id')}"
        ann = {"id": ident, "type": "Annotation", "body": body, "target": row.get("target") or []}
        for key in ("created", "updated"):
            if isinstance(row.get(key), str):
                ann["modified" if key == "updated" else key] = row[key]
        out.append((("rows", i), ann))
    return out


def read_annotations(data: Any) -> list[tuple[Path_, dict[str, Any]]]:
    """Every annotation of a file with its JSON path."""
    out: list[tuple[Path_, dict[str, Any]]] = []
    if isinstance(data, dict) and "rows" in data and "total" in data:
        return from_hypothesis(data)

    def page(value: Any, where: Path_) -> None:
        if not isinstance(value, dict):
            raise Invalid(where, f"an AnnotationPage must be an object, not {kind_of(value)}")
        items = value.get("items", [])
        if not isinstance(items, list):
            raise Invalid((*where, "items"), f"must be a list, not {kind_of(items)}")
        out.extend(
            ((*where, "items", i), _annotation(a, (*where, "items", i), in_page=True))
            for i, a in enumerate(items)
        )
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


def _annotation(value: Any, where: Path_, *, in_page: bool = False) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise Invalid(where, f"an annotation must be an object, not {kind_of(value)}")
    if "target" not in value:
        raise Invalid(where, "the annotation has no target")
    check_musts(value, where, in_page=in_page)
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
    if "bodyValue" in ann and isinstance(ann["bodyValue"], str):
        raw = {"type": "TextualBody", "value": ann["bodyValue"]}
    for i, body in enumerate(as_list(raw)):
        bw = (*where, "body", i) if isinstance(raw, list) else (*where, "body")
        if isinstance(body, dict) and has_type(body, "Choice"):
            items = as_list(body.get("items"))
            if not items:
                raise Invalid(bw, "a Choice has items")
            body = items[0]  # the first item is the one to use when nothing else decides (model 3.2.7)
            bw = (*bw, "items", 0)
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
        elif isinstance(resource_iri(body), str):
            iri = resource_iri(body)
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


def resource_iri(body: dict[str, Any]) -> str | None:
    """The IRI a resource body stands for: its ``source`` (an IRI or an object with an id), else its id."""
    source = body.get("source")
    if isinstance(source, dict):
        source = source.get("id")
    value = source if isinstance(source, str) else body.get("id")
    return value if isinstance(value, str) else None


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


def find_quote(text: str, exact: str, prefix: Any, suffix: Any) -> tuple[int, int, bool] | None:
    """The occurrence of ``exact`` that prefix and suffix select, else the first; the flag says
    whether the prefix and suffix given matched (True when there were none)."""
    first, at = None, text.find(exact)
    while at >= 0:
        first = at if first is None else first
        if (not prefix or text.endswith(prefix, 0, at)) and (
            not suffix or text.startswith(suffix, at + len(exact))
        ):
            return at, at + len(exact), True
        at = text.find(exact, at + 1)
    return None if first is None else (first, first + len(exact), False)


def find_exact(sel: Any) -> str | None:
    for s in as_list(sel):
        if isinstance(s, dict) and isinstance(s.get("exact"), str):
            return str(s["exact"])
    return None
