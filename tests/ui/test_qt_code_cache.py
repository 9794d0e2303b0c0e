"""PySide6's support code is compiled once and then served from the cache, never wrongly."""

from __future__ import annotations  # on purpose: the cache must not pass this on to PySide6's code

import builtins
import marshal
import os
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest

from kopsavilkums.ui import qt_code_cache

SOURCE = b"def f(x: int) -> int:\n    return x + 1\n"
NAME = "shibokensupport/example.py"
ANNOTATIONS = compile("", "<flags>", "exec").co_flags & qt_code_cache._FUTURE_FLAGS  # this module's


def run_compile(folder: Path, source: bytes = SOURCE, filename: str = NAME):
    namespace: dict = {}
    with qt_code_cache.cached_compiles(folder):
        exec(builtins.compile(source, filename, "exec"), namespace)
    return namespace["f"]


def test_compiled_code_is_stored_and_served_the_second_time(tmp_path):
    first = run_compile(tmp_path)
    assert len(list(tmp_path.iterdir())) == 1
    served = qt_code_cache.load(tmp_path, NAME, SOURCE, ANNOTATIONS)
    assert served == compile(SOURCE, NAME, "exec")
    second = run_compile(tmp_path)
    assert first(1) == second(1) == 2


def test_served_code_is_what_compile_itself_makes_here_future_flags_included(tmp_path):
    # This module has ``from __future__ import annotations``, as PySide6's loader does: the
    # builtin passes it on to what it compiles, and so must the cache, compiled or served.
    native = compile(SOURCE, NAME, "exec")
    for _ in range(2):  # compiled, then served
        with qt_code_cache.cached_compiles(tmp_path):
            assert builtins.compile(SOURCE, NAME, "exec") == native
        assert run_compile(tmp_path).__annotations__ == {"x": "int", "return": "int"}
    # compiled without the flag, it is another entry, not the one above
    with qt_code_cache.cached_compiles(tmp_path):
        plain = builtins.compile(SOURCE, NAME, "exec", dont_inherit=True)
    assert plain == compile(SOURCE, NAME, "exec", dont_inherit=True) != native


def test_an_entry_someone_else_could_have_written_is_not_run(tmp_path):
    if os.name != "posix":
        pytest.skip("POSIX permissions")
    run_compile(tmp_path)
    (entry,) = tmp_path.iterdir()
    assert entry.stat().st_mode & 0o077 == 0  # written private
    entry.chmod(0o666)
    assert qt_code_cache.load(tmp_path, NAME, SOURCE, ANNOTATIONS) is None


EVIL = b"def f(x: int) -> int:\n    return -666\n"


def an_entry_someone_else_wrote(tmp_path: Path) -> Path:
    """What another user with write access to a parent folder could leave: a well-formed entry
    for SOURCE whose code does something else, writable by all."""
    evil = tmp_path / "evil.code"
    evil.write_bytes(qt_code_cache._header(SOURCE, ANNOTATIONS) + marshal.dumps(compile(EVIL, NAME, "exec")))
    evil.chmod(0o666)
    return evil


def test_an_entry_swapped_right_after_it_was_looked_at_is_not_run(tmp_path, monkeypatch):
    """The race another user won 122 times in 2 million: the entry is replaced between the
    check and the read. Here the attacker always wins it: the entry is swapped the moment the
    cache first touches it (whatever it touches it with), so only what was opened is checked
    and read."""
    if os.name != "posix":
        pytest.skip("POSIX permissions")
    cache = tmp_path / "cache"
    run_compile(cache)
    (entry,) = cache.iterdir()
    evil = an_entry_someone_else_wrote(tmp_path)
    swapped = []

    def swap_after(real):
        def call(path, *args, **kwargs):
            result = real(path, *args, **kwargs)
            if not swapped and os.path.basename(os.fspath(path)) == entry.name:
                os.replace(evil, entry)
                swapped.append(True)
            return result

        return call

    for name in ("open", "lstat", "stat"):
        monkeypatch.setattr(os, name, swap_after(getattr(os, name)))
    served = run_compile(cache)
    monkeypatch.undo()
    assert swapped  # the attacker did get in
    assert served(1) == 2  # what was checked is what ran, never their code
    assert qt_code_cache.load(cache, NAME, SOURCE, ANNOTATIONS) is None  # and theirs is refused now


def test_entries_in_a_folder_others_may_write_are_not_run(tmp_path):
    if os.name != "posix":
        pytest.skip("POSIX permissions")
    cache = tmp_path / "cache"
    run_compile(cache)
    cache.chmod(0o775)  # a group member could have replaced any entry
    assert qt_code_cache.load(cache, NAME, SOURCE, ANNOTATIONS) is None


def test_an_entry_through_a_link_is_not_followed(tmp_path):
    if os.name != "posix":
        pytest.skip("POSIX links")
    cache = tmp_path / "cache"
    run_compile(cache)
    (entry,) = cache.iterdir()
    target = tmp_path / "elsewhere.code"
    entry.rename(target)  # a private, valid entry of ours, only reached through a link
    entry.symlink_to(target)
    assert qt_code_cache.load(cache, NAME, SOURCE, ANNOTATIONS) is None


def test_a_fifo_in_place_of_an_entry_does_not_hang_the_start(tmp_path):
    """Opening a FIFO for reading waits for a writer, for ever; the start must not."""
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs here")
    cache = tmp_path / "cache"
    cache.mkdir(mode=0o700)
    fifo = cache / qt_code_cache._entry_name(NAME)
    os.mkfifo(fifo, 0o600)
    result: list = []
    loader = threading.Thread(target=lambda: result.append(qt_code_cache.load(cache, NAME, SOURCE)), daemon=True)
    loader.start()
    loader.join(10)
    if loader.is_alive():  # let it go: a writer's open ends its wait
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
        pytest.fail("loading a FIFO entry blocked")
    assert result == [None]


def test_the_cache_can_be_switched_off(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", KOPSAVILKUMS_NO_CODE_CACHE="1")
    child = "import sys; from pathlib import Path; from kopsavilkums.ui import qt_code_cache; "
    child += "qt_code_cache.import_pyside(Path(sys.argv[1])); from PySide6.QtCore import QDate; print(QDate(2020, 8, 12).toString('dd.MM.yyyy.'))"
    run = subprocess.run(
        [sys.executable, "-c", child, str(tmp_path / "cache")], capture_output=True, text=True, env=env
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "12.08.2020."
    assert not (tmp_path / "cache").exists()  # nothing read, nothing written


def test_changed_source_is_compiled_again_never_served_stale(tmp_path):
    run_compile(tmp_path)
    changed = SOURCE.replace(b"x + 1", b"x + 2")
    assert qt_code_cache.load(tmp_path, NAME, changed, ANNOTATIONS) is None
    assert run_compile(tmp_path, changed)(1) == 3
    assert run_compile(tmp_path, changed)(1) == 3  # and the new code replaced the old entry


def test_a_damaged_entry_is_ignored_and_replaced(tmp_path):
    run_compile(tmp_path)
    (entry,) = tmp_path.iterdir()
    header = len(qt_code_cache._header(SOURCE, ANNOTATIONS))
    entry.write_bytes(entry.read_bytes()[: header + 5])  # cut short
    assert qt_code_cache.load(tmp_path, NAME, SOURCE, ANNOTATIONS) is None
    assert run_compile(tmp_path)(1) == 2
    assert qt_code_cache.load(tmp_path, NAME, SOURCE, ANNOTATIONS) is not None


def test_an_unwritable_cache_only_means_compiling(tmp_path):
    blocker = tmp_path / "cache"
    blocker.write_text("a file where the folder should be")
    assert run_compile(blocker)(1) == 2
    assert blocker.read_text() == "a file where the folder should be"


def test_other_compiles_pass_through_untouched(tmp_path):
    with qt_code_cache.cached_compiles(tmp_path):
        code = builtins.compile("1 + 1", "<string>", "eval")
        assert eval(code) == 2
    assert not tmp_path.exists() or not any(tmp_path.iterdir())
    assert builtins.compile is compile  # restored


CHILD = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from kopsavilkums.ui import qt_code_cache
    served = []
    load = qt_code_cache.load
    def counting_load(*args):
        code = load(*args)
        served.append(code is not None)
        return code
    qt_code_cache.load = counting_load
    if sys.argv[1] != "plain":
        qt_code_cache.import_pyside(Path(sys.argv[1]))
    from PySide6.QtWidgets import QApplication, QLabel
    app = QApplication([])
    print(sum(served))
    if sys.argv[1] != "plain":
        # each entry is exactly what PySide6's loader compiles (under its own future flags)
        loader = sys.modules["shibokensupport"].__loader__
        feature = sys.modules["signature_bootstrap"].__dict__.get("annotations")
        flags = feature.compiler_flag if feature else 0
        for filename in loader._mod2path.values():
            if not (filename.startswith(qt_code_cache.PREFIX) and filename.endswith(".py")):
                continue
            data = loader.zfile.read(filename)
            cached = qt_code_cache.load(Path(sys.argv[1]), filename, data, flags)
            assert cached == compile(data, filename, "exec", flags, True), filename
    # PySide6's support code at work: signatures in docstrings, helpful errors for wrong arguments
    print(QLabel.setText.__doc__)
    try:
        QLabel("ā č ē").setText(42)
    except TypeError as exc:
        print(exc)
    """
)


def test_pyside6_starts_from_the_cache_and_behaves_as_without_it(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")

    def start(how: str) -> list[str]:
        run = subprocess.run([sys.executable, "-c", CHILD, how], capture_output=True, text=True, env=env, check=True)
        return run.stdout.splitlines()

    plain, filling, served = start("plain"), start(str(tmp_path)), start(str(tmp_path))
    entries = list(tmp_path.glob("*.code"))
    assert len(entries) >= 10  # PySide6 6.11 compiles 13 support modules
    assert "Supported signatures:" in "\n".join(plain)
    assert plain[1:] == filling[1:] == served[1:]
    # Every module the first start compiled, the second was served from the cache.
    assert (int(filling[0]), int(served[0])) == (0, len(entries))
