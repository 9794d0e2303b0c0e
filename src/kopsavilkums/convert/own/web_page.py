"""Reading back a web page (or the table alone) that Kopsavilkums wrote.

Every value on our page sits in an element naming its field (``data-field="budget[2019].actual"``,
see :mod:`kopsavilkums.convert.writers.web_page`): reading collects those, in page order, with lxml's HTML parser (no
network, no entities, comments and processing instructions dropped). The text an element shows is
the value — so a page edited in an HTML editor reads as edited — unless it still shows what we
wrote for ``data-value`` (a trimmed or hidden value) or ``data-empty`` (``Nav``, ``…``, the default
title). Exact only when the page shows word for word what those values make (:func:`_shows`): a
``data-value`` edited alone makes the page read as it shows, with what differs named. A date or amount that no longer reads as one is kept as text in *Cita informācija* with a
note. A page with no such elements is not ours: ``None``.
"""

from __future__ import annotations

from decimal import Decimal

from lxml import etree

from kopsavilkums.convert.imported import Imported
from kopsavilkums.convert.own.agreement import DISAGREE, PLACEHOLDERS, disagreements
from kopsavilkums.fieldpath import LISTS, FieldPath
from kopsavilkums.fields import Kind, field
from kopsavilkums.formats import FormatError, parse_amount, parse_date
from kopsavilkums.messages import Message
from kopsavilkums.report import E_SIGNATURE, BudgetRow, Indicator, Objective, Report


def read_own_html(data: bytes | str) -> Report | None:
    """The report on a page (or table) Kopsavilkums wrote; ``None`` when it is not ours."""
    imported = import_own_html(data)
    return imported.report if imported is not None else None


def import_own_html(data: bytes | str) -> Imported | None:
    """Like :func:`read_own_html`, with notes about values that had to be kept as text.

    Ours is a page with the summary table Kopsavilkums writes (``<table class="kopsavilkums">``,
    whose values carry ``data-field``). A whole page of ours (its generator says Kopsavilkums)
    reads back exactly; our table pasted into another page is read too, with a note that the
    rest of that page was left out."""
    root = _parse(data)
    if root is None or not root.xpath(_OUR_TABLE):
        return None
    values: list[tuple[FieldPath, str]] = []
    shown: list[tuple[FieldPath, str]] = []  # the same, as the page shows them
    unknown: list[str] = []  # values of fields this version does not know (a newer one wrote them)
    carried: set[int] = set()
    walk = etree.iterwalk(root, events=("start",))
    for _, element in walk:
        if not isinstance(element.tag, str):
            continue
        if element.get("data-carried-over") == "true":
            item = _path(element.get("data-item", ""))
            if item is not None and isinstance(item.item, int):
                carried.add(item.item)
        named = element.get("data-field")
        path = _path(named)
        if path is None and named:
            if text := _value(element).strip():
                unknown.append(f"{named}: {text}")
            walk.skip_subtree()
        elif path is not None:
            # The e-signature note: its presence is the signing method, whatever it says.
            value = E_SIGNATURE if path.key == "signatory.signing" else _value(element)
            values.append((path, value))
            shown.append((path, value if path.key == "signatory.signing" else _shown_value(element)))
            # A value inside a value (we never write one) is part of that value's text. Read
            # again on its own, 240 values nested in each other made a 9 MB page take 2.2 GB.
            walk.skip_subtree()
    if not values:
        return None
    imported = _Builder(values, carried, unknown).build()
    if not root.xpath(_OUR_PAGE):
        imported.notes.insert(0, _ONLY_THE_TABLE)
        imported.exact = False
    elif imported.exact and not _shows(root, imported.report):
        # What the page shows is not what its values (with their data-value) make: read it as
        # it shows, and say where the two differ.
        as_shown = _Builder(shown, carried, unknown).build()
        differing = disagreements(imported.report, as_shown.report)
        # The values agree: only our own wording changed since the page was made. Not so when a
        # hidden element (where we keep a blank value) carries text: nobody sees it to compare.
        if not differing and not any(path is not None and value.strip() for path, value in _hidden_values(root)):
            return imported
        as_shown.notes[:0] = [DISAGREE, *differing]
        as_shown.exact = False
        return as_shown
    return imported


def _shows(root, report: Report) -> bool:
    """Whether the page shows, word for word, what our page of ``report`` shows: its values and
    the data-value beside them agree (the check costs one rendering of the page)."""
    from kopsavilkums.convert.writing import render

    ours = _parse(render(report, "html"))
    return ours is not None and _visible_words(root) == _visible_words(ours)


def _visible_words(root) -> list[str]:
    """The words of the page's body as a browser shows them (``hidden`` elements left out)."""
    words: list[str] = []
    body = root.find(".//body")
    walk = etree.iterwalk(body if body is not None else root, events=("start", "end"))
    for event, element in walk:
        if not isinstance(element.tag, str):
            continue
        if event == "start":
            if element.get("hidden") is not None or element.tag in ("script", "style", "template"):
                walk.skip_subtree()
            else:
                words += (element.text or "").split()
        elif element is not body:
            words += (element.tail or "").split()
    return words


_OUR_TABLE = '//table[contains(concat(" ", normalize-space(@class), " "), " kopsavilkums ")]'
_OUR_PAGE = '//meta[@name="generator"][starts-with(@content, "Kopsavilkums")]'
_ONLY_THE_TABLE = Message(
    "No lapas nolasīts tikai Kopsavilkuma tabulas saturs; pārējais lapas teksts netika ņemts.",
    "Only the Kopsavilkums table was read from the page; the rest of the page's text was left out.",
)


_UNKNOWN_FIELDS = Message(
    "Lapā ir lauki, kurus šī Kopsavilkuma versija nepazīst; to teksts pievienots laukam „Cita informācija”.",
    'The page has fields this version of Kopsavilkums does not know; their text was added to "Other information".',
)


def _parse(data: bytes | str):
    """The page's root, parsed as the web page reader parses (no network, no entities, a depth
    limit); None when it cannot be ours."""
    from kopsavilkums.convert.readers.web_page import decode_html, parse

    text = decode_html(data) if isinstance(data, bytes) else data
    if "data-field" not in text:
        return None
    return parse(text, normalise=False)


def _path(text: str | None) -> FieldPath | None:
    if not text:
        return None
    try:
        path = FieldPath.parse(text)
    except ValueError:
        return None
    return path if path.field() is not None else None


def _value(element) -> str:
    """What the element holds: the text it shows, or what we wrote if it still shows that."""
    shown = _text(element)
    empty, raw = element.get("data-empty"), element.get("data-value")
    if raw is not None and element.get("hidden") is not None:
        return raw  # not on the page, so not edited there
    if empty is not None and shown == empty:
        return raw or ""
    if raw is not None and shown.strip() == raw.strip():  # shows what we wrote (trimmed): the exact value
        return raw
    return shown


def _hidden_values(root) -> list[tuple[FieldPath | None, str]]:
    """The values our page carries in hidden elements (only blank ones, as we write it)."""
    return [
        (_path(element.get("data-field")), element.get("data-value") or "")
        for element in root.iterfind(".//*[@data-field][@hidden]")
    ]


def _shown_value(element) -> str:
    """What the element shows, taking what we wrote only where it cannot be seen otherwise (a
    hidden element) or differs from what is seen in white space alone."""
    raw = element.get("data-value")
    if raw is not None and element.get("hidden") is not None:
        return raw
    shown = _text(element)
    if element.get("data-empty") is not None and shown == element.get("data-empty") and shown in PLACEHOLDERS:
        return ""
    return raw if raw is not None and shown.strip() == raw.strip() else shown


def _text(element) -> str:
    children = [c for c in element if isinstance(c.tag, str)]
    if children and all(c.tag == "p" for c in children) and not (element.text or "").strip():
        return "\n\n".join(_inline(c) for c in children)  # a value of several paragraphs
    return _inline(element)


def _inline(element) -> str:
    out = [element.text or ""]
    shown = bool(out[0])  # whether anything came yet; "".join(out) per block child was quadratic
    for child in element:
        if isinstance(child.tag, str):
            if child.tag == "br":
                out.append("\n")
            elif child.tag in ("p", "div", "li") and shown:
                out.append("\n\n" + _inline(child))
            else:
                out.append(_inline(child))
            shown = shown or bool(out[-1])
        out.append(child.tail or "")
        shown = shown or bool(out[-1])
    return "".join(out)


class _Builder:
    """Values by field path → a report. What each value is (text, date, amount) comes from the
    field table, so a new field reads back without a line here."""

    def __init__(self, values: list[tuple[FieldPath, str]], carried: set[int], unknown: list[str]) -> None:
        self.values, self.carried = values, carried
        self.notes: list[Message] = [_UNKNOWN_FIELDS] if unknown else []
        self.unplaced: list[str] = list(unknown)

    def build(self) -> Imported:
        r = Report()
        rows: dict[str, dict[int, Objective | Indicator | BudgetRow]] = {head: {} for head in LISTS}
        for path, text in self.values:
            f = path.field()
            if f is None or f.kind in (Kind.ROWS, Kind.FLAG):
                continue  # a whole row or a mark: the page shows them by other means (data-carried-over)
            value = self._typed(f.kind, path, text)
            if not path.is_list:
                r.set_at(f.key, value)
            elif isinstance(path.item, int):
                made = rows[path.head]
                row = (
                    made[path.item]
                    if path.item in made
                    else made.setdefault(path.item, self._row(path.head, path.item))
                )
                setattr(row, path.attr or "text", value)
        r.objectives = [row for row in rows["objectives"].values() if isinstance(row, Objective)]
        r.indicators = [row for row in rows["indicators"].values() if isinstance(row, Indicator)]
        r.budget = [row for row in rows["budget"].values() if isinstance(row, BudgetRow)]
        if self.unplaced:
            kept = "\n\n".join(self.unplaced)
            r.other_information = f"{r.other_information}\n\n{kept}" if r.other_information else kept
        return Imported(r, source="html", notes=self.notes, exact=not self.notes)

    def _row(self, head: str, item: int) -> Objective | Indicator | BudgetRow:
        if head == "budget":
            return BudgetRow(item)  # a budget row's "item" is its year
        if head == "indicators":
            return Indicator(carried_over=item in self.carried)
        return Objective()

    def _typed(self, kind: Kind, path: FieldPath, text: str) -> object:
        if kind is Kind.DATE:
            return self._date(path, text)
        if kind is Kind.AMOUNT:
            return self._amount(path, text)
        return text

    def _date(self, path: FieldPath, text: str):
        if not text.strip():
            return None
        try:
            return parse_date(text)
        except FormatError as error:
            self._unreadable(path, text, error)
            return None

    def _amount(self, path: FieldPath, text: str) -> Decimal | None:
        if not text.strip():
            return None
        try:
            return parse_amount(text)
        except FormatError as error:
            self._unreadable(path, text, error)
            return None

    def _unreadable(self, path: FieldPath, text: str, error: FormatError) -> None:
        name = field(path.key).label
        where = f"{name.lv} ({path.item})" if path.head == "budget" else name.lv
        self.unplaced.append(f"{where}: {text}")
        self.notes.append(Message(f"{name.lv}: {error.message.lv}", f"{name.en}: {error.message.en}"))
