"""What can go wrong in the draft store, as exceptions a window or the command line can show.

Every error carries a bilingual :class:`~kopsavilkums.messages.Message`; ``str(error)`` is the
English one, ``error.localized(language)`` what the user reads.
"""

from __future__ import annotations

from kopsavilkums.messages import Message, UserError


class StoreError(UserError):
    """A store operation that could not be done; nothing on disk was changed by it."""


class ConflictError(StoreError):
    """Someone else (another window or process) saved this draft since we loaded it."""


class DraftNotFound(StoreError, KeyError):
    """No draft with this id (KeyError so ``except KeyError`` callers keep working)."""

    def __init__(self, draft_id: str) -> None:
        self.draft_id = draft_id
        super().__init__(Message(lv=f"melnraksta {draft_id} nav", en=f"there is no draft {draft_id}"))

    def __str__(self) -> str:  # KeyError would otherwise show the repr of the message
        return self.message.en


class StoreBusy(StoreError):
    """Another process held the store's lock for longer than we were willing to wait."""


class StoreUnwritable(StoreError):
    """The store's folder or file cannot be written (read-only, no permission, disk full)."""


class CorruptFile(Exception):
    """Internal: the data file cannot be used as it is; :attr:`reason` says why."""

    def __init__(self, reason: Message) -> None:
        self.reason = reason
        super().__init__(reason.en)
