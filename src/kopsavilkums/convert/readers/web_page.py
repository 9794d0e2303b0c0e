"""A ministry's page saved as HTML: the official table somewhere inside a whole page.

Parsed with lxml's HTML parser set up for untrusted input (no network, no huge trees; an HTML
parser expands no DTD entities). The summary table is the one whose first cells are the official
labels, wherever it is; ``rowspan`` on the budget label, ``&nbsp;``, ``<br>``, ``<li>1. …</li>``
and nested tags are read; scripts and styles are not. Of the rest of the page only what stands
right above the table (the title) and right under it (signature, *Sagatavoja*) is read.
"""

from __future__ import annotations

import codecs
import itertools
import re

from lxml import etree
from lxml import html as lxml_html

from kopsavilkums.convert.imported import Imported, ImportRefused, reason
from kopsavilkums.convert.readers.import_notes import hidden_left_out
from kopsavilkums.convert.readers.labels import nfc, recognise
from kopsavilkums.convert.readers.summary_rows import GridCell, Published, rows_from_table, to_imported
from kopsavilkums.messages import Message

#: Marks the border between two table cells inside a paragraph (never in real text).
CELL = "\x1f"
_BLOCKS = frozenset(
    {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "thead", "tbody", "tfoot",
     "caption", "section", "article", "header", "footer", "main", "nav", "aside", "blockquote", "pre", "dd", "dt", "dl",
     "address", "figure", "figcaption", "form", "fieldset", "hr"}
)  # fmt: skip
_SKIP = frozenset(
    {"script", "style", "noscript", "template", "head", "title", "meta", "link", "object", "embed", "iframe", "svg",
     "math", "select", "textarea", "button"}
)  # fmt: skip
_NUMBERED = re.compile(r"^\s*(?:\d{1,2}[.)]|•)\s")
_NO_MARKERS = re.compile(r"list-style(?:-type)?\s*:\s*none", re.IGNORECASE)
_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?([A-Za-z0-9_.:-]{1,40})""", re.IGNORECASE)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*>")
#: How far from the table to look for its title and for the lines under it.
_NEAR = 30


def _parser() -> lxml_html.HTMLParser:
    return lxml_html.HTMLParser(
        no_network=True,
        remove_comments=True,
        remove_pis=True,
        huge_tree=False,
        default_doctype=False,
        collect_ids=False,
    )


#: The encodings a browser decodes a page in (the WHATWG Encoding Standard), by Python's codec
#: names. A page may declare any name; others — UTF-7, ``idna``, ``punycode`` (whose decoder is
#: quadratic: 200 KB took 8 s), ``rot13`` — are ignored as a browser ignores them.
_WEB_ENCODINGS = frozenset(
    {"utf-8", "cp866", "koi8-r", "koi8-u", "mac-roman", "mac-cyrillic", "cp874", "gbk", "gb18030", "big5",
     "euc_jp", "iso2022_jp", "shift_jis", "euc_kr", "ascii", "latin-1", "iso8859-1"}
    | {f"iso8859-{n}" for n in (2, 3, 4, 5, 6, 7, 8, 10, 13, 14, 15, 16)}
    | {f"cp{n}" for n in range(1250, 1259)}
)  # fmt: skip


def declared_encoding(data: bytes) -> str | None:
    """The encoding a ``<meta>`` near the top declares, if a browser would use it."""
    declared = _CHARSET.search(data[:4096])
    if not declared:
        return None
    try:
        name = codecs.lookup(declared[1].decode("ascii")).name
    except LookupError:
        return None
    if name.startswith("utf-16") or name == "utf-32":
        return "utf-8"  # the meta itself was read as ASCII, so the page cannot be UTF-16 (as browsers)
    return name if name in _WEB_ENCODINGS else None


def decode_html(data: bytes) -> str:
    """The page as text: its declared charset, else UTF-8, else Windows-1257 (Baltic)."""
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", "replace")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", "replace")
    declared = declared_encoding(data)
    if declared and declared != "utf-8":
        return data.decode(declared, "replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1257", "replace")


def parse(text: str, *, normalise: bool = True) -> etree._Element:
    """The page's root element; ImportRefused when it cannot be parsed at all.

    A published page is normalised to NFC so that labels typed with combining marks are found;
    our own page (``normalise=False``) is read exactly as written, so that every character the
    user typed comes back (NFC would turn, say, the compatibility ideograph U+F900 into U+8C48)."""
    text = _XML_DECLARATION.sub("", nfc(text) if normalise else text, count=1)
    if not text.strip():
        raise ImportRefused(Message("Tīmekļa lapa ir tukša.", "The web page is empty."))
    parser = _parser()
    try:
        root = lxml_html.document_fromstring(text, parser=parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as exc:
        raise ImportRefused(
            Message(f"Tīmekļa lapu nevar nolasīt ({reason(exc)}).", f"The web page cannot be read ({reason(exc)}).")
        ) from None
    cut = _cut_short(parser)
    if cut is not None:
        raise ImportRefused(cut)
    return root


def _cut_short(parser: lxml_html.HTMLParser) -> Message | None:
    """Why libxml2 stopped before the end of the page, if it did: it drops what is nested deeper
    than 256 levels, and everything after a stretch of text longer than 10 MB (without a word of
    warning but this log: a summary would lose its later rows). No real page does either."""
    messages = [error.message.lower() for error in parser.error_log]
    if any("depth" in m for m in messages):
        return Message(
            "Tīmekļa lapa ir pārāk dziļi ligzdota (vairāk nekā 256 līmeņi); tā netiek lasīta.",
            "The web page is nested too deeply (more than 256 levels); it is not read.",
        )
    if any("limit exceeded" in m or "huge" in m for m in messages):
        return Message(
            "Tīmekļa lapā ir vairāk nekā 10 MB gara nepārtraukta teksta daļa; lapa netiek lasīta.",
            "The web page has a single stretch of text longer than 10 MB; it is not read.",
        )
    return None


def fragment_paragraphs(fragment: str) -> list[str]:
    """The paragraphs of an HTML fragment left in copied text (``<p>…</p> <ol …> 1. …``)."""
    parser = _parser()
    try:
        root = lxml_html.fragment_fromstring(nfc(fragment), create_parent="div", parser=parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        return [fragment]
    if _cut_short(parser) is not None:
        return [fragment]  # not parsed whole: the text as it is, tags and all, rather than lose it
    return [" ".join(p.replace(CELL, " ").split()) for p in paragraphs(root)]


def paragraphs(element: etree._Element) -> list[str]:
    """The text of ``element`` as paragraphs: blocks and ``<br>`` break, spaces collapse as a
    browser shows them, ``<li>`` of a numbered list gets its number when the page shows one, the
    cells of a table row are joined with :data:`CELL`. Walks without recursion (any depth)."""
    out: list[str] = []
    buffer: list[str] = []
    lists: list[list[int]] = []  # per open list: the next number; -1 bullets, -2 markers hidden

    def flush() -> None:
        text = "".join(buffer)
        buffer.clear()
        cells = [" ".join(cell.split()) for cell in text.split(CELL)]
        while cells and not cells[0]:
            cells.pop(0)
        if any(cells):
            out.append(CELL.join(cells))

    walker = etree.iterwalk(element, events=("start", "end"))
    for event, node in walker:
        tag = node.tag if isinstance(node.tag, str) else ""
        if event == "start":
            if node is not element and (tag in _SKIP or not tag):
                walker.skip_subtree()  # its end event still comes, and adds its tail
                continue
            if tag in _BLOCKS:
                flush()
            if tag in ("ol", "ul"):
                hidden = bool(_NO_MARKERS.search(node.get("style", "")))
                lists.append([-2 if hidden else _int(node.get("start"), 1) if tag == "ol" else -1])
            elif tag == "li" and lists:
                buffer.append(_li_marker(node, lists[-1]))
            elif tag in ("td", "th") and buffer:
                buffer.append(CELL)
            if node.text:
                buffer.append(node.text)
        else:
            if tag in ("ol", "ul") and lists:
                lists.pop()
            if tag in _BLOCKS:
                flush()
            if node is not element and node.tail:
                buffer.append(node.tail)
    flush()
    return out


def _li_marker(node: etree._Element, counter: list[int]) -> str:
    if counter[0] == -2:
        return ""  # the page hides the markers; the text carries its own numbers
    first = next((t for t in _texts(node) if t.strip()), "")
    if not first:  # an empty item: a bullet alone says nothing (3.7 million of them took 44 s, 1.5 GB)
        counter[0] += counter[0] >= 0  # but it takes its number
        return ""
    if counter[0] == -1:
        return "" if _NUMBERED.match(first) else "• "
    number = counter[0]
    counter[0] += 1
    return "" if _NUMBERED.match(first) else f"{number}. "


def _int(value: str | None, default: int) -> int:
    try:
        return max(0, min(int(value or ""), 10_000))
    except ValueError:
        return default


# ----------------------------------------------------------------------------------- tables


def _own_rows(table: etree._Element) -> list[etree._Element]:
    return table.xpath("./tr|./thead/tr|./tbody/tr|./tfoot/tr")


#: How many elements of a cell (or list item) to look through for its first words. A label is a
#: few words in a few elements; looking further went through every element of every table
#: nested in the cell, once for each level (a minute for a 14 MB page of 80 nested tables).
_HEAD_ELEMENTS = 200


def _texts(element: etree._Element):
    """``element.itertext()`` over its first :data:`_HEAD_ELEMENTS` elements only."""
    seen = 0
    for event, node in etree.iterwalk(element, events=("start", "end")):
        if event == "start":
            seen += 1
            if seen > _HEAD_ELEMENTS:
                return
            if node.text and isinstance(node.tag, str):
                yield node.text
        elif node is not element and node.tail:
            yield node.tail


def _head_text(cell: etree._Element) -> str:
    """The start of a cell's text, enough to recognise a label (a layout cell holds a whole page)."""
    parts, size = [], 0
    for text in _texts(cell):
        parts.append(text)
        size += len(text)
        if size > 500:
            break
    return "".join(parts)


def _labels_in(table: etree._Element) -> int:
    count = 0
    for tr in _own_rows(table):
        # The first two cells only (a numbered first column moves the label to the second), not
        # a list of all of a row's cells, however many.
        for cell in itertools.islice(tr.iterchildren("td", "th"), 2):
            if recognise(_head_text(cell)):
                count += 1
                break
    return count


#: A cell under a ``rowspan``: one shared, never changed.
_COVERED = GridCell(covered=True)
#: Spans reach no further right than this column (a summary table has two to four)…
_MAX_COLUMNS = 100
#: … and fill in at most this many cells on a page; a real summary's spans fill in a few dozen.
#: Unbounded, a page of ``rowspan="10000" colspan="100"`` cells filled in rows × columns cells
#: (more than 2 minutes for 17 MB); past the bound a cell spans no further.
MAX_COVERED = 100_000
#: Cells of the summary tables on a page. A summary has a few dozen; a row of 1.9 million cells
#: took about 20 s and 1.5 GB to read.
MAX_CELLS = 100_000
TOO_MANY_CELLS = Message(
    "Kopsavilkuma tabulā ir vairāk nekā 100 000 šūnu; tik liela kopsavilkuma nav, un lapa netiek lasīta.",
    "The summary table has more than 100,000 cells; no summary is that large, and the page is not read.",
)


class _Carried:
    """The cells above that still span down, column by column, with what is left to fill in;
    and how many more cells the page's summary tables may have."""

    def __init__(self, allowance: int) -> None:
        self.left: dict[int, int] = {}
        self.allowance = allowance
        self.cells = MAX_CELLS

    def fill(self, row: list[GridCell], column: int) -> int:
        """Put a covered cell wherever a cell above still spans down; the next free column."""
        while self.left.get(column, 0) > 0:
            if self.allowance <= 0:
                self.left.clear()
                break
            self.left[column] -= 1
            self.allowance -= 1
            row.append(_COVERED)
            column += 1
        return column

    def span(self, column: int, across: int, down: int) -> None:
        for c in range(column, min(column + across, _MAX_COLUMNS)):
            self.left[c] = down - 1


def grid(table: etree._Element, allowance: int = MAX_COVERED) -> list[list[GridCell]]:
    """The table's own rows as cells, a cell under a ``rowspan`` marked as covered (at most
    ``allowance`` of them)."""
    return _grid(table, _Carried(allowance))


def _grid(table: etree._Element, carried: _Carried) -> list[list[GridCell]]:
    rows: list[list[GridCell]] = []
    for tr in _own_rows(table):
        row: list[GridCell] = []
        column = 0
        for td in tr.iterchildren("td", "th"):
            carried.cells -= 1
            if carried.cells < 0:
                raise ImportRefused(TOO_MANY_CELLS)
            column = carried.fill(row, column)
            span = max(1, min(_int(td.get("colspan"), 1), 100))
            down = max(1, min(_int(td.get("rowspan"), 1), 10_000))
            row.append(GridCell(lines=[p.split(CELL) for p in paragraphs(td)]))
            if down > 1:
                carried.span(column, span, down)
            column += span
        carried.fill(row, column)
        rows.append(row)
    return rows


def _near_text(table: etree._Element, before: bool) -> list[str]:
    """Paragraphs right before (or after) the table: its siblings, climbing out of wrappers."""
    found: list[str] = []
    node: etree._Element | None = table
    for _ in range(4):
        if node is None or node.tag in ("body", "html"):
            break
        siblings = node.itersiblings(preceding=before)
        for sibling in siblings:
            if not isinstance(sibling.tag, str) or sibling.tag in _SKIP:
                continue
            texts = [p.replace(CELL, " ") for p in paragraphs(sibling)]
            found = texts + found if before else found + texts
            if len(found) >= _NEAR:
                break
        if found:
            break
        node = node.getparent()
    return found[-_NEAR:] if before else found[:_NEAR]


#: An element a browser does not show: ``display:none``, ``visibility:hidden``, no size of text,
#: transparent, or moved far off the page.
_HIDING = re.compile(
    r"display\s*:\s*none|visibility\s*:\s*(?:hidden|collapse)|font-size\s*:\s*[0.]+(?:[a-z%]+)?\s*(?:[;!]|$)"
    r"|opacity\s*:\s*[0.]+\s*(?:[;!]|$)|(?:left|top|right|bottom|text-indent|margin-left|margin-top)\s*:\s*-\s*\d{4,}",
    re.IGNORECASE,
)


_MAY_HIDE = re.compile(r"\bhidden\b|\bstyle\s*=", re.IGNORECASE)


def drop_hidden(root: etree._Element) -> int:
    """Take out what a person does not see (the ``hidden`` attribute, or a hiding style), keeping
    the visible text after each; how many were taken out."""
    found = []
    walk = etree.iterwalk(root, events=("start",))
    for _, element in walk:
        if not isinstance(element.tag, str):
            continue
        if element.get("hidden") is not None or _HIDING.search(element.get("style") or ""):
            found.append(element)
            walk.skip_subtree()  # what is inside goes with it
    for element in found:
        element.drop_tree()  # keeps the element's tail, which is shown
    return len(found)


def visible_page(data: bytes) -> tuple[etree._Element, int]:
    """The page as a person sees it (hidden elements taken out), and how many were hidden: what
    both readers of a page read, with a table or by its labels."""
    text = decode_html(data)
    root = parse(text)
    return root, (drop_hidden(root) if _MAY_HIDE.search(text) else 0)  # most pages hide nothing: no walk


def read_html(data: bytes) -> Imported:
    root, hidden = visible_page(data)
    tables = [t for t in root.iter("table") if _labels_in(t)]
    chosen = set(tables)  # a summary table inside another one is read as that one's cell
    tables = [t for t in tables if not any(a in chosen for a in t.iterancestors())]
    published = Published("html", keep_unknown_above=False)
    if tables:
        caption = tables[0].find("caption")
        published.above = _near_text(tables[0], before=True)
        if caption is not None:
            published.above += [" ".join(p.replace(CELL, " ").split()) for p in paragraphs(caption)]
        carried = _Carried(MAX_COVERED)  # one allowance for the page, however many tables it has
        for table in tables:
            rows_from_table(_grid(table, carried), published)
        published.under += _near_text(tables[-1], before=False)
    imported = to_imported(published)
    if hidden:
        imported.notes.append(hidden_left_out(hidden, "HTML"))
    return imported
