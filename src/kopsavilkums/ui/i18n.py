"""Interface languages through Qt's translation system.

Source strings are written in **English**; ``resources/translations/kopsavilkums_lv.ts`` holds
the Latvian for every one of them (including the official Latvian row labels, which a test
checks word for word). English therefore needs no ``.qm``. Mark strings with
``translate("Context", "text")`` so ``pyside6-lupdate`` finds them.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTranslator

from kopsavilkums.resources import resource_path

LANGUAGES = ("lv", "en")
DEFAULT_LANGUAGE = "lv"
_current = {"language": DEFAULT_LANGUAGE, "translator": None}


def translate(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def qm_path(language: str):
    return resource_path("translations", f"kopsavilkums_{language}.qm")


def install(language: str) -> str:
    """Make ``language`` the interface language of the running application; returns it."""
    language = language if language in LANGUAGES else DEFAULT_LANGUAGE
    app = QCoreApplication.instance()
    old = _current["translator"]
    if old is not None:
        app.removeTranslator(old)
        _current["translator"] = None
    if language != "en":
        translator = QTranslator(app)
        if translator.load(str(qm_path(language))):
            app.installTranslator(translator)
            _current["translator"] = translator
    _current["language"] = language
    return language


def current() -> str:
    """The interface language; also picks the engine's messages (``Problem.message``)."""
    return _current["language"]
