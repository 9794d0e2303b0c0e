"""The official document's wording (the print model), without drawing a PDF."""

from datetime import date
from decimal import Decimal

from kopsavilkums import official
from kopsavilkums.official import Run
from kopsavilkums.report import BudgetRow, Indicator, Period


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


def _details(model):
    return [b for b in _row(model, "description").blocks if isinstance(b, official.Numbered) and b.number.endswith(")")]


def test_an_indicators_details_are_worded_once_each_value_naming_its_field(complete_report):
    complete_report.indicators = [Indicator(""), Indicator("Apmācīti jaunieši", " 24 ", "26", "Vairāk, nekā cerēts.")]
    (shown,) = _details(official.build(complete_report))
    assert shown.details == "Plānots: 24; sasniegts: 26. Vairāk, nekā cerēts."
    assert shown.detail_runs == (
        Run("Plānots: "),
        Run("24", "indicators[1].planned"),  # the row's place in the report, the empty one counted
        Run("; sasniegts: "),
        Run("26", "indicators[1].achieved"),
        Run("."),
        Run(" "),
        Run("Vairāk, nekā cerēts.", "indicators[1].note"),
    )
    complete_report.indicators[1].planned = "  "
    (shown,) = _details(official.build(complete_report))
    assert shown.details == "Sasniegts: 26. Vairāk, nekā cerēts."
    complete_report.indicators[1].achieved = ""
    (shown,) = _details(official.build(complete_report))
    assert shown.detail_runs == (Run("Vairāk, nekā cerēts.", "indicators[1].note"),)


def test_who_signs_and_who_prepared_it_are_runs_of_their_fields(complete_report):
    complete_report.signatory.name, complete_report.signatory.position = "Anna Bērziņa ", "valdes locekle"
    complete_report.signatory.date = date(2024, 1, 29)
    complete_report.prepared_by.name, complete_report.prepared_by.phone = "  ", "29123456"
    complete_report.prepared_by.email = "anna@example.lv"
    model = official.build(complete_report)
    assert model.signature == [
        (official.REPRESENTATIVE, "Anna Bērziņa, valdes locekle"),
        (official.SIGNATURE, ""),
        (official.DATE, "29.01.2024."),
    ]
    assert model.signature_lines[0].runs == (
        Run("Anna Bērziņa", "signatory.name"),
        Run(", "),
        Run("valdes locekle", "signatory.position"),
    )
    assert model.signature_lines[2].runs == (Run("29.01.2024.", "signatory.date"),)
    assert model.prepared_by == "tālr. 29123456, e-pasts anna@example.lv"
    assert [run.path for run in model.prepared_by_runs] == [None, "prepared_by.phone", None, None, "prepared_by.email"]


def test_an_amount_and_its_explanation_are_runs_of_their_fields(seed_report):
    seed_report.irregular_expenditure.amount = Decimal("146.90")
    seed_report.irregular_expenditure.explanation = "reprezentācijas izdevumi"
    (block,) = _row(official.build(seed_report), "irregular_expenditure").blocks
    assert block.runs == (
        Run("146,90\u00a0euro", "irregular_expenditure.amount"),
        Run(" ("),
        Run("reprezentācijas izdevumi", "irregular_expenditure.explanation"),
        Run(")"),
    )
    (none,) = _row(official.build(seed_report), "unrecovered_amount").blocks
    assert none.runs == (Run(official.NONE, "unrecovered_amount.explanation"),)  # Nav stands for the empty explanation
    seed_report.period = Period(date(2021, 4, 1), None)
    (period,) = _row(official.build(seed_report), "period").blocks
    assert [(run.text, run.path) for run in period.runs] == [
        ("01.04.2021.", "period.start"),
        (" – ", None),
        ("…", "period.end"),
    ]
