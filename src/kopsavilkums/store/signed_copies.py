"""The signed copies kept with their drafts: ``<stem>-signed/<sha256>.pdf`` beside the drafts file.

Named by their content's hash, so a record (and every backup of it) names the file it means
whatever the folder is called or wherever it moved, and the same signed PDF is kept once. A copy
is written (durably) before the record that names it; one is removed (at a purge or a
replacement) only when no record, in the file or its backups, names it.
"""

from __future__ import annotations

import contextlib
import hashlib
import re
from pathlib import Path

from kopsavilkums.fileio import atomic_write_bytes

_NAME = re.compile(r"[0-9a-f]{64}\.pdf")


class SignedCopies:
    def __init__(self, data_path: Path) -> None:
        self.folder = data_path.parent / f"{data_path.stem}-signed"

    def keep(self, pdf: bytes) -> str:
        """Keep ``pdf`` (once); its hash, which names it. Raises OSError."""
        digest = hashlib.sha256(pdf).hexdigest()
        target = self.path(digest)
        if not (target.is_file() and target.stat().st_size == len(pdf)):
            self.folder.mkdir(exist_ok=True, mode=0o700)
            atomic_write_bytes(target, pdf, mode=0o600)
        return digest

    def path(self, digest: str) -> Path:
        if not _NAME.fullmatch(f"{digest}.pdf"):  # a record is data: never a path out of the folder
            raise ValueError(f"not a signed copy's hash: {digest!r}")
        return self.folder / f"{digest}.pdf"

    def kept(self) -> set[str]:
        """The hashes of the copies in the folder."""
        try:
            return {p.stem for p in self.folder.iterdir() if _NAME.fullmatch(p.name)}
        except OSError:
            return set()

    def discard(self, digest: str) -> None:
        with contextlib.suppress(OSError, ValueError):
            self.path(digest).unlink()
