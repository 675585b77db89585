"""The reference math of training: the losses, the penalty, and evaluation.

Written for clarity, on (samples, values) arrays as Network.forward gives
them.  The trainer computes the same in its own buffers (see
:mod:`nntui.core.training.fast`) and falls back on
:func:`loss_and_output_gradient` for the combinations it has no fast path for.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from nntui.core.activations import get_activation
from nntui.core.network import Network
from nntui.core.training.config import LOSS_NAMES, TrainingError, default_loss
from nntui.i18n import t

Array = NDArray[np.float64]

_EPS = 1e-12  # keeps log() finite when a loss is used on outputs that reach 0 or 1


def loss_and_output_gradient(loss: str, activation: str, z: Array, a: Array, y: Array) -> tuple[float, Array]:
    """The mean loss over the batch, and its gradient with respect to the output z.

    Sigmoid with binary cross-entropy and softmax with cross-entropy are
    computed from z directly ("with logits"): stable for any z, and the
    gradient is simply (a - y) / n.
    """
    n = a.shape[0]
    if loss == "binary_cross_entropy" and activation == "sigmoid":
        # log(1 + e^z) - y·z, written so that e^|z| never overflows.
        per_sample = np.maximum(z, 0) - z * y + np.log1p(np.exp(-np.abs(z)))
        return float(per_sample.sum() / a.size), (a - y) / a.size
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
        raise TrainingError(t("core.training.loss", name=loss, valid=", ".join(LOSS_NAMES)))
    return value, get_activation(activation).vjp(z, grad_a)


def regularization_penalty(network: Network, kind: str, rate: float) -> float:
    """The penalty added to the loss: rate·Σ|w| (l1) or rate/2·Σw² (l2), weights only."""
    if kind == "none" or rate == 0:
        return 0.0
    if kind == "l1":
        return rate * sum(float(np.abs(layer.weights).sum()) for layer in network.layers)
    return 0.5 * rate * sum(float((layer.weights**2).sum()) for layer in network.layers)


# --- evaluation ----------------------------------------------------------------


@dataclass(frozen=True)
class Evaluation:
    loss: float
    accuracy: float | None  # None for regression


def evaluate(network: Network, x: Array, y: Array, loss: str | None = None, classification: bool = True) -> Evaluation:
    """The data loss (no penalty) and, for classification, the share classified right."""
    loss = loss or default_loss(network)
    result = network.forward(np.atleast_2d(x))
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
