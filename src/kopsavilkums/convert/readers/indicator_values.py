"""An indicator's planned and achieved values written in its own sentence.

``Apmācīti 38 jaunieši – plānots 40, sasniegts 38``, ``Notikuši semināri (plānotais 12, faktiskais
11)``, ``Plānoti 40 pasākumi, no tiem notikuši 38``, ``Apmācīti 38 no 40 jauniešiem``. The reader
takes the numbers into *Plānots* and *Sasniegts* and keeps the sentence as written, so nothing is
lost. A sentence that names a value twice (``plānoti 40 semināri un plānoti 10 vebināri``) is
ambiguous and left alone. All patterns are bounded, so a long narrative reads in linear time.
"""

from __future__ import annotations

import re

from kopsavilkums.convert.readers.labels import fold

_NUMBER = r"((?:\d{1,3}(?:[ ]\d{3})+|\d{1,9})(?:[.,]\d{1,2})?)"
#: Not a value: a year or date (``2022. gadā``, ``12.08.2019``), a percentage is kept as it is.
_NOT_AFTER = r"(?![\d]|[.,]\d|\.?\s*(?:gad|g\.|g\b|%))"
_PLANNED = re.compile(r"(?<![a-z])planot[a-z]{0,5}\s*[:=–-]?\s*(?:(?:bija|ir|tika)\s+)?" + _NUMBER + _NOT_AFTER)
_ACHIEVED = re.compile(
    r"(?<![a-z])(?:sasniegt[a-z]{0,4}|faktisk[a-z]{0,4}|izpildit[a-z]{0,3})\s*[:=–-]?\s*(?:(?:bija|ir|tika)\s+)?"
    + _NUMBER
    + _NOT_AFTER
)
#: The words a value is named by, lower case, with or without the Latvian marks.
_WORDS = ("plān", "plan", "sasniegt", "faktisk", "izpildīt", "izpildit")
#: ``…, no tiem notikuši 38``: what was achieved of the planned number said before.
_OF_THEM = re.compile(r"(?<![a-z])no\s+(?:tiem|tam)\s+(?:[a-z]{1,20}\s+){0,3}?" + _NUMBER + _NOT_AFTER)
#: ``38 no 40``: achieved of planned.
_X_OF_Y = re.compile(r"(?<![\d.,])" + _NUMBER + r"\s+no\s+" + _NUMBER + _NOT_AFTER)


def _value(text: str, m: re.Match[str], group: int = 1) -> str:
    """The number as written in the original text (folding keeps positions)."""
    return " ".join(text[m.start(group) : m.end(group)].split())


def values_in_sentence(text: str) -> tuple[str, str] | None:
    """(planned, achieved) written in an indicator's sentence, either may be empty; None if neither."""
    if len(text) > 5000:
        return None  # a whole page run into one item: no sentence to look into
    lower = text.lower()
    # Most indicators name no value: a look for the words first (the patterns cost 50× more;
    # a narrative of 9,000 indicators took a second more without this).
    words = any(word in lower for word in _WORDS)
    if not words and " no " not in lower:
        return None
    folded = fold(text)
    planned = list(_PLANNED.finditer(folded)) if words else []
    achieved = list(_ACHIEVED.finditer(folded)) if words else []
    if len(planned) > 1 or len(achieved) > 1:
        return None
    if planned and not achieved and (m := _OF_THEM.search(folded, planned[0].end())):
        return _value(text, planned[0]), _value(text, m)
    if planned or achieved:
        return (_value(text, planned[0]) if planned else "", _value(text, achieved[0]) if achieved else "")
    pairs = list(_X_OF_Y.finditer(folded))
    if len(pairs) == 1:
        m = pairs[0]
        got, of = _value(text, m, 1), _value(text, m, 2)
        if _number(got) <= _number(of):
            return of, got
    return None


def _number(value: str) -> float:
    return float(value.replace(" ", "").replace(",", "."))
