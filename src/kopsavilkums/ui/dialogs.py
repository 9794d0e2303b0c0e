"""Every question, message and file dialog the window shows, in one place.

The window and its helpers never open a dialog themselves: they call a :class:`Dialogs`. Tests
give the window a scripted stand-in with the same methods (``tests/ui/conftest.py``), which
answers what the test says and fails it on a question nobody expected — no test ever waits on a
real modal dialog. Qt's dialog classes are imported on first use: their enums cost start-up time. Every message box
comes from :func:`message_box`, which shows its text as plain text (it can hold a file's words).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kopsavilkums import APP_NAME
from kopsavilkums.ui.i18n import translate

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox, QWidget

    from kopsavilkums.ui.differences import Difference

CONFLICT_COPY, CONFLICT_RELOAD = "copy", "reload"


class Dialogs:
    def __init__(self, parent: QWidget) -> None:
        self.parent = parent

    # ---------------------------------------------------------------- questions
    def ask_yes_no(self, question: str) -> bool:
        from PySide6.QtWidgets import QMessageBox

        buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
        return _ask(message_box(self.parent, QMessageBox.Icon.Question, question, buttons=buttons)) == (
            QMessageBox.StandardButton.Yes
        )

    def confirm_delete(self, question: str) -> bool:
        """Something is about to go for good: only Yes itself says so (Enter and Esc say No)."""
        from PySide6.QtWidgets import QMessageBox

        buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
        box = message_box(self.parent, QMessageBox.Icon.Warning, question, buttons=buttons)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        return _ask(box) == QMessageBox.StandardButton.Yes

    def ask_leave_unsaved(self) -> bool:
        """Saving failed: leave the draft anyway and lose the changes?"""
        from PySide6.QtWidgets import QMessageBox

        box = message_box(
            self.parent,
            QMessageBox.Icon.Warning,
            translate("Window", "The changes could not be saved. Leave this draft anyway and lose them?"),
            buttons=QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
        )
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        return _ask(box) == QMessageBox.StandardButton.Discard

    def ask_drop_years(self, years: list[int]) -> bool:
        """The period no longer covers these budget years, which hold amounts: remove them?"""
        if len(years) == 1:
            question = translate(
                "Window",
                "The new period no longer includes %1, which holds amounts. Remove this budget year? "
                "(Edit → Undo brings it back.)",
            )
        else:
            question = translate(
                "Window",
                "The new period no longer includes these years, which hold amounts: %1. Remove these budget years? "
                "(Edit → Undo brings them back.)",
            )
        return self.ask_yes_no(question.replace("%1", ", ".join(str(y) for y in years)))

    def ask_conflict(self, differences: list[Difference]) -> str:
        """Another window saved this draft first: :data:`CONFLICT_COPY` (keep mine as a new draft)
        or :data:`CONFLICT_RELOAD` (take theirs)."""
        from PySide6.QtWidgets import QMessageBox

        box = message_box(
            self.parent,
            QMessageBox.Icon.Warning,
            translate(
                "Window",
                "This draft was changed in another window. Keep your version as a copy, or load the other version?",
            ),
            describe_differences(differences),
        )
        copy_button = box.addButton(translate("Window", "Keep mine as a copy"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(translate("Window", "Load the other version"), QMessageBox.ButtonRole.DestructiveRole)
        box.exec()
        return CONFLICT_COPY if box.clickedButton() is copy_button else CONFLICT_RELOAD

    def confirm_import(self, question: str, details: str) -> bool:
        """Show what was read from a file before it becomes a draft: add it?"""
        from PySide6.QtWidgets import QMessageBox

        box = message_box(self.parent, QMessageBox.Icon.Question, question, details)
        add = box.addButton(translate("Window", "Add as a new draft"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(add)
        box.exec()
        return box.clickedButton() is add

    # ---------------------------------------------------------------- telling
    def show_error(self, message: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        message_box(self.parent, QMessageBox.Icon.Warning, message).exec()

    def inform(self, message: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        message_box(self.parent, QMessageBox.Icon.Information, message).exec()

    def about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        from kopsavilkums import __version__

        QMessageBox.about(
            self.parent,
            APP_NAME,
            f"{APP_NAME} {__version__}\n"
            + translate("Window", "The summary of a delegated public administration task."),
        )

    # ---------------------------------------------------------------- files and printers
    def open_in_viewer(self, path: str) -> None:
        """Open a file in the program the desktop opens it with (a signed PDF in a PDF viewer,
        which can show its signatures)."""
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

        if not QDesktopServices.openUrl(QUrl.fromLocalFile(path)):
            self.show_error(translate("Window", "No program to open “%1” was found.").replace("%1", path))

    def open_file_name(self, title: str, folder: str, filters: str) -> str | None:
        chosen = self._file_dialog(title, folder, filters, save=False)
        return chosen[0] if chosen else None

    def save_file_name(self, title: str, proposed: str, filters: str) -> str | None:
        chosen = self._file_dialog(title, proposed, filters, save=True)
        return chosen[0] if chosen else None

    def save_file_as(self, title: str, proposed: str, filters: str, selected: str) -> tuple[str, str] | None:
        """A file name to write, and the filter (format) the user picked in the dialog."""
        return self._file_dialog(title, proposed, filters, save=True, selected=selected)

    def _file_dialog(
        self, title: str, start: str, filters: str, *, save: bool, selected: str = ""
    ) -> tuple[str, str] | None:
        """The chosen file and filter. Qt's own dialog (where the desktop offers none) opens at
        its own small size, with the names cut off: it opens as large as a document window
        would be, with the name column taking the room."""
        from PySide6.QtWidgets import QFileDialog, QTreeView

        dialog = QFileDialog(self.parent, title, start, filters)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave if save else QFileDialog.AcceptMode.AcceptOpen)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile if save else QFileDialog.FileMode.ExistingFile)
        if selected:
            dialog.selectNameFilter(selected)
        if save:
            dialog.selectFile(start)  # the proposed name
        dialog.resize(file_dialog_size(self.parent))
        details = dialog.findChild(QTreeView)
        if details is not None:  # the name column gets what the size, type and date leave
            details.header().resizeSection(0, max(details.header().sectionSize(0), dialog.width() // 2))
        if dialog.exec() != QFileDialog.DialogCode.Accepted or not dialog.selectedFiles():
            return None
        return dialog.selectedFiles()[0], dialog.selectedNameFilter()

    def choose_printer(self, document_name: str):
        """A printer set up by the user, or None when they cancelled."""
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(document_name)
        dialog = QPrintDialog(printer, self.parent)
        return printer if dialog.exec() == QPrintDialog.DialogCode.Accepted else None

    def progress(self, text: str, after_ms: int):
        """A busy indicator shown only if the work takes longer than ``after_ms``; call
        ``.reset()`` on the result when done."""
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QProgressDialog

        progress = QProgressDialog(text, "", 0, 0, self.parent)
        progress.setCancelButton(None)
        progress.setMinimumDuration(after_ms)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setAutoClose(True)
        return progress


def message_box(parent, icon, text: str, informative: str = "", buttons=None) -> QMessageBox:
    """A message box (not yet shown) whose every text is plain text: a file's title or a note
    that looks like HTML is shown as the characters it is, and no link in it opens."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox

    from kopsavilkums.ui.plain import plain

    box = QMessageBox(icon, APP_NAME, text, QMessageBox.StandardButton.NoButton, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    if informative:
        box.setInformativeText(informative)
    if buttons is not None:
        box.setStandardButtons(buttons)
    plain(box)
    return box


def _ask(box: QMessageBox):
    """The standard button the user pressed (Escape: the box's escape button, or none)."""
    box.exec()
    return box.standardButton(box.clickedButton()) if box.clickedButton() is not None else None


def file_dialog_size(parent: QWidget):
    """Most of the window's size, at least 860 × 560, within the screen."""
    from PySide6.QtCore import QSize

    wanted = QSize(max(860, parent.width() * 3 // 4), max(560, parent.height() * 3 // 4))
    screen = parent.screen().availableGeometry().size() if parent.screen() is not None else wanted
    return wanted.boundedTo(screen)


def describe_differences(differences: list[Difference], limit: int = 8) -> str:
    """What differs, field by field, in words a user knows (no ids or revision numbers)."""
    if not differences:
        return translate("Window", "Both versions have the same content.")
    lines = [
        translate("Window", "%1 — here: %2; there: %3")
        .replace("%1", d.label)
        .replace("%2", d.mine or "—")
        .replace("%3", d.theirs or "—")
        for d in differences[:limit]
    ]
    if len(differences) > limit:
        lines.append(translate("Window", "… and %1 more").replace("%1", str(len(differences) - limit)))
    return translate("Window", "What differs:") + "\n" + "\n".join(lines)
