"""W3C Web Annotation (JSON-LD) import onto a text: one annotation, a list, a page or a collection.

Targets are anchored with TextQuoteSelector and TextPositionSelector (several selectors on one target
describe the same passage; ``refinedBy`` narrows a selection inside its parent). Positions are code
points; a file whose positions were counted in UTF-16 units is detected through the quotes, converted,
and said in a warning.

Bodies: a tagging body (or a tagging motivation) gives the type (``person``, ``place``, ... ; ``claim``
makes a claim; ``event`` with a ``date:EDTF`` tag an event); an identifying body names the entity
(a Wikidata IRI gives its QID); describing and commenting bodies give the label, gloss or note; an
assessing body whose value is a rating gives a claim's verdict; linking bodies its sources.
Annotations with none of these are kept in ``extra.w3c`` and named in a warning.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from briefing_tui.formats.common import (
    UNEXPECTED,
    Ids,
    document_ids,
    edtf,
    edtf_or_unknown,
    exact_span,
    fail,
    jpath,
    json_fail,
    problem,
    read_json,
    read_text,
    slug,
)
from briefing_tui.model.types import (
    RATINGS,
    AnchorStatus,
    Claim,
    Document,
    Entity,
    Event,
    Rating,
    Selector,
    Source,
    SourceRef,
    Span,
    Verdict,
)

ENTITY_TAGS = {
    "person": "person", "people": "person", "per": "person",
    "organisation": "organisation", "organization": "organisation", "org": "organisation",
    "place": "place", "location": "place", "loc": "place", "gpe": "place",
    "date": "date", "time": "date", "event": "event", "other": "other", "misc": "other",
}  # fmt: skip
_QID = re.compile(r"^https?://(?:www\.)?wikidata\.org/(?:entity|wiki)/(Q\d+)$")
_URN = re.compile(r"^urn:briefing:[^:]+:(entity|claim|event|source):([A-Za-z0-9_.:-]+?)(?::\d+)?$")
Path_ = tuple[str | int, ...]


class _Invalid(Exception):
    def __init__(self, where: Path_, message: str) -> None:
        super().__init__(f"{jpath(where)}: {message}")


def _annotations(data: Any) -> list[tuple[Path_, dict[str, Any]]]:
    """Every annotation of a file with its JSON path."""
    out: list[tuple[Path_, dict[str, Any]]] = []

    def page(value: Any, where: Path_) -> None:
        if not isinstance(value, dict):
            raise _Invalid(where, f"an AnnotationPage must be an object, not {_kind(value)}")
        items = value.get("items", [])
        if not isinstance(items, list):
            raise _Invalid((*where, "items"), f"must be a list, not {_kind(items)}")
        out.extend(((*where, "items", i), _annotation(a, (*where, "items", i))) for i, a in enumerate(items))
        nxt = value.get("next")
        if isinstance(nxt, dict):
            page(nxt, (*where, "next"))
        elif nxt is not None:
            raise _Invalid((*where, "next"), "links to another page: only embedded pages can be read")

    if isinstance(data, list):
        out.extend(((i,), _annotation(a, (i,))) for i, a in enumerate(data))
    elif isinstance(data, dict) and _has_type(data, "AnnotationCollection"):
        first = data.get("first")
        if isinstance(first, dict):
            page(first, ("first",))
        elif isinstance(data.get("items"), list):
            page(data, ())
        elif first is not None:
            raise _Invalid(("first",), "links to a page: only embedded pages can be read")
    elif isinstance(data, dict) and _has_type(data, "AnnotationPage"):
        page(data, ())
    elif isinstance(data, dict):
        out.append(((), _annotation(data, ())))
    else:
        raise _Invalid((), f"expected an annotation, a list or an AnnotationCollection, not {_kind(data)}")
    return out


def _kind(value: Any) -> str:
    return {dict: "an object", list: "a list", str: "a string", bool: "a boolean", type(None): "null"}.get(
        type(value), "a number"
    )


def _has_type(value: dict[str, Any], name: str) -> bool:
    t = value.get("type", value.get("@type"))
    return t == name or (isinstance(t, list) and name in t)


def _annotation(value: Any, where: Path_) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise _Invalid(where, f"an annotation must be an object, not {_kind(value)}")
    if "target" not in value:
        raise _Invalid(where, "the annotation has no target")
    return value


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [] if value is None else [value]


class _Utf16:
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


class _Importer:
    def __init__(self, json_path: Path, text_path: Path, text: str, base: Document | None = None) -> None:
        self.json_path, self.text = json_path, text
        self.doc = base or Document(text_path, slug(text_path.stem, "w3c"), text_path.stem, "und", text)
        self.ids = Ids(document_ids(self.doc))
        self.utf16 = _Utf16(text)
        self.use_utf16 = False
        self.status = ""  # the wikidata status tag of the annotation being read
        self.unread: dict[str, list[str]] = {}  # selector kinds that cannot be read: where they were
        self.kept: list[str] = []
        self.by_key: dict[tuple[str, str], Entity] = {}
        for e in self.doc.entities:  # annotations of an entity a base briefing already has join it
            for key in (e.id, e.wikidata or "", e.name.casefold()):
                self.by_key.setdefault((e.type, key), e)

    def warn(self, message: str) -> None:
        self.doc.problems.append(problem(self.json_path, message, warning=True))

    # --- selectors ---------------------------------------------------------------------------------

    def _selector(self, sel: Any, where: Path_, base: int, limit: int) -> tuple[int, int] | None:
        """Resolve one selector (and its refinements) inside ``text[base:limit]``."""
        if not isinstance(sel, dict):
            raise _Invalid(where, f"a selector must be an object, not {_kind(sel)}")
        kind = sel.get("type")
        part = self.text[base:limit]
        if kind == "TextPositionSelector":
            start, end = sel.get("start"), sel.get("end")
            for key, v in (("start", start), ("end", end)):
                if not isinstance(v, int) or isinstance(v, bool) or v < 0:
                    raise _Invalid((*where, key), f"must be a non-negative integer, not {v!r}")
            if end < start:  # type: ignore[operator]
                raise _Invalid(where, f"end {end} is before start {start}")
            found: tuple[int, int] | None = (base + start, base + end)  # type: ignore[operator]
            if base + end > limit:  # type: ignore[operator]
                found = None
        elif kind == "TextQuoteSelector":
            exact = _check_quote(sel, where)
            span = _quote(part, exact, sel.get("prefix"), sel.get("suffix"))
            found = None if span is None else (base + span[0], base + span[1])
        else:
            self.unread.setdefault(str(kind or "untyped"), []).append(jpath(where))
            return None
        if found is not None and "refinedBy" in sel:
            return self._selectors(sel["refinedBy"], (*where, "refinedBy"), found[0], found[1])
        return found

    def _selectors(self, value: Any, where: Path_, base: int, limit: int) -> tuple[int, int] | None:
        """Several selectors describe the same passage: a position that agrees with the quote wins."""
        sels = value if isinstance(value, list) else [value]
        spots = [(*where, i) if isinstance(value, list) else where for i in range(len(sels))]
        quotes = [
            s.get("exact") for s in sels if isinstance(s, dict) and s.get("type") == "TextQuoteSelector"
        ]
        quote = quotes[0] if quotes else None
        pairs = list(zip(sels, spots, strict=True))
        for sel, spot in pairs:  # a position is cheap: when it agrees with the quote, no search is needed
            if isinstance(sel, dict) and sel.get("type") == "TextPositionSelector" and "refinedBy" not in sel:
                pos = self._position(sel, spot, base, limit, quote)
                if pos is not None:
                    for other, other_spot in pairs:
                        _check_quote(other, other_spot)
                    return pos
        for sel, spot in pairs:
            if not (
                isinstance(sel, dict) and sel.get("type") == "TextPositionSelector" and "refinedBy" not in sel
            ):
                found = self._selector(sel, spot, base, limit)
                if found is not None:
                    return found
        return None

    def _position(
        self, sel: dict[str, Any], where: Path_, base: int, limit: int, quote: Any
    ) -> tuple[int, int] | None:
        found = self._selector(sel, where, base, limit)
        if self.use_utf16 and base == 0:
            found = self._from_utf16(sel["start"], sel["end"])
        if found is not None and (quote is None or self.text[found[0] : found[1]] == quote):
            return found
        return None

    def detect_utf16(self, items: list[tuple[Path_, dict[str, Any]]]) -> None:
        """UTF-16 positions: some position disagrees with its quote and every one agrees once converted."""
        if not self.utf16.astral:
            return
        pairs = []
        for _, ann in items:
            for target in _as_list(ann.get("target")):
                sels = _as_list(target.get("selector")) if isinstance(target, dict) else []
                pos = next(
                    (x for x in sels if isinstance(x, dict) and x.get("type") == "TextPositionSelector"), None
                )
                quote = next((x.get("exact") for x in sels if isinstance(x, dict)
                              and x.get("type") == "TextQuoteSelector"), None)  # fmt: skip
                if (
                    pos
                    and isinstance(quote, str)
                    and isinstance(pos.get("start"), int)
                    and isinstance(pos.get("end"), int)
                ):
                    pairs.append((pos["start"], pos["end"], quote))
        direct = sum(self.text[s:e] == q for s, e, q in pairs)
        converted = sum(
            (c := self._from_utf16(s, e)) is not None and self.text[c[0] : c[1]] == q for s, e, q in pairs
        )
        if converted > direct:
            self.use_utf16 = True
            self.warn(
                f"positions were counted in UTF-16 code units (as JavaScript does): {converted} of "
                f"{len(pairs)} quotes agree once converted to code points, {direct} before; converted"
            )

    def _from_utf16(self, s: int, e: int) -> tuple[int, int] | None:
        a, b = self.utf16.to_cp(s), self.utf16.to_cp(e)
        return None if a is None or b is None else (a, b)

    def span(self, target: Any, where: Path_) -> Span | None:
        if isinstance(target, str):
            return None
        if not isinstance(target, dict):
            raise _Invalid(where, f"a target must be an object or an IRI, not {_kind(target)}")
        if "selector" not in target:
            return None
        found = self._selectors(target["selector"], (*where, "selector"), 0, len(self.text))
        if found is None:
            exact = _find_exact(target["selector"])
            return Span(-1, -1, AnchorStatus.ORPHAN, Selector(exact=exact))
        return exact_span(self.text, *found)

    # --- bodies ------------------------------------------------------------------------------------

    def run(self, data: Any) -> Document:
        items = _annotations(data)
        self.detect_utf16(items)
        for where, ann in items:
            self.add(ann, where)
        for kind, places in self.unread.items():
            more = f" and {len(places) - 1} more" if len(places) > 1 else ""
            self.warn(f"{places[0]}{more}: {kind} selectors cannot be read; ignored")
        if self.kept:
            self.warn(f"{len(self.kept)} annotation(s) with no briefing equivalent kept in extra.w3c: "
                      + ", ".join(self.kept[:10]) + (" …" if len(self.kept) > 10 else ""))  # fmt: skip
        return self.doc

    def add(self, ann: dict[str, Any], where: Path_) -> None:
        spans = []
        for i, target in enumerate(_as_list(ann["target"])):
            tw = (*where, "target", i) if isinstance(ann["target"], list) else (*where, "target")
            spans.append(self.span(target, tw))
        bodies = _bodies(ann, where)
        tags = [b["value"] for b in bodies if b["purpose"] == "tagging"]
        types = [ENTITY_TAGS[t.lower()] for t in tags if t.lower() in ENTITY_TAGS]
        dates = [t[5:] for t in tags if t.lower().startswith("date:")]
        status = next((t[9:] for t in tags if t.lower().startswith("wikidata:")), "")
        unverified = [t[11:] for t in tags if t.lower().startswith("unverified:")]
        tags = [t for t in tags if not t.lower().startswith(("wikidata:", "unverified:"))]
        names = [b["value"] for b in bodies if b["purpose"] == "identifying" and not b["iri"]]
        qids = [m.group(1) for b in bodies if b["iri"] and (m := _QID.match(b["value"]))]
        text_of = {p: next((b["value"] for b in bodies if b["purpose"] == p and not b["iri"]), "")
                   for p in ("describing", "commenting", "assessing")}  # fmt: skip
        urn = _URN.match(str(ann.get("id", "")))
        anchored = [s for s in spans if s is not None]
        label = str(ann.get("id") or jpath(where))
        is_claim = "claim" in (t.lower() for t in tags) or (urn and urn.group(1) == "claim")
        if not anchored and (is_claim or not (types or names or qids)):
            self.keep(ann, label, "its target has no text selector")
            return
        if is_claim or (text_of["assessing"] and not types):
            self.claim(ann, anchored[0], urn.group(2) if urn else _local(label, "claim"), bodies, text_of)
            self.doc.claims[-1].unverified = unverified
        elif "event" in types and (dates or (urn and urn.group(1) == "event")):
            self.event(anchored, urn.group(2) if urn else _local(label, "event"), dates, text_of)
            self.doc.events[-1].sources = self.links(bodies)
            self.doc.events[-1].entities = _entity_links(bodies)
            self.doc.events[-1].unverified = unverified
        elif types or names or qids:
            other_tags = [t for t in tags if t.lower() not in ENTITY_TAGS] if types else tags[1:]
            type_ = types[0] if types else (tags[0] if tags else "other")
            self.status = status
            entity = self.entity(anchored, type_, names, qids, urn.group(2) if urn else None, text_of)
            entity.unverified += [u for u in unverified if u not in entity.unverified]
            if other_tags:
                self.doc.extra.setdefault("w3c", {}).setdefault("tags", {})[label] = other_tags
        else:
            self.keep(ann, label, "no tag, identifying or assessing body")

    def keep(self, ann: dict[str, Any], label: str, why: str) -> None:
        self.doc.extra.setdefault("w3c", {}).setdefault("annotations", []).append(ann)
        self.kept.append(f"{label} ({why})")

    def entity(self, spans: list[Span], type_: str, names: list[str], qids: list[str], eid: str | None,
               text_of: dict[str, str]) -> Entity:  # fmt: skip
        first = spans[0] if spans else None
        surface = ""
        if first is not None:
            surface = self.text[first.start : first.end] if first.anchored else (first.selector.exact or "")
        name = names[0] if names else None
        keys = [(type_, k) for k in (eid, *qids, (name or "").casefold(), surface.casefold()) if k]
        entity = next((self.by_key[k] for k in keys if k in self.by_key), None)
        if entity is None:
            wanted = eid or slug(name or surface, "entity")
            entity = Entity(self.ids.new(wanted), name or surface, type_)
            entity.wikidata = qids[0] if qids else None
            entity.wikidata_status = "" if qids else self.status
            entity.description = text_of["describing"]
            entity.note = text_of["commenting"]
            entity.aliases = [n for n in names[1:] if n != entity.name]
            self.doc.entities.append(entity)
        for key in keys:
            self.by_key.setdefault(key, entity)
        entity.mentions.extend(spans)
        if not names and surface and surface != entity.name and surface not in entity.aliases:
            entity.aliases.append(surface)
        return entity

    def event(self, spans: list[Span], eid: str, dates: list[str], text_of: dict[str, str]) -> None:
        label = text_of["describing"] or (self.text[spans[0].start : spans[0].end] if spans else eid)
        date = edtf(dates[0]) if dates else None
        if dates and date is None:
            self.warn(f"{eid}: date:{dates[0]} is not an EDTF date; the event's date is unknown (XXXX)")
        event = Event(self.ids.new(eid, "event"), label, date or edtf_or_unknown("XXXX"), mentions=spans)
        event.note = text_of["commenting"]
        self.doc.events.append(event)

    def claim(self, ann: dict[str, Any], span: Span, cid: str, bodies: list[dict[str, Any]],
              text_of: dict[str, str]) -> None:  # fmt: skip
        claim = Claim(
            self.ids.new(cid, "claim"), span, gloss=text_of["describing"], note=text_of["commenting"]
        )
        rating = _rating(text_of["assessing"])
        if rating is not None:
            assessing = [b["value"] for b in bodies if b["purpose"] == "assessing" and not b["iri"]]
            explanation = "\n".join(assessing[1:])
            claim.verdict = Verdict(rating, explanation, _created(ann))
        elif text_of["assessing"]:
            claim.note = "\n".join(x for x in (claim.note, text_of["assessing"]) if x)
        claim.sources = self.links(bodies)
        claim.entities = _entity_links(bodies)
        self.doc.claims.append(claim)

    def links(self, bodies: list[dict[str, Any]]) -> list[SourceRef]:
        return [
            SourceRef(self.source(b["value"], b.get("id")).id, b.get("passage"))
            for b in bodies
            if b["purpose"] == "linking" and b["iri"] and not _is_entity_link(b)
        ]

    def source(self, iri: str, rid: Any = None) -> Source:
        urn = _URN.match(rid if isinstance(rid, str) else iri)
        for s in self.doc.sources:
            if s.url == iri or (urn and s.id == urn.group(2)):
                return s
        if urn:
            src = Source(self.ids.new(urn.group(2), "source"), url=None if _URN.match(iri) else iri)
        else:
            src = Source(self.ids.new("S-" + slug(iri.split("//", 1)[-1])[:30], "source"), url=iri)
        self.doc.sources.append(src)
        return src


def _is_entity_link(body: dict[str, Any]) -> bool:
    urn = _URN.match(str(body["value"]))
    return bool(urn and urn.group(1) == "entity")


def _entity_links(bodies: list[dict[str, Any]]) -> list[str]:
    """Entities named by linking bodies ``urn:briefing:DOC:entity:ID`` (as the export writes them)."""
    out = []
    for b in bodies:
        urn = _URN.match(str(b["value"])) if b["purpose"] == "linking" else None
        if urn and urn.group(1) == "entity":
            out.append(urn.group(2))
    return out


def _local(iri: str, kind: str) -> str:
    """An id from an annotation IRI: ``https://x.org/anno/6`` -> ``event-6``."""
    tail = re.split(r"[/#]", iri.rstrip("/"))[-1]
    return tail if re.match(r"^[A-Za-z][A-Za-z0-9_.-]*$", tail) else f"{kind}-{slug(tail, 'x')}"


def _created(ann: dict[str, Any]) -> str | None:
    value = ann.get("modified") or ann.get("created")
    return value[:10] if isinstance(value, str) and re.match(r"\d{4}-\d{2}-\d{2}", value) else None


def _rating(value: str) -> Rating | None:
    folded = value.strip().casefold()
    for rating, info in RATINGS.items():
        if folded in (rating.value, info.alternate_name.casefold(), info.label.casefold()):
            return rating
    return None


def _bodies(ann: dict[str, Any], where: Path_) -> list[dict[str, Any]]:
    """Every body as ``{purpose, value, iri}``; a tagging motivation makes a plain body a tag."""
    motivation = ann.get("motivation")
    known = ("tagging", "identifying", "commenting", "describing", "assessing", "linking")
    default = (
        "tagging" if motivation == "classifying" else motivation if motivation in known else "commenting"
    )
    out = []
    raw = ann.get("body", [])
    for i, body in enumerate(_as_list(raw)):
        bw = (*where, "body", i) if isinstance(raw, list) else (*where, "body")
        if isinstance(body, str):
            out.append(
                {"purpose": "linking" if default == "commenting" else default, "value": body, "iri": True}
            )
            continue
        if not isinstance(body, dict):
            raise _Invalid(bw, f"a body must be an object or an IRI, not {_kind(body)}")
        purpose = body.get("purpose", default)
        purpose = purpose[0] if isinstance(purpose, list) and purpose else purpose
        if purpose == "classifying":
            purpose = "tagging"
        if "value" in body:
            if not isinstance(body["value"], str):
                raise _Invalid((*bw, "value"), f"must be a string, not {_kind(body['value'])}")
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
            raise _Invalid(bw, "a body needs a value (TextualBody) or an id/source (a resource)")
    return out


def _check_quote(sel: Any, where: Path_) -> str:
    """The ``exact`` of a TextQuoteSelector, its shape checked (other selectors pass: "")."""
    if not isinstance(sel, dict) or sel.get("type") != "TextQuoteSelector":
        return ""
    exact = sel.get("exact")
    if not isinstance(exact, str) or not exact:
        raise _Invalid((*where, "exact"), f"must be a non-empty string, not {exact!r}")
    for key in ("prefix", "suffix"):
        if key in sel and not isinstance(sel[key], str):
            raise _Invalid((*where, key), f"must be a string, not {_kind(sel[key])}")
    return exact


def _quote(text: str, exact: str, prefix: Any, suffix: Any) -> tuple[int, int] | None:
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


def _find_exact(sel: Any) -> str | None:
    for s in _as_list(sel):
        if isinstance(s, dict) and isinstance(s.get("exact"), str):
            return str(s["exact"])
    return None


def import_w3c(json_path: str | Path, text_path: str | Path, base: Document | None = None) -> Document:
    """Import Web Annotations onto a text.

    Args:
        json_path: the annotations (one, a list, an AnnotationPage or an AnnotationCollection).
        text_path: the plain text they annotate (ignored when ``base`` is given).
        base: a briefing to add the annotations to (its text is the one annotated).

    Raises:
        LoadError: with the JSON path of what is wrong.
    """
    json_path, text_path = Path(json_path), Path(text_path)
    text = base.text if base is not None else read_text(text_path)
    data = read_json(json_path)
    try:
        return _Importer(json_path, text_path, text, base).run(data)
    except _Invalid as exc:
        raise json_fail(json_path, str(exc)) from None
    except UNEXPECTED as exc:  # a shape no check above foresaw: still a message, never a traceback
        raise fail(json_path, f"unexpected structure ({type(exc).__name__}): {exc}") from None


__all__ = ["import_w3c"]
