"""Where the data lives: --data-dir beats KOPSAVILKUMS_DATA_DIR beats the platform's folder."""

from __future__ import annotations

import sys

import pytest

from kopsavilkums import paths
from restricted import allow_others, as_other_user, shared_folder, small_disk


def test_the_option_beats_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv(paths.ENV_VAR, str(tmp_path / "from-env"))
    assert paths.data_dir(tmp_path / "from-option") == tmp_path / "from-option"
    assert (tmp_path / "from-option").is_dir()


def test_the_environment_beats_the_platform_folder(tmp_path, monkeypatch):
    monkeypatch.setenv(paths.ENV_VAR, str(tmp_path / "from-env"))
    assert paths.data_dir() == tmp_path / "from-env"


def test_without_either_the_platform_app_data_folder_for_kopsavilkums_is_used(tmp_path, monkeypatch):
    monkeypatch.delenv(paths.ENV_VAR, raising=False)
    monkeypatch.setattr(paths, "user_data_dir", lambda app, appauthor: str(tmp_path / "platform" / app))
    assert paths.data_dir() == tmp_path / "platform" / "Kopsavilkums"
    assert paths.store_path(paths.data_dir()) == tmp_path / "platform" / "Kopsavilkums" / "drafts.json"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the XDG folder is Linux's")
def test_on_linux_it_is_the_xdg_data_folder(monkeypatch, tmp_path):
    monkeypatch.delenv(paths.ENV_VAR, raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    assert paths.data_dir() == tmp_path / "share" / "Kopsavilkums"


# ------------------------------------------------------------------ a folder that cannot be made (issue #10)


def _refusal(folder) -> tuple[str, str]:
    with pytest.raises(paths.DataDirError) as caught:
        paths.data_dir(folder)
    error = caught.value
    assert error.folder == folder and str(folder) in error.localized("lv")
    assert len(str(error).splitlines()) == 1
    return str(error), error.localized("lv")


def test_a_file_in_the_way_is_a_clear_error_not_file_exists_error(tmp_path):
    (tmp_path / "data").write_text("")
    en, lv = _refusal(tmp_path / "data")
    assert en == f"the data folder {tmp_path / 'data'} cannot be used: there is a file in its place"
    assert lv == f"datu mapi {tmp_path / 'data'} nevar izmantot: tās vietā ir fails"


def test_a_file_in_the_way_further_up_is_named(tmp_path):
    (tmp_path / "file").write_text("")
    en, _ = _refusal(tmp_path / "file" / "data")
    assert en.endswith(f"cannot be used: {tmp_path / 'file'} is a file, not a folder")


def test_a_link_to_nowhere_says_where_it_leads(tmp_path):
    (tmp_path / "data").symlink_to(tmp_path / "unplugged-disk" / "drafts")
    en, lv = _refusal(tmp_path / "data")
    assert en.endswith(f"it is a link to {tmp_path / 'unplugged-disk' / 'drafts'}, which does not exist")
    assert "kas neeksistē" in lv


def test_links_in_a_loop(tmp_path):
    (tmp_path / "a").symlink_to(tmp_path / "b")
    (tmp_path / "b").symlink_to(tmp_path / "a")
    en, _ = _refusal(tmp_path / "a")
    assert en.endswith("its symbolic links go round in a loop")
    en, _ = _refusal(tmp_path / "a" / "data")
    assert "loop" in en


def _error_text(call, *args, **kwargs) -> str:
    try:
        call(*args, **kwargs)
    except paths.DataDirError as exc:
        return str(exc)
    return "no error"


def test_no_permission_to_create_it():
    with shared_folder() as shared:
        parent = shared / "locked"
        parent.mkdir()
        allow_others(parent, 0o5)
        assert as_other_user(_error_text, paths.data_dir, parent / "data") == (
            f"the data folder {parent / 'data'} cannot be used: no permission to create it"
        )


def test_a_read_only_disk(tmp_path):
    with small_disk(tmp_path / "disk", read_only=True) as disk:
        en, lv = _refusal(disk / "data")
        assert en.endswith("cannot be used: the disk is read-only") and lv.endswith("disks ir tikai lasāms")


def test_a_full_disk(tmp_path):
    with small_disk(tmp_path / "disk", full=True) as disk:
        en, lv = _refusal(disk / "data")
        assert en.endswith("cannot be used: the disk is full") and lv.endswith("disks ir pilns")


def test_naming_the_folder_creates_nothing(tmp_path, monkeypatch):
    monkeypatch.setenv(paths.ENV_VAR, str(tmp_path / "from-env"))
    assert paths.data_dir(create=False) == tmp_path / "from-env"
    assert paths.check_data_dir(tmp_path / "from-env", write=False) is False
    assert paths.check_data_dir(tmp_path / "from-env", write=True) is False
    assert not (tmp_path / "from-env").exists()


def test_checking_a_folder_for_reading_and_writing(tmp_path):
    assert paths.check_data_dir(tmp_path, write=True) is True
    (tmp_path / "file").write_text("")
    with pytest.raises(paths.DataDirError, match="there is a file in its place"):
        paths.check_data_dir(tmp_path / "file", write=False)
    (tmp_path / "nowhere").symlink_to(tmp_path / "gone")
    with pytest.raises(paths.DataDirError, match="which does not exist"):
        paths.check_data_dir(tmp_path / "nowhere", write=False)


def test_a_read_only_disk_can_be_read_but_not_written(tmp_path):
    with small_disk(tmp_path / "disk", read_only=True) as disk:
        assert paths.check_data_dir(disk, write=False) is True
        with pytest.raises(paths.DataDirError, match="the disk is read-only"):
            paths.check_data_dir(disk, write=True)


def _check(folder, write: bool) -> str:
    return _error_text(paths.check_data_dir, folder, write=write)


def test_a_folder_of_someone_else():
    with shared_folder() as shared:
        theirs = shared / "theirs"
        theirs.mkdir()
        allow_others(theirs, 0o5)
        closed = shared / "closed"
        closed.mkdir()
        allow_others(closed, 0)
        assert as_other_user(_check, theirs, False) == "no error"
        assert as_other_user(_check, theirs, True).endswith("cannot be used: no permission to write in it")
        assert as_other_user(_check, closed, False).endswith("cannot be used: no permission to read it")
        assert as_other_user(_check, closed / "inner", False).endswith("cannot be used: no permission to reach it")
