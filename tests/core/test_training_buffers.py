"""The buffered trainer: exact against gradients(), and the old trainer's numbers to rounding.

``benchmarks/baseline_training.py`` is the training core as it was before
the speed work (allocating every array, batch-first, one parameter at a
time).  The new one adds up the matrix products in another order, so every
combination of activation, loss, optimiser and regularization must give the
old weights and losses to rounding (1e-9 relative after the steps taken), and
the same divergence at the same step.  Against ``gradients()``, which runs
the same code, a step must be exact to the last bit, whatever the batch.
"""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from benchmarks import baseline_training as baseline
from nntui.core.activations import ACTIVATION_NAMES
from nntui.core.network import DenseLayer, Network
from nntui.core.training import (
    DivergenceError,
    Trainer,
    TrainingConfig,
    TrainingError,
    gradients,
)

Array = np.ndarray


def _network(sizes: list[int], activations: list[str], seed: int, scale: float = 1.0) -> Network:
    rng = np.random.default_rng(seed)
    layers = [
        DenseLayer(rng.normal(0.0, scale, (n_out, n_in)), rng.normal(0.0, 0.5, n_out), act)
        for n_in, n_out, act in zip(sizes[:-1], sizes[1:], activations)
    ]
    return Network([f"x{i}" for i in range(sizes[0])], np.zeros(sizes[0]), layers)


def _targets(loss: str, n: int, n_out: int, rng: np.random.Generator) -> Array:
    if loss == "mse":
        return rng.normal(0.0, 1.0, (n, n_out))
    if loss == "binary_cross_entropy":
        return (rng.random((n, n_out)) < 0.5).astype(float)
    return np.eye(n_out)[rng.integers(0, n_out, n)]


def _bytes(network: Network) -> list[bytes]:
    return [p.tobytes() for layer in network.layers for p in (layer.weights, layer.bias)]


def _train_both(
    network: Network, x: Array, y: Array, config: TrainingConfig, steps: int
) -> tuple[tuple[list[float], Network, str | None], tuple[list[float], Network, str | None]]:
    """Train copies with the old and the new trainer: (losses, network, error) each."""
    results = []
    for module in (baseline, None):
        net = network.copy()
        if module is None:
            trainer = Trainer(net, x, y, config)
        else:
            trainer = module.Trainer(net, x, y, module.TrainingConfig(**dataclasses.asdict(config)))
        losses: list[float] = []
        error = None
        try:
            for _ in range(steps):
                losses.append(trainer.step())
        except (DivergenceError, baseline.DivergenceError) as caught:
            error = str(caught)
        results.append((losses, net, error))
    return results[0], results[1]


def _assert_same(old, new, rtol: float = 1e-9) -> None:  # type: ignore[no-untyped-def]
    """The same losses and weights to rounding, and the same error (or none)."""
    (old_losses, old_net, old_error), (new_losses, new_net, new_error) = old, new
    np.testing.assert_allclose(new_losses, old_losses, rtol=rtol, atol=1e-12)
    assert new_error == old_error
    for mine, theirs in zip(new_net.layers, old_net.layers, strict=True):
        np.testing.assert_allclose(mine.weights, theirs.weights, rtol=rtol, atol=1e-12)
        np.testing.assert_allclose(mine.bias, theirs.bias, rtol=rtol, atol=1e-12)


# (output activation, loss, outputs): the "with logits" pairs, MSE, and the clipped paths.
OUTPUTS = [
    ("sigmoid", "binary_cross_entropy", 1),
    ("softmax", "cross_entropy", 3),
    ("linear", "mse", 2),
    ("tanh", "mse", 1),
    ("sigmoid", "mse", 2),
    ("relu", "mse", 1),
    ("softmax", "binary_cross_entropy", 2),
    ("sigmoid", "cross_entropy", 2),
    ("leaky_relu", "mse", 1),
]


@pytest.mark.parametrize("output,loss,n_out", OUTPUTS, ids=[f"{o}-{loss}" for o, loss, _ in OUTPUTS])
@pytest.mark.parametrize("hidden", ACTIVATION_NAMES)
def test_every_activation_and_loss_trains_as_before(hidden: str, output: str, loss: str, n_out: int) -> None:
    rng = np.random.default_rng(1)
    network = _network([3, 5, 4, n_out], [hidden, hidden, output], seed=2)
    x = rng.normal(size=(23, 3))
    y = _targets(loss, 23, n_out, rng)
    config = TrainingConfig(learning_rate=0.05, batch_size=7, optimizer="adam", loss=loss, seed=3)
    old, new = _train_both(network, x, y, config, steps=12)  # 23 = 3·7 + 2: short batches too
    assert old[2] is None
    _assert_same(old, new)


@pytest.mark.parametrize("regularization,rate", [("none", 0.0), ("l1", 0.01), ("l2", 0.03), ("l1", 0.0)])
@pytest.mark.parametrize("optimizer", ["sgd", "momentum", "adam"])
def test_every_optimiser_and_penalty_trains_as_before(optimizer: str, regularization: str, rate: float) -> None:
    rng = np.random.default_rng(4)
    network = _network([2, 8, 8, 1], ["tanh", "relu", "sigmoid"], seed=5)
    x = rng.normal(size=(60, 2))
    y = (x[:, :1] * x[:, 1:] > 0).astype(float)
    config = TrainingConfig(
        learning_rate=0.1,
        batch_size=16,
        optimizer=optimizer,
        momentum=0.8,
        regularization=regularization,
        regularization_rate=rate,
        seed=6,
    )
    _assert_same(*_train_both(network, x, y, config, steps=30))


@pytest.mark.parametrize("batch", [1, 4, 100])
def test_single_samples_and_whole_batches_train_as_before(batch: int) -> None:
    rng = np.random.default_rng(7)
    network = _network([4, 6, 3], ["sigmoid", "softmax"], seed=8)
    x = rng.normal(size=(10, 4))
    y = _targets("cross_entropy", 10, 3, rng)
    config = TrainingConfig(learning_rate=0.2, batch_size=batch, optimizer="momentum", seed=9)
    _assert_same(*_train_both(network, x, y, config, steps=15))


def test_the_mnist_sized_network_trains_as_before() -> None:
    rng = np.random.default_rng(10)
    network = _network([784, 128, 10], ["relu", "softmax"], seed=11, scale=0.03)
    x = rng.normal(size=(300, 784))
    y = _targets("cross_entropy", 300, 10, rng)
    config = TrainingConfig(learning_rate=0.01, batch_size=128, optimizer="sgd", seed=12)
    _assert_same(*_train_both(network, x, y, config, steps=4))


@pytest.mark.parametrize("optimizer", ["sgd", "adam"])
def test_divergence_is_found_one_step_sooner_with_the_weights_before_it(optimizer: str) -> None:
    """The old trainer found a divergence at the step whose loss was infinite and kept the weights
    of the step before, whose loss that was. The new one looks ahead: the step that made the loss
    infinite is the one that diverged, and the weights before it stay."""
    network = _network([2, 3, 1], ["linear", "linear"], seed=13)
    rng = np.random.default_rng(13)
    x = rng.normal(size=(20, 2))
    y = x.sum(axis=1, keepdims=True)
    config = TrainingConfig(
        learning_rate=1e6 if optimizer == "sgd" else 1e300, batch_size=20, optimizer=optimizer, loss="mse"
    )
    old, new = _train_both(network, x, y, config, steps=200)
    assert old[2] is not None and new[2] is not None
    found = int(old[2].split("diverged at step ")[1].split(":")[0])
    assert found >= 2 and new[2].startswith(f"training diverged at step {found - 1}: the loss became")
    before, _ = _train_both(network, x, y, config, steps=found - 2)  # the old trainer's weights then
    _assert_same((old[0][:-1], before[1], new[2]), new)


def test_an_update_that_overflows_leaves_the_weights_of_that_step() -> None:
    network = Network(["x"], [0.0], [DenseLayer([[1.0]], [0.5], "linear")])
    x, y = np.array([[10.0]]), np.array([[0.0]])
    config = TrainingConfig(learning_rate=1e-3, batch_size=1, optimizer="momentum", loss="mse")
    trainer = Trainer(network, x, y, config)
    trainer.step()
    before = _bytes(network)
    trainer.config = dataclasses.replace(config, learning_rate=1e308)
    with pytest.raises(DivergenceError, match="diverged at step 2"):
        trainer.step()
    assert _bytes(network) == before
    trainer.config = config  # and it can go on from there
    trainer.step()
    assert trainer.steps_done == 2


@pytest.mark.parametrize("hidden", ACTIVATION_NAMES)
def test_gradients_are_those_of_before(hidden: str) -> None:
    rng = np.random.default_rng(14)
    for output, loss, n_out in OUTPUTS:
        network = _network([3, 4, 4, n_out], [hidden, "tanh", output], seed=15)
        x = rng.normal(size=(9, 3))
        y = _targets(loss, 9, n_out, rng)
        for reg, rate in [("none", 0.0), ("l1", 0.1), ("l2", 0.2)]:
            new_value, new_grads = gradients(network, x, y, loss, reg, rate)
            old_value, old_grads = baseline.gradients(network, x, y, loss, reg, rate)
            assert new_value == pytest.approx(old_value, rel=1e-12)
            for (gw, gb), (ow, ob), layer in zip(new_grads, old_grads, network.layers, strict=True):
                assert gw.shape == layer.weights.shape and gb.shape == layer.bias.shape
                np.testing.assert_allclose(gw, ow, rtol=1e-10, atol=1e-13)
                np.testing.assert_allclose(gb, ob, rtol=1e-10, atol=1e-13)
    # one sample given as a vector, and the default loss
    network = _network([3, 4, 2], [hidden, "sigmoid"], seed=16)
    new_value, new_grads = gradients(network, [0.3, -1.2, 0.8], [1.0, 0.0])
    old_value, old_grads = baseline.gradients(network, [0.3, -1.2, 0.8], [1.0, 0.0])
    assert new_value == pytest.approx(old_value, rel=1e-12)
    for new, old in zip(new_grads, old_grads):
        for a, b in zip(new, old):
            np.testing.assert_allclose(a, b, rtol=1e-10, atol=1e-13)


@pytest.mark.parametrize("optimizer", ["sgd", "momentum", "adam"])
@pytest.mark.parametrize(
    "hidden,output,loss",
    [
        ("tanh", "sigmoid", "binary_cross_entropy"),
        ("relu", "softmax", "cross_entropy"),
        ("sigmoid", "linear", "mse"),
        ("leaky_relu", "softmax", "binary_cross_entropy"),
    ],
)
def test_each_step_moves_by_exactly_the_gradients_of_its_batch(
    hidden: str, output: str, loss: str, optimizer: str
) -> None:
    """Short last batches and a batch size that changes included: every step is exact.

    The step's batch is the one a twin trainer's _batch() gives; the expected
    weights come from gradients() on that batch and the optimiser's formulas.
    """
    rng = np.random.default_rng(30)
    n_out = 1 if loss == "binary_cross_entropy" and output == "sigmoid" else 3
    network = _network([2, 5, 4, n_out], [hidden, hidden, output], seed=31)
    x = rng.normal(size=(23, 2))
    y = _targets(loss, 23, n_out, rng)
    config = TrainingConfig(
        learning_rate=0.05,
        batch_size=10,
        optimizer=optimizer,
        momentum=0.7,
        loss=loss,
        regularization="l2",
        regularization_rate=0.01,
        seed=32,
    )
    trainer = Trainer(network, x, y, config)
    twin = Trainer(network.copy(), x, y, config)
    velocity = [(np.zeros_like(layer.weights), np.zeros_like(layer.bias)) for layer in network.layers]
    second = [(np.zeros_like(layer.weights), np.zeros_like(layer.bias)) for layer in network.layers]
    for t in range(1, 9):
        if t == 5:  # a larger batch from now on (the training view can change it)
            trainer.config = twin.config = dataclasses.replace(config, batch_size=16)
        bx, by = twin._batch()
        value, grads = gradients(network, bx, by, loss, "l2", 0.01)
        expected = []
        for k, layer in enumerate(network.layers):
            pair = []
            for i, (param, grad) in enumerate(zip((layer.weights, layer.bias), grads[k])):
                v, s2 = velocity[k][i], second[k][i]
                if optimizer == "sgd":
                    new = param - 0.05 * grad
                elif optimizer == "momentum":
                    v *= 0.7
                    v += grad
                    new = param - 0.05 * v
                else:
                    v *= 0.9
                    v += 0.1 * grad
                    s2 *= 0.999
                    s2 += 0.001 * grad * grad
                    new = param - 0.05 * (v / (1 - 0.9**t)) / (np.sqrt(s2 / (1 - 0.999**t)) + 1e-8)
                pair.append(new)
            expected.append(pair)
        assert trainer.step() == value
        for layer, (w, b) in zip(network.layers, expected):
            assert layer.weights.tobytes() == w.tobytes() and layer.bias.tobytes() == b.tobytes()


def test_gradients_refuse_inputs_of_the_wrong_width() -> None:
    network = _network([3, 2], ["sigmoid"], seed=17)
    with pytest.raises(ValueError, match="expected 3 input values per sample"):
        gradients(network, np.zeros((2, 4)), np.zeros((2, 2)))


def test_layers_given_new_arrays_between_steps_are_trained() -> None:
    """The app may put new arrays (same shape) into the layers: the next step uses them."""
    rng = np.random.default_rng(18)
    network = _network([2, 4, 1], ["tanh", "sigmoid"], seed=19)
    x = rng.normal(size=(30, 2))
    y = (x[:, :1] > 0).astype(float)
    config = TrainingConfig(learning_rate=0.1, batch_size=10, optimizer="adam", seed=20)
    old_net, new_net = network.copy(), network.copy()
    old = baseline.Trainer(old_net, x, y, baseline.TrainingConfig(**dataclasses.asdict(config)))
    new = Trainer(new_net, x, y, config)
    for step in range(6):
        old.step()
        new.step()
        if step == 2:
            for net in (old_net, new_net):
                net.layers[0].weights = net.layers[0].weights * 0.5  # a new array
                net.layers[1].bias[:] = 0.25  # changed in place
                net.layers[0].activation = "relu"
    _assert_same(([], old_net, None), ([], new_net, None))


def test_a_layer_that_changes_shape_needs_a_new_trainer() -> None:
    network = _network([2, 4, 1], ["tanh", "sigmoid"], seed=21)
    trainer = Trainer(network, np.zeros((5, 2)), np.zeros((5, 1)))
    trainer.step()
    network.layers[0] = DenseLayer(np.zeros((3, 2)), np.zeros(3), "tanh")
    network.layers[1] = DenseLayer(np.zeros((1, 3)), np.zeros(1), "sigmoid")
    with pytest.raises(TrainingError, match="changed shape"):
        trainer.step()
    network.layers.append(DenseLayer(np.zeros((1, 1)), np.zeros(1), "linear"))
    with pytest.raises(TrainingError, match="layers changed"):
        trainer.step()


def test_the_batch_size_may_grow_between_steps() -> None:
    """A config with a larger batch (as the training view may set) gets larger buffers."""
    rng = np.random.default_rng(22)
    network = _network([2, 3, 1], ["tanh", "sigmoid"], seed=23)
    x = rng.normal(size=(50, 2))
    y = (x[:, :1] > 0).astype(float)
    small = TrainingConfig(batch_size=4, seed=1)
    old_net, new_net = network.copy(), network.copy()
    old = baseline.Trainer(old_net, x, y, baseline.TrainingConfig(**dataclasses.asdict(small)))
    new = Trainer(new_net, x, y, small)
    for step in range(8):
        if step == 3:
            old.config = dataclasses.replace(old.config, batch_size=40)
            new.config = dataclasses.replace(small, batch_size=40)
        assert new.step() == pytest.approx(old.step(), rel=1e-12)
    _assert_same(([], old_net, None), ([], new_net, None))


def test_a_float32_trainer_computes_in_float32_and_keeps_the_model_float64() -> None:
    """The benchmark's float32 variant: a subclass; the network's arrays stay float64."""

    class Float32Trainer(Trainer):
        _dtype = np.float32

    rng = np.random.default_rng(24)
    x = rng.normal(size=(40, 2))
    y = (x[:, :1] * x[:, 1:] > 0).astype(float)
    network = _network([2, 6, 1], ["tanh", "sigmoid"], seed=25)
    reference = network.copy()
    config = TrainingConfig(learning_rate=0.05, batch_size=8, seed=2)
    Float32Trainer(network, x, y, config).run(20)
    Trainer(reference, x, y, config).run(20)
    for mine, theirs in zip(network.layers, reference.layers):
        assert mine.weights.dtype == np.float64
        np.testing.assert_allclose(mine.weights, theirs.weights, rtol=1e-3, atol=1e-4)


def test_an_interrupted_run_leaves_the_weights_of_the_last_completed_step() -> None:
    """run() writes the layers when it ends, also when it is stopped in the middle (Ctrl-C)."""
    rng = np.random.default_rng(40)
    network = _network([2, 6, 1], ["tanh", "sigmoid"], seed=41)
    x = rng.normal(size=(30, 2))
    y = (x[:, :1] > 0).astype(float)
    config = TrainingConfig(learning_rate=0.1, batch_size=8, optimizer="momentum", seed=42)
    reference = network.copy()
    Trainer(reference, x, y, config).run(3)
    trainer = Trainer(network, x, y, config)
    forward = trainer._work.forward
    calls = 0

    def interrupted(*args):  # type: ignore[no-untyped-def]
        nonlocal calls
        calls += 1
        if calls == 4:
            raise KeyboardInterrupt
        return forward(*args)

    trainer._work.forward = interrupted  # type: ignore[method-assign]
    with pytest.raises(KeyboardInterrupt):
        trainer.run(10)
    assert trainer.steps_done == 3
    assert _bytes(network) == _bytes(reference)
