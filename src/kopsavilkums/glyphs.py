"""Which characters the print fonts can draw, answered without ReportLab or the font files.

The PDF draws user text in Liberation Serif (metric-compatible with Times New Roman); a character
it lacks comes from the first fallback face that has it: DejaVu Sans (Arabic, Armenian, Georgian,
symbols…), then Droid Sans Fallback (Chinese, Japanese), then NanumGothic (Korean Hangul, which
Droid lacks). What each face covers is read
from ``resources/fonts/coverage.json``, generated from the fonts by
``packaging/make_font_coverage.py`` and checked against them by the tests, so validation can warn
about characters that will print as □ without importing printing or parsing ~11 MB of fonts.
"""

from __future__ import annotations

import json
import re
import unicodedata
from bisect import bisect_right
from functools import cache

from kopsavilkums.resources import resource_path

#: The faces that draw regular and bold text, in the order they are asked for a character.
#: Bold falls back to DejaVu's regular face for the few characters its bold face lacks, so
#: anything printable in regular text is printable in bold.
REGULAR_FACES = ("LiberationSerif-Regular.ttf", "DejaVuSans.ttf", "DroidSansFallbackFull.ttf", "NanumGothic.ttf")
BOLD_FACES = (
    "LiberationSerif-Bold.ttf",
    "DejaVuSans-Bold.ttf",
    "DejaVuSans.ttf",
    "DroidSansFallbackFull.ttf",
    "NanumGothic.ttf",
)
#: Printed in place of a character no face draws (an emoji): a white square, which Liberation
#: has (it lacks U+FFFD).
REPLACEMENT = "\u25a1"
#: Emoji and other pictographs (U+1F000–U+1FAFF) always print as □ with a warning, even the few
#: hundred DejaVu has: on screen they are coloured pictures, and a report mixing DejaVu's black
#: outlines with boxes for the rest would be worse than boxes throughout.
PICTOGRAPHS = (0x1F000, 0x1FAFF)
#: Control characters are never drawn, whatever a face maps them to (Droid maps U+0000).
_CONTROLS = ((0x00, 0x1F), (0x7F, 0x9F))


@cache
def _table() -> dict[str, tuple[tuple[int, int], ...]]:
    data = json.loads(resource_path("fonts", "coverage.json").read_text("utf-8"))
    return {name: tuple((a, b) for a, b in spans) for name, spans in data["faces"].items()}


def face_ranges(face: str) -> tuple[tuple[int, int], ...]:
    """The code points ``face`` (a font file name) draws, as sorted ``(first, last)`` ranges."""
    return _table()[face]


class FaceCoverage:
    """Membership test for one face: ``ch in coverage``, a binary search over its ranges."""

    def __init__(self, face: str) -> None:
        spans = face_ranges(face)
        self._starts = [a for a, _ in spans]
        self._ends = [b for _, b in spans]

    def __contains__(self, ch: str) -> bool:
        code = ord(ch)
        i = bisect_right(self._starts, code) - 1
        return i >= 0 and code <= self._ends[i]


@cache
def coverage(face: str) -> FaceCoverage:
    return FaceCoverage(face)


@cache
def printable_ranges() -> tuple[tuple[int, int], ...]:
    """What regular (and so bold) text can print: the union of its faces, less controls and
    pictographs."""
    spans: list[tuple[int, int]] = []
    for a, b in sorted(span for face in REGULAR_FACES for span in face_ranges(face)):
        if spans and a <= spans[-1][1] + 1:
            spans[-1] = (spans[-1][0], max(spans[-1][1], b))
        else:
            spans.append((a, b))
    for low, high in (*_CONTROLS, PICTOGRAPHS):
        pieces = [piece for a, b in spans for piece in ((a, min(b, low - 1)), (max(a, high + 1), b))]
        spans = [(a, b) for a, b in pieces if a <= b]
    return tuple(spans)


@cache
def _printable_bounds() -> tuple[list[int], list[int]]:
    spans = printable_ranges()
    return [a for a, _ in spans], [b for _, b in spans]


def printed(ch: str) -> bool:
    """Whether ``ch`` prints as it is (a line break counts: it is layout, not a glyph)."""
    code = ord(ch)
    if 0x202A <= code <= 0x202E or 0x2066 <= code <= 0x2069:
        # Direction embeddings and isolates are dropped even where a face has a glyph for them:
        # printing lays out right-to-left text by the characters alone (printing/direction.py).
        return False
    starts, ends = _printable_bounds()
    i = bisect_right(starts, code) - 1
    return ch == "\n" or (i >= 0 and code <= ends[i])


def not_printed(text: str) -> list[str]:
    """The distinct characters of ``text`` that do not print as they are, in order of first use.
    Looks at each distinct character once: about 3 ms for a 300,000-character narrative, and no
    table of every printable character to build first."""
    odd = [ch for ch in set(text) if not printed(ch)]
    if len(odd) > 1:
        first = re.compile("[" + "".join(map(re.escape, odd)) + "]")
        odd = list(dict.fromkeys(first.findall(text)))
    return odd


def dropped(ch: str) -> bool:
    """Whether ``ch``, not printed as it is, is left out rather than boxed: controls, invisible
    format characters (zero-width marks, direction marks, the byte-order mark), surrogates,
    unassigned and private-use code points."""
    return unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Cn", "Co")


@cache
def outside_pattern(face: str) -> re.Pattern[str]:
    """Matches any character ``face`` does not draw (a fast "does this text need a fallback?")."""
    spans = "".join(f"\\U{a:08x}-\\U{b:08x}" if a != b else f"\\U{a:08x}" for a, b in face_ranges(face))
    return re.compile(f"[^{spans}]")


def unprintable(text: str) -> list[str]:
    """The distinct characters of ``text`` that will print as □, in order of first use."""
    return [ch for ch in not_printed(text) if not dropped(ch)]
