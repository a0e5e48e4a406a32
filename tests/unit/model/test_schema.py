"""The JSON Schema: valid itself, printed by `briefing schema`, and accepting what the loader accepts."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from tests.unit.model.support import HEAD

from briefing_tui.cli import main
from briefing_tui.model.safe_yaml import MappingNode, Node, Problems, ScalarNode, SequenceNode, compose
from briefing_tui.resources import schema_dir

jsonschema = pytest.importorskip("jsonschema")
ROOT = Path(__file__).resolve().parents[3]
SCHEMA = json.loads((schema_dir() / "briefing.schema.json").read_text(encoding="utf-8"))
INT = re.compile(r"[-+]?[0-9]+")


def core(node: Node) -> Any:
    """Plain data as a YAML 1.2 core-schema reader (an editor's language server) would see it."""
    if isinstance(node, MappingNode):
        return {k.value: core(v) for k, v in node.value}
    if isinstance(node, SequenceNode):
        return [core(v) for v in node.value]
    assert isinstance(node, ScalarNode)
    if node.style:
        return node.value
    if node.value in ("", "~", "null", "Null", "NULL"):
        return None
    if node.value in ("true", "True", "TRUE", "false", "False", "FALSE"):
        return node.value.lower() == "true"
    return int(node.value) if INT.fullmatch(node.value) else node.value


def as_data(source: str) -> Any:
    problems = Problems("x")
    root = compose(source, problems)
    assert root is not None, problems.items
    return core(root)


def errors_of(data: Any) -> list[str]:
    validator = jsonschema.Draft202012Validator(SCHEMA)
    return [e.message for e in validator.iter_errors(data)]


def test_the_schema_is_a_valid_json_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


def test_briefing_schema_prints_it(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    assert json.loads(capsys.readouterr().out) == SCHEMA


def test_schema_o_writes_a_new_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "briefing.schema.json"
    assert main(["schema", "-o", str(out)]) == 0
    assert json.loads(out.read_text(encoding="utf-8")) == SCHEMA
    assert capsys.readouterr().out == ""


def test_schema_o_never_replaces_a_file_without_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """As export and import: an existing file is kept, and the message says how to replace it."""
    out = tmp_path / "mine.json"
    out.write_text("my own file\n", encoding="utf-8")
    assert main(["schema", "-o", str(out)]) == 1
    assert out.read_text(encoding="utf-8") == "my own file\n"
    assert capsys.readouterr().err == f"briefing schema: {out} exists; use --force to replace it\n"
    assert main(["schema", "-o", str(out), "--force"]) == 0
    assert json.loads(out.read_text(encoding="utf-8")) == SCHEMA


def test_schema_o_dash_is_standard_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["schema", "-o", "-"]) == 0
    assert json.loads(capsys.readouterr().out) == SCHEMA
    assert list(tmp_path.iterdir()) == []


def test_the_seed_briefing_is_valid_against_the_schema() -> None:
    seeds = sorted((ROOT / "seeds").glob("*.yaml"))
    if not seeds:
        pytest.skip("no seed briefing")
    for path in seeds:
        assert errors_of(as_data(path.read_text(encoding="utf-8"))) == [], path


def test_every_span_form_is_valid_against_the_schema() -> None:
    source = HEAD + (
        "entities:\n  - id: n\n    name: Niger\n    type: place\n    mentions:\n"
        "      - Niger\n      - [3, 8]\n      - {quote: Niger}\n"
        "      - {exact: Niger, prefix: 'Le ', start: 3, end: 8}\n"
    )
    assert errors_of(as_data(source)) == []


@pytest.mark.parametrize(
    "extra",
    [
        "titel: x\n",
        "claims:\n  - {id: c, span: [3, 8], verdict: {rating: partly}}\n",
        "entities:\n  - {id: n, name: N, type: place, mentions: [[3]]}\n",
        "sources:\n  - {id: 'a b'}\n",
        "sources:\n  - {id: s, span: {quote: x}}\n",
    ],
)
def test_what_the_loader_refuses_or_warns_about_the_schema_refuses(extra: str) -> None:
    assert errors_of(as_data(HEAD + extra)) != []
