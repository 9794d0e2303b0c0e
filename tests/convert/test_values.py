"""Rows 3, 5, 6 and 7: the period, the budget by year, an amount with its explanation, Nav."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from kopsavilkums.convert.readers.values import Read, is_none, read_amount_row, read_budget, read_period

D = Decimal


@pytest.mark.parametrize(
    "text",
    [
        "12.08.2019. – 31.10.2020.",
        "12.08.2019 - 31.10.2020",
        "12.08.2019.—31.10.2020.",
        "12.08.2019.–31.10.2020",
        "no 12.08.2019. līdz 31.10.2020.",
        "No 12.08.2019 lidz 31.10.2020",
        "2019. gada 12. augusts – 2020. gada 31. oktobris",
        "no 2019. gada 12. augusta līdz 2020. gada 31. oktobrim",
        "2019-08-12 – 2020-10-31",
        "12.\u00a008.\u00a02019. – 31.10.2020.",
    ],
)
def test_period_shapes(text):
    read = Read()
    period = read_period([text], read)
    assert (period.start, period.end) == (date(2019, 8, 12), date(2020, 10, 31))
    assert read.notes == [] and read.unplaced == []


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("2021. gada 1. aprīlis – 2023. gada 31. decembris", date(2021, 4, 1), date(2023, 12, 31)),
        ("2022. gada 1. marts - 2022. gada 30. jūnijs", date(2022, 3, 1), date(2022, 6, 30)),
        ("no 2022. gada 1. janvāra līdz 2022. gada 28. februārim", date(2022, 1, 1), date(2022, 2, 28)),
        ("2022.g. 15. septembris – 2023.g. 14. maijs", date(2022, 9, 15), date(2023, 5, 14)),
    ],
)
def test_period_with_latvian_month_names(text, start, end):
    period = read_period([text], Read())
    assert (period.start, period.end) == (start, end)


def test_period_with_one_date_says_which_end_it_is():
    read = Read()
    assert read_period(["līdz 31.12.2023."], read).end == date(2023, 12, 31)
    assert "end of the period" in read.notes[0].en


def test_a_period_that_cannot_be_read_is_kept_and_named():
    read = Read()
    period = read_period(["trīs gadi no līguma noslēgšanas (31.02.2020.)"], read)
    assert (period.start, period.end) == (None, None)
    assert read.unplaced == ["trīs gadi no līguma noslēgšanas (31.02.2020.)"]
    assert "could not be read" in read.notes[0].en


def test_a_period_with_extra_words_is_kept_too():
    read = Read()
    read_period(["12.08.2019. – 31.10.2020. (pagarināts ar grozījumiem)"], read)
    assert read.unplaced == ["12.08.2019. – 31.10.2020. (pagarināts ar grozījumiem)"]


def budget(*lines: str | list[str]):
    read = Read()
    rows = read_budget([line if isinstance(line, list) else [line] for line in lines], read)
    return [(r.year, r.planned, r.actual) for r in rows], read


@pytest.mark.parametrize(
    "line",
    [
        "2019.gads 31830,96 euro",
        "2019. gads 31 830,96 EUR",
        "2019. gads: 31\u00a0830,96 €",
        "2019 31830.96",
        "2019.g. – € 31 830,96",
        ["2019.gads", "31830,96 euro"],
        "2019. gadā faktiski izlietotais 31 830,96 euro",
    ],
)
def test_one_amount_per_year_is_the_actual_spending(line):
    rows, read = budget(line)
    assert rows == [(2019, None, D("31830.96"))]
    assert read.notes == [] and read.unplaced == []


def test_planned_and_actual_named_in_words():
    rows, read = budget(
        "2022. gads: plānotais 42 000,00 EUR, faktiski izlietotais 39 517,44 EUR",
        "2023. gads: faktiski izlietotais 1 000 EUR, plānotais 2 000 EUR",
    )
    assert rows == [(2022, D("42000.00"), D("39517.44")), (2023, D("2000.00"), D("1000.00"))]
    assert read.notes == []


def test_two_bare_amounts_are_planned_then_actual_with_a_note():
    rows, read = budget("2021.gads 18 400,00 euro 18 000,00 euro", "2022.gads 1000 900")
    assert rows == [(2021, D("18400.00"), D("18000.00")), (2022, D("1000.00"), D("900.00"))]
    assert len(read.notes) == 1
    assert "2021, 2022 have two amounts without words" in read.notes[0].en


def test_column_headings_say_which_amount_is_which():
    rows, read = budget(["Gads", "Plānots", "Faktiski izlietots"], ["2021.gads", "100,00", "90,00"])
    assert rows == [(2021, D("100.00"), D("90.00"))]
    assert read.notes == [] and read.unplaced == []


def test_a_year_without_an_amount_is_kept_empty():
    rows, _ = budget("2019.gads 31830,96 euro", "2020.gads")
    assert rows == [(2019, None, D("31830.96")), (2020, None, None)]


def test_an_amount_on_the_line_after_its_year():
    rows, _ = budget("2019. gads", "31 830,96 euro")
    assert rows == [(2019, None, D("31830.96"))]


def test_a_matching_total_is_not_kept_a_wrong_one_is_with_a_note():
    rows, read = budget("2019.gads 100,00 euro", "2020.gads 50,00 euro", "Kopā 150,00 euro")
    assert read.notes == [] and read.unplaced == []
    rows, read = budget("2019.gads 100,00 euro", "2020.gads 50,00 euro", "Kopā: 160,00 euro")
    assert rows == [(2019, None, D("100.00")), (2020, None, D("50.00"))]
    assert read.unplaced == ["Kopā: 160,00 euro"]
    assert "does not match the sum of the years" in read.notes[0].en
    assert "nesakrīt ar gadu summu" in read.notes[0].lv


def test_a_line_with_more_than_amounts_keeps_its_amount_and_its_words():
    rows, read = budget("2019.gads 31830,96 euro (t.sk. PVN)")
    assert rows == [(2019, None, D("31830.96"))]
    assert read.unplaced == ["2019.gads 31830,96 euro (t.sk. PVN)"]


def test_a_date_inside_a_budget_line_is_no_amount():
    rows, read = budget("2019. gads (01.08.–31.12.) 12 000 euro")
    assert rows == [(2019, None, D("12000.00"))]
    assert read.unplaced  # the dates are words we do not place


def test_a_year_read_twice_with_different_amounts_keeps_the_second_line():
    rows, read = budget("2019.gads 100 euro", "2019.gads 200 euro")
    assert rows == [(2019, None, D("100.00"))]
    assert read.unplaced == ["2019.gads 200 euro"]


def test_an_amount_like_a_year_is_an_amount():
    rows, _ = budget("2020.gads 2019,50 euro")
    assert rows == [(2020, None, D("2019.50"))]


def test_lines_without_a_year_or_amount_are_kept():
    rows, read = budget("Finansējums piešķirts ar rīkojumu.", "2019.gads 1 euro")
    assert rows == [(2019, None, D("1.00"))]
    assert read.unplaced == ["Finansējums piešķirts ar rīkojumu."]


@pytest.mark.parametrize("text", ["Nav", "nav", "NAV.", " Nav ", "-", "–"])
def test_nav(text):
    assert is_none(text)
    assert read_amount_row("irregular_expenditure", [text], Read()).is_none


@pytest.mark.parametrize(
    ("text", "amount", "explanation"),
    [
        ("146,90 euro", "146.90", ""),
        ("146,90 euro (reprezentācijas izdevumi)", "146.90", "reprezentācijas izdevumi"),
        ("146,90 EUR – reprezentācijas izdevumi", "146.90", "reprezentācijas izdevumi"),
        ("146,90 €: reprezentācijas izdevumi", "146.90", "reprezentācijas izdevumi"),
        ("1 146,90 euro, atmaksāts 2024. gadā", "1146.90", "atmaksāts 2024. gadā"),
        ("EUR 12", "12.00", ""),
        ("0", "0.00", ""),
        ("12 (divpadsmit) euro (sk. 5.3. p.)", None, "12 (divpadsmit) euro (sk. 5.3. p.)"),
        ("Nav konstatēti", None, "Nav konstatēti"),
        ("2 gadījumi, summa nav noteikta", None, "2 gadījumi, summa nav noteikta"),
        ("12.03.2021. atmaksāti 100 euro", None, "12.03.2021. atmaksāti 100 euro"),
    ],
)
def test_amount_with_its_explanation(text, amount, explanation):
    value = read_amount_row("irregular_expenditure", [text], Read())
    assert value.amount == (D(amount) if amount else None)
    assert value.explanation == explanation


def test_an_amount_with_a_paragraph_of_explanation():
    value = read_amount_row("unrecovered_amount", ["50,00 euro", "Paskaidrojums.", "Otrā rindkopa."], Read())
    assert (value.amount, value.explanation) == (D("50.00"), "Paskaidrojums.\nOtrā rindkopa.")


def test_a_sentence_with_heading_words_is_no_column_heading():
    rows, read = budget("Valsts budžeta finansējuma summa euro piešķirta ar rīkojumu", "2019.gads 1 euro")
    assert rows == [(2019, None, D("1.00"))]
    assert read.unplaced == ["Valsts budžeta finansējuma summa euro piešķirta ar rīkojumu"]


def test_amounts_under_column_headings_are_read_by_their_column():
    rows, read = budget(
        ["Gads", "Plānots", "Faktiski izlietots"],
        ["2021.gads", "28 500,00 euro"],  # the actual cell left empty (a trailing TAB dropped)
        ["2022.gads", "", "41 200,00 euro"],
        ["2023.gads", "43 750,50 euro", "39 812,77 euro"],
    )
    assert rows == [
        (2021, D("28500.00"), None),
        (2022, None, D("41200.00")),
        (2023, D("43750.50"), D("39812.77")),
    ]
    assert read.notes == [] and read.unplaced == []
    rows, _ = budget(["Gads", "Faktiski izlietots"], ["2019.gads", "31 830,96 euro"])
    assert rows == [(2019, None, D("31830.96"))]
