"""Changing the network from the keyboard: values, activations, shape, names.

Each action builds an undoable edit (a value, an activation, or with
``nntui.core.shape`` a whole :class:`Reshape`) and applies it through the
document; a change the core refuses becomes a notification saying why.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from nntui.app.screens.activation_chooser import ActivationChooser
from nntui.app.screens.name_prompt import NamePrompt
from nntui.app.screens.value_prompt import ValuePrompt
from nntui.app.text import MESSAGE_LIMIT, notify, safe
from nntui.core import shape
from nntui.core.activations import next_activation
from nntui.core.edits import Reshape, SetActivation, SetValue
from nntui.core.network import Network
from nntui.core.numbers import nudge
from nntui.document.document import Document
from nntui.document.selection import Selection
from nntui.i18n import t

if TYPE_CHECKING:
    from textual.screen import Screen


class EditsController:
    """Every change of the network made by hand."""

    def __init__(self, screen: Screen[Any], document: Document) -> None:
        self.screen = screen
        self.document = document

    @property
    def network(self) -> Network:
        return self.document.network

    # --- values and activations ---------------------------------------------------------

    def nudge(self, direction: int) -> None:
        ref = self.document.selection.ref(self.network)
        old = ref.get(self.network)
        new = nudge(old, direction * self.document.step)
        if not math.isfinite(new):
            notify(self.screen, t("app.edit.would_overflow"), severity="warning")
            return
        self.document.apply(SetValue(ref, old, new))

    def prompt_value(self) -> None:
        ref = self.document.selection.ref(self.network)
        old = ref.get(self.network)

        def typed(value: float | None) -> None:
            # ``ref`` is still valid: the playground takes no keys while the prompt is open.
            if value is not None and value != old:
                self.document.apply(SetValue(ref, old, value))

        self.screen.app.push_screen(ValuePrompt(ref.describe(self.network), old), typed)

    def cycle_activation(self) -> None:
        column = self.document.selection.column
        if column == 0:
            notify(self.screen, t("app.edit.input_has_no_activation"), title=t("app.edit.no_activation_title"))
            return
        old = self.network.layers[column - 1].activation
        self.document.apply(SetActivation(column - 1, old, next_activation(old)))

    def choose_activation(self) -> None:
        column = self.document.selection.column
        if column == 0:
            notify(self.screen, t("app.shape.input_has_no_activation"), title=t("app.edit.no_activation_title"))
            return
        old = self.network.layers[column - 1].activation

        def chosen(name: str | None) -> None:
            if name is not None and name != old:
                self.document.apply(SetActivation(column - 1, old, name))

        self.screen.app.push_screen(ActivationChooser(self.network.layer_title(column), old), chosen)

    def undo(self) -> None:
        edit = self.document.undo()
        if edit is None:
            notify(self.screen, t("app.edit.nothing_to_undo"))
        else:
            notify(self.screen, t("app.edit.undid", what=safe(edit.describe(self.network), MESSAGE_LIMIT)), timeout=2)

    def redo(self) -> None:
        edit = self.document.redo()
        if edit is None:
            notify(self.screen, t("app.edit.nothing_to_redo"))
        else:
            notify(self.screen, t("app.edit.redid", what=safe(edit.describe(self.network), MESSAGE_LIMIT)), timeout=2)

    # --- shape -------------------------------------------------------------------------------

    def reshape(
        self, change: Callable[[Network], Network], description: str, selection: Selection | None = None
    ) -> bool:
        """Apply a shape change from ``nntui.core.shape``; say why when it is refused."""
        try:
            after = change(self.network)
        except shape.ShapeError as refusal:
            why = safe(refusal, MESSAGE_LIMIT)
            notify(self.screen, f"{why[:1].upper()}{why[1:]}.", title=t("app.shape.not_possible"), severity="warning")
            return False
        self.document.apply(Reshape.of(self.network, after, description), selection)
        return True

    def add_neuron(self) -> None:
        sel = self.document.selection
        at = sel.neuron + 1
        if sel.is_input:
            description = t("app.shape.add_input")
        else:
            description = t("app.shape.add_neuron", layer=safe(self.network.layer_title(sel.column)))
        rng = self.document.rng
        self.reshape(lambda net: shape.add_neuron(net, sel.column, at, rng), description, Selection(sel.column, at, 0))

    def remove_neuron(self) -> None:
        sel = self.document.selection
        name = self.network.neuron_name(sel.column, sel.neuron)
        self.reshape(
            lambda net: shape.remove_neuron(net, sel.column, sel.neuron),
            t("app.shape.remove_neuron", name=safe(name)),
            Selection(sel.column, max(0, sel.neuron - 1) if sel.neuron else 0, 0),
        )

    def insert_layer(self) -> None:
        selected = self.document.selection.column
        column = min(selected, len(self.network.layers) - 1)
        rng = self.document.rng
        if (
            self.reshape(
                lambda net: shape.insert_layer(net, column, rng),
                t("app.shape.insert_layer", layer=safe(self.network.layer_title(column))),
                Selection(column + 1, 0, 0),
            )
            and selected > column
        ):
            notify(self.screen, t("app.shape.output_stays_last"))

    def remove_layer(self) -> None:
        column = self.document.selection.column
        title = self.network.layer_title(column)
        keeps = 0 < column < len(self.network.layers) and shape.remove_layer_keeps_weights(self.network, column)
        rng = self.document.rng
        if (
            self.reshape(
                lambda net: shape.remove_layer(net, column, rng),
                t("app.shape.remove_layer", layer=safe(title)),
                Selection(column, 0, 0),
            )
            and not keeps
        ):
            notify(self.screen, t("app.shape.weights_redrawn"), title=t("app.shape.layer_removed"))

    def rename_neuron(self) -> None:
        sel = self.document.selection
        current = self.network.neuron_name(sel.column, sel.neuron)
        title = t("app.shape.rename_input" if sel.is_input else "app.shape.rename_neuron", name=safe(current))
        self._rename(title, current, lambda name: shape.rename_neuron(self.network, sel.column, sel.neuron, name))

    def rename_layer(self) -> None:
        column = self.document.selection.column
        if column == 0:
            notify(self.screen, t("app.shape.input_layer_name"), title=t("app.shape.not_possible"), severity="warning")
            return
        current = self.network.layer_title(column)
        self._rename(
            t("app.shape.rename_layer", layer=safe(current)),
            current,
            lambda name: shape.rename_layer(self.network, column, name),
        )

    def _rename(self, title: str, current: str, rename: Callable[[str], Network]) -> None:
        def renamed(network: Network | None) -> None:
            if network is not None:
                self.document.apply(Reshape.of(self.network, network, t("app.shape.rename", name=safe(current))))

        self.screen.app.push_screen(NamePrompt(title, current, rename), renamed)

    def randomize(self, whole_layer: bool) -> None:
        sel = self.document.selection
        neuron = None if whole_layer else sel.neuron
        rng = self.document.rng
        self.reshape(
            lambda net: shape.randomize(net, sel.column, rng, neuron),
            t("app.shape.randomize", target=self._target_words(whole_layer)),
        )

    def zero(self, whole_layer: bool) -> None:
        sel = self.document.selection
        neuron = None if whole_layer else sel.neuron
        self.reshape(
            lambda net: shape.zero(net, sel.column, neuron), t("app.shape.zero", target=self._target_words(whole_layer))
        )

    def _target_words(self, whole_layer: bool) -> str:
        sel = self.document.selection
        if whole_layer:
            return safe(self.network.layer_title(sel.column))
        return safe(self.network.neuron_name(sel.column, sel.neuron))
