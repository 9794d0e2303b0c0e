from datetime import date
from decimal import Decimal

import pytest

from kopsavilkums.report import BudgetRow, Objective, Period, Report, following_period, next_report_from


def test_period_years_cover_every_calendar_year_touched():
    assert Period(date(2019, 8, 12), date(2020, 10, 31)).years() == [2019, 2020]
    assert Period(date(2021, 1, 1), date(2021, 12, 31)).years() == [2021]
    assert Period(date(2021, 1, 1), None).years() == []
    assert Period(date(2022, 1, 1), date(2021, 1, 1)).years() == []


def test_rows_get_distinct_stable_ids():
    a, b = Objective("a"), Objective("a")
    assert a.id != b.id
    report = Report(objectives=[a, b])
    report.objectives.reverse()
    assert [o.id for o in report.objectives] == [b.id, a.id]


def test_budget_follows_the_period_without_dropping_money():
    report = Report(period=Period(date(2019, 8, 12), date(2020, 10, 31)))
    report.budget = [BudgetRow(2018, Decimal("5.00")), BudgetRow(2019, Decimal("10.00")), BudgetRow(2017)]
    kept = report.sync_budget_years()
    assert [r.year for r in report.budget] == [2018, 2019, 2020]
    assert report.budget_row(2019).planned == Decimal("10.00")
    assert [r.year for r in kept] == [2018]  # has money: kept for the user to decide


def test_budget_total_sums_given_amounts_only():
    report = Report(budget=[BudgetRow(2019, Decimal("1.10"), None), BudgetRow(2020, Decimal("2.20"), None)])
    assert report.budget_total() == (Decimal("3.30"), None)


def test_next_report_keeps_the_task_and_clears_the_results(complete_report):
    nxt = next_report_from(complete_report)
    assert nxt.task == complete_report.task and nxt.performer == complete_report.performer
    assert [o.text for o in nxt.objectives] == [o.text for o in complete_report.objectives]
    assert [i.text for i in nxt.indicators] == [i.text for i in complete_report.indicators]
    assert all(i.achieved == "" and i.note == "" for i in nxt.indicators)
    assert nxt.assessment == "" and nxt.signatory.date is None
    assert nxt.period.start == date(2024, 1, 1)
    assert [b.year for b in nxt.budget] == nxt.period.years()
    assert all(b.is_empty for b in nxt.budget)
    assert {o.id for o in nxt.objectives}.isdisjoint(o.id for o in complete_report.objectives)


@pytest.mark.parametrize(
    "start, end, next_start, next_end",
    [
        (date(2023, 1, 1), date(2023, 12, 31), date(2024, 1, 1), date(2024, 12, 31)),  # leap year ahead
        (date(2021, 4, 1), date(2023, 12, 31), date(2024, 1, 1), date(2026, 9, 30)),  # 33 whole months
        (date(2019, 8, 12), date(2020, 8, 11), date(2020, 8, 12), date(2021, 8, 11)),  # a contract year
        (date(2019, 8, 12), date(2020, 10, 31), date(2020, 11, 1), date(2022, 1, 31)),  # ends with a month
        (date(2023, 3, 15), date(2023, 3, 20), date(2023, 3, 21), date(2023, 3, 26)),  # days
    ],
)
def test_the_next_period_follows_and_is_as_long(start, end, next_start, next_end):
    assert following_period(Period(start, end)) == Period(next_start, next_end)


def test_the_next_report_marks_indicator_texts_for_checking(complete_report):
    nxt = next_report_from(complete_report)
    assert all(i.carried_over for i in nxt.indicators)
    assert [i.planned for i in nxt.indicators] == [i.planned for i in complete_report.indicators]
    assert not any(o.text != p.text for o, p in zip(nxt.objectives, complete_report.objectives, strict=True))


def test_the_field_table_offers_the_signing_methods_the_model_knows():
    from kopsavilkums.fields import field
    from kopsavilkums.report import BY_HAND, SIGNING_METHODS, Signatory

    assert field("signatory.signing").choices == SIGNING_METHODS
    assert Signatory().signing == BY_HAND == SIGNING_METHODS[0]  # the first choice is the default


def test_every_field_of_the_table_can_be_set_and_read_by_its_key():
    """Readers that place values by field key (our own web page) need both ways for every field."""
    from kopsavilkums.fields import FIELDS, Kind

    samples = {Kind.DATE: date(2021, 3, 4), Kind.AMOUNT: Decimal("12.50"), Kind.FLAG: True, Kind.CHOICE: "e_signature"}
    report = Report()
    for f in FIELDS:
        if f.kind is Kind.ROWS or f.is_row_field:
            continue
        value = samples.get(f.kind, f"text of {f.key}")
        report.set_at(f.key, value)
        assert report.value_at(f.key) == value, f.key
    assert report.signatory.signing == "e_signature" and report.period.start == date(2021, 3, 4)
