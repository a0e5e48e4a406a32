"""Mentions into entities: one entity per thing named, however it is named in the text.

Mentions are grouped by their folded name; a surname joins the one person whose full name ends with
it (« FitzGibbon » with « Kathleen FitzGibbon »); an acronym joins the name it abbreviates, by its
initials (« UE », « Union européenne ») or because it follows it in brackets; a capital that acts
(« Washington réaffirme ») joins its country when the country is named. A name the model found once
is looked for everywhere else in the text, and known names (``--known``) are found and win.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache

from briefing_tui.annotate.mentions import Mention
from briefing_tui.annotate.places import COUNTRIES, country_of_capital, names
from briefing_tui.annotate.spans import Taken
from briefing_tui.annotate.words import FUNCTION, fold, is_acronym

RANK = {"known": 5, "place": 4, "title": 3, "role": 2, "model": 1, "found": 0}
"""How much each reason for a type counts when the mentions of one entity disagree."""


@dataclass(slots=True)
class KnownEntity:
    """An entity of an existing briefing, reused as a gazetteer entry."""

    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    wikidata: str | None = None
    description: str = ""


@dataclass(slots=True)
class Group:
    mentions: list[Mention]
    type: str = "other"
    name: str = ""
    aliases: list[str] = field(default_factory=list)
    known: KnownEntity | None = None


def _word_pattern(names: list[str]) -> re.Pattern[str] | None:
    names = sorted({n for n in names if len(n) >= 2}, key=len, reverse=True)
    if not names:
        return None
    body = "|".join(re.escape(n) for n in names)
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])")


class Gazetteer:
    """Known entities by their folded names and aliases (the first one named wins), found in texts."""

    def __init__(self, known: list[KnownEntity]) -> None:
        self.by_key: dict[str, KnownEntity] = {}
        for entity in known:
            for name in [entity.name, *entity.aliases]:
                self.by_key.setdefault(fold(name), entity)
        self.pattern = _word_pattern([n for e in known for n in [e.name, *e.aliases]])

    def mentions(self, text: str) -> list[Mention]:
        if self.pattern is None:
            return []
        found = []
        for match in self.pattern.finditer(text):
            entity = self.by_key[fold(match.group())]
            found.append(Mention(match.start(), match.end(), match.group(), entity.type, "known"))
        return found


@cache
def _places() -> re.Pattern[str] | None:
    return _word_pattern(names())


def place_mentions(text: str) -> list[Mention]:
    """Countries, capitals and regions of the places table, where the model missed them."""
    pattern = _places()
    return (
        [Mention(m.start(), m.end(), m.group(), "place", "place") for m in pattern.finditer(text)]
        if pattern
        else []
    )


def resolve_overlaps(mentions: list[Mention]) -> list[Mention]:
    """Where mentions overlap, known names win, then the longest."""
    ordered = sorted(mentions, key=lambda m: (m.why != "known", -(m.end - m.start), m.start))
    kept: list[Mention] = []
    taken = Taken()
    for mention in ordered:
        if taken.free(mention.start, mention.end):
            kept.append(mention)
            taken.take(mention.start, mention.end)
    return sorted(kept, key=lambda m: m.start)


def propagate(text: str, mentions: list[Mention], blocked: list[tuple[int, int]]) -> list[Mention]:
    """Every other occurrence of a name already found (the model misses some)."""
    names = {m.text: m for m in mentions if len(m.text) >= 3 and m.text[:1].isupper()}
    pattern = _word_pattern(list(names))
    if pattern is None:
        return mentions
    taken = Taken([(m.start, m.end) for m in mentions] + blocked)
    added = []
    for match in pattern.finditer(text):
        if taken.free(match.start(), match.end()):
            model = names[match.group()]
            added.append(Mention(match.start(), match.end(), match.group(), model.type, "found"))
            taken.take(match.start(), match.end())
    return sorted(mentions + added, key=lambda m: m.start)


def _initials(name: str) -> str:
    words = [w for w in re.split(r"[\s'’-]+", name) if w and fold(w) not in FUNCTION]
    return "".join(w[0] for w in words).upper()


def group_mentions(text: str, mentions: list[Mention], by_known: dict[str, KnownEntity]) -> list[Group]:
    groups: dict[str, Group] = {}
    for mention in mentions:
        known = by_known.get(fold(mention.text))
        key = f"known:{fold(known.name)}" if known else fold(mention.text)
        group = groups.setdefault(key, Group([], known=known))
        group.mentions.append(mention)
    _join_surnames(groups)
    _join_acronyms(text, groups)
    _join_capitals(groups)
    out = [g for g in groups.values() if g.mentions]
    for group in out:
        _settle(group)
    return sorted(out, key=lambda g: g.mentions[0].start)


def _merge(groups: dict[str, Group], source: str, target: str) -> None:
    groups[target].mentions.extend(groups[source].mentions)
    groups[target].mentions.sort(key=lambda m: m.start)
    groups[source].mentions = []


def _person(group: Group) -> bool:
    return any(m.type == "person" for m in group.mentions)


def _join_surnames(groups: dict[str, Group]) -> None:
    """« FitzGibbon » and « von der Leyen » join the one person whose full name ends with them."""
    keys = sorted(groups, key=lambda k: -len(k.split()))
    for key in keys:
        group = groups[key]
        if not group.mentions or group.known:
            continue
        words = key.split()
        candidates = [
            other
            for other in keys
            if other != key
            and groups[other].mentions
            and (_person(groups[other]) or _person(group))
            and groups[other].known is None
            and len(other.split()) > len(words)
            and other.split()[-len(words) :] == words
        ]
        if len(candidates) == 1 and (len(words) == 1 or _person(group)):
            _merge(groups, key, candidates[0])


def _join_acronyms(text: str, groups: dict[str, Group]) -> None:
    for key, group in list(groups.items()):
        if not group.mentions or not is_acronym(group.mentions[0].text):
            continue
        acronym = group.mentions[0].text
        target = None
        for other, candidate in groups.items():
            if other == key or not candidate.mentions or candidate.type == "person":
                continue
            if any(_initials(m.text) == acronym.upper() for m in candidate.mentions if " " in m.text):
                target = other
                break
            if any(
                re.match(rf"\s*\(\s*{re.escape(acronym)}\s*\)", text[m.end : m.end + 20])
                for m in candidate.mentions
            ):
                target = other
                break
        if target is not None:
            _merge(groups, key, target)


def _join_capitals(groups: dict[str, Group]) -> None:
    """A capital as the subject of a verb speaks for its country (metonymy), when the country is named."""
    country_keys = {COUNTRIES.get(k): k for k in groups if k in COUNTRIES}
    for key, group in list(groups.items()):
        country = country_of_capital(key)
        target = country_keys.get(country) if country else None
        if target is None or target == key:
            continue
        acting = [m for m in group.mentions if m.subject]
        for mention in acting:
            group.mentions.remove(mention)
            groups[target].mentions.append(mention)
        groups[target].mentions.sort(key=lambda m: m.start)


def _settle(group: Group) -> None:
    """The group's type by weighted vote, its name (the longest form) and its other forms."""
    if group.known is not None:
        group.type, group.name = group.known.type, group.known.name
    else:
        votes: Counter[str] = Counter()
        for mention in group.mentions:
            votes[mention.type] += 1 + 3 * RANK[mention.why]
        group.type = votes.most_common(1)[0][0]
        forms = Counter(m.text for m in group.mentions)
        group.name = max(forms, key=lambda f: (len(f.split()), forms[f], len(f)))
    seen = {fold(group.name)}
    for mention in group.mentions:
        if fold(mention.text) not in seen:
            seen.add(fold(mention.text))
            group.aliases.append(mention.text)
