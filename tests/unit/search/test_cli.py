"""``briefing search``: grep-like output, exit codes, colour, errors."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from briefing_tui.cli import main
from briefing_tui.commands.search import as_path

DOC = """format: 1
id: {id}
title: "{id}"
language: fr
text: |-
{text}
"""


def write(folder: Path, doc_id: str, text: str) -> Path:
    path = folder / f"{doc_id}.yaml"
    body = "\n".join("  " + line for line in text.split("\n"))
    path.write_text(DOC.format(id=doc_id, text=body), encoding="utf-8")
    return path


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    write(tmp_path, "a", "Les États-Unis et le Niger.\nL’engagement des États-Unis « continu ».")
    write(tmp_path, "b", "Rien à voir ici.\nUn cœur vaillant.")
    return tmp_path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["search", *argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_prints_path_line_column_and_context(docs: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "etats-unis", str(docs / "a.yaml"))
    assert code == 0
    assert err == ""
    assert out.splitlines() == [
        f"{docs / 'a.yaml'}:1:5: Les États-Unis et le Niger.",
        f"{docs / 'a.yaml'}:2:18: L’engagement des États-Unis « continu ».",
    ]


def test_folder_searches_every_document(docs: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--ids", "coeur", str(docs))
    assert code == 0
    assert out == "b:2:4: Un cœur vaillant.\n"


def test_no_match_exits_1(docs: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "introuvable", str(docs))
    assert (code, out) == (1, "")


def test_bad_regex_exits_2_with_a_message(docs: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "--regex", "(unclosed", str(docs))
    assert code == 2
    assert out == ""
    assert "bad regular expression" in err and "Traceback" not in err


def test_usage_error_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "only-a-query")
    assert code == 2
    assert "usage" in err


def test_empty_query_exits_2(docs: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "", str(docs))[0] == 2


def test_flags(docs: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a = str(docs / "a.yaml")
    assert run(capsys, "--exact", "etats", a)[0] == 1
    assert run(capsys, "--case-sensitive", "niger", a)[0] == 1
    assert run(capsys, "--word", "etat", a)[0] == 1
    assert run(capsys, "--regex", r"etats-\w+ et", a)[1].count("\n") == 1
    assert run(capsys, "engagement des", a)[0] == 0


def test_smart_case(docs: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a = str(docs / "a.yaml")
    assert run(capsys, "Niger", a)[0] == 0
    assert run(capsys, "NIGER", a)[0] == 1
    assert run(capsys, "-i", "NIGER", a)[0] == 0


def test_count(docs: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--count", "--ids", "etats", str(docs))
    assert code == 0
    assert out.splitlines() == ["a:2", "b:0"]


def test_broken_file_is_reported_and_others_still_searched(
    docs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (docs / "broken.yaml").write_text("format: 1\nid: [unclosed\n", encoding="utf-8")
    code, out, err = run(capsys, "coeur", str(docs))
    assert code == 0
    assert "b.yaml:2:4:" in out
    assert "broken.yaml" in err


def test_missing_file_and_no_match_exits_2(docs: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "introuvable", str(docs / "nope.yaml"))
    assert code == 2
    assert "no such file" in err


def test_control_characters_in_text_are_neutralised(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "evil.yaml"
    path.write_text(
        'format: 1\nid: evil\ntitle: e\nlanguage: fr\ntext: "cible \\e[2J ici"\n', encoding="utf-8"
    )
    code, out, _ = run(capsys, "cible", str(path))
    assert code == 0
    assert "\x1b" not in out
    assert "␛[2J" in out


def test_colour_always_marks_the_match(docs: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "--color=always", "niger", str(docs / "a.yaml"))
    assert "\x1b[1;31mNiger\x1b[0m" in out


def test_no_colour_when_not_a_terminal(docs: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "niger", str(docs / "a.yaml"))
    assert "\x1b" not in out


def test_catastrophic_regex_times_out_with_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, "x", "x" * 3000)
    code, _, err = run(capsys, "--regex", "--timeout", "0.2", "(x+x+)+y", str(tmp_path))
    assert code == 2
    assert "took too long" in err


def test_installed_command_exit_codes_and_no_colour_in_a_pipe(docs: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    cmd = [sys.executable, "-m", "briefing_tui", "search", "etats-unis", str(docs)]
    found = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=60)
    assert found.returncode == 0
    assert found.stdout.count("\n") == 2 and "\x1b" not in found.stdout
    cmd[4] = "introuvable"
    assert subprocess.run(cmd, capture_output=True, env=env, timeout=60).returncode == 1


class FakeTerminal:
    def isatty(self) -> bool:
        return True


def test_auto_colour_on_a_terminal_unless_no_color(monkeypatch: pytest.MonkeyPatch) -> None:
    from briefing_tui.commands.search import use_colour

    monkeypatch.delenv("NO_COLOR", raising=False)
    assert use_colour("auto", FakeTerminal()) is True
    monkeypatch.setenv("NO_COLOR", "1")
    assert use_colour("auto", FakeTerminal()) is False
    assert use_colour("always", FakeTerminal()) is True
    assert use_colour("never", FakeTerminal()) is False


@pytest.mark.parametrize("flags", [["-e"], ["-e", "-w"]])
def test_a_bad_regex_is_located_in_the_query_as_typed(
    docs: Path, flags: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, *flags, "niger(", str(docs))
    assert (code, out) == (2, "")
    assert "bad regular expression: missing ) at position 6" in err


def test_the_program_ends_at_once_with_all_it_printed_and_cached(tmp_path: Path) -> None:
    """Run as a process, the search ends without tearing the interpreter down (``cli.program``):
    every line it printed reaches the pipe, its cache entries are whole, its status is grep's."""
    folder = tmp_path / "many"
    folder.mkdir()
    for n in range(80):  # enough for the child that reads half of them
        path = write(folder, f"d{n:02d}", "Le Niger.\n" * 50)
        old = path.stat().st_mtime - 10
        os.utime(path, (old, old))  # old enough to be cached
    cache = tmp_path / "cache"
    env = {**os.environ, "XDG_CACHE_HOME": str(cache)}

    def search(*argv: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "briefing_tui", "search", *argv],
            capture_output=True, text=True, env=env, check=False, timeout=120,
        )  # fmt: skip

    found = search("niger", str(folder))
    assert (found.returncode, found.stderr) == (0, "")
    assert len(found.stdout.splitlines()) == 80 * 50
    assert [p.name for p in (cache / "briefing" / "folded").iterdir()]  # the folder's entry, written
    again = search("niger", str(folder))  # from that entry
    assert (again.returncode, again.stdout, again.stderr) == (0, found.stdout, "")
    assert search("zzzz", str(folder)).returncode == 1
    assert search("-e", "(", str(folder)).returncode == 2


@given(st.lists(st.sampled_from(["", ".", "..", "a", "b c", ".x", "é"]), max_size=6), st.integers(0, 4))
def test_a_path_is_written_as_pathlib_writes_it(parts: list[str], slashes: int) -> None:
    name = "/" * slashes + "/".join(parts)
    assert as_path(name) == str(Path(name))


def test_a_path_that_cannot_be_reached_is_said_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    loop = tmp_path / "loop.yaml"
    loop.symlink_to(loop)
    code, out, err = run(capsys, "niger", str(loop), str(tmp_path / "missing.yaml"))
    assert (code, out) == (2, "")
    assert err.splitlines() == [
        f"briefing search: {loop}: cannot search: Too many levels of symbolic links",
        f"briefing search: {tmp_path / 'missing.yaml'}: no such file or folder",
    ]


def test_a_large_file_named_has_freed_blocks_kept_for_reuse(
    docs: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from briefing_tui import memory
    from briefing_tui.commands import search as command

    calls: list[str] = []

    def reuse_freed() -> bool:
        calls.append("reuse")
        return True

    monkeypatch.setattr(memory, "reuse_freed", reuse_freed)
    monkeypatch.setattr(command, "LARGE_FILE", 100)
    small, large = write(docs, "small", "Niger."), write(docs, "large", "Niger " * 30)
    assert run(capsys, "-c", "niger", str(small))[0] == 0 and calls == []
    assert run(capsys, "-c", "niger", str(docs))[0] == 0 and calls == []  # a folder's files: not asked
    code, out, _ = run(capsys, "-c", "niger", str(large))
    assert code == 0 and out.endswith(":30\n") and calls == ["reuse"]
