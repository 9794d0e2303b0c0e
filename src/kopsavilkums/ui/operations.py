"""What the window does with drafts: open, new, duplicate, the next report, trash, restore,
delete for good, submit, reopen, and settling a conflict with another window (files in and out
of other formats: :mod:`.summary_files`).

Every store call goes through :meth:`DraftOperations.guarded`, the one place where a store
problem (busy, damaged, a full disk) becomes a message instead of a crash. Questions go through
the window's :class:`~kopsavilkums.ui.dialogs.Dialogs`. The window listens to the signals and
lays out what they mean (banner, list, actions).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, QTimer, Signal

from kopsavilkums.report import Report, next_report_from
from kopsavilkums.store import StoreError
from kopsavilkums.ui import i18n, workers
from kopsavilkums.ui.dialogs import CONFLICT_COPY, Dialogs
from kopsavilkums.ui.display import show_period
from kopsavilkums.ui.document import EditableDocument
from kopsavilkums.ui.i18n import translate
from kopsavilkums.ui.saving import AutoSaver

#: How often the open draft is compared with the store, for changes made in another window.
WATCH_INTERVAL_MS = 2000
#: Appended to the title of a copy. The title prints on the (always Latvian) PDF, so Latvian.
COPY_MARK = " (kopija)"


class DraftOperations(QObject):
    # a draft is shown: its id (None: nothing open), its status, and whether it is a new, empty one
    shown = Signal(object, str, bool)
    # the open draft was marked submitted or reopened
    status_changed = Signal(str)
    # the list of drafts is out of date
    drafts_changed = Signal()
    # a short note for the status bar
    message = Signal(str)
    # something the user should read before going on (shown above the form until dismissed)
    notice = Signal(str)
    # a draft went to the trash (its id, and the message that says so): it can be taken back
    trashed = Signal(str, str)

    def __init__(
        self,
        store,
        doc: EditableDocument,
        saver: AutoSaver,
        dialogs: Dialogs,
        settings: QSettings,
        commit_edits: Callable[[], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.store, self.doc, self.saver, self.dialogs, self.settings = store, doc, saver, dialogs, settings
        self.commit_edits = commit_edits  # an editor still open (a table cell) writes its text first
        self.draft_id: str | None = None
        self.status = "draft"
        self.in_trash = False
        self.signed_by: str | None = None  # who signed the copy kept with the open draft (None: none kept)
        self.signed_at = None  # and when (a datetime, None if unknown)
        self._repair_told = store.repaired  # one found on opening is told by the application
        self.saver.conflict.connect(self.settle_conflict)
        self.watch = QTimer(self, interval=WATCH_INTERVAL_MS)
        self.watch.timeout.connect(self.check_elsewhere)

    # ------------------------------------------------------------------ the one guard
    def guarded(self, call: Callable[[], object]) -> tuple[bool, object]:
        """``(True, result)`` of a store call, or ``(False, None)`` after showing why it failed.

        Only what the user can act on is caught (a store problem, a disk error); anything else
        is a bug and goes to the crash handler instead of hiding behind a message box."""
        try:
            return True, call()
        except (StoreError, OSError) as exc:
            self.show_error(workers.message_of(exc, i18n.current()))
            return False, None
        finally:
            self.tell_about_repairs()

    def show_error(self, message: str) -> None:
        self.message.emit(message)
        self.dialogs.show_error(message)

    def tell_about_repairs(self) -> None:
        """The store re-reads its file when another process changed it; if it found the file
        damaged and restored a backup meanwhile, say so once (as at start-up)."""
        notice = self.store.repaired
        if notice is not None and notice is not self._repair_told:
            self._repair_told = notice
            self.show_error(notice.localized(i18n.current()))

    def list_drafts(self, trashed: bool) -> list | None:
        ok, drafts = self.guarded(lambda: self.store.list(trashed=trashed))
        return drafts if ok else None  # type: ignore[return-value]

    # ------------------------------------------------------------------ showing and leaving
    def show(self, draft_id: str | None, report: Report, status: str, *, fresh: bool = False) -> None:
        self.draft_id, self.status = draft_id, status
        info = self._info(draft_id)
        self.in_trash = info is not None and info.trashed
        self.signed_by = info.signed_by if info is not None else None
        self.signed_at = info.signed_at if info is not None else None
        self.doc.replace(report)
        self.saver.attach(draft_id)
        self.doc.set_read_only(draft_id is None or status == "submitted" or self.in_trash)
        self.settings.setValue("last_draft", draft_id or "")
        self.shown.emit(draft_id, status, fresh)

    def _info(self, draft_id: str | None):
        if draft_id is None:
            return None
        try:
            return self.store.info(draft_id)
        except StoreError:  # gone meanwhile: not in the trash, no signed copy either
            return None

    def open(self, draft_id: str | None) -> bool:
        """Show ``draft_id`` (saving the open one first). False if it could not be opened."""
        if draft_id == self.draft_id:
            return True
        if not self.leave_current():
            return False
        if draft_id is None:
            self.show(None, Report(), "draft")
            return True
        return self._load_and_show(draft_id)

    def _load_and_show(self, draft_id: str, *, fresh: bool = False) -> bool:
        ok, loaded = self.guarded(lambda: (self.store.load(draft_id), self.store.info(draft_id).status))
        if not ok:
            self.drafts_changed.emit()
            return False
        report: Report = loaded[0]  # type: ignore[index]
        status: str = loaded[1]  # type: ignore[index]
        self.show(draft_id, report, status, fresh=fresh)
        return True

    def leave_current(self) -> bool:
        """Save what is open before showing something else; on failure ask whether to go on."""
        self.commit_edits()
        if self.saver.flush():
            return True
        if not self.dialogs.ask_leave_unsaved():
            return False
        self.saver.discard_recovery_copy(self.draft_id)  # lost on purpose: not offered after a restart
        return True

    def save_now(self) -> None:
        self.commit_edits()
        self.saver.save_now()

    def flush(self) -> bool:
        """Save at once and wait (before closing, printing, switching the language)."""
        self.commit_edits()
        return self.saver.flush()

    # ------------------------------------------------------------------ new drafts
    def save_new_and_open(self, report: Report, *, fresh: bool = False) -> str | None:
        if not self.leave_current():
            return None
        ok, draft_id = self.guarded(lambda: self.store.save(report))
        if not ok:
            return None
        self.draft_id = None  # whatever was open is left
        self.drafts_changed.emit()
        return draft_id if self._load_and_show(draft_id, fresh=fresh) else None  # type: ignore[arg-type,return-value]

    def new(self) -> str | None:
        return self.save_new_and_open(Report(), fresh=True)

    def duplicate(self) -> str | None:
        """A copy of the open draft, named as one, shown."""
        if not self.draft_id or not self.leave_current():
            return None
        copy = self.doc.report.copy()
        copy.title = copy.title.rstrip() + COPY_MARK
        return self.save_new_and_open(copy)

    def next_report(self) -> str | None:
        """The next period's report from the open one; says what came along and what is left to do."""
        if not self.draft_id:
            return None
        previous = self.doc.report.copy()
        new = next_report_from(previous)
        new.title = new.title.removesuffix(COPY_MARK)  # the next period's report is not a copy
        draft_id = self.save_new_and_open(new)
        if draft_id:
            self.notice.emit(next_report_notice(previous, new))
        return draft_id

    def last_folder(self) -> str:
        return str(self.settings.value("last_folder", str(Path.home())))

    # ------------------------------------------------------------------ trash
    def trash(self) -> bool:
        draft_id = self.draft_id
        if not draft_id:
            return False
        if not self.flush() or self.draft_id != draft_id:
            return False  # not saved (said why), or a conflict put the user's version in a new draft
        if not self.guarded(lambda: self.store.delete(draft_id))[0]:
            return False
        self.saver.attach(None)
        self.draft_id = None
        self.drafts_changed.emit()
        drafts = self.list_drafts(trashed=False) or []
        if drafts:
            self.open(drafts[0].id)
        else:
            self.show(None, Report(), "draft")
        text = translate("Window", "Moved to the trash. Undo (Ctrl+Z), or “Show the trash” and Restore, bring it back.")
        self.message.emit(text)
        self.trashed.emit(draft_id, text)
        return True

    def restore(self, draft_id: str | None) -> bool:
        if not draft_id or not self.guarded(lambda: self.store.restore(draft_id))[0]:
            return False
        self.draft_id = None  # shown again, now editable
        self.drafts_changed.emit()
        return self.open(draft_id)

    def purge(self, draft_id: str | None, title: str) -> bool:
        """Delete a draft in the trash for good, once the user has said so."""
        if not draft_id:
            return False
        question = translate("Window", "Delete “%1” for good? This cannot be undone.")
        if not self.dialogs.confirm_delete(question.replace("%1", title or translate("Window", "(untitled)"))):
            return False
        if not self.guarded(lambda: self.store.purge(draft_id))[0]:
            return False
        if draft_id == self.draft_id:
            self.saver.attach(None)
            self.show(None, Report(), "draft")
        self.drafts_changed.emit()
        return True

    # ------------------------------------------------------------------ submitted
    def submit(self, check: Callable[[], list], go_to: Callable[[object], None]) -> bool:
        """Mark the draft as submitted if the copy to sign has no errors (``check()`` finds
        them); otherwise take the user to the first (``go_to(problem)``) and say why not."""
        if not self.draft_id:
            return False
        self.commit_edits()
        problems = check()
        first_error = next((p for p in problems if p.is_error), None)
        if first_error is not None:
            go_to(first_error)
            self.show_error(
                translate(
                    "Window",
                    "The summary still has errors (see Problems); it can be marked as submitted once they are fixed.",
                )
            )
            return False
        return self.set_status("submitted")

    def set_status(self, status: str) -> bool:
        draft_id = self.draft_id
        if not draft_id or not self.flush():
            return False
        if not self.guarded(lambda: self.store.set_status(draft_id, status))[0]:
            return False
        self.status = status
        self.doc.set_read_only(status == "submitted" or self.in_trash)
        self.status_changed.emit(status)
        self.drafts_changed.emit()
        return True

    # ------------------------------------------------------------------ the signed copy
    def attach_signed_copy(self, draft_id: str, copy) -> bool:
        """Keep the signed PDF ``copy`` (:class:`~kopsavilkums.convert.readers.signed_copy.SignedCopy`)
        with ``draft_id``, which becomes submitted; the open draft is saved first."""
        if not self.flush():
            return False
        signature = copy.signature
        ok, _ = self.guarded(
            lambda: self.store.attach_signed_copy(
                draft_id,
                copy.pdf,
                signer=signature.signer,
                signed_at=signature.signed_at,
                timestamped=signature.timestamped,
            )
        )
        if not ok:
            return False
        if draft_id == self.draft_id:
            self.draft_id = None  # shown again as stored: submitted, read-only, with its copy
            self._load_and_show(draft_id)
        self.drafts_changed.emit()
        self.message.emit(
            translate("Window", "The signed copy is kept with the draft (signed by %1).").replace(
                "%1", signature.signer
            )
        )
        return True

    def signed_copy_path(self) -> Path | None:
        """Where the open draft's signed copy is kept (None: none, or told why not)."""
        draft_id = self.draft_id
        if not draft_id:
            return None
        ok, path = self.guarded(lambda: self.store.signed_copy(draft_id))
        return path if ok else None  # type: ignore[return-value]

    # ------------------------------------------------------------------ other windows
    def settle_conflict(self, exc) -> None:
        """Another window saved this draft first: show what differs and let the user choose."""
        draft_id = self.draft_id
        if draft_id is None:
            return
        from kopsavilkums.ui.differences import differences  # only ever needed here

        mine = self.doc.report.copy()
        theirs = self._stored_elsewhere(draft_id)
        # Deleted for good there: keeping ours as a copy is all that is left.
        choice = CONFLICT_COPY if theirs is None else self.dialogs.ask_conflict(differences(mine, theirs))
        if choice == CONFLICT_COPY:
            # Saved as a new draft first: if that fails, the edits stay with the saver (and its
            # recovery copy) on this draft, and the next save asks again.
            ok, copy_id = self.guarded(lambda: self.store.save(mine))
            if not ok:
                return
            self.saver.attach(None)
            self.draft_id = None
            self.drafts_changed.emit()
            self._load_and_show(copy_id)  # type: ignore[arg-type]
            self.message.emit(translate("Window", "Your version was kept as a copy."))
        else:
            self.saver.attach(None)
            self.draft_id = None
            self.open(draft_id)
        self.saver.discard_recovery_copy(draft_id)

    def _stored_elsewhere(self, draft_id: str) -> Report | None:
        """The draft as the other window saved it, read apart: reading it through our store
        would make ours think it had seen that version, and a later save would overwrite it."""
        from kopsavilkums.store import DraftStore

        try:
            with DraftStore(self.store.path, read_only=True) as other:
                return other.load(draft_id)
        except (StoreError, OSError):
            return None

    def check_elsewhere(self) -> None:
        """Show what another window saved of the open draft, when nothing here is unsaved."""
        draft_id = self.draft_id
        if draft_id is None or self.saver.dirty or self.saver.saving:
            return
        try:
            info = self.store.info(draft_id)
        except StoreError:
            self.drafts_changed.emit()  # deleted for good elsewhere: the list says so
            return
        changed = info.revision != self.store.revision_seen(draft_id)
        if changed or info.status != self.status or info.trashed != self.in_trash or info.signed_by != self.signed_by:
            self.draft_id = None
            if self._load_and_show(draft_id):
                self.message.emit(
                    translate("Window", "This draft was changed in another window; it is shown as saved there.")
                )
            self.drafts_changed.emit()


def next_report_notice(previous: Report, new: Report) -> str:
    carried = len([i for i in new.indicators if i.carried_over])
    text = translate(
        "Window",
        "The report for %1 was started from the last one. Carried over: the task, the performer, the "
        "objectives, the indicators' texts (%2, marked ↻: check each and mark it as checked) with their "
        "planned values, the signatory and who prepared it. Still to fill in: what was achieved, the "
        "budget amounts, the closing assessment and the date of signing.",
    )
    period = show_period(new.period.start, new.period.end) or translate("Window", "the next period")
    return text.replace("%1", period).replace("%2", str(carried))
