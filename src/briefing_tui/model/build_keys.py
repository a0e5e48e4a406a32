"""The keys each part of a briefing may have (docs/format.md), for the Builder."""

from __future__ import annotations

TOP = frozenset(
    [
        "format",
        "id",
        "title",
        "language",
        "published",
        "publisher",
        "url",
        "authors",
        "note",
        "text",
        "entities",
        "events",
        "claims",
        "sources",
        "extra",
    ]
)
ENTITY = frozenset(
    ["id", "name", "type", "aliases", "description", "wikidata", "date", "mentions", "unverified", "note"]
    + ["draft"]
)
EVENT = frozenset(["id", "label", "date", "mentions", "entities", "sources", "unverified", "note", "draft"])
CLAIM = frozenset(["id", "span", "gloss", "entities", "sources", "verdict", "unverified", "note", "draft"])
VERDICT = frozenset(["rating", "explanation", "reviewed"])
SOURCE = frozenset(
    [
        "id",
        "title",
        "publisher",
        "author",
        "date",
        "url",
        "mirrors",
        "kind",
        "document",
        "span",
        "entity",
        "unverified",
        "note",
        "draft",
    ]
)
ENTITY_REST = frozenset(["aliases", "description", "unverified", "note", "draft"])
EVENT_REST = frozenset(["unverified", "note", "draft"])
CLAIM_REST = frozenset(["gloss", "unverified", "note", "draft"])
"""The keys of an entity, an event or a claim that most leave out: read only when written."""
