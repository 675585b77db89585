"""Hostile input in the playground: /dev/zero in the open prompt, a 10,000-layer network."""

from __future__ import annotations

import re

import numpy as np
import pytest

from nntui.app.app import NNTuiApp
from nntui.app.screens.path_prompt import OpenPathPrompt
from nntui.app.widgets.column_window import MAX_DRAWN_COLUMNS
from nntui.app.widgets.network_canvas import NetworkCanvas
from nntui.core.fileformat import dumps_network
from nntui.core.network import DenseLayer, Network
from nntui.document.selection import Selection

from .helpers import column_text, preset_app, selection, widget_text

SIZE = (120, 36)


async def test_ctrl_o_on_dev_zero_says_so_and_keeps_the_network() -> None:
    app = preset_app("potatoes")
    async with app.run_test(size=SIZE) as pilot:
        before = dumps_network(app.document.network)
        await pilot.press("ctrl+o", *"/dev/zero", "enter")
        assert isinstance(app.screen, OpenPathPrompt)
        assert "/dev/zero: is a device, not a network file" in widget_text(app.screen.query_one("#error"))
        await pilot.press("escape")
        assert dumps_network(app.document.network) == before


def _deep(layers: int) -> Network:
    """``layers`` linear layers of one neuron each."""
    return Network(
        ["x"], np.array([0.5]), [DenseLayer(np.ones((1, 1)), np.zeros(1), "linear") for _ in range(layers)], "deep"
    )


def _mounted(app: NNTuiApp) -> list[int]:
    return [view.column for view in app.query_one(NetworkCanvas).columns]


def _left_out(app: NNTuiApp, side: str) -> bool:
    """Whether the network says, on the ``side`` ("left" or "right"), that layers are left out."""
    text = app.query_one(NetworkCanvas).line_text(1)  # scrolled into sight or not
    pattern = r"◀ [\d,]+ more layers?" if side == "left" else r"[\d,]+ more layers? ▶"
    return re.search(pattern, text) is not None


def _in_view(app: NNTuiApp, column: int) -> bool:
    network_view = app.query_one(NetworkCanvas)
    return network_view.scrollable_content_region.contains_region(network_view.column_region(column))


@pytest.mark.slow  # 12 s: 10,000 columns walked
async def test_a_10000_layer_network_opens_and_every_column_can_be_reached() -> None:
    app = NNTuiApp(_deep(10_000))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert len(_mounted(app)) <= MAX_DRAWN_COLUMNS
        assert _mounted(app) == list(range(len(_mounted(app))))  # from the input layer on
        hidden = 10_001 - len(_mounted(app))
        assert f"{hidden} more layers ▶" in app.query_one(NetworkCanvas).line_text(1)
        assert not _left_out(app, "left")
        for _ in range(3):
            await pilot.press("right")
        assert selection(app) == Selection(3, 0, 0)
        assert _in_view(app, 3)
        for _ in range(MAX_DRAWN_COLUMNS + 5):
            await pilot.press("right")
        column = 3 + MAX_DRAWN_COLUMNS + 5
        await pilot.pause()
        assert selection(app) == Selection(column, 0, 0)
        assert column in _mounted(app) and len(_mounted(app)) <= MAX_DRAWN_COLUMNS
        assert _in_view(app, column)
        assert "▶y" not in column_text(app.query_one(NetworkCanvas), column)  # a hidden layer
        assert _left_out(app, "left")
        await pilot.press("left")
        await pilot.pause()
        assert selection(app) == Selection(column - 1, 0, 0)
        assert _in_view(app, column - 1)
        # The last layer too, after a jump there (a click, an undo, a search would do the same).
        app.document.select(Selection(10_000, 0, 0))
        await pilot.pause()
        assert _in_view(app, 10_000)
        assert "output" in column_text(app.query_one(NetworkCanvas), 10_000)
        assert not _left_out(app, "right")
        await pilot.press("left")
        await pilot.pause()
        assert selection(app) == Selection(9_999, 0, 0) and _in_view(app, 9_999)
        assert len(_mounted(app)) <= MAX_DRAWN_COLUMNS


async def test_a_normal_network_mounts_every_column_and_says_nothing_is_hidden() -> None:
    app = preset_app("layers")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert _mounted(app) == list(range(len(app.document.network.layers) + 1))
        assert not _left_out(app, "left") and not _left_out(app, "right")
