"""The print model: everything the PDF shows, already worded and formatted the Latvian way.

Built from a :class:`~kopsavilkums.report.Report` in one pass, before any drawing, so that the
renderer never looks anything up and every wording decision (``Nav``, ``2019.gads``, the fixed
sentence before the indicators) is in one place and testable without a PDF.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kopsavilkums import __version__, validation
from kopsavilkums.formats import format_date, format_money, format_period, format_year
from kopsavilkums.report import AmountWithExplanation, Report
from kopsavilkums.validation import Problem, has_errors, validate

#: The official row labels (GUIDE §1), exactly as the ministries publish them.
LABELS = {
    "task": "Valsts pārvaldes uzdevums",
    "performer": "Valsts pārvaldes uzdevuma veicējs",
    "period": "Valsts pārvaldes uzdevuma deleģēšanas periods",
    "description": (
        "Apraksts un vērtējums par valsts pārvaldes uzdevuma izpildes ietvaros sasniegtajiem "
        "rezultatīvajiem rādītājiem un izlietotā valsts budžeta finansējuma atbilstību līgumā "
        "paredzētajiem mērķiem"
    ),
    "budget": "Plānotais un faktiski izlietotais valsts budžeta finansējums sadalījumā pa gadiem",
    "irregular_expenditure": "Neatbilstoši veiktie izdevumi",
    "unrecovered_amount": "Neatgūto līdzekļu apmērs no neatbilstoši veiktajiem izdevumiem",
    "other_information": "Cita informācija",
}
DEFAULT_TITLE = "Kopsavilkums par valsts pārvaldes uzdevuma izpildi"
INDICATORS_SENTENCE = "Valsts pārvaldes uzdevumu ietvaros tika sasniegti šādi rezultatīvie rādītāji:"
NONE = "Nav"
DRAFT_MARK = "MELNRAKSTS"
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
    rows: list[tuple[str, str, str]]  # year label, planned, actual (formatted, "" when empty)
    total: tuple[str, str]


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


def print_limit(field: str) -> int:
    """How much of ``field`` prints: validation's limit for it (characters of a text, or rows).
    The one place that knows where the limits live."""
    rows = {"objectives": validation.MAX_OBJECTIVES, "indicators": validation.MAX_INDICATORS}
    return rows[field] if field in rows else validation.LIMITS[field]


# Text beyond its field's limit is not printed; a note says how much is left out. Such a report
# has a validation error, so its PDF is a MELNRAKSTS that cannot be submitted anyway, and cutting
# keeps printing bounded by what a valid report may hold: a 20 MB draft file could otherwise be
# one 19-million-character introduction, 6,300 pages that nobody needs (printed whole: 10 s and
# 370 MB; cut: 0.6 s). The note (and the validation error) tells the user what to shorten; the
# draft itself keeps every character.
def _cut(text: str, field: str) -> str:
    """``text`` as printed, stripped: whole within its limit, otherwise cut with a note."""
    limit = print_limit(field)
    if len(text) <= limit:
        return text.strip()
    return f"{text[:limit].strip()} … [{_not_printed(len(text) - limit, 'rakstzīme', 'rakstzīmes', 'drukāta', 'drukātas')}]"


def _not_printed(count: int, one: str, many: str, one_verb: str, many_verb: str) -> str:
    """``vēl 18 000 000 rakstzīmes netiek drukātas``. Latvian counts 1, 21, 31… (not 11, 111…) in
    the singular."""
    singular = count % 10 == 1 and count % 100 != 11
    number = f"{count:,}".replace(",", "\u00a0")  # 18 000 000, never broken across lines
    return f"vēl {number} {one if singular else many} netiek {one_verb if singular else many_verb}"


def build(report: Report, problems: list[Problem] | None = None) -> PrintModel:
    """The print model of ``report``; ``draft`` is set while final validation finds errors."""
    if problems is None:
        problems = validate(report, final=True)
    r = report
    title = _cut(r.title, "title") or DEFAULT_TITLE
    header = [
        (k, v)
        for k, v in (
            ("Deleģējošā iestāde", _cut(r.delegating_authority, "delegating_authority")),
            ("Līgums", _cut(r.contract, "contract")),
        )
        if v
    ]

    description: list[Block] = []
    if introduction := _cut(r.introduction, "introduction"):
        description.append(Text(introduction))
    objectives = [o for o in r.objectives[: print_limit("objectives")] if o.text.strip()]
    description += [Numbered(f"{n}.", _cut(o.text, "objective")) for n, o in enumerate(objectives, 1)]
    if (left := len(r.objectives) - print_limit("objectives")) > 0:
        description.append(Text(f"… [{_not_printed(left, 'uzdevums', 'uzdevumi', 'drukāts', 'drukāti')}]", kind="note"))
    indicators = [i for i in r.indicators[: print_limit("indicators")] if i.text.strip()]
    if indicators:
        description.append(Text(INDICATORS_SENTENCE, kind="fixed"))
        description += [
            Numbered(
                f"{n})",
                _cut(i.text, "indicator.text"),
                _indicator_details(
                    _cut(i.planned, "indicator.planned"),
                    _cut(i.achieved, "indicator.achieved"),
                    _cut(i.note, "indicator.note"),
                ),
            )
            for n, i in enumerate(indicators, 1)
        ]
    if (left := len(r.indicators) - print_limit("indicators")) > 0:
        description.append(Text(f"… [{_not_printed(left, 'rādītājs', 'rādītāji', 'drukāts', 'drukāti')}]", kind="note"))
    if assessment := _cut(r.assessment, "assessment"):
        description.append(Text(assessment))

    performer = _cut(r.performer, "performer")
    planned_total, actual_total = r.budget_total()
    budget = BudgetTable(
        rows=[(format_year(b.year), _money(b.planned), _money(b.actual)) for b in r.budget],
        total=(_money(planned_total), _money(actual_total)),
    )
    rows = [
        Row(LABELS["task"], [Text(_cut(r.task, "task"))]),
        Row(LABELS["performer"], [Text(performer)]),
        Row(
            LABELS["period"],
            [Text(format_period(r.period.start, r.period.end) if (r.period.start or r.period.end) else "")],
        ),
        Row(LABELS["description"], description),
        Row(LABELS["budget"], [budget] if r.budget else [Text("")]),
        Row(LABELS["irregular_expenditure"], _amount_or_none(r.irregular_expenditure)),
        Row(LABELS["unrecovered_amount"], _amount_or_none(r.unrecovered_amount)),
        Row(LABELS["other_information"], [Text(_cut(r.other_information, "other_information") or NONE)]),
    ]
    s, p = r.signatory, r.prepared_by
    name, phone, email = (_cut(v, "person") for v in (p.name, p.phone, p.email))
    signature = [
        (
            "Valsts pārvaldes uzdevuma veicēja pārstāvis",
            ", ".join(x for x in (_cut(s.name, "person"), _cut(s.position, "person")) if x),
        ),
        ("Paraksts", ""),
        ("Datums", format_date(s.date) if s.date else ""),
    ]
    prepared = ", ".join(
        x
        for x in (
            name,
            f"tālr. {phone}" if phone else "",
            f"e-pasts {email}" if email else "",
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
        metadata={
            "title": title,
            "subject": SUBJECT,
            "author": performer,
            "creator": f"Kopsavilkums {__version__}",
            "lang": "lv",
        },
    )


def _money(value) -> str:
    return format_money(value) if value is not None else ""


def _amount_or_none(value: AmountWithExplanation) -> list[Block]:
    if value.is_none:
        return [Text(NONE)]
    blocks: list[Block] = []
    if value.amount is not None:
        blocks.append(Text(format_money(value.amount)))
    if explanation := _cut(value.explanation, "explanation"):
        blocks.append(Text(explanation))
    return blocks


def _indicator_details(planned: str, achieved: str, note: str) -> str:
    """From texts already cut and stripped."""
    parts = []
    if planned:
        parts.append(f"plānots: {planned}")
    if achieved:
        parts.append(f"sasniegts: {achieved}")
    details = "; ".join(parts)
    if details:
        details = details[0].upper() + details[1:] + "."
    if note:
        details = f"{details} {note}".strip()
    return details
