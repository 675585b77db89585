"""How right the network is, beyond the loss: a confusion matrix for classes, R² and squared error for numbers.

Pure NumPy on (samples, values) arrays as ``Network.forward`` gives them.
A class is read from the outputs as :func:`~nntui.core.training.evaluate`
reads it for the accuracy: one output is class 1 from 0.5 up, several
outputs name the class of the largest.  :func:`assess` runs the forward
pass once for the loss, the accuracy and these, so the training view pays
for one pass per split whatever it shows.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from nntui.core.network import Network
from nntui.core.training.config import default_loss
from nntui.core.training.losses import Evaluation, loss_and_output_gradient

Array = NDArray[np.float64]
Counts = NDArray[np.int64]


def classes(values: Array) -> NDArray[np.intp]:
    """The class of each row: 0 or 1 for one column (1 from 0.5 up), else the largest column's index."""
    values = np.atleast_2d(values)
    if values.shape[1] == 1:
        return (values[:, 0] >= 0.5).astype(np.intp)
    winners: NDArray[np.intp] = values.argmax(axis=1)
    return winners


def class_count(targets: Array) -> int:
    """How many classes targets with these columns have: two for one column, one per column otherwise."""
    columns = np.atleast_2d(targets).shape[1]
    return 2 if columns == 1 else columns


def confusion_matrix(outputs: Array, targets: Array, answers: NDArray[np.intp] | None = None) -> Counts:
    """``counts[i, j]``: how many samples of class i (their target) the network puts in class j;
    ``answers``: the outputs' classes, when they are already known."""
    n = class_count(targets)
    actual, predicted = classes(targets), classes(outputs) if answers is None else answers
    return np.bincount(actual * n + predicted, minlength=n * n).astype(np.int64).reshape(n, n)


def row_rates(counts: Counts) -> Array:
    """Each row of ``counts`` as shares of that class's samples (NaN for a class with none)."""
    totals = counts.sum(axis=1, keepdims=True)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.asarray(counts / totals, dtype=np.float64)


def mean_squared_error(outputs: Array, targets: Array) -> float | None:
    """The mean of (output − target)² over every value; None without samples."""
    diff = np.atleast_2d(outputs) - np.atleast_2d(targets)
    if diff.size == 0:
        return None
    return float(np.mean(diff * diff))


def r_squared(outputs: Array, targets: Array) -> float | None:
    """1 − (squared error) / (targets' variance), averaged over the columns.

    1 is a perfect fit, 0 no better than always answering the targets' mean,
    below 0 worse.  None when it means nothing: no samples, or a column
    whose targets are all the same.
    """
    outputs, targets = np.atleast_2d(outputs), np.atleast_2d(targets)
    if targets.shape[0] == 0:
        return None
    residual = ((targets - outputs) ** 2).sum(axis=0)
    total = ((targets - targets.mean(axis=0)) ** 2).sum(axis=0)
    if np.any(total == 0):
        return None
    return float(np.mean(1.0 - residual / total))


@dataclass(frozen=True, eq=False)
class Metrics:
    """What the network gets right on one split of the data."""

    samples: int
    confusion: Counts | None = None  # classification: rows are the targets' classes, columns the answers
    answers: NDArray[np.intp] | None = None  # classification: the class the network gives each sample
    r2: float | None = None  # regression
    mse: float | None = None  # regression

    @property
    def classification(self) -> bool:
        return self.confusion is not None

    @property
    def accuracy(self) -> float | None:
        """The share of samples in the matrix's diagonal (None for regression or without samples)."""
        if self.confusion is None or self.samples == 0:
            return None
        return int(np.trace(self.confusion)) / self.samples


def metrics(outputs: Array, targets: Array, classification: bool) -> Metrics:
    """The confusion matrix (classification) or R² and squared error (regression) of ``outputs``."""
    samples = np.atleast_2d(targets).shape[0]
    if classification:
        answers = classes(outputs)
        return Metrics(samples, confusion=confusion_matrix(outputs, targets, answers), answers=answers)
    return Metrics(samples, r2=r_squared(outputs, targets), mse=mean_squared_error(outputs, targets))


def assess(
    network: Network, x: Array, y: Array, loss: str | None = None, classification: bool = True
) -> tuple[Evaluation, Metrics]:
    """``evaluate``'s loss and accuracy, and the metrics, from one forward pass."""
    loss = loss or default_loss(network)
    y = np.atleast_2d(y)
    result = network.forward(np.atleast_2d(x))
    with np.errstate(all="ignore"):  # a network that overflowed shows nan, it does not warn
        value, _ = loss_and_output_gradient(
            loss, network.layers[-1].activation, result.pre_activations[-1], result.outputs, y
        )
        found = metrics(result.outputs, y, classification)
    return Evaluation(value, found.accuracy), found
