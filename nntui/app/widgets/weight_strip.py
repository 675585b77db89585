"""The matrix view of a layer's outgoing weights: a strip beside the neurons it starts from.

Used where links would not be readable (a layer of more than
``LINK_LIMIT`` neurons, or one too tall for the screen): rows are this
column's neurons, cells the next layer's neurons; up to two targets are
shown as numbers, more as a sign and a block as tall as |w|, a window of
``GLYPH_WINDOW`` of them that follows the selection.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from rich.segment import Segment
from rich.style import Style

from nntui.app import palette
from nntui.app.palette import LEVELS
from nntui.app.text import fit
from nntui.app.widgets.graph_layout import GLYPH_CELL, GLYPH_WINDOW, NUMERIC_CELL, NUMERIC_STRIP_MAX, VALUE_WIDTH
from nntui.core.network import Network
from nntui.core.numbers import format_value
from nntui.document.selection import Selection
from nntui.i18n import t


@dataclass(frozen=True)
class StripLayout:
    """Where the strip sits and which targets it shows."""

    x: int  # first cell of the strip, relative to the column
    cell: int  # width of one target's cell
    first: int  # index of the first target drawn
    count: int  # how many targets are drawn
    total: int  # how many targets the next layer has

    @property
    def numeric(self) -> bool:
        return self.cell == NUMERIC_CELL

    @property
    def width(self) -> int:
        return 1 + self.count * self.cell + 1

    def target_at(self, x: int) -> int | None:
        """The target whose cell is at ``x`` (relative to the column), or None."""
        if x <= self.x:
            return None
        cell = (x - self.x - 1) // self.cell
        return self.first + cell if 0 <= cell < self.count else None


def strip_layout(x: int, total: int, target: int) -> StripLayout:
    """The strip at ``x`` towards ``total`` targets, its window around ``target``."""
    if total <= NUMERIC_STRIP_MAX:
        return StripLayout(x, NUMERIC_CELL, 0, total, total)
    count = min(total, GLYPH_WINDOW)
    first = max(0, min(target - count // 2, total - count))
    return StripLayout(x, GLYPH_CELL, first, count, total)


def weight_scale(weights: np.ndarray) -> float:
    """The largest finite |w|: the full colour of a strip or of links."""
    if weights.size == 0:
        return 1.0
    largest = float(np.max(np.abs(weights)))
    if np.isfinite(largest):  # the usual case, without the copy that filtering makes
        return largest
    finite = weights[np.isfinite(weights)]
    return float(np.max(np.abs(finite))) if finite.size else 1.0


def strip_scale(weights: np.ndarray) -> float:
    """The full colour of a matrix strip: the largest finite |w| rounded up to 1, 2 or 5 × 10ⁿ.

    A nudge of the largest weight then rarely changes the scale, and with it the colour and
    height of every cell in sight: the matrix stays still while one weight changes, and only
    that weight's cell is drawn again."""
    largest = weight_scale(weights)
    if not np.isfinite(largest) or largest <= 0:
        return largest
    power = 10.0 ** np.floor(np.log10(largest))
    for step in (1.0, 2.0, 5.0, 10.0):
        if largest <= step * power * (1 + 1e-12):
            return float(step * power)
    return float(10 * power)


def header(strip: StripLayout, network: Network, column: int, y: int, style: Style) -> list[Segment]:
    """Header line ``y`` (0 or 1): which view and which layer, then the targets' names or numbers."""
    if y == 0:
        if strip.count < strip.total:
            label = " " + t(
                "app.gap.matrix_window", first=strip.first + 1, last=strip.first + strip.count, total=strip.total
            )
        else:
            label = " " + t("app.gap.matrix", layer=network.layer_title(column + 1))
        return [Segment(fit(label, strip.width), style)]
    cells = [" "]
    for j in range(strip.first, strip.first + strip.count):
        if strip.numeric:
            cells.append(fit(network.neuron_name(column + 1, j), VALUE_WIDTH).rjust(strip.cell))
        else:
            cells.append(str((j + 1) % 100).rjust(strip.cell))
    return [Segment(fit("".join(cells), strip.width), style)]


def cells(
    strip: StripLayout,
    network: Network,
    column: int,
    row: int,
    selection: Selection,
    scale: float,
    style_of: Callable[..., Style] = palette.value_style,
) -> list[Segment]:
    """The weights leaving neuron ``row`` of ``column``, the selected one reversed."""
    weights = network.layers[column].weights
    chosen = selection.neuron if selection.column == column + 1 and selection.weight_source(network) == row else None
    segments = [Segment(" ")]
    for j in range(strip.first, strip.first + strip.count):
        w = float(weights[j, row])
        selected = j == chosen
        style = style_of(w, scale, bold=selected, reverse=selected)
        if strip.numeric:
            segments.append(Segment(" ", Style()))
            segments.append(Segment(format_value(w, VALUE_WIDTH), style))
        else:
            segments.append(Segment(palette.weight_glyph(w, scale), style))
    segments.append(Segment(" "))
    return segments


def glyph_rows(
    strip: StripLayout, weights: np.ndarray, rows: range, chosen: tuple[int, int] | None, scale: float
) -> list[list[Segment]]:
    """:func:`cells` of a glyph strip for each row of ``rows`` at once, computed with NumPy: a
    frame that changes the scale redraws every row in sight. ``chosen``: the selected weight's
    (row, target), drawn reversed."""
    block = weights[strip.first : strip.first + strip.count, rows.start : rows.stop].T
    finite = np.isfinite(block)
    with np.errstate(invalid="ignore", divide="ignore"):
        ratio = np.minimum(np.abs(block) / scale, 1.0) if scale > 0 else np.zeros(block.shape)
    ratio = np.where(finite, ratio, 1.0)
    style_levels = np.rint(ratio * LEVELS).astype(np.int64).tolist()
    glyph_levels = np.where(block != 0, np.ceil(ratio * LEVELS), 0).astype(np.int64).tolist()
    signs = np.where(finite, np.where(block < 0, -1, 1), 0).tolist()
    lines: list[list[Segment]] = []
    for i, row in enumerate(rows):
        segments = [Segment(" ")]
        for j, (sign, level, height) in enumerate(zip(signs[i], style_levels[i], glyph_levels[i])):
            selected = chosen == (row, strip.first + j)
            glyph = "!!" if sign == 0 else ("-" if sign < 0 else "+") + palette.HEIGHTS[height]
            style = palette.level_style(sign, 0 if sign == 0 else level, bold=selected, reverse=selected)
            segments.append(Segment(glyph, style))
        segments.append(Segment(" "))
        lines.append(segments)
    return lines
