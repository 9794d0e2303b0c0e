"""Budget tables of any shape (issue 16): years as rows or columns, one to three amount columns,
Latvian or English headings, every way of writing a year and an amount."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kopsavilkums.convert.readers.values import Read, read_amount_row, read_budget
from kopsavilkums.convert.reading import read_any

D = Decimal
TWO_YEARS = [(2022, D("1000.00"), D("900.00")), (2023, D("2000.00"), D("1950.50"))]


def budget(*lines: list[str]):
    read = Read()
    rows = read_budget([list(cells) for cells in lines], read)
    return [(r.year, r.planned, r.actual) for r in rows], read


@pytest.mark.parametrize(
    "lines",
    [
        # years as rows, two columns, Latvian headings
        (["Gads", "Plānots, EUR", "Faktiski izlietots, EUR"], ["2022.", "1000", "900"], ["2023.", "2000", "1950,50"]),
        # a third column: the difference, which is worked out again when printing
        (
            ["Gads", "Plānotais finansējums", "Izlietotais finansējums", "Starpība"],
            ["2022. gads", "1 000,00 €", "900,00 €", "100,00 €"],
            ["2023. gads", "2 000,00 €", "1 950,50 €", "49,50 €"],
        ),
        # English headings, amounts with the currency in front
        (
            ["Year", "Planned", "Spent", "Difference"],
            ["2022", "EUR 1 000.00", "EUR 900.00", "EUR 100.00"],
            ["2023", "EUR 2 000.00", "EUR 1 950.50", "EUR 49.50"],
        ),  # fmt: skip
        # years as columns
        (
            ["Gads", "2022.gads", "2023.gads"],
            ["Plānots", "1000 eiro", "2000 eiro"],
            ["Izlietots", "900 eiro", "1950,50 eiro"],
        ),
        (
            ["", "2022. gads", "2023. gads", "Kopā"],
            ["Planned", "1000", "2000", "3000"],
            ["Actual", "900", "1950.50", "2850.50"],
        ),
        # no-break and thin spaces between thousands
        (
            ["Gads", "Plānots", "Faktiski"],
            ["2022.", "1\u00a0000,00 eiro", "900,00\u2009eiro"],
            ["2023.", "2\u202f000", "1\u2009950,50"],
        ),
    ],
)
def test_budget_tables_of_any_shape_read_every_year_and_leave_nothing_behind(lines):
    rows, read = budget(*lines)
    assert rows == TWO_YEARS
    assert read.unplaced == [] and read.notes == []


def test_amounts_in_neighbouring_cells_are_never_joined_into_one():
    rows, _ = budget(["Gads", "Plānots", "Izlietots", "Atlikums"], ["2022.", "1000", "900", "100"])
    assert rows == [(2022, D("1000.00"), D("900.00"))]  # not 900 100


@pytest.mark.parametrize("line", ["2022. gads 1000 eiro", "2022. gads: plānots 1000 eiro, izlietots 900 eiro"])
def test_eiro_is_a_currency_and_the_line_is_not_copied_to_other_information(line):
    rows, read = budget([line])
    assert rows[0][0] == 2022 and rows[0][2] in (D("1000.00"), D("900.00"))
    assert read.unplaced == [] and read.notes == []


def test_eiro_after_an_irregular_amount():
    read = Read()
    amount = read_amount_row("irregular_expenditure", ["146,90 eiro (reprezentācijas izdevumi)"], read)
    assert (amount.amount, amount.explanation) == (D("146.90"), "reprezentācijas izdevumi")


def test_a_text_with_eiro_budget_lines_leaves_nothing_in_other_information():
    text = (
        "Valsts pārvaldes uzdevums\tJauniešu forumi\n"
        "Valsts pārvaldes uzdevuma veicējs\tBiedrība „Zaļā osta”\n"
        "Plānotais un faktiski izlietotais valsts budžeta finansējums\t2022. gads\t1 000,00 eiro\t900,00 eiro\n"
        "\t2023. gads\t2 000,00 eiro\t1 950,50 eiro\n"
        "Cita informācija\tNav\n"
    )
    imported = read_any(text.encode())
    report = imported.report
    assert [(b.year, b.planned, b.actual) for b in report.budget] == TWO_YEARS
    assert report.other_information == ""


def test_a_difference_named_in_the_line_is_left_out_a_total_word_is_no_difference():
    rows, read = budget(["2022. gads: plānots 1000 eiro, izlietots 900 eiro, starpība 100 eiro"])
    assert rows == [(2022, D("1000.00"), D("900.00"))] and read.unplaced == []
    rows, read = budget(["2022. gads kopā 1000 euro"])  # "in all": the amount spent, as ever
    assert rows == [(2022, None, D("1000.00"))] and read.unplaced == []
    rows, read = budget(["2022. gads: starpība 100 euro"])  # nothing else named: kept visible to be checked
    assert read.unplaced == ["2022. gads: starpība 100 euro"] and "not fully understood" in read.notes[0].en


def test_one_amount_column_is_what_was_spent_and_a_total_column_is_left_out():
    rows, read = budget(["Gads", "Izlietots, EUR"], ["2022.", "9 500,00"], ["2023.", "1 950,50"])
    assert rows == [(2022, None, D("9500.00")), (2023, None, D("1950.50"))] and read.unplaced == []
    rows, read = budget(["Gads", "Plānots", "Izlietots", "Kopā"], ["2022.", "1000", "900", "1900"])
    assert rows == [(2022, D("1000.00"), D("900.00"))] and read.unplaced == [] and read.notes == []
