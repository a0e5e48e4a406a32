"""Build a Document from the composed YAML nodes of one file, checking everything the format says."""

from __future__ import annotations

import re
from array import array
from collections.abc import Callable, MutableSequence
from functools import partial
from pathlib import Path

from briefing_tui.model.anchoring import Anchorer
from briefing_tui.model.build_keys import (
    CLAIM,
    CLAIM_REST,
    ENTITY,
    ENTITY_REST,
    EVENT,
    EVENT_REST,
    SOURCE,
    TOP,
)
from briefing_tui.model.build_quick import QuickBuilder
from briefing_tui.model.build_refs import UNVERIFIED_ALL, FieldReader
from briefing_tui.model.build_spans import SpanReader, text_locator
from briefing_tui.model.build_verdict import VerdictReader
from briefing_tui.model.empty_lists import NOT_YET
from briefing_tui.model.fields import Fields, describe
from briefing_tui.model.pieces import LISTS, LazySequence
from briefing_tui.model.quick_items import KINDS, QuickClaim, QuickEntity, QuickEvent, read_piece
from briefing_tui.model.safe_yaml import MappingNode, Node, Problems, ScalarNode
from briefing_tui.model.types import (
    Claim,
    Document,
    EdtfDate,
    Entity,
    Event,
    Source,
)

FORMAT_VERSION = "1"
QID = re.compile(r"Q[1-9][0-9]*")
WIKIDATA_STATUS = ("not-found", "unverified")
LANGUAGE = re.compile(r"[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*")
Head = tuple[dict[str, Node], str | None, str | None, str | None, str | None, EdtfDate | None]
"""The document's fields, then its id, title, language, text and publication date as read."""
QUICK = True
"""Entities, events and claims in the usual shape read without the parser (``quick_items``): False
reads every one from its nodes (the tests compare the two)."""
ClaimsApart = Callable[["Builder", Node | None], MutableSequence[Claim] | None]
"""A document's claims from their node, built in part elsewhere (``split_load.claims_with``)."""


class Builder(SpanReader, FieldReader, VerdictReader, QuickBuilder):
    """One file's nodes to one Document. Problems go to ``problems``; the caller decides.

    Spans are read by ``SpanReader``, ids, dates and references by ``FieldReader``, verdicts by
    ``VerdictReader``; the annotations and the document are built here.
    """

    def __init__(self, path: Path, source: str, problems: Problems) -> None:
        self.path = path
        self.yaml_text = source
        self.problems = problems
        self.f = Fields(problems)
        self.anchorer = Anchorer("")
        self.text_length = 0
        self.text_unread = False  # no text to anchor spans in: their form is checked, not their place
        # Places, not nodes: a node's line is only known while its piece of the file is read. Kept
        # as integers (``FieldReader.declare``): a large file has tens of thousands of each.
        self.ids: dict[str, int] = {}  # id -> its kind and where it is declared
        self.refs: list[str] = []  # ids referred to, checked at the end
        self.ref_places = array("q")  # the kind (its place in ``KINDS``), line and column of each
        self.dates: dict[str, EdtfDate] = {}  # each date written, parsed once
        self.said = {}  # verdicts by what they say (``VerdictReader``)

    # -- annotations -----------------------------------------------------------------------------------

    def entity(self, node: Node | QuickEntity) -> Entity | None:
        if type(node) is QuickEntity:
            return self.quick_entity(node)
        assert isinstance(node, Node)
        f = self.f
        line, column = self.problems.at(node)
        fields = f.mapping(node, ENTITY, "an entity", ("id", "name", "type"))
        if fields is None:
            return None
        get = fields.get
        ident = f.ident(get("id"), "entity id")
        self.declare(ident, get("id"), "entity")
        name = f.text(get("name"), "entity name", empty_ok=False)
        kind = f.text(get("type"), "entity type", empty_ok=False)
        qid, status = None, ""
        if "wikidata" in fields:
            value = f.text(fields["wikidata"], "wikidata")
            if value is not None and QID.fullmatch(value):
                qid = value
            elif value in WIKIDATA_STATUS:
                status = value
            elif value is not None:
                self.problems.error(
                    fields["wikidata"],
                    f"wikidata '{value[:40]}' is not a QID",
                    "write a QID such as Q30, or not-found, or unverified",
                    "bad-wikidata",
                )
        what = f"entity '{ident}'" if ident else "an entity"
        when = self.edtf(get("date"), f"the date of {what}") if "date" in fields else None
        if when is not None and kind is not None and kind != "date":
            self.problems.warning(
                fields["date"],
                f"{what} has a date but its type is {kind[:40]}",
                "date: is the value of an entity of type date; use an event for what happened when",
                "date-on-non-date",
            )
        mentions = self.mentions(get("mentions"), what)
        if ident is None or name is None or kind is None:
            return None
        if fields.keys().isdisjoint(ENTITY_REST):  # the usual entity: none of them written
            day = when.text if when else None
            return Entity(
                ident, name, kind, NOT_YET, "", qid, status, mentions, NOT_YET, "", day, False, line, column
            )
        return Entity(
            ident,
            name,
            kind,
            aliases=f.texts(fields.get("aliases"), "aliases") or NOT_YET,
            description=f.text(fields.get("description"), "description") or "",
            wikidata=qid,
            wikidata_status=status,
            mentions=mentions,
            unverified=self.unverified(fields.get("unverified"), what) or NOT_YET,
            note=f.text(fields.get("note"), "note") or "",
            date=when.text if when else None,
            draft=self.draft(fields.get("draft")),
            line=line,
            column=column,
        )

    def event(self, node: Node | QuickEvent) -> Event | None:
        if type(node) is QuickEvent:
            return self.quick_event(node)
        assert isinstance(node, Node)
        f = self.f
        line, column = self.problems.at(node)
        fields = f.mapping(node, EVENT, "an event", ("id", "label", "date"))
        if fields is None:
            return None
        get = fields.get
        ident = f.ident(get("id"), "event id")
        self.declare(ident, get("id"), "event")
        label = f.text(get("label"), "event label", empty_ok=False)
        when = self.edtf(get("date"), "event date")
        what = f"event '{ident}'" if ident else "an event"
        mentions = self.mentions(get("mentions"), what)
        sources = self.source_refs(get("sources"), what)
        entities = self.entity_refs(get("entities"), what)
        if ident is None or label is None or when is None:
            return None
        if fields.keys().isdisjoint(EVENT_REST):  # the usual event: none of them written
            return Event(
                ident, label, when, mentions, sources, entities or NOT_YET, NOT_YET, "", False, line, column
            )
        return Event(
            ident,
            label,
            when,
            mentions=mentions,
            sources=sources,
            entities=entities or NOT_YET,
            unverified=self.unverified(fields.get("unverified"), what) or NOT_YET,
            note=f.text(fields.get("note"), "note") or "",
            draft=self.draft(fields.get("draft")),
            line=line,
            column=column,
        )

    def claim(self, node: Node | QuickClaim) -> Claim | None:
        if type(node) is QuickClaim:
            return self.quick_claim(node)
        assert isinstance(node, Node)
        f = self.f
        line, column = self.problems.at(node)
        fields = f.mapping(node, CLAIM, "a claim", ("id", "span"))
        if fields is None:
            return None
        get = fields.get
        ident = f.ident(get("id"), "claim id")
        self.declare(ident, get("id"), "claim")
        what = f"claim '{ident}'" if ident else "a claim"
        span = None
        if "span" in fields:
            span = self._compact(fields["span"]) or self.span(fields["span"], f"the span of {what}")
        sources = self.source_refs(get("sources"), what)
        entities = self.entity_refs(get("entities"), what)
        verdict = self.verdict(fields["verdict"]) if "verdict" in fields else None
        if ident is None or span is None:
            return None
        if fields.keys().isdisjoint(CLAIM_REST):  # the usual claim: none of them written
            return Claim(
                ident, span, sources, verdict, "", entities or NOT_YET, NOT_YET, "", False, line, column
            )
        return Claim(
            ident,
            span,
            sources=sources,
            verdict=verdict,
            gloss=f.text(get("gloss"), "gloss") or "",
            entities=entities or NOT_YET,
            unverified=self.unverified(get("unverified"), what) or NOT_YET,
            note=f.text(get("note"), "note") or "",
            draft=self.draft(get("draft")),
            line=line,
            column=column,
        )

    def source(self, node: Node) -> Source | None:
        f = self.f
        line, column = self.problems.at(node)
        fields = f.mapping(node, SOURCE, "a source", ("id",))
        if fields is None:
            return None
        ident = f.ident(fields.get("id"), "source id")
        self.declare(ident, fields.get("id"), "source")
        what = f"source '{ident}'" if ident else "a source"
        when = self.edtf(fields.get("date"), f"{what} date")
        document = f.ident(fields.get("document"), "document") if "document" in fields else None
        span = None
        if "span" in fields:
            if "document" not in fields:
                self.problems.error(
                    fields["span"],
                    f"{what} has a span but no document",
                    "add document: the id of the document the span is in",
                    "span-without-document",
                )
            else:
                span = self.selector(fields["span"], f"the span of {what}")
        entity = None
        if "entity" in fields:
            entity = f.ident(fields["entity"], "entity")
            if entity is not None:
                self.refer("entity", entity, self.problems.at(fields["entity"]))
        if ident is None:
            return None
        return Source(
            ident,
            title=f.text(fields.get("title"), "title") or "",
            publisher=f.text(fields.get("publisher"), "publisher") or "",
            author=f.text(fields.get("author"), "author") or "",
            date=when.text if when else None,
            url=self.url(fields.get("url"), "url"),
            mirrors=[u for n in f.sequence(fields.get("mirrors"), "mirrors") if (u := self.url(n, "mirror"))],
            kind=f.text(fields.get("kind"), "kind") or "",
            document=document,
            span=span,
            entity=entity,
            unverified=self.unverified(fields.get("unverified"), what),
            note=f.text(fields.get("note"), "note") or "",
            draft=self.draft(fields.get("draft")),
            line=line,
            column=column,
        )

    # -- the document ----------------------------------------------------------------------------------

    def head(self, root: Node) -> Head | None:
        """The document's own fields, its text made the one annotations are anchored in; None when
        the root is not a mapping.

        A text missing or not text is reported, and the rest of the file is read all the same, for
        its own problems: only the spans cannot be checked against the text, which is said once."""
        f = self.f
        fields = f.mapping(root, TOP, "the document", ("id", "title", "language", "text"))
        if fields is None:
            return None
        if "format" in fields:
            version = fields["format"]
            if not isinstance(version, ScalarNode) or version.value != FORMAT_VERSION:
                self.problems.error(
                    version,
                    f"format {describe(version)} is not a version this program reads ({FORMAT_VERSION})",
                    "write format: 1, or update briefing",
                    "format-version",
                )
        ident = f.ident(fields.get("id"), "document id")
        title = f.text(fields.get("title"), "title")
        language = f.text(fields.get("language"), "language")
        if language is not None and not LANGUAGE.fullmatch(language):
            self.problems.error(
                fields["language"],
                f"language '{language[:40]}' is not a BCP 47 tag",
                "write e.g. fr, en, fr-FR",
                "bad-language",
            )
        text = f.text(fields.get("text"), "text")
        published = self.edtf(fields.get("published"), "published") if "published" in fields else None
        if text is not None:
            text_node = fields["text"]
            assert isinstance(text_node, ScalarNode)
            line = self.problems.at(text_node)[0]
            self.anchorer = Anchorer(text, text_locator(text_node, self.yaml_text, text, line))
            self.text_length = len(text)
        else:  # the problem is already reported: read on, every span left where it is written
            self.text_unread = True
            if not LISTS.isdisjoint(fields):
                written = "text" in fields
                self.problems.warning(
                    fields.get("text", root),
                    "the spans were not checked: "
                    + ("the text could not be read" if written else "the document has no text"),
                    "correct the text, then validate again" if written else "add text:, then validate again",
                    "spans-unchecked",
                )
        for name in KINDS if QUICK else ():
            items = fields.get(name)
            if isinstance(items, LazySequence):  # (read in pieces)
                items.pieces.quick = partial(read_piece, name, length=self.text_length)
        self.yaml_text = ""  # what was needed of it is read: the caller may free the file's text
        return fields, ident, title, language, text, published

    def document(self, root: Node, claims_apart: ClaimsApart | None = None) -> Document | None:
        """The Document of ``root``. ``claims_apart``: the claims, given their node after the events,
        built in part elsewhere from the same file (``model.split_load``); None (or it answering
        None) builds them here."""
        head = self.head(root)
        if head is None:
            return None
        f = self.f
        fields, ident, title, language, text, published = head
        entities = [e for n in f.sequence(fields.get("entities"), "entities") if (e := self.entity(n))]
        events = [v for n in f.sequence(fields.get("events"), "events") if (v := self.event(n))]
        claims_node = fields.get("claims")
        claims = claims_apart(self, claims_node) if claims_apart is not None else None
        if claims is None:
            claims = [c for n in f.sequence(claims_node, "claims") if (c := self.claim(n))]
        sources = [s for n in f.sequence(fields.get("sources"), "sources") if (s := self.source(n))]
        self._check_references()
        extra = self.extra(fields.get("extra"))
        if ident is None or title is None or language is None or text is None:
            return None
        return Document(
            path=self.path,
            id=ident,
            title=title,
            language=language,
            text=text,
            published=published.text if published else None,
            publisher=f.text(fields.get("publisher"), "publisher") or "",
            url=self.url(fields.get("url"), "url"),
            authors=f.texts(fields.get("authors"), "authors"),
            note=f.text(fields.get("note"), "note") or "",
            entities=entities,
            events=events,
            claims=claims,
            sources=sources,
            extra=extra,
        )


__all__ = ["Builder", "FORMAT_VERSION", "MappingNode", "UNVERIFIED_ALL"]
