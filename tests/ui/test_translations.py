"""Every visible string is in Latvian in the Latvian interface, and the official labels are
the official document's, word for word.

The interface's own strings are translated in ``kopsavilkums_lv.ts``; the report's labels come in
both languages from the field table (``kopsavilkums.fields``), which is checked here against the
official document's wording."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLabel, QMenu, QWidget

from kopsavilkums.resources import resource_path

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "kopsavilkums_lv.ts"
QM = ROOT / "resources" / "translations" / "kopsavilkums_lv.qm"
UI_SOURCES = sorted((ROOT / "src" / "kopsavilkums" / "ui").rglob("*.py"))
OFFICIAL_ROW_LABELS = [  # rows 1-8 as the ministries publish them (fields.ROWS)
    "Valsts pārvaldes uzdevums",
    "Valsts pārvaldes uzdevuma veicējs",
    "Valsts pārvaldes uzdevuma deleģēšanas periods",
    "Apraksts un vērtējums par valsts pārvaldes uzdevuma izpildes ietvaros sasniegtajiem rezultatīvajiem "
    "rādītājiem un izlietotā valsts budžeta finansējuma atbilstību līgumā paredzētajiem mērķiem",
    "Plānotais un faktiski izlietotais valsts budžeta finansējums sadalījumā pa gadiem",
    "Neatbilstoši veiktie izdevumi",
    "Neatgūto līdzekļu apmērs no neatbilstoši veiktajiem izdevumiem",
    "Cita informācija",
]


def messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(ts).getroot()
    return {
        (context.findtext("name"), message.findtext("source")): message.find("translation")
        for context in root.iter("context")
        for message in context.iter("message")
    }


def lupdate() -> str:
    tool = shutil.which("pyside6-lupdate", path=str(Path(sys.executable).parent)) or shutil.which("pyside6-lupdate")
    if tool is None:
        pytest.skip("pyside6-lupdate is not installed")
    return tool


def test_every_string_in_the_code_has_a_latvian_translation(tmp_path):
    fresh = tmp_path / "fresh.ts"
    subprocess.run(
        [
            lupdate(),
            *map(str, UI_SOURCES),
            "-source-language",
            "en",
            "-target-language",
            "lv",
            "-locations",
            "none",
            "-ts",
            str(fresh),
        ],
        check=True,
        capture_output=True,
    )
    in_code = set(messages(fresh))
    committed = messages(TS)
    assert in_code - set(committed) == set(), "strings missing from kopsavilkums_lv.ts (run lupdate)"
    untranslated = [
        src
        for key, tr in committed.items()
        if key in in_code
        for src in [key[1]]
        if tr.get("type") in ("unfinished", "vanished", "obsolete") or not (tr.text or "").strip()
    ]
    assert untranslated == []


def test_the_shipped_qm_is_built_from_the_ts(tmp_path):
    tool = shutil.which("pyside6-lrelease", path=str(Path(sys.executable).parent)) or shutil.which("pyside6-lrelease")
    if tool is None:
        pytest.skip("pyside6-lrelease is not installed")
    built = tmp_path / "lv.qm"
    subprocess.run([tool, str(TS), "-qm", str(built)], check=True, capture_output=True)
    assert built.read_bytes() == QM.read_bytes(), "kopsavilkums_lv.qm is stale: run pyside6-lrelease"
    assert resource_path("translations", "kopsavilkums_lv.qm").exists()


def test_the_field_table_has_the_official_row_labels_word_for_word():
    from kopsavilkums import fields

    assert [row.label.lv for row in fields.ROWS] == OFFICIAL_ROW_LABELS
    assert [row.number for row in fields.ROWS] == list(range(1, 9))


def test_the_latvian_form_uses_the_official_labels(qapp, latvian):
    from kopsavilkums.ui.document import EditableDocument
    from kopsavilkums.ui.form import ReportForm

    form = ReportForm(EditableDocument())
    headings = [label.text() for label in form.findChildren(QLabel) if label.objectName().startswith("heading:")]
    for n, official in enumerate(OFFICIAL_ROW_LABELS, start=1):
        assert f"{n}. {official}" in headings
    assert headings[0] == "Kopsavilkuma virsraksts"
    sentence = "Valsts pārvaldes uzdevumu ietvaros tika sasniegti šādi rezultatīvie rādītāji:"
    assert sentence in [label.text() for label in form.findChildren(QLabel)]


def english_words() -> set[str]:
    """Everything the interface could show in English: its strings, and the field table's
    English labels (where they differ from the Latvian)."""
    from kopsavilkums import fields

    words = {source for (_context, source) in messages(TS)}
    for message in [row.label for row in fields.ROWS] + [fields.HEADER_HEADING, fields.SIGNATURE_HEADING]:
        words.add(message.en)
    for f in fields.FIELDS:
        for message in (f.label, f.shown_label()):
            if message.en != message.lv:
                words.add(message.en)
    return words


def test_no_visible_english_in_the_latvian_window(qtbot, latvian, data_dir, seeded_store):
    from kopsavilkums.ui.app import Application

    window = Application(seeded_store, data_dir).show_window()
    qtbot.addWidget(window)
    assert window.counts_label.text() == "Pārbauda…"  # until the first check answers, not "Kļūdas: 0"
    qtbot.waitUntil(lambda: window.form.is_built and window.problems is not None)
    english = english_words()
    visible = []
    visible += [w.text() for w in window.findChildren(QLabel) if w.isVisible()]
    visible += [w.text() for w in window.findChildren(QAbstractButton) if w.isVisible()]
    visible += [w.accessibleName() for w in window.findChildren(QWidget) if w.isVisible()]
    for menu in window.findChildren(QMenu):
        visible.append(menu.title())
        visible += [a.text() for a in menu.actions() if not a.isSeparator()]
    for model in (window.form.indicators_model, window.form.objectives_model, window.form.budget_model):
        visible += [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    leftovers = sorted({text for text in visible if text in english})
    assert leftovers == []
    assert window.menuBar().actions()[0].text() == "&Fails"
    assert window.counts_label.text().startswith("Kļūdas:")
    window.saver.flush()
