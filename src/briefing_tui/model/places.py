"""Places in a collection the reader can go to: one small frozen type per kind of place.

Pure: stdlib only. A place says which document, which span of its text (``start``/``end``, -1 when
it has none) and what stands there; the navigator makes them (``Navigator.location_of``), the
reader goes to them with one ``match`` over ``Place``, which mypy checks for every kind.
"""

from __future__ import annotations

from briefing_tui.record import record


@record
class TextPlace:
    """A bare offset of a document's text (``start`` -1: wherever the text is scrolled)."""

    doc_id: str
    start: int = -1
    end: int = -1


@record
class SearchPlace:
    """A search match."""

    doc_id: str
    start: int
    end: int


@record
class ClaimPlace:
    """A claim (its span, or -1 for an orphan)."""

    doc_id: str
    claim_id: str
    start: int = -1
    end: int = -1


@record
class MentionPlace:
    """A mention of an entity (or the entity alone when it has no anchored mention)."""

    doc_id: str
    entity_id: str
    start: int = -1
    end: int = -1


@record
class EventPlace:
    """An event of the timeline, at its first mention when it has one."""

    doc_id: str
    event_id: str
    start: int = -1
    end: int = -1


@record
class SourcePlace:
    """A source's own entry (title, address...), cited by ``claim_id`` when reached from a claim."""

    doc_id: str
    source_id: str
    claim_id: str = ""
    start: int = -1
    end: int = -1


@record
class SpeakerPlace:
    """A source that is a speaker of the text: the speaker's first mention."""

    doc_id: str
    source_id: str
    start: int
    end: int
    claim_id: str = ""


@record
class PassagePlace:
    """A source that is another document of the collection: its passage there.

    ``via`` is the document that cites it (where ``claim_id`` is).
    """

    doc_id: str
    source_id: str
    via: str
    start: int
    end: int
    claim_id: str = ""


Place = (
    TextPlace
    | SearchPlace
    | ClaimPlace
    | MentionPlace
    | EventPlace
    | SourcePlace
    | SpeakerPlace
    | PassagePlace
)
"""Any place; ``match`` on it names every kind."""

SourceWay = SourcePlace | SpeakerPlace | PassagePlace
"""Where a claim's source leads: its entry, its speaker's mention or its passage in another document."""


def span_of(place: Place) -> tuple[int, int] | None:
    """The place's span in its text, or None when it has none."""
    return (place.start, place.end) if place.start >= 0 else None
