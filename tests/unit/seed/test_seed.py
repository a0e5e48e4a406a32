"""The bundled seed briefing: its text is the article's, and its annotation is complete and exact."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from briefing_tui.files import load_paths
from briefing_tui.model import AnchorStatus, Document, Rating, load_document
from briefing_tui.model.types import Claim, Event

ROOT = Path(__file__).resolve().parents[3]
SEEDS = ROOT / "seeds"
ARTICLE = SEEDS / "000_795bd620279ba71d.txt"
BRIEFING = SEEDS / "niger-us-withdrawal.yaml"

# Every named entity of the facts: id -> (a name or alias used in the text, Wikidata QID or status).
ENTITIES = {
    "united-states": ("États-Unis", "Q30"),
    "niger": ("Niger", "Q1032"),
    "niamey": ("Niamey", "Q3674"),
    "fitzgibbon": ("Kathleen FitzGibbon", "not-found"),
    "ekman": ("Ken Ekman", "not-found"),
    "africom": ("Commandement des États-Unis pour l’Afrique", "unverified"),
    "africa": ("Afrique", "Q15"),
    "cnsp": ("junte militaire", "unverified"),
    "campbell": ("Kurt M. Campbell", "unverified"),
    "state-department": ("Département d’État", "Q789915"),
    "july-2023": ("juillet 2023", None),
    "coming-months": ("les prochains mois", None),
}

VERDICTS = {
    "C1": Rating.SUPPORTED,
    "C2": Rating.SUPPORTED,
    "C3": Rating.SUPPORTED,
    "C4": Rating.SUPPORTED,
    "C5": Rating.SUPPORTED,
    "C6": Rating.SUPPORTED,
    "C7": Rating.PARTLY_SUPPORTED,
    "C8": Rating.OUTDATED,
    "C9": Rating.SUPPORTED,
    "C10": Rating.SUPPORTED,
    "C11": Rating.OPINION,
    "C12": Rating.OUTDATED,
    "C13": Rating.PARTLY_SUPPORTED,
    "C14": Rating.MISLEADING,
    "C15": Rating.OUTDATED,
}

SOURCES = {
    "S-state-0424",
    "S-joint-0519",
    "S-africom-101",
    "S-dvids-101",
    "S-africom-201",
    "S-africom-end",
    "S-cnsp-0316",
    "S-fitzgibbon",
    "S-campbell-conf",
    "S-apa-0515",
    "S-campbell-trip",
    "S-voa-0424",
    "S-ryder-0423",
    "S-afp-0420",
    "S-cameroon-tribune",
    "S-cnsp-post",
    "S-ooda-0726",
    "S-nova-0813",
    "S-state-0819",
}

# Sources whose original address was not found: the copies are mirrors, and `url` is unverified.
ORIGINAL_NOT_FOUND = {
    "S-state-0424",
    "S-joint-0519",
    "S-africom-end",
    "S-fitzgibbon",
    "S-state-0819",
    "S-afp-0420",
    "S-cnsp-post",
    "S-apa-0515",
}

# The timeline of the facts: EDTF date -> whether the article mentions the event.
TIMELINE = {
    "2023-07-26": False,
    "2023-07-27": False,
    "2023-07": True,
    "2023-08-19": False,
    "2024-02-06": False,
    "2024-03-16": False,
    "2024-04-19": False,
    "2024-04-24": True,
    "2024-04-25": True,
    "2024-04-29/2024-05-03": True,
    "[2024-04-25..]": True,
    "2024-05-15/2024-05-19": False,
    "2024-05-19": False,
    "2024-07-07": False,
    "2024-08-05": False,
    "2024-09-16": False,
}


@pytest.fixture(scope="module")
def doc() -> Document:
    return load_document(BRIEFING)


def _spans(doc: Document):
    for entity in doc.entities:
        for span in entity.mentions:
            yield f"entity {entity.id}", span
    for event in doc.events:
        for span in event.mentions:
            yield f"event {event.id}", span
    for claim in doc.claims:
        yield f"claim {claim.id}", claim.span


def test_text_is_the_article_character_for_character(doc: Document) -> None:
    article = ARTICLE.read_bytes().decode("utf-8")
    assert doc.text == article
    assert not doc.text.endswith("\n")  # `|-`: the block scalar adds no newline


def test_title_is_the_first_line_of_the_article(doc: Document) -> None:
    assert doc.title == doc.text.split("\n", 1)[0]
    assert doc.language == "fr"
    assert doc.id == "niger-us-withdrawal"


def test_loads_without_problems(doc: Document) -> None:
    assert [p.format() for p in doc.problems] == []


def test_every_span_is_exact_and_equals_its_quote(doc: Document) -> None:
    for where, span in _spans(doc):
        assert span.status is AnchorStatus.EXACT, where
        if span.selector.exact is not None:
            assert doc.text[span.start : span.end] == span.selector.exact, where


def test_counts_match_the_facts(doc: Document) -> None:
    assert len(doc.claims) == 15
    assert len(doc.events) == 16
    assert {s.id for s in doc.sources} == SOURCES
    assert {e.id for e in doc.entities} == set(ENTITIES)


@pytest.mark.parametrize("entity_id", sorted(ENTITIES))
def test_entity_name_and_wikidata(doc: Document, entity_id: str) -> None:
    entity = doc.entity(entity_id)
    assert entity is not None
    name, wikidata = ENTITIES[entity_id]
    assert name in [entity.name, *entity.aliases]
    if wikidata is not None and wikidata.startswith("Q"):
        assert (entity.wikidata, entity.wikidata_status) == (wikidata, "")
    else:
        assert (entity.wikidata, entity.wikidata_status) == (None, wikidata or "")


def test_implicit_state_department_has_no_mention(doc: Document) -> None:
    entity = doc.entity("state-department")
    assert entity is not None and entity.mentions == []


@pytest.mark.parametrize("entity_id", sorted(ENTITIES))
def test_every_occurrence_of_a_name_or_alias_is_a_mention(doc: Document, entity_id: str) -> None:
    entity = doc.entity(entity_id)
    assert entity is not None
    covered = [(m.start, m.end) for m in entity.mentions]
    for name in [entity.name, *entity.aliases]:
        for found in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", doc.text):
            assert any(s <= found.start() and found.end() <= e for s, e in covered), (
                f"{name!r} at {found.start()} is not a mention of {entity_id}"
            )


def test_mentions_follow_the_facts(doc: Document) -> None:
    def mentions(entity_id: str) -> list[str]:
        entity = doc.entity(entity_id)
        assert entity is not None
        return [doc.text[m.start : m.end] for m in entity.mentions]

    assert mentions("united-states").count("États-Unis") == 6
    assert "Washington" in mentions("united-states")
    assert mentions("niger") == ["Niger"] * 8
    assert mentions("niamey") == ["Niamey"] * 3
    assert mentions("cnsp") == ["junte militaire"]
    assert mentions("africa") == ["Afrique"]
    assert mentions("coming-months") == ["les prochains mois"]


@pytest.mark.parametrize("claim_id", sorted(VERDICTS))
def test_every_claim_has_its_verdict_gloss_and_review_date(doc: Document, claim_id: str) -> None:
    claim = doc.claim(claim_id)
    assert claim is not None
    assert claim.verdict is not None
    assert claim.verdict.rating is VERDICTS[claim_id]
    assert claim.verdict.explanation
    assert str(claim.verdict.reviewed) == "2026-12-05"
    assert claim.gloss


@pytest.mark.parametrize(
    ("claim_id", "quote"),
    [
        ("C1", "l’ambassadrice des États-Unis au Niger, Kathleen FitzGibbon"),
        ("C4", "Les discussions en cours depuis juillet 2023 n’avaient pas abouti"),
        ("C8", "des réunions de suivi auront lieu à Niamey"),
        ("C11", "vers une nouvelle ère de coopération internationale"),
        ("C12", "s’il se concrétise"),
        ("C14", "nouvel équilibre de la présence militaire américaine"),
        ("C15", "les pourparlers en cours"),
    ],
)
def test_claims_are_anchored_where_the_article_says_it(doc: Document, claim_id: str, quote: str) -> None:
    claim = doc.claim(claim_id)
    assert claim is not None
    assert quote in doc.text[claim.span.start : claim.span.end]


def test_claim_12_stands_for_the_whole_article_on_its_conditional_only(doc: Document) -> None:
    claim = doc.claim("C12")
    assert claim is not None
    said = doc.text[claim.span.start : claim.span.end]
    assert said == "Le retrait des troupes américaines du Niger, s’il se concrétise"
    assert "whole" in claim.gloss
    assert [r.source for r in claim.sources] == ["S-africom-end"]


def test_claim_3_is_split_into_the_talks_and_the_meetings(doc: Document) -> None:
    talks, meetings = doc.claim("C3"), doc.claim("C13")
    assert talks is not None and meetings is not None
    said = doc.text[talks.span.start : talks.span.end]
    assert said == (
        "des discussions ont été entamées à Niamey concernant le retrait des troupes américaines du pays"
    )
    assert [r.source for r in talks.sources] == ["S-ryder-0423"] and not talks.unverified
    said = doc.text[meetings.span.start : meetings.span.end]
    assert said.startswith("Ce processus, entamé lors de réunions")
    assert said.endswith("avec des représentants de la junte militaire")
    assert meetings.unverified == ["meeting-held"]
    assert talks.span.end < meetings.span.start


def test_new_claims_cite_what_settles_them(doc: Document) -> None:
    c14, c15 = doc.claim("C14"), doc.claim("C15")
    assert c14 is not None and [r.source for r in c14.sources] == ["S-africom-end"]
    assert c15 is not None and [r.source for r in c15.sources] == ["S-joint-0519"]


def test_claim_6_cites_the_sources_that_say_orderly_and_responsible(doc: Document) -> None:
    claim = doc.claim("C6")
    assert claim is not None and claim.verdict is not None
    assert [(r.source, r.passage) for r in claim.sources] == [
        ("S-state-0424", "orderly and responsible withdrawal"),
        ("S-africom-101", "safe, orderly, and responsible"),
    ]
    assert "orderly and safe" in claim.verdict.explanation  # what the joint statement says instead


def test_claim_sources_follow_the_facts(doc: Document) -> None:
    def sources(claim_id: str) -> list[str]:
        claim = doc.claim(claim_id)
        assert claim is not None
        return [r.source for r in claim.sources]

    assert sources("C1") == ["S-state-0424", "S-fitzgibbon"]
    assert sources("C8") == ["S-state-0424", "S-joint-0519", "S-apa-0515"]
    assert sources("C9") == ["S-state-0424", "S-voa-0424", "S-campbell-trip"]
    c9 = doc.claim("C9")
    assert c9 is not None and c9.sources[2].stance.value == "context"  # the trip did not include Niamey
    assert sources("C11") == []
    c5 = doc.claim("C5")
    assert c5 is not None and c5.sources[0].passage == "in Niger and the region"


def test_timeline_has_every_event_of_the_facts(doc: Document) -> None:
    by_date = {e.date.text: e for e in doc.events}
    assert set(by_date) == set(TIMELINE)
    for date, in_article in TIMELINE.items():
        assert by_date[date].background is not in_article, date
        assert by_date[date].sources, date


@pytest.mark.parametrize(
    ("event_id", "quote"),
    [
        ("talks-begin", "juillet 2023"),
        ("follow-up-meetings", "des réunions de suivi"),
        ("campbell-visit", "dans les prochains mois"),
    ],
)
def test_article_events_are_mentioned(doc: Document, event_id: str, quote: str) -> None:
    event = next(e for e in doc.events if e.id == event_id)
    assert [doc.text[m.start : m.end] for m in event.mentions] == [quote]


def test_references_resolve(doc: Document) -> None:
    source_ids = {s.id for s in doc.sources}
    items: list[Claim | Event] = [*doc.claims, *doc.events]
    for item in items:
        for ref in item.sources:
            assert ref.source in source_ids, (item.id, ref.source)
    for source in doc.sources:
        assert source.title and source.publisher and source.date and source.kind, source.id
        assert source.url or source.mirrors or "url" in source.unverified, source.id


def test_entity_references_resolve(doc: Document) -> None:
    entity_ids = {e.id for e in doc.entities}
    items: list[Claim | Event] = [*doc.claims, *doc.events]
    for item in items:
        assert set(item.entities) <= entity_ids, item.id


def test_the_seeds_folder_loads_as_a_collection(doc: Document) -> None:
    collection = load_paths([SEEDS])
    assert collection.failed == {}
    assert [d.id for d in collection.documents] == [doc.id]


def test_published_is_the_interval_the_text_allows_with_a_note(doc: Document) -> None:
    assert doc.published == "2024-04-24/2024-05-19"
    assert "undated" in doc.note and "2024-04-24" in doc.note and "2024-05-19" in doc.note


@pytest.mark.parametrize("source_id", sorted(SOURCES))
def test_originals_are_urls_and_copies_are_mirrors(doc: Document, source_id: str) -> None:
    source = doc.source(source_id)
    assert source is not None
    assert ("url" in source.unverified) is (source_id in ORIGINAL_NOT_FOUND)
    copies = ("localnews8.com", "allafrica.com", "googleapis.com", "azurewebsites.net", "urdupoint.com")
    assert not any(host in (source.url or "") for host in copies)


def test_timeline_sources_follow_the_second_review(doc: Document) -> None:
    events = {e.id: e for e in doc.events}

    def sources(event_id: str) -> list[str]:
        return [r.source for r in events[event_id].sources]

    assert sources("washington-agreement") == ["S-afp-0420", "S-cameroon-tribune"]
    assert {"niger", "cnsp"} <= set(events["washington-agreement"].entities)
    assert sources("fitzgibbon-confirmed") == ["S-nova-0813"]
    assert sources("coup-2023") == ["S-ooda-0726"]
    visit = events["campbell-visit"]
    assert (visit.date.text, visit.date.lower, visit.date.upper) == ("[2024-04-25..]", "2024-04-25", None)


def test_timeline_sorts_the_visit_after_the_meeting_it_follows(doc: Document) -> None:
    ordered = [e.id for e in sorted(doc.events, key=lambda e: e.date.sort_key)]
    visit = ordered.index("campbell-visit")
    assert ordered.index("meeting-0425") < visit < ordered.index("follow-up-meetings")


def test_unverified_facts_are_marked(doc: Document) -> None:
    state = doc.source("S-state-0424")
    assert state is not None
    assert state.url == "https://www.state.gov/on-the-withdrawal-of-u-s-troops-from-niger/"
    assert state.unverified == ["url"]
    assert any("djayanews.com" in m for m in state.mirrors)
    assert any("leral.net" in m for m in state.mirrors)
    events = {e.id: e for e in doc.events}
    assert events["meeting-0425"].date.text == "2024-04-25"
    assert events["meeting-0425"].unverified == ["occurred"]
    assert events["campbell-visit"].unverified == ["occurred"]
    assert events["follow-up-meetings"].unverified == ["occurred"]
    c13, c9 = doc.claim("C13"), doc.claim("C9")
    assert c13 is not None and c13.unverified == ["meeting-held"]
    assert c9 is not None and c9.unverified == ["visit-held"]
