"""Hermetic tests: no screen, no real user's files.

Qt runs offscreen (CI has no display), and every place the program could write — the draft
store, QSettings, the crash log — points into a temporary folder for the whole session, so a
test can never touch a real user's drafts.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
_SANDBOX = Path(tempfile.mkdtemp(prefix="kopsavilkums-tests-"))
for _var, _sub in (
    ("KOPSAVILKUMS_DATA_DIR", "data"),
    ("XDG_CONFIG_HOME", "config"),
    ("XDG_DATA_HOME", "share"),
    ("XDG_CACHE_HOME", "cache"),
):
    os.environ[_var] = str(_SANDBOX / _sub)
os.environ["KOPSAVILKUMS_LANG"] = "en"

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
