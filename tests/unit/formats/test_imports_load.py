"""What every importer writes is a briefing the model loader reads without an error."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing_tui.formats.brat import import_brat
from briefing_tui.formats.claimreview import import_claimreview
from briefing_tui.formats.timelinejs import import_timelinejs
from briefing_tui.formats.w3c import import_w3c
from briefing_tui.formats.yaml_writer import document_data, dump_document
from briefing_tui.model import Document, Severity, load_document

FIX = Path(__file__).resolve().parents[2] / "fixtures" / "formats"

IMPORTS = {
    "brat": lambda: import_brat(FIX / "brat" / "report.txt"),
    "w3c collection": lambda: import_w3c(FIX / "w3c" / "collection.json", FIX / "w3c" / "article.txt"),
    "w3c utf16": lambda: import_w3c(FIX / "w3c" / "utf16.json", FIX / "w3c" / "article.txt"),
    "w3c single": lambda: import_w3c(FIX / "w3c" / "single.json", FIX / "w3c" / "article.txt"),
    "claimreview": lambda: import_claimreview(FIX / "claimreview" / "reviews.json"),
    "claimreview api": lambda: import_claimreview(FIX / "claimreview" / "factcheck_api.json"),
    "claimreview onto text": lambda: import_claimreview(
        FIX / "claimreview" / "reviews.json", text_path=FIX / "w3c" / "article.txt"
    ),
    "timelinejs": lambda: import_timelinejs(FIX / "timelinejs" / "timeline.json"),
}


@pytest.mark.parametrize("name", list(IMPORTS))
def test_import_writes_a_briefing_the_loader_reads(name: str, tmp_path: Path) -> None:
    doc: Document = IMPORTS[name]()
    path = tmp_path / "out.yaml"
    path.write_text(dump_document(doc), encoding="utf-8")
    loaded = load_document(path)  # raises LoadError on any error
    unexpected = [
        p.format()
        for p in loaded.problems
        if p.severity is Severity.ERROR or not ("'extra'" in p.message or p.code.startswith("span-"))
    ]
    assert unexpected == []
    before, after = document_data(doc), document_data(loaded)
    for key in ("entities", "events", "claims", "sources"):
        assert [x["id"] for x in after[key]] == [x["id"] for x in before[key]]
    assert loaded.text == doc.text
