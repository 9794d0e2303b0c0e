"""Where the command line writes a document (``pdf``, ``convert``, ``export``): what it refuses
before any work, and why a write failed, said in the user's language.

Writing itself is :func:`kopsavilkums.fileio.atomic_write_bytes`: a new file is renamed into
place, so a symbolic link at the output's name is replaced, never followed (a link planted in a
shared folder cannot make the program write over another user's file).
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

from kopsavilkums.messages import Message


def is_the_input(output: str | os.PathLike[str], source: str | os.PathLike[str] | None) -> bool:
    """Whether writing ``output`` would replace the file being read (by any name or link to it):
    ``kopsavilkums pdf draft.kopsavilkums.json -o draft.kopsavilkums.json`` replaced the draft
    with a PDF, and ``convert page.html -o page.html`` the ministry's page with ours."""
    if source is None:
        return False
    try:
        return os.path.samefile(output, source)
    except (OSError, ValueError):  # either missing, unreadable or a NUL in the name
        return False


THE_INPUT = Message(
    "tas ir lasāmais fails; izvēlieties citu faila nosaukumu, lai tas netiktu pārrakstīts",
    "it is the file being read; choose another name, so that it is not written over",
)


def other_format(output: Path, named: Message) -> Message:
    """``pdf -o report.docx``: the ending names another format than the PDF the command writes
    (a PDF called .docx opens in nothing that expects Word)."""
    return Message(
        f"„{output.name}”: šis paplašinājums ir formātam „{named.lv}”, bet komanda pdf raksta PDF; "
        "lietojiet paplašinājumu .pdf vai komandu convert.",
        f'"{output.name}": this ending is that of a {named.en}, but the pdf command writes a PDF; '
        "use the ending .pdf, or the convert command.",
    )


def why_not_written(exc: OSError | ValueError) -> Message:
    """The reason an output could not be written, in both languages (the system's own text is
    English whatever the locale)."""
    if isinstance(exc, ValueError):  # a NUL character in the name
        return Message("nederīgs faila nosaukums", "not a valid file name")
    code = exc.errno
    if code == errno.ENOENT:
        return Message("šādas mapes nav", "there is no such folder")
    if code == errno.ENOTDIR:
        return Message("daļa no ceļa ir fails, nevis mape", "a part of the path is a file, not a folder")
    if code in (errno.EACCES, errno.EPERM):
        return Message("nav atļaujas tur rakstīt", "no permission to write there")
    if code == errno.EROFS:
        return Message("disks ir tikai lasāms", "the disk is read-only")
    if code in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return Message("disks ir pilns", "the disk is full")
    if code == errno.EFBIG:
        return Message("fails būtu lielāks, nekā atļauts", "the file would be larger than allowed")
    if code == errno.ENAMETOOLONG:
        return Message("nosaukums ir pārāk garš", "the name is too long")
    text = exc.strerror or str(exc)
    return Message(text, text)
