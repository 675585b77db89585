"""Small function plots in Braille characters (2×4 dots per terminal cell)."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

# Bit of each dot in a Braille cell, indexed [row][column] (Unicode's order).
_DOT_BITS = ((0x01, 0x08), (0x02, 0x10), (0x04, 0x20), (0x40, 0x80))
_BRAILLE_BLANK = 0x2800


def braille_plot(
    function: Callable[[np.ndarray], np.ndarray],
    width: int,
    height: int,
    x_range: tuple[float, float] = (-4.0, 4.0),
) -> tuple[list[str], tuple[float, float]]:
    """``height`` lines of ``width`` Braille cells showing ``function`` with its axes.

    Returns the lines and the y range drawn (which always includes 0 and 1,
    so that flat and saturating functions are still readable).
    """
    dots_x, dots_y = width * 2, height * 4
    x = np.linspace(x_range[0], x_range[1], dots_x)
    with np.errstate(all="ignore"):
        y = np.asarray(function(x), dtype=np.float64)
    finite = y[np.isfinite(y)]
    low = float(min(finite.min(initial=0.0), 0.0))
    high = float(max(finite.max(initial=1.0), 1.0))
    pad = (high - low) * 0.05
    low, high = low - pad, high + pad

    def row_of(value: np.ndarray | float) -> np.ndarray:
        scaled = (np.asarray(value) - low) / (high - low) * (dots_y - 1)
        return (dots_y - 1 - np.round(scaled)).astype(int)

    grid = np.zeros((dots_y, dots_x), dtype=bool)
    grid[row_of(0.0), ::2] = True  # the z axis, dotted
    grid[::2, int(np.argmin(np.abs(x)))] = True  # the f axis, dotted
    rows = row_of(np.where(np.isfinite(y), y, low))
    for column in range(dots_x):
        # Join each point to the next so steep parts stay connected.
        following = rows[min(column + 1, dots_x - 1)]
        top, bottom = sorted((rows[column], following))
        if column + 1 < dots_x and abs(following - rows[column]) > 1:
            grid[top : bottom + 1, column] = True
        grid[rows[column], column] = True

    lines = []
    for cell_row in range(height):
        chars = []
        for cell_col in range(width):
            code = _BRAILLE_BLANK
            for dy in range(4):
                for dx in range(2):
                    if grid[cell_row * 4 + dy, cell_col * 2 + dx]:
                        code |= _DOT_BITS[dy][dx]
            chars.append(chr(code))
        lines.append("".join(chars))
    return lines, (low + pad, high - pad)


def braille_series(
    series: list[tuple[np.ndarray, np.ndarray]],
    width: int,
    height: int,
    y_range: tuple[float, float],
) -> list[list[tuple[str, int]]]:
    """Lines of (character, series) cells drawing each (x, y) series as a line.

    The series share both axes: x from the smallest to the largest x of all
    of them.  A cell shows the dots of every series in it, coloured as the
    last one drawn (-1 when empty).
    """
    dots_x, dots_y = width * 2, height * 4
    low, high = y_range
    span = (high - low) or 1.0
    all_x = np.concatenate([np.asarray(x, dtype=np.float64) for x, _ in series if len(x)] or [np.zeros(1)])
    x_low, x_high = float(all_x.min()), float(all_x.max())
    codes = np.full((height, width), _BRAILLE_BLANK, dtype=np.int64)
    owner = np.full((height, width), -1, dtype=np.int64)
    for index, (x, y) in enumerate(series):
        x, y = np.asarray(x, dtype=np.float64), np.asarray(y, dtype=np.float64)
        if x.size == 0:
            continue
        dot_x = np.linspace(x_low, x_high, dots_x)
        inside = (dot_x >= x[0]) & (dot_x <= x[-1]) if x.size > 1 else dot_x == dot_x
        values = np.interp(dot_x, x, np.nan_to_num(y, nan=high, posinf=high))
        rows = np.clip(np.round((high - values) / span * (dots_y - 1)), 0, dots_y - 1).astype(int)
        for column in np.flatnonzero(inside):
            cell_row, dy = divmod(int(rows[column]), 4)
            cell_col, dx = divmod(int(column), 2)
            codes[cell_row, cell_col] |= _DOT_BITS[dy][dx]
            owner[cell_row, cell_col] = index
    return [[(chr(int(codes[r, c])), int(owner[r, c])) for c in range(width)] for r in range(height)]
