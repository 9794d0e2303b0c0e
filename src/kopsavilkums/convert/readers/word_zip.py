"""What a Word file's zip must pass before python-docx is given it (both Word readers check it).

At most :data:`MAX_MEMBERS` parts and :data:`MAX_UNPACKED` bytes unpacked (a zip bomb stops
there; :mod:`zipfile` never inflates a part beyond the size the zip's directory gives it). Every
part that is XML — told by its content, not its name: python-docx parses a part by the type its
relationship gives it, whatever it is called — counts towards :data:`MAX_XML`, is UTF-8 or
UTF-16 as Word writes it, and holds no document type declaration anywhere (Word never writes one;
an external entity or a "billion laughs" needs one). python-docx's own parser resolves no
entities either; this refuses such a file with a message that says why.
"""

from __future__ import annotations

import io
import re
import zipfile

from kopsavilkums.convert.detect import ZIP_ERRORS
from kopsavilkums.convert.imported import ImportRefused, reason
from kopsavilkums.messages import Message

#: Everything in the zip together, unpacked (pictures included).
MAX_UNPACKED = 100 * 1024 * 1024
#: Its XML parts together: parsed into a tree of about 20 times their size. A 300-page summary's
#: document.xml is a few MB.
MAX_XML = 40 * 1024 * 1024
MAX_MEMBERS = 5_000
_DTD = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.IGNORECASE)
_ENCODING = re.compile(rb"""^<\?xml[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._-]{1,40})""")
_CHUNK = 1 << 20
_EBCDIC_XML = b"\x4c\x6f\xa7\x94"  # "<?xm"


def _foreign(head: bytes) -> bool:
    """Whether libxml2 would read the part as UTF-32 (``<`` and the next character, three zero
    bytes each) or EBCDIC, where a DTD spelled in those encodings would pass a look for ASCII."""
    first = head[:8]
    return first.startswith(_EBCDIC_XML) or (
        first.count(b"\x00") == 6 and first.replace(b"\x00", b"")[:1] == b"<" and len(first) == 8
    )


def _refused(lv: str, en: str) -> ImportRefused:
    return ImportRefused(Message(lv, en))


TOO_MUCH_XML = Message(
    f"Word faila teksta daļas atpakojot pārsniedz {MAX_XML // 2**20} MB; tas netiek lasīts.",
    f"The Word file's text parts unpack to more than {MAX_XML // 2**20} MB; it is not read.",
)
DTD = Message(
    "Word failā ir dokumenta tipa deklarācija (DTD), ko Word neraksta; fails netiek lasīts.",
    "The Word file contains a document type declaration (DTD), which Word never writes; it is not read.",
)
ENCODING = Message(
    "Word failā ir daļa kodējumā, ko Word neraksta (ne UTF-8, ne UTF-16); fails netiek lasīts.",
    "The Word file has a part in an encoding Word never writes (neither UTF-8 nor UTF-16); it is not read.",
)


def check_zip(data: bytes) -> None:
    """Refuse what python-docx should not be given: no zip, no ``word/document.xml``, too much
    unpacked, an XML part that is too large, in another encoding or with a DTD."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
            if len(members) > MAX_MEMBERS:
                raise _refused("Word failā ir pārāk daudz daļu.", "The Word file has too many parts.")
            if sum(m.file_size for m in members) > MAX_UNPACKED:
                raise _refused(
                    f"Word fails atpakojot pārsniedz {MAX_UNPACKED // 2**20} MB; tas netiek lasīts.",
                    f"The Word file unpacks to more than {MAX_UNPACKED // 2**20} MB; it is not read.",
                )
            if sum(m.file_size for m in members if m.filename.endswith((".xml", ".rels"))) > MAX_XML:
                raise ImportRefused(TOO_MUCH_XML)  # told before anything is unpacked
            if "word/document.xml" not in {m.filename for m in members}:
                raise _refused(
                    "Šis zip fails nav Word dokuments (.docx).", "This zip file is not a Word document (.docx)."
                )
            xml = 0
            for member in members:
                if _check_part(archive, member):
                    xml += member.file_size
                    if xml > MAX_XML:
                        raise ImportRefused(TOO_MUCH_XML)
    except ZIP_ERRORS as exc:
        raise _refused(
            f"Word failu nevar atvērt ({reason(exc)}).", f"The Word file cannot be opened ({reason(exc)})."
        ) from None


def _check_part(archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> bool:
    """Whether the part is XML (a picture is not), after refusing one that must not be parsed.

    An XML part is read through to its end: a declaration may come after any number of
    comments, and a look at its first few kilobytes missed one 8 kB in."""
    with archive.open(member) as part:
        head = part.read(4096)
        if _foreign(head):
            raise ImportRefused(ENCODING)
        text = head.replace(b"\x00", b"")  # UTF-16 as ASCII: "<!DOCTYPE" whatever the byte order
        start = text.lstrip(b"\xef\xbb\xbf\xfe\xff \t\r\n")
        if not start.startswith(b"<"):
            return False
        declared = _ENCODING.match(start)
        if declared and declared[1].lower().replace(b"_", b"-") not in (b"utf-8", b"utf8", b"utf-16"):
            raise ImportRefused(ENCODING)
        tail = b""
        while text:
            if _DTD.search(tail + text):
                raise ImportRefused(DTD)
            tail = text[-16:]  # a declaration split between two reads
            text = part.read(_CHUNK).replace(b"\x00", b"")
    return True
