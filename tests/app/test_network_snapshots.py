"""Snapshots of the network view: every kind of network at three terminal sizes.

Regenerate with `python -m pytest tests/app/test_network_snapshots.py --snapshot-update`
and look at every changed SVG before committing it.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pytest

from nntui.app.app import NNTuiApp
from nntui.core.shape import fresh_network

from .helpers import big_network, preset_app, train_on_circle

pytestmark = pytest.mark.snapshot

SIZES = [(80, 24), (120, 36), (200, 60)]


def _deep() -> NNTuiApp:
    """TensorFlow Playground's largest network: 2 inputs, 6 hidden layers of 8, 1 output."""
    return NNTuiApp(fresh_network([2, 8, 8, 8, 8, 8, 8, 1], np.random.default_rng(0)))


NETWORKS: dict[str, Callable[[], NNTuiApp]] = {
    "potatoes": lambda: preset_app("potatoes"),
    "layers": lambda: preset_app("layers"),
    "xor": lambda: preset_app("xor"),
    "2-8x6-1": _deep,
    "784-128-10": lambda: NNTuiApp(big_network()),
}


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("name", NETWORKS)
def test_network(snap_compare, name: str, size: tuple[int, int]) -> None:
    # The middle neuron of the second column selected, with its first weight: its links stand out.
    assert snap_compare(NETWORKS[name](), press=["right", "down"], terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_training_view(snap_compare, size: tuple[int, int]) -> None:
    assert snap_compare(preset_app("xor"), run_before=train_on_circle, terminal_size=size)


def test_without_colour(snap_compare, monkeypatch: pytest.MonkeyPatch) -> None:
    """NO_COLOR: the sign of every link still reads (negative links are dashed)."""
    monkeypatch.setenv("NO_COLOR", "1")
    assert snap_compare(preset_app("xor"), press=["right"], terminal_size=(120, 36))
