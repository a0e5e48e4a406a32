"""What the tests of the search's cache share: briefings written old enough to be cached, and the
command run as a person runs it."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from briefing_tui.cli import main

DOC = "id: {id}\ntitle: T\nlanguage: fr\ntext: |-\n  {text}\nclaims:\n  - id: c1\n    span: [0, 3]\n"


def settle(path: Path, age: float = 10.0) -> None:
    """Make ``path`` look ``age`` seconds old: settled, so that the cache takes it."""
    past = time.time() - age
    os.utime(path, (past, past))


def write(folder: Path, name: str, text: str, *, age: float = 10.0, folder_too: bool = False) -> Path:
    """A briefing ``name`` whose text is ``text``, ``age`` seconds old (and its folder, ``folder_too``)."""
    path = folder / f"{name}.yaml"
    path.write_text(DOC.format(id=name, text=text), encoding="utf-8")
    settle(path, age)
    if folder_too:
        settle(folder, age)
    return path


def search(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["search", *argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def two_docs(tmp_path: Path, *, folder_too: bool = False) -> Path:
    """A folder of two briefings, one about the United States and Niger."""
    folder = tmp_path / "docs"
    folder.mkdir()
    write(folder, "a", "Les États-Unis et le Niger, cœur du Sahel.", folder_too=folder_too)
    write(folder, "b", "Rien à voir.", folder_too=folder_too)
    return folder
