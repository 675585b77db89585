"""The loss as training goes: train and test, drawn in Braille dots."""

from __future__ import annotations

import math

import numpy as np
from rich.text import Text
from textual.widget import Widget

from nntui.app.plot import braille_series
from nntui.app.training_session import LossPoint

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
        width, height = max(self.size.width - 7, 4), max(self.size.height - 2, 1)
        text = Text()
        if not self._history:
            return Text("No training yet: space trains, s takes one step.", style="dim")
        last = self._history[-1]
        text.append("loss  ", style="bold")
        text.append(f"train {last.train.loss:.4g}", style=TRAIN_COLOUR)
        text.append("  ")
        text.append(f"test {last.test.loss:.4g}\n", style=TEST_COLOUR)
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
        text.append(" " * 7 + f"step {first}".ljust(max(width - 12, 0)) + f"{last.step:>12}", style="dim")
        if not math.isfinite(last.train.loss):
            text.append("\nthe loss is not finite", style="bold red")
        return text
