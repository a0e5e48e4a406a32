"""A folder's entry in the cache of folded texts: its small files in one entry, each used only while
the file is unchanged, the folder listed again whenever it changed, nothing trusted beyond its format."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from tests.unit.search.cache_support import DOC, search, settle, two_docs, write

from briefing_tui import __version__
from briefing_tui.commands import search as command
from briefing_tui.model import text_aside
from briefing_tui.search import fold_group
from briefing_tui.search.fold_cache import FoldCache, cache_folder, identity
from briefing_tui.search.fold_group import KIND, MAGIC

ROOT = Path(__file__).resolve().parents[3]
SEED = ROOT / "seeds" / "niger-us-withdrawal.yaml"


def entries() -> list[Path]:
    folder = cache_folder()
    return sorted(folder.iterdir()) if folder.is_dir() else []


def group_entry(folder: Path, keep_case: bool = False) -> Path:
    cache = FoldCache(cache_folder(), __version__)
    return Path(cache._name(os.path.abspath(folder), keep_case, KIND))


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    return two_docs(tmp_path, folder_too=True)


@pytest.mark.parametrize(
    "argv", [["etats-unis"], ["-c", "coeur"], ["-x", "États"], ["-e", "c.eur"], ["Niger"], ["-w", "rien"]]
)
def test_a_folder_searched_again_is_read_from_its_one_entry(
    docs: Path, capsys: pytest.CaptureFixture[str], reads: list[str], argv: list[str]
) -> None:
    uncached = search(capsys, "--no-cache", *argv, str(docs))
    assert entries() == []
    cold = search(capsys, *argv, str(docs))
    keep_case = argv[-1] != argv[-1].lower() and "-x" not in argv  # an exact query serves from either
    assert entries() == [group_entry(docs, keep_case)]
    reads.clear()
    warm = search(capsys, *argv, str(docs))
    assert uncached == cold == warm and cold[0] == 0
    assert reads == []


def test_the_folder_unchanged_is_not_listed_again(
    docs: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    search(capsys, "niger", str(docs))
    from briefing_tui import files

    def refuse(path: Path) -> list[Path]:
        raise AssertionError("listed again")

    monkeypatch.setattr(files, "briefing_files", refuse)
    code, out, _ = search(capsys, "niger", str(docs))
    assert code == 0 and "a.yaml:1:" in out


def test_only_a_changed_file_is_read_again(
    docs: Path, capsys: pytest.CaptureFixture[str], reads: list[str]
) -> None:
    search(capsys, "sahel", str(docs))
    path = docs / "a.yaml"
    before = path.stat()
    path.write_text(DOC.format(id="a", text="Les États-Unis et le Mali : cœur du Sahel."), encoding="utf-8")
    os.utime(
        path, ns=(before.st_atime_ns, before.st_mtime_ns)
    )  # same size, same time: the change time differs
    assert path.stat().st_size == before.st_size
    reads.clear()
    code, out, _ = search(capsys, "mali", str(docs))
    assert reads == ["a.yaml"]
    assert code == 0 and out == f"{path}:1:22: Les États-Unis et le Mali : cœur du Sahel.\n"


def test_a_file_added_or_removed_is_seen(docs: Path, capsys: pytest.CaptureFixture[str]) -> None:
    search(capsys, "-c", "niger", str(docs))
    write(docs, "c", "Encore le Niger.", folder_too=True)
    assert search(capsys, "-c", "niger", str(docs))[1].count("\n") == 3
    (docs / "a.yaml").unlink()
    settle(docs)
    code, out, _ = search(capsys, "-c", "niger", str(docs))
    assert "a.yaml" not in out and out.count("\n") == 2 and code == 0


def test_a_file_modified_just_now_is_left_out_of_the_entry(
    docs: Path, capsys: pytest.CaptureFixture[str], reads: list[str]
) -> None:
    (docs / "c.yaml").write_text(DOC.format(id="c", text="Tout frais."), encoding="utf-8")
    search(capsys, "frais", str(docs))
    reads.clear()
    code, out, _ = search(capsys, "frais", str(docs))
    assert reads == ["c.yaml"] and code == 0 and "c.yaml:1:6: Tout frais." in out


def test_a_large_file_keeps_an_entry_of_its_own(
    docs: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, reads: list[str]
) -> None:
    monkeypatch.setattr(fold_group, "MEMBER_MAX", 20)
    search(capsys, "niger", str(docs))
    assert len(entries()) == 2  # the folder's (holding b) and a's own
    reads.clear()
    assert search(capsys, "niger", str(docs))[0] == 0
    assert reads == []


def damaged_entries() -> list[tuple[str, object]]:
    def head(change):  # noqa: ANN001, ANN202 - a change to the entry's header
        def apply(data: bytes) -> bytes:
            line_end = data.index(b"\n", len(MAGIC))
            header = json.loads(data[len(MAGIC) : line_end])
            change(header)
            return MAGIC + json.dumps(header).encode() + data[line_end:]

        return apply

    return [
        ("empty", lambda data: b""),
        ("zeros", lambda data: b"\x00" * 100),
        ("truncated", lambda data: data[: len(data) // 2]),
        ("longer", lambda data: data + b"more"),
        ("names-up", head(lambda h: h.update(names=["../a.yaml", *h["names"]]))),
        ("names-slash", head(lambda h: h.update(names=["/etc/passwd"]))),
        ("member-up", head(lambda h: h["files"].__setitem__(0, "../a.yaml"))),
        ("member-unlisted", head(lambda h: h.update(names=h["names"][1:]))),
        ("twice", head(lambda h: h["files"].__setitem__(1, h["files"][0]))),
        ("id", head(lambda h: h["ids"].__setitem__(0, 7))),
        ("ids", head(lambda h: h.update(ids=h["ids"][:1]))),
        ("numbers", head(lambda h: h.update(numbers=h["numbers"][:-1]))),
        ("negative", head(lambda h: h["numbers"].__setitem__(0, -1))),
        ("boolean", head(lambda h: h["numbers"].__setitem__(2, True))),
        ("huge", head(lambda h: h["numbers"].__setitem__(1, 1 << 63))),
        ("length", head(lambda h: h["numbers"].__setitem__(5, h["numbers"][5] + 1))),
        ("sizes", head(lambda h: h["numbers"].__setitem__(6, h["numbers"][6] + 1))),
        ("records", head(lambda h: h.update(folds=[[0, [[0, 0, 5]], {}]]))),
        ("folds-file", head(lambda h: h.update(folds=[[9, [], {}]]))),
        ("folds-twice", head(lambda h: h.update(folds=[[0, [], {}], [0, [], {}]]))),
        ("standins", head(lambda h: h.update(folds=[[0, [], {"oe": "too long"}]]))),
        ("path", head(lambda h: h.update(path="/elsewhere"))),
        ("version", head(lambda h: h.update(version="0.0.0-other"))),
        ("case", head(lambda h: h.update(keep_case=True))),
        ("utf8", lambda data: data.replace(b"du sahel", b"\xff\xfe sahel")),
    ]


@pytest.mark.parametrize(("name", "damage"), damaged_entries(), ids=[n for n, _ in damaged_entries()])
def test_a_damaged_folder_entry_is_ignored_and_made_again(
    docs: Path,
    capsys: pytest.CaptureFixture[str],
    name: str,
    damage,  # noqa: ANN001
) -> None:
    expected = search(capsys, "--no-cache", "sahel", str(docs))
    search(capsys, "sahel", str(docs))
    entry = group_entry(docs)
    data = entry.read_bytes()
    assert damage(data) != data, name
    entry.write_bytes(damage(data))
    group = fold_group.FolderEntry(FoldCache(cache_folder(), __version__), docs, False)
    # a damaged head is ignored whole; a damaged copy when its file is searched (the first file's here)
    assert group.members == {} or name in ("utf8", "records", "length")
    assert group.get("a.yaml", identity(docs / "a.yaml")) is None
    assert search(capsys, "sahel", str(docs)) == expected
    made_again = fold_group.FolderEntry(FoldCache(cache_folder(), __version__), docs, False)
    assert set(made_again.members) == {"a.yaml", "b.yaml"}
    assert all(made_again.get(n, identity(docs / n)) is not None for n in ("a.yaml", "b.yaml"))


def test_a_folder_entry_that_is_a_link_is_not_followed(
    docs: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    expected = search(capsys, "--no-cache", "niger", str(docs))
    search(capsys, "niger", str(docs))
    entry = group_entry(docs)
    decoy = tmp_path / "decoy"
    decoy.write_bytes(entry.read_bytes())
    entry.unlink()
    entry.symlink_to(decoy)
    assert fold_group.FolderEntry(FoldCache(cache_folder(), __version__), docs, False).members == {}
    assert search(capsys, "niger", str(docs)) == expected


def test_another_folders_entry_is_not_used(
    docs: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    other = tmp_path / "other"
    shutil.copytree(docs, other)
    settle(other)
    search(capsys, "niger", str(docs))
    group_entry(other).write_bytes(group_entry(docs).read_bytes())
    assert fold_group.FolderEntry(FoldCache(cache_folder(), __version__), other, False).members == {}


TRICKY = (
    "# a comment first\nformat: 1\nid: tricky\ntitle: 'T'\nlanguage: fr\n"
    "text: |\n   Trois espaces « États-Unis »\u00a0;\n\n   \tune tabulation, # pas un commentaire\n"
    "     plus loin: &a *b !c [{\n# a comment after the text\n\nentities: []\n"
)


def test_the_text_read_from_the_bytes_searches_as_the_parsers_does(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "mixed"
    folder.mkdir()
    shutil.copy(SEED, folder / "seed.yaml")
    (folder / "tricky.yaml").write_text(TRICKY, encoding="utf-8")
    (folder / "crlf.yaml").write_bytes(
        TRICKY.replace("id: tricky", "id: crlf").replace("\n", "\r\n").encode()
    )
    queries = [["etats-unis"], ["-c", "niger"], ["-e", r"\w+: &a"], ["-x", "États"], ["commentaire"]]
    scanned = [search(capsys, "--no-cache", *q, str(folder)) for q in queries]
    monkeypatch.setattr(text_aside, "literal_parts", lambda data: None)  # the parser reads every text
    parsed = [search(capsys, "--no-cache", *q, str(folder)) for q in queries]
    assert scanned == parsed
    assert all(code == 0 for code, _, _ in scanned)


def test_the_command_knows_the_loaders_yaml_suffixes() -> None:
    from briefing_tui.model.file_bytes import YAML_SUFFIXES

    assert command.YAML_SUFFIXES == YAML_SUFFIXES


def test_a_folder_changed_just_now_is_listed_again_next_time(
    docs: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    os.utime(docs)  # just now: a second change within the clock's tick could keep its identity
    search(capsys, "niger", str(docs))
    listed: list[Path] = []
    from briefing_tui import files

    real = files.briefing_files

    def counted(path: str | Path) -> list[Path]:
        listed.append(Path(path))
        return real(path)

    monkeypatch.setattr(files, "briefing_files", counted)
    search(capsys, "niger", str(docs))
    assert listed == [docs]
    settle(docs)
    search(capsys, "niger", str(docs))  # listed, and now recorded with the folder's identity
    search(capsys, "niger", str(docs))
    assert listed == [docs, docs]
