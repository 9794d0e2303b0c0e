"""The Word file's styles and page: A4 with the PDF's margins, Times New Roman (Liberation Serif
where Word is not installed: the two are metric-compatible), Latvian proofing.

Every paragraph and value we write carries a style whose **name says which field it holds**
(``Kopsavilkums: Rezultatīvais rādītājs``, ``Kopsavilkums: Plānots``). That is how a file we wrote
is read back after someone edited it: LibreOffice 7.4 drops content controls' tags when it saves a
``.docx`` but keeps style names, and text typed into a styled run keeps its style in Word and
LibreOffice alike. Text-field paragraphs (the task, the narrative, each objective) are named by a
paragraph style; values inside a composed line (``Plānots: 24; sasniegts: 26.``) by a character
style; our own wording by :data:`FORM`.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from docx.styles.style import CharacterStyle, ParagraphStyle, StyleFactory

from kopsavilkums import official
from kopsavilkums.fields import FIELDS, Kind, field

PREFIX = "Kopsavilkums: "
FONT = "Times New Roman"
LANGUAGE = "lv-LV"
GREY = RGBColor(0x59, 0x59, 0x59)  # the PDF's 35 % grey

PAGE_WIDTH, PAGE_HEIGHT = Mm(210), Mm(297)
MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, MARGIN_BOTTOM = Mm(25), Mm(18), Mm(20), Mm(22)
TEXT_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT
LABEL_WIDTH = Mm(58)
NUMBER_INDENT = Mm(7)

#: Paragraphs that hold one text field: named after the field (``fields.py``), as the print
#: model prints them (:data:`kopsavilkums.official.PARAGRAPH_FIELDS`).
TEXT_FIELDS = official.PARAGRAPH_FIELDS
#: Paragraphs composed of our wording and values (each value in its character style), and our
#: own paragraphs, by role; the names are Latvian as the rest of the document.
ROLE_NAMES = {
    "fact": "galvenes ziņa",
    "label": "rindas nosaukums",
    "period": "periods",
    "fixed": "teksts",
    "details": "rādītāja vērtības",
    "irregular_expenditure": "neatbilstoši veiktie izdevumi",
    "unrecovered_amount": "neatgūtie līdzekļi",
    "budget.head": "budžeta galva",
    "budget.year": "budžeta gads",
    "budget.planned": "budžets, plānots",
    "budget.actual": "budžets, faktiski izlietots",
    "budget.total": "budžeta kopsumma",
    "signature.label": "paraksta nosaukums",
    "signature.people": "parakstītājs",
    "signature.line": "paraksta līnija",
    "signature.date": "paraksta datums",
    "e_signature": "e-paraksta atzīme",
    "prepared_by": "sagatavoja",
    "field": "lauks ar nosaukumu",  # a field the model shows after its label, at the end of its row
    "print": "drukas teksts",  # the model's words where no value can be tagged (see tagged.py)
    "print_note": "drukas piezīme",
    "footer": "kājene",
    "draft": "melnraksts",
}
#: Values inside composed paragraphs: a character style each, named after the field — every
#: field of the table that is not a paragraph of its own, a list, a mark, a choice (the e-signature
#: note shows it) or a cell of the budget table (a paragraph style each).
RUN_FIELDS = tuple(
    f.key
    for f in FIELDS
    if f.key not in TEXT_FIELDS
    and f.kind not in (Kind.ROWS, Kind.FLAG, Kind.CHOICE)
    and not f.key.startswith("budget[].")
)
FORM = PREFIX + "veidlapas teksts"  # our own wording inside a composed paragraph
NUMBER = PREFIX + "numurs"  # "1." / "1)" before an objective or indicator
#: An indicator's number is bookmarked ``_Kopsavilkums_indicators_3`` (its row in the draft):
#: after an edit, what the page cannot show (the carried-over mark) is found again by it. A leading
#: underscore keeps the bookmark out of Word's list.
BOOKMARK_PREFIX = "_Kopsavilkums_"


def paragraph_style_name(key: str) -> str:
    """The paragraph style of a text field (``task``) or a role (``details``)."""
    if key in TEXT_FIELDS:
        return PREFIX + ("virsraksts" if key == "title" else field(key).label.lv)
    return PREFIX + ROLE_NAMES[key]


def run_style_name(key: str) -> str:
    return PREFIX + field(key).label.lv


#: Style name → the field key or role it stands for (what reading a file back looks up).
PARAGRAPH_KEYS = {paragraph_style_name(k): k for k in (*TEXT_FIELDS, *ROLE_NAMES)}
RUN_KEYS = {run_style_name(k): k for k in RUN_FIELDS}


@dataclass(frozen=True)
class _Look:
    size: float = 11
    bold: bool = False
    grey: bool = False
    align: str = ""  # center | right
    before: float = 0
    after: float = 0
    indent: bool = False  # numbered or details: indented by the number's width
    hanging: bool = False


_LOOKS = {
    "title": _Look(13, bold=True, align="center", after=14),
    "fact": _Look(10.5),
    "label": _Look(10.5, bold=True),
    "task": _Look(after=4),
    "performer": _Look(after=4),
    "introduction": _Look(after=4),
    "assessment": _Look(before=4, after=4),
    "other_information": _Look(after=4),
    "objectives[]": _Look(before=2, indent=True, hanging=True),
    "indicators[].text": _Look(before=2, indent=True, hanging=True),
    "fixed": _Look(before=4),
    "details": _Look(10, grey=True, indent=True),
    "budget.head": _Look(10.5, bold=True),
    "budget.year": _Look(10.5),
    "budget.planned": _Look(10.5, align="right"),
    "budget.actual": _Look(10.5, align="right"),
    "budget.total": _Look(10.5, bold=True, align="right"),
    "signature.label": _Look(10.5, bold=True),
    "signature.people": _Look(10.5),
    "signature.line": _Look(10.5),
    "signature.date": _Look(10.5),
    "e_signature": _Look(10.5, bold=True, before=17),
    "prepared_by": _Look(10, grey=True, before=23),
    "field": _Look(after=4),
    "print": _Look(after=4),
    "print_note": _Look(10, grey=True),
    "footer": _Look(8.5, grey=True),
    "draft": _Look(10.5, bold=True),
}


@dataclass(frozen=True)
class Styles:
    paragraph: dict[str, ParagraphStyle]  # by field key or role
    run: dict[str, CharacterStyle]  # by field key
    form: CharacterStyle
    number: CharacterStyle


def install(document) -> Styles:
    """Document defaults (font, size, language) and every style we use."""
    _defaults(document)
    styles = document.styles
    normal = styles["Normal"]
    paragraph = {}
    for key in (*TEXT_FIELDS, *ROLE_NAMES):
        style = _add(styles, paragraph_style_name(key), WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = normal
        style.next_paragraph_style = style  # Enter in a narrative continues the same field
        _apply(style, _LOOKS.get(key, _Look()))
        paragraph[key] = style
    run = {}
    for key in RUN_FIELDS:
        run[key] = _add(styles, run_style_name(key), WD_STYLE_TYPE.CHARACTER)
    form = _add(styles, FORM, WD_STYLE_TYPE.CHARACTER)
    number = _add(styles, NUMBER, WD_STYLE_TYPE.CHARACTER)
    for style in (*paragraph.values(), *run.values(), form, number):
        style.quick_style = False
        style.style_id = _ascii_id(style.name)
    return Styles(paragraph, run, form, number)


def _add(styles, name: str, kind):
    """A new style. ``Styles.add_style`` first looks the name up among the template's ~160 styles,
    which is most of the time a short file takes; ours are prefixed and cannot clash."""
    return StyleFactory(styles.element.add_style_of_type(name, kind, False))


def _ascii_id(name: str) -> str:
    """``Kopsavilkums: Rezultatīvais rādītājs`` → ``KopsavilkumsRezultativaisraditajs``: style ids
    in plain letters, as Word itself makes them (the name keeps its Latvian letters)."""
    letters = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return "".join(ch for ch in letters if ch.isalnum())


def _apply(style: ParagraphStyle, look: _Look) -> None:
    font = style.font
    font.size = Pt(look.size)
    font.bold = look.bold or None
    if look.grey:
        font.color.rgb = GREY
    fmt = style.paragraph_format
    fmt.space_before = Pt(look.before)
    fmt.space_after = Pt(look.after)
    fmt.line_spacing = 1.0
    fmt.widow_control = True
    if look.align:
        fmt.alignment = WD_ALIGN_PARAGRAPH.CENTER if look.align == "center" else WD_ALIGN_PARAGRAPH.RIGHT
    if look.indent:
        fmt.left_indent = NUMBER_INDENT
    if look.hanging:
        fmt.first_line_indent = -NUMBER_INDENT
        fmt.tab_stops.add_tab_stop(NUMBER_INDENT)


def _defaults(document) -> None:
    """Times New Roman 11 pt, Latvian, single spacing, for every style that does not say
    otherwise. The template's theme fonts would win over a plain font name, so they go."""
    root = document.styles.element
    doc_defaults = root.find(qn("w:docDefaults"))
    r_pr = doc_defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    fonts = r_pr.find(qn("w:rFonts"))
    for attribute in list(fonts.attrib):
        del fonts.attrib[attribute]
    for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attribute), FONT)
    lang = r_pr.find(qn("w:lang"))
    lang.set(qn("w:val"), LANGUAGE)
    lang.set(qn("w:eastAsia"), LANGUAGE)
    spacing = doc_defaults.find(qn("w:pPrDefault")).find(qn("w:pPr")).find(qn("w:spacing"))
    spacing.set(qn("w:after"), "0")
    spacing.set(qn("w:line"), "240")
    spacing.set(qn("w:lineRule"), "auto")
    settings = document.settings.element
    for proof_state in settings.findall(qn("w:proofState")):  # the template claims "spell-checked"
        settings.remove(proof_state)
    theme_lang = settings.find(qn("w:themeFontLang"))
    if theme_lang is not None:
        theme_lang.set(qn("w:val"), LANGUAGE)


def page(section) -> None:
    """A4 portrait with the PDF's margins; the footer sits where the PDF's does."""
    section.page_width, section.page_height = PAGE_WIDTH, PAGE_HEIGHT
    section.left_margin, section.right_margin = MARGIN_LEFT, MARGIN_RIGHT
    section.top_margin, section.bottom_margin = MARGIN_TOP, MARGIN_BOTTOM
    section.header_distance, section.footer_distance = Mm(10), Mm(10)


def right_tab(paragraph, position) -> None:
    paragraph.paragraph_format.tab_stops.add_tab_stop(position, WD_TAB_ALIGNMENT.RIGHT)


# The schema fixes the order of a table's and a cell's properties; Word refuses a file that
# breaks it, so every property goes in before the ones that must follow it.
_TBL_PR = ("tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize", "tblStyleColBandSize",
           "tblW", "jc", "tblCellSpacing", "tblInd", "tblBorders", "shd", "tblLayout", "tblCellMar", "tblLook",
           "tblCaption", "tblDescription")  # fmt: skip
_TC_PR = ("cnfStyle", "tcW", "gridSpan", "hMerge", "vMerge", "tcBorders", "shd", "noWrap", "tcMar",
          "textDirection", "tcFitText", "vAlign", "hideMark")  # fmt: skip


def _put(parent, element, order: tuple[str, ...]) -> None:
    name = element.tag.rpartition("}")[2]
    for old in parent.findall(qn(f"w:{name}")):
        parent.remove(old)
    successors = order[order.index(name) + 1 :]
    parent.insert_element_before(element, *(f"w:{n}" for n in successors))


def _edge(name: str, value: str, size: int = 0, color: str = "000000"):
    element = OxmlElement(f"w:{name}")
    element.set(qn("w:val"), value)
    if value != "nil":
        element.set(qn("w:sz"), str(size))
        element.set(qn("w:space"), "0")
        element.set(qn("w:color"), color)
    return element


def table_borders(table, size_eighths: int, color: str = "000000") -> None:
    """Single ruled borders round and inside ``table``, as the PDF draws them."""
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        borders.append(_edge(edge, "single", size_eighths, color))
    _put(table._tbl.tblPr, borders, _TBL_PR)


def no_borders(table) -> None:
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        borders.append(_edge(edge, "nil"))
    _put(table._tbl.tblPr, borders, _TBL_PR)


def cell_margins(table, top: float, side: float) -> None:
    """Padding inside every cell, in points."""
    margins = OxmlElement("w:tblCellMar")
    for edge, value in (("top", top), ("left", side), ("bottom", top), ("right", side)):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:w"), str(round(value * 20)))
        element.set(qn("w:type"), "dxa")
        margins.append(element)
    _put(table._tbl.tblPr, margins, _TBL_PR)


def bottom_border(cell) -> None:
    """A line to sign or write on."""
    borders = OxmlElement("w:tcBorders")
    borders.append(_edge("bottom", "single", 5))
    _put(cell._tc.get_or_add_tcPr(), borders, _TC_PR)


def cant_split(row) -> None:
    """The table row moves to the next page whole rather than break across pages."""
    tr_pr = row._tr.get_or_add_trPr()
    if tr_pr.find(qn("w:cantSplit")) is None:
        tr_pr.insert(0, OxmlElement("w:cantSplit"))


def fixed_layout(table, widths) -> None:
    """Column widths Word and LibreOffice both keep (autofit off, widths on every cell)."""
    table.autofit = False
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    width = OxmlElement("w:tblW")
    width.set(qn("w:w"), str(sum(w for w in widths) // 635))  # EMU → twentieths of a point
    width.set(qn("w:type"), "dxa")
    _put(table._tbl.tblPr, width, _TBL_PR)
    for column, w in zip(table.columns, widths, strict=True):
        column.width = w
    for row in table.rows:
        for cell, w in zip(row.cells, widths, strict=True):
            cell.width = w
