"""Making a PDF loads neither Pillow's image code nor ReportLab's link pattern (start-up time of
``kopsavilkums pdf``; the benchmarks measure it), and both still work when used."""

from __future__ import annotations

import subprocess
import sys

_PRINT = """
import sys
from kopsavilkums import exchange
from kopsavilkums.printing import render_pdf
pdf = render_pdf(exchange.read(sys.argv[1]))
assert pdf.startswith(b"%PDF")
import reportlab.platypus.paragraph as paragraph
print("PIL.ImageMode" in sys.modules, type(paragraph.uri_pat).__name__)
print(paragraph._uri_split_pairs("https://example.lv/a")[-1])
import io
from PIL import Image
from reportlab.lib.utils import ImageReader
png = io.BytesIO()
Image.new("RGB", (3, 2)).save(png, "PNG")
png.seek(0)
print(ImageReader(png).getSize())
"""


def test_printing_loads_neither_pillow_nor_the_link_pattern_until_used():
    from conftest import SEED

    out = subprocess.run([sys.executable, "-c", _PRINT, str(SEED)], capture_output=True, text=True, check=True)
    loaded, scheme, size = out.stdout.splitlines()
    assert loaded == "False _CompiledOnFirstUse"
    assert scheme == "('https://', 'example.lv/a')"  # the pattern still matches, compiled on first use
    assert size == "(3, 2)"  # and Pillow loads when an image is read
