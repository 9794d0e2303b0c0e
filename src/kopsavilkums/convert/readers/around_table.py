"""What stands around the official table: the title and header facts above it; the signature
line, the place and date, *Sagatavoja* and the e-signature note under it."""

from __future__ import annotations

import re
from datetime import date

from kopsavilkums.convert.readers.dates import find_dates, leftover
from kopsavilkums.convert.readers.import_notes import quote
from kopsavilkums.convert.readers.labels import HEADER_LABELS, MAX_LABEL, clean_label, fold, squash
from kopsavilkums.convert.readers.values import Read
from kopsavilkums.messages import Message, count_en, count_lv
from kopsavilkums.official import PREPARED_BY, REPRESENTATIVE
from kopsavilkums.report import E_SIGNATURE, Report

#: Lines above or under the table looked into; a real summary has a handful, the rest are kept as
#: they are (a file of a million such lines must not take minutes).
MAX_AROUND = 100

# ----------------------------------------------------------------------------------- above


def read_above(paragraphs: list[str], report: Report, read: Read, keep_unknown: bool) -> None:
    """The title (a paragraph starting with *Kopsavilkums*, or the only paragraph above the
    table), ``Deleģējošā iestāde: …`` and ``Līgums: …``. The rest goes to ``read.unplaced`` when
    ``keep_unknown`` (a Word file's own text), or is left alone (a web page's menus)."""
    rest: list[str] = []
    title_parts: list[str] = []
    for index, paragraph in enumerate(p.strip() for p in paragraphs):
        if not paragraph:
            continue
        if index >= MAX_AROUND:  # far from the table: kept as it is, not looked into
            rest.append(paragraph)
            continue
        folded = squash(paragraph)
        if title_parts and _title_goes_on(title_parts, folded) and not _header_fact(paragraph):
            title_parts.append(paragraph)
            continue
        if not title_parts and folded.startswith("kopsavilkums"):
            title_parts.append(paragraph)
            continue
        if fact := _header_fact(paragraph):
            key, value = fact
            setattr(report, key, " ".join(filter(None, (getattr(report, key), value))))
            continue
        rest.append(paragraph)
    if title_parts:
        report.title = " ".join(" ".join(p.split()) for p in title_parts)
    elif len(rest) == 1 and len(rest[0]) <= 1000 and keep_unknown:
        report.title = " ".join(rest.pop().split())
        read.notes.append(
            Message(
                f"Par virsrakstu ņemta rinda virs tabulas: „{quote(report.title)}”.",
                f"The line above the table was taken as the title: “{quote(report.title)}”.",
            )
        )
    if keep_unknown:
        read.unplaced.extend(rest)
    elif rest:
        read.notes.append(
            Message(
                f"No tīmekļa lapas nolasīta tikai kopsavilkuma tabula un teksts tieši virs un zem tās; "
                f"{len(rest)} {count_lv(len(rest), 'rinda', 'rindas')} virs tabulas (izvēlnes, publicēšanas ziņas) "
                f"{count_lv(len(rest), 'netika izmantota', 'netika izmantotas')}.",
                f"Of the web page only the summary table and the text right above and under it were read; "
                f"{len(rest)} {count_en(len(rest), 'line', 'lines')} above the table (menus, publishing details) "
                f"{count_en(len(rest), 'was', 'were')} not used.",
            )
        )


def _title_goes_on(parts: list[str], folded: str) -> bool:
    """``KOPSAVILKUMS`` / ``par … izpildi`` on lines of their own make one title."""
    if len(parts) >= 4 or len(folded) > 1000:
        return False
    so_far = squash(" ".join(parts))
    if so_far.endswith("izpildi"):
        return False
    return so_far == "kopsavilkums" or folded.startswith("par ") or (len(parts) > 1 and folded.endswith("izpildi"))


def _header_fact(paragraph: str) -> tuple[str, str] | None:
    for separator in ("\t", ":"):
        at = paragraph.find(separator, 0, MAX_LABEL)
        if at > 0 and (key := HEADER_LABELS.get(clean_label(paragraph[:at]))):
            value = " ".join(paragraph[at + 1 :].split())
            return (key, value) if value else None
    return None


# ----------------------------------------------------------------------------------- under

_UNDERLINE = re.compile(r"_{3,}|\.{5,}")
_SIGN_WORDS = re.compile(r"\((?:personiskais\s+)?paraksts\)|\bparaksts\b\s*:?", re.IGNORECASE)
_SLASHED = re.compile(r"/\s*([^/]{2,80}?)\s*/")
_POSITIONS = ("valdes", "priekssedetaj", "direktor", "izpilddirektor", "vaditaj", "locekl", "parstav", "koordinator", "projekta", "biedribas", "nodibinajuma")  # fmt: skip
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(r"(?:(?:tālr|tālrunis|tel|telefons|mob)\.?:?\s*)?(\+?\d[\d \-]{5,18}\d)", re.IGNORECASE)
_CONTACT_WORDS = re.compile(r"(?i)\b(?:tālr|tālrunis|tel|telefons|mob|e-pasts|epasts|e-mail|email)\b\.?:?")


def read_under(paragraphs: list[str], report: Report, read: Read) -> None:
    """Fill the signatory and *Sagatavoja* from the lines under the table; the rest goes to
    ``read.unplaced``."""
    lines = [" ".join(p.split()) for p in paragraphs]
    lines = [line for line in lines if line]
    index = 0
    while index < len(lines):
        if index >= MAX_AROUND:  # far from the table: kept as it is, not looked into
            read.unplaced.extend(lines[index:])
            break
        start, line = index, lines[index]
        index += 1
        folded = fold(line)
        if _is_e_signature(folded):
            report.signatory.signing = E_SIGNATURE
            continue
        if folded.rstrip(" :._") in _EMPTY_FIELDS:
            continue  # "Datums:" left empty on a printed form: no text to keep
        if folded.startswith(("sagatavoja", "sagatavotajs", fold(PREPARED_BY))):
            rest = line.split(":", 1)[1] if ":" in line[:20] else line.split(None, 1)[1] if " " in line else ""
            while not rest.strip(" ,") and index < len(lines) and _is_contact_part(lines[index]):
                rest = lines[index]
                index += 1
            while (
                index < len(lines)
                and _is_contact_part(lines[index])
                and not (_EMAIL.search(rest) and _PHONE.search(rest))
            ):
                rest += ", " + lines[index]
                index += 1
            p = report.prepared_by
            if p.name or p.phone or p.email:  # a second "Sagatavoja": kept, not merged
                read.unplaced.extend(lines[start:index])
            else:
                _prepared_by(rest, report)
            continue
        if (signed := _signature(line)) is not None:
            name, position = signed
            s = report.signatory
            if (name and s.name) or (position and s.position):
                read.unplaced.append(line)  # a second signature line: kept as it is
            else:
                s.name, s.position = s.name or name, s.position or position
                if _is_guessed_signature(line):
                    read.notes.append(_signatory_note(line, name, position))
            continue
        if (dated := _date_line(line)) is not None:
            day, place = dated
            if report.signatory.date is not None:
                read.unplaced.append(line)  # a second date: kept as it is
                continue
            if place:
                read.notes.append(_place_note(place, line))
            report.signatory.date = day
            continue
        read.unplaced.append(line)


def _is_e_signature(folded: str) -> bool:
    return "elektronisk" in folded and "parakst" in folded and ("drosu" in folded or "laika zimog" in folded)


def is_under_line(line: str) -> bool:
    """Whether a line after the table's last row is surely one of the lines under the table (and
    not the row's next paragraph): e-signature note, *Sagatavoja*, a marked signature line, a date."""
    folded = fold(line.strip())
    if len(folded) > 300:
        return False
    if _is_e_signature(folded) or folded.startswith(("sagatavoja", "sagatavotajs", fold(REPRESENTATIVE))):
        return True
    if _UNDERLINE.search(line) or _SIGN_WORDS.search(line):
        return True
    if _is_signature_line(line):
        return True
    return any(ch.isdigit() for ch in line) and _date_line(line) is not None


def _is_signature_line(line: str) -> bool:
    """``Biedrības „…” valdes priekšsēdētājs Jānis Bērziņš``: a position and a full name, unmarked."""
    signed = _signature(line)
    return signed is not None and len(signed[0].split()) >= 2 and bool(signed[1])


def _is_contact_part(line: str) -> bool:
    return len(line) < 120 and (
        bool(_EMAIL.search(line)) or bool(_PHONE.fullmatch(line.strip())) or _looks_like_name(line)
    )


def _prepared_by(text: str, report: Report) -> None:
    p = report.prepared_by
    if m := _EMAIL.search(text):
        p.email = p.email or m[0]
        text = text[: m.start()] + text[m.end() :]
    if m := _PHONE.search(text):
        p.phone = p.phone or m[1].strip()
        text = text[: m.start()] + text[m.end() :]
    text = _CONTACT_WORDS.sub(" ", text)
    parts = [" ".join(part.split()).strip(" .;:") for part in text.split(",")]
    p.name = p.name or ", ".join(part for part in parts if part)


def _signature(line: str) -> tuple[str, str] | None:
    """(name, position) from a signature line, or None when ``line`` is no signature line."""
    folded = fold(line)
    representative = fold(REPRESENTATIVE)
    if folded.startswith(representative):
        rest = line[len(representative) :].lstrip(" :\t")
        name, _, position = rest.partition(",")
        return " ".join(name.split()), " ".join(position.split())
    marked = bool(_UNDERLINE.search(line) or _SIGN_WORDS.search(line) or _SLASHED.search(line))
    if not marked and not (folded.startswith(_POSITIONS) and len(line) < 150):
        return None
    rest = _SIGN_WORDS.sub(" ", _UNDERLINE.sub(" ", line))
    if m := _SLASHED.search(rest):
        name = m[1]
        position = rest[: m.start()] + rest[m.end() :]
        return _clean(name), _clean(position)
    rest = _clean(rest)
    if "," in rest:
        first, second = (_clean(part) for part in rest.split(",", 1))
        return (first, second) if _looks_like_name(first) else (second, first)
    words = rest.split()
    name_words: list[str] = []
    while words and len(name_words) < 3 and _capitalised(words[-1]) and not fold(words[-1]).startswith(_POSITIONS):
        name_words.insert(0, words.pop())
    if len(name_words) < 2 and not marked:
        return None  # "Valdes priekšsēdētāja" alone, with no signature mark, is no signature line
    return " ".join(name_words), " ".join(words)


def _clean(text: str) -> str:
    return " ".join(text.split()).strip(" ,;:-–")


def _capitalised(word: str) -> bool:
    return word[:1].isupper() and (word[1:2].islower() or word.endswith(".") or "-" in word)


def _looks_like_name(text: str) -> bool:
    words = text.split()
    return 1 <= len(words) <= 4 and all(_capitalised(w) for w in words) and not _EMAIL.search(text)


_DATE_WORDS = ("datums", "gada", "g")
#: Labels under the table that a printed form leaves empty.
_EMPTY_FIELDS = frozenset({"datums", "paraksts", "vieta", "vieta un datums", "z.v"})


def _date_line(line: str) -> tuple[date, str] | None:
    """The signing date and the place from ``Rīgā, 2024. gada 29. janvārī``, ``29.01.2024.`` or
    ``Datums: …``; None when the line is not only that."""
    if len(line) > 100:
        return None
    dates = list(find_dates(line))
    if len(dates) != 1:
        return None
    start, end, day = dates[0]
    rest = leftover(line, [(start, end)], _DATE_WORDS)
    place = [w for w in re.findall(r"[^\W\d_]+", line[:start] + " " + line[end:]) if fold(w) not in _DATE_WORDS]
    if len(place) > 2 or (rest and not all(w[:1].isupper() for w in place)):
        return None
    return day, " ".join(place)


def _place_note(place: str, line: str) -> Message:
    return Message(
        f"Vieta „{place}” rindā „{quote(line)}” kopsavilkumā netiek glabāta; datums nolasīts kā parakstīšanas datums.",
        f"The place “{place}” in “{quote(line)}” is not kept in the summary; the date was read as the date of signing.",
    )


def _is_guessed_signature(line: str) -> bool:
    """A signature line neither in our words nor marked as one: its split into name and position is a guess."""
    marked = _UNDERLINE.search(line) or _SIGN_WORDS.search(line) or _SLASHED.search(line)
    return not marked and not fold(line).startswith(fold(REPRESENTATIVE))


def _signatory_note(line: str, name: str, position: str) -> Message:
    """A signature line in the organisation's own words: say what was taken from it, to be checked."""
    return Message(
        f"Paraksta rinda „{quote(line)}” nolasīta kā parakstītājs: vārds „{name}”, amats „{position}”; pārbaudiet.",
        f"The signature line “{quote(line)}” was read as the signatory: name “{name}”, position “{position}”; "
        "check them.",
    )
