"""The training core as it was before the benchmark work (commit 8e3ba51), frozen.

The benchmark runs it side by side with :mod:`nntui.core.training` to report
the speed-up in the same run (a ratio, robust to a noisy machine), and the
tests check that the new trainer still gives the same weights, bit for bit.
Only the forward pass is inlined (it is ``Network.forward`` of that commit),
so later speed work in ``nntui.core.network`` cannot change this reference.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np
from numpy.typing import NDArray

from nntui.core.activations import get_activation
from nntui.core.network import ForwardResult, Network

Array = NDArray[np.float64]

LOSS_NAMES = ("mse", "binary_cross_entropy", "cross_entropy")
OPTIMIZER_NAMES = ("sgd", "momentum", "adam")
REGULARIZATION_NAMES = ("none", "l1", "l2")
_EPS = 1e-12  # keeps log() finite when a loss is used on outputs that reach 0 or 1


class TrainingError(ValueError):
    """Training cannot go on; the message says why and what to do."""


class DivergenceError(TrainingError):
    """The loss became NaN or infinite; the last finite weights were put back."""


@dataclass(frozen=True)
class TrainingConfig:
    """Hyper-parameters of training; every field has a sensible default."""

    learning_rate: float = 0.03
    batch_size: int = 32
    optimizer: Literal["sgd", "momentum", "adam"] = "adam"
    momentum: float = 0.9
    regularization: Literal["none", "l1", "l2"] = "none"
    regularization_rate: float = 0.0
    loss: str | None = None  # None: chosen from the output activation
    seed: int = 0

    def validated(self) -> TrainingConfig:
        """This config, or TrainingError naming the first bad value."""
        if not (np.isfinite(self.learning_rate) and self.learning_rate > 0):
            raise TrainingError(f"the learning rate must be a positive number, not {self.learning_rate}")
        if self.batch_size < 1:
            raise TrainingError(f"the batch size must be at least 1, not {self.batch_size}")
        if self.optimizer not in OPTIMIZER_NAMES:
            raise TrainingError(f'unknown optimizer "{self.optimizer}" (valid: {", ".join(OPTIMIZER_NAMES)})')
        if not 0 <= self.momentum < 1:
            raise TrainingError(f"the momentum must be at least 0 and below 1, not {self.momentum}")
        if self.regularization not in REGULARIZATION_NAMES:
            raise TrainingError(
                f'unknown regularization "{self.regularization}" (valid: {", ".join(REGULARIZATION_NAMES)})'
            )
        if not (np.isfinite(self.regularization_rate) and self.regularization_rate >= 0):
            raise TrainingError("the regularization rate must be a number ≥ 0")
        if self.loss is not None and self.loss not in LOSS_NAMES:
            raise TrainingError(f'unknown loss "{self.loss}" (valid: {", ".join(LOSS_NAMES)})')
        return self


def default_loss(network: Network) -> str:
    """Cross-entropy for a softmax or sigmoid output, squared error otherwise."""
    output = network.layers[-1].activation
    if output == "softmax":
        return "cross_entropy"
    if output == "sigmoid":
        return "binary_cross_entropy"
    return "mse"


def _forward(network: Network, x: Array) -> ForwardResult:
    """``Network.forward`` as of commit 8e3ba51, for a batch."""
    a = np.asarray(x, dtype=np.float64)
    if a.ndim not in (1, 2) or a.shape[-1] != network.n_inputs:
        raise ValueError(f"expected {network.n_inputs} input values per sample, got shape {a.shape}")
    zs: list[Array] = []
    activations: list[Array] = [a]
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        for layer in network.layers:
            z = a @ layer.weights.T + layer.bias
            a = get_activation(layer.activation)(z)
            zs.append(z)
            activations.append(a)
    return ForwardResult(zs, activations)


# --- losses ------------------------------------------------------------------


def loss_and_output_gradient(loss: str, activation: str, z: Array, a: Array, y: Array) -> tuple[float, Array]:
    """The mean loss over the batch, and its gradient with respect to the output z.

    Sigmoid with binary cross-entropy and softmax with cross-entropy are
    computed from z directly ("with logits"): stable for any z, and the
    gradient is simply (a - y) / n.
    """
    n = a.shape[0]
    if loss == "binary_cross_entropy" and activation == "sigmoid":
        # log(1 + e^z) - y·z, written so that e^|z| never overflows.
        value = np.maximum(z, 0) - z * y + np.log1p(np.exp(-np.abs(z)))
        return float(value.sum() / a.size), (a - y) / a.size
    if loss == "cross_entropy" and activation == "softmax":
        shifted = z - z.max(axis=1, keepdims=True)
        log_softmax = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
        return float(-(y * log_softmax).sum() / n), (a - y) / n
    if loss == "mse":
        diff = a - y
        value, grad_a = float((diff * diff).sum() / a.size), 2.0 * diff / a.size
    elif loss == "binary_cross_entropy":
        clipped = np.clip(a, _EPS, 1 - _EPS)
        value = float(-(y * np.log(clipped) + (1 - y) * np.log(1 - clipped)).sum() / a.size)
        grad_a = (clipped - y) / (clipped * (1 - clipped)) / a.size
    elif loss == "cross_entropy":
        clipped = np.clip(a, _EPS, None)
        value, grad_a = float(-(y * np.log(clipped)).sum() / n), -y / clipped / n
    else:
        raise TrainingError(f'unknown loss "{loss}" (valid: {", ".join(LOSS_NAMES)})')
    return value, get_activation(activation).vjp(z, grad_a)


def regularization_penalty(network: Network, kind: str, rate: float) -> float:
    """The penalty added to the loss: rate·Σ|w| (l1) or rate/2·Σw² (l2), weights only."""
    if kind == "none" or rate == 0:
        return 0.0
    if kind == "l1":
        return rate * sum(float(np.abs(layer.weights).sum()) for layer in network.layers)
    return 0.5 * rate * sum(float((layer.weights**2).sum()) for layer in network.layers)


def gradients(
    network: Network,
    x: Array,
    y: Array,
    loss: str | None = None,
    regularization: str = "none",
    regularization_rate: float = 0.0,
) -> tuple[float, list[tuple[Array, Array]]]:
    """The loss on (x, y) and its gradient for every layer: [(dL/dW, dL/db), ...].

    The loss is the data loss plus the regularization penalty, so the
    gradients are exactly those of the returned number (checked against
    finite differences in the tests).
    """
    loss = loss or default_loss(network)
    x = np.atleast_2d(np.asarray(x, dtype=np.float64))
    y = np.atleast_2d(np.asarray(y, dtype=np.float64))
    result = _forward(network, x)
    output = network.layers[-1]
    value, delta = loss_and_output_gradient(loss, output.activation, result.pre_activations[-1], result.outputs, y)
    grads: list[tuple[Array, Array]] = [None] * len(network.layers)  # type: ignore[list-item]
    for k in range(len(network.layers) - 1, -1, -1):
        layer = network.layers[k]
        grad_w = delta.T @ result.activations[k]
        if regularization == "l1" and regularization_rate:
            grad_w += regularization_rate * np.sign(layer.weights)
        elif regularization == "l2" and regularization_rate:
            grad_w += regularization_rate * layer.weights
        grads[k] = (grad_w, delta.sum(axis=0))
        if k > 0:
            below = network.layers[k - 1]
            delta = get_activation(below.activation).vjp(result.pre_activations[k - 1], delta @ layer.weights)
    return value + regularization_penalty(network, regularization, regularization_rate), grads


# --- evaluation ----------------------------------------------------------------


@dataclass(frozen=True)
class Evaluation:
    loss: float
    accuracy: float | None  # None for regression


def evaluate(network: Network, x: Array, y: Array, loss: str | None = None, classification: bool = True) -> Evaluation:
    """The data loss (no penalty) and, for classification, the share classified right."""
    loss = loss or default_loss(network)
    result = _forward(network, np.atleast_2d(x))
    value, _ = loss_and_output_gradient(
        loss, network.layers[-1].activation, result.pre_activations[-1], result.outputs, np.atleast_2d(y)
    )
    if not classification:
        return Evaluation(value, None)
    outputs = result.outputs
    if outputs.shape[1] == 1:
        predicted, actual = outputs[:, 0] >= 0.5, np.asarray(y)[:, 0] >= 0.5
    else:
        predicted, actual = outputs.argmax(axis=1), np.asarray(y).argmax(axis=1)
    return Evaluation(value, float(np.mean(predicted == actual)))


# --- the trainer -------------------------------------------------------------------


class Trainer:
    """Trains ``network`` in place on (x, y) with mini-batches.

    Deterministic: the same network, data, config and number of steps give
    the same weights, bit for bit.
    """

    def __init__(self, network: Network, x: Array, y: Array, config: TrainingConfig | None = None) -> None:
        self.network = network
        self.config = (config or TrainingConfig()).validated()
        self.x = np.asarray(x, dtype=np.float64)
        self.y = np.asarray(y, dtype=np.float64)
        if self.x.ndim != 2 or self.x.shape[1] != network.n_inputs:
            raise TrainingError(
                f"the data has {self.x.shape[-1]} input columns but the network has {network.n_inputs} inputs"
            )
        if self.y.ndim != 2 or self.y.shape[1] != network.layers[-1].n_out:
            raise TrainingError(
                f"the data has {self.y.shape[-1]} output columns but the network has {network.layers[-1].n_out} outputs"
            )
        if len(self.x) != len(self.y) or len(self.x) == 0:
            raise TrainingError("the data needs as many targets as samples, and at least one")
        self.loss = self.config.loss or default_loss(network)
        self.steps_done = 0
        self.last_loss: float | None = None
        self._rng = np.random.default_rng(self.config.seed)
        self._order = np.arange(len(self.x))
        self._cursor = len(self.x)  # start with a fresh shuffle
        self._velocity = [(np.zeros_like(layer.weights), np.zeros_like(layer.bias)) for layer in network.layers]
        self._second = [(np.zeros_like(layer.weights), np.zeros_like(layer.bias)) for layer in network.layers]
        self._backup = [(layer.weights.copy(), layer.bias.copy()) for layer in network.layers]

    def _batch(self) -> tuple[Array, Array]:
        # Every sample once per epoch; the last batch of an epoch may be
        # shorter (PyTorch's DataLoader with drop_last=False does the same).
        if self._cursor >= len(self.x):
            self._rng.shuffle(self._order)
            self._cursor = 0
        index = self._order[self._cursor : self._cursor + self.config.batch_size]
        self._cursor += len(index)
        return self.x[index], self.y[index]

    def step(self) -> float:
        """One mini-batch step; returns that batch's loss (penalty included)."""
        config = self.config
        x, y = self._batch()
        for (weight_backup, bias_backup), layer in zip(self._backup, self.network.layers):
            np.copyto(weight_backup, layer.weights)
            np.copyto(bias_backup, layer.bias)
        with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
            value, grads = gradients(self.network, x, y, self.loss, config.regularization, config.regularization_rate)
            if not np.isfinite(value) or not all(np.isfinite(gw).all() and np.isfinite(gb).all() for gw, gb in grads):
                self._diverged(value)
            self._update(grads)
            layers = self.network.layers
            if not all(np.isfinite(layer.weights).all() and np.isfinite(layer.bias).all() for layer in layers):
                self._diverged(float("inf"))
        self.steps_done += 1
        self.last_loss = value
        return value

    def run(self, steps: int) -> float:
        """``steps`` steps; returns the last batch's loss."""
        value = float("nan")
        for _ in range(steps):
            value = self.step()
        return value

    def _update(self, grads: list[tuple[Array, Array]]) -> None:
        config = self.config
        lr = config.learning_rate
        t = self.steps_done + 1
        for k, layer in enumerate(self.network.layers):
            for param, grad, velocity, second in zip(
                (layer.weights, layer.bias), grads[k], self._velocity[k], self._second[k]
            ):
                if config.optimizer == "sgd":
                    param -= lr * grad
                elif config.optimizer == "momentum":
                    velocity *= config.momentum
                    velocity += grad
                    param -= lr * velocity
                else:  # adam
                    velocity *= 0.9
                    velocity += 0.1 * grad
                    second *= 0.999
                    second += 0.001 * grad * grad
                    corrected = velocity / (1 - 0.9**t)
                    param -= lr * corrected / (np.sqrt(second / (1 - 0.999**t)) + 1e-8)

    def _diverged(self, value: float) -> None:
        for (weight_backup, bias_backup), layer in zip(self._backup, self.network.layers):
            np.copyto(layer.weights, weight_backup)
            np.copyto(layer.bias, bias_backup)
        raise DivergenceError(
            f"training diverged at step {self.steps_done + 1}: the loss became {value} — "
            "the last finite weights were restored; lower the learning rate"
        )
