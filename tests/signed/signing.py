"""Signing PDFs in the tests as eParaksts does, offline: a test certificate authority, signers'
keys made on a PKCS#11 token (SoftHSM2, as the Latvian eID card is used through PKCS#11), and a
timestamp authority on the loopback interface.

Everything here is for tests only; the program itself never signs.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import io
import os
import shutil
import subprocess
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

SOFTHSM_LIBRARIES = (
    "/usr/lib/softhsm/libsofthsm2.so",
    "/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so",
    "/usr/lib/aarch64-linux-gnu/softhsm/libsofthsm2.so",
    "/usr/local/lib/softhsm/libsofthsm2.so",
    "/opt/homebrew/lib/softhsm/libsofthsm2.so",
)
PIN = "1234"
NOW = dt.datetime.now(dt.UTC).replace(microsecond=0)


def softhsm_library() -> str | None:
    return next((path for path in SOFTHSM_LIBRARIES if os.path.exists(path)), None)


def skip_without_softhsm() -> str:
    """The SoftHSM2 library, or the test is skipped saying what is missing."""
    library = softhsm_library()
    if library is None or shutil.which("softhsm2-util") is None:
        pytest.skip("SoftHSM2 is not installed (Debian: softhsm2); the signing tests need a PKCS#11 token")
    pytest.importorskip("pkcs11", reason="python-pkcs11 is not installed (the test extra)")
    return library


def _name(common_name: str):
    from cryptography import x509
    from cryptography.x509.oid import NameOID

    return x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "LV"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Kopsavilkums tests"),
            x509.NameAttribute(NameOID.COMMON_NAME, common_name),
        ]
    )


class TestCA:
    """A root CA that issues signing and timestamping certificates (cryptography objects)."""

    __test__ = False  # not a test class, whatever its name

    def __init__(self, common_name: str = "Kopsavilkums Test CA") -> None:
        from cryptography import x509
        from cryptography.hazmat.primitives import hashes
        from cryptography.hazmat.primitives.asymmetric import ec

        self.key = ec.generate_private_key(ec.SECP256R1())
        self.cert = (
            x509.CertificateBuilder()
            .subject_name(_name(common_name))
            .issuer_name(_name(common_name))
            .public_key(self.key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(NOW - dt.timedelta(days=3650))
            .not_valid_after(NOW + dt.timedelta(days=3650))
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .add_extension(x509.KeyUsage(False, False, False, False, False, True, True, False, False), critical=True)
            .sign(self.key, hashes.SHA256())
        )

    def issue(self, common_name: str, public_key, *, days=(-30, 365), timestamping: bool = False):
        """A certificate for ``public_key``, valid from ``days[0]`` to ``days[1]`` days from now."""
        from cryptography import x509
        from cryptography.hazmat.primitives import hashes
        from cryptography.x509.oid import ExtendedKeyUsageOID

        builder = (
            x509.CertificateBuilder()
            .subject_name(_name(common_name))
            .issuer_name(self.cert.subject)
            .public_key(public_key)
            .serial_number(x509.random_serial_number())
            .not_valid_before(NOW + dt.timedelta(days=days[0]))
            .not_valid_after(NOW + dt.timedelta(days=days[1]))
            .add_extension(
                x509.KeyUsage(True, not timestamping, False, False, False, False, False, False, False), critical=True
            )
        )
        if timestamping:
            builder = builder.add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.TIME_STAMPING]), critical=True)
        return builder.sign(self.key, hashes.SHA256())

    def pem(self) -> bytes:
        from cryptography.hazmat.primitives import serialization

        return self.cert.public_bytes(serialization.Encoding.PEM)


def _asn1_cert(cert):
    from asn1crypto import x509
    from cryptography.hazmat.primitives import serialization

    return x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER))


class Token:
    """A SoftHSM2 token in its own folder; :meth:`signer` makes a key pair on it and a pyHanko
    signer that signs with that key through PKCS#11."""

    def __init__(self, folder: Path, library: str, ca: TestCA) -> None:
        import pkcs11

        self.ca = ca
        self.keys = 0
        tokens = folder / "tokens"
        tokens.mkdir(parents=True)
        config = folder / "softhsm2.conf"
        config.write_text(f"directories.tokendir = {tokens}\nobjectstore.backend = file\nlog.level = ERROR\n")
        os.environ["SOFTHSM2_CONF"] = str(config)  # read by the library when it is initialised
        subprocess.run(
            ["softhsm2-util", "--init-token", "--free", "--label", "kopsavilkums", "--pin", PIN, "--so-pin", "5678"],
            check=True,
            capture_output=True,
        )
        self.token = pkcs11.lib(library).get_token(token_label="kopsavilkums")
        self.session = self.token.open(user_pin=PIN, rw=True)

    def signer(self, common_name: str, *, days=(-30, 365)):
        from cryptography.hazmat.primitives.serialization import load_der_public_key
        from pkcs11 import Attribute, KeyType
        from pkcs11.util.ec import encode_ec_public_key, encode_named_curve_parameters
        from pyhanko.sign.pkcs11 import PKCS11Signer

        self.keys += 1
        label = f"key-{self.keys}"  # one label per key: the signer finds its key by it
        parameters = self.session.create_domain_parameters(
            KeyType.EC, {Attribute.EC_PARAMS: encode_named_curve_parameters("secp256r1")}, local=True
        )
        public, _private = parameters.generate_keypair(store=True, label=label)
        cert = self.ca.issue(common_name, load_der_public_key(encode_ec_public_key(public)), days=days)
        return PKCS11Signer(
            self.session,
            key_label=label,
            signing_cert=_asn1_cert(cert),
            ca_chain=[_asn1_cert(self.ca.cert)],
            use_raw_mechanism=True,  # SoftHSM2 has plain ECDSA only (the digest is made here)
        )

    def close(self) -> None:
        self.session.close()


_shared: dict[str, tuple[TestCA, Token]] = {}


def shared_token(tmp_path_factory) -> tuple[TestCA, Token]:
    """The run's one CA and token: SoftHSM2 reads its configuration once per process, so every
    test module signs on the same token (skipped, saying why, without SoftHSM2)."""
    library = skip_without_softhsm()
    if "token" not in _shared:
        ca = TestCA()
        _shared["token"] = (ca, Token(tmp_path_factory.mktemp("softhsm"), library, ca))
    return _shared["token"]


@contextmanager
def loopback_tsa(ca: TestCA, when: dt.datetime) -> Iterator[str]:
    """A timestamp authority (RFC 3161 over HTTP) on 127.0.0.1 that stamps every request with
    ``when``; yields its URL."""
    from asn1crypto import keys, tsp
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    from pyhanko.sign.timestamps.dummy_client import DummyTimeStamper

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)  # pyHanko's stamper signs with RSA only
    cert = ca.issue("Kopsavilkums Test TSA", key.public_key(), timestamping=True)
    stamper = DummyTimeStamper(
        tsa_cert=_asn1_cert(cert),
        tsa_key=keys.PrivateKeyInfo.load(
            key.private_bytes(
                serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
            )
        ),
        certs_to_embed=[_asn1_cert(ca.cert)],
        fixed_dt=when,
    )

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            length = min(int(self.headers.get("Content-Length", "0")), 65536)
            request = tsp.TimeStampReq.load(self.rfile.read(length))
            answer = asyncio.run(stamper.async_request_tsa_response(request)).dump()
            self.send_response(200)
            self.send_header("Content-Type", "application/timestamp-reply")
            self.send_header("Content-Length", str(len(answer)))
            self.end_headers()
            self.wfile.write(answer)

        def log_message(self, *args) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/tsa"
    finally:
        server.shutdown()
        server.server_close()


def sign(pdf: bytes, signer, field: str = "Signature1", tsa_url: str | None = None) -> bytes:
    """``pdf`` with one more PAdES signature, added as an incremental update (as eParaksts does)."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import signers
    from pyhanko.sign.fields import SigSeedSubFilter

    async def run() -> bytes:
        meta = signers.PdfSignatureMetadata(field_name=field, subfilter=SigSeedSubFilter.PADES)
        writer = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
        if tsa_url is None:
            out = await signers.async_sign_pdf(writer, meta, signer=signer)
        else:
            import aiohttp
            from pyhanko.sign.timestamps.aiohttp_client import AIOHttpTimeStamper

            async with aiohttp.ClientSession(trust_env=False) as session:
                stamper = AIOHttpTimeStamper(tsa_url, session, timeout=10)
                out = await signers.async_sign_pdf(writer, meta, signer=signer, timestamper=stamper)
        return out.getvalue()

    return asyncio.run(run())


def replace_attachment(pdf: bytes, data: bytes) -> bytes:
    """``pdf`` with an incremental update whose attachment ``kopsavilkums.json`` holds ``data``."""
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    writer = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
    names = writer.root["/Names"]["/EmbeddedFiles"]["/Names"]
    spec_ref = names.raw_get(1)
    spec = spec_ref.get_object()
    stream = generic.StreamObject({generic.NameObject("/Type"): generic.NameObject("/EmbeddedFile")}, stream_data=data)
    spec["/EF"][generic.NameObject("/F")] = writer.add_object(stream)
    writer.mark_update(spec_ref)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def add_signature_dictionary(pdf: bytes, contents: bytes, byte_range=(0, 10, 20, 30)) -> bytes:
    """``pdf`` with a signature field whose signature dictionary is made up: ``contents`` as its
    CMS — hostile input, as a file could carry it."""
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    writer = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
    value = writer.add_object(
        generic.DictionaryObject(
            {
                generic.NameObject("/Type"): generic.NameObject("/Sig"),
                generic.NameObject("/Filter"): generic.NameObject("/Adobe.PPKLite"),
                generic.NameObject("/SubFilter"): generic.NameObject("/ETSI.CAdES.detached"),
                generic.NameObject("/ByteRange"): generic.ArrayObject(generic.NumberObject(n) for n in byte_range),
                generic.NameObject("/Contents"): generic.ByteStringObject(contents),
            }
        )
    )
    field = writer.add_object(
        generic.DictionaryObject(
            {
                generic.NameObject("/FT"): generic.NameObject("/Sig"),
                generic.NameObject("/T"): generic.TextStringObject("Hostile"),
                generic.NameObject("/V"): value,
            }
        )
    )
    writer.root[generic.NameObject("/AcroForm")] = generic.DictionaryObject(
        {generic.NameObject("/Fields"): generic.ArrayObject([field])}
    )
    writer.update_root()
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def replace_first_page(pdf: bytes, content: bytes) -> bytes:
    """``pdf`` with an incremental update that gives its first page other content."""
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    writer = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
    page_ref = writer.root["/Pages"]["/Kids"].raw_get(0)
    page = page_ref.get_object()
    page[generic.NameObject("/Contents")] = writer.add_object(generic.StreamObject(stream_data=content))
    writer.mark_update(page_ref)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def add_document_timestamp(pdf: bytes, tsa_url: str) -> bytes:
    """``pdf`` with a document timestamp (``/DocTimeStamp``) from the TSA at ``tsa_url``, as a
    long-term (PAdES-LTA) update adds one after the signatures."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import signers

    async def run() -> bytes:
        import aiohttp
        from pyhanko.sign.timestamps.aiohttp_client import AIOHttpTimeStamper

        async with aiohttp.ClientSession(trust_env=False) as session:
            stamper = signers.PdfTimeStamper(AIOHttpTimeStamper(tsa_url, session, timeout=10))
            writer = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
            out = await stamper.async_timestamp_pdf(writer, md_algorithm="sha256")
            return out.getvalue()

    return asyncio.run(run())
