"""The stop rule: end training when the test loss has not improved for N steps.

Checked after every step, on the whole test split, so where training stops
depends only on the network, the data and the settings: the playground and
``nntui train`` stop at the same step, whatever the chunks they train in.
"""

from __future__ import annotations

import math

import numpy as np

from nntui.core.training.buffers import Array
from nntui.core.training.losses import evaluate
from nntui.core.training.trainer import Trainer


class StoppedEarly(Exception):
    """The stop rule ended training: no new best test loss in ``patience`` steps.

    Not an error: the weights are those after the last step taken.
    """

    def __init__(self, step: int, best_step: int, best_loss: float, patience: int) -> None:
        super().__init__(step, best_step, best_loss, patience)
        self.step = step  # the trainer's steps when it stopped
        self.best_step = best_step
        self.best_loss = best_loss
        self.patience = patience


class StopRule:
    """Watches the test loss of ``trainer``'s network after each of its steps.

    The best so far starts as the loss before the first step this rule runs;
    a step that brings the loss strictly below it is the new best.  Without
    test samples there is no test loss, and the rule never stops training.
    """

    def __init__(self, trainer: Trainer, patience: int, x_test: Array, y_test: Array) -> None:
        if patience < 1:
            raise ValueError(patience)
        self.trainer = trainer
        self.patience = patience
        self._x, self._y = x_test, y_test
        self.best_step = trainer.steps_done
        self.best_loss = self.test_loss()

    def test_loss(self) -> float:
        """The trainer's loss on the test data (no penalty), NaN without test samples."""
        if len(self._x) == 0:
            return math.nan
        with np.errstate(all="ignore"):
            return evaluate(self.trainer.network, self._x, self._y, self.trainer.loss, classification=False).loss

    def run(self, steps: int) -> None:
        """``steps`` steps, or fewer: StoppedEarly once the loss has not improved for ``patience`` steps.

        A DivergenceError passes through, as from ``Trainer.run``.
        """
        trainer = self.trainer
        for _ in range(steps):
            trainer.run(1)
            loss = self.test_loss()
            if loss < self.best_loss:
                self.best_loss, self.best_step = loss, trainer.steps_done
            elif trainer.steps_done - self.best_step >= self.patience and len(self._x):
                raise StoppedEarly(trainer.steps_done, self.best_step, self.best_loss, self.patience)
