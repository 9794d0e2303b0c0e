"""A PDF of ours changed by an incremental update: the draft read is the one that belongs to the
pages, a later one is named and not read, and nothing changed after the PDF was made is "exact".
And the PDF reader in bounded time and memory: one budget for all it inflates, no repair of
damaged streams, no external program."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import zlib
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter
from pypdf.generic import DecodedStreamObject, NameObject

from kopsavilkums import exchange
from kopsavilkums.convert.imported import ImportRefused
from kopsavilkums.convert.readers.pdf import LATER_DRAFT, LATER_DRAFT_ONLY, PAGES_CHANGED
from kopsavilkums.convert.readers.pdf_revisions import revisions
from kopsavilkums.convert.reading import read_any
from kopsavilkums.convert.writing import render

EXAMPLE = (
    Path(__file__).resolve().parents[2]
    / "resources"
    / "examples"
    / "latgales-jauniesu-forums-2021-2023.kopsavilkums.json"
)
PERFORMER = 'Biedrība "Latgales jauniešu forums"'


@pytest.fixture(scope="module")
def ours() -> bytes:
    return render(exchange.read(EXAMPLE), "pdf")


def updated(data: bytes, change) -> bytes:
    """``data`` with an incremental update appended: ``change(writer)`` says what it writes."""
    writer = PdfWriter(PdfReader(io.BytesIO(data)), incremental=True)
    change(writer)
    out = io.BytesIO()
    writer.write(out)
    assert out.getvalue().startswith(data)  # appended: the first revision is still there
    return out.getvalue()


def stream(data: bytes, **entries: str) -> DecodedStreamObject:
    made = DecodedStreamObject()
    made.set_data(data)
    for key, value in entries.items():
        made[NameObject(f"/{key}")] = NameObject(value)
    return made


def another_draft() -> bytes:
    report = exchange.read(EXAMPLE)
    report.performer = "SIA Citāds"
    report.budget[0].actual = report.budget[0].actual + 1000
    return exchange.dumps(report).encode()


def replace_the_draft(writer: PdfWriter) -> None:
    spec = writer._root_object["/Names"]["/EmbeddedFiles"]["/Names"][1].get_object()
    reference = spec["/EF"].raw_get("/F")
    writer._replace_object(reference, stream(another_draft(), Type="/EmbeddedFile"))


def test_a_draft_replaced_by_a_later_revision_is_not_read_and_this_is_said(ours):
    # The pages still say Latgales jauniešu forums; the import said SIA Citāds, exit 0, "exact".
    edited = updated(ours, replace_the_draft)
    imported = read_any(edited, "summary.pdf")
    assert imported.report.performer == PERFORMER
    assert imported.report.budget[0].actual == exchange.read(EXAMPLE).budget[0].actual
    assert imported.notes[0] == LATER_DRAFT and not imported.exact
    said = "\n".join(note.en for note in imported.notes[1:])  # both values, for the review
    assert f"public administration task: shown “{PERFORMER}”, stored “SIA Citāds”" in said


def test_a_draft_attached_later_to_someone_elses_pdf_is_refused_saying_so():
    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    out = io.BytesIO()
    writer.write(out)
    theirs = out.getvalue()
    edited = updated(theirs, lambda w: w.add_attachment("kopsavilkums.json", another_draft()))
    with pytest.raises(ImportRefused) as refused:
        read_any(edited)
    assert refused.value.message == LATER_DRAFT_ONLY


def test_pages_changed_after_the_pdf_was_made_are_said_and_not_exact(ours):
    def cover_the_page(writer: PdfWriter) -> None:
        page = writer.pages[0]
        words = stream(b"BT /F1 14 Tf 72 700 Td (SIA Citads 99 999,00) Tj ET")
        page[NameObject("/Contents")] = writer._add_object(words)

    imported = read_any(updated(ours, cover_the_page))
    assert imported.notes == [PAGES_CHANGED] and not imported.exact


def test_an_update_that_changes_neither_pages_nor_draft_is_still_exact(ours):
    edited = updated(ours, lambda w: w.add_metadata({"/Keywords": "arhīvs"}))
    assert len(revisions(edited)) == 2
    imported = read_any(edited)
    assert imported.exact and imported.notes == []


def test_revisions_name_what_each_update_wrote(ours):
    (first,) = revisions(ours)
    assert first.end == len(ours)
    edited = updated(ours, replace_the_draft)
    earlier, later = revisions(edited)
    assert earlier.end == len(ours) and earlier.objects == first.objects
    draft_number = PdfReader(io.BytesIO(ours)).trailer["/Root"]["/Names"]["/EmbeddedFiles"]["/Names"][1]
    draft_number = draft_number.get_object()["/EF"].raw_get("/F").idnum
    assert later.objects == {draft_number}


def test_an_eof_marker_inside_a_stream_is_no_revision(ours):
    # The page text can say "startxref 9 %%EOF"; only a marker that points at cross-references counts.
    edited = updated(ours, lambda w: w._add_object(stream(b"startxref 9\n%%EOF\n")))
    assert len(revisions(edited)) == 2


# ------------------------------------------------------------------------------ bounded


def pdf(objects: dict[int, bytes], aliases: dict[int, int] | None = None) -> bytes:
    """A PDF of ``objects``; ``aliases`` point more object numbers at the place of another."""
    out = bytearray(b"%PDF-1.7\n")
    offsets = {}
    for number in sorted(objects):
        offsets[number] = len(out)
        out += f"{number} 0 obj\n".encode() + objects[number] + b"\nendobj\n"
    for number, same in (aliases or {}).items():
        offsets[number] = offsets[same]
    size = max(objects.keys() | (aliases or {}).keys()) + 1
    xref = len(out)
    out += f"xref\n0 {size}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offsets.get(n, 0):010d} 00000 n \n".encode() for n in range(1, size))
    out += f"trailer\n<< /Size {size} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def with_attachments(count: int, data: bytes, filters: str, one_stream: bool = False) -> bytes:
    """``count`` attachments named kopsavilkums.json, each its own stream of ``data`` — or, with
    ``one_stream``, each its own object number pointing at one stream."""
    objects = {1: b"<< /Type /Catalog /Names << /EmbeddedFiles 2 0 R >> >>"}
    aliases = {}
    names = []
    for i in range(count):
        spec, body = 3 + 2 * i, 4 + 2 * i
        objects[spec] = f"<< /Type /Filespec /F (kopsavilkums.json) /EF << /F {body} 0 R >> >>".encode()
        head = f"<< /Type /EmbeddedFile /Filter {filters} /Length {len(data)} >>\nstream\n".encode()
        if one_stream and i:
            aliases[body] = 4
        else:
            objects[body] = head + data + b"\nendstream"
        names.append(f"(kopsavilkums.json) {spec} 0 R")
    objects[2] = ("<< /Names [" + " ".join(names) + "] >>").encode()
    return pdf(objects, aliases)


CHILD = """
import json, resource, sys
limit = int(sys.argv[2]) * 2**20
resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
from kopsavilkums.convert.imported import ImportRefused
from kopsavilkums.convert.reading import read_path
try:
    read_path(sys.argv[1])
except ImportRefused as refusal:
    print(json.dumps({"refused": refusal.localized("en")}))
else:
    print(json.dumps({"read": True}))
"""


def refused_in_child(tmp_path: Path, data: bytes, seconds: float, megabytes: int) -> str:
    path = tmp_path / "hostile.pdf"
    path.write_bytes(data)
    try:
        done = subprocess.run(
            [sys.executable, "-c", CHILD, str(path), str(megabytes)], capture_output=True, text=True, timeout=seconds
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"reading took more than {seconds} s")
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout)["refused"]


@pytest.mark.skipif(sys.platform == "win32", reason="an address-space limit is POSIX")
def test_twenty_double_compressed_drafts_are_refused_within_one_budget(tmp_path):
    # 20 attachments, each 74 MB of JSON compressed twice (a few kB): 1.55 GB, all inflated.
    inner = zlib.compress(b'{"format": "kopsavilkums", "report": {"title": "' + b"a" * 74_000_000, 9)
    data = with_attachments(20, zlib.compress(inner, 9), "[/FlateDecode /FlateDecode]")
    assert len(data) < 200_000
    said = refused_in_child(tmp_path, data, seconds=60, megabytes=700)
    assert "inflates to more than 40 MB" in said


def test_damaged_compressed_data_is_refused_not_repaired_byte_by_byte(tmp_path):
    # pypdf repairs a damaged Flate stream one byte at a time: 5 s for each of ten object numbers
    # that point at one 4.9 MB stream.
    damaged = zlib.compress(os.urandom(3_000_000))[:1000] + b"\x00garbage" + os.urandom(4_900_000)
    said = refused_in_child(
        tmp_path, with_attachments(10, damaged, "/FlateDecode", one_stream=True), seconds=20, megabytes=1500
    )
    assert "compressed data is damaged" in said


def test_no_external_program_runs_on_a_jbig2_stream(tmp_path, monkeypatch):
    # pypdf hands a JBIG2 stream's bytes to the system's jbig2dec: here a stand-in that leaves a mark.
    import pypdf

    mark = tmp_path / "ran"
    program = tmp_path / "jbig2dec"
    program.write_text(f"#!/bin/sh\ntouch {mark}\necho 'jbig2dec 0.20'\n")
    program.chmod(0o755)
    previous = pypdf.get_configuration()
    pypdf.overwrite_configuration(jbig2dec_binary=str(program))
    try:
        with pytest.raises(ImportRefused) as refused:
            read_any(with_attachments(1, b"\x97JB2\r\n\x1a\n" + b"\x00" * 200, "/JBIG2Decode"))
    finally:
        pypdf.overwrite_configuration(previous)
    assert not mark.exists()
    assert "encoded in a way Kopsavilkums never writes" in str(refused.value)
