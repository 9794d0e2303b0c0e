"""Every field of the field table survives every format the program writes and reads.

The report is built from the table (:mod:`tests.fieldtable`), never from a hand list, so a field
added to the table is checked here without a line changed. A field that does not come back is
named with the format that lost it.
"""

from __future__ import annotations

import io
import re

import docx
import lxml.html
import pytest

from fieldtable import field_key, filled_report, lost, values
from kopsavilkums import exchange, fields
from kopsavilkums.convert.reading import read_any
from kopsavilkums.convert.writing import render
from kopsavilkums.fields import Kind, Part
from kopsavilkums.report import BY_HAND, E_SIGNATURE, Report

from .exporttools import needs_soffice, soffice_convert


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


FORMATS = {
    "draft file": lambda r: exchange.loads(render(r, "draft")),
    "PDF (its attachment)": lambda r: _read(render(r, "pdf"), "kopsavilkums.pdf"),
    "Word as written": lambda r: _read(render(r, "docx"), "kopsavilkums.docx"),
    "Word as edited": lambda r: _read(edited_in_word(render(r, "docx")), "kopsavilkums.docx"),
    "web page as written": lambda r: _read(render(r, "html"), "kopsavilkums.html"),
    "web page as a browser saves it": lambda r: _read(saved_by_a_browser(render(r, "html")), "kopsavilkums.html"),
}
SIGNING = [BY_HAND, E_SIGNATURE]


def test_the_report_has_a_distinct_value_in_every_field():
    r = filled_report()
    shown = values(r)
    assert {field_key(path) for path in shown} == {f.key for f in fields.FIELDS if f.kind is not Kind.ROWS}
    texts = [v for v in shown.values() if isinstance(v, str)]
    assert len(set(texts)) == len(texts) and all(texts)
    assert r.irregular_expenditure.amount is not None and r.unrecovered_amount.amount is not None
    assert [i.carried_over for i in r.indicators] == [True, False]


@pytest.mark.parametrize("signing", SIGNING)
@pytest.mark.parametrize("fmt", FORMATS)
def test_every_field_comes_back_from_each_format(fmt, signing):
    report = filled_report(signing)
    missing = lost(report, FORMATS[fmt](report))
    assert not missing, f"{fmt} lost:\n" + "\n".join(missing)


@needs_soffice
@pytest.mark.parametrize("edited", [False, True], ids=["as written", "edited"])
@pytest.mark.parametrize("signing", SIGNING)
def test_every_field_comes_back_from_word_as_libreoffice_saves_it(signing, edited):
    """LibreOffice keeps what the file shows as it was (read back exactly); once edited, the
    file is read as LibreOffice wrote it: its styles, its runs."""
    report = filled_report(signing)
    written = render(report, "docx")
    saved = soffice_convert(edited_in_word(written) if edited else written, ".docx", "docx")
    back = read_any(saved, "kopsavilkums.docx")
    assert back.exact is not edited
    missing = lost(report, back.report)
    assert not missing, "Word re-saved by LibreOffice lost:\n" + "\n".join(missing)


#: What the published text carries: the title and the official rows (no header facts, no
#: signature, no marks a page cannot show), from the table.
PUBLISHED = {
    f.key for f in fields.FIELDS if f.part in (Part.HEADING, Part.ROW) and f.kind not in (Kind.ROWS, Kind.FLAG)
}


def _spaced(value: object) -> object:
    """The published text has one line per paragraph: white space inside a value is a space."""
    return " ".join(value.split()) if isinstance(value, str) else value


def test_every_field_of_the_official_rows_comes_back_from_the_published_text():
    report = filled_report()
    back = _read(render(report, "text"), "kopsavilkums.txt")
    for r in (report, back):  # compared as the text shows them
        for f in fields.FIELDS:
            if f.is_text and not f.is_row_field:
                r.set_at(f.key, _spaced(r.value_at(f.key)))
        for o in r.objectives:
            o.text = str(_spaced(o.text))
        for i in r.indicators:
            for key in fields.row_keys("indicators"):
                setattr(i, key, _spaced(getattr(i, key)))
    missing = lost(report, back, PUBLISHED)
    assert not missing, "the published text lost:\n" + "\n".join(missing)


def test_a_field_left_out_of_the_word_reader_is_named(monkeypatch):
    """The check itself: the reader of an edited Word file that forgets one field fails it."""
    from kopsavilkums.convert import docx_visible

    report = filled_report()
    real = docx_visible._Reading.value

    def forgetful(self, f, notes):
        return "" if f.key == "contract" else real(self, f, notes)

    monkeypatch.setattr(docx_visible._Reading, "value", forgetful)
    missing = lost(report, FORMATS["Word as edited"](report))
    assert [re.sub(r":.*", "", m) for m in missing] == ["contract"]
