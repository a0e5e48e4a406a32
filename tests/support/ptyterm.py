"""Run a program in a real pseudo-terminal and read its screen through a terminal emulator (pyte).

Used by the end-to-end tests and the ``bench/`` scripts. Keeps every raw byte the program wrote so
that tests can assert what did (or did not) reach the terminal.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import pty
import select
import signal
import struct
import termios
import time
from collections.abc import Mapping, Sequence

import pyte
from wcwidth import wcwidth


class PtyTerm:
    """A program running in a pty of ``columns`` x ``lines``, its output fed to a pyte screen."""

    def __init__(
        self,
        argv: Sequence[str],
        columns: int = 120,
        lines: int = 40,
        env: Mapping[str, str | None] | None = None,
        cwd: str | None = None,
    ) -> None:
        self.columns, self.lines = columns, lines
        self.screen = pyte.Screen(columns, lines)
        self.stream = pyte.ByteStream(self.screen)
        self.raw = bytearray()
        self.started = time.perf_counter()
        full_env = dict(os.environ)
        full_env.update({"TERM": "xterm-256color", "COLUMNS": str(columns), "LINES": str(lines)})
        for name, value in (env or {}).items():  # None: left out
            if value is None:
                full_env.pop(name, None)
            else:
                full_env[name] = value
        pid, fd = pty.fork()
        if pid == 0:  # child
            if cwd:
                os.chdir(cwd)
            os.execvpe(argv[0], list(argv), full_env)
        self.pid, self.fd = pid, fd
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", lines, columns, 0, 0))
        self.exit_status: int | None = None

    def pump(self, timeout: float = 0.05) -> bool:
        """Read what is available within ``timeout``; return True when something was read."""
        ready, _, _ = select.select([self.fd], [], [], timeout)
        if not ready:
            return False
        try:
            data = os.read(self.fd, 65536)
        except OSError:  # EIO: the child closed the pty
            return False
        if not data:
            return False
        self.raw += data
        self.stream.feed(data)
        return True

    def text(self) -> str:
        return "\n".join(self.rows())

    def rows(self) -> list[str]:
        """The screen's lines, as pyte's ``display`` gives them, but for a cell left empty: the second
        half of a wide character whose first half a later frame wrote over (pyte's ``display`` fails
        on it, with an IndexError, when a frame is read between two writes). It reads as a space."""
        screen = self.screen
        out = []
        for y in range(screen.lines):
            line, cells, wide = screen.buffer[y], [], False
            for x in range(screen.columns):
                if wide:  # the stub after a wide character
                    wide = False
                    continue
                data = line[x].data
                cells.append(data or " ")
                wide = bool(data) and wcwidth(data[0]) == 2
            out.append("".join(cells))
        return out

    def wait_for(self, needle: str, timeout: float = 10.0) -> float:
        """Wait until ``needle`` is on screen; return seconds since start. Raises TimeoutError."""
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            if needle in self.text():
                return time.perf_counter() - self.started
            self.pump(0.02)
        raise TimeoutError(f"{needle!r} not on screen after {timeout}s:\n{self.text()}")

    def wait_gone(self, needle: str, timeout: float = 10.0) -> float:
        """Wait until ``needle`` is no longer on screen; return seconds since start."""
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            if needle not in self.text():
                return time.perf_counter() - self.started
            self.pump(0.02)
        raise TimeoutError(f"{needle!r} still on screen after {timeout}s:\n{self.text()}")

    def wait_quiet(self, quiet: float = 0.15, timeout: float = 5.0) -> None:
        """Read until nothing arrives for ``quiet`` seconds."""
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            if not self.pump(quiet):
                return

    def resize(self, columns: int, lines: int) -> None:
        """Resize the terminal, as a window resized by hand does (the program gets SIGWINCH).

        A program that reads ``COLUMNS`` and ``LINES`` first (Textual does) must be started with
        them left out (``env={"COLUMNS": None, "LINES": None}``) to see the new size.
        """
        self.columns, self.lines = columns, lines
        self.screen.resize(lines, columns)
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, struct.pack("HHHH", lines, columns, 0, 0))

    def send(self, keys: str | bytes) -> None:
        os.write(self.fd, keys.encode() if isinstance(keys, str) else keys)

    def wait_exit(self, timeout: float = 5.0) -> int | None:
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            self.pump(0.02)
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self.exit_status = os.waitstatus_to_exitcode(status)
                # What it wrote last (putting the terminal back) may still wait in the pty: a test
                # reading ``raw`` once the program has ended must see all of it.
                while self.pump(0.05):
                    pass
                return self.exit_status
        return None

    def close(self) -> None:
        if self.exit_status is None:
            try:
                os.kill(self.pid, signal.SIGKILL)
                os.waitpid(self.pid, 0)
            except (ProcessLookupError, ChildProcessError):
                pass
        with contextlib.suppress(OSError):
            os.close(self.fd)

    def __enter__(self) -> PtyTerm:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
