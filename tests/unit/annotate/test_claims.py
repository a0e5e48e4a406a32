"""Check-worthy sentences drafted as claims with no verdict, their speaker as a source of kind speaker."""

from __future__ import annotations


def claims(doc) -> dict[str, tuple[str, list[str]]]:  # noqa: ANN001
    """The start of each claim's text -> (its note, the entity of each of its sources)."""
    out = {}
    for claim in doc.claims:
        entities = [doc.source(ref.source).entity for ref in claim.sources]
        out[doc.text[claim.span.start : claim.span.end][:30]] = (claim.note, entities)
    return out


def test_figures_speech_and_the_future_are_drafted_and_the_rest_is_not(draft) -> None:  # noqa: ANN001
    doc = draft(
        "Le ministère français des Affaires étrangères a annoncé mercredi le retrait de 400 soldats. "
        "Selon Kathleen FitzGibbon, des réunions de suivi auront lieu à Niamey. "
        "La visite de Kurt Campbell à Niamey est prévue dans les prochains mois. "
        "Le ciel était gris et la ville calme ce matin-là.",
        "2024-04-24",
    )
    found = claims(doc)
    assert "a figure" in found["Le ministère français des Affa"][0]
    assert "reported speech" in found["Le ministère français des Affa"][0]
    note, speakers = found["Selon Kathleen FitzGibbon, des"]
    assert "reported speech" in note and "a statement about the future" in note
    assert [doc.entity(s).name for s in speakers] == ["Kathleen FitzGibbon"]
    assert "a statement about the future" in found["La visite de Kurt Campbell à N"][0]
    assert not any(key.startswith("Le ciel") for key in found)
    assert all(c.verdict is None and c.draft for c in doc.claims)
    speaker = next(s for s in doc.sources if s.entity and doc.entity(s.entity).name == "Kathleen FitzGibbon")
    assert (speaker.kind, speaker.draft) == ("speaker", True)


def test_a_date_is_not_taken_for_a_figure(draft) -> None:  # noqa: ANN001
    doc = draft("Le texte publié le 24 avril 2024 par le journal reste court et sans surprise.", "2024-04-24")
    assert all("a figure" not in c.note for c in doc.claims)
