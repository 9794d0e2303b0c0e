"""A web page as :mod:`~kopsavilkums.convert.readers.blocks`: headings, paragraphs and the ``<strong>``
or ``<b>`` words they start with, list items, definition terms and descriptions, tables.

Text is gathered as :func:`kopsavilkums.convert.readers.web_page.paragraphs` gathers it (blocks and ``<br>`` break, spaces
collapse, list items get the number the page shows); a table is read by
:func:`kopsavilkums.convert.readers.web_page.grid`, unless it only lays out the page (it holds headings or definition
lists), when its cells are read as the page's own blocks. The page's navigation, footer and
asides are not read. One walk, without recursion, at any depth.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lxml import etree

from kopsavilkums.convert.imported import Imported
from kopsavilkums.convert.readers.blocks import DESCRIPTION, HEADING, ITEM, PARAGRAPH, TABLE, TERM, Block
from kopsavilkums.convert.readers.by_labels import published_by_labels
from kopsavilkums.convert.readers.import_notes import hidden_left_out
from kopsavilkums.convert.readers.summary_rows import to_imported
from kopsavilkums.convert.readers.web_page import (
    _BLOCKS,
    _NO_MARKERS,
    _SKIP,
    MAX_COVERED,
    _Carried,
    _grid,
    _int,
    _li_marker,
    _own_rows,
    visible_page,
)

_KINDS = {
    **{f"h{n}": HEADING for n in range(1, 7)},
    "li": ITEM,
    "dt": TERM,
    "dd": DESCRIPTION,
}
_LAYOUT = frozenset({"td", "th"})
_NOT_READ = frozenset({"nav", "footer", "aside", "form"})
_BOLD = frozenset({"strong", "b"})
_BOLD_STYLE = re.compile(r"font-weight\s*:\s*(?:bold|[6-9]00)", re.IGNORECASE)
_MARKER = re.compile(r"(?:\d{1,4}[.)]|•)?")
_LAYOUT_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "dl", "dt"})
#: Elements of a table looked through for headings: bounded, as a page may nest tables deeply.
_LOOK = 2000


def read_html_by_labels(data: bytes) -> Imported:
    """A web page whose rows no table holds: the rows found by their labels in its blocks. Text
    above the first label is a page's menus and headers, not kept (as above its table)."""
    root, hidden = visible_page(data)
    imported = to_imported(published_by_labels(html_blocks(root), "html", keep_unknown_above=False))
    if hidden:
        imported.notes.append(hidden_left_out(hidden, "HTML"))
    return imported


def html_blocks(root: etree._Element) -> Iterator[Block]:
    body = root.find("body")
    walker = _Walker()
    yield from walker.walk(root if body is None else body)


class _Walker:
    def __init__(self) -> None:
        self.buffer: list[str] = []
        self.kinds: list[tuple[etree._Element, str]] = []  # each open block element and its kind
        self.lists: list[list[int]] = []
        self.lead: str | None = None
        self.bold_at: etree._Element | None = None
        self.carried = _Carried(MAX_COVERED)

    def walk(self, element: etree._Element) -> Iterator[Block]:
        walker = etree.iterwalk(element, events=("start", "end"))
        for event, node in walker:
            tag = node.tag if isinstance(node.tag, str) else ""
            if event == "start":
                if node is not element and (tag in _SKIP or tag in _NOT_READ or not tag):
                    walker.skip_subtree()
                    continue
                if tag == "table" and not _lays_out(node):
                    yield from self.flush()
                    yield Block(TABLE, rows=_grid(node, self.carried))
                    walker.skip_subtree()
                    continue
                if tag in _BLOCKS or tag in _LAYOUT:
                    yield from self.flush()
                    self.kinds.append((node, _KINDS.get(tag, PARAGRAPH)))
                if tag in ("ol", "ul"):
                    hidden = bool(_NO_MARKERS.search(node.get("style", "")))
                    self.lists.append([-2 if hidden else _int(node.get("start"), 1) if tag == "ol" else -1])
                elif tag == "li" and self.lists:
                    self.buffer.append(_li_marker(node, self.lists[-1]))
                if self.lead is None and self.bold_at is None and _bold(node, tag) and _at_start(self.buffer):
                    self.bold_at = node
                if node.text:
                    self.buffer.append(node.text)
            else:
                if node is self.bold_at:
                    self.lead, self.bold_at = "".join(self.buffer), None
                if tag in ("ol", "ul") and self.lists:
                    self.lists.pop()
                if tag in _BLOCKS or tag in _LAYOUT:
                    yield from self.flush()
                    if self.kinds and self.kinds[-1][0] is node:  # not a skipped one: its end comes too
                        self.kinds.pop()
                if node is not element and node.tail:
                    self.buffer.append(node.tail)
        yield from self.flush()

    def flush(self) -> Iterator[Block]:
        text = " ".join("".join(self.buffer).split())
        lead = self.lead if self.lead is not None else text if self.bold_at is not None else ""
        self.buffer.clear()
        self.lead, self.bold_at = None, None
        if text:
            yield Block(self.kinds[-1][1] if self.kinds else PARAGRAPH, [text], lead=" ".join(lead.split()))


def _at_start(buffer: list[str]) -> bool:
    """Nothing shown yet in the paragraph but, perhaps, a list item's number (a few pieces at most:
    joining a long buffer at every bold word of a paragraph would be quadratic)."""
    return len(buffer) <= 8 and _MARKER.fullmatch("".join(buffer).strip()) is not None


def _bold(node: etree._Element, tag: str) -> bool:
    return tag in _BOLD or bool(_BOLD_STYLE.search(node.get("style", "")))


def _lays_out(table: etree._Element) -> bool:
    """Whether a table lays out the page (one column, or headings or definition lists in it)
    rather than holds data."""
    rows = _own_rows(table)
    if rows and all(len(row.findall("td") + row.findall("th")) == 1 for row in rows[:_LOOK]):
        return True
    for seen, node in enumerate(table.iter()):
        if seen > _LOOK:
            return False
        if node.tag in _LAYOUT_TAGS:
            return True
    return False
