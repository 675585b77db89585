"""Loading a network file: ``load_network`` against ``json.loads`` of the same bytes.

A seeded 2000-2000-2 network (4,004,000 weights; --quick: 200-200-2) is saved
by nntui into a temporary folder, at full precision (about 89 MB).  Each round
times, in turn, ``json.loads(path.read_bytes())`` (the least any loader of
JSON must do) and ``load_network(path)`` (the same, plus every check of the
format and the arrays); the report keeps the median of the per-round ratios.
"""

from __future__ import annotations

import gc
import json
import tempfile
import time
from pathlib import Path

from benchmarks.common import median, rotated, spread

TARGET = 2.0  # load_network within 2× json.loads


def _timed(run) -> float:
    gc.collect()
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def measure(rounds: int, hidden: int) -> dict:
    from nntui.core.fileformat import load_network, save_network
    from tests.factory import random_network

    network = random_network((hidden, hidden, 2), activation="relu", output_activation="linear", seed=1)
    weights = sum(layer.weights.size for layer in network.layers)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "big.json"
        save_network(network, path)
        size = path.stat().st_size
        runs = {"json.loads": lambda: json.loads(path.read_bytes()), "load_network": lambda: load_network(path)}
        times: dict[str, list[float]] = {name: [] for name in runs}
        for round_number in range(rounds):
            for name in rotated(list(runs), round_number):
                times[name].append(_timed(runs[name]))
        loaded = load_network(path)
    same = all(
        (a.weights == b.weights).all() and (a.bias == b.bias).all() for a, b in zip(network.layers, loaded.layers)
    )
    ratios = [mine / theirs for mine, theirs in zip(times["load_network"], times["json.loads"])]
    ratio = spread(ratios)
    return {
        "method": (
            f"A seeded {hidden}-{hidden}-2 network ({weights:,} weights) saved by nntui ({size / 1e6:.0f} MB); "
            f"per round, in turn: json.loads(path.read_bytes()) and load_network(path); {rounds} rounds, "
            "ratio per round, median reported."
        ),
        "weights": weights,
        "file_bytes": size,
        "json_loads_seconds": round(median(times["json.loads"]), 3),
        "load_network_seconds": round(median(times["load_network"]), 3),
        "ratio": ratio,
        "bit_identical": bool(same),
        "target": TARGET,
        "met": bool(same and ratio["median"] <= TARGET),
    }


def summary_rows(section: dict) -> list[dict]:
    millions = section["weights"] / 1e6
    size = f"{millions:.0f} M" if millions >= 1 else f"{section['weights'] / 1e3:.0f} k"
    return [
        {
            "measurement": f"Load a {size}-weight file ({section['file_bytes'] / 1e6:.0f} MB)",
            "result": (
                f"{section['ratio']['median']:.2f}× json.loads "
                f"({section['load_network_seconds']:.2f} s vs {section['json_loads_seconds']:.2f} s)"
            ),
            "target": f"≤ {section['target']:g}× json.loads",
            "met": section["met"],
        }
    ]
