"""The training view's frames end to end: screen updates a terminal receives per second while it trains.

The real ``python -m nntui`` (this checkout, a fresh NNTUI_STATE_DIR,
``--lang en``) in a pseudo-terminal of 140×44 (``terminal.py``), on a file
holding the network of ``training_view.py`` (2-8-8-8-1, tanh, sigmoid
output, seed 0) and, as its training settings, the spiral data with the
defaults: after the first screen, ``ctrl+t`` (the training view), then
``space`` (play).  Taking turns with it, the picture app
(``python -m benchmarks.picture_app``: the whole screen in half-block cells,
every cell its own colours, redrawn as fast as Textual draws it) in the same
kind of terminal.

After a warm-up, for ``seconds``: the screen updates read (the
synchronized-output markers Textual writes around every update, since the
terminal says it supports them: exact), the bursts (output separated by at
least ``GAP`` of silence: a check that needs no marker) and the bytes.  The
steps/s come from the screen itself: the status line's "training · step N"
read in the output, first and last in the window.  Each round gives the
ratio of the frames/s; the report keeps the median over rounds.  The row
counts only at ≥ 1,000 steps/s.

In the same rounds, the digits preset the same way (``--preset digits``:
64-16-10, tanh, softmax output; its training settings are the digits data
and the defaults: Adam, batch 32): its row is judged on the steps/s the
screen shows while the view draws (≥ 1,000); its frames/s against the
picture app are reported.
"""

from __future__ import annotations

import re
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.common import median, rotated, spread
from benchmarks.terminal import Terminal, python_module, tree_description, visible_text

SIZE = (140, 44)
SIZES = (2, 8, 8, 8, 1)
GAP = 0.004  # bursts: output separated by at least this much silence
CTRL_T, SPACE = b"\x14", b" "
STEPS = re.compile(r"training · step ([0-9][0-9,]*)")
TARGET_FRAMES_RATIO = 1.0
TARGET_STEPS = 1000
DIGITS_NETWORK = "64-16-10"
TARGET_DIGITS_STEPS = 1000  # the digits' steps/s while the view draws
RUNS = ("picture app", "training view", "digits")


def _network_file(folder: Path) -> Path:
    from nntui.core.fileformat import save_network
    from nntui.core.training_record import TrainingRecord
    from tests.factory import random_network

    network = random_network(SIZES, activation="tanh", output_activation="sigmoid", seed=0)
    path = folder / "spiral.json"
    save_network(network, path, TrainingRecord(dataset="spiral"))
    return path


def _count(terminal: Terminal, seconds: float) -> dict[str, Any]:
    """Read for ``seconds``: updates, bursts, bytes, and the steps counter as the screen shows it."""
    frames0, bytes0 = terminal.frames_ended, terminal.bytes_read
    bursts, last = 0, None
    steps: list[tuple[float, int]] = []
    start = time.perf_counter()
    end = start + seconds
    while (now := time.perf_counter()) < end:
        chunk = terminal.read(end - now)
        if chunk is None:
            break
        at, data = chunk
        if last is None or at - last >= GAP:
            bursts += 1
        last = at
        found = STEPS.findall(visible_text([data]))
        if found:
            steps.append((at, int(found[-1].replace(",", ""))))
    elapsed = time.perf_counter() - start
    frames = terminal.frames_ended - frames0
    result = {
        "frames_per_second": round(frames / elapsed, 2),
        "bursts_per_second": round(bursts / elapsed, 2),
        "kilobytes_per_frame": round((terminal.bytes_read - bytes0) / max(frames, 1) / 1e3, 1),
        "seconds": round(elapsed, 2),
        "steps_per_second": None,
    }
    if len(steps) >= 2 and steps[-1][0] > steps[0][0]:
        (t0, s0), (t1, s1) = steps[0], steps[-1]
        result["steps_per_second"] = round((s1 - s0) / (t1 - t0), 1)
    return result


def _training_view(what: list[str], state: Path, seconds: float, warm: float) -> dict[str, Any]:
    """``what``: nntui's arguments after ``--lang en`` (a file, or a preset)."""
    argv = python_module("nntui", "--lang", "en", *what)
    with Terminal(argv, SIZE, {"NNTUI_STATE_DIR": str(state)}) as terminal:
        terminal.first_screen()
        terminal.write(CTRL_T)
        terminal.until_quiet(0.3, 10.0)
        terminal.write(SPACE)
        terminal.read_for(warm)  # the training process starts, the first frames come
        result = _count(terminal, seconds)
        terminal.write(SPACE)
        return result


def _picture(seconds: float, warm: float) -> dict[str, Any]:
    with Terminal(python_module("benchmarks.picture_app"), SIZE) as terminal:
        terminal.read_for(60.0, until_bytes=SIZE[0] * SIZE[1])  # the first screen (it never goes quiet)
        terminal.read_for(warm)
        result = _count(terminal, seconds)
        result.pop("steps_per_second")
        return result


def measure(rounds: int, seconds: float, warm: float = 1.0) -> dict[str, Any]:
    results: dict[str, list[dict[str, Any]]] = {name: [] for name in RUNS}
    with tempfile.TemporaryDirectory() as folder:
        path = _network_file(Path(folder))
        for round_number in range(rounds):
            for name in rotated(RUNS, round_number):
                if name == "picture app":
                    results[name].append(_picture(seconds, warm))
                else:
                    state = Path(folder) / f"state-{name.split()[0]}-{round_number}"
                    what = [str(path)] if name == "training view" else ["--preset", "digits"]
                    results[name].append(_training_view(what, state, seconds, warm))
    view, picture = results["training view"], results["picture app"]
    ratio, bursts, steps_median = _against_picture(view, picture)
    digits_ratio, digits_bursts, digits_steps = _against_picture(results["digits"], picture)
    return {
        "method": (
            f"Each app its own process in a pseudo-terminal of {SIZE[0]}×{SIZE[1]} (benchmarks/terminal.py). "
            f"python -m nntui --lang en on a {'-'.join(map(str, SIZES))} network file (tanh, sigmoid output, "
            "seed 0) whose training settings are the spiral data and the defaults: ctrl+t, space (play), "
            f"{warm:g} s warm-up, then {seconds:g} s counted; python -m benchmarks.picture_app the same "
            "way. Frames = screen updates read (Textual's synchronized-output end markers, one per update); "
            f"bursts = output separated by ≥ {GAP * 1e3:g} ms of silence; steps/s from the 'training · step N' "
            f"the screen shows, first and last in the window. {rounds} rounds, rotating order; ratio per "
            "round, median over rounds."
        ),
        "network": "-".join(map(str, SIZES)),
        "nntui": tree_description(),
        "picture_app": _medians(picture),
        "training_view": _medians(view),
        "steps_per_second": steps_median,
        "ratio": ratio,
        "bursts_ratio": bursts,
        "target": {"frames_vs_picture_app": TARGET_FRAMES_RATIO, "steps_per_second": TARGET_STEPS},
        "met": bool(
            ratio["median"] >= TARGET_FRAMES_RATIO and steps_median is not None and steps_median >= TARGET_STEPS
        ),
        "digits": {
            "network": DIGITS_NETWORK,
            "how": "python -m nntui --lang en --preset digits (the digits data, Adam, batch 32), ctrl+t, space",
            "training_view": _medians(results["digits"]),
            "steps_per_second": digits_steps,
            "ratio": digits_ratio,
            "bursts_ratio": digits_bursts,
            "target": {"steps_per_second": TARGET_DIGITS_STEPS},
            "met": bool(digits_steps is not None and digits_steps >= TARGET_DIGITS_STEPS),
        },
    }


def _against_picture(
    view: list[dict[str, Any]], picture: list[dict[str, Any]]
) -> tuple[dict[str, float], dict[str, float], float | None]:
    """The per-round ratios of frames/s and bursts/s to the picture app's, and the median steps/s."""
    ratio = spread([mine["frames_per_second"] / theirs["frames_per_second"] for mine, theirs in zip(view, picture)])
    bursts = spread([mine["bursts_per_second"] / theirs["bursts_per_second"] for mine, theirs in zip(view, picture)])
    steps = [run["steps_per_second"] for run in view if run["steps_per_second"] is not None]
    return ratio, bursts, (round(median(steps), 1) if steps else None)


def _medians(runs: list[dict[str, Any]]) -> dict[str, Any]:
    merged: dict[str, Any] = {}
    for key in runs[0]:
        values = [run[key] for run in runs if run[key] is not None]
        merged[key] = round(median(values), 2) if values else None
    merged["rounds"] = len(runs)
    return merged


def summary_rows(section: dict[str, Any]) -> list[dict[str, Any]]:
    view, picture, target = section["training_view"], section["picture_app"], section["target"]
    steps = section["steps_per_second"]
    return [
        {
            "measurement": f"Training view frames end to end, spiral, {section['network']} (updates a terminal reads)",
            "result": (
                f"{section['ratio']['median']:.2f}× full-screen picture ({view['frames_per_second']:.1f} vs "
                f"{picture['frames_per_second']:.1f} frames/s, {view['kilobytes_per_frame']:.0f} vs "
                f"{picture['kilobytes_per_frame']:.0f} kB each) at "
                f"{'?' if steps is None else f'{steps:,.0f}'} steps/s"
            ),
            "target": f"≥ {target['frames_vs_picture_app']:g}× at ≥ {target['steps_per_second']:,} steps/s",
            "met": section["met"],
        },
        *_digits_rows(section),
    ]


def _digits_rows(section: dict[str, Any]) -> list[dict[str, Any]]:
    digits = section.get("digits")
    if digits is None:  # a report from before the digits
        return []
    view, picture, steps = digits["training_view"], section["picture_app"], digits["steps_per_second"]
    return [
        {
            "measurement": f"Training view end to end, digits, {digits['network']}: steps/s while the view draws",
            "result": (
                f"{'?' if steps is None else f'{steps:,.0f}'} steps/s; frames "
                f"{digits['ratio']['median']:.2f}× full-screen picture ({view['frames_per_second']:.1f} vs "
                f"{picture['frames_per_second']:.1f} frames/s, {view['kilobytes_per_frame']:.0f} kB each)"
            ),
            "target": f"≥ {digits['target']['steps_per_second']:,} steps/s",
            "met": digits["met"],
        }
    ]
