"""No traceback, ever: every command against what a user or an attacker can give it.

Each case asserts what a person at the terminal notices: the exit status (2: an input could not
be read, 3: something could not be written — README, "The command line"), exactly one line on
stderr for the one problem, and no "Traceback". Most run in-process through ``cli.main``; a few
through a real process, where an uncaught exception would really print its traceback.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from kopsavilkums import cli
from restricted import allow_others, program_for_other_user, shared_folder, small_disk

EXAMPLES = Path(__file__).resolve().parent.parent / "resources" / "examples"
SEED = EXAMPLES / "kurzemes-nvo-centrs-2019-2020.kopsavilkums.json"
COMPLETE = EXAMPLES / "latgales-jauniesu-forums-2021-2023.kopsavilkums.json"
BIG = "9" * 5000


def _doc(**report) -> str:
    return json.dumps({"format": "kopsavilkums", "version": 1, "report": report})


# --------------------------------------------------------------------------- hostile draft files

CONTENT = {
    "a 5,000-digit version": '{"format": "kopsavilkums", "version": ' + BIG + "}",
    "a 5,000-digit year": _doc(budget=[{"year": 1}]).replace('"year": 1', '"year": ' + BIG),
    "a 5,000-digit number as text": _doc(title=1).replace('"title": 1', '"title": ' + BIG),
    "a huge float": '{"format": "kopsavilkums", "version": 1e999999}',
    "deep nesting": "[" * 100_000 + "]" * 100_000,
    "invalid UTF-8": b'{"format": "kopsavilkums", "version": 1, "report": {"title": "\xff"}}',
    "a lone surrogate": _doc(title="X").replace('"X"', '"\\ud800"'),
    "a duplicate key": '{"format": "kopsavilkums", "version": 1, "version": 1}',
    "a NUL byte": b'{"format": "kopsavilkums", "version": 1, "report": {"title": "a\x00b"}}',
    "a number where text belongs": _doc(title=5),
    "an empty file": b"",
    "Arabic-Indic digits in an amount": _doc(budget=[{"year": 2019, "planned": "١٢٣"}]),
    "full-width digits in a date": _doc(period={"start": "２０１９-08-12"}),
    "an amount with a newline": _doc(budget=[{"year": 2019, "planned": "12.00\n"}]),
    "a key with a line break": '{"format": "kopsavilkums", "version": 1, "a\\nb\\u2028c": 1}',
    "10,001 objectives": _doc(objectives=[""] * 10_001),
}


def _hostile_paths(folder: Path) -> dict[str, Path]:
    """Every kind of thing a draft file argument can name, made in ``folder``."""
    made = {}
    for name, content in CONTENT.items():
        path = folder / (name.replace(" ", "-").replace(",", "") + ".kopsavilkums.json")
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
        made[name] = path
    big = folder / "over-20-MB.json"
    with big.open("wb") as handle:
        handle.truncate(20 * 1024 * 1024 + 1)
    made["a file of 20 MB + 1 byte"] = big
    made["a folder"] = folder
    (folder / "loop-a").symlink_to(folder / "loop-b")
    (folder / "loop-b").symlink_to(folder / "loop-a")
    made["a symlink loop"] = folder / "loop-a"
    made["a missing file"] = folder / "missing.json"
    made["a file name with a line break"] = folder / "line\nbreak.json"
    if hasattr(os, "mkfifo"):
        os.mkfifo(folder / "pipe.json")
        made["a named pipe"] = folder / "pipe.json"
    if Path("/dev/zero").exists():
        made["/dev/zero"] = Path("/dev/zero")
    return made


@pytest.fixture
def hostile(tmp_path):
    folder = tmp_path / "files"
    folder.mkdir()
    return _hostile_paths(folder)


@pytest.fixture
def run(tmp_path, capsys):
    data = tmp_path / "data"

    def run(*arguments) -> tuple[int, str, str]:
        try:
            code = cli.main(["--data-dir", str(data), *map(str, arguments)])
        except SystemExit as exited:  # argparse
            code = exited.code
        out, err = capsys.readouterr()
        return code, out, err

    return run


def _one_line(err: str) -> str:
    assert "Traceback" not in err
    lines = err.splitlines()
    assert len(lines) == 1, err
    return lines[0]


@pytest.mark.timeout(120)
def test_every_file_command_refuses_every_hostile_file_in_one_line_with_exit_2(run, hostile, tmp_path):
    out_pdf = tmp_path / "out.pdf"
    for what, path in hostile.items():
        for command in (["validate", path], ["pdf", path, "-o", out_pdf], ["import", path]):
            code, out, err = run(*command)
            line = _one_line(err)
            assert code == 2, f"{command[0]} of {what}: {code} {err}"
            assert line.startswith("kopsavilkums: ") and out == "", (what, line)
    assert not out_pdf.exists()
    assert run("list")[2] == "There are no drafts.\n"  # nothing was imported


def test_what_each_hostile_file_is_told(run, hostile):
    said = {what: _one_line(run("validate", path)[2]) for what, path in hostile.items()}
    expected = {
        "a 5,000-digit version": "version: 9999",
        "a 5,000-digit year": "report.budget[0].year: 9999",
        "a huge float": "version: 1e999999 is not a file version",
        "deep nesting": "the JSON is nested too deeply",
        "invalid UTF-8": "not UTF-8 text (byte 62)",
        "a lone surrogate": "report.title: contains an invalid character",
        "a duplicate key": 'the key "version" appears twice',
        "a NUL byte": "a text holds a control character (such as a NUL byte",
        "a number where text belongs": "report.title: 5 should be text",
        "an empty file": "The file is empty",
        "Arabic-Indic digits in an amount": 'report.budget[0].planned: "١٢٣" is not an amount',
        "full-width digits in a date": 'report.period.start: "２０１９-08-12" is not a date',
        "an amount with a newline": 'report.budget[0].planned: "12.00\\n" is not an amount',
        "a key with a line break": '"a\\nb\\u2028c": unknown key',
        "10,001 objectives": "report.objectives: 10001 rows; a draft file holds at most 10000",
        "a file of 20 MB + 1 byte": "the file is larger than 20 MB",
        "a folder": "files is a folder, not a file",
        "a symlink loop": "loop-a cannot be read: its symbolic links go round in a loop",
        "a missing file": "missing.json: no such file",
        "a file name with a line break": "line\\u000abreak.json: no such file",
        "a named pipe": "pipe.json is a named pipe, not a regular file",
        "/dev/zero": "zero is a device, not a regular file",
    }
    for what, text in expected.items():
        if what in said:
            assert text in said[what], (what, said[what])


def test_a_file_to_open_in_the_window_that_cannot_be_a_draft_is_told_before_any_window(run, hostile):
    for what in ("a folder", "a symlink loop", "a missing file", "a named pipe", "/dev/zero"):
        if what in hostile:
            code, _, err = run(hostile[what])
            assert code == 2 and _one_line(err), what


def test_a_file_without_read_permission_in_a_real_process():
    with shared_folder() as folder:
        secret = folder / "secret.kopsavilkums.json"
        secret.write_bytes(COMPLETE.read_bytes())
        allow_others(secret, 0)
        (folder / "data").mkdir()
        (folder / "data").chmod(0o777)  # the other user's own data folder: only the file is not theirs
        for command in (["validate", secret], ["import", secret], ["pdf", secret, "-o", folder / "x.pdf"]):
            result = _process(*command, data=folder / "data", as_other_user=True)
            assert result.returncode == 2 and "Traceback" not in result.stderr
            assert _one_line(result.stderr).endswith(
                "secret.kopsavilkums.json cannot be read: no permission to read it"
            )


def test_standard_input_is_read_when_it_is_a_file_and_refused_when_it_is_a_pipe(tmp_path):
    # Decided: a pipe or terminal on /dev/stdin is refused like any pipe (reading it would wait
    # for its writer; the window must never wait); "< FILE" makes standard input the file itself.
    with COMPLETE.open("rb") as draft:
        assert _process("validate", "/dev/stdin", data=tmp_path / "data", stdin=draft).returncode == 0
    piped = _process("validate", "/dev/stdin", data=tmp_path / "data", input=COMPLETE.read_text("utf-8"))
    assert piped.returncode == 2 and _one_line(piped.stderr).endswith("is a named pipe, not a regular file")


# --------------------------------------------------------------------------- hostile data folders

STORE_COMMANDS = {
    "list": (["list"], "reads"),
    "import": (["import", SEED], "writes"),
    "export": (["export", "abc", "-o", "{tmp}/out.json"], "reads"),
    "pdf --draft": (["pdf", "--draft", "abc", "-o", "{tmp}/out.pdf"], "reads"),
    "delete": (["delete", "abc"], "writes"),
    "restore": (["restore", "abc"], "writes"),
}


def _bad_folders(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    """A data folder that cannot be used, and what the line says about it."""
    (tmp_path / "a-file").write_text("")
    (tmp_path / "loop-a").symlink_to(tmp_path / "loop-b")
    (tmp_path / "loop-b").symlink_to(tmp_path / "loop-a")
    (tmp_path / "dangling").symlink_to(tmp_path / "unplugged" / "drafts")
    return {
        "a file in the way": (tmp_path / "a-file", "there is a file in its place"),
        "a file further up": (tmp_path / "a-file" / "data", f"{tmp_path / 'a-file'} is a file, not a folder"),
        "a dangling symlink": (tmp_path / "dangling", "which does not exist"),
        "a symlink loop": (tmp_path / "loop-a", "its symbolic links go round in a loop"),
    }


@pytest.mark.parametrize("how", ["--data-dir", "KOPSAVILKUMS_DATA_DIR"])
def test_every_store_command_on_a_folder_that_cannot_be_used(tmp_path, capsys, monkeypatch, how):
    for kind, (folder, reason) in _bad_folders(tmp_path).items():
        for name, (arguments, mode) in STORE_COMMANDS.items():
            arguments = [str(a).replace("{tmp}", str(tmp_path)) for a in arguments]
            if how == "--data-dir":
                code = cli.main(["--data-dir", str(folder), *arguments])
            else:
                monkeypatch.setenv("KOPSAVILKUMS_DATA_DIR", str(folder))
                code = cli.main(arguments)
            line = _one_line(capsys.readouterr().err)
            assert line == f"kopsavilkums: the data folder {folder} cannot be used: {reason}" or (
                line.startswith(f"kopsavilkums: the data folder {folder} cannot be used: ") and reason in line
            ), (kind, name, line)
            # Writing commands cannot write (3); reading ones cannot read their input (2).
            assert code == (3 if mode == "writes" else 2), (kind, name, code)
    assert not (tmp_path / "out.json").exists() and not (tmp_path / "out.pdf").exists()


def test_reading_commands_do_not_create_a_missing_folder(tmp_path, capsys):
    folder = tmp_path / "not-yet"
    assert cli.main(["--data-dir", str(folder), "list"]) == 0
    assert capsys.readouterr().err == "There are no drafts.\n"
    assert cli.main(["--data-dir", str(folder), "list", "--trash"]) == 0
    assert capsys.readouterr().err == "The trash is empty.\n"
    assert cli.main(["--data-dir", str(folder), "export", "abc", "-o", str(tmp_path / "x.json")]) == 2
    assert _one_line(capsys.readouterr().err) == "kopsavilkums: there is no draft abc"
    assert cli.main(["--data-dir", str(folder), "pdf", "--draft", "abc", "-o", str(tmp_path / "x.pdf")]) == 2
    assert _one_line(capsys.readouterr().err) == "kopsavilkums: there is no draft abc"
    assert not folder.exists()
    assert cli.main(["--data-dir", str(folder), "import", str(SEED)]) == 0  # writing makes it
    assert folder.is_dir()


def _run_everywhere(folder: Path, tmp_path: Path, capsys) -> dict[str, tuple[int, str]]:
    results = {}
    for name, (arguments, _) in STORE_COMMANDS.items():
        arguments = [str(a).replace("{tmp}", str(tmp_path)) for a in arguments]
        code = cli.main(["--data-dir", str(folder), *arguments])
        results[name] = (code, _one_line(capsys.readouterr().err))
    return results


def test_a_read_only_disk(tmp_path, capsys):
    with small_disk(tmp_path / "disk", read_only=True) as disk:
        results = _run_everywhere(disk / "data", tmp_path, capsys)
    assert results["list"] == (0, "There are no drafts.")  # nothing there, and nothing made
    for name in ("import", "delete", "restore"):
        assert results[name] == (
            3,
            f"kopsavilkums: the data folder {disk / 'data'} cannot be used: the disk is read-only",
        )


def test_a_full_disk(tmp_path, capsys):
    with small_disk(tmp_path / "disk", full=True) as disk:
        results = _run_everywhere(disk / "data", tmp_path, capsys)
    for name in ("import", "delete", "restore"):
        assert results[name] == (3, f"kopsavilkums: the data folder {disk / 'data'} cannot be used: the disk is full")


def test_drafts_on_a_read_only_disk_can_still_be_listed_and_exported(tmp_path, capsys):
    folder = tmp_path / "disk"
    assert cli.main(["--data-dir", str(folder), "import", str(SEED)]) == 0
    draft_id = capsys.readouterr().out.strip()
    mounted = subprocess.run(["mount", "--bind", "-o", "ro", str(folder), str(folder)], capture_output=True)
    if mounted.returncode != 0:
        pytest.skip("a read-only bind mount needs root")
    try:
        assert cli.main(["--data-dir", str(folder), "list"]) == 0
        assert capsys.readouterr().out.startswith(draft_id)
        assert cli.main(["--data-dir", str(folder), "export", draft_id, "-o", str(tmp_path / "x.json")]) == 0
        assert capsys.readouterr().err.endswith("x.json: written (Kopsavilkums draft)\n")
        assert cli.main(["--data-dir", str(folder), "delete", draft_id]) == 3
        assert _one_line(capsys.readouterr().err).endswith("cannot be used: the disk is read-only")
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def test_no_permission_on_the_parent_in_a_real_process():
    with shared_folder() as shared:
        parent = shared / "theirs"
        parent.mkdir()
        allow_others(parent, 0o5)
        for name, (arguments, mode) in STORE_COMMANDS.items():
            arguments = [str(a).replace("{tmp}", str(shared)) for a in arguments]
            result = _process(*arguments, data=parent / "data", as_other_user=True)
            if mode == "reads":  # nothing there: no drafts, and nothing made
                assert result.returncode in (0, 2) and "Traceback" not in result.stderr, (name, result.stderr)
            else:
                assert result.returncode == 3, (name, result.stderr)
                assert _one_line(result.stderr) == (
                    f"kopsavilkums: the data folder {parent / 'data'} cannot be used: no permission to create it"
                )


# --------------------------------------------------------------------------- the window


@pytest.mark.parametrize("screen", [{"QT_QPA_PLATFORM": "offscreen"}, {"QT_QPA_PLATFORM": "", "DISPLAY": ""}])
def test_the_window_on_a_folder_that_cannot_be_used_says_so_without_a_screen(tmp_path, screen):
    (tmp_path / "a-file").write_text("")
    for how in (["--data-dir", str(tmp_path / "a-file")], []):
        env = {**screen, "KOPSAVILKUMS_DATA_DIR": str(tmp_path / "a-file"), "WAYLAND_DISPLAY": ""}
        result = _process(*how, data=None, env=env)
        assert result.returncode == 3
        assert _one_line(result.stderr) == (
            f"kopsavilkums: the data folder {tmp_path / 'a-file'} cannot be used: there is a file in its place"
        )


def test_the_window_check_does_not_load_qt_without_a_screen(tmp_path):
    (tmp_path / "a-file").write_text("")
    probe = (
        "import sys; from kopsavilkums.cli import main; "
        f"code = main(['--data-dir', {str(tmp_path / 'a-file')!r}]); "
        "assert not any(m.startswith('PySide6') for m in sys.modules), 'Qt was imported'; sys.exit(code)"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, env=env)
    assert result.returncode == 3, result.stderr


def test_a_screen_is_only_assumed_where_qt_would_draw_one():
    from kopsavilkums.ui.startup_error import screen_available

    assert not screen_available({"QT_QPA_PLATFORM": "offscreen", "DISPLAY": ":0"}, "linux")
    assert not screen_available({}, "linux")
    assert screen_available({"DISPLAY": ":0"}, "linux")
    assert screen_available({"WAYLAND_DISPLAY": "wayland-0"}, "linux")
    assert screen_available({}, "win32") and screen_available({}, "darwin")
    assert not screen_available({"QT_QPA_PLATFORM": "minimal"}, "win32")


# --------------------------------------------------------------------------- the terminal itself


def test_help_on_a_console_without_latvian_letters_is_no_traceback(tmp_path):
    result = _process("--help", data=None, env={"PYTHONIOENCODING": "cp1252"}, encoding="cp1252")
    assert result.returncode == 0 and "Traceback" not in result.stderr
    assert "p?rvaldes" in result.stdout  # "pārvaldes", as well as cp1252 can


def test_a_listing_cut_short_by_its_reader_is_no_traceback(tmp_path):
    from kopsavilkums import exchange
    from kopsavilkums.store import DraftStore

    report = exchange.read(SEED)
    with DraftStore(tmp_path / "data" / "drafts.json") as store:
        for _ in range(400):  # some 100 KB of listing: more than a pipe holds
            store.save(report)
    listing = subprocess.Popen(
        [sys.executable, "-m", "kopsavilkums", "--data-dir", str(tmp_path / "data"), "list"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    listing.stdout.readline()
    listing.stdout.close()  # like "| head -1"
    err = listing.stderr.read().decode()
    assert listing.wait(timeout=60) == 0 and err == ""


# --------------------------------------------------------------------------- a few real processes


def _process(*arguments, data: Path | None, env: dict | None = None, encoding="utf-8", as_other_user=False, **kwargs):
    base = {**os.environ, "KOPSAVILKUMS_LANG": "en", **(env or {})}
    python = [sys.executable]
    if as_other_user:  # a Python and a copy of the program it can reach, wherever the repository is
        other = program_for_other_user()
        python, base = list(other.command), {**base, **other.env}
        kwargs.update(other.ids)
    prefix = ["--data-dir", str(data)] if data is not None else []
    return subprocess.run(
        [*python, "-m", "kopsavilkums", *prefix, *map(str, arguments)],
        capture_output=True,
        encoding=encoding,
        timeout=60,
        env=base,
        **kwargs,
    )


@pytest.mark.parametrize(
    "what, command",
    [
        ("a 5,000-digit version", "validate"),
        ("deep nesting", "pdf"),
        ("a named pipe", "import"),
        ("/dev/zero", "validate"),
        ("a 5,000-digit year", "import"),
    ],
)
def test_real_processes_print_one_line_and_no_traceback(tmp_path, what, command):
    paths = _hostile_paths(tmp_path)
    if what not in paths:
        pytest.skip(f"no {what} here")
    extra = ["-o", tmp_path / "x.pdf"] if command == "pdf" else []
    result = _process(command, paths[what], *extra, data=tmp_path / "data")
    assert result.returncode == 2 and _one_line(result.stderr).startswith("kopsavilkums: ")


def test_a_socket_as_a_draft_file_in_a_real_process(tmp_path):
    if not hasattr(socket, "AF_UNIX"):
        pytest.skip("no Unix sockets here")
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(tmp_path / "draft.json"))
        result = _process("validate", tmp_path / "draft.json", data=None)
    assert result.returncode == 2 and _one_line(result.stderr).endswith("is a socket, not a regular file")


def test_a_folder_that_cannot_be_used_in_a_real_process(tmp_path):
    (tmp_path / "a-file").write_text("")
    for arguments, code in ((["list"], 2), (["import", SEED], 3), (["delete", "x"], 3)):
        result = _process(*arguments, data=tmp_path / "a-file")
        assert result.returncode == code and _one_line(result.stderr).endswith("there is a file in its place")


# --------------------------------------------------------------------------- where output goes


def test_output_never_replaces_a_device_pipe_or_folder(run, tmp_path):
    fifo = tmp_path / "out.fifo"
    os.mkfifo(fifo)
    code, out, err = run("import", SEED)
    draft_id = out.strip()
    for target in (fifo, tmp_path, Path("/dev/null")):
        if not target.exists():
            continue
        for command in (["pdf", COMPLETE, "-o", target], ["pdf", "--draft", draft_id, "-o", target]):
            code, _, err = run(*command)
            assert code == 3 and _one_line(err).startswith(f"kopsavilkums: {target}: cannot be written ("), err
        code, _, err = run("export", draft_id, "-o", target)
        assert code == 3 and _one_line(err).startswith(f"kopsavilkums: {target}: cannot be written ("), err
    assert fifo.is_fifo() and Path("/dev/null").is_char_device()


# --------------------------------------------------------------------------- anything at all

_SHAPES = {
    "list": [["list"], ["list", "--trash"]],
    "import": [["import", "FILE"]],
    "export": [["export", "ID", "-o", "OUT"]],
    "pdf": [["pdf", "FILE", "-o", "OUT"], ["pdf", "--draft", "ID", "-o", "OUT"]],
    "validate": [["validate", "FILE"], ["validate", "--as-draft", "FILE"]],
    "delete": [["delete", "ID"]],
    "restore": [["restore", "ID"]],
}
_SHAPE = st.sampled_from([shape for shapes in _SHAPES.values() for shape in shapes])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    shape=_SHAPE,
    file=st.sampled_from([*sorted(CONTENT), "a good draft", "a folder", "a named pipe", "a missing file"]),
    folder=st.sampled_from(["fine", "fine", "a file", "missing", "a loop"]),
    out=st.sampled_from(["out.pdf", "no-folder/out.pdf", "line\nbreak.pdf", "FOLDER", "PIPE", "/dev/null"]),
    draft=st.sampled_from(["the draft", "the draft", "abc", "", "x\ny", "-"]),
)
def test_any_command_line_ends_in_a_documented_exit_status(tmp_path_factory, capsys, shape, file, folder, out, draft):
    base = tmp_path_factory.mktemp("any")
    (base / "files").mkdir()
    files = {**_hostile_paths(base / "files"), "a good draft": COMPLETE}
    (base / "a-file").write_text("")
    (base / "loop").symlink_to(base / "loop")
    folders = {"fine": base / "data", "a file": base / "a-file", "missing": base / "nothing", "a loop": base / "loop"}
    draft_id = "abc"
    if folder == "fine":
        assert cli.main(["--data-dir", str(base / "data"), "import", str(SEED)]) == 0
        draft_id = capsys.readouterr().out.strip()
    swap = {
        "FILE": str(files.get(file, base / "missing.json")),
        "ID": draft_id if draft == "the draft" else draft,
        "OUT": {"FOLDER": str(base), "PIPE": str(files.get("a named pipe", base))}.get(out, str(base / out)),
    }
    if out == "/dev/null":
        swap["OUT"] = out
    argv = ["--data-dir", str(folders[folder]), *(swap.get(word, word) for word in shape)]
    try:
        code = cli.main(argv)
    except SystemExit as exited:  # argparse's usage errors ("-" as an id): status 2
        code = exited.code
    err = capsys.readouterr().err
    assert code in (0, 1, 2, 3), (argv, code, err)
    assert "Traceback" not in err
    if code in (2, 3) and not err.startswith("usage:"):
        assert len(err.splitlines()) == 1 or shape[0] == "pdf", (argv, err)  # pdf: its problems, then the line
    event(f"{shape[0]} exit {code}")
