"""The training view's frames: numbers at reading speed, steady sizes, the boundary's changed lines, pacing.

Clocks are simulated (``ReadingPace`` and ``FramePacer`` take one): no test waits for seconds to pass.
"""

from __future__ import annotations

import asyncio
import gc
import itertools
import re
from collections.abc import Callable

import numpy as np
from textual.app import App, ComposeResult
from textual.geometry import Region
from textual.strip import Strip
from textual.widget import Widget

from nntui.app import collector
from nntui.app.app import NNTuiApp
from nntui.app.controllers.frames import READING_SECONDS, FramePacer, ReadingPace
from nntui.app.widgets.boundary_view import BoundaryView
from nntui.app.widgets.loss_chart import LossChart
from nntui.app.widgets.metrics_panel import MetricsPanel
from nntui.app.widgets.training_panel import TrainingPanel
from nntui.core.datasets import make_dataset
from nntui.core.training.metrics import Metrics
from nntui.document.session import TrainingSettings
from tests.factory import random_network

from .helpers import repaints, widget_text

SIZE = (140, 44)
FRAMES_PER_SECOND = 60


class SteppedClock:
    """A clock that moves on by ``step`` seconds each time it is read."""

    def __init__(self, step: float) -> None:
        self.now, self.step = 0.0, step

    def __call__(self) -> float:
        self.now += self.step
        return self.now


def _spiral_app() -> NNTuiApp:
    network = random_network((2, 8, 8, 1), activation="tanh", output_activation="sigmoid", seed=0)
    app = NNTuiApp(network)
    app.document.training.change(TrainingSettings(dataset="spiral"))
    return app


async def _until(condition: Callable[[], bool], timeout: float = 20.0) -> None:
    deadline = asyncio.get_running_loop().time() + timeout
    while not condition():
        assert asyncio.get_running_loop().time() < deadline, "never came"
        await asyncio.sleep(0.02)


def _shown_steps(app: NNTuiApp) -> int:
    status = widget_text(app.query_one("#train-status"))
    return int(re.search(r"step ([\d,]+)", status).group(1).replace(",", ""))  # type: ignore[union-attr]


# --- numbers at reading speed --------------------------------------------------------------------


def test_numbers_are_due_at_most_five_times_a_second_of_frames() -> None:
    pace = ReadingPace(SteppedClock(1 / FRAMES_PER_SECOND))
    due = [pace.due() for _ in range(3 * FRAMES_PER_SECOND)]  # three simulated seconds at 60 frames/s
    assert due[0]  # the first frame shows the numbers
    assert sum(due) <= 3 / READING_SECONDS + 1
    assert sum(due) >= 3 / READING_SECONDS - 1  # and they do follow, at that pace


async def test_while_playing_the_numbers_wait_their_turn_and_pausing_shows_the_last() -> None:
    app = _spiral_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+t")
        training, session = app.playground.training, app.document.training
        charts = []
        chart = app.query_one(LossChart)
        show_chart = chart.show
        chart.show = lambda *args, **kwargs: (charts.append(1), show_chart(*args, **kwargs))[1]  # type: ignore[method-assign]
        training.reading.clock = lambda: 0.0  # time stands still: only the first frame is due
        await pilot.press("space")
        await _until(lambda: len(session.history) >= 6 and session.steps > 0)  # frames, each measured
        frozen, charts_shown = _shown_steps(app), len(charts)
        await _until(lambda: session.history[-1].step > frozen + 1)  # later frames, later steps
        await pilot.pause()
        assert _shown_steps(app) == frozen  # not shown yet: not due
        assert len(charts) == charts_shown
        await pilot.press("space")
        await pilot.pause()
        assert _shown_steps(app) == session.steps  # paused: every number at once
        assert "paused" in widget_text(app.query_one("#train-status"))
        assert len(charts) >= 2


async def test_frames_show_the_numbers_at_most_once_per_reading_interval_of_simulated_time() -> None:
    app = _spiral_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+t")
        training = app.playground.training
        charts = []
        chart = app.query_one(LossChart)
        show_chart = chart.show
        chart.show = lambda *args, **kwargs: (charts.append(1), show_chart(*args, **kwargs))[1]  # type: ignore[method-assign]
        # Read once per frame, each frame 1/15 s: a simulated second in 15 frames, three a reading interval.
        clock = SteppedClock(1 / 15)
        training.reading.clock = clock
        await pilot.press("space")
        await pilot.pause()
        shown_before, start = len(charts), clock.now  # playing is shown at once: not a frame
        await _until(lambda: clock.now >= start + 1.0)  # a simulated second of frames
        frames_shown, seconds = len(charts) - shown_before, clock.now - start
        await pilot.press("space")
        assert 2 <= frames_shown <= seconds / READING_SECONDS + 1  # they follow, 5 times a second at most
        assert len(charts) > shown_before + frames_shown  # paused: shown at once


# --- sizes that do not follow the words while training --------------------------------------------


async def test_while_training_the_words_keep_their_lines_and_the_layout_stays() -> None:
    app = _spiral_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+t")
        panel = app.query_one(TrainingPanel)
        watched = ["#train-status", "#train-diagnosis", "#train-scroll", "#boundary", "#loss", "#metrics"]

        def regions() -> list[Region]:
            return [app.query_one(selector).region for selector in watched]

        panel.show_status("Playing · 10 steps\nAccuracy 50%", ["The loss is rising"], steady=True)
        await pilot.pause()
        before = regions()
        for status, diagnosis in [("Playing · 20 steps", []), ("Playing\nAccuracy 9%", ["a"]), ("P", [])]:
            panel.show_status(status, diagnosis, steady=True)
            await pilot.pause()
            assert regions() == before, status
        panel.show_status("Paused · 30 steps", [])  # paused: the lines it needs
        await pilot.pause()
        assert regions() != before


async def test_while_training_the_metrics_keep_their_width() -> None:
    app = _spiral_app()
    async with app.run_test(size=(170, 44)) as pilot:  # wide: the metrics as wide as their numbers
        await pilot.press("ctrl+t")
        metrics = app.query_one(MetricsPanel)

        def confusion(right: int) -> tuple[Metrics, Metrics]:
            counts = ((right, 3), (4, right))
            matrix = np.array(counts, dtype=np.int64)
            return Metrics(int(matrix.sum()), matrix), Metrics(int(matrix.sum()), matrix)

        metrics.show(confusion(123456), ("a", "b"), steady=True)
        await pilot.pause()
        before = metrics.region
        metrics.show(confusion(7), ("a", "b"), steady=True)
        await pilot.pause()
        assert metrics.region == before
        assert "7" in widget_text(metrics)
        metrics.show(confusion(7), ("a", "b"))
        await pilot.pause()
        assert metrics.region.width < before.width


# --- the boundary: only the lines that changed ---------------------------------------------------


async def test_the_boundary_repaints_only_the_lines_whose_colours_changed() -> None:
    app = _spiral_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+t")
        await pilot.pause()
        view = app.query_one(BoundaryView)
        data = make_dataset("spiral", seed=0)
        network = random_network((2, 8, 8, 1), activation="tanh", output_activation="sigmoid", seed=0)
        view.show(network, data)
        lines_before = [view.render_line(y) for y in range(view.size.height)]
        refreshed = repaints(view)  # a refresh without regions counts as the whole widget
        view.show(network, data)
        assert refreshed == []  # the same picture: nothing to repaint
        network.layers[0].bias[0] += 0.3  # a part of the picture changes
        view.show(network, data)
        lines_after = [view.render_line(y) for y in range(view.size.height)]
        changed = {y for y, (a, b) in enumerate(zip(lines_before, lines_after)) if _cells(a) != _cells(b)}
        repainted = {y for region in refreshed for y in range(region.y, region.bottom)}
        assert changed and len(repainted) < view.size.height  # some lines changed, not all
        assert changed <= repainted
        # A line repainted that looks the same: a point's mark hides the half of its cell that changed.
        assert all(any(text != "▀" for text, _ in _cells(lines_after[y])) for y in repainted - changed)


def _cells(strip: Strip) -> list[tuple[str, object]]:
    return [(segment.text, segment.style) for segment in strip]


# --- pacing: the next frame once the last one is drawn ---------------------------------------------


class Counted(Widget):
    renders = 0

    def render_line(self, y: int) -> Strip:
        if y == 0:
            Counted.renders += 1
        return Strip.blank(self.size.width)


class PacedApp(App[None]):
    def compose(self) -> ComposeResult:
        yield Counted()


async def test_the_next_frame_comes_after_the_last_was_drawn() -> None:
    app = PacedApp()
    async with app.run_test(size=(20, 4)) as pilot:
        widget = app.query_one(Counted)
        drawn_at_tick: list[int] = []

        def tick() -> None:
            drawn_at_tick.append(Counted.renders)
            widget.refresh()  # a new picture

        pacer = FramePacer(app.screen, tick, clock=SteppedClock(1.0))  # no wait between frames
        pacer.start()
        await _until(lambda: len(drawn_at_tick) >= 10)
        pacer.stop()
        ticks = len(drawn_at_tick)
        await pilot.pause()
        await asyncio.sleep(0.05)
        assert len(drawn_at_tick) == ticks  # stopped: no more frames
    # Every frame was drawn before the next was asked for.
    assert all(later > earlier for earlier, later in itertools.pairwise(drawn_at_tick)), drawn_at_tick


# --- the garbage collector while training ----------------------------------------------------------


def test_training_raises_the_young_threshold_and_stopping_restores_it() -> None:
    before = gc.get_threshold()
    collector.training_started()
    collector.training_started()  # twice: still restored to the first
    assert gc.get_threshold()[0] >= collector.TRAINING_YOUNG_THRESHOLD
    collector.training_stopped()
    assert gc.get_threshold() == before
