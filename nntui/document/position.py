"""Where training is: the loss at each step so far (for the chart and the diagnosis), and a
stretch of training as one undoable edit.

Undoing a stretch gives back more than its weights: the step count, the
samples used (the epoch), the loss so far and the optimiser's state as they
were when the stretch began. A file saved after the undo is then the file
saved before the stretch, and goes on from it bit for bit; redo gives back
where the stretch ended.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import overload

from nntui.core.edits import Reshape
from nntui.core.network import Network
from nntui.core.training import Evaluation
from nntui.core.training.metrics import Metrics
from nntui.core.training.state import TrainerState
from nntui.core.training.stopping import StoppedEarly


@dataclass(frozen=True)
class LossPoint:
    """The loss (and accuracy) on the training and test data after ``step`` steps."""

    step: int
    train: Evaluation
    test: Evaluation


class TrainLosses(Sequence[tuple[int, float]]):
    """The history as (step, train loss) pairs, made one at a time as they are read (it runs every frame)."""

    def __init__(self, points: list[LossPoint]) -> None:
        self._points = points

    def __len__(self) -> int:
        return len(self._points)

    @overload
    def __getitem__(self, index: int) -> tuple[int, float]: ...
    @overload
    def __getitem__(self, index: slice) -> list[tuple[int, float]]: ...
    def __getitem__(self, index: int | slice) -> tuple[int, float] | list[tuple[int, float]]:
        if isinstance(index, slice):
            return [(p.step, p.train.loss) for p in self._points[index]]
        point = self._points[index]
        return point.step, point.train.loss


@dataclass(frozen=True, eq=False)
class TrainingPosition:
    """Where training was at one moment, for the settings it was taken under."""

    data_key: tuple[object, ...]  # the data the steps were counted on
    trained_under: object  # the settings that make the optimiser's state meaningful
    steps: int
    samples: int
    history: tuple[LossPoint, ...]  # the session's loss points, oldest first
    metrics: tuple[Metrics, Metrics] | None
    state: TrainerState | None  # None: the next step starts a fresh optimiser
    stopped: StoppedEarly | None


@dataclass(frozen=True, eq=False)
class TrainingStretch:
    """The edit a stretch of training leaves: its weights as a :class:`Reshape`, and the
    positions of training before and after it, which the document gives back on undo and redo."""

    weights: Reshape
    start: TrainingPosition
    end: TrainingPosition

    def apply(self, network: Network) -> None:
        self.weights.apply(network)

    def revert(self, network: Network) -> None:
        self.weights.revert(network)

    def describe(self, network: Network) -> str:
        return self.weights.describe(network)
