"""What an export leaves out, said once per kind of loss with a count (and one per field).

Each format names the fields of the briefing it has no place for; an export warns, for each kind of
object, how many lose one and which of those fields they had, so that nothing is dropped silently
(the README's table "Formats: what is kept, mapped and lost" lists the same fields). The fields are
read as they are; one that is empty (``""``, ``None``, ``[]``) is not lost.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from briefing_tui.model.types import Document, Source, SourceRef, Stance

SOURCE_FIELDS = ("title", "publisher", "author", "date", "kind", "mirrors", "document", "span", "entity",
                 "unverified", "note")  # fmt: skip
"""A source's fields besides its id and url."""


def _plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def fields_lost(
    fmt: str, one: str, many: str, items: Iterable[object], fields: Sequence[str],
    has: Callable[[object, str], object] = getattr,
) -> list[str]:  # fmt: skip
    """One warning: how many of ``items`` had one of ``fields`` (which ``fmt`` cannot hold), and which;
    ``has(item, name)`` says whether an item has a field that is lost (by default, its value)."""
    count, had = 0, dict.fromkeys(fields, 0)
    for item in items:
        present = [name for name in fields if has(item, name)]
        count += bool(present)
        for name in present:
            had[name] += 1
    if not count:
        return []
    lost = [name for name in fields if had[name]]  # with how many had each, when there are several
    names = ", ".join(f"{name} ({had[name]:,})" if len(lost) > 1 else name for name in lost)
    verb = "loses its" if count == 1 else "lose their"
    return [f"{fmt}: {_plural(count, one, many)} {verb} {names}: the format has no place for them"]


def not_written(fmt: str, one: str, many: str, items: Sequence[object]) -> list[str]:
    """One warning: how many objects of a kind ``fmt`` has no place for at all."""
    if not items:
        return []
    return [f"{fmt}: {_plural(len(items), one, many)} not written: the format has no place for them"]


def stances_lost(fmt: str, refs: Iterable[SourceRef]) -> list[str]:
    """One warning: how many source references say something other than "supports", which ``fmt``
    writes as plain references."""
    other = [r for r in refs if r.stance is not Stance.SUPPORTS]
    if not other:
        return []
    kinds = ", ".join(sorted({r.stance.value for r in other}))
    verb = "loses its" if len(other) == 1 else "lose their"
    return [f"{fmt}: {_plural(len(other), 'source reference', 'source references')} {verb} stance "
            f"({kinds}): the format writes it as a plain reference"]  # fmt: skip


def _refs(doc: Document) -> list[SourceRef]:
    return [r for c in doc.claims for r in c.sources] + [r for e in doc.events for r in e.sources]


def w3c_losses(doc: Document) -> list[str]:
    """W3C links a source by its address only: the rest of a source, and a reference's stance."""
    out = fields_lost("w3c", "source", "sources", doc.sources, SOURCE_FIELDS)
    return out + stances_lost("w3c", _refs(doc))


def claimreview_losses(doc: Document) -> list[str]:
    """ClaimReview holds reviewed claims and their citations (title, url, date, publisher, author)."""
    cited = {r.source for c in doc.claims if c.verdict is not None for r in c.sources}
    written = [s for s in doc.sources if s.id in cited and not s.entity]
    out = not_written("claimreview", "entity is", "entities are", doc.entities)
    out += not_written("claimreview", "event is", "events are", doc.events)
    reviewed = [c for c in doc.claims if c.verdict is not None]
    out += fields_lost("claimreview", "claim", "claims", reviewed, ("entities", "unverified", "note"))
    refs = [r for c in reviewed for r in c.sources]
    out += fields_lost("claimreview", "source reference", "source references", refs, ("passage",))
    out += stances_lost("claimreview", refs)
    fields = ("kind", "mirrors", "document", "span", "unverified", "note")
    out += fields_lost("claimreview", "source", "sources", written, fields)
    left = [s for s in doc.sources if s.id not in cited]
    return out + not_written("claimreview", "source cited by no reviewed claim is",
                             "sources cited by no reviewed claim are", left)  # fmt: skip


def timelinejs_losses(doc: Document) -> list[str]:
    """TimelineJS holds dated events: their label, note, date and one source as media."""
    out = not_written("timelinejs", "entity is", "entities are", doc.entities)
    out += not_written("timelinejs", "claim is", "claims are", doc.claims)
    return out + fields_lost("timelinejs", "event", "events", doc.events, ("entities", "unverified"))


def brat_losses(doc: Document) -> list[str]:
    """brat holds mentions, events on a trigger with their date and participants, claims with their
    verdict, gloss and note, a Wikidata id and notes; not what follows. (Sources, background events
    and entities with no mention are said by the writer itself.)"""
    fields = ("aliases", "description", "wikidata_status", "unverified", "date")
    out = fields_lost("brat", "entity", "entities", doc.entities, fields)
    written = [e for e in doc.events if e.mentions]
    out += fields_lost("brat", "event", "events", written, ("sources", "unverified"))
    return out + fields_lost("brat", "claim", "claims", doc.claims, ("sources", "entities", "unverified"))


def report_losses(fmt: str, doc: Document) -> list[str]:
    """The Markdown and HTML reports show the article, each claim with its verdict and sources, the
    entities and the timeline; not what follows (the draft marks included: a report shows a draft
    as it shows a reviewed annotation)."""
    out = fields_lost(fmt, "claim", "claims", doc.claims, ("entities", "note", "draft"))
    out += fields_lost(fmt, "entity", "entities", doc.entities, ("aliases", "note", "date", "draft"))
    out += fields_lost(fmt, "event", "events", doc.events, ("entities", "note", "draft"))
    refs = [r for e in doc.events for r in e.sources]
    out += fields_lost(fmt, "event's source reference", "events' source references", refs, ("passage",))
    cited = {r.source for r in _refs(doc)}
    written = [s for s in doc.sources if s.id in cited]
    fields = ("kind", "mirrors", "document", "span", "unverified", "note", "draft")
    out += fields_lost(fmt, "source", "sources", written, fields, _report_has)
    left = [s for s in doc.sources if s.id not in cited]
    return out + not_written(fmt, "source cited by nothing is", "sources cited by nothing are", left)


def _report_has(item: object, name: str) -> object:
    """A report links a source by its first web address: its copies are lost only beside its own."""
    if name == "mirrors" and isinstance(item, Source):
        return (item.url or "").startswith(("http://", "https://")) and item.mirrors
    return getattr(item, name)
