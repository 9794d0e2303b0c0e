"""Fixtures for the draft store tests: a fresh store file in a temporary folder."""

from __future__ import annotations

import pytest


@pytest.fixture
def store_path(tmp_path):
    return tmp_path / "data" / "drafts.json"


@pytest.fixture
def store(store_path):
    from kopsavilkums.store import DraftStore

    with DraftStore(store_path) as opened:
        yield opened
