"""The draft store: drafts in one local TinyDB file that nothing can corrupt or lose.

``DraftStore`` (drafts.py) is the API; ``SafeJSONStorage`` (storage.py) the crash-safe,
cached, locked TinyDB storage under it; ``locking.py`` the inter-process lock;
``migrations.py`` the store's own schema version; ``records.py`` the stored record;
``recovery.py`` the recovery copies of a window's unsaved edits.
"""

from kopsavilkums.store.drafts import DraftStore
from kopsavilkums.store.errors import ConflictError, DraftNotFound, StoreBusy, StoreError
from kopsavilkums.store.records import DraftInfo
from kopsavilkums.store.recovery import RecoveryCopies, RecoveryCopy
from kopsavilkums.store.storage import RecoveryNotice

__all__ = [
    "ConflictError",
    "DraftInfo",
    "DraftNotFound",
    "DraftStore",
    "RecoveryCopies",
    "RecoveryCopy",
    "RecoveryNotice",
    "StoreBusy",
    "StoreError",
]
