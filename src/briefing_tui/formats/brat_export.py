"""Write a briefing document as brat standoff: the ``.txt`` and the ``.ann``.

Entity mentions become ``T`` (a multi-mention entity also an ``*`` Equiv, its QID an ``N``
Wikidata normalisation, its note an ``#`` AnnotatorNotes); events an ``E`` on a trigger ``T``
(the date an ``A Date``); claims either the Report event they were imported from or a ``T Claim``
(the verdict an ``A Verdict``). What an import kept in ``extra.brat`` is written back.
"""

from __future__ import annotations

from typing import Any

from briefing_tui.formats.brat import BRIEFING_TO_TYPE, CLAIM_TYPE
from briefing_tui.model.types import Document, Span


def _brat_type(value: str) -> str:
    """A type name brat accepts: no spaces, tabs or colons."""
    out = BRIEFING_TO_TYPE.get(value, value)
    return "".join("_" if c in " \t\n:;" else c for c in out) or "Other"


def _one_line(value: str) -> str:
    return value.replace("\r\n", " ").replace("\n", " ").replace("\r", " ").replace("\t", " ")


class _Writer:
    def __init__(self, doc: Document) -> None:
        self.doc, self.text = doc, doc.text
        self.lines: list[str] = []
        self.counters: dict[str, int] = {}
        self.keys: dict[tuple[Any, ...], str] = {}
        self.warnings: list[str] = []
        self.used: set[str] = set()
        ids = [e.id for e in doc.events] + [c.id for c in doc.claims]
        self.reserved = {i for i in ids if i[:1] in "ET" and i[1:].isdigit()}
        brat = doc.extra.get("brat") if isinstance(doc.extra.get("brat"), dict) else None
        self.extra: dict[str, Any] = brat or {}
        self.joined = {
            (f[0][0], f[0][1]): [tuple(x) for x in f]
            for f in self.extra.get("discontinuous", [])
            if isinstance(f, list) and f
        }

    def new_id(self, kind: str, wanted: str = "") -> str:
        """The next free id of a kind; ``wanted`` (an id kept from an import) when it is free."""
        if wanted and wanted in self.reserved and wanted not in self.used:
            self.used.add(wanted)
            return wanted
        while True:
            self.counters[kind] = self.counters.get(kind, 0) + 1
            candidate = f"{kind}{self.counters[kind]}"
            if candidate not in self.reserved:
                self.used.add(candidate)
                return candidate

    def text_bound(
        self, key: tuple[Any, ...], type_: str, frags: list[tuple[int, int]], wanted: str = ""
    ) -> str:
        if key in self.keys:
            return self.keys[key]
        tid = self.new_id("T", wanted)
        ranges = ";".join(f"{a} {b}" for a, b in frags)
        quoted = _one_line(" ".join(self.text[a:b] for a, b in frags))
        self.lines.append(f"{tid}\t{type_} {ranges}\t{quoted}")
        self.keys[key] = tid
        return tid

    def note(self, target: str, note: str) -> None:
        if note:
            self.lines.append(f"{self.new_id('#')}\tAnnotatorNotes {target}\t{_one_line(note)}")

    def span_ok(self, span: Span) -> bool:
        return span.anchored and 0 <= span.start <= span.end <= len(self.text)

    def entities(self) -> None:
        for entity in self.doc.entities:
            type_ = _brat_type(entity.type)
            tids, skip = [], set()
            mentions = [m for m in entity.mentions if self.span_ok(m)]
            if len(mentions) < len(entity.mentions):
                self.warnings.append(
                    f"entity {entity.id}: mentions with no place in the text are not written"
                )
            for m in mentions:
                if (m.start, m.end) in skip:
                    continue
                frags = self.joined.get((m.start, m.end), [(m.start, m.end)])
                skip.update(frags[1:])
                tids.append(self.text_bound(("ent", entity.id, m.start, m.end), type_, frags))
            if not tids:
                continue
            if len(tids) > 1:
                self.lines.append("*\tEquiv " + " ".join(tids))
            if entity.wikidata:
                self.lines.append(f"{self.new_id('N')}\tReference {tids[0]} Wikidata:{entity.wikidata}\t"
                                  f"{_one_line(entity.name)}")  # fmt: skip
            self.note(tids[0], entity.note)

    def events(self) -> None:
        records = self.extra.get("events", {}) if isinstance(self.extra.get("events"), dict) else {}
        for event in self.doc.events:
            mentions = [m for m in event.mentions if self.span_ok(m)]
            if not mentions:
                self.warnings.append(
                    f"event {event.id}: a background event has no trigger in the text: not written"
                )
                continue
            record = records.get(event.id) or {}
            type_ = _brat_type(str(record.get("type") or "Event"))
            m = mentions[0]
            frags = self.joined.get((m.start, m.end), [(m.start, m.end)])
            ttype = _brat_type(str(record.get("trigger_type") or type_))
            trig = self.text_bound(("trig", m.start, m.end, ttype), ttype, frags)
            eid = self.new_id("E", event.id)
            self.keys[("event", event.id)] = eid
            self.pending.append((eid, type_, trig, record.get("args") or [], event.entities))
            if event.date.text and "X" not in event.date.text:
                self.lines.append(f"{self.new_id('A')}\tDate {eid} {event.date.text}")
            self.note(eid, event.note)

    def claims(self) -> None:
        reports = self.extra.get("reports", {}) if isinstance(self.extra.get("reports"), dict) else {}
        for claim in self.doc.claims:
            if not self.span_ok(claim.span):
                self.warnings.append(f"claim {claim.id}: its span has no place in the text: not written")
                continue
            record = reports.get(claim.id)
            if record and isinstance(record.get("trigger"), list):
                s, e = record["trigger"]
                ttype = _brat_type(str(record.get("trigger_type") or record.get("type") or "Report"))
                trig = self.text_bound(("trig", s, e, ttype), ttype, [(s, e)])
                target = self.new_id("E", claim.id)
                self.pending.append(
                    (target, _brat_type(str(record.get("type"))), trig, record.get("args") or [], [])
                )
            else:
                span = [(claim.span.start, claim.span.end)]
                target = self.text_bound(("claim", claim.id), CLAIM_TYPE, span, claim.id)
            self.keys[("claim", claim.id)] = target
            if claim.verdict is not None:
                self.lines.append(f"{self.new_id('A')}\tVerdict {target} {claim.verdict.rating.value}")
            self.note(target, claim.gloss if not claim.note else claim.note)

    def resolve(self, ref: Any) -> str | None:
        if not isinstance(ref, dict):
            return None
        if "entity" in ref and isinstance(ref.get("span"), list):
            return self.keys.get(("ent", ref["entity"], *ref["span"]))
        if "event" in ref:
            return self.keys.get(("event", ref["event"]))
        if "claim" in ref:
            return self.keys.get(("claim", ref["claim"]))
        if "relation" in ref:
            return self.keys.get(("relation", ref["relation"]))
        span = ref.get("span")
        if isinstance(span, list) and len(span) == 2 and 0 <= span[0] <= span[1] <= len(self.text):
            type_ = _brat_type(str(ref.get("type") or "Other"))
            return self.text_bound(("trig", span[0], span[1], type_), type_, [(span[0], span[1])])
        return None

    def write_pending(self) -> None:
        for eid, type_, trig, args, entities in self.pending:
            parts = [f"{type_}:{trig}"]
            for item in args:
                role, ref = (item + [None, None])[:2] if isinstance(item, list) else (None, None)
                target = self.resolve(ref)
                if target is None:
                    self.warnings.append(
                        f"{eid}: argument {role} refers to an annotation that is gone: dropped"
                    )
                    continue
                parts.append(f"{role}:{target}")
            if not args:
                for n, entity_id in enumerate(entities, 1):
                    target = next((v for k, v in self.keys.items() if k[:2] == ("ent", entity_id)), None)
                    if target:
                        parts.append(f"Participant{n if n > 1 else ''}:{target}")
            self.lines.append(f"{eid}\t{' '.join(parts)}")

    def kept(self) -> None:
        for index in range(len(self.extra.get("relations", []) or [])):
            self.keys[("relation", index)] = self.new_id("R")
        for index, rel in enumerate(self.extra.get("relations", []) or []):
            args = [(role, self.resolve(ref)) for role, ref in rel.get("args", [])]
            if any(t is None for _, t in args):
                self.warnings.append(f"relation {rel.get('type')}: an argument is gone: dropped")
                continue
            rid = self.keys[("relation", index)]
            self.lines.append(f"{rid}\t{rel.get('type')} " + " ".join(f"{r}:{t}" for r, t in args))
        for attr in self.extra.get("attributes", []) or []:
            target = self.resolve(attr.get("target"))
            if target is None:
                self.warnings.append(f"attribute {attr.get('name')}: its target is gone: dropped")
                continue
            value = f" {attr['value']}" if attr.get("value") is not None else ""
            self.lines.append(f"{self.new_id('A')}\t{attr.get('name')} {target}{value}")
        for norm in self.extra.get("normalisations", []) or []:
            target = self.resolve(norm.get("target"))
            if target is not None:
                self.lines.append(f"{self.new_id('N')}\t{norm.get('kind', 'Reference')} {target} "
                                  f"{norm.get('resource')}:{norm.get('key')}\t")  # fmt: skip
        for note in self.extra.get("notes", []) or []:
            target = self.resolve(note.get("target"))
            if target is not None:
                self.lines.append(f"{self.new_id('#')}\t{note.get('kind', 'AnnotatorNotes')} {target}\t"
                                  f"{_one_line(str(note.get('text', '')))}")  # fmt: skip

    def run(self) -> str:
        self.pending: list[tuple[str, str, str, list[Any], list[str]]] = []
        self.entities()
        self.events()
        self.claims()
        self.write_pending()
        self.kept()
        if any(s.entity is None for s in self.doc.sources):
            self.warnings.append("sources have no brat equivalent: only speakers of claims are written")
        return "".join(line + "\n" for line in self.lines)


def export_brat(doc: Document) -> tuple[str, str, list[str]]:
    """Return the ``.txt`` text, the ``.ann`` text and warnings on what could not be written."""
    writer = _Writer(doc)
    ann = writer.run()
    return doc.text, ann, writer.warnings
