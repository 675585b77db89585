"""Pictures of several classes: the winning class of every pixel, in a colour of its own.

A multi-class output (softmax over several classes) is drawn as the class
that wins each pixel, shaded by how clearly it wins (or not at all when the
output is discretised).  Each class has a colour from the Okabe–Ito set,
which stays distinct for the common forms of colour blindness, and a mark of
its own for its points (filled for training, hollow for test), so the
picture reads without colour too.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
from numpy.typing import NDArray
from rich.style import Style

from nntui.app.heatmap import LIGHT, UPPER_HALF

# Okabe–Ito: orange, sky blue, bluish green, yellow, blue, vermilion, reddish purple, grey.
CLASS_COLOURS: tuple[tuple[int, int, int], ...] = (
    (230, 159, 0),
    (86, 180, 233),
    (0, 158, 115),
    (240, 228, 66),
    (0, 114, 178),
    (213, 94, 0),
    (204, 121, 167),
    (128, 128, 128),
)
# (training, test) marks, one pair per class.
CLASS_MARKS: tuple[tuple[str, str], ...] = (
    ("●", "○"),
    ("▲", "△"),
    ("■", "□"),
    ("◆", "◇"),
    ("▼", "▽"),
    ("★", "☆"),
)
SHADES = 4  # how clearly a class wins, 1 (barely) … SHADES (by far)
DISCRETE_SHADE = 3  # the one shade of a discretised picture
MAX_TINT = 0.8  # the strongest cell stays lighter than its points


def class_of(values: NDArray[np.float64]) -> NDArray[np.int64]:
    """The winning class along the first axis (NaN never wins)."""
    clean = np.nan_to_num(np.asarray(values, dtype=np.float64), nan=-np.inf)
    winners: NDArray[np.intp] = np.argmax(clean, axis=0)
    return winners.astype(np.int64)


def class_codes(outputs: NDArray[np.float64], discrete: bool) -> NDArray[np.int64]:
    """Per pixel of ``outputs`` (classes, rows, columns), its class and shade as one code.

    The shade is the winner's lead over the runner-up (a probability
    difference for softmax), cut into SHADES steps.
    """
    winner = class_of(outputs)
    if discrete:
        shade = np.full(winner.shape, DISCRETE_SHADE, dtype=np.int64)
    else:
        ordered = np.sort(np.nan_to_num(outputs, nan=0.0), axis=0)
        lead = np.clip(ordered[-1] - ordered[-2], 0.0, 1.0)
        shade = 1 + np.rint(lead * (SHADES - 1)).astype(np.int64)
    return winner * (SHADES + 1) + shade


def class_colour(index: int) -> tuple[int, int, int]:
    return CLASS_COLOURS[index % len(CLASS_COLOURS)]


def class_mark(index: int, test: bool) -> str:
    return CLASS_MARKS[index % len(CLASS_MARKS)][1 if test else 0]


def hex_colour(index: int) -> str:
    """A class's colour as the legend writes it."""
    return "#{:02x}{:02x}{:02x}".format(*class_colour(index))


def point_colour(index: int) -> str:
    """A class's colour, darker: its points stand out on its own cells."""
    r, g, b = (round(c * 0.55) for c in class_colour(index))
    return f"#{r:02x}{g:02x}{b:02x}"


def _tint(code: int) -> str:
    index, shade = divmod(code, SHADES + 1)
    weight = MAX_TINT * shade / SHADES
    r, g, b = (round(n + (c - n) * weight) for n, c in zip(LIGHT, class_colour(index)))
    return f"#{r:02x}{g:02x}{b:02x}"


@lru_cache(maxsize=1024)
def _cell_style(top: int, bottom: int) -> Style:
    return Style(color=_tint(top), bgcolor=_tint(bottom))


def class_cells(codes: NDArray[np.int64], line: int) -> list[tuple[str, Style]]:
    """Cell line ``line`` of a picture of class codes of shape (2·lines, columns)."""
    top = codes[2 * line].tolist()
    bottom = codes[2 * line + 1].tolist()
    return [(UPPER_HALF, _cell_style(a, b)) for a, b in zip(top, bottom)]
