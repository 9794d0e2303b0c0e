"""The store as the command line meets it: exit 3 when it cannot write, readers that create
nothing, messages that say what to do, repairs told on stderr."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kopsavilkums import cli
from kopsavilkums.store import DraftStore, migrations

pytest_plugins = ["disks"]  # small_disk, read_only_disk

SEED = (
    Path(__file__).resolve().parents[2] / "resources" / "examples" / "kurzemes-nvo-centrs-2019-2020.kopsavilkums.json"
)


def _run(capsys, folder, *arguments):
    code = cli.main(["--data-dir", str(folder), *arguments])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("command", [["import", str(SEED)], ["delete", "abc"], ["restore", "abc"]])
def test_changing_commands_on_a_read_only_disk_exit_3(read_only_disk, capsys, command):
    read_only_disk.lock()
    code, out, err = _run(capsys, read_only_disk.path / "data", *command)
    assert (code, out) == (3, "") and "cannot be" in err


def test_import_onto_a_full_disk_exits_3_and_says_so(small_disk, capsys):
    folder = small_disk.path / "data"
    assert _run(capsys, folder, "import", str(SEED))[0] == 0
    small_disk.fill()
    code, _, err = _run(capsys, folder, "import", str(SEED))
    assert code == 3 and "is full" in err
    with DraftStore(folder / "drafts.json", read_only=True) as store:
        assert len(store.list()) == 1
    code, _, err = _run(capsys, small_disk.path / "new", "import", str(SEED))  # a new store
    assert code == 3 and "is full" in err


@pytest.mark.parametrize(
    "command", [["list"], ["list", "--trash"], ["export", "abc", "-o", "-"], ["pdf", "--draft", "abc", "-o", "-"]]
)
def test_reading_commands_on_a_data_folder_without_a_store_create_nothing(tmp_path, capsys, command):
    folder = tmp_path / "nowhere yet"
    command = [str(tmp_path / "out") if part == "-" else part for part in command]
    code, _, _ = _run(capsys, folder, *command)
    assert code in (0, 2)
    assert not folder.exists() and not (tmp_path / "out").exists()
    empty = tmp_path / "empty"
    empty.mkdir()
    _run(capsys, empty, *command)
    assert list(empty.iterdir()) == []


def test_a_store_from_a_newer_version_tells_list_users_to_update(tmp_path, capsys, seed_report):
    folder = tmp_path / "data"
    with DraftStore(folder / "drafts.json") as store:
        store.save(seed_report)
    tables = json.loads((folder / "drafts.json").read_text("utf-8"))
    tables["meta"]["1"]["schema"] = migrations.SCHEMA_VERSION + 1
    (folder / "drafts.json").write_text(json.dumps(tables), "utf-8")
    code, _, err = _run(capsys, folder, "list")
    assert code == 2 and "Update Kopsavilkums" in err and "Open it" not in err


def test_an_emptied_drafts_file_is_repaired_and_told_on_the_command_line(tmp_path, capsys):
    folder = tmp_path / "data"
    draft_id = _run(capsys, folder, "import", str(SEED))[1].strip()
    (folder / "drafts.json").write_bytes(b"{}")
    code, out, err = _run(capsys, folder, "list")
    assert code == 0 and draft_id in out
    assert "older or emptied copy" in err and "drafts.replaced-" in err
    assert _run(capsys, folder, "list")[2] == ""  # told once
