"""The one atomic writer: whole or untouched, and what a user exports is as readable as any
other file they save (the umask decides), while the store's own files stay private."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest

from kopsavilkums import cli, exchange, fileio

SEED = (
    Path(__file__).resolve().parent.parent
    / "resources"
    / "examples"
    / "kurzemes-nvo-centrs-2019-2020.kopsavilkums.json"
)
posix_only = pytest.mark.skipif(os.name == "nt", reason="POSIX permissions")


@pytest.fixture(params=[0o002, 0o022], ids=["umask 002", "umask 022"])
def umask(request):
    old = os.umask(request.param)
    yield request.param
    os.umask(old)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@posix_only
def test_exported_draft_files_and_pdfs_follow_the_umask(umask, tmp_path, capsys):
    report = exchange.read(SEED)
    exchange.write(report, tmp_path / "draft.kopsavilkums.json")
    assert cli.main(["pdf", str(SEED), "-o", str(tmp_path / "summary.pdf")]) == 0
    fileio.atomic_write_bytes(tmp_path / "from-the-window.pdf", b"%PDF-")  # what the window calls
    for name in ("draft.kopsavilkums.json", "summary.pdf", "from-the-window.pdf"):
        assert oct(_mode(tmp_path / name)) == oct(0o666 & ~umask), name


@posix_only
def test_a_private_file_stays_private_whatever_the_umask(umask, tmp_path):
    fileio.atomic_write_bytes(tmp_path / "private", b"x", mode=0o600)
    assert _mode(tmp_path / "private") == 0o600


@posix_only
def test_an_existing_file_keeps_its_permissions(tmp_path):
    target = tmp_path / "shared.pdf"
    target.write_bytes(b"old")
    target.chmod(0o640)
    fileio.atomic_write_bytes(target, b"new", mode=0o600)
    assert (target.read_bytes(), _mode(target)) == (b"new", 0o640)


@posix_only
def test_an_existing_file_s_setuid_bit_is_not_kept(tmp_path):
    target = tmp_path / "summary.pdf"
    target.write_bytes(b"old")
    target.chmod(0o4755)
    fileio.atomic_write_bytes(target, b"new")
    assert _mode(target) == 0o755


@posix_only
def test_a_link_is_replaced_by_a_new_file_that_takes_nothing_from_the_link_s_target(umask, tmp_path):
    elsewhere = tmp_path / "someone-elses.pdf"
    elsewhere.write_bytes(b"theirs")
    elsewhere.chmod(0o4700)
    link = tmp_path / "summary.pdf"
    link.symlink_to(elsewhere)
    fileio.atomic_write_bytes(link, b"ours")
    assert not link.is_symlink() and link.read_bytes() == b"ours"
    assert _mode(link) == 0o666 & ~umask
    assert elsewhere.read_bytes() == b"theirs" and _mode(elsewhere) == 0o4700


@pytest.mark.parametrize("failing", ["write", "fsync", "replace"])
def test_a_failed_write_leaves_the_old_file_and_no_temporary_file(tmp_path, monkeypatch, failing):
    target = tmp_path / "report.pdf"
    target.write_bytes(b"old")

    def fail(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(fileio.os, failing, fail)
    with pytest.raises(OSError):
        fileio.atomic_write_bytes(target, b"new")
    monkeypatch.undo()
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.pdf"]


def test_keep_open_hands_back_the_new_file(tmp_path):
    target = tmp_path / "drafts.json"
    fd = fileio.atomic_write_bytes(target, b"{}", keep_open=True)
    if os.name == "nt":
        assert fd is None  # Windows cannot rename over an open file
        return
    try:
        assert os.fstat(fd).st_ino == target.stat().st_ino
    finally:
        os.close(fd)
    assert fileio.atomic_write_bytes(target, b"{}") is None


def test_a_very_long_name_still_gets_a_temporary_file_beside_it(tmp_path):
    target = tmp_path / ("Kopsavilkums_" + "ā" * 100 + ".pdf")  # 215 bytes: near the 255 limit
    fileio.atomic_write_bytes(target, b"%PDF-")
    assert target.read_bytes() == b"%PDF-"
