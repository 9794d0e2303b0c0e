"""Hostile files against the readers: each is read or refused in one clear line, in bounded time
and memory, whatever its shape. Generated here; the sizes are what makes them hostile.

The cases that once took minutes or gigabytes are read in a child process with a deadline and,
where memory was the problem, a cap on its address space: a reader that is quadratic again, or
builds a tree of gigabytes, fails the test instead of hanging the run. The deadlines are at least
ten times what the reading takes now (see ``tests/benchmarks/bench_hostile.py``), and the same
inputs took longer than the deadline before.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from kopsavilkums import exchange
from kopsavilkums.convert.imported import ImportRefused
from kopsavilkums.convert.reading import read_any
from kopsavilkums.convert.writing import render

from .docx_samples import with_document_xml, with_parts

EXAMPLE = (
    Path(__file__).resolve().parents[2]
    / "resources"
    / "examples"
    / "latgales-jauniesu-forums-2021-2023.kopsavilkums.json"
)
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
TASK = "Valsts pārvaldes uzdevums"
PERFORMER = "Valsts pārvaldes uzdevuma veicējs"
#: The two rows a summary needs at least, as HTML table rows.
TWO_ROWS = f"<tr><td>{TASK}</td><td>Uzdevums</td></tr><tr><td>{PERFORMER}</td><td>Biedrība „Ūdri”</td></tr>"

_CHILD = """
import json, resource, sys
if len(sys.argv) > 2:
    limit = int(sys.argv[2]) * 2**20
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
from kopsavilkums.convert.reading import read_path
try:
    imported = read_path(sys.argv[1])
except ImportRefused as refusal:
    print(json.dumps({"refused": refusal.localized("en")}))
else:
    print(json.dumps({"performer": imported.report.performer, "notes": [n.en for n in imported.notes]}))
"""


def read_in_child(tmp_path: Path, data: bytes, seconds: float, megabytes: int | None = None) -> dict:
    """``read_path`` of ``data`` in a fresh process that must finish within ``seconds`` (and, on
    POSIX, within ``megabytes`` of address space): what it read, or its refusal."""
    path = tmp_path / "hostile.input"
    path.write_bytes(data)
    limit = [str(megabytes)] if megabytes and sys.platform != "win32" else []
    try:
        done = subprocess.run(
            [sys.executable, "-c", _CHILD, str(path), *limit],
            capture_output=True,
            text=True,
            timeout=seconds,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"reading took more than {seconds} s")
    assert done.returncode == 0, done.stderr[-2000:]
    result = json.loads(done.stdout)
    assert "error in the program" not in result.get("refused", ""), result  # MemoryError, RecursionError …
    return result


def document(body: str) -> bytes:
    return f'<?xml version="1.0" encoding="UTF-8"?><w:document {W}><w:body>{body}</w:body></w:document>'.encode()


def word_table(*rows: tuple[str, str]) -> str:
    def cell(text: str) -> str:
        return f"<w:tc><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>"

    return "<w:tbl>" + "".join(f"<w:tr>{cell(label)}{cell(value)}</w:tr>" for label, value in rows) + "</w:tbl>"


SUMMARY_TABLE = word_table((TASK, "Uzdevums"), (PERFORMER, "Biedrība „Ūdri”"))


# ------------------------------------------------------------------------------------- Word


def test_a_paragraph_of_300_000_runs_reads_in_linear_time(tmp_path):
    # Each run's text was added to the paragraph's text so far, copying it again: 71 s for 200,000
    # runs of 100 letters, growing with the square. 36 MB of XML, under the 40 MB limit.
    run = "<w:r><w:t>" + "a" * 99 + " </w:t></w:r>"
    data = with_document_xml(document(f"<w:p>{run * 300_000}</w:p>{SUMMARY_TABLE}"))
    assert read_in_child(tmp_path, data, seconds=60)["performer"] == "Biedrība „Ūdri”"


def test_numbered_paragraphs_each_in_a_list_of_its_own_read_in_linear_time(tmp_path):
    # Each list paragraph looked its list up among all lists (100,000 paragraphs and 200,000 lists
    # ran for more than 14 minutes), then its counters among those of every list so far (60,000
    # paragraphs in as many lists: 23 s). 100,000 of each now take a few seconds.
    ns = f'<?xml version="1.0" encoding="UTF-8"?><w:numbering {W}>'
    level = '<w:lvl w:ilvl="0"><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>'
    nums = "".join(f'<w:num w:numId="{i}"><w:abstractNumId w:val="1"/></w:num>' for i in range(1, 100_001))
    numbering = f'{ns}<w:abstractNum w:abstractNumId="1">{level}</w:abstractNum>{nums}</w:numbering>'
    numbered = "".join(
        f'<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="{i}"/></w:numPr></w:pPr><w:r><w:t>x</w:t></w:r></w:p>'
        for i in range(1, 100_001)
    )
    data = with_parts(with_document_xml(document(numbered + SUMMARY_TABLE)), {"word/numbering.xml": numbering.encode()})
    assert read_in_child(tmp_path, data, seconds=60)["performer"] == "Biedrība „Ūdri”"


def test_paragraph_styles_based_on_styles_read_in_linear_time(tmp_path):
    # Each paragraph looked its style (and the styles it is based on) up among all styles.
    styles = f'<?xml version="1.0" encoding="UTF-8"?><w:styles {W}>' + "".join(
        f'<w:style w:type="paragraph" w:styleId="s{i}"><w:name w:val="s{i}"/><w:basedOn w:val="s{i + 1}"/></w:style>'
        for i in range(60_000)
    )
    styled = '<w:p><w:pPr><w:pStyle w:val="s0"/></w:pPr><w:r><w:t>1. x</w:t></w:r></w:p>'
    data = with_parts(
        with_document_xml(document(styled * 60_000 + SUMMARY_TABLE)),
        {"word/styles.xml": (styles + "</w:styles>").encode()},
    )
    assert read_in_child(tmp_path, data, seconds=60)["performer"] == "Biedrība „Ūdri”"


def test_millions_of_empty_paragraphs_are_read_in_bounded_time_and_memory(tmp_path):
    # 6 million <w:p/> (36 MB of XML, 53 kB zipped) took 154 s and 3 GB: a Python object per
    # paragraph, each parsed twice, the first tree still alive while the second was built.
    data = with_document_xml(document("<w:p/>" * 3_000_000 + SUMMARY_TABLE))
    assert read_in_child(tmp_path, data, seconds=120, megabytes=1500)["performer"] == "Biedrība „Ūdri”"


# ------------------------------------------------------------------------------------- web pages


def test_a_page_of_cells_spanning_10_000_rows_and_100_columns_is_read_in_bounded_memory(tmp_path):
    # Each cell spanning down filled in the cells under it, and the row below's span started
    # further right each time: 300 such rows took 6 s, 3,000 filled the machine's memory.
    span = f'<tr><td>{TASK}</td><td rowspan="10000" colspan="100">x</td></tr>'
    page = f"<html><body><table>{TWO_ROWS}{span * 2_000}</table></body></html>".encode()
    assert read_in_child(tmp_path, page, seconds=60, megabytes=1500)["performer"] == "Biedrība „Ūdri”"


@pytest.mark.parametrize("declared", ["punycode", "idna", "utf-7", "rot13", "x-nonsense"])
def test_a_charset_no_browser_decodes_is_ignored_and_the_page_read_as_utf8(declared):
    # punycode's decoder is quadratic (200 kB took 8 s), idna's refuses "replace" (a crash of
    # ours), UTF-7 would turn "+ADw-" into "<": a browser knows none of them.
    page = f'<html><head><meta charset="{declared}"></head><body><table>{TWO_ROWS}</table></body></html>'
    assert read_any(page.encode("utf-8")).report.performer == "Biedrība „Ūdri”"


def test_a_page_declaring_utf16_in_its_meta_is_ascii_compatible_and_read_as_utf8():
    page = f'<html><head><meta charset="utf-16"></head><body><table>{TWO_ROWS}</table></body></html>'
    assert read_any(page.encode("utf-8")).report.performer == "Biedrība „Ūdri”"


def test_a_declared_web_encoding_is_still_used():
    page = f'<html><head><meta charset="windows-1257"></head><body><table>{TWO_ROWS}</table></body></html>'
    assert read_any(page.encode("cp1257")).report.performer == "Biedrība „Ūdri”"


def test_a_web_archive_whose_page_declares_a_codec_that_is_no_charset_is_read():
    page = f"<table>{TWO_ROWS}</table>".encode()
    archive = (
        b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=b\r\n\r\n--b\r\n"
        b"Content-Type: text/html; charset=idna\r\n\r\n" + page + b"\r\n--b--\r\n"
    )
    assert read_any(archive).report.performer == "Biedrība „Ūdri”"


def test_a_page_cut_short_by_a_10_mb_stretch_of_text_is_refused_not_read_in_part():
    # libxml2 stops parsing after a text node over 10 MB; the rows after it were silently lost.
    big = ("x" * 99 + " ") * 110_000
    page = f"<html><body><table>{TWO_ROWS}<tr><td>Cita informācija</td><td>{big}</td></tr>"
    page += "<tr><td>Neatgūtie līdzekļi</td><td>5,00 euro</td></tr></table></body></html>"
    assert refusal(page.encode()) == "The web page has a single stretch of text longer than 10 MB; it is not read."


def test_a_web_archive_nested_5000_deep_is_refused_saying_so():
    body = f"Content-Type: text/html\r\n\r\n<table>{TWO_ROWS}</table>"
    for n in range(5000):
        body = f"Content-Type: multipart/related; boundary=b{n}\r\n\r\n--b{n}\r\n{body}\r\n--b{n}--\r\n"
    assert refusal(f"MIME-Version: 1.0\r\n{body}".encode()) == "The web archive is nested too deeply; it is not read."


def test_a_summary_table_of_more_than_100_000_cells_is_refused():
    # A row of 1.9 million cells (18 MB) took about 20 s and 1.5 GB to read.
    page = f"<html><body><table>{TWO_ROWS}<tr>{'<td>a</td>' * 100_000}</tr></table></body></html>"
    assert refusal(page.encode()) == (
        "The summary table has more than 100,000 cells; no summary is that large, and the page is not read."
    )
    assert read_any(page.replace("<td>a</td>", "", 10).encode()).report.performer == "Biedrība „Ūdri”"


def _our_page(values: str) -> bytes:
    return f'<html><body><table class="kopsavilkums"><tr><td>{values}</td></tr></table></body></html>'.encode()


def test_values_of_our_page_nested_in_each_other_are_read_once(tmp_path):
    # Each of 240 values nested in each other was read with all of its inside: 9.5 MB of page
    # took 2.2 GB. A value inside a value is part of that value's text.
    inner = '<p data-field="performer">Biedrība „Ūdri”</p>' + ("x" * 99 + " ") * 90_000
    page = _our_page('<div data-field="other_information">' * 240 + inner + "</div>" * 240)
    assert read_in_child(tmp_path, page, seconds=60, megabytes=900)["performer"] == ""
    imported = read_any(_our_page('<div data-field="task">A <p data-field="performer">B</p></div>'))
    assert (imported.report.task, imported.report.performer) == ("A \n\nB", "")


def test_a_value_of_our_page_with_300_000_paragraphs_reads_in_linear_time(tmp_path):
    # Each paragraph joined all the text before it again, to see whether any had come yet.
    value = '<div data-field="other_information"><span>a</span>' + "<p>x</p>" * 300_000 + "</div>"
    page = _our_page(value + '<p data-field="performer">Biedrība „Ūdri”</p>')
    assert read_in_child(tmp_path, page, seconds=60)["performer"] == "Biedrība „Ūdri”"


# ------------------------------------------------------------------------------------- text


def refusal(data: bytes) -> str:
    with pytest.raises(ImportRefused) as caught:
        read_any(data)
    assert caught.value.__cause__ is None  # refused on purpose, not a fault of ours
    return caught.value.localized("en")


def test_a_text_of_more_than_200_000_lines_is_refused_before_they_are_read():
    # 9 million two-byte lines took 40 s and 900 MB, each compared with every label.
    text = f"{TASK}\tUzdevums\n{PERFORMER}\tBiedrība\n" + "y\n" * 200_001
    assert (
        refusal(text.encode()) == "The text has more than 200,000 lines; no summary is that long, and it is not read."
    )


def test_a_long_text_in_fewer_lines_and_empty_lines_are_still_read():
    text = f"{TASK}\tUzdevums\n{PERFORMER}\tBiedrība\n" + "\n" * 1_000_000 + "Cita informācija\tx\n" + "y\n" * 50_000
    assert read_any(text.encode()).report.performer == "Biedrība"


def test_more_rows_in_a_list_than_a_draft_file_holds_are_refused_naming_the_list():
    # A page of ours with 400,000 budget years (17 MB) read, and checking it took minutes.
    years = "".join(f'<p data-field="budget[{2000 + i}].actual">1</p>' for i in range(10_001))
    page = f'<html><body><table class="kopsavilkums">{years}</table></body></html>'.encode()
    assert refusal(page) == (
        "Planned and actually used state budget funding by year: 10001 rows; a summary holds at most 10000, "
        "and the file is not read."
    )
    # Our own Word file with 10,001 objective paragraphs typed in (its draft part no longer matches).
    ours = render(exchange.read(EXAMPLE), "docx")
    with zipfile.ZipFile(io.BytesIO(ours)) as archive:
        body = archive.read("word/document.xml")
    objective = b'<w:p><w:pPr><w:pStyle w:val="KopsavilkumsUzdevums"/></w:pPr><w:r><w:t>1. x</w:t></w:r></w:p>'
    assert objective[:55] in body
    edited = with_parts(ours, {"word/document.xml": body.replace(b"<w:body>", b"<w:body>" + objective * 10_001, 1)})
    assert refusal(edited).startswith("Objectives: 10004 rows; a summary holds at most 10000")


def test_word_tables_of_more_than_100_000_cells_are_refused_by_both_readers():
    # A row of 1.5 million empty cells (100 kB zipped) took 8 s and 680 MB; in a file of ours, 6 s.
    row = "<w:tbl><w:tr>" + "<w:tc><w:p/></w:tc>" * 100_001 + "</w:tr></w:tbl>"
    said = "The Word file's tables have more than 100,000 cells; no summary is that large, and it is not read."
    assert refusal(with_document_xml(document(row + SUMMARY_TABLE))) == said
    ours = render(exchange.read(EXAMPLE), "docx")
    with zipfile.ZipFile(io.BytesIO(ours)) as archive:
        body = archive.read("word/document.xml")
    assert (
        refusal(with_parts(ours, {"word/document.xml": body.replace(b"<w:body>", b"<w:body>" + row.encode())})) == said
    )
    fewer = row.replace("<w:tc><w:p/></w:tc>", "", 10)
    assert read_any(with_document_xml(document(fewer + SUMMARY_TABLE))).report.performer == "Biedrība „Ūdri”"


# ------------------------------------------------------------------------------ Word's XML parts

XXE_LATE = (
    '<?xml version="1.0" encoding="UTF-8"?><!--' + "x" * 8000 + "--><!DOCTYPE w:document [<!ENTITY xxe SYSTEM "
    '"file:///etc/passwd">]>' + f"<w:document {W}><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p>{SUMMARY_TABLE}"
    "</w:body></w:document>"
).encode()
LAUGHS_LATE = XXE_LATE.replace(
    b'<!ENTITY xxe SYSTEM "file:///etc/passwd">',
    b'<!ENTITY a "aaaaaaaaaa"><!ENTITY xxe "' + b"&a;" * 10 + b'">',
)
DTD = "The Word file contains a document type declaration (DTD), which Word never writes; it is not read."
ENCODING = "The Word file has a part in an encoding Word never writes (neither UTF-8 nor UTF-16); it is not read."


@pytest.mark.parametrize("part", [XXE_LATE, LAUGHS_LATE], ids=["external-entity", "entities"])
def test_a_dtd_after_8_kb_of_comment_is_found(part):
    # Only the first 4 kB of each part were looked at; libxml2's own limits were all that stood
    # between a billion laughs and the memory, and a message about "amplification" all it said.
    assert refusal(with_document_xml(part)) == DTD


def _main_document_as(base: bytes, name: str, part: bytes) -> bytes:
    """``base`` with its main document moved to ``word/<name>``: python-docx follows the
    relationship and the content type, whatever the part is called."""
    with zipfile.ZipFile(io.BytesIO(base)) as archive:
        types = archive.read("[Content_Types].xml")
        rels = archive.read("_rels/.rels")
    main = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
    types = types.replace(
        b"</Types>", b'<Override PartName="/word/' + name.encode() + b'" ContentType="' + main + b'"/></Types>'
    )
    return with_parts(
        base,
        {
            "[Content_Types].xml": types,
            "_rels/.rels": rels.replace(b'Target="word/document.xml"', b'Target="word/' + name.encode() + b'"'),
            f"word/{name}": part,
        },
    )


def test_an_xml_part_not_named_xml_is_checked_as_xml():
    base = with_document_xml(document(SUMMARY_TABLE))
    moved = _main_document_as(base, "main.dat", document(SUMMARY_TABLE))
    assert read_any(moved).report.performer == "Biedrība „Ūdri”"  # python-docx reads it as the document
    assert refusal(_main_document_as(base, "main.dat", XXE_LATE)) == DTD
    big = document("<w:p/>" * (41 * 2**20 // 6) + SUMMARY_TABLE)
    assert "text parts unpack to more than 40 MB" in refusal(_main_document_as(base, "main.dat", big))


@pytest.mark.parametrize("encoding", ["utf-7", "utf-32-be", "utf-32-le", "cp500"])
def test_an_xml_part_in_an_encoding_word_never_writes_is_refused(encoding):
    # UTF-7 would spell the declaration "+ADw-!DOCTYPE", UTF-32 and EBCDIC in bytes no look for
    # "<!DOCTYPE" finds; libxml2 reads all three.
    text = XXE_LATE.decode().replace('encoding="UTF-8"', f'encoding="{encoding}"')
    data = text.encode(encoding, "xmlcharrefreplace")
    assert refusal(with_document_xml(data)) == ENCODING


def test_an_embedded_draft_part_larger_than_a_draft_file_is_not_parsed(tmp_path):
    # 64 kB of zip holding 39 MB of "{}," as our draft part took 1 GB to parse into objects.
    ours = render(exchange.read(EXAMPLE), "docx")
    with zipfile.ZipFile(io.BytesIO(ours)) as archive:
        name, part = next(
            (n, archive.read(n)) for n in archive.namelist() if b"urn:kopsavilkums:draft" in archive.read(n)[:400]
        )
    head = part[: part.index(b">", part.index(b"fingerprint=")) + 1]
    huge = head + b"[" + b"{}," * 13_000_000 + b"{}]</kopsavilkums>"
    result = read_in_child(tmp_path, with_parts(ours, {name: huge}), seconds=60, megabytes=700)
    assert result["performer"] == exchange.read(EXAMPLE).performer


def test_a_byte_order_mark_at_the_start_of_a_line_does_not_hide_its_label():
    # Two copies joined into one file: the second one's byte-order mark starts a line.
    text = f"\ufeffKopsavilkums\n\ufeff{TASK}\tUzdevums\r\n\ufeff{PERFORMER}\tBiedrība\rCita informācija\tZ\n"
    report = read_any(text.encode()).report
    assert (report.task, report.performer, report.other_information) == ("Uzdevums", "Biedrība", "Z")
