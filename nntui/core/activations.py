"""Activation functions f in y = f(z), each with its derivative.

Element-wise activations map z to f(z) one value at a time, and their
``derivative`` returns f'(z) with the same shape.  ``softmax`` works on a
whole layer (the last axis), so its ``derivative`` returns the Jacobian
d softmax_j / d z_k with one extra trailing axis.  ``vjp`` is the
vector-Jacobian product that backpropagation needs, the same for both kinds.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from nntui.i18n import language, t

Array = NDArray[np.float64]

LEAKY_SLOPE = 0.01


def _linear(z: Array) -> Array:
    return np.array(z, dtype=np.float64, copy=True)


def _linear_derivative(z: Array) -> Array:
    return np.ones_like(z, dtype=np.float64)


def _sigmoid(z: Array) -> Array:
    # exp(-|z|) never overflows, so both branches stay finite for any finite z.
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def _sigmoid_derivative(z: Array) -> Array:
    s = _sigmoid(z)
    return s * (1.0 - s)


def _tanh(z: Array) -> Array:
    return np.tanh(z)


def _tanh_derivative(z: Array) -> Array:
    t = np.tanh(z)
    return 1.0 - t * t


def _relu(z: Array) -> Array:
    return np.maximum(z, 0.0)


def _relu_derivative(z: Array) -> Array:
    return (z > 0).astype(np.float64)


def _leaky_relu(z: Array) -> Array:
    return np.where(z >= 0, z, LEAKY_SLOPE * z)


def _leaky_relu_derivative(z: Array) -> Array:
    return np.where(z >= 0, 1.0, LEAKY_SLOPE)


def _step(z: Array) -> Array:
    return (z >= 0).astype(np.float64)


def _step_derivative(z: Array) -> Array:
    # Zero almost everywhere: a step neuron cannot be trained by gradients.
    return np.zeros_like(z, dtype=np.float64)


def _softmax(z: Array) -> Array:
    shifted: Array = z - np.max(z, axis=-1, keepdims=True)
    e = np.exp(shifted)
    total: Array = np.sum(e, axis=-1, keepdims=True)
    return e / total


def _softmax_jacobian(z: Array) -> Array:
    s = _softmax(z)
    eye = np.eye(s.shape[-1])
    return s[..., :, None] * (eye - s[..., None, :])


@dataclass(frozen=True)
class Activation:
    """A named activation function with its derivative."""

    name: str
    function: Callable[[Array], Array]
    derivative_function: Callable[[Array], Array]
    elementwise: bool
    formula_key: str  # the catalogue key of the formula, words in the current language

    @property
    def formula(self) -> str:
        """The formula as shown to a learner, e.g. ``f(z) = max(0, z)``."""
        slope = str(LEAKY_SLOPE)
        return t(self.formula_key, slope=slope.replace(".", ",") if language() == "fr" else slope)

    def __call__(self, z: Array) -> Array:
        return self.function(np.asarray(z, dtype=np.float64))

    def derivative(self, z: Array) -> Array:
        """f'(z) element-wise, or the Jacobian (one more axis) for softmax."""
        return self.derivative_function(np.asarray(z, dtype=np.float64))

    def vjp(self, z: Array, grad_a: Array) -> Array:
        """Given dL/da, return dL/dz (the chain rule through f)."""
        z = np.asarray(z, dtype=np.float64)
        grad_a = np.asarray(grad_a, dtype=np.float64)
        if self.elementwise:
            return grad_a * self.derivative_function(z)
        s = _softmax(z)
        weighted: Array = np.sum(grad_a * s, axis=-1, keepdims=True)
        return s * (grad_a - weighted)


ACTIVATIONS: dict[str, Activation] = {
    a.name: a
    for a in (
        Activation("linear", _linear, _linear_derivative, True, "core.activation.formula.linear"),
        Activation("sigmoid", _sigmoid, _sigmoid_derivative, True, "core.activation.formula.sigmoid"),
        Activation("tanh", _tanh, _tanh_derivative, True, "core.activation.formula.tanh"),
        Activation("relu", _relu, _relu_derivative, True, "core.activation.formula.relu"),
        Activation(
            "leaky_relu",
            _leaky_relu,
            _leaky_relu_derivative,
            True,
            "core.activation.formula.leaky_relu",
        ),
        Activation("step", _step, _step_derivative, True, "core.activation.formula.step"),
        Activation("softmax", _softmax, _softmax_jacobian, False, "core.activation.formula.softmax"),
    )
}

ACTIVATION_NAMES: tuple[str, ...] = tuple(ACTIVATIONS)


def get_activation(name: str) -> Activation:
    """Look an activation up by name; the error lists the valid names."""
    try:
        return ACTIVATIONS[name]
    except KeyError:
        raise ValueError(t("core.activation.unknown", name=name, valid=", ".join(ACTIVATION_NAMES))) from None


def next_activation(name: str) -> str:
    """The activation after ``name`` in the fixed cycling order."""
    index = ACTIVATION_NAMES.index(name)
    return ACTIVATION_NAMES[(index + 1) % len(ACTIVATION_NAMES)]
