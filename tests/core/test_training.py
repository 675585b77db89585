"""Training: losses, backpropagation, optimisers, batches, divergence, evaluation."""

from __future__ import annotations

import dataclasses
import warnings
from collections.abc import Iterator
from itertools import chain

import numpy as np
import pytest

from nntui.core.activations import ACTIVATION_NAMES, get_activation
from nntui.core.datasets import make_dataset
from nntui.core.network import DenseLayer, Network
from nntui.core.training import (
    LOSS_NAMES,
    DivergenceError,
    Trainer,
    TrainingConfig,
    TrainingError,
    evaluate,
    gradients,
    loss_and_output_gradient,
    regularization_penalty,
)
from tests.factory import random_network

Array = np.ndarray

# --- helpers -------------------------------------------------------------------

KINKED = {"relu", "leaky_relu", "step"}  # not differentiable at z = 0


def _network(sizes: list[int], activations: list[str], seed: int) -> Network:
    """A network with weights ~ N(0, 1) and biases ~ N(0, 0.5²), seeded."""
    rng = np.random.default_rng(seed)
    layers = [
        DenseLayer(rng.normal(0.0, 1.0, (n_out, n_in)), rng.normal(0.0, 0.5, n_out), act)
        for n_in, n_out, act in zip(sizes[:-1], sizes[1:], activations)
    ]
    return Network([f"x{i}" for i in range(sizes[0])], np.zeros(sizes[0]), layers)


def _targets(loss: str, batch: int, n_out: int, rng: np.random.Generator) -> Array:
    """Targets that make sense for ``loss``: real, in [0, 1], or one-hot."""
    if loss == "mse":
        return rng.normal(0.0, 1.0, (batch, n_out))
    if loss == "binary_cross_entropy":
        return rng.uniform(0.0, 1.0, (batch, n_out))
    return np.eye(n_out)[rng.integers(0, n_out, batch)]


def _away_from_kinks(network: Network, x: Array) -> bool:
    """Every z and every weight is far enough from 0 for finite differences."""
    zs = network.forward(x).pre_activations
    small_z = min(float(np.abs(z).min()) for z in zs)
    small_w = min(float(np.abs(layer.weights).min()) for layer in network.layers)
    return small_z > 1e-3 and small_w > 1e-4


def _numeric_gradients(
    network: Network, x: Array, y: Array, loss: str, reg: str, rate: float, eps: float = 1e-6
) -> list[tuple[Array, Array]]:
    """Central finite differences of the loss (penalty included) for every parameter."""
    result = []
    for layer in network.layers:
        pair = []
        for param in (layer.weights, layer.bias):
            numeric = np.zeros_like(param)
            for index in np.ndindex(param.shape):
                saved = param[index]
                param[index] = saved + eps
                plus, _ = gradients(network, x, y, loss, reg, rate)
                param[index] = saved - eps
                minus, _ = gradients(network, x, y, loss, reg, rate)
                param[index] = saved
                numeric[index] = (plus - minus) / (2 * eps)
            pair.append(numeric)
        result.append((pair[0], pair[1]))
    return result


def _reg_gradient(weights: Array, reg: str, rate: float) -> Array:
    """The penalty's own gradient with respect to the weights."""
    if reg == "l1":
        return rate * np.sign(weights)
    if reg == "l2":
        return rate * weights
    return np.zeros_like(weights)


def _weights(network: Network) -> list[tuple[Array, Array]]:
    """A copy of every layer's (weights, bias)."""
    return [(layer.weights.copy(), layer.bias.copy()) for layer in network.layers]


# --- gradient checks ----------------------------------------------------------

# (output activation, loss, output neurons): every pairing that makes sense.
OUTPUT_CASES: list[tuple[str, str, int]] = [(name, "mse", 2) for name in ACTIVATION_NAMES] + [
    ("sigmoid", "binary_cross_entropy", 2),  # the "with logits" path
    ("softmax", "binary_cross_entropy", 2),  # outputs in (0, 1), the clipped path
    ("softmax", "cross_entropy", 3),  # the "with logits" path
    ("sigmoid", "cross_entropy", 2),  # one-hot targets, the clipped path
]
REG_CASES: list[tuple[str, float]] = [("none", 0.0), ("l1", 0.1), ("l2", 0.1)]


def test_cases_cover_every_activation_and_loss() -> None:
    """The parametrisation below uses every activation at the output and every loss."""
    assert {case[0] for case in OUTPUT_CASES} == set(ACTIVATION_NAMES)
    assert {case[1] for case in OUTPUT_CASES} == set(LOSS_NAMES)


@pytest.mark.parametrize("reg,rate", REG_CASES, ids=[r for r, _ in REG_CASES])
@pytest.mark.parametrize("output,loss,n_out", OUTPUT_CASES, ids=[f"{o}-{loss}" for o, loss, _ in OUTPUT_CASES])
@pytest.mark.parametrize("hidden", ACTIVATION_NAMES)
def test_gradients_match_finite_differences(
    hidden: str, output: str, loss: str, n_out: int, reg: str, rate: float
) -> None:
    """Backprop equals central differences for every weight and bias of a 3-4-3-n net."""
    for seed in range(200):  # the first seeded net whose z and w are all clear of 0
        rng = np.random.default_rng(seed)
        network = _network([3, 4, 3, n_out], [hidden, hidden, output], seed)
        x = rng.normal(0.0, 1.0, (5, 3))
        y = _targets(loss, 5, n_out, rng)
        if _away_from_kinks(network, x):
            break
    else:  # pragma: no cover - the search always succeeds
        pytest.fail("no seed gave a network clear of kinks")

    value, analytic = gradients(network, x, y, loss, reg, rate)
    assert np.isfinite(value)
    numeric = _numeric_gradients(network, x, y, loss, reg, rate)
    assert len(analytic) == len(network.layers)
    for k, ((gw, gb), (nw, nb), layer) in enumerate(zip(analytic, numeric, network.layers)):
        assert gw.shape == layer.weights.shape and gb.shape == layer.bias.shape
        np.testing.assert_allclose(gw, nw, rtol=1e-5, atol=1e-8, err_msg=f"layer {k} weights")
        np.testing.assert_allclose(gb, nb, rtol=1e-5, atol=1e-8, err_msg=f"layer {k} bias")

    # A step neuron passes no gradient: every layer at or below the last step
    # layer gets exactly the penalty's gradient and nothing from the data.
    step_layers = [k for k, layer in enumerate(network.layers) if layer.activation == "step"]
    for k in range(max(step_layers, default=-1) + 1):
        gw, gb = analytic[k]
        np.testing.assert_array_equal(gw, _reg_gradient(network.layers[k].weights, reg, rate))
        np.testing.assert_array_equal(gb, np.zeros_like(gb))


def test_gradients_with_mixed_activations_and_single_sample() -> None:
    """A 1-D sample and a net mixing every kind of hidden layer also check out."""
    network = _network([3, 4, 4, 3, 2], ["tanh", "softmax", "leaky_relu", "sigmoid"], seed=5)
    x = np.array([0.3, -1.2, 0.8])
    y = np.array([1.0, 0.0])
    assert _away_from_kinks(network, x[None, :])
    _, analytic = gradients(network, x, y, "binary_cross_entropy", "l2", 0.05)
    numeric = _numeric_gradients(network, x[None, :], y[None, :], "binary_cross_entropy", "l2", 0.05)
    for (gw, gb), (nw, nb) in zip(analytic, numeric):
        np.testing.assert_allclose(gw, nw, rtol=1e-5, atol=1e-8)
        np.testing.assert_allclose(gb, nb, rtol=1e-5, atol=1e-8)


def test_default_loss_follows_the_output_activation() -> None:
    """No loss given: sigmoid → BCE, softmax → CE, anything else → MSE."""
    rng = np.random.default_rng(1)
    x = rng.normal(size=(4, 2))
    for output, loss in [("sigmoid", "binary_cross_entropy"), ("softmax", "cross_entropy"), ("tanh", "mse")]:
        network = _network([2, 3, 3], ["tanh", output], seed=2)  # 3 outputs: BCE ≠ CE
        y = _targets(loss, 4, 3, rng)
        assert gradients(network, x, y)[0] == gradients(network, x, y, loss)[0]
        others = [name for name in LOSS_NAMES if name != loss]
        assert all(gradients(network, x, y)[0] != gradients(network, x, y, o)[0] for o in others)


# --- numerical stability -----------------------------------------------------------


@pytest.fixture
def strict_numpy() -> Iterator[None]:
    """Any RuntimeWarning or floating-point error fails the test."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with np.errstate(over="raise", invalid="raise", divide="raise"):
            yield


@pytest.mark.parametrize("z", [1000.0, -1000.0, 1e5, -1e5])
def test_bce_with_sigmoid_is_stable_at_huge_logits(z: float, strict_numpy: None) -> None:
    """Right label → loss ≈ 0, wrong label → loss ≈ |z|; finite gradients, no warnings."""
    network = Network(["x"], [0.0], [DenseLayer([[z]], [0.0], "sigmoid")])
    x = np.array([[1.0]])
    right, wrong = float(z > 0), float(z < 0)
    loss_right, grads_right = gradients(network, x, [[right]], "binary_cross_entropy")
    loss_wrong, grads_wrong = gradients(network, x, [[wrong]], "binary_cross_entropy")
    assert 0.0 <= loss_right < 1e-12
    assert loss_wrong == pytest.approx(abs(z), rel=1e-12)
    for grads in (grads_right, grads_wrong):
        assert all(np.isfinite(gw).all() and np.isfinite(gb).all() for gw, gb in grads)
    # d loss / d z is a - y: 0 for the right label, ±1 for the wrong one
    assert grads_right[0][1][0] == pytest.approx(0.0, abs=1e-12)
    assert grads_wrong[0][1][0] == pytest.approx(np.sign(z))
    assert evaluate(network, x, [[wrong]]).loss == pytest.approx(abs(z), rel=1e-12)


@pytest.mark.parametrize("scale", [1000.0, 1e5])
def test_cross_entropy_with_softmax_is_stable_at_huge_logits(scale: float, strict_numpy: None) -> None:
    """Logits (scale, -scale, 0): right class → ≈ 0, wrong → ≈ 2·scale; finite gradients."""
    network = Network(["x"], [0.0], [DenseLayer([[scale], [-scale], [0.0]], [0.0, 0.0, 0.0], "softmax")])
    x = np.array([[1.0]])
    loss_right, grads_right = gradients(network, x, [[1.0, 0.0, 0.0]], "cross_entropy")
    loss_wrong, grads_wrong = gradients(network, x, [[0.0, 1.0, 0.0]], "cross_entropy")
    assert 0.0 <= loss_right < 1e-12
    assert loss_wrong == pytest.approx(2 * scale, rel=1e-12)
    for grads in (grads_right, grads_wrong):
        assert all(np.isfinite(gw).all() and np.isfinite(gb).all() for gw, gb in grads)
    np.testing.assert_allclose(grads_wrong[0][1], [1.0, -1.0, 0.0], atol=1e-12)


def test_clipped_losses_stay_finite_on_saturated_outputs(strict_numpy: None) -> None:
    """BCE on a saturated softmax and CE on a saturated sigmoid give finite numbers."""
    softmax = Network(["x"], [0.0], [DenseLayer([[1000.0], [-1000.0]], [0.0, 0.0], "softmax")])
    sigmoid = Network(["x"], [0.0], [DenseLayer([[1000.0], [-1000.0]], [0.0, 0.0], "sigmoid")])
    x = np.array([[1.0]])
    for network, loss in [(softmax, "binary_cross_entropy"), (sigmoid, "cross_entropy")]:
        value, grads = gradients(network, x, [[0.0, 1.0]], loss)
        assert np.isfinite(value) and value > 10  # confidently wrong costs a lot
        assert all(np.isfinite(gw).all() and np.isfinite(gb).all() for gw, gb in grads)


# --- loss values ------------------------------------------------------------------


def test_mse_is_the_mean_over_every_element() -> None:
    """MSE = mean over batch *and* outputs of (a - y)², PyTorch's MSELoss."""
    rng = np.random.default_rng(3)
    z = rng.normal(size=(5, 3))
    y = rng.normal(size=(5, 3))
    for name in ("linear", "tanh", "sigmoid"):
        a = get_activation(name)(z)
        value, _ = loss_and_output_gradient("mse", name, z, a, y)
        expected = sum((a[i, j] - y[i, j]) ** 2 for i in range(5) for j in range(3)) / 15
        assert value == pytest.approx(expected, rel=1e-12)


@pytest.mark.parametrize("output", ["sigmoid", "softmax"])
def test_bce_is_the_mean_over_every_element(output: str) -> None:
    """BCE = mean over all elements of -(y log a + (1-y) log(1-a)), both code paths."""
    rng = np.random.default_rng(4)
    z = rng.normal(size=(5, 2))
    y = rng.integers(0, 2, size=(5, 2)).astype(float)
    a = get_activation(output)(z)
    value, _ = loss_and_output_gradient("binary_cross_entropy", output, z, a, y)
    terms = [-(y[i, j] * np.log(a[i, j]) + (1 - y[i, j]) * np.log(1 - a[i, j])) for i in range(5) for j in range(2)]
    assert value == pytest.approx(sum(terms) / 10, rel=1e-10)


@pytest.mark.parametrize("output", ["softmax", "sigmoid"])
def test_cross_entropy_is_the_mean_over_the_batch(output: str) -> None:
    """CE = mean over samples of -Σⱼ yⱼ log aⱼ (summed over classes, not averaged)."""
    rng = np.random.default_rng(5)
    z = rng.normal(size=(5, 3))
    y = np.eye(3)[[0, 2, 1, 1, 0]]
    a = get_activation(output)(z)
    value, _ = loss_and_output_gradient("cross_entropy", output, z, a, y)
    per_sample = [-sum(y[i, j] * np.log(a[i, j]) for j in range(3)) for i in range(5)]
    assert value == pytest.approx(sum(per_sample) / 5, rel=1e-10)


def test_unknown_loss_is_refused() -> None:
    """A made-up loss name raises TrainingError listing the valid ones."""
    z = np.zeros((1, 1))
    with pytest.raises(TrainingError, match=r"unknown loss.*mse"):
        loss_and_output_gradient("hinge", "linear", z, z, z)


@pytest.mark.parametrize("reg,rate", [("l1", 0.3), ("l2", 0.3)])
def test_penalty_covers_weights_only_and_is_added_to_the_loss(reg: str, rate: float) -> None:
    """l1 = rate·Σ|w|, l2 = rate/2·Σw², biases excluded; gradients() adds it to the loss."""
    network = _network([2, 3, 1], ["tanh", "linear"], seed=6)
    weights = [layer.weights for layer in network.layers]
    if reg == "l1":
        expected = rate * sum(float(np.abs(w).sum()) for w in weights)
    else:
        expected = rate / 2 * sum(float((w * w).sum()) for w in weights)
    assert regularization_penalty(network, reg, rate) == pytest.approx(expected, rel=1e-12)
    assert regularization_penalty(network, reg, 0.0) == 0.0
    assert regularization_penalty(network, "none", rate) == 0.0
    x, y = np.ones((2, 2)), np.zeros((2, 1))
    plain, _ = gradients(network, x, y, "mse")
    penalised, _ = gradients(network, x, y, "mse", reg, rate)
    assert penalised == pytest.approx(plain + expected, rel=1e-12)
    for layer in network.layers:
        layer.bias += 5.0
    assert regularization_penalty(network, reg, rate) == pytest.approx(expected, rel=1e-12)


# --- optimisers -------------------------------------------------------------------------


@pytest.mark.parametrize("reg,rate", REG_CASES, ids=[r for r, _ in REG_CASES])
def test_one_sgd_step_moves_by_exactly_minus_lr_times_gradient(reg: str, rate: float) -> None:
    """SGD: new = old - lr·grad, bit for bit; step() returns the pre-step loss."""
    network = _network([3, 4, 2], ["tanh", "sigmoid"], seed=7)
    x = np.array([[0.5, -1.0, 2.0]])
    y = np.array([[1.0, 0.0]])
    lr = 0.05
    value, grads = gradients(network.copy(), x, y, None, reg, rate)
    before = _weights(network)
    config = TrainingConfig(
        learning_rate=lr, batch_size=1, optimizer="sgd", regularization=reg, regularization_rate=rate
    )
    trainer = Trainer(network, x, y, config)
    assert trainer.step() == value
    assert trainer.steps_done == 1 and trainer.last_loss == value
    for layer, (w0, b0), (gw, gb) in zip(network.layers, before, grads):
        np.testing.assert_array_equal(layer.weights, w0 - lr * gw)
        np.testing.assert_array_equal(layer.bias, b0 - lr * gb)


def _reference_optimizer(
    network: Network, x: Array, y: Array, optimizer: str, lr: float, mu: float, steps: int
) -> list[list[tuple[Array, Array]]]:
    """Full-batch momentum/Adam written out PyTorch's way; weights after each step."""
    params = [p for layer in network.layers for p in (layer.weights, layer.bias)]
    first = [np.zeros_like(p) for p in params]
    second = [np.zeros_like(p) for p in params]
    beta1, beta2, eps = 0.9, 0.999, 1e-8
    history = []
    for t in range(1, steps + 1):
        _, grads = gradients(network, x, y)
        flat = [g for pair in grads for g in pair]
        for i, (p, g) in enumerate(zip(params, flat)):
            if optimizer == "momentum":
                first[i] = mu * first[i] + g
                p -= lr * first[i]
            else:
                first[i] = beta1 * first[i] + (1 - beta1) * g
                second[i] = beta2 * second[i] + (1 - beta2) * g * g
                m_hat = first[i] / (1 - beta1**t)
                v_hat = second[i] / (1 - beta2**t)
                p -= lr * m_hat / (np.sqrt(v_hat) + eps)
        history.append(_weights(network))
    return history


@pytest.mark.parametrize("optimizer", ["momentum", "adam"])
def test_momentum_and_adam_match_a_reference(optimizer: str) -> None:
    """Three full-batch steps agree with a hand-written PyTorch-style optimiser."""
    network = _network([3, 4, 2], ["tanh", "sigmoid"], seed=8)
    rng = np.random.default_rng(8)
    x = rng.normal(size=(6, 3))
    y = rng.integers(0, 2, size=(6, 2)).astype(float)
    lr, mu = 0.05, 0.8
    expected = _reference_optimizer(network.copy(), x, y, optimizer, lr, mu, steps=3)
    config = TrainingConfig(learning_rate=lr, batch_size=64, optimizer=optimizer, momentum=mu)
    trainer = Trainer(network, x, y, config)
    for step, weights in enumerate(expected):
        trainer.step()
        for k, (layer, (w, b)) in enumerate(zip(network.layers, weights)):
            where = f"step {step + 1} layer {k}"
            np.testing.assert_allclose(layer.weights, w, rtol=1e-10, atol=1e-13, err_msg=where)
            np.testing.assert_allclose(layer.bias, b, rtol=1e-10, atol=1e-13, err_msg=where)
    # the three steps really moved the weights, so the comparison meant something
    start = _weights(_network([3, 4, 2], ["tanh", "sigmoid"], seed=8))
    assert not np.allclose(start[0][0], network.layers[0].weights)


# --- determinism and batches -----------------------------------------------------------------


def _blob_data(seed: int = 9, n: int = 40) -> tuple[Array, Array]:
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(n, 2))
    y = (x[:, :1] * x[:, 1:] > 0).astype(float)
    return x, y


@pytest.mark.parametrize("optimizer", ["sgd", "momentum", "adam"])
def test_training_is_deterministic(optimizer: str) -> None:
    """Same network, data and config → the same weights bit for bit; another seed → others."""
    base = random_network([2, 5, 1], activation="tanh", seed=3)
    x, y = _blob_data()
    config = TrainingConfig(learning_rate=0.05, batch_size=8, optimizer=optimizer, seed=7)
    runs = []
    for seed in (7, 7, 8):
        network = base.copy()
        trainer = Trainer(network, x, y, dataclasses.replace(config, seed=seed))
        runs.append((network, [trainer.step() for _ in range(25)]))
    (first, losses1), (second, losses2), (other, losses3) = runs
    assert losses1 == losses2
    for a, b in zip(first.layers, second.layers):
        np.testing.assert_array_equal(a.weights, b.weights)
        np.testing.assert_array_equal(a.bias, b.bias)
    assert losses1 != losses3
    assert not np.array_equal(first.layers[0].weights, other.layers[0].weights)


def test_different_seeds_give_different_batches() -> None:
    """The seed decides the shuffle: two seeds give two different batch sequences."""
    x = np.arange(20, dtype=float).reshape(-1, 1)
    y = np.zeros((20, 1))
    network = Network(["x"], [0.0], [DenseLayer([[1.0]], [0.0], "linear")])

    def sequence(seed: int) -> list[int]:
        trainer = Trainer(network, x, y, TrainingConfig(batch_size=5, seed=seed))
        return [int(v) for _ in range(8) for v in trainer._batch()[0][:, 0]]

    assert sequence(1) == sequence(1)
    assert sequence(1) != sequence(2)


def _sample_ids(n: int, batch_size: int, batches: int, seed: int = 0) -> list[list[int]]:
    """The sample numbers in each of the first ``batches`` mini-batches."""
    x = np.arange(n, dtype=float).reshape(-1, 1)
    y = np.arange(n, dtype=float).reshape(-1, 1) * 10
    network = Network(["x"], [0.0], [DenseLayer([[1.0]], [0.0], "linear")])
    trainer = Trainer(network, x, y, TrainingConfig(batch_size=batch_size, seed=seed))
    result = []
    for _ in range(batches):
        bx, by = trainer._batch()
        np.testing.assert_array_equal(by, bx * 10)  # inputs and targets stay paired
        result.append([int(v) for v in bx[:, 0]])
    return result


def test_every_sample_once_per_epoch() -> None:
    """12 samples in batches of 4: each epoch's 3 batches are a shuffled permutation."""
    ids = _sample_ids(12, 4, batches=3 * 6)
    epochs = [list(chain.from_iterable(ids[i : i + 3])) for i in range(0, len(ids), 3)]
    for epoch in epochs:
        assert sorted(epoch) == list(range(12))
    assert len({tuple(epoch) for epoch in epochs}) > 1  # reshuffled between epochs
    assert epochs[0] != list(range(12))


def test_batch_larger_than_the_data_is_the_whole_data() -> None:
    """batch_size ≥ samples: every batch holds every sample exactly once."""
    for batch in _sample_ids(7, 100, batches=4):
        assert sorted(batch) == list(range(7))


def test_every_sample_once_per_epoch_when_the_batch_does_not_divide_the_data() -> None:
    """10 samples in batches of 4: no sample is used twice before all 10 were used.

    Any scheme that covers every sample once per epoch (a short last batch, or
    wrapping into the next shuffle) passes; dropping the remainder does not.
    """
    ids = list(chain.from_iterable(_sample_ids(10, 4, batches=15, seed=0)))
    for start in range(0, 50, 10):
        assert sorted(ids[start : start + 10]) == list(range(10)), f"samples {start}..{start + 9}"


# --- divergence ---------------------------------------------------------------------------


def test_huge_learning_rate_diverges_and_restores_the_last_weights() -> None:
    """lr 1e6 on a linear net: DivergenceError soon; weights are those from before that step."""
    network = _network([2, 3, 1], ["linear", "linear"], seed=10)
    x, _ = _blob_data(10, n=20)
    y = x.sum(axis=1, keepdims=True)
    config = TrainingConfig(learning_rate=1e6, batch_size=20, optimizer="sgd", loss="mse")
    trainer = Trainer(network, x, y, config)
    error: DivergenceError | None = None
    for _ in range(200):
        before = _weights(network)
        try:
            trainer.step()
        except DivergenceError as caught:
            error = caught
            break
    assert error is not None, "training never diverged"
    assert trainer.steps_done >= 1  # it failed on a later step, not the very first
    message = str(error)
    assert "diverged" in message and "learning rate" in message
    for k, (layer, (w, b)) in enumerate(zip(network.layers, before)):
        assert np.isfinite(layer.weights).all() and np.isfinite(layer.bias).all()
        np.testing.assert_array_equal(layer.weights, w, err_msg=f"layer {k} weights")
        np.testing.assert_array_equal(layer.bias, b, err_msg=f"layer {k} bias")


def test_overflowing_update_is_undone() -> None:
    """Finite gradients but an update that overflows: the step's own weights come back."""
    network = Network(["x"], [0.0], [DenseLayer([[1.0]], [0.5], "linear")])
    x, y = np.array([[10.0]]), np.array([[0.0]])
    config = TrainingConfig(learning_rate=1e-3, batch_size=1, optimizer="sgd", loss="mse")
    trainer = Trainer(network, x, y, config)
    trainer.step()  # one ordinary step first
    before = _weights(network)
    trainer.config = dataclasses.replace(config, learning_rate=1e308)
    with pytest.raises(DivergenceError, match=r"diverged.*learning rate"):
        trainer.step()
    np.testing.assert_array_equal(network.layers[0].weights, before[0][0])
    np.testing.assert_array_equal(network.layers[0].bias, before[0][1])
    assert trainer.steps_done == 1


# --- validation -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "changes,fragment",
    [
        ({"learning_rate": 0.0}, "learning rate must be a positive number"),
        ({"learning_rate": -0.1}, "learning rate must be a positive number"),
        ({"learning_rate": float("nan")}, "learning rate must be a positive number"),
        ({"learning_rate": float("inf")}, "learning rate must be a positive number"),
        ({"batch_size": 0}, "batch size must be at least 1"),
        ({"batch_size": -3}, "batch size must be at least 1"),
        ({"optimizer": "rmsprop"}, 'unknown optimizer "rmsprop" (valid: sgd, momentum, adam)'),
        ({"regularization": "l3"}, 'unknown regularization "l3" (valid: none, l1, l2)'),
        ({"regularization_rate": -0.01}, "regularization rate must be a number ≥ 0"),
        ({"regularization_rate": float("nan")}, "regularization rate must be a number ≥ 0"),
        ({"loss": "hinge"}, 'unknown loss "hinge" (valid: mse, binary_cross_entropy, cross_entropy)'),
    ],
)
def test_config_refuses_bad_values(changes: dict[str, object], fragment: str) -> None:
    """Each bad value is refused with a message naming it, by validated() and Trainer."""
    config = TrainingConfig(**changes)  # type: ignore[arg-type]
    with pytest.raises(TrainingError) as info:
        config.validated()
    assert fragment in str(info.value)
    network = random_network([2, 1])
    with pytest.raises(TrainingError):
        Trainer(network, np.zeros((3, 2)), np.zeros((3, 1)), config)


def test_good_config_validates_to_itself() -> None:
    """A valid config comes back unchanged."""
    config = TrainingConfig(
        learning_rate=0.5,
        batch_size=1,
        optimizer="adam",
        regularization="l2",
        regularization_rate=0.0,
        loss="cross_entropy",
    )
    assert config.validated() is config
    assert TrainingConfig().validated() == TrainingConfig()


@pytest.mark.parametrize(
    "x_shape,y_shape,fragment",
    [
        ((4, 3), (4, 1), "3 input columns but the network has 2 inputs"),
        ((4,), (4, 1), "input columns"),
        ((4, 2), (4, 2), "2 output columns but the network has 1 outputs"),
        ((4, 2), (4,), "output columns"),
        ((4, 2), (5, 1), "as many targets as samples"),
        ((0, 2), (0, 1), "at least one"),
    ],
)
def test_trainer_refuses_mismatched_data(x_shape: tuple[int, ...], y_shape: tuple[int, ...], fragment: str) -> None:
    """Data that does not fit the network's inputs/outputs is refused up front."""
    network = random_network([2, 3, 1])
    with pytest.raises(TrainingError, match=fragment):
        Trainer(network, np.zeros(x_shape), np.zeros(y_shape))


# --- evaluation -------------------------------------------------------------------------


def test_binary_accuracy_thresholds_at_one_half() -> None:
    """One sigmoid output: predicted class is a ≥ 0.5, compared with y ≥ 0.5."""
    network = Network(["x"], [0.0], [DenseLayer([[1.0]], [0.0], "sigmoid")])
    x = np.array([[-2.0], [-0.1], [0.1], [2.0], [3.0]])
    y = np.array([[0.0], [1.0], [1.0], [0.0], [1.0]])
    result = evaluate(network, x, y)
    assert result.accuracy == pytest.approx(3 / 5)
    assert result.loss == pytest.approx(gradients(network, x, y)[0])


def test_multiclass_accuracy_uses_argmax() -> None:
    """Several outputs: predicted class is the largest output, actual the one-hot index."""
    network = Network(
        ["x1", "x2"], [0.0, 0.0], [DenseLayer([[1.0, 0.0], [0.0, 1.0], [-1.0, -1.0]], [0.0, 0.0, 0.0], "softmax")]
    )
    x = np.array([[2.0, 0.0], [0.0, 2.0], [-2.0, -2.0], [3.0, 1.0]])  # argmax 0, 1, 2, 0
    y = np.eye(3)[[0, 1, 1, 2]]
    result = evaluate(network, x, y)
    assert result.accuracy == pytest.approx(0.5)
    assert result.loss == pytest.approx(gradients(network, x, y, "cross_entropy")[0])


def test_regression_has_no_accuracy() -> None:
    """classification=False: accuracy is None and the loss is the plain MSE."""
    network = Network(["x"], [0.0], [DenseLayer([[2.0]], [1.0], "linear")])
    x = np.array([[0.0], [1.0], [2.0]])
    y = np.array([[1.0], [4.0], [4.0]])  # outputs 1, 3, 5 → errors 0, -1, 1
    result = evaluate(network, x, y, classification=False)
    assert result.accuracy is None
    assert result.loss == pytest.approx(2 / 3)


def test_evaluate_leaves_out_the_penalty() -> None:
    """evaluate reports the data loss only, lower than gradients() with a penalty."""
    network = _network([2, 3, 1], ["tanh", "sigmoid"], seed=11)
    x, y = _blob_data(11, n=10)
    plain = evaluate(network, x, y).loss
    assert plain == pytest.approx(gradients(network, x, y)[0])
    assert gradients(network, x, y, None, "l2", 1.0)[0] > plain + 0.1


# --- learning ---------------------------------------------------------------------------


@pytest.mark.parametrize("seed", [0, 1])
@pytest.mark.parametrize("dataset", ["xor", "circle"])
def test_adam_learns_xor_and_circle(dataset: str, seed: int) -> None:
    """A 2-8-8-1 tanh/sigmoid net goes from chance to > 95% test accuracy in 2000 Adam steps."""
    data = make_dataset(dataset, samples=400, noise=0.0, test_fraction=0.5, seed=seed)
    network = random_network([2, 8, 8, 1], activation="tanh", output_activation="sigmoid", seed=seed)
    before = evaluate(network, data.x_test, data.y_test)
    assert before.accuracy is not None and before.accuracy < 0.7  # starts near chance
    config = TrainingConfig(learning_rate=0.03, batch_size=32, optimizer="adam", seed=seed)
    trainer = Trainer(network, data.x_train, data.y_train, config)
    trainer.run(2000)
    after = evaluate(network, data.x_test, data.y_test)
    assert trainer.steps_done == 2000
    assert after.accuracy is not None and after.accuracy > 0.95
    assert after.loss < before.loss / 5


@pytest.mark.parametrize("optimizer", ["sgd", "momentum", "adam"])
def test_a_single_step_that_makes_the_loss_infinite_is_undone(optimizer: str) -> None:
    """lr 1e308: the first step's weights are finite (±1e308) but no loss can be computed with
    them. The step diverged: its weights are dropped, as when the next step would have found it."""
    network = _network([2, 4, 1], ["tanh", "linear"], seed=21)
    x, _ = _blob_data(21, n=20)
    y = x.sum(axis=1, keepdims=True)
    trainer = Trainer(
        network, x, y, TrainingConfig(learning_rate=1e308, batch_size=20, optimizer=optimizer, loss="mse")
    )
    before = _weights(network)
    with pytest.raises(DivergenceError, match="diverged at step 1"):
        trainer.step()
    assert trainer.steps_done == 0 and trainer.samples_used == 0
    for layer, (w, b) in zip(network.layers, before):
        np.testing.assert_array_equal(layer.weights, w)
        np.testing.assert_array_equal(layer.bias, b)


def test_playing_into_a_divergence_leaves_weights_whose_loss_is_finite() -> None:
    """In a run of many steps, the step that made the loss infinite is the one before the step that
    found it: its weights go too, so what is left can be shown and trained from."""
    network = _network([2, 4, 1], ["relu", "linear"], seed=22)
    x, _ = _blob_data(22, n=20)
    y = x.sum(axis=1, keepdims=True)
    trainer = Trainer(network, x, y, TrainingConfig(learning_rate=1e150, batch_size=20, optimizer="sgd", loss="mse"))
    with pytest.raises(DivergenceError) as caught:
        trainer.run(50)
    assert f"diverged at step {trainer.steps_done + 1}" in str(caught.value)
    outputs = np.array([network.forward(row).outputs for row in x])
    assert np.isfinite(np.mean((outputs - y) ** 2))
