"""Word lists the rules use: determiners, elisions, titles and roles, heads of organisation names.

Lower-case, with typographic apostrophes folded to ``'`` (see ``fold``). French first, then English.
"""

from __future__ import annotations

import re
import unicodedata


def words(text: str) -> frozenset[str]:
    """A set of words written one after the other, separated by spaces or line ends."""
    return frozenset(text.split())


_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "`": "'", "´": "'", "‘": "'"})


def fold(text: str) -> str:
    """Case, accents and apostrophes folded: the key under which two spellings are the same name."""
    text = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES).casefold())
    return "".join(c for c in text if not unicodedata.combining(c)).replace("-", " ").strip()


ELISION = re.compile(r"^(?:[cdjlmnst]|qu|jusqu|lorsqu|puisqu|quoiqu)['’]$", re.IGNORECASE)
"""A token that is only an elided word: n’, l’, s’, qu’ — never the edge of a name."""

DETERMINERS = words(
    """
    le la les l' un une des du de d' au aux ce cet cette ces son sa ses leur leurs notre nos votre vos
    the a an this that these those its their his her our
    """
)
FUNCTION = DETERMINERS | words(
    """
    et à en pour par sur sous dans avec of and for in on at to
    """
)

TITLES = words(
    """
    m. mm. mme mmes mlle me dr pr monsieur madame mademoiselle messieurs président présidente
    vice-président vice-présidente président-directeur premier première ministre ministres secrétaire
    sous-secrétaire adjoint adjointe porte-parole général générale major colonel commandant capitaine
    lieutenant amiral maréchal sergent professeur docteur maître sénateur sénatrice député députée maire
    ambassadeur ambassadrice directeur directrice chef cheffe roi reine prince princesse pape cardinal
    évêque imam rabbin juge procureur procureure gouverneur gouverneure chancelier chancelière émir
    cheikh sultan candidat candidate sortant sortante élu élue fondateur fondatrice patron patronne
    dirigeant dirigeante mr mrs ms sir dame lord lady president vice prime minister secretary general
    ambassador senator governor king queen chancellor judge mayor professor doctor director chief
    spokesman spokeswoman
    """
)
"""Words of a title or role: kept out of a person's span (« le major général Ken Ekman » → Ken Ekman)."""

ROLE_ONLY = words(
    """
    république etat état nation gouvernement republic state
    """
)
"""With titles and function words, what a role is made of (« président de la République »): no name."""

ORG_HEADS = words(
    """
    union conseil parlement commission cour banque forces force armée armées assemblée sénat ministère
    agence organisation comité fonds parti front mouvement rassemblement office institut université
    commandement conférence confédération ligue fédération haut-commissariat tribunal fondation
    association syndicat alliance coalition collectif groupe compagnie société direction département
    service services police gendarmerie brigade état-major
    """
)
"""First words of an organisation's name (« Commandement des États-Unis pour l’Afrique »)."""

CONNECTORS = words(
    """
    de du des d' l' la le les pour en et sur contre
    """
)
"""Words that may join the parts of one organisation's name."""

DEMONYM = re.compile(r"(?:ais|ois|ain|ien|een|iqu)e?n?e?s?$")
"""Endings (folded) of a people's name (Polonais, Hongrois, Européens): not an entity of its own."""

WEEKDAYS_MONTHS = words(
    """
    lundi mardi mercredi jeudi vendredi samedi dimanche janvier février fevrier mars avril mai juin
    juillet août aout septembre octobre novembre décembre decembre monday tuesday wednesday thursday
    friday saturday sunday january february march april june july august september october november
    december
    """
)


def is_acronym(text: str) -> bool:
    """« UE », « CNN », « PiS »: two to eight letters, all or all but one upper case, one word."""
    letters = [c for c in text if c.isalpha()]
    upper = sum(1 for c in letters if c.isupper())
    return 2 <= len(letters) <= 8 and " " not in text and upper >= 2 and upper >= len(letters) - 1
