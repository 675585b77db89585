"""Pilot tests of the digits in the training view as it is: the preset opens on their data, and `x`
builds a network that reads their picture."""

from __future__ import annotations

from textual.widgets import Select

from .helpers import preset_app

SIZE = (120, 36)


async def test_the_digits_preset_trains_on_the_digits() -> None:
    app = preset_app("digits")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+t")
        assert app.query_one("#dataset", Select).value == "digits"
        await pilot.press("s", "s")
        assert app.document.training.steps == 2
        assert app.document.training.metrics is not None  # an accuracy on the test images
        assert app.document.network.image_shape == (8, 8)


async def test_x_on_the_digits_builds_a_network_that_reads_their_picture() -> None:
    app = preset_app("xor")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+t")
        app.query_one("#dataset", Select).value = "digits"  # from the data list
        await pilot.pause()
        assert app.document.training.dataset.name == "digits"
        await pilot.press("x")
        network = app.document.network
        assert network.sizes == [64, 4, 4, 10] and network.image_shape == (8, 8)
        assert network.layers[-1].activation == "softmax"
        await pilot.press("s")
        assert app.document.training.steps == 1
        await pilot.press("u", "u")
        assert app.document.network.sizes == [2, 2, 1] and app.document.network.image_shape is None
