"""Any layout in (issue 16): a summary reads the same whether it is a table, paragraphs, headings,
a definition list or a list — in a Word file, a web page and text."""

from __future__ import annotations

import io
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.convert.layout_samples import DOCX_LAYOUTS, EXPECTED, HTML_LAYOUTS, TEXT_LAYOUTS, TITLE, as_read

from kopsavilkums import exchange
from kopsavilkums.convert.readers.import_notes import UNPLACED_MARKER
from kopsavilkums.convert.reading import read_any

LAYOUTS = [
    *((f"Word, {name}", make) for name, make in DOCX_LAYOUTS.items()),
    *((f"web page, {name}", make) for name, make in HTML_LAYOUTS.items()),
    *((f"text, {name}", make) for name, make in TEXT_LAYOUTS.items()),
]


@pytest.mark.parametrize(("name", "make"), LAYOUTS, ids=[name for name, _ in LAYOUTS])
def test_every_layout_reads_every_row_into_its_field(name, make):
    imported = read_any(make())
    assert as_read(imported.report) == EXPECTED
    assert imported.report.title == TITLE
    assert UNPLACED_MARKER not in imported.report.other_information
    notes = "\n".join(n.en for n in imported.notes)
    assert "was not found" not in notes and "No budget row" not in notes
    assert "not fully understood" not in notes


def test_text_under_the_signature_that_has_no_field_stays_visible_in_other_information():
    import docx

    document = docx.Document(io.BytesIO(DOCX_LAYOUTS["bold paragraphs"]()))
    document.add_paragraph("Pielikumā: foto atskaite no forumiem")
    out = io.BytesIO()
    document.save(out)
    imported = read_any(out.getvalue())
    other = imported.report.other_information
    assert other.startswith("Forumi notika klātienē.\n" + UNPLACED_MARKER)
    assert other.endswith("Pielikumā: foto atskaite no forumiem")
    assert imported.report.signatory.name == "Jānis Bērziņš"
    assert any("under the table" in n.en and "not recognised" in n.en for n in imported.notes)


@pytest.mark.parametrize("name", ["definition list", "headings"])
def test_a_web_archive_of_a_page_without_a_table_reads_the_same(name):
    import quopri

    page = HTML_LAYOUTS[name]()
    archive = (
        b"From: <Saved by Blink>\r\nSubject: Kopsavilkums\r\nMIME-Version: 1.0\r\n"
        b'Content-Type: multipart/related; type="text/html"; boundary="----B"\r\n\r\n'
        b"------B\r\nContent-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n"
        b"Content-Location: https://example.lv/k\r\n\r\n" + quopri.encodestring(page) + b"\r\n------B--\r\n"
    )
    imported = read_any(archive, "kopsavilkums.mht")
    assert as_read(imported.report) == EXPECTED


def test_what_a_page_hides_is_not_read_in_any_layout():
    from tests.convert.layout_samples import _page

    page = _page(
        "<h3>Valsts pārvaldes uzdevums</h3><p>Forumi</p><p style='display: none'>Slēpts teksts</p>"
        "<h3>Valsts pārvaldes uzdevuma veicējs</h3><p hidden>Cits veicējs</p><p>Biedrība</p>"
        "<dl><dt><div hidden>Piezīme</div>Periods</dt><dd>01.03.2022. – 28.02.2023.</dd></dl>"
    )
    report = read_any(page).report
    assert (report.task, report.performer) == ("Forumi", "Biedrība")
    assert report.period.start is not None  # a hidden block inside a term leaves the term a term


def test_a_page_without_a_table_hides_as_much_as_one_with_a_table_and_says_so():
    from tests.convert.layout_samples import _page

    page = _page(
        "<h3>Valsts pārvaldes uzdevums</h3><p>Forumi</p>"
        "<h3>Valsts pārvaldes uzdevuma veicējs</h3><p>Biedrība „Redzamā”</p>"
        "<p style='font-size:0'>Biedrība „Slēptā”</p>"
    )
    imported = read_any(page)
    assert imported.report.performer == "Biedrība „Redzamā”"
    assert any("hidden" in note.en for note in imported.notes), [note.en for note in imported.notes]


def test_a_word_table_with_the_budget_as_a_nested_table_of_three_amount_columns():
    import docx
    from tests.convert.layout_samples import BUDGET, ROWS

    document = docx.Document()
    table = document.add_table(rows=len(ROWS), cols=2)
    for r, (label, values) in enumerate(ROWS):
        table.cell(r, 0).text = label
        cell = table.cell(r, 1)
        cell.text = values[0] if values else ""
        if label == BUDGET:
            inner = cell.add_table(rows=3, cols=4)
            for i, cells in enumerate(
                [
                    ["Gads", "Plānots", "Izlietots", "Starpība"],
                    ["2022.", "1000", "900", "100"],
                    ["2023.", "500", "500", "0"],
                ]
            ):
                for c, text in enumerate(cells):
                    inner.cell(i, c).text = text
    out = io.BytesIO()
    document.save(out)
    report = read_any(out.getvalue()).report
    assert [(b.year, str(b.planned), str(b.actual)) for b in report.budget] == [
        (2022, "1000.00", "900.00"),
        (2023, "500.00", "500.00"),
    ]
    assert UNPLACED_MARKER not in report.other_information


_WORDS = ["zilonis", "tramvajs", "kuģis", "mākonis", "ezers"]
_TAGS = st.sampled_from(
    ["<h3>", "</h3>", "<p>", "</p>", "<dt>", "</dt>", "<dd>", "</dd>", "<strong>", "</strong>", "<b>", "</b>", "<li>",
     "<ol>", "</ol>", "<br>", "<table><tr><td>", "</td><td>", "</td></tr></table>", "<div>", "</div>", ": ", " "]
)  # fmt: skip
_LABELS = st.sampled_from(["Periods", "Finansējums", "Cita informācija", "Neatbilstoši veiktie izdevumi", "Apraksts"])


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(_TAGS, _LABELS, st.sampled_from(_WORDS)), max_size=40))
def test_a_page_in_any_layout_keeps_every_word_after_its_first_label(pieces):
    body = "<h3>Valsts pārvaldes uzdevums</h3><p>x</p><h3>Valsts pārvaldes uzdevuma veicējs</h3><p>y</p>"
    page = f"<html><body>{body}{''.join(pieces)}</body></html>".encode()
    imported = read_any(page)
    kept = json.dumps(json.loads(exchange.dumps(imported.report)), ensure_ascii=False).lower()
    for word in set(pieces) & set(_WORDS):
        assert word in kept, (word, kept)
