"""Recovery copies of a window's unsaved edits, through the store's interface (no Qt): kept per
draft and window, never offered while their window runs, offered once it is gone."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys

import pytest

from kopsavilkums import exchange
from kopsavilkums.store import RecoveryCopies


@pytest.fixture
def data_dir(tmp_path):
    return tmp_path / "data"


def test_a_copy_is_offered_once_its_window_is_gone_and_discarded_on_request(data_dir, seed_report):
    window = RecoveryCopies(data_dir)
    seed_report.title = "Neglabāts — ĀČĒ <b>&amp;</b>"
    window.write("a1b2", seed_report, 3)
    assert RecoveryCopies(data_dir).pending() == []  # its window still runs
    window.release()  # the window closes (or its process ends): the system lets go of its lock
    [found] = RecoveryCopies(data_dir).pending()
    assert (found.draft_id, found.base_revision, found.report) == ("a1b2", 3, seed_report)
    found.discard()
    assert RecoveryCopies(data_dir).pending() == []


def test_each_window_keeps_its_own_copy_of_a_draft(data_dir, seed_report, complete_report):
    first, second = RecoveryCopies(data_dir), RecoveryCopies(data_dir)
    first.write("a1b2", seed_report, 1)
    second.write("a1b2", complete_report, 1)
    second.discard("a1b2")  # the second window saved: the first window's edits stay
    first.release()
    [found] = RecoveryCopies(data_dir).pending()
    assert found.report == seed_report
    second.release()


def test_a_later_copy_replaces_the_earlier_one_of_the_same_window(data_dir, seed_report):
    window = RecoveryCopies(data_dir)
    window.write("a1b2", seed_report, 1)
    write = window.writer("a1b2", seed_report)  # taken now ...
    seed_report.title = "changed after it was taken"
    write(2)  # ... written later
    window.release()
    [found] = RecoveryCopies(data_dir).pending()
    assert found.base_revision == 2 and found.report.title != "changed after it was taken"


def test_a_copy_kept_by_a_window_still_running_is_not_offered_by_a_second_start(data_dir, seed_report):
    """Starting Kopsavilkums again while a window is open must not offer (or delete) that
    window's unsaved edits; once its process is gone — however it ended — they are offered."""
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time; from kopsavilkums import exchange; from kopsavilkums.store import RecoveryCopies; "
            "RecoveryCopies(sys.argv[1]).write('a1b2', exchange.read(sys.argv[2]), 3); "
            "print('written', flush=True); time.sleep(60)",
            str(data_dir),
            str(_seed_file(data_dir.parent, seed_report)),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "written"
        copies = RecoveryCopies(data_dir)
        assert copies.pending() == []
        copies.tidy()
        assert len(list((data_dir / "unsaved").iterdir())) == 2  # its copy and its lock stay
    finally:
        holder.kill()  # no clean-up of its own: as a crash
        holder.wait()
    [found] = RecoveryCopies(data_dir).pending()
    assert (found.draft_id, found.base_revision, found.report.title) == ("a1b2", 3, seed_report.title)


def test_an_unsaved_copy_left_by_version_0_1_is_still_offered_and_broken_ones_are_not(data_dir, seed_report):
    document = exchange.to_document(seed_report, ids=True)
    data_dir.mkdir()
    (data_dir / "unsaved.json").write_text(json.dumps({"draft_id": "abc", "document": document}), encoding="utf-8")
    (data_dir / "unsaved").mkdir()
    (data_dir / "unsaved" / "half.json").write_text('{"draft_id": "x", "docu', encoding="utf-8")  # cut short
    (data_dir / "unsaved" / "odd.json").write_text("[]", encoding="utf-8")  # not ours at all
    [found] = RecoveryCopies(data_dir).pending()
    assert (found.path.name, found.draft_id, found.report.title, found.base_revision) == (
        "unsaved.json",
        "abc",
        seed_report.title,
        None,
    )


def test_tidy_removes_the_locks_of_windows_that_are_gone_and_left_nothing(data_dir, seed_report):
    gone = subprocess.run(  # a window that kept a copy, then saved its edits, then was killed
        [
            sys.executable,
            "-c",
            "import os, sys; from kopsavilkums import exchange; from kopsavilkums.store import RecoveryCopies; "
            "c = RecoveryCopies(sys.argv[1]); c.write('a1b2', exchange.read(sys.argv[2]), 1); c.discard('a1b2'); "
            "os._exit(0)",
            str(data_dir),
            str(_seed_file(data_dir.parent, seed_report)),
        ],
        check=True,
    )
    assert gone.returncode == 0 and len(list((data_dir / "unsaved").glob("*.lock"))) == 1
    running = RecoveryCopies(data_dir)
    running.write("c3d4", seed_report, 1)
    RecoveryCopies(data_dir).tidy()
    assert sorted(p.name for p in (data_dir / "unsaved").iterdir()) == sorted(
        [running.path("c3d4").name, f"{running.session}.lock"]
    )
    running.release()


def test_an_odd_draft_id_never_names_a_path_outside_the_folder(data_dir):
    copies = RecoveryCopies(data_dir)
    for odd in ("../../etc/passwd", "a/b", "..", "ā" * 100, "x" * 65):
        assert copies.path(odd).parent == data_dir / "unsaved"


@pytest.mark.skipif(os.name == "nt", reason="POSIX permissions")
def test_copies_are_private_whatever_the_umask(data_dir, seed_report):
    old = os.umask(0o002)
    try:
        copies = RecoveryCopies(data_dir)
        copies.write("a1b2", seed_report, 1)
    finally:
        os.umask(old)
    assert stat.S_IMODE(copies.path("a1b2").stat().st_mode) == 0o600
    assert stat.S_IMODE((data_dir / "unsaved").stat().st_mode) == 0o700
    copies.release()


def _seed_file(folder, report):
    path = folder / "seed.kopsavilkums.json"
    exchange.write(report, path)
    return path
