"""The real French pipeline, loaded once for the annotate tests (it takes seconds)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from briefing_tui.annotate.article import Article
from briefing_tui.annotate.draft import Options, draft_documents
from briefing_tui.model import Document


@pytest.fixture(scope="session")
def nlp() -> Any:
    from briefing_tui.annotate.pipeline import load_pipeline

    return load_pipeline("fr_core_news_sm")


@pytest.fixture(scope="session")
def draft(nlp: Any):  # noqa: ANN201
    """``draft(text, published=None)``: the draft Document of a text."""

    def make(text: str, published: str | None = None, **options: Any) -> Document:
        article = Article(Path("article.txt"), text, text.split("\n", 1)[0])
        return next(draft_documents(nlp, [article], Options(published=published, **options)))

    return make
