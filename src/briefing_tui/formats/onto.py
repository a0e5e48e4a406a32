"""Joining what an import brings onto a briefing (``--onto``) with what the briefing already has.

The importers add to the base document in place: each joins entities and sources by id, Wikidata item
or name, and appends every claim, event and mention it reads. Read back from an export of that same
briefing, everything came twice (``C1`` and ``C1-2``, each mention twice at one place). This pass,
run once the importer is done, takes back what is already there:

- an added mention of an entity or event at the place of one it has already is dropped;
- an added claim at the span of a claim of the briefing, or an added event of the date (and, when it
  has mentions, the places) of an event of the briefing, joins it when they agree: every field the
  imported one carries is the briefing's value. A field it leaves empty says nothing (formats hold
  less than a briefing: ClaimReview no entities, TimelineJS no mentions), so it is no disagreement;
- an added claim or event that kept the id of one of the briefing's (renamed ``ID-2`` by the importer)
  and does not join it is a conflict: it stays, under its new id, and a warning names what differs;
- a source added only for what was joined goes with it; what the import kept in ``extra`` for it is
  kept for the annotation it joined.

The summary of ``briefing import`` says how many were joined and how many added.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, MutableSequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from briefing_tui.formats.common import problem
from briefing_tui.model.types import Claim, Document, Entity, Event, SourceRef, Span
from briefing_tui.words import plural

T = TypeVar("T", Claim, Event)
_RENAMED = re.compile(r"^(.+)-(\d+)$")  # what ``Ids.new`` makes of an id that is taken


def _mentioning(doc: Document) -> list[Entity | Event]:
    """The entities and events of ``doc``: what has mentions."""
    return [*doc.entities, *doc.events]


@dataclass(frozen=True)
class Before:
    """How much the base briefing held before the import: what lies beyond was added."""

    entities: int
    events: int
    claims: int
    sources: int
    mentions: dict[int, int]  # id() of an entity or event -> its number of mentions

    @classmethod
    def of(cls, doc: Document) -> Before:
        counts = {id(x): len(x.mentions) for x in _mentioning(doc)}
        return cls(len(doc.entities), len(doc.events), len(doc.claims), len(doc.sources), counts)


@dataclass
class Joined:
    """What the join found: annotations already there (joined) and new ones (added), by kind."""

    joined: dict[str, int] = field(default_factory=dict)
    added: dict[str, int] = field(default_factory=dict)
    conflicts: int = 0

    def summary(self) -> str:
        """``15 claims and 26 mentions joined, 1 event added`` ("nothing" when a side is empty)."""

        def said(counts: dict[str, int]) -> str:
            parts = [plural(n, kind) for kind, n in counts.items() if n]
            if len(parts) > 1:
                return ", ".join(parts[:-1]) + " and " + parts[-1]
            return "".join(parts) or "nothing"

        conflicts = f" ({plural(self.conflicts, 'conflict')}, in the warnings)" if self.conflicts else ""
        return f"{said(self.joined)} joined, {said(self.added)} added{conflicts}"


def _place(span: Span) -> tuple[object, ...]:
    if span.start >= 0:
        return (span.start, span.end)
    return (span.selector.exact, span.selector.prefix, span.selector.suffix)


def _refs_agree(new: list[SourceRef], old: list[SourceRef]) -> bool:
    """Each imported reference is one of the briefing's (its passage, when it has one, as well)."""
    return all(
        any(r.source == o.source and (r.passage is None or r.passage == o.passage) for o in old) for r in new
    )


def _texts_differ(new: object, old: object, names: tuple[str, ...]) -> list[str]:
    """The text fields of ``names`` that ``new`` gives (not empty) with a value other than ``old``'s."""
    return [n for n in names if getattr(new, n) and getattr(new, n) != getattr(old, n)]


def _claim_differs(new: Claim, old: Claim) -> list[str]:
    """The fields ``new`` carries whose value is not ``old``'s."""
    out = []
    if _place(new.span) != _place(old.span):
        out.append("span")
    if new.verdict is not None:
        v, o = new.verdict, old.verdict
        if o is None or v.rating != o.rating:
            out.append("verdict")
        elif (v.explanation and v.explanation != o.explanation) or (v.reviewed and v.reviewed != o.reviewed):
            out.append("verdict explanation or date")
    return out + _others_differ(new, old, ("gloss", "note"))


def _event_differs(new: Event, old: Event) -> list[str]:
    """The fields ``new`` carries whose value is not ``old``'s (its mentions are its place)."""
    out = []
    if new.date.text != old.date.text:
        out.append("date")
    if new.mentions and {_place(m) for m in new.mentions} != {_place(m) for m in old.mentions}:
        out.append("mentions")
    return out + _others_differ(new, old, ("label", "note"))


def _others_differ(new: Claim | Event, old: Claim | Event, texts: tuple[str, ...]) -> list[str]:
    """Of the fields a claim and an event both have, those ``new`` carries with another value: the
    ``texts``, the sources, the entities (more than ``old`` has)."""
    out = _texts_differ(new, old, texts)
    if not _refs_agree(new.sources, old.sources):
        out.append("sources")
    if not set(new.entities or ()) <= set(old.entities or ()):
        out.append("entities")
    return out


def _renamed_from(new_id: str, old_ids: Mapping[str, object]) -> str | None:
    """The briefing's id an added one was renamed from (``C1`` for ``C1-2``), if any."""
    m = _RENAMED.match(new_id)
    return m.group(1) if m and m.group(1) in old_ids else None


def join_onto(doc: Document, before: Before, path: str | Path) -> Joined:
    """Take out of ``doc`` what the import added that the base briefing already had (see the module).

    Conflicts are warnings on ``path`` (the imported file) in ``doc.problems``.
    """
    result = Joined()
    dropped = _join_mentions(doc, before)
    claims, events = _join_items(doc, before, path, result)
    result.joined = {"claim": claims, "event": events, "mention": dropped}
    result.added = {
        "entity": len(doc.entities) - before.entities,
        "claim": len(doc.claims) - before.claims,
        "event": len(doc.events) - before.events,
        "mention": sum(len(x.mentions) - before.mentions.get(id(x), 0) for x in _mentioning(doc)),
    }
    result.added["source"] = len(doc.sources) - before.sources
    return result


def _join_mentions(doc: Document, before: Before) -> int:
    """Drop each added mention at the place of an earlier one of the same entity or event."""
    dropped = 0
    for item in _mentioning(doc):
        first = before.mentions.get(id(item), 0)
        if len(item.mentions) == first:
            continue
        seen = {_place(m) for m in item.mentions[:first]}
        kept = list(item.mentions[:first])
        for m in item.mentions[first:]:
            if _place(m) in seen:
                dropped += 1
            else:
                seen.add(_place(m))
                kept.append(m)
        item.mentions = kept
    return dropped


def _join_items(doc: Document, before: Before, path: str | Path, result: Joined) -> tuple[int, int]:
    """Join the added claims and events that agree with the briefing's; warn of id conflicts."""
    gone: set[str] = set()  # the sources of what was joined
    into: dict[str, str] = {}  # the id of what was joined -> the id of the briefing's it joined
    claims = _join_kind("claim", doc.claims, before.claims, _claim_differs, (path, doc, result, gone, into))
    events = _join_kind("event", doc.events, before.events, _event_differs, (path, doc, result, gone, into))
    _rekey(doc.extra, into, 2)
    referring: list[Claim | Event] = [*doc.claims, *doc.events]
    used = {r.source for x in referring for r in x.sources}
    added = doc.sources[before.sources :]
    doc.sources[before.sources :] = [s for s in added if s.id in used or s.id not in gone]
    return claims, events


def _join_kind(
    kind: str,
    items: MutableSequence[T],
    first: int,
    differs: Callable[[T, T], list[str]],
    where: tuple[str | Path, Document, Joined, set[str], dict[str, str]],
) -> int:
    """Drop the items added after ``first`` that agree with one before it; the number dropped."""
    path, doc, result, gone, into = where
    old = items[:first]
    by_id = {x.id: x for x in old}
    kept, joined = list(old), 0
    for new in items[first:]:
        same = next((o for o in old if not differs(new, o)), None)
        if same is not None:
            joined += 1
            into[new.id] = same.id
            gone.update(r.source for r in new.sources)
            continue
        kept.append(new)
        was = _renamed_from(new.id, by_id)
        if was is not None:
            result.conflicts += 1
            what = ", ".join(differs(new, by_id[was]))
            doc.problems.append(problem(path, (
                f"{kind} {was} is in the briefing already and the imported {kind} {was} differs "
                f"({what}): it is added as {new.id}; keep one of them"
            ), warning=True))  # fmt: skip
    items[:] = kept
    return joined


def _rekey(extra: dict[str, Any], into: dict[str, str], depth: int) -> None:
    """What an import kept in ``extra`` for an annotation that was joined (``extra.claimreview.C1-2``,
    ``extra.timelinejs.slides.E-2``) is kept for the one it joined, unless that one has its own."""
    for key in [k for k in extra if k in into]:
        value = extra.pop(key)
        extra.setdefault(into[key], value)
    if depth > 0:
        for value in extra.values():
            if isinstance(value, dict):
                _rekey(value, into, depth - 1)


__all__ = ["Before", "Joined", "join_onto"]
