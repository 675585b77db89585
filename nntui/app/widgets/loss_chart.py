"""The loss as training goes: train and test, drawn in Braille dots.

The scale is linear from 0, or logarithmic when the losses drawn span more
than LOG_SPAN× (a linear chart would flatten everything after one spike, or
a loss that fell 1000×, to a line at 0), or as the learner chose (ctrl+l).
The last train and test losses are written on the axis, in their colours,
at their heights.
"""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import NDArray
from rich.cells import cell_len
from rich.text import Span, Text
from textual.widget import Widget

from nntui.app.plot import braille_series
from nntui.core.numbers import format_number
from nntui.document.position import LossPoint
from nntui.i18n import t

TRAIN_COLOUR = "#4c9aff"
TEST_COLOUR = "#ff8c32"
LOG_SPAN = 100.0  # the highest loss over the lowest beyond which the scale is logarithmic
AXIS = 7  # columns of the axis labels, left of the plot
LABEL = AXIS - 1  # a label's width: one column apart from the plot


def short(value: float) -> str:
    """``value`` in at most LABEL characters: 2 significant digits, an exponent when small or large."""
    text = f"{value:.2g}"
    if len(text) > LABEL:
        text = f"{value:.1e}".replace("e-0", "e-").replace("e+0", "e+")
    if len(text) > LABEL:
        text = f"{value:.0e}".replace("e-0", "e-").replace("e+0", "e+")
    return text


def _positive(history: list[LossPoint]) -> NDArray[np.float64]:
    values = np.array([v for p in history for v in (p.train.loss, p.test.loss)], dtype=np.float64)
    return values[np.isfinite(values) & (values > 0)]


def _plot_line(cells: list[tuple[str, int]]) -> Text:
    """A line of the plot: each dot's cell in its series' colour, with the spans a cell at a time
    would give (built at once: the chart is drawn again at every frame while training)."""
    colours = (TRAIN_COLOUR, TEST_COLOUR)
    spans = [Span(x, x + 1, colours[series]) for x, (_char, series) in enumerate(cells) if series >= 0]
    return Text("".join(char for char, _series in cells), spans=spans)


class LossChart(Widget):
    """A line chart of the training and test loss against the steps taken."""

    DEFAULT_CSS = """
    LossChart { width: 1fr; height: 1fr; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.border_title = t("app.loss.title")
        self._history: list[LossPoint] = []
        self._loss = ""
        self._log = False
        self._positive: tuple[float, float] | None = None  # the lowest and highest loss above 0

    @property
    def log_scale(self) -> bool:
        """The scale drawn is logarithmic."""
        return self._log

    def show(self, history: list[LossPoint], loss: str = "", log_scale: bool | None = None) -> None:
        """``history`` of the loss named ``loss``; log scale as chosen, or by the span when None."""
        self._history = list(history)
        self._loss = loss
        positive = _positive(self._history)
        self._positive = (float(positive.min()), float(positive.max())) if positive.size else None
        wide = self._positive is not None and self._positive[1] > LOG_SPAN * self._positive[0]
        self._log = (wide if log_scale is None else log_scale) and self._positive is not None  # no log of 0
        self.refresh()

    def render(self) -> Text:
        if not self._history:
            return Text(t("app.loss.empty"), style="dim")
        last = self._history[-1]
        text = self._header(last)
        # Lines the header takes, a part too long for the width wrapping once more.
        header_lines = sum(-(-cell_len(line) // max(self.size.width, 1)) or 1 for line in text.plain.splitlines())
        width, height = max(self.size.width - AXIS, 4), max(self.size.height - 1 - header_lines, 1)
        steps = np.array([p.step for p in self._history], dtype=np.float64)
        train = np.array([p.train.loss for p in self._history])
        test = np.array([p.test.loss for p in self._history])
        low, high = self._range()
        drawn = (float(self._height(low)), float(self._height(high)))
        lines = braille_series([(steps, self._height(train)), (steps, self._height(test))], width, height, drawn)
        labels = self._labels(last, low, high, drawn, height)
        for i, cells in enumerate(lines):
            label, style = labels.get(i, ("", "dim"))
            text.append(f"{label:>{LABEL}} ", style=style)
            text.append(_plot_line(cells))
            text.append("\n")
        scale = t("app.loss.log") if self._log else ""
        text.append(f"{scale:^{AXIS}}" + self._steps(width), style="dim")
        return text

    def _steps(self, width: int) -> str:
        """The first step under the plot's left end, the last under its right end (a bare number if tight)."""
        first, last = self._history[0].step, f"{self._history[-1].step}"
        left = t("app.loss.first_step", step=first)
        if cell_len(left) + 1 + len(last) > width:
            left = f"{first}"
        return left + last.rjust(max(width - cell_len(left), len(last) + 1))

    # --- the scale ------------------------------------------------------------------

    def _range(self) -> tuple[float, float]:
        """The lowest and highest loss drawn: from 0 when linear, from the lowest loss when log."""
        if self._log and self._positive is not None:
            low, high = self._positive
            return (low / 2, high * 2) if high == low else (low, high)
        values = np.array([v for p in self._history for v in (p.train.loss, p.test.loss)], dtype=np.float64)
        finite = values[np.isfinite(values)]
        high = float(finite.max()) if finite.size else 1.0
        return 0.0, high if high > 0 else 1.0

    def _height(self, loss: NDArray[np.float64] | float) -> NDArray[np.float64]:
        """Where a loss is drawn: itself, or its log10 (the lowest loss drawn at least)."""
        values = np.asarray(loss, dtype=np.float64)
        if not self._log or self._positive is None:
            return values
        low = self._positive[0]
        with np.errstate(all="ignore"):  # inf and NaN stay so; braille_series draws them at the top
            return np.log10(np.where(np.isfinite(values), np.maximum(values, low), values))

    def _labels(
        self, last: LossPoint, low: float, high: float, drawn: tuple[float, float], height: int
    ) -> dict[int, tuple[str, str]]:
        """Row → (label, style): the highest and lowest drawn, then the last losses at their rows."""
        labels = {0: (short(high), "dim"), height - 1: (short(low) if self._log else "0", "dim")}
        rows: list[int] = []
        for value, colour in ((last.train.loss, TRAIN_COLOUR), (last.test.loss, TEST_COLOUR)):
            if not math.isfinite(value):
                continue
            row = self._row(value, drawn, height)
            if row in rows:  # the test loss where the train loss is written: one row away
                row = row + 1 if value < last.train.loss else row - 1
                if not 0 <= row < height:
                    continue
            rows.append(row)
            labels[row] = (short(value), f"bold {colour}")
        return labels

    def _row(self, value: float, drawn: tuple[float, float], height: int) -> int:
        """The text row of ``value``, as braille_series puts its dots."""
        bottom, top = drawn
        dots = height * 4
        y = float(self._height(value))
        dot = int(np.clip(np.round((top - y) / ((top - bottom) or 1.0) * (dots - 1)), 0, dots - 1))
        return dot // 4

    # --- the header -------------------------------------------------------------------

    def _header(self, last: LossPoint) -> Text:
        """The loss's name and the last losses, on one line when they fit, else a line per part."""
        parts = [
            (self._loss or t("app.loss.title"), "bold"),
            (t("app.loss.train", value=format_number(last.train.loss, ".4g")), TRAIN_COLOUR),
            (t("app.loss.test", value=format_number(last.test.loss, ".4g")), TEST_COLOUR),
        ]
        if not (math.isfinite(last.train.loss) and math.isfinite(last.test.loss)):
            parts.append((t("app.loss.not_finite"), "bold red"))  # what the dashes mean, beside them
        text = Text()
        line = 0
        for part, style in parts:  # break only between parts, so a number stays with its word
            if line and line + 2 + cell_len(part) > self.size.width:
                text.append("\n")
                line = 0
            elif line:
                text.append("  ")
                line += 2
            text.append(part, style=style)
            line += cell_len(part)
        text.append("\n")
        return text
