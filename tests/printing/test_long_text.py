"""Long words and over-long fields print completely (or with a note) in linear time.

The assertions count work, never seconds: a pasted 1,000,000-character link used to be broken
by measuring ever-shorter prefixes, minutes and gigabytes for one field."""

import base64
import io
import random

import pytest
from pypdf import PdfReader

from kopsavilkums.official import build, print_limit
from kopsavilkums.printing import fonts, render_pdf
from kopsavilkums.printing.flowables import TextBlock
from kopsavilkums.printing.text import Metrics, ellipsize, wrap
from kopsavilkums.report import Report

from .pdftools import body_text, needs_poppler, pages_text, poppler_text, squeeze, word_boxes

RIGHT_MARGIN = 18 * 72 / 25.4


def _blob(length: int) -> str:
    """A pasted base64 blob: one 'word' with no break opportunity."""
    data = random.Random(length).randbytes(length)
    return base64.b64encode(data).decode()[:length]


class _CountingMetrics(Metrics):
    """Real widths, counting every character looked up."""

    def __init__(self) -> None:
        super().__init__(fonts.REGULAR, 11)
        looked_up = self.looked_up = [0]
        real = self.units

        class Counting(dict):
            def __getitem__(self, ch):
                looked_up[0] += 1
                return real[ch]

        self.units = Counting()


def test_a_200000_character_word_is_measured_in_linear_time():
    word = _blob(200_000)
    metrics = _CountingMetrics()
    lines = wrap(f"Saite: {word} beigas", metrics, 300)
    assert metrics.looked_up[0] <= 2 * (len(word) + 20)
    assert "".join(lines).replace(" ", "") == f"Saite:{word}beigas"


def test_a_long_word_is_cut_into_full_lines_that_fit():
    fonts.register()
    metrics, width = Metrics(fonts.REGULAR, 11), 300
    word = _blob(20_000)
    lines = wrap(word, metrics, width)
    assert "".join(lines) == word
    assert all(metrics.width(line) <= width for line in lines)
    # Greedy: each full line would overflow with the next character.
    assert all(metrics.width(line + nxt[0]) > width for line, nxt in zip(lines, lines[1:], strict=False))


def test_ellipsize_looks_at_no_more_of_a_long_title_than_fits():
    metrics = _CountingMetrics()
    short = ellipsize(_blob(1_000_000), metrics, 400)
    assert short.endswith("…") and metrics.width(short) <= 400
    assert metrics.looked_up[0] < 1_000


@needs_poppler
def test_every_character_of_a_200000_character_word_prints_in_order(complete_report):
    word = _blob(200_000)
    complete_report.introduction = f"Pielikums: {word} (beigas)"
    pdf = render_pdf(complete_report)
    assert squeeze(f"Pielikums: {word} (beigas)") in squeeze(body_text(pdf))
    page_width = float(PdfReader(io.BytesIO(pdf)).pages[0].mediabox.width)
    assert max(box[2] for box in word_boxes(pdf)) <= page_width - RIGHT_MARGIN + 1


@needs_poppler
def test_long_words_print_whole_in_every_field_that_used_paragraphs(complete_report):
    r = complete_report
    fields = {
        "title": _blob(print_limit("title")),
        "performer": _blob(print_limit("performer")),
        "delegating_authority": _blob(print_limit("delegating_authority") - 1),
        "contract": _blob(print_limit("contract") - 2),
    }
    for key, value in fields.items():
        setattr(r, key, value)
    people = {"name": _blob(199), "position": _blob(198)}
    r.signatory.name, r.signatory.position = people["name"], people["position"]
    r.prepared_by.name, r.prepared_by.email = _blob(197), _blob(196)
    pdf = render_pdf(r)
    text = squeeze(poppler_text(pdf))
    for value in [*fields.values(), *people.values(), r.prepared_by.name, r.prepared_by.email]:
        assert squeeze(value) in text
    page_width = float(PdfReader(io.BytesIO(pdf)).pages[0].mediabox.width)
    assert max(box[2] for box in word_boxes(pdf)) <= page_width - RIGHT_MARGIN + 1


def test_the_footer_cuts_a_long_title_with_an_ellipsis(complete_report):
    title = complete_report.title = _blob(print_limit("title"))
    complete_report.assessment = "teksts\n" * 100
    pages = pages_text(render_pdf(complete_report))
    assert len(pages) > 1
    for page in pages:
        footer = [line for line in page.splitlines() if line.startswith(title[:40]) and line.endswith("…")]
        assert len(footer) == 1 and len(footer[0]) < 150


def test_many_short_paragraphs_are_laid_out_in_linear_time(complete_report, monkeypatch):
    calls = [0]
    real_wrap = TextBlock.wrap

    def counting_wrap(self, *args):
        calls[0] += 1
        return real_wrap(self, *args)

    monkeypatch.setattr(TextBlock, "wrap", counting_wrap)
    paragraphs = 3_000  # some 80 pages
    complete_report.assessment = "\n\n".join(f"Rindkopa {n}." for n in range(paragraphs))
    text = squeeze("".join(pages_text(render_pdf(complete_report))))
    assert all(f"Rindkopa{n}." in text for n in (0, 1_500, paragraphs - 1))
    # Each paragraph is wrapped a few times, not once for every page that follows it.
    assert calls[0] <= 5 * paragraphs


@pytest.mark.parametrize(
    ("extra", "note"),
    [
        (18_000_000, "vēl 18\u00a0000\u00a0000 rakstzīmes netiek drukātas"),
        (1, "vēl 1 rakstzīme netiek drukāta"),
        (21, "vēl 21 rakstzīme netiek drukāta"),
        (11, "vēl 11 rakstzīmes netiek drukātas"),
    ],
)
def test_text_over_its_limit_is_cut_there_with_a_note(extra, note):
    limit = print_limit("introduction")
    report = Report(introduction="a" * (limit + extra))
    printed = build(report).rows[3].blocks[0].text
    assert printed == "a" * limit + f" … [{note}]"


def test_rows_over_the_maximum_are_left_out_with_a_note():
    from kopsavilkums.report import Indicator

    report = Report(indicators=[Indicator(f"r{n}") for n in range(print_limit("indicators") + 3)])
    blocks = build(report).rows[3].blocks
    assert blocks[-1].text == "… [vēl 3 rādītāji netiek drukāti]"
    assert blocks[-2].number == f"{print_limit('indicators')})"


def test_a_19_million_character_introduction_prints_as_a_draft_cut_at_its_limit(complete_report):
    limit = print_limit("introduction")
    complete_report.introduction = "vārds " * 3_166_667  # 19,000,002 characters in a 20 MB draft file
    pdf = render_pdf(complete_report)
    pages = pages_text(pdf)
    text = squeeze("".join(pages))
    assert all("MELNRAKSTS" in page for page in pages)
    assert "[vēl18000002rakstzīmesnetiekdrukātas]" in text
    # Pages for the printed million characters, not for nineteen million.
    assert text.count("vārds") == limit // 6
    assert len(pages) < 400
