"""The parts of our Word file around the text: properties, the embedded draft, reproducible bytes.

**The embedded draft.** The file carries the draft itself (the draft file's JSON) in a custom XML
part — the place Word keeps data that belongs to a document, which Word and LibreOffice both keep
when they save — together with a fingerprint of the values the file shows. Reading the file back
(:mod:`kopsavilkums.convert.own.word`) returns that draft exactly when the shown values still match the fingerprint;
once someone has changed a value in Word, the values shown are read instead, so an edit is never
hidden behind a stale copy.

**Same report, same bytes.** python-docx stamps the ZIP entries with the current time and its
template carries its own dates, thumbnail and program name; all of that is replaced by fixed values.
"""

from __future__ import annotations

import hashlib
import io
import json
import uuid
import zipfile

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from lxml import etree

from kopsavilkums import __version__, exchange
from kopsavilkums.convert.writers.cleaning import clean
from kopsavilkums.official import PrintModel
from kopsavilkums.report import Report

NAMESPACE = "urn:kopsavilkums:draft"
ROOT = f"{{{NAMESPACE}}}kopsavilkums"
CUSTOM_XML_PROPS = "application/vnd.openxmlformats-officedocument.customXmlProperties+xml"
CUSTOM_XML_PROPS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps"
STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"
DATASTORE = "http://schemas.openxmlformats.org/officeDocument/2006/customXml"
#: Every ZIP entry gets this time (the earliest a ZIP can hold), so bytes depend on content alone.
ZIP_TIME = (1980, 1, 1, 0, 0, 0)
#: Metadata fields are one line and not endless (Word shows them in a small dialog).
META_LIMIT = 1000


def finish(document, report: Report, model: PrintModel, shown_fingerprint: str) -> None:
    """Properties, the draft part with the fingerprint of the shown values, no template leftovers."""
    _properties(document, model)
    _drop_template_parts(document)
    _add_draft(document, report, shown_fingerprint)


CORE_PROPERTY_LIMIT = 255


def _properties(document, model: PrintModel) -> None:
    core = document.core_properties
    meta = model.metadata
    # Word's document properties hold at most 255 characters (python-docx refuses more); a title
    # or performer may be up to 1,000. The document itself carries them whole.
    core.title = _one_line(meta.get("title", ""))[:CORE_PROPERTY_LIMIT]
    core.subject = meta.get("subject", "")[:CORE_PROPERTY_LIMIT]
    core.author = _one_line(meta.get("author", ""))[:CORE_PROPERTY_LIMIT]
    core.comments = ""
    core.keywords = ""
    core.category = ""
    core.last_modified_by = ""
    core.language = "lv-LV"
    core.revision = 1
    # No creation or modification time: the same report gives the same file (a fixed, made-up
    # date would be a lie; an absent one is honest).
    element = core._element
    for name in ("created", "modified", "lastPrinted"):
        for child in element.findall(f"{{http://purl.org/dc/terms/}}{name}") + element.findall(
            f"{{http://schemas.openxmlformats.org/package/2006/metadata/core-properties}}{name}"
        ):
            element.remove(child)
    app = next((p for p in document.part.package.parts if p.partname == "/docProps/app.xml"), None)
    if app is not None:
        app._blob = _app_xml()


def _one_line(text: str) -> str:
    line = " ".join(clean(text).split())
    return line[:META_LIMIT]


def _app_xml() -> bytes:
    ns = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
    root = etree.Element(f"{{{ns}}}Properties", nsmap={None: ns})
    etree.SubElement(root, f"{{{ns}}}Application").text = "Kopsavilkums"
    etree.SubElement(root, f"{{{ns}}}AppVersion").text = _app_version()
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _app_version() -> str:
    """Office wants ``XX.YYYY``; our version ``0.1.0`` becomes ``00.0100``."""
    parts = [int(p) if p.isdigit() else 0 for p in __version__.split(".")[:3]] + [0, 0, 0]
    return f"{parts[0]:02d}.{parts[1]:02d}{parts[2]:02d}"


def _drop_template_parts(document) -> None:
    """The template's thumbnail (a picture of some other, empty page) and its Word 2010 style copy."""
    package = document.part.package
    for rid, rel in list(package.rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            package.rels.pop(rid)
    for rid, rel in list(document.part.rels.items()):
        if rel.reltype == STYLES_WITH_EFFECTS:
            document.part.rels.pop(rid)


# ------------------------------------------------------------------------------ the draft part


def _add_draft(document, report: Report, print_fingerprint: str) -> None:
    package = document.part.package
    root = etree.Element(ROOT, nsmap={None: NAMESPACE})
    root.set("version", str(exchange.VERSION))
    root.set("fingerprint", print_fingerprint)
    # ASCII JSON: every character XML cannot hold (U+FFFE, controls) is a \\u escape.
    root.text = json.dumps(exchange.to_document(report), ensure_ascii=True, separators=(",", ":"))
    blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    item = Part(package.next_partname("/customXml/item%d.xml"), "application/xml", blob, package)
    item_id = "{" + str(uuid.UUID(bytes=hashlib.sha256(blob).digest()[:16])).upper() + "}"
    props = etree.Element(f"{{{DATASTORE}}}datastoreItem", nsmap={"ds": DATASTORE})
    props.set(f"{{{DATASTORE}}}itemID", item_id)
    etree.SubElement(props, f"{{{DATASTORE}}}schemaRefs")
    props_blob = etree.tostring(props, xml_declaration=True, encoding="UTF-8", standalone=True)
    item_props = Part(PackURI(item.partname.replace("/item", "/itemProps")), CUSTOM_XML_PROPS, props_blob, package)
    item.relate_to(item_props, CUSTOM_XML_PROPS_REL)
    document.part.relate_to(item, RT.CUSTOM_XML)


def draft_part(document) -> tuple[dict, str] | None:
    """The embedded draft document and its fingerprint, if the file has them."""
    for rel in document.part.rels.values():
        if rel.reltype != RT.CUSTOM_XML or rel.is_external:
            continue
        blob = rel.target_part.blob
        if NAMESPACE.encode() not in blob[:400]:
            continue
        parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
        try:
            root = etree.fromstring(blob, parser)
        except etree.XMLSyntaxError:
            return None
        if root.tag != ROOT:
            continue
        try:
            draft = json.loads(root.text or "")
        except (ValueError, RecursionError):  # not JSON, or nested beyond reason
            return None
        return (draft, root.get("fingerprint", "")) if isinstance(draft, dict) else None
    return None


# ------------------------------------------------------------------------- reproducible ZIP


def reproducible(data: bytes) -> bytes:
    """The same ZIP with fixed entry times and attributes: identical content, identical bytes."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            target.writestr(entry, source.read(info.filename))
    return out.getvalue()
