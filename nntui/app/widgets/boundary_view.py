"""The output over the input plane, with the data on it: the decision boundary.

A Line API widget: it computes the output neuron's picture at exactly its own
size (two pixels per cell) and draws the training points as ● and the test
points as ○, coloured by their label.
"""

from __future__ import annotations

import textwrap
from functools import lru_cache

import numpy as np
from rich.segment import Segment
from rich.color import Color
from rich.style import Style
from textual.strip import Strip
from textual.widget import Widget

from nntui.app import heatmap
from nntui.app.text import MESSAGE_LIMIT, safe
from nntui.core.datasets import Dataset
from nntui.core.network import Network
from nntui.core.planes import layer_maps, pixel_of

# Darker than the heatmap's ends, so points stand out on their own colour.
POINT_POSITIVE = "#0b4fb3"
POINT_NEGATIVE = "#b34700"


class BoundaryView(Widget):
    """The first output neuron's value over the plane of the two inputs."""

    DEFAULT_CSS = """
    BoundaryView { width: 1fr; height: 1fr; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._levels: np.ndarray | None = None
        self._points: dict[int, dict[int, tuple[str, str]]] = {}  # line → column → mark
        self._message = ""
        self._shown: tuple[Network, Dataset] | None = None

    def show(self, network: Network, dataset: Dataset) -> None:
        self._shown = (network, dataset)
        columns, lines = self.size.width, self.size.height
        if columns < 2 or lines < 1:
            return  # not laid out yet: on_resize draws it
        try:
            maps = layer_maps(network, dataset.bounds, columns, 2 * lines)
        except ValueError as problem:
            self._levels, self._message = None, safe(problem, MESSAGE_LIMIT)
            self.refresh()
            return
        output = network.layers[-1].activation
        self._levels = heatmap.levels(heatmap.normalise(maps[-1][0], output))
        self._points = self._place(dataset, columns, lines)
        self.refresh()

    def on_resize(self) -> None:
        if self._shown is not None:
            self.show(*self._shown)

    def _place(self, dataset: Dataset, columns: int, lines: int) -> dict[int, dict[int, tuple[str, str]]]:
        points: dict[int, dict[int, tuple[str, str]]] = {}
        middle = 0.5 if dataset.kind == "classification" else 0.0
        for x, y, mark in ((dataset.x_test, dataset.y_test, "○"), (dataset.x_train, dataset.y_train, "●")):
            rows, cols = pixel_of(x, dataset.bounds, columns, 2 * lines)
            for row, col, label in zip(rows // 2, cols, y[:, 0]):
                colour = POINT_POSITIVE if label >= middle else POINT_NEGATIVE
                points.setdefault(int(row), {})[int(col)] = (mark, colour)
        return points

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        if self._levels is None or 2 * y + 1 >= self._levels.shape[0]:
            lines = textwrap.wrap(self._message, max(width, 1)) if self._levels is None else []
            text = lines[y] if y < len(lines) else ""
            return Strip([Segment(text.ljust(width))])
        cells = heatmap.picture_cells(self._levels, y)[:width]
        for col, (mark, colour) in self._points.get(y, {}).items():
            if col < len(cells):
                background = cells[col][1].color
                cells[col] = (mark, _point_style(colour, background))
        return Strip(heatmap.merged(cells))


@lru_cache(maxsize=256)
def _point_style(colour: str, background: Color | None) -> Style:
    return Style(color=colour, bgcolor=background, bold=True)
