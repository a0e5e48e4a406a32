"""The pure packages never import textual: checked in a fresh interpreter."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import tomllib
from pathlib import Path

import pytest


def printed(code: str) -> str:
    """What ``code`` prints, run by a Python of its own (its imports are its own)."""
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()


@pytest.mark.parametrize(
    "module",
    [
        "briefing_tui.model",
        "briefing_tui.search",
        "briefing_tui.formats",
        "briefing_tui.display",
        "briefing_tui.edit.journal",
        "briefing_tui.edit.sidecar",
    ],
)
def test_pure_package_does_not_import_textual(module: str) -> None:
    code = (
        f"import sys, {module}\n"
        "from briefing_tui.files import load_paths\n"
        "from briefing_tui.resources import seeds_dir\n"
        "load_paths([seeds_dir()])\n"
        "bad = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))\n"
        "print(','.join(bad))\n"
    )
    assert printed(code) == ""


def test_the_annotate_pipeline_does_not_import_textual() -> None:
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from briefing_tui.annotate.article import Article\n"
        "from briefing_tui.annotate.draft import Options, draft_documents\n"
        "from briefing_tui.annotate.pipeline import load_pipeline\n"
        "text = 'Le président Emmanuel Macron a annoncé mardi à Paris une réforme.'\n"
        "doc = next(draft_documents(load_pipeline('fr_core_news_sm'), [Article(Path('a.txt'), text, 'a')],"
        " Options(published='2024-04-24')))\n"
        "assert doc.entities\n"
        "print(','.join(sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))))\n"
    )
    assert printed(code) == ""


@pytest.mark.parametrize("command", ["validate", "search", "export"])
def test_other_commands_do_not_import_the_annotate_extra(command: str) -> None:
    code = (
        "import sys, importlib\n"
        "from briefing_tui import cli\n"
        f"cli._parser({command!r})\n"
        "print(','.join(sorted(m for m in ('spacy', 'trafilatura', 'thinc') if m in sys.modules)))\n"
    )
    assert printed(code) == ""


def test_the_model_does_not_reach_up_to_formats_or_the_reading_of_files() -> None:
    """``model`` sits below ``formats`` and ``files``: loading a briefing imports neither."""
    code = (
        "import sys\n"
        "from briefing_tui.model import load_document\n"
        "from briefing_tui.resources import seeds_dir\n"
        "load_document(next(seeds_dir().glob('*.yaml')))\n"
        "above = ('briefing_tui.formats', 'briefing_tui.files')\n"
        "print(','.join(sorted(m for m in sys.modules if m.startswith(above))))\n"
    )
    assert printed(code) == ""


def test_mypy_checks_the_tests_against_the_package_in_src() -> None:
    # Without mypy_path the package would be named src.briefing_tui and the tests' imports of
    # briefing_tui would not be followed: a wrong call from a test would pass unseen.
    pyproject = Path(__file__).resolve().parents[2] / "pyproject.toml"
    config = tomllib.loads(pyproject.read_text(encoding="utf-8"))["tool"]["mypy"]
    assert config["mypy_path"] == "src"
    assert {"src/briefing_tui", "tests", "bench"} <= set(config["files"])


def test_opening_a_folder_reads_no_module_it_does_not_use() -> None:
    """``briefing`` on a folder (the seed's) reaches the app without the annotate package."""
    code = (
        "import sys\n"
        "from briefing_tui.commands import open as command\n"
        "import briefing_tui.app as app_module\n"
        "class Stop(BaseException):  # not caught as a crash\n"
        "    pass\n"
        "def stop(self):\n"
        "    raise Stop\n"
        "app_module.BriefingApp.run = stop\n"
        "from briefing_tui.resources import seeds_dir\n"
        "import argparse\n"
        "parser = argparse.ArgumentParser()\n"
        "command.configure(parser)\n"
        "try:\n"
        "    command.run(parser.parse_args([str(seeds_dir())]))\n"
        "except Stop:\n"
        "    pass\n"
        "print(','.join(sorted(m for m in sys.modules if m.startswith('briefing_tui.annotate'))))\n"
    )
    assert printed(code) == ""


def test_a_search_answered_by_the_cache_imports_only_what_it_uses(tmp_path: Path) -> None:
    """Some 15 ms of a warm search's start was modules it did not need: ``typing`` (for its type
    hints and named tuples), OpenSSL (``hashlib``, for one SHA-256), ``threading`` (for one lock)."""
    folder = tmp_path / "docs"
    folder.mkdir()
    for name in ("a", "b", "c"):
        (folder / f"{name}.yaml").write_text(
            f"id: {name}\ntitle: T\nlanguage: fr\ntext: |-\n  Le Niger et les États-Unis.\n", encoding="utf-8"
        )
    past = time.time() - 60  # settled: the cache takes them
    for path in (*folder.iterdir(), folder):
        os.utime(path, (past, past))
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    code = (
        "import sys\n"
        "from briefing_tui import cli\n"
        f"status = cli.main(['search', '-c', 'etats-unis', {str(folder)!r}])\n"
        "unneeded = ('typing', '_hashlib', 'threading', 'contextlib', 'pathlib',"
        " 'briefing_tui.model.text_only')\n"
        "print(status, ','.join(m for m in unneeded if m in sys.modules))\n"
    )
    runs = [
        subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env)
        for _ in range(2)
    ]
    assert runs[0].stdout.splitlines()[-1].startswith("0 ")  # read the files: the text reader came
    assert "briefing_tui.model.text_only" in runs[0].stdout
    assert runs[1].stdout.splitlines() == [f"{folder / name}.yaml:1" for name in ("a", "b", "c")] + ["0 "]


def test_the_reader_on_the_seed_imports_no_screen_it_does_not_show() -> None:
    """Up and whole on the seed (no file failed, nothing searched), the reader has not imported the
    error view's module nor the search bar's: each is imported when first shown."""
    code = (
        "import asyncio, sys\n"
        "from briefing_tui.app import BriefingApp\n"
        "from briefing_tui.files import load_paths\n"
        "from briefing_tui.resources import seeds_dir\n"
        "async def main():\n"
        "    app = BriefingApp([seeds_dir()], collection=load_paths([seeds_dir()]))\n"
        "    async with app.run_test(size=(120, 40)) as pilot:\n"
        "        for _ in range(1000):  # until the reader's lists are filled\n"
        "            if getattr(getattr(app.screen, 'panes', None), 'lists_filled_for', None):\n"
        "                break\n"
        "            await pilot.pause()\n"
        "        print(app.screen.__class__.__name__)\n"
        "asyncio.run(main())\n"
        "print(','.join(m for m in ('briefing_tui.screens.errors', 'briefing_tui.widgets.search_bar')"
        " if m in sys.modules))\n"
    )
    assert printed(code) == "MainScreen"  # and nothing after: neither module imported
