"""Latvian spelling in the core: which words are checked, the dictionary, the user's own words,
the report's names, and ``kopsavilkums validate --spelling``."""

import os
import subprocess
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import COMPLETE
from kopsavilkums import spelling


@pytest.fixture(scope="module")
def dictionary():
    return spelling.load_dictionary()


@pytest.fixture
def speller(dictionary, tmp_path):
    return spelling.Speller(dictionary, spelling.PersonalWords(tmp_path))


def misspelt(speller, text):
    return [span.word for span in speller.misspelt(text)]


def test_a_misspelt_latvian_word_is_found_and_the_right_one_suggested(speller):
    text = "Biedrība sasniedza visus plānotos rezultatus un īstenoja projektu."
    assert misspelt(speller, text) == ["rezultatus"]
    assert "rezultātus" in speller.suggest("rezultatus")


def test_the_places_are_those_of_the_text(speller):
    text = "Pirmais teikums. Otrajā ir kļūdda."
    (span,) = speller.misspelt(text)
    assert text[span.start : span.end] == "kļūdda"
    (again,) = speller.misspelt(text, start=17)  # a part of the text: places still in the whole
    assert again == span


@pytest.mark.parametrize(
    "text",
    [
        "2019. gadā 1 234,56 euro, 12.08.2019., 3a",  # numbers and words with digits
        "rakstiet uz info@kurzemesnvo.lv vai jaanis.berzins+nvo@gmail.com",  # e-mail addresses
        "sk. https://www.kurzemesnvo.lv/projekti?id=3 un www.nvoo.lv un nvoo.lv",  # web addresses
        "NVO, LR, VARAM un ES fondi",  # abbreviations in capitals
        "piem., t.sk., u.c., utt., lpp., Nr. 5",  # abbreviations with their full stop
        'projekts „Zaļaa josta” un “Jauniešuu balss” un "Kurzemmes forums"',  # names in quotes
        "e-pasts, sociāli-ekonomiskā",  # hyphenated words whose parts are known
    ],
)
def test_what_is_never_underlined(speller, text):
    assert misspelt(speller, text) == []


def test_the_users_own_words_are_known_and_kept_in_the_data_folder(dictionary, tmp_path):
    speller = spelling.Speller(dictionary, spelling.PersonalWords(tmp_path))
    assert misspelt(speller, "starpkultūru dialogs") == ["starpkultūru"]
    speller.add("starpkultūru")
    assert misspelt(speller, "starpkultūru dialogs") == []
    assert (tmp_path / "personal-words.txt").read_text(encoding="utf-8") == "starpkultūru\n"
    # the next start (or the next version of the program) reads it back
    again = spelling.Speller(dictionary, spelling.PersonalWords(tmp_path))
    assert misspelt(again, "starpkultūru dialogs") == []


def test_an_ignored_word_is_known_for_the_session_only(dictionary, tmp_path):
    speller = spelling.Speller(dictionary, spelling.PersonalWords(tmp_path))
    speller.ignore("Kuldīgnieki")
    assert misspelt(speller, "Kuldīgnieki piedalījās") == []
    assert not (tmp_path / "personal-words.txt").exists()


def test_the_organisation_and_the_signatory_are_known_words(speller, complete_report):
    complete_report.performer = "Biedrība „Zemgalīšu Jauniešu Centrs”"
    complete_report.signatory.name = "Kristaps Vilciņšs"
    complete_report.assessment = "Zemgalīšu centrs un Vilciņšs paldies."
    assert misspelt(speller, complete_report.assessment) == ["Zemgalīšu", "Vilciņšs"]
    speller.set_report_words(spelling.report_words(complete_report))
    assert misspelt(speller, complete_report.assessment) == []


def test_misspelt_words_of_a_report_field_by_field(speller, complete_report):
    complete_report.assessment = "Rezultati ir labi, rezultati ir sasniegti."
    complete_report.objectives[0].text = "Organizet apmācības."
    found = dict(spelling.misspelt_in_report(complete_report, speller))
    assert found["assessment"] == ["Rezultati", "rezultati"]
    assert found["objectives[0]"] == ["Organizet"]


@given(st.text(alphabet='aāb c.-@/:0„”"ŠšAB', max_size=40))
def test_every_checked_word_is_a_word_of_the_text(text):
    for span in spelling.words(text):
        assert text[span.start : span.end] == span.word and len(span.word) > 1
        assert not any(c.isdigit() for c in span.word)


def run_validate(*args, data_dir):
    return subprocess.run(
        [sys.executable, "-m", "kopsavilkums", "--data-dir", str(data_dir), "validate", *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        env={**os.environ, "KOPSAVILKUMS_LANG": "en"},
    )


def test_validate_lists_misspelt_words_as_notes_never_as_errors(tmp_path, complete_report):
    from kopsavilkums import exchange

    complete_report.assessment = "Finansējums izlietots atbilstosi mērķiem."
    path = tmp_path / "report.kopsavilkums.json"
    exchange.write(complete_report, path)
    plain = run_validate(path, data_dir=tmp_path / "data")
    assert plain.returncode == 0 and "atbilstosi" not in plain.stderr
    checked = run_validate("--spelling", path, data_dir=tmp_path / "data")
    assert checked.returncode == 0, checked.stderr  # still valid, ready to sign
    assert "note: assessment: not in the dictionary: atbilstosi" in checked.stderr
    assert "valid, ready to sign" in checked.stderr
    # the user's own words count
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "personal-words.txt").write_text("atbilstosi\n", encoding="utf-8")
    assert "atbilstosi" not in run_validate("--spelling", path, data_dir=tmp_path / "data").stderr


def test_the_shipped_examples_have_few_false_alarms(speller):
    from kopsavilkums import exchange

    found = spelling.misspelt_in_report(exchange.read(COMPLETE), speller)
    assert found == []


WORDS = ["rezultāts", "rezultats", "Biedrība", "nevalstiskās", "ķīmijaaa", "e-pasts", "utt."]


def test_hunspells_c_interface_answers_as_the_extension_does():
    """Where the wheel carries Hunspell as a library of its own, the window loads it through
    ctypes (Python's lock stays free meanwhile): the same answers as the extension's."""
    from hunspell import Hunspell

    from kopsavilkums import hunspell_c
    from kopsavilkums.resources import resource_path

    library = hunspell_c.library_path()
    if library is None:
        pytest.skip("this platform's wheel links Hunspell into the extension (Windows)")
    folder = resource_path("dictionaries")
    ours = hunspell_c.CHunspell(library, folder / "lv_LV.aff", folder / "lv_LV.dic")
    theirs = Hunspell("lv_LV", hunspell_data_dir=str(folder))
    assert [ours.spell(w) for w in WORDS] == [theirs.spell(w) for w in WORDS] == [1, 0, 1, 1, 0, 0, 1]
    assert [ours.suggest(w) for w in WORDS] == [theirs.suggest(w) for w in WORDS]
    assert "rezultāts" in ours.suggest("rezultats")
    with pytest.raises(FileNotFoundError):
        hunspell_c.CHunspell(library, folder / "xx.aff", folder / "lv_LV.dic")


def test_without_a_library_of_its_own_the_extension_reads_the_dictionary(monkeypatch):
    from kopsavilkums import hunspell_c

    monkeypatch.setattr(hunspell_c, "library_path", lambda: None)
    dictionary = spelling.load_dictionary()
    assert type(dictionary).__module__.startswith("hunspell")
    assert dictionary.spell("rezultāts") and not dictionary.spell("rezultats")
