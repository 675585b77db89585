"""Shared helpers for the playground's Pilot and snapshot tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from nntui.app.app import NNTuiApp
from nntui.core.factory import random_network
from nntui.core.fileformat import save_network
from nntui.core.network import Network
from nntui.core.presets import load_preset


def big_network() -> Network:
    """The 784-128-10 network of the scale tests: seeded, so snapshots are stable."""
    return random_network((784, 128, 10), activation="relu", output_activation="softmax", seed=1)


def preset_app(name: str = "potatoes") -> NNTuiApp:
    return NNTuiApp(load_preset(name), preset=name)


@pytest.fixture
def saved_xor(tmp_path: Path) -> Path:
    """The xor preset written to a file in a temporary folder."""
    path = tmp_path / "xor.json"
    save_network(load_preset("xor"), path)
    return path
