"""``briefing export w3c --notes``: the notes and verification marks the reader wrote to the sidecar
of a file it could not write are in the export, each a valid W3C annotation; without ``--notes``
they are not."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Any

import pytest
from tests.support.w3c_musts import failed_musts
from tests.ui.checking_support import BASE, SEED, reader
from tests.ui.reader_support import until

from briefing_tui.app import BriefingApp
from briefing_tui.cli import main
from briefing_tui.edit.sidecar import sidecar_items, sidecar_path
from briefing_tui.files import load_paths
from briefing_tui.formats.w3c_export import export_w3c
from briefing_tui.model import load_document
from briefing_tui.screens.checking_dialogs import NoteDialog, SafeTextArea
from briefing_tui.screens.main import MainScreen


@pytest.fixture
def read_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / SEED.name
    shutil.copyfile(SEED, path)
    path.chmod(0o444)
    real = os.access  # root may write a read-only file: its mode is read as a person's would be
    monkeypatch.setattr(os, "access", lambda p, mode: Path(p) != path and real(p, mode))
    return path


async def test_export_w3c_with_notes_holds_what_the_reader_wrote_beside_a_read_only_file(
    read_only: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    async with BriefingApp([read_only], collection=load_paths([read_only])).run_test(size=(120, 40)) as pilot:
        screen = reader(pilot)
        await pilot.press("right_square_bracket", "c")
        await until(pilot, lambda: isinstance(pilot.app.screen, NoteDialog), what="the note dialog")
        pilot.app.screen.query_one(SafeTextArea).text = "Ask the embassy."
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(pilot.app.screen, MainScreen))
        await pilot.press("x", "ctrl+s")
        await until(
            pilot, lambda: sidecar_path(read_only).exists() and not screen.checking.modified, what="saved"
        )
    assert read_only.read_bytes() == SEED.read_bytes()
    written = {item["id"] for item in sidecar_items(read_only)}
    assert written == {f"{BASE}:note:claim:C11", f"{BASE}:verified:claim:C11"}

    out = tmp_path / "with-notes.jsonld"
    assert main(["export", "w3c", "--notes", str(read_only), "-o", str(out)]) == 0
    collection = json.loads(out.read_text(encoding="utf-8"))
    items = collection["first"]["items"]
    own = {
        item["id"]: {"@context": collection["@context"], **item} for item in items if item["id"] in written
    }
    assert set(own) == written
    assert own[f"{BASE}:note:claim:C11"]["body"][0]["value"] == "Ask the embassy."
    assert {i: failed_musts(a) for i, a in own.items() if failed_musts(a)} == {}
    assert len(items) == len(export_w3c(load_document(read_only))[0]["first"]["items"]) + 2

    plain = tmp_path / "plain.jsonld"
    assert main(["export", "w3c", str(read_only), "-o", str(plain)]) == 0
    assert not written & {
        item["id"] for item in json.loads(plain.read_text(encoding="utf-8"))["first"]["items"]
    }
    capsys.readouterr()


def test_notes_asked_of_a_briefing_without_a_sidecar_or_of_another_format_are_said(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / SEED.name
    shutil.copyfile(SEED, path)
    assert main(["export", "w3c", "--notes", str(path), "-o", str(tmp_path / "a.jsonld")]) == 0
    assert "--notes: no notes beside" in capsys.readouterr().err
    assert main(["export", "markdown", "--notes", str(path), "-o", str(tmp_path / "a.md")]) == 0
    assert "only w3c holds the notes" in capsys.readouterr().err


def test_a_sidecar_item_with_a_taken_id_or_no_target_is_left_out_and_said() -> None:
    doc = load_document(SEED)
    claim_id = f"{BASE}:claim:{doc.claims[0].id}"
    layer: list[dict[str, Any]] = [
        {"id": claim_id, "type": "Annotation", "target": {"source": BASE}},
        {"id": f"{BASE}:x", "type": "Annotation"},
        {"id": f"{BASE}:ok", "type": "Annotation", "target": {"source": BASE}, "body": []},
    ]
    data, warnings = export_w3c(doc, layer)
    ids = [item["id"] for item in data["first"]["items"]]
    assert ids.count(claim_id) == 1 and f"{BASE}:ok" in ids and f"{BASE}:x" not in ids
    assert len(warnings) == len(export_w3c(doc)[1]) + 2
