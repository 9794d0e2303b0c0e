"""What the store tells the user when it had to repair its file, and what it says when it cannot
read or write it."""

from __future__ import annotations

import errno
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from kopsavilkums.messages import Message
from kopsavilkums.store.errors import StoreError, StoreUnwritable

DAMAGED, REPLACED, MISSING = "damaged", "replaced", "missing"


@dataclass(frozen=True)
class RepairNotice:
    """A repair of the drafts file (damaged, replaced by an older or emptied copy, or missing),
    to be told to the user once."""

    kind: str  # DAMAGED, REPLACED or MISSING
    bad_file: Path  # the file kept aside (the drafts file itself when it was missing)
    restored_from: Path | None  # the backup put back (None: the state in memory, or nothing)
    message: Message

    def localized(self, language: str) -> str:
        return self.message.text(language)


def notice(
    kind: str, path: Path, aside: Path | None, source: Path | str | None, why: Message, *, kept: int = 0
) -> RepairNotice:
    """``source``: the backup restored, ``"memory"`` for the state last read, None for nothing;
    ``kept``: how many drafts only the replacing file held (or held newer) and were kept too."""
    if kind == MISSING or aside is None:
        en, lv = f"The drafts file {path} was missing.", f"Melnrakstu fails {path} bija pazudis."
    elif kind == REPLACED:
        en = f"The drafts file had been replaced by an older or emptied copy ({why.en}). It has been kept unchanged as {aside}."
        lv = f"Melnrakstu fails bija aizstāts ar vecāku vai iztukšotu kopiju ({why.lv}). Tas saglabāts nemainīts kā {aside}."
    else:
        en = f"The drafts file was damaged ({why.en}). It has been kept unchanged as {aside}."
        lv = f"Melnrakstu fails bija bojāts ({why.lv}). Tas saglabāts nemainīts kā {aside}."
    if source == "memory":
        en += " The drafts were written back as Kopsavilkums last read or saved them."
        lv += " Melnraksti ierakstīti atpakaļ tādi, kādus Kopsavilkums tos pēdējoreiz nolasīja vai saglabāja."
    elif source is not None:
        en += f" The last saved state was restored from the backup {source}."
        lv += f" Pēdējais saglabātais stāvoklis atjaunots no rezerves kopijas {source}."
    else:
        en += " No usable backup was found, so the list of drafts starts empty."
        lv += " Derīga rezerves kopija netika atrasta, tāpēc melnrakstu saraksts sākas tukšs."
    if kept:
        en += f" Drafts only that file held, or held in a newer revision, were kept as well ({kept})."
        lv += f" Arī melnraksti, kas bija tikai tajā failā vai tajā bija jaunākā versijā, ir saglabāti ({kept})."
    return RepairNotice(kind, aside or path, source if isinstance(source, Path) else None, Message(lv=lv, en=en))


def cannot_set_aside(path: Path, exc: OSError) -> StoreError:
    reason = exc.strerror or str(exc)
    return StoreUnwritable(
        Message(
            lv=f"melnrakstu fails {path} ir jāatjauno no rezerves kopijas, bet to nevar pārvietot malā ({reason}); nekas netika mainīts",
            en=f"the drafts file {path} needs to be restored from a backup but cannot be moved aside ({reason}); nothing was changed",
        )
    )


def cannot_keep_copy(path: Path, folder: Path, exc: OSError) -> StoreUnwritable:
    reason = exc.strerror or str(exc)
    return StoreUnwritable(
        Message(
            lv=f"melnrakstu failu {path} nevar atjaunināt: tā kopiju nevar saglabāt mapē {folder} ({reason}); nekas netika mainīts",
            en=f"the drafts file {path} cannot be upgraded: a copy of it cannot be kept in {folder} ({reason}); nothing was changed",
        )
    )


def cannot_write(path: Path, exc: OSError, *, creating: bool = False) -> StoreUnwritable:
    """A write of the drafts file failed; the file (if any) is as it was."""
    what_en = f"the draft store cannot be created in {path.parent}" if creating else "the draft was not saved"
    what_lv = f"melnrakstu krātuvi nevar izveidot mapē {path.parent}" if creating else "melnraksts netika saglabāts"
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        return StoreUnwritable(
            Message(
                lv=f"{what_lv}: disks, kurā ir {path.parent}, ir pilns. Melnrakstu fails nav mainīts; atbrīvojiet vietu un mēģiniet vēlreiz",
                en=f"{what_en}: the disk holding {path.parent} is full. The drafts file is unchanged; free some space and try again",
            )
        )
    reason = exc.strerror or str(exc)
    return StoreUnwritable(
        Message(
            lv=f"{what_lv}: {path} nevar ierakstīt ({reason}). Melnrakstu fails nav mainīts",
            en=f"{what_en}: {path} cannot be written ({reason}). The drafts file is unchanged",
        )
    )


def cannot_read(path: Path, exc: OSError) -> StoreError:
    reason = exc.strerror or str(exc)
    return StoreError(
        Message(
            lv=f"melnrakstu failu {path} nevar nolasīt ({reason}); nekas netika mainīts",
            en=f"the drafts file {path} cannot be read ({reason}); nothing was changed",
        )
    )


def stamp() -> str:
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%S.%fZ")
