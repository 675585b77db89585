"""The connections between two layers, drawn as lines of Braille dots.

Pure NumPy: no Textual.  A gap of ``width`` × ``height`` terminal cells is a
grid of 2 × 4 dots per cell (Braille characters U+2800…U+28FF).  Every link
is a straight line from its source neuron's row (left edge) to its target
neuron's row (right edge).  Each cell shows the dots of every line through it,
and belongs to one link, whose colour it takes: the one of highest rank
(the selected weight, then the selected neuron's links), then of largest |w|.

The sign of a weight is never shown by colour alone: a negative link is
dashed, a zero one dotted, and a level link is a box-drawing line (─, or ╌
when negative), so the picture reads the same without colour.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

BRAILLE = 0x2800
# The bit of each dot, by (row within the cell 0…3, column 0…1).
DOT_BITS = np.array([[0x01, 0x08], [0x02, 0x10], [0x04, 0x20], [0x40, 0x80]], dtype=np.int64)
DOT_ROW = 1  # the dot row a level line runs along: the upper middle of its cell
DASH = 3  # dots drawn, then as many skipped, along a negative link
DOT_EVERY = 4  # one dot in this many along a zero link
LEVEL, LEVEL_DASHED = "─", "╌"

RANK_PLAIN, RANK_NEURON, RANK_WEIGHT = 0, 1, 2


@dataclass(frozen=True)
class LinkPicture:
    """What a gap shows: a character per cell, and which link owns it (-1: none).

    Links are numbered ``target * n_sources + source``, as ``weights.ravel()``.
    """

    chars: NDArray[np.str_]  # (height, width)
    owner: NDArray[np.int64]  # (height, width)

    def line(self, y: int) -> list[tuple[str, int]]:
        """Row ``y`` as runs of (text, owning link), neighbouring cells of one owner merged."""
        chars, owner = self.chars[y], self.owner[y]
        runs: list[tuple[str, int]] = []
        start = 0
        for x in range(1, len(owner) + 1):
            if x == len(owner) or owner[x] != owner[start]:
                runs.append(("".join(chars[start:x]), int(owner[start])))
                start = x
        return runs


def draw_links(
    sources: NDArray[np.int64],
    targets: NDArray[np.int64],
    weights: NDArray[np.float64],
    rank: NDArray[np.int64],
    width: int,
    height: int,
) -> LinkPicture:
    """Every link from ``sources`` rows (left) to ``targets`` rows (right).

    ``weights`` and ``rank`` are (n_targets, n_sources), like a layer's
    weight matrix; rows are cell rows within the gap (0 is its top).
    """
    chars = np.full((height, width), " ", dtype="<U1")
    owner = np.full((height, width), -1, dtype=np.int64)
    n_targets, n_sources = weights.shape
    if width <= 0 or height <= 0 or n_targets == 0 or n_sources == 0:
        return LinkPicture(chars, owner)
    dots_wide = 2 * width
    y0 = np.repeat(np.asarray(sources, dtype=np.int64)[None, :], n_targets, axis=0).ravel() * 4 + DOT_ROW
    y1 = np.repeat(np.asarray(targets, dtype=np.int64)[:, None], n_sources, axis=1).ravel() * 4 + DOT_ROW
    w = np.nan_to_num(np.asarray(weights, dtype=np.float64).ravel(), nan=0.0, posinf=1e300, neginf=-1e300)
    links = len(w)

    # Enough samples along every line that neighbouring samples touch (no gaps).
    samples = dots_wide + int(np.max(np.abs(y1 - y0))) + 1
    t = np.linspace(0.0, 1.0, samples)
    xs = np.rint(t * (dots_wide - 1)).astype(np.int64)[None, :].repeat(links, axis=0)
    ys = np.rint(y0[:, None] + t[None, :] * (y1 - y0)[:, None]).astype(np.int64)
    keep = np.ones((links, samples), dtype=bool)
    # Dashes and dots measured along each line, in dots, so steep lines get the same pattern.
    length = np.hypot(dots_wide - 1, (y1 - y0).astype(np.float64))[:, None] * t[None, :]
    along = np.rint(length).astype(np.int64)
    keep[w < 0] = ((along // DASH) % 2 == 0)[w < 0]
    keep[w == 0] = (along % DOT_EVERY == 0)[w == 0]
    keep &= (ys >= 0) & (ys < 4 * height)

    link_of = np.repeat(np.arange(links), samples).reshape(links, samples)[keep]
    xs, ys = xs[keep], ys[keep]
    cell = (ys // 4) * width + xs // 2
    bits = np.zeros(height * width, dtype=np.int64)
    np.bitwise_or.at(bits, cell, DOT_BITS[ys % 4, xs % 2])

    # Ownership: the highest (rank, |w|) among the links through each cell.
    order = np.lexsort((np.abs(w), np.asarray(rank, dtype=np.int64).ravel()))
    key = np.empty(links, dtype=np.int64)
    key[order] = np.arange(links)
    best = np.full(height * width, -1, dtype=np.int64)
    np.maximum.at(best, cell, key[link_of])
    drawn = best >= 0
    owner.ravel()[drawn] = order[best[drawn]]

    # Cells crossed only by level lines are box-drawing lines.
    sloped = np.zeros(height * width, dtype=bool)
    sloped[cell[(y0 != y1)[link_of]]] = True
    level = drawn & ~sloped
    flat_chars = chars.ravel()
    flat_chars[drawn] = [chr(BRAILLE + int(b)) for b in bits[drawn]]
    flat_chars[level] = np.where(w[owner.ravel()[level]] < 0, LEVEL_DASHED, LEVEL)
    return LinkPicture(chars, owner)


def nearest_link(sources: NDArray[np.int64], targets: NDArray[np.int64], width: int, x: int, y: int) -> tuple[int, int]:
    """The (target, source) whose line passes closest to cell (x, y) of the gap."""
    fraction = (x + 0.5) / max(1, width)
    src = np.asarray(sources, dtype=np.float64)[None, :]
    dst = np.asarray(targets, dtype=np.float64)[:, None]
    distance = np.abs(src + (dst - src) * fraction - y)
    target, source = np.unravel_index(int(np.argmin(distance)), distance.shape)
    return int(target), int(source)
