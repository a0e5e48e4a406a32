"""``briefing search QUERY PATH...``: print every hit like grep, ``PATH:LINE:COLUMN: context``.

LINE and COLUMN point into the document text (1-based, columns in characters), as the reader shows
it. Matching folds accents, case and typography like the reader's ``/``. Exit status as grep: 0 when
something matched, 1 when nothing did, 2 on a usage error, a bad regular expression, or a file that
could not be searched while nothing matched.

Files are read one at a time, for their text only (``model.text_only``), searched, printed and let
go. The folded copy of each text is kept on disk unless ``--no-cache``: a folder's small files in
one entry (``search.fold_group``), other files each in their own (``search.fold_cache``), so that
searching the same files again reads neither their YAML nor their text unless it matches.
"""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Callable
from functools import partial
from types import SimpleNamespace

from briefing_tui.console import Styled
from briefing_tui.display import display_path

TYPE_CHECKING = False  # typing's, without importing typing: see briefing_tui.named_tuple
if TYPE_CHECKING:
    import argparse

    from briefing_tui.commands.search_apart import Read, ReadApart
    from briefing_tui.console import Writer
    from briefing_tui.search import Folded, Matcher
    from briefing_tui.search.fold_cache import FoldCache
    from briefing_tui.search.fold_group import FolderEntry


CONTEXT, TIMEOUT, COLOURS = 40, 10.0, ("auto", "always", "never")
"""The defaults of ``--context`` and ``--timeout``, and the choices of ``--color`` (the first by default):
the parser's and ``plain``'s."""


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("query", metavar="QUERY", help="what to look for")
    parser.add_argument("paths", nargs="+", type=as_path, metavar="PATH", help="briefing files or folders")
    parser.add_argument("-e", "--regex", action="store_true", help="QUERY is a regular expression")
    parser.add_argument(
        "-s", "--case-sensitive", action="store_true", help="case matters (default: smart case)"
    )
    parser.add_argument("-i", "--ignore-case", action="store_true", help="case never matters")
    parser.add_argument("-w", "--word", action="store_true", help="match whole words only")
    parser.add_argument(
        "-x", "--exact", action="store_true", help="no folding: accents, ligatures and quotes must match"
    )
    parser.add_argument("-c", "--count", action="store_true", help="print the number of hits per document")
    parser.add_argument("--ids", action="store_true", help="name documents by their id, not their path")
    parser.add_argument(
        "-C", "--context", type=int, default=CONTEXT, metavar="N", help="characters of context each side (40)"
    )
    parser.add_argument(
        "--color", "--colour", choices=COLOURS, default=COLOURS[0],
        help="colour the output: auto (a terminal without NO_COLOR), always or never",
    )  # fmt: skip
    parser.add_argument(
        "--no-cache", action="store_true",
        help="read every file again, neither using nor filling the cache of folded texts",
    )  # fmt: skip
    parser.add_argument(
        "--timeout", type=float, default=TIMEOUT, metavar="S",
        help="longest a regular expression may run on one document, in seconds (10)",
    )  # fmt: skip


_FLAGS = {
    **dict.fromkeys(("-e", "--regex"), "regex"),
    **dict.fromkeys(("-s", "--case-sensitive"), "case_sensitive"),
    **dict.fromkeys(("-i", "--ignore-case"), "ignore_case"),
    **dict.fromkeys(("-w", "--word"), "word"),
    **dict.fromkeys(("-x", "--exact"), "exact"),
    **dict.fromkeys(("-c", "--count"), "count"),
    "--ids": "ids",
    "--no-cache": "no_cache",
}
_VALUES = {
    "-C": "context",
    "--context": "context",
    "--timeout": "timeout",
    "--color": "color",
    "--colour": "color",
}
_DEFAULTS = {
    **dict.fromkeys(_FLAGS.values(), False),
    "context": CONTEXT,
    "timeout": TIMEOUT,
    "color": COLOURS[0],
}


def plain(args: list[str]) -> SimpleNamespace | None:
    """``args`` read as ``configure``'s parser reads them, when they are written as a person usually
    writes them: each option spelt whole and apart (``-c -i``, ``-C 20``, ``--color never``), its
    value not starting with ``-``, the query and paths together or the query before the options.
    Anything else is None, and the parser reads it (and says what is wrong): argparse, its messages'
    translations and the parser's making cost some 10 ms of every start, a tenth of a warm search.
    ``tests/unit/test_cli_args.py`` compares the two on generated command lines."""
    read: dict[str, object] = dict(_DEFAULTS)
    runs: list[list[str]] = [[]]  # the positional words between options, as argparse takes them
    items = iter(args)
    for arg in items:
        if not arg.startswith("-"):
            runs[-1].append(arg)
            continue
        if runs[-1]:
            runs.append([])
        if arg in _FLAGS:
            read[_FLAGS[arg]] = True
            continue
        field = _VALUES.get(arg)
        value = next(items, None)
        if field is None or value is None or value.startswith("-"):
            return None
        try:
            read[field] = int(value) if field == "context" else float(value) if field == "timeout" else value
        except ValueError:
            return None
        if field == "color" and value not in COLOURS:
            return None
    words = [run for run in runs if run]
    # argparse gives the first run the query and, if it has more, the paths; else the next run the paths
    if not (len(words) == 1 and len(words[0]) >= 2) and not (len(words) == 2 and len(words[0]) == 1):
        return None
    query, *paths = words[0] + (words[1] if len(words) == 2 else [])
    return SimpleNamespace(query=query, paths=[as_path(path) for path in paths], **read)


def as_path(name: str) -> str:
    """``name`` written as ``pathlib`` writes it on this system: no empty nor ``.`` part, no slash at
    the end (two at the start are kept, as POSIX allows); ``.`` for nothing. Without ``pathlib``, which
    the command does not otherwise need: some 5 ms of every start."""
    if os.sep != "/":  # deferred: Windows's rules are pathlib's to apply
        from pathlib import Path

        return str(Path(name))
    slashes = len(name) - len(name.lstrip("/"))
    root = "//" if slashes == 2 else "/" if slashes else ""
    return root + "/".join(part for part in name.split("/") if part not in ("", ".")) or "."


def use_colour(choice: str, stream: object = None) -> bool:
    """Colour for ``auto`` only on a terminal and when ``NO_COLOR`` is unset or empty."""
    if choice != "auto":
        return choice == "always"
    stream = sys.stdout if stream is None else stream
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty()) and not os.environ.get("NO_COLOR")


def run(args: argparse.Namespace) -> int:
    # deferred: imported when the command runs, not when its options are read
    from briefing_tui.console import stderr
    from briefing_tui.search import Matcher, Query, SearchError

    err = stderr("briefing search: ")
    if not args.query:
        err.line("the query is empty")
        return 2
    if args.context < 0 or args.timeout <= 0:
        err.line("--context must be >= 0 and --timeout > 0")
        return 2
    case = True if args.case_sensitive else (False if args.ignore_case else None)
    query = Query(args.query, exact=args.exact, word=args.word, regex=args.regex, case_sensitive=case)
    try:
        matcher = Matcher(query, timeout=args.timeout)
    except SearchError as exc:
        err.line(str(exc))
        return 2
    search = _Search(args, matcher, err)
    for path in args.paths:
        search.path(path)
    search.out.flush()
    if search.matched:
        return 0
    return 2 if search.failed else 1


class _Search:
    """One run of the command: files searched one at a time, each let go once printed."""

    def __init__(self, args: argparse.Namespace, matcher: Matcher, err: Writer) -> None:
        # deferred: imported when the command runs, not when its options are read
        from briefing_tui.console import stdout
        from briefing_tui.search import SearchError

        self.search_error = SearchError  # (imported once: a thousand files each ask for it)
        self.sep = Styled("sep", ":")
        self.args = args
        self.matcher = matcher
        self.out = stdout(colour=use_colour(args.color))
        self.err = err
        self.cache = None if args.no_cache else _cache()
        self.seen: dict[str, str] = {}  # document id -> the file that has it
        self.matched = False
        self.failed = False

    def cannot(self, name: str, what: str, sep: str = ": ") -> None:
        self.err.line(name, sep, what)
        self.failed = True

    def path(self, path: str) -> None:
        try:
            info = os.stat(path)
            folder = stat.S_ISDIR(info.st_mode)
        except (FileNotFoundError, NotADirectoryError, ValueError):
            self.cannot(display_path(path), "no such file or folder")
            return
        except OSError as exc:  # (a folder on its way that may not be entered)
            self.cannot(display_path(path), f"cannot search: {exc.strerror or 'cannot be read'}")
            return
        if not folder and info.st_size >= LARGE_FILE:
            # deferred: ctypes, only for a large file
            from briefing_tui.memory import reuse_freed

            reuse_freed()
        group = None
        # Names as strings: a Path for each of a thousand files costs more than searching them. A file
        # named stands for itself, as ``briefing_files`` says.
        files = None if folder else [path]
        if self.cache is not None and folder:
            # deferred: imported when the command runs, not when its options are read
            from briefing_tui.search.fold_group import FolderEntry

            group = FolderEntry(self.cache, path, _keep_case(self.matcher))
            files = group.files()  # the folder unchanged: its files as listed before
        if files is None:
            # deferred: listing a folder afresh asks the format registry which files are briefings
            from briefing_tui.files import briefing_files

            files = [os.fspath(file) for file in briefing_files(path)]
            if group is not None:
                group.listed(files)
        if folder and not files:
            # deferred: imported when the command runs, not when its options are read
            from pathlib import Path

            # deferred: the files layer, only for a folder that holds no briefing
            from briefing_tui.files import empty_folder

            self.cannot(display_path(path), "cannot search: " + empty_folder(Path(path)).message)
        apart = self._apart(files, group)
        try:
            for file in files:
                self.file(file, group, apart)
        finally:
            if apart is not None:
                apart.end()  # a search cut short: the child is stopped
        if group is not None:
            group.save()

    def _apart(self, files: list[str], group: FolderEntry | None) -> ReadApart | None:
        """A child reading the last of ``files`` that the folder's cache entry does not hold, when
        there are enough of them (``commands.search_apart``)."""
        held = {} if group is None else group.members
        unread = [file for file in files if os.path.basename(file) not in held]
        if len(unread) < APART_FROM:
            return None
        # deferred: only a search of many files reads some of them in a child; the reading's own
        # modules are imported before the fork, so that the child does not import them again
        import briefing_tui.model.text_only
        import briefing_tui.search.fold  # noqa: F401
        from briefing_tui.commands.search_apart import ReadApart

        keep_case = _keep_case(self.matcher)
        fold = self.cache is not None or not self.matcher.query.exact
        return ReadApart.of(unread, partial(_read_text, keep_case=keep_case, fold=fold))

    def file(self, path: str, group: FolderEntry | None = None, apart: ReadApart | None = None) -> None:
        try:
            doc_id, text, copy = _read(path, self.matcher, self.cache, group, apart)
        except _Unreadable as exc:
            self.cannot(display_path(path), str(exc), sep=":")
            return
        first_path = self.seen.setdefault(doc_id, path)
        # the same file given twice is searched twice (its names written as pathlib writes them)
        shared = first_path != path
        if shared:
            # a collection's problem, for the reader: as grep, every file given is still searched
            # deferred: imported when the command runs, not when its options are read
            from pathlib import Path

            # deferred: the files layer, only for a document id found twice
            from briefing_tui.files import duplicate_id

            problem = duplicate_id(doc_id, Path(path), Path(first_path))
            self.err.line(display_path(path), ": warning: ", problem.message)
        name = doc_id if self.args.ids and not shared else display_path(path)
        try:
            self.show(name, text, copy)
        except self.search_error as exc:
            self.cannot(name, str(exc))

    def show(self, name: str, text: Callable[[], str], copy: Folded | None) -> None:
        matcher, out, sep = self.matcher, self.out, self.sep
        head = (Styled("path", name), sep)
        if self.args.count:
            count = matcher.count(text()) if copy is None else matcher.count_in(copy)
            self.matched = self.matched or count > 0
            out.line(*head, str(count))
            return
        spans = matcher.find_all(text()) if copy is None else matcher.find_in(copy)
        if not spans:
            return
        # deferred: imported when the command runs, not when its options are read
        from briefing_tui.search.corpus import LineIndex, context

        self.matched = True
        whole = text()
        index = LineIndex(whole)
        for start, end in spans:
            line, column = index.locate(start)
            where = (Styled("number", str(line)), sep, Styled("number", str(column)), sep)
            before, found, after = context(whole, start, end, self.args.context)
            out.line(*head, *where, " ", before, Styled("match", found), after)


def _cache() -> FoldCache:
    # deferred: imported when the command runs, not when its options are read
    from briefing_tui import __version__
    from briefing_tui.search.fold_cache import FoldCache, cache_folder_name

    return FoldCache(cache_folder_name(), __version__)


def _keep_case(matcher: Matcher) -> bool:
    """Which folded copies the query searches: an exact query uses only the text, so any serves."""
    return matcher.keep_case and not matcher.query.exact


APART_FROM = 64
"""Files to read (not held by the cache) from which the last of them are read in a child."""

LARGE_FILE = 4 << 20
"""A file named from this size has the C library keep freed blocks for reuse (``memory.reuse_freed``)."""

YAML_SUFFIXES = (".yaml", ".yml")  # file_bytes' (not imported with the model; a test checks they agree)


def _read(
    path: str,
    matcher: Matcher,
    cache: FoldCache | None,
    group: FolderEntry | None = None,
    apart: ReadApart | None = None,
) -> tuple[str, Callable[[], str], Folded | None]:
    """A file's document id, its text (read when asked) and its folded copy (None for an exact query).

    From the cache (the folder's entry ``group``, else the file's own) when it holds the file as it
    is now; else read for its text alone, folded, and kept in the cache.
    """
    exact = matcher.query.exact
    keep_case = _keep_case(matcher)
    ident = None
    name = os.path.basename(path)
    dot = name.rfind(".")  # its suffix as ``Path.suffix`` says it
    if cache is not None and 0 < dot < len(name) - 1 and name[dot:].lower() in YAML_SUFFIXES:
        ident = cache.identity(path)
    entry = group.get(name, ident) if group is not None else None
    if entry is None and cache is not None:
        entry = cache.get(path, keep_case, ident)
    if entry is not None:
        found = entry

        def text() -> str:
            try:
                return found.text
            except ValueError:  # an entry whose text is not what it claims: read the file
                return _load(path)[0]

        return entry.id, text, None if exact else entry.copy
    done = None if apart is None else apart.take(path, ident)  # read by the child
    if done is None:
        done = _read_text(path, keep_case, cache is not None or not exact)
    if isinstance(done, str):
        raise _Unreadable(done)
    doc_id, whole, copy = done
    if (
        cache is not None
        and copy is not None
        and (group is None or not group.add(path, ident, doc_id, whole, copy))
    ):
        cache.put(path, keep_case, ident, doc_id, whole, copy)
    return doc_id, lambda: whole, None if exact else copy


def _read_text(path: str, keep_case: bool, fold: bool) -> Read:
    """A file read for its id and text, folded when ``fold``; or its first problem, as said."""
    try:
        whole, doc_id = _load(path)
    except _Unreadable as exc:
        return str(exc)
    if not fold:
        return doc_id, whole, None
    # deferred: imported when the command runs, not when its options are read
    from briefing_tui.search.fold import build

    return doc_id, whole, build(whole, keep_case)


class _Unreadable(Exception):
    """A file that cannot be searched; the message is its first problem."""


def _load(path: str) -> tuple[str, str]:
    # deferred: imported when the command runs, not when its options are read
    from briefing_tui.model.text_only import load_text
    from briefing_tui.model.types import LoadError

    try:
        document = load_text(path)
    except LoadError as exc:
        first = exc.problems[0] if exc.problems else None
        if first is None:
            raise _Unreadable("could not be loaded") from None
        raise _Unreadable(f"{first.line}:{first.column}: cannot search: {first.message}") from None
    return document.text, document.id
