"""`briefing annotate`: drafts that validate and load, outputs, and every error as a message."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from briefing_tui.cli import main
from briefing_tui.model import load_bytes, load_document
from briefing_tui.model.types import Claim, Entity, Event, Source

ROOT = Path(__file__).resolve().parents[3]
SEED = ROOT / "seeds" / "000_795bd620279ba71d.txt"


def annotate(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(["annotate", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_the_seed_article_drafts_a_briefing_that_validates(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = annotate([str(SEED), "--published", "2024-04-24"], capsys)
    assert code == 0, err
    doc = load_bytes(out.encode("utf-8"), "draft.yaml")
    assert doc.problems == []
    assert doc.text == SEED.read_text(encoding="utf-8")
    assert doc.published == "2024-04-24" and doc.language == "fr"
    kinds = {e.type for e in doc.entities}
    assert {"person", "place", "organisation", "date"} <= kinds
    assert doc.events and doc.claims
    every: list[Entity | Event | Claim | Source] = [*doc.entities, *doc.events, *doc.claims, *doc.sources]
    assert all(a.draft for a in every)
    assert all(c.verdict is None for c in doc.claims)
    assert any(s.kind == "speaker" and s.entity for s in doc.sources)
    assert "pipeline fr_core_news_sm loaded in" in err


def test_an_article_with_no_publication_date_is_said_to_have_none(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = tmp_path / "sans-date.txt"
    article.write_text("Mardi, le ministre a vu l’ambassadrice à Niamey le 19 mai.\n", encoding="utf-8")
    code, out, err = annotate([str(article)], capsys)
    assert code == 0, err
    assert "sans-date.txt: no publication date found" in err and "--published sets it" in err
    assert load_bytes(out.encode("utf-8"), "draft.yaml").published is None
    code, _out, err = annotate([str(article), "--published", "2024-05-21"], capsys)
    assert code == 0 and "no publication date" not in err


def test_what_a_draft_holds_is_counted_in_words(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Each count agrees with its noun ("1 claim", never "1 claims"), as validate and import count."""
    from briefing_tui.words import plural

    article = tmp_path / "court.txt"
    article.write_text("Mardi, le ministre a vu l’ambassadrice à Niamey le 19 mai.\n", encoding="utf-8")
    code, out, err = annotate([str(article), "--published", "2024-05-21"], capsys)
    assert code == 0, err
    doc = load_bytes(out.encode("utf-8"), "draft.yaml")
    drafts = len(doc.entities) + len(doc.events) + len(doc.claims) + len(doc.sources)
    said = (
        f"{plural(len(doc.entities), 'entity')}, {plural(len(doc.events), 'event')}, "
        f"{plural(len(doc.claims), 'claim')}, {plural(drafts, 'draft')} to review"
    )
    assert f"court.txt -> standard output: {said}\n" in err
    assert 1 in (len(doc.entities), len(doc.events), len(doc.claims))  # the case that read "1 claims"


def test_drafts_round_trip_through_the_loader(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "seed.yaml"
    assert annotate([str(SEED), "--published", "2024-04-24", "-o", str(out)], capsys)[0] == 0
    first = load_document(out)
    from briefing_tui.formats.yaml_writer import dump_document

    again = load_bytes(dump_document(first).encode("utf-8"), "again.yaml")
    assert [
        (e.id, e.type, e.date, e.draft, [(m.start, m.end) for m in e.mentions]) for e in again.entities
    ] == [(e.id, e.type, e.date, e.draft, [(m.start, m.end) for m in e.mentions]) for e in first.entities]
    assert [(c.id, c.span.start, c.span.end, c.draft) for c in again.claims] == [
        (c.id, c.span.start, c.span.end, c.draft) for c in first.claims
    ]
    assert main(["validate", str(out)]) == 0
    assert "drafts to review" in capsys.readouterr().out


def test_several_articles_go_to_a_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.md"
    a.write_text("Le président Emmanuel Macron a annoncé mardi à Paris une réforme.", encoding="utf-8")
    b.write_text(
        "# Bamako\n\nLa junte au pouvoir à Bamako a demandé vendredi le départ des soldats.", encoding="utf-8"
    )
    code, _, err = annotate(
        [str(a), str(b), "-o", str(tmp_path / "out"), "--published", "2024-04-24"], capsys
    )
    assert code == 0, err
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["a.yaml", "b.yaml"]
    assert load_document(tmp_path / "out" / "b.yaml").title == "Bamako"
    code, _, err = annotate([str(a), str(b), "-o", str(tmp_path / "out")], capsys)
    assert code == 1 and "exists; use --force" in err


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["https://www.example.org/article.html"], 2, "save the page first"),
        (["missing.txt"], 1, "missing.txt: no such file"),
        ([str(SEED), str(SEED)], 2, "need -o FOLDER"),
        ([str(SEED), "--published", "hier"], 2, "not an EDTF date"),
        ([str(SEED), "-o", str(SEED)], 1, "input file"),
    ],
)
def test_errors_are_messages_with_an_exit_status(
    args: list[str], code: int, message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    got, out, err = annotate(args, capsys)
    assert (got, out) == (code, "")
    assert message in err and "Traceback" not in err


def test_without_the_extra_it_says_how_to_install(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "spacy", None)  # as if spaCy were not installed
    code, out, err = annotate([str(SEED)], capsys)
    assert (code, out) == (2, "")
    assert "pip install 'briefing-tui[annotate]'" in err


def test_an_unknown_pipeline_is_named(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = annotate([str(SEED), "--model", "xx_no_such_pipeline"], capsys)
    assert code == 2 and "xx_no_such_pipeline is not installed" in err


def test_known_briefings_are_a_gazetteer(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = annotate([str(SEED), "--known", str(ROOT / "seeds")], capsys)
    assert code == 0, err
    doc = load_bytes(out.encode("utf-8"), "draft.yaml")
    niger = next(e for e in doc.entities if e.name == "Niger")
    assert niger.wikidata == "Q1032"
    united = next(e for e in doc.entities if e.name == "États-Unis")
    assert united.wikidata == "Q30" and "Washington" in [doc.text[m.start : m.end] for m in united.mentions]


def test_opening_an_article_offers_its_draft_unsaved(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from briefing_tui.commands.open import _article, _with_drafts

    article = tmp_path / "note.md"
    article.write_text(
        "# Niamey\n\nLe président Emmanuel Macron a annoncé mardi à Paris une réforme.", "utf-8"
    )
    brat = tmp_path / "brat.txt"
    brat.write_text("Texte.", encoding="utf-8")
    (tmp_path / "brat.ann").write_text("", encoding="utf-8")
    assert _article(article) and _article(SEED) and not _article(brat)
    assert not _article(ROOT / "seeds" / "niger-us-withdrawal.yaml")
    collection = _with_drafts([article, ROOT / "seeds"], [article])
    assert not isinstance(collection, int)
    ids = sorted(d.id for d in collection.documents)
    assert ids == ["niger-us-withdrawal", "note"]
    draft = next(d for d in collection.documents if d.id == "note")
    assert draft.entities and all(e.draft for e in draft.entities)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["brat.ann", "brat.txt", "note.md"]  # nothing saved
    assert "shown unsaved" in capsys.readouterr().err


def test_opening_an_article_without_the_extra_says_how_to_install(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "spacy", None)
    assert main([str(SEED)]) == 2
    assert "pip install 'briefing-tui[annotate]'" in capsys.readouterr().err


def test_lang_auto_says_which_language_and_needs_its_pipeline(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    english = tmp_path / "wire.txt"
    english.write_text(
        "The minister said on Tuesday that the troops of the United States will leave.", "utf-8"
    )
    code, out, err = annotate([str(english), "--lang", "auto"], capsys)
    assert "wire.txt: language en" in err
    if importlib.util.find_spec("en_core_web_sm") is None:  # not part of the extra
        assert (code, out) == (2, "") and "python -m spacy download en_core_web_sm" in err
    else:
        assert code == 0, err
    code, out, err = annotate([str(SEED), "--lang", "auto"], capsys)
    assert code == 0 and "language fr" in err


def test_messages_never_print_a_raw_control_character(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    hostile = tmp_path / "titre\x1b]0;pwned\x07.html"
    hostile.write_text("<html><body><p>" + "mot " * 10 + "</p></body></html>", encoding="utf-8")
    for args in ([str(hostile)], [str(tmp_path / "absent\x1b[2J.txt")], ["https://x.example/\x1b[31m"]):
        code, out, err = annotate(args, capsys)
        assert code in (0, 1, 2) and (code == 0) == bool(out)
        assert "\x1b" not in err and "\x07" not in err, err


def test_a_missing_pipeline_names_the_articles_it_concerns_and_the_others_are_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from briefing_tui.annotate import pipeline
    from briefing_tui.display import display_path

    monkeypatch.setitem(pipeline.MODELS, "en", "xx_no_such_english")  # as if it were not installed
    english = tmp_path / "wire\x1b[31m.txt"
    english.write_text("The minister said on Tuesday that the troops of the United States will leave.")
    french = [tmp_path / "b.txt", tmp_path / "c.txt"]
    for path in french:
        path.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    out = tmp_path / "out"
    code, _, err = annotate([str(english), *map(str, french), "--lang", "auto", "-o", str(out)], capsys)
    assert code == 2
    assert sorted(p.name for p in out.iterdir()) == ["b.yaml", "c.yaml"]
    shown = display_path(english)
    assert "\x1b" not in err
    missing = next(line for line in err.splitlines() if "xx_no_such_english is not installed" in line)
    assert shown in missing and "b.txt" not in missing
    assert err.splitlines()[-1] == f"briefing annotate: 2 of 3 drafts written; not written: {shown}"
