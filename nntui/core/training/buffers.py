"""Where a training step keeps its numbers: flat parameter arrays and per-batch rows.

All parameters live in one flat array, the gradients in another, and the
optimiser works on the whole flat arrays at once.  :class:`_Parameters` gives
each layer's weights and bias as views into such a flat array;
:class:`_LayerRows` gives one layer's per-batch arrays as views into buffers
allocated for the largest batch.  :mod:`nntui.core.training.fast` runs the
passes in them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
from numpy.typing import NDArray

from nntui.core.network import DenseLayer

Array = NDArray[np.float64]


def _shapes(layers: list[DenseLayer]) -> tuple[tuple[int, int], ...]:
    return tuple((layer.weights.shape[0], layer.weights.shape[1]) for layer in layers)


def _flat_size(shapes: tuple[tuple[int, int], ...]) -> int:
    return sum(n_out * (n_in + 1) for n_out, n_in in shapes)


class _Parameters:
    """Views into one flat array holding every layer's weights and bias.

    Layer 0 is Wᵀ then b (its weight gradient is fastest to compute transposed:
    see _Workspace.backward); every later layer is one (n_out, n_in + 1)
    block [W | b].  ``weights[k]`` is always (n_out, n_in), whatever the order.
    """

    def __init__(self, flat: Array, shapes: tuple[tuple[int, int], ...]) -> None:
        self.flat = flat
        self.weights: list[Array] = []
        self.biases: list[Array] = []
        self.blocks: list[Array | None] = []  # [W | b] for layers after the first
        at = 0
        for k, (n_out, n_in) in enumerate(shapes):
            if k == 0:
                self.first_weights_t = flat[at : at + n_in * n_out].reshape(n_in, n_out)
                self.weights.append(self.first_weights_t.T)
                self.biases.append(flat[at + n_out * n_in : at + n_out * (n_in + 1)])
                self.blocks.append(None)
            else:
                block = flat[at : at + n_out * (n_in + 1)].reshape(n_out, n_in + 1)
                self.weights.append(block[:, :n_in])
                self.biases.append(block[:, n_in])
                self.blocks.append(block)
            at += n_out * (n_in + 1)
        self.weights_t = [w.T for w in self.weights]
        self.first_bias_column = self.biases[0][:, None]


# Bound once: each is called a few dozen times per step.  np.dot, not np.matmul: the
# same BLAS call with less dispatch around it (and no slow path for outer products).
_dot, _add, _subtract, _multiply, _divide = np.dot, np.add, np.subtract, np.multiply, np.divide
# Called with out= and keepdims positionally (less to parse per call), which numpy's stubs
# only type as keywords: typed loosely here, once.
_sum: Callable[..., Any] = np.add.reduce
_max: Callable[..., Any] = np.maximum.reduce
_copyto = np.copyto


class _LayerRows:
    """One layer's arrays for a batch of m samples, each (rows, m) and contiguous.

    ``a`` is the layer's output.  For a layer that feeds another, ``a_ones`` is
    the same memory with a row of ones below it, the next layer's input.
    """

    __slots__ = ("a", "a_ones", "a_ones_t", "back", "delta", "exp", "peak", "tmp", "tmp2", "total", "z")
    # Set from the buffers' names in __init__.
    z: Array
    a: Array
    a_ones: Array
    a_ones_t: Array
    delta: Array
    exp: Array
    tmp: Array
    tmp2: Array
    back: Array
    peak: Array
    total: Array

    def __init__(self, buffers: dict[str, Array], capacity: int, m: int, feeds: bool) -> None:
        for name, buffer in buffers.items():
            rows = buffer.size // capacity
            setattr(self, name, buffer[: rows * m].reshape(rows, m))
        self.a_ones = self.a
        if feeds:
            self.a = self.a_ones[:-1]
        self.a_ones_t = self.a_ones.T

    def fill_ones(self) -> None:
        self.a_ones[-1] = 1.0
