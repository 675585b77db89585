"""The output over the input plane, with the data on it: the decision boundary.

A Line API widget: it computes the output's picture at exactly its own size
(two pixels per cell) and draws the training points filled and the test
points hollow (unless they are hidden).  One output is drawn in shades from
orange to blue, its points ● / ○ coloured by their label; several outputs
of classification data are drawn as the class that wins each pixel, each
class in a colour and with a mark of its own (nntui.app.classes), named in
the legend under the picture.  Discretised, the picture shows only the
class (or the sign), not how sure the network is.

While training it is shown at every frame: it keeps the last picture and
repaints only the lines whose colours changed.
"""

from __future__ import annotations

import textwrap
from functools import lru_cache

import numpy as np
from rich.color import Color
from rich.segment import Segment
from rich.style import Style
from textual.content import Content
from textual.geometry import Region
from textual.strip import Strip
from textual.widget import Widget

from nntui.app import classes, heatmap
from nntui.app.borders import set_border
from nntui.app.text import MESSAGE_LIMIT, safe
from nntui.core.datasets import Dataset
from nntui.core.network import Network
from nntui.core.planes import layer_maps, pixel_of

# Darker than the heatmap's ends, so points stand out on their own colour.
POINT_POSITIVE = "#0b4fb3"
POINT_NEGATIVE = "#b34700"
DISCRETE_LEVEL = 10  # of heatmap.LEVELS: one clear colour per side, the points still stand out
LEGEND_NAME = 12  # characters of a class's name in the legend

Marks = dict[int, dict[int, tuple[str, str]]]  # line → column → (mark, colour)


def several_classes(network: Network, dataset: Dataset) -> bool:
    """Drawn as classes: classification data learned by several outputs."""
    return dataset.kind == "classification" and network.layers[-1].n_out >= 2


class BoundaryView(Widget):
    """The output's value (or the winning class) over the plane of the two inputs."""

    DEFAULT_CSS = """
    BoundaryView { width: 1fr; height: 1fr; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._levels: np.ndarray | None = None  # one output: heatmap levels
        self._codes: np.ndarray | None = None  # several classes: class codes
        self._points: Marks = {}
        self._message = ""
        self._shown: tuple[Network, Dataset, bool, bool] | None = None
        self._placed: tuple[object, ...] | None = None  # what the points were placed for
        self._drawn: tuple[object, ...] | None = None  # what all lines were last drawn from but the picture

    def show(self, network: Network, dataset: Dataset, *, show_test: bool = True, discrete: bool = False) -> None:
        self._shown = (network, dataset, show_test, discrete)
        before = self._levels if self._levels is not None else self._codes
        columns, lines = self.size.width, self.size.height
        if columns < 2 or lines < 1:
            return  # not laid out yet: on_resize draws it
        try:
            maps = layer_maps(network, dataset.bounds, columns, 2 * lines)
        except ValueError as problem:
            self._levels = self._codes = None
            self._message = safe(problem, MESSAGE_LIMIT)
            set_border(self, subtitle="")
            self._drawn = None
            self.refresh()
            return
        if several_classes(network, dataset):
            self._levels, self._codes = None, classes.class_codes(maps[-1], discrete)
            set_border(self, subtitle=_legend(dataset.output_names))  # only when it changes: a repaint
        else:
            values = heatmap.normalise(maps[-1][0], network.layers[-1].activation)
            if discrete:
                values = np.sign(np.nan_to_num(values)) * DISCRETE_LEVEL / heatmap.LEVELS
            self._levels, self._codes = heatmap.levels(values), None
            set_border(self, subtitle="")
        placed = (dataset, columns, lines, show_test, self._codes is None)  # datasets are immutable
        if placed != self._placed:  # the same points at every frame while training
            self._points, self._placed = self._place(dataset, columns, lines, show_test), placed
        after = self._levels if self._levels is not None else self._codes
        drawn = (self._placed, self.border_subtitle)
        if before is None or after is None or drawn != self._drawn or before.shape != after.shape:
            self._drawn = drawn
            self.refresh()
        elif changed := _changed_lines(before, after):  # the next frame of the same picture: only its new lines
            self.refresh(*changed)

    def on_resize(self) -> None:
        if self._shown is not None:
            network, dataset, show_test, discrete = self._shown
            self.show(network, dataset, show_test=show_test, discrete=discrete)

    def _place(self, dataset: Dataset, columns: int, lines: int, show_test: bool) -> Marks:
        points: Marks = {}
        sets = [(dataset.x_test, dataset.y_test, True)] if show_test else []
        sets.append((dataset.x_train, dataset.y_train, False))
        for x, y, test in sets:
            rows, cols = pixel_of(x, dataset.bounds, columns, 2 * lines)
            for row, col, mark in zip(rows // 2, cols, self._marks(dataset, y, test)):
                points.setdefault(int(row), {})[int(col)] = mark
        return points

    def _marks(self, dataset: Dataset, y: np.ndarray, test: bool) -> list[tuple[str, str]]:
        """Each sample's mark and colour: by its class, or by its label's side of the middle."""
        if self._codes is not None:
            return [(classes.class_mark(k, test), classes.point_colour(k)) for k in classes.class_of(y.T).tolist()]
        middle = 0.5 if dataset.kind == "classification" else 0.0
        mark = "○" if test else "●"
        return [(mark, POINT_POSITIVE if label >= middle else POINT_NEGATIVE) for label in y[:, 0].tolist()]

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        picture = self._levels if self._levels is not None else self._codes
        if picture is None or 2 * y + 1 >= picture.shape[0]:
            lines = textwrap.wrap(self._message, max(width, 1)) if picture is None else []
            text = lines[y] if y < len(lines) else ""
            return Strip([Segment(text.ljust(width))])
        if self._levels is not None:
            cells = heatmap.picture_cells(self._levels, y)[:width]
        else:
            cells = classes.class_cells(picture, y)[:width]
        for col, (mark, colour) in self._points.get(y, {}).items():
            if col < len(cells):
                background = cells[col][1].color
                cells[col] = (mark, _point_style(colour, background))
        return Strip(heatmap.merged(cells))


def _changed_lines(before: np.ndarray, after: np.ndarray) -> list[Region]:
    """The lines (two pixel rows each) whose pixels differ, as regions of runs of lines."""
    lines, columns = after.shape[0] // 2, after.shape[1]
    pairs = (before[: 2 * lines] != after[: 2 * lines]).reshape(lines, 2 * columns)
    regions, start = [], None
    for line, changed in enumerate([*np.any(pairs, axis=1).tolist(), False]):
        if changed and start is None:
            start = line
        elif not changed and start is not None:
            regions.append(Region(0, start, columns, line - start))
            start = None
    return regions


def _legend(names: tuple[str, ...]) -> Content:
    """Each class's mark and name, in its colour: the picture reads without colour too."""
    parts: list[tuple[str, str] | str] = []
    for k, name in enumerate(names):
        if k:
            parts.append(" ")
        parts.append((f"{classes.class_mark(k, False)} {safe(name, LEGEND_NAME)}", f"bold {classes.hex_colour(k)}"))
    return Content.assemble(*parts)


@lru_cache(maxsize=256)
def _point_style(colour: str, background: Color | None) -> Style:
    return Style(color=colour, bgcolor=background, bold=True)
