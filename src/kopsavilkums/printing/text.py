"""User text on its way to the page: cleaned, then broken into lines that fit a column.

User text never goes through ReportLab's Paragraph markup parser: it is drawn as plain strings,
so ``<b>``, ``&amp;`` or ``<img src=…>`` print literally with no escaping to get wrong.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from kopsavilkums.printing import fonts

TAB = "    "
_LINE_BREAKS = re.compile("\r\n|\r|\u2028|\u2029|\x0b|\x0c|\x85")
_TOKENS = re.compile(r" +|[^ ]+")


def clean(text: str) -> str:
    """Normalise line breaks, expand tabs, drop control and invisible format characters, and put
    a visible replacement where no embedded font has the character."""
    text = _LINE_BREAKS.sub("\n", text).replace("\t", TAB)
    have = fonts.covered()
    out = []
    for ch in text:
        if ch == "\n" or ord(ch) in have:
            out.append(ch)
            continue
        category = unicodedata.category(ch)
        if category in ("Cc", "Cf", "Cs", "Cn", "Co"):
            continue  # controls, zero-width marks, surrogates, unassigned: nothing to print
        out.append(fonts.REPLACEMENT)
    return "".join(out)


def wrap(text: str, font: str, size: float, width: float) -> list[str]:
    """Break cleaned ``text`` into lines no wider than ``width`` points. Hard line breaks are
    kept, an over-long word (a 3,000-character URL) is cut wherever it has to be."""
    measure = _measurer(font, size)
    lines: list[str] = []
    for hard_line in text.split("\n"):
        current, current_width = "", 0.0
        for token in _TOKENS.findall(hard_line):
            token_width = measure(token)
            if current_width + token_width <= width:
                current, current_width = current + token, current_width + token_width
                continue
            if token.startswith(" "):  # a break falls on spaces: they vanish at the line's end
                lines.append(current)
                current, current_width = "", 0.0
                continue
            if current:
                lines.append(current.rstrip(" "))
                current, current_width = "", 0.0
            while measure(token) > width:
                cut = fitting_prefix(token, measure, width)
                lines.append(token[:cut])
                token = token[cut:]
            current, current_width = token, measure(token)
        lines.append(current)
    return lines


def fitting_prefix(token: str, measure, width: float, *, at_least: int = 1) -> int:
    """The length of the longest start of ``token`` that ``measure`` puts within ``width``
    (``at_least`` characters even if none fit: a line always makes progress)."""
    low, high = at_least, len(token)
    while low < high:
        mid = (low + high + 1) // 2
        if measure(token[:mid]) <= width:
            low = mid
        else:
            high = mid - 1
    return low


def ellipsize(text: str, font: str, size: float, width: float) -> str:
    """``text`` cut to ``width`` with an ellipsis, for one-line page furniture."""
    measure = _measurer(font, size)
    if measure(text) <= width:
        return text
    return text[: fitting_prefix(text, lambda t: measure(t + "…"), width, at_least=0)].rstrip() + "…"


@lru_cache(maxsize=16)
def _measurer(font: str, size: float):
    from reportlab.pdfbase.pdfmetrics import stringWidth

    @lru_cache(maxsize=65536)
    def measure(token: str) -> float:
        return stringWidth(token, font, size)

    return measure
