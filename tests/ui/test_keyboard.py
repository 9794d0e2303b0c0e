"""A whole report filled in with the keyboard alone: keys go to whatever has the focus, and
Tab, Shift+Tab, Enter and Ctrl+Enter are the only ways around (no widget is set directly)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtCore import Qt

from .driving import focused, press, saved, tab, type_text

CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier


def there(window, path):
    """The focus is in the editor of ``path`` (or in one of its cells)."""
    return window.form.path_of(focused()) == path


def test_a_whole_report_with_the_keyboard_alone(qtbot, make_window, open_store):
    window = make_window()
    press(qtbot, Qt.Key.Key_N, CTRL)  # New draft: the cursor is in the title
    qtbot.waitUntil(lambda: there(window, "title"))

    for path, text in (
        ("title", "Kopsavilkums par jauniešu līdzdalības veicināšanu izpildi"),
        ("task", "Veicināt jauniešu līdzdalību"),
        ("performer", "Biedrība „Jaunieši”"),
        ("delegating_authority", "Izglītības un zinātnes ministrija"),
        ("contract", "Nr. 1-2/3"),
        ("period.start", "01.01.2021"),
        ("period.end", "31.12.2022"),
    ):
        assert there(window, path), path
        type_text(qtbot, text)
        tab(qtbot)
    press(qtbot, Qt.Key.Key_Backtab, SHIFT)  # back to check the end of the period
    assert there(window, "period.end") and focused().text() == "31.12.2022"
    tab(qtbot)
    assert there(window, "introduction")
    type_text(qtbot, "Lai veicinātu līdzdalību, tika izvirzīti šādi uzdevumi:")
    tab(qtbot)

    assert there(window, "objectives")
    for objective in ("Stiprināt organizācijas", "Iesaistīt jauniešus"):
        press(qtbot, Qt.Key.Key_Return, CTRL)  # a new row; typing goes into its text
        type_text(qtbot, objective)
    press(qtbot, Qt.Key.Key_Return)  # the last cell finished
    tab(qtbot)

    assert there(window, "indicators")
    press(qtbot, Qt.Key.Key_Return, CTRL)
    for text in ("Notikuši semināri", "12", "10", "Divi atcelti\nslimības dēļ"):
        type_text(qtbot, text)  # "\n" is Shift+Enter: a line break inside the note
        tab(qtbot)
    assert there(window, "assessment")  # Tab after the last cell left the table
    type_text(qtbot, "Mērķi sasniegti.")
    tab(qtbot)

    assert there(window, "budget")  # one amount a year: the actual one
    for amount in ("", "9 876,54", "", "20000"):
        type_text(qtbot, amount)
        tab(qtbot)

    assert there(window, "irregular_expenditure:none")  # "Nav" is already chosen
    tab(qtbot)  # the checked choice takes Tab; the amount's fields are off while "Nav"
    assert there(window, "unrecovered_amount:none")
    tab(qtbot)
    type_text(qtbot, "Nav citas informācijas.")
    tab(qtbot)

    for path, text in (("signatory.name", "Anna Bērziņa"), ("signatory.position", "valdes priekšsēdētāja")):
        assert there(window, path), path
        type_text(qtbot, text)
        tab(qtbot)
    assert there(window, "signatory.signing")  # by hand, as chosen already
    tab(qtbot)
    assert there(window, "signatory.date")
    type_text(qtbot, "15.01.2023")
    press(qtbot, Qt.Key.Key_Return)
    tab(qtbot)
    for path, text in (
        ("prepared_by.name", "Jānis Kalniņš"),
        ("prepared_by.phone", "+371 20000000"),
        ("prepared_by.email", "janis@example.lv"),
    ):
        assert there(window, path), path
        type_text(qtbot, text)
        tab(qtbot)
    press(qtbot, Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: saved(window))

    r = open_store().load(window.draft_id)
    assert (r.title, r.performer, r.contract) == (
        "Kopsavilkums par jauniešu līdzdalības veicināšanu izpildi",
        "Biedrība „Jaunieši”",
        "Nr. 1-2/3",
    )
    assert (r.period.start, r.period.end) == (date(2021, 1, 1), date(2022, 12, 31))
    assert [o.text for o in r.objectives] == ["Stiprināt organizācijas", "Iesaistīt jauniešus"]
    assert [(i.text, i.planned, i.achieved, i.note) for i in r.indicators] == [
        ("Notikuši semināri", "12", "10", "Divi atcelti\nslimības dēļ")
    ]
    assert [(b.year, b.planned, b.actual) for b in r.budget] == [
        (2021, None, Decimal("9876.54")),
        (2022, None, Decimal("20000.00")),
    ]
    assert r.irregular_expenditure.is_none and r.unrecovered_amount.is_none
    assert (r.assessment, r.other_information) == ("Mērķi sasniegti.", "Nav citas informācijas.")
    assert (r.signatory.name, r.signatory.position, r.signatory.date) == (
        "Anna Bērziņa",
        "valdes priekšsēdētāja",
        date(2023, 1, 15),
    )
    assert (r.prepared_by.name, r.prepared_by.phone, r.prepared_by.email) == (
        "Jānis Kalniņš",
        "+371 20000000",
        "janis@example.lv",
    )
    # the copy to sign is complete: one amount a year is no problem, nothing is an error
    problems = window.checker.check_now()
    assert [p for p in problems if p.is_error] == []
    assert not any(p.path.startswith("budget") for p in problems)


def mnemonic(text):
    """The letter that chooses a menu item (``&Save`` → ``s``; ``&&`` is a literal ``&``)."""
    rest = text.replace("&&", "")
    return rest[rest.index("&") + 1].lower() if "&" in rest else None


def test_each_menu_item_has_a_letter_of_its_own_in_both_languages(qtbot, make_window, seeded_store):
    """Two items of a menu with one underlined letter make that letter only move between them:
    in Latvian "Kopēt &tīmekļa lapai" and "Ie&t ārā" shared t, in English "&New draft" and
    "Start the &next report" shared n. And Quit is "Iziet" in Latvian."""
    window = make_window(seeded_store)
    for language in ("en", "lv"):
        window.application.window.commands[f"lang_{language}"].trigger()
        shown = window.application.window
        menus = [action.menu() for action in shown.menuBar().actions()]
        menus += [a.menu() for menu in menus for a in menu.actions() if a.menu() is not None]
        for menu in [shown.menuBar(), *menus]:
            letters = [mnemonic(a.text()) for a in menu.actions() if not a.isSeparator()]
            letters = [letter for letter in letters if letter is not None]
            assert len(letters) == len(set(letters)), (menu.title() if menu is not shown.menuBar() else "", letters)
    assert shown.commands["quit"].text() == "I&ziet"
