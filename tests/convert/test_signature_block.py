"""The signature block under a summary in the organisation's own words (issue 16): the
representative's name and position, the place and date, *Sagatavoja* with phone and e-mail."""

from __future__ import annotations

from datetime import date

from kopsavilkums.convert.readers.import_notes import UNPLACED_MARKER
from kopsavilkums.convert.reading import read_any

ROWS = (
    "Valsts pārvaldes uzdevums\tJauniešu forumu rīkošana\n"
    "Valsts pārvaldes uzdevuma veicējs\tBiedrība „Zaļā osta”\n"
    "Cita informācija\tForumi notika klātienē.\n"
)
SIGNED = (
    "Biedrības „Zaļā osta” valdes priekšsēdētājs Jānis Bērziņš\n"
    "Rīgā, 2024. gada 29. janvārī\n"
    "Sagatavoja: Anna Ozola, tālr. 26123456, anna@zala-osta.lv\n"
)


def test_a_signature_line_in_own_words_goes_to_the_signatory_with_a_note():
    imported = read_any((ROWS + SIGNED).encode())
    report = imported.report
    assert report.other_information == "Forumi notika klātienē."  # nothing of the block in row 8
    assert (report.signatory.name, report.signatory.position) == (
        "Jānis Bērziņš",
        "Biedrības „Zaļā osta” valdes priekšsēdētājs",
    )
    assert report.signatory.date == date(2024, 1, 29)
    p = report.prepared_by
    assert (p.name, p.phone, p.email) == ("Anna Ozola", "26123456", "anna@zala-osta.lv")
    notes = [n.en for n in imported.notes]
    assert any(n.startswith("The signature line “Biedrības „Zaļā osta” valdes") and "check them" in n for n in notes)
    assert any("parakstītājs" in n.lv for n in imported.notes)


def test_a_line_that_is_no_signature_stays_visible_as_unplaced_text():
    imported = read_any((ROWS + SIGNED + "Z. v.\u00a0— zīmogs pievienots atsevišķi\n").encode())
    other = imported.report.other_information
    assert UNPLACED_MARKER in other and "zīmogs pievienots atsevišķi" in other
