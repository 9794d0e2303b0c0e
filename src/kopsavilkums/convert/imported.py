"""What every reader returns, and how it refuses."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from kopsavilkums.exchange import MAX_BYTES
from kopsavilkums.messages import Message, UserError
from kopsavilkums.report import Report

if TYPE_CHECKING:
    from kopsavilkums.signatures import Signature

#: Inputs larger than this are refused before they are parsed: a draft file's own limit.
MAX_INPUT_BYTES = MAX_BYTES


@dataclass
class Imported:
    """A report read from another format, and what the user should know about the reading."""

    report: Report
    source: str  # "draft", "pdf", "docx", "html", "text"
    #: What was not recognised and where it was put (never dropped), rows that were missing, …
    notes: list[Message] = field(default_factory=list)
    #: The draft came back exactly as it was written (a draft file, the draft a PDF carries, a
    #: Word file or web page Kopsavilkums wrote, unedited): nothing for the user to look over.
    exact: bool = False
    #: A signed PDF's signatures, oldest first (its draft is the signed revision's).
    signatures: list[Signature] = field(default_factory=list)


class ImportRefused(UserError):
    """The input is not a summary (or cannot be read at all); the message is one clear line."""


def reason(exc: BaseException) -> str:
    """A library's message as one short clear line (pypdf's and Python's can run over several
    lines, or be empty): for "… cannot be read (reason)"."""
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if len(text) <= 120 else text[:119] + "…"
