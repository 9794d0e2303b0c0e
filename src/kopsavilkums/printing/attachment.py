"""The draft file inside the PDF, so that the PDF itself can be opened in Kopsavilkums again.

Like LibreOffice's hybrid PDF: the document carries its source as an embedded file (the catalog's
``/Names /EmbeddedFiles`` tree), which PDF viewers list as an attachment and
:mod:`kopsavilkums.convert` reads back. For PDF/A-3 it is also the document's *associated file*
(the catalog's ``/AF``, relationship ``/Data``: the data the document shows), with its media type
and date. ReportLab has no API for embedded files, so the objects
are built with its own PDF object classes. Compressed, and deterministic: the same draft gives
the same bytes.
"""

from __future__ import annotations

from reportlab.pdfbase.pdfdoc import (
    PDFArray,
    PDFBase85Encode,
    PDFDictionary,
    PDFName,
    PDFObject,
    PDFStream,
    PDFString,
    PDFZCompress,
)

#: The attachment's name, which the readers look for.
NAME = "kopsavilkums.json"
DESCRIPTION = "Kopsavilkuma melnraksts: atveriet šo PDF programmā Kopsavilkums, lai to labotu"


class _MimeType(PDFObject):
    """A media type as a PDF name. ReportLab's ``PDFName`` writes "/" as it is, which ends the
    name there; the PDF standard's spelling of it inside a name is ``#2F``."""

    def __init__(self, media_type: str) -> None:
        self.name = "/" + media_type.replace("/", "#2F")

    def format(self, document) -> bytes:
        return self.name.encode("ascii")


def embed(canvas, data: bytes, modified: str, name: str = NAME):
    """Attach ``data`` to the PDF that ``canvas`` is writing (call before ``canvas.save()``);
    ``modified`` is its date as a PDF date string. Returns the reference to its file
    specification, for the catalog's ``/AF``."""
    doc = canvas._doc
    stream = PDFStream(
        PDFDictionary(
            {
                "Type": PDFName("EmbeddedFile"),
                "Subtype": _MimeType("application/json"),
                "Params": PDFDictionary({"Size": len(data), "ModDate": PDFString(modified)}),
            }
        ),
        data,
        filters=[PDFBase85Encode, PDFZCompress],  # compressed, then ASCII like the page streams
    )
    spec = PDFDictionary(
        {
            "Type": PDFName("Filespec"),
            "F": PDFString(name),
            "UF": PDFString(name),
            "Desc": PDFString(DESCRIPTION),
            "EF": PDFDictionary({"F": doc.Reference(stream)}),
            "AFRelationship": PDFName("Data"),
        }
    )
    reference = doc.Reference(spec)
    names = PDFArray([PDFString(name), reference])
    doc.Catalog.Names = PDFDictionary({"EmbeddedFiles": PDFDictionary({"Names": names})})
    return reference
