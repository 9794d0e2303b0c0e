"""Text copied from a ministry's web page: each table row a line, ``label TAB value``.

What a browser puts on the clipboard, and what the published pages themselves hold: a cell's
paragraphs on lines of their own, the budget's later years on lines that start with a TAB, and
HTML left in the values (``<p>``, ``<ol style="list-style-type: none">``), which is parsed as
HTML. Lines under the table (signature, *Sagatavoja*) are told apart from a row's further
paragraphs by what they say.
"""

from __future__ import annotations

import codecs
import re

from kopsavilkums.convert.imported import Imported, ImportRefused
from kopsavilkums.convert.readers.around_table import is_under_line
from kopsavilkums.convert.readers.dates import YEAR
from kopsavilkums.convert.readers.labels import ends_a_label, nfc, recognise, split_labelled
from kopsavilkums.convert.readers.summary_rows import Published, SourceRow, to_imported
from kopsavilkums.convert.readers.web_page import fragment_paragraphs
from kopsavilkums.messages import Message

_TAG = re.compile(
    r"</?(?:p|ol|ul|li|br|div|span|strong|b|i|em|u|a|table|tbody|tr|td|th|h[1-6]|font|sup|sub)\b[^<>]{0,500}>"
    r"|&(?:[a-zA-Z]{2,8}|#\d{1,7}|#x[0-9a-fA-F]{1,6});"
)
_YEAR = re.compile(rf"^\s*{YEAR}\b")
_LINE_ENDS = str.maketrans({"\r": "\n", "\v": "\n", "\f": "\n", "\x85": "\n", "\u2028": "\n", "\u2029": "\n"})

#: Lines with text that a summary may have: our own text of the 128-page stress report has 448.
#: Each line is compared with every label, so 9 million two-byte lines took 40 s and 900 MB.
MAX_LINES = 200_000
TOO_MANY_LINES = Message(
    "Tekstā ir vairāk nekā 200 000 rindu; tik garš kopsavilkums nav, un teksts netiek lasīts.",
    "The text has more than 200,000 lines; no summary is that long, and it is not read.",
)

NOT_TEXT = Message(
    "Fails nav teksts (tajā ir binārie dati), un tas nav arī Word fails, tīmekļa lapa vai PDF.",
    "The file is not text (it holds binary data), nor a Word file, a web page or a PDF.",
)


def decode_text(data: bytes) -> tuple[str, list[Message]]:
    """UTF-8 (with or without a byte-order mark), UTF-16 with one, else Windows-1257 — what
    Notepad on a Latvian Windows saves — with a note. Binary data is refused."""
    notes: list[Message] = []
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = data.decode("utf-16", "replace")
    else:
        if data.startswith(codecs.BOM_UTF8):
            data = data[3:]
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            try:
                text = data.decode("cp1257")
            except UnicodeDecodeError:
                raise ImportRefused(NOT_TEXT) from None
            notes.append(
                Message(
                    "Teksts nebija UTF-8 kodējumā; tas nolasīts kā Windows-1257 (Baltijas) teksts. Pārbaudiet garumzīmes.",
                    "The text was not UTF-8; it was read as Windows-1257 (Baltic). Check the Latvian letters.",
                )
            )
    sample = text[:65536]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\f\v")
    if "\x00" in sample or controls > len(sample) // 100:
        raise ImportRefused(NOT_TEXT)
    # Line ends of every system; a vertical tab (Word's soft line break when copied) and a form
    # feed (a page break) end a line too.
    text = text.replace("\r\n", "\n").translate(_LINE_ENDS)
    # Two files joined into one ("cat a.txt b.txt", a copy pasted after another) leave the second
    # one's byte-order mark at the start of a line, where it hid the label that follows.
    text = text.replace("\n\ufeff", "\n")
    return nfc(text), notes


def _cell_paragraphs(cell: str) -> list[str]:
    """A value cell as paragraphs: HTML left in it is parsed as HTML."""
    if _TAG.search(cell):
        return fragment_paragraphs(cell)
    return [cell.strip()] if cell.strip() else []


def _value_lines(cells: list[str]) -> list[list[str]]:
    while cells and not cells[-1].strip():
        cells = cells[:-1]  # the empty cell after a trailing TAB
    if len(cells) == 1:
        return [[p] for p in _cell_paragraphs(cells[0])]
    line = [" ".join(_cell_paragraphs(c)) if _TAG.search(c) else c.strip() for c in cells]
    return [line] if any(line) else []


class _Lines:
    """Reads the lines one by one; remembers the last lines without a TAB and where each went, so
    that a label broken over lines (``Apraksts un vērtējums par …`` / ``… mērķiem TAB value``) can
    be taken back and joined."""

    def __init__(self, published: Published) -> None:
        self.published = published
        self.row: SourceRow | None = None
        self.under = False
        self.plain: list[tuple[str, list, int]] = []  # (line, the list it went to, how many items)

    def tab_line(self, line: str) -> None:
        head, *cells = line.split("\t")
        if not head.strip():  # a continuation: the budget's next year, a further cell
            if self.row:
                self.row.lines.extend(_value_lines(cells))
            else:
                self.published.above.append(" ".join(c.strip() for c in cells if c.strip()))
            self.plain.clear()
            return
        key = recognise(head)
        taken = 0
        if key is None:
            key, taken = self._broken_label(head)
        if key:
            label = head
            if taken:
                label = " ".join([*(line for line, _, _ in self.plain[-taken:]), head])
                for _, target, count in self.plain[-taken:]:
                    del target[len(target) - count :]
            self._start(label, key, _value_lines(cells))
        elif self.row and self.row.key == "budget" and _YEAR.match(head):
            self.row.lines.extend(_value_lines([head, *cells]))
        elif self.row and len(head) <= 80 and any(c.strip() for c in cells):
            self.row = SourceRow(head.strip(), None, _value_lines(cells))  # a row we do not know
            self.published.rows.append(self.row)
            self.under = False
        else:  # above the table a TAB may separate a header fact from its value: keep it
            separator = "\t" if self.row is None else " "
            self._plain(separator.join(c.strip() for c in (head, *cells) if c.strip()))
            return
        self.plain.clear()

    def plain_line(self, line: str) -> None:
        stripped = line.strip()
        key = recognise(stripped, short=False)
        if key:  # an official label on a line of its own; its value follows
            self._start(stripped, key, [])
            self.plain.clear()
            return
        if split := split_labelled(stripped):
            key, value = split
            self._start(stripped.split(":", 1)[0], key, _value_lines([value]))
            self.plain.clear()
            return
        self._plain(stripped)

    def _plain(self, text: str) -> None:
        if self.row is None:
            target: list = self.published.above
            items: list = [text]
        elif self.under or is_under_line(text):
            self.under = True
            target, items = self.published.under, [text]
        else:
            target, items = self.row.lines, [[p] for p in _cell_paragraphs(text)]
        target.extend(items)
        self.plain.append((text, target, len(items)))
        del self.plain[:-3]

    def _broken_label(self, head: str) -> tuple[str | None, int]:
        if not self.plain or not ends_a_label(head):
            return None, 0
        for taken in range(1, len(self.plain) + 1):
            joined = " ".join([*(line for line, _, _ in self.plain[-taken:]), head])
            if key := recognise(joined):
                return key, taken
        return None, 0

    def _start(self, label: str, key: str, lines: list[list[str]]) -> None:
        self.row = SourceRow(label, key, lines)
        self.published.rows.append(self.row)
        self.under = False


#: A cell the text export guarded with an apostrophe because it starts like a formula.
_GUARDED = re.compile(r"(^|\t)'(?='*[=+\-@])")


def published_from_text(text: str, notes: list[Message] | None = None) -> Published:
    published = Published("text", notes=list(notes or []))
    reader = _Lines(published)
    count = 0
    for line in text.split("\n"):
        if not line.strip():
            continue
        line = _GUARDED.sub(r"\1", line)  # our export's guard against spreadsheet formulas
        count += 1
        if count > MAX_LINES:
            raise ImportRefused(TOO_MANY_LINES)
        if "\t" in line.rstrip():
            reader.tab_line(line.rstrip())
        else:
            reader.plain_line(line)
    return published


def read_text(data: bytes) -> Imported:
    text, notes = decode_text(data)
    return to_imported(published_from_text(text, notes))
