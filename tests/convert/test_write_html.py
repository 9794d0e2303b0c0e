"""The web page: accessible, self-contained, escaped, shaped like the published summaries, read back."""

from __future__ import annotations

import re
from datetime import date
from html.parser import HTMLParser

import lxml.html
import pytest
from hypothesis import example as hypothesis_example
from hypothesis import given, settings
from hypothesis import strategies as st

from kopsavilkums import official
from kopsavilkums.convert.own.web_page import import_own_html, read_own_html
from kopsavilkums.convert.writers.cleaning import clean
from kopsavilkums.convert.writers.web_page import html_fragment, html_page
from kopsavilkums.report import E_SIGNATURE, Indicator, Objective, Report

from .exporttools import EXAMPLES, HOSTILE, document, example, hostile_report, model_row_texts, page_row_texts

#: Every element our page is made of; anything else would have come from user text.
OUR_TAGS = {
    "html", "head", "meta", "title", "style", "body", "main", "h1", "p", "span", "div", "br", "table", "thead",
    "tbody", "tfoot", "tr", "th", "td", "ol", "li",
}  # fmt: skip


def _clean_report(report: Report) -> Report:
    """``report`` as a page can hold it: control characters dropped, as the PDF drops them."""
    from kopsavilkums import exchange

    def walk(value):
        if isinstance(value, str):
            return clean(value)
        if isinstance(value, list):
            return [walk(v) for v in value]
        if isinstance(value, dict):
            return {k: walk(v) for k, v in value.items()}
        return value

    return exchange.from_document(walk(exchange.to_document(report)))


class _Tags(HTMLParser):
    """Every start tag and attribute name, as a browser's tokenizer sees them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: set[str] = set()
        self.attributes: set[str] = set()

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        self.attributes |= {name for name, _ in attrs}


def _tags(page: str) -> _Tags:
    parser = _Tags()
    parser.feed(page)
    parser.close()
    return parser


# ---------------------------------------------------------------------------------- the page


def test_the_page_is_a_complete_accessible_latvian_document(complete_report):
    page = html_page(complete_report)
    assert page.startswith('<!DOCTYPE html>\n<html lang="lv">')
    assert '<meta charset="utf-8">' in page
    root = lxml.html.document_fromstring(page)
    assert root.findtext(".//title") == official.build(complete_report).title
    table = root.xpath('//table[@class="kopsavilkums"]')[0]
    labels = table.xpath("./tbody/tr/th")
    assert [th.text_content() for th in labels] == list(official.LABELS.values())
    assert {th.get("scope") for th in labels} == {"row"}
    budget = table.xpath(".//table")[0]
    assert [th.text_content() for th in budget.xpath("./thead/tr/th")] == ["Gads", "Plānots", "Faktiski izlietots"]
    assert {th.get("scope") for th in budget.xpath("./thead/tr/th")} == {"col"}


def test_the_page_loads_nothing_and_runs_nothing(complete_report):
    page = html_page(complete_report)
    tags = _tags(page)
    assert tags.tags <= OUR_TAGS
    assert not {"src", "href", "srcset", "action"} & tags.attributes
    assert not any(a.startswith("on") for a in tags.attributes)
    assert "url(" not in page and "@import" not in page


def test_lists_show_the_numbers_the_published_pages_show(complete_report):
    root = lxml.html.document_fromstring(html_page(complete_report))
    lists = root.xpath('//ol[@class="numuri"]')
    assert len(lists) == 2
    assert all(ol.get("style") == "list-style-type: none" for ol in lists)
    objectives = [li.text_content() for li in lists[0]]
    assert objectives[0] == "1." + complete_report.objectives[0].text
    indicators = [li.text_content() for li in lists[1]]
    assert indicators[0] == "1)" + complete_report.indicators[0].text + "Plānots: 24; sasniegts: 26."


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_the_page_says_what_the_pdf_says(path):
    report = example(path)
    assert page_row_texts(html_page(report)) == model_row_texts(report)


def test_a_draft_with_errors_says_so(complete_report):
    assert official.DRAFT_MARK not in html_page(complete_report)
    complete_report.task = ""
    root = lxml.html.document_fromstring(html_page(complete_report))
    assert root.xpath('//p[@class="melnraksts"]')[0].text == official.DRAFT_MARK


def test_an_e_signed_summary_has_the_note_instead_of_a_signature_line(complete_report):
    complete_report.signatory.signing = E_SIGNATURE
    root = lxml.html.document_fromstring(html_page(complete_report))
    assert root.xpath('//p[@class="e-paraksts"]')[0].text_content() == official.E_SIGNATURE_NOTE
    labels = [th.text_content() for th in root.xpath('//table[@class="paraksts"]//th')]
    assert labels == [f"{official.REPRESENTATIVE}:"]
    assert read_own_html(html_page(complete_report)).signatory.signing == E_SIGNATURE


def test_the_fragment_is_the_table_alone(complete_report):
    fragment = html_fragment(complete_report)
    assert fragment.startswith('<table class="kopsavilkums">') and fragment.rstrip().endswith("</table>")
    assert fragment in html_page(complete_report).replace(' aria-labelledby="virsraksts"', "")


# ---------------------------------------------------------------------------- hostile text


def test_hostile_text_stays_text():
    report = hostile_report()
    page = html_page(report)
    tags = _tags(page)
    assert tags.tags <= OUR_TAGS, tags.tags - OUR_TAGS
    assert not any(a.startswith("on") for a in tags.attributes)
    assert "<script" not in page and "<img" not in page and "<!DOCTYPE x" not in page
    root = lxml.html.document_fromstring(page)
    for br in root.iter("br"):
        br.tail = "\n" + (br.tail or "")
    shown = {e.get("data-field"): e.text_content() for e in root.xpath("//*[@data-field]")}
    assert shown["task"] == clean(report.task)
    assert shown["indicators[0].note"] == clean(report.indicators[0].note)
    assert shown["signatory.name"] == clean(report.signatory.name)
    text = root.text_content()
    for typed in HOSTILE:
        assert clean(typed).strip() in text, typed


def test_hostile_text_reads_back_as_typed_less_control_characters():
    report = hostile_report()
    report.indicators[1].carried_over = True
    assert document(read_own_html(html_page(report))) == document(_clean_report(report))


# ------------------------------------------------------------------------------ round trips


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_every_example_reads_back_as_the_same_report(path):
    report = example(path)
    imported = import_own_html(html_page(report).encode("utf-8"))
    assert imported is not None and imported.source == "html" and imported.notes == []
    assert document(imported.report) == document(report)


def test_the_fragment_reads_back_the_rows(complete_report):
    report = read_own_html(html_fragment(complete_report))
    expected = complete_report.copy()
    expected.title = expected.delegating_authority = expected.contract = ""
    expected.signatory = type(expected.signatory)()
    expected.prepared_by = type(expected.prepared_by)()
    assert document(report) == document(expected)


@settings(max_examples=60, deadline=None)
@given(texts=st.lists(st.text(max_size=30), min_size=7, max_size=7), carried=st.booleans())
# Characters that Unicode normalisation would change: a compatibility ideograph, the Angstrom
# sign, a decomposed "ā" and a ligature. Our own page must give back what was typed.
@hypothesis_example(texts=["", "", "", "", "", "", "\uf900"], carried=False)
@hypothesis_example(texts=["\u212b", "a\u0304", "\ufb01", "", "", "", ""], carried=True)
def test_any_text_reads_back_exactly(texts, carried):
    report = Report(title=texts[0], task=texts[1], introduction=texts[2], assessment=texts[3])
    report.other_information = texts[4]
    report.objectives = [Objective(texts[5]), Objective(texts[6])]
    report.indicators = [Indicator(texts[6], texts[0], texts[1], texts[5], carried_over=carried)]
    report.irregular_expenditure.explanation = texts[5]
    report.signatory.name, report.prepared_by.email = texts[2], texts[3]
    report.period.start = date(2020, 2, 29)
    report.sync_budget_years()
    assert document(read_own_html(html_page(report))) == document(_clean_report(report))


def test_an_edited_value_is_read_and_an_unreadable_amount_kept_as_text(complete_report):
    page = html_page(complete_report)
    page = page.replace(">Nav<", ">Atgūts daļēji<", 1)
    page = re.sub(r'(data-field="budget\[2022\]\.actual"[^>]*>)[^<]*', r"\g<1>daudz", page)
    imported = import_own_html(page)
    assert imported.report.unrecovered_amount.explanation == "Atgūts daļēji"
    assert imported.report.budget[1].actual is None
    assert "daudz" in imported.report.other_information
    assert imported.notes and "not an amount" in imported.notes[0].en


@pytest.mark.parametrize(
    "data",
    [b"", "<html><body><table><tr><td>Valsts p\u0101rvaldes uzdevums</td></tr></table></body></html>", "plain"],
)
def test_a_page_we_did_not_write_is_not_ours(data):
    assert read_own_html(data) is None
