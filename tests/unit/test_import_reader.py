"""``briefing`` imports the reader's screen's modules while it waits for what the child reads beside
(``app.import_reader``, ``startup.ReadBeside.answered``), one at a time, stopping once it has come."""

from __future__ import annotations

import ast
import importlib.util
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from briefing_tui import app as app_module
from briefing_tui import startup
from briefing_tui.app import READER_MODULES, import_reader
from briefing_tui.resources import seeds_dir
from briefing_tui.startup import ReadBeside


def test_the_modules_are_imported_in_turn_until_told_to_stop(monkeypatch: pytest.MonkeyPatch) -> None:
    imported: list[str] = []
    monkeypatch.setattr(app_module, "import_module", imported.append)
    asked = iter([False, False, False, True])
    import_reader(until=lambda: next(asked))
    assert imported == list(READER_MODULES[:3])
    imported.clear()
    import_reader()
    assert imported == list(READER_MODULES)


def test_each_module_comes_after_the_reader_modules_it_imports() -> None:
    for at, name in enumerate(READER_MODULES):
        spec = importlib.util.find_spec(name)
        assert spec is not None and spec.origin is not None, name
        tree = ast.parse(Path(spec.origin).read_text(encoding="utf-8"))
        # those its import runs (at the top of the module: not those for type checking, nor deferred)
        used = {node.module for node in tree.body if isinstance(node, ast.ImportFrom) and node.module}
        later = used & set(READER_MODULES[at + 1 :])
        assert not later, f"{name} imports {later}, listed after it"


def test_the_child_says_when_it_has_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    go = tmp_path / "go"
    read_already = startup._read_already

    def held(paths: list[Path], cached: bool, say: Callable[[bytes], None]) -> bytes:  # once the test says so
        while not go.exists():
            time.sleep(0.005)
        return read_already(paths, cached, say)

    monkeypatch.setattr(startup, "_read_already", held)
    beside = ReadBeside([seeds_dir()])
    assert not beside.answered()
    go.touch()
    deadline = time.monotonic() + 30
    while not beside.answered():
        assert time.monotonic() < deadline, "the child never answered"
        time.sleep(0.005)
    read = beside.result()
    assert read is not None and read.collection.documents[0].id == "niger-us-withdrawal"
    assert beside.answered()
