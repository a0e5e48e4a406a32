"""Pure importers and exporters. Never imports textual.

``briefing_tui.formats.registry`` lists the formats (name, file patterns, importer, exporter);
everything else finds a format there. Each format's module is imported only when it is used.
"""

from briefing_tui.formats.registry import FORMATS, Exported, ExportOptions, Format, ImportSource, get

__all__ = ["FORMATS", "ExportOptions", "Exported", "Format", "ImportSource", "get"]
