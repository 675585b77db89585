"""Choose a layer's activation function from a list, with a plot of each."""

from __future__ import annotations

import numpy as np
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from nntui.app.screens.dialog import Dialog

from nntui.app.plot import braille_plot
from nntui.core.activations import ACTIVATION_NAMES, Activation, get_activation

PLOT_WIDTH, PLOT_HEIGHT = 26, 7

NOTES = {
    "linear": "passes the sum on unchanged: layers of linear neurons add up to one linear map",
    "sigmoid": "squashes any sum into 0…1: a soft yes/no",
    "tanh": "squashes into -1…1, centred on 0",
    "relu": "0 for negative sums, the sum itself otherwise: cheap and popular",
    "leaky_relu": "like relu, but negative sums keep a small slope (0.01)",
    "step": "the original perceptron: 1 when the sum reaches 0, else 0",
    "softmax": "turns the whole layer into probabilities that add up to 1 "
    "(plot: one neuron against a second one at 0)",
}


def plottable(activation: Activation):  # -> Callable[[np.ndarray], np.ndarray]
    """``activation`` as a function of one z (softmax: against one other neuron at 0)."""
    if activation.elementwise:
        return activation
    return lambda z: activation(np.stack([z, np.zeros_like(z)], axis=-1))[..., 0]


class ActivationChooser(Dialog[str | None]):
    """Returns the chosen activation's name, or None when cancelled."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, layer_title: str, current: str) -> None:
        super().__init__()
        self.layer_title = layer_title
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog", classes="prompt chooser"):
            yield Label(f"Activation of {self.layer_title}", classes="prompt-title")
            with Horizontal(id="chooser-body"):
                yield OptionList(
                    *(Option(self._label(name), id=name) for name in ACTIVATION_NAMES),
                    id="activations",
                )
                with Vertical(id="chooser-detail"):
                    yield Static(id="formula")
                    yield Static(id="plot")
                    yield Static(id="note")
            yield Label("↑↓ choose · Enter apply · Escape cancel", classes="prompt-keys")

    def _label(self, name: str) -> Text:
        text = Text(name)
        if name == self.current:
            text.append("  (now)", style="italic")
        return text

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        options.highlighted = ACTIVATION_NAMES.index(self.current)
        options.focus()

    @on(OptionList.OptionHighlighted)
    def _show(self, event: OptionList.OptionHighlighted) -> None:
        name = event.option.id or self.current
        activation = get_activation(name)
        lines, (low, high) = braille_plot(plottable(activation), PLOT_WIDTH, PLOT_HEIGHT)
        plot = Text()
        for i, line in enumerate(lines):
            label = f"{high:>4.2g} " if i == 0 else f"{low:>4.2g} " if i == len(lines) - 1 else "     "
            plot.append(label, style="dim")
            plot.append(line + "\n", style="bold")
        plot.append("     z from -4 to 4", style="dim")
        self.query_one("#formula", Static).update(Text(activation.formula, style="bold"))
        self.query_one("#plot", Static).update(plot)
        self.query_one("#note", Static).update(NOTES.get(name, ""))

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.answer(event.option.id)

    def action_cancel(self) -> None:
        self.answer(None)
