"""``--known DIR``: the entities of existing briefings as a gazetteer that wins over the model."""

from __future__ import annotations

from pathlib import Path

from briefing_tui.annotate.grouping import KnownEntity
from briefing_tui.files import load_paths
from briefing_tui.model.types import Problem


def load_known(paths: list[Path]) -> tuple[list[KnownEntity], list[Problem]]:
    """Named entities (not dates) of every briefing under ``paths``; problems of files that failed."""
    collection = load_paths(paths)
    out: list[KnownEntity] = []
    seen: set[tuple[str, str]] = set()
    for document in collection.documents:
        for entity in document.entities:
            if entity.type == "date" or entity.draft or (entity.name, entity.type) in seen:
                continue  # a draft is not knowledge yet
            seen.add((entity.name, entity.type))
            out.append(
                KnownEntity(
                    entity.name, entity.type, list(entity.aliases), entity.wikidata, entity.description
                )
            )
    problems = [p for found in collection.failed.values() for p in found]
    return out, problems
