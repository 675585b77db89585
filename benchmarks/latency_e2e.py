"""Edit latency end to end: from a key written to the terminal until the screen update has been read.

What the user waits for.  Each app is its own process in a pseudo-terminal
of 140×44 (``terminal.py``: TERM=xterm-256color, COLORTERM=truecolor, and
synchronized output answered as supported): the real ``python -m nntui``
(this checkout, a fresh NNTUI_STATE_DIR, ``--lang en``) on potatoes (its
preset), 2-8-8-1 and 784-128-10 (files written with ``save_network``, the
networks of ``latency.py``), and the two references run as programs,
``python -m benchmarks.minimal_app`` (one label per key) and
``python -m benchmarks.full_screen_app`` (a whole screen of numbers per key).

Every app is started once and waits for its first whole screen; nntui's
first weight is selected (Right: the first weight of the first neuron, as
``latency.py`` does).  The digits preset (64-16-10, its inputs drawn as an
8×8 picture) is edited by strokes instead: its picture is cleared (``c``),
the cursor goes to a pixel in the middle (row 3, column 3), and the edits
are ``space`` (ink) and ``backspace`` (erase) in turn, so every key changes
the pixel (0 ↔ 0.5) and the outputs follow.  One measurement:

1. the output is drained: nothing for ``DRAIN`` seconds (an idle app writes
   nothing: no blinking cursor on these screens; bytes read here are counted
   as ``late_bytes`` of the previous edit);
2. t0, right before the key is written to the terminal (``+``: nntui's
   ``nudge``, the references' ``bump``; the digits' stroke);
3. the terminal is read until bytes have come, no screen update is left
   open (between the synchronized-output markers) and nothing more came for
   ``QUIET`` seconds; the latency is the time the last byte was read, minus
   t0 (the quiet window is not included).

Apps take turns in rounds (rotating order); in each round every app first
gets ``warm`` untimed keys (an app idle for a while answers its first key
late), then ``count`` timed ones.  Each round gives the ratio of the medians
(app / reference); the report keeps the median over rounds, p95 over all
samples pooled, against both references.
"""

from __future__ import annotations

import itertools
import tempfile
from pathlib import Path
from typing import Any

from benchmarks.common import median, percentile, rotated, spread
from benchmarks.terminal import Terminal, python_module, tree_description

SIZE = (140, 44)
QUIET = 0.02  # a burst has ended when nothing came for this long (a 60/s refresh timer ticks every 16.7 ms)
DRAIN = 0.05
TIMEOUT = 10.0
PLUS, RIGHT, DOWN = b"+", b"\x1b[C", b"\x1b[B"
SPACE, BACKSPACE, CLEAR = b" ", b"\x7f", b"c"
DIGITS = "digits, 64-16-10 (a stroke on the 8×8 picture)"
# What each case writes after its first screen, and the keys of its edits in turn (default: Right, then +).
SETUP = {DIGITS: (CLEAR, DOWN, DOWN, DOWN, RIGHT, RIGHT, RIGHT)}
EDIT_KEYS = {DIGITS: (SPACE, BACKSPACE)}
ONE_LABEL = "minimal app"
FULL_SCREEN = "full screen of numbers"
TARGET_MEDIAN = 1.5
TARGET_P95 = 2.0


def _networks(folder: Path) -> dict[str, list[str]]:
    """The program of each case: the references, then nntui on each network (files written here)."""
    from nntui.core.fileformat import save_network
    from tests.factory import random_network

    files = {
        "2-8-8-1 (8×8 hidden)": random_network((2, 8, 8, 1), activation="tanh", output_activation="sigmoid", seed=1),
        "784-128-10": random_network((784, 128, 10), activation="relu", output_activation="softmax", seed=1),
    }
    programs = {
        ONE_LABEL: python_module("benchmarks.minimal_app"),
        FULL_SCREEN: python_module("benchmarks.full_screen_app"),
        "potatoes": python_module("nntui", "--lang", "en", "--preset", "potatoes"),
    }
    for number, (name, network) in enumerate(files.items()):
        path = folder / f"network-{number}.json"
        save_network(network, path)
        programs[name] = python_module("nntui", "--lang", "en", str(path))
    programs[DIGITS] = python_module("nntui", "--lang", "en", "--preset", "digits")
    return programs


def _edit(terminal: Terminal, key: bytes = PLUS) -> dict[str, Any]:
    """One edit key (``+`` unless told): drain, write, read the burst. Times in seconds from the write."""
    late = terminal.drain(DRAIN)
    frames = terminal.frames_ended
    start = terminal.write(key)
    last, count, _ = terminal.until_quiet(QUIET, TIMEOUT)
    if last is None:
        raise RuntimeError(f"{terminal.argv}: nothing written within {TIMEOUT:g} s of a key")
    return {"latency": last - start, "bytes": count, "frames": terminal.frames_ended - frames, "late_before": late}


def _ready(name: str, terminal: Terminal) -> None:
    """The first screen has come; for nntui, the first weight of the first neuron is selected
    (the digits: a clear picture, the cursor on a pixel in the middle)."""
    terminal.first_screen()
    terminal.drain(0.3)
    if terminal.argv[2] == "nntui":
        for key in SETUP.get(name, (RIGHT,)):
            terminal.write(key)
            terminal.until_quiet(QUIET, TIMEOUT)


def measure(rounds: int, warm: int, count: int) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as folder:
        programs = _networks(Path(folder))
        terminals: dict[str, Terminal] = {}
        try:
            for name, argv in programs.items():  # all start at once; their output waits in their terminals
                terminals[name] = Terminal(argv, SIZE, {"NNTUI_STATE_DIR": str(Path(folder) / name.split()[0])})
            for name, terminal in terminals.items():
                _ready(name, terminal)
            return _rounds(terminals, rounds, warm, count)
        finally:
            for terminal in terminals.values():
                terminal.close()


def _rounds(terminals: dict[str, Terminal], rounds: int, warm: int, count: int) -> dict[str, Any]:
    names = list(terminals)
    per_round: dict[str, list[float]] = {name: [] for name in names}
    pooled: dict[str, list[dict[str, Any]]] = {name: [] for name in names}
    keys = {name: itertools.cycle(EDIT_KEYS.get(name, (PLUS,))) for name in names}  # in turn, across rounds
    for round_number in range(rounds):
        for name in rotated(names, round_number):
            terminal = terminals[name]
            for _ in range(warm):
                _edit(terminal, next(keys[name]))
            edits = [_edit(terminal, next(keys[name])) for _ in range(count)]
            # the bytes drained before the next key belong to the edit before it
            for edit, after in zip(edits, [*edits[1:], {"late_before": terminal.drain(DRAIN)}]):
                edit["late_bytes"] = after["late_before"]
            per_round[name].append(median([edit["latency"] for edit in edits]))
            pooled[name].extend(edits)
    return _report(names, per_round, pooled, rounds, warm, count)


def _latencies(edits: list[dict[str, Any]]) -> list[float]:
    return [edit["latency"] for edit in edits]


def _app(edits: list[dict[str, Any]]) -> dict[str, Any]:
    latencies = _latencies(edits)
    return {
        "median_ms": round(median(latencies) * 1e3, 3),
        "p95_ms": round(percentile(latencies, 95) * 1e3, 3),
        "samples": len(latencies),
        "kilobytes_per_edit": round(median([edit["bytes"] for edit in edits]) / 1e3, 2),
        "screen_updates_per_edit": median([edit["frames"] for edit in edits]),
        "edits_with_late_output": sum(1 for edit in edits if edit["late_bytes"]),
    }


def _report(
    names: list[str], per_round: dict[str, Any], pooled: dict[str, Any], rounds: int, warm: int, count: int
) -> dict[str, Any]:
    def ratios(name: str, reference: str) -> dict[str, Any]:
        return {
            "ratio_median": spread([mine / theirs for mine, theirs in zip(per_round[name], per_round[reference])]),
            "ratio_p95": percentile(_latencies(pooled[name]), 95) / percentile(_latencies(pooled[reference]), 95),
        }

    cases = {}
    for name in names[2:]:
        full = ratios(name, FULL_SCREEN)
        full["met_median"] = bool(full["ratio_median"]["median"] <= TARGET_MEDIAN)
        full["met_p95"] = bool(full["ratio_p95"] <= TARGET_P95)
        cases[name] = {
            **_app(pooled[name]),
            "full_screen": full,
            "one_label": ratios(name, ONE_LABEL),
            "target": {"against": FULL_SCREEN, "median": TARGET_MEDIAN, "p95": TARGET_P95},
            "met": full["met_median"] and full["met_p95"],
        }
    return {
        "method": (
            f"Each app its own process in a pseudo-terminal of {SIZE[0]}×{SIZE[1]} (TERM=xterm-256color, "
            "COLORTERM=truecolor, synchronized output answered as supported): python -m nntui --lang en "
            "(a fresh NNTUI_STATE_DIR; potatoes as its preset, the other networks as files), python -m "
            "benchmarks.minimal_app and python -m benchmarks.full_screen_app. After the first screen (and "
            "Right for nntui: the first weight; for the digits preset c, then Down×3 Right×3: a clear picture, "
            "the pixel at row 3, column 3), per edit: drain until nothing comes for "
            f"{DRAIN * 1e3:g} ms, t0, write '+' (the digits: space and backspace in turn, ink 0 ↔ 0.5), "
            "read until no screen update is open and nothing came for "
            f"{QUIET * 1e3:g} ms; latency = time of the last byte read - t0. {rounds} rounds, apps in "
            f"rotating order, each {warm} untimed then {count} timed edits per round; ratio = median over "
            "rounds of (app median / reference median); p95 ratio from all samples pooled."
        ),
        "size": list(SIZE),
        "nntui": tree_description(),
        "quiet_ms": QUIET * 1e3,
        "reference": {"app": ONE_LABEL, **_app(pooled[ONE_LABEL])},
        "full_screen_reference": {"app": FULL_SCREEN, **_app(pooled[FULL_SCREEN])},
        "cases": cases,
    }


def summary_rows(section: dict[str, Any]) -> list[dict[str, Any]]:
    one, full = section["reference"], section["full_screen_reference"]
    rows = []
    for name, case in section["cases"].items():
        judged, target = case["full_screen"], case["target"]
        rows.append(
            {
                "measurement": f"Edit latency end to end, {name} (key written → screen update read)",
                "result": (
                    f"median {judged['ratio_median']['median']:.2f}× full screen of numbers "
                    f"({case['median_ms']:.1f} ms vs {full['median_ms']:.1f} ms), "
                    f"p95 {judged['ratio_p95']:.2f}× ({case['p95_ms']:.1f} ms vs {full['p95_ms']:.1f} ms); "
                    f"{case['one_label']['ratio_median']['median']:.1f}× one label ({one['median_ms']:.1f} ms)"
                ),
                "target": f"median ≤ {target['median']:g}×, p95 ≤ {target['p95']:g}× full screen",
                "met": case["met"],
            }
        )
    return rows
