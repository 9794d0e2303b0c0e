"""User text made fit for XML and HTML: what the Word file, the web page and the text export show."""

from __future__ import annotations

import re
import unicodedata

_LINE_BREAKS = re.compile("\r\n|\r|\u2028|\u2029|\x0b|\x0c|\x85")


#: Bidi embeddings and overrides (LRE, RLE, PDF, LRO, RLO): they make a browser or Word show a
#: name reversed (U+202E before "Biedrība" shows "ābirdeiB") while the PDF leaves them out. Left out of
#: every output alike; validation warns about them.
DIRECTION_OVERRIDES = "\u202a\u202b\u202c\u202d\u202e"


def clean(text: str) -> str:
    """User text made safe for XML and HTML, the way the PDF treats it: line breaks normalised,
    control characters dropped (XML 1.0 cannot hold most of them, and they print as nothing in
    the PDF). Tabs and line breaks stay; invisible format characters (direction marks, joiners)
    stay too, since Word and browsers, unlike our PDF fonts, lay them out — but not the direction
    overrides, which would show a value reversed there and not in the PDF."""
    text = _LINE_BREAKS.sub("\n", text)
    if text.isprintable():
        return text
    return "".join(ch for ch in text if ch in "\t\n" or _keep(ch))


def _keep(ch: str) -> bool:
    category = unicodedata.category(ch)
    if category in ("Cc", "Cs"):
        return False
    return ch not in "\ufffe\uffff" and ch not in DIRECTION_OVERRIDES
