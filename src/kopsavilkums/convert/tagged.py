"""The official document with every value tagged by the field it shows.

The Word file and the web page are laid out like the PDF — the same print model
(:func:`kopsavilkums.official.build`), word for word — but unlike the PDF they are read back, so each
piece of text they show carries where it came from: ``indicators[2].planned``, ``budget[2019].actual``,
or nothing for our own wording (the labels, ``Plānots:``, the fixed sentence). This module lays a
report out that way once, mirroring :func:`~kopsavilkums.official.build`; the writers only draw it,
and a test holds the shown text to the print model's.

Paths are the positional spelling of :mod:`kopsavilkums.fieldpath` with the row's index in the
report (``objectives[3]`` even when an empty objective before it is not shown).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from kopsavilkums import official
from kopsavilkums.fields import Part, fields_of
from kopsavilkums.formats import format_date, format_money
from kopsavilkums.official import BudgetTable, PrintModel
from kopsavilkums.report import AmountWithExplanation, Report
from kopsavilkums.validation import Problem


@dataclass(frozen=True)
class Piece:
    """A run of text: a value (``path`` set) or our own wording (``path`` empty)."""

    text: str  # as shown
    path: str = ""
    value: str | None = None  # the exact value where it differs from what is shown (untrimmed, hidden)
    empty: str = ""  # shown in place of an empty value ("Nav", "…", the default title)


@dataclass(frozen=True)
class Para:
    """A paragraph. ``role`` says what it is (see :data:`ROLES`); a numbered one has ``number``
    and the row it starts (``item``); details and continuation paragraphs name their row too."""

    role: str
    pieces: tuple[Piece, ...]
    number: str = ""
    item: str = ""
    hidden: bool = False  # a row the official document leaves out (empty), kept for exact reading
    carried_over: bool = False


#: title | fact (a header fact) | text (one text field) | period | objective | fixed (our sentence)
#: | indicator | details (an indicator's planned/achieved/note) | amount (rows 6 and 7)
ROLES = ("title", "fact", "text", "period", "objective", "fixed", "indicator", "details", "amount")


@dataclass(frozen=True)
class BudgetGrid:
    header: tuple[str, ...]
    rows: list[tuple[int, tuple[Piece, ...]]]  # the year and its amount cells
    total: tuple[str, ...]
    show_total: bool


@dataclass(frozen=True)
class Row:
    key: str  # the official row's key ("budget")
    label: str
    blocks: list[Para | BudgetGrid]


@dataclass(frozen=True)
class SignatureLine:
    label: str
    pieces: tuple[Piece, ...]  # empty: a line to sign or write on

    @property
    def blank(self) -> bool:
        return not any(p.text for p in self.pieces)


@dataclass(frozen=True)
class Tagged:
    model: PrintModel
    title: Para
    header: list[Para]
    rows: list[Row]
    signature: list[SignatureLine]
    signing: str
    prepared_by: Para
    draft: bool = False
    extra: list[Para] = field(default_factory=list)  # hidden values shown nowhere else


# ------------------------------------------------------------------------------------ cleaning

_LINE_BREAKS = re.compile("\r\n|\r|\u2028|\u2029|\x0b|\x0c|\x85")


def clean(text: str) -> str:
    """User text made safe for XML and HTML, the way the PDF treats it: line breaks normalised,
    control characters dropped (XML 1.0 cannot hold most of them, and they print as nothing in
    the PDF). Tabs and line breaks stay; invisible format characters (direction marks, joiners)
    stay too, since Word and browsers, unlike our PDF fonts, lay them out."""
    text = _LINE_BREAKS.sub("\n", text)
    if text.isprintable():
        return text
    return "".join(ch for ch in text if ch in "\t\n" or _keep(ch))


def _keep(ch: str) -> bool:
    category = unicodedata.category(ch)
    if category in ("Cc", "Cs"):
        return False
    return ch not in "\ufffe\uffff"


# ------------------------------------------------------------------------------------- layout


def layout(report: Report, problems: list[Problem] | None = None) -> Tagged:
    model = official.build(report, problems)
    r = report
    title = Para("title", (_value(r.title.strip(), "title", r.title, empty=official.DEFAULT_TITLE),))
    header, extra = [], []
    for f in fields_of(Part.HEADER):  # as the print model: shown when not blank, untrimmed
        raw = getattr(r, f.key)
        if raw.strip():
            header.append(Para("fact", (Piece(f"{(f.print_label or f.label).lv}: "), _value(raw, f.key, raw))))
        elif raw:
            extra.append(Para("fact", (_value("", f.key, raw),), hidden=True))
    rows = [
        Row("task", official.LABELS["task"], _text_paras("task", r.task)),
        Row("performer", official.LABELS["performer"], _text_paras("performer", r.performer)),
        Row("period", official.LABELS["period"], [_period(r)]),
        Row("description", official.LABELS["description"], _description(r)),
        Row("budget", official.LABELS["budget"], [_budget(r, model)] if r.budget else []),
        Row("irregular_expenditure", official.LABELS["irregular_expenditure"], _amount(r, "irregular_expenditure")),
        Row("unrecovered_amount", official.LABELS["unrecovered_amount"], _amount(r, "unrecovered_amount")),
        Row(
            "other_information",
            official.LABELS["other_information"],
            _text_paras("other_information", r.other_information, empty=official.NONE),
        ),
    ]
    return Tagged(
        model=model,
        title=title,
        header=header,
        rows=rows,
        signature=_signature(r),
        signing=r.signatory.signing,
        prepared_by=_prepared_by(r),
        draft=model.draft,
        extra=extra,
    )


def _value(shown: str, path: str, raw: str, *, empty: str = "") -> Piece:
    """A value piece: ``shown`` as the print model words it, ``raw`` kept where it differs."""
    if not shown and empty:  # the placeholder is shown; reading it back gives the empty value
        return Piece(empty, path, value=clean(raw) or None, empty=empty)
    shown, raw = clean(shown), clean(raw)
    return Piece(shown, path, value=raw if raw != shown else None)


def _text_paras(key: str, raw: str, *, empty: str = "") -> list[Para | BudgetGrid]:
    return [Para("text", (_value(raw.strip(), key, raw, empty=empty),))]


def _period(r: Report) -> Para:
    start, end = r.period.start, r.period.end
    if not start and not end:
        return Para("period", (Piece(""),))
    return Para(
        "period",
        (
            Piece(format_date(start), "period.start") if start else Piece("…", "period.start", empty="…"),
            Piece(" – "),
            Piece(format_date(end), "period.end") if end else Piece("…", "period.end", empty="…"),
        ),
    )


def _description(r: Report) -> list[Para | BudgetGrid]:
    out: list[Para | BudgetGrid] = []
    if r.introduction.strip():
        out.append(Para("text", (_value(r.introduction.strip(), "introduction", r.introduction),)))
    elif r.introduction:
        out.append(Para("text", (_value("", "introduction", r.introduction),), hidden=True))
    number = 0
    for i, o in enumerate(r.objectives):
        path = f"objectives[{i}]"
        if o.text.strip():
            number += 1
            out.append(Para("objective", (_value(o.text.strip(), path, o.text),), number=f"{number}.", item=path))
        else:
            out.append(Para("objective", (_value("", path, o.text),), item=path, hidden=True))
    if any(i.text.strip() for i in r.indicators):
        out.append(Para("fixed", (Piece(official.INDICATORS_SENTENCE),)))
    number = 0
    for i, ind in enumerate(r.indicators):
        item = f"indicators[{i}]"
        shown = bool(ind.text.strip())
        if shown:
            number += 1
        text = _value(ind.text.strip() if shown else "", f"{item}.text", ind.text)
        out.append(
            Para(
                "indicator",
                (text,),
                number=f"{number})" if shown else "",
                item=item,
                hidden=not shown,
                carried_over=ind.carried_over,
            )
        )
        details = _details(item, ind.planned, ind.achieved, ind.note, shown)
        if details is not None:
            out.append(details)
    if r.assessment.strip():
        out.append(Para("text", (_value(r.assessment.strip(), "assessment", r.assessment),)))
    elif r.assessment:
        out.append(Para("text", (_value("", "assessment", r.assessment),), hidden=True))
    return out


def _details(item: str, planned: str, achieved: str, note: str, shown: bool) -> Para | None:
    """``Plānots: 24; sasniegts: 26. Note`` in pieces, worded as the print model's details."""
    if not (planned or achieved or note):
        return None
    if not shown:
        hidden = tuple(
            _value("", f"{item}.{key}", raw)
            for key, raw in (("planned", planned), ("achieved", achieved), ("note", note))
            if raw
        )
        return Para("details", hidden, item=item, hidden=True)
    pieces: list[Piece] = []
    if planned.strip():
        pieces += [Piece("Plānots: "), _value(planned.strip(), f"{item}.planned", planned)]
    if achieved.strip():
        pieces += [
            Piece("; sasniegts: " if pieces else "Sasniegts: "),
            _value(achieved.strip(), f"{item}.achieved", achieved),
        ]
    if pieces:
        pieces.append(Piece("."))
    if note.strip():
        if pieces:
            pieces.append(Piece(" "))
        pieces.append(_value(note.strip(), f"{item}.note", note))
    # Whitespace-only values are not shown, but kept for an exact reading.
    for key, raw in (("planned", planned), ("achieved", achieved), ("note", note)):
        if raw and not raw.strip():
            pieces.append(_value("", f"{item}.{key}", raw))
    return Para("details", tuple(pieces), item=item, hidden=not any(p.text for p in pieces))


def _budget(r: Report, model: PrintModel) -> BudgetGrid:
    table = next(b for b in model.rows[4].blocks if isinstance(b, BudgetTable))
    one_column = len(table.header) == 2
    rows = []
    for b in r.budget:
        cells = []
        if not one_column:
            cells.append(_money_piece(b.planned, f"budget[{b.year}].planned"))
        cells.append(_money_piece(b.actual, f"budget[{b.year}].actual"))
        rows.append((b.year, tuple(cells)))
    return BudgetGrid(table.header, rows, table.total, show_total=len(table.rows) > 1)


def _money_piece(value, path: str) -> Piece:
    return Piece(format_money(value) if value is not None else "", path)


def _amount(r: Report, key: str) -> list[Para | BudgetGrid]:
    """Rows 6 and 7 as :func:`official._amount_or_none` words them."""
    value: AmountWithExplanation = getattr(r, key)
    raw = value.explanation
    explanation = raw.strip()
    amount_path, explanation_path = f"{key}.amount", f"{key}.explanation"
    if value.is_none:
        return [
            Para("amount", (Piece(official.NONE, explanation_path, value=clean(raw) or None, empty=official.NONE),))
        ]
    if value.amount is None:
        return [Para("amount", (_value(explanation, explanation_path, raw),))]
    money = Piece(format_money(value.amount), amount_path)
    if explanation and "\n" not in explanation and len(explanation) <= official.INLINE_EXPLANATION:
        return [Para("amount", (money, Piece(" ("), _value(explanation, explanation_path, raw), Piece(")")))]
    paras: list[Para | BudgetGrid] = [Para("amount", (money,))]
    if explanation:
        paras.append(Para("amount", (_value(explanation, explanation_path, raw),)))
    elif raw:
        paras.append(Para("amount", (_value("", explanation_path, raw),), hidden=True))
    return paras


def _signature(r: Report) -> list[SignatureLine]:
    s = r.signatory
    people: list[Piece] = []
    if s.name.strip():
        people.append(_value(s.name.strip(), "signatory.name", s.name))
    if s.position.strip():
        if people:
            people.append(Piece(", "))
        people.append(_value(s.position.strip(), "signatory.position", s.position))
    for key, raw in (("name", s.name), ("position", s.position)):
        if raw and not raw.strip():
            people.append(_value("", f"signatory.{key}", raw))
    if s.e_signed and s.date:  # the time stamp is the date: not shown, but kept for reading back
        people.append(Piece("", "signatory.date", value=format_date(s.date)))
    lines = [SignatureLine(official.REPRESENTATIVE, tuple(people))]
    if not s.e_signed:
        lines.append(SignatureLine("Paraksts", ()))
        lines.append(SignatureLine("Datums", (Piece(format_date(s.date), "signatory.date"),) if s.date else ()))
    return lines


def _prepared_by(r: Report) -> Para:
    p = r.prepared_by
    pieces: list[Piece] = []
    for key, prefix, raw in (("name", "", p.name), ("phone", "tālr. ", p.phone), ("email", "e-pasts ", p.email)):
        if raw.strip():
            if pieces:
                pieces.append(Piece(", "))
            if prefix:
                pieces.append(Piece(prefix))
            pieces.append(_value(raw.strip(), f"prepared_by.{key}", raw))
        elif raw:
            pieces.append(_value("", f"prepared_by.{key}", raw))
    return Para("prepared_by", tuple(pieces))


def shown_text(pieces: tuple[Piece, ...]) -> str:
    return "".join(p.text for p in pieces)
