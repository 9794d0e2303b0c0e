"""Reading our PDFs back the way a user (or a ministry clerk copying text) would."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
from pypdf import PdfReader

needs_poppler = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="poppler-utils (pdftotext) is not installed"
)


def pages_text(pdf: bytes) -> list[str]:
    """Text of each page as pypdf extracts it."""
    return [page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages]


_FOOTER = re.compile(r"^\d+\. lpp\. no \d+$")


def body_text(pdf: bytes) -> str:
    """The document's text as one flow: page furniture (the footer, the draft mark) and the
    repeated label of a row continued on the next page are left out, so that a value split over
    two pages reads as one."""
    out = []
    for page in pages_text(pdf):
        lines = page.splitlines()
        cut = next((n for n, line in enumerate(lines) if _FOOTER.match(line.strip())), len(lines))
        out.append("\n".join(lines[:cut]))
    return re.sub(r"[^\n]*(…\s*)?\(turpinājums\)", "", "\n".join(out))


def squeeze(text: str) -> str:
    """Text without any white space: line wrapping may break words anywhere."""
    return re.sub(r"\s+", "", text)


def word_boxes(pdf: bytes) -> list[tuple[float, float, float, float, str]]:
    """(xMin, yMin, xMax, yMax, word) of every word, from ``pdftotext -bbox``."""
    with tempfile.TemporaryDirectory() as folder:
        source, target = Path(folder, "in.pdf"), Path(folder, "out.html")
        source.write_bytes(pdf)
        subprocess.run(["pdftotext", "-bbox", str(source), str(target)], check=True)
        html = target.read_text("utf-8")
    pattern = r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>'
    return [(float(a), float(b), float(c), float(d), w) for a, b, c, d, w in re.findall(pattern, html)]


def poppler_text(pdf: bytes) -> str:
    """The text as ``pdftotext`` reads it (poppler puts right-to-left text back in reading
    order), without its direction marks."""
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder, "in.pdf")
        source.write_bytes(pdf)
        out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(source), "-"], check=True, capture_output=True)
    return re.sub("[\u200e\u200f\u202a-\u202e]", "", out.stdout.decode("utf-8"))


def embedded_fonts(pdf: bytes) -> dict[str, tuple[bool, bool, bool]]:
    """Each font ``pdffonts`` lists, by base name without the subset tag: (embedded, subset,
    has a ToUnicode map)."""
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder, "in.pdf")
        source.write_bytes(pdf)
        out = subprocess.run(["pdffonts", str(source)], check=True, capture_output=True, text=True).stdout
    fonts = {}
    for line in out.splitlines()[2:]:
        name, *_, emb, sub, uni, _obj, _gen = line.split()
        fonts[name.split("+")[-1]] = (emb == "yes", sub == "yes" and "+" in name, uni == "yes")
    return fonts
