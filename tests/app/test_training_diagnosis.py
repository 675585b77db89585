"""Pilot tests of the training view's words: the diagnosis, the loss named, the log chart, nothing cut."""

from __future__ import annotations

import re

import numpy as np
import pytest
from textual.widgets import Select, Static

from nntui.app.app import NNTuiApp
from nntui.app.widgets.loss_chart import TEST_COLOUR, TRAIN_COLOUR, LossChart
from nntui.app.widgets.training_panel import MIN_ROWS_UNDER_WARNING, TrainingPanel
from nntui.i18n import set_language, t

from .helpers import preset_app, widget_text

SIZE = (120, 36)


def _words(text: str) -> str:
    """Screen text without borders, its wrapped lines joined again: a message reads as one line."""
    rows = [row.strip(" │╭╮╰╯─") for row in text.splitlines()]
    return re.sub(r"\s+", " ", " ".join(rows))


def _panel(app: NNTuiApp) -> str:
    """The words of the training panel's messages, each checked to lie whole inside the panel."""
    panel = app.query_one(TrainingPanel)
    shown = []
    for static in panel.query("#train-status, #train-diagnosis").results(Static):
        if static.display:
            assert panel.content_region.contains_region(static.region), "a message goes past the panel's edge"
            shown.append(widget_text(static))  # as many lines as the message is given on screen
    return _words("\n".join(shown))


async def _choose(pilot, select_id: str, value: object) -> None:
    pilot.app.query_one(f"#{select_id}", Select).value = value
    await pilot.pause()


# --- why 2: an output that cannot reach the targets ----------------------------------------


async def test_the_plane_on_a_sigmoid_output_is_explained_and_x_builds_an_output_that_can() -> None:
    app = preset_app("xor")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+t")
        await _choose(pilot, "dataset", "plane")
        assert app.document.network.layers[-1].activation == "tanh"  # the output follows the data's kind
        await pilot.press("u")  # the learner takes the sigmoid back: the diagnosis says why it cannot do
        await pilot.pause()
        assert app.document.network.layers[-1].activation == "sigmoid"
        panel = _panel(app)
        assert "The sigmoid output gives only 0…1, but the targets go from −0.94 to 0.98" in panel
        assert "x builds a tanh output that reaches them." in panel
        await pilot.press("x")
        network = app.document.network
        assert network.sizes == [2, 2, 1] and network.layers[-1].activation == "tanh"
        assert np.all(np.abs(network.layers[0].weights) < 1)  # fresh small weights too
        assert "targets go from" not in _panel(app)
        for _ in range(4):
            app.document.training.run(500)
        app.document.training.measure()
        app.document.trained()
        await pilot.pause()
        assert app.document.training.history[-1].train.loss < 0.01  # far below the 0.07 plateau
        await pilot.press("u", "u")  # the training, then x: the sigmoid output and the old weights are back
        assert app.document.network.layers[-1].activation == "sigmoid"


@pytest.mark.parametrize(
    ("first", "then", "output", "loss"),
    [
        ("circle", "plane", "tanh", "squared error"),
        ("plane", "circle", "sigmoid", "cross-entropy"),
    ],
)
async def test_the_output_follows_the_kind_of_the_data_in_one_undoable_edit(
    first: str, then: str, output: str, loss: str
) -> None:
    """After a regression set a classification set kept the linear output and squared error, and x too."""
    app = preset_app("xor")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+t")
        await _choose(pilot, "dataset", first)
        before = app.document.network.layers[-1].activation
        app.clear_notifications()
        await _choose(pilot, "dataset", then)
        assert app.document.network.layers[-1].activation == output
        assert app.document.training.loss_name == {"tanh": "mse", "sigmoid": "binary_cross_entropy"}[output]
        notices = " ".join(str(n.message) for n in app._notifications)
        assert output in notices and loss in notices and "u undoes" in notices
        await pilot.press("x")  # x keeps an output that suits the data
        assert app.document.network.layers[-1].activation == output
        await pilot.press("u", "u")
        assert app.document.network.layers[-1].activation == before
        assert app.document.training.settings.dataset == then  # the data stays chosen


async def test_x_on_a_network_that_does_not_fit_the_plane_builds_a_tanh_output() -> None:
    app = preset_app("potatoes")  # three inputs
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+t")
        await _choose(pilot, "dataset", "plane")
        await pilot.press("x")
        assert app.document.network.sizes == [2, 4, 4, 1]
        assert app.document.network.layers[-1].activation == "tanh"


# --- why 3: saturated units -------------------------------------------------------------


async def test_the_xor_presets_saturated_sigmoids_are_explained_and_x_fixes_them() -> None:
    app = preset_app("xor")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+t")
        panel = _panel(app)
        assert "Saturated units: 2 of 2 (|z| > 5 on most samples)" in panel
        assert "x gives fresh small weights." in panel
        await pilot.press("x")
        assert "Saturated" not in _panel(app)


async def test_the_diagnosis_follows_a_change_by_hand_at_once() -> None:
    app = preset_app("xor")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+t", "x")
        assert "Saturated" not in _panel(app)
        # h1's and h2's first weights to 40: on inputs in [-1, 1] their sums are beyond ±5 mostly.
        typed = ("enter", "home", "ctrl+k", *"40", "enter")
        await pilot.press("right", *typed)
        assert "Saturated" not in _panel(app)  # one of two units: not most of them
        await pilot.press("down", *typed)
        assert app.document.network.layers[0].weights[:, 0].tolist() == [40.0, 40.0]
        assert "Saturated units: 2 of 2" in _panel(app)
        await pilot.press("u")
        assert "Saturated" not in _panel(app)


async def test_a_loss_blowing_up_says_the_rate_is_too_high() -> None:
    app = preset_app("xor")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+t")
        await _choose(pilot, "dataset", "plane")
        await pilot.press("x")
        await _choose(pilot, "optimizer", "sgd")
        await _choose(pilot, "learning_rate", 3.0)
        await pilot.press(*["s"] * 12)  # the loss swings between 0.2 and 1.1, far above a constant guess
        assert "The loss is blowing up: the learning rate is too high." in _panel(app)
        await _choose(pilot, "learning_rate", 0.03)  # the cause is gone: so is the warning
        await pilot.pause()
        assert "blowing up" not in _panel(app)
        await pilot.press(*["s"] * 12)  # and it stays gone while the loss settles
        assert "blowing up" not in _panel(app)


async def test_not_trainable_yet_is_said_in_the_panel_and_goes_when_x_fixes_it() -> None:
    """A toast said it, and stayed after x had fixed it, over the network view too."""
    app = preset_app("potatoes")  # three inputs: the two-coordinate data does not fit
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert "x builds one that fits" in _panel(app)
        assert not [n for n in app._notifications if "x" in str(n.message)]  # said once, where it holds
        await pilot.press("x")
        await pilot.pause()
        assert "x builds one that fits" not in _panel(app)


# --- the loss named, the log chart ------------------------------------------------------


async def test_the_loss_in_use_is_named_on_the_chart() -> None:
    app = preset_app("xor")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+t", "x", "s")
        assert "cross-entropy" in widget_text(app.query_one(LossChart))
        await _choose(pilot, "dataset", "plane")
        await pilot.press("x", "s")
        assert "squared error" in widget_text(app.query_one(LossChart))


async def _trained_far(pilot) -> None:
    """The network trained on xor at a high rate: a new 2-4-4-1 one's loss falls over 100×."""
    app = pilot.app
    await _choose(pilot, "learning_rate", 0.1)
    for _ in range(30):
        app.document.training.run(100)
        app.document.training.measure()
    app.document.trained()
    await pilot.pause()


async def test_the_loss_chart_turns_to_log_scale_when_the_loss_spans_over_100_times() -> None:
    """Why 6: a linear chart flattens a loss that fell 1000× to a line at 0."""
    app = preset_app("potatoes")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+t", "x", "s", "s")
        chart = app.query_one(LossChart)
        assert not chart.log_scale  # two points close together: linear
        await _trained_far(pilot)
        losses = [p.train.loss for p in app.document.training.history]
        assert max(losses) / min(losses) > 100
        assert chart.log_scale
        assert _bottom_line(chart).startswith("log")
        await pilot.press("ctrl+l")  # the toggle: linear, by choice
        assert not chart.log_scale and not _bottom_line(chart).startswith("log")
        await pilot.press("ctrl+l")
        assert chart.log_scale


async def test_the_current_train_and_test_losses_are_labelled_on_the_axis() -> None:
    app = preset_app("potatoes")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+t", "x")
        await _trained_far(pilot)
        chart = app.query_one(LossChart)
        last = app.document.training.history[-1]
        rendered = chart.render()
        # Each label: the last loss in two digits, in its line's colour, left of the plot.
        labels = {str(span.style): rendered.plain[span.start : span.end] for span in rendered.spans}
        for value, colour in ((last.train.loss, TRAIN_COLOUR), (last.test.loss, TEST_COLOUR)):
            label = next((text for style, text in labels.items() if colour in style and text.strip()[:1].isdigit()), "")
            assert label and float(label) == pytest.approx(value, rel=0.05)
        for _ in range(2):  # linear too
            await pilot.press("ctrl+l")
            labelled = {str(span.style) for span in chart.render().spans if chart.render().plain[span.start].isdigit()}
            assert any(TRAIN_COLOUR in style for style in labelled)


async def test_the_log_key_is_in_the_help_and_only_in_the_training_view() -> None:
    app = preset_app("xor")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+l")  # outside the training view: nothing
        assert app.playground.training.log_scale is None
        await pilot.press("question_mark")
        assert t("app.key.log_scale.help") in _words(widget_text(app.screen.query_one("#help-keys")))


def _bottom_line(chart: LossChart) -> str:
    return widget_text(chart).splitlines()[-2].strip("│ ")


# --- why 7: every message whole ---------------------------------------------------------


@pytest.mark.parametrize("size", [(80, 24), (120, 36)])
@pytest.mark.parametrize("language", ["en", "fr"])
async def test_the_first_message_of_the_training_view_is_never_cut(size: tuple[int, int], language: str) -> None:
    set_language(language)
    app = preset_app("potatoes")  # three inputs: the data have two
    async with app.run_test(size=size) as pilot:
        await pilot.press("ctrl+t")
        problem = app.document.training.compatible()
        assert problem
        assert _words(t("app.train.problem", problem=problem)) in _panel(app)


@pytest.mark.parametrize("size", [(80, 24), (120, 36)])
@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("dataset", ["xor", "plane"])
async def test_every_diagnosis_is_whole_at_the_smallest_sizes(
    size: tuple[int, int], language: str, dataset: str
) -> None:
    set_language(language)
    app = preset_app("xor")
    async with app.run_test(size=size) as pilot:
        await pilot.press("ctrl+t")
        await _choose(pilot, "dataset", dataset)
        findings = [_words(finding.text) for finding in app.document.training.diagnosis()]
        panel = _panel(app)
        assert findings and findings[0] in panel  # the most pressing, always
        for finding in findings[1:]:  # the others whole, or not at all when the lists need the room
            assert finding in panel or finding[:24] not in panel
        if size == (120, 36):
            assert all(finding in panel for finding in findings)


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("dataset", ["xor", "plane", "spiral"])
async def test_a_warning_never_pushes_the_controls_out_of_view(language: str, dataset: str) -> None:
    """At 80×24, with the longest warnings (saturated units, the plane on a sigmoid, a rate too
    high): the lists keep rows of their own; a warning cut for them ends with … and the mouse
    reads the whole of it."""
    set_language(language)
    app = preset_app("xor")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+t")
        await _choose(pilot, "dataset", dataset)
        await pilot.press(*["full_stop"] * 10, "s", "s", "s", "s")  # the largest rate: the loss blows up
        scroll = app.query_one("#train-scroll")
        assert scroll.region.height >= MIN_ROWS_UNDER_WARNING, scroll.region
        diagnosis = app.query_one("#train-diagnosis", Static)
        findings = [_words(f"⚠ {finding.text}") for finding in app.document.training.diagnosis()]
        shown = _words(widget_text(diagnosis))
        if shown.endswith("…"):
            assert diagnosis.tooltip is not None and findings[0] in _words(str(diagnosis.tooltip))
        else:
            assert findings and findings[0] in shown
