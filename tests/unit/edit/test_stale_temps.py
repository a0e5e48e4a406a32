"""The temporary files a killed save leaves beside a file are removed at its next save: only ours
(by name, regular files, older than the process), never a save in progress nor anything else."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

from tests.unit.edit.support import SEED

from briefing_tui.edit import atomic
from briefing_tui.model import load_document

ROOT = Path(__file__).resolve().parents[3]

KILLED = textwrap.dedent(
    """
    import os, sys, time
    from briefing_tui.edit import ops
    from briefing_tui.edit.session import Session

    session = Session.open(sys.argv[1])
    session.apply(ops.set_note(session.doc, "claim", session.doc.claims[0].id, "never saved"))

    def stop(*args):  # killed between writing the temporary file and the rename
        print("written", flush=True)
        time.sleep(60)

    os.replace = stop
    session.save()
    """
)

SAVE = textwrap.dedent(
    """
    import sys
    from briefing_tui.edit import ops
    from briefing_tui.edit.session import Session

    session = Session.open(sys.argv[1])
    session.apply(ops.set_note(session.doc, "claim", session.doc.claims[0].id, "saved next time"))
    session.save()
    """
)


def temps(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_a_killed_save_leaves_a_temporary_file_that_the_next_save_removes(tmp_path: Path) -> None:
    path = tmp_path / "seed.yaml"
    shutil.copyfile(SEED, path)
    child = subprocess.Popen([sys.executable, "-c", KILLED, str(path)], stdout=subprocess.PIPE, cwd=ROOT)
    assert child.stdout is not None and child.stdout.readline().strip() == b"written"
    child.kill()
    child.wait()
    [left] = temps(tmp_path)
    assert left.startswith(".seed.yaml.") and path.read_bytes() == SEED.read_bytes()
    written = (tmp_path / left).stat().st_mtime  # the next reader starts after the killed one wrote
    os.utime(tmp_path / left, (written - 5, written - 5))  # (whatever the clock's resolution)
    subprocess.run([sys.executable, "-c", SAVE, str(path)], check=True, cwd=ROOT)
    assert temps(tmp_path) == []
    assert load_document(path).claims[0].note == "saved next time"


def test_only_our_old_temporary_files_of_that_file_are_removed(tmp_path: Path) -> None:
    target = tmp_path / "seed.yaml"
    shutil.copyfile(SEED, target)
    past = atomic.STARTED - 3600
    stale = tmp_path / ".seed.yaml.abc_1234.tmp"
    kept = {
        ".seed.yaml.in_progr.tmp": atomic.STARTED + 60,  # a save being made now (by another reader)
        ".other.yaml.abcd1234.tmp": past,  # another file's
        ".seed.yaml.notes.tmp": past,  # not the name a save gives
        ".seed.yaml.abcd1234.tmp.bak": past,
        "seed.yaml.abcd1234.tmp": past,
    }
    for name, when in {stale.name: past, **kept}.items():
        (tmp_path / name).write_text("x", encoding="utf-8")
        os.utime(tmp_path / name, (when, when))
    elsewhere = tmp_path / "precious.txt"
    elsewhere.write_text("keep", encoding="utf-8")
    link = tmp_path / ".seed.yaml.linkxxxx.tmp"
    link.symlink_to(elsewhere)
    os.utime(link, (past, past), follow_symlinks=False)
    written = atomic.write_atomic(target, b"new")
    assert written.path == target and target.read_bytes() == b"new"
    assert not stale.exists()
    left = {p.name for p in tmp_path.iterdir()} - {"seed.yaml", "precious.txt"}
    assert left == {*kept, link.name}
    assert elsewhere.read_text(encoding="utf-8") == "keep"
