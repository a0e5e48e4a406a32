"""schema.org ClaimReview: export per RATINGS, import from @graph/list/nested, ratings by name or value."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from tests.support.checks import present

from briefing_tui.formats.claimreview import export_claimreview, import_claimreview
from briefing_tui.model import RATINGS, Document, LoadError, Rating


@pytest.fixture
def reviews(fixtures: Path) -> Document:
    return import_claimreview(fixtures / "claimreview" / "reviews.json")


@pytest.mark.parametrize(
    ("copies", "said"), [(1, "1 review has no url"), (1200, "1,200 reviews have no url")]
)
def test_reviews_without_a_url_are_counted_in_words(seed_doc: Document, copies: int, said: str) -> None:
    """The count agrees with its noun and verb and has its thousands apart, as every count said."""
    rated = next(c for c in seed_doc.claims if c.verdict)
    claims = [dataclasses.replace(rated, id=f"c{n}") for n in range(copies)]
    _, warnings = export_claimreview(dataclasses.replace(seed_doc, claims=claims), author="Desk")
    assert [w for w in warnings if "no url" in w][0].startswith(f"{said}, which Google's fact-check")


def test_export_has_every_field_per_the_scale(seed_doc: Document) -> None:
    out, warnings = export_claimreview(seed_doc, author="Desk")
    rated = [c for c in seed_doc.claims if c.verdict]
    assert len(out) == len(rated)
    assert len([w for w in warnings if "no verdict" in w]) == len(seed_doc.claims) - len(rated)
    assert any("have no url, which Google's fact-check rich result requires" in w for w in warnings)
    assert not any("no author" in w for w in warnings)  # given with --author
    for review, claim in zip(out, rated, strict=True):
        verdict = present(claim.verdict)
        info = RATINGS[verdict.rating]
        rating = review["reviewRating"]
        assert review["@type"] == "ClaimReview" and review["@context"] == "https://schema.org"
        assert rating["alternateName"] == info.alternate_name
        if info.value is None:
            assert "ratingValue" not in rating
        else:
            assert (rating["ratingValue"], rating["bestRating"], rating["worstRating"]) == (info.value, 5, 1)
        assert review["claimReviewed"] == (claim.gloss or seed_doc.text[claim.span.start : claim.span.end])
        item = review["itemReviewed"]
        assert item["@type"] == "Claim" and "appearance" not in item  # the seed has no url: none invented
        assert item["text"] == seed_doc.text[claim.span.start : claim.span.end]
        assert review["author"] == {"@type": "Organization", "name": "Desk"}
        if verdict.reviewed:
            assert review["datePublished"] == str(verdict.reviewed)


def test_an_interval_of_publication_gives_no_date_published(seed_doc: Document) -> None:
    """schema.org's datePublished is one date: an undated article (an interval) has none to give."""
    assert seed_doc.published == "2024-04-24/2024-05-19"
    seed_doc = dataclasses.replace(seed_doc, url="https://example.org/article")  # an appearance is written
    out, warnings = export_claimreview(seed_doc)
    assert all("datePublished" not in r["itemReviewed"] for r in out)
    assert all("datePublished" not in r["itemReviewed"]["appearance"][0] for r in out)
    assert "published 2024-04-24/2024-05-19 is an interval: no datePublished written" in warnings
    seed_doc_day = dataclasses.replace(seed_doc, published="2024-04-25")
    out, warnings = export_claimreview(seed_doc_day)
    assert {r["itemReviewed"]["datePublished"] for r in out} == {"2024-04-25"}
    assert not any(w.startswith("published") for w in warnings)


def test_speaker_source_becomes_the_claims_author() -> None:
    from briefing_tui.formats.common import exact_span
    from briefing_tui.model import Claim, Entity, Source, SourceRef, Verdict

    doc = Document(Path("x"), "x", "X", "en", "Miller said the troops leave.")
    doc.entities.append(Entity("miller", "Matthew Miller", "person"))
    doc.sources.append(Source("S-miller", kind="speaker", entity="miller"))
    doc.claims.append(
        Claim("C1", exact_span(doc.text, 12, 28), [SourceRef("S-miller")], Verdict(Rating.FALSE))
    )
    (review,), _ = export_claimreview(doc)
    assert review["itemReviewed"]["author"] == {"@type": "Person", "name": "Matthew Miller"}
    assert "citation" not in review


def test_import_reads_graph_ratings_and_citations(reviews: Document) -> None:
    assert [c.id for c in reviews.claims] == ["troops-1000", "CR2", "CR3"]
    first = reviews.claims[0]
    verdict = present(first.verdict)
    assert verdict.rating is Rating.MOSTLY_SUPPORTED and verdict.reviewed == "2024-05-02"
    assert verdict.explanation == "AFRICOM gave 1,100 in 2023."
    assert reviews.text[first.span.start : first.span.end] == "plus de 1 000 militaires américains"
    assert first.gloss == "About 1,000 US troops were stationed in Niger."
    src = present(reviews.source(first.sources[0].source))
    assert (src.title, src.publisher, src.url) == (
        "AFRICOM posture statement",
        "AFRICOM",
        "https://www.africom.mil/",
    )
    assert reviews.title == "Claims reviewed by Example Fact Check"


def test_unknown_rating_name_falls_back_on_its_value_and_says_so(tmp_path: Path) -> None:
    review = {"@context": "https://schema.org", "@type": "ClaimReview", "claimReviewed": "Bats are blind.",
              "reviewRating": {"@type": "Rating", "ratingValue": "0", "bestRating": "10", "worstRating": "0",
                               "alternateName": "Zombie claim"}}  # fmt: skip
    (tmp_path / "cr.json").write_text(json.dumps(review), encoding="utf-8")
    doc = import_claimreview(tmp_path / "cr.json")
    assert present(doc.claims[0].verdict).rating is Rating.FALSE and "Zombie claim" in doc.claims[0].note
    assert any("'zombie claim'" in p.message.casefold() and "ratingValue" in p.message for p in doc.problems)


def test_a_known_label_keeps_its_own_wording(reviews: Document) -> None:
    claim = reviews.claims[1]
    assert present(claim.verdict).rating is Rating.FALSE and not any(
        "Pants" in p.message for p in reviews.problems
    )
    assert reviews.extra["claimreview"][claim.id]["reviewRating"]["alternateName"] == "Pants on Fire"
    assert present(reviews.claims[2].verdict).rating is Rating.UNVERIFIABLE


def test_round_trip_through_claimreview_keeps_verdicts(seed_doc: Document, tmp_path: Path) -> None:
    out, _ = export_claimreview(seed_doc)
    (tmp_path / "cr.json").write_text(json.dumps(out), encoding="utf-8")
    (tmp_path / "t.txt").write_text(seed_doc.text, encoding="utf-8")
    again = import_claimreview(tmp_path / "cr.json", text_path=tmp_path / "t.txt")
    rated = [c for c in seed_doc.claims if c.verdict]
    assert [c.id for c in again.claims] == [c.id for c in rated]
    for new, old in zip(again.claims, rated, strict=True):
        new_verdict, old_verdict = present(new.verdict), present(old.verdict)
        assert new_verdict.rating is old_verdict.rating
        assert new_verdict.explanation == old_verdict.explanation
        assert (new.span.start, new.span.end) == (old.span.start, old.span.end)
    assert not [p for p in again.problems if "rating" in p.message]


def test_import_onto_a_base_briefing_reuses_its_sources(seed_doc: Document, tmp_path: Path) -> None:
    out, _ = export_claimreview(seed_doc)
    (tmp_path / "cr.json").write_text(json.dumps(out), encoding="utf-8")
    base = Document(
        seed_doc.path, seed_doc.id, seed_doc.title, "fr", seed_doc.text, sources=list(seed_doc.sources)
    )
    again = import_claimreview(tmp_path / "cr.json", base=base)
    assert len(again.sources) == len(seed_doc.sources)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"@type": "Thing"}, "$: no ClaimReview found"),
        ([{"@type": "ClaimReview", "claimReviewed": 3}], "$[0].claimReviewed: must be a string"),
        ([{"@type": "ClaimReview", "claimReviewed": "x", "reviewRating": "5"}], "$[0].reviewRating: must be"),
        ([{"@type": "ClaimReview", "claimReviewed": "x", "reviewRating": {"ratingValue": "high"}}],
         "$[0].reviewRating.ratingValue: must be a number"),
        ([{"@type": "ClaimReview"}], "$[0]: the review has neither"),
        ([{"@type": "ClaimReview", "claimReviewed": "x", "itemReviewed": []}], "$[0].itemReviewed: must be"),
    ],
)  # fmt: skip
def test_invalid_input_is_a_json_path_message(tmp_path: Path, data: object, message: str) -> None:
    (tmp_path / "cr.json").write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(LoadError) as info:
        import_claimreview(tmp_path / "cr.json")
    assert info.value.problems[0].message.startswith(message)


def test_import_reads_the_fact_check_tools_api_shape(fixtures: Path) -> None:
    doc = import_claimreview(fixtures / "claimreview" / "factcheck_api.json")
    first, second = doc.claims
    verdict = present(first.verdict)
    assert verdict.rating is Rating.MOSTLY_SUPPORTED and verdict.reviewed == "2024-09-20"
    assert "Said by U.S. Department of Defense" in first.note
    assert doc.text[first.span.start : first.span.end] == "US troops will leave Niger by September 15, 2024"
    assert second.verdict is not None and second.verdict.rating is Rating.MISLEADING  # "Needs context"
    assert doc.extra["claimreview"][second.id]["reviewRating"]["alternateName"] == "Needs context"


def test_two_reviews_of_one_claim_share_its_paragraph(fixtures: Path) -> None:
    doc = import_claimreview(fixtures / "claimreview" / "factcheck_api.json")
    assert doc.text == "US troops will leave Niger by September 15, 2024"
    assert doc.claims[0].span.start == doc.claims[1].span.start == 0
