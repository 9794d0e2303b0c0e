"""Whatever the official document model prints, laid out in the published shape (label TAB value,
further paragraphs on lines of their own, the budget's years on lines starting with a TAB), reads
back into the same report — so a text written from the print model needs no reader of its own."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from kopsavilkums import exchange
from kopsavilkums.convert.reading import read_any
from kopsavilkums.official import BudgetTable, Numbered, PrintModel, Text, build
from kopsavilkums.report import E_SIGNATURE

EXAMPLES = Path(__file__).resolve().parents[2] / "resources" / "examples"


def published_text(model: PrintModel) -> str:
    lines = [model.title, ""]
    lines += [f"{label}: {value}" for label, value in model.header]
    for row in model.rows:
        texts: list[str] = []
        for block in row.blocks:
            if isinstance(block, Text):
                texts += block.text.split("\n")
            elif isinstance(block, Numbered):
                texts.append(f"{block.number} {block.text}")
                texts += [block.details] if block.details else []
            elif isinstance(block, BudgetTable):
                texts += ["\t".join(block.header)]
                texts += ["\t" + "\t".join(cells) for cells in block.rows]
                texts += ["\tKopā\t" + "\t".join(block.total)]
        first, *rest = texts or [""]
        lines.append(f"{row.label}\t{first.lstrip(chr(9))}")
        lines += rest
    lines.append("")
    lines += [f"{label}: {value}".rstrip() for label, value in model.signature]
    if model.e_signature_note:
        lines.append(model.e_signature_note)
    if model.prepared_by:
        lines.append(f"Sagatavoja: {model.prepared_by}")
    return "\n".join(lines) + "\n"


def document(report) -> dict:
    return json.loads(exchange.dumps(report))


@pytest.mark.parametrize(
    "example",
    ["kurzemes-nvo-centrs-2019-2020.kopsavilkums.json", "latgales-jauniesu-forums-2021-2023.kopsavilkums.json"],
)
def test_every_example_printed_in_the_published_shape_reads_back_the_same(example):
    report = exchange.read(EXAMPLES / example)
    imported = read_any(published_text(build(report)).encode())
    assert document(imported.report) == document(report)
    assert imported.notes == []


def test_an_e_signed_summary_reads_back_e_signed():
    report = exchange.read(EXAMPLES / "latgales-jauniesu-forums-2021-2023.kopsavilkums.json")
    report.signatory.signing = E_SIGNATURE
    report.signatory.date = None
    imported = read_any(published_text(build(report)).encode())
    assert document(imported.report) == document(report)


def test_a_summary_with_every_row_empty_but_two_reads_back_with_notes_only():
    report = exchange.read(EXAMPLES / "kurzemes-nvo-centrs-2019-2020.kopsavilkums.json")
    report.signatory.date = date(2020, 11, 30)
    text = published_text(build(report))
    assert document(read_any(text.encode()).report) == document(report)
