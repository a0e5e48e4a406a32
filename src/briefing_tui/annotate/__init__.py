"""Drafting a briefing from an article: entities, dates, events and check-worthy claims.

The pipeline sits beside ``formats/``: it may use ``model``, ``display`` and ``search`` but never the
user interface. spaCy, its French pipeline and trafilatura are an optional extra (``pip install
'briefing-tui[annotate]'``), imported only when an article is annotated; ``MissingExtra`` says how to
install them.
"""

from briefing_tui.annotate.errors import AnnotateError, MissingExtra

__all__ = ["AnnotateError", "MissingExtra"]
