"""Shared by the export tests: the example drafts, hostile text, LibreOffice run headless."""

from __future__ import annotations

import io
import shutil
import subprocess
import tempfile
import zipfile
from datetime import date
from decimal import Decimal
from pathlib import Path

import lxml.html
import pytest
from lxml import etree

from kopsavilkums import exchange, official
from kopsavilkums.convert.writers.cleaning import clean
from kopsavilkums.official import BudgetTable, Numbered, Text
from kopsavilkums.report import BudgetRow, Indicator, Objective, Report

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

EXAMPLES = sorted((Path(__file__).resolve().parents[2] / "resources" / "examples").glob("*.kopsavilkums.json"))

URL = "https://example.lv/" + "a" * 5_000
#: What users paste: markup, entities, CDATA ends, a long URL, emoji, right-to-left and CJK text,
#: control characters and tabs.
HOSTILE = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "&amp; &lt;b&gt; & < > \" '",
    "]]> <![CDATA[ x ]]>",
    URL,
    "Emoji 😀👍🏽 un 👩‍👩‍👧",
    "مرحبا بالعالم · שלום עולם · 你好，世界",
    "Tab\there and\ttwo",
    "Control\x00\x01\x07\x1b chars\x7f\x85end",
    "<?xml version='1.0'?><!DOCTYPE x [<!ENTITY e SYSTEM 'file:///etc/passwd'>]>&e;",
]


def example(path: Path) -> Report:
    return exchange.read(path)


def document(report: Report) -> dict:
    """What "the same report" means: the draft file's content."""
    return exchange.to_document(report)


def hostile_report() -> Report:
    """Every text field holding hostile text, every kind of row present."""
    texts = iter(HOSTILE * 4)
    r = Report(
        title=next(texts),
        task=next(texts),
        performer=next(texts),
        delegating_authority=next(texts),
        contract=next(texts),
        introduction=next(texts),
        assessment=next(texts),
        other_information=next(texts),
    )
    r.period.start, r.period.end = date(2021, 1, 1), date(2022, 12, 31)
    r.objectives = [Objective(next(texts)) for _ in range(3)]
    r.indicators = [Indicator(next(texts), next(texts), next(texts), next(texts)) for _ in range(3)]
    r.budget = [BudgetRow(2021, Decimal("1000.00"), Decimal("999.99")), BudgetRow(2022, None, Decimal("0.01"))]
    r.irregular_expenditure.amount = Decimal("12.50")
    r.irregular_expenditure.explanation = next(texts)
    r.unrecovered_amount.explanation = next(texts)
    r.signatory.name, r.signatory.position = next(texts), next(texts)
    r.prepared_by.name, r.prepared_by.phone, r.prepared_by.email = next(texts), next(texts), next(texts)
    return r


needs_soffice = pytest.mark.skipif(
    shutil.which("soffice") is None,
    reason="LibreOffice (soffice) is not installed: apt-get install libreoffice-writer-nogui",
)
needs_pdftotext = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils is not installed")


def soffice_convert(data: bytes, source_suffix: str, target: str) -> bytes:
    """``data`` converted by LibreOffice headless (``target``: "pdf", "docx"). A private profile
    keeps it apart from any other LibreOffice running on the machine."""
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        source = work / f"in{source_suffix}"
        source.write_bytes(data)
        out = work / "out"
        subprocess.run(
            [
                "soffice",
                f"-env:UserInstallation={(work / 'profile').as_uri()}",
                "--headless",
                "--convert-to",
                target,
                "--outdir",
                str(out),
                str(source),
            ],
            check=True,
            capture_output=True,
            timeout=180,
        )
        return (out / f"in.{target}").read_bytes()


def pdf_text(pdf: bytes) -> str:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder, "x.pdf")
        path.write_bytes(pdf)
        return subprocess.run(
            ["pdftotext", "-enc", "UTF-8", str(path), "-"], check=True, capture_output=True
        ).stdout.decode("utf-8")


# ------------------------------------------------------------- what an output says, in text


def document_xml(data: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read("word/document.xml")


def docx_paragraphs(data: bytes) -> list[str]:
    """Every non-empty paragraph of the body, in reading order (table cells included)."""
    root = etree.fromstring(document_xml(data))
    out = []
    for p in root.iter(f"{W}p"):
        text = "".join(
            {f"{W}t": t.text or "", f"{W}tab": "\t", f"{W}br": "\n"}.get(t.tag, "")
            for t in p.iter(f"{W}t", f"{W}tab", f"{W}br")
        )
        if text:
            out.append(text)
    return out


def model_paragraphs(report: Report, model=None) -> list[str]:
    """What the print model says, paragraph by paragraph, as a Word file should show it."""
    model = model or official.build(report)
    out = clean(model.title).split("\n\n")
    for label, value in model.header:
        out += clean(f"{label}: {value}").split("\n\n")
    for row in model.rows:
        out.append(row.label)
        for block in row.blocks:
            if isinstance(block, Text):
                out += clean(block.text).split("\n\n")
            elif isinstance(block, Numbered):
                first, *rest = clean(block.text).split("\n\n")
                out += [f"{block.number}\t{first}", *rest]
                if block.details:
                    out += clean(block.details).split("\n\n")
            elif isinstance(block, BudgetTable):
                out += list(block.header)
                for cells in block.rows:
                    out += list(cells)
                if len(block.rows) > 1:
                    out += ["Kopā", *block.total]
    for label, value in model.signature:
        out += [f"{label}:", value]
    if model.e_signature_note:
        out.append(model.e_signature_note)
    if model.prepared_by:
        out.append(f"{official.PREPARED_BY}: {model.prepared_by}")
    return [clean(p) for p in out if clean(p)]


_BLOCKS = {"p", "div", "li", "ol", "table", "tr", "th", "td", "br"}


def _shown(element) -> str:
    """An element's text as a browser lays it out: blocks (and the number and details, which the
    stylesheet sets apart) separated, hidden elements left out."""
    if element.get("hidden") is not None:
        return ""
    apart = element.tag in _BLOCKS or element.get("class") in ("nr", "detalas")
    out = [" " if apart else "", element.text or ""]
    for child in element:
        out += [_shown(child), child.tail or ""]
    out.append(" " if apart else "")
    return "".join(out)


def page_row_texts(page: str) -> list[str]:
    """The text of each official row's value cell, white space collapsed."""
    root = lxml.html.document_fromstring(page)
    cells = root.xpath('//table[@class="kopsavilkums"]/tbody/tr/td')
    return [" ".join(_shown(c).split()) for c in cells]


def model_row_texts(report: Report, model=None) -> list[str]:
    out = []
    for row in (model or official.build(report)).rows:
        parts = []
        for block in row.blocks:
            if isinstance(block, Text):
                parts.append(block.text)
            elif isinstance(block, Numbered):
                parts += [block.number, block.text, block.details]
            elif isinstance(block, BudgetTable):
                parts += [*block.header, *(c for cells in block.rows for c in cells)]
                if len(block.rows) > 1:
                    parts += ["Kopā", *block.total]
        out.append(" ".join(" ".join(clean(" ".join(parts)).split()).split()))
    return out
