"""A softmax output layer read as an answer: each output a probability, the largest marked.

The outputs panel shows each output of a softmax layer as a percentage and a
bar as long as it (a full bar is 100 %), and marks the winner; the inspector
writes the softmax out, y = e^z / Σ e^z, with numbers a learner can check.
Pure functions of the numbers: the widgets draw what they return.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from nntui.core.network import Network
from nntui.core.numbers import NOT_A_VALUE

PERCENT_WIDTH = 6  # "100.0%", " 87.3%", " <0.1%"
MARK = "◀"  # beside the winning output: a character, so it reads without colour
EXP_LIMIT = 700.0  # e^z of a larger z (or of all z below -EXP_LIMIT) leaves the float range: shown shifted


def is_softmax(network: Network) -> bool:
    """Whether the network's outputs are a softmax: probabilities that add up to 1."""
    return network.layers[-1].activation == "softmax"


def percent(p: float, count: int) -> str:
    """``p`` as a percentage in PERCENT_WIDTH characters, one decimal.

    A softmax of two outputs or more is never exactly 0 or 1: a value that would
    round to 0.0 % or 100.0 % says so ("<0.1%", ">99.9%") rather than look certain.

    >>> percent(0.8734, 10), percent(0.00001, 10), percent(0.99999, 2), percent(1.0, 1)
    (' 87.3%', ' <0.1%', '>99.9%', '100.0%')
    """
    if not math.isfinite(p):
        return NOT_A_VALUE.rjust(PERCENT_WIDTH)
    text = f"{100 * p:.1f}%"
    if count > 1 and text == "0.0%":
        text = "<0.1%"
    elif count > 1 and text == "100.0%":
        text = ">99.9%"
    return text.rjust(PERCENT_WIDTH)


def winners(probabilities: list[float], texts: list[str]) -> list[int]:
    """The output of the largest probability, and any other shown with the same percentage
    (``texts``): a learner sees a tie. None when a value is not finite (no answer to give)
    or there is only one output (no choice made).

    >>> winners([0.2, 0.7, 0.1], ["20.0%", "70.0%", "10.0%"]), winners([0.5, 0.5], ["50.0%", "50.0%"])
    ([1], [0, 1])
    """
    if len(probabilities) < 2 or not all(math.isfinite(p) for p in probabilities):
        return []
    best = texts[int(np.argmax(probabilities))]
    return [i for i, text in enumerate(texts) if text == best]


@dataclass(frozen=True)
class SoftmaxParts:
    """One softmax output written out: y = e^(z − shift) / Σ e^(z − shift) over its layer.

    ``shift`` is 0 when e^z itself can be written for every neuron of the layer;
    otherwise it is the largest z (the same y, numbers that stay finite).
    Not finite (dashes) when a z of the layer is not.
    """

    z: float
    shift: float
    exp: float  # e^(z − shift)
    total: float  # Σ e^(z − shift) over the layer's neurons
    y: float
    count: int  # the layer's neurons

    @property
    def shifted(self) -> bool:
        return self.shift != 0.0

    @property
    def finite(self) -> bool:
        return all(math.isfinite(v) for v in (self.z, self.exp, self.total, self.y))


def softmax_parts(zs: np.ndarray, j: int) -> SoftmaxParts:
    """The parts of output ``j`` of a softmax over the sums ``zs`` (one layer, one sample)."""
    zs = np.asarray(zs, dtype=np.float64)
    z = float(zs[j])
    if not np.all(np.isfinite(zs)):
        nan = float("nan")
        return SoftmaxParts(z, 0.0, nan, nan, nan, len(zs))
    largest = float(zs.max())
    shift = 0.0 if -EXP_LIMIT <= largest <= EXP_LIMIT else largest
    e = np.exp(zs - shift)
    total = float(e.sum())
    return SoftmaxParts(z, shift, float(e[j]), total, float(e[j]) / total, len(zs))
