"""Hostile input in the playground: /dev/zero in the open prompt, a 10,000-layer network."""

from __future__ import annotations

import numpy as np
import pytest

from nntui.app.app import NNTuiApp
from nntui.app.screens.path_prompt import OpenPathPrompt
from nntui.app.widgets.layer_view import LayerView
from nntui.app.widgets.network_view import MAX_MOUNTED_COLUMNS, NetworkView
from nntui.core.fileformat import dumps_network
from nntui.core.network import DenseLayer, Network
from nntui.document.selection import Selection

from .helpers import preset_app, selection, widget_text

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
    return [view.column for view in app.query(LayerView)]


def _in_view(app: NNTuiApp, column: int) -> bool:
    network_view = app.query_one(NetworkView)
    view = network_view.column_view(column)
    return network_view.region.contains_region(view.region)


@pytest.mark.slow  # 12 s: 10,000 columns walked
async def test_a_10000_layer_network_opens_and_every_column_can_be_reached() -> None:
    app = NNTuiApp(_deep(10_000))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert len(_mounted(app)) <= MAX_MOUNTED_COLUMNS
        assert _mounted(app) == list(range(len(_mounted(app))))  # from the input layer on
        hidden = 10_001 - len(_mounted(app))
        assert f"{hidden} more layers ▶" in widget_text(app.query_one("#more-right"))
        assert not app.query_one("#more-left").display
        for _ in range(3):
            await pilot.press("right")
        assert selection(app) == Selection(3, 0, 0)
        assert _in_view(app, 3)
        for _ in range(MAX_MOUNTED_COLUMNS + 5):
            await pilot.press("right")
        column = 3 + MAX_MOUNTED_COLUMNS + 5
        await pilot.pause()
        assert selection(app) == Selection(column, 0, 0)
        assert column in _mounted(app) and len(_mounted(app)) <= MAX_MOUNTED_COLUMNS
        assert _in_view(app, column)
        assert "▶y" not in widget_text(app.query_one(NetworkView).column_view(column))  # a hidden layer
        assert app.query_one("#more-left").display
        await pilot.press("left")
        await pilot.pause()
        assert selection(app) == Selection(column - 1, 0, 0)
        assert _in_view(app, column - 1)
        # The last layer too, after a jump there (a click, an undo, a search would do the same).
        app.document.select(Selection(10_000, 0, 0))
        await pilot.pause()
        assert _in_view(app, 10_000)
        assert "output" in widget_text(app.query_one(NetworkView).column_view(10_000))
        assert not app.query_one("#more-right").display
        await pilot.press("left")
        await pilot.pause()
        assert selection(app) == Selection(9_999, 0, 0) and _in_view(app, 9_999)
        assert len(_mounted(app)) <= MAX_MOUNTED_COLUMNS


async def test_a_normal_network_mounts_every_column_and_says_nothing_is_hidden() -> None:
    app = preset_app("layers")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert _mounted(app) == list(range(len(app.document.network.layers) + 1))
        assert not app.query_one("#more-left").display and not app.query_one("#more-right").display
