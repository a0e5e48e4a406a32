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
    Ids,
    collector_paused,
    document_ids,
    edtf,
    edtf_or_unknown,
    jpath,
    json_errors,
    problem,
    read_json,
    read_text,
    slug,
)
from briefing_tui.formats.w3c_shapes import (
    URN,
    Path_,
    as_list,
    created_day,
    entity_links,
    is_entity_link,
    local_id,
    rating_of,
    read_annotations,
    read_bodies,
)
from briefing_tui.formats.w3c_targets import Targets
from briefing_tui.model.types import (
    Claim,
    Document,
    Entity,
    Event,
    Source,
    SourceRef,
    Span,
    Verdict,
)
from briefing_tui.words import plural

ENTITY_TAGS = {
    "person": "person", "people": "person", "per": "person",
    "organisation": "organisation", "organization": "organisation", "org": "organisation",
    "place": "place", "location": "place", "loc": "place", "gpe": "place",
    "date": "date", "time": "date", "event": "event", "other": "other", "misc": "other",
}  # fmt: skip
_QID = re.compile(r"^https?://(?:www\.)?wikidata\.org/(?:entity|wiki)/(Q\d+)$")


class _Importer:
    def __init__(self, json_path: Path, text_path: Path, text: str, base: Document | None = None) -> None:
        self.json_path, self.text = json_path, text
        self.doc = base or Document(text_path, slug(text_path.stem, "w3c"), text_path.stem, "und", text)
        self.ids = Ids(document_ids(self.doc))
        self.targets = Targets(text, self.warn)
        self.status = ""  # the wikidata status tag of the annotation being read
        self.made: list[str] = []  # annotations read as entities for their free-text tags or comment
        self._by_url: dict[str, Source] | None = None
        self._by_id: dict[str, Source] = {}
        self.kept: list[str] = []
        self.by_key: dict[tuple[str, str], Entity] = {}
        for e in self.doc.entities:  # annotations of an entity a base briefing already has join it
            for key in (e.id, e.wikidata or "", e.name.casefold()):
                self.by_key.setdefault((e.type, key), e)

    def warn(self, message: str) -> None:
        self.doc.problems.append(problem(self.json_path, message, warning=True))

    # --- bodies ------------------------------------------------------------------------------------

    def run(self, data: Any, *, bom: bool = False) -> Document:
        items = read_annotations(data)
        self.targets.read_counting(items, bom=bom)
        for where, ann in items:
            self.add(ann, where)
        self.targets.say_unread()
        if self.made:
            self.warn(f"{plural(len(self.made), 'annotation')} with free-text tags became entities named by "
                      "their passage, typed by their first tag: "
                      + ", ".join(self.made[:5]) + (" …" if len(self.made) > 5 else ""))  # fmt: skip
        if self.kept:
            kept = plural(len(self.kept), "annotation")
            self.warn(f"{kept} with no briefing equivalent kept in extra.w3c: "
                      + ", ".join(self.kept[:10]) + (" …" if len(self.kept) > 10 else ""))  # fmt: skip
        return self.doc

    def add(self, ann: dict[str, Any], where: Path_) -> None:
        spans = []
        for i, target in enumerate(as_list(ann["target"])):
            tw = (*where, "target", i) if isinstance(ann["target"], list) else (*where, "target")
            spans.append(self.targets.span(target, tw))
        bodies = read_bodies(ann, where)
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
        urn = URN.match(str(ann.get("id", "")))
        anchored = [s for s in spans if s is not None]
        label = str(ann.get("id") or jpath(where))
        is_claim = "claim" in (t.lower() for t in tags) or (urn and urn.group(1) == "claim")
        selectors = [t for t in as_list(ann["target"]) if isinstance(t, dict) and "selector" in t]
        if not anchored and selectors:
            self.keep(ann, label, "its selectors match nothing in the text: an orphan")
            return
        if not anchored and (is_claim or not (types or names or qids)):
            self.keep(ann, label, "its targets are other resources, not passages of the text")
            return
        if is_claim or (text_of["assessing"] and not types):
            self.claim(ann, anchored[0], urn.group(2) if urn else local_id(label, "claim"), bodies, text_of)
            self.doc.claims[-1].unverified = unverified
        elif "event" in types and (dates or (urn and urn.group(1) == "event")):
            self.event(anchored, urn.group(2) if urn else local_id(label, "event"), dates, text_of)
            self.doc.events[-1].sources = self.links(bodies)
            self.doc.events[-1].entities = entity_links(bodies)
            self.doc.events[-1].unverified = unverified
        elif types or names or qids:
            other_tags = [t for t in tags if t.lower() not in ENTITY_TAGS] if types else tags[1:]
            type_ = types[0] if types else (tags[0] if tags else "other")
            self.status = status
            entity = self.entity(anchored, type_, names, qids, urn.group(2) if urn else None, text_of)
            entity.unverified += [u for u in unverified if u not in entity.unverified]
            if other_tags:
                self.doc.extra.setdefault("w3c", {}).setdefault("tags", {})[label] = other_tags
        elif anchored and tags:  # free-text tags (Recogito, Hypothesis): the first is the type
            self.entity(anchored, tags[0], [], [], None, text_of)
            if tags[1:]:
                self.doc.extra.setdefault("w3c", {}).setdefault("tags", {})[label] = tags[1:]
            self.made.append(label)
        else:
            why = (
                "a comment with no tag: a briefing has no free note on a passage"
                if text_of["commenting"]
                else ""
            )
            self.keep(ann, label, why or "no tag, identifying or assessing body")

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
        # never one entity for two Wikidata items (Georgia Q230, the country; Q1428, the state)
        entity = next(
            (
                self.by_key[k]
                for k in keys
                if k in self.by_key and not (qids and self.by_key[k].wikidata not in (None, qids[0]))
            ),
            None,
        )
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
            if not (qids and key[1] != qids[0] and key in self.by_key):
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
        rating = rating_of(text_of["assessing"])
        if rating is not None:
            assessing = [b["value"] for b in bodies if b["purpose"] == "assessing" and not b["iri"]]
            explanation = "\n".join(assessing[1:])
            claim.verdict = Verdict(rating, explanation, created_day(ann))
        elif text_of["assessing"]:
            claim.note = "\n".join(x for x in (claim.note, text_of["assessing"]) if x)
        claim.sources = self.links(bodies)
        claim.entities = entity_links(bodies)
        self.doc.claims.append(claim)

    def links(self, bodies: list[dict[str, Any]]) -> list[SourceRef]:
        return [
            SourceRef(self.source(b["value"], b.get("id")).id, b.get("passage"))
            for b in bodies
            if b["purpose"] == "linking" and b["iri"] and not is_entity_link(b)
        ]

    def source(self, iri: str, rid: Any = None) -> Source:
        urn = URN.match(rid if isinstance(rid, str) else iri)
        if self._by_url is None:  # made once: a file may link thousands of annotations to their sources
            self._by_url = {s.url: s for s in reversed(self.doc.sources) if s.url}
            self._by_id = {s.id: s for s in self.doc.sources}
        found = self._by_url.get(iri) or (self._by_id.get(urn.group(2)) if urn else None)
        if found is not None:
            return found
        if urn:
            src = Source(self.ids.new(urn.group(2), "source"), url=None if URN.match(iri) else iri)
        else:
            src = Source(self.ids.new("S-" + slug(iri.split("//", 1)[-1])[:30], "source"), url=iri)
        self.doc.sources.append(src)
        self._by_id[src.id] = src
        if src.url:
            self._by_url.setdefault(src.url, src)
        return src


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
    bom = False
    if base is None:
        with open(text_path, "rb") as handle:
            bom = handle.read(3) == b"\xef\xbb\xbf"
    with collector_paused():
        data = read_json(json_path)
        with json_errors(json_path):
            return _Importer(json_path, text_path, text, base).run(data, bom=bom)


__all__ = ["import_w3c"]
