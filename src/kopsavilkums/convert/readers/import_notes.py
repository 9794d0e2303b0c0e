"""The words of the notes a reading leaves for the user (what was guessed, moved or missing)."""

from __future__ import annotations

from kopsavilkums.fields import row
from kopsavilkums.messages import Message, count_en, count_lv
from kopsavilkums.validation import UNPLACED_MARKER  # the rule that looks for it lives there

#: What Kopsavilkums reads, for the refusals that should say so.
ACCEPTED = Message(
    "Kopsavilkums nolasa melnraksta failu, paša Kopsavilkuma veidotu PDF un publicētu kopsavilkumu kā Word "
    "failu (.docx), saglabātu tīmekļa lapu (.html) vai no tās kopētu tekstu.",
    "Kopsavilkums reads a draft file, a PDF made by Kopsavilkums, and a published summary as a Word file "
    "(.docx), a saved web page (.html) or text copied from it.",
)
#: Put in front of the text that could not be placed, in *8. Cita informācija*.
OTHER = Message("8. rindā „Cita informācija”", 'row 8 "Cita informācija" (Other information)')


def row_name(key: str) -> Message:
    """``5. rinda „Plānotais un faktiski izlietotais …”`` / ``row 5 (Planned and actually used …)``."""
    official = row(key)
    return Message(
        f"{official.number}. rinda „{_short(official.label.lv)}”",
        f"Row {official.number} ({_short(official.label.en)})",
    )


def row_name_in(key: str) -> Message:
    """The row in the locative (``5. rindā „…”``), for "put into" and "found in"."""
    official = row(key)
    return Message(
        f"{official.number}. rindā „{_short(official.label.lv)}”",
        f"row {official.number} ({_short(official.label.en)})",
    )


def _short(label: str) -> str:
    words = label.split()
    return label if len(words) <= 6 else " ".join(words[:6]) + " …"


def quote(text: str, limit: int = 60) -> str:
    """A short piece of the user's text for a note (one line, cut at ``limit`` characters)."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def unplaced(n: int, where: Message) -> Message:
    """``3 teksta rindas zem tabulas netika atpazītas …`` — ``where`` says from where."""
    return Message(
        f"{n} {count_lv(n, 'teksta rinda', 'teksta rindas')} {where.lv} "
        f"{count_lv(n, 'netika atpazīta un ir ievietota', 'netika atpazītas un ir ievietotas')} {OTHER.lv} "
        f"aiz norādes {UNPLACED_MARKER}",
        f"{n} {count_en(n, 'line', 'lines')} {where.en} {count_en(n, 'was', 'were')} not recognised and "
        f"{count_en(n, 'was', 'were')} put into {OTHER.en} after the marker {UNPLACED_MARKER}",
    )


ABOVE_TABLE = Message("virs tabulas", "above the table")
UNDER_TABLE = Message("zem tabulas", "under the table")


def hidden_left_out(count: int, where: str) -> Message:
    """Text the file holds but does not show (hidden, deleted, off the page) was not read."""
    return Message(
        f"{where}: slēpts teksts netika nolasīts ({count} {count_lv(count, 'vieta', 'vietas')}: neredzams, dzēsts "
        "vai paslēpts) — nolasīts tikai tas, ko lasītājs redz.",
        f"{where}: hidden text was left out ({count} {count_en(count, 'place', 'places')}: invisible, deleted or "
        "hidden) — only what a reader sees was read.",
    )
