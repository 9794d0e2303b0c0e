"""The embedded TrueType fonts: Liberation Serif (SIL OFL 1.1, metric-compatible with Times New
Roman, which ministries use), shipped in ``resources/fonts`` with its licence.

Registration parses the font files, so it happens once per process."""

from __future__ import annotations

from functools import cache

from kopsavilkums.resources import resource_path

REGULAR = "KopsSerif"
BOLD = "KopsSerif-Bold"
_FILES = {
    REGULAR: "LiberationSerif-Regular.ttf",
    BOLD: "LiberationSerif-Bold.ttf",
}
#: Printed in place of a character no embedded font has (an emoji, a CJK ideograph): a white
#: square, which Liberation has (it lacks U+FFFD). Validation warns before it comes to this.
REPLACEMENT = "\u25a1"


@cache
def register() -> None:
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    for name, filename in _FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(resource_path("fonts", filename))))
    # So that <b>/<i> in our own (never the user's) Paragraph markup pick the right faces.
    # No italic face: the official document has none, and each face costs ~12 ms to parse.
    pdfmetrics.registerFontFamily(REGULAR, normal=REGULAR, bold=BOLD, italic=REGULAR, boldItalic=BOLD)
    for bold, italic, face in ((0, 0, REGULAR), (1, 0, BOLD), (0, 1, REGULAR), (1, 1, BOLD)):
        addMapping(REGULAR, bold, italic, face)


@cache
def covered() -> frozenset[int]:
    """Code points every embedded face can draw."""
    from reportlab.pdfbase import pdfmetrics

    register()
    sets = [set(pdfmetrics.getFont(name).face.charToGlyph) for name in _FILES]
    return frozenset(set.intersection(*sets))


def unprintable(text: str) -> list[str]:
    """The distinct characters of ``text`` that no embedded font can draw, in order of first use."""
    have = covered()
    seen: dict[str, None] = {}
    for ch in text:
        if ord(ch) not in have and ch not in "\n\t" and ch not in seen:
            seen[ch] = None
    return list(seen)
