"""What each first hidden neuron looks for: its weights from an input picture, drawn as a picture.

Not a widget: the input column (:mod:`network_column`) draws a gallery beside
its picture (:mod:`input_picture`) when the network's inputs are an image.
Neuron j's weights from the R × C pixels are an R × C picture of their own,
in half-block cells (:mod:`nntui.app.heatmap`: two pixels a cell), blue where
ink makes the neuron fire, orange where ink holds it back, brighter for a
larger weight, on one scale for the whole layer.  Thumbnails are placed in
columns, each under the neuron's name; when not all fit, those around the
selected neuron are shown.
"""

from __future__ import annotations

import math

import numpy as np
from rich.segment import Segment
from rich.style import Style

from nntui.app import heatmap
from nntui.app.text import fit
from nntui.app.widgets.graph_layout import thumb_size
from nntui.app.widgets.weight_strip import strip_scale
from nntui.core.network import Network
from nntui.document.selection import Selection


class WeightGallery:
    """The first layer's weights as pictures of ``shape`` (rows, columns), ``columns`` thumbnails across."""

    def __init__(self, shape: tuple[int, int]) -> None:
        self.shape = shape
        self._thumb_width, self._thumb_lines = thumb_size(shape)
        self.columns = 0
        self.scale = 1.0  # the layer's weights' colour scale, as last shown
        self.top = 0  # the gallery's first body line
        self.first = 0  # the neuron of the first thumbnail shown
        self._per_column = 0  # thumbnails down a column
        self._names: list[str] = []
        self._levels = np.zeros((0, 0, 0), dtype=np.int64)  # (neurons shown, 2·lines, columns) colour levels
        self._selected: int | None = None
        self._shown: list[object] | None = None
        self._placed: tuple[int, ...] | None = None
        self._given: tuple[object, ...] | None = None  # what the lines were drawn from

    @property
    def width(self) -> int:
        return self.columns * self._thumb_width

    def show(self, network: Network, selection: Selection, columns: int, lines: int) -> set[int] | None:
        """Take the first layer's weights now, in ``columns`` thumbnails across and ``lines`` body
        lines; returns the body lines that look different, or None when any may."""
        self.columns = columns
        layer = network.layers[0]
        neurons = layer.n_out
        self._per_column = max(1, lines // self._thumb_lines)
        count = min(neurons, self._per_column * columns)
        self._selected = selection.neuron if selection.column == 1 else None
        if self._selected is not None and not self.first <= self._selected < self.first + count:
            self.first = self._selected - count // 2
        self.first = max(0, min(self.first, neurons - count))
        rows = self._per_column * self._thumb_lines
        self.top = max(0, (lines - min(rows, math.ceil(count / max(1, columns)) * self._thumb_lines)) // 2)
        shown_rows = range(self.first, self.first + count)
        names = [network.neuron_name(1, j) for j in shown_rows]
        # What the gallery shows follows the weights, not the picture: a stroke leaves it as it was.
        every = layer.weights
        given = (columns, lines, self.top, self.first, count, self._selected, names, every.shape, every.tobytes())
        if given == self._given:
            return set()
        self._given, self._names = given, names
        self.scale = scale = strip_scale(every)
        weights = every[self.first : self.first + count]
        with np.errstate(invalid="ignore", divide="ignore"):
            scaled = weights / scale if np.isfinite(scale) and scale > 0 else np.zeros_like(weights)
        pictures = heatmap.levels(scaled).reshape(count, *self.shape)
        if self.shape[0] % 2:  # a last pixel row of its own: the lower half of its cells is blank
            pictures = np.concatenate([pictures, np.zeros((count, 1, self.shape[1]), dtype=np.int64)], axis=1)
        self._levels = pictures
        keys: list[object] = [self._line_key(body) for body in range(lines)]
        before, self._shown = self._shown, keys
        placed, self._placed = self._placed, (columns, lines, self.top, self.first, count)
        if before is None or placed != self._placed:
            return None
        return {body for body, (a, b) in enumerate(zip(before, keys)) if a != b}

    def _place(self, body: int) -> tuple[int, int] | None:
        """(thumbnail row, line within it) of body line ``body``, or None outside the gallery."""
        at = body - self.top
        if at < 0 or at >= self._per_column * self._thumb_lines:
            return None
        return divmod(at, self._thumb_lines)

    def _thumbs_on(self, row: int) -> range:
        """The thumbnails (indexes among those shown) on thumbnail row ``row``."""
        count = len(self._names)
        return range(row, count, self._per_column) if row < self._per_column else range(0)

    def _line_key(self, body: int) -> object:
        place = self._place(body)
        if place is None:
            return None
        row, line = place
        thumbs = self._thumbs_on(row)
        if line == 0:
            return tuple((self._names[i], self.first + i == self._selected) for i in thumbs)
        return tuple(self._levels[i, 2 * (line - 1) : 2 * line].tobytes() for i in thumbs)

    def neuron_at(self, x: int, body: int) -> int | None:
        """The first-layer neuron whose thumbnail is under cell ``x`` of body line ``body``, or None."""
        place = self._place(body)
        if place is None or not 0 <= x < self.width:
            return None
        index = place[0] + (x // self._thumb_width) * self._per_column
        return self.first + index if index < len(self._names) else None

    def line(self, body: int, title: Style, selected: Style) -> list[Segment]:
        """Body line ``body`` of the gallery, exactly :attr:`width` cells."""
        place = self._place(body)
        if place is None or self.columns == 0:
            return [Segment(" " * self.width)]
        row, line = place
        segments: list[Segment] = []
        for i in range(self.columns):
            index = row + i * self._per_column
            if index >= len(self._names):
                segments.append(Segment(" " * self._thumb_width))
            elif line == 0:
                style = selected if self.first + index == self._selected else title
                segments += [Segment(fit(self._names[index], self._thumb_width - 1), style), Segment(" ")]
            else:
                segments += heatmap.picture_line(self._levels[index], line - 1)
                segments.append(Segment(" " * (self._thumb_width - self.shape[1])))
        return segments
