"""briefing: a terminal reader for annotated news briefings."""

__version__ = "0.1.0"
