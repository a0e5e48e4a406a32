"""Many files outlined half here and half in a child process (``startup.OutlinedApart``): the same
collection as outlining them all here, whatever the child does."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing_tui import startup
from briefing_tui.files import briefing_files
from briefing_tui.model import outline as outline_module
from briefing_tui.model.outline import open_outlines
from briefing_tui.model.types import Collection
from briefing_tui.startup import OUTLINED_APART_FROM, OutlinedApart

COUNT = OUTLINED_APART_FROM + 16


@pytest.fixture(autouse=True)
def spare_core(monkeypatch: pytest.MonkeyPatch) -> None:
    """As on a machine of two cores or more (one core outlines them all itself)."""
    monkeypatch.setattr(startup, "spare_core", lambda: True)


def _folder(tmp_path: Path) -> Path:
    """``COUNT`` briefings; in the second half, one whose YAML is broken and one whose id is taken
    by a file of the first half."""
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(COUNT):
        ident = "d003" if i == COUNT - 5 else f"d{i:03d}"
        body = f"id: {ident}\ntitle: Document {i}\nlanguage: en\ntext: The text of document {i}.\n"
        (folder / f"f{i:03d}.yaml").write_text(body if i != COUNT - 3 else "id: [broken\n", encoding="utf-8")
    return folder


def _listed(collection: Collection) -> tuple[object, ...]:
    return (
        [(d.id, d.title, d.path) for d in collection.documents],
        {path: [p.format() for p in problems] for path, problems in collection.failed.items()},
        list(collection.outlines),
    )


def test_many_files_are_listed_as_when_all_are_outlined_here(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    apart = OutlinedApart.of(briefing_files(folder))
    assert apart is not None
    expected = open_outlines([folder])
    assert len(expected.documents) == COUNT - 2 and len(expected.failed) == 2
    assert _listed(open_outlines([folder], apart)) == _listed(expected)


def test_the_second_half_is_outlined_in_the_child(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = _folder(tmp_path)
    apart = OutlinedApart.of(briefing_files(folder))  # the child is at work from now on
    assert apart is not None
    here: list[str] = []
    outline_file = outline_module.outline_file

    def noted(file: Path) -> object:
        here.append(file.name)
        return outline_file(file)

    monkeypatch.setattr(outline_module, "outline_file", noted)
    collection = open_outlines([folder], apart)
    assert here == [f"f{i:03d}.yaml" for i in range(COUNT // 2)]
    assert collection.document(f"d{COUNT - 1:03d}") is not None


def test_a_child_that_fails_leaves_its_half_to_be_outlined_here(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _folder(tmp_path)
    monkeypatch.setattr(startup, "_outlines_of", lambda files: b"")  # it answers nothing
    apart = OutlinedApart.of(briefing_files(folder))
    assert apart is not None
    assert _listed(open_outlines([folder], apart)) == _listed(open_outlines([folder]))


def test_a_few_files_are_all_outlined_here(tmp_path: Path) -> None:
    for i in range(3):
        (tmp_path / f"f{i}.yaml").write_text(
            f"id: d{i}\ntitle: D\nlanguage: en\ntext: T.\n", encoding="utf-8"
        )
    assert OutlinedApart.of(briefing_files(tmp_path)) is None
