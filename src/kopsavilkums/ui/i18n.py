"""Interface languages through Qt's translation system.

Source strings are written in **English**; ``resources/translations/kopsavilkums_lv.ts`` holds
the Latvian for every one of them. The report's own labels are not there: they come in both
languages from the field table (:mod:`kopsavilkums.fields`). English therefore needs no ``.qm``.
Mark strings with ``translate("Context", "text")`` so ``pyside6-lupdate`` finds them.

Qt's own texts — the file dialogs, Yes/No, the calendar's buttons — come from Qt's translations
(``qtbase_lv.qm``, shipped with PySide6 and in the packaged program).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTranslator

from kopsavilkums.resources import resource_path

LANGUAGES = ("lv", "en")
DEFAULT_LANGUAGE = "lv"
_current: dict = {"language": DEFAULT_LANGUAGE, "translators": []}


def translate(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def qm_path(language: str):
    return resource_path("translations", f"kopsavilkums_{language}.qm")


def install(language: str) -> str:
    """Make ``language`` the interface language of the running application; returns it."""
    language = language if language in LANGUAGES else DEFAULT_LANGUAGE
    app = QCoreApplication.instance()
    for old in _current["translators"]:
        QCoreApplication.removeTranslator(old)
    _current["translators"] = []
    if language != "en":
        for name, folder in ((f"kopsavilkums_{language}", str(qm_path(language).parent)), (f"qtbase_{language}", None)):
            translator = QTranslator(app)
            if translator.load(name, folder or qt_translations()):
                QCoreApplication.installTranslator(translator)
                _current["translators"].append(translator)
    _current["language"] = language
    return language


def qt_translations() -> str:
    """The folder of Qt's own translations (PySide6's, or the packaged program's)."""
    from PySide6.QtCore import QLibraryInfo

    return QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)


def _gaps_in_qts_latvian() -> None:  # pragma: no cover - never called
    """Shows ``pyside6-lupdate`` the words of Qt's own dialogs that Qt's Latvian translation
    lacks (the file dialog's labels with their shortcut letters): ours has them, and Qt asks
    every installed translation."""
    translate("QFileDialog", "&Look in:")
    translate("QFileDialog", "Files of &type:")


def current() -> str:
    """The interface language; also picks the engine's messages (``Problem.message``)."""
    return _current["language"]
