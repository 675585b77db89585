"""Why a network does not learn its data, found in its numbers and said in words.

The training view shows these findings under its numbers, refreshed with
them.  Each rule reads the network's forward pass on the training samples,
the targets, or the loss so far; the thresholds are named below, with the
reason for each.  A finding says what to do, with the key that does it
(``x``: fresh small weights, and an output that can reach the targets).
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from nntui.core.datasets import Dataset
from nntui.core.network import Network
from nntui.core.numbers import format_number
from nntui.core.plural import counted
from nntui.core.training.config import data_mismatch, default_loss
from nntui.i18n import language, t, whole_number

Array = NDArray[np.float64]

# Beyond |z| = 5 sigmoid's slope is under 0.007 and tanh's under 0.0002: the unit hardly moves.
SATURATION_Z = 5.0
MOST = 0.5  # "on most samples": more than half of them
MAX_SAMPLES = 1000  # samples looked at, at most: enough to judge, cheap at every frame
RECENT_POINTS = 10  # the loss history's "recent": its last points (one per frame while playing)
RISING_POINTS = 3  # climbs in a row: one jump is a change by hand, three are the rate
EXPLODE_FACTOR = 10.0  # a climb to 10× the recent lowest is exploding
SWING_FACTOR = 2.0  # swinging above twice the loss of a constant guess is a rate too high
SWING_RISES = 3  # of the recent points' RECENT_POINTS - 1 moves, at least this many up
FLAT_STEPS = 1000  # no progress over this many steps is flat
FLAT_PROGRESS = 0.01  # "no progress": the loss fell by less than 1 %
LEARNED_LOSS = 0.01  # a loss below this is about 0

_BOUNDS: dict[str, tuple[float, float]] = {
    "sigmoid": (0.0, 1.0),
    "tanh": (-1.0, 1.0),
    "relu": (0.0, math.inf),
    "step": (0.0, 1.0),
    "softmax": (0.0, 1.0),
}
_SATURATING = frozenset({"sigmoid", "tanh"})


@dataclass(frozen=True)
class Finding:
    """One thing that keeps the network from learning, and what to do, in the current language."""

    kind: str  # "exploding", "output_range", "saturated", "dead_relu" or "flat"
    text: str


def reachable(activation: str) -> tuple[float, float]:
    """The lowest and highest value an output with this activation can give."""
    return _BOUNDS.get(activation, (-math.inf, math.inf))


def reaches_targets(activation: str, data: Dataset) -> bool:
    """An output with this activation can give every target of ``data``."""
    low, high = reachable(activation)
    target_low, target_high = _target_range(data)
    return low <= target_low and target_high <= high


def suits(activation: str, data: Dataset) -> bool:
    """An output with this activation suits ``data``'s kind: classes want probabilities (a
    sigmoid, or a softmax), values an output that is not a probability and reaches them."""
    if data.kind == "classification":
        return activation in ("sigmoid", "softmax") and reaches_targets(activation, data)
    return activation not in ("sigmoid", "softmax", "step") and reaches_targets(activation, data)


def fitting_output(data: Dataset) -> str:
    """The output activation a new network gets for ``data``: one that can reach its targets.

    Classes: a sigmoid, or a softmax when every sample is in exactly one of
    several classes.  Values: tanh when they lie within −1…1, else linear.
    """
    if data.kind == "classification":
        one_class_each = all(np.all(y.sum(axis=1) == 1.0) for y in (data.y_train, data.y_test))
        return "softmax" if data.n_outputs > 1 and one_class_each else "sigmoid"
    low, high = _target_range(data)
    return "tanh" if low >= -1.0 and high <= 1.0 else "linear"


def diagnose(
    network: Network, data: Dataset, history: Sequence[tuple[int, float]], loss: str | None = None
) -> list[Finding]:
    """What keeps ``network`` from learning ``data``, most pressing first.

    ``history`` is the training loss so far as (step, loss) pairs, oldest
    first, steps increasing; only its last points are read, by index, so a
    long one may be a view.  ``loss`` is the loss trained on (by default, as
    the trainer picks it).
    A network that does not fit the data (inputs, outputs) has no diagnosis:
    the training view says that instead.
    """
    if data_mismatch(network, data) is not None:
        return []
    loss = loss or ("mse" if data.kind == "regression" else default_loss(network))
    x, y = network.inputs_for(data.x_train[:MAX_SAMPLES]), data.y_train[:MAX_SAMPLES]
    with np.errstate(all="ignore"):  # a network gone to inf is diagnosed too, quietly
        result = network.forward(x)
        learned = _learned(result.outputs, y, data.kind == "classification")
        findings = [
            _exploding(history, _constant_guess_loss(data.y_train, loss)),
            _output_range(network, data),
            None if learned else _saturated(network, result.pre_activations, loss),
            _dead_relus(network, result.pre_activations),
        ]
    found = [finding for finding in findings if finding is not None]
    if not learned and not any(f.kind in ("exploding", "output_range", "saturated") for f in found):
        flat = _flat(history)  # said only when no cause above explains it
        if flat is not None:
            found.append(flat)
    return found


# --- the rules ------------------------------------------------------------------------


def _output_range(network: Network, data: Dataset) -> Finding | None:
    activation = network.layers[-1].activation
    if reaches_targets(activation, data):
        return None
    low, high = reachable(activation)
    target_low, target_high = _target_range(data)
    return Finding(
        "output_range",
        t(
            "core.diagnosis.output_range",
            activation=activation,
            low=_bound(low),
            high=_bound(high),
            min=_number(target_low),
            max=_number(target_high),
            fitting=fitting_output(data),
        ),
    )


def _saturated(network: Network, zs: list[Array], loss: str) -> Finding | None:
    """Sigmoid and tanh units sitting on a flat part for most samples.

    Said when most of the units are (more than half: a trained network
    sharpens some of its units on purpose), or an output is: every gradient
    goes through it.  The output counts unless it is a sigmoid learned with
    cross-entropy: that pair's gradient (a − y) does not go through the slope.
    """
    last = len(network.layers) - 1
    checked = saturated = 0
    output_saturated = False
    for k, (layer, z) in enumerate(zip(network.layers, zs)):
        if layer.activation not in _SATURATING or (k == last and loss != "mse"):
            continue
        share = np.mean(~(np.abs(z) <= SATURATION_Z), axis=0)  # NaN counts as saturated
        count = int(np.count_nonzero(share > MOST))
        checked += layer.n_out
        saturated += count
        output_saturated = output_saturated or (k == last and count > 0)
    if saturated == 0 or (saturated * 2 <= checked and not output_saturated):
        return None
    return Finding("saturated", t("core.diagnosis.saturated", count=saturated, total=checked, z=_bound(SATURATION_Z)))


def _dead_relus(network: Network, zs: list[Array]) -> Finding | None:
    dead = sum(
        int(np.count_nonzero(np.all(~(z > 0), axis=0)))
        for layer, z in zip(network.layers, zs)
        if layer.activation == "relu"
    )
    return Finding("dead_relu", counted("core.diagnosis.dead_relu", dead)) if dead else None


def _exploding(history: Sequence[tuple[int, float]], constant_guess: float) -> Finding | None:
    """A loss not finite, climbing point after point, or swinging far above a constant guess's."""
    if not history:
        return None
    recent = np.array([history[i][1] for i in range(max(len(history) - RECENT_POINTS, 0), len(history))])
    finding = Finding("exploding", t("core.diagnosis.exploding"))
    if not np.all(np.isfinite(recent)):
        return finding
    climb = recent[-(RISING_POINTS + 1) :]
    if len(climb) == RISING_POINTS + 1 and np.all(np.diff(climb) > 0) and climb[-1] > EXPLODE_FACTOR * recent.min():
        return finding
    swinging = len(recent) == RECENT_POINTS and int(np.count_nonzero(np.diff(recent) > 0)) >= SWING_RISES
    if swinging and np.median(recent) > SWING_FACTOR * constant_guess:
        return finding
    return None


def _flat(history: Sequence[tuple[int, float]]) -> Finding | None:
    """The loss, not about 0, fell by less than FLAT_PROGRESS over the last FLAT_STEPS steps."""
    if not history:
        return None
    last_step, last_loss = history[-1]
    if not math.isfinite(last_loss) or last_loss < LEARNED_LOSS:
        return None
    cut = bisect_right(history, last_step - FLAT_STEPS, key=lambda point: point[0])
    if cut == 0:  # not FLAT_STEPS steps of history yet
        return None
    lowest_since = min(history[i][1] for i in range(cut, len(history)))
    if lowest_since < (1 - FLAT_PROGRESS) * history[cut - 1][1]:
        return None
    return Finding("flat", t("core.diagnosis.flat", steps=whole_number(FLAT_STEPS)))


# --- helpers --------------------------------------------------------------------------


def _learned(outputs: Array, y: Array, classification: bool) -> bool:
    """Every sample right (classification), or a squared error about 0 (regression)."""
    if not classification:
        return bool(np.mean((outputs - y) ** 2) < LEARNED_LOSS)
    if outputs.shape[1] == 1:
        return bool(np.all((outputs[:, 0] >= 0.5) == (y[:, 0] >= 0.5)))
    return bool(np.all(outputs.argmax(axis=1) == y.argmax(axis=1)))


def _constant_guess_loss(y: Array, loss: str) -> float:
    """The loss of the best output that ignores its inputs: each target's mean, always."""
    mean = y.mean(axis=0)
    if loss == "mse":
        return float(np.mean(y.var(axis=0)))
    p = np.clip(mean, 1e-12, 1 - 1e-12)
    if loss == "binary_cross_entropy":
        return float(np.mean(-(p * np.log(p) + (1 - p) * np.log(1 - p))))
    return float(-(mean * np.log(p)).sum())  # cross-entropy: the classes' entropy


def _target_range(data: Dataset) -> tuple[float, float]:
    return (float(min(data.y_train.min(), data.y_test.min())), float(max(data.y_train.max(), data.y_test.max())))


def _number(value: float) -> str:
    """Two decimals, a real minus sign, and a decimal comma in French."""
    text = format_number(value, ".2f" if abs(value) < 1e6 else ".2e").replace("-", "−")
    return text.replace(".", ",") if language() == "fr" else text


def _bound(value: float) -> str:
    if math.isinf(value):
        return "∞" if value > 0 else "−∞"
    return f"{value:g}".replace("-", "−")
