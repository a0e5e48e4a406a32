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


def give_back_freed() -> bool:
    """Hand the free memory of the process's heap back to the system; True if it was done."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        trim = ctypes.CDLL(None).malloc_trim  # the C library the interpreter runs on
    except (OSError, AttributeError):  # not glibc (musl has no malloc_trim)
        return False
    trim.argtypes = [ctypes.c_size_t]
    trim.restype = ctypes.c_int
    trim(0)
    return True
