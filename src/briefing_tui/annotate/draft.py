"""One article and its spaCy Docs to a draft Document: every annotation marked ``draft``."""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from briefing_tui.annotate.article import Article
from briefing_tui.annotate.claims import find_claims
from briefing_tui.annotate.dates import DateMention, find_dates
from briefing_tui.annotate.grouping import (
    Group,
    KnownEntity,
    group_mentions,
    known_mentions,
    place_mentions,
    propagate,
    resolve_overlaps,
)
from briefing_tui.annotate.mentions import Mention, model_mentions
from briefing_tui.annotate.pipeline import run
from briefing_tui.model import AnchorStatus, Claim, Document, Entity, Event, Selector, Source, SourceRef, Span
from briefing_tui.model.dates import parse_edtf

LABEL_MAX = 140


@dataclass(slots=True)
class Options:
    language: str = "fr"
    published: str | None = None  # EDTF; wins over the page's date
    known: list[KnownEntity] = field(default_factory=list)


def slug(text: str, fallback: str = "x") -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    out = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:40].strip("-")
    return out or fallback


class _Ids:
    def __init__(self) -> None:
        self.used: set[str] = set()

    def new(self, base: str) -> str:
        ident, n = base, 2
        while ident in self.used:
            ident, n = f"{base}-{n}", n + 1
        self.used.add(ident)
        return ident


def _day(published: str | None) -> date | None:
    if not published:
        return None
    try:
        parsed = parse_edtf(published)
    except ValueError:
        return None
    if parsed.precision != "day" or parsed.lower is None:
        return None
    return date.fromisoformat(parsed.lower)


def _span(text: str, start: int, end: int) -> Span:
    return Span(start, end, AnchorStatus.EXACT, Selector(exact=text[start:end], start=start, end=end))


class _Tokens:
    """The token at a character offset, across the Docs of one text."""

    def __init__(self, segments: list[tuple[int, Any]]) -> None:
        self.starts: list[int] = []
        self.tokens: list[Any] = []
        for offset, doc in segments:
            for token in doc:
                self.starts.append(offset + token.idx)
                self.tokens.append(token)

    def at(self, offset: int) -> Any:
        i = bisect.bisect_right(self.starts, offset) - 1
        return self.tokens[i] if i >= 0 else None

    def future(self, offset: int) -> bool:
        """Whether the verb that governs the word at ``offset`` is in the future or the conditional."""
        token = self.at(offset)
        for _ in range(4):
            if token is None:
                return False
            if token.pos_ in ("VERB", "AUX"):
                heads = [token, *[c for c in token.children if c.dep_.startswith("aux")]]
                return any("Fut" in t.morph.get("Tense") or "Cnd" in t.morph.get("Mood") for t in heads)
            token = token.head if token.head is not token else None
        return False


def _sentences(segments: list[tuple[int, Any]]) -> list[tuple[int, int]]:
    return [(offset + s.start_char, offset + s.end_char) for offset, doc in segments for s in doc.sents]


def _clause(text: str, sentence: tuple[int, int], start: int, end: int) -> str:
    """The clause of the sentence that holds ``start:end``: the event's label."""
    a, b = sentence
    body = text[a:b]
    cuts = [0] + [m.end() for m in re.finditer(r"[,;:()–—]\s*", body)] + [len(body)]
    for left, right in zip(cuts, cuts[1:], strict=False):
        if left <= start - a < right:
            clause = body[left:right].strip(" ,;:()–—\n")
            if len(clause.split()) >= 4:
                body = clause
            break
    label = " ".join(body.split())
    if len(label) > LABEL_MAX:
        label = label[:LABEL_MAX].rsplit(" ", 1)[0] + " …"
    return label


def draft_document(article: Article, segments: list[tuple[int, Any]], options: Options) -> Document:
    text = article.text
    published = options.published or article.published
    tokens = _Tokens(segments)
    dates = find_dates(text, _day(published), tokens.future)
    date_spans = [(d.start, d.end) for d in dates]
    found, by_known = known_mentions(text, options.known)
    model: list[Mention] = []
    for offset, doc in segments:
        model.extend(model_mentions(doc, offset))
    model = [m for m in model if all(m.end <= a or m.start >= b for a, b in date_spans)]
    places = [m for m in place_mentions(text) if all(m.end <= a or m.start >= b for a, b in date_spans)]
    mentions = propagate(text, resolve_overlaps(found + model + places), date_spans)
    groups = group_mentions(text, mentions, by_known)

    ids = _Ids()
    entities = [_entity(g, text, ids) for g in groups]
    where: list[tuple[int, int, str]] = [
        (m.start, m.end, e.id) for g, e in zip(groups, entities, strict=True) for m in g.mentions
    ]
    entities += _date_entities(dates, text, ids)
    sentences = _sentences(segments)
    events = _events(dates, sentences, text, where, ids)
    claims, sources = _claims(segments, text, where, date_spans, entities, ids)
    return Document(
        path=article.path,
        id=slug(article.path.stem, "article"),
        title=" ".join(article.title.split()) or article.path.stem,
        language=options.language,
        text=text,
        published=published,
        publisher=article.publisher,
        url=article.url,
        authors=list(article.authors),
        entities=entities,
        events=events,
        claims=claims,
        sources=sources,
    )


def _entity(group: Group, text: str, ids: _Ids) -> Entity:
    known = group.known
    return Entity(
        ids.new(slug(group.name, "entity")),
        group.name,
        group.type,
        aliases=list(group.aliases),
        description=known.description if known else "",
        wikidata=known.wikidata if known else None,
        mentions=[_span(text, m.start, m.end) for m in group.mentions],
        draft=True,
    )


def _date_entities(dates: list[DateMention], text: str, ids: _Ids) -> list[Entity]:
    by_value: dict[str, list[DateMention]] = {}
    for mention in dates:
        by_value.setdefault(mention.value or f"?{mention.text.casefold()}", []).append(mention)
    out = []
    for key, mentions in by_value.items():
        value = None if key.startswith("?") else key
        out.append(
            Entity(
                ids.new("date-" + slug(mentions[0].text, "date")),
                mentions[0].text,
                "date",
                date=value,
                note="" if value else "no date could be worked out from the text alone",
                mentions=[_span(text, m.start, m.end) for m in mentions],
                draft=True,
            )
        )
    return out


def _inside(where: list[tuple[int, int, str]], start: int, end: int) -> list[str]:
    out: list[str] = []
    for a, b, ident in where:
        if start <= a and b <= end and ident not in out:
            out.append(ident)
    return out


def _events(
    dates: list[DateMention],
    sentences: list[tuple[int, int]],
    text: str,
    where: list[tuple[int, int, str]],
    ids: _Ids,
) -> list[Event]:
    out: list[Event] = []
    for mention in dates:
        if mention.value is None:
            continue
        sentence = next((s for s in sentences if s[0] <= mention.start < s[1]), (mention.start, mention.end))
        out.append(
            Event(
                ids.new(f"event-{len(out) + 1}"),
                _clause(text, sentence, mention.start, mention.end),
                parse_edtf(mention.value),
                mentions=[_span(text, mention.start, mention.end)],
                entities=_inside(where, *sentence),
                draft=True,
            )
        )
    return out


def _claims(
    segments: list[tuple[int, Any]],
    text: str,
    where: list[tuple[int, int, str]],
    date_spans: list[tuple[int, int]],
    entities: list[Entity],
    ids: _Ids,
) -> tuple[list[Claim], list[Source]]:
    names = [(a, b) for a, b, _ in where]
    speakers: dict[str, Source] = {}
    claims: list[Claim] = []
    for found in find_claims(segments, sorted(names), date_spans, text):
        refs = []
        if found.speaker is not None:
            entity_id = next(i for a, b, i in where if (a, b) == found.speaker)
            if entity_id not in speakers:
                name = next(e.name for e in entities if e.id == entity_id)
                speakers[entity_id] = Source(
                    ids.new(f"speaker-{entity_id}"), title=name, kind="speaker", entity=entity_id, draft=True
                )
            refs.append(SourceRef(speakers[entity_id].id))
        claims.append(
            Claim(
                ids.new(f"claim-{len(claims) + 1}"),
                _span(text, found.start, found.end),
                sources=refs,
                entities=_inside(where, found.start, found.end),
                note="drafted for: " + ", ".join(found.reasons),
                draft=True,
            )
        )
    return claims, list(speakers.values())


def draft_documents(
    nlp: Any,
    articles: list[Article],
    options: Options,
    processes: int = 1,
    progress: Callable[[int], None] | None = None,
) -> Iterator[Document]:
    """Each article's draft, in order; the pipeline reads them all in one ``nlp.pipe`` run."""
    for article, segments in zip(
        articles, run(nlp, [a.text for a in articles], processes, progress), strict=True
    ):
        yield draft_document(article, segments, options)
