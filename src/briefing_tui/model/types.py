"""The types of an annotated briefing document. Pure: stdlib only.

Offsets are always in Unicode code points of the loaded text (after a BOM is removed).
Every annotation keeps where it was written in its file (``line``/``column``, 1-based) so that
problems and the user interface can point back at it.
"""

from __future__ import annotations

from collections.abc import MutableSequence
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Any

from briefing_tui.model.empty_lists import NOT_YET, made_when_read
from briefing_tui.record import mutable_record, record


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"


@record
class Problem:
    """One problem found in a file, reported as ``FILE:LINE:COL: severity: message``."""

    path: str
    line: int
    column: int
    severity: Severity
    message: str
    hint: str = ""
    code: str = ""

    def format(self) -> str:
        head = f"{self.path}:{self.line}:{self.column}: {self.severity.value}: {self.message}"
        return f"{head}\n  hint: {self.hint}" if self.hint else head

    def to_json(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "severity": self.severity.value,
            "code": self.code,
            "message": self.message,
            "hint": self.hint,
        }


class LoadError(Exception):
    """The only exception the loader lets escape. Carries every problem of the file."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(p.format() for p in self.problems) or "load error")


class AnchorStatus(str, Enum):
    EXACT = "exact"
    FUZZY = "fuzzy"
    AMBIGUOUS = "ambiguous"
    ORPHAN = "orphan"


@dataclass(frozen=True, slots=True)
class Selector:
    """What the file says about a span: W3C TextQuoteSelector and/or TextPositionSelector."""

    exact: str | None = None
    prefix: str | None = None
    suffix: str | None = None
    start: int | None = None
    end: int | None = None


@mutable_record
class Span:
    """A resolved span of the text. ``start``/``end`` are -1 when the span is an orphan."""

    start: int
    end: int
    status: AnchorStatus
    selector: Selector = field(default_factory=Selector)
    line: int = 0
    column: int = 0

    @property
    def anchored(self) -> bool:
        return self.status is not AnchorStatus.ORPHAN and self.start >= 0


_SELECTOR_SLOT = Span.__dict__["selector"]


class PositionSpan(Span):
    """An exact span written as its position alone (``[start, end]``): a Span whose selector is that
    position, made when it is asked for rather than kept (a generated file has a hundred thousand).

    It equals the ``Span`` with the same fields. A selector given (or set) is kept as in a Span.
    """

    __slots__ = ()

    def __init__(
        self,
        start: int,
        end: int,
        status: AnchorStatus = AnchorStatus.EXACT,
        selector: Selector | None = None,
        line: int = 0,
        column: int = 0,
    ) -> None:
        self.start, self.end, self.status, self.line, self.column = start, end, status, line, column
        _SELECTOR_SLOT.__set__(self, selector)  # None: the position alone (a slot holds it at no cost)

    @property  # type: ignore[override]
    def selector(self) -> Selector:
        kept: Selector | None = _SELECTOR_SLOT.__get__(self, Span)
        return Selector(None, None, None, self.start, self.end) if kept is None else kept

    @selector.setter
    def selector(self, value: Selector) -> None:
        _SELECTOR_SLOT.__set__(self, value)

    @property
    def kept_selector(self) -> Selector | None:
        """The selector given or set, None when the span's selector is its position alone."""
        kept: Selector | None = _SELECTOR_SLOT.__get__(self, Span)
        return kept

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Span):
            return NotImplemented
        return (self.start, self.end, self.status, self.selector, self.line, self.column) == (
            other.start,
            other.end,
            other.status,
            other.selector,
            other.line,
            other.column,
        )

    __hash__ = None  # type: ignore[assignment]  # as a Span: mutable


class Rating(str, Enum):
    """The verdict scale. Each value maps onto schema.org ClaimReview's ``reviewRating``."""

    SUPPORTED = "supported"
    MOSTLY_SUPPORTED = "mostly-supported"
    PARTLY_SUPPORTED = "partly-supported"
    MISLEADING = "misleading"
    UNSUPPORTED = "unsupported"
    FALSE = "false"
    OUTDATED = "outdated"
    UNVERIFIABLE = "unverifiable"
    OPINION = "opinion"


@record
class RatingInfo:
    label: str  # what a person reads
    glyph: str  # shown in the text, readable without colour
    value: int | None  # ClaimReview ratingValue on a 1..5 scale, None when the scale does not apply
    alternate_name: str  # ClaimReview reviewRating.alternateName


RATINGS: dict[Rating, RatingInfo] = {
    Rating.SUPPORTED: RatingInfo("supported", "✔", 5, "True"),
    Rating.MOSTLY_SUPPORTED: RatingInfo("mostly supported", "✔", 4, "Mostly true"),
    Rating.PARTLY_SUPPORTED: RatingInfo("partly supported", "◐", 3, "Half true"),
    Rating.MISLEADING: RatingInfo("misleading", "⚠", 2, "Misleading"),
    Rating.UNSUPPORTED: RatingInfo("unsupported", "✘", 1, "Unsupported"),
    Rating.FALSE: RatingInfo("false", "✘", 1, "False"),
    Rating.OUTDATED: RatingInfo("outdated", "⌛", None, "Outdated"),
    Rating.UNVERIFIABLE: RatingInfo("unverifiable", "?", None, "Unverifiable"),
    Rating.OPINION: RatingInfo("opinion", "❝", None, "Opinion"),
}
"""ClaimReview best/worst ratings are 5 and 1 for every rating with a value."""


@mutable_record
class Verdict:
    rating: Rating
    explanation: str = ""
    reviewed: str | None = None  # ISO date of the review
    line: int = 0
    column: int = 0

    @property
    def info(self) -> RatingInfo:
        return RATINGS[self.rating]


class Stance(str, Enum):
    SUPPORTS = "supports"
    CONTRADICTS = "contradicts"
    CONTEXT = "context"


@mutable_record
class SourceRef:
    """A claim's or event's reference to a source, with the passage of the source that bears on it."""

    source: str
    passage: str | None = None
    stance: Stance = Stance.SUPPORTS
    line: int = 0
    column: int = 0


@mutable_record
class Entity:
    id: str
    name: str
    type: str  # person, organisation, place, date, event, other, or a custom type
    aliases: list[str] = NOT_YET  # a list made when first read (``empty_lists``), as ``unverified``
    description: str = ""
    wikidata: str | None = None  # a QID such as "Q30", or None
    wikidata_status: str = ""  # "", "not-found" or "unverified" when there is no QID
    mentions: MutableSequence[Span] = field(default_factory=list)  # see ``span_list``
    unverified: list[str] = NOT_YET  # names of fields whose value is unverified
    note: str = ""
    date: str | None = None  # an entity of type date: the EDTF value it stands for, None if unresolved
    draft: bool = False  # drafted by ``briefing annotate``, not yet reviewed
    line: int = 0
    column: int = 0


@record
class EdtfDate:
    """A parsed EDTF date or interval.

    ``lower``/``upper`` are ISO ``YYYY-MM-DD`` strings of the earliest and latest day the date can
    mean (``None`` for an open or unknown end), used to sort the timeline. Their year may be signed
    (``-1985`` is 1986 BC) and longer than four digits; ``sort_key`` compares them as numbers.
    """

    text: str
    lower: str | None
    upper: str | None
    approximate: bool = False
    uncertain: bool = False
    is_interval: bool = False
    open_start: bool = False  # ``../b``: open (no end) before b
    open_end: bool = False  # ``a/..``: open (ongoing) after a
    precision: str = ""  # day, month, year, decade, century, unspecified; "" for an interval
    unknown_start: bool = False  # ``/b``: the start is not known
    unknown_end: bool = False  # ``a/``: the end is not known
    start: EdtfDate | None = None  # an interval's ends, None when open or unknown
    end: EdtfDate | None = None
    members: tuple[EdtfDate, ...] = ()  # a set's dates (``a..b``, ``..a``, ``a..`` as intervals)
    every: bool = False  # ``{...}``: all of the members; ``[...]``: one of them

    @property
    def sort_key(self) -> tuple[tuple[float, str], tuple[float, str]]:
        """Earliest then latest day, the year as a number (it may be signed or longer than four
        digits), so years before 1 and beyond 9999 sort in their place; month and day as ``MM-DD``."""
        lower, upper = self.lower, self.upper
        return (
            (int(lower[:-6]), lower[-5:]) if lower else (float("-inf"), ""),
            (int(upper[:-6]), upper[-5:]) if upper else (float("inf"), ""),
        )


@mutable_record
class Event:
    id: str
    label: str
    date: EdtfDate
    mentions: MutableSequence[Span] = field(default_factory=list)  # none: a background event
    sources: list[SourceRef] = field(default_factory=list)
    entities: list[str] = NOT_YET  # ids of entities involved; a list made when first read, as unverified
    unverified: list[str] = NOT_YET
    note: str = ""
    draft: bool = False
    line: int = 0
    column: int = 0

    @property
    def background(self) -> bool:
        return not self.mentions


@mutable_record
class Claim:
    id: str
    span: Span
    sources: list[SourceRef] = field(default_factory=list)
    verdict: Verdict | None = None
    gloss: str = ""  # a plain restatement of what the claim says
    entities: list[str] = NOT_YET  # ids of entities involved; a list made when first read, as unverified
    unverified: list[str] = NOT_YET
    note: str = ""
    draft: bool = False
    line: int = 0
    column: int = 0


made_when_read(Entity, "aliases", "unverified")
made_when_read(Event, "entities", "unverified")
made_when_read(Claim, "entities", "unverified")


@mutable_record
class Source:
    id: str
    title: str = ""
    publisher: str = ""
    author: str = ""
    date: str | None = None  # EDTF text
    url: str | None = None
    mirrors: list[str] = field(default_factory=list)  # other addresses of the same source
    kind: str = ""  # press-statement, news, report, interview, document, speaker, ...
    document: str | None = None  # id of another document of the collection
    span: Selector | None = None  # the passage in that document
    entity: str | None = None  # id of an entity of this document (a speaker named in the text)
    unverified: list[str] = field(default_factory=list)  # ["*"]: the whole source is unverified
    note: str = ""
    draft: bool = False
    line: int = 0
    column: int = 0
    target: Span | None = None  # ``span`` resolved in ``document`` once the collection is loaded


@mutable_record
class Document:
    path: Path
    id: str
    title: str
    language: str
    text: str
    format: str = "1"
    published: str | None = None
    publisher: str = ""
    url: str | None = None
    authors: list[str] = field(default_factory=list)
    note: str = ""  # about the document as a whole, e.g. why ``published`` is an interval
    entities: list[Entity] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    claims: MutableSequence[Claim] = field(default_factory=list)  # see ``claim_table``
    sources: list[Source] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)  # warnings (errors make a LoadError)
    extra: dict[str, Any] = field(default_factory=dict)  # data kept from an import with no equivalent

    def entity(self, entity_id: str) -> Entity | None:
        return next((e for e in self.entities if e.id == entity_id), None)

    def source(self, source_id: str) -> Source | None:
        return next((s for s in self.sources if s.id == source_id), None)

    def claim(self, claim_id: str) -> Claim | None:
        return next((c for c in self.claims if c.id == claim_id), None)


@mutable_record
class Collection:
    """Every document opened together; files that failed to load keep their problems."""

    documents: list[Document] = field(default_factory=list)
    failed: dict[str, list[Problem]] = field(default_factory=dict)  # path -> problems
    notices: list[str] = field(default_factory=list)  # what was done beyond what was asked, for the reader
    outlines: dict[str, Document] = field(default_factory=dict)
    """Documents of a large collection read for their text only (``model.outline``), by id, until opened."""

    def document(self, doc_id: str) -> Document | None:
        return next((d for d in self.documents if d.id == doc_id), None)
