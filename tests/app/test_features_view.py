"""The input features' toggles in the training view (issue 15): x1², sin x1 … turned on and off with
the keys or the mouse, each an undoable edit that adds or removes an input, saved in the file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from nntui.app.app import NNTuiApp
from nntui.app.widgets.feature_toggles import FeatureToggles
from nntui.app.widgets.inspector import Inspector
from nntui.core.fileformat import load_network

from .helpers import CLEAR, enter_text, preset_app, widget_text

SIZE = (120, 36)


def _names(app) -> list[str]:  # type: ignore[no-untyped-def]
    return list(app.document.network.input_names)


async def _focus_toggles(pilot) -> FeatureToggles:  # type: ignore[no-untyped-def]
    """Tab from the network until the toggles have the focus, as a learner would."""
    toggles = pilot.app.query_one(FeatureToggles)
    for _ in range(10):
        await pilot.press("tab")
        if toggles.has_focus:
            return toggles
    raise AssertionError("Tab never reached the input features")


async def test_the_keys_turn_a_feature_on_and_undo_turns_it_off() -> None:
    app = preset_app("xor")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+t")
        toggles = await _focus_toggles(pilot)
        assert "■ x1" in widget_text(toggles) and "□ x1²" in widget_text(toggles)
        await pilot.press("right", "right", "enter")  # x1 → x2 → x1²
        assert _names(app) == ["x1", "x2", "x1²"]
        assert app.document.network.layers[0].weights.shape == (2, 3)
        assert "■ x1²" in widget_text(toggles)
        assert app.document.history.modified
        await pilot.press("escape", "u")  # back to the network, then undo
        assert _names(app) == ["x1", "x2"]
        assert app.document.network.features is None
        assert "□ x1²" in widget_text(toggles)
        await pilot.press("ctrl+r")  # redo
        assert _names(app) == ["x1", "x2", "x1²"]


async def test_a_click_toggles_the_feature_under_the_pointer_and_the_numbers_follow_at_once() -> None:
    app = preset_app("xor")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+t", "x")  # a fresh network that can learn xor
        before = app.document.training.history[-1]
        toggles = app.query_one(FeatureToggles)
        places = dict(zip((f.id for f in toggles.offered), toggles.places(toggles.content_size.width)))
        line, first, _ = places["x1*x2"]
        await pilot.click(FeatureToggles, offset=(first + 2, line))
        assert _names(app) == ["x1", "x2", "x1·x2"]
        after = app.document.training.history[-1]
        assert after.train.loss != before.train.loss  # measured again with the new input, not at the next step
        await pilot.press("space")
        await pilot.pause(0.3)
        await pilot.press("space")
        assert app.document.training.steps > 0  # it trains on the features of the points


async def test_the_inspector_says_a_computed_input_follows_its_coordinate() -> None:
    app = preset_app("xor")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+t")
        app.playground.training.toggle_feature(app.query_one(FeatureToggles).offered[5])  # sin x1
        await pilot.press("ctrl+t", "down", "down")  # back to the playground; the third input: sin x1
        text = widget_text(app.query_one(Inspector))
        assert "= sin x1 of the point (x1 = +0.000, x2 = +1.000)" in text
        assert "+ − and Enter change x1" in text
        await pilot.press("enter", *CLEAR, *"1.5", "enter")
        assert app.document.network.point.tolist() == [1.5, 1.0]
        assert app.document.network.input_values[2] == pytest.approx(0.997495, abs=1e-6)


async def test_a_network_that_does_not_read_the_points_is_told_to_press_x_first() -> None:
    app = preset_app("potatoes")  # three inputs, points of two coordinates
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+t")
        app.clear_notifications()
        before = json.dumps(_names(app))
        app.playground.training.toggle_feature(app.query_one(FeatureToggles).offered[2])
        await pilot.pause()
        assert json.dumps(_names(app)) == before
        said = " ".join(str(n.message) for n in app._notifications)
        assert "Press x for a network that reads the data's points" in said


async def test_the_features_are_saved_with_the_network_and_open_again(tmp_path: Path) -> None:
    target = tmp_path / "featured.json"
    app = preset_app("xor")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+t")
        offered = app.query_one(FeatureToggles).offered
        for k in (2, 3):  # x1², x2²
            app.playground.training.toggle_feature(offered[k])
        await pilot.press("escape", "f12")
        await enter_text(pilot, str(target))
        await pilot.pause()
    document = json.loads(target.read_text("utf-8"))
    assert [item["feature"] for item in document["inputs"]] == ["x1", "x2", "x1^2", "x2^2"]
    app = NNTuiApp(load_network(target), path=target)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+t")
        assert "■ x2²" in widget_text(app.query_one(FeatureToggles))
        assert _names(app) == ["x1", "x2", "x1²", "x2²"]
