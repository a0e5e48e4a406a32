"""Each export names what it leaves out of the seed: once per kind of loss, with a count and the
fields, so that nothing is dropped silently (README: "Formats: what is kept, mapped and lost")."""

from __future__ import annotations

import pytest

from briefing_tui.formats import registry
from briefing_tui.formats.registry import ExportOptions
from briefing_tui.model.types import Document

NO_PLACE = ": the format has no place for them"
STANCE = "1 source reference loses its stance (context): the format writes it as a plain reference"
LOSSES = {
    "w3c": [
        "19 sources lose their title (19), publisher (19), author (3), date (19), kind (19), mirrors (9), "
        "unverified (11), note (17)" + NO_PLACE,
        STANCE,
    ],
    "claimreview": [
        "12 entities are not written" + NO_PLACE,
        "16 events are not written" + NO_PLACE,
        "13 claims lose their entities (13), unverified (2), note (1)" + NO_PLACE,
        "5 source references lose their passage" + NO_PLACE,
        STANCE,
        "10 sources lose their kind (10), mirrors (6), unverified (5), note (9)" + NO_PLACE,
        "9 sources cited by no reviewed claim are not written" + NO_PLACE,
    ],
    "timelinejs": [
        "12 entities are not written" + NO_PLACE,
        "15 claims are not written" + NO_PLACE,
        "15 events lose their entities (15), unverified (3)" + NO_PLACE,
    ],
    "brat": [
        "12 entities lose their aliases (8), description (12), wikidata_status (5)" + NO_PLACE,
        "5 events lose their sources (5), unverified (3)" + NO_PLACE,
        "14 claims lose their sources (14), entities (13), unverified (2)" + NO_PLACE,
    ],
    **{
        report: [
            "13 claims lose their entities (13), note (1)" + NO_PLACE,
            "8 entities lose their aliases (8), note (2)" + NO_PLACE,
            "15 events lose their entities (15), note (4)" + NO_PLACE,
            "1 event's source reference loses its passage" + NO_PLACE,
            "19 sources lose their kind (19), mirrors (4), unverified (11), note (17)" + NO_PLACE,
        ]
        for report in ("markdown", "html")
    },
}


@pytest.mark.parametrize("name", sorted(LOSSES))
def test_an_export_of_the_seed_names_each_kind_of_loss_once(seed_doc: Document, name: str) -> None:
    exporter = registry.get(name).exporter
    assert exporter is not None
    warnings = exporter(seed_doc, ExportOptions()).warnings
    said = [w.removeprefix(f"{name}: ") for w in warnings if w.startswith(f"{name}: ")]
    assert said == LOSSES[name]


def test_w3c_names_every_field_its_round_trip_loses(seed_doc: Document, tmp_path) -> None:
    # deferred: only this test reads the export back
    from briefing_tui.formats.w3c import import_w3c

    exported = registry.get("w3c").exporter(seed_doc, ExportOptions())  # type: ignore[misc]
    (tmp_path / "a.json").write_text(exported.files[0][1], encoding="utf-8")
    (tmp_path / "a.txt").write_text(seed_doc.text, encoding="utf-8")
    back = {s.id: s for s in import_w3c(tmp_path / "a.json", tmp_path / "a.txt").sources}
    lost = {
        name
        for s in seed_doc.sources
        for name in ("title", "publisher", "author", "date", "kind", "mirrors", "unverified", "note")
        if getattr(s, name) and getattr(s, name) != getattr(back[s.id], name)
    }
    said = " ".join(exported.warnings)
    assert lost and all(name in said for name in lost)


@pytest.mark.parametrize(
    ("name", "loss", "said"),
    [
        ("brat", "background event", "11 background event(s) have no trigger in the text: not written ("),
        ("timelinejs", "first source", "11 event(s) keep only their first source with an address, as media"),
    ],
)
def test_a_loss_of_many_events_is_said_once(seed_doc: Document, name: str, loss: str, said: str) -> None:
    exporter = registry.get(name).exporter
    assert exporter is not None
    warnings = [w for w in exporter(seed_doc, ExportOptions()).warnings if loss in w]
    assert len(warnings) == 1 and warnings[0].startswith(said)


def test_a_report_names_drafts_and_the_sources_it_leaves_out(seed_doc: Document) -> None:
    from dataclasses import replace  # deferred: only this test copies the seed

    claims = [replace(c, draft=True) if n < 2 else c for n, c in enumerate(seed_doc.claims)]
    doc = replace(
        seed_doc, claims=claims, sources=[*seed_doc.sources, replace(seed_doc.sources[0], id="S-alone")]
    )
    warnings = registry.get("markdown").exporter(doc, ExportOptions()).warnings  # type: ignore[misc]
    assert "markdown: 13 claims lose their entities (13), note (1), draft (2)" + NO_PLACE in warnings
    assert "markdown: 1 source cited by nothing is not written" + NO_PLACE in warnings
