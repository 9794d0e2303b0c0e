"""A Word .docx as NGOs keep their summaries, clean and ugly (written with python-docx in
docx_samples.py)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from kopsavilkums.convert.imported import ImportRefused
from kopsavilkums.convert.readers.import_notes import UNPLACED_MARKER
from kopsavilkums.convert.reading import read_any
from kopsavilkums.report import BY_HAND, E_SIGNATURE

from .docx_samples import clean_docx, not_a_summary_docx, ugly_docx


def english(imported) -> str:
    return "\n".join(n.en for n in imported.notes)


@pytest.fixture(scope="module")
def clean():
    return read_any(clean_docx(), "summary.docx")


def test_clean_word_file_fields(clean):
    r = clean.report
    assert clean.source == "docx"
    assert r.title == "Kopsavilkums par valsts pārvaldes uzdevuma izpildi vides izglītības jomā"
    assert r.task == "Vides izglītības pasākumu organizēšana Zemgales skolās"
    assert r.performer == "Biedrība „Zaļā Zemgale”"
    assert (r.period.start, r.period.end) == (date(2021, 4, 1), date(2022, 12, 31))


def test_clean_word_file_narrative_with_word_numbering(clean):
    r = clean.report
    assert (
        r.introduction == "Lai veicinātu vides izglītību Zemgales skolās, tika noteikti šādi valsts pārvaldes uzdevumi:"
    )
    # The objectives are numbered by Word (List Number): the numbers are not in their text.
    assert [o.text for o in r.objectives] == [
        "Organizēt vides nodarbības skolēniem.",
        'Sagatavot metodisko materiālu "Zaļā skola" skolotājiem.',
    ]
    assert [i.text for i in r.indicators] == [
        "Notikušas 48 nodarbības 31 skolā.",
        "Izdots metodiskais materiāls 300 eksemplāros.",
    ]
    assert r.assessment == "Finansējums izlietots atbilstoši līgumā paredzētajiem mērķiem."


def test_clean_word_file_budget_in_a_merged_cell_written_two_ways(clean):
    assert [(b.year, b.planned, b.actual) for b in clean.report.budget] == [
        (2021, None, Decimal("18400.00")),
        (2022, Decimal("42000.00"), Decimal("39517.44")),
    ]


def test_clean_word_file_lines_under_the_table(clean):
    r = clean.report
    assert r.irregular_expenditure.is_none and r.unrecovered_amount.is_none
    assert r.other_information == "Nodarbību saraksts pieejams biedrības mājaslapā."
    assert (r.signatory.name, r.signatory.position, r.signatory.date) == (
        "Anna Bērziņa",
        "Valdes priekšsēdētāja",
        date(2023, 1, 20),
    )
    assert r.signatory.signing == BY_HAND
    assert (r.prepared_by.name, r.prepared_by.phone, r.prepared_by.email) == (
        "Jānis Ozoliņš",
        "26123456",
        "janis@example.lv",
    )
    assert [n.en for n in clean.notes] == [
        "The place “Jelgavā” in “Jelgavā, 2023. gada 20. janvārī” is not kept in the summary; the date was read "
        "as the date of signing."
    ]


@pytest.fixture(scope="module")
def ugly():
    return read_any(ugly_docx())


def test_ugly_word_file_numbered_column_heading_row_and_rows_out_of_order(ugly):
    r = ugly.report
    assert r.title == "KOPSAVILKUMS par valsts pārvaldes uzdevuma izpildi sporta jomā"
    assert r.performer == 'Biedrība "Sporta klubs"'
    # the table is inside a content control; the words inserted with Track Changes count, the
    # deleted ones do not
    assert r.task == "Sporta sacensību rīkošana un tiesnešu apmācība"
    assert (r.period.start, r.period.end) == (date(2022, 8, 12), date(2023, 8, 11))  # "Periods", an em dash
    assert "The table's heading row “Nr. | Rādītājs | Informācija” was left out." in english(ugly)


def test_ugly_word_file_narrative_on_one_line_in_a_label_with_a_line_break(ugly):
    r = ugly.report
    assert r.introduction == "Klubs īstenoja šādus uzdevumus:"
    assert [o.text for o in r.objectives] == ["Rīkot sacensības.", "Apmācīt tiesnešus."]
    assert [i.text for i in r.indicators] == ["Notikušas 6 sacensības.", "Apmācīti 12 tiesneši."]
    assert r.assessment == "Mērķi sasniegti."


def test_ugly_word_file_budget_as_a_nested_table_and_soft_line_breaks(ugly):
    assert [(b.year, b.planned, b.actual) for b in ugly.report.budget] == [
        (2022, None, Decimal("12000.00")),
        (2023, None, Decimal("3000.00")),
    ]


def test_ugly_word_file_keeps_the_letterhead_and_the_unknown_line_under_the_table(ugly):
    r = ugly.report
    assert (r.irregular_expenditure.amount, r.irregular_expenditure.explanation) == (
        Decimal("25.00"),
        "soda nauda par kavētu atskaiti",
    )
    assert r.other_information == "\n".join(
        [
            UNPLACED_MARKER,
            "Biedrība „Sporta klubs”, reģ. Nr. 40008000000",
            "Pielikumā: sacensību protokoli uz 3 lapām.",
        ]
    )
    notes = english(ugly)
    assert "1 line above the table was not recognised" in notes
    assert "1 line under the table was not recognised" in notes
    assert "Row 7 (" in notes


def test_ugly_word_file_signature_table_and_e_signature(ugly):
    r = ugly.report
    assert (r.signatory.name, r.signatory.position) == ("Pēteris Kalns", "Valdes priekšsēdētājs")
    assert r.signatory.signing == E_SIGNATURE


def test_a_word_file_that_is_not_a_summary_is_refused():
    with pytest.raises(ImportRefused) as refused:
        read_any(not_a_summary_docx(), "ielugums.docx")
    assert "not a summary" in str(refused.value)
    assert refused.value.__cause__ is None


def test_a_form_template_rows_in_content_controls_placeholder_and_text_box():
    from .docx_samples import form_docx

    r = read_any(form_docx()).report
    assert r.performer == "Biedrība „Veidne”"  # a row inside a repeating section
    assert r.irregular_expenditure.is_none  # the grey placeholder is no value
    assert r.other_information == "Teksts pirms lodziņa.\nTeksts lodziņā."  # the text box once, not twice
