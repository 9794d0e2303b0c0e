"""The smaller findings of the second hostile round: terminal escapes from a file, direction
overrides, a title that says ``%PDF-``, formulas in the text export, and library messages that ran
over two lines. Files are built here."""

from __future__ import annotations

import re

import pytest

from kopsavilkums import cli, exchange
from kopsavilkums.convert.imported import ImportRefused
from kopsavilkums.convert.reading import read_any
from kopsavilkums.convert.writing import render
from kopsavilkums.report import Indicator, Objective, Report
from kopsavilkums.validation import validate

TASK = "Valsts pārvaldes uzdevums"
PERFORMER = "Valsts pārvaldes uzdevuma veicējs"
#: ESC[8m hides all that follows; ESC]0;…BEL sets the window's title; CSI (U+009B) is ESC[ in one.
ESCAPES = "\x1b[8m\x1b]0;pwned\x07\x9b2J"
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


@pytest.fixture
def run(tmp_path, capsys):
    def run(*arguments: str) -> tuple[int, str, str]:
        code = cli.main(["--data-dir", str(tmp_path / "data"), *arguments])
        out, err = capsys.readouterr()
        return code, out, err

    return run


def test_no_escape_sequence_from_a_file_reaches_the_terminal(run, tmp_path):
    words = "Biedrība īsteno projektu. " * 40  # text around them: a few escapes do not make it binary
    text = f"Kopsavilkums{ESCAPES}\n{TASK}\t{words}\n{PERFORMER}\tB\nNeoficiāla rinda{ESCAPES}\t{words}\n"
    path = tmp_path / "summary.txt"
    path.write_text(text, "utf-8")
    code, out, err = run("validate", str(path))
    assert "not an official row" in err or "nav oficiāla" in err  # the note quoting the file is there
    assert not CONTROL.search(err + out), repr(err)
    code, out, err = run("import", str(path))
    assert code == 0 and not CONTROL.search(err)
    code, out, err = run("list")
    assert code == 0 and "Kopsavilkums" in out and not CONTROL.search(out), repr(out)


def test_the_web_pages_title_holds_no_control_character():
    page = render(Report(title=f"Kopsavilkums{ESCAPES}"), "html").decode()
    title = re.search("<title>(.*)</title>", page).group(1)
    assert not CONTROL.search(title)


def test_direction_overrides_are_left_out_everywhere_and_warned_about():
    # The PDF dropped U+202E, but the web page and the Word file showed the name reversed.
    report = Report(title="K", task="U", performer="Biedrība \u202eŪdri\u202c")
    assert "\u202e" not in render(report, "html").decode()
    import io
    import zipfile

    with zipfile.ZipFile(io.BytesIO(render(report, "docx"))) as word:
        assert "\u202e" not in word.read("word/document.xml").decode()
    warned = [p for p in validate(report) if p.path == "performer" and "U+202A" in p.message.en]
    assert warned and not warned[0].is_error


@pytest.mark.parametrize("fmt", ["text", "html", "docx", "pdf"])
def test_a_title_that_says_pdf_is_read_back_from_each_export(fmt):
    # The draft (and its text export) whose title starts with %PDF- was taken for a PDF.
    report = Report(title="%PDF-1.7 kopsavilkums", task="U", performer="B")
    assert read_any(render(report, fmt)).report.title == report.title
    assert read_any(exchange.dumps(report).encode()).source == "draft"


def test_cells_a_spreadsheet_would_take_for_formulas_are_text_and_read_back():
    report = Report(title='=HYPERLINK("http://example.invalid")', task="+371 2000", performer="@SUM(A1)")
    report.objectives = [Objective("-2+3")]
    report.indicators = [Indicator("=1+1", "-", "+5")]
    text = render(report, "text").decode()
    for line in text.splitlines():
        for cell in line.split("\t"):
            assert not cell.startswith(("=", "+", "-", "@")), line
    back = read_any(text.encode(), "summary.txt").report
    assert (back.title, back.task, back.performer) == (report.title, report.task, report.performer)
    assert back.objectives[0].text == "-2+3"
    assert (back.indicators[0].text, back.indicators[0].planned, back.indicators[0].achieved) == ("=1+1", "-", "+5")


def test_a_cell_the_user_began_with_an_apostrophe_keeps_it():
    report = Report(title="'=1+1 is how a spreadsheet is told it is text", task="U", performer="B")
    back = read_any(render(report, "text"), "summary.txt").report
    assert back.title == report.title


def test_a_library_message_over_two_lines_is_one_clear_line(monkeypatch):
    import io

    import docx

    out = io.BytesIO()
    docx.Document().save(out)

    def broken(*args, **kwargs):
        raise ValueError("Bad part\nin the package:\n  word/document.xml")

    monkeypatch.setattr(docx, "Document", broken)
    with pytest.raises(ImportRefused) as refused:
        read_any(out.getvalue(), "summary.docx")
    for language in ("lv", "en"):
        assert "\n" not in refused.value.localized(language)
    assert "(Bad part in the package: word/document.xml)" in str(refused.value)
