"""Benchmark: the worst inputs of at most 20 MB we know, read end to end, against the bare
parser of their format on the same bytes, each in a fresh process (seconds and peak memory).

    python tests/benchmarks/bench_hostile.py [--only WORD] [--repeat 1]

What ``kopsavilkums validate FILE`` does with each is what a user waits for: ``read_path`` in a
process of its own, its wall time and its peak resident memory. The baseline is what
no reader of that format can do without — python-docx opening the Word file, lxml parsing the
page, decoding and splitting the text, pypdf opening the PDF and listing its attachments — on
the same file, in the same kind of process, in the same run. Prints a Markdown table.

Every shape here once took minutes or gigabytes (see the README, *Hostile files*); the table
shows what they cost now.
"""

from __future__ import annotations

import argparse
import io
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "resources" / "examples" / "latgales-jauniesu-forums-2021-2023.kopsavilkums.json"
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
TASK = "Valsts pārvaldes uzdevums"
PERFORMER = "Valsts pārvaldes uzdevuma veicējs"
ROWS = f"<tr><td>{TASK}</td><td>Uzdevums</td></tr><tr><td>{PERFORMER}</td><td>Biedrība</td></tr>"
WORD_ROWS = "".join(
    f"<w:tr><w:tc><w:p><w:r><w:t>{label}</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>x</w:t></w:r></w:p></w:tc></w:tr>"
    for label in (TASK, PERFORMER)
)

OURS = """
import sys
from kopsavilkums.convert.imported import ImportRefused
from kopsavilkums.convert.reading import read_path
try:
    read_path(sys.argv[1])
except ImportRefused as refusal:
    print(refusal.localized("en")[:100])
else:
    print("read")
"""
BASELINE = {
    "docx": "import docx, sys; docx.Document(sys.argv[1])",
    "html": "import sys; from lxml import html; html.document_fromstring(open(sys.argv[1], 'rb').read())",
    "text": "import sys; open(sys.argv[1], 'rb').read().decode('utf-8', 'replace').split('\\n')",
    "pdf": "import sys; from pypdf import PdfReader; list(PdfReader(sys.argv[1], strict=False).attachments)",
    "mhtml": "import email, sys; email.message_from_bytes(open(sys.argv[1], 'rb').read())",
}


# ------------------------------------------------------------------------------------ the inputs


def _word(body: str, parts: dict[str, bytes] | None = None) -> bytes:
    """A Word file (python-docx's template) whose document is ``body``, with ``parts`` added."""
    import docx

    template = io.BytesIO()
    docx.Document().save(template)
    document = f'<?xml version="1.0" encoding="UTF-8"?><w:document {W}><w:body>{body}</w:body></w:document>'
    out = io.BytesIO()
    replaced = {"word/document.xml": document.encode(), **(parts or {})}
    with zipfile.ZipFile(template) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            if item.filename not in replaced:
                target.writestr(item.filename, source.read(item))
        for name, data in replaced.items():
            target.writestr(name, data)
    return out.getvalue()


def _numbered_lists() -> bytes:
    level = '<w:lvl w:ilvl="0"><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>'
    nums = "".join(f'<w:num w:numId="{i}"><w:abstractNumId w:val="1"/></w:num>' for i in range(1, 150_001))
    numbering = f'<?xml version="1.0"?><w:numbering {W}><w:abstractNum w:abstractNumId="1">{level}</w:abstractNum>'
    paragraphs = "".join(
        f'<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="{i}"/></w:numPr></w:pPr><w:r><w:t>x</w:t></w:r></w:p>'
        for i in range(1, 150_001)
    )
    return _word(
        f"{paragraphs}<w:tbl>{WORD_ROWS}</w:tbl>", {"word/numbering.xml": f"{numbering}{nums}</w:numbering>".encode()}
    )


def _our_word_file_with_empty_objectives() -> bytes:
    from kopsavilkums import exchange
    from kopsavilkums.convert.writing import render

    ours = render(exchange.read(EXAMPLE), "docx")
    objective = b'<w:p><w:pPr><w:pStyle w:val="KopsavilkumsUzdevums"/></w:pPr></w:p>' * 600_000
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(ours)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "word/document.xml":
                data = data.replace(b"<w:body>", b"<w:body>" + objective, 1)
            target.writestr(item.filename, data)
    return out.getvalue()


def _pdf(objects: dict[int, bytes], aliases: dict[int, int] | None = None) -> bytes:
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
    out += b"".join(f"{offsets[n]:010d} 00000 n \n".encode() for n in range(1, size))
    out += f"trailer\n<< /Size {size} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def _pdf_bomb() -> bytes:
    data = zlib.compress(b'{"format": "kopsavilkums", "report": {"title": "' + b"a" * 300_000_000, 9)
    stream = f"<< /Type /EmbeddedFile /Filter /FlateDecode /Length {len(data)} >>\nstream\n".encode()
    return _pdf(
        {
            1: b"<< /Type /Catalog /Names << /EmbeddedFiles 2 0 R >> >>",
            2: b"<< /Names [(kopsavilkums.json) 3 0 R] >>",
            3: b"<< /Type /Filespec /F (kopsavilkums.json) /EF << /F 4 0 R >> >>",
            4: stream + data + b"\nendstream",
        }
    )


def _pdf_attachments(count: int = 60_000) -> bytes:
    objects = {
        1: b"<< /Type /Catalog /Names << /EmbeddedFiles 2 0 R >> >>",
        3: b"<< /Length 1 >>\nstream\nx\nendstream",
    }
    kids = []
    for first in range(0, count, 1000):
        names = []
        for n in range(first, first + 1000):
            objects[4 + n] = f"<< /Type /Filespec /F (a{n}.txt) /EF << /F 3 0 R >> >>".encode()
            names.append(f"(a{n:06d}.txt) {4 + n} 0 R")
        objects[4 + count + first // 1000] = ("<< /Names [" + " ".join(names) + "] >>").encode()
        kids.append(f"{4 + count + first // 1000} 0 R")
    objects[2] = ("<< /Kids [" + " ".join(kids) + "] >>").encode()
    return _pdf(objects)


def _pdf_attachments_of(count: int, data: bytes, filters: str, one_stream: bool = False) -> bytes:
    """``count`` attachments named kopsavilkums.json, each its own stream of ``data`` (or, with
    ``one_stream``, each its own object number pointing at the first one's place)."""
    objects = {1: b"<< /Type /Catalog /Names << /EmbeddedFiles 2 0 R >> >>"}
    names, aliases = [], {}
    for i in range(count):
        spec, body = 3 + 2 * i, 4 + 2 * i
        objects[spec] = f"<< /Type /Filespec /F (kopsavilkums.json) /EF << /F {body} 0 R >> >>".encode()
        if one_stream and i:
            aliases[body] = 4
        else:
            head = f"<< /Type /EmbeddedFile /Filter {filters} /Length {len(data)} >>\nstream\n".encode()
            objects[body] = head + data + b"\nendstream"
        names.append(f"(kopsavilkums.json) {spec} 0 R")
    objects[2] = ("<< /Names [" + " ".join(names) + "] >>").encode()
    return _pdf(objects, aliases)


def _pdf_double_compressed_drafts() -> bytes:
    inner = zlib.compress(b'{"format": "kopsavilkums", "report": {"title": "' + b"a" * 74_000_000, 9)
    return _pdf_attachments_of(20, zlib.compress(inner, 9), "[/FlateDecode /FlateDecode]")


def _pdf_damaged_stream() -> bytes:
    import random

    noise = random.Random(1).randbytes
    damaged = zlib.compress(noise(3_000_000))[:1000] + b"\x00garbage" + noise(4_900_000)
    return _pdf_attachments_of(10, damaged, "/FlateDecode", one_stream=True)


def _web_archive_parameters() -> bytes:
    parameters = "".join(f';p{i}="v"' for i in range(400_000))
    page = f"<html><body><table>{ROWS}</table></body></html>"
    return (
        'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="b"\r\n\r\n--b\r\n'
        f"Content-Type: text/html{parameters}; charset=utf-8\r\n\r\n{page}\r\n--b--\r\n"
    ).encode()


SHAPES: dict[str, tuple[str, Callable[[], bytes]]] = {
    "Word: 6,000,000 empty paragraphs": ("docx", lambda: _word("<w:p/>" * 6_000_000 + f"<w:tbl>{WORD_ROWS}</w:tbl>")),
    "Word: 1,000,000 paragraphs of one letter": (
        "docx",
        lambda: _word("<w:p><w:r><w:t>a</w:t></w:r></w:p>" * 1_000_000 + f"<w:tbl>{WORD_ROWS}</w:tbl>"),
    ),
    "Word: one paragraph of 1,500,000 one-letter runs": (
        "docx",
        lambda: _word("<w:p>" + "<w:r><w:t>a</w:t></w:r>" * 1_500_000 + f"</w:p><w:tbl>{WORD_ROWS}</w:tbl>"),
    ),
    "Word: one paragraph of 300,000 runs of 100 letters": (
        "docx",
        lambda: _word(
            "<w:p>" + ("<w:r><w:t>" + "a" * 99 + " </w:t></w:r>") * 300_000 + f"</w:p><w:tbl>{WORD_ROWS}</w:tbl>"
        ),
    ),
    "Word: a table of 1,000,000 empty rows": (
        "docx",
        lambda: _word("<w:tbl>" + "<w:tr><w:tc><w:p/></w:tc></w:tr>" * 1_000_000 + f"{WORD_ROWS}</w:tbl>"),
    ),
    "Word: a row of 1,500,000 cells": (
        "docx",
        lambda: _word("<w:tbl><w:tr>" + "<w:tc><w:p/></w:tc>" * 1_500_000 + f"</w:tr>{WORD_ROWS}</w:tbl>"),
    ),
    "Word: 150,000 list paragraphs, each in a list of its own": ("docx", _numbered_lists),
    "Word, labels as paragraphs: one paragraph of 1,200,000 empty bold runs": (
        "docx",
        lambda: _word(
            f"<w:p><w:r><w:t>{TASK}</w:t></w:r></w:p><w:p><w:r><w:t>{PERFORMER}</w:t></w:r></w:p>"
            + "<w:p>"
            + "<w:r><w:rPr><w:b/></w:rPr></w:r>" * 1_200_000
            + "</w:p>"
        ),
    ),
    "Word, no summary: 600,000 paragraphs of one bold letter (refused)": (
        "docx",
        lambda: _word("<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>a</w:t></w:r></w:p>" * 600_000),
    ),
    "Word (ours, edited): 600,000 empty objective paragraphs": ("docx", _our_word_file_with_empty_objectives),
    "page: 1,900,000 cells": (
        "html",
        lambda: ("<html><body><table><tr>" + "<td>a</td>" * 1_900_000 + f"</tr>{ROWS}</table></body></html>").encode(),
    ),
    "page: 250,000 label rows": (
        "html",
        lambda: (
            f"<html><body><table>{f'<tr><td>{TASK}</td><td>x</td></tr>' * 250_000}{ROWS}</table></body></html>"
        ).encode(),
    ),
    "page: 200,000 cells spanning 10,000 rows and 100 columns": (
        "html",
        lambda: (
            f"<html><body><table>{ROWS}"
            + f'<tr><td>{TASK}</td><td rowspan="10000" colspan="100">x</td></tr>' * 200_000
            + "</table></body></html>"
        ).encode(),
    ),
    "page: 80 nested tables around 2,000,000 elements": (
        "html",
        lambda: (
            "<html><body>"
            + "<table><tr><td>" * 80
            + "<br>" * 2_000_000
            + "</td></tr></table>" * 80
            + f"<table>{ROWS}</table></body></html>"
        ).encode(),
    ),
    "page, labels as headings: a paragraph of 2,000,000 bold words": (
        "html",
        lambda: (
            f"<html><body><h3>{TASK}</h3><p>x</p><h3>{PERFORMER}</h3><p>y"
            + "<b>a</b>" * 2_000_000
            + "</p></body></html>"
        ).encode(),
    ),
    "page, no summary: 80 nested tables around 2,000,000 elements (refused)": (
        "html",
        lambda: (
            "<html><body>"
            + "<table><tr><td><h3>x</h3>" * 80
            + "<br>" * 2_000_000
            + "</td></tr></table>" * 80
            + "</body></html>"
        ).encode(),
    ),
    "page (ours): 240 values nested in each other around 9 MB": (
        "html",
        lambda: (
            '<html><body><table class="kopsavilkums"><tr><td>'
            + '<div data-field="other_information">' * 240
            + ("<b>" + "x" * 99 + " </b>") * 90_000
            + "</div>" * 240
            + "</td></tr></table></body></html>"
        ).encode(),
    ),
    "text: one line of 19.9 MB": ("text", lambda: b"a" * 19_900_000),
    "text: 200,000 lines (the most read)": (
        "text",
        lambda: (f"{TASK}\tx\n{PERFORMER}\ty\n" + "<p>x</p>\n" * 199_998).encode(),
    ),
    "text: 9,000,000 lines (refused)": ("text", lambda: (f"{TASK}\tx\n" + "y\n" * 9_000_000).encode()),
    "text: a value of 2,400,000 <p>x</p>": (
        "text",
        lambda: (f"{TASK}\t" + "<p>x</p>" * 2_400_000 + f"\n{PERFORMER}\ty\n").encode(),
    ),
    "PDF: its draft inflating to 300 MB": ("pdf", _pdf_bomb),
    "PDF: 60,000 attachments": ("pdf", _pdf_attachments),
    "PDF: 20 drafts, each 74 MB compressed twice": ("pdf", _pdf_double_compressed_drafts),
    "PDF: ten object numbers at one damaged 4.9 MB stream": ("pdf", _pdf_damaged_stream),
    "Word: 1,500,000 runs inside 250 nested insertions": (
        "docx",
        lambda: _word(
            "<w:p>"
            + '<w:ins w:id="1" w:author="x">' * 250
            + "<w:r><w:t>a</w:t></w:r>" * 1_500_000
            + "</w:ins>" * 250
            + f"</w:p><w:tbl>{WORD_ROWS}</w:tbl>"
        ),
    ),
    "web archive: 400,000 Content-Type parameters": ("mhtml", _web_archive_parameters),
    "page: 3,700,000 empty list items": (
        "html",
        lambda: (
            f"<html><body><table>{ROWS}<tr><td>Cita informācija</td><td><ul>"
            + "<li>" * 3_700_000
            + "</ul></td></tr></table></body></html>"
        ).encode(),
    ),
}


# ------------------------------------------------------------------------------------ measuring


PEAK = """
import resource, sys
try:  # the high-water mark of this program's memory, not of the process it was forked from
    peak = next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM:"))
except OSError:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // (1024 if sys.platform == "darwin" else 1)
print("peak-kB", peak)
"""


def measure(code: str, path: Path) -> tuple[float, float, str]:
    """Seconds, peak resident MB and the last line of a fresh process running ``code`` on ``path``.

    The peak is the process's own (``VmHWM``): ``wait4``'s ``ru_maxrss`` keeps the high-water
    mark of the benchmark it was forked from, across the exec."""
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", code + PEAK, str(path)], capture_output=True, text=True)
    seconds = time.perf_counter() - start
    lines = done.stdout.strip().splitlines()
    assert lines and lines[-1].startswith("peak-kB "), done.stderr[-2000:]
    said = lines[-2] if len(lines) > 1 else ""
    return seconds, int(lines[-1].split()[1]) / 1024, said


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", default="", help="only the shapes whose name contains this")
    parser.add_argument("--repeat", type=int, default=1, help="runs of each (the median is shown)")
    args = parser.parse_args()
    print("| input | size | ours | peak | bare parser | peak | what ours said |")
    print("|---|---:|---:|---:|---:|---:|---|")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "hostile"
        for name, (kind, make) in SHAPES.items():
            if args.only.lower() not in name.lower():
                continue
            data = make()
            assert len(data) <= 20 * 2**20, (name, len(data))
            path.write_bytes(data)
            ours, base = [], []
            for _ in range(args.repeat):  # alternately, so that a busy moment hits both
                ours.append(measure(OURS, path))
                base.append(measure(BASELINE[kind], path))
            said = ours[-1][2]
            print(
                f"| {name} | {len(data) / 2**20:.2f} MB "
                f"| {statistics.median(o[0] for o in ours):.1f} s | {max(o[1] for o in ours):.0f} MB "
                f"| {statistics.median(b[0] for b in base):.1f} s | {max(b[1] for b in base):.0f} MB | {said[:60]} |",
                flush=True,
            )


if __name__ == "__main__":
    main()
