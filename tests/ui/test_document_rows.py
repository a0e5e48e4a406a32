"""The documents pane tells apart documents of the same title by their files' names."""

from __future__ import annotations

from pathlib import Path

from tests.ui.reader_support import SEEDS, reader_ready, until

from briefing_tui.app import BriefingApp
from briefing_tui.files import load_paths
from briefing_tui.widgets.document_list import DocumentList


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
