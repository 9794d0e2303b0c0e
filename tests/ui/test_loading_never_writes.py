"""Loading never writes: what the user typed is what the store keeps, the window shows and prints.

Opening a draft, switching between drafts, Duplicate, Start the next report, Import and a language
switch change what the window *shows*; none of them may change what the store holds, add a step
to the undo history, or make the window show something the store does not hold. These are
properties of every report, so they are checked on reports generated from the field table
(:mod:`kopsavilkums.fields`): a field added to the table is covered without touching this file.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import typing
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from kopsavilkums import exchange, fields, official
from kopsavilkums.fields import Kind
from kopsavilkums.report import AmountWithExplanation, Report, next_report_from

from .driving import editor, saved, type_at_end

# Text as NGO staff type it: Latvian letters, markup characters that must stay data, an emoji.
_LETTERS = "abcdefghijklmnoprstuvzāčēģīķļņšūžABCDĀČĒŠŽ0123456789 .,;:-–„”\"'<>&()/%🌍"
_line = st.text(alphabet=_LETTERS, max_size=40).map(str.strip)
_text = st.lists(_line, max_size=3).map("\n".join).map(str.strip)
_amount = st.integers(min_value=0, max_value=10**9).map(lambda cents: Decimal(cents).scaleb(-2))
_day = st.dates(min_value=date(2015, 1, 1), max_value=date(2030, 12, 31))

_BY_KIND: dict[Kind, st.SearchStrategy] = {
    Kind.LINE: _line,
    Kind.TEXT: _text,
    Kind.SHORT: st.text(alphabet=_LETTERS, max_size=12).map(str.strip),
    Kind.DATE: st.none() | _day,
    Kind.AMOUNT: st.none() | _amount,
    Kind.FLAG: st.booleans(),
}


def _value(f: fields.Field) -> st.SearchStrategy:
    if f.kind is Kind.CHOICE:
        return st.sampled_from(f.choices)
    return _BY_KIND[f.kind]


def _row_class(list_key: str) -> type:
    """The dataclass of one row of ``list_key`` (``indicators`` → Indicator), from the model."""
    return typing.get_args(typing.get_type_hints(Report)[list_key])[0]


@st.composite
def reports(draw) -> Report:
    """A report with every field of the table drawn by its kind; row lists by their row fields;
    the budget one row a year of the period, with one amount or two."""
    report = Report()
    for f in fields.FIELDS:
        if f.is_row_field or f.key == "budget":
            continue
        if f.kind is Kind.ROWS:
            cls = _row_class(f.key)
            keys = fields.row_keys(f.key) or ("text",)  # an objective is its text
            rows = draw(
                st.lists(st.fixed_dictionaries({k: _value(fields.field(_row_key(f.key, k))) for k in keys}), max_size=3)
            )
            report.set_at(f.key, [cls(**row) for row in rows])
        else:
            report.set_at(f.key, draw(_value(f)))
    if report.period.start and report.period.end and report.period.end < report.period.start:
        report.period.start, report.period.end = report.period.end, report.period.start
    report.sync_budget_years()
    for row in report.budget:
        row.planned = draw(st.none() | _amount)
        row.actual = draw(_amount) if row.planned is None else draw(st.none() | _amount)
    return report


def _row_key(list_key: str, key: str) -> str:
    return f"{list_key}[].{key}" if fields.row_keys(list_key) else f"{list_key}[]"


def _with_money_in_rows_6_and_7(report: Report) -> Report:
    """The report the bug was found with: amounts and their explanations in rows 6 and 7."""
    report = report.copy()
    report.irregular_expenditure = AmountWithExplanation(Decimal("250.00"), "Iegādāts dators ārpus tāmes.")
    report.unrecovered_amount = AmountWithExplanation(Decimal("120.50"), "Atgūšana turpinās.")
    return report


def _example(path: Path, **changes) -> Report:
    report = exchange.read(path)
    for key, value in changes.items():
        report.set_at(key, value)
    return report


SEED = (
    Path(__file__).resolve().parents[2] / "resources" / "examples" / "kurzemes-nvo-centrs-2019-2020.kopsavilkums.json"
)
COMPLETE = SEED.with_name("latgales-jauniesu-forums-2021-2023.kopsavilkums.json")


# ----------------------------------------------------------------------------- the store's records
def _records(store_file: Path) -> dict[str, str]:
    """Every record in the store file, as the bytes it is stored as (keys sorted)."""
    drafts = json.loads(store_file.read_bytes())["drafts"]
    return {draft_id: json.dumps(record, sort_keys=True, ensure_ascii=False) for draft_id, record in drafts.items()}


def _document(report: Report) -> dict:
    return exchange.to_document(report, ids=False)


def _stored(store, draft_id: str) -> Report:
    return store.load(draft_id)


def _check_window_shows_the_store(window, store) -> None:
    """Nothing to undo, nothing unsaved, and the window's report (and what it prints) is the
    stored one."""
    from PySide6.QtWidgets import QApplication

    QApplication.processEvents()  # whatever the program left for the next turn of the event loop
    assert window.doc.undo_stack.count() == 0, [
        window.doc.undo_stack.text(n) for n in range(window.doc.undo_stack.count())
    ]
    assert not window.saver.dirty
    stored = _stored(store, window.draft_id)
    assert _document(window.doc.report) == _document(stored)
    assert official.build(window.doc.report) == official.build(stored)


def _make_application(qtbot, folder: Path, dialogs):
    from kopsavilkums.store import DraftStore
    from kopsavilkums.ui.app import Application

    store = DraftStore(folder / "drafts.json")
    application = Application(store, folder, dialogs=dialogs)
    window = application.show_window()
    qtbot.addWidget(window)
    return application, store


def _close(application, store) -> None:
    import shiboken6

    if application.window is not None and shiboken6.isValid(application.window):
        application.window.close()
    store.close()


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(first=reports(), second=reports())
@example(first=_with_money_in_rows_6_and_7(_example(SEED)), second=_with_money_in_rows_6_and_7(_example(COMPLETE)))
@example(
    first=_with_money_in_rows_6_and_7(_example(COMPLETE, **{"signatory.signing": "e_signature"})),
    second=_example(SEED),
)
def test_opening_switching_copying_importing_and_a_language_switch_never_change_a_draft(
    qtbot, tmp_path_factory, english, dialogs, first, second
):
    folder = tmp_path_factory.mktemp("data")
    application, store = _make_application(qtbot, folder, dialogs)
    try:
        a, b = store.save(first), store.save(second)
        before = _records(store.path)
        window = application.window
        qtbot.waitUntil(lambda: window.form.is_built)  # every editor there, as a moment after start

        # Open A, switch to B, back to A.
        for draft_id in (a, b, a):
            assert window.open_draft(draft_id)
            assert window.draft_id == draft_id
            _check_window_shows_the_store(window, store)
        assert window.saver.flush()
        assert _records(store.path) == before

        # Duplicate: a new draft equal to A but for its title; A untouched.
        window.commands["duplicate"].trigger()
        copy_id = window.draft_id
        assert copy_id not in (a, b)
        expected = first.copy()
        expected.title = expected.title.rstrip() + " (kopija)"
        assert _document(_stored(store, copy_id)) == _document(expected)
        _check_window_shows_the_store(window, store)

        # The next report from A: what next_report_from makes of A, nothing else.
        assert window.open_draft(a)
        window.commands["next_report"].trigger()
        next_id = window.draft_id
        assert _document(_stored(store, next_id)) == _document(next_report_from(first))
        _check_window_shows_the_store(window, store)

        # Import A's draft file: a new draft equal to A.
        exported = folder / "a.kopsavilkums.json"
        exchange.write(first, exported)
        with qtbot.waitSignal(window.files.imported, timeout=20_000):
            assert window.import_file(exported)
        imported_id = window.draft_id
        assert imported_id not in (a, b, copy_id, next_id)
        assert _document(_stored(store, imported_id)) == _document(first)
        _check_window_shows_the_store(window, store)

        # Back to A, then the language twice: the window is rebuilt over the same draft.
        assert window.open_draft(a)
        window.commands["lang_lv"].trigger()
        window = application.window
        _check_window_shows_the_store(window, store)
        window.commands["lang_en"].trigger()
        window = application.window
        _check_window_shows_the_store(window, store)

        # The print preview is made from what the window holds, which is what the store holds.
        if _has_qt_pdf():
            with qtbot.waitSignal(window.pdf_ready, timeout=20_000):
                window.commands["preview"].trigger()
            window.pdf.preview.close()
            _check_window_shows_the_store(window, store)
        assert window.saver.flush()
        _close(application, store)

        # Started again (after a crash or a quit): what opens first, and A, show what is stored.
        application, store = _make_application(qtbot, folder, dialogs)
        _check_window_shows_the_store(application.window, store)
        assert application.window.open_draft(a)
        _check_window_shows_the_store(application.window, store)
        assert application.window.saver.flush()

        after = _records(store.path)
        for draft_id in (a, b):
            assert after[draft_id] == before[draft_id], f"{draft_id} was written to"
    finally:
        _close(application, store)


def _has_qt_pdf() -> bool:
    from kopsavilkums.ui import pdf

    return pdf.QPdfDocument is not None


def test_duplicate_then_one_letter_keeps_the_money_in_rows_6_and_7(qtbot, make_window, open_store):
    """The path the bug was found on: a draft with amounts in rows 6 and 7, Duplicate, type one
    letter, save — the amounts and explanations are still there, in the store and on screen."""
    store = open_store()
    report = _with_money_in_rows_6_and_7(exchange.read(SEED))
    other = _with_money_in_rows_6_and_7(exchange.read(COMPLETE))
    store.save(other)
    draft = store.save(report)
    window = make_window(store)
    qtbot.waitUntil(lambda: window.form.is_built)  # rows 6 and 7 are below the first screen, built a moment later
    assert window.open_draft(draft)
    window.commands["duplicate"].trigger()
    type_at_end(qtbot, editor(window, "performer"), "x")
    window.commands["save"].trigger()
    qtbot.waitUntil(lambda: saved(window))
    kept = store.load(window.draft_id)
    assert kept.irregular_expenditure == report.irregular_expenditure
    assert kept.unrecovered_amount == report.unrecovered_amount
    assert editor(window, "irregular_expenditure.amount").text() == "250,00"
    # The original too, after a switch to it and back.
    assert window.open_draft(draft)
    assert store.load(draft).unrecovered_amount == report.unrecovered_amount


@pytest.mark.slow
def test_the_pdf_from_the_window_says_what_the_command_line_prints_from_the_store(
    qtbot, make_window, open_store, dialogs, tmp_path, data_dir
):
    """What the window exports is what the store holds: the same draft through the window's
    Export PDF and through ``kopsavilkums export ID -o x.pdf`` gives the same text."""
    if shutil.which("pdftotext") is None:
        pytest.skip("poppler-utils (pdftotext) is not installed")
    from kopsavilkums import cli

    store = open_store()
    other = store.save(_with_money_in_rows_6_and_7(exchange.read(COMPLETE)))
    draft = store.save(_with_money_in_rows_6_and_7(exchange.read(SEED)))
    window = make_window(store)
    qtbot.waitUntil(lambda: window.form.is_built)
    # A switch from a draft with money in rows 6 and 7 to another such draft, as a user works.
    assert window.open_draft(other) and window.open_draft(draft)
    assert window.open_draft(other)

    from_window = tmp_path / "window.pdf"
    dialogs.answer("save_file_name", str(from_window))
    with qtbot.waitSignal(window.pdf_ready, timeout=20_000):
        window.commands["export_pdf"].trigger()
    assert window.saver.flush()
    from_store = tmp_path / "cli.pdf"
    assert cli.main(["--data-dir", str(data_dir), "export", other, "-o", str(from_store)]) == 0

    def text(pdf: Path) -> str:
        return subprocess.run(
            ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout

    printed = text(from_window)
    assert printed == text(from_store)
    assert "250,00 euro (Iegādāts dators ārpus tāmes.)" in printed
