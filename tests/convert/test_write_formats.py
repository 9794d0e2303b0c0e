"""Output formats chosen by the output file's ending."""

from __future__ import annotations

import pytest

from kopsavilkums import exchange
from kopsavilkums.convert.writing import FORMATS, UnknownFormat, output_format, render
from kopsavilkums.messages import UserError


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("kopsavilkums.kopsavilkums.json", "draft"),
        ("eksports.json", "draft"),
        ("Kopsavilkums 2023.PDF", "pdf"),
        ("nodošanai.docx", "docx"),
        ("lapa.html", "html"),
        ("LAPA.HTM", "html"),
        ("publicēšanai.txt", "text"),
        ("/some/folder.pdf/report.docx", "docx"),
    ],
)
def test_the_ending_picks_the_format(name, key):
    assert output_format(name).key == key


@pytest.mark.parametrize("name", ["report.odt", "report", ".docx", "report.docx.bak"])
def test_an_unknown_ending_is_refused_naming_the_known_ones(name):
    with pytest.raises(UnknownFormat) as caught:
        output_format(name)
    assert isinstance(caught.value, UserError)
    for suffix in (".kopsavilkums.json", ".pdf", ".docx", ".html", ".txt"):
        assert suffix in caught.value.localized("lv") and suffix in caught.value.localized("en")
    assert "paplašinājums" in caught.value.localized("lv")


@pytest.mark.parametrize("fmt", FORMATS, ids=lambda f: f.key)
def test_every_format_renders(complete_report, fmt):
    data = render(complete_report, fmt)
    magic = {"draft": b"{", "pdf": b"%PDF-", "docx": b"PK\x03\x04", "html": b"<!DOCTYPE html>", "text": b"Kopsavilkums"}
    assert data.startswith(magic[fmt.key])
    assert render(complete_report, fmt.key) == data  # by key too, and reproducible


def test_the_draft_format_is_the_draft_file(complete_report):
    assert exchange.to_document(exchange.loads(render(complete_report, "draft"))) == exchange.to_document(
        complete_report
    )
