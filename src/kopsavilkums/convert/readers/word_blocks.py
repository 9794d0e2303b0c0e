"""A Word file's body as :mod:`~kopsavilkums.convert.readers.blocks`: headings (by their style), list
paragraphs, paragraphs with the bold words they start with, tables.

The text and the tables are the general Word reader's own (:class:`kopsavilkums.convert.readers.word._Body`: what the
document shows, numbers of lists included); this module only says what kind of block each is.
"""

from __future__ import annotations

import io
import itertools
from collections.abc import Iterator
from typing import Any

from kopsavilkums.convert.imported import Imported, ImportRefused, reason
from kopsavilkums.convert.readers.blocks import HEADING, ITEM, PARAGRAPH, TABLE, Block
from kopsavilkums.convert.readers.by_labels import may_begin_with_label, published_by_labels
from kopsavilkums.convert.readers.import_notes import hidden_left_out
from kopsavilkums.convert.readers.summary_rows import to_imported
from kopsavilkums.convert.readers.word import MAX_DEPTH, TOO_MANY_CELLS, W, _Body, _unwrapped
from kopsavilkums.convert.readers.word_zip import check_zip
from kopsavilkums.messages import Message

_WRAPPERS = frozenset(W + tag for tag in ("hyperlink", "ins", "smartTag", "sdt", "customXml", "fldSimple"))
_OFF = ("0", "false", "off", "none")
#: Style names (Word keeps them in English whatever the language) of headings.
_HEADING_NAMES = ("heading", "title", "subtitle", "virsraksts", "nosaukums")
#: A bold lead longer than this is a bold paragraph, not a label.
_MAX_LEAD = 400
#: Runs looked through for it (a paragraph may hold a million).
_MAX_RUNS = 1000


def read_docx_by_labels(data: bytes) -> Imported:
    """A Word file whose rows no table holds: the rows found by their labels in its blocks."""
    check_zip(data)
    import docx  # python-docx, as the general reader imports it

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # read once already by the table reader; any failure still is "cannot read"
        raise ImportRefused(
            Message(f"Word failu nevar nolasīt ({reason(exc)}).", f"The Word file cannot be read ({reason(exc)}).")
        ) from None
    body = _Body(document)
    imported = to_imported(published_by_labels(docx_blocks(document, body), "docx"))
    if body.hidden:  # what the table reader says too
        imported.notes.append(hidden_left_out(body.hidden, "Word"))
    return imported


def docx_blocks(document: Any, body: _Body | None = None) -> Iterator[Block]:
    """The blocks of what ``document`` shows (``body`` counts what it leaves out as unseen)."""
    body = body or _Body(document)
    yield from _blocks(body, document.element.body, 0)


def _blocks(body: _Body, parent: Any, depth: int) -> Iterator[Block]:
    for kind, element in body._children(parent, depth):
        if kind == "p":
            lines = [" ".join(line.split()) for line in body._paragraph(element)]
            if lines and may_begin_with_label(lines[0]):
                yield Block(_kind(element, body), lines, lead=_lead(element, lines[0]))
            elif lines:  # no label can start it: what kind of paragraph it is does not matter
                yield Block(PARAGRAPH, lines)
        elif depth < MAX_DEPTH and (cells := _frame(element)) is not None:
            body.cells_left -= len(cells)
            if body.cells_left < 0:
                raise ImportRefused(TOO_MANY_CELLS)
            for tc in cells:  # a table of one column frames the page: its paragraphs are the page's
                yield from _blocks(body, tc, depth + 1)
        else:
            yield Block(TABLE, rows=body._table(element, depth))


def _frame(tbl: Any) -> list[Any] | None:
    """The cells of a table whose every row has one cell (a frame around the text), else None."""
    cells: list[Any] = []
    for tr in _unwrapped(tbl, W + "tr"):
        row = list(itertools.islice(_unwrapped(tr, W + "tc"), 2))
        if len(row) != 1:
            return None
        cells.append(row[0])
    return cells or None


def _kind(p: Any, body: _Body) -> str:
    ppr = p.find(W + "pPr")
    if ppr is not None and ppr.find(W + "outlineLvl") is not None:
        return HEADING
    style_id = ppr.find(W + "pStyle") if ppr is not None else None
    if style_id is not None:
        style = body.styles.by_id.get(style_id.get(W + "val", ""))
        name = style.find(W + "name") if style is not None else None
        named = (name.get(W + "val", "") if name is not None else "").lower()
        if named.startswith(_HEADING_NAMES) or (style is not None and style.find(f"{W}pPr/{W}outlineLvl") is not None):
            return HEADING
    return ITEM if body._num_pr(p) is not None else PARAGRAPH


def _on(element: Any) -> bool:
    return element is not None and element.get(W + "val", "true").lower() not in _OFF


def _lead(p: Any, first_line: str) -> str:
    """The bold text the paragraph starts with, if the line shown starts with it (after a list's number)."""
    parts: list[str] = []
    size = 0
    for seen, run in enumerate(_runs(p)):
        if seen > _MAX_RUNS:
            return ""
        rpr = run.find(W + "rPr")
        if rpr is not None and _on(rpr.find(W + "vanish")):
            continue
        text = "".join(
            node.text or "" if node.tag == W + "t" else "\t" for node in run if node.tag in (W + "t", W + "tab")
        )
        bold = rpr is not None and (_on(rpr.find(W + "b")) or _strong(rpr))
        if not bold:
            if text.strip():
                break
            if not parts:
                continue
        parts.append(text)
        size += len(text)
        if size > _MAX_LEAD:
            return ""
    lead = " ".join("".join(parts).split())
    if not lead:
        return ""
    at = first_line.find(lead)
    return first_line[: at + len(lead)] if 0 <= at <= 12 else ""


def _runs(p: Any) -> Iterator[Any]:
    """The paragraph's runs in order, those in hyperlinks, insertions and content controls too
    (walking its children: the general reader's XPath, per paragraph, doubled the time of a
    document of many short paragraphs)."""
    for child in p.iterchildren():
        if child.tag == W + "r":
            yield child
        elif child.tag in _WRAPPERS:
            yield from child.iter(W + "r")


def _strong(rpr: Any) -> bool:
    style = rpr.find(W + "rStyle")
    return style is not None and style.get(W + "val", "").lower() in ("strong", "izteikts", "bold")
