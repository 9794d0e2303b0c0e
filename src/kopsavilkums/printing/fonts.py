"""The embedded TrueType faces, shipped in ``resources/fonts`` with their licences.

Liberation Serif (SIL OFL 1.1, metric-compatible with Times New Roman, which ministries use) is
the face of the document. A character it lacks is drawn from the first fallback face that has it
(:data:`kopsavilkums.glyphs.REGULAR_FACES` / ``BOLD_FACES``): DejaVu Sans, then Droid Sans
Fallback, then NanumGothic (SIL OFL 1.1, for Korean). Parsing a face costs 6–60 ms, so the two Liberation faces are registered once per
process and a fallback face only when a text first needs it. Every face is embedded as a subset
(only the glyphs used), so a fallback adds a few kilobytes to the PDFs that use it and nothing to
the others.
"""

from __future__ import annotations

from functools import cache

from kopsavilkums import glyphs
from kopsavilkums.resources import resource_path

REGULAR = "KopsSerif"
BOLD = "KopsSerif-Bold"
#: ReportLab's name for each face, by font file.
NAMES = {
    "LiberationSerif-Regular.ttf": REGULAR,
    "LiberationSerif-Bold.ttf": BOLD,
    "DejaVuSans.ttf": "KopsSans",
    "DejaVuSans-Bold.ttf": "KopsSans-Bold",
    "DroidSansFallbackFull.ttf": "KopsCJK",
    "NanumGothic.ttf": "KopsKorean",
}
FILES = {name: file for file, name in NAMES.items()}
#: The faces a style draws with, in the order they are asked for a character.
CHAINS = {
    REGULAR: tuple(NAMES[f] for f in glyphs.REGULAR_FACES),
    BOLD: tuple(NAMES[f] for f in glyphs.BOLD_FACES),
}


@cache
def register() -> None:
    """The two Liberation faces, and the family mapping our own labels rely on."""
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics

    use(REGULAR)
    use(BOLD)
    # No italic face: the official document has none.
    pdfmetrics.registerFontFamily(REGULAR, normal=REGULAR, bold=BOLD, italic=REGULAR, boldItalic=BOLD)
    for bold, italic, face in ((0, 0, REGULAR), (1, 0, BOLD), (0, 1, REGULAR), (1, 1, BOLD)):
        addMapping(REGULAR, bold, italic, face)


@cache
def use(name: str):
    """The ReportLab font ``name``, parsed and registered on first use."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    font = TTFont(name, str(resource_path("fonts", FILES[name])))
    pdfmetrics.registerFont(font)
    return font


def chain(name: str) -> tuple[str, ...]:
    """The faces that draw text set in ``name`` (a style's main face), main face first."""
    return CHAINS[name]
