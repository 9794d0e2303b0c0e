"""Write resources/fonts/coverage.json: the characters each shipped print font can draw.

    python packaging/make_font_coverage.py [--check]

The core (validation's warning about characters that will print as □) needs to know what the
fonts cover without importing ReportLab or parsing ~6 MB of fonts, so the answer is computed
here once, from the fonts themselves, and committed. Run it again whenever a font in
resources/fonts changes; ``--check`` exits 1 if the committed file is stale, and
tests/printing/test_glyphs.py fails in that case too.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

FONTS = Path(__file__).resolve().parent.parent / "resources" / "fonts"
TARGET = FONTS / "coverage.json"
ABOUT = (
    "Code points each shipped font maps to a real glyph (its cmap, .notdef excluded), as "
    "[first, last] ranges. Made by packaging/make_font_coverage.py from the fonts beside it; "
    "do not edit by hand."
)


def code_points(font_file: Path) -> set[int]:
    """What the font's cmap maps to a glyph other than .notdef (glyph 0 draws nothing useful)."""
    from reportlab.pdfbase.ttfonts import TTFontFile

    face = TTFontFile(str(font_file))
    return {code for code, glyph in face.charToGlyph.items() if glyph != 0}


def ranges(codes: set[int]) -> list[list[int]]:
    out: list[list[int]] = []
    for code in sorted(codes):
        if out and code == out[-1][1] + 1:
            out[-1][1] = code
        else:
            out.append([code, code])
    return out


def coverage() -> dict:
    faces = {path.name: ranges(code_points(path)) for path in sorted(FONTS.glob("*.ttf"))}
    return {"about": ABOUT, "faces": faces}


def render(table: dict) -> str:
    """One face per line, so that a changed font shows as a readable diff."""
    faces = ",\n".join(
        f"    {json.dumps(name)}: {json.dumps(spans, separators=(',', ':'))}" for name, spans in table["faces"].items()
    )
    return f'{{\n  "about": {json.dumps(table["about"], ensure_ascii=False)},\n  "faces": {{\n{faces}\n  }}\n}}\n'


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the committed file is stale")
    args = parser.parse_args()
    text = render(coverage())
    if args.check:
        stale = not TARGET.exists() or TARGET.read_text("utf-8") != text
        print(f"{TARGET} is {'stale: run packaging/make_font_coverage.py' if stale else 'up to date'}")
        return 1 if stale else 0
    TARGET.write_text(text, "utf-8", newline="\n")
    print(f"wrote {TARGET} ({len(text):,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
