"""Saving, exporting, opening or quitting while training runs: training ends first.

The document closes the stretch of training before any of these (its
``before_change`` hooks), so what is written is the network on screen, the
stretch is one undo step, and no work is replaced without asking.
"""

from __future__ import annotations

import asyncio

import numpy as np
import pytest
from textual import events

from nntui.app.app import NNTuiApp
from nntui.app.screens.path_prompt import OpenPathPrompt, SavePathPrompt
from nntui.app.screens.quit_prompt import QuitPrompt
from nntui.core.export import load_npz
from nntui.core.fileformat import load_network

from .helpers import enter_text, preset_app

SIZE = (140, 44)


def _weights(network) -> list[np.ndarray]:  # (Network) -> the arrays of every layer
    return [array.copy() for layer in network.layers for array in (layer.weights, layer.bias)]


async def _training(pilot, steps: int = 50) -> None:
    """The training view, a network that fits the data, playing until ``steps`` steps."""
    app: NNTuiApp = pilot.app
    await pilot.press("ctrl+t", "x", "space")
    deadline = asyncio.get_running_loop().time() + 10
    while app.document.training.steps < steps:
        assert asyncio.get_running_loop().time() < deadline, "training did not advance"
        await asyncio.sleep(0.02)
    assert app.playground.training.playing


async def _still(pilot) -> list[np.ndarray]:
    """The weights now, after checking that they no longer change."""
    app: NNTuiApp = pilot.app
    before = _weights(app.document.network)
    await asyncio.sleep(0.15)
    await pilot.pause()
    after = _weights(app.document.network)
    assert all(np.array_equal(a, b) for a, b in zip(before, after)), "training went on"
    return after


@pytest.mark.slow
async def test_save_as_while_training_saves_the_network_on_screen(tmp_path) -> None:
    app = preset_app("xor")
    async with app.run_test(size=SIZE) as pilot:
        await _training(pilot)
        await pilot.press("f12")
        assert isinstance(app.screen, SavePathPrompt)
        assert not app.playground.training.playing  # paused while the name is chosen
        shown = await _still(pilot)
        assert app.document.history.can_undo  # the stretch is one undo step
        await enter_text(pilot, str(tmp_path / "trained.json"))
        await pilot.pause()
        saved = _weights(load_network(tmp_path / "trained.json"))
        assert all(np.array_equal(a, b) for a, b in zip(saved, shown))
        assert not app.document.modified and not app.playground.training.playing
        assert "modified" not in app.sub_title


@pytest.mark.slow
async def test_export_while_training_exports_the_network_on_screen(tmp_path) -> None:
    app = preset_app("xor")
    async with app.run_test(size=SIZE) as pilot:
        await _training(pilot)
        await pilot.press("ctrl+e")
        assert isinstance(app.screen, SavePathPrompt)
        assert not app.playground.training.playing
        shown = await _still(pilot)
        await enter_text(pilot, str(tmp_path / "trained.npz"))
        await pilot.pause()
        exported = _weights(load_npz(tmp_path / "trained.npz"))
        assert all(np.array_equal(a, b) for a, b in zip(exported, shown))
        assert app.document.modified  # exporting is not saving: the work is still unsaved


@pytest.mark.slow
@pytest.mark.parametrize("how", ["ctrl+o", "palette"])
async def test_opening_while_training_asks_first_and_keeps_the_trained_work(how: str) -> None:
    app = preset_app("xor")
    async with app.run_test(size=SIZE) as pilot:
        await _training(pilot)
        if how == "ctrl+o":
            await pilot.press("ctrl+o")
        else:  # the palette's "Open preset: and", as a learner would choose it
            app.playground.action_open_preset("and")
            await pilot.pause()
        assert isinstance(app.screen, QuitPrompt)  # trained weights are unsaved work
        assert not app.playground.training.playing
        shown = await _still(pilot)
        await pilot.press("escape")  # cancel: nothing is replaced
        await pilot.pause()
        assert not isinstance(app.screen, (QuitPrompt, OpenPathPrompt))
        assert app.document.preset == "xor"
        assert all(np.array_equal(a, b) for a, b in zip(_weights(app.document.network), shown))


@pytest.mark.slow
async def test_quitting_while_training_asks_about_the_trained_work() -> None:
    app = preset_app("xor")
    async with app.run_test(size=SIZE) as pilot:
        await _training(pilot)
        await pilot.press("q")
        assert isinstance(app.screen, QuitPrompt)
        assert not app.playground.training.playing
        await _still(pilot)


@pytest.mark.parametrize("opened_before", [False, True], ids=["first-time", "again"])
async def test_ctrl_t_and_space_in_one_write_open_the_view_and_play(opened_before: bool) -> None:
    """Keys that come together (a fast typist, a paste, a slow terminal) act in their order: space
    (a priority key, so it plays from a focused list too) was looked at before ctrl+t had opened the
    view, and was lost."""
    app = preset_app("xor")
    async with app.run_test(size=SIZE) as pilot:
        if opened_before:
            await pilot.press("ctrl+t", "ctrl+t")
        app.post_message(events.Key("ctrl+t", None))  # both queued before either is handled
        app.post_message(events.Key("space", " "))
        deadline = asyncio.get_running_loop().time() + 10
        while not app.playground.training.playing:
            assert asyncio.get_running_loop().time() < deadline, "space was lost"
            await pilot.pause()
        assert app.playground.training.active
        await pilot.press("space")
        assert not app.playground.training.playing
