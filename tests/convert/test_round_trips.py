"""Every output format the program writes comes back in through the one front door
(:func:`read_any`) as the report it was made from."""

from __future__ import annotations

import pytest

from kopsavilkums import exchange
from kopsavilkums.convert.reading import read_any
from kopsavilkums.convert.writing import FORMATS, format_by_key, render

from .exporttools import EXAMPLES, example

EXACT = [fmt.key for fmt in FORMATS if fmt.key != "text"]
#: What the published text shape carries: the official rows, not the header facts or signature.
PUBLISHED = ("title", "task", "performer", "period", "introduction", "objectives", "indicators", "assessment",
             "budget", "irregular_expenditure", "unrecovered_amount", "other_information")  # fmt: skip


@pytest.mark.parametrize("key", EXACT)
@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_every_example_comes_back_exactly_from_each_format(path, key):
    report = example(path)
    back = read_any(render(report, key), f"kopsavilkums{format_by_key(key).suffix}")
    assert exchange.to_document(back.report) == exchange.to_document(report)
    assert back.notes == []


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_the_published_text_comes_back_with_every_published_row(path):
    report = example(path)
    back = read_any(render(report, "text"), "kopsavilkums.txt")
    ours, theirs = exchange.to_document(back.report)["report"], exchange.to_document(report)["report"]
    assert {key: ours[key] for key in PUBLISHED} == {key: theirs[key] for key in PUBLISHED}
    assert back.notes == []


@pytest.mark.parametrize("key", ["pdf", "docx", "html"])
def test_an_e_signed_report_with_text_in_other_scripts_comes_back(complete_report, key):
    complete_report.signatory.signing = "e_signature"
    complete_report.performer = 'Biedrība "Ахмед · محمد · דוד · 王芳" & <co>'
    complete_report.indicators[0].carried_over = True
    back = read_any(render(complete_report, key))
    assert exchange.to_document(back.report) == exchange.to_document(complete_report)


@pytest.mark.parametrize("key", EXACT)
def test_what_the_program_wrote_itself_comes_back_marked_exact(complete_report, key):
    assert read_any(render(complete_report, key)).exact


def test_a_published_summary_read_by_its_rows_is_not_exact(complete_report):
    assert not read_any(render(complete_report, "text")).exact
