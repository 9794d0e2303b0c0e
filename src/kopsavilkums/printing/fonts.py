"""The embedded TrueType fonts: Liberation Serif (SIL OFL 1.1, metric-compatible with Times New
Roman, which ministries use), shipped in ``resources/fonts`` with its licence.

Registration parses the font files, so it happens once per process."""

from __future__ import annotations

import re
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


@cache
def _missing_pattern() -> re.Pattern[str]:
    """A regex matching any visible character the fonts lack (controls and invisible format
    characters are dropped before printing, so they do not count). A compiled character class
    scans a 300,000-character narrative in about a millisecond."""
    ranges: list[tuple[int, int]] = []
    for code in sorted(covered() | set(range(0x20)) | {0x7F} | set(range(0x80, 0xA0))):
        if ranges and code == ranges[-1][1] + 1:
            ranges[-1] = (ranges[-1][0], code)
        else:
            ranges.append((code, code))
    body = "".join(f"{_escape(a)}-{_escape(b)}" if a != b else _escape(a) for a, b in ranges)
    return re.compile(f"[^{body}\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ud800-\udfff]")


def _escape(code: int) -> str:
    return f"\\U{code:08x}"


def unprintable(text: str) -> list[str]:
    """The distinct characters of ``text`` that no embedded font can draw, in order of first use."""
    return list(dict.fromkeys(_missing_pattern().findall(text)))
