"""The two ways annotating can fail that the command turns into a message and an exit status."""

from __future__ import annotations

INSTALL = "pip install 'briefing-tui[annotate]'"


class AnnotateError(Exception):
    """An article that cannot be read or annotated; the message says why and what to do."""


class MissingExtra(AnnotateError):
    """spaCy, a spaCy pipeline or trafilatura is not installed; the message says how to install it."""
