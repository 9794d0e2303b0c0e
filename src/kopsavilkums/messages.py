"""Words for the user, in both interface languages, and the one way to pick a language.

Every message the program shows — a validation problem, a value that cannot be read, a draft file
or store that cannot be used — is a :class:`Message` holding Latvian and English. Errors that
reach the user derive from :class:`UserError` and carry one; ``str(error)`` is English (logs,
tracebacks), :meth:`UserError.localized` is what the window and the command line show.
"""

from __future__ import annotations

from dataclasses import dataclass

LANGUAGES = ("lv", "en")


@dataclass(frozen=True)
class Message:
    lv: str
    en: str

    def text(self, language: str) -> str:
        """The message in ``language`` ("lv" or "en"; anything else is English)."""
        return self.lv if language == "lv" else self.en

    def __str__(self) -> str:
        return self.en

    def prefixed(self, where: str) -> Message:
        """``where: message`` in both languages (an empty ``where`` changes nothing)."""
        return Message(f"{where}: {self.lv}", f"{where}: {self.en}") if where else self


class UserError(Exception):
    """An error the user is told about (and can act on), as opposed to a bug."""

    def __init__(self, message: Message) -> None:
        self.message = message
        super().__init__(message.en)

    def localized(self, language: str) -> str:
        return self.message.text(language)

    def __str__(self) -> str:
        return self.message.en


def count_lv(n: int, one: str, many: str) -> str:
    """Latvian number agreement: 1, 21, 31 … take the singular (``1 kļūda``, ``21 kļūda``); 11 and
    everything else the plural (``11 kļūdas``, ``2 kļūdas``)."""
    return one if n % 10 == 1 and n % 100 != 11 else many


def count_en(n: int, one: str, many: str) -> str:
    return one if n == 1 else many


def language_from_environment(environ: dict[str, str] | None = None) -> str:
    """The command line's language: Latvian when the locale is Latvian, else English
    (``KOPSAVILKUMS_LANG`` first, then ``LC_ALL``, ``LC_MESSAGES``, ``LANG``)."""
    import os

    env = os.environ if environ is None else environ
    for var in ("KOPSAVILKUMS_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(var, "")
        if value:
            return "lv" if value.lower().startswith("lv") else "en"
    return "en"
