"""A document's visible structure, whatever its format: a sequence of blocks.

The Word reader, the web page reader and the text reader each say what a reader's eye sees —
a heading, a paragraph (and the bold words it starts with), a list item, a term and its
description, a table of cells — and :mod:`~kopsavilkums.convert.readers.by_labels` finds the summary's
rows in it by their labels, wherever the labels stand.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kopsavilkums.convert.readers.summary_rows import GridCell

HEADING = "heading"
PARAGRAPH = "paragraph"
ITEM = "item"  # a list item, its number or bullet in front as the document shows it
TERM = "term"  # a definition list's term (<dt>)
DESCRIPTION = "description"  # and its description (<dd>)
TABLE = "table"

#: Blocks whose whole text is shown as a label would be: any row label may stand there alone.
MARKED = frozenset({HEADING, TERM})


@dataclass
class Block:
    kind: str
    #: The text as shown, one entry per line (a soft line break starts a new one); empty for a table.
    lines: list[str] = field(default_factory=list)
    #: The bold (strong) words the first line starts with, as shown; "" when it starts plain.
    lead: str = ""
    #: A table's rows of cells (a nested table's row is one line of cells in its cell).
    rows: list[list[GridCell]] = field(default_factory=list)
