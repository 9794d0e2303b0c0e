"""Where ``pdf``, ``convert`` and ``export`` write: the careless and the hostile output name.

Each case asserts what the person at the terminal sees — the exit status (3: cannot be written,
2: a command misused), one line naming the output and why, in their language — and what is on
the disk afterwards: the file they read still there, no half-written or temporary file left.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from kopsavilkums import cli
from restricted import NOBODY, shared_folder, small_disk

EXAMPLES = Path(__file__).resolve().parent.parent / "resources" / "examples"
COMPLETE = EXAMPLES / "latgales-jauniesu-forums-2021-2023.kopsavilkums.json"


@pytest.fixture
def run(tmp_path, capsys, monkeypatch):
    def run(*arguments, lang: str = "en") -> tuple[int, str]:
        monkeypatch.setenv("KOPSAVILKUMS_LANG", lang)
        try:
            code = cli.main(["--data-dir", str(tmp_path / "data"), *map(str, arguments)])
        except SystemExit as exited:  # argparse
            code = exited.code
        err = capsys.readouterr().err
        assert "Traceback" not in err
        return code, err.splitlines()[-1]

    return run


@pytest.fixture
def draft(tmp_path) -> Path:
    path = tmp_path / "mine.kopsavilkums.json"
    path.write_bytes(COMPLETE.read_bytes())
    return path


def _left(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir()}


# ------------------------------------------------------------------------- the input itself


@pytest.mark.parametrize("command, ending", [("pdf", ".pdf"), ("convert", ".json"), ("convert", ".docx")])
def test_the_output_is_never_the_file_being_read(run, draft, tmp_path, command, ending):
    # "pdf draft.kopsavilkums.json -o draft.kopsavilkums.json" put a PDF where the draft was
    # (now refused by its ending), "convert page.html -o page.html" our page where theirs was.
    source = tmp_path / f"source{ending}"
    assert run("convert", draft, "-o", source)[0] == 0
    before = source.read_bytes()
    (tmp_path / f"link{ending}").symlink_to(source)
    os.link(source, tmp_path / f"hard{ending}")
    for output in (source, tmp_path / f"link{ending}", tmp_path / f"hard{ending}"):
        code, line = run(command, source, "-o", output)
        assert (code, line) == (
            3,
            f"kopsavilkums: {output}: cannot be written "
            "(it is the file being read; choose another name, so that it is not written over)",
        )
    assert source.read_bytes() == before and (tmp_path / f"link{ending}").is_symlink()


def test_a_page_converted_onto_itself_is_refused_in_latvian_too(run, tmp_path, draft):
    page = tmp_path / "ministrija.html"
    assert run("convert", draft, "-o", page)[0] == 0
    before = page.read_bytes()
    assert run("convert", page, "-o", page, lang="lv") == (
        3,
        f"kopsavilkums: {page}: nevar ierakstīt "
        "(tas ir lasāmais fails; izvēlieties citu faila nosaukumu, lai tas netiktu pārrakstīts)",
    )
    assert page.read_bytes() == before


# ------------------------------------------------------------------------- the wrong ending


def test_pdf_refuses_an_ending_that_names_another_format(run, draft, tmp_path):
    # A PDF called report.docx opened in nothing that expects Word.
    code, line = run("pdf", draft, "-o", tmp_path / "report.docx")
    assert (code, line) == (
        2,
        'kopsavilkums: "report.docx": this ending is that of a Word document, but the pdf command writes a PDF; '
        "use the ending .pdf, or the convert command.",
    )
    assert run("pdf", draft, "-o", tmp_path / "zinojums.html", lang="lv") == (
        2,
        "kopsavilkums: „zinojums.html”: šis paplašinājums ir formātam „Tīmekļa lapa”, bet komanda pdf raksta PDF; "
        "lietojiet paplašinājumu .pdf vai komandu convert.",
    )
    assert _left(tmp_path) == {draft.name}
    assert run("pdf", draft, "-o", tmp_path / "report")[0] == 0  # no ending: a PDF, as asked
    assert (tmp_path / "report").read_bytes().startswith(b"%PDF-")


def test_an_output_without_a_known_ending_is_refused_by_convert_and_export(run, draft, tmp_path):
    for name in ("report", "report.xyz", ".pdf", "report.pdf.", "report.PDF "):
        code, line = run("convert", draft, "-o", tmp_path / name)
        assert code == 2 and "unknown file ending" in line, (name, line)
    assert _left(tmp_path) == {draft.name}


# ------------------------------------------------------------------------- why it cannot be written


def test_why_an_output_cannot_be_written_is_said_in_the_users_language(run, draft, tmp_path):
    (tmp_path / "a-file").write_text("")
    cases = {
        tmp_path / "no-folder" / "x.pdf": ("there is no such folder", "šādas mapes nav"),
        tmp_path / "a-file" / "x.pdf": (
            "a part of the path is a file, not a folder",
            "daļa no ceļa ir fails, nevis mape",
        ),
        tmp_path / ("x" * 300 + ".pdf"): ("the name is too long", "nosaukums ir pārāk garš"),
    }
    for output, (en, lv) in cases.items():
        assert run("convert", draft, "-o", output) == (3, f"kopsavilkums: {output}: cannot be written ({en})")
        assert run("convert", draft, "-o", output, lang="lv") == (3, f"kopsavilkums: {output}: nevar ierakstīt ({lv})")
    assert _left(tmp_path) == {draft.name, "a-file"}


def test_a_read_only_and_a_full_disk(run, draft, tmp_path):
    with small_disk(tmp_path / "ro", read_only=True) as disk:
        assert run("convert", draft, "-o", disk / "x.docx", lang="lv") == (
            3,
            f"kopsavilkums: {disk / 'x.docx'}: nevar ierakstīt (disks ir tikai lasāms)",
        )
    with small_disk(tmp_path / "full", full=True) as disk:
        before = _left(disk)
        assert run("convert", draft, "-o", disk / "x.pdf") == (
            3,
            f"kopsavilkums: {disk / 'x.pdf'}: cannot be written (the disk is full)",
        )
        assert _left(disk) == before  # no temporary file left behind


@pytest.mark.skipif(sys.platform == "win32", reason="a file size limit is POSIX")
def test_a_file_size_limit_in_a_real_process(draft, tmp_path):
    # "ulimit -f": Python ignores SIGXFSZ, so the write fails with EFBIG instead of killing it.
    def limit():
        resource.setrlimit(resource.RLIMIT_FSIZE, (10_000, 10_000))

    result = subprocess.run(
        [sys.executable, "-m", "kopsavilkums", "convert", str(draft), "-o", str(tmp_path / "x.pdf")],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "KOPSAVILKUMS_LANG": "en"},
        preexec_fn=limit,
    )
    assert result.returncode == 3 and "Traceback" not in result.stderr
    assert result.stderr.splitlines()[-1] == (
        f"kopsavilkums: {tmp_path / 'x.pdf'}: cannot be written (the file would be larger than allowed)"
    )
    assert _left(tmp_path) == {draft.name}


# ------------------------------------------------------------------------- links


def test_a_link_at_the_output_is_replaced_and_what_it_points_to_never_written(run, draft):
    # A link planted in a shared folder, pointing at another user's file: the program writes its
    # own new file in the link's place; the other user's file keeps every byte.
    with shared_folder() as shared:
        victim = shared / "theirs.pdf"
        victim.write_bytes(b"their own")
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            os.chown(victim, NOBODY, NOBODY)
        (shared / "report.pdf").symlink_to(victim)
        assert run("convert", draft, "-o", shared / "report.pdf")[0] == 0
        assert victim.read_bytes() == b"their own"
        assert not (shared / "report.pdf").is_symlink()
        assert (shared / "report.pdf").read_bytes().startswith(b"%PDF-")
