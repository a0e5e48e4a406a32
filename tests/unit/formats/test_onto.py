"""``briefing import … --onto``: what the briefing has already is joined, not copied."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefing_tui.cli import main
from briefing_tui.model import load_document
from briefing_tui.model.types import Document, Entity, Event

ROOT = Path(__file__).resolve().parents[3]
SEED = ROOT / "seeds" / "niger-us-withdrawal.yaml"


def _places(doc: Document) -> list[tuple[str, int, int]]:
    items: list[Entity | Event] = [*doc.entities, *doc.events]
    return [(e.id, m.start, m.end) for e in items for m in e.mentions]


@pytest.mark.parametrize("fmt", ["w3c", "claimreview", "timelinejs"])
def test_an_export_imported_onto_its_own_briefing_adds_nothing(
    fmt: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    exported, out = tmp_path / "x.json", tmp_path / "out.yaml"
    assert main(["export", fmt, str(SEED), "-o", str(exported)]) == 0
    capsys.readouterr()
    assert main(["import", fmt, str(exported), "--onto", str(SEED), "-o", str(out)]) == 0
    merged, seed = load_document(out), load_document(SEED)
    assert [c.id for c in merged.claims] == [c.id for c in seed.claims]
    assert [e.id for e in merged.events] == [e.id for e in seed.events]
    assert [e.id for e in merged.entities] == [e.id for e in seed.entities]
    assert [s.id for s in merged.sources] == [s.id for s in seed.sources]
    assert _places(merged) == _places(seed)
    kept = [k for v in merged.extra.values() for k in (v.get("slides", v) if isinstance(v, dict) else ())]
    assert all(k in {c.id for c in seed.claims} | {e.id for e in seed.events} for k in kept)
    err = capsys.readouterr().err
    anew = f"warning: {SEED} is written anew, not edited: its comments, quoting and line breaks are not kept"
    assert "joined, nothing added" in err and anew in err  # said, as the comments of the seed are lost
    assert "warning" not in err.replace("export: warning", "").replace(anew, "")


def test_a_claim_of_the_same_id_that_differs_is_a_conflict_said_and_kept(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    exported, out = tmp_path / "x.json", tmp_path / "out.yaml"
    assert main(["export", "w3c", str(SEED), "-o", str(exported)]) == 0
    data = json.loads(exported.read_text(encoding="utf-8"))
    for ann in data["first"]["items"]:
        if ann["id"].endswith(":claim:C1"):
            for body in ann["body"]:
                if body.get("purpose") == "describing":
                    body["value"] = "Another gloss"
    exported.write_text(json.dumps(data), encoding="utf-8")
    capsys.readouterr()
    assert main(["import", "w3c", str(exported), "--onto", str(SEED), "-o", str(out)]) == 0
    merged, seed = load_document(out), load_document(SEED)
    assert [c.id for c in merged.claims] == [c.id for c in seed.claims] + ["C1-2"]
    assert merged.claims[-1].gloss == "Another gloss"
    err = capsys.readouterr().err
    assert "claim C1 is in the briefing already and the imported claim C1 differs (gloss)" in err
    assert "added as C1-2" in err and "1 claim added (1 conflict, in the warnings)" in err


def test_new_annotations_onto_a_briefing_are_added(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ann = {
        "@context": "http://www.w3.org/ns/anno.jsonld", "id": "urn:x:1", "type": "Annotation",
        "body": [{"type": "TextualBody", "purpose": "tagging", "value": "claim"}],
        "target": {"source": "x", "selector": {"type": "TextPositionSelector", "start": 0, "end": 5}},
    }  # fmt: skip
    path, out = tmp_path / "a.json", tmp_path / "out.yaml"
    path.write_text(json.dumps([ann]), encoding="utf-8")
    assert main(["import", "w3c", str(path), "--onto", str(SEED), "-o", str(out)]) == 0
    assert len(load_document(out).claims) == len(load_document(SEED).claims) + 1
    assert "nothing joined, 1 claim added" in capsys.readouterr().err
