"""The official document: everything a printed (or exported) summary shows, already worded and
formatted the Latvian way — the print model.

Built from a :class:`~kopsavilkums.report.Report` in one pass, before any drawing, so that the
PDF renderer and the Word, web page and text exporters never look anything up and every wording
decision (``Nav``, ``2019.gads``, the fixed sentence before the indicators) is in one place and
testable without a PDF. The output is always Latvian: it is the official document, whatever the
interface language.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kopsavilkums import __version__
from kopsavilkums.fields import ROWS, Part, fields_of
from kopsavilkums.formats import format_date, format_money, format_period, format_year
from kopsavilkums.report import AmountWithExplanation, Report
from kopsavilkums.validation import Problem, has_errors, validate

#: The official row labels (GUIDE §1), exactly as the ministries publish them.
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
PREPARED_BY = "Sagatavoja"
#: An explanation up to this long prints after its amount in brackets, as the published
#: summaries write it (``146,90 euro (reprezentācijas izdevumi)``); a longer one as a paragraph.
INLINE_EXPLANATION = 300
SUBJECT = "Kopsavilkums par valsts pārvaldes uzdevuma izpildi"


@dataclass(frozen=True)
class Text:
    """A paragraph of user text (may hold line breaks)."""

    text: str
    kind: str = "body"  # body | fixed (our own wording) | note (indicator details)


@dataclass(frozen=True)
class Numbered:
    number: str  # "1." or "1)"
    text: str
    details: str = ""


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
class PrintModel:
    title: str
    header: list[tuple[str, str]]
    rows: list[Row]
    signature: list[tuple[str, str]]
    prepared_by: str
    draft: bool
    metadata: dict[str, str] = field(default_factory=dict)
    e_signature_note: str = ""  # set when signed as an e-document: printed instead of a signature line


def build(report: Report, problems: list[Problem] | None = None) -> PrintModel:
    """The print model of ``report``; ``draft`` is set while final validation finds errors."""
    if problems is None:
        problems = validate(report, final=True)
    r = report
    title = r.title.strip() or DEFAULT_TITLE
    header = [
        ((f.print_label or f.label).lv, value) for f in fields_of(Part.HEADER) if (value := getattr(r, f.key)).strip()
    ]

    description: list[Block] = []
    if r.introduction.strip():
        description.append(Text(r.introduction.strip()))
    objectives = [o for o in r.objectives if o.text.strip()]
    description += [Numbered(f"{n}.", o.text.strip()) for n, o in enumerate(objectives, 1)]
    indicators = [i for i in r.indicators if i.text.strip()]
    if indicators:
        description.append(Text(INDICATORS_SENTENCE, kind="fixed"))
        description += [
            Numbered(f"{n})", i.text.strip(), _indicator_details(i.planned, i.achieved, i.note))
            for n, i in enumerate(indicators, 1)
        ]
    if r.assessment.strip():
        description.append(Text(r.assessment.strip()))

    budget = _budget_table(r)
    rows = [
        Row(LABELS["task"], [Text(r.task.strip())]),
        Row(LABELS["performer"], [Text(r.performer.strip())]),
        Row(
            LABELS["period"],
            [Text(format_period(r.period.start, r.period.end) if (r.period.start or r.period.end) else "")],
        ),
        Row(LABELS["description"], description),
        Row(LABELS["budget"], [budget] if r.budget else [Text("")]),
        Row(LABELS["irregular_expenditure"], _amount_or_none(r.irregular_expenditure)),
        Row(LABELS["unrecovered_amount"], _amount_or_none(r.unrecovered_amount)),
        Row(LABELS["other_information"], [Text(r.other_information.strip() or NONE)]),
    ]
    s, p = r.signatory, r.prepared_by
    signature = [(REPRESENTATIVE, ", ".join(x for x in (s.name.strip(), s.position.strip()) if x))]
    if not s.e_signed:
        signature += [("Paraksts", ""), ("Datums", format_date(s.date) if s.date else "")]
    prepared = ", ".join(
        x
        for x in (
            p.name.strip(),
            f"tālr. {p.phone.strip()}" if p.phone.strip() else "",
            f"e-pasts {p.email.strip()}" if p.email.strip() else "",
        )
        if x
    )
    return PrintModel(
        title=title,
        header=header,
        rows=rows,
        signature=signature,
        prepared_by=prepared,
        draft=has_errors(problems),
        e_signature_note=E_SIGNATURE_NOTE if s.e_signed else "",
        metadata={
            "title": title,
            "subject": SUBJECT,
            "author": r.performer.strip(),
            "creator": f"Kopsavilkums {__version__}",
            "lang": "lv",
        },
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


def _amount_or_none(value: AmountWithExplanation) -> list[Block]:
    if value.is_none:
        return [Text(NONE)]
    explanation = value.explanation.strip()
    if value.amount is None:
        return [Text(explanation)]
    money = format_money(value.amount)
    if explanation and "\n" not in explanation and len(explanation) <= INLINE_EXPLANATION:
        return [Text(f"{money} ({explanation})")]
    blocks: list[Block] = [Text(money)]
    return blocks + ([Text(explanation)] if explanation else [])


def _indicator_details(planned: str, achieved: str, note: str) -> str:
    parts = []
    if planned.strip():
        parts.append(f"plānots: {planned.strip()}")
    if achieved.strip():
        parts.append(f"sasniegts: {achieved.strip()}")
    details = "; ".join(parts)
    if details:
        details = details[0].upper() + details[1:] + "."
    if note.strip():
        details = f"{details} {note.strip()}".strip()
    return details
