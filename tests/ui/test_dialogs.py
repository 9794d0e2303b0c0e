"""The one place the window asks from, its scripted stand-in, and the guard against real ones."""

from __future__ import annotations

import inspect

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMessageBox

from kopsavilkums.report import BudgetRow, Indicator, Report
from kopsavilkums.ui.dialogs import Dialogs, describe_differences
from kopsavilkums.ui.differences import differences

from .conftest import ModalGuard, ScriptedDialogs


def public_methods(cls):
    return {
        name: inspect.signature(member)
        for name, member in inspect.getmembers(cls, inspect.isfunction)
        if not name.startswith("_")
    }


def test_the_scripted_dialogs_answer_every_question_the_real_ones_ask():
    real, scripted = public_methods(Dialogs), public_methods(ScriptedDialogs)
    for name, signature in real.items():
        assert name in scripted, name
        assert list(signature.parameters) == list(scripted[name].parameters), name


def test_a_real_modal_dialog_in_a_test_is_closed_at_once_and_named(qapp, no_real_modal_dialogs):
    guard: ModalGuard = no_real_modal_dialogs  # every test with a QApplication has one
    box = QMessageBox(QMessageBox.Icon.Question, "Kopsavilkums", "Vai tiešām?")
    QTimer.singleShot(2000, box.accept)  # only if the guard failed: the test must not hang
    box.exec()
    assert len(guard.seen) == 1 and "Vai tiešām?" in guard.seen[0]
    guard.seen.clear()  # opened on purpose: the guard would fail this test at its end


def test_differences_name_fields_and_rows_in_the_interface_language(english):
    mine = Report(title="A", indicators=[Indicator("Semināri", "12", "12")], budget=[BudgetRow(2020)])
    theirs = Report(title="B", indicators=[Indicator("Semināri", "12", "10")], budget=[BudgetRow(2020)])
    found = differences(mine, theirs)
    assert [(d.label, d.mine, d.theirs) for d in found] == [
        ("Title of the summary", "A", "B"),
        ("Achieved result indicators, 1", "Semināri · 12 · 12", "Semināri · 12 · 10"),
    ]
    assert describe_differences(found).startswith("What differs:")
    assert differences(mine, mine.copy()) == []


def test_the_question_about_budget_years_agrees_in_number_in_both_languages(qapp):
    """ "… no longer includes 2022, which holds amounts. Remove these budget years?" asked about
    one year in the plural, and the Latvian read "vairs nav 2022"."""
    from kopsavilkums.ui import i18n

    asked = []
    dialogs = Dialogs(None)  # type: ignore[arg-type]
    dialogs.ask_yes_no = lambda question: asked.append(question) or True  # type: ignore[method-assign]
    try:
        for language in ("en", "lv"):
            i18n.install(language)
            assert dialogs.ask_drop_years([2022]) and dialogs.ask_drop_years([2021, 2022])
    finally:
        i18n.install("en")
    assert asked == [
        "The new period no longer includes 2022, which holds amounts. Remove this budget year? "
        "(Edit → Undo brings it back.)",
        "The new period no longer includes these years, which hold amounts: 2021, 2022. Remove these budget "
        "years? (Edit → Undo brings them back.)",
        "Jaunajā periodā vairs neietilpst 2022. gads, kurā ir ierakstītas summas. Noņemt šo budžeta gadu? "
        "(Labot → Atsaukt to atgriež.)",
        "Jaunajā periodā vairs neietilpst šie gadi, kuros ir ierakstītas summas: 2021, 2022. Noņemt šos budžeta "
        "gadus? (Labot → Atsaukt tos atgriež.)",
    ]


def test_file_dialogs_open_large_enough_to_read_the_names(qtbot, monkeypatch, tmp_path):
    """Qt's own file dialog (where the desktop offers none) opened at its small default size,
    with the names cut off after a few letters."""
    from PySide6.QtWidgets import QFileDialog, QMainWindow, QTreeView

    (tmp_path / "kopsavilkums-par-jauniesu-lidzdalibas-veicinasanu-2021-2022.docx").write_bytes(b"")
    window = QMainWindow()
    window.resize(1024, 700)
    qtbot.addWidget(window)
    seen = []

    def look(dialog):
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)  # what Linux without a portal shows
        seen.append((dialog.size(), dialog.findChild(QTreeView).header().sectionSize(0)))
        return QFileDialog.DialogCode.Rejected

    monkeypatch.setattr(QFileDialog, "exec", look)
    dialogs = Dialogs(window)
    assert dialogs.open_file_name("Importēt", str(tmp_path), "Word (*.docx)") is None
    assert dialogs.save_file_as("Eksportēt", str(tmp_path / "a.docx"), "Word (*.docx)", "Word (*.docx)") is None
    assert len(seen) == 2
    for size, name_column in seen:
        assert size.width() >= 760 and size.height() >= 520, size
        assert name_column >= size.width() // 2 - 10
