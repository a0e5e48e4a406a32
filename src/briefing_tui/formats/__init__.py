"""Pure importers and exporters. Never imports textual.

``open_foreign(path)`` opens a file that is not briefing YAML (today: a brat ``.txt`` with its
``.ann`` beside it, or the ``.ann`` itself). Each format's module is imported only when it is used.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from briefing_tui.model.types import Document

IMPORTERS = ("brat", "w3c", "claimreview", "timelinejs")
EXPORTERS = ("brat", "w3c", "claimreview", "timelinejs", "markdown", "html")


def is_foreign(path: str | Path) -> bool:
    """Whether ``open_foreign`` can open ``path``: a ``.txt`` with a ``.ann`` beside it, or an ``.ann``."""
    path = Path(path)
    suffix = path.suffix.lower()
    return (suffix == ".txt" and path.with_suffix(".ann").exists()) or suffix == ".ann"


def open_foreign(path: str | Path) -> Document:
    """Open a non-YAML annotation file as a Document.

    Raises:
        LoadError: with ``FILE:LINE:COL`` problems when the file cannot be read or is malformed.
    """
    # deferred: kept off start-up: needed only when this runs
    from briefing_tui.formats.common import fail

    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in (".txt", ".ann"):
        # deferred: kept off start-up: needed only when this runs
        from briefing_tui.formats.brat import import_brat

        txt = path.with_suffix(".txt")
        if not txt.exists():
            raise fail(path, f"no text file {txt.name} beside the brat annotations")
        return import_brat(txt, path.with_suffix(".ann"))
    raise fail(
        path, f"unknown file kind {suffix or '(no suffix)'}: expected briefing YAML or brat .txt + .ann"
    )
