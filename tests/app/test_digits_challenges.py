"""The challenges on the digits, solved as a learner would: chosen with g, trained with ctrl+t and
space, fooled with the drawing keys; and not solved before they are."""

from __future__ import annotations

import asyncio
import math

import numpy as np
from textual.pilot import Pilot
from textual.widgets import OptionList

from nntui.app.app import NNTuiApp
from nntui.app.screens.challenge_chooser import ChallengeChooser
from nntui.core.challenges import CHALLENGES
from nntui.core.challenges.digits import FOOL_DIGIT, network_to_fool, one_pixel_changes
from nntui.core.edits import Reshape
from nntui.core.image import FULL_INK, INK_STEP
from nntui.document.progress import SolvedStore
from nntui.i18n import t

from .helpers import preset_app, widget_text

SIZE = (120, 36)


async def _choose(pilot: Pilot, id: str) -> None:
    """g, the challenge ``id`` in the list, Enter."""
    await pilot.press("g")
    assert isinstance(pilot.app.screen, ChallengeChooser)
    pilot.app.screen.query_one(OptionList).highlighted = [c.id for c in CHALLENGES].index(id)
    await pilot.press("enter")
    await pilot.pause()
    assert pilot.app.playground.learning.challenge.id == id  # type: ignore[attr-defined]


def _bar(app: NNTuiApp) -> str:
    return " ".join(widget_text(app.query_one("#challenge")).split())


async def _until(pilot: Pilot, done: object, timeout: float = 30.0) -> None:
    """Poll ``done()`` until it is true, or fail after ``timeout`` seconds."""
    deadline = asyncio.get_running_loop().time() + timeout
    while not done():  # type: ignore[operator]
        assert asyncio.get_running_loop().time() < deadline, "not reached in time"
        await pilot.pause(0.05)


async def test_teach_it_to_read_is_solved_by_training_in_the_training_view(private_state_dir) -> None:
    app = preset_app("potatoes")  # from another network: the challenge brings the digits' data
    async with app.run_test(size=SIZE) as pilot:
        await _choose(pilot, "digits_teach")
        learning = app.playground.learning
        assert not learning.solved
        assert app.document.training.settings.dataset == "digits"
        assert "of the test images right (90% wanted)" in _bar(app)
        await pilot.press("ctrl+t", "space")
        await _until(pilot, lambda: learning.solved)
        await pilot.press("space")
        await pilot.pause()
        assert "digits_teach" in SolvedStore(private_state_dir).solved()
        assert any(t("app.challenge.solved_title") == n.title for n in app._notifications)
        assert "✓" in _bar(app)


async def test_teach_it_to_read_is_not_solved_by_a_few_steps() -> None:
    app = preset_app("digits")
    async with app.run_test(size=SIZE) as pilot:
        await _choose(pilot, "digits_teach")
        await pilot.press("ctrl+t")
        app.document.training.run(3)  # three steps: far from 90%
        app.document.trained()
        await pilot.pause()
        learning = app.playground.learning
        assert app.document.training.steps == 3
        assert not learning.solved and "✓" not in _bar(app)


def _keys_to(pixel: int, value: float, ink: float) -> list[str]:
    """From the top left pixel: the arrows to ``pixel``, then space or backspace until ``ink``
    becomes ``value``."""
    row, column = divmod(pixel, 8)
    presses = math.ceil(abs(value - ink) / INK_STEP - 1e-9)
    return ["down"] * row + ["right"] * column + ["space" if value > ink else "backspace"] * presses


def _fooling_change() -> tuple[int, float]:
    """A pixel and the ink that make the network read another digit: the first change of full ink."""
    network = network_to_fool()
    pictures, pixels = one_pixel_changes(network.input_values)
    fooled = np.argmax(network.forward(pictures).outputs, axis=1) != FOOL_DIGIT
    for picture, pixel, yes in zip(pictures, pixels, fooled):
        if yes and picture[pixel] == FULL_INK:
            return int(pixel), FULL_INK
    raise AssertionError("no pixel filled fools it")


async def test_fool_it_by_one_pixel_is_solved_by_inking_one_pixel(private_state_dir) -> None:
    pixel, value = _fooling_change()
    app = preset_app("digits")
    async with app.run_test(size=SIZE) as pilot:
        await _choose(pilot, "digits_one_pixel")
        learning = app.playground.learning
        start = app.document.network.input_values.copy()
        assert f"it reads {FOOL_DIGIT} (" in _bar(app) and not learning.solved
        await pilot.press(*_keys_to(pixel, value, float(start[pixel])))
        await pilot.pause()
        assert learning.solved, _bar(app)
        assert "digits_one_pixel" in SolvedStore(private_state_dir).solved()
        changed = np.flatnonzero(app.document.network.input_values != start)
        assert changed.tolist() == [pixel]
        assert int(np.argmax(app.document.result.outputs)) != FOOL_DIGIT
        assert "✓" in _bar(app)


async def test_fool_it_by_one_pixel_is_not_solved_by_two_pixels_until_undone(private_state_dir) -> None:
    pixel, value = _fooling_change()
    app = preset_app("digits")
    async with app.run_test(size=SIZE) as pilot:
        await _choose(pilot, "digits_one_pixel")
        learning = app.playground.learning
        start = app.document.network.input_values.copy()
        # Another pixel first: the middle one of the top row, half its ink taken away.
        await pilot.press("right", "right", "right", "backspace", "left", "left", "left")
        await pilot.pause()
        assert learning.challenge.check(app.document.network).solved is False  # type: ignore[union-attr]
        keys = _keys_to(pixel, value, float(start[pixel]))
        await pilot.press(*keys)
        await pilot.pause()
        assert int(np.argmax(app.document.result.outputs)) != FOOL_DIGIT  # fooled, but by two pixels
        assert not learning.solved and "2 pixels changed" in _bar(app)
        await pilot.press(*["u"] * (1 + keys.count("space") + keys.count("backspace")))
        np.testing.assert_array_equal(app.document.network.input_values, start)
        await pilot.press(*[key for key in keys if key in ("space", "backspace")])  # the cursor is there
        await pilot.pause()
        assert learning.solved, _bar(app)


async def test_fool_it_by_one_pixel_is_not_solved_by_changing_a_weight() -> None:
    app = preset_app("digits")
    async with app.run_test(size=SIZE) as pilot:
        await _choose(pilot, "digits_one_pixel")
        learning = app.playground.learning
        after = app.document.network.copy()
        after.layers[-1].bias[FOOL_DIGIT] -= 50.0  # no 7 any more, whatever the picture
        app.document.apply(Reshape.of(app.document.network, after, "bias"))
        await pilot.pause()
        assert int(np.argmax(app.document.result.outputs)) != FOOL_DIGIT
        assert not learning.solved and "the weights must stay as trained" in _bar(app)
