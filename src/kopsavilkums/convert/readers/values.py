"""The values of rows 3, 5, 6 and 7: the period, the budget by year, an amount with its explanation.

Each reader here takes the row's text, returns what it understood, and hands back, word for
word, whatever it did not (the caller puts that where the user sees it) with a note.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from kopsavilkums.convert.readers.dates import YEAR, find_dates, leftover
from kopsavilkums.convert.readers.import_notes import quote, row_name
from kopsavilkums.convert.readers.labels import fold, squash
from kopsavilkums.formats import FormatError, format_money, parse_amount
from kopsavilkums.messages import Message
from kopsavilkums.report import AmountWithExplanation, BudgetRow, Period


@dataclass
class Read:
    """What a value reader leaves over: text for *Cita informācija*, and notes."""

    unplaced: list[str] = field(default_factory=list)
    notes: list[Message] = field(default_factory=list)


def is_none(text: str) -> bool:
    """``Nav`` (the published way to write "nothing"), with or without a dot, any case."""
    return squash(text).rstrip(".") in ("nav", "-", "–", "—")


# ------------------------------------------------------------------------------------ period

_PERIOD_WORDS = ("no", "lidz", "gada", "g", "periods", "lidz")


def read_period(paragraphs: list[str], read: Read) -> Period:
    text = " ".join(p.strip() for p in paragraphs if p.strip())
    if not text:
        return Period()
    dates = list(find_dates(text)) if len(text) <= 1000 else []
    extra = leftover(text, [(s, e) for s, e, _ in dates], _PERIOD_WORDS)
    label = row_name("period")
    if len(dates) == 2 and not extra:
        return Period(dates[0][2], dates[1][2])
    if len(dates) == 1 and not extra:
        ends = "lidz" in fold(text[: dates[0][0]]).split()
        read.notes.append(
            Message(
                f"{label.lv}: norādīts tikai viens datums ({quote(text)}); tas nolasīts kā perioda "
                f"{'beigas' if ends else 'sākums'}.",
                f"{label.en}: only one date is given ({quote(text)}); it was read as the "
                f"{'end' if ends else 'start'} of the period.",
            )
        )
        return Period(end=dates[0][2]) if ends else Period(start=dates[0][2])
    read.unplaced.append(text)
    read.notes.append(
        Message(
            f"{label.lv}: periodu „{quote(text)}” neizdevās nolasīt; lūdzu, ievadiet datumus paši.",
            f"{label.en}: the period “{quote(text)}” could not be read; please enter the dates yourself.",
        )
    )
    return Period()


# ------------------------------------------------------------------------------------ amounts

# Run on folded text (no-break spaces are plain spaces there). A date's "01.08." is no amount.
# "eiro" is the Latvian spelling of the currency, as common as "euro" in NGOs' own tables.
_AMOUNT = re.compile(
    r"(?<![\w.,])(?:(?:€|eur|euro|eiro)\s*)?"
    r"(\d{1,3}(?:[ ]\d{3})+|\d+)(?:([.,])(\d{1,2}))?(?![\d%]|[.,]\d)"
    r"(?:\s*(?:€|eur(?:o)?(?![a-z])|eiro(?![a-z])))?"
)
_CURRENCY = re.compile(r"€|\beur(?:o)?\b|\beiro\b")


def _amounts(folded: str, limit: int = 3) -> list[tuple[int, int, Decimal, bool]]:
    """(start, end, amount, written as money) for the amounts in a folded line, at most ``limit``
    (more than two on a line is already more than a year's line holds)."""
    found: list[tuple[int, int, Decimal, bool]] = []
    for m in _AMOUNT.finditer(folded):
        if len(found) >= limit:
            break
        if m[2] == "." and folded[m.end() : m.end() + 1] == ".":  # 01.08. is a date, not 1,08
            continue
        try:
            value = parse_amount(m[0])
        except FormatError:
            continue
        money = bool(m[2]) or bool(_CURRENCY.search(m[0]))
        found.append((m.start(), m.end(), value, money))
    return found


# ------------------------------------------------------------------------------------ budget

_YEAR = re.compile(rf"^\s*({YEAR})\s*\.?\s*(?:g\.|gads|gada|gadam|gadu|gadi|g\b)?\s*[:\-–—]?", re.ASCII)
_TOTAL = re.compile(r"^\s*(?:kopa|kopsumma|pavisam)\b")
_PLANNED, _ACTUAL = ("planot", "planned"), ("faktisk", "izlietot", "actual", "spent")
#: Words that name an amount that is neither: a difference, worked out again when printing …
_DIFFERENCE = ("starpib", "atlikum", "novirz", "differen", "balance")
#: … and, as a column's heading, a total.
_OTHER = (*_DIFFERENCE, "kopa", "kopsumm", "total")
_BUDGET_WORDS = (
    "gads", "gada", "g", "planotais", "planots", "planota", "planotie", "faktiski", "faktiskais", "faktiskie",
    "izlietotais", "izlietots", "izlietota", "izlietotie", "finansejums", "valsts", "budzeta", "euro", "eur", "eiro",
    "summa", "un", "kopa", "kopsumma", "pavisam", "no", "tai", "skaita", "planned", "actual", "spent", "used", "starpiba",
    "atlikums", "novirze", "year", "difference", "balance", "total",
)  # fmt: skip


_HEADING_WORDS = (
    "gads", "gadi", "gada", "nr", "planots", "planotais", "planota", "planotie", "faktiski", "faktiskais", "faktiskie",
    "izlietots", "izlietotais", "izlietota", "izlietotie", "summa", "summas", "euro", "eur", "finansejums", "valsts",
    "budzeta", "un", "kopa", "eiro", "starpiba", "atlikums", "novirze", "kopsumma", "year", "years", "planned",
    "plan", "actual", "actually", "spent", "used", "amount", "difference", "balance", "total", "in",
)  # fmt: skip
#: A budget row longer than this is not a list of years (there are not so many years).
MAX_BUDGET_LINES = 300


def read_budget(lines: list[list[str]], read: Read) -> list[BudgetRow]:
    """One :class:`BudgetRow` per year line (``2019.gads 31830,96 euro``, ``2022. gads: plānotais …,
    faktiski izlietotais …``); one amount alone is the actual spending."""
    rows: dict[int, BudgetRow] = {}
    two_columns = False  # a header line named both columns: two bare amounts need no note
    columns: dict[int, str] = {}  # which cell holds which amount, from the column headings
    guessed: list[int] = []
    totals: list[tuple[str, list[Decimal]]] = []
    label = row_name("budget")
    last: BudgetRow | None = None
    if len(lines) > MAX_BUDGET_LINES:
        read.unplaced.extend(" ".join(c.strip() for c in cells if c.strip()) for cells in lines[MAX_BUDGET_LINES:])
        read.notes.append(
            Message(
                f"{label.lv}: rindā ir vairāk nekā {MAX_BUDGET_LINES} teksta rindu; pārējās ievietotas laukā „Cita informācija”.",
                f"{label.en}: the row has more than {MAX_BUDGET_LINES} lines; the rest were put into Other information.",
            )
        )
        lines = lines[:MAX_BUDGET_LINES]
    for cells in _years_as_rows(lines):
        text = " ".join(c.strip() for c in cells if c.strip())
        if not text:
            continue
        # Cells apart: "900 | 100" in two cells are two amounts, not nine hundred thousand one hundred.
        folded = fold(" | ".join(c.strip() for c in cells if c.strip()))
        year_match = _YEAR.match(folded)
        if year_match and not _is_amount_year(folded, year_match):
            year = int(year_match[1])
            body_start = year_match.end()
        else:
            year, body_start = None, 0
        found = _amounts(folded[body_start:], limit=4)
        kinds = _kinds(folded[body_start:], found)
        extra = leftover(folded[body_start:], [(s, e) for s, e, _, _ in found], _BUDGET_WORDS)
        if year is None and _TOTAL.match(folded):
            totals.append((text, [v for _, _, v, _ in found]))
            continue
        if "other" in kinds and any(k not in ("", "other") for k in kinds):
            # "plānots 1000, izlietots 900, starpība 100": the difference is worked out again when printing
            found, kinds = (
                [f for f, k in zip(found, kinds, strict=True) if k != "other"],
                [k for k in kinds if k != "other"],
            )
        elif "other" in kinds:  # a difference and no amount named: read as before, and shown to be checked
            kinds = ["" if k == "other" else k for k in kinds]
            extra = extra or "?"
        if year is None and not found:
            if len(text) < 120 and not leftover(folded, [], _HEADING_WORDS):
                columns = _columns(cells) or columns
                two_columns = two_columns or ("planot" in folded and "faktisk" in folded)
                two_columns = two_columns or {"planned", "actual"} <= set(columns.values())
                continue  # the table's column headings: "Gads | Plānots | Faktiski izlietots, euro"
            read.unplaced.append(text)
            continue
        if year is None:
            if last is None or not last.is_empty:  # amounts with no year to go with
                read.unplaced.append(text)
                continue
            row = last
        else:
            row = rows.setdefault(year, BudgetRow(year))
        by_column = _by_column(cells, columns) if columns and year is not None else None
        if by_column is not None:
            planned, actual = by_column  # under headings that name the columns: by position
        elif extra or len(found) > 2:
            read.unplaced.append(text)
            read.notes.append(
                Message(
                    f"{label.lv}: rinda „{quote(text)}” nav pilnībā saprotama; tā ievietota arī laukā „Cita informācija”.",
                    f"{label.en}: the line “{quote(text)}” is not fully understood; it was also put into "
                    "Other information.",
                )
            )
            if len(found) > 2:
                last = row
                continue
        if by_column is None:
            planned, actual = _assign(found, kinds)
            if planned is not None and actual is not None and not any(kinds) and not two_columns:
                guessed.append(row.year)
        if (planned is not None and row.planned not in (None, planned)) or (
            actual is not None and row.actual not in (None, actual)
        ):
            read.unplaced.append(text)  # a second, different amount for a year already read
            read.notes.append(
                Message(
                    f"{label.lv}: {row.year}. gadam ir divas dažādas summas; otrā rinda „{quote(text)}” ievietota laukā „Cita informācija”.",
                    f"{label.en}: {row.year} has two different amounts; the second line “{quote(text)}” was put "
                    "into Other information.",
                )
            )
            continue
        row.planned = planned if planned is not None else row.planned
        row.actual = actual if actual is not None else row.actual
        last = row
    budget = sorted(rows.values(), key=lambda r: r.year)
    if guessed:
        years = ", ".join(str(y) for y in guessed)
        read.notes.append(
            Message(
                f"{label.lv}: {years}. gadam norādītas divas summas bez paskaidrojuma; pirmā nolasīta kā plānotā, otrā kā faktiski izlietotā.",
                f"{label.en}: {years} {'has' if len(guessed) == 1 else 'have'} two amounts without words; the first "
                "was read as planned, the second as actually used.",
            )
        )
    for text, amounts in totals:
        _check_total(text, amounts, budget, read)
    return budget


def _column_kind(cell: str) -> str | None:
    """What a column heading names: planned, actual, other (a difference, a total), or None;
    "" when it names both planned and actual (``Plānotais un faktiski izlietotais``)."""
    folded = fold(cell)
    planned = any(w in folded for w in _PLANNED)
    actual = any(w in folded for w in _ACTUAL) or "used" in folded.split()
    if planned and actual:
        return ""
    if planned or actual:
        return "planned" if planned else "actual"
    return "other" if any(w in folded for w in _OTHER) else None


def _columns(cells: list[str]) -> dict[int, str]:
    """``Gads | Plānots | Faktiski izlietots | Starpība`` → ``{1: "planned", 2: "actual", 3: "other"}``."""
    columns = {}
    for index, cell in enumerate(cells):
        kind = _column_kind(cell)
        if kind == "":
            return {}  # "Plānotais un faktiski izlietotais" names no one column
        if kind:
            columns[index] = kind
    return columns


def _is_year_cell(cell: str) -> bool:
    """``2022``, ``2022.``, ``2022. gads``, ``2022.gads`` alone in a cell."""
    folded = fold(cell).strip()
    match = _YEAR.match(folded)
    return match is not None and not leftover(folded[match.end() :], [], ("gads", "gada", "g", "gadam", "year"))


def _years_as_rows(lines: list[list[str]]) -> list[list[str]]:
    """A table with the years as columns (``Gads | 2022. | 2023.`` over ``Plānots | … | …`` and
    ``Izlietots | … | …``) turned to one line per year, as the rest of the reader expects."""
    for at, cells in enumerate(lines[:20]):
        years = [i for i in range(1, len(cells)) if _is_year_cell(cells[i])]
        others = [i for i in range(1, len(cells)) if i not in years and cells[i].strip()]
        if not years or any(not _TOTAL.match(fold(cells[i])) for i in others) or _amounts(fold(cells[0])):
            continue
        body: list[list[str]] = []
        for below in lines[at + 1 :]:
            if len(below) < 2 or not _column_kind(below[0]):
                break
            body.append(below)
        if not body:
            continue
        heading = [cells[0], *(row[0] for row in body)]
        turned = [[cells[i], *(row[i] if i < len(row) else "" for row in body)] for i in years]
        return [*lines[:at], heading, *turned, *lines[at + 1 + len(body) :]]
    return lines


def _by_column(cells: list[str], columns: dict[int, str]) -> tuple[Decimal | None, Decimal | None] | None:
    """A year's amounts read by the column they stand in (an empty cell is an empty amount), when
    the year is in the first cell and every other cell holds one amount or nothing; else None."""
    if len(cells) < 2:
        return None
    head = fold(cells[0])
    match = _YEAR.match(head)
    if not match or leftover(head[match.end() :], [], _BUDGET_WORDS):
        return None
    values: dict[str, Decimal | None] = {"planned": None, "actual": None}
    for index, cell in enumerate(cells[1:], start=1):
        folded = fold(cell)
        found = _amounts(folded)
        if len(found) > 1 or (found and index not in columns):
            return None
        if leftover(folded, [(s, e) for s, e, _, _ in found], _BUDGET_WORDS):
            return None
        if found:
            values[columns[index]] = found[0][2]
    return values["planned"], values["actual"]


def _is_amount_year(folded: str, match: re.Match[str]) -> bool:
    """``2019,50 euro`` or ``2019 euro`` is an amount, not a year."""
    rest = folded[match.end() :]
    return match[0].rstrip().endswith(match[1]) and bool(re.match(r"[.,]\d|\s*(€|eur)", rest))


def _kinds(folded: str, found: list[tuple[int, int, Decimal, bool]]) -> list[str]:
    """For each amount, the word before it (since the last amount): planned, actual, both or ''."""
    kinds, start = [], 0
    for s, e, _, _ in found:
        before = folded[start:s]
        planned = any(w in before for w in _PLANNED)
        actual = any(w in before for w in _ACTUAL)
        other = any(w in before.rsplit("|", 1)[-1] for w in _DIFFERENCE) and not (planned or actual)
        kinds.append(
            "both" if planned and actual else "planned" if planned else "actual" if actual else "other" if other else ""
        )
        start = e
    return kinds


def _assign(found: list[tuple[int, int, Decimal, bool]], kinds: list[str]) -> tuple[Decimal | None, Decimal | None]:
    values = [v for _, _, v, _ in found]
    if not values:
        return None, None
    planned = actual = None
    if any(kinds):
        for value, kind in zip(values, kinds, strict=True):
            if kind in ("planned", "both"):
                planned = value
            if kind in ("actual", "both"):
                actual = value
        for value, kind in zip(values, kinds, strict=True):  # a bare amount beside named ones
            if not kind and actual is None:
                actual = value
            elif not kind and planned is None:
                planned = value
        return planned, actual
    if len(values) == 1:
        return None, values[0]  # one amount per year is what was actually used
    return values[0], values[1]


def _check_total(text: str, amounts: list[Decimal], budget: list[BudgetRow], read: Read) -> None:
    planned_sum = sum((r.planned for r in budget if r.planned is not None), Decimal("0.00"))
    actual_sum = sum((r.actual for r in budget if r.actual is not None), Decimal("0.00"))
    if not amounts or all(a in (planned_sum, actual_sum) for a in amounts):
        return  # the total is worked out again when printing
    label = row_name("budget")
    read.unplaced.append(text)
    read.notes.append(
        Message(
            f"{label.lv}: kopsumma „{quote(text)}” nesakrīt ar gadu summu ({format_money(actual_sum)}); "
            "pārbaudiet summas. Kopsummas rinda ievietota laukā „Cita informācija”.",
            f"{label.en}: the total “{quote(text)}” does not match the sum of the years "
            f"({format_money(actual_sum)}); check the amounts. The total line was put into Other information.",
        )
    )


# ------------------------------------------------------------------------------- rows 6 and 7

_LEADING_AMOUNT = re.compile(
    r"^\s*(?:(?:€|eur|euro|eiro)\s*)?(\d{1,3}(?:[ ]\d{3})+|\d+)(?:[.,]\d{1,2})?(?!\d|[.,]\d)"
    r"(?:\s*(?:€|eur(?:o)?(?![a-z])|eiro(?![a-z])))?"
)


def read_amount_row(key: str, paragraphs: list[str], read: Read) -> AmountWithExplanation:
    """``Nav``; ``146,90 euro``; ``146,90 euro (reprezentācijas izdevumi)``; ``146,90 EUR – …``;
    or only an explanation."""
    paragraphs = [p.strip() for p in paragraphs if p.strip()]
    if not paragraphs:
        return AmountWithExplanation()
    if is_none(paragraphs[0]):
        return AmountWithExplanation(explanation="\n".join(paragraphs[1:]))
    first = paragraphs[0]
    folded = fold(first)
    m = _LEADING_AMOUNT.match(folded)
    amount = None
    if m and (m.end() == len(folded.rstrip()) or "," in m[0] or "." in m[0] or _CURRENCY.search(m[0])):
        try:
            amount = parse_amount(m[0])
        except FormatError:
            amount = None
    if amount is None:
        return AmountWithExplanation(explanation="\n".join(paragraphs))
    rest = first[m.end() :].strip() if m else first
    if rest.startswith("(") and rest.endswith(")") and rest.count("(") == 1:
        rest = rest[1:-1].strip()
    else:
        rest = rest.lstrip("–—-:,;").strip()
    return AmountWithExplanation(amount, "\n".join(([rest] if rest else []) + paragraphs[1:]))
