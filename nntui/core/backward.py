"""The backward pass with real numbers, for one sample, written to be read.

The trainer computes the same in buffers, for speed (see
:mod:`nntui.core.training.fast`); here every step is kept so that a learner
can see where each gradient comes from.  Forward and backward side by side:

* forward, dense layer k:  z_k = W_k·a_k + b_k,  a_{k+1} = f_k(z_k)
  (a_0 is the input);
* the loss L(a_out, target) gives δ_out = ∂L/∂z_out
  (:func:`~nntui.core.training.loss_and_output_gradient`, the trainer's own);
* backward, dense layer k:  ∂L/∂W_k[j, i] = δ_k[j]·a_k[i],  ∂L/∂b_k[j] = δ_k[j],
  and δ_{k-1} = f'_{k-1}(z_{k-1}) ⊙ (W_kᵀ·δ_k) (the chain rule: Activation.vjp);
* one more step gives ∂L/∂x = W_0ᵀ·δ_0.

:func:`backpropagate` runs it on a batch (the loss is the mean over the rows,
as in training); :func:`backward` on one sample, and :func:`gradient_step`
moves every weight and bias against its gradient, once.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray

from nntui.core.activations import get_activation
from nntui.core.edits import ParamRef
from nntui.core.network import Network
from nntui.core.training import default_loss, loss_and_output_gradient
from nntui.i18n import t

Array = NDArray[np.float64]


@dataclass(frozen=True)
class Backpropagated:
    """The forward and backward pass on a batch: every z, a and δ has a leading batch axis."""

    loss: float
    loss_name: str
    activations: list[Array]  # a of every column, the inputs first: (batch, neurons)
    zs: list[Array]  # z of each dense layer
    deltas: list[Array]  # ∂L/∂z of each dense layer (L: the mean loss over the batch)
    input_gradient: Array  # ∂L/∂x, (batch, inputs)


def backpropagate(network: Network, x: ArrayLike, y: ArrayLike, loss: str | None = None) -> Backpropagated:
    """The forward pass on the rows of ``x``, the mean loss against ``y``, and every δ."""
    loss_name = loss or default_loss(network)
    x = np.atleast_2d(np.asarray(x, dtype=np.float64))
    y = np.atleast_2d(np.asarray(y, dtype=np.float64))
    result = network.forward(x)  # checks x's shape
    n_out = network.layers[-1].n_out
    if y.ndim != 2 or y.shape != (len(x), n_out):
        raise ValueError(t("core.backward.target_shape", rows=len(x), outputs=n_out, shape=y.shape))
    zs, activations = result.pre_activations, result.activations
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        value, delta = loss_and_output_gradient(loss_name, network.layers[-1].activation, zs[-1], activations[-1], y)
        deltas = [delta]
        for k in range(len(network.layers) - 1, 0, -1):
            grad_a = deltas[0] @ network.layers[k].weights  # ∂L/∂a_k = W_kᵀ·δ_k, per row
            deltas.insert(0, get_activation(network.layers[k - 1].activation).vjp(zs[k - 1], grad_a))
        input_gradient = deltas[0] @ network.layers[0].weights
    return Backpropagated(value, loss_name, list(activations), list(zs), deltas, input_gradient)


def parameter_gradients(result: Backpropagated) -> list[tuple[Array, Array]]:
    """(∂L/∂W, ∂L/∂b) per dense layer, summed over the batch: δᵀ·a and Σ δ."""
    with np.errstate(over="ignore", invalid="ignore"):
        return [(delta.T @ a, delta.sum(axis=0)) for delta, a in zip(result.deltas, result.activations[:-1])]


@dataclass(frozen=True, eq=False)
class BackwardPass:
    """Every number of the forward and backward pass for one sample.

    ``activations[0]`` is the input and ``activations[k + 1]`` the output of
    dense layer ``k``, whose z is ``zs[k]`` and whose δ = ∂L/∂z is ``deltas[k]``.
    """

    loss: float
    loss_name: str
    inputs: Array
    target: Array
    activations: list[Array]
    zs: list[Array]
    deltas: list[Array]
    input_gradients: Array | None = None  # ∂L/∂x_i for every input (backward() fills it in)

    def weight_gradient(self, layer: int, j: int, i: int) -> tuple[float, float, float]:
        """(δ_j, a_i, δ_j·a_i) for the weight from neuron i of column ``layer`` to neuron j of
        dense layer ``layer``: ∂L/∂w is the product of the two numbers shown."""
        delta = float(self.deltas[layer][j])
        a = float(self.activations[layer][i])
        with np.errstate(over="ignore", invalid="ignore"):
            return delta, a, float(np.float64(delta) * np.float64(a))

    def bias_gradient(self, layer: int, j: int) -> float:
        """∂L/∂b_j = δ_j (the bias's input is always 1)."""
        return float(self.deltas[layer][j])

    def gradient(self, ref: ParamRef) -> float:
        """∂L/∂(the number ``ref`` points at); for an input, ∂L/∂x_i = Σ_j W_0[j, i]·δ_0[j]."""
        if ref.kind == "weight":
            return self.weight_gradient(ref.layer, ref.row, ref.col)[2]
        if ref.kind == "bias":
            return self.bias_gradient(ref.layer, ref.row)
        if self.input_gradients is None:
            raise ValueError(t("core.backward.no_input_gradients"))
        return float(self.input_gradients[ref.row])

    def gradients(self) -> list[tuple[Array, Array]]:
        """(∂L/∂W, ∂L/∂b) for every dense layer: the outer product δ·aᵀ, and δ."""
        with np.errstate(over="ignore", invalid="ignore"):
            return [(np.outer(delta, a), delta.copy()) for delta, a in zip(self.deltas, self.activations[:-1])]


def backward(network: Network, x: ArrayLike, target: ArrayLike, loss: str | None = None) -> BackwardPass:
    """The forward and backward pass of ``network`` for ONE sample ``x`` with wanted output ``target``.

    ``loss`` defaults to the trainer's (cross-entropy for a sigmoid or softmax
    output, squared error otherwise), so the gradients are those a training
    step on this one sample would use.
    """
    x = _vector(x, network.n_inputs, "core.backward.input_shape")
    y = _vector(target, network.layers[-1].n_out, "core.backward.one_target")
    result = backpropagate(network, x[None, :], y[None, :], loss)
    return BackwardPass(
        result.loss,
        result.loss_name,
        x,
        y,
        [a[0] for a in result.activations],
        [z[0] for z in result.zs],
        [delta[0] for delta in result.deltas],
        result.input_gradient[0],
    )


def _vector(values: ArrayLike, size: int, key: str) -> Array:
    """``values`` as a flat vector of ``size`` numbers: one sample (a (1, size) row is fine too)."""
    array = np.asarray(values, dtype=np.float64)
    if array.size != size or array.ndim > 2 or (array.ndim == 2 and array.shape[0] != 1):
        raise ValueError(t(key, count=size, shape=array.shape))
    vector: Array = array.reshape(size).copy()
    return vector


def parameter_refs(network: Network) -> list[ParamRef]:
    """Every weight and bias, in the cursor's order: layer by layer, neuron by neuron,
    its incoming weights and then its bias."""
    refs: list[ParamRef] = []
    for k, layer in enumerate(network.layers):
        for j in range(layer.n_out):
            refs.extend(ParamRef.weight(k, j, i) for i in range(layer.n_in))
            refs.append(ParamRef.bias(k, j))
    return refs


def gradient_step(
    network: Network, x: ArrayLike, target: ArrayLike, learning_rate: float, loss: str | None = None
) -> tuple[Network, list[tuple[ParamRef, float, float, float]]]:
    """One step of gradient descent on one sample: w ← w − η·∂L/∂w for every weight and bias.

    Returns a NEW network (``network`` is not changed) and, for every
    parameter in :func:`parameter_refs` order, (ref, old value, gradient, new value).
    """
    rate = float(learning_rate)
    if not (math.isfinite(rate) and rate > 0):
        raise ValueError(t("core.training.learning_rate", value=learning_rate))
    passed = backward(network, x, target, loss)
    new = network.copy()
    moves = []
    with np.errstate(over="ignore", invalid="ignore"):
        for ref in parameter_refs(network):
            old = ref.get(network)
            gradient = passed.gradient(ref)
            value = float(np.float64(old) - np.float64(rate) * np.float64(gradient))
            ref.set(new, value)
            moves.append((ref, old, gradient, value))
    return new, moves
