"""The training session: data, settings, the trainer, the loss so far.

No Textual here: the playground drives a session from its worker thread and
its timer, ``nntui train`` and the tests drive one directly.  The session
holds the *only* copy of the training settings.  The trainer is kept as long
as nothing but training changed the network, so N steps taken in any number
of bursts give exactly the weights of ``nntui train`` for N steps: both
build their data with :func:`training_data` and their trainer with
:func:`new_trainer`.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field, fields, replace

from nntui.core.datasets import Dataset, load_csv, make_dataset
from nntui.core.edits import Reshape
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
CSV_DATASET = "csv"


@dataclass(frozen=True)
class TrainingSettings:
    """What the learner chose: the data and the hyper-parameters."""

    dataset: str = "xor"  # a name from DATASET_NAMES, or CSV_DATASET for data_file
    noise: float = 0.0
    config: TrainingConfig = field(default_factory=TrainingConfig)
    data_file: str | None = None  # a CSV file given with --data

    def with_setting(self, name: str, value: object) -> TrainingSettings:
        """These settings with one field changed: ``dataset``, ``noise`` or a TrainingConfig field."""
        if name in DATA_FIELDS:
            return replace(self, **{name: value})
        if name in CONFIG_FIELDS:
            return replace(self, config=replace(self.config, **{name: value}))
        raise KeyError(name)

    def setting(self, name: str) -> object:
        """The value of one field, by the same names as :meth:`with_setting`."""
        if name in DATA_FIELDS:
            return getattr(self, name)
        if name in CONFIG_FIELDS:
            return getattr(self.config, name)
        raise KeyError(name)


DATA_FIELDS = frozenset({"dataset", "noise"})
CONFIG_FIELDS = frozenset(f.name for f in fields(TrainingConfig))


def training_data(settings: TrainingSettings) -> Dataset:
    """The data ``settings`` name: a CSV file, or a generated set (ValueError/DataFileError)."""
    if settings.dataset == CSV_DATASET and settings.data_file is not None:
        return load_csv(settings.data_file, seed=settings.config.seed)
    return make_dataset(settings.dataset, noise=settings.noise, seed=settings.config.seed)


def new_trainer(network: Network, dataset: Dataset, config: TrainingConfig) -> Trainer:
    """A trainer of ``network`` on the training part of ``dataset`` (TrainingError if bad)."""
    return Trainer(network, dataset.x_train, dataset.y_train, fitted_config(config, dataset))


@dataclass(frozen=True)
class LossPoint:
    step: int
    train: Evaluation
    test: Evaluation


class TrainingSession:
    """Trains one network on one dataset, and remembers how the loss went.

    A *stretch* is the training between two changes by hand: it begins at
    the first step and becomes one undoable edit when it ends.
    """

    def __init__(self, network: Network, settings: TrainingSettings | None = None) -> None:
        self.network = network
        self.settings = settings or TrainingSettings()
        self._dataset: Dataset | None = None  # made when first needed
        self.trainer: Trainer | None = None
        self.history: list[LossPoint] = []
        self.steps = 0  # since the last reset, across trainers
        self.steps_per_second = 0.0
        self._stretch_start: Network | None = None  # the network when this stretch began
        self._stretch_steps = 0

    @property
    def dataset(self) -> Dataset:
        if self._dataset is None:
            self._dataset = training_data(self.settings)
        return self._dataset

    # --- changes from outside ------------------------------------------------------

    def change(self, settings: TrainingSettings) -> None:
        """New settings: new data if the data changed, and a fresh trainer."""
        data_changed = (settings.dataset, settings.noise, settings.config.seed, settings.data_file) != (
            self.settings.dataset, self.settings.noise, self.settings.config.seed, self.settings.data_file
        )
        self.settings = settings
        if data_changed:
            self._dataset = None
            self.history.clear()
            self.steps = 0
        self.trainer = None

    def change_setting(self, name: str, value: object) -> bool:
        """Change one setting by name; False when it already had that value."""
        settings = self.settings.with_setting(name, value)
        if settings == self.settings:
            return False
        self.change(settings)
        return True

    def network_edited(self, network: Network) -> None:
        """The network changed by hand (or was replaced): optimiser state starts over."""
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
            self.trainer = new_trainer(self.network, self.dataset, self.settings.config)
        return self.trainer

    def run(self, steps: int) -> None:
        """Take ``steps`` steps (DivergenceError passes through, weights restored)."""
        trainer = self._trainer()
        self.begin_stretch()
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

    # --- stretches ----------------------------------------------------------------

    def begin_stretch(self) -> None:
        """Remember the network before the first step of a stretch."""
        if self._stretch_start is None:
            self._stretch_start = self.network.copy()
            self._stretch_steps = self.steps

    @property
    def in_stretch(self) -> bool:
        """Steps were taken (or are being taken) that no undoable edit holds yet."""
        return self._stretch_start is not None

    def end_stretch(self, describe: Callable[[int], str]) -> Reshape | None:
        """Close the stretch: the edit from before it to now, or None if no step was taken.

        ``describe`` gives the edit's words from the number of steps.
        """
        start, self._stretch_start = self._stretch_start, None
        steps = self.steps - self._stretch_steps
        if start is None or steps <= 0:
            return None
        return Reshape(start, self.network.copy(), describe(steps))
