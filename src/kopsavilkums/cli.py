"""The ``kopsavilkums`` command line. Never imports Qt: the window is loaded only when no
command is given (or a draft file is passed to open).

Exit codes: 0 done; 1 the report has errors (``validate``); 2 an input could not be read or a
command was misused; 3 an output could not be written. Whatever a user types or passes, a problem
is one line on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from kopsavilkums import APP_NAME, __version__, cli_drafts
from kopsavilkums.cli_io import (
    EXIT_OK,
    EXIT_PROBLEMS,
    EXIT_UNREADABLE,
    EXIT_UNWRITABLE,
    cannot_write,
    output_format_or_say,
    read_input,
    shown,
    write_document,
)
from kopsavilkums.cli_output import THE_INPUT, is_the_input
from kopsavilkums.messages import count_en, count_lv, language_from_environment

COMMANDS = ("pdf", "convert", "validate", "verify", "list", "import", "export", "delete", "restore")
#: The store commands that change it (the window does too); the others only read it.
WRITING_COMMANDS = ("import", "delete", "restore")
READING_COMMANDS = ("list", "export")


def _language() -> str:
    """Messages follow the environment: Latvian when the locale is Latvian, else English."""
    return language_from_environment()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kopsavilkums",
        description="Kopsavilkums par valsts pārvaldes uzdevuma izpildi — fill in, check and print the summary. "
        "With no command, opens the window.",
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="folder of the draft store (default: the platform's app-data folder; env KOPSAVILKUMS_DATA_DIR)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    pdf = sub.add_parser("pdf", help="print a draft file (or a stored draft, --draft ID) to PDF")
    pdf.add_argument(
        "file",
        metavar="FILE",
        nargs="?",
        help="the summary to print: a draft file, a Word file, a web page, a text or a PDF",
    )
    pdf.add_argument("--draft", metavar="ID", help="print the stored draft ID instead of a file")
    pdf.add_argument("-o", "--output", required=True, metavar="OUT.pdf", help="where to write the PDF")
    _add_e_signature(pdf)

    convert = sub.add_parser(
        "convert",
        help="turn a summary into another format: the output's ending picks it "
        "(.kopsavilkums.json, .pdf, .docx, .html, .txt); the input is recognised by its content",
    )
    convert.add_argument("file", metavar="INPUT", help="a draft file, a Word file, a web page, a text or a PDF")
    convert.add_argument("-o", "--output", required=True, metavar="OUTPUT", help="where to write it")
    _add_e_signature(convert)

    validate = sub.add_parser("validate", help="check a draft file; exit 0 valid, 1 errors, 2 unreadable")
    validate.add_argument("file", metavar="FILE", help="a draft file, a Word file, a web page, a text or a PDF")
    validate.add_argument(
        "--as-draft", action="store_true", help="check as a draft: a missing signatory is only a warning"
    )
    validate.add_argument(
        "--spelling",
        action="store_true",
        help="also list the words the Latvian dictionary (and your own word list) does not know, as notes: "
        "they never make the file invalid",
    )

    from kopsavilkums import cli_verify

    cli_verify.add_command(sub)
    cli_drafts.add_commands(sub)
    return parser


def _add_e_signature(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--e-signature",
        action="store_true",
        help="to be signed with a secure e-signature (eParaksts): the document carries the e-document note "
        "in place of the signature line and the date",
    )


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    _tolerant_stdout()
    parser = build_parser()
    argv, file_to_open = _take_file_to_open(parser, argv)
    args = parser.parse_args(argv)
    if file_to_open is not None and args.command is not None:
        parser.error(f"{file_to_open}: a file to open cannot go with a command")
    if file_to_open is not None and (code := _check_file_to_open(file_to_open)) is not None:
        return code
    args.open_file = file_to_open
    if args.command == "pdf" and (args.file is None) == (args.draft is None):
        parser.error("pdf: give either FILE or --draft ID")
    try:
        if _uses_store(args) and (code := _check_data_folder(args)) is not None:
            return code
        if args.command is None:
            return _open_window(args)
        if args.command == "verify":
            from kopsavilkums import cli_verify

            return cli_verify.run(args, _language())
        if args.command not in ("pdf", "convert", "validate"):
            return cli_drafts.run(args, _language())
        return {"pdf": _cmd_pdf, "convert": _cmd_convert, "validate": _cmd_validate}[args.command](args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # "kopsavilkums list | head -1": the reader has gone, and that is fine
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # so that the final flush at exit has nowhere to fail
        return EXIT_OK


def _check_file_to_open(path: Path) -> int | None:
    """``kopsavilkums FILE``: a mistyped command ("lsit") or a file that cannot be a draft is told
    here, not by a window opening. The window reads the file itself."""
    from kopsavilkums import userfile

    lang = _language()
    try:
        userfile.check_file(path)
    except userfile.FileProblem as exc:
        try:
            there = os.path.lexists(path)
        except ValueError:  # a NUL in the name
            there = False
        what = (
            exc.localized(lang)
            if there
            else "tāda faila vai komandas nav"
            if lang == "lv"
            else "no such file or command"
        )
        print(f"kopsavilkums: {shown(path)}: {what}{'' if there else ' (--help)'}", file=sys.stderr)
        return EXIT_UNREADABLE
    return None


def _uses_store(args) -> bool:
    return args.command in (None, *WRITING_COMMANDS, *READING_COMMANDS) or (
        args.command == "pdf" and args.draft is not None
    )


def _check_data_folder(args) -> int | None:
    """Make sure the data folder can serve the command; an exit code (after one line) if not.

    Commands that write (and the window) create a missing folder; commands that only read never
    create it: without a folder there are simply no drafts."""
    from kopsavilkums import paths

    lang = _language()
    writing = args.command not in (*READING_COMMANDS, "pdf")
    folder = paths.data_dir(args.data_dir, create=False)
    try:
        if writing:
            if not paths.check_data_dir(folder, write=True):
                paths.data_dir(folder)
        elif not paths.check_data_dir(folder, write=False):
            return _without_a_folder(args, lang)
    except paths.DataDirError as exc:
        text = f"kopsavilkums: {shown(exc.localized(lang))}"
        print(text, file=sys.stderr)
        if args.command is None:  # started from a desktop there is no terminal to read it in
            from kopsavilkums.ui.startup_error import show

            show(exc.localized(lang))
        return EXIT_UNWRITABLE if writing else EXIT_UNREADABLE
    args.data_dir = str(folder)  # the same folder for the store, whatever changes meanwhile
    return None


def _without_a_folder(args, lang: str) -> int:
    """A reading command on a data folder that does not exist: there are no drafts."""
    if args.command == "list":
        print(cli_drafts.no_drafts_message(lang, trash=args.trash), file=sys.stderr)
        return EXIT_OK
    from kopsavilkums.store import DraftNotFound

    print(f"kopsavilkums: {shown(DraftNotFound(args.draft.strip()).localized(lang))}", file=sys.stderr)
    return EXIT_UNREADABLE


def _tolerant_stdout() -> None:
    # A console or redirect whose encoding lacks Latvian letters (Windows' cp1252) shows "?" in
    # --help or a listing rather than ending in UnicodeEncodeError; stderr already escapes them.
    reconfigure = getattr(sys.stdout, "reconfigure", None)
    if reconfigure is not None and getattr(sys.stdout, "errors", "") == "strict":
        reconfigure(errors="replace")


def _take_file_to_open(parser: argparse.ArgumentParser, argv: list[str]) -> tuple[list[str], Path | None]:
    """``kopsavilkums FILE`` — what a desktop runs on double-click — opens FILE in the window.

    argparse would take FILE for an unknown command, so it is taken out first: the first word
    that is neither an option, nor an option's value, nor a command.
    """
    takes_value = {name for action in parser._actions if action.nargs != 0 for name in action.option_strings}
    i = 0
    while i < len(argv):
        word = argv[i]
        if word in COMMANDS or word == "--":
            break
        if word.startswith("-"):
            i += 2 if word in takes_value else 1
            continue
        return argv[:i] + argv[i + 1 :], Path(word)
    return argv, None


def _print_problems(problems, lang: str) -> None:
    names = {"lv": {"error": "kļūda", "warning": "brīdinājums"}, "en": {"error": "error", "warning": "warning"}}[lang]
    for p in problems:
        print(f"{names[p.severity.value]}: {p.path}: {shown(p.text(lang))}", file=sys.stderr)


def _cmd_validate(args) -> int:
    from kopsavilkums.validation import has_errors, validate

    lang = _language()
    report = read_input(args.file, lang)
    if report is None:
        return EXIT_UNREADABLE
    problems = validate(report, final=not args.as_draft)
    _print_problems(problems, lang)
    if args.spelling:
        _print_spelling(report, args, lang)
    errors = sum(p.is_error for p in problems)
    warnings = len(problems) - errors
    if lang == "lv":
        verdict = (
            f"{errors} {count_lv(errors, 'kļūda', 'kļūdas')}"
            if errors
            else ("derīgs melnraksts" if args.as_draft else "derīgs, var parakstīt")
        )
        summary = f"{verdict}; brīdinājumi: {warnings}"
    else:
        verdict = (
            f"{errors} {count_en(errors, 'error', 'errors')}"
            if errors
            else ("a valid draft" if args.as_draft else "valid, ready to sign")
        )
        summary = f"{verdict}; {warnings} {count_en(warnings, 'warning', 'warnings')}"
    print(f"kopsavilkums: {shown(args.file)}: {summary}", file=sys.stderr)
    return EXIT_PROBLEMS if has_errors(problems) else EXIT_OK


def _print_spelling(report, args, lang: str) -> None:
    """Misspelt words as notes, field by field; the user's own word list counts (read only)."""
    from kopsavilkums import paths, spelling

    speller = spelling.Speller(
        spelling.load_dictionary(), spelling.PersonalWords(paths.data_dir(args.data_dir, create=False))
    )
    note = "piezīme" if lang == "lv" else "note"
    for path, words in spelling.misspelt_in_report(report, speller):
        print(f"{note}: {path}: {shown(spelling.misspelt_message(words).text(lang))}", file=sys.stderr)


def _cmd_pdf(args) -> int:
    return _print_document(args, "pdf")


def _cmd_convert(args) -> int:
    return _print_document(args, None)


def _print_document(args, key: str | None) -> int:
    """``pdf`` (``key`` "pdf") and ``convert`` (the output's ending picks the format): read the
    summary, tell its problems, make the document, write it."""
    from kopsavilkums.report import E_SIGNATURE
    from kopsavilkums.validation import validate

    lang = _language()
    output = Path(args.output)
    fmt = output_format_or_say(output, key, lang)
    if isinstance(fmt, int):
        return fmt
    if is_the_input(output, args.file):
        return cannot_write(output, THE_INPUT.text(lang), lang)
    if getattr(args, "draft", None) is not None:
        report = cli_drafts.load_draft(args, lang)
    else:
        report = read_input(args.file, lang)
    if report is None:
        return EXIT_UNREADABLE
    if args.e_signature:
        report.signatory.signing = E_SIGNATURE
    problems = validate(report, final=True)
    _print_problems(problems, lang)
    return write_document(report, fmt, output, lang, problems)


def _open_window(args) -> int:
    # The core first: once PySide6 is imported, its import hook reads the source of every module
    # imported after it (about 0.1 ms each), which the core's modules need not pay.
    import kopsavilkums.store
    import kopsavilkums.validation  # noqa: F401
    from kopsavilkums import paths
    from kopsavilkums.ui import desktop_libraries

    # Qt aborts the process, naming the wrong library, when its X11 plugin lacks one: say which.
    problem = desktop_libraries.check_window_platform()
    if problem is not None:
        print(f"kopsavilkums: {problem.text(_language())}", file=sys.stderr)
        return EXIT_UNREADABLE
    try:
        from kopsavilkums.ui import qt_code_cache

        qt_code_cache.import_pyside(paths.cache_dir() / "pyside-code")
        from kopsavilkums.ui.app import run
    except ImportError as exc:
        problem = desktop_libraries.explain_import_error(exc)
        what = (
            problem.text(_language())
            if problem
            else f"the window is not available ({exc}); use a command (see --help)."
        )
        print(f"kopsavilkums: {what}", file=sys.stderr)
        return EXIT_UNREADABLE
    return run(args)
