"""Latvian number and date formats: what people type in, what the official document prints.

Money is always ``Decimal`` with at most two decimals. Printed the Latvian way, ``31 830,96``
(a non-breaking space between thousands so an amount never breaks over two lines, a decimal
comma) followed by ``euro``. Dates print as ``12.08.2019.`` (the trailing dot is Latvian usage).
"""

from __future__ import annotations

import re
from datetime import date
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from kopsavilkums.messages import Message, UserError

NBSP = "\u00a0"
CURRENCY = "euro"
#: Twelve integer digits is far above any state budget line; longer input is a typo.
MAX_INTEGER_DIGITS = 12


class FormatError(UserError, ValueError):
    """A value that could not be read (an amount, a date); the message says why and how to write it."""


# Spaces people (and spreadsheets) put between thousands: ordinary, no-break, narrow no-break, thin.
_GROUP_SPACES = " \u00a0\u202f\u2009"
_CURRENCY_SUFFIX = re.compile(r"\s*(euro|eur|eiro|€)\s*$", re.IGNORECASE)
# "€ 5" and "EUR 5" are written too (English habit, bank statements), before or after the sign;
# "eiro" is how the word is said, and written, in Latvian.
_CURRENCY_PREFIX = re.compile(r"^([+\-−]?)\s*(euro|eur|eiro|€)\s*", re.IGNORECASE)
_AMOUNT = re.compile(r"^(\d+)(?:\.(\d+))?$", re.ASCII)  # the sign is taken off before
_GROUPED = re.compile(r"^\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+$", re.ASCII)


def parse_amount(text: str) -> Decimal:
    """Read an amount as people type it: ``31830,96``, ``31 830,96``, ``31830.96``, ``1 000``.

    Refuses anything ambiguous or odd (``12,3,4``, ``1e3``, ``NaN``, three decimals, ``1.000``)
    rather than guess: a wrong amount in a signed report is worse than a question.
    """
    raw = text
    _ascii_digits_only(raw, "amount")
    text = _CURRENCY_SUFFIX.sub("", text.strip())
    text = _CURRENCY_PREFIX.sub(r"\1", text)
    if not text:
        raise FormatError(Message(lv="Summa nav norādīta.", en="No amount was given."))
    sign = ""
    if text[0] in "+-−":
        sign, text = ("-" if text[0] in "-−" else ""), text[1:].lstrip()
    integer, sep, fraction = text, "", ""
    for mark in (",", "."):
        if mark in text:
            integer, sep, fraction = text.rpartition(mark)
            break
    if any(ch in _GROUP_SPACES for ch in integer):
        if not _GROUPED.match(integer):
            raise _not_an_amount(raw)
        integer = "".join(ch for ch in integer if ch not in _GROUP_SPACES)
    match = _AMOUNT.match(integer + (("." + fraction) if sep else ""))
    if not match or (sep and not fraction):
        raise _not_an_amount(raw)
    digits, decimals = match.group(1), match.group(2) or ""
    if len(decimals) > 2:
        raise FormatError(
            Message(
                lv=f"„{raw}” ir vairāk nekā divas decimāldaļas; summu raksta, piemēram, 31 830,96.",
                en=f'"{raw}" has more than two decimals; write an amount like 31 830,96.',
            )
        )
    if len(digits.lstrip("0")) > MAX_INTEGER_DIGITS:
        raise FormatError(Message(lv=f"„{raw}” ir pārāk liela summa.", en=f'"{raw}" is too large an amount.'))
    try:
        value = Decimal(f"{sign}{digits}.{decimals or '0'}")
    except InvalidOperation:  # pragma: no cover - the regex admits only digits
        raise _not_an_amount(raw) from None
    # "-0" is zero: a negative zero would be kept as "-0.00" in the draft file.
    return value.quantize(Decimal("0.01")) + 0


def _ascii_digits_only(raw: str, what: str) -> None:
    """Refuse digits of other scripts (``١٢٣``, full-width ``１２３``) with a message that says so.

    Read on purpose they would be easy (``int`` takes them), but the signed document must say
    what the person meant, and some of these digits look like other signs: Arabic-Indic zero
    ``٠`` is a dot, five ``٥`` a letter o. Latvian keyboards do not type them; a stray input
    method does. So the person is asked to type 0–9, and sees why."""
    if any(ch.isdecimal() and not ch.isascii() for ch in raw):
        example = "31 830,96" if what == "amount" else "12.08.2019"
        noun_lv = "summu" if what == "amount" else "datumu"
        noun_en = "an amount" if what == "amount" else "a date"
        raise FormatError(
            Message(
                lv=f"„{raw}” satur citas rakstības ciparus; {noun_lv} raksta ar cipariem 0–9, piemēram, {example}.",
                en=f'"{raw}" has digits of another script; write {noun_en} with the digits 0–9, e.g. {example}.',
            )
        )


def _not_an_amount(raw: str) -> FormatError:
    return FormatError(
        Message(
            lv=f"„{raw}” nav summa; raksta, piemēram, 31 830,96.",
            en=f'"{raw}" is not an amount; write it like 31 830,96.',
        )
    )


def format_amount(value: Decimal) -> str:
    """``Decimal("31830.96")`` → ``31 830,96`` (with a no-break space between thousands)."""
    value = value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    sign = "-" if value < 0 else ""
    whole, _, cents = f"{abs(value):f}".partition(".")
    groups: list[str] = []
    while len(whole) > 3:
        whole, tail = whole[:-3], whole[-3:]
        groups.insert(0, tail)
    groups.insert(0, whole)
    return f"{sign}{NBSP.join(groups)},{cents or '00'}"


def format_money(value: Decimal) -> str:
    """``Decimal("31830.96")`` → ``31 830,96 euro``."""
    return f"{format_amount(value)}{NBSP}{CURRENCY}"


def format_date(value: date) -> str:
    """``date(2019, 8, 12)`` → ``12.08.2019.``"""
    return f"{value.day:02d}.{value.month:02d}.{value.year:04d}."


#: How a period is written (``12.08.2019. – 31.10.2020.``) and what stands for a side not given.
PERIOD_DASH = " – "
OPEN_END = "…"


def format_period(start: date | None, end: date | None) -> str:
    """``12.08.2019. – 31.10.2020.``; a side not given shows as ``…``."""
    left = format_date(start) if start else OPEN_END
    right = format_date(end) if end else OPEN_END
    return f"{left}{PERIOD_DASH}{right}"


def format_year(year: int) -> str:
    """The budget table's year label as the official document writes it: ``2019.gads``."""
    return f"{year}.gads"


_LV_DATE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})\.?$", re.ASCII)
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$", re.ASCII)
_DIGITS_DATE = re.compile(r"^(\d{2})(\d{2})(\d{4})$", re.ASCII)  # 12082019, as fast typists write it


def parse_date(text: str) -> date:
    """Read ``12.08.2019``, ``12.08.2019.``, ``12082019`` or ``2019-08-12``."""
    _ascii_digits_only(text, "date")
    cleaned = text.strip()
    if m := _LV_DATE.match(cleaned):
        day, month, year = (int(g) for g in m.groups())
    elif m := _ISO_DATE.match(cleaned):
        year, month, day = (int(g) for g in m.groups())
    elif m := _DIGITS_DATE.match(cleaned):
        day, month, year = (int(g) for g in m.groups())
    else:
        raise FormatError(
            Message(
                lv=f"„{text}” nav datums; raksta dd.mm.gggg., piemēram, 12.08.2019.",
                en=f'"{text}" is not a date; write dd.mm.yyyy, e.g. 12.08.2019.',
            )
        )
    try:
        return date(year, month, day)
    except ValueError:
        raise FormatError(
            Message(lv=f"„{text}” – tāda datuma nav.", en=f'"{text}" is not a date that exists.')
        ) from None
