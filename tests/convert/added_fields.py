"""Fields added to the field table alone — as a developer adds one (docs/architecture.md, *Adding
a field*): an entry in ``fields.FIELDS`` and an attribute of ``report.Report``, nothing else.

Run as a program (``python -m convert.added_fields ROW`` with ``tests/`` on the path), in a process
of its own: the fields are added before any other module of the program is imported, as they
would be were they written into ``fields.py`` and ``report.py``. It adds a one-line, a multi-line
and an amount field to the header and to official row ``ROW``, fills every field of the table
(:mod:`fieldtable`), and checks that each added field appears in the form, under its label and
showing its value, and comes back from every format. It prints one line per failure, naming
the field, the format and the modules that need to know, and exits 1 if there was any.
"""

from __future__ import annotations

import dataclasses
import sys
import traceback
from decimal import Decimal

from kopsavilkums import fields, report
from kopsavilkums.fields import Field, Kind, Part
from kopsavilkums.messages import Message


def added(row: int) -> tuple[Field, ...]:
    return (
        Field("projekta_kods", Message("Projekta kods", "Project code"), Kind.LINE, Part.HEADER, limit=200),
        Field("galvenes_piezime", Message("Galvenes piezīme", "Header note"), Kind.TEXT, Part.HEADER, limit=5_000),
        Field("liguma_summa", Message("Līguma summa, euro", "Contract sum, euro"), Kind.AMOUNT, Part.HEADER),
        Field("rindas_kods", Message("Reģistra numurs", "Register number"), Kind.LINE, Part.ROW, row=row, limit=200),
        Field("rindas_piezime", Message("Rindas piezīme", "Row note"), Kind.TEXT, Part.ROW, row=row, limit=5_000),
        Field("rindas_summa", Message("Piesaistītā summa", "Amount raised"), Kind.AMOUNT, Part.ROW, row=row),
    )


def add_to_the_table(new: tuple[Field, ...]) -> None:
    """Each field after the last of its part (and row) in the table; the report gets each as an
    attribute (empty text, or no amount)."""
    table = list(fields.FIELDS)
    for f in new:
        same = [n for n, old in enumerate(table) if old.part is f.part and old.row == f.row]
        table.insert(same[-1] + 1, f)
    fields.FIELDS = tuple(table)
    fields._by_key.cache_clear()
    extended = dataclasses.make_dataclass(
        "Report",
        [(f.key, Decimal | None if f.kind is Kind.AMOUNT else str, None if f.kind is Kind.AMOUNT else "") for f in new],
        bases=(report.Report,),
        namespace={"__module__": report.__name__},
    )
    report.Report = extended  # type: ignore[misc]


def failures(new: tuple[Field, ...]) -> list[str]:
    # The program's other modules come only now, as they would with the fields in the table.
    from fieldtable import filled_report, lost

    from .through_formats import FORMATS, HAVE_LIBREOFFICE, LIBREOFFICE, MODULES, published_lost

    out: list[str] = []
    out += _in_the_form(new, filled_report())
    formats = FORMATS | (LIBREOFFICE if HAVE_LIBREOFFICE else {})
    for signing in ("by_hand", "e_signature"):
        sample = filled_report(signing)
        for name, through in formats.items():
            try:
                missing = lost(sample, through(sample))
            except Exception as error:  # a module that breaks on the field: name where
                out.append(f"{name} ({signing}): {_where(error)}; needs to know: {MODULES[name]}")
                continue
            out += [f"{m} — {name} ({signing}); needs to know: {MODULES[name]}" for m in missing]
        try:
            texts = published_lost(sample) if signing == "by_hand" else []
        except Exception as error:
            out.append(f"the published text: {_where(error)}")
            continue
        out += [f"{m} — the published text; needs to know: {MODULES['the published text']}" for m in texts]
    return out


def _where(error: BaseException) -> str:
    """The error and the last place in the program it passed: the module that needs to know."""
    frames = [f for f in traceback.extract_tb(error.__traceback__) if "/kopsavilkums/" in f.filename]
    place = f"{frames[-1].filename.split('/kopsavilkums/', 1)[1]}:{frames[-1].lineno}" if frames else "?"
    return f"{type(error).__name__}: {error} (in {place})"


def _in_the_form(new: tuple[Field, ...], sample) -> list[str]:
    """Each added field has an editor in the form, named after it, under its label, showing its
    value as the document holds it."""
    from PySide6.QtWidgets import QApplication, QLabel

    from kopsavilkums.formats import format_amount
    from kopsavilkums.ui.document import EditableDocument
    from kopsavilkums.ui.form import ReportForm
    from kopsavilkums.ui.i18n import current

    app = QApplication.instance() or QApplication([])
    out = []
    doc = EditableDocument(sample.copy())
    try:
        form = ReportForm(doc)
    except Exception as error:
        return [f"the form: {_where(error)}"]
    labels = {label.text() for label in form.findChildren(QLabel)}
    for f in new:
        widget = form.editors.get(f.key)
        if widget is None:
            out.append(f"{f.key}: no editor in the form (ui/form.py)")
            continue
        value = sample.value_at(f.key)
        shown = format_amount(value) if f.kind is Kind.AMOUNT else value
        text = widget.toPlainText() if hasattr(widget, "toPlainText") else widget.text()  # type: ignore[attr-defined]
        language = current()
        if widget.accessibleName() != f.label.text(language):
            out.append(f"{f.key}: the form's editor is named {widget.accessibleName()!r} (ui/form.py)")
        if f.shown_label().text(language) not in labels:
            out.append(f"{f.key}: no label {f.shown_label().text(language)!r} in the form (ui/form.py)")
        if text != shown:
            out.append(f"{f.key}: the form shows {text!r}, the document holds {shown!r} (ui/form.py)")
        if f.kind is Kind.AMOUNT:  # what is typed there is the field's value
            widget.setText("12,5")  # type: ignore[attr-defined]
            widget.commit()  # type: ignore[attr-defined]
            if doc.report.value_at(f.key) != Decimal("12.50"):
                out.append(f"{f.key}: typing 12,5 gave {doc.report.value_at(f.key)!r} (ui/form.py)")
    form.deleteLater()
    app.processEvents()
    return out + _checked_and_compared(new, sample)


def _checked_and_compared(new: tuple[Field, ...], sample) -> list[str]:
    """Validation holds a text to its limit; two windows' versions that differ in a field name it."""
    from kopsavilkums.report import Report
    from kopsavilkums.ui.differences import differences
    from kopsavilkums.ui.i18n import current
    from kopsavilkums.validation import validate

    out = []
    named = {d.label for d in differences(sample, Report())}
    too_long = sample.copy()
    for f in new:
        if f.limit is not None:
            too_long.set_at(f.key, "x" * (f.limit + 1))
    problems = {p.path for p in validate(too_long)}
    for f in new:
        if f.label.text(current()) not in named:
            out.append(f"{f.key}: not named among two versions' differences (ui/differences.py)")
        if f.limit is not None and f.key not in problems:
            out.append(f"{f.key}: a text over its limit is not a problem (validation.py)")
    return out


def main(argv: list[str]) -> int:
    new = added(int(argv[0]) if argv else 2)
    add_to_the_table(new)
    found = failures(new)
    for line in found:
        print(line)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
