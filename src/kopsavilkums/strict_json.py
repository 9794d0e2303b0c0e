"""JSON as the draft file format reads it: strict, and never more than one clear message.

Refused with :class:`JSONProblem`: a duplicate key, ``NaN``/``Infinity``, bytes that are not
UTF-8 (UTF-16 is named as such), an empty file, nesting too deep for the parser (reported, not a
``RecursionError``), and every syntax error — said in words, with the line and column.

Numbers the draft format has no place for — any fraction, an integer of more than 20 digits —
are kept as :class:`NumberText` (the text as written) rather than converted: converting a long
integer costs time that grows with the square of its length (Python refuses beyond 4,300
digits with a ValueError), and ``1e999999`` would become ``inf``. The place where one stands
then refuses it by name, showing it as the file has it.
"""

from __future__ import annotations

import json
from typing import Any

from kopsavilkums.messages import Message, UserError
from kopsavilkums.userfile import printable

#: No integer the format knows (a version, a year) comes close.
MAX_INT_DIGITS = 20


class JSONProblem(UserError):
    """The text is not JSON the draft format accepts; the message says what is wrong."""


class NumberText:
    """A number kept as written (see the module's documentation); never equal to a number."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text

    def __repr__(self) -> str:
        return f"NumberText({self.text[:20]!r})"


def parse(data: bytes | str) -> Any:
    """The JSON value of ``data`` (UTF-8 bytes, a leading byte-order mark allowed, or text)."""
    if isinstance(data, bytes):
        if data.startswith(b"\xef\xbb\xbf"):  # Notepad's byte-order mark is harmless here
            data = data[3:]
        elif data.startswith((b"\xff\xfe", b"\xfe\xff")):  # Notepad's "Unicode"
            raise JSONProblem(
                Message(
                    lv="fails saglabāts kā UTF-16; saglabājiet to kā UTF-8",
                    en="the file was saved as UTF-16; save it as UTF-8",
                )
            )
        try:
            data = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise JSONProblem(
                Message(lv=f"nav UTF-8 teksts (baits {exc.start})", en=f"not UTF-8 text (byte {exc.start})")
            ) from None
    if not data.strip():
        raise JSONProblem(Message(lv="fails ir tukšs", en="the file is empty"))
    try:
        return json.loads(
            data,
            object_pairs_hook=_no_duplicates,
            parse_constant=_no_constants,
            parse_int=_parse_int,
            parse_float=NumberText,
        )
    except _DuplicateKey as exc:
        key = exc.args[0]
        raise JSONProblem(Message(lv=f"atslēga {key} ir divreiz", en=f"the key {key} appears twice")) from None
    except _BadConstant as exc:
        name = exc.args[0]
        raise JSONProblem(
            Message(lv=f"{name} melnrakstā nav atļauts", en=f"{name} is not allowed in a draft file")
        ) from None
    except json.JSONDecodeError as exc:
        what = _PROBLEMS.get(exc.msg, Message(lv=exc.msg, en=exc.msg))
        raise JSONProblem(
            Message(
                lv=f"nav derīgs JSON fails: {what.lv} ({exc.lineno}. rinda, {exc.colno}. zīme)",
                en=f"not a valid JSON file: {what.en} (line {exc.lineno}, column {exc.colno})",
            )
        ) from None
    except RecursionError:
        raise JSONProblem(
            Message(
                lv="nav derīgs melnraksta fails: JSON ir ligzdots pārāk dziļi",
                en="not a valid draft file: the JSON is nested too deeply",
            )
        ) from None


#: What the standard library's JSON errors mean, for people who do not read JSON.
_PROBLEMS = {
    "Expecting value": Message(lv="trūkst vērtības vai tā nav JSON", en="a value is missing or is not JSON"),
    "Expecting ',' delimiter": Message(lv="trūkst komata", en="a comma is missing"),
    "Expecting ':' delimiter": Message(lv="trūkst kola", en="a colon is missing"),
    "Expecting property name enclosed in double quotes": Message(
        lv="gaidīta atslēga pēdiņās (varbūt lieks komats)", en="a key in double quotes was expected (a comma too many?)"
    ),
    "Unterminated string starting at": Message(
        lv="tekstam trūkst noslēdzošās pēdiņas", en="a text has no closing quote"
    ),
    "Invalid control character at": Message(
        lv="tekstā ir vadības rakstzīme (piemēram, NUL baits vai rindas beigas)",
        en="a text holds a control character (such as a NUL byte or a line end)",
    ),
    "Extra data": Message(lv="pēc dokumenta beigām vēl kaut kas ir", en="something follows the end of the document"),
    "Invalid \\escape": Message(lv="nederīga \\ secība", en="an invalid \\ sequence"),
    "Invalid \\uXXXX escape": Message(lv="nederīga \\u secība", en="an invalid \\u sequence"),
}


def _parse_int(text: str) -> int | NumberText:
    return int(text) if len(text.lstrip("-")) <= MAX_INT_DIGITS else NumberText(text)


class _DuplicateKey(ValueError):
    pass


class _BadConstant(ValueError):
    pass


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise _DuplicateKey(_quoted(key))
        result[key] = value
    return result


def _quoted(key: str) -> str:
    text = json.dumps(key, ensure_ascii=False)
    return printable(text if len(text) <= 60 else text[:57] + "…")


def _no_constants(name: str) -> Any:
    raise _BadConstant(name)
