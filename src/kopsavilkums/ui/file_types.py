"""The kinds of file drafts are imported from and exported to, as a table the draft
operations (:mod:`.operations`) read: another format is another entry."""

from __future__ import annotations

from collections.abc import Callable

from kopsavilkums import exchange
from kopsavilkums.report import Report
from kopsavilkums.ui.i18n import translate


class FileType:
    """A kind of file the drafts come from or go to. (A plain class: a dataclass costs a
    millisecond of start-up to make.)"""

    def __init__(
        self,
        name: Callable[[], str],
        patterns: str,
        suffix: str,
        read: Callable[[str], Report] | None = None,
        write: Callable[[Report, str], None] | None = None,
    ) -> None:
        self.name = name  # for the file dialog, in the interface language
        self.patterns = patterns  # "*.json"
        self.suffix = suffix  # proposed for a new file
        self.read, self.write = read, write

    def filter(self) -> str:
        return f"{self.name()} ({self.patterns})"


DRAFT_FILE = FileType(
    lambda: translate("Window", "Draft files"), "*.json", exchange.SUFFIX, exchange.read, exchange.write
)
IMPORT_TYPES: list[FileType] = [DRAFT_FILE]
EXPORT_TYPES: list[FileType] = [DRAFT_FILE]
