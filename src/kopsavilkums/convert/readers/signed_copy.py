"""A signed PDF to keep with its draft: read, its signature checked, and its draft compared with
a stored one. The store keeps what this found (:meth:`DraftStore.attach_signed_copy`)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from kopsavilkums import exchange, userfile
from kopsavilkums.convert.imported import MAX_INPUT_BYTES, Imported, ImportRefused
from kopsavilkums.messages import Message
from kopsavilkums.report import Report
from kopsavilkums.signatures import Signature

NOT_SIGNED = Message(
    "Šis PDF nav parakstīts (vai tā paraksts neatbilst parakstītajiem datiem); to nevar pievienot kā parakstīto kopiju.",
    "This PDF is not signed (or its signature does not match the signed data); it cannot be kept as the signed copy.",
)


@dataclass(frozen=True)
class SignedCopy:
    pdf: bytes
    #: The draft of the signed revision, with what the signatures say in its notes.
    imported: Imported
    #: The latest intact signature of a person: who signed, and when.
    signature: Signature

    def matches(self, report: Report) -> bool:
        """The signed draft is ``report`` (row ids aside, which each reading makes anew)."""
        return exchange.to_document(self.imported.report) == exchange.to_document(report)


def read_signed_copy(path: str | os.PathLike[str]) -> SignedCopy:
    """The signed PDF at ``path``; ImportRefused when it cannot be read or carries no intact
    signature (a copy is kept only for what was really signed)."""
    from kopsavilkums.convert.reading import read_any

    pdf = _read(path)
    copy = _copy(pdf, read_any(pdf, Path(path).name))
    if copy is None:
        raise ImportRefused(NOT_SIGNED)
    return copy


def signed_copy_of(path: str | os.PathLike[str], imported: Imported) -> SignedCopy | None:
    """The signed copy that ``imported`` (read from ``path``) is, if it is one."""
    if not imported.signatures:
        return None
    try:
        return _copy(_read(path), imported)
    except ImportRefused:
        return None


def _read(path: str | os.PathLike[str]) -> bytes:
    try:
        return userfile.read_bytes(path, MAX_INPUT_BYTES)
    except userfile.FileProblem as exc:
        raise ImportRefused(exc.message) from None


def _copy(pdf: bytes, imported: Imported) -> SignedCopy | None:
    intact = [s for s in imported.signatures if s.problem is None and s.intact and not s.timestamp_only]
    if imported.source != "pdf" or not intact:
        return None
    return SignedCopy(pdf, imported, max(intact, key=lambda s: s.signed_end))


def matching_draft(store_path: str | Path, copy: SignedCopy) -> str | None:
    """The stored draft (outside the trash) that the signed copy is a signed copy of. Read apart,
    read-only: loading through the window's store would make it think it had seen those revisions."""
    from kopsavilkums.store import DraftStore, StoreError

    try:
        with DraftStore(store_path, read_only=True) as store:
            for info in store.list():
                try:
                    if copy.matches(store.load(info.id)):
                        return info.id
                except StoreError:  # a damaged draft is simply not the one
                    continue
    except (StoreError, OSError):
        return None
    return None
