"""Choose a layer's activation function from a list, with a plot of each."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

import numpy as np
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from nntui.app.plot import braille_plot
from nntui.app.screens.dialog import Dialog
from nntui.app.text import plain, safe
from nntui.core.activations import ACTIVATION_NAMES, Activation, Array, get_activation
from nntui.i18n import has, t

PLOT_WIDTH, PLOT_HEIGHT = 26, 7

# Each activation's note is the message "app.activation.note.<name>".
NOTE_KEY = "app.activation.note."


def note(name: str) -> str:
    """A sentence on what the activation ``name`` does, or "" for one without a note."""
    return t(NOTE_KEY + name) if has(NOTE_KEY + name) else ""


def plottable(activation: Activation) -> Callable[[Array], Array]:
    """``activation`` as a function of one z (softmax: against one other neuron at 0)."""
    if activation.elementwise:
        return activation
    return lambda z: activation(np.stack([z, np.zeros_like(z)], axis=-1))[..., 0]


class ActivationChooser(Dialog[str | None]):
    """Returns the chosen activation's name, or None when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "app.key.cancel")]

    def __init__(self, layer_title: str, current: str) -> None:
        super().__init__()
        self.layer_title = layer_title
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog", classes="prompt chooser"):
            yield Label(plain(t("app.activation.title", layer=safe(self.layer_title))), classes="prompt-title")
            with Horizontal(id="chooser-body"):
                yield OptionList(
                    *(Option(self._label(name), id=name) for name in ACTIVATION_NAMES),
                    id="activations",
                )
                with Vertical(id="chooser-detail"):
                    yield Static(id="formula")
                    yield Static(id="plot")
                    yield Static(id="note")
            yield Label(t("app.activation.keys"), classes="prompt-keys")

    def _label(self, name: str) -> Text:
        text = Text(name)
        if name == self.current:
            text.append("  " + t("app.activation.now"), style="italic")
        return text

    def on_mount(self) -> None:
        for options in self.query(OptionList):  # none when answered before it mounted
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
        plot.append("     " + t("app.activation.z_range"), style="dim")
        self.query_one("#formula", Static).update(Text(activation.formula, style="bold"))
        self.query_one("#plot", Static).update(plot)
        self.query_one("#note", Static).update(note(name))

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.answer(event.option.id)

    def action_cancel(self) -> None:
        self.answer(None)
