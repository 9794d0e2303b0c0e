"""The one core every published-summary reader shares: from the rows of the official table (a
label and its value as plain text) and the paragraphs above and under it, to an :class:`Imported`.

The readers (copied text, a saved web page, a Word file) only find the table; everything about
what the rows *mean* is here and in :mod:`~kopsavilkums.convert.readers.values`,
:mod:`~kopsavilkums.convert.readers.narrative` and :mod:`~kopsavilkums.convert.readers.around_table`. Nothing is
dropped: text that has no field goes into *8. Cita informācija* after
:data:`~kopsavilkums.convert.readers.import_notes.UNPLACED_MARKER`, and a note says from where.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kopsavilkums.convert.imported import Imported, ImportRefused
from kopsavilkums.convert.readers.around_table import is_under_line, read_above, read_under
from kopsavilkums.convert.readers.dates import YEAR
from kopsavilkums.convert.readers.import_notes import (
    ABOVE_TABLE,
    UNDER_TABLE,
    UNPLACED_MARKER,
    count_en,
    count_lv,
    quote,
    row_name,
    unplaced,
)
from kopsavilkums.convert.readers.labels import recognise, split_labelled
from kopsavilkums.convert.readers.narrative import read_narrative
from kopsavilkums.convert.readers.values import Read, is_none, read_amount_row, read_budget, read_period
from kopsavilkums.fields import ROWS, Field, Kind
from kopsavilkums.formats import FormatError, parse_amount, parse_date
from kopsavilkums.messages import Message
from kopsavilkums.official import DEFAULT_TITLE, labelled_in_row, printed_label
from kopsavilkums.report import Objective, Report

NOT_A_SUMMARY = Message(
    "Tas nav valsts pārvaldes uzdevuma izpildes kopsavilkums: tajā nav kopsavilkuma tabulas rindu "
    "(„Valsts pārvaldes uzdevums”, „Valsts pārvaldes uzdevuma veicējs” …).",
    "This is not a summary of a public administration task: it has none of the summary table's rows "
    "(“Valsts pārvaldes uzdevums”, “Valsts pārvaldes uzdevuma veicējs” …).",
)
#: Rows with a recognised label needed before something counts as a summary.
MIN_ROWS = 2


@dataclass
class SourceRow:
    """A row of the official table as read: its label as written, the official key it was
    recognised as (None: not an official row), and its value — one entry per line or paragraph,
    each a list of cells (the budget's ``2019.gads | 31830,96 euro``; one cell elsewhere)."""

    label: str
    key: str | None
    lines: list[list[str]] = field(default_factory=list)

    def paragraphs(self) -> list[str]:
        return [text for cells in self.lines if (text := " ".join(c.strip() for c in cells if c.strip()))]


@dataclass
class Published:
    source: str  # the Imported.source: "text", "html", "docx"
    rows: list[SourceRow] = field(default_factory=list)
    above: list[str] = field(default_factory=list)
    under: list[str] = field(default_factory=list)
    #: A Word file's or a text's own paragraphs above the table are the summary's; a web page's are
    #: its menus and headers, which are not kept.
    keep_unknown_above: bool = True
    notes: list[Message] = field(default_factory=list)


def to_imported(published: Published) -> Imported:
    found = {row.key for row in published.rows if row.key}
    if len(found) < MIN_ROWS:
        raise ImportRefused(NOT_A_SUMMARY)
    report = Report()
    notes = list(published.notes)
    by_key: dict[str, SourceRow] = {}
    unknown = Read()
    unknown_labels: list[str] = []
    twice: dict[str, int] = {}
    for row in published.rows:
        if row.key is None:
            value = " ".join(row.paragraphs())
            label = row.label.strip().rstrip(":").strip()
            unknown.unplaced.append(f"{label}: {value}" if value else label)
            unknown_labels.append(row.label)
        elif row.key in by_key:
            by_key[row.key].lines.extend(row.lines)
            twice[row.key] = twice.get(row.key, 1) + 1
        else:
            by_key[row.key] = SourceRow(row.label, row.key, list(row.lines))
    for key, times in twice.items():
        name = row_name(key)
        notes.append(
            Message(
                f"{name.lv} atrasta {times} {count_lv(times, 'reizi', 'reizes')}; visu šo rindu teksts saglabāts kopā.",
                f"{name.en} appears {'twice' if times == 2 else f'{times} times'}; the text of all of them is kept "
                "together.",
            )
        )
    if unknown_labels:
        shown = ", ".join(f"„{quote(label, 40)}”" for label in unknown_labels[:5]) + (
            " …" if len(unknown_labels) > 5 else ""
        )
        shown_en = ", ".join(f"“{quote(label, 40)}”" for label in unknown_labels[:5]) + (
            " …" if len(unknown_labels) > 5 else ""
        )
        n = len(unknown_labels)
        notes.append(
            Message(
                f"{n} {count_lv(n, 'rinda', 'rindas')} ({shown}) nav kopsavilkuma {count_lv(n, 'rinda', 'rindas')}; "
                f"{count_lv(n, 'tās', 'to')} teksts ievietots laukā „Cita informācija”.",
                f"{n} {count_en(n, 'row', 'rows')} ({shown_en}) {count_en(n, 'is not an official row', 'are not official rows')}; "
                f"{count_en(n, 'its', 'their')} text was put into Other information.",
            )
        )

    above = Read()
    read_above(published.above, report, above, published.keep_unknown_above)
    if not report.title:
        report.title = DEFAULT_TITLE
        notes.append(
            Message(
                f"Kopsavilkuma virsraksts nav atrasts; izmantots parastais virsraksts „{DEFAULT_TITLE}”.",
                f"The title was missing; the default title “{DEFAULT_TITLE}” is used.",
            )
        )
    values = Read()
    _fill(report, by_key, values)
    under = Read()
    read_under(published.under, report, under)

    for key in (official.key for official in ROWS):
        if key not in by_key:
            notes.append(_missing(key))
    for read in (above, values, under, unknown):
        notes.extend(read.notes)
    for read, where in ((above, ABOVE_TABLE), (under, UNDER_TABLE)):
        if read.unplaced:
            notes.append(unplaced(len(read.unplaced), where))
    leftovers = above.unplaced + unknown.unplaced + values.unplaced + under.unplaced
    if leftovers:
        report.other_information = "\n".join(filter(None, (report.other_information, UNPLACED_MARKER, *leftovers)))
    return Imported(report, published.source, notes)


def _fill(report: Report, rows: dict[str, SourceRow], read: Read) -> None:
    def paragraphs(key: str) -> list[str]:
        return rows[key].paragraphs() if key in rows else []

    _take_labelled(report, rows)

    report.task = "\n".join(paragraphs("task"))
    report.performer = " ".join(paragraphs("performer"))
    report.period = read_period(paragraphs("period"), read)
    narrative = read_narrative(paragraphs("description"), read)
    report.introduction = narrative.introduction
    report.objectives = [Objective(text) for text in narrative.objectives]
    report.indicators = narrative.indicators
    report.assessment = narrative.assessment
    if "budget" in rows:
        report.budget = read_budget(rows["budget"].lines, read)
    report.irregular_expenditure = read_amount_row("irregular_expenditure", paragraphs("irregular_expenditure"), read)
    report.unrecovered_amount = read_amount_row("unrecovered_amount", paragraphs("unrecovered_amount"), read)
    report.other_information = "\n".join(p for p in paragraphs("other_information") if not is_none(p))


def _take_labelled(report: Report, rows: dict[str, SourceRow]) -> None:
    """The lines ``Label: value`` that our print model adds to a row for a field it words no other
    way (:func:`kopsavilkums.official.labelled_in_row`), taken out of the row into their field —
    not glued onto the row's own value. A value that does not read as its kind stays in the row."""
    for official in ROWS:
        row = rows.get(official.key)
        if row is None:
            continue
        for f in labelled_in_row(official.number):
            prefix = f"{printed_label(f.key)}: "
            for n, cells in enumerate(row.lines):
                text = " ".join(c.strip() for c in cells if c.strip())
                if text.startswith(prefix):
                    try:
                        report.set_at(f.key, _typed(f, text[len(prefix) :]))
                    except FormatError:
                        continue
                    del row.lines[n]
                    break


def _typed(f: Field, text: str) -> object:
    if f.kind is Kind.AMOUNT:
        return parse_amount(text)
    if f.kind is Kind.DATE:
        return parse_date(text)
    return text


def _missing(key: str) -> Message:
    if key == "budget":
        return Message(
            "Finansējuma rinda (5.) nav atrasta; gadu summas jāievada pašiem.",
            "No budget row (row 5) was found; enter the amounts by year yourself.",
        )
    name = row_name(key)
    return Message(f"{name.lv} nav atrasta; lauks atstāts tukšs.", f"{name.en} was not found; the field is left empty.")


# ------------------------------------------------------------------------- tables into rows

_BARE_NUMBER = re.compile(r"^\s*(?:\d{1,2}|[IVX]{1,4})\s*[.)]?\s*$")
_YEAR_OR_TOTAL = re.compile(rf"^\s*(?:{YEAR}\b|kop[aā]\b|kopsumma\b)", re.IGNORECASE)


@dataclass
class GridCell:
    """One cell of a table as a reader found it: its paragraphs (a nested table's row is one
    paragraph of several cells), and whether it only continues a cell above (rowspan, Word's
    vertical merge)."""

    lines: list[list[str]] = field(default_factory=list)
    covered: bool = False

    def text(self) -> str:
        return " ".join(" ".join(c.strip() for c in cells if c.strip()) for cells in self.lines).strip()


def rows_from_table(table: list[list[GridCell]], published: Published) -> None:
    """Add a table's rows to ``published``: a row whose first cell is an official label starts a
    row; a row whose first cell is empty or continues the label above (rowspan) adds to it; rows
    before the first label are text above the table."""
    current: SourceRow | None = published.rows[-1] if published.rows else None
    for cells in table:
        cells = list(cells)
        if len(cells) > 2 and _BARE_NUMBER.match(cells[0].text()) and recognise(cells[1].text()):
            cells = cells[1:]  # a numbered first column: "1. | Valsts pārvaldes uzdevums | …"
        if not cells:
            continue
        head, rest = cells[0], cells[1:]
        label = head.text()
        key = recognise(label) if not head.covered else None
        if key is None and not head.covered and len(cells) == 1 and (split := split_labelled(label, short=True)):
            key, value = split  # "Label: value" in one cell
            published.rows.append(current := SourceRow(label.split(":", 1)[0], key, [[value]] if value else []))
            continue
        if key:
            published.rows.append(current := SourceRow(label, key, _value_lines(rest)))
        elif current is None and _is_heading_row(cells):
            published.notes.append(
                Message(
                    f"Tabulas galvenes rinda „{quote(' | '.join(c.text() for c in cells))}” netika pārņemta.",
                    f"The table's heading row “{quote(' | '.join(c.text() for c in cells))}” was left out.",
                )
            )
        elif current is None:
            published.above.extend(p for cell in cells for p in _cell_paragraphs(cell))
        elif head.covered or not label:
            current.lines.extend(_value_lines(rest))
        elif current.key == "budget" and _YEAR_OR_TOTAL.match(label):
            current.lines.extend(_value_lines(cells))
        elif len([c for c in cells if c.lines]) == 1 and is_under_line(label):
            published.under.append(label)  # "Sagatavoja: …" across the table's last row
        else:
            published.rows.append(current := SourceRow(label, None, _value_lines(rest)))


def _is_heading_row(cells: list[GridCell]) -> bool:
    """``Nr. | Rādītājs | Informācija``: column headings above the first row (short words only)."""
    texts = [c.text() for c in cells if not c.covered]
    return sum(1 for t in texts if t) >= 2 and all(len(t) <= 25 and len(t.split()) <= 3 for t in texts)


def _cell_paragraphs(cell: GridCell) -> list[str]:
    return [text for cells in cell.lines if (text := " ".join(c.strip() for c in cells if c.strip()))]


def _value_lines(cells: list[GridCell]) -> list[list[str]]:
    """The value cells of one table row: one line of cells when each holds one paragraph (the
    budget's ``2019.gads | 31830,96 euro``), else every paragraph of every cell a line."""
    cells = [c for c in cells if not c.covered]
    if all(len(c.lines) <= 1 for c in cells):
        line = [cell for c in cells for cell in (c.lines[0] if c.lines else [""])]
        return [line] if any(x.strip() for x in line) else []
    return [cells_ for c in cells for cells_ in c.lines]
