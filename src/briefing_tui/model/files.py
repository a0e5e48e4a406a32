"""Which files of a folder are briefings: what opening or searching a folder reads.

Light on purpose (no YAML, no loader), so that a command can list files before deciding to load any.
"""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["YAML_SUFFIXES", "briefing_files"]

YAML_SUFFIXES = (".yaml", ".yml")


def briefing_files(path: Path) -> list[Path]:
    """The files ``path`` stands for: itself when it is not a folder, else its briefings, sorted.

    A folder contributes its ``*.yaml``/``*.yml`` files and the brat ``*.txt`` files that have a
    ``.ann`` beside them; other files are skipped. A folder that cannot be listed stands for itself,
    so that reading it reports the problem.
    """
    if not path.is_dir():
        return [path]
    try:
        with os.scandir(path) as listing:
            files = {entry.name: entry.is_file() for entry in listing}
    except OSError:
        return [path]
    out = []
    for name in sorted(files):
        dot = name.rfind(".")
        if not 0 < dot < len(name) - 1:
            continue  # no suffix, as ``Path.suffix`` sees it
        suffix = name[dot:].lower()
        if suffix in YAML_SUFFIXES or (suffix == ".txt" and files.get(name[:dot] + ".ann", False)):
            out.append(path / name)
    return out
