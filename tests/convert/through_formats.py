"""A report through each format the program writes and back in, as a user's files go: written,
perhaps edited or re-saved by another program, read again. Shared by the test of every field
(``test_every_field.py``) and the test of a field added to the table (``added_fields.py``)."""

from __future__ import annotations

import io
import shutil
from collections.abc import Callable

import docx
import lxml.html

from fieldtable import lost
from kopsavilkums import exchange, fields
from kopsavilkums.convert.reading import read_any
from kopsavilkums.convert.writing import render
from kopsavilkums.fields import Kind, Part
from kopsavilkums.report import Report

from .exporttools import soffice_convert


def edited_in_word(data: bytes) -> bytes:
    """The Word file after someone edited it: a row's label gets a word more, so the file no
    longer matches what was written and is read as it shows itself."""
    document = docx.Document(io.BytesIO(data))
    document.tables[0].cell(0, 0).paragraphs[0].add_run(" (labots)")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def saved_by_a_browser(page: bytes) -> bytes:
    """Our page as a browser's *Save page* writes it: parsed and serialised again, attributes in
    another order, every letter beyond ASCII as a character reference."""
    root = lxml.html.document_fromstring(page.decode("utf-8"))
    for element in root.iter():
        if isinstance(element.tag, str) and len(element.attrib) > 1:
            attributes = list(element.attrib.items())
            element.attrib.clear()
            for name, value in reversed(attributes):
                element.set(name, value)
    return lxml.html.tostring(root, encoding="ascii", method="html", doctype="<!DOCTYPE html>")


def _read(data: bytes, name: str) -> Report:
    return read_any(data, name).report


def _libreoffice(data: bytes) -> bytes:
    return soffice_convert(data, ".docx", "docx")


#: Format → how a report comes back through it.
FORMATS: dict[str, Callable[[Report], Report]] = {
    "draft file": lambda r: exchange.loads(render(r, "draft")),
    "PDF (its attachment)": lambda r: _read(render(r, "pdf"), "kopsavilkums.pdf"),
    "Word as written": lambda r: _read(render(r, "docx"), "kopsavilkums.docx"),
    "Word as edited": lambda r: _read(edited_in_word(render(r, "docx")), "kopsavilkums.docx"),
    "web page as written": lambda r: _read(render(r, "html"), "kopsavilkums.html"),
    "web page as a browser saves it": lambda r: _read(saved_by_a_browser(render(r, "html")), "kopsavilkums.html"),
}
#: Formats LibreOffice has a hand in (tests skip them where it is not installed).
LIBREOFFICE: dict[str, Callable[[Report], Report]] = {
    "Word as LibreOffice re-saves it": lambda r: _read(_libreoffice(render(r, "docx")), "kopsavilkums.docx"),
    "Word edited, then re-saved by LibreOffice": lambda r: _read(
        _libreoffice(edited_in_word(render(r, "docx"))), "kopsavilkums.docx"
    ),
}
HAVE_LIBREOFFICE = shutil.which("soffice") is not None

#: The modules a field's way through each format runs through: where a field that does not
#: come back needs to be known.
MODULES = {
    "draft file": "exchange.py",
    "PDF (its attachment)": "exchange.py, printing/attachment.py",
    "Word as written": "exchange.py, convert/own/word_package.py, convert/own/word.py",
    "Word as edited": "official.py, convert/writers/tagged_runs.py, convert/own/word_styles.py, convert/writers/word.py, "
    "convert/own/word_as_shown.py",
    "web page as written": "official.py, convert/writers/tagged_runs.py, convert/writers/web_page.py, convert/own/web_page.py",
    "web page as a browser saves it": "convert/writers/web_page.py, convert/own/web_page.py",
    "the published text": "official.py, convert/writers/text.py, convert/readers/text.py, convert/readers/summary_rows.py",
}
MODULES["Word as LibreOffice re-saves it"] = MODULES["Word as written"]
MODULES["Word edited, then re-saved by LibreOffice"] = MODULES["Word as edited"]


def published_keys() -> set[str]:
    """What the published text carries: the title and the official rows (no header facts, no
    signature, no marks a page cannot show), from the table."""
    return {f.key for f in fields.FIELDS if f.part in (Part.HEADING, Part.ROW) and f.kind not in (Kind.ROWS, Kind.FLAG)}


def _spaced(value: object) -> object:
    """The published text has one line per paragraph: white space inside a value is a space."""
    return " ".join(value.split()) if isinstance(value, str) else value


def _as_published(r: Report) -> None:
    for f in fields.FIELDS:
        if f.is_text and not f.is_row_field:
            r.set_at(f.key, _spaced(r.value_at(f.key)))
    for o in r.objectives:
        o.text = str(_spaced(o.text))
    for i in r.indicators:
        for key in fields.row_keys("indicators"):
            setattr(i, key, _spaced(getattr(i, key)))


def published_lost(report: Report) -> list[str]:
    """The fields of the official rows that the published text does not give back (white space
    inside a value compared as the text shows it: one space)."""
    back = _read(render(report, "text"), "kopsavilkums.txt")
    expected = report.copy()
    _as_published(expected)
    _as_published(back)
    return lost(expected, back, published_keys())
