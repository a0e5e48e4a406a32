"""PROVISIONAL loader: trusts the file. To be replaced by the hardened loader (same API)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from briefing_tui.model.types import (
    AnchorStatus,
    Claim,
    Collection,
    Document,
    EdtfDate,
    Entity,
    Event,
    LoadError,
    Problem,
    Rating,
    Selector,
    Severity,
    Source,
    SourceRef,
    Span,
    Stance,
    Verdict,
)


def _span(text: str, raw: Any) -> Span:
    if isinstance(raw, str):
        raw = {"quote": raw}
    exact = raw.get("exact", raw.get("quote"))
    sel = Selector(exact, raw.get("prefix"), raw.get("suffix"), raw.get("start"), raw.get("end"))
    if sel.start is not None and sel.end is not None and (exact is None or text[sel.start : sel.end] == exact):
        return Span(sel.start, sel.end, AnchorStatus.EXACT, sel)
    if exact:
        hay = (sel.prefix or "") + exact + (sel.suffix or "")
        i = text.find(hay)
        if i >= 0:
            s = i + len(sel.prefix or "")
            return Span(s, s + len(exact), AnchorStatus.EXACT, sel)
        i = text.find(exact)
        if i >= 0:
            return Span(i, i + len(exact), AnchorStatus.EXACT, sel)
    return Span(-1, -1, AnchorStatus.ORPHAN, sel)


def _date(text: str) -> EdtfDate:
    text = str(text)
    if "/" in text:
        a, b = text.split("/", 1)
        lo = None if a in ("", "..") else a
        hi = None if b in ("", "..") else b
        return EdtfDate(text, lo, hi, is_interval=True, open_start=lo is None, open_end=hi is None)
    core = text.rstrip("?~%")
    return EdtfDate(text, core, core, approximate="~" in text or "%" in text, uncertain="?" in text)


def _refs(raw: Any) -> list[SourceRef]:
    out = []
    for r in raw or []:
        if isinstance(r, str):
            out.append(SourceRef(r))
        else:
            out.append(SourceRef(r["source"], r.get("passage"), Stance(r.get("stance", "supports"))))
    return out


def load_document(path: str | Path) -> Document:
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise LoadError([Problem(str(path), 1, 1, Severity.ERROR, str(exc))]) from None
    text = data["text"]
    doc = Document(
        path=path,
        id=str(data["id"]),
        title=str(data["title"]),
        language=str(data.get("language", "")),
        text=text,
        published=data.get("published"),
        publisher=data.get("publisher", ""),
        url=data.get("url"),
        authors=list(data.get("authors", [])),
    )
    for e in data.get("entities", []):
        doc.entities.append(
            Entity(
                e["id"], e["name"], e["type"], list(e.get("aliases", [])), e.get("description", ""),
                e.get("wikidata"), mentions=[_span(text, m) for m in e.get("mentions", [])],
            )
        )
    for ev in data.get("events", []):
        doc.events.append(
            Event(ev["id"], ev["label"], _date(ev["date"]), [_span(text, m) for m in ev.get("mentions", [])],
                  _refs(ev.get("sources")))
        )
    for c in data.get("claims", []):
        v = c.get("verdict")
        verdict = Verdict(Rating(v["rating"]), v.get("explanation", ""), v.get("reviewed")) if v else None
        doc.claims.append(Claim(c["id"], _span(text, c["span"]), _refs(c.get("sources")), verdict, c.get("gloss", "")))
    for s in data.get("sources", []):
        doc.sources.append(
            Source(s["id"], s.get("title", ""), s.get("publisher", ""), s.get("author", ""), s.get("date"),
                   s.get("url"), kind=s.get("kind", ""), document=s.get("document"), entity=s.get("entity"))
        )
    return doc


def load_paths(paths: list[str | Path]) -> Collection:
    coll = Collection()
    for p in paths:
        p = Path(p)
        files = sorted(p.glob("*.yaml")) + sorted(p.glob("*.yml")) if p.is_dir() else [p]
        for f in files:
            try:
                coll.documents.append(load_document(f))
            except LoadError as exc:
                coll.failed[str(f)] = exc.problems
    return coll
