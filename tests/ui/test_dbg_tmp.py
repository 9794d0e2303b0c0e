from tests.ui.driving import editor


def test_x(qtbot, make_window, seeded_store, latvian):
    window = make_window(seeded_store)
    window.resize(1024, 700)
    qtbot.wait(100)
    rows = editor(window, "indicators")
    window.form.scroll_area.ensureWidgetVisible(rows, 0, 0)
    qtbot.wait(100)
    window.grab().save("/tmp/kb_lv.png")
    print("buttons", [(n, b.geometry().y(), b.width()) for n, b in rows.buttons.items()], rows.width())
