"""The tagged layout of the Word file and the web page takes the lines the print model composes
(an indicator's details, the period, rows 6 and 7, the signatory, who prepared it) from the model,
run by run: each value is tagged with its field wherever the model shows it whole, whatever
combination of values is blank — the layout never words such a line itself, so it cannot drift
from the model into the untagged ``print`` fallback."""

from __future__ import annotations

import ast
import itertools
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kopsavilkums import official
from kopsavilkums.convert.own.web_page import read_own_html
from kopsavilkums.convert.writers import tagged_runs
from kopsavilkums.convert.writers.cleaning import clean
from kopsavilkums.convert.writers.tagged_runs import Para, Piece, layout
from kopsavilkums.convert.writers.web_page import html_page
from kopsavilkums.convert.writers.word import docx_bytes
from kopsavilkums.fieldpath import FieldPath
from kopsavilkums.fields import field
from kopsavilkums.formats import format_date, format_money
from kopsavilkums.official import Numbered, Text, joined, print_limit
from kopsavilkums.report import AmountWithExplanation, Indicator, Report

from .exporttools import document, docx_paragraphs, model_paragraphs, model_row_texts, page_row_texts

#: What a value can be: empty, white space only (kept, not shown), a value with white space
#: around it (shown trimmed), or over its print limit (shown cut with a note).
STATES = ("", " \t ", " 24 ", "OVER")
AMOUNTS = (None, Decimal("412.50"))
EXPLANATIONS = ("", "  ", "reprezentācijas izdevumi", "Pirmā rinda.\nOtrā rinda.", "garš " * 100, "OVER")
SIGNERS = list(itertools.product(STATES, STATES, (None, date(2024, 1, 29)), ("by_hand", "e_signature")))
PREPARERS = list(itertools.product(STATES, repeat=3))
DETAILS = list(itertools.product(STATES, repeat=3))
EXPLAINED = list(itertools.product(AMOUNTS, EXPLANATIONS))
PERIODS = list(itertools.product((None, date(2021, 4, 1)), (None, date(2023, 12, 31))))


def _value(state: str, key: str) -> str:
    """``state`` as a value of the field ``key``; ``OVER`` is just over the field's limit."""
    return "ļ" * (print_limit(key) + 5) if state == "OVER" else state


def combination(n: int) -> Report:
    """The ``n``-th report of :func:`every_combination`."""
    r = Report(title="T", task="Uzdevums", performer="Biedrība")
    r.period.start, r.period.end = PERIODS[n % len(PERIODS)]
    planned, achieved, note = (
        _value(s, f"indicators[].{k}") for s, k in zip(DETAILS[n], ("planned", "achieved", "note"), strict=True)
    )
    # An empty indicator first: the paths count it (indicators[1]) though the document does not.
    r.indicators = [Indicator(""), Indicator("Rādītājs", planned, achieved, note)]
    for key, (amount, explanation) in (
        ("irregular_expenditure", EXPLAINED[n % len(EXPLAINED)]),
        ("unrecovered_amount", EXPLAINED[(n * 5) % len(EXPLAINED)]),
    ):
        setattr(r, key, AmountWithExplanation(amount, _value(explanation, f"{key}.explanation")))
    name, position, signed, signing = SIGNERS[n]
    r.signatory.name, r.signatory.position = _value(name, "signatory.name"), _value(position, "signatory.position")
    r.signatory.date, r.signatory.signing = signed, signing
    values = (_value(s, f"prepared_by.{k}") for s, k in zip(PREPARERS[n], ("name", "phone", "email"), strict=True))
    r.prepared_by.name, r.prepared_by.phone, r.prepared_by.email = values
    return r


def every_combination() -> list[Report]:
    """Each composed line in every combination of blank, white-space, trimmed and cut values
    (64 reports: the combinations of one line are spread over them)."""
    assert len(SIGNERS) == len(PREPARERS) == len(DETAILS) == 64
    return [combination(n) for n in range(64)]


# ----------------------------------------------------------------------------------- checks


def _exact(report: Report, path: str) -> str:
    """The value at ``path`` as the layout keeps it: text, an amount or a date as it prints."""
    if path.startswith("indicators["):
        head, _, key = path.partition(".")
        return getattr(report.indicators[int(head[len("indicators[") : -1])], key)
    value = report.value_at(path)
    if isinstance(value, Decimal):
        return format_money(value)
    if isinstance(value, date):
        return format_date(value)
    return "" if value is None else str(value)


def _cut(report: Report, runs) -> bool:
    """Whether the model shows one of the line's values cut (over its limit)."""
    return any(run.path and len(_exact(report, run.path)) > _limit(run.path) for run in runs)


def _limit(path: str) -> int:
    limit = field(FieldPath.parse(path).key).limit
    return limit if limit is not None else 10**9  # an amount or a date: never cut


def check_line(
    report: Report, runs, pieces: tuple[Piece, ...], *, tagged_role: bool = True, whole: bool = True
) -> None:
    """``pieces`` show what the model's ``runs`` say: run by run, each value tagged with its
    field — unless a value is cut and the line is shown ``whole``: then the model's words,
    untagged, with the values hidden. Either way every value of the line rides along exactly."""
    shown = [(p.text, p.path or None) for p in pieces if p.text]
    if whole and _cut(report, runs):
        assert shown == [(clean(joined(runs)), None)]
    else:
        assert tagged_role, "a line without a cut value fell back to the model's untagged words"
        assert shown == [(clean(r.text), r.path) for r in runs if clean(r.text)]
    kept = {p.path: (p.value if p.value is not None else p.text) for p in pieces if p.path}
    for path in {r.path for r in runs if r.path}:
        raw = _exact(report, path)
        assert not raw or kept[path] == clean(raw), path


def check(report: Report) -> None:
    model, t = official.build(report), layout(report)
    rows = {row.key: row for row in t.rows}
    model_rows = {official.ROWS[n].key: row for n, row in enumerate(model.rows)}

    (indicator,) = [b for b in model_rows["description"].blocks if isinstance(b, Numbered)]
    details = [p for p in rows["description"].blocks if isinstance(p, Para) and p.item == "indicators[1]"][1:]
    visible = [p for p in details if not p.hidden]
    if indicator.details:
        (para,) = visible
        check_line(report, indicator.detail_runs, para.pieces, tagged_role=para.role == "details")
        assert (para.role == "details") != _cut(report, indicator.detail_runs)
    else:
        assert not visible

    for key in ("period", "irregular_expenditure", "unrecovered_amount"):
        texts = [b for b in model_rows[key].blocks if isinstance(b, Text)]
        paras = [p for p in rows[key].blocks if isinstance(p, Para) and not p.hidden]
        assert [p.role for p in paras] == [key if key == "period" else "amount"] * len(texts)
        for text, para in zip(texts, paras, strict=True):
            assert text.runs or not text.text, f"{key}: a composed paragraph without its runs"
            # A paragraph of rows 6 and 7 shows a cut value as the model words it, still tagged_runs.
            check_line(report, text.runs, para.pieces, whole=False)

    assert [line.label for line in t.signature] == [line.label for line in model.signature_lines]
    for line, shown in zip(model.signature_lines, t.signature, strict=True):
        check_line(report, line.runs, shown.pieces)
    check_line(report, model.prepared_by_runs, t.prepared_by.pieces)


@pytest.mark.parametrize("n", range(64))
def test_every_composed_line_is_tagged_value_by_value(n):
    check(combination(n))


def test_the_combinations_cover_the_fallback_and_the_blank_lines():
    """The combinations include cut values (the fallback), fully blank lines and white space."""
    reports = every_combination()
    roles = [p.role for r in reports for row in layout(r).rows for p in row.blocks if isinstance(p, Para)]
    assert roles.count("details") > 0 and roles.count("print_note") > 0
    assert sum(not official.build(r).prepared_by for r in reports) > 1


@pytest.mark.parametrize("n", range(0, 64, 3))
def test_the_web_page_and_word_file_show_the_model_and_read_back_exactly(n):
    report = combination(n)
    page = html_page(report)
    assert page_row_texts(page) == model_row_texts(report)
    assert document(read_own_html(page)) == document(report)
    assert docx_paragraphs(docx_bytes(report)) == model_paragraphs(report)


value = st.one_of(st.text(max_size=12), st.sampled_from(["", " ", "\n", "OVER"]))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    values=st.lists(value, min_size=9, max_size=9),
    amounts=st.tuples(st.sampled_from(AMOUNTS), st.sampled_from(AMOUNTS)),
    signed=st.sampled_from([None, date(2024, 1, 29)]),
    e_signed=st.booleans(),
)
def test_any_values_are_tagged_from_the_models_runs(values, amounts, signed, e_signed):
    r = Report(title="T")
    v = iter(values)
    keys = ("planned", "achieved", "note")
    r.indicators = [Indicator(""), Indicator("Rādītājs", *(_value(next(v), f"indicators[].{k}") for k in keys))]
    for key, amount in zip(("irregular_expenditure", "unrecovered_amount"), amounts, strict=True):
        setattr(r, key, AmountWithExplanation(amount, _value(next(v), f"{key}.explanation")))
    r.signatory.name, r.signatory.position = (_value(next(v), f"signatory.{k}") for k in ("name", "position"))
    r.signatory.date, r.signatory.signing = signed, "e_signature" if e_signed else "by_hand"
    r.prepared_by.name, r.prepared_by.phone = (_value(next(v), f"prepared_by.{k}") for k in ("name", "phone"))
    r.prepared_by.email = "anna@example.lv"
    check(r)


# -------------------------------------------------------------------------- described once


def _our_words() -> set[str]:
    """Every piece of our own wording the model puts into a composed line, and the signature
    labels: at least three characters, letters among them."""
    words = set()
    for report in every_combination():
        model = official.build(report)
        lines = [line.runs for line in model.signature_lines] + [model.prepared_by_runs]
        for row in model.rows:
            lines += [b.detail_runs for b in row.blocks if isinstance(b, Numbered)]
            lines += [b.runs for b in row.blocks if isinstance(b, Text)]
        words |= {run.text.strip() for runs in lines for run in runs if run.path is None}
        words |= {line.label for line in model.signature_lines}
    return {w for w in words if len(w) >= 3 and any(c.isalpha() for c in w)}


def _string_literals(path: Path) -> list[str]:
    """The string constants of a module, its docstrings left out."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    return [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
    ]


@pytest.mark.parametrize("module", ["tagged_runs.py", "word.py", "web_page.py"])
def test_the_layout_and_the_writers_word_no_composed_line_themselves(module):
    words = _our_words()
    assert {official.REPRESENTATIVE, official.SIGNATURE, official.DATE} < words and len(words) > 5
    source = Path(tagged_runs.__file__).with_name(module)
    found = {w for literal in _string_literals(source) for w in words if w in literal}
    assert not found, f"{module} words what the print model words: {found}"
