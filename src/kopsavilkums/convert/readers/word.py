"""A Word ``.docx`` as NGOs keep their summaries: a two-column table with the official labels,
paragraphs above it (the title) and under it (signature, place and date, *Sagatavoja*).

Read with python-docx, after :func:`~kopsavilkums.convert.readers.word_zip.check_zip` has checked the
zip (its size unpacked, its XML parts: no document type declaration, no foreign encoding).
python-docx's own XML parser does not resolve entities either.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from typing import Any

from lxml import etree

from kopsavilkums.convert.imported import Imported, ImportRefused, reason
from kopsavilkums.convert.readers.import_notes import hidden_left_out
from kopsavilkums.convert.readers.labels import nfc, recognise
from kopsavilkums.convert.readers.summary_rows import GridCell, Published, rows_from_table, to_imported
from kopsavilkums.convert.readers.word_zip import check_zip
from kopsavilkums.messages import Message

#: Tables inside tables inside … deeper than this are not read.
MAX_DEPTH = 20
#: Cells in all of the document's tables. A summary has a few dozen; a row of 1.5 million
#: (100 kB zipped) took 8 s and 680 MB to read.
MAX_CELLS = 100_000
TOO_MANY_CELLS = Message(
    "Word faila tabulās ir vairāk nekā 100 000 šūnu; tik liela kopsavilkuma nav, un fails netiek lasīts.",
    "The Word file's tables have more than 100,000 cells; no summary is that large, and it is not read.",
)

NS = {
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
}
W = "{" + NS["w"] + "}"
# Every run's text, tab and line break — in hyperlinks, fields, content controls, tracked
# insertions and text boxes too — but not what a reader of the page does not see: a text box's
# second, fallback copy for old Word versions (mc:Fallback), the grey placeholder of an empty
# content control, tracked deletions (w:del, w:moveFrom) and hidden text (w:vanish). Found in one
# walk down the paragraph: an XPath that looked up each run's ancestors took minutes for 1.5
# million runs inside 250 nested insertions.
_MC = "{" + NS["mc"] + "}"
_TEXT_TAGS: dict[str, str | None] = {
    W + "t": None,
    W + "tab": "\t",
    W + "br": "\n",
    W + "cr": "\n",
    W + "noBreakHyphen": "-",
}
_UNSEEN = {_MC + "Fallback", W + "del", W + "moveFrom"}
_OFF = {"0", "false", "off"}
#: What makes a paragraph need the walk: without any of these, every run's text is shown.
_SPECIAL = (*_UNSEEN, W + "sdt", W + "vanish", W + "p")
_PLAIN_TEXT = etree.XPath(
    " | ".join(f".//w:r/w:{tag}" for tag in ("t", "tab", "br", "cr", "noBreakHyphen")), namespaces=NS
)
_NUM_PR = etree.XPath("./w:pPr/w:numPr", namespaces=NS)
_P_STYLE = etree.XPath("./w:pPr/w:pStyle/@w:val", namespaces=NS)


def _refused(lv: str, en: str) -> ImportRefused:
    return ImportRefused(Message(lv, en))


def read_docx(data: bytes) -> Imported:
    check_zip(data)
    import docx  # python-docx: imported only when a Word file is read (start-up time)

    try:
        document = docx.Document(io.BytesIO(data))
        body = _Body(document)
        blocks = list(body.blocks())
    except ImportRefused:
        raise
    except Exception as exc:  # a third-party parser on untrusted input: any failure is "cannot read"
        raise _refused(
            f"Word failu nevar nolasīt ({reason(exc)}).", f"The Word file cannot be read ({reason(exc)})."
        ) from None
    published = Published("docx")
    summary = [i for i, (kind, value) in enumerate(blocks) if kind == "table" and _has_labels(value)]
    if summary:
        for index, (kind, value) in enumerate(blocks):
            if index in summary:
                rows_from_table(value, published)
                continue
            texts = value if kind == "p" else [_flat(row) for row in value]
            (published.above if index < summary[0] else published.under).extend(t for t in texts if t.strip())
    imported = to_imported(published)
    if body.hidden:
        imported.notes.append(hidden_left_out(body.hidden, "Word"))
    return imported


def _placeholder(sdt: Any) -> bool:
    """An empty content control's grey prompt text, not its content."""
    properties = sdt.find(W + "sdtPr")
    return properties is not None and properties.find(W + "showingPlcHdr") is not None


def _vanished(run: Any) -> bool:
    """A run formatted hidden (``w:vanish``): Word does not show or print it."""
    properties = run.find(W + "rPr")
    vanish = properties.find(W + "vanish") if properties is not None else None
    return vanish is not None and vanish.get(W + "val", "true").lower() not in _OFF


def _has_labels(table: list[list[GridCell]]) -> bool:
    return any(recognise(cell.text()) for row in table for cell in row[:2])


def _flat(row: list[GridCell]) -> str:
    """A row of a table outside the summary (a signature table) as one line."""
    return " ".join(text for cell in row if (text := cell.text()))


class _Body:
    """Walks the document's body in order — paragraphs, tables and the content controls that may
    wrap either — giving ("p", paragraphs) and ("table", rows of cells)."""

    def __init__(self, document: Any) -> None:
        self.document = document
        # Per list, the number each level is at: only its own levels are looked through for each
        # paragraph (all lists' were: 60,000 paragraphs in as many lists took 23 s).
        self.counters: dict[int, dict[int, int]] = {}
        self.numbering = _Numbering(self._part_element("numbering_part"))
        self.styles = _Styles(self._part_element("styles"))
        self.cells_left = MAX_CELLS
        self.hidden = 0  # runs and revisions left out as unseen

    def blocks(self) -> Iterator[tuple[str, Any]]:
        """Paragraphs with text and tables; an empty paragraph adds nothing to either side of the
        summary table, so it is not kept (a file may hold millions)."""
        body = self.document.element.body
        for kind, element in self._children(body, 0):
            if kind == "p":
                if lines := [" ".join(line.split()) for line in self._paragraph(element)]:
                    yield "p", lines
            else:
                yield "table", self._table(element, 0)

    def _children(self, parent: Any, depth: int) -> Iterator[tuple[str, Any]]:
        for child in parent.iterchildren():
            if child.tag == W + "p":
                yield "p", child
            elif child.tag == W + "tbl":
                yield "tbl", child
            elif child.tag in (W + "sdt", W + "customXml") and depth < MAX_DEPTH:
                content = child.find(W + "sdtContent") if child.tag == W + "sdt" else child
                if content is not None:
                    yield from self._children(content, depth + 1)

    def _paragraph(self, p: Any) -> list[str]:
        """A paragraph's text as lines (a soft line break starts a new one; a TAB stays)."""
        if not len(p):
            return []  # <w:p/>: no text, no number
        parts = [self._numbered(p)]
        if next(p.iterdescendants(*_SPECIAL), None) is None:  # nothing unseen, no text box: the fast way
            parts += [
                (node.text or "") if node.tag == W + "t" else (_TEXT_TAGS[node.tag] or "") for node in _PLAIN_TEXT(p)
            ]
            return [nfc(line) for line in "".join(parts).split("\n") if line.strip()]
        owners: list[Any] = []  # the paragraphs the walk is in: a text box's own inside this one
        owner = p
        walk = etree.iterwalk(p, events=("start", "end"))
        for event, node in walk:
            tag = node.tag
            if not isinstance(tag, str):
                continue
            if event == "end":
                if tag == W + "p":
                    owners.pop()
                continue
            if tag == W + "p":
                owners.append(node)
            elif tag in _UNSEEN or tag == W + "sdt" and _placeholder(node) or tag == W + "r" and _vanished(node):
                self.hidden += tag != _MC + "Fallback"  # a fallback copy is shown elsewhere: no loss
                walk.skip_subtree()
            elif tag in _TEXT_TAGS and node.getparent().tag == W + "r":
                if owners[-1] is not owner:
                    parts.append("\n")
                    owner = owners[-1]
                shown = _TEXT_TAGS[tag]
                parts.append(node.text or "" if shown is None else shown)
        return [nfc(line) for line in "".join(parts).split("\n") if line.strip()]

    def _table(self, tbl: Any, depth: int) -> list[list[GridCell]]:
        rows: list[list[GridCell]] = []
        for tr in _unwrapped(tbl, W + "tr"):
            row: list[GridCell] = []
            for tc in _unwrapped(tr, W + "tc"):
                self.cells_left -= 1
                if self.cells_left < 0:
                    raise ImportRefused(TOO_MANY_CELLS)
                covered = tc.vMerge == "continue"  # Word's vertical merge: the cell above goes on
                row.append(GridCell(lines=[] if covered else self._cell_lines(tc, depth), covered=covered))
            rows.append(row)
        return rows

    def _cell_lines(self, tc: Any, depth: int) -> list[list[str]]:
        lines: list[list[str]] = []
        for kind, element in self._children(tc, depth):
            if kind == "p":
                lines += [line.split("\t") for line in self._paragraph(element)]
            elif depth < MAX_DEPTH:  # a table in the cell: each of its rows one line of cells
                lines += [[cell.text() for cell in row] for row in self._table(element, depth + 1)]
        return lines

    # ------------------------------------------------------------------------- numbering

    def _part_element(self, name: str) -> Any:
        try:
            part = getattr(self.document.part, name)
            return part.element
        except (KeyError, NotImplementedError, AttributeError):
            return None

    def _numbered(self, p: Any) -> str:
        """The number Word shows before a list paragraph (``1.``, ``1)``, a bullet), which is not
        in its text."""
        num_pr = self._num_pr(p)
        if num_pr is None:
            return ""
        num_id = _int(_xpath(num_pr, "./w:numId/@w:val"))
        level = _int(_xpath(num_pr, "./w:ilvl/@w:val"))
        if num_id is None or num_id == 0:
            return ""
        level = min(level or 0, 8)
        lvl = self.numbering.level(num_id, level)
        if lvl is None:
            return ""
        fmt = (_xpath(lvl, "./w:numFmt/@w:val") or ["decimal"])[0]
        text = (_xpath(lvl, "./w:lvlText/@w:val") or ["%1."])[0]
        start = _int(_xpath(lvl, "./w:start/@w:val"))
        start = 1 if start is None else start
        counters = self.counters.setdefault(num_id, {})
        for deeper in [at for at in counters if at > level]:
            del counters[deeper]  # a higher level starts its sub-lists again
        counters[level] = counters.get(level, start - 1) + 1
        if fmt == "bullet":
            return "• "
        if fmt == "none":
            return ""

        def number(match: re.Match[str]) -> str:
            at = int(match[1]) - 1
            return str(counters.get(at, start) if at != level else counters[level])

        return re.sub(r"%([1-9])", number, text)[:20] + " "

    def _num_pr(self, p: Any) -> Any:
        found = _NUM_PR(p)
        if found:
            return found[0]
        style_id = (_P_STYLE(p) or [None])[0]
        return self.styles.num_pr(style_id) if style_id is not None else None


class _Numbering:
    """The numbering part, looked up by id: each paragraph looking through all of it was
    quadratic (a file of 100,000 list paragraphs and as many lists took hours)."""

    def __init__(self, element: Any) -> None:
        self.abstract_of: dict[int, int] = {}
        self.levels: dict[tuple[int, int], Any] = {}
        if element is None:
            return
        for num in _xpath(element, "./w:num"):
            num_id, abstract = _int(_xpath(num, "./@w:numId")), _int(_xpath(num, "./w:abstractNumId/@w:val"))
            if num_id is not None and abstract is not None:
                self.abstract_of.setdefault(num_id, abstract)  # the first one, as XPath's [0] took
        for definition in _xpath(element, "./w:abstractNum"):
            abstract = _int(_xpath(definition, "./@w:abstractNumId"))
            if abstract is None:
                continue
            for lvl in _xpath(definition, "./w:lvl"):
                level = _int(_xpath(lvl, "./@w:ilvl"))
                if level is not None:
                    self.levels.setdefault((abstract, level), lvl)

    def level(self, num_id: int, level: int) -> Any:
        abstract = self.abstract_of.get(num_id)
        return None if abstract is None else self.levels.get((abstract, level))


class _Styles:
    """The paragraph styles by id, and the numbering each gives (its own or that of the style it is
    based on, five steps at most), worked out once per style."""

    def __init__(self, element: Any) -> None:
        self.by_id: dict[str, Any] = {}
        self.found: dict[str, Any] = {}
        if element is not None:
            for style in _xpath(element, "./w:style"):
                style_id = (_xpath(style, "./@w:styleId") or [None])[0]
                if style_id is not None:
                    self.by_id.setdefault(style_id, style)

    def num_pr(self, style_id: str) -> Any:
        if style_id not in self.found:
            self.found[style_id] = self._look_up(style_id)
        return self.found[style_id]

    def _look_up(self, style_id: str | None) -> Any:
        for _ in range(5):  # the style, or the style it is based on
            style = self.by_id.get(style_id) if style_id is not None else None
            if style is None:
                return None
            found = _xpath(style, "./w:pPr/w:numPr")
            if found:
                return found[0]
            style_id = (_xpath(style, "./w:basedOn/@w:val") or [None])[0]
        return None


def _unwrapped(parent: Any, tag: str, depth: int = 0) -> Iterator[Any]:
    """The children of ``parent`` with ``tag``, also those inside content controls (a repeating
    section wraps rows, a cell control wraps cells) and custom XML."""
    for child in parent.iterchildren():
        if child.tag == tag:
            yield child
        elif child.tag in (W + "sdt", W + "customXml") and depth < MAX_DEPTH:
            content = child.find(W + "sdtContent") if child.tag == W + "sdt" else child
            if content is not None:
                yield from _unwrapped(content, tag, depth + 1)


def _xpath(element: Any, expression: str) -> Any:
    """XPath with the ``w:`` prefix on any element (python-docx knows the prefix only on the
    elements it has classes for)."""
    return etree._Element.xpath(element, expression, namespaces=NS)


def _int(values: list[str]) -> int | None:
    try:
        return int(values[0]) if values else None
    except ValueError:
        return None
