"""A signed PDF read as its draft: the draft comes from the revision that was signed, and the notes
say who signed, when, whether the signed bytes are intact and what changed after signing.

A signature (eParaksts adds one as an incremental update) covers the file up to the end of its
``/ByteRange``: that prefix is the file as it was signed, and its attachment is the signed draft.
A later revision may have replaced the attachment or changed the pages; that is said plainly, and
the signed one is taken.
"""

from __future__ import annotations

import io
from collections.abc import Callable

from kopsavilkums import signatures
from kopsavilkums.convert.imported import Imported
from kopsavilkums.messages import Message

REPLACED = Message(
    "Pēc parakstīšanas vēlāka PDF versija aizstāja pievienoto melnrakstu; ņemts parakstītais melnraksts.",
    "A later revision of the PDF replaced the attached draft after signing; the signed draft was taken.",
)
LATER_UNREADABLE = Message(
    "PDF versiju, kas pievienota pēc parakstīšanas, nevar nolasīt; ņemts parakstītais melnraksts.",
    "The revision added to the PDF after signing cannot be read; the signed draft was taken.",
)
PAGES_CHANGED = Message(
    "Pēc parakstīšanas vēlāka PDF versija mainīja lapas; melnraksts ņemts no parakstītās versijas.",
    "A later revision of the PDF changed the pages after signing; the draft was taken from the signed revision.",
)
NOT_INTACT = Message(
    "Neviens paraksts neatbilst parakstītajiem datiem; melnraksts ņemts no faila, kāds tas ir tagad.",
    "No signature matches the signed data; the draft was taken from the file as it is now.",
)


def read_signed_pdf(data: bytes, read_pdf: Callable[[bytes], Imported]) -> Imported:
    """``read_pdf`` on the signed revision of ``data``, with what its signatures say; a PDF with
    no signature after all (``/ByteRange`` only in its text) is read as any other."""
    try:
        found = signatures.examine(data)
    except signatures.SignaturesUnreadable as exc:
        imported = read_pdf(data)
        imported.notes.insert(0, exc.message)
        imported.exact = False
        return imported
    if not found:
        return read_pdf(data)
    notes = [signatures.describe(s) for s in found]
    basis = _signed_revision(found, len(data))
    if basis is None:
        imported = read_pdf(data)
        notes.append(NOT_INTACT)
    else:
        signed = data[: basis.signed_end]
        imported = read_pdf(signed)
        if basis.signed_end < len(data):
            notes += _later_changes(data, signed)
    imported.notes[:0] = notes
    imported.signatures = found
    imported.exact = False  # shown before it becomes a draft: the user reads what the signatures say
    return imported


def _signed_revision(found: list[signatures.Signature], size: int) -> signatures.Signature | None:
    """The latest intact signature of a person (a document timestamp if there is none)."""
    intact = [s for s in found if s.problem is None and s.intact and 0 < s.signed_end <= size]
    people = [s for s in intact if not s.timestamp_only]
    chosen = people or intact
    return max(chosen, key=lambda s: s.signed_end) if chosen else None


def _later_changes(data: bytes, signed: bytes) -> list[Message]:
    """What a later revision changed of what a reader sees: the attachments, the pages. Compared
    here on the files' own bytes, whatever revision the PDF reader takes its draft from, within
    the one budget that bounds what reading a PDF may inflate (and runs no external program)."""
    from kopsavilkums.convert.readers.pdf import bounded

    with bounded():
        now, then = _revision(data), _revision(signed)
    notes = []
    if now is None:
        notes.append(LATER_UNREADABLE)
        return notes
    if then is not None and now[0] != then[0]:
        notes.append(REPLACED)
    if then is not None and now[1] != then[1]:
        notes.append(PAGES_CHANGED)
    return notes


def _revision(data: bytes) -> tuple[dict[str, list[bytes]], list[bytes]] | None:
    """The attachments and each page's content of the file as ``data`` ends (None: unreadable)."""
    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        attachments = {name: list(contents) for name, contents in reader.attachments.items()}
        pages = []
        for page in reader.pages:
            contents = page.get_contents()
            pages.append(b"" if contents is None else contents.get_data())
        return attachments, pages
    except Exception:  # a third-party parser on untrusted input
        return None
