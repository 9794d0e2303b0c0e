"""The command line as a script would use it: separate processes, exit codes, stderr."""

import json
import os
import subprocess
import sys

import pytest

from conftest import COMPLETE, SEED
from kopsavilkums import __version__


def run(*args, env=None):
    return subprocess.run(
        [sys.executable, "-m", "kopsavilkums", *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        env={**os.environ, **(env or {})},
    )


def test_version():
    result = run("--version")
    assert result.returncode == 0 and result.stdout.strip() == f"Kopsavilkums {__version__}"


def test_pdf_of_the_seed_is_written_and_its_problems_go_to_stderr(tmp_path):
    out = tmp_path / "seed.pdf"
    result = run("pdf", SEED, "-o", out)
    assert result.returncode == 0, result.stderr
    assert out.read_bytes().startswith(b"%PDF-")
    assert "signatory.name" in result.stderr and result.stdout == ""


def test_validate_exit_codes(tmp_path):
    assert run("validate", COMPLETE).returncode == 0
    assert run("validate", SEED).returncode == 1  # no signatory: not ready to submit
    assert run("validate", "--as-draft", SEED).returncode == 0


def test_problems_are_told_in_latvian_for_a_latvian_locale():
    result = run("validate", SEED, env={"KOPSAVILKUMS_LANG": "lv_LV.UTF-8"})
    assert "kļūda: signatory.name: Jānorāda parakstītāja vārds un uzvārds." in result.stderr


@pytest.mark.parametrize(
    "content, says",
    [
        (b"{not json", "not a valid JSON file"),
        (b"", "The file is empty"),
        (
            json.dumps(
                {
                    "format": "kopsavilkums",
                    "version": 1,
                    "report": {"budget": [{"year": 2019}, {"year": 2020, "planned": "12,3,4"}]},
                }
            ).encode(),
            'report.budget[1].planned: "12,3,4" is not an amount',
        ),
        (b"\x00\x01\x02", "it holds binary data"),
    ],
)
def test_an_unreadable_file_gets_one_clear_line_and_exit_2(tmp_path, content, says):
    bad = tmp_path / "bad.json"
    bad.write_bytes(content)
    for command in (["validate", bad], ["pdf", bad, "-o", tmp_path / "x.pdf"]):
        result = run(*command)
        assert result.returncode == 2
        assert says in result.stderr
        assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "x.pdf").exists()


def test_a_missing_file_and_an_unwritable_output(tmp_path):
    result = run("pdf", tmp_path / "missing.json", "-o", tmp_path / "x.pdf")
    assert result.returncode == 2 and "no such file" in result.stderr
    result = run("pdf", COMPLETE, "-o", tmp_path / "no-such-folder" / "x.pdf")
    assert result.returncode == 3 and "cannot be written" in result.stderr and "Traceback" not in result.stderr


def test_the_command_line_does_not_import_qt(tmp_path):
    probe = (
        "import sys; from kopsavilkums.cli import main; "
        f"code = main(['pdf', {str(COMPLETE)!r}, '-o', {str(tmp_path / 'x.pdf')!r}]); "
        "main(['validate', " + repr(str(COMPLETE)) + "]); "
        "assert not any(m.startswith('PySide6') for m in sys.modules), 'Qt was imported'; sys.exit(code)"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr


def test_a_mistyped_command_or_missing_file_is_told_without_opening_a_window(tmp_path):
    for word in ("lsit", str(tmp_path / "missing.kopsavilkums.json")):
        result = run(word)
        assert result.returncode == 2
        assert "no such file or command" in result.stderr and "Traceback" not in result.stderr


def test_pdf_with_e_signature_prints_the_e_document_note_instead_of_a_signature_line(tmp_path):
    from pypdf import PdfReader

    from kopsavilkums.official import E_SIGNATURE_NOTE

    out = tmp_path / "e.pdf"
    assert run("pdf", COMPLETE, "-o", out, "--e-signature").returncode == 0
    text = " ".join(" ".join(page.extract_text() for page in PdfReader(out).pages).split())
    assert E_SIGNATURE_NOTE in text and "Paraksts:" not in text
    assert "Paraksts:" in " ".join(page.extract_text() for page in PdfReader(_pdf_of(COMPLETE, tmp_path)).pages)


def _pdf_of(source, tmp_path):
    out = tmp_path / "by-hand.pdf"
    assert run("pdf", source, "-o", out).returncode == 0
    return out


def test_import_validate_and_pdf_take_the_published_text_of_a_summary(tmp_path):
    published = SEED.parents[2] / "tests" / "convert" / "samples" / "kurzemes-nvo-centrs-published.txt"
    env = {"KOPSAVILKUMS_DATA_DIR": str(tmp_path / "data")}
    assert run("validate", published, "--as-draft").returncode == 0
    assert run("pdf", published, "-o", tmp_path / "seed.pdf").returncode == 0
    imported = run("import", published, env=env)
    assert imported.returncode == 0, imported.stderr
    assert "Kopsavilkums par atsevišķu valsts pārvaldes uzdevumu" in run("list", env=env).stdout


@pytest.mark.parametrize("ending", [".kopsavilkums.json", ".pdf", ".docx", ".html", ".txt"])
def test_convert_writes_the_format_the_output_ending_names_and_says_so(tmp_path, ending):
    out = tmp_path / f"kopsavilkums{ending}"
    result = run("convert", COMPLETE, "-o", out)
    assert result.returncode == 0, result.stderr
    assert out.stat().st_size > 0 and f"{out.name}: written" in result.stderr
    # And it reads back: every format the program writes, it reads. The published text carries
    # the official rows only, not the signature block, so it is a valid draft, not a copy to sign.
    as_draft = ["--as-draft"] if ending == ".txt" else []
    again = run("validate", out, *as_draft)
    assert again.returncode == 0 and ("a valid draft" if as_draft else "valid, ready to sign") in again.stderr


def test_convert_refuses_an_ending_it_does_not_write_before_reading_anything(tmp_path):
    result = run("convert", tmp_path / "missing.json", "-o", tmp_path / "x.odt")
    assert result.returncode == 2 and "unknown file ending" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "x.odt").exists()


def test_a_document_that_cannot_be_made_is_one_line_not_a_traceback(tmp_path, monkeypatch, capsys):
    from kopsavilkums import cli
    from kopsavilkums.convert import writing

    def broken(report, problems):
        raise FileNotFoundError(2, "No such file or directory", "docx/templates/default-footer.xml")

    monkeypatch.setattr(writing, "render", lambda report, fmt, problems=None: broken(report, problems))
    assert cli.main(["convert", str(COMPLETE), "-o", str(tmp_path / "x.docx")]) == 3
    err = capsys.readouterr().err
    assert "the document could not be made (FileNotFoundError" in err and "Traceback" not in err
    assert not (tmp_path / "x.docx").exists()
