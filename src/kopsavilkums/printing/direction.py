"""Right-to-left text (Hebrew, Arabic) in our left-to-right document: the Unicode Bidirectional
Algorithm (UAX #9) for printed lines, giving the order to draw their characters in.

Why our own: python-bidi's Rust ``get_display`` orders correctly but does not mirror brackets, and
its pure-Python ``bidi.algorithm`` mirrors but predates the bracket-pair rule N0, so either prints
``(ירושלים)`` with a broken bracket. What the PDF needs is a small part of UAX #9: the paragraph
level is always left-to-right (the document is Latvian) and there are no explicit embeddings or
isolates (``text.clean`` drops those invisible controls), which leaves rules W1–W7, N0–N2, I1 and
L1–L4. Levels are resolved for a whole paragraph, then each printed line is reordered. Written
against python-bidi's Rust implementation: on 200,000 random strings of Latin, Hebrew, Arabic,
digits, brackets and marks the two gave the same order (ours also mirrors).
"""

from __future__ import annotations

import re
from unicodedata import bidirectional, mirrored

#: Any character of a right-to-left script: lines without one are drawn as they are.
RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\U00010800-\U00010fff\U0001e800-\U0001efff]")
_STRONG_R = frozenset(("R", "EN", "AN"))  # how numbers count next to neutrals (N1) and in N0
_NEUTRAL = frozenset(("B", "S", "WS", "ON"))
_IGNORED = frozenset(("BN", "LRE", "RLE", "LRO", "RLO", "PDF", "LRI", "RLI", "FSI", "PDI"))  # X9
#: Bidi_Paired_Bracket (BidiBrackets.txt): the common pairs.
_OPEN_CLOSE = dict(
    zip(
        "([{\u2045\u207d\u208d\u2329\u27e8\u27e6\u3008\u300a\u300c\u300e\u3010\u3014\u3016\u3018\u301a\uff08\uff3b\uff5b",
        ")]}\u2046\u207e\u208e\u232a\u27e9\u27e7\u3009\u300b\u300d\u300f\u3011\u3015\u3017\u3019\u301b\uff09\uff3d\uff5d",
        strict=True,
    )
)
_CLOSE_OPEN = {close: opening for opening, close in _OPEN_CLOSE.items()}
_CANONICAL = {"\u2329": "\u3008", "\u232a": "\u3009"}  # BD16 matches canonical equivalents
#: Bidi_Mirroring_Glyph (BidiMirroring.txt) for the brackets above and common signs; a mirrored
#: character not listed keeps its glyph.
_MIRROR = {**_OPEN_CLOSE, **_CLOSE_OPEN}
_MIRROR.update(zip("<>«»‹›≤≥≦≧⊂⊃⊆⊇∈∋∉∌≪≫", "><»«›‹≥≤≧≦⊃⊂⊇⊆∋∈∌∉≫≪", strict=True))
_TRAILING = _IGNORED | {"WS", "S", "B"}  # L1: what goes with the paragraph at a line's end
_MAX_DEPTH = 63  # BD16: bracket pairs are looked for this deep only


def visual(line: str) -> str:
    """``line`` (a whole paragraph, in logical order) in the order its characters are drawn."""
    if not RTL.search(line):
        return line
    return reorder(line, resolve_levels(line))


def reorder(line: str, levels: list[int]) -> str:
    """One line in drawing order, from the levels its paragraph resolved for its characters:
    white space at its end goes with the paragraph (L1), right-to-left characters take their
    mirrored glyph (L4, so ``(`` still opens), and runs are reversed from the deepest level up (L2)."""
    levels = list(levels)
    end = len(line)
    while end and bidirectional(line[end - 1]) in _TRAILING:
        end -= 1
    levels[end:] = [0] * (len(line) - end)
    chars = [_MIRROR.get(ch, ch) if level % 2 and mirrored(ch) else ch for ch, level in zip(line, levels, strict=True)]
    for level in range(max(levels, default=0), 0, -1):
        start = None
        for i in range(len(chars) + 1):
            if i < len(chars) and levels[i] >= level:
                if start is None:
                    start = i
            elif start is not None:
                chars[start:i] = chars[start:i][::-1]
                levels[start:i] = levels[start:i][::-1]
                start = None
    return "".join(chars)


def resolve_levels(paragraph: str) -> list[int]:
    """The embedding level of each character of ``paragraph`` (one line of a left-to-right
    document, before it is broken into printed lines): 0 for left-to-right, 1 for right-to-left,
    2 for numbers inside right-to-left text."""
    original = [bidirectional(ch) or "L" for ch in paragraph]
    kept = [i for i, t in enumerate(original) if t not in _IGNORED]  # X9: looked through
    types = [original[i] for i in kept]
    _weak(types)
    _brackets(types, [paragraph[i] for i in kept], [original[i] for i in kept])
    _neutrals(types)
    levels = [0] * len(paragraph)
    for i, t in zip(kept, types, strict=True):
        levels[i] = 1 if t == "R" else 2 if t in ("AN", "EN") else 0
    for i, t in enumerate(original):  # an ignored character goes with the one before it
        if t in _IGNORED and i:
            levels[i] = levels[i - 1]
    return levels


def _weak(t: list[str]) -> None:
    """W1–W7, with sos and eos left-to-right."""
    n = len(t)
    for i in range(n):  # W1: a mark takes the type of what it marks
        if t[i] == "NSM":
            t[i] = t[i - 1] if i else "L"
    strong = "L"
    for i in range(n):  # W2: European digits after Arabic letters are Arabic numbers; W3
        if t[i] in ("L", "R", "AL"):
            strong = t[i]
        elif t[i] == "EN" and strong == "AL":
            t[i] = "AN"
    for i in range(n):
        if t[i] == "AL":
            t[i] = "R"
    for i in range(1, n - 1):  # W4: one separator between two numbers of a kind
        if t[i] == "ES" and t[i - 1] == "EN" and t[i + 1] == "EN":
            t[i] = "EN"
        elif t[i] == "CS" and t[i - 1] == t[i + 1] and t[i - 1] in ("EN", "AN"):
            t[i] = t[i - 1]
    i = 0
    while i < n:  # W5: terminators (%, €) next to European digits
        if t[i] != "ET":
            i += 1
            continue
        j = i
        while j < n and t[j] == "ET":
            j += 1
        if (i and t[i - 1] == "EN") or (j < n and t[j] == "EN"):
            t[i:j] = ["EN"] * (j - i)
        i = j
    for i in range(n):  # W6
        if t[i] in ("ES", "ET", "CS"):
            t[i] = "ON"
    strong = "L"
    for i in range(n):  # W7: European digits in left-to-right text are left-to-right
        if t[i] in ("L", "R"):
            strong = t[i]
        elif t[i] == "EN" and strong == "L":
            t[i] = "L"


def _strong(t: str) -> str | None:
    return "L" if t == "L" else "R" if t in _STRONG_R else None


def _brackets(t: list[str], chars: list[str], original: list[str]) -> None:
    """N0: a bracket pair takes the direction of what it encloses, so that both brackets of
    ``(ירושלים)`` go with the Hebrew."""
    pairs: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []
    for i, ch in enumerate(chars):  # BD16
        if t[i] != "ON":
            continue
        if ch in _OPEN_CLOSE:
            if len(stack) == _MAX_DEPTH:
                break
            stack.append((_CANONICAL.get(_OPEN_CLOSE[ch], _OPEN_CLOSE[ch]), i))
        elif ch in _CLOSE_OPEN:
            want = _CANONICAL.get(ch, ch)
            for depth in range(len(stack) - 1, -1, -1):
                if stack[depth][0] == want:
                    pairs.append((stack[depth][1], i))
                    del stack[depth:]
                    break
    for opening, closing in sorted(pairs):
        inside = {_strong(x) for x in t[opening + 1 : closing]}
        if "L" in inside:  # matches the embedding direction
            direction = "L"
        elif "R" in inside:
            before = next((s for k in range(opening - 1, -1, -1) if (s := _strong(t[k]))), "L")
            direction = "R" if before == "R" else "L"
        else:
            continue
        for bracket in (opening, closing):
            t[bracket] = direction
            k = bracket + 1
            while k < len(t) and original[k] == "NSM":  # marks on a bracket follow it
                t[k] = direction
                k += 1


def _neutrals(t: list[str]) -> None:
    """N1–N2: neutrals between two strong types of one direction take it, others go with the
    paragraph (left-to-right)."""
    n = len(t)
    i = 0
    while i < n:
        if t[i] not in _NEUTRAL:
            i += 1
            continue
        j = i
        while j < n and t[j] in _NEUTRAL:
            j += 1
        before = _strong(t[i - 1]) if i else "L"  # after W1–W7 every non-neutral is strong
        after = _strong(t[j]) if j < n else "L"
        t[i:j] = [before if before == after and before else "L"] * (j - i)
        i = j
