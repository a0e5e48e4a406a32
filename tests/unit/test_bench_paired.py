"""The bench's paired figure of two checkouts (``bench/ab_reader.py``): the median of the runs'
differences, run by run, not the difference of their medians."""

from __future__ import annotations

from tests.support.bench_modules import bench_module

paired = bench_module("ab_reader")._paired


def test_the_median_of_the_differences_run_by_run_and_the_runs_sooner() -> None:
    before = [1.0, 2.0, 3.0]
    assert paired(before, [0.9, 2.2, 2.95]) == "   -50 ms  (sooner in 2 of 3 runs)"


def test_one_slow_turn_moves_the_medians_not_the_paired_figure() -> None:
    """The second checkout's first run met a slow moment of the machine: its median is 500 ms later
    than the first's, while it came sooner in the two other turns."""
    before, now = [1.0, 2.0, 3.0], [2.5, 1.9, 2.95]
    assert sorted(now)[1] - sorted(before)[1] == 0.5
    assert paired(before, now) == "   -50 ms  (sooner in 2 of 3 runs)"
