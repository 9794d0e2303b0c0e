"""Our own Word file and web page are read exactly only when the draft they carry agrees with what
they show. Edited alone — the draft inside the Word file (its fingerprint kept), a ``data-value``
of the page — the file is read as it shows, never "exact", and both values are named."""

from __future__ import annotations

import io
import json
import zipfile
from decimal import Decimal
from pathlib import Path

from lxml import etree

from kopsavilkums import exchange
from kopsavilkums.convert.own.agreement import DISAGREE
from kopsavilkums.convert.reading import read_any
from kopsavilkums.convert.writing import render

EXAMPLE = (
    Path(__file__).resolve().parents[2] / "resources" / "examples" / "kurzemes-nvo-centrs-2019-2020.kopsavilkums.json"
)
SHOWN = 'Biedrība "Kurzemes NVO centrs"'


def with_draft_edited(data: bytes, edit) -> bytes:
    """Our Word file with ``edit(document)`` applied to the draft it carries, fingerprint kept."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            blob = source.read(item)
            if item.filename.startswith("customXml/item") and b"urn:kopsavilkums:draft" in blob[:400]:
                root = etree.fromstring(blob)
                document = json.loads(root.text)
                edit(document["report"])
                root.text = json.dumps(document, ensure_ascii=True)
                blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
            target.writestr(item, blob)
    return out.getvalue()


def swap(report: dict) -> None:
    report["performer"] = "SIA Citāds"
    report["budget"][0]["actual"] = "91830.96"


def test_our_word_file_whose_draft_alone_was_edited_is_read_as_it_shows():
    # The pages said Kurzemes NVO centrs and 31 830,96; the import gave another performer and
    # amount, with no note, marked exact (the window added it without the review).
    data = with_draft_edited(render(exchange.read(EXAMPLE), "docx"), swap)
    imported = read_any(data, "summary.docx")
    assert imported.report.performer == SHOWN
    assert imported.report.budget[0].actual == Decimal("31830.96")
    assert not imported.exact
    assert imported.notes[0] == DISAGREE
    said = "\n".join(note.en for note in imported.notes)
    assert 'shown “Biedrība "Kurzemes NVO centrs"”, stored “SIA Citāds”' in said
    assert "shown “31830.96”, stored “91830.96”" in said


def test_our_web_page_whose_data_values_were_swapped_is_read_as_it_shows():
    # A value shown as "Nav" (data-empty) carrying another value in data-value: read, not seen.
    page = render(exchange.read(EXAMPLE), "html").decode()
    hidden_value = 'data-empty="Nav" data-value="Neatbilstoši izlietoti 5 000 euro"'
    page = page.replace(
        'data-field="other_information" data-empty="Nav"', f'data-field="other_information" {hidden_value}'
    )
    page = page.replace(
        f'<p data-field="performer">{SHOWN.replace(chr(34), "&quot;")}',
        f'<p data-field="performer" data-empty="{SHOWN.replace(chr(34), "&quot;")}" data-value="SIA Citāds">{SHOWN.replace(chr(34), "&quot;")}',
    )
    imported = read_any(page.encode(), "summary.html")
    assert imported.report.performer == SHOWN
    assert imported.report.other_information == ""
    assert not imported.exact and imported.notes[0] == DISAGREE
    said = "\n".join(note.en for note in imported.notes)
    assert "stored “SIA Citāds”" in said and "stored “Neatbilstoši izlietoti 5 000 euro”" in said


def test_a_hidden_value_of_our_page_that_no_longer_makes_what_the_page_shows_is_not_exact():
    report = exchange.read(EXAMPLE)
    report.contract = "   "  # blank: the page does not show it, and carries it hidden
    page = render(report, "html").decode()
    edited = page.replace(
        'data-field="contract" hidden data-value="   "', 'data-field="contract" hidden data-value="Līgums Nr. 7"'
    )
    assert edited != page
    imported = read_any(edited.encode(), "summary.html")
    assert not imported.exact and imported.notes[0] == DISAGREE


def test_our_unedited_files_are_still_exact():
    report = exchange.read(EXAMPLE)
    for key in ("docx", "html"):
        imported = read_any(render(report, key), f"summary.{key}")
        assert imported.exact and imported.notes == []
