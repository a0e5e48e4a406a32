"""Copies of the seed briefing, each with an id and a title of its own: the folders of many
briefings that the tests open (their outlines, the cache kept of them, the first look's rows)."""

from __future__ import annotations

import re
from pathlib import Path

from briefing_tui.resources import seeds_dir

SEED = next(seeds_dir().glob("*.yaml")).read_text(encoding="utf-8")


def seed_copy(folder: Path, i: int, *, title: str | None = None, padding: int = 0) -> Path:
    """Copy ``i`` of the seed in ``folder``: ``copy-NN.yaml``, its id the seed's after ``cI-``, titled
    "Copie NN" (or ``title``), with a comment of ``padding`` characters at its end (a few files that
    large are outlined, as a folder of many is)."""
    body = SEED.replace("id: ", f"id: c{i}-", 1) + ("#" * padding + "\n" if padding else "")
    body = re.sub(r"^title: .*$", f'title: "{title or f"Copie {i:02}"}"', body, count=1, flags=re.M)
    path = folder / f"copy-{i:02}.yaml"
    path.write_text(body, encoding="utf-8")
    return path


def seed_copies(folder: Path, count: int, *, padding: int = 0) -> list[Path]:
    """``seed_copy`` 0 to ``count`` - 1 in ``folder``."""
    return [seed_copy(folder, i, padding=padding) for i in range(count)]
