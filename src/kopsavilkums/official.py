"""The official document: everything a printed (or exported) summary shows, already worded and
formatted the Latvian way — the print model.

Built from a :class:`~kopsavilkums.report.Report` in one pass, before any drawing, so that the
PDF renderer and the Word, web page and text exporters never look anything up and every wording
decision (``Nav``, ``2019.gads``, the fixed sentence before the indicators) is in one place and
testable without a PDF. The output is always Latvian: it is the official document, whatever the
interface language.

A line composed of values and our own wording (an indicator's ``Plānots: 24; sasniegts: 26.``, the
period, an amount with its explanation, the signatory, who prepared it) is kept as runs
(:class:`Run`), each naming the field it shows, so that the Word file and the web page, which must
read back, tag the values from here instead of wording the line a second time
(:mod:`kopsavilkums.convert.writers.tagged_runs`); the PDF and the text export print the runs joined.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from kopsavilkums import __version__
from kopsavilkums import fields as field_table
from kopsavilkums.fieldpath import positional
from kopsavilkums.fields import ROWS, Field, Kind, Part, fields_of
from kopsavilkums.formats import OPEN_END, PERIOD_DASH, format_date, format_money, format_year
from kopsavilkums.messages import count_lv
from kopsavilkums.report import AmountWithExplanation, Indicator, Report
from kopsavilkums.validation import Problem, has_errors, validate

#: The official row labels, exactly as the ministries publish them (:data:`kopsavilkums.fields.ROWS`).
LABELS = {official.key: official.label.lv for official in ROWS}
DEFAULT_TITLE = "Kopsavilkums par valsts pārvaldes uzdevuma izpildi"
INDICATORS_SENTENCE = "Valsts pārvaldes uzdevumu ietvaros tika sasniegti šādi rezultatīvie rādītāji:"
NONE = "Nav"
DRAFT_MARK = "MELNRAKSTS"
#: Printed in place of the signature line and the date when the summary is signed as an
#: e-document. Ministru kabineta 2018. gada 4. septembra noteikumi Nr. 558 "Dokumentu
#: izstrādāšanas un noformēšanas kārtība" (https://likumi.lv/ta/id/301436): a document signed
#: with a secure electronic signature that contains a time stamp leaves the "datums" and
#: "paraksts" details empty and says so at its end in these words; the time stamp is the date.
E_SIGNATURE_NOTE = "DOKUMENTS IR PARAKSTĪTS AR DROŠU ELEKTRONISKO PARAKSTU UN SATUR LAIKA ZĪMOGU"
REPRESENTATIVE = "Valsts pārvaldes uzdevuma veicēja pārstāvis"
SIGNATURE = "Paraksts"  # the line signed on by hand
#: Our words inside composed lines (an indicator's details, the prepared-by line); the reader of
#: an edited Word file of ours knows them by these names.
PLANNED, ACHIEVED, AND_ACHIEVED = "Plānots: ", "Sasniegts: ", "; sasniegts: "
PHONE, EMAIL = "tālr. ", "e-pasts "
PREPARED_BY = "Sagatavoja"
TOTAL = "Kopā"  # the budget table's last row
#: An explanation up to this long prints after its amount in brackets, as the published
#: summaries write it (``146,90 euro (reprezentācijas izdevumi)``); a longer one as a paragraph.
INLINE_EXPLANATION = 300
SUBJECT = "Kopsavilkums par valsts pārvaldes uzdevuma izpildi"


def printed_label(key: str) -> str:
    f = field_table.field(key)
    return (f.print_label or f.label).lv


#: The fields this module prints as paragraphs of their own (the Word file gives each a paragraph
#: style named after it).
PARAGRAPH_FIELDS = ("title", "task", "performer", "introduction", "objectives[]", "indicators[].text", "assessment",
                    "other_information")  # fmt: skip
#: The fields of the official rows that :func:`build` words by name: in paragraphs of their own,
#: in the budget table, or in a composed line. Every other field of the table prints without a
#: line here: a header fact ``Label: value`` under the title, or — in an official row — a line
#: ``Label: value`` at the end of its row (:func:`labelled_in_row`).
WORDED = frozenset(
    (*PARAGRAPH_FIELDS, "period.start", "period.end", "objectives", "indicators", "indicators[].planned",
     "indicators[].achieved", "indicators[].note", "indicators[].carried_over", "budget", "budget[].planned",
     "budget[].actual", "irregular_expenditure.amount", "irregular_expenditure.explanation",
     "unrecovered_amount.amount", "unrecovered_amount.explanation")
)  # fmt: skip


def labelled_in_row(number: int) -> tuple[Field, ...]:
    """The fields official row ``number`` shows as ``Label: value`` lines after its own content:
    those of the row that :func:`build` does not word by name (a field added to the table)."""
    return tuple(
        f
        for f in field_table.FIELDS
        if f.part is Part.ROW and f.row == number and f.key not in WORDED and not f.is_row_field
    )


def labelled() -> tuple[Field, ...]:
    """Every field printed after its label (``Līgums: …``): the header facts and the fields
    :func:`labelled_in_row` adds to the official rows."""
    return fields_of(Part.HEADER) + tuple(f for official in ROWS for f in labelled_in_row(official.number))


def value_text(report: Report, key: str) -> str:
    """The exact value of the field ``key`` as text: a text as typed, an amount or a date as the
    document prints it, "" when there is none."""
    value = report.value_at(key)
    if value is None:
        return ""
    kind = field_table.field(key).kind
    if kind is Kind.AMOUNT:
        return format_money(value)  # type: ignore[arg-type]
    if kind is Kind.DATE:
        return format_date(value)  # type: ignore[arg-type]
    return str(value)


DATE = printed_label("signatory.date")  # "Datums"


class Run(NamedTuple):  # not a dataclass: a report of 2,000 indicators makes 14,000, cheaply
    """A piece of a composed line: a value as printed, or what prints in place of an empty one
    (``path`` names its field: ``indicators[2].planned``, positional as in
    :mod:`kopsavilkums.fieldpath`), or our own wording (``path`` None)."""

    text: str
    path: str | None = None


Runs = tuple[Run, ...]


def joined(runs: Runs) -> str:
    """What a composed line prints: the text of its runs, in order."""
    return "".join(run.text for run in runs)


@dataclass(frozen=True)
class Text:
    """A paragraph of user text (may hold line breaks)."""

    text: str
    kind: str = "body"  # body | fixed (our own wording) | note (a note of what is not printed)
    # | field (a field no line here words, after its label: see labelled_in_row)
    runs: Runs = ()  # set where the paragraph is composed (the period, rows 6 and 7): ``text`` joined


def _composed(*runs: Run) -> Text:
    return Text(joined(runs), runs=runs)


@dataclass(frozen=True)
class Numbered:
    number: str  # "1." or "1)"
    text: str
    detail_runs: Runs = ()  # an indicator's planned and achieved values and its note

    @property
    def details(self) -> str:
        return joined(self.detail_runs)


@dataclass(frozen=True)
class BudgetTable:
    """Row 5. ``header`` names the columns: the year and either both amounts or, when no year has
    a planned amount, only what was actually used (as most published summaries give it)."""

    header: tuple[str, ...]
    rows: list[tuple[str, ...]]  # year label, then the amounts (formatted, "" when empty)
    total: tuple[str, ...]  # the amounts' sums


Block = Text | Numbered | BudgetTable


@dataclass(frozen=True)
class Row:
    label: str
    blocks: list[Block]


@dataclass(frozen=True)
class SignatureLine:
    label: str
    runs: Runs = ()  # none: a line to sign or write on by hand

    @property
    def text(self) -> str:
        return joined(self.runs)


@dataclass(frozen=True)
class PrintModel:
    title: str
    header: list[tuple[str, str]]
    rows: list[Row]
    signature_lines: list[SignatureLine]
    prepared_by_runs: Runs
    draft: bool
    metadata: dict[str, str] = field(default_factory=dict)
    e_signature_note: str = ""  # set when signed as an e-document: printed instead of a signature line

    @property
    def signature(self) -> list[tuple[str, str]]:
        """The signature block as printed: each label with its text ("" where one writes by hand)."""
        return [(line.label, line.text) for line in self.signature_lines]

    @property
    def prepared_by(self) -> str:
        return joined(self.prepared_by_runs)


def print_limit(key: str) -> int:
    """How much of the field ``key`` prints: its limit in the field table (characters of a text,
    or rows of a list)."""
    limit = field_table.field(key).limit
    assert limit is not None, f"{key} has no limit"
    return limit


# Text beyond its field's limit is not printed; a note says how much is left out. Such a report
# has a validation error, so its PDF is a MELNRAKSTS that cannot be submitted anyway, and cutting
# keeps printing bounded by what a valid report may hold: a 20 MB draft file could otherwise be
# one 19-million-character introduction, 6,300 pages that nobody needs (printed whole: 10 s and
# 370 MB; cut: 0.6 s). The note (and the validation error) tells the user what to shorten; the
# draft itself keeps every character.
def _cut(text: str, key: str) -> str:
    """``text`` as printed, stripped: whole within its limit, otherwise cut with a note."""
    limit = print_limit(key)
    if len(text) <= limit:
        return text.strip()
    return f"{text[:limit].strip()} … [{_not_printed(len(text) - limit, 'rakstzīme', 'rakstzīmes', 'drukāta', 'drukātas')}]"


def _not_printed(count: int, one: str, many: str, one_verb: str, many_verb: str) -> str:
    """``vēl 18 000 000 rakstzīmes netiek drukātas``. Latvian counts 1, 21, 31… (not 11, 111…) in
    the singular."""
    number = f"{count:,}".replace(",", "\u00a0")  # 18 000 000, never broken across lines
    return f"vēl {number} {count_lv(count, one, many)} netiek {count_lv(count, one_verb, many_verb)}"


def build(report: Report, problems: list[Problem] | None = None) -> PrintModel:
    """The print model of ``report``; ``draft`` is set while final validation finds errors."""
    if problems is None:
        problems = validate(report, final=True)
    r = report
    title = _cut(r.title, "title") or DEFAULT_TITLE
    header = [(printed_label(f.key), value) for f in fields_of(Part.HEADER) if (value := _printed(r, f))]

    description: list[Block] = []
    if introduction := _cut(r.introduction, "introduction"):
        description.append(Text(introduction))
    objectives = [o for o in r.objectives[: print_limit("objectives")] if o.text.strip()]
    description += [Numbered(f"{n}.", _cut(o.text, "objectives[]")) for n, o in enumerate(objectives, 1)]
    if (left := len(r.objectives) - print_limit("objectives")) > 0:
        description.append(Text(f"… [{_not_printed(left, 'uzdevums', 'uzdevumi', 'drukāts', 'drukāti')}]", kind="note"))
    indicators = [(at, i) for at, i in enumerate(r.indicators[: print_limit("indicators")]) if i.text.strip()]
    if indicators:
        description.append(Text(INDICATORS_SENTENCE, kind="fixed"))
        description += [
            Numbered(f"{n})", _cut(i.text, "indicators[].text"), _indicator_details(at, i))
            for n, (at, i) in enumerate(indicators, 1)
        ]
    if (left := len(r.indicators) - print_limit("indicators")) > 0:
        description.append(Text(f"… [{_not_printed(left, 'rādītājs', 'rādītāji', 'drukāts', 'drukāti')}]", kind="note"))
    if assessment := _cut(r.assessment, "assessment"):
        description.append(Text(assessment))

    performer = _cut(r.performer, "performer")
    budget = _budget_table(r)
    rows = [
        Row(LABELS["task"], [Text(_cut(r.task, "task"))]),
        Row(LABELS["performer"], [Text(performer)]),
        Row(LABELS["period"], [_period(r)]),
        Row(LABELS["description"], description),
        Row(LABELS["budget"], [budget] if r.budget else [Text("")]),
        Row(LABELS["irregular_expenditure"], _amount_or_none(r.irregular_expenditure, "irregular_expenditure")),
        Row(LABELS["unrecovered_amount"], _amount_or_none(r.unrecovered_amount, "unrecovered_amount")),
        Row(LABELS["other_information"], [Text(_cut(r.other_information, "other_information") or NONE)]),
    ]
    for official, row in zip(ROWS, rows, strict=True):
        row.blocks.extend(_labelled(r, f) for f in labelled_in_row(official.number) if _printed(r, f))
    s = r.signatory
    signature = [SignatureLine(REPRESENTATIVE, _listed(r, ("", "signatory.name"), ("", "signatory.position")))]
    if not s.e_signed:
        date = (Run(format_date(s.date), "signatory.date"),) if s.date else ()
        signature += [SignatureLine(SIGNATURE), SignatureLine(DATE, date)]
    prepared = _listed(r, ("", "prepared_by.name"), (PHONE, "prepared_by.phone"), (EMAIL, "prepared_by.email"))
    return PrintModel(
        title=title,
        header=header,
        rows=rows,
        signature_lines=signature,
        prepared_by_runs=prepared,
        draft=has_errors(problems),
        e_signature_note=E_SIGNATURE_NOTE if s.e_signed else "",
        metadata={
            "title": title,
            "subject": SUBJECT,
            "author": performer,
            "creator": f"Kopsavilkums {__version__}",
            "lang": "lv",
        },
    )


def _printed(r: Report, f: Field) -> str:
    """A field's value as printed: a text stripped (cut beyond its limit), an amount or a date
    formatted, "" when there is none."""
    if f.is_text:
        return _cut(str(r.value_at(f.key)), f.key) if f.limit is not None else str(r.value_at(f.key)).strip()
    return value_text(r, f.key)


def _labelled(r: Report, f: Field) -> Text:
    """A field no line of :func:`build` words: ``Label: value``, a paragraph of its row."""
    return Text(
        f"{printed_label(f.key)}: {_printed(r, f)}",
        kind="field",
        runs=(Run(f"{printed_label(f.key)}: "), Run(_printed(r, f), f.key)),
    )


def _money(value) -> str:
    return format_money(value) if value is not None else ""


def _budget_table(r: Report) -> BudgetTable:
    planned_total, actual_total = r.budget_total()
    if planned_total is None:  # one amount per year, as published: do not print an empty column
        return BudgetTable(
            header=("Gads", "Faktiski izlietots"),
            rows=[(format_year(b.year), _money(b.actual)) for b in r.budget],
            total=(_money(actual_total),),
        )
    return BudgetTable(
        header=("Gads", "Plānots", "Faktiski izlietots"),
        rows=[(format_year(b.year), _money(b.planned), _money(b.actual)) for b in r.budget],
        total=(_money(planned_total), _money(actual_total)),
    )


def _amount_or_none(value: AmountWithExplanation, key: str) -> list[Block]:
    amount_path, explanation_path = f"{key}.amount", f"{key}.explanation"
    if value.is_none:
        return [_composed(Run(NONE, explanation_path))]
    explanation = _cut(value.explanation, explanation_path)
    if value.amount is None:
        return [_composed(Run(explanation, explanation_path))]
    money = Run(format_money(value.amount), amount_path)
    if explanation and "\n" not in explanation and len(explanation) <= INLINE_EXPLANATION:
        return [_composed(money, Run(" ("), Run(explanation, explanation_path), Run(")"))]
    blocks: list[Block] = [_composed(money)]
    return blocks + ([_composed(Run(explanation, explanation_path))] if explanation else [])


def _period(r: Report) -> Text:
    """``12.08.2019. – 31.10.2020.``; an open end shows as ``…``; nothing when neither is given."""
    start, end = r.period.start, r.period.end
    if not start and not end:
        return Text("")
    return _composed(
        Run(format_date(start) if start else OPEN_END, "period.start"),  # the words of formats.format_period
        Run(PERIOD_DASH),
        Run(format_date(end) if end else OPEN_END, "period.end"),
    )


def _indicator_details(at: int, indicator: Indicator) -> Runs:
    """``Plānots: 24; sasniegts: 26. Note``, from the values that are not blank."""
    item = positional("indicators", at)
    planned, achieved, note = (
        _cut(getattr(indicator, key), f"indicators[].{key}") for key in ("planned", "achieved", "note")
    )
    runs: list[Run] = []
    if planned:
        runs += [Run(PLANNED), Run(planned, f"{item}.planned")]
    if achieved:
        runs += [Run(AND_ACHIEVED if runs else ACHIEVED), Run(achieved, f"{item}.achieved")]
    if runs:
        runs.append(Run("."))
    if note and runs:
        runs += [Run(" "), Run(note, f"{item}.note")]
    elif note:  # a cut note that keeps nothing before its mark would start with a space
        runs.append(Run(note.lstrip(), f"{item}.note"))
    return tuple(runs)


def _listed(r: Report, *items: tuple[str, str]) -> Runs:
    """The values (by key) that are not blank, each after its words, with commas between:
    ``Anna Bērziņa, tālr. 29123456``."""
    runs: list[Run] = []
    for words, key in items:
        if value := _cut(str(r.value_at(key)), key):
            runs += [Run(", ")] if runs else []
            runs += [Run(words)] if words else []
            runs.append(Run(value, key))
    return tuple(runs)
