"""The draft store: drafts in one local TinyDB file that nothing can corrupt or lose.

``DraftStore`` (drafts.py) is the API; ``SafeJSONStorage`` (storage.py) the crash-safe,
cached, locked TinyDB storage under it, with ``backups.py`` (the backups folder), ``history.py``
(generations, and the rules for a file that went back and for rotating backups) and
``repair.py`` (what a repair tells the user); ``locking.py`` the inter-process lock;
``migrations.py`` the store's own schema version; ``records.py`` the stored record;
``recovery.py`` the recovery copies of a window's unsaved edits.
"""

from kopsavilkums.store.drafts import DraftStore
from kopsavilkums.store.errors import ConflictError, DraftNotFound, StoreBusy, StoreError, StoreUnwritable
from kopsavilkums.store.records import DraftInfo
from kopsavilkums.store.recovery import RecoveryCopies, RecoveryCopy
from kopsavilkums.store.repair import RepairNotice

__all__ = [
    "ConflictError",
    "DraftInfo",
    "DraftNotFound",
    "DraftStore",
    "RecoveryCopies",
    "RecoveryCopy",
    "RepairNotice",
    "StoreBusy",
    "StoreError",
    "StoreUnwritable",
]
