"""Report → Word ``.docx`` laid out like the PDF, with python-docx.

The title, the header facts, the official two-column ruled table with the exact Latvian labels in
bold, row 4 with the objectives ``1.`` and indicators ``1)`` (numbers written as text, so Word
never renumbers them), the budget as a table inside row 5, ``Nav`` where rows 6–8 are empty, the
signature block (lines to sign on, or the e-signature note) and who prepared it. While the report
has errors a ``MELNRAKSTS`` watermark crosses every page, as in the PDF. Every paragraph and value
carries a style named after its field (:mod:`kopsavilkums.convert.own.word_styles`) and the draft itself rides along in a
custom XML part (:mod:`kopsavilkums.convert.own.word_package`): that is how :func:`kopsavilkums.convert.own.word.read_own_docx` reads the
file back exactly, or reads what someone changed in Word.

User text is only ever set as run text (python-docx escapes it); control characters that XML
cannot hold are dropped, as the PDF drops them (:func:`kopsavilkums.convert.writers.tagged_runs.clean`).
"""

from __future__ import annotations

import io

from docx import Document
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt

from kopsavilkums import official
from kopsavilkums.convert.own import word_package, word_styles
from kopsavilkums.convert.own.word import fingerprint
from kopsavilkums.convert.own.word_styles import BOOKMARK_PREFIX, LABEL_WIDTH, TEXT_WIDTH, Styles
from kopsavilkums.convert.writers.cleaning import clean
from kopsavilkums.convert.writers.tagged_runs import BudgetGrid, Para, Piece, Tagged, layout
from kopsavilkums.fieldpath import FieldPath
from kopsavilkums.formats import format_year
from kopsavilkums.report import Report
from kopsavilkums.validation import Problem

#: Paragraph roles whose paragraph holds one text field (the style names the field).
_TEXT_ROLES = ("title", "text", "objective", "indicator")
#: The footer's title is cut to this many characters (Word cannot ellipsize to fit).
FOOTER_TITLE = 90
#: A row of the official table estimated lower than this (points) moves to the next page whole
#: instead of splitting, as the PDF's (``printing.flowables.MIN_SPLIT_HEIGHT``).
MIN_SPLIT_HEIGHT = 110.0
#: For that estimate: a line of 11 pt text, and the average width of a character of it.
LINE_HEIGHT, CHAR_WIDTH = 13.0, 5.0


def docx_bytes(report: Report, problems: list[Problem] | None = None) -> bytes:
    """The Word file of ``report``; ``problems`` defaults to final validation (errors → MELNRAKSTS)."""
    tagged = layout(report, problems)
    document = Document()
    styles = word_styles.install(document)
    _Writer(document, styles).write(tagged)
    word_package.finish(document, report, tagged.model, fingerprint(document))
    buffer = io.BytesIO()
    document.save(buffer)
    return word_package.reproducible(buffer.getvalue())


def shown_fingerprint(report: Report, problems: list[Problem] | None = None) -> str:
    """The fingerprint of what the Word file of ``report`` shows (:func:`docx_bytes` stores it),
    without writing the file: a reader compares it with the draft a file carries."""
    tagged = layout(report, problems)
    document = Document()
    _Writer(document, word_styles.install(document)).write(tagged)
    return fingerprint(document)


class _Writer:
    def __init__(self, document, styles: Styles) -> None:
        self.document, self.styles = document, styles
        self._bookmark = 0

    def write(self, t: Tagged) -> None:
        document = self.document
        section = document.sections[0]
        word_styles.page(section)
        self._footer(section, t.model.title)
        if t.draft:
            self._watermark(section)
        body = document._body
        # The template's body starts with one empty paragraph: it becomes the title.
        first = document.paragraphs[0] if document.paragraphs else None
        self.para(body, t.title, first=first)
        for fact in t.header:
            self.para(body, fact)
        if t.header:
            self._style(body.add_paragraph(), "fact").paragraph_format.space_after = Mm(3)
        self._official_table(body, t)
        self._signature(body, t)

    # ---------------------------------------------------------------------------- paragraphs

    def para(self, container, para: Para, *, style_key: str = "", first=None) -> None:
        """``para`` as one or more Word paragraphs (a value's blank lines separate paragraphs)."""
        if para.hidden:
            return
        text_role = para.role in _TEXT_ROLES
        if text_role:
            style_key = _key(para.pieces[0].path) if para.pieces[0].path else "fixed"
        elif not style_key:
            style_key = para.role
        paragraph = first if first is not None else container.add_paragraph()
        self._style(paragraph, style_key)
        if para.number:
            run = self._run(paragraph, para.number + "\t", self.styles.number)
            if para.role == "indicator":
                self._bookmark_around(paragraph, run, BOOKMARK_PREFIX + _bookmark_name(para.item))
        for piece in para.pieces:
            if not piece.text:
                continue
            style = None if text_role or not piece.path else self.styles.run[_key(piece.path)]
            if not piece.path and not text_role:
                style = self.styles.form
            chunks = piece.text.split("\n\n")
            for n, chunk in enumerate(chunks):
                if n:
                    paragraph = self._style(container.add_paragraph(), style_key)
                    if para.number:  # a numbered row's next paragraph aligns with its text
                        paragraph.paragraph_format.first_line_indent = 0
                if chunk:
                    self._run(paragraph, chunk, style)

    def _style(self, paragraph, key: str):
        paragraph._p.style = self.styles.paragraph[key].style_id
        return paragraph

    @staticmethod
    def _run(paragraph, text: str, style):
        run = paragraph.add_run(text)
        if style is not None:
            run._r.style = style.style_id
        return run

    def _bookmark_around(self, paragraph, run, name: str) -> None:
        self._bookmark += 1
        start = OxmlElement("w:bookmarkStart")
        start.set(qn("w:id"), str(self._bookmark))
        start.set(qn("w:name"), name[:40])  # Word's limit on bookmark names
        end = OxmlElement("w:bookmarkEnd")
        end.set(qn("w:id"), str(self._bookmark))
        run._r.addprevious(start)
        run._r.addnext(end)

    # ------------------------------------------------------------------------ official table

    def _official_table(self, body, t: Tagged) -> None:
        table = body.add_table(rows=len(t.rows), cols=2, width=TEXT_WIDTH)
        word_styles.fixed_layout(table, (LABEL_WIDTH, TEXT_WIDTH - LABEL_WIDTH))
        word_styles.table_borders(table, 5)
        word_styles.cell_margins(table, 4, 4)
        for tr, row in zip(table.rows, t.rows, strict=True):
            if _estimated_height(row) < MIN_SPLIT_HEIGHT:
                word_styles.cant_split(tr)
            label_cell, value_cell = tr.cells
            self._style(label_cell.paragraphs[0], "label")
            self._run(label_cell.paragraphs[0], row.label, None)
            first = value_cell.paragraphs[0]
            for block in row.blocks:
                if isinstance(block, BudgetGrid):
                    self._budget(value_cell, block, first)
                    first = None
                    continue
                if block.hidden:
                    continue
                key = row.key if block.role == "amount" else ""
                self.para(value_cell, block, style_key=key, first=first)
                first = None
            if first is not None:  # nothing to show (no budget yet): an empty cell of ours
                self._style(first, "fixed")

    def _budget(self, cell, grid: BudgetGrid, first) -> None:
        if first is not None:  # the table comes first in its cell: no blank line above it
            first._p.getparent().remove(first._p)
        columns = len(grid.header)
        rows = 1 + len(grid.rows) + (1 if grid.show_total else 0)
        table = cell.add_table(rows=rows, cols=columns)
        inner = TEXT_WIDTH - LABEL_WIDTH - Mm(3)
        shares = (0.28, 0.36, 0.36) if columns == 3 else (0.4, 0.6)
        word_styles.fixed_layout(table, tuple(int(inner * s) for s in shares))
        word_styles.table_borders(table, 3, "595959")
        word_styles.cell_margins(table, 2, 3)
        trs = table.rows
        for c, text in zip(trs[0].cells, grid.header, strict=True):
            self._cell(c, "budget.head", text)
        value_keys = ("budget.planned", "budget.actual") if columns == 3 else ("budget.actual",)
        for tr, (year, pieces) in zip(trs[1:], grid.rows, strict=False):
            cells = tr.cells
            self._cell(cells[0], "budget.year", format_year(year))
            for c, key, piece in zip(cells[1:], value_keys, pieces, strict=True):
                self._cell(c, key, piece.text)
        if grid.show_total:
            cells = trs[-1].cells
            self._cell(cells[0], "budget.total", official.TOTAL)
            cells[0].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.LEFT
            for c, text in zip(cells[1:], grid.total, strict=True):
                self._cell(c, "budget.total", text)
        # The paragraph Word needs after a table in a cell: keep it small.
        self._style(cell.paragraphs[-1], "fixed").paragraph_format.space_before = 0

    def _cell(self, cell, key: str, text: str) -> None:
        paragraph = self._style(cell.paragraphs[0], key)
        if text:
            self._run(paragraph, text, None)

    # ---------------------------------------------------------------------- below the table

    def _signature(self, body, t: Tagged) -> None:
        # The block stays on one page, as in the PDF: no row splits, and every paragraph of it
        # keeps with the next (Word's and LibreOffice's way to keep table rows together).
        spacer = self._style(body.add_paragraph(), "fixed")
        spacer.paragraph_format.space_before = Mm(10)
        table = body.add_table(rows=len(t.signature), cols=2, width=TEXT_WIDTH)
        block = [spacer]
        word_styles.fixed_layout(table, (LABEL_WIDTH + Mm(12), TEXT_WIDTH - LABEL_WIDTH - Mm(12)))
        word_styles.no_borders(table)
        word_styles.cell_margins(table, 0, 4)
        for tr, line in zip(table.rows, t.signature, strict=True):
            word_styles.cant_split(tr)
            label_cell, value_cell = tr.cells
            for c in (label_cell, value_cell):
                c.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.BOTTOM
            label = self._style(label_cell.paragraphs[0], "signature.label")
            label.paragraph_format.space_before = Mm(3)
            self._run(label, line.label + ":", None)
            key = {official.SIGNATURE: "signature.line", official.DATE: "signature.date"}.get(
                line.label, "signature.people"
            )
            value = self._style(value_cell.paragraphs[0], key)
            value.paragraph_format.space_before = Mm(3)
            if line.blank:
                word_styles.bottom_border(value_cell)
            else:
                self.para(value_cell, Para("signature", line.pieces), style_key=key, first=value)
            block += [*label_cell.paragraphs, *value_cell.paragraphs]
        if t.signing == "e_signature":
            note = self._style(body.add_paragraph(), "e_signature")
            self._run(note, official.E_SIGNATURE_NOTE, None)
            block.append(note)
        if t.model.prepared_by:
            pieces = (Piece(f"{official.PREPARED_BY}: "), *t.prepared_by.pieces)
            before = len(body.paragraphs)
            self.para(body, Para("prepared_by", pieces))
            block += body.paragraphs[before:]
        for paragraph in block[:-1]:
            paragraph.paragraph_format.keep_with_next = True

    # ------------------------------------------------------------------------ page furniture

    def _footer(self, section, title: str) -> None:
        """The running title and ``1. lpp. no 3``, as in the PDF (Word fills in the numbers)."""
        paragraph = section.footer.paragraphs[0]
        self._style(paragraph, "footer")
        word_styles.right_tab(paragraph, TEXT_WIDTH)
        short = " ".join(clean(title).split())
        if len(short) > FOOTER_TITLE:
            short = short[: FOOTER_TITLE - 1].rstrip() + "…"
        self._run(paragraph, short + "\t", None)
        paragraph._p.append(_field("PAGE"))
        self._run(paragraph, ". lpp. no ", None)
        paragraph._p.append(_field("NUMPAGES"))

    def _watermark(self, section) -> None:
        """``MELNRAKSTS`` across every page, drawn the way Word's own *Watermark* command does
        (a text shape in the header), so Word and LibreOffice both show and print it."""
        paragraph = section.header.paragraphs[0]
        self._style(paragraph, "draft")
        paragraph._p.append(parse_xml(_WATERMARK))


def _estimated_height(row) -> float:
    """About how tall ``row`` of the official table prints, in points (lines of its longer
    column): enough to tell a short row from one worth splitting across pages."""
    value_chars = (TEXT_WIDTH - LABEL_WIDTH) / Pt(1) / CHAR_WIDTH
    label_chars = LABEL_WIDTH / Pt(1) / CHAR_WIDTH
    lines = 0.0
    for block in row.blocks:
        if isinstance(block, BudgetGrid):
            lines += 1.6 * (len(block.rows) + 2)  # the heading, the years, the total, with padding
        elif not block.hidden:
            text = "".join(piece.text for piece in block.pieces)
            lines += sum(max(1, -(-len(part) // int(value_chars))) for part in text.split("\n"))
    label_lines = -(-len(row.label) // int(label_chars))
    return max(lines, label_lines) * LINE_HEIGHT


def _key(path: str) -> str:
    return FieldPath.parse(path).key


def _bookmark_name(item: str) -> str:
    """``indicators[3]`` → ``indicators_3`` (bookmark names are letters, digits and ``_``)."""
    return item.replace("[", "_").replace("]", "")


def _field(instruction: str):
    return parse_xml(f'<w:fldSimple {nsdecls("w")} w:instr=" {instruction} "><w:r><w:t>1</w:t></w:r></w:fldSimple>')


# Word's watermark: shape type 136 (text along a path), rotated like the PDF's mark (52°).
_WATERMARK = f"""<w:r {nsdecls("w")} xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office"><w:pict>
<v:shapetype id="_x0000_t136" coordsize="21600,21600" o:spt="136" adj="10800" path="m@7,l@8,m@5,21600l@6,21600e">
<v:formulas><v:f eqn="sum #0 0 10800"/><v:f eqn="prod #0 2 1"/><v:f eqn="sum 21600 0 @1"/><v:f eqn="sum 0 0 @2"/>
<v:f eqn="sum 21600 0 @3"/><v:f eqn="if @0 @3 0"/><v:f eqn="if @0 21600 @1"/><v:f eqn="if @0 0 @2"/>
<v:f eqn="if @0 @4 21600"/><v:f eqn="mid @5 @6"/><v:f eqn="mid @8 @5"/><v:f eqn="mid @7 @8"/><v:f eqn="mid @6 @7"/>
<v:f eqn="sum @6 0 @5"/></v:formulas>
<v:path textpathok="t" o:connecttype="custom" o:connectlocs="@9,0;@10,10800;@11,21600;@12,10800" o:connectangles="270,180,90,0"/>
<v:textpath on="t" fitshape="t"/><o:lock v:ext="edit" text="t" shapetype="t"/></v:shapetype>
<v:shape id="PowerPlusWaterMarkObject1" o:spid="_x0000_s1025" type="#_x0000_t136" style="position:absolute;margin-left:0;margin-top:0;width:460pt;height:96pt;rotation:308;z-index:-251657216;mso-position-horizontal:center;mso-position-horizontal-relative:margin;mso-position-vertical:center;mso-position-vertical-relative:margin" o:allowincell="f" fillcolor="#cc1a1a" stroked="f">
<v:fill opacity="0.2"/><v:textpath style="font-family:&quot;Times New Roman&quot;;font-size:1pt;font-weight:bold" string="{official.DRAFT_MARK}"/>
</v:shape></w:pict></w:r>"""
