"""``briefing import`` and ``briefing export`` through the command line entry point."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from briefing_tui.cli import main
from briefing_tui.model import load_document

ROOT = Path(__file__).resolve().parents[3]
SEED = ROOT / "seeds" / "niger-us-withdrawal.yaml"
FIX = ROOT / "tests" / "fixtures" / "formats"

BAD_W3C = '[{"@context": "http://www.w3.org/ns/anno.jsonld", "id": "#a", "type": "Annotation", "target": 5}]'


def test_import_brat_writes_a_briefing_the_loader_reads(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "r.yaml"
    assert main(["import", "brat", str(FIX / "brat" / "report.txt"), "-o", str(out)]) == 0
    doc = load_document(out)
    assert len(doc.entities) == 10 and [c.id for c in doc.claims] == ["E2"]
    err = capsys.readouterr().err
    assert "report.ann:12:1: warning: T12 is discontinuous" in err and "wrote" in err


def test_import_never_overwrites_without_force(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "r.yaml"
    out.write_text("precious", encoding="utf-8")
    assert main(["import", "brat", str(FIX / "brat" / "report.txt"), "-o", str(out)]) == 1
    assert out.read_text(encoding="utf-8") == "precious"
    assert "exists; use --force" in capsys.readouterr().err
    assert main(["import", "brat", str(FIX / "brat" / "report.txt"), "-o", str(out), "--force"]) == 0
    assert out.read_text(encoding="utf-8").startswith("format: 1")


def test_import_to_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    args = ["import", "w3c", str(FIX / "w3c" / "collection.json"), "--text", str(FIX / "w3c" / "article.txt")]
    assert main(args) == 0
    data = yaml.safe_load(capsys.readouterr().out)
    assert data["entities"][0]["wikidata"] == "Q1032"


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["import", "w3c", "{bad}"], 1, "$[0].target: a target must be an object or an IRI"),
        (["import", "w3c", "{bad}"], 1, "bad.json:1:95: error: $[0].target"),
        (["import", "brat", "{badtxt}"], 1, "bad.ann:1:1: error: not a brat annotation"),
        (["import", "timelinejs", "{bad}"], 1, "bad.json:1:1: error: $: a TimelineJS file is an object"),
        (["import", "claimreview", "{bad}"], 1, "bad.json:1:1: error: $: no ClaimReview found"),
        (["import", "w3c", "{nofile}", "--text", "{nofile}"], 1, "no such file"),
    ],
)
def test_bad_input_is_a_message_and_exit_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], code: int, message: str
) -> None:
    (tmp_path / "bad.json").write_text(BAD_W3C, encoding="utf-8")
    (tmp_path / "bad.txt").write_text("text", encoding="utf-8")
    (tmp_path / "bad.ann").write_text("oops\n", encoding="utf-8")
    (tmp_path / "t.txt").write_text("text", encoding="utf-8")
    subst = {"{bad}": str(tmp_path / "bad.json"), "{badtxt}": str(tmp_path / "bad.txt"),
             "{nofile}": str(tmp_path / "missing.json")}  # fmt: skip
    argv = [subst.get(a, a) for a in args]
    if argv[1] == "w3c" and "--text" not in argv:
        argv += ["--text", str(tmp_path / "t.txt")]
    assert main(argv) == code
    captured = capsys.readouterr()
    assert message in captured.err and "Traceback" not in captured.err


def test_w3c_import_needs_a_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import", "w3c", str(FIX / "w3c" / "collection.json")]) == 2
    assert "--text" in capsys.readouterr().err


@pytest.mark.parametrize("fmt", ["w3c", "claimreview", "timelinejs"])
def test_export_json_formats_to_stdout(fmt: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", fmt, str(SEED)]) == 0
    assert json.loads(capsys.readouterr().out)


@pytest.mark.parametrize(("fmt", "head"), [("markdown", "# "), ("html", "<!DOCTYPE html>")])
def test_export_reports_to_a_file(tmp_path: Path, fmt: str, head: str) -> None:
    out = tmp_path / f"report.{fmt}"
    assert main(["export", fmt, str(SEED), "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8").startswith(head)
    assert main(["export", fmt, str(SEED), "-o", str(out)]) == 1  # exists: not replaced


def test_export_brat_writes_txt_and_ann_and_imports_back(tmp_path: Path) -> None:
    assert main(["export", "brat", str(SEED), "-o", str(tmp_path / "seed.ann")]) == 0
    assert (tmp_path / "seed.txt").read_text(encoding="utf-8") == load_document(SEED).text
    assert main(["import", "brat", str(tmp_path / "seed.txt"), "-o", str(tmp_path / "back.yaml")]) == 0
    assert len(load_document(tmp_path / "back.yaml").claims) == len(load_document(SEED).claims)


def test_export_refuses_to_write_over_its_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    copy = tmp_path / "b.yaml"
    copy.write_bytes(SEED.read_bytes())
    assert main(["export", "html", str(copy), "-o", str(copy), "--force"]) == 1
    assert copy.read_bytes() == SEED.read_bytes()
    assert "input file" in capsys.readouterr().err


def test_export_of_a_broken_briefing_is_file_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("format: 1\nid: x\ntitle: [unclosed\n", encoding="utf-8")
    assert main(["export", "markdown", str(bad)]) == 1
    assert f"{bad}:" in capsys.readouterr().err


def test_import_onto_a_briefing_joins_what_it_has(tmp_path: Path) -> None:
    collection = tmp_path / "a.json"
    assert main(["export", "w3c", str(SEED), "-o", str(collection)]) == 0
    data = json.loads(collection.read_text(encoding="utf-8"))
    data["first"]["items"] = [a for a in data["first"]["items"] if ":claim:" in a["id"]]
    collection.write_text(json.dumps(data), encoding="utf-8")
    out = tmp_path / "merged.yaml"
    assert main(["import", "w3c", str(collection), "--onto", str(SEED), "-o", str(out)]) == 0
    merged, seed = load_document(out), load_document(SEED)
    assert [c.id for c in merged.claims] == [c.id for c in seed.claims]
    assert [s.id for s in merged.sources] == [s.id for s in seed.sources]


def test_import_brat_accepts_the_ann(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import", "brat", str(FIX / "brat" / "report.ann")]) == 0
    assert yaml.safe_load(capsys.readouterr().out)["id"] == "report"


def test_output_into_a_missing_folder_is_a_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", "html", str(SEED), "-o", str(tmp_path / "nowhere" / "r.html")]) == 1
    assert "does not exist" in capsys.readouterr().err


def test_a_briefing_given_as_text_is_pointed_to_onto(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import", "w3c", str(FIX / "w3c" / "single.json"), "--text", str(SEED)]) == 2
    assert "use --onto" in capsys.readouterr().err
