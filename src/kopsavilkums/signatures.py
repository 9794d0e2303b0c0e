"""The signatures in a signed PDF (PAdES, as eParaksts adds them): who signed, when, whether the
signed bytes are intact, and what changed after signing — found with pyHanko.

pyHanko (and asyncio, aiohttp, cryptography under it) costs about a second to import: it is
imported only when a PDF carries a ``/ByteRange`` (:func:`may_be_signed`), never at start-up nor
for an unsigned PDF. Nothing here reaches the network: there is no trust list offline, so a
signature's certificate is checked against CA certificates only when the user gives them, and a
line never claims more than was checked.
"""

from __future__ import annotations

import enum
import io
import logging
import re
from dataclasses import dataclass
from datetime import datetime

from kopsavilkums.messages import Message, UserError

# pyHanko logs every path it cannot build with a traceback; with no handler configured Python
# would print those to stderr. The application's own logging still receives them.
for _name in ("pyhanko", "pyhanko_certvalidator"):
    logging.getLogger(_name).addHandler(logging.NullHandler())

#: At most this many signatures are examined (a real summary has one or two).
MAX_SIGNATURES = 16
#: A signature's CMS larger than this is refused unread: eParaksts' long-term signatures, with
#: their certificates, OCSP answers and CRLs, stay well under it.
MAX_CMS_BYTES = 2 * 1024 * 1024


def may_be_signed(data: bytes) -> bool:
    """Cheap and never wrong the other way: a PDF signature dictionary has a ``/ByteRange``."""
    return b"/ByteRange" in data


class Changed(enum.Enum):
    """What was added to the file after the revision a signature signed."""

    NOTHING = "nothing"
    SIGNATURES = "signatures"  # later signatures, timestamps, validation data only
    FORM_FIELDS = "form fields"
    OTHER = "other"


@dataclass(frozen=True)
class Signature:
    field: str
    #: A document timestamp (``/DocTimeStamp``) rather than a person's signature.
    timestamp_only: bool
    #: The certificate's subject: its common name, or the whole name when it has none.
    signer: str
    #: The signing time: the timestamp's when there is one, else the time the signer's computer stated.
    signed_at: datetime | None
    #: A timestamp token from a timestamp authority is present and matches the signature.
    timestamped: bool
    #: The signed bytes are as they were signed and the signature over them is sound.
    intact: bool
    changed: Changed
    #: Where the signed revision ends: ``data[:signed_end]`` is the file as it was signed.
    signed_end: int
    #: Checked against the CA certificates the user gave: None when none were given.
    trusted: bool | None
    #: The certificate was not valid (yet, or any more) at the signing time.
    certificate_outside_validity: bool
    #: Set when the signature itself could not be read (malformed or oversized).
    problem: Message | None = None

    @property
    def sound(self) -> bool:
        """Signed and intact, nothing but signatures and timestamps added after it, the
        certificate valid when it signed, and trusted when trust was checked."""
        return (
            self.problem is None
            and self.intact
            and self.changed in (Changed.NOTHING, Changed.SIGNATURES)
            and not self.certificate_outside_validity
            and self.trusted is not False
        )


class SignaturesUnreadable(UserError):
    """The PDF's structure could not be read to find its signatures."""


def examine(data: bytes, trust_roots: list[bytes] | None = None) -> list[Signature]:
    """Every signature in ``data`` (a PDF), oldest first. ``trust_roots``: DER certificates of the
    CA the user trusts (None: trust not checked)."""
    sizes = _contents_sizes(data)
    if sizes and (max(sizes) > MAX_CMS_BYTES or sum(sizes) > 2 * MAX_CMS_BYTES):
        return [_unreadable("", _too_large(max(sizes) if max(sizes) > MAX_CMS_BYTES else sum(sizes)))]
    _import_pyhanko()  # outside the try below: a missing module is our fault, not the file's
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.fields import enumerate_sig_fields

    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        fields = list(enumerate_sig_fields(reader, filled_status=True))
    except Exception as exc:  # a third-party parser on untrusted input
        raise SignaturesUnreadable(
            Message(
                f"PDF struktūru nevar nolasīt, lai atrastu parakstus ({_short(exc)}).",
                f"The PDF's structure cannot be read to find its signatures ({_short(exc)}).",
            )
        ) from None
    found = []
    for name, _value, field_ref in fields[:MAX_SIGNATURES]:
        found.append(_examine_one(reader, str(name), field_ref, trust_roots))
    found.sort(key=lambda s: s.signed_end)
    if len(fields) > MAX_SIGNATURES:  # said, and unsound: never "intact" for what was not examined
        rest = len(fields) - MAX_SIGNATURES
        found.append(
            _unreadable(
                "",
                Message(
                    f"vēl {rest} paraksti nav pārbaudīti (pārbauda ne vairāk kā {MAX_SIGNATURES})",
                    f"{rest} more signatures were not examined (at most {MAX_SIGNATURES} are)",
                ),
            )
        )
    return found


def _examine_one(reader, name: str, field_ref, trust_roots: list[bytes] | None) -> Signature:
    from pyhanko.sign.validation.pdf_embedded import EmbeddedPdfSignature, extract_contents

    try:
        field = field_ref.get_object()
        contents = extract_contents(field["/V"].get_object())
        if len(contents) > MAX_CMS_BYTES:  # one in an object stream, which the scan above cannot see
            return _unreadable(name, _too_large(len(contents)))
        embedded = EmbeddedPdfSignature(reader, field, name)
        return _validated(embedded, name, trust_roots)
    except (Exception, RecursionError) as exc:  # malformed CMS, a broken dictionary …
        return _unreadable(
            name,
            Message(f"parakstu nevar nolasīt ({_short(exc)})", f"the signature cannot be read ({_short(exc)})"),
        )


_CONTENTS = re.compile(rb"/Contents\s*<([0-9A-Fa-f\s]*)")


def _contents_sizes(data: bytes) -> list[int]:
    """The size of each ``/Contents <hex>`` in the file, in bytes. pyHanko reads a hex string a
    character at a time (about a second a megabyte): oversized ones are refused before that."""
    return [len(m.group(1)) // 2 for m in _CONTENTS.finditer(data)]


def _too_large(size: int) -> Message:
    return Message(
        f"paraksta dati ir pārāk lieli ({size // 1024} KB); tie netiek lasīti",
        f"the signature's data is too large ({size // 1024} KB); it is not read",
    )


def _import_pyhanko() -> None:
    import warnings

    with warnings.catch_warnings():  # cryptography's DSA deprecation, raised by pyHanko's import
        warnings.simplefilter("ignore")
        import pyhanko.pdf_utils.reader
        import pyhanko.sign.diff_analysis
        import pyhanko.sign.fields
        import pyhanko.sign.validation  # noqa: F401


def _validated(embedded, name: str, trust_roots: list[bytes] | None) -> Signature:
    import asyncio

    from pyhanko.sign.diff_analysis import DiffResult, ModificationLevel
    from pyhanko.sign.validation.errors import SignatureValidationError
    from pyhanko.sign.validation.pdf_embedded import async_validate_pdf_signature, async_validate_pdf_timestamp
    from pyhanko.sign.validation.status import DocumentTimestampStatus, PdfSignatureStatus, SignatureCoverageLevel

    timestamp_only = embedded.sig_object_type == "/DocTimeStamp"
    cert = embedded.signer_cert
    signed_at = _signing_time_unchecked(embedded)
    context = _context(trust_roots, signed_at)
    status: DocumentTimestampStatus | PdfSignatureStatus
    try:
        if timestamp_only:
            status = asyncio.run(async_validate_pdf_timestamp(embedded, validation_context=context))
        else:
            status = asyncio.run(async_validate_pdf_signature(embedded, signer_validation_context=context))
    except SignatureValidationError as exc:
        return _unreadable(
            name,
            Message(f"parakstu nevar pārbaudīt ({_short(exc)})", f"the signature cannot be checked ({_short(exc)})"),
        )
    timestamped = False
    if isinstance(status, DocumentTimestampStatus):
        signed_at = status.timestamp
        timestamped = status.intact and status.valid
    else:
        token = status.timestamp_validity
        if token is not None and token.intact and token.valid:
            signed_at, timestamped = token.timestamp, True
        else:
            signed_at = status.signer_reported_dt
    covered = status.coverage in (SignatureCoverageLevel.ENTIRE_REVISION, SignatureCoverageLevel.ENTIRE_FILE)
    intact = bool(status.intact and status.valid and covered)
    diff = embedded.diff_result
    if status.coverage == SignatureCoverageLevel.ENTIRE_FILE:
        changed = Changed.NOTHING
    elif not isinstance(diff, DiffResult) or diff.modification_level > ModificationLevel.FORM_FILLING:
        changed = Changed.OTHER
    elif diff.modification_level <= ModificationLevel.LTA_UPDATES or _only_later_signatures(embedded, diff):
        changed = Changed.SIGNATURES
    else:
        changed = Changed.FORM_FIELDS
    byte_range = [int(x) for x in embedded.byte_range]
    return Signature(
        field=name,
        timestamp_only=timestamp_only,
        signer=_subject(cert),
        signed_at=signed_at,
        timestamped=timestamped,
        intact=intact,
        changed=changed,
        signed_end=byte_range[2] + byte_range[3],
        trusted=None if trust_roots is None else bool(status.trusted),
        certificate_outside_validity=signed_at is not None and not _valid_at(cert, signed_at),
    )


def _only_later_signatures(embedded, diff) -> bool:
    """The form fields changed after this signature are all signature fields signed later."""
    from pyhanko.sign.fields import enumerate_sig_fields

    later = {
        str(name)
        for name, _value, _ref in enumerate_sig_fields(embedded.reader, filled_status=True)
        if str(name) != embedded.field_name
    }
    return set(diff.changed_form_fields) <= later


def _signing_time_unchecked(embedded) -> datetime | None:
    """The signer's own stated time, to validate the certificate chain at (before the timestamp is known)."""
    try:
        return embedded.self_reported_timestamp
    except Exception:
        return None


def _context(trust_roots: list[bytes] | None, moment: datetime | None):
    """Never fetches anything: no trust list offline, the user's CA certificates when given.
    Revocation is not checked (that needs the network); the chain is checked at the signing time."""
    from asn1crypto import x509
    from pyhanko_certvalidator import ValidationContext

    roots = [x509.Certificate.load(der) for der in trust_roots or []]
    options: dict = {"trust_roots": roots, "allow_fetching": False, "revocation_mode": "soft-fail"}
    if moment is not None:
        options["moment"] = moment
    return ValidationContext(**options)


def _valid_at(cert, when: datetime) -> bool:
    validity = cert["tbs_certificate"]["validity"]
    return validity["not_before"].native <= when <= validity["not_after"].native


def _subject(cert) -> str:
    try:
        native = cert.subject.native
        name = native.get("common_name")
        if isinstance(name, list):
            name = ", ".join(name)
        return str(name) if name else cert.subject.human_friendly
    except Exception:
        return "?"


def _unreadable(name: str, problem: Message) -> Signature:
    return Signature(
        field=name,
        timestamp_only=False,
        signer="",
        signed_at=None,
        timestamped=False,
        intact=False,
        changed=Changed.OTHER,
        signed_end=0,
        trusted=None,
        certificate_outside_validity=False,
        problem=problem,
    )


def _short(exc: BaseException) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if len(text) <= 120 else text[:119] + "…"


# ---------------------------------------------------------------------- words


def describe(signature: Signature) -> Message:
    """One line for a signature: who, when, intact or not, what changed after, trust."""
    if signature.problem is not None:
        return Message(
            f"Paraksts „{signature.field}”: {signature.problem.lv}.",
            f"Signature “{signature.field}”: {signature.problem.en}.",
        )
    parts = [_who(signature), _when(signature), _integrity(signature)]
    if signature.intact:
        parts.append(_after(signature.changed))
    if signature.certificate_outside_validity:
        parts.append(
            Message(
                "sertifikāts parakstīšanas brīdī nebija derīgs (beidzies vai vēl nebija sācies)",
                "the certificate was not valid at the signing time (expired or not yet valid)",
            )
        )
    parts.append(_trust(signature.trusted))
    return Message("; ".join(p.lv for p in parts) + ".", "; ".join(p.en for p in parts) + ".")


def _who(signature: Signature) -> Message:
    if signature.timestamp_only:
        return Message(f"Dokumenta laika zīmogs no „{signature.signer}”", f"Document timestamp by “{signature.signer}”")
    return Message(f"Parakstījis „{signature.signer}”", f"Signed by “{signature.signer}”")


def _when(signature: Signature) -> Message:
    if signature.signed_at is None:
        return Message("parakstīšanas laiks nav norādīts", "no signing time given")
    local = signature.signed_at.astimezone()  # the reader's time zone, named
    lv = local.strftime("%d.%m.%Y. %H:%M:%S %Z").strip()
    en = local.strftime("%d.%m.%Y %H:%M:%S %Z").strip()
    if signature.timestamped:
        return Message(
            f"{lv} (laika zīmogs no laika zīmoga pakalpojuma sniedzēja)",
            f"{en} (timestamp from a timestamp authority)",
        )
    return Message(
        f"{lv} (kā norādīja parakstītāja dators; laika zīmoga nav)",
        f"{en} (as the signer's computer stated; no timestamp)",
    )


def _integrity(signature: Signature) -> Message:
    if signature.intact:
        return Message("parakstītie dati ir neskarti", "the signed data is intact")
    return Message(
        "parakstītie dati ir mainīti pēc parakstīšanas (paraksts neatbilst)",
        "the signed data was changed after signing (the signature does not match)",
    )


def _after(changed: Changed) -> Message:
    return {
        Changed.NOTHING: Message("pēc parakstīšanas nekas nav mainīts", "nothing changed after signing"),
        Changed.SIGNATURES: Message(
            "pēc parakstīšanas pievienoti tikai paraksti, laika zīmogi vai validācijas dati",
            "only signatures, timestamps or validation data were added after signing",
        ),
        Changed.FORM_FIELDS: Message(
            "pēc parakstīšanas mainīti veidlapas lauki", "form fields were changed after signing"
        ),
        Changed.OTHER: Message("pēc parakstīšanas mainīts cits saturs", "other content was changed after signing"),
    }[changed]


def _trust(trusted: bool | None) -> Message:
    if trusted is None:
        return Message("nav pārbaudīts pret uzticamo sarakstu", "not checked against a trust list")
    if trusted:
        return Message(
            "sertifikāts ved uz norādīto uzticamo iestādi (atsaukšana nav pārbaudīta)",
            "the certificate chains to the given trusted CA (revocation not checked)",
        )
    return Message(
        "sertifikāts neved uz norādīto uzticamo iestādi", "the certificate does not chain to the given trusted CA"
    )
