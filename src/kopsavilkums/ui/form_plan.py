"""The order in which the form shows the field table's fields, and the steps it builds them in."""

from __future__ import annotations

from kopsavilkums import fields
from kopsavilkums.fields import Field, Kind, Part

#: The first screen is built at once, down to this field; the rest a step per event-loop turn.
FIRST_SCREEN_ENDS_WITH = "introduction"
#: Fields that come earlier in the form than in the table: how it is signed decides about the date.
SHOWN_BEFORE = {"signatory.signing": "signatory.date"}


def section_of(f: Field) -> object:
    return f.row if f.part is Part.ROW else f.part


def build_plan() -> list[list[Field]]:
    """The form's fields in build steps: the first screen, then a section or a table each."""
    order = [f for f in fields.FIELDS if not f.is_row_field and f.kind is not Kind.FLAG]
    for key, before in SHOWN_BEFORE.items():
        moving = next(f for f in order if f.key == key)
        order.remove(moving)
        order.insert(next(n for n, f in enumerate(order) if f.key == before), moving)
    steps: list[list[Field]] = []
    for f in order:
        last = steps[-1][-1] if steps else None
        if last is None or section_of(last) != section_of(f) or Kind.ROWS in (f.kind, last.kind):
            steps.append([])
        steps[-1].append(f)
    cut = next(n for n, step in enumerate(steps) if any(f.key == FIRST_SCREEN_ENDS_WITH for f in step))
    return [[f for step in steps[: cut + 1] for f in step]] + steps[cut + 1 :]
