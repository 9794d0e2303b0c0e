"""A report built from the field table alone, and its values listed field by field.

:func:`filled_report` fills every field of :data:`kopsavilkums.fields.FIELDS` — whatever the table
holds when it is called, a field added to it included — with a distinct value (Latvian letters,
paragraphs where a field takes them, amounts in rows 6 and 7, carried-over marks). :func:`values`
lists what a report holds by concrete path (``indicators[1].note``, ``budget[2022].actual``), so a
test compares two reports field by field and names the field that did not come back.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from kopsavilkums import fields
from kopsavilkums.fields import Field, Kind
from kopsavilkums.report import BudgetRow, Indicator, Objective, Report

#: How many objectives and indicators the report has.
ROWS_OF_A_LIST = 2
START, END = date(2021, 3, 1), date(2023, 6, 30)


def _text(f: Field, n: int, row: int = 0) -> str:
    """A distinct value for field number ``n`` (row ``row`` of a list) that its kind takes."""
    name = f"{f.label.lv} ({n}.{row}) ģērbj čūsku, ņem ļoti šķību žāvi"
    if f.kind is Kind.TEXT:
        return f"{name}: pirmā rindkopa.\n\nOtrā rindkopa {n}.{row} — „pēdiņas” un ūdens."
    if f.kind is Kind.SHORT:
        return f"~{n}{row} dalībnieki"
    return name


def _amount(n: int, row: int = 0) -> Decimal:
    return Decimal(f"{1000 * (n + 1) + row}.{(n * 7 + row) % 100:02d}")


def _scalar(f: Field, n: int, signing: str, row: int = 0) -> object:
    if f.is_text:
        return _text(f, n, row)
    if f.kind is Kind.AMOUNT:
        return _amount(n, row)
    if f.kind is Kind.DATE:
        return {"period.start": START, "period.end": END}.get(f.key, END + timedelta(days=14 + n))
    if f.kind is Kind.CHOICE:
        return signing if f.key == "signatory.signing" else f.choices[-1]
    if f.kind is Kind.FLAG:
        return row % 2 == 0  # the first row carried over, the second not
    raise AssertionError(f"{f.key}: a kind this helper does not fill ({f.kind})")


def filled_report(signing: str = "by_hand", *, planned: bool = True) -> Report:
    """Every field of the table filled, each with its own value; without ``planned`` the budget
    gives only what was actually used each year (one amount a year, as most published ones)."""
    r = Report()
    table = fields.FIELDS
    for n, f in enumerate(table):
        if f.is_row_field or f.kind is Kind.ROWS:
            continue
        r.set_at(f.key, _scalar(f, n, signing))
    at = {f.key: n for n, f in enumerate(table)}
    r.objectives = [
        Objective(_text(fields.field("objectives[]"), at["objectives[]"], row)) for row in range(ROWS_OF_A_LIST)
    ]
    r.indicators = []
    for row in range(ROWS_OF_A_LIST):
        indicator = Indicator()
        for key in fields.row_keys("indicators"):
            f = fields.field(f"indicators[].{key}")
            setattr(indicator, key, _scalar(f, at[f.key], signing, row))
        r.indicators.append(indicator)
    r.budget = []
    for row, year in enumerate(r.period.years()):
        budget_row = BudgetRow(year)
        for key in fields.row_keys("budget"):
            f = fields.field(f"budget[].{key}")
            setattr(budget_row, key, _scalar(f, at[f.key], signing, row) if planned or key != "planned" else None)
        r.budget.append(budget_row)
    return r


def values(r: Report) -> dict[str, object]:
    """Every value of ``r`` by its concrete path, in the order of the field table."""
    out: dict[str, object] = {}
    for f in fields.FIELDS:
        if f.kind is Kind.ROWS:
            continue
        if not f.is_row_field:
            out[f.key] = r.value_at(f.key)
        elif f.key == "objectives[]":
            out.update({f"objectives[{n}]": o.text for n, o in enumerate(r.objectives)})
        else:
            head, attr = f.key.split("[].")
            rows = r.value_at(head)
            assert isinstance(rows, list)
            for n, row in enumerate(rows):
                item = row.year if head == "budget" else n
                out[f"{head}[{item}].{attr}"] = getattr(row, attr)
    return out


def field_key(path: str) -> str:
    """``indicators[1].note`` → ``indicators[].note``: the field a path belongs to."""
    from kopsavilkums.fieldpath import FieldPath

    return FieldPath.parse(path).key


def lost(expected: Report, back: Report, keys: set[str] | None = None) -> list[str]:
    """The paths whose value did not come back (only the fields in ``keys`` when given), each
    with what was written and what came back."""
    a, b = values(expected), values(back)
    return [
        f"{path}: wrote {a[path]!r}, read {b.get(path, '(no such row)')!r}"
        for path in a
        if (keys is None or field_key(path) in keys) and b.get(path) != a[path]
    ]
