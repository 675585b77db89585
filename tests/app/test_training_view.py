"""Pilot tests of the training view: play, pause, step, reset, settings, heatmaps."""

from __future__ import annotations

import asyncio
import html
import math
import re

import numpy as np
import pytest
from textual.widgets import Select

from nntui.app.app import NNTuiApp
from nntui.app.controllers import training_worker
from nntui.app.widgets.boundary_view import BoundaryView
from nntui.app.widgets.network_canvas import NetworkCanvas
from nntui.app.widgets.network_column import MAP_LINES
from nntui.app.widgets.training_panel import TrainingPanel
from nntui.core.datasets import make_dataset
from nntui.core.fileformat import dumps_network
from nntui.core.network import DenseLayer, Network
from nntui.core.presets import load_preset
from nntui.core.training import Trainer, TrainingConfig
from nntui.document.position import TrainingStretch
from nntui.document.session import TrainingSettings
from nntui.document.training_process import DISABLE_VARIABLE, TrainingProcessError

from .helpers import preset_app, wait_for_steps, widget_text

SIZE = (140, 44)


async def test_ctrl_t_switches_the_training_view_on_and_off() -> None:
    app = preset_app("xor")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s", "space")  # training keys do nothing outside the view
        assert app.document.training.steps == 0 and not app.playground.training.playing
        # The training view's widgets come with its first opening: a learner who never trains does not pay for them.
        assert not app.query(BoundaryView) and not app.query(TrainingPanel)
        await pilot.press("ctrl+t")
        assert app.playground.training.active and app.playground.has_class("-training")
        assert len(app.query(BoundaryView)) == 1 and len(app.query(TrainingPanel)) == 1
        assert app.query_one("#training").display and not app.query_one("#panels").display
        view = app.query_one(NetworkCanvas).column_view(1)
        assert view.row_height == MAP_LINES  # every neuron shows its heatmap
        await pilot.press("f5")
        assert not app.playground.training.active and app.query_one("#panels").display
        assert app.query_one(NetworkCanvas).column_view(1).row_height == 1
        await pilot.press("ctrl+t")  # built once: opening it again keeps the same widgets
        assert len(app.query(BoundaryView)) == 1 and len(app.query(TrainingPanel)) == 1


async def test_s_takes_one_step_exactly_as_the_trainer_does() -> None:
    app = preset_app("xor")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+t", *["s"] * 5)
        assert app.document.training.steps == 5
        assert [p.step for p in app.document.training.history][-1] == 5
        expected = load_preset("xor")
        data = make_dataset("xor")
        Trainer(expected, data.x_train, data.y_train, TrainingConfig()).run(5)
        assert dumps_network(app.document.network) == dumps_network(expected)
        assert "modified" in app.sub_title


@pytest.mark.slow
async def test_space_plays_and_pauses_and_the_stretch_is_one_undo() -> None:
    app = preset_app("xor")
    async with app.run_test(size=SIZE) as pilot:
        before = dumps_network(app.document.network)
        await pilot.press("ctrl+t", "space")
        assert app.playground.training.playing
        await wait_for_steps(app, 50)
        await pilot.press("space")
        assert not app.playground.training.playing
        steps = app.document.training.steps
        await pilot.pause(0.3)
        assert app.document.training.steps == steps  # paused means paused
        edit = app.document.history._done[-1][1]
        assert isinstance(edit, TrainingStretch)
        assert edit.describe(app.document.network) == f"train {steps:,} steps"
        trained = dumps_network(app.document.network)
        assert trained != before
        await pilot.press("u")  # the weights and the step count go back together
        assert dumps_network(app.document.network) == before and app.document.training.steps == 0
        await pilot.press("ctrl+r")
        assert dumps_network(app.document.network) == trained and app.document.training.steps == steps


@pytest.mark.slow
async def test_play_then_continue_equals_one_uninterrupted_run() -> None:
    """Pausing and resuming does not change what is learned (same trainer, same batches)."""
    app = preset_app("xor")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+t", "s", "s", "space")
        await wait_for_steps(app, 20)
        await pilot.press("space", "s")
        steps = app.document.training.steps
        expected = load_preset("xor")
        data = make_dataset("xor")
        Trainer(expected, data.x_train, data.y_train, TrainingConfig()).run(steps)
        np.testing.assert_array_equal(app.document.network.layers[0].weights, expected.layers[0].weights)


async def test_editing_a_weight_while_paused_updates_the_heatmaps() -> None:
    app = preset_app("xor")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+t")
        boundary = app.query_one(BoundaryView)
        before = boundary._levels.copy()
        maps_before = app.query_one(NetworkCanvas).maps[1].copy()
        await pilot.press("right", "enter", "home", "ctrl+k", *"-20", "enter")
        assert app.document.network.layers[0].weights[0, 0] == -20
        assert not np.array_equal(boundary._levels, before)
        assert not np.array_equal(app.query_one(NetworkCanvas).maps[1], maps_before)


@pytest.mark.slow
async def test_an_edit_while_playing_pauses_training_first() -> None:
    app = preset_app("xor")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+t", "space")
        await wait_for_steps(app, 10)
        await pilot.press("right", "plus")
        assert not app.playground.training.playing
        descriptions = [edit.describe(app.document.network) for _, edit in app.document.history._done]
        assert descriptions[-2].startswith("train ") and "h1" in descriptions[-1]


async def test_x_builds_a_network_that_fits_the_data() -> None:
    app = preset_app("potatoes")  # three inputs: the datasets have two
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+t", "space")
        assert not app.playground.training.playing
        assert any("3" in n.message and "2 inputs" in n.message for n in app._notifications)
        await pilot.press("x")
        assert app.document.network.sizes == [2, 4, 4, 1]
        await pilot.press("s")
        assert app.document.training.steps == 1
        await pilot.press("u", "u")
        assert app.document.network.sizes == [3, 1]


async def test_x_on_a_fitting_network_draws_new_weights_and_restarts() -> None:
    app = preset_app("xor")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+t", "s", "s", "x")
        assert app.document.network.sizes == [2, 2, 1]
        assert app.document.training.steps == 0
        assert np.all(np.abs(app.document.network.layers[0].weights) < 1)


async def test_choosing_another_dataset_and_rate() -> None:
    app = preset_app("xor")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+t", "s")
        app.query_one("#dataset", Select).value = "spiral"
        app.query_one("#learning_rate", Select).value = 0.1
        await pilot.pause()
        assert app.document.training.dataset.name == "spiral"
        assert app.document.training.settings.config.learning_rate == 0.1
        # The history starts over, with the network measured on the new data at once.
        assert app.document.training.steps == 0 and [p.step for p in app.document.training.history] == [0]
        await pilot.press("s")
        assert app.document.training.trainer.config.learning_rate == 0.1


@pytest.mark.parametrize("child", [True, False], ids=["in the child process", "in-process"])
async def test_divergence_stops_training_with_a_message(monkeypatch, child: bool) -> None:
    """A loss that overflows: training stops, says why, and the weights are the last finite ones."""
    monkeypatch.setenv(DISABLE_VARIABLE, "1" if child else "0")
    linear = Network(["x1", "x2"], [0.0, 0.0], [DenseLayer([[1.0, 1.0]], [0.0], "linear")])
    app = NNTuiApp(linear)
    settings = TrainingSettings(dataset="plane", config=TrainingConfig(optimizer="sgd", learning_rate=1e200))
    app.document.training.change(settings)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+t", "space")
        deadline = asyncio.get_running_loop().time() + 10
        while app.playground.training.playing:
            assert asyncio.get_running_loop().time() < deadline, "training did not diverge"
            await asyncio.sleep(0.05)
        await pilot.pause()
        assert (app.playground.training.worker.process is not None) is child
        assert any("diverged" in n.message for n in app._notifications)
        layer = app.document.network.layers[0]
        assert np.isfinite(layer.weights).all() and np.isfinite(layer.bias).all()
        steps = app.document.training.steps
        await pilot.press("s")  # a fresh optimiser, the same rate: it diverges again
        assert app.document.training.steps == steps


def _screen(app: NNTuiApp) -> str:
    """What the screen shows: the text of the screenshot's cells (not its stylesheet)."""
    return html.unescape(" ".join(re.findall(r"<text[^>]*>([^<]*)</text>", app.export_screenshot())))


@pytest.mark.parametrize("optimizer", ["sgd", "momentum", "adam"])
async def test_a_single_step_that_diverges_is_undone_and_said(optimizer: str) -> None:
    """lr 1e308 and one `s`: the step's weights (±1e308) give no loss. It is undone as in play,
    and a notice says so."""
    linear = Network(["x1", "x2"], [0.0, 0.0], [DenseLayer([[1.0, 1.0]], [0.0], "linear")])
    app = NNTuiApp(linear)
    app.document.training.change(
        TrainingSettings(dataset="plane", config=TrainingConfig(optimizer=optimizer, learning_rate=1e308))
    )
    before = dumps_network(app.document.network)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+t", "s")
        await pilot.pause()
        assert dumps_network(app.document.network) == before and app.document.training.steps == 0
        assert any("diverged at step 1" in n.message for n in app._notifications)
        assert not re.search(r"\b(nan|inf)\b", _screen(app), re.IGNORECASE)


@pytest.mark.parametrize("optimizer", ["sgd", "adam"])
async def test_numbers_too_large_to_compute_are_said_not_shown_as_nan(optimizer: str) -> None:
    """The issue's case: xor's network on the circle, lr 1e308, one `s`. Each batch's loss can be
    computed, the loss over all the data cannot: the chart says so in words, with no nan or inf."""
    app = preset_app("xor")
    app.document.training.change(
        TrainingSettings(dataset="circle", config=TrainingConfig(optimizer=optimizer, learning_rate=1e308))
    )
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+t", "s")
        await pilot.pause()
        shown = _screen(app)
        assert not re.search(r"\b(nan|inf)\b", shown, re.IGNORECASE), shown
        history = app.document.training.history  # empty when the step was undone
        if history and not math.isfinite(history[-1].train.loss):
            assert "too large to compute" in " ".join(shown.split()), shown
        assert history or any("diverged at step 1" in n.message for n in app._notifications)


async def test_a_network_without_two_inputs_says_why_there_is_no_map() -> None:
    app = preset_app("layers")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+t")
        assert app.query_one(NetworkCanvas).maps is None
        assert "2 inputs" in app.query_one(BoundaryView)._message


async def test_the_tui_and_nntui_train_learn_the_same_network(tmp_path) -> None:
    import subprocess
    import sys

    from nntui.core.fileformat import load_network

    out = tmp_path / "trained.json"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "nntui",
            "train",
            "--preset",
            "xor",
            "--dataset",
            "spiral",
            "--steps",
            "7",
            "--seed",
            "0",
            "-o",
            str(out),
        ],
        check=True,
        capture_output=True,
    )
    app = preset_app("xor")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+t")
        app.query_one("#dataset", Select).value = "spiral"
        await pilot.pause()
        await pilot.press(*["s"] * 7)
        for mine, theirs in zip(app.document.network.layers, load_network(out).layers):
            np.testing.assert_array_equal(mine.weights, theirs.weights)
            np.testing.assert_array_equal(mine.bias, theirs.bias)


@pytest.mark.slow
async def test_the_focus_stays_on_a_setting_after_choosing_and_escape_leaves() -> None:
    """It went back to the network after each choice: the learning rate again was Tab ×6."""
    app = preset_app("xor")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+t", "tab")
        assert isinstance(app.focused, Select)
        await pilot.press("escape")
        assert isinstance(app.focused, NetworkCanvas)
        await pilot.press("tab", "enter", "down", "enter")  # xor → gaussians
        assert app.document.training.dataset.name == "gaussians"
        assert app.focused is app.query_one("#dataset", Select)  # still there, for the next choice
        await pilot.press("enter", "down", "enter")
        assert app.document.training.dataset.name == "spiral"
        await pilot.press("space")  # space plays even from a list
        assert app.playground.training.playing
        await pilot.press("space")
        assert not app.playground.training.playing
        await pilot.press("escape")
        assert isinstance(app.focused, NetworkCanvas)


async def test_comma_and_full_stop_step_the_learning_rate_and_stop_at_its_ends() -> None:
    from nntui.document.session import LEARNING_RATES, REGULARIZATION_RATES

    app = preset_app("xor")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+t")
        config = lambda: app.document.training.settings.config  # noqa: E731
        start = LEARNING_RATES.index(config().learning_rate)
        await pilot.press("full_stop")
        assert config().learning_rate == LEARNING_RATES[start + 1]
        assert app.query_one("#learning_rate", Select).value == LEARNING_RATES[start + 1]  # the list follows
        await pilot.press(*["comma"] * 20)
        assert config().learning_rate == LEARNING_RATES[0]  # stops at the end, no wrap to 10
        said = [n for n in app._notifications if str(LEARNING_RATES[0]) in str(n.message)]
        assert len(said) == 1  # said once, however often the key is pressed at the end
        await pilot.press("greater_than_sign", "greater_than_sign")
        assert config().regularization_rate == REGULARIZATION_RATES[2]
        await pilot.press("less_than_sign")
        assert config().regularization_rate == REGULARIZATION_RATES[1]
        await pilot.press("u")  # a setting is not an edit of the network: nothing to undo
        assert config().regularization_rate == REGULARIZATION_RATES[1]


async def test_a_csv_file_given_at_start_is_the_training_data(tmp_path) -> None:
    csv = tmp_path / "points.csv"
    rows = ["x1,x2,y"] + [f"{i / 10},{-i / 10},{int(i > 5)}" for i in range(10)]
    csv.write_text("\n".join(rows) + "\n")
    app = NNTuiApp(load_preset("xor"), preset="xor", data=csv)
    async with app.run_test(size=SIZE) as pilot:
        assert app.playground.training.active  # it opens on the training view, on that data
        await pilot.press("s")
        assert app.document.training.dataset.name == "points.csv"
        assert app.document.training.dataset.n_inputs == 2
        assert app.query_one("#dataset", Select).value == "csv"
        app.query_one("#dataset", Select).value = "circle"
        await pilot.pause()
        assert app.document.training.dataset.name == "circle"


async def test_accuracy_and_losses_follow_a_change_by_hand_at_once() -> None:
    """Zeroing a layer after training: the panel's numbers are those of the network on screen."""
    app = preset_app("xor")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+t", "x", *["s"] * 30)
        trained = app.document.training.history[-1]
        await pilot.press("l", "l", "Z")  # the output layer's weights and bias to 0
        await pilot.pause()
        now = app.document.training.history[-1]
        assert now.step == trained.step and now.train.loss != trained.train.loss
        status = widget_text(app.query_one("#train-status"))
        assert f"{now.train.accuracy:.1%}" in status
        await pilot.press("u")
        assert app.document.training.history[-1].train.loss == trained.train.loss


async def test_training_goes_on_in_process_when_the_child_dies() -> None:
    """A child killed mid-play (out of memory, a stray kill): the steps go on here, nothing is lost."""
    app = preset_app("xor")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+t", "space")
        worker = app.playground.training.worker
        deadline = asyncio.get_running_loop().time() + 10
        while not (worker.process is not None and worker.process.started()):
            assert asyncio.get_running_loop().time() < deadline, "the child never started"
            await asyncio.sleep(0.05)
        await wait_for_steps(app, app.document.training.steps + 100)
        worker.process._child.kill()  # SIGKILL; TerminateProcess on Windows
        steps = app.document.training.steps
        await wait_for_steps(app, steps + 100)  # in-process now
        assert app.playground.training.playing
        await pilot.press("space")
        assert not app.playground.training.playing
        layer = app.document.network.layers[0]
        assert np.isfinite(layer.weights).all()
        steps = app.document.training.steps
        await pilot.press("s")  # a fresh trainer here, on the weights as they are
        assert app.document.training.steps == steps + 1


async def test_training_runs_in_process_when_no_child_can_start(monkeypatch) -> None:
    def cannot_start(language: str) -> None:
        raise TrainingProcessError("no child today")

    monkeypatch.setattr(training_worker, "TrainingProcess", cannot_start)
    app = preset_app("xor")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+t", "space")
        await wait_for_steps(app, 50)
        assert app.playground.training.worker.process is None
        await pilot.press("space")
        assert not app.playground.training.playing


async def test_an_open_list_stops_at_its_ends() -> None:
    """Down on the largest learning rate keeps it (the list used to go round to 0.00001)."""
    from textual.widgets import OptionList

    from nntui.document.session import LEARNING_RATES

    app = preset_app("xor")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+t", *["full_stop"] * len(LEARNING_RATES))
        app.query_one("#learning_rate", Select).focus()
        await pilot.press("enter")  # the list opens on the largest rate
        listed = app.focused
        assert isinstance(listed, OptionList)
        last = listed.highlighted
        await pilot.press("down", "down")
        assert listed.highlighted == last
        await pilot.press("enter")
        assert app.document.training.settings.config.learning_rate == LEARNING_RATES[-1]
        app.query_one("#learning_rate", Select).focus()
        await pilot.press("enter", *["up"] * (len(LEARNING_RATES) + 2), "enter")
        assert app.document.training.settings.config.learning_rate == LEARNING_RATES[0]


async def test_leaving_the_training_view_gives_the_keys_back_to_the_network() -> None:
    """A control of the training panel kept the focus once the view was hidden: → went to it (the
    tour in tmux lost its keys there) instead of moving the cursor."""
    app = preset_app("xor")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+t", *["tab"] * 5)
        assert app.focused is not None and app.focused is not app.query_one(NetworkCanvas)
        await pilot.press("ctrl+t", "right")
        assert isinstance(app.focused, NetworkCanvas)
        assert app.document.selection.column == 1
