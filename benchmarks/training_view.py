"""The training view's frame rate: steps/s and heatmap frames/s while it trains.

The real app, headless under ``App.run_test``: a 2-8-8-8-1 network (tanh,
sigmoid output), the spiral data, the view's default settings; then play
(``action_play_pause``: the training thread and the frame timer start), and
for a few seconds count

* training steps (the session's step counter),
* heatmap frames: screen updates (``App._display`` with a compositor update,
  turned into terminal output as a terminal would get it) that follow a tick
  of the training view's frame timer (``TrainingController._frame``, which recomputes
  every heatmap),

once with the app as shipped (its frame timer, ``FRAME_SECONDS``), once
with the timer patched in this process to tick 60 times a second, which
shows what the view can draw, not what it is asked to, and once more so but
with the training thread only sleeping (the session's ``run`` patched): the
frame rate the view reaches when training costs nothing.  Also: the steps/s
of the same training without the app, and what one frame costs the UI
thread (training paused), with the profile's split by package.
"""

from __future__ import annotations

import asyncio
import cProfile
import tempfile
import time
from pathlib import Path

from textual._compositor import CompositorUpdate

from benchmarks.common import median, time_shares

SIZE = (140, 44)
SIZES = (2, 8, 8, 8, 1)


def _app(state: Path):  # -> NNTuiApp
    from nntui.app.app import NNTuiApp
    from nntui.document.session import TrainingSettings
    from nntui.document.recovery import RecoveryStore
    from tests.factory import random_network

    network = random_network(SIZES, activation="tanh", output_activation="sigmoid", seed=0)
    app = NNTuiApp(network, recovery=RecoveryStore(state))
    app.document.training.change(TrainingSettings(dataset="spiral"))
    return app


async def _playing(state: Path, seconds: float, frame_seconds: float | None, train: bool = True) -> dict:
    from nntui.app.controllers import training as training_mode
    from nntui.document.session import TrainingSession

    shipped = training_mode.FRAME_SECONDS
    if frame_seconds is not None:
        training_mode.FRAME_SECONDS = frame_seconds  # read when play starts the timer
    session_run = TrainingSession.run
    if not train:  # the control: the training thread only sleeps, the view draws all the same

        def idle(self: TrainingSession, steps: int) -> None:
            time.sleep(0.02)

        TrainingSession.run = idle  # type: ignore[method-assign]
    app = _app(state)
    counts = {"ticks": 0, "frames": 0, "bytes": 0}
    pending = False
    try:
        async with app.run_test(size=SIZE) as pilot:
            controller = app.playground.training
            tick = controller._frame

            def counted_tick() -> None:
                nonlocal pending
                tick()
                counts["ticks"] += 1
                pending = True

            controller._frame = counted_tick  # type: ignore[method-assign]
            display = app._display

            def display_and_encode(screen, renderable):  # type: ignore[no-untyped-def]
                nonlocal pending
                if isinstance(renderable, CompositorUpdate):
                    counts["bytes"] += len(renderable.render_segments(app.console))
                    if pending:
                        counts["frames"] += 1
                        pending = False
                return display(screen, renderable)

            app._display = display_and_encode  # type: ignore[method-assign]
            await pilot.press("ctrl+t")
            await pilot.pause()
            config = app.document.training.settings.config
            app.playground.action_play_pause()
            await asyncio.sleep(min(0.5, seconds / 2))  # the training thread gets going
            steps0, counts0, start = app.document.training.steps, dict(counts), time.perf_counter()
            await asyncio.sleep(seconds)
            elapsed = time.perf_counter() - start
            steps1, counts1 = app.document.training.steps, dict(counts)
            app.playground.action_play_pause()
            await pilot.pause()
    finally:
        training_mode.FRAME_SECONDS = shipped
        TrainingSession.run = session_run  # type: ignore[method-assign]
    frames = counts1["frames"] - counts0["frames"]
    return {
        "frame_timer_hz": round(1 / (frame_seconds or shipped), 1),
        "steps_per_second": round((steps1 - steps0) / elapsed, 1),
        "heatmap_frames_per_second": round(frames / elapsed, 2),
        "timer_ticks_per_second": round((counts1["ticks"] - counts0["ticks"]) / elapsed, 2),
        "kilobytes_per_frame": round((counts1["bytes"] - counts0["bytes"]) / max(frames, 1) / 1e3, 1),
        "seconds": round(elapsed, 2),
        "settings": {"dataset": "spiral", "optimizer": config.optimizer, "batch_size": config.batch_size,
                     "learning_rate": config.learning_rate},
    }


async def _frame_cost(state: Path, frames: int) -> dict:
    """What one frame costs the UI thread, training paused (no competition for the GIL)."""
    app = _app(state)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+t", "s")
        await pilot.pause()
        app.playground.training.playing = True  # what the frame checks; no training thread runs
        costs = []
        profile = cProfile.Profile()
        try:
            for i in range(frames):
                app.document.training.run(20)  # new weights, new heatmaps
                profile_this = i >= frames // 2
                start = time.perf_counter()
                if profile_this:
                    profile.enable()
                app.playground.training._frame()
                await pilot._wait_for_screen()
                app.screen._on_timer_update()
                if profile_this:
                    profile.disable()
                costs.append(time.perf_counter() - start)
        finally:
            app.playground.training.playing = False
    return {"median_ms": round(median(costs[: frames // 2]) * 1e3, 2), "time_shares": time_shares(profile)}


def _training_alone(seconds: float) -> float:
    """Steps/s of the same training, no app: nntui.core only."""
    from nntui.document.session import TrainingSession, TrainingSettings
    from tests.factory import random_network

    network = random_network(SIZES, activation="tanh", output_activation="sigmoid", seed=0)
    session = TrainingSession(network, TrainingSettings(dataset="spiral"))
    session.run(10)
    steps, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        session.run(100)
        steps += 100
    return steps / (time.perf_counter() - start)


def measure(seconds: float, cost_frames: int) -> dict:
    with tempfile.TemporaryDirectory() as state:
        path = Path(state)
        shipped = asyncio.run(_playing(path, seconds, None))
        fast = asyncio.run(_playing(path, seconds, 1 / 60))
        idle = asyncio.run(_playing(path, seconds, 1 / 60, train=False))
        cost = asyncio.run(_frame_cost(path, cost_frames))
    alone = _training_alone(min(seconds, 1.0))
    met = shipped["heatmap_frames_per_second"] >= 30 and shipped["steps_per_second"] >= 1000
    return {
        "method": (
            f"Headless App.run_test at {SIZE[0]}×{SIZE[1]}, {'-'.join(map(str, SIZES))} network (tanh, "
            "sigmoid output) on the spiral data with the training view's default settings; play for "
            f"{seconds:g} s and count steps and heatmap frames (screen updates, encoded as terminal "
            "output, after a tick of the view's frame timer). 'as shipped' uses the app's frame timer; "
            "'timer at 60/s' patches it in this process to show what the view can draw."
        ),
        "network": "-".join(map(str, SIZES)),
        "as_shipped": shipped,
        "timer_at_60_per_second": fast,
        "timer_at_60_per_second_not_training": {
            key: idle[key] for key in ("frame_timer_hz", "heatmap_frames_per_second", "timer_ticks_per_second")
        },
        "frame_cost_paused": cost,
        "training_alone_steps_per_second": round(alone, 1),
        "target": {"heatmap_frames_per_second": 30, "steps_per_second": 1000},
        "met": met,
    }


def summary_rows(section: dict) -> list[dict]:
    shipped, fast = section["as_shipped"], section["timer_at_60_per_second"]
    return [{
        "measurement": f"Training view, spiral, {section['network']}: heatmap frames/s while training",
        "result": (f"{shipped['heatmap_frames_per_second']:.1f} frames/s at {shipped['steps_per_second']:,.0f} "
                   f"steps/s (timer {shipped['frame_timer_hz']:g}/s); {fast['heatmap_frames_per_second']:.1f} "
                   f"frames/s with the timer at 60/s, "
                   f"{section['timer_at_60_per_second_not_training']['heatmap_frames_per_second']:.1f} "
                   f"with no training at all"),
        "target": "≥ 30 frames/s at ≥ 1,000 steps/s",
        "met": section["met"],
    }]
