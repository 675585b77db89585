"""The loss slice: the loss along one parameter, its slope, and the network left alone."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from nntui.core.activations import ACTIVATION_NAMES
from nntui.core.backward import parameter_refs
from nntui.core.datasets import make_dataset
from nntui.core.edits import ParamRef
from nntui.core.loss_slice import loss_slice
from nntui.core.network import DenseLayer, Network
from nntui.core.presets import load_preset
from nntui.core.training import evaluate
from nntui.i18n import set_language

SMOOTH = [name for name in ACTIVATION_NAMES if name not in ("relu", "leaky_relu", "step")]


def _network(sizes: list[int], activations: list[str], seed: int) -> Network:
    rng = np.random.default_rng(seed)
    layers = [
        DenseLayer(rng.normal(0.0, 1.0, (n_out, n_in)), rng.normal(0.0, 0.5, n_out), act)
        for n_in, n_out, act in zip(sizes[:-1], sizes[1:], activations)
    ]
    return Network([f"x{i}" for i in range(sizes[0])], np.zeros(sizes[0]), layers)


def _loss(network: Network, x: np.ndarray, y: np.ndarray) -> float:
    return evaluate(network, x, y, classification=False).loss


def test_the_curve_is_the_loss_at_each_value() -> None:
    network = load_preset("xor")
    x = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
    y = np.array([[0.0], [1.0], [1.0], [0.0]])
    ref = ParamRef.weight(1, 0, 1)
    curve = loss_slice(network, ref, x, y, points=11)
    current = ref.get(network)
    assert curve.current == current
    assert len(curve.values) == len(curve.losses) == 11
    assert curve.values[5] == pytest.approx(current)
    assert curve.values[0] == pytest.approx(current - max(1.0, 2 * abs(current)))
    assert curve.values[-1] == pytest.approx(current + max(1.0, 2 * abs(current)))
    assert curve.current_loss == pytest.approx(_loss(network, x, y))
    for value, loss in zip(curve.values, curve.losses):
        moved = network.copy()
        ref.set(moved, float(value))
        assert loss == pytest.approx(_loss(moved, x, y), rel=1e-12)


def test_the_default_span_is_at_least_one() -> None:
    network = load_preset("potatoes")
    ref = ParamRef.weight(0, 0, 2)  # 0.1
    curve = loss_slice(network, ref, network.input_values, [1.0])
    assert (curve.values[0], curve.values[-1]) == pytest.approx((0.1 - 1.0, 0.1 + 1.0))
    assert len(curve.values) == 41
    wide = loss_slice(network, ParamRef.weight(0, 0, 0), network.input_values, [1.0], span=0.5, points=3)
    assert list(wide.values) == pytest.approx([2.5, 3.0, 3.5])


@settings(max_examples=60, deadline=None)
@given(
    sizes=st.lists(st.integers(1, 3), min_size=2, max_size=4),
    activation=st.sampled_from(SMOOTH),
    output=st.sampled_from(["sigmoid", "softmax", "linear", "tanh"]),
    seed=st.integers(0, 2**16),
    rows=st.integers(1, 5),
    pick=st.integers(0, 1000),
)
def test_the_slope_matches_finite_differences(
    sizes: list[int], activation: str, output: str, seed: int, rows: int, pick: int
) -> None:
    network = _network(sizes, [activation] * (len(sizes) - 2) + [output], seed)
    rng = np.random.default_rng(seed)
    x = rng.normal(0.0, 1.0, (rows, sizes[0]))
    y = rng.uniform(0.0, 1.0, (rows, sizes[-1]))
    if output == "softmax":
        y = np.eye(sizes[-1])[rng.integers(0, sizes[-1], rows)]
    refs = parameter_refs(network)
    ref = refs[pick % len(refs)]
    curve = loss_slice(network, ref, x, y, points=5)
    assume(np.isfinite(curve.current_loss))
    eps = 1e-6
    work = network.copy()
    saved = ref.get(work)
    ref.set(work, saved + eps)
    high = _loss(work, x, y)
    ref.set(work, saved - eps)
    low = _loss(work, x, y)
    assert curve.slope == pytest.approx((high - low) / (2 * eps), rel=1e-4, abs=1e-6)


def test_an_input_moves_in_every_row_and_its_slope_is_right() -> None:
    network = _network([2, 3, 1], ["tanh", "sigmoid"], seed=4)
    x, y = np.array([0.3, -0.2]), np.array([1.0])
    curve = loss_slice(network, ParamRef.input(1), x, y, points=9)
    assert curve.current == -0.2
    eps = 1e-6
    plus, minus = x.copy(), x.copy()
    plus[1] += eps
    minus[1] -= eps
    numeric = (_loss(network, plus[None], y[None]) - _loss(network, minus[None], y[None])) / (2 * eps)
    assert curve.slope == pytest.approx(numeric, rel=1e-5)
    for value, loss in zip(curve.values, curve.losses):
        assert loss == pytest.approx(_loss(network, np.array([[0.3, value]]), y[None]))
    rows = np.array([[0.3, -0.2], [0.9, -0.2]])  # the same value in the moved column: fine
    assert loss_slice(network, ParamRef.input(1), rows, [[1.0], [0.0]]).current == -0.2
    with pytest.raises(ValueError, match='input "x0" differs from sample to sample'):
        loss_slice(network, ParamRef.input(0), rows, [[1.0], [0.0]])


def test_a_whole_dataset_gives_the_mean_loss() -> None:
    data = make_dataset("circle", samples=60, seed=1)
    network = _network([2, 4, 1], ["tanh", "sigmoid"], seed=0)
    curve = loss_slice(network, ParamRef.bias(0, 2), data.x_train, data.y_train)
    assert curve.current_loss == pytest.approx(_loss(network, data.x_train, data.y_train))
    assert curve.losses[20] == pytest.approx(curve.current_loss)


def test_the_network_is_not_changed() -> None:
    network = load_preset("layers")
    before = network.copy()
    for ref in [*parameter_refs(network)[:5], ParamRef.input(0)]:
        loss_slice(network, ref, network.input_values, np.zeros(network.layers[-1].n_out))
    for layer, kept in zip(network.layers, before.layers):
        assert np.array_equal(layer.weights, kept.weights) and np.array_equal(layer.bias, kept.bias)
    assert np.array_equal(network.input_values, before.input_values)


def test_the_slope_points_uphill() -> None:
    network = load_preset("potatoes")
    curve = loss_slice(network, ParamRef.bias(0, 0), [1.0, 1.0, 0.0], [0.0], span=0.01, points=3)
    assert curve.slope > 0 and curve.losses[0] < curve.current_loss < curve.losses[-1]


@pytest.mark.parametrize(
    ("ref", "kwargs", "message"),
    [
        (ParamRef.weight(0, 0, 5), {}, "this network has no such number"),
        (ParamRef.bias(3, 0), {}, "this network has no such number"),
        (ParamRef.input(7), {}, "this network has no such number"),
        (ParamRef.bias(0, 0), {"points": 1}, "2 or more, not 1"),
        (ParamRef.bias(0, 0), {"span": 0.0}, "positive number, not 0.0"),
        (ParamRef.bias(0, 0), {"span": float("nan")}, "positive number, not nan"),
    ],
)
def test_bad_arguments_are_refused_in_words(ref: ParamRef, kwargs: dict[str, float], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        loss_slice(load_preset("potatoes"), ref, [1.0, 0.0, 0.0], [1.0], **kwargs)


def test_errors_are_in_french_too() -> None:
    set_language("fr")
    with pytest.raises(ValueError, match="2 ou plus, pas 1"):
        loss_slice(load_preset("potatoes"), ParamRef.bias(0, 0), [1.0, 0.0, 0.0], [1.0], points=1)
