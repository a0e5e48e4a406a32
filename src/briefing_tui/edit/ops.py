"""What a person can do to a briefing while checking it, as pure functions: Document in, Revision out.

Each function reads the document, checks what it is given (ids that exist, spans inside the text,
ratings of the format's scale, EDTF dates, addresses by the rules the reader opens them by) and
returns the ``Revision`` that does it, without changing anything: ``Session.apply`` makes it.
Bad input raises ``EditError`` with a message for the person.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import MutableSequence
from dataclasses import replace
from datetime import date
from typing import Any

from briefing_tui.addresses import display_url
from briefing_tui.edit.history import Revision, Step, find, play
from briefing_tui.edit.render import KINDS, Annotation, Kind
from briefing_tui.model.build_refs import UNVERIFIED_ALL
from briefing_tui.model.dates import parse_edtf
from briefing_tui.model.types import (
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
    Stance,
    Verdict,
)

ENTITY_TYPES = ("person", "organisation", "place", "date", "event", "other")
"""The entity types of the format (a custom type is allowed too)."""


class EditError(ValueError):
    """An edit that cannot be made, with what to do (the message is meant for the person)."""


_SURROGATE = re.compile("[\ud800-\udfff]")


def clean(text: str, what: str) -> str:
    """Text the person typed, refused when it cannot be written as UTF-8 (a lone surrogate)."""
    if _SURROGATE.search(text):
        raise EditError(f"the {what} holds a character that is not valid Unicode; type it again")
    return text


def lists(doc: Document) -> dict[str, MutableSequence[Any]]:
    return {"entity": doc.entities, "event": doc.events, "claim": doc.claims, "source": doc.sources}


def get(doc: Document, kind: Kind, ident: str) -> Annotation:
    items = lists(doc)[kind]
    at = find(items, ident)
    if at < 0:
        raise EditError(f"there is no {kind} '{ident}'")
    return items[at]  # type: ignore[no-any-return]


def _replace(doc: Document, kind: Kind, new: Annotation) -> Step:
    items = lists(doc)[kind]
    at = find(items, new.id)
    return Step(kind, new.id, items[at], new, at)


def _one(label: str, *steps: Step) -> Revision:
    return Revision(label, tuple(steps))


def span_of(doc: Document, start: int, end: int) -> Span:
    """A span of the document's text, checked, written as its quote and its position."""
    if not (0 <= start < end <= len(doc.text)):
        raise EditError(f"the passage {start}–{end} is not inside the text (0–{len(doc.text)})")
    quote = doc.text[start:end]
    if not quote.strip():
        raise EditError("the passage holds only spaces")
    return Span(start, end, AnchorStatus.EXACT, Selector(exact=quote, start=start, end=end))


def all_ids(doc: Document) -> set[str]:
    return {a.id for items in lists(doc).values() for a in items}


def new_id(doc: Document, prefix: str, name: str = "") -> str:
    """An id no annotation of ``doc`` has: ``name`` made into an id, or ``prefix`` and a number."""
    taken = all_ids(doc)
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    slug = re.sub(r"[^a-z0-9]+", "-", folded).strip("-")[:40].strip("-")
    if slug:
        base = f"{prefix}{slug}" if prefix.endswith("-") else slug
        if base not in taken:
            return base
        prefix = base + "-"
    n = 1
    while f"{prefix}{n}" in taken:
        n += 1
    return f"{prefix}{n}"


# -- verdicts ------------------------------------------------------------------------------------------


def rate_claim(
    doc: Document, claim_id: str, rating: Rating | str, explanation: str = "", today: date | None = None
) -> Revision:
    """Give claim ``claim_id`` a verdict, reviewed today (``today`` for tests)."""
    claim = get(doc, "claim", claim_id)
    assert isinstance(claim, Claim)
    try:
        value = Rating(rating)
    except ValueError:
        scale = ", ".join(r.value for r in Rating)
        raise EditError(f"'{rating}' is not a rating of the scale ({scale})") from None
    day = (today or date.today()).isoformat()
    verdict = Verdict(value, clean(explanation, "explanation").strip("\n"), day)
    return _one(f"rate {claim_id}", _replace(doc, "claim", replace(claim, verdict=verdict)))


def remove_verdict(doc: Document, claim_id: str) -> Revision:
    claim = get(doc, "claim", claim_id)
    assert isinstance(claim, Claim)
    if claim.verdict is None:
        raise EditError(f"claim '{claim_id}' has no verdict")
    return _one(f"remove the verdict of {claim_id}", _replace(doc, "claim", replace(claim, verdict=None)))


# -- spans: claims, mentions, entities -----------------------------------------------------------------


def _add(doc: Document, kind: Kind, new: Annotation) -> Step:
    return Step(kind, new.id, None, new, len(lists(doc)[kind]))


def make_claim(doc: Document, start: int, end: int, gloss: str = "", claim_id: str | None = None) -> Revision:
    """A new claim over the passage ``start``–``end``."""
    ident = claim_id or new_id(doc, "C")
    if claim_id is not None and claim_id in all_ids(doc):
        raise EditError(f"the id '{claim_id}' is already used")
    claim = Claim(ident, span_of(doc, start, end), gloss=clean(gloss, "gloss"))
    return _one(f"new claim {ident}", _add(doc, "claim", claim))


def add_mention(doc: Document, entity_id: str, start: int, end: int) -> Revision:
    """The passage ``start``–``end`` becomes a mention of the existing entity ``entity_id``."""
    entity = get(doc, "entity", entity_id)
    assert isinstance(entity, Entity)
    span = span_of(doc, start, end)
    if any(m.start == start and m.end == end for m in entity.mentions):
        raise EditError(f"this passage is already a mention of {entity.name} ({entity_id})")
    new = replace(entity, mentions=[*entity.mentions, span])
    return _one(f"mention of {entity_id}", _replace(doc, "entity", new))


def make_entity(
    doc: Document, start: int, end: int, type: str, name: str | None = None, entity_id: str | None = None
) -> Revision:
    """A new entity of ``type`` named by the passage (or ``name``), the passage its first mention."""
    span = span_of(doc, start, end)
    name = clean(name or doc.text[start:end], "name").strip()
    if not name:
        raise EditError("an entity needs a name")
    kind = clean(type, "type").strip()
    if not kind or not re.fullmatch(r"[^\s]+", kind):
        raise EditError("an entity type is one word: " + ", ".join(ENTITY_TYPES) + ", or a type of yours")
    ident = entity_id or new_id(doc, "E", name)
    if ident in all_ids(doc) or not re.fullmatch(r"[A-Za-z0-9_.:-]+", ident):
        raise EditError(f"'{ident}' is not a free id (letters, digits and - _ . : only)")
    return _one(f"new entity {ident}", _add(doc, "entity", Entity(ident, name, kind, mentions=[span])))


def remove_mention(doc: Document, kind: Kind, ident: str, index: int) -> Revision:
    """Remove mention ``index`` of an entity or event."""
    obj = get(doc, kind, ident)
    if not isinstance(obj, Entity | Event) or not 0 <= index < len(obj.mentions):
        raise EditError(f"{kind} '{ident}' has no mention {index + 1}")
    mentions = [*obj.mentions[:index], *obj.mentions[index + 1 :]]
    return _one(f"remove a mention of {ident}", _replace(doc, kind, replace(obj, mentions=mentions)))


def remove_annotation(doc: Document, kind: Kind, ident: str) -> Revision:
    """Remove an annotation and every reference to it, so that the file stays valid."""
    target = get(doc, kind, ident)
    steps: list[Step] = []
    if kind in ("entity", "source"):
        for other_kind in KINDS:
            for obj in lists(doc)[other_kind]:
                new = _without_reference(obj, kind, ident)
                if new is not obj:
                    steps.append(_replace(doc, other_kind, new))
    steps.append(Step(kind, ident, target, None, find(lists(doc)[kind], ident)))
    return _one(f"remove {kind} {ident}", *steps)


def _without_reference(obj: Annotation, kind: str, ident: str) -> Annotation:
    if kind == "entity":
        if isinstance(obj, Claim | Event) and ident in obj.entities:
            return replace(obj, entities=[e for e in obj.entities if e != ident])
        if isinstance(obj, Source) and obj.entity == ident:
            return replace(obj, entity=None)
    if kind == "source" and isinstance(obj, Claim | Event) and any(r.source == ident for r in obj.sources):
        return replace(obj, sources=[r for r in obj.sources if r.source != ident])
    return obj


# -- sources -------------------------------------------------------------------------------------------


def _stance(stance: Stance | str) -> Stance:
    try:
        return Stance(stance)
    except ValueError:
        raise EditError(f"'{stance}' is not a stance (supports, contradicts, context)") from None


def _refs_of(doc: Document, kind: Kind, ident: str) -> Claim | Event:
    obj = get(doc, kind, ident)
    if not isinstance(obj, Claim | Event):
        raise EditError(f"a source is attached to a claim or an event, not to {kind} '{ident}'")
    return obj


def attach_source(
    doc: Document,
    kind: Kind,
    ident: str,
    source_id: str,
    stance: Stance | str = Stance.SUPPORTS,
    passage: str | None = None,
) -> Revision:
    """Attach the document's source ``source_id`` to a claim or event, with a stance."""
    obj = _refs_of(doc, kind, ident)
    get(doc, "source", source_id)
    if any(r.source == source_id for r in obj.sources):
        raise EditError(f"'{source_id}' is already a source of '{ident}'")
    ref = SourceRef(source_id, passage or None, _stance(stance))
    return _one(
        f"source {source_id} for {ident}", _replace(doc, kind, replace(obj, sources=[*obj.sources, ref]))
    )


def _new_source_steps(
    doc: Document, kind: Kind, ident: str, source: Source, stance: Stance | str
) -> Revision:
    obj = _refs_of(doc, kind, ident)
    ref = SourceRef(source.id, None, _stance(stance))
    add = _add(doc, "source", source)
    attach = _replace(doc, kind, replace(obj, sources=[*obj.sources, ref]))
    return _one(f"new source {source.id} for {ident}", add, attach)


def attach_passage(
    doc: Document,
    kind: Kind,
    ident: str,
    other: Document,
    start: int,
    end: int,
    stance: Stance | str = Stance.SUPPORTS,
) -> Revision:
    """A new source that is a passage of another document of the collection, attached with a stance."""
    if other.id == doc.id:
        raise EditError("a passage of this document is a claim or a mention, not a source")
    span = span_of(other, start, end)
    source = Source(
        new_id(doc, "S-", other.id),
        title=other.title,
        document=other.id,
        span=Selector(exact=span.selector.exact, start=start, end=end),
        target=span,
    )
    return _new_source_steps(doc, kind, ident, source, stance)


def check_url(url: str) -> str:
    """An address kept only when the reader would open it (``o``): http(s), a host, nothing hidden."""
    shown = display_url(url)
    if not shown.openable:
        reasons = "; ".join(shown.warnings) or "not an http(s) address with a host"
        raise EditError(f"the address {shown.text} cannot be used: {reasons}")
    return url.strip()


def check_date(value: str) -> str:
    try:
        return parse_edtf(value.strip()).text
    except ValueError as exc:
        said = str(exc).removeprefix("the date ")  # said once, then what an EDTF date looks like
        if said.endswith(" is not an EDTF date"):
            said = said.removesuffix(" an EDTF date") + " EDTF"
        raise EditError(f"the date {said}: write it as 2024-04-25, 2024-04 or 2024~") from None


def attach_new_source(
    doc: Document,
    kind: Kind,
    ident: str,
    title: str,
    publisher: str = "",
    date_text: str = "",
    url: str = "",
    stance: Stance | str = Stance.SUPPORTS,
) -> Revision:
    """A new source (title, publisher, EDTF date, address), attached with a stance."""
    if not clean(title, "title").strip():
        raise EditError("a new source needs a title")
    clean(publisher, "publisher")
    source = Source(
        new_id(doc, "S-", title),
        title=title.strip(),
        publisher=publisher.strip(),
        date=check_date(date_text) if date_text.strip() else None,
        url=check_url(url) if url.strip() else None,
    )
    return _new_source_steps(doc, kind, ident, source, stance)


def detach_source(doc: Document, kind: Kind, ident: str, source_id: str) -> Revision:
    obj = _refs_of(doc, kind, ident)
    if not any(r.source == source_id for r in obj.sources):
        raise EditError(f"'{source_id}' is not a source of '{ident}'")
    sources = [r for r in obj.sources if r.source != source_id]
    return _one(f"detach {source_id} from {ident}", _replace(doc, kind, replace(obj, sources=sources)))


# -- verification, notes, drafts -----------------------------------------------------------------------


def set_verified(doc: Document, kind: Kind, ident: str, verified: bool) -> Revision:
    """Mark the whole annotation verified (no ``unverified``) or unverified (``unverified: true``)."""
    obj = get(doc, kind, ident)
    unverified = [] if verified else [UNVERIFIED_ALL]
    word = "verified" if verified else "unverified"
    return _one(f"{ident} {word}", _replace(doc, kind, replace(obj, unverified=unverified)))


def set_note(doc: Document, kind: Kind, ident: str, note: str) -> Revision:
    """Write (or, with an empty note, remove) the note of any annotation."""
    obj = get(doc, kind, ident)
    return _one(f"note on {ident}", _replace(doc, kind, replace(obj, note=clean(note, "note").strip("\n"))))


def drafts(doc: Document, kind: Kind | None = None) -> list[tuple[Kind, str]]:
    """The drafted annotations left to review, in file order (of one kind, or of all)."""
    kinds = KINDS if kind is None else (kind,)
    return [(k, a.id) for k in kinds for a in lists(doc)[k] if a.draft]


def accept_draft(doc: Document, kind: Kind, ident: str) -> Revision:
    obj = get(doc, kind, ident)
    if not obj.draft:
        raise EditError(f"{kind} '{ident}' is not a draft")
    return _one(f"accept {ident}", _replace(doc, kind, replace(obj, draft=False)))


def reject_draft(doc: Document, kind: Kind, ident: str) -> Revision:
    obj = get(doc, kind, ident)
    if not obj.draft:
        raise EditError(f"{kind} '{ident}' is not a draft")
    return replace(remove_annotation(doc, kind, ident), label=f"reject {ident}")


def accept_all(doc: Document, kind: Kind) -> Revision:
    """Accept every draft of one kind, as one action."""
    steps = [_replace(doc, kind, replace(get(doc, kind, i), draft=False)) for _, i in drafts(doc, kind)]
    if not steps:
        raise EditError(f"no drafted {kind} is left")
    return Revision(f"accept {len(steps)} {kind} drafts", tuple(steps))


def reject_all(doc: Document, kind: Kind) -> Revision:
    """Reject every draft of one kind, as one action (references to them are removed too)."""
    left = drafts(doc, kind)
    if not left:
        raise EditError(f"no drafted {kind} is left")
    scratch = Document(doc.path, doc.id, doc.title, doc.language, doc.text)
    for name, items in lists(doc).items():
        lists(scratch)[name].extend(items)
    steps: list[Step] = []
    for _, ident in left:
        revision = remove_annotation(scratch, kind, ident)
        _play_on(scratch, revision)
        steps.extend(revision.steps)
    return Revision(f"reject {len(left)} {kind} drafts", tuple(steps))


def _play_on(doc: Document, revision: Revision) -> None:
    for _ in play(lists(doc), revision):
        pass
