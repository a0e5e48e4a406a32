"""An on-disk cache of folded texts, so that searching the same files again skips reading their YAML.

One entry per briefing file and case mode (a folder's small files share one instead, see
:mod:`briefing_tui.search.fold_group`), named by a hash of the file's absolute path, in
``$XDG_CACHE_HOME/briefing/folded`` (``~/.cache/briefing/folded`` when unset). An entry holds the
document's id, its text and the folded copy of the text (:class:`~briefing_tui.search.fold.Folded`),
and the identity of the file it was made from: device, inode, size, modification and change times.
It is used only while the file still has that identity; a file changed in any way gets a new entry.

The cache trusts nothing it reads: an entry that is not exactly in its format (sizes, types,
strict UTF-8, a folded copy consistent with its text) is ignored and made again. Entries are
written whole to a private temporary file and then renamed, in a folder only the user may write
to; a folder that is a symbolic link, or that others can write to, disables the cache. A file
modified less than ``SETTLE_NS`` ago is not cached: a second change within the file system's clock
tick could keep the same identity. Deleting the folder at any time is safe.
"""

from __future__ import annotations

import json
import os
import stat
import time
from collections.abc import Callable

try:  # CPython's own SHA-256: ``hashlib`` loads OpenSSL first, some 4 ms of every search's start
    from _sha256 import sha256
except ImportError:
    try:  # CPython 3.12 and later name it so
        from _sha2 import sha256
    except ImportError:  # another Python
        from hashlib import sha256

from briefing_tui.search.fold import Folded

TYPE_CHECKING = False  # typing's, without importing typing: see briefing_tui.named_tuple
if TYPE_CHECKING:
    from pathlib import Path
    from typing import Any

__all__ = [
    "Entry",
    "FoldCache",
    "Identity",
    "cache_folder",
    "cache_folder_name",
    "folded_copy",
    "identity",
    "stat_of",
]

MAGIC = b"briefing folded text cache 1\n"
MAX_HEADER = 1 << 26
MAX_ENTRY = 3 << 27  # a 64 MiB file's text twice, and room for its records
SETTLE_NS = 1_000_000_000

Identity = tuple[int, int, int, int, int]
"""A file's device, inode, size, modification and change times (nanoseconds)."""


def stat_of(path: str | Path, is_kind: Callable[[int], bool]) -> os.stat_result | None:
    """What ``os.stat`` says of ``path`` when its mode is of the kind ``is_kind`` tells
    (``stat.S_ISREG``, ``stat.S_ISDIR``); None when it is not, or cannot be reached."""
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        return None
    return info if is_kind(info.st_mode) else None


def identity(path: str | Path) -> Identity | None:
    """The identity of a regular file, or None (missing, not a regular file)."""
    info = stat_of(path, stat.S_ISREG)
    if info is None:
        return None
    return (info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns)


def cache_folder() -> Path:
    """Where entries live: ``$XDG_CACHE_HOME/briefing/folded``, or ``~/.cache/briefing/folded``."""
    # deferred: the command line names it by ``cache_folder_name``, without pathlib
    from pathlib import Path

    return Path(cache_folder_name())


def cache_folder_name() -> str:
    """``cache_folder()``, as a string."""
    base = os.environ.get("XDG_CACHE_HOME", "")
    root = base if os.path.isabs(base) else os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(root, "briefing", "folded")


class Entry:
    """What the cache holds for one file: its document id, its folded copy and (read when asked) its text."""

    __slots__ = ("_text", "copy", "id")

    def __init__(self, id: str, copy: Folded, _text: bytes | memoryview | str) -> None:  # noqa: A002 - the document's id
        self.id = id
        self.copy = copy
        self._text = _text

    @property
    def text(self) -> str:
        """The document text; raises ``ValueError`` when the stored bytes are not what they claim."""
        if not isinstance(self._text, str):
            text = str(self._text, "utf-8")
            if len(text) != self.copy.length:
                raise ValueError("the cached text does not have its recorded length")
            self._text = text
        return self._text

    def raw(self) -> bytes:
        """The document text as UTF-8, as stored (checked when read as ``text``)."""
        return self._text.encode("utf-8") if isinstance(self._text, str) else bytes(self._text)


class FoldCache:
    """The entries of one folder. Every failure to read or write is a miss, never an error."""

    identity = staticmethod(identity)
    """The identity of a file, as its entry records it (the module's ``identity``)."""

    def __init__(self, folder: str | Path, version: str) -> None:
        self.folder = folder
        self.version = version
        self._usable: bool | None = None
        self._written = 0

    def _ready(self, create: bool) -> bool:
        if self._usable is None or (create and not self._usable):
            self._usable = _private_folder(self.folder, create)
        return self._usable

    def _name(self, where: str, keep_case: bool, kind: bytes = b"") -> str:
        key = os.fsencode(where) + (b"\0case" if keep_case else b"\0") + kind
        return os.path.join(self.folder, sha256(key).hexdigest()[:40])

    def read(self, where: str, keep_case: bool, kind: bytes) -> bytes | None:
        """The bytes of the entry of ``kind`` for the absolute path ``where``, or None."""
        if not self._ready(create=False):
            return None
        return _read_private(self._name(where, keep_case, kind))

    def get(self, path: str | Path, keep_case: bool, ident: Identity | None) -> Entry | None:
        """The entry of ``path`` if there is one for its identity ``ident`` and it is sound."""
        if ident is None or not self._ready(create=False):
            return None
        try:
            where = os.path.abspath(path)
            data = _read_private(self._name(where, keep_case))
            return None if data is None else self._parse(data, where, keep_case, ident)
        except (OSError, ValueError, TypeError, KeyError, RecursionError, MemoryError):
            return None

    def _parse(self, data: bytes, where: str, keep_case: bool, ident: Identity) -> Entry | None:
        if not data.startswith(MAGIC):
            return None
        end = data.find(b"\n", len(MAGIC), len(MAGIC) + MAX_HEADER)
        if end < 0:
            return None
        head: dict[str, Any] = json.loads(data[len(MAGIC) : end].decode("utf-8"))
        if not isinstance(head, dict) or head.get("version") != self.version:
            return None
        if head.get("path") != where or head.get("keep_case") is not keep_case:
            return None
        if head.get("identity") != list(ident):
            return None
        doc_id: Any = head.get("id")
        length: Any = head.get("length")
        folded_bytes: Any = head.get("folded_bytes")
        text_bytes: Any = head.get("text_bytes")
        records: Any = head.get("records")
        standins: Any = head.get("standins")
        if not (isinstance(doc_id, str) and _count(length) and _count(folded_bytes) and _count(text_bytes)):
            return None
        if len(data) != end + 1 + folded_bytes + text_bytes:
            return None
        if not _standins(standins):
            return None
        copy = folded_copy(memoryview(data)[end + 1 : end + 1 + folded_bytes], length, records, standins)
        return None if copy is None else Entry(doc_id, copy, data[end + 1 + folded_bytes :])

    def put(
        self, path: str | Path, keep_case: bool, ident: Identity | None, doc_id: str, text: str, copy: Folded
    ) -> None:
        """Keep the entry of ``path``, read while it had identity ``ident`` (unchanged since: checked)."""
        if ident is None or time.time_ns() - ident[3] < SETTLE_NS or identity(path) != ident:
            return
        if not self._ready(create=True):
            return
        where = os.path.abspath(path)
        head = {
            "version": self.version,
            "path": where,
            "keep_case": keep_case,
            "identity": list(ident),
            "id": doc_id,
            "length": copy.length,
            "folded_bytes": 0,
            "text_bytes": 0,
            "records": [list(r) for r in copy.records],
            "standins": copy.standins,
        }
        try:
            folded = copy.text.encode("utf-8")
            head["folded_bytes"] = len(folded)
            body = text.encode("utf-8")
            head["text_bytes"] = len(body)
            line = json.dumps(head, ensure_ascii=True).encode("ascii")
        except (ValueError, UnicodeError):
            return
        self.write(where, keep_case, b"", (MAGIC + line + b"\n", folded, body))

    def write(self, where: str, keep_case: bool, kind: bytes, chunks: tuple[bytes, ...]) -> None:
        """Make ``chunks`` the entry of ``kind`` for the absolute path ``where`` (failures ignored)."""
        if not self._ready(create=True):
            return
        # A name of this process's own, created exclusively and private, then renamed over the entry.
        self._written += 1
        temporary = os.path.join(self.folder, f".new-{os.getpid()}-{self._written}")
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
        try:
            fd = os.open(temporary, flags, 0o600)
        except OSError:
            return
        try:
            try:
                for chunk in chunks:
                    view = memoryview(chunk)
                    while view:
                        view = view[os.write(fd, view) :]
            finally:
                os.close(fd)
            os.replace(temporary, self._name(where, keep_case, kind))
        except OSError:
            try:  # noqa: SIM105 (contextlib is not imported on the commands' path)
                os.unlink(temporary)
            except OSError:
                pass


def folded_copy(stored: memoryview, length: int, records: object, standins: dict[str, str]) -> Folded | None:
    """The folded copy an entry stores (``stored``: its UTF-8) of a text of ``length`` characters;
    None when it is not what its ``records`` (read, unchecked) and that length say it is."""
    try:
        folded = str(stored, "utf-8")
    except UnicodeDecodeError:
        return None
    checked = _records(records, len(folded), length)
    if checked is None or len(folded) + len(checked) != length:
        return None
    return Folded(folded, length, checked, dict(standins))


def _count(value: object) -> bool:
    return type(value) is int and 0 <= value <= MAX_ENTRY


def _records(value: object, folded_length: int, length: int) -> list[tuple[int, int, int]] | None:
    """A copy from ``fold.build`` records only characters folded to nothing, in order, inside the text."""
    if not isinstance(value, list):
        return None
    out = []
    last_q, last_p = 0, -1
    for item in value:
        if not (isinstance(item, list) and len(item) == 3 and all(type(n) is int for n in item)):
            return None
        q, p, k = item
        if k != 0 or not (last_q <= q <= folded_length and last_p < p < length):
            return None
        out.append((q, p, k))
        last_q, last_p = q, p
    return out


def _standins(value: object) -> bool:
    return isinstance(value, dict) and all(
        isinstance(meaning, str) and isinstance(char, str) and len(char) == 1 and len(meaning) >= 1
        for meaning, char in value.items()
    )


def _private_folder(folder: str | Path, create: bool) -> bool:
    """Whether ``folder`` is a real folder of this user that no one else may write to (made if asked)."""
    if create:
        try:
            os.makedirs(folder, mode=0o700, exist_ok=True)  # (the folders above it as the umask says)
        except OSError:
            return False
    try:
        info = os.lstat(folder)
    except OSError:
        return False
    if not stat.S_ISDIR(info.st_mode) or info.st_mode & 0o022:
        return False
    return not hasattr(os, "getuid") or info.st_uid == os.getuid()


def _read_private(path: str) -> bytes | None:
    """An entry's bytes: a regular file, not a link, of a bounded size."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(path, flags)
    except OSError:
        return None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_ENTRY:
            return None
        chunks = []
        left = info.st_size + 1
        while left > 0:
            chunk = os.read(fd, min(left, 1 << 24))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        return b"".join(chunks) if left > 0 else None
    finally:
        os.close(fd)
