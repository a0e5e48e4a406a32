"""The import contract of ``briefing_tui``: its layers, and a checker that walks every import.

Layers from top to bottom; a module may import its own layer and the layers below it, never one
above. Every import counts, wherever it stands (a function, ``if TYPE_CHECKING:``), so an import
moved into a function cannot hide a dependency that goes the wrong way.

Each layer lists module names: a name holds the module and the modules under it, the longest name
that fits decides; a name starting with ``=`` holds that module only (a package's ``__init__``).
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

LAYERS: list[tuple[str, list[str]]] = [
    (
        "command line and reader",
        [
            "briefing_tui.__main__",
            "briefing_tui.cli",
            "briefing_tui.arguments",  # the command line's parser, when a command has options to read
            "briefing_tui.commands",
            "briefing_tui.app",
            "briefing_tui.crash",
            "briefing_tui.screens",
            "briefing_tui.widgets",
            "briefing_tui.palette",
            "briefing_tui.screenshots",  # the palette's Screenshot, saved where it can be
            "briefing_tui.live_reload",
            "briefing_tui.reader_state",
            "briefing_tui.console",  # what commands print, through the display boundary
            "briefing_tui.startup",  # what ``briefing`` reads before the reader starts
            "briefing_tui.terminal_input",  # the terminal's bytes whatever they are; keys sent again
        ],
    ),
    (
        "the annotator and checking",
        [
            "briefing_tui.annotate",
            "briefing_tui.edit",  # checking: edits, saving, the sidecar layer, the journal
        ],
    ),
    (
        # Above the formats: a folder holds files of any registered format (a brat .txt with its .ann),
        # read through the format registry.
        "reading files",
        [
            "briefing_tui.files",
            "briefing_tui.model.outline",  # a collection's documents read when opened
            "briefing_tui.model.outlined",  # a listed document, its text read when first wanted
            "briefing_tui.model.outline_cache",  # a folder's outlines kept on disk
            "briefing_tui.model.text_only",  # a briefing's text alone, for search
        ],
    ),
    ("formats", ["briefing_tui.formats"]),
    (
        "reading a briefing",
        [
            "=briefing_tui.model",
            "briefing_tui.model.loader",
            "briefing_tui.model.siblings",  # the briefings beside a file that its sources cite
            "briefing_tui.reload",
        ],
    ),
    ("search and the model", ["briefing_tui.model", "briefing_tui.search"]),
    (
        "the display boundary and addresses",
        [
            "=briefing_tui",
            "briefing_tui.display",
            "briefing_tui.addresses",
            "briefing_tui._unicode_tables",
            "briefing_tui.named_tuple",  # typing.NamedTuple's class syntax, for the commands' start
            "briefing_tui.resources",  # where the bundled files are (paths only)
            "briefing_tui.words",  # counted nouns, for the model's messages too
            "briefing_tui.record",  # small frozen types made without compiling code, for any layer
            "briefing_tui.memory",  # memory freed by a large load given back to the system
            "briefing_tui.child",  # one fork: work done in a child process, its answer through a pipe
        ],
    ),
]

ALLOWED: set[tuple[str, str]] = {
    # The journal of unsaved edits lives in the state folder beside the crash logs; ``crash`` imports
    # only the display boundary, and ``log_dir`` is a path. It goes when the state folder has a module
    # of its own below both.
    ("briefing_tui.edit.journal", "briefing_tui.crash"),
}
"""``(importer, imported)`` pairs let through, each with its reason."""


@dataclass(frozen=True)
class Violation:
    path: Path
    line: int
    importer: str
    imported: str
    why: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.importer} imports {self.imported}: {self.why}"


def layer_of(module: str, layers: list[tuple[str, list[str]]] = LAYERS) -> int | None:
    """The index of the layer holding ``module`` (0 is the top), or None when no layer holds it."""
    best: tuple[int, int] | None = None  # (length of the name that fits, layer)
    for index, (_title, names) in enumerate(layers):
        for name in names:
            exact = name.startswith("=")
            name = name.lstrip("=")
            fits = module == name or (not exact and module.startswith(name + "."))
            if fits and (best is None or len(name) > best[0]):
                best = (len(name), index)
    return best[1] if best else None


def module_name(path: Path, root: Path) -> str:
    """``src/briefing_tui/model/types.py`` -> ``briefing_tui.model.types`` (``root`` is ``src``)."""
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports_of(path: Path, root: Path, package: str) -> list[tuple[int, str]]:
    """``(line, module)`` for every import of a ``package`` module in the file, wherever it stands."""
    importer = module_name(path, root)
    is_package = path.name == "__init__.py"
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative: from the importer's package
                parts = importer.split(".")
                keep = len(parts) - node.level + (1 if is_package else 0)
                base = ".".join(parts[:keep] + ([base] if base else []))
            for alias in node.names:  # ``from package import module`` imports that module
                sub = f"{base}.{alias.name}"
                found.append((node.lineno, sub if _is_module(sub, root) else base))
    return [(line, name) for line, name in found if name == package or name.startswith(package + ".")]


def _is_module(name: str, root: Path) -> bool:
    path = root.joinpath(*name.split("."))
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


def check(
    root: Path,
    package: str = "briefing_tui",
    layers: list[tuple[str, list[str]]] = LAYERS,
    allowed: set[tuple[str, str]] = ALLOWED,
) -> list[Violation]:
    """Every import under ``root/package`` that goes up a layer, and every module that has no layer."""
    out: list[Violation] = []
    for path in sorted((root / package).rglob("*.py")):
        importer = module_name(path, root)
        mine = layer_of(importer, layers)
        if mine is None:
            out.append(Violation(path, 1, importer, "", "the module is in no layer: add it to LAYERS"))
            continue
        for line, imported in imports_of(path, root, package):
            theirs = layer_of(imported, layers)
            if theirs is None or theirs >= mine or (importer, imported) in allowed:
                continue
            why = f"{layers[mine][0]!r} may not import {layers[theirs][0]!r}, a layer above it"
            out.append(Violation(path, line, importer, imported, why))
    return out


def unexplained_deferred_imports(root: Path, package: str = "briefing_tui") -> list[str]:
    """Imports of ``package`` modules inside a function without a comment saying why they wait.

    An import is deferred for start-up speed (a heavy module, one the first frame does not need), and
    says so in a comment on its line or on the line above its group of imports. One deferred to get
    round an import cycle is a layering bug: ``check`` reports those wherever they stand.
    """
    out: list[str] = []
    for path in sorted((root / package).rglob("*.py")):
        lines = path.read_text(encoding="utf-8").splitlines()
        tree = ast.parse("\n".join(lines), str(path))
        for func in ast.walk(tree):
            if not isinstance(func, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            for node in ast.walk(func):
                if not isinstance(node, ast.Import | ast.ImportFrom):
                    continue
                names = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""]
                relative = isinstance(node, ast.ImportFrom) and node.level > 0
                if not relative and not any(n == package or n.startswith(package + ".") for n in names):
                    continue
                if not _explained(lines, node.lineno - 1):
                    out.append(f"{path}:{node.lineno}: {lines[node.lineno - 1].strip()}")
    return out


def _explained(lines: list[str], index: int) -> bool:
    if "#" in lines[index]:
        return True
    above = index - 1
    while above >= 0 and lines[above].strip().startswith(("from ", "import ")):
        if "#" in lines[above]:
            return True
        above -= 1
    return above >= 0 and lines[above].strip().startswith("#")
