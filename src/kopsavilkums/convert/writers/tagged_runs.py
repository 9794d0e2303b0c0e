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
A line the model composes of values and its own words (an indicator's details, the period, rows 6
and 7, the signatory, who prepared it) comes from the model in runs that name their fields
(:class:`kopsavilkums.official.Run`): this module tags them and words nothing itself.

Paths are the positional spelling of :mod:`kopsavilkums.fieldpath` with the row's index in the
report (``objectives[3]`` even when an empty objective before it is not shown).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kopsavilkums import fields, official
from kopsavilkums.convert.writers.cleaning import clean
from kopsavilkums.fields import Part, fields_of
from kopsavilkums.formats import format_date, format_money
from kopsavilkums.official import BudgetTable, Numbered, PrintModel, Runs, Text, joined
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
#: | prepared_by | field (a field the model shows after its label at the end of its row)
#: | print, print_note (the model's words where no value can be tagged: a note that rows are not
#: printed, a composed line whose values were cut)
ROLES = ("title", "fact", "text", "period", "objective", "fixed", "indicator", "details", "amount", "prepared_by",
         "field", "print", "print_note")  # fmt: skip


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
    # Each row's own blocks; the lines of fields no line of the model words come after them.
    blocks = {
        official.ROWS[n].key: [b for b in row.blocks if not (isinstance(b, Text) and b.kind == "field")]
        for n, row in enumerate(model.rows)
    }
    title = Para("title", (_value(model.title, "title", r.title, empty=official.DEFAULT_TITLE),))
    header, extra = [], []
    shown_facts = iter(model.header)
    for f in fields_of(Part.HEADER):  # shown when not blank, as the print model words them
        raw = official.value_text(r, f.key)
        if raw.strip():
            label, value = next(shown_facts)
            header.append(Para("fact", (Piece(f"{label}: "), _value(value, f.key, raw))))
        elif raw:
            extra.append(Para("fact", (_hidden(f.key, raw),), hidden=True))
    rows = [
        Row("task", official.LABELS["task"], _single(blocks["task"], "task", r.task)),
        Row("performer", official.LABELS["performer"], _single(blocks["performer"], "performer", r.performer)),
        Row("period", official.LABELS["period"], [_period(r, blocks["period"])]),
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
    for row, printed in zip(rows, model.rows, strict=True):
        row.blocks.extend(_labelled(r, row.key, printed.blocks))
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


def _pieces(runs: Runs, values: dict[str, str]) -> tuple[Piece, ...]:
    """A composed line of the model as pieces; ``values`` holds the exact value of each field the
    line is made of (path → text). A run of a blank value shows what prints in its place (``Nav``,
    ``…``); a value the line does not show rides along hidden after it."""
    shown = {run.path for run in runs}
    pieces = [
        _value(run.text, run.path, values[run.path], empty=run.text if not values[run.path].strip() else "")
        if run.path
        else Piece(run.text)
        for run in runs
    ]
    return (*pieces, *(_hidden(path, raw) for path, raw in values.items() if raw and path not in shown))


def _line(runs: Runs, values: dict[str, str], role: str) -> tuple[str, tuple[Piece, ...]]:
    """A composed line as one paragraph's pieces. Where the model shows a value cut, the line
    is shown as the model's words (role ``print`` or ``print_note``) with every value hidden
    beside it: no part of a composed line can say which part of a value was cut."""
    pieces = _pieces(runs, values)
    if all(p.verbatim for p in pieces):
        return role, pieces
    hidden = tuple(_hidden(p.path, p.text if p.value is None else p.value) for p in pieces if p.path)
    return ("print_note" if role == "details" else "print"), (Piece(clean(joined(runs))), *hidden)


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


def _labelled(r: Report, row_key: str, blocks: list) -> list[Para | BudgetGrid]:
    """The fields of a row that the model shows as ``Label: value`` lines
    (:func:`kopsavilkums.official.labelled_in_row`): each line tagged, or its value hidden where
    the model prints none (a blank text)."""
    lines = {b.runs[-1].path: b for b in blocks if isinstance(b, Text) and b.kind == "field"}
    out: list[Para | BudgetGrid] = []
    for f in official.labelled_in_row(fields.row(row_key).number):
        raw = official.value_text(r, f.key)
        if f.key in lines:
            out.append(Para(*_line(lines[f.key].runs, {f.key: raw}, "field")))
        elif raw:
            out.append(Para("field", (_hidden(f.key, raw),), hidden=True))
    return out


def _period(r: Report, blocks: list) -> Para:
    start, end = r.period.start, r.period.end
    runs = blocks[0].runs if len(blocks) == 1 and isinstance(blocks[0], Text) else ()
    values = {"period.start": format_date(start) if start else "", "period.end": format_date(end) if end else ""}
    return Para("period", _pieces(runs, values) or (Piece(""),))


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
        exact = {f"{item}.{key}": getattr(ind, key) for key in ("planned", "achieved", "note")}
        role, pieces = _line(shown.detail_runs, exact, "details")
        if pieces:
            out.append(Para(role, pieces, item=item, hidden=not any(p.text for p in pieces)))
    out += blocks.notes()
    out += _text_part(blocks, body, "assessment", r.assessment)
    return out + _print(blocks.queue)


def _text_part(blocks: _Blocks, body, key: str, raw: str) -> list[Para | BudgetGrid]:
    shown = blocks.take(Text, body) if raw.strip() else None
    if shown is not None:
        return [Para("text", (_value(shown.text, key, raw),))]
    return [Para("text", (_hidden(key, raw),), hidden=True)] if raw else []


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
    values = {
        f"{key}.amount": format_money(value.amount) if value.amount is not None else "",
        f"{key}.explanation": value.explanation,
    }
    paras: list[Para | BudgetGrid] = []
    for block in blocks:
        runs = block.runs if isinstance(block, Text) else ()
        paras.append(Para("amount", _pieces(runs, {run.path: values[run.path] for run in runs if run.path})))
    shown = {run.path for block in blocks if isinstance(block, Text) for run in block.runs}
    unseen = tuple(_hidden(path, raw) for path, raw in values.items() if raw and path not in shown)
    return paras + ([Para("amount", unseen, hidden=True)] if unseen else [])


def _signature(r: Report, model: PrintModel) -> list[SignatureLine]:
    """The model's signature lines tagged; a value none of them shows (a blank name, the date of
    an e-signed summary, which its time stamp gives) rides along unseen on the first."""
    s = r.signatory
    values = {"signatory.name": s.name, "signatory.position": s.position}
    values["signatory.date"] = format_date(s.date) if s.date else ""
    shown = {run.path for line in model.signature_lines for run in line.runs}
    lines = []
    for n, line in enumerate(model.signature_lines):
        paths = {run.path for run in line.runs} | (set(values) - shown if n == 0 else set())
        _, pieces = _line(line.runs, {path: raw for path, raw in values.items() if path in paths}, "signature")
        lines.append(SignatureLine(line.label, pieces))
    return lines


def _prepared_by(r: Report, model: PrintModel) -> Para:
    values = {f.key: str(r.value_at(f.key)) for f in fields_of(Part.PREPARED_BY)}
    _, pieces = _line(model.prepared_by_runs, values, "prepared_by")
    return Para("prepared_by", pieces)
