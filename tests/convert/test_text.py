"""Text copied from a ministry's web page: label TAB value, clean and ugly."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from kopsavilkums import exchange
from kopsavilkums.convert.imported import ImportRefused
from kopsavilkums.convert.readers.import_notes import UNPLACED_MARKER
from kopsavilkums.convert.reading import read_any, read_path
from kopsavilkums.official import DEFAULT_TITLE
from kopsavilkums.report import E_SIGNATURE

SAMPLES = Path(__file__).resolve().parent / "samples"
EXAMPLES = Path(__file__).resolve().parents[2] / "resources" / "examples"
DESCRIPTION = (
    "Apraksts un vērtējums par valsts pārvaldes uzdevuma izpildes ietvaros sasniegtajiem rezultatīvajiem "
    "rādītājiem un izlietotā valsts budžeta finansējuma atbilstību līgumā paredzētajiem mērķiem"
)


def read(text: str):
    return read_any(text.encode("utf-8"))


def english(imported) -> str:
    return "\n".join(n.en for n in imported.notes)


def test_a_clean_copy_reads_into_exactly_the_complete_example():
    imported = read_path(SAMPLES / "latgales-clean.txt")
    ours = json.loads(exchange.dumps(imported.report))
    theirs = json.loads(
        exchange.dumps(exchange.read(EXAMPLES / "latgales-jauniesu-forums-2021-2023.kopsavilkums.json"))
    )
    assert ours == theirs
    # the only note: the place in "Rīgā, 2024. gada 29. janvārī" has no field
    assert [n.en for n in imported.notes] == [
        "The place “Rīgā” in “Rīgā, 2024. gada 29. janvārī” is not kept in the summary; the date was read as the "
        "date of signing."
    ]


@pytest.fixture(scope="module")
def ugly():
    return read_path(SAMPLES / "sporta-fonds-ugly.txt")


def test_ugly_copy_title_over_two_lines_and_labels_typed_every_which_way(ugly):
    r = ugly.report
    assert r.title == "KOPSAVILKUMS par valsts pārvaldes uzdevuma izpildi sporta jomā"
    assert r.performer == "Nodibinājums „Sporta attīstības fonds”"  # "1. … veicējs:", spaces around the value
    assert r.task == "Sporta pasākumu organizēšana bērniem & jauniešiem"  # no marks, &amp;
    assert (r.period.start, r.period.end) == (date(2022, 3, 1), date(2023, 2, 28))  # "no … līdz …" in words


def test_ugly_copy_narrative_with_html_left_in_it_and_traps(ugly):
    r = ugly.report
    assert r.introduction == "Fonds 2022. gadā saskaņā ar līguma 5.3. punktu īstenoja šādus uzdevumus:"
    assert [o.text for o in r.objectives] == [
        "Organizēt sacensības (skat. 1) punktu) bērniem.",
        "Nodrošināt treneru apmācību līdz 12.08.2023. termiņam.",
    ]
    assert [i.text for i in r.indicators] == [
        "Notika 14 sacensības.",
        "Apmācīti 30 treneri; 3. jūnijā notika noslēguma seminārs.",
    ]
    assert r.assessment == "Finansējums izlietots atbilstoši mērķiem."
    assert "“Sasniegtie rezultatīvie rādītāji:” was read as the official one" in english(ugly)


def test_ugly_copy_budget_with_column_headings_two_amounts_and_a_matching_total(ugly):
    assert [(b.year, b.planned, b.actual) for b in ugly.report.budget] == [
        (2022, Decimal("20000.00"), Decimal("19500.00")),
        (2023, None, Decimal("5000.00")),
    ]
    assert "two amounts" not in english(ugly)  # the headings named the columns
    assert "total" not in english(ugly)  # Kopā matches the years


def test_ugly_copy_amounts_with_explanations_in_brackets_and_after_a_dash(ugly):
    r = ugly.report
    assert (r.irregular_expenditure.amount, r.irregular_expenditure.explanation) == (
        Decimal("146.90"),
        "reprezentācijas izdevumi",
    )
    assert (r.unrecovered_amount.amount, r.unrecovered_amount.explanation) == (
        Decimal("146.90"),
        "netiks atgūti, jo biedrība likvidēta",
    )


def test_ugly_copy_keeps_every_unplaced_line_and_says_so(ugly):
    r = ugly.report
    assert r.other_information == "\n".join(
        [
            "Otrā rinda ar citu informāciju",  # row 8 twice: "Nav" and this
            UNPLACED_MARKER,
            "Pielikums Nr. 2 valdes sēdes protokolam",
            "Piezīmes: Šī rinda nav oficiāla.",
        ]
    )
    notes = english(ugly)
    assert "Row 8 (Other information) appears twice" in notes
    assert "1 row (“Piezīmes”) is not an official row; its text was put into Other information" in notes
    assert "1 line above the table was not recognised and was put into row 8" in notes
    lv = "\n".join(n.lv for n in ugly.notes)
    assert "1 teksta rinda virs tabulas netika atpazīta un ir ievietota 8. rindā „Cita informācija”" in lv


def test_ugly_copy_lines_under_the_table(ugly):
    r = ugly.report
    assert (r.signatory.name, r.signatory.position) == ("Anna Bērziņa", "Valdes priekšsēdētāja")
    assert r.signatory.date == date(2024, 1, 29)
    assert r.signatory.signing == E_SIGNATURE
    assert (r.prepared_by.name, r.prepared_by.phone, r.prepared_by.email) == (
        "Jānis Ozoliņš",
        "26123456",
        "janis@example.lv",
    )


def test_rows_in_another_order_missing_rows_and_no_title():
    imported = read(
        "Cita informācija\tNav\nValsts pārvaldes uzdevuma veicējs\tBiedrība A\nValsts pārvaldes uzdevums\tUzdevums B\n"
    )
    r = imported.report
    assert (r.task, r.performer, r.other_information) == ("Uzdevums B", "Biedrība A", "")
    assert r.title == DEFAULT_TITLE
    notes = english(imported)
    assert "The title was missing; the default title" in notes
    assert "No budget row (row 5) was found" in notes
    for number in (3, 4, 6, 7):
        assert f"Row {number} (" in notes
    assert "Row 8" not in notes


def test_a_label_broken_over_two_lines_is_joined_back():
    first, second = DESCRIPTION[:60], DESCRIPTION[60:]
    imported = read(
        "Valsts pārvaldes uzdevums\tA\n"
        "Valsts pārvaldes uzdevuma veicējs\tB\n"
        f"{first}\n{second}\tIevads par darbu.\n"
        "Cita informācija\tNav\n"
    )
    r = imported.report
    assert r.performer == "B"  # the first half of the label did not go into row 2
    assert r.introduction == "Ievads par darbu."


def test_a_value_over_several_lines_is_one_field_with_its_paragraphs():
    imported = read(
        "Valsts pārvaldes uzdevums\tPirmā rindkopa.\nOtrā rindkopa.\n"
        "Valsts pārvaldes uzdevuma veicējs\tB\n"
        "Cita informācija\tPirmā.\n\nOtrā.\n"
    )
    assert imported.report.task == "Pirmā rindkopa.\nOtrā rindkopa."
    assert imported.report.other_information == "Pirmā.\nOtrā."


def test_labels_on_lines_of_their_own_and_label_colon_value():
    imported = read(
        "Valsts pārvaldes uzdevums\nUzdevums uz nākamās rindas\n"
        "Valsts pārvaldes uzdevuma veicējs: Biedrība C\n"
        "Valsts pārvaldes uzdevuma deleģēšanas periods: 01.01.2022.-31.12.2022\n"
    )
    r = imported.report
    assert (r.task, r.performer) == ("Uzdevums uz nākamās rindas", "Biedrība C")
    assert (r.period.start, r.period.end) == (date(2022, 1, 1), date(2022, 12, 31))


def test_windows_1257_text_is_read_with_a_note():
    text = "Valsts pārvaldes uzdevums\tUzdevums ar garumzīmēm\nValsts pārvaldes uzdevuma veicējs\tBiedrība „Ēķis”\n"
    imported = read_any(text.encode("cp1257"))
    assert imported.report.performer == "Biedrība „Ēķis”"
    assert "Windows-1257" in english(imported)


def test_utf16_with_a_byte_order_mark():
    text = "Valsts pārvaldes uzdevums\tA\r\nValsts pārvaldes uzdevuma veicējs\tB\r\n"
    assert read_any(text.encode("utf-16")).report.performer == "B"


def test_html_entities_and_tags_in_a_value_are_read_as_html_but_other_angle_brackets_stay_text():
    imported = read(
        "Valsts pārvaldes uzdevums\t<p>Uzdevums &quot;A&quot; &amp; B</p>\n"
        "Valsts pārvaldes uzdevuma veicējs\tBiedrība <Mēs> & jūs\n"
    )
    assert imported.report.task == 'Uzdevums "A" & B'
    assert imported.report.performer == "Biedrība <Mēs> & jūs"


def test_text_that_is_not_a_summary_is_refused_with_one_line():
    with pytest.raises(ImportRefused) as refused:
        read("Sveiki!\nŠis ir tikai vēstules teksts.\tAr tabulāciju.\n")
    assert "not a summary" in str(refused.value)
    assert "\n" not in refused.value.localized("lv") and "\n" not in refused.value.localized("en")
    assert refused.value.__cause__ is None


def test_one_row_alone_is_not_yet_a_summary():
    with pytest.raises(ImportRefused):
        read("Cita informācija\tNav\n")


def test_header_facts_above_the_table_with_a_tab_or_a_colon():
    imported = read(
        "Kopsavilkums par valsts pārvaldes uzdevuma izpildi\n"
        "Deleģējošā iestāde\tKultūras ministrija\n"
        "Līgums: Nr. 1-2/3\n"
        "Valsts pārvaldes uzdevums\tA\nValsts pārvaldes uzdevuma veicējs\tB\n"
    )
    r = imported.report
    assert (r.delegating_authority, r.contract) == ("Kultūras ministrija", "Nr. 1-2/3")
    assert r.other_information == ""


def test_a_row_many_times_gives_one_note_and_keeps_every_value():
    imported = read(
        "Valsts pārvaldes uzdevuma veicējs\tB\n" + "".join(f"Valsts pārvaldes uzdevums\tU{i}\n" for i in range(50))
    )
    assert imported.report.task == "\n".join(f"U{i}" for i in range(50))
    assert [n.en for n in imported.notes if "appears" in n.en] == [
        "Row 1 (Public administration task) appears 50 times; the text of all of them is kept together."
    ]
    assert any("atrasta 50 reizes" in n.lv for n in imported.notes)


def test_far_more_lines_under_the_table_than_a_summary_has_are_kept_as_they_are():
    under = "".join(f"Rīgā, 2024. gada {i % 28 + 1}. janvārī\n" for i in range(300))
    imported = read("Valsts pārvaldes uzdevums\tA\nValsts pārvaldes uzdevuma veicējs\tB\n" + under)
    r = imported.report
    assert r.signatory.date is not None
    kept = r.other_information.split("\n")
    assert kept[0] == UNPLACED_MARKER
    assert len(kept) == 1 + 300 - 1  # every line but the one read as the date of signing
    assert len([n for n in imported.notes if "place" in n.en]) == 1


def test_html_in_a_value_too_deep_to_parse_is_kept_as_it_is():
    value = "<b>" * 1000 + "dziļi" + "</b>" * 1000
    imported = read(f"Valsts pārvaldes uzdevums\t{value}\nValsts pārvaldes uzdevuma veicējs\tB\n")
    assert imported.report.task == value


def test_letters_typed_with_combining_marks_are_composed_and_nothing_else_changes():
    from kopsavilkums.convert.readers.labels import nfc

    assert nfc("Valsts pa\u0304rvaldes uzdevums") == "Valsts pārvaldes uzdevums"  # a + U+0304
    assert nfc("\uf900 \u212b \ufb01 \u00c5") == "\uf900 \u212b \ufb01 \u00c5"  # as the user typed them


def test_a_copied_page_keeps_every_character_the_user_chose(seed_report):
    from kopsavilkums.convert.writers.text import published_text

    seed_report.performer = "Biedrība \uf900 \u212b"
    assert read(published_text(seed_report)).report.performer == "Biedrība \uf900 \u212b"
