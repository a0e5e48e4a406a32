"""Write a Document as briefing YAML (docs/format.md): block style, ids and spans preserved.

The text is written as a ``|-`` block scalar when that reads back exactly; otherwise (trailing
spaces, tabs, control characters, CR, leading blank lines, a final newline, ...) as a double-quoted
scalar, which PyYAML escapes so that it round-trips. Every choice is checked by reading it back.

Bidi controls are valid YAML that PyYAML writes raw: a string holding one is double-quoted and the
control written as a ``\\uXXXX`` escape, so that the YAML reads back the same and shows nothing
reordered on a terminal or in an editor.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from briefing_tui.formats.common import collector_paused
from briefing_tui.formats.yaml_emit import Emitter
from briefing_tui.model.types import Claim, Document, Entity, Event, Selector, Source, SourceRef, Span, Stance

_WIDTH = 1 << 30  # never fold long lines: a folded quoted scalar is hard to read and easy to break


class _Literal(str):
    """A string to write as a ``|-`` block scalar."""


class _Flow(dict):  # type: ignore[type-arg]
    """A small mapping written on one line: ``{exact: …, start: 1, end: 5}``."""


class _Dumper(yaml.SafeDumper):
    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)  # indent list items under their key, as docs/format.md does

    def ignore_aliases(self, data: Any) -> bool:
        return True  # never &anchors: every value is written where it is used


def _list(dumper: yaml.SafeDumper, value: list[Any]) -> yaml.SequenceNode:
    """A list of plain values (ids, offsets) on one line; a list of mappings in block style."""
    flow = all(isinstance(v, str | int | float | bool) or v is None for v in value) and len(value) <= 12
    return dumper.represent_sequence("tag:yaml.org,2002:seq", value, flow_style=flow or None)


def _literal(dumper: yaml.SafeDumper, value: _Literal) -> yaml.ScalarNode:
    return dumper.represent_scalar("tag:yaml.org,2002:str", str(value), style="|")


def _quoted(dumper: yaml.SafeDumper, value: _Quoted) -> yaml.ScalarNode:
    return dumper.represent_scalar("tag:yaml.org,2002:str", str(value), style='"')


def _flow(dumper: yaml.SafeDumper, value: _Flow) -> yaml.MappingNode:
    return dumper.represent_mapping("tag:yaml.org,2002:map", dict(value), flow_style=True)


class _Quoted(str):
    """A string to write double-quoted (escapes keep every character)."""


_Dumper.add_representer(_Literal, _literal)
_Dumper.add_representer(_Quoted, _quoted)
_Dumper.add_representer(_Flow, _flow)
_Dumper.add_representer(list, _list)


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    """A note or explanation of several lines reads best as a block scalar."""
    style = "|" if "\n" in value and _block_safe(value) else None
    if style is None and _UNPLAIN.search(value):
        style = '"'  # PyYAML would single-quote some of these and lose them (NEL read back as a space)
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_BIDI = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
_UNPLAIN = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ud800-\udfff{_BIDI}]|\r|\t")
_BIDI_ESCAPES = {
    code: f"\\u{code:04X}"
    for code in (0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A))
}


_Dumper.add_representer(str, _str)


def _block_safe(text: str) -> bool:
    """Whether ``text`` reads back unchanged as a ``|-`` (with one final newline ``|``) block scalar."""
    body = text[:-1] if text.endswith("\n") else text
    if not body or body != body.strip("\n") or body[0] in " \t":
        return False
    if any(ord(c) < 0x20 and c != "\n" for c in text) or "\x7f" in text:
        return False
    if any(c in text for c in "\x85\u2028\u2029\ufeff") or any(0x80 <= ord(c) < 0xA0 for c in text):
        return False
    if any(0xD800 <= ord(c) < 0xE000 or ord(c) in _BIDI_ESCAPES for c in text):
        return False
    lines = text.split("\n")
    return not any(line != line.rstrip(" ") for line in lines) and "---" not in lines and "..." not in lines


def _text_scalar(text: str) -> str:
    if _block_safe(text):
        return _Literal(text)
    return _Quoted(text)


def _selector(sel: Selector) -> _Flow:
    out: dict[str, Any] = {}
    for key in ("exact", "prefix", "suffix", "start", "end"):
        value = getattr(sel, key)
        if value is not None:
            out[key] = value
    return _Flow(out)


def span_data(span: Span, text: str) -> _Flow:
    """A span as written in the format: the quote and the position when anchored, else the selector."""
    if span.anchored and 0 <= span.start <= span.end <= len(text):
        return _Flow({"exact": text[span.start : span.end], "start": span.start, "end": span.end})
    return _selector(span.selector)


def _draft(out: dict[str, Any], draft: bool) -> dict[str, Any]:
    """``draft: true`` last, where a reviewer deletes it; nothing for a reviewed annotation."""
    if draft:
        out["draft"] = True
    return out


def _refs(refs: list[SourceRef]) -> list[Any]:
    out: list[Any] = []
    for ref in refs:
        if ref.passage is None and ref.stance is Stance.SUPPORTS:
            out.append(ref.source)
            continue
        item: dict[str, Any] = {"source": ref.source}
        if ref.passage is not None:
            item["passage"] = ref.passage
        if ref.stance is not Stance.SUPPORTS:
            item["stance"] = ref.stance.value
        out.append(_Flow(item))
    return out


def _put(out: dict[str, Any], key: str, value: Any) -> None:
    """Set ``key`` unless ``value`` is empty (the format's defaults)."""
    if value is None or value == "" or value == []:
        return
    out[key] = value


def _entity(e: Entity, text: str) -> dict[str, Any]:
    out: dict[str, Any] = {"id": e.id, "name": e.name, "type": e.type}
    _put(out, "aliases", list(e.aliases))
    _put(out, "description", e.description)
    _put(out, "wikidata", e.wikidata or e.wikidata_status or None)
    _put(out, "date", e.date)
    out["mentions"] = [span_data(m, text) for m in e.mentions]
    _put(out, "unverified", list(e.unverified))
    _put(out, "note", e.note)
    return _draft(out, e.draft)


def _event(ev: Event, text: str) -> dict[str, Any]:
    out: dict[str, Any] = {"id": ev.id, "label": ev.label, "date": ev.date.text}
    out["mentions"] = [span_data(m, text) for m in ev.mentions]
    _put(out, "entities", list(ev.entities))
    _put(out, "sources", _refs(ev.sources))
    _put(out, "unverified", list(ev.unverified))
    _put(out, "note", ev.note)
    return _draft(out, ev.draft)


def _claim(c: Claim, text: str) -> dict[str, Any]:
    out: dict[str, Any] = {"id": c.id, "span": span_data(c.span, text)}
    _put(out, "gloss", c.gloss)
    _put(out, "entities", list(c.entities))
    _put(out, "sources", _refs(c.sources))
    if c.verdict is not None:
        verdict: dict[str, Any] = {"rating": c.verdict.rating.value}
        _put(verdict, "explanation", c.verdict.explanation)
        _put(verdict, "reviewed", c.verdict.reviewed)
        out["verdict"] = verdict
    _put(out, "unverified", list(c.unverified))
    _put(out, "note", c.note)
    return _draft(out, c.draft)


def _source(s: Source) -> dict[str, Any]:
    out: dict[str, Any] = {"id": s.id}
    for key in ("title", "publisher", "author", "date", "url"):
        _put(out, key, getattr(s, key))
    _put(out, "mirrors", list(s.mirrors))
    _put(out, "kind", s.kind)
    _put(out, "document", s.document)
    if s.span is not None:
        out["span"] = _selector(s.span)
    _put(out, "entity", s.entity)
    _put(out, "unverified", list(s.unverified))
    _put(out, "note", s.note)
    return _draft(out, s.draft)


def document_data(doc: Document) -> dict[str, Any]:
    """The document as plain data in the order of docs/format.md."""
    out: dict[str, Any] = {"format": int(doc.format) if str(doc.format).isdigit() else doc.format}
    out["id"] = doc.id
    out["title"] = doc.title
    out["language"] = doc.language or "und"  # BCP 47: undetermined
    _put(out, "published", doc.published)
    _put(out, "publisher", doc.publisher)
    _put(out, "url", doc.url)
    _put(out, "authors", list(doc.authors))
    _put(out, "note", doc.note)
    out["text"] = _text_scalar(doc.text)
    out["entities"] = [_entity(e, doc.text) for e in doc.entities]
    out["events"] = [_event(e, doc.text) for e in doc.events]
    out["claims"] = [_claim(c, doc.text) for c in doc.claims]
    out["sources"] = [_source(s) for s in doc.sources]
    if doc.extra:
        out["extra"] = doc.extra
    return out


def _dump(data: Any) -> str:
    text = yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=_WIDTH, indent=2)
    # Every string holding a bidi control was double-quoted (``_str``, ``_block_safe``): there an
    # escape means the same character.
    return text.translate(_BIDI_ESCAPES)


_EMITTER = Emitter(_dump, _Flow, _Literal)


def _reads_back(scalar: str, text: str) -> bool:
    """Whether ``scalar``, written at the top level as the format writes ``text:``, reads back as ``text``."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    written = _EMITTER.document({"text": scalar})
    return bool(yaml.load(written, Loader=loader)["text"] == text)  # noqa: S506 - a safe loader


def dump_document(doc: Document) -> str:
    """Return the YAML text of ``doc``. The text scalar is checked to read back exactly."""
    with collector_paused():
        data = document_data(doc)
        if isinstance(data["text"], _Literal) and not _reads_back(data["text"], doc.text):
            data["text"] = _Quoted(doc.text)
        return _EMITTER.document(data)
