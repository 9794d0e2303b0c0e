"""The summary's rows found by their labels in any layout: a table, paragraphs, headings, lists.

A row starts where its label stands — a line or paragraph of its own, a heading, a definition
list's term, bold words at the start of a paragraph, ``Label: value``, a table's first cell — and
its value is what follows until the next label. A table without labels is part of the value it
stands in (the budget's ``Gads | Plānots | Izlietots``). Text before the first label is the text
above the table; the signature block after the last row (:func:`~.around.is_under_line`) the
text under it. Nothing is dropped: what has no row goes where :func:`~.published.to_imported`
puts all such text.

The readers try their table first and come here when no table holds the rows
(:func:`table_or_labels`), so a summary written as a table reads as it always has.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable

from kopsavilkums.convert.imported import Imported, ImportRefused
from kopsavilkums.convert.readers.around_table import is_under_line
from kopsavilkums.convert.readers.blocks import MARKED, TABLE, Block
from kopsavilkums.convert.readers.labels import OFFICIAL, SHORT_LABELS, clean_label, fold, recognise, split_labelled
from kopsavilkums.convert.readers.summary_rows import NOT_A_SUMMARY, GridCell, Published, SourceRow, rows_from_table

_DASHES = " \t:–—-"
#: The first four letters of the first word of every label (folded): a line that does not start
#: so is no label, which is known without looking it up (most of a document's lines).
_STARTS = frozenset(
    label.split()[0][:4] for label in (*OFFICIAL.values(), *(s for labels in SHORT_LABELS.values() for s in labels))
)


def may_begin_with_label(line: str) -> bool:
    """Whether ``line`` may start with a row label (its first word is a label's, typos aside)."""
    if line[:1].isalpha() and line[0] not in "ivxIVX":  # no row number in front: the quick way
        return fold(line[:4]) in _STARTS
    words = clean_label(line[:80]).split(" ", 1)
    return words[0][:4] in _STARTS


def table_or_labels(by_table: Callable[[], Imported], by_labels: Callable[[], Imported]) -> Imported:
    """What the reader of tables read; when it found no summary table, the rows found by their
    labels in the document's blocks (``by_labels`` reads the input again: the table reader's
    parse is let go first, so that two trees of a large file are never held at once)."""
    try:
        return by_table()
    except ImportRefused as refusal:
        if refusal.message is not NOT_A_SUMMARY:
            raise
    gc.collect()  # python-docx's parts refer to each other: only the collector frees a parsed file
    return by_labels()


def published_by_labels(blocks: Iterable[Block], source: str, keep_unknown_above: bool = True) -> Published:
    reader = _Reader(Published(source, keep_unknown_above=keep_unknown_above))
    for block in blocks:
        if block.kind == TABLE:
            reader.table(block.rows)
        else:
            reader.text(block)
    return reader.published


class _Reader:
    def __init__(self, published: Published) -> None:
        self.published = published
        self.row: SourceRow | None = None
        #: After the signature block has begun, or after a table of labelled rows: text is under the rows.
        self.under = False

    def table(self, rows: list[list[GridCell]]) -> None:
        if any(recognise(cell.text()) for row in rows for cell in row[:2] if not cell.covered):
            rows_from_table(rows, self.published)
            self.row = self.published.rows[-1] if self.published.rows else None
            self.under = True  # as today: what follows a summary table, unless labelled, is under it
            return
        for row in rows:
            cells = [cell.text() for cell in row if not cell.covered]
            flat = " ".join(c for c in cells if c)
            if flat:
                self._value(flat, [cells])

    def text(self, block: Block) -> None:
        if not block.lines:
            return
        first, *more = block.lines
        if not self._label(block, first):
            self._value(first, [[first]])
        for line in more:
            self._value(line, [[line]])

    def _label(self, block: Block, line: str) -> bool:
        """Start a row if the line begins with a label; whether it did."""
        if not may_begin_with_label(line):
            return False
        lead = block.lead.strip()
        # Any label where the layout marks one; only the official ones on a plain line (a short name
        # such as "Periods" may begin a sentence). The official ones are among the others, so a
        # line that is no label at all is looked up once.
        marked = block.kind in MARKED or lead == line.strip()
        if (key := recognise(line)) and (marked or recognise(line, short=False)):
            self._start(line, key, "")
            return True
        if lead and lead != line.strip() and (key := recognise(lead)):
            at = line.find(lead)
            rest = line[at + len(lead) :] if at != -1 else line
            self._start(lead, key, rest.lstrip(_DASHES))
            return True
        if split := split_labelled(line, short=block.kind in MARKED):
            key, value = split
            self._start(line.split(":", 1)[0], key, value)
            return True
        return False

    def _start(self, label: str, key: str, value: str) -> None:
        self.row = SourceRow(label.strip(), key, [[value]] if value.strip() else [])
        self.published.rows.append(self.row)
        self.under = False

    def _value(self, text: str, lines: list[list[str]]) -> None:
        if self.row is None:
            self.published.above.append(text)
        elif self.under or is_under_line(text):
            self.under = True
            self.published.under.append(text)
        else:
            self.row.lines.extend(lines)
