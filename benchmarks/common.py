"""Small helpers the benchmark sections share: statistics, ratios, profiles."""

from __future__ import annotations

import cProfile
import math
import pstats
import statistics
from collections.abc import Sequence


def median(values: Sequence[float]) -> float:
    return float(statistics.median(values)) if values else math.nan


def percentile(values: Sequence[float], q: float) -> float:
    """The q-th percentile (0-100), linear between the nearest ranks."""
    if not values:
        return math.nan
    ordered = sorted(values)
    position = (len(ordered) - 1) * q / 100
    low, high = math.floor(position), math.ceil(position)
    return float(ordered[low] + (ordered[high] - ordered[low]) * (position - low))


def spread(values: Sequence[float]) -> dict[str, float]:
    """Median, lowest and highest of per-round ratios: how much the machine moved them."""
    return {
        "median": median(values),
        "min": min(values, default=math.nan),
        "max": max(values, default=math.nan),
        "rounds": len(values),
    }


def rotated(items: Sequence, round_number: int) -> list:
    """``items`` starting at a different one each round, so none is always measured first."""
    if not items:
        return []
    shift = round_number % len(items)
    return list(items[shift:]) + list(items[:shift])


PACKAGES = (
    ("nntui/core", "nntui.core (NumPy engine)"),
    ("nntui/app", "nntui.app (widgets, app)"),
    ("/textual/", "textual"),
    ("/rich/", "rich"),
    ("/numpy/", "numpy (Python part)"),
)


def time_shares(profile: cProfile.Profile) -> dict[str, float]:
    """The share of the profiled time spent in each package's own code (tottime)."""
    stats = pstats.Stats(profile)
    totals: dict[str, float] = {}
    for (filename, _line, _name), (_cc, _nc, tottime, _ct, _callers) in stats.stats.items():  # type: ignore[attr-defined]
        label = next((label for part, label in PACKAGES if part in filename), None)
        if label is None:
            label = "built-ins (C: NumPy kernels, str, …)" if filename == "~" else "other Python (asyncio, stdlib)"
        totals[label] = totals.get(label, 0.0) + tottime
    whole = sum(totals.values()) or 1.0
    return {label: round(value / whole, 4) for label, value in sorted(totals.items(), key=lambda kv: -kv[1])}
