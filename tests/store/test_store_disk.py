"""A disk that fills up or turns read-only: the drafts file stays as it was, the error says
"cannot write" (StoreUnwritable), and the store's files are private whatever the umask."""

from __future__ import annotations

import errno
import os
import stat

import pytest

from kopsavilkums import fileio
from kopsavilkums.store import DraftStore, RecoveryCopies, StoreError, StoreUnwritable, migrations

pytest_plugins = ["disks"]  # small_disk, read_only_disk


def _disk_full(*args, **kwargs):
    raise OSError(errno.ENOSPC, "No space left on device")


@pytest.mark.parametrize("failing", ["write", "fsync"])
def test_a_full_disk_leaves_the_file_unchanged_and_the_store_usable(store_path, seed_report, monkeypatch, failing):
    with DraftStore(store_path) as store:
        draft_id = store.save(seed_report)
        last_good = store_path.read_bytes()
        report = store.load(draft_id)
        report.title = "not saved yet"
        monkeypatch.setattr(fileio.os, failing, _disk_full)
        with pytest.raises(StoreUnwritable, match="disk .* is full") as raised:
            store.save(report, draft_id)
        assert "pilns" in raised.value.message.lv
        with pytest.raises(StoreUnwritable):
            store.save(report)  # a new draft fails the same way
        monkeypatch.undo()
        assert store_path.read_bytes() == last_good
        assert report.title == "not saved yet"  # the caller still holds what was typed
        assert store.load(draft_id).title == seed_report.title  # not the half-done change
        assert [p.name for p in store_path.parent.iterdir() if ".tmp" in p.name] == []

        store.save(report, draft_id)  # space freed: the same save now works
    with DraftStore(store_path) as reopened:
        assert reopened.load(draft_id).title == "not saved yet"


def test_a_really_full_disk(small_disk, seed_report):
    path = small_disk.path / "data" / "drafts.json"
    with DraftStore(path) as store:
        draft_id = store.save(seed_report)
        last_good = path.read_bytes()
        small_disk.fill()
        seed_report.title = "x" * 100_000
        with pytest.raises(StoreUnwritable, match="is full"):
            store.save(seed_report, draft_id)
        assert path.read_bytes() == last_good
        assert store.load(draft_id).title != seed_report.title
    with DraftStore(path) as store:
        assert [info.id for info in store.list()] == [draft_id]


def test_a_new_store_on_a_full_disk_cannot_be_created_and_says_so(small_disk):
    small_disk.fill()
    path = small_disk.path / "drafts.json"
    with pytest.raises(StoreUnwritable) as raised:
        DraftStore(path)
    assert "cannot be created" in raised.value.message.en and "nevar izveidot" in raised.value.message.lv
    assert not path.exists()


def test_a_read_only_disk(read_only_disk, seed_report):
    path = read_only_disk.path / "drafts.json"
    with DraftStore(path) as store:
        draft_id = store.save(seed_report)
    before = path.read_bytes()
    read_only_disk.lock()
    with DraftStore(path, read_only=True) as reader:  # reading still works
        assert reader.load(draft_id) == seed_report
    with pytest.raises(StoreUnwritable, match="cannot be written"):
        DraftStore(path)
    assert path.read_bytes() == before


def test_a_new_store_in_a_read_only_folder_cannot_be_created(read_only_disk):
    read_only_disk.lock()
    for path in (read_only_disk.path / "drafts.json", read_only_disk.path / "new folder" / "drafts.json"):
        with pytest.raises(StoreUnwritable) as raised:
            DraftStore(path)
        assert isinstance(raised.value, StoreError) and raised.value.message.lv != raised.value.message.en


def test_a_failed_backup_does_not_fail_the_save(store_path, seed_report):
    with DraftStore(store_path) as store:
        draft_id = store.save(seed_report)
        backups = store_path.parent / "drafts-backups"
        for backup in backups.iterdir():
            backup.unlink()
        backups.rmdir()
        backups.write_bytes(b"")  # a file where the folder should be: no backup can be written
        seed_report.title = "saved without a backup"
        store.save(seed_report, draft_id)
    with DraftStore(store_path) as reopened:
        assert reopened.load(draft_id).title == "saved without a backup"
        assert reopened.repaired is None


@pytest.fixture(params=[0o002, 0o022], ids=["umask 002", "umask 022"])
def umask(request):
    old = os.umask(request.param)
    yield request.param
    os.umask(old)


@pytest.mark.skipif(os.name == "nt", reason="POSIX permissions")
def test_the_stores_files_are_private_whatever_the_umask(umask, tmp_path, seed_report, monkeypatch):
    data = tmp_path / "data"
    with DraftStore(data / "drafts.json") as store:
        draft_id = store.save(seed_report)
        monkeypatch.setattr(migrations, "SCHEMA_VERSION", 2)
        monkeypatch.setitem(migrations.MIGRATIONS, 1, lambda tables: tables)
    with DraftStore(data / "drafts.json"):  # an upgrade: the file before it is copied aside
        pass
    copies = RecoveryCopies(data)
    copies.write(draft_id, seed_report, 1)
    data.joinpath("drafts.json").write_bytes(b"")
    DraftStore(data / "drafts.json").close()  # a repair: the damaged file is kept aside

    files = [p for p in data.rglob("*") if p.is_file()]
    names = {p.name.split("-")[0].split(".")[0] for p in files}
    assert {"drafts", draft_id} <= names and any(p.suffix == ".lock" for p in files)
    assert {p.relative_to(data).as_posix(): oct(stat.S_IMODE(p.stat().st_mode)) for p in files} == {
        p.relative_to(data).as_posix(): "0o600" for p in files
    }
    folders = [data, *(p for p in data.rglob("*") if p.is_dir())]
    assert {str(p): oct(stat.S_IMODE(p.stat().st_mode)) for p in folders} == {str(p): "0o700" for p in folders}
    copies.release()
