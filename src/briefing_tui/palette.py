"""Command-palette providers: "Go to claim…", "Go to entity…", "Go to event…", "Go to source…" and
every action of the reader, running the SAME actions as the keys.

Document strings are shown as ``Content`` built from sanitized text (the palette would otherwise read
them as markup); help lines hold only the reader's own words.

A "Go to …" palette of a large document (25,000 claims in the 10 MB bench file) stays answerable:
its items are made once for the palette, a batch at a time with the keys let through between
batches; a search tests each item's folded text first (the query's letters in order, as the fuzzy
match needs them) and offers the best ``MOST`` hits, and the palette opens on the first ``MOST``
items. Textual's palette sorts and lists every hit it is given again each quarter of a second.
"""

from __future__ import annotations

import asyncio
import heapq
import re
from collections.abc import Callable, Iterator
from functools import partial
from itertools import islice
from typing import TYPE_CHECKING, ClassVar, Protocol, cast, runtime_checkable

from textual.binding import Binding
from textual.command import CommandPalette, DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.markup import escape

from briefing_tui.display import sanitize
from briefing_tui.model.dates import say_date
from briefing_tui.screens.key_reasons import reason
from briefing_tui.screens.reader_keys import key_names
from briefing_tui.widgets.labels import rating_label
from briefing_tui.widgets.safe_input import guard_inputs
from briefing_tui.words import plural

if TYPE_CHECKING:
    from textual.binding import BindingType

    from briefing_tui.model.places import Place
    from briefing_tui.model.types import Claim, Entity, Event, Source
    from briefing_tui.reader_state import ReaderState
    from briefing_tui.screens.main import MainScreen

guard_inputs()  # the palette's input (Textual's own) draws what is typed or pasted through the boundary

MOST = 100
"""The most hits a "Go to …" palette offers at once: the best of a search, the first items when
nothing is typed (the lists' filters and search reach every one)."""
AT_ONCE = 50
"""Items made, or scored by a search, between two pauses in which the palette's keys are answered (a
key goes through several of Textual's message queues, each waiting for such a pause: 50 claims
of the 10 MB bench file are made in some 3 ms)."""
SCANNED_AT_ONCE = 2_000
"""Items a search looks through for its query between two such pauses (a test in C each)."""
WHOLE = 0.001
"""Added to the score of an item that holds the query as a whole word: typing a claim's id offers that
claim before the others whose ids start with it (``C23`` before ``C230``), which the fuzzy match
scores alike."""
SCORED = 2_000
"""The most items a search scores with the palette's fuzzy match, which tries every way the query's
letters fall in an item's text (half a millisecond for a two-letter query in a long one): those
that hold the query, the nearer their start (where a claim's id is) the sooner, then those that
hold its letters in order. A smaller document's are all scored."""

GO_TO = {
    "claim": "Go to claim…",
    "entity": "Go to entity…",
    "event": "Go to event…",
    "source": "Go to source…",
}


@runtime_checkable
class Reader(Protocol):
    """What the palette asks of the reader screen (its public API): the state, and the same actions
    as the keys."""

    state: ReaderState
    BINDINGS: ClassVar[list[BindingType]]

    def jump_to(self, place: Place, *, record: bool = True) -> None: ...
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None: ...
    async def run_action(self, action: str) -> None: ...
    def say(self, message: str, seconds: float = ...) -> None: ...


def _reader(provider: Provider) -> Reader | None:
    screen = provider.screen
    return screen if isinstance(screen, Reader) else None


Item = tuple[int, str, Callable[[], object]]
"""An item of a "Go to …" palette: its place among the document's, its text (sanitized), and what
choosing it does."""


class ItemsProvider(Provider):
    """Items of one kind of the current document; choosing one jumps to it."""

    kind = "claim"
    _made: list[Item]  # the items made so far, in the order they are made
    _folded: list[str]  # each one's text folded (as search folds, case too)
    _making: asyncio.Task[list[Item]] | None = None  # every item made, from when the palette opens

    async def startup(self) -> None:
        self._made, self._folded = [], []
        # deferred: the search package is imported when the palette opens, not at its first key
        import briefing_tui.search.filter  # noqa: F401

    async def shutdown(self) -> None:
        if self._making is not None:
            self._making.cancel()

    def items(self, reader: Reader, first: int | None = None) -> Iterator[Item]:
        """The items, each with its place: all of them in any order (a large document's claims in
        its table's, each block of rows decoded once and no claim kept), or the ``first`` few in
        their order."""
        nav = reader.state.nav
        if self.kind == "claim":
            claims = nav.claims
            table = getattr(claims, "table", None)  # a large document's (``claim_table``, not imported)
            placed: Iterator[tuple[int, Claim]]
            if first is not None:
                placed = enumerate(claims[:first])
            elif table is not None:  # each row's place in reading order, beside the row
                placed = zip(claims.places(), table.peek(0, len(table)), strict=True)  # type: ignore[attr-defined]
            else:
                placed = enumerate(claims)
            for place, claim in placed:
                glyph, label, _ = rating_label(claim)
                said = claim.gloss or nav.doc.text[claim.span.start : claim.span.end]
                text = sanitize(f"{glyph} {claim.id} ({label}): {said}")
                yield place, text, partial(_go_to_claim, reader, claim.id)
            return
        every: Iterator[tuple[str, Callable[[], object]]]
        if self.kind == "entity":
            every = (
                (
                    f"{e.name} ({e.type}, {plural(len(nav.mentions(e.id)), 'mention')})",
                    partial(_go_to, reader, e),
                )
                for e in nav.doc.entities
            )
        elif self.kind == "event":
            every = ((f"{say_date(e.date)}: {e.label}", partial(_go_to, reader, e)) for e in nav.timeline())
        else:
            every = (
                (" · ".join(x for x in (s.title or s.id, s.publisher) if x), partial(_go_to, reader, s))
                for s in nav.doc.sources
            )
        for place, (text, command) in enumerate(islice(every, first)):
            yield place, sanitize(text), command

    def _start_making(self, reader: Reader) -> asyncio.Task[list[Item]]:
        """The task making every item, once for this palette (begun when it opens, or at its first
        search)."""
        if self._making is None:
            self._making = asyncio.get_running_loop().create_task(self._make(reader))
        return self._making

    async def _every(self, reader: Reader) -> list[Item]:
        """Every item, in its place's order, made once for this palette from when it opens: a
        batch at a time, the keys let through between batches (a search a key cancels leaves the
        making to go on)."""
        return await asyncio.shield(self._start_making(reader))

    async def _make(self, reader: Reader) -> list[Item]:
        # deferred: the search package is imported when the palette opens (``startup``)
        from briefing_tui.search.filter import fold_each

        left = self.items(reader)
        while batch := list(islice(left, AT_ONCE)):
            self._made += batch
            self._folded += fold_each([text for _, text, _ in batch], False)
            await asyncio.sleep(0)  # the palette's keys
        order = sorted(range(len(self._made)), key=lambda at: self._made[at][0])
        self._made = [self._made[at] for at in order]
        self._folded = [self._folded[at] for at in order]
        return self._made

    async def discover(self) -> Hits:
        reader = _reader(self)
        if reader is None:
            return
        for _place, shown, command in self.items(reader, MOST):
            yield DiscoveryHit(Content(shown), command, text=shown)
        self._start_making(reader)  # made while the person reads the first ones, or types

    async def search(self, query: str) -> Hits:
        reader = _reader(self)
        if reader is None:
            return
        # deferred: the search package is imported when the palette is first searched
        from briefing_tui.search.filter import needle_of, text_filter

        matcher = self.matcher(query)
        accept = text_filter(query)  # "etats" finds "États-Unis", "l'aide" finds "l’aide"
        keep_case = needle_of(query)[1]  # (smart case: else the items' folded texts answer it)
        # What either needs of an item: the query's letters in order in its folded text.
        letters = needle_of(query.lower())[0]
        needed = re.compile("".join(f"[^{re.escape(c)}]*+{re.escape(c)}" for c in letters))
        whole = re.compile(rf"(?<!\w){re.escape(letters)}(?!\w)")  # "C23" in "C23 (…)", not in "C230"
        items = await self._every(reader)
        folded = self._folded
        holding: list[tuple[int, int]] = []  # (where, place) of the items holding the query
        spread: list[int] = []  # the places of those holding its letters apart, in order
        for start in range(0, len(items), SCANNED_AT_ONCE):
            for at in range(start, min(start + SCANNED_AT_ONCE, len(items))):
                where = folded[at].find(letters)
                if where >= 0:
                    holding.append((where, at))
                elif len(spread) < SCORED and needed.match(folded[at]):
                    spread.append(at)
            await asyncio.sleep(0)  # the palette's keys
        if len(holding) > SCORED:
            holding = heapq.nsmallest(SCORED, holding)
        scored = [at for _where, at in holding] + spread
        best: list[tuple[float, int]] = []  # (score, -place) of the best MOST so far, the worst first
        for count, at in enumerate(scored[:SCORED], 1):
            shown = items[at][1]
            score = matcher.match(shown)
            if score <= 0 and (accept(shown) if keep_case else letters in folded[at]):
                score = 0.5
            if score > 0 and whole.search(folded[at]):
                score += WHOLE  # among equal scores, the item holding the query as a word first
            if score > 0:
                (heapq.heappush if len(best) < MOST else heapq.heappushpop)(best, (score, -at))
            if count % AT_ONCE == 0:
                await asyncio.sleep(0)  # the palette's keys
        for score, at in sorted(best, reverse=True):
            _place, shown, command = items[-at]
            yield Hit(score, Content(shown), command, text=shown)


def _go_to(reader: Reader, item: Entity | Event | Source) -> None:
    reader.jump_to(reader.state.nav.location_of(item))


def _go_to_claim(reader: Reader, claim_id: str) -> None:
    nav = reader.state.nav
    claim = nav.claim(claim_id)
    if claim is not None:
        reader.jump_to(nav.location_of(claim))


def _items_provider(kind: str) -> type[Provider]:
    return type(f"{kind.capitalize()}Provider", (ItemsProvider,), {"kind": kind})


ITEM_PROVIDERS = {kind: _items_provider(kind) for kind in GO_TO}


class ReaderCommands(Provider):
    """The "Go to …" commands and every action bound on the reader."""

    def commands(self, reader: Reader) -> Iterator[tuple[str, Callable[[], object], str]]:
        for kind, title in GO_TO.items():
            article = "an" if kind[0] in "aeiou" else "a"
            yield title, partial(self._open_items, kind, title), f"choose {article} {kind} of this document"
        seen = set()
        for binding in reader.BINDINGS:
            if not isinstance(binding, Binding) or not binding.description:
                continue
            action = binding.action
            if action in seen or reader.check_action(*_split(action)) is False:
                continue
            seen.add(action)
            keys = escape(key_names(self.app, binding))  # as the footer shows them
            shown = binding.key_display or binding.key.split(",")[0]
            yield binding.description, partial(_act, reader, action, shown), f"key: {keys}"

    def _open_items(self, kind: str, title: str) -> None:
        self.app.push_screen(CommandPalette(providers=[ITEM_PROVIDERS[kind]], placeholder=title))

    async def discover(self) -> Hits:
        reader = _reader(self)
        if reader is None:
            return
        for title, command, help_text in self.commands(reader):
            yield DiscoveryHit(title, command, help=help_text)

    async def search(self, query: str) -> Hits:
        reader = _reader(self)
        if reader is None:
            return
        matcher = self.matcher(query)
        for title, command, help_text in self.commands(reader):
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), command, help=help_text)


async def _act(reader: Reader, action: str, shown: str) -> None:
    """Run ``action`` as its key ``shown`` would; one that cannot act now says why, as the key does."""
    name, parameters = _split(action)
    if reader.check_action(name, parameters):
        await reader.run_action(action)
    else:
        reader.say(reason(cast("MainScreen", reader), shown, name, parameters))


def _split(action: str) -> tuple[str, tuple[object, ...]]:
    name, _, rest = action.partition("(")
    if not rest:
        return name, ()
    import ast

    try:
        value = ast.literal_eval(f"({rest[:-1]},)")
    except (ValueError, SyntaxError):
        value = ()
    return name, tuple(value)
