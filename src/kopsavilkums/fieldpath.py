"""Paths to one value of a report, read and written in one place.

Two spellings name the same places:

- by position, as validation and the command line show them: ``title``, ``period.end``,
  ``objectives[0]``, ``indicators[2].note``, ``budget[2020].planned`` (budget rows by year);
- by stable row id, as the editor addresses cells so that an undo finds its row after any
  reordering: ``indicators/<row id>/note``, ``objectives/<row id>/text``, ``budget/2020/actual``.

:class:`FieldPath` parses either and knows the field it is (:attr:`FieldPath.key`, the key of
:mod:`kopsavilkums.fields`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kopsavilkums.fields import Field, field

LISTS = ("objectives", "indicators", "budget")
_POSITIONAL = re.compile(r"^(?P<head>[a-z_]+)(?:\[(?P<item>-?\d+)\])?(?:\.(?P<attr>[a-z_]+))?$")


@dataclass(frozen=True)
class FieldPath:
    head: str  # "title", "period", "objectives", "budget", "signatory", …
    item: int | str | None = None  # a row's position, its id (by_id) or a budget year
    attr: str | None = None  # "end", "note", "planned"; None for a whole value or row
    by_id: bool = False

    @classmethod
    def parse(cls, text: str) -> FieldPath:
        """Either spelling; ValueError for anything else."""
        if "/" in text:
            head, _, rest = text.partition("/")
            item, _, attr = rest.partition("/")
            if head not in LISTS or not item:
                raise ValueError(f"not a field path: {text!r}")
            year_or_id: int | str = int(item) if head == "budget" and item.isdigit() else item
            return cls(head, year_or_id, attr or None, by_id=True)
        match = _POSITIONAL.match(text)
        if not match:
            raise ValueError(f"not a field path: {text!r}")
        item = match["item"]
        return cls(match["head"], int(item) if item is not None else None, match["attr"])

    def __str__(self) -> str:
        if self.by_id:
            return f"{self.head}/{self.item}" + (f"/{self.attr}" if self.attr else "")
        text = self.head + (f"[{self.item}]" if self.item is not None else "")
        return text + (f".{self.attr}" if self.attr else "")

    @property
    def is_list(self) -> bool:
        return self.head in LISTS

    @property
    def key(self) -> str:
        """The key of the field in :mod:`kopsavilkums.fields` (``indicators[].note``)."""
        if not self.is_list:
            return f"{self.head}.{self.attr}" if self.attr else self.head
        if self.item is None:
            return self.head
        if self.head == "objectives" and self.attr in (None, "text"):
            return "objectives[]"  # an objective is one text
        return f"{self.head}[].{self.attr}" if self.attr else self.head

    def field(self) -> Field | None:
        """The field this path names, or None where it names a whole row or group."""
        try:
            return field(self.key)
        except KeyError:
            return None


def positional(head: str, index: int, attr: str | None = None) -> str:
    """``positional("indicators", 2, "note")`` → ``indicators[2].note``."""
    return str(FieldPath(head, index, attr))


def by_id(head: str, row_key: str | int, attr: str) -> str:
    """``by_id("indicators", "a1b2c3", "note")`` → ``indicators/a1b2c3/note``."""
    return str(FieldPath(head, row_key, attr, by_id=True))
