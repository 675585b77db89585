"""The input layer as a picture: drawn as one, drawn on with the keys and the mouse, each stroke one undo."""

from __future__ import annotations

import numpy as np

from nntui.app.app import NNTuiApp
from nntui.app.widgets.graph_layout import PIXEL
from nntui.app.widgets.input_picture import SHADES, shade
from nntui.app.widgets.network_canvas import NetworkCanvas
from nntui.app.widgets.network_column import HEADER_LINES
from nntui.core.datasets import make_dataset
from nntui.core.presets import load_preset

from .helpers import column_text, preset_app

SIZE = (120, 36)


def _inputs(app: NNTuiApp) -> np.ndarray:
    return app.document.network.input_values.copy()


def _picture_rows(app: NNTuiApp) -> list[str]:
    """The eight lines of pixels, as drawn: two cells per pixel."""
    canvas = app.query_one(NetworkCanvas)
    picture = canvas.column_view(0).picture
    assert picture is not None
    lines = column_text(canvas, 0).splitlines()
    rows = lines[HEADER_LINES + picture.top : HEADER_LINES + picture.top + 8]
    return [row[picture.left : picture.left + 8 * PIXEL] for row in rows]


def _expected_rows(values: np.ndarray) -> list[str]:
    glyph = lambda v: SHADES[shade(v)] * PIXEL if shade(v) else " " + SHADES[0]  # noqa: E731
    return ["".join(glyph(float(v)) for v in values[r * 8 : r * 8 + 8]) for r in range(8)]


async def test_the_digits_inputs_are_drawn_as_their_8_by_8_picture() -> None:
    app = preset_app("digits")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert _picture_rows(app) == _expected_rows(_inputs(app))
        text = column_text(app.query_one(NetworkCanvas), 0)
        assert "r0c0 = " in text and "r0c1" not in text  # the pixel under the cursor, by name, not 64 rows


async def test_the_keys_draw_and_every_press_is_one_undo() -> None:
    app = preset_app("digits")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c")
        assert not _inputs(app).any()
        await pilot.press("down", "down", "right", "right")  # row 2, column 2: pixel 18
        assert (app.document.selection.column, app.document.selection.neuron) == (0, 18)
        await pilot.press("space")
        assert _inputs(app)[18] == 0.5
        await pilot.press("space", "space")  # full ink, and no more
        assert _inputs(app)[18] == 1.0
        await pilot.press("backspace")
        assert _inputs(app)[18] == 0.5 and _inputs(app).sum() == 0.5
        # The outputs follow at once, and the picture shows what the inputs are.
        np.testing.assert_array_equal(app.document.result.outputs, app.document.network.forward().outputs)
        assert _picture_rows(app) == _expected_rows(_inputs(app))
        await pilot.press("u")
        assert _inputs(app)[18] == 1.0
        await pilot.press("u", "u")  # the third space changed nothing: it is no edit
        assert not _inputs(app).any()
        await pilot.press("u")  # the clearing undone: the preset's picture is back
        np.testing.assert_array_equal(_inputs(app), load_preset("digits").input_values)


async def test_right_of_the_last_pixel_is_the_hidden_layer_and_up_stays_in_the_picture() -> None:
    app = preset_app("digits")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*["right"] * 7, "up")
        assert (app.document.selection.column, app.document.selection.neuron) == (0, 7)
        await pilot.press("right")
        assert app.document.selection.column == 1
        await pilot.press("left")
        assert app.document.selection.column == 0


async def test_a_digit_key_loads_a_test_image_of_that_digit_as_one_undo() -> None:
    app = preset_app("digits")
    async with app.run_test(size=SIZE) as pilot:
        before = _inputs(app)
        await pilot.press("7")
        data = make_dataset("digits")
        sevens = data.x_test[data.y_test[:, 7] == 1.0]
        assert any(np.array_equal(_inputs(app), image) for image in sevens)
        np.testing.assert_array_equal(app.document.result.outputs, app.document.network.forward().outputs)
        await pilot.press("u")
        np.testing.assert_array_equal(_inputs(app), before)


async def test_c_still_renames_outside_a_picture() -> None:
    app = preset_app("digits")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*["right"] * 8, "c")  # on h1
        assert type(app.screen).__name__ == "NamePrompt"


async def test_a_stroke_of_the_mouse_inks_each_pixel_it_crosses_and_is_one_undo() -> None:
    app = preset_app("digits")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c")
        canvas = app.query_one(NetworkCanvas)
        picture = canvas.column_view(0).picture
        assert picture is not None
        region = canvas.column_region(0)

        def at(row: int, column: int) -> tuple[int, int]:
            return region.x + picture.left + PIXEL * column, region.y + HEADER_LINES + picture.top + row

        await pilot.mouse_down(offset=at(3, 1))
        for column in (2, 3, 4):
            await pilot.hover(offset=at(3, column))
        await pilot.mouse_up(offset=at(3, 4))
        await pilot.pause()
        inked = np.flatnonzero(_inputs(app))
        assert inked.tolist() == [25, 26, 27, 28] and (_inputs(app)[inked] == 1.0).all()
        assert _picture_rows(app) == _expected_rows(_inputs(app))
        await pilot.press("u")  # the whole stroke at once
        assert not _inputs(app).any()
