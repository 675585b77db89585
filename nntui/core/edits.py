"""Undoable edits of a network, and the history that undoes and redoes them.

Every change a learner makes goes through :class:`History.apply`, so every
change can be undone, and the history knows whether the network differs
from the last saved state.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import Literal, Protocol

import numpy as np
from numpy.typing import ArrayLike

from nntui.core.network import Network
from nntui.i18n import t

ParamKind = Literal["input", "weight", "bias"]


@dataclass(frozen=True)
class ParamRef:
    """One editable number: an input value, a weight or a bias.

    ``layer`` is the dense layer (0-based) for a weight or bias; ``row`` is the
    neuron (or the input's index); ``col`` is the source neuron of a weight.
    """

    kind: ParamKind
    layer: int = 0
    row: int = 0
    col: int = 0

    @staticmethod
    def input(i: int) -> ParamRef:
        return ParamRef("input", 0, i, 0)

    @staticmethod
    def weight(layer: int, j: int, i: int) -> ParamRef:
        return ParamRef("weight", layer, j, i)

    @staticmethod
    def bias(layer: int, j: int) -> ParamRef:
        return ParamRef("bias", layer, j, 0)

    def get(self, network: Network) -> float:
        if self.kind == "input":
            return network.input_knob_value(self.row)
        layer = network.layers[self.layer]
        if self.kind == "weight":
            return float(layer.weights[self.row, self.col])
        return float(layer.bias[self.row])

    def set(self, network: Network, value: float) -> None:
        if self.kind == "input":
            network.set_input(self.row, value)
            return
        layer = network.layers[self.layer]
        if self.kind == "weight":
            layer.weights[self.row, self.col] = value
        else:
            layer.bias[self.row] = value

    def describe(self, network: Network) -> str:
        """Human words for this number, e.g. 'weight herb smell → potatoes baking'."""
        if self.kind == "input":
            name = t("core.edit.input", name=network.input_names[self.row])
            if network.features is None or network.features[self.row].kind == "plain":
                return name
            return t(
                "core.edit.feature_input",
                coordinate=f"x{network.knob(self.row) + 1}",
                name=network.input_names[self.row],
            )
        k = self.layer + 1
        target = network.neuron_name(k, self.row)
        if self.kind == "bias":
            return t("core.edit.bias", target=target)
        return t("core.edit.weight", source=network.neuron_name(k - 1, self.col), target=target)


class Edit(Protocol):
    """A reversible change to a network."""

    def apply(self, network: Network) -> None: ...

    def revert(self, network: Network) -> None: ...

    def describe(self, network: Network) -> str: ...


@dataclass(frozen=True)
class SetValue:
    """Set one input, weight or bias to a new number."""

    ref: ParamRef
    old: float
    new: float

    def apply(self, network: Network) -> None:
        self.ref.set(network, self.new)

    def revert(self, network: Network) -> None:
        self.ref.set(network, self.old)

    def describe(self, network: Network) -> str:
        return f"{self.ref.describe(network)} = {self.new:g}"


@dataclass(frozen=True)
class SetInputs:
    """Set several inputs at once: a stroke on an input picture, clearing it, or a picture loaded."""

    indices: tuple[int, ...]
    old: tuple[float, ...]
    new: tuple[float, ...]
    what: str  # what the history says of it, in the learner's language

    @staticmethod
    def of(network: Network, values: dict[int, float], what: str) -> SetInputs:
        """The edit that gives input ``i`` the value ``values[i]``, from the network's values now."""
        indices = tuple(sorted(values))
        old = tuple(float(network.input_values[i]) for i in indices)
        return SetInputs(indices, old, tuple(float(values[i]) for i in indices), what)

    @staticmethod
    def picture(network: Network, image: ArrayLike, what: str) -> SetInputs:
        """The edit that puts ``image`` (one value per input, in order) into the network's inputs."""
        return SetInputs.of(network, dict(enumerate(np.asarray(image, dtype=np.float64).tolist())), what)

    def apply(self, network: Network) -> None:
        for i, value in zip(self.indices, self.new):
            network.set_input(i, value)

    def revert(self, network: Network) -> None:
        for i, value in zip(self.indices, self.old):
            network.set_input(i, value)

    def describe(self, network: Network) -> str:
        return self.what


@dataclass(frozen=True)
class SetActivation:
    """Change the activation function of dense layer ``layer``."""

    layer: int
    old: str
    new: str

    def apply(self, network: Network) -> None:
        network.layers[self.layer].activation = self.new

    def revert(self, network: Network) -> None:
        network.layers[self.layer].activation = self.old

    def describe(self, network: Network) -> str:
        return t("core.edit.activation", layer=network.layer_title(self.layer + 1), activation=self.new)


class History:
    """Applies edits to one network and keeps them for undo and redo."""

    def __init__(self, network: Network) -> None:
        self.network = network
        self._ids = itertools.count(1)
        self._done: list[tuple[int, Edit]] = []
        self._undone: list[tuple[int, Edit]] = []
        self._saved_id = 0  # id of the newest applied edit when last saved

    def apply(self, edit: Edit) -> None:
        edit.apply(self.network)
        self._done.append((next(self._ids), edit))
        self._undone.clear()

    def amend(self, edit: Edit, newest: Edit) -> None:
        """Apply ``edit`` in the place of ``newest`` while it is still the newest edit (a stroke of
        the mouse that grows stays one undo); as an edit of its own otherwise."""
        if self._done and self._done[-1][1] is newest:
            self._done.pop()[1].revert(self.network)
        self.apply(edit)

    def undo(self) -> Edit | None:
        """Revert the newest edit; returns it, or None when there is nothing to undo."""
        if not self._done:
            return None
        entry = self._done.pop()
        entry[1].revert(self.network)
        self._undone.append(entry)
        return entry[1]

    def redo(self) -> Edit | None:
        """Re-apply the newest undone edit; returns it, or None."""
        if not self._undone:
            return None
        entry = self._undone.pop()
        entry[1].apply(self.network)
        self._done.append(entry)
        return entry[1]

    @property
    def can_undo(self) -> bool:
        return bool(self._done)

    @property
    def can_redo(self) -> bool:
        return bool(self._undone)

    def _current_id(self) -> int:
        return self._done[-1][0] if self._done else 0

    def mark_saved(self) -> None:
        self._saved_id = self._current_id()

    def mark_unsaved(self) -> None:
        """The network differs from every file (e.g. restored from a recovery copy)."""
        self._saved_id = -1

    @property
    def modified(self) -> bool:
        """True when the network differs from the state last saved (or loaded)."""
        return self._current_id() != self._saved_id


@dataclass(frozen=True, eq=False)
class Reshape:
    """Any change of shape, names or many weights: the network before and after.

    The snapshots are private copies; applying or reverting copies them again
    into the live network, so later value edits never alter them.
    """

    before: Network
    after: Network
    description: str

    @staticmethod
    def of(network: Network, after: Network, description: str) -> Reshape:
        return Reshape(network.copy(), after.copy(), description)

    def apply(self, network: Network) -> None:
        _assign(network, self.after)

    def revert(self, network: Network) -> None:
        _assign(network, self.before)

    def describe(self, network: Network) -> str:
        return self.description


def _assign(network: Network, state: Network) -> None:
    state = state.copy()
    network.input_names = state.input_names
    network.input_values = state.input_values
    network.features = state.features
    network.point = state.point
    network.image_shape = state.image_shape
    network.layers = state.layers
    network.name = state.name
