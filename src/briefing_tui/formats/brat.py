"""brat standoff (``.txt`` + ``.ann``): import onto a briefing document and export back.

Mapping (docs/formats.md has the full table):

- ``T`` of an entity type -> a mention of an entity; ``T`` annotations joined by ``*`` Equiv, by the
  same Wikidata normalisation, or of the same type and text, are one entity. A discontinuous ``T``
  becomes one mention per fragment, and its fragments are remembered so that export joins them again.
- ``E`` -> an event (its trigger is the mention, entity arguments its entities). A Report-like event
  with a reporter argument and a reported event becomes a claim whose source is the reporter.
- ``T`` of type Claim -> a claim; ``A``/``M`` Date on an event -> its date, Verdict on a claim -> its
  verdict; ``N`` Wikidata -> the entity's QID; ``#`` AnnotatorNotes -> the note.
- Everything else (relations, other attributes and normalisations, nested event arguments, notes on
  other things) is kept in ``Document.extra["brat"]`` with references by offsets, named in a warning,
  and written back on export.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from briefing_tui.formats.brat_ann import Ann, parse_ann
from briefing_tui.formats.brat_groups import group_annotations
from briefing_tui.formats.brat_vocab import (
    BRIEFING_TO_TYPE,
    CLAIM_NOTES,
    CLAIM_TYPE,
    DATE_ROLES,
    ISO_DATE,
    RATING_VALUES,
    REPORT_TYPES,
    REPORTED_ROLES,
    REPORTER_ROLES,
    TYPE_TO_BRIEFING,
    find_role,
)
from briefing_tui.formats.common import (
    UNEXPECTED,
    Ids,
    collector_paused,
    edtf,
    edtf_or_unknown,
    exact_span,
    fail,
    problem,
    read_text,
    slug,
    valid_id,
)
from briefing_tui.model.types import (
    Claim,
    Document,
    Entity,
    Event,
    LoadError,
    Problem,
    Rating,
    Source,
    SourceRef,
    Span,
    Verdict,
)
from briefing_tui.words import plural

Ref = dict[str, Any]  # {"span": [s, e]} for a text-bound, {"event": id}, {"claim": id}


def _doc_title(text: str, stem: str) -> str:
    first = next((line.strip() for line in text.split("\n") if line.strip()), "")
    return first if 0 < len(first) <= 120 else stem


def import_brat(txt_path: str | Path, ann_path: str | Path | None = None) -> Document:
    """Read ``FILE.txt`` and its ``FILE.ann``. Raises LoadError with ``FILE:LINE:COL`` problems."""
    txt_path = Path(txt_path)
    ann_path = Path(ann_path) if ann_path else txt_path.with_suffix(".ann")
    if not txt_path.exists() and ann_path.exists():
        raise fail(ann_path, f"no text file {txt_path.name} beside the brat annotations")
    text = read_text(txt_path)
    if not ann_path.exists():
        raise LoadError([problem(ann_path, "no brat annotation file beside the text")])
    with open(txt_path, "rb") as handle:
        bom = handle.read(3) == b"\xef\xbb\xbf"  # brat counts a byte order mark as a character
    with collector_paused():
        return _import(txt_path, ann_path, text, bom)


def _import(txt_path: Path, ann_path: Path, text: str, bom: bool) -> Document:
    parsed, problems = parse_ann(ann_path, text, read_text(ann_path), shift=int(bom))
    if bom:
        message = "the text starts with a byte order mark: it is dropped and every offset moved back by one"
        problems.append(problem(txt_path, message, warning=True))
    if any(p.severity.value == "error" for p in problems):
        raise LoadError([p for p in problems if p.severity.value == "error"])
    try:
        return _Builder(txt_path, ann_path, text, parsed, problems).build()
    except UNEXPECTED as exc:  # a combination no check above foresaw: still a message, never a traceback
        raise fail(ann_path, f"unexpected structure ({type(exc).__name__}): {exc}") from None


class _Builder:
    def __init__(self, txt: Path, ann_path: Path, text: str, ann: Ann, problems: list[Problem]) -> None:
        self.txt, self.ann_path, self.text, self.ann = txt, ann_path, text, ann
        title = _doc_title(text, txt.stem)
        self.doc = Document(txt, slug(txt.stem, "brat"), title, "und", text, problems=list(problems))
        self.ids = Ids()
        self.refs: dict[str, Ref] = {}  # brat id -> reference kept in extra
        self.entity_of: dict[str, Entity] = {}
        self.event_of: dict[str, Event] = {}
        self.claim_of: dict[str, Claim] = {}
        self.extra: dict[str, Any] = {"equiv": []}  # the Equiv lines as written, none as well
        self.kept: list[str] = []
        self.members: dict[str, list[str]] = {}  # entity id -> its text-bound annotations

    def warn(self, message: str, line: int = 1) -> None:
        self.doc.problems.append(problem(self.ann_path, message, line, 1, warning=True))

    def build(self) -> Document:
        ann = self.ann
        triggers = {trig for _, trig, _, _ in ann.e.values()}
        reports = self._reports()
        claims_t = [t for t, (ty, _, _) in ann.t.items() if ty == CLAIM_TYPE and t not in triggers]
        entity_t = [t for t in ann.t if t not in triggers and t not in claims_t]
        for tid, (type_, frags, _) in ann.t.items():
            first = frags[0] if len(frags) == 1 else min(frags)  # the fragment that comes first in the text
            self.refs[tid] = {"span": [first[0], first[1]], "type": type_}
        self._entities(entity_t)
        for eid in ann.e:
            if eid not in reports:
                self._event(eid)
        wanted = {
            target: text for kind, target, text, _ in ann.notes if kind == "BriefingId" and valid_id(text)
        }
        for tid in claims_t:
            frags = ann.t[tid][1]
            claim = Claim(self.ids.new(wanted.get(tid, tid)), self._hull(frags))
            self.claim_of[tid] = claim
            self.refs[tid] = {"claim": claim.id}
            self.doc.claims.append(claim)
        for eid, reported in reports.items():
            self._report(eid, reported, wanted)
        self._discontinuous(ann)
        self._equivalences()
        self._relations()
        self._attributes()
        self._normalisations()
        self._notes()
        for eid in ann.e:
            self._event_args(eid, reports)
        if self.extra:
            self.doc.extra["brat"] = self.extra
        if self.kept:
            self.warn("kept with no briefing equivalent (in extra.brat, written back on export): "
                      + ", ".join(self.kept))  # fmt: skip
        return self.doc

    # --- entities ---------------------------------------------------------------------------------

    def _entities(self, tids: list[str]) -> None:
        ann, text = self.ann, self.text
        grouped = group_annotations(ann, tids, text)
        groups, surface, implicit = grouped.members, grouped.surface, grouped.implicit
        if implicit:
            shown = ", ".join(implicit[:5]) + (", ..." if len(implicit) > 5 else "")
            self.warn(f"{plural(len(implicit), 'text-bound annotation')} ({shown}) joined an entity of the "
                      "same type and text or Wikidata item; each is kept as a mention of it")  # fmt: skip

        def place(t: str) -> tuple[int, int]:
            return ann.t[t][1][0]

        # The text decides which mention names the entity, never the order of the lines in the .ann file:
        # an export writes them in another order, and import -> export -> import must give the same entities.
        for members in sorted((sorted(m, key=place) for m in groups.values()), key=lambda m: place(m[0])):
            type_, frags, line = ann.t[members[0]]
            name = surface[members[0]]
            mapped = TYPE_TO_BRIEFING.get(type_.lower(), type_)
            entity = Entity(self.ids.new(slug(name, "entity")), name, mapped, line=line)
            if BRIEFING_TO_TYPE.get(mapped, mapped) != type_:  # PER -> person: PER is written back
                self.extra.setdefault("types", {})[entity.id] = type_
            self.members[entity.id] = members
            seen: dict[tuple[int, int], int] = {}
            # Several annotations of one entity starting at the same place are told apart by their rank,
            # in the order export writes them: the discontinuous ones first, then the others.
            mentions: list[Span] = []
            entity.mentions = mentions
            split = any(len(ann.t[t][1]) > 1 for t in members)
            if split:
                members = sorted(members, key=lambda t: len(ann.t[t][1]) == 1)
            for t in members:
                frags = ann.t[t][1]
                if len(frags) == 1:
                    mentions.append(exact_span(text, frags[0][0], frags[0][1]))
                else:
                    mentions.extend(exact_span(text, a, b) for a, b in frags)
                first = min(frags) if len(frags) > 1 else frags[0]
                nth = seen[first] = seen.get(first, -1) + 1
                ref = {"span": self.refs[t]["span"], "entity": entity.id}
                if nth:
                    ref["nth"] = nth
                self.refs[t] = ref
                self.entity_of[t] = entity
            if split:  # else they came in the text's order already (members are sorted by place)
                mentions.sort(key=lambda s: (s.start, s.end))
            names = {surface[t] for t in members} - {name}
            entity.aliases = sorted(names)
            self.doc.entities.append(entity)
            if mapped == type_ and type_ not in BRIEFING_TO_TYPE.values():
                self.extra.setdefault("custom_types", [])
                if type_ not in self.extra["custom_types"]:
                    self.extra["custom_types"].append(type_)

    # --- events and claims ------------------------------------------------------------------------

    def _reports(self) -> dict[str, str]:
        """Report-like events with a reporter and a reported event: report id -> reported event id."""
        out = {}
        for eid, (type_, _, args, _) in self.ann.e.items():
            if type_.lower().split(":")[-1].split("-")[-1] not in REPORT_TYPES:
                continue
            roles = [r for r, _ in args]
            who, what = find_role(roles, REPORTER_ROLES), find_role(roles, REPORTED_ROLES)
            if who is None or what is None:
                continue
            if args[who][1] in self.ann.t and args[what][1] in self.ann.e:
                out[eid] = args[what][1]
        return out

    def _hull(self, frags: list[tuple[int, int]]) -> Span:
        return exact_span(self.text, min(a for a, _ in frags), max(b for _, b in frags))

    def _event(self, eid: str) -> None:
        type_, trigger, args, line = self.ann.e[eid]
        frags = self.ann.t[trigger][1]
        words = " ".join(self.text[a:b] for a, b in frags)
        date = "XXXX"
        for role, ref in args:
            if role.rstrip("0123456789").lower() in DATE_ROLES and ref in self.ann.t:
                value = " ".join(self.text[a:b] for a, b in self.ann.t[ref][1]).strip()
                if ISO_DATE.match(value) and edtf(value) is not None:
                    date = value
        event = Event(self.ids.new(eid), f"{type_}: {words}", edtf_or_unknown(date), line=line)
        event.mentions = [exact_span(self.text, a, b) for a, b in frags]
        self.event_of[eid] = event
        self.refs[eid] = {"event": event.id}
        self.doc.events.append(event)

    def _event_args(self, eid: str, reports: dict[str, str]) -> None:
        """Entity arguments become the event's entities; every argument is kept for export."""
        type_, trigger, args, _ = self.ann.e[eid]
        target = self.event_of.get(eid) or self.claim_of.get(eid)
        if target is None:
            return
        for _, ref in args:
            entity = self.entity_of.get(ref)
            if entity is not None and entity.id not in target.entities:
                target.entities.append(entity.id)
        record = {
            "type": type_,
            "trigger": self.refs[trigger]["span"],
            "trigger_type": self.ann.t[trigger][0],
            "args": [[role, self.refs[ref]] for role, ref in args],
        }
        key = "reports" if eid in reports else "events"
        self.extra.setdefault(key, {})[target.id] = record
        if any("event" in self.refs[ref] for _, ref in args if ref in self.ann.e) and eid not in reports:
            self.kept.append(f"{eid} (nested event arguments)")

    def _report(self, eid: str, reported: str, wanted: dict[str, str]) -> None:
        _, _, args, line = self.ann.e[eid]
        roles = [r for r, _ in args]
        reporter_t = args[find_role(roles, REPORTER_ROLES) or 0][1]
        rtype, rtrig, rargs, _ = self.ann.e[reported]
        frags = list(self.ann.t[rtrig][1])
        for _, ref in rargs:
            if ref in self.ann.t:
                frags += self.ann.t[ref][1]
        claim = Claim(self.ids.new(wanted.get(eid, eid)), self._hull(frags), line=line)
        speaker = self.entity_of.get(reporter_t)
        if speaker is not None:
            source = self.doc.source(f"S-{speaker.id}")
            if source is None:
                source = Source(f"S-{speaker.id}", title=speaker.name, kind="speaker", entity=speaker.id)
                self.ids.taken.add(source.id)
                self.doc.sources.append(source)
            claim.sources.append(SourceRef(source.id))
        self.claim_of[eid] = claim
        self.refs[eid] = {"claim": claim.id}
        self.doc.claims.append(claim)

    def _discontinuous(self, ann: Ann) -> None:
        owners: dict[str, str] = {t: e.id for t, e in self.entity_of.items()}
        owners.update({self.ann.e[eid][1]: ev.id for eid, ev in self.event_of.items()})
        for tid, (_, frags, line) in ann.t.items():
            if len(frags) > 1:
                record = {"owner": owners.get(tid), "frags": [list(f) for f in frags]}
                self.extra.setdefault("discontinuous", []).append(record)
                self.warn(f"{tid} is discontinuous: its {plural(len(frags), 'fragment')} are separate spans "
                          "here (joined again on export)", line)  # fmt: skip

    # --- attributes, normalisations, notes, relations ---------------------------------------------

    def _attributes(self) -> None:
        for aid, name, target, value, line in self.ann.a:
            event, claim = self.event_of.get(target), self.claim_of.get(target)
            date = edtf(value) if name.lower() == "date" and event is not None and value else None
            if event is not None and date is not None:
                event.date = date
                continue
            if name.lower() in ("verdict", "rating") and claim is not None and value in RATING_VALUES:
                claim.verdict = Verdict(Rating(value), line=line)
                continue
            if name == "VerdictDate" and claim is not None and claim.verdict is not None and value:
                claim.verdict.reviewed = value
                continue
            self.extra.setdefault("attributes", []).append({"name": name, "target": self.refs[target],
                                                            "value": value})  # fmt: skip
            self.kept.append(f"{aid} {name}")

    def _normalisations(self) -> None:
        for nid, kind, target, db, key, shown, _ in self.ann.n:
            entity = self.entity_of.get(target)
            if (
                entity is not None
                and kind == "Reference"
                and db.lower() == "wikidata"
                and re.fullmatch(r"Q\d+", key)
                and entity.wikidata in (None, key)
                and entity.id not in self.extra.get("wikidata_at", {})
            ):
                entity.wikidata = key
                # the mention it was written on, and its text, so that export writes it back as it was
                at = {"span": self.refs[target]["span"], "text": shown}
                self.extra.setdefault("wikidata_at", {})[entity.id] = at
                continue
            self.extra.setdefault("normalisations", []).append(
                {"kind": kind, "target": self.refs[target], "resource": db, "key": key, "text": shown}
            )
            self.kept.append(f"{nid} {db}:{key}")

    def _notes(self) -> None:
        for kind, target, note, line in self.ann.notes:
            entity = self.entity_of.get(target)
            if entity is not None and len(self.members.get(entity.id, ())) > 1:
                owner = None  # a note on one mention of several: kept on that mention
            else:
                owner = entity or self.event_of.get(target) or self.claim_of.get(target)
            claim = self.claim_of.get(target)
            if claim is not None and kind in CLAIM_NOTES and self._claim_note(claim, kind, note):
                continue
            if owner is not None and kind == "AnnotatorNotes" and note and not owner.note:
                owner.note = note
                continue
            self.extra.setdefault("notes", []).append(
                {"kind": kind, "target": self.refs[target], "text": note}
            )
            if owner is None and entity is not None and kind == "AnnotatorNotes":
                continue  # on a mention: kept, and not a loss worth a warning
            self.kept.append(f"note on {target} (line {line})")

    def _claim_note(self, claim: Claim, kind: str, text: str) -> bool:
        """A briefing field an export wrote as a note on a claim, read back; False when it does not apply."""
        if kind == "Gloss" and not claim.gloss:
            claim.gloss = text
        elif kind == "VerdictExplanation" and claim.verdict is not None and not claim.verdict.explanation:
            claim.verdict.explanation = text
        elif kind == "BriefingId" and claim.id == text:
            pass  # used when the claim was made
        else:
            return False
        return True

    def _equivalences(self) -> None:
        """``*`` lines as they were written (an entity's mentions may also come from the same text),
        and other ``*`` relations than Equiv (brat's Alias...): kept, written back."""
        for kind, members, _ in self.ann.equiv:
            if kind == "Equiv":
                self.extra.setdefault("equiv", []).append([self.refs[m] for m in members])
            else:
                refs = [self.refs[m] for m in members]
                self.extra.setdefault("equivalences", []).append({"type": kind, "args": refs})
                self.kept.append(f"* {kind} {' '.join(members)}")

    def _relations(self) -> None:
        for index, (rid, _, _, _) in enumerate(self.ann.r):
            self.refs[rid] = {"relation": index}
        for rid, type_, args, _ in self.ann.r:
            self.extra.setdefault("relations", []).append(
                {"type": type_, "args": [[role, self.refs[ref]] for role, ref in args]}
            )
            self.kept.append(f"{rid} {type_}")
