"""What differs between two versions of a report, field by field, named as the form names it.

Shown when two windows changed the same draft: the user decides between the versions by their
content, never by ids or revision numbers.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from kopsavilkums.fields import FIELDS, Field, Kind
from kopsavilkums.formats import format_amount
from kopsavilkums.report import Report
from kopsavilkums.ui import display
from kopsavilkums.ui.i18n import current, translate

SHOWN_CHARACTERS = 60


@dataclass(frozen=True)
class Difference:
    """One field that differs between this window's version of a draft and the stored one."""

    label: str  # the field's name in the interface language
    mine: str
    theirs: str


def differences(mine: Report, theirs: Report) -> list[Difference]:
    found = []
    for f in FIELDS:
        if f.is_row_field:
            continue
        a, b = mine.value_at(f.key), theirs.value_at(f.key)
        if f.kind is Kind.ROWS:
            found += _row_differences(f, list(a), list(b))  # type: ignore[call-overload]
        elif a != b:
            found.append(Difference(f.label.text(current()), _shown(a, f), _shown(b, f)))
    return found


def _content(key: str, row: object) -> tuple:
    """A row without its id: two windows' copies of a row are the same if this is."""
    if key == "budget":
        return (row.year, row.planned, row.actual)  # type: ignore[attr-defined]
    if key == "objectives":
        return (row.text,)  # type: ignore[attr-defined]
    return (row.text, row.planned, row.achieved, row.note, row.carried_over)  # type: ignore[attr-defined]


def _row_differences(f: Field, mine: list, theirs: list) -> list[Difference]:
    a, b = [_content(f.key, r) for r in mine], [_content(f.key, r) for r in theirs]
    if a == b:
        return []
    label = f.label.text(current())
    if len(a) != len(b):
        return [Difference(label, _rows(len(a)), _rows(len(b)))]
    n = next(n for n in range(len(a)) if a[n] != b[n])
    name = display.show_year(a[n][0]) if f.key == "budget" else str(n + 1)
    return [Difference(f"{label}, {name}", _row_text(a[n]), _row_text(b[n]))]


def _rows(count: int) -> str:
    return translate("Window", "rows: %1").replace("%1", str(count))


def _row_text(content: tuple) -> str:
    return _cut(" · ".join(_plain(v) for v in content if v not in ("", None, False, True)))


def _plain(value: object) -> str:
    if isinstance(value, Decimal):
        return format_amount(value)
    return str(value)


def _shown(value: object, f: Field) -> str:
    if value is None or value == "":
        return ""
    if f.kind is Kind.DATE:
        return display.show_date(value)  # type: ignore[arg-type]
    if f.kind is Kind.AMOUNT:
        return format_amount(value)  # type: ignore[arg-type]
    if f.kind is Kind.CHOICE:
        return display.signing_label(str(value))
    return _cut(str(value))


def _cut(text: str) -> str:
    line = " ".join(text.split())
    return line if len(line) <= SHOWN_CHARACTERS else line[: SHOWN_CHARACTERS - 1] + "…"
