"""What a reader produced, made to fit what Kopsavilkums can save and read back.

A small file can say a great deal: 15 MB of empty list items (or a 95 KB Word file) read as a
30 MB draft, which its own exports then refused as "larger than 20 MB" and which added 30 MB to
the store and to each of its backups. When a reading would make a draft larger than
:data:`LARGEST`, every value longer than the form allows is cut to that length and every list to
its number of rows, and a note names what was cut; what is still too large is refused.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from kopsavilkums import exchange
from kopsavilkums.convert.imported import Imported, ImportRefused
from kopsavilkums.fields import FIELDS, Kind, field
from kopsavilkums.messages import Message
from kopsavilkums.report import Report

_TEXTS = (Kind.LINE, Kind.TEXT, Kind.SHORT)
#: The largest draft a reading may make: a quarter of a draft file's limit, so that its exports
#: too — larger by their markup (a line break is ``\n`` in the draft, ``<br>`` on the page) — stay
#: within what Kopsavilkums reads back. A real summary is far smaller.
LARGEST = exchange.MAX_BYTES // 4
NAMED_AT_MOST = 6

TOO_LARGE = Message(
    f"No faila nolasītais pat saīsināts līdz veidlapas garumam ir lielāks par {LARGEST // 2**20} MB; tik liela "
    "kopsavilkuma nav, un fails netiek lasīts.",
    f"What was read from the file is larger than {LARGEST // 2**20} MB even cut to the form's lengths; no summary "
    "is that large, and the file is not read.",
)


def draft_size(report: Report) -> int:
    """The bytes of the draft file ``report`` makes."""
    return len(exchange.dumps(report).encode("utf-8"))


def fit(imported: Imported) -> None:
    """Cut ``imported`` to the form's limits if its draft would be larger than :data:`LARGEST`,
    and refuse it if it still would."""
    report = imported.report
    if draft_size(report) <= LARGEST:
        return
    cut: list[Message] = []
    for key in ("objectives", "indicators"):
        rows, limit = getattr(report, key), field(key).limit
        if limit is not None and len(rows) > limit:
            del rows[limit:]
            cut.append(field(key).label)
    for label, holder, attr, limit in _values(report):
        text = getattr(holder, attr)
        if len(text) > limit:
            setattr(holder, attr, text[: limit - 1] + "…")
            cut.append(label)
    if draft_size(report) > LARGEST:
        raise ImportRefused(TOO_LARGE)
    named = cut[:NAMED_AT_MOST]
    more = len(cut) - len(named)
    imported.notes.append(
        Message(
            "Nolasītais bija lielāks, nekā Kopsavilkums var saglabāt un nolasīt atpakaļ; saīsināts līdz veidlapas "
            "garumam: " + "; ".join(m.lv for m in named) + (f" un vēl {more}" if more else "") + ".",
            "What was read was larger than Kopsavilkums can save and read back; cut to the form's lengths: "
            + "; ".join(m.en for m in named)
            + (f" and {more} more" if more else "")
            + ".",
        )
    )
    imported.exact = False


def _values(report: Report) -> Iterator[tuple[Message, Any, str, int]]:
    """Every text value with a limit: its label, the object holding it, its attribute, the limit."""
    for f in FIELDS:
        if f.kind not in _TEXTS or f.limit is None:
            continue
        head, _, attr = f.key.partition(".")
        if head.endswith("[]"):
            for n, row in enumerate(getattr(report, head[:-2])):
                label = Message(f"{f.label.lv} ({n + 1})", f"{f.label.en} ({n + 1})")
                yield label, row, attr or "text", f.limit
        elif attr:
            yield f.label, getattr(report, head), attr, f.limit
        else:
            yield f.label, report, head, f.limit
