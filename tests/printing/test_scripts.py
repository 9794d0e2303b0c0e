"""Names in other scripts print from the fallback faces; right-to-left text reads right."""

import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from kopsavilkums.printing import render_pdf
from kopsavilkums.printing.direction import visual
from kopsavilkums.printing.text import Metrics, layout, shape
from kopsavilkums.validation import validate

from .pdftools import body_text, embedded_fonts, needs_poppler, poppler_text, squeeze

SEED = (
    Path(__file__).resolve().parents[2] / "resources" / "examples" / "kurzemes-nvo-centrs-2019-2020.kopsavilkums.json"
)

NAMES = ["Ахмед", "محمد", "דוד", "王芳", "שרה כהן", "Αλέξανδρος", "Արամ", "გიორგი", "김민준", "さくら"]


@pytest.fixture
def multi_script(complete_report):
    r = complete_report
    r.performer = "Biedrība „Ахмед, محمد, דוד, 王芳”"
    r.introduction = "Projektā piedalījās " + ", ".join(NAMES) + " un Jānis Bērziņš. Prieks: 😀."
    r.signatory.name = "محمد علي"
    r.prepared_by.name = "王芳"
    return r


def _reading(pdf: bytes) -> str:
    """What pdftotext reads, with Arabic presentation forms (the joined letters the PDF draws)
    taken back to the letters typed, as NFKC does."""
    return unicodedata.normalize("NFKC", poppler_text(pdf))


@needs_poppler
def test_names_in_other_scripts_print_and_read_back(multi_script):
    text = _reading(render_pdf(multi_script))
    for name in NAMES + ["محمد علي"]:
        assert name in text, name
    assert "הרש" not in text and "دمحم" not in text  # not letter-reversed
    assert squeeze("Biedrība „Ахмед,") in squeeze(text)


@needs_poppler
def test_the_fallback_faces_are_embedded_as_subsets(multi_script):
    faces = embedded_fonts(render_pdf(multi_script))
    for face in ("LiberationSerif", "LiberationSerif-Bold", "DejaVuSans", "DroidSansFallback", "NanumGothic"):
        assert faces.get(face) == (True, True, True), (face, faces)


@needs_poppler
def test_a_report_in_latvian_embeds_only_liberation(seed_report):
    assert set(embedded_fonts(render_pdf(seed_report))) == {"LiberationSerif", "LiberationSerif-Bold"}


def test_a_report_in_latvian_parses_no_fallback_face():
    """Each fallback face costs 12-60 ms to parse: the common case must not pay for it."""
    code = (
        "import sys\n"
        "from kopsavilkums import exchange\n"
        "from kopsavilkums.printing import render_pdf\n"
        "from reportlab.pdfbase import pdfmetrics\n"
        "render_pdf(exchange.read(sys.argv[1]))\n"
        "print(sorted(pdfmetrics.getRegisteredFontNames()))\n"
    )
    run = subprocess.run([sys.executable, "-c", code, str(SEED)], capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "['KopsSerif', 'KopsSerif-Bold']"


def test_the_emoji_still_prints_as_a_box_with_a_warning_for_it_alone(multi_script):
    problems = validate(multi_script, final=True)
    boxed = [p for p in problems if "□" in p.text("en")]
    assert [p.path for p in boxed] == ["introduction"]
    assert boxed[0].text("en").endswith("will print as □: 😀")
    assert "Prieks:□." in squeeze(body_text(render_pdf(multi_script)))


@pytest.mark.parametrize(
    ("logical", "drawn"),
    [
        ("Vārds: שרה כהן.", "Vārds: ןהכ הרש."),  # a right-to-left run in Latvian text
        ("שנת 2024 היא", "איה 2024 תנש"),  # digits keep their order inside it
        ("محمد 12", "12 دمحم"),  # after Arabic letters too (Arabic numbers)
        ("Kopsavilkums: שרה כהן (ירושלים), 王芳", "Kopsavilkums: (םילשורי) ןהכ הרש, 王芳"),  # N0 pairs, mirrored
        ("a [בא] b", "a [אב] b"),  # brackets around Hebrew in Latvian text go with the Latvian
        ("Ахмед, محمد, דוד, 王芳", "Ахмед, דוד ,دمحم, 王芳"),  # a list of names: one RTL run
        ("Jānis Bērziņš", "Jānis Bērziņš"),
    ],
)
def test_right_to_left_runs_are_drawn_in_visual_order(logical, drawn):
    assert visual(logical) == drawn


def test_a_bracket_pair_split_by_a_line_break_still_pairs():
    from kopsavilkums.printing import fonts

    fonts.register()
    text = "Piedalījās محمد عبد الله (2021. gadā) un citi"
    lines = layout(text, Metrics(fonts.REGULAR, 11), 150)
    assert len(lines) > 1
    # The pair holds Latvian, so it goes with the Latvian: "(" stays before 2021, not mirrored
    # into the Arabic as it would be if each line were resolved alone.
    assert any("(2021" in line for line in lines)


def test_arabic_letters_take_their_joined_forms():
    joined = shape("محمد")
    assert joined == "\ufee3\ufea4\ufee4\ufeaa"  # initial, medial, medial, final
    assert unicodedata.normalize("NFKC", joined) == "محمد"
    assert shape("Jānis") == "Jānis"


def test_the_same_report_gives_the_same_bytes_however_the_process_got_there(multi_script, tmp_path):
    """Fallback faces are loaded on first need; that must not show in the bytes."""
    from kopsavilkums import exchange

    draft = tmp_path / "multi.kopsavilkums.json"
    exchange.write(multi_script, draft)
    fresh = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from kopsavilkums import exchange; from kopsavilkums.printing import "
            "render_pdf; sys.stdout.buffer.write(render_pdf(exchange.read(sys.argv[1])))",
            str(draft),
        ],
        capture_output=True,
        check=True,
    ).stdout
    assert render_pdf(multi_script) == render_pdf(exchange.read(draft)) == fresh
