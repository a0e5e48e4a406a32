"""Entity mentions on the real pipeline: edges, titles, types, the longest name, and grouping."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing_tui.annotate.grouping import KnownEntity
from briefing_tui.annotate.words import DETERMINERS, ELISION, fold

ROOT = Path(__file__).resolve().parents[3]
SEED = (ROOT / "seeds" / "000_795bd620279ba71d.txt").read_text(encoding="utf-8")


def names(doc) -> dict[str, tuple[str, list[str]]]:  # noqa: ANN001
    """Entity name -> (type, the text of each mention), named entities only."""
    return {
        e.name: (e.type, [doc.text[m.start : m.end] for m in e.mentions])
        for e in doc.entities
        if e.type != "date"
    }


def test_no_elision_or_determiner_at_a_span_edge(draft) -> None:  # noqa: ANN001
    doc = draft(SEED)
    for entity in doc.entities:
        for mention in entity.mentions:
            words = doc.text[mention.start : mention.end].split()
            assert words, entity.name
            for edge in (words[0], words[-1]):
                assert not ELISION.match(edge[:2]) or len(edge) > 2, edge
                assert fold(edge) not in DETERMINERS, (entity.name, edge)
            assert doc.text[mention.start : mention.end] not in ("n’", "l’", "s’")


def test_the_seeds_known_model_errors_are_mended(draft) -> None:  # noqa: ANN001
    found = names(draft(SEED, "2024-04-24"))
    assert found["Kathleen FitzGibbon"][0] == "person"  # the model says a place
    assert found["Ken Ekman"][0] == "person"
    assert found["Kurt M. Campbell"][0] == "person"
    assert found["Commandement des États-Unis pour l’Afrique"][0] == "organisation"  # split by the model
    assert "État" not in found and "Afrique" not in found  # « secrétaire d’État », inside the command
    united = found["États-Unis"]
    assert united[0] == "place" and "Washington" in united[1]  # « Washington réaffirme »: the country
    assert "Washington" not in found


@pytest.mark.parametrize(
    ("text", "person"),
    [
        (
            "Le Premier ministre Jeannot Ahoussou-Kouadio a démissionné lundi à Abidjan.",
            "Jeannot Ahoussou-Kouadio",
        ),
        ("Le Professeur Touadéra a été appelé pour diriger le gouvernement.", "Touadéra"),
        ("Le général François Bozizé a dissous le gouvernement dimanche.", "François Bozizé"),
    ],
)
def test_titles_stay_out_of_person_spans(draft, text: str, person: str) -> None:  # noqa: ANN001
    found = names(draft(text))
    assert found[person][0] == "person"
    assert not any(n.lower().startswith(("premier", "professeur", "général", "le ")) for n in found)


def test_a_surname_joins_the_full_name(draft) -> None:  # noqa: ANN001
    doc = draft(
        "Kathleen FitzGibbon, ambassadrice des États-Unis au Niger, a rencontré les autorités à Niamey. "
        "Selon FitzGibbon, les discussions se poursuivront à Niamey."
    )
    found = names(doc)
    assert found["Kathleen FitzGibbon"] == ("person", ["Kathleen FitzGibbon", "FitzGibbon"])


def test_an_acronym_joins_its_expansion(draft) -> None:  # noqa: ANN001
    found = names(
        draft(
            "L'Union européenne répondra par des contre-mesures. Les ministres de l'UE en discuteront à "
            "Bruxelles, et l'UE veut préserver la relation transatlantique."
        )
    )
    assert found["Union européenne"][0] == "organisation"
    assert found["Union européenne"][1].count("UE") == 2


def test_roles_and_peoples_are_not_entities(draft) -> None:  # noqa: ANN001
    found = names(
        draft(
            "Le président de la République a reçu le Premier ministre. Les Européens et les Français "
            "attendent la décision du secrétaire d’État Antony Blinken."
        )
    )
    assert set(found) == {"Antony Blinken"}


def test_known_entities_win_over_the_model(draft) -> None:  # noqa: ANN001
    known = [KnownEntity("Kathleen FitzGibbon", "person", ["Mme FitzGibbon"], "Q6377185", "ambassadrice")]
    doc = draft(SEED, known=known)
    entity = next(e for e in doc.entities if e.name == "Kathleen FitzGibbon")
    assert (entity.type, entity.wikidata, entity.description) == ("person", "Q6377185", "ambassadrice")


def test_a_name_never_runs_over_a_line_end(draft) -> None:  # noqa: ANN001
    doc = draft(
        "Dissolution du gouvernement en Centrafrique\nAPA-Bangui (Centrafrique) Le chef de l’Etat a dissous "
        "dimanche le gouvernement."
    )
    spans = [doc.text[m.start : m.end] for e in doc.entities for m in e.mentions]
    assert "Centrafrique" in spans
    assert not any("\n" in s for s in spans)


def test_places_the_model_missed_are_found_from_the_table(draft) -> None:  # noqa: ANN001
    found = names(draft("La guerre commerciale des États-Unis contre l'Europe a commencé lundi."))
    assert found["Europe"] == ("place", ["Europe"])
