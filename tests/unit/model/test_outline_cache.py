"""A folder's outlines kept on disk (``model.outline_cache``): the same outlines as read from the
files, a file read again only when it changed, nothing kept that would hide a warning, and an entry
that is not exactly in its format ignored whole."""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import fields
from pathlib import Path

import pytest
from tests.support.seed_copies import seed_copy
from tests.unit.search.cache_support import settle

from briefing_tui import __version__, cli, startup
from briefing_tui.commands import open as open_command
from briefing_tui.model import outline as outline_module
from briefing_tui.model import outline_cache
from briefing_tui.model.empty_lists import _SLOTS, NOT_YET
from briefing_tui.model.outline_cache import KIND, MAGIC, KeptOutlines
from briefing_tui.model.types import Collection, Document
from briefing_tui.search.fold_cache import FoldCache, cache_folder


def copy(folder: Path, i: int, title: str | None = None, age: float = 10.0) -> Path:
    """A copy of the seed with an id and a title of its own, ``age`` seconds old (and a comment at
    its end: a few such files are outlined, as a folder of many is)."""
    path = seed_copy(folder, i, title=title, padding=50_000)
    settle(path, age)
    return path


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    folder = tmp_path / "folder"
    folder.mkdir()
    for i in range(6):
        copy(folder, i)
    return folder


@pytest.fixture
def outlined(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the files outlined from their bytes, in turn."""
    made: list[str] = []

    def counted(file: Path) -> Document:
        made.append(file.name)
        return outline_module.outline_file(file)

    monkeypatch.setattr(outline_cache, "outline_file", counted)
    return made


def opened(folder: Path, cached: bool = True) -> Collection:
    collection = startup.load_if_small([folder], cached=cached)
    assert collection is not None
    return collection


def entry(folder: Path) -> Path:
    cache = FoldCache(cache_folder(), __version__)
    return Path(cache._name(os.path.abspath(folder), False, KIND))


def shown(collection: Collection) -> list[tuple[object, ...]]:
    """Every field of every document but the text (read when wanted)."""
    return [
        tuple(getattr(doc, f.name) for f in fields(doc) if f.name != "text") for doc in collection.documents
    ]


def test_a_folder_opened_again_is_listed_from_its_entry_as_from_its_files(
    folder: Path, outlined: list[str]
) -> None:
    first = opened(folder)
    assert outlined == [f"copy-{i:02}.yaml" for i in range(6)]
    assert entry(folder).exists()
    outlined.clear()
    again = opened(folder)
    assert outlined == []
    assert shown(again) == shown(first) == shown(opened(folder, cached=False))
    assert again.documents[3].text == first.documents[3].text  # read from the file when wanted
    assert [type(doc) for doc in again.documents] == [type(doc) for doc in first.documents]


def test_only_a_changed_file_is_outlined_again(folder: Path, outlined: list[str]) -> None:
    opened(folder)
    copy(folder, 4, title="Titre changé")
    outlined.clear()
    again = opened(folder)
    assert outlined == ["copy-04.yaml"]
    assert again.documents[4].title == "Titre changé"
    outlined.clear()
    opened(folder)
    assert outlined == []  # and kept as it is now


def test_a_file_changed_just_now_is_not_kept(folder: Path, outlined: list[str]) -> None:
    copy(folder, 2, age=0)
    opened(folder)
    outlined.clear()
    opened(folder)
    assert outlined == ["copy-02.yaml"]


def test_a_file_read_whole_to_be_listed_is_not_kept(folder: Path, outlined: list[str]) -> None:
    """A brat pair (its text and its annotations) is read whole to be listed: its annotations and
    warnings are not the cache's to keep."""
    real = Path(__file__).resolve().parents[2] / "fixtures" / "real" / "brat" / "nlplab"
    for suffix in (".txt", ".ann"):
        pair = folder / f"copy-03b{suffix}"
        shutil.copyfile(real / f"PMID-18054500{suffix}", pair)
        settle(pair)
    first = opened(folder)
    assert first.documents[4].path.name == "copy-03b.txt" and first.documents[4].entities
    outlined.clear()
    again = opened(folder)
    assert outlined == ["copy-03b.txt"]
    assert shown(again) == shown(first)


def test_gone_and_added_files_are_seen(folder: Path, outlined: list[str]) -> None:
    opened(folder)
    (folder / "copy-05.yaml").unlink()
    copy(folder, 7)
    outlined.clear()
    again = opened(folder)
    assert outlined == ["copy-07.yaml"]
    assert [doc.title for doc in again.documents][-2:] == ["Copie 04", "Copie 07"]
    head = json.loads(entry(folder).read_bytes()[len(MAGIC) :])
    assert sorted(item[0] for item in head["files"]) == [f"copy-{i:02}.yaml" for i in (0, 1, 2, 3, 4, 7)]


def test_without_the_cache_nothing_is_read_from_it_or_written(folder: Path, outlined: list[str]) -> None:
    opened(folder, cached=False)
    assert not entry(folder).exists()
    opened(folder)
    outlined.clear()
    opened(folder, cached=False)
    assert len(outlined) == 6


def damaged() -> list[tuple[str, object]]:
    def head(change):  # noqa: ANN001, ANN202 - a change to the entry's header
        def apply(data: bytes) -> bytes:
            header = json.loads(data[len(MAGIC) :])
            change(header)
            return MAGIC + json.dumps(header).encode() + b"\n"

        return apply

    def member(index, value):  # noqa: ANN001, ANN202 - the first file's field ``index`` changed
        return head(lambda h: h["files"][0].__setitem__(index, value))

    return [
        ("empty", lambda data: b""),
        ("truncated", lambda data: data[: len(data) // 2]),
        ("longer", lambda data: data + b"more"),
        ("not-ascii", lambda data: data.replace(b"Copie 01", b"Copie \xff1")),
        ("name-up", member(0, "../copy-01.yaml")),
        ("name-slash", member(0, "/etc/passwd")),
        ("identity", member(1, [1, 2, 3])),
        ("identity-negative", member(1, [-1, 0, 0, 0, 0])),
        ("id-empty", member(2, "")),
        ("title-number", member(3, 12)),
        ("url-list", member(9, ["x"])),
        ("authors", member(10, [1])),
        ("short", head(lambda h: h["files"][0].pop())),
        ("twice", head(lambda h: h.update(files=h["files"] + h["files"][:1]))),
        ("path", head(lambda h: h.update(path="/elsewhere"))),
        ("version", head(lambda h: h.update(version="0.0.0-other"))),
        ("list", head(lambda h: h.update(files={}))),
    ]


@pytest.mark.parametrize(("name", "damage"), damaged(), ids=[n for n, _ in damaged()])
def test_a_damaged_entry_is_ignored_whole_and_made_again(
    folder: Path, outlined: list[str], name: str, damage: object
) -> None:
    expected = shown(opened(folder))
    data = entry(folder).read_bytes()
    damaged_data = damage(data)  # type: ignore[operator]
    assert damaged_data != data, name
    entry(folder).write_bytes(damaged_data)
    outlined.clear()
    assert shown(opened(folder)) == expected
    assert len(outlined) == 6  # every file read again
    outlined.clear()
    opened(folder)
    assert outlined == []  # the entry made again


def test_an_entry_that_is_a_link_is_not_followed(folder: Path, outlined: list[str], tmp_path: Path) -> None:
    opened(folder)
    decoy = tmp_path / "decoy"
    decoy.write_bytes(entry(folder).read_bytes())
    entry(folder).unlink()
    entry(folder).symlink_to(decoy)
    outlined.clear()
    opened(folder)
    assert len(outlined) == 6


def test_a_folder_named_two_ways_shares_its_entry(folder: Path, outlined: list[str]) -> None:
    kept = KeptOutlines(outline_cache.outline_cache())
    files = sorted(folder.glob("*.yaml"))
    other = folder.parent / ".." / folder.parent.name / folder.name / files[1].name
    kept(files[1])
    kept(other)
    kept.save()
    head = json.loads(entry(folder).read_bytes()[len(MAGIC) :])
    assert [item[0] for item in head["files"]] == [files[1].name]


def test_a_warm_folder_has_no_child_outline_its_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(startup.OUTLINED_APART_FROM + 2):
        copy(folder, i)
    asked: list[int] = []
    of = startup.OutlinedApart.of

    def counted(files: list[Path]) -> startup.OutlinedApart | None:
        asked.append(len(files))
        return of(files)

    monkeypatch.setattr(startup.OutlinedApart, "of", counted)
    cold = startup.load_if_small([folder], apart=True)
    warm = startup.load_if_small([folder], apart=True)
    assert asked == [startup.OUTLINED_APART_FROM + 2, 0]
    assert cold is not None and warm is not None and shown(warm) == shown(cold)


def test_a_value_the_documents_share_is_held_once(folder: Path) -> None:
    for collection in (opened(folder), opened(folder)):  # read from the files, then from the entry
        outlines = collection.documents[1:]  # the first is read whole
        for key in ("language", "note", "published"):
            values = {id(getattr(doc, key)) for doc in outlines}
            assert len(values) == 1, key
        assert len({doc.title for doc in outlines}) == len(outlines)


def test_an_outline_s_lists_are_not_made_to_be_kept(folder: Path) -> None:
    """Outlines make their lists when first read: keeping them reads none."""
    for collection in (opened(folder), opened(folder)):
        outline = collection.documents[2]
        for name in ("authors", "entities", "claims", "problems", "extra"):
            slot = _SLOTS[(type(outline), name)]
            assert slot.__get__(outline) in (None, NOT_YET), name


def test_the_option_is_in_both_helps_and_leaves_the_cache_alone(
    folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert cli.main(["--help"]) == 0
    assert "--no-cache" in capsys.readouterr().out
    assert cli.main(["open", "--help"]) == 0
    assert "--no-cache" in capsys.readouterr().out
    asked: list[bool] = []

    class Stopped(Exception):
        pass

    def load(paths: list[Path], apart: bool = False, cached: bool = True) -> None:
        asked.append(cached)
        raise Stopped

    monkeypatch.setattr(startup, "load_if_small", load)
    monkeypatch.setattr(startup.ReadBeside, "can", staticmethod(lambda paths: False))
    for argv, cached in ((["--no-cache", str(folder)], False), ([str(folder)], True)):
        with pytest.raises(Stopped):
            open_command.run(cli._parser("open")[0].parse_args(argv))
        assert asked.pop() is cached
