"""Every output format the program writes comes back in through the one front door
(:func:`read_any`) as the report it was made from."""

from __future__ import annotations

import pytest

from kopsavilkums import exchange
from kopsavilkums.convert.reading import read_any
from kopsavilkums.convert.writing import FORMATS, format_by_key, render

from .exporttools import EXAMPLES, example

EXACT = [fmt.key for fmt in FORMATS if fmt.key != "text"]
#: What the published text shape carries: the official rows, not the header facts or signature.
PUBLISHED = ("title", "task", "performer", "period", "introduction", "objectives", "indicators", "assessment",
             "budget", "irregular_expenditure", "unrecovered_amount", "other_information")  # fmt: skip


@pytest.mark.parametrize("key", EXACT)
@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_every_example_comes_back_exactly_from_each_format(path, key):
    report = example(path)
    back = read_any(render(report, key), f"kopsavilkums{format_by_key(key).suffix}")
    assert exchange.to_document(back.report) == exchange.to_document(report)
    assert back.notes == []


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_the_published_text_comes_back_with_every_published_row(path):
    report = example(path)
    back = read_any(render(report, "text"), "kopsavilkums.txt")
    ours, theirs = exchange.to_document(back.report)["report"], exchange.to_document(report)["report"]
    assert {key: ours[key] for key in PUBLISHED} == {key: theirs[key] for key in PUBLISHED}
    assert back.notes == []


@pytest.mark.parametrize("key", ["pdf", "docx", "html"])
def test_an_e_signed_report_with_text_in_other_scripts_comes_back(complete_report, key):
    complete_report.signatory.signing = "e_signature"
    complete_report.performer = 'Biedrība "Ахмед · محمد · דוד · 王芳" & <co>'
    complete_report.indicators[0].carried_over = True
    back = read_any(render(complete_report, key))
    assert exchange.to_document(back.report) == exchange.to_document(complete_report)


@pytest.mark.parametrize("key", EXACT)
def test_what_the_program_wrote_itself_comes_back_marked_exact(complete_report, key):
    assert read_any(render(complete_report, key)).exact


def test_a_published_summary_read_by_its_rows_is_not_exact(complete_report):
    assert not read_any(render(complete_report, "text")).exact


def test_a_page_that_only_borrows_our_attribute_is_not_taken_for_ours():
    page = b'<html><body><h1 data-field="title">Virsraksts</h1><p>Viss cits lapas teksts.</p></body></html>'
    from kopsavilkums.convert.own.web_page import import_own_html

    assert import_own_html(page) is None  # no table of ours: the general web page reader decides


def test_our_table_pasted_into_another_page_is_read_with_a_note_not_as_exact(complete_report):
    from kopsavilkums.convert.writers.web_page import html_fragment

    page = f"<html><body><p>Ministrijas lapas ievads.</p>{html_fragment(complete_report)}</body></html>"
    back = read_any(page.encode("utf-8"), "lapa.html")
    assert not back.exact and "rest of the page" in back.notes[0].en
    assert back.report.performer == complete_report.performer


def test_our_page_nested_deeper_than_a_parser_goes_is_refused_not_read_empty(complete_report):
    from kopsavilkums.convert.imported import ImportRefused

    page = '<html><body><table class="kopsavilkums"><tr><td data-field="title">' + "<span>" * 10_000 + "x"
    with pytest.raises(ImportRefused, match="nested too deeply"):
        read_any(page.encode("utf-8"), "lapa.html")


def test_a_title_as_long_as_its_limit_goes_to_word_and_back(complete_report):
    # Word's document properties take at most 255 characters; the field takes 1,000.
    complete_report.title = "Kopsavilkums " + "ļoti garš " * 98
    complete_report.performer = "Biedrība " + "x" * 900
    back = read_any(render(complete_report, "docx"))
    assert back.report.title == complete_report.title and back.report.performer == complete_report.performer


def test_a_word_file_that_unpacks_to_too_much_is_refused_before_it_is_parsed():
    import io
    import zipfile

    from kopsavilkums.convert.imported import ImportRefused

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"<w:document>" + b"A" * (120 * 2**20) + b"</w:document>")
    with pytest.raises(ImportRefused, match="unpacks to more than"):
        read_any(buffer.getvalue(), "bomba.docx")
