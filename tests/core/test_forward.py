"""The forward pass, presets, display names and the random network factory."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from nntui.core.activations import ACTIVATION_NAMES, LEAKY_SLOPE
from nntui.core.fileformat import NetworkFileError
from nntui.core.network import DenseLayer, Network
from nntui.core.presets import DEFAULT_PRESET, load_preset, preset_names
from tests.factory import random_network

# --- a naive reference, written independently of the code under test ---------


def _naive_sigmoid(z: float) -> float:
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)  # never overflows for z < 0
    return e / (1.0 + e)


def _naive_softmax(zs: list[float]) -> list[float]:
    top = max(zs)
    exps = [math.exp(z - top) for z in zs]
    total = sum(exps)
    return [e / total for e in exps]


_NAIVE_ELEMENTWISE = {
    "linear": lambda z: z,
    "sigmoid": _naive_sigmoid,
    "tanh": math.tanh,
    "relu": lambda z: z if z > 0 else 0.0,
    "leaky_relu": lambda z: z if z >= 0 else 0.01 * z,
    "step": lambda z: 1.0 if z >= 0 else 0.0,
}


def _naive_activation(name: str, zs: list[float]) -> list[float]:
    if name == "softmax":
        return _naive_softmax(zs)
    return [_NAIVE_ELEMENTWISE[name](z) for z in zs]


def _naive_forward(
    inputs: list[float],
    layers: list[tuple[list[list[float]], list[float], str]],
) -> tuple[list[list[float]], list[list[float]], list[list[float]]]:
    """Per layer z and a by a plain double loop, plus each neuron's Σ|wᵢxᵢ| + |b|."""
    a = list(inputs)
    zs: list[list[float]] = []
    activations: list[list[float]] = [a]
    scales: list[list[float]] = []
    for weights, bias, name in layers:
        z: list[float] = []
        scale: list[float] = []
        for j in range(len(weights)):
            total = 0.0
            size = abs(bias[j])
            for i in range(len(a)):
                total += weights[j][i] * a[i]
                size += abs(weights[j][i] * a[i])
            z.append(total + bias[j])
            scale.append(size)
        a = _naive_activation(name, z)
        zs.append(z)
        activations.append(a)
        scales.append(scale)
    return zs, activations, scales


_VALUE = st.floats(min_value=-5.0, max_value=5.0, allow_nan=False, allow_infinity=False)


@st.composite
def _network_spec(
    draw: st.DrawFn, activation: st.SearchStrategy[str]
) -> tuple[list[float], list[tuple[list[list[float]], list[float], str]]]:
    """Inputs and (weights, bias, activation) for 1-4 dense layers of 1-6 neurons."""
    n_inputs = draw(st.integers(1, 5))
    sizes = draw(st.lists(st.integers(1, 6), min_size=1, max_size=4))
    inputs = draw(st.lists(_VALUE, min_size=n_inputs, max_size=n_inputs))
    layers = []
    n_in = n_inputs
    for n_out in sizes:
        weights = draw(st.lists(st.lists(_VALUE, min_size=n_in, max_size=n_in), min_size=n_out, max_size=n_out))
        bias = draw(st.lists(_VALUE, min_size=n_out, max_size=n_out))
        layers.append((weights, bias, draw(activation)))
        n_in = n_out
    return inputs, layers


def _build(inputs: list[float], layers: list[tuple[list[list[float]], list[float], str]]) -> Network:
    dense = [DenseLayer(np.array(w), np.array(b), name) for w, b, name in layers]
    return Network([f"x{i + 1}" for i in range(len(inputs))], np.array(inputs), dense)


def _check_against_naive(inputs: list[float], layers: list[tuple[list[list[float]], list[float], str]]) -> None:
    zs, activations, scales = _naive_forward(inputs, layers)
    # Summation order differs between BLAS and the loop; skip sums that cancel
    # down to rounding noise, where no two correct implementations must agree
    # (and where a step neuron's 0-or-1 is decided by that noise).
    for z_layer, scale_layer in zip(zs, scales):
        for z, scale in zip(z_layer, scale_layer):
            assume(1e-13 * scale <= 1e-12 + 1e-9 * abs(z))
    result = _build(inputs, layers).forward()
    assert len(result.pre_activations) == len(layers)
    assert len(result.activations) == len(layers) + 1
    np.testing.assert_array_equal(result.activations[0], inputs)
    for k in range(len(layers)):
        np.testing.assert_allclose(result.pre_activations[k], zs[k], rtol=1e-9, atol=1e-12)
        np.testing.assert_allclose(result.activations[k + 1], activations[k + 1], rtol=1e-9, atol=1e-12)


@pytest.mark.parametrize("activation", ACTIVATION_NAMES)
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.filter_too_much])
@given(data=st.data())
def test_forward_matches_naive_loop_for_each_activation(activation: str, data: st.DataObject) -> None:
    """Every layer's z and a equal a pure-Python double loop, one activation everywhere."""
    inputs, layers = data.draw(_network_spec(st.just(activation)))
    _check_against_naive(inputs, layers)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.filter_too_much])
@given(spec=_network_spec(st.sampled_from(ACTIVATION_NAMES)))
def test_forward_matches_naive_loop_mixed_activations(
    spec: tuple[list[float], list[tuple[list[list[float]], list[float], str]]],
) -> None:
    """Same as above with a different activation drawn for each layer."""
    _check_against_naive(*spec)


def test_naive_reference_is_not_trivially_equal() -> None:
    """Sanity check of the reference itself on hand-computed values."""
    zs, activations, _ = _naive_forward([1.0, 2.0], [([[3.0, -1.0]], [0.5], "relu")])
    assert zs == [[1.5]]
    assert activations[1] == [1.5]
    assert _naive_softmax([0.0, math.log(3.0)]) == pytest.approx([0.25, 0.75])
    assert _NAIVE_ELEMENTWISE["leaky_relu"](-1.0) == -LEAKY_SLOPE


# --- batches, default input, bad input ----------------------------------------


@pytest.mark.parametrize("activation", ACTIVATION_NAMES)
def test_batch_rows_equal_single_vectors(activation: str) -> None:
    """forward(batch) row r equals forward(batch[r]) in every layer."""
    rng = np.random.default_rng(7)
    for seed, sizes in enumerate([[1, 1], [3, 4, 2], [5, 6, 6, 3], [2, 3, 3, 3, 4]]):
        net = random_network(sizes, activation=activation, seed=seed)
        batch = rng.uniform(-3.0, 3.0, size=(9, sizes[0]))
        whole = net.forward(batch)
        assert whole.outputs.shape == (9, sizes[-1])
        for r, row in enumerate(batch):
            single = net.forward(row)
            assert single.outputs.shape == (sizes[-1],)
            for z_batch, z_single in zip(whole.pre_activations, single.pre_activations):
                np.testing.assert_allclose(z_batch[r], z_single, rtol=1e-12, atol=1e-14)
            for a_batch, a_single in zip(whole.activations, single.activations):
                np.testing.assert_allclose(a_batch[r], a_single, rtol=1e-12, atol=1e-14)


def test_empty_batch_gives_empty_outputs() -> None:
    """A batch of zero samples flows through with the right trailing shapes."""
    net = random_network([3, 4, 2], output_activation="softmax", seed=1)
    result = net.forward(np.empty((0, 3)))
    assert [a.shape for a in result.activations] == [(0, 3), (0, 4), (0, 2)]


def test_forward_without_argument_uses_input_values() -> None:
    """forward() runs on network.input_values, and follows changes to them."""
    net = random_network([3, 5, 2], activation="tanh", seed=3)
    net.input_values = np.array([0.25, -1.5, 2.0])
    default = net.forward()
    explicit = net.forward(np.array([0.25, -1.5, 2.0]))
    np.testing.assert_array_equal(default.activations[0], [0.25, -1.5, 2.0])
    for a, b in zip(default.activations, explicit.activations):
        np.testing.assert_array_equal(a, b)
    net.input_values[1] = 4.0
    changed = net.forward()
    np.testing.assert_array_equal(changed.activations[0], [0.25, 4.0, 2.0])
    assert not np.array_equal(changed.pre_activations[0], default.pre_activations[0])


@pytest.mark.parametrize(
    "bad",
    [
        [1.0, 2.0],
        [1.0, 2.0, 3.0, 4.0],
        [],
        [[1.0, 2.0], [3.0, 4.0]],
        [[[1.0, 2.0, 3.0]]],
        5.0,
    ],
    ids=["short", "long", "empty", "batch-too-narrow", "3d", "scalar"],
)
def test_forward_rejects_wrong_input_shape(bad: object) -> None:
    """Inputs that do not have 3 values per sample raise ValueError naming the count."""
    net = random_network([3, 2], seed=0)
    with pytest.raises(ValueError, match="expected 3 input values"):
        net.forward(bad)  # type: ignore[arg-type]


def test_contributions_sum_to_pre_activation() -> None:
    """contributions(k, x) is wⱼᵢ·xᵢ, and each row summed plus bⱼ is zⱼ."""
    net = random_network([4, 5, 3, 2], activation="leaky_relu", seed=11)
    for layer in net.layers:
        layer.bias[:] = np.linspace(-1.0, 1.0, layer.n_out)
    result = net.forward(np.array([0.5, -2.0, 1.25, 3.0]))
    for k, layer in enumerate(net.layers):
        x = result.activations[k]
        terms = net.contributions(k, x)
        assert terms.shape == layer.weights.shape
        for j in range(layer.n_out):
            for i in range(layer.n_in):
                assert terms[j, i] == layer.weights[j, i] * x[i]
        np.testing.assert_allclose(terms.sum(axis=1) + layer.bias, result.pre_activations[k], rtol=1e-12, atol=1e-14)


# --- presets -------------------------------------------------------------------


def _output(net: Network, x: tuple[float, float]) -> float:
    outputs = net.forward(np.array(x)).outputs
    assert outputs.shape == (1,)
    return float(outputs[0])


def test_xor_preset_computes_xor() -> None:
    """h1 = OR, h2 = NAND, output = AND of them: ≈1 on (1,0),(0,1), ≈0 on (0,0),(1,1)."""
    net = load_preset("xor")
    assert net.sizes == [2, 2, 1]
    assert _output(net, (1.0, 0.0)) > 0.99
    assert _output(net, (0.0, 1.0)) > 0.99
    assert _output(net, (0.0, 0.0)) < 0.01
    assert _output(net, (1.0, 1.0)) < 0.01


@pytest.mark.parametrize(
    ("name", "table"),
    [
        ("and", {(0.0, 0.0): False, (0.0, 1.0): False, (1.0, 0.0): False, (1.0, 1.0): True}),
        ("or", {(0.0, 0.0): False, (0.0, 1.0): True, (1.0, 0.0): True, (1.0, 1.0): True}),
    ],
)
def test_gate_presets_compute_truth_tables(name: str, table: dict[tuple[float, float], bool]) -> None:
    """Weights 20, 20 with bias -30 (AND) or -10 (OR): the nearest sums are ±10, sigmoid(±10) is within 5e-5 of 0/1."""
    net = load_preset(name)
    assert net.sizes == [2, 1]
    assert net.layers[-1].activation == "sigmoid"
    for x, expected in table.items():
        y = _output(net, x)
        if expected:
            assert y > 0.99, (x, y)
        else:
            assert y < 0.01, (x, y)


def test_potatoes_preset_shape_and_saxophone_weight() -> None:
    """3 inputs, one sigmoid output, and the saxophone input barely matters."""
    net = load_preset("potatoes")
    assert net.n_inputs == 3
    assert len(net.layers) == 1
    assert net.layers[0].n_out == 1
    assert net.layers[0].activation == "sigmoid"
    sax = [i for i, n in enumerate(net.input_names) if "saxophone" in n]
    assert len(sax) == 1
    weights = net.layers[0].weights[0]
    others = [abs(w) for i, w in enumerate(weights) if i != sax[0]]
    assert len(others) == 2
    for other in others:
        assert abs(weights[sax[0]]) < other / 10


def test_layers_preset_sizes() -> None:
    """The layers preset is 3 inputs, two hidden layers of 4, one output."""
    assert load_preset("layers").sizes == [3, 4, 4, 1]


def test_every_preset_loads_and_runs() -> None:
    """Each listed preset loads, has a name, and gives a finite forward pass."""
    names = preset_names()
    assert DEFAULT_PRESET in names
    assert {"potatoes", "and", "or", "xor", "layers"} <= set(names)
    assert len(names) == len(set(names))
    for name in names:
        net = load_preset(name)
        result = net.forward()
        assert result.is_finite(), name
        assert result.outputs.shape == (net.sizes[-1],)
        assert net.name


def test_unknown_preset_lists_available() -> None:
    """An unknown preset name raises NetworkFileError naming the valid presets."""
    with pytest.raises(NetworkFileError) as info:
        load_preset("nope")
    message = str(info.value)
    assert '"nope"' in message
    for name in preset_names():
        assert name in message


# --- titles and names ----------------------------------------------------------


def test_titles_and_names_of_named_layers() -> None:
    """Named layers and neurons (xor preset) show their own names."""
    net = load_preset("xor")
    assert net.layer_title(0) == "input"
    assert net.layer_title(1) == "hidden"
    assert net.layer_title(2) == "output"
    assert [net.neuron_name(0, i) for i in range(2)] == ["x1", "x2"]
    assert [net.neuron_name(1, j) for j in range(2)] == ["h1", "h2"]
    assert net.neuron_name(2, 0) == "x1 xor x2"


def test_default_titles_and_names_deep_network() -> None:
    """Unnamed: 'hidden k' titles, hk.j neurons with >2 dense layers, y1.. outputs."""
    net = random_network([2, 3, 4, 2], seed=0)
    assert [net.layer_title(k) for k in range(4)] == ["input", "hidden 1", "hidden 2", "output"]
    assert [net.neuron_name(0, i) for i in range(2)] == ["x1", "x2"]
    assert [net.neuron_name(1, j) for j in range(3)] == ["h1.1", "h1.2", "h1.3"]
    assert [net.neuron_name(2, j) for j in range(4)] == ["h2.1", "h2.2", "h2.3", "h2.4"]
    assert [net.neuron_name(3, j) for j in range(2)] == ["y1", "y2"]


def test_default_names_with_one_hidden_layer_and_single_output() -> None:
    """With two dense layers hidden neurons are h1, h2, ...; a single output is y."""
    net = random_network([3, 2, 1], seed=0)
    assert net.layer_title(1) == "hidden 1"
    assert net.layer_title(2) == "output"
    assert [net.neuron_name(1, j) for j in range(2)] == ["h1", "h2"]
    assert net.neuron_name(2, 0) == "y"


def test_single_layer_network_is_the_output() -> None:
    """A lone dense layer is titled output; a name overrides the default title."""
    net = random_network([2, 3], seed=0)
    assert net.layer_title(1) == "output"
    assert [net.neuron_name(1, j) for j in range(3)] == ["y1", "y2", "y3"]
    net.layers[0].name = "scores"
    assert net.layer_title(1) == "scores"
    net.layers[0].neuron_names = ["cat", "dog", "bird"]
    assert net.neuron_name(1, 2) == "bird"


def test_named_hidden_layer_keeps_default_neuron_names() -> None:
    """Naming a layer changes its title but not the default neuron names."""
    net = random_network([2, 2, 2, 1], seed=0)
    net.layers[1].name = "middle"
    assert net.layer_title(2) == "middle"
    assert net.layer_title(1) == "hidden 1"
    assert net.neuron_name(2, 1) == "h2.2"


# --- the random network factory ------------------------------------------------


def _parameters(net: Network) -> list[np.ndarray]:
    return [net.input_values] + [p for layer in net.layers for p in (layer.weights, layer.bias)]


def test_random_network_same_seed_is_identical() -> None:
    """Two networks from the same seed have equal weights, biases and inputs."""
    a = random_network([4, 6, 3], seed=42)
    b = random_network([4, 6, 3], seed=42)
    for x, y in zip(_parameters(a), _parameters(b)):
        np.testing.assert_array_equal(x, y)


def test_random_network_different_seed_differs() -> None:
    """Another seed gives other weights."""
    a = random_network([4, 6, 3], seed=1)
    b = random_network([4, 6, 3], seed=2)
    assert not np.array_equal(a.layers[0].weights, b.layers[0].weights)
    assert not np.array_equal(a.layers[1].weights, b.layers[1].weights)


@pytest.mark.parametrize("sizes", [[1, 1], [3, 1], [2, 5, 1], [5, 4, 3, 2, 6]])
def test_random_network_respects_sizes(sizes: list[int]) -> None:
    """Layer shapes follow sizes, biases start at 0, inputs in [0, 1), activations as asked."""
    net = random_network(sizes, activation="tanh", output_activation="softmax", seed=5)
    assert net.sizes == sizes
    assert net.input_names == [f"x{i + 1}" for i in range(sizes[0])]
    assert net.name == "-".join(map(str, sizes))
    assert np.all((net.input_values >= 0.0) & (net.input_values < 1.0))
    for k, layer in enumerate(net.layers):
        assert layer.weights.shape == (sizes[k + 1], sizes[k])
        np.testing.assert_array_equal(layer.bias, np.zeros(sizes[k + 1]))
    assert [layer.activation for layer in net.layers] == ["tanh"] * (len(sizes) - 2) + ["softmax"]


def test_random_network_default_activation_and_name() -> None:
    """Without output_activation every layer uses activation; name overrides the default."""
    net = random_network([2, 3, 1], activation="relu", name="mine")
    assert [layer.activation for layer in net.layers] == ["relu", "relu"]
    assert net.name == "mine"


def test_random_network_weight_scale() -> None:
    """Weights are N(0, 1/n_in): a wide layer's sample std is close to 1/sqrt(n_in)."""
    net = random_network([400, 300], seed=9)
    w = net.layers[0].weights
    assert abs(float(w.mean())) < 0.005
    assert float(w.std()) == pytest.approx(1 / 20, rel=0.02)


@pytest.mark.parametrize("sizes", [[], [3], [3, 0], [0, 2], [2, -1], [2, 3, 0, 1]])
def test_random_network_rejects_bad_sizes(sizes: list[int]) -> None:
    """Fewer than two sizes, or any size below 1, raise ValueError."""
    with pytest.raises(ValueError, match="at least one layer"):
        random_network(sizes)
