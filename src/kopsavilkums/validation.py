"""Rules → problems. Each problem names its field, says ``error`` or ``warning``, and reads in
Latvian and English. Errors block *Mark as submitted* and put ``MELNRAKSTS`` on printed pages;
warnings only point things out (an empty budget year is allowed, as in the published example).

Field paths follow the model: ``title``, ``period.end``, ``objectives[0]``,
``indicators[2].achieved``, ``budget[2020].planned`` (budget rows by year), ``signatory.name``.
Row problems also carry the row's stable id so an editor can find a row after reordering.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from kopsavilkums.formats import format_money
from kopsavilkums.report import Report


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    path: str
    severity: Severity
    message_lv: str
    message_en: str
    row_id: str | None = None

    def message(self, language: str) -> str:
        return self.message_lv if language == "lv" else self.message_en

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR


#: Longest text each field takes, in characters. The narrative fields take whole chapters
#: (300,000 characters is about 100 printed pages); short fields take a long sentence.
LIMITS: dict[str, int] = {
    "title": 1_000,
    "task": 5_000,
    "performer": 1_000,
    "delegating_authority": 1_000,
    "contract": 1_000,
    "introduction": 1_000_000,
    "assessment": 1_000_000,
    "other_information": 1_000_000,
    "objective": 20_000,
    "indicator.text": 20_000,
    "indicator.planned": 200,
    "indicator.achieved": 200,
    "indicator.note": 20_000,
    "explanation": 100_000,
    "person": 200,  # names, positions, phone numbers, e-mail addresses
}
MAX_OBJECTIVES = 500
MAX_INDICATORS = 2_000

_LABELS_LV = {
    "title": "Virsraksts",
    "task": "Valsts pārvaldes uzdevums",
    "performer": "Valsts pārvaldes uzdevuma veicējs",
    "delegating_authority": "Deleģējošā iestāde",
    "contract": "Līgums",
    "introduction": "Ievads",
    "assessment": "Vērtējums",
    "other_information": "Cita informācija",
}
_LABELS_EN = {
    "title": "Title",
    "task": "Public administration task",
    "performer": "Performer of the task",
    "delegating_authority": "Delegating institution",
    "contract": "Contract",
    "introduction": "Introduction",
    "assessment": "Assessment",
    "other_information": "Other information",
}
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_NUMBER = re.compile(r"^\s*[~≈]?\s*(\d+(?:[.,]\d+)?)\s*%?\s*$")


def validate(report: Report, *, final: bool = False) -> list[Problem]:
    """All problems of ``report``. ``final=True`` checks it as the copy to sign and submit."""
    out: list[Problem] = []

    def error(path: str, lv: str, en: str, row_id: str | None = None) -> None:
        out.append(Problem(path, Severity.ERROR, lv, en, row_id))

    def warning(path: str, lv: str, en: str, row_id: str | None = None) -> None:
        out.append(Problem(path, Severity.WARNING, lv, en, row_id))

    def too_long(path: str, value: str, limit: int, lv_name: str, en_name: str, row_id: str | None = None) -> None:
        if len(value) > limit:
            error(
                path,
                f"{lv_name}: teksts ir {len(value):,} rakstzīmes garš; atļautas {limit:,}.".replace(",", " "),
                f"{en_name}: the text is {len(value):,} characters long; the limit is {limit:,}.",
                row_id,
            )

    r = report
    for key in ("title", "task", "performer"):
        if not getattr(r, key).strip():
            error(key, f"{_LABELS_LV[key]}: jāaizpilda.", f"{_LABELS_EN[key]}: required.")
    for key in _LABELS_LV:
        too_long(key, getattr(r, key), LIMITS[key], _LABELS_LV[key], _LABELS_EN[key])

    # Row 3: the delegation period.
    start, end = r.period.start, r.period.end
    if not start:
        error(
            "period.start", "Deleģēšanas periodam jānorāda sākuma datums.", "The delegation period needs a start date."
        )
    if not end:
        error("period.end", "Deleģēšanas periodam jānorāda beigu datums.", "The delegation period needs an end date.")
    if start and end and end < start:
        error(
            "period.end", "Deleģēšanas periods beidzas pirms tā sākuma.", "The delegation period ends before it starts."
        )

    # Row 4: objectives and indicators.
    if not any(o.text.strip() for o in r.objectives):
        error("objectives", "Jānorāda vismaz viens uzdevums (mērķis).", "Give at least one objective.")
    if len(r.objectives) > MAX_OBJECTIVES:
        error(
            "objectives",
            f"Pārāk daudz uzdevumu (vairāk nekā {MAX_OBJECTIVES}).",
            f"Too many objectives (more than {MAX_OBJECTIVES}).",
        )
    for n, o in enumerate(r.objectives):
        if not o.text.strip() and len(r.objectives) > 1:
            warning(
                f"objectives[{n}]",
                f"{n + 1}. uzdevums ir tukšs; to nedrukās.",
                f"Objective {n + 1} is empty and will not be printed.",
                o.id,
            )
        too_long(f"objectives[{n}]", o.text, LIMITS["objective"], f"{n + 1}. uzdevums", f"Objective {n + 1}", o.id)
    if not any(i.text.strip() for i in r.indicators):
        error(
            "indicators",
            "Jānorāda vismaz viens sasniegtais rezultatīvais rādītājs.",
            "Give at least one achieved result indicator.",
        )
    if len(r.indicators) > MAX_INDICATORS:
        error(
            "indicators",
            f"Pārāk daudz rādītāju (vairāk nekā {MAX_INDICATORS}).",
            f"Too many indicators (more than {MAX_INDICATORS}).",
        )
    for n, i in enumerate(r.indicators):
        at, lv, en = f"indicators[{n}]", f"{n + 1}) rādītājs", f"Indicator {n + 1})"
        if not i.text.strip() and (i.planned.strip() or i.achieved.strip() or i.note.strip() or len(r.indicators) > 1):
            warning(
                f"{at}.text",
                f"{lv}: nav apraksta; rindu nedrukās.",
                f"{en}: no description; the row will not be printed.",
                i.id,
            )
        for key in ("text", "planned", "achieved", "note"):
            too_long(f"{at}.{key}", getattr(i, key), LIMITS[f"indicator.{key}"], lv, en, i.id)
        planned, achieved = _number(i.planned), _number(i.achieved)
        if planned is not None and achieved is not None and achieved < planned and not i.note.strip():
            warning(
                f"{at}.note",
                f"{lv}: sasniegts mazāk nekā plānots ({i.achieved} no {i.planned}); piezīmē paskaidrojiet, kāpēc.",
                f"{en}: less was achieved than planned ({i.achieved} of {i.planned}); say why in the note.",
                i.id,
            )

    # Row 5: one budget row per calendar year of the period.
    years = r.period.years()
    listed = [b.year for b in r.budget]
    if years:
        missing = [y for y in years if y not in listed]
        extra = sorted({y for y in listed if y not in years})
        if missing:
            error(
                "budget",
                f"Budžetā trūkst gadu: {_years(missing)}.",
                f"The budget is missing the years {_years(missing)}.",
            )
        if extra:
            error(
                "budget",
                f"Budžetā ir gadi ārpus deleģēšanas perioda: {_years(extra)}.",
                f"The budget has years outside the delegation period: {_years(extra)}.",
            )
    dupes = sorted({y for y in listed if listed.count(y) > 1})
    if dupes:
        error("budget", f"Budžetā gadi atkārtojas: {_years(dupes)}.", f"Budget years appear twice: {_years(dupes)}.")
    for b in r.budget:
        at = f"budget[{b.year}]"
        for key, lv, en in (("planned", "plānotais", "planned"), ("actual", "faktiski izlietotais", "actual")):
            value = getattr(b, key)
            if value is not None and value < 0:
                error(
                    f"{at}.{key}",
                    f"{b.year}. gads: {lv} finansējums nevar būt negatīvs.",
                    f"{b.year}: the {en} amount cannot be negative.",
                )
        if b.planned is not None and b.actual is not None and b.actual > b.planned:
            warning(
                f"{at}.actual",
                f"{b.year}. gads: izlietots vairāk nekā plānots ({format_money(b.actual)} > {format_money(b.planned)}).",
                f"{b.year}: more was spent than planned ({format_money(b.actual)} > {format_money(b.planned)}).",
            )
        if b.is_empty and b.year in years:
            warning(
                f"{at}.planned", f"{b.year}. gadam nav norādīts finansējums.", f"No amounts are given for {b.year}."
            )

    # Rows 6 and 7.
    irregular, unrecovered = r.irregular_expenditure, r.unrecovered_amount
    for key, value, lv, en in (
        ("irregular_expenditure", irregular, "Neatbilstoši veiktie izdevumi", "Irregular expenditure"),
        ("unrecovered_amount", unrecovered, "Neatgūto līdzekļu apmērs", "Unrecovered amount"),
    ):
        if value.amount is not None and value.amount < 0:
            error(f"{key}.amount", f"{lv}: summa nevar būt negatīva.", f"{en}: the amount cannot be negative.")
        if value.amount is not None and value.amount > 0 and not value.explanation.strip():
            warning(f"{key}.explanation", f"{lv}: paskaidrojiet summu.", f"{en}: explain the amount.")
        too_long(f"{key}.explanation", value.explanation, LIMITS["explanation"], lv, en)
    if (unrecovered.amount or Decimal(0)) > (irregular.amount or Decimal(0)):
        error(
            "unrecovered_amount.amount",
            "Neatgūtā summa nevar būt lielāka par neatbilstoši veiktajiem izdevumiem.",
            "The unrecovered amount cannot be larger than the irregular expenditure.",
        )

    # Signature block and who prepared it.
    s, p = r.signatory, r.prepared_by
    add = error if final else warning
    if not s.name.strip():
        add("signatory.name", "Jānorāda parakstītāja vārds un uzvārds.", "Give the signatory's name.")
    if not s.position.strip():
        add("signatory.position", "Jānorāda parakstītāja amats.", "Give the signatory's position.")
    if not s.date:
        warning(
            "signatory.date",
            "Parakstīšanas datums nav norādīts; to varēs ierakstīt ar roku.",
            "No signing date; it can be written in by hand.",
        )
    elif end and s.date < end:
        warning(
            "signatory.date",
            "Kopsavilkums parakstīts pirms deleģēšanas perioda beigām.",
            "The summary is signed before the delegation period ends.",
        )
    for key, value, lv, en in (
        ("signatory.name", s.name, "Parakstītājs", "Signatory"),
        ("signatory.position", s.position, "Amats", "Position"),
        ("prepared_by.name", p.name, "Sagatavoja", "Prepared by"),
        ("prepared_by.phone", p.phone, "Tālrunis", "Phone"),
        ("prepared_by.email", p.email, "E-pasts", "E-mail"),
    ):
        too_long(key, value, LIMITS["person"], lv, en)
    if p.email.strip() and not _EMAIL.match(p.email.strip()):
        warning(
            "prepared_by.email",
            f"„{p.email}” neizskatās pēc e-pasta adreses.",
            f'"{p.email}" does not look like an e-mail address.',
        )

    from kopsavilkums.glyphs import unprintable  # reads the fonts' coverage table once, on first use

    for path, text, row_id in _texts(r):
        if missing := unprintable(text):
            shown = " ".join(missing[:8]) + (" …" if len(missing) > 8 else "")
            warning(
                path,
                f"Šīs rakstzīmes nav drukas fontā un PDF būs kā □: {shown}",
                f"These characters are not in the print font and will print as □: {shown}",
                row_id,
            )
    return out


def _texts(r: Report):
    """Every user text of the report with its field path (and row id for rows)."""
    for key in (
        "title",
        "task",
        "performer",
        "delegating_authority",
        "contract",
        "introduction",
        "assessment",
        "other_information",
    ):
        yield key, getattr(r, key), None
    for n, o in enumerate(r.objectives):
        yield f"objectives[{n}]", o.text, o.id
    for n, i in enumerate(r.indicators):
        for key in ("text", "planned", "achieved", "note"):
            yield f"indicators[{n}].{key}", getattr(i, key), i.id
    yield "irregular_expenditure.explanation", r.irregular_expenditure.explanation, None
    yield "unrecovered_amount.explanation", r.unrecovered_amount.explanation, None
    for holder, keys in (("signatory", ("name", "position")), ("prepared_by", ("name", "phone", "email"))):
        for key in keys:
            yield f"{holder}.{key}", getattr(getattr(r, holder), key), None


def has_errors(problems: list[Problem]) -> bool:
    return any(p.is_error for p in problems)


def _years(years: list[int]) -> str:
    return ", ".join(str(y) for y in years)


def _number(text: str) -> Decimal | None:
    m = _NUMBER.match(text)
    return Decimal(m.group(1).replace(",", ".")) if m else None
