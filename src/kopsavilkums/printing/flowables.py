"""Two flowables that make long reports cheap to lay out.

ReportLab's ``Paragraph`` re-wraps its remainder each time it is split across a page, and a
``Table`` cell split with ``splitInRow`` re-lays the whole cell per page: both are quadratic,
about 26 s for a 300,000-character narrative. :class:`TextBlock` wraps once and splits by line
count; :class:`LabeledRow` is one row of the official table that splits its value column across
pages. Neither copies or re-measures what is left when it splits (a piece is a view of the lines
or the flowables of the whole), so a 100-page narrative, or one of 300,000 short paragraphs,
lays out in linear time.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from itertools import accumulate

from reportlab.lib.colors import Color
from reportlab.platypus import Flowable

from kopsavilkums.printing import fonts
from kopsavilkums.printing.text import Metrics, layout, metrics

#: Lines a split block leaves at least on either page (widow and orphan control).
MIN_LINES = 2
#: A table row lower than this moves to the next page whole instead of splitting.
MIN_SPLIT_HEIGHT = 110.0


@dataclass(frozen=True)
class TextStyle:
    font: str
    size: float
    leading: float
    color: Color | None = None
    align: str = "left"  # or "center", "right", "decimal"
    # "decimal": the room right of the decimal comma, the same in every style of a column (a
    # bold total's ",00 euro" is wider), so that the commas stand under each other
    tail: float = 0.0


def draw_line(canvas, x: float, y: float, line: str, measure: Metrics) -> None:
    """One line, in drawing order (see ``text.layout``), at ``x, y`` in the style's font, which
    must be set. A line that needs fallback faces is drawn run by run, each in its face."""
    if measure.simple(line):
        canvas.drawString(x, y, line)
        return
    # One text object for the whole line, so that readers extract it as one line.
    text = canvas.beginText(x, y)
    for face, run in measure.runs(line):
        fonts.use(face)
        text.setFont(face, measure.size)
        text.textOut(run)
    canvas.drawText(text)
    canvas.setFont(measure.font, measure.size)


class TextBlock(Flowable):
    """Plain user text (already cleaned), optionally with a hanging number (``1.``, ``2)``)."""

    def __init__(
        self,
        text: str,
        style: TextStyle,
        *,
        bullet: str = "",
        indent: float = 0.0,
        space_before: float = 0.0,
        space_after: float = 0.0,
    ) -> None:
        super().__init__()
        self.text, self.style, self.bullet, self.indent = text, style, bullet, indent
        self.space_before, self.space_after = space_before, space_after
        self._measure = metrics(style.font, style.size)
        # The wrapped lines (shared with the pieces this block splits into), the width they were
        # wrapped for, and which of them this block shows.
        self._all: list[str] | None = None
        self._all_width: float | None = None
        self._start, self._end = 0, 0

    def _lines_for(self, width: float) -> list[str]:
        if self._all is None or self._all_width != width:
            if self._all is not None:  # a piece of a split block, asked for another width
                self.text = "\n".join(self._all[self._start : self._end])
            self._all = layout(self.text, self._measure, width - self.indent)
            self._all_width, self._start, self._end = width, 0, len(self._all)
        return self._all

    def _count(self, width: float) -> int:
        self._lines_for(width)
        return self._end - self._start

    def _piece(self, start: int, end: int, **spacing) -> TextBlock:
        piece = TextBlock("", self.style, indent=self.indent, **spacing)
        piece._all, piece._all_width, piece._start, piece._end = self._all, self._all_width, start, end
        return piece

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        self.height = self._count(availWidth) * self.style.leading + self.space_before + self.space_after
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        count = self._count(availWidth)
        fit = int((availHeight - self.space_before) // self.style.leading)
        if fit >= count:
            return [self]
        # No lone line at the foot or head of a page: a short block moves whole.
        fit = min(fit, count - MIN_LINES)
        if fit < MIN_LINES:
            return []
        cut = self._start + fit
        head = self._piece(self._start, cut, space_before=self.space_before)
        head.bullet = self.bullet
        return [head, self._piece(cut, self._end, space_after=self.space_after)]

    def draw(self) -> None:
        canvas, style, measure = self.canv, self.style, self._measure
        lines = self._lines_for(self.width)
        canvas.setFont(style.font, style.size)
        if style.color is not None:
            canvas.setFillColor(style.color)
        # First baseline: one leading down from the top, less the font's descent-ish gap.
        y = self.height - self.space_before - style.size
        if self.bullet:
            canvas.drawString(0, y, self.bullet)
        room = self.width - self.indent
        for n in range(self._start, self._end):
            line = lines[n]
            if line:
                x = self.indent
                if style.align == "center":
                    x += (room - measure.width(line)) / 2
                elif style.align == "decimal":
                    comma = line.rfind(",")
                    head = line[:comma] if comma >= 0 else line
                    x += room - (style.tail if comma >= 0 else 0) - measure.width(head)
                draw_line(canvas, x, y, line, measure)
            y -= style.leading


class _Column:
    """The value flowables of a row, shared by the pieces it splits into, with their heights
    added up once per width so that no piece has to add them up again."""

    def __init__(self, flowables: list[Flowable]) -> None:
        self.items = flowables
        self._width: float | None = None
        self._tops: list[float] = []

    def tops(self, width: float, height: float) -> list[float]:
        """``tops[i]``: the height of items ``0 … i-1`` stacked at ``width``."""
        if self._width != width:
            self._tops = list(accumulate((f.wrap(width, height)[1] for f in self.items), initial=0.0))
            self._width = width
        return self._tops


class LabeledRow(Flowable):
    """One row of the official table: the label left, the value right, ruled like the original.

    When the value is taller than what is left of the page, the row splits between (or inside)
    its value flowables; the continuation repeats the label in ``continued_label``."""

    def __init__(
        self,
        label: list[Flowable],
        value: list[Flowable],
        *,
        label_width: float,
        padding: float = 4.0,
        continued_label: list[Flowable] | None = None,
        line_width: float = 0.6,
    ) -> None:
        super().__init__()
        self.label = label
        self.label_width, self.padding, self.line_width = label_width, padding, line_width
        self.continued_label = continued_label if continued_label is not None else label
        # The value is ``heads`` (the rest of a flowable split at the previous page) followed by
        # ``column.items[start:]``.
        self._heads: list[Flowable] = []
        self._column, self._start = _Column(value), 0

    @property
    def value(self) -> list[Flowable]:
        return self._heads + self._column.items[self._start :]

    def _value_width(self, width: float) -> float:
        return width - self.label_width - 2 * self.padding

    def _value_height(self, width: float, height: float) -> float:
        tops = self._column.tops(width, height)
        return sum(f.wrap(width, height)[1] for f in self._heads) + tops[-1] - tops[self._start]

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        label_h = sum(f.wrap(self.label_width - 2 * self.padding, availHeight)[1] for f in self.label)
        value_h = self._value_height(self._value_width(availWidth), availHeight)
        self.height = max(label_h, value_h) + 2 * self.padding
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        if self.wrap(availWidth, availHeight)[1] < MIN_SPLIT_HEIGHT:
            return []
        room = availHeight - 2 * self.padding
        label_h = sum(f.wrap(self.label_width - 2 * self.padding, room)[1] for f in self.label)
        if label_h > room:
            return []
        value_w = self._value_width(availWidth)
        taken: list[Flowable] = []
        heads = list(self._heads)
        while heads:  # rarely more than one
            height = heads[0].wrap(value_w, room)[1]
            if height > room:
                break
            taken.append(heads.pop(0))
            room -= height
        start = self._start
        items = self._column.items
        if not heads:
            # Every item that fits whole, found by bisection: no walk over what is left.
            tops = self._column.tops(value_w, availHeight)
            end = max(start, bisect_right(tops, tops[start] + room) - 1)
            taken += items[start:end]
            room -= tops[end] - tops[start]
            start = end
        # The first flowable that does not fit whole may split, its first part ending this page.
        if heads:
            parts = heads[0].split(value_w, room)
            if len(parts) > 1:
                taken.append(parts[0])
                heads[0:1] = parts[1:]
        elif start < len(items):
            parts = items[start].split(value_w, room)
            if len(parts) > 1:
                taken.append(parts[0])
                heads = parts[1:]
                start += 1
        if not taken or not (heads or start < len(items)):
            return []
        kwargs = {"label_width": self.label_width, "padding": self.padding, "line_width": self.line_width}
        head_row = LabeledRow(self.label, taken, continued_label=self.continued_label, **kwargs)
        rest_row = LabeledRow(self.continued_label, [], continued_label=self.continued_label, **kwargs)
        rest_row._heads, rest_row._column, rest_row._start = heads, self._column, start
        return [head_row, rest_row]

    def draw(self) -> None:
        canvas = self.canv
        canvas.saveState()
        canvas.setLineWidth(self.line_width)
        canvas.rect(0, 0, self.width, self.height)
        canvas.line(self.label_width, 0, self.label_width, self.height)
        canvas.restoreState()
        self._stack(self.label, self.padding, self.label_width - 2 * self.padding)
        self._stack(self.value, self.label_width + self.padding, self._value_width(self.width))

    def _stack(self, flowables: list[Flowable], x: float, width: float) -> None:
        y = self.height - self.padding
        for flowable in flowables:
            _, height = flowable.wrap(width, self.height)
            y -= height
            flowable.drawOn(self.canv, x, y)
