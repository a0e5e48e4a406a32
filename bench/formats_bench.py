"""Figures for import and export on large generated inputs: python bench/formats_bench.py [MB].

Each format gets an input of about MB megabytes (default 10): a brat ``.ann`` (with its text), a W3C
AnnotationCollection, a ClaimReview list and a TimelineJS file. Every import is timed in a fresh
process, with its peak memory (maximum resident set), beside reading the same input with
``json.load`` (or, for brat, a plain split of its lines) in the same run, so the figures can be
compared across machines (the modules are imported before the clock starts; importing them takes about
0.3 s more). The YAML writer is timed on the brat document, and every export on a briefing from
``bench/make_large.py`` of the same size (10,000 annotations a megabyte, as its default), loaded
before the clock starts.
"""

from __future__ import annotations

import importlib.util
import json
import random
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

WORDS = "le retrait des troupes américaines du Niger a été annoncé par Washington à Niamey".split()  # noqa: SIM905
NAMES = ["Niger", "Niamey", "Washington", "Kathleen FitzGibbon", "Matthew Miller", "AFRICOM", "CNSP"]
LABELS = ["Faux", "Mostly False", "Trompeur", "Pants on Fire!", "Vrai", "Engañoso", "Half True", "Zombie"]


def make_brat(folder: Path, megabytes: float) -> Path:
    """A text and an .ann of about ``megabytes`` MB: mentions, events, relations, notes."""
    rng = random.Random(7)
    parts, ann, pos, t, e, size = [], [], 0, 0, 0, 0
    while size < megabytes * 1_000_000:
        word = rng.choice(NAMES) if rng.random() < 0.3 else rng.choice(WORDS)
        if word in NAMES:
            t += 1
            lines = [f"T{t}\t{'PER' if ' ' in word else 'GPE'} {pos} {pos + len(word)}\t{word}"]
            if t % 4 == 0:
                e += 1
                lines.append(f"E{e}\tMeet:T{t} Entity:T{t - 1}")
            if t % 10 == 0:
                lines.append(f"R{t}\tNear Arg1:T{t} Arg2:T{t - 1}")
            if t % 3 == 0:
                lines.append(f"#{t}\tAnnotatorNotes T{t}\tC{t:07d}")
            ann += lines
            size += sum(len(line) + 1 for line in lines)
        parts.append(word)
        pos += len(word) + 1
    (folder / "big.txt").write_text(" ".join(parts), encoding="utf-8")
    (folder / "big.ann").write_text("\n".join(ann) + "\n", encoding="utf-8")
    return folder / "big.txt"


def make_w3c(folder: Path, text: str, megabytes: float) -> Path:
    rng = random.Random(8)
    starts = list(range(0, len(text) - 40, 97))
    items: list[dict[str, Any]] = []
    size = 0
    while size < megabytes * 1_000_000:
        s = rng.choice(starts)
        e = text.find(" ", s + 5)
        quote = {"type": "TextQuoteSelector", "exact": text[s:e], "prefix": text[max(0, s - 20) : s]}
        quote["suffix"] = text[e : e + 20]
        item = {
            "id": f"https://example.org/anno/{len(items)}",
            "type": "Annotation",
            "motivation": "tagging",
            "body": [
                {"type": "TextualBody", "purpose": "tagging", "value": rng.choice(["place", "person"])},
                {"type": "TextualBody", "purpose": "commenting", "value": "checked against the wire"},
            ],
            "target": {
                "source": "https://example.org/article",
                "selector": [quote, {"type": "TextPositionSelector", "start": s, "end": e}],
            },
        }
        items.append(item)
        size += len(json.dumps(item))
    page = {"type": "AnnotationPage", "items": items}
    data: dict[str, object] = {"@context": "http://www.w3.org/ns/anno.jsonld", "id": "https://example.org/c"}
    data.update(type="AnnotationCollection", total=len(items), first=page)
    (folder / "w3c.json").write_text(json.dumps(data), encoding="utf-8")
    return folder / "w3c.json"


def make_claimreview(folder: Path, megabytes: float) -> Path:
    rng = random.Random(9)
    reviews: list[dict[str, Any]] = []
    size = 0
    while size < megabytes * 1_000_000:
        n = len(reviews)
        claim = {"@type": "Claim", "author": {"@type": "Person", "name": rng.choice(NAMES)}}
        claim.update(datePublished="2024-04-24", appearance={"url": f"https://example.org/post/{n}"})
        rating = {"@type": "Rating", "alternateName": rng.choice(LABELS), "ratingValue": 2}
        rating.update(bestRating=5, worstRating=1)
        review = {
            "@context": "https://schema.org",
            "@type": "ClaimReview",
            "url": f"https://example.org/fc/{n}",
            "claimReviewed": f"Claim number {n}: " + " ".join(rng.choices(WORDS, k=12)),
            "author": {"@type": "Organization", "name": rng.choice(["AFP Factuel", "PolitiFact", "Maldita"])},
            "datePublished": "2024-05-03T10:00:00+02:00",
            "itemReviewed": claim,
            "reviewRating": rating,
        }
        reviews.append(review)
        size += len(json.dumps(review))
    (folder / "claimreview.json").write_text(json.dumps(reviews), encoding="utf-8")
    return folder / "claimreview.json"


def make_timelinejs(folder: Path, megabytes: float) -> Path:
    rng = random.Random(10)
    events: list[dict[str, Any]] = []
    size = 0
    while size < megabytes * 1_000_000:
        date = {"year": rng.randint(1900, 2024), "month": rng.randint(1, 12), "day": rng.randint(1, 28)}
        body = "<p>" + " ".join(rng.choices(WORDS, k=40)) + "</p>"
        slide = {
            "start_date": date,
            "text": {"headline": " ".join(rng.choices(WORDS, k=5)), "text": body},
            "media": {
                "url": f"https://example.org/img/{len(events)}.jpg",
                "credit": "AFP",
                "caption": "A photo",
            },
            "background": {"color": "#123456"},
        }
        events.append(slide)
        size += len(json.dumps(slide))
    data = {"title": {"text": {"headline": "Big"}}, "events": events}
    (folder / "timeline.json").write_text(json.dumps(data), encoding="utf-8")
    return folder / "timeline.json"


# Each measured step runs in a fresh interpreter: its time and its peak resident memory are its own.
_STEP = r"""
import json, resource, sys, time
from pathlib import Path
kind, path, text = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3]) if len(sys.argv) > 3 else None
if kind not in ("json.load", "line split"):  # the modules are imported before the clock starts
    from briefing_tui.formats.brat import import_brat
    from briefing_tui.formats.claimreview import import_claimreview
    from briefing_tui.formats.timelinejs import import_timelinejs
    from briefing_tui.formats.w3c import import_w3c
    from briefing_tui.formats.yaml_writer import dump_document
    from briefing_tui.model.dates import parse_edtf
start, cpu_start = time.perf_counter(), time.process_time()
if kind == "json.load":
    with open(path, encoding="utf-8") as f:
        json.load(f)
elif kind == "line split":
    path.read_text(encoding="utf-8").split("\n")
elif kind == "brat":
    import_brat(path)
elif kind == "w3c":
    import_w3c(path, text)
elif kind == "claimreview":
    import_claimreview(path)
elif kind == "timelinejs":
    import_timelinejs(path)
elif kind.startswith("export "):
    from briefing_tui.formats import registry
    from briefing_tui.formats.registry import ExportOptions
    from briefing_tui.model import load_document
    doc = load_document(path)
    exporter = registry.get(kind.split()[1]).exporter
    start, cpu_start = time.perf_counter(), time.process_time()
    exporter(doc, ExportOptions())
elif kind == "yaml writer":
    doc = import_brat(path)
    start, cpu_start = time.perf_counter(), time.process_time()
    out = dump_document(doc)
    print(len(out.encode("utf-8")), end=" ")
seconds = time.perf_counter() - start
used = resource.getrusage(resource.RUSAGE_SELF)
print(f"{seconds:.3f} {time.process_time() - cpu_start:.3f} {used.ru_maxrss / 1024:.0f}")
"""


def step(kind: str, path: Path, text: Path | None = None) -> list[float]:
    args = [sys.executable, "-c", _STEP, kind, str(path)] + ([str(text)] if text else [])
    out = subprocess.run(args, capture_output=True, text=True, check=True).stdout.split()
    return [float(x) for x in out]


def main() -> None:
    megabytes = float(sys.argv[1]) if len(sys.argv) > 1 else 10.0
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        txt = make_brat(folder, megabytes)
        inputs: list[tuple[str, Path, str, Path | None]] = [
            ("brat", txt.with_suffix(".ann"), "line split", None),
            ("w3c", make_w3c(folder, txt.read_text(encoding="utf-8"), megabytes), "json.load", txt),
            ("claimreview", make_claimreview(folder, megabytes), "json.load", None),
            ("timelinejs", make_timelinejs(folder, megabytes), "json.load", None),
        ]
        print("wall and CPU seconds, peak resident MB; each step in a fresh process")
        head = ("import", "input", "wall", "cpu", "peak", "anchor", "wall", "cpu", "peak")
        print("{:<12} {:>7}  {:>6} {:>6} {:>5}   {:<10} {:>6} {:>6} {:>5}".format(*head))
        for kind, path, anchor, text in inputs:
            got = step(kind, txt if kind == "brat" else path, text)
            base = step(anchor, path)
            size = f"{path.stat().st_size / 1e6:.1f}MB"
            row = "{:<12} {:>7}  {:>6.2f} {:>6.2f} {:>5.0f}   {:<10} {:>6.2f} {:>6.2f} {:>5.0f}"
            print(row.format(kind, size, *got, anchor, *base))
        written, wall, cpu, peak = step("yaml writer", txt)
        mb = written / 1e6
        print(f"YAML writer: {mb:.1f} MB of YAML in {wall:.2f} s ({cpu:.2f} s CPU): {mb / wall:.1f} MB/s, "
              f"{mb / cpu:.1f} MB/s of CPU; peak {peak:.0f} MB with the import")  # fmt: skip
        briefing = folder / "large.yaml"
        _make_large().generate(briefing, megabytes, int(megabytes * 10_000), 1)
        file_mb = briefing.stat().st_size / 1e6
        print(f"export of a make_large.py briefing ({file_mb:.1f} MB file), loaded first:")
        print("{:<12}  {:>6} {:>6} {:>5}".format("export", "wall", "cpu", "peak"))
        for name in ("brat", "markdown", "html", "w3c", "claimreview", "timelinejs"):
            print("{:<12}  {:>6.2f} {:>6.2f} {:>5.0f}".format(name, *step(f"export {name}", briefing)))


def _make_large() -> Any:
    """bench/make_large.py as a module (the bench folder is not a package)."""
    spec = importlib.util.spec_from_file_location("make_large", Path(__file__).parent / "make_large.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


if __name__ == "__main__":
    main()
