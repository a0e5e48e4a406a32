"""Loading a spaCy pipeline and running it over articles, large ones in pieces.

spaCy is imported here only, when a pipeline is loaded. A text longer than ``CHUNK`` characters is cut
at paragraph ends into pieces that the pipeline reads one after the other (``nlp.pipe``), so that a
1 MB text is neither refused (spaCy's ``max_length``) nor held whole in the parser's memory.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from briefing_tui.annotate.errors import INSTALL, AnnotateError, MissingExtra
from briefing_tui.annotate.words import words

MODELS = {"fr": "fr_core_news_sm", "en": "en_core_web_sm"}
CHUNK = 50_000
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
) -> Iterator[list[tuple[int, Any]]]:
    """For each text, its Docs with the offset of each in the text; ``progress(chars)`` as pieces end."""
    jobs: list[tuple[int, int, str]] = []  # (text index, offset, piece)
    counts: list[int] = []
    for index, text in enumerate(texts):
        cut = pieces(text)
        counts.append(len(cut))
        jobs.extend((index, offset, piece) for offset, piece in cut)
    docs = nlp.pipe(
        ((piece, (index, offset)) for index, offset, piece in jobs),
        as_tuples=True,
        n_process=processes if len(jobs) >= 2 * processes > 2 else 1,
        batch_size=8,
    )
    current: list[tuple[int, Any]] = []
    wanted = iter(counts)
    left = next(wanted, 0)
    while left == 0 and counts:
        yield []
        left = next(wanted, -1)
        if left == -1:
            return
    for doc, (_, offset) in docs:
        current.append((offset, doc))
        if progress is not None:
            progress(len(doc.text))
        left -= 1
        while left == 0:
            yield current
            current = []
            left = next(wanted, -1)
            if left == -1:
                return
