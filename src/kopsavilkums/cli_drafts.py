"""The command line's draft commands: ``list``, ``import``, ``export``, ``delete``, ``restore``
and the draft side of ``pdf --draft``. Kept apart from ``cli.py`` so that the store's commands
live in one place; ``cli.py`` registers them and dispatches to :func:`run`.

A draft is named by its id or by any unambiguous beginning of it (as ``list`` shows it).
Read-only commands open the store read-only, so they work while the window is saving.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from kopsavilkums.cli_io import (
    EXIT_OK,
    EXIT_UNREADABLE,
    EXIT_UNWRITABLE,
    output_format_or_say,
    read_input,
    write_document,
)
from kopsavilkums.messages import Message

COMMANDS = ("list", "import", "export", "delete", "restore")

_STATUS = {"lv": {"draft": "melnraksts", "submitted": "iesniegts"}, "en": {"draft": "draft", "submitted": "submitted"}}
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]+")  # C0, DEL and C1: nothing reaches the terminal


def add_commands(sub: argparse._SubParsersAction) -> None:
    listing = sub.add_parser("list", help="list the drafts in the store: id, status, last change, period, title")
    listing.add_argument("--trash", action="store_true", help="list the drafts in the trash instead")

    importing = sub.add_parser(
        "import", help="add a summary (draft file, Word file, web page, text or PDF) as a new draft; prints its id"
    )
    importing.add_argument("file", metavar="FILE")

    export = sub.add_parser(
        "export",
        help="write a stored draft to a file; its ending picks the format (.kopsavilkums.json, .pdf, .docx, .html, .txt)",
    )
    export.add_argument("draft", metavar="ID")
    export.add_argument("-o", "--output", required=True, metavar="FILE")

    delete = sub.add_parser("delete", help="move a draft to the trash")
    delete.add_argument("draft", metavar="ID")

    restore = sub.add_parser("restore", help="bring a draft back from the trash")
    restore.add_argument("draft", metavar="ID")


def run(args: argparse.Namespace, lang: str) -> int:
    from kopsavilkums.store import StoreError

    handler = {"list": _list, "import": _import, "export": _export, "delete": _delete, "restore": _restore}[
        args.command
    ]
    _tolerant_output()
    try:
        return handler(args, lang)
    except StoreError as exc:
        return _fail(exc.localized(lang), _exit_code(exc))


def load_draft(args: argparse.Namespace, lang: str):
    """The report of ``--draft ID`` for ``pdf``; ``None`` (after a message) when it cannot be had."""
    from kopsavilkums.store import StoreError

    try:
        with _open(args, read_only=True, lang=lang) as store:
            return store.load(_resolve(store, args.draft, lang))
    except StoreError as exc:
        _fail(exc.localized(lang), EXIT_UNREADABLE)
        return None


def _exit_code(exc: Exception) -> int:
    """3 when the store cannot be written (read-only or full disk, its lock held elsewhere for
    too long); 2 for everything else (an unknown id, a store that cannot be read)."""
    from kopsavilkums.store import StoreBusy, StoreUnwritable

    return EXIT_UNWRITABLE if isinstance(exc, (StoreUnwritable, StoreBusy)) else EXIT_UNREADABLE


# ------------------------------------------------------------------------------ commands


def _list(args, lang: str) -> int:
    from kopsavilkums.formats import format_period

    with _open(args, read_only=True, lang=lang) as store:
        drafts = store.list(trashed=args.trash)
    if not drafts:
        print(no_drafts_message(lang, trash=args.trash), file=sys.stderr)
    for info in drafts:
        changed = info.modified.astimezone().strftime("%d.%m.%Y. %H:%M")
        period = format_period(info.period.start, info.period.end) if info.period.start or info.period.end else "—"
        title = _one_line(info.title) or ("(bez nosaukuma)" if lang == "lv" else "(untitled)")
        print(f"{info.id}  {_STATUS[lang][info.status]:<10}  {changed}  {period}  {title}")
    return EXIT_OK


def _import(args, lang: str) -> int:
    report = read_input(args.file, lang)
    if report is None:
        return EXIT_UNREADABLE
    with _open(args, lang=lang) as store:
        draft_id = store.save(report)
    print(draft_id)
    return EXIT_OK


def _export(args, lang: str) -> int:
    output = Path(args.output)
    fmt = output_format_or_say(output, None, lang)
    if isinstance(fmt, int):
        return fmt
    with _open(args, read_only=True, lang=lang) as store:
        report = store.load(_resolve(store, args.draft, lang))
    return write_document(report, fmt, output, lang)


def _delete(args, lang: str) -> int:
    return _change(args, lang, "delete", {"lv": "pārvietots uz atkritni", "en": "moved to the trash"})


def _restore(args, lang: str) -> int:
    return _change(args, lang, "restore", {"lv": "atjaunots no atkritnes", "en": "restored from the trash"})


def _change(args, lang: str, method: str, done: dict[str, str]) -> int:
    with _open(args, lang=lang) as store:
        draft_id = _resolve(store, args.draft, lang)
        getattr(store, method)(draft_id)
    print(f"{draft_id}: {done[lang]}", file=sys.stderr)
    return EXIT_OK


# ------------------------------------------------------------------------------ helpers


def _open(args, *, lang: str, read_only: bool = False):
    """The store of the data folder. The store creates the folder when it writes (a folder it
    cannot create is StoreUnwritable, exit 3); a reader creates nothing."""
    from kopsavilkums.paths import data_dir, store_path
    from kopsavilkums.store import DraftStore

    folder = data_dir(getattr(args, "data_dir", None), create=False)
    store = DraftStore(store_path(folder), read_only=read_only)
    if store.repaired is not None:
        print(f"kopsavilkums: {store.repaired.localized(lang)}", file=sys.stderr)
    return store


def _resolve(store, wanted: str, lang: str) -> str:
    """An id, or an unambiguous beginning of one, among all drafts (the trash included)."""
    from kopsavilkums.store import DraftNotFound, StoreError

    wanted = wanted.strip()
    ids = [info.id for trashed in (False, True) for info in store.list(trashed=trashed)]
    if wanted in ids:
        return wanted
    matches = [draft_id for draft_id in ids if wanted and draft_id.startswith(wanted)]
    if len(matches) == 1:
        return matches[0]
    if len(matches) > 1:
        raise StoreError(
            Message(
                lv=f'"{wanted}" atbilst vairākiem melnrakstiem ({", ".join(sorted(matches))}); norādiet garāku id',
                en=f'"{wanted}" matches several drafts ({", ".join(sorted(matches))}); give more of the id',
            )
        )
    raise DraftNotFound(wanted)


def _fail(message: str, code: int) -> int:
    from kopsavilkums.userfile import printable  # a line break in a file name stays on one line

    print(f"kopsavilkums: {printable(message)}", file=sys.stderr)
    return code


def _one_line(text: str) -> str:
    return _CONTROL.sub(" ", text).strip()


def _tolerant_output() -> None:
    # A console whose encoding lacks Latvian letters shows "?" rather than crashing the command.
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="replace")


def no_drafts_message(lang: str, *, trash: bool) -> str:
    empty = {"lv": ("Atkritne ir tukša.", "Melnrakstu nav."), "en": ("The trash is empty.", "There are no drafts.")}
    return empty[lang][0 if trash else 1]
