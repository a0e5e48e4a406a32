"""Every hostile case through the loader and `briefing validate`: settle fast, fail clearly, print safely."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from tests.hostile import make_corpus
from tests.hostile.common import BRIEFING, CASES, MANIFEST, PROBLEM_LINE, UNSAFE_OUTPUT, cases

from briefing_tui.model import LoadError, load_document

TIMEOUT = 2.0


def test_the_committed_corpus_is_what_the_generator_writes() -> None:
    files, manifest = make_corpus.build()
    assert manifest == MANIFEST
    on_disk = {p.name for p in CASES.iterdir()}
    assert on_disk == set(files)
    for name, data in files.items():
        assert (CASES / name).read_bytes() == data, f"{name} is stale: run tests/hostile/make_corpus.py"


def test_the_corpus_covers_every_category() -> None:
    categories = {info["category"] for info in MANIFEST.values()}
    assert categories == {"terminal", "markup", "unicode", "yaml", "anchoring"}
    assert all(len(cases(c)) >= 2 for c in categories)


@pytest.mark.parametrize("name", cases())
def test_the_loader_raises_nothing_but_load_error(name: str) -> None:
    try:
        load_document(CASES / name)
    except LoadError as exc:
        assert exc.problems, "a LoadError carries its problems"


def _validate(path: Path) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(
            [str(BRIEFING), "validate", str(path)], capture_output=True, timeout=TIMEOUT, check=False
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"briefing validate {path.name} did not settle within {TIMEOUT}s")


def _check(result: subprocess.CompletedProcess[bytes], expect: str) -> None:
    out = result.stdout + result.stderr
    assert b"Traceback" not in result.stderr, result.stderr.decode(errors="replace")
    assert result.returncode in (0, 1), out.decode(errors="replace")
    assert not UNSAFE_OUTPUT.search(out), f"unsafe bytes reached the terminal: {out!r}"
    if result.returncode == 1:
        assert PROBLEM_LINE.search(out), f"no FILE:LINE:COL message: {out!r}"
    if expect == "error":
        assert result.returncode == 1, out.decode(errors="replace")
    elif expect == "valid":
        assert result.returncode == 0, out.decode(errors="replace")


@pytest.mark.parametrize("name", cases())
def test_validate_settles_with_a_clear_outcome(name: str) -> None:
    _check(_validate(CASES / name), MANIFEST[name]["expect"])


@pytest.fixture(scope="module")
def runtime(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, str]]:
    return make_corpus.runtime_cases(tmp_path_factory.mktemp("hostile"))


@pytest.mark.parametrize(
    "name",
    [
        "fifo",
        "directory-named-yaml",
        "dev-zero",
        "control-file-name",
        "non-utf8-file-name",
        "huge-scalar-64mb",
        "text-2mb-one-line",
    ],
)
def test_validate_settles_on_files_made_at_run_time(name: str, runtime: dict[str, tuple[Path, str]]) -> None:
    path, expect = runtime[name]
    _check(_validate(path), expect)


def test_a_file_name_with_controls_is_shown_escaped(runtime: dict[str, tuple[Path, str]]) -> None:
    result = _validate(runtime["control-file-name"][0])
    assert b"evil\\x1b]0;PWNED-TITLE\\x07\\x1b[2J\\u202egnp.yaml:" in result.stdout + result.stderr


@pytest.mark.parametrize("name", ["yaml-bad-ids.yaml", "yaml-bad-rating.yaml", "unicode-bidi.yaml"])
def test_validate_json_output_is_inert_too(name: str) -> None:
    result = subprocess.run(
        [str(BRIEFING), "validate", "--format", "json", str(CASES / name)],
        capture_output=True,
        timeout=TIMEOUT,
        check=False,
    )
    assert result.returncode in (0, 1) and b"Traceback" not in result.stderr
    assert not UNSAFE_OUTPUT.search(result.stdout + result.stderr)
    assert result.stdout.isascii()
