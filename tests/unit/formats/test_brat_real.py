"""brat on real corpora (tests/fixtures/real/brat): nothing dropped, nothing merged that is distinct,
and import -> export -> import -> export is a fixpoint."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.unit.formats.brat_support import content, cycle

from briefing_tui.formats.brat import import_brat
from briefing_tui.formats.brat_export import export_brat
from briefing_tui.model import LoadError, Severity

REAL = Path(__file__).resolve().parents[2] / "fixtures" / "real" / "brat"
CORPORA = sorted(REAL.glob("*/*.txt"))


def _write(folder: Path, text: str, ann: str, name: str = "doc") -> Path:
    (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    (folder / f"{name}.ann").write_text(ann, encoding="utf-8")
    return folder / f"{name}.txt"


@pytest.mark.parametrize("txt", CORPORA, ids=lambda p: p.name)
def test_a_real_document_comes_back_whole_and_the_cycle_is_a_fixpoint(txt: Path, tmp_path: Path) -> None:
    first, ann1 = cycle(txt, tmp_path, "one")
    second, ann2 = cycle(first, tmp_path, "two")
    _, ann3 = cycle(second, tmp_path, "three")
    assert content(ann1) == content(txt.with_suffix(".ann").read_text(encoding="utf-8"))
    assert content(ann2) == content(ann1)
    assert ann3 == ann2


def test_types_come_out_as_they_were_written(tmp_path: Path) -> None:
    text, ann, _ = export_brat(import_brat(REAL / "nlplab" / "esp.train-doc-29.txt"))
    types = {line.split("\t")[1].split(" ")[0] for line in ann.splitlines() if line.startswith("T")}
    assert types == {"PER", "LOC", "ORG", "MISC"}
    doc = import_brat(REAL / "nlplab" / "esp.train-doc-29.txt")
    assert {e.type for e in doc.entities} == {"person", "place", "organisation", "other"}


def test_the_text_of_a_normalisation_is_kept(tmp_path: Path) -> None:
    doc = import_brat(REAL / "nlplab" / "000-introduction.txt")
    _, ann, _ = export_brat(doc)
    assert "Wikipedia:64488\tCarlos Salinas de Gortari" in ann


def test_every_note_of_the_french_corpus_is_kept_on_its_mention() -> None:
    original = (REAL / "quaero" / "334_2.ann").read_text(encoding="utf-8")
    _, ann, _ = export_brat(import_brat(REAL / "quaero" / "334_2.txt"))
    notes = sorted(k for k in content(original).elements() if k.startswith("#"))
    assert len(notes) == 146
    assert sorted(k for k in content(ann).elements() if k.startswith("#")) == notes


def test_discontinuous_spans_sharing_a_first_fragment_stay_apart(tmp_path: Path) -> None:
    text = "sujets âgés et les jeunes, sujets jeunes"
    ann = "T1\tLIVB 0 6\tsujets\nT2\tLIVB 0 6;19 25\tsujets jeunes\n"
    first, ann1 = cycle(_write(tmp_path, text, ann), tmp_path, "one")
    _, ann2 = cycle(first, tmp_path, "two")
    assert sorted(line.split("\t", 1)[1] for line in ann1.splitlines()) == [
        "LIVB 0 6\tsujets",
        "LIVB 0 6;19 25\tsujets jeunes",
    ]
    assert ann2 == ann1
    assert "Equiv" not in ann2


def test_only_equiv_merges_other_star_relations_are_kept(tmp_path: Path) -> None:
    text = "Ann Smith met Bob Jones."
    ann = "T1\tPerson 0 9\tAnn Smith\nT2\tPerson 14 23\tBob Jones\n*\tAlias T1 T2\n"
    doc = import_brat(_write(tmp_path, text, ann))
    assert sorted(e.name for e in doc.entities) == ["Ann Smith", "Bob Jones"]
    _, out, _ = export_brat(doc)
    assert content(out)["* Alias Person 0 9 | Person 14 23"] == 1


def test_case_and_different_wikidata_items_keep_entities_apart(tmp_path: Path) -> None:
    text = "Env and env. Georgia (the country) is not Georgia (the state). Georgia again."
    ann = (
        "T1\tOther 0 3\tEnv\nT2\tOther 8 11\tenv\n"
        "T3\tLocation 13 20\tGeorgia\nT4\tLocation 42 49\tGeorgia\nT5\tLocation 63 70\tGeorgia\n"
        "N1\tReference T3 Wikidata:Q230\tGeorgia\nN2\tReference T4 Wikidata:Q1428\tGeorgia\n"
    )
    doc = import_brat(_write(tmp_path, text, ann))
    assert sorted(e.name for e in doc.entities if e.type == "other") == ["Env", "env"]
    georgias = sorted((e.wikidata, len(e.mentions)) for e in doc.entities if e.name == "Georgia")
    assert georgias == [("Q1428", 1), ("Q230", 2)]  # the third has no item: it joins the first one
    merged = [p for p in doc.problems if "joined an entity" in p.message]
    assert len(merged) == 1 and merged[0].severity is Severity.WARNING and "(T5)" in merged[0].message


def test_a_negative_offset_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(LoadError) as info:
        import_brat(_write(tmp_path, "Matthew Miller spoke.", "T1\tPerson -1 15\tMatthew Miller\n"))
    problem = info.value.problems[0]
    assert (problem.line, problem.severity) == (1, Severity.ERROR)
    assert "cannot be negative" in problem.message


def test_the_seed_keeps_explanations_review_dates_and_claim_ids(seed_doc, tmp_path: Path) -> None:  # noqa: ANN001
    text, ann, warnings = export_brat(seed_doc)
    again = import_brat(_write(tmp_path, text, ann, "seed"))
    assert [c.id for c in again.claims] == [c.id for c in seed_doc.claims]
    for before, after in zip(seed_doc.claims, again.claims, strict=True):
        assert after.gloss == before.gloss
        if before.verdict is not None:
            assert after.verdict is not None
            assert (after.verdict.explanation, after.verdict.reviewed) == (
                before.verdict.explanation,
                before.verdict.reviewed,
            )
    unmentioned = [e for e in seed_doc.entities if not e.mentions]
    assert unmentioned
    for entity in unmentioned:
        assert any(entity.id in w and "no mention" in w for w in warnings)


_WORDS = ["Niger", "niger", "Niamey", "sujets", "âgés", "jeunes", "US", "é"]


@st.composite
def _annotated(draw: st.DrawFn) -> tuple[str, str]:
    words = draw(st.lists(st.sampled_from(_WORDS), min_size=2, max_size=12))
    text = " ".join(words)
    starts, pos = [], 0
    for word in words:
        starts.append((pos, pos + len(word)))
        pos += len(word) + 1
    lines = []
    for n in range(1, draw(st.integers(1, 6)) + 1):
        picks = sorted(draw(st.sets(st.integers(0, len(words) - 1), min_size=1, max_size=2)))
        frags = ";".join(f"{starts[i][0]} {starts[i][1]}" for i in picks)
        shown = " ".join(words[i] for i in picks)
        lines.append(f"T{n}\t{draw(st.sampled_from(['PER', 'GPE', 'DISO']))} {frags}\t{shown}")
        if draw(st.booleans()):
            lines.append(f"#{n}\tAnnotatorNotes T{n}\tC{n:07d}")
    return text, "\n".join(lines) + "\n"


@settings(max_examples=60, deadline=None)
@given(_annotated())
def test_import_export_is_a_fixpoint_on_any_text_bound_annotations(
    tmp_path_factory: pytest.TempPathFactory, case: tuple[str, str]
) -> None:
    folder = tmp_path_factory.mktemp("brat")
    original = _write(folder, *case)
    first, ann1 = cycle(original, folder, "one")
    second, ann2 = cycle(first, folder, "two")
    assert content(ann1) == content(case[1])
    assert ann2 == cycle(second, folder, "three")[1]
    assert content(ann2) == content(ann1)


def test_an_ann_with_no_text_beside_it_says_so(tmp_path: Path) -> None:
    from briefing_tui.files import load_file

    (tmp_path / "lone.ann").write_text("T1\tPER 0 3\tBob\n", encoding="utf-8")
    with pytest.raises(LoadError) as info:
        load_file(tmp_path / "lone.ann")
    assert info.value.problems[0].message == "no text file lone.txt beside the brat annotations"
