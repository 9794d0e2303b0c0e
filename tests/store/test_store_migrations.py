"""The store's own schema version: old stores upgraded after a backup, newer ones refused."""

from __future__ import annotations

import json
import shutil

import pytest

from kopsavilkums.store import DraftStore, StoreError, StoreUnwritable, migrations


def _file(path):
    return json.loads(path.read_text("utf-8"))


def test_a_new_store_records_its_schema(store, store_path):
    assert _file(store_path)["meta"]["1"]["schema"] == migrations.SCHEMA_VERSION


def test_an_older_store_is_backed_up_then_upgraded_on_open(store_path, seed_report, monkeypatch):
    with DraftStore(store_path) as store:
        draft_id = store.save(seed_report)
    old_bytes = store_path.read_bytes()

    def add_label(tables):  # a made-up schema 2: each draft gets a label
        for record in tables["drafts"].values():
            record["label"] = "migrated"
        return tables

    monkeypatch.setattr(migrations, "SCHEMA_VERSION", 2)
    monkeypatch.setitem(migrations.MIGRATIONS, 1, add_label)
    with DraftStore(store_path) as store:
        assert store.load(draft_id) == seed_report
    upgraded = _file(store_path)
    assert upgraded["meta"]["1"]["schema"] == 2
    assert upgraded["drafts"][draft_id]["label"] == "migrated"
    kept = list((store_path.parent / "drafts-backups").glob("drafts-before-schema-1-*.json"))
    assert [path.read_bytes() for path in kept] == [old_bytes]


def test_a_store_from_a_newer_version_is_refused_untouched(store_path, seed_report):
    with DraftStore(store_path) as store:
        store.save(seed_report)
    tables = _file(store_path)
    tables["meta"]["1"]["schema"] = migrations.SCHEMA_VERSION + 1
    store_path.write_text(json.dumps(tables), "utf-8")
    before = store_path.read_bytes()
    with pytest.raises(StoreError, match="newer Kopsavilkums"):
        DraftStore(store_path)
    with pytest.raises(StoreError):
        DraftStore(store_path, read_only=True)
    assert store_path.read_bytes() == before


def test_an_empty_tinydb_file_becomes_a_store_keeping_what_it_held(store_path):
    store_path.parent.mkdir(parents=True)
    store_path.write_text('{"_default": {"1": {"note": "kept"}}}', "utf-8")
    with DraftStore(store_path) as store:
        assert store.repaired is None and store.list() == []
    tables = _file(store_path)
    assert tables["_default"] == {"1": {"note": "kept"}}
    assert tables["meta"]["1"]["schema"] == migrations.SCHEMA_VERSION


def test_an_upgrade_that_cannot_keep_its_copy_changes_nothing(store_path, seed_report, monkeypatch):
    with DraftStore(store_path) as store:
        store.save(seed_report)
    before = store_path.read_bytes()
    backups = store_path.parent / "drafts-backups"
    shutil.rmtree(backups)
    backups.write_bytes(b"")  # a file where the folder should be: no copy can be kept
    monkeypatch.setattr(migrations, "SCHEMA_VERSION", 2)
    monkeypatch.setitem(migrations.MIGRATIONS, 1, lambda tables: tables)
    with pytest.raises(StoreUnwritable, match="cannot be upgraded"):
        DraftStore(store_path)
    assert store_path.read_bytes() == before
