"""A Word file we wrote, read as it shows itself (after someone edited it): styles name the fields.

See :mod:`kopsavilkums.convert.own.word` for when this runs and :mod:`kopsavilkums.convert.own.word_styles` for the style names.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from kopsavilkums import official
from kopsavilkums.convert.own.word_styles import (
    BOOKMARK_PREFIX,
    FORM,
    NUMBER,
    PARAGRAPH_KEYS,
    PREFIX,
    RUN_KEYS,
    TEXT_FIELDS,
)
from kopsavilkums.convert.readers.dates import YEAR
from kopsavilkums.fields import FIELDS, Field, Kind, Part, field, fields_of, keys_under
from kopsavilkums.formats import OPEN_END, PERIOD_DASH, FormatError, parse_amount, parse_date
from kopsavilkums.messages import Message
from kopsavilkums.report import (
    BY_HAND,
    E_SIGNATURE,
    BudgetRow,
    Indicator,
    Objective,
    Report,
)


def _home(keys: list[str]) -> str:
    """Of the fields a composed paragraph shows, the one that takes text typed beside the values:
    the text that takes the most (the first of equals), else the only value."""
    return max((field(key) for key in keys), key=lambda f: (f.limit or 0) if f.is_text else -1).key


#: The fields each composed paragraph (by its role) shows, from the table.
_COMPOSED = {
    "details": [f.key for f in FIELDS if f.key.startswith("indicators[].") and f.key not in TEXT_FIELDS
                and f.kind is not Kind.FLAG],
    "irregular_expenditure": [f"irregular_expenditure.{k}" for k in keys_under("irregular_expenditure")],
    "unrecovered_amount": [f"unrecovered_amount.{k}" for k in keys_under("unrecovered_amount")],
    "signature.people": [f.key for f in fields_of(Part.SIGNATURE) if f.is_text],
    "signature.date": [f.key for f in fields_of(Part.SIGNATURE) if f.kind is Kind.DATE],
    "prepared_by": [f.key for f in fields_of(Part.PREPARED_BY)],
}  # fmt: skip
#: Where text that is not inside a value of a composed paragraph goes (a line of a field the model
#: shows after its label, or a header fact, has one value: the text joins it).
_HOME = {role: _home(keys) for role, keys in _COMPOSED.items()}
#: Our own paragraphs that hold no value (labels, headings of the budget table, its total).
_FORM_PARAGRAPHS = {"label", "budget.head", "budget.total", "signature.label", "footer", "draft", "print", "print_note"}
#: What the document shows in place of an empty value.
_PLACEHOLDERS = {
    "other_information": official.NONE,
    "irregular_expenditure.explanation": official.NONE,
    "unrecovered_amount.explanation": official.NONE,
    "period.start": OPEN_END,
    "period.end": OPEN_END,
}
_YEAR = re.compile(rf"\b({YEAR})\b")
_LISTS = ("objectives", "indicators", "budget")


@dataclass
class Paragraph:
    """What reading needs of one Word paragraph: its style, its runs' styles and texts."""

    style: str  # the style's name ("" when none)
    runs: list[tuple[str, str]]  # (character style name or "", text), neighbours of one style merged
    bookmarks: list[str] = dataclasses.field(default_factory=list)
    container: int = 0  # 0: the body; else one table cell

    @property
    def text(self) -> str:
        return "".join(text for _, text in self.runs)


#: Our own wording inside composed paragraphs: form runs made only of these are not values.
FORM_WORDS = (
    official.INDICATORS_SENTENCE,
    official.E_SIGNATURE_NOTE,
    f"{official.PREPARED_BY}: ",
    *(f"{official.printed_label(f.key)}: " for f in official.labelled()),  # header facts, other lines
    official.AND_ACHIEVED,
    official.ACHIEVED,
    official.PLANNED,
    official.EMAIL,
    official.PHONE,
    PERIOD_DASH,
    " (",
    ", ",
    ")",
    OPEN_END,
    ".",
    " ",
)
FORM_PATTERN = re.compile("(?:" + "|".join(re.escape(w) for w in FORM_WORDS) + ")*")
NUMBER_PATTERN = re.compile(r"^\s*\d{1,4}[.)]\s+")

Slot = tuple[str, int, str]  # (field key, row number or -1, attribute) — one place a value goes


class _Reading:
    def __init__(self, draft: dict | None) -> None:
        # Per slot its paragraphs, each as its pieces: joined once at the end, so that a value
        # of many runs costs what its text does (adding to a string copies it each time).
        self.values: dict[Slot, list[list[str]]] = {}
        self.rows: dict[str, list[dict]] = {name: [] for name in _LISTS}  # per row: its source index, year
        self.unplaced: list[tuple[str, str]] = []
        self.signing = BY_HAND
        self.draft = draft
        self.last: tuple[int, Slot] | None = None  # the last text value: (container, slot)
        self.unknown_last = ""  # the unknown field the last paragraph was (its next one joins it)

    # ------------------------------------------------------------------------------ collecting

    def add(self, slot: Slot, text: str, *, new_paragraph: bool) -> None:
        paragraphs = self.values.get(slot)
        if paragraphs is None:
            self.values[slot] = [[text]]
        elif new_paragraph:
            paragraphs.append([text])
        else:
            paragraphs[-1].append(text)

    def slot(self, key: str) -> Slot:
        """The slot of field ``key``; a row field goes to the current row of its list."""
        head = key.split("[")[0]
        if "[]" not in key:
            return (key, -1, "")
        if not self.rows[head]:
            self.start_row(head)
        return (key, len(self.rows[head]) - 1, "")

    def start_row(self, head: str, **info) -> None:
        self.rows[head].append(info)

    def stray(self, paragraph: Paragraph, text: str) -> None:
        """A paragraph (or text) that is no value of ours: it joins the text value before it in
        the same cell, or is kept for *Cita informācija*."""
        if self.last and self.last[0] == paragraph.container:
            self.add(self.last[1], text, new_paragraph=True)
        else:
            self.unplaced.append(("", text))

    def unknown(self, style: str, text: str) -> None:
        """The value of a field this version does not know (a newer one wrote the file): kept
        under its name, never glued onto a value before it; its paragraphs stay together."""
        name = style.removeprefix(PREFIX)
        if self.unknown_last == name:
            where, before = self.unplaced[-1]
            self.unplaced[-1] = (where, f"{before}\n\n{text}")
        elif text.strip():
            self.unplaced.append((name, text))
            self.unknown_last = name

    # ------------------------------------------------------------------------------ paragraphs

    def read(self, paragraph: Paragraph) -> None:
        key = PARAGRAPH_KEYS.get(paragraph.style)
        text = paragraph.text
        if key is None and _unknown_field(paragraph.style):
            self.unknown(paragraph.style, text)
            return
        self.unknown_last = ""
        if key in _FORM_PARAGRAPHS:
            return
        if key is None or key in ("fixed", "signature.line"):
            if text.strip() and not (key == "fixed" and text.strip() == official.INDICATORS_SENTENCE):
                self.stray(paragraph, text)
            return
        if key == "e_signature":
            if text.strip():
                self.signing = E_SIGNATURE
            return
        if key == "budget.year":
            year = _YEAR.search(text)
            self.start_row("budget", year=int(year.group(1)) if year else None, label=text)
            return
        if key in ("budget.planned", "budget.actual"):
            if self.rows["budget"]:
                self.add(self.slot(f"budget[].{key.split('.')[1]}"), text, new_paragraph=False)
            elif text.strip():
                self.unplaced.append((official.LABELS["budget"], text))
            return
        if key in ("objectives[]", "indicators[].text"):
            self._numbered(paragraph, key)
            return
        if key in TEXT_FIELDS:
            slot = self.slot(key)  # a text field: task, performer, the narrative, …
            self.add(slot, _without_form(paragraph.runs), new_paragraph=True)
            self.last = (paragraph.container, slot)
            return
        self._composed(paragraph, key)

    def _numbered(self, paragraph: Paragraph, key: str) -> None:
        head = key.split("[")[0]
        runs = [(style, text) for style, text in paragraph.runs if style != NUMBER]
        numbered = len(runs) < len(paragraph.runs)
        text = "".join(t for _, t in runs)
        typed = NUMBER_PATTERN.match(text)
        if typed and not numbered:  # someone added a row by typing its number
            text, numbered = text[typed.end() :], True
        if numbered or not self.rows[head]:
            source = next(
                (int(b[len(BOOKMARK_PREFIX) + len(head) + 1 :]) for b in paragraph.bookmarks if _is_row_mark(b, head)),
                None,
            )
            self.start_row(head, source=source)
        slot = self.slot(key)
        self.add(slot, text, new_paragraph=True)
        self.last = (paragraph.container, slot)

    def _composed(self, paragraph: Paragraph, key: str) -> None:
        """A paragraph of our wording and values, each value in its character style."""
        home = _HOME.get(key)
        seen: set[Slot] = set()
        for style, text in paragraph.runs:
            value_key = RUN_KEYS.get(style)
            if value_key is None:
                if style == FORM and FORM_PATTERN.fullmatch(text):
                    continue
                if _unknown_field(style):
                    self.unknown(style, text)
                    continue
                value_key = home or next((RUN_KEYS[s] for s, _ in paragraph.runs if s in RUN_KEYS), None)
                if value_key is None:
                    if text.strip():
                        self.unplaced.append((_where(key), text))
                    continue
            slot = self.slot(value_key)
            self.add(slot, text, new_paragraph=slot not in seen)
            seen.add(slot)
            if field(value_key).is_text:
                self.last = (paragraph.container, slot)

    # ------------------------------------------------------------------------------- the report

    def report(self) -> tuple[Report, list[Message]]:
        notes: list[Message] = []
        r = Report()
        # In the table's order, so that notes come in the order of the document.
        for f in FIELDS:
            if f.key == "objectives":
                r.objectives = [Objective(self.text("objectives[]", n)) for n in range(len(self.rows["objectives"]))]
            elif f.key == "indicators":
                r.indicators = list(self._indicators())
            elif f.key == "budget":
                r.budget = list(self._budget(notes))
            elif f.key == "signatory.signing":
                r.signatory.signing = self.signing  # shown by the e-signature note, not by a value
            elif f.key == "signatory.date" and self.signing == E_SIGNATURE and not self.text(f.key).strip():
                r.signatory.date = _drafted_date(self.draft, f.key)  # its time stamp is the date: not shown
            elif not f.is_row_field and f.kind is not Kind.FLAG:
                r.set_at(f.key, self.value(f, notes))
        if self.unplaced:
            kept = "\n\n".join(f"{where}: {text}" if where else text for where, text in self.unplaced)
            r.other_information = f"{r.other_information}\n\n{kept}" if r.other_information else kept
            notes.append(
                Message(
                    lv="Teksts, kam Word failā nebija vietas kopsavilkuma laukos, pievienots laukam „Cita informācija”.",
                    en='Text of the Word file that had no place among the fields was added to "Other information".',
                )
            )
        return r, notes

    def value(self, f: Field, notes: list[Message]) -> object:
        if f.kind is Kind.DATE:
            return self.date(f.key, notes)
        if f.kind is Kind.AMOUNT:
            return self.amount(f.key, notes)
        return self.text(f.key)

    def text(self, key: str, row: int = -1) -> str:
        value = "\n\n".join("".join(pieces) for pieces in self.values.get((key, row, ""), []))
        placeholder = _PLACEHOLDERS.get(key)
        return "" if placeholder is not None and value.strip() == placeholder else value

    def date(self, key: str, notes: list[Message]) -> date | None:
        text = self.text(key).strip()
        if not text:
            return None
        try:
            return parse_date(text)
        except FormatError as error:
            self._unreadable(key, text, error, notes)
            return None

    def amount(self, key: str, notes: list[Message], row: int = -1) -> Decimal | None:
        text = self.text(key, row).strip()
        if not text:
            return None
        try:
            return parse_amount(text)
        except FormatError as error:
            self._unreadable(key, text, error, notes)
            return None

    def _unreadable(self, key: str, text: str, error: FormatError, notes: list[Message]) -> None:
        name = field(key).label
        self.unplaced.append((name.lv, text))
        notes.append(Message(f"{name.lv}: {error.message.lv}", f"{name.en}: {error.message.en}"))

    def _indicators(self) -> Iterator[Indicator]:
        sources = (self.draft or {}).get("report", {}).get("indicators") or []
        for n, info in enumerate(self.rows["indicators"]):
            source = info.get("source")
            carried = False
            if source is not None and 0 <= source < len(sources) and isinstance(sources[source], dict):
                carried = sources[source].get("carried_over") is True
            yield Indicator(
                self.text("indicators[].text", n),
                self.text("indicators[].planned", n),
                self.text("indicators[].achieved", n),
                self.text("indicators[].note", n),
                carried_over=carried,
            )

    def _budget(self, notes: list[Message]) -> Iterator[BudgetRow]:
        years: set[int] = set()
        for n, info in enumerate(self.rows["budget"]):
            year = info.get("year")
            if year is None or year in years:  # no year, or a year twice (a copied row): kept as text
                shown = " ".join(t for k in ("planned", "actual") if (t := self.text(f"budget[].{k}", n).strip()))
                if shown or info.get("label", "").strip():
                    self.unplaced.append((official.LABELS["budget"], f"{info.get('label', '')} {shown}".strip()))
                continue
            planned = self.amount("budget[].planned", notes, n)
            actual = self.amount("budget[].actual", notes, n)
            years.add(year)
            yield BudgetRow(year, planned, actual)


def _drafted_date(draft: dict | None, key: str) -> date | None:
    """A date the page does not show, as the draft holds it (None without one)."""
    value: object = (draft or {}).get("report", {})
    for part in key.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    try:
        return date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def _is_row_mark(bookmark: str, head: str) -> bool:
    prefix = f"{BOOKMARK_PREFIX}{head}_"
    return bookmark.startswith(prefix) and bookmark[len(prefix) :].isdigit()


def _without_form(runs: list[tuple[str, str]]) -> str:
    return "".join(text for style, text in runs if not (style == FORM and FORM_PATTERN.fullmatch(text)))


_KNOWN_STYLES = frozenset((FORM, NUMBER, *PARAGRAPH_KEYS, *RUN_KEYS))


def _unknown_field(style: str) -> bool:
    """A style of ours (by its name) that names no field or role this version knows."""
    return style.startswith(PREFIX) and style not in _KNOWN_STYLES


def _where(key: str) -> str:
    return {"period": official.LABELS["period"], "fact": "Galvene"}.get(key, key)


def read_visible(paragraphs: list[Paragraph], draft: dict | None) -> tuple[Report, list[Message]]:
    reading = _Reading(draft)
    for paragraph in paragraphs:
        reading.read(paragraph)
    return reading.report()
