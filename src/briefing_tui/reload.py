"""Live reload, the pure part: notice that open files changed on disk and decide what to show.

The screen polls a ``Watcher`` about twice a second (``poll()`` is a few ``stat`` calls, no reading).
A change is reported once the file has stood still for ``settle`` seconds, so that an editor that
writes in several steps (truncate, write, rename a temporary file over the original, delete and
re-create) is reloaded once, with the finished file. ``reload_file`` then decides: the new version
(``RELOADED``), the last good version kept because the new one is broken (``BROKEN``), or the last
good version kept because the file is gone (``DELETED``). ``carry_place`` keeps the reader's place
across versions: the same claim, and the same text at the top of the view when the text moved.

Pure: stdlib and the model only; never imports textual.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from briefing_tui.model.types import Document, LoadError, Problem, Severity
from briefing_tui.record import record
from briefing_tui.words import plural

POLL_INTERVAL = 0.5  # seconds between two polls of the screen's timer
SETTLE = 0.3  # a change is reported once the file has not moved for this long


@record
class Stamp:
    """What ``stat`` says about a file: enough to notice a write, a truncation or a replacement."""

    mtime_ns: int
    size: int
    inode: int
    device: int

    @classmethod
    def of(cls, path: str | os.PathLike[str], stat: Callable[..., os.stat_result] = os.stat) -> Stamp | None:
        """The file's stamp, or None when it does not exist (or cannot be reached) any more."""
        try:
            st = stat(path)
        except (OSError, ValueError):
            return None
        return cls(st.st_mtime_ns, st.st_size, st.st_ino, st.st_dev)


class Change(StrEnum):
    MODIFIED = "modified"  # written, truncated, replaced, or back after a deletion
    DELETED = "deleted"


@record
class FileChange:
    path: Path
    change: Change


@dataclass(slots=True)
class _Watched:
    reported: Stamp | None  # the state the reader has seen
    pending: Stamp | None = None  # a different state, waiting to settle
    pending_since: float | None = None


class Watcher:
    """Polls the stamps of some files and reports each settled change once.

    Args:
        paths: the files to watch (their current state is the starting point: nothing is reported for it).
        settle: seconds a new state must last before it is reported (debouncing).
        clock: a monotonic clock (tests pass a fake one).
        stat: ``os.stat`` (tests may pass a fake one).
    """

    def __init__(
        self,
        paths: Iterable[str | os.PathLike[str]] = (),
        *,
        settle: float = SETTLE,
        clock: Callable[[], float] = time.monotonic,
        stat: Callable[..., os.stat_result] = os.stat,
    ) -> None:
        self.settle = settle
        self._clock = clock
        self._stat = stat
        self._files: dict[Path, _Watched] = {}
        for path in paths:
            self.watch(path)

    @property
    def paths(self) -> list[Path]:
        return list(self._files)

    def watch(self, path: str | os.PathLike[str]) -> None:
        """Start watching ``path`` from its current state (or forget a change already pending)."""
        path = path if isinstance(path, Path) else Path(path)  # not a copy: a folder lists a thousand
        self._files[path] = _Watched(Stamp.of(path, self._stat))

    def move(self, old: str | os.PathLike[str], new: str | os.PathLike[str]) -> None:
        """The file at ``old`` is now kept at ``new`` (saved there): ``old`` is no longer watched
        (its deletion, or a file made there later, is no concern of the reader's), ``new`` is from
        its state now."""
        self._files.pop(old if isinstance(old, Path) else Path(old), None)
        self.watch(new)

    def since(self, stamps: Mapping[Path, Stamp | None]) -> None:
        """Start from ``stamps`` (the files' states when they were read), rather than from their
        states now, for the files watched: a change made in between is reported."""
        for path, stamp in stamps.items():
            if path in self._files:
                self._files[path] = _Watched(stamp)

    def poll(self) -> list[FileChange]:
        """Look at every file once; return the changes that have settled since the last report."""
        now = self._clock()
        changes: list[FileChange] = []
        for path, state in self._files.items():
            stamp = Stamp.of(path, self._stat)
            if stamp == state.reported:
                state.pending = state.pending_since = None  # back as it was: nothing to report
                continue
            if state.pending_since is None or stamp != state.pending:
                state.pending, state.pending_since = stamp, now  # a new state: wait for it to settle
                if self.settle > 0:
                    continue
            if now - state.pending_since < self.settle:
                continue
            state.reported, state.pending, state.pending_since = stamp, None, None
            changes.append(FileChange(path, Change.DELETED if stamp is None else Change.MODIFIED))
        return changes


class Outcome(StrEnum):
    RELOADED = "reloaded"  # the new version loaded: show it
    BROKEN = "broken"  # the new version has errors: keep the last good one, show the errors
    DELETED = "deleted"  # the file is gone: keep the last good one, say so


@dataclass(slots=True)
class ReloadResult:
    path: Path
    outcome: Outcome
    document: Document | None = None  # the new version when RELOADED
    problems: list[Problem] = field(default_factory=list)  # the errors (BROKEN), the notice (DELETED)

    @property
    def notice(self) -> str:
        """One line for the reader, without the file's contents (those go through the display boundary)."""
        if self.outcome is Outcome.RELOADED:
            warnings = len(self.problems)
            return "changed on disk, read again" + (f" ({plural(warnings, 'warning')})" if warnings else "")
        if self.outcome is Outcome.DELETED:
            return "the file was deleted: showing the last version read"
        errors = sum(p.severity is Severity.ERROR for p in self.problems)
        return f"the new version has {plural(errors, 'error')}: showing the last good version"


def reload_file(
    path: str | os.PathLike[str], change: Change, load: Callable[[Path], Document] | None = None
) -> ReloadResult:
    """Decide what to show after ``change`` to ``path``. Never raises: a loader failure is a BROKEN result.

    Args:
        path: the file that changed.
        change: what the watcher saw.
        load: the loader (``briefing_tui.model.load_document`` by default).
    """
    path = Path(path)
    if change is Change.DELETED:
        notice = Problem(
            str(path), 1, 1, Severity.WARNING, "the file was deleted; the last version read is shown"
        )
        return ReloadResult(path, Outcome.DELETED, None, [notice])
    if load is None:
        # deferred: the loader (and PyYAML) is imported when a file changes, not when the reader starts
        from briefing_tui.model.loader import load_document

        load = load_document
    try:
        document = load(path)
    except LoadError as exc:
        return ReloadResult(path, Outcome.BROKEN, None, list(exc.problems))
    except Exception as exc:  # a loader defect must not take the reader down with the last good version
        problem = Problem(
            str(path), 1, 1, Severity.ERROR, f"could not be reloaded: {type(exc).__name__}: {exc}"
        )
        return ReloadResult(path, Outcome.BROKEN, None, [problem])
    return ReloadResult(path, Outcome.RELOADED, document, list(document.problems))


# --- keeping the reader's place ---------------------------------------------------------------------


@record
class Place:
    """Where the reader is: the current claim (if any) and the text offset at the top of the view."""

    claim_id: str | None = None
    top_offset: int = 0


def common_prefix(a: str, b: str) -> int:
    """Length of the longest common prefix (slices compared in C: fast on megabytes)."""
    lo, hi = 0, min(len(a), len(b))
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if a[lo:mid] == b[lo:mid]:
            lo = mid
        else:
            hi = mid - 1
    return lo


def common_suffix(a: str, b: str, limit: int) -> int:
    """Length of the longest common suffix, at most ``limit`` (so it never overlaps the prefix)."""
    lo, hi = 0, min(len(a), len(b), limit)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if a[len(a) - mid : len(a) - lo] == b[len(b) - mid : len(b) - lo]:
            lo = mid
        else:
            hi = mid - 1
    return lo


def map_offset(old: str, new: str, offset: int) -> int:
    """Where ``offset`` of ``old`` is in ``new``: one edited region between a common prefix and suffix.

    An offset in the unchanged beginning stays; one in the unchanged end moves by the change in length;
    one inside the edited region goes to the start of that region in ``new``.
    """
    if old == new:
        return offset
    prefix = common_prefix(old, new)
    if offset <= prefix:
        return offset
    suffix = common_suffix(old, new, min(len(old), len(new)) - prefix)
    if offset >= len(old) - suffix:
        return offset + len(new) - len(old)
    return prefix


def carry_place(old: Document, new: Document, place: Place) -> Place:
    """The reader's place in ``new``: the same claim when it is still there, the same text at the top."""
    top = min(map_offset(old.text, new.text, place.top_offset), len(new.text))
    claim_id = place.claim_id
    if claim_id is not None and new.claim(claim_id) is None:
        claim_id = _nearest_claim(new, _claim_offset(old, claim_id, old.text, new.text))
    return Place(claim_id, max(top, 0))


def _claim_offset(old: Document, claim_id: str, old_text: str, new_text: str) -> int | None:
    claim = old.claim(claim_id)
    if claim is None or not claim.span.anchored:
        return None
    return map_offset(old_text, new_text, claim.span.start)


def _nearest_claim(document: Document, offset: int | None) -> str | None:
    anchored = [c for c in document.claims if c.span.anchored]
    if offset is None or not anchored:
        return None
    return min(anchored, key=lambda c: (abs(c.span.start - offset), c.span.start)).id
