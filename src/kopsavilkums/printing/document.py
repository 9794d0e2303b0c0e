"""Print model → PDF bytes (ReportLab platypus, A4 portrait).

Page furniture (running title, ``1. lpp. no 3``, the ``MELNRAKSTS`` mark) is drawn after the
story is laid out, once the page count is known. The draft file rides along as an attachment
(:mod:`kopsavilkums.printing.attachment`), and the document is PDF/A-3b
(:mod:`kopsavilkums.printing.archival`). Its dates are the time of printing; with
``SOURCE_DATE_EPOCH`` set the same report gives the same bytes (``invariant`` fixes the document
id). The PDF carries no file path or user name.
"""

from __future__ import annotations

import io
from datetime import datetime

from reportlab.lib.colors import Color, black
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, KeepTogether, SimpleDocTemplate, Spacer, Table, TableStyle

from kopsavilkums.official import DRAFT_MARK, PREPARED_BY, TOTAL, BudgetTable, Numbered, PrintModel, Text
from kopsavilkums.printing import archival, fonts
from kopsavilkums.printing.attachment import embed
from kopsavilkums.printing.direction import visual
from kopsavilkums.printing.flowables import LabeledRow, TextBlock, TextStyle, draw_line
from kopsavilkums.printing.text import clean, ellipsize, metrics

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, MARGIN_BOTTOM = 25 * mm, 18 * mm, 20 * mm, 22 * mm
#: What a flowable may use across: the page between its margins, less the 6 pt padding that
#: platypus gives a frame on each side (the official table's rows take exactly this).
FRAME_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT - 2 * 6
LABEL_WIDTH = 58 * mm
SIGNATURE_LABEL_WIDTH = LABEL_WIDTH + 12 * mm
GREY = Color(0.35, 0.35, 0.35)


class _Styles:
    """Named styles. Every string on the page, ours or the user's, is a TextBlock: one way to
    measure, break and draw text, in linear time and with the fallback faces."""

    def __init__(self) -> None:
        self.body = TextStyle(fonts.REGULAR, 11, 14)
        self.fixed = TextStyle(fonts.REGULAR, 11, 14)
        self.note = TextStyle(fonts.REGULAR, 10, 12.5, GREY)
        self.header = TextStyle(fonts.REGULAR, 10.5, 13.5)
        self.title = TextStyle(fonts.BOLD, 13, 16.5, align="center")
        self.label = TextStyle(fonts.BOLD, 10.5, 13)
        self.label_continued = TextStyle(fonts.REGULAR, 10.5, 13, GREY)
        self.cell = TextStyle(fonts.REGULAR, 10.5, 13)
        self.cell_bold = TextStyle(fonts.BOLD, 10.5, 13)
        # Amounts: at the right, their decimal commas under each other (also the bold total's).
        tail = max(metrics(font, 10.5).width(",00 euro") for font in (fonts.REGULAR, fonts.BOLD))
        self.amount = TextStyle(fonts.REGULAR, 10.5, 13, align="decimal", tail=tail)
        self.amount_bold = TextStyle(fonts.BOLD, 10.5, 13, align="decimal", tail=tail)


def render(model: PrintModel, attachment: bytes | None = None) -> bytes:
    """The PDF of ``model`` as bytes; ``attachment`` (the draft file) is embedded in it."""
    fonts.register()
    styles = _Styles()
    buffer = io.BytesIO()
    meta = model.metadata
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN_LEFT,
        rightMargin=MARGIN_RIGHT,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=clean(meta.get("title", "")),
        subject=meta.get("subject", ""),
        author=clean(meta.get("author", "")),
        creator=meta.get("creator", ""),
        producer="Kopsavilkums (ReportLab)",
        lang=meta.get("lang", "lv"),
        invariant=1,
        displayDocTitle=1,
        initialFontName=fonts.REGULAR,  # otherwise an unembedded Helvetica is referenced
        initialFontSize=11,
    )
    footer_title = clean(model.title).replace("\n", " ")
    when = archival.printing_time()
    doc.build(
        _story(model, styles),
        canvasmaker=lambda *a, **kw: _FurnishedCanvas(
            *a, footer_title=footer_title, draft=model.draft, attachment=attachment, when=when, **kw
        ),
    )
    return buffer.getvalue()


def _story(model: PrintModel, st: _Styles) -> list[Flowable]:
    story: list[Flowable] = [TextBlock(clean(model.title), st.title), Spacer(1, 5 * mm)]
    for name, fact in model.header:
        story.append(TextBlock(f"{name}: {clean(fact)}", st.header))
    if model.header:
        story.append(Spacer(1, 3 * mm))
    for row in model.rows:
        label = [TextBlock(row.label, st.label)]
        continued = [TextBlock(_continued(row.label), st.label_continued)]
        value = [f for block in row.blocks for f in _block(block, st)] or [TextBlock("", st.body)]
        story.append(LabeledRow(label, value, label_width=LABEL_WIDTH, continued_label=continued))
    story.append(Spacer(1, 10 * mm))
    story.append(KeepTogether(_signature(model, st)))
    return story


def _continued(label: str) -> str:
    """The label a row repeats on its next page: short, so the continuation is not all label."""
    words = label.split()
    short = " ".join(words[:4]) + (" …" if len(words) > 4 else "")
    return f"{short} (turpinājums)"


def _block(block, st: _Styles) -> list[Flowable]:
    if isinstance(block, Text):
        style = {"body": st.body, "field": st.body, "fixed": st.fixed, "note": st.note}[block.kind]
        paragraphs = clean(block.text).split("\n\n")
        return [TextBlock(p, style, space_after=4 if i < len(paragraphs) - 1 else 0) for i, p in enumerate(paragraphs)]
    if isinstance(block, Numbered):
        out: list[Flowable] = [
            TextBlock(clean(block.text), st.body, bullet=block.number, indent=7 * mm, space_before=2)
        ]
        if block.details:
            out.append(TextBlock(clean(block.details), st.note, indent=7 * mm))
        return out
    if isinstance(block, BudgetTable):
        return [_budget_table(block, st)]
    raise TypeError(f"unknown print block {block!r}")


def _budget_table(block: BudgetTable, st: _Styles) -> Table:
    year, *amounts = block.header
    data: list[list[Flowable]] = [[TextBlock(year, st.cell_bold)] + [TextBlock(h, st.amount_bold) for h in amounts]]
    for label, *cells in block.rows:
        data.append([TextBlock(label, st.cell)] + [TextBlock(cell, st.amount) for cell in cells])
    if len(block.rows) > 1:
        data.append([TextBlock(TOTAL, st.cell_bold)] + [TextBlock(t, st.amount_bold) for t in block.total])
    widths = ["28%", "36%", "36%"] if len(block.header) == 3 else ["40%", "60%"]
    table = Table(data, colWidths=widths, repeatRows=1, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.4, GREY),
                ("FONTNAME", (0, 0), (-1, -1), fonts.REGULAR),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return table


def _signature(model: PrintModel, st: _Styles) -> list[Flowable]:
    rows = []
    for label, value in model.signature:
        rows.append([TextBlock(label + ":", st.label), TextBlock(clean(value), st.cell) if value else ""])
    table = Table(rows, colWidths=[SIGNATURE_LABEL_WIDTH, FRAME_WIDTH - SIGNATURE_LABEL_WIDTH], hAlign="LEFT")
    commands: list[tuple] = [
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
        ("TOPPADDING", (0, 0), (-1, -1), 9),
        ("FONTNAME", (0, 0), (-1, -1), fonts.REGULAR),
    ]
    # An empty field gets a line to write on by hand; the signature always does.
    commands += [("LINEBELOW", (1, i), (1, i), 0.6, black) for i, (_, v) in enumerate(model.signature) if not v]
    table.setStyle(TableStyle(commands))
    out: list[Flowable] = [table]
    if model.e_signature_note:  # an e-document: the time stamp is its date, the e-signature its signature
        out += [Spacer(1, 6 * mm), TextBlock(model.e_signature_note, st.label)]
    if model.prepared_by:
        out += [Spacer(1, 8 * mm), TextBlock(f"{PREPARED_BY}: {clean(model.prepared_by)}", st.note)]
    return out


class _FurnishedCanvas(Canvas):
    """Draws the running title, ``N. lpp. no M`` and the draft mark once the page count is known."""

    def __init__(
        self, *args, footer_title: str, draft: bool, when: datetime, attachment: bytes | None = None, **kwargs
    ) -> None:
        super().__init__(*args, **kwargs)
        archival.start(self, when)
        self._when, self._lang = when, kwargs.get("lang") or ""
        self._pages: list[dict] = []
        self._footer_title, self._draft, self._attachment = footer_title, draft, attachment

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for number, state in enumerate(self._pages, 1):
            self.__dict__.update(state)
            self._furnish(number, total)
            super().showPage()
        associated = []
        if self._attachment is not None:
            associated.append(embed(self, self._attachment, archival.pdf_date(self._when)))
        archival.finish(self, self._lang, associated)
        super().save()

    def _furnish(self, number: int, total: int) -> None:
        self.saveState()
        self.setFont(fonts.REGULAR, 8.5)
        self.setFillColor(GREY)
        y = MARGIN_BOTTOM - 10 * mm
        right = PAGE_WIDTH - MARGIN_RIGHT
        pages = f"{number}. lpp. no {total}"
        self.drawRightString(right, y, pages)
        measure = metrics(fonts.REGULAR, 8.5)
        room = right - MARGIN_LEFT - measure.width(pages) - 8 * mm
        draw_line(self, MARGIN_LEFT, y, visual(ellipsize(self._footer_title, measure, room)), measure)
        if self._draft:
            self.setFont(fonts.BOLD, 88)
            self.setFillColor(Color(0.8, 0.1, 0.1, alpha=0.16))
            self.translate(PAGE_WIDTH / 2, PAGE_HEIGHT / 2)
            self.rotate(52)
            self.drawCentredString(0, -30, DRAFT_MARK)
        self.restoreState()
