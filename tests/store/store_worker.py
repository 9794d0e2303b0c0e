"""A separate process for the store tests (run as a script, not collected by pytest).

store_worker.py save-loop STORE SEED      save forever; print "id revision" after each save returns
store_worker.py save-many STORE SEED N GO say "opened", save N new drafts once the file GO exists; print the ids
store_worker.py hold-lock STORE           take the store's lock, print "locked", wait to be killed
store_worker.py hold-quietly LOCKFILE     take the OS lock on it without writing a note, the same
store_worker.py latvian STORE SEED        save and reload Latvian text; print the locale encoding
"""

from __future__ import annotations

import locale
import sys
import time
from pathlib import Path

from kopsavilkums import exchange
from kopsavilkums.store import DraftStore


def save_loop(path: str, seed: str) -> None:
    report = exchange.read(seed)
    with DraftStore(path) as store:
        print("ready", flush=True)
        updated = store.save(report)
        revision = 1
        while True:
            new_id = store.save(report)
            print(f"{new_id} 1", flush=True)
            revision += 1
            report.title = f"revision {revision}"
            store.save(report, updated)
            print(f"{updated} {revision}", flush=True)


def save_many(path: str, seed: str, count: str, go: str) -> None:
    report = exchange.read(seed)
    with DraftStore(path) as store:
        print("opened", flush=True)
        while not Path(go).exists():
            time.sleep(0.001)
        for _ in range(int(count)):
            print(store.save(report), flush=True)


def hold_lock(path: str) -> None:
    store = DraftStore(path)
    store._storage.lock.acquire()
    print("locked", flush=True)
    time.sleep(3600)


def hold_quietly(lock_file: str) -> None:
    from kopsavilkums.store.locking import try_hold

    assert try_hold(Path(lock_file)) is not None
    print("locked", flush=True)
    time.sleep(3600)


def latvian(path: str, seed: str) -> None:
    report = exchange.read(seed)
    report.title = "Kopsavilkums — ĀČĒĢĪĶĻŅŠŪŽ āčēģīķļņšūž"
    with DraftStore(path) as store:
        draft_id = store.save(report)
    with DraftStore(path) as store:
        assert store.load(draft_id) == report
    print(draft_id, locale.getpreferredencoding(False))


if __name__ == "__main__":
    command, *arguments = sys.argv[1:]
    {
        "save-loop": save_loop,
        "save-many": save_many,
        "hold-lock": hold_lock,
        "hold-quietly": hold_quietly,
        "latvian": latvian,
    }[command](*arguments)
