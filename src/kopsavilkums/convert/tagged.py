"""The official document with every value tagged by the field it shows.

The Word file and the web page are laid out like the PDF — the same print model
(:func:`kopsavilkums.official.build`), word for word — but unlike the PDF they are read back, so each
piece of text they show carries where it came from: ``indicators[2].planned``, ``budget[2019].actual``,
or nothing for our own wording (the labels, ``Plānots:``, the fixed sentence). This module lays a
report out that way once; the writers only draw it.

**The print model has the last word.** Every text shown is the model's: a value is tagged only
where the model shows it as it is (trimmed). Where the model words it otherwise — a text over its
field's limit is cut with a note — the model's words are shown as ours and the exact value rides
along unseen (``verbatim=False``, or a hidden piece), so a page still reads back to every character.

Paths are the positional spelling of :mod:`kopsavilkums.fieldpath` with the row's index in the
report (``objectives[3]`` even when an empty objective before it is not shown).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kopsavilkums import official
from kopsavilkums.convert.cleaning import clean
from kopsavilkums.fields import Part, fields_of
from kopsavilkums.formats import format_date, format_money
from kopsavilkums.official import BudgetTable, Numbered, PrintModel, Text
from kopsavilkums.report import AmountWithExplanation, Report
from kopsavilkums.validation import Problem


@dataclass(frozen=True)
class Piece:
    """A run of text: a value (``path`` set) or our own wording (``path`` empty)."""

    text: str  # as shown
    path: str = ""
    value: str | None = None  # the exact value where it differs from what is shown (untrimmed, hidden)
    empty: str = ""  # shown in place of an empty value ("Nav", "…", the default title)
    verbatim: bool = True  # False: ``text`` is the model's rewording of the value (cut), not the value


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
#: | prepared_by | print, print_note (the model's words where no value can be tagged: a note that
#: rows are not printed, a composed line whose values were cut)
ROLES = ("title", "fact", "text", "period", "objective", "fixed", "indicator", "details", "amount", "prepared_by",
         "print", "print_note")  # fmt: skip


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


# ------------------------------------------------------------------------------------- layout


def layout(report: Report, problems: list[Problem] | None = None) -> Tagged:
    model = official.build(report, problems)
    r = report
    blocks = {official.ROWS[n].key: row.blocks for n, row in enumerate(model.rows)}
    title = Para("title", (_value(model.title, "title", r.title, empty=official.DEFAULT_TITLE),))
    header, extra = [], []
    shown_facts = iter(model.header)
    for f in fields_of(Part.HEADER):  # shown when not blank, as the print model words them
        raw = getattr(r, f.key)
        if raw.strip():
            label, value = next(shown_facts)
            header.append(Para("fact", (Piece(f"{label}: "), _value(value, f.key, raw))))
        elif raw:
            extra.append(Para("fact", (_hidden(f.key, raw),), hidden=True))
    rows = [
        Row("task", official.LABELS["task"], _single(blocks["task"], "task", r.task)),
        Row("performer", official.LABELS["performer"], _single(blocks["performer"], "performer", r.performer)),
        Row("period", official.LABELS["period"], [_period(r)]),
        Row("description", official.LABELS["description"], _description(r, blocks["description"])),
        Row("budget", official.LABELS["budget"], [_budget(r, blocks["budget"])] if r.budget else []),
        Row(
            "irregular_expenditure",
            official.LABELS["irregular_expenditure"],
            _amount(r, "irregular_expenditure", blocks["irregular_expenditure"]),
        ),
        Row(
            "unrecovered_amount",
            official.LABELS["unrecovered_amount"],
            _amount(r, "unrecovered_amount", blocks["unrecovered_amount"]),
        ),
        Row(
            "other_information",
            official.LABELS["other_information"],
            _single(blocks["other_information"], "other_information", r.other_information, empty=official.NONE),
        ),
    ]
    return Tagged(
        model=model,
        title=title,
        header=header,
        rows=rows,
        signature=_signature(r, model),
        signing=r.signatory.signing,
        prepared_by=_prepared_by(r, model),
        draft=model.draft,
        extra=extra,
    )


def _value(shown: str, path: str, raw: str, *, empty: str = "") -> Piece:
    """A value piece: ``shown`` as the print model words it, ``raw`` kept where it differs."""
    if empty and not raw.strip():  # the placeholder is shown; reading it back gives the empty value
        return Piece(empty, path, value=clean(raw) or None, empty=empty)
    shown, exact = clean(shown), clean(raw)
    return Piece(shown, path, value=exact if exact != shown else None, verbatim=shown.strip() == exact.strip())


def _hidden(path: str, raw: str) -> Piece:
    """A value the document does not show (blank, or beyond what is printed)."""
    return Piece("", path, value=clean(raw))


def _agree(shown: str, pieces: tuple[Piece, ...], role: str) -> tuple[str, tuple[Piece, ...]]:
    """``pieces`` when they say exactly what the model says (``shown``); otherwise the model's
    words, with the values hidden beside them."""
    if shown_text(pieces) == clean(shown):
        return role, pieces
    hidden = tuple(_hidden(p.path, p.text if p.value is None else p.value) for p in pieces if p.path)
    return ("print_note" if role == "details" else "print"), (Piece(clean(shown)), *hidden)


def _single(blocks: list, key: str, raw: str, *, empty: str = "") -> list[Para | BudgetGrid]:
    """A row that is one text field: the model's one Text block, tagged."""
    if len(blocks) == 1 and isinstance(blocks[0], Text):
        return [Para("text", (_value(blocks[0].text, key, raw, empty=empty),))]
    return [*_print(blocks), Para("text", (_hidden(key, raw),), hidden=True)]


def _print(blocks: list) -> list[Para | BudgetGrid]:
    """Model blocks no value can be tagged in (a note of what is not printed): shown as ours."""
    out: list[Para | BudgetGrid] = []
    for block in blocks:
        if isinstance(block, Text):
            out.append(Para("print_note" if block.kind == "note" else "print", (Piece(clean(block.text)),)))
        elif isinstance(block, Numbered):
            out.append(Para("print", (Piece(clean(f"{block.number} {block.text}")),)))
            if block.details:
                out.append(Para("print_note", (Piece(clean(block.details)),)))
    return out


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


class _Blocks:
    """The model's blocks of row 4, taken in order as the report's parts are laid out."""

    def __init__(self, blocks: list) -> None:
        self.queue = list(blocks)

    def take(self, kind: type, test=lambda block: True):
        if self.queue and isinstance(self.queue[0], kind) and test(self.queue[0]):
            return self.queue.pop(0)
        return None

    def notes(self) -> list[Para | BudgetGrid]:
        taken = []
        while self.queue and isinstance(self.queue[0], Text) and self.queue[0].kind == "note":
            taken.append(self.queue.pop(0))
        return _print(taken)


def _description(r: Report, model_blocks: list) -> list[Para | BudgetGrid]:
    blocks = _Blocks(model_blocks)
    body = lambda block: block.kind == "body"  # noqa: E731
    out: list[Para | BudgetGrid] = []
    out += _text_part(blocks, body, "introduction", r.introduction)
    for i, o in enumerate(r.objectives):
        path = f"objectives[{i}]"
        shown = blocks.take(Numbered, lambda b: b.number.endswith(".")) if o.text.strip() else None
        if shown is not None:
            out.append(Para("objective", (_value(shown.text, path, o.text),), number=shown.number, item=path))
        else:
            out.append(Para("objective", (_hidden(path, o.text),), item=path, hidden=True))
    out += blocks.notes()
    fixed = blocks.take(Text, lambda b: b.kind == "fixed")
    if fixed is not None:
        out.append(Para("fixed", (Piece(fixed.text),)))
    for i, ind in enumerate(r.indicators):
        item = f"indicators[{i}]"
        shown = blocks.take(Numbered, lambda b: b.number.endswith(")")) if ind.text.strip() else None
        if shown is None:
            values = [("planned", ind.planned), ("achieved", ind.achieved), ("note", ind.note)]
            hidden = (_hidden(f"{item}.text", ind.text),) + tuple(  # the row itself, even when empty
                _hidden(f"{item}.{key}", raw) for key, raw in values if raw
            )
            out.append(Para("indicator", hidden, item=item, hidden=True, carried_over=ind.carried_over))
            continue
        text = _value(shown.text, f"{item}.text", ind.text)
        out.append(Para("indicator", (text,), number=shown.number, item=item, carried_over=ind.carried_over))
        details = _details(item, ind.planned, ind.achieved, ind.note)
        if details:
            role, pieces = _agree(shown.details, details, "details")
            out.append(Para(role, pieces, item=item, hidden=not any(p.text for p in pieces)))
    out += blocks.notes()
    out += _text_part(blocks, body, "assessment", r.assessment)
    return out + _print(blocks.queue)


def _text_part(blocks: _Blocks, body, key: str, raw: str) -> list[Para | BudgetGrid]:
    shown = blocks.take(Text, body) if raw.strip() else None
    if shown is not None:
        return [Para("text", (_value(shown.text, key, raw),))]
    return [Para("text", (_hidden(key, raw),), hidden=True)] if raw else []


def _details(item: str, planned: str, achieved: str, note: str) -> tuple[Piece, ...]:
    """``Plānots: 24; sasniegts: 26. Note`` in pieces, worded as the print model's details."""
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
    pieces += [_hidden(f"{item}.{key}", raw) for key, raw in (("planned", planned), ("achieved", achieved),
               ("note", note)) if raw and not raw.strip()]  # fmt: skip
    return tuple(pieces)


def _budget(r: Report, blocks: list) -> BudgetGrid:
    table = next(b for b in blocks if isinstance(b, BudgetTable))
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


def _amount(r: Report, key: str, blocks: list) -> list[Para | BudgetGrid]:
    """Rows 6 and 7: an amount, its explanation (in brackets when short) or ``Nav``."""
    value: AmountWithExplanation = getattr(r, key)
    raw = value.explanation
    amount_path, explanation_path = f"{key}.amount", f"{key}.explanation"
    shown = [clean(b.text) for b in blocks if isinstance(b, Text)]
    money = Piece(format_money(value.amount), amount_path) if value.amount is not None else None
    paras: list[Para | BudgetGrid] = []
    if value.is_none:
        paras = [Para("amount", (_value("", explanation_path, raw, empty=official.NONE),))]
    elif money is None:
        paras = [Para("amount", (_value(shown[0] if shown else "", explanation_path, raw),))]
    elif len(shown) == 1 and shown[0].startswith(money.text + " (") and shown[0].endswith(")"):
        inner = shown[0][len(money.text) + 2 : -1]  # "412,50 euro (explanation)"
        paras = [Para("amount", (money, Piece(" ("), _value(inner, explanation_path, raw), Piece(")")))]
    elif shown and shown[0] == money.text:
        paras = [Para("amount", (money,))]
        if len(shown) == 2:
            paras.append(Para("amount", (_value(shown[1], explanation_path, raw),)))
        elif raw:
            paras.append(Para("amount", (_hidden(explanation_path, raw),), hidden=True))
    if [shown_text(p.pieces) for p in paras if isinstance(p, Para) and not p.hidden] == shown:
        return paras
    values = [(amount_path, money.text if money else ""), (explanation_path, raw)]
    return [*_print(blocks), Para("amount", tuple(_hidden(path, v) for path, v in values if v), hidden=True)]


def _signature(r: Report, model: PrintModel) -> list[SignatureLine]:
    s = r.signatory
    people: list[Piece] = []
    if s.name.strip():
        people.append(_value(s.name.strip(), "signatory.name", s.name))
    if s.position.strip():
        if people:
            people.append(Piece(", "))
        people.append(_value(s.position.strip(), "signatory.position", s.position))
    people += [_hidden(f"signatory.{k}", raw) for k, raw in (("name", s.name), ("position", s.position))
               if raw and not raw.strip()]  # fmt: skip
    if s.e_signed and s.date:  # the time stamp is the date: not shown, but kept for reading back
        people.append(Piece("", "signatory.date", value=format_date(s.date)))
    _, pieces = _agree(model.signature[0][1], tuple(people), "signature")
    lines = [SignatureLine(official.REPRESENTATIVE, pieces)]
    if not s.e_signed:
        lines.append(SignatureLine("Paraksts", ()))
        lines.append(SignatureLine("Datums", (Piece(format_date(s.date), "signatory.date"),) if s.date else ()))
    return lines


def _prepared_by(r: Report, model: PrintModel) -> Para:
    p = r.prepared_by
    pieces: list[Piece] = []
    given = False  # as the model joins them: a value that is not blank gets its comma
    for key, prefix, raw in (("name", "", p.name), ("phone", "tālr. ", p.phone), ("email", "e-pasts ", p.email)):
        if raw.strip():
            if given:
                pieces.append(Piece(", "))
            given = True
            if prefix:
                pieces.append(Piece(prefix))
            pieces.append(_value(raw.strip(), f"prepared_by.{key}", raw))
        elif raw:
            pieces.append(_hidden(f"prepared_by.{key}", raw))
    _, agreed = _agree(model.prepared_by, tuple(pieces), "prepared_by")
    return Para("prepared_by", agreed)


def shown_text(pieces: tuple[Piece, ...]) -> str:
    return "".join(p.text for p in pieces)
