"""Pictures of numbers in half-block characters: two pixels per terminal cell.

Each cell is "▀" with the top pixel as its colour and the bottom pixel as
its background.  Values in [-1, 1] go from orange (negative) through a light
neutral to blue (positive), the scale of the rest of the app.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
from numpy.typing import NDArray
from rich.segment import Segment
from rich.style import Style

from nntui.app.palette import NEGATIVE, POSITIVE, runs

LIGHT = (222, 222, 222)
LEVELS = 16  # per side of zero; 33 colours in all
UPPER_HALF = "▀"


def _colour(level: int) -> str:
    end = POSITIVE if level > 0 else NEGATIVE
    weight = abs(level) / LEVELS
    r, g, b = (round(n + (c - n) * weight) for n, c in zip(LIGHT, end))
    return f"#{r:02x}{g:02x}{b:02x}"


@lru_cache(maxsize=(2 * LEVELS + 1) ** 2)
def _cell_style(top: int, bottom: int) -> Style:
    return Style(color=_colour(top), bgcolor=_colour(bottom))


def levels(values: NDArray[np.float64]) -> NDArray[np.int64]:
    """Values in [-1, 1] (clipped; NaN counts as 0) as colour levels -LEVELS…LEVELS."""
    clean = np.nan_to_num(np.asarray(values, dtype=np.float64), nan=0.0)
    return np.rint(np.clip(clean, -1.0, 1.0) * LEVELS).astype(np.int64)


@lru_cache(maxsize=1)
def palette() -> tuple[Style, ...]:
    """Every cell's style, made once: (top + LEVELS) · (2·LEVELS + 1) + bottom + LEVELS → its Style."""
    return tuple(_cell_style(t, b) for t in range(-LEVELS, LEVELS + 1) for b in range(-LEVELS, LEVELS + 1))


def picture_cells(picture_levels: NDArray[np.int64], line: int) -> list[tuple[str, Style]]:
    """Cell line ``line`` of a picture given as levels of shape (2·lines, columns)."""
    styles = palette()
    pairs = (picture_levels[2 * line] + LEVELS) * (2 * LEVELS + 1) + picture_levels[2 * line + 1] + LEVELS
    return [(UPPER_HALF, styles[i]) for i in pairs.tolist()]


def merged(cells: list[tuple[str, Style]]) -> list[Segment]:
    """Cells as segments, one per run of equal style: fewer to compose and encode."""
    return runs(cells)


def picture_line(picture_levels: NDArray[np.int64], line: int) -> list[Segment]:
    return merged(picture_cells(picture_levels, line))


def normalise(values: NDArray[np.float64], activation: str | None) -> NDArray[np.float64]:
    """Activations mapped to [-1, 1] for colouring, by what the function can output.

    Functions with outputs in [0, 1] are centred on 0.5 (the undecided
    middle); tanh is already in [-1, 1]; unbounded ones are scaled by their
    largest magnitude in the picture.
    """
    if activation in ("sigmoid", "softmax", "step"):
        return (values - 0.5) * 2.0
    if activation == "tanh":
        return values
    finite = np.abs(values[np.isfinite(values)])
    scale = float(finite.max()) if finite.size else 1.0
    return values / scale if scale > 0 else values


def fitted(maps: NDArray[np.int64] | None, lines: int) -> NDArray[np.int64] | None:
    """Pictures (of shape (n, 2·lines', columns)) cut down to ``lines`` lines, two pixel rows a line."""
    if maps is None or maps.shape[1] == 2 * lines:
        return maps
    keep = np.rint(np.linspace(0, maps.shape[1] - 1, 2 * lines)).astype(np.int64)
    return maps[:, keep, :]
