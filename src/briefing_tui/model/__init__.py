"""The pure model of an annotated briefing: types, loader, anchoring, dates. Never imports textual.

Its names are imported when first used, so that a command needing one light module of the
package (``files``) does not pay for the loader.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from briefing_tui.model.dates import humanize, parse_edtf
    from briefing_tui.model.loader import load_bytes, load_document, load_paths
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

_HOMES = {
    **dict.fromkeys(("humanize", "parse_edtf"), "dates"),
    **dict.fromkeys(("load_bytes", "load_document", "load_paths"), "loader"),
}

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
    "load_paths",
    "parse_edtf",
]


def __getattr__(name: str) -> Any:
    if name not in __all__:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    module = importlib.import_module(f"{__name__}.{_HOMES.get(name, 'types')}")
    value = getattr(module, name)
    globals()[name] = value
    return value
