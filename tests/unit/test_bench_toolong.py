"""The reader's figures on the 10 MB briefing as ratios to toolong's, timed in the same turns
(``bench/toolong_anchor.py``): run by run, beside the ratio the aim had when it was set."""

from __future__ import annotations

import pytest
from tests.support.bench_modules import bench_module

anchor = bench_module("toolong_anchor")


def test_the_median_of_the_runs_ratios_beside_the_aims_ratio() -> None:
    # the reader 1.8 s where toolong took 2.0 s, then 2.4 s where it took 2.0 s, then 1.0 s against 1.0 s
    line = anchor.against_toolong("every pane filled", [1.8, 2.4, 1.0], [2.0, 2.0, 1.0])
    assert line.startswith("1.00x toolong's 2,000 ms")
    assert "the aim of 1 s was 1.76x toolong's 567 ms when set: within it" in line


def test_a_slow_turn_of_both_is_one_ratio_among_the_others() -> None:
    """The medians of each (3.0 s against 1.5 s) would say 2.00x; run by run the reader took 1.1x."""
    reader, toolong = [1.1, 3.3, 4.4], [1.0, 3.0, 1.5]
    line = anchor.against_toolong("idle", reader, toolong)
    assert line.startswith("1.10x toolong's 1,500 ms")
    assert line.endswith("the aim of 2 s was 2.56x toolong's 780 ms when set: within it)")


def test_over_the_aims_ratio_is_said() -> None:
    line = anchor.against_toolong("every pane filled", [2.0], [1.0])
    assert line.startswith("2.00x") and line.endswith("when set: over it)")


def test_runs_unpaired_are_refused() -> None:
    with pytest.raises(ValueError):
        anchor.against_toolong("idle", [1.0, 2.0], [1.0])


def test_a_missing_toolong_named_says_how_to_install_it() -> None:
    with pytest.raises(SystemExit, match="pip install toolong"):
        anchor.find_toolong("/nonexistent/tl")
