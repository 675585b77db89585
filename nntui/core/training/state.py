"""Where a trainer is: what it needs to go on exactly as it would have.

A trainer's next steps depend on more than the weights: the optimiser's
memory (the momentum's velocity; Adam's two moments and its step count,
which corrects their bias) and the place in the order of the mini-batches.
The order is drawn from the seed, one shuffle of the training samples per
epoch, so the place is the number of shuffles done (``epoch``) and the
samples of the current epoch already used (``position``): replaying those
shuffles from the seed gives back the random state, bit for bit.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from nntui.core.training.buffers import Array

Moments = tuple[tuple[Array, Array], ...]  # per layer: (weights-shaped, bias-shaped)


@dataclass(frozen=True, eq=False)
class TrainerState:
    """A trainer's state between two steps (see the module's docstring)."""

    step: int  # optimiser steps taken: Adam's t
    epoch: int  # shuffles of the training samples done
    position: int  # samples of this epoch already used
    samples: int  # how many training samples the order is over
    first: Moments | None = None  # the momentum's velocity, Adam's first moment; None for SGD
    second: Moments | None = None  # Adam's second moment; None otherwise

    def same_as(self, other: TrainerState) -> bool:
        """Equal, every number bit for bit."""

        def same(a: Moments | None, b: Moments | None) -> bool:
            if a is None or b is None:
                return a is b
            return len(a) == len(b) and all(
                np.array_equal(wa, wb) and np.array_equal(ba, bb) for (wa, ba), (wb, bb) in zip(a, b)
            )

        return (
            (self.step, self.epoch, self.position, self.samples)
            == (other.step, other.epoch, other.position, other.samples)
            and same(self.first, other.first)
            and same(self.second, other.second)
        )


# Replaying costs about 15 ns per sample moved plus 1.5 µs per shuffle (measured): this budget
# of epochs × (samples + REPLAY_OVERHEAD) is about a second and a half. A state beyond it is
# not replayed (the trainer starts afresh): a file may hold an epoch count of 2**53.
REPLAY_BUDGET = 100_000_000
REPLAY_OVERHEAD = 100  # a shuffle's own cost, in samples moved


def replayable(samples: int, epochs: int) -> bool:
    """Whether ``epochs`` shuffles of ``samples`` samples replay within REPLAY_BUDGET."""
    return epochs * (samples + REPLAY_OVERHEAD) <= REPLAY_BUDGET


def replayed_order(seed: int, samples: int, epochs: int) -> tuple[np.random.Generator, NDArray[np.intp]]:
    """The random generator and the sample order after ``epochs`` shuffles from ``seed``."""
    rng = np.random.default_rng(seed)
    order = np.arange(samples)
    for _ in range(epochs):
        rng.shuffle(order)
    return rng, order
