"""What the command line's commands share: the exit codes, one printable line per problem,
reading a summary from a file (``pdf``, ``convert``, ``validate``, ``import``) and writing a
document (``pdf``, ``convert``, ``export``). Both ``cli.py`` and ``cli_drafts.py`` use it, so
neither imports the other's internals.

The heavy modules (the readers, the writers) are imported inside the functions: ``--help`` and
opening the window do not pay for them.
"""

from __future__ import annotations

import sys
from pathlib import Path

from kopsavilkums.cli_output import other_format, why_not_written

EXIT_OK, EXIT_PROBLEMS, EXIT_UNREADABLE, EXIT_UNWRITABLE = 0, 1, 2, 3


def shown(text: object) -> str:
    """A path or message on one printable line (a line break or terminal escape in a file name)."""
    from kopsavilkums.userfile import printable

    return printable(str(text))


def read_input(path: str, lang: str):
    """The report in ``path`` — a draft file, a PDF made by Kopsavilkums, a Word file, a web page
    or the text of a published summary — with what the reading noticed told on stderr; None
    (after one line saying why) when it cannot be read."""
    from kopsavilkums.convert.imported import ImportRefused
    from kopsavilkums.convert.reading import read_path

    try:
        imported = read_path(path)
    except ImportRefused as exc:
        print(f"kopsavilkums: {shown(path)}: {shown(exc.localized(lang))}", file=sys.stderr)
        return None
    note = "piezīme" if lang == "lv" else "note"
    for message in imported.notes:
        print(f"{note}: {shown(path)}: {shown(message.text(lang))}", file=sys.stderr)  # file text: no escapes
    return imported.report


def output_format_or_say(output: Path, key: str | None, lang: str):
    """The format to write (``key``'s, or the one ``output``'s ending names), or an exit code
    after one line: before any work, a document is never written over /dev/null, a pipe or a
    folder, an ending nothing is written as is refused, and so is ``pdf -o x.docx`` (an ending
    that names another format than ``key``'s)."""
    from kopsavilkums.convert.writing import UnknownFormat, format_by_key, output_format
    from kopsavilkums.userfile import FileProblem, check_output

    try:
        check_output(output)
    except FileProblem as exc:
        return cannot_write(output, exc.localized(lang), lang)
    try:
        named = output_format(output)
    except UnknownFormat as exc:
        if key:  # "pdf -o report": a PDF called as the user wishes
            return format_by_key(key)
        print(f"kopsavilkums: {exc.localized(lang)}", file=sys.stderr)
        return EXIT_UNREADABLE
    if key and named.key != key:
        print(f"kopsavilkums: {shown(other_format(output, named.name).text(lang))}", file=sys.stderr)
        return EXIT_UNREADABLE
    return named


def write_document(report, fmt, output: Path, lang: str, problems=None) -> int:
    """Make ``report`` in ``fmt`` and write it to ``output`` (atomically), saying so. Making it
    can only fail through a fault of ours (a file of the program missing from a broken
    installation, a bug): one line and exit 3 even then, never a traceback."""
    from kopsavilkums.convert.writing import render
    from kopsavilkums.fileio import atomic_write_bytes

    try:
        data = render(report, fmt, problems)
    except Exception as exc:  # told, not hidden: the line names the error
        what = "dokumentu nevarēja izveidot" if lang == "lv" else "the document could not be made"
        print(f"kopsavilkums: {shown(output)}: {what} ({type(exc).__name__}: {shown(str(exc))})", file=sys.stderr)
        return EXIT_UNWRITABLE
    try:
        atomic_write_bytes(output, data)
    except (OSError, ValueError) as exc:  # ValueError: a NUL in the name
        return cannot_write(output, why_not_written(exc).text(lang), lang)
    wrote(output, fmt.name, lang)
    return EXIT_OK


def wrote(output: Path, kind, lang: str) -> None:
    """Say on stderr what was written (stdout stays for what scripts read: ids, listings)."""
    what = "ierakstīts" if lang == "lv" else "written"
    kind_text = f" ({kind.text(lang)})" if kind is not None else ""
    print(f"kopsavilkums: {shown(output)}: {what}{kind_text}", file=sys.stderr)


def cannot_write(output: Path, reason: str, lang: str) -> int:
    what = "nevar ierakstīt" if lang == "lv" else "cannot be written"
    print(f"kopsavilkums: {shown(output)}: {what} ({reason})", file=sys.stderr)
    return EXIT_UNWRITABLE
