"""Reading a brat ``.ann`` file: each line checked and sorted by kind, every reference resolved.

``parse_ann`` gives the annotations by kind (``Ann``) and the problems found, with their lines;
``brat`` builds the briefing from them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from briefing_tui.formats.common import problem
from briefing_tui.model.types import Problem

ID = re.compile(r"^[TREAMN#*]\d*$")
_SIMPLE_T = re.compile(r"^(T\d+)\t([^\s;]+) (\d+) (\d+)(?:\t([^\t\n\r]*))?\r?$", re.MULTILINE)
"""A text-bound annotation of one fragment: most lines of a large file, read in one pass."""


def _fast_text_bound(
    path: Path, text: str, ann: str, shift: int, out: Ann, seen: set[str], errors: list[Problem]
) -> set[int]:
    """Read the one-fragment ``T`` lines in one pass over the file; the line numbers read are returned
    (the line-by-line reading skips them, and checks everything else, repeated ids included)."""
    done: set[int] = set()
    size, line_no, at = len(text), 1, 0
    for match in _SIMPLE_T.finditer(ann):
        line_no += ann.count("\n", at, match.start())
        at = match.start()
        head, type_, low, high, quoted = match.groups()
        if head in seen:
            continue  # the general reading reports it
        a, b = max(0, int(low) - shift), max(0, int(high) - shift)
        seen.add(head)
        done.add(line_no)
        if not a <= b <= size:
            errors.append(problem(path, f"{head}: offsets {a} {b} are outside the text (0..{size})", line_no))
            continue
        shown = text[a:b]
        if quoted is not None and quoted != shown and quoted.split() != shown.split():
            message = f"{head}: its text {quoted!r} differs from the text at its offsets"
            errors.append(problem(path, message, line_no, 1, warning=True))
        out.t[head] = (type_, [(a, b)], line_no)
    return done


@dataclass
class Ann:
    """The parsed ``.ann`` file."""

    t: dict[str, tuple[str, list[tuple[int, int]], int]] = field(
        default_factory=dict
    )  # id: type, frags, line
    e: dict[str, tuple[str, str, list[tuple[str, str]], int]] = field(
        default_factory=dict
    )  # type, trig, args
    r: list[tuple[str, str, list[tuple[str, str]], int]] = field(default_factory=list)  # id, type, args, line
    a: list[tuple[str, str, str, str | None, int]] = field(default_factory=list)  # id, name, target, value
    n: list[tuple[str, str, str, str, str, str, int]] = field(
        default_factory=list
    )  # id, kind, target, db, key, text, line
    notes: list[tuple[str, str, str, int]] = field(default_factory=list)  # kind, target, text, line
    equiv: list[tuple[str, list[str], int]] = field(default_factory=list)


def parse_ann(path: Path, text: str, ann: str, shift: int = 0) -> tuple[Ann, list[Problem]]:
    out, errors = Ann(), []
    seen: set[str] = set()

    def err(line_no: int, message: str, column: int = 1) -> None:
        errors.append(problem(path, message, line_no, column))

    fast_lines = _fast_text_bound(path, text, ann, shift, out, seen, errors)
    fast_count = len(out.t)
    for line_no, line in enumerate(ann.split("\n"), 1):
        if line_no in fast_lines:
            continue
        line = line.rstrip("\r")
        if not line.strip():
            continue
        head, _, rest = line.partition("\t")
        if not ID.match(head):
            err(
                line_no,
                f"not a brat annotation: {line[:40]!r} (expected an id such as T1, R1, E1, A1, N1, #1, *)",
            )
            continue
        if head != "*" and head in seen:
            err(line_no, f"{head} is defined twice")
            continue
        seen.add(head)
        kind = head[0]
        fields = rest.split("\t")
        words = fields[0].split(" ")
        try:
            if kind == "T":
                type_, _, ranges = fields[0].partition(" ")
                frags: list[tuple[int, int]] = []
                for part in ranges.split(";"):
                    low, high = (int(v) for v in part.split())
                    if low < 0 or high < 0:
                        frags = []
                        err(line_no, f"{head}: offsets {low} {high}: an offset cannot be negative")
                        break
                    frags.append((max(0, low - shift), max(0, high - shift)))
                if not frags:
                    continue
                for a, b in frags:
                    if not 0 <= a <= b <= len(text):
                        err(line_no, f"{head}: offsets {a} {b} are outside the text (0..{len(text)})")
                        break
                else:
                    quoted = fields[1] if len(fields) > 1 else None
                    shown = " ".join(text[a:b] for a, b in frags)
                    if quoted is not None and quoted.split() != shown.split():  # brat flattens whitespace
                        errors.append(
                            problem(
                                path,
                                f"{head}: its text {quoted!r} differs from the text at its offsets",
                                line_no,
                                1,
                                warning=True,
                            )
                        )
                    out.t[head] = (type_, frags, line_no)
            elif kind == "E":
                type_, _, trigger = words[0].partition(":")
                pairs = [w.split(":", 1) for w in words[1:] if w]
                if not trigger or any(len(p) != 2 for p in pairs):
                    raise ValueError
                out.e[head] = (type_, trigger, [(p[0], p[1]) for p in pairs], line_no)
            elif kind == "R":
                pairs = [w.split(":", 1) for w in words[1:] if w]
                if len(pairs) < 2 or any(len(p) != 2 for p in pairs):
                    raise ValueError
                out.r.append((head, words[0], [(p[0], p[1]) for p in pairs], line_no))
            elif kind in "AM":
                if len(words) not in (2, 3):
                    raise ValueError
                out.a.append((head, words[0], words[1], words[2] if len(words) == 3 else None, line_no))
            elif kind == "N":
                db, _, key = words[2].partition(":")
                if len(words) != 3 or not key:
                    raise ValueError
                shown = fields[1] if len(fields) > 1 else ""
                out.n.append((head, words[0], words[1], db, key, shown, line_no))
            elif kind == "#":
                if len(words) != 2:
                    raise ValueError
                out.notes.append((words[0], words[1], fields[1] if len(fields) > 1 else "", line_no))
            else:
                if len(words) < 3:
                    raise ValueError
                out.equiv.append((words[0], words[1:], line_no))
        except (ValueError, IndexError):
            err(line_no, f"{head}: malformed {KIND_NAMES[kind]} annotation: {rest[:60]!r}")
    ids = set(out.t) | set(out.e) | {r[0] for r in out.r}
    for eid, (_, trigger, args, line_no) in out.e.items():
        for ref in [trigger, *(a[1] for a in args)]:
            if ref not in ids:
                err(line_no, f"{eid}: refers to {ref}, which is not defined")
        if trigger not in out.t:
            err(line_no, f"{eid}: its trigger {trigger} is not a text-bound annotation")
    for rid, _, args, line_no in out.r:
        for _, ref in args:
            if ref not in ids:
                err(line_no, f"{rid}: refers to {ref}, which is not defined")
    for aid, _, target, _, line_no in out.a:
        if target not in ids:
            err(line_no, f"{aid}: refers to {target}, which is not defined")
    for nid, _, target, _, _, _, line_no in out.n:
        if target not in ids:
            err(line_no, f"{nid}: refers to {target}, which is not defined")
    for _, target, _, line_no in out.notes:
        if target not in ids:
            err(line_no, f"note: refers to {target}, which is not defined")
    for _, members, line_no in out.equiv:
        for ref in members:
            if ref not in out.t:
                err(line_no, f"Equiv: refers to {ref}, which is not a text-bound annotation")
    if len(out.t) > fast_count:  # text-bound annotations read in both ways: back in the file's order
        out.t = dict(sorted(out.t.items(), key=lambda item: item[1][2]))
    errors.sort(key=lambda p: p.line)
    return out, errors


KIND_NAMES = {"T": "text-bound", "E": "event", "R": "relation", "A": "attribute", "M": "attribute",
               "N": "normalisation", "#": "note", "*": "equivalence"}  # fmt: skip
