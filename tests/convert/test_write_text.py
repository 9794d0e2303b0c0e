"""The published text shape: title, empty line, ``label<TAB>value``, as a ministry's page copies."""

from __future__ import annotations

from pathlib import Path

import pytest

from kopsavilkums import official
from kopsavilkums.convert.writers.text import published_text

from .exporttools import EXAMPLES, HOSTILE, example, hostile_report

SEED = Path(__file__).resolve().parent / "samples" / "kurzemes-nvo-centrs-published.txt"


def _rows(text: str) -> list[list[str]]:
    """The table's lines as cells; a paragraph line (no tab) continues the row above it."""
    rows: list[list[str]] = []
    for line in text.split("\n")[2:-1]:
        if "\t" in line or not rows:
            rows.append(line.split("\t"))
        else:
            rows[-1].append(line)
    return rows


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_the_shape_is_title_empty_line_and_one_line_per_row(path):
    report = example(path)
    text = published_text(report)
    lines = text.split("\n")
    assert lines[0] == official.build(report).title
    assert lines[1] == ""
    assert text.endswith("\n") and "\r" not in text
    labels = [row[0] for row in _rows(text) if row[0]]
    assert labels == list(official.LABELS.values())
    for line in text.split("\n")[2:-1]:
        assert line.count("\t") <= 2 and line.strip(), line


def test_the_budget_has_a_line_per_year_continued_with_a_tab(seed_report):
    for row in seed_report.budget:  # as published: one amount per year, what was used
        row.planned = None
    rows = _rows(published_text(seed_report))
    budget = rows.index([official.LABELS["budget"], "2019.gads", "31\u00a0830,96\u00a0euro"])
    assert rows[budget + 1] == ["", "2020.gads", ""]
    assert rows[budget + 2] == [official.LABELS["irregular_expenditure"], official.NONE]


def test_planned_and_used_amounts_are_named(complete_report):
    rows = _rows(published_text(complete_report))
    assert [
        "",
        "2022.gads",
        "plānotais 41\u00a0200,00\u00a0euro, faktiski izlietotais 41\u00a0200,00\u00a0euro",
    ] in rows


def test_the_narrative_gives_each_paragraph_a_line_as_a_copied_page_does(complete_report):
    rows = {r[0]: r[1:] for r in _rows(published_text(complete_report)) if r[0]}
    paragraphs = rows[official.LABELS["description"]]
    assert paragraphs[0] == complete_report.introduction
    assert paragraphs[1] == "1. " + complete_report.objectives[0].text
    assert paragraphs[4] == official.INDICATORS_SENTENCE
    assert paragraphs[5] == f"1) {complete_report.indicators[0].text} Plānots: 24; sasniegts: 26."
    assert paragraphs[-1] == complete_report.assessment  # apart from the last indicator


def test_the_rows_are_those_of_the_published_summary(seed_report):
    published = SEED.read_text("utf-8").strip("\n").split("\n")
    ours = published_text(seed_report).split("\n")
    assert ours[0] == published[0]
    published_labels = [line.split("\t")[0] for line in published[2:] if "\t" in line and line.split("\t")[0]]
    ours_labels = [line.split("\t")[0] for line in ours[2:-1] if "\t" in line and line.split("\t")[0]]
    assert ours_labels == published_labels
    assert dict(line.split("\t")[:2] for line in ours[2:-1] if "\t" in line)["Cita informācija"] == "Nav"


def test_tabs_and_line_breaks_in_values_do_not_break_the_shape():
    report = hostile_report()
    report.task = "one\ttwo\nthree\r\nfour\n\nfive"
    text = published_text(report)
    rows = _rows(text)
    assert rows[0] == [official.LABELS["task"], "one two three four five"]
    assert len([r for r in rows if r[0]]) == 8
    for typed in ("<script>alert(1)</script>", '<img src=x onerror="alert(1)">', "&amp; &lt;b&gt;", HOSTILE[4]):
        assert typed in text
    assert "\x00" not in text and "\x1b" not in text
