"""Row 4 split into introduction, objectives, indicators and the closing assessment — with the
numbers that are not item numbers (2019. gadā, 5.3. punktu, 12.08.2019., 1) inside a sentence)."""

from __future__ import annotations

import pytest

from kopsavilkums.convert.readers.narrative import read_narrative
from kopsavilkums.convert.readers.values import Read
from kopsavilkums.official import INDICATORS_SENTENCE


def split(*paragraphs: str):
    read = Read()
    narrative = read_narrative(list(paragraphs), read)
    return narrative, read


def texts(narrative):
    return (
        narrative.introduction,
        list(narrative.objectives),
        [i.text for i in narrative.indicators],
        narrative.assessment,
    )


def test_everything_on_one_line_as_the_published_pages_have_it():
    narrative, read = split(
        "Tika noteikti šādi valsts pārvaldes uzdevumi: 1. Stiprināt NVO. 2. Veicināt dialogu. "
        f"{INDICATORS_SENTENCE} 1) Notika 10 semināri. 2) Sniegtas 127 konsultācijas. Mērķi sasniegti."
    )
    assert texts(narrative) == (
        "Tika noteikti šādi valsts pārvaldes uzdevumi:",
        ["Stiprināt NVO.", "Veicināt dialogu."],
        ["Notika 10 semināri.", "Sniegtas 127 konsultācijas. Mērķi sasniegti."],
        "",
    )
    assert read.notes == [] and read.unplaced == []


def test_each_item_a_paragraph_and_the_assessment_after_the_last_indicator():
    narrative, read = split(
        "Ievads.",
        "1. Pirmais uzdevums.",
        "2. Otrais uzdevums.",
        INDICATORS_SENTENCE,
        "1) Pirmais rādītājs.",
        "2) Otrais rādītājs.",
        "Noslēguma vērtējums.",
        "Otrā vērtējuma rindkopa.",
    )
    assert texts(narrative) == (
        "Ievads.",
        ["Pirmais uzdevums.", "Otrais uzdevums."],
        ["Pirmais rādītājs.", "Otrais rādītājs."],
        "Noslēguma vērtējums.\nOtrā vērtējuma rindkopa.",
    )
    assert read.notes == []


@pytest.mark.parametrize(
    ("objective", "why"),
    [
        ("Rīkot pasākumus 2019. gadā un 2020. gadā.", "a year"),
        ("Ievērot līguma 5.3. punktu.", "a clause number"),
        ("Iesniegt atskaiti līdz 12.08.2019. ministrijā.", "a date"),
        ("Rīkot semināru. 2. jūnijā notika pirmais.", "an ordinal day before a month"),
        ("Izpildīt prasības (skat. 2. punktu).", "an ordinal before punkts"),
        ("Izvērtēt rezultātus; 2. kārta notiks vēlāk.", "a stage number after a sentence end"),
        ("Sadarboties ar 2. klases skolēniem un 3 skolām.", "not after the end of a sentence"),
    ],
)
def test_numbers_that_are_not_item_numbers_stay_in_the_text(objective, why):
    narrative, _ = split(f"Uzdevumi: 1. {objective} 3. Trešais nav otrais.")
    assert narrative.objectives == [f"{objective} 3. Trešais nav otrais."], why


def test_a_second_objective_after_a_trap_is_still_found():
    narrative, _ = split("Uzdevumi: 1. Rīkot 2. jūnijā semināru un ievērot 5.3. punktu. 2. Otrais uzdevums.")
    assert narrative.objectives == ["Rīkot 2. jūnijā semināru un ievērot 5.3. punktu.", "Otrais uzdevums."]


def test_1_inside_a_sentence_is_no_indicator_and_a_sub_list_in_an_objective_stays_in_it():
    narrative, _ = split(
        "Uzdevumi: 1. Stiprināt NVO: 1) semināri; 2) konsultācijas. 2. Veicināt dialogu ar 1) grupu.",
        INDICATORS_SENTENCE,
        "1) Notika semināri.",
    )
    assert narrative.objectives == ["Stiprināt NVO: 1) semināri; 2) konsultācijas.", "Veicināt dialogu ar 1) grupu."]
    assert [i.text for i in narrative.indicators] == ["Notika semināri."]


def test_indicators_numbered_with_dots_after_the_sentence():
    narrative, _ = split("1. Uzdevums.", INDICATORS_SENTENCE, "1. Rādītājs A.", "2. Rādītājs B.", "Vērtējums.")
    assert [i.text for i in narrative.indicators] == ["Rādītājs A.", "Rādītājs B."]
    assert narrative.assessment == "Vērtējums."


def test_without_the_sentence_a_list_1_at_a_paragraph_start_begins_the_indicators():
    narrative, read = split("Ievads:", "1. Uzdevums.", "1) Rādītājs.", "2) Otrs.", "Vērtējums.")
    assert texts(narrative) == ("Ievads:", ["Uzdevums."], ["Rādītājs.", "Otrs."], "Vērtējums.")


def test_without_the_sentence_a_second_list_1_dot_begins_the_indicators():
    narrative, _ = split("1. Uzdevums A.", "2. Uzdevums B.", "1. Rādītājs A.", "2. Rādītājs B.")
    assert narrative.objectives == ["Uzdevums A.", "Uzdevums B."]
    assert [i.text for i in narrative.indicators] == ["Rādītājs A.", "Rādītājs B."]


def test_a_sentence_close_to_the_official_one_is_recognised_and_the_user_told():
    narrative, read = split("1. Uzdevums.", "Uzdevuma izpildes gaitā sasniegti šādi rezultatīvie rādītāji:", "1) R.")
    assert [i.text for i in narrative.indicators] == ["R."]
    assert len(read.notes) == 1
    assert "was read as the official one" in read.notes[0].en
    assert "nolasīts kā oficiālais teikums" in read.notes[0].lv


def test_our_own_indicator_details_fill_planned_achieved_and_note():
    narrative, _ = split(
        "1. Uzdevums.",
        INDICATORS_SENTENCE,
        "1) Darbnīcas Plānots: 24; sasniegts: 26.",
        "2) Apmācīti darbinieki",
        "Plānots: 60; sasniegts: 54. Divas grupas apvienotas 2022. gadā.",
        "3) Konference",
        "Sasniegts: nav notikusi.",
        "4) Stundas. Plānots: ~3 000; sasniegts: 3.5.",
    )
    got = [(i.text, i.planned, i.achieved, i.note) for i in narrative.indicators]
    assert got == [
        ("Darbnīcas", "24", "26", ""),
        ("Apmācīti darbinieki", "60", "54", "Divas grupas apvienotas 2022. gadā."),
        ("Konference", "", "nav notikusi", ""),
        ("Stundas.", "~3 000", "3.5", ""),
    ]
    assert narrative.assessment == ""


def test_paragraphs_between_items_join_the_item_before_them_with_a_note():
    narrative, read = split("1. Uzdevums A.", "Paskaidrojums par A.", "2. Uzdevums B.", INDICATORS_SENTENCE, "1) R.")
    assert narrative.objectives == ["Uzdevums A.\nPaskaidrojums par A.", "Uzdevums B."]
    assert any("1 paragraph without a number was added" in n.en for n in read.notes)


def test_text_between_the_sentence_and_the_first_indicator_is_kept_for_other_information():
    _, read = split("1. Uzdevums.", INDICATORS_SENTENCE, "Skatīt tabulu zemāk.", "1) R.")
    assert read.unplaced == ["Skatīt tabulu zemāk."]


def test_prose_without_numbers_is_the_introduction_with_a_note():
    narrative, read = split("Biedrība strādāja labi.", "Un vēl labāk.")
    assert narrative.introduction == "Biedrība strādāja labi.\nUn vēl labāk."
    assert "no numbered objectives" in read.notes[0].en


def test_the_sentence_but_no_indicators_puts_what_follows_in_the_assessment():
    narrative, read = split("1. Uzdevums.", INDICATORS_SENTENCE, "Rādītāji sasniegti pilnībā.")
    assert narrative.assessment == "Rādītāji sasniegti pilnībā."
    assert any("no numbered indicators" in n.en for n in read.notes)


def test_bullets_from_a_list_become_items():
    narrative, _ = split("Ievads:", "• Pirmais.", "• Otrais.", INDICATORS_SENTENCE, "• R1.", "• R2.", "Beigas.")
    assert narrative.objectives == ["Pirmais.", "Otrais."]
    assert [i.text for i in narrative.indicators] == ["R1.", "R2."]
    assert narrative.assessment == "Beigas."


def test_many_items_and_long_text_are_split_in_linear_time():
    items = " ".join(f"{n}) Rādītājs {n}, 2019. gada 12. augustā, skat. 5.3. punktu." for n in range(1, 3001))
    narrative, _ = split("1. Uzdevums.", f"{INDICATORS_SENTENCE} {items}")
    assert len(narrative.indicators) == 3000
    assert narrative.indicators[-1].text == "Rādītājs 3000, 2019. gada 12. augustā, skat. 5.3. punktu."
