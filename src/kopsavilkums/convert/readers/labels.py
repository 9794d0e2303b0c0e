"""Recognising the official row labels of a published summary, however they were typed.

A label is compared *folded*: lower case, Latvian letters without their marks (``ā`` → ``a``:
people type ``Valsts parvaldes uzdevums`` on a keyboard without them), every kind of space one
space, a leading row number (``1.``, ``1)``, ``I.``) and a trailing colon or asterisk taken off.
Folding keeps the length of the text, so a position found in folded text is the same position in
the original.
"""

from __future__ import annotations

import re
import unicodedata

from kopsavilkums.fields import ROWS

_MARKS = str.maketrans(
    "āčēģīķļņšūžōŗĀČĒĢĪĶĻŅŠŪŽŌŖ\u00a0\u202f\u2009\u2007\t\r\n\v\f",
    "acegiklnsuzorACEGIKLNSUZOR         ",
)
#: Any label longer than this is running text, not a label (the longest official one has 175).
MAX_LABEL = 400


def fold(text: str) -> str:
    """Lower case, without Latvian marks; every space, tab or line break one plain space.

    Same length as ``text`` (readers compose letters typed with combining marks first, :func:`nfc`)."""
    folded = text.translate(_MARKS)
    lower = folded.lower()
    if len(lower) != len(folded):  # "İ".lower() is two characters: keep such a letter as it is
        lower = "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in folded)
    return lower


def squash(text: str) -> str:
    """:func:`fold` with runs of spaces made one and the ends trimmed (for comparing)."""
    return " ".join(fold(text).split())


_DECOMPOSED = re.compile(r".[\u0300-\u036f]+", re.DOTALL)


def nfc(text: str) -> str:
    """``text`` with each letter typed as letter + combining mark (``a`` + U+0304, as some Mac
    programs write ``ā``) composed, so that labels are found. Only those: full NFC would also
    change characters the user chose (U+F900 豈 → U+8C48 豈, the Ångström sign → Å)."""
    return _DECOMPOSED.sub(lambda m: unicodedata.normalize("NFC", m[0]), text)


_ROW_NUMBER = re.compile(r"^(?:\d{1,2}|[ivx]{1,4})\s*[.)]\s*")
_TRAILING = re.compile(r"[\s:*]+$")

#: Labels accepted for each row (folded), besides the official one: the short names people use.
SHORT_LABELS: dict[str, tuple[str, ...]] = {
    "task": (
        "uzdevums",
        "delegetais uzdevums",
        "valsts parvaldes uzdevuma nosaukums",
        "uzdevuma nosaukums",
    ),
    "performer": ("veicejs", "uzdevuma veicejs", "izpilditajs", "uzdevuma izpilditajs"),
    "period": (
        "periods",
        "delegesanas periods",
        "izpildes periods",
        "uzdevuma izpildes periods",
        "parskata periods",
        "laika periods",
    ),
    "description": ("apraksts", "vertejums", "apraksts un vertejums", "uzdevuma izpildes apraksts"),
    "budget": (
        "finansejums",
        "budzets",
        "valsts budzeta finansejums",
        "izlietotais finansejums",
        "finansejums sadalijuma pa gadiem",
    ),
    "irregular_expenditure": ("neatbilstosie izdevumi", "neatbilstosi izdevumi"),
    "unrecovered_amount": ("neatgutie lidzekli", "neatguta summa", "neatguto lidzeklu apmers"),
    "other_information": ("cita informacija", "papildu informacija", "cita papildu informacija", "citas zinas"),
}
#: Long labels are often shortened at the end or carry a footnote: their start is enough.
PREFIXES: dict[str, tuple[str, ...]] = {
    "description": ("apraksts un vertejums par",),
    "budget": ("planotais un faktiski izlietotais",),
    "unrecovered_amount": ("neatguto lidzeklu apmers no",),
}

OFFICIAL: dict[str, str] = {row.key: squash(row.label.lv) for row in ROWS}
_EXACT: dict[str, str] = {label: key for key, label in OFFICIAL.items()}
_SHORT: dict[str, str] = {label: key for key, labels in SHORT_LABELS.items() for label in labels}


def clean_label(text: str) -> str:
    """The folded label without a row number in front and a colon behind."""
    label = squash(text)
    label = _ROW_NUMBER.sub("", label)
    return _TRAILING.sub("", label)


def recognise(text: str, *, short: bool = True) -> str | None:
    """The official row key (``"budget"``) that ``text`` labels, or None.

    ``short=False`` accepts only the official labels (and small typos in them): used where a label
    is not in a table's first cell but at the start of a line, where a short word like
    ``Periods:`` could just as well be running text."""
    if not text or len(text) > MAX_LABEL:
        return None
    label = clean_label(text)
    if not label:
        return None
    if key := _EXACT.get(label):
        return key
    if short:
        if key := _SHORT.get(label):
            return key
        for key, prefixes in PREFIXES.items():
            if label.startswith(prefixes):
                return key
    return _typo_of_official(label)


_OFFICIAL_WORDS: dict[str, list[str]] = {key: label.split() for key, label in OFFICIAL.items()}


def _typo_of_official(label: str) -> str | None:
    """A long official label with a typo in a word or two (``… deleģēšana periods``): the same
    number of words, all but one (two in a label of ten words or more) the same, and each differing
    word the same in its first four letters. Word by word, so it costs nothing on long input."""
    words = label.split()
    if len(words) < 5:
        return None
    for key, official in _OFFICIAL_WORDS.items():
        if len(official) != len(words):
            continue
        differ = [(a, b) for a, b in zip(words, official, strict=True) if a != b]
        if len(differ) <= (2 if len(official) >= 10 else 1) and all(a[:4] == b[:4] for a, b in differ):
            return key
    return None


#: The labels of the header facts above the table, as our own print writes them.
HEADER_LABELS: dict[str, str] = {
    "delegejosa iestade": "delegating_authority",
    "delegetaja iestade": "delegating_authority",
    "ligums": "contract",
    "ligums (numurs un datums)": "contract",
    "delegesanas ligums": "contract",
}


def ends_a_label(text: str) -> bool:
    """Whether ``text`` is how an official label ends (the last line of a label broken over lines)."""
    if len(text) > MAX_LABEL:
        return False
    tail = _TRAILING.sub("", squash(text))
    return bool(tail) and any(label.endswith(tail) for label in OFFICIAL.values())


def split_labelled(text: str, *, short: bool = False) -> tuple[str, str] | None:
    """``"Valsts pārvaldes uzdevuma veicējs: Biedrība X"`` → ``("performer", "Biedrība X")``.

    Only the official labels unless ``short``; None when the text before the first colon is no
    label."""
    colon = text.find(":", 0, MAX_LABEL)
    if colon <= 0:
        return None
    key = recognise(text[:colon], short=short)
    return (key, text[colon + 1 :].strip()) if key else None
