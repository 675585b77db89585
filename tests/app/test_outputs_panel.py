"""The outputs panel: every output, scrolling when there are many; only changed rows redrawn."""

from __future__ import annotations

from nntui.app.app import NNTuiApp
from nntui.app.widgets.outputs import OutputsPanel
from tests.factory import random_network

from .helpers import preset_app, repaints, widget_text


async def test_twenty_outputs_scroll_to_the_last() -> None:
    app = NNTuiApp(random_network((2, 4, 20), activation="tanh", output_activation="softmax", seed=0))
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        panel = app.query_one(OutputsPanel)
        assert "y1 " in widget_text(panel) and "y20" not in widget_text(panel)
        panel.scroll_end(animate=False, immediate=True)
        await pilot.pause()
        assert "y20" in widget_text(panel) and "y1 " not in widget_text(panel)


async def test_an_edit_that_does_not_reach_the_outputs_redraws_none_and_one_that_does_redraws_them() -> None:
    app = preset_app("layers")
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("right", "right", "right")  # the output neuron's first weight
        await pilot.pause()
        panel = app.query_one(OutputsPanel)
        refreshed = repaints(panel)  # a refresh without regions counts as the whole widget
        await pilot.press("asterisk")  # the step of + and -: the outputs stay
        assert refreshed == []
        before = widget_text(panel)
        await pilot.press("plus")  # the output's weight: its value and bar
        await pilot.pause()
        assert refreshed and all(region.height == 1 for region in refreshed)
        assert widget_text(panel) != before
