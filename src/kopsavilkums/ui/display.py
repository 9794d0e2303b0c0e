"""Values as the interface shows them, in the interface language.

What the English interface shows, element by element (the PDF is always Latvian):

- **amounts** stay Latvian, ``31 830,96``, in both languages: they are the figures of a Latvian
  document, the PDF shows exactly these, and what the form shows can be typed back as it is
  (``31,830.96`` could not: the comma would be read as the decimal mark and refused);
- **dates** day first in both, ``12.08.2019.`` in Latvian and ``12.08.2019`` in English (the
  trailing dot is Latvian orthography); both are read when typed;
- **budget years** ``2019.gads`` in Latvian, as the official table writes them, and ``2019``
  in English;
- the printed word *Nav* is explained where it is offered (``None (prints “Nav”)``).
"""

from __future__ import annotations

from datetime import date, datetime

from kopsavilkums.formats import format_date, format_year
from kopsavilkums.ui.i18n import current, translate


def show_date(value: date) -> str:
    text = format_date(value)
    return text if current() == "lv" else text.removesuffix(".")


def show_year(year: int) -> str:
    return format_year(year) if current() == "lv" else str(year)


def show_period(start: date | None, end: date | None) -> str:
    if not start and not end:
        return ""
    return f"{show_date(start) if start else '…'} – {show_date(end) if end else '…'}"


def show_time(moment: datetime) -> str:
    """A stored change time in local time: ``26.11.2026. 20:10``."""
    local = moment.astimezone()
    return f"{show_date(local.date())} {local:%H:%M}"


def signing_label(value: str) -> str:
    return {
        "by_hand": translate("Form", "By hand, on paper"),
        "e_signature": translate("Form", "With a secure e-signature"),
    }.get(value, value)
