"""The store's drafts as a list that tells them apart.

Every official title opens alike (*Kopsavilkums par valsts pārvaldes uzdevuma …*), so the list
shows a short title without that opening, and under it what differs between drafts: period,
performer, status and the time of the last change. Search looks at all of it and the full title.
"""

from __future__ import annotations

import re
from functools import cache

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from kopsavilkums.ui.display import show_date, show_period, show_time
from kopsavilkums.ui.i18n import translate
from kopsavilkums.ui.plain import tooltip

DraftIdRole = Qt.ItemDataRole.UserRole + 1
DetailsRole = Qt.ItemDataRole.UserRole + 2  # period · performer
StateRole = Qt.ItemDataRole.UserRole + 3  # status · last change
SearchRole = Qt.ItemDataRole.UserRole + 4  # everything the search box looks at
SubmittedRole = Qt.ItemDataRole.UserRole + 5


@cache
def _openings() -> tuple[re.Pattern, re.Pattern]:
    """ "Kopsavilkums par [atsevišķa] valsts pārvaldes uzdevuma … izpildi": the words every title
    has (compiled on first use, not at start-up)."""
    opening = re.compile(
        r"^\s*kopsavilkums\s+par\s+(?:(?:atsevišķ|deleģēt)\w*\s+)?(?:valsts\s+pārvaldes\s+uzdevum\w*\s+)?",
        re.IGNORECASE,
    )
    return opening, re.compile(r"\s+izpildi(?=\s*(?:\(kopija\))*\s*$)", re.IGNORECASE)


def short_title(title: str) -> str:
    """``Kopsavilkums par valsts pārvaldes uzdevuma jaunatnes līdzdalības veicināšanā izpildi``
    → ``Jaunatnes līdzdalības veicināšanā``; a title that is nothing but the opening stays."""
    opening, closing = _openings()
    short = closing.sub("", opening.sub("", title, count=1), count=1).strip()
    if not short:
        return title.strip()
    return short[0].upper() + short[1:]


class DraftsModel(QAbstractListModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._drafts: list = []  # DraftInfo, newest first (the store's order)

    def set_drafts(self, drafts: list) -> None:
        self.beginResetModel()
        self._drafts = list(drafts)
        self.endResetModel()

    def draft(self, row: int):
        return self._drafts[row]

    def row_of(self, draft_id: str) -> int:
        return next((n for n, d in enumerate(self._drafts) if d.id == draft_id), -1)

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._drafts)

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        d = self._drafts[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return short_title(d.title) if d.title.strip() else translate("Drafts", "(untitled)")
        if role == DetailsRole:
            # The period first: a long performer's name is what "…" cuts, not what tells apart a
            # performer's reports of one title.
            return " · ".join(part for part in (show_period(d.period.start, d.period.end), d.performer.strip()) if part)
        if role == StateRole:
            status = translate("Drafts", "Submitted") if d.status == "submitted" else translate("Drafts", "Draft")
            if d.signed_by is not None:  # the signed copy is kept: who signed it, and when
                if d.signed_at is None:
                    status = translate("Drafts", "Signed by %1").replace("%1", d.signed_by)
                else:
                    day = show_date(d.signed_at.astimezone().date())
                    status = translate("Drafts", "Signed by %1 on %2").replace("%1", d.signed_by).replace("%2", day)
            return translate("Drafts", "%1 · changed %2").replace("%1", status).replace("%2", show_time(d.modified))
        if role == SubmittedRole:
            return d.status == "submitted"
        if role == Qt.ItemDataRole.ToolTipRole:  # the title is the user's: plain text
            return tooltip(
                "\n".join(
                    part for part in (d.title, self.data(index, DetailsRole), self.data(index, StateRole)) if part
                )
            )
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return ", ".join(
                part for part in (self.data(index), self.data(index, DetailsRole), self.data(index, StateRole)) if part
            )
        if role == SearchRole:
            return " ".join((d.title, self.data(index, DetailsRole), self.data(index, StateRole)))
        if role == DraftIdRole:
            return d.id
        return None
