"""Where the learner's cursor is in the network, and how the keys move it.

Pure Python, no Textual: the rules of the keyboard contract live here and
are tested on their own.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from nntui.core.edits import ParamRef
from nntui.core.network import Network


@dataclass(frozen=True)
class Selection:
    """A neuron, and for a dense neuron which of its numbers is selected.

    ``column`` 0 is the input layer, ``column`` k the k-th dense layer.
    ``param`` picks an incoming weight (0 … n_in-1) or, at n_in, the bias;
    it is always 0 for an input neuron.
    """

    column: int = 0
    neuron: int = 0
    param: int = 0

    def ref(self, network: Network) -> ParamRef:
        """The number that +, - and Enter change."""
        if self.column == 0:
            return ParamRef.input(self.neuron)
        layer = network.layers[self.column - 1]
        if self.param < layer.n_in:
            return ParamRef.weight(self.column - 1, self.neuron, self.param)
        return ParamRef.bias(self.column - 1, self.neuron)

    @property
    def is_input(self) -> bool:
        return self.column == 0

    def weight_source(self, network: Network) -> int | None:
        """The source neuron of the selected weight, or None (input or bias)."""
        if self.column == 0:
            return None
        return self.param if self.param < network.layers[self.column - 1].n_in else None

    # --- movement ------------------------------------------------------------

    def move_column(self, network: Network, delta: int) -> Selection:
        """Previous/next layer, keeping the row when possible (clamped).

        In an input picture (``network.image_shape``) left and right move along the pixel row
        first; right of its last pixel is the next layer."""
        shape = network.image_shape
        if self.column == 0 and shape is not None:
            column = self.neuron % shape[1] + delta
            if 0 <= column < shape[1]:
                return Selection(0, self.neuron + delta, 0)
            if delta < 0:
                return self
        column = _clamp(self.column + delta, 0, len(network.layers))
        if column == self.column:
            return self
        neuron = min(self.neuron, network.sizes[column] - 1)
        return Selection(column, neuron, 0)

    def move_neuron(self, network: Network, delta: int) -> Selection:
        """Previous/next neuron in the column (clamped); selects its first weight.

        In an input picture up and down move a pixel row (``delta`` rows), staying in the column."""
        shape = network.image_shape
        if self.column == 0 and shape is not None:
            row = _clamp(self.neuron // shape[1] + delta, 0, shape[0] - 1)
            return Selection(0, row * shape[1] + self.neuron % shape[1], 0)
        neuron = _clamp(self.neuron + delta, 0, network.sizes[self.column] - 1)
        if neuron == self.neuron:
            return self
        return Selection(self.column, neuron, 0)

    def cycle_param(self, network: Network, delta: int) -> Selection:
        """Next/previous incoming weight, then the bias, wrapping around."""
        if self.column == 0:
            return self
        count = network.layers[self.column - 1].n_in + 1  # weights, then the bias
        return replace(self, param=(self.param + delta) % count)

    def select_ref(self, network: Network, ref: ParamRef) -> Selection:
        """The selection that points at ``ref`` (used after undo/redo and clicks)."""
        if ref.kind == "input":
            return Selection(0, ref.row, 0)
        n_in = network.layers[ref.layer].n_in
        param = ref.col if ref.kind == "weight" else n_in
        return Selection(ref.layer + 1, ref.row, param)

    def clamped(self, network: Network) -> Selection:
        """This selection made valid for ``network`` (after its shape changed)."""
        column = _clamp(self.column, 0, len(network.layers))
        neuron = _clamp(self.neuron, 0, network.sizes[column] - 1)
        param = 0 if column == 0 else _clamp(self.param, 0, network.layers[column - 1].n_in)
        return Selection(column, neuron, param)


def _clamp(value: int, low: int, high: int) -> int:
    return max(low, min(high, value))
