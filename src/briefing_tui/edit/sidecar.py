"""The person's own layer beside a document: notes, ratings, verification marks and bookmarks.

For a file that cannot or should not be changed (read-only, or ``--notes-only``), what the person
writes goes to a sidecar beside it, ``NAME.yaml.notes.jsonld``: a W3C Web Annotation collection
(JSON-LD, the W3C context). Each item targets the annotated passage with a TextQuoteSelector and
a TextPositionSelector, and its id names what it is about:
``urn:briefing:DOC:note|rating|verified:KIND:ID`` for an annotation of the document,
``urn:briefing:DOC:bookmark:ID`` for a bookmark. Bookmarks always live here, also for files the
reader writes (the format has no place for them).

The sidecar is read defensively (size bound, shapes checked, unknown items skipped with a
problem); loading it back applies it to the session as the person's layer, ready to save again.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefing_tui.edit import ops
from briefing_tui.edit.atomic import SaveError, WriteError, Written, write_atomic
from briefing_tui.edit.history import Revision, Step, find
from briefing_tui.edit.render import KINDS, Annotation, Bookmark
from briefing_tui.edit.sidecar_name import sidecar_path
from briefing_tui.formats.w3c_export import CONTEXT, _target
from briefing_tui.model.build_refs import UNVERIFIED_ALL
from briefing_tui.model.types import Claim, Document, Entity, Event, Rating, Span, Verdict

if TYPE_CHECKING:
    from briefing_tui.edit.session import Session

__all__ = [
    "LAYER_ONLY",
    "kept_reason",
    "writable",
    "MAX_SIDECAR_BYTES",
    "holds_notes",
    "layer_items",
    "load_layer",
    "save_layer",
    "sidecar_items",
    "sidecar_path",
]

MAX_SIDECAR_BYTES = 16 * 1024 * 1024
LAYER_ONLY = (
    "this file is kept as it is (read-only, or notes only): only notes, ratings, "
    "verification marks and bookmarks can be written, beside it"
)
"""Why a notes-only session refuses an edit (``Session.apply``; the editing keys say it before any
dialog, so that nothing is typed in vain)."""
FOREIGN_ONLY = (
    "this file is not a briefing (an import, or an article drafted when opened): only notes, ratings, "
    "verification marks and bookmarks can be kept, beside it; briefing import, or briefing annotate "
    "FILE -o OUT.yaml for an article, writes a briefing to edit"
)


def kept_reason(foreign: bool) -> str:
    """Why a notes-only session refuses an edit: ``LAYER_ONLY``, or ``FOREIGN_ONLY`` for a file
    that is not a briefing (``Session.foreign``)."""
    return FOREIGN_ONLY if foreign else LAYER_ONLY


def writable(path: Path) -> bool:
    """Whether the person may write ``path`` (and the folder its replacement is written in)."""
    return os.access(path, os.W_OK) and os.access(path.resolve().parent, os.W_OK)


def _span(obj: Annotation) -> Span | None:
    if isinstance(obj, Claim):
        return obj.span
    if isinstance(obj, Entity | Event) and obj.mentions:
        return obj.mentions[0]
    return None


def _body(value: str, purpose: str) -> dict[str, Any]:
    return {"type": "TextualBody", "value": value, "purpose": purpose, "format": "text/plain"}


def _item(
    doc: Document, ident: str, motivation: str, span: Span | None, body: list[dict[str, Any]]
) -> dict[str, Any]:
    source = doc.url or f"urn:briefing:{doc.id}"
    target = _target(doc, source, span) or {"source": source}
    return {"id": ident, "type": "Annotation", "motivation": motivation, "body": body, "target": target}


def layer_items(session: Session) -> list[dict[str, Any]]:
    """The person's layer as W3C Web Annotations (for the sidecar and ``briefing export w3c``).

    In notes-only mode: every note, verdict and verification mark that differs from the file, and
    the bookmarks; otherwise the bookmarks only (the rest is in the file itself).
    """
    doc = session.doc
    base = f"urn:briefing:{doc.id}"
    items: list[dict[str, Any]] = []
    if session.notes_only:
        for kind, ident in session.unsaved_layer():
            obj = session.current(kind, ident)
            old = session.file_object(kind, ident)
            if obj is None or old is None:
                continue
            span = _span(obj)
            if obj.note != old.note:
                items.append(
                    _item(
                        doc,
                        f"{base}:note:{kind}:{ident}",
                        "commenting",
                        span,
                        [_body(obj.note, "commenting")],
                    )
                )
            if isinstance(obj, Claim) and isinstance(old, Claim) and obj.verdict != old.verdict:
                body: list[dict[str, Any]] = []
                if obj.verdict is not None:
                    body.append(_body(obj.verdict.rating.value, "assessing"))
                    if obj.verdict.explanation:
                        body.append(_body(obj.verdict.explanation, "commenting"))
                item = _item(doc, f"{base}:rating:{kind}:{ident}", "assessing", span, body)
                if obj.verdict is not None and obj.verdict.reviewed:
                    item["modified"] = obj.verdict.reviewed
                items.append(item)
            if obj.unverified != old.unverified:
                word = "unverified" if obj.unverified else "verified"
                items.append(
                    _item(doc, f"{base}:verified:{kind}:{ident}", "tagging", span, [_body(word, "tagging")])
                )
    items += session.kept_layer
    for mark in session.bookmarks:
        span = Span(mark.start, mark.end, ops.AnchorStatus.EXACT)
        body = [_body(mark.label, "describing")] if mark.label else []
        items.append(_item(doc, f"{base}:bookmark:{mark.id}", "bookmarking", span, body))
    return items


def _collection(doc: Document, items: list[dict[str, Any]]) -> dict[str, Any]:
    base = f"urn:briefing:{doc.id}"
    return {
        "@context": CONTEXT,
        "id": f"{base}:notes",
        "type": "AnnotationCollection",
        "label": f"Notes on {doc.title}",
        "total": len(items),
        "first": {"id": f"{base}:notes:page1", "type": "AnnotationPage", "startIndex": 0, "items": items},
    }


def save_layer(session: Session) -> Written | None:
    """Write the sidecar (atomically); removes it when the layer is empty. None when nothing was written."""
    path = sidecar_path(session.path)
    items = layer_items(session)
    try:
        if not items:
            if path.exists():
                path.unlink()
            written = None
        else:
            text = json.dumps(_collection(session.doc, items), ensure_ascii=False, indent=2) + "\n"
            written = write_atomic(path, text.encode("utf-8"))
    except (WriteError, OSError) as exc:
        raise SaveError("unwritable", str(exc)) from None
    session.layer_saved()
    return written


def sidecar_items(document_path: Path) -> list[dict[str, Any]]:
    """The W3C annotations of the sidecar beside ``document_path`` (none when there is no sidecar),
    for ``briefing export w3c`` to include as the person's layer. Read defensively: what is not
    an annotation object is left out."""
    path = sidecar_path(Path(document_path))
    try:
        if not path.is_file() or path.stat().st_size > MAX_SIDECAR_BYTES:
            return []
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeError, ValueError):
        return []
    return [item for item in _items_of(data) if isinstance(item, dict) and item.get("type") == "Annotation"]


def holds_notes(document_path: Path, doc_id: str) -> bool:
    """Whether the sidecar beside ``document_path`` holds notes, ratings or marks of the document
    ``doc_id`` (not only bookmarks): the person kept them beside the file, where they stay."""
    base = f"urn:briefing:{doc_id}:"
    ids = [item.get("id") for item in sidecar_items(document_path)]
    kinds = [i[len(base) :].partition(":")[0] for i in ids if isinstance(i, str) and i.startswith(base)]
    return any(kind != "bookmark" for kind in kinds)


def _items_of(data: Any) -> list[Any]:
    if not isinstance(data, dict):
        return []
    first = data.get("first")
    if isinstance(first, dict) and isinstance(first.get("items"), list):
        return list(first["items"])
    return list(data.get("items") or []) if isinstance(data.get("items"), list) else []


def _values(item: dict[str, Any], purpose: str) -> list[str]:
    bodies = item.get("body")
    bodies = bodies if isinstance(bodies, list) else [bodies]
    return [
        b["value"]
        for b in bodies
        if isinstance(b, dict) and b.get("purpose") == purpose and isinstance(b.get("value"), str)
    ]


def _position(item: dict[str, Any]) -> tuple[int, int] | None:
    target = item.get("target")
    selectors = target.get("selector") if isinstance(target, dict) else None
    for sel in selectors if isinstance(selectors, list) else [selectors]:
        if isinstance(sel, dict) and sel.get("type") == "TextPositionSelector":
            start, end = sel.get("start"), sel.get("end")
            if type(start) is int and type(end) is int:
                return start, end
    return None


def load_layer(session: Session) -> list[str]:
    """Apply the sidecar beside the session's file, if any, as the saved layer; returns its problems
    (also kept in ``session.layer_problems``)."""
    session.layer_problems = _load_layer(session)
    return session.layer_problems


def _load_layer(session: Session) -> list[str]:
    path = sidecar_path(session.path)
    try:
        if not path.is_file():
            return []
        if path.stat().st_size > MAX_SIDECAR_BYTES:
            return [f"{path.name}: larger than {MAX_SIDECAR_BYTES:,} bytes, not read"]
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeError, ValueError) as exc:
        return [f"{path.name}: not read ({type(exc).__name__})"]
    problems: list[str] = []
    doc = session.doc
    base = f"urn:briefing:{doc.id}:"
    steps: list[Step] = []
    changed: dict[tuple[str, str], Any] = {}
    for item in _items_of(data):
        ident = item.get("id") if isinstance(item, dict) else None
        if not isinstance(ident, str) or not ident.startswith(base):
            problems.append(f"{path.name}: an item that is not about {doc.id} was skipped")
            continue
        what, _, rest = ident[len(base) :].partition(":")
        if what == "bookmark":
            place = _position(item)
            if place and 0 <= place[0] < place[1] <= len(doc.text) and find(session.bookmarks, rest) < 0:
                label = (_values(item, "describing") or [""])[0]
                steps.append(
                    Step(
                        "bookmark",
                        rest,
                        None,
                        Bookmark(rest, *place, label),
                        len(session.bookmarks) + len(steps),
                    )
                )
            continue
        kind, _, ann = rest.partition(":")
        if not session.notes_only:
            session.kept_layer.append(item)  # kept as it is: this file's notes are in the file
            continue
        if kind not in KINDS:
            problems.append(f"{path.name}: '{ident}' was skipped")
            continue
        obj = changed.get((kind, ann)) or session.current(kind, ann)
        if obj is None:
            problems.append(
                f"{path.name}: {kind} '{ann}' is no longer in the document; its {what} was skipped"
            )
            continue
        from dataclasses import replace

        if what == "note":
            obj = replace(obj, note=(_values(item, "commenting") or [""])[0])
        elif what == "rating" and isinstance(obj, Claim):
            ratings = [r for r in _values(item, "assessing") if r in {x.value for x in Rating}]
            explanation = (_values(item, "commenting") or [""])[0]
            modified = item.get("modified") if isinstance(item.get("modified"), str) else None
            obj = replace(
                obj, verdict=Verdict(Rating(ratings[0]), explanation, modified) if ratings else None
            )
        elif what == "verified":
            obj = replace(
                obj, unverified=[UNVERIFIED_ALL] if "unverified" in _values(item, "tagging") else []
            )
        else:
            problems.append(f"{path.name}: '{ident}' was skipped")
            continue
        changed[(kind, ann)] = obj
    for (kind, ann), obj in changed.items():
        items = session.lists[kind]
        steps.append(Step(kind, ann, items[find(items, ann)], obj, find(items, ann)))
    if steps:
        session.load_layer_steps(Revision("notes kept beside the file", tuple(steps)))
    return problems
