"""The format registry: one entry per format, and the only place that knows which formats exist.

Every entry has the same shape: a name, the file patterns it reads, an importer
``(ImportSource) -> Document`` and an exporter ``(Document, ExportOptions) -> Exported``, either of
which may be missing. The commands (``briefing import``, ``briefing export``) and the reading of
files (``briefing FILE``, folders) look formats up here and never test a format's name.

A format's module is imported only when one of its functions runs, so importing the registry
stays cheap (``briefing FILE`` on a YAML file never imports an importer).
"""

from __future__ import annotations

import fnmatch
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from briefing_tui.model.types import Document


@dataclass(frozen=True)
class ImportSource:
    """What an importer reads: the file, and the text or briefing the annotations sit on, if given."""

    file: Path
    text: Path | None = None
    onto: Document | None = None


@dataclass(frozen=True)
class ExportOptions:
    """Options an exporter may use (each ignores the ones that do not concern it)."""

    author: str | None = None
    layer: tuple[dict[str, Any], ...] = ()
    """W3C: the person's own annotations (the sidecar's notes, ratings, marks, bookmarks) to add."""


@dataclass(frozen=True)
class Exported:
    """What an exporter makes: files as ``(suffix, text)`` (suffix ``""`` for a single-file format)
    and warnings naming what the format could not hold."""

    files: tuple[tuple[str, str], ...]
    warnings: tuple[str, ...] = ()


Importer = Callable[[ImportSource], "Document"]
Exporter = Callable[["Document", ExportOptions], Exported]


@dataclass(frozen=True)
class Format:
    """One format. ``opens`` says whether ``briefing FILE`` (and a folder) reads its files directly."""

    name: str
    patterns: tuple[str, ...]
    description: str
    importer: Importer | None = None
    exporter: Exporter | None = None
    opens: bool = False
    needs_text: bool = False
    text_options: bool = True  # whether --text / --onto apply to its import
    companion: dict[str, str] = field(default_factory=dict)  # a pattern's file that must exist beside it
    listed: tuple[str, ...] | None = None  # the patterns a folder is read for (default: ``patterns``)

    def matches(self, path: Path, *, in_folder: bool = False) -> bool:
        """Whether ``path`` is a file of this format: its name matches (in a folder, one of the
        ``listed`` patterns) and the companion file its pattern needs is beside it."""
        name = path.name.lower()
        patterns = self.listed if in_folder and self.listed is not None else self.patterns
        for pattern in patterns:
            if fnmatch.fnmatchcase(name, pattern):
                needed = self.companion.get(pattern)
                return needed is None or path.with_suffix(needed).is_file()
        return False


# --- importers: one signature -------------------------------------------------------------------


def _import_brat(source: ImportSource) -> Document:
    # deferred: a format's module is imported when one of its functions runs
    from briefing_tui.formats.brat import import_brat

    txt = source.file.with_suffix(".txt") if source.file.suffix.lower() == ".ann" else source.file
    return import_brat(txt, txt.with_suffix(".ann"))


def _import_w3c(source: ImportSource) -> Document:
    # deferred: a format's module is imported when one of its functions runs
    from briefing_tui.formats.w3c import import_w3c

    return import_w3c(source.file, source.text or Path(""), source.onto)


def _import_claimreview(source: ImportSource) -> Document:
    # deferred: a format's module is imported when one of its functions runs
    from briefing_tui.formats.claimreview import import_claimreview

    return import_claimreview(source.file, source.text, source.onto)


def _import_timelinejs(source: ImportSource) -> Document:
    # deferred: a format's module is imported when one of its functions runs
    from briefing_tui.formats.timelinejs import import_timelinejs

    return import_timelinejs(source.file, source.text, source.onto)


# --- exporters: one signature --------------------------------------------------------------------


def _export_brat(doc: Document, options: ExportOptions) -> Exported:
    # deferred: a format's module is imported when one of its functions runs
    from briefing_tui.formats.brat_export import export_brat
    from briefing_tui.formats.losses import brat_losses

    text, ann, warnings = export_brat(doc)
    return Exported(((".txt", text), (".ann", ann)), tuple(warnings + brat_losses(doc)))


def _export_w3c(doc: Document, options: ExportOptions) -> Exported:
    # deferred: a format's module is imported when one of its functions runs
    from briefing_tui.formats.json_out import dump_json
    from briefing_tui.formats.losses import w3c_losses
    from briefing_tui.formats.w3c_export import export_w3c

    data, warnings = export_w3c(doc, options.layer)
    return Exported((("", dump_json(data)),), tuple(warnings + w3c_losses(doc)))


def _export_claimreview(doc: Document, options: ExportOptions) -> Exported:
    # deferred: a format's module is imported when one of its functions runs
    from briefing_tui.formats.claimreview import export_claimreview

    # deferred: a format's module is imported when one of its functions runs
    from briefing_tui.formats.json_out import dump_json
    from briefing_tui.formats.losses import claimreview_losses

    reviews, warnings = export_claimreview(doc, options.author)
    return Exported((("", dump_json(reviews)),), tuple(warnings + claimreview_losses(doc)))


def _export_timelinejs(doc: Document, options: ExportOptions) -> Exported:
    # deferred: a format's module is imported when one of its functions runs
    from briefing_tui.formats.json_out import dump_json
    from briefing_tui.formats.losses import timelinejs_losses
    from briefing_tui.formats.timelinejs_export import export_timelinejs

    timeline, warnings = export_timelinejs(doc)
    return Exported((("", dump_json(timeline)),), tuple(warnings + timelinejs_losses(doc)))


def _export_markdown(doc: Document, options: ExportOptions) -> Exported:
    # deferred: a format's module is imported when one of its functions runs
    from briefing_tui.formats.losses import report_losses
    from briefing_tui.formats.markdown import export_markdown

    return Exported((("", export_markdown(doc)),), tuple(report_losses("markdown", doc)))


def _export_html(doc: Document, options: ExportOptions) -> Exported:
    # deferred: a format's module is imported when one of its functions runs
    from briefing_tui.formats.html_report import export_html
    from briefing_tui.formats.losses import report_losses

    return Exported((("", export_html(doc)),), tuple(report_losses("html", doc)))


FORMATS: tuple[Format, ...] = (
    Format(
        "brat",
        ("*.ann", "*.txt"),
        "brat standoff: FILE.txt with FILE.ann beside it",
        _import_brat,
        _export_brat,
        opens=True,
        text_options=False,
        companion={"*.txt": ".ann"},
        listed=("*.txt",),  # one document per .txt + .ann pair
    ),
    Format(
        "w3c",
        ("*.json", "*.jsonld"),
        "W3C Web Annotation JSON-LD (Hypothesis and Recogito exports too)",
        _import_w3c,
        _export_w3c,
        needs_text=True,
    ),
    Format(
        "claimreview",
        ("*.json", "*.jsonld"),
        "schema.org ClaimReview JSON-LD, or the Fact Check Tools API",
        _import_claimreview,
        _export_claimreview,
    ),
    Format(
        "timelinejs",
        ("*.json",),
        "TimelineJS3 JSON",
        _import_timelinejs,
        _export_timelinejs,
    ),
    Format("markdown", ("*.md",), "a Markdown report", exporter=_export_markdown),
    Format("html", ("*.html",), "a self-contained HTML report", exporter=_export_html),
)


def get(name: str) -> Format:
    """The format called ``name``; ``KeyError`` when there is none."""
    for fmt in FORMATS:
        if fmt.name == name:
            return fmt
    raise KeyError(name)


def importers() -> tuple[str, ...]:
    return tuple(f.name for f in FORMATS if f.importer is not None)


def exporters() -> tuple[str, ...]:
    return tuple(f.name for f in FORMATS if f.exporter is not None)


def opener_for(path: Path, *, in_folder: bool = False) -> Format | None:
    """The format ``briefing FILE`` reads ``path`` with, when one reads it directly."""
    found = (
        f for f in FORMATS if f.opens and f.importer is not None and f.matches(path, in_folder=in_folder)
    )
    return next(found, None)
