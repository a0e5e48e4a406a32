"""Temporal expressions to EDTF, resolved against the publication date; on the pipeline for the tense."""

from __future__ import annotations

from datetime import date

import pytest

from briefing_tui.annotate.dates import find_dates
from briefing_tui.model import parse_edtf

PUBLISHED = date(2024, 4, 24)  # a Wednesday


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("depuis juillet 2023", "juillet 2023", "2023-07"),
        ("le 24 avril 2024", "24 avril 2024", "2024-04-24"),
        ("le 1er juin 2011", "1er juin 2011", "2011-06-01"),
        ("du 29 avril au 3 mai", "29 avril au 3 mai", "2024-04-29/2024-05-03"),
        ("le dialogue (8-20 décembre)", "8-20 décembre", "2023-12-08/2023-12-20"),
        ("entre 2014 et 2019", "entre 2014 et 2019", "2014/2019"),
        ("mardi", "mardi", "2024-04-23"),
        ("ce mercredi 24 avril", "mercredi 24 avril", "2024-04-24"),
        ("hier soir", "hier", "2024-04-23"),
        ("aujourd’hui", "aujourd’hui", "2024-04-24"),
        ("la semaine prochaine", "semaine prochaine", "2024-04-29/2024-05-05"),
        ("le mois dernier", "mois dernier", "2024-03"),
        ("l'année dernière", "année dernière", "2023"),
        ("en mars dernier", "mars dernier", "2024-03"),
        ("en janvier prochain", "janvier prochain", "2025-01"),
        ("dans les prochains mois", "dans les prochains mois", "2024-04-24/.."),
        ("ces dernières années", "dernières années", "../2024"),
        ("il y a un peu plus d'un an", "il y a un peu plus d'un an", "2023~"),
        ("il y a trois jours", "il y a trois jours", "2024-04-21"),
        ("d’ici un mois", "d’ici un mois", "2024-04-24/2024-05-24"),
        ("à l'été 2023", "été 2023", "2023-22"),
        ("l’été dernier", "été dernier", "2023-22"),
        ("l’hiver prochain", "hiver prochain", "2024-24"),
        ("yesterday", "yesterday", "2024-04-23"),
        ("on April 29, 2024", "April 29, 2024", "2024-04-29"),
        ("last week", "last week", "2024-04-15/2024-04-21"),
        ("in the coming months", "in the coming months", "2024-04-24/.."),
        ("since 2018", "2018", "2018"),
    ],
)
def test_expression_to_edtf(text: str, expression: str, value: str) -> None:
    (found,) = find_dates(text, PUBLISHED)
    assert (found.text, found.value) == (expression, value)
    assert text[found.start : found.end] == expression
    parse_edtf(value)  # the format's own parser reads every value written


@pytest.mark.parametrize("text", ["mardi", "hier", "la semaine prochaine", "le 12 mars"])
def test_relative_dates_need_a_publication_date(text: str) -> None:
    (found,) = find_dates(text, None)
    assert found.value is None


@pytest.mark.parametrize(
    "text",
    ["six mois", "tous les mercredis", "plus de 2000 soldats", "306 grands électeurs", "25 %", "à 20 heures"],
)
def test_durations_recurrences_and_figures_are_not_dates(text: str) -> None:
    assert find_dates(text, PUBLISHED) == []


def test_a_weekday_follows_the_tense_of_its_clause(draft) -> None:  # noqa: ANN001
    doc = draft("Le ministre a rencontré jeudi les représentants. Il se rendra jeudi à Niamey.", "2024-04-24")
    values = [e.date for e in doc.entities if e.type == "date"]
    assert values == ["2024-04-18", "2024-04-25"]


def test_each_resolved_date_drafts_an_event_on_its_clause(draft) -> None:  # noqa: ANN001
    doc = draft(
        "Les discussions en cours depuis juillet 2023 n’avaient pas abouti. La date reste inconnue.",
        "2024-04-24",
    )
    (event,) = doc.events
    assert event.date.text == "2023-07" and event.draft
    assert doc.text[event.mentions[0].start : event.mentions[0].end] == "juillet 2023"
    assert event.label == "Les discussions en cours depuis juillet 2023 n’avaient pas abouti."
