from datetime import date
from decimal import Decimal

import pytest

from kopsavilkums.fields import field
from kopsavilkums.report import AmountWithExplanation, BudgetRow, Indicator, Objective, Period, Report
from kopsavilkums.validation import Severity, has_errors, validate


def _problems(report, **kw):
    return {(p.path, p.severity.value): p for p in validate(report, **kw)}


def test_the_complete_example_is_valid_for_submission(complete_report):
    assert not has_errors(validate(complete_report, final=True))


def test_the_seed_points_out_its_empty_year_in_a_draft_and_forbids_it_in_the_copy_to_sign(seed_report):
    found = _problems(seed_report)
    assert ("budget[2020].actual", "warning") in found
    assert "2020" in found[("budget[2020].actual", "warning")].message.lv
    assert not has_errors(validate(seed_report, final=False))
    to_sign = _problems(seed_report, final=True)
    assert "0,00" in to_sign[("budget[2020].actual", "error")].message.lv
    seed_report.budget[1].actual = Decimal("0")  # "nothing was spent" said outright
    assert ("budget[2020].actual", "error") not in _problems(seed_report, final=True)


def test_a_planned_amount_alone_is_not_the_year_s_spending_in_the_copy_to_sign(complete_report):
    complete_report.budget[0].actual = None
    year = complete_report.budget[0].year
    assert not any(p.path == f"budget[{year}].actual" for p in validate(complete_report))
    assert (f"budget[{year}].actual", "error") in _problems(complete_report, final=True)


def test_an_empty_report_names_every_required_row():
    paths = {p.path for p in validate(Report(), final=True) if p.is_error}
    assert {
        "title",
        "task",
        "performer",
        "period.start",
        "period.end",
        "objectives",
        "indicators",
        "signatory.name",
        "signatory.position",
    } <= paths


def test_the_signatory_is_required_only_for_the_final_copy(complete_report):
    complete_report.signatory.name = ""
    assert _problems(complete_report, final=False)[("signatory.name", "warning")]
    assert _problems(complete_report, final=True)[("signatory.name", "error")]


def test_a_period_that_ends_before_it_starts(complete_report):
    complete_report.period = Period(date(2021, 5, 1), date(2021, 4, 1))
    assert ("period.end", "error") in _problems(complete_report)


def test_budget_years_must_match_the_period(complete_report):
    complete_report.budget = [BudgetRow(2021), BudgetRow(2024, Decimal("1.00"))]
    errors = [p for p in validate(complete_report) if p.path == "budget"]
    assert any("2022, 2023" in p.message.en for p in errors)  # missing years named
    assert any("2024" in p.message.en and "outside" in p.message.en for p in errors)


def test_negative_and_overspent_amounts(complete_report):
    complete_report.budget[0].planned = Decimal("-1.00")
    complete_report.budget[1].actual = Decimal("99999.00")
    found = _problems(complete_report)
    assert ("budget[2021].planned", "error") in found
    assert ("budget[2022].actual", "warning") in found


def test_unrecovered_cannot_exceed_irregular(complete_report):
    complete_report.irregular_expenditure = AmountWithExplanation(Decimal("100.00"), "x")
    complete_report.unrecovered_amount = AmountWithExplanation(Decimal("100.01"), "y")
    assert ("unrecovered_amount.amount", "error") in _problems(complete_report)
    complete_report.unrecovered_amount.amount = Decimal("100.00")
    assert ("unrecovered_amount.amount", "error") not in _problems(complete_report)


def test_an_indicator_short_of_its_plan_asks_for_a_reason(complete_report):
    complete_report.indicators = [Indicator("Semināri", "10", "7")]
    problem = _problems(complete_report)[("indicators[0].note", "warning")]
    assert problem.row_id == complete_report.indicators[0].id
    complete_report.indicators[0].note = "Divi atcelti Covid-19 dēļ."
    assert ("indicators[0].note", "warning") not in _problems(complete_report)


@pytest.mark.parametrize("field, limit", [("title", field("title").limit), ("assessment", field("assessment").limit)])
def test_text_over_the_limit_is_an_error(complete_report, field, limit):
    setattr(complete_report, field, "ā" * limit)
    assert (field, "error") not in _problems(complete_report)
    setattr(complete_report, field, "ā" * (limit + 1))
    assert (field, "error") in _problems(complete_report)


def test_narrative_limits_take_a_hundred_pages():
    assert min(field("introduction").limit, field("assessment").limit, field("other_information").limit) >= 300_000


def test_every_problem_reads_in_both_languages(seed_report):
    for problem in validate(
        Report(objectives=[Objective(""), Objective("")], indicators=[Indicator("", "1")]), final=True
    ) + validate(seed_report):
        assert problem.message.lv and problem.message.en and problem.message.lv != problem.message.en
        assert problem.severity in (Severity.ERROR, Severity.WARNING)


def test_characters_the_print_font_lacks_are_pointed_out(complete_report):
    complete_report.indicators[1].note = "Paldies 😀 中文"
    problem = _problems(complete_report)[("indicators[1].note", "warning")]
    assert problem.message.en.endswith("□: 😀") and problem.row_id == complete_report.indicators[1].id  # 中文: CJK face
    complete_report.indicators[1].note = "Latviešu ā č ē ģ ī ķ ļ ņ š ū ž, кириллица, <b>&amp;</b>\t"
    assert ("indicators[1].note", "warning") not in _problems(complete_report)


def test_the_copy_to_sign_needs_an_assessment_and_results_for_targets(complete_report):
    complete_report.assessment = ""
    complete_report.indicators[0].achieved = ""  # planned "24", achieved not given
    as_draft = {(p.path, p.severity) for p in validate(complete_report)}
    to_sign = {(p.path, p.severity) for p in validate(complete_report, final=True)}
    assert ("assessment", Severity.WARNING) in as_draft and ("assessment", Severity.ERROR) in to_sign
    assert ("indicators[0].achieved", Severity.ERROR) in to_sign


def test_an_indicator_told_as_a_sentence_alone_stays_allowed(seed_report):
    # The published example gives its results in the text, with no planned or achieved values.
    assert not any(p.path.startswith("indicators") for p in validate(seed_report, final=True))


def test_rows_carried_over_from_last_year_must_be_checked_before_signing(complete_report):
    complete_report.indicators[2].carried_over = True
    found = [p for p in validate(complete_report, final=True) if p.path == "indicators[2].text"]
    assert found and found[0].is_error and found[0].row_id == complete_report.indicators[2].id
    assert "previous report" in found[0].message.en


def test_an_e_signed_summary_needs_no_signing_date(complete_report):
    complete_report.signatory.date = None
    assert any(p.path == "signatory.date" for p in validate(complete_report, final=True))
    complete_report.signatory.signing = "e_signature"
    assert not any(p.path == "signatory.date" for p in validate(complete_report, final=True))


def test_text_an_import_could_not_place_must_be_moved_before_signing(complete_report):
    from kopsavilkums.validation import UNPLACED_MARKER

    complete_report.other_information += f"\n{UNPLACED_MARKER}\nRīgā, 2024. gada 29. janvārī"
    [as_draft] = [p for p in validate(complete_report) if p.path == "other_information"]
    [to_sign] = [p for p in validate(complete_report, final=True) if p.path == "other_information"]
    assert not as_draft.is_error and to_sign.is_error and "could not place" in to_sign.message.en
