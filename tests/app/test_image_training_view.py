"""The training view of pictures (#25): on the digits, the plane's picture gives way to the test
images' confusion matrix, their accuracy and the images read wrong, paged with [ and ], one of
them put into the input layer with i (or a click), undone with u."""

from __future__ import annotations

import random

import numpy as np
import pytest
from textual.pilot import Pilot
from textual.widgets import Select

from nntui.app.app import NNTuiApp
from nntui.app.controllers.image_results import CHART_WIDTH, PANEL_WIDTH, Layout, plan
from nntui.app.widgets.boundary_view import BoundaryView
from nntui.app.widgets.confusion_view import Block, ConfusionView, cell_width, matrix_lines
from nntui.app.widgets.feature_toggles import FeatureToggles
from nntui.app.widgets.loss_chart import LossChart
from nntui.app.widgets.metrics_panel import MetricsPanel
from nntui.app.widgets.mistakes_view import MistakesView
from nntui.app.widgets.training_panel import TrainingPanel
from nntui.document.selection import Selection

from .helpers import play_for, preset_app, selection, widget_text

SIZE = (120, 36)
NARROW = (80, 24)


async def _trained(pilot: Pilot, steps: int = 200) -> None:
    """The training view of the digits preset, after ``steps`` steps (as s would take them)."""
    app = pilot.app
    await pilot.press("ctrl+t")
    app.document.training.run(steps)
    app.document.training.measure()
    app.document.trained()
    await pilot.pause()


def _by_numpy(app: NNTuiApp) -> tuple[np.ndarray, np.ndarray]:
    """The test images' confusion counts and the indices of those read wrong, computed here."""
    data = app.document.training.dataset
    answers = app.document.network.forward(data.x_test).outputs.argmax(axis=1)
    truths = data.y_test.argmax(axis=1)
    counts = np.zeros((10, 10), dtype=np.int64)
    np.add.at(counts, (truths, answers), 1)
    return counts, np.flatnonzero(answers != truths)


def _shown_counts(app: NNTuiApp) -> np.ndarray:
    """The test matrix as the view draws it: its ten rows of counts (· for 0), cut at the cells'
    edges (a count as wide as its cell touches the one before: it is drawn reversed)."""
    lines = [line.plain for line in app.query_one(ConfusionView).lines]
    assert lines[1].split() == [str(k) for k in range(10)]  # the answers, a column each
    cell = (len(lines[1]) - 1) // 10  # after the labels' column
    rows = [[line[1 + k * cell : 1 + (k + 1) * cell].strip() for k in range(10)] for line in lines[2:12]]
    assert [line[0] for line in lines[2:12]] == [str(k) for k in range(10)]  # the true digit, a row each
    return np.array([[0 if cell == "·" else int(cell) for cell in row] for row in rows], dtype=np.int64)


def _mistake_text(app: NNTuiApp) -> str:
    return widget_text(app.query_one(MistakesView))


async def test_the_digits_show_the_matrix_and_the_images_read_wrong_instead_of_the_plane() -> None:
    app = preset_app("digits")
    async with app.run_test(size=SIZE) as pilot:
        await _trained(pilot)
        assert app.screen.has_class("-images")
        assert not app.query_one(BoundaryView).display and not app.query_one(MetricsPanel).display
        assert app.query_one(ConfusionView).display and app.query_one(MistakesView).display
        assert app.query_one("#train-results").display  # at 120 columns the loss chart keeps room
        assert app.query_one(LossChart).outer_size.width >= CHART_WIDTH
        counts, wrong = _by_numpy(app)
        np.testing.assert_array_equal(_shown_counts(app), counts)
        accuracy = np.trace(counts) / counts.sum()
        assert f"test {accuracy:.1%} right" in app.query_one(ConfusionView).lines[0].plain
        first = int(wrong[0])
        truth = int(app.document.training.dataset.y_test[first].argmax())
        answer = int(app.document.network.forward(app.document.training.dataset.x_test[first]).outputs.argmax())
        text = _mistake_text(app)
        assert f"{truth} read as {answer}" in text and f"image 1 of {len(wrong)}" in text
        # The panel offers no input features for 64 pixels; its own width is the one the view leaves room for.
        assert not app.query_one(FeatureToggles).display and not app.query_one("#features-label").display
        assert app.query_one(TrainingPanel).outer_size.width == PANEL_WIDTH
        # Nor the boundary picture's settings (its test points, its shades): none is drawn.
        for selector in ("#show_test", "#show_test-label", "#discretize", "#discretize-label"):
            widget = app.query_one(selector)
            assert not widget.display and not widget.region.area, selector


async def test_the_counts_follow_training_and_an_edit_by_hand() -> None:
    app = preset_app("digits")
    async with app.run_test(size=SIZE) as pilot:
        await _trained(pilot, steps=20)
        before = _shown_counts(app)
        await play_for(pilot, 300)  # space, the steps in the child process, space
        counts, _ = _by_numpy(app)
        np.testing.assert_array_equal(_shown_counts(app), counts)
        assert not np.array_equal(counts, before)  # it learned: the view followed
        await pilot.press("right", "z")  # the first hidden neuron's weights zeroed, by hand
        counts_after, wrong = _by_numpy(app)
        np.testing.assert_array_equal(_shown_counts(app), counts_after)
        assert f"of {len(wrong)}" in _mistake_text(app)


async def test_square_brackets_page_through_the_images_read_wrong_round() -> None:
    app = preset_app("digits")
    async with app.run_test(size=SIZE) as pilot:
        await _trained(pilot)
        _, wrong = _by_numpy(app)
        assert len(wrong) >= 3
        place = selection(app)
        await pilot.press("right_square_bracket")
        assert app.query_one(MistakesView).mistake.sample == wrong[1]
        assert f"image 2 of {len(wrong)}" in _mistake_text(app)
        await pilot.press("left_square_bracket", "left_square_bracket")  # a burst: back past the first
        assert app.query_one(MistakesView).mistake.sample == wrong[-1]
        assert f"image {len(wrong)} of {len(wrong)}" in _mistake_text(app)
        await pilot.press("right_square_bracket")
        assert app.query_one(MistakesView).mistake.sample == wrong[0]
        assert selection(app) == place  # no weight was cycled


async def test_outside_the_view_of_pictures_the_brackets_still_cycle_the_weights() -> None:
    app = preset_app("digits")
    async with app.run_test(size=SIZE) as pilot:
        app.document.select(Selection(1, 0, 0))  # the network view: the first hidden neuron
        await pilot.press("right_square_bracket")
        assert selection(app).param == 1
        await pilot.press("left_square_bracket")
        assert selection(app).param == 0
    app = preset_app("xor")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+t", "right", "right_square_bracket")  # a training view of points
        assert not app.screen.has_class("-images")
        assert selection(app).param == 1
        assert app.query_one(FeatureToggles).display  # x1², sin x1… for points
        assert app.query_one("#show_test").region.area and app.query_one("#discretize").region.area  # its plane's


async def test_i_puts_the_image_shown_into_the_input_layer_and_u_takes_it_back() -> None:
    app = preset_app("digits")
    async with app.run_test(size=SIZE) as pilot:
        await _trained(pilot)
        _, wrong = _by_numpy(app)
        before = app.document.network.input_values.copy()
        await pilot.press("right_square_bracket", "i")
        image = app.document.training.dataset.x_test[wrong[1]]
        np.testing.assert_array_equal(app.document.network.input_values, image)
        # The network's answer to its input is the wrong one the view showed.
        answer = int(app.document.result.outputs.argmax())
        assert f"read as {answer}" in _mistake_text(app)
        await pilot.press("u")
        np.testing.assert_array_equal(app.document.network.input_values, before)
        await pilot.press("ctrl+r")
        np.testing.assert_array_equal(app.document.network.input_values, image)


async def test_a_click_on_the_picture_puts_it_into_the_input_layer() -> None:
    app = preset_app("digits")
    async with app.run_test(size=SIZE) as pilot:
        await _trained(pilot)
        shown = app.query_one(MistakesView).mistake
        assert shown is not None
        await pilot.click(MistakesView, offset=(8, 4))  # within the picture's lines (border, then 8 rows)
        np.testing.assert_array_equal(app.document.network.input_values, shown.pixels)


async def test_at_80_columns_the_matrix_and_the_images_take_turns() -> None:
    app = preset_app("digits")
    async with app.run_test(size=NARROW) as pilot:
        await _trained(pilot)
        _, wrong = _by_numpy(app)
        confusion, mistakes = app.query_one(ConfusionView), app.query_one(MistakesView)
        assert confusion.display and not mistakes.display
        assert not app.query_one("#train-results").display  # the loss chart gave its room
        region = confusion.content_region  # the matrix whole: its 12 lines, each whole
        assert region.height >= len(confusion.lines) == 12
        assert region.width >= max(len(line.plain) for line in confusion.lines)
        await pilot.press("right_square_bracket")
        assert mistakes.display and not confusion.display
        assert mistakes.mistake is not None and mistakes.mistake.sample == wrong[0]
        assert mistakes.content_region.height >= 12  # the picture, the answer, where it is, the keys
        await pilot.press("left_square_bracket")
        assert confusion.display and not mistakes.display
        await pilot.press("left_square_bracket")  # round: the last image
        assert mistakes.mistake is not None and mistakes.mistake.sample == wrong[-1]


async def test_other_data_bring_the_plane_back() -> None:
    app = preset_app("digits")
    async with app.run_test(size=SIZE) as pilot:
        await _trained(pilot)
        app.query_one("#dataset", Select).value = "circle"
        await pilot.pause()
        assert not app.screen.has_class("-images")
        assert app.query_one(BoundaryView).display and not app.query_one(ConfusionView).display
        assert not app.query_one(MistakesView).display
        assert app.query_one(FeatureToggles).display


async def test_a_wide_terminal_shows_the_train_images_matrix_beside() -> None:
    app = preset_app("digits")
    async with app.run_test(size=(170, 40)) as pilot:
        await _trained(pilot)
        lines = [line.plain for line in app.query_one(ConfusionView).lines]
        assert "test" in lines[0] and "train" in lines[0]
        data = app.document.training.dataset
        answers = app.document.network.forward(data.x_train).outputs.argmax(axis=1)
        truths = data.y_train.argmax(axis=1)
        width = len(lines[2]) // 2  # two blocks of the same width, GAP apart
        right = [line[-width:].split()[1:] for line in lines[2:12]]
        shown = np.array([[0 if cell == "·" else int(cell) for cell in row] for row in right])
        expected = np.zeros((10, 10), dtype=np.int64)
        np.add.at(expected, (truths, answers), 1)
        np.testing.assert_array_equal(shown, expected)
        assert app.query_one("#train-results").display


def test_what_goes_where_beside_the_training_panel() -> None:
    # 120 columns: the matrix (35), the images (22) and the chart; 80: they take turns, no chart.
    assert plan(84, 35, 68, 22) == Layout(train=False, in_turn=False, chart=True)
    assert plan(44, 35, 68, 22) == Layout(train=False, in_turn=True, chart=False)
    assert plan(124, 35, 68, 22) == Layout(train=True, in_turn=False, chart=True)
    assert plan(60, 35, 68, 22) == Layout(train=False, in_turn=False, chart=False)  # the chart goes first


def test_a_cell_holds_any_count_and_two_full_ones_never_meet() -> None:
    labels = [str(k) for k in range(10)]
    assert cell_width([89, 101], labels) == 3  # 101 fills its cell, reversed; two would need 200
    assert cell_width([199], labels) == 3
    assert cell_width([200], labels) == 4
    assert cell_width([5], labels) == 3  # two digits and a space at least
    counts = np.zeros((10, 10), dtype=np.int64)
    counts[6, 6], counts[6, 5], counts[3, 4] = 101, 0, 12
    lines = matrix_lines([Block("test", 0.5, counts)], labels, 3)
    row = lines[2 + 6]
    assert row.plain == "6  ·  ·  ·  ·  ·  ·101  ·  ·  ·"
    assert any("reverse" in str(span.style) for span in row.spans)  # the diagonal, marked without colour


WALK_KEYS = [
    "right_square_bracket",
    "left_square_bracket",
    "right_square_bracket",
    "i",
    "u",
    "ctrl+r",
    "s",
    "s",
    "x",
    "z",
    "r",
    "plus",
    "minus",
    "right",
    "left",
    "3",
    "ctrl+t",
]


@pytest.mark.slow
@pytest.mark.parametrize("size", [SIZE, NARROW], ids=["120x36", "80x24"])
async def test_the_views_of_pictures_agree_with_their_state_after_every_key(size: tuple[int, int]) -> None:
    """A seeded walk of 100 keys: after each, the matrix and the image read wrong drawn are those a
    fresh derivation draws, and the counts are NumPy's."""
    rng = random.Random(size[0])
    app = preset_app("digits")
    async with app.run_test(size=size) as pilot:
        await _trained(pilot, steps=50)
        for step in range(100):
            key = rng.choice(WALK_KEYS)
            await pilot.press(key)
            await pilot.pause()
            shown = [widget_text(w) for w in (app.query_one(ConfusionView), app.query_one(MistakesView))]
            app.screen.refresh_views()
            await pilot.pause()
            again = [widget_text(w) for w in (app.query_one(ConfusionView), app.query_one(MistakesView))]
            assert shown == again, (step, key)
            metrics = app.document.training.metrics
            if app.screen.has_class("-images") and metrics is not None and app.query_one(ConfusionView).display:
                np.testing.assert_array_equal(_shown_counts(app), _by_numpy(app)[0])
