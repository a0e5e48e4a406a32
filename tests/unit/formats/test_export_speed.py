"""Every export's work grows in step with the briefing: a briefing 16 times larger costs about 16
times as much, not 256.

The briefings come from bench/make_large.py (a fixed seed). Each export is timed in CPU seconds with
the garbage collector off (its passes grow with the objects alive, not with the export's work), the
best of two runs, on the small and the large one. The bound on the ratio (40, where linear work
gives about 16 and the searches through every claim per claim that made the brat and report exports
take minutes gave 50 to 100) is loose enough that a busy machine does not make it fail, and no time
is asserted on its own.
"""

from __future__ import annotations

import gc
import importlib.util
import time
from pathlib import Path

import pytest

from briefing_tui.formats import registry
from briefing_tui.formats.registry import ExportOptions
from briefing_tui.model import load_document
from briefing_tui.model.types import Document

BENCH = Path(__file__).resolve().parents[3] / "bench" / "make_large.py"
SIZES = ((0.1, 1_000), (1.6, 16_000))  # megabytes of text, annotations


@pytest.fixture(scope="module")
def briefings(tmp_path_factory: pytest.TempPathFactory) -> list[Document]:
    spec = importlib.util.spec_from_file_location("make_large", BENCH)
    assert spec is not None and spec.loader is not None
    make_large = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make_large)
    folder = tmp_path_factory.mktemp("large")
    docs = []
    for n, (megabytes, count) in enumerate(SIZES):
        path = folder / f"b{n}.yaml"
        make_large.generate(path, megabytes, count, 5)
        docs.append(load_document(path))
    return docs


def _cpu(name: str, doc: Document) -> float:
    exporter = registry.get(name).exporter
    assert exporter is not None
    best = float("inf")
    for _ in range(2):
        gc.collect()
        gc.disable()
        try:
            start = time.process_time()
            exporter(doc, ExportOptions())
            best = min(best, time.process_time() - start)
        finally:
            gc.enable()
    return best


@pytest.mark.parametrize("name", ["brat", "markdown", "html", "w3c", "claimreview", "timelinejs"])
def test_an_export_grows_linearly_with_the_briefing(briefings: list[Document], name: str) -> None:
    small, large = briefings
    assert len(large.claims) == 16 * len(small.claims)
    ratio = _cpu(name, large) / max(_cpu(name, small), 1e-3)
    assert ratio < 40, f"{name}: 16x the annotations cost {ratio:.1f}x the CPU"
