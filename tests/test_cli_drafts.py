"""The draft commands as a user types them: messages, exit codes and what lands in the store."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kopsavilkums import cli, exchange
from kopsavilkums.store import DraftStore

SEED = (
    Path(__file__).resolve().parent.parent
    / "resources"
    / "examples"
    / "kurzemes-nvo-centrs-2019-2020.kopsavilkums.json"
)


@pytest.fixture
def run(tmp_path, capsys):
    folder = tmp_path / "data"

    def run(*arguments: str) -> tuple[int, str, str]:
        code = cli.main(["--data-dir", str(folder), *arguments])
        out, err = capsys.readouterr()
        return code, out, err

    run.folder = folder
    return run


def _import(run, path) -> str:
    code, out, err = run("import", str(path))
    assert code == 0, err
    return out.strip()


def test_import_prints_the_new_id_and_list_shows_id_title_period_change_and_status(run, seed_report):
    draft_id = _import(run, SEED)
    code, out, _ = run("list")
    assert code == 0
    (line,) = out.splitlines()
    assert line.startswith(draft_id)
    assert seed_report.title in line  # the full title, not cut short
    assert "12.08.2019. – 31.10.2020." in line
    assert " draft " in line
    with DraftStore(run.folder / "drafts.json") as store:
        assert exchange.dumps(store.load(draft_id)) == exchange.dumps(seed_report)


def test_list_in_latvian(run, monkeypatch):
    _import(run, SEED)
    monkeypatch.setenv("KOPSAVILKUMS_LANG", "lv")
    code, out, _ = run("list")
    assert code == 0 and " melnraksts " in out


def test_an_empty_store_says_so(run):
    code, out, err = run("list")
    assert (code, out) == (0, "") and "no drafts" in err


def test_export_writes_a_draft_file_that_reads_back(run, tmp_path, seed_report):
    draft_id = _import(run, SEED)
    target = tmp_path / "out.kopsavilkums.json"
    code, _, err = run("export", draft_id[:6], "-o", str(target))  # a unique beginning of the id is enough
    assert code == 0, err
    assert exchange.dumps(exchange.read(target)) == exchange.dumps(seed_report)  # row ids stay inside the store
    assert json.loads(target.read_text("utf-8"))["format"] == "kopsavilkums"


def test_delete_and_restore(run):
    draft_id = _import(run, SEED)
    assert run("delete", draft_id)[0] == 0
    assert run("list")[1] == ""
    assert draft_id in run("list", "--trash")[1]
    code, _, err = run("restore", draft_id)
    assert code == 0 and "restored" in err
    assert draft_id in run("list")[1]


def test_pdf_of_a_stored_draft(run, tmp_path):
    draft_id = _import(run, SEED)
    out = tmp_path / "out.pdf"
    code, _, err = run("pdf", "--draft", draft_id, "-o", str(out))
    assert code == 0, err
    assert out.read_bytes().startswith(b"%PDF")


def test_unknown_or_ambiguous_ids_and_bad_files_are_clear_errors(run, tmp_path):
    code, _, err = run("export", "nosuch", "-o", str(tmp_path / "x.json"))
    assert code == 2 and "no draft nosuch" in err
    assert not (tmp_path / "x.json").exists()
    assert run("delete", "nosuch")[0] == 2
    assert run("pdf", "--draft", "nosuch", "-o", str(tmp_path / "x.pdf"))[0] == 2
    ids = {_import(run, SEED) for _ in range(20)}
    first_chars = {i[0] for i in ids}
    shared = next(c for c in first_chars if sum(i.startswith(c) for i in ids) > 1)
    code, _, err = run("delete", shared)
    assert code == 2 and "several drafts" in err
    bad = tmp_path / "bad.json"
    bad.write_text(
        '{"format": "kopsavilkums", "version": 1, "report": {"budget": [{"year": 2019, "planned": "12,3,4"}]}}', "utf-8"
    )
    code, out, err = run("import", str(bad))
    assert code == 2 and out == "" and "report.budget[0].planned" in err


def test_pdf_needs_exactly_one_source(run, tmp_path):
    with pytest.raises(SystemExit) as exited:
        run("pdf", "-o", str(tmp_path / "x.pdf"))
    assert exited.value.code == 2


def test_a_damaged_store_is_reported_on_the_command_line(run):
    draft_id = _import(run, SEED)
    (run.folder / "drafts.json").write_bytes(b"")
    code, out, err = run("list")
    assert code == 0 and draft_id in out
    assert "damaged" in err and "drafts.damaged-" in err
