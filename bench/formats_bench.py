"""Figures for import and export on a large generated brat document: python bench/formats_bench.py [MB]."""

from __future__ import annotations

import json
import random
import sys
import tempfile
import time
from pathlib import Path

from briefing_tui.formats.brat import import_brat
from briefing_tui.formats.brat_export import export_brat
from briefing_tui.formats.html_report import export_html
from briefing_tui.formats.markdown import export_markdown
from briefing_tui.formats.timelinejs import export_timelinejs
from briefing_tui.formats.w3c import import_w3c
from briefing_tui.formats.w3c_export import export_w3c
from briefing_tui.formats.yaml_writer import dump_document

WORDS = "le retrait des troupes américaines du Niger a été annoncé par Washington à Niamey".split()  # noqa: SIM905
NAMES = ["Niger", "Niamey", "Washington", "Kathleen FitzGibbon", "Matthew Miller", "AFRICOM", "CNSP"]


def make(folder: Path, megabytes: float) -> Path:
    rng = random.Random(7)
    parts, ann, pos, t, e = [], [], 0, 0, 0
    while pos < megabytes * 1_000_000:
        word = rng.choice(NAMES) if rng.random() < 0.08 else rng.choice(WORDS)
        if word in NAMES:
            t += 1
            ann.append(f"T{t}\t{'Person' if ' ' in word else 'GPE'} {pos} {pos + len(word)}\t{word}")
            if t % 4 == 0:
                e += 1
                ann.append(f"E{e}\tMeet:T{t} Entity:T{t - 1}")
            if t % 10 == 0:
                ann.append(f"R{t}\tNear Arg1:T{t} Arg2:T{t - 1}")
        parts.append(word)
        pos += len(word) + 1
    (folder / "big.txt").write_text(" ".join(parts), encoding="utf-8")
    (folder / "big.ann").write_text("\n".join(ann) + "\n", encoding="utf-8")
    return folder / "big.txt"


def timed(label: str, fn):  # noqa: ANN001, ANN201
    start = time.perf_counter()
    result = fn()
    print(f"{label:<34} {1000 * (time.perf_counter() - start):9.1f} ms")
    return result


def main() -> None:
    megabytes = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        txt = make(folder, megabytes)
        lines = (folder / "big.ann").read_text(encoding="utf-8").count("\n")
        print(f"text {txt.stat().st_size / 1e6:.2f} MB, {lines} brat annotations")
        doc = timed("brat import", lambda: import_brat(txt))
        print(f"  -> {len(doc.entities)} entities, {sum(len(x.mentions) for x in doc.entities)} mentions, "
              f"{len(doc.events)} events")  # fmt: skip
        timed("brat export", lambda: export_brat(doc))
        yaml_text = timed("YAML writer", lambda: dump_document(doc))
        print(f"  -> {len(yaml_text) / 1e6:.2f} MB of YAML")
        collection, _ = timed("W3C export", lambda: export_w3c(doc))
        (folder / "w3c.json").write_text(json.dumps(collection), encoding="utf-8")
        timed("W3C import", lambda: import_w3c(folder / "w3c.json", txt))
        timed("TimelineJS export", lambda: export_timelinejs(doc))
        timed("Markdown report", lambda: export_markdown(doc))
        timed("HTML report", lambda: export_html(doc))


if __name__ == "__main__":
    main()
