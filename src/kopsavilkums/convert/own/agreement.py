"""Whether the draft a file of ours carries agrees with what the file shows, field by field.

Our Word file and web page carry the exact draft beside the values they show. Someone can edit
the one and not the other — the draft inside, a ``data-value`` — and a reading that trusted the
draft would import values nobody sees. The readers compare the two; where they disagree the file
is read as it shows, never "exact", and :func:`disagreements` says what differs in words a user
can check: the field, what the document shows, and what the draft inside says.
"""

from __future__ import annotations

from typing import Any

from kopsavilkums import exchange, official
from kopsavilkums.convert.writers.cleaning import clean
from kopsavilkums.fieldpath import FieldPath
from kopsavilkums.messages import Message
from kopsavilkums.report import E_SIGNATURE, Report

#: Fields named one by one, at most; then how many more.
SHOWN_AT_MOST = 8
_LONGEST = 80

DISAGREE = Message(
    "Dokumentā saglabātais melnraksts nesakrīt ar to, ko dokuments rāda; nolasīts tas, kas redzams.",
    "The draft stored in the document disagrees with what the document shows; what it shows was read.",
)


def disagreements(stored: Report, shown: Report) -> list[Message]:
    """One line per field whose stored value differs from the shown one (white space aside: a
    document shows values trimmed); empty when they agree."""
    before, after = _leaves(exchange.to_document(stored)["report"]), _leaves(exchange.to_document(shown)["report"])
    if stored.signatory.signing == E_SIGNATURE:
        before.pop("signatory.date", None)  # an e-signed document shows no signing date: nothing to compare
    differing = [path for path in before.keys() | after.keys() if not _agree(before.get(path), after.get(path))]
    order = {path: n for n, path in enumerate(before)}  # in form order; a dict, not list.index: linear
    differing.sort(key=lambda path: order.get(path, len(order)))
    lines = [_line(path, before.get(path), after.get(path)) for path in differing[:SHOWN_AT_MOST]]
    if len(differing) > SHOWN_AT_MOST:
        more = len(differing) - SHOWN_AT_MOST
        lines.append(Message(f"… un vēl {more}.", f"… and {more} more."))
    return lines


def _leaves(value: Any, at: str = "") -> dict[str, Any]:
    if isinstance(value, dict):
        return {k: v for key, item in value.items() for k, v in _leaves(item, f"{at}.{key}" if at else key).items()}
    if isinstance(value, list):
        return {k: v for n, item in enumerate(value) for k, v in _leaves(item, f"{at}[{n}]").items()}
    return {at: value}


#: What a document shows in place of a blank value (the title's default, "Nav").
PLACEHOLDERS = {official.DEFAULT_TITLE, official.NONE, "…"}


def _agree(stored: Any, shown: Any) -> bool:
    stored, shown = _same(stored), _same(shown)
    return stored == shown or (not stored and shown in PLACEHOLDERS)


def _same(value: Any) -> Any:
    """A text as a document can show it: no control characters, white space as one space."""
    return " ".join(clean(value).split()) if isinstance(value, str) else value


def _line(path: str, stored: Any, shown: Any) -> Message:
    where = _label(path)
    return Message(
        f"{where.lv}: redzams {_quoted(shown, 'lv')}, saglabāts {_quoted(stored, 'lv')}",
        f"{where.en}: shown {_quoted(shown, 'en')}, stored {_quoted(stored, 'en')}",
    )


def _label(path: str) -> Message:
    parsed = FieldPath.parse(path.replace(".text", "") if path.startswith("objectives[") else path)
    f = parsed.field()
    if f is None:
        return Message(path, path)
    if parsed.is_list and isinstance(parsed.item, int):
        return Message(f"{f.label.lv} ({parsed.item + 1})", f"{f.label.en} ({parsed.item + 1})")
    return f.label


def _quoted(value: Any, language: str) -> str:
    if value is None or value == "":
        return "—"
    text = " ".join(str(value).split())
    text = text if len(text) <= _LONGEST else text[: _LONGEST - 1] + "…"
    return f"„{text}”" if language == "lv" else f"“{text}”"
