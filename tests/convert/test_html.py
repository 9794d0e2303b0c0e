"""A ministry's page saved as HTML: the summary table somewhere inside a whole page."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from kopsavilkums.convert.imported import ImportRefused
from kopsavilkums.convert.reading import read_any, read_path

SAMPLES = Path(__file__).resolve().parent / "samples"


def page(rows: str, around: str = "", after: str = "") -> bytes:
    return (
        f"<!DOCTYPE html><html><head><title>t</title></head><body>{around}<table>{rows}</table>{after}</body></html>"
    ).encode()


def english(imported) -> str:
    return "\n".join(n.en for n in imported.notes)


def test_the_page_s_menus_header_footer_and_scripts_are_not_read():
    imported = read_path(SAMPLES / "kurzemes-nvo-centrs-page.html")
    r = imported.report
    assert r.title.startswith("Kopsavilkums par atsevišķu valsts pārvaldes uzdevumu")
    assert r.task.endswith("attīstības jomā")  # &nbsp; is a space
    assert "nav īsts" not in r.task  # the row inside the <script> is no row
    assert r.other_information == ""
    assert "Kontakti" not in r.other_information + r.prepared_by.name
    assert [(b.year, b.actual) for b in r.budget] == [(2019, Decimal("31830.96")), (2020, None)]  # rowspan
    assert "1 line above the table (menus, publishing details) was not used" in english(imported)


@pytest.fixture(scope="module")
def ugly():
    return read_path(SAMPLES / "mantojums-ugly.html")


def test_ugly_page_in_windows_1257_with_a_layout_table_th_labels_and_a_number_column(ugly):
    r = ugly.report
    assert r.title == "KOPSAVILKUMS par valsts pārvaldes uzdevuma kultūras mantojuma jomā izpildi"
    assert r.task == "Kultūras mantojuma popularizēšana & izglītība <reģionos>"  # nested tags, entities
    assert r.performer == "Biedrība „Mantojums”"  # label with <br>, unclosed cells, row out of order
    assert (r.period.start, r.period.end) == (date(2022, 1, 1), date(2022, 12, 31))


def test_ugly_page_auto_numbered_list_and_indicators_on_one_line(ugly):
    r = ugly.report
    assert r.introduction == "Biedrība 2022. gadā veica šādus uzdevumus:"
    assert [o.text for o in r.objectives] == ["Organizēt ekskursijas skolēniem.", "Izdot bukletu „Mantojums”."]
    assert [i.text for i in r.indicators] == ["Notikušas 12 ekskursijas.", "Izdoti 500 bukleti."]
    assert r.assessment == "Uzdevums izpildīts pilnībā."


def test_ugly_page_budget_in_a_nested_table_with_words(ugly):
    assert [(b.year, b.planned, b.actual) for b in ugly.report.budget] == [
        (2022, Decimal("10000.00"), Decimal("9876.54"))
    ]


def test_ugly_page_prepared_by_across_the_table_and_a_signature_with_slashes(ugly):
    r = ugly.report
    assert (r.prepared_by.name, r.prepared_by.phone, r.prepared_by.email) == (
        "Līga Kalēja",
        "29 999 999",
        "liga@example.lv",
    )
    assert (r.signatory.name, r.signatory.position) == ("L. Kalēja", "Direktore")
    assert r.irregular_expenditure.is_none  # "nav"
    notes = english(ugly)
    assert "Row 7 (" in notes and "Row 8 (" in notes


def test_rowspan_budget_with_several_years_and_li_items():
    rows = (
        "<tr><td>Valsts pārvaldes uzdevums</td><td>A</td></tr>"
        "<tr><td>Valsts pārvaldes uzdevuma veicējs</td><td>B</td></tr>"
        "<tr><td>Apraksts un vērtējums</td><td><p>Ievads:</p><ol><li>1. Pirmais.</li><li>2. Otrais.</li></ol>"
        "<p>Valsts pārvaldes uzdevumu ietvaros tika sasniegti šādi rezultatīvie rādītāji:</p>"
        "<ul><li>Viens rādītājs.</li><li>Otrs rādītājs.</li></ul><p>Vērtējums.</p></td></tr>"
        '<tr><td rowspan="3">Plānotais un faktiski izlietotais valsts budžeta finansējums sadalījumā pa gadiem</td>'
        "<td>2021.gads</td><td>1&nbsp;000,00&nbsp;euro</td></tr>"
        "<tr><td>2022.gads</td><td>2 000,00 €</td></tr>"
        "<tr><td>2023.gads</td><td></td></tr>"
        "<tr><td>Cita informācija</td><td>Rinda<br>ar pārnesumu</td></tr>"
    )
    r = read_any(page(rows)).report
    assert [o.text for o in r.objectives] == ["Pirmais.", "Otrais."]  # the page's own numbers, none added
    assert [i.text for i in r.indicators] == ["Viens rādītājs.", "Otrs rādītājs."]  # bullets after the sentence
    assert r.assessment == "Vērtējums."
    assert [(b.year, b.actual) for b in r.budget] == [
        (2021, Decimal("1000.00")),
        (2022, Decimal("2000.00")),
        (2023, None),
    ]
    assert r.other_information == "Rinda\nar pārnesumu"


def test_a_page_without_the_summary_table_is_refused():
    with pytest.raises(ImportRefused) as refused:
        read_any(page("<tr><td>Vārds</td><td>Jānis</td></tr>", around="<h1>Kopsavilkums</h1>"))
    assert "not a summary" in str(refused.value)


def test_an_html_page_with_no_table_at_all_is_refused():
    with pytest.raises(ImportRefused):
        read_any(b"<html><body><p>Valsts p\xc4\x81rvaldes uzdevums</p></body></html>")


def test_the_same_page_as_a_browser_web_archive():
    html = (SAMPLES / "kurzemes-nvo-centrs-page.html").read_bytes()
    import quopri

    archive = (
        b"From: <Saved by Blink>\r\nSubject: Kopsavilkums\r\nMIME-Version: 1.0\r\n"
        b'Content-Type: multipart/related; type="text/html"; boundary="----B"\r\n\r\n'
        b"------B\r\nContent-Type: text/html\r\nContent-Transfer-Encoding: quoted-printable\r\n"
        b"Content-Location: https://example.lv/k\r\n\r\n" + quopri.encodestring(html) + b"\r\n------B--\r\n"
    )
    imported = read_any(archive, "kopsavilkums.mhtml")
    assert imported.source == "html"
    assert imported.report.performer == 'Biedrība "Kurzemes NVO centrs"'
    assert imported.report.budget[0].actual == Decimal("31830.96")
