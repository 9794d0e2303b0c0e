"""``kopsavilkums FILE``: what a desktop runs when a draft is double-clicked opens the window on it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from kopsavilkums import cli


@pytest.fixture
def window_args(monkeypatch):
    """The arguments the window would be started with (the window itself is not started)."""
    seen = []
    monkeypatch.setattr(cli, "_open_window", lambda args: seen.append(args) or 0)
    return seen


def test_a_lone_path_opens_the_window_on_that_file(window_args, tmp_path):
    draft = tmp_path / "Lejupielādes" / "atskaite 2020.kopsavilkums.json"
    draft.parent.mkdir()
    draft.write_text("{}", "utf-8")
    assert cli.main([str(draft)]) == 0
    assert window_args[0].open_file == draft
    assert window_args[0].command is None


def test_the_path_may_follow_the_data_folder_option(window_args, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("draft.json").write_text("{}", "utf-8")
    assert cli.main(["--data-dir", str(tmp_path), "draft.json"]) == 0
    assert window_args[0].open_file == Path("draft.json")
    assert window_args[0].data_dir == str(tmp_path)


def test_without_a_path_the_window_opens_with_nothing_to_import(window_args, tmp_path):
    assert cli.main(["--data-dir", str(tmp_path)]) == 0
    assert window_args[0].open_file is None
    assert window_args[0].data_dir == str(tmp_path)  # the folder was not taken for a file


def test_a_command_is_still_a_command(window_args, tmp_path, capsys):
    seed = (
        Path(__file__).resolve().parents[2]
        / "resources"
        / "examples"
        / "kurzemes-nvo-centrs-2019-2020.kopsavilkums.json"
    )
    assert cli.main(["validate", "--as-draft", str(seed)]) == 0
    assert window_args == []


def test_a_file_and_a_command_together_are_refused(window_args):
    result = subprocess.run(
        [sys.executable, "-m", "kopsavilkums", "draft.json", "list"], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 2
    assert "draft.json" in result.stderr
