"""The PDF carries its draft file, so that opening the PDF in Kopsavilkums gives the draft again."""

import io
import shutil
import subprocess

import pytest
from pypdf import PdfReader

from kopsavilkums import exchange
from kopsavilkums.printing import render_pdf


def _attached(pdf: bytes) -> bytes:
    return PdfReader(io.BytesIO(pdf)).attachments["kopsavilkums.json"][0]


def test_every_pdf_carries_its_draft_file_which_reads_back_to_the_same_report(complete_report):
    complete_report.title = 'Kopsavilkums ar <b>&amp;</b> "pēdiņām" un 😀'
    again = exchange.loads(_attached(render_pdf(complete_report)))
    assert exchange.to_document(again) == exchange.to_document(complete_report)


def test_the_same_report_still_gives_the_same_bytes(complete_report):
    assert render_pdf(complete_report) == render_pdf(complete_report.copy())


@pytest.mark.skipif(
    shutil.which("pdfdetach") is None, reason="pdfdetach is not installed (Debian package poppler-utils)"
)
def test_pdf_viewers_list_it_as_an_attachment(seed_report, tmp_path):
    path = tmp_path / "kopsavilkums.pdf"
    path.write_bytes(render_pdf(seed_report))
    listing = subprocess.run(["pdfdetach", "-list", str(path)], capture_output=True, text=True, check=True).stdout
    assert "1: kopsavilkums.json" in listing
