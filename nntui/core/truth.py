"""Truth tables: what a network answers for every combination of low and high inputs.

A network with n inputs (n ≤ :data:`MAX_TRUTH_INPUTS`) has 2ⁿ rows, in the
order of binary counting: the first input is the most significant, low comes
before high.  With targets, each row says whether the network got it right:

* when the output activation decides (sigmoid, softmax, step) and the target
  is 0 or 1, the output must be on the target's side of 0.5 (strictly: an
  output of exactly 0.5 has not decided);
* otherwise the output must be within ``tolerance`` of the target.

:func:`separable` tells whether one line (one neuron) can split rows of 0/1
targets at all: the reason XOR needs a hidden layer.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache

import numpy as np
from numpy.typing import NDArray

from nntui.core.network import Network
from nntui.i18n import t

MAX_TRUTH_INPUTS = 4

# Output activations whose output is read as a yes (> 0.5) or a no (< 0.5).
DECIDING_ACTIVATIONS = frozenset({"sigmoid", "softmax", "step"})

Targets = Callable[[tuple[bool, ...]], tuple[float, ...]]


class TruthTableError(ValueError):
    """The network has too many inputs for a truth table (or the targets do not fit)."""


@dataclass(frozen=True)
class TruthRow:
    """One row: the input values, the outputs, the wanted outputs, and whether all are right.

    ``target`` and ``ok`` are None when the table was made without targets.
    """

    inputs: tuple[float, ...]
    outputs: tuple[float, ...]
    target: tuple[float, ...] | None
    ok: bool | None


def input_combinations(n: int) -> list[tuple[bool, ...]]:
    """Every combination of n inputs (True: high), first input most significant, low first."""
    return list(itertools.product((False, True), repeat=n))


def truth_table(
    network: Network,
    *,
    low: float = 0.0,
    high: float = 1.0,
    targets: Targets | None = None,
    tolerance: float = 0.1,
) -> list[TruthRow]:
    """The 2ⁿ rows of ``network``'s truth table, its outputs from one batched forward pass.

    ``targets`` maps the tuple of booleans (is each input high?) to the wanted
    outputs.  TruthTableError when the network has more than
    :data:`MAX_TRUTH_INPUTS` inputs, or when a target has the wrong length.
    """
    n = network.n_inputs
    if network.features is not None:
        raise TruthTableError(t("core.truth.features"))
    if n > MAX_TRUTH_INPUTS:
        raise TruthTableError(t("core.truth.too_many_inputs", count=n, limit=MAX_TRUTH_INPUTS))
    combinations = input_combinations(n)
    x = np.array([[high if bit else low for bit in row] for row in combinations], dtype=np.float64)
    outputs = network.forward(x).outputs
    n_out = network.layers[-1].n_out
    deciding = network.layers[-1].activation in DECIDING_ACTIVATIONS
    rows = []
    for bits, inputs, out in zip(combinations, x, outputs):
        target: tuple[float, ...] | None = None
        ok: bool | None = None
        if targets is not None:
            target = tuple(float(v) for v in targets(bits))
            if len(target) != n_out:
                raise TruthTableError(t("core.truth.targets_count", count=len(target), outputs=n_out))
            ok = all(_output_ok(float(o), w, deciding, tolerance) for o, w in zip(out, target))
        rows.append(TruthRow(tuple(float(v) for v in inputs), tuple(float(v) for v in out), target, ok))
    return rows


def _output_ok(output: float, target: float, deciding: bool, tolerance: float) -> bool:
    if deciding and target in (0.0, 1.0):
        return output > 0.5 if target == 1.0 else output < 0.5  # NaN is never right
    return bool(abs(output - target) <= tolerance)


def rows_right(rows: Sequence[TruthRow]) -> int:
    """How many rows are right (rows without a target count as wrong)."""
    return sum(1 for row in rows if row.ok)


# --- can one neuron do it? ------------------------------------------------------------


def separable(rows: Sequence[TruthRow]) -> bool:
    """Whether one straight line (a hyperplane) can put the yes rows on one side, the no rows on the other.

    That is exactly what a single neuron with a monotone activation can do.
    Each row needs a single target of 0 or 1, and each input at most two
    values (its low and its high).  Exact: every threshold function of up to
    four inputs has whole weights between -3 and 3 (Muroga), so trying them
    all decides it.
    """
    if not rows:
        return True
    n = len(rows[0].inputs)
    if n > MAX_TRUTH_INPUTS:
        raise TruthTableError(t("core.truth.too_many_inputs", count=n, limit=MAX_TRUTH_INPUTS))
    columns = np.array([row.inputs for row in rows], dtype=np.float64).reshape(len(rows), n)
    corners = np.zeros(len(rows), dtype=np.int64)
    for i in range(n):
        values = np.unique(columns[:, i])
        if len(values) > 2:
            raise TruthTableError(t("core.truth.not_binary", input=i + 1))
        corners = corners * 2 + (columns[:, i] == values[-1]) * (len(values) == 2)
    labels = []
    for row in rows:
        if row.target is None or len(row.target) != 1 or row.target[0] not in (0.0, 1.0):
            raise TruthTableError(t("core.truth.needs_binary_target"))
        labels.append(row.target[0] == 1.0)
    wanted = np.array(labels)
    realisable = _threshold_functions(n)  # (functions, 2**n) booleans
    if any(wanted[corners == c].any() and not wanted[corners == c].all() for c in set(corners.tolist())):
        return False  # the same corner asked for both answers
    return bool(np.any(np.all(realisable[:, corners] == wanted, axis=1)))


@cache
def _threshold_functions(n: int) -> NDArray[np.bool_]:
    """Every Boolean function of n inputs one neuron computes: [w·x ≥ θ], one row each."""
    corners = np.array(input_combinations(n), dtype=np.int64).reshape(2**n, n)
    weights = np.array(list(itertools.product(range(-3, 4), repeat=n)), dtype=np.int64).reshape(-1, n)
    sums = weights @ corners.T  # (weight vectors, corners): whole numbers in [-3n, 3n]
    thresholds = np.arange(-3 * n, 3 * n + 2) - 0.5
    tables = (sums[:, None, :] >= thresholds[None, :, None]).reshape(-1, 2**n)
    return np.unique(tables, axis=0)
