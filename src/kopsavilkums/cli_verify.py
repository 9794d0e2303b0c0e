"""``kopsavilkums verify FILE.pdf [--trust CA.pem]``: the signatures of a signed PDF, one line each.

Exit codes: 0 signed, and every signature intact with nothing but signatures or timestamps added
after it (and trusted, when CA certificates are given); 1 not signed, or changed after signing;
2 the file (or the CA file) cannot be read. Offline there is no trust list: without ``--trust`` a
line says the certificate was not checked against one.
"""

from __future__ import annotations

import argparse
import sys

from kopsavilkums.cli_io import EXIT_OK, EXIT_PROBLEMS, EXIT_UNREADABLE, shown
from kopsavilkums.messages import Message, UserError

EXIT_CHANGED = EXIT_PROBLEMS  # not signed, or changed after signing

NOT_SIGNED = Message("nav parakstīts (PDF nav neviena paraksta)", "not signed (the PDF has no signature)")
NOT_A_PDF = Message("tas nav PDF", "this is not a PDF")


def add_command(sub: argparse._SubParsersAction) -> None:
    verify = sub.add_parser(
        "verify",
        help="check the signatures of a signed PDF, one line each; exit 0 signed and intact, "
        "1 not signed or changed after signing, 2 unreadable",
    )
    verify.add_argument("file", metavar="FILE.pdf")
    verify.add_argument(
        "--trust",
        metavar="FILE.pem",
        help="CA certificates (PEM or DER) to check the signers' certificates against; "
        "without it they are not checked against a trust list",
    )


def run(args: argparse.Namespace, lang: str) -> int:
    from kopsavilkums import signatures, userfile
    from kopsavilkums.convert.detect import Kind, detect
    from kopsavilkums.convert.imported import MAX_INPUT_BYTES

    try:
        roots = None if args.trust is None else _certificates(args.trust)
    except _BadTrustFile as exc:
        print(f"kopsavilkums: {shown(exc.localized(lang))}", file=sys.stderr)
        return EXIT_UNREADABLE
    try:
        data = userfile.read_bytes(args.file, MAX_INPUT_BYTES)
    except userfile.FileProblem as exc:
        print(f"kopsavilkums: {shown(exc.localized(lang))}", file=sys.stderr)
        return EXIT_UNREADABLE
    if detect(data) != Kind.PDF:
        return _say(args.file, NOT_A_PDF.text(lang), EXIT_UNREADABLE)
    if not signatures.may_be_signed(data):
        return _say(args.file, NOT_SIGNED.text(lang), EXIT_CHANGED)
    try:
        found = signatures.examine(data, roots)
    except signatures.SignaturesUnreadable as exc:
        return _say(args.file, exc.localized(lang), EXIT_UNREADABLE)
    if not found:
        return _say(args.file, NOT_SIGNED.text(lang), EXIT_CHANGED)
    for signature in found:
        # The signer's name and the field's come from the file: no escape sequence reaches the terminal.
        print(f"{shown(args.file)}: {shown(signatures.describe(signature).text(lang))}")
    return EXIT_OK if all(s.sound for s in found) else EXIT_CHANGED


class _BadTrustFile(UserError):
    """The ``--trust`` file cannot be read or holds no certificate."""


def _certificates(path: str) -> list[bytes]:
    """The DER certificates in a PEM file (any number) or a single DER certificate."""
    from asn1crypto import pem, x509

    from kopsavilkums import userfile

    try:
        data = userfile.read_bytes(path, 4 * 1024 * 1024)
    except userfile.FileProblem as exc:
        raise _BadTrustFile(exc.message.prefixed("--trust")) from None
    try:
        ders = (
            [der for kind, _h, der in pem.unarmor(data, multiple=True) if kind == "CERTIFICATE"]
            if pem.detect(data)
            else [data]
        )
        for der in ders:
            x509.Certificate.load(der).native  # noqa: B018  (parses it whole: a broken one fails here)
    except Exception:  # asn1crypto on a file the user named
        ders = []
    if not ders:
        raise _BadTrustFile(
            Message(
                f"--trust {path}: tajā nav nolasāma sertifikāta (PEM vai DER)",
                f"--trust {path}: it holds no readable certificate (PEM or DER)",
            )
        )
    return ders


def _say(path: str, text: str, code: int) -> int:
    print(f"kopsavilkums: {shown(path)}: {shown(text)}", file=sys.stderr if code == EXIT_UNREADABLE else sys.stdout)
    return code
