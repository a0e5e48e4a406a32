"""A passage of another open document attached as a source of the current claim (``a``, then
"A passage of another open document…"): a list of the other documents' claims and sentences,
narrowed by typing (a text search in them), then the stance. The source written is the format's
source that is a passage of another document (``document:`` its id, ``span:`` the passage).
"""

from __future__ import annotations

from bisect import bisect_right
from typing import TYPE_CHECKING

from textual.content import Content
from textual.widgets.option_list import Option

from briefing_tui.display import sanitize
from briefing_tui.edit import ops
from briefing_tui.model.passages import sentences
from briefing_tui.model.types import Document
from briefing_tui.screens.checking_dialogs import ChoiceDialog
from briefing_tui.screens.checking_forms import choose_stance

if TYPE_CHECKING:
    from briefing_tui.screens.checking import Checking

SHOWN = 300
"""At most this many passages are listed at once (a 10 MB document has some 100,000 sentences):
typing narrows them."""
LONGEST = 160


def others(checking: Checking) -> list[Document]:
    """The open documents of the collection other than the one shown."""
    shown = checking.reader.state.doc
    return [d for d in checking.reader.state.collection.documents if d is not shown and d.id != shown.id]


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= LONGEST else text[: LONGEST - 40] + " … " + text[-36:]


def passage_options(documents: list[Document]) -> list[tuple[str, str]]:
    """``(key, label)`` for every claim and sentence of ``documents``; the key is
    ``index:start:end`` (the document's place in ``documents``, the passage's offsets)."""
    options = []
    for index, doc in enumerate(documents):
        title = doc.title or doc.id
        for claim in doc.claims:
            if claim.span.anchored:
                quote = doc.text[claim.span.start : claim.span.end]
                label = f"{title} · claim {claim.id}: {_short(quote)}"
                options.append((f"{index}:{claim.span.start}:{claim.span.end}", label))
        for start, end in sentences(doc.text):
            options.append((f"{index}:{start}:{end}", f"{title} · {_short(doc.text[start:end])}"))
    return options


class PassageDialog(ChoiceDialog):
    """The passages of the other open documents, the first ``SHOWN`` that hold what is typed.

    A 10 MB document has some 100,000 sentences: rather than folding each row at each key, the
    rows are folded once (at the first key) into one text, searched with ``str.find``."""

    def __init__(self, title: str, options: list[tuple[str, str]], *, filtered: bool = False) -> None:
        super().__init__(title, options, filtered=filtered)
        self._folded: dict[bool, tuple[str, list[int]]] = {}

    def _haystack(self, keep_case: bool) -> tuple[str, list[int]]:
        """Every row folded, joined by new lines, and where each starts."""
        from briefing_tui.search.fold import fold  # deferred: only when a list is filtered

        if keep_case not in self._folded:
            rows = [fold(label, keep_case) for _, label in self.options]
            starts, at = [], 0
            for row in rows:
                starts.append(at)
                at += len(row) + 1
            self._folded[keep_case] = ("\n".join(rows), starts)
        return self._folded[keep_case]

    def _options(self, typed: str) -> list[Option]:
        from briefing_tui.search.filter import needle_of  # deferred: only when a list is filtered

        needle, keep_case = needle_of(typed) if typed else ("", False)
        if not needle:
            rows = range(min(SHOWN, len(self.options)))
        else:
            haystack, starts = self._haystack(keep_case)
            found: list[int] = []
            at = haystack.find(needle)
            while at >= 0 and len(found) < SHOWN:
                row = bisect_right(starts, at) - 1
                found.append(row)
                at = haystack.find(needle, starts[row + 1]) if row + 1 < len(starts) else -1
            rows = found  # type: ignore[assignment]
        return [Option(Content(sanitize(self.options[i][1])), id=self.options[i][0]) for i in rows]


def attach_passage(checking: Checking, claim_id: str) -> None:
    """Choose a passage of another open document, then its stance; one edit attaches it."""
    documents = others(checking)

    def chosen(key: str | None) -> None:
        if key is None:
            return
        index, start, end = (int(part) for part in key.split(":"))
        other = documents[index]
        choose_stance(
            checking, lambda doc, said: ops.attach_passage(doc, "claim", claim_id, other, start, end, said)
        )

    title = f"A passage of another open document as a source of claim {claim_id} (type to search)"
    dialog = PassageDialog(title, passage_options(documents), filtered=True)
    checking.reader.app.push_screen(dialog, chosen)
