"""The window's Import against files an attacker could hand a user: a clear message naming the
file, never the crash dialog, and never a frozen window (a named pipe used to block it for ever)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

BIG = "9" * 5000


def _files(folder: Path) -> dict[str, tuple[Path, str]]:
    made = {}

    def write(name, text, says):
        (folder / name).write_text(text, "utf-8")
        made[name] = (folder / name, says)

    write("version.json", '{"format": "kopsavilkums", "version": ' + BIG + "}", "version: 9999")
    report = {"budget": [{"year": 2019, "planned": "１２３"}]}
    write("digits.json", json.dumps({"format": "kopsavilkums", "version": 1, "report": report}), "not an amount")
    write("deep.json", "[" * 100_000 + "]" * 100_000, "nested too deeply")
    if hasattr(os, "mkfifo"):
        os.mkfifo(folder / "pipe.json")
        made["pipe.json"] = (folder / "pipe.json", "pipe.json is a named pipe, not a regular file")
    if Path("/dev/zero").exists():
        made["zero"] = (Path("/dev/zero"), "zero is a device, not a regular file")
    return made


@pytest.mark.timeout(60)
def test_import_of_a_hostile_file_says_what_is_wrong_and_adds_nothing(qtbot, make_window, tmp_path, dialogs):
    window = make_window()
    before = {d.id for d in window.store.list()}
    for name, (path, says) in _files(tmp_path).items():
        dialogs.errors.clear()
        window.import_file(str(path))
        qtbot.waitUntil(lambda: bool(dialogs.errors), timeout=10_000)  # read on a worker: never frozen
        (message,) = dialogs.errors
        assert says in message and "\n" not in message, (name, message)
    assert {d.id for d in window.store.list()} == before
