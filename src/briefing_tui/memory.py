"""Memory freed by a large load, given back to the system.

A large briefing is read through temporary objects (its file's bytes, its pieces, the claims' frames
built beside) that are freed once it is loaded. The C library keeps most of what they used for
its next allocations, in holes between what stays: the reader's memory stayed that much higher,
and what it then builds (the whole text's index of marks, its lines) came on top of it. glibc's
``malloc_trim`` hands those free pages back. Elsewhere (another C library, another system) nothing
is done.
"""

from __future__ import annotations

import ctypes
import sys

TYPE_CHECKING = False  # typing's, without importing typing: see briefing_tui.named_tuple
if TYPE_CHECKING:
    from typing import Any


def _glibc(name: str, *argtypes: Any) -> Any:
    """The function ``name`` of the C library the interpreter runs on, taking ``argtypes`` and
    giving an ``int``; None on another system, or a C library without it (musl has neither)."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        function = getattr(ctypes.CDLL(None), name)
    except (OSError, AttributeError):
        return None
    function.argtypes = list(argtypes)
    function.restype = ctypes.c_int
    return function


def give_back_freed() -> bool:
    """Hand the free memory of the process's heap back to the system; True if it was done."""
    trim = _glibc("malloc_trim", ctypes.c_size_t)
    if trim is None:
        return False
    trim(0)
    return True


M_TRIM_THRESHOLD, M_MMAP_THRESHOLD = -1, -3  # glibc's mallopt parameters (malloc.h)
REUSED_UP_TO = 32 << 20
"""glibc's highest threshold on 64-bit systems: blocks up to this size come from the heap."""
KEPT_UP_TO = 64 << 20
"""Free memory at the heap's end kept for reuse rather than handed back at once."""


def reuse_freed() -> bool:
    """Have the C library keep large blocks that are freed, for the next ones; True if it was done.

    glibc gives each block of 128 KB and more (a file's bytes, a text decoded, each of its folded
    chunks) pages of its own, fresh from the system, and hands them back when the block is freed:
    reading a 10 MB briefing touched 116 MB of new pages, 29,600 page faults, for 70 MB at most in
    use. Served from the heap instead, a freed block's pages serve the next one: 18,300 faults, and
    the search some 50 ms faster. Worth it only for a large file (``ctypes`` costs some 4 ms), and
    for a command that ends when it is done: the process keeps up to ``KEPT_UP_TO`` of free memory.
    """
    mallopt = _glibc("mallopt", ctypes.c_int, ctypes.c_int)
    if mallopt is None:
        return False
    return bool(mallopt(M_MMAP_THRESHOLD, REUSED_UP_TO)) and bool(mallopt(M_TRIM_THRESHOLD, KEPT_UP_TO))
