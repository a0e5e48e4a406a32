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
from briefing_tui.annotate.claims import ClaimDraft, find_claims, sentences
from briefing_tui.annotate.dates import DateMention, find_dates
from briefing_tui.annotate.grouping import (
    Gazetteer,
    Group,
    KnownEntity,
    group_mentions,
    place_mentions,
    propagate,
    resolve_overlaps,
)
from briefing_tui.annotate.mentions import Mention, model_mentions
from briefing_tui.annotate.pipeline import run
from briefing_tui.annotate.spans import Taken, within
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


def publication_day(published: str | None) -> date | None:
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
    """The token at a character offset of one Doc."""

    def __init__(self, doc: Any) -> None:
        self.doc = doc
        self.starts = [token.idx for token in doc]

    def future(self, offset: int) -> bool:
        """Whether the verb that governs the word at ``offset`` is in the future or the conditional."""
        i = bisect.bisect_right(self.starts, offset) - 1
        token = self.doc[i] if i >= 0 else None
        for _ in range(4):
            if token is None:
                return False
            if token.pos_ in ("VERB", "AUX"):
                heads = [token, *[c for c in token.children if c.dep_.startswith("aux")]]
                return any("Fut" in t.morph.get("Tense") or "Cnd" in t.morph.get("Mood") for t in heads)
            token = token.head if token.head is not token else None
        return False


@dataclass(slots=True)
class Reading:
    """What the pipeline's Docs of one article give, kept once the Docs are gone."""

    mentions: list[Mention] = field(default_factory=list)
    sentences: list[tuple[int, int]] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    claims: list[ClaimDraft] = field(default_factory=list)


def read_piece(
    reading: Reading, offset: int, doc: Any, text: str, published: date | None, scanned: list[Mention]
) -> None:
    """Add to ``reading`` what one Doc (the piece of ``text`` at ``offset``) says."""
    tokens = _Tokens(doc)
    found = find_dates(doc.text, published, tokens.future)
    dates = [DateMention(offset + d.start, offset + d.end, d.text, d.value) for d in found]
    reading.dates.extend(dates)
    reading.sentences.extend((offset + s.start_char, offset + s.end_char) for s in sentences(doc))
    mentions = model_mentions(doc, offset)
    reading.mentions.extend(mentions)
    end = offset + len(doc.text)
    names = sorted(
        {(m.start, m.end) for m in mentions} | {(m.start, m.end) for m in scanned if offset <= m.start < end}
    )
    ahead = [(d.start, d.end) for d in dates if published and d.value and _after(d.value, published)]
    spans = [(d.start, d.end) for d in dates if d.value]
    reading.claims.extend(find_claims(offset, doc, names, spans, text, ahead))


def _after(value: str, published: date) -> bool:
    """Whether an EDTF value lies after the publication day (an open end counts from its start)."""
    parsed = parse_edtf(value)
    lower = parsed.lower or (parsed.start.lower if parsed.start else None)
    return (
        lower is not None
        and lower > published.isoformat()
        or (parsed.open_end and lower == published.isoformat())
    )


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


def draft_document(
    article: Article,
    reading: Reading,
    options: Options,
    scanned: list[Mention],
    gazetteer: Gazetteer | None = None,
) -> Document:
    """The draft of one article from what its Docs gave; ``scanned``: known names and places found
    (``scan_names``); ``gazetteer``: ``options.known`` indexed, made once for many articles."""
    text = article.text
    published = options.published or article.published
    dates = reading.dates
    taken = Taken([(d.start, d.end) for d in dates])
    kept = [m for m in reading.mentions + scanned if taken.free(m.start, m.end)]
    date_spans = [(d.start, d.end) for d in dates]
    mentions = propagate(text, resolve_overlaps(kept), date_spans)
    gazetteer = gazetteer or Gazetteer(options.known)
    groups = group_mentions(text, mentions, gazetteer.by_key)

    ids = _Ids()
    entities = [_entity(g, text, ids) for g in groups]
    where = _Where(
        [(m.start, m.end, e.id) for g, e in zip(groups, entities, strict=True) for m in g.mentions]
    )
    entities += _date_entities(dates, text, ids)
    events = _events(dates, sorted(reading.sentences), text, where, ids)
    claims, sources = _claims(reading.claims, text, where, entities, ids)
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


class _Where:
    """Which entity each mention belongs to, found by position."""

    def __init__(self, items: list[tuple[int, int, str]]) -> None:
        items.sort()
        self.spans = [(a, b) for a, b, _ in items]
        self.ids = {(a, b): ident for a, b, ident in items}

    def inside(self, start: int, end: int) -> list[str]:
        out: list[str] = []
        for span in within(self.spans, start, end):
            if self.ids[span] not in out:
                out.append(self.ids[span])
        return out

    def at(self, start: int, end: int) -> str | None:
        """The entity of a mention that overlaps ``start:end``."""
        i = bisect.bisect_left(self.spans, (start, -1))
        for j in (i - 1, i):
            if 0 <= j < len(self.spans) and self.spans[j][0] < end and start < self.spans[j][1]:
                return self.ids[self.spans[j]]
        return None


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


def _events(
    dates: list[DateMention],
    sentences: list[tuple[int, int]],
    text: str,
    where: _Where,
    ids: _Ids,
) -> list[Event]:
    out: list[Event] = []
    starts = [s[0] for s in sentences]
    for mention in dates:
        if mention.value is None:
            continue
        i = bisect.bisect_right(starts, mention.start) - 1
        sentence = (
            sentences[i] if i >= 0 and mention.start < sentences[i][1] else (mention.start, mention.end)
        )
        out.append(
            Event(
                ids.new(f"event-{len(out) + 1}"),
                _clause(text, sentence, mention.start, mention.end),
                parse_edtf(mention.value),
                mentions=[_span(text, mention.start, mention.end)],
                entities=where.inside(*sentence),
                draft=True,
            )
        )
    return out


def _claims(
    found: list[ClaimDraft],
    text: str,
    where: _Where,
    entities: list[Entity],
    ids: _Ids,
) -> tuple[list[Claim], list[Source]]:
    names = {e.id: e.name for e in entities}
    speakers: dict[str, Source] = {}
    claims: list[Claim] = []
    for draft in found:
        refs = []
        entity_id = where.at(*draft.speaker) if draft.speaker is not None else None
        if entity_id is not None:
            if entity_id not in speakers:
                speakers[entity_id] = Source(
                    ids.new(f"speaker-{entity_id}"),
                    title=names[entity_id],
                    kind="speaker",
                    entity=entity_id,
                    draft=True,
                )
            refs.append(SourceRef(speakers[entity_id].id))
        claims.append(
            Claim(
                ids.new(f"claim-{len(claims) + 1}"),
                _span(text, draft.start, draft.end),
                sources=refs,
                entities=where.inside(draft.start, draft.end),
                note="drafted for: " + ", ".join(draft.reasons),
                draft=True,
            )
        )
    return claims, list(speakers.values())


def scan_names(text: str, gazetteer: Gazetteer) -> list[Mention]:
    """The names found without the model: known entities and the places table."""
    return gazetteer.mentions(text) + place_mentions(text)


def draft_documents(
    nlp: Any,
    articles: list[Article],
    options: Options,
    processes: int = 1,
    progress: Callable[[int], None] | None = None,
) -> Iterator[Document]:
    """Each article's draft, in order; the pipeline reads them all in one ``nlp.pipe`` run."""
    published = [publication_day(options.published or a.published) for a in articles]
    gazetteer = Gazetteer(options.known)
    scans: dict[int, list[Mention]] = {}
    readings: dict[int, Reading] = {}
    done = 0

    def scan(index: int) -> list[Mention]:
        if index not in scans:
            text = articles[index].text
            scans[index] = scan_names(text, gazetteer)
        return scans[index]

    def finish(index: int) -> Document:
        reading = readings.pop(index, Reading())
        document = draft_document(articles[index], reading, options, scan(index), gazetteer)
        scans.pop(index, None)
        return document

    for index, offset, doc in run(nlp, [a.text for a in articles], processes, progress):
        while done < index:  # texts before this one are complete
            yield finish(done)
            done += 1
        reading = readings.setdefault(index, Reading())
        read_piece(reading, offset, doc, articles[index].text, published[index], scan(index))
    while done < len(articles):
        yield finish(done)
        done += 1
