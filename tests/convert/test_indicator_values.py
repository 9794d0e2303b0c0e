"""An indicator's values written in its sentence fill Plānots and Sasniegts; the sentence stays whole."""

from __future__ import annotations

import pytest

from kopsavilkums.convert.reading import read_any

ROWS = (
    "Valsts pārvaldes uzdevums\tJauniešu forumi\n"
    "Valsts pārvaldes uzdevuma veicējs\tBiedrība „Zaļā osta”\n"
    "Apraksts un vērtējums par valsts pārvaldes uzdevuma izpildi\t"
    "Biedrība īstenoja šādus uzdevumus: 1. Rīkot forumus. "
    "Lai sasniegtu minētos mērķus, tika noteikti šādi rezultatīvie rādītāji: 1) {}\n"
)


def indicator(sentence: str):
    imported = read_any(ROWS.format(sentence).encode())
    [one] = imported.report.indicators
    return one, imported


@pytest.mark.parametrize(
    ("sentence", "planned", "achieved"),
    [
        ("Apmācīti jaunieši – plānots 40, sasniegts 38.", "40", "38"),
        ("Notikuši semināri (plānotais 12, faktiskais 11).", "12", "11"),
        ("Plānoti 40 pasākumi, no tiem notikuši 38.", "40", "38"),
        ("Apmācīti 38 no 40 jauniešiem.", "40", "38"),
        ("Izdoti bukleti: plānoti 1 200, faktiski 1 150.", "1 200", "1 150"),
        ("Foruma apmeklējumi – sasniegtais 310.", "", "310"),
    ],
)
def test_values_in_the_sentence_fill_planned_and_achieved_and_the_sentence_is_kept(sentence, planned, achieved):
    one, imported = indicator(sentence)
    assert (one.planned, one.achieved) == (planned, achieved)
    assert one.text == sentence  # nothing lost
    assert any("were read from its sentence" in n.en for n in imported.notes)


@pytest.mark.parametrize(
    "sentence",
    [
        "Notika 14 sacensības 2022. gadā.",
        "Plānots 2022. gadā sarīkot forumu.",
        "Notika 3 no 2019. gadā plānotajiem pasākumiem.",
        "Plānoti 40 semināri un plānoti 10 vebināri.",
    ],
)
def test_numbers_that_are_no_values_stay_only_in_the_text(sentence):
    one, _ = indicator(sentence)
    assert (one.text, one.planned, one.achieved) == (sentence, "", "")
