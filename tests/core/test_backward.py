"""The backward pass for one sample: against the trainer's gradients, finite differences,
and one step of the trainer itself; gradient_step against w ← w − η·g."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from nntui.core.activations import ACTIVATION_NAMES
from nntui.core.backward import backpropagate, backward, gradient_step, parameter_gradients, parameter_refs
from nntui.core.edits import ParamRef
from nntui.core.network import DenseLayer, Network
from nntui.core.presets import load_preset
from nntui.core.training import LOSS_NAMES, Trainer, TrainingConfig, default_loss, gradients
from nntui.i18n import set_language

Array = np.ndarray


def _network(sizes: list[int], activations: list[str], seed: int) -> Network:
    rng = np.random.default_rng(seed)
    layers = [
        DenseLayer(rng.normal(0.0, 1.0, (n_out, n_in)), rng.normal(0.0, 0.5, n_out), act)
        for n_in, n_out, act in zip(sizes[:-1], sizes[1:], activations)
    ]
    return Network([f"x{i}" for i in range(sizes[0])], rng.uniform(0, 1, sizes[0]), layers)


def _target(loss: str, n_out: int, rng: np.random.Generator) -> Array:
    if loss == "mse":
        return rng.normal(0.0, 1.0, n_out)
    if loss == "binary_cross_entropy":
        return rng.uniform(0.0, 1.0, n_out)
    return np.eye(n_out)[rng.integers(0, n_out)]


@st.composite
def cases(draw: st.DrawFn) -> tuple[Network, Array, Array, str | None]:
    """A small random network, one sample, a target, and a loss (None: the default one)."""
    sizes = draw(st.lists(st.integers(1, 3), min_size=2, max_size=4))
    activations = draw(st.lists(st.sampled_from(ACTIVATION_NAMES), min_size=len(sizes) - 1, max_size=len(sizes) - 1))
    seed = draw(st.integers(0, 2**16))
    network = _network(sizes, activations, seed)
    loss = draw(st.sampled_from([None, *LOSS_NAMES]))
    rng = np.random.default_rng(seed + 1)
    x = rng.normal(0.0, 1.0, sizes[0])
    target = _target(loss or default_loss(network), sizes[-1], rng)
    return network, x, target, loss


def _mean_loss(network: Network, x: Array, target: Array, loss: str | None) -> float:
    return backpropagate(network, x[None, :], target[None, :], loss).loss


def _away_from_kinks(network: Network, x: Array) -> bool:
    """Every z is far enough from 0 that no kink (relu, leaky_relu, step) lies within eps."""
    zs = network.forward(x).pre_activations
    return min(float(np.abs(z).min()) for z in zs) > 1e-3


# --- the numbers agree with training -------------------------------------------------------


@settings(max_examples=150, deadline=None)
@given(case=cases())
def test_the_loss_and_gradients_are_the_trainers_on_a_batch_of_one(
    case: tuple[Network, Array, Array, str | None],
) -> None:
    network, x, target, loss = case
    passed = backward(network, x, target, loss)
    value, expected = gradients(network, x[None, :], target[None, :], loss)
    assert passed.loss_name == (loss or default_loss(network))
    assume(np.isfinite(value))
    assert passed.loss == pytest.approx(value, rel=1e-9, abs=1e-12)
    for (dw, db), (ew, eb) in zip(passed.gradients(), expected):
        assert np.allclose(dw, ew, rtol=1e-7, atol=1e-10)
        assert np.allclose(db, eb, rtol=1e-7, atol=1e-10)


@settings(max_examples=100, deadline=None)
@given(case=cases())
def test_the_gradients_match_finite_differences(case: tuple[Network, Array, Array, str | None]) -> None:
    network, x, target, loss = case
    # the cross-entropies clip outputs outside (0, 1): only sigmoid and softmax give such outputs
    assume(loss in (None, "mse") or network.layers[-1].activation in ("sigmoid", "softmax"))
    assume(_away_from_kinks(network, x))
    passed = backward(network, x, target, loss)
    assume(np.isfinite(passed.loss))
    eps = 1e-6
    work = network.copy()
    for ref in parameter_refs(network) + [ParamRef.input(i) for i in range(network.n_inputs)]:
        if ref.kind == "input":
            plus, minus = x.copy(), x.copy()
            plus[ref.row] += eps
            minus[ref.row] -= eps
            numeric = (_mean_loss(work, plus, target, loss) - _mean_loss(work, minus, target, loss)) / (2 * eps)
        else:
            saved = ref.get(work)
            ref.set(work, saved + eps)
            high = _mean_loss(work, x, target, loss)
            ref.set(work, saved - eps)
            low = _mean_loss(work, x, target, loss)
            ref.set(work, saved)
            numeric = (high - low) / (2 * eps)
        assert passed.gradient(ref) == pytest.approx(numeric, rel=1e-4, abs=1e-6), ref


def test_one_trainer_step_moves_the_weights_as_gradient_step() -> None:
    """SGD, a batch of one: the trainer and gradient_step give the same network."""
    for activations in (["tanh", "sigmoid"], ["relu", "softmax"], ["sigmoid", "linear"]):
        network = _network([2, 3, 2], activations, seed=3)
        x = np.array([[0.3, -0.8]])
        y = np.array([[1.0, 0.0]])
        stepped, _ = gradient_step(network, x[0], y[0], 0.5)
        trained = network.copy()
        Trainer(trained, x, y, TrainingConfig(learning_rate=0.5, batch_size=1, optimizer="sgd")).step()
        for a, b in zip(stepped.layers, trained.layers):
            assert np.allclose(a.weights, b.weights, rtol=1e-12, atol=1e-14)
            assert np.allclose(a.bias, b.bias, rtol=1e-12, atol=1e-14)


# --- what the screen shows --------------------------------------------------------------------


def test_every_column_z_and_delta_is_kept() -> None:
    network = load_preset("xor")
    x, target = np.array([1.0, 0.0]), np.array([1.0])
    passed = backward(network, x, target)
    forward = network.forward(x)
    assert len(passed.activations) == 3 and len(passed.zs) == 2 and len(passed.deltas) == 2
    for kept, expected in zip(passed.activations, forward.activations):
        assert np.array_equal(kept, expected)
    for kept, expected in zip(passed.zs, forward.pre_activations):
        assert np.array_equal(kept, expected)
    assert passed.loss_name == "binary_cross_entropy"
    assert np.array_equal(passed.inputs, x) and np.array_equal(passed.target, target)
    # sigmoid with cross-entropy: the output's δ is simply a - y
    assert passed.deltas[-1] == pytest.approx(forward.outputs - target)


def test_weight_gradient_is_delta_times_the_incoming_activation() -> None:
    network = _network([3, 2, 2], ["tanh", "sigmoid"], seed=1)
    passed = backward(network, [0.2, -0.4, 0.9], [0.0, 1.0])
    dw = passed.gradients()
    for layer in range(2):
        for j in range(network.layers[layer].n_out):
            assert passed.bias_gradient(layer, j) == passed.deltas[layer][j]
            assert passed.gradient(ParamRef.bias(layer, j)) == passed.deltas[layer][j]
            for i in range(network.layers[layer].n_in):
                delta, a, product = passed.weight_gradient(layer, j, i)
                assert delta == passed.deltas[layer][j]
                assert a == passed.activations[layer][i]
                assert product == delta * a == dw[layer][0][j, i]
                assert passed.gradient(ParamRef.weight(layer, j, i)) == product


def test_input_gradient_is_the_weights_times_the_first_deltas() -> None:
    network = _network([2, 3, 1], ["tanh", "sigmoid"], seed=2)
    passed = backward(network, [0.5, 0.5], [1.0])
    expected = network.layers[0].weights.T @ passed.deltas[0]
    assert [passed.gradient(ParamRef.input(i)) for i in range(2)] == pytest.approx(expected)


def test_a_single_row_or_a_list_is_one_sample_and_the_network_is_unchanged() -> None:
    network = load_preset("potatoes")
    before = network.layers[0].weights.copy()
    one = backward(network, [[1.0, 0.0, 1.0]], [[1.0]])
    two = backward(network, (1, 0, 1), 1.0)
    assert one.loss == two.loss
    assert np.array_equal(network.layers[0].weights, before)


def test_wrong_shapes_are_refused_in_words() -> None:
    network = load_preset("xor")
    with pytest.raises(ValueError, match="one sample of 2 input values"):
        backward(network, [1.0, 0.0, 1.0], [1.0])
    with pytest.raises(ValueError, match="one sample of 2 input values"):
        backward(network, [[1.0, 0.0], [0.0, 1.0]], [1.0])
    with pytest.raises(ValueError, match="one target of 1 values"):
        backward(network, [1.0, 0.0], [1.0, 0.0])
    with pytest.raises(ValueError, match=r"expected 3 target row\(s\) of 1 value\(s\), got shape \(3, 2\)"):
        backpropagate(load_preset("xor"), np.zeros((3, 2)), np.zeros((3, 2)))
    set_language("fr")
    with pytest.raises(ValueError, match="une cible de 1 valeur"):
        backward(network, [1.0, 0.0], [1.0, 0.0])


def test_batch_backpropagation_averages_over_the_rows() -> None:
    network = _network([2, 3, 1], ["relu", "sigmoid"], seed=5)
    x = np.array([[0.1, 0.2], [0.7, -0.3], [-1.0, 0.4]])
    y = np.array([[1.0], [0.0], [1.0]])
    value, expected = gradients(network, x, y)
    result = backpropagate(network, x, y)
    assert result.loss == pytest.approx(value)
    for (dw, db), (ew, eb) in zip(parameter_gradients(result), expected):
        assert np.allclose(dw, ew) and np.allclose(db, eb)


# --- gradient_step --------------------------------------------------------------------------


@settings(max_examples=60, deadline=None)
@given(case=cases(), rate=st.floats(1e-3, 2.0))
def test_gradient_step_is_w_minus_rate_times_g(case: tuple[Network, Array, Array, str | None], rate: float) -> None:
    network, x, target, loss = case
    before = network.copy()
    passed = backward(network, x, target, loss)
    new, moves = gradient_step(network, x, target, rate, loss)
    assert [ref for ref, *_ in moves] == parameter_refs(network)
    assert len(moves) == sum(layer.weights.size + layer.bias.size for layer in network.layers)
    for ref, old, gradient, value in moves:
        assert old == ref.get(before)
        assert gradient == passed.gradient(ref) or (np.isnan(gradient) and np.isnan(passed.gradient(ref)))
        expected = old - rate * gradient
        assert value == expected or (np.isnan(value) and np.isnan(expected))
        assert ref.get(new) == value or np.isnan(value)
    for layer, kept in zip(network.layers, before.layers):  # the input network is untouched
        assert np.array_equal(layer.weights, kept.weights, equal_nan=True)
        assert np.array_equal(layer.bias, kept.bias, equal_nan=True)


def test_gradient_step_gives_an_independent_network_with_the_same_names() -> None:
    network = load_preset("potatoes")
    new, moves = gradient_step(network, [1.0, 1.0, 0.0], [0.0], 0.1)
    assert new is not network and new.layers[0].weights is not network.layers[0].weights
    assert new.input_names == network.input_names and new.name == network.name
    assert new.layers[0].neuron_names == network.layers[0].neuron_names
    assert np.array_equal(new.input_values, network.input_values)
    ref, old, gradient, value = moves[0]
    assert ref == ParamRef.weight(0, 0, 0) and gradient > 0 and value < old  # a yes pushed towards no
    assert moves[-1][0] == ParamRef.bias(0, 0)


def test_a_step_lowers_the_loss_for_a_small_rate() -> None:
    network = _network([2, 4, 1], ["tanh", "sigmoid"], seed=9)
    x, y = np.array([0.4, -0.6]), np.array([1.0])
    new, _ = gradient_step(network, x, y, 0.01)
    assert backward(new, x, y).loss < backward(network, x, y).loss


@pytest.mark.parametrize("rate", [0.0, -0.1, float("nan"), float("inf")])
def test_a_bad_learning_rate_is_refused(rate: float) -> None:
    with pytest.raises(ValueError, match="learning rate must be a positive number"):
        gradient_step(load_preset("xor"), [1.0, 0.0], [1.0], rate)
