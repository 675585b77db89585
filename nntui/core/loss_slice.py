"""A slice of the loss landscape: the loss as one number moves, every other kept still.

The curve shows why gradient descent works: the slope at the current value
(∂L/∂param, from the backward pass) points uphill, so a step against it goes
down.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray

from nntui.core.backward import backpropagate, parameter_gradients
from nntui.core.edits import ParamRef
from nntui.core.network import Network
from nntui.core.training import loss_and_output_gradient
from nntui.i18n import t

Array = NDArray[np.float64]


@dataclass(frozen=True, eq=False)
class LossSlice:
    """The loss at each of ``values`` of one parameter, and where it is now.

    ``slope`` is ∂L/∂param at ``current`` (``current_loss``): the tangent of
    the curve there.
    """

    values: Array
    losses: Array
    current: float
    current_loss: float
    slope: float


def loss_slice(
    network: Network,
    ref: ParamRef,
    x: ArrayLike,
    y: ArrayLike,
    loss: str | None = None,
    span: float | None = None,
    points: int = 41,
) -> LossSlice:
    """The mean loss over the rows of (``x``, ``y``) as ``ref`` takes ``points`` values
    evenly spread over [current − span, current + span].

    ``x``, ``y``: one sample (vectors) or a whole dataset (one row per sample).
    ``span`` defaults to max(1, 2·|current|).  For an input, ``ref`` moves that
    input in every row, so the rows must all have the same value there (one
    sample always does).  ``loss`` defaults to the trainer's.  ``network`` is
    not changed: the curve is computed on a copy.
    """
    work = network.copy()
    x = np.array(np.atleast_2d(np.asarray(x, dtype=np.float64)))
    y = np.atleast_2d(np.asarray(y, dtype=np.float64))
    _check_ref(work, ref)
    if isinstance(points, bool) or not isinstance(points, (int, np.integer)) or points < 2:
        raise ValueError(t("core.loss_slice.points", value=points))
    result = backpropagate(work, x, y, loss)  # checks the shapes of x and y
    if ref.kind == "input":
        column = x[:, ref.row]
        if not np.all(column == column[0]):
            raise ValueError(t("core.loss_slice.input_varies", name=work.input_names[ref.row]))
        current = float(column[0])
        slope = float(result.input_gradient[:, ref.row].sum())
    else:
        current = ref.get(work)
        weights, biases = parameter_gradients(result)[ref.layer]
        slope = float(weights[ref.row, ref.col] if ref.kind == "weight" else biases[ref.row])
    if span is None:
        span = max(1.0, 2.0 * abs(current))
    elif not (math.isfinite(span) and span > 0):
        raise ValueError(t("core.loss_slice.span", value=span))
    values = np.linspace(current - span, current + span, int(points))
    losses = np.array([_loss_at(work, ref, value, x, y, result.loss_name) for value in values])
    return LossSlice(values, losses, current, result.loss, slope)


def _check_ref(network: Network, ref: ParamRef) -> None:
    """ValueError unless ``ref`` points at a number of ``network``."""
    if ref.kind == "input":
        fits = 0 <= ref.row < network.n_inputs
    else:
        fits = 0 <= ref.layer < len(network.layers) and 0 <= ref.row < network.layers[ref.layer].n_out
        if ref.kind == "weight":
            fits = fits and 0 <= ref.col < network.layers[ref.layer].n_in
    if not fits:
        raise ValueError(t("core.loss_slice.no_such_parameter", ref=f"{ref.kind} {ref.layer} {ref.row} {ref.col}"))


def _loss_at(network: Network, ref: ParamRef, value: float, x: Array, y: Array, loss: str) -> float:
    """The mean loss with ``ref`` set to ``value`` (on ``network``, a private copy)."""
    if ref.kind == "input":
        x = x.copy()
        x[:, ref.row] = value
    else:
        ref.set(network, float(value))
    result = network.forward(x)
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        loss_value, _ = loss_and_output_gradient(
            loss, network.layers[-1].activation, result.pre_activations[-1], result.outputs, y
        )
    return loss_value
