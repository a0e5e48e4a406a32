"""The documents pane tells apart documents of the same title by their files' names."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.ui.reader_support import SEEDS, reader_ready, until
from textual.app import App, ComposeResult
from textual.containers import Horizontal

from briefing_tui.app import BriefingApp
from briefing_tui.files import load_paths
from briefing_tui.model.types import Document
from briefing_tui.widgets.document_list import DocumentList, FirstRows


async def test_documents_of_the_same_title_show_their_files_names(tmp_path: Path) -> None:
    text = (SEEDS / "niger-us-withdrawal.yaml").read_text(encoding="utf-8")
    for name, ident, title in (
        ("copy1", "copy-1", ""),
        ("copy2", "copy-2", ""),
        ("other", "other", "Autre "),
    ):
        made = text.replace("id: niger-us-withdrawal", f"id: {ident}", 1).replace(
            'title: "', f'title: "{title}', 1
        )
        (tmp_path / f"{name}.yaml").write_text(made, encoding="utf-8")
    collection = load_paths([tmp_path])
    assert len(collection.documents) == 3
    async with BriefingApp([tmp_path], collection=collection).run_test(size=(120, 40)) as pilot:
        screen = await reader_ready(pilot)
        documents = screen.query_one(DocumentList)
        await until(pilot, lambda: documents.option_count >= 3)
        rows = [str(documents.get_option_at_index(i).prompt) for i in range(documents.option_count)]
        assert rows[0].startswith("copy1.yaml · ") and rows[1].startswith("copy2.yaml · "), rows
        assert rows[2].startswith("Autre") and "·" not in rows[2], rows


class _TwoLists(App[None]):
    """The reader's list and the first look's, each in a box five rows tall, side by side."""

    CSS = "Horizontal > * { width: 40; height: auto; max-height: 5; border: none; }"
    AUTO_FOCUS = None  # as in the first look: drawn alike, unfocused

    def compose(self) -> ComposeResult:
        with Horizontal():
            yield DocumentList(id="whole")
            yield FirstRows(5, id="first")


def documents(count: int, same: tuple[int, int] | None = None) -> list[Document]:
    """``count`` documents titled "Titre N"; the two of ``same`` share a title."""
    made = []
    for i in range(count):
        title = "Titre partagé" if same and i in same else f"Titre {i}"
        made.append(Document(path=Path(f"doc-{i:03}.yaml"), id=f"d{i}", title=title, language="fr", text=""))
    return made


@pytest.mark.parametrize(
    ("count", "same", "failed"),
    [(300, (1, 250), 0), (300, None, 3), (3, None, 1), (5, (0, 4), 2), (6, None, 0)],
)
async def test_the_first_look_s_list_draws_as_the_whole_list(
    count: int, same: tuple[int, int] | None, failed: int
) -> None:
    """Holding only the rows it shows, the first look's list draws them as the reader's list: a title
    shared with a document further down after its file's name, the scroll bar of the whole list,
    the failed files' row when it is in view."""
    app = _TwoLists()
    listed = documents(count, same)
    async with app.run_test(size=(90, 10)) as pilot:
        whole, first = app.query_one("#whole", DocumentList), app.query_one("#first", FirstRows)
        whole.set_documents(listed, "d0", failed)
        first.set_documents(listed, "d0", failed)
        await until(pilot, lambda: whole.size.height == first.size.height == min(count + bool(failed), 5))
        await pilot.pause()
        assert first.option_count <= 5 + bool(failed)
        rows = [list(whole.render_line(y)) for y in range(whole.size.height)]
        assert [list(first.render_line(y)) for y in range(first.size.height)] == rows
        assert whole.show_vertical_scrollbar == first.show_vertical_scrollbar == (count + bool(failed) > 5)
        assert first.virtual_size == whole.virtual_size  # the scroll bar's thumb as long, as placed
        if same:
            assert "doc-" in "".join(seg.text for seg in rows[same[0]])
