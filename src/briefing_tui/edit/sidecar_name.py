"""Where a document's sidecar lies (``edit/sidecar.py``): a module of its own, with no imports of the
edit package, so that the reader can look for a sidecar when it shows a document without importing
the editing core before checking begins."""

from __future__ import annotations

from pathlib import Path

SUFFIX = ".notes.jsonld"


def sidecar_path(path: str | Path) -> Path:
    """The sidecar of the document file ``path``: ``NAME.yaml.notes.jsonld`` beside it."""
    path = Path(path)
    return path.with_name(path.name + SUFFIX)
