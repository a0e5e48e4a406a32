"""Comparing brat files whatever their ids: each line with its references replaced by what they point to."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from briefing_tui.formats.brat import import_brat
from briefing_tui.formats.brat_export import export_brat


def content(ann: str) -> Counter[str]:
    """The lines of an ``.ann``, ids replaced by the type, offsets and text of what they refer to."""
    bound: dict[str, str] = {}
    for line in ann.splitlines():
        head, _, rest = line.partition("\t")
        if head.startswith(("T", "E", "R")):
            bound[head] = rest.split("\t")[0] if head.startswith("T") else f"{head[0]}:{rest.split(' ')[0]}"
    for head in list(bound):  # an event by its type and trigger
        if head.startswith("E"):
            kind, _, trigger = bound[head].partition(":")[2].partition(":")
            bound[head] = f"E {kind} on {bound.get(trigger, trigger)}"
    out: Counter[str] = Counter()
    for line in ann.splitlines():
        head, _, rest = line.partition("\t")
        fields = rest.split("\t")
        words = fields[0].split(" ")
        tail = fields[1] if len(fields) > 1 else ""

        def ref(word: str) -> str:
            role, _, target = word.rpartition(":")
            return f"{role}:{bound.get(target, target)}" if role else bound.get(word, word)

        if head.startswith("T"):
            out[f"T {fields[0]}\t{tail}"] += 1
        elif head == "*":
            out[f"* {words[0]} " + " | ".join(sorted(ref(w) for w in words[1:]))] += 1
        elif head.startswith("E"):
            out["E " + " | ".join(ref(w) for w in words) + f"\t{tail}"] += 1
        else:
            out[f"{head[0]} {words[0]} " + " | ".join(ref(w) for w in words[1:]) + f"\t{tail}"] += 1
    return out


def cycle(txt: Path, folder: Path, name: str) -> tuple[Path, str]:
    """Import ``txt`` (with its .ann), export it into ``folder`` as ``name``: the new .txt and the .ann."""
    text, ann, _ = export_brat(import_brat(txt))
    out = folder / f"{name}.txt"
    out.write_text(text, encoding="utf-8")
    out.with_suffix(".ann").write_text(ann, encoding="utf-8")
    return out, ann
