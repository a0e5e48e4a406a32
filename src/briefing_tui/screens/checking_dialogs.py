"""The dialogs of checking: rating a claim, writing a note, choosing between two versions of an
annotation, and quitting with unsaved edits.

Every document string shown here passes through the display boundary (``sanitize``), and so does
what an input shows: a control byte typed or pasted is drawn as its visible stand-in, never reaches
the terminal, and is kept as written in what the input gives (``SafeTextArea``, ``FormInput``).
``ctrl+s`` in a dialog is "done", escape cancels. What a dialog holds typed and not yet done
(``Dialog.typed``) is unsaved work: quitting asks about it, and "Save and quit" does it first.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Footer, Input, OptionList, Static
from textual.widgets.option_list import Option

from briefing_tui.display import sanitize
from briefing_tui.edit import render
from briefing_tui.edit.merge import Conflict
from briefing_tui.model.types import RATINGS, Claim, Rating
from briefing_tui.widgets.safe_input import FormInput
from briefing_tui.widgets.safe_text_area import SafeTextArea
from briefing_tui.widgets.steady_list import EndingOptionList


class Dialog(ModalScreen[Any]):
    """A checking dialog: ``ctrl+s`` is done, escape cancels (dismisses with None)."""

    BINDINGS = [
        Binding("ctrl+s", "done", "Done"),
        Binding("escape", "cancel", "Cancel"),
    ]
    HELP_GROUP = "Checking dialog"

    _warned: str | None = None  # what escape was last said to drop

    def action_cancel(self) -> None:
        """Cancel; with text typed here (``typed``), only at a second escape, the first saying so."""
        typed = self.typed()
        if typed is not None and typed != self._warned:
            self._warned = typed
            self.notify(f"Escape again drops {typed}; ctrl+s keeps it", markup=False, timeout=4)
            return
        self.dismiss(None)

    def action_done(self) -> None:
        """The dialog's answer, acted on as the person confirms it (each dialog that has one)."""

    def typed(self) -> str | None:
        """What was typed here and differs from what the dialog opened with, named for the quit
        question ("the note being typed"); None: nothing typed, quitting need not ask for it."""
        return None

    def done_then(self, then: Callable[[], None]) -> None:
        """Saving and quitting: the dialog done as its own ctrl+s does, then ``then`` once its answer
        has been acted on. A dialog that refuses what was typed stays open, saying why: no ``then``."""
        self.action_done()
        if self not in self.app.screen_stack:  # dismissed: its answer is acted on in the app's
            self.app.call_next(then)  # queue (the dialog was asked for by a key, or by an answer)


class RatingDialog(Dialog):
    """Rate a claim: the format's scale, and a multi-line explanation. Dismisses with
    ``(rating value, explanation)`` or None."""

    def __init__(self, claim: Claim) -> None:
        super().__init__()
        self.claim = claim

    def compose(self) -> ComposeResult:
        claim = self.claim
        with Vertical(id="check-dialog"):
            said = claim.gloss or ""
            yield Static(Content(sanitize(f"Rate claim {claim.id}" + (f": {said}" if said else ""))),
                         id="check-title")  # fmt: skip
            # the list stops at its ends, as every list does (down from the last rating stays there)
            yield EndingOptionList(*[Option(Content(f"{info.glyph} {info.label}"), id=r.value)
                                     for r, info in RATINGS.items()], id="check-ratings")  # fmt: skip
            yield Static("Explanation (tab: here; ctrl+s: done; escape: cancel)", classes="check-label")
            explanation = claim.verdict.explanation if claim.verdict else ""
            yield SafeTextArea(explanation, id="check-text", soft_wrap=True, show_line_numbers=False)
        yield Footer()

    def on_mount(self) -> None:
        ratings = self.query_one("#check-ratings", OptionList)
        current = self.claim.verdict.rating if self.claim.verdict else Rating.SUPPORTED
        ratings.highlighted = list(RATINGS).index(current)
        ratings.focus()
        self.call_after_refresh(self.fit_ratings)

    def on_resize(self) -> None:
        self.call_after_refresh(self.fit_ratings)

    def fit_ratings(self) -> None:
        """The list of ratings as tall as it can be with the explanation's least height (its border
        and three lines) below it: all of them in a box with room for them, else it scrolls (the
        highlighted one kept in view)."""
        box, ratings = self.query_one("#check-dialog"), self.query_one("#check-ratings", OptionList)
        text = self.query_one("#check-text", SafeTextArea)
        others = sum(w.outer_size.height for w in box.children if w is not ratings and w is not text)
        least = int(text.styles.min_height.value) if text.styles.min_height is not None else 0
        fit = min(max(4, box.content_region.height - others - least), len(RATINGS) + 2)  # rows, border
        if ratings.styles.max_height is None or ratings.styles.max_height.value != fit:
            ratings.styles.max_height = fit
            self.call_after_refresh(ratings.scroll_to_highlight)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.query_one("#check-text", SafeTextArea).focus()  # enter on a rating: on to the explanation

    def action_done(self) -> None:
        ratings = self.query_one("#check-ratings", OptionList)
        if ratings.highlighted is None:
            self.app.bell()
            return
        rating = list(RATINGS)[ratings.highlighted].value
        self.dismiss((rating, self.query_one("#check-text", SafeTextArea).text))

    def typed(self) -> str | None:
        verdict = self.claim.verdict
        if self.query_one("#check-text", SafeTextArea).text != (verdict.explanation if verdict else ""):
            return "the explanation being typed"
        highlighted = self.query_one("#check-ratings", OptionList).highlighted
        chosen = list(RATINGS)[highlighted] if highlighted is not None else None
        return "the rating being chosen" if verdict is not None and chosen != verdict.rating else None


class NoteDialog(Dialog):
    """Write a note (empty: no note). Dismisses with the note, or None."""

    def __init__(self, title: str, note: str) -> None:
        super().__init__()
        self.title_text = title
        self.note = note

    def compose(self) -> ComposeResult:
        with Vertical(id="check-dialog"):
            yield Static(Content(sanitize(self.title_text)), id="check-title")
            yield Static("ctrl+s: done; escape: cancel; an empty note removes it", classes="check-label")
            yield SafeTextArea(self.note, id="check-text", soft_wrap=True, show_line_numbers=False)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#check-text", SafeTextArea).focus()

    def action_done(self) -> None:
        self.dismiss(self.query_one("#check-text", SafeTextArea).text)

    def typed(self) -> str | None:
        changed = self.query_one("#check-text", SafeTextArea).text != self.note
        return "the note being typed" if changed else None


class ConflictDialog(Dialog, inherit_bindings=False):
    """One annotation changed here and in the file on disk: both versions side by side, the person
    keeps one. Dismisses with ``"mine"``, ``"theirs"``, ``"elsewhere"`` or None (left open)."""

    BINDINGS = [
        Binding("m", "keep('mine')", "Keep mine"),
        Binding("t", "keep('theirs')", "Keep the file's"),
        Binding("e", "keep('elsewhere')", "Save mine elsewhere"),
        Binding("escape", "cancel", "Decide later"),
    ]

    def __init__(self, conflict: Conflict, text: str, count: int) -> None:
        super().__init__()
        self.conflict = conflict
        self.text = text
        self.count = count

    def _side(self, obj: Any) -> str:
        if obj is None:
            return "(removed)"
        return sanitize(render.dump(render.item_data(obj, self.text)), multiline=True)

    def compose(self) -> ComposeResult:
        c = self.conflict
        more = f" (1 of {self.count})" if self.count > 1 else ""
        with Vertical(id="check-dialog"):
            yield Static(Content(sanitize(f"{c.kind} {c.id} was changed here and in the file on disk{more}")),
                         id="check-title")  # fmt: skip
            with Horizontal(id="check-sides"):
                with VerticalScroll(classes="check-side"):
                    yield Static("Mine (m)", classes="check-label")
                    yield Static(Content(self._side(c.mine)), id="check-mine")
                with VerticalScroll(classes="check-side"):
                    yield Static("The file's (t)", classes="check-label")
                    yield Static(Content(self._side(c.theirs)), id="check-theirs")
        yield Footer()

    def action_keep(self, which: str) -> None:
        self.dismiss(which)


class QuitDialog(Dialog, inherit_bindings=False):
    """Quitting with unsaved edits (in the files ``names``) or text ``typed`` in the dialog beneath
    and not yet done (``Dialog.typed``): save and quit, quit without saving, or stay."""

    BINDINGS = [
        Binding("ctrl+s", "choose('save')", "Save and quit"),
        Binding("d", "choose('discard')", "Quit without saving"),
        Binding("escape", "cancel", "Stay"),
    ]

    def __init__(self, names: list[str], typed: str | None = None) -> None:
        super().__init__()
        self.names = names
        self.typed_beneath = typed

    def compose(self) -> ComposeResult:
        listed = ", ".join(sanitize(n) for n in self.names)
        edits = f"edits in {listed}" if self.names else ""
        if self.typed_beneath is not None:
            said = f"Not saved yet: {self.typed_beneath}" + (f", and {edits}." if edits else ".")
        else:
            said = f"Unsaved {edits}."
        with Vertical(id="check-dialog", classes="-small"):
            yield Static(Content(said), id="check-title")
            said = "ctrl+s: save and quit · d: quit without saving · escape: stay"
            yield Static(said, classes="check-label")
        yield Footer()

    def action_choose(self, what: str) -> None:
        self.dismiss(what)


class ChoiceDialog(Dialog, inherit_bindings=False):
    """Choose one of ``options`` (``(id, label)``; labels pass through the display boundary) with
    the arrows and enter; with ``filtered``, letters typed keep the options whose label holds them
    (accents and case folded). Dismisses with the id, or None."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(
        self, title: str, options: list[tuple[str, str]], *, filtered: bool = False, holding: str = ""
    ) -> None:
        super().__init__()
        self.title_text = title
        self.options = options
        self.filtered = filtered
        self.holding = holding  # what is lost unless it is answered (a new source), for quitting

    def typed(self) -> str | None:
        return self.holding or None

    def action_done(self) -> None:  # saving and quitting: the choice is the person's to make
        self.notify("Answer this, then quit again: nothing is saved yet", severity="error", markup=False)

    def compose(self) -> ComposeResult:
        with Vertical(id="check-dialog"):
            yield Static(Content(sanitize(self.title_text)), id="check-title")
            if self.filtered:
                yield FormInput(placeholder="type to filter; ↓ to the list; enter chooses", id="check-filter")
            yield EndingOptionList(*self._options(""), id="check-choices")
        yield Footer()

    def _options(self, typed: str) -> list[Option]:
        from briefing_tui.search.filter import text_filter  # deferred: only when a list is filtered

        accept = text_filter(typed) if typed else None
        return [
            Option(Content(sanitize(label)), id=key)
            for key, label in self.options
            if accept is None or accept(sanitize(label))
        ]

    def on_mount(self) -> None:
        self.query_one("#check-filter" if self.filtered else "#check-choices").focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        choices = self.query_one("#check-choices", OptionList)
        choices.clear_options()
        choices.add_options(self._options(event.value))
        choices.highlighted = 0 if choices.option_count else None

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        choices = self.query_one("#check-choices", OptionList)
        if choices.highlighted is not None:
            self.dismiss(choices.get_option_at_index(choices.highlighted).id)

    def on_key(self, event: events.Key) -> None:
        if event.key == "down" and isinstance(self.focused, Input):
            event.stop()
            self.query_one("#check-choices", OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)


class SourceForm(Dialog):
    """A new source: title, publisher, date (EDTF), address (the rules of ``o``). Checked as the
    person presses ctrl+s; a mistake is said in the form, which stays open. Dismisses with the
    four fields, or None."""

    FIELDS = (
        ("title", "Title (required)"),
        ("publisher", "Publisher"),
        ("date", "Date (EDTF: 2024-04-25, 2024-04…)"),
        ("url", "Address (https://…)"),
    )

    def compose(self) -> ComposeResult:
        with Vertical(id="check-dialog"):
            yield Static("A new source (tab: next field; ctrl+s: done; escape: cancel)", id="check-title")
            with VerticalScroll(id="check-fields"):  # scrolls on a small terminal; the mistake stays seen
                for name, label in self.FIELDS:
                    yield Static(label, classes="check-label")
                    yield FormInput(id=f"source-{name}")
            yield Static(id="source-problem", classes="check-problem")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#source-title", FormInput).focus()

    def action_done(self) -> None:
        from briefing_tui.edit import ops  # deferred: only when a source is made

        values = {name: self.query_one(f"#source-{name}", FormInput).value for name, _ in self.FIELDS}
        field = "title"  # the field checked: the one at fault when it raises
        try:
            for name, value in values.items():
                ops.clean(value, name)  # a character that cannot be saved: said here, the form kept
            if not values["title"].strip():
                raise ops.EditError("a new source needs a title")
            field = "date"
            if values["date"].strip():
                ops.check_date(values["date"])
            field = "url"
            if values["url"].strip():
                ops.check_url(values["url"])
        except ops.EditError as exc:
            self.query_one("#source-problem", Static).update(Content(sanitize(str(exc))))
            self.query_one(f"#source-{field}", FormInput).focus()  # in view, its mistake said below
            self.app.bell()
            return
        self.dismiss(values)

    def typed(self) -> str | None:
        fields = self.query(FormInput)
        return "the new source being typed" if any(field.value for field in fields) else None
