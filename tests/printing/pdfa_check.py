"""The PDF/A-3b checks our tests make, with pikepdf (qpdf) reading the file.

No full PDF/A validator can be had here: veraPDF is Java and served only from Maven, which this
project's machines do not reach; pikepdf only reads the XMP's claim (``pdfa_status``). So this
module checks the rules of ISO 19005-3 (through 19005-2) that a ReportLab document can break, one
by one, and ``qpdf --check`` (in the tests) checks the file's syntax and streams. What it does not
check is said in the README (PDF/A, "what is verified").
"""

from __future__ import annotations

import io
import re
import struct
from datetime import datetime

import pikepdf

XMP_INFO = {  # Info key → (XMP property, how pikepdf gives it)
    "/Title": "dc:title",
    "/Author": "dc:creator",
    "/Subject": "dc:description",
    "/Creator": "xmp:CreatorTool",
    "/Producer": "pdf:Producer",
    "/CreationDate": "xmp:CreateDate",
    "/ModDate": "xmp:ModifyDate",
}
#: ExtGState keys that PDF/A allows with these values (6.2.8, 6.2.10): constant alpha, the normal
#: blend mode, no soft mask, no transfer functions or halftones.
_GSTATE_ALLOWED = {"/Type", "/CA", "/ca", "/LW", "/LC", "/LJ", "/ML", "/D", "/RI", "/OP", "/op", "/OPM", "/FL"}
_GSTATE_ALLOWED_VALUES = {"/BM": {"/Normal", "/Compatible"}, "/SMask": {"/None"}, "/TR2": {"/Default"}}


def problems(pdf: bytes) -> list[str]:
    """Every PDF/A-3b rule checked here that ``pdf`` breaks, in words; empty when it passes."""
    out: list[str] = []
    out += _file_structure(pdf)
    doc = pikepdf.open(io.BytesIO(pdf))
    out += _metadata(doc)
    out += _output_intent(doc)
    out += _fonts_and_graphics(doc)
    out += _associated_files(doc)
    return out


def _file_structure(pdf: bytes) -> list[str]:
    out = []
    if not re.match(rb"%PDF-1\.[0-7]\r?\n%[\x80-\xff]{4}", pdf):
        out.append("6.1.2: the header is not %PDF-1.n followed by a comment of four bytes above 127")
    if b"/Encrypt" in pdf:
        out.append("6.1.3: the file is encrypted")
    # 6.1.7.1: `stream` is followed by an end of line, `endstream` preceded by one, and /Length
    # counts exactly the bytes between. ReportLab writes no object streams, so every stream's
    # dictionary is plain text right before it.
    for match in re.finditer(rb">>\s*stream(\r\n|\n)", pdf):
        start = match.end()
        lengths = re.findall(rb"/Length (\d+)", pdf[max(0, match.start() - 400) : match.start()])
        if not lengths:
            out.append(f"6.1.7.1: the stream at byte {start} has no direct /Length")
            continue
        end = start + int(lengths[-1])
        if not re.match(rb"(\r\n|\n|\r)endstream", pdf[end : end + 12]):
            out.append(f"6.1.7.1: the stream at byte {start}: no end of line between its /Length bytes and endstream")
    if not pdf.rstrip(b"\r\n").endswith(b"%%EOF"):
        out.append("6.1.3: data after %%EOF")
    return out


def _pdf_date(text: str) -> datetime:
    m = re.fullmatch(r"D:(\d{14})(Z|([+-])(\d\d)'(\d\d)'?)?", text)
    assert m, text
    zone = "+0000" if m.group(2) in (None, "Z") else f"{m.group(3)}{m.group(4)}{m.group(5)}"
    return datetime.strptime(m.group(1) + zone, "%Y%m%d%H%M%S%z")


def _metadata(doc: pikepdf.Pdf) -> list[str]:
    out = []
    if "/ID" not in doc.trailer:
        out.append("6.1.3: the trailer has no /ID")
    if "/Metadata" not in doc.Root:
        return [*out, "6.6.2: the catalog has no XMP metadata"]
    if "/Filter" in doc.Root.Metadata:
        out.append("6.6.2: the metadata stream is compressed (/Filter)")
    meta = doc.open_metadata()
    if meta.pdfa_status != "3B":
        out.append(f"6.6.4: the XMP identifies the file as PDF/A {meta.pdfa_status!r}, not 3B")
    info = doc.docinfo
    for key, prop in XMP_INFO.items():
        if key not in info:
            continue
        value = str(info[key])
        xmp = meta.get(prop)
        if key == "/Author":
            xmp = xmp[0] if isinstance(xmp, list) and len(xmp) == 1 else xmp
        if key in ("/CreationDate", "/ModDate"):
            same = xmp is not None and _pdf_date(value) == datetime.fromisoformat(xmp)
        else:
            same = xmp == value
        if not same:
            out.append(f"6.6.3: Info {key} {value!r} is not the XMP's {prop} {xmp!r}")
    return out


def _output_intent(doc: pikepdf.Pdf) -> list[str]:
    intents = [i for i in doc.Root.get("/OutputIntents", []) if i.get("/S") == "/GTS_PDFA1"]
    if len(intents) != 1:
        return [f"6.2.3: {len(intents)} PDF/A output intents, not one"]
    profile = intents[0].get("/DestOutputProfile")
    if profile is None:
        return ["6.2.3: the output intent embeds no ICC profile"]
    icc = profile.read_bytes()
    out = []
    if icc[36:40] != b"acsp" or icc[16:20] != b"RGB " or int(profile.get("/N", 0)) != 3:
        out.append("6.2.3: the output intent's profile is not an RGB ICC profile with /N 3")
    if icc[8] > 4:
        out.append(f"6.2.3: ICC profile version {icc[8]} (PDF 1.7 reads up to 4)")
    if icc[12:16] not in (b"prtr", b"mntr"):
        out.append("6.2.3: the output profile is neither an output nor a monitor profile")
    return out


def _resources(doc: pikepdf.Pdf):
    """Every resource dictionary of every page and of the form XObjects they use."""
    seen: set = set()
    stack = [page.obj.get("/Resources") for page in doc.pages]
    while stack:
        res = stack.pop()
        if res is None or (res.is_indirect and res.objgen in seen):
            continue
        if res.is_indirect:
            seen.add(res.objgen)
        yield res
        for xobject in res.get("/XObject", {}).values():
            if xobject.get("/Subtype") == "/Form":
                stack.append(xobject.get("/Resources"))


def _tables(font_program: bytes) -> dict[bytes, int]:
    """Offset of each table of a TrueType font program, by tag."""
    count = struct.unpack(">H", font_program[4:6])[0]
    records = (struct.unpack(">4sIII", font_program[12 + 16 * i : 28 + 16 * i]) for i in range(count))
    return {tag: offset for tag, _sum, offset, _length in records}


def _cmap_encodings(font_program: bytes) -> list[tuple[int, int, int]]:
    """(platform, encoding, offset of the subtable) of each ``cmap`` subtable."""
    cmap = _tables(font_program).get(b"cmap")
    if cmap is None:
        return []
    count = struct.unpack(">H", font_program[cmap + 2 : cmap + 4])[0]
    out = []
    for n in range(count):
        platform, encoding, offset = struct.unpack(">HHI", font_program[cmap + 4 + 8 * n : cmap + 12 + 8 * n])
        out.append((platform, encoding, cmap + offset))
    return out


def _glyphs_and_widths(font_program: bytes) -> tuple[dict[int, int], dict[int, float]] | None:
    """Code → glyph (the symbolic font's one cmap subtable, format 0 or 6) and glyph → advance
    width in PDF units; None for a layout this check does not read."""
    encodings = _cmap_encodings(font_program)
    if len(encodings) != 1:
        return None
    at = encodings[0][2]
    kind = struct.unpack(">H", font_program[at : at + 2])[0]
    if kind == 0:
        glyphs = dict(enumerate(font_program[at + 6 : at + 6 + 256]))
    elif kind == 6:
        first, count = struct.unpack(">HH", font_program[at + 6 : at + 10])
        ids = struct.unpack(f">{count}H", font_program[at + 10 : at + 10 + 2 * count])
        glyphs = {first + i: g for i, g in enumerate(ids)}
    else:
        return None
    t = _tables(font_program)
    units = struct.unpack(">H", font_program[t[b"head"] + 18 : t[b"head"] + 20])[0]
    metrics = struct.unpack(">H", font_program[t[b"hhea"] + 34 : t[b"hhea"] + 36])[0]

    def advance(glyph: int) -> float:
        at = t[b"hmtx"] + 4 * min(glyph, metrics - 1)
        return struct.unpack(">H", font_program[at : at + 2])[0] * 1000 / units

    return glyphs, {g: advance(g) for g in set(glyphs.values())}


def _shown_codes(doc: pikepdf.Pdf) -> dict[str, set[int]]:
    """The character codes each font (by resource name) shows on the pages."""
    shown: dict[str, set[int]] = {}
    for page in doc.pages:
        font = None
        for operands, operator in pikepdf.parse_content_stream(page):
            op = str(operator)
            if op == "Tf":
                font = str(operands[0])
            elif op in ("Tj", "'", '"', "TJ") and font is not None:
                strings = operands[0] if op == "TJ" else operands[-1:]
                for item in strings:
                    if isinstance(item, pikepdf.String):
                        shown.setdefault(font, set()).update(bytes(item))
    return shown


def _symbolic_truetype(name: str, font, program: bytes, shown: set[int]) -> list[str]:
    out = []
    if "/Encoding" in font:
        out.append(f"6.2.11.6: symbolic TrueType font {name} has an /Encoding")
    encodings = [(p, e) for p, e, _ in _cmap_encodings(program)]
    if len(encodings) != 1 and (3, 0) not in encodings:
        out.append(f"6.2.11.6: symbolic TrueType font {name} has cmap encodings {encodings}")
    read = _glyphs_and_widths(program)
    if read is None:
        return [*out, f"(font {name}: its cmap is not one this check reads)"]
    glyphs, advances = read
    first, widths = int(font.get("/FirstChar", 0)), [float(w) for w in font.get("/Widths", [])]
    for code in sorted(shown):
        glyph = glyphs.get(code, 0)
        if glyph == 0:
            out.append(f"6.2.11.8: font {name} shows code {code}, which is the .notdef glyph")
        elif not 0 <= code - first < len(widths) or abs(widths[code - first] - advances[glyph]) > 1:
            out.append(f"6.2.11.5: font {name}: the width of code {code} differs from the font program's")
    return out


def _fonts_and_graphics(doc: pikepdf.Pdf) -> list[str]:
    out = []
    shown = _shown_codes(doc)
    for res in _resources(doc):
        for name, font in res.get("/Font", {}).items():
            fonts = list(font.get("/DescendantFonts", [])) if font.get("/Subtype") == "/Type0" else [font]
            for f in fonts:
                descriptor = f.get("/FontDescriptor")
                program = None
                if descriptor is not None:
                    program = next(
                        (descriptor[k] for k in ("/FontFile", "/FontFile2", "/FontFile3") if k in descriptor), None
                    )
                if program is None:
                    out.append(f"6.2.11.4: font {name} ({f.get('/BaseFont')}) is not embedded")
                    continue
                if f.get("/Subtype") == "/TrueType" and int(descriptor.get("/Flags", 0)) & 4:  # symbolic
                    out += _symbolic_truetype(str(name), f, program.read_bytes(), shown.get(str(name), set()))
        for name, state in res.get("/ExtGState", {}).items():
            for key, value in state.items():
                if key in _GSTATE_ALLOWED:
                    continue
                if str(value) not in _GSTATE_ALLOWED_VALUES.get(key, ()):
                    out.append(f"6.2.10: graphics state {name} sets {key} {value}")
    for page in doc.pages:
        for annot in page.obj.get("/Annots", []):
            out.append(f"6.3: annotation {annot.get('/Subtype')} (none expected)")
    if "/JavaScript" in doc.Root.get("/Names", {}) or "/OpenAction" in doc.Root or "/AA" in doc.Root:
        out.append("6.5/6.6.1: the document has actions or JavaScript")
    return out


def _associated_files(doc: pikepdf.Pdf) -> list[str]:
    out = []
    associated = list(doc.Root.get("/AF", []))
    embedded = doc.Root.get("/Names", {}).get("/EmbeddedFiles", {}).get("/Names", [])
    specs = [embedded[i + 1] for i in range(0, len(embedded), 2)]
    for spec in specs:
        name = str(spec.get("/UF", spec.get("/F", "?")))
        if not any(spec.objgen == a.objgen for a in associated):
            out.append(f"6.8: the embedded file {name} is not an associated file (the catalog's /AF)")
        if "/F" not in spec or "/UF" not in spec:
            out.append(f"6.8: the file specification of {name} lacks /F or /UF")
        if spec.get("/AFRelationship") not in ("/Source", "/Data", "/Alternative", "/Supplement", "/Unspecified"):
            out.append(f"6.8: the file specification of {name} has no valid /AFRelationship")
        stream = spec.get("/EF", {}).get("/F")
        if stream is None or "/Subtype" not in stream:
            out.append(f"6.8: the embedded file {name} has no media type (/Subtype)")
        elif "/ModDate" not in stream.get("/Params", {}):
            out.append(f"6.8: the embedded file {name} has no /Params /ModDate")
    return out
