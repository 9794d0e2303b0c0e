"""kopsavilkums.glyphs: what the print fonts draw, known without ReportLab, matching the fonts."""

import subprocess
import sys
from pathlib import Path

import pytest

from kopsavilkums import glyphs

FONTS = Path(__file__).resolve().parents[2] / "resources" / "fonts"


def _expand(spans) -> set[int]:
    return {code for a, b in spans for code in range(a, b + 1)}


@pytest.mark.parametrize("font", sorted(p.name for p in FONTS.glob("*.ttf")))
def test_the_coverage_table_matches_the_shipped_font_exactly(font):
    from reportlab.pdfbase.ttfonts import TTFontFile

    cmap = TTFontFile(str(FONTS / font)).charToGlyph
    assert _expand(glyphs.face_ranges(font)) == {code for code, glyph in cmap.items() if glyph}, (
        "resources/fonts/coverage.json is stale: run python packaging/make_font_coverage.py"
    )


def test_every_face_of_the_chains_is_shipped_with_a_licence():
    shipped = {p.name for p in FONTS.glob("*.ttf")}
    assert set(glyphs.REGULAR_FACES) | set(glyphs.BOLD_FACES) == shipped
    assert {p.name for p in FONTS.glob("LICENSE-*.txt")} == {
        "LICENSE-LiberationFonts.txt",
        "LICENSE-DejaVuFonts.txt",
        "LICENSE-DroidSansFallback.txt",
        "LICENSE-NanumFonts.txt",
    }


def test_what_regular_text_prints_bold_text_prints_too():
    bold = set().union(*(_expand(glyphs.face_ranges(f)) for f in glyphs.BOLD_FACES))
    assert _expand(glyphs.printable_ranges()) <= bold


@pytest.mark.parametrize(
    ("text", "missing"),
    [
        ("Jānis Bērziņš, Ахмед, محمد, דוד, 王芳, Αλέξανδρος, Արամ, გიორგი, 김민준", []),
        ("Prieks 😀 un 🚀, atkal 😀", ["😀", "🚀"]),  # emoji always print as □, even DejaVu's
        ("tabs\tand\x00controls\u200b\ufeff", []),  # dropped before printing, not boxed
        ("สมชาย", ["ส", "ม", "ช", "า", "ย"]),  # no shipped face has Thai
    ],
)
def test_unprintable_names_what_will_print_as_a_box(text, missing):
    assert glyphs.unprintable(text) == missing


def test_validation_warns_without_loading_printing_or_reportlab():
    code = (
        "import sys\n"
        "from kopsavilkums.report import Report\n"
        "from kopsavilkums.validation import validate\n"
        "problems = validate(Report(title='Prieks 😀', introduction='王芳 محمد'))\n"
        "assert [p.path for p in problems if '□' in p.text('en')] == ['title'], problems\n"
        "loaded = [m for m in sys.modules if m.startswith(('reportlab', 'kopsavilkums.printing'))]\n"
        "print(loaded)\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "[]"
