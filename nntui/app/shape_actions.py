"""Changing the network's shape from the keyboard: neurons, layers, names, weights.

A mixin of the app.  Each action builds the new network with
``nntui.core.shape`` and applies it as one undoable :class:`Reshape` edit;
a change the core refuses becomes a notification saying why.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from nntui.app.screens.activation_chooser import ActivationChooser
from nntui.app.screens.name_prompt import NamePrompt
from nntui.app.selection import Selection
from nntui.core import shape
from nntui.core.edits import Reshape, SetActivation
from nntui.core.network import Network

if TYPE_CHECKING:
    from nntui.app.app import NNTuiApp


class ShapeActions:
    """Shape-editing actions of :class:`nntui.app.app.NNTuiApp`."""

    def reshape(
        self: NNTuiApp,
        change: Callable[[Network], Network],
        description: str,
        selection: Selection | None = None,
    ) -> bool:
        """Apply a shape change from ``nntui.core.shape``; say why when it is refused."""
        try:
            after = change(self.network)
        except shape.ShapeError as refusal:
            self.notify(f"{str(refusal)[:1].upper()}{str(refusal)[1:]}.", title="Not possible",
                        severity="warning")
            return False
        self.apply_edit(Reshape.of(self.network, after, description), selection)
        return True

    def action_add_neuron(self: NNTuiApp) -> None:
        sel = self.selection
        at = sel.neuron + 1
        what = "input" if sel.is_input else f"neuron in {self.network.layer_title(sel.column)}"
        self.reshape(
            lambda net: shape.add_neuron(net, sel.column, at, self.rng),
            f"add an {what}" if sel.is_input else f"add a {what}",
            Selection(sel.column, at, 0),
        )

    def action_remove_neuron(self: NNTuiApp) -> None:
        sel = self.selection
        name = self.network.neuron_name(sel.column, sel.neuron)
        self.reshape(
            lambda net: shape.remove_neuron(net, sel.column, sel.neuron),
            f"remove {name}",
            Selection(sel.column, max(0, sel.neuron - 1) if sel.neuron else 0, 0),
        )

    def action_insert_layer(self: NNTuiApp) -> None:
        selected = self.selection.column
        column = min(selected, len(self.network.layers) - 1)
        if self.reshape(
            lambda net: shape.insert_layer(net, column, self.rng),
            f"insert a hidden layer after {self.network.layer_title(column)}",
            Selection(column + 1, 0, 0),
        ) and selected > column:
            self.notify("The output layer stays last: the new layer went just before it.")

    def action_remove_layer(self: NNTuiApp) -> None:
        column = self.selection.column
        title = self.network.layer_title(column)
        keeps = 0 < column < len(self.network.layers) and shape.remove_layer_keeps_weights(
            self.network, column
        )
        if self.reshape(
            lambda net: shape.remove_layer(net, column, self.rng),
            f"remove the layer {title}",
            Selection(column, 0, 0),
        ) and not keeps:
            self.notify(
                "The next layer now has different inputs: its weights were drawn afresh "
                "(u brings everything back).",
                title="Layer removed",
            )

    def action_rename_neuron(self: NNTuiApp) -> None:
        sel = self.selection
        current = self.network.neuron_name(sel.column, sel.neuron)
        kind = "input" if sel.is_input else "neuron"

        def rename(name: str) -> Network:
            return shape.rename_neuron(self.network, sel.column, sel.neuron, name)

        def renamed(network: Network | None) -> None:
            if network is not None:
                self.apply_edit(Reshape.of(self.network, network, f"rename {current}"))

        self.push_screen(NamePrompt(f"Rename the {kind} {current}", current, rename), renamed)

    def action_rename_layer(self: NNTuiApp) -> None:
        column = self.selection.column
        if column == 0:
            self.notify("The input layer is always called input; press c to rename an input.",
                        title="Not possible", severity="warning")
            return
        current = self.network.layer_title(column)

        def renamed(network: Network | None) -> None:
            if network is not None:
                self.apply_edit(Reshape.of(self.network, network, f"rename {current}"))

        rename = lambda name: shape.rename_layer(self.network, column, name)  # noqa: E731
        self.push_screen(NamePrompt(f"Rename the layer {current}", current, rename), renamed)

    def action_randomize(self: NNTuiApp, whole_layer: bool) -> None:
        sel = self.selection
        neuron = None if whole_layer else sel.neuron
        self.reshape(
            lambda net: shape.randomize(net, sel.column, self.rng, neuron),
            f"new random weights for {self._target_words(whole_layer)}",
        )

    def action_zero(self: NNTuiApp, whole_layer: bool) -> None:
        sel = self.selection
        neuron = None if whole_layer else sel.neuron
        self.reshape(
            lambda net: shape.zero(net, sel.column, neuron),
            f"zero the weights of {self._target_words(whole_layer)}",
        )

    def _target_words(self: NNTuiApp, whole_layer: bool) -> str:
        sel = self.selection
        if whole_layer:
            return self.network.layer_title(sel.column)
        return self.network.neuron_name(sel.column, sel.neuron)

    def action_choose_activation(self: NNTuiApp) -> None:
        column = self.selection.column
        if column == 0:
            self.notify("Input neurons have no activation: select a hidden or output neuron.",
                        title="No activation here")
            return
        old = self.network.layers[column - 1].activation

        def chosen(name: str | None) -> None:
            if name is not None and name != old:
                self.apply_edit(SetActivation(column - 1, old, name))

        self.push_screen(ActivationChooser(self.network.layer_title(column), old), chosen)
