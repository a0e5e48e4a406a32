"""Check-worthy sentences: what a fact-checker would want to verify, drafted as claims with no verdict.

A sentence is a candidate when it holds a figure, a statement about the future, a quotation, or a
named entity with a reporting verb (« a déclaré », « selon »). The speaker, when the text names one,
is the subject of the reporting verb or the name after « selon » / « according to ».
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from briefing_tui.annotate.spans import within
from briefing_tui.annotate.words import words

REPORTING = words(
    """
    déclarer annoncer affirmer indiquer estimer assurer confirmer dire expliquer préciser souligner
    ajouter rappeler démentir accuser promettre prévenir avertir dénoncer reconnaître admettre révéler
    signaler juger considérer insister réaffirmer répéter marteler menacer say tell state announce claim
    confirm deny warn add explain insist argue promise report accuse
    """
)
_FIGURE = re.compile(r"\d|\b(?:millions?|milliards?|billions?|pour ?cent|percent|moitié|tiers|quart)\b", re.I)
_QUOTE = re.compile(r"[«“\"][^«»“”\"]{8,}[»”\"]")
_ACCORDING = re.compile(r"\b(?:selon|d['’]après|according to)\s+$", re.I)
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")


@dataclass(slots=True)
class ClaimDraft:
    start: int
    end: int
    reasons: list[str] = field(default_factory=list)
    speaker: tuple[int, int] | None = None  # the span of the speaker's name, when the text names one


def sentences(doc: Any) -> Iterator[Any]:
    """The Doc's sentences, cut at paragraph breaks (a blank line): the model's sentences may run on
    from one paragraph into the next (a title into the first paragraph, a paragraph without a full
    stop into the one after it), and no claim or event label should."""
    for sentence in doc.sents:
        start = sentence.start
        for token in sentence:
            if token.is_space and _PARAGRAPH_BREAK.search(token.text):
                if start < token.i:
                    yield doc[start : token.i]
                start = token.i + 1
        if start < sentence.end:
            yield doc[start : sentence.end]


def _reporting(token: Any) -> bool:
    return token.pos_ in ("VERB", "AUX") and (token.lemma_ or token.text).lower() in REPORTING


def _future(sentence: Any) -> bool:
    for token in sentence:
        tense = token.morph.get("Tense")
        mood = token.morph.get("Mood")
        if token.pos_ in ("VERB", "AUX") and ("Fut" in tense or "Cnd" in mood):
            return True
        if (
            token.lower_ in ("will", "va", "vont")
            and token.i + 1 < len(token.doc)
            and token.doc[token.i + 1].pos_ == "VERB"
        ):
            return True
    return False


def find_claims(
    offset: int,
    doc: Any,
    names: list[tuple[int, int]],
    dates: list[tuple[int, int]],
    text: str,
    ahead: list[tuple[int, int]] | None = None,
) -> list[ClaimDraft]:
    """Candidate claims of one Doc (at ``offset`` in ``text``), one per sentence, with the reasons a
    reviewer sees in the claim's note. ``names`` and ``dates`` are sorted spans; ``ahead`` the dates
    that lie after the publication (« dans les prochains mois »)."""
    out: list[ClaimDraft] = []
    for sentence in sentences(doc):
        start = offset + sentence.start_char
        end = offset + sentence.end_char
        body = text[start:end].strip()
        if len(body.split()) < 5:
            continue
        start += len(text[start:end]) - len(text[start:end].lstrip())
        end = start + len(body)
        inside = within(names, start, end)
        masked = _mask(body, start, within(dates, start, end))
        draft = ClaimDraft(start, end)
        if _FIGURE.search(masked):
            draft.reasons.append("a figure")
        if _QUOTE.search(body):
            draft.reasons.append("a quotation")
        verbs = [t for t in sentence if _reporting(t)]
        speaker = _speaker(verbs, inside, offset, text, start, end)
        if speaker is not None:
            draft.reasons.append("reported speech")
        if inside and (_future(sentence) or within(ahead or [], start, end)):
            draft.reasons.append("a statement about the future")
        elif inside and within(dates, start, end):
            draft.reasons.append("a dated fact")
        draft.speaker = speaker
        if draft.reasons:
            out.append(draft)
    return out


def _mask(body: str, start: int, dates: list[tuple[int, int]]) -> str:
    """The sentence with its dates blanked, so that « 24 avril 2024 » is not taken for a figure."""
    chars = list(body)
    for a, b in dates:
        for i in range(max(a, start), min(b, start + len(body))):
            chars[i - start] = " "
    return "".join(chars)


def _speaker(
    verbs: list[Any], names: list[tuple[int, int]], offset: int, text: str, start: int, end: int
) -> tuple[int, int] | None:
    for verb in verbs:
        for child in verb.children:
            if child.dep_.startswith("nsubj"):
                subject = (
                    offset + child.left_edge.idx,
                    offset + child.right_edge.idx + len(child.right_edge),
                )
                for name in names:
                    if subject[0] <= name[0] and name[1] <= subject[1]:
                        return name
    for name in names:
        if _ACCORDING.search(text[max(start, name[0] - 20) : name[0]]):
            return name
    for verb in verbs:  # an incise with the subject after the verb: « …, a déclaré mercredi le ministère X »
        before = verb.doc[max(0, verb.i - 2) : verb.i]
        if any(t.text == "," for t in before):
            after = offset + verb.idx
            following = [n for n in names if n[0] > after]
            if following and following[0][0] - after < 60:
                return following[0]
    return None
