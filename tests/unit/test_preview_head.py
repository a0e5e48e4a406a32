"""The preview of a large file: its title and the start of its text, read from the file's head."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing_tui.screens import preview
from briefing_tui.screens.preview import HEAD_BYTES, read_head

PARAGRAPH = "Le retrait des troupes américaines du Niger s’achève, selon le Pentagone.\n"


def _briefing(tmp_path: Path, head: str, text_lines: int, tail: str = "") -> Path:
    body = "".join(f"  {i} {PARAGRAPH}" for i in range(text_lines))
    path = tmp_path / "large.yaml"
    path.write_text(f"format: 1\nid: big\n{head}text: |-\n{body}{tail}", encoding="utf-8")
    return path


def test_a_text_longer_than_the_head_is_read_from_the_head_alone(tmp_path: Path) -> None:
    path = _briefing(tmp_path, 'title: "Niger"\n', text_lines=20_000, tail="entities: [\n")
    with path.open("ab") as tail:
        tail.write(b"\xff\xfe not UTF-8\n")
    assert path.stat().st_size > 4 * HEAD_BYTES
    # the text's end and what follows are not UTF-8, nor YAML: read on, the file would fail
    found = read_head(path)
    assert found is not None
    title, text = found
    assert title == "Niger"
    assert text.startswith(f"0 {PARAGRAPH}1 {PARAGRAPH}")
    assert text.endswith("\n\n…")  # cut, and marked so
    assert len(text) <= preview.PREVIEW_CHARS + 3


def test_a_head_that_ends_inside_the_text_marks_it_cut(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(preview, "PREVIEW_CHARS", 10**9)  # no cut but the head's
    path = _briefing(tmp_path, "title: Niger\n", text_lines=20_000)
    found = read_head(path)
    assert found is not None
    _, text = found
    lines = text.split("\n")
    assert lines[-1] == "…" and lines[-2] == ""
    # whole lines of the text, in order, up to where the head stopped
    kept = lines[:-2]
    assert kept == [f"{i} {PARAGRAPH.strip()}" for i in range(len(kept))]
    assert 1000 < len(kept) < 20_000


def test_a_title_after_the_head_is_found_by_reading_on(tmp_path: Path) -> None:
    path = _briefing(tmp_path, "", text_lines=20_000, tail="title: Au bout du texte\n")
    found = read_head(path)
    assert found is not None
    title, text = found
    assert title == "Au bout du texte"
    assert text.startswith(f"0 {PARAGRAPH}")


def test_a_head_cut_inside_a_quoted_string_is_read_on(tmp_path: Path) -> None:
    # the title is a quoted string longer than the head: the head does not parse
    title = "x" * (HEAD_BYTES + 100)
    path = _briefing(tmp_path, f'title: "{title}"\n', text_lines=10)
    found = read_head(path)
    assert found is not None
    assert found[0] == title
    assert found[1].startswith(f"0 {PARAGRAPH}")


def test_a_small_file_is_read_whole(tmp_path: Path) -> None:
    path = _briefing(tmp_path, "title: Niger\n", text_lines=3)
    assert read_head(path) == ("Niger", "".join(f"{i} {PARAGRAPH}" for i in range(3)).rstrip("\n"))


def test_no_title_or_a_broken_file_gives_nothing(tmp_path: Path) -> None:
    assert read_head(_briefing(tmp_path, "", text_lines=20_000)) is None
    broken = tmp_path / "broken.yaml"
    broken.write_bytes(b"title: [\n")
    assert read_head(broken) is None
    assert read_head(tmp_path / "gone.yaml") is None
