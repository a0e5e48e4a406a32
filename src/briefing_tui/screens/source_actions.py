"""The reader's way to a claim's sources: ``s`` steps through them, ``o`` opens the shown address (a mixin).

The main screen owns the place, the current claim and which of its sources was shown last; this
part of it jumps to the next source (its passage in the text, its entry in the claim pane, or the
document it is) and opens a source's web address in the browser, after saying which host it is.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from briefing_tui.model.navigation import Location

if TYPE_CHECKING:
    from textual.reactive import reactive
    from textual.screen import Screen

    from briefing_tui.model.navigation import Navigator
    from briefing_tui.model.types import Claim, Collection

    _ScreenBase = Screen[None]
else:
    _ScreenBase = object


class SourceActions(_ScreenBase):
    """Mixed into ``MainScreen``: ``s`` (go to source) and ``o`` (open address)."""

    # provided by the screen
    collection: Collection
    nav: Navigator
    narrow: reactive[bool]
    detail: tuple[str, str]
    _here: Location
    _source_index: int | None
    jump_to: Callable[..., None]
    current_claim: Callable[[], Claim | None]
    _focus_pane: Callable[[str], None]

    def action_go_source(self) -> None:
        """To the current claim's source; repeating cycles through its sources."""
        claim = self.current_claim()
        if claim is None or not claim.sources:
            self.app.bell()
            return
        index = 0 if self._source_index is None else self._source_index + 1
        self._go_source_index(claim, index)

    def _url(self) -> str | None:
        kind, ref = self.detail
        source = None
        if kind in ("source", "speaker"):
            source = self.nav.source(ref)
        elif kind == "passage":
            origin = self.collection.document(self._here.via)
            source = origin.source(ref) if origin else None
        elif kind == "claim":
            claim = self.current_claim()
            if claim is not None and claim.sources:
                source = self.nav.source(claim.sources[self._source_index or 0].source)
        addresses = [source.url, *source.mirrors] if source is not None else []
        # the original's address, or a copy's when the original was not found
        return next((u for u in addresses if u and u.lower().startswith(("http://", "https://"))), None)

    def action_open_url(self) -> None:
        """Open the shown source's address in the browser (in a thread; never through a shell)."""
        url = self._url()
        if url is None:
            self.app.bell()
            return
        from briefing_tui.addresses import display_url

        shown = display_url(url)
        if not shown.openable:  # a look-alike host, a user name, controls: say why, open nothing
            why = "\n".join(shown.warnings)
            self.notify(f"Not opened: {shown.text}\n{why}", severity="warning", markup=False)
            return
        import threading
        import webbrowser

        threading.Thread(target=webbrowser.open, args=(url,), daemon=True).start()
        self.notify(f"Opening {shown.text}", markup=False)

    def _go_source_index(self, claim: Claim, index: int) -> None:
        targets = self.nav.source_targets(claim)
        if not targets:
            return
        index %= len(targets)
        target = targets[index]
        where = target.location
        loc = Location(where.doc_id, where.start, where.end, where.kind, where.ref, claim.id, where.via)
        self.jump_to(loc)
        self._source_index = index
        if target.kind == "entry":
            self._focus_pane("claim")
        elif self.narrow:
            self._focus_pane("text")
