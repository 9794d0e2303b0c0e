"""The Problems list below the form: every problem of the check, errors first; a click (or
Enter) on one, or F8 for the next, takes the cursor to its field."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDockWidget, QListView, QWidget

from kopsavilkums.ui.i18n import translate
from kopsavilkums.ui.models import ProblemsModel
from kopsavilkums.ui.models.problems import ProblemRole


class ProblemsDock(QDockWidget):
    # the user chose a problem (a validation Problem)
    chosen = Signal(object)

    def __init__(self, model: ProblemsModel, parent: QWidget | None = None) -> None:
        super().__init__(translate("Window", "Problems"), parent)
        self.model = model
        self.setObjectName("problemsDock")
        self.view = QListView(self)
        self.view.setObjectName("problemsList")
        self.view.setAccessibleName(translate("Window", "Problems"))
        self.view.setModel(model)
        self.view.setWordWrap(True)
        # Hundreds of problems (a long indicator table) are measured a batch per event-loop
        # turn, not all at once when the first check answers: the window keeps taking typing.
        self.view.setLayoutMode(QListView.LayoutMode.Batched)
        self.view.setBatchSize(20)
        self.view.activated.connect(self._chosen)
        self.view.clicked.connect(self._chosen)
        self.setWidget(self.view)
        self.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable | QDockWidget.DockWidgetFeature.DockWidgetClosable
        )

    def _chosen(self, index) -> None:
        problem = index.data(ProblemRole)
        if problem is not None:
            self.chosen.emit(problem)

    def next(self) -> None:
        """Choose the problem after the current one (from the first, after the last)."""
        rows = self.model.rowCount()
        if rows:
            index = self.model.index((self.view.currentIndex().row() + 1) % rows)
            self.view.setCurrentIndex(index)
            self._chosen(index)

    def show_count(self, count: int) -> None:
        title = translate("Window", "Problems (%1)").replace("%1", str(count))
        self.setWindowTitle(title if count else translate("Window", "Problems"))
