"""The output formats, chosen by the output file's ending: ``convert … -o report.docx``.

``.kopsavilkums.json`` / ``.json`` the draft file, ``.pdf`` the printable PDF, ``.docx`` Word,
``.html`` / ``.htm`` a web page, ``.txt`` the published text shape. :func:`render` gives the bytes;
writing them (atomically, :func:`kopsavilkums.fileio.atomic_write_bytes`) is the caller's.
Each format's library is imported only when that format is made.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from kopsavilkums.messages import Message, UserError
from kopsavilkums.report import Report
from kopsavilkums.validation import Problem


@dataclass(frozen=True)
class OutputFormat:
    key: str  # "draft", "pdf", "docx", "html", "text"
    suffixes: tuple[str, ...]  # the first is the one to suggest
    name: Message  # for a file dialog's filter: "Word document"
    media_type: str
    make: Callable[[Report, list[Problem] | None], bytes]

    @property
    def suffix(self) -> str:
        return self.suffixes[0]


def _draft(report: Report, problems: list[Problem] | None) -> bytes:
    from kopsavilkums import exchange

    return exchange.dumps(report).encode("utf-8")


def _pdf(report: Report, problems: list[Problem] | None) -> bytes:
    from kopsavilkums.printing import render_pdf

    return render_pdf(report, problems)


def _docx(report: Report, problems: list[Problem] | None) -> bytes:
    from kopsavilkums.convert.writers.word import docx_bytes

    return docx_bytes(report, problems)


def _html(report: Report, problems: list[Problem] | None) -> bytes:
    from kopsavilkums.convert.writers.web_page import html_page

    return html_page(report, problems).encode("utf-8")


def _text(report: Report, problems: list[Problem] | None) -> bytes:
    from kopsavilkums.convert.writers.text import published_text

    return published_text(report, problems).encode("utf-8")


FORMATS: tuple[OutputFormat, ...] = (
    OutputFormat(
        "draft",
        (".kopsavilkums.json", ".json"),
        Message("Kopsavilkuma melnraksts", "Kopsavilkums draft"),
        "application/json",
        _draft,
    ),
    OutputFormat("pdf", (".pdf",), Message("PDF dokuments", "PDF document"), "application/pdf", _pdf),
    OutputFormat(
        "docx",
        (".docx",),
        Message("Word dokuments", "Word document"),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        _docx,
    ),
    OutputFormat("html", (".html", ".htm"), Message("Tīmekļa lapa", "Web page"), "text/html; charset=utf-8", _html),
    OutputFormat(
        "text",
        (".txt",),
        Message("Teksts publicēšanai", "Text as published"),
        "text/plain; charset=utf-8",
        _text,
    ),
)


def output_format(path: str | Path) -> OutputFormat:
    """The format an output file's name asks for (its ending, in any letter case)."""
    name = Path(path).name.lower()
    # Longest ending first: "x.kopsavilkums.json" is a draft file, not some other JSON.
    for suffix, fmt in sorted(((s, f) for f in FORMATS for s in f.suffixes), key=lambda sf: -len(sf[0])):
        if name.endswith(suffix) and len(name) > len(suffix):
            return fmt
    *rest, last = [s for f in FORMATS for s in f.suffixes]
    known = ", ".join(rest)
    raise UnknownFormat(
        Message(
            lv=f"„{Path(path).name}”: nezināms faila paplašinājums; kopsavilkumu var saglabāt kā {known} vai {last}.",
            en=f'"{Path(path).name}": unknown file ending; a summary can be saved as {known} or {last}.',
        )
    )


def format_by_key(key: str) -> OutputFormat:
    return next(f for f in FORMATS if f.key == key)


def render(report: Report, fmt: OutputFormat | str, problems: list[Problem] | None = None) -> bytes:
    """``report`` in ``fmt`` (an :class:`OutputFormat` or its key); ``problems`` defaults to final
    validation, which decides the ``MELNRAKSTS`` mark of the PDF, Word file and web page."""
    if isinstance(fmt, str):
        fmt = format_by_key(fmt)
    return fmt.make(report, problems)


class UnknownFormat(UserError, ValueError):
    """An output file name whose ending names no format we write."""
