"""TimelineJS JSON: export the timeline, import TimelineJS events.

Export: each event with a known date is a slide. The EDTF bounds become ``start_date``/``end_date``
objects at the date's precision (year, month or day); ``display_date`` keeps the original precision
and uncertainty as a person reads it (``c. 2024``, ``July 2023?``, ``from 24 Apr 2024``), and the
exact EDTF text is kept in ``edtf`` so that an import restores it. TimelineJS shows headline and text
as HTML: every document string is escaped.

Import: the date comes from ``edtf`` when present, else from the date objects (a year alone is
enough; ``c.``/``circa`` in ``display_date`` makes it approximate, a final ``?`` uncertain). Text is
HTML: tags are removed and entities decoded. ``media`` becomes the event's source; ``eras`` and
groups have no equivalent and are kept in ``extra.timelinejs`` with a warning.
"""

from __future__ import annotations

import calendar
import html
import re
from pathlib import Path
from typing import Any

from briefing_tui.formats.common import (
    Ids,
    Invalid,
    document_ids,
    edtf,
    exact_span,
    json_errors,
    problem,
    read_json,
    read_text,
    slug,
)
from briefing_tui.model.dates import parse_edtf, say_date
from briefing_tui.model.types import Document, EdtfDate, Event, Source, SourceRef

_TAG = re.compile(r"<[^>]*>")


# --- export ----------------------------------------------------------------------------------------


def _ymd(iso: str | None) -> tuple[int, int, int] | None:
    m = re.fullmatch(r"(-?\d{4,})-(\d{2})-(\d{2})", iso or "")
    return (int(m.group(1)), int(m.group(2)), int(m.group(3))) if m else None


def _parts(d: EdtfDate | None, *, upper: bool) -> dict[str, Any] | None:
    """A TimelineJS date object for one end of a date, at its precision."""
    if d is None:
        return None
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
    events, warnings = [], []
    kept: dict[str, Any] = doc.extra["timelinejs"] if isinstance(doc.extra.get("timelinejs"), dict) else {}
    groups: dict[str, Any] = kept["groups"] if isinstance(kept.get("groups"), dict) else {}
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
            warnings.append(f"event {ev.id}: only its first source with an address is written (as media)")
        events.append(slide)
    title_text = " — ".join(x for x in (doc.publisher, str(doc.published or "")) if x)
    out: dict[str, Any] = {"title": {"text": {"headline": _esc(doc.title), "text": _esc(title_text)}}}
    out["events"] = events
    if isinstance(kept.get("eras"), list):
        out["eras"] = kept["eras"]  # as they were imported
    return out, warnings


# --- import ----------------------------------------------------------------------------------------


def strip_html(value: Any) -> str:
    """Plain text from TimelineJS HTML: tags removed, ``<br>``/``<p>`` as newlines, entities decoded."""
    if not isinstance(value, str):
        return ""
    value = re.sub(r"(?i)<br\s*/?>|</p\s*>", "\n", value)
    return html.unescape(_TAG.sub("", value)).strip()


def _int(value: Any, where: str, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise Invalid(f"{where}: must be a whole number, not {type(value).__name__}")
    try:
        number = int(value)
    except ValueError:
        raise Invalid(f"{where}: must be a whole number, not {value!r}") from None
    if not low <= number <= high:
        raise Invalid(f"{where}: {number} is outside {low}..{high}")
    return number


def _edtf_part(obj: Any, where: str) -> str:
    if not isinstance(obj, dict):
        raise Invalid(f"{where}: must be an object with a year, not {type(obj).__name__}")
    if "year" not in obj:
        raise Invalid(f"{where}: has no year")
    year = _int(obj["year"], f"{where}.year", -9999, 9999)
    out = f"{year:05d}" if year < 0 else f"{year:04d}"
    if obj.get("month") not in (None, ""):
        month = _int(obj["month"], f"{where}.month", 1, 12)
        out += f"-{month:02d}"
        if obj.get("day") not in (None, ""):
            last = calendar.monthrange(year, month)[1] if year > 0 else 31
            out += f"-{_int(obj['day'], f'{where}.day', 1, last):02d}"
    elif obj.get("day") not in (None, ""):
        raise Invalid(f"{where}: has a day but no month")
    return out


def _edtf_of(slide: dict[str, Any], where: str) -> EdtfDate:
    if isinstance(slide.get("edtf"), str):
        try:
            return parse_edtf(slide["edtf"])
        except ValueError as exc:
            raise Invalid(f"{where}.edtf: {exc}") from None
    if "start_date" not in slide:
        raise Invalid(f"{where}: has no start_date")
    start = _edtf_part(slide["start_date"], f"{where}.start_date")
    start_obj = slide["start_date"]
    shown = str(slide.get("display_date") or start_obj.get("display_date") or "").strip().lower()
    approximate = shown.startswith(("c.", "ca.", "circa", "about", "~"))
    uncertain = shown.endswith("?")
    start += "%" if approximate and uncertain else "~" if approximate else "?" if uncertain else ""
    text = start
    if slide.get("end_date"):
        end = _edtf_part(slide["end_date"], f"{where}.end_date")
        if end != start.rstrip("?~%"):
            text = f"{start}/{end}"
    date = edtf(text)
    if date is None:
        raise Invalid(
            f"{where}: start_date and end_date do not make a date ({text}): does it end before it starts?"
        )
    return date


def import_timelinejs(
    json_path: str | Path, text_path: str | Path | None = None, base: Document | None = None
) -> Document:
    """Import TimelineJS events, onto a base briefing, a text (as background events), or a new document."""
    json_path = Path(json_path)
    data = read_json(json_path)
    with json_errors(json_path):
        return _build(json_path, data, text_path, base)


def _obj(value: Any) -> dict[str, Any]:
    """``value`` when it is an object, else an empty one (optional parts of a slide)."""
    return value if isinstance(value, dict) else {}


def _build(json_path: Path, data: Any, text_path: str | Path | None, base: Document | None) -> Document:
    if not isinstance(data, dict):
        raise Invalid(f"$: a TimelineJS file is an object with events, not {type(data).__name__}")
    slides = data.get("events")
    if not isinstance(slides, list):
        raise Invalid("$.events: must be a list of slides")
    title = strip_html(_obj(_obj(data.get("title")).get("text")).get("headline")) or json_path.stem
    parsed = []
    for i, slide in enumerate(slides):
        where = f"$.events[{i}]"
        if not isinstance(slide, dict):
            raise Invalid(f"{where}: must be an object, not {type(slide).__name__}")
        text = _obj(slide.get("text"))
        headline, body = strip_html(text.get("headline")), strip_html(text.get("text"))
        parsed.append((where, slide, _edtf_of(slide, where), headline or body[:80] or f"event {i + 1}", body))
    made = base is None and text_path is None
    if base is not None:
        doc = base
    elif text_path is not None:
        path = Path(text_path)
        doc = Document(path, slug(path.stem, "timeline"), title, "und", read_text(path))
    else:
        lines = [f"{say_date(date)}: {label}" for _, _, date, label, _ in parsed]
        doc = Document(json_path, slug(json_path.stem, "timeline"), title, "und", "\n".join([title, *lines]))
    ids = Ids(document_ids(doc))
    offset = len(title) + 1
    kept: dict[str, Any] = {}
    for _where, slide, date, label, body in parsed:
        uid = slide.get("unique_id")
        event = Event(
            ids.new(uid if isinstance(uid, str) and uid else slug(label, "event"), "event"), label, date
        )
        event.note = body if body != label else ""
        if made:
            line = f"{say_date(date)}: {label}"
            start = offset + len(line) - len(label)
            event.mentions = [exact_span(doc.text, start, start + len(label))]
            offset += len(line) + 1
        media = slide.get("media")
        if isinstance(media, dict) and isinstance(media.get("url"), str) and media["url"].startswith("http"):
            src = next((s for s in doc.sources if s.url == media["url"]), None)
            if src is None:
                src = Source(
                    ids.new("S-" + slug(media["url"].split("//", 1)[-1])[:30], "source"), url=media["url"]
                )
                src.title = strip_html(media.get("caption")) or strip_html(media.get("title"))
                src.publisher = strip_html(media.get("credit"))
                src.kind = "media"
                doc.sources.append(src)
            event.sources.append(SourceRef(src.id))
        group = slide.get("group")
        if isinstance(group, str) and group and group not in ("background", "in the text"):
            kept.setdefault("groups", {})[event.id] = group
        doc.events.append(event)
    if isinstance(data.get("eras"), list) and data["eras"]:
        kept["eras"] = data["eras"]
    if kept:
        doc.extra["timelinejs"] = kept
        doc.problems.append(
            problem(
                json_path,
                f"kept with no briefing equivalent (in extra.timelinejs): {', '.join(kept)}",
                warning=True,
            )  # fmt: skip
        )
    return doc
