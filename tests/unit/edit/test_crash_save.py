"""A save killed at any moment leaves the old file or the new one; a full disk leaves the old one.

The first test kills (SIGKILL) a process that saves again and again, at random moments, many
times, and checks each time that the file loads and is one of the versions saved, never a mix. The
second fills a small tmpfs (in a user namespace, where one can be mounted) and saves into it.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from tests.support.checks import present
from tests.unit.edit.support import SEED

from briefing_tui.edit.render import doc_facets
from briefing_tui.model import load_document

ROOT = Path(__file__).resolve().parents[3]
RUNS = int(os.environ.get("BRIEFING_CRASH_RUNS", "12"))

SAVER = textwrap.dedent(
    """
    import sys
    from briefing_tui.edit import ops
    from briefing_tui.edit.session import Session

    session = Session.open(sys.argv[1])
    claim = session.doc.claims[0].id
    print("ready", flush=True)
    n = 0
    while True:
        n += 1
        session.apply(ops.set_note(session.doc, "claim", claim, f"save {n} " + "x" * (n % 7) * 1000))
        session.save()
        print("saved", n, flush=True)
    """
)


def _large(tmp_path: Path) -> Path:
    path = tmp_path / "large.yaml"
    make = ROOT / "bench" / "make_large.py"
    subprocess.run([sys.executable, str(make), str(path), "--mb", "1", "--annotations", "4000"], check=True,
                   capture_output=True)  # fmt: skip
    return path


def test_a_save_killed_at_random_moments_leaves_a_whole_file(tmp_path: Path) -> None:
    path = _large(tmp_path)
    original = load_document(path)
    expected = doc_facets(original)
    first = original.claims[0].id
    chance = random.Random(RUNS)
    seen = set()
    for _ in range(RUNS):
        child = subprocess.Popen([sys.executable, "-c", SAVER, str(path)], stdout=subprocess.PIPE, cwd=ROOT)
        assert child.stdout is not None and child.stdout.readline().strip() == b"ready"
        # after a few saves (how many, at random: so that the kills fall on different ones however
        # fast the machine is), at a random moment of the saves that follow
        after = chance.randint(0, 4)
        for _ in range(after):
            assert child.stdout.readline().startswith(b"saved ")
        time.sleep(chance.uniform(0.0, 0.3))
        child.send_signal(signal.SIGKILL)
        child.wait()
        doc = load_document(path)  # never a mix: the file always loads…
        note = present(doc.claim(first)).note
        assert note == original.claims[0].note or note.startswith("save ")
        seen.add(note.split(" x")[0][:12])
        found = doc_facets(doc)
        found["claim"][0].pop("note", None)
        wanted = {**expected, "claim": [dict(c) for c in expected["claim"]]}
        wanted["claim"][0].pop("note", None)
        assert found == wanted  # …and is a version saved, the rest of it intact
    assert len(seen) > 1  # the kills fell on different saves


FULL_DISK = textwrap.dedent(
    """
    import os, shutil, sys
    from pathlib import Path
    from briefing_tui.edit import ops
    from briefing_tui.edit.session import SaveError, Session

    small, outside = Path(sys.argv[1]), Path(sys.argv[2])
    path = small / "seed.yaml"
    shutil.copyfile(sys.argv[3], path)
    before = path.read_bytes()
    session = Session.open(path)
    filler = os.open(small / "filler", os.O_WRONLY | os.O_CREAT)
    try:  # the disk is full but for a few bytes
        while True:
            os.write(filler, b"x" * 512)
    except OSError:
        pass
    os.close(filler)
    session.apply(ops.set_note(session.doc, "claim", "C1", "a long note " * 400))
    try:
        session.save()
    except SaveError as exc:
        assert exc.code == "unwritable", exc.code
        assert "disk is full" in str(exc), str(exc)
    else:
        raise AssertionError("saved on a full disk")
    assert path.read_bytes() == before, "the old file changed"
    assert session.modified and session.doc.claim("C1").note.startswith("a long note")
    assert not [p for p in small.iterdir() if p.name.endswith(".tmp")], "a temporary file was left"
    session.save_as(outside / "rescued.yaml")
    print("ok")
    """
)


def test_a_full_tmpfs_keeps_the_old_file_and_the_edits(tmp_path: Path) -> None:
    if shutil.which("unshare") is None:
        pytest.skip("no unshare to mount a small tmpfs")
    small = tmp_path / "small"
    small.mkdir()
    script = tmp_path / "full_disk.py"
    script.write_text(FULL_DISK, encoding="utf-8")
    mount = f"mount -t tmpfs -o size=96k tmpfs {small}"
    run = f'{mount} && exec "{sys.executable}" {script} {small} {tmp_path} {SEED}'
    probe = subprocess.run(
        ["unshare", "-rm", "sh", "-c", f"{mount} && echo yes"], capture_output=True, text=True
    )
    if probe.stdout.strip() != "yes":
        pytest.skip("a tmpfs cannot be mounted here (user namespaces disabled)")
    result = subprocess.run(["unshare", "-rm", "sh", "-c", run], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "ok"
    assert present(load_document(tmp_path / "rescued.yaml").claim("C1")).note.startswith("a long note")
