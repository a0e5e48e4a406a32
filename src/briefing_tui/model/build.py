"""Build a Document from the composed YAML nodes of one file, checking everything the format says."""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from briefing_tui.model.anchoring import Anchorer
from briefing_tui.model.dates import parse_edtf
from briefing_tui.model.fields import NULLS, Fields, describe, suggest
from briefing_tui.model.plain import plain_data
from briefing_tui.model.safe_yaml import MappingNode, Node, Problems, ScalarNode, SequenceNode
from briefing_tui.model.types import (
    AnchorStatus,
    Claim,
    Document,
    EdtfDate,
    Entity,
    Event,
    Rating,
    Selector,
    Source,
    SourceRef,
    Span,
    Stance,
    Verdict,
)

EXACT = AnchorStatus.EXACT
_plain_number = re.compile(r"0|[1-9][0-9]{0,14}").fullmatch
"""A whole number written plainly, of at most 15 digits: below the bound ``Fields.integer`` checks."""
FORMAT_VERSION = "1"
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
        "text",
        "entities",
        "events",
        "claims",
        "sources",
        "extra",
    ]
)
ENTITY = frozenset(
    ["id", "name", "type", "aliases", "description", "wikidata", "mentions", "unverified", "note"]
)
EVENT = frozenset(["id", "label", "date", "mentions", "entities", "sources", "unverified", "note"])
CLAIM = frozenset(["id", "span", "gloss", "entities", "sources", "verdict", "unverified", "note"])
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
    ]
)
SPAN = frozenset(["quote", "exact", "prefix", "suffix", "start", "end"])
REF = frozenset(["source", "passage", "stance"])
QID = re.compile(r"Q[1-9][0-9]*")
WIKIDATA_STATUS = ("not-found", "unverified")
LANGUAGE = re.compile(r"[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*")
ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
EDTF_HINT = "write e.g. 2024-04-25, 2024-04, 2024~, 202X, 2024-04-29/2024-05-03 or 2024-04-24/.."
RATING_VALUES = tuple(r.value for r in Rating)
STANCE_VALUES = tuple(s.value for s in Stance)
RATINGS_BY_VALUE = {r.value: r for r in Rating}
STANCES = {s.value: s for s in Stance}
UNVERIFIED_ALL = "*"
"""``unverified: true`` (the whole annotation is unverified) is kept as ``["*"]``."""


def _text_locator(text_node: ScalarNode, source: str, text: str, line: int):  # noqa: ANN202
    """Map an offset of the text to where it is in the file (a literal block), or say the offset.

    ``line`` is the 1-based line of the text's node (its ``|``).
    """
    if text_node.style != "|":
        return lambda offset: f"offset {offset}"
    first_line = line  # 0-based line of the first line of the block
    found: list[int] = []

    def indent() -> int:
        if not found:
            found.append(0)
            for raw in source.split("\n", first_line + 200)[first_line:-1]:
                content = raw.lstrip(" ")
                if content.strip():
                    found[0] = len(raw) - len(content)
                    break
        return found[0]

    def where(offset: int) -> str:
        line = text.count("\n", 0, offset)
        column = offset - (text.rfind("\n", 0, offset) + 1)
        return f"{first_line + line + 1}:{indent() + column + 1}"

    return where


class Builder:
    """One file's nodes to one Document. Problems go to ``problems``; the caller decides."""

    def __init__(self, path: Path, source: str, problems: Problems) -> None:
        self.path = path
        self.yaml_text = source
        self.problems = problems
        self.f = Fields(problems)
        self.anchorer = Anchorer("")
        self.text_length = 0
        # Places, not nodes: a node's line is only known while its piece of the file is read.
        self.ids: dict[str, tuple[str, tuple[int, int]]] = {}  # id -> (kind, where declared)
        self.refs: list[tuple[str, str, tuple[int, int]]] = []  # (kind, id, where) checked at the end

    # -- spans -----------------------------------------------------------------------------------------

    def _anchor(self, selector: Selector, node: Node) -> Span:
        notes = self.anchorer.notes
        before = len(notes)
        span = self.anchorer.anchor(selector)
        span.line, span.column = at = self.problems.at(node)
        for note in notes[before:]:
            self.problems.add(note.severity, at, note.message, note.hint, note.code)
        return span

    def selector(self, node: Node, what: str) -> Selector | None:
        """A span as written: ``[start, end]``, a quote, or a mapping (quote, prefix, suffix, start, end)."""
        f = self.f
        if isinstance(node, SequenceNode):
            items = node.value
            if len(items) != 2:
                message = f"{what}: a compact span is [start, end], found {len(items)} items"
                self.problems.error(node, message, "write [start, end]", "span-compact")
                return None
            start, end = f.integer(items[0], f"{what} start"), f.integer(items[1], f"{what} end")
            return None if start is None or end is None else Selector(start=start, end=end)
        if isinstance(node, ScalarNode):
            quote = f.text(node, what)
            return None if quote is None else Selector(exact=quote)
        fields = f.mapping(node, SPAN, what)
        if fields is None:
            return None
        if "quote" in fields and "exact" in fields:
            self.problems.error(
                node, f"{what} has both quote and exact", "quote is exact: keep one", "span-both"
            )
            return None
        exact_node = fields.get("quote") or fields.get("exact")
        exact = f.text(exact_node, f"{what} quote") if exact_node is not None else None
        start = f.integer(fields["start"], f"{what} start") if "start" in fields else None
        end = f.integer(fields["end"], f"{what} end") if "end" in fields else None
        if ("start" in fields and start is None) or ("end" in fields and end is None):
            return None
        if exact_node is not None and exact is None:
            return None
        return Selector(
            exact=exact,
            prefix=f.text(fields.get("prefix"), f"{what} prefix"),
            suffix=f.text(fields.get("suffix"), f"{what} suffix"),
            start=start,
            end=end,
        )

    def _compact(self, node: Node) -> Span | None:
        """The compact form ``[S, E]``, in plain decimal, within the text: exact, with nothing to report.

        Generated files write spans this way by the hundred thousand; this is what ``selector`` and
        ``Anchorer.anchor`` would make of it, without their cost. Anything else gives None.
        """
        if type(node) is not SequenceNode:
            return None
        pair = node.value
        if len(pair) != 2:
            return None
        a, b = pair
        if type(a) is not ScalarNode or type(b) is not ScalarNode or a.style or b.style:
            return None
        x, y = a.value, b.value
        if _plain_number(x) is None or _plain_number(y) is None:
            return None
        start, end = int(x), int(y)
        if start > end or end > self.text_length:
            return None
        mark = node.start_mark
        selector = Selector(None, None, None, start, end)
        return Span(start, end, EXACT, selector, mark.line + 1 + self.problems.offset, mark.column + 1)

    def span(self, node: Node, what: str) -> Span | None:
        span = self._compact(node)
        if span is not None:
            return span
        sel = self.selector(node, what)
        return None if sel is None else self._anchor(sel, node)

    def mentions(self, node: Node | None, what: str) -> list[Span]:
        out = []
        compact = self._compact
        for item in self.f.sequence(node, f"{what} mentions"):
            span = compact(item) or self.span(item, f"a mention of {what}")
            if span is not None:
                out.append(span)
        return out

    # -- shared pieces ---------------------------------------------------------------------------------

    def declare(self, ident: str | None, node: Node | None, kind: str) -> None:
        if ident is None or node is None:
            return
        first = self.ids.get(ident)
        if first is not None:
            line, column = first[1]
            self.problems.error(
                node,
                f"duplicate id '{ident}' (first used at {line}:{column})",
                f"give this {kind} another id",
                "duplicate-id",
            )
            return
        self.ids[ident] = (kind, self.problems.at(node))

    def edtf(self, node: Node | None, what: str) -> EdtfDate | None:
        if node is None:
            return None
        value = self.f.text(node, what)
        if value is None:
            return None
        try:
            return parse_edtf(value)
        except ValueError as exc:
            self.problems.error(node, f"{what}: bad EDTF date: {exc}", EDTF_HINT, "bad-date")
            return None

    def unverified(self, node: Node | None, what: str) -> list[str]:
        if node is None:
            return []
        if isinstance(node, ScalarNode) and not node.style:
            if node.value in ("true", "True", "TRUE"):
                return [UNVERIFIED_ALL]
            if node.value in ("false", "False", "FALSE"):
                return []
        return self.f.texts(node, f"{what} unverified")

    def url(self, node: Node | None, what: str) -> str | None:
        value = self.f.text(node, what)
        if value is not None and node is not None and not value.startswith(("https://", "http://")):
            self.problems.warning(
                node, f"{what} '{value[:60]}' is not an http(s) address", "write https://…", "bad-url"
            )
        return value

    def source_refs(self, node: Node | None, what: str) -> list[SourceRef]:
        out = []
        for item in self.f.sequence(node, f"{what} sources"):
            ref = self.source_ref(item, what)
            if ref is not None:
                out.append(ref)
        return out

    def source_ref(self, node: Node, what: str) -> SourceRef | None:
        f = self.f
        line, column = self.problems.at(node)
        if isinstance(node, ScalarNode):
            ident = f.ident(node, f"a source of {what}")
            if ident is None:
                return None
            self.refs.append(("source", ident, (line, column)))
            return SourceRef(ident, line=line, column=column)
        fields = f.mapping(node, REF, f"a source of {what}", ("source",))
        if fields is None or "source" not in fields:
            return None
        ident = f.ident(fields["source"], f"a source of {what}")
        if ident is None:
            return None
        self.refs.append(("source", ident, self.problems.at(fields["source"])))
        stance = Stance.SUPPORTS
        if "stance" in fields:
            value = f.text(fields["stance"], "stance")
            if value is not None:
                try:
                    stance = STANCES[value]
                except KeyError:
                    hint = suggest(value, STANCE_VALUES) or f"one of {', '.join(STANCE_VALUES)}"
                    self.problems.error(
                        fields["stance"], f"unknown stance '{value[:40]}'", hint, "bad-stance"
                    )
        passage = f.text(fields.get("passage"), "passage")
        return SourceRef(ident, passage, stance, line=line, column=column)

    def entity_refs(self, node: Node | None, what: str) -> list[str]:
        out = []
        for ident, item in self.f.ids(node, f"{what} entities"):
            self.refs.append(("entity", ident, self.problems.at(item)))
            out.append(ident)
        return out

    # -- annotations -----------------------------------------------------------------------------------

    def entity(self, node: Node) -> Entity | None:
        f = self.f
        line, column = self.problems.at(node)
        fields = f.mapping(node, ENTITY, "an entity", ("id", "name", "type"))
        if fields is None:
            return None
        ident = f.ident(fields.get("id"), "entity id")
        self.declare(ident, fields.get("id"), "entity")
        name = f.text(fields.get("name"), "entity name", empty_ok=False)
        kind = f.text(fields.get("type"), "entity type", empty_ok=False)
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
        mentions = self.mentions(fields.get("mentions"), what)
        if ident is None or name is None or kind is None:
            return None
        return Entity(
            ident,
            name,
            kind,
            aliases=f.texts(fields.get("aliases"), "aliases"),
            description=f.text(fields.get("description"), "description") or "",
            wikidata=qid,
            wikidata_status=status,
            mentions=mentions,
            unverified=self.unverified(fields.get("unverified"), what),
            note=f.text(fields.get("note"), "note") or "",
            line=line,
            column=column,
        )

    def event(self, node: Node) -> Event | None:
        f = self.f
        line, column = self.problems.at(node)
        fields = f.mapping(node, EVENT, "an event", ("id", "label", "date"))
        if fields is None:
            return None
        ident = f.ident(fields.get("id"), "event id")
        self.declare(ident, fields.get("id"), "event")
        label = f.text(fields.get("label"), "event label", empty_ok=False)
        when = self.edtf(fields.get("date"), "event date")
        what = f"event '{ident}'" if ident else "an event"
        mentions = self.mentions(fields.get("mentions"), what)
        sources = self.source_refs(fields.get("sources"), what)
        entities = self.entity_refs(fields.get("entities"), what)
        if ident is None or label is None or when is None:
            return None
        return Event(
            ident,
            label,
            when,
            mentions=mentions,
            sources=sources,
            entities=entities,
            unverified=self.unverified(fields.get("unverified"), what),
            note=f.text(fields.get("note"), "note") or "",
            line=line,
            column=column,
        )

    def verdict(self, node: Node) -> Verdict | None:
        f = self.f
        line, column = self.problems.at(node)
        fields = f.mapping(node, VERDICT, "a verdict", ("rating",))
        if fields is None or "rating" not in fields:
            return None
        value = f.text(fields["rating"], "rating")
        if value is None:
            return None
        try:
            rating = RATINGS_BY_VALUE[value]
        except KeyError:
            hint = suggest(value, RATING_VALUES) or f"one of {', '.join(RATING_VALUES)}"
            self.problems.error(fields["rating"], f"unknown rating '{value[:40]}'", hint, "bad-rating")
            return None
        reviewed = None
        if "reviewed" in fields:
            reviewed = f.text(fields["reviewed"], "reviewed")
            if reviewed is not None and not _iso_day(reviewed):
                self.problems.error(
                    fields["reviewed"],
                    f"reviewed '{reviewed[:40]}' is not a date (YYYY-MM-DD)",
                    "write the day of the review, e.g. 2026-11-27",
                    "bad-date",
                )
                reviewed = None
        return Verdict(
            rating,
            f.text(fields.get("explanation"), "explanation") or "",
            reviewed,
            line=line,
            column=column,
        )

    def claim(self, node: Node) -> Claim | None:
        f = self.f
        line, column = self.problems.at(node)
        fields = f.mapping(node, CLAIM, "a claim", ("id", "span"))
        if fields is None:
            return None
        ident = f.ident(fields.get("id"), "claim id")
        self.declare(ident, fields.get("id"), "claim")
        what = f"claim '{ident}'" if ident else "a claim"
        span = self.span(fields["span"], f"the span of {what}") if "span" in fields else None
        sources = self.source_refs(fields.get("sources"), what)
        entities = self.entity_refs(fields.get("entities"), what)
        verdict = self.verdict(fields["verdict"]) if "verdict" in fields else None
        if ident is None or span is None:
            return None
        return Claim(
            ident,
            span,
            sources=sources,
            verdict=verdict,
            gloss=f.text(fields.get("gloss"), "gloss") or "",
            entities=entities,
            unverified=self.unverified(fields.get("unverified"), what),
            note=f.text(fields.get("note"), "note") or "",
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
                self.refs.append(("entity", entity, self.problems.at(fields["entity"])))
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
            line=line,
            column=column,
        )

    # -- the document ----------------------------------------------------------------------------------

    def document(self, root: Node) -> Document | None:
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
            self.anchorer = Anchorer(text, _text_locator(text_node, self.yaml_text, text, line))
            self.text_length = len(text)
        elif "text" in fields:
            return None  # nothing can be anchored; the problem is already reported
        entities = [e for n in f.sequence(fields.get("entities"), "entities") if (e := self.entity(n))]
        events = [v for n in f.sequence(fields.get("events"), "events") if (v := self.event(n))]
        claims = [c for n in f.sequence(fields.get("claims"), "claims") if (c := self.claim(n))]
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
            entities=entities,
            events=events,
            claims=claims,
            sources=sources,
            extra=extra,
        )

    def extra(self, node: Node | None) -> dict[str, Any]:
        """The ``extra`` mapping: plain data kept by an import, with no equivalent in the format."""
        if node is None or (isinstance(node, ScalarNode) and not node.style and node.value in NULLS):
            return {}
        if not isinstance(node, MappingNode):
            self.problems.error(
                node, f"extra must be a mapping, found {describe(node)}", "write key: value pairs", "type"
            )
            return {}
        data = plain_data(node, self.problems)
        return data if isinstance(data, dict) else {}

    def _check_references(self) -> None:
        known: dict[str, set[str]] = {"entity": set(), "source": set()}
        for ident, (kind, _) in self.ids.items():
            known.setdefault(kind, set()).add(ident)
        for kind, ident, at in self.refs:
            if ident in known[kind]:
                continue
            article = "an" if kind[0] in "aeiou" else "a"
            hint = (
                suggest(ident, frozenset(known[kind]))
                or f"add {article} {kind} with id {ident}, or correct the id"
            )
            self.problems.error(at, f"unknown {kind} '{ident}'", hint, "dangling-reference")


@lru_cache(maxsize=4096)  # a generated file repeats its review dates
def _iso_day(value: str) -> bool:
    if not ISO_DAY.fullmatch(value):
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def is_orphan(span: Span) -> bool:
    return span.status is AnchorStatus.ORPHAN


__all__ = ["Builder", "FORMAT_VERSION", "MappingNode", "UNVERIFIED_ALL", "is_orphan"]
