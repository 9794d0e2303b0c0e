"""The official document's wording (the print model), without drawing a PDF."""

from datetime import date
from decimal import Decimal

from kopsavilkums import official
from kopsavilkums.report import BudgetRow, Period


def _row(model, key):
    return next(row for row in model.rows if row.label == official.LABELS[key])


def test_one_amount_per_year_prints_once_as_the_published_summaries_give_it(seed_report):
    seed_report.budget = [BudgetRow(2019, None, Decimal("31830.96")), BudgetRow(2020, None, None)]
    table = _row(official.build(seed_report), "budget").blocks[0]
    assert table.header == ("Gads", "Faktiski izlietots")
    assert table.rows[0] == ("2019.gads", "31\u00a0830,96\u00a0euro") and table.rows[1] == ("2020.gads", "")


def test_planned_and_actual_print_side_by_side_when_a_plan_is_given(complete_report):
    table = _row(official.build(complete_report), "budget").blocks[0]
    assert table.header == ("Gads", "Plānots", "Faktiski izlietots") and len(table.total) == 2


def test_a_short_explanation_follows_its_amount_in_brackets(seed_report):
    seed_report.irregular_expenditure.amount = Decimal("146.90")
    seed_report.irregular_expenditure.explanation = "reprezentācijas izdevumi"
    blocks = _row(official.build(seed_report), "irregular_expenditure").blocks
    assert [b.text for b in blocks] == ["146,90\u00a0euro (reprezentācijas izdevumi)"]
    seed_report.irregular_expenditure.explanation = "Pirmā rinda.\nOtrā rinda."
    blocks = _row(official.build(seed_report), "irregular_expenditure").blocks
    assert [b.text for b in blocks] == ["146,90\u00a0euro", "Pirmā rinda.\nOtrā rinda."]


def test_an_e_signed_summary_says_so_instead_of_a_signature_line_and_date(complete_report):
    by_hand = official.build(complete_report)
    assert [label for label, _ in by_hand.signature][1:] == ["Paraksts", "Datums"]
    assert by_hand.e_signature_note == ""
    complete_report.signatory.signing = "e_signature"
    complete_report.signatory.date = date(2024, 1, 29)  # the time stamp is the date; not printed
    e_signed = official.build(complete_report)
    assert [label for label, _ in e_signed.signature] == [official.REPRESENTATIVE]
    assert e_signed.e_signature_note == "DOKUMENTS IR PARAKSTĪTS AR DROŠU ELEKTRONISKO PARAKSTU UN SATUR LAIKA ZĪMOGU"


def test_the_period_prints_the_latvian_way(complete_report):
    complete_report.period = Period(date(2021, 4, 1), date(2023, 12, 31))
    assert _row(official.build(complete_report), "period").blocks[0].text == "01.04.2021. – 31.12.2023."
