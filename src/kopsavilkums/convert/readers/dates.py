"""Dates as published summaries write them: ``12.08.2019.``, ``2019-08-12`` and
``2021. gada 1. aprīlis`` (a Latvian month name in any case: ``aprīlis``, ``aprīļa``, ``aprīlī``)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from kopsavilkums.convert.readers.labels import fold

#: Folded month stems: every case of a Latvian month name starts with one of these.
MONTHS = (
    "janvar",
    "februar",
    "mart",
    "april",
    "maij",
    "junij",
    "julij",
    "august",
    "septembr",
    "oktobr",
    "novembr",
    "decembr",
)

#: What a year looks like in a summary (a budget row, a period, a heading): 1900–2099. Every reader
#: builds its year pattern from this one, so they agree on what counts as a year.
YEAR = r"(?:19|20)\d{2}"

_NUMERIC = re.compile(r"(?<![\d.])(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})(?!\d)\.?", re.ASCII)
_ISO = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)", re.ASCII)
_WORDS = re.compile(
    r"(?<!\d)(\d{4})\.?\s*(?:g\.|gada)?\s*(\d{1,2})\.\s*(" + "|".join(MONTHS) + r")[a-z]{0,4}(?![a-z])",
    re.IGNORECASE,
)


def find_dates(text: str) -> Iterator[tuple[int, int, date]]:
    """Every date in ``text`` that exists, as (start, end, date), in order."""
    folded = fold(text)
    found: list[tuple[int, int, date]] = []
    for m in _NUMERIC.finditer(folded):
        found += _make(m.start(), m.end(), int(m[3]), int(m[2]), int(m[1]))
    for m in _ISO.finditer(folded):
        found += _make(m.start(), m.end(), int(m[1]), int(m[2]), int(m[3]))
    for m in _WORDS.finditer(folded):
        found += _make(m.start(), m.end(), int(m[1]), MONTHS.index(m[3].lower()) + 1, int(m[2]))
    found.sort()
    end = -1
    for start, stop, day in found:  # overlapping matches: the first one wins
        if start >= end:
            end = stop
            yield start, stop, day


def _make(start: int, end: int, year: int, month: int, day: int) -> list[tuple[int, int, date]]:
    try:
        return [(start, end, date(year, month, day))]
    except ValueError:
        return []


def leftover(text: str, spans: list[tuple[int, int]], words: tuple[str, ...] = ()) -> str:
    """What is left of ``text`` without the spans and the (folded) filler ``words``, punctuation
    and spaces; empty when the spans and words were all there was."""
    parts, last = [], 0
    for start, end in spans:
        parts.append(text[last:start])
        last = end
    parts.append(text[last:])
    rest = fold(" ".join(parts))
    tokens = re.findall(r"[^\W_]+", rest)
    return " ".join(t for t in tokens if t not in words)
