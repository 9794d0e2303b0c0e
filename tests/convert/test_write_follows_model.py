"""The Word file and the web page say what the print model says, even where the model words a
value otherwise than it is (a text over its limit is cut with a note, rows beyond a limit are
left out) — and still read back to every character."""

from __future__ import annotations

import dataclasses

import pytest

from kopsavilkums import official
from kopsavilkums.convert.own.web_page import read_own_html
from kopsavilkums.convert.own.word import read_own_docx
from kopsavilkums.convert.writers.web_page import html_page
from kopsavilkums.convert.writers.word import docx_bytes
from kopsavilkums.official import Numbered, Run, Text

from .exporttools import document, docx_paragraphs, model_paragraphs, model_row_texts, page_row_texts

CUT = " … [vēl 12 rakstzīmes netiek drukātas]"
LEFT_OUT = "… [vēl 1 uzdevums netiek drukāts]"


def _cut(runs: tuple[Run, ...], keep: int) -> tuple[Run, ...]:
    """``runs`` with their first value cut after ``keep`` characters, as the model cuts a value."""
    at = next(n for n, run in enumerate(runs) if run.path)
    return (*runs[:at], Run(runs[at].text[:keep] + CUT, runs[at].path), *runs[at + 1 :])


@pytest.fixture
def cutting_model(monkeypatch):
    """A print model that cuts the assessment, an indicator's details and the signatory's name,
    and leaves the last objective out with a note, as a model with print limits does."""
    build = official.build

    def cut(report, problems=None):
        model = build(report, problems)
        description = model.rows[3].blocks
        objectives = [b for b in description if isinstance(b, Numbered) and b.number.endswith(".")]
        description.remove(objectives[-1])
        description.insert(description.index(objectives[-2]) + 1, Text(LEFT_OUT, kind="note"))
        indicator = next(b for b in description if isinstance(b, Numbered) and b.details)
        description[description.index(indicator)] = dataclasses.replace(
            indicator, detail_runs=_cut(indicator.detail_runs, 1)
        )
        assessment = description[-1]
        description[-1] = Text(assessment.text[:20] + CUT)
        people = model.signature_lines[0]
        model.signature_lines[0] = dataclasses.replace(people, runs=_cut(people.runs, 4))
        return model

    monkeypatch.setattr(official, "build", cut)
    return cut


def test_the_word_file_shows_the_models_words_and_reads_back_exactly(complete_report, cutting_model):
    model = cutting_model(complete_report)
    data = docx_bytes(complete_report)
    shown = docx_paragraphs(data)
    assert shown == model_paragraphs(complete_report, model)
    assert LEFT_OUT in shown and complete_report.objectives[-1].text not in "".join(shown)
    assert document(read_own_docx(data)) == document(complete_report)


def test_the_web_page_shows_the_models_words_and_reads_back_exactly(complete_report, cutting_model):
    model = cutting_model(complete_report)
    page = html_page(complete_report)
    assert page_row_texts(page) == model_row_texts(complete_report, model)
    assert f"{complete_report.signatory.name[:4]}{CUT}" in page
    assert document(read_own_html(page)) == document(complete_report)
