"""A PDF made by Kopsavilkums: it carries its draft file as an embedded file (a PDF attachment),
``kopsavilkums.json`` — or any ``*.kopsavilkums.json`` — which is read as a draft file.

A PDF without it is refused: its printed text is not read back (a PDF's text comes out in
pieces and guesses; the draft file is exact).

**The draft that belongs to the pages.** An incremental update can replace the attachment and
leave the pages as they were: the pages would say one performer and the import another. The
attachment is therefore taken from the revision that last changed what the pages show
(:mod:`kopsavilkums.convert.readers.pdf_revisions`); one added or replaced by a later revision is not read, and said so, with
each field where the two drafts differ. Pages changed after the PDF was made are said so too (a
signing revision's widget excepted: :mod:`kopsavilkums.convert.readers.signed_pdf` says what a signature covers). Either way
the reading is not exact, so the window shows it before it becomes a draft.

**Bounded.** Everything the reading inflates — the attachment, and the object and cross-reference
streams pypdf reads on the way — shares one budget per file; damaged compressed data is refused,
not repaired byte by byte; no filter runs an external program (pypdf would hand JBIG2 data to the
system's ``jbig2dec``). Only the draft that is read is inflated, never the other attachments.
"""

from __future__ import annotations

import contextvars
import io
import logging
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from kopsavilkums import exchange
from kopsavilkums.convert.imported import MAX_INPUT_BYTES, Imported, ImportRefused, reason
from kopsavilkums.convert.readers.import_notes import ACCEPTED
from kopsavilkums.convert.readers.pdf_revisions import TooManyRevisions, revisions
from kopsavilkums.messages import Message

# pypdf warns about every flaw it repairs; with no handler configured Python would print those to
# stderr. The application's own logging still receives them.
logging.getLogger("pypdf").addHandler(logging.NullHandler())

#: The name the PDF writer gives the embedded draft.
ATTACHMENT = "kopsavilkums.json"
#: What one PDF may inflate in all: its draft at most a draft file's size, and the structure
#: streams around it (our own PDFs have none).
BUDGET = 2 * MAX_INPUT_BYTES
#: Attachments, name-tree nodes and objects behind the pages looked at, at most.
MAX_OBJECTS = 200_000
_FLATE, _A85, _AHX = ("/FlateDecode", "/Fl"), ("/ASCII85Decode", "/A85"), ("/ASCIIHexDecode", "/AHx")

NO_DRAFT = Message(
    "Šajā PDF nav Kopsavilkuma melnraksta (to nav veidojis Kopsavilkums). " + ACCEPTED.lv,
    "This PDF carries no Kopsavilkums draft (it was not made by Kopsavilkums). " + ACCEPTED.en,
)
LATER_DRAFT = Message(
    "PDF pielikums „kopsavilkums.json” pievienots vai aizstāts vēlāk nekā lapas, ko PDF rāda; "
    "tas netika nolasīts — nolasīts melnraksts, kas pieder pie lapām.",
    'The attachment "kopsavilkums.json" was added or replaced later than the pages the PDF shows; '
    "it was not read — the draft that belongs to the pages was read.",
)
LATER_DRAFT_ONLY = Message(
    "Šajā PDF Kopsavilkuma melnraksts pievienots vēlāk nekā lapas, ko PDF rāda, un netiek nolasīts. " + ACCEPTED.lv,
    "This PDF's Kopsavilkums draft was attached later than the pages it shows, and is not read. " + ACCEPTED.en,
)
PAGES_CHANGED = Message(
    "PDF lapas mainītas pēc tam, kad Kopsavilkums to izveidoja; tās var rādīt ko citu nekā nolasītais "
    "melnraksts — salīdziniet.",
    "The PDF's pages were changed after Kopsavilkums made it; they may show something other than the draft "
    "that was read — compare them.",
)
TOO_MUCH = Message(
    f"PDF saspiestie dati izvēršas vairāk nekā {BUDGET // 2**20} MB; tas netiek lasīts.",
    f"The PDF's compressed data inflates to more than {BUDGET // 2**20} MB; it is not read.",
)
DAMAGED = Message(
    "PDF saspiestie dati ir bojāti; Kopsavilkums tos nelabo, un PDF netiek lasīts.",
    "The PDF's compressed data is damaged; Kopsavilkums does not repair it, and the PDF is not read.",
)
ENCODED = Message(
    "PDF pielikums „kopsavilkums.json” ir kodēts veidā, kādu Kopsavilkums neraksta; tas netiek lasīts.",
    'The attachment "kopsavilkums.json" is encoded in a way Kopsavilkums never writes; it is not read.',
)
ENCRYPTED = Message(
    "PDF ir šifrēts (aizsargāts ar paroli); Kopsavilkums to nevar nolasīt.",
    "The PDF is encrypted (protected by a password); Kopsavilkums cannot read it.",
)
TOO_COMPLEX = Message(
    "PDF ir pārāk sarežģīts (pārāk daudz objektu vai labojumu); tas netiek lasīts.",
    "The PDF is too complex (too many objects or revisions); it is not read.",
)


class _Refusal(Exception):
    def __init__(self, message: Message) -> None:
        self.message = message


def read_pdf(data: bytes) -> Imported:
    with bounded() as budget:
        outcome = _read(data, budget)
    if isinstance(outcome, Message):
        # Raised here, outside every handler: no context and no frame of the reading (with its
        # parsed objects and inflated data) stays attached to a refusal that a window keeps.
        raise ImportRefused(outcome)
    return outcome


def _read(data: bytes, budget: _Budget) -> Imported | Message:
    try:
        reader = _open(data)
        name, draft = _draft(reader, budget) or ("", None)
        notes: list[Message] = []
        later: bytes | None = None  # a draft a later revision attached, not read
        history = revisions(data)
        if len(history) > 1:
            pages = _behind(reader, reader.trailer["/Root"].get("/Pages"))
            made = max((k for k, r in enumerate(history) if r.objects & pages), default=0)
            if made < len(history) - 1:
                earlier_name, earlier = _draft(_open(data[: history[made].end]), budget) or ("", None)
                if earlier != draft:
                    if earlier is None:
                        return LATER_DRAFT_ONLY
                    notes.append(LATER_DRAFT)
                    later = draft
                    name, draft = earlier_name, earlier
            # A signing revision (eParaksts) adds its widget to a page: what the signature covers
            # and what changed after it the signature reader says (signed_pdf), not this note.
            changed = [k for k, r in enumerate(history) if k and r.objects & pages]
            if any(not _signing(data[history[k - 1].end : history[k].end]) for k in changed):
                notes.append(PAGES_CHANGED)
    except _Refusal as refusal:
        return refusal.message
    except TooManyRevisions:
        return TOO_COMPLEX
    except Exception as exc:  # a third-party parser on untrusted input: any failure is "cannot read"
        return budget.failure or Message(
            f"PDF failu nevar nolasīt ({reason(exc)}).", f"The PDF cannot be read ({reason(exc)})."
        )
    if budget.failure:  # pypdf passed over a refused stream (it repairs where it can)
        return budget.failure
    if draft is None:
        return NO_DRAFT
    try:
        report = exchange.loads(draft)
        if later is not None:  # what the later draft would have made: each field, both values
            notes += _compared(later, report)
    except exchange.ExchangeError as exc:
        return exc.message.prefixed(f"PDF → {name}")
    return Imported(report, "pdf", notes=notes, exact=not notes)


def _signing(revision: bytes) -> bool:
    """Whether an incremental update adds a signature (its dictionary's ``/ByteRange``)."""
    return b"/ByteRange" in revision


def _compared(later: bytes, report) -> list[Message]:
    """The fields where the draft a later revision attached differs from the one read."""
    from kopsavilkums.convert.own.agreement import disagreements

    try:
        return disagreements(exchange.loads(later), report)
    except exchange.ExchangeError:
        return []


def _open(data: bytes):
    from pypdf import PdfReader  # imported only when a PDF is read (start-up time)

    reader = PdfReader(io.BytesIO(data), strict=False)
    if reader.is_encrypted and not _opens_without_password(reader):
        raise _Refusal(ENCRYPTED)
    return reader


def _opens_without_password(reader) -> bool:
    """Many PDFs are encrypted only to restrict printing or copying: an empty password opens them
    (AES needs the optional ``cryptography`` package, which Kopsavilkums does not require)."""
    try:
        return bool(reader.decrypt(""))
    except Exception:  # pypdf's DependencyError, a broken encryption dictionary …
        return False


# ---------------------------------------------------------------------------- the attachment


def _is_draft_name(name: str) -> bool:
    name = name.rsplit("/", 1)[-1].lower()
    return name == ATTACHMENT or name.endswith(exchange.SUFFIX)


def _draft(reader, budget: _Budget) -> tuple[str, bytes] | None:
    """The embedded draft (``kopsavilkums.json`` before any other ``*.kopsavilkums.json``), its
    name and its bytes; None when the PDF has none. Only that one attachment is inflated."""
    found = [(name, spec) for name, spec in _attachments(reader) if _is_draft_name(name)]
    if not found:
        return None
    name, spec = min(found, key=lambda item: item[0].lower() != ATTACHMENT)
    files = spec.get("/EF")
    stream = files.get_object().get("/F") if files is not None else None
    stream = stream.get_object() if stream is not None else None
    if stream is None or not hasattr(stream, "_data"):
        return None
    return name, _decoded(stream, budget)


def _attachments(reader) -> Iterator[tuple[str, Any]]:
    """The embedded files' names and file specifications, walking the name tree by hand (with
    a bound on its nodes, and never inflating a file)."""
    root = reader.trailer["/Root"].get_object()
    names = root.get("/Names")
    tree = names.get_object().get("/EmbeddedFiles") if names is not None else None
    pending = [tree] if tree is not None else []
    seen = 0
    while pending:
        node = pending.pop().get_object()
        seen += 1
        if seen > MAX_OBJECTS or not hasattr(node, "get"):
            if seen > MAX_OBJECTS:
                raise _Refusal(TOO_COMPLEX)
            continue
        pairs = node.get("/Names")
        if pairs is not None:
            pairs = pairs.get_object()
            for i in range(0, len(pairs) - 1, 2):
                spec = pairs[i + 1].get_object()
                if hasattr(spec, "get"):
                    label = spec.get("/UF") or spec.get("/F") or pairs[i]
                    yield str(label), spec
        kids = node.get("/Kids")
        if kids is not None:
            pending.extend(reversed(list(kids.get_object())))


def _decoded(stream, budget: _Budget) -> bytes:
    """The attachment's bytes, through the filters our PDFs (and pypdf's) use — Flate and ASCII —
    inflated within the file's budget; any other filter is refused rather than run."""
    filters = stream.get("/Filter")
    filters = filters.get_object() if filters is not None else []
    filters = [filters] if isinstance(filters, str) else list(filters)
    parameters = stream.get("/DecodeParms")
    if parameters is not None and any(p is not None and p.get_object() for p in _as_list(parameters.get_object())):
        raise _Refusal(ENCODED)  # a predictor: never ours
    data: bytes = stream._data  # the stream's bytes as stored (pypdf has decrypted them)
    for name in filters:
        if name in _FLATE:
            data = budget.inflate(data)
        elif name in _A85:
            from pypdf.filters import ASCII85Decode

            data = ASCII85Decode.decode(data)
        elif name in _AHX:
            from pypdf.filters import ASCIIHexDecode

            data = ASCIIHexDecode.decode(data)
        else:
            raise _Refusal(ENCODED)
    if len(data) > MAX_INPUT_BYTES:
        raise _Refusal(TOO_MUCH)
    return bytes(data)


def _as_list(value) -> list:
    return list(value) if isinstance(value, list) else [value]


# ------------------------------------------------------------------------------- the pages


def _behind(reader, pages) -> frozenset[int]:
    """The numbers of every object that what the pages show is made of: the page tree, its
    pages, their contents, resources, fonts, images and annotations."""
    from pypdf.generic import IndirectObject

    found: set[int] = set()
    pending = [pages]
    while pending:
        item = pending.pop()
        if isinstance(item, IndirectObject):
            if item.idnum in found:
                continue
            found.add(item.idnum)
            if len(found) > MAX_OBJECTS:
                raise _Refusal(TOO_COMPLEX)
            item = item.get_object()
        if isinstance(item, dict):
            pending.extend(value for key, value in item.items() if key != "/Parent")
        elif isinstance(item, list):
            pending.extend(item)
    return frozenset(found)


# --------------------------------------------------------------------------------- the budget


@dataclass
class _Budget:
    left: int = BUDGET
    failure: Message | None = None

    def inflate(self, data: bytes) -> bytes:
        """``data`` inflated, within what is left; damaged data is refused, never repaired."""
        if self.failure is not None:
            raise _Refusal(self.failure)
        inflater = zlib.decompressobj()
        try:
            out = inflater.decompress(data, self.left + 1)
        except zlib.error:
            self.failure = DAMAGED
            raise _Refusal(DAMAGED) from None
        if len(out) > self.left:
            self.failure = TOO_MUCH
            raise _Refusal(TOO_MUCH)
        self.left -= len(out)
        return out


_CURRENT: contextvars.ContextVar[_Budget | None] = contextvars.ContextVar("kopsavilkums_pdf_budget", default=None)


@contextmanager
def bounded() -> Iterator[_Budget]:
    """A budget for one PDF, which pypdf's own inflating draws on too, and pypdf's limits set to
    what a draft may be: no ``jbig2dec``, no byte-by-byte repair of damaged streams."""
    import pypdf
    import pypdf.filters

    if pypdf.filters.decompress is not _inflate_for_pypdf:
        _ORIGINAL.append(pypdf.filters.decompress)
        pypdf.filters.decompress = _inflate_for_pypdf  # FlateDecode calls it by this name
    budget = _Budget()
    token = _CURRENT.set(budget)
    try:
        with pypdf.apply_configuration(
            jbig2dec_binary=None,
            zlib_maximum_recovery_input_length=0,
            zlib_maximum_output_length=BUDGET,
            lzw_maximum_output_length=BUDGET,
            run_length_maximum_output_length=BUDGET,
            brotli_maximum_output_length=BUDGET,
            array_based_stream_maximum_output_length=BUDGET,
            jbig2_maximum_output_length=1,
            stream_decoding_work_maximum_length=BUDGET,
        ):
            yield budget
    finally:
        _CURRENT.reset(token)


_ORIGINAL: list = []


def _inflate_for_pypdf(data: bytes) -> bytes:
    """pypdf's Flate inflating: within the budget of the PDF being read, or pypdf's own outside
    one (another use of pypdf in the same program)."""
    budget = _CURRENT.get()
    if budget is None:
        return _ORIGINAL[0](data)
    try:
        return budget.inflate(data)
    except _Refusal as refusal:
        from pypdf.errors import LimitReachedError

        raise LimitReachedError(refusal.message.en) from None
