import getpass
import io
import os
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from kopsavilkums.formats import format_money
from kopsavilkums.official import INDICATORS_SENTENCE, LABELS
from kopsavilkums.printing import render_pdf
from kopsavilkums.report import Indicator, Report

from .pdftools import body_text, needs_poppler, pages_text, squeeze, word_boxes

LATVIAN = "ā č ē ģ ī ķ ļ ņ š ū ž Ā Č Ē Ģ Ī Ķ Ļ Ņ Š Ū Ž"


def _all_text(pdf: bytes) -> str:
    return body_text(pdf)


def test_the_seed_prints_every_value_of_the_published_summary(seed_report):
    pdf = render_pdf(seed_report)
    text = squeeze(_all_text(pdf))
    values = [
        seed_report.title,
        seed_report.task,
        seed_report.performer,
        "12.08.2019.–31.10.2020.",
        seed_report.introduction,
        INDICATORS_SENTENCE,
        seed_report.assessment,
        "2019.gads",
        "2020.gads",
        "31 830,96 euro",
        *LABELS.values(),
    ]
    values += [f"{n}.{o.text}" for n, o in enumerate(seed_report.objectives, 1)]
    values += [f"{n}){i.text}" for n, i in enumerate(seed_report.indicators, 1)]
    for value in values:
        assert squeeze(value) in text, value
    # Rows 6-8 are empty in the published summary and print "Nav".
    tail = text.split(squeeze(LABELS["irregular_expenditure"]))[1]
    assert tail.count("Nav") >= 3


def test_latvian_letters_print_and_copy_back_out(complete_report):
    complete_report.assessment = LATVIAN
    assert squeeze(LATVIAN) in squeeze(_all_text(render_pdf(complete_report)))


def test_the_font_is_embedded(complete_report):
    reader = PdfReader(io.BytesIO(render_pdf(complete_report)))
    fonts = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = (
                font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
                if "/DescendantFonts" in font
                else font.get("/FontDescriptor")
            )
            if descriptor is not None and "/FontFile2" in descriptor.get_object():
                fonts.add(str(font["/BaseFont"]))
    assert any("LiberationSerif" in name for name in fonts), fonts


@pytest.mark.parametrize(
    "typed", ["<b>bold?</b>", "&amp; & &lt;", '<img src="x.png"/>', "a < b > c", "<para>", "%s %(x)s {0}"]
)
def test_markup_prints_literally(complete_report, typed):
    complete_report.task = typed
    complete_report.indicators[0].text = typed
    text = _all_text(render_pdf(complete_report))
    assert squeeze(typed) in squeeze(text)


def test_control_characters_are_dropped_and_tabs_are_text(complete_report):
    complete_report.assessment = "viens\tdivi\x00\x07trīs\r\nčetri\x1b"
    text = _all_text(render_pdf(complete_report))
    assert "viens    divi" in text or "viens divi" in text
    assert "divitrīs" in squeeze(text) and "četri" in text
    assert "\x00" not in text and "\x07" not in text


def test_characters_no_font_has_print_as_a_box_instead_of_vanishing(complete_report):
    complete_report.task = "Jā 😀 中 🚀"
    text = _all_text(render_pdf(complete_report))
    assert "Jā □ 中 □" in text  # the ideograph comes from the CJK fallback face


@needs_poppler
def test_a_very_long_url_wraps_inside_its_column(complete_report):
    url = "https://example.lv/" + "ābc" * 1000
    complete_report.other_information = url
    pdf = render_pdf(complete_report)
    assert squeeze(url) in squeeze(_all_text(pdf))
    page_width = float(PdfReader(io.BytesIO(pdf)).pages[0].mediabox.width)
    assert max(box[2] for box in word_boxes(pdf)) <= page_width - 18 * 72 / 25.4 + 1


def test_a_field_longer_than_a_page_continues_on_the_next(complete_report):
    complete_report.assessment = "\n".join(f"Rindkopa {n}: vērtējums turpinās." for n in range(400))
    pdf = render_pdf(complete_report)
    pages = pages_text(pdf)
    assert len(pages) >= 5
    assert all(f"Rindkopa {n}:" in "".join(pages) for n in (0, 199, 399))


def test_a_single_paragraph_longer_than_a_page_continues_too(complete_report):
    complete_report.introduction = "vārds " * 6000
    pdf = render_pdf(complete_report)
    assert squeeze(_all_text(pdf)).count("vārds") == 6000


def test_pages_are_numbered_with_the_title_in_the_footer(complete_report):
    complete_report.assessment = "teksts\n" * 300
    pages = pages_text(render_pdf(complete_report))
    total = len(pages)
    assert total > 1
    for number, text in enumerate(pages, 1):
        assert f"{number}. lpp. no {total}" in text
        assert "Kopsavilkums par valsts pārvaldes uzdevuma" in text


def test_a_report_with_errors_is_marked_as_a_draft_on_every_page(complete_report):
    complete_report.assessment = "teksts\n" * 300
    clean = pages_text(render_pdf(complete_report))
    assert len(clean) > 1
    assert not any("MELNRAKSTS" in page for page in clean)
    complete_report.performer = ""
    marked = pages_text(render_pdf(complete_report))
    assert all("MELNRAKSTS" in page for page in marked)


def test_metadata_names_the_report_and_nothing_private(complete_report):
    pdf = render_pdf(complete_report)
    info = PdfReader(io.BytesIO(pdf)).metadata
    assert info.title == complete_report.title
    assert info.author == complete_report.performer
    assert "valsts pārvaldes uzdevuma izpildi" in info.subject
    assert b"/Lang (lv)" in pdf
    for private in {os.getcwd(), os.path.expanduser("~"), getpass.getuser()}:
        if len(private) > 4:
            assert private.encode() not in pdf


def test_the_same_report_gives_the_same_bytes(complete_report):
    assert render_pdf(complete_report) == render_pdf(complete_report.copy())


def test_indicator_details_and_amounts_print(complete_report):
    text = squeeze(_all_text(render_pdf(complete_report)))
    assert squeeze("Plānots: 60; sasniegts: 54.") in text
    assert squeeze(format_money(Decimal("412.50"))) in text
    assert squeeze("2021.gads") in text and squeeze("Kopā") in text
    assert squeeze(format_money(Decimal("113450.50"))) in text  # planned total of three years
    assert squeeze("Ilze Kalniņa, valdes priekšsēdētāja") in text and "29.01.2024." in text


def test_an_empty_report_still_prints():
    pages = pages_text(render_pdf(Report()))
    assert "MELNRAKSTS" in pages[0] and "Nav" in pages[0]


# Characters the embedded font draws: Latin with Latvian, Cyrillic, Greek and typographic punctuation.
PRINTABLE = st.characters(
    codec="utf-8",
    categories=("L", "N", "P", "S", "Zs"),
    min_codepoint=0x20,
    max_codepoint=0x4FF,
) | st.sampled_from(list("–—„“”‘’…€\n\t"))
FIELDS = ("title", "task", "performer", "introduction", "assessment", "other_information")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(field=st.sampled_from(FIELDS + ("indicator",)), typed=st.text(PRINTABLE, min_size=1, max_size=300))
def test_any_text_in_any_field_prints_and_comes_back_as_typed(field, typed):
    from conftest import COMPLETE
    from kopsavilkums import exchange
    from kopsavilkums.glyphs import unprintable

    complete_report = exchange.read(COMPLETE)
    typed = "".join(ch for ch in typed if ch in "\n\t" or not unprintable(ch))
    if field == "indicator":
        complete_report.indicators.append(Indicator(typed, note=typed))
    else:
        setattr(complete_report, field, typed)
    text = squeeze(_all_text(render_pdf(complete_report)))
    assert squeeze(typed) in text


@needs_poppler
def test_the_budgets_amounts_are_right_aligned_with_their_commas_under_each_other(complete_report):
    """As in the window, Word and the web page (they were left-aligned in the PDF)."""
    import re

    from kopsavilkums.report import BudgetRow

    complete_report.budget = [
        BudgetRow(complete_report.period.start.year, Decimal("5.50"), Decimal("123456.78")),
        BudgetRow(complete_report.period.start.year + 1, Decimal("31830.96"), Decimal("0.01")),
    ]
    complete_report.budget += [
        BudgetRow(year, None, None)
        for year in range(complete_report.period.start.year + 2, complete_report.period.end.year + 1)
    ]
    boxes = word_boxes(render_pdf(complete_report))
    decimals = [box for box in boxes if re.fullmatch(r"\d+,\d\d", box[4])]
    columns: dict[int, list[float]] = {}
    for _x_min, _y, x_max, _y2, _word in decimals:  # the comma's place: two digits from the end
        columns.setdefault(round(x_max / 40), []).append(x_max)
    ends = sorted(columns.values(), key=len, reverse=True)[:2]
    assert [len(column) for column in ends] == [3, 3]  # two years and the total, in each column
    for column in ends:
        assert max(column) - min(column) < 0.5, column
