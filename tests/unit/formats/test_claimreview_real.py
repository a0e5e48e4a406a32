"""ClaimReview on real files: the labels fact-checkers publish, and a round trip that keeps every field."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.support.checks import present

from briefing_tui.formats.claimreview import export_claimreview, import_claimreview
from briefing_tui.formats.rating_labels import rating_for_label
from briefing_tui.model import Rating

REAL = Path(__file__).resolve().parents[2] / "fixtures" / "real" / "claimreview"


@pytest.mark.parametrize(
    ("label", "rating"),
    [
        ("Mostly False", Rating.MISLEADING), ("Pants on Fire!", Rating.FALSE),
        ("Mixture", Rating.PARTLY_SUPPORTED),
        ("Half True", Rating.PARTLY_SUPPORTED), ("Misleading", Rating.MISLEADING),
        ("False Context", Rating.MISLEADING), ("Faux", Rating.FALSE), ("Trompeur", Rating.MISLEADING),
        ("Vrai", Rating.SUPPORTED), ("Plutôt faux", Rating.MISLEADING),
        ("Manque de contexte", Rating.MISLEADING),
        ("Falso", Rating.FALSE), ("Vildledende", Rating.MISLEADING), ("Engañoso", Rating.MISLEADING),
        ("Enganoso", Rating.MISLEADING), ("Irreführend", Rating.MISLEADING), ("Verdadeiro", Rating.SUPPORTED),
        ("Mostly True", Rating.MOSTLY_SUPPORTED), ("Unfounded", Rating.UNSUPPORTED),
        ("False. There is no evidence to support these online claims", Rating.FALSE),
        ("Three Pinocchios", Rating.MISLEADING), ("Needs Context", Rating.MISLEADING),
    ],
)  # fmt: skip
def test_labels_of_the_signatories_feeds_map(label: str, rating: Rating) -> None:
    assert rating_for_label(label) is rating


def test_every_review_of_the_api_response_gets_a_verdict_with_its_own_label() -> None:
    doc = import_claimreview(REAL / "factcheck-api.json")
    assert [c.verdict.rating for c in doc.claims if c.verdict] == [
        Rating.FALSE, Rating.MISLEADING, Rating.MISLEADING, Rating.FALSE, Rating.MISLEADING,
    ]  # fmt: skip
    labels = [doc.extra["claimreview"][c.id]["reviewRating"]["alternateName"] for c in doc.claims]
    assert labels == ["Pants on Fire!", "Cherry Picks", "Plutôt faux", "Falso", "Vildledende"]
    assert doc.title == "Claims reviewed by PolitiFact, FactCheck.org, AFP Factuel and 2 more"


def test_each_review_stays_credited_to_its_own_publisher(tmp_path: Path) -> None:
    doc = import_claimreview(REAL / "factcheck-api.json")
    reviews, _ = export_claimreview(doc)
    assert [r["author"]["name"] for r in reviews] == [
        "PolitiFact", "FactCheck.org", "AFP Factuel", "Maldita.es", "TjekDet",
    ]  # fmt: skip
    assert [r["reviewRating"]["alternateName"] for r in reviews][:2] == ["Pants on Fire!", "Cherry Picks"]


def test_the_round_trip_keeps_every_field_of_googles_example(tmp_path: Path) -> None:
    original = json.loads((REAL / "google-example.json").read_text(encoding="utf-8"))
    doc = import_claimreview(REAL / "google-example.json")
    assert present(doc.claims[0].verdict).rating is Rating.MISLEADING
    (review,), _ = export_claimreview(doc)
    for key in ("url", "author", "datePublished", "claimReviewed"):
        assert review[key] == original[key], key
    assert review["datePublished"] == "2016-07-01T14:30:00+02:00"  # its time zone too
    for key in ("author", "datePublished", "appearance", "firstAppearance"):
        assert review["itemReviewed"][key] == original["itemReviewed"][key], key
    assert review["reviewRating"] == original["reviewRating"]
    (tmp_path / "again.json").write_text(json.dumps([review]), encoding="utf-8")
    (again,), _ = export_claimreview(import_claimreview(tmp_path / "again.json"))
    assert {k: v for k, v in again.items() if k != "identifier"} == {
        k: v for k, v in review.items() if k != "identifier"
    }


def test_an_export_with_no_url_or_author_says_what_google_requires(seed_doc) -> None:  # noqa: ANN001
    _, warnings = export_claimreview(seed_doc)
    joined = "\n".join(warnings)
    assert "have no url, which Google's fact-check rich result requires" in joined
    assert "have no author, which Google's fact-check rich result requires" in joined
    assert "--author" in joined
