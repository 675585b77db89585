"""Shape changes (nntui.core.shape) and their undoable Reshape edit."""

from __future__ import annotations

import re
from collections.abc import Callable

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nntui.core.activations import ACTIVATION_NAMES
from nntui.core.edits import History, ParamRef, Reshape, SetActivation, SetValue
from nntui.core.fileformat import dumps_network, loads_network
from nntui.core.network import DenseLayer, Network
from nntui.core.presets import load_preset
from nntui.core.shape import (
    MAX_NAME_LENGTH,
    ShapeError,
    add_neuron,
    check_name,
    display_names,
    insert_layer,
    randomize,
    remove_layer,
    remove_layer_keeps_weights,
    remove_neuron,
    rename_layer,
    rename_network,
    rename_neuron,
    zero,
)
from tests.factory import random_network

# --- helpers ------------------------------------------------------------------------


def _net() -> Network:
    """An unnamed 3-4-2-2 network with nonzero biases (column 1 and 2 hidden, 3 output)."""
    net = random_network([3, 4, 2, 2], activation="tanh", output_activation="sigmoid", seed=7)
    for k, layer in enumerate(net.layers):
        layer.bias = np.arange(1.0, layer.n_out + 1.0) * (k + 1) / 10.0
    return net


def _named() -> Network:
    """The 'layers' preset: every layer and neuron has a name."""
    return load_preset("layers")


def _rng(seed: int = 0) -> np.random.Generator:
    return np.random.default_rng(seed)


def _unchanged(net: Network, op: Callable[[Network], Network]) -> Network:
    """Run ``op`` on ``net`` and assert ``net`` itself was not touched."""
    before = dumps_network(net)
    result = op(net)
    assert dumps_network(net) == before, "the argument network was mutated"
    assert result is not net
    return result


def _revalidate(net: Network) -> Network:
    """Rebuild ``net`` from its parts so every constructor check runs again."""
    layers = [
        DenseLayer(
            layer.weights.copy(),
            layer.bias.copy(),
            layer.activation,
            layer.name,
            None if layer.neuron_names is None else list(layer.neuron_names),
        )
        for layer in net.layers
    ]
    return Network(list(net.input_names), net.input_values.copy(), layers, net.name)


def _assert_small_nonzero(w: np.ndarray, n_in: int) -> None:
    assert np.all(w != 0.0)
    assert np.all(np.abs(w) <= 1.0 / np.sqrt(n_in))


# --- add_neuron -------------------------------------------------------------------------


@pytest.mark.parametrize("at", [0, 1, 3])
def test_add_input_inserts_value_and_weight_column(at: int) -> None:
    """A new input: value 0 at ``at``, a new small column in layer 1, the rest untouched."""
    net = _net()
    new = _unchanged(net, lambda n: add_neuron(n, 0, at, _rng(1)))
    assert new.sizes == [4, 4, 2, 2]
    assert new.input_values.shape == (4,)
    assert new.input_values[at] == 0.0
    np.testing.assert_array_equal(np.delete(new.input_values, at), net.input_values)
    assert new.input_names[:at] + new.input_names[at + 1 :] == net.input_names
    assert new.input_names[at] not in net.input_names
    w = new.layers[0].weights
    assert w.shape == (4, 4)
    np.testing.assert_array_equal(np.delete(w, at, axis=1), net.layers[0].weights)
    assert np.all(w[:, at] != 0.0) and np.all(np.abs(w[:, at]) <= 1.0)
    np.testing.assert_array_equal(new.layers[0].bias, net.layers[0].bias)
    for old, cur in zip(net.layers[1:], new.layers[1:]):
        np.testing.assert_array_equal(cur.weights, old.weights)
        np.testing.assert_array_equal(cur.bias, old.bias)


@pytest.mark.parametrize("at", [0, 2, 4])
def test_add_hidden_neuron_inserts_row_and_column(at: int) -> None:
    """A hidden neuron: a new row (bias 0) in its layer, a new column in the next."""
    net = _net()
    new = _unchanged(net, lambda n: add_neuron(n, 1, at, _rng(2)))
    assert new.sizes == [3, 5, 2, 2]
    own, nxt = new.layers[0], new.layers[1]
    assert own.weights.shape == (5, 3) and own.bias.shape == (5,)
    np.testing.assert_array_equal(np.delete(own.weights, at, axis=0), net.layers[0].weights)
    np.testing.assert_array_equal(np.delete(own.bias, at), net.layers[0].bias)
    assert own.bias[at] == 0.0
    _assert_small_nonzero(own.weights[at], 3)
    assert nxt.weights.shape == (2, 5)
    np.testing.assert_array_equal(np.delete(nxt.weights, at, axis=1), net.layers[1].weights)
    assert np.all(nxt.weights[:, at] != 0.0) and np.all(np.abs(nxt.weights[:, at]) <= 1.0)
    np.testing.assert_array_equal(nxt.bias, net.layers[1].bias)
    np.testing.assert_array_equal(new.layers[2].weights, net.layers[2].weights)
    np.testing.assert_array_equal(new.input_values, net.input_values)
    assert own.neuron_names is None


@pytest.mark.parametrize("at", [0, 1, 2])
def test_add_output_neuron_inserts_row_only(at: int) -> None:
    """An output neuron: a new row and bias 0 in the output layer; nothing follows it."""
    net = _net()
    new = _unchanged(net, lambda n: add_neuron(n, 3, at, _rng(3)))
    assert new.sizes == [3, 4, 2, 3]
    out = new.layers[2]
    assert out.weights.shape == (3, 2)
    np.testing.assert_array_equal(np.delete(out.weights, at, axis=0), net.layers[2].weights)
    np.testing.assert_array_equal(np.delete(out.bias, at), net.layers[2].bias)
    assert out.bias[at] == 0.0
    _assert_small_nonzero(out.weights[at], 2)
    for old, cur in zip(net.layers[:2], new.layers[:2]):
        np.testing.assert_array_equal(cur.weights, old.weights)
        np.testing.assert_array_equal(cur.bias, old.bias)
    assert new.forward().outputs.shape == (3,)


def test_add_neuron_outgoing_weights_scaled_by_fan_in() -> None:
    """The new column in the next layer is small for that layer: |w| <= 1/sqrt(its n_in).

    The module scales every new weight by 1/sqrt(fan-in) so sums stay in range;
    the outgoing weights of a new neuron feed neurons that now have n_in + 1 inputs.
    """
    net = random_network([2, 8, 6], seed=0)
    for seed in range(5):
        new = add_neuron(net, 1, 3, _rng(seed))
        fan_in = new.layers[1].n_in
        column = new.layers[1].weights[:, 3]
        assert np.all(np.abs(column) <= 1.0 / np.sqrt(fan_in)), (seed, column)


def test_add_neuron_clamps_position() -> None:
    """``at`` beyond either end adds at that end."""
    net = _net()
    first = add_neuron(net, 1, -5, _rng(0))
    last = add_neuron(net, 1, 99, _rng(0))
    np.testing.assert_array_equal(first.layers[0].weights[1:], net.layers[0].weights)
    np.testing.assert_array_equal(last.layers[0].weights[:-1], net.layers[0].weights)


@pytest.mark.parametrize("at", [0, 2, 4])
def test_add_neuron_to_named_layer_generates_unique_name(at: int) -> None:
    """A named layer gets a fresh generated name at ``at``; the others keep theirs."""
    net = _named()
    old = list(net.layers[0].neuron_names or [])
    new = _unchanged(net, lambda n: add_neuron(n, 1, at, _rng(0)))
    names = new.layers[0].neuron_names
    assert names is not None and len(names) == 5
    assert names[:at] + names[at + 1 :] == old
    assert names[at] not in old and names[at].strip() == names[at] and names[at]
    assert len(set(names)) == 5


def test_generated_names_skip_taken_ones() -> None:
    """Generated input and neuron names never collide with existing ones."""
    net = Network(
        ["x2", "x3"],
        [0.5, 0.25],
        [DenseLayer(np.ones((2, 2)), np.zeros(2), neuron_names=["n3", "n4"]), DenseLayer(np.ones((1, 2)), [0.0])],
    )
    new = add_neuron(net, 0, 2, _rng(0))
    assert len(set(new.input_names)) == 3 and new.input_names[:2] == ["x2", "x3"]
    new = add_neuron(net, 1, 0, _rng(0))
    names = new.layers[0].neuron_names
    assert names is not None and len(set(names)) == 3 and names[1:] == ["n3", "n4"]
    # Adding many in a row keeps every name unique.
    for _ in range(6):
        new = add_neuron(new, 0, 0, _rng(1))
        new = add_neuron(new, 1, 1, _rng(1))
    assert len(set(new.input_names)) == len(new.input_names) == 8
    assert len(set(display_names(new, 1))) == new.sizes[1] == 9


def test_add_neuron_to_unnamed_layer_keeps_it_unnamed() -> None:
    """Unnamed layers stay unnamed: the display names are still generated."""
    net = _net()
    new = add_neuron(net, 2, 1, _rng(0))
    assert new.layers[1].neuron_names is None
    assert display_names(new, 2) == ["h2.1", "h2.2", "h2.3"]


def test_add_neuron_bad_column_refused() -> None:
    """A column that does not exist is a ShapeError."""
    with pytest.raises(ShapeError, match="there is no layer 4"):
        add_neuron(_net(), 4, 0, _rng(0))
    with pytest.raises(ShapeError, match="there is no layer -1"):
        add_neuron(_net(), -1, 0, _rng(0))


# --- remove_neuron ----------------------------------------------------------------------


@pytest.mark.parametrize("index", [0, 1, 2])
def test_remove_input(index: int) -> None:
    """Removing an input drops its value, name and weight column."""
    net = _net()
    new = _unchanged(net, lambda n: remove_neuron(n, 0, index))
    assert new.sizes == [2, 4, 2, 2]
    np.testing.assert_array_equal(new.input_values, np.delete(net.input_values, index))
    assert new.input_names == net.input_names[:index] + net.input_names[index + 1 :]
    np.testing.assert_array_equal(new.layers[0].weights, np.delete(net.layers[0].weights, index, axis=1))
    np.testing.assert_array_equal(new.layers[0].bias, net.layers[0].bias)


@pytest.mark.parametrize("index", [0, 2, 3])
def test_remove_hidden_neuron(index: int) -> None:
    """Removing a hidden neuron drops its row, bias and the next layer's column."""
    net = _net()
    new = _unchanged(net, lambda n: remove_neuron(n, 1, index))
    assert new.sizes == [3, 3, 2, 2]
    np.testing.assert_array_equal(new.layers[0].weights, np.delete(net.layers[0].weights, index, 0))
    np.testing.assert_array_equal(new.layers[0].bias, np.delete(net.layers[0].bias, index))
    np.testing.assert_array_equal(new.layers[1].weights, np.delete(net.layers[1].weights, index, 1))
    np.testing.assert_array_equal(new.layers[1].bias, net.layers[1].bias)
    np.testing.assert_array_equal(new.layers[2].weights, net.layers[2].weights)


@pytest.mark.parametrize("index", [0, 1])
def test_remove_output_neuron(index: int) -> None:
    """Removing an output neuron drops its row and bias only."""
    net = _net()
    new = _unchanged(net, lambda n: remove_neuron(n, 3, index))
    assert new.sizes == [3, 4, 2, 1]
    np.testing.assert_array_equal(new.layers[2].weights, net.layers[2].weights[[1 - index]])
    np.testing.assert_array_equal(new.layers[2].bias, net.layers[2].bias[[1 - index]])
    np.testing.assert_array_equal(new.layers[1].weights, net.layers[1].weights)


def test_remove_neuron_from_named_layer_drops_its_name() -> None:
    """The name list of a named layer loses exactly the removed neuron's name."""
    net = _named()
    new = remove_neuron(net, 2, 1)
    assert new.layers[1].neuron_names == ["b1", "b3", "b4"]
    assert new.layers[0].neuron_names == net.layers[0].neuron_names


@pytest.mark.parametrize("make", [_net, _named])
def test_add_then_remove_gives_back_original(make: Callable[[], Network]) -> None:
    """add_neuron then remove_neuron at the same place is the identity, in every column."""
    net = make()
    text = dumps_network(net)
    for column in range(len(net.sizes)):
        for at in sorted({0, net.sizes[column] // 2, net.sizes[column]}):
            new = add_neuron(net, column, at, _rng(column * 10 + at))
            assert dumps_network(new) != text
            assert dumps_network(remove_neuron(new, column, at)) == text


def test_remove_last_input_refused() -> None:
    """The last input cannot go."""
    net = random_network([1, 2, 1])
    with pytest.raises(ShapeError, match=re.escape("a network needs at least one input: this is the last one")):
        remove_neuron(net, 0, 0)


def test_remove_only_output_neuron_refused() -> None:
    """The output layer keeps at least one neuron."""
    net = random_network([2, 2, 1])
    with pytest.raises(
        ShapeError,
        match=re.escape("the output layer needs at least one neuron: this is the last one"),
    ):
        remove_neuron(net, 2, 0)


def test_remove_only_hidden_neuron_refused() -> None:
    """A hidden layer with one neuron must be removed as a whole layer."""
    net = random_network([2, 1, 2])
    with pytest.raises(
        ShapeError,
        match=re.escape("this is the only neuron of its layer: remove the whole layer instead (D)"),
    ):
        remove_neuron(net, 1, 0)
    assert isinstance(ShapeError("x"), ValueError)


# --- layers ----------------------------------------------------------------------------


@pytest.mark.parametrize("after", [0, 1, 2])
def test_insert_layer_size_and_following_weights(after: int) -> None:
    """The new layer has the size of column ``after``; the next layer keeps its weights."""
    net = _net()
    new = _unchanged(net, lambda n: insert_layer(n, after, _rng(4)))
    size = net.sizes[after]
    assert new.sizes == [*net.sizes[: after + 1], size, *net.sizes[after + 1 :]]
    layer = new.layers[after]
    assert layer.weights.shape == (size, size)
    _assert_small_nonzero(layer.weights, size)
    np.testing.assert_array_equal(layer.bias, np.zeros(size))
    assert layer.name is None and layer.neuron_names is None
    assert layer.activation == "tanh"  # the first hidden layer's
    for old, cur in zip(net.layers, new.layers[:after] + new.layers[after + 1 :]):
        np.testing.assert_array_equal(cur.weights, old.weights)
        np.testing.assert_array_equal(cur.bias, old.bias)
        assert cur.activation == old.activation


def test_insert_layer_after_output_goes_before_it() -> None:
    """Asking for a layer after the output column inserts it just before the output."""
    net = _net()
    new = insert_layer(net, 3, _rng(5))
    assert new.sizes == [3, 4, 2, 2, 2]
    assert dumps_network(_revalidate(new))
    np.testing.assert_array_equal(new.layers[-1].weights, net.layers[-1].weights)
    assert new.layers[-1].activation == "sigmoid"
    assert dumps_network(insert_layer(net, 3, _rng(5))) == dumps_network(insert_layer(net, 2, _rng(5)))


def test_insert_layer_default_activation() -> None:
    """Default: the first hidden layer's activation, else sigmoid; an explicit one wins."""
    net = _net()
    net.layers[0].activation = "relu"
    net.layers[1].activation = "linear"
    assert insert_layer(net, 2, _rng(0)).layers[2].activation == "relu"
    single = random_network([2, 3], output_activation="tanh")
    assert insert_layer(single, 0, _rng(0)).layers[0].activation == "sigmoid"
    assert insert_layer(single, 1, _rng(0)).layers[0].activation == "sigmoid"
    assert insert_layer(single, 0, _rng(0), "leaky_relu").layers[0].activation == "leaky_relu"


@pytest.mark.parametrize("make", [_net, _named])
def test_insert_then_remove_layer_gives_back_original(make: Callable[[], Network]) -> None:
    """remove_layer of a freshly inserted layer restores the network exactly."""
    net = make()
    text = dumps_network(net)
    for after in range(len(net.sizes)):
        new = insert_layer(net, after, _rng(after))
        column = min(after, len(net.layers) - 1) + 1
        assert remove_layer_keeps_weights(new, column)
        assert dumps_network(remove_layer(new, column, _rng(99))) == text


def test_remove_layer_redraws_next_weights_when_sizes_differ() -> None:
    """The layer after a removed one of another size gets fresh weights of the right shape."""
    net = _net()
    assert not remove_layer_keeps_weights(net, 1)
    new = _unchanged(net, lambda n: remove_layer(n, 1, _rng(6)))
    assert new.sizes == [3, 2, 2]
    nxt = new.layers[0]
    assert nxt.weights.shape == (2, 3)
    _assert_small_nonzero(nxt.weights, 3)
    np.testing.assert_array_equal(nxt.bias, net.layers[1].bias)
    assert nxt.activation == net.layers[1].activation
    np.testing.assert_array_equal(new.layers[1].weights, net.layers[2].weights)
    assert dumps_network(remove_layer(net, 1, _rng(6))) == dumps_network(new)


def test_remove_layer_keeps_next_weights_when_sizes_match() -> None:
    """Removing a hidden layer as wide as the layer before it keeps the next weights."""
    net = _named()  # 3-4-4-1
    assert remove_layer_keeps_weights(net, 2) and not remove_layer_keeps_weights(net, 1)
    new = remove_layer(net, 2, _rng(0))
    assert new.sizes == [3, 4, 1]
    np.testing.assert_array_equal(new.layers[1].weights, net.layers[2].weights)
    assert [layer.name for layer in new.layers] == ["hidden 1", "output"]


def test_remove_layer_refusals() -> None:
    """The input and the output column cannot be removed."""
    net = _net()
    with pytest.raises(ShapeError, match="the input layer cannot be removed; remove single inputs with d"):
        remove_layer(net, 0, _rng(0))
    with pytest.raises(ShapeError, match="the output layer cannot be removed: every network needs one"):
        remove_layer(net, 3, _rng(0))
    with pytest.raises(ShapeError, match="there is no layer 4"):
        remove_layer(net, 4, _rng(0))


# --- names -----------------------------------------------------------------------------


def test_rename_input() -> None:
    """Renaming an input strips the name and changes only that input."""
    net = _net()
    new = _unchanged(net, lambda n: rename_neuron(n, 0, 1, "  speed "))
    assert new.input_names == ["x1", "speed", "x3"]
    assert dumps_network(rename_neuron(new, 0, 1, "x2")) == dumps_network(net)


def test_rename_neuron_in_unnamed_layer_freezes_generated_names() -> None:
    """The other neurons keep the names they showed; other layers stay unnamed."""
    net = _net()
    new = _unchanged(net, lambda n: rename_neuron(n, 1, 2, "mid"))
    assert new.layers[0].neuron_names == ["h1.1", "h1.2", "mid", "h1.4"]
    assert new.layers[1].neuron_names is None and new.layers[2].neuron_names is None
    out = rename_neuron(random_network([2, 1]), 1, 0, "answer")
    assert out.layers[0].neuron_names == ["answer"]


def test_rename_neuron_in_named_layer() -> None:
    """A named layer changes just one entry."""
    net = _named()
    new = rename_neuron(net, 2, 3, "last")
    assert new.layers[1].neuron_names == ["b1", "b2", "b3", "last"]


def test_rename_neuron_duplicates_refused() -> None:
    """A name already used by another neuron of the same layer is refused; its own is fine."""
    net = _net()
    with pytest.raises(ShapeError, match='"x1" is already the name of another neuron in this layer'):
        rename_neuron(net, 0, 2, "x1")
    with pytest.raises(ShapeError, match="already the name"):
        rename_neuron(net, 1, 0, "h1.2")  # a generated name counts too
    with pytest.raises(ShapeError, match="already the name"):
        rename_neuron(_named(), 1, 0, " a2 ")
    assert rename_neuron(net, 0, 0, "x1").input_names == net.input_names
    # The same name in another layer is allowed.
    assert rename_neuron(net, 2, 0, "x1").layers[1].neuron_names == ["x1", "h2.2"]


BAD_NAMES = [
    ("", "a name cannot be empty"),
    ("   \t ", "a name cannot be empty"),
    ("a" * (MAX_NAME_LENGTH + 1), f"a name can have at most {MAX_NAME_LENGTH} characters"),
    ("a\tb", "a name cannot contain control characters"),
    ("a\nb", "a name cannot contain control characters"),
    ("x\x00", "a name cannot contain control characters"),
    ("\x1b[31mred", "a name cannot contain control characters"),
    ("bell\x07", "a name cannot contain control characters"),
]


@pytest.mark.parametrize(("name", "message"), BAD_NAMES)
def test_bad_names_refused_everywhere(name: str, message: str) -> None:
    """check_name and every rename refuse the name with the same sentence."""
    net = _net()
    for call in (
        lambda: check_name(name),
        lambda: rename_neuron(net, 0, 0, name),
        lambda: rename_neuron(net, 1, 0, name),
        lambda: rename_layer(net, 2, name),
        lambda: rename_network(net, name),
    ):
        with pytest.raises(ShapeError, match=re.escape(message)):
            call()


def test_check_name_accepts_and_strips() -> None:
    """Good names come back stripped; exactly MAX_NAME_LENGTH characters is fine."""
    assert check_name("  herb smell ") == "herb smell"
    assert check_name("é" * MAX_NAME_LENGTH) == "é" * MAX_NAME_LENGTH
    assert check_name(" " + "a" * MAX_NAME_LENGTH + " ") == "a" * MAX_NAME_LENGTH


def test_rename_layer_and_network() -> None:
    """rename_layer names a dense layer (not column 0); rename_network names the network."""
    net = _net()
    new = _unchanged(net, lambda n: rename_layer(n, 3, " result "))
    assert new.layers[2].name == "result" and new.layer_title(3) == "result"
    assert [layer.name for layer in new.layers[:2]] == [None, None]
    with pytest.raises(
        ShapeError,
        match=re.escape("the input layer is always called input; rename single inputs with c"),
    ):
        rename_layer(net, 0, "inputs")
    with pytest.raises(ShapeError, match="there is no layer 9"):
        rename_layer(net, 9, "nine")
    renamed = _unchanged(net, lambda n: rename_network(n, "  my net "))
    assert renamed.name == "my net"
    assert loads_network(dumps_network(renamed)).name == "my net"


# --- fresh weights -----------------------------------------------------------------------


def _other_layers_equal(a: Network, b: Network, except_layer: int) -> None:
    for k, (la, lb) in enumerate(zip(a.layers, b.layers)):
        if k != except_layer:
            np.testing.assert_array_equal(la.weights, lb.weights)
            np.testing.assert_array_equal(la.bias, lb.bias)
    np.testing.assert_array_equal(a.input_values, b.input_values)


@pytest.mark.parametrize(("column", "neuron"), [(1, 0), (1, 3), (2, 1), (3, 0)])
def test_randomize_one_neuron_changes_only_its_row(column: int, neuron: int) -> None:
    """Only the chosen neuron's weights change; its bias becomes 0."""
    net = _net()
    new = _unchanged(net, lambda n: randomize(n, column, _rng(8), neuron))
    old, cur = net.layers[column - 1], new.layers[column - 1]
    rows = [j for j in range(old.n_out) if j != neuron]
    np.testing.assert_array_equal(cur.weights[rows], old.weights[rows])
    np.testing.assert_array_equal(cur.bias[rows], old.bias[rows])
    assert cur.bias[neuron] == 0.0
    assert np.all(cur.weights[neuron] != old.weights[neuron])
    _assert_small_nonzero(cur.weights[neuron], old.n_in)
    _other_layers_equal(net, new, column - 1)


@pytest.mark.parametrize("column", [1, 2, 3])
def test_randomize_whole_layer(column: int) -> None:
    """Every row of the layer is redrawn and every bias is 0; other layers stay."""
    net = _net()
    new = _unchanged(net, lambda n: randomize(n, column, _rng(9)))
    old, cur = net.layers[column - 1], new.layers[column - 1]
    assert cur.weights.shape == old.weights.shape
    assert np.all(cur.weights != old.weights)
    _assert_small_nonzero(cur.weights, old.n_in)
    np.testing.assert_array_equal(cur.bias, np.zeros(old.n_out))
    _other_layers_equal(net, new, column - 1)


@pytest.mark.parametrize(("column", "neuron"), [(1, 0), (1, 2), (2, 1), (3, 1)])
def test_zero_one_neuron(column: int, neuron: int) -> None:
    """zero() clears one neuron's weights and bias, nothing else."""
    net = _net()
    new = _unchanged(net, lambda n: zero(n, column, neuron))
    old, cur = net.layers[column - 1], new.layers[column - 1]
    rows = [j for j in range(old.n_out) if j != neuron]
    np.testing.assert_array_equal(cur.weights[neuron], np.zeros(old.n_in))
    assert cur.bias[neuron] == 0.0
    np.testing.assert_array_equal(cur.weights[rows], old.weights[rows])
    np.testing.assert_array_equal(cur.bias[rows], old.bias[rows])
    _other_layers_equal(net, new, column - 1)


def test_zero_whole_layer() -> None:
    """zero() of a layer clears all its weights and biases."""
    net = _net()
    new = zero(net, 2)
    np.testing.assert_array_equal(new.layers[1].weights, np.zeros((2, 4)))
    np.testing.assert_array_equal(new.layers[1].bias, np.zeros(2))
    _other_layers_equal(net, new, 1)


def test_fresh_weights_refused_for_inputs() -> None:
    """Inputs have no incoming weights to randomize or zero."""
    message = "inputs have no incoming weights: select a hidden or output neuron"
    for call in (
        lambda: randomize(_net(), 0, _rng(0)),
        lambda: randomize(_net(), 0, _rng(0), 1),
        lambda: zero(_net(), 0),
        lambda: zero(_net(), 0, 0),
    ):
        with pytest.raises(ShapeError, match=re.escape(message)):
            call()


def test_same_seed_same_result() -> None:
    """Every random shape change is reproducible from the generator's seed."""
    net = _net()
    ops: list[Callable[[np.random.Generator], Network]] = [
        lambda r: randomize(net, 2, r),
        lambda r: randomize(net, 1, r, 2),
        lambda r: add_neuron(net, 1, 1, r),
        lambda r: add_neuron(net, 0, 3, r),
        lambda r: insert_layer(net, 1, r),
        lambda r: remove_layer(net, 1, r),
    ]
    for op in ops:
        assert dumps_network(op(_rng(11))) == dumps_network(op(_rng(11)))
        assert dumps_network(op(_rng(11))) != dumps_network(op(_rng(12)))


# --- Reshape and History ----------------------------------------------------------------


def test_reshape_apply_undo_redo_exact() -> None:
    """History restores each Reshape's before and after state exactly, in place."""
    net = _named()
    history = History(net)
    states = [dumps_network(net)]
    rng = _rng(0)
    for change in (
        lambda n: add_neuron(n, 1, 2, rng),
        lambda n: insert_layer(n, 0, rng),
        lambda n: rename_neuron(n, 0, 0, "first"),
        lambda n: remove_layer(n, 2, rng),
        lambda n: randomize(n, 1, rng),
    ):
        history.apply(Reshape.of(history.network, change(history.network), "change"))
        states.append(dumps_network(history.network))
    assert history.network is net
    for expected in reversed(states[:-1]):
        assert history.undo() is not None
        assert dumps_network(net) == expected
    assert history.undo() is None
    for expected in states[1:]:
        assert history.redo() is not None
        assert dumps_network(net) == expected
    assert history.redo() is None


def test_value_edit_after_reshape_then_undo_both() -> None:
    """A SetValue after a Reshape, both undone, gives the original; redo gives both back."""
    net = _net()
    original = dumps_network(net)
    history = History(net)
    history.apply(Reshape.of(net, add_neuron(net, 1, 4, _rng(0)), "add"))
    reshaped = dumps_network(net)
    ref = ParamRef.weight(0, 4, 1)
    history.apply(SetValue(ref, ref.get(net), 9.5))
    edited = dumps_network(net)
    assert ref.get(net) == 9.5
    history.undo()
    assert dumps_network(net) == reshaped
    history.undo()
    assert dumps_network(net) == original
    history.redo()
    assert dumps_network(net) == reshaped
    history.redo()
    assert dumps_network(net) == edited


def test_reshape_snapshots_not_aliased_with_live_network() -> None:
    """Mutating the live network (or the networks passed in) never alters the snapshots."""
    net = _named()
    original = dumps_network(net)
    after = add_neuron(net, 2, 1, _rng(0))
    after_text = dumps_network(after)
    edit = Reshape.of(net, after, "add")
    after.layers[0].weights[0, 0] = 123.0
    after.input_names[0] = "changed"
    history = History(net)
    history.apply(edit)
    assert dumps_network(net) == after_text
    # Mutate the live arrays and lists in place, as value edits and renames would.
    net.layers[1].weights[:] = 42.0
    net.layers[1].bias[0] = -1.0
    net.input_values[0] = 77.0
    net.input_names[1] = "live"
    (net.layers[0].neuron_names or []).append("extra")
    net.layers[2].activation = "relu"
    assert dumps_network(edit.after) == after_text
    assert dumps_network(edit.before) == original
    history.undo()
    assert dumps_network(net) == original
    net.layers[0].weights *= 3.0
    net.input_values += 1.0
    history.redo()
    assert dumps_network(net) == after_text
    history.undo()
    assert dumps_network(net) == original


# --- random walk ----------------------------------------------------------------------------

MAX_SIZE = 8
MAX_LAYERS = 5
NAME_POOL = ["a", "b", "x1", "h1", "y", "n2", " spaced ", "", "\t", "z" * 41, "ok\x07", "é"]
OPS = [
    "add",
    "remove",
    "insert",
    "remove_layer",
    "rename_neuron",
    "rename_layer",
    "rename_network",
    "randomize",
    "zero",
    "set_value",
    "set_activation",
    "undo",
    "redo",
]


def _random_ref(net: Network, rng: np.random.Generator) -> ParamRef:
    kind = rng.integers(3)
    if kind == 0:
        return ParamRef.input(int(rng.integers(net.n_inputs)))
    k = int(rng.integers(len(net.layers)))
    layer = net.layers[k]
    j = int(rng.integers(layer.n_out))
    if kind == 1:
        return ParamRef.bias(k, j)
    return ParamRef.weight(k, j, int(rng.integers(layer.n_in)))


def _shape_change(op: str, net: Network, rng: np.random.Generator) -> Network | None:
    """The network after shape op ``op`` on a random place, or None to skip the step."""
    column = int(rng.integers(len(net.sizes)))
    size = net.sizes[column]
    neuron = int(rng.integers(size))
    if op == "add":
        if size >= MAX_SIZE:
            return None
        return add_neuron(net, column, int(rng.integers(size + 1)), rng)
    if op == "remove":
        return remove_neuron(net, column, neuron)
    if op == "insert":
        if len(net.layers) >= MAX_LAYERS:
            return None
        return insert_layer(net, column, rng)
    if op == "remove_layer":
        return remove_layer(net, column, rng)
    name = NAME_POOL[int(rng.integers(len(NAME_POOL)))]
    if op == "rename_neuron":
        return rename_neuron(net, column, neuron, name)
    if op == "rename_layer":
        return rename_layer(net, column, name)
    if op == "rename_network":
        return rename_network(net, name)
    whole = bool(rng.integers(2))
    if op == "randomize":
        return randomize(net, column, rng, None if whole else neuron)
    assert op == "zero"
    return zero(net, column, None if whole else neuron)


def _check_invariants(net: Network) -> None:
    rebuilt = _revalidate(net)
    assert rebuilt.sizes == net.sizes
    assert max(net.sizes) <= MAX_SIZE and len(net.layers) <= MAX_LAYERS
    for column in range(len(net.sizes)):
        names = display_names(net, column)
        assert len(set(names)) == len(names), (column, names)
        assert all(name and name == name.strip() for name in names)
    result = net.forward()
    assert [a.shape for a in result.activations] == [(n,) for n in net.sizes]
    batch = net.forward(np.zeros((2, net.n_inputs)))
    assert batch.outputs.shape == (2, net.sizes[-1])


def _walk_step(history: History, done: list[str], undone: list[str], op: str, rng: np.random.Generator) -> None:
    """One step of the walk; ``done``/``undone`` mirror the history as dumped states."""
    net = history.network
    if op == "undo":
        if history.undo() is None:
            assert len(done) == 1
        else:
            undone.append(done.pop())
    elif op == "redo":
        if history.redo() is None:
            assert not undone
        else:
            done.append(undone.pop())
    elif op == "set_value":
        ref = _random_ref(net, rng)
        history.apply(SetValue(ref, ref.get(net), float(np.round(rng.uniform(-4, 4), 3))))
        done.append(dumps_network(net))
        undone.clear()
    elif op == "set_activation":
        k = int(rng.integers(len(net.layers)))
        new = ACTIVATION_NAMES[int(rng.integers(len(ACTIVATION_NAMES)))]
        history.apply(SetActivation(k, net.layers[k].activation, new))
        done.append(dumps_network(net))
        undone.clear()
    else:
        try:
            after = _shape_change(op, net, rng)
        except ShapeError:
            assert dumps_network(net) == done[-1]
            return
        if after is None:
            return
        history.apply(Reshape.of(net, after, op))
        done.append(dumps_network(net))
        undone.clear()
        assert done[-1] == dumps_network(after)
    assert dumps_network(net) == done[-1]


@pytest.mark.slow
@pytest.mark.parametrize("seed", [0, 1, 2])
def test_random_walk_keeps_network_valid(seed: int) -> None:
    """3000 random edits, undos and redos: always valid, exact undo, exact save/reload."""
    rng = np.random.default_rng(seed)
    start = random_network([2, 3, 2], seed=seed) if seed != 1 else _named()
    history = History(start)
    done = [dumps_network(start)]
    undone: list[str] = []
    seen_ops: set[str] = set()
    for step in range(3000):
        op = OPS[int(rng.integers(len(OPS)))]
        _walk_step(history, done, undone, op, rng)
        seen_ops.add(op)
        _check_invariants(history.network)
        if step % 100 == 0:
            text = dumps_network(history.network)
            assert dumps_network(loads_network(text)) == text
    assert seen_ops == set(OPS)
    # Undoing everything gives the start back exactly.
    while history.undo() is not None:
        undone.append(done.pop())
        assert dumps_network(history.network) == done[-1]
    assert len(done) == 1
    assert dumps_network(history.network) == dumps_network(
        random_network([2, 3, 2], seed=seed) if seed != 1 else _named()
    )


@settings(max_examples=50, deadline=None)
@given(
    seed=st.integers(0, 2**32 - 1),
    ops=st.lists(st.sampled_from(OPS), min_size=1, max_size=25),
)
def test_op_sequences_save_and_reload_identically(seed: int, ops: list[str]) -> None:
    """Any short sequence of edits leaves a network that saves and reloads identically."""
    rng = np.random.default_rng(seed)
    start = random_network([int(rng.integers(1, 4)), int(rng.integers(1, 4)), int(rng.integers(1, 3))], seed=seed % 100)
    history = History(start)
    done = [dumps_network(start)]
    undone: list[str] = []
    for op in ops:
        _walk_step(history, done, undone, op, rng)
        text = dumps_network(history.network)
        reloaded = loads_network(text)
        assert dumps_network(reloaded) == text
        np.testing.assert_array_equal(reloaded.forward().outputs, history.network.forward().outputs)
