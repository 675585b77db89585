"""The state of the training view: data, settings, the trainer, the loss so far.

No Textual here: the app drives a session from its worker thread and its
timer, and the tests drive one directly.  The trainer is kept as long as
nothing but training changed the network, so N steps taken in any number of
bursts give exactly the weights of ``nntui train`` for N steps.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from nntui.core.datasets import Dataset, load_csv, make_dataset
from nntui.core.network import Network
from nntui.core.training import (
    Evaluation,
    Trainer,
    TrainingConfig,
    data_mismatch,
    evaluate,
    fitted_config,
)

LEARNING_RATES = (0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0)
BATCH_SIZES = (1, 5, 10, 32, 100, 500)
REGULARIZATION_RATES = (0.0, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0)
NOISE_LEVELS = (0.0, 0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5)
HISTORY_LIMIT = 2000  # loss points kept for the chart


@dataclass(frozen=True)
class TrainingSettings:
    """What the learner chose: the data and the hyper-parameters."""

    dataset: str = "xor"  # a name from DATASET_NAMES, or CSV_DATASET for data_file
    noise: float = 0.0
    config: TrainingConfig = field(default_factory=TrainingConfig)
    data_file: str | None = None  # a CSV file given with --data


CSV_DATASET = "csv"


@dataclass(frozen=True)
class LossPoint:
    step: int
    train: Evaluation
    test: Evaluation


class TrainingSession:
    """Trains one network on one dataset, and remembers how the loss went."""

    def __init__(self, network: Network, settings: TrainingSettings | None = None) -> None:
        self.network = network
        self.settings = settings or TrainingSettings()
        self.dataset: Dataset = self._make_dataset()
        self.trainer: Trainer | None = None
        self.history: list[LossPoint] = []
        self.steps = 0  # since the last reset, across trainers
        self.steps_per_second = 0.0

    def _make_dataset(self) -> Dataset:
        s = self.settings
        if s.dataset == CSV_DATASET and s.data_file is not None:
            # The same call as `nntui train --data`, so both learn the same.
            return load_csv(s.data_file, seed=s.config.seed)
        return make_dataset(s.dataset, noise=s.noise, seed=s.config.seed)

    # --- changes from outside ------------------------------------------------------

    def change(self, settings: TrainingSettings) -> None:
        """New settings: new data if the data changed, and a fresh trainer."""
        data_changed = (settings.dataset, settings.noise, settings.config.seed) != (
            self.settings.dataset, self.settings.noise, self.settings.config.seed
        )
        self.settings = settings
        if data_changed:
            self.dataset = self._make_dataset()
            self.history.clear()
            self.steps = 0
        self.trainer = None

    def network_edited(self, network: Network) -> None:
        """The learner changed the network by hand: optimiser state starts over."""
        self.network = network
        self.trainer = None

    def reset(self) -> None:
        """Back to step 0 (after new random weights): the loss history starts over."""
        self.trainer = None
        self.history.clear()
        self.steps = 0

    # --- training ----------------------------------------------------------------

    def compatible(self) -> str | None:
        """Why this network cannot learn this data, or None when it can."""
        return data_mismatch(self.network, self.dataset)

    def _trainer(self) -> Trainer:
        if self.trainer is None:
            config = fitted_config(self.settings.config, self.dataset)
            self.trainer = Trainer(self.network, self.dataset.x_train, self.dataset.y_train, config)
        return self.trainer

    def run(self, steps: int) -> None:
        """Take ``steps`` steps (DivergenceError passes through, weights restored)."""
        trainer = self._trainer()
        before = trainer.steps_done
        start = time.perf_counter()
        try:
            trainer.run(steps)
        finally:
            self.steps += trainer.steps_done - before  # those that were taken
        elapsed = time.perf_counter() - start
        if elapsed > 0:
            self.steps_per_second = steps / elapsed

    def measure(self) -> LossPoint:
        """Evaluate on the training and test data now, and remember it."""
        data = self.dataset
        classification = data.kind == "classification"
        loss = fitted_config(self.settings.config, data).loss  # as the trainer learns it
        point = LossPoint(
            self.steps,
            evaluate(self.network, data.x_train, data.y_train, loss, classification),
            evaluate(self.network, data.x_test, data.y_test, loss, classification),
        )
        if not self.history or self.history[-1].step != point.step:
            self.history.append(point)
            del self.history[:-HISTORY_LIMIT]
        else:
            self.history[-1] = point
        return point
