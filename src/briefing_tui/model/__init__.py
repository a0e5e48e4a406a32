"""The pure model of an annotated briefing: types, loader, anchoring, dates. Never imports textual.

The loader (with PyYAML) and the dates are imported when first named: the reader's first frame
needs the model's types, not its reading.
"""

from typing import TYPE_CHECKING, Any

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

if TYPE_CHECKING:
    from briefing_tui.model.dates import humanize, parse_edtf
    from briefing_tui.model.loader import load_bytes, load_document

_LAZY = {
    "humanize": "briefing_tui.model.dates",
    "parse_edtf": "briefing_tui.model.dates",
    "load_bytes": "briefing_tui.model.loader",
    "load_document": "briefing_tui.model.loader",
}


def __getattr__(name: str) -> Any:
    if name not in _LAZY:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    # deferred: the reading and the dates are imported when first asked for (see above)
    from importlib import import_module

    value = getattr(import_module(_LAZY[name]), name)
    globals()[name] = value
    return value


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
