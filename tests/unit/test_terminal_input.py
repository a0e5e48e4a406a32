"""A byte from the terminal that is not UTF-8 is replaced, not a stop of the driver's input thread."""

from __future__ import annotations

import codecs
import sys
import types

import pytest

from briefing_tui.terminal_input import lenient


def _driver_module(monkeypatch: pytest.MonkeyPatch, name: str, factory: object) -> type:
    module = types.ModuleType(name)
    module.getincrementaldecoder = factory  # type: ignore[attr-defined]
    driver = type("Driver", (), {"__module__": name})
    monkeypatch.setitem(sys.modules, name, module)
    return driver


def test_the_drivers_decoder_replaces_what_is_not_utf8(monkeypatch: pytest.MonkeyPatch) -> None:
    driver = _driver_module(monkeypatch, "fake_driver", codecs.getincrementaldecoder)
    lenient(driver)
    decode = sys.modules["fake_driver"].getincrementaldecoder("utf-8")().decode
    assert decode(b"caf\xe9 \xc3") == "caf\ufffd "  # an unfinished character waits for its next byte
    assert decode(b"\xa9", final=True) == "\u00e9"  # é, written in two bytes across two reads
    lenient(driver)  # twice: the same
    assert sys.modules["fake_driver"].getincrementaldecoder("utf-8")().decode(b"\xff") == "\ufffd"


def test_a_driver_that_decodes_otherwise_is_left_as_it_is(monkeypatch: pytest.MonkeyPatch) -> None:
    own = object()
    driver = _driver_module(monkeypatch, "other_driver", own)
    lenient(driver)
    assert sys.modules["other_driver"].getincrementaldecoder is own
