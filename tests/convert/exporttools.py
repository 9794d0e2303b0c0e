"""Shared by the export tests: the example drafts, hostile text, LibreOffice run headless."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from kopsavilkums import exchange
from kopsavilkums.report import BudgetRow, Indicator, Objective, Report

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
