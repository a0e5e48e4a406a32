"""Speed of the text pane's wrapping, by script: what the pane does to each paragraph, beside what
it did before, in the same run.

Usage: python bench/bench_wrap.py [--chars N] [--width W] [--runs N]

Now: a ``PLAIN`` paragraph (Latin, Arabic...) is wrapped straight from the text; a ``kept()`` one
(Chinese...: kept as it is by the display boundary, but of two cells a character) is measured by
``wrap_paragraph`` without being sanitized; any other is sanitized, then measured. Before: every
paragraph that is not ``PLAIN_BEFORE`` (Latin, Greek, Cyrillic) is sanitized, then measured a
character at a time (``wrapped_char_by_char``: the rule ``wrap_paragraph`` follows, and the tests'
reference).

The texts are made here from a fixed seed: French (the seed article's paragraphs), Chinese (common
ideographs and full-width punctuation), Arabic without vowel marks (as news is written) and with
some, Japanese (kana and ideographs) and Vietnamese written with combining accents. Prints
nanoseconds per character, and what a 10 MB text of each would take to wrap, in the background, at
that pace.
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

from rich.cells import get_character_cell_size

from briefing_tui.display import PLAIN, kept, sanitize
from briefing_tui.widgets.text_lines import NO_LINE_END, NO_LINE_START, wrap_paragraph, wrap_plain

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = (ROOT / "seeds" / "000_795bd620279ba71d.txt").read_text(encoding="utf-8")

PLAIN_BEFORE = re.compile(
    "[\x20-\x7e\xa0-\xac\xae-\u02ff\u0370-\u0377\u037a-\u037f\u0384-\u038a\u038c\u038e-\u03a1"
    "\u03a3-\u0482\u048a-\u052f\u2010-\u2027\u202f-\u205e\u20a0-\u20c0\u2100-\u214f]*"
)
"""``PLAIN`` before it took in Hebrew and Arabic: Latin, Greek, Cyrillic and typography."""

Wrap = Callable[[str, int, int], list[tuple[int, int]]]


def wrapped_char_by_char(text: str, start: int, width: int) -> list[tuple[int, int]]:
    """The rule of ``wrap_paragraph``, a character at a time: a line ends before the first character
    that would take it past ``width`` cells (never its first one): at that character when it is a
    space (dropped), else after the line's last space but its first one (dropped), else at it, or
    one before it when it is closing punctuation or the one before it an opening bracket (and the
    line keeps a character)."""
    width = max(1, width)
    lines: list[tuple[int, int]] = []
    pos, used, last_space, i = 0, 0, -1, 0
    while i < len(text):
        char = text[i]
        size = get_character_cell_size(char)
        if used + size > width and i > pos:
            if char == " ":
                lines.append((start + pos, start + i))
                pos = i + 1
            elif last_space > pos:
                lines.append((start + pos, start + last_space))
                pos = last_space + 1
            else:
                if i - 1 > pos and (char in NO_LINE_START or text[i - 1] in NO_LINE_END):
                    i -= 1
                lines.append((start + pos, start + i))
                pos = i
            used, last_space, i = 0, -1, pos
            continue
        if char == " ":
            last_space = i
        used += size
        i += 1
    lines.append((start + pos, start + len(text)))
    return lines


def _paragraphs(words: Callable[[random.Random], str], chars: int, rng: random.Random) -> str:
    out: list[str] = []
    size = 0
    while size < chars:
        paragraph = words(rng)
        out.append(paragraph)
        size += len(paragraph) + 1
    return "\n".join(out)


def _chinese(rng: random.Random) -> str:
    ideographs = [chr(c) for c in range(0x4E00, 0x4E00 + 3500)]
    sentences = ("".join(rng.choices(ideographs, k=rng.randint(8, 40))) for _ in range(rng.randint(2, 9)))
    return "。".join("，".join((s[: len(s) // 2], s[len(s) // 2 :])) for s in sentences) + "。"


def _arabic(rng: random.Random, vowels: float = 0.0) -> str:
    letters = [chr(c) for c in range(0x0627, 0x064B)]
    marks = ["\u064e", "\u064f", "\u0650", "\u0651", "\u0652"]  # vowels and the shadda: no cell
    words = []
    for _ in range(rng.randint(20, 160)):
        word = rng.choices(letters, k=rng.randint(2, 8))
        words.append("".join(c + (rng.choice(marks) if rng.random() < vowels else "") for c in word))
    return " ".join(words) + "."


def _japanese(rng: random.Random) -> str:
    kana = [chr(c) for c in range(0x3041, 0x3097)] + [chr(c) for c in range(0x30A1, 0x30FB)]
    ideographs = [chr(c) for c in range(0x4E00, 0x4E00 + 2000)]
    chars = (
        rng.choice(kana) if rng.random() < 0.6 else rng.choice(ideographs)
        for _ in range(rng.randint(40, 400))
    )
    return "".join(chars) + "。"


def _vietnamese(rng: random.Random) -> str:
    syllables = ["vie\u0302\u0323t", "nam", "ngu\u031bo\u031b\u0300i", "ha\u0300", "no\u0323i", "qua\u0302n"]
    return " ".join(rng.choice(syllables) for _ in range(rng.randint(20, 150))) + "."


def texts(chars: int) -> dict[str, str]:
    rng = random.Random(1)
    french = ARTICLE
    while len(french) < chars:
        french += "\n" + ARTICLE
    return {
        "French": french[:chars],
        "Chinese": _paragraphs(_chinese, chars, rng),
        "Arabic": _paragraphs(_arabic, chars, rng),
        "Arabic, some vowel marks": _paragraphs(partial(_arabic, vowels=0.05), chars, rng),
        "Japanese": _paragraphs(_japanese, chars, rng),
        "Vietnamese (combining accents)": _paragraphs(_vietnamese, chars, rng),
    }


def wrap_text(text: str, width: int, wrap: Wrap, as_is: bool = True) -> list[tuple[int, int]]:
    """Every line of ``text``, each paragraph as the text pane takes it (``text_wrap._wrap_range``);
    with ``as_is`` False, as before ``kept()``: every paragraph not ``PLAIN_BEFORE`` is sanitized."""
    starts: list[int] = []
    ends: list[int] = []
    plain, as_it_is, pos, n = (PLAIN if as_is else PLAIN_BEFORE).fullmatch, kept().fullmatch, 0, len(text)
    while pos <= n:
        nl = text.find("\n", pos)
        end = n if nl < 0 else nl
        if plain(text, pos, end):
            wrap_plain(text, pos, end, width, starts, ends)
        else:
            paragraph = text[pos:end] if as_is and as_it_is(text, pos, end) else sanitize(text[pos:end])
            for s, e in wrap(paragraph, pos, width):
                starts.append(s)
                ends.append(e)
        pos = end + 1
    return list(zip(starts, ends, strict=True))


def _best(fn: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chars", type=int, default=500_000)
    parser.add_argument("--width", type=int, default=116)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    print(f"wrapping {args.chars:,} characters to {args.width} cells, medians of {args.runs} runs")
    for name, text in texts(args.chars).items():
        width = args.width
        same = wrap_text(text, width, wrap_paragraph) == wrap_text(text, width, wrapped_char_by_char, False)
        now = _best(partial(wrap_text, text, width, wrap_paragraph), args.runs) / len(text)
        before = _best(partial(wrap_text, text, width, wrapped_char_by_char, False), args.runs) / len(text)
        ten = 10e6 / len(text.encode("utf-8")) * len(text)  # the characters of 10 MB of it
        print(
            f"  {name:<31} {now * 1e9:5.0f} ns a character, before {before * 1e9:5.0f}"
            f" ({before / now:4.1f}x); 10 MB: {now * ten:5.2f} s against {before * ten:5.2f} s;"
            f" the same lines: {'yes' if same else 'NO'}"
        )


if __name__ == "__main__":
    main()
