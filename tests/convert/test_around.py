"""The labels of the official rows, and the lines above and under the table."""

from __future__ import annotations

from datetime import date

import pytest

from kopsavilkums.convert.readers.around_table import read_above, read_under
from kopsavilkums.convert.readers.labels import recognise
from kopsavilkums.convert.readers.values import Read
from kopsavilkums.fields import ROWS
from kopsavilkums.official import E_SIGNATURE_NOTE
from kopsavilkums.report import BY_HAND, E_SIGNATURE, Report


@pytest.mark.parametrize("official", ROWS, ids=lambda r: r.key)
def test_every_official_label_in_every_shape(official):
    label = official.label.lv
    for shape in (
        label,
        label.upper(),
        f"  {label}  ",
        f"{official.number}. {label}:",
        f"{official.number}) {label}",
        label.replace(" ", "\u00a0"),
        label.replace(" ", "  "),
        label.replace(" ", "\n", 2),
        label.translate(str.maketrans("āčēģīķļņšūž", "acegiklnsuz")),
        f"{label} *",
    ):
        assert recognise(shape) == official.key, shape


@pytest.mark.parametrize(
    ("label", "key"),
    [
        ("Uzdevums", "task"),
        ("Veicējs", "performer"),
        ("Uzdevuma veicējs:", "performer"),
        ("Periods", "period"),
        ("Deleģēšanas periods", "period"),
        ("Apraksts un vērtējums", "description"),
        ("Apraksts un vērtējums par uzdevuma izpildi", "description"),
        ("Finansējums", "budget"),
        ("Plānotais un faktiski izlietotais finansējums", "budget"),
        ("Neatbilstošie izdevumi", "irregular_expenditure"),
        ("Neatgūto līdzekļu apmērs", "unrecovered_amount"),
        ("Papildu informācija", "other_information"),
        ("Valsts pārvaldes uzdevuma deleģēšana periods", "period"),  # a typo
    ],
)
def test_short_labels_people_use(label, key):
    assert recognise(label) == key


@pytest.mark.parametrize("text", ["Piezīmes", "Datums", "Valsts pārvaldes uzdevumu ietvaros", "", "x" * 500])
def test_what_is_not_a_label(text):
    assert recognise(text) is None


def test_short_labels_are_not_accepted_where_running_text_could_start_the_same():
    assert recognise("Periods", short=False) is None
    assert recognise("Valsts pārvaldes uzdevuma deleģēšanas periods", short=False) == "period"


def under(*lines: str) -> tuple[Report, Read]:
    report, read = Report(), Read()
    read_under(list(lines), report, read)
    return report, read


@pytest.mark.parametrize(
    ("line", "name", "position"),
    [
        ("Valdes priekšsēdētāja Anna Bērziņa ____ (paraksts)", "Anna Bērziņa", "Valdes priekšsēdētāja"),
        (
            "Valsts pārvaldes uzdevuma veicēja pārstāvis: Anna Bērziņa, valdes priekšsēdētāja",
            "Anna Bērziņa",
            "valdes priekšsēdētāja",
        ),
        ("Anna Bērziņa, valdes priekšsēdētāja ________", "Anna Bērziņa", "valdes priekšsēdētāja"),
        ("Valdes priekšsēdētāja ________ /A. Bērziņa/", "A. Bērziņa", "Valdes priekšsēdētāja"),
        ("Direktors\t\tJānis Bērziņš-Kalns", "Jānis Bērziņš-Kalns", "Direktors"),
        ("Paraksts: ____________ Anna Bērziņa", "Anna Bērziņa", ""),
    ],
)
def test_signature_lines(line, name, position):
    report, read = under(line)
    assert (report.signatory.name, report.signatory.position) == (name, position)
    assert read.unplaced == []


@pytest.mark.parametrize(
    ("line", "day", "place"),
    [
        ("Rīgā, 2024. gada 29. janvārī", date(2024, 1, 29), "Rīgā"),
        ("29.01.2024.", date(2024, 1, 29), ""),
        ("Datums: 29.01.2024", date(2024, 1, 29), ""),
        ("2024. gada 29. janvārī", date(2024, 1, 29), ""),
        ("Daugavpilī 29.01.2024.", date(2024, 1, 29), "Daugavpilī"),
    ],
)
def test_place_and_date_lines(line, day, place):
    report, read = under(line)
    assert report.signatory.date == day
    assert read.unplaced == []
    assert bool(read.notes) == bool(place)
    if place:
        assert f"“{place}”" in read.notes[0].en


@pytest.mark.parametrize(
    ("lines", "name", "phone", "email"),
    [
        (
            ["Sagatavoja: Jānis Ozoliņš, tālr. 26123456, e-pasts janis@example.lv"],
            "Jānis Ozoliņš",
            "26123456",
            "janis@example.lv",
        ),
        (["Sagatavoja Jānis Ozoliņš, 26 123 456, janis@example.lv"], "Jānis Ozoliņš", "26 123 456", "janis@example.lv"),
        (
            ["Sagatavoja:", "Jānis Ozoliņš", "tel. +371 26123456", "janis@example.lv"],
            "Jānis Ozoliņš",
            "+371 26123456",
            "janis@example.lv",
        ),
        (
            ["Sagatavoja: Jānis Ozoliņš, projektu vadītājs, janis@example.lv"],
            "Jānis Ozoliņš, projektu vadītājs",
            "",
            "janis@example.lv",
        ),
    ],
)
def test_prepared_by(lines, name, phone, email):
    report, read = under(*lines)
    assert (report.prepared_by.name, report.prepared_by.phone, report.prepared_by.email) == (name, phone, email)
    assert read.unplaced == []


@pytest.mark.parametrize(
    "line",
    [E_SIGNATURE_NOTE, "Dokuments ir parakstīts ar drošu elektronisko parakstu un satur laika zīmogu.",
     "ŠIS DOKUMENTS IR ELEKTRONISKI PARAKSTĪTS AR DROŠU ELEKTRONISKO PARAKSTU"],
)  # fmt: skip
def test_the_e_signature_note(line):
    report, read = under(line)
    assert report.signatory.signing == E_SIGNATURE
    assert read.unplaced == []


def test_lines_that_are_none_of_these_are_kept_in_order():
    report, read = under("Pielikumā: 3 lapas.", "Valdes priekšsēdētāja Anna Bērziņa (paraksts)", "Lūdzam ņemt vērā.")
    assert read.unplaced == ["Pielikumā: 3 lapas.", "Lūdzam ņemt vērā."]
    assert report.signatory.signing == BY_HAND


def test_above_the_table_title_header_facts_and_the_rest():
    report, read = Report(), Read()
    read_above(
        [
            "Biedrība „X”",
            "KOPSAVILKUMS",
            "par valsts pārvaldes uzdevuma",
            "kultūras jomā izpildi",
            "Deleģējošā iestāde: Kultūras ministrija",
            "Līgums (numurs un datums)\tNr. 1-2/3 (01.02.2021.)",
            "Cits teksts",
        ],
        report,
        read,
        keep_unknown=True,
    )
    assert report.title == "KOPSAVILKUMS par valsts pārvaldes uzdevuma kultūras jomā izpildi"
    assert (report.delegating_authority, report.contract) == ("Kultūras ministrija", "Nr. 1-2/3 (01.02.2021.)")
    assert read.unplaced == ["Biedrība „X”", "Cits teksts"]


def test_the_only_line_above_the_table_is_taken_as_the_title_with_a_note():
    report, read = Report(), Read()
    read_above(["Pārskats par 2023. gadu"], report, read, keep_unknown=True)
    assert report.title == "Pārskats par 2023. gadu"
    assert "taken as the title" in read.notes[0].en


def test_a_second_signature_date_or_prepared_by_is_kept_not_dropped():
    report, read = under(
        "Valdes priekšsēdētāja Anna Bērziņa ____ (paraksts)",
        "Valdes loceklis Jānis Kalns ____ (paraksts)",
        "29.01.2024.",
        "30.01.2024.",
        "Sagatavoja: Jānis Ozoliņš, 26123456",
        "Sagatavoja: Pēteris Liepa, 29999999",
    )
    assert (report.signatory.name, report.signatory.date) == ("Anna Bērziņa", date(2024, 1, 29))
    assert report.prepared_by.name == "Jānis Ozoliņš"
    assert read.unplaced == [
        "Valdes loceklis Jānis Kalns ____ (paraksts)",
        "30.01.2024.",
        "Sagatavoja: Pēteris Liepa, 29999999",
    ]
