"""The loader: briefing files to Documents, trusting nothing.

``load_document(path)`` and ``load_bytes(data, path_label)`` return a Document or raise
``LoadError`` carrying every problem of the file (errors and warnings, in file order); no other
exception ever escapes, whatever the bytes. A Document that loads keeps its warnings (fuzzy or
ambiguous anchors, orphans, unknown keys…) in ``Document.problems``.

Opening files and folders of any format as one Collection is ``briefing_tui.files``' work.
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from functools import lru_cache, partial
from pathlib import Path

from briefing_tui.display import display_path
from briefing_tui.model.build import Builder
from briefing_tui.model.file_bytes import YAML_SUFFIXES
from briefing_tui.model.pieces import Whole, compose_in_pieces
from briefing_tui.model.safe_yaml import Problems, compose, decode, read_file
from briefing_tui.model.split_load import ReadApart, claims_with
from briefing_tui.model.text_aside import TextAside, set_text_aside
from briefing_tui.model.types import Document, LoadError, Problem, Severity

__all__ = ["YAML_SUFFIXES", "internal_error", "label_of", "load_bytes", "load_document"]


def label_of(path: str | Path) -> str:
    """A path as shown in messages: controls, bidi controls and undecodable bytes escaped (``\\x1b``)."""
    return display_path(str(path))


def _finish(problems: Problems, document: Document | None) -> Document:
    ordered = problems.sorted()
    if document is None or problems.has_errors:
        if not any(p.severity is Severity.ERROR for p in ordered):  # pragma: no cover - defensive
            ordered.append(Problem(problems.label, 1, 1, Severity.ERROR, "the document could not be read"))
        raise LoadError(ordered)
    document.problems = ordered
    return document


def _load(data: bytes | list[bytes], label: str, path: Path, apart: ReadApart | None = None) -> Document:
    """Load from bytes; given them in a list, the list is emptied so that they are freed once decoded.
    ``apart``: the claims, built from the same bytes in another process (``model.split_load``)."""
    problems = Problems(label)
    raw = data if isinstance(data, list) else [data]
    kept = None if raw is data else raw[0]  # the caller's (``load_bytes``), who keeps them anyway
    if len(raw[0]) >= PROMOTE_CHARS:
        _keep_allocator_thresholds()
    # a text in a plain literal block: read from the bytes, ours freed before it is decoded
    rest, aside = apart.set_aside(raw) if apart is not None else set_text_aside(raw)
    if rest is None:  # a text that is not UTF-8: where the bad byte is in the file as written
        source = _as_written(kept, path, problems)
    else:
        source = decode(rest, problems)
        del rest
        if source is None and aside is not None:  # where the bad byte is in the file as written
            problems, aside = Problems(label), None
            source = _as_written(kept, path, problems)
    if source is None:
        return _finish(problems, None)
    size = len(source) + (len(aside.value) if aside is not None else 0)
    held = [source]  # emptied once the pieces no longer need the file's text (see ``_in_pieces``)
    del source
    enabled = gc.isenabled()
    # A large file makes a million nodes and objects that all live until the end: left on, the
    # cycle collector would rescan them again and again (measured: 5.5 s instead of 1.5 s).
    gc.disable()
    try:
        try:
            document = _in_pieces(held, problems, path, apart, aside)
        except Whole:
            problems = Problems(label)  # what the pieces found is found again, with the rest
            # what is held is the file's source, unless a text was set aside from it
            source = held.pop() if held and aside is None else _as_written(kept, path, problems)
            document = None if source is None else _whole(source, problems, path)
    finally:
        if size >= PROMOTE_CHARS:
            _to_oldest_generation()
        if enabled:
            gc.enable()
    return _finish(problems, document)


def _as_written(kept: bytes | None, path: Path, problems: Problems) -> str | None:
    """The file's source decoded as written, from the caller's ``kept`` bytes or read again (ours
    were freed); None, with ``problems`` saying why, when that fails."""
    again = kept if kept is not None else read_file(path, problems)
    return None if again is None else decode(again, problems)


def _whole(source: str, problems: Problems, path: Path) -> Document | None:
    """The file read at once: its node tree is freed on return by reference counting (a tree has no
    cycles), before the collector is back."""
    root = compose(source, problems)
    return None if root is None else Builder(path, source, problems).document(root)


PROMOTE_CHARS = 1 << 20
"""From this size on, a loaded document's objects are put in the oldest generation at once."""


def _to_oldest_generation() -> None:
    """Put the objects just made (a large document has half a million) where young collections do
    not scan them.

    Left in the youngest generation, the collector's next young collections would scan them all
    (0.1–0.2 s on the large bench file, at the first allocation after loading, in whichever thread
    makes it) only to find they live on. Freezing and at once unfreezing moves them to the oldest
    generation without scanning, where only full collections look at them, as at old objects. When
    something froze objects on purpose (the reader freezes what it made as it starts), unfreezing
    would thaw those: the new objects are frozen with them instead. A document holds no reference
    cycle, so frozen or not it is freed when nothing refers to it any more. This moves every young
    object of the process, so it is done for large files only: for a small one the young
    collections cost nothing.
    """
    thaw = gc.get_freeze_count() == 0  # nothing frozen on purpose: to the oldest generation
    gc.freeze()
    if thaw:
        gc.unfreeze()


@lru_cache(maxsize=1)
def _keep_allocator_thresholds() -> None:
    """Keep the C allocator's thresholds where they start (C library allowing), once per process.

    Freeing a block it had mapped on its own (a large file's bytes, 16 MB, and decoded text, 32 MB)
    makes the GNU C library raise them to that size for good: from then on every block up to 32 MB
    comes from its heap, which keeps the pages they free between the document's objects (measured:
    the reader on the 10 MB bench file peaked 14 MB higher, and no slower with them kept). Set
    explicitly, they stay at their usual values (128 KiB).
    """
    mallopt = _c_function("mallopt")
    if mallopt is not None:
        mallopt(M_TRIM_THRESHOLD, 128 * 1024)
        mallopt(M_MMAP_THRESHOLD, 128 * 1024)


M_TRIM_THRESHOLD, M_MMAP_THRESHOLD = -1, -3
"""``mallopt``'s parameters (malloc.h)."""


def _c_function(name: str) -> Callable[..., int] | None:
    """A function of the C library the process runs on, or None (not the GNU C library)."""
    try:
        import ctypes  # deferred: only once a large file is read

        return getattr(ctypes.CDLL(None), name)  # type: ignore[no-any-return]
    except (OSError, AttributeError, ImportError, TypeError):
        return None


def _in_pieces(
    held: list[str],
    problems: Problems,
    path: Path,
    apart: ReadApart | None = None,
    aside: TextAside | None = None,
) -> Document | None:
    """A large file read piece by piece (``pieces``), or ``Whole`` when it must be read at once.

    ``held`` holds the file's text: it is emptied once the pieces are cut (the items keep their own
    bytes) and the builder has read what it needs of it, so that the text of a large file does not
    live while its annotations are made. ``Whole`` raised after that: the caller reads it again.
    """
    root, drain = compose_in_pieces(held[0], problems, aside)
    builder = Builder(path, held.pop(), problems)
    document = builder.document(root, None if apart is None else partial(claims_with, apart))
    drain()
    return document


def internal_error(label: str, exc: BaseException) -> LoadError:
    message = f"internal error while reading this file ({type(exc).__name__})"
    return LoadError([Problem(label, 1, 1, Severity.ERROR, message, "please report this file", "internal")])


def load_bytes(data: bytes, path_label: str, *, path: Path | None = None) -> Document:
    """Load a briefing from bytes. ``path_label`` names it in problems; ``path`` is kept on the Document."""
    try:
        return _load(data, path_label, path if path is not None else Path(path_label))
    except LoadError:
        raise
    except (Exception, RecursionError, MemoryError) as exc:  # the promise: nothing but LoadError escapes
        raise internal_error(path_label, exc) from None


def load_document(path: str | Path, read: ReadApart | None = None) -> Document:
    """Load one briefing YAML file; raises ``LoadError`` with every problem of the file.

    ``read``: the file's bytes, read already, and its claims being built apart from them
    (``model.split_load``): used when it is the same path."""
    path = Path(path)
    label = label_of(path)
    try:
        problems = Problems(label)
        owned = read.bytes_once() if read is not None and read.path == path else None
        if owned is not None:
            return _load(owned, label, path, read)
        data = read_file(path, problems)
        if data is None:
            return _finish(problems, None)
        owned = [data]  # only ``_load`` holds the bytes: freed once decoded
        del data
        return _load(owned, label, path)
    except LoadError:
        raise
    except (Exception, RecursionError, MemoryError) as exc:
        raise internal_error(label, exc) from None
