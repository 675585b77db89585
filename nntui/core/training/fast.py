"""The forward and backward passes and the optimiser, in buffers allocated once.

A training step on a small network is a few dozen NumPy calls on small
arrays, so what costs is not the arithmetic but allocating every
intermediate array and dispatching each operation.  _Workspace allocates
every array a step needs once, and each operation writes into one of them
(``out=``).  It computes what Network.forward, Activation.vjp and
loss_and_output_gradient compute, arranged to need fewer calls:

* Inside a step the batch is the last axis ("feature-major"): a layer's z
  and a have shape (neurons, samples), so element-wise work and the sums
  run along contiguous rows, several times faster for narrow layers than
  down the columns of (samples, neurons) arrays.
* Every layer after the first keeps its weights and bias side by side,
  [W | b], and the layer below it ends its outputs with a row of ones, so
  one matrix product gives W·a + b, and one gives both dL/dW and dL/db.
  (The first layer reads the batch as gathered, without a row of ones.)
* The sigmoid is 1 / (1 + e^-z), four operations instead of computing both
  branches of the overflow-free form and choosing (e^-z may overflow to
  inf, which gives exactly 0).

So the numbers agree with Network.forward's to rounding, not to the bit
(the sums inside the products run in another order).  gradients() runs
this same code, so a step moves the weights by exactly gradients().

A step writes the new parameters to a second flat array (see
:mod:`nntui.core.training.buffers`), which becomes the current one only when
all of them are finite; Trainer.run copies the current one into the layers
when it ends, so the network holds the last finite weights.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from nntui.core.activations import get_activation
from nntui.core.network import DenseLayer, Network
from nntui.core.training.buffers import (
    Array,
    _add,
    _copyto,
    _divide,
    _dot,
    _flat_size,
    _LayerRows,
    _max,
    _multiply,
    _Parameters,
    _shapes,
    _subtract,
    _sum,
)
from nntui.core.training.config import TrainingConfig, TrainingError, default_loss
from nntui.core.training.losses import loss_and_output_gradient, regularization_penalty
from nntui.i18n import t


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
    finite differences in the tests).  The trainer runs this same code in
    buffers it keeps from step to step, so a training step moves the weights
    by exactly these gradients.
    """
    loss = loss or default_loss(network)
    x = np.atleast_2d(np.asarray(x, dtype=np.float64))
    y = np.atleast_2d(np.asarray(y, dtype=np.float64))
    if x.ndim != 2 or x.shape[-1] != network.n_inputs:
        raise ValueError(f"expected {network.n_inputs} input values per sample, got shape {x.shape}")
    work = _Workspace(_shapes(network.layers))
    batch_x, batch_y, layer_rows = work.rows(len(x))
    work.load_parameters(network.layers)
    np.copyto(batch_x, x)
    np.copyto(batch_y, y.T)
    activations = [layer.activation for layer in network.layers]
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        work.forward(activations, batch_x, layer_rows)  # overflow gives inf/nan, as in Network.forward
    value = work.backward(activations, loss, regularization, regularization_rate, batch_x, batch_y, layer_rows)
    grads = [(w.copy(), b.copy()) for w, b in zip(work.grads.weights, work.grads.biases)]
    return value + regularization_penalty(network, regularization, regularization_rate), grads


class _Workspace:
    """Every array that one step needs, for one network shape, allocated once.

    The flat arrays (parameters, gradients, the optimiser's state) depend on
    the shape only; the batch arrays are allocated for the largest batch so
    far, and each batch size m gets its own set of views (``rows(m)``).
    """

    def __init__(self, shapes: tuple[tuple[int, int], ...], dtype: type = np.float64) -> None:
        self.shapes = shapes
        self.dtype = dtype
        size = _flat_size(shapes)
        self.current = _Parameters(np.zeros(size, dtype), shapes)  # this step's: the last finite ones
        self.next = _Parameters(np.zeros(size, dtype), shapes)  # what this step computes
        self.grads = _Parameters(np.zeros(size, dtype), shapes)
        self.velocity: Array = np.zeros(size, dtype)  # momentum, Adam's first moment
        self.second: Array = np.zeros(size, dtype)  # Adam's second moment
        self.scratch: Array = np.zeros(size, dtype)
        self.scratch2: Array = np.zeros(size, dtype)
        self.is_weight: Array = np.zeros(size, dtype)  # 1 for a weight, 0 for a bias: the penalty's mask
        for w in _Parameters(self.is_weight, shapes).weights:
            w[...] = 1.0
        self.capacity = 0
        self._rows: dict[int, tuple[Array, Array, list[_LayerRows]]] = {}
        self._ones_for = 0  # the batch size whose rows of ones are in place

    def __getstate__(self) -> dict[str, object]:
        """Pickled (a trainer sent to another process): the shape, the parameters and the
        optimiser's state.  The views into the flat arrays would unpickle as copies of their
        own, so they are made again; so are the batch arrays, which hold nothing between steps."""
        return {
            "shapes": self.shapes,
            "dtype": self.dtype,
            "current": self.current.flat,
            "next": self.next.flat,
            "velocity": self.velocity,
            "second": self.second,
        }

    def __setstate__(self, state: dict[str, Any]) -> None:
        # Unpickling: __init__ once more makes the views (misc: mypy warns of a subclass's __init__; none exists).
        self.__init__(state["shapes"], state["dtype"])  # type: ignore[misc]
        for target, name in (
            (self.current.flat, "current"),
            (self.next.flat, "next"),
            (self.velocity, "velocity"),
            (self.second, "second"),
        ):
            _copyto(target, state[name])

    def rows(self, m: int) -> tuple[Array, Array, list[_LayerRows]]:
        """(x as (m, inputs), y as (outputs, m), per-layer arrays) for a batch of m samples."""
        found = self._rows.get(m)
        if found is None:
            if m > self.capacity:
                self._allocate(m)
            n_in, n_out, last = self.shapes[0][1], self.shapes[-1][0], len(self.shapes) - 1
            found = (
                self._x[: m * n_in].reshape(m, n_in),
                self._y[: n_out * m].reshape(n_out, m),
                [_LayerRows(buffers, self.capacity, m, k < last) for k, buffers in enumerate(self._buffers)],
            )
            self._rows[m] = found
        if self._ones_for != m:  # another batch size may have written over them
            for layer in found[2][:-1]:
                layer.fill_ones()
            self._ones_for = m
        return found

    def _allocate(self, capacity: int) -> None:
        # Flat buffers, so that the first rows·m values are a contiguous (rows, m) array for any m.
        dtype = self.dtype
        self.capacity = capacity
        self._rows.clear()
        self._ones_for = 0
        self._x: Array = np.zeros(capacity * self.shapes[0][1], dtype)  # the batch is gathered sample by sample
        self._y: Array = np.zeros(self.shapes[-1][0] * capacity, dtype)
        last = len(self.shapes) - 1
        self._buffers: list[dict[str, Array]] = []
        for k, (n_out, n_in) in enumerate(self.shapes):
            feeds = k < last
            buffers: dict[str, Array] = {
                "z": np.zeros(n_out * capacity, dtype),
                "a": np.zeros((n_out + feeds) * capacity, dtype),  # the output (and a row of ones)
                "delta": np.zeros(n_out * capacity, dtype),  # dL/dz
                "exp": np.zeros(n_out * capacity, dtype),  # e^-|z| (the BCE loss), e^(z - max) (softmax)
                "tmp": np.zeros(n_out * capacity, dtype),
                "tmp2": np.zeros(n_out * capacity, dtype),
                "back": np.zeros(n_in * capacity, dtype),  # dL/d(the layer's input)
                "peak": np.zeros(capacity, dtype),  # softmax: the max over the neurons, per sample
                "total": np.zeros(capacity, dtype),  # softmax: the sum over the neurons, per sample
            }
            self._buffers.append(buffers)

    def load_parameters(self, layers: list[DenseLayer]) -> None:
        """Copy every layer's weights and bias into the current parameters."""
        current = self.current
        if len(layers) != len(self.shapes):
            raise TrainingError(t("core.training.layers_changed"))
        for k, (layer, w, b) in enumerate(zip(layers, current.weights, current.biases)):
            weights, bias = layer.weights, layer.bias
            if weights.shape != w.shape or bias.shape != b.shape:
                raise TrainingError(t("core.training.layer_reshaped", layer=k + 1))
            _copyto(w, weights)
            _copyto(b, bias)

    def store_parameters(self, layers: list[DenseLayer], parameters: _Parameters) -> None:
        """Copy a set of parameters into the layers."""
        for layer, w, b in zip(layers, parameters.weights, parameters.biases):
            _copyto(layer.weights, w)
            _copyto(layer.bias, b)

    def advance(self) -> None:
        """The new parameters become the current ones (and the old ones the next target)."""
        self.current, self.next = self.next, self.current

    # --- forward -------------------------------------------------------------------

    def forward(self, activations: list[str], x: Array, layer_rows: list[_LayerRows]) -> None:
        """z = W·a + b and a = f(z) for every layer, samples along the last axis."""
        current = self.current
        first = layer_rows[0]
        _dot(current.weights[0], x.T, first.z)
        _add(first.z, current.first_bias_column, first.z)
        self._activate(activations[0], first)
        for name, block, rows, below in zip(activations[1:], current.blocks[1:], layer_rows[1:], layer_rows):
            assert block is not None  # only the first layer has none
            _dot(block, below.a_ones, rows.z)  # [W | b]·[a; 1]
            self._activate(name, rows)

    @staticmethod
    def _activate(name: str, rows: _LayerRows) -> None:
        z, a = rows.z, rows.a
        if name == "tanh":
            np.tanh(z, a)
        elif name == "relu":
            np.maximum(z, 0.0, out=a)
        elif name == "sigmoid":
            # 1 / (1 + e^-z): e^-z may overflow to inf for z < -709, giving exactly 0
            np.negative(z, a)
            np.exp(a, a)
            _add(a, 1.0, a)
            _divide(1.0, a, a)
        elif name == "linear":
            _copyto(a, z)
        elif name == "softmax":
            # e / sum(e) with e = exp(z - max z) per sample; z - max z stays in tmp for the loss
            _max(z, 0, None, rows.peak, True)
            _subtract(z, rows.peak, rows.tmp)
            np.exp(rows.tmp, rows.exp)
            _sum(rows.exp, 0, None, rows.total, True)
            _divide(rows.exp, rows.total, a)
        else:
            _copyto(a, get_activation(name)(z.T).T)

    # --- backward ------------------------------------------------------------------

    def backward(
        self,
        activations: list[str],
        loss: str,
        regularization: str,
        rate: float,
        x: Array,
        y: Array,
        layer_rows: list[_LayerRows],
    ) -> float:
        """The batch's data loss; fills ``grads`` (the penalty's gradient included)."""
        value, delta = self._output_delta(loss, activations[-1], y, layer_rows[-1])
        grads, weights_t, vjp = self.grads, self.current.weights_t, self._vjp
        for k in range(len(activations) - 1, 0, -1):
            rows, below = layer_rows[k], layer_rows[k - 1]
            _dot(delta, below.a_ones_t, grads.blocks[k])  # [dL/dW | dL/db]
            _dot(weights_t[k], delta, rows.back)
            delta = vjp(activations[k - 1], below, rows.back)
        # dL/dW of the first layer, as its transpose xᵀ·δᵀ: for 784 inputs BLAS does this
        # ~10% faster than δ·x (the largest product of a step, with the forward one).
        _dot(x.T, delta.T, grads.first_weights_t)
        _sum(delta, 1, None, grads.biases[0])
        if regularization in ("l1", "l2") and rate:
            term = self.scratch
            if regularization == "l1":
                np.sign(self.current.flat, term)
                _multiply(term, rate, term)
            else:
                _multiply(self.current.flat, rate, term)
            _multiply(term, self.is_weight, term)  # weights only
            _add(grads.flat, term, grads.flat)
        return value

    @staticmethod
    def _vjp(name: str, rows: _LayerRows, grad_a: Array) -> Array:
        """dL/dz from dL/da (Activation.vjp), into the layer's buffers."""
        out, factor = rows.delta, rows.tmp
        if name == "tanh":  # grad · (1 - a²), a = tanh z
            a = rows.a
            _multiply(a, a, factor)
            _subtract(1.0, factor, factor)
            _multiply(grad_a, factor, out)
        elif name == "sigmoid":  # grad · a(1 - a), a = σ(z)
            a = rows.a
            _subtract(1.0, a, factor)
            _multiply(a, factor, factor)
            _multiply(grad_a, factor, out)
        elif name == "relu":  # grad · [z > 0]
            np.greater(rows.z, 0, factor)
            _multiply(grad_a, factor, out)
        elif name == "linear":  # grad · 1 is grad itself
            return grad_a
        else:
            _copyto(out, get_activation(name).vjp(rows.z.T, grad_a.T).T)
        return out

    def loss(self, loss: str, activation: str, y: Array, layer_rows: list[_LayerRows]) -> float:
        """The batch's data loss after ``forward`` (the output layer's buffers are overwritten)."""
        return self._output_delta(loss, activation, y, layer_rows[-1])[0]

    def _output_delta(self, loss: str, activation: str, y: Array, rows: _LayerRows) -> tuple[float, Array]:
        """loss_and_output_gradient for the output layer, into its buffers."""
        z, a, delta, tmp, tmp2 = rows.z, rows.a, rows.delta, rows.tmp, rows.tmp2
        if loss == "binary_cross_entropy" and activation == "sigmoid":
            # max(z, 0) - z·y + log(1 + e^-|z|), stable for any z
            e = rows.exp
            np.abs(z, e)
            np.negative(e, e)
            np.exp(e, e)
            np.log1p(e, e)
            np.maximum(z, 0, out=tmp)
            _multiply(z, y, tmp2)
            _subtract(tmp, tmp2, tmp)
            _add(tmp, e, tmp)
            value = float(_sum(tmp, None) / a.size)
            _subtract(a, y, delta)
            _divide(delta, a.size, delta)
            return value, delta
        if loss == "cross_entropy" and activation == "softmax":
            # log softmax = (z - max z) - log Σ e^(z - max z): both parts are left from the forward pass
            shifted, log_total = rows.tmp, rows.total
            np.log(log_total, log_total)
            _subtract(shifted, log_total, shifted)
            _multiply(y, shifted, tmp2)
            n = a.shape[1]
            value = float(-_sum(tmp2, None) / n)
            _subtract(a, y, delta)
            _divide(delta, n, delta)
            return value, delta
        if loss == "mse":
            # mean (a - y)²; dL/da = 2(a - y)/size goes to tmp2, as _vjp works in tmp
            _subtract(a, y, tmp)
            _multiply(tmp, tmp, tmp2)
            value = float(_sum(tmp2, None) / a.size)
            _multiply(2.0, tmp, tmp2)
            _divide(tmp2, a.size, tmp2)
            return value, self._vjp(activation, rows, tmp2)
        value, gradient = loss_and_output_gradient(loss, activation, z.T, a.T, y.T)
        _copyto(delta, gradient.T)
        return value, delta

    # --- the optimiser ----------------------------------------------------------------

    def update(self, config: TrainingConfig, t: int) -> bool:
        """next = current - step (the optimisers' formulas); False when a value is not finite."""
        lr = config.learning_rate
        grads, step, velocity, second = self.grads.flat, self.scratch, self.velocity, self.second
        if config.optimizer == "sgd":
            _multiply(lr, grads, step)
        elif config.optimizer == "momentum":
            _multiply(velocity, config.momentum, velocity)
            _add(velocity, grads, velocity)
            _multiply(lr, velocity, step)
        else:  # adam
            _multiply(velocity, 0.9, velocity)
            _multiply(0.1, grads, step)
            _add(velocity, step, velocity)
            _multiply(second, 0.999, second)
            _multiply(0.001, grads, step)
            _multiply(step, grads, step)
            _add(second, step, second)
            scale = self.scratch2
            _divide(velocity, 1 - 0.9**t, step)  # the corrected first moment
            _multiply(lr, step, step)
            _divide(second, 1 - 0.999**t, scale)
            np.sqrt(scale, scale)
            _add(scale, 1e-8, scale)
            _divide(step, scale, step)
        _subtract(self.current.flat, step, self.next.flat)
        return bool(np.isfinite(self.next.flat).all())
