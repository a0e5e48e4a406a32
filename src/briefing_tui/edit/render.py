"""An annotation as the format writes it, field by field, and what each field means for comparing.

``item_data`` gives an annotation's keys and values in the order of docs/format.md, written by the
same rules as ``briefing import`` (``formats.yaml_writer``). ``facets`` gives, for each key, a value
that is equal exactly when the two annotations mean the same for that key: a span is its place in
the text (not how it was written), a verdict its rating, explanation and day. Saving compares
facets, so a key whose meaning did not change keeps the person's own writing of it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal, TypeAlias

from briefing_tui.formats import yaml_writer as yw
from briefing_tui.model.build_refs import UNVERIFIED_ALL
from briefing_tui.model.types import Claim, Entity, Event, Source, SourceRef, Span, Verdict

Kind = Literal["entity", "event", "claim", "source"]
KINDS: tuple[Kind, ...] = ("entity", "event", "claim", "source")
LIST_OF: dict[str, str] = {"entity": "entities", "event": "events", "claim": "claims", "source": "sources"}
"""The top-level list of each kind of annotation."""
Annotation: TypeAlias = Entity | Event | Claim | Source


@dataclass(frozen=True, slots=True)
class Bookmark:
    """A place in the text the person wants to come back to (kept in the sidecar, never in the file)."""

    id: str
    start: int
    end: int
    label: str = ""


def span_key(span: Span) -> tuple[Any, ...]:
    return (span.start, span.end) if span.anchored else ("orphan", span.selector)


def ref_key(ref: SourceRef) -> tuple[Any, ...]:
    return (ref.source, ref.passage, ref.stance.value)


def verdict_facets(verdict: Verdict | None) -> dict[str, Any]:
    if verdict is None:
        return {}
    return _drop_empty(
        {"rating": verdict.rating.value, "explanation": verdict.explanation, "reviewed": verdict.reviewed}
    )


def _drop_empty(values: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in values.items() if v not in (None, "", (), [], {}, False)}


def facets(obj: Annotation) -> dict[str, Any]:
    """Each key of ``obj`` as a comparable value; empty values are left out (they are not written)."""
    out: dict[str, Any] = {}
    match obj:
        case Entity():
            out = {
                "name": obj.name,
                "type": obj.type,
                "aliases": tuple(obj.aliases),
                "description": obj.description,
                "wikidata": obj.wikidata or obj.wikidata_status or None,
                "mentions": tuple(span_key(m) for m in obj.mentions),
            }
        case Event():
            out = {
                "label": obj.label,
                "date": obj.date.text,
                "mentions": tuple(span_key(m) for m in obj.mentions),
                "entities": tuple(obj.entities),
                "sources": tuple(ref_key(r) for r in obj.sources),
            }
        case Claim():
            out = {
                "span": span_key(obj.span),
                "gloss": obj.gloss,
                "entities": tuple(obj.entities),
                "sources": tuple(ref_key(r) for r in obj.sources),
                "verdict": tuple(sorted(verdict_facets(obj.verdict).items())),
            }
        case Source():
            out = {
                "title": obj.title,
                "publisher": obj.publisher,
                "author": obj.author,
                "date": obj.date,
                "url": obj.url,
                "mirrors": tuple(obj.mirrors),
                "kind": obj.kind,
                "document": obj.document,
                "span": obj.span,
                "entity": obj.entity,
            }
    out["id"] = obj.id
    out["unverified"] = tuple(obj.unverified)
    out["note"] = obj.note
    out["draft"] = obj.draft
    return _drop_empty(out)


def same_document(a: Any, b: Any) -> bool:
    """Whether two documents hold the same text and annotations (``doc_facets`` equal), compared
    one annotation at a time: no structure the size of the document is made, and so none is freed
    at once (which would hold the interpreter for a quarter of a second on a 10 MB briefing)."""
    if a.text != b.text:
        return False
    for kind in KINDS:
        mine, theirs = getattr(a, LIST_OF[kind]), getattr(b, LIST_OF[kind])
        if len(mine) != len(theirs) or any(facets(x) != facets(y) for x, y in zip(mine, theirs, strict=True)):
            return False
    return True


def doc_facets(doc: Any) -> dict[str, Any]:
    """A whole document as comparable values: its text and every annotation in order."""
    return {
        "text": doc.text,
        **{kind: [facets(a) for a in getattr(doc, LIST_OF[kind])] for kind in KINDS},
    }


def list_items(obj: Annotation, key: str) -> tuple[Any, ...] | None:
    """The comparable items of a list-valued key, or None when ``key`` is not a list of ``obj``."""
    match key:
        case "mentions" if isinstance(obj, Entity | Event):
            return tuple(span_key(m) for m in obj.mentions)
        case "sources" if isinstance(obj, Claim | Event):
            return tuple(ref_key(r) for r in obj.sources)
        case "entities" if isinstance(obj, Claim | Event):
            return tuple(obj.entities)
        case "aliases" if isinstance(obj, Entity):
            return tuple(obj.aliases)
        case "mirrors" if isinstance(obj, Source):
            return tuple(obj.mirrors)
    return None


def item_data(obj: Annotation, text: str) -> dict[str, Any]:
    """The annotation as plain data, in the format's key order (``yaml_writer``), ``draft`` included."""
    match obj:
        case Entity():
            data = yw._entity(obj, text)
        case Event():
            data = yw._event(obj, text)
        case Claim():
            data = yw._claim(obj, text)
        case Source():
            data = yw._source(obj)
    if data.get("unverified") == [UNVERIFIED_ALL]:
        data["unverified"] = True  # what ``unverified: true`` reads back as
    if obj.draft:
        data["draft"] = True
    return data


class _Dumper(yw._Dumper):
    """The format's writer, with days written plainly (``reviewed: 2026-11-27``) as the format does:
    the loader reads every scalar as text, so a day needs no quotes."""


_Dumper.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yw._Dumper.yaml_implicit_resolvers.items()
}


def dump(data: Any) -> str:
    """``data`` as block YAML, by the format's writer (never anchors, never folded lines), every bidi
    control written as an escape as that writer does (the strings holding one are double-quoted)."""
    import yaml

    text = yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=1 << 30, indent=2)
    return text.translate(yw._BIDI_ESCAPES)


def block_pair(key: str, value: Any, indent: int) -> str:
    """``key: value`` as block YAML whose every line but the first is indented by ``indent``."""
    return _indent(dump({key: value}), indent)


def block_item(data: dict[str, Any], indent: int) -> str:
    """A list item ``- key: …`` whose dash is at column ``indent`` (the first line not indented)."""
    return "- " + _indent(dump(data), indent + 2)


def flow_value(value: Any) -> str:
    """``value`` written on one line, for a place inside ``{…}`` or ``[…]``."""
    import yaml

    text = yaml.dump(
        {"k": value},
        Dumper=_Dumper,
        default_flow_style=True,
        sort_keys=False,
        allow_unicode=True,
        width=1 << 30,
    ).rstrip("\n")
    assert text.startswith("{k: ") and text.endswith("}"), text
    return text[4:-1].translate(yw._BIDI_ESCAPES)  # double-quoted: an escape means the same character


def _indent(text: str, indent: int) -> str:
    pad = " " * indent
    lines = text.splitlines(keepends=True)
    return "".join([lines[0], *(pad + line if line.strip("\n") else line for line in lines[1:])])
