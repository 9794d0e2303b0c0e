"""Latvian spelling: which words of a text are checked, and whether each is known.

The text is Latvian whatever the interface language (the document is). Never checked: numbers
and words with digits, e-mail addresses, web addresses, abbreviations in capitals (``NVO``),
single letters and words in quotation marks (names of projects and organisations). Known besides
the dictionary: the user's own word list (:class:`PersonalWords`, in the data folder, so an update
of the program keeps it), words ignored for the session, and the report's own names (row 2's
organisation, the signatory, who prepared it: :func:`report_words`).

The dictionary is the Latvian Hunspell dictionary (``resources/dictionaries``), read by Hunspell
itself (the ``chunspell-next`` wheel bundles it): it loads in about a tenth of a second and
answers a word in microseconds. Loading holds Python's lock, so the window loads it once, late.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from kopsavilkums.fileio import atomic_write_bytes
from kopsavilkums.messages import Message
from kopsavilkums.resources import resource_path

if TYPE_CHECKING:
    from kopsavilkums.report import Report

LANGUAGE = "lv_LV"
PERSONAL_FILE_NAME = "personal-words.txt"

# A word: letters (and digits, so that "2019a" is one token to skip), joined by inner hyphens
# or apostrophes ("e-pasts", "Latvija-Lietuva").
_WORD = r"[^\W_]+(?:[-'’][^\W_]+)*"
# What is never checked, found first so that its parts are not taken for words.
_SKIP = (
    r"""(?:https?://|ftp://|www\.)\S+"""  # web addresses
    r"""|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"""  # e-mail addresses
    r"""|\b[\w-]+(?:\.[\w-]+)*\.(?:lv|com|org|net|eu|gov|edu|info|io)\b(?:/\S*)?"""  # bare domains
    r"""|„[^“”"\n]{1,120}[“”"]|“[^“”"\n]{1,120}”|"[^"\n]{1,120}"|«[^»\n]{1,120}»"""  # quotations
)


@cache
def _pattern(source: str) -> re.Pattern[str]:
    """Compiled on first use, not at the window's start (the two cost 3 ms)."""
    return re.compile(source)


# Abbreviations people write that the dictionary lacks ("piem.", "t.sk.", "nr."); it has most
# others with their full stop ("utt.", "lpp.", "tālr.").
_ABBREVIATIONS = frozenset({"piem", "sk", "nr", "pers", "gab", "tel", "mēn", "ned"})
# Words of every summary that the dictionary lacks: the currency as Latvian law writes it.
_ALSO_KNOWN = frozenset({"euro"})


class Dictionary(Protocol):
    """What Hunspell answers (tests give a small stand-in)."""

    def spell(self, word: str) -> bool: ...

    def suggest(self, word: str) -> tuple[str, ...]: ...


def load_dictionary(folder: Path | None = None) -> Dictionary:
    """The Latvian Hunspell dictionary shipped in ``resources/dictionaries`` (0.1–0.4 s): through
    Hunspell's C interface where the library is a file of its own (Linux, macOS), which leaves
    Python's lock free while it loads (:mod:`.hunspell_c`); else through the extension."""
    from kopsavilkums import hunspell_c

    folder = Path(folder or resource_path("dictionaries"))
    library = hunspell_c.library_path()
    if library is not None:
        try:
            return hunspell_c.CHunspell(library, folder / f"{LANGUAGE}.aff", folder / f"{LANGUAGE}.dic")
        except (OSError, AttributeError):  # a library without the C interface: the extension then
            pass
    from hunspell import Hunspell

    # On Windows, UTF-8: the extension then hands Hunspell a "\\?\" path, which it opens as
    # Unicode, so a per-user install under "C:\Users\Юрий" works whatever the ANSI code page.
    # Elsewhere the locale's encoding is the file system's, the extension's default.
    encoding = "utf-8" if os.name == "nt" else None
    return Hunspell(LANGUAGE, hunspell_data_dir=str(folder), system_encoding=encoding)


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    word: str


def words(text: str) -> Iterator[Span]:
    """The words of ``text`` that are checked at all, with their places."""
    skipped = [(m.start(), m.end()) for m in _pattern(_SKIP).finditer(text)]
    n = 0
    for match in _pattern(_WORD).finditer(text):
        start, end = match.span()
        while n < len(skipped) and skipped[n][1] <= start:
            n += 1
        if n < len(skipped) and skipped[n][0] < end:
            continue  # inside an address or a quotation
        word = match.group()
        if len(word) < 2 or any(c.isdigit() for c in word) or (word.isupper() and len(word) > 1):
            continue
        yield Span(start, end, word)


class PersonalWords:
    """The user's own words: one a line in ``personal-words.txt`` in the data folder."""

    def __init__(self, folder: Path | None) -> None:
        self.path = Path(folder) / PERSONAL_FILE_NAME if folder is not None else None
        self.words: set[str] = set()
        if self.path is not None:
            try:
                text = self.path.read_text(encoding="utf-8", errors="replace")
            except OSError:
                text = ""  # none yet (or unreadable: the dictionary still works)
            self.words = {line.strip() for line in text.splitlines() if line.strip()}

    def add(self, word: str) -> None:
        """Remember ``word``; raises ``OSError`` when the list cannot be written."""
        if word in self.words:
            return
        self.words.add(word)
        if self.path is not None:
            data = "".join(f"{w}\n" for w in sorted(self.words)).encode("utf-8")
            atomic_write_bytes(self.path, data, mode=0o600)


class Speller:
    """Whether words are spelt right, remembering every answer (a text repeats its words)."""

    def __init__(self, dictionary: Dictionary, personal: PersonalWords | None = None) -> None:
        self.dictionary = dictionary
        self.personal = personal or PersonalWords(None)
        self.ignored: set[str] = set()
        self.report_words: set[str] = set()
        self._answers: dict[str, bool] = {}

    def is_known(self, word: str, next_char: str = "") -> bool:
        # A known word also at a sentence's start: "Kvests" when "kvests" is.
        forms = (word, word.lower()) if word[1:].islower() else (word,)
        extra = any(w in self.ignored or w in self.personal.words or w in self.report_words for w in forms)
        if extra or word.lower() in _ALSO_KNOWN:
            return True
        answer = self._answers.get(word)
        if answer is None:
            answer = self._answers[word] = self._spell(word)
        if not answer and next_char == ".":  # an abbreviation: "piem.", "tālr."
            return word.lower() in _ABBREVIATIONS or self.is_known(word + ".")
        return answer

    def _spell(self, word: str) -> bool:
        if self.dictionary.spell(word):
            return True
        # "e-pasts", "NVO-līdzīgs": known when each part is (a single letter counts as known).
        parts = re.split(r"[-'’]", word)
        return len(parts) > 1 and all(len(p) < 2 or p.isupper() or self.is_known(p) for p in parts)

    def misspelt(self, text: str, start: int = 0, end: int | None = None) -> list[Span]:
        """The misspelt words of ``text[start:end]``, with places in ``text``."""
        end = len(text) if end is None else end
        part = text[start:end]
        found = []
        for span in words(part):
            if not self.is_known(span.word, part[span.end : span.end + 1]):
                found.append(Span(span.start + start, span.end + start, span.word))
        return found

    def suggest(self, word: str, limit: int = 6) -> list[str]:
        return list(self.dictionary.suggest(word))[:limit]

    def ignore(self, word: str) -> None:
        self.ignored.add(word)

    def add(self, word: str) -> None:
        self.personal.add(word)

    def set_report_words(self, known: Iterable[str]) -> None:
        self.report_words = set(known)


def report_words(report: Report) -> set[str]:
    """The report's own names, which no dictionary knows: row 2's organisation, the signatory,
    who prepared it."""
    names = (report.performer, report.signatory.name, report.prepared_by.name)
    return {m.group() for name in names for m in _pattern(_WORD).finditer(name)}


def misspelt_in_report(report: Report, speller: Speller) -> list[tuple[str, list[str]]]:
    """Each text field with misspelt words: (path, the words in order, each once)."""
    from kopsavilkums.validation import texts

    speller.set_report_words(report_words(report))
    found = []
    for path, text, _row_id in texts(report):
        bad = list(dict.fromkeys(span.word for span in speller.misspelt(text)))
        if bad:
            found.append((path, bad))
    return found


def misspelt_message(words: list[str]) -> Message:
    shown = ", ".join(words)
    return Message(lv=f"vārdnīcā nav: {shown}", en=f"not in the dictionary: {shown}")
