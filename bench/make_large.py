"""Generate a large briefing to measure loading and anchoring.

Usage: ``python bench/make_large.py [PATH] [--mb 10] [--annotations 100000] [--seed 1]``
(default PATH ``bench/out/large.yaml``, git-ignored).

How it is made, deterministically from ``--seed``:

- The text is French-looking prose (a fixed vocabulary with accents, typographic apostrophes and
  quotes), one sentence after another in paragraphs of 3 to 8 sentences, until it holds ``--mb``
  megabytes of UTF-8. Entity names are written into sentences as they are generated, so every
  mention's position is known exactly.
- 70 % of the annotations are entity mentions (2,000 entities, each mentioned many times), 25 % are
  claims (each over one whole sentence, with one to three sources and a verdict), 5 % are events
  (an EDTF date, a mention, a source).
- Spans are written the way a generator should write them, as the compact ``[start, end]``
  position (docs/format.md), except one claim in 100 written ``{exact, start, end}`` (the quote is
  checked against the text) and one in 2,000 that carries only its quote (searched for in the
  text). Position-only spans cost nothing to anchor; the quotes exercise the search.
- 500 sources with dates and addresses.
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

WORDS = [
    "le",
    "la",
    "les",
    "un",
    "une",
    "des",
    "du",
    "de",
    "à",
    "au",
    "aux",
    "et",
    "ou",
    "mais",
    "donc",
    "car",
    "pour",
    "par",
    "avec",
    "sans",
    "sous",
    "sur",
    "dans",
    "entre",
    "gouvernement",
    "armée",
    "troupes",
    "retrait",
    "accord",
    "coopération",
    "sécurité",
    "stabilité",
    "région",
    "partenariat",
    "discussions",
    "réunion",
    "représentants",
    "ministre",
    "président",
    "ambassadrice",
    "général",
    "commandement",
    "stratégie",
    "engagement",
    "programmes",
    "terrorisme",
    "développement",
    "économique",
    "démocratique",
    "régime",
    "annoncé",
    "déclaré",
    "confirmé",
    "prévu",
    "organisé",
    "entamé",
    "poursuivi",
    "rappelé",
    "souligné",
    "réaffirmé",
    "semaine",
    "mois",
    "année",
    "prochain",
    "dernier",
    "nouvelle",
    "ère",
    "internationale",
    "bilatérale",
    "forte",
    "ordonné",
    "responsable",
    "processus",
    "calendrier",
    "base",
    "aérienne",
    "capitale",
    "frontière",
    "population",
    "soutien",
    "l’État",
    "d’Afrique",
    "l’Ouest",
    "qu’il",
    "n’a",
    "s’est",
    "«",
    "»",
    "–",
    "été",
    "être",
    "avoir",
    "très",
    "plus",
    "moins",
    "déjà",
    "encore",
]
FIRST = [
    "Amadou",
    "Aïcha",
    "Kathleen",
    "Kurt",
    "Ken",
    "Moussa",
    "Fatouma",
    "Ibrahim",
    "Mariam",
    "Issoufou",
    "Hélène",
    "Zeinab",
    "Oumarou",
]
LAST = [
    "Traoré",
    "Maïga",
    "Diallo",
    "Kaboré",
    "Ouédraogo",
    "Tchiani",
    "Bazoum",
    "Zeine",
    "Abdramane",
    "Coulibaly",
    "Sidibé",
    "Touré",
]
TYPES = ["person", "organisation", "place", "other"]
RATINGS = ["supported", "mostly-supported", "partly-supported", "misleading", "unsupported", "outdated"]


def _q(value: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(value, ensure_ascii=False)


def generate(path: Path, megabytes: float, annotations: int, seed: int) -> dict[str, int]:
    rng = random.Random(seed)
    n_mentions = annotations * 70 // 100
    n_claims = annotations * 25 // 100
    n_events = annotations - n_mentions - n_claims
    n_entities = 2000
    names = [f"{rng.choice(FIRST)} {rng.choice(LAST)}-{i}" for i in range(n_entities)]
    target = int(megabytes * 1_000_000)

    parts: list[str] = []
    pos = 0  # code points
    size = 0  # UTF-8 bytes
    sentences: list[tuple[int, int]] = []
    mentions: list[list[tuple[int, int]]] = [[] for _ in range(n_entities)]
    mention_budget = n_mentions
    while size < target:
        for i in range(rng.randint(3, 8)):
            words = [rng.choice(WORDS) for _ in range(rng.randint(6, 18))]
            words[0] = words[0].capitalize()
            sentence = " ".join(words)
            if mention_budget > 0 and rng.random() < 0.8:
                who = rng.randrange(n_entities)
                cut = sentence.index(" ") + 1
                start = pos + (1 if i else 0) + cut
                sentence = f"{sentence[:cut]}{names[who]} {sentence[cut:]}"
                mentions[who].append((start, start + len(names[who])))
                mention_budget -= 1
            sentence += "."
            if i:
                sentence = " " + sentence
            sentences.append((pos + (1 if i else 0), pos + len(sentence)))
            parts.append(sentence)
            pos += len(sentence)
            size += len(sentence.encode())
        parts.append("\n\n")
        pos += 2
        size += 2
    text = "".join(parts).rstrip("\n")

    out: list[str] = [
        "format: 1",
        "id: bench-large",
        "title: A large generated briefing",
        "language: fr",
        "published: 2024-04-25",
        "text: |-",
    ]
    out.extend(f"  {line}" if line else "" for line in text.split("\n"))
    out.append("sources:")
    for s in range(500):
        out.append(f"  - id: S{s}")
        out.append(f"    title: {_q(f'Source {s}')}")
        out.append(f"    date: 2024-{1 + s % 12:02d}-{1 + s % 28:02d}")
        out.append(f"    url: https://example.org/source/{s}")
    out.append("entities:")
    written_mentions = 0
    for e, name in enumerate(names):
        out.append(f"  - id: E{e}")
        out.append(f"    name: {_q(name)}")
        out.append(f"    type: {TYPES[e % len(TYPES)]}")
        spans = mentions[e]
        written_mentions += len(spans)
        out.append("    mentions: [" + ", ".join(f"[{a}, {b}]" for a, b in spans) + "]")
    out.append("claims:")
    picked = rng.sample(range(len(sentences)), min(n_claims, len(sentences)))
    for c, k in enumerate(picked):
        a, b = sentences[k]
        out.append(f"  - id: C{c}")
        if c % 2000 == 1999:
            out.append(f"    span: {{quote: {_q(text[a:b])}}}")
        elif c % 100 == 0:
            out.append(f"    span: {{exact: {_q(text[a:b])}, start: {a}, end: {b}}}")
        else:
            out.append(f"    span: [{a}, {b}]")
        refs = rng.sample(range(500), rng.randint(1, 3))
        out.append("    sources: [" + ", ".join(f"S{r}" for r in refs) + "]")
        out.append(
            f"    verdict: {{rating: {rng.choice(RATINGS)}, explanation: generated, reviewed: 2026-01-01}}"
        )
    out.append("events:")
    for v in range(n_events):
        a, b = sentences[rng.randrange(len(sentences))]
        year = 2000 + v % 25
        date = rng.choice(
            [f"{year}-{1 + v % 12:02d}-{1 + v % 28:02d}", f"{year}-{1 + v % 12:02d}", f"{year}~"]
        )
        out.append(f"  - id: V{v}")
        out.append(f"    label: {_q(f'Event {v}')}")
        out.append(f"    date: {_q(date)}")
        out.append(f"    mentions: [[{a}, {a + 5}]]")
        out.append(f"    sources: [S{v % 500}]")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(out) + "\n", encoding="utf-8")
    return {
        "text_bytes": size,
        "text_code_points": len(text),
        "entities": n_entities,
        "mentions": written_mentions,
        "claims": len(picked),
        "events": n_events,
        "file_bytes": path.stat().st_size,
    }


def ensure_large(
    path: Path, megabytes: float = 10.0, annotations: int = 100_000, *, quiet: bool = False
) -> Path:
    """``path``, made (with ``--seed 1``) when it is missing: the benchmarks' large briefing."""
    if not path.exists():
        if not quiet:
            print(f"making {path} ...")
        path.parent.mkdir(parents=True, exist_ok=True)
        generate(path, megabytes, annotations, 1)
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", type=Path, default=Path(__file__).parent / "out" / "large.yaml")
    parser.add_argument("--mb", type=float, default=10.0, help="megabytes of text (UTF-8)")
    parser.add_argument("--annotations", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    figures = generate(args.path, args.mb, args.annotations, args.seed)
    total = figures["mentions"] + figures["claims"] + figures["events"]
    print(f"{args.path}: " + ", ".join(f"{k} {v:,}" for k, v in figures.items()) + f", annotations {total:,}")


if __name__ == "__main__":
    main()
