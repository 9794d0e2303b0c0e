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
from kopsavilkums import fields as field_table
from kopsavilkums.fields import ROWS, Part, fields_of
from kopsavilkums.formats import format_date, format_money, format_period, format_year
from kopsavilkums.messages import count_lv
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
TOTAL = "Kopā"  # the budget table's last row
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
    header = [
        ((f.print_label or f.label).lv, value)
        for f in fields_of(Part.HEADER)
        if (value := _cut(getattr(r, f.key), f.key))
    ]

    description: list[Block] = []
    if introduction := _cut(r.introduction, "introduction"):
        description.append(Text(introduction))
    objectives = [o for o in r.objectives[: print_limit("objectives")] if o.text.strip()]
    description += [Numbered(f"{n}.", _cut(o.text, "objectives[]")) for n, o in enumerate(objectives, 1)]
    if (left := len(r.objectives) - print_limit("objectives")) > 0:
        description.append(Text(f"… [{_not_printed(left, 'uzdevums', 'uzdevumi', 'drukāts', 'drukāti')}]", kind="note"))
    indicators = [i for i in r.indicators[: print_limit("indicators")] if i.text.strip()]
    if indicators:
        description.append(Text(INDICATORS_SENTENCE, kind="fixed"))
        description += [
            Numbered(
                f"{n})",
                _cut(i.text, "indicators[].text"),
                _indicator_details(
                    _cut(i.planned, "indicators[].planned"),
                    _cut(i.achieved, "indicators[].achieved"),
                    _cut(i.note, "indicators[].note"),
                ),
            )
            for n, i in enumerate(indicators, 1)
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
        Row(
            LABELS["period"],
            [Text(format_period(r.period.start, r.period.end) if (r.period.start or r.period.end) else "")],
        ),
        Row(LABELS["description"], description),
        Row(LABELS["budget"], [budget] if r.budget else [Text("")]),
        Row(LABELS["irregular_expenditure"], _amount_or_none(r.irregular_expenditure, "irregular_expenditure")),
        Row(LABELS["unrecovered_amount"], _amount_or_none(r.unrecovered_amount, "unrecovered_amount")),
        Row(LABELS["other_information"], [Text(_cut(r.other_information, "other_information") or NONE)]),
    ]
    s, p = r.signatory, r.prepared_by
    name, phone, email = (_cut(getattr(p, key), f"prepared_by.{key}") for key in ("name", "phone", "email"))
    signer = (_cut(s.name, "signatory.name"), _cut(s.position, "signatory.position"))
    signature = [(REPRESENTATIVE, ", ".join(x for x in signer if x))]
    if not s.e_signed:
        signature += [("Paraksts", ""), ("Datums", format_date(s.date) if s.date else "")]
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
        e_signature_note=E_SIGNATURE_NOTE if s.e_signed else "",
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
    if value.is_none:
        return [Text(NONE)]
    explanation = _cut(value.explanation, f"{key}.explanation")
    if value.amount is None:
        return [Text(explanation)]
    money = format_money(value.amount)
    if explanation and "\n" not in explanation and len(explanation) <= INLINE_EXPLANATION:
        return [Text(f"{money} ({explanation})")]
    blocks: list[Block] = [Text(money)]
    return blocks + ([Text(explanation)] if explanation else [])


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
