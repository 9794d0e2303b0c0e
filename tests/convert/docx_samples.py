"""Word files for the tests, written here with python-docx the way NGOs lay their summaries out
(a binary .docx cannot be written by hand, so these builders are the hand-written samples), and
hostile ones written zip entry by zip entry."""

from __future__ import annotations

import io
import zipfile

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

DESCRIPTION = (
    "Apraksts un vērtējums par valsts pārvaldes uzdevuma izpildes ietvaros sasniegtajiem rezultatīvajiem "
    "rādītājiem un izlietotā valsts budžeta finansējuma atbilstību līgumā paredzētajiem mērķiem"
)
BUDGET = "Plānotais un faktiski izlietotais valsts budžeta finansējums sadalījumā pa gadiem"


def _save(document) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _cell(cell, *paragraphs: str, style: str | None = None) -> None:
    """Fill a cell with paragraphs (its first, empty paragraph is reused)."""
    first = cell.paragraphs[0]
    first.text = paragraphs[0]
    if style:
        first.style = style
    for text in paragraphs[1:]:
        cell.add_paragraph(text, style=style)


def clean_docx() -> bytes:
    """A two-column table with the official labels; the title above it; the narrative as several
    paragraphs (objectives numbered by Word, indicators typed "1)"); the budget label merged over two
    rows with the years written two ways; signature, place and date, Sagatavoja under it."""
    d = docx.Document()
    d.add_paragraph("Kopsavilkums par valsts pārvaldes uzdevuma izpildi vides izglītības jomā")
    t = d.add_table(rows=9, cols=2)
    _cell(t.cell(0, 0), "Valsts pārvaldes uzdevums")
    _cell(t.cell(0, 1), "Vides izglītības pasākumu organizēšana Zemgales skolās")
    _cell(t.cell(1, 0), "Valsts pārvaldes uzdevuma veicējs")
    _cell(t.cell(1, 1), "Biedrība „Zaļā Zemgale”")
    _cell(t.cell(2, 0), "Valsts pārvaldes uzdevuma deleģēšanas periods")
    _cell(t.cell(2, 1), "2021. gada 1. aprīlis – 2022. gada 31. decembris")
    _cell(t.cell(3, 0), DESCRIPTION)
    cell = t.cell(3, 1)
    _cell(cell, "Lai veicinātu vides izglītību Zemgales skolās, tika noteikti šādi valsts pārvaldes uzdevumi:")
    cell.add_paragraph("Organizēt vides nodarbības skolēniem.", style="List Number")
    cell.add_paragraph('Sagatavot metodisko materiālu "Zaļā skola" skolotājiem.', style="List Number")
    cell.add_paragraph("Valsts pārvaldes uzdevumu ietvaros tika sasniegti šādi rezultatīvie rādītāji:")
    cell.add_paragraph("1) Notikušas 48 nodarbības 31 skolā.")
    cell.add_paragraph("2) Izdots metodiskais materiāls 300 eksemplāros.")
    cell.add_paragraph("Finansējums izlietots atbilstoši līgumā paredzētajiem mērķiem.")
    top = t.cell(4, 0).merge(t.cell(5, 0))  # the budget label spans the years
    _cell(top, BUDGET)
    _cell(t.cell(4, 1), "2021.gads 18 400,00 euro")
    _cell(t.cell(5, 1), "2022. gads: plānotais 42 000,00 EUR, faktiski izlietotais 39 517,44 EUR")
    _cell(t.cell(6, 0), "Neatbilstoši veiktie izdevumi")
    _cell(t.cell(6, 1), "Nav")
    _cell(t.cell(7, 0), "Neatgūto līdzekļu apmērs no neatbilstoši veiktajiem izdevumiem")
    _cell(t.cell(7, 1), "Nav")
    _cell(t.cell(8, 0), "Cita informācija")
    _cell(t.cell(8, 1), "Nodarbību saraksts pieejams biedrības mājaslapā.")
    d.add_paragraph("")
    d.add_paragraph("Valdes priekšsēdētāja Anna Bērziņa ____________ (paraksts)")
    d.add_paragraph("Jelgavā, 2023. gada 20. janvārī")
    d.add_paragraph("Sagatavoja: Jānis Ozoliņš, tālr. 26123456, e-pasts janis@example.lv")
    return _save(d)


def _content_control(element) -> None:
    """Wrap a body element in a block content control (<w:sdt>), as form templates do."""
    sdt = parse_xml(f"<w:sdt {nsdecls('w')}><w:sdtPr/><w:sdtContent/></w:sdt>")
    element.addprevious(sdt)
    sdt.find(qn("w:sdtContent")).append(element)


def ugly_docx() -> bytes:
    """Letterhead above; the title over two paragraphs; a three-column table with a row-number
    column, a heading row, rows in another order, row 7 missing, a label broken over two lines, the
    budget as a nested table and as soft line breaks, a tracked insertion; the table wrapped in a
    content control; the signature in a borderless table of its own; an unknown line under it."""
    d = docx.Document()
    d.add_paragraph("Biedrība „Sporta klubs”, reģ. Nr. 40008000000")
    d.add_paragraph("KOPSAVILKUMS")
    d.add_paragraph("par valsts pārvaldes uzdevuma izpildi sporta jomā")
    t = d.add_table(rows=8, cols=3)
    _cell(t.cell(0, 0), "Nr.")
    _cell(t.cell(0, 1), "Rādītājs")
    _cell(t.cell(0, 2), "Informācija")
    rows = [
        ("2.", "Valsts pārvaldes uzdevuma veicējs:", ['Biedrība "Sporta klubs"']),
        ("1.", "VALSTS PĀRVALDES UZDEVUMS", ["Sporta sacensību rīkošana"]),
        ("3.", "Periods", ["12.08.2022 — 11.08.2023"]),
        (
            "4.",
            "Apraksts un vērtējums par valsts pārvaldes uzdevuma izpildes ietvaros\nsasniegtajiem rezultatīvajiem "
            "rādītājiem un izlietotā valsts budžeta finansējuma atbilstību līgumā paredzētajiem mērķiem",
            [
                "Klubs īstenoja šādus uzdevumus: 1. Rīkot sacensības. 2. Apmācīt tiesnešus.",
                "Valsts pārvaldes uzdevumu ietvaros tika sasniegti šādi rezultatīvie rādītāji:",
                "1) Notikušas 6 sacensības. 2) Apmācīti 12 tiesneši.",
                "Mērķi sasniegti.",
            ],
        ),
        ("5.", "Finansējums", []),
        ("6.", "Neatbilstoši veiktie izdevumi", ["25,00 EUR: soda nauda par kavētu atskaiti"]),
        ("8.", "Cita informācija", ["Nav."]),
    ]
    for index, (number, label, values) in enumerate(rows, start=1):
        _cell(t.cell(index, 0), number)
        label_cell = t.cell(index, 1)
        first, _, second = label.partition("\n")
        _cell(label_cell, first)
        if second:
            label_cell.paragraphs[0].add_run().add_break()
            label_cell.paragraphs[0].add_run(second)
        if values:
            _cell(t.cell(index, 2), *values)
    budget = t.cell(5, 2)
    nested = budget.add_table(rows=1, cols=2)
    _cell(nested.cell(0, 0), "2022. gads")
    _cell(nested.cell(0, 1), "12 000,00 euro")
    paragraph = budget.paragraphs[0]
    paragraph.add_run("2023. gads 3 000 €")
    paragraph.add_run().add_break()
    paragraph.add_run("Kopā 15 000,00 euro")
    # Row 1's value typed with Track Changes on: the inserted words are text too.
    task = t.cell(2, 2).paragraphs[0]._p
    task.append(
        parse_xml(
            f'<w:ins {nsdecls("w")} w:id="1" w:author="A" w:date="2024-01-01T00:00:00Z">'
            '<w:r><w:t xml:space="preserve"> un tiesnešu apmācība</w:t></w:r></w:ins>'
        )
    )
    task.append(
        parse_xml(
            f'<w:del {nsdecls("w")} w:id="2" w:author="A" w:date="2024-01-01T00:00:00Z">'
            "<w:r><w:delText>izdzēsts teksts</w:delText></w:r></w:del>"
        )
    )
    _content_control(t._tbl)
    d.add_paragraph("")
    signature = d.add_table(rows=1, cols=3)
    _cell(signature.cell(0, 0), "Valdes priekšsēdētājs")
    _cell(signature.cell(0, 1), "______________")
    _cell(signature.cell(0, 2), "Pēteris Kalns")
    d.add_paragraph("Pielikumā: sacensību protokoli uz 3 lapām.")
    d.add_paragraph("DOKUMENTS IR PARAKSTĪTS AR DROŠU ELEKTRONISKO PARAKSTU UN SATUR LAIKA ZĪMOGU")
    return _save(d)


def not_a_summary_docx() -> bytes:
    d = docx.Document()
    d.add_paragraph("Ielūgums uz biedrības kopsapulci")
    t = d.add_table(rows=2, cols=2)
    _cell(t.cell(0, 0), "Datums")
    _cell(t.cell(0, 1), "2024. gada 1. marts")
    _cell(t.cell(1, 0), "Vieta")
    _cell(t.cell(1, 1), "Rīga")
    return _save(d)


def with_document_xml(document_xml: bytes, base: bytes | None = None) -> bytes:
    """A copy of a real Word file whose word/document.xml is replaced."""
    return with_parts(base or clean_docx(), {"word/document.xml": document_xml})


def with_parts(base: bytes, parts: dict[str, bytes]) -> bytes:
    """A copy of the Word file ``base`` with ``parts`` added or replaced."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(base)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            if item.filename not in parts:
                target.writestr(item.filename, source.read(item))
        for name, data in parts.items():
            target.writestr(name, data)
    return out.getvalue()


def zip_bomb(megabytes: int = 200) -> bytes:
    """A .docx of a few hundred kB whose document.xml inflates to ``megabytes`` MB of spaces."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(clean_docx())) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive,
    ):
        for item in source.infolist():
            if item.filename != "word/document.xml":
                archive.writestr(item.filename, source.read(item))
        with archive.open("word/document.xml", "w") as part:
            block = b" " * (1 << 20)
            for _ in range(megabytes):
                part.write(block)
    return out.getvalue()


def lying_zip_bomb() -> bytes:
    """A zip bomb whose headers claim document.xml is 1,000 bytes (it inflates to 200 MB)."""
    data = bytearray(zip_bomb())
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        item = archive.getinfo("word/document.xml")
    fake = (1000).to_bytes(4, "little")
    data[item.header_offset + 22 : item.header_offset + 26] = fake  # the local file header
    name = item.filename.encode()
    at = data.find(b"PK\x01\x02")
    while at != -1:  # its entry in the central directory
        length = int.from_bytes(data[at + 28 : at + 30], "little")
        if data[at + 46 : at + 46 + length] == name:
            data[at + 24 : at + 28] = fake
            break
        at = data.find(b"PK\x01\x02", at + 4)
    return bytes(data)


XXE = b"""<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>
<w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>"""

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>
<w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>"""


def deeply_nested_tables(depth: int) -> bytes:
    """document.xml with tables nested ``depth`` deep (each in the only cell of the one above)."""
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    inner = "<w:p><w:r><w:t>x</w:t></w:r></w:p>"
    for _ in range(depth):
        inner = f"<w:tbl><w:tr><w:tc>{inner}<w:p/></w:tc></w:tr></w:tbl>"
    return f'<?xml version="1.0"?><w:document {w}><w:body>{inner}</w:body></w:document>'.encode()


def form_docx() -> bytes:
    """A summary made from a form template: rows in a repeating-section content control, a value
    still showing its grey placeholder, and a text box (Word keeps a second, fallback copy of it)."""
    d = docx.Document()
    d.add_paragraph("Kopsavilkums par valsts pārvaldes uzdevuma izpildi")
    t = d.add_table(rows=4, cols=2)
    _cell(t.cell(0, 0), "Valsts pārvaldes uzdevums")
    _cell(t.cell(0, 1), "Uzdevums no veidnes")
    _cell(t.cell(1, 0), "Valsts pārvaldes uzdevuma veicējs")
    _cell(t.cell(1, 1), "Biedrība „Veidne”")
    _cell(t.cell(2, 0), "Neatbilstoši veiktie izdevumi")
    _cell(t.cell(3, 0), "Cita informācija")
    _cell(t.cell(3, 1), "Teksts pirms lodziņa.")
    # row 6's value: an empty content control showing its placeholder
    t.cell(2, 1).paragraphs[0]._p.append(
        parse_xml(
            f"<w:sdt {nsdecls('w')}><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent>"
            "<w:r><w:t>Noklikšķiniet, lai ievadītu tekstu.</w:t></w:r></w:sdtContent></w:sdt>"
        )
    )
    # a text box in row 8, as Word writes it: a DrawingML copy and a VML fallback copy
    mc = "http://schemas.openxmlformats.org/markup-compatibility/2006"
    box = (
        f'<w:r {nsdecls("w")} xmlns:mc="{mc}"><mc:AlternateContent>'
        '<mc:Choice Requires="wps"><w:drawing><w:txbxContent><w:p><w:r><w:t>Teksts lodziņā.</w:t></w:r></w:p>'
        "</w:txbxContent></w:drawing></mc:Choice>"
        "<mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>Teksts lodziņā.</w:t></w:r></w:p></w:txbxContent>"
        "</w:pict></mc:Fallback></mc:AlternateContent></w:r>"
    )
    t.cell(3, 1).paragraphs[0]._p.append(parse_xml(box))
    # rows 2 and 3 inside a repeating section
    rows = t._tbl.tr_lst
    section = parse_xml(f"<w:sdt {nsdecls('w')}><w:sdtPr/><w:sdtContent/></w:sdt>")
    rows[1].addprevious(section)
    content = section.find(qn("w:sdtContent"))
    content.append(rows[1])
    content.append(rows[2])
    return _save(d)
