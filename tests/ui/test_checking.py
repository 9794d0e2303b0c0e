"""Checking while typing: late answers dropped, unchanged answers left alone, new drafts quiet."""

from __future__ import annotations

from PySide6.QtCore import Qt

from .driving import editor, press, tab, type_into, visible_problem_texts


def test_an_unchanged_check_leaves_the_shown_problems_alone(qtbot, make_window, seeded_store):
    """Typing re-checks the draft after each pause; when the answer is the same, the hundreds of
    warnings a big draft can have are not laid out again (that stalled typing by ~25 ms; the
    stall itself is measured in tests/benchmarks/bench_window.py)."""
    window = make_window(seeded_store)
    qtbot.waitUntil(lambda: window.problems is not None and window.checker.model.rowCount() > 0)
    shown = []
    window.checker.shown.connect(shown.append)
    with qtbot.waitSignal(window.checker.checked, timeout=5000):
        type_into(qtbot, editor(window, "other_information"), "Papildu teikums.")
    assert shown == []  # the answer came, and nothing was shown again
    with qtbot.waitSignal(window.checker.shown, timeout=5000):
        editor(window, "performer").selectAll()
        qtbot.keyClick(editor(window, "performer"), Qt.Key.Key_Delete)  # a new error
    assert any(p.path == "performer" and p.is_error for p in shown[0])
    assert window.form.messages["performer"].isVisible()


def test_an_answer_for_an_older_text_is_dropped(qtbot, make_window, seeded_store):
    window = make_window(seeded_store)
    qtbot.waitUntil(lambda: window.problems is not None)
    answers = []
    window.checker.checked.connect(lambda: answers.append(list(window.problems)))
    window.checker.check_in_background()  # for the text as it is now ...
    type_into(qtbot, editor(window, "signatory.name"), "Anna")  # ... which changes before it answers
    qtbot.waitUntil(lambda: bool(answers) and not any(p.path == "signatory.name" for p in window.problems))
    assert all(not any(p.path == "signatory.name" for p in shown) for shown in answers)


def test_a_budget_typo_message_goes_once_the_amount_is_corrected(qtbot, make_window, seeded_store):
    window = make_window(seeded_store)
    budget, message = window.form.budget_model, window.form.messages["budget:input"]
    qtbot.waitUntil(lambda: window.problems is not None)
    assert not budget.setData(budget.index(1, 1), "12,3,4")
    assert message.isVisible() and "12,3,4" in message.text()
    window.checker.check_in_background()
    qtbot.waitSignal(window.checker.checked, timeout=5000).wait()
    assert message.isVisible()  # a check finding what it found before leaves it
    assert budget.setData(budget.index(1, 1), "12,34")
    assert not message.isVisible()


def test_a_check_that_fails_says_not_checked_rather_than_checking_for_ever(
    qtbot, make_window, seeded_store, monkeypatch
):
    from kopsavilkums.ui import checking

    def broken(report, final=False):
        raise RuntimeError("the check broke")

    monkeypatch.setattr(checking, "validate", broken)
    window = make_window(seeded_store)
    qtbot.waitUntil(lambda: window.counts_label.text() == "Not checked")
    assert "the check broke" in window.statusBar().currentMessage()


def test_a_new_draft_shows_problems_only_of_fields_left_or_when_asked(qtbot, make_window):
    window = make_window()
    window.new_draft()
    qtbot.waitUntil(lambda: window.problems is not None)
    assert visible_problem_texts(window) == [] and window.checker.model.rowCount() == 0  # no red wall
    assert window.counts_label.text().startswith("Not shown yet: ")
    tab(qtbot)  # left the title empty
    qtbot.waitUntil(lambda: window.form.messages["title"].isVisible())
    assert visible_problem_texts(window) == [window.form.messages["title"].text()]
    type_into(qtbot, editor(window, "task"), "Uzdevums")
    with qtbot.waitSignal(window.checker.checked, timeout=5000):
        tab(qtbot)
    assert not window.form.messages["task"].isVisible()  # never the answer about the empty task
    press(qtbot, Qt.Key.Key_F8)  # "go to the next problem": every problem shows now
    assert window.checker.hidden == 0 and window.form.messages["performer"].isVisible()
    assert window.counts_label.text().startswith("Errors: ")
