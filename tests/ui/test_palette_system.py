"""The palette's own commands from Textual: "Screenshot" saves where it can and says where (or why
not); "Keys" describes the reader's keys as its help screen does."""

from __future__ import annotations

from pathlib import Path

from tests.ui.reader_support import drawn, reader_settled, run_palette_command, seed_app, until
from textual.widgets import HelpPanel

from briefing_tui.screens.help import collect_bindings

SIZE = (120, 40)


def said(pilot) -> list[str]:
    return [f"{n.title}: {n.message}" for n in pilot.app._notifications]


async def test_screenshot_goes_to_the_current_folder_without_downloads(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr("textual.app.user_downloads_path", lambda: tmp_path / "no-downloads")
    monkeypatch.chdir(tmp_path)
    async with seed_app().run_test(size=SIZE) as pilot:
        await reader_settled(pilot)
        await run_palette_command(pilot, "Screenshot")
        await until(
            pilot, lambda: list(tmp_path.glob("*.svg")), what=f"no screenshot saved; said {said(pilot)}"
        )
        saved = next(tmp_path.glob("*.svg"))
        assert saved.read_text(encoding="utf-8").startswith("<svg")
        await until(pilot, lambda: any(saved.name in s for s in said(pilot)), what=f"said {said(pilot)}")


async def test_screenshot_falls_back_to_the_state_folder(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr("textual.app.user_downloads_path", lambda: tmp_path / "no-downloads")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    async with seed_app().run_test(size=SIZE) as pilot:
        await reader_settled(pilot)
        save = pilot.app.save_screenshot

        def not_here(filename=None, path=None, time_format=None) -> str:  # the current folder is read-only
            if Path(path or ".").resolve() == tmp_path.resolve():
                raise PermissionError(13, "Permission denied", str(tmp_path))
            return save(filename, path, time_format)

        monkeypatch.setattr(pilot.app, "save_screenshot", not_here)
        await run_palette_command(pilot, "Screenshot")
        folder = tmp_path / "state" / "briefing"
        await until(
            pilot, lambda: list(folder.glob("*.svg")), what=f"no screenshot saved; said {said(pilot)}"
        )
        assert not list(tmp_path.glob("*.svg"))
        await until(
            pilot, lambda: any("state/briefing" in s for s in said(pilot)), what=f"said {said(pilot)}"
        )


async def test_a_failed_screenshot_says_why(tmp_path, monkeypatch) -> None:
    def refuse(*_args, **_kwargs) -> str:
        raise PermissionError(13, "Permission denied", str(tmp_path / "x.svg"))

    monkeypatch.setattr("textual.app.user_downloads_path", lambda: tmp_path)
    async with seed_app().run_test(size=SIZE) as pilot:
        await reader_settled(pilot)
        monkeypatch.setattr(pilot.app, "save_screenshot", refuse)
        await run_palette_command(pilot, "Screenshot")
        await until(
            pilot, lambda: any("Permission denied" in s for s in said(pilot)), what=f"said {said(pilot)}"
        )


def escape_said(lines: list[str]) -> bool:
    """Whether the keys panel gives escape help's words (wrapped over the lines after its key)."""
    at = next((i for i, line in enumerate(lines) if "esc Leave filter / clear" in line), None)
    return at is not None and "else Clear" in " ".join(lines[at + 1 : at + 3])


async def test_the_keys_panel_says_what_help_says() -> None:
    async with seed_app().run_test(size=SIZE) as pilot:
        main = await reader_settled(pilot)
        await run_palette_command(pilot, "Keys")
        await until(pilot, lambda: main.query(HelpPanel), what="no keys panel")
        await until(pilot, lambda: escape_said(drawn(pilot.app)), what="escape's words differ from help's")
        screen = "\n".join(drawn(pilot.app))
        for words in ("Scroll Left", "Scroll Right", "Page Left", "Page Right"):
            assert words not in screen
        helped = {words for rows in collect_bindings(main).values() for _, words in rows}
        assert "Leave filter / clear search, else Clear entity" in helped
        for active in main.active_bindings.values():  # the app's ctrl+p: help's first line names it
            described = active.binding.description if active.node is not pilot.app else ""
            assert not described or any(described in words for words in helped), described


async def test_a_screenshot_with_the_current_folder_gone_goes_to_the_state_folder(
    tmp_path, monkeypatch
) -> None:
    def gone() -> Path:
        raise FileNotFoundError(2, "No such file or directory")

    monkeypatch.setattr("textual.app.user_downloads_path", lambda: tmp_path / "none")
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    async with seed_app().run_test(size=SIZE) as pilot:
        await reader_settled(pilot)
        monkeypatch.setattr(Path, "cwd", staticmethod(gone))
        await run_palette_command(pilot, "Screenshot")
        await until(pilot, lambda: any("Saved to" in s for s in said(pilot)), what=f"said {said(pilot)}")
    assert list((tmp_path / "state" / "briefing").glob("*.svg"))
