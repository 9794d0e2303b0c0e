"""One way in for every input: :func:`read_any` for bytes, :func:`read_path` for a file.

The input is recognised by its content (:mod:`~kopsavilkums.convert.detect`), then the readers
of that kind in :data:`READERS` are tried in order; a reader that returns None passes the input
on. An exact reader of a format (the read-back of a Word file or web page Kopsavilkums wrote
itself) goes in front of the general one::

    READERS.insert(0, Reader(Kind.DOCX, read_own_docx))   # returns None for other Word files

Whatever the input, the result is an :class:`Imported` or an :class:`ImportRefused` with one
clear line — never another exception, a hang, or memory without bound.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from kopsavilkums import exchange, userfile
from kopsavilkums.convert.detect import Kind, detect, web_archive_page
from kopsavilkums.convert.imported import MAX_INPUT_BYTES, Imported, ImportRefused
from kopsavilkums.convert.readers.fitting import fit
from kopsavilkums.convert.readers.import_notes import ACCEPTED
from kopsavilkums.fields import field
from kopsavilkums.messages import Message, count_lv


@dataclass(frozen=True)
class Reader:
    kind: Kind
    read: Callable[[bytes], Imported | None]  # None: not this reader's input, try the next one


def read_draft(data: bytes) -> Imported:
    try:
        return Imported(exchange.loads(data), "draft", exact=True)
    except exchange.ExchangeError as exc:
        raise ImportRefused(exc.message) from None


def _read_pdf(data: bytes) -> Imported:
    from kopsavilkums.convert.readers.pdf import read_pdf

    if b"/ByteRange" in data:  # signatures.may_be_signed: only then are they (and pyHanko) imported
        from kopsavilkums.convert.readers.signed_pdf import read_signed_pdf

        return read_signed_pdf(data, read_pdf)
    return read_pdf(data)


def _read_own_docx(data: bytes) -> Imported | None:
    from kopsavilkums.convert.own.word import import_own_docx
    from kopsavilkums.convert.writers.word import shown_fingerprint

    imported = import_own_docx(data, made_from=shown_fingerprint)  # exact only if the draft makes what it shows
    if imported is None:
        # python-docx's parts and package refer to each other: the file it parsed is freed by the
        # garbage collector only, so now, before the general reader parses the same file again
        # (two trees of a large file at once: 1.5 GB instead of 800 MB; a collection costs ms).
        gc.collect()
    return imported


def _read_own_html(data: bytes) -> Imported | None:
    from kopsavilkums.convert.own.web_page import import_own_html

    return import_own_html(data)


def _read_docx(data: bytes) -> Imported:
    from kopsavilkums.convert.readers.by_labels import table_or_labels  # any layout, when no table holds the rows
    from kopsavilkums.convert.readers.word import read_docx
    from kopsavilkums.convert.readers.word_blocks import read_docx_by_labels

    return table_or_labels(lambda: read_docx(data), lambda: read_docx_by_labels(data))


def _read_html(data: bytes) -> Imported:
    from kopsavilkums.convert.readers.by_labels import table_or_labels
    from kopsavilkums.convert.readers.web_page import read_html
    from kopsavilkums.convert.readers.web_page_blocks import read_html_by_labels

    return table_or_labels(lambda: read_html(data), lambda: read_html_by_labels(data))


def _read_web_archive(data: bytes) -> Imported:
    page = web_archive_page(data)
    if page is None:
        raise ImportRefused(Message("Tīmekļa arhīvā nav HTML lapas.", "The web archive holds no HTML page."))
    return _read_html(page)


def _read_text(data: bytes) -> Imported:
    from kopsavilkums.convert.readers.text import read_text

    return read_text(data)


#: Tried in this order, those of the input's kind only: a Word file or web page Kopsavilkums wrote
#: itself is read back exactly (or, edited, as it shows now); any other goes to the general reader.
READERS: list[Reader] = [
    Reader(Kind.DRAFT, read_draft),
    Reader(Kind.PDF, _read_pdf),
    Reader(Kind.DOCX, _read_own_docx),
    Reader(Kind.DOCX, _read_docx),
    Reader(Kind.HTML, _read_own_html),
    Reader(Kind.HTML, _read_html),
    Reader(Kind.WEB_ARCHIVE, _read_web_archive),
    Reader(Kind.TEXT, _read_text),
]

TOO_LARGE = Message(
    f"Fails ir lielāks par {MAX_INPUT_BYTES // 2**20} MB; tas netiek lasīts.",
    f"The file is larger than {MAX_INPUT_BYTES // 2**20} MB; it is not read.",
)


def read_any(data: bytes, name: str = "", readers: Sequence[Reader] | None = None) -> Imported:
    """Read a summary from ``data``, whatever it is called (``name`` is not used to decide)."""
    if len(data) > MAX_INPUT_BYTES:
        raise ImportRefused(TOO_LARGE)
    try:
        kind = detect(data)
        for reader in READERS if readers is None else readers:
            if reader.kind != kind:
                continue
            if (result := reader.read(data)) is not None:
                _check_rows(result.report)
                fit(result)  # never more than a draft file can hold
                if (named := _named_kind(name)) and named != kind:
                    result.notes.insert(0, _misnamed(name, kind))
                return result
    except ImportRefused:
        raise
    except (Exception, RecursionError) as exc:
        # A fault of ours, not of the input: still one clear line for the user. The cause stays
        # attached (tests check that deliberate refusals have none).
        raise ImportRefused(
            Message(
                f"Kopsavilkums šo failu nevarēja nolasīt programmas kļūdas dēļ ({type(exc).__name__}); lūdzu, ziņojiet par to.",
                f"Kopsavilkums could not read this file because of an error in the program ({type(exc).__name__}); "
                "please report it.",
            )
        ) from exc
    raise ImportRefused(ACCEPTED)


def _check_rows(report) -> None:
    """A list longer than a draft file may hold is not a summary (and would slow everything after
    it: 400,000 budget years from a 17 MB page took minutes to check)."""
    for key in ("objectives", "indicators", "budget"):
        rows = len(getattr(report, key))
        if rows > exchange.MAX_ROWS:
            name = field(key).label
            raise ImportRefused(
                Message(
                    f"{name.lv}: {rows} {count_lv(rows, 'rinda', 'rindas')}; kopsavilkumā to var būt ne vairāk kā "
                    f"{exchange.MAX_ROWS}, "
                    "un fails netiek lasīts.",
                    f"{name.en}: {rows} rows; a summary holds at most {exchange.MAX_ROWS}, and the file is not read.",
                )
            )


_SUFFIXES = {
    ".json": Kind.DRAFT, ".pdf": Kind.PDF, ".docx": Kind.DOCX, ".html": Kind.HTML, ".htm": Kind.HTML,
    ".mht": Kind.WEB_ARCHIVE, ".mhtml": Kind.WEB_ARCHIVE, ".txt": Kind.TEXT,
}  # fmt: skip
_KIND_NAMES = {
    Kind.DRAFT: Message("melnraksta fails", "a draft file"),
    Kind.PDF: Message("PDF", "a PDF"),
    Kind.DOCX: Message("Word fails", "a Word file"),
    Kind.HTML: Message("tīmekļa lapa", "a web page"),
    Kind.WEB_ARCHIVE: Message("tīmekļa arhīvs", "a web archive"),
    Kind.TEXT: Message("teksts", "text"),
}


def _named_kind(name: str) -> Kind | None:
    return _SUFFIXES.get(Path(name).suffix.lower()) if name else None


def _misnamed(name: str, kind: Kind) -> Message:
    """The name says one kind, the content another: read as the content says, and say so."""
    return Message(
        f"{name}: pēc satura tas ir {_KIND_NAMES[kind].lv}, un tas nolasīts kā tāds.",
        f"{name}: by its content this is {_KIND_NAMES[kind].en}, and it was read as such.",
    )


def read_path(path: str | os.PathLike[str]) -> Imported:
    """Read a regular file (never a folder, a pipe or a device: :func:`kopsavilkums.userfile.read_bytes`
    checks before a byte is read), at most :data:`MAX_INPUT_BYTES` of it."""
    try:
        data = userfile.read_bytes(path, MAX_INPUT_BYTES)
    except userfile.FileProblem as exc:
        raise ImportRefused(exc.message) from None
    return read_any(data, Path(path).name or str(path))
