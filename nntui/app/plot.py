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
            grid[top:bottom + 1, column] = True
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
