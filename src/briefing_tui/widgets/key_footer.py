"""The footer of keys, fitted to its width: a key shows whole or not at all.

Textual's ``Footer`` lays every shown key in a row and docks the palette's key on the right: in a
narrow terminal the last keys slide under it, cut off ("q Quit r ▏^p palettec"). This one keeps the
keys that fit, leaving out first the actions named in ``gives_way`` (in that order), then keys from
the end of the row. Every key left out is still in help (``?``) and in the palette.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import cast

from rich.cells import cell_len
from textual import events
from textual.app import ComposeResult
from textual.widgets import Footer
from textual.widgets._footer import FooterKey  # not exported; Textual is pinned to one release

PALETTE_CLASS = "-command-palette"


def key_width(key: FooterKey) -> int:
    """The cells a key takes in a compact footer: ``^o Back`` and the space after it.

    The palette's key, docked on the right, has its left border instead of the space.
    """
    label = cell_len(key.key_display) + (1 + cell_len(key.description) if key.description else 0)
    return label + 1


def fitting(keys: Sequence[FooterKey], room: int, gives_way: Sequence[str]) -> list[FooterKey]:
    """The ``keys`` that fit in ``room`` cells, in their order: the actions in ``gives_way`` leave
    first (in that order), then the keys at the end."""
    kept = list(keys)
    used = sum(key_width(key) for key in kept)
    order = {action: rank for rank, action in enumerate(gives_way)}
    leaving = sorted(
        range(len(kept)),
        key=lambda i: (order.get(kept[i].action, len(order)), -i),
    )
    dropped: set[int] = set()
    for i in leaving:
        if used <= room:
            break
        dropped.add(i)
        used -= key_width(kept[i])
    return [key for i, key in enumerate(kept) if i not in dropped]


def _take(key: FooterKey, new: FooterKey) -> bool:
    """``key`` made to show what ``new`` (never mounted) would: True if its width may change."""
    words = (new.key_display, new.description)
    resized = (key.key_display, key.description) != words
    if resized:
        key.key_display, key.description = words
        # measured again at the footer's layout (``_update_keys``); ``_layout_updates``: not
        # exported; Textual is pinned to one release
        key._layout_updates += 1
        key.refresh()
    key.key, key.action = new.key, new.action
    if key._disabled != new._disabled:  # not exported; Textual is pinned to one release
        key._disabled = new._disabled
        key.set_class(new._disabled, "-disabled")
    if key.tooltip != new.tooltip:
        key.tooltip = new.tooltip
    return resized


class KeyFooter(Footer):
    """A compact ``Footer`` that shows only the keys that fit its width.

    Args:
        gives_way: Actions (as their bindings name them, ``"check('save')"``, ``"next_claim(-1)"``) that leave
            the footer first when the keys do not fit, in this order.
    """

    def __init__(self, *, gives_way: Iterable[str] = (), id: str | None = None) -> None:
        super().__init__(compact=True, id=id)
        self._gives_way = tuple(gives_way)
        self._composed_for: tuple[object, ...] | None = None

    def _keys_now(self) -> tuple[object, ...]:
        """What the keys shown depend on: each active binding, whether it can run, and the width."""
        bindings = self.screen.active_bindings.items()
        return (self.size.width or self.app.size.width, *(
            (key, active.binding.action, active.binding.description, active.binding.show, active.enabled,
             active.tooltip) for key, active in bindings))  # fmt: skip

    async def recompose(self) -> None:
        # The screen says its keys changed after every focus change and move, often several times
        # before the footer is built again: it is built again (a widget a key) only when what it
        # shows would change.
        if not self.is_attached:  # asked before its screen went (another collection opened)
            return
        if self._bindings_ready and self._keys_now() == self._composed_for:
            return
        if self._bindings_ready and self.children and await self._update_keys():
            return
        await super().recompose()

    async def _update_keys(self) -> bool:
        """Make the keys shown say what ``compose`` now gives, the widgets there kept: True when done.

        Built again, every key was a new widget styled with its parts, and the footer laid out twice
        (for the old keys' removal, then the new ones' mounting): most of what a pane switch cost.
        Kept, a key whose words change is laid out again, one whose state changes drawn again.
        """
        wanted = list(self.compose())
        shown = list(self.children)
        if not all(isinstance(widget, FooterKey) for widget in (*wanted, *shown)):
            return False  # a group of keys with its label: built again
        keys = cast("list[FooterKey]", wanted)
        now = cast("list[FooterKey]", shown)
        palette = [key for key in keys if key.has_class(PALETTE_CLASS)]
        palette_now = [key for key in now if key.has_class(PALETTE_CLASS)]
        if len(palette) != len(palette_now):
            return False
        keys = [key for key in keys if not key.has_class(PALETTE_CLASS)]
        now = [key for key in now if not key.has_class(PALETTE_CLASS)]
        # the palette's key with its own; the others as far as both go (then mounted or removed)
        pairs = (*zip(now, keys, strict=False), *zip(palette_now, palette, strict=True))
        resized = [_take(old, new) for old, new in pairs]
        if any(resized):
            # Asked of the footer, the layout is asked at once, in the frame after the key's; each
            # key asking for it would ask a frame later still, once its own turn came. The keys'
            # places are worked out again (Textual forgets them when a child asks).
            self._clear_arrangement_cache()  # not exported; Textual is pinned to one release
            self.refresh(layout=True)
        if len(now) > len(keys):
            await self.remove_children(now[len(keys) :])
        elif len(keys) > len(now):
            await self.mount_all(keys[len(now) :], before=palette_now[0] if palette_now else None)
        return True

    def compose(self) -> ComposeResult:
        composed = list(super().compose())
        width = self.size.width or self.app.size.width
        if self._bindings_ready:
            self._composed_for = self._keys_now()
        all_keys = [w for w in composed if isinstance(w, FooterKey)]
        keys = [key for key in all_keys if not key.has_class(PALETTE_CLASS)]
        room = width - sum(key_width(key) for key in all_keys if key.has_class(PALETTE_CLASS))
        kept = set(map(id, fitting(keys, room, self._gives_way)))
        for key in all_keys:  # compact as the footer is (``__init__``), as each key would make itself
            key.add_class("-compact", update=False)  # once mounted, and then be styled a second time
        for widget in composed:
            if id(widget) in kept or not isinstance(widget, FooterKey) or widget.has_class(PALETTE_CLASS):
                yield widget

    def on_resize(self, event: events.Resize) -> None:
        # Built again only if the width changes what fits. Its keys laid out again, the footer is
        # told of its new size too (the room they take): the same width asks nothing.
        composed_width = self._composed_for[0] if self._composed_for else None
        if self._bindings_ready and event.size.width != composed_width:
            self.call_after_refresh(self.recompose)

    def shown_keys(self) -> list[FooterKey]:
        """The keys on the footer now, the palette's last (what tests read)."""
        return list(self.query(FooterKey))
