"""Writing a file so that, whatever happens, it holds either its old bytes or its new ones.

The new bytes go to a temporary file in the same folder (so that the rename cannot cross file
systems), which is flushed and synced, given the old file's mode and owner, and renamed over the
old one; then the folder is synced so that the rename itself survives a power cut. Killed at any
point, the file is the old one or the new one, never a mix; a full disk or any other failure
leaves the old file as it was and removes the temporary file.

A symbolic link is never replaced by a file: the file it points to is written, and the report
says so (``through_link``), so that the person knows where the words went.

A save killed between making its temporary file and the rename leaves that file behind
(``.NAME.XXXXXXXX.tmp``). The next save of ``NAME`` removes such leftovers (``remove_stale``):
ours by name, regular files of our user, and older than this process's first save, so that a
save another reader is making at this moment is never touched.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from briefing_tui.display import display_path
from briefing_tui.model.types import Problem

__all__ = ["WriteError", "Written", "remove_stale", "write_atomic"]


class SaveError(Exception):
    """Nothing was written; the edits are still in the session. ``str()`` is a message for the person.

    ``code``: ``deleted`` (the file is gone: ``save_as``), ``unwritable``, ``invalid`` (the file
    on disk no longer loads: ``save(overwrite=True)`` or ``save_as``), ``shape`` (the text cannot
    be changed safely), ``verify`` (what would be written does not read back as the session).
    """

    def __init__(self, code: str, message: str, problems: list[Problem] | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.problems = problems or []


class WriteError(OSError):
    """The file could not be written; the old one is as it was. ``str()`` is a message for the person."""


@dataclass(frozen=True, slots=True)
class Written:
    path: Path
    """The file written (the target of ``through_link`` when the path given was a link)."""
    through_link: Path | None = None
    owner_kept: bool = True
    """False when the file belonged to someone else and could not be given back to them."""


def _message(what: str, path: Path, exc: OSError) -> WriteError:
    reason = exc.strerror or type(exc).__name__
    hint = {
        28: "the disk is full: free some space, or save elsewhere",
        13: "you may not write there: save elsewhere",
        30: "the file system is read-only: save elsewhere",
    }.get(exc.errno or 0, "save elsewhere")
    error = WriteError(exc.errno or 0, f"cannot {what} {display_path(path)}: {reason}; {hint}")
    return error


def _sync_folder(folder: Path) -> None:
    flags = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0)
    try:
        fd = os.open(folder, flags)
    except OSError:
        return  # some systems cannot open a folder: the rename is made, only not yet synced
    try:
        with contextlib.suppress(OSError):  # some file systems refuse to sync a folder
            os.fsync(fd)
    finally:
        os.close(fd)


def _open_temp(folder: Path, name: str) -> tuple[int, str]:
    return tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=folder)


STARTED = time.time()
"""When this module was loaded (at the first save of the process, or before): a temporary file
last written before then is no save in progress of this process, and none of another's."""
_TEMP_TAIL = re.compile(r"\.[a-z0-9_]{8}\.tmp")  # what ``mkstemp`` adds after ``.NAME``


def remove_stale(target: Path) -> list[Path]:
    """Remove the temporary files a killed save of ``target`` left beside it; returns them. Only
    regular files (never a link) named as ``write_atomic`` names them, of this user, last written
    before ``STARTED``; whatever cannot be read or removed is left alone."""
    prefix = f".{target.name}"
    removed = []
    try:
        entries = list(os.scandir(target.parent))
    except OSError:
        return []
    for entry in entries:
        name = entry.name
        if not name.startswith(prefix) or not _TEMP_TAIL.fullmatch(name, len(prefix)):
            continue
        try:
            info = entry.stat(follow_symlinks=False)
            if stat.S_ISREG(info.st_mode) and info.st_uid == os.geteuid() and info.st_mtime < STARTED:
                os.unlink(entry.path)
                removed.append(Path(entry.path))
        except OSError:
            continue
    return removed


def write_atomic(path: Path, data: bytes) -> Written:
    """Replace the contents of ``path`` by ``data`` atomically (see the module's docstring).

    Raises:
        WriteError: nothing was changed; the message says why and what to do.
    """
    path = Path(path)
    link = None
    target = path
    if path.is_symlink():
        link = path
        target = Path(os.path.realpath(path))
    try:
        info: os.stat_result | None = os.stat(target)
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise _message("read the state of", target, exc) from None
    if info is not None and not stat.S_ISREG(info.st_mode):
        raise WriteError(0, f"{display_path(target)} is not a regular file: save elsewhere")
    remove_stale(target)
    try:
        fd, temp = _open_temp(target.parent, target.name)
    except OSError as exc:
        raise _message("create a file beside", target, exc) from None
    owner_kept = True
    try:
        try:
            view = memoryview(data)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            os.fsync(fd)
            if info is not None:
                os.fchmod(fd, stat.S_IMODE(info.st_mode))
                if (info.st_uid, info.st_gid) != (os.geteuid(), os.getegid()):
                    try:
                        os.fchown(fd, info.st_uid, info.st_gid)
                    except PermissionError:
                        owner_kept = False
            else:
                umask = os.umask(0)
                os.umask(umask)
                os.fchmod(fd, 0o666 & ~umask)
        finally:
            os.close(fd)
        os.replace(temp, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise _message("write", target, exc) from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    _sync_folder(target.parent)
    return Written(target, link, owner_kept)
