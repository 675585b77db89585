"""Shared helpers for the playground's Pilot and snapshot tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from nntui.core.fileformat import save_network
from nntui.core.presets import load_preset


@pytest.fixture
def saved_xor(tmp_path: Path) -> Path:
    """The xor preset written to a file in a temporary folder."""
    path = tmp_path / "xor.json"
    save_network(load_preset("xor"), path)
    return path
