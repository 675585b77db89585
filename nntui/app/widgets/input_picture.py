"""The input layer as a picture: a network whose inputs are the pixels of an image draws them so.

Not a widget: a column of the canvas (:mod:`network_column`) hands its body
lines to an :class:`InputPicture` when the network says its inputs are an
image (``Network.image_shape``).  Each pixel is two cells wide, so the
picture is about as wide as it is tall; its ink (0 to 1) is a shade glyph
(`` ░▒▓█``) as well as a grey, so it reads the same without colour.  Under
the picture, the pixel under the cursor and its value, and the keys that
draw.
"""

from __future__ import annotations

import math

import numpy as np
from rich.segment import Segment
from rich.style import Style

from nntui.app.text import fit
from nntui.app.widgets.graph_layout import PIXEL, VALUE_WIDTH
from nntui.core.network import ForwardResult, Network
from nntui.core.numbers import format_value
from nntui.core.text import visible
from nntui.document.selection import Selection
from nntui.i18n import t

SHADES = ("·", "░", "▒", "▓", "█")  # ink 0, then four levels up to full ink
CAPTION_LINES = 3  # under the picture: the pixel under the cursor, then the keys (two lines)


def shade(ink: float) -> int:
    """The shade (0…4) that ``ink`` shows: 0 for no ink (or less), 4 for full ink (or more)."""
    if not math.isfinite(ink) or ink <= 0.0:
        return 0
    return min(len(SHADES) - 1, 1 + int(ink * (len(SHADES) - 1) - 1e-9)) if ink < 1.0 else len(SHADES) - 1


def _grey(level: int) -> Style:
    grey = 90 + 165 * level // (len(SHADES) - 1)
    return Style(color=f"#{grey:02x}{grey:02x}{grey:02x}")


_SHADE_STYLES = tuple(_grey(level) for level in range(len(SHADES)))


def pixel_cells(level: int) -> tuple[str, Style]:
    """A pixel of shade ``level`` as drawn: PIXEL cells of its glyph (no ink: a dot), and its grey."""
    return (SHADES[level] * PIXEL if level else " " + SHADES[0]), _SHADE_STYLES[level]


class InputPicture:
    """An input layer of ``shape`` (rows, columns) pixels, drawn as a picture in a column."""

    def __init__(self, shape: tuple[int, int]) -> None:
        self.shape = shape
        self.top = 0  # the picture's first body line
        self.left = 1  # the picture's first cell (after room for the cursor)
        self._values = np.zeros(shape[0] * shape[1])
        self._cursor: int | None = None
        self._caption = ""
        self._shown: list[tuple[object, ...]] | None = None  # what each line showed, to tell what changed
        self._placed: tuple[int, int] | None = None

    @property
    def height(self) -> int:
        """Body lines the picture and its caption take."""
        return self.shape[0] + 1 + CAPTION_LINES

    def show(
        self, network: Network, result: ForwardResult, selection: Selection, lines: int, width: int
    ) -> set[int] | None:
        """Take this state, in ``lines`` body lines ``width`` cells wide; returns the body lines that
        look different now, or None when any may (placed anew)."""
        rows, columns = self.shape
        if lines >= self.height:
            self.top = (lines - self.height) // 2
        else:  # too short for it all (80×24): the pixel rows around the cursor's, the words under them left out
            row = 0 if selection.column != 0 else selection.neuron // columns
            self.top = -max(0, min(row - lines // 2, rows - lines))
        self.left = max(1, (width - PIXEL * columns) // 2)
        self._values = result.activations[0]
        self._cursor = selection.neuron if selection.column == 0 else None
        self._caption = caption(network, self._values, self._cursor, self.shape)
        levels = [shade(float(v)) for v in self._values[: rows * columns]]
        cursor = self._cursor
        shown: list[tuple[object, ...]] = [
            (
                tuple(levels[row * columns : (row + 1) * columns]),
                cursor if cursor is not None and cursor // columns == row else None,  # 0 is a pixel, not False
            )
            for row in range(rows)
        ]
        shown.append((self._caption,))
        before, self._shown = self._shown, shown
        placed, self._placed = self._placed, (self.top, self.left)
        if before is None or placed != self._placed:
            return None
        changed = {self.top + row for row in range(rows) if before[row] != shown[row]}
        if before[rows] != shown[rows]:
            changed.add(self.top + rows + 1)
        return {body for body in changed if 0 <= body < lines}

    def pixel_at(self, x: int, body: int) -> int | None:
        """The pixel (its input's index) under cell ``x`` of body line ``body``, or None."""
        rows, columns = self.shape
        row, column = body - self.top, (x - self.left) // PIXEL
        if 0 <= row < rows and x >= self.left and column < columns:
            return row * columns + column
        return None

    def line(self, body: int, width: int, cursor_style: Style) -> list[Segment]:
        """Body line ``body`` of the column: a row of pixels, a caption line, or blank; ``width`` cells."""
        rows, columns = self.shape
        row = body - self.top
        if 0 <= row < rows:
            segments = [Segment(" " * self.left)]
            for column in range(columns):
                index = row * columns + column
                glyph, style = pixel_cells(shade(float(self._values[index])))
                segments.append(Segment(glyph, style + cursor_style if index == self._cursor else style))
            segments.append(Segment(" " * (width - self.left - PIXEL * columns)))
            return segments
        texts = {rows + 1: self._caption, rows + 2: t("app.picture.keys_draw"), rows + 3: t("app.picture.keys_load")}
        return [Segment(fit(" " + texts.get(row, ""), width))]


def caption(network: Network, values: np.ndarray, cursor: int | None, shape: tuple[int, int]) -> str:
    """What the line under the picture says: the pixel under the cursor, its place and its ink."""
    if cursor is None or not 0 <= cursor < len(values):
        return t("app.picture.size", rows=shape[0], columns=shape[1])
    value = format_value(float(values[cursor]), VALUE_WIDTH).strip()
    return t("app.picture.pixel", name=visible(network.neuron_name(0, cursor)), value=value)
