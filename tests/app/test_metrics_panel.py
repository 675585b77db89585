"""Pilot tests of the metrics panel (confusion matrix, R² and MSE) and of the stop rule in the training view."""

from __future__ import annotations

import asyncio
import math
from pathlib import Path

import numpy as np
import pytest
from textual.widgets import Select

from nntui.app.app import NNTuiApp
from nntui.app.widgets.loss_chart import LossChart
from nntui.app.widgets.metrics_panel import MAX_MATRIX_CLASSES, MetricsPanel, class_labels, confusion_lines
from nntui.core.presets import load_preset
from nntui.i18n import set_language, whole_number

from .helpers import preset_app, train_on_circle, widget_text

SIZE = (120, 36)


def _matrix_rows(app: NNTuiApp) -> list[list[int]]:
    """The numbers of the panel's class rows (train then test counts), as drawn."""
    text = widget_text(app.query_one(MetricsPanel)).splitlines()
    rows = [line.strip("│ ").split() for line in text if line.strip("│ ")[:1].isdigit()]
    return [[int(v) for v in row[1:]] for row in rows]


def _counts(app: NNTuiApp) -> list[list[int]]:
    metrics = app.document.training.metrics
    assert metrics is not None
    train, test = (m.confusion for m in metrics)
    assert train is not None and test is not None
    return [[*a, *b] for a, b in zip(train.tolist(), test.tolist())]


def test_many_classes_show_the_test_matrix_alone_when_both_do_not_fit() -> None:
    counts = np.arange(100, dtype=np.int64).reshape(10, 10)
    labels = class_labels(tuple(f"digit {i}" for i in range(10)), 10)
    assert labels[0] == "0 digit 0" and len(labels) == 10
    both = confusion_lines(counts, counts + 1, labels, 200)
    assert len(both) == 12 and "train" in both[0].plain and "test" in both[0].plain
    alone = confusion_lines(counts, counts + 1, labels, 60)
    assert len(alone) == 12 and "train" not in alone[0].plain and alone[0].plain.split() == ["test"]
    assert alone[2].plain.split()[3:] == [str(v + 1) for v in counts[0]]  # the test counts
    assert max(len(line.plain) for line in both) <= 200


@pytest.mark.parametrize("count", [MAX_MATRIX_CLASSES + 1, 1000])
def test_more_classes_than_a_matrix_shows_give_the_most_frequent_wrong_answers(count: int) -> None:
    """The sweep's fall: 1,000 one-hot columns drew a 1,000 × 1,000 matrix on every change (57 s a
    step). Past MAX_MATRIX_CLASSES the panel lists the test's most frequent wrong answers instead:
    a few lines, whatever the number of classes."""
    test = np.zeros((count, count), np.int64)
    np.fill_diagonal(test, 3)
    test[3, 8], test[count - 1, 0], test[10, 11], test[5, 5] = 12, 5, 5, 40
    lines = [line.plain for line in confusion_lines(test * 2, test, class_labels((), count), 60)]
    assert f"{whole_number(count)} classes" in lines[0]
    assert [line.split() for line in lines[1:]] == [
        ["3", "→", "8", "12×"],
        ["10", "→", "11", "5×"],
        [str(count - 1), "→", "0", "5×"],
    ]
    right = np.eye(count, dtype=np.int64)
    assert len(confusion_lines(right, right, class_labels((), count), 60)) == 2  # nothing wrong: said


async def _wait_until_paused(app: NNTuiApp, timeout: float = 20.0) -> None:
    deadline = asyncio.get_running_loop().time() + timeout
    while app.playground.training.playing:
        assert asyncio.get_running_loop().time() < deadline, "training did not stop"
        await asyncio.sleep(0.05)
    await asyncio.sleep(0.1)


async def test_the_confusion_matrix_shows_the_sessions_counts_and_follows_every_change() -> None:
    app = preset_app("xor")
    async with app.run_test(size=SIZE) as pilot:
        await train_on_circle(pilot)
        panel = app.query_one(MetricsPanel)
        assert panel.display and not panel.has_class("-empty")
        assert panel.border_title == "confusion matrix"
        trained = _counts(app)
        assert _matrix_rows(app) == trained
        data = app.document.training.dataset
        assert sum(trained[0]) + sum(trained[1]) == len(data.x_train) + len(data.x_test)  # every sample once
        await pilot.press("l", "l", "Z")  # the output layer to 0: every answer the same class
        await pilot.pause()
        zeroed = _counts(app)
        assert zeroed != trained and _matrix_rows(app) == zeroed
        assert zeroed[0][0] == 0 and zeroed[1][0] == 0  # sigmoid(0) = 0.5 answers 1
        await pilot.press("u")
        await pilot.pause()
        assert _matrix_rows(app) == trained
        app.query_one("#dataset", Select).value = "spiral"  # other data: measured on it at once
        await pilot.pause()
        spiral = app.document.training.dataset
        assert spiral.name == "spiral" and _matrix_rows(app) == _counts(app) != trained
        assert sum(map(sum, _counts(app))) == len(spiral.x_train) + len(spiral.x_test)
        await pilot.press("s")
        await pilot.pause()
        assert _matrix_rows(app) == _counts(app)


async def test_a_network_that_does_not_fit_the_data_has_no_metrics() -> None:
    app = preset_app("potatoes")  # three inputs: not the plane's two
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+t")
        await pilot.pause()
        panel = app.query_one(MetricsPanel)
        assert panel.has_class("-empty") and not panel.display
        await pilot.press("x")  # a network that fits: measured at once
        await pilot.pause()
        assert not panel.has_class("-empty") and panel.display and _matrix_rows(app) == _counts(app)


async def test_regression_shows_r_squared_and_squared_error() -> None:
    app = preset_app("xor")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+t")
        app.query_one("#dataset", Select).value = "plane"
        await pilot.pause()
        await pilot.press("x", "s", "s")  # a network whose output reaches the targets
        await pilot.pause()
        metrics = app.document.training.metrics
        assert metrics is not None and metrics[0].r2 is not None and metrics[1].mse is not None
        text = widget_text(app.query_one(MetricsPanel))
        assert f"{metrics[0].r2:.3f}" in text and f"{metrics[1].r2:.3f}" in text
        assert f"{metrics[1].mse:.4g}" in text and "MSE" in text
        status = widget_text(app.query_one("#train-status"))
        assert f"R² {metrics[0].r2:.3f} · test {metrics[1].r2:.3f}" in status


@pytest.mark.parametrize("targets", [(0.5, 0.5), (0.0, 1e-160)], ids=["all-the-same", "spread-too-small"])
async def test_an_r_squared_that_means_nothing_says_why(tmp_path: Path, targets: tuple[float, float]) -> None:
    """`nntui --data flat.csv`, s: targets all the same (or spread by 1e-160, whose square no
    float holds) leave R² nothing to divide by. The panel showed "R² — —" and no word why;
    it says why, in one line, as it does for a squared error too large to compute."""
    flat = tmp_path / "flat.csv"
    flat.write_text("x1,x2,y\n" + "".join(f"{i / 40},{-i / 40},{targets[i % 2]}\n" for i in range(40)))
    app = NNTuiApp(load_preset("xor"), preset="xor", data=flat)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s")
        await pilot.pause()
        metrics = app.document.training.metrics
        assert metrics is not None and all(m.mse is not None and math.isfinite(m.mse) for m in metrics)
        assert not all(m.r2 is not None and math.isfinite(m.r2) for m in metrics)
        text = " ".join(widget_text(app.query_one(MetricsPanel)).replace("│", " ").split())
        assert "R² — : the targets (almost) do not vary" in text, text


@pytest.mark.parametrize(("size", "where"), [((80, 24), "hidden"), ((120, 36), "under"), ((200, 60), "beside")])
async def test_the_panel_finds_its_place_and_the_chart_keeps_room(size: tuple[int, int], where: str) -> None:
    app = preset_app("xor")
    async with app.run_test(size=size) as pilot:
        await train_on_circle(pilot)
        panel, chart = app.query_one(MetricsPanel), app.query_one(LossChart)
        boundary = app.query_one("#boundary")
        assert boundary.region.height >= 10 and chart.region.height >= 10
        if where == "hidden":
            assert not panel.display and panel.region.height == 0
            return
        assert panel.display
        counts = _counts(app)
        assert _matrix_rows(app) == counts  # all of it, uncut
        if where == "under":
            assert panel.region.y == chart.region.bottom and panel.region.x == chart.region.x
        else:
            assert panel.region.x == chart.region.right and panel.region.y == chart.region.y
            assert "rows: target" in widget_text(panel)  # its subtitle fits


@pytest.mark.parametrize("language", ["en", "fr"])
async def test_the_stop_rule_stops_training_and_the_panel_says_so(language: str) -> None:
    set_language(language)
    app = preset_app("xor")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+t")
        app.query_one("#dataset", Select).value = "circle"
        app.query_one("#learning_rate", Select).value = 0.3
        await pilot.pause()
        select = app.query_one("#stop_after", Select)
        assert select.value == 0 and app.document.training.settings.stop_after == 0
        select.value = 50
        await pilot.pause()
        assert app.document.training.settings.stop_after == 50
        await pilot.press("space")
        await _wait_until_paused(app)
        session = app.document.training
        assert session.stopped is not None
        assert session.steps == session.stopped.step == session.stopped.best_step + 50
        status = widget_text(app.query_one("#train-status"))
        words = {
            "en": ("■ stopped", "No better test loss in 50 steps: best", f"at step {session.stopped.best_step:,}."),
            "fr": (
                "■ arrêté",
                "Pas de meilleure perte de test en 50 pas : meilleure",
                f"au pas {whole_number(session.stopped.best_step)}.",
            ),
        }[language]
        said = " ".join(line.strip("│ ") for line in status.splitlines())  # the wrapped lines, one text
        for part in words:
            assert part in said, status
        stopped = session.stopped
        await pilot.press("u")  # the stretch up to the stop is one undo: back to before it, step 0
        assert app.document.training.steps == 0 and not app.playground.training.playing
        assert app.document.training.stopped is None and "■" not in widget_text(app.query_one("#train-status"))
        await pilot.press("ctrl+r")  # and redo gives the stop back
        assert app.document.training.stopped == stopped and app.document.training.steps == stopped.step
        assert "■" in widget_text(app.query_one("#train-status"))
        await pilot.press("u")
        await pilot.press("s")  # a step by hand: the panel no longer speaks of the stop
        await pilot.pause()
        assert app.document.training.stopped is None
        assert "■" not in widget_text(app.query_one("#train-status"))
