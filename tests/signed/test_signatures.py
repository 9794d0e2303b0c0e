"""Signed PDFs recognised: a PDF of ours signed with a key on a PKCS#11 token is read back with
its signer, signing time and integrity; tampered variants are reported as such; hostile signature
dictionaries are refused, never followed."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kopsavilkums import exchange, signatures
from kopsavilkums.convert.readers import signed_pdf as signed_reading
from kopsavilkums.convert.reading import read_any
from kopsavilkums.signatures import Changed

from . import signing
from .conftest import TSA_TIME


def same(a, b) -> bool:
    """The same summary (row ids are made anew by each reading)."""
    return exchange.to_document(a) == exchange.to_document(b)


def _tampered(pdf: bytes) -> bytes:
    """One byte changed inside the signed range (the document information's key)."""
    at = pdf.index(b"/Producer")
    return pdf[: at + 3] + b"X" + pdf[at + 4 :]


def test_a_signed_pdf_names_its_signer_and_time_and_is_intact(signed_pdf):
    (found,) = signatures.examine(signed_pdf)
    assert found.signer == "Anna Ozola"
    assert found.intact and found.changed is Changed.NOTHING and found.sound
    assert not found.timestamped and abs(found.signed_at - dt.datetime.now(dt.UTC)) < dt.timedelta(minutes=30)
    line = signatures.describe(found)
    assert line.en.startswith("Signed by “Anna Ozola”;")
    assert "the signed data is intact; nothing changed after signing" in line.en
    assert "as the signer's computer stated; no timestamp" in line.en
    assert line.en.endswith("not checked against a trust list.")
    assert line.lv.startswith("Parakstījis „Anna Ozola”;") and "nav pārbaudīts pret uzticamo sarakstu" in line.lv


def test_a_signed_pdf_imports_as_its_draft_with_the_signature_in_the_notes(signed_pdf, draft_report):
    imported = read_any(signed_pdf, "signed.pdf")
    assert same(imported.report, draft_report)
    assert imported.notes[0].en.startswith("Signed by “Anna Ozola”")
    assert not imported.exact  # the preview is shown: the user reads what the signature says
    assert [s.signer for s in imported.signatures] == ["Anna Ozola"]


def test_a_pdf_changed_inside_the_signed_bytes_is_not_intact(signed_pdf):
    (found,) = signatures.examine(_tampered(signed_pdf))
    assert not found.intact and not found.sound
    assert "the signed data was changed after signing (the signature does not match)" in signatures.describe(found).en
    assert signed_reading.NOT_INTACT in read_any(_tampered(signed_pdf)).notes


def test_an_attachment_replaced_after_signing_is_said_and_the_signed_draft_taken(signed_pdf, draft_report):
    other = draft_report.copy()
    other.title = "Aizstāts pēc parakstīšanas"
    replaced = signing.replace_attachment(signed_pdf, exchange.dumps(other).encode())
    (found,) = signatures.examine(replaced)
    assert found.intact and found.changed is Changed.OTHER and not found.sound
    assert "other content was changed after signing" in signatures.describe(found).en
    imported = read_any(replaced)
    assert same(imported.report, draft_report) and imported.report.title != other.title
    assert signed_reading.REPLACED in imported.notes


def test_two_signatures_each_with_its_signer_the_first_followed_only_by_the_second(twice_signed_pdf):
    first, second = signatures.examine(twice_signed_pdf)
    assert (first.signer, second.signer) == ("Anna Ozola", "Pēteris Kalniņš")
    assert first.changed is Changed.SIGNATURES and second.changed is Changed.NOTHING
    assert first.sound and second.sound
    assert "only signatures, timestamps or validation data were added after signing" in signatures.describe(first).en
    assert len(read_any(twice_signed_pdf).notes) == 2


def test_a_certificate_expired_at_signing_is_said(expired_signed_pdf):
    (found,) = signatures.examine(expired_signed_pdf)
    assert found.intact and found.certificate_outside_validity and not found.sound
    assert "the certificate was not valid at the signing time" in signatures.describe(found).en


def test_a_timestamp_from_a_timestamp_authority_gives_the_signing_time(timestamped_pdf):
    (found,) = signatures.examine(timestamped_pdf)
    assert found.timestamped and found.signed_at == TSA_TIME and found.sound
    assert "(timestamp from a timestamp authority)" in signatures.describe(found).en


def test_trust_is_checked_only_against_the_ca_certificates_given(signed_pdf, ca):
    (trusted,) = signatures.examine(signed_pdf, [ca.cert.public_bytes(_der())])
    assert trusted.trusted is True and trusted.sound
    assert "the certificate chains to the given trusted CA (revocation not checked)" in signatures.describe(trusted).en
    stranger = signing.TestCA("Some Other CA")
    (untrusted,) = signatures.examine(signed_pdf, [stranger.cert.public_bytes(_der())])
    assert untrusted.trusted is False and not untrusted.sound
    assert "does not chain to the given trusted CA" in signatures.describe(untrusted).en


def _der():
    from cryptography.hazmat.primitives.serialization import Encoding

    return Encoding.DER


@pytest.mark.parametrize(
    "contents, says",
    [
        (b"\x30\x82\xff\xff" + bytes(100), "the signature cannot be read"),  # a length past the end
        (b"\x30\x80" * 20000, "the signature cannot be read"),  # nested without end
        (b"\x04\x03abc", "the signature cannot be read"),  # not a CMS at all
        (bytes(3 * 1024 * 1024), "the signature's data is too large (3072 KB); it is not read"),
    ],
    ids=["length-past-end", "deep-nesting", "not-cms", "huge"],
)
def test_hostile_signature_dictionaries_are_refused_and_the_pdf_still_reads(unsigned_pdf, draft_report, contents, says):
    hostile = signing.add_signature_dictionary(unsigned_pdf, contents)
    (found,) = signatures.examine(hostile)
    assert found.problem is not None and not found.sound
    assert says in signatures.describe(found).en
    imported = read_any(hostile)
    assert same(imported.report, draft_report) and signed_reading.NOT_INTACT in imported.notes


def test_an_unsigned_pdf_is_read_without_looking_for_signatures(unsigned_pdf, draft_report):
    assert not signatures.may_be_signed(unsigned_pdf)
    imported = read_any(unsigned_pdf)
    assert imported.exact and imported.notes == [] and imported.signatures == []


def test_pages_changed_after_signing_are_said_and_the_attachment_left_is_not_called_replaced(signed_pdf, draft_report):
    changed = signing.replace_first_page(signed_pdf, b"BT /F1 12 Tf 72 700 Td (Cits teksts) Tj ET")
    (found,) = signatures.examine(changed)
    assert found.intact and found.changed is Changed.OTHER
    imported = read_any(changed)
    assert same(imported.report, draft_report)
    assert signed_reading.PAGES_CHANGED in imported.notes and signed_reading.REPLACED not in imported.notes


def test_a_document_timestamp_after_the_signature_is_its_own_line_and_changes_nothing_signed(
    document_timestamped_pdf, draft_report
):
    signature, stamp = signatures.examine(document_timestamped_pdf)
    assert signature.signer == "Anna Ozola" and signature.changed is Changed.SIGNATURES and signature.sound
    assert stamp.timestamp_only and stamp.timestamped and stamp.signed_at == TSA_TIME and stamp.sound
    assert signatures.describe(stamp).en.startswith("Document timestamp by “Kopsavilkums Test TSA”;")
    imported = read_any(document_timestamped_pdf)
    assert same(imported.report, draft_report) and signed_reading.REPLACED not in imported.notes


def test_a_pdf_whose_signatures_cannot_be_read_still_imports_saying_so(signed_pdf, draft_report, monkeypatch):
    from kopsavilkums.messages import Message

    def unreadable(data, trust_roots=None):
        raise signatures.SignaturesUnreadable(Message("nevar nolasīt", "cannot be read"))

    monkeypatch.setattr(signatures, "examine", unreadable)
    imported = read_any(signed_pdf)
    assert same(imported.report, draft_report)
    assert imported.notes == [Message("nevar nolasīt", "cannot be read")] and not imported.exact


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    contents=st.one_of(
        st.binary(max_size=600),
        # a CMS's own start (SEQUENCE, the signedData OID) with anything after it
        st.binary(max_size=400).map(lambda tail: bytes.fromhex("3082ffff06092a864886f70d010702") + tail),
    )
)
def test_any_bytes_as_a_signature_are_refused_never_followed(unsigned_pdf, contents):
    (found,) = signatures.examine(signing.add_signature_dictionary(unsigned_pdf, contents))
    assert found.problem is not None and not found.sound


def test_reading_an_unsigned_pdf_imports_no_signature_code(unsigned_pdf, signed_pdf, tmp_path):
    """pyHanko (about a second to import) is for signed PDFs only: the unsigned path costs what it did."""
    import subprocess
    import sys

    check = (
        "import sys; from kopsavilkums.convert.reading import read_path; read_path(sys.argv[1]); "
        "print(sorted(m for m in ('pyhanko', 'kopsavilkums.signatures') if m in sys.modules))"
    )
    for name, data, expected in (
        ("u.pdf", unsigned_pdf, "[]"),
        ("s.pdf", signed_pdf, "['kopsavilkums.signatures', 'pyhanko']"),
    ):
        path = tmp_path / name
        path.write_bytes(data)
        result = subprocess.run([sys.executable, "-c", check, str(path)], capture_output=True, text=True, timeout=120)
        assert result.stdout.strip() == expected, result.stderr


def test_signatures_past_the_most_examined_are_said_and_never_sound(twice_signed_pdf, monkeypatch):
    monkeypatch.setattr(signatures, "MAX_SIGNATURES", 1)
    found = signatures.examine(twice_signed_pdf)
    assert len(found) == 2 and not found[-1].sound
    assert "1 more signatures were not examined" in found[-1].problem.en
