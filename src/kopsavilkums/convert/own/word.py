"""Reading back a Word file that Kopsavilkums wrote — exactly, or as someone edited it.

A file we wrote carries the draft and a fingerprint of the values it shows
(:mod:`kopsavilkums.convert.own.word_package`). While the shown values still match, and the draft agrees with them
(:mod:`kopsavilkums.convert.own.agreement`: the draft alone can be edited too), the draft comes back exactly: every
field, including what the page does not show (carried-over marks, untrimmed text). Once a value
was changed in Word or LibreOffice the fingerprint no longer matches and the file is read as shown:
every paragraph and value carries a style named after its field (:mod:`kopsavilkums.convert.own.word_styles`), which both
programs keep and which text typed into a value inherits. Text that lands outside any value (a
pasted paragraph with its own style) joins the value before it; what fits nowhere is put into
*Cita informācija* and named in a note, never dropped. What remains of the draft fills in only what
a page cannot show: whether an indicator was carried over, the date of an e-signed summary.

A file without our draft part and without our styles is not ours: ``None``, and the reader of
other people's Word files takes it.
"""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from collections.abc import Callable

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from lxml import etree

from kopsavilkums.convert.imported import MAX_INPUT_BYTES, Imported, ImportRefused
from kopsavilkums.convert.own import word_package
from kopsavilkums.convert.own.agreement import DISAGREE, disagreements
from kopsavilkums.convert.own.word_as_shown import Paragraph, read_visible
from kopsavilkums.convert.own.word_styles import PARAGRAPH_KEYS
from kopsavilkums.convert.readers.word import MAX_CELLS, TOO_MANY_CELLS
from kopsavilkums.exchange import ExchangeError, from_document
from kopsavilkums.messages import Message
from kopsavilkums.report import Report


def read_own_docx(data: bytes) -> Report | None:
    """The report in a ``.docx`` Kopsavilkums wrote; ``None`` when the file is not ours."""
    imported = import_own_docx(data)
    return imported.report if imported is not None else None


def import_own_docx(data: bytes, made_from: Callable[[Report], str] | None = None) -> Imported | None:
    """Like :func:`read_own_docx`, with notes about anything the reading had to place.

    ``made_from(report)`` is the fingerprint of what the Word file of ``report`` shows
    (:func:`kopsavilkums.convert.writers.word.shown_fingerprint`, which imports this module, so the caller hands it in:
    :func:`kopsavilkums.convert.reading.read_any` does). With it the draft is exact only if it makes what the file
    shows; without it, if the file's fingerprint matches."""
    document = _open(data)
    if document is None:
        return None
    embedded = _embedded_draft(document)
    if embedded is None and not any(style.name in PARAGRAPH_KEYS for style in document.styles):
        return None  # neither our draft nor our styles: not ours, and its paragraphs need no walk
    paragraphs = extract(document)
    draft = embedded[0] if embedded else None
    if embedded and embedded[1] == _fingerprint(paragraphs):
        try:
            stored = from_document(draft)
        except ExchangeError:
            stored = None  # a damaged copy: the shown values are still there
        if stored is not None:
            # The fingerprint says the shown values are as written, not that the draft beside
            # them is: someone may have edited that alone. Exact only when the draft makes what
            # the file shows (one writing of the document, without saving it).
            if made_from is None or made_from(stored) == embedded[1]:
                return Imported(stored, source="docx", exact=True)
            shown, notes = read_visible(paragraphs, draft)
            differing = disagreements(stored, shown)
            if not differing:  # the values agree: only our own wording changed since the file was made
                return Imported(stored, source="docx", exact=True)
            return Imported(shown, source="docx", notes=[DISAGREE, *differing, *notes])
    if not any(p.style in PARAGRAPH_KEYS for p in paragraphs):
        # Changed, and our styles are gone (another program rebuilt it): only its shown table
        # is left, which the reader of other people's Word files reads.
        return None
    report, notes = read_visible(paragraphs, draft)
    if embedded:
        notes.insert(
            0,
            Message(
                lv="Word fails pēc izveides ir mainīts: nolasītas tajā redzamās vērtības.",
                en="The Word file was changed after it was made: the values it shows were read.",
            ),
        )
    return Imported(report, source="docx", notes=notes)


def _embedded_draft(document) -> tuple[dict, str] | None:
    """Our draft part, unless a part where it could be is larger than a draft file may be: its
    JSON is parsed whole, and 64 kB of zip holding 39 MB of ``{},`` took 1 GB. A file we wrote
    whose draft is that large has more than the 40 MB of XML a Word file may have anyway."""
    for rel in document.part.rels.values():
        if rel.reltype == RT.CUSTOM_XML and not rel.is_external and len(rel.target_part.blob) > MAX_INPUT_BYTES:
            return None
    return word_package.draft_part(document)


def _open(data: bytes):
    """The python-docx document, or None when ``data`` is no Word file at all. What python-docx
    should not be given (a ZIP bomb, a DTD, too many parts) is refused first, by the same check
    the reader of other people's Word files makes."""
    import docx

    from kopsavilkums.convert.readers.word_zip import check_zip

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if "word/document.xml" not in archive.namelist():
                return None
    except (zipfile.BadZipFile, ValueError, OSError):
        return None
    check_zip(data)
    try:
        return docx.Document(io.BytesIO(data))
    except Exception:  # python-docx raises many kinds for a damaged package
        return None


# ---------------------------------------------------------------------------------- extracting


def extract(document) -> list[Paragraph]:
    """The body's paragraphs in reading order, table cells (and tables inside them) included.

    An empty paragraph in a style that is not ours is left out: reading would pass over it and
    the fingerprint counts only paragraphs with text (a file of millions of ``<w:p/>`` would
    otherwise cost a Python object each)."""
    names = {style.style_id: style.name for style in document.styles}
    out: list[Paragraph] = []
    containers = [0]

    def walk(parent, container: int) -> None:
        for child in parent.iterchildren():
            tag = child.tag
            if tag == _P:
                paragraph = _paragraph(child, names, container)
                if paragraph.runs or paragraph.style in PARAGRAPH_KEYS:
                    out.append(paragraph)
            elif tag == _TBL:
                for tc in child.iter(_TC):
                    if _owner_table(tc) is child:
                        containers[0] += 1
                        if containers[0] > MAX_CELLS:  # the same bound as for anyone's Word file
                            raise ImportRefused(TOO_MANY_CELLS)
                        walk(tc, containers[0])
            elif tag == _SDT:  # a block content control, as Word may wrap paragraphs in
                content = child.find(qn("w:sdtContent"))
                if content is not None:
                    walk(content, container)

    walk(document.element.body, 0)
    return out


_P, _TBL, _TC, _SDT, _R = qn("w:p"), qn("w:tbl"), qn("w:tc"), qn("w:sdt"), qn("w:r")
_SKIPPED = {qn("w:del"), qn("w:moveFrom"), qn("w:txbxContent")}  # deleted (tracked) text, text boxes


def _owner_table(tc):
    parent = tc.getparent()
    while parent is not None and parent.tag != _TBL:
        parent = parent.getparent()
    return parent


def _paragraph(p, names: dict[str, str], container: int) -> Paragraph:
    # Neighbouring runs of one style are joined once at the end: adding each run's text to the
    # string so far copied it again per run, minutes for a paragraph of a million one-letter runs.
    merged: list[tuple[str, list[str]]] = []
    # One walk that leaves deleted text and text boxes out as it meets them: looking up each
    # run's ancestors took minutes for 1.5 million runs inside 250 nested insertions.
    walk = etree.iterwalk(p, events=("start",))
    for _, r in walk:
        if r.tag in _SKIPPED:
            walk.skip_subtree()
            continue
        if r.tag != _R:
            continue
        text = _run_text(r)
        if not text:
            continue
        style = names.get(r.style or "", "") if r.style else ""
        if merged and merged[-1][0] == style:
            merged[-1][1].append(text)
        else:
            merged.append((style, [text]))
    runs = [(style, "".join(texts)) for style, texts in merged]
    style_id = p.style
    bookmarks = [b.get(qn("w:name"), "") for b in p.iter(qn("w:bookmarkStart"))]
    return Paragraph(names.get(style_id, "") if style_id else "", runs, bookmarks, container)


#: What python-docx's ``CT_R.text`` reads, child by child (``str()`` of each is its text).
_RUN_TEXT = frozenset(qn(f"w:{tag}") for tag in ("br", "cr", "noBreakHyphen", "ptab", "t", "tab"))


def _run_text(r) -> str:
    """``r.text`` without compiling its XPath expression again for every run."""
    return "".join(str(child) for child in r if child.tag in _RUN_TEXT)


# -------------------------------------------------------------------------------- fingerprint


def fingerprint(document) -> str:
    """A digest of everything the file shows and how it is styled, as reading sees it."""
    return _fingerprint(extract(document))


def _fingerprint(paragraphs: list[Paragraph]) -> str:
    shown = [[p.style, p.runs] for p in paragraphs if p.text]
    return hashlib.sha256(json.dumps(shown, ensure_ascii=False).encode("utf-8")).hexdigest()
