"""Rules → problems. Each problem names its field, says ``error`` or ``warning``, and reads in
Latvian and English. Errors block *Mark as submitted* and put ``MELNRAKSTS`` on printed pages;
warnings only point things out (an empty budget year is allowed in a draft, as in the published
example, but not in the copy to sign).

Field paths are positional (:mod:`kopsavilkums.fieldpath`): ``title``, ``period.end``,
``objectives[0]``, ``indicators[2].achieved``, ``budget[2020].planned`` (budget rows by year),
``signatory.name``. Row problems also carry the row's stable id so an editor can find a row after
reordering. What every field needs — to be filled in, to stay under its length limit, to be
printable — comes from the field table (:mod:`kopsavilkums.fields`); the rules between fields are
written out below.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from kopsavilkums.fieldpath import FieldPath, positional
from kopsavilkums.fields import FIELDS, Field, Kind, Need, field, row_keys
from kopsavilkums.formats import format_money
from kopsavilkums.messages import Message
from kopsavilkums.report import Report


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    path: str
    severity: Severity
    message: Message
    row_id: str | None = None

    def text(self, language: str) -> str:
        return self.message.text(language)

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR


#: What an import puts before text it could not place (kept in row 8, never dropped). The copy to
#: sign must not carry it: a user has to move that text where it belongs, or delete it.
UNPLACED_MARKER = "[Importējot neatpazīts teksts:]"
_INDICATOR_TEXTS = tuple(key for key in row_keys("indicators") if field(f"indicators[].{key}").is_text)
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_NUMBER = re.compile(r"^\s*[~≈]?\s*(\d+(?:[.,]\d+)?)\s*%?\s*$", re.ASCII)


class _Problems(list[Problem]):
    def error(self, path: str, message: Message, row_id: str | None = None) -> None:
        self.append(Problem(path, Severity.ERROR, message, row_id))

    def warning(self, path: str, message: Message, row_id: str | None = None) -> None:
        self.append(Problem(path, Severity.WARNING, message, row_id))


def validate(report: Report, *, final: bool = False) -> list[Problem]:
    """All problems of ``report``, in the order the form shows their fields (so "the first
    error" is the topmost one). ``final=True`` checks it as the copy to sign and submit."""
    out = _Problems()
    _check_fields(report, out, final)
    _check_period(report, out)
    _check_rows(report, out, final)
    _check_budget(report, out, final)
    _check_rows_6_and_7(report, out)
    _check_signature(report, out, final)
    _check_printable(report, out)
    _check_direction(report, out)
    return sorted(out, key=_form_place)  # stable: a field's own problems keep their order


_KEY_AT = {f.key: n for n, f in enumerate(FIELDS)}


def _form_place(problem: Problem) -> tuple[int, int, int]:
    """Where the problem's field is in the form: its row (group), the row's line, the field."""
    try:
        path = FieldPath.parse(problem.path)
    except ValueError:
        return (len(FIELDS), 0, 0)
    head = _KEY_AT.get(path.head, _KEY_AT.get(path.key, len(FIELDS)))
    line = path.item if isinstance(path.item, int) else 0
    return (head, line, _KEY_AT.get(path.key, head))


def has_errors(problems: list[Problem]) -> bool:
    return any(p.is_error for p in problems)


# ------------------------------------------------------------------------------- every field


def _check_fields(r: Report, out: _Problems, final: bool) -> None:
    """Needed fields filled in, texts within their limits (from the field table)."""
    for f in FIELDS:
        if f.is_row_field:
            continue  # checked per row in _check_rows
        value = r.value_at(f.key)
        if f.need is not Need.OPTIONAL and _is_empty(value, f):
            report_it = out.error if f.need is Need.REQUIRED or final else out.warning
            report_it(f.key, f.missing or Message(f"{f.label.lv}: jāaizpilda.", f"{f.label.en}: required."))
        if f.is_text and f.limit is not None:
            _too_long(out, f.key, str(value), f.limit, f.label)


def _is_empty(value: object, f: Field) -> bool:
    if f.kind is Kind.ROWS:
        return not any(getattr(row, "text", "").strip() for row in value)  # type: ignore[attr-defined]
    if isinstance(value, str):
        return not value.strip()
    return value is None


def _too_long(out: _Problems, path: str, value: str, limit: int, name: Message, row_id: str | None = None) -> None:
    if len(value) > limit:
        out.error(
            path,
            Message(
                f"{name.lv}: teksts ir {_count(len(value), ' ')} rakstzīmes garš; atļautas {_count(limit, ' ')}.",
                f"{name.en}: the text is {_count(len(value), ',')} characters long; the limit is {_count(limit, ',')}.",
            ),
            row_id,
        )


def _count(n: int, separator: str) -> str:
    return f"{n:,}".replace(",", separator)


# ------------------------------------------------------------------------------- row 3


def _check_period(r: Report, out: _Problems) -> None:
    start, end = r.period.start, r.period.end
    if start and end and end < start:
        out.error(
            "period.end",
            Message("Deleģēšanas periods beidzas pirms tā sākuma.", "The delegation period ends before it starts."),
        )


# ------------------------------------------------------------------------------- row 4


def _check_rows(r: Report, out: _Problems, final: bool) -> None:
    for key, rows in (("objectives", r.objectives), ("indicators", r.indicators)):
        limit = field(key).limit
        if limit is not None and len(rows) > limit:
            out.error(
                key,
                Message(
                    f"{field(key).label.lv}: pārāk daudz rindu (vairāk nekā {limit}).",
                    f"{field(key).label.en}: too many rows (more than {limit}).",
                ),
            )
    for n, o in enumerate(r.objectives):
        name = Message(f"{n + 1}. uzdevums", f"Objective {n + 1}")
        if not o.text.strip() and len(r.objectives) > 1:
            out.warning(
                positional("objectives", n),
                Message(f"{name.lv} ir tukšs; to nedrukās.", f"{name.en} is empty and will not be printed."),
                o.id,
            )
        _too_long(out, positional("objectives", n), o.text, field("objectives[]").limit or 0, name, o.id)
    for n, i in enumerate(r.indicators):
        name = Message(f"{n + 1}) rādītājs", f"Indicator {n + 1})")
        if not i.text.strip() and (i.planned.strip() or i.achieved.strip() or i.note.strip() or len(r.indicators) > 1):
            out.warning(
                positional("indicators", n, "text"),
                Message(
                    f"{name.lv}: nav apraksta; rindu nedrukās.",
                    f"{name.en}: no description; the row will not be printed.",
                ),
                i.id,
            )
        for attr in _INDICATOR_TEXTS:
            limit = field(f"indicators[].{attr}").limit or 0
            _too_long(out, positional("indicators", n, attr), getattr(i, attr), limit, name, i.id)
        # The copy to sign must not repeat last period's results, nor leave a target without its
        # result. A row told as a sentence alone (no planned value) is how published summaries
        # often put it, and stays allowed.
        for_signing = out.error if final else out.warning
        if i.carried_over and i.text.strip():
            for_signing(
                positional("indicators", n, "text"),
                Message(
                    f"{name.lv} pārņemts no iepriekšējā kopsavilkuma: pārbaudiet, vai teksts atbilst šim periodam, un atzīmējiet to kā pārbaudītu.",
                    f"{name.en} comes from the previous report: check that its text describes this period, then mark it as checked.",
                ),
                i.id,
            )
        if i.planned.strip() and not i.achieved.strip():
            for_signing(
                positional("indicators", n, "achieved"),
                Message(
                    f"{name.lv}: plānots {i.planned.strip()}, bet nav norādīts, cik sasniegts.",
                    f"{name.en}: {i.planned.strip()} was planned, but what was achieved is not given.",
                ),
                i.id,
            )
        planned, achieved = _number(i.planned), _number(i.achieved)
        if planned is not None and achieved is not None and achieved < planned and not i.note.strip():
            out.warning(
                positional("indicators", n, "note"),
                Message(
                    f"{name.lv}: sasniegts mazāk nekā plānots ({i.achieved} no {i.planned}); piezīmē paskaidrojiet, kāpēc.",
                    f"{name.en}: less was achieved than planned ({i.achieved} of {i.planned}); say why in the note.",
                ),
                i.id,
            )


def _number(text: str) -> Decimal | None:
    m = _NUMBER.match(text)
    return Decimal(m.group(1).replace(",", ".")) if m else None


# ------------------------------------------------------------------------------- row 5


def _check_budget(r: Report, out: _Problems, final: bool) -> None:
    """One budget row per calendar year of the period; amounts not negative; the copy to sign
    gives each year of the period its actual amount."""
    years = r.period.years()
    listed = [b.year for b in r.budget]
    if years:
        missing = [y for y in years if y not in listed]
        extra = sorted({y for y in listed if y not in years})
        if missing:
            out.error(
                "budget",
                Message(
                    f"Budžetā trūkst gadu: {_years(missing)}.", f"The budget is missing the years {_years(missing)}."
                ),
            )
        if extra:
            out.error(
                "budget",
                Message(
                    f"Budžetā ir gadi ārpus deleģēšanas perioda: {_years(extra)}.",
                    f"The budget has years outside the delegation period: {_years(extra)}.",
                ),
            )
    dupes = sorted({y for y in listed if listed.count(y) > 1})
    if dupes:
        out.error(
            "budget",
            Message(f"Budžetā gadi atkārtojas: {_years(dupes)}.", f"Budget years appear twice: {_years(dupes)}."),
        )
    for b in r.budget:
        at = f"budget[{b.year}]"
        for key, lv, en in (("planned", "plānotais", "planned"), ("actual", "faktiski izlietotais", "actual")):
            value = getattr(b, key)
            if value is not None and value < 0:
                out.error(
                    f"{at}.{key}",
                    Message(
                        f"{b.year}. gads: {lv} finansējums nevar būt negatīvs.",
                        f"{b.year}: the {en} amount cannot be negative.",
                    ),
                )
        if b.planned is not None and b.actual is not None and b.actual > b.planned:
            spent, planned = format_money(b.actual), format_money(b.planned)
            out.warning(
                f"{at}.actual",
                Message(
                    f"{b.year}. gads: izlietots vairāk nekā plānots ({spent} > {planned}).",
                    f"{b.year}: more was spent than planned ({spent} > {planned}).",
                ),
            )
        if b.actual is None and b.year in years:
            # A draft may wait for the year's accounts; the copy to sign may not. Published
            # summaries do leave a year blank (the seed's 2020), but then the ministry cannot tell
            # "nothing spent" from "not told": 0,00 says the first.
            if final:
                out.error(
                    f"{at}.actual",
                    Message(
                        f"{b.year}. gadam nav norādīts faktiski izlietotais finansējums. Parakstāmajā "
                        "kopsavilkumā tas jānorāda (0,00, ja nekas netika izlietots).",
                        f"No actual amount is given for {b.year}. The copy to sign needs it "
                        "(0,00 if nothing was spent).",
                    ),
                )
            elif b.is_empty:
                out.warning(
                    f"{at}.actual",
                    Message(f"{b.year}. gadam nav norādīts finansējums.", f"No amounts are given for {b.year}."),
                )


def _years(years: list[int]) -> str:
    return ", ".join(str(y) for y in years)


# ------------------------------------------------------------------------------- rows 6 and 7


def _check_rows_6_and_7(r: Report, out: _Problems) -> None:
    irregular, unrecovered = r.irregular_expenditure, r.unrecovered_amount
    for key, value in (("irregular_expenditure", irregular), ("unrecovered_amount", unrecovered)):
        name = field(f"{key}.amount").label
        if value.amount is not None and value.amount < 0:
            out.error(f"{key}.amount", Message(f"{name.lv}: nevar būt negatīva.", f"{name.en}: cannot be negative."))
        if value.amount is not None and value.amount > 0 and not value.explanation.strip():
            out.warning(
                f"{key}.explanation", Message(f"{name.lv}: paskaidrojiet summu.", f"{name.en}: explain the amount.")
            )
    if (unrecovered.amount or Decimal(0)) > (irregular.amount or Decimal(0)):
        out.error(
            "unrecovered_amount.amount",
            Message(
                "Neatgūtā summa nevar būt lielāka par neatbilstoši veiktajiem izdevumiem.",
                "The unrecovered amount cannot be larger than the irregular expenditure.",
            ),
        )


# ------------------------------------------------------------------------------- signature


def _check_signature(r: Report, out: _Problems, final: bool) -> None:
    s, p = r.signatory, r.prepared_by
    if s.e_signed:
        pass  # signed as an e-document: its time stamp is the date (MK noteikumi Nr. 558)
    elif not s.date:
        out.warning(
            "signatory.date",
            Message(
                "Parakstīšanas datums nav norādīts; to varēs ierakstīt ar roku.",
                "No signing date; it can be written in by hand.",
            ),
        )
    elif r.period.end and s.date < r.period.end:
        out.warning(
            "signatory.date",
            Message(
                "Kopsavilkums parakstīts pirms deleģēšanas perioda beigām.",
                "The summary is signed before the delegation period ends.",
            ),
        )
    if UNPLACED_MARKER in r.other_information:
        (out.error if final else out.warning)(
            "other_information",
            Message(
                f"Cita informācija satur importējot neatpazītu tekstu (aiz „{UNPLACED_MARKER}”): pārceliet to, kur tas pieder, vai izdzēsiet.",
                f'Other information holds text the import could not place (after "{UNPLACED_MARKER}"): move it where it belongs, or delete it.',
            ),
        )
    if p.email.strip() and not _EMAIL.match(p.email.strip()):
        out.warning(
            "prepared_by.email",
            Message(
                f"„{p.email}” neizskatās pēc e-pasta adreses.", f'"{p.email}" does not look like an e-mail address.'
            ),
        )


# ------------------------------------------------------------------------------- printable


def _check_printable(r: Report, out: _Problems) -> None:
    from kopsavilkums.glyphs import unprintable  # reads the fonts' coverage table once, on first use

    for path, text, row_id in texts(r):
        if missing := unprintable(text):
            shown = " ".join(missing[:8]) + (" …" if len(missing) > 8 else "")
            out.warning(
                path,
                Message(
                    f"Šīs rakstzīmes nav drukas fontā un PDF būs kā □: {shown}",
                    f"These characters are not in the print font and will print as □: {shown}",
                ),
                row_id,
            )


#: Bidi embeddings and overrides: shown reversed by browsers and Word, left out of every output.
_OVERRIDES = re.compile("[\u202a-\u202e]")


def _check_direction(r: Report, out: _Problems) -> None:
    for path, text, row_id in texts(r):
        if _OVERRIDES.search(text):
            out.warning(
                path,
                Message(
                    "Tekstā ir rakstības virziena maiņas rakstzīmes (U+202A–U+202E), kas tekstu var parādīt apgrieztu; "
                    "PDF, Word failā un tīmekļa lapā tās tiek izlaistas.",
                    "The text holds direction-override characters (U+202A–U+202E), which can show it reversed; "
                    "the PDF, the Word file and the web page leave them out.",
                ),
                row_id,
            )


def texts(r: Report) -> Iterator[tuple[str, str, str | None]]:
    """Every user text of the report with its positional path (and row id for rows), in the
    order of the field table."""
    for f in FIELDS:
        if not f.is_text:
            continue
        if f.key == "objectives[]":
            for n, o in enumerate(r.objectives):
                yield positional("objectives", n), o.text, o.id
        elif f.key == "indicators[].text":  # row by row, each row's fields together
            for n, i in enumerate(r.indicators):
                for attr in _INDICATOR_TEXTS:
                    yield positional("indicators", n, attr), getattr(i, attr), i.id
        elif f.key.startswith("indicators[]."):
            continue
        else:
            yield f.key, str(r.value_at(f.key)), None
