"""Edit latency, the breakdown: where the time of a key that changes a weight goes, in process.

What the user waits for is measured end to end, in a terminal, by
``latency_e2e.py``; this is its breakdown.  Each app runs headless under
Textual's Pilot (``App.run_test``) at the same terminal size.  One
measurement, in the app's own event loop:

1. t0; a Key("plus") event is posted to the app, as the terminal driver does;
2. the event loop runs until the key's action has run (the app's
   ``action_nudge``, the minimal app's ``action_bump``, counted by a wrapper);
3. the wait for what the action queued, posting nothing: until every message
   queue of the app, its screen and the screen's widgets has been empty for a
   few turns of the event loop (``frames.settled``).  Pilot's ``_wait_for_screen``
   would post a callback to every widget and wait for them all: its own cost
   (~16 ms for potatoes' 122 widgets, 0.4 ms for a one-widget app) would be
   measured with the app's;
4. the screen update, as Textual's refresh timer would run it, is forced
   (``screen._on_timer_update()``): layout if needed, the compositor renders
   the changed regions, and the update is turned into the escape sequence a
   terminal would receive (``render_segments``, in a wrapper of
   ``App._display``, which skips it when headless); t1.

Pilot's own ``press`` sleeps at least 40 ms per key (it waits for the
process to look idle), which would swamp the difference between the apps,
so it is only used to select the weight before timing.  The digits preset
(64-16-10, its inputs an 8×8 picture) is edited by strokes instead, as in
``latency_e2e.py``: its picture cleared (``c``), the cursor on the pixel at
row 3, column 3, then Key("space") and Key("backspace") in turn (ink
0 ↔ 0.5; the action counted is ``action_draw``).  Apps take turns in
rounds; each round gives the ratio of the medians (app / reference), and
the report keeps the median over rounds; p95 is over all samples pooled.

Two references, measured in the same rounds: the minimal app updates one
label per key (``minimal_app.py``: what Textual needs at the least), and
the full-screen app rewrites a whole 140×44 screen of numbers per key
(``full_screen_app.py``: what Textual needs to show a fully changed screen).
The targets are judged against the second; the first's ratios are kept.
"""

from __future__ import annotations

import asyncio
import cProfile
import functools
import itertools
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from textual import events
from textual._compositor import CompositorUpdate
from textual.app import App

from benchmarks.common import median, percentile, rotated, spread, time_shares
from benchmarks.frames import SETTLED_TURNS, settled
from benchmarks.full_screen_app import FullScreenApp
from benchmarks.minimal_app import MinimalApp

SIZE = (140, 44)
TIMEOUT = 10.0
ONE_LABEL = "minimal app"
FULL_SCREEN = "full screen of numbers"
# The targets, against the full-screen reference: median and p95 of an edit.
TARGET_MEDIAN = 1.5
TARGET_P95 = 2.0
DIGITS = "digits, 64-16-10 (a stroke on the 8×8 picture)"
# The keys pressed before timing (default: the first weight), and the edits' keys in turn (default: +).
SETUP = {DIGITS: ("c", "down", "down", "down", "right", "right", "right")}
EDIT_KEYS: dict[str, tuple[tuple[str, str], ...]] = {DIGITS: (("space", " "), ("backspace", "\x7f"))}


def _cases(state: Path) -> list[tuple[str, Callable[[], App], str, float | None]]:
    """(name, app factory, the action an edit key runs, the old target against the one-label app);
    the two references first."""
    from nntui.app.app import NNTuiApp
    from nntui.core.presets import load_preset
    from nntui.document.recovery import RecoveryStore
    from tests.factory import random_network

    def nntui(network_factory: Callable, preset: str | None = None) -> Callable[[], App]:
        return lambda: NNTuiApp(network_factory(), preset=preset, recovery=RecoveryStore(state))

    return [
        (ONE_LABEL, MinimalApp, "bump", None),
        (FULL_SCREEN, FullScreenApp, "bump", None),
        ("potatoes", nntui(lambda: load_preset("potatoes"), "potatoes"), "nudge", 1.5),
        (
            "2-8-8-1 (8×8 hidden)",
            nntui(lambda: random_network((2, 8, 8, 1), activation="tanh", output_activation="sigmoid", seed=1)),
            "nudge",
            1.5,
        ),
        (
            "784-128-10",
            nntui(lambda: random_network((784, 128, 10), activation="relu", output_activation="softmax", seed=1)),
            "nudge",
            3.0,
        ),
        (DIGITS, nntui(lambda: load_preset("digits"), "digits"), "draw", None),
    ]


async def _session(
    name: str, factory: Callable[[], App], action: str, warm: int, count: int, profile_edits: int
) -> dict:
    """One app, one run_test: ``count`` timed edits after ``warm`` untimed ones."""
    keys = itertools.cycle(EDIT_KEYS.get(name, (("plus", "+"),)))
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

        # Textual passes an action as many arguments as its method's signature has: wraps keeps it.
        @functools.wraps(run_action)
        def counted(*args):  # type: ignore[no-untyped-def]
            nonlocal done
            result = run_action(*args)
            done += 1
            return result

        setattr(owner, f"action_{action}", counted)
        if action != "bump":
            await pilot.press(*SETUP.get(name, ("right",)))  # nntui: the first weight of the first neuron
        await pilot.pause()
        screen = app.screen
        screen_update = screen._on_timer_update
        updating = 0.0  # time spent in screen updates, whether the refresh timer or this code ran them

        def timed_update() -> None:
            nonlocal updating
            begin = time.perf_counter()
            screen_update()
            updating += time.perf_counter() - begin

        # Private: the screen's refresh timer and its callback, so that an update it runs during the wait
        # is counted as an update, not as waiting.
        screen._update_timer._callback = timed_update

        async def edit() -> tuple[float, float, float, bool]:
            before_done, before_frames, before_updating = done, frames, updating
            key = events.Key(*next(keys))
            key.set_sender(app)
            start = time.perf_counter()
            app.post_message(key)
            while done == before_done:
                await asyncio.sleep(0)
                if time.perf_counter() - start > TIMEOUT:
                    raise RuntimeError(f"{type(app).__name__}: the key was not handled")
            handled = time.perf_counter()
            await settled(app)
            timed_update()
            end = time.perf_counter()
            return end - start, handled - start, updating - before_updating, frames > before_frames

        for _ in range(warm):
            await edit()
        samples, handling, updates, missing = [], [], [], 0
        for _ in range(count):
            total, handled, updated, painted = await edit()
            samples.append(total)
            handling.append(handled)
            updates.append(updated)
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
    return {
        "samples": samples,
        "handling": handling,
        "updating": updates,
        "frames_missing": missing,
        "time_shares": shares,
    }


def measure(rounds: int, warm: int, count: int, profile_edits: int) -> dict:
    with tempfile.TemporaryDirectory() as state:
        return asyncio.run(_measure(rounds, warm, count, profile_edits, Path(state)))


async def _measure(rounds: int, warm: int, count: int, profile_edits: int, state: Path) -> dict:
    cases = _cases(state)
    names = [name for name, *_ in cases]
    per_round: dict[str, list[float]] = {name: [] for name in names}
    pooled: dict[str, list[float]] = {name: [] for name in names}
    phases: dict[str, dict[str, list[float]]] = {
        name: {"handling": [], "updating": [], "waiting": []} for name in names
    }
    shares: dict[str, dict] = {}
    missing: dict[str, int] = dict.fromkeys(names, 0)
    for round_number in range(rounds):
        for name in rotated(names, round_number):
            _, factory, action, _ = next(case for case in cases if case[0] == name)
            last = round_number == rounds - 1
            result = await _session(name, factory, action, warm, count, profile_edits if last else 0)
            per_round[name].append(median(result["samples"]))
            pooled[name].extend(result["samples"])
            phases[name]["handling"].extend(result["handling"])
            phases[name]["updating"].extend(result["updating"])
            phases[name]["waiting"].extend(
                total - handled - updated
                for total, handled, updated in zip(result["samples"], result["handling"], result["updating"])
            )
            missing[name] += result["frames_missing"]
            if result["time_shares"] is not None:
                shares[name] = result["time_shares"]
    out: dict = {
        "method": (
            f"The breakdown (in process; end to end: edit_latency_end_to_end). Headless App.run_test at "
            f"{SIZE[0]}×{SIZE[1]}: time from posting Key('plus') (the digits: Key('space') and Key('backspace') "
            "in turn on a cleared picture's pixel r3c3) to the app until its action ran, every "
            f"message queue of the app, the screen and its widgets was empty for {SETTLED_TURNS} turns of "
            "the event loop (polled, nothing posted) and the screen "
            "update was rendered and encoded as terminal output (screen._on_timer_update, "
            "CompositorUpdate.render_segments). "
            f"{rounds} rounds of {count} timed edits per app ({warm} untimed first), apps in rotating "
            "order; ratio = median over rounds of (app median / reference median); p95 ratio from all "
            "samples pooled. References: the minimal app (benchmarks/minimal_app.py) updates one Label "
            "per key; the full-screen app (benchmarks/full_screen_app.py) rewrites a Static of 42 lines "
            "of 17 numbers, all changed, per key. Targets are judged against the full-screen app "
            f"(median ≤ {TARGET_MEDIAN:g}×, p95 ≤ {TARGET_P95:g}×); 'ratio_median', 'ratio_p95' and "
            "'one_label_target' are against the one-label app."
        ),
        "size": list(SIZE),
        "reference": _reference(ONE_LABEL, pooled, missing, shares),
        "full_screen_reference": _reference(FULL_SCREEN, pooled, missing, shares),
        "cases": {},
    }
    for name, _, _, one_label_target in cases[2:]:
        case = {
            "median_ms": round(median(pooled[name]) * 1e3, 3),
            "p95_ms": round(percentile(pooled[name], 95) * 1e3, 3),
            # against the one-label app, as before
            "ratio_median": _ratios(per_round, name, ONE_LABEL),
            "ratio_p95": _p95_ratio(pooled, name, ONE_LABEL),
            "one_label_target": one_label_target,
            "full_screen": {
                "ratio_median": _ratios(per_round, name, FULL_SCREEN),
                "ratio_p95": _p95_ratio(pooled, name, FULL_SCREEN),
            },
            "target": {"against": FULL_SCREEN, "median": TARGET_MEDIAN, "p95": TARGET_P95},
            "phases_median_ms": {
                "key to action done": round(median(phases[name]["handling"]) * 1e3, 3),
                "queued messages handled": round(median(phases[name]["waiting"]) * 1e3, 3),
                "screen update (layout, render, encode)": round(median(phases[name]["updating"]) * 1e3, 3),
            },
            "frames_missing": missing[name],
        }
        full = case["full_screen"]
        full["met_median"] = bool(full["ratio_median"]["median"] <= TARGET_MEDIAN)
        full["met_p95"] = bool(full["ratio_p95"] <= TARGET_P95)
        case["met"] = full["met_median"] and full["met_p95"]
        if name in shares:
            case["time_shares"] = shares[name]
        out["cases"][name] = case
    return out


def _ratios(per_round: dict[str, list[float]], name: str, reference: str) -> dict[str, float]:
    """The per-round ratios of the medians, app / reference: their median, lowest and highest."""
    return spread([mine / theirs for mine, theirs in zip(per_round[name], per_round[reference])])


def _p95_ratio(pooled: dict[str, list[float]], name: str, reference: str) -> float:
    return percentile(pooled[name], 95) / percentile(pooled[reference], 95)


def _reference(name: str, pooled: dict[str, list[float]], missing: dict[str, int], shares: dict) -> dict:
    reference = {
        "app": name,
        "median_ms": round(median(pooled[name]) * 1e3, 3),
        "p95_ms": round(percentile(pooled[name], 95) * 1e3, 3),
        "frames_missing": missing[name],
    }
    if name in shares:
        reference["time_shares"] = shares[name]
    return reference


def summary_rows(section: dict) -> list[dict]:
    one, full = section["reference"], section["full_screen_reference"]
    rows = []
    for name, case in section["cases"].items():
        judged = case["full_screen"]
        rows.append(
            {
                "measurement": f"… breakdown in process, {name} (key event → update encoded)",
                "result": (
                    f"median {judged['ratio_median']['median']:.2f}× full screen of numbers "
                    f"({case['median_ms']:.1f} ms vs {full['median_ms']:.1f} ms), "
                    f"p95 {judged['ratio_p95']:.2f}× ({case['p95_ms']:.1f} ms vs {full['p95_ms']:.1f} ms); "
                    f"{case['ratio_median']['median']:.1f}× one label ({one['median_ms']:.1f} ms)"
                ),
                # judged end to end (latency_e2e): this row says where the time goes
                "target": "(breakdown)",
                "met": None,
            }
        )
    return rows
