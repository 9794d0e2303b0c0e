"""A PDF made by Kopsavilkums: it carries its draft file as an embedded file (a PDF attachment),
``kopsavilkums.json`` — or any ``*.kopsavilkums.json`` — which is read as a draft file.

A PDF without it is refused: its printed text is not read back (a PDF's text comes out in
pieces and guesses; the draft file is exact). Read with pypdf, which caps how far it inflates a
stream.
"""

from __future__ import annotations

import io
import logging

from kopsavilkums import exchange
from kopsavilkums.convert.common import Imported, ImportRefused
from kopsavilkums.convert.notes import ACCEPTED
from kopsavilkums.messages import Message

# pypdf warns about every flaw it repairs; with no handler configured Python would print those to
# stderr. The application's own logging still receives them.
logging.getLogger("pypdf").addHandler(logging.NullHandler())

#: The name the PDF writer gives the embedded draft.
ATTACHMENT = "kopsavilkums.json"


def _refused(lv: str, en: str) -> ImportRefused:
    return ImportRefused(Message(lv, en))


def _is_draft_name(name: str) -> bool:
    name = name.rsplit("/", 1)[-1].lower()
    return name == ATTACHMENT or name.endswith(exchange.SUFFIX)


def read_pdf(data: bytes) -> Imported:
    from pypdf import PdfReader  # imported only when a PDF is read (start-up time)

    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and not _opens_without_password(reader):
            raise _refused(
                "PDF ir šifrēts (aizsargāts ar paroli); Kopsavilkums to nevar nolasīt.",
                "The PDF is encrypted (protected by a password); Kopsavilkums cannot read it.",
            )
        attachments = reader.attachments
        names = sorted((n for n in attachments if _is_draft_name(n)), key=lambda n: n.lower() != ATTACHMENT)
        contents = attachments[names[0]] if names else []
    except ImportRefused:
        raise
    except Exception as exc:  # a third-party parser on untrusted input: any failure is "cannot read"
        raise _refused(
            f"PDF failu nevar nolasīt ({_short(exc)}).", f"The PDF cannot be read ({_short(exc)})."
        ) from None
    if not contents:
        raise _refused(
            "Šajā PDF nav Kopsavilkuma melnraksta (to nav veidojis Kopsavilkums). " + ACCEPTED.lv,
            "This PDF carries no Kopsavilkums draft (it was not made by Kopsavilkums). " + ACCEPTED.en,
        )
    try:
        report = exchange.loads(contents[0])
    except exchange.ExchangeError as exc:
        raise ImportRefused(exc.message.prefixed(f"PDF → {names[0]}")) from None
    return Imported(report, "pdf", exact=True)


def _opens_without_password(reader) -> bool:
    """Many PDFs are encrypted only to restrict printing or copying: an empty password opens them
    (AES needs the optional ``cryptography`` package, which Kopsavilkums does not require)."""
    try:
        return bool(reader.decrypt(""))
    except Exception:  # pypdf's DependencyError, a broken encryption dictionary …
        return False


def _short(exc: Exception) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if len(text) <= 120 else text[:119] + "…"
