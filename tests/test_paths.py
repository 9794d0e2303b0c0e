"""Where the data lives: --data-dir beats KOPSAVILKUMS_DATA_DIR beats the platform's folder."""

from __future__ import annotations

import sys

import pytest

from kopsavilkums import paths


def test_the_option_beats_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv(paths.ENV_VAR, str(tmp_path / "from-env"))
    assert paths.data_dir(tmp_path / "from-option") == tmp_path / "from-option"
    assert (tmp_path / "from-option").is_dir()


def test_the_environment_beats_the_platform_folder(tmp_path, monkeypatch):
    monkeypatch.setenv(paths.ENV_VAR, str(tmp_path / "from-env"))
    assert paths.data_dir() == tmp_path / "from-env"


def test_without_either_the_platform_app_data_folder_for_kopsavilkums_is_used(tmp_path, monkeypatch):
    monkeypatch.delenv(paths.ENV_VAR, raising=False)
    monkeypatch.setattr(paths, "user_data_dir", lambda app, appauthor: str(tmp_path / "platform" / app))
    assert paths.data_dir() == tmp_path / "platform" / "Kopsavilkums"
    assert paths.store_path(paths.data_dir()) == tmp_path / "platform" / "Kopsavilkums" / "drafts.json"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the XDG folder is Linux's")
def test_on_linux_it_is_the_xdg_data_folder(monkeypatch, tmp_path):
    monkeypatch.delenv(paths.ENV_VAR, raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    assert paths.data_dir() == tmp_path / "share" / "Kopsavilkums"
