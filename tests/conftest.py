"""Settings every test shares."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def english(monkeypatch: pytest.MonkeyPatch):
    """Tests read English unless they ask for French, whatever the machine's locale."""
    from nntui.i18n import set_language

    monkeypatch.setenv("LC_ALL", "C.UTF-8")  # for the nntui processes tests start
    set_language("en")
    yield
    set_language("en")


@pytest.fixture(autouse=True)
def private_state_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Recovery copies go to a fresh folder per test, never to the real home."""
    directory = tmp_path_factory.mktemp("state")
    monkeypatch.setenv("NNTUI_STATE_DIR", str(directory))
    return directory
