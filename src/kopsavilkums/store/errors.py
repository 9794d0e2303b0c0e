"""What can go wrong in the draft store, as exceptions a window or the command line can show.

Every error carries a Latvian and an English message; ``str(error)`` is the English one.
"""

from __future__ import annotations


class StoreError(Exception):
    """A store operation that could not be done; nothing on disk was changed by it."""

    def __init__(self, message_en: str, message_lv: str | None = None) -> None:
        self.message_en = message_en
        self.message_lv = message_lv or message_en
        super().__init__(message_en)

    def localized(self, language: str) -> str:
        return self.message_lv if language == "lv" else self.message_en


class ConflictError(StoreError):
    """Someone else (another window or process) saved this draft since we loaded it."""


class DraftNotFound(StoreError, KeyError):
    """No draft with this id (KeyError so ``except KeyError`` callers keep working)."""

    def __init__(self, draft_id: str) -> None:
        self.draft_id = draft_id
        super().__init__(f"there is no draft {draft_id}", f"melnraksta {draft_id} nav")

    def __str__(self) -> str:  # KeyError would otherwise show the repr of the message
        return self.message_en


class StoreBusy(StoreError):
    """Another process held the store's lock for longer than we were willing to wait."""


class CorruptFile(Exception):
    """Internal: the data file cannot be used as it is; ``reason_en``/``reason_lv`` say why."""

    def __init__(self, reason_en: str, reason_lv: str) -> None:
        self.reason_en = reason_en
        self.reason_lv = reason_lv
        super().__init__(reason_en)
