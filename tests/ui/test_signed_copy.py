"""The signed copy in the window: attached to a draft (which becomes submitted), shown in the
drafts list with who signed it and when, opened and exported; importing a signed PDF of a stored
draft offers to keep it with that draft instead of adding a new one."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import SEED
from kopsavilkums import exchange
from kopsavilkums.ui.models.drafts import StateRole


@pytest.fixture(scope="module")
def signed_seed(tmp_path_factory):
    """The seed's PDF, signed by "Anna Ozola" with a key on the SoftHSM2 token."""
    from kopsavilkums.convert.writing import format_by_key, render
    from signed import signing

    _ca, token = signing.shared_token(tmp_path_factory)
    pdf = render(exchange.read(SEED), format_by_key("pdf"))
    return signing.sign(pdf, token.signer("Anna Ozola"))


def _state_of(window, draft_id):
    model = window.drafts_model
    return model.index(model.row_of(draft_id), 0).data(StateRole)


def test_attach_the_signed_copy_marks_the_draft_submitted_and_the_list_says_who_signed(
    qtbot, make_window, seeded_store, dialogs, tmp_path, signed_seed
):
    window = make_window(seeded_store)
    draft_id = seeded_store.list()[0].id
    window.operations.open(draft_id)
    assert not window.commands["open_signed"].isEnabled()
    signed = tmp_path / "parakstīts.pdf"
    signed.write_bytes(signed_seed)
    dialogs.answer("open_file_name", str(signed))
    with qtbot.waitSignal(window.files.signed_kept):
        window.commands["attach_signed"].trigger()
    assert window.status == "submitted" and window.doc.read_only
    assert _state_of(window, draft_id).startswith("Signed by Anna Ozola on ")
    assert window.banner.isVisible() and window.banner_text.text().startswith("Signed by Anna Ozola, ")
    assert window.commands["open_signed"].isEnabled() and window.commands["export_signed"].isEnabled()

    opened = []
    dialogs.open_in_viewer = opened.append
    window.commands["open_signed"].trigger()
    assert [Path(p).read_bytes() for p in opened] == [signed_seed]

    out = tmp_path / "out.pdf"
    dialogs.answer("save_file_name", str(out))
    with qtbot.waitSignal(window.files.exported):
        window.commands["export_signed"].trigger()
    assert out.read_bytes() == signed_seed


def test_a_signed_copy_of_another_summary_is_asked_about(
    qtbot, make_window, open_store, complete_report, dialogs, tmp_path, signed_seed
):
    store = open_store()
    draft_id = store.save(complete_report)
    window = make_window(store)
    window.operations.open(draft_id)
    signed = tmp_path / "cits.pdf"
    signed.write_bytes(signed_seed)
    dialogs.answer("ask_yes_no", False)
    window.files.attach_signed_copy(signed)
    qtbot.waitUntil(lambda: bool(dialogs.questions("ask_yes_no")))
    [(question,)] = dialogs.questions("ask_yes_no")
    assert "differs from this draft" in question
    window.files.wait()
    assert window.status == "draft" and store.info(draft_id).signed_by is None


def test_importing_a_signed_pdf_of_a_stored_draft_offers_to_keep_it_with_that_draft(
    qtbot, make_window, seeded_store, dialogs, tmp_path, signed_seed
):
    window = make_window(seeded_store)
    draft_id = seeded_store.list()[0].id
    signed = tmp_path / "parakstīts.pdf"
    signed.write_bytes(signed_seed)
    dialogs.answer("ask_yes_no", True)
    with qtbot.waitSignal(window.files.signed_kept):
        window.import_file(signed)
    [(question,)] = dialogs.questions("ask_yes_no")
    assert "signed copy of the stored draft" in question and "Anna Ozola" in question
    assert [d.id for d in seeded_store.list()] == [draft_id]  # kept with it: no new draft
    assert window.draft_id == draft_id and window.status == "submitted"
    assert seeded_store.info(draft_id).signed_by == "Anna Ozola"


def test_a_signed_pdf_declined_as_a_copy_imports_with_its_signature_in_the_preview(
    qtbot, make_window, seeded_store, dialogs, tmp_path, signed_seed
):
    window = make_window(seeded_store)
    signed = tmp_path / "parakstīts.pdf"
    signed.write_bytes(signed_seed)
    dialogs.answer("ask_yes_no", False)
    dialogs.answer("confirm_import", True)
    with qtbot.waitSignal(window.files.imported):
        window.import_file(signed)
    [(_question, details)] = dialogs.questions("confirm_import")
    assert "Signed by “Anna Ozola”" in details and "the signed data is intact" in details
    assert len(seeded_store.list()) == 2
