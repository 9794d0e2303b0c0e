"""Hidden content never enters a field silently, and the Word and web-archive readers stay
bounded on the shapes of the second hostile round. Files are built here."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from kopsavilkums.convert.imported import ImportRefused
from kopsavilkums.convert.reading import read_any

from .docx_samples import with_document_xml

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
MC = 'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
TASK = "Valsts pārvaldes uzdevums"
PERFORMER = "Valsts pārvaldes uzdevuma veicējs"


def document(body: str) -> bytes:
    return f'<?xml version="1.0" encoding="UTF-8"?><w:document {W} {MC}><w:body>{body}</w:body></w:document>'.encode()


def run(text: str, properties: str = "") -> str:
    return f'<w:r>{f"<w:rPr>{properties}</w:rPr>" if properties else ""}<w:t xml:space="preserve">{text}</w:t></w:r>'


def table(task: str, performer: str) -> str:
    def cell(content: str) -> str:
        return f"<w:tc><w:p>{content}</w:p></w:tc>"

    rows = [(run(TASK), task), (run(PERFORMER), performer)]
    return "<w:tbl>" + "".join(f"<w:tr>{cell(label)}{cell(value)}</w:tr>" for label, value in rows) + "</w:tbl>"


def hidden_notes(imported) -> list[str]:
    return [note.en for note in imported.notes if "hidden text was left out" in note.en]


# ------------------------------------------------------------------------------- hidden: Word


@pytest.mark.parametrize(
    "hidden",
    [
        run(" SIA Slēptais", "<w:vanish/>"),  # hidden text: Word neither shows nor prints it
        f'<w:del w:id="1" w:author="x">{run(" SIA Slēptais")}</w:del>',  # a deleted revision
        f'<mc:AlternateContent><mc:Choice Requires="w14">{run("")}</mc:Choice>'
        f"<mc:Fallback>{run(' SIA Slēptais')}</mc:Fallback></mc:AlternateContent>",  # the old-Word copy
    ],
    ids=["vanish", "deleted", "fallback"],
)
def test_word_text_nobody_sees_stays_out_of_the_fields(hidden):
    data = with_document_xml(document(table(run("Uzdevums"), run("Biedrība „Ūdri”") + hidden)))
    imported = read_any(data, "summary.docx")
    assert imported.report.performer == "Biedrība „Ūdri”"
    if "Fallback" not in hidden:  # a fallback copies what the choice shows: nothing is lost
        assert hidden_notes(imported)


def test_a_run_whose_hiding_is_switched_off_is_read():
    data = with_document_xml(document(table(run("Uzdevums"), run("Biedrība", '<w:vanish w:val="0"/>'))))
    imported = read_any(data, "summary.docx")
    assert imported.report.performer == "Biedrība" and not hidden_notes(imported)


# ------------------------------------------------------------------------------- hidden: HTML


@pytest.mark.parametrize(
    "hidden",
    [
        '<span style="display: none">SIA Slēptais</span>',
        '<span style="visibility:hidden">SIA Slēptais</span>',
        "<span hidden>SIA Slēptais</span>",
        '<span style="font-size:0">SIA Slēptais</span>',
        '<span style="position:absolute; left:-9999px">SIA Slēptais</span>',
    ],
)
def test_page_text_nobody_sees_stays_out_of_the_fields_and_is_named(hidden):
    page = (
        f"<html><body><table><tr><td>{TASK}</td><td>Uzdevums</td></tr>"
        f"<tr><td>{PERFORMER}</td><td>Biedrība „Ūdri”{hidden}</td></tr></table></body></html>"
    )
    imported = read_any(page.encode(), "summary.html")
    assert imported.report.performer == "Biedrība „Ūdri”"
    assert hidden_notes(imported)


# ------------------------------------------------------------------------------ bounded


CHILD = """
import json, sys
from kopsavilkums.convert.imported import ImportRefused
from kopsavilkums.convert.reading import read_path
try:
    imported = read_path(sys.argv[1])
except ImportRefused as refusal:
    print(json.dumps({"refused": refusal.localized("en")}))
else:
    print(json.dumps({"performer": imported.report.performer}))
"""


def read_in_child(tmp_path: Path, data: bytes, seconds: float) -> dict:
    path = tmp_path / "hostile.input"
    path.write_bytes(data)
    try:
        done = subprocess.run([sys.executable, "-c", CHILD, str(path)], capture_output=True, text=True, timeout=seconds)
    except subprocess.TimeoutExpired:
        pytest.fail(f"reading took more than {seconds} s")
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout)


def test_a_paragraph_of_runs_inside_250_nested_insertions_reads_in_linear_time(tmp_path):
    # Each run looked up its 250 ancestors (twice): 1.5 million runs took 1-3 minutes; now 10-15 s.
    runs = '<w:ins w:id="1" w:author="x">' * 250 + "<w:r><w:t>a</w:t></w:r>" * 1_500_000 + "</w:ins>" * 250
    data = with_document_xml(document(f"<w:p>{runs}</w:p>" + table(run("Uzdevums"), run("Biedrība „Ūdri”"))))
    assert len(data) < 200_000
    assert read_in_child(tmp_path, data, seconds=60)["performer"] == "Biedrība „Ūdri”"


def test_a_web_archive_header_of_400_000_parameters_is_refused_at_once():
    # The standard library splits parameters in quadratic time: 5 MB of them took 50-81 s.
    parameters = "".join(f';p{i}="v"' for i in range(400_000))
    page = f"<html><body><table><tr><td>{TASK}</td><td>U</td></tr><tr><td>{PERFORMER}</td><td>B</td></tr></table>"
    data = (
        'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="b"\r\n\r\n--b\r\n'
        f"Content-Type: text/html{parameters}; charset=utf-8\r\n\r\n{page}</body></html>\r\n--b--\r\n"
    ).encode()
    with pytest.raises(ImportRefused) as refused:
        read_any(data, "page.mht")
    assert "header of the web archive is too long" in str(refused.value)


def test_a_web_archive_with_ordinary_headers_is_still_read():
    page = f"<html><body><table><tr><td>{TASK}</td><td>U</td></tr><tr><td>{PERFORMER}</td><td>B</td></tr></table>"
    data = (
        'MIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\tboundary="b"; type="text/html"\r\n\r\n--b\r\n'
        f"Content-Type: text/html; charset=utf-8\r\n\r\n{page}</body></html>\r\n--b--\r\n"
    ).encode()
    assert read_any(data, "page.mht").report.performer == "B"


# ------------------------------------------------------------------------- what a reading makes


def test_a_reading_too_large_to_save_and_read_back_is_cut_to_the_forms_lengths_and_said():
    # 15 MB of empty list items read as a 30 MB draft, which its own exports then refused as
    # larger than 20 MB, and which added 30 MB to the store and each of its backups.
    from kopsavilkums import exchange
    from kopsavilkums.convert.readers.fitting import LARGEST
    from kopsavilkums.fields import field

    limit = field("other_information").limit
    rows = "".join(f"<tr><td>Cita informācija</td><td>{'ā' * (limit + 10)}</td></tr>" for _ in range(3))
    page = (
        f"<html><body><table><tr><td>{TASK}</td><td>U</td></tr><tr><td>{PERFORMER}</td><td>B</td></tr>"
        f"{rows}</table></body></html>"
    )  # three rows 8: their text kept together, 3 million letters (6 MB)
    imported = read_any(page.encode(), "summary.html")
    assert len(imported.report.other_information) == limit and imported.report.other_information.endswith("…")
    assert any("cut to the form's lengths: Other information." in n.en for n in imported.notes)
    assert len(exchange.dumps(imported.report).encode()) <= LARGEST


def test_an_empty_list_item_adds_no_bullet_but_keeps_its_number():
    # 3.7 million empty <li> (14 MB) were as many "•" paragraphs: 44 s and 1.5 GB to read.
    from lxml import html

    from kopsavilkums.convert.readers.web_page import paragraphs

    page = html.fromstring("<div><ol><li>a</li><li></li><li>c</li></ol><ul><li> </li><li>x</li></ul></div>")
    assert paragraphs(page) == ["1. a", "3. c", "• x"]
