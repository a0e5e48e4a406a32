"""How fast `briefing annotate` is: the pipeline's load, the seed article, 1 MB of text, 100 articles.

Usage: ``python bench/annotate_speed.py [--runs 5] [--skip-large]``

Prints figures; asserts nothing about time. Every figure is measured in this process after the
pipeline is loaded, except the load itself (imports and ``spacy.load``, timed once). The 1 MB text is
the gold articles repeated, read in 50,000-character pieces (one process, then two); the 100 articles
are the gold articles cycled, drafted in one ``nlp.pipe`` run with one process and then two (both
cores). Wall and CPU time are printed (CPU time of the worker processes is not in this process's
count); peak resident memory is this process's and its workers'.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from briefing_tui.annotate.article import Article  # noqa: E402
from briefing_tui.annotate.draft import Options, draft_documents  # noqa: E402
from briefing_tui.model import load_document  # noqa: E402

SEED = ROOT / "seeds" / "000_795bd620279ba71d.txt"
GOLD = ROOT / "tests" / "fixtures" / "annotate" / "gold"


def _timed(work) -> tuple[float, float]:  # noqa: ANN001
    wall, cpu = time.perf_counter(), time.process_time()
    work()
    return time.perf_counter() - wall, time.process_time() - cpu


def _drafts(nlp, articles: list[Article], processes: int) -> None:  # noqa: ANN001
    for _ in draft_documents(nlp, articles, Options(published="2024-04-24"), processes):
        pass


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--skip-large", action="store_true", help="only the load and the seed")
    args = parser.parse_args()

    began = time.perf_counter()
    from briefing_tui.annotate.pipeline import load_pipeline

    nlp = load_pipeline("fr_core_news_sm")
    loaded = time.perf_counter() - began
    print(f"pipeline fr_core_news_sm: imports and load {loaded:.2f} s (paid once per run)")

    seed = Article(SEED, SEED.read_text(encoding="utf-8"), "seed")
    _drafts(nlp, [seed], 1)  # warm: the first Doc builds caches
    times = [_timed(lambda: _drafts(nlp, [seed], 1)) for _ in range(args.runs)]
    walls = sorted(t[0] for t in times)
    print(
        f"seed article ({len(seed.text):,} chars): median {statistics.median(walls) * 1000:.0f} ms "
        f"(min {walls[0] * 1000:.0f}, max {walls[-1] * 1000:.0f}) over {args.runs} runs after the load"
    )
    if args.skip_large:
        return 0

    texts = [load_document(p).text for p in sorted(GOLD.glob("*.yaml"))]
    big = ""
    while len(big) < 1_000_000:
        big += "\n\n".join(texts) + "\n\n"
    big = big[:1_000_000]
    article = Article(Path("large.txt"), big, "large")
    for processes in (1, 2):
        wall, cpu = _timed(lambda p=processes: _drafts(nlp, [article], p))
        print(f"1 MB text, {processes} process(es): {wall:.1f} s wall, {cpu:.1f} s CPU in this process")

    articles = [Article(Path(f"a{i}.txt"), texts[i % len(texts)], f"a{i}") for i in range(100)]
    size = sum(len(a.text) for a in articles)
    for processes in (1, 2):
        wall, cpu = _timed(lambda p=processes: _drafts(nlp, articles, p))
        print(f"100 articles ({size:,} chars), {processes} process(es): {wall:.1f} s wall, {cpu:.1f} s CPU")

    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"peak resident memory: {own:.0f} MB (this process), {children:.0f} MB (largest worker)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
