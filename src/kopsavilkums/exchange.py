"""The draft file format, version 2 (docs/file-format.md): one report as UTF-8 JSON.

Reading is strict: an unknown key, a wrong type, a bad date or amount, a duplicate key,
``NaN``, another ``format`` or a newer ``version`` is refused with an :class:`ExchangeError`
that names the place, e.g. ``report.budget[1].planned: "12,3,4" is not an amount``. Reading
never changes the file. Older versions are upgraded in memory by :data:`MIGRATIONS`.

Whatever a file holds, reading raises :class:`ExchangeError` and nothing else: the file itself is
read by :mod:`kopsavilkums.userfile` (never blocks, at most 20 MB), the JSON by
:mod:`kopsavilkums.strict_json` (over-long numbers are never converted), and amounts and dates
take ASCII digits only, as the format is documented.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any, TypeVar

from kopsavilkums import strict_json, userfile
from kopsavilkums.fields import FIELDS, Field, Kind, field, keys_under, row_keys, top_level_keys
from kopsavilkums.fileio import atomic_write_bytes
from kopsavilkums.messages import Message, UserError
from kopsavilkums.report import (
    AmountWithExplanation,
    BudgetRow,
    Indicator,
    Objective,
    Period,
    PreparedBy,
    Report,
    Signatory,
)

FORMAT = "kopsavilkums"
VERSION = 2
#: The oldest version that :data:`MIGRATIONS` can still upgrade.
MIN_VERSION = 1
MAX_BYTES = 20 * 1024 * 1024
#: Suggested file name ending; any name is read.
SUFFIX = ".kopsavilkums.json"


T = TypeVar("T")


def _v1_to_v2(document: dict[str, Any]) -> dict[str, Any]:
    # Version 2 added optional keys only (signatory.signing, indicators[].carried_over); what a
    # version-1 file holds means the same, so only the number changes.
    return dict(document, version=2)


#: ``MIGRATIONS[n]`` turns a version-``n`` document into version ``n + 1``.
MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {1: _v1_to_v2}


class ExchangeError(UserError, ValueError):
    """A draft file that cannot be read. ``where`` is the place (``report.budget[1].planned``),
    which the message names first."""

    def __init__(self, where: str, message: Message) -> None:
        self.where = where
        self.reason = message
        super().__init__(message.prefixed(where))


# --------------------------------------------------------------------------------- reading


def read(path: str | Path) -> Report:
    """Read a draft file. Raises :class:`ExchangeError` and nothing else, whatever the path leads
    to (nothing, a folder, a pipe or device, a file we may not read or over 20 MB, not JSON, not
    a draft); reading never blocks (see :mod:`kopsavilkums.userfile`)."""
    try:
        data = userfile.read_bytes(path, MAX_BYTES)
    except userfile.FileProblem as exc:
        raise ExchangeError("", exc.message) from None
    return loads(data)


def loads(data: bytes | str, *, ids: bool = False) -> Report:
    """Parse a whole document (``{"format": …, "version": …, "report": …}``).
    Raises :class:`ExchangeError` and nothing else, whatever ``data`` holds."""
    if len(data) > MAX_BYTES:
        raise ExchangeError("", userfile.too_large(MAX_BYTES).message)
    try:
        document = strict_json.parse(data)
    except strict_json.JSONProblem as exc:
        raise ExchangeError("", exc.message) from None
    return from_document(document, ids=ids)


def from_document(document: Any, *, ids: bool = False) -> Report:
    """Turn a parsed JSON document into a :class:`Report`, upgrading older versions."""
    _expect(document, dict, "")
    if document.get("format") != FORMAT:
        raise ExchangeError(
            "format",
            Message(
                lv=f"šis nav Kopsavilkuma melnraksta fails (format {_show(document.get('format'))})",
                en=f"this is not a Kopsavilkums draft file (format {_show(document.get('format'))})",
            ),
        )
    version = document.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < MIN_VERSION:
        raise ExchangeError(
            "version", Message(lv=f"{_show(version)} nav faila versija", en=f"{_show(version)} is not a file version")
        )
    if version > VERSION:
        raise ExchangeError(
            "version",
            Message(
                lv=f"faila versija ir {version} (no jaunāka Kopsavilkuma); šī programma lasa līdz {VERSION}",
                en=f"the file is version {version}, made by a newer Kopsavilkums; this one reads up to {VERSION}",
            ),
        )
    while version < VERSION:
        document = MIGRATIONS[version](document)
        version += 1
    _only_keys(document, {"format", "version", "report"}, "")
    return _report(document.get("report", {}), "report", ids)


def _report(obj: Any, at: str, ids: bool) -> Report:
    _expect(obj, dict, at)
    _only_keys(obj, _REPORT_KEYS, at)
    r = Report()
    for key in _VALUE_KEYS:
        setattr(r, key, _read_field(field(key), obj, key, at))
    r.period = _group(obj, "period", at, Period)
    r.objectives = [_objective(o, f"{at}.objectives[{i}]", ids) for i, o in enumerate(_list(obj, "objectives", at))]
    r.indicators = [_indicator(o, f"{at}.indicators[{i}]", ids) for i, o in enumerate(_list(obj, "indicators", at))]
    r.budget = [_budget_row(o, f"{at}.budget[{i}]") for i, o in enumerate(_list(obj, "budget", at))]
    seen: dict[int, int] = {}
    for i, row in enumerate(r.budget):
        if row.year in seen:
            raise ExchangeError(
                f"{at}.budget[{i}].year",
                Message(
                    lv=f"gads {row.year} jau ir budget[{seen[row.year]}]",
                    en=f"the year {row.year} is already in budget[{seen[row.year]}]",
                ),
            )
        seen[row.year] = i
    r.irregular_expenditure = _group(obj, "irregular_expenditure", at, AmountWithExplanation)
    r.unrecovered_amount = _group(obj, "unrecovered_amount", at, AmountWithExplanation)
    r.signatory = _group(obj, "signatory", at, Signatory)
    r.prepared_by = _group(obj, "prepared_by", at, PreparedBy)
    return r


def _objective(obj: Any, at: str, ids: bool) -> Objective:
    if ids and isinstance(obj, dict):  # the store's own records keep the stable row id
        _only_keys(obj, {"id", "text"}, at)
        return Objective(_text(obj, "text", at), id=_text(obj, "id", at) or Objective().id)
    _expect(obj, str, at)
    return Objective(_clean_text(obj, at))


def _indicator(obj: Any, at: str, ids: bool) -> Indicator:
    _expect(obj, dict, at)
    keys = row_keys("indicators")
    _only_keys(obj, set(keys) | ({"id"} if ids else set()), at)
    indicator = Indicator(**{k: _read_field(field(f"indicators[].{k}"), obj, k, at) for k in keys})
    if ids and obj.get("id"):
        indicator.id = _text(obj, "id", at)
    return indicator


def _budget_row(obj: Any, at: str) -> BudgetRow:
    _expect(obj, dict, at)
    _only_keys(obj, {"year", "planned", "actual"}, at)
    year = obj.get("year")
    if not isinstance(year, int) or isinstance(year, bool) or not 1900 <= year <= 2200:
        raise ExchangeError(f"{at}.year", Message(lv=f"{_show(year)} nav gads", en=f"{_show(year)} is not a year"))
    return BudgetRow(year, _amount(obj, "planned", at), _amount(obj, "actual", at))


def _group(obj: dict, head: str, at: str, make: Callable[..., T]) -> T:
    """A nested object of the report (``period``, ``signatory``…), its keys and their kinds
    read from the field table."""
    value = obj.get(head)
    if value is None:
        return make()
    where = f"{at}.{head}"
    _expect(value, dict, where)
    keys = keys_under(head)
    _only_keys(value, set(keys), where)
    return make(**{key: _read_field(field(f"{head}.{key}"), value, key, where) for key in keys})


def _read_field(f: Field, obj: dict, key: str, at: str) -> Any:
    if f.kind is Kind.CHOICE:
        return _choice(obj, key, at, f.choices)
    return _READER[f.kind](obj, key, at)


#: The keys of the ``report`` object and those holding one value (a text, an amount…), not a
#: group or a list, from the field table.
_REPORT_KEYS = set(top_level_keys())
_VALUE_KEYS = tuple(f.key for f in FIELDS if f.key in _REPORT_KEYS and f.kind is not Kind.ROWS)
# ASCII digits only, and fullmatch: "\d" alone would take "١٢٣" or "１２３", and "$" a final newline.
_AMOUNT_TEXT = re.compile(r"-?\d{1,15}(\.\d{1,2})?", re.ASCII)
_DATE_TEXT = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)
#: Far above what validation allows (500 objectives, 2,000 indicators, a year each since 1900):
#: a longer list is not a report, and 20 MB of empty rows would take 20 s and 2 GB to read.
MAX_ROWS = 10_000
_SURROGATE = re.compile("[\ud800-\udfff]")


def _text(obj: dict, key: str, at: str) -> str:
    value = obj.get(key)
    if value is None:
        return ""
    _expect(value, str, f"{at}.{key}")
    return _clean_text(value, f"{at}.{key}")


def _clean_text(value: str, at: str) -> str:
    if _SURROGATE.search(value):
        raise ExchangeError(
            at, Message(lv="satur nederīgu rakstzīmi", en="contains an invalid character (a lone surrogate)")
        )
    return value


def _list(obj: dict, key: str, at: str) -> list:
    value = obj.get(key)
    if value is None:
        return []
    _expect(value, list, f"{at}.{key}")
    if len(value) > MAX_ROWS:
        raise ExchangeError(
            f"{at}.{key}",
            Message(
                lv=f"{len(value)} rindas; melnraksta failā to var būt ne vairāk kā {MAX_ROWS}",
                en=f"{len(value)} rows; a draft file holds at most {MAX_ROWS}",
            ),
        )
    return value


def _date(obj: dict, key: str, at: str) -> date | None:
    value = obj.get(key)
    if value is None or value == "":
        return None
    where = f"{at}.{key}"
    _expect(value, str, where)
    try:
        if not _DATE_TEXT.fullmatch(value):
            raise ValueError
        return date.fromisoformat(value)
    except ValueError:
        raise ExchangeError(
            where,
            Message(lv=f"{_show(value)} nav datums (GGGG-MM-DD)", en=f"{_show(value)} is not a date (YYYY-MM-DD)"),
        ) from None


def _amount(obj: dict, key: str, at: str) -> Decimal | None:
    value = obj.get(key)
    if value is None:
        return None
    where = f"{at}.{key}"
    if not isinstance(value, str):
        raise ExchangeError(
            where,
            Message(
                lv=f'{_show(value)} nav summa (raksta kā virkni, piemēram, "31830.96")',
                en=f'{_show(value)} is not an amount (write it as a string, e.g. "31830.96")',
            ),
        )
    if not _AMOUNT_TEXT.fullmatch(value):
        raise ExchangeError(where, Message(lv=f"{_show(value)} nav summa", en=f"{_show(value)} is not an amount"))
    return Decimal(value)


_READER: dict[Kind, Callable[[dict, str, str], Any]] = {
    Kind.LINE: lambda obj, key, at: _text(obj, key, at),
    Kind.TEXT: lambda obj, key, at: _text(obj, key, at),
    Kind.SHORT: lambda obj, key, at: _text(obj, key, at),
    Kind.DATE: lambda obj, key, at: _date(obj, key, at),
    Kind.AMOUNT: lambda obj, key, at: _amount(obj, key, at),
    Kind.FLAG: lambda obj, key, at: _flag(obj, key, at),
}


def _flag(obj: dict, key: str, at: str) -> bool:
    value = obj.get(key, False)
    if not isinstance(value, bool):
        raise ExchangeError(
            f"{at}.{key}",
            Message(lv=f"{_show(value)} jābūt true vai false", en=f"{_show(value)} should be true or false"),
        )
    return value


def _choice(obj: dict, key: str, at: str, choices: tuple[str, ...]) -> str:
    value = obj.get(key)
    if value is None:
        return choices[0]
    if value not in choices:
        allowed = ", ".join(f'"{c}"' for c in choices)
        raise ExchangeError(
            f"{at}.{key}",
            Message(lv=f"{_show(value)} nav atļauta vērtība ({allowed})", en=f"{_show(value)} is not one of {allowed}"),
        )
    return value


_TYPE_NAMES: dict[type, tuple[str, str]] = {
    dict: ("an object", "objekts"),
    list: ("a list", "saraksts"),
    str: ("text", "teksts"),
}


def _expect(value: Any, kind: type, at: str) -> None:
    if not isinstance(value, kind):
        en, lv = _TYPE_NAMES[kind]
        raise ExchangeError(
            at or "(document)", Message(lv=f"{_show(value)} jābūt: {lv}", en=f"{_show(value)} should be {en}")
        )


def _only_keys(obj: dict, allowed: set[str], at: str) -> None:
    for key in obj:
        if key not in allowed:
            place = key if _PLAIN_KEY.fullmatch(key) else _show(key)
            raise ExchangeError(f"{at}.{place}" if at else place, Message(lv="nezināma atslēga", en="unknown key"))


_PLAIN_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,59}", re.ASCII)


def _show(value: Any) -> str:
    """A value as a message shows it: JSON (a number as the file wrote it), one line, at most
    60 characters."""
    if isinstance(value, strict_json.NumberText):
        text = value.text
    elif isinstance(value, (dict, list)):
        text = type(value).__name__
    else:
        text = userfile.printable(json.dumps(value, ensure_ascii=False))
    return text if len(text) <= 60 else text[:57] + "…"


# --------------------------------------------------------------------------------- writing


def to_document(report: Report, *, ids: bool = False) -> dict[str, Any]:
    """The JSON-ready dict of a whole document; ``ids=True`` keeps row ids (the store's records)."""
    r = report
    body: dict[str, Any] = {}
    for key in top_level_keys():
        if key == "objectives":
            body[key] = [{"id": o.id, "text": o.text} if ids else o.text for o in r.objectives]
        elif key == "indicators":
            body[key] = [_write_group(i, "indicators[]") | ({"id": i.id} if ids else {}) for i in r.indicators]
        elif key == "budget":
            body[key] = [{"year": b.year} | _write_group(b, "budget[]") for b in r.budget]
        elif key in _VALUE_KEYS:
            body[key] = _WRITER[field(key).kind](getattr(r, key))
        else:
            body[key] = _write_group(getattr(r, key), key)
    return {"format": FORMAT, "version": VERSION, "report": body}


def _write_group(obj: object, head: str) -> dict[str, Any]:
    prefix = head + "."
    out: dict[str, Any] = {}
    for f in FIELDS:
        if f.key.startswith(prefix):
            key = f.key[len(prefix) :]
            value = getattr(obj, key)
            if f.kind is Kind.FLAG and not value:
                continue  # a flag is written only when set: files stay as people know them
            out[key] = _WRITER[f.kind](value)
    return out


def _amount_text(value: Decimal | None) -> str | None:
    return None if value is None else f"{value.quantize(Decimal('0.01')):f}"


_WRITER: dict[Kind, Callable[[Any], Any]] = {
    Kind.LINE: str,
    Kind.TEXT: str,
    Kind.SHORT: str,
    Kind.DATE: lambda value: value.isoformat() if value else None,
    Kind.AMOUNT: _amount_text,
    Kind.CHOICE: str,
    Kind.FLAG: bool,
}


def dumps(report: Report) -> str:
    return json.dumps(to_document(report), ensure_ascii=False, indent=2) + "\n"


def write(report: Report, path: str | Path) -> None:
    """Write a draft file atomically (a crash leaves the old file or the new one, never half)."""
    atomic_write_bytes(Path(path), dumps(report).encode("utf-8"))
