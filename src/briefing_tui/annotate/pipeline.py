"""Loading a spaCy pipeline and running it over articles, large ones in pieces.

spaCy is imported here only, when a pipeline is loaded. A text longer than ``CHUNK`` characters is cut
at paragraph ends into pieces that the pipeline reads one after the other (``nlp.pipe``), so that a
1 MB text is neither refused (spaCy's ``max_length``) nor held in memory as Docs: pieces of 10,000
characters, four at a time, keep the peak near 100 MB above the loaded pipeline.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from briefing_tui.annotate.errors import INSTALL, AnnotateError, MissingExtra
from briefing_tui.annotate.words import words

MODELS = {"fr": "fr_core_news_sm", "en": "en_core_web_sm"}
CHUNK = 10_000
_WORD = re.compile(r"[a-zà-ÿ']+")
_FR = words(
    """
    le la les des du de et est une un pour dans que qui sur pas au aux ont été avec ce cette
    """
)
_EN = words(
    """
    the of and to in is was for on that with by as at from has have are were be it this
    """
)


def guess_language(text: str) -> str:
    """``fr`` or ``en`` by their commonest words in the first pages of the text."""
    words = _WORD.findall(text[:20000].lower())
    fr = sum(1 for w in words if w in _FR)
    en = sum(1 for w in words if w in _EN)
    return "en" if en > fr else "fr"


def load_pipeline(name: str) -> Any:
    """The installed spaCy pipeline ``name``. Raises MissingExtra with how to install what is missing."""
    try:
        import spacy
    except ImportError:
        raise MissingExtra(f"briefing annotate needs spaCy and its French pipeline: {INSTALL}") from None
    try:
        nlp = spacy.load(name)
    except OSError:
        hint = INSTALL if name == MODELS["fr"] else f"python -m spacy download {name}"
        raise MissingExtra(f"the spaCy pipeline {name} is not installed: {hint}") from None
    except Exception as exc:  # a broken or incompatible package: say which, not a traceback
        raise AnnotateError(f"the spaCy pipeline {name} cannot be loaded: {exc}") from None
    nlp.max_length = max(nlp.max_length, CHUNK * 4)
    return nlp


def pieces(text: str, size: int = CHUNK) -> list[tuple[int, str]]:
    """``text`` cut at paragraph (else line, else space) ends into pieces of about ``size`` characters."""
    out: list[tuple[int, str]] = []
    start = 0
    while start < len(text):
        end = min(len(text), start + size)
        if end < len(text):
            for mark in ("\n\n", "\n", ". ", " "):
                cut = text.rfind(mark, start + size // 2, end)
                if cut > start:
                    end = cut + len(mark)
                    break
        out.append((start, text[start:end]))
        start = end
    return out


def run(
    nlp: Any,
    texts: Iterable[str],
    processes: int = 1,
    progress: Callable[[int], None] | None = None,
) -> Iterator[tuple[int, int, Any]]:
    """``(text index, offset, Doc)`` for each piece of each text, in order, as the pipeline reads them.

    The caller keeps what it needs from a Doc and lets it go: a 1 MB text is never held as Docs whole.
    ``progress(chars)`` is called as each piece is read.
    """
    jobs = [(index, offset, piece) for index, text in enumerate(texts) for offset, piece in pieces(text)]
    docs = nlp.pipe(
        ((piece, (index, offset)) for index, offset, piece in jobs),
        as_tuples=True,
        n_process=processes if len(jobs) >= 2 * processes > 2 else 1,
        batch_size=4,
    )
    for doc, (index, offset) in docs:
        if progress is not None:
            progress(len(doc.text))
        yield index, offset, doc
