"""What a window rebuilt for another interface language takes over from the one it replaces:
what the store does not keep — the undo history, the scroll position, the cursor's field,
how much of a new draft's problems was shown, and when it was last saved."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QScrollArea

#: How long the rebuilt form may take to be laid out far enough to scroll back.
SETTLE_MS = 2000


def carry_over(new, old) -> None:
    """``new`` and ``old`` are main windows showing the same draft (saved before the switch)."""
    if old.draft_id is None or old.draft_id != new.draft_id:
        return
    new.doc.adopt_history(old.doc)
    new.saver.attach(new.draft_id)  # the replayed history is what the store has
    new.checker.take_over(old.checker)
    if old.saved_at is not None:
        new.show_saved(old.saved_at)
    new.form.finish_building()
    focused = old.form.path_of(old.focusWidget()) if old.focusWidget() is not None else None
    if focused is not None:
        new.form.focus_path(focused)
    new.form.shown_field.stand_down()  # the view goes back to where it was, not to the field
    scroll_when_laid_out(new.form.scroll_area, old.form.scroll_area.verticalScrollBar().value())


def scroll_when_laid_out(area: QScrollArea, value: int) -> None:
    """Scroll ``area`` to ``value`` once it is laid out that far (a rebuilt form's layout and
    its tables' row heights settle over the next turns of the event loop)."""
    bar = area.verticalScrollBar()
    give_up = QTimer(area, singleShot=True, interval=SETTLE_MS)

    def settle(*_unused) -> None:
        bar.setValue(value)
        if bar.value() == value:
            bar.rangeChanged.disconnect(settle)
            give_up.stop()

    give_up.timeout.connect(lambda: bar.rangeChanged.disconnect(settle))
    bar.rangeChanged.connect(settle)
    give_up.start()
    settle()
