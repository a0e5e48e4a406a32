"""Write a briefing document as brat standoff: the ``.txt`` and the ``.ann``.

Entity mentions become ``T`` (a multi-mention entity also an ``*`` Equiv, its QID an ``N``
Wikidata normalisation, its note an ``#`` AnnotatorNotes); events an ``E`` on a trigger ``T``
(the date an ``A Date``); claims either the Report event they were imported from or a ``T Claim``
(the verdict an ``A Verdict``). What an import kept in ``extra.brat`` is written back.
"""

from __future__ import annotations

from typing import Any

from briefing_tui.formats.brat_vocab import BRIEFING_TO_TYPE, CLAIM_TYPE
from briefing_tui.model.types import Document, Span


def _brat_type(value: str) -> str:
    """A type name brat accepts: no spaces, tabs or colons."""
    out = BRIEFING_TO_TYPE.get(value, value)
    return "".join("_" if c in " \t\n:;" else c for c in out) or "Other"


def _token(value: Any, *, colon: bool = False) -> str:
    """One brat token: no whitespace (and no colon unless allowed)."""
    out = "".join("_" if c.isspace() or (c == ":" and not colon) else c for c in str(value))
    return out or "_"


def _is_range(value: Any) -> bool:
    return (
        isinstance(value, list | tuple)
        and len(value) == 2
        and all(isinstance(v, int) and not isinstance(v, bool) for v in value)
        and 0 <= value[0] <= value[1]
    )


def _pairs(value: Any) -> list[tuple[Any, Any]]:
    """``[[role, ref], ...]`` as kept in extra; anything else is skipped."""
    items = value if isinstance(value, list) else []
    return [(item[0], item[1]) for item in items if isinstance(item, list | tuple) and len(item) == 2]


def _one_line(value: str) -> str:
    return value.replace("\r\n", " ").replace("\n", " ").replace("\r", " ").replace("\t", " ")


class _Writer:
    def __init__(self, doc: Document) -> None:
        self.doc, self.text = doc, doc.text
        self.lines: list[str] = []
        self.counters: dict[str, int] = {}
        self.keys: dict[tuple[Any, ...], str] = {}
        # how many T lines each (entity, start, end) has had, and each entity's first T: counted as
        # they are written, not searched for in ``keys`` per mention (which took minutes on 100,000)
        self.written: dict[tuple[str, int, int], int] = {}
        self.first_tid: dict[str, str] = {}
        self.warnings: list[str] = []
        self.used: set[str] = set()
        ids = [e.id for e in doc.events] + [c.id for c in doc.claims]
        self.reserved = {i for i in ids if i[:1] in "ET" and i[1:].isdigit()}
        brat = doc.extra.get("brat") if isinstance(doc.extra.get("brat"), dict) else None
        self.extra: dict[str, Any] = brat or {}
        # (owner id, first fragment) -> the fragment lists of its discontinuous annotations, in order
        self.joined: dict[tuple[Any, tuple[int, int]], list[list[tuple[int, int]]]] = {}
        kept = self.extra.get("discontinuous")
        for record in kept if isinstance(kept, list) else []:
            owner, frags = (
                (record.get("owner"), record.get("frags")) if isinstance(record, dict) else (None, record)
            )
            if not isinstance(frags, list):
                continue
            pairs = [(f[0], f[1]) for f in frags if _is_range(f)]
            if len(pairs) > 1 and len(pairs) == len(frags):
                # found by its first fragment in the text; written in the order it was given
                key = (owner if isinstance(owner, str) else None, min(pairs))
                self.joined.setdefault(key, []).append(pairs)
        types = self.extra.get("types")
        self.types: dict[str, str] = (
            {k: v for k, v in types.items() if isinstance(v, str)} if isinstance(types, dict) else {}
        )

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

    def fragments(self, owner: str, span: tuple[int, int]) -> list[tuple[int, int]]:
        """The fragments of the annotation whose first fragment in the text is ``span``: used once each."""
        for key in ((owner, span), (None, span)):
            queue = self.joined.get(key)
            if queue:
                return queue.pop(0)
        return [span]

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

    def note(self, target: str, note: str, kind: str = "AnnotatorNotes") -> None:
        if note:
            self.lines.append(f"{self.new_id('#')}\t{kind} {target}\t{_one_line(note)}")

    def span_ok(self, span: Span) -> bool:
        return span.anchored and 0 <= span.start <= span.end <= len(self.text)

    def entities(self) -> None:
        wikidata_at = self.extra.get("wikidata_at")
        placed = wikidata_at if isinstance(wikidata_at, dict) else {}
        for entity in self.doc.entities:
            type_ = _brat_type(self.types.get(entity.id) or entity.type)
            tids: list[str] = []
            skip: dict[tuple[int, int], int] = {}
            mentions = sorted((m for m in entity.mentions if self.span_ok(m)), key=lambda m: (m.start, m.end))
            if not entity.mentions:
                self.warnings.append(
                    f"entity {entity.id} ({entity.name}): no mention in the text: not written"
                )
            elif len(mentions) < len(entity.mentions):
                self.warnings.append(
                    f"entity {entity.id}: mentions with no place in the text are not written"
                )
            for m in mentions:
                if skip.get((m.start, m.end), 0):
                    skip[(m.start, m.end)] -= 1  # a later fragment of a discontinuous annotation
                    continue
                frags = self.fragments(entity.id, (m.start, m.end))
                for frag in sorted(frags)[1:]:
                    skip[frag] = skip.get(frag, 0) + 1
                n = self.written.get((entity.id, m.start, m.end), 0)
                self.written[(entity.id, m.start, m.end)] = n + 1
                key = ("ent", entity.id, m.start, m.end) + ((n,) if n else ())
                tids.append(self.text_bound(key, type_, frags))
                self.first_tid.setdefault(entity.id, tids[0])
            if not tids:
                continue
            if len(tids) > 1 and "equiv" not in self.extra:  # else the Equiv lines imported are written
                self.lines.append("*\tEquiv " + " ".join(tids))
            if entity.wikidata:
                given = placed.get(entity.id)
                at: dict[str, Any] = given if isinstance(given, dict) else {}
                span = at.get("span") if _is_range(at.get("span")) else None
                where = self.keys.get(("ent", entity.id, *span)) if span else None
                text = at["text"] if isinstance(at.get("text"), str) else entity.name
                qid = entity.wikidata
                self.lines.append(
                    f"{self.new_id('N')}\tReference {where or tids[0]} Wikidata:{qid}\t{_one_line(text)}"
                )
            self.note(tids[0], entity.note)

    def events(self) -> None:
        records = self.mapping("events")
        self.background: list[str] = []  # said in one warning, naming the first few
        for event in self.doc.events:
            mentions = [m for m in event.mentions if self.span_ok(m)]
            if not mentions:
                self.background.append(event.id)
                continue
            record = records.get(event.id) or {}
            type_ = _brat_type(str(record.get("type") or "Event"))
            m = min(mentions, key=lambda span: (span.start, span.end))
            frags = self.fragments(event.id, (m.start, m.end))
            ttype = _brat_type(str(record.get("trigger_type") or type_))
            trig = self.text_bound(("trig", m.start, m.end, ttype), ttype, frags)
            eid = self.new_id("E", event.id)
            self.keys[("event", event.id)] = eid
            self.pending.append((eid, type_, trig, record.get("args") or [], event.entities))
            if event.date.text and "X" not in event.date.text:
                self.lines.append(f"{self.new_id('A')}\tDate {eid} {event.date.text}")
            self.note(eid, event.note)
        if self.background:
            shown = ", ".join(self.background[:5]) + (" …" if len(self.background) > 5 else "")
            self.warnings.append(f"{len(self.background)} background event(s) have no trigger in the text: "
                                 f"not written ({shown})")  # fmt: skip

    def claims(self) -> None:
        reports = self.mapping("reports")
        for claim in self.doc.claims:
            if not self.span_ok(claim.span):
                self.warnings.append(f"claim {claim.id}: its span has no place in the text: not written")
                continue
            record = reports.get(claim.id)
            if record and _is_range(record.get("trigger")):
                s, e = record["trigger"]
                ttype = _brat_type(str(record.get("trigger_type") or record.get("type") or "Report"))
                trig = self.text_bound(("trig", s, e, ttype), ttype, self.fragments(claim.id, (s, e)))
                target = self.new_id("E", claim.id)
                self.pending.append(
                    (target, _brat_type(str(record.get("type"))), trig, record.get("args") or [], [])
                )
            else:
                span = [(claim.span.start, claim.span.end)]
                target = self.text_bound(("claim", claim.id), CLAIM_TYPE, span, claim.id)
            self.keys[("claim", claim.id)] = target
            if claim.id != target:
                self.note(target, claim.id, "BriefingId")
            if claim.verdict is not None:
                self.lines.append(f"{self.new_id('A')}\tVerdict {target} {claim.verdict.rating.value}")
                if claim.verdict.reviewed:
                    self.lines.append(
                        f"{self.new_id('A')}\tVerdictDate {target} {_token(claim.verdict.reviewed)}"
                    )
                self.note(target, claim.verdict.explanation, "VerdictExplanation")
            self.note(target, claim.note)
            self.note(target, claim.gloss, "Gloss")

    def mapping(self, name: str) -> dict[str, dict[str, Any]]:
        value = self.extra.get(name)
        return {k: v for k, v in value.items() if isinstance(v, dict)} if isinstance(value, dict) else {}

    def records(self, name: str, *, warn: bool = True) -> list[dict[str, Any]]:
        value = self.extra.get(name)
        items = value if isinstance(value, list) else []
        if warn and (
            len([v for v in items if isinstance(v, dict)]) < len(items)
            or (value is not None and items is not value)
        ):
            self.warnings.append(f"extra.brat.{name}: entries that are not mappings are not written")
        return [v for v in items if isinstance(v, dict)]

    def resolve(self, ref: Any) -> str | None:
        try:
            return self._resolve(ref)
        except TypeError:  # an unhashable value where an id was expected
            return None

    def _resolve(self, ref: Any) -> str | None:
        if not isinstance(ref, dict):
            return None
        if "entity" in ref and isinstance(ref.get("span"), list):
            nth = ref.get("nth") if isinstance(ref.get("nth"), int) and ref.get("nth") else None
            return self.keys.get(("ent", ref["entity"], *ref["span"], *((nth,) if nth else ())))
        if "event" in ref:
            return self.keys.get(("event", ref["event"]))
        if "claim" in ref:
            return self.keys.get(("claim", ref["claim"]))
        if "relation" in ref:
            return self.keys.get(("relation", ref["relation"]))
        span: Any = ref.get("span")
        if _is_range(span) and span[1] <= len(self.text):
            type_ = _brat_type(str(ref.get("type") or "Other"))
            return self.text_bound(("trig", span[0], span[1], type_), type_, [(span[0], span[1])])
        return None

    def write_pending(self) -> None:
        for eid, type_, trig, args, entities in self.pending:
            parts = [f"{type_}:{trig}"]
            for role, ref in _pairs(args):
                target = self.resolve(ref)
                if target is None:
                    self.warnings.append(
                        f"{eid}: argument {role} refers to an annotation that is gone: dropped"
                    )
                    continue
                parts.append(f"{_token(role)}:{target}")
            if not args:
                for n, entity_id in enumerate(entities, 1):
                    target = self.first_tid.get(entity_id)
                    if target:
                        parts.append(f"Participant{n if n > 1 else ''}:{target}")
            self.lines.append(f"{eid}\t{' '.join(parts)}")

    def kept(self) -> None:
        relations = self.records("relations")
        for index in range(len(relations)):
            self.keys[("relation", index)] = self.new_id("R")
        for index, rel in enumerate(relations):
            args = [(_token(role), self.resolve(ref)) for role, ref in _pairs(rel.get("args"))]
            if len(args) < 2 or any(t is None for _, t in args):
                self.warnings.append(f"relation {rel.get('type')}: an argument is gone: dropped")
                continue
            rid = self.keys[("relation", index)]
            self.lines.append(f"{rid}\t{_token(rel.get('type'))} " + " ".join(f"{r}:{t}" for r, t in args))
        for attr in self.records("attributes"):
            target = self.resolve(attr.get("target"))
            if target is None:
                self.warnings.append(f"attribute {attr.get('name')}: its target is gone: dropped")
                continue
            value = f" {_token(attr['value'])}" if attr.get("value") is not None else ""
            self.lines.append(f"{self.new_id('A')}\t{_token(attr.get('name'))} {target}{value}")
        for norm in self.records("normalisations"):
            target = self.resolve(norm.get("target"))
            if target is not None:
                kind, resource = _token(norm.get("kind", "Reference")), _token(norm.get("resource"))
                key, text = _token(norm.get("key"), colon=True), _one_line(str(norm.get("text") or ""))
                self.lines.append(f"{self.new_id('N')}\t{kind} {target} {resource}:{key}\t{text}")
        for group in self.extra.get("equiv") or [] if isinstance(self.extra.get("equiv"), list) else []:
            members = (
                [self.resolve(ref) for ref in group if isinstance(ref, dict)]
                if isinstance(group, list)
                else []
            )
            if len(members) > 1 and all(members):
                self.lines.append("*\tEquiv " + " ".join(str(m) for m in members))
            else:
                self.warnings.append("* Equiv: an annotation it joined is gone: dropped")
        for equiv in self.records("equivalences"):
            members = [self.resolve(ref) for ref in equiv.get("args") or [] if isinstance(ref, dict)]
            if len(members) < 2 or any(m is None for m in members):
                self.warnings.append(f"* {equiv.get('type')}: an argument is gone: dropped")
                continue
            self.lines.append(f"*\t{_token(equiv.get('type'))} " + " ".join(str(m) for m in members))
        for note in self.records("notes"):
            target = self.resolve(note.get("target"))
            if target is not None:
                kind = _token(note.get("kind", "AnnotatorNotes"))
                text = _one_line(str(note.get("text", "")))
                self.lines.append(f"{self.new_id('#')}\t{kind} {target}\t{text}")

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
