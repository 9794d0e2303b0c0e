"""``kopsavilkums verify``: one line per signature; exit 0 signed and intact, 1 not signed or
changed after signing, 2 unreadable."""

from __future__ import annotations

from test_cli import run

from . import signing
from .test_signatures import _tampered


def _file(tmp_path, name: str, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_a_signed_intact_pdf_exits_0_with_one_line_naming_the_signer(tmp_path, signed_pdf):
    result = run("verify", _file(tmp_path, "signed.pdf", signed_pdf))
    assert result.returncode == 0, result.stderr
    (line,) = result.stdout.splitlines()
    assert "Signed by “Anna Ozola”" in line and "the signed data is intact" in line
    assert line.endswith("not checked against a trust list.")


def test_two_signatures_give_two_lines(tmp_path, twice_signed_pdf):
    result = run("verify", _file(tmp_path, "twice.pdf", twice_signed_pdf), env={"KOPSAVILKUMS_LANG": "lv"})
    assert result.returncode == 0, result.stderr
    first, second = result.stdout.splitlines()
    assert "Parakstījis „Anna Ozola”" in first and "Parakstījis „Pēteris Kalniņš”" in second


def test_changed_after_signing_or_not_signed_exits_1(tmp_path, signed_pdf, unsigned_pdf, draft_report):
    from kopsavilkums import exchange

    tampered = run("verify", _file(tmp_path, "tampered.pdf", _tampered(signed_pdf)))
    assert tampered.returncode == 1 and "the signed data was changed after signing" in tampered.stdout
    other = draft_report.copy()
    other.title = "Cits"
    replaced = signing.replace_attachment(signed_pdf, exchange.dumps(other).encode())
    later = run("verify", _file(tmp_path, "replaced.pdf", replaced))
    assert later.returncode == 1 and "other content was changed after signing" in later.stdout
    unsigned = run("verify", _file(tmp_path, "unsigned.pdf", unsigned_pdf))
    assert unsigned.returncode == 1 and "not signed" in unsigned.stdout


def test_an_unreadable_file_exits_2(tmp_path):
    assert run("verify", _file(tmp_path, "note.txt", b"just text")).returncode == 2
    missing = run("verify", tmp_path / "missing.pdf")
    assert missing.returncode == 2 and missing.stderr.startswith("kopsavilkums: ")


def test_trust_is_claimed_only_with_the_ca_given(tmp_path, signed_pdf, ca):
    pdf = _file(tmp_path, "signed.pdf", signed_pdf)
    trusted = run("verify", pdf, "--trust", _file(tmp_path, "ca.pem", ca.pem()))
    assert trusted.returncode == 0 and "chains to the given trusted CA (revocation not checked)" in trusted.stdout
    stranger = run("verify", pdf, "--trust", _file(tmp_path, "other.pem", signing.TestCA("Other CA").pem()))
    assert stranger.returncode == 1 and "does not chain to the given trusted CA" in stranger.stdout
    broken = run("verify", pdf, "--trust", _file(tmp_path, "broken.pem", b"not a certificate"))
    assert broken.returncode == 2 and "holds no readable certificate" in broken.stderr


def test_a_certificate_not_valid_at_signing_exits_1(tmp_path, expired_signed_pdf):
    result = run("verify", _file(tmp_path, "expired.pdf", expired_signed_pdf))
    assert result.returncode == 1 and "the certificate was not valid at the signing time" in result.stdout


def test_a_signer_name_with_a_terminal_escape_prints_as_text(tmp_path, unsigned_pdf, token):
    hostile = signing.sign(unsigned_pdf, token.signer("Anna\x1b]0;pwned\x07 Ozola\x1b[8m"))
    result = run("verify", _file(tmp_path, "hostile.pdf", hostile))
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout
    assert "Anna" in result.stdout and "Ozola" in result.stdout
