"""The bench's figure of idle: the last moment a program used CPU before a quiet spell, from the
moments its CPU time was seen to grow (``bench/cpu_watch.py``), never the moment the bench looked."""

from __future__ import annotations

from tests.support.bench_modules import bench_module

quiet_from = bench_module("cpu_watch").quiet_from


def test_the_first_quiet_spell_after_the_start_is_the_rest() -> None:
    changes = [0.1, 0.2, 1.0, 1.1, 1.3, 2.5]
    assert quiet_from(changes, start=0.9, now=3.5, quiet=0.5) == 1.3  # 1.3 → 2.5 is over 0.5 s


def test_a_wait_before_the_start_is_not_the_rest() -> None:
    changes = [0.1, 0.2, 0.9, 1.0, 1.2]  # 0.2 → 0.9: waiting for something, before the start
    assert quiet_from(changes, start=0.95, now=2.0, quiet=0.5) == 1.2


def test_the_last_use_before_the_start_counts_when_nothing_follows() -> None:
    """The spell must be seen whole after the start: 0.4 s of it is not enough, 0.5 s is."""
    assert quiet_from([0.1, 0.8], start=1.0, now=1.4, quiet=0.5) is None
    assert quiet_from([0.1, 0.8], start=1.0, now=1.5, quiet=0.5) == 0.8


def test_none_until_the_quiet_spell_has_been_seen_whole() -> None:
    changes = [1.0, 1.2]
    assert quiet_from(changes, start=1.0, now=1.6, quiet=0.5) is None
    assert quiet_from(changes, start=1.0, now=1.7, quiet=0.5) == 1.2


def test_a_use_seen_after_a_quiet_spell_does_not_move_the_rest() -> None:
    """A timer's tick long after the work ended (the process at rest wakes now and then) is not
    where the rest began."""
    assert quiet_from([0.6, 0.9, 1.1, 2.0], start=0.5, now=3.0, quiet=0.5) == 1.1
