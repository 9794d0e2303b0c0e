"""What makes our PDF archival, PDF/A-3b (ISO 19005-3, level B), at the document level.

ReportLab writes no PDF/A, so what the standard adds is built here with ReportLab's own PDF
object classes, once the pages are drawn:

- the version header PDF 1.7, which PDF/A-3 is based on;
- XMP metadata (title, the performer as author, subject, language, creator tool, producer, the
  dates), unfiltered as PDF/A asks, and an Info dictionary that says exactly the same;
- an sRGB output intent, with the ICC profile shipped in ``resources/color`` (see its licence);
- the draft as an *associated file* (the catalog's ``/AF``, see
  :mod:`kopsavilkums.printing.attachment`);
- an end-of-line before every ``endstream`` (ReportLab writes none; ISO 19005-2 6.1.7.1).

The fonts are already embedded (subsets), there is no encryption, and the one transparency, the
``MELNRAKSTS`` mark's constant alpha, is allowed from PDF/A-2 on. The dates are the time of
printing; where ``SOURCE_DATE_EPOCH`` is set (reproducible builds, the tests), that time instead,
so the same report then gives the same bytes.
"""

from __future__ import annotations

import os
import re
from datetime import UTC, datetime
from functools import cache

from reportlab.pdfbase import pdfdoc
from reportlab.pdfbase.pdfdoc import PDFArray, PDFDictionary, PDFInfo, PDFName, PDFStream, PDFString, PDFZCompress

from kopsavilkums.resources import resource_path

PDF_VERSION = (1, 7)
OUTPUT_CONDITION = "sRGB IEC61966-2.1"
#: What XML 1.0 cannot carry (control characters, lone surrogates, U+FFFE/FFFF). XMP is XML, and
#: the Info dictionary must say the same as the XMP, so both leave these out.
#: (Spelled as what is left out: the complement with its astral range takes 23 ms to compile.)
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def printing_time() -> datetime:
    """Now, in local time to the second; ``SOURCE_DATE_EPOCH`` (UTC) where it is set."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), UTC)
    return datetime.now().astimezone().replace(microsecond=0)


def pdf_date(when: datetime) -> str:
    """``D:20261207184532+02'00'``, the PDF's own date format."""
    offset = when.utcoffset()
    minutes = int(offset.total_seconds() // 60) if offset else 0
    sign = "-" if minutes < 0 else "+"
    return when.strftime("D:%Y%m%d%H%M%S") + f"{sign}{abs(minutes) // 60:02d}'{abs(minutes) % 60:02d}'"


def xmp_date(when: datetime) -> str:
    """``2026-12-07T18:45:32+02:00``, the same moment as XMP writes it."""
    return when.isoformat(timespec="seconds")


def xml_text(text: str) -> str:
    """``text`` as XML carries it unchanged: what XML cannot hold is left out, and line breaks are
    "\\n" (an XML reader turns "\\r" into "\\n", and the Info dictionary must read the same)."""
    return _NOT_XML.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def escape(text: str) -> str:
    """Text as XML character data (``xml.sax.saxutils`` would import ``urllib``: 30 ms)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class _Info(PDFInfo):
    """The Info dictionary with only what the XMP also says (no empty Keywords, no Trapped), and
    the time of printing instead of ReportLab's (2000-01-01 in its reproducible mode)."""

    def __init__(self, when: datetime) -> None:
        super().__init__()
        self.when = when

    def entries(self) -> dict[str, str]:
        values = {
            "Title": self.title,
            "Author": self.author,
            "Subject": self.subject,
            "Creator": self.creator,
            "Producer": self.producer,
        }
        return {key: xml_text(value) for key, value in values.items() if value}

    def format(self, document) -> bytes:
        d: dict = {key: PDFString(value) for key, value in self.entries().items()}
        d["CreationDate"] = d["ModDate"] = PDFString(pdf_date(self.when))
        return PDFDictionary(d).format(document)


def start(canvas, when: datetime) -> None:
    """Make the document that ``canvas`` writes a PDF 1.7 whose Info gives ``when`` as its dates
    (call before the document's title and author are set)."""
    doc = canvas._doc
    doc._pdfVersion = PDF_VERSION
    doc.info = _Info(when)


def finish(canvas, lang: str, associated: list | None = None) -> None:
    """The XMP metadata, the output intent and the associated files (references to file
    specifications) of the document ``canvas`` writes (call just before ``canvas.save()``)."""
    doc = canvas._doc
    info: _Info = doc.info
    catalog = doc.Catalog
    catalog.__NoDefault__ = [*type(catalog).__NoDefault__, "OutputIntents", "AF"]
    catalog.Metadata = doc.Reference(
        PDFStream(
            PDFDictionary({"Type": PDFName("Metadata"), "Subtype": PDFName("XML")}),
            xmp(info.entries(), lang, info.when).encode("utf-8"),
            filters=None,  # PDF/A: metadata is not compressed, so any tool can read it
        )
    )
    profile = PDFStream(PDFDictionary({"N": 3}), _srgb_profile(), filters=[PDFZCompress])
    catalog.OutputIntents = PDFArray(
        [
            PDFDictionary(
                {
                    "Type": PDFName("OutputIntent"),
                    "S": PDFName("GTS_PDFA1"),
                    "OutputConditionIdentifier": PDFString(OUTPUT_CONDITION),
                    "Info": PDFString(OUTPUT_CONDITION),
                    "RegistryName": PDFString("http://www.color.org"),
                    "DestOutputProfile": doc.Reference(profile),
                }
            )
        ]
    )
    if associated:
        catalog.AF = PDFArray(associated)


def xmp(entries: dict[str, str], lang: str, when: datetime) -> str:
    """The XMP packet: PDF/A identification and the Info dictionary's ``entries`` in XMP terms."""

    def alt(value: str) -> str:
        return f'<rdf:Alt><rdf:li xml:lang="x-default">{escape(value)}</rdf:li></rdf:Alt>'

    parts = [
        "<pdfaid:part>3</pdfaid:part>",
        "<pdfaid:conformance>B</pdfaid:conformance>",
        "<dc:format>application/pdf</dc:format>",
    ]
    if "Title" in entries:
        parts.append(f"<dc:title>{alt(entries['Title'])}</dc:title>")
    if "Author" in entries:
        parts.append(f"<dc:creator><rdf:Seq><rdf:li>{escape(entries['Author'])}</rdf:li></rdf:Seq></dc:creator>")
    if "Subject" in entries:
        parts.append(f"<dc:description>{alt(entries['Subject'])}</dc:description>")
    if lang:
        parts.append(f"<dc:language><rdf:Bag><rdf:li>{escape(lang)}</rdf:li></rdf:Bag></dc:language>")
    if "Creator" in entries:
        parts.append(f"<xmp:CreatorTool>{escape(entries['Creator'])}</xmp:CreatorTool>")
    date = xmp_date(when)
    parts += [f"<xmp:CreateDate>{date}</xmp:CreateDate>", f"<xmp:ModifyDate>{date}</xmp:ModifyDate>"]
    parts.append(f"<xmp:MetadataDate>{date}</xmp:MetadataDate>")
    if "Producer" in entries:
        parts.append(f"<pdf:Producer>{escape(entries['Producer'])}</pdf:Producer>")
    body = "\n   ".join(parts)
    return (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/">\n'
        ' <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n'
        '  <rdf:Description rdf:about=""\n'
        '    xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/"\n'
        '    xmlns:dc="http://purl.org/dc/elements/1.1/"\n'
        '    xmlns:xmp="http://ns.adobe.com/xap/1.0/"\n'
        '    xmlns:pdf="http://ns.adobe.com/pdf/1.3/">\n'
        f"   {body}\n"
        "  </rdf:Description>\n"
        " </rdf:RDF>\n"
        "</x:xmpmeta>\n"
        '<?xpacket end="w"?>'
    )


@cache
def _srgb_profile() -> bytes:
    return resource_path("color", "sRGB.icc").read_bytes()


def _end_streams_with_eol() -> None:
    """ReportLab ends a stream's data with ``endstream`` right after it; PDF/A wants an
    end-of-line between them, not counted in ``/Length``. Every stream in our PDFs is written by
    this one method, so it is wrapped once, when this module is imported (only printing imports
    ReportLab; the import system runs this once even with two threads printing)."""
    write = pdfdoc.PDFStream.format

    def format_with_eol(self, document) -> bytes:
        out = write(self, document)
        return out[: -len(b"endstream\n")] + b"\nendstream\n"

    pdfdoc.PDFStream.format = format_with_eol


_end_streams_with_eol()
