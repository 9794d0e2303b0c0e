"""A PDF's revisions: the file as first written and each incremental update appended to it.

An incremental update appends new or replacing objects and a cross-reference section that points
at them; the bytes before it are left as they were, so every earlier state of the document is a
prefix of the file. :func:`revisions` lists those prefixes, oldest first, each with the object
numbers its update wrote (added, replaced or freed) — which is what tells whether an attachment
belongs to the pages it came with, and what a signature covers.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

#: A revision ends with ``startxref <offset> %%EOF``; the offset must point at a cross-reference
#: table or stream, so that ``%%EOF`` inside a stream or a comment is not taken for one.
_END = re.compile(rb"startxref\s+(\d+)\s*%%EOF[ \t]*(?:\r\n|\r|\n)?")
_XREF_AT = re.compile(rb"\s*(?:xref\b|\d+\s+\d+\s+obj\b)")
#: More updates than anyone makes by hand: each costs a reading of the cross-references.
MAX_REVISIONS = 100


class TooManyRevisions(ValueError):
    pass


@dataclass(frozen=True)
class Revision:
    end: int  #: the length of the file up to and including this revision (``data[:end]`` is it)
    objects: frozenset[int]  #: the object numbers this revision wrote: all of them for the first


def revisions(data: bytes) -> list[Revision]:
    """The revisions of the PDF in ``data``, oldest first (one for a PDF never updated).

    A boundary whose prefix pypdf cannot open is no revision (a ``%%EOF`` that only looks like
    one) and joins the next. Raises :class:`TooManyRevisions` past :data:`MAX_REVISIONS`."""
    ends = [m.end() for m in _END.finditer(data) if _XREF_AT.match(data, _offset(m))]
    if not ends or ends[-1] < len(data.rstrip()):
        ends.append(len(data))  # what follows the last marker (or a file without one) is read too
    if len(ends) > MAX_REVISIONS:
        raise TooManyRevisions(len(ends))
    out: list[Revision] = []
    before: dict[int, tuple] = {}
    for end in ends:
        where = _locations(data[:end])
        if where is None:
            continue
        changed = frozenset(n for n, at in where.items() if before.get(n) != at) | (before.keys() - where.keys())
        out.append(Revision(end, changed))
        before = where
    return out


def _offset(match: re.Match[bytes]) -> int:
    return min(int(match.group(1)[:12]), 2**62)


def _locations(prefix: bytes) -> dict[int, tuple] | None:
    """Where each object of this state of the file is, by its cross-references: an offset, or a
    place in an object stream. None when pypdf cannot open it."""
    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(prefix), strict=False)
    except Exception:  # a third-party parser on untrusted input
        return None
    where: dict[int, tuple] = {}
    for generation, numbers in reader.xref.items():
        for number, offset in numbers.items():
            where[number] = ("at", generation, offset)
    for number, (stream, index) in reader.xref_objStm.items():
        where[number] = ("in", stream, index)
    return where
