"""Every PDF we write is PDF/A-3b and still reads back as its draft (issue #18, part 1), and its
dates are the time of printing (issue #17)."""

from __future__ import annotations

import io
import shutil
import subprocess
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal

import pikepdf
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from convert.exporttools import hostile_report
from kopsavilkums import exchange
from kopsavilkums.convert.readers.pdf import read_pdf
from kopsavilkums.printing import render_pdf
from kopsavilkums.report import BudgetRow, Indicator, Objective, Period, Report

from .pdfa_check import problems
from .test_scripts import NAMES


def _stress() -> Report:
    sentence = "Biedrība nodrošināja konsultācijas, seminārus un diskusijas; rezultāti apkopoti pārskatā. "
    return Report(
        title="Stresa pārbaude: ļoti garš kopsavilkums",
        task="Uzdevums",
        performer='Biedrība "Stress"',
        period=Period(date(2014, 1, 1), date(2025, 12, 31)),
        introduction="Ievads.",
        objectives=[Objective(f"Mērķis numur {n}: " + sentence * 2) for n in range(25)],
        indicators=[Indicator(f"Rādītājs {n}: " + sentence, str(n), str(n + 1), "Piezīme.") for n in range(400)],
        assessment=(sentence * 1000)[:80_000],
        budget=[BudgetRow(y, Decimal("12345.67"), Decimal("12000.00")) for y in range(2014, 2026)],
    )


def _multi_script(report: Report) -> Report:
    report.performer = "Biedrība „Ахмед, محمد, דוד, 王芳”"
    report.introduction = "Projektā piedalījās " + ", ".join(NAMES) + ". Prieks: 😀."
    report.signatory.name = "محمد علي"
    return report


def _e_signed(report: Report) -> Report:
    report.signatory.signing = "e_signature"
    return report


REPORTS = {
    "seed": lambda seed, complete: seed,
    "complete example": lambda seed, complete: complete,
    "e-signature layout": lambda seed, complete: _e_signed(complete),
    "non-Latin names (fallback faces)": lambda seed, complete: _multi_script(complete),
    "hostile text": lambda seed, complete: hostile_report(),
    "empty draft": lambda seed, complete: Report(),
    "stress": lambda seed, complete: _stress(),
}


def _qpdf_check(pdf: bytes, folder) -> str:
    """What ``qpdf --check`` finds wrong (empty when nothing), or nothing where qpdf is missing."""
    if shutil.which("qpdf") is None:  # Debian package qpdf, in .ci/run's list
        return ""
    path = folder / "out.pdf"
    path.write_bytes(pdf)
    done = subprocess.run(["qpdf", "--check", str(path)], capture_output=True, text=True)
    ok = done.returncode == 0 and "No syntax or stream encoding errors found" in done.stdout
    return "" if ok and "WARNING" not in done.stdout + done.stderr else done.stdout + done.stderr


@pytest.mark.parametrize("which", REPORTS)
def test_every_pdf_is_pdfa_3b_and_reads_back_as_its_draft(which, seed_report, complete_report, tmp_path):
    report = REPORTS[which](seed_report, complete_report)
    pdf = render_pdf(report)
    assert problems(pdf) == []
    assert _qpdf_check(pdf, tmp_path) == ""
    assert exchange.to_document(read_pdf(pdf).report) == exchange.to_document(report)


@settings(max_examples=25, deadline=None)
@given(title=st.text(max_size=60), performer=st.text(max_size=60))
@example(title="a\rb\r\nc <&> ]]>", performer="\x00\x1b\ufffe\uffff \U0001f600 \u2028")
def test_any_title_and_performer_keep_the_xmp_and_the_info_dictionary_equal(title, performer):
    """Whatever is typed: the metadata is XML that says what the Info dictionary says."""
    pdf = render_pdf(Report(title=title, performer=performer))
    assert [p for p in problems(pdf) if p.startswith("6.6")] == []


def test_the_checker_sees_what_it_checks(seed_report):
    """A PDF/A whose output intent is gone, whose XMP title differs from its Info title and whose
    fonts' widths are all 0."""
    doc = pikepdf.open(io.BytesIO(render_pdf(seed_report)))
    del doc.Root.OutputIntents
    with doc.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as meta:
        meta["dc:title"] = "Cits nosaukums"
    for font in doc.pages[0].Resources.Font.values():
        font.Widths = pikepdf.Array([0] * len(font.Widths))
    out = io.BytesIO()
    doc.save(out)
    found = problems(out.getvalue())
    assert any(p.startswith("6.2.3: 0 PDF/A output intents") for p in found)
    assert any(p.startswith("6.6.3: Info /Title") for p in found)
    assert any(p.startswith("6.2.11.5: font /F1+0: the width of code") for p in found)


def test_the_metadata_names_the_report_the_performer_and_the_language(seed_report):
    meta = pikepdf.open(io.BytesIO(render_pdf(seed_report))).open_metadata()
    assert meta["dc:title"] == seed_report.title
    assert meta["dc:creator"] == [seed_report.performer]
    assert meta["dc:language"] == {"lv"}
    assert meta.pdfa_status == "3B"


def test_the_draft_is_the_documents_associated_data(seed_report):
    doc = pikepdf.open(io.BytesIO(render_pdf(seed_report)))
    (spec,) = doc.Root.AF
    assert spec.AFRelationship == "/Data"
    assert str(spec.UF) == "kopsavilkums.json"
    assert spec.EF.F.Subtype == "/application/json"


def _dates(pdf: bytes) -> tuple[str, str]:
    doc = pikepdf.open(io.BytesIO(pdf))
    return str(doc.docinfo.CreationDate), doc.open_metadata()["xmp:CreateDate"]


def test_the_creation_date_is_the_time_of_printing(seed_report, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    before = datetime.now(UTC).replace(microsecond=0)
    info, xmp = _dates(render_pdf(seed_report))
    after = datetime.now(UTC)
    printed = datetime.fromisoformat(xmp)
    assert printed.tzinfo is not None
    assert before <= printed <= after + timedelta(seconds=1)
    assert info.startswith("D:" + printed.strftime("%Y%m%d%H%M%S"))


def test_source_date_epoch_fixes_the_dates_and_the_bytes(seed_report, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01 00:00 UTC
    pdf = render_pdf(seed_report)
    assert _dates(pdf) == ("D:20260101000000+00'00'", "2026-01-01T00:00:00+00:00")
    assert render_pdf(seed_report.copy()) == pdf


def test_a_time_zone_west_of_greenwich_and_off_the_hour_is_written_as_pdf_and_xmp_dates():
    from kopsavilkums.printing.archival import pdf_date, xmp_date

    when = datetime(2026, 1, 2, 3, 4, 5, tzinfo=timezone(-timedelta(hours=3, minutes=30)))
    assert pdf_date(when) == "D:20260102030405-03'30'"
    assert xmp_date(when) == "2026-01-02T03:04:05-03:30"
