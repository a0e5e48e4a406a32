"""The import contract: the layers of ``briefing_tui`` hold, and the checker catches a breach."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from tests.support.layers import ALLOWED, LAYERS, check, layer_of, unexplained_deferred_imports

SRC = Path(__file__).resolve().parents[2] / "src"


def test_the_source_keeps_its_layers() -> None:
    violations = check(SRC)
    assert not violations, "\n".join(str(v) for v in violations)


@pytest.fixture
def copy_of_src(tmp_path: Path) -> Path:
    shutil.copytree(
        SRC / "briefing_tui", tmp_path / "briefing_tui", ignore=shutil.ignore_patterns("__pycache__")
    )
    return tmp_path


def _append(path: Path, code: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + code, encoding="utf-8")


def test_a_model_module_importing_the_reader_inside_a_function_is_caught(copy_of_src: Path) -> None:
    types = copy_of_src / "briefing_tui" / "model" / "types.py"
    _append(
        types, "\n\ndef _hidden() -> None:\n    from briefing_tui.screens.main import MainScreen  # noqa\n"
    )
    violations = check(copy_of_src)
    assert [(v.importer, v.imported) for v in violations] == [
        ("briefing_tui.model.types", "briefing_tui.screens.main")
    ]
    assert "'search and the model' may not import 'command line and reader'" in str(violations[0])


@pytest.mark.parametrize(
    ("importer", "code", "imported"),
    [
        ("display.py", "from briefing_tui import model\n", "briefing_tui.model"),
        ("search/fold.py", "from ..formats import common\n", "briefing_tui.formats.common"),
        ("formats/common.py", "import briefing_tui.widgets.labels\n", "briefing_tui.widgets.labels"),
        ("model/navigation.py", "from briefing_tui.model import loader\n", "briefing_tui.model.loader"),
    ],
)
def test_imports_up_a_layer_are_caught_in_every_spelling(
    copy_of_src: Path, importer: str, code: str, imported: str
) -> None:
    _append(copy_of_src / "briefing_tui" / importer, "\nif False:\n    " + code)
    assert [v.imported for v in check(copy_of_src)] == [imported]


def test_imports_down_a_layer_pass(copy_of_src: Path) -> None:
    _append(
        copy_of_src / "briefing_tui" / "widgets" / "labels.py", "\nfrom briefing_tui.model import loader\n"
    )
    assert check(copy_of_src) == []


def test_a_module_in_no_layer_is_reported(copy_of_src: Path) -> None:
    (copy_of_src / "briefing_tui" / "stray.py").write_text('"""No layer."""\n', encoding="utf-8")
    assert [v.importer for v in check(copy_of_src)] == ["briefing_tui.stray"]


@pytest.mark.parametrize(
    ("module", "title"),
    [
        ("briefing_tui.cli", "command line and reader"),
        ("briefing_tui.widgets.text_view", "command line and reader"),
        ("briefing_tui.annotate.draft", "the annotator and checking"),
        ("briefing_tui.files", "reading files"),
        ("briefing_tui.formats.registry", "formats"),
        ("briefing_tui.model", "reading a briefing"),
        ("briefing_tui.model.loader", "reading a briefing"),
        ("briefing_tui.model.types", "search and the model"),
        ("briefing_tui.search.match", "search and the model"),
        ("briefing_tui.display", "the display boundary and addresses"),
        ("briefing_tui", "the display boundary and addresses"),
    ],
)
def test_layer_of(module: str, title: str) -> None:
    index = layer_of(module)
    assert index is not None and LAYERS[index][0] == title


def test_every_allowance_is_still_needed() -> None:
    assert all(layer_of(a) is not None and layer_of(b) is not None for a, b in ALLOWED)


# The commands that dispatch on a format's name import its module in a branch; they give way to a
# table of formats, and the loader's foreign-format opening with them.
DISPATCHERS = ("commands/import_.py", "commands/export.py", "formats/__init__.py", "model/loader.py")


def test_every_import_deferred_into_a_function_says_why() -> None:
    found = [
        line for line in unexplained_deferred_imports(SRC) if not line.split(":")[0].endswith(DISPATCHERS)
    ]
    assert not found, "\n".join(found)


def test_a_deferred_import_without_its_reason_is_reported(copy_of_src: Path) -> None:
    _append(
        copy_of_src / "briefing_tui" / "widgets" / "labels.py",
        "\n\ndef _late() -> None:\n    from briefing_tui.model import types\n\n"
        "def _said() -> None:\n    # deferred: the reason\n    from briefing_tui.model import types\n",
    )
    found = unexplained_deferred_imports(copy_of_src)
    assert [line.split(": ", 1)[1] for line in found if "labels.py" in line] == [
        "from briefing_tui.model import types"
    ]
