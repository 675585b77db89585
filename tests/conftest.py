"""Settings every test shares."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def private_state_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Recovery copies go to a fresh folder per test, never to the real home."""
    directory = tmp_path_factory.mktemp("state")
    monkeypatch.setenv("NNTUI_STATE_DIR", str(directory))
    return directory
