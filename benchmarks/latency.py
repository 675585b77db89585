"""Edit latency: from a key press that changes a weight to the finished screen update.

Each app runs headless under Textual's Pilot (``App.run_test``) at the same
terminal size.  One measurement, in the app's own event loop:

1. t0; a Key("plus") event is posted to the app, as the terminal driver does;
2. the event loop runs until the key's action has run (the app's
   ``action_nudge``, the minimal app's ``action_bump``, counted by a wrapper);
3. ``Pilot._wait_for_screen()``: every message the action queued on the
   screen and its widgets has been handled;
4. the screen update, as Textual's refresh timer would run it, is forced
   (``screen._on_timer_update()``): layout if needed, the compositor renders
   the changed regions, and the update is turned into the escape sequence a
   terminal would receive (``render_segments``, in a wrapper of
   ``App._display``, which skips it when headless); t1.

Pilot's own ``press`` sleeps at least 40 ms per key (it waits for the
process to look idle), which would swamp the difference between the apps,
so it is only used to select the weight before timing.  Apps take turns in
rounds; each round gives the ratio of the medians (app / minimal app), and
the report keeps the median over rounds; p95 is over all samples pooled.
"""

from __future__ import annotations

import asyncio
import cProfile
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from textual import events
from textual._compositor import CompositorUpdate
from textual.app import App

from benchmarks.common import median, percentile, rotated, spread, time_shares
from benchmarks.minimal_app import MinimalApp

SIZE = (140, 44)
TIMEOUT = 10.0


def _cases(state: Path) -> list[tuple[str, Callable[[], App], str, float | None]]:
    """(name, app factory, the action a "+" runs, target ratio); the minimal app first."""
    from nntui.app.app import NNTuiApp
    from nntui.core.presets import load_preset
    from nntui.document.recovery import RecoveryStore
    from tests.factory import random_network

    def nntui(network_factory: Callable, preset: str | None = None) -> Callable[[], App]:
        return lambda: NNTuiApp(network_factory(), preset=preset, recovery=RecoveryStore(state))

    return [
        ("minimal app", MinimalApp, "bump", None),
        ("potatoes", nntui(lambda: load_preset("potatoes"), "potatoes"), "nudge", 1.5),
        ("2-8-8-1 (8×8 hidden)",
         nntui(lambda: random_network((2, 8, 8, 1), activation="tanh", output_activation="sigmoid", seed=1)),
         "nudge", 1.5),
        ("784-128-10",
         nntui(lambda: random_network((784, 128, 10), activation="relu", output_activation="softmax", seed=1)),
         "nudge", 3.0),
    ]


async def _session(factory: Callable[[], App], action: str, warm: int, count: int,
                   profile_edits: int) -> dict:
    """One app, one run_test: ``count`` timed edits after ``warm`` untimed ones."""
    app = factory()
    frames = 0
    done = 0
    async with app.run_test(size=SIZE) as pilot:
        display = app._display

        def display_and_encode(screen, renderable):  # type: ignore[no-untyped-def]
            nonlocal frames
            if isinstance(renderable, CompositorUpdate):
                renderable.render_segments(app.console)  # the bytes a terminal would get
                frames += 1
            return display(screen, renderable)

        app._display = display_and_encode  # type: ignore[method-assign]
        owner = getattr(app, "playground", app)  # nntui's keys are its playground screen's
        run_action = getattr(owner, f"action_{action}")

        def counted(*args):  # type: ignore[no-untyped-def]
            nonlocal done
            result = run_action(*args)
            done += 1
            return result

        setattr(owner, f"action_{action}", counted)
        if action == "nudge":
            await pilot.press("right")  # select the first weight of the first neuron
        await pilot.pause()

        async def edit() -> tuple[float, float, float, bool]:
            before_done, before_frames = done, frames
            key = events.Key("plus", "+")
            key.set_sender(app)
            start = time.perf_counter()
            app.post_message(key)
            while done == before_done:
                await asyncio.sleep(0)
                if time.perf_counter() - start > TIMEOUT:
                    raise RuntimeError(f"{type(app).__name__}: the key was not handled")
            handled = time.perf_counter()
            await pilot._wait_for_screen()
            settled = time.perf_counter()
            app.screen._on_timer_update()
            end = time.perf_counter()
            return end - start, handled - start, settled - handled, frames > before_frames

        for _ in range(warm):
            await edit()
        samples, handling, settling, missing = [], [], [], 0
        for _ in range(count):
            total, handled, settled, painted = await edit()
            samples.append(total)
            handling.append(handled)
            settling.append(settled)
            missing += not painted
        shares = None
        if profile_edits:  # the profiler sees the whole event loop while it awaits
            profile = cProfile.Profile()
            profile.enable()
            try:
                for _ in range(profile_edits):
                    await edit()
            finally:
                profile.disable()
            shares = time_shares(profile)
    return {"samples": samples, "handling": handling, "settling": settling, "frames_missing": missing,
            "time_shares": shares}


def measure(rounds: int, warm: int, count: int, profile_edits: int) -> dict:
    with tempfile.TemporaryDirectory() as state:
        return asyncio.run(_measure(rounds, warm, count, profile_edits, Path(state)))


async def _measure(rounds: int, warm: int, count: int, profile_edits: int, state: Path) -> dict:
    cases = _cases(state)
    names = [name for name, *_ in cases]
    per_round: dict[str, list[float]] = {name: [] for name in names}
    pooled: dict[str, list[float]] = {name: [] for name in names}
    phases: dict[str, dict[str, list[float]]] = {name: {"handling": [], "settling": []} for name in names}
    shares: dict[str, dict] = {}
    missing: dict[str, int] = dict.fromkeys(names, 0)
    for round_number in range(rounds):
        for name in rotated(names, round_number):
            _, factory, action, _ = next(case for case in cases if case[0] == name)
            last = round_number == rounds - 1
            result = await _session(factory, action, warm, count, profile_edits if last else 0)
            per_round[name].append(median(result["samples"]))
            pooled[name].extend(result["samples"])
            phases[name]["handling"].extend(result["handling"])
            phases[name]["settling"].extend(result["settling"])
            missing[name] += result["frames_missing"]
            if result["time_shares"] is not None:
                shares[name] = result["time_shares"]
    reference = names[0]
    out: dict = {
        "method": (
            f"Headless App.run_test at {SIZE[0]}×{SIZE[1]}: time from posting Key('plus') to the app until "
            "its action ran, every queued message was handled (Pilot._wait_for_screen) and the screen "
            "update was rendered and encoded as terminal output (screen._on_timer_update, "
            "CompositorUpdate.render_segments). "
            f"{rounds} rounds of {count} timed edits per app ({warm} untimed first), apps in rotating "
            "order; ratio = median over rounds of (app median / minimal-app median); p95 ratio from all "
            "samples pooled. The minimal app (benchmarks/minimal_app.py) updates one Label per key."
        ),
        "size": list(SIZE),
        "reference": {
            "median_ms": round(median(pooled[reference]) * 1e3, 3),
            "p95_ms": round(percentile(pooled[reference], 95) * 1e3, 3),
        },
        "cases": {},
    }
    for name, _, _, target in cases[1:]:
        ratios = [mine / theirs for mine, theirs in zip(per_round[name], per_round[reference])]
        case = {
            "median_ms": round(median(pooled[name]) * 1e3, 3),
            "p95_ms": round(percentile(pooled[name], 95) * 1e3, 3),
            "ratio_median": spread(ratios),
            "ratio_p95": percentile(pooled[name], 95) / percentile(pooled[reference], 95),
            "phases_median_ms": {
                "key to action done": round(median(phases[name]["handling"]) * 1e3, 3),
                "queued messages handled": round(median(phases[name]["settling"]) * 1e3, 3),
            },
            "frames_missing": missing[name],
            "target": target,
        }
        case["phases_median_ms"]["screen update (layout, render, encode)"] = round(
            case["median_ms"] - sum(case["phases_median_ms"].values()), 3)
        case["met"] = bool(case["ratio_median"]["median"] <= target)
        if name in shares:
            case["time_shares"] = shares[name]
        out["cases"][name] = case
    if reference in shares:
        out["reference"]["time_shares"] = shares[reference]
    return out


def summary_rows(section: dict) -> list[dict]:
    ref = section["reference"]
    rows = []
    for name, case in section["cases"].items():
        rows.append({
            "measurement": f"Edit latency, {name} (key → screen updated)",
            "result": (f"{case['ratio_median']['median']:.1f}× minimal app "
                       f"({case['median_ms']:.1f} ms vs {ref['median_ms']:.1f} ms; "
                       f"p95 {case['p95_ms']:.1f} ms, {case['ratio_p95']:.1f}×)"),
            "target": f"≤ {case['target']:g}×",
            "met": case["met"],
        })
    return rows
