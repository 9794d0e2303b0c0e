"""A PDF made by Kopsavilkums carries its draft file as an attachment; other PDFs are refused."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from pypdf import PdfWriter

from kopsavilkums import exchange
from kopsavilkums.convert.imported import ImportRefused
from kopsavilkums.convert.reading import read_any

COMPLETE = (
    Path(__file__).resolve().parents[2]
    / "resources"
    / "examples"
    / "latgales-jauniesu-forums-2021-2023.kopsavilkums.json"
)


def pdf(attachments: dict[str, bytes] | None = None, password: str | None = None) -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    for name, data in (attachments or {}).items():
        writer.add_attachment(name, data)
    if password is not None:
        writer.encrypt(user_password=password, owner_password="owner", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def same(report, path: Path) -> bool:
    return json.loads(exchange.dumps(report)) == json.loads(exchange.dumps(exchange.read(path)))


@pytest.mark.parametrize("name", ["kopsavilkums.json", "Latgale 2023.kopsavilkums.json"])
def test_the_embedded_draft_is_the_report(name):
    imported = read_any(pdf({name: COMPLETE.read_bytes()}), "summary.pdf")
    assert imported.source == "pdf"
    assert imported.notes == []
    assert same(imported.report, COMPLETE)


def test_kopsavilkums_json_is_preferred_to_another_draft_attachment():
    other = exchange.dumps(exchange.loads(COMPLETE.read_bytes()).__class__(title="Cits")).encode()
    imported = read_any(pdf({"a.kopsavilkums.json": other, "kopsavilkums.json": COMPLETE.read_bytes()}))
    assert same(imported.report, COMPLETE)


def test_a_pdf_restricted_only_by_an_owner_password_is_read():
    assert same(read_any(pdf({"kopsavilkums.json": COMPLETE.read_bytes()}, password="")).report, COMPLETE)


def refusal(data: bytes) -> ImportRefused:
    with pytest.raises(ImportRefused) as refused:
        read_any(data)
    assert refused.value.__cause__ is None  # refused on purpose, not a failure of ours
    for language in ("lv", "en"):
        assert "\n" not in refused.value.localized(language)
    return refused.value


def test_a_pdf_without_the_draft_is_refused_saying_which_inputs_work():
    refused = refusal(pdf({"notes.txt": b"hello"}))
    assert "carries no Kopsavilkums draft" in str(refused)
    assert ".docx" in str(refused) and "web page" in str(refused)
    assert "nav Kopsavilkuma melnraksta" in refused.localized("lv")


def test_a_password_protected_pdf_is_refused():
    assert "encrypted" in str(refusal(pdf({"kopsavilkums.json": COMPLETE.read_bytes()}, password="secret")))


def test_a_broken_embedded_draft_is_refused_naming_it():
    refused = refusal(pdf({"kopsavilkums.json": b'{"format": "kopsavilkums", "version": 2, "report": {"title": 5}}'}))
    assert str(refused).startswith("PDF → kopsavilkums.json: report.title")


@pytest.mark.parametrize(
    "data",
    [
        b"%PDF-1.7\n" + bytes(range(256)) * 64,
        b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj",  # cut short after its first object's number
        b"%PDF-1.4\n1 0 obj << /Type /Catalog /Names 2 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF",
    ],
)
def test_something_that_only_starts_like_a_pdf_is_refused(data):
    assert "PDF" in str(refusal(data))


def test_a_truncated_pdf_is_refused():
    refusal(pdf({"kopsavilkums.json": COMPLETE.read_bytes()})[:400])
