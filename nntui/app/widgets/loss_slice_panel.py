"""The loss against the selected weight: where it is, and where the gradient points."""

from __future__ import annotations

import numpy as np
from rich.text import Text
from textual.widgets import Static

from nntui.app.plot import braille_series
from nntui.app.widgets.static_text import show_text
from nntui.core.loss_slice import LossSlice
from nntui.core.numbers import format_value
from nntui.i18n import t

WIDTH, HEIGHT = 24, 6
SLICE_WIDTH = 36  # the panel's width (app.tcss), border included
CURVE, TANGENT = 0, 1
STYLES = {CURVE: "bold", TANGENT: "yellow"}
LABEL = 7  # cells of the loss axis' labels


class LossSlicePanel(Static):
    """A Braille plot of L(w) around w, with the tangent of slope ∂L/∂w and the current point."""

    def show(self, cut: LossSlice, kind: str) -> None:
        """The loss along ``cut``, of a parameter of ``kind`` ("weight", "bias"; named in the
        status line)."""
        values, losses = cut.values, cut.losses
        finite = losses[np.isfinite(losses)]
        low, high = (float(finite.min()), float(finite.max())) if finite.size else (0.0, 1.0)
        pad = (high - low) * 0.1 or 0.5
        # A loss is never below 0: the axis starts there at the lowest, the tangent is cut at it.
        y_range = (max(low - pad, 0.0) if low >= 0 else low - pad, high + pad)
        tangent = cut.current_loss + cut.slope * (values - cut.current)
        near = np.abs(values - cut.current) <= (values[-1] - values[0]) / 6
        cells = braille_series(
            [(values, losses), (values[near], np.clip(tangent[near], *y_range))], WIDTH, HEIGHT, y_range
        )
        plot = Text()
        for r, row in enumerate(cells):
            label = f"{y_range[1]:>6.3g} " if r == 0 else f"{y_range[0]:>6.3g} " if r == HEIGHT - 1 else " " * 7
            plot.append(label, style="dim")
            for char, owner in row:
                plot.append(char, style=STYLES.get(owner, ""))
            plot.append("\n")
        span = float(values[-1] - values[0]) or 1.0
        column = round((cut.current - float(values[0])) / span * (WIDTH - 1))
        plot.append(" " * (LABEL + column) + "▲\n", style="bold red")  # where the weight is now
        plot.append(" " * LABEL + f"{values[0]:<.3g}".ljust(WIDTH - 6) + f"{values[-1]:>.3g}\n", style="dim")
        plot.append(
            t(
                "app.slice.here",
                value=format_value(cut.current).strip(),
                loss=format_value(cut.current_loss).strip(),
                slope=format_value(cut.slope).strip(),
            )
        )
        self.border_title = t(f"app.slice.title.{kind}")
        show_text(self, plot)
