"""Which text-bound brat annotations name one entity: those joined by an ``*`` Equiv line, by the
same Wikidata normalisation, or of the same type and the same text (two different Wikidata items
stay apart even with the same words: Georgia Q230 and Q1428)."""

from __future__ import annotations

from dataclasses import dataclass, field

from briefing_tui.formats.brat_ann import Ann


@dataclass
class Groups:
    """The annotations of each entity (by the first of them), what each annotation says (its
    fragments' text joined by a space), and the ones joined by their text or Wikidata item alone."""

    members: dict[str, list[str]] = field(default_factory=dict)
    surface: dict[str, str] = field(default_factory=dict)
    implicit: list[str] = field(default_factory=list)


def group_annotations(ann: Ann, tids: list[str], text: str) -> Groups:
    """Group the text-bound annotations ``tids`` of ``ann`` (over ``text``) into entities."""
    out = Groups()
    parent = {t: t for t in tids}

    def root(t: str) -> str:
        while parent[t] != t:
            parent[t] = parent[parent[t]]
            t = parent[t]
        return t

    qids = {target: key for _, _, target, db, key, _, _ in ann.n if db.lower() == "wikidata"}
    qid_of = {t: {qids[t]} for t in tids if t in qids}  # the QIDs of each group, by root

    def union(a: str, b: str, *, explicit: bool) -> None:
        ra, rb = root(a), root(b)
        if ra == rb:
            return
        qa, qb = qid_of.get(ra), qid_of.get(rb)
        if not explicit and qa and qb and qa != qb:
            return  # the same words naming two different things
        parent[rb] = ra
        if qb:
            qid_of[ra] = (qa or set()) | qid_of.pop(rb)
        if not explicit:
            out.implicit.append(b)

    for kind, members, _ in ann.equiv:
        if kind == "Equiv":  # other ``*`` relations (Alias...) do not make one thing of two
            members = [m for m in members if m in parent]
            for m in members[1:]:
                union(members[0], m, explicit=True)
    by_key: dict[tuple[str, str], list[str]] = {}
    for t in tids:
        type_, frags, _ = ann.t[t]
        words = text[frags[0][0] : frags[0][1]] if len(frags) == 1 else " ".join(text[a:b] for a, b in frags)
        out.surface[t] = words
        by_key.setdefault((type_, words), []).append(t)
        if t in qids:
            by_key.setdefault((type_, f"wikidata:{qids[t]}"), []).append(t)
    if not qids and not any(kind == "Equiv" for kind, _, _ in ann.equiv):
        # nothing but type and text joins annotations: the groups are those of their key, as they come
        for members in by_key.values():
            out.members[members[0]] = members
            out.implicit += members[1:]
    else:
        for members in by_key.values():
            for t in members[1:]:
                union(members[0], t, explicit=False)
        for t in tids:
            out.members.setdefault(root(t), []).append(t)
    return out
