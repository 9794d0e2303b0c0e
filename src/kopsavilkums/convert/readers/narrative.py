"""Row 4, the narrative: introduction, objectives ``1.``, the fixed sentence, indicators ``1)``,
and the closing assessment.

Items are found inside paragraphs too (the published pages run a whole list on one line:
``… uzdevumi: 1. Stiprināt … 2. Veicināt …``). A number counts as an item's number only where a
list item can start — at the start of a paragraph or after the end of a sentence — and only the
number that comes next (1, then 2 …), and not before a month or a unit word: ``2019. gadā``,
``5.3. punktu``, ``12.08.2019.``, ``līdz 2. jūnijam``, ``(skat. 1) punktu)`` stay text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kopsavilkums.convert.readers.dates import MONTHS
from kopsavilkums.convert.readers.import_notes import quote, row_name
from kopsavilkums.convert.readers.indicator_values import values_in_sentence
from kopsavilkums.convert.readers.labels import fold, squash
from kopsavilkums.convert.readers.values import Read
from kopsavilkums.messages import Message, count_en, count_lv
from kopsavilkums.official import INDICATORS_SENTENCE
from kopsavilkums.report import Indicator

#: A list marker: ``1.`` or ``1)`` between spaces, or the bullet readers put before list items.
_CANDIDATE = re.compile(r"(?<!\S)(?:(\d{1,4})([.)])|(•))(?=\s)")
#: Words after which ``2.`` is an ordinal (``2. jūnijā``, ``3. punkts``), not an item number.
_NOT_AFTER = (*MONTHS, "gad", "punkt", "apakspunkt", "pant", "nodal", "pielikum", "ceturksn", "pusgad", "limen", "klas", "kurs", "datum")  # fmt: skip
#: Whole words (folded) that an ordinal goes with, whose stems also start verbs (kārta / kārtot).
_NOT_BEFORE_WORDS = frozenset(
    {"karta", "kartas", "kartai", "kartu", "posms", "posma", "posmu", "vieta", "vietu", "vietas", "reize", "reizi",
     "stava", "stavs", "stavu", "sezona", "sezonu", "sezonas", "kvartals", "kvartala"}
)  # fmt: skip
_WORD = re.compile(r"\s*([^\W\d_]{1,24})")
_ORDINAL_WORD = re.compile(
    r"(?:(?:" + "|".join(_NOT_AFTER) + r")[a-z]{0,4}|" + "|".join(sorted(_NOT_BEFORE_WORDS)) + r")\Z"
)
_ENDS_SENTENCE = ".:;!?…"
_CLOSERS = "\"'”’»)]"

_DETAILS = re.compile(
    r"(?<!\S)plānots:\s*([^;\n]{1,200}?)\s*(?:;\s*sasniegts:\s*([^\n]{1,200}?))?\.(?=\s|$)", re.IGNORECASE
)
_DETAILS_START = re.compile(r"(?:plānots|sasniegts):", re.IGNORECASE)
_ACHIEVED = re.compile(r"(?<!\S)sasniegts:\s*([^\n]{1,200}?)\.(?=\s|$)", re.IGNORECASE)


@dataclass
class Narrative:
    introduction: str = ""
    objectives: list[str] = field(default_factory=list)
    indicators: list[Indicator] = field(default_factory=list)
    assessment: str = ""


@dataclass
class _Token:
    kind: str  # text | obj | sentence | ind
    text: str


def read_narrative(paragraphs: list[str], read: Read) -> Narrative:
    paragraphs = [p.replace("\t", " ").strip() for p in paragraphs]
    paragraphs = [p for p in paragraphs if p]
    tokens = _tokens(paragraphs)
    return _assemble(tokens, read)


# ------------------------------------------------------------------------------ tokenising


class _Scanner:
    def __init__(self, has_sentence: bool) -> None:
        self.has_sentence = has_sentence
        self.after_sentence = False
        self.next_obj = 1
        self.next_ind = 1
        self.ind_style = ""
        self.obj_style = ""
        self.tokens: list[_Token] = []

    def scan(self, text: str, paragraph_start: bool) -> None:
        """Split one piece of a paragraph into tokens; the first token starts a paragraph."""
        kind, start = "text", 0
        lead = len(text) - len(text.lstrip())  # where the piece's first word starts
        for m in _CANDIDATE.finditer(text):
            new = self._marker(text, m, paragraph_start and m.start() == lead)
            if not new:
                continue
            self._emit(kind, text[start : m.start()], keep_empty=kind != "text")
            kind, start = new, m.end()
        self._emit(kind, text[start:], keep_empty=kind != "text")

    def sentence(self, text: str) -> None:
        self.tokens.append(_Token("sentence", text.strip()))
        self.after_sentence = True

    def _emit(self, kind: str, text: str, keep_empty: bool) -> None:
        text = text.strip()
        if text or keep_empty:
            self.tokens.append(_Token(kind, text))

    def _marker(self, text: str, m: re.Match[str], at_start: bool) -> str:
        if m[3]:  # a bullet: only where a reader put it, at the start of a paragraph
            if not at_start:
                return ""
            if self.after_sentence:
                self.ind_style = self.ind_style or "•"
                return "ind" if self.ind_style == "•" else ""
            return "obj"
        if not at_start and not _after_sentence_end(text, m.start()):
            return ""
        if _ordinal_follows(text, m.end()):
            return ""
        number, style = int(m[1]), m[2]
        if self.after_sentence:
            if not self.ind_style and number == 1:
                self.ind_style = style
            if style == self.ind_style and number == self.next_ind:
                self.next_ind += 1
                return "ind"
            return ""
        # Objectives are numbered "1." — or "1)" where the fixed sentence tells the lists apart.
        if not self.obj_style and number == 1 and (style == "." or self.has_sentence):
            self.obj_style = style
        if style == self.obj_style and number == self.next_obj and not self.ind_style:
            self.next_obj += 1
            return "obj"
        # No fixed sentence anywhere: a list "1)" — or a second list "1." after the objectives —
        # at the start of a paragraph begins the indicators.
        if not self.has_sentence and at_start and number == 1 and (style == ")" or self.next_obj > 1):
            self.after_sentence = True
            self.ind_style, self.next_ind = style, 2
            return "ind"
        return ""


def _after_sentence_end(text: str, i: int) -> bool:
    j = i - 1
    while j >= 0 and text[j].isspace():
        j -= 1
    if j >= 0 and text[j] in _CLOSERS:
        j -= 1
    return j < 0 or text[j] in _ENDS_SENTENCE


def _ordinal_follows(text: str, i: int) -> bool:
    m = _WORD.match(text, i)
    return m is not None and _ORDINAL_WORD.match(fold(m[1])) is not None


def _tokens(paragraphs: list[str]) -> list[_Token]:
    found = _find_sentence(paragraphs)
    scanner = _Scanner(has_sentence=found is not None)
    for index, paragraph in enumerate(paragraphs):
        if found and index == found[0]:
            _, start, end = found
            scanner.scan(paragraph[:start], paragraph_start=True)
            scanner.sentence(paragraph[start:end])
            scanner.scan(paragraph[end:], paragraph_start=not paragraph[:start].strip())
        else:
            scanner.scan(paragraph, paragraph_start=True)
    return scanner.tokens


def _find_sentence(paragraphs: list[str]) -> tuple[int, int, int] | None:
    """Where the sentence before the indicators is (paragraph, start, end): the official one, or one
    close to it — a sentence ending in a colon that speaks of *rezultatīvie rādītāji*."""
    for index, paragraph in enumerate(paragraphs):
        folded = fold(paragraph)
        at = folded.find("raditaj")
        while at != -1:
            low = max(0, at - 300)
            start = max(folded.rfind(c, low, at) for c in _ENDS_SENTENCE) + 1
            if start == 0 and low > 0:  # no sentence start near it: inside a very long sentence
                at = folded.find("raditaj", at + 1)
                continue
            colon = folded.find(":", at, at + 150)
            if colon != -1 and "." not in folded[at:colon]:
                end = colon + 1
            elif len(folded) - at < 60 and "." not in folded[at:].rstrip(". "):
                end = len(folded)  # a heading on its own, without the colon
            else:
                at = folded.find("raditaj", at + 1)
                continue
            if "rezultativ" in folded[start:end] and end - start < 300:
                while start < end and paragraph[start].isspace():
                    start += 1
                return index, start, end
            at = folded.find("raditaj", at + 1)
    return None


# ------------------------------------------------------------------------------ assembling


def _assemble(tokens: list[_Token], read: Read) -> Narrative:
    label = row_name("description")
    kinds = [t.kind for t in tokens]
    last_item = max((i for i, k in enumerate(kinds) if k in ("obj", "ind")), default=-1)
    has_sentence = "sentence" in kinds
    has_indicators = "ind" in kinds
    intro: list[str] = []
    objectives: list[list[str]] = []
    indicators: list[list[str]] = []
    assessment: list[str] = []
    between: list[str] = []
    joined = 0
    place = "intro"
    for index, token in enumerate(tokens):
        if token.kind == "obj":
            objectives.append([token.text])
            place = "obj"
        elif token.kind == "ind":
            indicators.append([token.text])
            place = "ind"
        elif token.kind == "sentence":
            place = "sentence"
            if squash(token.text) != squash(INDICATORS_SENTENCE):
                read.notes.append(
                    Message(
                        f"{label.lv}: teikums pirms rādītājiem „{quote(token.text, 100)}” nolasīts kā oficiālais "
                        f"teikums; drukājot būs: „{INDICATORS_SENTENCE}”",
                        f"{label.en}: the sentence before the indicators “{quote(token.text, 100)}” was read as the "
                        f"official one; the printed summary says: “{INDICATORS_SENTENCE}”",
                    )
                )
        elif place == "intro":
            intro.append(token.text)
        elif place == "obj" and (has_sentence or has_indicators or index < last_item):
            objectives[-1].append(token.text)
            joined += 1
        elif place == "ind" and _DETAILS_START.match(token.text):
            indicators[-1].append(token.text)  # "Plānots: 10; sasniegts: 12." on a line of its own
        elif place == "ind" and index < last_item:
            indicators[-1].append(token.text)
            joined += 1
        elif place == "sentence" and has_indicators and index < last_item:
            between.append(token.text)
        else:
            assessment.append(token.text)
    if joined:
        read.notes.append(
            Message(
                f"{label.lv}: {joined} {count_lv(joined, 'rindkopa bez numura pievienota', 'rindkopas bez numura pievienotas')} "
                "iepriekšējam uzdevumam vai rādītājam.",
                f"{label.en}: {joined} {count_en(joined, 'paragraph', 'paragraphs')} without a number "
                f"{count_en(joined, 'was', 'were')} added to the objective or indicator before {count_en(joined, 'it', 'them')}.",
            )
        )
    if between:
        read.unplaced.extend(between)
        read.notes.append(
            Message(
                f"{label.lv}: teksts starp teikumu pirms rādītājiem un pirmo rādītāju ievietots laukā „Cita informācija”.",
                f"{label.en}: the text between the sentence before the indicators and the first indicator was put "
                "into Other information.",
            )
        )
    if not objectives and (intro or assessment):
        read.notes.append(
            Message(
                f"{label.lv}: numurēti uzdevumi (1., 2., …) netika atrasti; teksts ir ievadā"
                + (" un noslēguma vērtējumā." if assessment else "."),
                f"{label.en}: no numbered objectives (1., 2., …) were found; the text is in the introduction"
                + (" and the closing assessment." if assessment else "."),
            )
        )
    if has_sentence and not has_indicators:
        read.notes.append(
            Message(
                f"{label.lv}: pēc teikuma par rezultatīvajiem rādītājiem numurēti rādītāji (1), 2), …) netika atrasti; "
                "teksts pēc tā ir noslēguma vērtējumā.",
                f"{label.en}: no numbered indicators (1), 2), …) follow the sentence about them; the text after it "
                "is in the closing assessment.",
            )
        )
    read_indicators = [_indicator(_join(parts)) for parts in indicators]
    if from_sentence := sum(1 for _, found in read_indicators if found):
        read.notes.append(_values_note(from_sentence))
    return Narrative(
        introduction="\n".join(intro),
        objectives=[_join(parts) for parts in objectives],
        indicators=[indicator for indicator, _ in read_indicators],
        assessment="\n".join(assessment),
    )


def _join(parts: list[str]) -> str:
    return "\n".join(p for p in parts if p)


def _indicator(text: str) -> tuple[Indicator, bool]:
    """``Text. Plānots: 10; sasniegts: 12. Note`` (as our own summaries print it) → its fields;
    else the values its sentence names (``– plānots 40, sasniegts 38``), the sentence kept whole.
    The flag says the values came from the sentence."""
    m = _DETAILS.search(text) or _ACHIEVED.search(text)
    if not m:
        if (found := values_in_sentence(text)) is not None:
            return Indicator(text, *found), True
        return Indicator(text), False
    if m.re is _DETAILS:
        planned, achieved = m[1].strip(), (m[2] or "").strip()
    else:
        planned, achieved = "", m[1].strip()
    return Indicator(text[: m.start()].strip(), planned, achieved, text[m.end() :].strip()), False


def _values_note(n: int) -> Message:
    label = row_name("description")
    return Message(
        f"{label.lv}: {n} {count_lv(n, 'rādītājam', 'rādītājiem')} plānotā un sasniegtā vērtība nolasīta no "
        f"{count_lv(n, 'tā teikuma', 'to teikumiem')}; teikums saglabāts, kā rakstīts. Pārbaudiet vērtības.",
        f"{label.en}: the planned and achieved values of {n} {count_en(n, 'indicator', 'indicators')} were read "
        f"from {count_en(n, 'its sentence', 'their sentences')}; the sentence is kept as written. Check the values.",
    )
