"""`briefing validate`: compiler-style problems, one summary line per valid file, exit status, JSON."""

from __future__ import annotations

import json
from pathlib import Path
from unittest import mock

import pytest
from tests.unit.model.support import HEAD

from briefing_tui.addresses import display_url
from briefing_tui.cli import main
from briefing_tui.model import load_document

ROOT = Path(__file__).resolve().parents[3]


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(["validate", *args])
    return code, capsys.readouterr().out


def test_the_seed_folder_is_valid(capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run([str(ROOT / "seeds")], capsys)
    assert code == 0
    (line,) = out.splitlines()
    assert line.endswith(
        "niger-us-withdrawal.yaml: ok: id niger-us-withdrawal, 12 entities (26 mentions), 15 claims, "
        "16 events, 19 sources, 0 warnings"
    )


def test_an_invalid_file_prints_its_problems_and_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(HEAD + "entities: nope\n", encoding="utf-8")
    code, out = run([str(bad)], capsys)
    assert code == 1
    assert out.splitlines() == [
        f"{bad}:7:11: error: entities must be a list, found 'nope'",
        "  hint: write [a, b] or - a",
        f"{bad}: invalid: 1 error",
    ]


def test_warnings_are_printed_but_the_file_stays_valid(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "w.yaml"
    path.write_text(HEAD + "titel: x\n", encoding="utf-8")
    code, out = run([str(path)], capsys)
    assert code == 0
    assert out.splitlines()[0] == f"{path}:7:1: warning: unknown key 'titel' in the document (ignored)"
    assert out.splitlines()[-1].endswith(
        ": ok: id doc, 0 entities (0 mentions), 0 claims, 0 events, 0 sources, 1 warning"
    )
    code, out = run(["--strict", str(path)], capsys)
    assert code == 1 and "invalid (strict)" in out


def test_one_bad_file_among_good_ones_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "good.yaml").write_text(HEAD, encoding="utf-8")
    code, _ = run([str(tmp_path / "good.yaml"), str(tmp_path / "missing.yaml")], capsys)
    assert code == 1


def test_json_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(HEAD + "entities: nope\n", encoding="utf-8")
    code, out = run(["--format", "json", str(ROOT / "seeds"), str(bad)], capsys)
    assert code == 1
    data = json.loads(out)
    assert data["valid"] is False
    by_valid = {f["valid"]: f for f in data["files"]}
    assert by_valid[True]["id"] == "niger-us-withdrawal"
    assert by_valid[True]["counts"] == {
        "entities": 12,
        "mentions": 26,
        "claims": 15,
        "events": 16,
        "sources": 19,
        "drafts": 0,
    }
    assert by_valid[False]["problems"] == [
        {
            "path": str(bad),
            "line": 7,
            "column": 11,
            "severity": "error",
            "code": "type",
            "message": "entities must be a list, found 'nope'",
            "hint": "write [a, b] or - a",
        }
    ]


def test_json_gives_the_exact_file_names_and_text_their_stand_ins(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A real ESC in one name and the four characters backslash x 1 b in another: JSON, for
    programs, tells them apart (json escapes the control itself); the text, for people, escapes both."""
    real, literal = tmp_path / "bad\x1b[2J.yaml", tmp_path / "bad\\x1b[2J.yaml"
    for path in (real, literal):
        path.write_text(HEAD + "entities: nope\n", encoding="utf-8")
    code, out = run(["--format", "json", str(tmp_path)], capsys)
    assert code == 1
    assert "\x1b" not in out and '\\u001b[2J.yaml"' in out
    files = json.loads(out)["files"]
    assert sorted(f["path"] for f in files) == sorted([str(real), str(literal)])
    for entry in files:
        assert {p["path"] for p in entry["problems"]} == {entry["path"]}
    code, out = run([str(tmp_path)], capsys)
    assert out.count(f"{tmp_path}/bad\\x1b[2J.yaml: invalid: 1 error") == 2


def test_document_text_in_messages_cannot_reach_the_terminal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "evil.yaml"
    path.write_text(
        HEAD + 'entities:\n  - {id: n, name: N, type: place, mentions: [{quote: "\\e]0;x\\a"}]}\n'
    )
    code, out = run([str(path)], capsys)
    assert code == 0
    assert "\x1b" not in out and "\x07" not in out and "␛]0;x␇" in out


@pytest.mark.parametrize("address", ["http://evil.example/\\e[31m", "https://a.example/\\u200bx"])
def test_an_address_with_a_control_is_warned_of_as_the_reader_warns(
    address: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An escape sequence or an invisible character in a source's address (written as a YAML escape,
    the only way it can be in a file): the warning the reader shows beside it, at the address."""
    path = tmp_path / "url.yaml"
    path.write_text(HEAD + f'sources:\n  - id: s\n    url: "{address}"\n', encoding="utf-8")
    code, out = run([str(path)], capsys)
    assert code == 0
    warning = "control or invisible characters in the address"
    assert warning in display_url(load_document(path).sources[0].url or "").warnings
    assert out.splitlines()[:2] == [f"{path}:9:10: warning: {warning}", mock.ANY]
    assert out.splitlines()[-1].endswith(", 1 source, 1 warning")


def test_a_txt_without_its_ann_says_so_and_points_to_annotate(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A plain article given to validate: what is missing for it to be a brat document, and how a
    plain article becomes a briefing."""
    article = tmp_path / "article.txt"
    article.write_text("Le Niger et les États-Unis.\n", encoding="utf-8")
    code, out = run([str(article)], capsys)
    assert code == 1
    assert out.splitlines() == [
        f"{article}:1:1: error: no article.ann beside it: a brat document is a .txt and its .ann",
        f"  hint: to draft a briefing from a plain article: briefing annotate {article}",
        f"{article}: invalid: 1 error",
    ]
