"""Where Kopsavilkums keeps its data: one function, one override order.

``--data-dir`` (passed in as ``override``) beats the environment variable
``KOPSAVILKUMS_DATA_DIR`` (tests, users who keep drafts in a shared folder), which beats the
platform's application-data folder (``%APPDATA%``, ``~/Library/Application Support``,
``$XDG_DATA_HOME``) as platformdirs knows it — never a hand-built per-OS path.

A folder that cannot be made or used raises :class:`DataDirError`, which names the folder and
says why (a file in the way, a link to nowhere, no permission, a read-only or full disk).
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from platformdirs import user_cache_dir, user_data_dir

from kopsavilkums import APP_NAME
from kopsavilkums.messages import Message, UserError

ENV_VAR = "KOPSAVILKUMS_DATA_DIR"
STORE_FILE_NAME = "drafts.json"


class DataDirError(UserError):
    """The data folder cannot be made, read or written; :attr:`folder` is the folder."""

    def __init__(self, folder: Path, reason: Message) -> None:
        self.folder = folder
        self.reason = reason
        super().__init__(
            Message(
                lv=f"datu mapi {folder} nevar izmantot: {reason.lv}",
                en=f"the data folder {folder} cannot be used: {reason.en}",
            )
        )


def data_dir(override: str | os.PathLike | None = None, *, create: bool = True) -> Path:
    """The data folder, created (owner-only) if missing; ``create=False`` only names it.
    Raises :class:`DataDirError` when it cannot be created."""
    if override:
        folder = Path(override)
    elif os.environ.get(ENV_VAR):
        folder = Path(os.environ[ENV_VAR])
    else:
        folder = Path(user_data_dir(APP_NAME, appauthor=False))
    folder = folder.expanduser()
    if create:
        try:
            folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        except (OSError, ValueError) as exc:
            raise DataDirError(folder, _reason(folder, exc)) from None
    return folder


def check_data_dir(folder: Path, *, write: bool) -> bool:
    """Whether ``folder`` exists as a folder we may read (and, with ``write``, write in).

    False when nothing is there (nothing is created, so reading commands leave no trace);
    :class:`DataDirError` when something else is in the way or it cannot be used."""
    try:
        mode = os.stat(folder).st_mode
    except (FileNotFoundError, NotADirectoryError):
        if os.path.lexists(folder) or _file_in_the_way(folder) is not None:
            raise DataDirError(folder, _reason(folder, FileExistsError(errno.EEXIST, ""))) from None
        return False
    except PermissionError:
        raise DataDirError(folder, Message(lv="nav atļaujas tai piekļūt", en="no permission to reach it")) from None
    except (OSError, ValueError) as exc:
        raise DataDirError(folder, _reason(folder, exc)) from None
    if not stat.S_ISDIR(mode):
        raise DataDirError(folder, _reason(folder, FileExistsError(errno.EEXIST, "")))
    if not os.access(folder, os.R_OK | os.X_OK):
        raise DataDirError(folder, Message(lv="nav atļaujas to lasīt", en="no permission to read it"))
    if write and not os.access(folder, os.W_OK | os.X_OK):
        if _read_only_disk(folder):
            raise DataDirError(folder, _READ_ONLY)
        raise DataDirError(folder, Message(lv="nav atļaujas tajā rakstīt", en="no permission to write in it"))
    return True


_READ_ONLY = Message(lv="disks ir tikai lasāms", en="the disk is read-only")


def _reason(folder: Path, exc: OSError | ValueError) -> Message:
    if isinstance(exc, ValueError):  # a NUL character in the name
        return Message(lv="nederīgs mapes nosaukums", en="not a valid folder name")
    code = exc.errno
    if code in (errno.EEXIST, errno.ENOTDIR):
        try:
            os.stat(folder)
        except OSError as inner:
            code = inner.errno  # a link loop shows only when it is followed
    if code in (errno.EEXIST, errno.ENOTDIR, errno.ENOENT):
        if os.path.islink(folder) and not os.path.exists(folder):
            target = os.readlink(folder)
            return Message(
                lv=f"tā ir saite uz {target}, kas neeksistē", en=f"it is a link to {target}, which does not exist"
            )
        in_the_way = _file_in_the_way(folder) or folder
        if in_the_way == folder:
            return Message(lv="tās vietā ir fails", en="there is a file in its place")
        return Message(lv=f"{in_the_way} ir fails, nevis mape", en=f"{in_the_way} is a file, not a folder")
    if code == errno.ELOOP:
        return Message(lv="tās simboliskās saites veido cilpu", en="its symbolic links go round in a loop")
    if code in (errno.EACCES, errno.EPERM):
        return Message(lv="nav atļaujas to izveidot", en="no permission to create it")
    if code == errno.EROFS:
        return _READ_ONLY
    if code in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return Message(lv="disks ir pilns", en="the disk is full")
    if code == errno.ENAMETOOLONG:
        return Message(lv="nosaukums ir pārāk garš", en="the name is too long")
    text = exc.strerror or str(exc)
    return Message(lv=text, en=text)


def _file_in_the_way(folder: Path) -> Path | None:
    """The nearest of ``folder`` and its parents that exists but is not a folder."""
    for candidate in (folder, *folder.parents):
        try:
            mode = os.stat(candidate).st_mode
        except OSError:
            continue
        return None if stat.S_ISDIR(mode) else candidate
    return None


def _read_only_disk(folder: Path) -> bool:
    try:
        return bool(os.statvfs(folder).f_flag & os.ST_RDONLY)
    except (AttributeError, OSError):  # Windows has no statvfs
        return False


def store_path(folder: Path) -> Path:
    return Path(folder) / STORE_FILE_NAME


def cache_dir() -> Path:
    """The user's own cache folder (``%LOCALAPPDATA%``, ``~/Library/Caches``, ``$XDG_CACHE_HOME``):
    what can be rebuilt at any time, such as compiled code. Never the data folder, which people
    may share: compiled code from there would run for whoever opens it."""
    return Path(user_cache_dir(APP_NAME, appauthor=False))
