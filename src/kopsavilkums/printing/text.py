"""User text on its way to the page: cleaned, shaped, measured and broken into lines.

User text never goes through ReportLab's Paragraph markup parser: it is drawn as plain strings,
so ``<b>``, ``&amp;`` or ``<img src=…>`` print literally with no escaping to get wrong.

Everything here is linear in the length of the text: a character is measured a bounded number
of times, whatever the words are like. A pasted base64 blob or link is one "word" of perhaps a
million characters; breaking it by measuring ever-shorter prefixes (a binary search per line)
cost minutes and gigabytes.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cache
from itertools import accumulate, groupby

from kopsavilkums import glyphs
from kopsavilkums.printing import direction, fonts

TAB = "    "
_LINE_BREAKS = re.compile("\r\n|\r|\u2028|\u2029|\x0b|\x0c|\x85")
_TOKENS = re.compile(r" +|[^ ]+")
#: Letters that join (Arabic script).
_ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff]")
#: An over-long word is measured in blocks of this many characters, so cutting it needs memory
#: for one block of widths, not for the whole word.
_BLOCK = 4096


def clean(text: str) -> str:
    """Normalise line breaks, expand tabs, drop control and invisible format characters, and put
    a visible □ where no print face has the character."""
    text = _LINE_BREAKS.sub("\n", text).replace("\t", TAB)
    if odd := glyphs.not_printed(text):
        text = text.translate({ord(ch): "" if glyphs.dropped(ch) else glyphs.REPLACEMENT for ch in odd})
    return text


def shape(text: str) -> str:
    """Arabic letters in the joined forms they take inside a word (initial, medial, final), which
    DejaVu Sans draws as Unicode presentation forms. Text without Arabic is returned as it is."""
    if not _ARABIC.search(text):
        return text
    shaped = _reshaper().reshape(text)
    # A form no face has would print as a box: then the plain letters are the better print.
    return text if glyphs.not_printed(shaped) else shaped


@cache
def _reshaper():
    from arabic_reshaper import ArabicReshaper

    # Keep every character typed (the default deletes vowel marks); only the obligatory lam-alef
    # ligatures, which every Arabic face has.
    return ArabicReshaper({"delete_harakat": False, "support_ligatures": True, "ARABIC LIGATURE ALLAH": False})


class Metrics:
    """Widths of text set in one style: its main face, the fallback faces, a size.

    ``units`` maps a character to its advance in thousandths of the size, from the first face of
    the chain that draws it (a fallback face is parsed only when a character needs it)."""

    def __init__(self, font: str, size: float) -> None:
        self.font, self.size = font, size
        self.scale = size / 1000
        self.chain = fonts.chain(font)
        self._coverage = [glyphs.coverage(fonts.FILES[name]) for name in self.chain]
        self._outside_main = glyphs.outside_pattern(fonts.FILES[font])
        self.units: dict[str, float] = _Units(self)
        self._faces: dict[str, str] = _Faces(self)

    def face_of(self, ch: str) -> str:
        return self._faces[ch]

    def width(self, text: str) -> float:
        return sum(map(self.units.__getitem__, text)) * self.scale

    def simple(self, text: str) -> bool:
        """Whether ``text`` draws in the main face alone."""
        return not self._outside_main.search(text)

    def runs(self, line: str) -> list[tuple[str, str]]:
        """``line`` (in drawing order) as (face, text) runs, each drawn in one face."""
        faces = self._faces
        return [(face, "".join(chars)) for face, chars in groupby(line, faces.__getitem__)]


class _Faces(dict):
    def __init__(self, metrics: Metrics) -> None:
        super().__init__()
        self._metrics = metrics

    def __missing__(self, ch: str) -> str:
        m = self._metrics
        face = next((name for name, cov in zip(m.chain, m._coverage, strict=True) if ch in cov), m.font)
        self[ch] = face
        return face


class _Units(dict):
    def __init__(self, metrics: Metrics) -> None:
        super().__init__()
        self._metrics = metrics

    def __missing__(self, ch: str) -> float:
        face = fonts.use(self._metrics.face_of(ch)).face
        width = self[ch] = face.charWidths.get(ord(ch), face.defaultWidth)
        return width


@cache
def metrics(font: str, size: float) -> Metrics:
    return Metrics(font, size)


def wrap(text: str, measure: Metrics, width: float) -> list[str]:
    """Break cleaned ``text`` into lines no wider than ``width`` points, in reading (logical)
    order. Hard line breaks are kept; a word longer than a line (a pasted link, a base64 blob) is
    cut wherever it has to be. Each character is measured at most twice."""
    limit = width / measure.scale  # in thousandths of the size, like ``measure.units``
    return [line for paragraph in shape(text).split("\n") for line in _wrap_paragraph(paragraph, measure, limit)[0]]


def layout(text: str, measure: Metrics, width: float) -> list[str]:
    """Like :func:`wrap`, with each line in the order its characters are drawn: where a
    paragraph holds right-to-left text, its levels are resolved for the whole paragraph (so a
    bracket pair split by a line break still pairs) and each line is reordered on its own."""
    limit = width / measure.scale
    out: list[str] = []
    for paragraph in shape(text).split("\n"):
        lines, starts = _wrap_paragraph(paragraph, measure, limit)
        if not direction.RTL.search(paragraph):
            out += lines
            continue
        levels = direction.resolve_levels(paragraph)
        out += [direction.reorder(line, levels[a : a + len(line)]) for line, a in zip(lines, starts, strict=True)]
    return out


def _wrap_paragraph(paragraph: str, measure: Metrics, limit: float) -> tuple[list[str], list[int]]:
    """The lines of one paragraph and where each starts in it."""
    units = measure.units.__getitem__
    lines: list[str] = []
    starts: list[int] = []
    current: list[str] = []
    used, start, at = 0.0, 0, 0  # width of the current line, where it starts, where the token is
    for token in _TOKENS.findall(paragraph):
        token_units = sum(map(units, token))
        if used + token_units <= limit:
            current.append(token)
            used += token_units
        elif token[0] == " ":  # a break falls on spaces: they vanish at the line's end
            lines.append("".join(current))
            starts.append(start)
            current, used, start = [], 0.0, at + len(token)
        else:
            if current:
                lines.append("".join(current).rstrip(" "))
                starts.append(start)
            if token_units <= limit:
                current, used, start = [token], token_units, at
            else:
                pieces, rest, used = _cut(token, units, limit)
                start = at
                for piece in pieces:
                    lines.append(piece)
                    starts.append(start)
                    start += len(piece)
                current = [rest]
        at += len(token)
    lines.append("".join(current))
    starts.append(start)
    return lines, starts


def _cut(word: str, units, limit: float) -> tuple[list[str], str, float]:
    """``word`` cut into full lines, greedily, in one pass over blocks of characters: returns
    the full lines, the rest (which starts the next line) and the width of that rest."""
    pieces: list[str] = []
    start = 0  # where the line being filled starts in ``word``
    used = 0.0  # its width so far
    for block_start in range(0, len(word), _BLOCK):
        block = word[block_start : block_start + _BLOCK]
        edges = list(accumulate(map(units, block), initial=0.0))  # edges[i]: width of block[:i]
        pos = 0
        while pos < len(block):
            end = bisect_right(edges, edges[pos] + limit - used) - 1  # block[pos:end] still fits
            if end == len(block):
                used += edges[end] - edges[pos]
                break
            if end == pos and used == 0.0:
                end = pos + 1  # a character wider than the line gets a line of its own
            pieces.append(word[start : block_start + end])
            start, used, pos = block_start + end, 0.0, end
    return pieces, word[start:], used


def ellipsize(text: str, measure: Metrics, width: float) -> str:
    """``text`` cut to ``width`` with an ellipsis, for one-line page furniture. Looks at no more
    characters than fit, however long the text."""
    text = shape(text)
    units = measure.units.__getitem__
    limit = width / measure.scale
    room = limit - units("…")
    used, keep = 0.0, 0
    for n, ch in enumerate(text):
        used += units(ch)
        if used > limit:
            return text[:keep].rstrip() + "…"
        if used <= room:
            keep = n + 1
    return text
