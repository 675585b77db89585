"""The loss as training goes: train and test, drawn in Braille dots."""

from __future__ import annotations

import math

import numpy as np
from rich.cells import cell_len
from rich.text import Text
from textual.widget import Widget

from nntui.app.plot import braille_series
from nntui.document.session import LossPoint
from nntui.i18n import t

TRAIN_COLOUR = "#4c9aff"
TEST_COLOUR = "#ff8c32"


class LossChart(Widget):
    """A line chart of the training and test loss against the steps taken."""

    DEFAULT_CSS = """
    LossChart { width: 1fr; height: 1fr; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._history: list[LossPoint] = []

    def show(self, history: list[LossPoint]) -> None:
        self._history = list(history)
        self.refresh()

    def render(self) -> Text:
        if not self._history:
            return Text(t("app.loss.empty"), style="dim")
        last = self._history[-1]
        text = self._header(last)
        # Lines the header takes, a part too long for the width wrapping once more.
        header_lines = sum(-(-cell_len(line) // max(self.size.width, 1)) or 1
                           for line in text.plain.splitlines())
        width, height = max(self.size.width - 7, 4), max(self.size.height - 1 - header_lines, 1)
        steps = np.array([p.step for p in self._history], dtype=np.float64)
        train = np.array([p.train.loss for p in self._history])
        test = np.array([p.test.loss for p in self._history])
        finite = np.concatenate([train[np.isfinite(train)], test[np.isfinite(test)]])
        high = float(finite.max()) if finite.size else 1.0
        lines = braille_series([(steps, train), (steps, test)], width, height,
                               (0.0, high if high > 0 else 1.0))
        for i, cells in enumerate(lines):
            label = f"{high:>6.2g} " if i == 0 else "     0 " if i == len(lines) - 1 else " " * 7
            text.append(label, style="dim")
            for char, series in cells:
                text.append(char, style=(TRAIN_COLOUR, TEST_COLOUR)[series] if series >= 0 else "")
            text.append("\n")
        first = self._history[0].step
        text.append(" " * 7 + t("app.loss.first_step", step=first).ljust(max(width - 12, 0)) + f"{last.step:>12}",
                    style="dim")
        if not math.isfinite(last.train.loss):
            text.append("\n" + t("app.loss.not_finite"), style="bold red")
        return text

    def _header(self, last: LossPoint) -> Text:
        """The last losses, on one line when they fit, else a line per word and its number."""
        parts = [
            (t("app.loss.title"), "bold"),
            (t("app.loss.train", value=f"{last.train.loss:.4g}"), TRAIN_COLOUR),
            (t("app.loss.test", value=f"{last.test.loss:.4g}"), TEST_COLOUR),
        ]
        text = Text()
        if cell_len("  ".join(part for part, _ in parts)) <= self.size.width:  # as it always was
            (title, bold), (train, train_colour), (test, test_colour) = parts
            text.append(title + "  ", style=bold)
            text.append(train, style=train_colour)
            text.append("  ")
            text.append(test + "\n", style=test_colour)
            return text
        # Too narrow: break only between parts, so a number stays with its word.
        line = 0
        for part, style in parts:
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
