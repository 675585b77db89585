"""The training view's frame rate: steps/s and heatmap frames/s while it trains, in process.

What a terminal receives is counted end to end by ``frames_e2e.py``; this is
the breakdown: what the view is asked to draw, what it can draw, what a frame
costs.

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

In the same rounds, taking turns with the view: the picture app
(``picture_app.py``: the whole 140×44 screen in half-block cells, every
cell its own colours, redrawn as fast as Textual draws it), whose frames/s
the view's are judged against, and ``nntui train``'s training loop on the
same network and data, whose steps/s the playground's are compared with
(``view_references.py``).  Each round gives the ratios; the report keeps
their median over rounds.
"""

from __future__ import annotations

import asyncio
import cProfile
import os
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from benchmarks.common import median, rotated, spread, time_shares
from benchmarks.frames import FrameCounter, settled
from benchmarks.view_references import nntui_train_rate, picture_rate

SIZE = (140, 44)
SIZES = (2, 8, 8, 8, 1)
TARGET_FRAMES_RATIO = 1.0  # the view's frames/s against the picture app's
TARGET_STEPS = 1000  # steps/s while the view draws
TARGET_STEPS_RATIO = 0.8  # the playground's steps/s against nntui train's


def _network():  # -> Network
    from tests.factory import random_network

    return random_network(SIZES, activation="tanh", output_activation="sigmoid", seed=0)


def _settings():  # -> TrainingSettings
    from nntui.document.session import TrainingSettings

    return TrainingSettings(dataset="spiral")


def _app(state: Path):  # -> NNTuiApp
    from nntui.app.app import NNTuiApp
    from nntui.document.recovery import RecoveryStore

    app = NNTuiApp(_network(), recovery=RecoveryStore(state))
    app.document.training.change(_settings())
    return app


async def _steps_past(app, steps: int, patience: float = 20.0) -> None:
    """Wait until the document has counted more than `steps` steps (a busy CI machine can be slow)."""
    deadline = time.perf_counter() + patience
    while app.document.training.steps <= steps and time.perf_counter() < deadline:
        await asyncio.sleep(0.01)


async def _playing(
    state: Path, seconds: float, frame_seconds: float | None, train: bool = True, in_process: bool = False
) -> dict:
    """``in_process``: training in a thread of the app's process, as before the child process
    (NNTUI_TRAINING_PROCESS=0); the control without training is always in-process (it patches
    the session's ``run``)."""
    with _training_in_process(in_process or not train):
        return await _play_and_count(state, seconds, frame_seconds, train)


@contextmanager
def _training_in_process(yes: bool) -> Iterator[None]:
    from nntui.document.training_process import DISABLE_VARIABLE

    before = os.environ.get(DISABLE_VARIABLE)
    if yes:
        os.environ[DISABLE_VARIABLE] = "0"  # read when the app is made
    try:
        yield
    finally:
        if before is None:
            os.environ.pop(DISABLE_VARIABLE, None)
        else:
            os.environ[DISABLE_VARIABLE] = before


async def _play_and_count(state: Path, seconds: float, frame_seconds: float | None, train: bool) -> dict:
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
    counts = {"ticks": 0}
    try:
        async with app.run_test(size=SIZE) as pilot:
            controller = app.playground.training
            tick = controller._frame
            frames = FrameCounter(app)

            def counted_tick() -> None:
                tick()
                counts["ticks"] += 1
                frames.picture_changed()

            controller._frame = counted_tick  # type: ignore[method-assign]
            await pilot.press("ctrl+t")
            await pilot.pause()
            config = app.document.training.settings.config
            app.playground.action_play_pause()
            await asyncio.sleep(min(0.5, seconds / 2))  # the training thread gets going
            if train:  # on a loaded machine the first stretch can take longer than that
                await _steps_past(app, 0)
            steps0, counts0, start = app.document.training.steps, {**counts, **frames.counts}, time.perf_counter()
            await asyncio.sleep(seconds)
            if train:  # a window shorter than one stretch would count no steps at all
                await _steps_past(app, steps0)
            elapsed = time.perf_counter() - start
            steps1, counts1 = app.document.training.steps, {**counts, **frames.counts}
            app.playground.action_play_pause()
            await pilot.pause()
    finally:
        training_mode.FRAME_SECONDS = shipped
        TrainingSession.run = session_run  # type: ignore[method-assign]
    shown = counts1["frames"] - counts0["frames"]
    return {
        "frame_timer_hz": round(1 / (frame_seconds or shipped), 1),
        "steps_per_second": round((steps1 - steps0) / elapsed, 1),
        "heatmap_frames_per_second": round(shown / elapsed, 2),
        "timer_ticks_per_second": round((counts1["ticks"] - counts0["ticks"]) / elapsed, 2),
        "kilobytes_per_frame": round((counts1["bytes"] - counts0["bytes"]) / max(shown, 1) / 1e3, 1),
        "seconds": round(elapsed, 2),
        "settings": {
            "dataset": "spiral",
            "optimizer": config.optimizer,
            "batch_size": config.batch_size,
            "learning_rate": config.learning_rate,
        },
    }


async def _frame_cost(state: Path, frames: int) -> dict:
    """What one frame costs the UI thread, training paused (no competition for the GIL)."""
    app = _app(state)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+t", "s")
        await pilot.pause()
        app.playground.training.worker.playing = True  # what the frame checks; no training thread runs
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
                await settled(app)  # posts nothing (Pilot._wait_for_screen posts to every widget)
                app.screen._on_timer_update()
                if profile_this:
                    profile.disable()
                costs.append(time.perf_counter() - start)
        finally:
            app.playground.training.worker.playing = False
    return {"median_ms": round(median(costs[: frames // 2]) * 1e3, 2), "time_shares": time_shares(profile)}


def _training_alone(seconds: float) -> float:
    """Steps/s of the same training, no app: nntui.core only."""
    from nntui.document.session import TrainingSession

    session = TrainingSession(_network(), _settings())
    session.run(10)
    steps, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        session.run(100)
        steps += 100
    return steps / (time.perf_counter() - start)


RUNS = ("picture app", "as shipped", "timer at 60/s", "in-process", "nntui train")


def _rounds(path: Path, rounds: int, seconds: float) -> dict[str, list]:
    """Every run once per round, in turns: the view twice, the picture app and nntui train's loop."""
    results: dict[str, list] = {name: [] for name in RUNS}
    for round_number in range(rounds):
        for name in rotated(RUNS, round_number):
            if name == "picture app":
                result: object = asyncio.run(picture_rate(SIZE, seconds))
            elif name == "as shipped":
                result = asyncio.run(_playing(path, seconds, None))
            elif name == "timer at 60/s":
                result = asyncio.run(_playing(path, seconds, 1 / 60))
            elif name == "in-process":
                result = asyncio.run(_playing(path, seconds, None, in_process=True))
            else:
                result = nntui_train_rate(_network, _settings(), seconds)
            results[name].append(result)
    return results


def _medians(runs: list[dict]) -> dict:
    """One run's report with every number the median over the rounds (and the rounds' frames/s)."""
    merged = dict(runs[0])
    for key, value in runs[0].items():
        if isinstance(value, (int, float)):
            merged[key] = round(median([run[key] for run in runs]), 2)
    merged["rounds"] = len(runs)
    return merged


def _per_round(numerators: list[float], denominators: list[float]) -> dict[str, float]:
    return spread([mine / theirs for mine, theirs in zip(numerators, denominators)])


def measure(seconds: float, cost_frames: int, rounds: int) -> dict:
    with tempfile.TemporaryDirectory() as state:
        path = Path(state)
        runs = _rounds(path, rounds, seconds)
        idle = asyncio.run(_playing(path, seconds, 1 / 60, train=False))
        cost = asyncio.run(_frame_cost(path, cost_frames))
    alone = _training_alone(min(seconds, 1.0))
    reference_rates = [run["frames_per_second"] for run in runs["picture app"]]
    shipped, fast = _medians(runs["as shipped"]), _medians(runs["timer at 60/s"])
    before = _medians(runs["in-process"])
    ratios = {
        "frames_as_shipped_vs_picture_app": _per_round(
            [run["heatmap_frames_per_second"] for run in runs["as shipped"]], reference_rates
        ),
        "frames_timer_at_60_vs_picture_app": _per_round(
            [run["heatmap_frames_per_second"] for run in runs["timer at 60/s"]], reference_rates
        ),
        "steps_as_shipped_vs_nntui_train": _per_round(
            [run["steps_per_second"] for run in runs["as shipped"]], runs["nntui train"]
        ),
        "frames_in_process_vs_picture_app": _per_round(
            [run["heatmap_frames_per_second"] for run in runs["in-process"]], reference_rates
        ),
        "steps_in_process_vs_nntui_train": _per_round(
            [run["steps_per_second"] for run in runs["in-process"]], runs["nntui train"]
        ),
    }
    return {
        "method": (
            f"Headless App.run_test at {SIZE[0]}×{SIZE[1]}, {'-'.join(map(str, SIZES))} network (tanh, "
            "sigmoid output) on the spiral data with the training view's default settings; play for "
            f"{seconds:g} s and count steps and heatmap frames (screen updates, encoded as terminal "
            "output, after a tick of the view's frame timer). 'as shipped' uses the app's frame timer; "
            "'timer at 60/s' patches it in this process to show what the view can draw. 'as shipped' "
            "trains in a child process (nntui.document.training_process); 'in-process' is the same with "
            "NNTUI_TRAINING_PROCESS=0, training in a thread of the app's process as before the child. "
            f"{rounds} rounds, taking turns (rotating order) with the picture app (benchmarks/picture_app.py: "
            "the whole screen in half-block cells, 32 shades, every cell its own colours, redrawn after "
            "every frame; frames counted the same way) and with nntui train's loop (train_in_chunks on "
            "the trainer new_trainer builds, same network, data and settings, no progress reports). "
            "Ratios per round, median over rounds; other numbers are medians over rounds."
        ),
        "network": "-".join(map(str, SIZES)),
        "picture_app": _medians(runs["picture app"]),
        "as_shipped": shipped,
        "timer_at_60_per_second": fast,
        "in_process": before,
        "timer_at_60_per_second_not_training": {
            key: idle[key] for key in ("frame_timer_hz", "heatmap_frames_per_second", "timer_ticks_per_second")
        },
        "nntui_train_steps_per_second": round(median(runs["nntui train"]), 1),
        "ratios": ratios,
        "frame_cost_paused": cost,
        "training_alone_steps_per_second": round(alone, 1),
        "target": {
            "frames_vs_picture_app": TARGET_FRAMES_RATIO,
            "steps_per_second": TARGET_STEPS,
            "steps_vs_nntui_train": TARGET_STEPS_RATIO,
        },
        "met": bool(
            ratios["frames_as_shipped_vs_picture_app"]["median"] >= TARGET_FRAMES_RATIO
            and shipped["steps_per_second"] >= TARGET_STEPS
        ),
        "met_steps": bool(ratios["steps_as_shipped_vs_nntui_train"]["median"] >= TARGET_STEPS_RATIO),
    }


def summary_rows(section: dict) -> list[dict]:
    shipped, fast, picture = section["as_shipped"], section["timer_at_60_per_second"], section["picture_app"]
    before = section["in_process"]
    ratios, target = section["ratios"], section["target"]
    idle = section["timer_at_60_per_second_not_training"]["heatmap_frames_per_second"]
    return [
        {
            "measurement": f"… breakdown in process, {section['network']}: heatmap frames/s while training",
            "result": (
                f"{ratios['frames_as_shipped_vs_picture_app']['median']:.2f}× full-screen picture "
                f"({shipped['heatmap_frames_per_second']:.1f} vs {picture['frames_per_second']:.1f} frames/s) "
                f"at {shipped['steps_per_second']:,.0f} steps/s (timer {shipped['frame_timer_hz']:g}/s); "
                f"{ratios['frames_timer_at_60_vs_picture_app']['median']:.2f}× "
                f"({fast['heatmap_frames_per_second']:.1f} frames/s) with the timer at 60/s, "
                f"{idle:.1f} frames/s with no training at all"
            ),
            # judged end to end (frames_e2e); this row adds what the view can draw and what it costs
            "target": "(breakdown)",
            "met": None,
        },
        {
            "measurement": f"Training view, spiral, {section['network']}: steps/s while drawing vs `nntui train`",
            "result": (
                f"{ratios['steps_as_shipped_vs_nntui_train']['median']:.2f}× "
                f"({shipped['steps_per_second']:,.0f} vs {section['nntui_train_steps_per_second']:,.0f} "
                "steps/s)"
            ),
            "target": f"≥ {target['steps_vs_nntui_train']:g}× `nntui train`",
            "met": section["met_steps"],
        },
        {
            "measurement": "… the same, training in-process (`NNTUI_TRAINING_PROCESS=0`, as before the child process)",
            "result": (
                f"{ratios['frames_in_process_vs_picture_app']['median']:.2f}× picture "
                f"({before['heatmap_frames_per_second']:.1f} frames/s); "
                f"{ratios['steps_in_process_vs_nntui_train']['median']:.2f}× `nntui train` "
                f"({before['steps_per_second']:,.0f} steps/s)"
            ),
            "target": "(before)",
            "met": None,
        },
    ]
