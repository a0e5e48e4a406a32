"""Reading a file's bytes safely: a regular file of bounded size, never blocking (no YAML here: the
reader reads a large file before it imports the parser)."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Protocol

__all__ = ["MAX_BYTES", "YAML_SUFFIXES", "read_file"]

MAX_BYTES = 64 * 1024 * 1024
"""The largest file the loader reads."""
YAML_SUFFIXES = (".yaml", ".yml")
"""The names of briefing files read by the loader (anything else goes through the formats)."""


class Reports(Protocol):
    """Where a problem of the file is reported (``safe_yaml.Problems``)."""

    def error(self, at: None, message: str, hint: str = "", code: str = "") -> None: ...


def read_file(path: Path, problems: Reports) -> bytes | None:
    """Read a regular file of at most ``MAX_BYTES`` without ever blocking or reading unbounded."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except FileNotFoundError:
        problems.error(None, "no such file", "check the path", "file-missing")
        return None
    except IsADirectoryError:
        problems.error(None, "this is a folder, not a briefing file", "give a .yaml file", "file-not-regular")
        return None
    except OSError as exc:
        problems.error(
            None, f"cannot open the file: {exc.strerror or exc}", "check its permissions", "file-open"
        )
        return None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            kind = "a folder" if stat.S_ISDIR(info.st_mode) else "not a regular file"
            problems.error(
                None, f"this is {kind}; only regular files are read", "give a .yaml file", "file-not-regular"
            )
            return None
        if info.st_size > MAX_BYTES:
            problems.error(
                None,
                f"the file is {info.st_size:,} bytes; the limit is {MAX_BYTES:,}",
                "split the document",
                "file-too-big",
            )
            return None
        chunks = []
        total = 0
        while total <= MAX_BYTES:
            chunk = os.read(fd, min(1 << 20, MAX_BYTES + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        if total > MAX_BYTES:  # it grew while being read
            problems.error(
                None, f"the file is over {MAX_BYTES:,} bytes", "split the document", "file-too-big"
            )
            return None
        return b"".join(chunks)
    except OSError as exc:
        problems.error(None, f"cannot read the file: {exc.strerror or exc}", "check the file", "file-read")
        return None
    finally:
        os.close(fd)
