"""The network model and its vectorised forward pass.

A network is an input layer (named inputs with current values) followed by
dense layers.  Dense layer ``k`` has ``weights`` of shape (n_out, n_in), like
PyTorch's ``nn.Linear.weight``: ``weights[j, i]`` goes from neuron ``i`` of the
previous layer to neuron ``j``.  Each neuron computes y = f(Σ xᵢ·wᵢ + b).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from numpy.typing import ArrayLike, NDArray

from nntui.core.activations import get_activation
from nntui.core.features import MAX_COORDINATES, Feature, FeatureError, compute, coordinate_count
from nntui.core.image import ImageShape, check_image_shape
from nntui.i18n import t, whole_number

Array = NDArray[np.float64]


@dataclass(eq=False)
class DenseLayer:
    """A fully connected layer: z = W·x + b, then a = f(z)."""

    weights: Array
    bias: Array
    activation: str = "sigmoid"
    name: str | None = None
    neuron_names: list[str] | None = None

    def __post_init__(self) -> None:
        self.weights = np.array(self.weights, dtype=np.float64, ndmin=2)
        self.bias = np.array(self.bias, dtype=np.float64, ndmin=1)
        get_activation(self.activation)  # fail early on a bad name
        n_out = self.weights.shape[0]
        if self.bias.shape != (n_out,):
            raise ValueError(t("core.network.bias_shape", shape=self.bias.shape, n_out=n_out))
        if self.neuron_names is not None and len(self.neuron_names) != n_out:
            raise ValueError(t("core.network.neuron_names_count", count=len(self.neuron_names), n_out=n_out))

    @property
    def n_in(self) -> int:
        return int(self.weights.shape[1])

    @property
    def n_out(self) -> int:
        return int(self.weights.shape[0])

    def copy(self) -> DenseLayer:
        return DenseLayer(
            self.weights.copy(),
            self.bias.copy(),
            self.activation,
            self.name,
            None if self.neuron_names is None else list(self.neuron_names),
        )


@dataclass
class ForwardResult:
    """Every layer's pre-activation z and activation a.

    ``activations[0]`` is the input itself; ``pre_activations[k]`` and
    ``activations[k + 1]`` belong to dense layer ``k``.  With a batch of inputs
    every array has a leading batch axis.
    """

    pre_activations: list[Array]
    activations: list[Array]

    @property
    def outputs(self) -> Array:
        return self.activations[-1]

    def is_finite(self) -> bool:
        return all(bool(np.all(np.isfinite(a))) for a in self.activations) and all(
            bool(np.all(np.isfinite(z))) for z in self.pre_activations
        )


def _first_overflow(result: ForwardResult) -> tuple[int, int] | None:
    """The first layer (from 1) and neuron whose z or a is not finite, or None."""
    for k, (z, a) in enumerate(zip(result.pre_activations, result.activations[1:]), start=1):
        bad = ~(np.isfinite(z) & np.isfinite(a))
        if bad.any():
            return k, int(np.flatnonzero(bad)[0])
    return None


@dataclass(eq=False)
class Network:
    """Named inputs with current values, then dense layers; the last is the output.

    With ``features`` the inputs are features of a ``point`` (x1, x2, …):
    input ``j`` is ``features[j]`` of the point, for the values shown as for
    every sample trained on (:meth:`inputs_for`).  The input values then
    follow the point and are never set alone.

    With ``image_shape`` (rows, columns) the inputs are the pixels of a
    picture, row by row (:mod:`nntui.core.image`): rows × columns of them,
    never features.  Adding or removing an input drops it.
    """

    input_names: list[str]
    input_values: Array
    layers: list[DenseLayer]
    name: str = field(default_factory=lambda: t("core.network.untitled"))
    features: tuple[Feature, ...] | None = None
    point: Array | None = None
    image_shape: ImageShape | None = None

    def __post_init__(self) -> None:
        if self.features is not None:
            self._check_features()
        self.input_values = np.array(self.input_values, dtype=np.float64, ndmin=1)
        if not self.input_names:
            raise ValueError(t("core.network.needs_input"))
        if not self.layers:
            raise ValueError(t("core.network.needs_layer"))
        if self.input_values.shape != (len(self.input_names),):
            raise ValueError(
                t(
                    "core.network.input_values_count",
                    count=len(self.input_values),
                    inputs=len(self.input_names),
                )
            )
        previous = len(self.input_names)
        for k, layer in enumerate(self.layers):
            if layer.n_in != previous:
                raise ValueError(t("core.network.layer_mismatch", k=k + 1, n_in=layer.n_in, previous=previous))
            previous = layer.n_out
        if self.image_shape is not None:
            if self.features is not None:
                raise ValueError(t("core.image.with_features"))
            self.image_shape = check_image_shape(self.image_shape, len(self.input_names))

    def _check_features(self) -> None:
        """The features fit the inputs; the input values are computed from the point."""
        assert self.features is not None
        self.features = tuple(self.features)
        if len(self.features) != len(self.input_names):
            raise FeatureError(t("core.features.count", features=len(self.features), inputs=len(self.input_names)))
        count = coordinate_count(self.features)
        point = np.zeros(count) if self.point is None else np.array(self.point, dtype=np.float64, ndmin=1)
        if point.ndim != 1 or len(point) < count:  # a point may have coordinates no feature reads
            raise FeatureError(t("core.features.point", values=point.size, count=count))
        if len(point) > MAX_COORDINATES:  # each coordinate costs every view and key (an .npz import too)
            raise FeatureError(t("core.features.point_too_long", values=whole_number(len(point)), most=MAX_COORDINATES))
        self.point = point
        self.input_values = compute(self.features, point)

    # --- the point, when the inputs are its features -----------------------

    @property
    def coordinates(self) -> int:
        """How many numbers one sample of the data has: the point's, or the inputs'."""
        return self.n_inputs if self.point is None else len(self.point)

    def inputs_for(self, points: ArrayLike) -> Array:
        """The inputs for ``points`` (d,) or (n, d): their features, or the points themselves."""
        if self.features is None:
            return np.asarray(points, dtype=np.float64)
        return compute(self.features, points)

    def knob(self, i: int) -> int:
        """The coordinate of the point that input ``i`` follows (its first one)."""
        return i if self.features is None else self.features[i].first

    def set_input(self, i: int, value: float) -> None:
        """Set input ``i``; with features, the coordinate it follows, and every input with it."""
        if self.features is None or self.point is None:
            self.input_values[i] = value
            return
        self.point[self.knob(i)] = value
        self.input_values = compute(self.features, self.point)

    def input_knob_value(self, i: int) -> float:
        """The number that :meth:`set_input` sets for input ``i``."""
        if self.point is None:
            return float(self.input_values[i])
        return float(self.point[self.knob(i)])

    # --- shape -------------------------------------------------------------

    @property
    def n_inputs(self) -> int:
        return len(self.input_names)

    @property
    def sizes(self) -> list[int]:
        """Neurons per layer, the input layer first."""
        # Asked for on every line a column draws: kept cheap for networks of thousands of layers.
        return [len(self.input_names), *[layer.weights.shape[0] for layer in self.layers]]

    def layer_title(self, k: int) -> str:
        """Display title of column ``k`` (0 is the input layer)."""
        if k == 0:
            return t("core.network.input_layer")
        layer = self.layers[k - 1]
        if layer.name:
            return layer.name
        if k == len(self.layers):
            return t("core.network.output_layer")
        return t("core.network.hidden_layer", k=k)

    def neuron_name(self, k: int, j: int) -> str:
        """Display name of neuron ``j`` in column ``k`` (0 is the input layer)."""
        if k == 0:
            return self.input_names[j]
        layer = self.layers[k - 1]
        if layer.neuron_names is not None:
            return layer.neuron_names[j]
        if k == len(self.layers):
            return "y" if layer.n_out == 1 else f"y{j + 1}"
        return f"h{k}.{j + 1}" if len(self.layers) > 2 else f"h{j + 1}"

    # --- computation -------------------------------------------------------

    def forward(self, x: ArrayLike | None = None) -> ForwardResult:
        """Run the network on one input vector (n_in,) or a batch (batch, n_in).

        With no ``x`` the network's own input values are used.  Overflow is not
        an error here: it shows up as inf/nan, and callers check
        ``ForwardResult.is_finite`` to report it in their own words.
        """
        a = self.input_values if x is None else np.asarray(x, dtype=np.float64)
        if a.ndim not in (1, 2) or a.shape[-1] != self.n_inputs:
            raise ValueError(t("core.network.forward_shape", n_inputs=self.n_inputs, shape=a.shape))
        zs: list[Array] = []
        activations: list[Array] = [a]
        with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
            for layer in self.layers:
                z = a @ layer.weights.T + layer.bias
                a = get_activation(layer.activation)(z)
                zs.append(z)
                activations.append(a)
        return ForwardResult(zs, activations)

    def overflow_problem(self, result: ForwardResult) -> str | None:
        """Where ``result`` (a forward pass of this network) first stopped being finite, in words
        (the same for `nntui eval` and the playground); None when it did not."""
        if result.is_finite():
            return None
        found = _first_overflow(result)
        if found is None:
            return t("core.forward.overflow_somewhere")
        k, j = found
        return t("core.forward.overflow", k=k, layer=self.layer_title(k), neuron=self.neuron_name(k, j))

    def contributions(self, k: int, x: ArrayLike) -> Array:
        """The terms xᵢ·wⱼᵢ of every neuron in dense layer ``k`` (0-based).

        ``x`` is the previous layer's activation; the result has the shape of
        the layer's weights (n_out, n_in), so row j summed plus b[j] is z[j].
        """
        with np.errstate(over="ignore", invalid="ignore"):
            return self.layers[k].weights * np.asarray(x, dtype=np.float64)[None, :]

    def copy(self) -> Network:
        return Network(
            list(self.input_names),
            self.input_values.copy(),
            [layer.copy() for layer in self.layers],
            self.name,
            self.features,
            None if self.point is None else self.point.copy(),
            self.image_shape,
        )
