"""What an input is, told by its content and never by its name: a draft file, a PDF, a Word file,
a web page (or a browser's web archive), or text. Formats we know but do not read are refused
with what to do instead."""

from __future__ import annotations

import codecs
import io
import re
import zipfile
import zlib
from enum import StrEnum

from kopsavilkums.convert.imported import ImportRefused, reason
from kopsavilkums.messages import Message


class Kind(StrEnum):
    DRAFT = "draft"
    PDF = "pdf"
    DOCX = "docx"
    HTML = "html"
    TEXT = "text"
    WEB_ARCHIVE = "mhtml"  # a browser's "web page, single file": the page is read as HTML


_HTML = re.compile(rb"<(?:!doctype\s+html|html|head|body|table|meta)\b", re.IGNORECASE)
_PAGE = re.compile(rb"<(?:!doctype\s+html|html)\b", re.IGNORECASE)  # a page with something before it
_MHTML = re.compile(rb"^MIME-Version:\s*1\.0", re.IGNORECASE | re.MULTILINE)
#: What reading a damaged zip can raise.
ZIP_ERRORS = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    zlib.error,
    NotImplementedError,
    OSError,
    EOFError,
    RuntimeError,
    ValueError,
)


def _refused(lv: str, en: str) -> ImportRefused:
    return ImportRefused(Message(lv, en))


def _start(data: bytes) -> bytes:
    """The first bytes without a byte-order mark and leading white space, as ASCII-ish text
    (UTF-16 loses its zero bytes) — enough to tell the kinds apart."""
    head = data[:65536]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        head = head[2:].replace(b"\x00", b"")
    elif head.startswith(codecs.BOM_UTF8):
        head = head[3:]
    return head.lstrip()


def detect(data: bytes) -> Kind:
    start = _start(data)
    if not start:
        raise _refused("Fails ir tukšs.", "The file is empty.")
    if _is_pdf(data, start):
        return Kind.PDF
    if data.startswith(b"PK\x03\x04"):
        return _zip_kind(data)
    if data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        raise _refused(
            "Tas ir vecā formāta Word (.doc) vai Excel fails; saglabājiet to Word programmā kā .docx un mēģiniet vēlreiz.",
            "This is an old-format Word (.doc) or Excel file; save it in Word as .docx and try again.",
        )
    if start.startswith(b"{\\rtf"):
        raise _refused(
            "Tas ir RTF fails; saglabājiet to Word programmā kā .docx un mēģiniet vēlreiz.",
            "This is an RTF file; save it in Word as .docx and try again.",
        )
    if start.startswith((b"{", b"[")):  # JSON: the draft file's reader says what is wrong with it
        return Kind.DRAFT
    if _MHTML.search(start[:4096]) and b"multipart/related" in start[:4096].lower():
        return Kind.WEB_ARCHIVE
    if start.startswith(b"<") and _HTML.search(start) or _PAGE.search(start[:1024]):
        return Kind.HTML
    return Kind.TEXT


_PDF_OBJECT = re.compile(rb"\d+\s+\d+\s+obj\b")


def _is_pdf(data: bytes, start: bytes) -> bool:
    """A PDF header in the first kilobyte (where readers look for it) *and* a PDF's structure: an
    object, or its end. A draft, page or text whose title says ``%PDF-`` is none (its own exports
    could not be read back)."""
    if b"%PDF-" not in data[:1024] or start.startswith((b"{", b"[", b"<")):
        return False
    return bool(_PDF_OBJECT.search(data, 0, 65536)) or b"%%EOF" in data[-4096:]


def _zip_kind(data: bytes) -> Kind:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            mimetype = archive.read("mimetype")[:100] if "mimetype" in names else b""
    except ZIP_ERRORS as exc:
        raise _refused(
            f"Bojāts zip (vai Word) fails ({reason(exc)}).", f"A damaged zip (or Word) file ({reason(exc)})."
        ) from None
    if "word/document.xml" in names:
        return Kind.DOCX
    if mimetype.startswith(b"application/vnd.oasis.opendocument"):
        raise _refused(
            "Tas ir OpenDocument (LibreOffice) fails; saglabājiet to kā Word .docx un mēģiniet vēlreiz.",
            "This is an OpenDocument (LibreOffice) file; save it as Word .docx and try again.",
        )
    raise _refused("Šis zip fails nav Word dokuments (.docx).", "This zip file is not a Word document (.docx).")


#: A MIME header with parameters, with its folded continuation lines.
_PARAMETERISED = re.compile(rb"^content-(?:type|disposition)[ \t]*:([^\r\n]*(?:\r?\n[ \t][^\r\n]*)*)", re.I | re.M)
MAX_HEADER = 8192


def web_archive_page(data: bytes) -> bytes | None:
    """The HTML page inside a browser's web archive (``.mht``, ``.mhtml``), or None when it has none."""
    import email  # the standard library's MIME reader, only for web archives
    import email.policy

    for header in _PARAMETERISED.finditer(data):
        if len(header.group(1)) > MAX_HEADER:
            # The standard library splits a header's parameters in quadratic time: 400,000
            # of them (5 MB) took more than a minute. A browser writes a handful.
            raise _refused(
                "Tīmekļa arhīva galvene ir pārāk gara (tik garu neraksta neviena pārlūkprogramma); tas netiek lasīts.",
                "A header of the web archive is too long (no browser writes one so long); it is not read.",
            )
    try:
        message = email.message_from_bytes(data, policy=email.policy.compat32)
        parts = list(message.walk())
    except RecursionError:  # the standard library walks nested parts by recursion
        raise _refused(
            "Tīmekļa arhīvs ir pārāk dziļi ligzdots; tas netiek lasīts.",
            "The web archive is nested too deeply; it is not read.",
        ) from None
    for part in parts:
        if part.get_content_type() == "text/html":
            payload = part.get_payload(decode=True)
            if isinstance(payload, bytes):
                charset = part.get_content_charset()
                if charset:
                    meta = f'<meta charset="{re.sub(r"[^A-Za-z0-9_.:-]", "", charset)[:40]}">'.encode("ascii")
                    return meta + payload
                return payload
    return None
