"""Every field of the field table survives every format the program writes and reads.

The report is built from the table (:mod:`tests.fieldtable`), never from a hand list, so a field
added to the table is checked here without a line changed. A field that does not come back is
named with the format that lost it.
"""

from __future__ import annotations

import io
import re

import docx
import pytest

from fieldtable import field_key, filled_report, lost, values
from kopsavilkums import fields
from kopsavilkums.convert.reading import read_any
from kopsavilkums.convert.writing import render
from kopsavilkums.fields import Kind
from kopsavilkums.report import BY_HAND, E_SIGNATURE

from .exporttools import needs_soffice, soffice_convert
from .through_formats import FORMATS, edited_in_word, published_lost

SIGNING = [BY_HAND, E_SIGNATURE]


def test_the_report_has_a_distinct_value_in_every_field():
    r = filled_report()
    shown = values(r)
    assert {field_key(path) for path in shown} == {f.key for f in fields.FIELDS if f.kind is not Kind.ROWS}
    texts = [v for v in shown.values() if isinstance(v, str)]
    assert len(set(texts)) == len(texts) and all(texts)
    assert r.irregular_expenditure.amount is not None and r.unrecovered_amount.amount is not None
    assert [i.carried_over for i in r.indicators] == [True, False]


@pytest.mark.parametrize("planned", [True, False], ids=["two amounts a year", "one amount a year"])
@pytest.mark.parametrize("signing", SIGNING)
@pytest.mark.parametrize("fmt", FORMATS)
def test_every_field_comes_back_from_each_format(fmt, signing, planned):
    report = filled_report(signing, planned=planned)
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
    back = read_any(soffice_convert(edited_in_word(written) if edited else written, ".docx", "docx"), "x.docx")
    assert back.exact is not edited
    missing = lost(report, back.report)
    assert not missing, "Word re-saved by LibreOffice lost:\n" + "\n".join(missing)


def test_every_field_of_the_official_rows_comes_back_from_the_published_text():
    missing = published_lost(filled_report())
    assert not missing, "the published text lost:\n" + "\n".join(missing)


def test_a_field_left_out_of_the_word_reader_is_named(monkeypatch):
    """The check itself: the reader of an edited Word file that forgets one field fails it."""
    from kopsavilkums.convert.own import word_as_shown

    report = filled_report()
    real = word_as_shown._Reading.value

    def forgetful(self, f, notes):
        return "" if f.key == "contract" else real(self, f, notes)

    monkeypatch.setattr(word_as_shown._Reading, "value", forgetful)
    missing = lost(report, FORMATS["Word as edited"](report))
    assert [re.sub(r":.*", "", m) for m in missing] == ["contract"]


def test_a_page_with_a_field_this_version_does_not_know_keeps_its_text_and_says_so():
    """A page a newer Kopsavilkums wrote, with a field added to its table: not read back exactly."""
    page = render(filled_report(), "html").decode("utf-8")
    page = page.replace("</td>", '<p>Projekta kods: <span data-field="projekta_kods">K-17 ģērbj</span></p></td>', 1)
    back = read_any(page.encode("utf-8"), "kopsavilkums.html")
    assert not back.exact and "does not know" in back.notes[0].en
    assert back.report.other_information.endswith("projekta_kods: K-17 ģērbj")


@pytest.mark.parametrize("known", ["contract", "assessment"], ids=["a value in a line", "a paragraph"])
def test_a_word_file_with_a_field_this_version_does_not_know_keeps_its_text_apart(known):
    """A Word file a newer Kopsavilkums wrote, its field's style unknown here (simulated by
    renaming the style of a field we know): its text is kept under its name, not glued onto the
    value before it."""
    from kopsavilkums.convert.own import word_styles

    report = filled_report()
    document = docx.Document(io.BytesIO(render(report, "docx")))
    style = word_styles.run_style_name(known) if known == "contract" else word_styles.paragraph_style_name(known)
    document.styles[style].name = word_styles.PREFIX + "Projekta kods"
    out = io.BytesIO()
    document.save(out)
    back = read_any(out.getvalue(), "kopsavilkums.docx")
    assert not back.exact
    assert f"Projekta kods: {report.value_at(known)}" in back.report.other_information
    assert lost(report, back.report) == [
        f"{known}: wrote {report.value_at(known)!r}, read ''",
        f"other_information: wrote {report.other_information!r}, read {back.report.other_information!r}",
    ]


def test_the_print_model_words_every_field_of_todays_table_by_its_name():
    """``official.WORDED`` names fields of the table only, and every field of an official row is
    among them: none of today's fields is printed as a ``Label: value`` line as well."""
    from kopsavilkums import official

    keys = {f.key for f in fields.FIELDS}
    assert official.WORDED.issubset(keys)
    assert [f.key for row in fields.ROWS for f in official.labelled_in_row(row.number)] == []
    assert official.labelled() == fields.fields_of(fields.Part.HEADER)
