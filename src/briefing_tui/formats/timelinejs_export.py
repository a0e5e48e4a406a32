"""TimelineJS JSON export: each event with a known date is a slide.

The EDTF bounds become ``start_date``/``end_date`` objects at the date's precision (year, month or
day); ``display_date`` keeps the original precision and uncertainty as a person reads it (``c. 2024``,
``July 2023?``, ``from 24 Apr 2024``), and the exact EDTF text is kept in ``edtf`` so that an import
(``formats/timelinejs.py``) restores it. TimelineJS shows headline and text as HTML: every document
string is escaped. What an import kept in ``extra.timelinejs`` (eras, groups, slides' other fields)
is written back.
"""

from __future__ import annotations

import html
import re
from typing import Any

from briefing_tui.formats.common import ExportRefused
from briefing_tui.model.dates import say_date
from briefing_tui.model.types import Document, EdtfDate
from briefing_tui.words import plural


def _ymd(iso: str | None) -> tuple[int, int, int] | None:
    m = re.fullmatch(r"(-?\d{4,})-(\d{2})-(\d{2})", iso or "")
    return (int(m.group(1)), int(m.group(2)), int(m.group(3))) if m else None


_DEEP = re.compile(r"Y(-?\d+)")
_PLAIN = re.compile(r"(-?\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_TIME = re.compile(r"^-?\d{4}-\d{2}-\d{2}T(\d{2}):(\d{2}):(\d{2})")


def _parts(d: EdtfDate | None, *, upper: bool) -> dict[str, Any] | None:
    """A TimelineJS date object for one end of a date, at its precision."""
    if d is None:
        return None
    deep = _DEEP.fullmatch(d.text.strip("?~%"))
    if deep:  # a year beyond 9999 either way: TimelineJS takes it as it is
        return {"year": int(deep.group(1))}
    plain = _PLAIN.fullmatch(d.text.strip("?~%"))
    if plain:  # a year, month or day written out (BCE years too): its own numbers, at its precision
        return {k: int(v) for k, v in zip(("year", "month", "day"), plain.groups(), strict=True) if v}
    time = _TIME.match(d.text)
    if time:
        ymd = _ymd(d.text[: d.text.index("T")])
        if ymd is not None:
            hour, minute, second = (int(x) for x in time.groups())
            return {"year": ymd[0], "month": ymd[1], "day": ymd[2], "hour": hour, "minute": minute,
                    "second": second}  # fmt: skip
    ymd = _ymd(d.upper if upper else d.lower)
    if ymd is None:
        return None
    precision = getattr(d, "precision", "") or _precision(d.text)
    if precision == "unspecified" or d.text.startswith("XXXX"):
        return None  # no year is known: TimelineJS cannot place it
    out: dict[str, Any] = {"year": ymd[0]}
    if precision in ("month", "day"):
        out["month"] = ymd[1]
    if precision == "day":
        out["day"] = ymd[2]
    return out


def _precision(text: str) -> str:
    core = text.strip("?~%[]{}.")  # a one-of set with an open end, [2024-04-25..], is at its day
    return {4: "year", 7: "month", 10: "day"}.get(len(core), "year")


def _esc(value: str) -> str:
    return html.escape(value, quote=True).replace("\n", "<br>")


def export_timelinejs(doc: Document) -> tuple[dict[str, Any], list[str]]:
    """The timeline as TimelineJS JSON, and warnings naming the events left out."""
    events, warnings, partial = [], [], []
    kept: dict[str, Any] = doc.extra["timelinejs"] if isinstance(doc.extra.get("timelinejs"), dict) else {}
    groups: dict[str, Any] = kept["groups"] if isinstance(kept.get("groups"), dict) else {}
    slides: dict[str, Any] = kept["slides"] if isinstance(kept.get("slides"), dict) else {}
    for ev in sorted(doc.events, key=lambda e: e.date.sort_key):
        single = not ev.date.is_interval
        start = _parts(ev.date if single else getattr(ev.date, "start", None), upper=False)
        end = _parts(ev.date, upper=True) if single else _parts(getattr(ev.date, "end", None), upper=True)
        if single and end == start:
            end = None
        if start is None:
            if end is None:
                warnings.append(f"event {ev.id}: its date {ev.date.text} has no known start: not written")
                continue
            start, end = end, None
        cited = [s for r in ev.sources if (s := doc.source(r.source)) is not None]
        slide: dict[str, Any] = {
            "unique_id": ev.id,
            "start_date": start,
            "display_date": say_date(ev.date),
            "text": {"headline": _esc(ev.label), "text": _esc(ev.note)},
            "group": str(groups.get(ev.id) or ("background" if ev.background else "in the text")),
            "edtf": ev.date.text,
        }
        if end is not None:
            slide["end_date"] = end
        linked = next((s for s in cited if s.url and s.url.startswith(("http://", "https://"))), None)
        if linked is not None:  # TimelineJS shows one medium a slide: the first source with an address
            caption = " — ".join(x for x in (linked.title or linked.id, linked.publisher) if x)
            slide["media"] = {"url": linked.url, "caption": _esc(caption)}
        if len(cited) > (linked is not None):
            partial.append(ev.id)
        if isinstance(slides.get(ev.id), dict):
            slide.update(slides[ev.id])  # background, location, the media as it was...
        events.append(slide)
    if partial:  # one warning for them all, naming the first few
        shown = ", ".join(partial[:5]) + (" …" if len(partial) > 5 else "")
        warnings.append(f"{len(partial)} event(s) keep only their first source with an address, as media "
                        f"({shown}): TimelineJS shows one medium a slide")  # fmt: skip
    title_text = " — ".join(x for x in (doc.publisher, str(doc.published or "")) if x)
    if not events:
        held = len(doc.events)
        why = {0: "this briefing has no events", 1: "its 1 event has no known start"}.get(
            held, f"none of its {plural(held, 'event')} has a known start"
        )
        raise ExportRefused(f"TimelineJS needs at least one event with a known date; {why}")
    out: dict[str, Any] = {"title": {"text": {"headline": _esc(doc.title), "text": _esc(title_text)}}}
    if isinstance(kept.get("title"), dict):
        out["title"].update(kept["title"])
    out["events"] = events
    if isinstance(kept.get("eras"), list):
        out["eras"] = kept["eras"]  # as they were imported
    return out, warnings
