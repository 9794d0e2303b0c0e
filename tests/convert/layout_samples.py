"""One summary, written by hand in the layouts NGOs use (issue 16): as a Word file, a web page and
text, each as a table, as paragraphs with bold labels or headings, as a definition list, as a list.

Every layout holds the same values, so each must read into :data:`EXPECTED`."""

from __future__ import annotations

import io
from datetime import date
from decimal import Decimal
from html import escape

import docx

DESCRIPTION = "Apraksts un vērtējums par valsts pārvaldes uzdevuma izpildi"
BUDGET = "Plānotais un faktiski izlietotais valsts budžeta finansējums"
TITLE = "KOPSAVILKUMS par valsts pārvaldes uzdevuma izpildi"

#: (label, value paragraphs); the budget is a table, apart.
ROWS: list[tuple[str, list[str]]] = [
    ("Valsts pārvaldes uzdevums", ["Jauniešu forumu rīkošana Latgalē"]),
    ("Valsts pārvaldes uzdevuma veicējs", ["Biedrība „Zaļā osta”"]),
    ("Valsts pārvaldes uzdevuma deleģēšanas periods", ["01.03.2022. – 28.02.2023."]),
    (
        DESCRIPTION,
        [
            "Biedrība īstenoja šādus uzdevumus:",
            "1. Rīkot jauniešu forumus.",
            "2. Apmācīt brīvprātīgos.",
            "Lai sasniegtu minētos mērķus, tika noteikti šādi rezultatīvie rādītāji:",
            "1) Notikuši forumi – plānots 4, sasniegts 4.",
            "2) Apmācīti brīvprātīgie (plānotais 40, faktiskais 38).",
            "Uzdevums izpildīts pilnā apmērā.",
        ],
    ),
    (BUDGET, []),
    ("Neatbilstoši veiktie izdevumi", ["Nav"]),
    ("Neatgūto līdzekļu apmērs no neatbilstoši veiktajiem izdevumiem", ["Nav"]),
    ("Cita informācija", ["Forumi notika klātienē."]),
]
BUDGET_TABLE = [
    ["Gads", "Plānots, EUR", "Izlietots, EUR"],
    ["2022.", "10 000,00", "9 500,00"],
    ["2023. gads", "2 000,00 eiro", "1 950,50 eiro"],
]
#: The budget as lines of text, where a text has no table.
BUDGET_LINES = [
    "2022. gads: plānots 10 000,00 eiro, izlietots 9 500,00 eiro",
    "2023. gads: plānots 2 000,00 eiro, izlietots 1 950,50 eiro",
]
SIGNATURE = [
    "Biedrības „Zaļā osta” valdes priekšsēdētājs Jānis Bērziņš",
    "Rīgā, 2023. gada 15. martā",
    "Sagatavoja: Anna Ozola, tālr. 26123456, anna@zala-osta.lv",
]

EXPECTED = {
    "task": "Jauniešu forumu rīkošana Latgalē",
    "performer": "Biedrība „Zaļā osta”",
    "period": (date(2022, 3, 1), date(2023, 2, 28)),
    "introduction": "Biedrība īstenoja šādus uzdevumus:",
    "objectives": ["Rīkot jauniešu forumus.", "Apmācīt brīvprātīgos."],
    "indicators": [
        ("Notikuši forumi – plānots 4, sasniegts 4.", "4", "4"),
        ("Apmācīti brīvprātīgie (plānotais 40, faktiskais 38).", "40", "38"),
    ],
    "assessment": "Uzdevums izpildīts pilnā apmērā.",
    "budget": [(2022, Decimal("10000.00"), Decimal("9500.00")), (2023, Decimal("2000.00"), Decimal("1950.50"))],
    "irregular": (None, ""),
    "other_information": "Forumi notika klātienē.",
    "signatory": ("Jānis Bērziņš", "Biedrības „Zaļā osta” valdes priekšsēdētājs", date(2023, 3, 15)),
    "prepared_by": ("Anna Ozola", "26123456", "anna@zala-osta.lv"),
}


def as_read(report) -> dict:
    return {
        "task": report.task,
        "performer": report.performer,
        "period": (report.period.start, report.period.end),
        "introduction": report.introduction,
        "objectives": [o.text for o in report.objectives],
        "indicators": [(i.text, i.planned, i.achieved) for i in report.indicators],
        "assessment": report.assessment,
        "budget": [(b.year, b.planned, b.actual) for b in report.budget],
        "irregular": (report.irregular_expenditure.amount, report.irregular_expenditure.explanation),
        "other_information": report.other_information,
        "signatory": (report.signatory.name, report.signatory.position, report.signatory.date),
        "prepared_by": (report.prepared_by.name, report.prepared_by.phone, report.prepared_by.email),
    }


# ------------------------------------------------------------------------------------- Word


def _save(document) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _bold(paragraph, text: str) -> None:
    paragraph.add_run(text).bold = True


def _budget_table(document) -> None:
    table = document.add_table(rows=len(BUDGET_TABLE), cols=3)
    for r, cells in enumerate(BUDGET_TABLE):
        for c, text in enumerate(cells):
            table.cell(r, c).text = text


def _signature(document) -> None:
    for line in SIGNATURE:
        document.add_paragraph(line)


def docx_table() -> bytes:
    document = docx.Document()
    document.add_paragraph(TITLE)
    table = document.add_table(rows=len(ROWS), cols=2)
    for r, (label, values) in enumerate(ROWS):
        table.cell(r, 0).text = label
        cell = table.cell(r, 1)
        lines = values or BUDGET_LINES
        cell.paragraphs[0].text = lines[0]
        for text in lines[1:]:
            cell.add_paragraph(text)
    _signature(document)
    return _save(document)


def docx_bold_paragraphs() -> bytes:
    """Each label a bold paragraph of its own, its text below, the budget a three-column table."""
    document = docx.Document()
    _bold(document.add_paragraph(), TITLE)
    for label, values in ROWS:
        _bold(document.add_paragraph(), label)
        for text in values:
            document.add_paragraph(text)
        if label == BUDGET:
            _budget_table(document)
    _signature(document)
    return _save(document)


def docx_headings() -> bytes:
    document = docx.Document()
    document.add_heading(TITLE, level=1)
    for label, values in ROWS:
        document.add_heading(label, level=2)
        for text in values:
            document.add_paragraph(text)
        if label == BUDGET:
            _budget_table(document)
    _signature(document)
    return _save(document)


def docx_list() -> bytes:
    """A numbered list (Word's numbering) of ``Label:`` in bold with the value after it."""
    document = docx.Document()
    document.add_paragraph(TITLE)
    for label, values in ROWS:
        item = document.add_paragraph(style="List Number")
        _bold(item, label + ":")
        item.add_run(" " + values[0] if values else "")
        for text in values[1:]:
            document.add_paragraph(text)
        if label == BUDGET:
            _budget_table(document)
    _signature(document)
    return _save(document)


def docx_framed() -> bytes:
    """Bold labels and their paragraphs inside a table of one cell (a frame), the budget a table in it."""
    document = docx.Document()
    frame = document.add_table(rows=1, cols=1).cell(0, 0)
    _bold(frame.paragraphs[0], TITLE)
    for label, values in ROWS:
        _bold(frame.add_paragraph(), label)
        for text in values:
            frame.add_paragraph(text)
        if label == BUDGET:
            table = frame.add_table(rows=len(BUDGET_TABLE), cols=3)
            for r, cells in enumerate(BUDGET_TABLE):
                for c, text in enumerate(cells):
                    table.cell(r, c).text = text
            frame.add_paragraph("")
    for line in SIGNATURE:
        frame.add_paragraph(line)
    return _save(document)


DOCX_LAYOUTS = {
    "table": docx_table,
    "bold paragraphs": docx_bold_paragraphs,
    "headings": docx_headings,
    "list": docx_list,
    "framed in a table": docx_framed,
}


# ------------------------------------------------------------------------------------- web page


def _page(body: str) -> bytes:
    return (
        '<!DOCTYPE html><html lang="lv"><head><meta charset="utf-8"><title>Kopsavilkums</title></head><body>'
        '<nav><a href="/">Sākums</a> <a href="/kontakti">Kontakti</a></nav><main>'
        f"{body}</main><footer>© Ministrija</footer></body></html>"
    ).encode()


def _html_budget() -> str:
    rows = "".join("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in cells) + "</tr>" for cells in BUDGET_TABLE)
    return f"<table>{rows}</table>"


def _html_signature() -> str:
    return "".join(f"<p>{escape(line)}</p>" for line in SIGNATURE)


def _paragraphs(values: list[str]) -> str:
    return "".join(f"<p>{escape(text)}</p>" for text in values)


def html_table() -> bytes:
    rows = "".join(
        f"<tr><td>{escape(label)}</td><td>{_paragraphs(values or BUDGET_LINES)}</td></tr>" for label, values in ROWS
    )
    return _page(f"<h1>{escape(TITLE)}</h1><table>{rows}</table>{_html_signature()}")


def html_definitions() -> bytes:
    items = "".join(
        f"<dt><strong>{escape(label)}</strong></dt><dd>{_paragraphs(values)}{'' if values else _html_budget()}</dd>"
        for label, values in ROWS
    )
    return _page(f"<h1>{escape(TITLE)}</h1><dl>{items}</dl>{_html_signature()}")


def html_headings() -> bytes:
    parts = "".join(
        f"<h3>{escape(label)}</h3>{_paragraphs(values)}{'' if values else _html_budget()}" for label, values in ROWS
    )
    return _page(f"<h1>{escape(TITLE)}</h1><div class='saturs'>{parts}</div>{_html_signature()}")


def html_list() -> bytes:
    items = "".join(
        f"<li><b>{escape(label)}:</b> {escape(values[0]) if values else ''}{_paragraphs(values[1:])}"
        f"{'' if values else _html_budget()}</li>"
        for label, values in ROWS
    )
    return _page(f"<h1>{escape(TITLE)}</h1><ol>{items}</ol>{_html_signature()}")


def html_framed() -> bytes:
    """Paragraphs with ``<strong>`` labels inside a layout table of one column."""
    parts = "".join(
        f"<p><strong>{escape(label)}</strong></p>{_paragraphs(values)}{'' if values else _html_budget()}"
        for label, values in ROWS
    )
    title = f"<p><strong>{escape(TITLE)}</strong></p>"
    return _page(f"<table><tr><td>{title}</td></tr><tr><td>{parts}{_html_signature()}</td></tr></table>")


HTML_LAYOUTS = {
    "table": html_table,
    "definition list": html_definitions,
    "headings": html_headings,
    "list": html_list,
    "framed in a table": html_framed,
}


# ------------------------------------------------------------------------------------- text

#: Text has no bold or headings to mark a label: there, the labels are written in full, as on the form.
FULL = {
    DESCRIPTION: (
        "Apraksts un vērtējums par valsts pārvaldes uzdevuma izpildes ietvaros sasniegtajiem rezultatīvajiem "
        "rādītājiem un izlietotā valsts budžeta finansējuma atbilstību līgumā paredzētajiem mērķiem"
    ),
    BUDGET: "Plānotais un faktiski izlietotais valsts budžeta finansējums sadalījumā pa gadiem",
}
TEXT_ROWS = [(FULL.get(label, label), values) for label, values in ROWS]


def text_table() -> bytes:
    lines = [TITLE]
    for label, values in TEXT_ROWS:
        lines.append(f"{label}\t{(values or BUDGET_LINES)[0]}")
        lines += [f"\t{text}" if not values else text for text in (values or BUDGET_LINES)[1:]]
    return "\n".join([*lines, "", *SIGNATURE, ""]).encode()


def text_own_lines() -> bytes:
    lines = [TITLE]
    for label, values in TEXT_ROWS:
        lines += [label, *(values or BUDGET_LINES), ""]
    return "\n".join([*lines, *SIGNATURE, ""]).encode()


def text_colons() -> bytes:
    lines = [TITLE]
    for label, values in TEXT_ROWS:
        values = values or BUDGET_LINES
        lines += [f"{label}: {values[0]}", *values[1:]]
    return "\n".join([*lines, "", *SIGNATURE, ""]).encode()


def text_list() -> bytes:
    lines = [TITLE]
    for number, (label, values) in enumerate(TEXT_ROWS, start=1):
        values = values or BUDGET_LINES
        lines += [f"{number}. {label}: {values[0]}", *(f"   {text}" for text in values[1:])]
    return "\n".join([*lines, "", *SIGNATURE, ""]).encode()


TEXT_LAYOUTS = {"table": text_table, "own lines": text_own_lines, "label: value": text_colons, "list": text_list}
