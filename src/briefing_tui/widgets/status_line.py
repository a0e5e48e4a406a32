"""The status line (as in ``less`` and vim): the document, where the reader is in its text, the current
claim with its verdict, the search and its count, and the last message.

One line of ``Text`` from sanitized strings; ``StatusLine.show`` redraws it only when it changes.
A message (``StatusLine.say``) stays on it for a few seconds.
"""

from __future__ import annotations

from collections.abc import Callable
from time import monotonic

from rich.style import Style
from rich.text import Text
from textual.widget import Widget

from briefing_tui.display import sanitize
from briefing_tui.record import record
from briefing_tui.widgets.looks import Looks
from briefing_tui.words import plural


@record
class Status:
    """What the status line says. ``claim``: (position from 1, count, glyph, label, rating)."""

    title: str
    percent: int
    claim: tuple[int, int, str, str, str] | None = None
    claims: int = 0
    search: str = ""
    count: str = ""
    message: str = ""
    filtered: int | None = None
    """With the ``&`` filter on, how many claims start in the paragraphs it shows."""
    mention: str = ""
    """The selected entity and which of its mentions stands out: ``Kurt M. Campbell 2/7``."""


def status_text(status: Status, looks: Looks | None = None) -> Text:
    """The line: the message, the claim, the search, the position, then the title (cut off first when
    the line is short: what changes as one reads comes before what does not)."""
    out = Text(end="", no_wrap=True, overflow="ellipsis")
    gap = ("  │ ", "dim")
    if status.message:
        out.append(sanitize(status.message), style="bold")
        out.append(*gap)
    if status.claim is not None:
        position, count, glyph, label, rating = status.claim
        out.append(f"claim {position:,} of {count:,} ")
        style = looks.rating(rating) if looks is not None else Style()
        out.append(f"{glyph} {label}", style=style + Style(bold=True))
        if status.filtered is not None:
            out.append(f" ({status.filtered:,} shown by the filter)")
    elif status.claims:
        out.append(f"{plural(status.claims, 'claim')}: ] for the first")
    else:
        out.append("no claims")
    if status.mention:
        out.append(*gap)
        out.append(sanitize(status.mention))
    if status.search:
        out.append(*gap)
        out.append(f"/{sanitize(status.search)}")
        if status.count:
            out.append(f" {status.count}", style="bold")
    out.append(*gap)
    out.append(f"{status.percent}%")
    out.append(*gap)
    out.append(sanitize(status.title), style="bold")
    return out


class StatusLine(Widget):
    """One line above the footer, on every size of terminal."""

    DEFAULT_CSS = "StatusLine { height: 1; padding: 0 1; }"

    def __init__(self, status_of: Callable[[str], Status], *, id: str = "status") -> None:
        super().__init__(id=id)
        self._status_of = status_of  # what the line says, given the message to show
        self._status: Status | None = None
        self._text = Text()
        self._message, self._message_until = "", 0.0
        self._said_at: tuple[object, ...] | None = None  # where a refusal was said (``say``)

    def refresh_status(self) -> None:
        """Say what ``status_of`` gives now (the line is drawn again only when that changed); a
        refusal said ``until_moved`` goes once the claim or document it was said on has changed."""
        if not self.is_attached:  # not before the screen is composed
            return
        status = self._status_of(self.message)
        if self._said_at is not None and (status.title, status.claim) != self._said_at:
            self._message_until, self._said_at = 0.0, None
            status = self._status_of("")
        self.show(status)

    def follow(self, scrolled: Widget) -> None:
        """From now on say it again when ``scrolled`` scrolls, and at a glance's pace: a search
        counts as it goes (in a worker) and the text wraps in the background."""
        self.watch(scrolled, "scroll_y", self.refresh_status, init=False)
        self.set_interval(0.25, self.refresh_status)
        self.refresh_status()

    def say(self, message: str, seconds: float, *, until_moved: bool = False) -> None:
        """Show ``message`` for ``seconds``; ``until_moved``: no longer once the current claim or
        document changed (why a key could not act there is stale elsewhere)."""
        self._message, self._message_until, self._said_at = message, monotonic() + seconds, None
        self.refresh_status()
        if until_moved and self._status is not None:  # where it is said: the line just drawn
            self._said_at = (self._status.title, self._status.claim)

    @property
    def message(self) -> str:
        """The message said last, while its time lasts (else "")."""
        return self._message if self._message_until > monotonic() else ""

    @property
    def plain(self) -> str:
        return self._text.plain

    @property
    def caught_up(self) -> bool:
        """Whether the line says what it would say now (it follows a search at a glance's pace)."""
        return not self.is_attached or self._status == self._status_of(self.message)

    def on_mount(self) -> None:  # another theme: drawn again with its looks
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self._redraw())

    def _redraw(self) -> None:
        if self._status is not None:
            self._text = status_text(self._status, Looks(self))
            self.refresh()

    def show(self, status: Status) -> None:
        if status == self._status:
            return
        self._status = status
        self._text = status_text(status, Looks(self))
        self.refresh()

    def render(self) -> Text:
        return self._text
