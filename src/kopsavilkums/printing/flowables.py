"""Two flowables that make long reports cheap to lay out.

ReportLab's ``Paragraph`` re-wraps its remainder each time it is split across a page, and a
``Table`` cell split with ``splitInRow`` re-lays the whole cell per page: both are quadratic,
about 26 s for a 300,000-character narrative. :class:`TextBlock` wraps once and splits by line
count; :class:`LabeledRow` is one row of the official two-column table that splits its value
column across pages. Together a 100-page narrative lays out in linear time.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.colors import Color
from reportlab.platypus import Flowable

from kopsavilkums.printing.text import wrap

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
        lines: list[str] | None = None,
        lines_width: float | None = None,
    ) -> None:
        super().__init__()
        self.text, self.style, self.bullet, self.indent = text, style, bullet, indent
        self.space_before, self.space_after = space_before, space_after
        self._lines, self._lines_width = lines, lines_width

    def _lines_for(self, width: float) -> list[str]:
        if self._lines is None or self._lines_width != width:
            self._lines = wrap(self.text, self.style.font, self.style.size, width - self.indent)
            self._lines_width = width
        return self._lines

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        self.height = len(self._lines_for(availWidth)) * self.style.leading + self.space_before + self.space_after
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        lines = self._lines_for(availWidth)
        fit = int((availHeight - self.space_before) // self.style.leading)
        if fit >= len(lines):
            return [self]
        # No lone line at the foot or head of a page: a short block moves whole.
        fit = min(fit, len(lines) - MIN_LINES)
        if fit < MIN_LINES:
            return []
        head = TextBlock(
            "\n".join(lines[:fit]),
            self.style,
            bullet=self.bullet,
            indent=self.indent,
            space_before=self.space_before,
            lines=lines[:fit],
            lines_width=availWidth,
        )
        tail = TextBlock(
            "\n".join(lines[fit:]),
            self.style,
            indent=self.indent,
            space_after=self.space_after,
            lines=lines[fit:],
            lines_width=availWidth,
        )
        return [head, tail]

    def draw(self) -> None:
        canvas, style = self.canv, self.style
        lines = self._lines_for(self.width)
        canvas.setFont(style.font, style.size)
        if style.color is not None:
            canvas.setFillColor(style.color)
        # First baseline: one leading down from the top, less the font's descent-ish gap.
        y = self.height - self.space_before - style.size
        if self.bullet:
            canvas.drawString(0, y, self.bullet)
        for line in lines:
            if line:
                canvas.drawString(self.indent, y, line)
            y -= style.leading


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
        self.label, self.value = label, value
        self.label_width, self.padding, self.line_width = label_width, padding, line_width
        self.continued_label = continued_label if continued_label is not None else label

    def _value_width(self, width: float) -> float:
        return width - self.label_width - 2 * self.padding

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        label_h = sum(f.wrap(self.label_width - 2 * self.padding, availHeight)[1] for f in self.label)
        value_w = self._value_width(availWidth)
        value_h = 0.0
        for flowable in self.value:
            value_h += flowable.wrap(value_w, availHeight)[1]
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
        rest = list(self.value)
        while rest:
            flowable = rest[0]
            height = flowable.wrap(value_w, room)[1]
            if height <= room:
                taken.append(rest.pop(0))
                room -= height
                continue
            parts = flowable.split(value_w, room)
            if len(parts) > 1:
                taken.append(parts[0])
                rest[0:1] = parts[1:]
            break
        if not taken or not rest:
            return []
        kwargs = {"label_width": self.label_width, "padding": self.padding, "line_width": self.line_width}
        return [
            LabeledRow(self.label, taken, continued_label=self.continued_label, **kwargs),
            LabeledRow(self.continued_label, rest, continued_label=self.continued_label, **kwargs),
        ]

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
