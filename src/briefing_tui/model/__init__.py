"""The pure model of an annotated briefing: types, loader, anchoring, dates. Never imports textual."""

from briefing_tui.model.dates import humanize, parse_edtf
from briefing_tui.model.loader import load_bytes, load_document
from briefing_tui.model.types import (
    RATINGS,
    AnchorStatus,
    Claim,
    Collection,
    Document,
    EdtfDate,
    Entity,
    Event,
    LoadError,
    Problem,
    Rating,
    Selector,
    Severity,
    Source,
    SourceRef,
    Span,
    Stance,
    Verdict,
)

__all__ = [
    "RATINGS",
    "AnchorStatus",
    "Claim",
    "Collection",
    "Document",
    "EdtfDate",
    "Entity",
    "Event",
    "LoadError",
    "Problem",
    "Rating",
    "Selector",
    "Severity",
    "Source",
    "SourceRef",
    "Span",
    "Stance",
    "Verdict",
    "humanize",
    "load_bytes",
    "load_document",
    "parse_edtf",
]
