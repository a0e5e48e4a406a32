"""The on-disk cache of folded texts behind ``briefing search``: used while a file is unchanged,
never trusted beyond its format, bypassed with ``--no-cache``.

These tests name the files on the command line, so that each has an entry of its own; a folder's
entry, holding its small files together, is tested in ``test_fold_group.py``."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest
from tests.unit.search.cache_support import search, two_docs, write

from briefing_tui import __version__
from briefing_tui.commands import search as command
from briefing_tui.search.fold import build
from briefing_tui.search.fold_cache import FoldCache, cache_folder, cache_folder_name, identity


def paths(folder: Path) -> list[str]:
    """The folder's briefings, each named on the command line."""
    return [str(path) for path in sorted(folder.glob("*.yaml"))]


def entries() -> list[Path]:
    folder = cache_folder()
    return sorted(folder.iterdir()) if folder.is_dir() else []


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    return two_docs(tmp_path)


def no_yaml_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(path: Path) -> tuple[str, str]:
        raise AssertionError(f"{path} was read although its entry is in the cache")

    monkeypatch.setattr(command, "_load", refuse)


def test_the_cache_is_under_xdg_cache_home(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache_folder() == tmp_path / "briefing" / "folded"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/ignored")
    assert cache_folder() == Path.home() / ".cache" / "briefing" / "folded"
    for base in (f"{tmp_path}/", f"{tmp_path}//x/./", "", "~"):  # the name the command line uses
        monkeypatch.setenv("XDG_CACHE_HOME", base)
        root = Path(base) if os.path.isabs(base) else Path.home() / ".cache"
        assert Path(cache_folder_name()) == root / "briefing" / "folded" == cache_folder()


@pytest.mark.parametrize(
    "argv", [["etats-unis"], ["-c", "coeur"], ["-x", "États"], ["-e", "c.eur"], ["Niger"]]
)
def test_a_warm_search_prints_what_a_cold_one_does_without_reading_the_files(
    docs: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, argv: list[str]
) -> None:
    uncached = search(capsys, "--no-cache", *argv, *paths(docs))
    assert entries() == []
    cold = search(capsys, *argv, *paths(docs))
    assert len(entries()) == 2
    no_yaml_reading(monkeypatch)
    warm = search(capsys, *argv, *paths(docs))
    assert uncached == cold == warm
    assert cold[0] == 0


def test_a_changed_file_is_read_again(docs: Path, capsys: pytest.CaptureFixture[str]) -> None:
    search(capsys, "sahel", *paths(docs))
    path = write(docs, "a", "Le Sahel a changé: Mali.", age=5.0)
    code, out, _ = search(capsys, "mali", *paths(docs))
    assert code == 0 and out == f"{path}:1:20: Le Sahel a changé: Mali.\n"


def test_a_file_modified_just_now_is_not_cached(docs: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(docs, "c", "Tout frais.", age=0.0)
    search(capsys, "frais", *paths(docs))
    assert len(entries()) == 2  # a and b only: c could still change within the clock's tick


def test_no_cache_neither_reads_nor_writes(
    docs: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    search(capsys, "niger", *paths(docs))
    reads: list[str] = []
    real = command._load

    def counted(path: str) -> tuple[str, str]:
        reads.append(path)
        return real(path)

    monkeypatch.setattr(command, "_load", counted)
    for entry in entries():
        entry.unlink()
    code, out, _ = search(capsys, "--no-cache", "niger", *paths(docs))
    assert code == 0 and "Niger" in out
    assert len(reads) == 2 and entries() == []


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: b"",
        lambda data: b"\x00" * 100,
        lambda data: data[: len(data) // 2],  # truncated
        lambda data: data + b"more",
        lambda data: data.replace(b'"id": "a"', b'"id": 7'),
        lambda data: data.replace(b'"length": ', b'"length": 1'),
        lambda data: data.replace(b'"records": []', b'"records": [[0, 0, 5]]'),
        lambda data: data.replace(b"du sahel", b"\xff\xfe sahel"),  # folded copy not UTF-8
        lambda data: data.replace(b'"standins": {', b'"standins": {"x": "yz", '),
    ],
    ids=["empty", "zeros", "truncated", "longer", "id-type", "length", "records", "utf8", "standins"],
)
def test_a_damaged_entry_is_ignored_and_made_again(
    docs: Path, capsys: pytest.CaptureFixture[str], damage
) -> None:  # noqa: ANN001
    expected = search(capsys, "--no-cache", "sahel", *paths(docs))
    search(capsys, "sahel", *paths(docs))
    cache = FoldCache(cache_folder(), __version__)
    path = docs / "a.yaml"
    entry = Path(cache._name(os.path.abspath(path), False))
    data = entry.read_bytes()
    assert damage(data) != data
    entry.write_bytes(damage(data))
    assert cache.get(path, False, identity(path)) is None
    assert search(capsys, "sahel", *paths(docs)) == expected
    assert cache.get(path, False, identity(path)) is not None  # made again


def test_an_entry_whose_text_is_damaged_falls_back_to_the_file(
    docs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    expected = search(capsys, "--no-cache", "niger", *paths(docs))
    search(capsys, "niger", *paths(docs))
    entry = Path(FoldCache(cache_folder(), __version__)._name(os.path.abspath(docs / "a.yaml"), False))
    data = entry.read_bytes()
    assert data.count("œ".encode()) == 1
    entry.write_bytes(data.replace("œ".encode(), b"\xff\xfe"))  # same size: only decoding finds it out
    path = docs / "a.yaml"
    cached = FoldCache(cache_folder(), __version__).get(path, False, identity(path))
    assert cached is not None
    with pytest.raises(ValueError):
        _ = cached.text
    assert search(capsys, "niger", *paths(docs)) == expected


def test_an_entry_for_another_path_or_identity_is_not_used(docs: Path) -> None:
    cache = FoldCache(cache_folder(), __version__)
    a, b = docs / "a.yaml", docs / "b.yaml"
    cache.put(a, False, identity(a), "a", "Texte A", build("Texte A"))
    assert cache.get(a, False, identity(a)) is not None
    assert cache.get(a, True, identity(a)) is None  # the case-keeping copy is another entry
    Path(cache._name(os.path.abspath(b), False)).write_bytes(
        Path(cache._name(os.path.abspath(a), False)).read_bytes()
    )
    assert cache.get(b, False, identity(b)) is None  # the entry names a
    other = identity(b)
    assert other is not None
    assert FoldCache(cache_folder(), "0.0.0-other").get(a, False, identity(a)) is None


def test_a_cache_folder_others_may_write_to_is_not_used(
    docs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = cache_folder()
    folder.mkdir(parents=True)
    folder.chmod(0o777)
    search(capsys, "niger", *paths(docs))
    assert entries() == []


def test_a_cache_folder_that_is_a_link_is_not_used(
    docs: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir(mode=0o700)
    cache_folder().parent.mkdir(parents=True)
    cache_folder().symlink_to(elsewhere)
    search(capsys, "niger", *paths(docs))
    assert list(elsewhere.iterdir()) == []


def test_an_entry_that_is_a_link_is_not_followed(
    docs: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    expected = search(capsys, "--no-cache", "niger", *paths(docs))
    search(capsys, "niger", *paths(docs))
    path = docs / "a.yaml"
    entry = Path(FoldCache(cache_folder(), __version__)._name(os.path.abspath(path), False))
    decoy = tmp_path / "decoy"
    decoy.write_bytes(entry.read_bytes())
    entry.unlink()
    entry.symlink_to(decoy)
    assert FoldCache(cache_folder(), __version__).get(path, False, identity(path)) is None
    assert search(capsys, "niger", *paths(docs)) == expected


def test_entries_are_private_files(docs: Path, capsys: pytest.CaptureFixture[str]) -> None:
    search(capsys, "niger", *paths(docs))
    assert cache_folder().stat().st_mode & 0o777 == 0o700
    assert all(entry.stat().st_mode & 0o077 == 0 for entry in entries())


def test_an_entrys_name_is_the_sha256_of_its_path_as_hashlib_makes_it(tmp_path: Path) -> None:
    """A guard: the cache names its entries with CPython's own SHA-256, without loading OpenSSL;
    the names are hashlib's, so entries written by either are found by the other."""
    cache = FoldCache(tmp_path, "1")
    where = "/data/briefings/été.yaml"
    for keep_case, kind in ((False, b""), (True, b""), (False, b"\0folder")):
        key = where.encode("utf-8") + (b"\0case" if keep_case else b"\0") + kind
        expected = os.path.join(tmp_path, hashlib.sha256(key).hexdigest()[:40])
        assert cache._name(where, keep_case, kind) == expected
