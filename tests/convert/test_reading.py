"""One way in: any bytes are recognised by content and give an Imported or one clear refusal;
files are read safely; hostile inputs are refused or read, never a crash, a hang or a flood."""

from __future__ import annotations

import io
import os
import sys
import threading
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kopsavilkums import exchange
from kopsavilkums.convert.detect import Kind, detect
from kopsavilkums.convert.imported import MAX_INPUT_BYTES, Imported, ImportRefused
from kopsavilkums.convert.reading import READERS, Reader, read_any, read_path

from .docx_samples import (
    BILLION_LAUGHS,
    XXE,
    clean_docx,
    deeply_nested_tables,
    lying_zip_bomb,
    with_document_xml,
    zip_bomb,
)

SAMPLES = Path(__file__).resolve().parent / "samples"
EXAMPLES = Path(__file__).resolve().parents[2] / "resources" / "examples"
SEED = SAMPLES / "kurzemes-nvo-centrs-published.txt"


def refused(data: bytes, name: str = "") -> ImportRefused:
    with pytest.raises(ImportRefused) as caught:
        read_any(data, name)
    error = caught.value
    assert error.__cause__ is None, f"a failure of ours, not a refusal: {error.__cause__!r}"
    for language in ("lv", "en"):
        line = error.localized(language)
        assert line and "\n" not in line
    return error


# ------------------------------------------------------------------------------ recognising


def test_a_draft_file_is_read_as_a_draft_whatever_it_is_called():
    data = (EXAMPLES / "latgales-jauniesu-forums-2021-2023.kopsavilkums.json").read_bytes()
    for name in ("", "summary.pdf", "x.docx"):
        imported = read_any(data, name)
        assert imported.source == "draft"
        assert imported.report.performer == 'Biedrība "Latgales jauniešu forums"'


def test_a_broken_draft_file_is_refused_with_the_draft_files_own_message():
    assert "report.title" in str(refused(b'{"format": "kopsavilkums", "version": 2, "report": {"title": 1}}'))
    assert "not a Kopsavilkums draft file" in str(refused(b'{"name": "something else"}'))


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"%PDF-1.7\n1 0 obj\n", Kind.PDF),  # a header and a PDF's structure
        (b"%PDF-1.7 kopsavilkums\n\nValsts p\xc4\x81rvaldes uzdevums\tU\n", Kind.TEXT),  # only a title says so
        (b'\xef\xbb\xbf  {"format": 1}', Kind.DRAFT),
        (b"<!DOCTYPE html><p>x</p>", Kind.HTML),
        (b"\n\n<table><tr><td>x</td></tr></table>", Kind.HTML),
        (b"Valsts p\xc4\x81rvaldes uzdevums\t<p>HTML left in text</p>", Kind.TEXT),
        (b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=x\r\n", Kind.WEB_ARCHIVE),
    ],
)
def test_detect_by_content(data, kind):
    assert detect(data) == kind


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"", "empty"),
        (b"  \n\t \r\n", "empty"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "old-format Word (.doc)"),
        (b"{\\rtf1\\ansi hello}", "RTF"),
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8, "not text"),
        (bytes(range(256)) * 64, "not text"),
        (b"PK\x03\x04 not really a zip", "damaged"),
    ],
)
def test_what_we_know_but_do_not_read_is_refused_saying_what_to_do(data, words):
    assert words in str(refused(data))


def test_an_opendocument_file_is_refused_with_a_hint():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", "<office:document-content/>")
    assert "OpenDocument" in str(refused(out.getvalue(), "summary.odt"))


def test_a_zip_that_is_no_word_file_is_refused():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("readme.txt", "hello")
    assert "not a Word document" in str(refused(out.getvalue()))


def test_an_exact_reader_can_go_first_and_pass_on_what_is_not_its_own():
    seen: list[bytes] = []

    def own_text(data: bytes) -> Imported | None:
        seen.append(data)
        return None  # not one of ours: the general reader reads it

    readers = [Reader(Kind.TEXT, own_text), *READERS]
    data = SEED.read_bytes()
    assert read_any(data, readers=readers).source == "text"
    assert seen == [data]

    def ours(data: bytes) -> Imported | None:
        return Imported(
            exchange.loads((EXAMPLES / "kurzemes-nvo-centrs-2019-2020.kopsavilkums.json").read_bytes()), "own"
        )

    assert read_any(data, readers=[Reader(Kind.TEXT, ours), *READERS]).source == "own"


def test_a_fault_of_ours_is_still_one_clear_line_with_its_cause_kept():
    def broken(data: bytes) -> Imported | None:
        raise KeyError("bug")

    with pytest.raises(ImportRefused) as caught:
        read_any(SEED.read_bytes(), readers=[Reader(Kind.TEXT, broken)])
    assert "error in the program (KeyError)" in str(caught.value)
    assert isinstance(caught.value.__cause__, KeyError)


# ------------------------------------------------------------------------------ files


def test_read_path_reads_a_file(tmp_path):
    path = tmp_path / "kopsavilkums.docx"  # the name does not matter
    path.write_bytes(SEED.read_bytes())
    assert read_path(path).report.performer == 'Biedrība "Kurzemes NVO centrs"'


def test_read_path_refuses_a_missing_file_and_a_folder(tmp_path):
    with pytest.raises(ImportRefused, match="no such file"):
        read_path(tmp_path / "nav.txt")
    with pytest.raises(ImportRefused, match="is a folder"):
        read_path(tmp_path)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_read_path_refuses_a_named_pipe_without_waiting_for_a_writer(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    result: list[BaseException | None] = []

    def attempt() -> None:
        try:
            read_path(fifo)
            result.append(None)
        except BaseException as exc:
            result.append(exc)

    thread = threading.Thread(target=attempt, daemon=True)
    thread.start()
    thread.join(10)
    if thread.is_alive():  # unblock it before failing, so the run can go on
        with open(fifo, "wb"):
            pass
        pytest.fail("read_path blocked on a named pipe")
    assert isinstance(result[0], ImportRefused) and "not a regular file" in str(result[0])


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_read_path_refuses_a_device():
    with pytest.raises(ImportRefused, match="not a regular file"):
        read_path("/dev/zero")


def test_read_path_refuses_a_file_over_the_limit_before_reading_it(tmp_path):
    path = tmp_path / "big.txt"
    with path.open("wb") as handle:
        handle.truncate(MAX_INPUT_BYTES + 1)  # sparse: nothing to read, only its size
    with pytest.raises(ImportRefused, match="larger than 20 MB"):
        read_path(path)


# ------------------------------------------------------------------------------ hostile


def test_bytes_over_the_limit_are_refused_before_parsing():
    assert "larger than 20 MB" in str(refused(b"a" * (MAX_INPUT_BYTES + 1)))


def test_a_20_mb_one_line_text_is_refused_as_no_summary():
    assert "not a summary" in str(refused(b"Valsts p\xc4\x81rvaldes uzdevums " * (MAX_INPUT_BYTES // 30)))


def test_a_20_mb_one_line_value_is_read():
    line = "Valsts pārvaldes uzdevums\t" + "vārds " * 2_500_000 + "\nValsts pārvaldes uzdevuma veicējs\tB\n"
    data = line.encode()
    assert len(data) < MAX_INPUT_BYTES
    assert read_any(data).report.performer == "B"


@pytest.mark.parametrize("data", [zip_bomb(), lying_zip_bomb()], ids=["declared", "lying"])
def test_a_zip_bomb_as_docx_is_refused(data):
    assert len(data) < 2_000_000
    refused(data, "bomb.docx")


@pytest.mark.parametrize("document", [XXE, BILLION_LAUGHS], ids=["external-entity", "billion-laughs"])
def test_a_docx_with_a_dtd_is_refused(document):
    error = refused(with_document_xml(document))
    assert "document type declaration" in str(error)
    assert "root:" not in str(error)


def test_deeply_nested_word_tables_do_not_overflow():
    with pytest.raises(ImportRefused):
        read_any(with_document_xml(deeply_nested_tables(5000)))


def test_deeply_nested_html_is_refused_and_deep_but_real_nesting_is_read():
    depth = 100_000
    html = (
        "<html><body>" + "<div>" * depth + "<table><tr><td>Valsts pārvaldes uzdevums</td><td>A</td></tr>"
        "<tr><td>Valsts pārvaldes uzdevuma veicējs</td><td>B</td></tr></table>" + "</div>" * depth + "</body></html>"
    )
    assert "nested too deeply" in str(refused(html.encode()))
    shallow = html.replace("<div>" * depth, "<div>" * 200).replace("</div>" * depth, "</div>" * 200)
    assert read_any(shallow.encode()).report.performer == "B"


def test_html_entity_declarations_are_not_expanded():
    html = (
        b'<!DOCTYPE html [<!ENTITY a "aaaaaaaaaaaaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
        b'<!ENTITY xxe SYSTEM "file:///etc/passwd">]><html><body><table>'
        b"<tr><td>Valsts p\xc4\x81rvaldes uzdevums</td><td>&b;&xxe;</td></tr>"
        b"<tr><td>Valsts p\xc4\x81rvaldes uzdevuma veic\xc4\x93js</td><td>B</td></tr></table></body></html>"
    )
    try:
        imported = read_any(html)
    except ImportRefused as error:
        assert error.__cause__ is None
    else:
        assert "aaaa" not in imported.report.task and "root:" not in imported.report.task


def test_a_pdf_that_is_not_one_and_an_empty_file():
    refused(b"%PDF-1.4\n" + os.urandom(5000))
    refused(b"")


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=4096))
def test_any_bytes_give_an_imported_or_a_deliberate_refusal(data):
    try:
        result = read_any(data)
    except ImportRefused as error:
        assert error.__cause__ is None, f"a failure of ours: {error.__cause__!r}"
    else:
        assert isinstance(result, Imported)


_LABELS = [
    "Valsts pārvaldes uzdevums",
    "Valsts pārvaldes uzdevuma veicējs",
    "Periods",
    "Apraksts un vērtējums",
    "Finansējums",
    "Neatbilstoši veiktie izdevumi",
    "Cita informācija",
]
_PIECES = st.sampled_from(
    ["\t", "\n", " ", "1. ", "2) ", "2019.gads ", "31 830,96 euro", "Nav", "<p>", "</p>", "<ol>", "&nbsp;", "—",
     "12.08.2019.", "plānotais ", "Kopā ", "Sagatavoja: ", "____", "(paraksts)", "„", "”", "€", "\u00a0", "\r"]
)  # fmt: skip


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.sampled_from(_LABELS), _PIECES, st.text(max_size=20)), max_size=60))
def test_any_text_shaped_like_a_summary_gives_an_imported_or_a_deliberate_refusal(pieces):
    data = "".join(pieces).encode("utf-8", "surrogatepass")
    try:
        result = read_any(data)
    except ImportRefused as error:
        assert error.__cause__ is None, f"a failure of ours: {error.__cause__!r}"
    else:
        assert isinstance(result, Imported)
        exchange.loads(exchange.dumps(result.report))  # and the draft is a valid draft file


@pytest.mark.skipif(sys.platform == "win32", reason="resource limits are POSIX")
def test_a_word_file_is_not_unpacked_into_memory_beyond_the_limit():
    # A real .docx carrying a 60 MB image is read (under the limit); its document is what matters.
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(clean_docx())) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            target.writestr(item.filename, source.read(item))
        target.writestr("word/media/image1.png", b"\0" * (60 << 20))
    assert read_any(out.getvalue()).report.performer == "Biedrība „Zaļā Zemgale”"


def test_damaged_word_files_pdfs_and_pages_are_read_or_refused_on_purpose():
    import random

    from .test_pdf import COMPLETE, pdf

    originals = [
        clean_docx(),
        pdf({"kopsavilkums.json": COMPLETE.read_bytes()}),
        (SAMPLES / "mantojums-ugly.html").read_bytes(),
    ]
    rng = random.Random(11)
    for _ in range(300):
        data = bytearray(rng.choice(originals))
        for _ in range(rng.randint(1, 20)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        if rng.random() < 0.2:
            data = data[: rng.randrange(len(data))]
        try:
            read_any(bytes(data))
        except ImportRefused as error:
            assert error.__cause__ is None, f"a failure of ours: {error.__cause__!r}"


def test_a_file_whose_name_says_another_kind_is_read_by_its_content_with_a_note():
    imported = read_any(SEED.read_bytes(), "kopsavilkums.docx")
    assert imported.source == "text"
    assert imported.notes[0].en == "kopsavilkums.docx: by its content this is text, and it was read as such."
    assert read_any(SEED.read_bytes(), "kopsavilkums.txt").notes == []
    assert read_any(SEED.read_bytes(), "kopsavilkums").notes == []


def test_a_word_file_whose_text_parts_unpack_to_more_than_40_mb_is_refused():
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    body = "<w:p><w:r><w:t>x</w:t></w:r></w:p>" * (41 * 2**20 // 34)
    document = f'<?xml version="1.0"?><w:document {w}><w:body>{body}</w:body></w:document>'.encode()
    assert "text parts unpack to more than 40 MB" in str(refused(with_document_xml(document)))
