"""``briefing annotate ARTICLE... [-o OUT]``: draft a briefing from each article, for review.

Entities, dates, timeline events and check-worthy claims are found by a spaCy pipeline and general
rules (``briefing_tui.annotate``); every annotation is written with ``draft: true``. One article goes
to standard output without ``-o``; several go to the folder ``-o``. spaCy, its French pipeline and
trafilatura are the ``annotate`` extra: without them the command says how to install them, exit 2.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path
from typing import Any

LANGUAGES = ("fr", "en", "auto")


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "articles",
        nargs="+",
        metavar="ARTICLE",
        help="saved articles: .txt, .md, or .html pages (no addresses)",
    )
    parser.add_argument(
        "-o", "--output", metavar="OUT",
        help="one article: the briefing file (default or -: stdout); several: a folder, made if missing",
    )  # fmt: skip
    parser.add_argument(
        "--lang", choices=LANGUAGES, default="fr",
        help="the article's language (default fr); auto: guessed from each text, and said",
    )  # fmt: skip
    parser.add_argument("--model", metavar="NAME", help="an installed spaCy pipeline (default: by --lang)")
    parser.add_argument(
        "--known", type=Path, action="append", default=[], metavar="DIR",
        help="briefings whose entities (names, aliases, types, Wikidata ids) win over the model",
    )  # fmt: skip
    parser.add_argument(
        "--published",
        metavar="EDTF",
        help="the publication day, for « hier », « mardi » (default: the page's)",
    )
    parser.add_argument("--force", action="store_true", help="replace briefing files that exist")
    parser.add_argument(
        "--jobs", type=int, default=min(2, os.cpu_count() or 1), metavar="N",
        help="processes for many articles (default: 2, or 1 on one core)",
    )  # fmt: skip


class _Usage(Exception):
    """Arguments that cannot work together: exit 2, as argparse does."""


def _say(text: str) -> None:
    """A message on standard error, through the command line's display boundary."""
    # deferred: imported when the command runs, not when its options are read
    from briefing_tui.console import stderr

    stderr("briefing annotate: ").line(text)


def _targets(args: argparse.Namespace, paths: list[Path]) -> list[Path | None]:
    """Where each draft goes: None for stdout."""
    # deferred: imported when the command runs, not when its options are read
    from briefing_tui.annotate.errors import AnnotateError
    from briefing_tui.commands._output import OutputError, check_free
    from briefing_tui.display import display_path

    out = args.output
    if len(paths) == 1 and (out in (None, "-") or not Path(out).is_dir()):
        if out in (None, "-"):
            return [None]
        targets: list[Path | None] = [Path(out)]
    else:
        if out in (None, "-"):
            raise _Usage("several articles need -o FOLDER (one briefing file each)")
        folder = Path(out)
        if folder.exists() and not folder.is_dir():
            raise _Usage(f"{display_path(out)} is not a folder")
        names = [f"{p.stem}.yaml" for p in paths]
        if len(set(names)) < len(names):
            raise _Usage("two articles have the same name; annotate them into different folders")
        targets = [folder / name for name in names]
    try:
        check_free([t for t in targets if t is not None], args.force, paths)
    except OutputError as exc:
        raise AnnotateError(str(exc)) from None
    return targets


def run(args: argparse.Namespace) -> int:
    # deferred: imported when the command runs, not when its options are read
    from briefing_tui.annotate.article import is_url
    from briefing_tui.annotate.errors import AnnotateError, MissingExtra
    from briefing_tui.display import display_path

    urls = [a for a in args.articles if is_url(a)]
    if urls:
        _say(
            f"{display_path(urls[0])}: an address; nothing is fetched: "
            "save the page first, then annotate the file"
        )
        return 2
    paths = [Path(a) for a in args.articles]
    missing = [p for p in paths if not p.exists()]
    if missing:
        _say(f"{display_path(missing[0])}: no such file")
        return 1
    if args.published is not None:
        # deferred: imported when the command runs, not when its options are read
        from briefing_tui.model import parse_edtf

        try:
            parse_edtf(args.published)
        except ValueError as exc:
            _say(
                f"--published {display_path(args.published)}: not an EDTF date ({exc}); write e.g. 2024-04-24"
            )
            return 2
    try:
        return _annotate(args, paths)
    except (MissingExtra, _Usage) as exc:
        _say(str(exc))
        return 2
    except AnnotateError as exc:
        _say(str(exc))
        return 1


def _annotate(args: argparse.Namespace, paths: list[Path]) -> int:
    # deferred: imported when the command runs, not when its options are read
    from briefing_tui.annotate.article import read_article
    from briefing_tui.annotate.draft import Options, draft_documents
    from briefing_tui.annotate.errors import AnnotateError, MissingExtra
    from briefing_tui.annotate.known import load_known
    from briefing_tui.annotate.pipeline import MODELS, guess_language, load_pipeline
    from briefing_tui.commands._output import OutputError, emit, say_problems, write_text
    from briefing_tui.display import display_path
    from briefing_tui.formats.yaml_writer import dump_document
    from briefing_tui.model import LoadError, load_bytes
    from briefing_tui.words import plural

    targets = _targets(args, paths)
    known, problems = load_known(args.known) if args.known else ([], [])
    say_problems(problems)
    articles = [read_article(p) for p in paths]
    by_language: dict[str, list[int]] = {}
    for i, article in enumerate(articles):
        if not article.text.strip():
            raise AnnotateError(f"{display_path(article.path)}: the article has no text")
        language = guess_language(article.text) if args.lang == "auto" else args.lang
        if args.lang == "auto":
            _say(f"{display_path(article.path)}: language {language}")
        by_language.setdefault(language, []).append(i)
    failures = 0
    unwritten: list[int] = []
    missing: MissingExtra | None = None
    for language, indexes in by_language.items():
        name = args.model or MODELS[language]
        began = time.perf_counter()
        try:
            nlp = load_pipeline(name)
        except MissingExtra as exc:  # the articles in another language are still drafted
            needed = ", ".join(display_path(paths[i]) for i in indexes)
            _say(f"{exc} (needed for {needed})")
            missing = exc
            unwritten += indexes
            continue
        _say(f"pipeline {name} loaded in {time.perf_counter() - began:.1f} s")
        chosen = [articles[i] for i in indexes]
        options = Options(language=language, published=args.published, known=known)
        with _Progress(sum(len(a.text) for a in chosen), len(chosen)) as progress:
            drafts = draft_documents(nlp, chosen, options, max(1, args.jobs), progress.advance)
            for i, doc in zip(indexes, drafts, strict=True):
                text = dump_document(doc)
                try:
                    load_bytes(text.encode("utf-8"), "draft.yaml")
                except LoadError as exc:  # a defect of the drafting: say so rather than write a bad file
                    _say(f"{display_path(paths[i])}: the draft does not validate: {exc.problems[0].message}")
                    failures += 1
                    unwritten.append(i)
                    continue
                target = targets[i]
                try:
                    if target is None:
                        emit(text, None, args.force, paths)
                    else:
                        target.parent.mkdir(parents=True, exist_ok=True)
                        write_text(target, text)
                except OutputError as exc:
                    _say(str(exc))
                    failures += 1
                    unwritten.append(i)
                    continue
                where = "standard output" if target is None else display_path(target)
                drafted = len(doc.entities) + len(doc.events) + len(doc.claims) + len(doc.sources)
                _say(
                    f"{display_path(paths[i])} -> {where}: {plural(len(doc.entities), 'entity')}, "
                    f"{plural(len(doc.events), 'event')}, {plural(len(doc.claims), 'claim')}, "
                    f"{plural(drafted, 'draft')} to review"
                )
                if args.published is None and articles[i].published is None:
                    _say(
                        f"{display_path(paths[i])}: no publication date found: a date without its year"
                        " or a relative one (hier, mardi) is left without a value; --published sets it"
                    )
    if unwritten and len(paths) > 1:
        names = ", ".join(display_path(paths[i]) for i in sorted(unwritten))
        _say(f"{len(paths) - len(unwritten)} of {plural(len(paths), 'draft')} written; not written: {names}")
    return 2 if missing is not None else 1 if failures else 0


class _Progress:
    """A progress bar on a terminal (characters read); nothing when standard error is not one."""

    def __init__(self, total: int, articles: int) -> None:
        self.total = total
        self.shown = articles > 1 or total > 200_000  # a single short article takes well under a second
        self.bar: Any = None
        self.task: Any = None

    def __enter__(self) -> _Progress:
        if sys.stderr.isatty() and self.shown:
            from rich.console import Console
            from rich.progress import Progress

            self.bar = Progress(console=Console(stderr=True), transient=True)
            self.bar.start()
            self.task = self.bar.add_task("annotating", total=self.total)
        return self

    def advance(self, chars: int) -> None:
        if self.bar is not None and self.task is not None:
            self.bar.advance(self.task, chars)

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()
