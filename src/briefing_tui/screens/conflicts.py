"""The file changed on disk and the same annotation was changed here too: each such annotation
is shown side by side (``ConflictDialog``) for the person to keep their version (``m``), the
file's (``t``), or to save their whole version under another path (``e``), leaving the file on
disk as it is; escape decides later. Nothing is written over the file until every conflict is
settled; when a save found the conflicts, settling the last one saves.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from briefing_tui.display import display_path
from briefing_tui.edit.session import Session
from briefing_tui.screens.checking_dialogs import ConflictDialog
from briefing_tui.screens.checking_forms import save_elsewhere
from briefing_tui.screens.line_dialogs import PathDialog

if TYPE_CHECKING:
    from briefing_tui.screens.checking import Checking


def show_conflicts(
    checking: Checking, session: Session, then: Callable[[], None] | None = None, *, saving: bool = False
) -> None:
    """Show the first conflict left. Once all are settled: when a save found them (``saving``:
    ctrl+s, or quitting with ``then``), save, as it was asked; when the live reload did, the edits
    stay unsaved, and that is said."""
    if any(isinstance(s, ConflictDialog | PathDialog) for s in checking.reader.app.screen_stack):
        return  # already asked (the live reload and a save may both find the conflict)
    conflicts = session.pending_conflicts()
    if not conflicts:
        if saving:
            checking.save_session(session, then)
        else:
            checking.say(f"Conflicts settled in {display_path(session.path.name)}: ctrl+s saves")
        return
    conflict = conflicts[0]

    def chosen(keep: str | None) -> None:
        if keep == "elsewhere":
            save_elsewhere(checking, session, then, conflicts=True)
            return
        if keep not in ("mine", "theirs"):
            checking.say("Conflict left open: ctrl+s asks again", error=True)
            return
        dropped = session.resolve(conflict.kind, conflict.id, keep)  # type: ignore[arg-type]
        for said in dropped:
            checking.say(said)
        checking.paint_all(session)
        show_conflicts(checking, session, then, saving=saving)

    checking.reader.app.push_screen(ConflictDialog(conflict, session.doc.text, len(conflicts)), chosen)
