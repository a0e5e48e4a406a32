"""Entity mentions from a spaCy ``Doc``, mended by general rules before they are grouped.

The model's spans are cut to the name: elisions (n’, l’), determiners and titles or roles come off
the edges; a role with no name in it (« Premier ministre », « secrétaire d’État ») and a people's name
(« les Européens ») are dropped; the parts of one organisation's name are joined (the longest name
wins); types are mapped to the format's and corrected by what surrounds the name (a title before it
makes it a person) and by the places table. Known names (``--known``) win over the model.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from briefing_tui.annotate.places import is_place
from briefing_tui.annotate.words import (
    CONNECTORS,
    DEMONYM,
    DETERMINERS,
    ELISION,
    FUNCTION,
    ORG_HEADS,
    ROLE_ONLY,
    TITLES,
    WEEKDAYS_MONTHS,
    fold,
    is_acronym,
)

LABELS = {
    "PER": "person", "PERSON": "person", "ORG": "organisation", "NORP": "other",
    "LOC": "place", "GPE": "place", "FAC": "place", "MISC": "other", "EVENT": "other",
    "WORK_OF_ART": "other", "LAW": "other", "PRODUCT": "other", "LANGUAGE": "other",
}  # fmt: skip
"""spaCy's labels (French WikiNER and English OntoNotes) to the format's types; others are not names."""


@dataclass(slots=True)
class Mention:
    start: int  # code points into the whole text
    end: int
    text: str
    type: str
    why: str = "model"  # model, title, role, place, known: what decided the type
    subject: bool = False  # the subject of a verb (a capital that acts speaks for its country)


def _edge_word(token: Any) -> bool:
    """A token that is never the first or last word of a name."""
    low = fold(token.text)
    return (
        bool(ELISION.match(token.text))
        or low in DETERMINERS
        or token.is_punct
        or token.is_space
        or (token.pos_ == "DET")
    )


def _title(token: Any) -> bool:
    return fold(token.text) in TITLES or fold(token.text).rstrip(".") in TITLES


def _capitalised(token: Any) -> bool:
    return token.text[:1].isupper() or token.text[:1].isdigit()


def _trim(doc: Any, start: int, end: int) -> tuple[int, int, bool]:
    """Token bounds with edges cut; whether a title or a people's name was cut off the front."""
    titled = False
    while start < end:
        token = doc[start]
        if _edge_word(token):
            start += 1
        elif _title(token) and end - start > 1:
            start, titled = start + 1, True
        elif (
            end - start > 1
            and _demonym(token)
            and _capitalised(doc[start + 1])
            and _after_article(doc, start)
        ):
            start, titled = start + 1, True  # « le Hongrois Viktor Orban », not « François Bozizé »
        else:
            break
    while end > start and _edge_word(doc[end - 1]):
        end -= 1
    return start, end, titled


def _demonym(token: Any) -> bool:
    text = token.text
    return text[:1].isupper() and len(text) > 4 and bool(DEMONYM.search(fold(text))) and not is_place(text)


def _only_role(tokens: list[Any]) -> bool:
    """« Premier ministre », « président de la République », « État »: a role or an institution, no name."""
    return all(
        fold(t.text) in TITLES
        or fold(t.text) in FUNCTION
        or fold(t.text) in ROLE_ONLY
        or ELISION.match(t.text)
        for t in tokens
    )


def _person_before(doc: Any, start: int) -> bool:
    """A title right before (« le major général Ken Ekman ») or a role phrase in apposition before it
    (« l’ambassadrice des États-Unis au Niger, Kathleen FitzGibbon »)."""
    if start > 0 and _title(doc[start - 1]):
        return True
    if start < 2 or doc[start - 1].text != ",":
        return False
    i = start - 2
    while i >= 0 and start - i <= 12:
        token = doc[i]
        if token.is_punct or token.is_sent_start:
            return _title(token) and not token.is_punct
        if _title(token) and token.text[:1].islower():
            previous = doc[i - 1] if i > 0 else None
            if previous is None or previous.is_punct or _edge_word(previous) or previous.pos_ == "ADP":
                return True
        i -= 1
    return False


def _person_after(doc: Any, end: int) -> bool:
    """A role in apposition after the name: « Kathleen FitzGibbon, ambassadrice des États-Unis »."""
    i = end
    if i >= len(doc) or doc[i].text != ",":
        return False
    i += 1
    while i < len(doc) and _edge_word(doc[i]) and not doc[i].is_punct:
        i += 1
    return i < len(doc) and _title(doc[i]) and doc[i].text[:1].islower()


def _org_head(token: Any) -> bool:
    return fold(token.text) in ORG_HEADS


def _one_line(doc: Any, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """A name never runs over a line end (« Centrafrique⏎APA-Bangui »): cut the span at each one."""
    out = []
    for start, end, label in spans:
        piece = start
        for i in range(start, end):
            if "\n" in doc[i].text or "\n" in doc[i].whitespace_:
                if i + 1 > piece and "\n" not in doc[i].text:
                    out.append((piece, i + 1, label))
                piece = i + 1
        if piece < end:
            out.append((piece, end, label))
    return out


def _name_end(doc: Any, end: int) -> int:
    """A person's name takes a capitalised word the model left out after it (« Aliou Mamadou Dia »)."""
    while (
        end < len(doc)
        and "\n" not in doc[end - 1].whitespace_
        and doc[end].is_alpha
        and doc[end].text[:1].isupper()
        and doc[end].ent_iob_ == "O"
        and doc[end].pos_ in ("PROPN", "X")
        and not _title(doc[end])
        and end + 1 < len(doc)
        and (doc[end + 1].is_punct or doc[end + 1].pos_ in ("AUX", "VERB", "ADP"))
    ):
        end += 1
    return end


def model_mentions(doc: Any, offset: int) -> list[Mention]:
    """The model's entities of one Doc, mended; ``offset`` is where the Doc's text starts."""
    spans = [(e.start, e.end, e.label_) for e in doc.ents if e.label_ in LABELS]
    spans = _join_organisations(doc, _one_line(doc, spans))
    out: list[Mention] = []
    for start, end, label in spans:
        start, end, titled = _trim(doc, start, end)
        if start >= end:
            continue
        tokens = list(doc[start:end])
        if not any(t.text[:1].isupper() for t in tokens) or _only_role(tokens):
            continue
        if len(tokens) == 1 and fold(tokens[0].text) in WEEKDAYS_MONTHS:
            continue  # a date, found by the date rules
        kind, why = LABELS[label], "model"
        if len(tokens) == 1 and _demonym(tokens[0]) and (kind == "other" or _after_article(doc, start)):
            continue  # « les Européens », « Polonais »: a people, not a named entity
        text = doc[start:end].text
        if is_place(text):
            kind, why = "place", "place"
        elif titled or _person_before(doc, start) or (len(tokens) > 1 and _person_after(doc, end)):
            kind, why = "person", "title"
        elif (
            _org_head(tokens[0])
            and tokens[0].text[:1].isupper()
            and len(tokens) > 1
            or kind != "person"
            and is_acronym(text)
        ):
            kind, why = "organisation", "role"
        if kind == "person":
            end = _name_end(doc, end)
            text = doc[start:end].text
        span = doc[start:end]
        subject = span.root.dep_.startswith("nsubj")
        out.append(Mention(offset + span.start_char, offset + span.end_char, text, kind, why, subject))
    return out


def _after_article(doc: Any, start: int) -> bool:
    return start > 0 and fold(doc[start - 1].text) in DETERMINERS


def _join_organisations(doc: Any, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The longest name wins: an organisation's head and the names inside it become one span.

    « Commandement des États-Unis » + « pour l’ » + « Afrique » → one organisation; a lone head
    (« Conseil ») takes the words that complete it (« Conseil des ministres », « Parlement européen »).
    """
    spans = sorted(spans)
    out: list[tuple[int, int, str]] = []
    for start, end, label in spans:
        if out:
            p_start, p_end, p_label = out[-1]
            gap = list(doc[p_end:start])
            if (
                _org_head(doc[p_start] if not _edge_word(doc[p_start]) else doc[min(p_start + 1, p_end - 1)])
                and 0 < len(gap) <= 3
                and all(fold(t.text) in CONNECTORS for t in gap)
                and not (len(gap) == 1 and fold(gap[0].text) == "et" and doc[start].pos_ == "DET")
            ):
                out[-1] = (p_start, end, "ORG")
                continue
        out.append((start, end, label))
    joined = []
    for start, end, label in out:
        first = start + 1 if _edge_word(doc[start]) and end - start > 1 else start
        if _org_head(doc[first]) and doc[first].text[:1].isupper():
            end = _complete(doc, first, end)
            label = "ORG"
        joined.append((start, end, label))
    return joined


def _complete(doc: Any, start: int, end: int) -> int:
    """Extend an organisation's name over the adjectives that finish it (« Parlement européen »);
    a lone head also over « des ministres » (« Conseil des ministres », « Cour des comptes »)."""
    lone = end - start == 1
    while end < len(doc) and doc[end].pos_ == "ADJ" and doc[end].text[:1].islower():
        end += 1
    if (
        lone
        and end + 1 < len(doc)
        and fold(doc[end].text) in ("des", "du", "de")
        and doc[end + 1].pos_ == "NOUN"
        and doc[end + 1].text[:1].islower()
    ):
        end += 2
    return end
