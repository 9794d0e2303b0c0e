"""The backups folder beside the drafts file: ``<stem>-backups/<stem>-<generation>.json``.

After every write the store adds a copy of what it wrote, named by the file's generation, and
rotates old copies away by the rule in :mod:`kopsavilkums.store.history`. Copies kept for good
(``<stem>-before-schema-1-<time>.json``) live here too and are never rotated.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, NamedTuple

import orjson

from kopsavilkums.fileio import TEMP_MARK, atomic_write_bytes
from kopsavilkums.store.history import State, Summary, must_keep, summarize

log = logging.getLogger(__name__)


class Backup(NamedTuple):
    number: int  # the generation it holds (older stores numbered them in sequence)
    path: Path
    size: int


class Backups:
    def __init__(self, data_path: Path, keep: int) -> None:
        self.data_path = data_path
        self.folder = data_path.parent / f"{data_path.stem}-backups"
        self.keep = max(1, keep)
        self._name = re.compile(re.escape(data_path.stem) + r"-(\d+)" + re.escape(data_path.suffix) + "$")
        # name → (size, summary): what a backup holds, without parsing it again
        self._summaries: dict[str, tuple[int, Summary | None]] = {}

    def listing(self) -> list[Backup]:
        """The rolling backups, oldest first."""
        try:
            entries = list(os.scandir(self.folder))
        except OSError:
            return []
        found = []
        for entry in entries:
            if match := self._name.match(entry.name):
                with contextlib.suppress(OSError):
                    found.append(Backup(int(match.group(1)), Path(entry.path), entry.stat().st_size))
        return sorted(found)

    def add(self, number: int, payload: bytes, summary: Summary) -> Backup:
        """Keep ``payload`` (the state of generation ``number``); raises OSError."""
        target = self.folder / f"{self.data_path.stem}-{number:06d}{self.data_path.suffix}"
        self._write(target, payload)
        self._summaries[target.name] = (len(payload), summary)
        return Backup(number, target, len(payload))

    def rotate(self, current: State, listing: list[Backup]) -> None:
        """Delete the backups beyond the newest ``keep``, except those that must stay."""
        staying = listing[-self.keep :]
        for backup in reversed(listing[: -self.keep]):  # newest first: the newest holder stays
            old = self.summary(backup)
            if old is not None and must_keep(old, self._summaries_of(staying), current):
                staying.append(backup)
                log.warning("kept %s: it is the last backup of drafts the drafts file lacks", backup.path)
                continue
            try:
                backup.path.unlink()
            except FileNotFoundError:
                pass
            except OSError as exc:  # not ours to remove (a folder of that name, say): leave it
                log.warning("could not remove the old backup %s: %s", backup.path, exc)
                continue
            self._summaries.pop(backup.path.name, None)

    def usable(self, parse: Callable[[bytes], Any]) -> Iterator[tuple[Backup, bytes, Any]]:
        """The backups that can be read and parsed, newest first, as (backup, bytes, tables)."""
        for backup in reversed(self.listing()):
            try:
                payload = backup.path.read_bytes()
                tables = parse(payload)
            except Exception as exc:  # a damaged backup is skipped, never fatal
                log.warning("backup %s is not usable: %s", backup.path, exc)
                continue
            self._summaries[backup.path.name] = (len(payload), summarize(tables))
            yield backup, payload, tables

    def summary(self, backup: Backup) -> Summary | None:
        """What ``backup`` holds (None: it cannot be read)."""
        known = self._summaries.get(backup.path.name)
        if known is not None and known[0] == backup.size:
            return known[1]
        try:
            summary = summarize(orjson.loads(backup.path.read_bytes()))
        except (OSError, orjson.JSONDecodeError):
            summary = None
        self._summaries[backup.path.name] = (backup.size, summary)
        return summary

    def copy_aside(self, name: str, payload: bytes) -> Path:
        """A copy kept for good (not rotated); raises OSError."""
        target = self.folder / name
        self._write(target, payload)
        return target

    def remove_temp_files(self) -> None:
        """Delete what a writer killed mid-copy left behind (call with the store's lock held)."""
        with contextlib.suppress(OSError):
            for leftover in self.folder.glob(f".{self.data_path.stem}-*{TEMP_MARK}*"):
                with contextlib.suppress(OSError):
                    leftover.unlink()

    def _summaries_of(self, backups: list[Backup]) -> Iterator[Summary]:
        for backup in reversed(backups):
            summary = self.summary(backup)
            if summary is not None:
                yield summary

    def _write(self, target: Path, payload: bytes) -> None:
        # Not fsynced: the drafts file already is, and a backup is checked before it is used.
        self.folder.mkdir(exist_ok=True, mode=0o700)
        atomic_write_bytes(target, payload, mode=0o600, durable=False)
