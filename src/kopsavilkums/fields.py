"""The report's fields, described once.

:data:`ROWS` are the official rows of the summary with their exact Latvian labels (README.md, *The
summary and how it prints*); :data:`FIELDS` is every value a user fills in: its key (its place in
the model and the draft file), its labels in both languages, what kind of value it is, its length
limit, whether it must be filled in, and where it prints. The draft file format, validation,
printing, the form and the importers and exporters all read these tables, so adding a field means
one entry here and an attribute of the model (docs/architecture.md, *Adding a field*).

Keys: ``title``, ``period.start``; a row list is ``objectives`` / ``indicators`` and the fields
of its rows ``objectives[]`` (an objective is one text) and ``indicators[].note``; budget rows are
``budget[].planned``. :mod:`kopsavilkums.fieldpath` turns a concrete path (``indicators[2].note``,
``indicators/<row id>/note``) into such a key.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from functools import cache

from kopsavilkums.messages import Message


class Kind(StrEnum):
    LINE = "line"  # one line of text: a pasted line break becomes a space
    TEXT = "text"  # paragraphs
    SHORT = "short"  # a short free text in a table cell ("10", "~340", "nav notikusi")
    DATE = "date"
    AMOUNT = "amount"  # Decimal euro, or None
    CHOICE = "choice"  # one of ``Field.choices``
    FLAG = "flag"  # True or False (written to the draft file only when True)
    ROWS = "rows"  # a list of rows (objectives, indicators, budget years)


class Part(StrEnum):
    """Where a field prints: above the official table, in one of its rows, or below it."""

    HEADING = "heading"
    HEADER = "header"  # optional facts under the heading: institution, contract
    ROW = "row"  # an official row (``row`` says which)
    SIGNATURE = "signature"
    PREPARED_BY = "prepared_by"


class Need(StrEnum):
    OPTIONAL = "optional"
    REQUIRED = "required"  # an error while empty
    FOR_SIGNING = "for_signing"  # an error in the copy to sign, a warning in a draft


@dataclass(frozen=True)
class OfficialRow:
    number: int
    key: str
    label: Message  # lv: word for word as the ministries publish it


@dataclass(frozen=True)
class Field:
    key: str
    label: Message  # names the field on its own (in messages, for screen readers)
    kind: Kind
    part: Part
    row: int | None = None  # the official row it prints in (Part.ROW)
    limit: int | None = None  # characters (texts) or rows (Kind.ROWS)
    need: Need = Need.OPTIONAL
    form_label: Message | None = None  # shorter, where the form's section already says the rest
    print_label: Message | None = None  # the label on paper, where it differs from ``label``
    missing: Message | None = None  # what to say when a needed field is empty
    choices: tuple[str, ...] = ()  # Kind.CHOICE: the values, the first is the default

    @property
    def is_text(self) -> bool:
        return self.kind in (Kind.LINE, Kind.TEXT, Kind.SHORT)

    @property
    def is_row_field(self) -> bool:
        """A field of each row of a list (``indicators[].note``)."""
        return "[]" in self.key

    def shown_label(self) -> Message:
        return self.form_label or self.label


def _m(lv: str, en: str) -> Message:
    return Message(lv, en)


ROW_DESCRIPTION_LABEL = _m(
    "Apraksts un vērtējums par valsts pārvaldes uzdevuma izpildes ietvaros sasniegtajiem rezultatīvajiem "
    "rādītājiem un izlietotā valsts budžeta finansējuma atbilstību līgumā paredzētajiem mērķiem",
    "Description and assessment of the result indicators achieved in carrying out the public administration "
    "task and of whether the state budget funding used matches the objectives set out in the contract",
)

ROWS: tuple[OfficialRow, ...] = (
    OfficialRow(1, "task", _m("Valsts pārvaldes uzdevums", "Public administration task")),
    OfficialRow(2, "performer", _m("Valsts pārvaldes uzdevuma veicējs", "Performer of the public administration task")),
    OfficialRow(
        3,
        "period",
        _m("Valsts pārvaldes uzdevuma deleģēšanas periods", "Delegation period of the public administration task"),
    ),
    OfficialRow(4, "description", ROW_DESCRIPTION_LABEL),
    OfficialRow(
        5,
        "budget",
        _m(
            "Plānotais un faktiski izlietotais valsts budžeta finansējums sadalījumā pa gadiem",
            "Planned and actually used state budget funding by year",
        ),
    ),
    OfficialRow(6, "irregular_expenditure", _m("Neatbilstoši veiktie izdevumi", "Irregular expenditure")),
    OfficialRow(
        7,
        "unrecovered_amount",
        _m(
            "Neatgūto līdzekļu apmērs no neatbilstoši veiktajiem izdevumiem",
            "Amount of funds not recovered from irregular expenditure",
        ),
    ),
    OfficialRow(8, "other_information", _m("Cita informācija", "Other information")),
)

#: The longest narrative a field takes: about 300 printed pages.
NARRATIVE = 1_000_000
#: Names, positions, phone numbers, e-mail addresses.
PERSON = 200

FIELDS: tuple[Field, ...] = (
    Field(
        "title", _m("Kopsavilkuma virsraksts", "Title of the summary"), Kind.LINE, Part.HEADING, limit=1_000,
        need=Need.REQUIRED,
    ),
    Field("task", ROWS[0].label, Kind.TEXT, Part.ROW, row=1, limit=5_000, need=Need.REQUIRED),
    Field("performer", ROWS[1].label, Kind.LINE, Part.ROW, row=2, limit=1_000, need=Need.REQUIRED),
    Field(
        "delegating_authority", _m("Deleģējošā iestāde", "Delegating institution"), Kind.LINE, Part.HEADER,
        limit=1_000,
    ),
    Field(
        "contract", _m("Līgums (numurs un datums)", "Contract (number and date)"), Kind.LINE, Part.HEADER,
        limit=1_000, print_label=_m("Līgums", "Contract"),
    ),
    Field(
        "period.start", _m("Deleģēšanas perioda sākums", "Start of the delegation period"), Kind.DATE, Part.ROW,
        row=3, need=Need.REQUIRED, form_label=_m("No", "From"),
        missing=_m("Deleģēšanas periodam jānorāda sākuma datums.", "The delegation period needs a start date."),
    ),
    Field(
        "period.end", _m("Deleģēšanas perioda beigas", "End of the delegation period"), Kind.DATE, Part.ROW, row=3,
        need=Need.REQUIRED, form_label=_m("Līdz", "To"),
        missing=_m("Deleģēšanas periodam jānorāda beigu datums.", "The delegation period needs an end date."),
    ),
    Field("introduction", _m("Ievads", "Introduction"), Kind.TEXT, Part.ROW, row=4, limit=NARRATIVE),
    Field(
        "objectives", _m("Uzdevumi", "Objectives"), Kind.ROWS, Part.ROW, row=4, limit=500, need=Need.REQUIRED,
        form_label=_m("Uzdevumi (numurēti 1., 2., …)", "Objectives (numbered 1., 2., …)"),
        missing=_m("Jānorāda vismaz viens uzdevums (mērķis).", "Give at least one objective."),
    ),
    Field("objectives[]", _m("Uzdevums", "Objective"), Kind.TEXT, Part.ROW, row=4, limit=20_000),
    Field(
        "indicators", _m("Sasniegtie rezultatīvie rādītāji", "Achieved result indicators"), Kind.ROWS, Part.ROW,
        row=4, limit=2_000, need=Need.REQUIRED,
        form_label=_m(
            "Sasniegtie rezultatīvie rādītāji (numurēti 1), 2), …)", "Achieved result indicators (numbered 1), 2), …)"
        ),
        missing=_m(
            "Jānorāda vismaz viens sasniegtais rezultatīvais rādītājs.", "Give at least one achieved result indicator."
        ),
    ),
    Field(
        "indicators[].text", _m("Rezultatīvais rādītājs", "Result indicator"), Kind.TEXT, Part.ROW, row=4,
        limit=20_000,
    ),
    Field("indicators[].planned", _m("Plānots", "Planned"), Kind.SHORT, Part.ROW, row=4, limit=200),
    Field("indicators[].achieved", _m("Sasniegts", "Achieved"), Kind.SHORT, Part.ROW, row=4, limit=200),
    Field(
        "indicators[].note", _m("Piezīme", "Note"), Kind.TEXT, Part.ROW, row=4, limit=20_000,
        form_label=_m("Piezīme (piem., kāpēc nav sasniegts)", "Note (e.g. why not achieved)"),
    ),
    Field(
        "indicators[].carried_over",
        _m("Pārņemts no iepriekšējā kopsavilkuma", "Carried over from the previous report"), Kind.FLAG, Part.ROW,
        row=4,
    ),
    Field(
        "assessment", _m("Noslēguma vērtējums", "Closing assessment"), Kind.TEXT, Part.ROW, row=4, limit=NARRATIVE,
        need=Need.FOR_SIGNING,
        missing=_m(
            "Noslēguma vērtējums nav uzrakstīts: novērtējiet, vai finansējums izlietots atbilstoši līguma mērķiem.",
            "The closing assessment is empty: say whether the funding was used as the contract intended.",
        ),
    ),
    Field("budget", ROWS[4].label, Kind.ROWS, Part.ROW, row=5),
    Field("budget[].planned", _m("Plānotais, euro", "Planned, euro"), Kind.AMOUNT, Part.ROW, row=5),
    Field("budget[].actual", _m("Faktiski izlietotais, euro", "Actually used, euro"), Kind.AMOUNT, Part.ROW, row=5),
    Field(
        "irregular_expenditure.amount", _m("Neatbilstoši veikto izdevumu summa", "Irregular expenditure: amount"),
        Kind.AMOUNT, Part.ROW, row=6, form_label=_m("Summa, euro", "Amount, euro"),
    ),
    Field(
        "irregular_expenditure.explanation",
        _m("Neatbilstoši veikto izdevumu paskaidrojums", "Irregular expenditure: explanation"),
        Kind.TEXT, Part.ROW, row=6, limit=100_000, form_label=_m("Paskaidrojums", "Explanation"),
    ),
    Field(
        "unrecovered_amount.amount", _m("Neatgūtā summa", "Unrecovered amount"), Kind.AMOUNT, Part.ROW, row=7,
        form_label=_m("Summa, euro", "Amount, euro"),
    ),
    Field(
        "unrecovered_amount.explanation", _m("Neatgūtās summas paskaidrojums", "Unrecovered amount: explanation"),
        Kind.TEXT, Part.ROW, row=7, limit=100_000, form_label=_m("Paskaidrojums", "Explanation"),
    ),
    Field("other_information", ROWS[7].label, Kind.TEXT, Part.ROW, row=8, limit=NARRATIVE),
    Field(
        "signatory.name", _m("Parakstītāja vārds, uzvārds", "Signatory's name"), Kind.LINE, Part.SIGNATURE,
        limit=PERSON, need=Need.FOR_SIGNING, form_label=_m("Pārstāvja vārds, uzvārds", "Representative's name"),
        missing=_m("Jānorāda parakstītāja vārds un uzvārds.", "Give the signatory's name."),
    ),
    Field(
        "signatory.position", _m("Parakstītāja amats", "Signatory's position"), Kind.LINE, Part.SIGNATURE,
        limit=PERSON, need=Need.FOR_SIGNING, form_label=_m("Amats", "Position"),
        missing=_m("Jānorāda parakstītāja amats.", "Give the signatory's position."),
    ),
    Field(
        "signatory.date", _m("Parakstīšanas datums", "Date of signing"), Kind.DATE, Part.SIGNATURE,
        print_label=_m("Datums", "Date"),
    ),
    Field(
        "signatory.signing", _m("Parakstīšanas veids", "How it is signed"), Kind.CHOICE, Part.SIGNATURE,
        choices=("by_hand", "e_signature"),  # report.SIGNING_METHODS (a test keeps them equal)
    ),
    Field(
        "prepared_by.name", _m("Sagatavotāja vārds, uzvārds", "Prepared by: name"), Kind.LINE, Part.PREPARED_BY,
        limit=PERSON, form_label=_m("Vārds, uzvārds", "Name"),
    ),
    Field(
        "prepared_by.phone", _m("Sagatavotāja tālrunis", "Prepared by: phone"), Kind.LINE, Part.PREPARED_BY,
        limit=PERSON, form_label=_m("Tālrunis", "Phone"),
    ),
    Field(
        "prepared_by.email", _m("Sagatavotāja e-pasts", "Prepared by: e-mail"), Kind.LINE, Part.PREPARED_BY,
        limit=PERSON, form_label=_m("E-pasts", "E-mail"),
    ),
)  # fmt: skip

#: Headings of the parts below the table.
SIGNATURE_HEADING = _m("Paraksts", "Signature")
PREPARED_BY_HEADING = _m("Sagatavoja", "Prepared by")
HEADER_HEADING = _m("Papildu ziņas galvenē (nav obligātas)", "Header facts (optional)")


@cache
def _by_key() -> dict[str, Field]:
    return {f.key: f for f in FIELDS}


def field(key: str) -> Field:
    """The field with ``key`` (``indicators[].note``); KeyError for an unknown one."""
    return _by_key()[key]


def row(number_or_key: int | str) -> OfficialRow:
    """An official row by its number (1–8) or key (``budget``)."""
    for official in ROWS:
        if number_or_key in (official.number, official.key):
            return official
    raise KeyError(number_or_key)


def fields_of(part: Part) -> tuple[Field, ...]:
    return tuple(f for f in FIELDS if f.part is part)


def top_level_keys() -> tuple[str, ...]:
    """The keys of the draft file's ``report`` object, in order (``period``, ``signatory``…)."""
    seen: dict[str, None] = {}
    for f in FIELDS:
        seen.setdefault(f.key.split(".")[0].removesuffix("[]"), None)
    return tuple(seen)


def keys_under(head: str) -> tuple[str, ...]:
    """The keys of a nested object: ``keys_under("signatory")`` → ``("name", "position", "date")``."""
    prefix = head + "."
    return tuple(f.key[len(prefix) :] for f in FIELDS if f.key.startswith(prefix))


def row_keys(list_key: str) -> tuple[str, ...]:
    """The fields of each row of a list: ``row_keys("indicators")`` → ``("text", "planned", …)``."""
    prefix = list_key + "[]."
    return tuple(f.key[len(prefix) :] for f in FIELDS if f.key.startswith(prefix))
