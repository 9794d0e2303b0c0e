"""The real published summary (the seed file, text copied from a ministry's page) read into a
draft, compared with the draft typed in by hand from it (resources/examples)."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from kopsavilkums import exchange
from kopsavilkums.convert.reading import read_any, read_path

SAMPLES = Path(__file__).resolve().parent / "samples"
SEED_TEXT = SAMPLES / "kurzemes-nvo-centrs-published.txt"
SEED_PAGE = SAMPLES / "kurzemes-nvo-centrs-page.html"
EXAMPLES = Path(__file__).resolve().parents[2] / "resources" / "examples"
TYPED = EXAMPLES / "kurzemes-nvo-centrs-2019-2020.kopsavilkums.json"


@pytest.fixture(scope="module")
def imported():
    return read_path(SEED_TEXT)


@pytest.fixture(scope="module")
def typed():
    return exchange.read(TYPED)


def test_the_seed_is_read_as_copied_text_without_any_note(imported):
    assert imported.source == "text"
    assert imported.notes == []


def test_every_text_is_the_one_typed_in_by_hand(imported, typed):
    r = imported.report
    assert r.title == typed.title
    assert r.task == typed.task
    assert r.performer == typed.performer == 'Biedrība "Kurzemes NVO centrs"'
    assert r.introduction == typed.introduction
    assert [o.text for o in r.objectives] == [o.text for o in typed.objectives]
    assert len(r.objectives) == 3
    assert [i.text for i in r.indicators] == [i.text for i in typed.indicators]
    assert len(r.indicators) == 8
    assert r.assessment == typed.assessment
    assert r.period == typed.period


def test_the_rows_written_nav_are_empty(imported):
    r = imported.report
    assert r.irregular_expenditure.is_none
    assert r.unrecovered_amount.is_none
    assert r.other_information == ""


def test_the_one_amount_of_2019_is_the_actual_spending_and_2020_stays_an_empty_year(imported, typed):
    budget = imported.report.budget
    assert [(b.year, b.planned, b.actual) for b in budget] == [(2019, None, Decimal("31830.96")), (2020, None, None)]
    # The draft typed in by hand holds the one published amount as both planned and actual; the
    # published row gives one amount, which is what was actually used, so the planned one stays empty.
    assert typed.budget[0].planned == typed.budget[0].actual == Decimal("31830.96")


def test_apart_from_the_planned_amount_the_draft_is_the_typed_one(imported, typed):
    ours = json.loads(exchange.dumps(imported.report))
    theirs = json.loads(exchange.dumps(typed))
    theirs["report"]["budget"][0]["planned"] = None
    assert ours == theirs


def test_the_saved_web_page_of_the_same_summary_reads_the_same(imported):
    page = read_any(SEED_PAGE.read_bytes(), "kurzemes.html")
    assert page.source == "html"
    ours = json.loads(exchange.dumps(page.report))["report"]
    text = json.loads(exchange.dumps(imported.report))["report"]
    # the page also has the lines under the table, which the copied text lacks
    assert ours.pop("signatory") == {
        "name": "Anna Bērziņa",
        "position": "valdes priekšsēdētāja",
        "date": "2020-11-30",
        "signing": "by_hand",
    }
    text.pop("signatory")
    assert ours == text


def test_the_seed_read_under_any_name_or_none(imported):
    data = SEED_TEXT.read_bytes()
    for name in ("", "kopsavilkums.docx", "page.html", "x.pdf", "draft.kopsavilkums.json"):
        assert read_any(data, name).report.title == imported.report.title
