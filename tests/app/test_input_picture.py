"""The input layer as a picture: drawn as one, drawn on with the keys and the mouse, each stroke one undo."""

from __future__ import annotations

import numpy as np
from rich.segment import Segment
from rich.style import Style

from nntui.app import heatmap
from nntui.app.app import NNTuiApp
from nntui.app.widgets.graph_layout import PIXEL, thumb_size
from nntui.app.widgets.input_picture import SHADES, shade
from nntui.app.widgets.network_canvas import NetworkCanvas
from nntui.app.widgets.network_column import HEADER_LINES
from nntui.app.widgets.weight_gallery import WeightGallery
from nntui.app.widgets.weight_strip import strip_scale
from nntui.core.datasets import make_dataset
from nntui.core.presets import load_preset
from nntui.document.selection import Selection

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


def test_the_gallery_draws_each_first_hidden_neurons_weights_as_its_picture() -> None:
    """Each thumbnail's half-block cells are the neuron's 64 weights, row by row, on the layer's scale."""
    network = load_preset("digits")
    gallery = WeightGallery((8, 8))
    gallery.show(network, Selection(), columns=6, lines=17)
    weights = network.layers[0].weights
    levels = heatmap.levels(weights / strip_scale(weights))
    styles = heatmap.palette()
    side = 2 * heatmap.LEVELS + 1
    neuron = 4  # the second thumbnail down the second column: thumbnails go down, then across
    per_column = 17 // thumb_size((8, 8))[1]
    row, column = neuron % per_column, neuron // per_column
    cells: list[Segment] = []
    for line in range(4):
        drawn = gallery.line(gallery.top + row * 5 + 1 + line, Style(), Style())
        text = "".join(s.text for s in drawn)
        start = column * thumb_size((8, 8))[0]
        assert text[start : start + 8] == "▀" * 8
        cells.append(drawn)
    picture = levels[neuron].reshape(8, 8)
    for line, drawn in enumerate(cells):
        expected = [
            styles[(top + heatmap.LEVELS) * side + bottom + heatmap.LEVELS]
            for top, bottom in zip(picture[2 * line], picture[2 * line + 1])
        ]
        x, found = 0, []
        for segment in drawn:
            for _ in segment.text:
                found.append(segment.style)
                x += 1
        start = column * thumb_size((8, 8))[0]
        assert found[start : start + 8] == expected


def test_the_gallery_draws_again_only_the_line_of_a_weight_changed_in_place() -> None:
    """Shown again with the same weights (a stroke on the picture), no line of the gallery changed;
    a weight changed in place, the one line of its thumbnail that holds its pixel."""
    network = load_preset("digits")
    gallery = WeightGallery((8, 8))
    assert gallery.show(network, Selection(), columns=6, lines=17) is None  # placed: all of it
    assert gallery.show(network, Selection(), columns=6, lines=17) == set()
    before = [gallery.line(body, Style(), Style()) for body in range(17)]
    weights = network.layers[0].weights
    largest = float(np.abs(weights).max())
    weights[4, 0] = -largest / 2 if weights[4, 0] >= 0 else largest / 2  # neuron 4's first pixel, the scale kept
    changed = gallery.show(network, Selection(), columns=6, lines=17)
    per_column = 17 // thumb_size((8, 8))[1]
    assert changed == {gallery.top + (4 % per_column) * 5 + 1}  # under the name, its first two pixel rows
    after = [gallery.line(body, Style(), Style()) for body in range(17)]
    assert {body for body in range(17) if before[body] != after[body]} == changed


async def test_the_gallery_is_beside_the_picture_and_a_click_on_a_thumbnail_selects_its_neuron() -> None:
    app = preset_app("digits")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        canvas = app.query_one(NetworkCanvas)
        text = column_text(canvas, 0)
        assert "what each looks for" in text and "h16" in text  # all sixteen at 120 columns
        region = canvas.column_region(0)
        lines = text.splitlines()
        y = next(i for i, line in enumerate(lines) if "h7" in line.split())
        x = lines[y].index(" h7 ") + 1
        await pilot.click(offset=(region.x + x, region.y + y + 2))  # on the picture under the name
        assert (app.document.selection.column, app.document.selection.neuron) == (1, 6)


async def test_at_80_by_24_the_picture_follows_the_cursor_down() -> None:
    app = preset_app("digits")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*["down"] * 7)
        picture = app.query_one(NetworkCanvas).column_view(0).picture
        assert picture is not None and picture.top < 0  # the last rows in sight, the first ones above
        rows = _picture_rows_in_sight(app)
        assert rows[-1] == _expected_rows(_inputs(app))[7]


def _picture_rows_in_sight(app: NNTuiApp) -> list[str]:
    canvas = app.query_one(NetworkCanvas)
    picture = canvas.column_view(0).picture
    assert picture is not None
    lines = column_text(canvas, 0).splitlines()[HEADER_LINES:]
    return [line[picture.left : picture.left + 8 * PIXEL] for line in lines if line.strip()]


async def test_the_cursor_leaving_the_first_pixel_leaves_no_mark_behind() -> None:
    """Pixel 0 is a place, not False: moving off it redraws its row (it stayed marked on the screen)."""
    app = preset_app("digits")
    async with app.run_test(size=SIZE) as pilot:
        canvas = app.query_one(NetworkCanvas)
        picture = canvas.column_view(0).picture
        assert picture is not None and app.document.selection.neuron == 0
        await pilot.press("c")  # a stroke first: the picture is placed, its lines known
        await pilot.pause()
        await pilot.press("down")
        await pilot.pause()
        row = HEADER_LINES + picture.top  # the first row of pixels, as the screen keeps it
        kept = list(canvas.render_line(row))
        canvas.refresh()  # every line drawn anew from the state
        assert kept == list(canvas.render_line(row))
