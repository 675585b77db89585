"""Changing a network's shape: neurons, inputs and hidden layers, names, fresh weights.

Every operation here is a pure function: it takes a network and returns a
new one, leaving the argument untouched, or raises :class:`ShapeError` with
a sentence a learner can act on.  :class:`Reshape` (in ``edits``) turns any
of them into an undoable edit.

Columns are numbered as on screen: column 0 is the input layer and column
``k`` is dense layer ``k - 1``; the last column is the output layer.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable

import numpy as np
from numpy.typing import NDArray

from nntui.core.features import MAX_COORDINATES, Feature, available, ordered
from nntui.core.image import ImageShape
from nntui.core.network import DenseLayer, Network
from nntui.i18n import t

MAX_NAME_LENGTH = 40


class ShapeError(ValueError):
    """A shape change that is not allowed; the message says why and what to do."""


def _small_weights(rng: np.random.Generator, n_out: int, n_in: int) -> NDArray[np.float64]:
    # U(-1, 1)/√n_in keeps the sum in the useful range of the activations
    # however many inputs a neuron has, and random so new neurons differ.
    weights: NDArray[np.float64] = rng.uniform(-1.0, 1.0, size=(n_out, n_in)) / np.sqrt(n_in)
    return weights


def _check_column(network: Network, column: int) -> None:
    if not 0 <= column <= len(network.layers):
        raise ShapeError(t("core.shape.no_layer", column=column))


def _unique(base: str, taken: list[str]) -> str:
    """A new name in the style of ``taken`` (h1, h2 → h3), else ``base`` and a number."""
    numbered = [re.fullmatch(r"(.*?)(\d+)", name) for name in taken]
    prefixes = {match.group(1) for match in numbered if match}
    if len(prefixes) == 1 and all(numbered):
        base = prefixes.pop()
    n = len(taken) + 1
    while f"{base}{n}" in taken:
        n += 1
    return f"{base}{n}"


def display_names(network: Network, column: int) -> list[str]:
    """The names shown for every neuron of ``column``."""
    return [network.neuron_name(column, j) for j in range(network.sizes[column])]


# --- neurons and inputs ----------------------------------------------------------


def add_neuron(network: Network, column: int, at: int, rng: np.random.Generator) -> Network:
    """A copy of ``network`` with a new neuron (or input) at position ``at`` of ``column``.

    Its incoming and outgoing weights are small random numbers, its bias and
    (for an input) its value are 0, so the outputs change only a little.  A
    new input ends a picture: the inputs are no longer its pixels.
    """
    _check_column(network, column)
    at = max(0, min(at, network.sizes[column]))
    if column == 0 and network.features is not None:
        raise ShapeError(t("core.features.add_by_toggle"))
    new = network.copy()
    if column == 0:
        new.input_names.insert(at, _unique("x", new.input_names))
        new.input_values = np.insert(new.input_values, at, 0.0)
        new.image_shape = None
    else:
        layer = new.layers[column - 1]
        if layer.neuron_names is not None:
            layer.neuron_names.insert(at, _unique("n", layer.neuron_names))
        layer.weights = np.insert(layer.weights, at, _small_weights(rng, 1, layer.n_in), axis=0)
        layer.bias = np.insert(layer.bias, at, 0.0)
    if column < len(new.layers):
        _insert_source(new.layers[column], at, rng)
    return _validated(new)


def _insert_source(following: DenseLayer, at: int, rng: np.random.Generator) -> None:
    """A new source's weights into ``following`` at column ``at``: small random numbers, scaled by
    the layer's new fan-in like every new weight."""
    column_weights = rng.uniform(-1.0, 1.0, size=following.n_out) / np.sqrt(following.n_in + 1)
    following.weights = np.insert(following.weights, at, column_weights, axis=1)


def remove_neuron(network: Network, column: int, index: int) -> Network:
    """A copy of ``network`` without neuron ``index`` of ``column`` and its weights (without an input,
    the inputs are no longer a picture's pixels)."""
    _check_column(network, column)
    size = network.sizes[column]
    if size == 1:
        if column == 0:
            raise ShapeError(t("core.shape.last_input"))
        if column == len(network.layers):
            raise ShapeError(t("core.shape.last_output_neuron"))
        raise ShapeError(t("core.shape.only_neuron"))
    new = network.copy()
    if column == 0 and network.features is not None:
        return _without_feature(network, index)
    if column == 0:
        del new.input_names[index]
        new.input_values = np.delete(new.input_values, index)
        new.image_shape = None
    else:
        layer = new.layers[column - 1]
        if layer.neuron_names is not None:
            del layer.neuron_names[index]
        layer.weights = np.delete(layer.weights, index, axis=0)
        layer.bias = np.delete(layer.bias, index)
    if column < len(new.layers):
        following = new.layers[column]
        following.weights = np.delete(following.weights, index, axis=1)
    return _validated(new)


# --- layers --------------------------------------------------------------------


def insert_layer(network: Network, after: int, rng: np.random.Generator, activation: str | None = None) -> Network:
    """A copy of ``network`` with a new hidden layer right after column ``after``.

    The new layer has as many neurons as column ``after``, so the layer that
    followed keeps its weights unchanged.  The output layer is always last:
    asking to insert after it inserts just before it instead.
    """
    _check_column(network, after)
    after = min(after, len(network.layers) - 1)
    size = network.sizes[after]
    if activation is None:
        hidden = network.layers[: len(network.layers) - 1]
        activation = hidden[0].activation if hidden else "sigmoid"
    new = network.copy()
    new.layers.insert(after, DenseLayer(_small_weights(rng, size, size), np.zeros(size), activation))
    return _validated(new)


def remove_layer(network: Network, column: int, rng: np.random.Generator) -> Network:
    """A copy of ``network`` without hidden layer ``column``.

    The layer after it now takes its inputs from the layer before it; when
    those two layers differ in size its weights cannot be kept and are drawn
    afresh (see :func:`remove_layer_keeps_weights`).
    """
    _check_column(network, column)
    if column == 0:
        raise ShapeError(t("core.shape.remove_input_layer"))
    if column == len(network.layers):
        raise ShapeError(t("core.shape.remove_output_layer"))
    new = network.copy()
    del new.layers[column - 1]
    following = new.layers[column - 1]
    n_in = new.sizes[column - 1]
    if following.n_in != n_in:
        following.weights = _small_weights(rng, following.n_out, n_in)
    return _validated(new)


def remove_layer_keeps_weights(network: Network, column: int) -> bool:
    """Whether removing hidden layer ``column`` keeps the next layer's weights."""
    return network.sizes[column - 1] == network.sizes[column]


# --- names ---------------------------------------------------------------------


def check_name(name: str) -> str:
    """``name`` stripped, or a ShapeError saying why it cannot be used."""
    name = name.strip()
    if not name:
        raise ShapeError(t("core.shape.name_empty"))
    if len(name) > MAX_NAME_LENGTH:
        raise ShapeError(t("core.shape.name_too_long", limit=MAX_NAME_LENGTH))
    if any(not ch.isprintable() for ch in name):
        raise ShapeError(t("core.shape.name_control"))
    return name


def rename_neuron(network: Network, column: int, index: int, name: str) -> Network:
    """A copy of ``network`` where neuron ``index`` of ``column`` is called ``name``."""
    _check_column(network, column)
    name = check_name(name)
    names = display_names(network, column)
    if name in names[:index] + names[index + 1 :]:
        raise ShapeError(t("core.shape.name_taken", name=name))
    new = network.copy()
    if column == 0:
        new.input_names[index] = name
    else:
        # Unnamed layers show generated names; freeze them so only this one changes.
        layer = new.layers[column - 1]
        layer.neuron_names = names
        layer.neuron_names[index] = name
    return _validated(new)


def rename_layer(network: Network, column: int, name: str) -> Network:
    """A copy of ``network`` whose dense layer at ``column`` is called ``name``."""
    _check_column(network, column)
    if column == 0:
        raise ShapeError(t("core.shape.rename_input_layer"))
    new = network.copy()
    new.layers[column - 1].name = check_name(name)
    return _validated(new)


def rename_network(network: Network, name: str) -> Network:
    new = network.copy()
    new.name = check_name(name)
    return new


# --- fresh weights ---------------------------------------------------------------


def randomize(network: Network, column: int, rng: np.random.Generator, neuron: int | None = None) -> Network:
    """A copy with new small random incoming weights (bias 0) for one neuron or a layer."""
    return _refill(network, column, neuron, lambda n_out, n_in: _small_weights(rng, n_out, n_in))


def zero(network: Network, column: int, neuron: int | None = None) -> Network:
    """A copy with all incoming weights and the bias of one neuron (or a layer) at 0."""
    return _refill(network, column, neuron, lambda n_out, n_in: np.zeros((n_out, n_in)))


def _refill(
    network: Network, column: int, neuron: int | None, make: Callable[[int, int], NDArray[np.float64]]
) -> Network:
    _check_column(network, column)
    if column == 0:
        raise ShapeError(t("core.shape.input_has_no_weights"))
    new = network.copy()
    layer = new.layers[column - 1]
    rows = slice(None) if neuron is None else slice(neuron, neuron + 1)
    count = layer.n_out if neuron is None else 1
    layer.weights[rows] = make(count, layer.n_in)
    layer.bias[rows] = 0.0
    return new


def _validated(network: Network) -> Network:
    # Network checks shapes when built: rebuilding it catches any slip here.
    return Network(
        network.input_names,
        network.input_values,
        network.layers,
        network.name,
        network.features,
        network.point,
        network.image_shape,
    )


# --- input features ---------------------------------------------------------------


def toggle_feature(network: Network, feature: Feature, rng: np.random.Generator) -> Network:
    """A copy with ``feature`` of the point as a new input, or without it if it is one.

    A network of plain inputs reads them as the point (x1, x2, …) with the
    features x1, x2, …; it becomes plain again when only those are left.  A
    new input's outgoing weights are small random numbers, like a new neuron's.
    """
    if network.features is None and network.n_inputs > MAX_COORDINATES:
        raise ShapeError(t("core.features.too_many_inputs", count=network.n_inputs, limit=MAX_COORDINATES))
    features = read_features(network)
    if feature in features:
        return _without_feature(network, features.index(feature))
    point = network.input_values if network.point is None else network.point
    if max(feature.coordinates) >= len(point):
        raise ShapeError(t("core.features.beyond_point", feature=feature.label, count=len(point)))
    chosen = ordered((*features, feature), len(point))
    at = chosen.index(feature)
    new = network.copy()
    new.image_shape = None  # features are not pixels
    new.input_names.insert(at, feature.label)
    _insert_source(new.layers[0], at, rng)
    new.input_values = np.insert(new.input_values, at, 0.0)
    new.features, new.point = chosen, np.array(point, dtype=np.float64)
    if chosen == available(len(point))[: len(point)]:  # x1, x2, … again: plain inputs, as before
        new.input_values, new.features, new.point = new.point, None, None
    return _validated(new)


def read_features(network: Network) -> tuple[Feature, ...]:
    """The features a network reads: its own, or x1, x2, … when its inputs are plain values."""
    return network.features or available(network.n_inputs)[: network.n_inputs]


def _without_feature(network: Network, index: int) -> Network:
    """A copy of a network of features without input ``index`` (and plain again if it can be)."""
    if network.n_inputs == 1:
        raise ShapeError(t("core.shape.last_input"))
    new = network.copy()
    new.image_shape = None
    if new.features is None or new.point is None:  # plain inputs: they are the point, read as x1, x2, …
        new.features, new.point = read_features(network), network.input_values.astype(np.float64)
    del new.input_names[index]
    new.input_values = np.delete(new.input_values, index)
    new.layers[0].weights = np.delete(new.layers[0].weights, index, axis=1)
    new.features = new.features[:index] + new.features[index + 1 :]
    if new.features == available(len(new.point))[: len(new.point)]:
        new.input_values, new.features, new.point = new.point, None, None  # x1, x2, … as plain inputs
    return _validated(new)


def fresh_network(
    sizes: list[int],
    rng: np.random.Generator,
    *,
    activation: str = "tanh",
    output_activation: str = "sigmoid",
    input_names: list[str] | None = None,
    name: str | None = None,
    image_shape: ImageShape | None = None,
) -> Network:
    """A network of the given sizes (inputs first) with small random weights.

    Without ``name`` it is called "new network" in the current language;
    ``image_shape``: its inputs are the pixels of a picture of that shape.
    """
    layers = [
        DenseLayer(
            _small_weights(rng, n_out, n_in),
            np.zeros(n_out),
            output_activation if k == len(sizes) - 2 else activation,
        )
        for k, (n_in, n_out) in enumerate(itertools.pairwise(sizes))
    ]
    names = input_names or [f"x{i + 1}" for i in range(sizes[0])]
    new_name = t("core.network.new") if name is None else name
    return Network(names, np.zeros(sizes[0]), layers, new_name, image_shape=image_shape)


def randomize_all(network: Network, rng: np.random.Generator) -> Network:
    """A copy with new small random weights (and zero biases) in every layer."""
    for column in range(1, len(network.layers) + 1):
        network = randomize(network, column, rng)
    return network
