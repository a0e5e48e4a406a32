"""Search speed: ``briefing search`` as a process beside ``rg`` and ``grep`` as processes; in-process figures.

Usage: ``python bench/bench_search.py [--repeat 5] [--sizes 1,10,40] [--before SRC] [--all]``

Prints figures (medians of ``--repeat`` runs, the runs of every command interleaved so that they
see the same machine load); asserts nothing about time.

- *The command* (always): ``briefing search -c -i WORD`` started as a process, as a person runs it,
  on briefings made by ``bench/make_large.py`` (``--sizes`` megabytes of text, 100,000 annotations
  for 10 MB, in proportion otherwise) and on a folder of 1,000 copies of the seed briefing (each its
  own id), each printed beside ``rg --count-matches -i WORD`` and ``grep -c -i WORD`` run on the same
  files in the same run, as ratios of wall-clock medians. Three states of the command:
  ``--no-cache`` (every file read), cold (the cache of folded texts emptied first, then filled) and
  warm (the cache filled). Also each process's CPU time (user and system: steadier than the wall
  clock on a shared machine) and peak memory (the largest resident size the child reached, which
  counts the bench's own memory copied at the fork: compare the command's lines among themselves).
  ``rg`` and ``grep`` are given the accented word: they do not fold accents, so they do less work
  than the command does. (``apt-get install ripgrep`` when ``rg`` is missing.) Then the aims
  of the search for the 10 MB briefing (without the cache, within 20x ``rg``) and the folder (under
  0.5 s without the cache, under 0.1 s warm), met or not. The files are kept in ``bench/out``;
  ``--before DIR/src`` (made by ``git archive REV src | tar -x -C DIR``) runs a second version of
  the command in the same rounds, for before-and-after figures under the same load.
- With ``--all``, the in-process figures as well:

- *10 MB*: every match of a common word, accent-insensitive (the query is typed without accents),
  cold (the folded copy built, then searched) and warm (the folded copy already built, as in the
  reader once a document is open), next to ``rg -c -i WORD`` and ``rg --count-matches -i WORD`` on
  the same text saved as a file, in the same run. ripgrep is given the accented word: it does not
  fold accents, so it does less work than we do. Also: spelling out the folded copy (what a
  pattern, or a word holding a ligature's letters such as ``coeur``, runs over), and those searches.
- *1,000 x 10 KB*: every hit of a common word across the documents, with line, column and context
  (what the results screen shows), cold and warm.
"""

from __future__ import annotations

import argparse
import importlib
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from briefing_tui.model.types import Document  # noqa: E402
from briefing_tui.search import Matcher, Query  # noqa: E402
from briefing_tui.search import match as match_module  # noqa: E402
from briefing_tui.search.corpus import search_documents  # noqa: E402
from briefing_tui.search.fold import build, fold  # noqa: E402

fold_module = importlib.import_module("briefing_tui.search.fold")  # the package's fold is a function

try:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from make_large import WORDS, ensure_large  # the loader's vocabulary, when it is there
except ImportError:  # pragma: no cover
    WORDS = [
        "le",
        "la",
        "les",
        "des",
        "et",
        "de",
        "du",
        "à",
        "au",
        "pour",
        "avec",
        "sécurité",
        "coopération",
        "l’État",
        "d’Afrique",
        "stabilité",
        "région",
        "«",
        "»",
        "–",
        "été",
        "être",
        "très",
        "plus",
        "déjà",
        "armée",
        "retrait",
        "accord",
    ]


def french_text(chars: int, seed: int = 1, ligatures: float = 0.005) -> str:
    """Deterministic French-looking prose: sentences in paragraphs, with typographic punctuation."""
    rng = random.Random(seed)
    words = list(WORDS) + ["États-Unis", "sécurité"]
    parts: list[str] = []
    size = 0
    while size < chars:
        sentences = []
        for _ in range(rng.randint(3, 8)):
            chosen = [rng.choice(words) for _ in range(rng.randint(8, 24))]
            if rng.random() < ligatures:  # œ, as often as in French prose by default
                chosen[0] = rng.choice(("cœur", "œuvre", "sœur", "vœux"))
            sentence = " ".join(chosen)
            sentences.append(sentence[0].upper() + sentence[1:] + ".")
        paragraph = " ".join(sentences)
        parts.append(paragraph)
        size += len(paragraph) + 2
    return "\n\n".join(parts)[:chars]


def best(fn, repeat: int) -> tuple[float, object]:
    times = []
    result = None
    for _ in range(repeat):
        t = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t)
    return min(times), result


def clear_cache() -> None:
    match_module._cache.clear()
    match_module._cache_chars = 0


def bench_large(megabytes: float, word: str, repeat: int) -> None:
    text = french_text(int(megabytes * 1_000_000))
    size = len(text.encode("utf-8"))
    query = fold(word)
    matcher = Matcher(Query(query))
    print(f"10 MB document: {size / 1e6:.1f} MB UTF-8, {len(text):,} characters, query {query!r}")

    def cold() -> int:
        clear_cache()
        return len(matcher.find_all(text))

    t_build, _ = best(lambda: build(text), repeat)
    t_cold, n = best(cold, repeat)
    matcher.find_all(text)
    t_warm, n_warm = best(lambda: len(matcher.find_all(text)), repeat)
    assert n == n_warm

    def cold_count() -> int:
        clear_cache()
        return matcher.count(text)

    t_count_cold, c = best(cold_count, repeat)
    t_count, c_warm = best(lambda: matcher.count(text), repeat)
    assert c == c_warm == n
    print(f"  fold (build the folded copy)   {t_build * 1000:8.1f} ms")
    print(f"  ours cold (fold + all matches) {t_cold * 1000:8.1f} ms  {n:,} matches")
    print(f"  ours warm (all matches)        {t_warm * 1000:8.1f} ms  {n_warm:,} matches")
    print(f"  ours cold (fold + count)       {t_count_cold * 1000:8.1f} ms  {c:,} matches counted")
    print(f"  ours warm (count)              {t_count * 1000:8.1f} ms")
    copy = match_module.folded(text)
    t_expand, _ = best(lambda: fold_module._expand(copy), repeat)
    print(f"  spell out the copy (patterns)  {t_expand * 1000:8.1f} ms  stand-ins: {len(copy.standins)}")
    for label, other in (
        ("word with a ligature", Query("coeur")),
        ("regular expression", Query(r"s.curit.", regex=True)),
    ):
        other_matcher = Matcher(other)
        t_other, n_other = best(lambda m=other_matcher: len(m.find_all(text)), repeat)
        print(f"  warm, {label + ' ' + repr(other.text):<24} {t_other * 1000:8.1f} ms  {n_other:,} matches")
    rg = shutil.which("rg")
    if not rg:
        print("  rg: not installed (apt-get install ripgrep)")
        return
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "large.txt"
        path.write_text(text, encoding="utf-8")
        for flags in (["-c", "-i"], ["--count-matches", "-i"]):
            cmd = [rg, *flags, word, str(path)]
            t_rg, out = best(
                lambda cmd=cmd: subprocess.run(cmd, capture_output=True, text=True).stdout, repeat
            )
            label = "rg " + " ".join(flags)
            print(f"  {label:<30} {t_rg * 1000:8.1f} ms  -> {str(out).strip()}")
            print(
                f"    ratio ours/rg: all matches cold {t_cold / t_rg:.2f}x, warm {t_warm / t_rg:.2f}x;"
                f" count cold {t_count_cold / t_rg:.2f}x, warm {t_count / t_rg:.2f}x"
            )


def bench_corpus(count: int, kilobytes: int, word: str, repeat: int) -> None:
    docs = [
        Document(path=Path(f"doc-{i}.yaml"), id=f"doc-{i}", title=f"Document {i}", language="fr",
                 text=french_text(kilobytes * 1000, seed=i))
        for i in range(count)
    ]  # fmt: skip
    matcher = Matcher(Query(fold(word)))

    def run() -> int:
        return len(list(search_documents(docs, matcher)))

    def cold() -> int:
        clear_cache()
        return run()

    t_cold, n = best(cold, repeat)
    t_warm, _ = best(run, repeat)
    print(f"{count:,} documents of {kilobytes} KB: {n:,} hits of {fold(word)!r} with line, column, context")
    print(f"  cold (fold every document + hits) {t_cold * 1000:8.1f} ms")
    print(f"  warm (hits)                       {t_warm * 1000:8.1f} ms")


def bench_results_screen(count: int, kilobytes: int, words: list[str], repeat: int) -> None:
    """The results screen filled for ``count`` documents, in the headless app (Textual's test driver).

    Timed from setting the query to the hits listed and the screen refreshed, with the folded
    copies dropped before each run (the first search of a session).
    """
    import asyncio

    from textual.widgets import Input

    from briefing_tui.app import BriefingApp
    from briefing_tui.model.types import Collection
    from briefing_tui.screens.search_results import SearchResultsScreen
    from briefing_tui.widgets.hit_list import HitList

    docs = [
        Document(path=Path(f"doc-{i}.yaml"), id=f"doc-{i}", title=f"Document {i}", language="fr",
                 text=french_text(kilobytes * 1000, seed=i))
        for i in range(count)
    ]  # fmt: skip
    results: dict[str, tuple[list[float], int, str]] = {}

    async def run() -> None:
        app = BriefingApp([], collection=Collection(docs))
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.press("F")
            screen = app.screen
            assert isinstance(screen, SearchResultsScreen)
            hits = screen.query_one(HitList)
            field = screen.query_one("#results-input", Input)
            for word in words:
                times: list[float] = []
                for attempt in range(repeat + 1):
                    field.value = ""
                    await pilot.pause()
                    clear_cache()
                    before = hits.hits
                    start = time.perf_counter()
                    field.value = fold(word)
                    while hits.hits is before:
                        await asyncio.sleep(0.0005)
                    await pilot.pause()
                    if attempt:  # the first run warms the interpreter
                        times.append(time.perf_counter() - start)
                results[word] = (times, len(hits.hits), screen.status)

    asyncio.run(run())
    print(f"Results screen, {count:,} documents of {kilobytes} KB (folded copies dropped before each run):")
    for word, (times, _count, status) in results.items():
        best_ms, median_ms = min(times) * 1000, sorted(times)[len(times) // 2] * 1000
        summary = status.split("  ")[0]
        print(f"  {fold(word)!r}: {summary}; filled in best {best_ms:.0f} ms, median {median_ms:.0f} ms")


def _until(term, needle: str, start: float, timeout: float = 10.0) -> float | None:
    """Seconds from ``start`` until ``needle`` is on screen, or None."""
    deadline = start + timeout
    while needle not in term.text():
        if time.perf_counter() > deadline:
            return None
        term.pump(0.002)
    return time.perf_counter() - start


HIGHLIGHTS = {"875f00", "d78700"}  # the search overlay's backgrounds as pyte reports them (256 colours)


def _until_highlight(term, start: float, timeout: float = 10.0) -> float | None:
    """Seconds from ``start`` until a search highlight is on screen, or None."""
    deadline = start + timeout
    while True:
        for row in term.screen.buffer.values():
            if any(char.bg in HIGHLIGHTS for char in row.values()):
                return time.perf_counter() - start
        if time.perf_counter() > deadline:
            return None
        term.pump(0.002)


def bench_pty(megabytes: float, word: str, repeat: int = 3) -> None:
    """Keystroke to first highlights in the reader, in a 120x40 pseudo-terminal.

    Two measures: a whole word arriving as one burst of keystrokes after an empty query, and one
    keystroke (a space after the word) that changes the matches. The counter is drawn in the same
    refresh as the highlights, so its appearance marks the highlights being on screen.
    """
    import json

    from tests.support.ptyterm import PtyTerm

    text = french_text(int(megabytes * 1_000_000))
    query = fold(word)
    total = len(Matcher(Query(query)).find_all(text))
    total_space = len(Matcher(Query(query + " ")).find_all(text))
    briefing = Path(sys.executable).parent / "briefing"
    bursts: list[float | None] = []
    firsts: list[float | None] = []
    back_firsts: list[float | None] = []
    back_counts: list[float | None] = []
    singles: list[float | None] = []
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "large.yaml"
        head = "format: 1\nid: large\ntitle: Large\nlanguage: fr\ntext: "
        path.write_text(head + json.dumps(text, ensure_ascii=False) + "\n", encoding="utf-8")
        with PtyTerm([str(briefing), str(path)], 120, 40) as term:
            opened = term.wait_for(text.split()[0], timeout=120)
            term.wait_quiet(1.0, timeout=30)
            term.send("/")
            term.wait_for("^T exact", timeout=10)
            for _ in range(repeat):
                term.send("\x15")  # ctrl+u: empty the query
                term.wait_quiet(0.2, timeout=5)
                term.send("zzqx")  # no match: the counter says so
                term.wait_for("no match", timeout=10)
                term.wait_quiet(0.3, timeout=10)
                term.send("\x15")
                term.wait_quiet(0.3, timeout=10)
                start = time.perf_counter()
                term.send(query)  # the word arrives as one burst of keystrokes
                firsts.append(_until_highlight(term, start))
                bursts.append(_until(term, f"/{total}", start))
                term.wait_quiet(0.3, timeout=10)
                start = time.perf_counter()
                term.send(" ")
                singles.append(_until(term, f"/{total_space}", start))
                term.wait_quiet(0.3, timeout=10)
                term.send("\x7f")  # "securite"
                term.wait_quiet(0.2, timeout=10)
                term.send("z")  # "securitez": no match, no highlight
                term.wait_for("no match", timeout=10)
                term.wait_quiet(0.3, timeout=10)
                start = time.perf_counter()
                term.send("\x7f")  # backspace: "securite" matches again
                back_firsts.append(_until_highlight(term, start))
                back_counts.append(_until(term, f"/{total}", start))
                term.wait_quiet(0.3, timeout=10)
            term.send("\x1b")
            term.send("q")
            term.wait_exit(5)

    def show(values: list[float | None]) -> str:
        return ", ".join("timeout" if v is None else f"{v * 1000:.0f}" for v in values) + " ms"

    print(f"Reader in a 120x40 pty, {megabytes:g} MB document (first screen after {opened:.1f} s)")
    print(f"  burst {query!r} -> first highlights on screen: {show(firsts)}")
    print(f"  burst {query!r} -> every match counted, counter x/{total} on screen: {show(bursts)}")
    print(f"  one keystroke {query + ' '!r} -> new counter x/{total_space} on screen: {show(singles)}")
    print(f"  one keystroke (backspace) {query + 'z'!r} -> {query!r}: first highlights {show(back_firsts)}")
    print(f"  one keystroke (backspace) {query + 'z'!r} -> {query!r}: counter x/{total} {show(back_counts)}")


def run_process(argv: list[str], env: dict[str, str]) -> tuple[float, float, float, str]:
    """Seconds (wall clock), CPU seconds, peak memory (MB) and output of one process run to its end."""
    start = time.perf_counter()
    child = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env)
    out = child.stdout.read() if child.stdout else b""
    _pid, _status, usage = os.wait4(child.pid, 0)
    child.returncode = 0
    seconds = time.perf_counter() - start
    return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, out.decode("utf-8", "replace")


def total_count(output: str) -> int:
    """The sum of the counts in ``PATH:COUNT`` lines (or a bare count)."""
    return sum(int(m.group(1)) for m in re.finditer(r"(\d+)$", output, re.M))


def seed_folder(folder: Path, copies: int) -> None:
    """``copies`` copies of the bundled seed briefing, each with its own id and title."""
    seed = (ROOT / "seeds" / "niger-us-withdrawal.yaml").read_text(encoding="utf-8")
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(copies):
        body = seed.replace("id: niger-us-withdrawal\n", f"id: copy-{i:04d}\n", 1)
        body = re.sub(r"^title: .*$", f'title: "Copie {i:04d}"', body, count=1, flags=re.M)
        (folder / f"copy-{i:04d}.yaml").write_text(body, encoding="utf-8")


GOALS = {  # case -> (command, limit, unit): the aims of the search's speed
    "10 MB": [("--no-cache", 20.0, "x rg")],
    "folder": [("--no-cache", 0.5, " s"), ("warm", 0.1, " s")],
}
RG_THEN = {"folder": 0.015}
"""``rg`` on the folder when its aims in seconds were set (15 ms): each aim is also printed as the
ratio to ``rg`` it was then, beside the command's ratio to ``rg`` timed in the same run (this
machine's speed swings by two times from one day to the next)."""


def bench_command(sizes: list[float], word: str, repeat: int, before: Path | None = None) -> None:
    """``briefing search -c -i`` as a process beside ``rg`` and ``grep`` on the same files, same run.

    The files are kept in ``bench/out`` (the 10 MB briefing as ``large.yaml``, the 1,000 seed copies
    in ``seed-copies/``) and made when missing. The command runs as the installed ``briefing``
    script runs it (``cli.program``), its bytecode cached; with ``before``, a second copy of the
    sources (``git archive REV src | tar -x -C DIR``, then ``DIR/src``) runs in the same rounds,
    with a cache of its own.
    """
    rg, grep = shutil.which("rg"), shutil.which("grep")
    query = fold(word)
    print(
        f"The command as a process, medians of {repeat} interleaved runs; query {query!r}, anchors {word!r}"
    )
    if not rg:
        print("  rg: not installed (apt-get install ripgrep): ratios to grep only")
    out = ROOT / "bench" / "out"
    base = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "PYTHONPATH")}
    with tempfile.TemporaryDirectory() as tmp:
        variants = {"briefing": (str(ROOT / "src"), Path(tmp) / "cache")}
        if before is not None:
            variants["before"] = (str(before), Path(tmp) / "cache-before")
        cases: list[tuple[str, list[str], str]] = []
        for mb in sizes:
            path = out / ("large.yaml" if mb == 10 else f"large-{mb:g}mb.yaml")
            annotations = int(100_000 * mb / 10)
            ensure_large(path, mb, annotations, quiet=True)
            label = f"{mb:g} MB briefing ({path.stat().st_size / 1e6:.0f} MB file)"
            cases.append((label, [str(path)], "10 MB" if mb == 10 else ""))
        folder = out / "seed-copies"
        if len(list(folder.glob("copy-*.yaml"))) != 1000:
            seed_folder(folder, 1000)
            time.sleep(1.1)  # files are cached once they are a second old (a change within a tick is missed)
        size = sum(f.stat().st_size for f in folder.iterdir()) / 1e6
        cases.append((f"folder of 1,000 seed copies ({size:.0f} MB)", [str(folder)], "folder"))
        for label, paths, goal in cases:
            commands: dict[str, tuple[list[str], dict[str, str], Path | None]] = {}
            for name, (src, cache) in variants.items():
                env = {**base, "PYTHONPATH": src, "XDG_CACHE_HOME": str(cache)}
                # as the installed ``briefing`` script runs it (``-m briefing_tui`` adds runpy's imports)
                argv = [sys.executable, "-c", "from briefing_tui.cli import program; program()", "search"]
                run_process([*argv, "--no-cache", "-c", query, *paths], env)  # bytecode written
                commands[f"{name} --no-cache"] = ([*argv, "--no-cache", "-c", "-i", query, *paths], env, None)
                commands[f"{name} cold"] = ([*argv, "-c", "-i", query, *paths], env, cache)
                commands[f"{name} warm"] = ([*argv, "-c", "-i", query, *paths], env, None)
            if rg:
                commands["rg"] = ([rg, "--count-matches", "-i", word, *paths], base, None)
            if grep:
                commands["grep"] = ([grep, "-r", "-c", "-i", word, *paths], base, None)
            times: dict[str, list[float]] = {name: [] for name in commands}
            cpu: dict[str, list[float]] = {name: [] for name in commands}
            memory: dict[str, float] = {}
            counts: dict[str, int] = {}
            for _ in range(repeat):
                for name, (argv, env, emptied) in commands.items():
                    if emptied is not None:
                        shutil.rmtree(emptied, ignore_errors=True)
                    seconds, used, megabytes, output = run_process(argv, env)
                    times[name].append(seconds)
                    cpu[name].append(used)
                    memory[name] = max(memory.get(name, 0.0), megabytes)
                    counts[name] = total_count(output)
            print(f"  {label}:")
            anchors = [a for a in ("rg", "grep") if a in times]
            for name, values in times.items():
                median = statistics.median(values)
                ratios = "  ".join(f"{median / statistics.median(times[a]):7.1f}x {a}" for a in anchors)
                what = "lines" if name == "grep" else "matches"
                used = statistics.median(cpu[name])
                print(
                    f"    {name:<22} {median * 1000:8.1f} ms  {ratios}   CPU {used * 1000:6.0f} ms"
                    f"  {memory[name]:5.0f} MB  ({counts[name]:,} {what})"
                )
            goals = GOALS.get(goal, [])
            for state, limit, unit in goals:
                for name in variants:
                    median = statistics.median(times[f"{name} {state}"])
                    aim = f"under {limit:g}{unit}"
                    if unit == "x rg" and not rg:  # no anchor: a time in seconds is no ratio to rg
                        print(f"    goal {name} {state}: not judged (aim: {aim}; rg not installed)")
                        continue
                    value = median / statistics.median(times["rg"]) if unit == "x rg" else median
                    verdict = "met" if value < limit else "NOT met"
                    print(f"    goal {name} {state}: {value:.2f}{unit} (aim: {aim}) {verdict}")
                    if unit == " s" and rg and goal in RG_THEN:
                        ratio, then = median / statistics.median(times["rg"]), limit / RG_THEN[goal]
                        where = "within" if ratio < then else "over"
                        print(
                            f"      as a ratio: {ratio:.1f}x rg (the aim was {then:.1f}x rg's"
                            f" {RG_THEN[goal] * 1000:.0f} ms when set): {where} it"
                        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=10.0)
    parser.add_argument("--word", default="sécurité")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--sizes", default="10", help="megabytes of text of the briefings searched (1,10,40)")
    parser.add_argument("--all", action="store_true", help="the in-process figures too")
    parser.add_argument("--no-pty", action="store_true", help="with --all: skip the pseudo-terminal measure")
    parser.add_argument(
        "--before", type=Path, metavar="SRC", help="another copy of src/ to run in the same rounds"
    )
    args = parser.parse_args()
    bench_command([float(x) for x in args.sizes.split(",") if x], args.word, args.repeat, args.before)
    if not args.all:
        return
    bench_large(args.mb, args.word, args.repeat)
    bench_corpus(1000, 10, args.word, args.repeat)
    bench_results_screen(1000, 10, [args.word, "la " + args.word], args.repeat)
    if not args.no_pty:
        bench_pty(args.mb, args.word)


if __name__ == "__main__":
    main()
