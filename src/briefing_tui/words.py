"""Counted nouns in English: ``plural(1, "claim")`` is "1 claim", ``plural(2, "entity")`` "2 entities".

Pure (stdlib only): the commands, the model's messages and the reader all count things the same way.
"""

from __future__ import annotations

_VOWELS = frozenset("aeiou")
_SIBILANT_ENDINGS = ("s", "x", "z", "ch", "sh")


def plural_of(word: str) -> str:
    """The plural of an English noun made by rule: entity → entities, match → matches, key → keys."""
    if len(word) > 1 and word.endswith("y") and word[-2] not in _VOWELS:
        return word[:-1] + "ies"
    if word.endswith(_SIBILANT_ENDINGS):
        return word + "es"
    return word + "s"


def noun(count: int, word: str, many: str | None = None) -> str:
    """The noun that agrees with ``count``: ``word`` for exactly one, its plural otherwise (0 too).

    Args:
        count: how many.
        word: the singular.
        many: the plural, when the rule does not make it (``"people"``).
    """
    return word if count == 1 else (many or plural_of(word))


def plural(count: int, word: str, many: str | None = None) -> str:
    """The count and the noun that agrees with it: "1 claim", "0 claims", "3 entities", "25,000
    claims" (its thousands apart, as every count the reader shows)."""
    return f"{count:,} {noun(count, word, many)}"
