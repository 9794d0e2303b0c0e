"""Hermetic tests: no screen, no real user's files.

Qt runs offscreen (CI has no display), and every place the program could write — the draft
store, QSettings, the crash log — points into a temporary folder for the whole session, so a
test can never touch a real user's drafts.

Property tests (Hypothesis) run the ``gate`` profile by default: derandomised, so every run —
CI's included — tries the same examples and a change is judged by what it changed, not by the
luck of the draw. ``KOPSAVILKUMS_HYPOTHESIS=explore`` draws fresh examples (and keeps failures in
``.hypothesis/``) to look for new bugs; each failure it finds is fixed and then pinned in the
test with ``@example`` so that the gate tries it from then on.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
settings.register_profile("gate", derandomize=True, database=None, print_blob=True)
settings.register_profile("explore", print_blob=True)
settings.load_profile(os.environ.get("KOPSAVILKUMS_HYPOTHESIS", "gate"))
_SANDBOX = Path(tempfile.mkdtemp(prefix="kopsavilkums-tests-"))
for _var, _sub in (
    ("KOPSAVILKUMS_DATA_DIR", "data"),
    ("XDG_CONFIG_HOME", "config"),
    ("XDG_DATA_HOME", "share"),
    ("XDG_CACHE_HOME", "cache"),
):
    os.environ[_var] = str(_SANDBOX / _sub)
os.environ["KOPSAVILKUMS_LANG"] = "en"
# A PDF's dates are the time of printing unless SOURCE_DATE_EPOCH fixes them: the tests compare
# PDFs byte for byte, so they print at one fixed moment (2026-03-01 12:00 UTC).
os.environ["SOURCE_DATE_EPOCH"] = "1772366400"

EXAMPLES = Path(__file__).resolve().parent.parent / "resources" / "examples"
SEED = EXAMPLES / "kurzemes-nvo-centrs-2019-2020.kopsavilkums.json"
COMPLETE = EXAMPLES / "latgales-jauniesu-forums-2021-2023.kopsavilkums.json"


@pytest.fixture
def seed_report():
    from kopsavilkums import exchange

    return exchange.read(SEED)


@pytest.fixture
def complete_report():
    from kopsavilkums import exchange

    return exchange.read(COMPLETE)


@pytest.fixture
def store_path(tmp_path):
    """Where a draft store test keeps its file (the folder does not exist yet)."""
    return tmp_path / "data" / "drafts.json"


@pytest.fixture
def store(store_path):
    from kopsavilkums.store import DraftStore

    with DraftStore(store_path) as opened:
        yield opened
