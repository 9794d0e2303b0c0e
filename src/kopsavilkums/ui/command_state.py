"""What the window's title says and which commands apply, for the draft it shows."""

from __future__ import annotations

from PySide6.QtGui import QAction

from kopsavilkums import APP_NAME
from kopsavilkums.ui.i18n import translate

# Commands on the open draft; a draft in the trash is only looked at.
ON_THE_DRAFT = ("duplicate", "next_report", "export", "copy_web", "export_pdf", "preview", "print", "delete")


def window_title(title: str, draft_open: bool) -> str:
    """``Title[*] — Kopsavilkums`` (``[*]`` is where Qt marks unsaved changes); a long title is
    shortened, an empty one says so; just the program's name when no draft is open."""
    if not draft_open:
        return APP_NAME
    title = title.strip() or translate("Window", "(untitled)")
    if len(title) > 80:
        title = title[:79] + "…"
    return f"{title}[*] — {APP_NAME}"


def enable_commands(
    commands: dict[str, QAction],
    *,
    draft_open: bool,
    in_trash: bool,
    status: str,
    trash_row_chosen: bool,
    can_undo: bool,
    can_redo: bool,
    signed_copy: bool = False,
) -> None:
    editable_draft = draft_open and not in_trash
    submitted = editable_draft and status == "submitted"
    for name in ON_THE_DRAFT:
        commands[name].setEnabled(editable_draft)
    commands["restore"].setEnabled(trash_row_chosen)
    commands["purge"].setEnabled(trash_row_chosen)
    commands["submit"].setEnabled(editable_draft and not submitted)
    commands["save"].setEnabled(editable_draft and not submitted)  # else there is nothing it could save
    commands["next_problem"].setEnabled(draft_open)
    commands["reopen"].setEnabled(submitted)
    commands["attach_signed"].setEnabled(editable_draft)
    commands["open_signed"].setEnabled(draft_open and signed_copy)  # from the trash too: it is kept there
    commands["export_signed"].setEnabled(draft_open and signed_copy)
    commands["undo"].setEnabled(can_undo)
    commands["redo"].setEnabled(can_redo)
