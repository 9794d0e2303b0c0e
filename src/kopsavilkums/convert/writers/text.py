"""Report → the published text shape: what copying a ministry's summary page gives.

The title, an empty line, then one line per official row: ``label<TAB>value``
(``tests/convert/samples/kurzemes-nvo-centrs-published.txt`` is such a copy). A row's first
paragraph follows its label; the narrative's other paragraphs — each objective ``1.``, the fixed
sentence, each indicator ``1)`` with its planned and achieved values, the assessment — follow on
lines of their own, as a copied page's paragraphs do (on one line, the assessment could not be
told from the last indicator). Line breaks and tabs inside a paragraph become spaces (a tab would
start a new column). The budget gives one line per year,
``2019.gads<TAB>31 830,96 euro``, the years after the first on continuation lines that start with a
tab; with planned amounts a year reads ``plānotais 28 500,00 euro, faktiski izlietotais 27 984,12
euro``. Empty rows 6–8 say ``Nav``. The words are the print model's (:mod:`kopsavilkums.official`).
A cell that starts like a spreadsheet formula starts with an apostrophe.
"""

from __future__ import annotations

import re

from kopsavilkums.convert.writers.cleaning import clean
from kopsavilkums.official import BudgetTable, Numbered, Text, build
from kopsavilkums.report import Report
from kopsavilkums.validation import Problem

#: A cell a spreadsheet that opens the file would take for a formula (``=HYPERLINK(…)``, ``+371 …``,
#: ``-2+3``, ``@SUM(…)``): it gets an apostrophe in front, which makes it text there and which the
#: text reader takes off again (one apostrophe: a cell the user began with ``'=`` keeps its own).
_FORMULA = re.compile(r"(^|\t)(?='*[=+\-@])")
# White space that would break the shape; the no-break space inside amounts stays.
_SPACES = re.compile(r"[ \t\n]+")


def published_text(report: Report, problems: list[Problem] | None = None) -> str:
    """The summary as published text (always Latvian, ``\\n`` line ends, a final line end)."""
    model = build(report, problems)
    lines = [_line(model.title), ""]
    for row in model.rows:
        budget = next((b for b in row.blocks if isinstance(b, BudgetTable)), None)
        if budget is not None:
            years = [_year(budget, cells) for cells in budget.rows] or [""]
            lines.append(f"{row.label}\t{years[0]}")
            lines += [f"\t{year}" for year in years[1:]]
            lines += _paragraphs(row.blocks)  # lines of the row under its table (a labelled field)
            continue
        first, *more = _paragraphs(row.blocks) or [""]
        lines.append(f"{row.label}\t{first}")
        lines += more
    return "\n".join(_FORMULA.sub(r"\1'", line) for line in lines) + "\n"


def _paragraphs(blocks) -> list[str]:
    """A row's value as lines: each of its blocks (the introduction, an objective, the fixed
    sentence, an indicator with its details, the assessment) is a paragraph of its own, as a web
    page's paragraphs are when copied — so the assessment after the last indicator stays apart."""
    parts = []
    for block in blocks:
        if isinstance(block, Text):
            parts.append(_line(block.text))
        elif isinstance(block, Numbered):
            parts.append(f"{block.number} {_line(block.text)}" + (f" {_line(block.details)}" if block.details else ""))
    return [p for p in parts if p]


def _year(budget: BudgetTable, cells: tuple[str, ...]) -> str:
    year, *amounts = cells
    if len(amounts) == 1:
        return f"{year}\t{amounts[0]}"
    planned, actual = amounts
    words = [f"plānotais {planned}" if planned else "", f"faktiski izlietotais {actual}" if actual else ""]
    return f"{year}\t{', '.join(w for w in words if w)}"


def _line(text: str) -> str:
    return _SPACES.sub(" ", clean(text)).strip()
