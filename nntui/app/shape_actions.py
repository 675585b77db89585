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
from nntui.document.selection import Selection
from nntui.core import shape
from nntui.core.edits import Reshape, SetActivation
from nntui.core.network import Network
from nntui.i18n import t

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
            self.notify(f"{str(refusal)[:1].upper()}{str(refusal)[1:]}.", title=t("app.shape.not_possible"),
                        severity="warning")
            return False
        self.apply_edit(Reshape.of(self.network, after, description), selection)
        return True

    def action_add_neuron(self: NNTuiApp) -> None:
        sel = self.selection
        at = sel.neuron + 1
        if sel.is_input:
            description = t("app.shape.add_input")
        else:
            description = t("app.shape.add_neuron", layer=self.network.layer_title(sel.column))
        self.reshape(
            lambda net: shape.add_neuron(net, sel.column, at, self.rng),
            description,
            Selection(sel.column, at, 0),
        )

    def action_remove_neuron(self: NNTuiApp) -> None:
        sel = self.selection
        name = self.network.neuron_name(sel.column, sel.neuron)
        self.reshape(
            lambda net: shape.remove_neuron(net, sel.column, sel.neuron),
            t("app.shape.remove_neuron", name=name),
            Selection(sel.column, max(0, sel.neuron - 1) if sel.neuron else 0, 0),
        )

    def action_insert_layer(self: NNTuiApp) -> None:
        selected = self.selection.column
        column = min(selected, len(self.network.layers) - 1)
        if self.reshape(
            lambda net: shape.insert_layer(net, column, self.rng),
            t("app.shape.insert_layer", layer=self.network.layer_title(column)),
            Selection(column + 1, 0, 0),
        ) and selected > column:
            self.notify(t("app.shape.output_stays_last"))

    def action_remove_layer(self: NNTuiApp) -> None:
        column = self.selection.column
        title = self.network.layer_title(column)
        keeps = 0 < column < len(self.network.layers) and shape.remove_layer_keeps_weights(
            self.network, column
        )
        if self.reshape(
            lambda net: shape.remove_layer(net, column, self.rng),
            t("app.shape.remove_layer", layer=title),
            Selection(column, 0, 0),
        ) and not keeps:
            self.notify(t("app.shape.weights_redrawn"), title=t("app.shape.layer_removed"))

    def action_rename_neuron(self: NNTuiApp) -> None:
        sel = self.selection
        current = self.network.neuron_name(sel.column, sel.neuron)

        def rename(name: str) -> Network:
            return shape.rename_neuron(self.network, sel.column, sel.neuron, name)

        def renamed(network: Network | None) -> None:
            if network is not None:
                self.apply_edit(Reshape.of(self.network, network, t("app.shape.rename", name=current)))

        title = t("app.shape.rename_input" if sel.is_input else "app.shape.rename_neuron", name=current)
        self.push_screen(NamePrompt(title, current, rename), renamed)

    def action_rename_layer(self: NNTuiApp) -> None:
        column = self.selection.column
        if column == 0:
            self.notify(t("app.shape.input_layer_name"), title=t("app.shape.not_possible"),
                        severity="warning")
            return
        current = self.network.layer_title(column)

        def renamed(network: Network | None) -> None:
            if network is not None:
                self.apply_edit(Reshape.of(self.network, network, t("app.shape.rename", name=current)))

        rename = lambda name: shape.rename_layer(self.network, column, name)  # noqa: E731
        self.push_screen(NamePrompt(t("app.shape.rename_layer", layer=current), current, rename), renamed)

    def action_randomize(self: NNTuiApp, whole_layer: bool) -> None:
        sel = self.selection
        neuron = None if whole_layer else sel.neuron
        self.reshape(
            lambda net: shape.randomize(net, sel.column, self.rng, neuron),
            t("app.shape.randomize", target=self._target_words(whole_layer)),
        )

    def action_zero(self: NNTuiApp, whole_layer: bool) -> None:
        sel = self.selection
        neuron = None if whole_layer else sel.neuron
        self.reshape(
            lambda net: shape.zero(net, sel.column, neuron),
            t("app.shape.zero", target=self._target_words(whole_layer)),
        )

    def _target_words(self: NNTuiApp, whole_layer: bool) -> str:
        sel = self.selection
        if whole_layer:
            return self.network.layer_title(sel.column)
        return self.network.neuron_name(sel.column, sel.neuron)

    def action_choose_activation(self: NNTuiApp) -> None:
        column = self.selection.column
        if column == 0:
            self.notify(t("app.shape.input_has_no_activation"), title=t("app.edit.no_activation_title"))
            return
        old = self.network.layers[column - 1].activation

        def chosen(name: str | None) -> None:
            if name is not None and name != old:
                self.apply_edit(SetActivation(column - 1, old, name))

        self.push_screen(ActivationChooser(self.network.layer_title(column), old), chosen)
