"""The draft store: every draft in one TinyDB file, safe for several windows and processes."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar, cast

from tinydb import TinyDB
from tinydb.table import Document, Table

from kopsavilkums.messages import Message
from kopsavilkums.report import Report, new_id
from kopsavilkums.store import migrations, records
from kopsavilkums.store.errors import ConflictError, DraftNotFound, StoreError
from kopsavilkums.store.records import DraftInfo
from kopsavilkums.store.repair import RepairNotice
from kopsavilkums.store.signed_copies import SignedCopies
from kopsavilkums.store.storage import SafeJSONStorage

T = TypeVar("T")


class _DraftTable(Table):
    """TinyDB's table with draft ids (short strings the command line can show) as document ids.

    TinyDB builds every id with ``document_id_class`` at run time, but its type hints say ids are
    ``int``. The methods below are the one place where the two meet; the store uses only them.
    """

    document_id_class = str  # type: ignore[assignment]  # TinyDB's hint: type[int]

    def draft(self, draft_id: str) -> Document | None:
        return self.get(doc_id=_doc_id(draft_id))

    def has(self, draft_id: str) -> bool:
        return self.contains(doc_id=_doc_id(draft_id))

    def add(self, draft_id: str, record: dict[str, Any]) -> None:
        self.insert(Document(record, doc_id=_doc_id(draft_id)))

    def replace(self, draft_id: str, record: dict[str, Any]) -> None:
        # Every record carries every key, so TinyDB's field-by-field update replaces it whole.
        self.update(record, doc_ids=[_doc_id(draft_id)])

    def drop(self, draft_id: str) -> None:
        self.remove(doc_ids=[_doc_id(draft_id)])

    def drafts(self) -> Iterator[tuple[str, Document]]:
        for document in self:
            yield cast(str, document.doc_id), document


def _doc_id(draft_id: str) -> int:
    return cast(int, draft_id)  # a str at run time (document_id_class); see _DraftTable


class _Database(TinyDB):
    table_class = _DraftTable


class DraftStore:
    """Drafts in one JSON file (``drafts.json`` in the data folder).

    Every method is safe to call from any thread (one lock serialises them), and every change is
    a locked read-modify-write of the file, re-read first when another process changed it. The
    store remembers the revision of each draft it loaded or saved: saving over a revision written
    elsewhere since raises :class:`ConflictError` and changes nothing, unless ``force=True``.
    """

    def __init__(
        self, path: str | Path, *, read_only: bool = False, lock_timeout: float = 10.0, backups: int = 5
    ) -> None:
        """``read_only=True`` (the command line's ``list``, ``export``, ``pdf``) never waits for
        the lock a writer holds and never creates or upgrades the file or its folder; changing
        methods refuse. A store that cannot be created raises :class:`StoreUnwritable`."""
        self.path = Path(path)
        self.read_only = read_only
        self._mutex = threading.RLock()
        self._known: dict[str, int] = {}
        self._db = _Database(
            self.path,
            storage=SafeJSONStorage,
            validate=records.check_database,
            backups=backups,
            lock_timeout=lock_timeout,
            create=not read_only,
        )
        storage = self._db.storage
        assert isinstance(storage, SafeJSONStorage)  # TinyDB types it as the Storage it was given
        self._storage = storage
        drafts = self._db.table(migrations.DRAFTS_TABLE, cache_size=0)  # no query cache: others write too
        assert isinstance(drafts, _DraftTable)  # TinyDB types it as its base Table
        self._drafts = drafts
        self._closed = False
        self._signed = SignedCopies(self.path)
        try:
            self._open()
        except BaseException:
            self._storage.close()
            raise

    @property
    def repaired(self) -> RepairNotice | None:
        """Set when the file was found damaged, replaced by an older or emptied copy, or missing,
        and was repaired (from a backup); a new repair sets a new notice."""
        return self._storage.notice

    # ------------------------------------------------------------------ reading

    def load(self, draft_id: str) -> Report:
        with self._mutex:
            record = self._record(draft_id)
            self._known[draft_id] = record["revision"]
            return records.report_of(draft_id, record)

    def revision_seen(self, draft_id: str | None) -> int | None:
        """The revision of ``draft_id`` this store last loaded or saved (None: not yet).
        Without the lock (one dict read is atomic): the UI thread never waits behind a save."""
        return None if draft_id is None else self._known.get(draft_id)

    def info(self, draft_id: str) -> DraftInfo:
        with self._mutex:
            return records.info_of(draft_id, self._record(draft_id))

    def list(self, *, trashed: bool = False) -> list[DraftInfo]:
        """Drafts outside the trash (or, with ``trashed=True``, those in it), newest change first."""
        with self._mutex:
            self._check_open()
            infos = [
                records.info_of(draft_id, doc) for draft_id, doc in self._drafts.drafts() if doc["trashed"] == trashed
            ]
        return sorted(infos, key=lambda info: (info.modified, info.id), reverse=True)

    # ------------------------------------------------------------------ changing

    def save(self, report: Report, draft_id: str | None = None, *, force: bool = False) -> str:
        """Store ``report`` as a new draft (``draft_id`` None) or as the next revision of one.

        The report itself is not changed or kept; if saving fails the caller still has it.
        """
        with self._writing():
            when = records.now()
            if draft_id is None:
                draft_id = self._unused_id()
                record = records.new_record(report, when)
                self._drafts.add(draft_id, record)
            else:
                current = self._drafts.draft(draft_id)
                if current is None:
                    if draft_id in self._known and not force:
                        raise ConflictError(
                            Message(
                                lv=f"melnraksts {draft_id} citur dzēsts pavisam; saglabājiet to kā jaunu melnrakstu",
                                en=f"the draft {draft_id} was deleted for good elsewhere; save it as a new draft",
                            )
                        )
                    if not force:
                        raise DraftNotFound(draft_id)
                    record = records.new_record(report, when)
                    self._drafts.add(draft_id, record)
                else:
                    known = self._known.get(draft_id)
                    if known is not None and known != current["revision"] and not force:
                        raise ConflictError(
                            Message(
                                lv=f"melnrakstu {draft_id} kāds mainīja citur (versija {current['revision']}, "
                                f"šī kopija ir versija {known}); nekas netika saglabāts",
                                en=f"the draft {draft_id} was changed elsewhere (revision {current['revision']}, "
                                f"this copy is revision {known}); nothing was saved",
                            )
                        )
                    record = records.updated_record(current, report, when)
                    self._drafts.replace(draft_id, record)
            self._known[draft_id] = record["revision"]
            return draft_id

    def set_status(self, draft_id: str, status: str) -> None:
        if status not in records.STATUSES:
            raise ValueError(f"status must be one of {records.STATUSES}, not {status!r}")
        self._change(draft_id, lambda record: dict(record, status=status))

    def delete(self, draft_id: str) -> None:
        """Move a draft to the trash (``restore`` brings it back)."""
        self._change(
            draft_id,
            lambda record: record if record["trashed"] else dict(record, trashed=True, trashed_at=records.now()),
        )

    def restore(self, draft_id: str) -> None:
        self._change(
            draft_id, lambda record: dict(record, trashed=False, trashed_at=None) if record["trashed"] else record
        )

    def purge(self, draft_id: str) -> None:
        """Delete a draft for good. Only a draft already in the trash can be purged."""
        with self._writing():
            record = self._record(draft_id)
            if not record["trashed"]:
                raise StoreError(
                    Message(
                        lv=f"melnraksts {draft_id} nav atkritnē; vispirms to izdzēsiet",
                        en=f"the draft {draft_id} is not in the trash; delete it first",
                    )
                )
            self._drafts.drop(draft_id)
            self._known.pop(draft_id, None)
            self._sweep_signed_copies()

    # ------------------------------------------------------------------ the signed copy

    def attach_signed_copy(
        self, draft_id: str, pdf: bytes, *, signer: str, signed_at: datetime | None, timestamped: bool
    ) -> None:
        """Keep the signed PDF ``pdf`` with the draft (in place of one kept before) and mark the
        draft submitted: it was signed at ``signed_at``. The caller has checked the signature."""
        with self._writing():
            record = self._record(draft_id)
            digest = self._signed.keep(pdf)  # before the record that names it
            signed = {
                "sha256": digest,
                "signer": signer,
                "signed_at": signed_at.isoformat() if signed_at else None,
                "timestamped": timestamped,
            }
            self._drafts.replace(draft_id, dict(record, status="submitted", signed=signed))
            self._sweep_signed_copies()

    def signed_copy(self, draft_id: str) -> Path | None:
        """The signed PDF kept with the draft (None: none); StoreError if it has gone missing."""
        with self._mutex:
            signed = records.signed_record(self._record(draft_id).get("signed"))
        if signed is None:
            return None
        try:
            path = self._signed.path(signed["sha256"])
        except ValueError:
            path = None
        if path is None or not path.is_file():
            raise StoreError(
                Message(
                    lv=f"melnraksta {draft_id} parakstītā kopija nav atrodama mapē {self._signed.folder}",
                    en=f"the signed copy of the draft {draft_id} is missing from {self._signed.folder}",
                )
            )
        return path

    def _sweep_signed_copies(self) -> None:
        """Remove the signed copies no record names any more, in the file or in a backup (which
        a repair could bring back): a purged draft's goes once the backups naming it rotate away."""
        kept = self._signed.kept()
        if not kept:
            return
        named = set()
        for _draft_id, record in self._drafts.drafts():
            if (signed := records.signed_record(record.get("signed"))) is not None:
                named.add(signed["sha256"])
        for backup in self._storage.backups():
            try:
                payload = backup.read_bytes()
            except OSError:
                return  # cannot tell: keep them all
            named.update(digest for digest in kept if digest.encode() in payload)
        for digest in kept - named:
            self._signed.discard(digest)

    def duplicate(self, draft_id: str) -> str:
        """A new draft with the same content (and row ids), status ``draft``, outside the trash."""
        with self._writing():
            report = records.report_of(draft_id, self._record(draft_id))
            return self.save(report)

    # ------------------------------------------------------------------ lifetime

    def close(self) -> None:
        with self._mutex:
            if not self._closed:
                self._closed = True
                self._db.close()

    def __enter__(self) -> DraftStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------ inside

    def _open(self) -> None:
        if self.read_only:
            schema = migrations.schema_of(self._storage.read())
            if schema is not None and schema > migrations.SCHEMA_VERSION:
                raise self._too_new(schema)
            if schema is not None and schema < migrations.SCHEMA_VERSION:
                raise StoreError(
                    Message(
                        lv=f"{self.path} krātuves shēma ir {schema}; šis Kopsavilkums lasa shēmu {migrations.SCHEMA_VERSION}. "
                        "Atveriet to vienreiz programmā, lai to atjauninātu",
                        en=f"{self.path} has store schema {schema}; this Kopsavilkums reads schema {migrations.SCHEMA_VERSION}. "
                        "Open it once in the program to upgrade it",
                    )
                )
            return
        with self._storage.lock:
            self._storage.remove_temp_files()
            tables = self._storage.read()
            schema = migrations.schema_of(tables)
            if schema is None:  # a new store: write it now, so the file exists from the start
                meta = {migrations.META_TABLE: {migrations.META_ID: {"schema": migrations.SCHEMA_VERSION}}}
                self._storage.write(dict(tables or {}, **meta))
            elif schema > migrations.SCHEMA_VERSION:
                raise self._too_new(schema)
            elif schema < migrations.SCHEMA_VERSION:
                assert tables is not None  # schema_of found the schema in them
                self._storage.copy_aside(f"before-schema-{schema}")
                upgraded = migrations.migrate(tables, schema)
                records.check_database(upgraded)
                self._storage.write(upgraded)

    def _too_new(self, schema: int) -> StoreError:
        return StoreError(
            Message(
                lv=f"{self.path} ierakstījusi jaunāka Kopsavilkuma versija (krātuves shēma {schema}; šī pazīst līdz "
                f"{migrations.SCHEMA_VERSION}); tas netika mainīts. Atjauniniet Kopsavilkumu, lai to atvērtu",
                en=f"{self.path} was written by a newer Kopsavilkums (store schema {schema}; this one knows up to "
                f"{migrations.SCHEMA_VERSION}); it was not changed. Update Kopsavilkums to open it",
            )
        )

    @contextmanager
    def _writing(self) -> Iterator[None]:
        with self._mutex:
            self._check_open()
            if self.read_only:
                raise StoreError(
                    Message(lv="melnrakstu krātuve atvērta tikai lasīšanai", en="the draft store was opened read-only")
                )
            with self._storage.lock:
                yield

    def _change(self, draft_id: str, change: Callable[[dict[str, Any]], dict[str, Any]]) -> None:
        with self._writing():
            record = self._record(draft_id)
            changed = change(record)
            if changed is not record:
                self._drafts.replace(draft_id, changed)

    def _record(self, draft_id: str) -> dict[str, Any]:
        self._check_open()
        record = self._drafts.draft(str(draft_id))
        if record is None:
            raise DraftNotFound(draft_id)
        return record

    def _unused_id(self) -> str:
        while (candidate := new_id()) and self._drafts.has(candidate):
            pass
        return candidate

    def _check_open(self) -> None:
        if self._closed:
            raise StoreError(Message(lv="melnrakstu krātuve ir aizvērta", en="the draft store is closed"))
