"""The Word export: laid out like the PDF, user text kept as text, read back exactly or as edited."""

from __future__ import annotations

import io
import re
import zipfile
from datetime import date
from decimal import Decimal

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import example as hypothesis_example
from hypothesis import strategies as st
from lxml import etree

from kopsavilkums import official
from kopsavilkums.convert.imported import ImportRefused
from kopsavilkums.convert.own.word import import_own_docx, read_own_docx
from kopsavilkums.convert.writers.cleaning import clean
from kopsavilkums.convert.writers.word import docx_bytes
from kopsavilkums.report import E_SIGNATURE, Indicator, Objective, Report
from kopsavilkums.validation import has_errors, validate

from .exporttools import (
    EXAMPLES,
    HOSTILE,
    W,
    document,
    document_xml,
    docx_paragraphs,
    example,
    hostile_report,
    model_paragraphs,
    needs_pdftotext,
    needs_soffice,
    pdf_text,
    soffice_convert,
)


def _edit(data: bytes, change) -> bytes:
    """``data`` after ``change(document)`` with python-docx, as a user's edit in Word would be."""
    edited = docx.Document(io.BytesIO(data))
    change(edited)
    buffer = io.BytesIO()
    edited.save(buffer)
    return buffer.getvalue()


def _runs_with(document_, text: str):
    return [r for p in document_.element.body.iter(f"{W}r") for r in [p] if r.text == text]


# ---------------------------------------------------------------------------------- round trips


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_every_example_reads_back_as_the_same_report(path):
    report = example(path)
    imported = import_own_docx(docx_bytes(report))
    assert imported is not None and imported.source == "docx"
    assert document(imported.report) == document(report)
    assert imported.notes == []


def test_hostile_text_reads_back_exactly():
    report = hostile_report()
    report.indicators[1].carried_over = True
    report.objectives.insert(1, Objective("   "))  # an empty row the document does not show
    report.signatory.signing = E_SIGNATURE
    assert document(read_own_docx(docx_bytes(report))) == document(report)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    texts=st.lists(st.text(max_size=40), min_size=6, max_size=6),
    planned=st.one_of(st.none(), st.decimals(min_value=-1000, max_value=10**9, places=2, allow_nan=False)),
)
@hypothesis_example(texts=["\uf900", "\u212b", "a\u0304", "\ufb01", "", ""], planned=None)
def test_any_text_reads_back_exactly(texts, planned):
    report = Report(title=texts[0], task=texts[1], assessment=texts[2], other_information=texts[3])
    report.objectives = [Objective(texts[4])]
    report.indicators = [Indicator(texts[5], planned=texts[4], note=texts[0])]
    report.period.start, report.period.end = date(2020, 1, 1), date(2020, 12, 31)
    report.sync_budget_years()
    report.budget[0].planned = planned
    data = docx_bytes(report)
    assert document(read_own_docx(data)) == document(report)
    assert docx_paragraphs(data) == model_paragraphs(report)


def test_the_same_report_gives_the_same_bytes(complete_report):
    assert docx_bytes(complete_report) == docx_bytes(complete_report)
    changed = complete_report.copy()
    changed.task += "."
    assert docx_bytes(changed) != docx_bytes(complete_report)


# ----------------------------------------------------------------------- what the file shows


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_the_word_file_says_what_the_pdf_says(path):
    report = example(path)
    assert docx_paragraphs(docx_bytes(report)) == model_paragraphs(report)


def test_the_layout_is_a4_with_the_pdfs_margins_in_times_new_roman(complete_report):
    opened = docx.Document(io.BytesIO(docx_bytes(complete_report)))
    section = opened.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    margins = (section.left_margin, section.right_margin, section.top_margin, section.bottom_margin)
    assert [round(m.mm) for m in margins] == [25, 18, 20, 22]
    fonts = opened.styles.element.find(f"{W}docDefaults").find(f".//{W}rFonts")
    assert fonts.get(f"{W}ascii") == "Times New Roman" and fonts.get(f"{W}asciiTheme") is None
    assert opened.styles.element.find(f"{W}docDefaults").find(f".//{W}lang").get(f"{W}val") == "lv-LV"
    assert opened.core_properties.title == official.build(complete_report).title
    assert opened.core_properties.language == "lv-LV"


def test_the_official_table_has_the_eight_labels_in_bold(complete_report):
    opened = docx.Document(io.BytesIO(docx_bytes(complete_report)))
    table = opened.tables[0]
    labels = [row.cells[0].paragraphs[0] for row in table.rows]
    assert [p.text for p in labels] == list(official.LABELS.values())
    assert all(p.style.font.bold for p in labels)
    budget = table.rows[4].cells[1].tables[0]
    assert [c.text for c in budget.rows[0].cells] == ["Gads", "Plānots", "Faktiski izlietots"]
    assert [c.text for c in budget.rows[1].cells] == [
        "2021.gads",
        "28\u00a0500,00\u00a0euro",
        "27\u00a0984,12\u00a0euro",
    ]


def test_one_amount_column_when_no_year_has_a_plan(seed_report):
    for row in seed_report.budget:
        row.planned = None
    opened = docx.Document(io.BytesIO(docx_bytes(seed_report)))
    budget = opened.tables[0].rows[4].cells[1].tables[0]
    assert [c.text for c in budget.rows[0].cells] == ["Gads", "Faktiski izlietots"]


def test_a_draft_with_errors_carries_the_draft_mark_and_a_complete_one_does_not(complete_report):
    assert not has_errors(validate(complete_report, final=True))
    incomplete = complete_report.copy()
    incomplete.task = ""

    def mark(data: bytes) -> bool:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            headers = [archive.read(n) for n in archive.namelist() if n.startswith("word/header")]
        return any(official.DRAFT_MARK.encode() in h for h in headers)

    assert mark(docx_bytes(incomplete))
    assert not mark(docx_bytes(complete_report))


def test_an_e_signed_summary_has_the_note_instead_of_a_signature_line(complete_report):
    complete_report.signatory.signing = E_SIGNATURE
    shown = docx_paragraphs(docx_bytes(complete_report))
    assert official.E_SIGNATURE_NOTE in shown
    assert "Paraksts:" not in shown and "Datums:" not in shown


def test_hostile_text_stays_text_in_the_word_file():
    report = hostile_report()
    data = docx_bytes(report)
    xml = document_xml(data)
    root = etree.fromstring(xml, etree.XMLParser(resolve_entities=False, no_network=True))
    assert root.getroottree().docinfo.doctype == ""
    names = {etree.QName(e).localname for e in root.iter() if isinstance(e.tag, str)}
    assert not names & {"script", "img", "ENTITY"}
    assert b"<script" not in xml and b"<img" not in xml
    text = "".join(docx_paragraphs(data))
    for typed in HOSTILE:
        assert clean(typed) in text, typed
    assert "\x00" not in text and "\x1b" not in text  # dropped: XML cannot hold them, the PDF prints nothing


def test_a_very_long_narrative_is_kept_whole():
    sentence = "Biedrība nodrošināja konsultācijas, seminārus un diskusijas. "
    report = Report(title="Garš", task="Uzdevums", assessment=(sentence * 5_000)[:300_000])
    data = docx_bytes(report)
    assert report.assessment.strip() in docx_paragraphs(data)
    assert read_own_docx(data).assessment == report.assessment


# ------------------------------------------------------------------------------- not ours


def test_a_word_file_we_did_not_write_is_not_ours():
    foreign = docx.Document()
    foreign.add_paragraph("Kopsavilkums par valsts pārvaldes uzdevuma izpildi")
    buffer = io.BytesIO()
    foreign.save(buffer)
    assert read_own_docx(buffer.getvalue()) is None


@pytest.mark.parametrize("data", [b"", b"not a zip", b"PK\x03\x04broken"])
def test_what_is_not_a_word_file_is_not_ours(data):
    assert read_own_docx(data) is None


def test_a_zip_bomb_is_refused_before_it_is_unpacked():
    buffer = io.BytesIO()
    with (
        zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive,
        archive.open("word/document.xml", "w", force_zip64=True) as entry,
    ):
        for _ in range(210):
            entry.write(bytes(1024 * 1024))  # 210 MB of zeros, a few hundred KB packed
    assert len(buffer.getvalue()) < 5 * 1024 * 1024
    with pytest.raises(ImportRefused):
        read_own_docx(buffer.getvalue())


# --------------------------------------------------------------------------------- edited


def test_a_value_changed_in_word_is_what_is_read(complete_report):
    complete_report.indicators[1].carried_over = True

    def change(d):
        (run,) = _runs_with(d, "24")  # indicator 1, planned
        run.text = "25"

    imported = import_own_docx(_edit(docx_bytes(complete_report), change))
    expected = complete_report.copy()
    expected.indicators[0].planned = "25"
    assert document(imported.report) == document(expected)  # the carried-over mark survives the edit
    assert len(imported.notes) == 1 and "changed" in imported.notes[0].en


def test_a_pasted_paragraph_joins_the_value_above_it(complete_report):
    def change(d):
        (run,) = [r for r in d.element.body.iter(f"{W}r") if r.text.startswith("Valsts budžeta finansējums")]
        paragraph = run.getparent()
        pasted = docx.text.paragraph.Paragraph(paragraph, None).insert_paragraph_before("Pielikumā: atskaite.")
        paragraph.addnext(pasted._p)  # below the assessment, in the "Normal" style

    report = read_own_docx(_edit(docx_bytes(complete_report), change))
    assert report.assessment == complete_report.assessment + "\n\nPielikumā: atskaite."


def test_nav_replaced_by_text_is_read_and_a_deleted_indicator_is_gone(complete_report):
    complete_report.indicators[3].carried_over = True

    def change(d):
        (run,) = _runs_with(d, official.NONE)  # row 7, unrecovered amount
        run.text = "Nav atgūti 12,00 euro"
        (number,) = _runs_with(d, "1)\t")
        paragraph = number.getparent()
        details = paragraph.getnext()
        paragraph.getparent().remove(details)
        paragraph.getparent().remove(paragraph)

    report = read_own_docx(_edit(docx_bytes(complete_report), change))
    assert report.unrecovered_amount.explanation == "Nav atgūti 12,00 euro"
    assert [i.text for i in report.indicators] == [i.text for i in complete_report.indicators[1:]]
    assert [i.carried_over for i in report.indicators] == [False, False, True, False]


def test_an_amount_that_no_longer_reads_is_kept_as_text_with_a_note(complete_report):
    def change(d):
        (run,) = _runs_with(d, "412,50\u00a0euro")
        run.text = "četri simti euro"

    imported = import_own_docx(_edit(docx_bytes(complete_report), change))
    assert imported.report.irregular_expenditure.amount is None
    assert "četri simti euro" in imported.report.other_information
    assert any("not an amount" in n.en for n in imported.notes)


def test_an_indicator_typed_with_its_number_becomes_a_new_row(complete_report):
    def change(d):
        (run,) = [r for r in d.element.body.iter(f"{W}r") if r.text == complete_report.indicators[4].text]
        paragraph = docx.text.paragraph.Paragraph(run.getparent(), None)
        details = paragraph._p.getnext()
        new = docx.text.paragraph.Paragraph(details, None).insert_paragraph_before("6) Jauns rādītājs")
        details.addnext(new._p)
        new._p.style = paragraph._p.style

    report = read_own_docx(_edit(docx_bytes(complete_report), change))
    assert [i.text for i in report.indicators][-2:] == [complete_report.indicators[4].text, "Jauns rādītājs"]
    assert report.indicators[4].note == complete_report.indicators[4].note


def test_a_budget_amount_changed_in_word_is_read(seed_report):
    def change(d):
        cells = _runs_with(d, "31\u00a0830,96\u00a0euro")
        cells[1].text = "30 000,00 euro"  # 2019, actually used

    report = read_own_docx(_edit(docx_bytes(seed_report), change))
    assert report.budget[0].actual == Decimal("30000.00")
    assert report.budget[0].planned == Decimal("31830.96")
    assert [b.year for b in report.budget] == [2019, 2020]


# ----------------------------------------------------------------------------- LibreOffice


def _squeeze(text: str) -> str:
    return "".join(text.split())


@pytest.mark.slow
@needs_soffice
@needs_pdftotext
@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_libreoffice_opens_the_word_file_and_shows_every_value(path):
    report = example(path)
    report.other_information = "<script>alert(1)</script> &amp; <img src=x onerror=alert(1)>"
    shown = _squeeze(pdf_text(soffice_convert(docx_bytes(report), ".docx", "pdf")))
    for paragraph in model_paragraphs(report):
        for part in paragraph.split("\t"):  # pdftotext reads a list's numbers as a column of their own
            assert _squeeze(part) in shown, part


@pytest.mark.slow
@needs_soffice
def test_a_file_saved_again_by_libreoffice_reads_back_exactly(complete_report):
    complete_report.indicators[2].carried_over = True
    complete_report.objectives.append(Objective("  "))
    saved = soffice_convert(docx_bytes(complete_report), ".docx", "docx")
    assert document(read_own_docx(saved)) == document(complete_report)


@pytest.mark.slow
@needs_soffice
def test_an_edit_saved_by_libreoffice_is_what_is_read(complete_report):
    complete_report.indicators[2].carried_over = True

    def change(d):
        (run,) = _runs_with(d, "24")
        run.text = "30"
        (run,) = [r for r in d.element.body.iter(f"{W}r") if r.text == complete_report.assessment]
        run.text += " Papildināts."

    saved = soffice_convert(_edit(docx_bytes(complete_report), change), ".docx", "docx")
    imported = import_own_docx(saved)
    expected = complete_report.copy()
    expected.indicators[0].planned = "30"
    expected.assessment += " Papildināts."
    assert document(imported.report) == document(expected)
    assert imported.notes and "changed" in imported.notes[0].en


def test_a_damaged_embedded_draft_falls_back_to_what_the_file_shows(complete_report):
    data = docx_bytes(complete_report)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    draft = next(name for name, blob in parts.items() if b"urn:kopsavilkums:draft" in blob)
    deep = "[" * 100_000 + "]" * 100_000
    parts[draft] = re.sub(rb">[^<]*</", f">{deep}</".encode(), parts[draft])
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, blob in parts.items():
            archive.writestr(name, blob)
    assert document(read_own_docx(buffer.getvalue())) == document(complete_report)


def test_a_changed_file_that_lost_our_styles_is_left_to_the_reader_of_other_word_files(complete_report):
    def change(d):
        for p in d.element.body.iter(f"{W}p"):
            p.style = None
        for r in d.element.body.iter(f"{W}r"):
            r.style = None
        (run,) = _runs_with(d, "24")
        run.text = "25"

    assert read_own_docx(_edit(docx_bytes(complete_report), change)) is None


# ------------------------------------------------------------------------------ page breaks


def _converted(files: dict[str, bytes]) -> dict[str, bytes]:
    """Several Word files converted to PDF by one LibreOffice run (one start-up, not one each)."""
    import subprocess
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        for name, data in files.items():
            (work / f"{name}.docx").write_bytes(data)
        subprocess.run(
            ["soffice", f"-env:UserInstallation={(work / 'profile').as_uri()}", "--headless"]
            + ["--convert-to", "pdf", "--outdir", str(work / "out")]
            + [str(work / f"{name}.docx") for name in files],
            check=True,
            capture_output=True,
            timeout=600,
        )
        return {name: (work / "out" / f"{name}.pdf").read_bytes() for name in files}


def _pages_with(pdf: bytes, words: tuple[str, ...]) -> dict[str, int]:
    """The page each of ``words`` is last seen on."""
    pages = pdf_text(pdf).split("\f")
    return {word: n for n, page in enumerate(pages, 1) for word in words if word in " ".join(page.split())}


@pytest.mark.slow
@needs_soffice
@needs_pdftotext
def test_libreoffice_keeps_the_signature_block_and_short_rows_whole(seed_report):
    """The label "Valsts pārvaldes uzdevuma veicēja pārstāvis:" was cut in two by a page break,
    and the budget's total row went to the next page alone. Longer and longer assessments move
    the end of row 8 down the page, past the foot."""
    files = {}
    for extra in range(36, 50):
        report = seed_report.copy()
        report.assessment += "".join(f"\nPapildu rinda {n}." for n in range(extra))
        files[f"longer_{extra}"] = docx_bytes(report)
    files["example"] = docx_bytes(seed_report)
    block = ("uzdevuma veicēja", "pārstāvis:", "Paraksts:", "Datums:")
    for name, pdf in _converted(files).items():
        where = _pages_with(pdf, block)
        assert len(where) == len(block) and len(set(where.values())) == 1, (name, where)
        budget = _pages_with(pdf, ("Gads", "Kopā"))
        assert len(set(budget.values())) == 1, (name, budget)


def test_the_signature_block_keeps_together_and_short_rows_do_not_split(complete_report):
    body = docx.Document(io.BytesIO(docx_bytes(complete_report))).element.body
    official_table, signature = body.findall(f"{W}tbl")
    signature_rows = signature.findall(f"{W}tr")
    assert all(tr.find(f"{W}trPr/{W}cantSplit") is not None for tr in signature_rows)
    block = signature.iter(f"{W}p")
    assert all(p.find(f"{W}pPr/{W}keepNext") is not None for p in block)  # the rows stay together
    rows = official_table.findall(f"{W}tr")
    whole = [tr.find(f"{W}trPr/{W}cantSplit") is not None for tr in rows]
    assert whole[0] and whole[4]  # the task; the budget table with its total
    assert not whole[3]  # the long row 4 may split, as in the PDF
