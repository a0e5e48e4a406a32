"""TimelineJS JSON import (the export is ``formats/timelinejs_export.py``).

The date comes from ``edtf`` when present, else from the date objects (a year alone is
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
    collector_paused,
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
from briefing_tui.words import plural

_TAG = re.compile(r"<[^>]*>")


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


DEEP = 10**12
"""Years as far as TimelineJS goes (its cosmology template starts 13.8 billion years ago)."""


def _given(obj: dict[str, Any], key: str) -> bool:
    return obj.get(key) not in (None, "")


def _edtf_part(obj: Any, where: str) -> str:
    """One end of a slide's date as EDTF: ``Y-13800000000`` for deep time (a year only), down to
    ``YYYY-MM-DDThh:mm:ss`` when the slide gives the time of day."""
    if not isinstance(obj, dict):
        raise Invalid(f"{where}: must be an object with a year, not {type(obj).__name__}")
    if "year" not in obj:
        raise Invalid(f"{where}: has no year")
    year = _int(obj["year"], f"{where}.year", -DEEP, DEEP)
    if not -9999 <= year <= 9999:  # EDTF writes such a year with a Y, at year precision
        return f"Y{year}"
    out = f"{year:05d}" if year < 0 else f"{year:04d}"
    if _given(obj, "month"):
        month = _int(obj["month"], f"{where}.month", 1, 12)
        out += f"-{month:02d}"
        if _given(obj, "day"):
            last = calendar.monthrange(year, month)[1] if year > 0 else 31
            out += f"-{_int(obj['day'], f'{where}.day', 1, last):02d}"
            if _given(obj, "hour"):
                out += f"T{_int(obj['hour'], f'{where}.hour', 0, 23):02d}"
                out += f":{_int(obj.get('minute') or 0, f'{where}.minute', 0, 59):02d}"
                out += f":{_int(obj.get('second') or 0, f'{where}.second', 0, 59):02d}"
    elif _given(obj, "day"):
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
    with collector_paused():
        data = read_json(json_path)
        with json_errors(json_path):
            return _build(json_path, data, text_path, base)


def _obj(value: Any) -> dict[str, Any]:
    """``value`` when it is an object, else an empty one (optional parts of a slide)."""
    return value if isinstance(value, dict) else {}


def _tl2_date(value: Any, where: str) -> dict[str, Any]:
    """A TimelineJS2 date (``"1963,8,9"``, ``"2012"``) as a TimelineJS3 date object."""
    if isinstance(value, int) and not isinstance(value, bool):
        return {"year": value}
    if not isinstance(value, str) or not value.strip():
        raise Invalid(f'{where}: must be a date such as "1963,8,9", not {value!r}')
    parts = [p.strip() for p in value.replace("/", ",").split(",")]
    out: dict[str, Any] = {}
    for key, part in zip(("year", "month", "day", "hour", "minute", "second"), parts, strict=False):
        if part:
            out[key] = part
    return out


def _from_tl2(timeline: dict[str, Any]) -> dict[str, Any]:
    """A TimelineJS2 file (``{"timeline": {"headline", "date": [...]}}``) in TimelineJS3's shape."""

    def media(asset: Any) -> dict[str, Any] | None:
        asset = _obj(asset)
        if not asset.get("media"):
            return None
        out = {"url": asset["media"]}
        for key in ("credit", "caption", "thumbnail"):
            if asset.get(key):
                out[key] = asset[key]
        return out

    def slide(entry: dict[str, Any], i: int) -> dict[str, Any]:
        out: dict[str, Any] = {"text": {"headline": entry.get("headline", ""), "text": entry.get("text", "")}}
        where = f"$.timeline.date[{i}]"
        out["start_date"] = _tl2_date(entry.get("startDate"), f"{where}.startDate")
        if entry.get("endDate") and entry.get("endDate") != entry.get("startDate"):
            out["end_date"] = _tl2_date(entry["endDate"], f"{where}.endDate")
        if media(entry.get("asset")):
            out["media"] = media(entry.get("asset"))
        for key in ("tag", "classname"):
            if entry.get(key):
                out["group" if key == "tag" else key] = entry[key]
        return out

    dates = timeline.get("date")
    if not isinstance(dates, list):
        raise Invalid("$.timeline.date: must be a list of dates")
    title: dict[str, Any] = {
        "text": {"headline": timeline.get("headline", ""), "text": timeline.get("text", "")}
    }
    if media(timeline.get("asset")):
        title["media"] = media(timeline.get("asset"))
    events = []
    for i, entry in enumerate(dates):
        if not isinstance(entry, dict):
            raise Invalid(f"$.timeline.date[{i}]: must be an object, not {type(entry).__name__}")
        events.append(slide(entry, i))
    out: dict[str, Any] = {"title": title, "events": events}
    if isinstance(timeline.get("era"), list):
        out["eras"] = timeline["era"]
    return out


def _shape(data: Any) -> tuple[dict[str, Any], str]:
    """The file in TimelineJS3's shape, and the shape it came in (said in a warning when not 3)."""
    if not isinstance(data, dict):
        raise Invalid(f"$: a TimelineJS file is an object with events, not {type(data).__name__}")
    inner = data.get("timeline")
    if "events" not in data and isinstance(inner, dict):
        if isinstance(inner.get("date"), list):
            return _from_tl2(inner), "TimelineJS2"
        for key in ("events", "slides"):
            if isinstance(inner.get(key), list):
                return {**inner, "events": inner[key]}, f"{{timeline: {{{key}}}}}"
    return data, ""


# Slide keys the briefing reads; any other key, and the media object whole, are kept as they were.
_READ = ("start_date", "end_date", "display_date", "text", "unique_id", "group", "edtf", "media")


def _build(json_path: Path, data: Any, text_path: str | Path | None, base: Document | None) -> Document:
    data, shape = _shape(data)
    slides = data.get("events")
    if not isinstance(slides, list):
        raise Invalid("$.events: must be a list of slides")
    title = " ".join(strip_html(_obj(_obj(data.get("title")).get("text")).get("headline")).split())
    title = title or json_path.stem
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
    lost: dict[str, list[str]] = {}  # what has no briefing field: which events it was on
    by_url = {s.url: s for s in doc.sources if s.url}
    title_obj = _obj(data.get("title"))
    if set(title_obj) - {"text"}:
        kept["title"] = {k: v for k, v in title_obj.items() if k != "text"}  # its media, background...
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
        extra_parts = {k: v for k, v in slide.items() if k not in _READ}
        for key in extra_parts:
            lost.setdefault(key, []).append(event.id)
        media = slide.get("media")
        if isinstance(media, dict) and not str(media.get("url", "")).startswith(("http://", "https://")):
            extra_parts["media"] = media  # an HTML embed or a relative address: no source, kept as it was
            lost.setdefault("media that is not a web address (HTML embed, relative path)", []).append(
                event.id
            )
        elif isinstance(media, dict) and set(media) - {"url", "caption", "title"}:
            extra_parts["media"] = media  # credit, thumbnail, link...: kept whole, written back as they were
            lost.setdefault("media credit, thumbnail or link", []).append(event.id)
        if extra_parts:
            kept.setdefault("slides", {})[event.id] = extra_parts
        if isinstance(media, dict) and isinstance(media.get("url"), str) and media["url"].startswith("http"):
            src = by_url.get(media["url"])
            if src is None:
                src = Source(
                    ids.new("S-" + slug(media["url"].split("//", 1)[-1])[:30], "source"), url=media["url"]
                )
                src.title = strip_html(media.get("caption")) or strip_html(media.get("title"))
                src.publisher = strip_html(media.get("credit")).split("\n")[0][:200]
                src.kind = "media"
                doc.sources.append(src)
                by_url[media["url"]] = src
            event.sources.append(SourceRef(src.id))
        group = slide.get("group")
        if isinstance(group, str) and group and group not in ("background", "in the text"):
            kept.setdefault("groups", {})[event.id] = group
        doc.events.append(event)
    if isinstance(data.get("eras"), list) and data["eras"]:
        kept["eras"] = data["eras"]
    if shape:
        doc.problems.append(problem(json_path, f"read as {shape}: written back as TimelineJS3", warning=True))
    if kept:
        doc.extra["timelinejs"] = kept
        parts = [k for k in kept if k not in ("slides", "groups")]
        parts += [f"{what} ({plural(len(where), 'slide')})" for what, where in lost.items()]
        if "groups" in kept:
            parts.append(f"groups ({plural(len(kept['groups']), 'slide')})")
        message = "kept with no briefing equivalent (in extra.timelinejs, written back on export): "
        doc.problems.append(problem(json_path, message + ", ".join(parts), warning=True))
    return doc
