"""Structure-aware fuzzing of the hostile categories: loader, display boundary, addresses, search.

Usage:
    python bench/fuzz_hostile.py [--runs 100000] [--seed 1]

Each input is a well-formed briefing (the hostile corpus template, tests/hostile/make_corpus.py) whose
shown fields carry a random mix of hostile pieces: terminal sequences (C0, C1, ESC, CSI, OSC, DCS,
unterminated), markup and actions, bidi, invisible and joining characters, emoji sequences, floods
of combining marks, lone surrogates, line separators, random code points; its mention and claim
spans are random quotes or positions (negative, reversed, huge, cutting graphemes). Every input:

1. goes through ``load_bytes``: a Document or a LoadError, nothing else;
2. every problem goes through ``display_problem``: no control character may come out;
3. every shown string of a loaded document goes through ``sanitize``: same length, idempotent, no
   control, bidi or surrogate left; every address through ``display_url`` (never raises);
4. a random hostile query (literal or regular expression) is searched in the text: results or a
   SearchError, within the matcher's time bound.

Counts and the slowest input are printed; any other exception stops the run (exit 1) and writes
the input to bench/out/fuzz-hostile-N.yaml.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
import traceback
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "src"))

from tests.hostile import make_corpus as corpus  # noqa: E402

from briefing_tui.addresses import display_url  # noqa: E402
from briefing_tui.display import display_problem, sanitize, unsafe_codepoints  # noqa: E402
from briefing_tui.model import LoadError  # noqa: E402
from briefing_tui.model.loader import load_bytes  # noqa: E402
from briefing_tui.search import Matcher, Query, SearchError  # noqa: E402

PIECES = [
    *[payload for payload, _show, _forbid in corpus.TERMINAL.values()],
    corpus.MARKUP, corpus.BIDI, corpus.INVISIBLE, corpus.LINE_SEPARATORS, corpus.WIDE,
    "\u0301" * 40, "\ud800", "\udfff", "[sic]", "C:\\Temp\\", "\\", "[", "]", "\n", "\r\n", "\t",
    "👩\u200d👩\u200d👧", "🇳🇪", "❤\ufe0f", "1\ufe0f\u20e3", "😀" + "\U000e0100" * 9, "\U000e0041" * 5,
    "https://аpple.com/", "http://a@b/", "javascript:alert(1)", "Kathleen FitzGibbon", "Niger",
]  # fmt: skip
QUERIES = [*corpus.SEARCH_QUERIES[:-3], "Niger", "é", "[sic]", "\\", "(?i)niger", "(a+)+$"]
UNSAFE = frozenset(unsafe_codepoints()) - {0x0A}


def _piece(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.6:
        return rng.choice(PIECES)
    if roll < 0.8:
        return "".join(chr(rng.randrange(0, 0x110000)) for _ in range(rng.randint(1, 6)))
    return "".join(chr(rng.randrange(0, 0x3000)) for _ in range(rng.randint(1, 12)))


def _payload(rng: random.Random) -> str:
    return "".join(_piece(rng) for _ in range(rng.randint(1, 4)))


def _quote(rng: random.Random, text: str) -> str:
    if rng.random() < 0.5 and text:
        start = rng.randrange(len(text))
        return text[start : start + rng.randint(1, 30)]
    return _payload(rng)


def make_input(rng: random.Random) -> bytes:
    payload = _payload(rng)
    text = None
    if rng.random() < 0.3:
        text = (
            _payload(rng) + " Kathleen FitzGibbon " + _payload(rng) + " " + corpus.CLAIM + " " + _payload(rng)
        )
    body = text or f"{corpus.INTRO}{payload} Ambassador {corpus.NAME}{payload} said {corpus.CLAIM}. End"
    yaml = corpus.document(
        payload,
        text=text,
        name_mention=_quote(rng, body) if rng.random() < 0.4 else corpus.NAME,
        claim_quote=_quote(rng, body) if rng.random() < 0.4 else corpus.CLAIM,
        url=rng.choice(["https://www.state.gov/", "https://аpple.com/", "http://x@y/", "https://例え.jp/"])
        + _payload(rng),
    )
    if rng.random() < 0.3:  # positions instead of quotes
        a, b = (rng.choice([-5, 0, 1, 3, 7, 40, 10**6, len(body), len(body) + 1]) for _ in range(2))
        yaml = yaml.replace(f"      - quote: {corpus.q(corpus.NAME)}", f"      - [{a}, {b}]", 1)
    return yaml.encode("utf-8", "surrogatepass")


def _shown(document: object) -> list[str]:
    d = document
    out = [d.title, d.publisher, d.text, *d.authors]  # type: ignore[attr-defined]
    for e in d.entities:  # type: ignore[attr-defined]
        out += [e.name, e.description, e.note, *e.aliases]
    for ev in d.events:  # type: ignore[attr-defined]
        out += [ev.label, ev.note]
    for c in d.claims:  # type: ignore[attr-defined]
        out += [c.gloss, c.note] + ([c.verdict.explanation] if c.verdict else [])
        out += [r.passage or "" for r in c.sources]
    for s in d.sources:  # type: ignore[attr-defined]
        out += [s.title, s.publisher, s.author, s.kind, s.note, s.url or "", *s.mirrors]
    return [x for x in out if isinstance(x, str)]


def check(data: bytes, rng: random.Random, counts: dict[str, int], slowest: list[float]) -> None:
    try:
        document = load_bytes(data, "fuzz.yaml")
        problems = list(document.problems)
        counts["loaded"] += 1
    except LoadError as exc:
        document, problems = None, exc.problems
        counts["load_error"] += 1
    for problem in problems:
        shown = display_problem(problem)
        assert not any(ord(c) in UNSAFE for c in shown.replace("\n", "")), shown
    if document is None:
        return
    for value in _shown(document):
        once = sanitize(value, multiline=True)
        assert len(once) == len(value) and sanitize(once, multiline=True) == once
        assert not any(ord(c) in UNSAFE for c in once)
    for source in document.sources:
        for url in [source.url or "", *source.mirrors]:
            shown_url = display_url(url)
            assert not any(ord(c) in UNSAFE for c in shown_url.text)
    query = Query(rng.choice(QUERIES), regex=rng.random() < 0.5, word=rng.random() < 0.2)
    started = time.perf_counter()
    try:
        Matcher(query, timeout=0.5).find_all(document.text)
        counts["searched"] += 1
    except SearchError:
        counts["search_error"] += 1
    slowest[0] = max(slowest[0], time.perf_counter() - started)


def keep_failure(data: bytes, name: str, message: str) -> int:
    """Keep a failing input as bench/out/``name``, print the traceback and ``message``; the exit status."""
    out = HERE / "out" / name
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(data)
    traceback.print_exc()
    print(f"{message}: written to {out}", file=sys.stderr)
    return 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    counts = {"loaded": 0, "load_error": 0, "searched": 0, "search_error": 0}
    slowest = [0.0]
    started = time.perf_counter()
    for n in range(1, args.runs + 1):
        data = make_input(rng)
        try:
            check(data, rng, counts, slowest)
        except Exception:
            return keep_failure(data, f"fuzz-hostile-{n}.yaml", f"input {n} failed")
        if n % 20_000 == 0:
            print(f"  {n:,} inputs, {time.perf_counter() - started:.0f} s", flush=True)
    elapsed = time.perf_counter() - started
    print(
        f"{args.runs:,} inputs in {elapsed:.0f} s ({args.runs / elapsed:,.0f}/s): "
        f"{counts['loaded']:,} loaded, {counts['load_error']:,} LoadError, "
        f"{counts['searched']:,} searches, {counts['search_error']:,} SearchError, 0 other exceptions; "
        f"slowest search {slowest[0] * 1000:.0f} ms"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
