"""Real processes on one store file: killed mid-save, saving at once, leaving a lock behind."""

from __future__ import annotations

import os
import platform
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kopsavilkums import cli
from kopsavilkums.store import DraftStore, StoreBusy

pytestmark = pytest.mark.skipif(os.name == "nt", reason="uses SIGKILL and a POSIX locale")

WORKER = Path(__file__).with_name("store_worker.py")
SEED = (
    Path(__file__).resolve().parents[2] / "resources" / "examples" / "kurzemes-nvo-centrs-2019-2020.kopsavilkums.json"
)


def _start(*arguments: str, env: dict | None = None) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, str(WORKER), *arguments], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env
    )


def _wait_for(process: subprocess.Popen, line: str) -> None:
    got = process.stdout.readline().strip()
    assert got == line, f"worker said {got!r}; stderr: {process.stderr.read() if process.poll() is not None else ''}"


@pytest.mark.slow
def test_every_save_that_returned_survives_being_killed_at_random_moments(store_path, seed_report):
    random.seed(20240601)
    with DraftStore(store_path) as store:
        for _ in range(150):  # a store of some size, so that a kill often lands inside a write
            store.save(seed_report)
    returned: dict[str, int] = {}
    for _ in range(25):
        worker = _start("save-loop", str(store_path), str(SEED))
        _wait_for(worker, "ready")
        time.sleep(random.uniform(0.0, 0.25))
        worker.send_signal(signal.SIGKILL)
        output, _ = worker.communicate()
        assert worker.returncode == -signal.SIGKILL
        for line in output.splitlines():
            if line.count(" ") == 1:
                draft_id, revision = line.split()
                returned[draft_id] = max(returned.get(draft_id, 0), int(revision))

        with DraftStore(store_path) as store:
            assert store.repaired is None  # the file itself always opens, no backup needed
            for draft_id, revision in returned.items():
                info = store.info(draft_id)
                assert info.revision >= revision
                if info.revision > 1:
                    assert store.load(draft_id).title == f"revision {info.revision}"
        assert not [p for p in store_path.parent.iterdir() if ".tmp" in p.name]
    assert len(returned) > 25  # the kills did interrupt a working loop, not an idle process


@pytest.mark.slow
def test_a_file_emptied_again_and_again_while_another_process_saves_loses_nothing(store_path, tmp_path):
    """A sync tool putting an empty file in place (atomically, as they do) while a window saves:
    every save that returned is still there, and every emptied file was kept aside."""
    worker = _start("save-loop", str(store_path), str(SEED))
    _wait_for(worker, "ready")
    empty = tmp_path / "empty.json"
    for _ in range(10):
        time.sleep(0.05)
        empty.write_bytes(b'{"drafts": {}}')
        os.replace(empty, store_path)
    worker.send_signal(signal.SIGKILL)
    output, errors = worker.communicate()
    returned: dict[str, int] = {}
    for line in output.splitlines():
        if line.count(" ") == 1:
            draft_id, revision = line.split()
            returned[draft_id] = max(returned.get(draft_id, 0), int(revision))
    assert len(returned) > 10, errors
    with DraftStore(store_path) as store:
        for draft_id, revision in returned.items():
            assert store.info(draft_id).revision >= revision
    assert len(list(store_path.parent.glob("drafts.replaced-*.json"))) >= 1


@pytest.mark.slow
def test_two_processes_saving_at_once_lose_nothing(store_path):
    DraftStore(store_path).close()
    go = store_path.parent / "go"
    workers = [_start("save-many", str(store_path), str(SEED), "100", str(go)) for _ in range(2)]
    for worker in workers:
        _wait_for(worker, "opened")  # both have the store open before either saves
    go.touch()
    outputs = [worker.communicate(timeout=120) for worker in workers]
    assert [worker.returncode for worker in workers] == [0, 0], [err for _, err in outputs]
    ids = [line for out, _ in outputs for line in out.split()]
    assert len(set(ids)) == 200
    with DraftStore(store_path) as store:
        assert {info.id for info in store.list()} == set(ids)


def test_a_lock_held_by_a_live_process_waits_and_one_left_by_a_killed_process_does_not(store_path, seed_report):
    DraftStore(store_path).close()
    holder = _start("hold-lock", str(store_path))
    try:
        _wait_for(holder, "locked")
        with pytest.raises(StoreBusy, match=f"process {holder.pid}"):
            DraftStore(store_path, lock_timeout=0.3)
    finally:
        holder.kill()
        holder.communicate()
    with DraftStore(store_path, lock_timeout=5) as store:
        draft_id = store.save(seed_report)
    with DraftStore(store_path) as store:
        assert store.load(draft_id) == seed_report


def test_the_busy_message_names_the_process_holding_the_lock_now_not_an_earlier_one(store_path):
    """An earlier holder's note is still in the lock file (it died holding the lock); the
    process holding it now wrote none (its disk was full, say). The message must not blame the
    earlier one: it names the holder, or says honestly that it cannot tell."""
    DraftStore(store_path).close()
    earlier = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    lock = store_path.with_name(store_path.name + ".lock")
    lock.write_text(f"{earlier.stdout.strip()} {platform.node()}\n", "utf-8")
    holder = _start("hold-quietly", str(lock))
    try:
        _wait_for(holder, "locked")
        with pytest.raises(StoreBusy) as raised:
            DraftStore(store_path, lock_timeout=0.3)
    finally:
        holder.kill()
        holder.communicate()
    message = raised.value.message
    assert earlier.stdout.strip() not in message.en
    if Path("/proc/locks").exists():  # Linux: the kernel says who holds it
        assert f"process {holder.pid}" in message.en and "on this computer" in message.en
        assert f"process {holder.pid}" in message.lv and "šajā datorā" in message.lv
    else:
        assert "cannot be told" in message.en and "nevar noteikt" in message.lv


def test_read_only_commands_work_while_another_process_holds_the_store(store_path, seed_report, tmp_path, capsys):
    with DraftStore(store_path) as store:
        draft_id = store.save(seed_report)
    holder = _start("hold-lock", str(store_path))
    try:
        _wait_for(holder, "locked")
        folder = str(store_path.parent)
        assert cli.main(["--data-dir", folder, "list"]) == 0
        assert draft_id in capsys.readouterr().out
        assert cli.main(["--data-dir", folder, "export", draft_id, "-o", str(tmp_path / "out.json")]) == 0
        assert (tmp_path / "out.json").is_file()
    finally:
        holder.kill()
        holder.communicate()


def test_latvian_letters_survive_a_non_utf8_default_encoding(store_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG", "PYTHONUTF8", "PYTHONIOENCODING"))}
    env.update(PYTHONUTF8="0", PYTHONCOERCECLOCALE="0", LC_ALL="C")
    worker = _start("latvian", str(store_path), str(SEED), env=env)
    output, errors = worker.communicate(timeout=60)
    assert worker.returncode == 0, errors
    draft_id, encoding = output.split()
    assert "utf" not in encoding.lower()  # the child really had a non-UTF-8 default
    with DraftStore(store_path) as store:
        assert store.load(draft_id).title == "Kopsavilkums — ĀČĒĢĪĶĻŅŠŪŽ āčēģīķļņšūž"

    listing = subprocess.run(
        [sys.executable, "-m", "kopsavilkums", "--data-dir", str(store_path.parent), "list"],
        capture_output=True,
        env=env,
        timeout=60,
    )
    assert listing.returncode == 0, listing.stderr
    assert draft_id.encode() in listing.stdout
