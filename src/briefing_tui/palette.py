"""Command-palette providers: "Go to claim…", "Go to entity…", "Go to event…", "Go to source…" and
every action of the reader, running the SAME actions as the keys.

Document strings are shown as ``Content`` built from sanitized text (the palette would otherwise read
them as markup); help lines hold only the reader's own words.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
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
    from briefing_tui.reader_state import ReaderState
    from briefing_tui.screens.main import MainScreen

guard_inputs()  # the palette's input (Textual's own) draws what is typed or pasted through the boundary

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


class ItemsProvider(Provider):
    """Items of one kind of the current document; choosing one jumps to it."""

    kind = "claim"

    def items(self, reader: Reader) -> Iterator[tuple[str, Callable[[], object]]]:
        nav = reader.state.nav
        if self.kind == "claim":
            for claim in nav.claims:
                glyph, label, _ = rating_label(claim)
                said = claim.gloss or nav.doc.text[claim.span.start : claim.span.end]
                text = f"{glyph} {claim.id} ({label}): {said}"
                yield text, partial(reader.jump_to, nav.location_of(claim))
        elif self.kind == "entity":
            for entity in nav.doc.entities:
                spans = nav.mentions(entity.id)
                text = f"{entity.name} ({entity.type}, {plural(len(spans), 'mention')})"
                yield text, partial(reader.jump_to, nav.location_of(entity))
        elif self.kind == "event":
            for event in nav.timeline():
                yield (
                    f"{say_date(event.date)}: {event.label}",
                    partial(reader.jump_to, nav.location_of(event)),
                )
        else:
            for source in nav.doc.sources:
                label = " · ".join(x for x in (source.title or source.id, source.publisher) if x)
                yield label, partial(reader.jump_to, nav.location_of(source))

    async def discover(self) -> Hits:
        reader = _reader(self)
        if reader is None:
            return
        for text, command in self.items(reader):
            yield DiscoveryHit(Content(sanitize(text)), command, text=sanitize(text))

    async def search(self, query: str) -> Hits:
        reader = _reader(self)
        if reader is None:
            return
        # deferred: the search package is imported when the palette is first searched
        from briefing_tui.search.filter import text_filter

        matcher = self.matcher(query)
        accept = text_filter(query)  # "etats" finds "États-Unis", "l'aide" finds "l’aide"
        for text, command in self.items(reader):
            shown = sanitize(text)
            score = matcher.match(shown)
            if score <= 0 and accept(shown):
                score = 0.5
            if score > 0:
                yield Hit(score, Content(shown), command, text=shown)


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
