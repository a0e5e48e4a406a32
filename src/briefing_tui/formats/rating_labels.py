"""The rating labels that fact-checkers publish in ClaimReview, mapped onto the briefing's verdict scale.

The labels are those of the IFCN signatories' feeds (English and French first, with Spanish,
Portuguese, German, Italian and the Scandinavian languages), folded for matching: letter case,
accents, punctuation and an explanation after the label ("False. There is no evidence ...") do
not matter. A label that is not here is read from ``ratingValue`` on its ``bestRating`` scale.
"""

from __future__ import annotations

import re
import unicodedata

from briefing_tui.model.types import RATINGS, Rating

S, MS, PS = Rating.SUPPORTED, Rating.MOSTLY_SUPPORTED, Rating.PARTLY_SUPPORTED
MI, UN, F = Rating.MISLEADING, Rating.UNSUPPORTED, Rating.FALSE
OUT, UV, OP = Rating.OUTDATED, Rating.UNVERIFIABLE, Rating.OPINION

_LABELS: dict[Rating, tuple[str, ...]] = {
    S: (
        "true", "correct", "accurate", "verified", "geppetto checkmark", "fact",
        "vrai", "exact", "c'est vrai", "verdadero", "cierto", "verdad", "verdadeiro", "verdade",
        "wahr", "richtig", "stimmt", "vero", "sandt", "sant", "sann", "riktig",
    ),
    MS: (
        "mostly true", "mostly correct", "mostly accurate", "largely true", "largely accurate",
        "one pinocchio", "plutot vrai", "en grande partie vrai", "globalement vrai",
        "mayormente verdadero", "casi verdadero", "en gran parte verdadero", "quase verdadeiro",
        "verdadeiro, mas", "grosstenteils richtig", "uberwiegend richtig", "weitgehend richtig",
        "per lo piu vero", "c'eri quasi", "overvejende sandt", "stort sett sant",
    ),
    PS: (
        "half true", "half-true", "mixture", "mixed", "partly true", "partially true", "partly false",
        "partially false", "half truth", "in between", "imprecise", "inaccurate in part",
        "en partie vrai", "partiellement vrai", "en partie faux", "partiellement faux", "a nuancer",
        "imprecis", "vrai mais", "verdad a medias", "medio verdadero", "parcialmente verdadero",
        "parcialmente falso", "impreciso", "discutivel", "em parte", "parcialmente verdadeiro",
        "teilweise richtig", "teils richtig", "teilweise falsch", "halbwahr", "halb wahr",
        "vero a meta", "parzialmente vero", "delvis sandt", "delvis sant", "delvis falsk",
    ),
    MI: (
        "misleading", "missing context", "needs context", "lacks context", "false context",
        "out of context", "cherry picks", "exaggerated", "exaggerates", "exaggeration", "spin",
        "spins the facts", "distorts the facts",
        "not the whole story", "miscaptioned", "mostly false", "barely true", "two pinocchios",
        "three pinocchios", "largely false", "manipulated", "altered",
        "trompeur", "manque de contexte", "hors contexte", "sorti de son contexte", "exagere",
        "plutot faux", "en grande partie faux", "detourne", "manipule", "sans contexte",
        "enganoso", "engañoso", "falta contexto", "sin contexto", "descontextualizado", "exagerado",
        "mayormente falso", "distorsionado", "enganoso", "fora de contexto", "sem contexto", "distorcido",
        "nao e bem assim", "irrefuhrend", "fehlender kontext", "fehlt kontext", "aus dem kontext gerissen",
        "ubertrieben", "grosstenteils falsch", "uberwiegend falsch", "fuorviante", "senza contesto",
        "vildledende", "villedende", "vilseledande", "mangler kontekst",
    ),
    UN: (
        "unproven", "unfounded", "no evidence", "unsubstantiated", "lacks evidence", "not proven",
        "unsupported", "infonde", "non prouve", "sans preuve", "sin evidencia", "sin pruebas",
        "no hay evidencia", "insustentavel", "sem evidencias", "sem provas", "unbelegt",
        "nicht belegt", "ohne beleg", "non provato", "udokumenteret",
    ),
    F: (
        "false", "incorrect", "inaccurate", "fake", "pants on fire", "four pinocchios", "wrong",
        "fabricated", "hoax", "debunked", "debunked rumor", "scam", "fake news", "not true",
        "faux", "c'est faux", "inexact", "intox", "infox", "arnaque", "montage", "canular", "fausse",
        "falso", "bulo", "inventado", "falsa", "mentira", "fake", "falsch", "frei erfunden", "erfunden",
        "usandt", "falsk", "falskt", "osant", "bufala",
    ),
    OUT: ("outdated", "obsolete", "no longer true", "perime", "obsoleto", "desactualizado", "veraltet"),
    UV: (
        "unverifiable", "cannot be verified", "unverified", "invérifiable", "inverifiable",
        "no verificable", "inverificavel", "nicht uberprufbar", "unklar", "ungeklart", "non verificabile",
    ),
    OP: ("opinion", "avis", "opinión", "opiniao", "meinung"),
}  # fmt: skip


def fold(label: str) -> str:
    """A label as matched: no accents, no case, no punctuation at its ends, one space between words."""
    decomposed = unicodedata.normalize("NFKD", label.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).replace("’", "'")
    return re.sub(r"\s+", " ", plain).strip(" \t!?.:;,\"'«»“”-–—")


_TABLE: dict[str, Rating] = {fold(label): rating for rating, labels in _LABELS.items() for label in labels}
for _rating, _info in RATINGS.items():  # the scale's own names too
    for _name in (_rating.value, _info.label, _info.alternate_name):
        _TABLE.setdefault(fold(_name), _rating)


def rating_for_label(label: str) -> Rating | None:
    """The verdict a published label stands for, or None when it is not known."""
    folded = fold(label)
    if not folded:
        return None
    found = _TABLE.get(folded)
    if found is None:  # "False. There is no evidence ..." / "Faux : ..." / "Mostly False - ..."
        head = re.split(r"[.:;!(\[]| - | – | — ", folded, maxsplit=1)[0]
        found = _TABLE.get(fold(head))
    return found
