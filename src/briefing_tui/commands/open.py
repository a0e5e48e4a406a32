"""``briefing [PATH...]``: open briefings in the reader.

When nothing of PATH can be opened (a file that is not a briefing, an empty folder), the problems
are printed as ``validate`` prints them and the exit status is 1, without entering full screen.

An article (``.txt`` with no brat ``.ann`` beside it, ``.md``, ``.html``) is drafted by the annotate
pipeline and shown unsaved, its annotations marked draft; ``briefing annotate`` writes the file.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    import argparse

    from briefing_tui.model.types import Problem


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths",
        nargs="*",
        type=Path,
        metavar="PATH",
        help="briefing files or folders (default: the bundled seed briefing)",
    )
    parser.add_argument(
        "--notes-only",
        action="store_true",
        help="never change the files: notes, ratings, verification marks and bookmarks go beside "
        "each file, in FILE.notes.jsonld (W3C Web Annotations), and are shown again at the next open",
    )
    parser.add_argument(
        "--no-cache",
        action="store_true",
        help="read every file of a folder again: do not use or write the outlines kept of its files "
        "(their titles, in the cache folder that briefing search uses too)",
    )


class Plain(NamedTuple):
    """The options of ``briefing PATH...`` with PATHs alone, as the parser reads them."""

    paths: list[Path]
    notes_only: bool = False
    no_cache: bool = False


def plain(args: list[str]) -> Plain | None:
    """``args``, when none of them is an option (none starts with ``-``), read as ``configure``'s
    parser reads them: every one a PATH. None when one is: the parser reads them."""
    if any(arg.startswith("-") for arg in args):
        return None
    return Plain([Path(arg) for arg in args])


def _nothing_opened(failed: dict[str, list[Problem]]) -> int:
    # deferred: imported when the command runs, not when its options are read
    from briefing_tui.console import stderr

    err = stderr()
    for problems in failed.values():
        err.problems(problems)
    err.with_prefix("briefing: ").line("nothing could be opened")
    return 1


def run(args: argparse.Namespace | Plain) -> int:
    # deferred: imported when the command runs, not when its options are read
    from briefing_tui.console import stderr
    from briefing_tui.display import display_path
    from briefing_tui.resources import seeds_dir

    paths = list(args.paths) or [seeds_dir()]
    missing = [p for p in paths if not p.exists()]
    if missing:
        err = stderr("briefing: ")
        for p in missing:
            err.line(display_path(p), ": no such file or folder")
        return 1
    drafted = None
    articles = [p for p in paths if _article(p)]
    if articles:
        drafted = _with_drafts(paths, articles)
        if isinstance(drafted, int):
            return drafted
    import gc

    # deferred: imported when the command runs, not when its options are read
    from briefing_tui.startup import ClaimsBeside, ReadBeside, failures, load_if_small

    # Start-up builds hundreds of thousands of objects that live as long as the process (modules,
    # classes, styles, the collection): collecting them before the first frame only delays it.
    # The app freezes them and turns the collector back on once the first frame is on screen.
    gc.disable()
    apart = None
    try:
        # A small collection is read beside (in a child process) while the reader's modules load.
        apart = ClaimsBeside.of(paths) if drafted is None else None  # a large file: its claims beside
        beside = (
            ReadBeside(paths, not args.no_cache)
            if drafted is None and not apart and ReadBeside.can(paths)
            else None
        )
        # deferred: imported when the command runs, not when its options are read
        from briefing_tui.app import BriefingApp, import_reader

        if beside is not None:  # while it reads on (a folder's outlines): the reader's screen's modules
            import_reader(until=beside.answered)
        ahead = beside.ahead() if beside is not None else None  # a folder's first rows: the rest later
        read = beside.result() if beside is not None and ahead is None else None
        collection = drafted if read is None else read.collection
        if collection is None and ahead is None:  # read here (a large one by the reader, later)
            collection = load_if_small(paths, cached=not args.no_cache)
        if collection is not None and not collection.documents:
            return _nothing_opened(failures(collection, paths))
        first_rows = (ahead, beside) if ahead is not None and beside is not None else None
        app = BriefingApp(
            paths,
            collection,
            notes_only=args.notes_only,
            cached=not args.no_cache,
            read=read,
            apart=apart,
            ahead=first_rows,
        )
        try:
            app.run()
        except Exception as exc:  # outside the App's own handling (start-up, driver): still a short message
            # deferred: imported when the command runs, not when its options are read
            from briefing_tui.crash import report_crash

            return report_crash(exc)
    finally:
        gc.enable()
        if apart is not None:  # quit before the load asked for its claims: the child is not needed
            apart.end()
    if app.collection is not None and not app.collection.documents:
        return _nothing_opened(failures(app.collection, paths))
    return app.return_code or 0


def _article(path: Path) -> bool:
    if not path.is_file():  # a folder (the seeds' too) is never an article: nothing to import for it
        return False
    # deferred: imported when a file is opened, not when its options are read or a folder is opened
    from briefing_tui.annotate.article import is_article

    brat = path.suffix.lower() == ".txt" and path.with_suffix(".ann").exists()
    return is_article(path) and not brat


def _with_drafts(paths: list[Path], articles: list[Path]):  # noqa: ANN202
    """The collection of ``paths`` with each article drafted (not saved), or an exit status."""
    # deferred: imported when the command runs, not when its options are read
    from briefing_tui.annotate.article import read_article
    from briefing_tui.annotate.draft import Options, draft_documents
    from briefing_tui.annotate.errors import AnnotateError, MissingExtra
    from briefing_tui.annotate.pipeline import MODELS, load_pipeline
    from briefing_tui.console import stderr
    from briefing_tui.display import display_path
    from briefing_tui.files import load_paths
    from briefing_tui.model import Collection

    err = stderr("briefing: ")
    shown = ", ".join(display_path(p) for p in articles)
    err.line("drafting ", shown, ": shown unsaved; briefing annotate FILE -o OUT.yaml saves it")
    try:
        read = [read_article(p) for p in articles]
        nlp = load_pipeline(MODELS["fr"])
        drafts = list(draft_documents(nlp, read, Options()))
    except MissingExtra as exc:
        err.line(str(exc))
        return 2
    except AnnotateError as exc:
        err.line(str(exc))
        return 1
    others = [p for p in paths if p not in articles]
    collection = load_paths(others, siblings=True) if others else Collection()
    collection.documents.extend(drafts)
    return collection
