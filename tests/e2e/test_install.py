"""The installed command, run from a directory that is not the checkout."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
BRIEFING = Path(sys.executable).parent / "briefing"


def _run(argv: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env["NO_COLOR"] = "1"
    return subprocess.run(argv, cwd=cwd, env=env, capture_output=True, text=True, timeout=60, check=False)


def test_console_script_is_installed() -> None:
    assert BRIEFING.is_file(), f"no console script at {BRIEFING}"


def test_validate_the_seeds_by_absolute_path(tmp_path: Path) -> None:
    result = _run([str(BRIEFING), "validate", str(SEEDS)], tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    lines = [line for line in result.stdout.splitlines() if "niger-us-withdrawal" in line]
    assert len(lines) == 1, result.stdout  # one summary line for the one seed briefing
    assert ": error:" not in result.stdout
    assert ": warning:" not in result.stdout


def test_validate_a_missing_file_exits_1_with_a_clear_message(tmp_path: Path) -> None:
    missing = tmp_path / "no-such-briefing.yaml"
    result = _run([str(BRIEFING), "validate", str(missing)], tmp_path)
    assert result.returncode == 1
    output = result.stdout + result.stderr
    assert "no-such-briefing.yaml" in output
    assert any(word in output.lower() for word in ("not found", "no such file", "does not exist")), output
    assert "Traceback" not in output


def test_schema_prints_json(tmp_path: Path) -> None:
    result = _run([str(BRIEFING), "schema"], tmp_path)
    assert result.returncode == 0, result.stderr
    schema = json.loads(result.stdout)
    assert isinstance(schema, dict)
    assert "text" in schema.get("properties", {})


def test_python_dash_m_help(tmp_path: Path) -> None:
    result = _run([sys.executable, "-m", "briefing_tui", "--help"], tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("usage: briefing")
    assert "validate" in result.stdout


def test_the_bundled_seed_is_found_from_another_directory(tmp_path: Path) -> None:
    code = "from briefing_tui.resources import seeds_dir; print(seeds_dir())"
    result = _run([sys.executable, "-c", code], tmp_path)
    assert result.returncode == 0, result.stderr
    seeds = Path(result.stdout.strip())
    assert (seeds / "niger-us-withdrawal.yaml").is_file()
    article = "000_795bd620279ba71d.txt"
    assert (seeds / article).read_bytes() == (SEEDS / article).read_bytes()


def test_validate_json_counts_the_seed(tmp_path: Path) -> None:
    result = _run([str(BRIEFING), "validate", "--format", "json", str(SEEDS)], tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    report = json.loads(result.stdout)
    assert report["valid"] is True
    [seed] = report["files"]
    assert seed["id"] == "niger-us-withdrawal"
    assert seed["problems"] == []
    assert (seed["counts"]["claims"], seed["counts"]["events"], seed["counts"]["sources"]) == (15, 16, 19)
